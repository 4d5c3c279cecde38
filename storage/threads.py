"""Threads: the masked conversations after a match, their logbook, and the staff alerts they raise."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from flows.profile import ThreadSummary
from storage.inbox import preferred_identity
from storage.models import HelpRequest, Person, StaffAlert, Thread, ThreadMessage

PHONE_CHANNELS = ("sms", "whatsapp")


def create(session: AsyncSession, request: HelpRequest, volunteer_id: int, now: datetime) -> Thread:
    thread = Thread(
        request_id=request.id,
        requester_id=request.person_id,
        volunteer_id=volunteer_id,
        status="open",
        created_at=now,
        last_message_at=now,
    )
    session.add(thread)
    return thread


async def for_person(session: AsyncSession, person_id: int) -> tuple[ThreadSummary, ...]:
    """The person's open and frozen threads, most recent first, with the other side's first name."""
    rows = await session.execute(
        select(Thread, HelpRequest.category)
        .outerjoin(HelpRequest, HelpRequest.id == Thread.request_id)
        .where(
            or_(Thread.requester_id == person_id, Thread.volunteer_id == person_id),
            Thread.status.in_(("open", "frozen")),
        )
        .order_by(Thread.last_message_at.desc(), Thread.id.desc())
    )
    summaries = []
    for thread, category in rows:
        other = await session.get(Person, other_side(thread, person_id))
        summaries.append(
            ThreadSummary(
                id=thread.id,
                other_name=(other.first_name if other is not None else None) or "",
                category=category or "",
                status=thread.status,
            )
        )
    return tuple(summaries)


async def for_request(session: AsyncSession, request_id: int) -> Thread | None:
    """The thread of a matched request (one at most: `Thread.request_id` is unique)."""
    return (await session.execute(select(Thread).where(Thread.request_id == request_id))).scalar_one_or_none()


def other_side(thread: Thread, person_id: int) -> int:
    return thread.volunteer_id if person_id == thread.requester_id else thread.requester_id


async def member_thread(session: AsyncSession, thread_id: int, person_id: int) -> Thread | None:
    """The thread, locked, if this person is in it (never act on someone else's thread)."""
    thread = (
        await session.execute(select(Thread).where(Thread.id == thread_id).with_for_update())
    ).scalar_one_or_none()
    if thread is None or person_id not in (thread.requester_id, thread.volunteer_id):
        return None
    return thread


async def add_message(session: AsyncSession, thread: Thread, sender_id: int, body: str, now: datetime) -> int:
    message = ThreadMessage(thread_id=thread.id, sender_id=sender_id, body=body, created_at=now)
    session.add(message)
    thread.last_message_at = now
    await session.flush()
    return message.id


async def sent_since(session: AsyncSession, thread_id: int, sender_id: int, since: datetime) -> int:
    """How many messages `sender_id` wrote in the thread since `since` (the relay limit's window)."""
    result = await session.execute(
        select(func.count()).where(
            ThreadMessage.thread_id == thread_id,
            ThreadMessage.sender_id == sender_id,
            ThreadMessage.created_at >= since,
        )
    )
    return int(result.scalar_one())


def alert(
    session: AsyncSession,
    kind: str,
    now: datetime,
    *,
    person_id: int | None = None,
    thread_id: int | None = None,
    request_id: int | None = None,
    priority: str = "normal",
) -> None:
    session.add(
        StaffAlert(
            kind=kind,
            priority=priority,
            person_id=person_id,
            thread_id=thread_id,
            request_id=request_id,
            created_at=now,
        )
    )


async def phone_number(session: AsyncSession, person_id: int) -> str | None:
    """The number to share after both said DEEL NUMMER: only a phone address, never a Telegram chat id."""
    identity = await preferred_identity(session, person_id)
    if identity is None or identity.channel not in PHONE_CHANNELS:
        return None
    return identity.address
