"""How storage.db's engines talk to the databases: on PostgreSQL JIT compilation off (the engine's batch
read made the server compile for half a second a read of a few milliseconds), the URL's own `options`
kept; on SQLite many new rows of a table in one INSERT, as on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote

import pytest
from sqlalchemy import make_url, select, text

from storage.db import make_engine, make_sessionmaker, without_jit
from storage.models import Consent, Person
from tests.dbutil import statements_starting


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
