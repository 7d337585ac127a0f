"""An activity's gallery and documents, and a story's lead picture (see projects/media.py).

Re-exported by `activities.models`.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from projects.media import DocumentBase, PictureBase, participant_lists_internal


class ActivityPicture(PictureBase):
    """A picture in an activity's gallery."""

    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="pictures",
    )

    class Meta(PictureBase.Meta):
        verbose_name = _("activity picture")
        verbose_name_plural = _("activity pictures")

    def cache_scopes(self):
        return {f"project:{self.activity.project_id}", "activities"}


class NewsPicture(PictureBase):
    """A story's picture; the first leads the story (and its sharing card)."""

    story = models.ForeignKey(
        "activities.NewsItem",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="pictures",
    )

    class Meta(PictureBase.Meta):
        verbose_name = _("story picture")
        verbose_name_plural = _("story pictures")

    def cache_scopes(self):
        return {f"project:{self.story.project_id}", "news"}


class ActivityDocument(DocumentBase):
    """An activity's agenda, participant list, report…"""

    project_path = "activity__project"
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="documents",
    )

    class Meta(DocumentBase.Meta):
        verbose_name = _("activity document")
        verbose_name_plural = _("activity documents")
        constraints = [participant_lists_internal("activity_document_participants_internal")]

    def get_absolute_url(self):
        return reverse("activities:document", args=[self.activity_id, self.pk])

    def cache_scopes(self):
        return {f"project:{self.activity.project_id}", "activities"}
