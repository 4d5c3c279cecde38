"""Where the engine's CPU goes inside its batches, by part (flow step, start, writes, new requests...).

    .venv/bin/python -m bench.engine_split [--people 200]

Runs `bench.parts` on SQLite without the hand-off (the engine alone: nothing else runs while a batch
does, so the process CPU between a part's start and end is that part's, the database thread's
included) with the engine's parts wrapped in process-CPU timers. cProfile cannot say this: inside
SQLAlchemy's async layer it gives the wait for aiosqlite's thread to whichever frame resumes. The
wrapped names are the engine's internals of the day; a rename makes this fail loudly, not lie.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import functools
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bench import parts
from bot import engine
from bot.effects.requests import NewRequests
from flows import understanding, when
from storage import migrate

CPU: collections.Counter[str] = collections.Counter()
CALLS: collections.Counter[str] = collections.Counter()


def _timed_async(name: str, function: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    @functools.wraps(function)
    async def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return await function(*args, **kwargs)
        finally:
            CPU[name] += time.process_time() - started
            CALLS[name] += 1

    return timed


def _timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            CPU[name] += time.process_time() - started
            CALLS[name] += 1

    return timed


def _instrument() -> None:
    for kind, handler in list(engine.EFFECT_HANDLERS.items()):
        engine.EFFECT_HANDLERS[kind] = _timed_async(f"effect {kind}", handler)
    engine.step = _timed("flow step", engine.step)
    facts = engine.person_facts
    facts.start_many = _timed_async("start of a round (people, facts, mailboxes)", facts.start_many)
    facts.load = _timed_async("profile load", facts.load)
    facts.facts = _timed_async("staff hold read", facts.facts)
    writes = engine._Writes
    writes.flush = _timed_async("batch writes (marks, replies, states)", writes.flush)
    writes.orm = _timed_async("ORM loads for effects", writes.orm)
    NewRequests.make = _timed_async("new requests made", NewRequests.make)
    engine.Engine._process_batch = _timed_async("batch, all of it", engine.Engine._process_batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=200, help="people, one message each a turn")
    parser.add_argument("--batch", type=int, help="people a batch (default: all at once)")
    args = parser.parse_args()
    understanding.warm_up()
    when.warm_up()
    _instrument()
    with tempfile.TemporaryDirectory() as work:
        database_url = f"sqlite:///{Path(work) / 'split.db'}"
        migrate.upgrade(database_url)
        result = asyncio.run(parts.run(database_url, args.people, 0, handoff=False, batch=args.batch))
    messages = result["messages"]
    print(f"{messages} messages, engine {result['engine_ms_per_message']} ms of process CPU a message")
    for name, seconds in CPU.most_common():
        print(f"{1000 * seconds / messages:7.3f} ms a message  {CALLS[name]:6d} calls  {name}")


if __name__ == "__main__":
    main()
