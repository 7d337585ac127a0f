"""The review loop's log: who submitted, approved or returned a period's values, and why."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import user_key


class ValueReview(models.Model):
    """One step of a period's review: submitted, approved, or returned with a reason."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned")

    period = models.ForeignKey(
        "projects.ReportingPeriod",
        verbose_name=_("period"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    action = models.CharField(_("step"), max_length=10, choices=Action.choices)
    reason = models.TextField(_("reason"), blank=True)
    values = models.ManyToManyField(
        "projects.IndicatorValue", verbose_name=_("values"), related_name="reviews", blank=True
    )
    user = user_key(_("by"))
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["period", "-at", "-pk"]
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")
        indexes = [models.Index(fields=["period", "-at"], name="review_latest")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(action="returned") | ~Q(reason=""), name="review_return_has_reason"
            )
        ]

    def __str__(self):
        return f"{self.period}: {self.get_action_display()}"

    def cache_scopes(self):
        return {f"project:{self.period.project_id}"}
