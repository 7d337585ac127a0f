"""The documents' storage on disk: MEDIA_ROOT/documents, with no URL (a view serves each file)."""

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
