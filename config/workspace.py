"""Placeholder: My work (issue 4)."""

from django.http import Http404


def my_work(request, *args, **kwargs):
    raise Http404
