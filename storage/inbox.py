"""Inbound messages: stored exactly once, then processed per person in arrival order."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, func, select, text, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage import outbox
from storage.db import table_of
from storage.models import Conversation, Identity, InboundMessage, Person


@dataclass(frozen=True, slots=True)
class StoredInbound:
    person_id: int
    identity_id: int
    inbound_id: int | None  # None: a duplicate delivery of a message we already have

    @property
    def duplicate(self) -> bool:
        return self.inbound_id is None


def _insert(session: AsyncSession, table: Any) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT DO NOTHING on both SQLite and PostgreSQL."""
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


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


async def store_many(session: AsyncSession, messages: list[NewInbound]) -> list[StoredInbound]:
    """Store inbound messages, each once: a provider id the tenant's provider delivered before stores
    nothing (a duplicate). Set-based: the addresses looked up in one statement (a first contact creates
    its person), the messages inserted in one (ON CONFLICT DO NOTHING, RETURNING what was new), and the
    addresses' and people's last activity written one statement each."""
    found = await _identities(session, {(m.tenant, m.channel, m.address) for m in messages})
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    for message in messages:
        key = (message.tenant, message.channel, message.address)
        if key not in found:  # first contact
            identity = await identity_for(
                session, message.channel, message.address, message.received_at, message.tenant
            )
            found[key] = (identity.id, identity.person_id)
        identity_id, person_id = found[key]
        rows.setdefault(  # the same delivery twice in one batch: the first is the message
            (message.tenant, message.channel, message.provider_id),
            {
                "tenant": message.tenant,
                "channel": message.channel,
                "provider_id": message.provider_id,
                "identity_id": identity_id,
                "person_id": person_id,
                "received_at": message.received_at,
                "event": message.event,
            },
        )
    postgres = session.bind is not None and session.bind.dialect.name == "postgresql"
    insert = (postgresql.insert if postgres else sqlite.insert)(_inbound).values(list(rows.values()))
    inserted = await session.execute(
        insert.on_conflict_do_nothing(index_elements=["tenant", "channel", "provider_id"]).returning(
            _inbound.c.id, _inbound.c.tenant, _inbound.c.channel, _inbound.c.provider_id
        )
    )
    new_ids = {(row.tenant, row.channel, row.provider_id): row.id for row in inserted}
    stored: list[StoredInbound] = []
    inbound_at: dict[int, datetime] = {}
    active_at: dict[int, datetime] = {}
    reopened: dict[int, datetime] = {}
    for message in messages:
        identity_id, person_id = found[(message.tenant, message.channel, message.address)]
        inbound_id = new_ids.pop((message.tenant, message.channel, message.provider_id), None)
        if inbound_id is not None:
            inbound_at[identity_id] = active_at[person_id] = message.received_at
            if message.channel == "whatsapp":  # WhatsApp's 24-hour window opens again
                reopened[identity_id] = message.received_at
        stored.append(StoredInbound(person_id=person_id, identity_id=identity_id, inbound_id=inbound_id))
    if inbound_at:
        await session.execute(
            _INBOUND_AT, [{"identity": i, "last_inbound_at": t} for i, t in inbound_at.items()]
        )
        await session.execute(_ACTIVE_AT, [{"person": p, "last_active_at": t} for p, t in active_at.items()])
    for identity_id, at in reopened.items():  # what waited for the window goes out
        await outbox.window_reopened(session, identity_id, at)
    if postgres and inbound_at:  # other processes' engines own some people: wake them on commit
        await session.execute(_NOTIFY_NEW)
    return stored


async def _identities(
    session: AsyncSession, keys: set[tuple[str, str, str]]
) -> dict[tuple[str, str, str], tuple[int, int]]:
    """(tenant, channel, address) -> (identity id, person id) for the addresses known already."""
    rows = await session.execute(_IDENTITIES, {"keys": sorted(keys)})
    return {(row.tenant, row.channel, row.address): (row.id, row.person_id) for row in rows}


_identities_table = table_of(Identity)
_INBOUND_AT = update(_identities_table).where(_identities_table.c.id == bindparam("identity"))
_IDENTITIES = select(
    _identities_table.c.id,
    _identities_table.c.person_id,
    _identities_table.c.tenant,
    _identities_table.c.channel,
    _identities_table.c.address,
).where(
    tuple_(_identities_table.c.tenant, _identities_table.c.channel, _identities_table.c.address).in_(
        bindparam("keys", expanding=True)
    )
)
_ACTIVE_AT = update(table_of(Person)).where(table_of(Person).c.id == bindparam("person"))

INTERNAL = "internal"
# The channel a batch of stored messages is announced on (PostgreSQL NOTIFY, delivered on commit).
NEW_MESSAGES = "voordeur_inbound"
_NOTIFY_NEW = text(f"SELECT pg_notify('{NEW_MESSAGES}', '')")


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
    statement = (
        _insert(session, InboundMessage)
        .values(
            channel=INTERNAL,
            provider_id=key[:64],
            identity_id=None,
            person_id=person_id,
            received_at=now,
            event={"kind": "internal", "command": name, "meta": data},
            about_person_id=about,
        )
        .on_conflict_do_nothing(index_elements=["tenant", "channel", "provider_id"])
    )
    await session.execute(statement)


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
    """Mark handled messages, one executemany: each mark is {"inbound_id", "processed_at", "error"}."""
    if marks:
        await session.execute(_MARK_PROCESSED, marks)


async def save_states(session: AsyncSession, states: list[dict[str, Any]]) -> None:
    """Store conversation states, one executemany: each {"conversation_of", "state", "updated_at"}
    (the rows exist: first contact created them)."""
    if states:
        await session.execute(_SAVE_STATE, states)


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
_PREFERRED_IDENTITY = (
    select(Identity)
    .where(Identity.person_id == bindparam("person_id"), Identity.stopped_at.is_(None))
    .order_by(Identity.last_inbound_at.desc().nulls_last(), Identity.id.desc())
    .limit(1)
)
_LOCK_PERSON = select(Person).where(Person.id == bindparam("person_id")).with_for_update(key_share=True)
# Core, not ORM: no unit of work or loaded object for rows the step only writes. The SET columns are
# the parameters' other keys (their types from the table).
_inbound, _conversations = table_of(InboundMessage), table_of(Conversation)
_MARK_PROCESSED = update(_inbound).where(_inbound.c.id == bindparam("inbound_id"))
_SAVE_STATE = update(_conversations).where(_conversations.c.person_id == bindparam("conversation_of"))
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
) -> list[int]:
    """The people (but those `excluding`) of the oldest `limit` messages not handled yet (received by
    `older_than`), in the order of their oldest one: the pending index read in id order, so a backlog
    costs no more than a batch. `partitions` (count, owned): only people whose id modulo count is
    owned (PostgreSQL, several engines: see bot/partitions.py)."""
    parameters: dict[str, Any] = {"older_than": older_than, "limit": limit}
    if partitions is not None:
        parameters["count"], owned = partitions[0], sorted(partitions[1])
        parameters["owned"] = owned
    if excluding:
        parameters["excluding"] = sorted(excluding)
    query = _PEOPLE_WITH_PENDING[(partitions is not None, bool(excluding))]
    rows = await session.execute(query, parameters)
    return list(dict.fromkeys(rows.scalars()))


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
