"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live_server.

Every test here carries the `e2e` marker. Without /usr/bin/chromium they are deselected (not
skipped) and the run says so; `make e2e` installs Chromium and runs only them.
"""

import os
import threading
from pathlib import Path

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

from tests.e2e.helpers import DESKTOP, ConsoleLog, screenshot

CHROMIUM = Path("/usr/bin/chromium")
# Flags that work offline and in a container: no sandbox (CI runs as root), no GPU, no calls home.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
E2E_DIR = Path(__file__).resolve().parent
SKIP_NOTICE = "browser tests not run: /usr/bin/chromium missing — run `make e2e`"


def chromium_available():
    return CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK)


def pytest_collection_modifyitems(config, items):
    """Mark every test under tests/e2e, and deselect them when Chromium is missing."""
    e2e = []
    for item in items:
        if E2E_DIR in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)
        if item.get_closest_marker("e2e"):
            e2e.append(item)
    if not e2e:
        return
    if not chromium_available():
        config.hook.pytest_deselected(items=e2e)
        items[:] = [item for item in items if item not in e2e]
        config.stash[_skip_notice_key] = len(e2e)
        return
    # Browser tests last: they flush the database (live_server needs real transactions) and keep
    # an event loop running in this thread (see `_playwright`); nothing else runs after them.
    items[:] = [item for item in items if item not in e2e] + e2e


_skip_notice_key = pytest.StashKey[int]()


class OneRequestAtATimeOnSharedConnection(ThreadedWSGIServer):
    """The live server, answering one request at a time when it shares the test's connection.

    On in-memory SQLite every request thread uses the test thread's one connection; two requests
    at once (a page and an autocomplete call, say) would open a transaction inside the other's
    and fail. Each response is produced whole under a lock; on PostgreSQL nothing changes.
    """

    lock = threading.Lock()

    def set_app(self, application):
        if not self.connections_override:
            return super().set_app(application)

        def one_at_a_time(environ, start_response):
            with self.lock:
                response = application(environ, start_response)
                try:
                    return [b"".join(response)]
                finally:
                    response.close()

        return super().set_app(one_at_a_time)


LiveServerThread.server_class = OneRequestAtATimeOnSharedConnection


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    count = config.stash.get(_skip_notice_key, 0)
    if count:
        terminalreporter.write_sep("!", f"{SKIP_NOTICE} ({count} deselected)", yellow=True)


@pytest.fixture(scope="session")
def _playwright():
    """Playwright's sync API, with Django's async-safety check relaxed while it runs.

    The sync API runs an asyncio event loop in a greenlet of the test's own thread, so while a
    browser is open Django sees a running loop in this thread and refuses every ORM call
    (SynchronousOnlyOperation) — factories, assertions, the database flush after each test.
    The tests themselves are plain synchronous code, so the check is switched off here, for the
    browser tests only, and restored when Playwright stops.
    """
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    yield playwright
    playwright.stop()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser(_playwright):
    """One headless Chromium (Debian's, never Playwright's download) for the whole run."""
    browser = _playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[_call_failed_key] = report.failed
    return report


_call_failed_key = pytest.StashKey[bool]()


@pytest.fixture
def new_page(request, browser, live_server):
    """Open a fresh browser context and page on the live server: `new_page(viewport=PHONE)`.

    Each page records its console errors in `page.console`. `bypass_csp=True` lets axe be
    injected as an inline script on pages whose policy forbids inline scripts.
    """
    contexts = []

    def open_page(viewport=DESKTOP, locale="en-GB", bypass_csp=False):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport,
            locale=locale,
            bypass_csp=bypass_csp,
            accept_downloads=True,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.console = ConsoleLog()
        page.console.attach(page)
        return page

    yield open_page
    failed = request.node.stash.get(_call_failed_key, False)
    for number, context in enumerate(contexts):
        if failed:
            # What the browser showed when the test failed, for the person reading the log.
            for page in context.pages:
                screenshot(page, f"failed/{request.node.name}-{number}")
        context.close()


@pytest.fixture
def page(new_page):
    """A desktop-width page; CSP applies as the server sends it."""
    return new_page()


@pytest.fixture(autouse=True)
def _managers_group(transactional_db):
    """Recreate the Managers group: it comes from a data migration, and live_server's
    transactional tests flush the database after each test."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name="Managers")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="projects", codename="manage_all_projects")
    )
