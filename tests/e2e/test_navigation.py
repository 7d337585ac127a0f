"""The navbar holds on one line in English and French, signed in and out, at desktop widths."""

import pytest
from playwright.sync_api import expect

from tests.e2e.data import build_site
from tests.e2e.helpers import screenshot, sign_in_as, visit

pytestmark = pytest.mark.e2e

# One row of navbar: brand, links, search and buttons at most one small button high (plus padding).
ONE_ROW = 64


def navbar_layout(page):
    """The navbar's height, the tops of its visible items and the search box's width."""
    return page.evaluate(
        """() => {
            const nav = document.querySelector("header .navbar");
            const items = [...nav.querySelectorAll(
                ".navbar-brand, .nav-link, .nav-search, .nav-tools > *, .navbar-toggler"
            )].filter((el) => el.offsetParent !== null);
            const search = nav.querySelector("#nav-search");
            return {
                height: nav.getBoundingClientRect().height,
                lines: items.map((el) => [el.textContent.trim().slice(0, 20),
                                          Math.round(el.getBoundingClientRect().height)]),
                search: search.offsetParent ? search.getBoundingClientRect().width : null,
            };
        }"""
    )


def test_navbar_stays_one_line_in_english_and_french_at_1366_and_1024_px(new_page, live_server):
    site = build_site()
    for signed_in in (False, True):
        for width in (1366, 1200, 1024):
            page = new_page(viewport={"width": width, "height": 800})
            if signed_in:
                sign_in_as(page, site.manager, live_server)
            for prefix in ("", "/fr"):
                visit(page, f"{prefix}/projects/")
                layout = navbar_layout(page)
                state = f"{prefix or '/en'} {width}px {'signed in' if signed_in else 'visitor'}"

                assert layout["height"] <= ONE_ROW, f"{state}: navbar {layout}"
                # No item wraps onto a second line (each is one small button high at most).
                assert all(height <= 40 for _, height in layout["lines"]), f"{state}: {layout}"
                if width >= 1200:
                    # Expanded: the search box keeps a usable width.
                    assert layout["search"] >= 140, f"{state}: {layout}"
                else:
                    expect(page.locator(".navbar-toggler")).to_be_visible()
                name = f"navbar-{prefix.strip('/') or 'en'}-{width}-{'in' if signed_in else 'out'}"
                screenshot(page, name, page.locator("header"))

    # The account menu holds My work, Dashboard (a manager), Password and Sign out.
    page = new_page()
    sign_in_as(page, site.manager, live_server)
    visit(page, "/fr/")
    page.get_by_role("button", name="Bob").click()
    menu = page.locator(".account-menu .dropdown-menu")
    expect(menu).to_be_visible()
    for label in ("Mon travail", "Tableau de bord", "Mot de passe", "Se déconnecter"):
        expect(menu.get_by_text(label, exact=True)).to_be_visible()
    screenshot(page, "navbar-fr-account-menu")
    menu.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()
