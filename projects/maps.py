"""Activities and projects by country or territory, for the choropleth maps (issue 15, item 7).

The map is drawn by static/js/map.js (chartjs-chart-geo over world-atlas' Natural Earth
countries, vendored in static/vendor/); the same figures are in a table beside it. Features are
matched by their ISO 3166 numeric code; Kosovo*, which has none, by its name.
"""

from django.conf import settings
from django.db.models import Count, IntegerField, Value
from django.utils.translation import get_language
from django_countries import countries as iso_countries

from activities.models import Activity
from projects.models import Project
from stakeholders.models import Country

# world-atlas' name of the one unit without an ISO numeric code that the portal uses.
BY_NAME = {"XK": "Kosovo"}


def country_counts(activities, projects):
    """[{code, names, footnote, activities, projects}] for the countries with any of
    `activities` or `projects`; `names` holds the name in every language, so the rows are the
    same on every page and home keeps them (results.figures).

    One query: each link table grouped by country, the two joined by UNION ALL (a subquery per
    country would rescan every activity). A link table holds each (record, country) pair once.
    """
    names = [f"country__name_{code}" for code, _language in settings.LANGUAGES]
    fields = ["country", "country__code", "country__footnote", *names]
    zero = Value(0, output_field=IntegerField())
    by_activities = (
        Activity.countries.through.objects.filter(activity__in=activities)
        .order_by()
        .values(*fields)
        .annotate(activities=Count("activity"), projects=zero)
    )
    by_projects = (
        Project.countries.through.objects.filter(project__in=projects.values("pk"))
        .order_by()
        .values(*fields)
        .annotate(activities=zero, projects=Count("project"))
    )
    rows = {}
    for row in by_activities.union(by_projects, all=True):
        country = rows.setdefault(
            row["country"],
            {
                "code": row["country__code"],
                "names": {name.removeprefix("country__name_"): row[name] for name in names},
                "footnote": bool(row["country__footnote"]),
                "activities": 0,
                "projects": 0,
            },
        )
        country["activities"] += row["activities"]
        country["projects"] += row["projects"]
    return list(rows.values())


def named(counts):
    """The rows of a map's table from country_counts(), the most active first: {code, name
    (in the active language, with the asterisk of a footnoted territory), activities,
    projects}."""
    language, default = get_language(), settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    rows = [
        {
            "code": row["code"],
            "name": Country.display_name(
                row["names"].get(language) or row["names"][default], row["footnote"]
            ),
            "activities": row["activities"],
            "projects": row["projects"],
        }
        for row in counts
    ]
    return sorted(rows, key=lambda row: (-row["activities"], -row["projects"], row["name"]))


def by_country(activities, projects):
    """named(country_counts(…)): the rows of a map's table, the most active first."""
    return named(country_counts(activities, projects))


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
