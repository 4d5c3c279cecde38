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

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, and_, bindparam, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from flows.profile import CircleSummary, Profile
from storage import care, community, inbox, offers, requests, threads
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
class Start:
    """What the engine reads when it starts a person's turn, in one statement (`start`)."""

    person: Person  # locked (PostgreSQL: FOR NO KEY UPDATE, as storage.inbox.lock_person)
    conversation: Conversation | None
    recent: int  # their own messages since `since` (the rate limit)
    facts: Facts  # as `facts` would answer now
    pending: list[tuple[InboundMessage, Identity | None]]  # as storage.inbox.pending_with_identity


_PERSON: BindParameter[int] = bindparam("person_id")
# Each subquery is uncorrelated (correlate(None)): `_START` has people and inbound_messages in its FROM,
# and these must not refer to that row.
_FACT_COLUMNS = (
    select(StaffHold.staff_id).where(StaffHold.person_id == _PERSON).correlate(None).scalar_subquery(),
    exists().where(StaffHold.person_id == _PERSON).correlate(None),
    exists().where(PersonBlock.person_id == _PERSON).correlate(None),
    exists().where(Consent.person_id == _PERSON, Consent.withdrawn_at.is_(None)).correlate(None),
    # as storage.requests.open_for_person
    exists()
    .where(HelpRequest.person_id == _PERSON, HelpRequest.status.in_(requests.OPEN_STATUSES))
    .correlate(None),
    # as storage.threads.for_person
    exists()
    .where(
        or_(Thread.requester_id == _PERSON, Thread.volunteer_id == _PERSON),
        Thread.status.in_(("open", "frozen")),
    )
    .correlate(None),
    exists().where(HelpOffer.person_id == _PERSON).correlate(None),
    exists().where(CareRegistration.person_id == _PERSON).correlate(None),
    exists().where(Reminder.person_id == _PERSON).correlate(None),
    # as storage.community.circle_for: members, circles joined, settings
    exists().where(CircleMember.owner_id == _PERSON, CircleMember.status.in_(community.LIVE)).correlate(None),
    exists(
        select(CircleMember.id)
        .join(Person, Person.id == CircleMember.owner_id)
        .where(CircleMember.member_id == _PERSON, CircleMember.status == "active")
        .correlate(None)
    ),
    exists().where(CircleSettings.person_id == _PERSON).correlate(None),
)
_FACTS = select(*_FACT_COLUMNS)
# One row per pending message (one row with no message if none), in arrival order. The lock is on
# people only, which is never on the nullable side of the outer joins.
_START = (
    select(
        Person,
        Conversation,
        InboundMessage,
        Identity,
        inbox.RECENT_FROM_PERSON.correlate(None).scalar_subquery(),
        *_FACT_COLUMNS,
    )
    .outerjoin(Conversation, Conversation.person_id == Person.id)
    .outerjoin(
        InboundMessage,
        and_(InboundMessage.person_id == Person.id, InboundMessage.processed_at.is_(None)),
    )
    .outerjoin(Identity, Identity.id == InboundMessage.identity_id)
    .where(Person.id == _PERSON)
    .order_by(InboundMessage.id)
    .with_for_update(of=Person, key_share=True)
)


async def start(session: AsyncSession, person_id: int, since: datetime) -> Start | None:
    """Lock the person and read their conversation, rate count, facts and pending messages: one
    statement instead of four. None if the person does not exist (erased meanwhile)."""
    rows = (await session.execute(_START, {"person_id": person_id, "since": since})).all()
    if not rows:
        return None
    first = rows[0]
    return Start(
        person=first[0],
        conversation=first[1],
        recent=int(first[4]),
        facts=_facts(first[5:]),
        pending=[(row[2], row[3]) for row in rows if row[2] is not None],
    )


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


async def load(session: AsyncSession, person: Person, known: Facts) -> Profile:
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
