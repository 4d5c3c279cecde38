"""The per-person facts the engine reads before a flow step: the Profile and staff's hold or block.

The Profile has nine parts, each its own query (`load_each`). Most people have most parts empty (no
offer, no care registration, no circle), and before every step the engine also asks whether staff
hold or block the person. `facts` answers all of that in one statement: staff's hold and block, and
one EXISTS per part. `load` then runs only the queries of the parts that exist, so a typical person's
Profile costs one statement instead of ten (bench/README.md, issue 9).

Each EXISTS repeats the WHERE of its part's loader exactly, so `load` returns what `load_each` does;
tests/test_profile_loader.py compares the two over varied people on both databases.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    BindParameter,
    Select,
    and_,
    any_,
    bindparam,
    case,
    cast,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import aliased

from flows.profile import CircleSummary, Profile
from storage import care, community, inbox, offers, requests, threads
from storage.db import DriverSelect, ForIds, among, connection_of, driver_errors, table_of
from storage.models import (
    CareRegistration,
    CircleMember,
    CircleSettings,
    Consent,
    Conversation,
    HelpOffer,
    HelpRequest,
    Identity,
    InboundMessage,
    Person,
    PersonBlock,
    Reminder,
    StaffHold,
    Thread,
)
from storage.staff import PersonStatus


@dataclass(frozen=True, slots=True)
class Facts:
    """What one statement tells about a person: staff's hold or block, and which Profile parts exist."""

    status: PersonStatus
    consented: bool
    has_requests: bool
    has_threads: bool
    has_offer: bool
    has_care: bool
    has_reminders: bool
    has_circle: bool  # members, circles joined or circle settings


@dataclass(frozen=True, slots=True)
class PersonRow:
    """The person's columns a turn reads (a plain row: no ORM object to build and track). Effects that
    change the person get the ORM object from the session (`session.get`) when they run."""

    id: int
    tenant: str
    language: str
    first_name: str | None
    neighbourhood: str | None


@dataclass(frozen=True, slots=True)
class IdentityRow:
    """The address a message came from, as the turn needs it."""

    id: int
    channel: str
    stopped_at: datetime | None


@dataclass(frozen=True, slots=True)
class MessageRow:
    """An unprocessed inbound message as the turn needs it."""

    id: int
    identity_id: int | None  # None for an internal event
    event: dict[str, Any]
    # An internal event's answer goes where `storage.inbox.preferred_identity` says, read with the batch
    # (None: no address left, or not an internal event). Valid while no effect of the batch changed
    # the person's addresses since that read (bot/engine.py asks again when one may have).
    reach: IdentityRow | None = None


@dataclass(frozen=True, slots=True)
class Start:
    """What the engine reads when it starts a person's turn (`start_many`, for a batch of people)."""

    person: PersonRow  # locked (PostgreSQL: FOR NO KEY UPDATE, as storage.inbox.lock_person)
    state: dict[str, Any] | None  # the conversation's state; None: the person has no conversation row
    recent: int  # their own messages since `since` (the rate limit)
    facts: Facts  # as `facts` would answer now
    pending: list[tuple[MessageRow, IdentityRow | None]]  # as storage.inbox.pending_with_identity


def _fact_columns(person: Any, within: Callable[[Any], Any] | None = None) -> tuple[Any, ...]:
    """The facts as columns about `person`: a bind parameter (one person, `facts`) or the id column of
    the batch's people (`start_many`), each an EXISTS that repeats its part's loader's WHERE.

    `within(column)`, for a batch: the batch's ids as a condition on each part's own person column too.
    Why: PostgreSQL may run such an EXISTS as a hashed subplan, reading its whole table once per
    statement, and without fresh statistics it does (bench/README.md, session 18: consents and
    help_requests read whole at every batch start, a cost that grows with the tables); restricted to
    the batch's ids it reads their rows through the index either way."""

    def batch(*columns: Any) -> tuple[Any, ...]:
        """The batch's ids on any of `columns`, as a condition to add (none for one person)."""
        return () if within is None else (or_(*(within(column) for column in columns)),)

    owner = aliased(Person)
    return (
        select(StaffHold.staff_id).where(StaffHold.person_id == person).scalar_subquery(),
        exists().where(StaffHold.person_id == person, *batch(StaffHold.person_id)),
        exists().where(PersonBlock.person_id == person, *batch(PersonBlock.person_id)),
        exists().where(
            Consent.person_id == person, Consent.withdrawn_at.is_(None), *batch(Consent.person_id)
        ),
        # as storage.requests.open_for_person
        exists().where(
            HelpRequest.person_id == person,
            among(HelpRequest.status, requests.OPEN_STATUSES),
            *batch(HelpRequest.person_id),
        ),
        # as storage.threads.for_person
        exists().where(
            or_(Thread.requester_id == person, Thread.volunteer_id == person),
            among(Thread.status, ("open", "frozen")),
            *batch(Thread.requester_id, Thread.volunteer_id),
        ),
        exists().where(HelpOffer.person_id == person, *batch(HelpOffer.person_id)),
        exists().where(CareRegistration.person_id == person, *batch(CareRegistration.person_id)),
        exists().where(Reminder.person_id == person, *batch(Reminder.person_id)),
        # as storage.community.circle_for: members, circles joined, settings
        exists().where(
            CircleMember.owner_id == person,
            among(CircleMember.status, community.LIVE),
            *batch(CircleMember.owner_id),
        ),
        exists(
            select(CircleMember.id)
            .join(owner, owner.id == CircleMember.owner_id)
            .where(
                CircleMember.member_id == person,
                CircleMember.status == "active",
                *batch(CircleMember.member_id),
            )
        ),
        exists().where(CircleSettings.person_id == person, *batch(CircleSettings.person_id)),
    )


_PERSON: BindParameter[int] = bindparam("person_id")
_FACTS = select(*_fact_columns(_PERSON))
# PostgreSQL: the batch's people locked in id order (two engines never wait on each other in a cycle).
# FOR NO KEY UPDATE, as storage.inbox.lock_person: a mailbox post's KEY SHARE lock does not wait for it.
# (`_PG_LOCK_MANY` below, on the driver.)
_people, _conversations = table_of(Person), table_of(Conversation)
_inbound, _identities = table_of(InboundMessage), table_of(Identity)
_recent = _inbound.alias("recent")
_reach = _identities.alias("reach")


def _reach_column(column: Any) -> Any:
    """`column` of the address an internal event's answer goes to (storage.inbox.preferred_identity),
    asked only on an internal event's row: NULL for the others and when no address is left."""
    preferred = (
        select(column)
        .where(_reach.c.person_id == _people.c.id, _reach.c.stopped_at.is_(None))
        .order_by(*inbox.preferred_first(_reach.c))
        .limit(1)
        .scalar_subquery()
    )
    return case((and_(_inbound.c.id.is_not(None), _inbound.c.identity_id.is_(None)), preferred))


def _start_many(match: Callable[[Any], Any], *, facts_within: bool = False) -> Select[Any]:
    """One row per person and pending message (one row with no message if none), in arrival order, as
    plain columns (Core: no ORM objects are built). Read after the lock, in a statement of its own:
    under READ COMMITTED it sees every message another engine marked processed before it let go of
    these people."""
    return (
        select(
            _people.c.id,
            _people.c.tenant,
            _people.c.language,
            _people.c.first_name,
            _people.c.neighbourhood,
            _conversations.c.person_id,
            _conversations.c.state,
            _inbound.c.id,
            _inbound.c.identity_id,
            _inbound.c.event,
            _identities.c.id,
            _identities.c.channel,
            _identities.c.stopped_at,
            select(func.count())
            .select_from(_recent)
            .where(
                _recent.c.person_id == _people.c.id,
                _recent.c.identity_id.is_not(None),
                _recent.c.received_at > bindparam("since"),
            )
            .scalar_subquery(),
            _reach_column(_reach.c.id),
            _reach_column(_reach.c.channel),
            *_fact_columns(_people.c.id, match if facts_within else None),
        )
        .select_from(_people)
        .outerjoin(_conversations, _conversations.c.person_id == _people.c.id)
        .outerjoin(_inbound, and_(_inbound.c.person_id == _people.c.id, _inbound.c.processed_at.is_(None)))
        .outerjoin(_identities, _identities.c.id == _inbound.c.identity_id)
        .where(match(_people.c.id))
        .order_by(_people.c.id, _inbound.c.id)
    )


_START_MANY = ForIds(_start_many)
# PostgreSQL: the lock and the read on the driver, sent together (`_lock_and_read`).
_PG_LOCK_MANY = "SELECT id FROM people WHERE id = ANY(%s::bigint[]) ORDER BY id FOR NO KEY UPDATE"
# Its facts' EXISTS are restricted to the batch's ids as well (`_fact_columns`); SQLite probes each
# person's rows through the index on its own.
_PG_START_MANY = DriverSelect(
    _start_many(lambda column: column == any_(cast(bindparam("ids"), ARRAY(BigInteger))), facts_within=True)
)


async def start_many(session: AsyncSession, person_ids: Sequence[int], since: datetime) -> dict[int, Start]:
    """Lock the people (PostgreSQL) and read each one's conversation, rate count, facts and pending
    messages: two statements for the whole batch, on PostgreSQL one wait for both. People who no
    longer exist (erased) are left out."""
    if not person_ids:
        return {}
    ids = sorted(set(person_ids))
    connection = await connection_of(session)
    if connection.dialect.name == "postgresql":
        rows = await _lock_and_read(connection, ids, since)
    else:
        statement, parameters = _START_MANY.pick(ids)
        rows = (await connection.execute(statement, {**parameters, "since": since})).all()
    started: dict[int, Start] = {}
    without_settings: list[int] = []
    for row in rows:
        found = started.get(row[0])
        if found is None:
            if not row[-1]:  # the last fact: circle settings exist
                without_settings.append(row[0])
            found = started[row[0]] = Start(
                person=PersonRow(*row[0:5]),
                state=(row[6] or {}) if row[5] is not None else None,
                recent=int(row[13]),
                facts=_facts(row[16:]),
                pending=[],
            )
        if row[7] is not None:
            identity = IdentityRow(*row[10:13]) if row[10] is not None else None
            reach = IdentityRow(row[14], row[15], None) if row[14] is not None else None
            found.pending.append((MessageRow(row[7], row[8], row[9], reach), identity))
    community.known_without_settings(session, without_settings)
    return started


async def _lock_and_read(connection: AsyncConnection, ids: list[int], since: datetime) -> Sequence[Any]:
    """The people locked in id order, then read, sent together (psycopg's pipeline mode): one wait
    instead of two, about a tenth of a small batch's time under load (bench/README.md, session 16).
    The server still runs them one after the other, the read with a snapshot of its own taken after
    the lock was granted (READ COMMITTED): it sees every message another engine marked processed
    before it let go of these people, as when they were two round trips."""
    raw: Any = (await connection.get_raw_connection()).driver_connection
    sql, parameters = _PG_START_MANY.bound(connection.dialect, {"ids": ids, "since": since})
    async with driver_errors(connection, sql), raw.cursor() as lock, raw.cursor() as read:
        async with raw.pipeline():
            await lock.execute(_PG_LOCK_MANY, (ids,))
            await read.execute(sql, parameters)
        rows = await read.fetchall()
    return _PG_START_MANY.read(connection.dialect, rows)


async def facts(session: AsyncSession, person_id: int) -> Facts:
    """One statement, built once (module level): building and caching it per call would cost more
    CPU than the database takes to run it."""
    return _facts((await session.execute(_FACTS, {"person_id": person_id})).one())


def _facts(row: Sequence[Any]) -> Facts:
    held_by, held, blocked, consented, req, thr, offer, care_, rem, members, joined, settings = row
    return Facts(
        status=PersonStatus(held_by=held_by, held=bool(held), blocked=bool(blocked)),
        consented=bool(consented),
        has_requests=bool(req),
        has_threads=bool(thr),
        has_offer=bool(offer),
        has_care=bool(care_),
        has_reminders=bool(rem),
        has_circle=bool(members or joined or settings),
    )


async def load(session: AsyncSession, person: Person | PersonRow, known: Facts) -> Profile:
    """The person's Profile, querying only the parts `known` says exist (same result as `load_each`)."""
    return Profile(
        first_name=person.first_name,
        neighbourhood=person.neighbourhood,
        consented=known.consented,
        open_requests=await requests.open_for_person(session, person.id) if known.has_requests else (),
        threads=await threads.for_person(session, person.id) if known.has_threads else (),
        offer=await offers.for_person(session, person.id) if known.has_offer else None,
        care=await care.summary(session, person.id) if known.has_care else None,
        reminders=await care.reminders_for(session, person.id) if known.has_reminders else (),
        circle=await community.circle_for(session, person.id) if known.has_circle else CircleSummary(),
    )


async def load_each(session: AsyncSession, person: Person) -> Profile:
    """The Profile part by part, one query each: the reference `load` is tested against."""
    consent = await session.execute(
        select(Consent.id).where(Consent.person_id == person.id, Consent.withdrawn_at.is_(None)).limit(1)
    )
    return Profile(
        first_name=person.first_name,
        neighbourhood=person.neighbourhood,
        consented=consent.scalar_one_or_none() is not None,
        open_requests=await requests.open_for_person(session, person.id),
        threads=await threads.for_person(session, person.id),
        offer=await offers.for_person(session, person.id),
        care=await care.summary(session, person.id),
        reminders=await care.reminders_for(session, person.id),
        circle=await community.circle_for(session, person.id),
    )
