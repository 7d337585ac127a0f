from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from projects.forms import LogframeLevelsField, SectorFormSet
from projects.media_forms import document_inline, picture_inline
from projects.models import (
    BudgetLine,
    Component,
    Envelope,
    Funding,
    Indicator,
    IndicatorDefinition,
    IndicatorValue,
    Objective,
    PeriodTarget,
    Programme,
    ProgrammeFunder,
    ProgrammePhase,
    Project,
    ProjectDocument,
    ProjectMembership,
    ProjectPartner,
    ProjectPicture,
    ProjectSector,
    ReportingPeriod,
    ValueSplit,
)
from projects.programme_forms import BaseEnvelopeFormSet, BaseFunderFormSet
from projects.setup_forms import FundingInlineFormSet
from stakeholders.admin import HTTPS_URLS

SHORT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 50})}}
# Several text columns side by side still fit a 1366 px page.
NARROW_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 24})}}


class ProjectStatusFilter(admin.SimpleListFilter):
    """Planned / ongoing / completed, which follows from the dates and is not a column."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Project.Status.choices

    def queryset(self, request, queryset):
        if self.value() in Project.Status.values:
            return queryset.with_status(self.value())
        return queryset


class PhaseInline(admin.TabularInline):
    model = ProgrammePhase
    fields = ["position", "name", "start_year", "end_year"]
    extra = 0


class ProgrammeFunderInline(admin.TabularInline):
    model = ProgrammeFunder
    formset = BaseFunderFormSet
    fields = ["funder", "share"]
    autocomplete_fields = ["funder"]
    extra = 0


class EnvelopeInline(admin.TabularInline):
    model = Envelope
    formset = BaseEnvelopeFormSet
    fields = ["phase", "country", "actions", "amount"]
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(TranslationAdmin):
    list_display = ["name", "acronym", "project_count"]
    search_fields = ["name", "acronym", "slug"]
    formfield_overrides = HTTPS_URLS
    fields = ["name", "acronym", "slug", "description", "website", "budget", "currency", "themes"]
    inlines = [PhaseInline, ProgrammeFunderInline, EnvelopeInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(project_count=Count("projects"))

    @admin.display(description=_("projects"), ordering="project_count")
    def project_count(self, obj):
        return obj.project_count


class FundingInline(admin.TabularInline):
    model = Funding
    formset = FundingInlineFormSet
    fields = ["funder", "kind", "amount", "share", "note"]
    autocomplete_fields = ["funder"]
    extra = 0


class ObjectiveInlineFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        # A parent is always an objective of the same project.
        if self.instance.pk:
            form.fields["parent"].queryset = Objective.objects.filter(project=self.instance)
            form.fields["component"].queryset = Component.objects.filter(project=self.instance)
        else:
            form.fields["parent"].queryset = Objective.objects.none()
            form.fields["component"].queryset = Component.objects.none()
            # The lines are not saved yet: say how to order the steps.
            form.fields["parent"].help_text = _(
                "Save the project with its top lines first; then parents can be chosen."
            )


class ObjectiveInline(TranslationTabularInline):
    model = Objective
    formset = ObjectiveInlineFormSet
    fields = [
        "position",
        "code",
        "level",
        "parent",
        "component",
        "title",
    ]
    # Fits the page (it stretched to 2,500 px): sources of verification and assumptions are
    # edited on each line's own page (the change link), the widgets kept narrow (admin.css).
    formfield_overrides = NARROW_TEXT
    show_change_link = True
    classes = ["collapse"]
    extra = 0

    class Media:
        css = {"all": ["css/admin.css"]}


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    fields = ["year", "amount"]
    extra = 0


class ComponentInline(admin.TabularInline):
    model = Component
    fields = ["position", "code", "title", "countries"]
    autocomplete_fields = ["countries"]
    extra = 0


class ProjectAdminForm(forms.ModelForm):
    logframe_levels = LogframeLevelsField()

    class Meta:
        model = Project
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown


class PartnerInline(admin.TabularInline):
    model = ProjectPartner
    fields = ["institution", "role", "note"]
    autocomplete_fields = ["institution"]
    extra = 0


class SectorInline(admin.TabularInline):
    model = ProjectSector
    formset = SectorFormSet
    fields = ["code", "percentage"]
    extra = 0


class MembershipInline(admin.TabularInline):
    model = ProjectMembership
    fields = ["user", "role"]
    autocomplete_fields = ["user"]
    extra = 0


@admin.register(Project)
class ProjectAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = [
        "title",
        "code",
        "programme",
        "phase",
        "start_date",
        "end_date",
        "status_display",
        "budget_display",
        "is_published",
    ]
    list_filter = [ProjectStatusFilter, "is_published", "programme", "countries"]
    list_select_related = ["programme"]
    search_fields = ["title", "code", "slug", "summary", "programme__name"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["programme", "predecessor", "countries"]
    readonly_fields = ["first_published_at", "created_at", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "code",
                    "programme",
                    "phase",
                    "predecessor",
                    "is_published",
                ]
            },
        ),
        (
            _("Period and budget"),
            {
                "fields": [
                    ("start_date", "start_precision"),
                    ("end_date", "end_precision"),
                    "budget",
                    "currency",
                    "planned_activities",
                ]
            },
        ),
        (_("Logframe"), {"fields": ["logframe_levels"]}),
        (
            _("What it does"),
            {
                "fields": [
                    "summary",
                    "description",
                    "countries",
                    "target_groups",
                    "end_beneficiaries",
                    "key_standards",
                ]
            },
        ),
        (
            _("Record"),
            {
                "fields": ["first_published_at", "created_at", "updated_at"],
                "classes": ["collapse"],
            },
        ),
    ]
    form = ProjectAdminForm
    inlines = [
        FundingInline,
        SectorInline,
        BudgetLineInline,
        ComponentInline,
        ObjectiveInline,
        PartnerInline,
        MembershipInline,
        picture_inline(ProjectPicture, TranslationTabularInline),
        document_inline(ProjectDocument),
    ]

    @admin.display(description=_("status"))
    def status_display(self, obj):
        return obj.get_status_display()

    @admin.display(description=_("budget"), ordering="budget")
    def budget_display(self, obj):
        return f"{obj.budget:,.0f} {obj.currency}" if obj.budget is not None else "—"


@admin.register(Funding)
class FundingAdmin(SimpleHistoryAdmin):
    list_display = ["funder", "project", "kind", "amount", "share", "note"]
    list_filter = ["kind", "project"]
    list_select_related = ["funder", "project"]
    search_fields = ["funder__name", "funder__acronym", "project__title", "note"]
    autocomplete_fields = ["project", "funder"]


class IndicatorInline(TranslationTabularInline):
    model = Indicator
    fields = [
        "position",
        "name",
        "measure",
        "unit",
        "baseline",
        "baseline_year",
        "target",
        "target_text",
        "means_of_verification",
    ]
    formfield_overrides = NARROW_TEXT
    show_change_link = True
    extra = 0


@admin.register(Objective)
class ObjectiveAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["code", "short_title", "level", "project", "parent", "position"]
    list_display_links = ["code", "short_title"]
    list_filter = ["level", "project"]
    list_select_related = ["project", "parent"]
    search_fields = ["code", "title", "description", "project__title"]
    autocomplete_fields = ["project", "parent", "component"]
    inlines = [IndicatorInline]

    @admin.display(description=_("title"), ordering="title")
    def short_title(self, obj):
        return obj.title if len(obj.title) <= 80 else f"{obj.title[:79]}…"


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    fields = [
        "period",
        "date",
        "value",
        "women",
        "men",
        "sex_not_recorded",
        "status",
        "note",
        "activity",
        "recorded_by",
    ]
    autocomplete_fields = ["period", "activity", "recorded_by"]
    extra = 0


class PeriodTargetInline(admin.TabularInline):
    model = PeriodTarget
    fields = ["period", "target"]
    autocomplete_fields = ["period"]
    extra = 0


class ValueSplitInline(admin.TabularInline):
    model = ValueSplit
    fields = ["age_group", "country", "amount"]
    autocomplete_fields = ["country"]
    extra = 0


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ["__str__", "project", "start", "end"]
    list_filter = ["project"]
    list_select_related = ["project"]
    search_fields = ["project__title", "project__code"]
    autocomplete_fields = ["project"]
    date_hierarchy = "start"


@admin.register(IndicatorDefinition)
class IndicatorDefinitionAdmin(admin.ModelAdmin):
    list_display = ["name", "unit", "indicators_count"]
    search_fields = ["name", "unit", "description"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(indicators_count=Count("indicators"))

    @admin.display(description=_("project indicators"), ordering="indicators_count")
    def indicators_count(self, obj):
        return obj.indicators_count


def record_user(request, value):
    if value.recorded_by_id is None:
        value.recorded_by = request.user


@admin.register(Indicator)
class IndicatorAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "objective", "project", "unit", "baseline", "target", "position"]
    list_filter = ["objective__project", "objective__level"]
    list_select_related = ["objective__project"]
    search_fields = ["name", "means_of_verification", "objective__title", "objective__code"]
    autocomplete_fields = ["objective", "definition"]
    inlines = [PeriodTargetInline, IndicatorValueInline]

    @admin.display(description=_("project"), ordering="objective__project__title")
    def project(self, obj):
        return obj.objective.project

    def save_formset(self, request, form, formset, change):
        for value in formset.save(commit=False):
            record_user(request, value)
            value.save()
        for value in formset.deleted_objects:
            value.delete()
        formset.save_m2m()


@admin.register(IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period", "date", "value", "status", "activity", "recorded_by"]
    list_filter = ["status", "computed", "indicator__objective__project", "date"]
    list_select_related = ["indicator", "period", "activity", "recorded_by"]
    search_fields = ["indicator__name", "note", "activity__title"]
    date_hierarchy = "date"
    autocomplete_fields = ["indicator", "period", "activity", "recorded_by"]
    readonly_fields = ["recorded_at", "computed"]
    inlines = [ValueSplitInline]

    def save_model(self, request, obj, form, change):
        record_user(request, obj)
        super().save_model(request, obj, form, change)


@admin.register(ProjectPartner)
class ProjectPartnerAdmin(admin.ModelAdmin):
    list_display = ["institution", "project", "role", "note"]
    list_filter = ["role", "project", "institution__kind"]
    list_select_related = ["institution", "project"]
    search_fields = ["institution__name", "institution__acronym", "project__title", "note"]
    autocomplete_fields = ["project", "institution"]


@admin.register(ProjectMembership)
class ProjectMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "project", "role"]
    list_filter = ["role", "project"]
    list_select_related = ["user", "project"]
    search_fields = [
        "user__username",
        "user__first_name",
        "user__last_name",
        "user__email",
        "project__title",
    ]
    autocomplete_fields = ["project", "user"]


@admin.register(Component)
class ComponentAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "project", "position"]
    list_filter = ["project"]
    list_select_related = ["project"]
    search_fields = ["code", "title", "project__title"]
    autocomplete_fields = ["project", "countries"]
