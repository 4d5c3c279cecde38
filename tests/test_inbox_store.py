"""storage.inbox.store_many, the ingest's one write: each message once, first contacts made set-based,
last activity and WhatsApp's window written, on SQLite and PostgreSQL; rows read back as the ORM wrote
them before it went to the driver."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import async_sessionmaker

from storage import inbox, outbox
from storage.db import AsyncSession, make_engine, make_sessionmaker
from storage.inbox import NewInbound, identity_for, store_many
from storage.models import Conversation, Identity, InboundMessage, OutboxMessage, Person
from tests.dbutil import LoopTicks, sqlite_hand_offs

Sessions = async_sessionmaker[AsyncSession]
NOW = datetime(2026, 12, 2, 8, 30, 15, 123456, tzinfo=UTC)


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[Sessions]:
    db = make_engine(database_url)
    yield make_sessionmaker(db)
    await db.dispose()


def message(provider_id: str, address: str, *, channel: str = "sms", at: datetime = NOW) -> NewInbound:
    event = {"kind": "text", "text": f"hallo {provider_id} é 🛒", "meta": {"n": 1}}
    return NewInbound("default", channel, provider_id, address, event, at)


async def store(
    sessions: Sessions, messages: list[NewInbound], committed: bool = False
) -> list[inbox.StoredInbound]:
    """`store_many` in a transaction of the caller's, or (`committed`) as ingest's whole transaction
    (`store_committed`, as storage.db.BatchCommit runs it): on PostgreSQL the known addresses' messages
    then go in one statement with BEGIN and COMMIT, first contacts in a transaction after it."""
    if committed:
        async with sessions() as session:
            result: list[inbox.StoredInbound] = await inbox.store_committed(session, messages)
            await session.commit()
            return result
    async with sessions() as session, session.begin():
        result = await store_many(session, messages)
        return result


@pytest.fixture(params=[False, True], ids=["in_a_transaction", "committed"])
def committed(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


async def count(session: AsyncSession, model: type) -> int:
    return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_each_message_once_first_contacts_made_and_read_back_as_written(
    sessions: Sessions, committed: bool
) -> None:
    later = NOW + timedelta(seconds=3)
    first = await store(sessions, [message("SM1", "+31600000001"), message("SM1", "+31600000001")], committed)
    assert first[0].inbound_id is not None and first[1].duplicate
    assert first[0].person_id == first[1].person_id
    again = await store(
        sessions,
        [
            message("SM1", "+31600000001"),
            message("SM2", "+31600000001", at=later),
            message("SM3", "+31600000002"),
        ],
        committed,
    )
    assert [s.duplicate for s in again] == [True, False, False]
    assert again[1].person_id == first[0].person_id and again[2].person_id != first[0].person_id
    async with sessions() as session:
        assert await count(session, InboundMessage) == 3
        assert (
            await count(session, Person)
            == await count(session, Identity)
            == await count(session, Conversation)
            == 2
        )
        row = (
            await session.execute(select(InboundMessage).where(InboundMessage.provider_id == "SM2"))
        ).scalar_one()
        assert row.received_at == later and row.event == message("SM2", "").event
        assert row.identity_id == again[1].identity_id and row.processed_at is None
        identity = await session.get(Identity, again[1].identity_id)
        person = await session.get(Person, again[1].person_id)
        conversation = await session.get(Conversation, again[1].person_id)
        assert identity is not None and identity.last_inbound_at == later and identity.created_at == NOW
        assert person is not None and person.last_active_at == later and person.language == "nl"
        assert conversation is not None and conversation.state == {}
        # The ORM finds what the driver wrote (same text for timestamps on SQLite, same address).
        assert (await identity_for(session, "sms", "+31600000001", NOW)).id == again[1].identity_id
        pending, more = await inbox.people_with_pending(session, later)
        assert pending == [first[0].person_id, again[2].person_id] and not more
        # Only the oldest message's person when one is asked for, and more wait behind it.
        assert await inbox.people_with_pending(session, later, limit=1) == ([first[0].person_id], True)


async def test_a_whatsapp_message_reopens_what_waited_for_the_window(
    sessions: Sessions, committed: bool
) -> None:
    async with sessions() as session, session.begin():
        who = await identity_for(session, "whatsapp", "+31600000003", NOW - timedelta(days=2))
        sms = await identity_for(session, "sms", "+31600000004", NOW - timedelta(days=2))
        for identity in (who, sms):
            session.add(
                OutboxMessage(
                    person_id=identity.person_id,
                    identity_id=identity.id,
                    channel=identity.channel,
                    text_key="x",
                    body="x",
                    status=outbox.WAITING_WINDOW,
                    created_at=NOW - timedelta(days=1),
                    next_attempt_at=NOW - timedelta(days=1),
                    error="whatsapp:window",
                )
            )
    await store(
        sessions,
        [message("SMw", "+31600000003", channel="whatsapp"), message("SMs", "+31600000004")],
        committed,
    )
    async with sessions() as session:
        rows = {r.channel: r for r in (await session.execute(select(OutboxMessage))).scalars()}
        assert rows["whatsapp"].status == outbox.PENDING and rows["whatsapp"].next_attempt_at == NOW
        assert rows["whatsapp"].error is None
        assert rows["sms"].status == outbox.WAITING_WINDOW


async def test_an_address_another_process_made_meanwhile_keeps_its_person(
    sessions: Sessions, committed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lookup missed the address (another process created it between lookup and insert): its row wins,
    the person made here is taken back, and the message goes to the winner."""
    async with sessions() as session, session.begin():
        winner = await identity_for(session, "sms", "+31600000005", NOW)
    monkeypatch.setattr(inbox, "_SQLITE_LOOKUP", inbox._SQLITE_LOOKUP + " AND 0")
    missed = inbox._PG_INSERT_KNOWN.replace("AND i.address = d.a), ", "AND i.address = d.a AND false), ")
    assert missed != inbox._PG_INSERT_KNOWN
    monkeypatch.setattr(inbox, "_PG_INSERT_KNOWN", missed)
    missed_committed = inbox._PG_STORE_KNOWN.replace(
        "AND i.address = d.a), ", "AND i.address = d.a AND false), "
    )
    assert missed_committed != inbox._PG_STORE_KNOWN
    monkeypatch.setattr(inbox, "_PG_STORE_KNOWN", missed_committed)
    stored = await store(
        sessions, [message("SMr", "+31600000005"), message("SMn", "+31600000006")], committed
    )
    assert (stored[0].identity_id, stored[0].person_id) == (winner.id, winner.person_id)
    async with sessions() as session:
        assert (
            await count(session, Person)
            == await count(session, Identity)
            == await count(session, Conversation)
            == 2
        )


async def test_one_persons_messages_in_a_batch_keep_their_order_in_their_ids(
    sessions: Sessions, committed: bool
) -> None:
    """The engine reads a person's messages in id order: a batch's ids follow the arrival order."""
    batch = [message(f"SM{n:03d}"[::-1], "+31600000007") for n in range(40)]
    ids = [stored.inbound_id or 0 for stored in await store(sessions, batch, committed)]
    assert 0 not in ids and ids == sorted(ids)


async def test_a_batch_of_known_addresses_and_first_contacts_keeps_each_persons_order(
    sessions: Sessions,
    committed: bool,
) -> None:
    """Known addresses' messages are inserted with their lookup, first contacts' after their people are
    made: every message stored once, under its own person, each person's ids in arrival order."""
    await store(sessions, [message("SMk0", "+31600000021")], committed)
    batch = [
        message(f"SMm{n:02d}{address[-2:]}", address)
        for n in range(12)
        for address in ("+31600000021", "+31600000022", "+31600000023")
    ]
    again = message("SMm0021", "+31600000099")  # a delivery again, garbled: the first one's sender
    stored = await store(sessions, [*batch, batch[0], again], committed)
    assert [s.duplicate for s in stored] == [False] * len(batch) + [True, True]
    assert stored[-1].person_id == stored[-2].person_id == stored[0].person_id
    stored = stored[:-1]
    by_person: dict[int, list[int]] = {}
    for one in stored[:-1]:
        by_person.setdefault(one.person_id, []).append(one.inbound_id or 0)
    assert len(by_person) == 3 and all(ids == sorted(ids) and 0 not in ids for ids in by_person.values())
    async with sessions() as session:
        assert await count(session, InboundMessage) == 1 + len(batch)
        assert await count(session, Person) == 3


async def test_stored_committed_is_committed_when_it_returns(sessions: Sessions) -> None:
    """Ingest's transaction (`store_committed`): on PostgreSQL the COMMIT goes with its last statements,
    so another connection sees the messages before the session's own commit, which then finds nothing
    to do; on SQLite the session commits as for `store_many`. Either way the messages stay."""
    async with sessions() as session, session.begin():
        stored = await inbox.store_committed(
            session, [message("SMc1", "+31600000031"), message("SMc2", "+31600000032")]
        )
        if session.bind.dialect.name == "postgresql":
            async with sessions() as other:
                assert await count(other, InboundMessage) == 2
    assert not any(s.duplicate for s in stored)
    async with sessions() as session:
        assert await count(session, InboundMessage) == 2
        again = await inbox.store_committed(session, [message("SMc1", "+31600000031")])
        assert again[0].duplicate


async def _waiting_on_a_lock(sessions: Sessions) -> bool:
    async with sessions() as session:
        waiting = await session.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
        )
        return bool(waiting.scalar_one())


async def test_ingest_locks_people_before_addresses_in_id_order_as_a_batch_does(
    sessions: Sessions, committed: bool, database_url: str
) -> None:
    """A batch of the engine holds its people locked (FOR NO KEY UPDATE, in id order) to its commit, and
    its effects may then change their addresses (a STOP). Ingest writing the same people's and
    addresses' last activity takes the same order, people first and each table in id order: it waits
    for the batch without holding what the batch needs next. With the addresses first (session 9) this
    deadlocked, and PostgreSQL aborted one of the two."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer: nothing waits for a row lock")
    first, second = await store(
        sessions, [message("SMa", "+31600000011"), message("SMb", "+31600000012")], committed
    )
    assert first.person_id < second.person_id
    async with sessions() as batch, batch.begin():
        await batch.execute(
            select(Person.id).where(Person.id == first.person_id).with_for_update(key_share=True)
        )
        ingest = asyncio.ensure_future(
            store(sessions, [message("SMc", "+31600000012"), message("SMd", "+31600000011")], committed)
        )
        for _ in range(500):
            if await _waiting_on_a_lock(sessions):
                break
            await asyncio.sleep(0.01)
        assert not ingest.done() and await _waiting_on_a_lock(sessions)
        # Waiting for the first person, ingest holds neither the later person nor either address.
        async with sessions() as other, other.begin():
            for table, row_id in (
                ("people", second.person_id),
                ("identities", first.identity_id),
                ("identities", second.identity_id),
            ):
                await other.execute(
                    text(f"SELECT id FROM {table} WHERE id = :id FOR NO KEY UPDATE NOWAIT"), {"id": row_id}
                )
        await batch.execute(update(Identity).where(Identity.id == first.identity_id).values(stopped_at=NOW))
    stored = await asyncio.wait_for(ingest, 10)
    assert [s.duplicate for s in stored] == [False, False]
    async with sessions() as session:
        identity = await session.get(Identity, first.identity_id)
        person = await session.get(Person, first.person_id)
        assert identity is not None and identity.stopped_at == NOW and identity.last_inbound_at == NOW
        assert person is not None and person.last_active_at == NOW
        assert await count(session, InboundMessage) == 4


async def test_sqlite_ingest_runs_here_when_the_lock_is_free_and_waits_off_the_loop_when_not(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite the batch is written on the calling thread (one hand-off: the commit); while another
    process holds the write lock it waits on aiosqlite's thread, the event loop running meanwhile."""
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's thread hand-offs")
    db = make_engine(database_url)
    sessions = make_sessionmaker(db)
    try:
        await store(sessions, [message("SM1", "+31600000001")])  # the connection opened (its set-up hops)
        hops = sqlite_hand_offs(monkeypatch)
        await store(sessions, [message("SM2", "+31600000002"), message("SM2b", "+31600000001")])
        assert hops == ["commit"]
        other = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        asyncio.get_running_loop().call_later(0.3, other.execute, "COMMIT")
        async with LoopTicks() as ticks:
            stored = await store(sessions, [message("SM3", "+31600000003")])
        other.close()
        async with sessions() as session:
            assert await count(session, InboundMessage) == 4
        assert hops[1:] == ["_store_sqlite", "commit"]
    finally:
        await db.dispose()
    assert stored[0].inbound_id is not None
    assert ticks.count >= 15  # about 30 while the lock was held: the loop was never blocked


async def test_ingests_own_transaction_leaves_the_connection_as_it_found_it(sessions: Sessions) -> None:
    """On PostgreSQL `store_committed` sends BEGIN and COMMIT itself, the connection in autocommit
    meanwhile: afterwards, stored or failed, the connection is out of autocommit again with no
    transaction open (the pool's next user gets transactions as before), and a failed batch keeps
    nothing."""
    if sessions.kw["bind"].dialect.name != "postgresql":
        pytest.skip("PostgreSQL's driver connection")
    from psycopg.pq import TransactionStatus

    async def driver_of(session: AsyncSession) -> Any:
        return (await (await session.connection()).get_raw_connection()).driver_connection

    async with sessions() as session, session.begin():
        driver = await driver_of(session)
        await inbox.store_committed(session, [message("SMa1", "+31600000041")])
        assert not driver.autocommit and driver.info.transaction_status == TransactionStatus.IDLE
    async with sessions() as session:
        driver = await driver_of(session)
        with pytest.raises(Exception, match="too long"):
            await inbox.store_committed(session, [message("SM" * 40, "+31600000041")])
        assert not driver.autocommit and driver.info.transaction_status == TransactionStatus.IDLE
        await session.rollback()
    async with sessions() as session:
        assert await count(session, InboundMessage) == 1
