"""Saving activities and news: who did it, which version, and their related rows, in one go.

Callers pass validated values (from activities.forms); these functions do not validate again.
Every save goes through Model.save(), so django-simple-history records it, with `user` as the
history user even outside a request (HistoryRequestMiddleware gives the same user inside one).
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, NewsItem

ACTIVITY_RELATIONS = ("countries", "objectives", "institutions")


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
        super().__init__(_("The record changed while it was being edited."))

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


def _claim_version(model, pk, version):
    """Raise the stored version by one, only if it is still `version`; else EditConflict.

    A single conditional UPDATE: on PostgreSQL the second of two concurrent saves waits for the
    first's row lock, then finds the version moved on and matches no row.
    """
    if not model.objects.filter(pk=pk, version=version).update(version=version + 1):
        raise EditConflict(model, pk)
    return version + 1


def _set_relations(instance, relations):
    for name, values in relations.items():
        if values is not None:
            getattr(instance, name).set(values)


@transaction.atomic
def activity_create(*, user, countries=(), objectives=(), institutions=(), **fields):
    """Log a new activity for `fields["project"]` as `user`."""
    activity = Activity(**fields, created_by=user, updated_by=user)
    activity._history_user = user
    activity.save()
    _set_relations(
        activity,
        {"countries": countries, "objectives": objectives, "institutions": institutions},
    )
    return activity


@transaction.atomic
def activity_update(
    *, activity, user, version, countries=None, objectives=None, institutions=None, **fields
):
    """Save `fields` on `activity` unless someone saved it after `version` was loaded."""
    activity.version = _claim_version(Activity, activity.pk, version)
    for name, value in fields.items():
        setattr(activity, name, value)
    activity.updated_by = activity._history_user = user
    activity.save()
    _set_relations(
        activity,
        {"countries": countries, "objectives": objectives, "institutions": institutions},
    )
    return activity


@transaction.atomic
def activity_delete(*, activity, user):
    """Delete `activity`; its news stories stay, without the link."""
    activity._history_user = user
    activity.delete()


@transaction.atomic
def news_create(*, user, **fields):
    """Write a new story as `user` (its author)."""
    item = NewsItem(**fields, author=user, updated_by=user)
    item._history_user = user
    item.save()
    return item


@transaction.atomic
def news_update(*, item, user, version, **fields):
    """Save `fields` on `item` unless someone saved it after `version` was loaded."""
    item.version = _claim_version(NewsItem, item.pk, version)
    for name, value in fields.items():
        setattr(item, name, value)
    item.updated_by = item._history_user = user
    item.save()
    return item


@transaction.atomic
def news_delete(*, item, user):
    item._history_user = user
    item.delete()
