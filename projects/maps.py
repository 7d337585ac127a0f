"""Activities and projects by country or territory, for the choropleth maps (issue 15, item 7).

The map is drawn by static/js/map.js (chartjs-chart-geo over world-atlas' Natural Earth
countries, vendored in static/vendor/); the same figures are in a table beside it. Features are
matched by their ISO 3166 numeric code; Kosovo*, which has none, by its name.
"""

from django.conf import settings
from django.db.models import Count, Q
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
    same on every page and home keeps them (results.figures). Two queries."""
    # One GROUP BY over the links (a subquery per country would rescan every activity); a link
    # table holds each (activity, country) pair once.
    by_activities = dict(
        Activity.countries.through.objects.filter(activity__in=activities)
        .order_by()
        .values("country")
        .annotate(n=Count("activity"))
        .values_list("country", "n")
    )
    listed = Q(projects__in=projects.values("pk"))
    names = [f"name_{code}" for code, _language in settings.LANGUAGES]
    countries = (
        Country.objects.filter(Q(pk__in=list(by_activities)) | listed)
        .annotate(projects_count=Count("projects", filter=listed, distinct=True))
        .order_by()
        .values("pk", "code", "footnote", "projects_count", *names)
    )
    return [
        {
            "code": row["code"],
            "names": {name.removeprefix("name_"): row[name] for name in names},
            "footnote": bool(row["footnote"]),
            "activities": by_activities.get(row["pk"], 0),
            "projects": row["projects_count"],
        }
        for row in countries
    ]


def named(counts):
    """The rows of a map's table from country_counts(), the most active first: {code, name
    (in the active language, with the asterisk of a footnoted territory), activities,
    projects}."""
    language, default = get_language(), settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    rows = [
        {
            "code": row["code"],
            "name": (row["names"].get(language) or row["names"][default])
            + ("*" if row["footnote"] else ""),
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
