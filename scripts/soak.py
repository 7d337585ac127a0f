#!/usr/bin/env python
"""Load and fault test (`make soak`): gunicorn on PostgreSQL under wrk, then a PostgreSQL restart.

1. Sets up PostgreSQL: by default a private throwaway instance on a free loopback port (so the
   restart disturbs no one else's database); `--system-cluster` uses the machine's cluster at
   127.0.0.1:5432 and restarts it with pg_ctlcluster, as production would see it.
2. Creates database `portal_soak`, migrates it, loads `load_demo` when that command exists
   (else a little data), collects static files, starts gunicorn (config.wsgi, 2 sync workers)
   on 127.0.0.1 with production settings (DEBUG off).
3. Steady load: wrk for --duration seconds over --paths; any answer but 2xx/3xx fails.
4. Restart: wrk again, plus a health probe and a form-posting client; PostgreSQL restarts in the
   middle. Fails on any 500, if no request saw the outage (503), if the portal does not answer
   200 within 2 seconds of PostgreSQL accepting connections again, or if a form posted during
   the restart was half-saved.
Prints the figures and exits non-zero on failure. Everything listens on loopback only.
"""

import argparse
import contextlib
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

from django_otp.oath import totp

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = "/healthz,/,/projects/,/activities/,/news/,/stakeholders/,/search/?q=prison"
RECOVERY_LIMIT_S = 2.0
ADMIN_USERNAME = "soak-admin"


def log(message):
    print(f"[soak {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)  # noqa: S603


def shell_output(code, env):
    """The last line `manage.py shell -c code` prints."""
    output = run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    ).stdout
    return output.strip().splitlines()[-1]


# PostgreSQL ---------------------------------------------------------------------------------


def postgres_bindir():
    versions = sorted(Path("/etc/postgresql").iterdir()) if Path("/etc/postgresql").is_dir() else []
    for version in reversed(versions):
        bindir = Path("/usr/lib/postgresql") / version.name / "bin"
        if (bindir / "pg_ctl").exists():
            return bindir
    pg_config = shutil.which("pg_config")
    if pg_config:
        return Path(subprocess.check_output([pg_config, "--bindir"], text=True).strip())  # noqa: S603
    raise SystemExit("PostgreSQL server programs not found (apt-get install postgresql).")


class PrivatePostgres:
    """A throwaway PostgreSQL instance in a temporary directory, on a free loopback port."""

    def __init__(self, workdir):
        self.bindir = postgres_bindir()
        self.datadir = workdir / "pgdata"
        self.socketdir = workdir / "pgsocket"
        self.port = free_port()
        self.user = "postgres"
        # PostgreSQL refuses to run as root: run its programs as the postgres user then.
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if not self.as_owner:
            self.user = os.environ.get("USER", "postgres")

    def _own(self, path):
        path.mkdir(mode=0o700)
        if self.as_owner:
            shutil.chown(path, "postgres", "postgres")

    def start(self):
        self._own(self.datadir)
        self._own(self.socketdir)
        os.chmod(self.datadir.parent, 0o711)  # noqa: S103 (postgres must traverse it)
        run(
            [
                *self.as_owner,
                str(self.bindir / "initdb"),
                "-D",
                str(self.datadir),
                "-U",
                self.user,
                "--auth=trust",
                "--no-sync",
            ],
            stdout=subprocess.DEVNULL,
        )
        self._pg_ctl("start")

    def _pg_ctl(self, action, *extra):
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.socketdir} -c fsync=off"
        run(
            [
                *self.as_owner,
                str(self.bindir / "pg_ctl"),
                action,
                "-D",
                str(self.datadir),
                "-w",
                "-t",
                "30",
                "-o",
                options,
                "-l",
                str(self.datadir / "server.log"),
                *extra,
            ],
            stdout=subprocess.DEVNULL,
        )

    def restart(self):
        self._pg_ctl("restart", "-m", "fast")

    def stop(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            run(
                [*self.as_owner, str(self.bindir / "pg_ctl"), "stop", "-D", str(self.datadir)],
                stdout=subprocess.DEVNULL,
            )

    def url(self, database):
        return f"postgres://{self.user}@127.0.0.1:{self.port}/{database}"


class SystemPostgres:
    """The machine's cluster at 127.0.0.1:5432, restarted with pg_ctlcluster."""

    port = 5432

    def __init__(self, workdir):
        self.version = sorted(p.name for p in Path("/etc/postgresql").iterdir())[-1]

    def start(self):
        pass

    def restart(self):
        run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", self.version, "main", "restart"],
            stdout=subprocess.DEVNULL,
        )

    def stop(self):
        pass

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:5432/{database}"


# The portal ---------------------------------------------------------------------------------


def portal_environment(database_url, static_root):
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(static_root),
        # Plain HTTP on loopback: no redirect, and cookies a non-browser client sends back.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        "REDIS_URL": "",
    }


def prepare_database(postgres, database, env):
    """Create, migrate and fill the soak database; return the admin's password and a
    permission id for the form posts."""
    import psycopg2

    admin = psycopg2.connect(postgres.url("postgres"))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{database}"')
        cursor.execute(f'CREATE DATABASE "{database}"')
    admin.close()

    manage = [sys.executable, "manage.py"]
    run([*manage, "migrate", "--no-input", "-v", "0"], cwd=BASE_DIR, env=env)
    run([*manage, "collectstatic", "--no-input", "-v", "0"], cwd=BASE_DIR, env=env)
    has_demo = subprocess.run(  # noqa: S603
        [*manage, "help", "load_demo"], cwd=BASE_DIR, env=env, capture_output=True
    )
    if has_demo.returncode == 0:
        log("loading the demo data (load_demo)")
        run([*manage, "load_demo"], cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL)
    else:
        log("no load_demo command on this branch: a little data instead")
        seed = (
            "from stakeholders.models import Institution as I; "
            "[I.objects.create(name=f'Prison service {n}', kind='prison') for n in range(20)]"
        )
        run([*manage, "shell", "--no-imports", "-c", seed], cwd=BASE_DIR, env=env)
    password = secrets.token_urlsafe(16)
    key = secrets.token_hex(20)  # the admin's authenticator: admins must give a second factor
    create_admin = (
        "from django.contrib.auth.models import Permission, User; "
        "from django_otp.plugins.otp_totp.models import TOTPDevice; "
        f"u = User.objects.create_superuser({ADMIN_USERNAME!r}, 'soak@example.org', {password!r}); "
        f"TOTPDevice.objects.create(user=u, name='soak', key={key!r}, confirmed=True); "
        "print(Permission.objects.get(codename='view_institution').pk)"
    )
    return password, key, shell_output(create_admin, env)


def start_gunicorn(port, env, logfile):
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "config.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--worker-class",
        "sync",
        "--timeout",
        "30",
        "--graceful-timeout",
        "5",
    ]
    return subprocess.Popen(  # noqa: S603
        command, cwd=BASE_DIR, env=env, stdout=logfile, stderr=subprocess.STDOUT
    )


def get(url, timeout=5.0, opener=None):
    """GET `url`; return its status (0 when nothing answered)."""
    try:
        with (opener or urllib.request.build_opener()).open(url, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (OSError, urllib.error.URLError):
        return 0


def wait_until_up(base, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if get(f"{base}/healthz", timeout=1) == 200:
            return
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer {base}/healthz within {seconds} s")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class AdminClient:
    """A signed-in superuser speaking to the Django admin over plain HTTP."""

    def __init__(self, base, password, key):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )
        get(f"{base}/admin/login/", opener=self.opener)
        credentials = [("username", ADMIN_USERNAME), ("password", password)]
        status = self.post("/admin/login/?next=/admin/", credentials)
        if status != 302:
            raise SystemExit(f"could not sign in to the admin (status {status})")
        # The second factor: the code the admin's authenticator app shows now.
        code = f"{totp(bytes.fromhex(key)):06d}"
        status = self.post("/accounts/two-factor/?next=/admin/", [("code", code)])
        if status != 302:
            raise SystemExit(f"the admin's second factor was refused (status {status})")

    def cookie(self, name):
        return next((c.value for c in self.cookies if c.name == name), "")

    def post(self, path, fields, timeout=5.0):
        token = [("csrfmiddlewaretoken", self.cookie("csrftoken"))]
        data = urllib.parse.urlencode(token + list(fields)).encode()
        request = urllib.request.Request(f"{self.base}{path}", data=data, method="POST")  # noqa: S310
        try:
            with self.opener.open(request, timeout=timeout) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except (OSError, urllib.error.URLError):
            return 0

    def header(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.cookies)


# Load ---------------------------------------------------------------------------------------


def wrk_command(base, seconds, args):
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk not found: apt-get install -y wrk")
    return [
        wrk,
        f"--threads={args.threads}",
        f"--connections={args.connections}",
        f"--duration={seconds}s",
        "--timeout=5s",
        f"--script={BASE_DIR / 'scripts' / 'soak.lua'}",
        f"{base}/",
    ]


def wrk_result(output):
    match = re.search(r"^SOAK_RESULT (.*)$", output, re.MULTILINE)
    if match is None:
        raise SystemExit(f"wrk printed no result:\n{output}")
    result = json.loads(match.group(1))
    result["statuses"] = {int(code): n for code, n in result["statuses"].items()}
    return result


def describe(result):
    statuses = ", ".join(f"{code}: {n}" for code, n in sorted(result["statuses"].items()))
    latency = result["latency_ms"]
    return (
        f"{result['requests']} requests in {result['duration_s']:.1f} s "
        f"({result['requests'] / result['duration_s']:.0f}/s); statuses {{{statuses}}}; "
        f"latency p50 {latency['p50']} ms, p90 {latency['p90']} ms, p99 {latency['p99']} ms, "
        f"max {latency['max']} ms; socket errors {result['socket_errors']}"
    )


def steady_load(base, args, env):
    log(f"steady load: wrk for {args.duration} s over {args.paths}")
    output = subprocess.run(  # noqa: S603
        wrk_command(base, args.duration, args),
        env=env,
        capture_output=True,
        text=True,
        timeout=args.duration + 60,
        check=True,
    ).stdout
    result = wrk_result(output)
    log(describe(result))
    failures = [
        f"steady load got {n} answers with status {code}"
        for code, n in sorted(result["statuses"].items())
        if not 200 <= code < 400
    ]
    if sum(result["socket_errors"].values()):
        failures.append(f"steady load had socket errors: {result['socket_errors']}")
    if not result["requests"]:
        failures.append("steady load sent no requests")
    return failures


class Probe(threading.Thread):
    """GET one path every few milliseconds, recording (time, status), until stopped."""

    def __init__(self, url, interval=0.02):
        super().__init__(daemon=True)
        self.url, self.interval = url, interval
        self.samples = []
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            started = time.monotonic()
            self.samples.append((started, get(self.url, timeout=3)))
            self.stopped.wait(self.interval)


class FormPoster(threading.Thread):
    """Add a group (with one permission) through the admin form again and again."""

    def __init__(self, client, permission_id, interval=0.05):
        super().__init__(daemon=True)
        self.client, self.permission_id, self.interval = client, permission_id, interval
        self.posts = []  # (name, status)
        self.stopped = threading.Event()

    def run(self):
        for n in range(1, 100_000):
            if self.stopped.is_set():
                break
            name = f"soak-group-{n:05d}"
            fields = [("name", name), ("permissions", self.permission_id), ("_save", "Save")]
            self.posts.append((name, self.client.post("/admin/auth/group/add/", fields)))
            self.stopped.wait(self.interval)


def restart_under_load(base, postgres, args, env, admin, permission_id):
    seconds = args.restart_duration
    log(f"restart: wrk for {seconds} s, PostgreSQL restarts after {args.restart_after} s")
    wrk = subprocess.Popen(  # noqa: S603
        wrk_command(base, seconds, args),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    probe = Probe(f"{base}/healthz")
    poster = FormPoster(admin, permission_id)
    probe.start()
    poster.start()
    time.sleep(args.restart_after)
    down_at = time.monotonic()
    postgres.restart()
    back_at = time.monotonic()
    log(f"PostgreSQL restarted in {back_at - down_at:.2f} s")
    time.sleep(max(0.0, seconds - args.restart_after - (back_at - down_at)) + 1)
    probe.stopped.set()
    poster.stopped.set()
    probe.join(10)
    poster.join(10)
    output, _ = wrk.communicate(timeout=60)
    result = wrk_result(output)
    log(describe(result))

    failures = []
    statuses = result["statuses"]
    probe_statuses = Counter(status for _, status in probe.samples)
    form_statuses = Counter(status for _, status in poster.posts)
    log(f"health probe: {len(probe.samples)} requests, statuses {dict(probe_statuses)}")
    log(f"form posts: {len(poster.posts)}, statuses {dict(form_statuses)}")

    unexpected = {code: n for code, n in statuses.items() if not (200 <= code < 400 or code == 503)}
    if unexpected:
        failures.append(f"during the restart, wrk got unexpected statuses {unexpected}")
    for name, counter in [("health probe", probe_statuses), ("form posts", form_statuses)]:
        bad = {code: n for code, n in counter.items() if code not in {200, 302, 503}}
        if bad:
            failures.append(f"during the restart, the {name} got {bad}")
    outage_answers = statuses.get(503, 0) + probe_statuses[503] + form_statuses[503]
    if not outage_answers:
        failures.append("no request saw the outage (no 503): the restart was not exercised")

    last_failure = max((t for t, status in probe.samples if status != 200), default=None)
    first_ok_after = min(
        (t for t, status in probe.samples if status == 200 and t > (last_failure or 0)),
        default=None,
    )
    if first_ok_after is None:
        failures.append("the portal never answered 200 again after the restart")
        recovery = None
    else:
        recovery = max(0.0, first_ok_after - back_at)
        log(
            f"recovery: first 200 {recovery:.2f} s after PostgreSQL accepted connections "
            f"(limit {RECOVERY_LIMIT_S} s); 503 answers: wrk {statuses.get(503, 0)}, "
            f"probe {probe_statuses[503]}, forms {form_statuses[503]}"
        )
        if recovery > RECOVERY_LIMIT_S:
            failures.append(f"recovery took {recovery:.2f} s (limit {RECOVERY_LIMIT_S} s)")
    return failures, poster.posts, recovery


def check_forms(posts, env):
    """Every form posted during the restart is saved whole (group and admin log) or not at all."""
    names = [name for name, _ in posts]
    code = (
        "import json; from django.contrib.auth.models import Group; "
        "from django.contrib.admin.models import LogEntry, ADDITION; "
        f"names = {names!r}; "
        "groups = set(Group.objects.filter(name__in=names).values_list('name', flat=True)); "
        "logged = set(LogEntry.objects.filter(action_flag=ADDITION, object_repr__in=names)"
        ".values_list('object_repr', flat=True)); "
        "granted = set(Group.objects.filter(name__in=names, permissions__isnull=False)"
        ".values_list('name', flat=True)); "
        "print(json.dumps({'groups': sorted(groups), 'logged': sorted(logged), "
        "'granted': sorted(granted)}))"
    )
    found = json.loads(shell_output(code, env))
    groups, logged, granted = (set(found[key]) for key in ("groups", "logged", "granted"))
    failures = []
    half_saved = (groups | logged | granted) - (groups & logged & granted)
    if half_saved:
        failures.append(
            f"half-saved forms (group, its permission and its log entry not all there): "
            f"{sorted(half_saved)}"
        )
    for name, status in posts:
        if status == 302 and name not in groups:
            failures.append(f"{name} was answered 'saved' (302) but is not in the database")
    saved = sum(1 for name, _ in posts if name in groups)
    refused = len(posts) - saved
    log(
        f"forms posted during the restart: {saved} saved whole, {refused} refused, "
        f"{len(half_saved)} half-saved"
    )
    return failures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="steady load, seconds")
    parser.add_argument("--restart-duration", type=int, default=20, help="restart phase, seconds")
    parser.add_argument("--restart-after", type=float, default=6, help="restart at, seconds")
    parser.add_argument("--paths", default=DEFAULT_PATHS, help="comma-separated paths to load")
    parser.add_argument("--as-admin", action="store_true", help="load signed in as superuser")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--database", default="portal_soak")
    parser.add_argument(
        "--system-cluster",
        action="store_true",
        help="use and restart the machine's PostgreSQL cluster (disturbs its other users)",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.duration <= 3600 or not 5 <= args.restart_duration <= 600:
        parser.error("durations: 1–3600 s of steady load, 5–600 s for the restart phase")
    if not 1 <= args.restart_after < args.restart_duration - 3:
        parser.error("--restart-after must leave at least 3 s of load after the restart")

    workdir = Path(tempfile.mkdtemp(prefix="portal-soak-"))
    postgres = (SystemPostgres if args.system_cluster else PrivatePostgres)(workdir)
    gunicorn = None
    logfile = (workdir / "gunicorn.log").open("w")
    failures = []
    try:
        log(f"PostgreSQL: {'system cluster' if args.system_cluster else 'private instance'}")
        postgres.start()
        env = portal_environment(postgres.url(args.database), workdir / "static")
        password, key, permission_id = prepare_database(postgres, args.database, env)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        gunicorn = start_gunicorn(port, env, logfile)
        wait_until_up(base)
        admin = AdminClient(base, password, key)
        load_env = {**env, "SOAK_PATHS": args.paths}
        if args.as_admin:
            load_env["SOAK_COOKIE"] = admin.header()
        log(f"gunicorn (2 sync workers) at {base} on database {args.database}")

        failures += steady_load(base, args, load_env)
        restart_failures, posts, _ = restart_under_load(
            base, postgres, args, load_env, admin, permission_id
        )
        failures += restart_failures
        failures += check_forms(posts, env)
    finally:
        if gunicorn is not None:
            gunicorn.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                gunicorn.wait(15)
            if gunicorn.poll() is None:
                gunicorn.kill()
        logfile.close()
        gunicorn_log = (workdir / "gunicorn.log").read_text(errors="replace")
        postgres.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    if failures:
        print("\n--- gunicorn log (last 40 lines) ---")
        print("\n".join(gunicorn_log.splitlines()[-40:]))
        print("\nSOAK FAILED:")
        for failure in failures:
            print(f"  - {failure}")
        return 1
    print("\nSOAK PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
