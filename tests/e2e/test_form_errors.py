"""The activity form's error summary on a phone, in French (issue 19, item 1): the portal's
messages come first (no browser bubbles), each links to its field, nothing overflows."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.data import build_site
from tests.e2e.helpers import (
    assert_accessible,
    assert_no_horizontal_overflow,
    log_in,
    screenshot,
    visit,
)

pytestmark = pytest.mark.e2e

PHONE_390 = {"width": 390, "height": 844}


def test_a_french_officer_on_a_phone_is_led_from_the_error_summary_to_each_field(new_page):
    site = build_site()
    page = new_page(viewport=PHONE_390, locale="fr-FR", bypass_csp=True)
    log_in(page, site.team_member)

    visit(page, "/fr/activities/new/")
    page.get_by_label(re.compile(r"^\s*Projet\*?\s*$")).select_option(label=site.project.title)
    day = page.get_by_role("group", name=re.compile(r"^\s*Date de début")).get_by_label("Jour")
    day.fill("4")
    page.get_by_role("button", name="Enregistrer", exact=True).click()

    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Il y a un problème")
    expect(summary.get_by_role("link", name="Indiquez le champ « titre »")).to_be_visible()
    summary.get_by_role("link", name=re.compile("doit comporter une année")).click()
    expect(page.locator("#id_start_date_day")).to_be_in_viewport()
    assert_no_horizontal_overflow(page)
    assert_accessible(page)
    screenshot(page, "activity-form-errors-fr-phone")
