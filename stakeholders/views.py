"""Placeholder: institution directory (issue 3)."""

from django.http import Http404
from django.views import View


class InstitutionListView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class InstitutionDetailView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404
