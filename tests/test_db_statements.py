"""storage.db's helpers for the hot path's prebuilt statements (`core`, `among`, `ForIds`), on both
databases: they must answer exactly what the plain forms answer, inside the caller's transaction."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import ForIds, among, core, make_sessionmaker, table_of
from storage.models import HelpRequest, Person

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
_people = table_of(Person)
_BY_ID = ForIds(lambda match: select(_people.c.id, _people.c.first_name).where(match(_people.c.id)))


async def _people_named(db: AsyncEngine, *names: str) -> list[int]:
    async with make_sessionmaker(db)() as session, session.begin():
        people = [Person(created_at=NOW, last_active_at=NOW, first_name=name) for name in names]
        session.add_all(people)
        await session.flush()
        return [person.id for person in people]


async def test_one_id_and_many_ids_read_the_same_rows(db: AsyncEngine) -> None:
    ids = await _people_named(db, "Ria", "Kees", "Fatma")
    async with make_sessionmaker(db)() as session:
        one, one_parameters = _BY_ID.pick([ids[1]])
        many, many_parameters = _BY_ID.pick(ids)
        assert one is _BY_ID.one and many is _BY_ID.many
        assert one_parameters == {"id": ids[1]}
        assert [tuple(row) for row in (await core(session, one, one_parameters)).all()] == [(ids[1], "Kees")]
        rows = (await core(session, many, many_parameters)).all()
    assert sorted(rows) == sorted(zip(ids, ["Ria", "Kees", "Fatma"], strict=True))


async def test_core_runs_in_the_sessions_transaction_and_follows_it_to_the_next(db: AsyncEngine) -> None:
    """Statements through `core` see what the session's transaction wrote and are rolled back with it;
    after a commit the next transaction's connection is used, not the one remembered from before."""
    [kees] = await _people_named(db, "Kees")
    statement, parameters = _BY_ID.pick([kees])
    async with make_sessionmaker(db)() as session:
        async with session.begin():
            await core(session, _people.update().where(_people.c.id == kees).values(first_name="Piet"))
            assert (await core(session, statement, parameters)).one() == (kees, "Piet")
            await session.rollback()
        async with session.begin():
            assert (await core(session, statement, parameters)).one() == (kees, "Kees")
            await core(session, _people.update().where(_people.c.id == kees).values(first_name="Anna"))
        async with session.begin():
            assert (await core(session, statement, parameters)).one() == (kees, "Anna")


async def test_among_writes_the_constants_into_the_statement(db: AsyncEngine) -> None:
    condition = among(HelpRequest.status, ("open", "matched"))
    sql = str(select(HelpRequest.id).where(condition).compile(db.sync_engine))
    assert "IN ('open', 'matched')" in sql and "POSTCOMPILE" not in sql


@pytest.mark.parametrize("value", ["open'; DROP TABLE people; --", "Open", "", "a b"])
def test_among_refuses_anything_but_a_plain_status_name(value: str) -> None:
    with pytest.raises(ValueError, match="not a plain constant"):
        among(HelpRequest.status, ("open", value))
