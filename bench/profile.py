"""Render bench pages in-process without the page cache: time and the slowest queries of each.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/profile.py \
        [PATH ...]

Without paths, profiles every page of `make bench` (as bench/run.py lists them).
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["PAGE_CACHE"] = "0"
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "profile-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench import django_tasks  # noqa: E402
from bench.run import EXPORT, page_list  # noqa: E402


def main(paths):
    prepared = django_tasks.prepare()
    pages = page_list(prepared) + [EXPORT]
    if paths:
        pages = [{"name": p, "path": p, "signed_in": "dashboard" in p or "new" in p} for p in paths]
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(django_tasks.manager())
    for page in pages:
        client = signed_in if page["signed_in"] else anonymous
        for _ in range(2):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as context:
                response = client.get(page["path"])
                if response.streaming:
                    for _chunk in response.streaming_content:
                        pass
            seconds = time.perf_counter() - started
        queries = sorted(context.captured_queries, key=lambda q: -float(q["time"]))
        db = sum(float(q["time"]) for q in queries)
        print(
            f"{page['name']:22} {response.status_code} {seconds * 1000:8.1f} ms "
            f"(db {db * 1000:.1f} ms) {len(queries)} queries"
        )
        for query in queries[:3]:
            print(f"    {float(query['time']) * 1000:8.1f} ms  {query['sql'][:220]}")


if __name__ == "__main__":
    main(sys.argv[1:])
