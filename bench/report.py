"""Medians over the saved runs in bench/results/, as the Markdown tables of bench/README.md.

    .venv/bin/python -m bench.report [--last 3] [--since 2026-11-23T00:00]

Takes the `--last` result files of each kind (inbound, matching, outbound-*, soak-*) newer than
`--since`, and prints the median of each figure with the number of runs it is the median of.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def load(prefix: str, last: int, since: str) -> list[dict[str, Any]]:
    files = sorted(RESULTS.glob(f"{prefix}-2*.json"))
    data = [json.loads(f.read_text()) for f in files]
    data = [d for d in data if d["date"] >= since]
    return data[-last:]


def med(runs: list[Any], get: Callable[[Any], Any], digits: int = 1) -> str:
    values = []
    for run in runs:
        try:
            value = get(run)
        except (KeyError, TypeError, IndexError):
            continue
        if value is not None:
            values.append(float(value))
    if not values:
        return "n/a"
    m = statistics.median(values)
    text = f"{m:,.{digits}f}"
    return f"{text} ({len(values)})" if len(values) != 3 else text


def inbound(runs: list[dict[str, Any]]) -> None:
    if not runs:
        return
    print(f"\n### Inbound end to end ({len(runs)} runs; medians)\n")
    print("| figure | SQLite | PostgreSQL |")
    print("|---|---|---|")
    rows: list[tuple[str, Callable[[dict[str, Any]], Any], int]] = [
        (
            "full load: messages/s completed (first reply at the emulator)",
            lambda b: b["full"]["completed_per_s"],
            1,
        ),
        ("full load: webhooks accepted/s (200 from the app)", lambda b: b["full"]["accepted_per_s"], 1),
        ("full load: p50 webhook → first reply (ms)", lambda b: b["full"]["latency_ms"]["p50"], 0),
        ("full load: p99 webhook → first reply (ms)", lambda b: b["full"]["latency_ms"]["p99"], 0),
        ("full load: webhook response p50 / p99 (ms, wrk)", None, 0),
        ("half load: messages/s completed", lambda b: b["half"]["completed_per_s"], 1),
        ("half load: p50 webhook → first reply (ms)", lambda b: b["half"]["latency_ms"]["p50"], 0),
        ("half load: p99 webhook → first reply (ms)", lambda b: b["half"]["latency_ms"]["p99"], 0),
        (
            "app CPU per message, full load (ms)",
            lambda b: 1000 * b["full"]["cpu_seconds"]["app"] / b["full"]["completed"],
            1,
        ),
        (
            "PostgreSQL CPU per message, full load (ms)",
            lambda b: 1000 * b["full"]["cpu_seconds"]["postgresql"] / b["full"]["completed"],
            1,
        ),
        ("ratio to the bare-stack ceiling (same run)", lambda b: b["ratio_to_ceiling"], 4),
        (
            "people whose replies did not all arrive",
            lambda b: b["full"]["people_with_wrong_reply_count"] + b["half"]["people_with_wrong_reply_count"],
            0,
        ),
        (
            "other processes' CPU during full load (cores)",
            lambda b: (
                b["full"]["cpu_seconds"]["other_processes"] / b["full"]["cpu_seconds"]["window_seconds"]
            ),
            2,
        ),
    ]
    for label, get, digits in rows:
        if get is None:
            cells = []
            for backend in ("sqlite", "postgresql"):
                p50 = med(runs, lambda r, b=backend: r[b]["full"]["wrk"]["p50_ms"], 0)
                p99 = med(runs, lambda r, b=backend: r[b]["full"]["wrk"]["p99_ms"], 0)
                cells.append(f"{p50} / {p99}")
            print(f"| {label} | {cells[0]} | {cells[1]} |")
            continue
        sqlite = med(runs, lambda r, g=get: g(r["sqlite"]), digits)
        postgres = med(runs, lambda r, g=get: g(r["postgresql"]), digits)
        print(f"| {label} | {sqlite} | {postgres} |")
    print(
        f"\nCeiling, same run: bare Starlette + uvicorn, Twilio form parsed, empty TwiML: "
        f"{med(runs, lambda r: r['ceiling']['requests_per_s'], 0)} requests/s as `voordeur serve` runs "
        f"(asyncio loop); {med(runs, lambda r: r['ceiling_uvloop']['requests_per_s'], 0)} requests/s with uvloop."
    )


def matching(runs: list[dict[str, Any]]) -> None:
    if not runs:
        return
    print("\n### Matching (candidate query + ranking, one new request at a time)\n")
    print("| figure | SQLite | PostgreSQL |")
    print("|---|---|---|")
    # One file holds several runs per backend: the median is over those runs' own figures.
    latest = runs[-1]
    volunteers = latest["settings"]["volunteers"]
    for label, key, q in (
        ("query + ranking p50 (ms)", "total_ms", "p50"),
        ("query + ranking p99 (ms)", "total_ms", "p99"),
        ("query only p50 (ms)", "query_ms", "p50"),
        ("query only p99 (ms)", "query_ms", "p99"),
        ("ranking only p99 (ms)", "rank_ms", "p99"),
        ("process CPU p50 (ms; SQLite's work included, PostgreSQL's not)", "process_cpu_ms", "p50"),
        ("process CPU p99 (ms)", "process_cpu_ms", "p99"),
    ):
        cells = []
        for backend in ("sqlite", "postgresql"):
            if backend not in latest or key not in latest[backend]["runs"][0]:
                cells.append("n/a")
                continue
            cells.append(med(latest[backend]["runs"], lambda r, k=key, qq=q: r[k][qq], 2))
        print(f"| {label} | {cells[0]} | {cells[1]} |")
    print(
        f"\n{volunteers:,} volunteers; {latest['settings']['requests']} timed requests per run; "
        f"median of {latest['settings']['runs']} runs."
    )


def outbound(kind: str, runs: list[dict[str, Any]]) -> None:
    if not runs:
        return
    latest = runs[-1]
    settings = latest["settings"]
    print(f"\n### Outbound, {kind.split('-', 1)[1]} ({len(latest['runs'])} runs; medians)\n")
    print("| figure | Twilio SMS (one sender) | Telegram |")
    print("|---|---|---|")
    r = latest["runs"]
    print(
        f"| configured limit (msg/s) | {settings['twilio_mps']:g} per sender | {settings['telegram_overall']:g} overall, "
        f"{settings['telegram_per_chat']:g} per chat |"
    )
    for label, key, digits in (
        ("backlog (messages)", "accepted", 0),
        ("steady-state accepted rate (msg/s)", "steady_rate_per_s", 2),
        ("achieved / limit", "rate_over_limit", 3),
        ("429 answers in steady state", "provider_429_steady", 0),
        ("429 answers in total", "provider_429_total", 0),
        ("most accepted in one second", "max_accepted_in_one_second", 0),
        ("time to drain (s, first to last accepted)", "drain_seconds", 1),
    ):
        if key == "accepted":
            print(f"| backlog (messages) | {settings['sms']} | {settings['telegram']} |")
            print(
                f"| delivered within {settings['max_seconds']:g} s | {med(r, lambda x: x['twilio_sms']['accepted'], 0)} | "
                f"{med(r, lambda x: x['telegram']['accepted'], 0)} |"
            )
            continue
        print(
            f"| {label} | {med(r, lambda x, k=key: x['twilio_sms'][k], digits)} | "
            f"{med(r, lambda x, k=key: x['telegram'][k], digits)} |"
        )


def scheduler(runs: list[dict[str, Any]]) -> None:
    """One line per run file (backlog sizes differ): the figures of its runs' median."""
    if not runs:
        return
    print(
        "\n### Scheduler (PostgreSQL, `voordeur worker` processes, send_text events to the Telegram emulator)\n"
    )
    print(
        "| code | backlog | workers | batch / tick | window (s) | drained | events done | events/s (overall / steady) "
        "| messages/s | peak RSS per worker (MiB) | duplicates | exactly-once checks |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for result in runs:
        m = result["machine"]
        code = f"`{m.get('commit', '?')}`" + (" (+ changes)" if m.get("tracked_changes") else "")
        for r in result["runs"]:
            c = r["checks"]
            ok = c["one_outbox_row_per_done_event"] and c["events_claimed_more_than_once"] == 0
            ok = ok and c["received_for_an_event_not_done"] == 0 and c["texts_received_twice"] == 0
            s = r["settings"]
            print(
                f"| {code} | {r['backlog']['events']:,} | {s['workers']} | {s['VOORDEUR_SCHEDULER_BATCH']} / "
                f"{s['VOORDEUR_SCHEDULER_TICK']:g} s | {s['window_s']:g} | {'yes' if c['drained'] else 'no'} | "
                f"{r['events_done']:,} | {r['events_per_s_overall']} / {r.get('events_per_s_steady', 'n/a')} | "
                f"{r['messages_accepted_per_s']} | {', '.join(str(x) for x in r['worker_peak_rss_mib'])} | "
                f"{c['texts_received_twice']} | {'pass' if ok else 'FAIL'} |"
            )


def soak(kind: str, runs: list[dict[str, Any]]) -> None:
    if not runs:
        return
    print(f"\n### Soak, {kind.split('-', 1)[1]} ({len(runs)} runs; medians)\n")
    print(
        "| messages | messages/s (in-process) | CPU ms/message | RSS first quarter (MiB) | RSS last quarter (MiB) | growth |"
    )
    print("|---|---|---|---|---|---|")
    print(
        f"| {med(runs, lambda r: r['messages'], 0)} | {med(runs, lambda r: r['messages_per_s'], 1)} | "
        f"{med(runs, lambda r: r.get('cpu_ms_per_message'), 1)} | {med(runs, lambda r: r['rss_first_quarter_mib'], 1)} | "
        f"{med(runs, lambda r: r['rss_last_quarter_mib'], 1)} | {med(runs, lambda r: r['rss_growth_pct'], 2)} % |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--last", type=int, default=3)
    parser.add_argument("--since", default="2000")
    args = parser.parse_args()
    inbound(load("inbound", args.last, args.since))
    matching(load("matching", 1, args.since))
    for backend in ("sqlite", "postgresql"):
        outbound(f"outbound-{backend}", load(f"outbound-{backend}", 1, args.since))
        outbound(f"outbound-{backend}-unpaced", load(f"outbound-{backend}-unpaced", 1, args.since))
    # Every scheduler run file, oldest first (backlog sizes and settings differ from file to file).
    scheduler(sorted(load("scheduler-*", 100, args.since), key=lambda r: str(r["date"])))
    for backend in ("sqlite", "postgresql"):
        soak(f"soak-{backend}", load(f"soak-{backend}", args.last, args.since))
    sample = None
    for prefix in ("inbound", "matching", "soak-sqlite"):
        found = load(prefix, 1, args.since)
        if found:
            sample = found[-1]
            break
    if sample:
        m = sample["machine"]
        print(
            f"\nMachine: {m['cores']} cores, {m['cpu']}; versions: "
            + ", ".join(f"{k} {v}" for k, v in m["versions"].items())
        )


if __name__ == "__main__":
    main()
