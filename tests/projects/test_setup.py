"""Project set-up without the admin: /projects/new/ and /projects/<slug>/edit/.

Who gets which answer is tests/test_permissions.py's table; here, what the forms do.
"""

import datetime
from decimal import Decimal

import lxml.html
import pytest
from django.urls import reverse

from projects.models import BudgetLine, Funding, Project, ProjectMembership, ProjectPartner
from tests import factories
from tests.helpers import signed_in

pytestmark = pytest.mark.django_db


def form_data(response):
    (form,) = lxml.html.fromstring(response.content).xpath('//form[@id="project-form"]')
    data = {}
    for name, value in form.form_values():
        if "__prefix__" not in name:
            data.setdefault(name, []).append(value.removeprefix("\n"))
    return data


def new_project_data(client, **fields):
    data = form_data(client.get(reverse("projects:create")))
    data |= {
        "title": ["Prison health care"],
        "summary": ["Better health care in prisons."],
        "start_date": ["2024-03-15"],
        "start_precision": ["month"],
        "end_date": ["2026-06-01"],
        "end_precision": ["month"],
        "budget": ["1000000"],
        "currency": ["EUR"],
    }
    return data | {key: [value] for key, value in fields.items()}


def test_a_manager_sets_up_a_draft_project_with_funders_partners_and_yearly_budgets(
    client, manager
):
    programme = factories.ProgrammeFactory(name="Horizontal Facility", acronym="HF")
    eu, ministry = factories.InstitutionFactory(kind="donor"), factories.InstitutionFactory()
    client = signed_in(manager)
    data = new_project_data(client, programme=str(programme.pk), phase="Phase II")
    data |= {
        "fundings-0-funder": [str(eu.pk)],
        "fundings-0-kind": ["eu"],
        "fundings-0-amount": ["900000"],
        "fundings-0-share": ["90"],
        "partners-0-institution": [str(ministry.pk)],
        "partners-0-role": ["coordinating"],
        "budget_lines-0-year": ["2024"],
        "budget_lines-0-amount": ["400000"],
        "budget_lines-1-year": ["2025"],
        "budget_lines-1-amount": ["600000"],
    }

    response = client.post(reverse("projects:create"), data)

    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == project.get_absolute_url()
    assert (project.code, project.programme, project.phase, project.is_published) == (
        "HF-001",
        programme,
        "Phase II",
        False,
    )
    assert (project.start_date, project.end_date) == (
        datetime.date(2024, 3, 1),
        datetime.date(2026, 6, 30),
    )
    assert [(f.funder, f.amount, f.share) for f in Funding.objects.all()] == [
        (eu, Decimal("900000"), Decimal("90"))
    ]
    assert [(p.institution, p.role) for p in ProjectPartner.objects.all()] == [
        (ministry, "coordinating")
    ]
    assert [(b.year, b.amount) for b in BudgetLine.objects.all()] == [
        (2024, Decimal("400000")),
        (2025, Decimal("600000")),
    ]
    # A draft: the visitor does not see it.
    assert signed_in(None).get(project.get_absolute_url()).status_code == 404


def test_funding_above_the_budget_is_refused_with_nothing_saved(manager):
    donor = factories.InstitutionFactory(kind="donor")
    client = signed_in(manager)
    data = new_project_data(client)
    data |= {
        "fundings-0-funder": [str(donor.pk)],
        "fundings-0-kind": ["voluntary"],
        "fundings-0-amount": ["1000001"],
    }

    response = client.post(reverse("projects:create"), data)

    assert response.status_code == 200
    assert "Known funding would total 1000001" in response.content.decode()
    assert not Project.objects.exists()


def test_the_code_of_a_published_project_is_kept(project, manager):
    project.code = "2203-HF"
    project.save()
    client = signed_in(manager)
    url = reverse("projects:update", args=[project.slug])
    data = form_data(client.get(url))
    data["code"] = ["CHANGED"]
    data["title"] = ["Renamed"]

    assert client.post(url, data).status_code == 302

    project.refresh_from_db()
    assert (project.code, project.title) == ("2203-HF", "Renamed")


def test_a_draft_keeps_a_typed_code_and_may_change_it(manager):
    client = signed_in(manager)
    client.post(reverse("projects:create"), new_project_data(client, code="DRAFT-1"))
    project = Project.objects.get()
    url = reverse("projects:update", args=[project.slug])
    data = form_data(client.get(url)) | {"code": ["DRAFT-2"], "is_published": ["on"]}

    assert client.post(url, data).status_code == 302

    project.refresh_from_db()
    assert (project.code, project.is_published) == ("DRAFT-2", True)
    assert project.first_published_at is not None


def test_a_project_manager_edits_their_project_but_an_officer_may_not(project, team_member):
    manager = factories.UserFactory()
    factories.MembershipFactory(project=project, user=manager, role=ProjectMembership.Role.MANAGER)
    url = reverse("projects:update", args=[project.slug])

    assert signed_in(team_member).get(url).status_code == 403
    client = signed_in(manager)
    data = form_data(client.get(url)) | {"planned_activities": ["40"]}
    assert client.post(url, data).status_code == 302
    project.refresh_from_db()
    assert project.planned_activities == 40
