"""Inbound messages: stored exactly once, then processed per person in arrival order."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage import outbox
from storage.bulk import KeyedUpdate, Updates, run_together
from storage.db import IDLE, as_is, connection_of, core, now_if_free, own_transaction, table_of
from storage.models import Conversation, Identity, InboundMessage, Person


@dataclass(frozen=True, slots=True)
class StoredInbound:
    person_id: int
    identity_id: int
    inbound_id: int | None  # None: a duplicate delivery of a message we already have

    @property
    def duplicate(self) -> bool:
        return self.inbound_id is None


async def identity_for(
    session: AsyncSession, channel: str, address: str, now: datetime, tenant: str = "default"
) -> Identity:
    """The identity for a channel address of one tenant, creating the person on first contact (the same
    number writing to two tenants is two people).

    Two first messages from one address may race (two web processes); the unique constraint decides
    and the loser reads the winner's row.
    """
    query = select(Identity).where(
        Identity.tenant == tenant, Identity.channel == channel, Identity.address == address
    )
    identity = (await session.execute(query)).scalar_one_or_none()
    if identity is not None:
        return identity
    try:
        async with session.begin_nested():
            person = Person(created_at=now, last_active_at=now, language="nl", tenant=tenant)
            session.add(person)
            await session.flush()
            identity = Identity(
                person_id=person.id, channel=channel, address=address, created_at=now, tenant=tenant
            )
            session.add(identity)
            session.add(Conversation(person_id=person.id, state={}, updated_at=now))
            await session.flush()
            return identity
    except IntegrityError:
        return (await session.execute(query)).scalar_one()


@dataclass(frozen=True, slots=True)
class NewInbound:
    """An inbound message as a webhook parsed it, to be stored (`store_many`)."""

    tenant: str
    channel: str
    provider_id: str
    address: str
    event: dict[str, Any]
    received_at: datetime


async def store_many(
    session: AsyncSession, messages: list[NewInbound], *, commit: bool = False
) -> list[StoredInbound]:
    """Store inbound messages, each once: a provider id the tenant's provider delivered before stores
    nothing (a duplicate). Set-based, on the driver (no ORM, no statement compiled per batch): the
    addresses looked up in one statement (a first contact creates its person), the messages inserted
    (ON CONFLICT DO NOTHING, RETURNING what was new), and the addresses' and people's last activity and
    WhatsApp's reopened window written one statement each. On SQLite all of it runs in one go, on the
    calling thread when the write lock is free (else on the connection's thread, see
    storage.db.now_if_free); on PostgreSQL each statement takes arrays (`unnest`), whatever the batch size.

    Runs in the session's transaction, which the caller commits (storage.db.BatchCommit); with `commit`,
    on PostgreSQL the COMMIT goes with the last statements (one round trip less) and the session's own
    commit then finds nothing open: only for a transaction that holds nothing else (`store_committed`)."""
    if not messages:
        return []
    rows: dict[tuple[str, str, str], NewInbound] = {}
    for message in messages:  # the same delivery twice in one batch: the first is the message
        rows.setdefault((message.tenant, message.channel, message.provider_id), message)
    connection = await connection_of(session)
    raw = await connection.get_raw_connection()
    driver: Any = raw.driver_connection
    writer = _writer(connection.dialect)
    if connection.dialect.name == "postgresql":
        found, new_ids = await _store_postgres(driver, writer, list(rows.values()), commit=commit)
    else:  # the whole batch in one go: here if the write lock is free, else on aiosqlite's thread
        batch = list(rows.values())
        done = now_if_free(driver._conn, _store_sqlite, writer, batch)
        found, new_ids = done or await driver._execute(_store_sqlite, driver._conn, writer, batch)
    stored: list[StoredInbound] = []
    for message in messages:
        # A delivery again in the same batch is the message first delivered: its sender's ids.
        first = rows[(message.tenant, message.channel, message.provider_id)]
        identity_id, person_id = found[(first.tenant, first.channel, first.address)]
        inbound_id = new_ids.pop((message.tenant, message.channel, message.provider_id), None)
        stored.append(StoredInbound(person_id=person_id, identity_id=identity_id, inbound_id=inbound_id))
    return stored


async def store_committed(session: AsyncSession, messages: list[NewInbound]) -> list[StoredInbound]:
    """`store_many` as ingest's whole transaction: committed with its last statements on PostgreSQL."""
    return await store_many(session, messages, commit=True)


Key = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class _Writer:
    """How values go to the driver: SQLAlchemy's own bind processors for the columns' types (so rows
    written here read back exactly as the ORM's: SQLite's timestamp text, the JSON encoding)."""

    timestamp: Any
    event: Any
    empty_state: Any

    def at(self, value: datetime) -> Any:
        return self.timestamp(value)


_writers: dict[str, _Writer] = {}


def _writer(dialect: Any) -> _Writer:
    writer = _writers.get(dialect.name)
    if writer is None:
        # PostgreSQL takes the events as text cast to jsonb[] (SQLAlchemy's JSONB processor wraps them).
        event: Any = json.dumps
        if dialect.name != "postgresql":
            event = _inbound.c.event.type.bind_processor(dialect) or as_is
        writer = _Writer(
            timestamp=_inbound.c.received_at.type.bind_processor(dialect), event=event, empty_state=event({})
        )
        _writers[dialect.name] = writer
    return writer


def _inbound_row(message: NewInbound, found: dict[Key, tuple[int, int]], writer: _Writer) -> tuple[Any, ...]:
    """The values of `inbound_messages` (tenant, channel, provider_id, identity_id, person_id, received_at,
    event) for one message, as the driver takes them."""
    identity_id, person_id = found[(message.tenant, message.channel, message.address)]
    return (
        message.tenant,
        message.channel,
        message.provider_id,
        identity_id,
        person_id,
        writer.at(message.received_at),
        writer.event(message.event),
    )


def _activity(
    messages: list[NewInbound], found: dict[Key, tuple[int, int]], new_ids: dict[Key, int]
) -> tuple[dict[int, datetime], dict[int, datetime], dict[int, datetime]]:
    """Of the messages stored now: last inbound per address, last activity per person, and the WhatsApp
    addresses whose 24-hour window opens again (what waited for it goes out)."""
    inbound_at: dict[int, datetime] = {}
    active_at: dict[int, datetime] = {}
    reopened: dict[int, datetime] = {}
    for message in messages:
        if (message.tenant, message.channel, message.provider_id) not in new_ids:
            continue
        identity_id, person_id = found[(message.tenant, message.channel, message.address)]
        inbound_at[identity_id] = active_at[person_id] = message.received_at
        if message.channel == "whatsapp":
            reopened[identity_id] = message.received_at
    return inbound_at, active_at, reopened


# SQLite: plain statements on the driver, all run by `_store_sqlite` on the connection's thread.
# The addresses as a table of constant rows joined to the unique index (a row-value IN list would scan
# the whole table: SQLite's plan for it is SCAN identities).
_SQLITE_LOOKUP = (
    "SELECT i.tenant, i.channel, i.address, i.id, i.person_id FROM (VALUES {rows}) AS k "
    "CROSS JOIN identities AS i ON i.tenant = k.column1 AND i.channel = k.column2 AND i.address = k.column3"
)
_SQLITE_NEW_PERSON = (
    "INSERT INTO people (tenant, created_at, language, last_active_at) VALUES (?, ?, 'nl', ?) RETURNING id"
)
_SQLITE_NEW_IDENTITY = (
    "INSERT INTO identities (tenant, person_id, channel, address, created_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (tenant, channel, address) DO NOTHING RETURNING id"
)
_SQLITE_NEW_CONVERSATION = "INSERT INTO conversations (person_id, state, updated_at) VALUES (?, ?, ?)"
_SQLITE_FORGET_PERSON = "DELETE FROM people WHERE id = ?"
_SQLITE_ONE_IDENTITY = "SELECT id, person_id FROM identities WHERE tenant = ? AND channel = ? AND address = ?"
# One statement for the batch's messages (up to 1,000 rows: 7,000 of SQLite's 32,766 parameters); the rows
# go in VALUES order, so one person's messages keep their arrival order in their ids.
_SQLITE_INSERT = (
    "INSERT INTO inbound_messages (tenant, channel, provider_id, identity_id, person_id, received_at, event) "
    "VALUES {rows} ON CONFLICT (tenant, channel, provider_id) DO NOTHING "
    "RETURNING id, tenant, channel, provider_id"
)
_SQLITE_INSERT_ROWS = 1000
_SQLITE_INBOUND_AT = "UPDATE identities SET last_inbound_at = ? WHERE id = ?"
_SQLITE_ACTIVE_AT = "UPDATE people SET last_active_at = ? WHERE id = ?"
_SQLITE_REOPENED = (
    f"UPDATE outbox SET status = '{outbox.PENDING}', next_attempt_at = ?, error = NULL "
    f"WHERE identity_id = ? AND status = '{outbox.WAITING_WINDOW}'"
)


def _store_sqlite(
    connection: sqlite3.Connection, writer: _Writer, messages: list[NewInbound]
) -> tuple[dict[Key, tuple[int, int]], dict[Key, int]]:
    """`store_many` on SQLite: the batch's statements in one go, on whichever thread runs it."""
    keys = list({(m.tenant, m.channel, m.address): None for m in messages})
    found: dict[Key, tuple[int, int]] = {}
    for start in range(0, len(keys), 300):  # SQLite allows 32,766 parameters a statement
        chunk = keys[start : start + 300]
        sql = _SQLITE_LOOKUP.format(rows=", ".join(["(?, ?, ?)"] * len(chunk)))
        for tenant, channel, address, identity_id, person_id in connection.execute(
            sql, [value for key in chunk for value in key]
        ):
            found[(tenant, channel, address)] = (identity_id, person_id)
    for key in keys:
        if key not in found:
            found[key] = _first_contact_sqlite(connection, writer, key, _first_at(messages, key))
    new_ids: dict[Key, int] = {}
    for start in range(0, len(messages), _SQLITE_INSERT_ROWS):
        part = messages[start : start + _SQLITE_INSERT_ROWS]
        sql = _SQLITE_INSERT.format(rows=", ".join(["(?, ?, ?, ?, ?, ?, ?)"] * len(part)))
        values = [value for m in part for value in _inbound_row(m, found, writer)]
        for row_id, tenant, channel, provider_id in connection.execute(sql, values).fetchall():
            new_ids[(tenant, channel, provider_id)] = row_id
    inbound_at, active_at, reopened = _activity(messages, found, new_ids)
    connection.executemany(_SQLITE_INBOUND_AT, [(writer.at(t), i) for i, t in sorted(inbound_at.items())])
    connection.executemany(_SQLITE_ACTIVE_AT, [(writer.at(t), p) for p, t in sorted(active_at.items())])
    connection.executemany(_SQLITE_REOPENED, [(writer.at(t), i) for i, t in sorted(reopened.items())])
    return found, new_ids


def _first_at(messages: list[NewInbound], key: Key) -> datetime:
    return next(m.received_at for m in messages if (m.tenant, m.channel, m.address) == key)


def _first_contact_sqlite(
    connection: sqlite3.Connection, writer: _Writer, key: Key, now: datetime
) -> tuple[int, int]:
    """A new address: its person, identity and empty conversation (as `identity_for`). Should another
    process have created the address meanwhile, its row wins and our person is taken back."""
    tenant, channel, address = key
    at = writer.at(now)
    person_id = connection.execute(_SQLITE_NEW_PERSON, (tenant, at, at)).fetchone()[0]
    row = connection.execute(_SQLITE_NEW_IDENTITY, (tenant, person_id, channel, address, at)).fetchone()
    if row is None:
        connection.execute(_SQLITE_FORGET_PERSON, (person_id,))
        identity_id, person_id = connection.execute(_SQLITE_ONE_IDENTITY, key).fetchone()
        return identity_id, person_id
    connection.execute(_SQLITE_NEW_CONVERSATION, (person_id, writer.empty_state, at))
    return row[0], person_id


# PostgreSQL: one statement each, the batch as array parameters.
# Addresses another process created while this one made them (`_first_contacts_postgres`).
_PG_WINNERS = (
    "SELECT i.tenant, i.channel, i.address, i.id, i.person_id FROM identities i "
    "JOIN unnest(%s::text[], %s::text[], %s::text[]) AS k(tenant, channel, address) "
    "ON i.tenant = k.tenant AND i.channel = k.channel AND i.address = k.address"
)
_PG_NEW_PEOPLE = (
    "INSERT INTO people (tenant, created_at, language, last_active_at) "
    "SELECT t, a, 'nl', a FROM unnest(%s::text[], %s::timestamp[]) AS n(t, a) RETURNING id"
)
_PG_NEW_IDENTITIES = (
    "INSERT INTO identities (tenant, person_id, channel, address, created_at) "
    "SELECT * FROM unnest(%s::text[], %s::bigint[], %s::text[], %s::text[], %s::timestamp[]) "
    "ON CONFLICT (tenant, channel, address) DO NOTHING RETURNING id, person_id"
)
_PG_NEW_CONVERSATIONS = (
    "INSERT INTO conversations (person_id, state, updated_at) "
    "SELECT p, '{}'::jsonb, a FROM unnest(%s::bigint[], %s::timestamp[]) AS n(p, a)"
)
_PG_FORGET_PEOPLE = "DELETE FROM people WHERE id = ANY(%s::bigint[])"
# In array order (ORDER BY the ordinality): one person's messages keep their arrival order in their ids.
_PG_INSERT = (
    "INSERT INTO inbound_messages (tenant, channel, provider_id, identity_id, person_id, received_at, event) "
    "SELECT t, c, p, i, pe, r, e FROM unnest(%s::text[], %s::text[], %s::text[], %s::bigint[], %s::bigint[], "
    "%s::timestamp[], %s::jsonb[]) WITH ORDINALITY AS v(t, c, p, i, pe, r, e, n) ORDER BY n "
    "ON CONFLICT (tenant, channel, provider_id) DO NOTHING RETURNING id, tenant, channel, provider_id"
)


def _known_inserted(returning: str = "") -> str:
    """The CTEs `v` (the batch's messages, in array order), `k` (their addresses found) and `ins` (the
    messages of those addresses inserted in array order, RETURNING id, tenant, channel, provider_id and
    `returning`): the start of `_PG_INSERT_KNOWN` and `_PG_STORE_KNOWN`."""
    return (
        "WITH v AS MATERIALIZED (SELECT * FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], "
        "%s::timestamp[], %s::jsonb[]) WITH ORDINALITY AS v(t, c, p, a, r, e, n)), "
        "k AS MATERIALIZED (SELECT i.tenant, i.channel, i.address, i.id, i.person_id FROM identities i "
        "JOIN (SELECT DISTINCT t, c, a FROM v) AS d "
        "ON i.tenant = d.t AND i.channel = d.c AND i.address = d.a), "
        "ins AS (INSERT INTO inbound_messages "
        "(tenant, channel, provider_id, identity_id, person_id, received_at, event) "
        "SELECT v.t, v.c, v.p, k.id, k.person_id, v.r, v.e FROM v "
        "JOIN k ON k.tenant = v.t AND k.channel = v.c AND k.address = v.a ORDER BY v.n "
        "ON CONFLICT (tenant, channel, provider_id) DO NOTHING "
        f"RETURNING id, tenant, channel, provider_id{returning}) "
    )


# The batch's messages of known addresses inserted with their addresses' ids in one statement, in array
# order; it answers the addresses found (identity_id set) and the messages inserted (identity_id NULL):
# an address it does not find is a first contact, whose messages `_store_postgres` inserts after.
_PG_INSERT_KNOWN = _known_inserted() + (
    "SELECT NULL::bigint, tenant, channel, address, id, person_id FROM k "
    "UNION ALL SELECT id, tenant, channel, provider_id, NULL::bigint, NULL::bigint FROM ins"
)


# Ingest's updates lock their rows in id order first (a materialised, sorted FOR ... UPDATE: LockRows
# runs above the sort), people before addresses, as the engine's batch does (`storage.profile`'s
# `_LOCK_MANY`, then what its effects change). An UPDATE ... FROM unnest locks rows in whatever order
# its join finds them, which deadlocked with a batch holding the same people (soak, session 9).
def _update_in_id_order(table: str, column: str) -> str:
    """`table.column = t` for each (id, t) of two arrays, the rows locked in id order first."""
    return (
        f"WITH locked AS MATERIALIZED (SELECT id FROM {table} WHERE id = ANY(%s::bigint[]) ORDER BY id "
        "FOR NO KEY UPDATE) "
        f"UPDATE {table} SET {column} = v.t FROM locked JOIN unnest(%s::bigint[], %s::timestamp[]) "
        f"AS v(id, t) ON v.id = locked.id WHERE {table}.id = locked.id"
    )


_PG_ACTIVE_AT = _update_in_id_order("people", "last_active_at")
_PG_INBOUND_AT = _update_in_id_order("identities", "last_inbound_at")
_PG_REOPENED = (
    "WITH locked AS MATERIALIZED (SELECT outbox.id, v.t FROM outbox "
    "JOIN unnest(%s::bigint[], %s::timestamp[]) AS v(id, t) ON outbox.identity_id = v.id "
    f"WHERE outbox.status = '{outbox.WAITING_WINDOW}' ORDER BY outbox.id FOR NO KEY UPDATE OF outbox) "
    f"UPDATE outbox SET status = '{outbox.PENDING}', next_attempt_at = locked.t, error = NULL "
    "FROM locked WHERE outbox.id = locked.id"
)


# The channel a batch of stored messages is announced on (PostgreSQL NOTIFY, delivered on commit).
NEW_MESSAGES = "voordeur_inbound"

# Ingest's whole transaction for messages of known addresses, one statement: the messages inserted
# joined to their addresses (as `_PG_INSERT_KNOWN`), then what they change, each in its lock order:
# the people (`last_active_at`) locked in id order, then the addresses (`last_inbound_at`), then
# WhatsApp's replies waiting for the window. A CTE's sub-statements run in whatever order the plan
# pulls them, so each lock step waits for the one before it through a one-time filter on its result
# (`(SELECT count(*) FROM ...) >= 0`, evaluated before its scan returns a row): the same order as the
# engine's batch and as the separate statements this replaces, which deadlocked when unordered (session
# 9). The NOTIFY goes only when a message is new. It answers as `_PG_INSERT_KNOWN` does.
_PG_STORE_KNOWN = _known_inserted(", identity_id, person_id, received_at") + (
    ", people_locked AS MATERIALIZED (SELECT id FROM people WHERE id IN (SELECT person_id FROM ins) "
    "ORDER BY id FOR NO KEY UPDATE), "
    "active AS (UPDATE people SET last_active_at = a.at "
    "FROM (SELECT person_id, max(received_at) AS at FROM ins GROUP BY person_id) AS a "
    "JOIN people_locked AS l ON l.id = a.person_id WHERE people.id = l.id RETURNING people.id), "
    "addresses_locked AS MATERIALIZED (SELECT id FROM identities "
    "WHERE id IN (SELECT identity_id FROM ins) AND (SELECT count(*) FROM active) >= 0 "
    "ORDER BY id FOR NO KEY UPDATE), "
    "inbound AS (UPDATE identities SET last_inbound_at = a.at "
    "FROM (SELECT identity_id, max(received_at) AS at FROM ins GROUP BY identity_id) AS a "
    "JOIN addresses_locked AS l ON l.id = a.identity_id WHERE identities.id = l.id "
    "RETURNING identities.id), "
    "waiting_locked AS MATERIALIZED (SELECT outbox.id, a.at FROM outbox "
    "JOIN (SELECT identity_id, max(received_at) AS at FROM ins WHERE channel = 'whatsapp' "
    "GROUP BY identity_id) AS a ON outbox.identity_id = a.identity_id "
    f"WHERE outbox.status = '{outbox.WAITING_WINDOW}' AND (SELECT count(*) FROM inbound) >= 0 "
    "ORDER BY outbox.id FOR NO KEY UPDATE OF outbox), "
    f"reopened AS (UPDATE outbox SET status = '{outbox.PENDING}', next_attempt_at = w.at, error = NULL "
    "FROM waiting_locked AS w WHERE outbox.id = w.id), "
    f"note AS MATERIALIZED (SELECT pg_notify('{NEW_MESSAGES}', %s)::text AS sent "
    "FROM (SELECT 1 FROM ins LIMIT 1) AS any_new) "
    "SELECT NULL::bigint, tenant, channel, address, id, person_id FROM k "
    "UNION ALL SELECT id, tenant, channel, provider_id, NULL::bigint, NULL::bigint FROM ins "
    "UNION ALL SELECT NULL::bigint, NULL, NULL, NULL, NULL::bigint, NULL::bigint FROM note"
)


async def _store_postgres(
    connection: Any, writer: _Writer, messages: list[NewInbound], *, commit: bool = False
) -> tuple[dict[Key, tuple[int, int]], dict[Key, int]]:
    """`store_many` on PostgreSQL (psycopg's connection, in the session's transaction).

    With `commit` and no transaction open yet this is the whole transaction, and a batch of known
    addresses (most) takes two round trips: BEGIN and the messages inserted joined to their addresses,
    then the activity updates, the NOTIFY and COMMIT, each a pipeline. BEGIN and COMMIT go as
    statements of those pipelines (storage.db's `own_transaction`). Before: BEGIN, the lookup, the
    INSERT, the updates and the COMMIT, five (bench/README.md, session 17)."""
    if not commit or connection.info.transaction_status != IDLE:
        return await _store_postgres_writes(connection, writer, messages, begin_and_commit=False)
    async with own_transaction(connection):
        found, new_ids = await _store_known_committed(connection, writer, messages)
    first_contacts = [m for m in messages if (m.tenant, m.channel, m.address) not in found]
    if first_contacts:  # a transaction of their own, after the known addresses' committed
        async with own_transaction(connection):
            more = await _store_postgres_writes(connection, writer, first_contacts, begin_and_commit=True)
        found.update(more[0])
        new_ids.update(more[1])
    return found, new_ids


async def _store_known_committed(
    connection: Any, writer: _Writer, messages: list[NewInbound]
) -> tuple[dict[Key, tuple[int, int]], dict[Key, int]]:
    """The messages of known addresses stored and committed in one round trip: BEGIN, `_PG_STORE_KNOWN`
    and COMMIT in one pipeline (before: two, the activity updates waiting for the insert's answer).
    Messages of addresses not found are not stored: they are the caller's (first contacts)."""
    found: dict[Key, tuple[int, int]] = {}
    new_ids: dict[Key, int] = {}
    parameters = [*_columns([_known_row(m, writer) for m in messages], 6), notifier()]
    async with connection.cursor() as cursor:
        async with connection.pipeline():
            await connection.execute("BEGIN")
            await cursor.execute(_PG_STORE_KNOWN, parameters)
            await connection.execute("COMMIT")
        _read_known(await cursor.fetchall(), found, new_ids)
    return found, new_ids


def _read_known(rows: list[Any], found: dict[Key, tuple[int, int]], new_ids: dict[Key, int]) -> None:
    """What `_PG_INSERT_KNOWN` and `_PG_STORE_KNOWN` answer: the addresses found (their identity and
    person) and the messages inserted (their ids); `_PG_STORE_KNOWN`'s row of its NOTIFY has neither."""
    for row_id, tenant, channel, text_key, identity_id, person_id in rows:
        if identity_id is not None:  # an address of the batch: (tenant, channel, address)
            found[(tenant, channel, text_key)] = (identity_id, person_id)
        elif row_id is not None:  # an inserted message: (tenant, channel, provider id)
            new_ids[(tenant, channel, text_key)] = row_id


async def _store_postgres_writes(
    connection: Any, writer: _Writer, messages: list[NewInbound], *, begin_and_commit: bool
) -> tuple[dict[Key, tuple[int, int]], dict[Key, int]]:
    keys = list({(m.tenant, m.channel, m.address): None for m in messages})
    found: dict[Key, tuple[int, int]] = {}
    new_ids: dict[Key, int] = {}
    async with connection.cursor() as cursor:
        async with connection.pipeline():
            if begin_and_commit:
                await connection.execute("BEGIN")
            await cursor.execute(_PG_INSERT_KNOWN, _columns([_known_row(m, writer) for m in messages], 6))
        _read_known(await cursor.fetchall(), found, new_ids)
        missing = [key for key in keys if key not in found]
        if missing:  # first contacts: their people made, then their messages inserted
            await _first_contacts_postgres(cursor, writer, missing, messages, found)
            late = {key: None for key in missing}
            values = [
                _inbound_row(m, found, writer) for m in messages if (m.tenant, m.channel, m.address) in late
            ]
            await cursor.execute(_PG_INSERT, _columns(values, 7))
            new_ids.update(
                ((tenant, channel, pid), row_id) for row_id, tenant, channel, pid in await cursor.fetchall()
            )
        inbound_at, active_at, reopened = _activity(messages, found, new_ids)
        # What follows needs no answer: sent together (psycopg's pipeline mode), one wait for all of
        # them, run by the server in this order (people before addresses, as the lock order wants).
        async with connection.pipeline():
            for statement, changes in (
                (_PG_ACTIVE_AT, active_at),
                (_PG_INBOUND_AT, inbound_at),
            ):
                if changes:
                    ids = sorted(changes)
                    await cursor.execute(statement, (ids, ids, [writer.at(changes[i]) for i in ids]))
            if reopened:
                ids = sorted(reopened)
                await cursor.execute(_PG_REOPENED, (ids, [writer.at(reopened[i]) for i in ids]))
            if new_ids:  # other processes' engines own some people: wake them on commit
                await cursor.execute(f"SELECT pg_notify('{NEW_MESSAGES}', %s)", (notifier(),))
            if begin_and_commit:
                await connection.execute("COMMIT")
    return found, new_ids


def _known_row(message: NewInbound, writer: _Writer) -> tuple[Any, ...]:
    """The values `_PG_INSERT_KNOWN` takes for one message (its address's ids are the statement's)."""
    return (
        message.tenant,
        message.channel,
        message.provider_id,
        message.address,
        writer.at(message.received_at),
        writer.event(message.event),
    )


async def _first_contacts_postgres(
    cursor: Any,
    writer: _Writer,
    missing: list[Key],
    messages: list[NewInbound],
    found: dict[Key, tuple[int, int]],
) -> None:
    """New addresses: their people, identities and empty conversations, set-based. An address another
    process created meanwhile keeps its row (ON CONFLICT), and the person made for it here is deleted."""
    at = [writer.at(_first_at(messages, key)) for key in missing]
    await cursor.execute(_PG_NEW_PEOPLE, ([key[0] for key in missing], at))
    people = [row[0] for row in await cursor.fetchall()]
    await cursor.execute(
        _PG_NEW_IDENTITIES,
        ([k[0] for k in missing], people, [k[1] for k in missing], [k[2] for k in missing], at),
    )
    made = {person_id: identity_id for identity_id, person_id in await cursor.fetchall()}
    kept = [(p, a) for p, a in zip(people, at, strict=True) if p in made]
    if kept:
        await cursor.execute(_PG_NEW_CONVERSATIONS, ([p for p, _a in kept], [a for _p, a in kept]))
    lost = [key for key, person_id in zip(missing, people, strict=True) if person_id not in made]
    for key, person_id in zip(missing, people, strict=True):
        if person_id in made:
            found[key] = (made[person_id], person_id)
    if lost:
        await cursor.execute(_PG_FORGET_PEOPLE, ([p for p in people if p not in made],))
        await cursor.execute(_PG_WINNERS, _columns(lost, 3))
        for tenant, channel, address, identity_id, person_id in await cursor.fetchall():
            found[(tenant, channel, address)] = (identity_id, person_id)


def _columns(rows: list[Any], width: int) -> list[list[Any]]:
    """Rows as columns: the arrays `unnest` takes back apart."""
    return [[row[i] for row in rows] for i in range(width)] if rows else [[] for _ in range(width)]


INTERNAL = "internal"


def notifier() -> str:
    """The payload of this process's NOTIFYs on `NEW_MESSAGES`: its own engine was told about what it
    stored (bot/engine.py `kick`) and need not look at the table for its own notes."""
    return f"{socket.gethostname()}:{os.getpid()}"


async def post_internal(
    session: AsyncSession,
    person_id: int,
    name: str,
    data: dict[str, Any],
    now: datetime,
    *,
    key: str,
    about: int | None = None,
) -> None:
    """Put an event in a person's mailbox (another person's step or a timer caused it).

    It is processed like a message from them: in order, under their lock, by their own flow. `key`
    makes it idempotent: posting the same key twice stores it once.
    """
    await post_internal_many(session, [internal_post(person_id, name, data, now, key=key, about=about)])


def internal_post(
    person_id: int, name: str, data: dict[str, Any], now: datetime, *, key: str, about: int | None = None
) -> dict[str, Any]:
    """One mailbox post's parameters, for `post_internal_many`."""
    return {
        "provider_id": key[:64],
        "person_id": person_id,
        "received_at": now,
        "event": {"kind": "internal", "command": name, "meta": data},
        "about_person_id": about,
    }


async def post_internal_many(session: AsyncSession, posts: list[dict[str, Any]]) -> None:
    """Posts built by `internal_post`, in this order, as one executemany (one driver call): a batch's
    steps post "nobody found" and invitations for many requests at once."""
    if posts:
        await session.execute(_POST_INTERNAL, posts)


# One statement for both databases, built once. SQLAlchemy's dialect INSERTs with ON CONFLICT have no
# cache key (2.0): each post compiled its statement anew, about a millisecond of CPU, and a request
# posts to every volunteer it invites. `text()` is cached; the column types bind the values as the
# ORM writes them (the timestamp's text on SQLite, the event's JSON).
_inbound = table_of(InboundMessage)
_POST_INTERNAL = text(
    "INSERT INTO inbound_messages (tenant, channel, provider_id, identity_id, person_id, received_at, event,"
    " about_person_id) VALUES ('default', :channel, :provider_id, NULL, :person_id, :received_at, :event,"
    " :about_person_id) ON CONFLICT (tenant, channel, provider_id) DO NOTHING"
).bindparams(
    bindparam("channel", value=INTERNAL),
    bindparam("received_at", type_=_inbound.c.received_at.type),
    bindparam("event", type_=_inbound.c.event.type),
)


async def recent_from_person(session: AsyncSession, person_id: int, since: datetime) -> int:
    """Messages the person sent since `since` (their own, not internal events)."""
    result = await session.execute(RECENT_FROM_PERSON, {"person_id": person_id, "since": since})
    return int(result.scalar_one())


async def preferred_identity(session: AsyncSession, person_id: int) -> Identity | None:
    """Where to reach a person who did not just write: the address they used last, if not stopped."""
    return (await session.execute(_PREFERRED_IDENTITY, {"person_id": person_id})).scalar_one_or_none()


async def lock_person(session: AsyncSession, person_id: int) -> Person | None:
    """Take the person's row lock (PostgreSQL), so one person's messages are handled by one process
    at a time and in order. SQLite has one writer per database already.

    FOR NO KEY UPDATE, not FOR UPDATE: another transaction that posts an event into this person's
    mailbox takes a KEY SHARE lock for the foreign key, and must not wait for (or deadlock with) us.
    """
    return (await session.execute(_LOCK_PERSON, {"person_id": person_id})).scalar_one_or_none()


async def mark_processed(session: AsyncSession, marks: list[dict[str, Any]]) -> None:
    """Mark handled messages in one statement (storage.bulk): each is {"inbound_id", "processed_at",
    "error"}."""
    await _MARK_MANY.run(session, marks)


async def save_states(session: AsyncSession, states: list[dict[str, Any]]) -> None:
    """Store conversation states in one statement (storage.bulk): each {"conversation_of", "state",
    "updated_at"} (the rows exist: first contact created them)."""
    await _SAVE_STATES.run(session, states)


async def mark_processed_and_save_states(
    session: AsyncSession, marks: list[dict[str, Any]], states: list[dict[str, Any]]
) -> None:
    """`mark_processed` and `save_states` at once: on PostgreSQL one wait for both (storage.bulk's
    `run_together`), the end of each engine batch."""
    await run_together(session, marks_and_states(marks, states))


def marks_and_states(marks: list[dict[str, Any]], states: list[dict[str, Any]]) -> Updates:
    """The updates of `mark_processed_and_save_states`, for a caller that sends them with a statement
    of its own (the engine, after its replies' INSERT: storage.outbox's `then`)."""
    return [(_MARK_MANY, marks), (_SAVE_STATES, states)]


async def pending_for_person(session: AsyncSession, person_id: int) -> list[InboundMessage]:
    return [message for message, _identity in await pending_with_identity(session, person_id)]


async def pending_with_identity(
    session: AsyncSession, person_id: int
) -> list[tuple[InboundMessage, Identity | None]]:
    """The person's unprocessed messages in arrival order, each with the identity it came from
    (None for internal events)."""
    rows = await session.execute(_PENDING_WITH_IDENTITY, {"person_id": person_id})
    return [(message, identity) for message, identity in rows.tuples()]


# The hot path's statements, built once: building a statement and computing its cache key cost more
# CPU than SQLite takes to run it.
RECENT_FROM_PERSON = (
    select(func.count())
    .select_from(InboundMessage)
    .where(
        InboundMessage.person_id == bindparam("person_id"),
        InboundMessage.identity_id.is_not(None),
        InboundMessage.received_at > bindparam("since"),
    )
)


def preferred_first(identities: Any) -> tuple[Any, ...]:
    """The order `preferred_identity` picks in (the address used last first), for an Identity entity or
    an alias of its table (storage.profile reads it for a batch's internal events)."""
    return (identities.last_inbound_at.desc().nulls_last(), identities.id.desc())


_PREFERRED_IDENTITY = (
    select(Identity)
    .where(Identity.person_id == bindparam("person_id"), Identity.stopped_at.is_(None))
    .order_by(*preferred_first(Identity))
    .limit(1)
)
_LOCK_PERSON = select(Person).where(Person.id == bindparam("person_id")).with_for_update(key_share=True)
# Core, not ORM: no unit of work or loaded object for rows the step only writes. The SET columns are
# the parameters' other keys (their types from the table).
_conversations = table_of(Conversation)
_MARK_MANY = KeyedUpdate(_inbound, "id", "inbound_id")
_SAVE_STATES = KeyedUpdate(_conversations, "person_id", "conversation_of")
_PENDING_WITH_IDENTITY = (
    select(InboundMessage, Identity)
    .outerjoin(Identity, Identity.id == InboundMessage.identity_id)
    .where(InboundMessage.person_id == bindparam("person_id"), InboundMessage.processed_at.is_(None))
    .order_by(InboundMessage.id)
)


def _people_with_pending(partitioned: bool, excluding: bool) -> Select[tuple[int]]:
    query = select(_inbound.c.person_id).where(
        _inbound.c.processed_at.is_(None), _inbound.c.received_at <= bindparam("older_than")
    )
    if partitioned:
        query = query.where(
            (_inbound.c.person_id % bindparam("count")).in_(bindparam("owned", expanding=True))
        )
    if excluding:
        query = query.where(_inbound.c.person_id.not_in(bindparam("excluding", expanding=True)))
    return query.order_by(_inbound.c.id).limit(bindparam("limit"))


# Built once per shape (partitioned or not, people left out or not): the engine asks every round.
_PEOPLE_WITH_PENDING = {
    (partitioned, excluding): _people_with_pending(partitioned, excluding)
    for partitioned in (False, True)
    for excluding in (False, True)
}


async def people_with_pending(
    session: AsyncSession,
    older_than: datetime,
    limit: int = 200,
    partitions: tuple[int, frozenset[int]] | None = None,
    excluding: Collection[int] = (),
) -> tuple[list[int], bool]:
    """The people (but those `excluding`) of the oldest `limit` messages not handled yet (received by
    `older_than`), in the order of their oldest one: the pending index read in id order, so a backlog
    costs no more than a batch. `partitions` (count, owned): only people whose id modulo count is
    owned (PostgreSQL, several engines: see bot/partitions.py). With them: whether `limit` messages
    were found (more may be waiting behind them)."""
    parameters: dict[str, Any] = {"older_than": older_than, "limit": limit}
    if partitions is not None:
        parameters["count"], owned = partitions[0], sorted(partitions[1])
        parameters["owned"] = owned
    if excluding:
        parameters["excluding"] = sorted(excluding)
    query = _PEOPLE_WITH_PENDING[(partitions is not None, bool(excluding))]
    found = list((await core(session, query, parameters)).scalars())
    return list(dict.fromkeys(found)), len(found) >= limit


async def stop_all_addresses(session: AsyncSession, person_id: int, reason: str, now: datetime) -> None:
    await session.execute(
        update(Identity)
        .where(Identity.person_id == person_id, Identity.stopped_at.is_(None))
        .values(stopped_at=now, stop_reason=reason)
    )


async def mark_address_stopped(
    session: AsyncSession, channel: str, address: str, reason: str, now: datetime, tenant: str = "default"
) -> bool:
    """Mark a tenant's address stopped (opt-out, bot blocked). Returns whether such an address was known."""
    result = await session.execute(
        update(Identity)
        .where(
            Identity.tenant == tenant,
            Identity.channel == channel,
            Identity.address == address,
            Identity.stopped_at.is_(None),
        )
        .values(stopped_at=now, stop_reason=reason)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
