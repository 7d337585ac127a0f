"""bench/report.py: wrk's text turned into numbers, targets checked, tables written."""

import json
from pathlib import Path

import pytest

from bench import report

# wrk's text: real `wrk --latency` output against /healthz on this machine; real output with
# bench/stats.lua against a page that answered 404; a slow page (microsecond and second units,
# socket errors, redirects wrk itself counts as fine).
WRK = Path(__file__).parent / "data" / "wrk"
HEALTHZ = (WRK / "healthz.txt").read_text()
NOT_FOUND = (WRK / "not_found.txt").read_text()
SLOW_WITH_REDIRECTS = (WRK / "slow_with_redirects.txt").read_text()

PAGES = [
    {"name": "healthz", "path": "/healthz", "group": "floor", "signed_in": False},
    {"name": "home", "path": "/", "group": "visitor", "signed_in": False},
    {"name": "news", "path": "/news/", "group": "visitor", "signed_in": False},
    {"name": "portfolio dashboard", "path": "/dashboard/", "group": "dashboard", "signed_in": True},
]


def wrk(rps, p50, p99, statuses):
    return {"rps": rps, "latency_ms": {"p50": p50, "p99": p99}, "statuses": statuses,
            "non_2xx": sum(n for s, n in statuses.items() if s[0] != "2")}  # fmt: skip


def test_parse_wrk_reads_throughput_latency_percentiles_and_totals():
    parsed = report.parse_wrk(HEALTHZ)

    assert parsed["rps"] == 1050.03
    assert parsed["requests"] == 3158
    assert parsed["seconds"] == pytest.approx(3.01)
    assert parsed["latency_ms"] == pytest.approx(
        {"mean": 8.53, "max": 91.90, "p50": 6.32, "p75": 9.09, "p90": 12.96, "p99": 55.14}
    )
    assert parsed["non_2xx"] == 0
    assert parsed["statuses"] == {}


def test_parse_wrk_reports_every_non_2xx_response_with_its_status():
    parsed = report.parse_wrk(NOT_FOUND)

    assert parsed["non_2xx"] == 1477
    assert parsed["statuses"] == {"404": 1477}
    assert report.main_status(parsed["statuses"]) == 404
    assert parsed["latency_ms"]["p99"] == pytest.approx(120.42)


def test_parse_wrk_converts_units_and_counts_redirects_wrk_would_hide():
    parsed = report.parse_wrk(SLOW_WITH_REDIRECTS)

    assert parsed["latency_ms"]["p50"] == pytest.approx(0.95)
    assert parsed["latency_ms"]["p99"] == pytest.approx(1900.0)
    assert parsed["latency_ms"]["max"] == pytest.approx(2000.0)
    assert parsed["seconds"] == pytest.approx(10.02)
    assert parsed["errors"] == {"connect": 0, "read": 2, "write": 0, "timeout": 1}
    assert parsed["non_2xx"] == 20
    assert report.main_status(parsed["statuses"]) == 200


def test_parse_wrk_rejects_text_that_is_not_wrk_output():
    with pytest.raises(ValueError, match="not wrk output"):
        report.parse_wrk("unable to connect to 127.0.0.1:8000 Connection refused")


def test_rows_give_ratio_to_healthz_growth_and_the_targets_missed():
    full = {
        "healthz": wrk(1000.0, 5.0, 20.0, {"200": 10000}),
        "home": wrk(600.0, 8.0, 30.0, {"200": 6000}),
        "news": wrk(300.0, 20.0, 90.0, {"404": 3000}),
        "portfolio dashboard": wrk(80.0, 60.0, 260.0, {"200": 800}),
    }
    small = {
        "healthz": wrk(1000.0, 5.0, 20.0, {"200": 10000}),
        "home": wrk(600.0, 7.0, 30.0, {"200": 6000}),
        "news": wrk(300.0, 10.0, 90.0, {"404": 3000}),
        "portfolio dashboard": wrk(80.0, 50.0, 200.0, {"200": 800}),
    }
    queries = {"healthz": {"queries": 1}, "home": {"queries": 6}, "news": {"queries": 14}}

    rows = {row["name"]: row for row in report.build_rows(PAGES, full, small, queries, 1000.0)}

    assert rows["home"]["ratio"] == pytest.approx(0.6)
    assert rows["home"]["growth"] == pytest.approx(8 / 7)
    assert rows["home"]["misses"] == []
    assert rows["news"]["misses"] == [
        "status 404",
        "3000 non-2xx",
        "queries > 12",
        "ratio < 0.5",
        "growth > 1.5",
    ]
    assert rows["portfolio dashboard"]["misses"] == ["p99 >= 250 ms"]
    assert rows["portfolio dashboard"]["queries"] is None
    json.dumps(rows)  # the rows go to bench/results.json as they are


def test_signed_in_pages_must_answer_within_150_ms_at_p99():
    row = {"name": "form", "group": "signed_in", "status": 200, "non_2xx": 0, "queries": 9,
           "ratio": 0.04, "p99_ms": 151.0, "growth": 1.0}  # fmt: skip

    assert report.verdict(row) == ["ratio < 0.05", "p99 >= 150 ms"]


def test_tables_show_the_numbers_and_flag_pages_that_miss_targets():
    full = {
        "healthz": wrk(1000.0, 5.0, 20.0, {"200": 9}),
        "home": wrk(200.0, 9.5, 40.25, {"404": 7}),
    }
    rows = report.build_rows(PAGES[:2], full, {}, {"home": {"queries": 3}}, 1000.0)

    text = report.format_text_table(rows)
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["Page", "Status", "Req/s"]
    assert lines[3].split()[:9] == ["home", "404", "200", "9.5", "40.2", "7", "3", "0.20", "–"]
    assert "MISSES: status 404, 7 non-2xx, ratio < 0.5" in lines[3]
    assert "meets targets" in lines[2]

    markdown = report.format_markdown_table(rows).splitlines()
    assert len(markdown) == 4
    assert markdown[3].startswith("| home `/` | 404 | 200 | 9.5 | 40.2 | 7 | 3 | 0.20 |")


def test_export_line_checks_time_and_worker_memory():
    export = {
        "path": "/activities/export.csv",
        "status": 200,
        "rows": 200000,
        "mb": 41.2,
        "seconds": 16.5,
        "peak_rss_mb": 92.0,
        "rss_before_mb": 60.0,
        "queries": 4,
    }

    line = report.format_export(export)

    assert "200,000 rows, 41.2 MB in 16.5 s" in line
    assert "peak RSS 92 MB (before: 60 MB)" in line
    assert line.endswith("MISSES: time >= 15 s")
    assert report.export_verdict({**export, "seconds": 9.0}) == []
    assert report.export_verdict({**export, "peak_rss_mb": 180.0, "seconds": 9.0}) == [
        "peak RSS >= 150 MB"
    ]


def test_replace_section_rewrites_only_its_own_block():
    document = (
        "# Benchmarks\n\nProse.\n\n<!-- bench:results -->\nold\n<!-- /bench:results -->\n\nEnd.\n"
    )

    updated = report.replace_section(document, "results", "new table")
    assert updated == (
        "# Benchmarks\n\nProse.\n\n<!-- bench:results -->\nnew table\n<!-- /bench:results -->"
        "\n\nEnd.\n"
    )
    appended = report.replace_section(updated, "workers", "sweep")
    assert appended.endswith("End.\n\n<!-- bench:workers -->\nsweep\n<!-- /bench:workers -->\n")
    assert "new table" in appended


def test_results_markdown_names_the_machine_and_the_floor():
    rows = report.build_rows(PAGES[:1], {"healthz": wrk(900.0, 5.0, 20.0, {"200": 9})}, {}, {}, 900)
    results = {
        "machine": {"date": "2026-11-25 12:00 UTC", "commit": "abc1234", "nproc": 2,
                    "cpu": "Test CPU", "memory_gb": 23.5, "postgresql": "PostgreSQL 15.20",
                    "python": "3.11.2", "wrk": "wrk debian/4.1.0",
                    "load_average_at_start": [1.0, 0.5, 0.2],
                    "load_average_at_end": [2.0, 1.0, 0.5]},
        "settings": {"connections": 8, "threads": 2, "duration": 10, "workers": 2},
        "datasets": {"full": {"counts": {"activities": 200000, "projects": 1000, "news": 20000,
                                         "institutions": 5000}, "generated_seconds": 61.0}},
        "floor_rps": 900.0,
        "rows": rows,
        "seconds": 321.0,
    }  # fmt: skip

    text = report.format_results_markdown(results)

    assert "2 CPUs (Test CPU), 23.5 GB memory, PostgreSQL 15.20" in text
    assert "200,000 activities" in text
    assert "full data set in 61 s" in text
    assert "/healthz floor: 900 req/s" in text
    assert "| healthz `/healthz` | 200 | 900 |" in text


def test_rows_check_cold_pages_and_pages_under_writes_against_issue_13s_targets():
    quiet = {
        "healthz": wrk(1000.0, 5.0, 20.0, {"200": 10000}),
        "home": wrk(900.0, 2.0, 8.0, {"200": 9000}),
        "news": wrk(900.0, 2.0, 8.0, {"200": 9000}),
    }
    cold = {"home": wrk(40.0, 45.0, 90.0, {"200": 400}), "news": wrk(20.0, 60.0, 99.0, {})}
    writes = {
        "healthz": wrk(800.0, 5.0, 20.0, {"200": 8000}),
        "home": wrk(700.0, 3.0, 30.0, {"200": 7000}),
        "news": wrk(300.0, 3.0, 60.0, {"200": 3000}),
    }

    rows = {
        row["name"]: row
        for row in report.build_rows(PAGES[:3], quiet, {}, {}, 1000.0, cold=cold, writes=writes)
    }

    assert rows["home"]["cold_p50_ms"] == 45.0
    assert rows["home"]["writes_ratio"] == pytest.approx(700 / 800)
    assert rows["home"]["misses"] == []
    assert rows["news"]["misses"] == [
        "cold p50 >= 50 ms",
        "writes ratio < 0.5",
        "writes p99 >= 50 ms",
        "writes p99 > 5 × quiet",
    ]
    assert "Cold p50 ms" in report.format_markdown_table(list(rows.values()))


def test_freshness_line_says_how_many_requests_were_stale():
    assert "0 of 20 requests" in report.format_freshness(
        {"path": "/a/", "requests": 20, "stale": 0}
    )
    assert "MISSES" in report.format_freshness({"path": "/a/", "requests": 20, "stale": 9})


@pytest.mark.django_db
def test_the_report_pdf_section_times_a_real_pdf_and_leaves_the_database_as_it_was():
    from bench import django_tasks, sections
    from projects.models import Project

    result = django_tasks.report_pdf(activities=3)

    assert result["status"] == 200
    assert result["pdf"] is True
    assert result["bytes"] > 5000
    assert result["seconds"] > 0
    assert not Project.objects.filter(title="Bench report project").exists()
    result["ok"] = result["seconds"] < sections.REPORT_PDF_TARGET_SECONDS
    assert "PDF of 3 activities" in sections.format_report_pdf(result)


@pytest.mark.django_db
def test_the_bench_managers_session_has_passed_the_second_factor(monkeypatch):
    """Else every signed-in page of the bench is a redirect to the two-factor page."""
    from django.test import Client
    from django.test.client import ClientMixin

    from bench import django_tasks

    # What bench/django_tasks.py gets outside the suite: Django's own force_login.
    monkeypatch.setattr(Client, "force_login", ClientMixin.force_login)
    cookie = django_tasks.prepare()["cookie"]
    session = dict(part.split("=") for part in cookie.split("; "))["sessionid"]
    client = Client()
    client.cookies["sessionid"] = session

    response = client.get("/dashboard/")

    assert response.status_code == 200
    assert "Portfolio" in response.content.decode()
