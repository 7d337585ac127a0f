"""Placeholder: Atom feeds (issue 3)."""

from django.http import Http404


def latest_news_feed(request, *args, **kwargs):
    raise Http404


def project_news_feed(request, *args, **kwargs):
    raise Http404
