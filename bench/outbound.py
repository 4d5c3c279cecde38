"""Outbound: the outbox sender against providers that enforce their rate limits.

    .venv/bin/python -m bench.outbound [--backend sqlite|postgresql] [--sms 600] [--telegram 1200]

A backlog is written straight into the outbox (replies waiting to go out, as after a burst), then
`voordeur worker` (a subprocess, the real sender) drains it against the emulators in rate-limited mode
(bench/emulators.py): Twilio answers 429 / 20429 above `--twilio-mps` per sender (10 for a Dutch
number), Telegram answers 429 "retry after N" above `--telegram-overall` per second overall (30) or
above 1 per second per chat. Most Telegram chats get one message; every tenth chat gets five in a row,
to exercise the per-chat limit.

With `--unlimited` the emulators enforce no limits and the worker's pacing is off: the sender runs as
fast as it can, and the figures that matter are its **CPU per sent message** (the worker process, and
PostgreSQL's whole server, `bench.common.postgres_cpu_seconds`) and sends/s, both taken between the
moments 10 % and 90 % of the backlog had reached the emulators (start-up and the tail left out).
`--profile` runs the worker under cProfile (written when it stops) into the run's directory.

Figures, per provider, in steady state (from the first accepted send + 2 s to the moment 90% of the
backlog was accepted): accepted messages/s, that rate / the configured limit, and the number of 429
answers; plus totals and the time to drain everything. Bounded: the worker is stopped after
`--max-seconds` whatever happened.
"""

from __future__ import annotations

import argparse
import collections
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, insert

from bench import conversations
from bench.common import (
    BENCH,
    PYTHON,
    VOORDEUR,
    Child,
    children,
    clean_env,
    cpu_seconds,
    free_port,
    fresh_postgres,
    other_databases_cpu,
    postgres_backend_cpu,
    postgres_cpu_seconds,
    save,
    total_cpu_seconds,
    wait_quiet,
)
from storage import migrate
from storage.db import sync_url
from storage.models import Conversation, Identity, OutboxMessage, Person

DATABASE = "voordeur_bench_outbound"


def fill(database_url: str, sms: int, telegram: int) -> dict[str, int]:
    now = datetime.now(UTC)
    engine = create_engine(sync_url(database_url))
    people, identities, conversations_rows, rows = [], [], [], []
    targets: list[tuple[str, str, int]] = []  # (channel, address, messages)
    for i in range(sms):
        targets.append(("sms", f"+3165{i:07d}", 1))
    chats = 0
    left = telegram
    while left > 0:
        n = 5 if chats % 10 == 0 else 1
        n = min(n, left)
        targets.append(("telegram", str(8_000_000_000 + chats), n))
        chats += 1
        left -= n
    for pid, (channel, address, n) in enumerate(targets, start=1):
        people.append({"id": pid, "created_at": now, "language": "nl", "last_active_at": now})
        identities.append(
            {"id": pid, "person_id": pid, "channel": channel, "address": address, "created_at": now}
        )
        conversations_rows.append({"person_id": pid, "state": {}, "updated_at": now})
        for k in range(n):
            rows.append(
                {
                    "person_id": pid,
                    "identity_id": pid,
                    "channel": channel,
                    "text_key": "menu",
                    "body": f"Bericht {k + 1} van de benchmark. Wat wil je doen?",
                    "choices": [["ask", "Hulp vragen"], ["offer", "Hulp bieden"]],
                    "scheduled": False,
                    "allow_when_stopped": False,
                    "status": "pending",
                    "attempts": 0,
                    "created_at": now,
                    "next_attempt_at": now,
                    "needs_reconcile": False,
                }
            )
    with engine.begin() as connection:
        for table, data in (
            (Person.__table__, people),
            (Identity.__table__, identities),
            (Conversation.__table__, conversations_rows),
            (OutboxMessage.__table__, rows),
        ):
            for start in range(0, len(data), 5000):
                connection.execute(insert(table), data[start : start + 5000])
        if engine.dialect.name == "postgresql":
            from sqlalchemy import text

            connection.execute(text("SELECT setval('people_id_seq', (SELECT max(id) FROM people))"))
            connection.execute(text("SELECT setval('identities_id_seq', (SELECT max(id) FROM identities))"))
    engine.dispose()
    return {"sms_rows": sms, "telegram_rows": telegram, "telegram_chats": chats}


def journal(url: str) -> list[list[Any]]:
    with httpx.Client(timeout=30.0) as client:
        return client.get(url + "/__bench/journal").json()["rows"]


def steady(rows: list[list[Any]], total: int, limit: float) -> dict[str, Any]:
    """Accepted rate and 429s between first accept + 2 s and the moment 90% of `total` was accepted."""
    accepted = sorted(
        at
        for endpoint, _to, status, at in rows
        if status < 300 and endpoint in ("Messages.create", "sendMessage")
    )
    refused = sorted(at for _e, _to, status, at in rows if status == 429)
    if len(accepted) < 10:
        return {"accepted": len(accepted), "provider_429_total": len(refused)}
    start = accepted[0] + 2.0
    end = accepted[min(len(accepted) - 1, int(0.9 * total) - 1)]
    in_window = [a for a in accepted if start <= a <= end]
    refused_in_window = [r for r in refused if start <= r <= end]
    rate = len(in_window) / (end - start) if end > start else float("nan")
    per_second = collections.Counter(int(a - accepted[0]) for a in accepted)
    return {
        "accepted": len(accepted),
        "provider_429_total": len(refused),
        "steady_window_s": round(end - start, 1),
        "steady_rate_per_s": round(rate, 2),
        "limit_per_s": limit,
        "rate_over_limit": round(rate / limit, 3) if limit else None,
        "provider_429_steady": len(refused_in_window),
        "max_accepted_in_one_second": max(per_second.values()),
        "drain_seconds": round(accepted[-1] - accepted[0], 1),
    }


def request_count(url: str, client: httpx.Client) -> int:
    return int(client.get(url + "/__bench/journal", params={"count": 1}).json()["next"])


def postgres_commits(database: str) -> int:
    """Transactions committed in `database` so far (pg_stat_database; flushed by the server within ~1 s)."""
    import psycopg

    from bench.common import POSTGRES_ADMIN

    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as connection:
        row = connection.execute(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = %s", (database,)
        ).fetchone()
    return int(row[0]) if row else 0


def cpu_window(samples: list[dict[str, float]], total: int) -> dict[str, Any]:
    """CPU per request between the samples where 10 % and 90 % of `total` requests had arrived."""
    first = next((s for s in samples if s["requests"] >= 0.1 * total), None)
    last = next((s for s in samples if s["requests"] >= 0.9 * total), None)
    if first is None or last is None or last["requests"] <= first["requests"]:
        return {"samples": len(samples)}
    requests = last["requests"] - first["requests"]
    seconds = last["at"] - first["at"]
    figures: dict[str, Any] = {"requests": int(requests), "window_s": round(seconds, 2)}
    figures["requests_per_s"] = round(requests / seconds, 1)
    for part in ("worker", "postgresql", "emulators", "machine"):
        used = last[part] - first[part]
        figures[f"{part}_cpu_s"] = round(used, 2)
        figures[f"{part}_cpu_ms_per_message"] = round(1000 * used / requests, 3)
    figures["machine_busy_cores"] = round((last["machine"] - first["machine"]) / seconds, 2)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgresql"])
    parser.add_argument("--sms", type=int, default=600)
    parser.add_argument("--telegram", type=int, default=1200)
    parser.add_argument("--twilio-mps", type=float, default=10.0)
    parser.add_argument("--telegram-overall", type=float, default=30.0)
    parser.add_argument("--telegram-per-chat", type=float, default=1.0)
    parser.add_argument("--max-seconds", type=float, default=240.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-pacing", action="store_true", help="pacing off (as before send_pacing)")
    parser.add_argument(
        "--unlimited", action="store_true", help="no provider limits, pacing off: CPU per sent message"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the worker (profile.prof)")
    args = parser.parse_args()
    if args.unlimited:
        args.no_pacing = True
        args.twilio_mps = args.telegram_overall = args.telegram_per_chat = 0.0
    results = []
    for run in range(1, args.runs + 1):
        work = Path(tempfile.mkdtemp(prefix="voordeur-bench-outbound-"))
        url = f"sqlite:///{work}/outbound.db" if args.backend == "sqlite" else fresh_postgres(DATABASE)
        migrate.upgrade(url)
        filled = fill(url, args.sms, args.telegram)
        quiet = wait_quiet()
        with children() as running:
            twilio_port, telegram_port = free_port(), free_port()
            twilio_url = f"http://127.0.0.1:{twilio_port}"
            telegram_url = f"http://127.0.0.1:{telegram_port}"
            limit = str(args.max_seconds + 60)
            running.append(
                Child(
                    "twilio",
                    [
                        PYTHON,
                        str(BENCH / "emulators.py"),
                        "twilio",
                        "--port",
                        str(twilio_port),
                        "--sender-mps",
                        str(args.twilio_mps),
                        "--max-seconds",
                        limit,
                    ],
                    work,
                )
            )
            running.append(
                Child(
                    "telegram",
                    [
                        PYTHON,
                        str(BENCH / "emulators.py"),
                        "telegram",
                        "--port",
                        str(telegram_port),
                        "--global-per-second",
                        str(args.telegram_overall),
                        "--chat-per-second",
                        str(args.telegram_per_chat),
                        "--max-seconds",
                        limit,
                    ],
                    work,
                )
            )
            running[0].wait_http(twilio_url + "/__bench/journal")
            running[1].wait_http(telegram_url + "/__bench/journal")
            env = clean_env(
                DATABASE_URL=url,
                PUBLIC_BASE_URL="http://127.0.0.1:9",  # status callbacks are never posted by the emulator
                TELEGRAM_BOT_TOKEN=conversations.TELEGRAM_TOKEN,
                TELEGRAM_WEBHOOK_SECRET=conversations.TELEGRAM_SECRET,
                TELEGRAM_API_BASE_URL=f"{telegram_url}/bot",
                TWILIO_ACCOUNT_SID=conversations.ACCOUNT_SID,
                TWILIO_AUTH_TOKEN=conversations.AUTH_TOKEN,
                TWILIO_SMS_NUMBER=conversations.SMS_NUMBER,
                TWILIO_WHATSAPP_NUMBER=conversations.WHATSAPP_NUMBER,
                TWILIO_API_BASE_URL=twilio_url,
                VOORDEUR_QUIET_HOURS="",
                VOORDEUR_LOG_FORMAT="json",
                PTB_TIMEDELTA="true",
            )
            if args.no_pacing:
                env.update(VOORDEUR_TWILIO_MPS="0", VOORDEUR_TELEGRAM_MPS="0", VOORDEUR_TELEGRAM_CHAT_MPS="0")
            argv = [VOORDEUR, "worker"]
            if args.profile:
                argv = [PYTHON, "-m", "cProfile", "-o", str(work / "profile.prof"), *argv]
            worker = Child("worker", argv, work, env=env, cwd=work)
            running.append(worker)
            total = args.sms + args.telegram
            deadline = time.monotonic() + args.max_seconds
            samples: list[dict[str, float]] = []
            backends0 = postgres_backend_cpu()
            commits0 = postgres_commits(DATABASE) if args.backend == "postgresql" else 0
            with httpx.Client(timeout=30.0) as client:
                while time.monotonic() < deadline:
                    time.sleep(0.25)
                    requests = request_count(twilio_url, client) + request_count(telegram_url, client)
                    samples.append(
                        {
                            "at": time.monotonic(),
                            "requests": requests,
                            "worker": cpu_seconds(worker.pid),
                            "postgresql": postgres_cpu_seconds() if args.backend == "postgresql" else 0.0,
                            "emulators": cpu_seconds(running[0].pid) + cpu_seconds(running[1].pid),
                            "machine": total_cpu_seconds(),
                        }
                    )
                    if requests < total or len(samples) % 8:
                        if worker.process.poll() is not None:
                            break
                        continue
                    done = sum(
                        1
                        for e, _t, s, _a in journal(twilio_url) + journal(telegram_url)
                        if s < 300 and e in ("Messages.create", "sendMessage")
                    )
                    if done >= total or worker.process.poll() is not None:
                        break
            backends1 = postgres_backend_cpu()
            twilio_rows, telegram_rows = journal(twilio_url), journal(telegram_url)
        if args.backend == "postgresql":
            # Read after the worker stopped: a backend reports its last transaction counts when it exits
            # (while connected and idle, only after ~10 s).
            time.sleep(1.0)
            commits = postgres_commits(DATABASE) - commits0
        result = {
            "run": run,
            "backlog": filled,
            "twilio_sms": steady(twilio_rows, args.sms, args.twilio_mps),
            "telegram": steady(telegram_rows, args.telegram, args.telegram_overall),
            "cpu": cpu_window(samples, total),
            "quiet_before": quiet,
        }
        if args.backend == "postgresql":
            result["postgres_other_databases"] = other_databases_cpu(backends0, backends1, DATABASE)
            # Every transaction of the run (worker start-up to shutdown: claims, outcomes, pacing slots,
            # heartbeats, scheduler ticks) per message.
            result["postgres_commits_per_message"] = round(commits / total, 3)
        if args.profile:
            result["profile"] = str(work / "profile.prof")
        print(result, flush=True)
        results.append(result)
    kind = f"outbound-{args.backend}" + (
        "-unlimited" if args.unlimited else "-unpaced" if args.no_pacing else ""
    )
    print("saved", save(kind, {"settings": vars(args), "runs": results}))


if __name__ == "__main__":
    main()
