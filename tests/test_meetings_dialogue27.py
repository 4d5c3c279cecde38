"""Round dialogue27 through the real engine (tests/test_dialogues_redteam27.py has the flows): a volunteer
who cancels the one meeting sends the request back to matching and the resident hears it once; a weekly
wish on another weekday ("kan hij voortaan elke dinsdag?") proposes every week from the first such day.

Decided (round dialogue27): the volunteer's "Afzeggen" used to cancel the meeting only, the request left
matched with no meeting and the resident told "Nieuwe afspraak maken? Stuur AFSPRAAK."; test_meetings.py's
cancel test now cancels from the resident's side, where that still holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.effects import meetings as bot_meetings
from bot.runtime import Runtime
from tests.community import add_person, keys_for, say
from tests.conftest import FixedClock
from tests.test_meetings import (
    RESIDENT_SMS,
    SATURDAY_10,
    SECOND_CHAT,
    VOLUNTEER_CHAT,
    agreed,
    at,
    meeting_rows,
)


async def test_a_volunteer_who_cancels_sends_the_request_back_to_matching(
    runtime: Runtime, clock: FixedClock
) -> None:
    resident, volunteer = await agreed(runtime, clock)
    second = await add_person(
        runtime, clock, SECOND_CHAT, "Fatima", "molenwijk", offers=("boodschappen",), channel="telegram"
    )
    await say(runtime, VOLUNTEER_CHAT, "afspraak", "3", channel="telegram")
    assert (await keys_for(runtime, volunteer))[-1] == "meet_cancelled_rematch"
    resident_keys = await keys_for(runtime, resident)
    assert resident_keys[-1] == "meet_ended_requester" and "meet_cancelled_by_other" not in resident_keys
    [meeting] = await meeting_rows(runtime)
    assert meeting.status == "cancelled"
    assert (await keys_for(runtime, second))[-1] == "invite", "the request went back to matching"


async def test_weekly_on_another_weekday_starts_on_the_first_such_day(
    runtime: Runtime, clock: FixedClock
) -> None:
    _, volunteer = await agreed(runtime, clock)
    await at(runtime, clock, SATURDAY_10 + bot_meetings.CHECK_AFTER)
    await say(runtime, RESIDENT_SMS, "ja! kan hij voortaan elke dinsdag?", channel="sms")
    assert (await keys_for(runtime, volunteer))[-1] == "meet_proposal_weekly"
    first, second = await meeting_rows(runtime)
    assert second.recurring and second.status == "proposed" and second.previous_id == first.id
    # Tuesday 1 December, 10:00 in Amsterdam (09:00 UTC): the first Tuesday after Saturday 28 November.
    assert second.starts_at == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert second.starts_at - SATURDAY_10 == timedelta(days=3)


async def test_weekly_on_another_day_and_hour_is_proposed_at_that_hour(
    runtime: Runtime, clock: FixedClock
) -> None:
    """ "elke dinsdag om 3 uur": every week from the first Tuesday at 15:00, and the volunteer is not told
    "zelfde tijd en plek" (only the place is kept); the resident hears the day and the hour."""
    resident, volunteer = await agreed(runtime, clock)
    await at(runtime, clock, SATURDAY_10 + bot_meetings.CHECK_AFTER)
    await say(runtime, RESIDENT_SMS, "ja! kan hij voortaan elke dinsdag om 3 uur?", channel="sms")
    assert (await keys_for(runtime, resident))[-1] == "meet_weekly_day_time_asked"
    assert (await keys_for(runtime, volunteer))[-1] == "meet_proposal_weekly_new_time"
    first, second = await meeting_rows(runtime)
    assert second.recurring and second.status == "proposed" and second.previous_id == first.id
    # Tuesday 1 December, 15:00 in Amsterdam (14:00 UTC).
    assert second.starts_at == datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    await say(runtime, VOLUNTEER_CHAT, "1", channel="telegram")
    assert (await keys_for(runtime, volunteer))[-1] == "meet_agreed_weekly"
    assert [row.status for row in await meeting_rows(runtime)] == ["happened", "agreed"]


async def test_weekly_on_the_same_day_at_another_hour_starts_a_week_later(
    runtime: Runtime, clock: FixedClock
) -> None:
    _, volunteer = await agreed(runtime, clock)
    await at(runtime, clock, SATURDAY_10 + bot_meetings.CHECK_AFTER)
    await say(runtime, RESIDENT_SMS, "ja, voortaan elke zaterdag om 11 uur?", channel="sms")
    assert (await keys_for(runtime, volunteer))[-1] == "meet_proposal_weekly_new_time"
    _, second = await meeting_rows(runtime)
    assert second.starts_at == SATURDAY_10 + timedelta(days=7, hours=1)
