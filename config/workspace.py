"""My work: a signed-in user's projects, their latest and upcoming activities, and drafts."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from activities.models import Activity, NewsItem
from projects.models import Project, is_manager

LIST_LENGTH = 10


@require_safe
@login_required
def my_work(request):
    user = request.user
    today = timezone.localdate()
    activities = Activity.objects.editable_by(user).select_related("project")
    return render(
        request,
        "workspace/my_work.html",
        {
            "is_manager": is_manager(user),
            "projects": Project.objects.editable_by(user)
            .annotate(activity_count=Count("activities", distinct=True))
            .order_by("-end_date", "title"),
            "latest_activities": activities.filter(start_date__lte=today).order_by(
                "-start_date", "-pk"
            )[:LIST_LENGTH],
            "upcoming_activities": activities.upcoming(today)[:LIST_LENGTH],
            "drafts": NewsItem.objects.editable_by(user)
            .drafts()
            .select_related("project", "author")
            .order_by("-updated_at", "-pk")[:LIST_LENGTH],
        },
    )
