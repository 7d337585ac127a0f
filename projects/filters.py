"""The public project list's filters."""

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from core.filters import ANY, CleanInputFilterSet, FilterForm, TextFilter
from projects.models import Programme, Project
from stakeholders.models import Country, Institution


def readable_projects(request):
    """The projects the user may read: what every filter's choices are built from.

    Choices drawn from all projects would tell a visitor what a draft project holds (its
    countries, funders, institutions) even though its pages are a 404.
    """
    return Project.objects.for_user(request.user) if request else Project.objects.published()


def readable_funders(request):
    """Funders of the projects the user may read, so a draft's funders stay private."""
    return Institution.objects.filter(fundings__project__in=readable_projects(request)).distinct()


def readable_countries(request):
    """Countries of the projects the user may read."""
    return Country.objects.filter(projects__in=readable_projects(request)).distinct()


class ProjectFilter(CleanInputFilterSet):
    """Apply to an already scoped queryset: `ProjectFilter(data, queryset=qs, request=request)`."""

    q = TextFilter(fields=["title", "code", "summary", "description"])
    status = filters.ChoiceFilter(
        label=_("Status"), choices=Project.Status.choices, method="filter_status", empty_label=ANY
    )
    country = filters.ModelChoiceFilter(
        label=_("Country or territory"),
        field_name="countries",
        queryset=readable_countries,
        to_field_name="code",
        empty_label=ANY,
    )
    programme = filters.ModelChoiceFilter(
        label=_("Programme"),
        queryset=Programme.objects.all(),
        to_field_name="slug",
        empty_label=ANY,
    )
    funder = filters.ModelChoiceFilter(
        label=_("Funder"),
        field_name="fundings__funder",
        queryset=readable_funders,
        to_field_name="slug",
        empty_label=ANY,
    )
    year = filters.NumberFilter(
        label=_("Running in year"), method="filter_year", min_value=1950, max_value=2100
    )
    ordering = filters.OrderingFilter(
        label=_("Sort by"),
        empty_label=_("Newest first"),
        fields=(("start_date", "start"), ("end_date", "end"), ("title", "title")),
        field_labels={
            "start_date": _("Start date (oldest first)"),
            "-start": _("Start date (newest first)"),
            "end_date": _("End date (soonest first)"),
            "-end": _("End date (latest first)"),
            "title": _("Title (A–Z)"),
            "-title": _("Title (Z–A)"),
        },
    )

    class Meta:
        model = Project
        fields = ["q", "status", "country", "programme", "funder", "year"]
        form = FilterForm

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)

    def filter_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(start_date__year__lte=year, end_date__year__gte=year)

    def filter_queryset(self, queryset):
        # Joins through funders and countries can repeat a project.
        return super().filter_queryset(queryset).distinct()
