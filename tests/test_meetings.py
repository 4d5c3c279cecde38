"""From a match to a real meeting, through the real engine on both databases: agree, remind, check,
meet again weekly, reschedule, re-match, stale reminders, and the nudges for stalled conversations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.channels.base import InboundMessage
from bot.effects import meetings as bot_meetings
from bot.runtime import Runtime
from flows.types import Event
from storage import community, meetings
from storage.models import ActivitySignup, HelpRequest, Meeting, ScheduledEvent, StaffAlert, Thread
from tests.community import (
    ASK_BOODSCHAPPEN,
    MESSAGE_IDS,
    add_person,
    bodies_for,
    human_pace,
    keys_for,
    say,
)
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows

RESIDENT_SMS = "+31612345678"
VOLUNTEER_CHAT = "5550001"
SECOND_CHAT = "5550002"
# The test clock starts on Monday 23 November 2026, 10:00 UTC; "zaterdag om 10 uur" is Saturday
# 28 November 10:00 in Amsterdam, 09:00 UTC.
SATURDAY_10 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


async def matched(runtime: Runtime, clock: FixedClock) -> tuple[int, int]:
    resident = await add_person(runtime, clock, RESIDENT_SMS, "Ria", "molenwijk", channel="sms")
    volunteer = await add_person(
        runtime, clock, VOLUNTEER_CHAT, "Henk", "molenwijk", offers=("boodschappen",), channel="telegram"
    )
    await say(runtime, RESIDENT_SMS, *ASK_BOODSCHAPPEN, channel="sms")
    await say(runtime, VOLUNTEER_CHAT, "ja", channel="telegram")
    return resident, volunteer


async def agreed(runtime: Runtime, clock: FixedClock) -> tuple[int, int]:
    resident, volunteer = await matched(runtime, clock)
    await say(runtime, RESIDENT_SMS, "1", "zaterdag om 10 uur", channel="sms")
    await say(runtime, VOLUNTEER_CHAT, "1", channel="telegram")
    return resident, volunteer


async def at(runtime: Runtime, clock: FixedClock, moment: datetime) -> None:
    """Move the clock and let the scheduler's tick run what is due, and everything it sets off."""
    clock.now = moment
    while await runtime.engine.run_due_events():
        pass
    await runtime.engine.settle()


async def tap(runtime: Runtime, chat: str, choice: str) -> None:
    """A Telegram button, also one of an older message."""
    human_pace(runtime)
    message = InboundMessage(
        channel="telegram",
        provider_id=f"tap{next(MESSAGE_IDS)}",
        address=chat,
        event=Event("choice", choice=choice),
    )
    await runtime.engine.store(message)
    await runtime.engine.settle()


async def meeting_rows(runtime: Runtime) -> list[Meeting]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(Meeting).order_by(Meeting.id))).scalars())


async def events(runtime: Runtime, *kinds: str) -> list[ScheduledEvent]:
    async with runtime.sessions() as session:
        query = select(ScheduledEvent).where(ScheduledEvent.kind.in_(kinds)).order_by(ScheduledEvent.id)
        return list((await session.execute(query)).scalars())


async def test_after_a_match_the_requester_is_asked_where(runtime: Runtime, clock: FixedClock) -> None:
    resident, volunteer = await matched(runtime, clock)
    keys = await keys_for(runtime, resident)
    assert keys[-2:] == ["match_found", "meet_where"]
    where = (await outbox_rows(runtime))[-1]
    assert where.person_id == resident and where.channel == "sms" and where.scheduled
    # The Molenwijk's buurthuis by name (flows/data/municipality_demo.toml `buurthuis`).
    assert [label for _, label in where.choices] == ["Bij mij thuis", "In Buurthuis De Molen", "Anders"]
    assert "meet_where" not in await keys_for(runtime, volunteer), "one proposes, the other confirms"


async def test_agree_place_and_time_confirmed_to_both(runtime: Runtime, clock: FixedClock) -> None:
    resident, volunteer = await matched(runtime, clock)
    await say(runtime, RESIDENT_SMS, "1", "zaterdag om 10 uur", channel="sms")
    assert (await bodies_for(runtime, resident))[-1] == (
        "Je voorstel: zaterdag 28 november, 10:00, bij jou thuis. Ik vraag Henk of dat past. "
        "Klopt het niet? Stuur AFSPRAAK."
    )
    assert (await bodies_for(runtime, volunteer))[-1] == (
        "Ria stelt voor af te spreken: zaterdag 28 november, 10:00, bij Ria thuis. Past dat?"
    )
    [meeting] = await meeting_rows(runtime)
    assert (meeting.status, meeting.starts_at, meeting.place_kind) == ("proposed", SATURDAY_10, "home")
    assert meeting.proposer_id == resident and meeting.zone == "Europe/Amsterdam"
    await say(runtime, VOLUNTEER_CHAT, "1", channel="telegram")
    [meeting] = await meeting_rows(runtime)
    assert meeting.status == "agreed"
    resident_rows = [r for r in await outbox_rows(runtime) if r.text_key == "meet_agreed"]
    assert {(r.person_id, r.channel) for r in resident_rows} == {(resident, "sms"), (volunteer, "telegram")}
    assert all(r.scheduled for r in resident_rows)
    assert (await bodies_for(runtime, volunteer))[-1].startswith(
        "Afgesproken met Ria: zaterdag 28 november, 10:00, bij Ria thuis."
    )
    reminders = await events(runtime, bot_meetings.REMINDER)
    # Evening before at 19:00 Amsterdam (18:00 UTC) and two hours before, for each of them.
    assert sorted((e.person_id, e.payload["which"], e.due_at) for e in reminders) == sorted(
        [
            (resident, "evening", datetime(2026, 11, 27, 18, 0, tzinfo=UTC)),
            (resident, "before", SATURDAY_10 - timedelta(hours=2)),
            (volunteer, "evening", datetime(2026, 11, 27, 18, 0, tzinfo=UTC)),
            (volunteer, "before", SATURDAY_10 - timedelta(hours=2)),
        ]
    )


async def test_reminders_then_is_het_gelukt_then_weekly(runtime: Runtime, clock: FixedClock) -> None:
    resident, volunteer = await agreed(runtime, clock)
    await at(runtime, clock, datetime(2026, 11, 27, 18, 0, tzinfo=UTC))
    evening = [r for r in await outbox_rows(runtime) if r.text_key == "meet_reminder_evening"]
    assert {r.person_id for r in evening} == {resident, volunteer} and all(r.scheduled for r in evening)
    assert evening[0].body.startswith("Herinnering: morgen om 10:00 zie je")
    await at(runtime, clock, SATURDAY_10 - timedelta(hours=2))
    soon = [r for r in await outbox_rows(runtime) if r.text_key == "meet_reminder_soon"]
    assert {r.person_id for r in soon} == {resident, volunteer}
    await at(runtime, clock, SATURDAY_10 + bot_meetings.CHECK_AFTER)
    assert (await keys_for(runtime, resident))[-1] == "meet_check"
    assert (await keys_for(runtime, volunteer))[-1] == "meet_check"

    await say(runtime, RESIDENT_SMS, "ja", channel="sms")
    assert (await keys_for(runtime, resident))[-2:] == ["meet_thanks", "meet_again"]
    await say(runtime, RESIDENT_SMS, "1", channel="sms")
    assert (await keys_for(runtime, resident))[-1] == "meet_weekly_asked"
    assert (await keys_for(runtime, volunteer))[-1] == "meet_proposal_weekly"
    assert "elke week" in (await bodies_for(runtime, volunteer))[-1]
    await say(runtime, VOLUNTEER_CHAT, "1", channel="telegram")
    first, second = await meeting_rows(runtime)
    assert first.status == "happened" and first.requester_outcome == "yes"
    assert second.status == "agreed" and second.recurring and second.previous_id == first.id
    assert second.starts_at == SATURDAY_10 + timedelta(days=7)
    assert (await keys_for(runtime, volunteer))[-1] == "meet_agreed_weekly"

    # Next week's own reminders.
    await at(runtime, clock, datetime(2026, 12, 4, 18, 0, tzinfo=UTC))
    evening = [r for r in await outbox_rows(runtime) if r.text_key == "meet_reminder_evening"]
    assert len(evening) == 4
    assert "morgen om 10:00" in evening[-1].body

    # The volunteer taps their own "Is het gelukt?" late: the weekly one is already agreed.
    await tap(runtime, VOLUNTEER_CHAT, f"meetok:{first.id}:yes")
    [first, _] = await meeting_rows(runtime)
    assert first.volunteer_outcome == "yes"
    share = await _share(runtime)
    assert (share.matches, share.met, share.ratio) == (1, 1, 1.0)

    # A recurring meeting that happened makes the one after it, agreed, with its reminders.
    await at(runtime, clock, SATURDAY_10 + timedelta(days=7) + bot_meetings.CHECK_AFTER)
    await say(runtime, RESIDENT_SMS, "1", channel="sms")
    assert (await keys_for(runtime, resident))[-2:] == ["meet_thanks", "meet_next_week"]
    rows = await meeting_rows(runtime)
    assert [r.status for r in rows] == ["happened", "happened", "agreed"]
    assert rows[2].starts_at == SATURDAY_10 + timedelta(days=14) and rows[2].recurring


async def _share(runtime: Runtime) -> meetings.MeetingShare:
    async with runtime.sessions() as session:
        return await meetings.meeting_share(session)


async def test_no_then_reschedule_moves_the_meeting_and_its_reminders(
    runtime: Runtime, clock: FixedClock
) -> None:
    resident, volunteer = await agreed(runtime, clock)
    await at(runtime, clock, SATURDAY_10 + bot_meetings.CHECK_AFTER)
    await say(runtime, VOLUNTEER_CHAT, "nee", channel="telegram")
    assert (await keys_for(runtime, volunteer))[-1] == "meet_not_happened"
    await say(runtime, VOLUNTEER_CHAT, "1", channel="telegram")  # Nieuwe tijd afspreken
    assert (await keys_for(runtime, volunteer))[-1] == "meet_where"
    await say(runtime, VOLUNTEER_CHAT, "2", "dinsdag om 14 uur", channel="telegram")
    assert (await keys_for(runtime, resident))[-1] == "meet_proposal"
    # The municipality's data names the Molenwijk's buurthuis (flows/data/municipality_demo.toml).
    assert "in Buurthuis De Molen" in (await bodies_for(runtime, resident))[-1]
    await say(runtime, RESIDENT_SMS, "1", channel="sms")
    first, second = await meeting_rows(runtime)
    assert first.status == "not_happened" and first.volunteer_outcome == "no"
    assert second.status == "agreed" and second.place_kind == "centre"
    assert second.starts_at == datetime(2026, 12, 1, 13, 0, tzinfo=UTC)
    assert (await _share(runtime)).met == 0


async def test_afspraak_moves_an_agreed_meeting_old_reminders_cancelled(
    runtime: Runtime, clock: FixedClock
) -> None:
    resident, _ = await agreed(runtime, clock)
    await say(runtime, RESIDENT_SMS, "AFSPRAAK", channel="sms")
    assert (await keys_for(runtime, resident))[-1] == "meet_status"
    await say(runtime, RESIDENT_SMS, "1", "3", "bij de bakker", "vrijdag om 11 uur", channel="sms")
    [meeting] = await meeting_rows(runtime)
    assert meeting.status == "proposed" and meeting.place_text == "bij de bakker"
    old = await events(runtime, bot_meetings.REMINDER, bot_meetings.CHECK)
    assert {e.status for e in old} == {"cancelled"} and {e.reason for e in old} == {"moved"}
    await say(runtime, VOLUNTEER_CHAT, "1", channel="telegram")
    pending = [e for e in await events(runtime, bot_meetings.REMINDER) if e.status == "pending"]
    assert len(pending) == 4
    assert all(
        e.payload["starts_at"] == datetime(2026, 11, 27, 10, 0, tzinfo=UTC).isoformat() for e in pending
    )


async def test_cancel_tells_the_other_and_drops_the_reminders(runtime: Runtime, clock: FixedClock) -> None:
    resident, volunteer = await agreed(runtime, clock)
    await say(runtime, RESIDENT_SMS, "afspraak", "3", channel="sms")
    assert (await keys_for(runtime, resident))[-1] == "meet_cancelled"
    assert (await keys_for(runtime, volunteer))[-1] == "meet_cancelled_by_other"
    [meeting] = await meeting_rows(runtime)
    assert meeting.status == "cancelled"
    assert {e.status for e in await events(runtime, bot_meetings.REMINDER, bot_meetings.CHECK)} == {
        "cancelled"
    }


async def test_no_then_rematch_reopens_the_request(runtime: Runtime, clock: FixedClock) -> None:
    resident, volunteer = await agreed(runtime, clock)
    second = await add_person(
        runtime, clock, SECOND_CHAT, "Fatima", "molenwijk", offers=("boodschappen",), channel="telegram"
    )
    await at(runtime, clock, SATURDAY_10 + bot_meetings.CHECK_AFTER)
    await say(runtime, RESIDENT_SMS, "nee", "2", channel="sms")  # Iemand anders zoeken
    assert (await keys_for(runtime, resident))[-1] == "meet_rematching"
    assert (await keys_for(runtime, volunteer))[-1] == "meet_ended_volunteer"
    assert (await keys_for(runtime, second))[-1] == "invite", "the request went back to matching"
    assert "invite" not in (await keys_for(runtime, volunteer))[-1:]
    await say(runtime, SECOND_CHAT, "ja", channel="telegram")
    async with runtime.sessions() as session:
        request = (await session.execute(select(HelpRequest))).scalar_one()
        thread_rows = list((await session.execute(select(Thread).order_by(Thread.id))).scalars())
    assert request.status == "matched" and request.matched_person_id == second
    # The asked Tuesday 10:00 was long over: the request went back as "any time", not expired.
    assert (request.when["kind"], request.when_start) == ("flexible", None)
    assert "request_expired" not in await keys_for(runtime, resident)
    assert [t.status for t in thread_rows] == ["closed", "open"]
    assert (await keys_for(runtime, resident))[-2:] == ["match_found", "meet_where"]


async def test_a_reminder_for_a_meeting_already_past_is_dropped_as_stale(
    runtime: Runtime, clock: FixedClock
) -> None:
    """After downtime the tick finds the evening reminder due, but the meeting is already over."""
    resident, volunteer = await agreed(runtime, clock)
    clock.now = SATURDAY_10 + timedelta(minutes=30)
    await runtime.engine.run_due_events()
    await runtime.engine.settle()
    reminders = await events(runtime, bot_meetings.REMINDER)
    assert {(e.status, e.reason) for e in reminders} == {("done", "stale")}
    keys = await keys_for(runtime, resident) + await keys_for(runtime, volunteer)
    assert "meet_reminder_evening" not in keys and "meet_reminder_soon" not in keys


async def test_reminder_choice_is_per_person_and_moves_pending_reminders(
    runtime: Runtime, clock: FixedClock
) -> None:
    resident, volunteer = await agreed(runtime, clock)
    await say(runtime, RESIDENT_SMS, "AFSPRAAK", "2", "4", channel="sms")  # Herinneringen: 1 uur ervoor
    assert (await keys_for(runtime, resident))[-1] == "meet_reminders_set"
    pending = [e for e in await events(runtime, bot_meetings.REMINDER) if e.status == "pending"]
    assert sorted((e.person_id, e.payload["which"], e.due_at) for e in pending) == sorted(
        [
            (resident, "before", SATURDAY_10 - timedelta(hours=1)),
            (volunteer, "evening", datetime(2026, 11, 27, 18, 0, tzinfo=UTC)),
            (volunteer, "before", SATURDAY_10 - timedelta(hours=2)),
        ]
    )


async def test_a_stalled_match_is_nudged_once_and_staff_see_it(runtime: Runtime, clock: FixedClock) -> None:
    resident, volunteer = await matched(runtime, clock)
    await say(runtime, RESIDENT_SMS, "MENU", channel="sms")
    await at(runtime, clock, clock.now + timedelta(hours=24, minutes=1))
    assert (await keys_for(runtime, resident))[-1] == "meet_nudge_match"
    assert (await keys_for(runtime, volunteer))[-1] == "meet_nudge_match"
    async with runtime.sessions() as session:
        alerts = list((await session.execute(select(StaffAlert))).scalars())
    assert [(a.kind, a.priority) for a in alerts] == [("stalled_match", "normal")]
    await at(runtime, clock, clock.now + timedelta(days=3))
    keys = await keys_for(runtime, resident)
    assert keys.count("meet_nudge_match") == 1, "once, then the bot lets go"


async def test_a_match_with_an_agreed_meeting_is_not_nudged(runtime: Runtime, clock: FixedClock) -> None:
    resident, _ = await agreed(runtime, clock)
    await at(runtime, clock, clock.now + timedelta(hours=25))
    assert "meet_nudge_match" not in await keys_for(runtime, resident)
    stalled = await events(runtime, bot_meetings.STALLED)
    assert [(e.status, e.reason) for e in stalled] == [("done", "has_meeting")]


async def test_a_request_left_half_way_is_nudged_once(runtime: Runtime, clock: FixedClock) -> None:
    resident = await add_person(runtime, clock, RESIDENT_SMS, "Ria", "molenwijk", channel="sms")
    await say(runtime, RESIDENT_SMS, "menu", "1", "1", channel="sms")  # stops at the description
    assert (await keys_for(runtime, resident))[-1] == "ask_description"

    def wake(_person_id: int) -> None:
        pass

    clock.advance(hours=23)
    assert await bot_meetings.sweep(runtime.sessions, clock, wake) == 0, "not yet 24 h"
    clock.advance(hours=2)
    assert await bot_meetings.sweep(runtime.sessions, clock, wake) == 1
    await runtime.engine.settle()
    assert (await keys_for(runtime, resident))[-2:] == ["meet_nudge_ask", "ask_description"]
    nudge = [r for r in await outbox_rows(runtime) if r.text_key == "meet_nudge_ask"]
    assert nudge[0].scheduled
    clock.advance(days=2)
    assert await bot_meetings.sweep(runtime.sessions, clock, wake) == 0, "once, then the bot lets go"
    await runtime.engine.settle()
    assert (await keys_for(runtime, resident)).count("meet_nudge_ask") == 1
    # Answering goes on where they were.
    await say(runtime, RESIDENT_SMS, "melk halen", channel="sms")
    assert (await keys_for(runtime, resident))[-1] == "ask_when"


async def test_a_weekly_meeting_across_the_spring_dst_change_stays_at_ten(runtime: Runtime) -> None:
    """Saturday 27 March 2027 10:00 (winter time); summer time starts on Sunday the 28th."""
    clock = runtime.clock
    assert isinstance(clock, FixedClock)
    clock.now = datetime(2027, 3, 22, 10, 0, tzinfo=UTC)
    resident, volunteer = await agreed(runtime, clock)
    [first] = await meeting_rows(runtime)
    assert first.starts_at == datetime(2027, 3, 27, 9, 0, tzinfo=UTC)
    await at(runtime, clock, first.starts_at + bot_meetings.CHECK_AFTER)
    await say(runtime, RESIDENT_SMS, "ja", "1", channel="sms")
    await say(runtime, VOLUNTEER_CHAT, "1", channel="telegram")
    _, second = await meeting_rows(runtime)
    assert second.status == "agreed"
    assert second.starts_at == datetime(2027, 4, 3, 8, 0, tzinfo=UTC), "10:00 summer time"
    evening = [
        e.due_at
        for e in await events(runtime, bot_meetings.REMINDER)
        if e.payload["meeting_id"] == second.id and e.payload["which"] == "evening"
    ]
    assert evening == [datetime(2027, 4, 2, 17, 0, tzinfo=UTC)] * 2, "19:00 summer time, for both"
    await at(runtime, clock, datetime(2027, 4, 2, 17, 0, tzinfo=UTC))
    assert "morgen om 10:00" in (await bodies_for(runtime, resident))[-1]
    assert "morgen om 10:00" in (await bodies_for(runtime, volunteer))[-1]


async def test_catch_up_on_the_day_drops_the_evening_reminder_and_sends_the_other(
    runtime: Runtime, clock: FixedClock
) -> None:
    """Down from Friday afternoon until Saturday 08:30 local: "morgen" would be wrong, "om 10:00" is not."""
    resident, volunteer = await agreed(runtime, clock)
    await at(runtime, clock, SATURDAY_10 - timedelta(minutes=90))
    reasons = sorted((e.payload["which"], e.reason) for e in await events(runtime, bot_meetings.REMINDER))
    assert reasons == [("before", "sent"), ("before", "sent"), ("evening", "stale"), ("evening", "stale")]
    assert (await keys_for(runtime, resident))[-1] == "meet_reminder_soon"
    assert (await keys_for(runtime, volunteer))[-1] == "meet_reminder_soon"


async def test_klaar_after_agreeing_drops_reminders_and_check(runtime: Runtime, clock: FixedClock) -> None:
    resident, _ = await agreed(runtime, clock)
    await say(runtime, VOLUNTEER_CHAT, "KLAAR", channel="telegram")
    await at(runtime, clock, SATURDAY_10 + bot_meetings.CHECK_AFTER)
    dropped = await events(runtime, bot_meetings.REMINDER, bot_meetings.CHECK)
    assert [e.reason for e in dropped] == ["thread_not_open"] + ["meeting_cancelled"] * (len(dropped) - 1)
    [meeting] = await meeting_rows(runtime)
    assert meeting.status == "cancelled"
    keys = await keys_for(runtime, resident)
    assert not {"meet_reminder_evening", "meet_reminder_soon", "meet_check"} & set(keys)


async def test_after_a_meeting_that_happened_both_are_invited_to_one_activity_nearby(
    runtime: Runtime, clock: FixedClock
) -> None:
    """The meeting was in the Molenwijk on Saturday; "Is het gelukt?" comes at 12:00. The soonest
    activity in or next to the Molenwijk from three hours on is Monday's Stoelyoga in Bloemhof (the
    demo agenda): both hear of it after "Volgende week weer afspreken?", and a yes signs up."""
    async with runtime.sessions() as session, session.begin():
        await community.seed(session, clock())
    resident, volunteer = await agreed(runtime, clock)
    await at(runtime, clock, SATURDAY_10 + bot_meetings.CHECK_AFTER)
    await say(runtime, RESIDENT_SMS, "ja", "nee", channel="sms")
    assert (await keys_for(runtime, resident))[-2:] == ["meet_later_ok", "meet_activity"]
    invitation = (await bodies_for(runtime, resident))[-1]
    assert "Stoelyoga" in invitation and "maandag 30 november" in invitation and "14:00" in invitation
    await say(runtime, RESIDENT_SMS, "ja leuk", channel="sms")
    assert (await keys_for(runtime, resident))[-1] == "agenda_signed_up"
    await say(runtime, VOLUNTEER_CHAT, "ja", "nee", "nee dank je", channel="telegram")
    assert (await keys_for(runtime, volunteer))[-3:] == ["meet_later_ok", "meet_activity", "meet_activity_no"]
    assert "Stoelyoga" in (await bodies_for(runtime, volunteer))[-2]
    async with runtime.sessions() as session:
        signups = (await session.execute(select(ActivitySignup))).scalars().all()
    assert [(s.person_id, s.occurs_on.isoformat()) for s in signups] == [(resident, "2026-11-30")]


async def test_not_again_after_meeting_keeps_the_two_apart_in_matching(
    runtime: Runtime, clock: FixedClock
) -> None:
    """ "Is het gelukt?" answered "ja, maar liever niet meer met hem": the team hears it and Henk, who
    helped before and would be asked first, is not asked for Ria's next request; another volunteer is."""
    resident, volunteer = await agreed(runtime, clock)
    await at(runtime, clock, SATURDAY_10 + bot_meetings.CHECK_AFTER)
    await say(runtime, RESIDENT_SMS, "ja het ging wel, maar liever niet meer met hem", channel="sms")
    assert (await keys_for(runtime, resident))[-1] == "meet_not_again_heard"
    async with runtime.sessions() as session:
        kinds = [alert.kind for alert in (await session.execute(select(StaffAlert))).scalars()]
    assert "meet_not_again" in kinds
    second = await add_person(runtime, clock, SECOND_CHAT, "Joke", "molenwijk", offers=("boodschappen",))
    henk_before = len(await keys_for(runtime, volunteer))
    clock.advance(days=1)
    await say(runtime, RESIDENT_SMS, "MENU", channel="sms")
    await say(runtime, RESIDENT_SMS, *ASK_BOODSCHAPPEN, channel="sms")
    assert "invite" not in (await keys_for(runtime, volunteer))[henk_before:]
    assert "invite" in await keys_for(runtime, second)
