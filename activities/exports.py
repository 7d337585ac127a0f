"""Placeholder: CSV, Excel and iCalendar exports (issue 5)."""

from django.http import Http404


def activities_csv(request, *args, **kwargs):
    raise Http404


def activities_xlsx(request, *args, **kwargs):
    raise Http404


def activities_calendar(request, *args, **kwargs):
    raise Http404


def project_calendar(request, *args, **kwargs):
    raise Http404
