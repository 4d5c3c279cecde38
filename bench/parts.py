"""Where a message's CPU goes in process: ingest, the engine's batch, the sender, each measured alone.

    .venv/bin/python -m bench.parts [--backend sqlite|postgresql] [--people 500] [--rounds 1]

The end-to-end benchmark (bench/inbound.py) runs the web app, engine and sender in one process, so a
profile cannot say which part a millisecond belongs to. Here the parts run one after another on the
same database, nothing else in the loop:

1. ingest: every person's next message stored through `Engine.store` (all at once, so the group
   commit batches them as concurrent webhooks do);
2. engine: `Engine.settle()` handles the backlog (batches of up to MAX_BATCH_MESSAGES, as under load);
3. sender: `OutboxSender.send_due()` until the outbox is empty, with an adapter that accepts at once
   (no HTTP: the provider call's client CPU is bench/http_client.py's).

That for each turn of bench/conversations.py's conversation, so the engine's CPU is also shown per
turn. Process CPU (user + system) per message or per sent row; on PostgreSQL the server's CPU too.

`--handoff` runs steps 2 and 3 as `serve` does: the sender runs (`OutboxSender.run`), the engine's
replies are born claimed and handed to its lanes after each batch's commit; the engine part then
counts until every reply was sent (engine and sender together, still without HTTP).
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import fresh_postgres, postgres_cpu_seconds, save, wait_quiet
from bench.conversations import CONVERSATION
from bot.channels.base import InboundMessage, OutboundMessage, SendResult
from bot.delivery.sender import OutboxSender
from bot.engine import Engine
from flows import understanding, when
from flows.types import Event
from storage import migrate
from storage.db import make_engine, make_sessionmaker


class AcceptEverything:
    """A provider that accepts every message at once (no network)."""

    channels = ("sms",)

    def __init__(self) -> None:
        self.sent = 0

    async def send(self, message: OutboundMessage) -> SendResult:
        self.sent += 1
        return SendResult("sent", provider_id=f"SM{message.outbox_id:032x}")

    async def aclose(self) -> None:
        return None


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _now() -> datetime:
    return datetime.now(UTC)


class _Meter:
    """Process CPU and (PostgreSQL) server CPU of one part, summed over turns."""

    def __init__(self, database_url: str) -> None:
        self._postgres = database_url.startswith("postgresql")
        self.app = 0.0
        self.server = 0.0

    async def measure(self, work: Any) -> Any:
        server0 = postgres_cpu_seconds() if self._postgres else 0.0
        cpu0 = _cpu()
        result = await work
        self.app += _cpu() - cpu0
        if self._postgres:
            self.server += postgres_cpu_seconds() - server0
        return result


async def _all_sent(engine: Engine, sender: OutboxSender) -> int:
    """Settle the backlog, then wait until the sender's lanes sent every reply they were handed."""
    done = await engine.settle()
    while sender.holding():
        await asyncio.sleep(0.001)
    return done


async def run(
    database_url: str, people: int, run_index: int, handoff: bool = False, batch: int | None = None
) -> dict[str, Any]:
    """Each turn's messages (one per person) stored and handled `batch` people at a time (all at once
    when None): small batches show the engine's cost per batch, as at low load."""
    db = make_engine(database_url)
    sessions = make_sessionmaker(db)
    adapter = AcceptEverything()
    sender = OutboxSender(sessions, {"sms": adapter}, clock=_now)
    engine = Engine(sessions, handoff=sender if handoff else None)
    sending = asyncio.ensure_future(sender.run()) if handoff else None
    ingest, step, send = _Meter(database_url), _Meter(database_url), _Meter(database_url)
    per_turn: list[dict[str, Any]] = []
    stored = handled = 0
    for turn, (text, _replies) in enumerate(CONVERSATION):
        messages = [
            InboundMessage(
                channel="sms",
                provider_id=f"SM{run_index:04x}{person:08x}{turn:04x}",
                address=f"+316{run_index % 100:02d}{person:06d}",  # new people each run
                event=Event(kind="text", text=text),
            )
            for person in range(people)
        ]
        before = step.app
        done = 0
        size = batch or len(messages)
        for start in range(0, len(messages), size):
            group = messages[start : start + size]
            await ingest.measure(asyncio.gather(*(engine.store(message) for message in group)))
            stored += len(group)
            done += await step.measure(_all_sent(engine, sender) if handoff else engine.settle())
        handled += done
        per_turn.append(
            {
                "turn": turn,
                "text": text,
                "engine_ms_per_message": round(1000 * (step.app - before) / max(done, 1), 3),
            }
        )

        async def drain() -> int:
            total = 0
            while sent := await sender.send_due():
                total += sent
            return total

        await send.measure(drain())
    if sending is not None:
        sender.stop()
        await sending
    await db.dispose()
    return {
        "messages": stored,
        "handled": handled,
        "sent": adapter.sent,
        "ingest_ms_per_message": round(1000 * ingest.app / stored, 3),
        "engine_ms_per_message": round(1000 * step.app / max(handled, 1), 3),
        "sender_ms_per_sent": round(1000 * send.app / max(adapter.sent, 1), 3),
        "sender_ms_per_message": round(1000 * send.app / stored, 3),
        "total_ms_per_message": round(1000 * (ingest.app + step.app + send.app) / stored, 3),
        "server_ms_per_message": {
            "ingest": round(1000 * ingest.server / stored, 3),
            "engine": round(1000 * step.server / stored, 3),
            "sender": round(1000 * send.server / stored, 3),
        },
        "per_turn": per_turn,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--handoff", action="store_true", help="engine and sender together, as in serve")
    parser.add_argument(
        "--batch", type=int, default=None, help="a turn's people stored and handled this many at a time"
    )
    args = parser.parse_args()
    # As the runtime does at start: the reader's lexicons and the "when?" answers' languages load now.
    understanding.warm_up()
    when.warm_up()
    results = []
    for index in range(args.rounds):
        quiet = wait_quiet(max_wait=10)
        with tempfile.TemporaryDirectory() as work:
            if args.backend == "postgresql":
                database_url = fresh_postgres(f"voordeur_parts_{index}")
            else:
                database_url = f"sqlite:///{Path(work) / 'parts.db'}"
            migrate.upgrade(database_url)
            result = asyncio.run(run(database_url, args.people, index, args.handoff, args.batch))
        result["quiet_before"] = quiet
        print({key: value for key, value in result.items() if key != "per_turn"})
        for turn in result["per_turn"]:
            print(
                f"  turn {turn['turn']:2d} engine {turn['engine_ms_per_message']:7.3f} ms  {turn['text']!r}"
            )
        results.append(result)
    save("parts", {"settings": vars(args), "runs": results})


if __name__ == "__main__":
    main()
