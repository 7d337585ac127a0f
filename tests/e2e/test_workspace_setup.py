"""Done-when of issue 14: a manager with no admin access sets up a programme, a project, its
logframe and team in the browser; an officer then logs an activity of "about 40" over 2.5 days."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from activities.models import Activity
from projects.models import Indicator, Objective, Programme, Project, ProjectMembership
from tests import factories
from tests.e2e.data import build_site
from tests.e2e.helpers import assert_no_csp_violations, fill_date, log_in, visit

pytestmark = pytest.mark.e2e


def field(scope, label):
    return scope.get_by_label(re.compile(rf"^\s*{re.escape(label)}\*?\s*$"))


def cell(page, name):
    return page.locator(f'[name="{name}"]')


def save(page, name):
    page.get_by_role("button", name=name, exact=True).click()


def test_a_manager_sets_up_a_programme_project_logframe_and_team_then_an_officer_logs(new_page):
    site = build_site()
    assert not site.manager.is_staff  # no admin access
    officer = factories.UserFactory(username="dana", first_name="Dana", last_name="Officer")
    eu = site.project.fundings.first().funder
    kosovo = site.project.countries.get()
    page = new_page()
    log_in(page, site.manager)

    # A programme with two phases and the funders' shares.
    visit(page, "/programmes/new/")
    field(page, "Name").fill("Partnership for Good Governance")
    field(page, "Acronym").fill("PGG")
    field(page, "Total budget").fill("30000000")
    cell(page, "phases-0-name").fill("Phase I")
    cell(page, "phases-0-start_year").fill("2015")
    cell(page, "phases-0-end_year").fill("2018")
    cell(page, "phases-1-name").fill("Phase II")
    cell(page, "phases-1-position").fill("1")
    cell(page, "funders-0-funder").select_option(label=str(eu))
    cell(page, "funders-0-share").fill("90")
    save(page, "Save")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Partnership for Good Governance")
    expect(page.locator("ul.phases li")).to_have_text(["Phase I (2015–2018)", "Phase II"])
    programme = Programme.objects.get(acronym="PGG")

    # A project under it, with a funder and a partner; its code is made from the programme's.
    visit(page, "/projects/new/")
    field(page, "Title").fill("Strengthening prison healthcare")
    field(page, "Programme").select_option(label=str(programme))
    field(page, "Phase").fill("Phase II")
    field(page, "Summary").fill("Prison healthcare in line with European standards.")
    page.get_by_label(str(kosovo)).check()
    # Known to the month: the day box is left empty.
    start = page.get_by_role("group", name=re.compile(r"^\s*Start date\*?\s*$"))
    start.get_by_label("Month", exact=True).fill("3")
    start.get_by_label("Year", exact=True).fill("2024")
    fill_date(page, "End date", datetime.date(2026, 12, 31))
    field(page, "Total budget").fill("1000000")
    field(page, "Published").check()
    cell(page, "fundings-0-funder").select_option(label=str(eu))
    cell(page, "fundings-0-kind").select_option(label="Voluntary contribution")
    cell(page, "fundings-0-amount").fill("900000")
    cell(page, "partners-0-institution").select_option(label=str(site.institutions.ministry))
    cell(page, "partners-0-role").select_option(label="Coordinating body")
    save(page, "Save")
    expect(page.get_by_role("heading", level=1)).to_have_text("Strengthening prison healthcare")
    project = Project.objects.get(title="Strengthening prison healthcare")
    assert project.code == "PGG-001"
    assert project.start_date.isoformat() == "2024-03-01"

    # A logframe of purposes and results, with no overall objective.
    visit(page, f"/projects/{project.slug}/logframe/")
    page.get_by_label("Overall objective").uncheck()
    page.get_by_label("Specific objective").uncheck()
    page.get_by_label("Project purpose").check()
    save(page, "Save the logframe")  # the chain first: the lines' levels follow it
    cell(page, "lines-0-position").fill("1")
    cell(page, "lines-0-code").fill("1")
    cell(page, "lines-0-level").select_option(label="Project purpose")
    cell(page, "lines-0-title").fill("Prison healthcare meets European standards")
    cell(page, "lines-0-assumptions").fill("The ministry keeps healthcare staff in post")
    save(page, "Save the logframe")
    purpose = Objective.objects.get(project=project, code="1")
    cell(page, "lines-1-position").fill("2")
    cell(page, "lines-1-code").fill("1.1")
    cell(page, "lines-1-level").select_option(label="Expected result")
    cell(page, "lines-1-parent").select_option(label=str(purpose))
    cell(page, "lines-1-title").fill("Prison doctors trained")
    cell(page, "indicators-0-objective").select_option(label=str(purpose))
    cell(page, "indicators-0-name").fill("Healthcare strategy")
    cell(page, "indicators-0-measure").select_option(label="Qualitative")
    cell(page, "indicators-0-target_text").fill("A strategy adopted by the ministry")
    cell(page, "indicators-1-objective").select_option(label=str(purpose))
    cell(page, "indicators-1-name").fill("Doctors trained")
    cell(page, "indicators-1-target").fill("60")
    save(page, "Save the logframe")
    expect(page.get_by_role("alert").or_(page.locator(".alert"))).to_contain_text(
        "The logframe is saved."
    )
    assert list(project.objectives.values_list("code", "level", "parent__code")) == [
        ("1", "purpose", None),
        ("1.1", "result", "1"),
    ]
    assert {(i.name, i.measure) for i in Indicator.objects.filter(objective=purpose)} == {
        ("Healthcare strategy", "5"),
        ("Doctors trained", "1"),
    }

    # A team.
    visit(page, f"/projects/{project.slug}/team/")
    field(page, "Person").select_option(label="Dana Officer (dana)")
    save(page, "Add to the team")
    expect(page.locator("#team-members")).to_contain_text("Dana Officer")
    assert ProjectMembership.objects.filter(project=project, user=officer).exists()
    assert_no_csp_violations(page)

    # The officer logs an activity of about 40 participants over two and a half days.
    page = new_page()
    log_in(page, officer)
    visit(page, "/activities/new/")
    field(page, "Project").select_option(label=project.title)
    field(page, "Kind").select_option(label="Training")
    field(page, "Title (English)").fill("Training of prison doctors")
    field(page, "Status").select_option(label="Held")
    fill_date(page, "Start date", datetime.date(2024, 5, 6))
    fill_date(page, "End date", datetime.date(2024, 5, 8))
    field(page, "Duration in days").fill("2.5")
    field(page, "Participant count is").select_option(label="about")
    field(page, "Participants").fill("40")
    save(page, "Save")
    expect(page.get_by_role("heading", level=1)).to_have_text("Training of prison doctors")
    expect(page.locator("dd.participants")).to_have_text("about 40")
    expect(page.locator("dd.duration")).to_have_text("2.5 days")
    activity = Activity.objects.get(title="Training of prison doctors")
    assert (str(activity.duration_days), activity.participants_qualifier) == ("2.5", "about")
    assert_no_csp_violations(page)
