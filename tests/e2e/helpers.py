"""What the browser tests check on a page: accessibility, overflow, console, screenshots."""

import re
from pathlib import Path

from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "static" / "vendor" / "axe" / "axe.min.js"
SCREENSHOTS = ROOT / "test-output" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
BLOCKING_IMPACTS = {"serious", "critical"}


class ConsoleLog:
    """Errors the page reported: console errors and uncaught exceptions."""

    def __init__(self):
        self.errors = []

    def attach(self, page):
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))

    def _on_console(self, message):
        url = message.location.get("url", "")
        # Chromium asks for /favicon.ico on its own; the portal's pages do not reference it.
        if message.type == "error" and not url.endswith("/favicon.ico"):
            self.errors.append(f"{message.text} ({url})")

    def csp_violations(self):
        return [e for e in self.errors if re.search(r"Content Security Policy", e, re.I)]


def visit(page, url):
    """Open `url` and fail unless the server answered 2xx."""
    response = page.goto(url)
    assert response is not None, f"no response for {url}"
    assert response.ok, f"{url} answered {response.status}"
    return response


def axe_violations(page):
    """Run axe-core (vendored from npm) on the page; violations of impact serious or critical.

    axe is injected as an inline script: open the page with `new_page(bypass_csp=True)`.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    # axe's default rule set: WCAG 2.0/2.1/2.2 A and AA plus best practices.
    results = page.evaluate(
        """async () => await axe.run(document, {resultTypes: ["violations"]})"""
    )
    return [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:10]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    {target}  {node['html'][:160]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, f"axe on {page.url}:\n{format_violations(violations)}"


def horizontal_overflow(page):
    """Width of the document beyond the viewport, and the widest offending elements."""
    return page.evaluate(
        """() => {
            const width = window.innerWidth;
            const overflow = document.documentElement.scrollWidth - width;
            const culprits = [];
            if (overflow > 0) {
                // Elements clipped by a scrolling box (.table-responsive) do not widen the page,
                // unless they are positioned out of it (an absolute box escapes a static one).
                const clipped = (el) => {
                    let absolute = ["absolute", "fixed"].includes(getComputedStyle(el).position);
                    for (let up = el.parentElement; up && up !== document.body;
                         up = up.parentElement) {
                        const style = getComputedStyle(up);
                        const positioned = style.position !== "static";
                        if ((!absolute || positioned)
                            && /auto|scroll|hidden|clip/.test(style.overflowX)) {
                            return true;
                        }
                        if (absolute && positioned) {
                            absolute = ["absolute", "fixed"].includes(style.position);
                        }
                    }
                    return false;
                };
                for (const el of document.body.querySelectorAll("*")) {
                    const box = el.getBoundingClientRect();
                    if (box.right > width + 1 && box.width > 0 && !clipped(el)) {
                        const id = el.id ? "#" + el.id : "";
                        const cls = el.classList.length ? "." + [...el.classList].join(".") : "";
                        const name = el.tagName.toLowerCase() + id + cls;
                        culprits.push(`${name} (right edge ${Math.round(box.right)}px)`);
                    }
                }
            }
            return {overflow, culprits: culprits.slice(0, 8)};
        }"""
    )


def assert_no_horizontal_overflow(page):
    result = horizontal_overflow(page)
    assert result["overflow"] <= 0, (
        f"{page.url} is {result['overflow']}px wider than the "
        f"{page.viewport_size['width']}px screen; widest elements:\n  "
        + "\n  ".join(result["culprits"])
    )


def assert_no_csp_violations(page):
    violations = page.console.csp_violations()
    assert not violations, f"CSP violations on {page.url}:\n" + "\n".join(violations)


def screenshot(page, name, element=None):
    """The whole page (or one element: a locator) as test-output/screenshots/<name>.png."""
    path = SCREENSHOTS / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    if element is not None:
        element.screenshot(path=str(path))
    else:
        page.screenshot(path=str(path), full_page=True)
    return path


def log_in(page, user, password=PASSWORD):
    """Sign in through the login form, as a person would: with the code from the authenticator
    app too, for the accounts that must use one (managers, admins)."""
    from core.two_factor import must_use_two_factor
    from tests.helpers import current_code, verified_device

    device = verified_device(user) if must_use_two_factor(user) else None
    visit(page, "/accounts/login/")
    page.get_by_label(re.compile("username", re.I)).fill(user.username)
    page.get_by_label(re.compile("password", re.I)).fill(password)
    page.get_by_role("button", name=re.compile("log in|sign in", re.I)).click()
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url, f"{user.username} could not sign in"
    if device is not None:
        page.get_by_label("Code").fill(current_code(device))
        page.get_by_role("button", name="Verify").click()
        page.wait_for_load_state()
        assert "/accounts/two-factor/" not in page.url, f"{user.username}: code refused"


def sign_in_as(page, user, live_server):
    """Give the page's browser context a signed-in session, without going through the form."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def fill_date(scope, legend, day):
    """Type `day` into a date's day, month and year boxes (the fieldset named `legend`)."""
    group = scope.get_by_role("group", name=re.compile(rf"^\s*{re.escape(legend)}\*?\s*$"))
    for part, value in (("Day", day.day), ("Month", day.month), ("Year", day.year)):
        group.get_by_label(part, exact=True).fill(str(value))
