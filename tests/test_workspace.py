"""My work: each user's projects, activities and drafts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("my-work"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next=/my-work/"


def test_officer_sees_their_projects_activities_and_drafts_only(client, officer, project):
    factories.ActivityFactory(project=project, title="Held training", start_date=days(-3))
    factories.ActivityFactory(
        project=project, title="Planned visit", status="planned", start_date=days(10)
    )
    factories.NewsItemFactory(project=project, title="Our draft", is_published=False)
    factories.NewsItemFactory(project=project, title="Our published story")
    other = factories.ProjectFactory(title="Elsewhere")
    factories.ActivityFactory(project=other, title="Their training", start_date=days(-3))
    factories.NewsItemFactory(project=other, title="Their draft", is_published=False)
    client.force_login(officer)

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


def test_user_without_a_team_is_told_so(client):
    client.force_login(factories.UserFactory())

    response = client.get(reverse("my-work"))

    assert response.status_code == 200
    assert "You are not on any project team yet." in response.content.decode()


def test_my_work_offers_sign_out_as_a_post_form(client, officer):
    client.force_login(officer)

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
        with django_assert_max_num_queries(10):
            response = client.get(reverse("my-work"))
        assert len(response.context["projects"]) >= n

    load(5)
    load(45)
