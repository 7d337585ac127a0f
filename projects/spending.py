"""What a project spent: its expenditure, recorded by the team (projects.models re-exports it)."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import bounded_date_validators, date_in_bounds, user_key
from projects.logframe import project_key


class ExpenditureQuerySet(models.QuerySet):
    def between(self, start=None, end=None):
        """Spent from `start` to `end` (both included; either may be None: no bound)."""
        spent = self
        if start:
            spent = spent.filter(date__gte=start)
        if end:
            spent = spent.filter(date__lte=end)
        return spent


class Expenditure(models.Model):
    """An amount a project spent on a date, in the project's currency."""

    class Category(models.TextChoices):
        STAFF = "staff", _("Staff")
        TRAVEL = "travel", _("Travel and subsistence")
        EVENTS = "events", _("Events and meetings")
        EXPERTS = "experts", _("Experts and consultants")
        EQUIPMENT = "equipment", _("Equipment and supplies")
        OTHER = "other", _("Other")

    project = project_key("expenditures")
    date = models.DateField(_("date"), validators=bounded_date_validators())
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("In the project's currency."),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    note = models.CharField(_("note"), max_length=255, blank=True)
    recorded_by = user_key(_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    history = HistoricalRecords()

    objects = ExpenditureQuerySet.as_manager()

    class Meta:
        ordering = ["project", "-date", "-pk"]
        verbose_name = _("expenditure")
        verbose_name_plural = _("expenditure")
        indexes = [models.Index(fields=["project", "date"], name="expenditure_project_date")]
        constraints = [
            date_in_bounds("date", "expenditure_date_in_bounds"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="expenditure_positive"),
        ]

    def __str__(self):
        return f"{self.project}: {self.amount} {self.project.currency} ({self.date})"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("projects:expenditure", args=[self.project.slug])

    def cache_scopes(self):
        """Its project's pages."""
        return {f"project:{self.project_id}"}


class ReportNarrative(models.Model):
    """What the team writes about one logframe line for one reporting period (the period report)."""

    project = project_key("report_narratives")
    objective = models.ForeignKey(
        "projects.Objective",
        verbose_name=_("objective"),
        on_delete=models.CASCADE,
        related_name="report_narratives",
    )
    start = models.DateField(_("start"), validators=bounded_date_validators())
    end = models.DateField(_("end"), validators=bounded_date_validators())
    text = models.TextField(_("narrative"), blank=True)
    updated_by = user_key(_("last updated by"))
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "start", "end", "objective"]
        verbose_name = _("report narrative")
        verbose_name_plural = _("report narratives")
        constraints = [
            models.UniqueConstraint(
                fields=["objective", "start", "end"], name="report_narrative_once_a_period"
            ),
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="report_narrative_end_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.objective} ({self.start} – {self.end})"

    def cache_scopes(self):
        """Its project's pages."""
        return {f"project:{self.project_id}"}
