"""Matching in waves, carried out inside the engine's transaction.

A confirmed request gets its first wave at once: candidates from storage, ranked by the pure
`flows.matching.rank`, the best few invited. Each invitation is an internal event in the volunteer's
mailbox, so their own flow asks them (in order with whatever else they are doing). The first yes wins
(`storage.matching.claim_match`, one conditional UPDATE); the others hear it is taken. No yes before
the wave's timeout, or everyone said no: the next wave. Nobody left: the request is `unmatched`, which
is the staff queue, and the resident is told honestly.

A yes at another time (`conditional`, flows/invitations.py) waits for the resident, but not forever:
`condition_reminder` asks them once more, `condition_lapse` ends the offer (timings:
`flows.conditions.answer_deadlines`). A lapsed offer is `lapsed`: the volunteer is thanked and not
asked again for this request, the resident hears the offer is off, and the request goes on as after a
no: the next wave once the wave has answered, or the staff queue when nobody is left. The timers check
the invitation when they run; a Ja, a Nee, a match or a cancel meanwhile makes them do nothing.

A request for a moment, a daypart or a day is not matched after its time (`flows.matching.time_ends`,
`lapse_at`): no wave is sent once that time is over, and a `request_lapse` event at the request's
`lapse_at` ends it if nobody was found by then, in the staff queue too. The request is `expired` (a
terminal status, with `closed_at`), its open invitations expire (a late Ja hears the request is not
needed any more, as after a cancel), and the resident is told once that nobody was found in time and
how to ask again. Volunteers asked before a moment's start may still say yes until `lapse_at`. While
the resident decides on a volunteer's other time, the request waits for that answer (a later time may
still suit them); the Nee or the lapse of that offer comes back here.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot import tenants
from bot.effects import circle_news, meetings, review
from bot.effects.mailbox import Touched
from flows import catalogue, places
from flows.conditions import Decision, Window, answer_deadlines, decide
from flows.matching import HelpNeed, Ranked, lapse_at, next_wave, rank, time_ends, wave_timeout
from flows.when import AMSTERDAM, When
from storage import matching, matching_index, schedule, staff, threads
from storage.models import HelpRequest, MatchInvitation, Person

log = logging.getLogger("voordeur.matchmaker")

WAVE_SIZE = 3
# How many the in-memory index proposes for the database to confirm: a few waves' worth.
PROPOSE = 24
USE_INDEX = True
WAVE_TIMEOUT = "wave_timeout"
# HelpRequest.source of a request staff took down on the phone (bot/web/staff).
PHONE = "phone"
# MatchInvitation.status while the resident decides on a volunteer's other time.
CONDITIONAL = "conditional"
# ... and when the resident did not decide in time.
LAPSED = "lapsed"
CONDITION_REMINDER = "condition_reminder"
CONDITION_LAPSE = "condition_lapse"
CONDITION_KINDS = (CONDITION_REMINDER, CONDITION_LAPSE)
# The request's time is over and nobody was found: its terminal status, and the event that sets it.
EXPIRED = "expired"
UNMATCHED = "unmatched"  # nobody found: the request waits in the staff queue
REQUEST_LAPSE = "request_lapse"
# Statuses a lapse ends: being matched, in the staff queue, or waiting for a buurtverbinder's akkoord.
LAPSING = ("open", UNMATCHED, review.REVIEW)


def request_facts(request: HelpRequest) -> dict[str, object]:
    """What a volunteer is told about a request before they say yes: no name, no number, no street."""
    return {
        "request_id": request.id,
        "category": request.category,
        "neighbourhood": request.neighbourhood,
        "when": request.when,
        "description": request.description,
        "urgent": request.urgent,
    }


async def start(
    session: AsyncSession, request: HelpRequest, now: datetime, touched: Touched, *, new: bool = False
) -> None:
    """Ask the first volunteers, unless the tenant reviews new requests first (bot/effects/review.py).
    `new`: the request was made in this transaction, so nobody can have been invited to it yet."""
    if not new:
        await _keep_lapse(session, request, now)
    if await review.hold(session, request, now):
        return
    await _wave(session, request, now, touched, new=new)


def _request_when(request: HelpRequest) -> When | None:
    try:
        return When.from_json(request.when)
    except (ValueError, TypeError, KeyError):
        log.warning("unreadable request time", extra={"request_id": request.id})
        return None


def plan_lapse(session: AsyncSession, request: HelpRequest, now: datetime) -> None:
    """A new request with a time that ends gets its `request_lapse` at `lapse_at` (none otherwise).
    The event has no `stale_after`: after downtime the request must still close, and the resident
    still hears it. It carries the person, so an erasure cancels it with their other events."""
    when = _request_when(request)
    due = lapse_at(when) if when is not None else None
    if due is None:
        return
    schedule.schedule(session, REQUEST_LAPSE, due, now, request_id=request.id, person_id=request.person_id)


async def _keep_lapse(session: AsyncSession, request: HelpRequest, now: datetime) -> None:
    """Matching starts again (an akkoord, staff reopening it, the circle's turn over, a re-match, a
    request taken by phone): the request's lapse is planned unless one is pending already."""
    if not await schedule.pending_for_request(session, REQUEST_LAPSE, request.id):
        plan_lapse(session, request, now)


def reopen_time(request: HelpRequest, now: datetime) -> None:
    """A matched request goes back to matching (`meetings.rematch`, "iemand anders zoeken" after a
    meeting that did not happen) when its asked time is often long over. That time no longer holds:
    the new neighbour and the resident agree one when they plan the meeting, as after every match.
    So the request becomes "maakt niet uit" instead of expiring at once, and is matched as usual."""
    when = _request_when(request)
    until = time_ends(when) if when is not None else None
    if until is not None and now >= until:
        request.when, request.when_start = When("flexible").to_json(), None


async def _wave(
    session: AsyncSession, request: HelpRequest, now: datetime, touched: Touched, *, new: bool = False
) -> None:
    if await _time_over(session, request, now, touched, new=new):
        return
    requester = await session.get(Person, request.person_id)
    tenant = requester.tenant if requester is not None else tenants.DEFAULT
    municipality = tenants.current().municipality_for(tenant)
    need = HelpNeed(
        request_id=request.id,
        requester_id=request.person_id,
        category=request.category,  # type: ignore[arg-type]
        neighbourhood=request.neighbourhood,
        language="en" if requester is not None and requester.language == "en" else "nl",
        when_kind=When.from_json(request.when).kind,
        when_start=request.when_start,
        urgent=request.urgent,
    )
    wave = next_wave(await ranked_for(session, request, need, now, municipality, tenant), WAVE_SIZE)
    if not wave:
        await _nobody_left(session, request, now, touched, new=new)
        return
    request.wave += 1
    request.updated_at = now
    matching.invite(session, request.id, [ranked.person_id for ranked in wave], request.wave, now)
    for ranked in wave:
        key = f"invite:{request.id}:{ranked.person_id}"
        facts = request_facts(request)
        if requester is not None and requester.language != catalogue.DEFAULT_LANGUAGE:
            # A description in another language reaches volunteers with its language named.
            facts["lang"] = requester.language
        await touched.post(session, ranked.person_id, "invite", facts, now, key, about=request.person_id)
    schedule.schedule(
        session,
        WAVE_TIMEOUT,
        now + wave_timeout(need, now),
        now,
        request_id=request.id,
        payload={"wave": request.wave},
    )


async def ranked_for(
    session: AsyncSession,
    request: HelpRequest,
    need: HelpNeed,
    now: datetime,
    municipality: places.Municipality,
    tenant: str,
) -> list[Ranked]:
    """The request's eligible volunteers, best first. The in-memory index (storage/matching_index.py)
    proposes the best of the whole pool; one statement reads them again by id, with everyone who
    helped this requester before, and `rank` orders what it returns: only what the database says
    now decides. Should fewer than a wave survive that while the index had more, the SQL path (the
    first 500 by id) decides instead; while the index's first load runs, the SQL path too.

    Nothing else is read first: the index proposes without "helped before" (those few are added by
    the statement and `rank` puts them first) and without "invited already" (it proposes a wave more
    for each wave asked, and the statement leaves out who was invited), so the best `PROPOSE` not yet
    invited are among what it reads."""
    index = matching_index.for_session(session) if USE_INDEX else None
    if index is None or not await index.refresh(session, now):
        return rank(need, await matching.candidates(session, request, now, municipality, tenant), now)
    m = PROPOSE + request.wave * WAVE_SIZE
    proposed = index.top(need, tenant, municipality, now, helped={}, invited=set(), m=m)
    confirmed = await matching.confirm(session, request, now, municipality, tenant, proposed)
    ranked = rank(need, confirmed, now)
    if len(ranked) < WAVE_SIZE and len(proposed) >= PROPOSE:
        log.warning("volunteer index was stale, matched through SQL", extra={"count": len(proposed)})
        index.changed(proposed)
        return rank(need, await matching.candidates(session, request, now, municipality, tenant), now)
    return ranked


async def _nobody_left(
    session: AsyncSession, request: HelpRequest, now: datetime, touched: Touched, *, new: bool = False
) -> None:
    pending = [] if new else await matching.open_invitations(session, request.id)
    if any(invitation.status == CONDITIONAL for invitation in pending):
        return  # the resident still decides on a volunteer's other time; their Nee comes back here
    request.status = UNMATCHED
    request.updated_at = now
    for invitation in pending:
        invitation.status = "expired"
    data: dict[str, object] = {"request_id": request.id, "category": request.category}
    await touched.post(session, request.person_id, "no_match", data, now, f"no_match:{request.id}")
    await circle_news.request_update(session, request, "unmatched", now, touched)


async def _time_over(
    session: AsyncSession, request: HelpRequest, now: datetime, touched: Touched, *, new: bool = False
) -> bool:
    """True when the request's time is over for new invitations (`time_ends`): then no wave goes
    out. Those already asked for a moment may still say yes until `lapse_at`, when its
    `request_lapse` ends the request; with nobody left who could answer it ends now."""
    when = _request_when(request)
    until = time_ends(when) if when is not None else None
    if when is None or until is None or now < until:
        return False
    pending = [] if new else await matching.open_invitations(session, request.id)
    due = lapse_at(when)
    if any(invitation.status == CONDITIONAL for invitation in pending):
        return True  # the resident still decides on a volunteer's other time; their answer comes back
    if pending and due is not None and now < due:
        await _keep_lapse(session, request, now)
        return True
    await _expire(session, request, pending, now, touched)
    return True


async def _expire(
    session: AsyncSession,
    request: HelpRequest,
    pending: list[MatchInvitation],
    now: datetime,
    touched: Touched,
) -> None:
    """Nobody was found in time: the request ends (`expired`), its timers stop, the invitations still
    open expire quietly (a late Ja hears it is not needed any more), the resident is told once and the
    circle hears it when it sees requests."""
    request.status, request.closed_at, request.updated_at = EXPIRED, now, now
    for invitation in pending:
        invitation.status = "expired"
    for kind in (WAVE_TIMEOUT, *CONDITION_KINDS, REQUEST_LAPSE, review.OVERDUE):
        await schedule.cancel(session, kind, request_id=request.id, reason=EXPIRED, now=now)
    data: dict[str, object] = {"request_id": request.id, "category": request.category, "when": request.when}
    await touched.post(session, request.person_id, "request_expired", data, now, f"expired:{request.id}")
    await circle_news.request_update(session, request, EXPIRED, now, touched)


async def on_request_lapse(
    session: AsyncSession, event: schedule.DueEvent, now: datetime, touched: Touched
) -> str:
    """The request's time is over (`lapse_at`). Still being matched, in the staff queue or waiting
    for an akkoord: it ends now. Returns what happened, for the event row's reason."""
    if event.request_id is None:
        return "no_request"
    request = await matching.lock_request(session, event.request_id)
    if request is None or request.status not in LAPSING:
        return "request_not_open"
    when = _request_when(request)
    due = lapse_at(when) if when is not None else None
    if due is None:
        return "no_end"
    if now < due:
        plan_lapse(session, request, now)  # the request's time moved on meanwhile
        return "moved"
    pending = await matching.open_invitations(session, request.id)
    if any(invitation.status == CONDITIONAL for invitation in pending):
        return "condition_pending"  # the resident's answer or the offer's lapse comes back to `_wave`
    await _expire(session, request, pending, now, touched)
    return EXPIRED


async def on_wave_timeout(
    session: AsyncSession, request_id: int, wave: int, now: datetime, touched: Touched
) -> str:
    """A wave's time is up. Returns what happened, for the event row's reason."""
    request = await matching.lock_request(session, request_id)
    if request is None or request.status != "open":
        return "request_not_open"
    if request.wave != wave:
        return "superseded"
    for invitation in await matching.open_invitations(session, request_id):
        if invitation.status == "asked":
            invitation.status = "expired"
    await _wave(session, request, now, touched)
    return "next_wave"


async def answer(
    session: AsyncSession,
    volunteer_id: int,
    request_id: int,
    reply: str,
    now: datetime,
    touched: Touched,
    *,
    note: str | None = None,
    condition: Mapping[str, Any] | None = None,
) -> None:
    """A volunteer's yes, no or later. Only someone who was invited can answer. `note` is what they
    added to a yes in their own words ("maar pas na 2 uur"); the resident reads it with the match.
    `condition` is that yes's window of times (flows/conditions.py): when it does not suit the asked
    time, nobody is matched yet: the invitation is `conditional` and the resident decides
    (`answer_condition`; flows/invitations.py has the whole exchange). When the request has no fixed
    time, the window is the time both sides are told.

    The request row is locked first, before any invitation row, in every path that touches both:
    two volunteers answering at once then queue on the request instead of deadlocking.
    """
    request = await matching.lock_request(session, request_id)
    invitation = await matching.invitation(session, request_id, volunteer_id)
    if request is None or invitation is None or invitation.status not in ("asked", "expired"):
        return
    invitation.answered_at = now
    if reply != "yes":
        invitation.status = "declined" if reply == "no" else "later"
        if request.status == "open" and await matching.wave_answered(session, request_id, request.wave):
            await schedule.cancel(
                session, WAVE_TIMEOUT, request_id=request_id, reason="wave_declined", now=now
            )
            await _wave(session, request, now, touched)
        return
    if request.status == EXPIRED:
        # Nobody was found in time and the resident was told so: as after a cancel, not needed any more.
        await _not_needed(session, request_id, volunteer_id, now, touched)
        return
    if request.status == UNMATCHED:
        # Nobody said yes in time and the request waits in the staff queue, its time not over: a late
        # yes is the help it still needs (it used to hear "someone else helps already"). It is
        # matched as in a wave; the queue empties itself, as after staff matched by hand.
        request.status = "open"
    decision = _decide(request, condition, now)
    if decision is not None and decision.proposal is not None and request.status == "open":
        invitation.status = CONDITIONAL
        await _ask_resident(session, request, volunteer_id, decision.proposal, note, now, touched)
        return
    if not await matching.claim_match(session, request_id, volunteer_id, now):
        invitation.status = "taken"
        await _taken(session, request_id, volunteer_id, now, touched)
        return
    invitation.status = "accepted"
    window = condition if decision is not None and decision.verdict == "open" else None
    await _matched(session, request, volunteer_id, now, touched, note=note, window=window)


async def note(
    session: AsyncSession, volunteer_id: int, request_id: int, words: str, now: datetime, touched: Touched
) -> None:
    """A volunteer's words sent right after their yes ("ja" / "maar pas na 2 uur", read before the match
    opened the thread): the resident reads them as the words of a yes with a condition are read
    (`match_note`), once the yes was taken (accepted) or is being decided on (conditional). A yes that
    came too late (taken, expired) has no one to tell."""
    request = await matching.lock_request(session, request_id)
    invitation = await matching.invitation(session, request_id, volunteer_id)
    if request is None or invitation is None or invitation.status not in ("accepted", CONDITIONAL):
        return
    name = await matching.first_name(session, volunteer_id)
    data = {**request_facts(request), "name": name or "", "note": words[:200]}
    key = f"match_note:{request_id}:{volunteer_id}:{now.isoformat()}"
    await touched.post(session, request.person_id, "match_note", data, now, key, about=volunteer_id)


def _decide(request: HelpRequest, condition: Mapping[str, Any] | None, now: datetime) -> Decision | None:
    """The volunteer's window against the request's time; None without a window (a plain yes)."""
    if not condition:
        return None
    try:
        return decide(Window.from_json(condition), When.from_json(request.when), now)
    except (ValueError, TypeError, KeyError):
        log.warning("unreadable condition or request time", extra={"request_id": request.id})
        return None


async def _taken(
    session: AsyncSession, request_id: int, volunteer_id: int, now: datetime, touched: Touched
) -> None:
    await touched.post(
        session,
        volunteer_id,
        "invite_taken",
        {"request_id": request_id},
        now,
        f"taken:{request_id}:{volunteer_id}",
    )


async def _not_needed(
    session: AsyncSession, request_id: int, volunteer_id: int, now: datetime, touched: Touched
) -> None:
    await touched.post(
        session,
        volunteer_id,
        "invite_withdrawn",
        {"request_id": request_id},
        now,
        f"withdrawn:{request_id}:{volunteer_id}",
    )


async def _ask_resident(
    session: AsyncSession,
    request: HelpRequest,
    volunteer_id: int,
    proposal: datetime,
    note: str | None,
    now: datetime,
    touched: Touched,
) -> None:
    """The volunteer cannot make the asked time: the resident is asked about `proposal`, the volunteer
    hears it is asked. The wave goes on meanwhile: someone who can make the asked time still wins."""
    facts = request_facts(request)
    name = await matching.first_name(session, volunteer_id) or ""
    data = {**facts, "volunteer_id": volunteer_id, "name": name, "proposal": proposal.isoformat()}
    if note:
        data["note"] = note
    key = f"match_condition:{request.id}:{volunteer_id}"
    await touched.post(session, request.person_id, "match_condition", data, now, key, about=volunteer_id)
    await touched.post(
        session,
        volunteer_id,
        "invite_condition_asked",
        {**facts, "proposal": proposal.isoformat()},
        now,
        f"condition_asked:{request.id}:{volunteer_id}",
        about=request.person_id,
    )
    remind_at, lapse_at = answer_deadlines(now, proposal)
    timer = {"volunteer_id": volunteer_id, "proposal": proposal.isoformat()}
    for kind, due in ((CONDITION_REMINDER, remind_at), (CONDITION_LAPSE, lapse_at)):
        schedule.schedule(session, kind, due, now, request_id=request.id, payload=timer)


async def answer_condition(
    session: AsyncSession,
    resident_id: int,
    request_id: int,
    volunteer_id: int,
    reply: str,
    starts_at: datetime | None,
    now: datetime,
    touched: Touched,
) -> None:
    """The resident's Ja / Nee to a volunteer's other time. Ja: the match, at `starts_at`; the request
    may be matched or stopped meanwhile, then the resident hears it is no longer needed. Nee: the
    volunteer is thanked, and when nobody of the wave is still to answer the next wave goes out."""
    request = await matching.lock_request(session, request_id)
    if request is None or request.person_id != resident_id:
        return
    invitation = await matching.invitation(session, request_id, volunteer_id)
    if invitation is None or invitation.status != CONDITIONAL:
        if reply == "yes" and invitation is not None and invitation.status == LAPSED:
            # A Ja after the offer lapsed: the volunteer was told they need do nothing; not matched.
            key = f"condition_too_late:{request.id}:{volunteer_id}"
            data = {"request_id": request.id}
            await touched.post(session, request.person_id, "match_condition_too_late", data, now, key)
        elif reply == "yes":
            await _closed(session, request, volunteer_id, now, touched)
        return
    invitation.answered_at = now
    if reply != "yes":
        invitation.status = "declined"
        await touched.post(
            session,
            volunteer_id,
            "invite_condition_declined",
            {"request_id": request_id},
            now,
            f"condition_declined:{request_id}:{volunteer_id}",
        )
        if request.status == "open" and await matching.wave_answered(session, request_id, request.wave):
            await schedule.cancel(
                session, WAVE_TIMEOUT, request_id=request_id, reason="wave_declined", now=now
            )
            await _wave(session, request, now, touched)
        return
    if not await matching.claim_match(session, request_id, volunteer_id, now):
        invitation.status = "taken"
        await _taken(session, request_id, volunteer_id, now, touched)
        await _closed(session, request, volunteer_id, now, touched)
        return
    invitation.status = "accepted"
    start = starts_at if starts_at is not None and starts_at > now else None
    await _matched(session, request, volunteer_id, now, touched, starts_at=start)


async def _closed(
    session: AsyncSession, request: HelpRequest, volunteer_id: int, now: datetime, touched: Touched
) -> None:
    data = {"request_id": request.id}
    key = f"condition_closed:{request.id}:{volunteer_id}"
    await touched.post(session, request.person_id, "match_condition_closed", data, now, key)


async def _matched(
    session: AsyncSession,
    request: HelpRequest,
    volunteer_id: int,
    now: datetime,
    touched: Touched,
    *,
    note: str | None = None,
    window: Mapping[str, Any] | None = None,
    starts_at: datetime | None = None,
) -> None:
    """The match is made: the others hear it is taken, a thread opens, both sides are told, and the
    resident is asked where and when to meet. `window` (a request without a fixed time) or
    `starts_at` (the time the resident agreed to) is the time both sides read."""
    request_id = request.id
    for kind in (WAVE_TIMEOUT, *CONDITION_KINDS, REQUEST_LAPSE):
        await schedule.cancel(session, kind, request_id=request_id, reason="matched", now=now)
    await session.refresh(request)
    if starts_at is not None:
        # The agreed time is the request's time from now on: "mijn vragen", the kring, staff, exports.
        _agree_time(request, starts_at)
    for other in await matching.open_invitations(session, request_id):
        other.status = "taken"
        await _taken(session, request_id, other.person_id, now, touched)
    thread = threads.create(session, request, volunteer_id, now)
    await session.flush()
    await circle_news.request_update(session, request, "matched", now, touched)
    facts: dict[str, object] = {**request_facts(request), "thread_id": thread.id}
    if window:
        facts["window"] = dict(window)
    volunteer_name = await matching.first_name(session, volunteer_id)
    requester_name = await matching.first_name(session, request.person_id)
    await touched.post(
        session,
        request.person_id,
        "match_found",
        {**facts, "name": volunteer_name or "", **({"note": note} if note else {})},
        now,
        f"match_found:{request_id}:{volunteer_id}",  # a re-match is a new volunteer
        about=volunteer_id,
    )
    await touched.post(
        session,
        volunteer_id,
        "invite_won",
        {**facts, "name": requester_name or ""},
        now,
        f"invite_won:{request_id}:{volunteer_id}",
        about=request.person_id,
    )
    # A caller who phoned in without a mobile number is reached through the staff member who took it.
    contact = await staff.phone_contact(session, request_id) if request.source == PHONE else None
    if contact is not None:
        await touched.post(
            session,
            volunteer_id,
            "staff_phone_contact",
            {"requester": requester_name or "", "staff": contact[0], "phone": contact[1]},
            now,
            f"phone_contact:{request_id}:{volunteer_id}",
            about=request.person_id,
        )
    await meetings.on_match(session, request, thread, now, touched, starts_at=starts_at, window=window)


def _agree_time(request: HelpRequest, starts_at: datetime) -> None:
    """`starts_at` becomes the request's time, in the zone the request was asked in."""
    asked = When.from_json(request.when).start
    zone = asked.tzinfo if asked is not None and isinstance(asked.tzinfo, ZoneInfo) else AMSTERDAM
    start = starts_at.astimezone(zone)
    request.when, request.when_start = When("moment", start).to_json(), start


async def changed(
    session: AsyncSession, request: HelpRequest, items: tuple[str, ...], now: datetime, touched: Touched
) -> None:
    """The resident changed their request after sending it (flows/request_change.py). A new time gets
    its lapse planned anew. Volunteers asked and not answered yet see the same invitation as it is now
    (`invite_changed`), rather than hearing it was withdrawn and being asked again: a volunteer is asked
    once per request (MatchInvitation's key), keeps the buttons they may be about to tap, and reads one
    message that says what changed. A matched neighbour is told through the thread and asked whether it
    still suits (`match_changed`); their answer goes to the resident as any message in the thread."""
    if not items:
        return
    if "when" in items:
        await schedule.cancel(session, REQUEST_LAPSE, request_id=request.id, reason="changed", now=now)
        if request.status == "open":
            plan_lapse(session, request, now)
    facts = request_facts(request)
    stamp = now.isoformat()
    if request.status == "open":
        for invitation in await matching.open_invitations(session, request.id):
            if invitation.status != "asked":
                continue
            key = f"invite_changed:{request.id}:{invitation.person_id}:{stamp}"
            await touched.post(
                session, invitation.person_id, "invite_changed", facts, now, key, about=request.person_id
            )
    elif request.matched_person_id is not None:
        thread = await threads.for_request(session, request.id)
        name = await matching.first_name(session, request.person_id)
        data = {**facts, "name": name or "", **({"thread_id": thread.id} if thread is not None else {})}
        key = f"match_changed:{request.id}:{stamp}"
        await touched.post(
            session, request.matched_person_id, "match_changed", data, now, key, about=request.person_id
        )


async def withdraw(session: AsyncSession, request_id: int, now: datetime, touched: Touched) -> None:
    """The resident cancelled: invited volunteers and a matched one are told, the timers stop."""
    request = await matching.lock_request(session, request_id)
    for kind in (WAVE_TIMEOUT, *CONDITION_KINDS, REQUEST_LAPSE):
        await schedule.cancel(session, kind, request_id=request_id, reason="cancelled", now=now)
    for invitation in await matching.open_invitations(session, request_id):
        invitation.status = "withdrawn"
        await _not_needed(session, request_id, invitation.person_id, now, touched)
    if request is not None and request.matched_person_id is not None:
        await touched.post(
            session,
            request.matched_person_id,
            "match_cancelled",
            request_facts(request),
            now,
            f"match_cancelled:{request_id}",
            about=request.person_id,
        )


async def _wave_timeout(
    session: AsyncSession, event: schedule.DueEvent, now: datetime, touched: Touched
) -> str:
    if event.request_id is None:
        return "no_request"
    return await on_wave_timeout(session, event.request_id, int(event.payload.get("wave", 0)), now, touched)


async def _condition_due(
    session: AsyncSession, event: schedule.DueEvent, now: datetime, touched: Touched
) -> str:
    """A conditional offer's reminder or lapse (see the module's docstring). Returns the row's reason."""
    if event.request_id is None or event.payload.get("volunteer_id") is None:
        return "no_request"
    volunteer_id = int(event.payload["volunteer_id"])
    request = await matching.lock_request(session, event.request_id)
    invitation = await matching.invitation(session, event.request_id, volunteer_id)
    if request is None or invitation is None or invitation.status != CONDITIONAL:
        return "decided"
    if request.status != "open":
        return "request_not_open"
    facts = request_facts(request)
    name = await matching.first_name(session, volunteer_id) or ""
    proposal = str(event.payload.get("proposal") or "")
    data = {**facts, "volunteer_id": volunteer_id, "name": name, "proposal": proposal}
    if event.kind == CONDITION_REMINDER:
        key = f"condition_reminder:{request.id}:{volunteer_id}"
        await touched.post(
            session, request.person_id, "match_condition_reminder", data, now, key, about=volunteer_id
        )
        return "reminded"
    invitation.status = LAPSED
    await touched.post(
        session,
        volunteer_id,
        "invite_condition_lapsed",
        {"request_id": request.id, "proposal": proposal},
        now,
        f"condition_lapsed:{request.id}:{volunteer_id}",
    )
    key = f"match_condition_lapsed:{request.id}:{volunteer_id}"
    await touched.post(session, request.person_id, "match_condition_lapsed", data, now, key)
    if await matching.wave_answered(session, request.id, request.wave):
        # Nobody of the wave is still to answer: on as after a no (next wave, or the staff queue).
        await schedule.cancel(
            session, WAVE_TIMEOUT, request_id=request.id, reason="condition_lapsed", now=now
        )
        await _wave(session, request, now, touched)
    return "lapsed"


SCHEDULED = {
    WAVE_TIMEOUT: _wave_timeout,
    CONDITION_REMINDER: _condition_due,
    CONDITION_LAPSE: _condition_due,
    REQUEST_LAPSE: on_request_lapse,
}
