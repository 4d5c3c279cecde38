"""Mantelzorgers and own reminders: registrations, check-ins (the trend is the last few), reminders,
and their pending scheduled events (one per check-in rhythm or reminder, never two)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from flows.profile import CareSummary, ReminderSummary
from flows.recurrence import Rule, next_occurrence
from storage.models import CareCheckin, CareRegistration, Reminder, ScheduledEvent
from storage.schedule import PENDING

CHECKIN = "care_checkin"
REMINDER = "personal_reminder"
ASKED, ANSWERED, MISSED = "asked", "answered", "missed"
# How many recent check-ins a flow sees (the trend shown back, the alerts).
TREND = 6


async def registration(
    session: AsyncSession, person_id: int, *, lock: bool = False
) -> CareRegistration | None:
    query = select(CareRegistration).where(CareRegistration.person_id == person_id)
    if lock:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


async def register(session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime) -> None:
    """Save (or replace) the registration; the caller schedules the check-ins."""
    row = await registration(session, person_id, lock=True)
    if row is None:
        row = CareRegistration(person_id=person_id, created_at=now)
        session.add(row)
    row.care_for = str(data["care_for"])[:40]
    row.relation = str(data["relation"])
    row.hours = str(data["hours"])
    row.rhythm = Rule.from_json(data["rhythm"]).to_json()
    row.updated_at = now


async def unregister(session: AsyncSession, person_id: int, now: datetime) -> None:
    """No more check-ins: the registration goes; earlier answers stay until VERWIJDER MIJ."""
    await session.execute(delete(CareRegistration).where(CareRegistration.person_id == person_id))
    await cancel_pending(session, person_id, CHECKIN, "care_stopped", now)


async def summary(session: AsyncSession, person_id: int) -> CareSummary | None:
    row = await registration(session, person_id)
    if row is None:
        return None
    return CareSummary(
        care_for=row.care_for,
        relation=row.relation,
        hours=row.hours,
        rhythm=Rule.from_json(row.rhythm),
        recent=await trend(session, person_id),
        resumes_at=await _resumes_after_pause(session, person_id, Rule.from_json(row.rhythm)),
    )


async def _resumes_after_pause(session: AsyncSession, person_id: int, rhythm: Rule) -> datetime | None:
    """When the check-ins come back after a pause: the pending check-in, when it is due later than the
    rhythm's next one from the moment it was planned (a pause planned it from its end); None otherwise.
    Read from the schedule, so a pause needs no column of its own."""
    query = (
        select(ScheduledEvent.due_at, ScheduledEvent.created_at)
        .where(
            ScheduledEvent.person_id == person_id,
            ScheduledEvent.kind == CHECKIN,
            ScheduledEvent.status == PENDING,
        )
        .order_by(ScheduledEvent.due_at)
        .limit(1)
    )
    row = (await session.execute(query)).one_or_none()
    if row is None:
        return None
    due, planned = row
    expected = next_occurrence(rhythm, planned)
    return due if expected is not None and due > expected else None


async def trend(session: AsyncSession, person_id: int, count: int = TREND) -> tuple[str, ...]:
    """The last `count` check-ins, newest first: their answer, or missed / asked."""
    rows = await session.execute(
        select(CareCheckin.status, CareCheckin.answer)
        .where(CareCheckin.person_id == person_id)
        .order_by(CareCheckin.id.desc())
        .limit(count)
    )
    return tuple(answer if status == ANSWERED and answer else status for status, answer in rows)


async def open_checkins_missed(session: AsyncSession, person_id: int) -> None:
    """A new check-in comes due: the ones still unanswered count as missed."""
    await session.execute(
        update(CareCheckin)
        .where(CareCheckin.person_id == person_id, CareCheckin.status == ASKED)
        .values(status=MISSED)
    )


def new_checkin(session: AsyncSession, person_id: int, now: datetime) -> CareCheckin:
    row = CareCheckin(person_id=person_id, asked_at=now, status=ASKED)
    session.add(row)
    return row


async def answer(session: AsyncSession, person_id: int, checkin_id: int, value: str, now: datetime) -> bool:
    """Store the answer to the person's own check-in; a late answer (missed) still counts. An
    answered check-in keeps its first answer. Returns whether it was stored."""
    result = await session.execute(
        update(CareCheckin)
        .where(
            CareCheckin.id == checkin_id,
            CareCheckin.person_id == person_id,
            CareCheckin.status.in_((ASKED, MISSED)),
        )
        .values(status=ANSWERED, answer=value, answered_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def set_followup(session: AsyncSession, person_id: int, checkin_id: int, offer: str) -> None:
    await session.execute(
        update(CareCheckin)
        .where(CareCheckin.id == checkin_id, CareCheckin.person_id == person_id)
        .values(followup=offer)
    )


async def answers(session: AsyncSession, person_id: int, count: int) -> list[str]:
    """The last `count` answers given (missed check-ins skipped), newest first."""
    rows = await session.execute(
        select(CareCheckin.answer)
        .where(CareCheckin.person_id == person_id, CareCheckin.status == ANSWERED)
        .order_by(CareCheckin.id.desc())
        .limit(count)
    )
    return [str(value) for value in rows.scalars()]


async def missed_in_a_row(session: AsyncSession, person_id: int) -> int:
    """How many of the latest check-ins in a row went unanswered."""
    count = 0
    for status in await trend(session, person_id, count=50):
        if status != MISSED:
            break
        count += 1
    return count


# --- reminders --------------------------------------------------------------------------------------


async def reminders_for(session: AsyncSession, person_id: int) -> tuple[ReminderSummary, ...]:
    rows = await session.execute(
        select(Reminder).where(Reminder.person_id == person_id).order_by(Reminder.id)
    )
    return tuple(ReminderSummary(r.id, r.text, Rule.from_json(r.rule)) for r in rows.scalars())


async def add_reminder(
    session: AsyncSession, person_id: int, text: str, rule: Rule, now: datetime
) -> Reminder:
    row = Reminder(person_id=person_id, text=text[:200], rule=rule.to_json(), created_at=now)
    session.add(row)
    await session.flush()
    return row


async def reminder(session: AsyncSession, person_id: int, reminder_id: int) -> Reminder | None:
    row = await session.get(Reminder, reminder_id)
    return row if row is not None and row.person_id == person_id else None


async def remove_reminder(session: AsyncSession, person_id: int, reminder_id: int, now: datetime) -> bool:
    """Delete the person's own reminder (never someone else's) and its pending event."""
    row = await reminder(session, person_id, reminder_id)
    if row is None:
        return False
    await session.delete(row)
    await cancel_pending(session, person_id, REMINDER, "reminder_removed", now, reminder_id=reminder_id)
    return True


# --- their scheduled events -------------------------------------------------------------------------


async def cancel_pending(
    session: AsyncSession,
    person_id: int,
    kind: str,
    reason: str,
    now: datetime,
    *,
    reminder_id: int | None = None,
) -> None:
    """Cancel the person's pending events of `kind` (for one reminder when `reminder_id` is given)."""
    query = update(ScheduledEvent).where(
        ScheduledEvent.person_id == person_id,
        ScheduledEvent.kind == kind,
        ScheduledEvent.status == "pending",
    )
    if reminder_id is not None:
        query = query.where(ScheduledEvent.payload["reminder_id"].as_integer() == reminder_id)
    await session.execute(query.values(status="cancelled", reason=reason, done_at=now))


async def still_pending(session: AsyncSession, event_id: int) -> bool:
    """Whether a claimed event was not cancelled meanwhile (re-read after taking the person's lock)."""
    status = await session.execute(select(ScheduledEvent.status).where(ScheduledEvent.id == event_id))
    return status.scalar_one_or_none() == "pending"


# --- the right of access (storage/exports.py) -------------------------------------------------------


async def export_care(session: AsyncSession, person_id: int) -> dict[str, Any] | None:
    """Their registration as mantelzorger and every check-in with its answer."""
    row = await registration(session, person_id)
    checkins = await session.execute(
        select(CareCheckin).where(CareCheckin.person_id == person_id).order_by(CareCheckin.id)
    )
    asked = [
        {
            "asked": c.asked_at.isoformat(),
            "status": c.status,
            "answer": c.answer,
            "answered": c.answered_at.isoformat() if c.answered_at is not None else None,
            "then_chose": c.followup,
        }
        for c in checkins.scalars()
    ]
    if row is None and not asked:
        return None
    registered = (
        {"care_for": row.care_for, "relation": row.relation, "hours_a_week": row.hours, "rhythm": row.rhythm}
        if row is not None
        else None
    )
    return {"registration": registered, "checkins": asked}


async def export_reminders(session: AsyncSession, person_id: int) -> list[dict[str, Any]]:
    return [{"text": r.text, "when": r.rule.to_json()} for r in await reminders_for(session, person_id)]
