"""Production settings, browser protections, static files and sign-in protection."""

import json
import os
import secrets
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client
from django.utils import timezone

from tests import factories
from tests.helpers import mark_verified

BASE_DIR = Path(__file__).resolve().parent.parent
SETTINGS_ENV = (
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "REDIS_URL",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_COOKIES",
    "SESSION_COOKIE_AGE",
    "DJANGO_SETTINGS_MODULE",
    "EMAIL_URL",
    "EMAIL_HOST",
)


def run_manage(*args, **env):
    """Run manage.py in a fresh interpreter with exactly these settings variables."""
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_ENV}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def production_env(**overrides):
    return {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "portal.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://portal.example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        **overrides,
    }


SHOW_SETTINGS = (
    "shell",
    "--no-imports",
    "-c",
    "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
    "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)",
)


def test_deploy_check_is_clean_with_the_production_environment():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_complains_when_production_turns_hsts_off():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", **production_env(SECURE_HSTS_SECONDS="0")
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr


def test_deploy_check_warns_when_production_runs_without_redis():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", **production_env(REDIS_URL="")
    )
    assert result.returncode != 0
    assert "portal.W001" in result.stderr
    assert "REDIS_URL is not set" in result.stderr


def test_production_without_redis_keeps_the_cache_in_the_database_every_worker_shares():
    show = (
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'], s.SESSION_ENGINE)",
    )
    result = run_manage(*show, **production_env(REDIS_URL=""))
    assert result.stdout.split() == [
        "django.core.cache.backends.db.DatabaseCache",
        "django.contrib.sessions.backends.db",
    ], result.stderr


def test_production_turns_https_redirect_hsts_and_secure_cookies_on():
    result = run_manage(*SHOW_SETTINGS, **production_env())
    assert result.stdout.split() == ["True", "31536000", "True", "True"], result.stderr


def test_development_keeps_plain_http_working():
    result = run_manage(*SHOW_SETTINGS, DEBUG="1")
    assert result.stdout.split() == ["False", "0", "False", "False"], result.stderr


def test_a_bad_setting_value_stops_the_start_loudly():
    result = run_manage("check", **production_env(SECURE_HSTS_SECONDS="a year"))
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS must be an integer" in result.stderr


EMAIL_SETTINGS = (
    "shell",
    "--no-imports",
    "-c",
    "from django.conf import settings as s; "
    "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS)",
)


def test_mail_goes_through_the_server_in_email_url_and_to_the_console_in_development():
    url = "smtp://portal:secret@mail.example.org:587/?tls=True"
    result = run_manage(*EMAIL_SETTINGS, **production_env(EMAIL_URL=url))
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.org",
        "587",
        "portal",
        "True",
    ], result.stderr
    result = run_manage(*EMAIL_SETTINGS, DEBUG="1")
    assert result.stdout.split()[0] == "django.core.mail.backends.console.EmailBackend"
    result = run_manage("check", **production_env(EMAIL_URL="carrier-pigeon://loft"))
    assert result.returncode != 0
    assert "EMAIL_URL is not a valid email URL" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_every_answer_carries_the_browser_protections(client, db):
    response = client.get("/healthz")
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert directives["base-uri"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_https_answers_carry_hsts_with_subdomains_and_preload(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    response = client.get("/healthz", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_plain_http_is_redirected_to_https_except_the_health_check(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/projects/?page=2")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/projects/?page=2"
    assert client.get("/healthz").status_code == 200


def test_static_files_are_served_under_hashed_names_after_collectstatic(db, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)

    url = static("css/portal.css")
    assert url.startswith("/static/css/portal.") and url != "/static/css/portal.css"
    response = Client().get(url)  # a new client loads WhiteNoise with the new STATIC_ROOT
    assert response.status_code == 200
    assert b"Portal styles" in b"".join(response.streaming_content)
    assert "immutable" in response["Cache-Control"]


# Sign-in protection -------------------------------------------------------------------------


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.fixture
def staff(db):
    return factories.UserFactory(username="staffer", is_staff=True, is_superuser=True)


def test_five_failed_sign_ins_lock_the_account_even_with_the_right_password(client, staff):
    for _ in range(4):
        response = sign_in(client, "staffer", "wrong-password")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()
    response = sign_in(client, "staffer", "wrong-password")
    assert response.status_code == 429

    response = sign_in(client, "staffer", factories.PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed sign-in attempts" in page
    assert "failed 5 times in a row" in page
    assert "try again in 15 minutes" in page
    assert SESSION_KEY not in client.session


def test_the_lock_holds_only_that_username_from_that_address(client, staff):
    factories.UserFactory(username="colleague", is_staff=True)
    for _ in range(5):
        sign_in(client, "staffer", "wrong-password")

    assert sign_in(Client(), "colleague", factories.PASSWORD).status_code == 302
    assert sign_in(Client(), "staffer", factories.PASSWORD, address="10.0.0.2").status_code == 302


def test_the_lock_lifts_after_fifteen_minutes(client, staff):
    for _ in range(5):
        sign_in(client, "staffer", "wrong-password")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    response = sign_in(client, "staffer", factories.PASSWORD)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(staff.pk)


def test_a_successful_sign_in_resets_the_failure_count(client, staff):
    for _ in range(4):
        sign_in(client, "staffer", "wrong-password")
    assert sign_in(client, "staffer", factories.PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(4):
        sign_in(client, "staffer", "wrong-password")
    assert sign_in(client, "staffer", factories.PASSWORD).status_code == 302


def test_the_test_clients_login_and_force_login_still_work(client, team_member):
    assert client.login(username=team_member.username, password=factories.PASSWORD)
    assert client.session[SESSION_KEY] == str(team_member.pk)
    assert not client.login(username=team_member.username, password="wrong-password")

    other = Client()
    other.force_login(team_member)
    assert other.session[SESSION_KEY] == str(team_member.pk)


def test_session_cookies_are_secure_http_only_and_end_with_the_browser(client, staff):
    response = sign_in(client, "staffer", factories.PASSWORD)
    cookie = response.cookies["sessionid"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert client.session.get_expiry_age() == 8 * 60 * 60


def test_the_csrf_cookie_is_secure_and_hidden_from_scripts(client, db):
    response = client.get("/admin/login/")
    cookie = response.cookies["csrftoken"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True


def test_an_idle_session_expires_after_eight_hours(client, staff, settings):
    sign_in(client, "staffer", factories.PASSWORD)
    mark_verified(client, staff)  # and the second factor an admin gives (tests/test_two_factor.py)
    assert client.get("/admin/").status_code == 200
    session = client.session
    session.set_expiry(timezone.now() - timedelta(seconds=1))
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_logout_needs_a_post(client, team_member):
    client.force_login(team_member)
    assert client.get("/accounts/logout/").status_code == 405
    assert client.session[SESSION_KEY] == str(team_member.pk)
    client.post("/accounts/logout/")
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize(
    "password",
    ["short1!", "password123", "4815162342108", "staffer-portal"],
    ids=["too-short", "common", "numeric", "like-the-username"],
)
def test_weak_passwords_are_refused(password):
    user = factories.UserFactory.build(username="staffer-portal", email="s@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_uncommon_password_is_accepted():
    user = factories.UserFactory.build(username="staffer")
    validate_password("correct-horse-battery-staple", user)


# Behind a proxy (issue 18): the lockout is per client, read from the trusted X-Forwarded-For hop.
PROXY = "10.0.0.9"


def proxy_settings(count):
    """The axes/ipware settings config/settings.py derives from AXES_PROXY_COUNT=`count`."""
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "import json; from django.conf import settings as s; print(json.dumps("
        "[getattr(s, 'AXES_IPWARE_PROXY_COUNT', None), s.AXES_IPWARE_META_PRECEDENCE_ORDER]))",
        DEBUG="1",
        AXES_PROXY_COUNT=str(count),
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def behind_one_proxy(settings):
    settings.AXES_IPWARE_PROXY_COUNT, settings.AXES_IPWARE_META_PRECEDENCE_ORDER = proxy_settings(1)


def sign_in_through_proxy(client, password, forwarded_for):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "staffer", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_behind_a_proxy_one_clients_lockout_does_not_lock_another(behind_one_proxy, staff):
    for _ in range(5):
        sign_in_through_proxy(Client(), "wrong-password", "203.0.113.5")

    assert sign_in_through_proxy(Client(), factories.PASSWORD, "203.0.113.5").status_code == 429
    assert sign_in_through_proxy(Client(), factories.PASSWORD, "198.51.100.7").status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}


def test_behind_a_proxy_forged_forwarded_addresses_share_one_lock(behind_one_proxy, staff):
    # A client sending its own X-Forwarded-For gets the proxy's line added after it: the header
    # no longer has the length the proxies give it, and the proxy's address is used instead.
    for forged in range(5):
        sign_in_through_proxy(Client(), "wrong-password", f"192.0.2.{forged}, 203.0.113.5")

    forged_again = sign_in_through_proxy(Client(), factories.PASSWORD, "192.0.2.99, 203.0.113.5")
    assert forged_again.status_code == 429
    assert sign_in_through_proxy(Client(), factories.PASSWORD, "198.51.100.7").status_code == 302


def test_without_a_proxy_the_forwarded_header_is_ignored(staff):
    assert proxy_settings(0)[1] == ["REMOTE_ADDR"]
    for forwarded in range(5):
        sign_in_through_proxy(Client(), "wrong-password", f"198.51.100.{forwarded}")
    assert sign_in_through_proxy(Client(), factories.PASSWORD, "203.0.113.5").status_code == 429
