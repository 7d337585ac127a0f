import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from activities.models import NewsItem
from tests import factories

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 - the portal's own feed, in a test


def entries(feed):
    return [
        {
            "title": entry.findtext("atom:title", namespaces=ATOM),
            "link": entry.find("atom:link[@rel='alternate']", ATOM).get("href"),
            "published": entry.findtext("atom:published", namespaces=ATOM),
            "summary": entry.findtext("atom:summary", namespaces=ATOM),
            "categories": [c.get("term") for c in entry.findall("atom:category", ATOM)],
        }
        for entry in feed.findall("atom:entry", ATOM)
    ]


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.mark.django_db
def test_portal_feed_lists_published_stories_with_title_link_date_and_project(client, project):
    story = factories.NewsItemFactory(
        project=project,
        title="Staff trained near Dubrava Prison",
        published_on=datetime.date(2024, 7, 4),
        lead="Thirty professionals took part.",
    )

    feed = parse(client.get("/news/feed/"))

    assert feed.findtext("atom:title", namespaces=ATOM) == "Cooperation Portal: news"
    assert feed.find("atom:link[@rel='self']", ATOM).get("href") == "http://testserver/news/feed/"
    assert entries(feed) == [
        {
            "title": "Staff trained near Dubrava Prison",
            "link": f"http://testserver/news/{story.slug}/",
            "published": "2024-07-04T00:00:00+02:00",
            "summary": "Thirty professionals took part.",
            "categories": [project.title],
        }
    ]


@pytest.mark.django_db
def test_portal_feed_never_carries_drafts_future_stories_or_draft_projects(
    client, project, manager
):
    factories.NewsItemFactory(project=project, title="Public")
    factories.NewsItemFactory(project=project, title="Draft", is_published=False)
    factories.NewsItemFactory(project=project, title="Tomorrow", published_on=days_ago(-1))
    factories.NewsItemFactory(project=factories.ProjectFactory(is_published=False), title="Hidden")
    # Feeds are public: even a manager's feed reader gets only what visitors may read.
    client.force_login(manager)

    assert [e["title"] for e in entries(parse(client.get("/news/feed/")))] == ["Public"]


@pytest.mark.django_db
def test_portal_feed_keeps_the_latest_20_newest_first(client, project):
    for n in range(25):
        factories.NewsItemFactory(project=project, title=f"Story {n}", published_on=days_ago(n + 1))

    titles = [e["title"] for e in entries(parse(client.get("/news/feed/")))]

    assert titles == [f"Story {n}" for n in range(20)]


@pytest.mark.django_db
def test_project_feed_carries_only_that_projects_published_stories(client, project):
    factories.NewsItemFactory(project=project, title="Ours")
    factories.NewsItemFactory(project=project, title="Our draft", is_published=False)
    factories.NewsItemFactory(title="Theirs")

    feed = parse(client.get(f"/projects/{project.slug}/feed/"))

    assert feed.findtext("atom:title", namespaces=ATOM) == f"{project.title}: news"
    assert feed.find("atom:link[@rel='alternate']", ATOM).get("href") == (
        f"http://testserver/projects/{project.slug}/"
    )
    assert [e["title"] for e in entries(feed)] == ["Ours"]


@pytest.mark.django_db
def test_project_feed_of_a_draft_or_unknown_project_is_a_404(client, manager):
    draft = factories.ProjectFactory(is_published=False)
    factories.NewsItemFactory(project=draft)

    assert client.get(f"/projects/{draft.slug}/feed/").status_code == 404
    assert client.get("/projects/no-such-project/feed/").status_code == 404
    client.force_login(manager)
    assert client.get(f"/projects/{draft.slug}/feed/").status_code == 404


@pytest.mark.django_db
def test_markup_in_a_story_stays_text_in_the_feed(client, project):
    factories.NewsItemFactory(
        project=project, title="<b>Bold</b> claim", lead="<script>alert(1)</script>"
    )

    (entry,) = entries(parse(client.get("/news/feed/")))

    assert entry["title"] == "<b>Bold</b> claim"
    # The summary is typed html: the reader decodes it once and must see the tag as text.
    assert entry["summary"] == "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.mark.django_db
def test_french_feed_has_french_language_and_links(client, project):
    story = factories.NewsItemFactory(project=project)

    feed = parse(client.get("/fr/news/feed/"))

    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert entries(feed)[0]["link"] == f"http://testserver/fr/news/{story.slug}/"


@pytest.mark.django_db
def test_french_feeds_carry_french_texts_field_by_field_and_english_feeds_stay_english(client):
    project = factories.ProjectFactory(
        title="Prison reform", title_fr="Réforme pénitentiaire", summary="Safer prisons."
    )
    factories.NewsItemFactory(
        project=project,
        title="Staff trained",
        title_fr="Personnel formé",
        lead="Thirty professionals took part.",
        lead_fr="",
        published_on=days_ago(1),
    )
    factories.NewsItemFactory(
        project=project,
        title="Visit",
        title_fr="Visite",
        lead="Inspectors came.",
        lead_fr="Les inspecteurs sont venus.",
    )

    french = parse(client.get("/fr/news/feed/"))
    french_project = parse(client.get(f"/fr/projects/{project.slug}/feed/"))
    english = parse(client.get("/news/feed/"))

    assert french.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert [(e["title"], e["summary"], e["categories"]) for e in entries(french)] == [
        ("Visite", "Les inspecteurs sont venus.", ["Réforme pénitentiaire"]),
        ("Personnel formé", "Thirty professionals took part.", ["Réforme pénitentiaire"]),
    ]
    # A field shown in English in the French feed says so; the others are the feed's French.
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    visit, trained = french.findall("atom:entry", ATOM)
    assert [e.get(lang) for e in visit] == [None] * len(visit)
    assert trained.find("atom:title", ATOM).get(lang) is None
    assert trained.find("atom:summary", ATOM).get(lang) == "en"
    assert [e.get(lang) for e in english.iter() if e.get(lang)] == ["en"]  # the feed's own
    assert french_project.findtext("atom:title", namespaces=ATOM) == (
        "Réforme pénitentiaire : actualités"
    )
    assert french_project.findtext("atom:subtitle", namespaces=ATOM) == "Safer prisons."
    assert french_project.find("atom:subtitle", ATOM).get(lang) == "en"
    assert [e["title"] for e in entries(french_project)] == ["Visite", "Personnel formé"]
    assert english.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert [(e["title"], e["summary"]) for e in entries(english)] == [
        ("Visit", "Inspectors came."),
        ("Staff trained", "Thirty professionals took part."),
    ]


@pytest.mark.django_db
def test_demo_feeds_carry_the_seed_stories(client, demo):
    kosovo = demo.kosovo

    portal = entries(parse(client.get("/news/feed/")))
    project = entries(parse(client.get(f"/projects/{kosovo.slug}/feed/")))

    assert len(portal) == 11
    assert [e["title"] for e in project] == list(
        NewsItem.objects.filter(project=kosovo).values_list("title", flat=True)
    )
    assert project[0]["published"] == "2024-07-03T00:00:00+02:00"
