"""The person's data: a short summary (MIJN GEGEVENS) and erasure (VERWIJDER MIJ).

Erasure removes or blanks everything that identifies a person or holds their words: addresses (phone
numbers, chat ids), every message in and out, conversation state, consent records, link codes, their
offer, their mantelzorg registration, check-ins and own reminders, their care circle both ways
(the numbers and Telegram names they invited, the circles they were in) and agenda sign-ups, the
team's notes, labels, assignment and takeover in the staff console, the
threads they were in and their messages, the descriptions of their requests, and what other people
were sent about them (relayed words, invitations, their name or number: internal events carry
`about_person_id` for this). What stays is a tombstone row (`erased_at`) and non-personal facts (a
request's category, neighbourhood and dates, invitations and alerts by id), so aggregate figures
survive. Finally every other row that still quotes the person's number, name or words (another
person's conversation state and prompts, scheduled events, alerts, thread logs) has them replaced by a
neutral placeholder (storage/erasure_scrub.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import erasure_scrub, personal_data
from storage.models import (
    ActivitySignup,
    Base,
    CareCheckin,
    CareRegistration,
    CircleMember,
    Consent,
    Conversation,
    HelpOffer,
    HelpRequest,
    Identity,
    InboundMessage,
    Meeting,
    OutboxMessage,
    Person,
    Reminder,
    ScheduledEvent,
    Thread,
    ThreadMessage,
)


@dataclass(frozen=True, slots=True)
class DataSummary:
    first_name: str | None
    neighbourhood: str | None
    channels: tuple[str, ...]
    messages: int
    requests: int
    offering: bool
    consent_given_at: datetime | None
    # As mantelzorger: for whom, how many check-ins are kept; and how many own reminders.
    care_for: str | None = None
    checkins: int = 0
    reminders: int = 0
    # The care circle: people in it (invited or active), circles the person is in; agenda sign-ups.
    circle_members: int = 0
    circles_joined: int = 0
    signups: int = 0


async def summary(session: AsyncSession, person_id: int) -> DataSummary:
    person = await session.get(Person, person_id)
    channels = await session.execute(select(Identity.channel).where(Identity.person_id == person_id))
    inbound = await session.execute(
        select(func.count())
        .select_from(InboundMessage)
        .where(InboundMessage.person_id == person_id, InboundMessage.identity_id.is_not(None))
    )
    requests = await session.execute(
        select(func.count()).select_from(HelpRequest).where(HelpRequest.person_id == person_id)
    )
    consent = await session.execute(
        select(func.min(Consent.given_at)).where(
            Consent.person_id == person_id, Consent.withdrawn_at.is_(None)
        )
    )
    offer = await session.get(HelpOffer, person_id)
    registration = await session.get(CareRegistration, person_id)
    checkins = await session.execute(
        select(func.count()).select_from(CareCheckin).where(CareCheckin.person_id == person_id)
    )
    reminders = await session.execute(
        select(func.count()).select_from(Reminder).where(Reminder.person_id == person_id)
    )
    circle_members = await session.execute(
        select(func.count())
        .select_from(CircleMember)
        .where(CircleMember.owner_id == person_id, CircleMember.status.in_(("invited", "active")))
    )
    circles_joined = await session.execute(
        select(func.count())
        .select_from(CircleMember)
        .where(CircleMember.member_id == person_id, CircleMember.status == "active")
    )
    signups = await session.execute(
        select(func.count())
        .select_from(ActivitySignup)
        .where(ActivitySignup.person_id == person_id, ActivitySignup.cancelled_at.is_(None))
    )
    return DataSummary(
        first_name=person.first_name if person is not None else None,
        neighbourhood=person.neighbourhood if person is not None else None,
        channels=tuple(sorted(set(channels.scalars()))),
        messages=int(inbound.scalar_one()),
        requests=int(requests.scalar_one()),
        offering=offer is not None and offer.active,
        consent_given_at=consent.scalar_one_or_none(),
        care_for=registration.care_for if registration is not None else None,
        checkins=int(checkins.scalar_one()),
        reminders=int(reminders.scalar_one()),
        circle_members=int(circle_members.scalar_one()),
        circles_joined=int(circles_joined.scalar_one()),
        signups=int(signups.scalar_one()),
    )


async def erase(session: AsyncSession, person_id: int, now: datetime) -> None:
    """Erase a person's personal data irreversibly (see the module docstring for what stays)."""
    secrets = await erasure_scrub.gather(session, person_id)
    thread_ids = list(
        (
            await session.execute(
                select(Thread.id).where(
                    or_(Thread.requester_id == person_id, Thread.volunteer_id == person_id)
                )
            )
        ).scalars()
    )
    if thread_ids:
        await session.execute(delete(ThreadMessage).where(ThreadMessage.thread_id.in_(thread_ids)))
        await session.execute(
            update(Thread)
            .where(Thread.id.in_(thread_ids), Thread.status != "closed")
            .values(status="closed", closed_at=now)
        )
    # Meetings stay as figures (did the match lead to a meeting), without the place in their words.
    await session.execute(
        update(Meeting)
        .where(or_(Meeting.requester_id == person_id, Meeting.volunteer_id == person_id))
        .values(place_text=None)
    )
    # What other people were told about this person (a relayed message, an invitation with their words,
    # their name or number): the internal events are blanked, and so are the messages they produced.
    about = select(InboundMessage.id).where(InboundMessage.about_person_id == person_id)
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.inbound_id.in_(about))
        .values(body="", choices=[], params=None)
    )
    await session.execute(
        update(InboundMessage)
        .where(InboundMessage.about_person_id == person_id)
        .values(event={"kind": "internal", "command": "erased"}, about_person_id=None)
    )
    await session.execute(delete(OutboxMessage).where(OutboxMessage.person_id == person_id))
    await session.execute(delete(InboundMessage).where(InboundMessage.person_id == person_id))
    # Every other row that is theirs (storage/personal_data.py, erase="delete"): addresses, state,
    # consents, codes, offer, mantelzorg, reminders, the care circle both ways, sign-ups, staff notes and
    # labels about them.
    await _delete_owned(session, person_id)
    await session.execute(
        update(ScheduledEvent)
        .where(ScheduledEvent.person_id == person_id, ScheduledEvent.status == "pending")
        .values(status="cancelled", reason="erased", done_at=now, payload={})
    )
    await session.execute(
        update(HelpRequest).where(HelpRequest.person_id == person_id).values(description="", updated_at=now)
    )
    await session.execute(
        update(HelpRequest)
        # Also those waiting for staff (unmatched, review): an erased person's request leaves the queues.
        .where(
            HelpRequest.person_id == person_id,
            HelpRequest.status.in_(("open", "matched", "unmatched", "review")),
        )
        .values(status="cancelled", closed_at=now)
    )
    await session.execute(
        update(Person)
        .where(Person.id == person_id)
        .values(first_name=None, postcode4=None, erased_at=now, last_active_at=now)
    )
    # Copies in other people's rows (a volunteer's prompt, conversation state, alerts, events, logs).
    await session.flush()
    await erasure_scrub.scrub_everywhere(session, secrets)


async def _delete_owned(session: AsyncSession, person_id: int) -> None:
    """Delete the rows of every place whose erasure is `delete`, on any of its owner columns."""
    for found in personal_data.PLACES:
        if found.erase != "delete":
            continue
        table = Base.metadata.tables[found.table]
        await session.execute(delete(table).where(or_(*(table.c[o] == person_id for o in found.owner))))


async def expire_messages(session: AsyncSession, cutoff: datetime) -> int:
    """Retention: delete the messages, logbooks and conversation state of people inactive since `cutoff`.

    Their profile, requests (as facts) and consent stay; a person who comes back starts a fresh
    conversation. Returns how many people were affected.
    """
    inactive = select(Person.id).where(Person.last_active_at < cutoff, Person.erased_at.is_(None))
    affected = len(
        list(
            (
                await session.execute(
                    select(InboundMessage.person_id).where(InboundMessage.person_id.in_(inactive)).distinct()
                )
            ).scalars()
        )
    )
    stale_threads = select(Thread.id).where(Thread.last_message_at < cutoff)
    await session.execute(delete(ThreadMessage).where(ThreadMessage.thread_id.in_(stale_threads)))
    await session.execute(delete(OutboxMessage).where(OutboxMessage.person_id.in_(inactive)))
    await session.execute(delete(InboundMessage).where(InboundMessage.person_id.in_(inactive)))
    await session.execute(update(Conversation).where(Conversation.person_id.in_(inactive)).values(state={}))
    return affected
