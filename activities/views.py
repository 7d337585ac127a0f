"""Public activity and news pages: lists with filters, one page per activity and per story."""

from django.db.models import Prefetch
from django.views.generic import DetailView

from activities.filters import ActivityFilter, NewsFilter
from activities.models import Activity, NewsItem
from core.views import FilteredListView


class ActivityListView(FilteredListView):
    filterset_class = ActivityFilter
    paginate_by = 25
    context_object_name = "activities"
    template_name = "activities/activity_list.html"

    def get_base_queryset(self):
        return Activity.objects.for_user(self.request.user).select_related("project")


class ActivityDetailView(DetailView):
    context_object_name = "activity"
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
        activity = self.object
        return super().get_context_data(
            can_edit=Activity.objects.editable_by(self.request.user)
            .filter(pk=activity.pk)
            .exists(),
            **kwargs,
        )


class NewsListView(FilteredListView):
    filterset_class = NewsFilter
    paginate_by = 20
    context_object_name = "stories"
    template_name = "news/news_list.html"

    def get_base_queryset(self):
        return NewsItem.objects.for_user(self.request.user).select_related("project")


class NewsDetailView(DetailView):
    context_object_name = "story"
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
            can_edit=NewsItem.objects.editable_by(user).filter(pk=story.pk).exists(),
            **kwargs,
        )
