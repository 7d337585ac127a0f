"""Visitor page cache with exact invalidation by scope, and no stampede when a page is retired.

Anonymous GET responses of the portal's pages are kept in Django's cache (Redis with REDIS_URL;
otherwise, with DEBUG off, the database cache every gunicorn worker shares) under the scheme,
the validated host, the full path (query string included), the language and the day.

**Scopes.** A page says what it shows with `depends_on(request, "project:12", "activities")`;
each scope has a *generation* in the cache, and an entry records the generation of each of its
scopes when it was rendered. A save names the scopes it changes (`Model.cache_scopes()`, see
`scopes_of`); when the transaction commits, one `bump()` gives each of them a new generation, so
every page that showed them is retired and no other. A page that declares nothing depends on
`CONTENT` (any save); every page depends on `ALL`, which a save of a model without
`cache_scopes()` (countries, institutions, programmes) bumps. History rows bump nothing.

**Precomputed results.** Sums over every record that a page shows (home's key figures and map)
are computed by the save that changes them, as it commits (`precompute`), not by the next
visitor: a page re-rendered after a save never waits for them.

**No stampede.** A retired page is re-rendered by one request, under a short lock; requests
arriving meanwhile get the previous copy. Signed-in users (so the person who saved) never read
the cache, and a request after the re-render gets the new page.

`PageCacheMiddleware` sits right after WhiteNoise, before sessions: a hit is two cache round
trips (the entry, then its scopes' generations) and never touches the session or the database.
Its response still goes out through the outer middlewares (request id, security headers, CSP),
and what it stores is the response after every inner middleware ran, so a hit carries the same
headers as a miss.

Never cached: requests with a session or messages cookie, non-GET requests, responses other
than a complete 200, responses that set a cookie, used the CSRF token or say
`Cache-Control: private`/`no-store`, and responses rendered for a signed-in user.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language, get_language_from_path
from simple_history.models import HistoricalChanges

logger = logging.getLogger(__name__)

PAGE_KEY = "page:{language}:{day}:{path}"
GENERATION_KEY = "gen:{scope}"
LOCK_KEY = "lock:{key}"
# Bumped by every save: what kept results and pages that declare no scope depend on.
CONTENT = "content"
# What every page depends on: bumped by a save of reference data (countries, institutions,
# programmes) that many pages name.
ALL = "all"
# The apps whose data the public pages show.
CONTENT_APPS = {"stakeholders", "projects", "activities", "results"}
MAX_PATH = 500
# Response headers a visitor-independent page may vary on (the language comes from the path).
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}
# Seconds one request may hold a page's re-render before another one tries.
LOCK_SECONDS = 10


def keyed_on_accept(request):
    """Whether the page answers as the Accept header asks (the API: JSON or its browsable
    HTML, `Vary: Accept`): its entries are then keyed on that header as well."""
    prefixes = tuple(getattr(settings, "PAGE_CACHE_ACCEPT_PATHS", ()))
    return bool(prefixes) and request.path_info.startswith(prefixes)


def enabled():
    return getattr(settings, "PAGE_CACHE", True)


def timeout():
    # A bound for changes that bypass signals (queryset.update, bulk_create in commands).
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


# Generations --------------------------------------------------------------------------------


def generations(scopes):
    """{scope: generation} for `scopes`, creating those the cache does not hold (yet)."""
    keys = {GENERATION_KEY.format(scope=scope): scope for scope in scopes}
    found = cache.get_many(keys)
    missing = {key: uuid.uuid4().hex for key in keys if key not in found}
    if missing:
        for key, value in missing.items():
            cache.add(key, value, None)
        found |= cache.get_many(missing)
    return {keys[key]: value for key, value in found.items()}


def bump(scopes):
    """Retire every page and kept result that depends on one of `scopes`.

    The precomputed results that `scopes` change are computed first, under the generations to
    come: until they are out, visitors get the pages as they were; once they are, no page
    render waits for a sum over every record.
    """
    new = {scope: uuid.uuid4().hex for scope in scopes}
    try:
        recompute(new)
    except DatabaseError:  # the pages are retired all the same; a visitor computes the figures
        logger.exception("Could not precompute %s", sorted(new))
    cache.set_many({GENERATION_KEY.format(scope=s): g for s, g in new.items()}, None)


# Invalidation: the scopes a transaction changed, bumped once when it commits ------------------


def _pending(connection):
    if not hasattr(connection, "page_cache_scopes"):
        connection.page_cache_scopes = set()
    return connection.page_cache_scopes


def _inside_test_case(connection):
    # A test case's own transaction never commits, so on_commit would never run: inside one,
    # changes are bumped at once (tests of the commit itself use transactional test cases).
    # Django marks the blocks a test case opens.
    blocks = connection.atomic_blocks
    return bool(blocks) and getattr(blocks[0], "_from_testcase", False)


def flush(using=None):
    """Bump what the committed transaction changed, in one go (`transaction.on_commit`)."""
    scopes = _pending(transaction.get_connection(using))
    if scopes:
        changed = set(scopes)
        scopes.clear()
        bump(changed)


def changed(scopes, using=None):
    """Note that the current transaction changes `scopes`; they are bumped once, on commit."""
    connection = transaction.get_connection(using)
    _pending(connection).update({CONTENT, *scopes})  # CONTENT: kept results see every save
    if _inside_test_case(connection):
        flush(using)
    else:
        # One callback per change, but the first one empties the set: one bump per commit.
        transaction.on_commit(lambda: flush(using), using=using, robust=True)


def scopes_of(instance):
    """The scopes a change of `instance` retires; ALL for a model that does not say."""
    scopes = getattr(instance, "cache_scopes", None)
    return set(scopes()) if scopes else {ALL}


def _is_content(sender):
    return sender._meta.app_label in CONTENT_APPS and not issubclass(sender, HistoricalChanges)


def on_save_or_delete(sender, instance, using, **kwargs):
    if _is_content(sender):
        changed(scopes_of(instance), using)


def _is_role(sender):
    # A user's groups or permissions, or a group's permissions: who may see what (kept pages
    # shared by a team or by the managers hang on CONTENT).
    return sender in {User.groups.through, User.user_permissions.through, Group.permissions.through}


def on_m2m_changed(sender, instance, action, model, pk_set, using, **kwargs):
    # `sender` is the through model (auto-created ones live in their model's app).
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    if _is_content(sender):
        scopes = scopes_of(instance)
        if pk_set is None:  # a clear: the links are still there (pre_clear)
            pk_set = linked_pks(sender, instance, model)
        scopes |= {f"{model._meta.model_name}:{pk}" for pk in pk_set}
        changed(scopes, using)
    elif _is_role(sender):
        changed(set(), using)


def linked_pks(through, instance, model):
    """The pks of `model` rows linked to `instance` through the m2m table `through`."""
    fields = {field.related_model: field.attname for field in through._meta.fields}
    source, target = fields.get(type(instance)), fields.get(model)
    if source is None or target is None:
        return set()
    return set(
        through._default_manager.filter(**{source: instance.pk}).values_list(target, flat=True)
    )


def connect_signals():
    """Called once from core.apps.CoreConfig.ready()."""
    post_save.connect(on_save_or_delete, dispatch_uid="portal-page-cache-save")
    # Before the delete: a record's links (an activity's institutions) are still there.
    pre_delete.connect(on_save_or_delete, dispatch_uid="portal-page-cache-delete")
    m2m_changed.connect(on_m2m_changed, dispatch_uid="portal-page-cache-m2m")


# Kept results -------------------------------------------------------------------------------


def kept(name, compute, *key_parts, scopes=(CONTENT,), per_language=True):
    """`compute()`'s result, kept until a save changes one of `scopes` (by default: any save).

    For what signed-in pages show alike to many users: a dashboard's rendered figures, a blank
    form's fields. Keyed by the scopes' generations, the language (labels are translated;
    `per_language=False` for plain numbers) and the day (time elapsed, upcoming), so a saved
    activity shows on the next request, as with the page cache. Keep HTML or plain data:
    unpickling model instances or lazy translations costs more than a dashboard's whole render.
    """
    return cache.get_or_set(kept_key(name, scopes, key_parts, per_language), compute, timeout())


def kept_key(name, scopes, key_parts=(), per_language=True, coming=None):
    """The key of a kept result; `coming`: {scope: generation} about to replace the cache's."""
    needed = {ALL, *scopes}
    coming = {scope: g for scope, g in (coming or {}).items() if scope in needed}
    versions = generations(needed - coming.keys()) | coming
    language = get_language() if per_language else None
    parts = repr((sorted(versions.items()), language, timezone.localdate(), *key_parts))
    return f"kept:{name}:{hashlib.sha256(parts.encode()).hexdigest()}"


# Precomputed results: sums over every record, computed by the save that changes them ----------

# {name: (compute, scopes)}, filled by the apps' ready() (`precompute`).
PRECOMPUTED = {}
WANTED_KEY = "wanted:{name}"


def precompute(name, compute, scopes):
    """Register a result over every record that is the same in every language (home's key
    figures: 200,000 activities summed take a few hundred milliseconds).

    Once a page has read it (`precomputed(name)`), each save that changes one of `scopes`
    computes it again as the save commits, so no visitor waits for it, and a page rendered
    after the save shows the new figures. Call it from an AppConfig.ready(): every process that
    saves (web workers, commands, the job worker) must know it.
    """
    PRECOMPUTED[name] = (compute, frozenset(scopes))


def precomputed(name):
    """The result registered as `name`: kept, or computed now (the first time, or after a
    change that bypassed the signals)."""
    compute, scopes = PRECOMPUTED[name]

    def first_time():
        cache.set(WANTED_KEY.format(name=name), True, None)  # saves keep it from now on
        return compute()

    return kept(name, first_time, scopes=scopes, per_language=False)


def recompute(coming):
    """Compute, and keep under the generations `coming` ({scope: generation}), the precomputed
    results that pages read and whose scopes are among them."""
    changed = set(coming)
    due = [name for name, (_c, scopes) in PRECOMPUTED.items() if ALL in changed or scopes & changed]
    wanted = cache.get_many([WANTED_KEY.format(name=name) for name in due]) if due else {}
    for name in due:
        if WANTED_KEY.format(name=name) in wanted:
            compute, scopes = PRECOMPUTED[name]
            key = kept_key(name, scopes, per_language=False, coming=coming)
            cache.set(key, compute(), timeout())


# Page cache -----------------------------------------------------------------------------------


def depends_on(request, *scopes):
    """Say that the page being rendered shows `scopes` (call it before reading their data)."""
    seen = getattr(request, "page_cache_generations", None)
    if seen is None:
        return  # not a cacheable request
    request.page_cache_scopes.update(scopes)
    request.page_cache_declared = True
    new = [scope for scope in scopes if scope not in seen]
    if new:
        seen |= generations(new)


def page_key(request):
    """The entry's key; `request.get_host()` refuses (400) a host not in ALLOWED_HOSTS."""
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    day = timezone.localdate().isoformat()  # "ongoing" and "upcoming" change at midnight
    # Feeds and IATI files hold absolute links: the scheme and the host are part of the page.
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    if keyed_on_accept(request):
        url += "\n" + request.headers.get("Accept", "")
    path = hashlib.sha256(url.encode()).hexdigest()
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
    harmless = HARMLESS_VARY | ({"accept"} if keyed_on_accept(request) else set())
    return vary <= harmless


def freeze(generations_seen, response):
    return (generations_seen, response.status_code, list(response.items()), response.content)


def thaw(entry, state):
    _generations, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = state
    return response


def quietly(write, *args, default=None):
    """A cache write that a database outage (the database cache, without Redis) skips."""
    try:
        return write(*args)
    except DatabaseError:
        return default


class PageCacheMiddleware:
    """Answer visitors' GETs from the page cache; store the visitor pages it renders."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)  # the host is validated before any hit
        try:
            entry = cache.get(key)
            # Read before the view reads any data: a save committed during the render then
            # leaves this entry stale rather than fresh-looking.
            seen = generations({ALL, CONTENT} | (set(entry[0]) if entry else set()))
        except DatabaseError:
            # The database cache (no Redis) is down with the database: the page answers 503.
            return self.get_response(request)
        if entry is not None and all(seen.get(s) == g for s, g in entry[0].items()):
            return thaw(entry, "hit")
        lock = LOCK_KEY.format(key=key)
        if entry is not None and not quietly(cache.add, lock, 1, LOCK_SECONDS, default=True):
            return thaw(entry, "stale")  # another request is rendering it
        try:
            return self.render(request, key, seen)
        finally:
            if entry is not None:
                quietly(cache.delete, lock)

    def render(self, request, key, seen):
        request.page_cache_generations = dict(seen)
        request.page_cache_scopes = {ALL}
        request.page_cache_declared = False
        response = self.get_response(request)
        if cacheable_response(request, response):
            if not request.page_cache_declared:
                request.page_cache_scopes.add(CONTENT)  # any save retires it
            recorded = {s: request.page_cache_generations[s] for s in request.page_cache_scopes}
            quietly(cache.set, key, freeze(recorded, response), timeout())
            response["X-Page-Cache"] = "miss"
        return response
