"""The pictures and documents of activities and stories (projects/media_views.py does the work)."""

from django.views.decorators.http import require_safe

from activities.models import Activity, ActivityDocument, ActivityPicture, NewsItem, NewsPicture
from projects.media_views import MediaView, serve_document


class ActivityMediaView(MediaView):
    picture_model = ActivityPicture
    document_model = ActivityDocument
    owner_field = "activity"

    def owner_queryset(self):
        return Activity.objects.for_user(self.request.user).select_related("project")


class NewsMediaView(MediaView):
    """A story has pictures only: its first leads the story."""

    picture_model = NewsPicture
    owner_field = "story"

    def owner_queryset(self):
        return NewsItem.objects.for_user(self.request.user).select_related("project")


@require_safe
def activity_document(request, pk, document):
    return serve_document(request, ActivityDocument.objects, activity_id=pk, pk=document)
