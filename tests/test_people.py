"""People who leave: deactivated by a manager, signed out at once; account changes in history."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from tests.helpers import messages_of, signed_in

pytestmark = pytest.mark.django_db


def test_a_manager_deactivates_someone_who_left_and_their_sessions_end_at_once(
    project, team_member, manager
):
    theirs = signed_in(team_member)
    url = reverse("deactivate-person", args=[team_member.pk])
    team_page = reverse("projects:team", args=[project.slug])

    page = signed_in(manager).get(team_page).content.decode()
    refused = signed_in(team_member).post(url)
    response = signed_in(manager).post(url, {"next": team_page})

    assert f'action="{url}"' in page
    assert refused.status_code == 403
    assert response["Location"] == team_page
    assert messages_of(response) == [
        f"{team_member.get_full_name()}'s account is deactivated and signed out."
    ]
    team_member.refresh_from_db()
    assert not team_member.is_active
    assert not [
        s
        for s in Session.objects.all()
        if s.get_decoded().get("_auth_user_id") == str(team_member.pk)
    ]
    assert theirs.get(reverse("my-work"))["Location"].startswith(reverse("login"))
    latest = team_member.history.latest()
    assert (latest.is_active, latest.history_user) == (False, manager)
    assert not hasattr(latest, "password")


def test_the_manager_role_given_and_sign_ins_are_told_apart_in_history(team_member):
    before = team_member.history.count()
    team_member.groups.add(Group.objects.get(name="Managers"))
    Client().post(reverse("login"), {"username": team_member.username, "password": "x"})
    signed_in(team_member)

    records = team_member.history.order_by("history_id")
    assert records.count() == before + 1
    assert [g.group.name for g in records.last().groups.all()] == ["Managers"]
