"""Placeholder: public project pages (issue 3)."""

from django.http import Http404
from django.views import View


class ProjectListView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class ProjectDetailView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404
