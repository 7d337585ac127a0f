"""A NUL (%00) in a staff URL (issue 18): a 400 or 404, never a 500 — on PostgreSQL too.

The test client re-raises a view's exception, so a 500 fails the test with its traceback.
"""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/activities/new/?project=%00", "/news/new/?project=a%00b", "/news/new/?activity=1%00"],
)
def test_a_nul_in_a_staff_forms_query_string_is_not_found(team_member_client, url):
    assert team_member_client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/admin/activities/activity/?title=%00",
        "/admin/activities/activity/?q=a%00",
        "/admin/activities/activity/?%00=1",
    ],
)
def test_a_nul_in_an_admin_filter_is_a_bad_request(admin_client, url):
    response = admin_client.get(url)
    assert response.status_code == 400
    assert "This request could not be understood" in response.content.decode()


def test_a_team_member_naming_an_impossible_project_slug_gets_a_404(team_member_client):
    assert team_member_client.get("/activities/new/?project=a b").status_code == 404
    assert team_member_client.get("/news/new/?project=%C3%A9t%C3%A9").status_code == 404


def test_a_team_member_naming_their_project_still_gets_it_preselected(team_member_client, project):
    response = team_member_client.get(f"/activities/new/?project={project.slug}")
    assert response.status_code == 200
    assert response.context["form"].initial["project"] == project
