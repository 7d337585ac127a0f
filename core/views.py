"""The base view of every list page, the managers-only gate, and the public media files."""

import mimetypes

from crispy_forms.utils import render_crispy_form
from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from core import cache
from core.access import is_manager


class ManagersOnlyMixin(UserPassesTestMixin):
    """Managers (and admins) only: visitors go to sign in, anyone else gets a 403."""

    def test_func(self):
        return is_manager(self.request.user)


class BoundedPaginator(Paginator):
    """Counts rows up to `bound` only: a list of 200,000 activities says "more than 2,000".

    Counting every row of a large table is most of a list page's time (10,000 rows of 20,000
    stories: 15 ms of a 60 ms page); past the bound (80 pages of activities) the pages stop, and
    the filters narrow the list.
    """

    bound = 2_000

    @cached_property
    def count(self):
        # SELECT COUNT(*) FROM (SELECT … LIMIT bound + 1): stops at the bound.
        return self.object_list.order_by()[: self.bound + 1].count()

    @property
    def bounded(self):
        return self.count > self.bound

    @cached_property
    def num_pages(self):
        pages = super().num_pages
        return min(pages, -(-self.bound // self.per_page)) if self.bounded else pages


class FilteredListView(ListView):
    """A list narrowed by a FilterSet (a core.filters.CleanInputFilterSet) on a scoped queryset.

    An invalid filter (unknown project, wrong date, a year out of range…) answers 400 with the
    form and its errors, and no rows: better to say what is wrong than to show everything.
    """

    filterset_class = None
    filter_heading = ""
    paginator_class = BoundedPaginator
    # What the list shows, for the page cache (core.cache.depends_on).
    cache_scopes = ()
    # Related rows each listed record shows.
    select_related = ()
    prefetch_related = ()

    def get_base_queryset(self):
        """The records the user may read (`model.objects.for_user`), before the filters."""
        return (
            self.model.objects.for_user(self.request.user)
            .select_related(*self.select_related)
            .prefetch_related(*self.prefetch_related)
        )

    def get_queryset(self):
        if self.cache_scopes:
            cache.depends_on(self.request, *self.cache_scopes)
        base = self.get_base_queryset()
        self.filterset = self.filterset_class(
            self.request.GET or None, queryset=base, request=self.request
        )
        return base.none() if self.filterset.invalid else self.filterset.qs

    def kept_filter_form(self):
        """The filter form's HTML for visitors, rendered once per save and query (core.cache.kept).

        Every visitor asking for the same filters sees the same form: its selects of projects,
        countries and institutions cost more than the page's rows. A form with errors is not
        kept: it shows what was typed.
        """
        if self.request.user.is_authenticated or self.filterset.invalid:
            return None

        def render():
            self.filterset.prepare_to_render()
            form = self.filterset.form
            return render_crispy_form(form, form.helper)

        query = sorted((key, values) for key, values in self.request.GET.lists() if key != "page")
        return cache.kept("filter-form", render, type(self).__name__, query)

    def active_filter_count(self):
        """How many filters the query string sets (a date range's two ends count once)."""
        data = self.request.GET
        return sum(
            any(
                value.strip()
                for key in data
                if key == name or key.startswith(f"{name}_")
                for value in data.getlist(key)
            )
            for name in self.filterset.filters
        )

    def get_context_data(self, **kwargs):
        filter_html = self.kept_filter_form()
        if filter_html is None:
            self.filterset.prepare_to_render()
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter=self.filterset,
            filter_html=filter_html,
            filter_heading=self.filter_heading,
            list_url=self.request.path,
            query=query.urlencode(),
            has_filters=bool(query),
            active_filters=self.active_filter_count(),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        if self.filterset.invalid:
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)


class ScopedDetailMixin:
    """A detail page that tells the page cache what it shows: `cache_scopes(obj)`."""

    def cache_scopes(self, obj):
        raise NotImplementedError

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        cache.depends_on(self.request, *self.cache_scopes(obj))
        return obj


# The public folders of the default storage: pictures and their renditions (sorl-thumbnail's
# "cache/"). Documents are on another storage and never served here.
PUBLIC_MEDIA = ("pictures/", "cache/")


@require_safe
def media_file(request, path):
    """/media/<path>: a picture or rendition read through the storage API (disk or S3).

    Names are unique (a random folder per upload, a hash per rendition), so a copy may be kept
    a year. Anything outside the public folders, or not there, is a 404.
    """
    if not path.startswith(PUBLIC_MEDIA) or ".." in path.split("/") or "\\" in path:
        raise Http404
    try:
        handle = default_storage.open(path, "rb")
    except (FileNotFoundError, OSError, SuspiciousFileOperation):
        raise Http404 from None
    response = FileResponse(handle, content_type=mimetypes.guess_type(path)[0])
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=365 * 24 * 3600, immutable=True)
    return response
