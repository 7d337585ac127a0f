"""Abstract models the apps' records build on, and the history of accounts."""

import datetime

import simple_history
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from core.slugs import unique_slug

# Every date the portal stores lies in these bounds: a year 9999 cannot overflow `date + 1 day`
# in a calendar or a duration, and a typo (0202 for 2022) is caught at once.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)
DATE_BOUNDS_MESSAGE = _("Enter a date between 1900 and 2100.")


def bounded_date_validators():
    """The validators of every date field: 1900-01-01 to 2100-12-31."""
    return [
        MinValueValidator(EARLIEST_DATE, message=DATE_BOUNDS_MESSAGE),
        MaxValueValidator(LATEST_DATE, message=DATE_BOUNDS_MESSAGE),
    ]


def date_in_bounds(field, name):
    """The database's version of the same rule, as a named CHECK constraint."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__gte": EARLIEST_DATE, f"{field}__lte": LATEST_DATE}),
        name=name,
    )


def user_key(verbose_name):
    """A link to the user who did something; kept as empty when that account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )


def internal_note_field():
    """An editorial note for staff: the team and managers see it, visitors never do."""
    return models.TextField(
        _("staff-only note"),
        blank=True,
        help_text=_("Seen by the team and managers only, never on public pages."),
    )


class SluggedModel(models.Model):
    """A record with a unique slug in its URL, made from `slug_source()` when left empty."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    # Words the model's URLs use where a slug could stand ("new" in /stakeholders/new/).
    reserved_slugs = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.slug_source(), reserved=self.reserved_slugs)
        super().save(*args, **kwargs)

    def slug_source(self):
        return str(self)


class EditedRecord(models.Model):
    """A record staff edit through forms: who saved it last, when, and its edit version.

    The version is raised on every save (activities.services), so a form loaded at an older
    version cannot overwrite a newer save.
    """

    updated_by = user_key(_("last updated by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Raised on every save; guards edits.")
    )

    class Meta:
        abstract = True


# Every change to an account (active or not, staff, admin, its groups: the manager role) is kept
# in history with who made it, as team changes are (ProjectMembership.history). Neither the
# password hash nor the time of the last sign-in is copied into it.
simple_history.register(
    get_user_model(),
    app="core",
    m2m_fields=["groups"],
    excluded_fields=["password", "last_login"],
    verbose_name=_("account history"),
)


@receiver(pre_save, sender=get_user_model(), dispatch_uid="portal-sign-in-not-in-history")
def sign_ins_are_not_history(sender, instance, update_fields=None, **kwargs):
    """Signing in saves `last_login` only: that is no change to the account."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        instance.skip_history_when_saving = True
    elif hasattr(instance, "skip_history_when_saving"):
        del instance.skip_history_when_saving
