"""Meetings: the real-life appointments that follow a match, their reminders' preferences and outcomes.

A thread has at most one live meeting (proposed or agreed); a weekly arrangement is a chain of rows.
The share of matches that led to a real meeting is `meeting_share`, a first-class figure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import distinct, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Conversation, Meeting, ReminderPreference, ScheduledEvent, Thread

LIVE = ("proposed", "agreed")
OUTCOMES = ("yes", "no")
DEFAULT_EVENING = True
DEFAULT_HOURS_BEFORE = 2


@dataclass(frozen=True, slots=True)
class Reminders:
    """A person's reminder choice: the evening before, and/or some hours before (0: not)."""

    evening: bool = DEFAULT_EVENING
    hours_before: int = DEFAULT_HOURS_BEFORE


@dataclass(frozen=True, slots=True)
class MeetingShare:
    """Matches (threads) so far, and how many of them led to at least one meeting that happened."""

    matches: int
    met: int

    @property
    def ratio(self) -> float:
        return self.met / self.matches if self.matches else 0.0


def propose(
    session: AsyncSession,
    thread: Thread,
    proposer_id: int,
    *,
    place_kind: str,
    place_text: str | None,
    starts_at: datetime,
    zone: str,
    now: datetime,
    recurring: bool = False,
    previous_id: int | None = None,
) -> Meeting:
    meeting = Meeting(
        thread_id=thread.id,
        request_id=thread.request_id,
        requester_id=thread.requester_id,
        volunteer_id=thread.volunteer_id,
        proposer_id=proposer_id,
        place_kind=place_kind,
        place_text=place_text,
        starts_at=starts_at,
        zone=zone,
        status="proposed",
        recurring=recurring,
        previous_id=previous_id,
        created_at=now,
        updated_at=now,
    )
    session.add(meeting)
    return meeting


async def lock(session: AsyncSession, meeting_id: int) -> Meeting | None:
    query = select(Meeting).where(Meeting.id == meeting_id).with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


async def member_meeting(session: AsyncSession, meeting_id: int, person_id: int) -> Meeting | None:
    """The meeting, locked, if this person is one of its two people (never act on someone else's)."""
    meeting = await lock(session, meeting_id)
    if meeting is None or person_id not in (meeting.requester_id, meeting.volunteer_id):
        return None
    return meeting


async def live_for_thread(session: AsyncSession, thread_id: int) -> Meeting | None:
    query = (
        select(Meeting)
        .where(Meeting.thread_id == thread_id, Meeting.status.in_(LIVE))
        .order_by(Meeting.id.desc())
        .limit(1)
        .with_for_update()
    )
    return (await session.execute(query)).scalar_one_or_none()


async def has_agreed(session: AsyncSession, thread_id: int) -> bool:
    """Whether the two ever agreed on a meeting (agreed, or held since, or not held but agreed)."""
    query = select(Meeting.id).where(
        Meeting.thread_id == thread_id, Meeting.status.in_(("agreed", "happened", "not_happened"))
    )
    return (await session.execute(query.limit(1))).scalar_one_or_none() is not None


async def next_of(session: AsyncSession, meeting_id: int) -> Meeting | None:
    """The live occurrence that follows this one (a weekly arrangement), if any."""
    query = (
        select(Meeting).where(Meeting.previous_id == meeting_id, Meeting.status.in_(LIVE)).with_for_update()
    )
    return (await session.execute(query)).scalars().first()


def record_outcome(meeting: Meeting, person_id: int, outcome: str, now: datetime) -> None:
    """One person's answer to "Is het gelukt?". One yes makes it happened: a meeting needs two people,
    so a yes from either means they met; it is not_happened while every answer so far is no."""
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {outcome!r}")
    if person_id == meeting.requester_id:
        meeting.requester_outcome = outcome
    elif person_id == meeting.volunteer_id:
        meeting.volunteer_outcome = outcome
    else:
        raise ValueError("not one of the meeting's people")
    answers = {meeting.requester_outcome, meeting.volunteer_outcome} - {None}
    meeting.status = "happened" if "yes" in answers else "not_happened"
    meeting.updated_at = now


async def reminders_for(session: AsyncSession, person_id: int) -> Reminders:
    row = await session.get(ReminderPreference, person_id)
    return Reminders() if row is None else Reminders(row.evening, row.hours_before)


async def set_reminders(session: AsyncSession, person_id: int, reminders: Reminders, now: datetime) -> None:
    row = await session.get(ReminderPreference, person_id)
    if row is None:
        row = ReminderPreference(person_id=person_id, updated_at=now)
        session.add(row)
    row.evening, row.hours_before, row.updated_at = reminders.evening, reminders.hours_before, now


async def pending_events(
    session: AsyncSession, kinds: Iterable[str], meeting_id: int, person_id: int | None = None
) -> list[ScheduledEvent]:
    """The pending scheduled events of these kinds for one meeting (optionally one person's only).

    Meeting events carry the meeting id in their payload and the request id in its column: the query
    narrows by kind and request in SQL, the payload is compared here (a handful of rows)."""
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None:
        return []
    query = select(ScheduledEvent).where(
        ScheduledEvent.kind.in_(tuple(kinds)),
        ScheduledEvent.status == "pending",
        ScheduledEvent.request_id == meeting.request_id
        if meeting.request_id is not None
        else ScheduledEvent.request_id.is_(None),
    )
    if person_id is not None:
        query = query.where(ScheduledEvent.person_id == person_id)
    rows = (await session.execute(query.with_for_update())).scalars()
    return [row for row in rows if _payload_meeting(row.payload) == meeting_id]


def _payload_meeting(payload: dict[str, Any]) -> int | None:
    value = payload.get("meeting_id")
    return int(value) if value is not None else None


async def cancel_events(
    session: AsyncSession,
    kinds: Iterable[str],
    meeting_id: int,
    *,
    reason: str,
    now: datetime,
    person_id: int | None = None,
) -> int:
    """Cancel a meeting's pending events (it moved, was cancelled, or a person changed reminders)."""
    rows = await pending_events(session, kinds, meeting_id, person_id)
    for row in rows:
        row.status, row.reason, row.done_at, row.claimed_until = "cancelled", reason, now, None
    return len(rows)


async def agreed_upcoming(session: AsyncSession, person_id: int, now: datetime) -> list[Meeting]:
    """The person's agreed meetings still ahead (to reschedule their reminders)."""
    query = (
        select(Meeting)
        .where(
            Meeting.status == "agreed",
            Meeting.starts_at > now,
            (Meeting.requester_id == person_id) | (Meeting.volunteer_id == person_id),
        )
        .order_by(Meeting.starts_at)
    )
    return list((await session.execute(query)).scalars())


async def meeting_share(session: AsyncSession) -> MeetingShare:
    """The share of matches that led to a real meeting: threads with at least one meeting that
    happened, over all threads ever opened (a thread is a match). The staff dashboard shows it and
    `voordeur_matches_met_ratio` exports it."""
    matches = (await session.execute(select(func.count()).select_from(Thread))).scalar_one()
    met = (
        await session.execute(
            select(func.count(distinct(Meeting.thread_id))).where(Meeting.status == "happened")
        )
    ).scalar_one()
    return MeetingShare(matches=int(matches), met=int(met))


async def stalled_asks(session: AsyncSession, before: datetime, limit: int = 200) -> list[int]:
    """People left half-way in the ask flow since before `before`, not nudged yet for this draft (the
    flow marks the draft `nudged`; a new request starts a new draft)."""
    nudged = Conversation.state[("ask", "nudged")].as_boolean()
    query = (
        select(Conversation.person_id)
        .where(
            Conversation.updated_at <= before,
            Conversation.state["flow"].as_string() == "ask",
            or_(nudged.is_(None), nudged.is_(False)),
        )
        .order_by(Conversation.updated_at)
        .limit(limit)
    )
    return list((await session.execute(query)).scalars())


async def close_meetings_of_thread(session: AsyncSession, thread_id: int, now: datetime) -> list[int]:
    """Cancel the thread's live meetings (the thread ends or the request is matched anew)."""
    rows = list(
        (
            await session.execute(
                select(Meeting).where(Meeting.thread_id == thread_id, Meeting.status.in_(LIVE))
            )
        ).scalars()
    )
    for row in rows:
        row.status, row.updated_at = "cancelled", now
    return [row.id for row in rows]


async def set_status(session: AsyncSession, meeting_id: int, status: str, now: datetime) -> None:
    await session.execute(
        update(Meeting).where(Meeting.id == meeting_id).values(status=status, updated_at=now)
    )
