"""Two app servers behind one load balancer share sign-ins, sign-outs and fresh pages.

Starts two gunicorn instances (config.wsgi, production settings: DEBUG off, hashed static files)
on one new PostgreSQL database holding the demo data, then drives them over HTTP as a browser
would when a load balancer sends its requests to either: a user signed in on one is signed in on
the other, an activity saved on one is on the other's visitor pages at once (its page cache is
invalidated too), and signing out on one ends the session on both.

Twice: with Redis (two app servers), and without REDIS_URL, where the cache lives in the
database. The second stands for the gunicorn workers of one machine: two processes that share
no memory, each on its own port so that the test chooses which one answers.
"""

import contextlib
import http.client
import http.cookiejar
import os
import re
import secrets
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from functools import cached_property

import lxml.html
import psycopg2
import pytest
import redis
from django.conf import settings
from psycopg2 import sql

from bench.run import Gunicorn, cleanup_cache, manage
from demo import seed as demo

LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
TEAM_MEMBER = "officer-serbia"
TEAM_MEMBER_NAME = " ".join(demo.DEMO_ACCOUNTS[TEAM_MEMBER][:2])
SERBIAN_PROJECT = demo.PROJECT_TITLES[demo.SERBIA_SLUG]
LOGIN = "/accounts/login/"
MY_WORK = "/my-work/"


# Services: PostgreSQL, Redis and the two app servers -----------------------------------------


def postgres_server():
    """The PostgreSQL server of DATABASE_URL when the suite runs on one, else the local one."""
    parts = urllib.parse.urlsplit(os.environ.get("DATABASE_URL", ""))
    if parts.scheme in {"postgres", "postgresql"}:
        return f"{parts.scheme}://{parts.netloc}"
    return LOCAL_POSTGRES


@contextlib.contextmanager
def postgres(server):
    try:
        connection = psycopg2.connect(f"{server}/postgres")
    except psycopg2.OperationalError:
        pytest.fail(
            f"PostgreSQL is not reachable at {server}: start it (`service postgresql start`).",
            pytrace=False,
        )
    connection.autocommit = True  # CREATE/DROP DATABASE cannot run in a transaction
    try:
        with connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()


@pytest.fixture(scope="module")
def database_url():
    """A new PostgreSQL database for this module, dropped at the end."""
    server = postgres_server()
    name = f"portal_two_servers_{secrets.token_hex(4)}"
    with postgres(server) as cursor:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield f"{server}/{name}"
    finally:
        with postgres(server) as cursor:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            cursor.execute(drop.format(sql.Identifier(name)))


@pytest.fixture(scope="module", params=["redis", "no redis"])
def portal_env(request, database_url, tmp_path_factory):
    """Production settings for both servers, on the migrated demo data; with Redis (this run's
    keys) or without REDIS_URL (the database cache)."""
    with_redis = request.param == "redis"
    if with_redis:
        try:
            with redis.Redis.from_url(REDIS_URL) as client:
                client.ping()
        except redis.ConnectionError:
            pytest.fail(
                f"Redis is not reachable at {REDIS_URL}: start it (`service redis-server start`).",
                pytrace=False,
            )
    prefix = f"two-servers-{secrets.token_hex(4)}"
    env = {
        **{k: v for k, v in os.environ.items() if k != "REDIS_URL"},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "CACHE_KEY_PREFIX": prefix,
        "STATIC_ROOT": str(tmp_path_factory.mktemp("static")),
        # Plain HTTP on loopback: no HTTPS redirect, and cookies sent back over http://.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
    }
    if with_redis:
        env["REDIS_URL"] = REDIS_URL
    try:
        manage(env, "migrate", "--no-input", "-v0")
        manage({**env, "DEBUG": "1"}, "load_demo")  # DEBUG on: the demo accounts too
        manage(env, "collectstatic", "--no-input", "-v0")  # pages link the manifest's hashed names
        yield env
    finally:
        if with_redis:
            cleanup_cache(REDIS_URL, prefix)


@pytest.fixture(scope="module")
def servers(portal_env, tmp_path_factory):
    """The base URLs of two separate app servers, A and B."""
    logs = tmp_path_factory.mktemp("gunicorn")
    with (
        Gunicorn(portal_env, 1, logs / "a.log") as a,
        Gunicorn(portal_env, 1, logs / "b.log") as b,
    ):
        yield f"http://127.0.0.1:{a.port}", f"http://127.0.0.1:{b.port}"


# A browser: cookies, redirects, forms ----------------------------------------------------------


@dataclass
class Page:
    url: str
    status: int
    headers: http.client.HTTPMessage
    body: str

    @property
    def path(self):
        return urllib.parse.urlsplit(self.url).path

    @cached_property
    def html(self):
        return lxml.html.fromstring(self.body, base_url=self.url)

    @property
    def text(self):
        """What a reader sees: entities decoded, tags gone."""
        return self.html.text_content()

    @property
    def heading(self):
        return self.html.findtext(".//h1").strip()

    def form(self, action=None, field=None):
        """The page's form posting to `action`, or holding `field`."""
        for form in self.html.forms:
            posts_to_action = action and (form.action or "").endswith(action)
            if posts_to_action or (field and field in form.fields):
                return form
        raise AssertionError(f"No form for {action or field} on {self.url} ({self.status})")


class Browser:
    """An HTTP client that keeps cookies, follows redirects and submits forms."""

    def __init__(self):
        # Cookies are not port-specific: both servers get the same cookies, as two app servers
        # behind one load balancer do.
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, url):
        return self.open(url)

    def submit(self, form, **changes):
        """Post `form` with every field as rendered, but for `changes`."""
        fields = dict(form.form_values()) | changes
        data = urllib.parse.urlencode(fields).encode()
        action = form.action or form.base_url  # no action: back to the form's own address
        return self.open(action, data)

    def open(self, url, data=None):
        request = urllib.request.Request(url, data=data)  # noqa: S310 - http://127.0.0.1 only
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            body = response.read().decode()
            return Page(response.url, response.status, response.headers, body)

    def cookie(self, name):
        return next(cookie for cookie in self.cookies if cookie.name == name)


def sign_in(browser, server):
    form = browser.get(f"{server}{LOGIN}").form(field="username")
    page = browser.submit(form, username=TEAM_MEMBER, password=demo.DEMO_PASSWORD)
    assert page.path == MY_WORK, f"Sign-in on {server} failed: {page.text[:500]}"
    return page


def assert_signed_in(page):
    assert page.status == 200
    assert page.path == MY_WORK
    assert f"Signed in as {TEAM_MEMBER_NAME}" in page.text
    assert SERBIAN_PROJECT in page.text


def assert_signed_out(page):
    assert page.status == 200
    assert page.path == LOGIN
    assert page.heading == "Sign in"


# Behaviour ------------------------------------------------------------------------------------


def test_a_user_signed_in_on_one_server_is_signed_in_on_the_other(servers):
    a, b = servers
    user = Browser()
    sign_in(user, a)

    assert_signed_in(user.get(f"{b}{MY_WORK}"))
    assert_signed_out(Browser().get(f"{b}{MY_WORK}"))


def test_an_activity_saved_on_one_server_is_on_the_others_visitor_pages_at_once(servers):
    a, b = servers
    title = f"Renamed on server A ({secrets.token_hex(3)})"
    team_member = Browser()
    my_work = sign_in(team_member, a)
    # The page of the first activity the team member may edit: /activities/<id>/.
    activity = re.search(r'href="(/activities/\d+/)edit/"', my_work.body).group(1)
    visitor = Browser()
    before = visitor.get(f"{b}{activity}")
    assert before.status == 200
    assert visitor.get(f"{b}{activity}").headers["X-Page-Cache"] == "hit"

    form = team_member.get(f"{a}{activity}edit/").form(field="title")
    saved = team_member.submit(form, title=title)
    assert saved.path == activity, saved.text[:1000]

    after = visitor.get(f"{b}{activity}")
    assert after.heading == title
    assert before.heading not in after.text
    assert title in visitor.get(f"{b}/activities/").text


def test_signing_out_on_one_server_signs_the_user_out_on_the_other(servers):
    a, b = servers
    user = Browser()
    sign_in(user, a)
    session = user.cookie(settings.SESSION_COOKIE_NAME)
    my_work = user.get(f"{b}{MY_WORK}")
    assert_signed_in(my_work)

    user.submit(my_work.form(action="/accounts/logout/"))

    assert_signed_out(user.get(f"{a}{MY_WORK}"))
    # The session itself has ended, not only this browser's cookie.
    copy = Browser()
    copy.cookies.set_cookie(session)
    assert_signed_out(copy.get(f"{a}{MY_WORK}"))


def test_a_story_unpublished_on_one_server_is_gone_from_the_others_visitor_pages(servers):
    a, b = servers
    team_member = Browser()
    sign_in(team_member, a)
    visitor = Browser()
    project_page = visitor.get(f"{b}/projects/{demo.SERBIA_SLUG}/")
    story = next(
        link
        for link in re.findall(r'href="(/news/[\w-]+/)"', project_page.body)
        if not link.endswith("/feed/")
        if visitor.get(f"{b}{link}").status == 200
    )
    assert visitor.get(f"{b}{story}").headers["X-Page-Cache"] == "hit"

    form = team_member.get(f"{a}{story}edit/").form(field="is_published")
    saved = team_member.submit(form, is_published="False")
    assert saved.status == 200, saved.text[:1000]

    assert visitor.get(f"{b}{story}").status == 404
    assert story not in visitor.get(f"{b}/projects/{demo.SERBIA_SLUG}/").body
