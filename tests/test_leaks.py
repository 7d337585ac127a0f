"""Contacts and unpublished records never leak (issue 8, item 3).

Every page, search, feed and export a visitor can reach is fetched, and none may contain a contact's
name or email, a draft project's title, a draft story's title, or an activity of a draft project.
The spreadsheets need an account: a signed-in user on no team is the check there. Each test also
shows the same data to someone allowed to see it, so a test that finds nothing proves something.
"""

import datetime
import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from activities.models import Activity
from tests import factories

CONTACT_NAME = "Zygmunt Quillfeather"
CONTACT_EMAIL = "z.quillfeather@justice.example"
DRAFT_PROJECT = "Hushhush Draftproject"
DRAFT_ACTIVITY = "Covert Draftactivity"
DRAFT_STORY = "Embargoed Draftstory"
DRAFT_PROJECT_STORY = "Shrouded Draftprojectstory"
FUTURE_STORY = "Tomorrowland Futurestory"

SECRETS = [
    CONTACT_NAME,
    CONTACT_EMAIL,
    DRAFT_PROJECT,
    DRAFT_ACTIVITY,
    DRAFT_STORY,
    DRAFT_PROJECT_STORY,
    FUTURE_STORY,
]
SEARCH_WORDS = ["Quillfeather", "Hushhush", "Covert", "Embargoed", "Shrouded", "Tomorrowland"]


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def secrets(project, team_member):
    """A published project with a partner (and its contact), next to a draft project that works
    with the same institution, a draft story, a story dated ahead and a draft project's story."""
    ministry = factories.InstitutionFactory(name="Ministry of Justice", slug="ministry")
    factories.ContactFactory(institution=ministry, name=CONTACT_NAME, email=CONTACT_EMAIL)
    factories.PartnerFactory(project=project, institution=ministry)
    factories.ActivityFactory(
        project=project,
        title="Public workshop",
        status=Activity.Status.PLANNED,
        start_date=days(10),
        end_date=days(11),
        institutions=[ministry],
    )
    draft = factories.ProjectFactory(title=DRAFT_PROJECT, is_published=False)
    factories.PartnerFactory(project=draft, institution=ministry)
    factories.FundingFactory(
        project=draft,
        funder=factories.InstitutionFactory(name="Clandestine Donorfund", slug="donor"),
    )
    draft_activity = factories.ActivityFactory(
        project=draft,
        title=DRAFT_ACTIVITY,
        status=Activity.Status.PLANNED,
        start_date=days(20),
        end_date=days(21),
        institutions=[ministry],
    )
    factories.NewsItemFactory(project=project, title=DRAFT_STORY, is_published=False)
    factories.NewsItemFactory(project=project, title=FUTURE_STORY, published_on=days(5))
    factories.NewsItemFactory(project=draft, title=DRAFT_PROJECT_STORY, is_published=True)
    return {"project": project, "draft": draft, "draft_activity": draft_activity}


def public_urls(project):
    slug = project.slug
    urls = [
        "/",
        "/fr/",
        reverse("projects:list"),
        reverse("projects:list") + "?status=ongoing",
        reverse("projects:detail", args=[slug]),
        reverse("projects:iati", args=[slug]),
        reverse("projects:feed", args=[slug]),
        reverse("projects:calendar", args=[slug]),
        reverse("activities:list"),
        reverse("activities:list") + "?institution=ministry",
        reverse("activities:calendar"),
        reverse("activities:calendar") + "?institution=ministry",
        reverse("news:list"),
        reverse("news:feed"),
        reverse("stakeholders:list"),
        reverse("stakeholders:detail", args=["ministry"]),
        "/fr" + reverse("stakeholders:detail", args=["ministry"]),
    ]
    urls += [reverse("activities:detail", args=[a.pk]) for a in project.activities.all()]
    urls += [reverse("news:detail", args=[n.slug]) for n in project.news.published()]
    urls += [reverse("search") + f"?q={word}" for word in SEARCH_WORDS]
    return urls


def text_of(response):
    """The response's text, whatever its kind (streamed CSV, Excel, XML, HTML)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        return "\n".join(
            " ".join(str(value) for value in row if value is not None)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    return content.decode()


def leaks(client, urls):
    """{url: [secrets found]} over the given URLs (every one must answer 200)."""
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = text_of(response)
        hits = [secret for secret in SECRETS if secret in text]
        if hits:
            found[url] = hits
    return found


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_visitors_see_no_contact_and_no_unpublished_record_anywhere(client, secrets):
    assert leaks(client, public_urls(secrets["project"])) == {}


def test_someone_on_no_team_sees_none_either(secrets, no_team):
    client = signed_in(no_team)
    urls = public_urls(secrets["project"]) + [
        reverse("activities:export-csv"),
        reverse("activities:export-xlsx"),
        reverse("activities:export-csv") + "?institution=ministry",
        reverse("activities:export-xlsx") + "?q=Covert",
        reverse("my-work"),
    ]
    assert leaks(client, urls) == {}


def test_an_outsider_sees_no_unpublished_record_of_this_project(secrets, outsider):
    """Team members see contacts (they work with them), but not another team's drafts."""
    client = signed_in(outsider)
    urls = public_urls(secrets["project"]) + [
        reverse("activities:export-csv"),
        reverse("activities:export-xlsx"),
    ]
    found = leaks(client, urls)
    drafts = {
        url: [s for s in hits if s not in (CONTACT_NAME, CONTACT_EMAIL)]
        for url, hits in found.items()
    }
    assert {url: hits for url, hits in drafts.items() if hits} == {}


def test_a_draft_projects_funder_is_not_offered_in_the_project_filter(client, secrets):
    """Institutions are public, but that this one funds a draft project is not."""
    page = client.get(reverse("projects:list")).content.decode()
    assert "Clandestine Donorfund" not in page
    response = client.get(reverse("projects:list") + "?funder=donor")
    assert DRAFT_PROJECT not in response.content.decode()
    manager_page = signed_in(factories.UserFactory(is_superuser=True, is_staff=True)).get(
        reverse("projects:list")
    )
    assert "Clandestine Donorfund" in manager_page.content.decode()


def test_unpublished_stories_are_not_found_by_visitors(client, secrets):
    for story in secrets["project"].news.exclude(pk__in=secrets["project"].news.published()):
        assert client.get(story.get_absolute_url()).status_code == 404, story.title


def test_search_finds_the_same_records_for_managers(secrets, manager):
    """The control: the secrets are there to be found by someone allowed to see them."""
    client = signed_in(manager)
    page = client.get(reverse("search") + "?q=Hushhush").content.decode()
    assert DRAFT_PROJECT in re.sub(r"</?mark>", "", page)
    page = client.get(reverse("search") + "?q=Covert").content.decode()
    assert DRAFT_ACTIVITY in re.sub(r"</?mark>", "", page)
    csv = text_of(client.get(reverse("activities:export-csv")))
    assert DRAFT_ACTIVITY in csv
    xlsx = text_of(client.get(reverse("activities:export-xlsx")))
    assert DRAFT_ACTIVITY in xlsx
    calendar = text_of(client.get(reverse("activities:calendar")))
    assert DRAFT_ACTIVITY in calendar


def test_the_team_sees_its_contacts_and_draft_story(secrets, team_member):
    client = signed_in(team_member)
    institution = client.get(reverse("stakeholders:detail", args=["ministry"])).content.decode()
    assert CONTACT_NAME in institution
    assert CONTACT_EMAIL in institution
    news = client.get(reverse("news:list")).content.decode()
    assert DRAFT_STORY in news


def test_the_draft_projects_team_sees_its_activity_on_the_institution_page(secrets):
    member = factories.MembershipFactory(project=secrets["draft"]).user
    page = signed_in(member).get(reverse("stakeholders:detail", args=["ministry"]))
    assert DRAFT_ACTIVITY in page.content.decode()


def test_feeds_never_list_a_draft_even_for_its_team(secrets, team_member):
    """Feed readers cache and share what they fetch: the feeds are public whoever asks."""
    client = signed_in(team_member)
    for url in (
        reverse("news:feed"),
        reverse("projects:feed", args=[secrets["project"].slug]),
    ):
        text = text_of(client.get(url))
        assert DRAFT_STORY not in text
        assert FUTURE_STORY not in text


@pytest.fixture
def draft_only(secrets):
    """An institution and a country only the draft project works with."""
    draft = secrets["draft"]
    hidden = factories.InstitutionFactory(name="Secretive Partnerbody", slug="secretive")
    secrets["draft_activity"].institutions.add(hidden)
    draft.countries.add(factories.CountryFactory(code="MD", name="Moldova"))
    return draft


def test_the_activity_filter_names_no_institution_of_a_draft_project(client, draft_only):
    response = client.get(reverse("activities:list"), {"project": draft_only.slug})
    assert response.status_code == 400  # the draft is no choice of the visitor's
    assert "Secretive Partnerbody" not in response.content.decode()
    manager = signed_in(factories.UserFactory(is_superuser=True, is_staff=True))
    page = manager.get(reverse("activities:list"), {"project": draft_only.slug})
    assert "Secretive Partnerbody" in page.content.decode()


def test_the_project_filter_offers_no_country_only_a_draft_project_works_in(client, draft_only):
    assert "Moldova" not in client.get(reverse("projects:list")).content.decode()
    manager = signed_in(factories.UserFactory(is_superuser=True, is_staff=True))
    assert "Moldova" in manager.get(reverse("projects:list")).content.decode()
