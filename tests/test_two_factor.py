"""Two-factor sign-in: required for managers and admins, optional for officers (issue 18, item 4).

These tests sign in step by step (password, then the code); `force_login` elsewhere in the suite
stands for both steps (tests/conftest.py).
"""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from tests.factories import PASSWORD
from tests.helpers import current_code, verified_device

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_wait_after_a_wrong_code(settings):
    # django-otp makes the next try wait 1 s, 2 s, 4 s… after each wrong code.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def sign_in_with_password(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, "the password was refused"


def test_a_manager_without_a_device_sets_one_up_before_any_staff_page(client, manager):
    sign_in_with_password(client, manager)

    refused = client.get("/dashboard/")
    setup = client.get(refused["Location"])
    french = client.get("/fr/accounts/two-factor/setup/")
    wrong = client.post(refused["Location"], {"code": "000000"})
    device = manager.totpdevice_set.get()
    codes = client.post(refused["Location"], {"code": current_code(device)})

    assert refused["Location"] == "/accounts/two-factor/setup/?next=%2Fdashboard%2F"
    html = setup.content.decode()
    assert "Set up two-factor sign-in" in html and "otpauth://totp/" in html
    assert "Configurer la connexion en deux étapes" in french.content.decode()
    assert "That code is not valid." in wrong.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    recovery = StaticToken.objects.filter(device__user=manager)
    assert recovery.count() == 10
    assert all(token.token in codes.content.decode() for token in recovery)
    assert client.get("/dashboard/").status_code == 200


def test_a_manager_or_admin_with_a_device_must_enter_a_valid_code(client, manager, admin_user):
    for user, page in ((manager, "/dashboard/"), (admin_user, "/admin/")):
        device = verified_device(user)
        sign_in_with_password(client, user)

        refused = client.get(page)
        wrong = client.post(refused["Location"], {"code": "123456"})
        still_refused = client.get(page)
        right = client.post(refused["Location"], {"code": current_code(device)})

        assert refused["Location"] == f"/accounts/two-factor/?next={page.replace('/', '%2F')}"
        assert "That code is not valid." in wrong.content.decode()
        assert still_refused.status_code == 302
        assert right["Location"] == page
        assert client.get(page).status_code == 200
        client.post(reverse("logout"))


def test_a_recovery_code_signs_in_once(client, manager):
    verified_device(manager)
    recovery = StaticDevice.objects.create(user=manager, name="recovery codes")
    recovery.token_set.create(token="abcd2345")

    sign_in_with_password(client, manager)
    first = client.post(reverse("two-factor-verify"), {"code": "abcd 2345", "next": "/dashboard/"})
    client.post(reverse("logout"))
    sign_in_with_password(client, manager)
    again = client.post(reverse("two-factor-verify"), {"code": "abcd2345"})

    assert first["Location"] == "/dashboard/"
    assert again.status_code == 200
    assert "That code is not valid." in again.content.decode()
    assert client.get("/dashboard/").status_code == 302


def test_an_officer_is_not_forced_but_may_turn_it_on(client, team_member):
    sign_in_with_password(client, team_member)

    work = client.get(reverse("my-work"))
    client.get(reverse("two-factor-setup"))
    device = team_member.totpdevice_set.get()
    client.post(reverse("two-factor-setup"), {"code": current_code(device)})
    client.post(reverse("logout"))
    sign_in_with_password(client, team_member)

    assert work.status_code == 200
    assert 'href="/accounts/two-factor/setup/"' in work.content.decode()
    assert client.get(reverse("my-work"))["Location"].startswith("/accounts/two-factor/?next=")
