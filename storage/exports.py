"""The right of access (AVG art. 15): a one-time link to everything stored about a person, as JSON.

Chat is no place for a full export (an SMS is not a safe or readable carrier of a whole history), so
EXPORT sends a link that works once, for a day. Only the token's SHA-256 is stored. The document is built
from sections, one per kind of data; a feature that stores personal data adds its section to `SECTIONS`.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import care
from storage.models import (
    Activity,
    ActivitySignup,
    CircleMember,
    CircleSettings,
    Consent,
    Conversation,
    ExportLink,
    HelpOffer,
    HelpRequest,
    Identity,
    InboundMessage,
    MatchInvitation,
    Meeting,
    OfferCategory,
    OutboxMessage,
    Person,
    PersonLabel,
    ReminderPreference,
    StaffLabel,
    StaffNote,
    Thread,
    ThreadMessage,
)

LINK_LIFETIME = timedelta(hours=24)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def create_link(session: AsyncSession, person_id: int, now: datetime) -> str:
    """A new token; earlier unused links of the person stop working (only the newest counts)."""
    await session.execute(
        delete(ExportLink).where(ExportLink.person_id == person_id, ExportLink.used_at.is_(None))
    )
    token = secrets.token_urlsafe(32)
    session.add(
        ExportLink(
            token_hash=_hash(token), person_id=person_id, created_at=now, expires_at=now + LINK_LIFETIME
        )
    )
    return token


async def is_open(session: AsyncSession, token: str, now: datetime) -> bool:
    """Whether the token would redeem now, without spending it (the page a GET shows)."""
    if not token or len(token) > 100:
        return False
    found = await session.execute(
        select(ExportLink.person_id).where(
            ExportLink.token_hash == _hash(token), ExportLink.used_at.is_(None), ExportLink.expires_at > now
        )
    )
    return found.first() is not None


async def redeem(session: AsyncSession, token: str, now: datetime) -> int | None:
    """The person the token belongs to, once: a used, expired or unknown token gives None."""
    if not token or len(token) > 100:
        return None
    result = await session.execute(
        update(ExportLink)
        .where(
            ExportLink.token_hash == _hash(token), ExportLink.used_at.is_(None), ExportLink.expires_at > now
        )
        .values(used_at=now)
        .returning(ExportLink.person_id)
    )
    return result.scalar_one_or_none()


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


async def _person(session: AsyncSession, person_id: int) -> dict[str, Any]:
    person = await session.get(Person, person_id)
    if person is None:
        return {}
    return {
        "first_name": person.first_name,
        "language": person.language,
        "neighbourhood": person.neighbourhood,
        "postcode_digits": person.postcode4,
        "since": _time(person.created_at),
        "last_active": _time(person.last_active_at),
    }


async def _addresses(session: AsyncSession, person_id: int) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(Identity).where(Identity.person_id == person_id).order_by(Identity.id)
    )
    return [
        {
            "channel": row.channel,
            "address": row.address,
            "since": _time(row.created_at),
            "stopped": _time(row.stopped_at),
        }
        for row in rows.scalars()
    ]


async def _consents(session: AsyncSession, person_id: int) -> list[dict[str, Any]]:
    rows = await session.execute(select(Consent).where(Consent.person_id == person_id).order_by(Consent.id))
    return [
        {"version": row.version, "given": _time(row.given_at), "withdrawn": _time(row.withdrawn_at)}
        for row in rows.scalars()
    ]


async def _messages(session: AsyncSession, person_id: int) -> list[dict[str, Any]]:
    """What they sent and what the bot sent them, in order of time."""
    inbound = await session.execute(
        select(InboundMessage.received_at, InboundMessage.channel, InboundMessage.event).where(
            InboundMessage.person_id == person_id, InboundMessage.identity_id.is_not(None)
        )
    )
    outbound = await session.execute(
        select(
            OutboxMessage.created_at, OutboxMessage.channel, OutboxMessage.body, OutboxMessage.status
        ).where(OutboxMessage.person_id == person_id)
    )
    messages = [
        {"at": _time(at), "from": "you", "channel": channel, "text": event.get("text") or event.get("choice")}
        for at, channel, event in inbound
    ] + [
        {"at": _time(at), "from": "voordeur", "channel": channel, "text": body, "status": status}
        for at, channel, body, status in outbound
    ]
    return sorted(messages, key=lambda message: message["at"] or "")


async def _requests(session: AsyncSession, person_id: int) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(HelpRequest).where(HelpRequest.person_id == person_id).order_by(HelpRequest.id)
    )
    return [
        {
            "category": row.category,
            "description": row.description,
            "when": row.when,
            "neighbourhood": row.neighbourhood,
            "urgent": row.urgent,
            "who_may_see": row.visibility,
            "status": row.status,
            "created": _time(row.created_at),
            "closed": _time(row.closed_at),
        }
        for row in rows.scalars()
    ]


async def _offer(session: AsyncSession, person_id: int) -> dict[str, Any] | None:
    offer = await session.get(HelpOffer, person_id)
    if offer is None:
        return None
    categories = await session.execute(
        select(OfferCategory.category).where(OfferCategory.person_id == person_id)
    )
    return {
        "categories": sorted(categories.scalars()),
        "reach": offer.reach,
        "availability": offer.availability,
        "weekly_limit": offer.weekly_limit,
        "languages": offer.languages,
        "verified": offer.verified,
        "active": offer.active,
        "paused_until": _time(offer.paused_until),
    }


async def _thread_messages(session: AsyncSession, person_id: int) -> list[dict[str, Any]]:
    """Their own words in conversations with a helper or a helped person (the other side's words are the
    other person's data, and reach them through their own export)."""
    rows = await session.execute(
        select(ThreadMessage.created_at, ThreadMessage.body)
        .join(Thread, Thread.id == ThreadMessage.thread_id)
        .where(
            ThreadMessage.sender_id == person_id,
            or_(Thread.requester_id == person_id, Thread.volunteer_id == person_id),
        )
        .order_by(ThreadMessage.id)
    )
    return [{"at": _time(at), "text": body} for at, body in rows]


async def _conversation(session: AsyncSession, person_id: int) -> dict[str, Any]:
    """The conversation as it stands: the open question, what was said so far (a request being asked,
    a change being read back, questions put off, the last words kept a few minutes to read a crisis said
    in pieces)."""
    row = await session.get(Conversation, person_id)
    return dict(row.state) if row is not None else {}


async def _invitations(session: AsyncSession, person_id: int) -> list[dict[str, Any]]:
    """As a volunteer: the requests they were asked to help with, and their answer."""
    rows = await session.execute(
        select(MatchInvitation)
        .where(MatchInvitation.person_id == person_id)
        .order_by(MatchInvitation.asked_at)
    )
    return [
        {"request": row.request_id, "status": row.status, "asked": _time(row.asked_at)}
        for row in rows.scalars()
    ]


async def _meetings(session: AsyncSession, person_id: int) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(Meeting)
        .where(or_(Meeting.requester_id == person_id, Meeting.volunteer_id == person_id))
        .order_by(Meeting.id)
    )
    return [
        {
            "place": row.place_kind,
            "place_in_words": row.place_text,
            "starts": _time(row.starts_at),
            "status": row.status,
            "your_answer": row.requester_outcome if row.requester_id == person_id else row.volunteer_outcome,
        }
        for row in rows.scalars()
    ]


async def _reminder_preferences(session: AsyncSession, person_id: int) -> dict[str, Any] | None:
    row = await session.get(ReminderPreference, person_id)
    return None if row is None else {"evening_before": row.evening, "hours_before": row.hours_before}


async def _signups(session: AsyncSession, person_id: int) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(Activity.title, ActivitySignup.occurs_on, ActivitySignup.cancelled_at)
        .join(Activity, Activity.id == ActivitySignup.activity_id)
        .where(ActivitySignup.person_id == person_id)
        .order_by(ActivitySignup.id)
    )
    return [
        {"activity": title, "date": day.isoformat(), "cancelled": _time(cancelled)}
        for title, day, cancelled in rows
    ]


async def _circle(session: AsyncSession, person_id: int) -> dict[str, Any]:
    """Whom they invited into their care circle (as they gave them), what it sees, the circles they are in."""
    members = await session.execute(
        select(CircleMember).where(CircleMember.owner_id == person_id).order_by(CircleMember.id)
    )
    joined = await session.execute(
        select(CircleMember.status, CircleMember.created_at)
        .where(CircleMember.member_id == person_id)
        .order_by(CircleMember.id)
    )
    settings = await session.get(CircleSettings, person_id)
    return {
        "invited": [
            {"channel": m.channel, "address": m.address, "status": m.status, "since": _time(m.created_at)}
            for m in members.scalars()
        ],
        "shares": None if settings is None else {"default": settings.share_default, **settings.shares},
        "member_of": [{"status": status, "since": _time(at)} for status, at in joined],
    }


async def _staff_notes(session: AsyncSession, person_id: int) -> list[dict[str, Any]]:
    """What the team wrote about them (AVG art. 15 covers it too)."""
    rows = await session.execute(
        select(StaffNote.created_at, StaffNote.body)
        .where(StaffNote.person_id == person_id)
        .order_by(StaffNote.id)
    )
    return [{"at": _time(at), "text": body} for at, body in rows]


async def _staff_labels(session: AsyncSession, person_id: int) -> list[str]:
    rows = await session.execute(
        select(StaffLabel.name)
        .join(PersonLabel, PersonLabel.label_id == StaffLabel.id)
        .where(PersonLabel.person_id == person_id)
    )
    return sorted(rows.scalars())


Section = Callable[[AsyncSession, int], Awaitable[Any]]
SECTIONS: dict[str, Section] = {
    "person": _person,
    "addresses": _addresses,
    "consents": _consents,
    "help_requests": _requests,
    "help_offer": _offer,
    "messages": _messages,
    "your_words_in_conversations": _thread_messages,
    "mantelzorg": care.export_care,
    "reminders": care.export_reminders,
    "reminder_preferences": _reminder_preferences,
    "conversation": _conversation,
    "invitations": _invitations,
    "meetings": _meetings,
    "activity_signups": _signups,
    "care_circle": _circle,
    "staff_notes": _staff_notes,
    "staff_labels": _staff_labels,
}


async def document(session: AsyncSession, person_id: int, now: datetime) -> dict[str, Any]:
    return {
        "about": "Alles wat Voordeur over je bewaart / everything Voordeur keeps about you",
        "made_at": now.isoformat(),
        **{name: await section(session, person_id) for name, section in SECTIONS.items()},
    }
