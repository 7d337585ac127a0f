# A developer tool that runs fixed local programs (wrk, gunicorn, manage.py).
# ruff: noqa: S603, S607
"""The cache sections of `make bench` (issue 13), run on the full data set after its pages:

1. cold pages: the visitor pages with the page cache off (what a visitor meets after a save);
2. under writes: the visitor pages while one activity is saved every second;
3. freshness without Redis: two gunicorn workers on the database cache, a save made by another
   process, then 20 requests: how many still show the old title (the target is none);

and the period report's PDF of a project with 500 activities in the period (issue 15: under 5 s).
"""

import copy
import subprocess
import threading
import time

from bench import run as bench

FRESHNESS_REQUESTS = 20
REPORT_ACTIVITIES = 500
REPORT_PDF_TARGET_SECONDS = 5.0


def visitor_pages(pages):
    return [p for p in pages if p["group"] in {"floor", "visitor"}]


def load_pages(server, pages, prepared, options, label):
    measured = {}
    for page in pages:
        bench.probe(server.port, page["path"])
        result = bench.run_wrk(server.port, page, prepared["cookie"], options)
        measured[page["name"]] = result
        p = result["latency_ms"]
        bench.log(
            f"  {label:6} {page['name']:20} {result.get('rps', 0):8.0f} req/s  "
            f"p50 {p.get('p50', 0):7.1f} ms  p99 {p.get('p99', 0):7.1f} ms"
        )
    return measured


def cold_pages(options, dbname, secret, run_id, pages, prepared):
    """The visitor pages with PAGE_CACHE=0: every request renders.

    One connection per gunicorn worker: a cold page is what the first visitor after a save
    waits for, while the others get the previous copy (core.cache's stale-while-revalidate), so
    its p50 is the render time, not the render time times the queue of wrk's 8 connections."""
    env = bench.base_env(options, dbname, f"bench-cold-{run_id}", secret)
    env["PAGE_CACHE"] = "0"
    logfile = bench.ROOT / "bench" / "gunicorn-cold.log"
    one_per_worker = copy.copy(options)
    one_per_worker.connections = options.workers
    one_per_worker.threads = min(options.threads, options.workers)
    with bench.Gunicorn(env, options.workers, logfile) as server:
        measured = load_pages(server, visitor_pages(pages), prepared, one_per_worker, "cold")
    bench.cleanup_cache(options.redis_url, f"bench-cold-{run_id}")
    return measured


def under_writes(options, dbname, secret, run_id, pages, prepared):
    """The visitor pages (cache on) while bench/django_tasks.py saves an activity a second."""
    prefix = f"bench-writes-{run_id}"
    env = bench.base_env(options, dbname, prefix, secret)
    chosen = visitor_pages(pages)
    seconds = (options.duration + 3) * len(chosen) + 10
    with bench.Gunicorn(
        env, options.workers, bench.ROOT / "bench" / "gunicorn-writes.log"
    ) as server:
        writer = subprocess.Popen(
            [str(bench.BIN / "python"), str(bench.ROOT / "bench" / "django_tasks.py"), "writer"]
            + [str(seconds)],
            cwd=bench.ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            time.sleep(1)
            measured = load_pages(server, chosen, prepared, options, "writes")
        finally:
            writer.terminate()
            writer.wait(timeout=30)
    bench.cleanup_cache(options.redis_url, prefix)
    return measured


def freshness_without_redis(options, dbname, secret, prepared):
    """Two workers, no REDIS_URL: a save shows on the very next request through either."""
    env = bench.base_env(options, dbname, "bench-fresh", secret)
    env.pop("REDIS_URL")
    path = f"/activities/{prepared['activity']}/"
    title = f"Freshness check {time.time():.0f}"
    result = {"path": path, "workers": 2, "requests": FRESHNESS_REQUESTS}
    with bench.Gunicorn(env, 2, bench.ROOT / "bench" / "gunicorn-fresh.log") as server:
        # Several clients at once, so that both workers render and keep the page.
        threads = [threading.Thread(target=bench.probe, args=(server.port, path)) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        renamed = bench.django_task(env, "rename", str(prepared["activity"]), title)
        bodies = [fetch(server.port, path) for _ in range(FRESHNESS_REQUESTS)]
        bench.django_task(env, "rename", str(prepared["activity"]), renamed["old"])
    result["stale"] = sum(title not in body for body in bodies)
    bench.log(
        f"  fresh  two workers without Redis: {result['stale']} of {FRESHNESS_REQUESTS} "
        "requests after a save showed the old title"
    )
    return result


def fetch(port, path):
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        return connection.getresponse().read().decode()
    finally:
        connection.close()


def report_pdf(options, dbname, secret, activities=REPORT_ACTIVITIES):
    """The period report PDF of `activities` activities, rendered in the request (rolled back)."""
    env = bench.base_env(options, dbname, "bench-report", secret)
    result = bench.django_task(env, "report-pdf", str(activities))
    result["target_seconds"] = REPORT_PDF_TARGET_SECONDS
    result["ok"] = result.get("status") == 200 and result["seconds"] < REPORT_PDF_TARGET_SECONDS
    bench.log("  " + format_report_pdf(result))
    return result


def format_report_pdf(result):
    return (
        f"report  PDF of {result['activities']} activities: {result['seconds']:.2f} s "
        f"(again {result['seconds_warm']:.2f} s), {result['bytes'] / 1000:.0f} kB, "
        f"status {result['status']} (target < {REPORT_PDF_TARGET_SECONDS:.0f} s: "
        f"{'met' if result.get('ok') else 'MISSED'})"
    )
