"""Meetings after a match, carried out in the engine's transaction: proposals, agreement, reminders,
"Is het gelukt?", a weekly arrangement, re-matching, and the nudges for stalled conversations.

The talking is flows/meetings.py; this module keeps the rows (storage/meetings.py) and the scheduled
events, and tells each person through an internal event in their own mailbox, with the meeting's
facts as they see it (`facts`), so each hears it on their own channel, in order.

Scheduled kinds (stored names): `meeting_reminder` (per person: the evening before at 19:00 local and
some hours before, by their choice), `meeting_check` ("Is het gelukt?" to both, two hours after the
start), `match_stalled` (24 h after a match with no agreed meeting: one nudge to both and a
`stalled_match` staff alert). A reminder whose meeting has moved, was cancelled or is already past
when it runs is dropped with that reason, not sent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from prometheus_client import Gauge
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import metrics, tenants
from bot.effects import circle_news
from bot.effects.mailbox import Touched
from flows import places
from flows.meetings import next_on_weekday, next_week, reminder_times
from storage import community, matching, meetings, schedule, threads
from storage.meetings import Reminders
from storage.models import HelpRequest, Meeting, Person, Thread

REMINDER = "meeting_reminder"
CHECK = "meeting_check"
STALLED = "match_stalled"
MEETING_KINDS = (REMINDER, CHECK)
# "Is het gelukt?" comes this long after the start (most visits are over by then).
CHECK_AFTER = timedelta(hours=2)
# A match without an agreed meeting, or a request left half-way, gets one nudge after this long.
STALL_AFTER = timedelta(hours=24)
SWEEP_SECONDS = 600
# After a meeting that happened, an activity is suggested that starts at least this much later (time to
# decide and get there), within a week; of the soonest few, the first the person has not joined.
ACTIVITY_NOTICE = timedelta(hours=3)
ACTIVITY_CANDIDATES = 5

MATCHES_MET = Gauge(
    "voordeur_matches_met_ratio",
    "Share of matches (threads) that led to at least one meeting that happened.",
    registry=metrics.REGISTRY,
)
MATCHES = Gauge("voordeur_matches", "Matches (threads) opened so far.", registry=metrics.REGISTRY)


async def nearby_activity(
    session: AsyncSession, person: Person, neighbourhood: str | None, now: datetime
) -> dict[str, Any] | None:
    """A neighbourhood activity to invite `person` to after a meeting that happened: the soonest date,
    from `ACTIVITY_NOTICE` on and within a week, of an active activity of their tenant in or next to
    `neighbourhood` (the resident's, where they met: both sides hear of the same one, so they could go
    together), that they have not signed up for. None when there is none: then no invitation."""
    municipality = tenants.current().get(person.tenant).municipality
    with places.using(municipality):
        found = await community.activities_near(
            session, neighbourhood, now + ACTIVITY_NOTICE, ACTIVITY_CANDIDATES, tenant=person.tenant
        )
    if not found:
        return None
    mine = await community.signed_up(session, person.id, now.date())
    for occurrence in found:
        if (occurrence.activity.id, occurrence.on) not in mine:
            return occurrence.to_json()
    return None


async def _name(session: AsyncSession, person_id: int) -> str:
    person = await session.get(Person, person_id)
    return (person.first_name if person is not None else None) or ""


def centre_name(person: Person | None) -> str:
    """The buurthuis of a person's neighbourhood by name (the municipality's data, `buurthuis`), or ""
    (then the text says "het buurthuis")."""
    if person is None or person.neighbourhood is None:
        return ""
    municipality = places.load_municipality(tenants.current().get(person.tenant).municipality)
    found = municipality.get(person.neighbourhood)
    return found.buurthuis if found is not None else ""


async def facts(session: AsyncSession, meeting: Meeting, person_id: int) -> dict[str, Any]:
    """The meeting as `person_id` sees it: the other's first name, where (from their side), when."""
    other = meeting.volunteer_id if person_id == meeting.requester_id else meeting.requester_id
    requester = await session.get(Person, meeting.requester_id)
    return {
        "id": meeting.id,
        "thread_id": meeting.thread_id,
        "name": await _name(session, other),
        "host": (requester.first_name if requester is not None else None) or "",
        "host_is_me": person_id == meeting.requester_id,
        "centre": centre_name(requester),
        "place_kind": meeting.place_kind,
        "place_text": meeting.place_text,
        "starts_at": meeting.starts_at.isoformat(),
        "zone": meeting.zone,
        "status": meeting.status,
        "recurring": meeting.recurring,
        "role": "requester" if person_id == meeting.requester_id else "volunteer",
    }


async def _tell(
    session: AsyncSession,
    meeting: Meeting,
    person_id: int,
    name: str,
    now: datetime,
    touched: Touched,
    activity: Mapping[str, Any] | None = None,
    **extra: Any,
) -> None:
    """An internal event about `meeting` to `person_id`, with the meeting as they see it; `activity` (an
    activity to suggest after it) travels with the meeting's facts, where the flow keeps it."""
    other = meeting.volunteer_id if person_id == meeting.requester_id else meeting.requester_id
    seen = await facts(session, meeting, person_id)
    if activity:
        seen["activity"] = dict(activity)
    data: dict[str, Any] = {"meeting": seen, **extra}
    key = f"{name}:{meeting.id}:{person_id}:{extra.get('which', '')}:{now.timestamp()}"
    await touched.post(session, person_id, name, data, now, key, about=other)


async def _plan(
    session: AsyncSession,
    thread: Thread,
    person_id: int,
    meeting_id: int | None,
    now: datetime,
    touched: Touched,
    **hints: Any,
) -> None:
    """Ask `person_id` where and when (they propose). `hints`: `starts_at` (a time already agreed: only
    where is asked) or `window` (the volunteer's times, said with the when question)."""
    other = threads.other_side(thread, person_id)
    requester = await session.get(Person, thread.requester_id)
    data: dict[str, Any] = {
        "thread_id": thread.id,
        "meeting_id": meeting_id,
        "name": await _name(session, other),
        "host": (requester.first_name if requester is not None else None) or "",
        "host_is_me": person_id == thread.requester_id,
        "centre": centre_name(requester),
        **{name: value for name, value in hints.items() if value},
    }
    key = f"meet_plan:{thread.id}:{person_id}:{now.timestamp()}"
    await touched.post(session, person_id, "meet_plan", data, now, key, about=other)


# --- after a match ------------------------------------------------------------------------------


async def on_match(
    session: AsyncSession,
    request: HelpRequest,
    thread: Thread,
    now: datetime,
    touched: Touched,
    *,
    starts_at: datetime | None = None,
    window: Mapping[str, Any] | None = None,
) -> None:
    """A thread was just opened: the requester proposes where and when; in 24 h, a stall check. With
    `starts_at` (the volunteer's other time the requester agreed to) only where is asked; with `window`
    (the volunteer's times for a request without a fixed time) the when question says them."""
    start = starts_at.isoformat() if starts_at is not None else None
    await _plan(session, thread, thread.requester_id, None, now, touched, starts_at=start, window=window)
    schedule.schedule(
        session, STALLED, now + STALL_AFTER, now, request_id=request.id, payload={"thread_id": thread.id}
    )


# --- effects ------------------------------------------------------------------------------------


async def propose(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    thread = await threads.member_thread(session, int(data["thread_id"]), person_id)
    if thread is None or thread.status != "open":
        return
    starts_at = datetime.fromisoformat(str(data["starts_at"]))
    place_kind, place_text = str(data["place_kind"]), data.get("place_text")
    zone = str(data.get("zone") or "Europe/Amsterdam")
    meeting = None
    if data.get("meeting_id") is not None:
        meeting = await meetings.member_meeting(session, int(data["meeting_id"]), person_id)
        if meeting is not None and meeting.status not in meetings.LIVE:
            meeting = None
    meeting = meeting or await meetings.live_for_thread(session, thread.id)
    if meeting is None:
        meeting = meetings.propose(
            session,
            thread,
            person_id,
            place_kind=place_kind,
            place_text=str(place_text) if place_text else None,
            starts_at=starts_at,
            zone=zone,
            now=now,
        )
        await session.flush()
    else:
        # It moves: the reminders of the old time go; the new ones come once the other agrees.
        await meetings.cancel_events(session, MEETING_KINDS, meeting.id, reason="moved", now=now)
        meeting.place_kind, meeting.place_text = place_kind, str(place_text) if place_text else None
        meeting.starts_at, meeting.zone, meeting.proposer_id = starts_at, zone, person_id
        meeting.status, meeting.updated_at = "proposed", now
    await _tell(session, meeting, threads.other_side(thread, person_id), "meet_proposal", now, touched)


async def answer(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    """The other side's answer to a proposal: yes agrees it; another proposal makes them propose."""
    meeting = await meetings.member_meeting(session, int(data["meeting_id"]), person_id)
    if meeting is None or meeting.status != "proposed" or meeting.proposer_id == person_id:
        return
    if data.get("answer") == "yes":
        await _agree(session, meeting, now, touched)
        return
    thread = await threads.member_thread(session, meeting.thread_id, person_id)
    if thread is not None and thread.status == "open":
        await _plan(session, thread, person_id, meeting.id, now, touched)


async def _agree(session: AsyncSession, meeting: Meeting, now: datetime, touched: Touched) -> None:
    meeting.status, meeting.updated_at = "agreed", now
    await _schedule(session, meeting, now)
    for person_id in (meeting.requester_id, meeting.volunteer_id):
        await _tell(session, meeting, person_id, "meet_agreed", now, touched)
    await _tell_circle(session, meeting, now, touched)


async def _tell_circle(session: AsyncSession, meeting: Meeting, now: datetime, touched: Touched) -> None:
    """The requester's kring hears when and where, if the requester shares meetings. Not the volunteer's
    name: they agreed to meet the requester, not to be named to the requester's family."""
    seen = await facts(session, meeting, meeting.requester_id)
    seen.update(name="", host_is_me=False)
    await circle_news.share(
        session,
        meeting.requester_id,
        circle_news.MEETINGS,
        "meeting",
        {"meeting": seen},
        now,
        touched,
        f"meeting:{meeting.id}",
        exclude=frozenset({meeting.volunteer_id}),
    )


async def _schedule(session: AsyncSession, meeting: Meeting, now: datetime, only: int | None = None) -> None:
    """The reminders of each person (by their choice) and the check afterwards (unless `only` one)."""
    zone = ZoneInfo(meeting.zone)
    for person_id in (meeting.requester_id, meeting.volunteer_id):
        if only is not None and person_id != only:
            continue
        prefs = await meetings.reminders_for(session, person_id)
        for which, due in reminder_times(meeting.starts_at, zone, prefs.evening, prefs.hours_before, now):
            schedule.schedule(
                session,
                REMINDER,
                due,
                now,
                person_id=person_id,
                request_id=meeting.request_id,
                payload={
                    "meeting_id": meeting.id,
                    "which": which,
                    "starts_at": meeting.starts_at.isoformat(),
                },
            )
    if only is None:
        schedule.schedule(
            session,
            CHECK,
            meeting.starts_at + CHECK_AFTER,
            now,
            request_id=meeting.request_id,
            payload={"meeting_id": meeting.id, "starts_at": meeting.starts_at.isoformat()},
        )


async def outcome(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    meeting = await meetings.member_meeting(session, int(data["meeting_id"]), person_id)
    if meeting is None or meeting.status not in ("agreed", "happened", "not_happened"):
        return
    said = str(data["outcome"])
    meetings.record_outcome(meeting, person_id, said, now)
    if said == "yes" and meeting.recurring:
        following = await meetings.next_of(session, meeting.id) or await _next_occurrence(
            session, meeting, now, agreed=True
        )
        await _tell(session, following, person_id, "meet_next_week", now, touched)


async def not_again(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    """ "Liever niet meer met hem" after a meeting: the two are not matched again (the team hears it
    through the flow's own alert)."""
    meeting = await meetings.member_meeting(session, int(data["meeting_id"]), person_id)
    if meeting is None:
        return
    await matching.exclude_pair(session, meeting.requester_id, meeting.volunteer_id, "meet_not_again", now)


async def _next_occurrence(
    session: AsyncSession,
    meeting: Meeting,
    now: datetime,
    *,
    agreed: bool,
    proposer: int | None = None,
    weekday: int | None = None,
    at: time | None = None,
) -> Meeting:
    """The next week's meeting; on `weekday` (Monday 0) from the first such day after this one, when
    asked on another day ("kan hij voortaan elke dinsdag?", round dialogue27), and at `at` when another
    hour was said ("elke dinsdag om 3 uur"); the place is kept."""
    thread = await session.get(Thread, meeting.thread_id)
    assert thread is not None
    zone = ZoneInfo(meeting.zone)
    if weekday is None:
        starts_at = next_week(meeting.starts_at, zone)
    else:
        starts_at = next_on_weekday(meeting.starts_at, zone, weekday, now, at)
    following = meetings.propose(
        session,
        thread,
        proposer if proposer is not None else meeting.proposer_id or meeting.requester_id,
        place_kind=meeting.place_kind,
        place_text=meeting.place_text,
        starts_at=starts_at,
        zone=meeting.zone,
        now=now,
        recurring=True,
        previous_id=meeting.id,
    )
    await session.flush()
    if agreed:
        following.status = "agreed"
        await _schedule(session, following, now)
    return following


def _hour(said: Any) -> time | None:
    """ "15:00" from the flow (a weekly wish at another hour), else None (the meeting's own hour)."""
    try:
        return time.fromisoformat(str(said)) if said else None
    except ValueError:
        return None


async def weekly(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    """ "Volgende week weer, zelfde tijd": proposed to the other; if they asked for it too, agreed."""
    meeting = await meetings.member_meeting(session, int(data["meeting_id"]), person_id)
    if meeting is None or meeting.status not in ("happened", "agreed"):
        return
    thread = await session.get(Thread, meeting.thread_id)
    if thread is None or thread.status != "open":
        return
    following = await meetings.next_of(session, meeting.id)
    if following is None:
        weekday = data.get("weekday")
        following = await _next_occurrence(
            session,
            meeting,
            now,
            agreed=False,
            proposer=person_id,
            weekday=int(weekday) if weekday is not None and 0 <= int(weekday) <= 6 else None,
            at=_hour(data.get("at")),
        )
        await _tell(session, following, threads.other_side(thread, person_id), "meet_proposal", now, touched)
    elif following.status == "proposed" and following.proposer_id != person_id:
        await _agree(session, following, now, touched)


async def reschedule(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    """A new time (after "Nee" or AFSPRAAK > change): this person proposes; a live meeting moves."""
    meeting = await meetings.member_meeting(session, int(data["meeting_id"]), person_id)
    if meeting is None:
        return
    thread = await threads.member_thread(session, meeting.thread_id, person_id)
    if thread is None or thread.status != "open":
        return
    live = meeting.id if meeting.status in meetings.LIVE else None
    await _plan(session, thread, person_id, live, now, touched)


async def cancel(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    meeting = await meetings.member_meeting(session, int(data["meeting_id"]), person_id)
    if meeting is None or meeting.status not in meetings.LIVE:
        return
    if data.get("rematch") and person_id == meeting.volunteer_id and not meeting.recurring:
        # Round dialogue27: the volunteer cancels the one meeting: the request goes back to matching, and
        # the resident hears it once ("meet_ended": someone else is looked for), not "make a new one".
        await rematch(session, person_id, data, now, touched)
        return
    meeting.status, meeting.updated_at = "cancelled", now
    await meetings.cancel_events(session, MEETING_KINDS, meeting.id, reason="cancelled", now=now)
    other = meeting.volunteer_id if person_id == meeting.requester_id else meeting.requester_id
    await _tell(session, meeting, other, "meet_cancelled", now, touched)


async def rematch(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    """Someone else for this request, without blame: the thread ends, its live meetings are
    cancelled, the other side is thanked, and the request goes back to matching (new people only:
    whoever was invited before is not asked again). An asked time that is over by now becomes "maakt
    niet uit" (`matchmaker.reopen_time`): the new neighbour and the resident plan the meeting anyway."""
    meeting = await meetings.member_meeting(session, int(data["meeting_id"]), person_id)
    if meeting is None:
        return
    thread = await threads.member_thread(session, meeting.thread_id, person_id)
    if thread is None or thread.status == "closed":
        return
    for cancelled in await meetings.close_meetings_of_thread(session, thread.id, now):
        await meetings.cancel_events(session, MEETING_KINDS, cancelled, reason="rematched", now=now)
    other = threads.other_side(thread, person_id)
    await _tell(session, meeting, other, "meet_ended", now, touched)
    request_id = thread.request_id
    thread.status, thread.closed_at = "closed", now
    if request_id is None:
        return
    request = await matching.lock_request(session, request_id)
    if request is None or request.status != "matched":
        return
    # A request has one thread (unique): the ended one lets go of it, the meetings keep the link.
    thread.request_id = None
    await schedule.cancel(session, STALLED, request_id=request_id, reason="rematched", now=now)
    request.status, request.matched_person_id, request.matched_at = "open", None, None
    request.updated_at = now
    from bot.effects import matchmaker

    matchmaker.reopen_time(request, now)
    await session.flush()
    await matchmaker.start(session, request, now, touched)


async def manage(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    """AFSPRAAK: the live meeting's details with change/reminders/cancel, or else plan one."""
    thread = await threads.member_thread(session, int(data["thread_id"]), person_id)
    if thread is None or thread.status != "open":
        return
    live = await meetings.live_for_thread(session, thread.id)
    if live is None:
        await _plan(session, thread, person_id, None, now, touched)
    else:
        await _tell(session, live, person_id, "meet_status", now, touched)


async def set_reminders(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    """A person's reminder choice; their pending reminders of agreed meetings follow it at once."""
    prefs = Reminders(evening=bool(data["evening"]), hours_before=int(data["hours_before"]))
    await meetings.set_reminders(session, person_id, prefs, now)
    for meeting in await meetings.agreed_upcoming(session, person_id, now):
        await meetings.cancel_events(
            session, (REMINDER,), meeting.id, reason="preference", now=now, person_id=person_id
        )
        await _schedule(session, meeting, now, only=person_id)


Handler = Callable[[AsyncSession, int, Mapping[str, Any], datetime, Touched], Awaitable[None]]
HANDLERS: dict[str, Handler] = {
    "meet_propose": propose,
    "meet_answer": answer,
    "meet_outcome": outcome,
    "meet_not_again": not_again,
    "meet_weekly": weekly,
    "meet_reschedule": reschedule,
    "meet_cancel": cancel,
    "meet_rematch": rematch,
    "meet_manage": manage,
    "meet_reminders": set_reminders,
}


# --- scheduled events ---------------------------------------------------------------------------


async def _due_meeting(session: AsyncSession, event: schedule.DueEvent, now: datetime) -> Meeting | str:
    """The event's meeting if it still stands as planned, else the reason to drop the event."""
    meeting_id = event.payload.get("meeting_id")
    meeting = await meetings.lock(session, int(meeting_id)) if meeting_id is not None else None
    if meeting is None:
        return "no_meeting"
    if meeting.status != "agreed":
        return f"meeting_{meeting.status}"
    thread = await session.get(Thread, meeting.thread_id)
    request = await session.get(HelpRequest, meeting.request_id) if meeting.request_id else None
    if thread is None or thread.status != "open" or (request is not None and request.status == "cancelled"):
        # KLAAR, MELD, an erasure or a cancelled request ended it: no reminders, no check.
        meeting.status, meeting.updated_at = "cancelled", now
        return "thread_not_open" if request is None or request.status != "cancelled" else "request_cancelled"
    planned = event.payload.get("starts_at")
    if planned is not None and datetime.fromisoformat(str(planned)) != meeting.starts_at:
        return "moved"
    return meeting


async def on_reminder(
    session: AsyncSession, event: schedule.DueEvent, now: datetime, touched: Touched
) -> str:
    meeting = await _due_meeting(session, event, now)
    if isinstance(meeting, str):
        return meeting
    if meeting.starts_at <= now or event.person_id is None:
        return "stale"  # after downtime: a reminder for a meeting already past is not sent
    which = str(event.payload.get("which", "before"))
    zone = ZoneInfo(meeting.zone)
    if which == "evening" and now.astimezone(zone).date() >= meeting.starts_at.astimezone(zone).date():
        return "stale"  # caught up on the day itself: its "morgen" would be wrong; the other one comes
    await _tell(session, meeting, event.person_id, "meet_reminder", now, touched, which=which)
    return "sent"


async def on_check(session: AsyncSession, event: schedule.DueEvent, now: datetime, touched: Touched) -> str:
    meeting = await _due_meeting(session, event, now)
    if isinstance(meeting, str):
        return meeting
    requester = await session.get(Person, meeting.requester_id)
    where = requester.neighbourhood if requester is not None else None
    for person_id in (meeting.requester_id, meeting.volunteer_id):
        person = await session.get(Person, person_id)
        activity = await nearby_activity(session, person, where, now) if person is not None else None
        await _tell(session, meeting, person_id, "meet_check", now, touched, activity=activity)
    return "asked"


async def on_stalled(session: AsyncSession, event: schedule.DueEvent, now: datetime, touched: Touched) -> str:
    """24 h after a match: no agreed meeting yet? One gentle nudge to both, and staff see it."""
    thread_id = event.payload.get("thread_id")
    thread = await session.get(Thread, int(thread_id)) if thread_id is not None else None
    if thread is None or thread.status != "open":
        return "thread_not_open"
    if await meetings.has_agreed(session, thread.id):
        return "has_meeting"
    for person_id in (thread.requester_id, thread.volunteer_id):
        other = threads.other_side(thread, person_id)
        data: dict[str, Any] = {"name": await _name(session, other), "thread_id": thread.id}
        await touched.post(
            session, person_id, "nudge_match", data, now, f"nudge_match:{thread.id}:{person_id}", about=other
        )
    threads.alert(session, "stalled_match", now, thread_id=thread.id, request_id=thread.request_id)
    return "nudged"


# --- the periodic sweep -------------------------------------------------------------------------


async def sweep(
    sessions: async_sessionmaker[AsyncSession], clock: Callable[[], datetime], wake: Callable[[int], None]
) -> int:
    """Nudge requests left half-way (once: the flow marks the draft), and refresh the meeting share."""
    now = clock()
    touched = Touched()
    async with sessions() as session, session.begin():
        for person_id in await meetings.stalled_asks(session, now - STALL_AFTER):
            key = f"nudge_ask:{person_id}:{now.timestamp()}"
            await touched.post(session, person_id, "nudge_ask", {}, now, key)
        share = await meetings.meeting_share(session)
    MATCHES_MET.set(share.ratio)
    MATCHES.set(share.matches)
    for person_id in touched.people:
        wake(person_id)
    return len(touched.people)
