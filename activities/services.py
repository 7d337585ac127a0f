"""Saving activities and news: who did it, which version, and their related rows, in one go.

Callers pass validated values (the portal's forms, the Django admin); these functions do not
validate again. Every save goes through `record_save`, so the staff forms and the admin raise the
version the same way and refuse the same stale edits, and django-simple-history records `user`
as the history user even outside a request.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from activities.models import Activity, ActivityImport, NewsItem
from core.languages import in_default_language

# The history entry of an imported activity: this, then the file's name.
IMPORT_REASON = "import:"


def display_name(user):
    if user is None:
        return _("someone")
    return user.get_full_name() or user.get_username()


class EditConflict(Exception):
    """Someone else saved (or deleted) the record after this user loaded it."""

    def __init__(self, model, pk):
        self.current = model.objects.select_related("updated_by").filter(pk=pk).first()
        self.deletion = None
        if self.current is None:
            self.deletion = (
                model.history.filter(id=pk, history_type="-")
                .select_related("history_user")
                .order_by("-history_date")
                .first()
            )
        super().__init__("The record changed while it was being edited.")

    @property
    def by(self):
        if self.current is not None:
            return self.current.updated_by
        return self.deletion.history_user if self.deletion else None

    @property
    def at(self):
        if self.current is not None:
            return self.current.updated_at
        return self.deletion.history_date if self.deletion else None

    def message(self):
        """What the person whose save was refused reads."""
        if self.current is None:
            text = _(
                "%(user)s deleted this record on %(when)s, after you opened it. Your changes were "
                "not saved; copy what you need from the form below."
            )
        else:
            text = _(
                "%(user)s saved this record on %(when)s, after you opened it. Your changes were "
                "not saved yet: they are still in the form below. Check their version, then save "
                "again to replace it with yours."
            )
        when = date_format(localtime(self.at), "DATETIME_FORMAT") if self.at else "—"
        return text % {"user": display_name(self.by), "when": when}


def _claim_version(model, pk, version):
    """Raise the stored version by one, only if it is still `version`; else EditConflict.

    A single conditional UPDATE: on PostgreSQL the second of two concurrent saves waits for the
    first's row lock, then finds the version moved on and matches no row.
    """
    if not model.objects.filter(pk=pk, version=version).update(version=version + 1):
        raise EditConflict(model, pk)
    return version + 1


@transaction.atomic
def record_save(record, *, user, version=None, change_reason=None):
    """Save an activity or a story as `user`; an existing one only if still at `version`.

    A new record is credited to `user` (logged by, or author when none is given); its history
    entry carries `change_reason` when given (an import says so).
    """
    if change_reason:
        record._change_reason = change_reason
    if record.pk is None:
        if isinstance(record, Activity):
            record.created_by = user
        elif record.author_id is None:
            record.author = user
    else:
        record.version = _claim_version(type(record), record.pk, version)
    record.updated_by = record._history_user = user
    record.save()
    return record


def _set_relations(instance, relations):
    for name, values in relations.items():
        if values is not None:
            getattr(instance, name).set(values)


@transaction.atomic
def activity_create(
    *, user, countries=(), objectives=(), institutions=(), change_reason=None, **fields
):
    """Log a new activity for `fields["project"]` as `user`."""
    with in_default_language():
        activity = Activity(**fields)
    activity = record_save(activity, user=user, change_reason=change_reason)
    _set_relations(
        activity,
        {"countries": countries, "objectives": objectives, "institutions": institutions},
    )
    return activity


@transaction.atomic
def activity_update(
    activity, *, user, version, countries=None, objectives=None, institutions=None, **fields
):
    """Save `fields` on `activity` unless someone saved it after `version` was loaded."""
    with in_default_language():
        for name, value in fields.items():
            setattr(activity, name, value)
    record_save(activity, user=user, version=version)
    _set_relations(
        activity,
        {"countries": countries, "objectives": objectives, "institutions": institutions},
    )
    return activity


@transaction.atomic
def record_delete(record, *, user):
    """Delete an activity (its stories stay, without the link) or a story."""
    record._history_user = user
    record.delete()


@transaction.atomic
def news_create(*, user, **fields):
    """Write a new story as `user` (its author)."""
    with in_default_language():
        item = NewsItem(**fields)
    return record_save(item, user=user)


@transaction.atomic
def news_update(item, *, user, version, **fields):
    """Save `fields` on `item` unless someone saved it after `version` was loaded."""
    with in_default_language():
        for name, value in fields.items():
            setattr(item, name, value)
    return record_save(item, user=user, version=version)


@transaction.atomic
def activities_import(activity_import, *, user, records):
    """Add the activities of `records` (each the fields of one) as `user`: all, or none.

    Each one's history says it came from the spreadsheet; the import keeps who, when and what.
    """
    reason = f"{IMPORT_REASON}{activity_import.file_name}"[: ActivityImport.REASON_LENGTH]
    added = [activity_create(user=user, change_reason=reason, **fields) for fields in records]
    activity_import.activities.set(added)
    activity_import.imported_at = timezone.now()
    activity_import.sheet = {}
    activity_import.save()
    return added
