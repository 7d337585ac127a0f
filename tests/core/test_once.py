"""Double submit (issue 18): a create form sent again saves nothing twice and says so."""

import pytest
from django.urls import reverse

from activities.models import Activity, NewsItem
from core.once import TOKEN_FIELD
from stakeholders.models import Institution
from tests import factories
from tests.helpers import activity_data, messages_of, news_data, page

pytestmark = pytest.mark.django_db

ALREADY_SENT = "This form was already sent; nothing was saved twice."


def token_of(response):
    assert response.status_code == 200
    [token] = page(response).xpath(f"//form//input[@type='hidden'][@name='{TOKEN_FIELD}']/@value")
    return token


def test_each_blank_activity_form_carries_a_new_token(team_member_client):
    first = token_of(team_member_client.get(reverse("activities:create")))
    second = token_of(team_member_client.get(reverse("activities:create")))  # the cached form
    assert first != second


def test_an_activity_form_sent_three_times_logs_one_activity(team_member_client, project):
    url = reverse("activities:create")
    data = {**activity_data(project), TOKEN_FIELD: token_of(team_member_client.get(url))}

    first = team_member_client.post(url, data)
    again = [team_member_client.post(url, data) for _ in range(2)]

    activity = Activity.objects.get()
    assert first["Location"] == activity.get_absolute_url()
    for response in again:
        assert response.status_code == 302
        assert response["Location"] == activity.get_absolute_url()
        assert messages_of(response)[-1] == ALREADY_SENT


def test_a_form_sent_with_an_error_can_be_sent_again_once_corrected(team_member_client, project):
    url = reverse("activities:create")
    token = token_of(team_member_client.get(url))
    wrong = team_member_client.post(url, {**activity_data(project, title=""), TOKEN_FIELD: token})
    assert token_of(wrong) == token  # the form shown again keeps its token
    assert not Activity.objects.exists()

    data = {**activity_data(project), TOKEN_FIELD: token}
    assert team_member_client.post(url, data).status_code == 302
    assert team_member_client.post(url, data).status_code == 302
    assert Activity.objects.count() == 1


def test_a_news_form_sent_twice_saves_one_story(team_member_client, project):
    url = reverse("news:create")
    data = {**news_data(project), TOKEN_FIELD: token_of(team_member_client.get(url))}
    team_member_client.post(url, data)
    response = team_member_client.post(url, data)
    story = NewsItem.objects.get()
    assert response["Location"] == story.get_absolute_url()
    assert messages_of(response)[-1] == ALREADY_SENT


def test_an_institution_form_sent_twice_adds_one_institution(team_member_client):
    url = reverse("stakeholders:create")
    data = {
        "name": "Protector of Citizens",
        "kind": Institution.Kind.INDEPENDENT_BODY,
        TOKEN_FIELD: token_of(team_member_client.get(url)),
    }
    team_member_client.post(url, data)
    response = team_member_client.post(url, data)
    assert Institution.objects.count() == 1
    assert messages_of(response)[-1] == ALREADY_SENT


def test_another_users_token_does_not_refuse_their_form(client, project):
    first, second = (factories.MembershipFactory(project=project).user for _ in range(2))
    url = reverse("activities:create")
    client.force_login(first)
    token = token_of(client.get(url))
    client.post(url, {**activity_data(project), TOKEN_FIELD: token})
    client.force_login(second)
    client.post(url, {**activity_data(project, title="Another"), TOKEN_FIELD: token})
    assert Activity.objects.count() == 2
