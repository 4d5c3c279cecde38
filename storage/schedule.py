"""Scheduled events as rows: the truth about what is due. Any process may tick.

Exactly once, also between processes and after a lease ran out:
1. `claim_due` takes a batch of due rows (`FOR UPDATE SKIP LOCKED`), sets a lease (`claimed_until`) and
   counts the claim (`claims`); it commits at once, so other processes skip these rows.
2. The runner then opens ONE transaction per event: the handler's effects and `finish` commit together,
   and `finish` only succeeds while this runner's own claim (the count it got) still holds. When the
   lease ran out and another runner claimed the event meanwhile, or a flow moved it, `finish` changes
   no row and the runner rolls its whole transaction back: the handler's effects are not kept. Two
   runners reaching `finish` at once queue on the row lock; the second finds the count changed. A
   handler whose transaction fails leaves nothing behind; the event is retried after `release` (and
   given up with a reason after too many tries). An event cancelled before its run starts is skipped
   (`still_claimed`).
`finish` comes last, after the handler's own locks (a request, a person), as in every other path that
touches these rows, so it never deadlocks with a flow cancelling the same event.

The engine's tick takes due events with `lock_due` instead: up to a thousand rows locked for its own
transaction (`FOR UPDATE SKIP LOCKED` on PostgreSQL; on SQLite, the one writer, a write that changes
nothing), their claim not yet counted. Set-based kinds (those that only read and enqueue, e.g.
`send_text`) run together in that transaction and `finish_locked` finishes them and counts their claim in
one statement, one commit for the lot: no lease, since the row locks are held until that commit and no
other runner or flow can touch these rows meanwhile; a crash before the commit leaves them as they were
(pending, unclaimed). The rest (other kinds, a set that failed) get their claim counted and a lease with
`lease` in the same transaction and run one by one as above. On PostgreSQL the set's statements take
array parameters (`unnest`, `= ANY`): a few round trips and no per-row bound parameters for a thousand
events.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple, cast

import psycopg
from psycopg.types.json import Jsonb
from sqlalchemy import func, or_, select, tuple_, update
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession

from storage import outbox
from storage.db import table_of
from storage.models import Identity, OutboxMessage, Person, ScheduledEvent

PENDING = "pending"
DONE = "done"
CANCELLED = "cancelled"
DROPPED = "dropped"  # stale: past its `stale_after`, not run
FAILED = "failed"  # the handler failed on every try
STALE = "stale"


@dataclass(frozen=True, slots=True)
class DueEvent:
    id: int
    kind: str
    due_at: datetime
    person_id: int | None
    request_id: int | None
    payload: dict[str, Any]
    key: str | None = None
    stale_after: datetime | None = None
    claim: int = 0  # which claim of this event the runner holds (see `finish`)


@dataclass(frozen=True, slots=True)
class Address:
    """Where and how to reach a person who did not just write (set-based kinds read many at once)."""

    person_id: int
    language: str | None
    tenant: str
    identity_id: int
    channel: str


@dataclass(frozen=True, slots=True)
class EventView:
    """One scheduled event as the staff console shows it: ids, kind, times, state; no message text."""

    id: int
    kind: str
    key: str | None
    person_id: int | None
    request_id: int | None
    due_at: datetime
    stale_after: datetime | None
    status: str
    reason: str | None
    created_at: datetime
    done_at: datetime | None


def schedule(
    session: AsyncSession,
    kind: str,
    due_at: datetime,
    now: datetime,
    *,
    person_id: int | None = None,
    request_id: int | None = None,
    payload: dict[str, Any] | None = None,
    key: str | None = None,
    stale_after: datetime | None = None,
) -> ScheduledEvent:
    """Add an event. `key` (or else `payload["key"]`) names it among the person's events of this kind;
    `stale_after` is when it has become pointless (it is then dropped, not run)."""
    payload = dict(payload or {})
    if key is None and payload.get("key") is not None:
        key = str(payload["key"])
    event = ScheduledEvent(
        kind=kind,
        due_at=due_at,
        person_id=person_id,
        request_id=request_id,
        payload=payload,
        key=key,
        stale_after=stale_after,
        status=PENDING,
        claims=0,
        created_at=now,
    )
    session.add(event)
    return event


async def cancel(session: AsyncSession, kind: str, *, request_id: int, reason: str, now: datetime) -> None:
    """Cancel the pending events of this kind for a request (matching's wave timeouts)."""
    await session.execute(
        update(ScheduledEvent)
        .where(
            ScheduledEvent.kind == kind,
            ScheduledEvent.request_id == request_id,
            ScheduledEvent.status == PENDING,
        )
        .values(status=CANCELLED, reason=reason, done_at=now, claimed_until=None)
    )


async def pending_for_request(session: AsyncSession, kind: str, request_id: int) -> bool:
    """Whether a request has a pending event of this kind (its lapse is planned once)."""
    query = (
        select(ScheduledEvent.id)
        .where(
            ScheduledEvent.kind == kind,
            ScheduledEvent.request_id == request_id,
            ScheduledEvent.status == PENDING,
        )
        .limit(1)
    )
    return (await session.execute(query)).first() is not None


def _own(person_id: int, kind: str | None, key: str | None) -> list[Any]:
    where = [ScheduledEvent.person_id == person_id, ScheduledEvent.status == PENDING]
    if kind is not None:
        where.append(ScheduledEvent.kind == kind)
    if key is not None:
        where.append(ScheduledEvent.key == key)
    return where


async def cancel_for_person(
    session: AsyncSession,
    person_id: int,
    kind: str | None = None,
    *,
    key: str | None = None,
    reason: str,
    now: datetime,
) -> int:
    """Cancel a person's pending events: all of them, of one kind, or of one kind and key. Returns how
    many. A run already under way is not stopped (see `finish`); one that has not started is skipped."""
    result = await session.execute(
        update(ScheduledEvent)
        .where(*_own(person_id, kind, key))
        .values(status=CANCELLED, reason=reason[:64], done_at=now, claimed_until=None)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def move(
    session: AsyncSession,
    person_id: int,
    kind: str,
    due_at: datetime,
    *,
    key: str | None = None,
    stale_after: datetime | None = None,
) -> int:
    """Move a person's pending events of this kind (and key) to `due_at` (and a new `stale_after` when
    given). A claim in progress is voided: the runner holding it finds its claim gone and does nothing.
    Returns how many were moved; 0 means there was nothing to move (schedule a new one then)."""
    values: dict[str, Any] = {"due_at": due_at, "claimed_until": None, "claims": ScheduledEvent.claims + 1}
    if stale_after is not None:
        values["stale_after"] = stale_after
    result = await session.execute(update(ScheduledEvent).where(*_own(person_id, kind, key)).values(**values))
    return int(result.rowcount)  # type: ignore[attr-defined]


async def pending_for_person(
    session: AsyncSession, person_id: int, kind: str | None = None, *, key: str | None = None
) -> list[EventView]:
    """A person's pending events, soonest first (a flow's "what is planned", via the engine)."""
    query = (
        select(ScheduledEvent)
        .where(*_own(person_id, kind, key))
        .order_by(ScheduledEvent.due_at, ScheduledEvent.id)
    )
    return [_view(row) for row in (await session.execute(query)).scalars()]


async def for_staff(
    session: AsyncSession,
    *,
    person_id: int | None = None,
    kind: str | None = None,
    statuses: tuple[str, ...] = (PENDING,),
    limit: int = 200,
) -> list[EventView]:
    """Scheduled events for the staff console: pending ones by default (soonest first), or finished
    ones (e.g. `(DROPPED, FAILED)`) to see what was not sent and why."""
    query = select(ScheduledEvent).where(ScheduledEvent.status.in_(statuses))
    if person_id is not None:
        query = query.where(ScheduledEvent.person_id == person_id)
    if kind is not None:
        query = query.where(ScheduledEvent.kind == kind)
    query = query.order_by(ScheduledEvent.due_at, ScheduledEvent.id).limit(limit)
    return [_view(row) for row in (await session.execute(query)).scalars()]


def _view(row: ScheduledEvent) -> EventView:
    return EventView(
        id=row.id,
        kind=row.kind,
        key=row.key,
        person_id=row.person_id,
        request_id=row.request_id,
        due_at=row.due_at,
        stale_after=row.stale_after,
        status=row.status,
        reason=row.reason,
        created_at=row.created_at,
        done_at=row.done_at,
    )


def _claimable(now: datetime) -> list[Any]:
    return [
        ScheduledEvent.status == PENDING,
        ScheduledEvent.due_at <= now,
        or_(ScheduledEvent.claimed_until.is_(None), ScheduledEvent.claimed_until < now),
    ]


async def drop_stale(session: AsyncSession, now: datetime) -> int:
    """Due events past their `stale_after` (a reminder for a meeting already past, after downtime) are
    finished as dropped with reason "stale", not run. One statement: stale ones never use up a batch."""
    result = await session.execute(
        update(ScheduledEvent)
        .where(*_claimable(now), ScheduledEvent.stale_after.is_not(None), ScheduledEvent.stale_after <= now)
        .values(status=DROPPED, reason=STALE, done_at=now, claimed_until=None)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


# A due event's columns, in `DueEvent`'s order.
_DUE = (
    ScheduledEvent.id,
    ScheduledEvent.kind,
    ScheduledEvent.due_at,
    ScheduledEvent.person_id,
    ScheduledEvent.request_id,
    ScheduledEvent.payload,
    ScheduledEvent.key,
    ScheduledEvent.stale_after,
    ScheduledEvent.claims,
)


async def claim_due(session: AsyncSession, now: datetime, *, limit: int, lease: timedelta) -> list[DueEvent]:
    """Claim up to `limit` due events, oldest first, for `lease`; commit right after.

    One statement: UPDATE ... WHERE id IN (the oldest due ids, FOR UPDATE SKIP LOCKED) RETURNING, so a
    large batch costs one round trip, not a read and an update per row."""
    oldest = (
        select(ScheduledEvent.id)
        .where(*_claimable(now))
        .order_by(ScheduledEvent.due_at, ScheduledEvent.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    claimed = await session.execute(
        update(ScheduledEvent)
        .where(ScheduledEvent.id.in_(oldest.scalar_subquery()))
        .values(claimed_until=now + lease, claims=ScheduledEvent.claims + 1)
        .returning(*_DUE)
        .execution_options(synchronize_session=False)
    )
    events = [
        DueEvent(
            r.id, r.kind, r.due_at, r.person_id, r.request_id, dict(r.payload), r.key, r.stale_after, r.claims
        )
        for r in claimed
    ]
    return sorted(events, key=lambda event: (event.due_at, event.id))  # RETURNING keeps no order


async def lock_due(
    session: AsyncSession, now: datetime, *, limit: int, after: tuple[datetime, int] | None = None
) -> list[DueEvent]:
    """Take up to `limit` due events, oldest first, for this transaction only: locked until it ends,
    their claim not counted yet (each `DueEvent.claim` is the row's count as it stands). The caller
    finishes them (`finish_locked`) or leases them (`lease`) before it commits; a rollback leaves them
    as they were. PostgreSQL: one `SELECT ... FOR UPDATE SKIP LOCKED`, so another runner takes the next
    ones; SQLite (one writer): a write that changes nothing, which takes the write lock first.

    `after` (the `(due_at, id)` of the last event of the previous chunk of the same tick) starts the
    look there: the index entries of the events just finished stay in the index (as dead entries) until
    a vacuum, and looking from the oldest every time walked all of them again, a cost that grew with
    every chunk of a large backlog (14 ms a look after a million). An event that comes due behind it
    meanwhile is taken by the next tick, which starts from the oldest."""
    if _postgresql(session):
        return await _pg_lock_due(session, now, limit, after)
    where = _claimable(now)
    if after is not None:
        where += [
            ScheduledEvent.due_at >= after[0],
            or_(ScheduledEvent.due_at > after[0], ScheduledEvent.id > after[1]),
        ]
    oldest = (
        select(ScheduledEvent.id)
        .where(*where)
        .order_by(ScheduledEvent.due_at, ScheduledEvent.id)
        .limit(limit)
    )
    rows = await session.execute(
        update(ScheduledEvent)
        .where(ScheduledEvent.id.in_(oldest.scalar_subquery()))
        .values(claims=ScheduledEvent.claims)
        .returning(*_DUE)
        .execution_options(synchronize_session=False)
    )
    return sorted((DueEvent(*row) for row in rows), key=lambda event: (event.due_at, event.id))


def _postgresql(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _ours(event: DueEvent) -> list[Any]:
    """Still pending under the claim this runner holds."""
    return [
        ScheduledEvent.id == event.id,
        ScheduledEvent.status == PENDING,
        ScheduledEvent.claims == event.claim,
    ]


async def still_claimed(session: AsyncSession, event: DueEvent) -> bool:
    """Whether the event is still pending under this runner's claim (not cancelled, moved or taken over
    by another runner since). A cheap look before running the handler; `finish` is the real guard."""
    query = select(ScheduledEvent.id).where(*_ours(event))
    return (await session.execute(query)).scalar_one_or_none() is not None


async def finish(
    session: AsyncSession,
    event: DueEvent,
    now: datetime,
    *,
    status: str = DONE,
    reason: str | None = None,
) -> bool:
    """Finish the event in the handler's transaction, provided this runner's claim still holds (no other
    runner claimed it since, it was not moved). False: the caller must roll back, so the handler's
    effects are not kept. The status is not checked: the handler itself may have cancelled its own
    event in this transaction (erasure cancels all of a person's events), and a cancel that committed
    while the handler ran lost the race: the event did run, and the row says so."""
    result = await session.execute(
        update(ScheduledEvent)
        .where(ScheduledEvent.id == event.id, ScheduledEvent.claims == event.claim)
        .values(status=status, done_at=now, reason=reason and reason[:64], claimed_until=None)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def finish_locked(
    session: AsyncSession, outcomes: Sequence[tuple[DueEvent, str, str | None]], now: datetime
) -> int:
    """Finish events taken with `lock_due` in this transaction and count their claim (`claims + 1`), each
    only while its row still has the claim count it was taken with (as `finish` checks). Returns how many
    rows changed: fewer than `len(outcomes)` means one was moved or claimed meanwhile (in this very
    transaction: the rows are locked) and the caller must roll back. PostgreSQL: one statement with
    array parameters; SQLite: one per (status, reason)."""
    if not outcomes:
        return 0
    if _postgresql(session):
        return await _pg_finish_locked(session, outcomes, now)
    groups: dict[tuple[str, str | None], list[tuple[int, int]]] = {}
    for event, status, reason in outcomes:
        groups.setdefault((status, reason and reason[:64]), []).append((event.id, event.claim))
    changed = 0
    for (status, reason), pairs in groups.items():
        result = await session.execute(
            update(ScheduledEvent)
            .where(tuple_(ScheduledEvent.id, ScheduledEvent.claims).in_(pairs))
            .values(
                status=status,
                done_at=now,
                reason=reason,
                claimed_until=None,
                claims=ScheduledEvent.claims + 1,
            )
            .execution_options(synchronize_session=False)
        )
        changed += int(result.rowcount)  # type: ignore[attr-defined]
    return changed


async def lease(session: AsyncSession, events: Sequence[DueEvent], until: datetime) -> list[DueEvent]:
    """Events taken with `lock_due` that run one by one after this transaction (kinds that are not
    set-based, a set that failed): count their claim and give them a lease until `until`, as
    `claim_due` does. Returns them with the claim they now hold, in the same order."""
    if not events:
        return []
    result = await session.execute(
        update(ScheduledEvent)
        .where(ScheduledEvent.id.in_([event.id for event in events]))
        .values(claimed_until=until, claims=ScheduledEvent.claims + 1)
        .returning(ScheduledEvent.id, ScheduledEvent.claims)
        .execution_options(synchronize_session=False)
    )
    claims: dict[int, int] = {row_id: count for row_id, count in result}
    return [replace(event, claim=claims[event.id]) for event in events if event.id in claims]


async def release(session: AsyncSession, event: DueEvent, retry_at: datetime) -> None:
    """The handler failed (its transaction was rolled back): try again at `retry_at`, not at once."""
    await session.execute(update(ScheduledEvent).where(*_ours(event)).values(claimed_until=retry_at))


async def give_up(session: AsyncSession, event: DueEvent, now: datetime, reason: str) -> None:
    await session.execute(
        update(ScheduledEvent)
        .where(*_ours(event))
        .values(status=FAILED, reason=reason[:64], done_at=now, claimed_until=None)
    )


async def addresses(session: AsyncSession, person_ids: Iterable[int]) -> dict[int, Address]:
    """Each person's preferred address (the one used last, not stopped: as `inbox.preferred_identity`)
    with their language and tenant, for many people in one statement. People without one are absent."""
    ids = list(set(person_ids))
    if not ids:
        return {}
    if _postgresql(session):
        rows: Iterable[Any] = await _pg_addresses(session, ids)
    else:
        rows = await session.execute(
            select(Person.id, Person.language, Person.tenant, Identity.id, Identity.channel)
            .join(Identity, Identity.person_id == Person.id)
            .where(Person.id.in_(ids), Identity.stopped_at.is_(None))
            .order_by(Person.id, Identity.last_inbound_at.desc().nulls_last(), Identity.id.desc())
        )
    found: dict[int, Address] = {}
    for person_id, language, tenant, identity_id, channel in rows:
        if person_id not in found:
            found[person_id] = Address(person_id, language, tenant, identity_id, channel)
    return found


class Text(NamedTuple):
    """A scheduled message for `enqueue_texts`: rendered, to one address (a tuple: a set makes a
    thousand at once)."""

    person_id: int
    identity_id: int
    channel: str
    text_key: str
    body: str
    params: dict[str, str]


async def enqueue_texts(session: AsyncSession, texts: Sequence[Text], now: datetime) -> None:
    """Scheduled messages into the outbox, in order (ids in list order, as `outbox.insert_rows`): rows
    as `outbox.row(..., scheduled=True)` makes them, so quiet hours apply when they are sent.
    PostgreSQL: one `INSERT ... SELECT FROM unnest(...)` (`_pg_enqueue_texts`); elsewhere
    `outbox.insert_rows`."""
    if not texts:
        return
    if not _postgresql(session):
        await outbox.insert_rows(
            session,
            [
                outbox.row(
                    person_id=t.person_id,
                    identity_id=t.identity_id,
                    channel=t.channel,
                    text_key=t.text_key,
                    body=t.body,
                    choices=[],
                    params=t.params,
                    now=now,
                    scheduled=True,
                )
                for t in texts
            ],
        )
        return
    await _pg_enqueue_texts(session, texts, now)


async def done_between(session: AsyncSession, after: datetime, until: datetime) -> int:
    """How many events due in (after, until] have run, whichever process or tick ran them (the demo
    clock's page reports this after a fast-forward; the background tick may have been first)."""
    count = await session.scalar(
        select(func.count())
        .select_from(ScheduledEvent)
        .where(ScheduledEvent.status == DONE, ScheduledEvent.due_at > after, ScheduledEvent.due_at <= until)
    )
    return int(count or 0)


# PostgreSQL: the tick's statements as driver statements (psycopg) on the session's own connection, in
# its transaction. A chunk of a thousand events is a handful of statements, so what counts is the work
# per event: array parameters in binary (no bound pair per row, no text array to quote), binary results,
# the payloads parsed with one `json.loads` per chunk. Each mirrors its SQLite form above (`_claimable`,
# `addresses`' order, `outbox.row`); the tests run both on the same events.


async def _driver(session: AsyncSession) -> psycopg.AsyncConnection[Any]:
    connection = await (await session.connection()).get_raw_connection()
    return cast("psycopg.AsyncConnection[Any]", connection.driver_connection)


_PG_LOCK_DUE = (
    "SELECT id, kind, due_at, person_id, request_id, payload::text, key, stale_after, claims"
    " FROM scheduled_events"
    " WHERE status = %(pending)s AND due_at <= %(now)s AND (claimed_until IS NULL OR claimed_until < %(now)s)"
    "{after}"
    " ORDER BY due_at, id LIMIT %(limit)s FOR UPDATE SKIP LOCKED"
)
_PG_LOCK_FIRST = _PG_LOCK_DUE.format(after="")
_PG_LOCK_AFTER = _PG_LOCK_DUE.format(
    after=" AND due_at >= %(after_due)s AND (due_at > %(after_due)s OR id > %(after_id)s)"
)


def _naive(moment: datetime) -> datetime:
    """For a `timestamp without time zone` column: UTC, naive (as `UTCDateTime` stores it)."""
    return moment.astimezone(UTC).replace(tzinfo=None)


async def _pg_lock_due(
    session: AsyncSession, now: datetime, limit: int, after: tuple[datetime, int] | None
) -> list[DueEvent]:
    values: dict[str, Any] = {"pending": PENDING, "now": _naive(now), "limit": limit}
    if after is not None:
        values.update(after_due=_naive(after[0]), after_id=after[1])
    async with (await _driver(session)).cursor(binary=True) as cursor:
        await cursor.execute(_PG_LOCK_FIRST if after is None else _PG_LOCK_AFTER, values)
        rows = await cursor.fetchall()
    payloads = json.loads("[" + ",".join(row[5] for row in rows) + "]") if rows else []
    return [
        DueEvent(
            row_id,
            kind,
            due_at.replace(tzinfo=UTC),
            person_id,
            request_id,
            payload,
            key,
            None if stale_after is None else stale_after.replace(tzinfo=UTC),
            claims,
        )
        for (row_id, kind, due_at, person_id, request_id, _text, key, stale_after, claims), payload in zip(
            rows, payloads, strict=True
        )
    ]


_PG_FINISH_LOCKED = (
    "UPDATE scheduled_events AS e"
    " SET status = u.status, reason = u.reason, done_at = %(now)s, claimed_until = NULL,"
    " claims = e.claims + 1"
    " FROM ROWS FROM (unnest(%(ids)b::bigint[]), unnest(%(claims)b::integer[]), unnest(%(statuses)b::text[]),"
    " unnest(%(reasons)b::text[])) AS u(id, claims, status, reason)"
    " WHERE e.id = u.id AND e.claims = u.claims"
)


async def _pg_finish_locked(
    session: AsyncSession, outcomes: Sequence[tuple[DueEvent, str, str | None]], now: datetime
) -> int:
    async with (await _driver(session)).cursor() as cursor:
        await cursor.execute(
            _PG_FINISH_LOCKED,
            {
                "now": _naive(now),
                "ids": [event.id for event, _status, _reason in outcomes],
                "claims": [event.claim for event, _status, _reason in outcomes],
                "statuses": [status for _event, status, _reason in outcomes],
                "reasons": [reason and reason[:64] for _event, _status, reason in outcomes],
            },
        )
        return cursor.rowcount


_PG_ADDRESSES = (
    "SELECT DISTINCT ON (p.id) p.id, p.language, p.tenant, i.id, i.channel"
    " FROM people AS p JOIN identities AS i ON i.person_id = p.id"
    " WHERE p.id = ANY(%(ids)b::bigint[]) AND i.stopped_at IS NULL"
    " ORDER BY p.id, i.last_inbound_at DESC NULLS LAST, i.id DESC"
)


async def _pg_addresses(session: AsyncSession, ids: list[int]) -> list[tuple[Any, ...]]:
    async with (await _driver(session)).cursor(binary=True) as cursor:
        await cursor.execute(_PG_ADDRESSES, {"ids": ids})
        return await cursor.fetchall()


# The per-message columns of a scheduled text, each as an array; the params go as one JSON array.
_TEXT_ARRAYS = {
    "person_id": "bigint[]",
    "identity_id": "bigint[]",
    "channel": "text[]",
    "text_key": "text[]",
    "body": "text[]",
}


async def _pg_enqueue_texts(session: AsyncSession, texts: Sequence[Text], now: datetime) -> None:
    if session.new:
        await session.flush()  # rows added through the ORM first, so ids keep the order rows were made
    shared = {
        name: value
        for name, value in outbox.row(
            person_id=0, identity_id=0, channel="", text_key="", body="", choices=[], now=now, scheduled=True
        ).items()
        if name not in _TEXT_ARRAYS and name != "params"
    }
    values: dict[str, Any] = {f"shared_{name}": _pg_value(value) for name, value in shared.items()}
    values.update(
        person_id=[t.person_id for t in texts],
        identity_id=[t.identity_id for t in texts],
        channel=[t.channel for t in texts],
        text_key=[t.text_key for t in texts],
        body=[t.body for t in texts],
        params=json.dumps([t.params or None for t in texts]),
    )
    async with (await _driver(session)).cursor() as cursor:
        await cursor.execute(_pg_enqueue_statement(tuple(shared), session.get_bind().dialect), values)


def _pg_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return _naive(value)
    if isinstance(value, dict | list):
        return Jsonb(value)
    return value


@functools.cache
def _pg_enqueue_statement(shared: tuple[str, ...], dialect: Dialect) -> str:
    """The insert for `_pg_enqueue_texts`, built once per set of shared columns (those `outbox.row` gives
    every row alike), each cast to its column's type."""
    columns = table_of(OutboxMessage).c
    arrays = [f"unnest(%({name})b::{array})" for name, array in _TEXT_ARRAYS.items()]
    arrays.append("jsonb_array_elements(%(params)s::jsonb)")
    values = [f"u.{name}" for name in _TEXT_ARRAYS] + ["NULLIF(u.params, 'null'::jsonb)"]
    values += [f"CAST(%(shared_{name})s AS {columns[name].type.compile(dialect=dialect)})" for name in shared]
    return (
        f"INSERT INTO outbox ({', '.join([*_TEXT_ARRAYS, 'params', *shared])})"
        f" SELECT {', '.join(values)}"
        f" FROM ROWS FROM ({', '.join(arrays)}) WITH ORDINALITY AS u({', '.join(_TEXT_ARRAYS)}, params, n)"
        " ORDER BY u.n"
    )
