"""Reporting periods, per-period targets and the shared indicator catalogue (issue 15).

They live beside the logframe because the logframe's own models point at them (a value belongs
to a period, an indicator may share a definition); the review loop, computed values and the
results pages are in the `results` app, a layer above activities. projects.models re-exports them.
"""

import calendar
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.models import bounded_date_validators
from projects.logframe import project_key


class Frequency(models.TextChoices):
    """How often a project reports; `months` is each period's length."""

    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    SEMI_ANNUAL = "semi_annual", _("Semi-annual")
    ANNUAL = "annual", _("Annual")


MONTHS = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.SEMI_ANNUAL: 6,
    Frequency.ANNUAL: 12,
}


class ReportingPeriodQuerySet(models.QuerySet):
    def containing(self, day):
        return self.filter(start__lte=day, end__gte=day)


class ReportingPeriod(models.Model):
    """A stretch of a project's time its results are reported for (custom ones included)."""

    project = project_key("reporting_periods")
    start = models.DateField(_("start"), validators=bounded_date_validators())
    end = models.DateField(_("end"), validators=bounded_date_validators())

    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["project", "start"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="period_end_after_start"),
            models.UniqueConstraint(fields=["project", "start"], name="period_start_unique"),
        ]

    def __str__(self):
        return f"{date_format(self.start)} – {date_format(self.end)}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("results:project", args=[self.project.slug]) + f"#period-{self.pk}"

    def cache_scopes(self):
        return {f"project:{self.project_id}"}

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("A period cannot end before it starts.")})

    def contains(self, day):
        return self.start <= day <= self.end


def add_months(day, months):
    """The first day `months` months after the month of `day` (whose day must be the 1st)."""
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1)


def calendar_periods(start, end, frequency):
    """(start, end) pairs covering start..end, cut on calendar months, quarters, halves, years.

    Periods follow the calendar (a quarterly project starting in February reports February–March,
    then April–June…), as donors' reporting does; the first and last are cut to the dates.
    """
    months = MONTHS[Frequency(frequency)]
    # The calendar block the start falls in: months counted from January.
    block = date(start.year, (start.month - 1) // months * months + 1, 1)
    periods = []
    while block <= end:
        following = add_months(block, months)
        periods.append((max(block, start), min(following - timedelta(days=1), end)))
        block = following
    return periods


def generate_periods(project, frequency):
    """Give `project` the periods of `frequency` over its dates; existing ones are kept.

    Returns the periods added. A period is not added where one already starts on the same day or
    overlaps it (custom periods stay as the team made them).
    """
    existing = list(project.reporting_periods.all())
    added = []
    for start, end in calendar_periods(project.start_date, project.end_date, frequency):
        if any(p.start <= end and start <= p.end for p in existing):
            continue
        added.append(ReportingPeriod(project=project, start=start, end=end))
    return ReportingPeriod.objects.bulk_create(added)


def period_for(project_id, day):
    """The project's period containing `day`, made (that calendar year, cut to nothing) if none."""
    found = ReportingPeriod.objects.filter(project_id=project_id).containing(day).first()
    if found is None:
        last = calendar.monthrange(day.year, 12)[1]
        start, end = date(day.year, 1, 1), date(day.year, 12, last)
        # Not over another period: shrink the year to the gap around `day`.
        others = ReportingPeriod.objects.filter(
            project_id=project_id, start__lte=end, end__gte=start
        )
        for other in others:
            if other.end < day:
                start = max(start, other.end + timedelta(days=1))
            else:
                end = min(end, other.start - timedelta(days=1))
        found = ReportingPeriod.objects.create(project_id=project_id, start=start, end=end)
    return found


class PeriodTarget(models.Model):
    """An indicator's target for one reporting period, beside its whole-project target."""

    indicator = models.ForeignKey(
        "projects.Indicator",
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="period_targets",
    )
    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("period"),
        on_delete=models.CASCADE,
        related_name="targets",
    )
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["indicator", "period__start"]
        verbose_name = _("period target")
        verbose_name_plural = _("period targets")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="period_target_unique")
        ]

    def __str__(self):
        return f"{self.indicator}: {self.target} ({self.period})"

    def cache_scopes(self):
        return {f"project:{self.period.project_id}"}

    def clean(self):
        if (
            self.indicator_id
            and self.period_id
            and self.indicator.objective.project_id != self.period.project_id
        ):
            raise ValidationError({"period": _("Choose a period of the indicator's project.")})


class IndicatorDefinition(models.Model):
    """A shared indicator of the portfolio ("people trained", in "people") projects link to."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    unit = models.CharField(_("unit"), max_length=50, help_text=_('E.g. "people".'))
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("shared indicator definition")
        verbose_name_plural = _("shared indicator definitions")

    def __str__(self):
        return f"{self.name} ({self.unit})"

    def cache_scopes(self):
        return {"results"}


class AgeGroup(models.TextChoices):
    UNDER_18 = "0-17", _("Under 18")
    FROM_18 = "18-29", _("18 to 29")
    FROM_30 = "30-49", _("30 to 49")
    FROM_50 = "50-64", _("50 to 64")
    FROM_65 = "65+", _("65 and over")


class ValueSplit(models.Model):
    """A part of a value: the people of one age group, or of one country or territory.

    The parts of one kind never add up to more than the value (the value form checks; one row
    cannot see its siblings in a database constraint).
    """

    value = models.ForeignKey(
        "projects.IndicatorValue",
        verbose_name=_("value"),
        on_delete=models.CASCADE,
        related_name="splits",
    )
    age_group = models.CharField(
        _("age group"), max_length=10, choices=AgeGroup.choices, blank=True
    )
    country = models.ForeignKey(
        "stakeholders.Country",
        verbose_name=_("country or territory"),
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
    )
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["value", "age_group", "country"]
        verbose_name = _("part of a value")
        verbose_name_plural = _("parts of values")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="split_not_negative"),
            models.CheckConstraint(
                condition=(Q(age_group="") & Q(country__isnull=False))
                | (~Q(age_group="") & Q(country__isnull=True)),
                name="split_one_dimension",
            ),
            models.UniqueConstraint(
                fields=["value", "age_group"], condition=~Q(age_group=""), name="split_age_unique"
            ),
            models.UniqueConstraint(
                fields=["value", "country"],
                condition=Q(country__isnull=False),
                name="split_country_unique",
            ),
        ]

    def __str__(self):
        return f"{self.get_age_group_display() or self.country}: {self.amount}"

    def cache_scopes(self):
        return {"results"}
