"""Group commit (storage.db.GroupCommit): writes that arrive together share a transaction, each caller
returns only after its write committed, and one failing write fails only its own caller."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from storage.db import GroupCommit, make_engine, make_sessionmaker
from storage.models import Person

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def add_person(name: str) -> Callable[[AsyncSession], Awaitable[int]]:
    async def write(session: AsyncSession) -> int:
        person = Person(created_at=NOW, last_active_at=NOW, language="nl", first_name=name)
        session.add(person)
        await session.flush()
        return person.id

    return write


async def names(db: AsyncEngine) -> list[str | None]:
    async with make_sessionmaker(db)() as session:
        return list((await session.execute(select(Person.first_name).order_by(Person.id))).scalars())


async def test_writes_arriving_together_share_one_commit_and_are_committed_when_returned(
    db: AsyncEngine,
) -> None:
    commits: list[int] = []
    event.listen(db.sync_engine, "commit", lambda _connection: commits.append(1))
    group = GroupCommit(make_sessionmaker(db))
    ids = await asyncio.gather(*(group.run(add_person(f"P{i}")) for i in range(5)))
    assert len(set(ids)) == 5
    assert len(commits) == 1, "five writes queued at once go in one transaction"
    assert await names(db) == ["P0", "P1", "P2", "P3", "P4"], "committed and visible to a new session"


async def test_a_failing_write_fails_only_its_own_caller(db: AsyncEngine) -> None:
    group = GroupCommit(make_sessionmaker(db))

    async def broken(session: AsyncSession) -> None:
        await session.execute(select(func.count()).select_from(Person))
        raise RuntimeError("this write is wrong")

    results = await asyncio.gather(
        group.run(add_person("A")),
        group.run(broken),
        group.run(add_person("B")),
        return_exceptions=True,
    )
    assert isinstance(results[1], RuntimeError)
    assert isinstance(results[0], int) and isinstance(results[2], int)
    assert await names(db) == ["A", "B"], "the others are committed once each, the broken one not at all"


def held_write(name: str) -> tuple[Callable[[AsyncSession], Awaitable[str]], asyncio.Event, asyncio.Event]:
    """A write that adds a person named `name` once `release` is set; `started` is set when its batch
    runs it (so what is queued meanwhile waits for the next batch)."""
    started = asyncio.Event()
    release = asyncio.Event()

    async def write(session: AsyncSession) -> str:
        started.set()
        await release.wait()
        session.add(Person(created_at=NOW, last_active_at=NOW, language="nl", first_name=name))
        return name

    return write, started, release


async def test_a_write_queued_while_a_batch_commits_goes_in_the_next_one(db: AsyncEngine) -> None:
    group = GroupCommit(make_sessionmaker(db))
    slow, started, release = held_write("slow")
    first = asyncio.ensure_future(group.run(slow))
    await started.wait()
    second = asyncio.ensure_future(group.run(add_person("next")))
    await asyncio.sleep(0)
    assert not second.done()
    release.set()
    assert await first == "slow"
    assert isinstance(await second, int)
    assert await names(db) == ["slow", "next"]
    await group.wait_idle()


async def _end_server_connections(db: AsyncEngine) -> int:
    """What a server restart does to a pool: every connection of this database is closed by the server."""
    admin_db = make_engine(db.url.render_as_string(hide_password=False))
    try:
        async with admin_db.connect() as admin:
            ended = await admin.exec_driver_sql(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            return int(ended.scalar_one())
    finally:
        await admin_db.dispose()


async def test_a_connection_the_server_closed_fails_no_write(db: AsyncEngine) -> None:
    """No pre-ping on PostgreSQL (it doubles the server's transactions): a pooled connection the server
    closed fails the first statement on it, and the group commit tries the batch again on a new one, so
    a webhook is answered 200 rather than lost (Twilio does not retry a failed inbound webhook)."""
    if db.dialect.name != "postgresql":
        pytest.skip("the server closing connections is PostgreSQL's case")
    group = GroupCommit(make_sessionmaker(db))
    await group.run(add_person("before"))  # the pool now holds a connection
    assert await _end_server_connections(db) >= 1
    await group.run(add_person("after"))  # alone in its batch: no one-by-one fallback to hide it
    assert await names(db) == ["before", "after"]


async def test_a_cancelled_caller_leaves_its_write_to_be_committed_and_the_others_answered(
    db: AsyncEngine,
) -> None:
    """A webhook whose client went away is cancelled while its message waits for the commit: the message
    is stored all the same (the provider may not send it again), and the batch answers the rest."""
    group = GroupCommit(make_sessionmaker(db))
    slow, started, release = held_write("first")
    first = asyncio.ensure_future(group.run(slow))
    await started.wait()
    cancelled = asyncio.ensure_future(group.run(add_person("cancelled")))
    kept = asyncio.ensure_future(group.run(add_person("kept")))
    await asyncio.sleep(0)
    cancelled.cancel()
    release.set()
    assert await first == "first"
    assert isinstance(await kept, int)
    with pytest.raises(asyncio.CancelledError):
        await cancelled
    await group.wait_idle()
    assert await names(db) == ["first", "cancelled", "kept"]


async def test_with_a_linger_writes_arriving_one_by_one_share_the_first_ones_commit(db: AsyncEngine) -> None:
    """`linger` (for writes no person waits on, a send's outcome): the first write waits for the
    others, so writes queued 10 ms apart go in one transaction; without it the first goes at once."""
    for linger, expected in ((0.2, 1), (0.0, 3)):
        commits: list[int] = []

        def counted(_connection: object, commits: list[int] = commits) -> None:
            commits.append(1)

        event.listen(db.sync_engine, "commit", counted)
        group = GroupCommit(make_sessionmaker(db), linger=linger)

        async def later(delay: float, name: str, group: GroupCommit = group) -> int:
            await asyncio.sleep(delay)
            return await group.run(add_person(name))

        await asyncio.gather(*(later(0.05 * i, f"{linger}-{i}") for i in range(3)))
        event.remove(db.sync_engine, "commit", counted)
        assert len(commits) == expected, (linger, commits)


async def test_a_hurried_or_flushed_write_does_not_wait_out_the_linger(db: AsyncEngine) -> None:
    """A caller someone waits on (`run(..., hurry=True)`), or a reader that must see what is queued
    (`flush`), ends the linger: with an hour's linger both return at once."""
    group = GroupCommit(make_sessionmaker(db), linger=3600.0)
    await asyncio.wait_for(group.run(add_person("Eerst"), hurry=True), 10)
    queued = asyncio.ensure_future(group.run(add_person("Later")))
    await asyncio.sleep(0)
    await asyncio.wait_for(group.flush(), 10)
    assert queued.done()
    assert await names(db) == ["Eerst", "Later"]
