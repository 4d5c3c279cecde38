"""Soak: many messages through the engine in one process, RSS sampled over time.

    .venv/bin/python -m bench.soak [--backend sqlite|postgresql] [--messages 200000] [--concurrency 32]

In-process, no HTTP: simulated people (bench/conversations.py's conversation, SMS) each store a message
with `Engine.store` (committed, as the webhook does), wake the engine's loop (`Engine.run`, batches of
everyone waiting) and wait for the first reply to reach them before the next message;
`--concurrency` people at a time, new people as others finish. The real `OutboxSender` runs alongside
with an adapter that accepts every message at once (no network), so outbox rows are claimed and
marked sent as in production.

RSS (VmRSS of this process) is sampled every `--sample-seconds`; the slope is the mean RSS of the last
quarter of the samples against the first quarter. Throughput (messages/s) is reported too: it is the
engine's in-process rate, without HTTP and providers. `--profile FILE` writes a cProfile of the run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import fresh_postgres, rss_mib, save, wait_quiet
from bench.conversations import CONVERSATION
from bot import heap
from bot.channels.base import InboundMessage, OutboundMessage, SendResult
from bot.delivery.sender import OutboxSender
from bot.engine import Engine
from flows.types import Event
from storage import migrate
from storage.db import make_engine, make_sessionmaker


class AcceptEverything:
    channels = ("sms",)

    def __init__(self) -> None:
        self.sent = 0
        self.answered: dict[str, asyncio.Event] = {}  # address -> set when a reply reached it

    async def send(self, message: OutboundMessage) -> SendResult:
        self.sent += 1
        waiting = self.answered.get(message.address)
        if waiting is not None:
            waiting.set()
        return SendResult("sent", provider_id=f"SM{message.outbox_id:032x}")

    async def aclose(self) -> None:
        return None


def _time_statements(db: Any) -> dict[str, list[float]]:
    """Wall time per SQL statement (grouped by its first 90 characters), from the driver's view."""
    from sqlalchemy import event

    totals: dict[str, list[float]] = {}

    @event.listens_for(db.sync_engine, "before_cursor_execute")
    def before(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        conn.info.setdefault("bench_t0", []).append(time.perf_counter())

    @event.listens_for(db.sync_engine, "after_cursor_execute")
    def after(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        elapsed = time.perf_counter() - conn.info["bench_t0"].pop()
        key = " ".join(statement.split())[:90]
        entry = totals.setdefault(key, [0, 0.0])
        entry[0] += 1
        entry[1] += elapsed

    @event.listens_for(db.sync_engine, "commit")
    def commit(conn: Any) -> None:
        entry = totals.setdefault("COMMIT", [0, 0.0])
        entry[0] += 1

    return totals


async def soak(
    database_url: str,
    messages: int,
    concurrency: int,
    sample_seconds: float,
    synchronous: str,
    time_statements: bool = False,
) -> dict[str, Any]:
    db = make_engine(database_url, sqlite_synchronous=synchronous)
    sessions = make_sessionmaker(db)
    statements = _time_statements(db) if time_statements else None
    adapter = AcceptEverything()
    sender = OutboxSender(sessions, {"sms": adapter}, clock=_now)
    engine = Engine(sessions, on_outbox=sender.wake)
    sender_task = asyncio.ensure_future(sender.run())
    # As `serve` runs it (bot/runtime.py): on SQLite every batch starts with a look.
    engine_task = asyncio.ensure_future(
        engine.run(idle_poll=0.5, look_each_batch=db.dialect.name == "sqlite")
    )
    heap.settle()  # the collector as after `serve`'s and `worker`'s startup (bot/heap.py)
    samples: list[tuple[float, float, int]] = []
    done = 0
    next_person = 0
    started = time.perf_counter()
    cpu0 = _cpu()

    async def sampler() -> None:
        while True:
            samples.append((time.perf_counter() - started, rss_mib(os.getpid()), done))
            await asyncio.sleep(sample_seconds)

    async def person_worker() -> None:
        nonlocal done, next_person
        while done < messages:
            index = next_person
            next_person += 1
            address = f"+316{index:08d}"
            answered = adapter.answered[address] = asyncio.Event()
            for turn, (text, _) in enumerate(CONVERSATION):
                if done >= messages:
                    break
                answered.clear()
                stored = await engine.store(
                    InboundMessage(
                        channel="sms",
                        provider_id=f"SM{index:016x}{turn:04x}",
                        address=address,
                        event=Event(kind="text", text=text),
                    )
                )
                engine.kick(stored.person_id)  # as the webhook does (Runtime.kick)
                # As a person does: the next message after the first reply (bounded: a message with
                # no reply at all does not stop the walk).
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(answered.wait(), 10)
                done += 1
            del adapter.answered[address]

    sampling = asyncio.ensure_future(sampler())
    await asyncio.gather(*(person_worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    cpu = _cpu() - cpu0
    # Let the sender finish what is queued (bounded), then stop.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and adapter.sent < done:
        await asyncio.sleep(0.2)
    samples.append((time.perf_counter() - started, rss_mib(os.getpid()), done))
    sampling.cancel()
    sender.stop()
    engine.stop()
    await sender_task
    await engine_task
    await db.dispose()
    if statements is not None:
        top = sorted(statements.items(), key=lambda kv: -kv[1][1])[:25]
        count = sum(c for k, (c, _t) in statements.items() if k != "COMMIT")
        result_counts = {
            "statements_per_message": round(count / max(done, 1), 1),
            "commits_per_message": round(statements.get("COMMIT", [0, 0])[0] / max(done, 1), 2),
        }
        print(result_counts)
        print("statement wall time (count, total s, mean ms):")
        for key, (count, total) in top:
            print(f"  {count:8d} {total:8.2f} {1000 * total / count:7.2f}  {key}")
    quarter = max(1, len(samples) // 4)
    first = statistics.mean(s[1] for s in samples[:quarter])
    last = statistics.mean(s[1] for s in samples[-quarter:])
    return {
        **(result_counts if statements is not None else {}),
        "messages": done,
        "sent": adapter.sent,
        "seconds": round(elapsed, 1),
        "messages_per_s": round(done / elapsed, 1),
        "process_cpu_seconds": round(cpu, 1),
        "cpu_ms_per_message": round(1000 * cpu / max(done, 1), 2),
        "rss_first_quarter_mib": round(first, 1),
        "rss_last_quarter_mib": round(last, 1),
        "rss_growth_pct": round(100 * (last - first) / first, 2),
        "rss_peak_mib": round(max(s[1] for s in samples), 1),
        "samples": [[round(t, 1), round(r, 1), n] for t, r, n in samples],
    }


def _cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgresql"])
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--sample-seconds", type=float, default=2.0)
    parser.add_argument("--sqlite-synchronous", default="FULL")
    parser.add_argument("--statements", action="store_true", help="print wall time per SQL statement")
    parser.add_argument("--profile", help="write a cProfile (pstats) file of the run")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="voordeur-bench-soak-"))
    url = f"sqlite:///{work}/soak.db" if args.backend == "sqlite" else fresh_postgres("voordeur_bench_soak")
    migrate.upgrade(url)
    quiet = wait_quiet()
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    result = asyncio.run(
        soak(
            url,
            args.messages,
            args.concurrency,
            args.sample_seconds,
            args.sqlite_synchronous,
            args.statements,
        )
    )
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    result["quiet_before"] = quiet
    result["settings"] = {**vars(args), "backend": args.backend}
    summary = {k: v for k, v in result.items() if k != "samples"}
    print(summary, flush=True)
    print("saved", save(f"soak-{args.backend}", result))


if __name__ == "__main__":
    main()
