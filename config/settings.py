"""Settings for the Cooperation Portal, read from the environment.

Production differs from development only through environment variables (see
docs/production.md). A bad value fails loudly at start-up with ImproperlyConfigured.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}.")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, "")
    if value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}.") from None


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for local development).")
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105
# Old keys still accepted for sessions and signed values while a new SECRET_KEY rolls out.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before the admin, so its admin mixins and the translated fields are ready (docs/design.md).
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "crispy_forms",
    "sorl.thumbnail",
    "crispy_bootstrap5",
    "django_filters",
    # The ISO 3166 country list, its names translated (stakeholders/countries.py).
    "django_countries",
    "simple_history",
    # Two-factor sign-in (core/two_factor.py): authenticator apps and one-time recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "core.apps.CoreConfig",
    "stakeholders",
    "projects",
    "activities",
    "results",
    "demo",
    "api",
]

MIDDLEWARE = [
    # Outermost: gives every request an id and logs it with the final status and duration.
    "core.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Visitors' pages from the cache, before any session or database work (core/cache.py).
    "core.cache.PageCacheMiddleware",
    # Turns a database outage anywhere below into the friendly 503 page instead of a 500.
    "core.middleware.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # An admin URL or form value its field cannot hold (?start_date__year=2147483648, a NUL) is
    # a 400.
    "core.middleware.AdminBadInputMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(); then managers, admins and staff (and officers who turned it on)
    # verify a second factor before any page but signing in (core/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "core.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "stakeholders.middleware.TerritoryFootnoteMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite file by default; PostgreSQL through DATABASE_URL=postgres://...
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # No JIT compilation: a page's queries run in milliseconds, and compiling a count over
    # 200,000 rows took longer than running it (measured: 830 ms of JIT for a 70 ms query).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
# A request either saves everything it changed or nothing.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and sessions: shared through Redis when REDIS_URL is set, so several app servers agree.
# Without it, production keeps the cache in the database (the `portal_cache` table, made by a
# migration), which every gunicorn worker shares: never a cache of one process, which would show
# a page as it was before a save made through another worker. Deploy check portal.W001 says so.
REDIS_URL = os.environ.get("REDIS_URL", "")
DATABASE_CACHE_TABLE = "portal_cache"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
elif DEBUG:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": DATABASE_CACHE_TABLE,
            # Expired rows are culled a third at a time once the table holds this many.
            "OPTIONS": {"MAX_ENTRIES": env_int("DATABASE_CACHE_ENTRIES", 20_000)},
        }
    }
# Visitors' pages cached with exact invalidation (core/cache.py).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
# Upper bound for changes made without model signals (queryset.update, bulk inserts).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Paths whose pages answer as the Accept header asks (core.cache keys them on it).
PAGE_CACHE_ACCEPT_PATHS = ["/api/"]

# Sign-in protection (django-axes): 5 failures for one username from one address lock that
# pair out for 15 minutes. The axes backend only checks the lockout; ModelBackend signs in.
AUTHENTICATION_BACKENDS = [
    "core.backends.AxesLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
# Locks lift by themselves; `manage.py axes_reset_username NAME` lifts one early.
AXES_ENABLE_ADMIN = False
AXES_USERNAME_CALLABLE = "core.backends.axes_username"
# Behind a reverse proxy every client has the proxy's address, and one client's failures would
# lock everyone out. Behind AXES_PROXY_COUNT proxies, each appending the address it saw to
# X-Forwarded-For, the client is the first of those addresses: django-ipware counts the proxies
# named in the header (one fewer) and, strict, falls back to REMOTE_ADDR when the header has
# another length (a client forging its own). With no proxy the header is never read.
PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)
if PROXY_COUNT < 0:
    raise ImproperlyConfigured("AXES_PROXY_COUNT must be 0 or more.")
if PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = PROXY_COUNT - 1
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
IPWARE_STRICT = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# The name authenticator apps show beside the code.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Cooperation Portal")
LOGIN_REDIRECT_URL = "my-work"
LOGOUT_REDIRECT_URL = "home"

# Sessions end after SESSION_COOKIE_AGE seconds (8 hours) or when the browser closes.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)

# HTTPS and browser protections. On by default when DEBUG is off; `make run` (DEBUG=1) keeps
# plain http://127.0.0.1:8000 working.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers may probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    # Only behind a proxy that sets X-Forwarded-Proto itself and strips it from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_COOKIES = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF cookie: forms carry the token in a hidden field.
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True

# Content Security Policy (django-csp 4): everything from our own origin, no inline script or
# style, no framing. Scripts live in static/js/, styles in static/css/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One way to write a date per language ("20 October 2022", "20 octobre 2022"): config/formats/.
FORMAT_MODULE_PATH = ["config.formats"]

# Content in both languages (django-modeltranslation, each app's translation.py): one column per
# language, English required, each field falling back to English on its own.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_REQUIRED_LANGUAGES = ("en",)

# The read-only API (api/): Django REST framework, its OpenAPI 3 schema by drf-spectacular.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "120/minute")},
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Cooperation Portal API",
    "DESCRIPTION": (
        "Read-only access to the portal's programmes, projects (with their logframe, indicators "
        "and values), activities, news, institutions and countries. Visitors read published "
        "data; a signed-in user what the pages show them. IATI names where IATI has one."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ProjectStatusEnum": "projects.models.Project.Status",
        "ActivityStatusEnum": "activities.models.Activity.Status",
    },
}

# The organisation that publishes the IATI files: its identifier (the OECD DAC channel code of the
# Council of Europe, 47138, under the XM-DAC agency; not 46024, the CoE Development Bank), its
# IATI OrganisationType (40: multilateral) and its name in each language.
IATI_REPORTING_ORG = {
    "ref": os.environ.get("IATI_REPORTING_ORG_REF", "XM-DAC-47138"),
    "type": "40",
    "name": {"en": "Council of Europe", "fr": "Conseil de l'Europe"},
}
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", "") or BASE_DIR / "staticfiles")
# Uploaded files (pictures, documents) through Django's storage API. On disk under MEDIA_ROOT by
# default; on S3-compatible object storage with STORAGE_URL=s3://bucket[/prefix] (django-storages;
# credentials and endpoint from the usual AWS_* variables), which every app server shares.
# "default" holds pictures and their renditions, served by /media/ (config.views.media);
# "documents" has no URL: a view that checks access reads each file (projects.media_views).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", "") or BASE_DIR / "media")
MEDIA_URL = "/media/"
STORAGE_URL = os.environ.get("STORAGE_URL", "")
if STORAGE_URL:
    _storage = urlsplit(STORAGE_URL)
    if _storage.scheme != "s3" or not _storage.netloc:
        raise ImproperlyConfigured("STORAGE_URL must look like s3://bucket or s3://bucket/prefix.")
    _prefix = _storage.path.strip("/")
    _s3 = {
        "bucket_name": _storage.netloc,
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": False,
    }
    _media_storage = {
        "BACKEND": "core.object_storage.MediaS3Storage",
        "OPTIONS": {**_s3, "location": "/".join(filter(None, [_prefix, "media"]))},
    }
    _document_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3, "location": "/".join(filter(None, [_prefix, "documents"]))},
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    _document_storage = {"BACKEND": "core.storage.DocumentStorage"}
# Upload limits (core.uploads).
MAX_IMAGE_BYTES = env_int("MAX_IMAGE_BYTES", 10 * 1024 * 1024)
MAX_IMAGE_PIXELS = env_int("MAX_IMAGE_PIXELS", 40_000_000)
MAX_DOCUMENT_BYTES = env_int("MAX_DOCUMENT_BYTES", 20 * 1024 * 1024)
# Renditions (sorl-thumbnail): made on first use, kept in the default storage and listed in the
# database (and cache) so a page never asks the storage whether one exists.
THUMBNAIL_PRESERVE_FORMAT = True
THUMBNAIL_UPSCALE = False
THUMBNAIL_QUALITY = 85

STORAGES = {
    "default": _media_storage,
    "documents": _document_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SITE_NAME = "Cooperation Portal"

# Email, defined once (results notifications, password reset, invitations): EMAIL_URL such as
# smtp://user:password@mail.example.org:587/?tls=True, else the usual EMAIL_HOST, EMAIL_PORT,
# EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS; the console with DEBUG. The suite captures
# every message in memory (Django's test runner switches to the locmem backend).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Cooperation Portal <noreply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
if os.environ.get("EMAIL_URL"):
    _email = dj_email_url.parse(os.environ["EMAIL_URL"])
    if "EMAIL_BACKEND" not in _email:
        raise ImproperlyConfigured(
            f"EMAIL_URL is not a valid email URL: use one of {', '.join(dj_email_url.SCHEMES)}."
        )
    globals().update(_email)
elif os.environ.get("EMAIL_HOST"):
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Background jobs (config/celery.py): Celery with Redis as broker, e.g.
# CELERY_BROKER_URL=redis://127.0.0.1:6379/5. Without one, tasks run eagerly in the process that
# asks for them, so `make run` and `make test` need no worker.
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("CELERY_BROKER_URL")
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
# The weekly digest of what waits for each user: Mondays at 7:00 (Celery beat, `make worker`).
CELERY_BEAT_SCHEDULE = {
    "weekly-results-digest": {
        "task": "results.tasks.send_digests",
        "schedule": crontab(
            minute=0,
            hour=env_int("DIGEST_HOUR", 7),
            day_of_week=os.environ.get("DIGEST_DAY", "monday"),
        ),
    },
}
# The portal's address in emails (links back to the pages).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Logs: one line per request on the console (config.middleware.RequestLogMiddleware), errors
# with their stack trace from Django's own loggers; every line carries the request id.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {LOG_LEVEL!r}."
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.middleware.RequestIdLogFilter"}},
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "line",
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "portal": {"level": LOG_LEVEL},
        # 4xx answers are in the request line already; Django's logger keeps the real errors,
        # with their stack trace.
        "django.request": {"level": "ERROR"},
    },
}
