"""Signing in and out, and changing one's password."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
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


# Password reset by email


def reset_link(message):
    return re.search(r"https?://[^/\s]+(/\S+/)", message.body).group(1)


def test_forgotten_password_is_reset_from_an_emailed_link_used_once(client, team_member):
    team_member.email = "vesna@example.org"
    team_member.save()
    login = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("password_reset")}">Forgot password?</a>' in login

    response = client.post(reverse("password_reset"), {"email": "VESNA@example.org"})

    assert response["Location"] == reverse("password_reset_done")
    (message,) = mail.outbox
    assert message.to == ["vesna@example.org"]
    assert message.subject == "Reset your password on the Cooperation Portal"
    assert f"Your username is {team_member.username}." in message.body
    link = reset_link(message)
    form_url = client.get(link)["Location"]  # Django swaps the token for "set-password"
    response = client.post(
        form_url, {"new_password1": "a-long-new-secret-7", "new_password2": "a-long-new-secret-7"}
    )
    assert response["Location"] == reverse("password_reset_complete")
    assert Client().login(username=team_member.username, password="a-long-new-secret-7")
    # The link is spent: it now says so and offers a new one.
    page = client.get(link, follow=True).content.decode()
    assert "This link has expired or has been used already." in page


def test_reset_in_french_writes_in_french_and_links_to_the_french_page(client, team_member):
    team_member.email = "vesna@example.org"
    team_member.save()

    client.post("/fr/accounts/password/reset/", {"email": "vesna@example.org"})

    (message,) = mail.outbox
    assert message.subject == "Réinitialiser votre mot de passe sur le Portail de la coopération"
    assert reset_link(message).startswith("/fr/accounts/password/reset/")


def test_reset_emails_stop_at_three_an_hour_per_address_and_say_nothing(client, team_member):
    team_member.email = "vesna@example.org"
    team_member.save()
    factories.UserFactory(email="other@example.org")

    for _ in range(5):
        response = client.post(reverse("password_reset"), {"email": "vesna@example.org"})
        assert response["Location"] == reverse("password_reset_done")
    client.post(reverse("password_reset"), {"email": "other@example.org"})

    assert [m.to for m in mail.outbox] == [["vesna@example.org"]] * 3 + [["other@example.org"]]
