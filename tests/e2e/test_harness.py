"""The browser harness itself: Chromium answers, and each check catches what it should."""

import pytest

from tests.e2e.helpers import (
    PHONE,
    assert_accessible,
    assert_no_csp_violations,
    assert_no_horizontal_overflow,
    axe_violations,
    horizontal_overflow,
    screenshot,
    visit,
)

pytestmark = pytest.mark.e2e


def test_healthz_answers_ok_in_the_browser(page):
    visit(page, "/healthz")

    assert page.locator("body").inner_text() == "ok"


def test_axe_reports_a_serious_violation_with_rule_and_node(page):
    page.set_content(
        '<html lang="en"><head><title>t</title></head>'
        '<body><main><img src="x.png"></main></body></html>'
    )

    violations = axe_violations(page)

    assert [(v["id"], v["impact"]) for v in violations] == [("image-alt", "critical")]
    assert violations[0]["nodes"][0]["target"] == ["img"]


def test_overflow_check_names_the_element_wider_than_a_phone(new_page):
    page = new_page(viewport=PHONE)
    page.set_content('<html><body><table id="wide"><tr><td>x</td></tr></table></body></html>')
    page.add_style_tag(content="#wide { width: 600px; }")

    result = horizontal_overflow(page)

    assert result["overflow"] > 0
    assert any(c.startswith("table#wide") for c in result["culprits"])


def test_console_log_catches_an_inline_script_refused_by_the_csp(page):
    page.set_content(
        '<html><head><meta http-equiv="Content-Security-Policy" content="script-src \'self\'">'
        "</head><body><script>document.title = 'ran';</script></body></html>"
    )

    assert page.title() != "ran"
    assert page.console.csp_violations()


def test_admin_login_fits_a_phone_keeps_its_csp_and_is_accessible(new_page):
    phone = new_page(viewport=PHONE)
    visit(phone, "/admin/login/")
    screenshot(phone, "admin-login-phone")

    assert phone.get_by_label("Username:").is_visible()
    assert_no_horizontal_overflow(phone)
    assert_no_csp_violations(phone)

    # axe goes in as an inline script, which a strict CSP refuses: this page bypasses it.
    desktop = new_page(bypass_csp=True)
    visit(desktop, "/admin/login/")
    assert_accessible(desktop)
