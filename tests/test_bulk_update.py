"""storage.bulk.KeyedUpdate: many rows changed by key in one statement (arrays on PostgreSQL, an
executemany on SQLite), read back exactly as the ORM writes them, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import inbox, outbox
from storage.bulk import run_together
from storage.db import make_sessionmaker
from storage.models import Conversation, Identity, InboundMessage, OutboxMessage, Person

NOW = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)


async def _people_with_rows(db: AsyncEngine, count: int) -> tuple[list[int], list[int]]:
    """`count` people, each with a conversation and one outbox row being sent; (people, outbox ids)."""
    async with make_sessionmaker(db)() as session, session.begin():
        people = [Person(created_at=NOW, last_active_at=NOW, language="nl") for _ in range(count)]
        session.add_all(people)
        await session.flush()
        addresses = [
            Identity(person_id=p.id, channel="sms", address=f"+316000000{i:02d}", created_at=NOW)
            for i, p in enumerate(people)
        ]
        session.add_all(addresses)
        session.add_all(Conversation(person_id=p.id, state={}, updated_at=NOW) for p in people)
        await session.flush()
        rows = [
            OutboxMessage(
                person_id=p.id,
                identity_id=a.id,
                channel="sms",
                text_key="k",
                body="b",
                choices=[],
                status=outbox.SENDING,
                attempts=1,
                created_at=NOW,
                next_attempt_at=NOW,
                claimed_until=NOW + timedelta(minutes=2),
            )
            for p, a in zip(people, addresses, strict=True)
        ]
        session.add_all(rows)
        await session.flush()
        return [p.id for p in people], [r.id for r in rows]


async def test_states_of_many_people_are_written_in_one_go_with_the_last_one_winning(db: AsyncEngine) -> None:
    people, _rows = await _people_with_rows(db, 3)
    later = NOW + timedelta(seconds=5)
    states = [
        {"conversation_of": people[0], "state": {"flow": "ask", "lang": "nl"}, "updated_at": later},
        {"conversation_of": people[1], "state": {"tekst": "één 😊", "n": [1, 2]}, "updated_at": later},
        {"conversation_of": people[0], "state": {"flow": "menu"}, "updated_at": later},
    ]
    async with make_sessionmaker(db)() as session, session.begin():
        await inbox.save_states(session, states)
    async with make_sessionmaker(db)() as session:
        found = {c.person_id: c for c in (await session.execute(select(Conversation))).scalars()}
    assert found[people[0]].state == {"flow": "menu"}
    assert found[people[1]].state == {"tekst": "één 😊", "n": [1, 2]}
    assert found[people[2]].state == {}  # not in the batch: untouched
    assert found[people[0]].updated_at == later and found[people[2]].updated_at == NOW


async def test_outcomes_of_several_shapes_change_only_rows_still_being_sent(db: AsyncEngine) -> None:
    _people, ids = await _people_with_rows(db, 4)
    async with make_sessionmaker(db)() as session, session.begin():
        # The fourth row is no longer ours (its lease expired and another sender took it back).
        await session.execute(
            OutboxMessage.__table__.update().where(OutboxMessage.id == ids[3]).values(status=outbox.PENDING)
        )
    retry_at = NOW + timedelta(seconds=30)
    outcomes = [
        outbox.outcome(ids[0], status=outbox.SENT, now=NOW, provider_id="SM1"),
        outbox.outcome(
            ids[1], status=outbox.PENDING, now=NOW, next_attempt_at=retry_at, needs_reconcile=False
        ),
        outbox.outcome(ids[2], status=outbox.FAILED, now=NOW, error="blocked"),
        outbox.outcome(ids[3], status=outbox.SENT, now=NOW, provider_id="SM4"),
    ]
    async with make_sessionmaker(db)() as session, session.begin():
        await outbox.finish_many(session, outcomes)
    async with make_sessionmaker(db)() as session:
        rows = {r.id: r for r in (await session.execute(select(OutboxMessage))).scalars()}
    sent, retried, failed, not_ours = (rows[i] for i in ids)
    assert (sent.status, sent.provider_id, sent.sent_at, sent.claimed_until) == ("sent", "SM1", NOW, None)
    assert (retried.status, retried.next_attempt_at, retried.needs_reconcile) == ("pending", retry_at, False)
    assert (failed.status, failed.error, failed.claimed_until) == ("failed", "blocked", None)
    assert (not_ours.status, not_ours.provider_id) == ("pending", None)


async def test_processed_marks_with_and_without_a_reason(db: AsyncEngine) -> None:
    people, _rows = await _people_with_rows(db, 1)
    async with make_sessionmaker(db)() as session, session.begin():
        await inbox.post_internal(session, people[0], "a", {}, NOW, key="a")
        await inbox.post_internal(session, people[0], "b", {}, NOW, key="b")
    async with make_sessionmaker(db)() as session, session.begin():
        first, second = await inbox.pending_for_person(session, people[0])
        await inbox.mark_processed(
            session,
            [
                {"inbound_id": first.id, "processed_at": NOW, "error": None},
                {"inbound_id": second.id, "processed_at": NOW, "error": "message_failed"},
            ],
        )
    async with make_sessionmaker(db)() as session:
        assert await inbox.pending_for_person(session, people[0]) == []
        rows = (await session.execute(select(InboundMessage).order_by(InboundMessage.id))).scalars().all()
    assert [(m.processed_at, m.error) for m in rows] == [(NOW, None), (NOW, "message_failed")]


async def test_marks_and_states_go_together_and_in_one_pipeline_on_postgresql(
    db: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The end of an engine batch: processed marks and states written at once (storage.bulk's
    `run_together`); on PostgreSQL their statements are sent in one pipeline."""
    people, _rows = await _people_with_rows(db, 2)
    async with make_sessionmaker(db)() as session, session.begin():
        session.add_all(
            InboundMessage(person_id=p, channel="sms", provider_id=f"m{p}", received_at=NOW, event={})
            for p in people
        )
    pipelines: list[None] = []
    if db.dialect.name == "postgresql":
        import psycopg

        opened = psycopg.AsyncConnection.pipeline

        def counted(self: psycopg.AsyncConnection[Any]) -> Any:
            pipelines.append(None)
            return opened(self)

        monkeypatch.setattr(psycopg.AsyncConnection, "pipeline", counted)
    later = NOW + timedelta(seconds=5)
    async with make_sessionmaker(db)() as session, session.begin():
        messages = (
            (await session.execute(select(InboundMessage.id).order_by(InboundMessage.id))).scalars().all()
        )
        await inbox.mark_processed_and_save_states(
            session,
            [{"inbound_id": messages[0], "processed_at": later, "error": None}],
            [{"conversation_of": people[1], "state": {"flow": "menu"}, "updated_at": later}],
        )
        await inbox.mark_processed_and_save_states(session, [], [])  # nothing to write: no statement
    async with make_sessionmaker(db)() as session:
        marked = {m.id: m.processed_at for m in (await session.execute(select(InboundMessage))).scalars()}
        states = {c.person_id: c.state for c in (await session.execute(select(Conversation))).scalars()}
    assert marked == {messages[0]: later, messages[1]: None}
    assert states == {people[0]: {}, people[1]: {"flow": "menu"}}
    assert len(pipelines) == (1 if db.dialect.name == "postgresql" else 0)


async def test_the_last_writes_carry_the_commit_and_what_the_session_held_goes_first(db: AsyncEngine) -> None:
    """`run_together(..., commit=True)`, a transaction's last writes (the engine's batch end): what the
    session's ORM objects hold is flushed first, then the updates and, on PostgreSQL, the COMMIT in the
    same pipeline: another connection sees all of it before the session's own commit, which then finds
    nothing open. On SQLite the session commits as before. Either way everything is kept."""
    people, _rows = await _people_with_rows(db, 2)
    sessions = make_sessionmaker(db)
    later = NOW + timedelta(seconds=7)
    async with sessions() as session, session.begin():
        person = await session.get(Person, people[0])
        assert person is not None
        person.first_name = "Ria"  # held by the session, not flushed yet
        await run_together(
            session,
            inbox.marks_and_states(
                [], [{"conversation_of": people[1], "state": {"f": 1}, "updated_at": later}]
            ),
            commit=True,
        )
        if db.dialect.name == "postgresql":
            async with sessions() as other:
                assert (await other.get(Person, people[0])).first_name == "Ria"  # type: ignore[union-attr]
                assert (await other.get(Conversation, people[1])).state == {"f": 1}  # type: ignore[union-attr]
    async with sessions() as session:
        assert (await session.get(Person, people[0])).first_name == "Ria"  # type: ignore[union-attr]
        assert (await session.get(Conversation, people[1])).state == {"f": 1}  # type: ignore[union-attr]


async def test_outcomes_as_their_own_transaction_are_committed_and_the_connection_left_as_found(
    db: AsyncEngine,
) -> None:
    """`finish_committed` (the sender's outcome transaction): with no transaction open, on PostgreSQL
    BEGIN, the updates and COMMIT go in one pipeline, the connection in autocommit only meanwhile; the
    outcomes are visible to another connection before the session's own commit. On SQLite the session
    commits. A failing batch keeps nothing and also leaves the connection out of autocommit."""
    _people, rows = await _people_with_rows(db, 3)
    sessions = make_sessionmaker(db)
    async with sessions() as session, session.begin():
        await outbox.finish_committed(
            session, [outbox.outcome(rows[0], status=outbox.SENT, now=NOW, provider_id="SMok")]
        )
        if db.dialect.name == "postgresql":
            driver: Any = (await (await session.connection()).get_raw_connection()).driver_connection
            assert not driver.autocommit
            async with sessions() as other:
                assert (await other.get(OutboxMessage, rows[0])).status == outbox.SENT  # type: ignore[union-attr]
    if db.dialect.name == "postgresql":
        async with sessions() as session:
            driver = (await (await session.connection()).get_raw_connection()).driver_connection
            with pytest.raises(Exception, match="out of range"):  # an id beyond bigint: the server fails it
                await outbox.finish_committed(
                    session,
                    [
                        outbox.outcome(rows[1], status=outbox.SENT, now=NOW, provider_id="SMok"),
                        outbox.outcome(10**20, status=outbox.SENT, now=NOW, provider_id="SMno"),
                    ],
                )
            assert not driver.autocommit
            await session.rollback()
    async with sessions() as session:
        statuses = [(await session.get(OutboxMessage, row)).status for row in rows]  # type: ignore[union-attr]
    assert statuses == [outbox.SENT, "sending", "sending"]
