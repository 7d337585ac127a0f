"""Placeholder: IATI 2.03 export (issue 5)."""

from django.http import Http404


def project_iati(request, *args, **kwargs):
    raise Http404
