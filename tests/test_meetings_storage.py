"""storage/meetings.py on SQLite and PostgreSQL: outcomes, the meeting share, reminder choices, the
pending events of one meeting, and the query for requests left half-way."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.runtime import Runtime
from storage import meetings, schedule
from storage.models import Conversation, HelpRequest, Meeting, Person, Thread
from tests.conftest import FixedClock

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


async def person(session: AsyncSession, name: str) -> Person:
    row = Person(first_name=name, created_at=NOW, last_active_at=NOW)
    session.add(row)
    await session.flush()
    return row


async def thread(session: AsyncSession) -> Thread:
    ria, henk = await person(session, "Ria"), await person(session, "Henk")
    request = HelpRequest(
        person_id=ria.id,
        category="boodschappen",
        description="melk",
        when={"kind": "asap"},
        neighbourhood="molenwijk",
        urgent=False,
        visibility="helper",
        status="matched",
        created_at=NOW,
        updated_at=NOW,
    )
    session.add(request)
    await session.flush()
    row = Thread(
        request_id=request.id,
        requester_id=ria.id,
        volunteer_id=henk.id,
        status="open",
        created_at=NOW,
        last_message_at=NOW,
    )
    session.add(row)
    await session.flush()
    return row


def proposed(session: AsyncSession, row: Thread, **changes: object) -> Meeting:
    return meetings.propose(
        session,
        row,
        row.requester_id,
        place_kind="home",
        place_text=None,
        starts_at=NOW + timedelta(days=5),
        zone="Europe/Amsterdam",
        now=NOW,
        **changes,  # type: ignore[arg-type]
    )


async def test_outcomes_and_the_share_of_matches_that_met(runtime: Runtime) -> None:
    async with runtime.sessions() as session, session.begin():
        met, unmet, silent = await thread(session), await thread(session), await thread(session)
        a, b = proposed(session, met), proposed(session, unmet)
        proposed(session, silent)
        await session.flush()
        assert (await meetings.meeting_share(session)).met == 0
        meetings.record_outcome(a, met.volunteer_id, "no", NOW)
        assert a.status == "not_happened"
        meetings.record_outcome(a, met.requester_id, "yes", NOW)
        assert a.status == "happened", "a yes from either means they met"
        assert (a.requester_outcome, a.volunteer_outcome) == ("yes", "no")
        meetings.record_outcome(b, unmet.requester_id, "no", NOW)
        with pytest.raises(ValueError):
            meetings.record_outcome(b, 999_999, "yes", NOW)
        with pytest.raises(ValueError):
            meetings.record_outcome(b, unmet.requester_id, "maybe", NOW)
    async with runtime.sessions() as session:
        share = await meetings.meeting_share(session)
        assert (share.matches, share.met) == (3, 1)
        assert share.ratio == pytest.approx(1 / 3)
    assert meetings.MeetingShare(0, 0).ratio == 0.0


async def test_one_live_meeting_per_thread_and_the_next_occurrence(runtime: Runtime) -> None:
    async with runtime.sessions() as session, session.begin():
        row = await thread(session)
        first = proposed(session, row)
        await session.flush()
        assert (await meetings.live_for_thread(session, row.id)) is first
        assert not await meetings.has_agreed(session, row.id)
        first.status = "happened"
        following = proposed(session, row, recurring=True, previous_id=first.id)
        await session.flush()
        assert (await meetings.next_of(session, first.id)) is following
        assert await meetings.has_agreed(session, row.id)
        assert await meetings.member_meeting(session, first.id, row.volunteer_id) is first
        assert await meetings.member_meeting(session, first.id, 999_999) is None
        assert await meetings.close_meetings_of_thread(session, row.id, NOW) == [following.id]
        assert following.status == "cancelled"


async def test_reminder_choice_defaults_and_is_kept_per_person(runtime: Runtime) -> None:
    async with runtime.sessions() as session, session.begin():
        ria = await person(session, "Ria")
        assert await meetings.reminders_for(session, ria.id) == meetings.Reminders(True, 2)
        await meetings.set_reminders(session, ria.id, meetings.Reminders(False, 1), NOW)
    async with runtime.sessions() as session, session.begin():
        assert await meetings.reminders_for(session, ria.id) == meetings.Reminders(False, 1)
        await meetings.set_reminders(session, ria.id, meetings.Reminders(True, 0), NOW)
    async with runtime.sessions() as session:
        assert await meetings.reminders_for(session, ria.id) == meetings.Reminders(True, 0)


async def test_cancel_events_touches_only_that_meetings_pending_events(runtime: Runtime) -> None:
    async with runtime.sessions() as session, session.begin():
        row = await thread(session)
        one, two = proposed(session, row), proposed(session, row)
        await session.flush()
        due = NOW + timedelta(days=1)
        for meeting in (one, two):
            for person_id in (row.requester_id, row.volunteer_id):
                schedule.schedule(
                    session,
                    "meeting_reminder",
                    due,
                    NOW,
                    person_id=person_id,
                    request_id=row.request_id,
                    payload={"meeting_id": meeting.id},
                )
        schedule.schedule(session, "wave_timeout", due, NOW, request_id=row.request_id, payload={})
        await session.flush()
        kinds = ("meeting_reminder",)
        assert len(await meetings.pending_events(session, kinds, one.id)) == 2
        assert (
            await meetings.cancel_events(
                session, kinds, one.id, reason="preference", now=NOW, person_id=row.requester_id
            )
            == 1
        )
        assert await meetings.cancel_events(session, kinds, one.id, reason="moved", now=NOW) == 1
        assert len(await meetings.pending_events(session, kinds, one.id)) == 0
        assert len(await meetings.pending_events(session, kinds, two.id)) == 2
        assert len(await meetings.pending_events(session, ("wave_timeout",), one.id)) == 0


async def test_stalled_asks_finds_old_unnudged_drafts_only(runtime: Runtime, clock: FixedClock) -> None:
    old = NOW - timedelta(hours=30)
    states = {
        "stalled": ({"flow": "ask", "ask": {"category": "klusjes"}}, old),
        "nudged": ({"flow": "ask", "ask": {"category": "klusjes", "nudged": True}}, old),
        "recent": ({"flow": "ask", "ask": {}}, NOW - timedelta(hours=2)),
        "menu": ({"flow": "menu"}, old),
        "nudged_false": ({"flow": "ask", "ask": {"nudged": False}}, old),
    }
    ids = {}
    async with runtime.sessions() as session, session.begin():
        for name, (state, updated) in states.items():
            row = await person(session, name)
            session.add(Conversation(person_id=row.id, state=state, updated_at=updated))
            ids[name] = row.id
    async with runtime.sessions() as session:
        found = await meetings.stalled_asks(session, NOW - timedelta(hours=24))
    assert sorted(found) == sorted([ids["stalled"], ids["nudged_false"]])


async def test_erasure_keeps_the_meeting_as_a_figure_without_the_place(runtime: Runtime) -> None:
    from storage import privacy

    async with runtime.sessions() as session, session.begin():
        row = await thread(session)
        meeting = proposed(session, row)
        meeting.place_kind, meeting.place_text, meeting.status = "other", "bij de bakker", "happened"
        await session.flush()
        await privacy.erase(session, row.requester_id, NOW)
    async with runtime.sessions() as session:
        kept = await session.get(Meeting, meeting.id)
        assert kept is not None and kept.place_text is None and kept.status == "happened"
        assert (await meetings.meeting_share(session)).met == 1
