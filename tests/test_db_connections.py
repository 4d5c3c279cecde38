"""How storage.db's engines talk to the databases: on PostgreSQL JIT compilation off (the engine's batch
read made the server compile for half a second a read of a few milliseconds), the URL's own `options`
kept; on SQLite many new rows of a table in one INSERT, as on PostgreSQL, and one hand-off to aiosqlite's
thread a transaction (its commit) unless a write must wait for another process's lock."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import make_url, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import make_engine, make_sessionmaker, without_jit
from storage.models import Consent, Person
from tests.dbutil import LoopTicks, sqlite_hand_offs, statements_starting


def test_jit_is_turned_off_beside_the_urls_own_options() -> None:
    assert without_jit(make_url("postgresql+psycopg://u@h/db")) == "-c jit=off"
    given = make_url("postgresql+psycopg://u@h/db?options=-c%20work_mem%3D8MB")
    assert without_jit(given) == "-c work_mem=8MB -c jit=off"


async def test_a_postgresql_connection_runs_without_jit_and_with_the_urls_options(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's connection options")
    separator = "&" if "?" in database_url else "?"
    engine = make_engine(f"{database_url}{separator}options={quote('-c work_mem=8MB')}")
    try:
        async with engine.connect() as connection:
            assert await connection.scalar(text("SHOW jit")) == "off"
            assert await connection.scalar(text("SHOW work_mem")) == "8MB"
    finally:
        await engine.dispose()


async def test_an_orm_flush_of_many_new_rows_is_one_insert_and_each_object_gets_its_row(
    database_url: str,
) -> None:
    """A batch's new objects of one table (consents, requests) are one INSERT on both databases, and
    each object gets the id of its own row (on SQLite through the sentinel `make_engine` sets)."""
    engine = make_engine(database_url)
    try:
        with statements_starting(engine, "INSERT INTO consents") as inserts:
            async with make_sessionmaker(engine)() as session, session.begin():
                now = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
                person = Person(tenant="default", created_at=now, language="nl", last_active_at=now)
                session.add(person)
                await session.flush()
                consents = [
                    Consent(person_id=person.id, version=f"v{n}", text_key="consent", given_at=now)
                    for n in range(120)
                ]
                session.add_all(consents)
                await session.flush()
                ids = [consent.id for consent in consents]
                stored = dict((await session.execute(select(Consent.id, Consent.version))).tuples().all())
    finally:
        await engine.dispose()
    assert len(inserts) == 1
    assert ids == sorted(ids) and len(set(ids)) == 120
    assert all(stored[consent_id] == f"v{n}" for n, consent_id in enumerate(ids))


async def _sqlite_with_table(tmp_path: Path) -> tuple[Path, AsyncEngine]:
    path = tmp_path / "hops.db"
    engine = make_engine(f"sqlite:///{path}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"))
    return path, engine


async def test_a_sqlite_transaction_hands_only_its_commit_to_the_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reads, the first write (the lock free) and the writes after it run on the loop's thread; the
    commit (fsync) goes to aiosqlite's thread: one hand-off for the transaction."""
    _path, engine = await _sqlite_with_table(tmp_path)
    hops = sqlite_hand_offs(monkeypatch)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            await session.execute(text("SELECT count(*) FROM t"))
            await session.execute(text("INSERT INTO t (v) VALUES ('a')"))
            await session.execute(text("UPDATE t SET v = 'b'"))
            assert (await session.execute(text("SELECT v FROM t"))).scalar_one() == "b"
        async with make_sessionmaker(engine)() as session:
            assert (await session.execute(text("SELECT v FROM t"))).scalar_one() == "b"
        assert hops == ["commit"]
    finally:
        await engine.dispose()


async def test_a_sqlite_write_waiting_for_another_writer_waits_off_the_event_loop(tmp_path: Path) -> None:
    """Another process (here another connection) holds the write lock: the first write waits for it
    on aiosqlite's thread, the event loop runs on meanwhile, and the write lands once it is free."""
    path, engine = await _sqlite_with_table(tmp_path)
    other = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO t (v) VALUES ('other')")
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, other.execute, "COMMIT")
    try:
        async with LoopTicks() as ticks, make_sessionmaker(engine)() as session, session.begin():
            await session.execute(text("INSERT INTO t (v) VALUES ('ours')"))
            await session.execute(text("UPDATE t SET v = v || '!' WHERE v = 'ours'"))
        async with make_sessionmaker(engine)() as session:
            rows = (await session.execute(text("SELECT v FROM t ORDER BY id"))).scalars().all()
    finally:
        other.close()
        await engine.dispose()
    assert rows == ["other", "ours!"]
    assert ticks.count >= 15  # about 30 while the lock was held: the loop was never blocked


async def test_the_pool_takes_a_connection_back_out_of_autocommit(database_url: str) -> None:
    """A connection left in autocommit (storage.db's `own_transaction` cancelled while it undid it) is
    out of it when the pool lends it again: the next transaction's statements are one transaction."""
    if not database_url.startswith("postgresql"):
        pytest.skip("psycopg's autocommit")
    engine = make_engine(database_url, pool_size=1)
    try:
        async with engine.connect() as connection:
            driver = (await connection.get_raw_connection()).driver_connection
            await driver.set_autocommit(True)
        async with engine.connect() as connection:
            again = (await connection.get_raw_connection()).driver_connection
            assert again is driver and not again.autocommit
    finally:
        await engine.dispose()


async def test_a_postgresql_connection_keeps_its_prepared_statements_across_a_rollback(
    database_url: str,
) -> None:
    """psycopg prepares a statement after its fifth run on a connection, and its own `rollback()` would
    forget them all (DEALLOCATE ALL). SQLAlchemy rolls back every session that ends without a commit,
    the read-only ones included, so the hot statements were hardly ever prepared and PostgreSQL planned
    them at every call. Our connections keep them: the server still holds the statement after the
    rollback, and psycopg still uses it."""
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's prepared statements")
    engine = make_engine(database_url, pool_size=1)
    read = text("SELECT count(*) FROM people WHERE id = ANY(CAST(:ids AS BIGINT[]))")
    held = text(
        "SELECT count(*), coalesce(sum(generic_plans + custom_plans), 0) FROM pg_prepared_statements"
        " WHERE statement LIKE '%FROM people WHERE id = ANY%'"
    )
    try:
        async with make_sessionmaker(engine)() as session:
            for _ in range(7):
                assert await session.scalar(read, {"ids": [1, 2]}) == 0
            statements, runs = (await session.execute(held)).one()
            assert statements == 1
        # The session ended without a commit: SQLAlchemy rolled its connection back.
        async with make_sessionmaker(engine)() as session:
            assert (await session.execute(held)).one() == (1, runs)
            assert await session.scalar(read, {"ids": [3]}) == 0
            assert (await session.execute(held)).one() == (1, runs + 1)
    finally:
        await engine.dispose()
