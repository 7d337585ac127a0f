"""Indicators computed from activities, recomputed whenever an activity changes.

"People trained": the participants (women and men carried over) of the held trainings serving the
indicator's line whose start falls in the period. "Activities held": the number of held activities
of the chosen kinds serving the line. Values are never typed for these indicators: saving,
relinking or deleting an activity recomputes the periods it touched; a figure that changes goes
back to draft, to be submitted and approved again.
"""

from django.db.models import Count, Q, Sum
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from activities.models import Activity
from projects.models import Indicator, IndicatorValue, ReportingPeriod

TRAINING_KINDS = (Activity.Kind.TRAINING, Activity.Kind.PEER_TRAINING)
RECOMPUTED_REASON = "Recomputed from activities"


def counted_activities(indicator, period):
    activities = Activity.objects.filter(
        project_id=period.project_id,
        status=Activity.Status.HELD,
        objectives=indicator.objective_id,
        start_date__gte=period.start,
        start_date__lte=period.end,
    )
    if indicator.source == Indicator.Source.TRAINED:
        return activities.filter(kind__in=TRAINING_KINDS)
    return activities.filter(kind__in=indicator.activity_kinds or [])


def figures(indicator, period):
    """{value, women, men} of the indicator in the period, from its activities."""
    activities = counted_activities(indicator, period)
    if indicator.source == Indicator.Source.TRAINED:
        totals = activities.aggregate(
            value=Sum("participants_total"),
            women=Sum("participants_women"),
            men=Sum("participants_men"),
            n=Count("pk"),
        )
        return {
            "value": totals["value"] or 0,
            "women": totals["women"],
            "men": totals["men"],
            "any": bool(totals["n"]),
        }
    n = activities.count()
    return {"value": n, "women": None, "men": None, "any": bool(n)}


def recompute(indicator, period):
    """Bring the indicator's computed value of the period in line with its activities."""
    found = figures(indicator, period)
    value = IndicatorValue.objects.filter(indicator=indicator, period=period, computed=True).first()
    if value is None:
        if not found["any"]:
            return None
        value = IndicatorValue(indicator=indicator, period=period, computed=True, date=period.end)
    elif (value.value, value.women, value.men) == (found["value"], found["women"], found["men"]):
        return value
    value.value, value.women, value.men = found["value"], found["women"], found["men"]
    value.sex_not_recorded = None
    value.status = IndicatorValue.Status.DRAFT
    value._change_reason = RECOMPUTED_REASON
    value.save()
    return value


def recompute_for(project_id, days):
    """Recompute the project's computed indicators in the periods holding any of `days`."""
    days = {day for day in days if day is not None}
    if not days:
        return
    indicators = list(
        Indicator.objects.filter(objective__project_id=project_id).exclude(
            source=Indicator.Source.TYPED
        )
    )
    if not indicators:
        return
    holding = Q()
    for day in days:
        holding |= Q(start__lte=day, end__gte=day)
    for period in ReportingPeriod.objects.filter(holding, project_id=project_id):
        for indicator in indicators:
            recompute(indicator, period)


def recompute_indicator(indicator):
    """Every period of a computed indicator (when it is set up or changes its source)."""
    if not indicator.is_computed:
        return
    periods = ReportingPeriod.objects.filter(project_id=indicator.objective.project_id)
    for period in periods:
        recompute(indicator, period)


def remember_old_dates(sender, instance, **kwargs):
    instance._results_before = (
        Activity.objects.filter(pk=instance.pk).values_list("project_id", "start_date").first()
        if instance.pk
        else None
    )


def activity_saved(sender, instance, **kwargs):
    before = getattr(instance, "_results_before", None)
    if before and before[0] != instance.project_id:
        recompute_for(before[0], [before[1]])
    recompute_for(instance.project_id, [instance.start_date, before[1] if before else None])


def activity_deleted(sender, instance, **kwargs):
    recompute_for(instance.project_id, [instance.start_date])


def objectives_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Activity):
        recompute_for(instance.project_id, [instance.start_date])


def connect_signals():
    """Called once from results.apps.ResultsConfig.ready()."""
    pre_save.connect(remember_old_dates, sender=Activity, dispatch_uid="results-activity-before")
    post_save.connect(activity_saved, sender=Activity, dispatch_uid="results-activity-saved")
    post_delete.connect(activity_deleted, sender=Activity, dispatch_uid="results-activity-deleted")
    m2m_changed.connect(
        objectives_changed, sender=Activity.objectives.through, dispatch_uid="results-objectives"
    )
