"""Inviting a person by email onto a team; they set a password from the link and land on My work."""

import re

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core import mail
from django.urls import reverse

from core.accounts import count_email
from projects.models import ProjectMembership
from tests import factories
from tests.helpers import messages_of, signed_in

pytestmark = pytest.mark.django_db

PROJECT_MANAGER = ProjectMembership.Role.MANAGER


@pytest.fixture
def team_url(project):
    return reverse("projects:team", args=[project.slug])


@pytest.fixture
def project_manager(project):
    user = factories.UserFactory(first_name="Mira", last_name="Horvat")
    factories.MembershipFactory(project=project, user=user, role=PROJECT_MANAGER)
    return user


def invitation(email, role=ProjectMembership.Role.OFFICER, **names):
    return {"invite": "1", "email": email, "role": role, **names}


def test_a_project_manager_invites_a_newcomer_who_sets_a_password_and_lands_on_my_work(
    client, project, project_manager, team_url
):
    response = signed_in(project_manager).post(
        team_url, invitation("luka.petrovic@example.org", first_name="Luka", last_name="Petrović")
    )

    luka = get_user_model().objects.get(email="luka.petrovic@example.org")
    assert luka.username == "luka.petrovic" and not luka.has_usable_password()
    assert project.memberships.get(user=luka).role == ProjectMembership.Role.OFFICER
    assert messages_of(response) == [
        "Luka Petrović (luka.petrovic) is on the team: an invitation to set a password went to "
        "luka.petrovic@example.org."
    ]
    (message,) = mail.outbox
    assert message.to == ["luka.petrovic@example.org"]
    assert message.subject == f"You are invited to the team of {project.title}"
    assert "Mira Horvat put you on the team" in message.body and "3 days, once" in message.body
    link = re.search(r"http://testserver(/\S+/)", message.body).group(1)

    form_url = client.get(link)["Location"]
    assert "Your username is luka.petrovic." in client.get(form_url).content.decode()
    response = client.post(
        form_url, {"new_password1": "a-long-new-secret-7", "new_password2": "a-long-new-secret-7"}
    )

    assert response["Location"] == reverse("my-work")
    assert client.session[SESSION_KEY] == str(luka.pk)
    assert project.title in client.get(reverse("my-work")).content.decode()
    # Spent: the link now says so.
    assert "This invitation has expired" in client.get(link, follow=True).content.decode()


def test_someone_with_an_account_joins_at_once_and_a_member_cannot_be_invited_twice(
    project, manager, team_member, team_url
):
    known = factories.UserFactory(email="known@example.org", first_name="Ana", last_name="Kos")
    client = signed_in(manager)

    response = client.post(team_url, invitation("KNOWN@example.org", role=PROJECT_MANAGER))

    assert project.memberships.get(user=known).role == PROJECT_MANAGER
    assert not mail.outbox
    assert "already had an account and joined the team" in messages_of(response)[0]
    again = client.post(team_url, invitation("known@example.org"))
    assert again.status_code == 400
    assert "Someone with this address is on the team already." in again.content.decode()


def test_officers_cannot_invite_and_an_address_gets_three_emails_an_hour(
    project, team_member, project_manager, team_url
):
    refused = signed_in(team_member).post(team_url, invitation("new@example.org"))
    assert refused.status_code == 403

    for _ in range(3):
        count_email("busy@example.org")
    response = signed_in(project_manager).post(team_url, invitation("busy@example.org"))

    assert response.status_code == 400
    assert "Several emails went to this address in the last hour" in response.content.decode()
    assert not get_user_model().objects.filter(email="busy@example.org").exists()
    assert not mail.outbox
