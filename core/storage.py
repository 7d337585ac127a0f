"""The portal's storage on disk: documents with no URL (pictures on S3: core.object_storage).

boto3 is imported only by core.object_storage, which settings name when STORAGE_URL is set: a
worker on disk storage does not carry it (about 20 MB of memory each).
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class DocumentStorage(FileSystemStorage):
    """Files under MEDIA_ROOT/documents (following MEDIA_ROOT when a test changes it)."""

    @cached_property
    def base_location(self):
        return os.path.join(settings.MEDIA_ROOT, "documents")

    def url(self, name):
        raise ValueError("Documents have no public URL: link to the view that serves them.")
