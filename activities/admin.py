from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from activities.models import Activity, NewsItem


class ActivityAdminForm(forms.ModelForm):
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


class NewsInline(admin.StackedInline):
    model = NewsItem
    fields = ["title", "published_on", "is_published"]
    show_change_link = True
    extra = 0
    fk_name = "activity"

    def has_add_permission(self, request, obj):
        # A story needs its project, lead and author: written on its own page.
        return False


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    form = ActivityAdminForm
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
            {"fields": ["start_date", "end_date", "venue", "city", "countries", "format"]},
        ),
        (_("What and who"), {"fields": ["description", "objectives", "institutions"]}),
        (
            _("Participants"),
            {
                "fields": [
                    "participants_total",
                    "participants_women",
                    "participants_men",
                    "facilitators",
                    "cost",
                ]
            },
        ),
        (
            _("Record"),
            {
                "fields": ["created_by", "created_at", "updated_by", "updated_at", "version"],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [NewsInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries")

    @admin.display(description=_("countries"))
    def country_list(self, obj):
        return ", ".join(str(country) for country in obj.countries.all())

    def save_model(self, request, obj, form, change):
        if change:
            # Staff forms compare versions to catch a record changed under them.
            obj.version += 1
        else:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(NewsItem)
class NewsItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "project", "published_on", "dateline", "is_published", "author"]
    list_filter = ["is_published", "project"]
    list_select_related = ["project", "author"]
    search_fields = ["title", "slug", "lead", "body", "dateline", "project__title"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["project", "activity", "author"]
    readonly_fields = ["updated_by", "created_at", "updated_at", "version"]
    fieldsets = [
        (None, {"fields": ["project", "activity", "title", "slug"]}),
        (_("Story"), {"fields": ["dateline", "published_on", "lead", "body"]}),
        (_("Publication"), {"fields": ["is_published", "author"]}),
        (
            _("Record"),
            {
                "fields": ["updated_by", "created_at", "updated_at", "version"],
                "classes": ["collapse"],
            },
        ),
    ]

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        elif obj.author_id is None:
            obj.author = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
