from django.contrib import admin

from results.models import ValueReview


@admin.register(ValueReview)
class ValueReviewAdmin(admin.ModelAdmin):
    """The review log, read-only: steps are taken on the project's Results page."""

    list_display = ["period", "action", "user", "at", "reason"]
    list_filter = ["action", "period__project"]
    list_select_related = ["period__project", "user"]
    search_fields = ["reason", "period__project__title", "user__username"]
    readonly_fields = ["period", "action", "reason", "values", "user", "at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
