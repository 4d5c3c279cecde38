"""Small helpers for tests that look into the database."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.channels.base import InboundMessage
from bot.runtime import Runtime
from flows.types import Event
from storage.models import Identity, OutboxMessage
from storage.models import InboundMessage as InboundRow


@contextmanager
def statements_starting(engine: AsyncEngine, prefix: str) -> Iterator[list[str]]:
    """The statements starting with `prefix` that the engine sends while the block runs."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith(prefix):
            seen.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def count(runtime: Runtime, model: Any, *where: Any) -> int:
    async with runtime.sessions() as session:
        return int(
            (await session.execute(select(func.count()).select_from(model).where(*where))).scalar_one()
        )


async def outbox_rows(runtime: Runtime, *where: Any) -> list[OutboxMessage]:
    async with runtime.sessions() as session:
        query = select(OutboxMessage).where(*where).order_by(OutboxMessage.id)
        return list((await session.execute(query)).scalars())


async def identity(runtime: Runtime, channel: str, address: str) -> Identity:
    async with runtime.sessions() as session:
        query = select(Identity).where(Identity.channel == channel, Identity.address == address)
        return (await session.execute(query)).scalar_one()


async def inbound_rows(runtime: Runtime) -> list[InboundRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(InboundRow).order_by(InboundRow.id))).scalars())


def text_message(
    text: str, provider_id: str, address: str = "+31612345678", channel: str = "simulator"
) -> InboundMessage:
    return InboundMessage(
        channel=channel,
        provider_id=provider_id,
        address=address,  # type: ignore[arg-type]
        event=Event(kind="text", text=text),
    )


def sqlite_hand_offs(monkeypatch: Any) -> list[str]:
    """From now on, the name of each function storage/db.py's SQLite connections hand to aiosqlite's
    thread, in order (the statements and commits that did not run on the calling thread)."""
    from storage.db import _OneHopConnection

    hops: list[str] = []
    handed: Any = _OneHopConnection._execute

    async def counted(self: _OneHopConnection, function: Any, *args: Any, **kwargs: Any) -> Any:
        hops.append(getattr(function, "__name__", repr(function)))
        return await handed(self, function, *args, **kwargs)

    monkeypatch.setattr(_OneHopConnection, "_execute", counted)
    return hops


def sqlite_statements(monkeypatch: Any, prefix: str) -> list[int]:
    """From now on, for each statement starting with `prefix` (case-insensitive) that runs on storage/db.py's
    SQLite connections, its number of parameter rows (1 for a single execute): what SQLAlchemy sends and
    what storage code sends on the driver's cursor alike, each once."""
    from storage.db import _OneHopCursor

    seen: list[int] = []
    run: Any = _OneHopCursor._run

    async def counted(self: _OneHopCursor, sql: str, parameters: Any, many: bool) -> Any:
        if sql.lstrip().upper().startswith(prefix.upper()):
            seen.append(len(parameters) if many else 1)
        return await run(self, sql, parameters, many)

    monkeypatch.setattr(_OneHopCursor, "_run", counted)
    return seen


def postgres_statements(monkeypatch: Any, prefix: str) -> list[str]:
    """From now on, each statement starting with `prefix` (case-insensitive) sent on psycopg's async
    cursors: what SQLAlchemy sends and what storage code sends on the driver (pipelines too), each once."""
    import psycopg

    seen: list[str] = []
    execute: Any = psycopg.AsyncCursor.execute

    async def counted(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        sql = query if isinstance(query, str) else str(query)
        if sql.lstrip().upper().startswith(prefix.upper()):
            seen.append(sql)
        return await execute(self, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.AsyncCursor, "execute", counted)
    return seen


class LoopTicks:
    """Counts 10 ms ticks of the event loop while open: a blocked loop does not tick."""

    def __init__(self) -> None:
        self.count = 0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(0.01)
            self.count += 1

    async def __aenter__(self) -> LoopTicks:
        self._task = asyncio.ensure_future(self._tick())
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()
