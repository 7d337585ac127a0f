"""Signing in and out, and changing one's password."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_login_page_renders_a_crispy_form(client):
    response = client.get(reverse("login"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="mt-4">Sign in</h1>' in html
    assert 'name="username"' in html and 'class="textinput form-control"' in html


def test_signing_in_leads_to_my_work(client, team_member):
    response = client.post(
        reverse("login"), {"username": team_member.username, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("my-work")
    assert client.session[SESSION_KEY] == str(team_member.pk)


def test_signing_in_returns_to_the_page_asked_for(client, team_member):
    url = reverse("login") + "?next=/activities/new/"

    response = client.post(url, {"username": team_member.username, "password": PASSWORD})

    assert response["Location"] == "/activities/new/"


def test_wrong_password_is_refused_with_a_message(client, team_member):
    response = client.post(reverse("login"), {"username": team_member.username, "password": "nope"})

    assert response.status_code == 200
    assert "Please enter a correct username and password." in response.content.decode()
    assert SESSION_KEY not in client.session


def test_login_needs_the_csrf_token(team_member):
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        reverse("login"), {"username": team_member.username, "password": PASSWORD}
    )

    assert response.status_code == 403


def test_logout_by_get_is_refused(client, team_member):
    client.force_login(team_member)

    response = client.get(reverse("logout"))

    assert response.status_code == 405
    assert client.session[SESSION_KEY] == str(team_member.pk)


def test_logout_by_post_signs_out_and_goes_home(client, team_member):
    client.force_login(team_member)

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert SESSION_KEY not in client.session


def test_password_change_needs_sign_in(client):
    response = client.get(reverse("password_change"))

    assert response["Location"].startswith(reverse("login"))


def test_password_can_be_changed(client):
    user = factories.UserFactory()
    client.force_login(user)

    page = client.get(reverse("password_change"))
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a-much-longer-passphrase",
            "new_password2": "a-much-longer-passphrase",
        },
    )

    assert 'name="old_password"' in page.content.decode()
    assert response["Location"] == reverse("password_change_done")
    assert "Password changed" in client.get(response["Location"]).content.decode()
    user.refresh_from_db()
    assert user.check_password("a-much-longer-passphrase")


def test_password_change_rejects_a_short_password(client):
    user = factories.UserFactory()
    client.force_login(user)

    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"},
    )

    assert response.status_code == 200
    assert "This password is too short." in response.content.decode()
