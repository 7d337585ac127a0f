"""The read-only REST API at /api/ (Django REST framework; OpenAPI 3 by drf-spectacular).

Each endpoint reads through the same scoped QuerySets as the pages (`for_user`): visitors get
published data only, a signed-in user what the pages show them. Lists use cursor pagination
(stable under inserts, no COUNT) and each runs a fixed number of queries whatever its length.
"""

from django.db.models import Prefetch
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets
from rest_framework.pagination import CursorPagination

from activities.filters import ActivityFilter
from activities.models import Activity, NewsItem
from api import serializers
from projects.iati import results
from projects.models import (
    Funding,
    Indicator,
    Objective,
    Programme,
    Project,
    ProjectPartner,
)
from stakeholders.models import Country, Institution


class ApiActivityFilter(ActivityFilter):
    """Every filter of the activity list; the order is the API's own (newest first)."""

    class Meta(ActivityFilter.Meta):
        exclude = ["ordering"]

    ordering = None


class Cursor(CursorPagination):
    """Cursor pagination in the order the view names (`ordering`, unique to the last field)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_ordering(self, request, queryset, view):
        return (view.ordering,) if isinstance(view.ordering, str) else tuple(view.ordering)


class ReadOnly(viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    pagination_class = Cursor


class CountryViewSet(ReadOnly):
    serializer_class = serializers.CountrySerializer
    queryset = Country.objects.all()
    lookup_field = "code"
    ordering = "code"


class InstitutionViewSet(ReadOnly):
    serializer_class = serializers.InstitutionSerializer
    ordering = "slug"

    def get_queryset(self):
        return Institution.objects.for_user(self.request.user).select_related("country", "parent")


class ProgrammeViewSet(ReadOnly):
    serializer_class = serializers.ProgrammeSerializer
    queryset = Programme.objects.all()
    ordering = "slug"


class ProjectViewSet(ReadOnly):
    ordering = "slug"

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ProjectDetailSerializer
        return serializers.ProjectSerializer

    def get_serializer_context(self):
        return super().get_serializer_context() | {"today": timezone.localdate()}

    def get_queryset(self):
        projects = (
            Project.objects.for_user(self.request.user)
            .select_related("programme", "predecessor")
            .prefetch_related("countries", "sectors")
        )
        if self.action != "retrieve":
            return projects
        # Approved values only, as on the public pages; period targets, as in the IATI files.
        indicators = Indicator.objects.prefetch_related(*results.period_prefetches())
        return projects.prefetch_related(
            Prefetch("fundings", queryset=Funding.objects.select_related("funder")),
            Prefetch("partners", queryset=ProjectPartner.objects.select_related("institution")),
            Prefetch(
                "objectives",
                queryset=Objective.objects.select_related("parent")
                .order_by("position", "code")
                .prefetch_related(Prefetch("indicators", queryset=indicators)),
            ),
        )


class ActivityViewSet(ReadOnly):
    serializer_class = serializers.ActivitySerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ApiActivityFilter
    lookup_field = "pk"
    ordering = ("-start_date", "-pk")

    def get_queryset(self):
        return (
            Activity.objects.for_user(self.request.user)
            .select_related("project")
            .prefetch_related("countries", "institutions", "objectives")
        )


class NewsViewSet(ReadOnly):
    serializer_class = serializers.NewsSerializer
    ordering = ("-published_on", "-pk")

    def get_queryset(self):
        return NewsItem.objects.for_user(self.request.user).select_related("project")
