"""The engine's batch start on PostgreSQL (storage.profile.start_many): the people's lock and the read
are sent together, one wait; the read still comes after the lock, and the driver's errors are
SQLAlchemy's (a lock timeout is an OperationalError, which the engine takes for a transient failure)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text, update
from sqlalchemy.exc import OperationalError

from bot import engine as engine_module
from bot.runtime import Runtime
from storage import profile as person_facts
from storage.models import InboundMessage
from tests.conftest import FixedClock
from tests.dbutil import text_message


async def _two_people(runtime: Runtime) -> list[Any]:
    stored = [
        await runtime.engine.store(text_message("hallo", f"m{index}", address=f"+3161200000{index}"))
        for index in range(2)
    ]
    return stored


def _postgres_only(runtime: Runtime) -> None:
    if runtime.db.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer: no row locks, nothing to send together")


async def test_lock_and_read_are_one_pipeline_and_the_people_stay_locked(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _postgres_only(runtime)
    import psycopg

    stored = await _two_people(runtime)
    pipelines: list[None] = []
    opened = psycopg.AsyncConnection.pipeline

    def counted(self: psycopg.AsyncConnection[Any]) -> Any:
        pipelines.append(None)
        return opened(self)

    monkeypatch.setattr(psycopg.AsyncConnection, "pipeline", counted)
    async with runtime.sessions() as session, session.begin():
        started = await person_facts.start_many(
            session, [s.person_id for s in stored], clock() - timedelta(minutes=1)
        )
        assert len(pipelines) == 1
        assert sorted(started) == sorted(s.person_id for s in stored)
        assert [len(s.pending) for s in started.values()] == [1, 1]
        async with runtime.sessions() as other, other.begin():
            with pytest.raises(OperationalError):  # locked: NOWAIT refuses at once
                await other.execute(
                    text("SELECT id FROM people WHERE id = :id FOR NO KEY UPDATE NOWAIT"),
                    {"id": stored[0].person_id},
                )


async def test_the_read_sees_what_the_lock_waited_for(runtime: Runtime, clock: FixedClock) -> None:
    """Another engine holds the person and marks their message processed: our batch start waits for
    its commit and then reads the message as handled (a read in the lock's own snapshot would not)."""
    _postgres_only(runtime)
    stored = await _two_people(runtime)
    person = stored[0].person_id
    async with runtime.sessions() as holder, holder.begin():
        await holder.execute(text("SELECT id FROM people WHERE id = :id FOR NO KEY UPDATE"), {"id": person})

        async def start() -> dict[int, person_facts.Start]:
            async with runtime.sessions() as session, session.begin():
                return await person_facts.start_many(session, [person], clock() - timedelta(minutes=1))

        waiting = asyncio.ensure_future(start())
        await asyncio.sleep(0.3)
        assert not waiting.done()  # waits for the holder's lock
        await holder.execute(
            update(InboundMessage).where(InboundMessage.person_id == person).values(processed_at=clock())
        )
    started = await asyncio.wait_for(waiting, 10)
    assert started[person].pending == []


async def test_a_lock_timeout_is_sqlalchemys_operational_error_and_transient(
    runtime: Runtime, clock: FixedClock
) -> None:
    _postgres_only(runtime)
    stored = await _two_people(runtime)
    person = stored[0].person_id
    async with runtime.sessions() as holder, holder.begin():
        await holder.execute(text("SELECT id FROM people WHERE id = :id FOR NO KEY UPDATE"), {"id": person})
        async with runtime.sessions() as session, session.begin():
            await session.execute(text("SET LOCAL lock_timeout = '100ms'"))
            with pytest.raises(OperationalError) as raised:
                await person_facts.start_many(session, [person], clock() - timedelta(minutes=1))
    assert engine_module._transient(raised.value)
