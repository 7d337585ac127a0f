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

import os
import re
import secrets

import pytest
import redis
from django.conf import settings

from bench.run import Gunicorn, cleanup_cache
from demo import seed as demo
from tests.servers import LOGIN, MY_WORK, Browser, demo_server_env
from tests.servers import sign_in as sign_in_as

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
TEAM_MEMBER = "officer-serbia"
TEAM_MEMBER_NAME = " ".join(demo.DEMO_ACCOUNTS[TEAM_MEMBER][:2])
SERBIAN_PROJECT = demo.PROJECT_TITLES[demo.SERBIA_SLUG]


# Services: PostgreSQL, Redis and the two app servers -----------------------------------------


@pytest.fixture(scope="module", params=["redis", "no redis"])
def portal_env(request):
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
    overrides = {"CACHE_KEY_PREFIX": prefix} | ({"REDIS_URL": REDIS_URL} if with_redis else {})
    try:
        with demo_server_env("portal_two_servers", **overrides) as env:
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


# Signing in -------------------------------------------------------------------------------------


def sign_in(browser, server):
    page = sign_in_as(browser, server, TEAM_MEMBER)
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
