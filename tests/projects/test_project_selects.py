"""The project selects of the list filters and staff forms, and the search behind them.

A portal with many projects lists only the most recent in each select and lets the user search
for the rest (activities/choices.py, static/js/forms.js); with few, every project is listed.
"""

import datetime

import lxml.html
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from activities import choices
from tests import factories
from tests.helpers import news_edit_data

LOOKUP = "/projects/lookup.json"


@pytest.fixture
def listed_three(monkeypatch):
    """Selects list at most three projects, so a handful of projects makes a "large" portal."""
    monkeypatch.setattr(choices, "LISTED_PROJECTS", 3)


def started(days_ago, **kwargs):
    """A published project that started `days_ago` days before 1 June 2024."""
    start = datetime.date(2024, 6, 1) - datetime.timedelta(days=days_ago)
    return factories.ProjectFactory(
        start_date=start, end_date=start + datetime.timedelta(days=900), **kwargs
    )


def select_options(page, name):
    (select,) = lxml.html.fromstring(page).xpath(f'//select[@name="{name}"]')
    return select, [option.text for option in select.xpath("option")][1:]


# The search


def test_search_finds_published_projects_by_every_word_of_title_or_code(client, db):
    factories.ProjectFactory(title="Prison health care", code="PH-2024")
    factories.ProjectFactory(title="Prison reform in Serbia")
    factories.ProjectFactory(title="Police training")

    by_title = client.get(LOOKUP, {"q": "prison serbia"}).json()["results"]
    by_code = client.get(LOOKUP, {"q": "ph-2024"}).json()["results"]

    assert [r["label"] for r in by_title] == ["Prison reform in Serbia"]
    assert [r["label"] for r in by_code] == ["Prison health care"]
    assert set(by_code[0]) == {"id", "slug", "label"}


def test_search_never_shows_a_draft_to_a_visitor_but_shows_it_to_its_team(client, team_member):
    draft = factories.ProjectFactory(title="Prison draft", is_published=False)
    factories.MembershipFactory(project=draft, user=team_member)

    assert client.get(LOOKUP, {"q": "prison"}).json()["results"] == []
    client.force_login(team_member)
    assert [r["slug"] for r in client.get(LOOKUP, {"q": "prison"}).json()["results"]] == [
        draft.slug
    ]


def test_search_for_a_form_finds_only_the_projects_the_user_may_log_for(
    client, team_member, project, manager
):
    project.title = "Prison reform"
    project.save()
    other = factories.ProjectFactory(title="Prison health")
    query = {"q": "prison", "editable": "1"}

    client.force_login(team_member)
    assert [r["id"] for r in client.get(LOOKUP, query).json()["results"]] == [project.pk]
    client.force_login(manager)
    assert {r["id"] for r in client.get(LOOKUP, query).json()["results"]} == {project.pk, other.pk}
    client.logout()
    assert client.get(LOOKUP, query).json()["results"] == []


def test_search_returns_at_most_twenty_and_nothing_for_an_empty_search(client, db):
    for number in range(25):
        factories.ProjectFactory(title=f"Prison {number:02}")

    assert len(client.get(LOOKUP, {"q": "prison"}).json()["results"]) == 20
    assert client.get(LOOKUP, {"q": " "}).json() == {"results": []}


def test_search_refuses_an_overlong_search_with_a_message(client, db):
    response = client.get(LOOKUP, {"q": "x" * 101})

    assert response.status_code == 400
    assert response.json() == {"error": "Search for at most 100 characters."}


# The activity and news lists


@pytest.mark.parametrize("path", ["/activities/", "/news/"])
def test_list_filter_lists_every_project_when_there_are_few(client, db, path):
    for days_ago in (30, 20, 10):
        started(days_ago, title=f"Project started {days_ago} days ago")

    select, titles = select_options(client.get(path).content, "project")

    assert titles == [f"Project started {n} days ago" for n in (10, 20, 30)]
    assert "data-lookup-url" not in select.attrib


@pytest.mark.parametrize("path", ["/activities/", "/news/"])
def test_list_filter_lists_the_most_recent_projects_and_searches_the_rest(
    client, db, listed_three, path
):
    oldest = started(50, title="A first project")
    for days_ago in (40, 30, 20, 10):
        started(days_ago, title=f"Started {days_ago} days ago")

    page = client.get(path).content
    select, titles = select_options(page, "project")

    assert titles == ["Started 10 days ago", "Started 20 days ago", "Started 30 days ago"]
    assert select.attrib["data-lookup-url"] == LOOKUP
    assert select.attrib["data-lookup-value"] == "slug"
    assert "The 3 most recent projects are listed." in page.decode()
    # A project beyond the list still filters, and is then listed as the chosen one.
    chosen_page = client.get(path, {"project": oldest.slug})
    assert chosen_page.status_code == 200
    select, titles = select_options(chosen_page.content, "project")
    assert titles[0] == "A first project"
    assert select.xpath("option[@selected]")[0].attrib["value"] == oldest.slug


def test_activity_list_with_many_projects_stays_within_its_query_budget(
    client, db, listed_three, django_assert_max_num_queries
):
    for days_ago in range(10):
        started(days_ago)

    with django_assert_max_num_queries(12):
        response = client.get("/activities/")

    assert response.status_code == 200


# The staff forms


@pytest.fixture
def many_projects(db, listed_three):
    """Five projects; the manager may log for each."""
    projects = [started(days_ago, title=f"Started {days_ago} days ago") for days_ago in range(5)]
    manager = factories.UserFactory()
    manager.groups.add(Group.objects.get(name="Managers"))
    return {"projects": projects, "manager": manager}


@pytest.mark.parametrize("path", ["/activities/new/", "/news/new/"])
def test_form_lists_the_most_recent_projects_and_searches_those_the_user_may_log_for(
    client, many_projects, path
):
    client.force_login(many_projects["manager"])

    select, titles = select_options(client.get(path).content, "project")

    assert titles == ["Started 0 days ago", "Started 1 days ago", "Started 2 days ago"]
    assert select.attrib["data-lookup-url"] == f"{LOOKUP}?editable=1"
    assert select.attrib["data-lookup-value"] == "id"


def test_form_keeps_a_project_found_by_search_listed_and_chosen(client, many_projects):
    oldest = many_projects["projects"][-1]
    client.force_login(many_projects["manager"])

    page = client.get("/activities/new/", {"project": oldest.slug}).content
    select, titles = select_options(page, "project")

    assert "Started 4 days ago" in titles
    assert select.xpath("option[@selected]")[0].attrib["value"] == str(oldest.pk)


def test_activity_logged_for_a_project_beyond_the_list_is_saved(client, many_projects):
    oldest = many_projects["projects"][-1]
    client.force_login(many_projects["manager"])

    response = client.post(
        "/activities/new/",
        {
            "project": oldest.pk,
            "kind": "training",
            "title": "Training for an older project",
            "status": "held",
            "start_date": oldest.start_date + datetime.timedelta(days=10),
            "format": "in_person",
        },
    )

    assert response.status_code == 302
    assert oldest.activities.get().title == "Training for an older project"


def test_story_moved_to_a_project_beyond_the_list_keeps_it_chosen_on_preview(client, many_projects):
    first, *_others, oldest = many_projects["projects"]
    story = factories.NewsItemFactory(project=first)
    client.force_login(many_projects["manager"])

    response = client.post(
        f"/news/{story.slug}/edit/",
        news_edit_data(story, project=oldest.pk, activity="", preview="Preview"),
    )

    select, titles = select_options(response.content, "project")
    assert "Started 4 days ago" in titles
    assert select.xpath("option[@selected]")[0].attrib["value"] == str(oldest.pk)
    assert select.attrib["data-choices-url"] == "/news/new/choices/"


# Who sees a kept form, and odd input


def test_blank_form_kept_for_a_manager_is_refused_once_they_lose_the_role(client, many_projects):
    draft = started(9, title="Draft project", is_published=False)
    manager = many_projects["manager"]
    factories.MembershipFactory(user=manager)  # still on a team: the form itself stays open
    client.force_login(manager)
    assert client.get("/activities/new/", {"project": draft.slug}).status_code == 200

    manager.groups.clear()

    assert client.get("/activities/new/", {"project": draft.slug}).status_code == 404
    _select, titles = select_options(client.get("/activities/new/").content, "project")
    assert "Draft project" not in titles and len(titles) == 1


@pytest.mark.parametrize("path", ["/activities/", "/news/"])
def test_nul_in_a_list_filter_is_a_clear_answer_not_an_error(client, db, listed_three, path):
    for days_ago in range(5):
        started(days_ago)

    response = client.get(path, {"project": "prison\x00"})

    assert response.status_code == 400  # no such project: the form says so
    assert "Select a valid choice." in response.content.decode()


@pytest.mark.parametrize("lookup", [LOOKUP, "/stakeholders/lookup.json"])
def test_nul_in_a_search_box_finds_by_the_rest(client, team_member, lookup):
    factories.InstitutionFactory(name="Prison administration")
    factories.ProjectFactory(title="Prison reform")
    client.force_login(team_member)

    response = client.get(lookup, {"q": "pri\x00son"})

    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


def test_ids_written_with_other_digits_are_refused_not_an_error(client, team_member, project):
    client.force_login(team_member)

    posted = client.post("/activities/new/", {"project": "²", "title": "Training"})
    choices = client.get("/activities/new/choices/", {"project": "²"})
    story = client.get("/news/new/", {"activity": "²"})
    objective = client.get("/activities/", {"objective": "²"})

    assert posted.status_code == 200
    assert "Choose the project from the list" in posted.content.decode()
    assert choices.status_code == 400
    assert story.status_code == 404
    assert objective.status_code == 400


def test_namesake_projects_are_told_apart_by_code_or_start_year(client, team_member, project):
    project.title = "Prison reform"
    project.code = "PR-1"
    project.save()
    namesake = factories.ProjectFactory(
        title="Prison reform", code="", start_date=datetime.date(2019, 1, 1)
    )
    factories.MembershipFactory(project=namesake, user=team_member)
    client.force_login(team_member)

    found = client.get(LOOKUP, {"q": "prison reform"}).json()["results"]
    _select, options = select_options(
        client.get(reverse("activities:create")).content.decode(), "project"
    )

    assert sorted(r["label"] for r in found) == ["Prison reform (2019)", "Prison reform (PR-1)"]
    assert sorted(options) == ["Prison reform (2019)", "Prison reform (PR-1)"]
