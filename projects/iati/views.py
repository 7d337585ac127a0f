"""The IATI files: the portfolio (`/iati/activities.xml`), the organisation
(`/iati/organisation.xml`) and each project's `iati.xml`.

Visitors get published projects only; a signed-in user's files hold what the pages show them
(their team's drafts, every project for managers). Anonymous files are kept by the page cache
and retired by the same invalidation as the pages: a project's file by its project's saves
(core.cache scope `project:<id>`), the portfolio's files by any save.

The files only read: they run outside a transaction (no BEGIN and COMMIT round trips; on
PostgreSQL each query sees the data committed when it starts either way).
"""

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from lxml import etree

from core import cache
from projects.iati import export
from projects.models import Project


def xml_response(document, filename):
    content = etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    response = HttpResponse(content, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@transaction.non_atomic_requests
def project_iati(request, slug):
    """Published projects for everyone; drafts only for their team and managers (else 404)."""
    readable = export.with_export_data(Project.objects.for_user(request.user))
    project = get_object_or_404(readable, slug=slug)  # with what the file holds: one read
    cache.depends_on(request, f"project:{project.pk}")
    return xml_response(export.project_document(project), f"{export.identifier(project)}.xml")


@transaction.non_atomic_requests
def activities_xml(request):
    projects = Project.objects.for_user(request.user)
    return xml_response(export.activities_document(projects), "activities.xml")


@transaction.non_atomic_requests
def organisation_xml(request):
    projects = Project.objects.for_user(request.user)
    return xml_response(export.organisation_document(projects), "organisation.xml")
