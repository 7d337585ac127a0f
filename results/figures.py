"""Results as visitors read them: approved values only (`IndicatorValue.objects.approved()`).

Everything is annotated on queries the pages make anyway, so a page's query count does not grow
with its projects, indicators or values.
"""

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
)

from activities.models import Activity
from projects import maps
from projects.models import Funding, Project, ProjectPartner
from stakeholders.models import Institution

# Home's sums over every record, computed by the saves that change them (core.cache.precompute,
# registered in results/apps.py).
PORTAL_FIGURES = "portal-figures"
PORTAL_MAP = "portal-map"
# "partners": fundings and partner institutions, which count among the institutions engaged.
PORTAL_FIGURES_SCOPES = ["projects", "activities", "partners"]
PORTAL_MAP_SCOPES = ["projects", "activities"]


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


def portal_figures():
    """Published projects, activities held, people trained, institutions engaged."""
    held = (
        Activity.objects.visible()
        .held()
        .aggregate(count=Count("pk"), people=Sum("participants_total"))
    )
    published = Project.objects.published()
    # EXISTS per institution, so each stops at its first match (indexes on the link tables):
    # an OR of IN (…) subqueries, or a UNION of the id lists, reads every activity's links.
    through = Activity.institutions.through.objects
    engaged = Institution.objects.filter(
        Exists(ProjectPartner.objects.filter(institution=OuterRef("pk"), project__in=published))
        | Exists(Funding.objects.filter(funder=OuterRef("pk"), project__in=published))
        | Exists(
            through.filter(institution=OuterRef("pk"), activity__in=Activity.objects.visible())
        )
    )
    return [published.count(), held["count"], held["people"] or 0, engaged.count()]


def portal_map_counts():
    """The home map's countries (projects.maps.country_counts) of published projects."""
    return maps.country_counts(Activity.objects.visible(), Project.objects.published())
