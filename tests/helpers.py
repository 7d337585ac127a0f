"""Assertions shared by the model tests."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction


def errors_of(obj):
    """The field errors `full_clean()` reports for `obj` (it must report some)."""
    with pytest.raises(ValidationError) as excinfo:
        obj.full_clean()
    return excinfo.value.message_dict


def assert_database_rejects(obj):
    """Saving without validation hits a database constraint."""
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()
