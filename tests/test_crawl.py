"""The crawl (issue 8, item 5): each role follows every link from the home page on the demo data.

No page may fail (5xx), no link on one of our pages may lead nowhere (4xx), and every HTML page
has exactly one <main> and one <h1>. Exports and feeds are fetched but not parsed. The crawl
starts at `/` and `/fr/`, follows redirects, and stops at a cap so that it stays quick.
"""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from config.urls import urlpatterns as portal_urlpatterns

PAGE_CAP = 400
ADMIN_PAGE_CAP = 120
SKIPPED = ("/accounts/logout/", "/fr/accounts/logout/", "/admin/logout/")
# Every page links to the sign-in page with its own ?next=: one visit per language is enough.
ONCE_WHATEVER_THE_QUERY = ("/accounts/login/", "/fr/accounts/login/", "/admin/login/")
ORIGIN = "testserver"


class PageParser(HTMLParser):
    """The page's link targets, and how many <main> and <h1> elements it has."""

    def __init__(self):
        super().__init__()
        self.links = []
        self.counts = {"main": 0, "h1": 0}

    def handle_starttag(self, tag, attrs):
        if tag in self.counts:
            self.counts[tag] += 1
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def internal(url, base):
    """The site path (with its query) a link points to, or None if it leaves the site."""
    absolute, _fragment = urldefrag(urljoin(base, url))
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or parts.netloc != ORIGIN:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def is_admin(path):
    return path.startswith("/admin/")


def crawl(client, *, may_browse_admin):
    """Fetch every page reachable from the home pages; return (pages seen, problems)."""
    queue = deque([("/", "(start)"), ("/fr/", "(start)")])
    # No portal page links to the Django admin: admins start there too.
    admin_queue = deque([("/admin/", "(start)")])
    seen = {"/", "/fr/", "/admin/"}
    problems = []
    fetched = {"portal": 0, "admin": 0}

    def enqueue(path, source):
        bare = path.split("?")[0]
        if bare in SKIPPED:
            return
        key = bare if bare in ONCE_WHATEVER_THE_QUERY else path
        if key in seen:
            return
        seen.add(key)
        if is_admin(path):
            admin_queue.append((path, source))
        else:
            queue.append((path, source))

    while queue or admin_queue:
        if queue:
            if fetched["portal"] >= PAGE_CAP:
                queue.clear()
                continue
            path, source = queue.popleft()
            fetched["portal"] += 1
        else:
            path, source = admin_queue.popleft()
            # Non-admins get the admin's sign-in page (after a redirect); admins browse it.
            limit = ADMIN_PAGE_CAP if may_browse_admin else 2
            if fetched["admin"] >= limit:
                continue
            fetched["admin"] += 1
        response = client.get(path)
        status = response.status_code
        if status >= 400:
            problems.append(f"{path} answered {status} (linked from {source})")
            continue
        if status in (301, 302, 303, 307, 308):
            target = internal(response["Location"], f"http://{ORIGIN}{path}")
            if target is not None:
                enqueue(target, f"{path} (redirect)")
            continue
        content_type = response.get("Content-Type", "")
        if response.streaming:
            b"".join(response.streaming_content)
            continue
        if not content_type.startswith("text/html"):
            continue
        parser = PageParser()
        parser.feed(response.content.decode())
        if not is_admin(path) and parser.counts != {"main": 1, "h1": 1}:
            problems.append(f"{path} has {parser.counts} (linked from {source})")
        for href in parser.links:
            target = internal(href, f"http://{ORIGIN}{path}")
            if target is not None:
                enqueue(target, path)
    return fetched, seen, problems


# Persona: the demo account it signs in with.
ROLES = {
    "visitor": None,
    "team_member": "officer-serbia",
    "manager": "manager",
    "admin": "admin",
}


@pytest.mark.parametrize("role", list(ROLES))
def test_every_link_from_the_home_page_leads_to_a_working_page(demo_accounts, role):
    client = Client()
    username = ROLES[role]
    if username:
        client.force_login(demo_accounts[username])
    fetched, seen, problems = crawl(client, may_browse_admin=role == "admin")
    assert not problems, "\n".join(problems)
    # The crawl went somewhere: every kind of public page, and the role's own pages.
    for expected in ("/projects/", "/activities/", "/news/", "/stakeholders/", "/fr/projects/"):
        assert expected in seen, expected
    assert any(path.startswith("/news/") and path.count("/") == 3 for path in seen)
    assert any(path.startswith("/stakeholders/") and path.count("/") == 3 for path in seen)
    if role != "visitor":
        assert "/my-work/" in seen
    if role in ("manager", "admin"):
        assert "/dashboard/" in seen
    if role == "admin":
        assert fetched["admin"] > 10
    assert fetched["portal"] > 50


# The crawler itself: it must notice a broken link, a crash and a page without its landmarks.


def broken_home(request):
    return HttpResponse(
        '<main><h1>Home</h1><a href="/missing/">gone</a> <a href="/crash/">crash</a>'
        '<a href="https://elsewhere.example/">out</a> <a href="/twice/#top">twice</a></main>'
    )


def crash(request):
    raise ZeroDivisionError


def twice(request):
    return HttpResponse("<main><h1>One</h1><h1>Two</h1></main>")


urlpatterns = [
    path("", broken_home),
    path("fr/", broken_home),
    path("crash/", crash),
    path("twice/", twice),
    # The portal's own routes after these (the error pages link to them).
    *portal_urlpatterns,
]


def test_the_crawler_reports_broken_links_crashes_and_missing_landmarks(db, test_urls):
    _fetched, seen, problems = crawl(Client(raise_request_exception=False), may_browse_admin=False)
    assert "https://elsewhere.example/" not in seen
    assert problems == [
        "/missing/ answered 404 (linked from /)",
        "/crash/ answered 500 (linked from /)",
        "/twice/ has {'main': 1, 'h1': 2} (linked from /)",
    ]
