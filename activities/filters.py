"""The activity list's filters, shared by the list page and its exports (CSV, Excel, iCalendar)."""

import django_filters as filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from activities.models import Activity
from projects.models import Objective, Project
from stakeholders.models import Country, Institution


def visible_projects(request):
    return Project.objects.for_user(request.user) if request else Project.objects.published()


def visible_objectives(request):
    return Objective.objects.filter(project__in=visible_projects(request)).select_related("project")


class ActivityFilter(filters.FilterSet):
    """Apply to an already scoped queryset: `ActivityFilter(data, queryset=qs, request=request)`."""

    q = filters.CharFilter(
        label=_("Text"),
        method="search",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    project = filters.ModelChoiceFilter(
        label=_("Project"), queryset=visible_projects, to_field_name="slug"
    )
    kind = filters.ChoiceFilter(label=_("Kind"), choices=Activity.Kind.choices)
    status = filters.ChoiceFilter(label=_("Status"), choices=Activity.Status.choices)
    country = filters.ModelChoiceFilter(
        label=_("Country or territory"),
        field_name="countries",
        queryset=Country.objects.all(),
        to_field_name="code",
    )
    year = filters.NumberFilter(
        label=_("Year"), field_name="start_date", lookup_expr="year", min_value=1950, max_value=2100
    )
    date = filters.DateFromToRangeFilter(
        label=_("Dates"),
        field_name="start_date",
        widget=filters.widgets.DateRangeWidget(attrs={"type": "date"}),
    )
    institution = filters.ModelChoiceFilter(
        label=_("Institution"),
        field_name="institutions",
        queryset=Institution.objects.all(),
        to_field_name="slug",
    )
    objective = filters.ModelChoiceFilter(
        label=_("Objective"), field_name="objectives", queryset=visible_objectives
    )
    ordering = filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("start_date", "date"), ("title", "title"), ("kind", "kind")),
        field_labels={"start_date": _("Date"), "title": _("Title"), "kind": _("Kind")},
    )

    class Meta:
        model = Activity
        fields = ["q", "project", "kind", "status", "country", "year", "date", "institution"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value)
            | Q(description__icontains=value)
            | Q(city__icontains=value)
            | Q(venue__icontains=value)
        )
