"""Public activity and news pages: lists with filters, one page per activity and per story."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from activities.filters import ActivityFilter, NewsFilter
from activities.models import Activity, ActivityDocument, NewsItem
from core.access import may_edit
from core.views import FilteredListView, ScopedDetailMixin


class ActivityListView(FilteredListView):
    model = Activity
    filterset_class = ActivityFilter
    cache_scopes = ["activities"]
    filter_heading = _("Filter activities")
    select_related = ["project"]
    extra_context = {"breadcrumbs": [(_("Activities"), "")]}
    paginate_by = 25
    context_object_name = "activities"
    template_name = "activities/activity_list.html"


class ActivityDetailView(ScopedDetailMixin, DetailView):
    context_object_name = "activity"

    def cache_scopes(self, activity):
        return [f"project:{activity.project_id}"]

    template_name = "activities/activity_detail.html"

    def get_queryset(self):
        user = self.request.user
        return (
            Activity.objects.for_user(user)
            .select_related("project", "updated_by")
            .prefetch_related(
                "countries",
                "institutions",
                "objectives",
                Prefetch(
                    "news",
                    queryset=NewsItem.objects.for_user(user).order_by("-published_on", "-pk"),
                    to_attr="visible_news",
                ),
            )
        )

    def get_context_data(self, **kwargs):
        activity, user = self.object, self.request.user
        return super().get_context_data(
            can_edit=may_edit(user, activity),
            pictures=list(activity.pictures.all()),
            documents=ActivityDocument.objects.for_user(user).filter(activity=activity),
            **kwargs,
        )


class NewsListView(FilteredListView):
    model = NewsItem
    filterset_class = NewsFilter
    cache_scopes = ["news"]
    filter_heading = _("Filter news")
    select_related = ["project"]
    extra_context = {"breadcrumbs": [(_("News"), "")]}
    paginate_by = 20
    context_object_name = "stories"
    template_name = "news/news_list.html"


class NewsDetailView(ScopedDetailMixin, DetailView):
    context_object_name = "story"

    def cache_scopes(self, story):
        return [f"project:{story.project_id}"]

    template_name = "news/news_detail.html"

    def get_queryset(self):
        return NewsItem.objects.for_user(self.request.user).select_related(
            "project", "activity", "author", "updated_by"
        )

    def get_context_data(self, **kwargs):
        story, user = self.object, self.request.user
        others = (
            NewsItem.objects.for_user(user)
            .filter(project=story.project_id)
            .exclude(pk=story.pk)
            .order_by("-published_on", "-pk")[:5]
        )
        return super().get_context_data(
            other_stories=others,
            can_edit=may_edit(user, story),
            lead_picture=story.pictures.first(),
            **kwargs,
        )
