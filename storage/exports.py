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
    Consent,
    ExportLink,
    HelpOffer,
    HelpRequest,
    Identity,
    InboundMessage,
    OfferCategory,
    OutboxMessage,
    Person,
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
}


async def document(session: AsyncSession, person_id: int, now: datetime) -> dict[str, Any]:
    return {
        "about": "Alles wat Voordeur over je bewaart / everything Voordeur keeps about you",
        "made_at": now.isoformat(),
        **{name: await section(session, person_id) for name, section in SECTIONS.items()},
    }
