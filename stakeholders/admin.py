from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from stakeholders import services
from stakeholders.models import Contact, ContactErasure, Country, Institution

# Typed addresses without a scheme are taken as https (Django 6's default, without its warning).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    list_display = ["name", "name_fr", "code", "has_footnote", "institution_count"]
    list_filter = [("footnote", admin.EmptyFieldListFilter)]
    search_fields = ["name", "name_fr", "code"]
    # Explicit: the Count annotation below groups rows, and Django drops Meta.ordering from
    # GROUP BY queries, so the admin's country autocomplete would page an unordered list.
    ordering = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(institution_count=Count("institutions"))

    @admin.display(boolean=True, description=_("footnote"))
    def has_footnote(self, obj):
        return bool(obj.footnote)

    @admin.display(description=_("institutions"), ordering="institution_count")
    def institution_count(self, obj):
        return obj.institution_count


class ContactInline(admin.TabularInline):
    model = Contact
    fields = ["name", "position", "email", "phone"]
    extra = 0


@admin.register(Institution)
class InstitutionAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "acronym", "kind", "country", "parent"]
    list_filter = ["kind", "country"]
    list_select_related = ["country", "parent"]
    search_fields = ["name", "acronym", "slug"]
    autocomplete_fields = ["country", "parent"]
    fields = ["name", "acronym", "slug", "kind", "country", "parent", "website", "description"]
    formfield_overrides = HTTPS_URLS
    inlines = [ContactInline]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "institution", "email", "phone"]
    list_filter = ["institution__kind", "institution__country"]
    list_select_related = ["institution"]
    search_fields = ["name", "position", "email", "institution__name", "institution__acronym"]
    autocomplete_fields = ["institution"]
    actions = ["erase"]

    @admin.action(description=_("Erase the selected contacts with their history"))
    def erase(self, request, queryset):
        for contact in queryset.select_related("institution"):
            services.contact_erase(contact, user=request.user)
        self.message_user(request, _("The contact is erased, with its history."))


@admin.register(ContactErasure)
class ContactErasureAdmin(admin.ModelAdmin):
    list_display = ["__str__", "institution", "erased_by", "erased_at"]
    list_select_related = ["institution", "erased_by"]
