"""My work: a signed-in user's projects, their latest and upcoming activities, and drafts."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_safe

from activities.models import Activity, NewsItem
from config import cache
from projects.models import Project, is_manager

LIST_LENGTH = 10
PROJECTS_PER_PAGE = 25


@require_safe
@login_required
def my_work(request):
    user = request.user
    manager = is_manager(user)
    # The lists change only with the portal's data (or the user's role): rendered once per
    # user, role and query string (the page) until then.
    query = sorted(request.GET.lists())
    lists = cache.kept("my-work", lambda: render_lists(request, manager), user.pk, manager, query)
    return render(request, "workspace/my_work.html", {"lists": lists})


def render_lists(request, manager):
    """The user's projects (a page of them), latest and upcoming activities and drafts."""
    user = request.user
    today = timezone.localdate()
    activities = Activity.objects.editable_by(user).select_related("project")
    # A manager's list is every project: a page at a time, each counting only its own rows.
    counts = (
        Activity.objects.filter(project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(count=Count("pk"))
        .values("count")
    )
    projects = (
        Project.objects.editable_by(user)
        .annotate(activity_count=Coalesce(Subquery(counts), 0))
        .order_by("-end_date", "title", "pk")
    )
    paginator = Paginator(projects, PROJECTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except InvalidPage:
        raise Http404 from None
    context = {
        "is_manager": manager,
        "projects": page.object_list,
        "page_obj": page,
        "is_paginated": page.has_other_pages(),
        "latest_activities": activities.filter(start_date__lte=today).order_by(
            "-start_date", "-pk"
        )[:LIST_LENGTH],
        "upcoming_activities": activities.upcoming(today)[:LIST_LENGTH],
        "drafts": NewsItem.objects.editable_by(user)
        .drafts()
        .select_related("project", "author")
        .order_by("-updated_at", "-pk")[:LIST_LENGTH],
    }
    return render_to_string("workspace/_my_work_lists.html", context, request)
