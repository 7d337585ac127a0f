"""The activity list's filters, shared by the list page and its exports (CSV, Excel, iCalendar)."""

import functools

import django_filters as filters
from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from activities.choices import fill_project_select
from activities.models import Activity, NewsItem
from core.filters import ANY, CleanInputFilterSet, FilterForm, StableOrderingFilter, TextFilter
from core.forms import FastSelect, as_id
from projects.filters import readable_projects
from projects.models import Objective
from stakeholders.models import Country, Institution


def visible_objectives(request):
    projects = readable_projects(request)
    return Objective.objects.filter(project__in=projects).select_related("project")


class ProjectListedFilterSet(CleanInputFilterSet):
    """A FilterSet whose `project` select lists at most LISTED_PROJECTS, with a search box."""

    def prepare_to_render(self):
        field = self.form.fields["project"]
        fill_project_select(field, field.queryset, value="slug", chosen=self.data.get("project"))


class ObjectiveChoiceField(filters.fields.ModelChoiceField):
    """Objectives of several projects in one list: name the project, shorten the long titles."""

    def label_from_instance(self, obj):
        return f"{obj.project.title} — {Truncator(str(obj)).chars(90)}"


class ObjectiveFilter(filters.ModelChoiceFilter):
    field_class = ObjectiveChoiceField


class ActivityFilter(ProjectListedFilterSet):
    """Apply to an already scoped queryset: `ActivityFilter(data, queryset=qs, request=request)`."""

    q = TextFilter(fields=["title", "description", "city", "venue"])
    project = filters.ModelChoiceFilter(
        label=_("Project"), queryset=readable_projects, to_field_name="slug", widget=FastSelect
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
    objective = ObjectiveFilter(
        label=_("Objective"), field_name="objectives", queryset=visible_objectives
    )
    ordering = StableOrderingFilter(
        label=_("Sort by"),
        fields=(("start_date", "date"), ("title", "title"), ("kind", "kind")),
        # All labels given: django-filter builds "(descending)" ones at import, in English.
        field_labels={
            "start_date": _("Date (oldest first)"),
            "-date": _("Date (newest first)"),
            "title": _("Title (A–Z)"),
            "-title": _("Title (Z–A)"),
            "kind": _("Kind"),
            "-kind": _("Kind (reverse order)"),
        },
    )

    class Meta:
        model = Activity
        fields = ["q", "project", "kind", "status", "country", "year", "date", "institution"]
        form = FilterForm

    @property
    def form(self):
        if not hasattr(self, "_form"):
            self._list_choices_of_the_chosen_project(super().form)
        return self._form

    def _list_choices_of_the_chosen_project(self, form):
        """List only the chosen project's objectives and institutions, plus any already chosen.

        A large portal has thousands of each: listing them all made every list page (and every
        cached copy of it) megabytes long. Validation still accepts any visible one, so links
        from institution and project pages keep working.
        """
        project, objective, institution = (
            self.data.get(name, "") for name in ("project", "objective", "institution")
        )
        objective_field, institution_field = form.fields["objective"], form.fields["institution"]
        chosen = Q(pk=as_id(objective))

        @functools.cache
        def objective_choices():
            objectives = objective_field.queryset.filter(Q(project__slug=project) | chosen)
            return [("", ANY)] + [
                (o.pk, objective_field.label_from_instance(o)) for o in objectives
            ]

        @functools.cache
        def institution_choices():
            used = Activity.institutions.through.objects.filter(
                activity__project__in=readable_projects(self.request),
                activity__project__slug=project,
            )
            institutions = Institution.objects.filter(
                Q(slug=institution) | Q(pk__in=used.values("institution_id"))
            )
            return [("", ANY)] + [(i.slug, str(i)) for i in institutions]

        # Callables: evaluated only when the form is rendered, not when exports validate it.
        objective_field.widget.choices = objective_choices
        institution_field.widget.choices = institution_choices
        for field in (objective_field, institution_field):
            field.help_text = _("Choose a project to list its own.")


class NewsFilter(ProjectListedFilterSet):
    """The news list's filters; apply to `NewsItem.objects.for_user(user)`."""

    project = filters.ModelChoiceFilter(
        label=_("Project"), queryset=readable_projects, to_field_name="slug", widget=FastSelect
    )
    year = filters.NumberFilter(
        label=_("Year"),
        field_name="published_on",
        lookup_expr="year",
        min_value=1950,
        max_value=2100,
    )

    class Meta:
        model = NewsItem
        fields = ["project", "year"]
        form = FilterForm
