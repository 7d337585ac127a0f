"""Turn wrk's output into numbers, check them against the targets of issue 7, and print them.

Pure functions, no Django and no I/O, so tests can feed them a fixed wrk output sample.
"""

import json
import re

UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
UNIT_S = {"us": 0.000_001, "ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}

TARGETS = {
    "visitor_ratio": 0.5,
    "signed_in_ratio": 0.05,
    "signed_in_p99_ms": 150.0,
    "dashboard_p99_ms": 250.0,
    "growth": 1.5,
    "queries": 12,
    "export_seconds": 15.0,
    "export_rss_mb": 150.0,
    # Issue 13: the page cache off (cold), and one activity saved per second (writes).
    "cold_html_p50_ms": 50.0,
    "cold_search_p50_ms": 100.0,
    "cold_xml_p50_ms": 200.0,
    "writes_ratio": 0.5,
    "writes_p99_ms": 50.0,
    "writes_p99_factor": 5.0,
}


def cold_limit(row):
    if row["name"] == "search":
        return TARGETS["cold_search_p50_ms"]
    if row["path"].endswith((".xml", ".ics")) or "/api/" in row["path"]:
        return TARGETS["cold_xml_p50_ms"]
    return TARGETS["cold_html_p50_ms"]


def _ms(value, unit):
    return float(value) * UNIT_MS[unit]


def parse_wrk(text):
    """Numbers from `wrk --latency` output (and from bench/stats.lua's BENCH line when present).

    Returns requests, seconds, rps, latency mean/max and p50/p75/p90/p99 in milliseconds,
    non_2xx (wrk counts non-2xx-or-3xx responses; stats.lua counts every status), socket errors
    and statuses ({"200": n}). Raises ValueError when the text is not wrk output.
    """
    result = {"non_2xx": 0, "errors": {}, "statuses": {}, "latency_ms": {}}
    match = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if not match:
        raise ValueError("not wrk output: no Requests/sec line")
    result["rps"] = float(match.group(1))
    match = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m|h),", text)
    if match:
        result["requests"] = int(match.group(1))
        result["seconds"] = float(match.group(2)) * UNIT_S[match.group(3)]
    match = re.search(
        r"Latency\s+([\d.]+)(us|ms|s|m|h)\s+([\d.]+)(us|ms|s|m|h)\s+([\d.]+)(us|ms|s|m|h)", text
    )
    if match:
        result["latency_ms"]["mean"] = _ms(match.group(1), match.group(2))
        result["latency_ms"]["max"] = _ms(match.group(5), match.group(6))
    for percent, value, unit in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s|m|h)\s*$", text, re.M):
        result["latency_ms"][f"p{percent}"] = _ms(value, unit)
    match = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    if match:
        result["non_2xx"] = int(match.group(1))
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if match:
        result["errors"] = dict(
            zip(["connect", "read", "write", "timeout"], map(int, match.groups()), strict=True)
        )
    match = re.search(r"^BENCH (\{.*\})\s*$", text, re.M)
    if match:
        extra = json.loads(match.group(1))
        result["statuses"] = extra["statuses"]
        # The script sees every status: redirects count as "not 2xx" here, unlike in wrk's line.
        result["non_2xx"] = sum(n for status, n in extra["statuses"].items() if status[0] != "2")
        latency = extra["latency_us"]
        for key in ("p50", "p90", "p99"):
            result["latency_ms"].setdefault(key, latency[key] / 1000)
    return result


def main_status(statuses):
    """The most frequent status code, e.g. 200 (or None when nothing answered)."""
    if not statuses:
        return None
    return int(max(statuses.items(), key=lambda item: item[1])[0])


def verdict(row):
    """The targets a page misses, as short phrases; an empty list when it meets every one."""
    misses = []
    status = row.get("status")
    if status is None or not 200 <= status < 300:
        misses.append(f"status {status}")
    if row.get("non_2xx"):
        misses.append(f"{row['non_2xx']} non-2xx")
    if row.get("queries") is not None and row["queries"] > TARGETS["queries"]:
        misses.append(f"queries > {TARGETS['queries']}")
    ratio, p99 = row.get("ratio"), row.get("p99_ms")
    if row["group"] == "visitor" and ratio is not None and ratio < TARGETS["visitor_ratio"]:
        misses.append(f"ratio < {TARGETS['visitor_ratio']}")
    if row["group"] in {"signed_in", "dashboard"}:
        limit = TARGETS["dashboard_p99_ms" if row["group"] == "dashboard" else "signed_in_p99_ms"]
        if ratio is not None and ratio < TARGETS["signed_in_ratio"]:
            misses.append(f"ratio < {TARGETS['signed_in_ratio']}")
        if p99 is not None and p99 >= limit:
            misses.append(f"p99 >= {limit:g} ms")
    if row.get("growth") is not None and row["growth"] > TARGETS["growth"]:
        misses.append(f"growth > {TARGETS['growth']}")
    if row["group"] == "visitor":
        misses += cache_misses(row)
    return misses


def cache_misses(row):
    """Issue 13's targets: cold p50, and under writes throughput and a flat p99."""
    misses = []
    if row.get("cold_p50_ms") is not None and row["cold_p50_ms"] >= cold_limit(row):
        misses.append(f"cold p50 >= {cold_limit(row):g} ms")
    ratio, p99 = row.get("writes_ratio"), row.get("writes_p99_ms")
    if ratio is not None and ratio < TARGETS["writes_ratio"]:
        misses.append(f"writes ratio < {TARGETS['writes_ratio']}")
    if p99 is not None and p99 >= TARGETS["writes_p99_ms"]:
        misses.append(f"writes p99 >= {TARGETS['writes_p99_ms']:g} ms")
    quiet = row.get("p99_ms")
    if p99 is not None and quiet and p99 > TARGETS["writes_p99_factor"] * quiet:
        misses.append(f"writes p99 > {TARGETS['writes_p99_factor']:g} × quiet")
    return misses


def export_verdict(export):
    misses = []
    if export.get("status") != 200:
        misses.append(f"status {export.get('status')}")
    if export.get("seconds") is not None and export["seconds"] >= TARGETS["export_seconds"]:
        misses.append(f"time >= {TARGETS['export_seconds']:g} s")
    if export.get("peak_rss_mb") is not None and export["peak_rss_mb"] >= TARGETS["export_rss_mb"]:
        misses.append(f"peak RSS >= {TARGETS['export_rss_mb']:g} MB")
    return misses


def build_rows(pages, full, small, queries, floor_rps, cold=None, writes=None):
    """One row per page: its full-size numbers, its ratio to /healthz, its growth from small,
    and (when measured) its cold p50 and its numbers under one save per second."""
    rows = []
    cold, writes = cold or {}, writes or {}
    writes_floor = writes.get("healthz", {}).get("rps")
    for page in pages:
        name = page["name"]
        measured = full.get(name, {})
        under_writes = writes.get(name, {})
        p50 = measured.get("latency_ms", {}).get("p50")
        small_p50 = small.get(name, {}).get("latency_ms", {}).get("p50")
        row = {
            "name": name,
            "path": page["path"],
            "group": page["group"],
            "status": main_status(measured.get("statuses")) or measured.get("probe_status"),
            "rps": measured.get("rps"),
            "p50_ms": p50,
            "p99_ms": measured.get("latency_ms", {}).get("p99"),
            "non_2xx": measured.get("non_2xx"),
            "queries": queries.get(name, {}).get("queries"),
            "ratio": measured["rps"] / floor_rps if floor_rps and "rps" in measured else None,
            "small_p50_ms": small_p50,
            "growth": p50 / small_p50 if p50 and small_p50 else None,
            "cold_p50_ms": cold.get(name, {}).get("latency_ms", {}).get("p50"),
            "writes_p99_ms": under_writes.get("latency_ms", {}).get("p99"),
            "writes_ratio": under_writes["rps"] / writes_floor
            if writes_floor and "rps" in under_writes
            else None,
        }
        row["misses"] = verdict(row)
        rows.append(row)
    return rows


def _fmt(value, spec):
    return "–" if value is None else format(value, spec)


COLUMNS = [
    ("Page", "name", "s"),
    ("Status", "status", "d"),
    ("Req/s", "rps", ".0f"),
    ("p50 ms", "p50_ms", ".1f"),
    ("p99 ms", "p99_ms", ".1f"),
    ("Non-2xx", "non_2xx", ",d"),
    ("Queries", "queries", "d"),
    ("× healthz", "ratio", ".2f"),
    ("p50 ms (small)", "small_p50_ms", ".1f"),
    ("Growth", "growth", ".2f"),
    ("Cold p50 ms", "cold_p50_ms", ".1f"),
    ("Writes p99 ms", "writes_p99_ms", ".1f"),
    ("Writes × healthz", "writes_ratio", ".2f"),
]


def table_cells(row):
    cells = [_fmt(row.get(key), spec) for _, key, spec in COLUMNS]
    cells.append("meets targets" if not row["misses"] else "MISSES: " + ", ".join(row["misses"]))
    return cells


def format_text_table(rows):
    """A fixed-width table for the terminal."""
    headers = [title for title, _, _ in COLUMNS] + ["Verdict"]
    body = [table_cells(row) for row in rows]
    widths = [max(len(line[i]) for line in [headers, *body]) for i in range(len(headers))]
    lines = []
    for line in [headers, ["-" * w for w in widths], *body]:
        lines.append(
            "  ".join(
                cell.ljust(width) if i in (0, len(line) - 1) else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(line, widths, strict=True))
            ).rstrip()
        )
    return "\n".join(lines)


def format_markdown_table(rows):
    headers = [title for title, _, _ in COLUMNS] + ["Verdict"]
    lines = [
        "| " + " | ".join(headers) + " |",
        "| " + " | ".join(["---"] + ["---:"] * (len(headers) - 2) + ["---"]) + " |",
    ]
    for row in rows:
        cells = table_cells(row)
        cells[0] = f"{cells[0]} `{row['path']}`"
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def format_export(export):
    misses = export_verdict(export)
    return (
        f"CSV export `{export.get('path')}`: status {export.get('status')}, "
        f"{_fmt(export.get('rows'), ',d')} rows, {_fmt(export.get('mb'), '.1f')} MB in "
        f"{_fmt(export.get('seconds'), '.1f')} s, gunicorn worker peak RSS "
        f"{_fmt(export.get('peak_rss_mb'), '.0f')} MB "
        f"(before: {_fmt(export.get('rss_before_mb'), '.0f')} MB), queries "
        f"{_fmt(export.get('queries'), 'd')} — "
        + ("meets targets" if not misses else "MISSES: " + ", ".join(misses))
    )


def format_freshness(freshness):
    stale = freshness.get("stale")
    return (
        f"Two gunicorn workers without Redis (database cache), `{freshness.get('path')}`: "
        f"{_fmt(stale, 'd')} of {freshness.get('requests')} requests right after a save showed "
        "the old title — " + ("meets targets" if stale == 0 else "MISSES: stale pages")
    )


def format_sweep(sweep):
    """Markdown table of the gunicorn worker-count comparison."""
    lines = [
        "| Workers | Page | Req/s | p50 ms | p99 ms | Non-2xx |",
        "| ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for entry in sweep:
        latency = entry.get("latency_ms", {})
        lines.append(
            f"| {entry['workers']} | `{entry['path']}` | {_fmt(entry.get('rps'), '.0f')} | "
            f"{_fmt(latency.get('p50'), '.1f')} | {_fmt(latency.get('p99'), '.1f')} | "
            f"{_fmt(entry.get('non_2xx'), ',d')} |"
        )
    return "\n".join(lines)


def format_results_markdown(results):
    """The results section of docs/benchmarks.md: the machine, the settings, the table."""
    m, s = results["machine"], results["settings"]
    full = results["datasets"]["full"]
    small = results["datasets"].get("small")
    lines = [
        f"Run of {m['date']} at commit `{m['commit']}`, {results['seconds']:.0f} s in all.",
        "",
        f"- Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory_gb']} GB memory, "
        f"{m['postgresql']}, Python {m['python']}, {m['wrk']}; load average (1, 5, 15 min) "
        f"{', '.join(map(str, m['load_average_at_start']))} at start and "
        f"{', '.join(map(str, m['load_average_at_end']))} at the end (the machine is shared).",
        f"- Load: wrk, {s['connections']} connections, {s['threads']} threads, "
        f"{s['duration']} s per page; gunicorn config.wsgi with {s['workers']} sync workers, "
        "DEBUG off, cache and sessions in Redis.",
        f"- Data: {full['counts']['activities']:,} activities, {full['counts']['projects']:,} "
        f"projects, {full['counts']['news']:,} news, {full['counts']['institutions']:,} "
        "institutions"
        + (
            f"; growth is measured against {small['counts']['activities']:,} activities."
            if small
            else "."
        ),
        *(
            f"- Generated in this run: {label} data set in {d['generated_seconds']:.0f} s."
            for label, d in results["datasets"].items()
            if d.get("generated_seconds")
        ),
        f"- /healthz floor: {results['floor_rps']:.0f} req/s (mean of the runs before and after "
        "the pages).",
        "",
        format_markdown_table(results["rows"]),
        "",
    ]
    if results.get("cold"):
        lines.append(
            "- Cold p50: the same pages with the page cache off (`PAGE_CACHE=0`), what a "
            "visitor meets after a save. Writes: the pages again, cache on, while "
            "`bench/django_tasks.py writer` saves one activity per second (a different "
            "project's each time); × healthz against /healthz in that run."
        )
    if results.get("freshness"):
        lines.append("- " + format_freshness(results["freshness"]))
    if full.get("export"):
        lines.append("- " + format_export(full["export"]))
    if small and small.get("export"):
        lines.append("- At the small size: " + format_export(small["export"]))
    return "\n".join(lines)


def replace_section(document, name, content):
    """Replace the text between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` (or append it)."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{start}\n{content.strip()}\n{end}"
    if start in document and end in document:
        before, rest = document.split(start, 1)
        return before + block + rest.split(end, 1)[1]
    return document.rstrip() + "\n\n" + block + "\n"
