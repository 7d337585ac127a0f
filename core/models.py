"""Abstract models the apps' records build on (core holds no tables of its own)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EditedRecord(models.Model):
    """A record staff edit through forms: who saved it last, when, and its edit version.

    The version is raised on every save (activities.services), so a form loaded at an older
    version cannot overwrite a newer save.
    """

    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last updated by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Raised on every save; guards edits.")
    )

    class Meta:
        abstract = True
