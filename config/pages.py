"""Placeholder: home and search (issue 3)."""

from django.http import Http404


def home(request, *args, **kwargs):
    raise Http404


def search(request, *args, **kwargs):
    raise Http404
