"""Request ids and logs; the 503 page while the database is away; 400s for bad input."""

import contextvars
import logging
import re
import sys
import time
import uuid

from django.core.exceptions import BadRequest
from django.core.signals import got_request_exception
from django.db import DataError, InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse
from django.template import loader
from django.urls import reverse
from django.views.defaults import bad_request

from core.text import log_text

request_log = logging.getLogger("portal.request")
outage_log = logging.getLogger("portal.outage")

REQUEST_ID_HEADER = "X-Request-ID"
# An incoming id is kept only if it is short and plain, so it cannot forge or break log lines.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{8,64}")
RETRY_AFTER_SECONDS = 5
DATABASE_ERRORS = (OperationalError, InterfaceError)

current_request_id = contextvars.ContextVar("request_id", default="-")


class RequestIdLogFilter(logging.Filter):
    """Add the current request's id to every log record as `request_id`."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        return True


def incoming_request_id(request):
    """The client's or proxy's X-Request-ID when sane, else a new random id."""
    value = request.headers.get(REQUEST_ID_HEADER, "")
    if SANE_REQUEST_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


def signed_in_user_id(request):
    """The user's id if the request already loaded its user; never queries for it."""
    # AuthenticationMiddleware caches the user here on first use; a request that never looked
    # at its user (/healthz, static files) must not pay a session and user query for the log.
    user = getattr(request, "_cached_user", None)
    if user is not None and user.is_authenticated:
        return str(user.pk)
    return "-"


class RequestLogMiddleware:
    """Give each request an id (echoed as X-Request-ID) and log one line when it is answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = incoming_request_id(request)
        token = current_request_id.set(request.id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request.id
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            user_id = signed_in_user_id(request)
            method, path = log_text(request.method), log_text(request.path)
            request_log.info(
                "%s %s %s %sms user=%s",
                method,
                path,
                response.status_code,
                duration_ms,
                user_id,
                extra={
                    "request_id": request.id,
                    "method": method,
                    "path": path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                    "user_id": user_id,
                },
            )
            return response
        finally:
            current_request_id.reset(token)


# What the admin raises on a value its field cannot hold: "Field 'id' expected a number but got
# 'abc'" (ValueError) for an id in a URL, an add form's initial data or an action's selection,
# OverflowError for a year past Python's dates in a filter, DataError when PostgreSQL refuses it.
ADMIN_BAD_INPUT = (ValueError, OverflowError, DataError)
admin_log = logging.getLogger("portal.admin")


class AdminBadInputMiddleware:
    """Answer 400, not 500, when an admin URL or form carries a value its field cannot hold.

    The portal's own views check their input (core.forms.as_id, filter forms); the admin's
    changelist filters, add-form initial data, actions and history pages take ids and lookups
    straight from the request, so a mistyped or fuzzed value would be a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A NUL in a changelist filter or search: PostgreSQL cannot compare text holding one,
        # SQLite can; refused up front, the answer is the same on both.
        if is_admin(request) and any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return self.refuse(request, "NUL character in the query string")
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, ADMIN_BAD_INPUT) and is_admin(request):
            return self.refuse(request, str(exception))
        return None

    def refuse(self, request, reason):
        admin_log.warning(
            "Bad admin input: %s %s: %s",
            log_text(request.method),
            log_text(request.path),
            log_text(reason),
        )
        return bad_request(request, BadRequest(reason))


def is_admin(request):
    return request.path.startswith(reverse("admin:index"))


def outage_response():
    """The 503 page: rendered without the request, so no context processor touches the DB."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Answer requests that hit a database outage with a friendly 503 instead of a 500.

    A view (or its template, or ATOMIC_REQUESTS opening its transaction) that raises is caught
    in process_exception. A middleware further in that raises has already been turned into a
    500 by Django; the `got_request_exception` receiver below marks such requests so the 500
    is swapped for the 503 on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "database_outage", False):
            return outage_response()
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            outage_log.error(
                "Database unavailable: %s %s",
                log_text(request.method),
                log_text(request.path),
                exc_info=exception,
            )
            return outage_response()
        return None


@receiver(got_request_exception, dispatch_uid="portal-database-outage")
def mark_database_outage(sender, request=None, **kwargs):
    """Mark a request whose unhandled exception is a database outage (see above)."""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        request.database_outage = True
