"""Settings for the test suite (pytest's DJANGO_SETTINGS_MODULE): production's, with test ones.

Everything else comes from the environment as in production, so `DATABASE_URL` and `REDIS_URL`
choose what the suite runs against.
"""

import os

# Tests never need a real secret; set before the settings read it.
os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")

from config.settings import *  # noqa: E402, F403
from config.settings import env_bool, env_list  # noqa: E402

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
# The test client speaks plain HTTP.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# Files straight from static/: no collectstatic manifest to build first.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if not REDIS_URL:  # noqa: F405
    # One process, cleared around each test; the query budgets count the pages' own queries.
    # Production's database cache is tested across processes (tests/perf/test_two_app_servers.py).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The suite sends many anonymous API requests a minute; tests/api proves the throttle itself.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute"},
}
# Uploaded files go to a temporary folder, never into the repository (tests that save files set
# their own with the `media_root` fixture).
import tempfile  # noqa: E402

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))  # noqa: F405
