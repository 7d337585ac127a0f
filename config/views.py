"""The pages that read across apps: health check, home, site search and My work."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.contrib.staticfiles import finders
from django.core.paginator import InvalidPage, Paginator
from django.db import connection, transaction
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from activities.models import Activity, NewsItem, NewsPicture
from core import cache, highlight
from core.access import is_manager, managers
from core.db import SEARCH_DOCUMENT, StoredDocument
from core.languages import in_original_columns, translated_fields
from projects import maps
from projects.models import Project
from results.figures import PORTAL_FIGURES, PORTAL_MAP
from stakeholders.models import Institution

LATEST_NEWS = 5
LEAD_STORIES = 3
ONGOING_ON_HOME = 6
# Of each kind (projects, activities, news, institutions): a word common to thousands of records
# gives the ten best, and the page says to refine the search.
RESULTS_PER_TYPE = 10
SEARCH_CANDIDATES = 500
LIST_LENGTH = 10
PROJECTS_PER_PAGE = 25


@require_safe
@never_cache
@transaction.non_atomic_requests
def healthz(request):
    """200 when the app answers and its database completes a round trip."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain")


FAVICON = Path(finders.find("icons/favicon.ico")).read_bytes()


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request):
    """/favicon.ico, which browsers ask for on their own: the icon in static/icons/."""
    return HttpResponse(FAVICON, content_type="image/x-icon")


@require_safe
def web_manifest(request):
    """The web app manifest: the portal's name and icons, for a phone's home screen."""
    manifest = {
        "name": gettext("Cooperation Portal"),
        "short_name": gettext("Cooperation"),
        "start_url": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#1f4e8c",
        "icons": [
            {
                "src": static(f"icons/icon-{size}.png"),
                "sizes": f"{size}x{size}",
                "type": "image/png",
            }
            for size in (192, 512)
        ]
        + [{"src": static("icons/favicon.svg"), "sizes": "any", "type": "image/svg+xml"}],
    }
    return JsonResponse(manifest, content_type="application/manifest+json")


FIGURE_LABELS = [
    _("projects"),
    _("activities held"),
    _("people trained"),
    _("institutions engaged"),
]


@require_safe
def home(request):
    """Latest news, the latest ongoing projects and the portal's key figures (public data only)."""
    cache.depends_on(request, "projects", "activities", "news", "partners")
    # Sums over every activity: computed by the saves that change them (results.figures).
    figures = cache.precomputed(PORTAL_FIGURES)
    country_map = public_map(cache.precomputed(PORTAL_MAP))
    ongoing = Project.objects.published().ongoing()
    ongoing_count = ongoing.count()
    return render(
        request,
        "home.html",
        {
            # The visual lead: the latest stories that have a picture, each with its first.
            "lead_stories": NewsItem.objects.published()
            .filter(Exists(NewsPicture.objects.filter(story=OuterRef("pk"))))
            .select_related("project")
            .prefetch_related("pictures")[:LEAD_STORIES],
            # When nothing is running, the projects completed last instead.
            "completed": Project.objects.published()
            .completed()
            .select_related("programme")
            .prefetch_related("countries")
            .order_by("-end_date", "title")[:ONGOING_ON_HOME]
            if not ongoing_count
            else [],
            "news": NewsItem.objects.published().select_related("project")[:LATEST_NEWS],
            # The most recently started; a large portal runs hundreds at once.
            "ongoing": ongoing.select_related("programme")
            .prefetch_related("countries")
            .order_by("-start_date", "title")[:ONGOING_ON_HOME],
            "ongoing_count": ongoing_count,
            "figures": list(zip(figures, FIGURE_LABELS, strict=True)),
            "country_map": country_map,
        },
    )


def public_map(counts):
    """The home map of published projects' activities and projects by country or territory."""
    rows = maps.named(counts)
    label = _("Activities")
    title = _("Activities and projects by country or territory")
    return {"title": str(title), "rows": rows, "data": maps.map_data(rows, label)}


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            # A NUL character is never meant; echoing it back would break the page.
            data = {"q": data.get("q", "").replace("\x00", "")}
        super().__init__(data, *args, **kwargs)


# Tables whose rows keep their search documents (core.db.StoredSearchDocument): one in English
# (`search_document`) and one in French (`search_document_fr`, from the `_fr` columns).
STORED_DOCUMENTS = {"projects_project", "activities_activity", "activities_newsitem"}

# The PostgreSQL text search configuration of each language and the stored document it reads.
SEARCH_LANGUAGES = {"en": ("english", SEARCH_DOCUMENT), "fr": ("french", f"{SEARCH_DOCUMENT}_fr")}


def search_languages():
    """The languages a search matches in: English always, and the page's language beside it.

    A French visitor may type an English word (many records have English text only); an
    English page searches the English text alone.
    """
    active = translation.get_language()
    return ["en", active] if active in SEARCH_LANGUAGES and active != "en" else ["en"]


def in_language(model, fields, language):
    """`fields` with each translated one read from its column in `language` (`title_fr`)."""
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return list(fields)
    translated = translated_fields(model)
    return [f"{field}_{language}" if field in translated else field for field in fields]


def marked(model, field, query, *, whole=False):
    """ts_headline of `field` as the page shows it: in the page's language (the French column,
    English where it is empty), with that language's configuration (`query` is in it)."""
    language = search_languages()[-1]
    column = in_language(model, [field], language)[0]
    config = SEARCH_LANGUAGES[language][0]
    fallback = field if column != field else None
    return highlight.headline(column, query, whole=whole, config=config, fallback=fallback)


def _ranked(queryset, fields, snippet, terms):
    """PostgreSQL full-text search, best match first, in English and the page's language; the
    words found marked in the title and passage shown in the page's language."""
    # Projects, activities and news keep their documents (tsvector columns with GIN indexes):
    # matching and ranking read them. Institutions match on the same expressions as their GIN
    # indexes, and ranking recomputes them. Either way ranking is bounded to SEARCH_CANDIDATES
    # matches, so a word found in half of 200,000 activities costs what a rare one does.
    stored = queryset.model._meta.db_table in STORED_DOCUMENTS
    queryset = in_original_columns(queryset)
    matches, ranks, documents = Q(), [], {}
    for language in search_languages():
        config, column = SEARCH_LANGUAGES[language]
        if stored:
            vector = StoredDocument(column)
        else:
            vector = SearchVector(*in_language(queryset.model, fields, language), config=config)
        query = SearchQuery(terms, config=config, search_type="websearch")
        documents[f"document_{language}"] = vector
        matches |= Q(**{f"document_{language}": query})
        ranks.append(SearchRank(vector, query))
    candidates = queryset.annotate(**documents).filter(matches).order_by()
    rank = ranks[0] if len(ranks) == 1 else Greatest(*ranks)
    return (
        queryset.filter(pk__in=candidates.values("pk")[:SEARCH_CANDIDATES])
        .annotate(
            rank=rank,
            marked_title=marked(queryset.model, fields[0], query, whole=True),
            marked_snippet=marked(queryset.model, snippet, query),
        )
        .order_by("-rank", "pk")
    )


def _contains(queryset, fields, snippet, terms):
    """The SQLite fallback: every word somewhere in one of the fields, title matches first.

    On a French page the French columns are searched beside the English ones.
    """
    queryset = in_original_columns(queryset)
    languages = search_languages()
    columns = [c for language in languages for c in in_language(queryset.model, fields, language)]
    titles = {in_language(queryset.model, fields[:1], language)[0] for language in languages}
    words = terms.split()
    for word in words:
        condition = Q()
        for column in dict.fromkeys(columns):
            condition |= Q(**{f"{column}__icontains": word})
        queryset = queryset.filter(condition)
    in_title = Q(pk=None)
    if words:
        in_title = Q()
        for title in titles:
            in_title |= Q(**{f"{title}__icontains": words[0]})
    return queryset.annotate(
        rank=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
    ).order_by("-rank", "pk")


def search_everything(user, terms, limit=RESULTS_PER_TYPE):
    """Up to `limit` (+1, to tell there are more) of each kind of record matching `terms`."""
    match = _ranked if connection.vendor == "postgresql" else _contains
    # Each kind: the fields searched (the first is the one a result is named by) and the one
    # whose passage is shown with the words marked.
    sources = [
        (
            "projects",
            _("Projects"),
            Project.objects.for_user(user),
            ["title", "code", "summary", "description"],
            "summary",
        ),
        (
            "activities",
            _("Activities"),
            Activity.objects.for_user(user).select_related("project"),
            ["title", "description", "city", "venue"],
            "description",
        ),
        (
            "news",
            _("News"),
            NewsItem.objects.published().select_related("project"),
            ["title", "lead", "body", "dateline"],
            "lead",
        ),
        (
            "institutions",
            _("Institutions"),
            Institution.objects.select_related("country"),
            ["name", "acronym", "description"],
            "description",
        ),
    ]
    groups = []
    for key, label, queryset, fields, snippet in sources:
        found = list(match(queryset, fields, snippet, terms)[: limit + 1])
        for record in found:
            if not hasattr(record, "marked_title"):  # SQLite: marked here
                record.marked_title = highlight.mark_words(
                    getattr(record, fields[0]), terms, whole=True
                )
                record.marked_snippet = highlight.mark_words(getattr(record, snippet), terms)
            record.title_html = highlight.as_html(record.marked_title)
            record.snippet_html = highlight.as_html(record.marked_snippet)
        groups.append(
            {
                "key": key,
                "label": label,
                "snippet": snippet,
                "results": found[:limit],
                "more": len(found) > limit,
            }
        )
    return groups


@require_safe
def search(request):
    """Published projects, visible activities, published news and institutions matching `q`."""
    cache.depends_on(request, "projects", "activities", "news")
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


# My work --------------------------------------------------------------------------------------


@require_safe
@login_required
def my_work(request):
    user = request.user
    manager = is_manager(user)
    # The lists change only with the portal's data (or the user's role): rendered once per
    # user, role and query string (the page) until then.
    query = sorted(request.GET.lists())
    lists = cache.kept("my-work", lambda: render_lists(request, manager), user.pk, manager, query)
    if not lists:
        return no_team(request)
    return render(request, "workspace/my_work.html", {"lists": lists})


def no_team(request):
    """What a signed-in user on no team reads instead of an empty My work: whom to ask."""
    return render(
        request,
        "workspace/no_team.html",
        {"managers": managers(), "breadcrumbs": [(_("My work"), "")]},
    )


def render_lists(request, manager):
    """The user's projects (a page of them), latest and upcoming activities and drafts.

    Nothing ("") for someone on no team who is not a manager: they get the no-team page.
    """
    user = request.user
    today = timezone.localdate()
    activities = Activity.objects.editable_by(user).select_related("project")
    # A manager's list is every project: a page at a time, each counting only its own rows.
    counts = (
        Activity.objects.filter(project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(count=Count("pk"))
        .values("count")
    )
    projects = (
        Project.objects.editable_by(user)
        .annotate(activity_count=Coalesce(Subquery(counts), 0))
        .order_by("-end_date", "title", "pk")
    )
    paginator = Paginator(projects, PROJECTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except InvalidPage:
        raise Http404 from None
    if not manager and not paginator.count:
        return ""
    context = {
        "is_manager": manager,
        "projects": page.object_list,
        "page_obj": page,
        "is_paginated": page.has_other_pages(),
        "latest_activities": activities.filter(start_date__lte=today).order_by(
            "-start_date", "-pk"
        )[:LIST_LENGTH],
        "upcoming_activities": activities.upcoming(today)[:LIST_LENGTH],
        # To do: each list bounded (one row more than shown, to say there are more).
        "missing_participants": activities.held()
        .filter(participants_total__isnull=True)
        .order_by("-start_date", "-pk")[: LIST_LENGTH + 1],
        "drafts": NewsItem.objects.editable_by(user)
        .drafts()
        .select_related("project", "author")
        .order_by("-updated_at", "-pk")[: LIST_LENGTH + 1],
        # Reports waiting for review (the results issue) join the to-do as one more list.
        "list_length": LIST_LENGTH,
    }
    return render_to_string("workspace/_my_work_lists.html", context, request)
