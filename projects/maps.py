"""Activities and projects by country or territory, for the choropleth maps (issue 15, item 7).

The map is drawn by static/js/map.js (chartjs-chart-geo over world-atlas' Natural Earth
countries, vendored in static/vendor/); the same figures are in a table beside it. Features are
matched by their ISO 3166 numeric code; Kosovo*, which has none, by its name.
"""

from django.db.models import Count
from django_countries import countries as iso_countries

from activities.models import Activity
from projects.models import Project
from stakeholders.models import Country

# world-atlas' name of the one unit without an ISO numeric code that the portal uses.
BY_NAME = {"XK": "Kosovo"}


def by_country(activities, projects):
    """[{code, name (with the asterisk of a footnoted territory), activities, projects}], the
    most active first; two queries."""
    counted = dict(
        Activity.countries.through.objects.filter(activity__in=activities)
        .order_by()
        .values("country")
        .annotate(n=Count("activity", distinct=True))
        .values_list("country", "n")
    )
    projects_by = dict(
        Project.countries.through.objects.filter(project__in=projects)
        .order_by()
        .values("country")
        .annotate(n=Count("project", distinct=True))
        .values_list("country", "n")
    )
    rows = []
    for country in Country.objects.filter(pk__in={*counted, *projects_by}).only(
        "pk", "code", "name", "footnote"
    ):
        rows.append(
            {
                "code": country.code,
                "name": f"{country.name}{'*' if country.footnote else ''}",
                "activities": counted.get(country.pk, 0),
                "projects": projects_by.get(country.pk, 0),
            }
        )
    return sorted(rows, key=lambda row: (-row["activities"], -row["projects"], row["name"]))


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
