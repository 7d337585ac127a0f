"""Saving activities and news: who did it, which version, and their related rows, in one go.

Callers pass validated values (the portal's forms, the Django admin); these functions do not
validate again. Every save goes through `record_save`, so the staff forms and the admin raise the
version the same way and refuse the same stale edits, and django-simple-history records `user`
as the history user even outside a request.
"""

from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from activities.models import LINKS, Activity, ActivityImport, NewsItem
from core.languages import in_default_language
from projects.models import IndicatorValue, Objective
from stakeholders.models import Country, Institution

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
    """Set an activity's links; its latest history entry (this save's) keeps them."""
    with links_in_latest_entry(instance):
        for name, values in relations.items():
            if values is not None:
                getattr(instance, name).set(values)


def _link_history(name):
    """The history model of one of an activity's many-to-many links (`countries`…)."""
    return getattr(Activity.history.model, name).model


@contextmanager
def links_in_latest_entry(activity):
    """Links changed inside are written to the activity's latest history entry.

    django-simple-history would add an entry per link changed; one save is one entry, holding
    the links as they are once saved (the staff forms, the admin and the import all save so).
    """
    activity.skip_history_when_saving = True
    try:
        yield
    finally:
        del activity.skip_history_when_saving
    latest = activity.history.order_by("-history_date", "-history_id").first()
    if latest is None:
        return
    for name in LINKS:
        history = _link_history(name)
        history.objects.filter(history=latest).delete()
        through = getattr(Activity, name).through
        history.objects.bulk_create(
            history(
                history=latest, **{f.attname: getattr(row, f.attname) for f in through._meta.fields}
            )
            for row in through.objects.filter(activity=activity)
        )


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


# The history entry of a story or an indicator value whose activity was deleted: this, then
# the activity's id; `activity_restore` links them again.
UNLINKED_REASON = "unlinked from deleted activity:"
RESTORED_REASON = "restored"
LINKED_TO_ACTIVITY = (NewsItem, IndicatorValue)  # each with `activity`, SET_NULL on delete


def activity_unlinking(sender, instance, **kwargs):
    """pre_delete of an activity: its stories and indicator values lose the link *in history*.

    The database would set their `activity` to NULL with one UPDATE, which history never sees;
    saving each one first keeps the change (connected in activities/apps.py, so the portal's
    delete and the admin's, one by one or selected, all pass here).
    """
    user = getattr(instance, "_history_user", None)
    for model in LINKED_TO_ACTIVITY:
        for record in model.objects.filter(activity=instance):
            record.activity = None
            record._change_reason = f"{UNLINKED_REASON}{instance.pk}"
            if user is not None:
                record._history_user = user
            record.save()


class NotRestorable(Exception):
    """The activity is not deleted (or never was)."""


def latest_deletion(pk):
    """The history entry of activity `pk`'s deletion, if it is deleted now; else None."""
    if Activity.objects.filter(pk=pk).exists():
        return None
    latest = Activity.history.filter(id=pk).order_by("-history_date", "-history_id").first()
    return latest if latest is not None and latest.history_type == "-" else None


@transaction.atomic
def activity_restore(deletion, *, user):
    """Bring back the activity deleted in `deletion` (its "-" history entry) as `user`.

    Its fields come from that entry; its countries, objectives and institutions from the entry
    before (the links are gone by the time the deletion is written), those that still exist; its
    stories and indicator values are linked again unless they changed since they were unlinked.
    """
    pk = deletion.id
    if Activity.objects.filter(pk=pk).exists():
        raise NotRestorable
    before = (
        Activity.history.filter(id=pk)
        .exclude(history_type="-")
        .order_by("-history_date", "-history_id")
        .first()
    )
    activity = deletion.instance
    activity.updated_by = activity._history_user = user
    activity._change_reason = RESTORED_REASON
    activity.save(force_insert=True)
    if before is not None:
        linked = {
            name: model.objects.filter(
                pk__in=_link_history(name).objects.filter(history=before).values(f"{key}_id")
            )
            for name, model, key in [
                ("countries", Country, "country"),
                ("objectives", Objective, "objective"),
                ("institutions", Institution, "institution"),
            ]
        }
        linked["objectives"] = linked["objectives"].filter(project=activity.project_id)
        _set_relations(activity, linked)
    reason = f"{UNLINKED_REASON}{pk}"
    for model in LINKED_TO_ACTIVITY:
        unlinked = model.history.filter(history_change_reason=reason).values("id")
        for record in model.objects.filter(pk__in=unlinked, activity__isnull=True):
            if (
                record.history.order_by("-history_date", "-history_id")[0].history_change_reason
                != reason
            ):
                continue  # changed since: left as it is
            record.activity = activity
            record._change_reason = RESTORED_REASON
            record._history_user = user
            record.save()
    return activity


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
