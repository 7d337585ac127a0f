"""Placeholder: public activity and news pages (issue 3)."""

from django.http import Http404
from django.views import View


class ActivityListView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class ActivityDetailView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class NewsListView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class NewsDetailView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404
