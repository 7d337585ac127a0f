"""Helpers for the tests that drive gunicorn over HTTP: a new PostgreSQL database holding the
demo data, production settings, and a browser (cookies, redirects, forms).

Used by tests/perf/test_two_app_servers.py and tests/perf/test_findings_in_production.py.

Migrating, loading the demo and collecting the static files (whitenoise compresses some 1,700
files) take minutes on a busy machine. Both are made once per state of the code and reused: the
demo database as a PostgreSQL template that each module copies (a second), the static files in a
directory under the system's temporary directory. Their names carry a fingerprint of what went
into them, so a change to the code, the demo or the installed packages makes new ones.
"""

import contextlib
import hashlib
import http.client
import http.cookiejar
import importlib.metadata
import os
import secrets
import shutil
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import lxml.html
import psycopg2
import pytest
from filelock import FileLock
from psycopg2 import sql

from bench.run import ROOT, manage
from demo import seed as demo

LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432"
CACHE = Path(tempfile.gettempdir()) / "portal-test-servers"
TEMPLATE_PREFIX = "portal_demo_template_"
# A demo template or static files built this long ago are dropped when others are built (another
# worktree's server may still be using them until then).
STALE = 24 * 3600
LOGIN = "/accounts/login/"
MY_WORK = "/my-work/"


# PostgreSQL ------------------------------------------------------------------------------------


def postgres_server():
    """The PostgreSQL server of DATABASE_URL when the suite runs on one, else the local one."""
    parts = urllib.parse.urlsplit(os.environ.get("DATABASE_URL", ""))
    if parts.scheme in {"postgres", "postgresql"}:
        return f"{parts.scheme}://{parts.netloc}"
    return LOCAL_POSTGRES


@contextlib.contextmanager
def postgres(url):
    """A cursor on the database at `url` (a server's `postgres` database when `url` names only
    the server), in autocommit: CREATE/DROP DATABASE cannot run in a transaction."""
    if urllib.parse.urlsplit(url).path in {"", "/"}:
        url = f"{url.rstrip('/')}/postgres"
    try:
        connection = psycopg2.connect(url)
    except psycopg2.OperationalError:
        pytest.fail(
            f"PostgreSQL is not reachable at {url}: start it (`service postgresql start`).",
            pytrace=False,
        )
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()


def fingerprint(paths):
    """A short hash of the files `paths` (their names and contents) and the installed packages."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    packages = sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    )
    digest.update("\n".join(packages).encode())
    return digest.hexdigest()[:16]


SKIPPED = {
    ".venv",
    ".git",
    "__pycache__",
    "tests",
    "staticfiles",
    "node_modules",
    "media",
    "backups",
}


def source_files(top, suffix=""):
    """The files under `top` (a folder of the repository) whose names end with `suffix`."""
    found = []
    for folder, subfolders, files in os.walk(ROOT / top):
        subfolders[:] = [name for name in subfolders if name not in SKIPPED]
        found += [Path(folder) / name for name in files if name.endswith(suffix)]
    return found


def lock(name):
    CACHE.mkdir(exist_ok=True)
    return FileLock(CACHE / f"{name}.lock", timeout=900)


@contextlib.contextmanager
def new_database(prefix, env):
    """The URL of a new PostgreSQL database named `prefix_<random>` holding the migrated demo
    data (a copy of this code's template), dropped on exit. `env`: production settings."""
    server = postgres_server()
    name = f"{prefix}_{secrets.token_hex(4)}"
    template = TEMPLATE_PREFIX + fingerprint(source_files(".", ".py") + source_files("demo"))
    # A template is copied only while nothing else connects to it: one copy at a time.
    with lock("demo-database"), postgres(server) as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
        if not cursor.fetchone():
            build_template(cursor, server, template, env)
        create = sql.SQL("CREATE DATABASE {} TEMPLATE {}")
        cursor.execute(create.format(sql.Identifier(name), sql.Identifier(template)))
    try:
        yield f"{server}/{name}"
    finally:
        with postgres(server) as cursor:
            drop(cursor, name)


def build_template(cursor, server, template, env):
    """Migrate and load the demo into a new database, then name it `template`; drop templates
    older than a day."""
    partial = f"{template}_partial"
    drop(cursor, partial)
    cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(partial)))
    database_env = {**env, "DATABASE_URL": f"{server}/{partial}"}
    manage(database_env, "migrate", "--no-input", "-v0")
    manage({**database_env, "DEBUG": "1"}, "load_demo")  # DEBUG on: the demo accounts too
    rename = sql.SQL("ALTER DATABASE {} RENAME TO {}")
    cursor.execute(rename.format(sql.Identifier(partial), sql.Identifier(template)))
    comment = sql.SQL("COMMENT ON DATABASE {} IS {}")
    cursor.execute(comment.format(sql.Identifier(template), sql.Literal(str(int(time.time())))))
    cursor.execute(
        "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database"
        " WHERE starts_with(datname, %s) AND datname <> %s",
        [TEMPLATE_PREFIX, template],
    )
    for other, built in cursor.fetchall():
        if not (built or "").isdigit() or time.time() - int(built) > STALE:
            drop(cursor, other)


def drop(cursor, name):
    cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def collected_static(env):
    """A STATIC_ROOT holding this code's collected static files (hashed names, compressed)."""
    key = fingerprint(source_files("static") + [ROOT / "config" / "settings.py"])
    root = CACHE / f"static-{key}"
    with lock("static"):
        if not root.is_dir():
            for other in CACHE.glob("static-*"):  # cut short, or built a day ago
                if other.suffix == ".partial" or time.time() - other.stat().st_mtime > STALE:
                    shutil.rmtree(other, ignore_errors=True)
            partial = CACHE / f"static-{key}.partial"
            manage({**env, "STATIC_ROOT": str(partial)}, "collectstatic", "--no-input", "-v0")
            partial.rename(root)
    return root


# Production settings on the demo data ----------------------------------------------------------


def production_env(**overrides):
    """The environment of a production server (DEBUG off, a new SECRET_KEY) over plain HTTP on
    loopback, without REDIS_URL unless `overrides` gives one; DATABASE_URL and STATIC_ROOT are
    to be added (`new_database`, `collected_static`)."""
    return {
        **{k: v for k, v in os.environ.items() if k != "REDIS_URL"},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        # Plain HTTP on loopback: no HTTPS redirect, and cookies sent back over http://.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        **overrides,
    }


@contextlib.contextmanager
def demo_server_env(prefix, **overrides):
    """Production settings (`production_env`) on a new copy of the demo database (dropped on
    exit), with the collected static files."""
    env = production_env(**overrides)
    env["STATIC_ROOT"] = str(collected_static(env))
    with new_database(prefix, env) as url:
        yield {**env, "DATABASE_URL": url}


# A browser: cookies, redirects, forms ----------------------------------------------------------


@dataclass
class Page:
    url: str
    status: int
    headers: http.client.HTTPMessage
    body: str

    @property
    def path(self):
        return urllib.parse.urlsplit(self.url).path

    @cached_property
    def html(self):
        return lxml.html.fromstring(self.body, base_url=self.url)

    @property
    def text(self):
        """What a reader sees: entities decoded, tags gone."""
        return self.html.text_content()

    @property
    def heading(self):
        return self.html.findtext(".//h1").strip()

    def form(self, action=None, field=None):
        """The page's form posting to `action`, or holding `field`."""
        for form in self.html.forms:
            posts_to_action = action and (form.action or "").endswith(action)
            if posts_to_action or (field and field in form.fields):
                return form
        raise AssertionError(f"No form for {action or field} on {self.url} ({self.status})")


class Browser:
    """An HTTP client that keeps cookies, follows redirects and submits forms; `headers` go with
    every request (e.g. the X-Forwarded-For a proxy adds)."""

    def __init__(self, headers=None):
        # Cookies are not port-specific: two servers on one host get the same cookies, as two
        # app servers behind one load balancer do.
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.headers = headers or {}

    def get(self, url):
        return self.open(url)

    def submit(self, form, **changes):
        """Post `form` with every field as rendered, but for `changes`."""
        fields = dict(form.form_values()) | changes
        data = urllib.parse.urlencode(fields).encode()
        action = form.action or form.base_url  # no action: back to the form's own address
        return self.open(action, data)

    def open(self, url, data=None):
        # http://127.0.0.1 only
        request = urllib.request.Request(url, data=data, headers=self.headers)  # noqa: S310
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            body = response.read().decode()
            return Page(response.url, response.status, response.headers, body)

    def cookie(self, name):
        return next(cookie for cookie in self.cookies if cookie.name == name)


def sign_in(browser, server, username, password=demo.DEMO_PASSWORD):
    """Sign `username` in with the login form; the page it lands on."""
    form = browser.get(f"{server}{LOGIN}").form(field="username")
    return browser.submit(form, username=username, password=password)
