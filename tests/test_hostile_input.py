"""Hostile input (issue 8, item 4): property-based tests with hypothesis.

Every staff form and every list filter gets random and malicious values (markup, SQL fragments,
NUL bytes, huge and negative numbers, impossible dates, very long strings, any unicode). The answer
is a form error or a 2xx/3xx/400/404, never a 500; a rejected form saves nothing; markup saved in a
text field is shown as text wherever the record appears.

The test client re-raises a view's exception, so a crash fails the test with its traceback.
"""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from activities.models import Activity, NewsItem
from projects.models import IndicatorValue
from tests import factories
from tests.helpers import days, signed_in

FAST = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

MALICIOUS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "' OR '1'='1",
    "1; DROP TABLE activities_activity; --",
    "%' UNION SELECT password FROM auth_user --",
    "\x00",
    "abc\x00def",
    "\x00\x00<script>",
    "%00",
    "-1",
    "-99999999999999999999",
    "99999999999999999999999999999999",
    "2147483648",
    "9223372036854775808",
    "1e309",
    "NaN",
    "-inf",
    "0x10",
    "2024-02-30",
    "2024-13-01",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "-2024-01-01",
    "31/12/2024",
    "%",
    "_",
    "\\",
    "../../etc/passwd",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "\u202egnp.exe",
    "\ufeff",
    "𝕳𝖊𝖑𝖑𝖔 🇷🇸 ✓",
    "Ω" * 300,
    "x" * 5000,
    "",
    " ",
]

hostile_text = st.one_of(
    st.sampled_from(MALICIOUS),
    st.text(max_size=300),
    st.integers().map(str),
    st.integers(min_value=0, max_value=60_000).map(lambda n: "é" * n),
)
hostile_date = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(MALICIOUS),
    st.text(max_size=20),
)
hostile_number = st.one_of(
    st.integers().map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(MALICIOUS),
)


def maybe(valid, hostile=hostile_text):
    """A valid value most of the time, so that some examples get past the first field."""
    return st.one_of(st.just(valid), hostile) if valid is not None else hostile


def iso_day(n):
    return days(n).isoformat()


def assert_answered(response, allowed=(200, 302, 400, 404)):
    """A proper answer (never a server error); streamed exports are read to the end."""
    if response.streaming:
        b"".join(response.streaming_content)
    assert response.status_code in allowed, response.status_code


def assert_whole_or_nothing(response, model, before):
    """A saved form adds one row and redirects; a refused one shows its errors and adds none."""
    assert_answered(response, allowed=(200, 302))
    if response.status_code == 302:
        assert model.objects.count() == before + 1
    else:
        assert response.context["form"].errors
        assert model.objects.count() == before


@pytest.fixture
def team(project, team_member):
    objective = factories.ObjectiveFactory(project=project)
    return {
        "project": project,
        "team_member": signed_in(team_member),
        "objective": objective,
        "indicator": factories.IndicatorFactory(objective=objective),
        "activity": factories.ActivityFactory(project=project, objectives=[objective]),
        "story": factories.NewsItemFactory(project=project),
        "country": factories.CountryFactory(code="RS"),
        "institution": factories.InstitutionFactory(),
    }


def valid_activity(team):
    return {
        "project": str(team["project"].pk),
        "kind": "training",
        "title": "A training",
        "status": "planned",
        "start_date": iso_day(3),
        "end_date": iso_day(4),
        "format": "in_person",
        "venue": "",
        "city": "Belgrade",
        "countries": str(team["country"].pk),
        "description": "",
        "objectives": str(team["objective"].pk),
        "institutions": str(team["institution"].pk),
        "participants_total": "20",
        "participants_women": "",
        "participants_men": "",
        "facilitators": "",
        "cost": "",
        "confirm_outside_period": "",
    }


def activity_data(team):
    return st.fixed_dictionaries(
        {
            "project": maybe(str(team["project"].pk)),
            "kind": maybe("training"),
            "title": maybe("A training"),
            "status": maybe("planned"),
            "start_date": maybe(iso_day(3), hostile_date),
            "end_date": maybe(iso_day(4), hostile_date),
            "format": maybe("in_person"),
            "venue": hostile_text,
            "city": hostile_text,
            "countries": maybe(str(team["country"].pk)),
            "description": hostile_text,
            "objectives": maybe(str(team["objective"].pk)),
            "institutions": maybe(str(team["institution"].pk)),
            "participants_total": maybe("20", hostile_number),
            "participants_women": maybe("", hostile_number),
            "participants_men": maybe("", hostile_number),
            "facilitators": hostile_text,
            "cost": maybe("", hostile_number),
            "confirm_outside_period": st.sampled_from(["", "on"]),
        }
    )


def test_the_activity_form_saves_whole_activities_or_nothing(team):
    client, url = team["team_member"], reverse("activities:create")

    @FAST
    @given(data=activity_data(team))
    @example(data=valid_activity(team))
    def post(data):
        before = Activity.objects.count()
        response = client.post(url, data)
        assert_whole_or_nothing(response, Activity, before)
        if response.status_code == 302:
            saved = Activity.objects.latest("pk")
            assert saved.title == data["title"].strip()
            assert saved.end_date >= saved.start_date

    post()


@pytest.mark.parametrize("field", ["countries", "objectives", "institutions"])
def test_an_id_beyond_the_integer_range_is_an_invalid_choice_not_a_crash(team, field):
    """Found by the test above: SQLite raised OverflowError on `IN (9223372036854775808)`."""
    before = Activity.objects.count()
    data = {**valid_activity(team), field: ["9223372036854775808"]}
    response = team["team_member"].post(reverse("activities:create"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Activity.objects.count() == before


def snapshot(record):
    record.refresh_from_db()
    return (record.version, record.title, record.updated_at)


def test_the_activity_edit_form_changes_nothing_when_it_refuses(team):
    client, activity = team["team_member"], team["activity"]
    url = reverse("activities:update", args=[activity.pk])

    @FAST
    @given(data=activity_data(team), version=maybe("current", hostile_number))
    @example(data=valid_activity(team), version="current")
    def post(data, version):
        before = snapshot(activity)
        count = Activity.objects.count()
        use_version = str(before[0]) if version == "current" else version
        response = client.post(url, {**data, "version": use_version})
        assert_answered(response, allowed=(200, 302))
        assert Activity.objects.count() == count
        if response.status_code == 200:
            assert response.context["form"].errors
            assert snapshot(activity) == before
        else:
            assert snapshot(activity)[0] == before[0] + 1

    post()


def news_data(team):
    return st.fixed_dictionaries(
        {
            "project": maybe(str(team["project"].pk)),
            "activity": maybe(str(team["activity"].pk)),
            "title": maybe("A story"),
            "dateline": hostile_text,
            "published_on": maybe(iso_day(0), hostile_date),
            "lead": hostile_text,
            "body": hostile_text,
            "is_published": maybe("True"),
        }
    )


def test_the_news_form_saves_whole_stories_or_nothing(team):
    client, url = team["team_member"], reverse("news:create")

    @FAST
    @given(data=news_data(team), preview=st.booleans())
    def post(data, preview):
        before = NewsItem.objects.count()
        response = client.post(url, {**data, **({"preview": "1"} if preview else {})})
        assert_answered(response, allowed=(200, 302))
        if response.status_code == 302:
            assert not preview
            assert NewsItem.objects.count() == before + 1
        else:
            assert NewsItem.objects.count() == before

    post()


def test_the_news_edit_form_changes_nothing_when_it_refuses(team):
    client, story = team["team_member"], team["story"]
    url = reverse("news:update", args=[story.slug])

    @FAST
    @given(data=news_data(team), version=maybe("current", hostile_number))
    def post(data, version):
        before = snapshot(story)
        use_version = str(before[0]) if version == "current" else version
        response = client.post(url, {**data, "version": use_version})
        assert_answered(response, allowed=(200, 302))
        if response.status_code == 200:
            assert snapshot(story) == before
        else:
            assert snapshot(story)[0] == before[0] + 1

    post()


def test_the_indicator_value_form_records_whole_values_or_nothing(team):
    client = team["team_member"]
    url = reverse("projects:indicator-record", args=[team["project"].slug, team["indicator"].pk])

    @FAST
    @given(
        data=st.fixed_dictionaries(
            {
                "date": maybe(iso_day(0), hostile_date),
                "value": maybe("12.5", hostile_number),
                "note": hostile_text,
                "activity": maybe(str(team["activity"].pk)),
            }
        )
    )
    def post(data):
        before = IndicatorValue.objects.count()
        assert_whole_or_nothing(client.post(url, data), IndicatorValue, before)

    post()


def test_the_login_form_refuses_hostile_credentials_politely(db, settings):
    user = factories.UserFactory(username="alice")

    @FAST
    @given(username=maybe("alice"), password=hostile_text)
    def post(username, password):
        client = Client()
        response = client.post(reverse("login"), {"username": username, "password": password})
        # 429: django-axes locks a name out after repeated failures (the lockout page).
        assert_answered(response, allowed=(200, 429))
        assert SESSION_KEY not in client.session

    post()
    assert user.check_password(factories.PASSWORD)


def test_an_overlong_user_name_is_refused_and_still_locked_out(db):
    """Found on PostgreSQL: django-axes stored the typed name in a varchar(255) and crashed."""
    name = "0" * 300
    statuses = [
        Client().post(reverse("login"), {"username": name, "password": "wrong"}).status_code
        for _attempt in range(6)
    ]
    # The fifth failure locks the name out, as for any other name.
    assert statuses == [200] * 4 + [429, 429]


def test_the_password_change_form_keeps_the_password_when_it_refuses(team_member):
    client = signed_in(team_member)

    @FAST
    @given(old=hostile_text, new1=hostile_text, new2=hostile_text)
    def post(old, new1, new2):
        response = client.post(
            reverse("password_change"),
            {"old_password": old, "new_password1": new1, "new_password2": new2},
        )
        assert_answered(response, allowed=(200,))
        assert response.context["form"].errors
        team_member.refresh_from_db()
        assert team_member.check_password(factories.PASSWORD)

    post()


# List filters: every parameter of each list, plus paging and a parameter nobody expects, in
# English and French, for a visitor (the public lists) and a manager (every list, the portfolio
# dashboard and the exports). The examples are inputs that once broke a page, or nearly did.

FILTERS = {
    "projects:list": ["q", "status", "country", "programme", "funder", "year", "ordering"],
    "activities:list": [
        "q",
        "project",
        "kind",
        "status",
        "country",
        "year",
        "date_after",
        "date_before",
        "institution",
        "objective",
        "ordering",
    ],
    "activities:export-csv": ["q", "project", "kind", "year", "date_after", "ordering"],
    "activities:calendar": ["q", "project", "status", "year", "date_before"],
    "news:list": ["project", "year"],
    "stakeholders:list": ["q", "kind", "country", "letter"],
    "search": ["q"],
    "portfolio": ["programme", "country", "funder"],
}
PUBLIC = ["projects:list", "activities:list", "activities:calendar", "news:list",
          "stakeholders:list", "search"]  # fmt: skip
UNPARSED = ["<script>alert", "<img src=x", "\x00"]


def assert_shown_as_text(response):
    """An HTML answer echoes no markup from the query string, and no NUL character."""
    if response.streaming or not response["Content-Type"].startswith("text/html"):
        return
    page = response.content.decode()
    assert [text for text in UNPARSED if text in page] == []


def query_example(params, repeated=False, french=False):
    return example(query=params, repeated=repeated, french=french)


@pytest.mark.parametrize(
    ("route", "persona"),
    [*((route, "manager") for route in sorted(FILTERS)), *((r, "visitor") for r in PUBLIC)],
)
def test_list_filters_answer_hostile_query_strings_without_error(route, persona, team, manager):
    client = signed_in(manager if persona == "manager" else None)
    url = reverse(route)
    names = [*FILTERS[route], "page", "utm_source"]

    @FAST
    @given(
        query=st.dictionaries(
            st.sampled_from(names), st.one_of(hostile_text, hostile_number), min_size=1
        ),
        repeated=st.booleans(),
        french=st.booleans(),
    )
    # NUL characters: dropped from every filter, or the form echoed them into the page.
    @query_example({"q": "\x00"})
    @query_example({"q": "\x00", "status": "\x00", "country": "\x00"}, french=True)
    # "²" passes isdigit() but not int(); ids beyond any integer column.
    @query_example({"project": "²", "objective": "²", "page": "²", "year": "²"})
    @query_example({"objective": "99999999999999999999999", "institution": "../../etc/passwd"})
    @query_example({"year": "99999999999999999999999999", "page": "99999999999999999999"})
    @query_example({"year": "1e400", "page": "-1"}, french=True)
    @query_example({"date_after": "2024-13-45", "date_before": "0000-00-00"})
    # Over-long values, markup and SQL, orderings by what nobody may sort by.
    @query_example({"q": "x" * 5000, "page": "9" * 5000})
    @query_example({"q": "<script>alert(1)</script>", "kind": "<img src=x onerror=alert(1)>"})
    @query_example({"q": "' OR 1=1--", "ordering": "-project__memberships__user__password"})
    @query_example({"kind": "training", "q": "a"}, repeated=True)
    def get(query, repeated, french):
        params = {key: [value, value] if repeated else value for key, value in query.items()}
        response = client.get(f"/fr{url}" if french else url, params)
        allowed = (200, 400, 404) if persona == "visitor" else (200, 302, 400, 404)
        assert_answered(response, allowed)
        assert_shown_as_text(response)

    get()


# Raw query strings that no dictionary of text gives: bytes that are not UTF-8 (a lone surrogate
# among them), a NUL as a parameter's name, PHP-style brackets.
RAW_QUERIES = ["%ff%fe=%c0%af", "q=%ed%a0%80", "%00=%00", "project[]=x&year[$gt]=1&status[]=x"]


@pytest.mark.parametrize("route", PUBLIC)
@pytest.mark.parametrize("query", RAW_QUERIES)
def test_list_pages_answer_malformed_query_strings_without_error(client, team, route, query):
    response = client.get(f"{reverse(route)}?{query}")
    assert_answered(response, (200, 400, 404))
    assert_shown_as_text(response)


# Markup is text: saved through the forms, shown escaped everywhere.

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_markup_in_an_activity_is_shown_as_text_everywhere(team, client):
    project = team["project"]
    response = team["team_member"].post(
        reverse("activities:create"),
        {
            "project": project.pk,
            "kind": "training",
            "title": f"Training {SCRIPT}",
            "status": "planned",
            "start_date": iso_day(3),
            "end_date": iso_day(3),
            "format": "in_person",
            "city": 'Belgrade"><img src=x onerror=alert(2)>',
            "description": f"About {SCRIPT}",
            "facilitators": SCRIPT,
        },
    )
    assert response.status_code == 302
    activity = Activity.objects.get(title=f"Training {SCRIPT}")
    pages = {
        "activity page": activity.get_absolute_url(),
        "activity list": reverse("activities:list"),
        "project page": project.get_absolute_url(),
        "search": reverse("search") + "?q=alert",
        "home": "/",
    }
    for name, url in pages.items():
        # The search marks the words found (<mark>alert</mark>) inside the escaped text.
        page = re.sub(r"</?mark>", "", client.get(url).content.decode())
        assert SCRIPT not in page, name
        assert "<img src=x" not in page, name
        if name != "home":
            assert ESCAPED in page, name
    staff_pages = {
        "my work": reverse("my-work"),
        "dashboard": reverse("projects:dashboard", args=[project.slug]),
        "edit form": reverse("activities:update", args=[activity.pk]),
    }
    for name, url in staff_pages.items():
        page = team["team_member"].get(url).content.decode()
        assert SCRIPT not in page, name
        assert ESCAPED in page, name


def test_markup_in_a_story_is_shown_as_text_and_its_body_sanitised(team, client):
    response = team["team_member"].post(
        reverse("news:create"),
        {
            "project": team["project"].pk,
            "title": f"Story {SCRIPT}",
            "dateline": SCRIPT,
            "published_on": iso_day(0),
            "lead": f"Lead {SCRIPT}",
            "body": f"Body {SCRIPT}\n\n"
            '<img src=x onerror="alert(3)">\n\n'
            "[link](javascript:alert(4))",
            "is_published": "True",
        },
    )
    assert response.status_code == 302
    story = NewsItem.objects.get(title=f"Story {SCRIPT}")
    for url in (story.get_absolute_url(), reverse("news:list"), "/", reverse("news:feed")):
        page = client.get(url).content.decode()
        assert SCRIPT not in page, url
        assert 'onerror="alert' not in page, url
        assert "javascript:alert" not in page, url
    page = client.get(story.get_absolute_url()).content.decode()
    assert ESCAPED in page
