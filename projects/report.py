"""The period report of a project (issue 15): what it did and achieved between two dates.

Every figure is computed in the database with a bounded number of queries, whatever the number
of activities. Indicator values are read through `results_values` only.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, OuterRef, Prefetch, Subquery, Sum

from activities.models import Activity, NewsItem
from core.db import joined
from projects import finance, stats
from projects.models import Indicator, IndicatorValue, Objective, PeriodTarget, ReportNarrative


def results_values(project, start=None, end=None):
    """The indicator values of `project` that count in reports, dated from `start` to `end`.

    The one place the report reads values from: which values count is decided here.
    """
    values = IndicatorValue.objects.approved().filter(indicator__objective__project=project)
    if start:
        values = values.filter(date__gte=start)
    if end:
        values = values.filter(date__lte=end)
    return values


def period_targets(indicators, start, end):
    """Annotate the targets of the reporting periods that lie within `start`..`end`: their sum
    (`period_target_sum`) and the last one (`period_target_last`)."""
    targets = PeriodTarget.objects.filter(
        indicator=OuterRef("pk"), period__start__gte=start, period__end__lte=end
    )
    return indicators.annotate(
        period_target_sum=Subquery(
            targets.order_by().values("indicator").annotate(total=Sum("target")).values("total")
        ),
        period_target_last=Subquery(targets.order_by("-period__start").values("target")[:1]),
    )


def period_target(indicator):
    """The indicator's target for the report's period: its period targets (the last one for a
    cumulative indicator, else their sum), or the whole project's when it has none."""
    if indicator.period_target_last is None:
        return indicator.target
    return indicator.period_target_last if indicator.cumulative else indicator.period_target_sum


@dataclass
class Period:
    start: date
    end: date


def period_activities(project, period):
    """The project's activities that start in the period, oldest first."""
    return Activity.objects.filter(
        project=project, start_date__gte=period.start, start_date__lte=period.end
    )


def indicators(project, period):
    """Each objective in logframe order with its indicators: baseline, target, the period's value
    (the latest measured in it), the cumulative value (the latest up to the period's end) and
    progress from baseline to target; two queries."""
    in_period = results_values(project, period.start, period.end).filter(indicator=OuterRef("pk"))
    measured = stats.indicators_with_progress(
        period_targets(Indicator.objects.all(), period.start, period.end),
        values=results_values(project, end=period.end),
    ).annotate(
        period_value=Subquery(in_period.order_by("-date", "-pk").values("value")[:1]),
    )
    objectives = (
        Objective.objects.filter(project=project)
        .order_by("position", "code", "pk")
        .prefetch_related(Prefetch("indicators", queryset=measured))
    )
    rows = []
    for objective in objectives:
        for indicator in objective.indicators.all():
            indicator.period_target = period_target(indicator)
        rows.append(objective)
    return rows


def activities_table(activities):
    """The period's activities with their institutions and countries as texts; one query."""
    return (
        activities.annotate(
            institution_names=joined(
                Activity.institutions.through.objects,
                "activity",
                "institution__name",
                order_by=["institution__name"],
            ),
            country_names=stats.country_names(Activity.countries.through, "activity"),
        )
        .only(
            "pk",
            "title",
            "kind",
            "status",
            "start_date",
            "end_date",
            "city",
            "participants_total",
            "participants_women",
            "participants_men",
            "participants_qualifier",
        )
        .order_by("start_date", "pk")
    )


def participants_by_country(activities):
    """Per country or territory of the held activities: participants, women and men (an
    activity in several countries counts in each); one query."""
    return list(
        Activity.countries.through.objects.filter(activity__in=activities.held())
        .order_by()
        .values("country__code", "country__name", "country__footnote")
        .annotate(
            activities=Count("activity"),
            participants=Sum("activity__participants_total"),
            women=Sum("activity__participants_women"),
            men=Sum("activity__participants_men"),
        )
        .order_by("country__name")
    )


def institutions_count(activities):
    return (
        Activity.institutions.through.objects.filter(activity__in=activities)
        .values("institution")
        .distinct()
        .count()
    )


def narratives(project, period):
    """{objective id: text} the team wrote for exactly this period."""
    return dict(
        ReportNarrative.objects.filter(
            project=project, start=period.start, end=period.end
        ).values_list("objective_id", "text")
    )


def period_news(project, period):
    return (
        NewsItem.objects.published()
        .filter(project=project, published_on__gte=period.start, published_on__lte=period.end)
        .order_by("published_on", "pk")
        .only("pk", "slug", "title", "published_on", "lead")
    )


def build(project, period, *, with_activities=True):
    """Everything the report shows (HTML and PDF) or writes (Excel)."""
    activities = period_activities(project, period)
    totals, by_kind, _by_month = stats.activity_breakdown(activities)
    kinds = dict(Activity.Kind.choices)
    for row in by_kind:
        row["label"] = kinds.get(row["kind"], row["kind"])
    years, total = finance.budget_and_spending(project, start=period.start, end=period.end)
    objectives = indicators(project, period)
    texts = narratives(project, period)
    for objective in objectives:
        objective.narrative = texts.get(objective.pk, "")
    return {
        "project": project,
        "period": period,
        "totals": totals,
        "women_percent": stats.percent(totals["women"], totals["participants"]),
        "by_kind": by_kind,
        "institutions_count": institutions_count(activities),
        "objectives": objectives,
        "activities": list(activities_table(activities)) if with_activities else None,
        "by_country": participants_by_country(activities),
        "news": list(period_news(project, period)),
        "years": years,
        "total": total,
    }
