"""Request ids and request logs; the 503 page during a database outage."""

import logging
import re
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from config.urls import urlpatterns as portal_urlpatterns
from core.middleware import DatabaseOutageMiddleware
from stakeholders.models import Institution
from tests import factories


def counts_institutions(request):
    return HttpResponse(f"{Institution.objects.count()} institutions")


def saves_then_fails(request):
    factories.InstitutionFactory(name="Half-saved institution")
    raise OperationalError("server closed the connection unexpectedly")


def loses_the_connection(request):
    raise InterfaceError("connection already closed")


# The test views, then the portal's own routes (the error pages link to them).
urlpatterns = [
    path("institutions/count/", counts_institutions),
    path("institutions/save/", saves_then_fails),
    path("lost/", loses_the_connection),
    *portal_urlpatterns,
]


class BrokenSessionMiddleware:
    """Stands for a middleware that reaches the database before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise OperationalError("could not connect to server: Connection refused")


@pytest.fixture
def database_down():
    """Every query fails the way psycopg2 fails while PostgreSQL restarts."""
    error = OperationalError("terminating connection due to administrator command")
    with mock.patch.object(connection, "cursor", side_effect=error):
        yield


def request_lines(caplog):
    return [r for r in caplog.records if r.name == "portal.request"]


def test_every_answer_carries_a_new_request_id(client, db):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


def test_a_sane_incoming_request_id_is_kept(client, db):
    response = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a9c2e-0001"})
    assert response["X-Request-ID"] == "lb-7f3a9c2e-0001"


@pytest.mark.parametrize(
    "incoming",
    ["short", "x" * 65, "abc def ghi jkl", "ok-id-1234\ninjected=1", "<script>alert(1)</script>"],
    ids=["too-short", "too-long", "spaces", "newline", "markup"],
)
def test_an_odd_incoming_request_id_is_replaced(client, db, incoming):
    response = client.get("/healthz", headers={"X-Request-ID": incoming})
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_each_request_is_logged_on_one_line_with_id_status_and_duration(client, db, caplog):
    caplog.set_level(logging.INFO, logger="portal.request")
    response = client.get("/healthz", headers={"X-Request-ID": "probe-0000001"})

    [record] = request_lines(caplog)
    assert record.request_id == "probe-0000001" == response["X-Request-ID"]
    assert (record.method, record.path, record.status, record.user_id) == (
        "GET",
        "/healthz",
        200,
        "-",
    )
    assert record.duration_ms >= 0
    line = record.getMessage()
    assert "\n" not in line
    assert re.fullmatch(r"GET /healthz 200 [0-9.]+ms user=-", line)


def test_the_log_line_names_the_signed_in_user(client, team_member, caplog):
    caplog.set_level(logging.INFO, logger="portal.request")
    client.force_login(team_member)
    client.get("/admin/")  # the admin looks at request.user, loading it

    [record] = request_lines(caplog)
    assert record.user_id == str(team_member.pk)
    assert record.getMessage().endswith(f"user={team_member.pk}")


def test_logging_a_request_never_loads_its_user(client, team_member, django_assert_num_queries):
    client.force_login(team_member)
    with django_assert_num_queries(1):  # the health check's own SELECT 1
        assert client.get("/healthz").status_code == 200


def test_the_console_log_format_shows_the_request_id():
    from django.conf import settings

    line_format = settings.LOGGING["formatters"]["line"]["format"]
    assert "%(request_id)s" in line_format
    assert settings.LOGGING["handlers"]["console"]["filters"] == ["request_id"]


def test_log_records_outside_requests_get_a_placeholder_request_id(caplog):
    from core.middleware import RequestIdLogFilter

    record = logging.LogRecord("portal", logging.INFO, __file__, 1, "hello", None, None)
    assert RequestIdLogFilter().filter(record)
    assert record.request_id == "-"


def test_a_query_during_a_database_outage_gets_the_friendly_503(client, db, test_urls):
    with mock.patch.object(
        Institution.objects,
        "count",
        side_effect=OperationalError("server closed the connection unexpectedly"),
    ):
        response = client.get("/institutions/count/")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    page = response.content.decode()
    assert "The portal is briefly unavailable" in page
    assert "back in a few seconds" in page
    assert "OperationalError" not in page and "Traceback" not in page


def test_the_health_check_answers_503_while_the_database_is_down(client, db, database_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "briefly unavailable" in response.content.decode()


def test_a_lost_connection_also_gets_the_503(client, db, test_urls):
    assert client.get("/lost/").status_code == 503


def test_a_form_interrupted_by_an_outage_is_not_half_saved(client, db, test_urls):
    response = client.post("/institutions/save/")
    assert response.status_code == 503
    # ATOMIC_REQUESTS rolled back what the request had written before the outage.
    assert not Institution.objects.filter(name="Half-saved institution").exists()


def test_the_outage_is_logged_with_its_stack_trace(client, db, test_urls, caplog):
    client.get("/lost/", headers={"X-Request-ID": "outage-0000001"})
    [record] = [r for r in caplog.records if r.name == "portal.outage"]
    assert record.levelname == "ERROR"
    assert record.exc_info[0] is InterfaceError
    assert record.request_id == "outage-0000001"
    assert "GET /lost/" in record.getMessage()


def test_an_outage_inside_another_middleware_also_gets_the_503(db, settings):
    outage = "core.middleware.DatabaseOutageMiddleware"
    at = settings.MIDDLEWARE.index(outage) + 1
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:at],
        f"{__name__}.BrokenSessionMiddleware",
        *settings.MIDDLEWARE[at:],
    ]
    response = Client(raise_request_exception=False).get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "briefly unavailable" in response.content.decode()


def test_other_errors_are_left_to_the_500_page(rf):
    middleware = DatabaseOutageMiddleware(lambda request: HttpResponse())
    assert middleware.process_exception(rf.get("/"), ValueError("bug")) is None


def test_the_503_page_needs_no_database():
    from core.middleware import outage_response

    response = outage_response()  # without the db fixture, any query here would raise
    assert response.status_code == 503
    assert "briefly unavailable" in response.content.decode()


def test_database_connections_are_health_checked_before_reuse():
    from django.conf import settings

    database = settings.DATABASES["default"]
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["ATOMIC_REQUESTS"] is True


def test_a_path_with_a_line_break_cannot_forge_a_log_line(client, db, caplog):
    caplog.set_level(logging.INFO, logger="portal.request")
    client.get("/nope%0a2026-12-01 10:00:00,000 INFO portal.request [x] GET /admin/ 200%1b[2J")

    [record] = request_lines(caplog)
    line = record.getMessage()
    assert "\n" not in line and "\x1b" not in line
    assert line.startswith("GET /nope\\n2026-12-01 10:00:00,000 INFO portal.request [x] GET")
    assert "200\\x1b[2J 404 " in line
    assert record.path.startswith("/nope\\n2026")
