"""One way to write things (issue 19, item 5): dates in each language's one format, figures
without spurious decimals, who logged what, the icon and manifest, search highlighting (escaped),
calendar subscriptions and an admin inline that fits the page (tests/test_admin.py)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import translation
from django.utils.formats import get_format

from core.templatetags.portal_tags import figure
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_project_page_writes_dates_and_figures_one_way_in_each_language(client):
    project = factories.ProjectFactory(
        start_date=datetime.date(2022, 10, 20), end_date=datetime.date(2025, 9, 30)
    )
    factories.IndicatorFactory(objective=factories.ObjectiveFactory(project=project), target=39)
    factories.NewsItemFactory(project=project, published_on=datetime.date(2023, 6, 30))

    english = client.get(project.get_absolute_url()).content.decode()
    french = client.get(f"/fr{project.get_absolute_url()}").content.decode()

    assert "20 October 2022 – 30 September 2025" in english
    assert "30 June 2023" in english
    assert "Oct. 20, 2022" not in english and "30 Jun 2023" not in english
    assert "20 octobre 2022 – 30 septembre 2025" in french
    assert "30 juin 2023" in french
    assert "target 39 people" in english and "39.00" not in english


def test_figures_are_written_without_spurious_decimals():
    assert [figure(v) for v in (Decimal("39.00"), 39, Decimal("2.50"), 1234.75, None)] == [
        "39",
        "39",
        "2.5",
        "1,234.75",
        "—",
    ]
    with translation.override("fr"):
        assert figure(Decimal("1234.75")) == f"1{get_format('THOUSAND_SEPARATOR')}234,75"


def test_the_dashboard_says_who_logged_an_activity_imported_or_a_former_member(
    team_member_client, team_member, project
):
    gone = factories.UserFactory(first_name="Ana", last_name="Petrović")
    factories.ActivityFactory(project=project, title="Logged by Vesna", created_by=team_member)
    factories.ActivityFactory(project=project, title="Loaded from the sources", created_by=None)
    factories.ActivityFactory(project=project, title="Logged by Ana", created_by=gone)
    gone.delete()

    page = team_member_client.get(f"/projects/{project.slug}/dashboard/").content.decode()
    recent = page[page.index('id="recent"') :]

    assert f"logged by {team_member.get_full_name()}" in recent
    assert "by a former member" in recent
    assert "imported on" in recent
    assert "unknown user" not in recent


def test_search_marks_the_words_found_and_escapes_the_records_text(client):
    project = factories.ProjectFactory(
        title="Torture prevention in prisons",
        summary="Ending <script>alert(1)</script> torture & ill-treatment in custody.",
    )

    page = client.get("/search/", {"q": "torture"}).content.decode()
    results = page[page.index('id="results-projects"') :]

    assert "<mark>Torture</mark> prevention in prisons" in results
    assert project.get_absolute_url() in results
    snippet = re.search(r'class="small search-snippet">(.*?)</span>', results, re.S).group(1)
    assert "<mark>torture</mark>" in snippet
    # The record's own markup is text (SQLite) or dropped (ts_headline): only the marks are HTML.
    assert "<" not in re.sub(r"</?mark>", "", snippet)
    assert "<script>alert(1)" not in page


def test_calendars_offer_a_webcal_subscription_with_an_address_to_copy(client, project):
    page = client.get(project.get_absolute_url()).content.decode()
    ics = f"/projects/{project.slug}/calendar.ics"

    assert f'href="webcal://testserver{ics}"' in page
    assert f'value="http://testserver{ics}"' in page
    assert f'href="{ics}"' in page


def test_the_favicon_and_the_web_app_manifest_are_served():
    client = Client()
    icon = client.get("/favicon.ico")
    manifest = client.get("/manifest.webmanifest")
    home = client.get("/").content.decode()

    assert icon.status_code == 200 and icon["Content-Type"] == "image/x-icon"
    assert icon.content.startswith(b"\x00\x00\x01\x00")
    assert manifest["Content-Type"] == "application/manifest+json"
    assert manifest.json()["name"] == "Cooperation Portal"
    assert {i["sizes"] for i in manifest.json()["icons"]} >= {"192x192", "512x512"}
    assert 'rel="manifest" href="/manifest.webmanifest"' in home
