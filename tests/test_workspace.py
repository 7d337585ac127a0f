"""My work: each user's projects, activities and drafts."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from projects.models import Project
from tests import factories
from tests.helpers import page, texts

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("my-work"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next=/my-work/"


def test_team_member_sees_their_projects_activities_and_drafts_only(client, team_member, project):
    factories.ActivityFactory(project=project, title="Held training", start_date=days(-3))
    factories.ActivityFactory(
        project=project, title="Planned visit", status="planned", start_date=days(10)
    )
    factories.NewsItemFactory(project=project, title="Our draft", is_published=False)
    factories.NewsItemFactory(project=project, title="Our published story")
    other = factories.ProjectFactory(title="Elsewhere")
    factories.ActivityFactory(project=other, title="Their training", start_date=days(-3))
    factories.NewsItemFactory(project=other, title="Their draft", is_published=False)
    client.force_login(team_member)

    response = client.get(reverse("my-work"))

    html = response.content.decode()
    assert [p.title for p in response.context["projects"]] == [project.title]
    assert [a.title for a in response.context["upcoming_activities"]] == ["Planned visit"]
    assert [a.title for a in response.context["latest_activities"]] == ["Held training"]
    assert [n.title for n in response.context["drafts"]] == ["Our draft"]
    assert "Elsewhere" not in html and "Their training" not in html and "Their draft" not in html
    assert f'href="/activities/new/?project={project.slug}"' in html
    assert f'href="/news/new/?project={project.slug}"' in html


def test_manager_sees_every_project(client, manager, project):
    draft_project = factories.ProjectFactory(title="Draft project", is_published=False)
    client.force_login(manager)

    response = client.get(reverse("my-work"))

    assert set(response.context["projects"]) == {project, draft_project}
    assert "All projects" in response.content.decode()


def test_manager_pages_through_every_project_with_its_activity_count(client, manager):
    busy = factories.ProjectFactory(title="Busy project", end_date=days(900))
    factories.ActivityFactory.create_batch(3, project=busy)
    for number in range(29):
        factories.ProjectFactory(title=f"Project {number:02}", end_date=days(400 - number))
    client.force_login(manager)

    first = client.get(reverse("my-work")).content.decode()
    second = client.get(reverse("my-work"), {"page": 2}).content.decode()

    rows = re.findall(r'<a href="/projects/[^"]+/">([^<]+)</a>', first)
    assert rows[:2] == ["Busy project", "Project 00"] and len(rows) == 25
    assert re.search(
        r'Busy project</a>\s*</th>\s*<td[^>]*>[^<]+</td>\s*<td class="text-end"[^>]*>3</td>',
        first,
    )
    assert "Page 1 of 2" in first
    assert re.findall(r'<a href="/projects/[^"]+/">([^<]+)</a>', second) == [
        f"Project {n:02}" for n in range(24, 29)
    ]
    assert client.get(reverse("my-work"), {"page": 3}).status_code == 404
    assert client.get(reverse("my-work"), {"page": "last-but-one"}).status_code == 404


def test_someone_on_no_team_is_told_so_and_whom_to_ask(client, no_team, manager, admin_user):
    manager.first_name, manager.last_name, manager.email = "Ana", "Kovač", "ana@example.org"
    manager.save()
    factories.UserFactory(first_name="Former", last_name="Manager", is_active=False).groups.add(
        *manager.groups.all()
    )
    factories.ActivityFactory(title="Someone else's training")
    client.force_login(no_team)

    response = client.get(reverse("my-work"))

    assert response.status_code == 200
    doc = page(response)
    assert texts(doc, "//h1") == ["You are not on a project team yet"]
    assert texts(doc, "//ul[@id='managers']/li") == ["Ana Kovač · ana@example.org"]
    assert admin_user.get_full_name() not in response.content.decode()
    assert "Someone else's training" not in response.content.decode()
    assert "Upcoming activities" not in response.content.decode()


def test_on_a_team_after_all_my_work_shows_the_project(client, no_team, project):
    client.force_login(no_team)
    assert "You are not on a project team yet" in client.get(reverse("my-work")).content.decode()

    factories.MembershipFactory(project=project, user=no_team)

    response = client.get(reverse("my-work"))
    assert [p.title for p in response.context["projects"]] == [project.title]


def test_my_work_offers_sign_out_as_a_post_form(client, team_member):
    client.force_login(team_member)

    html = client.get(reverse("my-work")).content.decode()

    assert f'<form action="{reverse("logout")}" method="post">' in html


def test_my_work_queries_do_not_grow_with_rows(client, manager, django_assert_max_num_queries):
    client.force_login(manager)

    def load(n):
        for i in range(n):
            project = factories.ProjectFactory()
            factories.ActivityFactory(project=project, start_date=days(-i - 1))
            factories.ActivityFactory(project=project, status="planned", start_date=days(i + 1))
            factories.NewsItemFactory(project=project, is_published=False)
        # The page of projects counted too, and the manager's second factor (django-otp).
        with django_assert_max_num_queries(12):
            response = client.get(reverse("my-work"))
        assert len(response.context["projects"]) == min(Project.objects.count(), 25)

    load(5)
    load(45)


def test_my_work_lists_are_kept_until_the_data_changes(
    client, team_member, project, django_assert_max_num_queries
):
    factories.ActivityFactory(project=project, title="First training", start_date=days(-3))
    client.force_login(team_member)
    assert "First training" in client.get(reverse("my-work")).content.decode()

    # The session, the user and their permissions (and the savepoints around the request): the
    # lists come from the cache.
    with django_assert_max_num_queries(6):
        again = client.get(reverse("my-work")).content.decode()
    assert "First training" in again

    factories.ActivityFactory(project=project, title="Second training", start_date=days(-1))
    assert "Second training" in client.get(reverse("my-work")).content.decode()


def test_to_do_lists_held_activities_without_participants_and_drafts_with_their_forms(
    client, team_member, project
):
    client.force_login(team_member)
    assert "Nothing to do" in client.get(reverse("my-work")).content.decode()
    missing = factories.ActivityFactory(
        project=project, title="Count us", status="held", start_date=days(-3)
    )
    missing.participants_total = None
    missing.save()
    factories.ActivityFactory(project=project, title="Counted", participants_total=12)
    factories.ActivityFactory(project=project, title="Ahead", status="planned", start_date=days(9))
    elsewhere = factories.ActivityFactory(title="Not ours", status="held", start_date=days(-3))
    elsewhere.participants_total = None
    elsewhere.save()
    draft = factories.NewsItemFactory(project=project, title="Half written", is_published=False)

    doc = page(client.get(reverse("my-work")))

    assert texts(doc, "//ul[@id='todo-participants']/li//a[1]") == ["Count us", "Add participants"]
    assert doc.xpath("//ul[@id='todo-participants']//a[text()='Add participants']/@href") == [
        reverse("activities:update", args=[missing.pk]) + "#id_participants_total"
    ]
    assert doc.xpath("//ul[@id='todo-drafts']//a[text()='Finish and publish']/@href") == [
        reverse("news:update", args=[draft.slug])
    ]
