"""Scheduler: a backlog of due scheduled events dispatched by real `voordeur worker` processes.

    .venv/bin/python -m bench.scheduler [--events 1000000] [--workers 2] [--window 300] [--runs 1]
        [--enqueue-only] [--base DIR]

`--enqueue-only` (issue 16's scheduler target: events *enqueued*): no channel is configured, so the
workers run no sender and the outbox rows stay pending to be counted; the figure is events done (each
with its outbox row) per second, and the exactly-once checks are the rows' (no event claimed twice, one
outbox row per done event, no event's text in two rows). `--base DIR` alternates each run with the
same run of the code in DIR (an export of main: `git archive <commit> | tar -x -C DIR`), the workers
started with PYTHONPATH=DIR and the same venv; the result's `code` says which ran.

PostgreSQL only (two processes claim from one table). The backlog is inserted with one INSERT ...
SELECT FROM generate_series per table: `--people` people, each with a Telegram chat, and `--events`
events of kind `send_text` (bot/effects/scheduling.py: a catalogue text to the person's address as a
scheduled message, no flow step) with the own-reminder text `remind_due` ("Herinnering: {text}"),
all due a minute ago. Each event's text carries its id, so a message that arrives twice is seen.

`--workers` `voordeur worker` processes (the real engine: APScheduler tick → `run_due_events` →
handler + outbox row in one transaction, then the outbox sender) dispatch them to the Telegram
emulator (bench/emulators.py) without provider rate limits and with the worker's own send pacing off
(VOORDEUR_TELEGRAM_MPS=0), so the providers' limits are not the figure. VOORDEUR_SCHEDULER_BATCH and
VOORDEUR_SCHEDULER_TICK are set for the run (`--batch`, `--tick`) and recorded.

Figures: events done per second (whole run, and steady: between 10 % and 90 % of what got done), CPU
per event of the workers and of the PostgreSQL server (`postgres_cpu_seconds`: the whole server, so
run it on a server doing nothing else; `server_cpu_s_other_databases` is what other databases' live
backends used meanwhile, a lower bound of that error), over the run and over the steady part,
messages accepted by the emulator per second, peak RSS (VmHWM) and RSS over time of each worker,
and the exactly-once checks: every event done at most once (status counts, claims), one outbox row
per done event, each sent row accepted once by the emulator (no text twice), emulator count == sent
rows == done events when the backlog was drained. Bounded: the workers are stopped after `--window`
seconds; if the backlog was not drained by then, the figure is the rate over that window with the
rest still pending, and the result says so (`drained: false`).
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import psycopg

from bench import conversations
from bench.common import (
    BENCH,
    POSTGRES_ADMIN,
    PYTHON,
    VOORDEUR,
    Child,
    busy_cores,
    children,
    clean_env,
    cpu_seconds,
    free_port,
    fresh_postgres,
    other_databases_cpu,
    postgres_backend_cpu,
    postgres_cpu_seconds,
    postgres_setting,
    save,
    wait_quiet,
)
from storage import migrate

DATABASE = "voordeur_bench_scheduler"
TEXT = "medicijnen ophalen #"


def admin_url() -> str:
    return POSTGRES_ADMIN.rsplit("/", 1)[0] + "/" + DATABASE


def fill(events: int, people: int) -> dict[str, Any]:
    """People with one Telegram chat each, and `events` due send_text events spread over them."""
    started = time.perf_counter()
    with psycopg.connect(admin_url(), autocommit=True) as db:
        db.execute(
            "INSERT INTO people (id, created_at, language, last_active_at)"
            " SELECT g, now(), 'nl', now() FROM generate_series(1, %s) g",
            (people,),
        )
        db.execute(
            "INSERT INTO identities (id, person_id, channel, address, created_at, last_inbound_at)"
            " SELECT g, g, 'telegram', (8000000000 + g)::text, now(), now() - interval '1 day'"
            " FROM generate_series(1, %s) g",
            (people,),
        )
        db.execute(
            "INSERT INTO scheduled_events (kind, due_at, person_id, payload, status, claims, created_at)"
            " SELECT 'send_text', now() - interval '1 minute' + g * interval '1 microsecond',"
            " 1 + (g - 1) %% %s,"
            " jsonb_build_object('text_key', 'remind_due', 'params', jsonb_build_object('text', %s || g)),"
            " 'pending', 0, now() FROM generate_series(1, %s) g",
            (people, TEXT, events),
        )
        db.execute("SELECT setval('people_id_seq', (SELECT max(id) FROM people))")
        db.execute("SELECT setval('identities_id_seq', (SELECT max(id) FROM identities))")
        db.execute("VACUUM ANALYZE")
    return {"events": events, "people": people, "load_seconds": round(time.perf_counter() - started, 1)}


def done_count(db: psycopg.Connection[Any]) -> int:
    row = db.execute("SELECT count(*) FROM scheduled_events WHERE status = 'done'").fetchone()
    return int(row[0]) if row else 0


def progress(db: psycopg.Connection[Any], enqueue_only: bool) -> int:
    """Events done so far, for the samples. With --enqueue-only: the outbox ids handed out (one row per
    done event; a set rolled back would count twice), read in O(1): a count(*) of the done events
    every second scans up to a million index entries, server CPU that would be counted as the
    scheduler's. The final figure and the checks use the exact count."""
    if not enqueue_only:
        return done_count(db)
    row = db.execute("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM outbox_id_seq").fetchone()
    return int(row[0]) if row else 0


def memory_kib(pid: int) -> dict[str, int]:
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                values[line.split(":")[0]] = int(line.split()[1])
    except FileNotFoundError:
        pass
    return values


def checks(journal_rows: list[list[Any]], drained: bool) -> dict[str, Any]:
    """Exactly once, from the rows and the emulator's journal."""
    with psycopg.connect(admin_url(), autocommit=True) as db:
        events: dict[str, int] = {
            str(status): int(n)
            for status, n in db.execute("SELECT status, count(*) FROM scheduled_events GROUP BY status")
        }
        claimed_twice = db.execute("SELECT count(*) FROM scheduled_events WHERE claims > 1").fetchone()
        outbox: dict[str, int] = {
            str(status): int(n)
            for status, n in db.execute("SELECT status, count(*) FROM outbox GROUP BY status")
        }
        done_texts = db.execute(
            "SELECT payload->'params'->>'text' FROM scheduled_events WHERE status = 'done'"
        ).fetchall()
    done_ids = {int(str(row[0]).rsplit("#", 1)[1]) for row in done_texts}
    accepted = [row for row in journal_rows if row[0] == "sendMessage" and row[2] < 300]
    texts = collections.Counter(str(row[4]) for row in accepted)
    twice = sum(1 for count in texts.values() if count > 1)
    received_ids = {int(text.rsplit("#", 1)[1]) for text in texts if "#" in text}
    done = events.get("done", 0)
    sent = outbox.get("sent", 0)
    return {
        "events_by_status": events,
        "events_claimed_more_than_once": int(claimed_twice[0]) if claimed_twice else 0,
        "outbox_by_status": outbox,
        "outbox_rows": sum(outbox.values()),
        "emulator_accepted": len(accepted),
        "emulator_429_or_errors": len(journal_rows) - len(accepted),
        "texts_received_twice": twice,
        "received_for_an_event_not_done": len(received_ids - done_ids),
        "one_outbox_row_per_done_event": sum(outbox.values()) == done,
        "each_sent_row_received_once": twice == 0 and len(accepted) == sent,
        "drained": drained,
        "emulator_count_equals_events_done": len(accepted) == done,
    }


def one_run(args: argparse.Namespace, run: int, code: Path, label: str) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="voordeur-bench-scheduler-"))
    url = fresh_postgres(DATABASE)
    migrate.upgrade(url)
    people = args.people or max(1000, args.events // 5)
    filled = fill(args.events, people)
    print("filled", filled, flush=True)
    quiet = wait_quiet()
    with children() as running:
        port = free_port()
        limit = str(args.window + 600)
        telegram_url = f"http://127.0.0.1:{port}"
        emulator = Child(
            "telegram",
            [PYTHON, str(BENCH / "emulators.py"), "telegram", "--port", str(port), "--max-seconds", limit],
            work,
        )
        running.append(emulator)
        emulator.wait_http(telegram_url + "/__bench/journal?since=999999999")
        channel = (
            {}
            if args.enqueue_only
            else {
                "TELEGRAM_BOT_TOKEN": conversations.TELEGRAM_TOKEN,
                "TELEGRAM_WEBHOOK_SECRET": conversations.TELEGRAM_SECRET,
                "TELEGRAM_API_BASE_URL": f"{telegram_url}/bot",
            }
        )
        env = clean_env(
            DATABASE_URL=url,
            PUBLIC_BASE_URL="http://127.0.0.1:9",
            PYTHONPATH=str(code),
            **channel,
            VOORDEUR_QUIET_HOURS="",
            VOORDEUR_LOG_FORMAT="json",
            VOORDEUR_SCHEDULER_BATCH=str(args.batch),
            VOORDEUR_SCHEDULER_TICK=str(args.tick),
            VOORDEUR_TELEGRAM_MPS="0",
            VOORDEUR_TELEGRAM_CHAT_MPS="0",
            PTB_TIMEDELTA="true",
        )
        server_before, backends_before = postgres_cpu_seconds(), postgres_backend_cpu()
        started = time.monotonic()
        workers = [
            Child(f"worker{n}", [VOORDEUR, "worker"], work, env=env, cwd=work) for n in range(args.workers)
        ]
        running.extend(workers)
        samples: list[dict[str, Any]] = []
        drained = False
        next_count = 0.0
        done = 0
        with psycopg.connect(admin_url(), autocommit=True) as db, httpx.Client(timeout=60.0) as client:
            while time.monotonic() - started < args.window:
                time.sleep(1.0)
                elapsed = time.monotonic() - started
                sample: dict[str, Any] = {
                    "t": round(elapsed, 1),
                    "workers": [memory_kib(w.pid) for w in workers],
                    "worker_cpu_s": [round(cpu_seconds(w.pid), 2) for w in workers],
                    "server_cpu_s": round(postgres_cpu_seconds() - server_before, 2),
                }
                if elapsed >= next_count:
                    done = progress(db, args.enqueue_only)
                    if done >= args.events:
                        done = done_count(db)  # the exact count decides whether it is drained
                    sample["done"] = done
                    sample["sent"] = client.get(telegram_url + "/__bench/journal?count=1").json()["next"]
                    next_count = elapsed + args.count_every
                samples.append(sample)
                if any(w.process.poll() is not None for w in workers):
                    raise RuntimeError("a worker exited:\n" + workers[0].tail())
                if done >= args.events and (args.enqueue_only or sample.get("sent", 0) >= args.events):
                    drained = True
                    break
            elapsed = time.monotonic() - started
            done = done_count(db)
        cpu = [round(cpu_seconds(w.pid), 1) for w in workers]
        peak = [memory_kib(w.pid) for w in workers]
        server_cpu = postgres_cpu_seconds() - server_before
        backends_after = postgres_backend_cpu()
        for worker in workers:
            worker.stop(timeout=30)
        journal = client_journal(telegram_url)
    counted = [s for s in samples if "done" in s]
    steady = steady_rate(counted, done)
    working = next((s for s in counted if s["done"] > 0), samples[-1])
    result = {
        "run": run,
        "code": {"label": label, "path": str(code), "commit": commit_of(code)},
        "enqueue_only": args.enqueue_only,
        "load_average_before": load_average(),
        "backlog": filled,
        "settings": {
            "VOORDEUR_SCHEDULER_BATCH": args.batch,
            "VOORDEUR_SCHEDULER_TICK": args.tick,
            "workers": args.workers,
            "window_s": args.window,
        },
        "quiet_before": quiet,
        "elapsed_s": round(elapsed, 1),
        "events_done": done,
        "events_per_s_overall": round(done / elapsed, 1),
        **steady,
        "messages_accepted_per_s": round(
            sum(1 for r in journal if r[0] == "sendMessage" and r[2] < 300) / elapsed, 1
        ),
        "worker_cpu_s": cpu,
        "worker_cpu_ms_per_event": round(sum(cpu) / done * 1000, 4) if done else None,
        # The whole PostgreSQL server over the window (our database's and anyone else's backends,
        # checkpointer, WAL writer, autovacuum), and the share seen in other databases' live backends.
        "server_cpu_s": round(server_cpu, 1),
        "server_cpu_ms_per_event": round(server_cpu / done * 1000, 4) if done else None,
        # Only this database's live backends (the workers' pooled connections, the bench's own one):
        # robust when other sessions use the server, without the WAL writer, checkpointer and the
        # backends that came and went.
        "server_cpu_s_this_database": round(this_database_cpu(backends_before, backends_after), 1),
        "server_cpu_ms_per_event_this_database": round(
            this_database_cpu(backends_before, backends_after) / done * 1000, 4
        )
        if done
        else None,
        "server_cpu_s_other_databases": round(
            other_databases_cpu(backends_before, backends_after, DATABASE), 1
        ),
        "worker_rss_mib_first_done": [round(w.get("VmRSS", 0) / 1024, 1) for w in working["workers"]],
        "worker_peak_rss_mib": [round(p.get("VmHWM", 0) / 1024, 1) for p in peak],
        "worker_rss_mib_end": [round(p.get("VmRSS", 0) / 1024, 1) for p in peak],
        "busy_cores_after": round(busy_cores(1.0), 2),
        "checks": rows_checks(drained) if args.enqueue_only else checks(journal, drained),
        "samples": samples,
    }
    print({k: v for k, v in result.items() if k != "samples"}, flush=True)
    return result


def this_database_cpu(before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]]) -> float:
    """CPU seconds this benchmark's database's live backends used between two readings: all live
    backends' less the other databases' (no database is named "")."""
    return other_databases_cpu(before, after, "") - other_databases_cpu(before, after, DATABASE)


def rows_checks(drained: bool) -> dict[str, Any]:
    """Exactly once from the rows alone (--enqueue-only: nothing is sent)."""
    with psycopg.connect(admin_url(), autocommit=True) as db:
        events = {
            str(status): int(n)
            for status, n in db.execute("SELECT status, count(*) FROM scheduled_events GROUP BY status")
        }
        claimed_twice = db.execute("SELECT count(*) FROM scheduled_events WHERE claims > 1").fetchone()
        rows = db.execute("SELECT count(*), count(DISTINCT body) FROM outbox").fetchone()
    done = events.get("done", 0)
    total, distinct = (int(rows[0]), int(rows[1])) if rows else (0, 0)
    return {
        "events_by_status": events,
        "events_claimed_more_than_once": int(claimed_twice[0]) if claimed_twice else 0,
        "outbox_rows": total,
        "texts_in_two_rows": total - distinct,
        "one_outbox_row_per_done_event": total == done,
        "drained": drained,
    }


def load_average() -> list[float]:
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


def commit_of(code: Path) -> str:
    """The commit of a git work tree, or what an export says it is (the `COMMIT` file, if written)."""
    marker = code / "COMMIT"
    if marker.exists():
        return marker.read_text().strip()
    try:
        return subprocess.run(
            ["git", "-C", str(code), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip() + (
            "+dirty"
            if subprocess.run(
                ["git", "-C", str(code), "status", "--porcelain"], capture_output=True, text=True
            ).stdout.strip()
            else ""
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def client_journal(url: str) -> list[list[Any]]:
    with httpx.Client(timeout=300.0) as client:
        rows: list[list[Any]] = client.get(url + "/__bench/journal?since=0&text=1").json()["rows"]
        return rows


def steady_rate(samples: list[dict[str, Any]], done: int) -> dict[str, Any]:
    """Events/s between the samples where 10 % and 90 % of what got done was done."""
    if len(samples) < 3 or done == 0:
        return {}
    low = next(s for s in samples if s["done"] >= 0.1 * done)
    high = next((s for s in samples if s["done"] >= 0.9 * done), samples[-1])
    if high["t"] <= low["t"]:
        return {}
    events = high["done"] - low["done"]
    worker = sum(high["worker_cpu_s"]) - sum(low["worker_cpu_s"])
    server = high["server_cpu_s"] - low["server_cpu_s"]
    return {
        "events_per_s_steady": round(events / (high["t"] - low["t"]), 1),
        "steady_between_s": [low["t"], high["t"]],
        "steady_worker_cpu_ms_per_event": round(worker / events * 1000, 4) if events else None,
        "steady_server_cpu_ms_per_event": round(server / events * 1000, 4) if events else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=0, help="default: events / 5, at least 1,000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--window", type=float, default=300.0, help="stop the workers after this long")
    parser.add_argument("--batch", type=int, default=500, help="VOORDEUR_SCHEDULER_BATCH")
    parser.add_argument("--tick", type=float, default=0.5, help="VOORDEUR_SCHEDULER_TICK")
    parser.add_argument("--count-every", type=float, default=5.0, help="seconds between done counts")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--enqueue-only", action="store_true", help="no channel: count events enqueued")
    parser.add_argument("--base", type=Path, default=None, help="alternate each run with the code in DIR")
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    codes = [("base", args.base.resolve()), ("branch", here)] if args.base else [("branch", here)]
    runs = [one_run(args, run, code, label) for run in range(1, args.runs + 1) for label, code in codes]
    print(
        "saved",
        save(
            f"scheduler-{args.events}{'-enqueue' if args.enqueue_only else ''}",
            {
                "settings": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
                "postgres": {
                    "synchronous_commit": postgres_setting("synchronous_commit"),
                    "fsync": postgres_setting("fsync"),
                    "autovacuum": postgres_setting("autovacuum"),
                    "shared_buffers": postgres_setting("shared_buffers"),
                },
                "runs": runs,
            },
        ),
    )


if __name__ == "__main__":
    main()
