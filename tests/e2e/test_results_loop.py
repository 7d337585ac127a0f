"""The review loop in a browser: record, submit, return with a reason, resubmit, approve, and
the public page shows the progress (issue 15)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.e2e.data import build_site
from tests.e2e.helpers import assert_no_csp_violations, log_in, visit

pytestmark = pytest.mark.e2e


def period_section(page):
    return page.locator("section[id^='period-']").first


def test_officer_and_manager_take_a_periods_values_through_review_to_the_public_page(page):
    site = build_site()
    project, indicator = site.project, site.indicator
    results = f"/projects/{project.slug}/results/"

    log_in(page, site.team_member)
    visit(page, results)
    period_section(page).get_by_role("link", name=f"Record a value — {indicator.name}").click()
    page.get_by_label("Value").fill("70")
    page.get_by_label("Women").fill("40")
    page.get_by_label("Men", exact=True).fill("30")
    page.get_by_role("button", name="Record the value").click()
    visit(page, results)
    page.get_by_role("button", name="Submit the period's values").click()
    expect(page.get_by_role("status").first).to_contain_text("submitted for review")

    page.context.clear_cookies()
    log_in(page, site.manager)
    visit(page, results)
    page.get_by_role("button", name="Return to the team").click()  # no reason: refused
    # In the error summary (a link to the box) and beside the box.
    expect(page.get_by_role("link", name="Enter the reason for returning them.")).to_be_visible()
    page.get_by_label("Why are they returned?").fill("Attach the attendance lists.")
    page.get_by_role("button", name="Return to the team").click()
    expect(page.get_by_role("status").first).to_contain_text("returned to the team")

    page.context.clear_cookies()
    log_in(page, site.team_member)
    visit(page, results)
    expect(page.locator(".return-reason")).to_have_text("Attach the attendance lists.")
    page.get_by_role("button", name="Submit the period's values").click()

    page.context.clear_cookies()
    log_in(page, site.manager)
    visit(page, results)
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_role("status").first).to_contain_text("approved")

    page.context.clear_cookies()
    visit(page, f"/projects/{project.slug}/")
    row = page.locator(".results-table").get_by_role("row", name=re.compile(indicator.name))
    expect(row).to_contain_text("70")
    expect(row).to_contain_text("58 % of the target")  # 70 of 120
    assert [m.subject for m in mail.outbox] == [
        f"Values returned: {project.title} / Valeurs renvoyées : {project.title}",
        f"Values approved: {project.title} / Valeurs approuvées : {project.title}",
    ]
    assert all(m.to == [site.team_member.email] for m in mail.outbox)
    assert_no_csp_violations(page)
