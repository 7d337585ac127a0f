from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from simple_history.admin import SimpleHistoryAdmin

from activities import services
from activities.models import (
    Activity,
    ActivityDocument,
    ActivityImport,
    ActivityPicture,
    NewsItem,
    NewsPicture,
)
from projects.media_forms import document_inline, picture_inline


class VersionedAdminForm(forms.ModelForm):
    """Carries the version a record was opened at: the admin refuses stale saves as the forms do."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].required = True
            self.fields["loaded_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        loaded = cleaned_data.get("loaded_version")
        if not self.instance.pk or loaded is None:
            return cleaned_data
        model = type(self.instance)
        current = model.objects.filter(pk=self.instance.pk).values_list("version", flat=True)
        if loaded not in current:
            conflict = services.EditConflict(model, self.instance.pk)
            if conflict.current is not None:
                # Saving again is then a deliberate overwrite of the version now shown.
                data = self.data.copy()
                data[self.add_prefix("loaded_version")] = str(conflict.current.version)
                self.data = data
            raise ValidationError(conflict.message())
        return cleaned_data


class VersionedAdmin(SimpleHistoryAdmin):
    """Saves through activities.services.record_save, with the staff forms' version check."""

    form = VersionedAdminForm
    record_fields = ["loaded_version", "updated_by", "created_at", "updated_at", "version"]

    def save_model(self, request, obj, form, change):
        services.record_save(
            obj, user=request.user, version=form.cleaned_data.get("loaded_version")
        )

    def changeform_view(self, request, *args, **kwargs):
        try:
            return super().changeform_view(request, *args, **kwargs)
        except services.EditConflict as conflict:
            # Saved by someone else between this form's check and its save: nothing was saved.
            self.message_user(request, conflict.message(), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


class ActivityAdminForm(VersionedAdminForm):
    class Meta:
        model = Activity
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown

    def _post_clean(self):
        project = self.cleaned_data.get("project")
        objectives = self.cleaned_data.get("objectives")
        super()._post_clean()
        if project is None or objectives is None:
            return
        # Activity.clean judges the objectives already saved, which may belong to the project the
        # activity is moving away from; judge the ones chosen in this form instead.
        self._errors.pop("objectives", None)
        self.cleaned_data["objectives"] = objectives
        try:
            self.instance.validate_objectives(objectives)
        except ValidationError as error:
            self.add_error(None, error)


class NewsInline(TranslationStackedInline):
    model = NewsItem
    fields = ["title", "published_on", "is_published"]
    show_change_link = True
    extra = 0
    fk_name = "activity"

    def has_add_permission(self, request, obj):
        # A story needs its project, lead and author: written on its own page.
        return False


@admin.register(Activity)
class ActivityAdmin(TranslationAdmin, VersionedAdmin):
    form = ActivityAdminForm

    def save_related(self, request, form, formsets, change):
        # The links go into this save's history entry, as the staff forms' do.
        with services.links_in_latest_entry(form.instance):
            super().save_related(request, form, formsets, change)

    list_display = [
        "title",
        "project",
        "kind",
        "status",
        "start_date",
        "end_date",
        "place",
        "country_list",
        "format",
        "participants_total",
    ]
    list_filter = ["status", "kind", "format", "project", "countries"]
    list_select_related = ["project"]
    search_fields = ["title", "description", "venue", "city", "facilitators", "project__title"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["project", "countries", "objectives", "institutions"]
    readonly_fields = ["created_by", "created_at", "updated_by", "updated_at", "version"]
    fieldsets = [
        (None, {"fields": ["project", "kind", "title", "status"]}),
        (
            _("When and where"),
            {
                "fields": [
                    ("start_date", "start_precision"),
                    ("end_date", "end_precision"),
                    "duration_days",
                    "venue",
                    "city",
                    "countries",
                    "format",
                    "scope",
                    "external_reference",
                ]
            },
        ),
        (_("What and who"), {"fields": ["description", "objectives", "institutions"]}),
        (
            _("Participants"),
            {
                "fields": [
                    ("participants_qualifier", "participants_total"),
                    "participants_women",
                    "participants_men",
                    "facilitators",
                    "cost",
                    "internal_note",
                ]
            },
        ),
        (
            _("Record"),
            {
                "fields": ["created_by", *VersionedAdmin.record_fields],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [
        NewsInline,
        picture_inline(ActivityPicture, TranslationTabularInline),
        document_inline(ActivityDocument),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries")

    @admin.display(description=_("countries"))
    def country_list(self, obj):
        return ", ".join(str(country) for country in obj.countries.all())


@admin.register(NewsItem)
class NewsItemAdmin(TranslationAdmin, VersionedAdmin):
    list_display = ["title", "project", "published_on", "dateline", "is_published", "author"]
    list_filter = ["is_published", "project"]
    list_select_related = ["project", "author"]
    search_fields = ["title", "slug", "lead", "body", "dateline", "project__title"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["project", "activity", "author"]
    readonly_fields = ["updated_by", "created_at", "updated_at", "version"]
    inlines = [picture_inline(NewsPicture, TranslationTabularInline)]
    fieldsets = [
        (None, {"fields": ["project", "activity", "title", "slug"]}),
        (_("Story"), {"fields": ["dateline", "published_on", "lead", "body"]}),
        (_("Publication"), {"fields": ["is_published", "author"]}),
        (
            _("Record"),
            {
                "fields": VersionedAdmin.record_fields,
                "classes": ["collapse"],
            },
        ),
    ]


@admin.register(ActivityImport)
class ActivityImportAdmin(admin.ModelAdmin):
    """The record of each spreadsheet import (made in the portal, at /activities/import/)."""

    list_display = ["file_name", "user", "created_at", "imported_at", "activity_count"]
    list_filter = [("imported_at", admin.EmptyFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["file_name", "user__username"]
    fields = ["file_name", "user", "created_at", "imported_at", "accept_outside_period"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(activity_count=Count("activities"))

    @admin.display(description=_("activities added"), ordering="activity_count")
    def activity_count(self, obj):
        return obj.activity_count

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
