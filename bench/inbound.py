"""Inbound end to end: `voordeur serve` between wrk and the emulated providers, and the bare-stack ceiling.

    .venv/bin/python bench/inbound.py [--backends sqlite,postgresql] [--seconds 20] [--connections 32]

Per backend, in one run:
1. a fresh database (SQLite file in a temp dir, or database `voordeur_bench` on 127.0.0.1:5432);
   the Twilio and Telegram emulators (tests/emulators, each its own process, bench/emulators.py) and
   `voordeur serve` (a subprocess, clean environment, its own cwd, so no .env is read);
2. full load: wrk (closed loop, C connections) walks simulated people through the whole conversation
   (bench/conversations.py), signed Twilio webhooks (SMS, WhatsApp) and Telegram updates, for S seconds;
   after wrk, we wait (bounded) until every reply reached an emulator or nothing moves for 15 s;
3. half load: the same with fresh people, each wrk connection pacing itself to about half the
   completed rate of step 2 (wrk `delay()`), to see p99 at half load. Each connection's wait is fixed
   (`--half-arrivals lockstep`, the default: the connections keep in step behind ingest's group commit,
   bursts of up to C) or exponential around that mean (`independent`: people write independently).
Then the ceiling: bench/ceiling.py (same Starlette + uvicorn stack, same uvicorn options and loop as
`voordeur serve`) answering the same signed Twilio form with empty TwiML, wrk for S seconds, same C.

Figures: messages/s completed = inbound messages whose first reply reached the emulator, divided by
(last such reply - first webhook sent); accepted/s = webhooks answered 200 per second while wrk ran;
latency per message = emulator's receive time of its first reply - the time wrk built the webhook.
CPU seconds per process over the measured window say who used the two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx

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
    percentile,
    postgres_cpu_seconds,
    postgres_setting,
    rss_mib,
    save,
    total_cpu_seconds,
    wait_quiet,
)

WRK_THREADS = 2
MAX_DRAIN_SECONDS = 180
STALL_SECONDS = 15


def journal(url: str, since: int = 0) -> list[list[Any]]:
    with httpx.Client(timeout=30.0) as client:
        return client.get(url + "/__bench/journal", params={"since": since}).json()["rows"]


def delivered_count(url: str, since: int, leaving_out: set[Any]) -> int:
    rows = journal(url, since)
    return sum(
        1
        for endpoint, to, status, _at in rows
        if status < 300 and endpoint in ("Messages.create", "sendMessage") and to not in leaving_out
    )


def with_a_gap(people: list[conversations.Person], stored: dict[str, float]) -> set[Any]:
    """Recipients of people who have a message stored after one of theirs that never was (wrk builds
    one request for its script check that it never sends): their conversation left the script, so its
    replies cannot be counted against it. Left out of the expected replies, the drain and latencies."""
    gaps = set()
    for person in people:
        kept = [key in stored for key in person.keys]
        if any(not kept[i] and any(kept[i + 1 :]) for i in range(len(kept))):
            gaps.add(person.recipient)
    return gaps


def run_wrk(
    url: str, seconds: int, connections: int, env: dict[str, str], script: Path, log_dir: Path, name: str
) -> dict[str, Any]:
    argv = [
        "wrk",
        "-t",
        str(WRK_THREADS),
        "-c",
        str(connections),
        "-d",
        f"{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        url,
    ]
    started = time.time()
    children_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.run(
        argv, env={**os.environ, **env}, capture_output=True, text=True, timeout=seconds + 60
    )
    (log_dir / f"{name}.out").write_text(process.stdout + process.stderr)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary: dict[str, Any] = {
        "wall": round(time.time() - started, 2),
        "wrk_cpu_seconds": round(
            after.ru_utime + after.ru_stime - children_cpu.ru_utime - children_cpu.ru_stime, 2
        ),
    }
    for line in process.stdout.splitlines():
        if line.startswith("BENCH_WRK"):
            for item in line.split()[1:]:
                key, value = item.split("=")
                summary[key] = float(value)
        if line.strip().startswith("Requests/sec:"):
            summary["wrk_requests_per_s"] = float(line.split()[1])
    summary["returncode"] = process.returncode
    summary["non200"] = sum(1 for line in process.stderr.splitlines() if line.startswith("status "))
    return summary


def read_send_logs(prefix: Path) -> dict[str, float]:
    sent: dict[str, float] = {}
    for t in range(WRK_THREADS):
        path = Path(f"{prefix}.{t}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines():
            key, _, at = line.partition("\t")
            if at:
                sent[key] = float(at)
    return sent


def stored_provider_ids(database_url: str) -> set[str]:
    """Provider ids of every inbound message the app stored (to drop sends wrk built but never
    delivered when -d ran out)."""
    from sqlalchemy import create_engine, text

    from storage.db import sync_url

    engine = create_engine(sync_url(database_url))
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT provider_id FROM inbound_messages WHERE channel <> 'internal'")
            )
            return {row[0] for row in rows}
    finally:
        engine.dispose()


def load_phase(
    name: str,
    database_url: str | None,
    app_url: str,
    twilio_url: str,
    telegram_url: str,
    people: list[conversations.Person],
    requests_file: Path,
    work: Path,
    seconds: int,
    connections: int,
    delay_ms: int,
    pids: dict[str, int],
    active: int,
    on_start: Any = None,
    arrivals: str = "lockstep",
) -> dict[str, Any]:
    sendlog = work / f"{name}.sendlog"
    env = {
        "BENCH_REQUESTS": str(requests_file),
        "BENCH_SENDLOG": str(sendlog),
        "BENCH_THREADS": str(WRK_THREADS),
        "BENCH_ACTIVE": str(active),
        "BENCH_DELAY_MS": str(delay_ms),
        "BENCH_ARRIVALS": arrivals,
    }
    quiet = wait_quiet()
    if on_start is not None:
        on_start()
    before_twilio = len(journal(twilio_url))
    before_telegram = len(journal(telegram_url))  # the journals keep earlier phases: count from here
    cpu0 = {k: cpu_seconds(p) for k, p in pids.items()}
    pg0 = postgres_cpu_seconds()
    all0 = total_cpu_seconds()
    t0 = time.time()
    wrk = run_wrk(app_url, seconds, connections, env, BENCH / "conversation.lua", work, name)
    sent = read_send_logs(sendlog)
    built = len(sent)
    if database_url is not None:
        time.sleep(1.0)
        stored = stored_provider_ids(database_url)
        sent = {k: v for k, v in sent.items() if (k[2:] if k.startswith("tg") else k) in stored}
    # Which replies do we expect? Each sent message has a known number of replies.
    by_key: dict[str, tuple[conversations.Person, int]] = {}
    for person in people:
        for turn, key in enumerate(person.keys):
            by_key[key] = (person, turn)
    left_out = with_a_gap(people, sent)
    expected = sum(
        conversations.CONVERSATION[by_key[k][1]][1]
        for k in sent
        if k in by_key and by_key[k][0].recipient not in left_out
    )
    # Drain: wait until all expected replies arrived, or nothing moved for STALL_SECONDS.
    drain_start = time.time()
    last_count, last_change = -1, time.time()
    while True:
        done = delivered_count(twilio_url, before_twilio, left_out) + delivered_count(
            telegram_url, before_telegram, left_out
        )
        if done != last_count:
            last_count, last_change = done, time.time()
        if (
            done >= expected
            or time.time() - last_change > STALL_SECONDS
            or time.time() - drain_start > MAX_DRAIN_SECONDS
        ):
            break
        time.sleep(0.5)
    t1 = time.time()
    cpu = {k: round(cpu_seconds(p) - cpu0[k], 2) for k, p in pids.items()}
    cpu["postgresql"] = round(postgres_cpu_seconds() - pg0, 2)
    cpu["machine_total"] = round(total_cpu_seconds() - all0, 2)
    cpu["window_seconds"] = round(t1 - t0, 2)
    cpu["wrk"] = wrk["wrk_cpu_seconds"]
    ours = sum(v for k, v in cpu.items() if k not in ("machine_total", "window_seconds"))
    # CPU used by anything else on the machine while we measured (other sessions' test runs).
    cpu["other_processes"] = round(cpu["machine_total"] - ours, 2)
    cpu["quiet_before"] = quiet
    rows = journal(twilio_url, before_twilio) + journal(telegram_url, before_telegram)
    replies: dict[Any, list[float]] = defaultdict(list)
    too_many = 0
    for endpoint, to, status, at in rows:
        if status < 300 and endpoint in ("Messages.create", "sendMessage"):
            replies[to].append(at)
        elif status == 429:
            too_many += 1
    latencies = []
    completed_times = []
    mismatched = 0
    finished_people = 0
    for person in people:
        if person.recipient in left_out:
            continue
        times = sorted(replies.get(person.recipient, []))
        sent_turns = [turn for turn, key in enumerate(person.keys) if key in sent]
        if not sent_turns:
            continue
        want = sum(conversations.CONVERSATION[t][1] for t in sent_turns)
        if len(sent_turns) == len(person.keys):
            finished_people += 1
            if len(times) != want:
                mismatched += 1
        cumulative = 0
        for turn, (_, n) in enumerate(conversations.CONVERSATION):
            key = person.keys[turn]
            if key in sent and cumulative < len(times):
                latencies.append(times[cumulative] - sent[key])
                completed_times.append(times[cumulative])
            cumulative += n
    first_send = min(sent.values()) if sent else t0
    last_send = max(sent.values()) if sent else t0
    completed = len(completed_times)
    span = (max(completed_times) - first_send) if completed_times else float("nan")
    result = {
        "sent": len(sent),
        "built_not_stored": built - len(sent),
        "people_left_out": len(left_out),
        "accepted_per_s": round(len(sent) / (last_send - first_send), 1) if len(sent) > 1 else 0,
        "completed": completed,
        "completed_per_s": round(completed / span, 1) if completed else 0,
        "replies_expected": expected,
        "replies_delivered": sum(len(v) for v in replies.values()),
        "provider_429": too_many,
        "people_finished": finished_people,
        "people_with_wrong_reply_count": mismatched,
        "latency_ms": {
            "p50": round(percentile(latencies, 50) * 1000, 1),
            "p90": round(percentile(latencies, 90) * 1000, 1),
            "p99": round(percentile(latencies, 99) * 1000, 1),
            "max": round(max(latencies) * 1000, 1) if latencies else None,
        },
        "drain_seconds": round(t1 - drain_start, 1),
        "wrk": wrk,
        "cpu_seconds": cpu,
        "delay_ms": delay_ms,
    }
    return result


def ceiling(work: Path, seconds: int, connections: int, loop: str, running: list[Child]) -> dict[str, Any]:
    quiet = wait_quiet()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    child = Child(
        f"ceiling-{loop}",
        [
            PYTHON,
            str(BENCH / "ceiling.py"),
            "--port",
            str(port),
            "--loop",
            loop,
            "--max-seconds",
            str(seconds + 120),
        ],
        work,
        env=clean_env(),
    )
    running.append(child)
    child.wait_http(url + "/", timeout=30)
    # One signed SMS form, the same shape as the benchmark's webhooks.
    form_file = work / "ceiling.requests"
    conversations.build(
        form_file, max(3000, seconds * 12000 // 12), run=99, public_base_url=url, mix=("sms",)
    )
    sendlog = work / f"ceiling-{loop}.sendlog"
    all0 = total_cpu_seconds()
    cpu0 = cpu_seconds(child.pid)
    env = {
        "BENCH_REQUESTS": str(form_file),
        "BENCH_SENDLOG": str(sendlog),
        "BENCH_THREADS": str(WRK_THREADS),
        "BENCH_ACTIVE": "256",
        "BENCH_DELAY_MS": "0",
    }
    wrk = run_wrk(url, seconds, connections, env, BENCH / "conversation.lua", work, f"ceiling-{loop}")
    sent = read_send_logs(sendlog)
    cpu = round(cpu_seconds(child.pid) - cpu0, 2)
    other = round(total_cpu_seconds() - all0 - cpu - wrk["wrk_cpu_seconds"], 2)
    child.stop()
    running.remove(child)
    # wrk's own count over its own duration (every request here is answered at once).
    rate = wrk.get("requests", 0) / (wrk.get("duration_us", 1) / 1e6)
    del sent
    return {
        "loop": loop,
        "requests_per_s": round(rate, 1),
        "wrk": wrk,
        "cpu_seconds": cpu,
        "other_processes_cpu_seconds": other,
        "quiet_before": quiet,
    }


def outbox_taken(app_url: str) -> dict[str, float]:
    """The app's count of replies its sender took, by path (bot/metrics.py OUTBOX_TAKEN: born, behind,
    left, claimed, given_back); empty for a build without that metric (an A/B base)."""
    try:
        text = httpx.get(app_url + "/metrics", timeout=10).text
    except httpx.HTTPError:
        return {}
    found = {}
    for line in text.splitlines():
        if line.startswith("voordeur_outbox_taken_total{"):
            labels, value = line.rsplit(" ", 1)
            found[labels.split('path="', 1)[1].split('"', 1)[0]] = float(value)
    return found


def taken_since(app_url: str, before: dict[str, float]) -> dict[str, float]:
    """What `outbox_taken` counted since `before`; the running totals go in `before` for the next."""
    now = outbox_taken(app_url)
    delta = {path: now[path] - before.get(path, 0.0) for path in now}
    before.clear()
    before.update(now)
    return delta


def backend_run(backend: str, args: argparse.Namespace, work: Path, run: int) -> dict[str, Any]:
    if backend == "sqlite":
        database_url = f"sqlite:///{work}/bench-{run}.db"
    else:
        database_url = fresh_postgres("voordeur_bench")
    with children() as running:
        twilio_port, telegram_port, app_port = free_port(), free_port(), free_port()
        twilio_url = f"http://127.0.0.1:{twilio_port}"
        telegram_url = f"http://127.0.0.1:{telegram_port}"
        app_url = f"http://127.0.0.1:{app_port}"
        limit = str(args.seconds * 3 + MAX_DRAIN_SECONDS * 3 + 3 * 600 + 120)
        twilio = Child(
            f"{backend}-twilio",
            [
                PYTHON,
                str(BENCH / "emulators.py"),
                "twilio",
                "--port",
                str(twilio_port),
                "--max-seconds",
                limit,
            ],
            work,
        )
        running.append(twilio)
        telegram = Child(
            f"{backend}-telegram",
            [
                PYTHON,
                str(BENCH / "emulators.py"),
                "telegram",
                "--port",
                str(telegram_port),
                "--max-seconds",
                limit,
            ],
            work,
        )
        running.append(telegram)
        twilio.wait_http(twilio_url + "/__bench/journal")
        telegram.wait_http(telegram_url + "/__bench/journal")
        env = clean_env(
            DATABASE_URL=database_url,
            **conversations.channel_settings(app_url, telegram_url, twilio_url),
            # Replies go out at once anyway; the matchmaker's "nobody found" is a scheduled message
            # and would wait for the morning in quiet hours. The demo does the same.
            VOORDEUR_QUIET_HOURS="",
            VOORDEUR_LOG_FORMAT="json",
            VOORDEUR_SQLITE_SYNCHRONOUS=args.sqlite_synchronous,
            PTB_TIMEDELTA="true",
            # The emulators enforce no limits and the figure is the engine's, not the providers' limits:
            # the worker's own send pacing (bot/delivery/pacing.py) is off, as the peer has none.
            VOORDEUR_TWILIO_MPS="0",
            VOORDEUR_TELEGRAM_MPS="0",
            VOORDEUR_TELEGRAM_CHAT_MPS="0",
        )
        app = Child(
            f"{backend}-app",
            [VOORDEUR, "serve", "--host", "127.0.0.1", "--port", str(app_port)],
            work,
            env=env,
            cwd=work,
        )
        running.append(app)
        app.wait_http(app_url + "/healthz", timeout=60)
        pids = {"app": app.pid, "emulator_twilio": twilio.pid, "emulator_telegram": telegram.pid}
        phases: dict[str, Any] = {}
        # Warm-up: a few conversations, not measured.
        people = conversations.build(work / "warm.requests", 60, run=run * 10 + 1, public_base_url=app_url)
        load_phase(
            "warmup",
            database_url,
            app_url,
            twilio_url,
            telegram_url,
            people,
            work / "warm.requests",
            work,
            5,
            8,
            0,
            pids,
            8,
        )
        # Full load.
        n_people = args.people
        people = conversations.build(
            work / "full.requests", n_people, run=run * 10 + 2, public_base_url=app_url
        )
        profiler: list[subprocess.Popen[bytes]] = []

        def start_profiler() -> None:
            profiler.append(
                subprocess.Popen(
                    [
                        str(Path(PYTHON).with_name("py-spy")),
                        "record",
                        "--pid",
                        str(app.pid),
                        "--duration",
                        str(args.seconds),
                        "--rate",
                        "100",
                        "--format",
                        "raw",
                        "--nonblocking",
                        "--threads",
                        "--output",
                        str(work / f"profile-{backend}-{run}-{args.profile}.txt"),
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )

        taken_before = outbox_taken(app_url)
        phases["full"] = load_phase(
            "full",
            database_url,
            app_url,
            twilio_url,
            telegram_url,
            people,
            work / "full.requests",
            work,
            args.seconds,
            args.connections,
            0,
            pids,
            args.active,
            on_start=start_profiler if args.profile == "full" else None,
        )
        for spy in profiler:
            spy.wait(60)
        phases["full"]["outbox_taken"] = taken_since(app_url, taken_before)
        rate = phases["full"]["completed_per_s"] or 100
        # Half load: each connection sends about (rate/2)/C requests per second (or --half-rate/C, the
        # same input for both sides of an A/B comparison).
        delay_ms = max(1, int(1000 * args.connections / (args.half_rate or rate / 2)))
        people = conversations.build(
            work / "half.requests", n_people, run=run * 10 + 3, public_base_url=app_url
        )
        phases["half"] = load_phase(
            "half",
            database_url,
            app_url,
            twilio_url,
            telegram_url,
            people,
            work / "half.requests",
            work,
            args.seconds,
            args.connections,
            delay_ms,
            pids,
            args.active,
            on_start=start_profiler if args.profile == "half" else None,
            arrivals=args.half_arrivals,
        )
        for spy in profiler:
            spy.wait(60)
        phases["half"]["outbox_taken"] = taken_since(app_url, taken_before)
        phases["app_rss_mib_end"] = round(rss_mib(app.pid), 1)
    return phases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--people", type=int, default=3000, help="conversations available per phase")
    parser.add_argument("--active", type=int, default=256, help="people in conversation per wrk thread")
    parser.add_argument("--sqlite-synchronous", default="FULL")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--profile", nargs="?", const="full", choices=("full", "half"), help="py-spy the app in this phase"
    )
    parser.add_argument(
        "--half-rate", type=float, help="messages/s of the half-load phase (default: half the full rate)"
    )
    parser.add_argument(
        "--half-arrivals",
        choices=("independent", "lockstep"),
        default="lockstep",
        help="half load: each connection waits a fixed time (the default: the connections keep in step "
        "behind ingest's group commit, bursts) or an exponential one of the same mean (independent people)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work directory (logs, send logs)")
    args = parser.parse_args()
    for run in range(1, args.runs + 1):
        work = Path(tempfile.mkdtemp(prefix="voordeur-bench-"))
        result: dict[str, Any] = {
            "settings": {
                "seconds": args.seconds,
                "connections": args.connections,
                "wrk_threads": WRK_THREADS,
                "active_people_per_thread": args.active,
                "sqlite_synchronous": args.sqlite_synchronous,
                "half_arrivals": args.half_arrivals,
                "postgresql_synchronous_commit": postgres_setting("synchronous_commit"),
                "postgresql_fsync": postgres_setting("fsync"),
                "conversation_messages": len(conversations.CONVERSATION),
                "replies_per_conversation": conversations.REPLIES_PER_PERSON,
            },
            "work_dir": str(work),
        }
        for backend in args.backends.split(","):
            result[backend] = backend_run(backend, args, work, run)
            print(
                backend,
                json.dumps({k: v for k, v in result[backend]["full"].items() if k not in ("wrk",)}),
                flush=True,
            )
            print(
                backend,
                "half",
                json.dumps({k: v for k, v in result[backend]["half"].items() if k not in ("wrk",)}),
                flush=True,
            )
        with children() as running:
            result["ceiling"] = ceiling(work, args.seconds, args.connections, "asyncio", running)
            result["ceiling_uvloop"] = ceiling(work, args.seconds, args.connections, "uvloop", running)
        print(
            "ceiling",
            json.dumps(result["ceiling"]),
            json.dumps(result["ceiling_uvloop"]["requests_per_s"]),
            flush=True,
        )
        for backend in args.backends.split(","):
            result[backend]["ratio_to_ceiling"] = round(
                result[backend]["full"]["completed_per_s"] / result["ceiling"]["requests_per_s"], 3
            )
        path = save("inbound", result)
        print("saved", path, flush=True)
        if not args.keep:
            for item in work.iterdir():
                if item.suffix in (".db", ".db-wal", ".db-shm", ".requests") or ".sendlog" in item.name:
                    item.unlink()


if __name__ == "__main__":
    main()
