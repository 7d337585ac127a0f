"""Visitor page cache with exact invalidation, and the content version it hangs on.

Anonymous GET responses of the portal's pages are kept in Django's cache (Redis when REDIS_URL
is set, so every app server shares them) under the full path (query string included), the
language and the day. Each entry carries the *content version* it was rendered at; any save or
delete of the portal's data, and any many-to-many change, replaces the version, so the next
visitor gets a freshly rendered page: a saved activity appears at once, on every app server.

`PageCacheMiddleware` sits right after WhiteNoise, before sessions: a hit is one cache round trip
(the version and the page together) and never touches the session or the database. Its response
then still goes out through the outer middlewares (request id, security headers, CSP), and what it
stores is the response after every inner middleware ran (footnotes, Vary, X-Frame-Options), so a
hit carries the same headers as a miss.

Never cached: requests with a session or messages cookie (signed-in users, or anyone with
something in their session), non-GET requests, responses other than a complete 200, responses
that set a cookie, used the CSRF token or say `Cache-Control: private`/`no-store`, and responses
rendered for a signed-in user.
"""

import hashlib
import uuid

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language, get_language_from_path

VERSION_KEY = "content-version"
PAGE_KEY = "page:{language}:{day}:{path}"
# The apps whose data the public pages show; a change to any of their models (history rows
# included) bumps the content version.
CONTENT_APPS = {"stakeholders", "projects", "activities"}
MAX_PATH = 500
# Response headers a visitor-independent page may vary on (the language comes from the path).
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}


def enabled():
    return getattr(settings, "PAGE_CACHE", True)


def timeout():
    # A bound for changes that bypass signals (queryset.update, bulk_create in commands).
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


# Content version ----------------------------------------------------------------------------


def new_version():
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    return version


def current_version():
    """The content version, created on first use (or after Redis lost it)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def content_changed():
    """Retire every cached page: now, and again when the transaction commits.

    Bumping at once keeps the request that saved (and tests) consistent; bumping after commit
    retires any page another request rendered from the old rows while the transaction was open.
    """
    new_version()
    transaction.on_commit(new_version)


def _is_content(sender):
    return sender._meta.app_label in CONTENT_APPS


def on_save_or_delete(sender, **kwargs):
    if _is_content(sender):
        content_changed()


def _is_role(sender):
    # A user's groups or permissions, or a group's permissions: who may see what (kept pages
    # shared by a team or by the managers are keyed by the content version, not by the role).
    return sender in {User.groups.through, User.user_permissions.through, Group.permissions.through}


def on_m2m_changed(sender, action, **kwargs):
    # `sender` is the through model (auto-created ones live in their model's app).
    if action in {"post_add", "post_remove", "post_clear"} and (
        _is_content(sender) or _is_role(sender)
    ):
        content_changed()


def connect_signals():
    """Called once from core.apps.CoreConfig.ready()."""
    post_save.connect(on_save_or_delete, dispatch_uid="portal-page-cache-save")
    post_delete.connect(on_save_or_delete, dispatch_uid="portal-page-cache-delete")
    m2m_changed.connect(on_m2m_changed, dispatch_uid="portal-page-cache-m2m")


# Kept results -------------------------------------------------------------------------------


def kept(name, compute, *key_parts):
    """`compute()`'s result, kept until the content version changes.

    For what signed-in pages show alike to many users: a dashboard's rendered figures, a blank
    form's fields. Keyed by the content version, the language (labels are translated) and the
    day (time elapsed, upcoming), so a saved activity shows on the next request, as with the
    page cache. Keep HTML or plain data: unpickling model instances or lazy translations costs
    more than a dashboard's whole render.
    """
    parts = repr((current_version(), get_language(), timezone.localdate(), *key_parts))
    key = f"kept:{name}:{hashlib.sha256(parts.encode()).hexdigest()}"
    return cache.get_or_set(key, compute, timeout())


# Page cache -----------------------------------------------------------------------------------


def page_key(request):
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    day = timezone.localdate().isoformat()  # "ongoing" and "upcoming" change at midnight
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return PAGE_KEY.format(language=language, day=day, path=path)


def cacheable_request(request):
    if request.method != "GET" or not enabled():
        return False
    if len(request.get_full_path()) > MAX_PATH:
        return False  # odd query strings: rendered each time rather than filling the cache
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return "authorization" not in request.headers


def cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page carries a CSRF token: it belongs to one visitor
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    return vary <= HARMLESS_VARY


def freeze(version, response):
    return (version, response.status_code, list(response.items()), response.content)


def thaw(entry):
    _version, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    """Answer visitors' GETs from the page cache; store the visitor pages it renders."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY)
        entry = found.get(key)
        if version is not None and entry is not None and entry[0] == version:
            return thaw(entry)
        if version is None:
            version = current_version()
        response = self.get_response(request)
        if cacheable_response(request, response):
            cache.set(key, freeze(version, response), timeout())
            response["X-Page-Cache"] = "miss"
        return response
