"""Placeholder: staff forms for activities and news (issue 4)."""

from django.http import Http404
from django.views import View


class ActivityCreateView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class ActivityUpdateView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class ActivityDeleteView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class ActivityHistoryView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class NewsCreateView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class NewsUpdateView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class NewsDeleteView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class NewsHistoryView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404
