"""Values recorded before reporting periods: each joins the period holding its date (that
calendar year, cut to the gap between existing periods, made when the project has none there)
and counts as approved, with a history entry saying so."""

import calendar
from datetime import date, timedelta

from django.db import migrations
from django.utils import timezone

REASON = "Approved when reporting periods were introduced"


def period_for(ReportingPeriod, project_id, day):
    found = ReportingPeriod.objects.filter(project_id=project_id, start__lte=day, end__gte=day)
    found = found.first()
    if found is None:
        start, end = date(day.year, 1, 1), date(day.year, 12, calendar.monthrange(day.year, 12)[1])
        others = ReportingPeriod.objects.filter(project_id=project_id, start__lte=end, end__gte=start)
        for other in others:
            if other.end < day:
                start = max(start, other.end + timedelta(days=1))
            else:
                end = min(end, other.start - timedelta(days=1))
        found = ReportingPeriod.objects.create(project_id=project_id, start=start, end=end)
    return found


def forwards(apps, schema_editor):
    IndicatorValue = apps.get_model("projects", "IndicatorValue")
    History = apps.get_model("projects", "HistoricalIndicatorValue")
    ReportingPeriod = apps.get_model("projects", "ReportingPeriod")
    now = timezone.now()
    values = IndicatorValue.objects.select_related("indicator__objective").order_by("pk")
    for value in values.iterator():
        value.period = period_for(ReportingPeriod, value.indicator.objective.project_id, value.date)
        value.status = "approved"
        value.save(update_fields=["period", "status"])
        fields = {
            field.attname: getattr(value, field.attname)
            for field in IndicatorValue._meta.fields
        }
        History.objects.create(
            **fields,
            history_date=now,
            history_type="~",
            history_change_reason=REASON,
        )


class Migration(migrations.Migration):
    dependencies = [("projects", "0012_periods_and_reviewed_values")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
