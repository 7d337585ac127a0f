"""Pictures on S3-compatible object storage (STORAGE_URL), addressed through /media/."""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class MediaS3Storage(S3Storage):
    """Pictures in the bucket (STORAGE_URL), addressed on the portal's own /media/.

    Pages stay same-origin (the Content Security Policy allows images from 'self' only) and the
    bucket need not be public; core.views.media_file reads each file through this storage.
    """

    def url(self, name, *args, **kwargs):
        return settings.MEDIA_URL + filepath_to_uri(name)
