"""Results as visitors read them: approved values only (`IndicatorValue.objects.approved()`).

Everything is annotated on queries the pages make anyway, so a page's query count does not grow
with its projects, indicators or values.
"""

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
)

from activities.models import Activity


def _scalar(queryset, field, function, output_field):
    """A correlated subquery giving one aggregate of `queryset` per outer row."""
    grouped = queryset.order_by().values(field).annotate(x=function).values("x")
    return Subquery(grouped, output_field=output_field)


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
