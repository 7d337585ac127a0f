"""Activities and projects by country or territory, for the choropleth maps (issue 15, item 7).

The map is drawn by static/js/map.js (chartjs-chart-geo over world-atlas' Natural Earth
countries, vendored in static/vendor/); the same figures are in a table beside it. Features are
matched by their ISO 3166 numeric code; Kosovo*, which has none, by its name.
"""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django_countries import countries as iso_countries

from activities.models import Activity
from projects.models import Project
from stakeholders.models import Country

# world-atlas' name of the one unit without an ISO numeric code that the portal uses.
BY_NAME = {"XK": "Kosovo"}


def _count(through, owner, records):
    """How many of `records` the outer country has through `through` (a correlated subquery)."""
    return Coalesce(
        Subquery(
            through.objects.filter(country=OuterRef("pk"), **{f"{owner}__in": records})
            .order_by()
            .values("country")
            .annotate(n=Count(owner, distinct=True))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def by_country(activities, projects):
    """[{code, name (with the asterisk of a footnoted territory), activities, projects}], the
    most active first; one query."""
    rows = (
        Country.objects.annotate(
            activities_count=_count(Activity.countries.through, "activity", activities),
            projects_count=_count(Project.countries.through, "project", projects.values("pk")),
        )
        .filter(Q(activities_count__gt=0) | Q(projects_count__gt=0))
        .values("code", "name", "footnote", "activities_count", "projects_count")
    )
    return sorted(
        (
            {
                "code": row["code"],
                "name": f"{row['name']}{'*' if row['footnote'] else ''}",
                "activities": row["activities_count"],
                "projects": row["projects_count"],
            }
            for row in rows
        ),
        key=lambda row: (-row["activities"], -row["projects"], row["name"]),
    )


def map_data(rows, label):
    """What static/js/map.js draws: each country's feature key, name and value."""
    return {
        "label": str(label),
        "countries": [
            {
                "numeric": iso_countries.numeric(row["code"], padded=True),
                "featureName": BY_NAME.get(row["code"]),
                "name": row["name"],
                "value": row["activities"],
            }
            for row in rows
        ],
    }
