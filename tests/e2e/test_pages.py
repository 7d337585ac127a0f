"""Every main page in the browser, in English and French: axe at phone and desktop width,
no horizontal scrolling on a phone, one heading, CSP."""

import pytest
from playwright.sync_api import expect

from projects.models import Project
from tests.e2e.data import build_site
from tests.e2e.helpers import (
    DESKTOP,
    PHONE,
    assert_no_csp_violations,
    axe_violations,
    format_violations,
    horizontal_overflow,
    screenshot,
    sign_in_as,
    visit,
)

pytestmark = pytest.mark.e2e

# name: (path on the built site, who is signed in); each is visited in English and in French.
MAIN_PAGES = {
    "home": (lambda s: "/", None),
    "project-list": (lambda s: "/projects/", None),
    "project": (lambda s: s.project.get_absolute_url(), None),
    "activity-list": (lambda s: "/activities/", None),
    "activity-list-filtered": (lambda s: "/activities/?kind=training&status=held", None),
    "activity": (lambda s: s.activities.training.get_absolute_url(), None),
    "news-list": (lambda s: "/news/", None),
    "story": (lambda s: s.story.get_absolute_url(), None),
    "institutions": (lambda s: "/stakeholders/", None),
    "institution": (lambda s: s.institutions.prisons.get_absolute_url(), None),
    "search": (lambda s: "/search/?q=prison", None),
    "login": (lambda s: "/accounts/login/", None),
    "password-reset": (lambda s: "/accounts/password/reset/", None),
    "activity-form": (lambda s: "/activities/new/", "team_member"),
    "my-work": (lambda s: "/my-work/", "team_member"),
    "team": (lambda s: f"{s.project.get_absolute_url()}team/", "manager"),
    "portfolio-dashboard": (lambda s: "/dashboard/", "manager"),
    "project-dashboard": (lambda s: f"{s.project.get_absolute_url()}dashboard/", "manager"),
}
LANGUAGES = {"en": "", "fr": "/fr"}


@pytest.fixture
def site():
    return build_site()


def top(page, selector):
    return page.locator(selector).first.bounding_box()["y"]


def check_phone_layout(page, name):
    """What a phone shows first: key facts on record pages, results before folded filters."""
    if name in ("project", "activity"):
        assert top(page, "#facts-heading") < top(page, "#description-heading"), name
        assert top(page, "dl.facts") < top(page, "#description-heading"), name
    if name.startswith("activity-list"):
        expect(page.locator("#filters")).to_be_hidden()
        toggle = page.locator(".filters-toggle")
        expect(toggle).to_be_visible()
        expect(toggle).to_have_text(
            "Filters (2 active)" if name.endswith("filtered") else "Filters"
        )
        if name.endswith("filtered"):
            toggle.click()
            expect(page.locator("#filters")).to_be_visible()
        # Rows as cards: the table's header row is off screen, each cell says what it is.
        expect(page.locator("table.table-cards thead")).to_have_css("position", "absolute")


def test_main_pages_fit_a_phone_and_pass_axe_in_english_and_french(new_page, live_server, site):
    problems = []
    for role in (None, "team_member", "manager"):
        # axe goes in as an inline script, which the portal's CSP rightly refuses: bypass it here.
        phone = new_page(viewport=PHONE, bypass_csp=True)
        desktop = new_page(viewport=DESKTOP, bypass_csp=True)
        if role:
            for page in (phone, desktop):
                sign_in_as(page, getattr(site, role), live_server)
        for name, (path, page_role) in MAIN_PAGES.items():
            if page_role != role:
                continue
            for language, prefix in LANGUAGES.items():
                url = prefix + path(site)
                visit(phone, url)
                screenshot(phone, f"{name}-{language}-phone")
                overflow = horizontal_overflow(phone)
                if overflow["overflow"] > 0:
                    problems.append(f"{url} is {overflow['overflow']}px too wide: {overflow}")
                if violations := axe_violations(phone):
                    problems.append(f"axe on {url} (phone):\n{format_violations(violations)}")
                if language == "en":
                    check_phone_layout(phone, name)

                visit(desktop, url)
                if language == "en":
                    screenshot(desktop, f"{name}-desktop")
                if desktop.locator("h1").count() != 1 or not desktop.locator("h1").is_visible():
                    problems.append(f"{url}: not one visible h1")
                if violations := axe_violations(desktop):
                    problems.append(f"axe on {url} (desktop):\n{format_violations(violations)}")
    assert not problems, "\n".join(problems)


def test_main_pages_log_no_csp_violations_or_script_errors(new_page, live_server, site):
    for name, (path, role) in MAIN_PAGES.items():
        page = new_page()
        if role:
            sign_in_as(page, getattr(site, role), live_server)
        visit(page, path(site))
        page.wait_for_load_state("load")

        assert_no_csp_violations(page)
        assert not page.console.errors, f"{name}: " + "\n".join(page.console.errors)


def test_seed_projects_pages_are_accessible_and_fit_a_phone(new_page, demo):
    """The demo data reproduces the seed pages: real titles, long names, Kosovo*."""
    paths = ["/", "/projects/", "/activities/", "/news/", "/stakeholders/"]
    for project in Project.objects.published():
        paths.append(project.get_absolute_url())
        paths += [a.get_absolute_url() for a in project.activities.visible()[:3]]
        paths += [n.get_absolute_url() for n in project.news.published()[:2]]
    assert len(set(paths)) > 8, paths

    phone = new_page(viewport=PHONE)
    desktop = new_page(viewport=DESKTOP, bypass_csp=True)
    problems = []
    for number, path in enumerate(paths):
        visit(phone, path)
        screenshot(phone, f"demo/{number:02d}{path.rstrip('/').replace('/', '-')}-phone")
        overflow = horizontal_overflow(phone)
        if overflow["overflow"] > 0:
            problems.append(f"{path} is {overflow['overflow']}px too wide: {overflow}")
        visit(desktop, path)
        if violations := axe_violations(desktop):
            problems.append(f"axe on {path}:\n{format_violations(violations)}")
    assert not problems, "\n".join(problems)
