"""The portal's storages: documents on disk (no URL), pictures on S3 addressed through /media/."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.encoding import filepath_to_uri
from django.utils.functional import cached_property
from storages.backends.s3 import S3Storage


class DocumentStorage(FileSystemStorage):
    """Files under MEDIA_ROOT/documents (following MEDIA_ROOT when a test changes it)."""

    @cached_property
    def base_location(self):
        return os.path.join(settings.MEDIA_ROOT, "documents")

    def url(self, name):
        raise ValueError("Documents have no public URL: link to the view that serves them.")


class MediaS3Storage(S3Storage):
    """Pictures in the bucket (STORAGE_URL), addressed on the portal's own /media/.

    Pages stay same-origin (the Content Security Policy allows images from 'self' only) and the
    bucket need not be public; core.views.media_file reads each file through this storage.
    """

    def url(self, name, *args, **kwargs):
        return settings.MEDIA_URL + filepath_to_uri(name)
