"""Public project pages: the filtered list and the project page."""

from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import DetailView

from activities.models import NewsItem
from core import lookups
from core.access import may_edit
from core.views import FilteredListView, ScopedDetailMixin
from projects import stats
from projects.filters import ProjectFilter
from projects.models import (
    Indicator,
    IndicatorValue,
    Project,
    ProjectDocument,
    ProjectPartner,
    ProjectPicture,
)
from results import figures

NEWS_ON_PROJECT_PAGE = 5
UPCOMING_ON_PROJECT_PAGE = 10
# Under each objective (its dashboard lists stats.LATEST_PER_OBJECTIVE; both link to them all).
LATEST_ON_PROJECT_PAGE = 5


class ProjectListView(FilteredListView):
    """Projects the user may read; a filter error answers 400, shown on the form, no results."""

    model = Project
    filterset_class = ProjectFilter
    cache_scopes = ["projects"]
    filter_heading = _("Filter projects")
    select_related = ["programme"]
    prefetch_related = ["countries"]
    template_name = "projects/project_list.html"
    paginate_by = 20
    extra_context = {"breadcrumbs": [(_("Projects"), "")]}


class ProjectDetailView(ScopedDetailMixin, DetailView):
    """Everything a visitor may know about one project; drafts are a 404 to outsiders."""

    def cache_scopes(self, project):
        return [f"project:{project.pk}"]

    template_name = "projects/project_detail.html"

    def get_queryset(self):
        # The key figures of its results, and whether it has a cover and documents, ride on the
        # project's own query: most projects have neither, and the page then reads nothing more.
        pictures = ProjectPicture.objects.filter(project=OuterRef("pk")).order_by("position", "pk")
        projects = (
            Project.objects.for_user(self.request.user)
            .select_related("programme")
            .annotate(
                cover_pk=Subquery(pictures.values("pk")[:1]),
                has_documents=Exists(ProjectDocument.objects.filter(project=OuterRef("pk"))),
            )
        )
        return figures.with_key_figures(projects)

    def get_context_data(self, **kwargs):
        project = self.object
        user = self.request.user
        readable = Project.objects.for_user(user)
        partners = project.partners.select_related("institution__country")
        partners_by_role = [
            (label, [p for p in partners if p.role == role])
            for role, label in ProjectPartner.Role.choices
        ]
        # Visitors read approved values only (results.figures).
        indicators = stats.indicators_with_progress(
            Indicator.objects.all(), values=IndicatorValue.objects.approved()
        )
        objectives = stats.with_latest_activities(
            project.objectives.prefetch_related(Prefetch("indicators", queryset=indicators)),
            only=stats.ACTIVITY_LINE_FIELDS,
            latest=LATEST_ON_PROJECT_PAGE,
        )
        return super().get_context_data(
            breadcrumbs=[(_("Projects"), reverse("projects:list")), (project.title, "")],
            countries=project.countries.all(),
            fundings=project.fundings.select_related("funder__country"),
            partners_by_role=[(label, group) for label, group in partners_by_role if group],
            objectives=objectives,
            predecessor=readable.filter(pk=project.predecessor_id).first()
            if project.predecessor_id
            else None,
            successors=readable.filter(predecessor=project).order_by("start_date"),
            news=NewsItem.objects.published().filter(project=project)[:NEWS_ON_PROJECT_PAGE],
            upcoming=project.activities.upcoming()[:UPCOMING_ON_PROJECT_PAGE],
            can_follow=may_edit(user, project),
            share_of_women=figures.share_of_women(project),
            cover=ProjectPicture.objects.get(pk=project.cover_pk) if project.cover_pk else None,
            documents=ProjectDocument.objects.for_user(user).filter(project=project)
            if project.has_documents
            else [],
            **kwargs,
        )


@require_GET
@lookups.json_lookup
def project_lookup(request, text):
    """The project selects' search box (activities/choices.py) asks this.

    ?q=words: projects the user may read whose title or code holds every word; with
    &editable=1, only those the user may log activities and news for.
    """
    editable = request.GET.get("editable") == "1"
    scope = Project.objects.editable_by if editable else Project.objects.for_user
    found = scope(request.user).matching(text).order_by("title", "pk")
    rows = list(found.values_list("pk", "slug", "title", "code", "start_date")[: lookups.RESULTS])
    labels = Project.option_labels((pk, *label) for pk, _slug, *label in rows)
    return [
        {"id": pk, "slug": row[1], "label": label}
        for row, (pk, label) in zip(rows, labels, strict=True)
    ]
