"""Results as visitors read them: approved values only (`IndicatorValue.objects.approved()`).

Everything is annotated on queries the pages make anyway, so a page's query count does not grow
with its projects, indicators or values.
"""

from django.db.models import (
    Case,
    Count,
    DecimalField,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, NullIf

from activities.models import Activity
from projects.models import IndicatorValue


def _scalar(queryset, field, function, output_field):
    """A correlated subquery giving one aggregate of `queryset` per outer row."""
    grouped = queryset.order_by().values(field).annotate(x=function).values("x")
    return Subquery(grouped, output_field=output_field)


def indicators_with_results(indicators):
    """Annotate `achieved` (the latest approved value, or their sum for a cumulative indicator),
    `achieved_date` and `progress` (% of the way from baseline to target, None when unknown)."""
    approved = IndicatorValue.objects.approved().filter(indicator=OuterRef("pk"))
    latest = approved.order_by("-period__end", "-date", "-pk")
    decimal = DecimalField(max_digits=16, decimal_places=2)
    baseline = Coalesce("baseline", Value(0), output_field=decimal)
    indicators = indicators.annotate(
        latest_approved=Subquery(latest.values("value")[:1]),
        achieved_date=Subquery(latest.values("date")[:1]),
        approved_total=_scalar(approved, "indicator", Sum("value"), decimal),
    ).annotate(
        # A cumulative indicator's values add up from its baseline; another one is measured anew.
        achieved=Case(
            When(
                cumulative=True,
                approved_total__isnull=False,
                then=baseline + F("approved_total"),
            ),
            When(cumulative=True, then=Value(None, output_field=decimal)),
            default=F("latest_approved"),
            output_field=decimal,
        )
    )
    # Floats, as SQLite divides integer-valued decimals with integer division; None when the
    # target equals the baseline (projects.stats.indicators_with_progress does the same).
    return indicators.annotate(
        progress=(Cast(F("achieved"), FloatField()) - Cast(baseline, FloatField()))
        * 100.0
        / NullIf(
            Cast(F("target"), FloatField()) - Cast(baseline, FloatField()),
            Value(0.0),
        )
    )


def with_key_figures(projects):
    """Annotate each project's held activities, their participants (women, men) and the
    institutions they reached."""
    held = Activity.objects.filter(project=OuterRef("pk"), status=Activity.Status.HELD)
    number = IntegerField()
    return projects.annotate(
        held_count=_scalar(held, "project", Count("pk"), number),
        participants=_scalar(held, "project", Sum("participants_total"), number),
        participants_women=_scalar(held, "project", Sum("participants_women"), number),
        participants_men=_scalar(held, "project", Sum("participants_men"), number),
        institutions_reached=_scalar(
            held.filter(institutions__isnull=False),
            "project",
            Count("institutions", distinct=True),
            number,
        ),
    )


def share_of_women(project):
    """Women as a percentage of the participants whose sex is recorded; None when unknown."""
    women = project.participants_women or 0
    men = project.participants_men or 0
    if not women + men:
        return None
    return float(women) * 100 / float(women + men)


def bar_width(progress):
    """A progress bar's width in percent, kept within 0..100 (the text gives the true figure)."""
    if progress is None:
        return 0
    return max(0, min(100, round(progress)))
