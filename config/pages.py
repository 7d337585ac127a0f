"""Home page and site search."""

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from activities.models import Activity, NewsItem
from projects.models import Funding, Project, ProjectPartner
from stakeholders.models import Institution

LATEST_NEWS = 5
RESULTS_PER_TYPE = 20


@require_safe
def home(request):
    """Latest news, ongoing projects and the portal's key figures (public data only)."""
    held = (
        Activity.objects.visible()
        .held()
        .aggregate(count=Count("pk"), people=Sum("participants_total"))
    )
    published = Project.objects.published()
    engaged = Institution.objects.filter(
        Q(pk__in=ProjectPartner.objects.filter(project__in=published).values("institution"))
        | Q(pk__in=Funding.objects.filter(project__in=published).values("funder"))
        | Q(pk__in=Activity.objects.visible().values("institutions"))
    )
    figures = [
        (published.count(), _("projects")),
        (held["count"], _("activities held")),
        (held["people"] or 0, _("people trained")),
        (engaged.count(), _("institutions engaged")),
    ]
    return render(
        request,
        "home.html",
        {
            "news": NewsItem.objects.published().select_related("project")[:LATEST_NEWS],
            "ongoing": published.ongoing()
            .select_related("programme")
            .prefetch_related("countries")
            .order_by("end_date", "title"),
            "figures": figures,
        },
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            # A NUL character is never meant; echoing it back would break the page.
            data = {"q": data.get("q", "").replace("\x00", "")}
        super().__init__(data, *args, **kwargs)


def _ranked(queryset, fields, terms):
    """PostgreSQL full-text search, best match first."""
    vector = SearchVector(*fields, config="english")
    query = SearchQuery(terms, config="english", search_type="websearch")
    return (
        queryset.annotate(rank=SearchRank(vector, query)).filter(rank__gt=0).order_by("-rank", "pk")
    )


def _contains(queryset, fields, terms):
    """The SQLite fallback: every word somewhere in one of the fields, title matches first."""
    words = terms.split()
    for word in words:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    in_title = Q(**{f"{fields[0]}__icontains": words[0]}) if words else Q(pk=None)
    return queryset.annotate(
        rank=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
    ).order_by("-rank", "pk")


def search_everything(user, terms, limit=RESULTS_PER_TYPE):
    """Up to `limit` (+1, to tell there are more) of each kind of record matching `terms`."""
    match = _ranked if connection.vendor == "postgresql" else _contains
    sources = [
        (
            "projects",
            _("Projects"),
            Project.objects.for_user(user),
            ["title", "code", "summary", "description"],
        ),
        (
            "activities",
            _("Activities"),
            Activity.objects.for_user(user).select_related("project"),
            ["title", "description", "city", "venue"],
        ),
        (
            "news",
            _("News"),
            NewsItem.objects.published().select_related("project"),
            ["title", "lead", "body", "dateline"],
        ),
        (
            "institutions",
            _("Institutions"),
            Institution.objects.select_related("country"),
            ["name", "acronym", "description"],
        ),
    ]
    groups = []
    for key, label, queryset, fields in sources:
        found = list(match(queryset, fields, terms)[: limit + 1])
        groups.append(
            {"key": key, "label": label, "results": found[:limit], "more": len(found) > limit}
        )
    return groups


@require_safe
def search(request):
    """Published projects, visible activities, published news and institutions matching `q`."""
    form = SearchForm(request.GET)
    groups, terms = [], ""
    if form.is_valid():
        terms = form.cleaned_data["q"]
        if terms:
            groups = search_everything(request.user, terms)
    return render(
        request,
        "search.html",
        {
            "form": form,
            "terms": terms,
            "groups": groups,
            "total": sum(len(g["results"]) for g in groups),
            "limit": RESULTS_PER_TYPE,
            "breadcrumbs": [(_("Search"), "")],
        },
    )
