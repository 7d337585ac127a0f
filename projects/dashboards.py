"""Placeholder: dashboards and indicator values (issue 5)."""

from django.http import Http404
from django.views import View


class ProjectDashboardView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class PortfolioDashboardView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class IndicatorValueCreateView(View):
    def dispatch(self, request, *args, **kwargs):
        raise Http404
