"""Mantelzorgers and own reminders, carried out in the engine's transaction (flows/care.py and
flows/reminders.py decide; this applies).

Check-ins and reminders are scheduled events, one row per occurrence: when one runs, it schedules the
next from its rule (flows/recurrence.py), so a person never has two check-ins pending. Changing the
rhythm cancels the pending one and schedules afresh. A due event takes the person's lock and checks
it was not cancelled meanwhile, so it cannot race a change of rhythm. What the person sees arrives as
an internal event in their mailbox (`care_checkin`, `reminder_due`), answered by their own flow on
their own channel as a scheduled message.

Staff are alerted (high priority) at two "Zwaar" answers in a row (`care_heavy`; check-ins left
unanswered in between are skipped) and at the third check-in in a row left unanswered
(`care_silent`: an unanswered check-in is one whose next came due first).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.effects import circle_news
from bot.effects.mailbox import Touched
from flows.recurrence import Rule, next_occurrence
from storage import care, inbox, schedule, threads
from storage.schedule import DueEvent

SILENT_AFTER = 3
# After downtime a reminder or check-in that came due long ago is not sent late: "medicijnen ophalen"
# at 09:00 is noise at 18:00, a check-in two days late asks about the wrong week. The chain goes on
# (the next occurrence is scheduled as usual); only the late message is skipped. Not `stale_after` on
# the row: a dropped row would not run its handler, and the handler is what schedules the next one.
REMINDER_GRACE = timedelta(hours=3)
CHECKIN_GRACE = timedelta(days=2)


async def register(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    await care.register(session, person_id, data, now)
    await care.cancel_pending(session, person_id, care.CHECKIN, "rhythm_changed", now)
    _schedule_checkin(session, person_id, Rule.from_json(data["rhythm"]), now)


async def unregister(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    await care.unregister(session, person_id, now)


async def pause(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    """A carer's break from the check-ins ("even een paar weken niet"): the pending one is cancelled and
    the next is the first of the rhythm from `until` on; the rhythm itself stays as it was."""
    registration = await care.registration(session, person_id)
    if registration is None:
        return
    await care.cancel_pending(session, person_id, care.CHECKIN, "paused", now)
    due = next_occurrence(
        Rule.from_json(registration.rhythm), max(datetime.fromisoformat(str(data["until"])), now)
    )
    if due is not None:
        schedule.schedule(session, care.CHECKIN, due, now, person_id=person_id)


async def answer(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    value = str(data["answer"])
    if not await care.answer(session, person_id, int(data["checkin_id"]), value, now):
        return  # someone else's, or answered before: the first answer counts
    if value == "heavy" and await care.answers(session, person_id, 2) == ["heavy", "heavy"]:
        threads.alert(session, "care_heavy", now, person_id=person_id, priority="high")
    # The care circle hears how it went, only if the person shares check-ins (KRING).
    key = f"checkin:{int(data['checkin_id'])}"
    await circle_news.share(
        session, person_id, circle_news.CHECKINS, "checkin", {"answer": value}, now, touched, key
    )


async def followup(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    await care.set_followup(session, person_id, int(data["checkin_id"]), str(data["offer"]))


async def add_reminder(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    rule = Rule.from_json(data["rule"])
    due = next_occurrence(rule, now)
    if due is None:
        return  # the moment passed between reading and storing: nothing to remind
    row = await care.add_reminder(session, person_id, str(data["text"]), rule, now)
    schedule.schedule(session, care.REMINDER, due, now, person_id=person_id, payload={"reminder_id": row.id})


async def remove_reminder(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    await care.remove_reminder(session, person_id, int(data["reminder_id"]), now)


def _schedule_checkin(session: AsyncSession, person_id: int, rule: Rule, after: datetime) -> None:
    due = next_occurrence(rule, after)
    if due is not None:
        schedule.schedule(session, care.CHECKIN, due, after, person_id=person_id)


async def run_checkin(session: AsyncSession, event: DueEvent, now: datetime, touched: Touched) -> str:
    """A check-in came due: earlier unanswered ones count as missed, the question goes out, the next
    one is scheduled (from the later of its due time and now, so a catch-up does not repeat)."""
    person_id = event.person_id
    if person_id is None:
        return "no_person"
    await inbox.lock_person(session, person_id)
    if not await care.still_pending(session, event.id):
        return "superseded"
    registration = await care.registration(session, person_id)
    if registration is None:
        return "not_registered"
    rule = Rule.from_json(registration.rhythm)
    _schedule_checkin(session, person_id, rule, max(event.due_at, now))
    if now - event.due_at > CHECKIN_GRACE:
        return "late_skipped"
    if await inbox.preferred_identity(session, person_id) is None:
        return "unreachable"  # every address stopped: nothing is asked, nothing counts as missed
    await care.open_checkins_missed(session, person_id)
    if await care.missed_in_a_row(session, person_id) == SILENT_AFTER:
        threads.alert(session, "care_silent", now, person_id=person_id, priority="high")
    checkin = care.new_checkin(session, person_id, now)
    await session.flush()
    payload: dict[str, Any] = {"checkin_id": checkin.id, "name": registration.care_for}
    await touched.post(session, person_id, "care_checkin", payload, now, f"care_checkin:{checkin.id}")
    return "asked"


async def run_reminder(session: AsyncSession, event: DueEvent, now: datetime, touched: Touched) -> str:
    """A reminder came due: its words go out; the next occurrence is scheduled, a one-off is deleted."""
    person_id = event.person_id
    if person_id is None:
        return "no_person"
    await inbox.lock_person(session, person_id)
    if not await care.still_pending(session, event.id):
        return "superseded"
    reminder = await care.reminder(session, person_id, int(event.payload.get("reminder_id", 0)))
    if reminder is None:
        return "removed"
    late = now - event.due_at > REMINDER_GRACE
    if not late:
        payload: dict[str, Any] = {"reminder_id": reminder.id, "text": reminder.text}
        await touched.post(session, person_id, "reminder_due", payload, now, f"reminder:{event.id}")
    due = next_occurrence(Rule.from_json(reminder.rule), max(event.due_at, now))
    if due is None:
        await session.delete(reminder)
    else:
        schedule.schedule(
            session, care.REMINDER, due, now, person_id=person_id, payload={"reminder_id": reminder.id}
        )
    return "late_skipped" if late else "sent"


EffectHandler = Callable[[AsyncSession, int, Mapping[str, Any], datetime, Touched], Awaitable[None]]
ScheduledHandler = Callable[[AsyncSession, DueEvent, datetime, Touched], Awaitable[str]]

EFFECT_HANDLERS: dict[str, EffectHandler] = {
    "care_register": register,
    "care_stop": unregister,
    "care_pause": pause,
    "care_answer": answer,
    "care_followup": followup,
    "remind_create": add_reminder,
    "remind_delete": remove_reminder,
}
SCHEDULED_HANDLERS: dict[str, ScheduledHandler] = {
    care.CHECKIN: run_checkin,
    care.REMINDER: run_reminder,
}
