"""The activity form's "add an institution" dialog, in a real browser (static/js/forms.js)."""

import re

import pytest
from playwright.sync_api import expect

from activities.models import Activity
from stakeholders.models import Institution
from tests.e2e.data import build_site
from tests.e2e.helpers import assert_no_csp_violations, fill_date, log_in, visit

pytestmark = pytest.mark.e2e


def field(scope, label):
    return scope.get_by_label(re.compile(rf"^\s*{re.escape(label)}\*?\s*$"))


def test_a_team_member_adds_an_institution_from_the_activity_form_and_it_is_ticked(new_page):
    site = build_site()
    page = new_page()
    log_in(page, site.team_member)
    country = site.project.countries.get()

    visit(page, "/activities/new/")
    field(page, "Project").select_option(label=site.project.title)
    field(page, "Kind").select_option(label="Training")
    field(page, "Title (English)").fill("Round table with the bar association")
    fill_date(page, "Start date", site.project.start_date)
    page.get_by_role("link", name="Not in the directory? Add an institution").click()

    dialog = page.get_by_role("dialog")
    # The same name as a partner, spelt otherwise: it is offered first.
    field(dialog, "Name (English)").fill(site.institutions.prisons.name.upper())
    field(dialog, "Kind").select_option(label="Civil society organisation")
    dialog.get_by_role("button", name="Add the institution").click()
    expect(dialog.get_by_text("have the same name or acronym")).to_be_visible()
    field(dialog, "Name (English)").fill("Bar Association of Kosovo")
    field(dialog, "Country or territory").select_option(label=str(country))
    dialog.get_by_label("None of these: it is a different institution").check()
    dialog.get_by_role("button", name="Add the institution").click()

    expect(dialog).to_be_hidden()
    added = Institution.objects.get(name="Bar Association of Kosovo")
    expect(page.get_by_label(f"{added} — {country}")).to_be_checked()
    # The activity form kept what was typed, and saves the new institution with the rest.
    expect(field(page, "Title (English)")).to_have_value("Round table with the bar association")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Round table with the bar association"
    )
    assert list(Activity.objects.get(title__startswith="Round table").institutions.all()) == [added]
    assert_no_csp_violations(page)
