"""Ingest alone: `voordeur serve` with VOORDEUR_INGEST_ONLY (verify, parse, store, answer 200; no engine,
scheduler or sender in the process), driven by wrk with the inbound bench's script and requests.

    python -m bench.ingest [--backends sqlite,postgresql] [--seconds 15] [--connections 32] [--rate 2000]
                           [--runs 1] [--base DIR] [--profile]

Per backend (and, with `--base DIR`, alternately for the code exported in DIR and this checkout: A B A B):
a fresh database (SQLite file, or database `voordeur_ingest` on 127.0.0.1:5432) and the app as a child
process (`python -m bot.cli serve`, PYTHONPATH = the code's root, clean environment); then
1. warm-up (5 s, 8 connections, not measured);
2. full load: wrk closed loop, C connections, S seconds (bench/conversation.lua walking the people of
   bench/conversations.py: signed SMS and WhatsApp forms and Telegram updates, a third each);
3. fixed rate: fresh people, each connection waiting C/rate seconds before each request (wrk `delay()`),
   so the load is about `--rate` webhooks/s while the app keeps up;
4. duplicates: the requests phase 2 stored, sent again (a few seconds): each answers 200, none is stored.
Figures per phase: webhooks answered 200 per second (wrk's count over wrk's duration), wrk's p50/p99 of
the answer, app CPU per 200'd webhook, PostgreSQL server CPU per 200'd webhook (whole server: see
bench/README.md), CPU of other processes meanwhile. Checks per phase: no answer other than 200; every
stored provider id was sent, once (the unique key), and the rows stored are at least the 200s wrk
counted and at most that plus the connections (requests in flight when wrk stopped, which wrk does not
count); the duplicates phase adds no row.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import conversations
from bench.common import (
    BENCH,
    PYTHON,
    REPO,
    Child,
    children,
    clean_env,
    cpu_seconds,
    free_port,
    fresh_postgres,
    other_databases_cpu,
    postgres_backend_cpu,
    postgres_cpu_seconds,
    postgres_setting,
    rss_mib,
    save,
    total_cpu_seconds,
    wait_quiet,
)
from bench.inbound import WRK_THREADS, read_send_logs, run_wrk

DATABASE = "voordeur_ingest"
WARMUP_SECONDS = 5
DUPLICATE_SECONDS = 5


def stored_keys(database_url: str) -> dict[str, int]:
    """Every stored inbound message's key as the wrk send log names it (`tg<update_id>` or the SID), with
    how many rows carry it."""
    from sqlalchemy import create_engine, text

    from storage.db import sync_url

    engine = create_engine(sync_url(database_url))
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT channel, provider_id, count(*) FROM inbound_messages "
                    "WHERE channel <> 'internal' GROUP BY tenant, channel, provider_id"
                )
            )
            return {(f"tg{pid}" if channel == "telegram" else pid): int(n) for channel, pid, n in rows}
    finally:
        engine.dispose()


def phase(
    name: str,
    database_url: str,
    app: Child,
    app_url: str,
    requests_file: Path,
    work: Path,
    seconds: int,
    connections: int,
    delay_ms: int,
    before: dict[str, int],
    profile: Path | None = None,
    rate: int = 0,
) -> tuple[dict[str, Any], dict[str, int]]:
    sendlog = work / f"{name}.sendlog"
    env = {
        "BENCH_REQUESTS": str(requests_file),
        "BENCH_SENDLOG": str(sendlog),
        "BENCH_THREADS": str(WRK_THREADS),
        "BENCH_ACTIVE": "256",
        "BENCH_DELAY_MS": str(delay_ms),
        "BENCH_RATE": str(rate),
    }
    quiet = wait_quiet()
    spy = None
    if profile is not None:
        spy = subprocess.Popen(
            [
                str(Path(PYTHON).with_name("py-spy")),
                "record",
                "--pid",
                str(app.pid),
                "--duration",
                str(seconds),
                "--rate",
                "100",
                "--format",
                "raw",
                "--nonblocking",
                "--output",
                str(profile),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    load0 = Path("/proc/loadavg").read_text().split()[0]
    app0, pg0, all0 = cpu_seconds(app.pid), postgres_cpu_seconds(), total_cpu_seconds()
    backends0 = postgres_backend_cpu()
    wrk = run_wrk(app_url, seconds, connections, env, BENCH / "conversation.lua", work, f"{name}")
    app_cpu = cpu_seconds(app.pid) - app0
    pg_cpu = postgres_cpu_seconds() - pg0
    machine = total_cpu_seconds() - all0
    other_dbs = other_databases_cpu(backends0, postgres_backend_cpu(), DATABASE)
    load1 = Path("/proc/loadavg").read_text().split()[0]
    if spy is not None:
        spy.wait(60)
    time.sleep(0.5)
    after = stored_keys(database_url)
    sent = set(read_send_logs(sendlog))
    new = {k: n for k, n in after.items() if k not in before}
    requests = int(wrk.get("requests", 0))
    non200 = max(int(wrk.get("non200", 0)), int(wrk.get("errors_status", 0)))
    answered = requests - non200
    wrk_seconds = wrk.get("duration_us", 1) / 1e6
    uses_postgres = database_url.startswith("postgresql")
    result = {
        "webhooks_200": answered,
        "webhooks_per_s": round(answered / wrk_seconds, 1),
        "p50_ms": wrk.get("p50_ms"),
        "p99_ms": wrk.get("p99_ms"),
        "app_cpu_ms_per_webhook": round(1000 * app_cpu / max(answered, 1), 3),
        "postgres_cpu_ms_per_webhook": round(1000 * pg_cpu / max(answered, 1), 3) if uses_postgres else None,
        "cpu_seconds": {
            "app": round(app_cpu, 2),
            "postgresql_server": round(pg_cpu, 2),
            "postgresql_other_databases_at_least": other_dbs,
            "wrk": wrk["wrk_cpu_seconds"],
            "machine_total": round(machine, 2),
            "other_processes": round(machine - app_cpu - pg_cpu - wrk["wrk_cpu_seconds"], 2),
        },
        "loadavg_before_after": [load0, load1],
        "quiet_before": quiet,
        "delay_ms": delay_ms,
        "rate_asked_per_s": rate or None,
        "checks": {
            "non200": non200,
            "wrk_errors": {k: wrk.get(k) for k in wrk if k.startswith("errors_")},
            "stored_new": len(new),
            "stored_not_sent": sum(1 for k in new if k not in sent),
            "stored_twice": sum(1 for n in after.values() if n > 1),
            # wrk counts answers it read; a request in flight when -d ran out may be stored uncounted.
            "stored_minus_200": len(new) - answered,
        },
        "wrk": wrk,
    }
    checks = result["checks"]
    checks["ok"] = (
        non200 == 0
        and checks["stored_not_sent"] == 0
        and checks["stored_twice"] == 0
        and (0 <= checks["stored_minus_200"] <= connections if name != "duplicates" else len(new) == 0)
    )
    return result, after


def backend_run(backend: str, root: Path, args: argparse.Namespace, work: Path, run: int) -> dict[str, Any]:
    database_url = f"sqlite:///{work}/ingest-{run}.db" if backend == "sqlite" else fresh_postgres(DATABASE)
    with children() as running:
        port = free_port()
        app_url = f"http://127.0.0.1:{port}"
        env = clean_env(
            PYTHONPATH=str(root),
            DATABASE_URL=database_url,
            # Nothing is sent (no sender runs here): the providers' APIs at addresses nobody listens on.
            **conversations.channel_settings(
                app_url, f"http://127.0.0.1:{free_port()}", f"http://127.0.0.1:{free_port()}"
            ),
            VOORDEUR_LOG_FORMAT="json",
            VOORDEUR_SQLITE_SYNCHRONOUS=args.sqlite_synchronous,
            VOORDEUR_INGEST_ONLY="true",
            PTB_TIMEDELTA="true",
        )
        app = Child(
            f"{backend}-{root.name}-{run}-app",
            [PYTHON, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            work,
            env=env,
            cwd=work,
        )
        running.append(app)
        app.wait_http(app_url + "/healthz", timeout=90)
        base = run * 10 + (1 if root != REPO else 0) * 5
        # Each person sends the twelve messages of the conversation; enough people that wrk never runs dry.
        per_phase = max(600, (args.seconds + 5) * args.max_rate // len(conversations.CONVERSATION))
        files = {}
        for name, seconds, number in (
            ("warmup", WARMUP_SECONDS, 1),
            ("full", args.seconds, 2),
            ("rate", args.seconds, 3),
        ):
            people = max(300, per_phase * seconds // max(args.seconds, 1))
            files[name] = work / f"{name}.requests"
            conversations.build(files[name], people, run=base + number, public_base_url=app_url)
        stored: dict[str, int] = {}
        _warm, stored = phase(
            "warmup", database_url, app, app_url, files["warmup"], work, WARMUP_SECONDS, 8, 0, stored
        )
        result: dict[str, Any] = {"root": str(root)}
        profile = work / f"profile-{backend}-{root.name}-{run}.txt" if args.profile else None
        result["full"], stored = phase(
            "full",
            database_url,
            app,
            app_url,
            files["full"],
            work,
            args.seconds,
            args.connections,
            0,
            stored,
            profile,
        )
        # On a fixed schedule of --rate requests a second (bench/conversation.lua BENCH_RATE): the
        # wait between requests no longer adds the latency, which held this phase at about two thirds
        # of the rate asked for (1,327/s for 2,000). More connections than under full load, so that
        # one is free when a request is due (32 answering in 20 ms carry at most 1,600 a second).
        result["rate"], stored = phase(
            "rate",
            database_url,
            app,
            app_url,
            files["rate"],
            work,
            args.seconds,
            args.rate_connections,
            0,
            stored,
            rate=args.rate,
        )
        # Only what the full phase stored goes again: every request of this file is a duplicate.
        stored_then = set(stored)
        files["duplicates"] = work / "duplicates.requests"
        with (
            files["full"].open(encoding="utf-8") as source,
            files["duplicates"].open("w", encoding="utf-8") as out,
        ):
            out.writelines(line for line in source if line.split("\t", 2)[1] in stored_then)
        result["duplicates"], stored = phase(
            "duplicates",
            database_url,
            app,
            app_url,
            files["duplicates"],
            work,
            DUPLICATE_SECONDS,
            args.connections,
            0,
            stored,
        )
        result["app_rss_mib_end"] = round(rss_mib(app.pid), 1)
        if profile is not None:
            result["profile"] = str(profile)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rate", type=int, default=2000, help="webhooks/s of the fixed-rate phase")
    parser.add_argument(
        "--rate-connections",
        type=int,
        default=128,
        help="connections of the fixed-rate phase: enough that one is free when a request is due",
    )
    parser.add_argument("--max-rate", type=int, default=4000, help="sizes the request files (people)")
    parser.add_argument("--sqlite-synchronous", default="FULL")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--base", type=Path, help="alternate each run with the code exported here (A B)")
    parser.add_argument("--profile", action="store_true", help="py-spy the app during full load")
    args = parser.parse_args()
    roots = ([args.base.resolve()] if args.base else []) + [REPO]
    work = Path(tempfile.mkdtemp(prefix="voordeur-ingest-"))
    result: dict[str, Any] = {
        "settings": {
            "seconds": args.seconds,
            "connections": args.connections,
            "rate": args.rate,
            "wrk_threads": WRK_THREADS,
            "sqlite_synchronous": args.sqlite_synchronous,
            "postgresql_synchronous_commit": postgres_setting("synchronous_commit"),
            "postgresql_fsync": postgres_setting("fsync"),
            "roots": [str(r) for r in roots],
        },
        "work_dir": str(work),
        "runs": [],
    }
    for run in range(1, args.runs + 1):
        for backend in args.backends.split(","):
            for root in roots:
                one = backend_run(backend, root, args, work, run)
                one.update(backend=backend, run=run)
                result["runs"].append(one)
                summary = {
                    p: {
                        k: one[p][k]
                        for k in (
                            "webhooks_per_s",
                            "p50_ms",
                            "p99_ms",
                            "app_cpu_ms_per_webhook",
                            "postgres_cpu_ms_per_webhook",
                        )
                    }
                    | {"ok": one[p]["checks"]["ok"]}
                    for p in ("full", "rate", "duplicates")
                }
                print(backend, root.name, run, json.dumps(summary), flush=True)
    path = save("ingest", result)
    print("saved", path, flush=True)
    for item in work.iterdir():
        if item.suffix in (".db", ".db-wal", ".db-shm", ".requests") or ".sendlog" in item.name:
            item.unlink()


if __name__ == "__main__":
    main()
