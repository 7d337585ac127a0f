import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import NewsItem
from tests import factories
from tests.helpers import page, texts


def story_titles(response):
    return texts(page(response), "//article[contains(@class, 'news-card')]//h3")


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


# The news list


@pytest.mark.django_db
def test_news_list_shows_published_stories_newest_first_with_date_and_project(client, project):
    factories.NewsItemFactory(project=project, title="Last week", published_on=days_ago(7))
    factories.NewsItemFactory(
        project=project,
        title="July 2024",
        published_on=datetime.date(2024, 7, 4),
        dateline="Pristina, Kosovo*",
    )
    factories.KosovoFactory()

    response = client.get("/news/")

    assert story_titles(response) == ["Last week", "July 2024"]
    card = texts(page(response), "//article[contains(@class, 'news-card')][2]//p")[0]
    assert card == f"4 July 2024 · Pristina, Kosovo* · {project.title}"
    assert response.content.decode().count("Security Council Resolution 1244") == 1


@pytest.mark.django_db
def test_visitors_never_see_drafts_future_stories_or_stories_of_draft_projects(client, project):
    factories.NewsItemFactory(project=project, title="Public story")
    factories.NewsItemFactory(project=project, title="Draft story", is_published=False)
    factories.NewsItemFactory(project=project, title="Tomorrow's story", published_on=days_ago(-1))
    factories.NewsItemFactory(
        project=factories.ProjectFactory(is_published=False), title="Secret project story"
    )

    assert story_titles(client.get("/news/")) == ["Public story"]


@pytest.mark.django_db
def test_team_member_sees_own_drafts_in_the_list_but_not_other_teams(client, project, team_member):
    factories.NewsItemFactory(project=project, title="Our draft", is_published=False)
    factories.NewsItemFactory(title="Their draft", is_published=False)
    client.force_login(team_member)

    assert story_titles(client.get("/news/")) == ["Our draft"]


@pytest.mark.django_db
def test_news_list_filters_by_project_and_year(client, project):
    other = factories.ProjectFactory()
    factories.NewsItemFactory(
        project=project, title="A 2024", published_on=datetime.date(2024, 3, 1)
    )
    factories.NewsItemFactory(
        project=project, title="A 2023", published_on=datetime.date(2023, 3, 1)
    )
    factories.NewsItemFactory(project=other, title="B 2024", published_on=datetime.date(2024, 5, 1))

    assert story_titles(client.get(f"/news/?project={project.slug}")) == ["A 2024", "A 2023"]
    assert story_titles(client.get("/news/?year=2024")) == ["B 2024", "A 2024"]
    assert story_titles(client.get(f"/news/?project={other.slug}&year=2023")) == []


@pytest.mark.django_db
def test_news_filter_rejects_a_draft_project_for_visitors_with_400(client):
    draft = factories.ProjectFactory(is_published=False)
    factories.NewsItemFactory(project=draft, title="Hidden")

    response = client.get(f"/news/?project={draft.slug}")

    assert response.status_code == 400
    assert story_titles(response) == []
    assert texts(page(response), "//*[contains(@class, 'invalid-feedback')]")


@pytest.mark.django_db
def test_news_list_pages_by_20(client, project):
    factories.NewsItemFactory.create_batch(23, project=project)

    assert len(story_titles(client.get("/news/"))) == 20
    assert len(story_titles(client.get("/news/?page=2"))) == 3
    assert client.get("/news/?page=3").status_code == 404


@pytest.mark.django_db
def test_news_list_links_the_atom_feed(client, db):
    doc = page(client.get("/news/"))

    assert doc.xpath("//head/link[@type='application/atom+xml']/@href") == [reverse("news:feed")]


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [5, 50])
def test_news_list_query_count_does_not_grow_with_rows(
    client, project, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        factories.NewsItemFactory(project=factories.ProjectFactory(), activity=None)

    with django_assert_max_num_queries(6):
        response = client.get("/news/")

    assert len(story_titles(response)) == min(rows, 20)


# The story page


@pytest.fixture
def story(project):
    activity = factories.ActivityFactory(project=project, title="Three-day training")
    return factories.NewsItemFactory(
        project=project,
        activity=activity,
        title="Staff trained near Dubrava Prison",
        dateline="Pristina, Kosovo*",
        published_on=datetime.date(2024, 7, 4),
        lead="Thirty professionals took part.",
        body="## Results\n\nCase studies on **de-escalation**.",
    )


@pytest.mark.django_db
def test_story_page_shows_title_dateline_date_lead_and_markdown_body(client, story):
    factories.KosovoFactory()
    response = client.get(story.get_absolute_url())
    doc = page(response)

    assert texts(doc, "//h1") == ["Staff trained near Dubrava Prison"]
    assert "Pristina, Kosovo*, 4 July 2024" in texts(doc, "//article/header/p")[0]
    assert texts(doc, "//p[@class='lead']") == ["Thirty professionals took part."]
    assert texts(doc, "//div[@class='story-body']/h2") == ["Results"]
    assert texts(doc, "//div[@class='story-body']//strong") == ["de-escalation"]
    assert response.content.decode().count("Security Council Resolution 1244") == 1


@pytest.mark.django_db
def test_story_page_links_its_activity_project_and_other_stories(client, project, story):
    factories.NewsItemFactory(project=project, title="Another story of the project")
    factories.NewsItemFactory(project=project, title="A draft of the project", is_published=False)
    factories.NewsItemFactory(title="A story of another project")

    doc = page(client.get(story.get_absolute_url()))

    hrefs = doc.xpath("//aside//a/@href")
    assert story.activity.get_absolute_url() in hrefs
    assert project.get_absolute_url() in hrefs
    assert texts(doc, "//aside//section//li/a") == ["Another story of the project"]
    assert reverse("projects:feed", args=[project.slug]) in doc.xpath(
        "//head/link[@type='application/atom+xml']/@href"
    )


@pytest.mark.django_db
def test_french_story_page_gives_the_french_date(client, story):
    response = client.get(f"/fr/news/{story.slug}/")

    assert "4 juillet 2024" in response.content.decode()


@pytest.mark.django_db
def test_markup_in_a_story_is_escaped_or_sanitised(client, project):
    story = factories.NewsItemFactory(
        project=project,
        title="<script>alert('t')</script>",
        lead="<b onmouseover=alert(1)>lead</b>",
        body="<script>alert('b')</script>\n\n[link](javascript:alert(1)) <iframe src=x></iframe>",
    )

    content = client.get(story.get_absolute_url()).content.decode()

    assert "<script>alert" not in content
    assert "<b onmouseover" not in content
    assert "javascript:" not in content
    assert "<iframe" not in content
    assert "&lt;script&gt;alert(&#x27;t&#x27;)" in content


@pytest.mark.django_db
def test_team_member_and_manager_read_a_draft(client, project, team_member, manager):
    draft = factories.NewsItemFactory(project=project, title="Work in progress", is_published=False)

    for user in (team_member, manager):
        client.force_login(user)
        doc = page(client.get(draft.get_absolute_url()))
        assert texts(doc, "//h1") == ["Work in progress"]
        assert "Draft" in texts(doc, "//span[contains(@class, 'badge')]")


STAFF_LINK_NAMES = ("news:update", "news:delete", "news:history")


def staff_links(response, story):
    hrefs = set(page(response).xpath("//a/@href"))
    return {name for name in STAFF_LINK_NAMES if reverse(name, args=[story.slug]) in hrefs}


@pytest.mark.django_db
def test_edit_links_show_only_to_the_team_and_managers(
    client, project, team_member, outsider, manager, story
):
    assert staff_links(client.get(story.get_absolute_url()), story) == set()
    client.force_login(outsider)
    assert staff_links(client.get(story.get_absolute_url()), story) == set()
    for user in (team_member, manager):
        client.force_login(user)
        assert staff_links(client.get(story.get_absolute_url()), story) == set(STAFF_LINK_NAMES)


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [5, 50])
def test_story_page_query_count_does_not_grow_with_the_projects_news(
    client, project, story, django_assert_max_num_queries, rows
):
    factories.NewsItemFactory.create_batch(rows, project=project)

    with django_assert_max_num_queries(6):  # its pictures too
        response = client.get(story.get_absolute_url())

    assert len(texts(page(response), "//aside//section//li/a")) == 5


# On the demo data (the seed pages)


@pytest.mark.django_db
def test_demo_news_list_shows_the_eleven_seed_stories_on_one_page(client, demo):
    response = client.get("/news/")

    titles = story_titles(response)
    assert len(titles) == 11
    assert titles[0] == (
        "Council of Europe enhances skills of mental healthcare professionals and correctional "
        "staff on psychosocial programmes and rehabilitation methods"
    )
    assert "Improving the Capacity of Prison Treatment Staff in Serbia" in titles
    assert "11 stories" in texts(page(response), "//main//p")
    assert response.content.decode().count("Security Council Resolution 1244") == 1


@pytest.mark.django_db
def test_demo_news_list_filters_the_serbian_project_by_year(client, demo):
    serbia = "enhancing-human-rights-protection-for-detained-and-sentenced-persons"

    titles = story_titles(client.get(f"/news/?project={serbia}&year=2020"))

    assert titles
    assert (
        "The Council of Europe continues supporting the Ministry of Interior in Serbia in "
        "aligning the legislation with European standards" in titles
    )
    assert story_titles(client.get(f"/news/?project={serbia}&year=2024")) == []


@pytest.mark.django_db
def test_demo_dubrava_story_links_its_training_and_project(client, demo):
    story = NewsItem.objects.get(activity__title__startswith="Training on psychosocial")

    response = client.get(story.get_absolute_url())

    doc = page(response)
    assert "Kosovo*, 3 July 2024" in texts(doc, "//article/header/p")[0]
    assert (
        "A total of 30 mental healthcare professionals"
        in texts(doc, "//div[@class='story-body']/p")[1]
    )
    assert story.activity.get_absolute_url() in doc.xpath("//aside//a/@href")
    assert story.project.get_absolute_url() in doc.xpath("//aside//a/@href")
    assert response.content.decode().count("Security Council Resolution 1244") == 1
