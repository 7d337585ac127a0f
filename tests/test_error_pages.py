"""Friendly error pages: never a stack trace, whatever went wrong."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.template.loader import render_to_string
from django.test import Client
from django.urls import path
from django.utils import translation

from config.urls import urlpatterns as portal_urlpatterns


def crashes(request):
    raise ZeroDivisionError("secret internals: division by zero in budget maths")


def refuses(request):
    raise PermissionDenied("secret reason: user 42 is not on project 7")


def suspicious(request):
    raise SuspiciousOperation("secret: tampered signature")


# The test views, then the portal's own routes (the error pages link to them).
urlpatterns = [
    path("crash/", crashes),
    path("refuse/", refuses),
    path("suspicious/", suspicious),
    *portal_urlpatterns,
]


@pytest.fixture
def browser():
    """A client that gets the error page, as a browser would, instead of the exception."""
    return Client(raise_request_exception=False)


def assert_no_internals(page):
    assert "Traceback" not in page
    assert "secret" not in page
    assert "File &quot;" not in page and 'File "' not in page


def test_an_unknown_address_gets_the_friendly_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page
    assert "There is no page at this address" in page
    assert 'href="/"' in page


def test_a_crash_gets_the_friendly_500_and_a_stack_trace_in_the_log(browser, db, test_urls, caplog):
    response = browser.get("/crash/", headers={"X-Request-ID": "crash-00000001"})

    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong" in page
    assert "The error has been logged" in page
    assert_no_internals(page)
    assert "ZeroDivisionError" not in page

    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelname == "ERROR"
    assert record.exc_info[0] is ZeroDivisionError
    assert record.request_id == "crash-00000001"


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/refuse/", 403, "You cannot open this page"),
        ("/suspicious/", 400, "This request could not be understood"),
    ],
    ids=["refusal-403", "suspicious-400"],
)
def test_a_refused_or_suspicious_request_gets_its_friendly_page_without_the_reason(
    browser, db, test_urls, path, status, message
):
    response = browser.get(path)
    assert response.status_code == status
    page = response.content.decode()
    assert message in page
    assert_no_internals(page)


def test_an_unknown_host_gets_the_friendly_400(browser, db):
    response = browser.get("/", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "This request could not be understood" in response.content.decode()


def test_a_form_without_its_csrf_token_gets_the_friendly_403(db):
    response = Client(enforce_csrf_checks=True).post("/accounts/logout/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "This form could not be sent" in page
    assert "CSRF cookie not set" not in page


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_the_500_and_503_pages_render_without_request_or_database(template):
    page = render_to_string(template)  # no db fixture: any query would raise
    assert "<html" in page
    assert "Cooperation Portal" in page
    assert "{%" not in page and "{{" not in page


@pytest.mark.parametrize("template", ["400.html", "403.html", "404.html", "500.html", "503.html"])
def test_error_pages_are_translated_with_the_active_language(template, db, rf):
    with translation.override("fr"):
        page = render_to_string(template, request=rf.get("/fr/"))
    assert '<html lang="fr">' in page


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_the_self_contained_pages_use_only_files_the_csp_allows(template):
    page = render_to_string(template)
    assert "<script" not in page
    assert "style=" not in page
    assert "<style" not in page
