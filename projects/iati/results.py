"""The logframe as IATI results (issue 17 item 4, issue 15 item 9).

Every objective with indicators is a `result`; each indicator has a period over the whole project
(its overall target and the latest approved value), then one period per reporting period that has
a period target or an approved value, with the women/men split as `actual`s disaggregated by sex
(a `dimension` names a category; the amount is its `actual`'s value). Only approved values are
published. The API (`api/serializers.py`) reads the same periods.
"""

from decimal import Decimal

from django.db.models import Prefetch

from projects.iati.xml import decimal_text, narrative, sub
from projects.models import IndicatorValue, Objective, PeriodTarget

# IATI IndicatorMeasure code of a count ("unit"): values of one period add up; the other
# measures (percentage, nominal, ordinal) take the period's latest value.
UNIT = "1"
# IATI ResultType codes by logframe level.
RESULT_TYPE = {
    Objective.Level.ACTIVITY_GROUP: "1",  # output
    Objective.Level.OUTPUT: "1",
    Objective.Level.RESULT: "1",
    Objective.Level.PURPOSE: "2",  # outcome
    Objective.Level.SPECIFIC: "2",
    Objective.Level.OVERALL: "3",  # impact
}


def period_prefetches():
    """What `reporting_periods` reads of an indicator: its period targets (`targets_by_period`)
    and approved values, oldest first (`approved_values`), each with its period (the IATI files
    and the API)."""
    return [
        Prefetch(
            "period_targets",
            queryset=PeriodTarget.objects.select_related("period"),
            to_attr="targets_by_period",
        ),
        Prefetch(
            "values",
            queryset=IndicatorValue.objects.approved()
            .select_related("period")
            .order_by("date", "pk"),
            to_attr="approved_values",
        ),
    ]


def add_result(activity, project, objective, indicators):
    result = sub(activity, "result", type=RESULT_TYPE[objective.level], aggregation_status="false")
    narrative(result, "title", f"{objective.code}. {objective.title}")
    if objective.description:
        narrative(result, "description", objective.description)
    for item in indicators:
        add_indicator(result, item, project)


def add_indicator(result, item, project):
    """An indicator: numbers for measures 1–4; a qualitative one's target is a comment with no
    value (IATI rule: a qualitative indicator's values are left out)."""
    ascending = None
    if not item.is_qualitative and item.baseline is not None:
        ascending = "true" if item.target >= item.baseline else "false"
    indicator = sub(result, "indicator", measure=item.measure, ascending=ascending)
    narrative(indicator, "title", item.name)
    if item.means_of_verification:
        narrative(indicator, "description", item.means_of_verification)
    if item.baseline is not None or item.baseline_year:
        year = item.baseline_year or project.start_date.year
        sub(
            indicator,
            "baseline",
            year=year,
            iso_date=f"{year}-01-01" if item.baseline_year else project.start_date.isoformat(),
            value=None
            if item.baseline is None or item.is_qualitative
            else decimal_text(item.baseline),
        )
    period = sub(indicator, "period")
    sub(period, "period-start", iso_date=project.start_date.isoformat())
    sub(period, "period-end", iso_date=project.end_date.isoformat())
    if item.is_qualitative:
        narrative(sub(period, "target"), "comment", item.target_text)
    else:
        sub(period, "target", value=decimal_text(item.target))
        if item.achieved is not None:
            actual = sub(period, "actual", value=decimal_text(item.achieved))
            comment = (
                f"The baseline plus every value up to {item.achieved_date}."
                if item.cumulative
                else f"Latest value, measured on {item.achieved_date}."
            )
            narrative(actual, "comment", comment)
        for reporting_period, target, values in reporting_periods(item):
            add_reporting_period(indicator, item, reporting_period, target, values)


def reporting_periods(item):
    """(period, target or None, approved values) of each reporting period of `item` that has a
    period target or an approved value, in date order; none for a qualitative indicator (IATI
    leaves its values out)."""
    if item.is_qualitative:
        return []
    periods = {}
    for target in item.targets_by_period:
        periods.setdefault(target.period_id, [target.period, None, []])[1] = target.target
    for value in item.approved_values:
        periods.setdefault(value.period_id, [value.period, None, []])[2].append(value)
    return sorted((tuple(entry) for entry in periods.values()), key=lambda e: e[0].start)


def period_actual(item, values):
    """(value, women, men) a period's approved values give: summed for a count, the latest for
    the other measures; women or men None when a value does not record them."""
    chosen = values if item.measure == UNIT else values[-1:]

    def total(field):
        parts = [getattr(v, field) for v in chosen]
        return None if any(p is None for p in parts) else sum(parts, Decimal(0))

    return total("value"), total("women"), total("men")


def add_reporting_period(indicator, item, reporting_period, target, values):
    period = sub(indicator, "period")
    sub(period, "period-start", iso_date=reporting_period.start.isoformat())
    sub(period, "period-end", iso_date=reporting_period.end.isoformat())
    if target is not None:
        sub(period, "target", value=decimal_text(target))
    if not values:
        return
    value, women, men = period_actual(item, values)
    sub(period, "actual", value=decimal_text(value))
    for part, sex in ((women, "female"), (men, "male")):
        if part is not None:
            sub(sub(period, "actual", value=decimal_text(part)), "dimension", name="sex", value=sex)
