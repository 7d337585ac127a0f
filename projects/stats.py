"""Dashboard figures, each computed in the database with one aggregate query.

Participants are counted over held activities only; an activity without a count is "not
recorded" and is never summed as zero (the `*_unrecorded` figures say how many there are).
"""

from datetime import date

from django.db.models import (
    Case,
    CharField,
    Count,
    DecimalField,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, ExtractYear, NullIf, TruncMonth

from activities.models import Activity
from core.db import joined
from core.languages import in_active_language
from projects.models import Funding, IndicatorValue, Project
from stakeholders.models import Country, Institution

HELD = Q(status=Activity.Status.HELD)
PLANNED = Q(status=Activity.Status.PLANNED)
CANCELLED = Q(status=Activity.Status.CANCELLED)
LATEST_PER_OBJECTIVE = 10
# What a line of an objective's latest activities shows (its link, title, date and status).
ACTIVITY_LINE_FIELDS = ("title", "title_en", "title_fr", "start_date", "status")


def status_counts(prefix=""):
    """Count(…) per activity status, for `values(...).annotate(**status_counts())`."""
    return {
        status: Count(f"{prefix}pk", filter=Q(**{f"{prefix}status": status}))
        for status in Activity.Status.values
    }


def percent(part, whole):
    """`part` as a percentage of `whole`, or None when `whole` is empty or zero."""
    if part is None or not whole:
        return None
    return float(part) * 100 / float(whole)


# Project dashboard -------------------------------------------------------------------------


def project_time(project: Project, today: date):
    """Days elapsed (0 before the start, the duration after the end) out of the duration."""
    duration = (project.end_date - project.start_date).days + 1
    elapsed = min(max((today - project.start_date).days + 1, 0), duration)
    return {
        "duration_days": duration,
        "elapsed_days": elapsed,
        "percent": percent(elapsed, duration),
    }


def institutions_by_kind(project: Project):
    """Distinct institutions in the project's activities or among its partners, by kind."""
    engaged = Institution.objects.filter(
        Q(
            pk__in=Activity.institutions.through.objects.filter(activity__project=project).values(
                "institution"
            )
        )
        | Q(pk__in=project.partners.values("institution"))
    )
    return list(
        engaged.order_by().values("kind").annotate(count=Count("pk")).order_by("-count", "kind")
    )


def indicators_with_progress(indicators, values=None):
    """Annotate `achieved` (the latest value, or for a cumulative indicator its baseline plus the
    sum of its values), `achieved_date` (the latest value's) and `progress` (% of the way from
    baseline to target, None when unknown).

    `values`: the indicator values that count (all of them unless given: the staff dashboards
    follow values as they are recorded; visitors, public files and reports read approved ones).
    """
    values = IndicatorValue.objects.all() if values is None else values
    own = values.filter(indicator=OuterRef("pk"))
    latest = own.order_by(F("period__end").desc(nulls_last=True), "-date", "-pk")
    decimal = DecimalField(max_digits=16, decimal_places=2)
    baseline = Coalesce("baseline", Value(0), output_field=decimal)
    total = own.order_by().values("indicator").annotate(x=Sum("value")).values("x")
    indicators = indicators.annotate(
        latest_value=Subquery(latest.values("value")[:1]),
        achieved_date=Subquery(latest.values("date")[:1]),
        values_total=Subquery(total, output_field=decimal),
    ).annotate(
        # A cumulative indicator's values add up from its baseline; another one is measured anew.
        achieved=Case(
            When(cumulative=True, values_total__isnull=False, then=baseline + F("values_total")),
            When(cumulative=True, then=Value(None, output_field=decimal)),
            default=F("latest_value"),
            output_field=decimal,
        )
    )
    # Floats, as SQLite divides integer-valued decimals with integer division; NULL (no
    # progress figure) when the target equals the baseline, rather than a division by zero.
    return indicators.annotate(
        progress=(Cast(F("achieved"), FloatField()) - Cast(baseline, FloatField()))
        * 100.0
        / NullIf(Cast(F("target"), FloatField()) - Cast(baseline, FloatField()), Value(0.0))
    )


def with_latest_activities(objectives, *, only=(), latest=LATEST_PER_OBJECTIVE):
    """Annotate each objective's activity count; prefetch its `latest` latest activities as
    `latest_activities` (a project may log hundreds per objective)."""
    activities = Activity.objects.only(*only) if only else Activity.objects.all()
    # A GROUP BY query drops Meta.ordering: the logframe order is asked for again.
    counted = objectives.annotate(activities_count=Count("activities"))
    return counted.order_by("position", "code", "pk").prefetch_related(
        Prefetch(
            "activities",
            queryset=activities.order_by("-start_date", "-pk")[:latest],
            to_attr="latest_activities",
        )
    )


# Portfolio dashboard -----------------------------------------------------------------------


def _per_project(queryset, aggregate, output_field):
    """A correlated subquery: `aggregate` over `queryset` rows of the outer project (0 if none)."""
    return Coalesce(
        Subquery(
            queryset.filter(project=OuterRef("pk"))
            .order_by()
            .values("project")
            .annotate(figure=aggregate)
            .values("figure"),
            output_field=output_field,
        ),
        Value(0),
        output_field=output_field,
    )


def in_period(activities, start=None, end=None):
    """The activities that start from `start` to `end` (either None: no bound)."""
    if start:
        activities = activities.filter(start_date__gte=start)
    if end:
        activities = activities.filter(start_date__lte=end)
    return activities


def with_portfolio_figures(projects, start=None, end=None):
    """Annotate activity counts and participants reached (of the period), one query for all."""
    activities = in_period(Activity.objects.all(), start, end)
    return projects.annotate(
        activities_count=_per_project(activities, Count("pk"), IntegerField()),
        activities_held=_per_project(activities.held(), Count("pk"), IntegerField()),
        participants=_per_project(activities.held(), Sum("participants_total"), IntegerField()),
    )


def totals_by_country(projects):
    """Per country and currency: projects covering it and their budgets.

    A project covering several countries counts fully in each of them.
    """
    return list(
        Country.objects.filter(projects__in=projects.values("pk"))
        .order_by()
        .values("code", "name", "footnote", "projects__currency")
        .annotate(
            projects_count=Count("projects", distinct=True),
            # Empty, not 0, when no project there states its budget.
            budget=Sum("projects__budget"),
        )
        .order_by(F("budget").desc(nulls_last=True), "name")
    )


def totals_by_funder(projects):
    """Per funder and currency: projects funded and known amounts; `funder_name` in the page's
    language (the English name where there is no other)."""
    return list(
        Funding.objects.filter(project__in=projects.values("pk"))
        .order_by()
        .values(
            "funder__acronym",
            "funder__slug",
            "project__currency",
            funder_name=in_active_language("funder__name"),
        )
        .annotate(projects_count=Count("project", distinct=True), amount=Sum("amount"))
        .order_by(F("amount").desc(nulls_last=True), "funder_name")
    )


def totals_by_year(projects, start=None, end=None):
    """Per calendar year of the activities (of the period): counts by status, participants
    reached, women and men."""
    return list(
        in_period(Activity.objects.filter(project__in=projects.values("pk")), start, end)
        .order_by()
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(
            total=Count("pk"),
            **status_counts(),
            participants=Sum("participants_total", filter=HELD),
            women=Sum("participants_women", filter=HELD),
            men=Sum("participants_men", filter=HELD),
        )
        .order_by("year")
    )


def starred_country_name():
    """A through row's country name, with the asterisk of a footnoted territory ("Kosovo*")."""
    return Concat(
        "country__name",
        Case(When(country__footnote="", then=Value("")), default=Value("*")),
        output_field=CharField(),
    )


def country_names(through=None, owner="project"):
    """A record's countries and territories as one text, "Kosovo*, Serbia" (a subquery); a
    project's unless another through model and owner are given."""
    return joined(
        (through or Project.countries.through).objects,
        owner,
        starred_country_name(),
        delimiter=", ",
        order_by=["country__name"],
    )


# Totals from grouped rows -------------------------------------------------------------------------


def sum_known(values):
    """SQL SUM semantics: None when every value is None."""
    present = [value for value in values if value is not None]
    return sum(present) if present else None


def activity_breakdown(activities):
    """(totals, by_kind, by_month) of the activities, from one query grouped by kind and month.

    totals: counts by status, logged cost, participants (held activities) and how many held
    activities have no count; by_kind and by_month: [{kind or month, total, planned, held,
    cancelled}], the largest kind and the oldest month first.
    """
    rows = list(
        activities.order_by()
        .annotate(month=TruncMonth("start_date"))
        .values("kind", "month")
        .annotate(
            total=Count("pk"),
            **status_counts(),
            cost_total=Sum("cost"),
            with_cost=Count("pk", filter=Q(cost__isnull=False)),
            participants=Sum("participants_total", filter=HELD),
            women=Sum("participants_women", filter=HELD),
            men=Sum("participants_men", filter=HELD),
            participants_unrecorded=Count("pk", filter=HELD & Q(participants_total__isnull=True)),
            women_unrecorded=Count("pk", filter=HELD & Q(participants_women__isnull=True)),
            men_unrecorded=Count("pk", filter=HELD & Q(participants_men__isnull=True)),
        )
    )
    counted = ["total", *Activity.Status.values]
    totals = {"count": sum(row["total"] for row in rows)}
    for key in [*Activity.Status.values, "with_cost"]:
        totals[key] = sum(row[key] for row in rows)
    for key in ("cost_total", "participants", "women", "men"):
        totals[key] = sum_known(row[key] for row in rows)
    for figure in ("participants", "women", "men"):
        totals[f"{figure}_unrecorded"] = sum(row[f"{figure}_unrecorded"] for row in rows)
        if totals[figure] is None and not totals[f"{figure}_unrecorded"]:
            totals[figure] = 0

    def grouped(key):
        groups = {}
        for row in rows:
            group = groups.setdefault(row[key], {key: row[key], **dict.fromkeys(counted, 0)})
            for name in counted:
                group[name] += row[name]
        return list(groups.values())

    by_kind = sorted(grouped("kind"), key=lambda row: (-row["total"], row["kind"]))
    by_month = sorted(grouped("month"), key=lambda row: row["month"])
    return totals, by_kind, by_month


def portfolio_totals(projects, by_year):
    """Projects, budgets (one total per currency), and the activity figures of totals_by_year."""
    per_currency = list(
        Project.objects.filter(pk__in=projects.values("pk"))
        .order_by()
        .values("currency")
        .annotate(count=Count("pk"), budget=Sum("budget"))
        .order_by("currency")
    )
    return {
        "projects": sum(row["count"] for row in per_currency),
        "budgets": [
            {"currency": row["currency"], "budget": row["budget"]}
            for row in per_currency
            if row["budget"] is not None
        ],
        "activities": sum(row["total"] for row in by_year),
        "held": sum(row[Activity.Status.HELD] for row in by_year),
        "participants": sum(row["participants"] or 0 for row in by_year),
        "women": sum_known(row["women"] for row in by_year),
        "men": sum_known(row["men"] for row in by_year),
    }


# Continuous time axes ---------------------------------------------------------------------------


def _month_starts(first, last):
    month = date(first.year, first.month, 1)
    while month <= last:
        yield month
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def continuous(rows, key, steps):
    """`rows` ({key: …, counts…}) with a zero row for each of `steps` they lack, in order."""
    by_key = {row[key]: row for row in rows}
    counted = [name for name in (rows[0] if rows else {}) if name != key]
    return [by_key.get(step) or {key: step, **dict.fromkeys(counted, 0)} for step in steps]


def every_month(by_month, first=None, last=None):
    """by_month (TruncMonth rows) from `first`'s month to `last`'s (or the rows' own first and
    last), months with no activity as zeros."""
    months = [row["month"] for row in by_month if row["month"]]
    first = first or min(months, default=None)
    last = last or max(months, default=None)
    if first is None or last is None or not by_month:
        return by_month
    return continuous(by_month, "month", list(_month_starts(first, last)))


def every_year(by_year, first=None, last=None):
    """by_year from `first` to `last` (or the rows' own), years with no activity as zeros."""
    years = [row["year"] for row in by_year if row["year"]]
    first = first or min(years, default=None)
    last = last or max(years, default=None)
    if first is None or last is None or not by_year:
        return by_year
    return continuous(by_year, "year", list(range(first, last + 1)))
