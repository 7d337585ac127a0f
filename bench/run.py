# A developer tool that runs fixed local programs (wrk, gunicorn, manage.py, git, apt-get).
# ruff: noqa: S603, S607
"""`make bench`: load every page of the portal under gunicorn with wrk, at two data sizes.

1. Builds the benchmark databases on PostgreSQL once (`generate_data`; reused when the row counts
   match): portal_bench (1,000 projects, 200,000 activities) and portal_bench_small (2,000).
2. Collects static files and starts gunicorn (config.wsgi, sync workers) on 127.0.0.1 with
   production settings: DEBUG off, a SECRET_KEY made for the run, cache and sessions in Redis.
3. Counts queries per request in-process (Django's test Client), then loads each page with wrk
   (fixed clients, fixed time) and times the full CSV export, sampling the worker's memory.
4. Prints a table, writes bench/results.json and the table into docs/benchmarks.md.

    .venv/bin/python bench/run.py [--duration 10] [--connections 8] [--workers 2]
                                  [--sweep 2,3,4] [--only home,activities] [--skip-small]
"""

import argparse
import contextlib
import http.client
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402

BIN = Path(sys.executable).parent
LUA = ROOT / "bench" / "stats.lua"
RESULTS = ROOT / "bench" / "results.json"
DOCS = ROOT / "docs" / "benchmarks.md"
FULL = {"projects": 1000, "activities": 200_000, "news": 20_000, "institutions": 5000}
SMALL = {"projects": 10, "activities": 2_000, "news": 200, "institutions": 50}
TABLES = {
    "projects": "projects_project",
    "activities": "activities_activity",
    "news": "activities_newsitem",
    "institutions": "stakeholders_institution",
}
SEED = 1
# The framework floor, cached visitor pages and a signed-in page that renders on every request.
SWEEP_PAGES = ["healthz", "home", "activities", "project", "activity form"]


def log(message):
    print(message, flush=True)


def page_list(prepared):
    slug, activity = prepared["project"], prepared["activity"]
    pages = [
        ("healthz", "/healthz", "floor", False),
        ("home", "/", "visitor", False),
        ("projects", "/projects/", "visitor", False),
        ("project", f"/projects/{slug}/", "visitor", False),
        ("project iati", f"/projects/{slug}/iati.xml", "visitor", False),
        ("activities", "/activities/", "visitor", False),
        (
            "activities filtered",
            "/activities/?kind=training&country=RS&year=2023",
            "visitor",
            False,
        ),
        ("activity", f"/activities/{activity}/", "visitor", False),
        ("news", "/news/", "visitor", False),
        ("stakeholders", "/stakeholders/", "visitor", False),
        ("search", "/search/?q=prison", "visitor", False),
        ("api projects", "/api/projects/?format=json", "visitor", False),
        ("api activities", "/api/activities/?format=json&kind=training", "visitor", False),
        ("activity form", "/activities/new/", "signed_in", True),
        ("my work", "/my-work/", "signed_in", True),
        ("project dashboard", f"/projects/{slug}/dashboard/", "dashboard", True),
        ("portfolio dashboard", "/dashboard/", "dashboard", True),
    ]
    return [
        {"name": name, "path": path, "group": group, "signed_in": signed_in}
        for name, path, group, signed_in in pages
    ]


EXPORT = {"name": "csv export", "path": "/activities/export.csv", "signed_in": True, "once": True}


# PostgreSQL ------------------------------------------------------------------------------------


def pg(base_url, dbname):
    import psycopg2

    connection = psycopg2.connect(f"{base_url}/{dbname}")
    connection.autocommit = True
    return connection


def ensure_database(base_url, dbname):
    from psycopg2 import sql

    with contextlib.closing(pg(base_url, "postgres")) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname])
        if not cursor.fetchone():
            log(f"Creating database {dbname}")
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))


def row_counts(base_url, dbname):
    counts = {}
    with contextlib.closing(pg(base_url, dbname)) as connection, connection.cursor() as cursor:
        for key, table in TABLES.items():
            cursor.execute("SELECT to_regclass(%s)", [table])
            if cursor.fetchone()[0] is None:
                counts[key] = None
                continue
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 (fixed names)
            counts[key] = cursor.fetchone()[0]
    return counts


def postgres_version(base_url, dbname):
    with contextlib.closing(pg(base_url, dbname)) as connection, connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"


# Processes -------------------------------------------------------------------------------------


def manage(env, *args, capture=False):
    return subprocess.run(
        [str(BIN / "python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=capture,
    )


def django_task(env, *args):
    done = subprocess.run(
        [str(BIN / "python"), str(ROOT / "bench" / "django_tasks.py"), *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid, field="VmRSS"):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class Gunicorn:
    """gunicorn (config.wsgi, sync workers) on a free loopback port, stopped on exit."""

    def __init__(self, env, workers, logfile):
        self.env, self.workers, self.logfile = env, workers, logfile
        self.port = free_port()
        self.process = None

    def __enter__(self):
        self.log = open(self.logfile, "a")  # noqa: SIM115 (closed in __exit__)
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "config.wsgi",
                f"--workers={self.workers}",
                "--worker-class=sync",
                f"--bind=127.0.0.1:{self.port}",
                "--timeout=120",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=self.log,
        )
        try:
            self.wait_until_ready()
        except BaseException:
            self.__exit__()  # a server that never came up is not left running
            raise
        return self

    def wait_until_ready(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}): {self.logfile}")
            try:
                if (
                    probe(self.port, "/healthz")[0] == 200
                    and len(self.worker_pids()) == self.workers
                ):
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer /healthz within 60 s: {self.logfile}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def worker_pids(self):
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return pids


def probe(port, path, cookie=None):
    """Status and body size of one GET, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        return response.status, len(response.read())
    finally:
        connection.close()


def run_wrk(port, page, cookie, options):
    command = [
        "wrk",
        f"--threads={options.threads}",
        f"--connections={options.connections}",
        f"--duration={options.duration}s",
        "--timeout=10s",
        "--latency",
        f"--script={LUA}",
    ]
    if page["signed_in"]:
        command += ["--header", f"Cookie: {cookie}"]
    command.append(f"http://127.0.0.1:{port}{page['path']}")
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=options.duration + 120, check=False
    )
    try:
        return report.parse_wrk(done.stdout)
    except ValueError:
        return {"error": (done.stderr or done.stdout).strip()[-500:], "latency_ms": {}}


def measure_export(server, cookie):
    """Stream the whole CSV export once; total time, size, rows and the workers' peak memory."""
    pids = server.worker_pids()
    before = max(filter(None, (rss_mb(pid) for pid in pids)), default=None)
    peak = [before or 0.0]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            for pid in pids:
                peak[0] = max(peak[0], rss_mb(pid) or 0.0)
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.monotonic()
    size = lines = 0
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=300)
    try:
        connection.request("GET", EXPORT["path"], headers={"Cookie": cookie})
        response = connection.getresponse()
        first_byte = time.monotonic() - started
        while chunk := response.read(65536):
            size += len(chunk)
            lines += chunk.count(b"\n")
        status = response.status
    finally:
        connection.close()
        seconds = time.monotonic() - started
        stop.set()
        sampler.join()
    return {
        "path": EXPORT["path"],
        "status": status,
        "seconds": round(seconds, 3),
        "first_byte_seconds": round(first_byte, 3),
        "bytes": size,
        "mb": size / 1_000_000,
        "rows": max(lines - 1, 0) if status == 200 else 0,
        "rss_before_mb": before,
        "peak_rss_mb": peak[0],
        "peak_hwm_mb": max(filter(None, (rss_mb(pid, "VmHWM") for pid in pids)), default=None),
    }


# Datasets ----------------------------------------------------------------------------------------


def base_env(options, dbname, prefix, secret):
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=secret,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=f"{options.database_url}/{dbname}",
        REDIS_URL=options.redis_url,
        CACHE_KEY_PREFIX=prefix,
        # Plain HTTP on loopback: whatever HTTPS-only settings production turns on stay off here.
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        PYTHONWARNINGS="ignore",
        # The API's per-address limit (120 a minute) would answer most of wrk's requests with
        # 429: the bench measures the pages, not the limit.
        API_ANON_RATE="1000000/minute",
    )
    return env


def ensure_dataset(options, dbname, sizes, env):
    ensure_database(options.database_url, dbname)
    manage(env, "migrate", "--no-input", "-v0")
    counts = row_counts(options.database_url, dbname)
    if counts == sizes:
        log(f"{dbname}: reusing {sizes['activities']:,} activities")
        return counts, None
    log(f"{dbname}: has {counts}, generating {sizes}")
    started = time.monotonic()
    args = [f"--{key}={value}" for key, value in sizes.items()]
    manage(env, "generate_data", *args, f"--seed={SEED}", "--clear", "--force")
    return row_counts(options.database_url, dbname), round(time.monotonic() - started, 1)


def bench_dataset(options, label, dbname, sizes, secret, run_id):
    prefix = f"bench-{label}-{run_id}"
    env = base_env(options, dbname, prefix, secret)
    counts, generated = ensure_dataset(options, dbname, sizes, env)
    prepared = django_task(env, "prepare")
    pages = [p for p in page_list(prepared) if not options.only or p["name"] in options.only]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(pages + [EXPORT], handle)
    log(f"{label}: counting queries per request (test Client, cold then warm cache)")
    queries = django_task(env, "queries", handle.name)
    os.unlink(handle.name)

    measured = {}
    logfile = ROOT / "bench" / f"gunicorn-{label}.log"
    with Gunicorn(env, options.workers, logfile) as server:
        for page in pages:  # warm caches and connections once; note the status a client sees
            for _ in range(2):
                status, _size = probe(
                    server.port, page["path"], prepared["cookie"] if page["signed_in"] else None
                )
            measured.setdefault(page["name"], {})["probe_status"] = status
        floor = []
        # /healthz runs first and again last: the floor is their mean, on a shared machine.
        for index, page in enumerate([*pages, pages[0]]):
            result = run_wrk(server.port, page, prepared["cookie"], options)
            result["probe_status"] = measured[page["name"]]["probe_status"]
            if page["name"] == "healthz":
                floor.append(result.get("rps") or 0)
            if index < len(pages):
                measured[page["name"]] = result
            else:
                measured[page["name"]]["after"] = result
            p = result["latency_ms"]
            log(
                f"  {label:5} {page['name']:20} {result.get('rps', 0):8.0f} req/s  "
                f"p50 {p.get('p50', 0):7.1f} ms  p99 {p.get('p99', 0):7.1f} ms  "
                f"status {report.main_status(result.get('statuses')) or result['probe_status']}"
                f"  non-2xx {result.get('non_2xx', '?')}"
                + (f"  ERROR {result['error']}" if "error" in result else "")
            )
        export = None
        if not options.only or EXPORT["name"] in options.only:
            export = measure_export(server, prepared["cookie"])
            export["queries"] = queries.get(EXPORT["name"], {}).get("queries")
            log(f"  {label:5} {report.format_export(export)}")
    if floor:
        measured["healthz"]["floor_rps"] = sum(floor) / len(floor)
    cleanup_cache(options.redis_url, prefix)
    return {
        "database": dbname,
        "sizes": sizes,
        "counts": counts,
        "generated_seconds": generated,
        "prepared": {k: v for k, v in prepared.items() if k != "cookie"},
        "pages": pages,
        "queries": queries,
        "wrk": measured,
        "export": export,
    }


def sweep_workers(options, dbname, secret, run_id):
    """The same few pages with 2, 3, 4… workers, to choose the worker count."""
    prefix = f"bench-sweep-{run_id}"
    env = base_env(options, dbname, prefix, secret)
    prepared = django_task(env, "prepare")
    pages = [p for p in page_list(prepared) if p["name"] in SWEEP_PAGES]
    results = []
    for workers in options.sweep:
        with Gunicorn(env, workers, ROOT / "bench" / "gunicorn-sweep.log") as server:
            for page in pages:
                probe(server.port, page["path"], prepared["cookie"] if page["signed_in"] else None)
                result = run_wrk(server.port, page, prepared["cookie"], options)
                result.update(workers=workers, path=page["path"], name=page["name"])
                results.append(result)
                log(
                    f"  sweep {workers} workers {page['name']:12} {result.get('rps', 0):8.0f} req/s"
                    f"  p99 {result['latency_ms'].get('p99', 0):7.1f} ms"
                )
    cleanup_cache(options.redis_url, prefix)
    return results


def cleanup_cache(redis_url, prefix):
    """Drop this run's cache keys (and sessions); each run starts cold under its own prefix."""
    try:
        import redis

        client = redis.Redis.from_url(redis_url)
        keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
        for start in range(0, len(keys), 1000):
            client.delete(*keys[start : start + 1000])
    except Exception as error:  # noqa: BLE001 (cleanup is best effort)
        log(f"Could not clean Redis keys {prefix}:*: {error}")


# Report ----------------------------------------------------------------------------------------


def machine(options, dbname):
    cpu = platform.processor()
    meminfo = {}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            key, value = line.split(":", 1)
            meminfo[key] = int(value.split()[0])
    except OSError:
        pass
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return {
        "nproc": os.cpu_count(),
        "memory_gb": round(meminfo.get("MemTotal", 0) / 1024 / 1024, 1),
        "cpu": cpu,
        "postgresql": postgres_version(options.database_url, dbname),
        "python": platform.python_version(),
        "wrk": (wrk.stdout or wrk.stderr).split("[")[0].strip(),
        "commit": commit.stdout.strip(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def write_docs(results):
    document = DOCS.read_text() if DOCS.exists() else "# Benchmarks\n"
    document = report.replace_section(document, "results", report.format_results_markdown(results))
    if results.get("sweep"):
        sweep = (
            f"Measured {results['machine']['date']} on the full data set, "
            f"{results['settings']['connections']} connections, "
            f"{results['settings']['duration']} s per page.\n\n"
            + report.format_sweep(results["sweep"])
        )
        document = report.replace_section(document, "workers", sweep)
    DOCS.parent.mkdir(exist_ok=True)
    DOCS.write_text(document)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    env = os.environ.get
    parser.add_argument("--duration", type=int, default=int(env("BENCH_DURATION", 10)))
    parser.add_argument("--connections", type=int, default=int(env("BENCH_CONNECTIONS", 8)))
    parser.add_argument("--threads", type=int, default=int(env("BENCH_THREADS", 2)))
    parser.add_argument("--workers", type=int, default=int(env("BENCH_WORKERS", 2)))
    parser.add_argument(
        "--sweep",
        type=lambda v: [int(x) for x in v.split(",") if x],
        default=env("BENCH_SWEEP", ""),
        help="Worker counts to compare on a few pages, e.g. 2,3,4.",
    )
    parser.add_argument(
        "--only",
        type=lambda v: [x.strip() for x in v.split(",") if x.strip()],
        default=None,
        help="Page names to load (healthz is always first), e.g. home,activities.",
    )
    parser.add_argument("--skip-small", action="store_true", help="Do not measure growth.")
    parser.add_argument(
        "--skip-cache-sections",
        action="store_true",
        help="Do not measure cold pages, pages under writes and freshness without Redis.",
    )
    parser.add_argument(
        "--database-url",
        default=env("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432"),
        help="PostgreSQL server URL without a database name.",
    )
    parser.add_argument("--full-db", default="portal_bench")
    parser.add_argument("--small-db", default="portal_bench_small")
    parser.add_argument("--redis-url", default=env("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1"))
    parser.add_argument("--no-docs", action="store_true", help="Do not rewrite docs/benchmarks.md.")
    options = parser.parse_args(argv)
    if isinstance(options.sweep, str):
        options.sweep = [int(x) for x in options.sweep.split(",") if x]
    if options.only:
        options.only = ["healthz", *[name for name in options.only if name != "healthz"]]
    return options


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        sys.exit("wrk is missing: sudo apt-get install -y wrk")
    log("Installing wrk (Debian package)")
    if subprocess.run(["apt-get", "install", "-y", "wrk"], check=False).returncode:
        subprocess.run(["apt-get", "update"], check=True)
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True)


def main(argv=None):
    options = parse_args(argv)
    started = time.monotonic()
    ensure_wrk()
    secret = secrets.token_urlsafe(50)
    run_id = secrets.token_hex(4)
    env = base_env(options, options.full_db, f"bench-static-{run_id}", secret)
    ensure_database(options.database_url, options.full_db)
    results = {
        "machine": machine(options, options.full_db),
        "settings": {
            "duration": options.duration,
            "connections": options.connections,
            "threads": options.threads,
            "workers": options.workers,
        },
        "targets": report.TARGETS,
        "datasets": {},
    }
    log("Collecting static files")
    manage(env, "collectstatic", "--no-input", "-v0")
    if not options.skip_small:
        results["datasets"]["small"] = bench_dataset(
            options, "small", options.small_db, SMALL, secret, run_id
        )
    full = bench_dataset(options, "full", options.full_db, FULL, secret, run_id)
    results["datasets"]["full"] = full
    if options.sweep:
        results["sweep"] = sweep_workers(options, options.full_db, secret, run_id)
    if not options.skip_cache_sections:
        from bench import sections

        prepared = {**full["prepared"], "cookie": None}
        args = (options, options.full_db, secret, run_id, full["pages"], prepared)
        log("full: cold pages (page cache off)")
        results["cold"] = sections.cold_pages(*args)
        log("full: pages while one activity is saved per second")
        results["writes"] = sections.under_writes(*args)
        log("full: two workers without Redis, a save, then the next requests")
        results["freshness"] = sections.freshness_without_redis(
            options, options.full_db, secret, prepared
        )
    from bench import sections

    log("full: the period report's PDF of 500 activities")
    results["report_pdf"] = sections.report_pdf(options, options.full_db, secret)
    small = results["datasets"].get("small", {})
    results["floor_rps"] = full["wrk"].get("healthz", {}).get("floor_rps")
    results["rows"] = report.build_rows(
        full["pages"],
        full["wrk"],
        small.get("wrk", {}),
        full["queries"],
        results["floor_rps"],
        cold=results.get("cold", {}),
        writes=results.get("writes", {}),
    )
    results["seconds"] = round(time.monotonic() - started, 1)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    RESULTS.write_text(json.dumps(results, indent=2, default=str))
    log("")
    log(report.format_text_table(results["rows"]))
    if full.get("export"):
        log(report.format_export(full["export"]))
    if results.get("freshness"):
        log(report.format_freshness(results["freshness"]))
    log(sections.format_report_pdf(results["report_pdf"]))
    if not options.no_docs:
        write_docs(results)
    log(
        f"\nWrote {RESULTS.relative_to(ROOT)}"
        + ("" if options.no_docs else f" and {DOCS.relative_to(ROOT)}")
    )
    log(f"make bench took {results['seconds']:.0f} s")


if __name__ == "__main__":
    main()
