"""The outbox: replies and scheduled messages as rows, claimed by one sender at a time.

A row is claimed (status `sending`, a lease in `claimed_until`) in its own committed transaction before
the provider is called, with `FOR UPDATE SKIP LOCKED` on PostgreSQL so several senders never take the
same row. Only the oldest unsent row of an address can be claimed, so one person's messages arrive in
order. A claim whose lease expired (the process died mid-send) is not simply resent: its outcome is
unknown, so it is reconciled with the provider first.

Rows born claimed (issue 16): the engine's replies are inserted already claimed by the sender of the
process that wrote them (`insert_born`), when `claim_due` would have taken them at that moment: due, on
a channel that sender serves, and no earlier row of the address blocking them. Their lease is in the row
from the start, so a crash before they are sent leaves an expired lease that `expire_claims` and the
sender reconcile as after any claim. The lease is the sender's token: `renew` and `give_back` change a
row only while it still holds the lease value the sender knows.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Integer, and_, bindparam, exists, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from storage.bulk import NOTHING, KeyedUpdate, Then, flushed, postgres_runs, run_together, send_together
from storage.db import ForIds, among, as_is, bind_processors, connection_of, core, driver_errors, table_of
from storage.models import Identity, OutboxMessage

SENDING = "sending"
PENDING = "pending"
SENT = "sent"
FAILED = "failed"
UNKNOWN = "unknown"
CANCELLED = "cancelled"
# A WhatsApp message outside the 24-hour window that can go neither as a template nor by SMS: it waits
# for the person to write on WhatsApp again (`window_reopened`); the staff queue lists these.
WAITING_WINDOW = "waiting_window"


@dataclass(frozen=True, slots=True)
class ClaimedMessage:
    id: int
    person_id: int
    identity_id: int
    channel: str
    address: str
    body: str
    choices: tuple[tuple[str, str], ...]
    text_key: str
    params: dict[str, str]
    scheduled: bool
    allow_when_stopped: bool
    address_stopped: bool
    attempts: int
    needs_reconcile: bool
    created_at: datetime
    first_attempt_at: datetime | None
    # When the person last wrote from this address (WhatsApp's 24-hour window).
    last_inbound_at: datetime | None = None
    # The address's tenant: the message goes out with that tenant's credentials only.
    tenant: str = "default"
    # Set before a send only by a provider's confirmation tied to this row (a Twilio status callback
    # naming its id): an earlier attempt whose outcome was unknown did arrive.
    provider_id: str | None = None
    # The claim's lease as written in the row (the sender's token for `renew` and `give_back`).
    claimed_until: datetime | None = None
    # Born claimed in the engine's transaction (`insert_born`), not taken by `claim_due`: its outcome
    # may wait for others' (bot/delivery/sender.py OUTCOME_LINGER).
    born: bool = False


class Handoff(Protocol):
    """Takes the engine's replies: inserts them in the batch's transaction (some born claimed, see
    `insert_born`) and gets those once it committed (the outbox sender, bot/delivery/sender.py). Rows
    born before the batch's last statements are read again at its end (`restate`): a STOP later in the
    same batch stops their address."""

    async def insert_outbox(
        self,
        session: AsyncSession,
        rows: list[dict[str, Any]],
        *,
        then: Then = NOTHING,
        earlier: list[ClaimedMessage] | None = None,
    ) -> list[ClaimedMessage]: ...

    async def restate(self, session: AsyncSession, claimed: list[ClaimedMessage]) -> list[ClaimedMessage]: ...

    def hand_over(self, claimed: list[ClaimedMessage]) -> None: ...


def enqueue(session: AsyncSession, **fields: Any) -> OutboxMessage:
    """Add one row through the ORM (see `row` for the fields)."""
    message = OutboxMessage(**row(**fields))
    session.add(message)
    return message


async def insert_rows(session: AsyncSession, rows: list[dict[str, Any]], *, then: Then = NOTHING) -> None:
    """Insert rows built by `row`, in order, with one Core executemany (the engine's replies: no ORM
    objects to track), then what `then` says (storage.bulk). Rows added through the ORM and not yet
    flushed go first, so ids keep the order in which rows were made (the sender sends an address's
    rows in id order)."""
    if rows:
        if any(isinstance(pending, OutboxMessage) for pending in session.new):
            await session.flush()
        await core(session, _INSERT, rows)
    await run_together(session, then.updates, commit=then.commit)


_INSERT = insert(table_of(OutboxMessage))


def row(
    *,
    person_id: int,
    identity_id: int,
    channel: str,
    text_key: str,
    body: str,
    choices: list[list[str]],
    now: datetime,
    params: dict[str, str] | None = None,
    inbound_id: int | None = None,
    scheduled: bool = False,
    allow_when_stopped: bool = False,
    due_at: datetime | None = None,
) -> dict[str, Any]:
    """A new pending row's columns; every row has the same keys (an executemany needs that)."""
    return {
        "person_id": person_id,
        "identity_id": identity_id,
        "channel": channel,
        "text_key": text_key,
        "body": body,
        "choices": choices,
        "params": params or None,
        "inbound_id": inbound_id,
        "scheduled": scheduled,
        "allow_when_stopped": allow_when_stopped,
        "status": PENDING,
        "attempts": 0,
        "created_at": now,
        "next_attempt_at": due_at or now,
    }


async def expire_claims(session: AsyncSession, now: datetime) -> int:
    """Claims whose lease ran out (a sender died mid-send) go back to the queue, marked for
    reconciliation because the provider may have received them."""
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == SENDING, OutboxMessage.claimed_until < now)
        .values(status=PENDING, needs_reconcile=True, claimed_until=None)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def claim_due(
    session: AsyncSession, now: datetime, *, limit: int, lease: timedelta, channels: tuple[str, ...]
) -> list[ClaimedMessage]:
    """Claim up to `limit` due rows, at most one per address (the oldest unsent one). Three prebuilt
    Core statements (candidates, claim, read back): nothing built, aliased or cache-keyed per call and
    no ORM object per row."""
    found = await core(session, _CLAIM_CANDIDATES, {"now": now, "channels": list(channels), "limit": limit})
    ids = list(found.scalars())
    if not ids:
        return []
    until = now + lease
    await core(session, _CLAIM, {"ids": ids, "until": until, "now": now})
    return [
        ClaimedMessage(
            id=row.id,
            person_id=row.person_id,
            identity_id=row.identity_id,
            channel=row.channel,
            address=row.address,
            body=row.body,
            choices=tuple((str(key), str(label)) for key, label in row.choices),
            text_key=row.text_key,
            params={str(key): str(value) for key, value in (row.params or {}).items()},
            scheduled=row.scheduled,
            allow_when_stopped=row.allow_when_stopped,
            address_stopped=row.stopped_at is not None,
            attempts=row.attempts,
            needs_reconcile=row.needs_reconcile,
            created_at=row.created_at,
            first_attempt_at=row.first_attempt_at,
            last_inbound_at=row.last_inbound_at,
            tenant=row.tenant,
            provider_id=row.provider_id,
            claimed_until=until,
        )
        for row in await core(session, _CLAIMED_ROWS, {"ids": ids})
    ]


def _blocks_later(earlier: Any, now: Any) -> Any:
    """A row that holds back the later rows of its address: being sent, due, or waiting for a retry
    (`now`: the statement's bound parameter).

    The statuses come first as one list: with the address they are the index `ix_outbox_identity_status`
    (identity_id, status, id), so each candidate's probe reads only its address's unsent rows. Written as
    `sending OR (pending/unknown AND ...)`, PostgreSQL without fresh statistics (autovacuum behind) ANDed
    in a scan of every `sending` row per candidate: 1.9 s instead of 12 ms for a claim with 5,000 rows
    waiting (bench/README.md, session 9)."""
    return and_(
        among(earlier.status, (SENDING, PENDING, UNKNOWN)),
        or_(earlier.status == SENDING, earlier.next_attempt_at <= now, earlier.attempts > 0),
    )


async def insert_born(
    session: AsyncSession,
    rows: list[dict[str, Any]],
    *,
    now: datetime,
    lease: timedelta,
    channels: tuple[str, ...],
    limit: int,
    then: Then = NOTHING,
    ours: Collection[int] = (),
) -> list[ClaimedMessage]:
    """Insert rows built by `row` (as `insert_rows`), about `limit` of them born claimed (an address's
    rows together, `_candidates`): each that
    `claim_due` would take now, with its address's later rows of this batch behind it, then what `then`
    says (storage.bulk). Returns those born claimed, in id order; they are the caller's to
    send once this transaction committed.

    `ours`: ids of rows the caller holds claimed and sends in order (its lanes): they do not hold back
    their addresses' new rows, which the caller sends after them. Why: a person's reply born while their
    previous one is still `sending` (its outcome not yet written) went to the claim path, a claim
    query and a wait for that outcome's commit (37 % of replies in a PostgreSQL backlog run, session 22).

    One statement for the addresses (which have an earlier row that blocks, and their facts) and one
    INSERT for all rows, with RETURNING for the ids; on PostgreSQL `then` goes in the INSERT's pipeline
    (one wait for both: the engine's marks and states at its batch's end)."""
    if not rows:
        await run_together(session, then.updates, commit=then.commit)
        return []
    # The Core statements below do not autoflush: what the batch's effects changed through the ORM (a
    # START clearing the address's stop, a row an effect queued) is written first, as a query through
    # the ORM would have; also what a COMMIT in `then` must not leave behind.
    await flushed(session)
    until = now + lease
    connection = await connection_of(session)
    if connection.dialect.name == "postgresql" and limit > 0:
        found = await _insert_born_postgres(connection, rows, now, until, channels, limit, then, ours)
        return _claimed(rows, *found, now, until)
    wanted = {r["identity_id"] for r in rows if r["channel"] in channels and r["next_attempt_at"] <= now}
    facts: dict[int, tuple[str, bool, datetime | None, str]] = {}
    if wanted and limit > 0:
        if ours:
            statement, parameters = _FREE_ADDRESSES_BESIDE.pick(sorted(wanted))
            parameters["ours"] = sorted(ours)
        else:
            statement, parameters = _FREE_ADDRESSES.pick(sorted(wanted))
        free = await core(session, statement, {**parameters, "now": now})
        for identity_id, address, stopped_at, last_inbound_at, tenant in free:
            facts[identity_id] = (address, stopped_at is not None, last_inbound_at, tenant)
    born = _candidates(rows, now, channels, limit, free=facts.keys())
    chosen = set(born)
    values = [
        {**fields, "status": SENDING, "claimed_until": until, "attempts": 1, "first_attempt_at": now}
        if position in chosen
        else {**fields, "claimed_until": None, "first_attempt_at": None}
        for position, fields in enumerate(rows)
    ]
    ids = await _insert_returning_ids(session, values, then)
    return _claimed(rows, born, facts, ids, now, until)


def _claimed(
    rows: list[dict[str, Any]],
    born: list[int],
    facts: dict[int, tuple[str, bool, datetime | None, str]],
    ids: list[int],
    now: datetime,
    until: datetime,
) -> list[ClaimedMessage]:
    """The rows at positions `born` as the sender takes them, with their new ids and addresses' facts."""
    claimed = []
    for position in born:
        fields = rows[position]
        address, stopped, last_inbound_at, tenant = facts[fields["identity_id"]]
        claimed.append(
            ClaimedMessage(
                id=ids[position],
                person_id=fields["person_id"],
                identity_id=fields["identity_id"],
                channel=fields["channel"],
                address=address,
                body=fields["body"],
                choices=tuple((str(key), str(label)) for key, label in fields["choices"]),
                text_key=fields["text_key"],
                params={str(key): str(value) for key, value in (fields["params"] or {}).items()},
                scheduled=fields["scheduled"],
                allow_when_stopped=fields["allow_when_stopped"],
                address_stopped=stopped,
                attempts=1,
                needs_reconcile=False,
                created_at=fields["created_at"],
                first_attempt_at=now,
                last_inbound_at=last_inbound_at,
                tenant=tenant,
                claimed_until=until,
                born=True,
            )
        )
    return claimed


async def _insert_returning_ids(session: AsyncSession, values: list[dict[str, Any]], then: Then) -> list[int]:
    """Insert rows that all have the same keys, then what `then` says; the rows' new ids, in the rows'
    order. The caller has flushed the session (a COMMIT in `then` leaves nothing of it behind).

    Written here and sent on the driver: through SQLAlchemy, its execution context processed each
    row's parameters and its insertmanyvalues step rendered and sorted the statement again: 12-30 % of
    the inserting transaction's CPU for 4-30 replies on SQLite (bench/README.md, session 14), and its
    statement cannot join a pipeline on PostgreSQL. The ids come sorted: one INSERT gives its rows the
    next ids in the order it inserts them (SQLite's VALUES one writer at a time, as storage.db's
    `_insert_many_rows_at_once` relies on; PostgreSQL's sequence in the ORDER BY of the arrays'
    ordinality, as ingest's INSERT relies on, storage/inbox.py)."""
    connection = await connection_of(session)
    raw = await connection.get_raw_connection()
    driver: Any = raw.driver_connection
    columns = tuple(values[0])
    if connection.dialect.name == "postgresql":
        insert_of = _postgres_insert_of(columns, connection.dialect)
        arrays = [
            [value[column] for value in values]
            if process is None
            else [process(value[column]) for value in values]
            for column, process in insert_of.processors
        ]
        runs = postgres_runs(then.updates, connection.dialect)
        async with driver_errors(connection, insert_of.head), driver.cursor() as inserted:
            async with driver.cursor() as cursor, driver.pipeline():
                await inserted.execute(insert_of.head, arrays)
                await send_together(cursor, runs, commit=then.commit)
            return sorted(row[0] for row in await inserted.fetchall())
    insert_of = _sqlite_insert_of(columns, connection.dialect)
    cursor = await driver.cursor()
    ids: list[int] = []
    for start in range(0, len(values), _SQLITE_INSERT_ROWS):
        part = values[start : start + _SQLITE_INSERT_ROWS]
        parameters = [
            value[column] if process is None else process(value[column])
            for value in part
            for column, process in insert_of.processors
        ]
        await cursor.execute(
            insert_of.head + ", ".join([insert_of.marks] * len(part)) + " RETURNING id", parameters
        )
        ids.extend(sorted(row[0] for row in await cursor.fetchall()))
    await run_together(session, then.updates)  # SQLite: the session commits (no wait to save)
    return ids


def _candidates(
    rows: list[dict[str, Any]],
    now: datetime,
    channels: tuple[str, ...],
    limit: int,
    free: Collection[int] | None = None,
) -> list[int]:
    """Positions of the rows born claimed: each due row of a sender's channel whose address is `free`
    (None: every address, PostgreSQL's candidates); after a due row that is not, its address's later
    rows of the batch stay pending behind it. `limit` is checked at an address's first row only: an
    address's rows are born together or not at all. Why: cut after its first reply, an address's
    second reply stayed pending behind the first and held back every later reply of that person
    until the claim path took them one round at a time (PostgreSQL full load, session 23)."""
    held: set[int] = set()
    started: set[int] = set()
    born: list[int] = []
    for position, fields in enumerate(rows):
        identity_id, due = fields["identity_id"], fields["next_attempt_at"] <= now
        claimable = identity_id not in held and fields["channel"] in channels
        room = identity_id in started or len(born) < limit
        if due and claimable and (free is None or identity_id in free) and room:
            born.append(position)
            started.add(identity_id)
        elif due:
            held.add(identity_id)
    return born


async def _insert_born_postgres(
    connection: AsyncConnection,
    rows: list[dict[str, Any]],
    now: datetime,
    until: datetime,
    channels: tuple[str, ...],
    limit: int,
    then: Then,
    ours: Collection[int],
) -> tuple[list[int], dict[int, tuple[str, bool, datetime | None, str]], list[int]]:
    """`insert_born` on PostgreSQL in one statement: which addresses are free is read by the INSERT
    itself (`_born_insert_of`), so the batch's end waits once for it and `then` (before: once for the
    read, once for the INSERT). The candidates are chosen here as if every address were free; the
    statement keeps pending those of an address a row holds back, so each address's rows are all born
    or none, as with the read first. A candidate kept pending still took its place under `limit`: at
    worst fewer rows born near the sender's limit, which the claim path then takes."""
    raw = await connection.get_raw_connection()
    driver: Any = raw.driver_connection
    values = [{**fields, "claimed_until": None, "first_attempt_at": None} for fields in rows]
    candidates = _candidates(rows, now, channels, limit)
    chosen = set(candidates)
    insert_of = _born_insert_of(tuple(values[0]), connection.dialect)
    at = insert_of.at
    arrays = [
        [value[column] for value in values]
        if process is None
        else [process(value[column]) for value in values]
        for column, process in insert_of.processors
    ]
    wanted = sorted({rows[position]["identity_id"] for position in candidates})
    parameters = [
        at(now),
        at(until),
        wanted,
        sorted(ours),
        *arrays,
        [position in chosen for position in range(len(rows))],
    ]
    runs = postgres_runs(then.updates, connection.dialect)
    async with driver_errors(connection, insert_of.head), driver.cursor() as inserted:
        async with driver.cursor() as cursor, driver.pipeline():
            await inserted.execute(insert_of.head, parameters)
            await send_together(cursor, runs, commit=then.commit)
        answered = await inserted.fetchall()
    facts: dict[int, tuple[str, bool, datetime | None, str]] = {}
    born: list[int] = []
    ids: list[int] = []
    for position, (row_id, identity_id, address, stopped_at, last_inbound_at, tenant) in enumerate(answered):
        ids.append(row_id)
        if address is not None:  # born claimed: its address was free
            born.append(position)
            facts[identity_id] = (address, stopped_at is not None, insert_of.read_at(last_inbound_at), tenant)
    return born, facts, ids


@dataclass(frozen=True, slots=True)
class _BornInsert:
    head: str  # the whole statement
    processors: tuple[tuple[str, Any], ...]  # (column, its bind processor or None)
    at: Any  # a timestamp as the outbox's timestamp columns bind it
    read_at: Any  # a timestamp read back as SQLAlchemy reads the addresses' (aware UTC)


_born_inserts: dict[tuple[str, ...], _BornInsert] = {}
# Set by the statement itself, for the rows it bears claimed.
_BORN_COLUMNS = {
    "status": f"CASE WHEN w.born THEN '{SENDING}' ELSE w.{{v}} END",
    "claimed_until": "CASE WHEN w.born THEN k.until ELSE w.{v} END",
    "attempts": "CASE WHEN w.born THEN 1 ELSE w.{v} END",
    "first_attempt_at": "CASE WHEN w.born THEN k.now ELSE w.{v} END",
}


def _born_insert_of(columns: tuple[str, ...], dialect: Any) -> _BornInsert:
    """The INSERT of `_insert_born_postgres`, built once per columns: the free addresses among the
    candidates' (as `_FREE_ADDRESSES`, read in the statement's snapshot, before its own rows), the rows
    in the arrays' order (their ids in that order), the candidates of free addresses born claimed, and
    for each row its id with, if born, its address's facts."""
    built = _born_inserts.get(columns)
    if built is None:
        arrays = ", ".join(f"%b::{_outbox.c[column].type.compile(dialect)}[]" for column in columns)
        names = [f"v{i}" for i in range(len(columns))]
        chosen = ", ".join(
            _BORN_COLUMNS[column].format(v=name) if column in _BORN_COLUMNS else f"w.{name}"
            for column, name in zip(columns, names, strict=True)
        )
        identity = names[columns.index("identity_id")]
        blocking = ", ".join(f"'{status}'" for status in (SENDING, PENDING, UNKNOWN))
        head = (
            "WITH k AS MATERIALIZED (SELECT %b::timestamp AS now, %b::timestamp AS until), "
            "free AS MATERIALIZED (SELECT i.id, i.address, i.stopped_at, i.last_inbound_at, i.tenant "
            "FROM identities AS i WHERE i.id = ANY(%b::bigint[]) "
            "AND NOT EXISTS (SELECT 1 FROM outbox AS e, k "
            f"WHERE e.identity_id = i.id AND e.status IN ({blocking}) "
            f"AND (e.status = '{SENDING}' OR e.next_attempt_at <= k.now OR e.attempts > 0) "
            "AND e.id <> ALL(%b::bigint[]))), "
            f"ins AS (INSERT INTO outbox ({', '.join(columns)}) SELECT {chosen} "
            f"FROM (SELECT v.*, v.candidate AND v.{identity} IN (SELECT id FROM free) AS born "
            f"FROM unnest({arrays}, %b::boolean[]) WITH ORDINALITY AS v({', '.join(names)}, candidate, n)) "
            "AS w CROSS JOIN k ORDER BY w.n RETURNING id, identity_id, status) "
            "SELECT ins.id, ins.identity_id, f.address, f.stopped_at, f.last_inbound_at, f.tenant FROM ins "
            f"LEFT JOIN free AS f ON f.id = ins.identity_id AND ins.status = '{SENDING}' ORDER BY ins.id"
        )
        timestamps = _outbox.c.claimed_until.type.dialect_impl(dialect)
        read = _identities.c.last_inbound_at.type.dialect_impl(dialect).result_processor(dialect, None)
        built = _born_inserts[columns] = _BornInsert(
            head=head,
            processors=tuple(zip(columns, bind_processors(_outbox, columns, dialect), strict=True)),
            at=timestamps.bind_processor(dialect) or as_is,
            read_at=read or as_is,
        )
    return built


@dataclass(frozen=True, slots=True)
class _DriverInsert:
    head: str  # SQLite: INSERT INTO outbox (columns) VALUES; PostgreSQL: the whole statement
    marks: str  # SQLite: one row's (?, ?, ...)
    processors: tuple[tuple[str, Any], ...]  # (column, SQLAlchemy's bind processor for its type or None)


# Rows an INSERT on SQLite: 500 rows of the outbox's 20 columns stay well under its 32,766 parameters.
_SQLITE_INSERT_ROWS = 500
_sqlite_inserts: dict[tuple[str, ...], _DriverInsert] = {}


def _sqlite_insert_of(columns: tuple[str, ...], dialect: Any) -> _DriverInsert:
    """The INSERT's parts for these columns, built once: values go through the columns' own bind
    processors, so timestamps and JSON are written as the ORM writes them."""
    built = _sqlite_inserts.get(columns)
    if built is None:
        built = _sqlite_inserts[columns] = _DriverInsert(
            head=f"INSERT INTO outbox ({', '.join(columns)}) VALUES ",
            marks="(" + ", ".join(["?"] * len(columns)) + ")",
            processors=tuple(zip(columns, bind_processors(_outbox, columns, dialect), strict=True)),
        )
    return built


_postgres_inserts: dict[tuple[str, ...], _DriverInsert] = {}


def _postgres_insert_of(columns: tuple[str, ...], dialect: Any) -> _DriverInsert:
    """`INSERT INTO outbox (columns) SELECT * FROM unnest(arrays)` in the arrays' order, RETURNING id,
    built once (`head` is the whole statement; values through the columns' bind processors)."""
    built = _postgres_inserts.get(columns)
    if built is None:
        arrays = ", ".join(f"%b::{_outbox.c[column].type.compile(dialect)}[]" for column in columns)
        names = ", ".join(f"v{i}" for i in range(len(columns)))
        built = _postgres_inserts[columns] = _DriverInsert(
            head=f"INSERT INTO outbox ({', '.join(columns)}) SELECT {names} FROM unnest({arrays}) "
            f"WITH ORDINALITY AS v({names}, n) ORDER BY n RETURNING id",
            marks="",
            processors=tuple(zip(columns, bind_processors(_outbox, columns, dialect), strict=True)),
        )
    return built


async def address_states(
    session: AsyncSession, identity_ids: set[int]
) -> dict[int, tuple[bool, datetime | None]]:
    """(stopped, last inbound) of each address, read now: a row born claimed early in its batch is
    checked against them at the batch's end (a STOP later in the same batch) and again when it waited
    in its lane."""
    query = select(Identity.id, Identity.stopped_at, Identity.last_inbound_at).where(
        Identity.id.in_(identity_ids)
    )
    return {
        identity_id: (stopped_at is not None, last_inbound_at)
        for identity_id, stopped_at, last_inbound_at in await session.execute(query)
    }


async def renew(session: AsyncSession, message_id: int, held_until: datetime, until: datetime) -> bool:
    """Extend this sender's claim on a row (from the lease it holds to `until`); False when the row is
    no longer under that lease (expired and taken back): then it must not be sent from here."""
    result = await session.execute(
        update(_outbox)
        .where(_outbox.c.id == message_id, _outbox.c.status == SENDING, _outbox.c.claimed_until == held_until)
        .values(claimed_until=until)
    )
    return int(result.rowcount) == 1  # type: ignore[attr-defined]


async def give_back(session: AsyncSession, leases: list[tuple[int, datetime]]) -> None:
    """Return claimed rows not handed to a provider (an earlier row of their address must go first) to
    the queue, attempt not counted; only rows still under the lease this sender holds."""
    if leases:
        await session.execute(
            _GIVE_BACK, [{"give_id": message_id, "held_until": until} for message_id, until in leases]
        )


async def finish_many(session: AsyncSession, outcomes: list[dict[str, object]]) -> None:
    """Record many outcomes (each from `outcome`): one statement per set of columns they change (arrays
    on PostgreSQL, an executemany elsewhere: storage.bulk)."""
    await _FINISH_MANY.run(session, outcomes)


async def finish_committed(session: AsyncSession, outcomes: list[dict[str, object]]) -> list[None]:
    """`finish_many` as the sender's whole outcome transaction (storage.db.BatchCommit): on PostgreSQL
    BEGIN, the statements and COMMIT in one pipeline, one round trip (three before: psycopg's BEGIN, the
    statements, the COMMIT; storage.bulk's `run_together`). Outcomes finishing together are one
    transaction with one statement per shape (111 µs of CPU an outcome on SQLite and 237 on PostgreSQL
    with an UPDATE each, 24 and 31 this way; bench/README.md); each send still returns only once its
    outcome committed."""
    await run_together(session, [(_FINISH_MANY, outcomes)], commit=True)
    return [None] * len(outcomes)


def outcome(
    message_id: int,
    *,
    status: str,
    now: datetime,
    provider_id: str | None = None,
    error: str | None = None,
    next_attempt_at: datetime | None = None,
    needs_reconcile: bool | None = None,
) -> dict[str, object]:
    """The parameters of `_FINISH_MANY` for one outcome (the row's id, then the columns it sets)."""
    values: dict[str, object] = {"finish_id": message_id, "status": status, "claimed_until": None}
    if status == SENT:
        values.update(sent_at=now, provider_id=provider_id, error=None, needs_reconcile=False)
    if error is not None:
        values["error"] = error[:120]
    if next_attempt_at is not None:
        values["next_attempt_at"] = next_attempt_at
    if needs_reconcile is not None:
        values["needs_reconcile"] = needs_reconcile
    return values


# Built once, on the table (Core): no statement building, cache key or ORM session sync per outcome.
# The SET columns are the parameters' other keys.
_outbox = table_of(OutboxMessage)
_identities = table_of(Identity)
_earlier = _outbox.alias("earlier")
_NOW = bindparam("now", type_=_outbox.c.next_attempt_at.type)
# Due rows not held back by an earlier row of their address, oldest first.
_CLAIM_CANDIDATES = (
    select(_outbox.c.id)
    .where(
        _outbox.c.status.in_((PENDING, UNKNOWN)),
        _outbox.c.next_attempt_at <= _NOW,
        _outbox.c.channel.in_(bindparam("channels", expanding=True)),
        ~exists().where(
            _earlier.c.identity_id == _outbox.c.identity_id,
            _earlier.c.id < _outbox.c.id,
            _blocks_later(_earlier.c, _NOW),
        ),
    )
    .order_by(_outbox.c.next_attempt_at, _outbox.c.id)
    .limit(bindparam("limit", type_=Integer))
    .with_for_update(skip_locked=True)
)
_CLAIM = (
    update(_outbox)
    .where(_outbox.c.id.in_(bindparam("ids", expanding=True)))
    .values(
        status=SENDING,
        claimed_until=bindparam("until", type_=_outbox.c.claimed_until.type),
        attempts=_outbox.c.attempts + 1,
        first_attempt_at=func.coalesce(_outbox.c.first_attempt_at, _NOW),
        needs_reconcile=or_(_outbox.c.needs_reconcile, _outbox.c.status == UNKNOWN),
    )
)
_CLAIMED_ROWS = (
    select(
        *(
            _outbox.c[name]
            for name in (
                "id",
                "person_id",
                "identity_id",
                "channel",
                "body",
                "choices",
                "text_key",
                "params",
                "scheduled",
                "allow_when_stopped",
                "attempts",
                "needs_reconcile",
                "created_at",
                "first_attempt_at",
                "provider_id",
            )
        ),
        _identities.c.address,
        _identities.c.stopped_at,
        _identities.c.last_inbound_at,
        _identities.c.tenant,
    )
    .join_from(_outbox, _identities, _identities.c.id == _outbox.c.identity_id)
    .where(_outbox.c.id.in_(bindparam("ids", expanding=True)))
    .order_by(_outbox.c.id)
)


def _free_addresses(*also: Any) -> ForIds[Any]:
    """Of these addresses, those no row of theirs holds back (`also`: more conditions on such a row),
    with the facts a claim reads."""
    return ForIds(
        lambda match: select(
            _identities.c.id,
            _identities.c.address,
            _identities.c.stopped_at,
            _identities.c.last_inbound_at,
            _identities.c.tenant,
        ).where(
            match(_identities.c.id),
            ~exists().where(
                _earlier.c.identity_id == _identities.c.id, _blocks_later(_earlier.c, _NOW), *also
            ),
        )
    )


_FREE_ADDRESSES = _free_addresses()
# The same, where the caller's own rows (`ours`, held in its lanes) do not hold an address back.
_FREE_ADDRESSES_BESIDE = _free_addresses(_earlier.c.id.not_in(bindparam("ours", expanding=True)))
_FINISH_MANY = KeyedUpdate(_outbox, "id", "finish_id", also=_outbox.c.status == SENDING)
_GIVE_BACK = (
    update(_outbox)
    .where(
        _outbox.c.id == bindparam("give_id"),
        _outbox.c.status == SENDING,
        _outbox.c.claimed_until == bindparam("held_until"),
    )
    .values(status=PENDING, claimed_until=None, attempts=_outbox.c.attempts - 1)
)


async def defer(session: AsyncSession, message_id: int, until: datetime) -> None:
    """Put a claimed row back until `until` without counting an attempt (quiet hours): a deferred
    scheduled message must not hold back replies to a person who is writing right now."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.status == SENDING)
        .values(
            status=PENDING, claimed_until=None, next_attempt_at=until, attempts=OutboxMessage.attempts - 1
        )
    )


async def sms_address(session: AsyncSession, person_id: int) -> tuple[int, str] | None:
    """The person's SMS identity (id, number) that is not stopped, most recently used first."""
    query = (
        select(Identity.id, Identity.address)
        .where(Identity.person_id == person_id, Identity.channel == "sms", Identity.stopped_at.is_(None))
        .order_by(Identity.last_inbound_at.desc().nulls_last(), Identity.id.desc())
        .limit(1)
    )
    found = (await session.execute(query)).first()
    return None if found is None else (int(found[0]), str(found[1]))


async def reroute(session: AsyncSession, message_id: int, identity_id: int, channel: str) -> None:
    """Send a claimed row to another address of the same person (WhatsApp window closed: SMS)."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.status == SENDING)
        .values(identity_id=identity_id, channel=channel)
    )


# Why a row waits for WhatsApp's window (its `error`, shown in the staff queue).
WINDOW_NO_TEMPLATE = "window:no_template"
WINDOW_TEMPLATE_NOT_APPROVED = "window:template_not_approved"
WINDOW_TEMPLATE_PARAMS = "window:template_params_missing"


async def wait_for_window(session: AsyncSession, message_id: int, reason: str = WINDOW_NO_TEMPLATE) -> None:
    """Park a claimed WhatsApp row until the person writes on WhatsApp again; not counted as an attempt.
    `reason` says why no template could carry it (staff see it in their queue)."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.status == SENDING)
        .values(status=WAITING_WINDOW, claimed_until=None, attempts=OutboxMessage.attempts - 1, error=reason)
    )


async def window_reopened(session: AsyncSession, identity_id: int, now: datetime) -> int:
    """The person wrote from this WhatsApp address: its waiting rows go back to the queue, oldest first
    (they keep their ids, so they go out before the reply to the new message)."""
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.identity_id == identity_id, OutboxMessage.status == WAITING_WINDOW)
        .values(status=PENDING, next_attempt_at=now, error=None)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class WaitingMessage:
    """A message waiting for WhatsApp's window, as the staff queue lists it (no text, no number)."""

    id: int
    person_id: int
    text_key: str
    created_at: datetime
    last_inbound_at: datetime | None


async def waiting_for_window(session: AsyncSession, *, limit: int = 200) -> list[WaitingMessage]:
    """The staff queue's view: messages that could not reach a person on WhatsApp, oldest first. Staff
    can reach them another way; the row goes out by itself once the person writes again."""
    query = (
        select(OutboxMessage, Identity.last_inbound_at)
        .join(Identity, Identity.id == OutboxMessage.identity_id)
        .where(OutboxMessage.status == WAITING_WINDOW)
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    return [
        WaitingMessage(row.id, row.person_id, row.text_key, row.created_at, last_inbound_at)
        for row, last_inbound_at in (await session.execute(query)).all()
    ]


async def release(session: AsyncSession, message_ids: list[int]) -> None:
    """Give back claims not yet sent (graceful shutdown): nothing left the process for these."""
    if message_ids:
        await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(message_ids), OutboxMessage.status == SENDING)
            .values(status=PENDING, claimed_until=None, attempts=OutboxMessage.attempts - 1)
        )


async def mark_unknown(session: AsyncSession, message_ids: list[int], check_at: datetime) -> None:
    """Sends cut off mid-request (shutdown): they may have arrived, so they are checked, not resent."""
    if message_ids:
        await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(message_ids), OutboxMessage.status == SENDING)
            .values(status=UNKNOWN, claimed_until=None, needs_reconcile=True, next_attempt_at=check_at)
        )


async def record_delivery(
    session: AsyncSession, provider_id: str, status: str, error_code: str | None, now: datetime
) -> OutboxMessage | None:
    """A provider's status callback: remember the delivery state of the row it names."""
    row = (
        await session.execute(select(OutboxMessage).where(OutboxMessage.provider_id == provider_id))
    ).scalar_one_or_none()
    if row is None:
        return None
    row.delivery_status = status[:16]
    row.delivery_error = (error_code or None) and error_code[:16]
    row.delivery_updated_at = now
    return row


async def confirm_by_callback(session: AsyncSession, outbox_id: int, provider_id: str, now: datetime) -> None:
    """A status callback naming this row (`?o=<id>`): the provider accepted the row's message.

    The SID is written onto the row whatever its state, as the callback may come while the send that
    caused it is still recorded as `sending` (its process may have died since): the sender settles such
    a row as sent instead of sending it again. A row already waiting to be reconciled is sent now.
    """
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == outbox_id, OutboxMessage.provider_id.is_(None))
        .values(provider_id=provider_id)
    )
    await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == outbox_id,
            OutboxMessage.provider_id == provider_id,
            OutboxMessage.status.in_((UNKNOWN, PENDING)),
            OutboxMessage.needs_reconcile.is_(True),
        )
        .values(status=SENT, sent_at=now, needs_reconcile=False)
    )


async def queue_depth(session: AsyncSession) -> int:
    query = (
        select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status.in_((PENDING, UNKNOWN)))
    )
    return int((await session.execute(query)).scalar_one())


async def tenant_of_sent(session: AsyncSession, provider_id: str) -> str | None:
    """The tenant of the address a sent message went to (a status callback is verified with its token)."""
    query = (
        select(Identity.tenant)
        .join(OutboxMessage, OutboxMessage.identity_id == Identity.id)
        .where(OutboxMessage.provider_id == provider_id)
        .limit(1)
    )
    return (await session.execute(query)).scalar_one_or_none()
