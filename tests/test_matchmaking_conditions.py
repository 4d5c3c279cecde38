"""A volunteer's yes with a condition, through the engine and the database: the whole exchange between a
resident and volunteers (flows/invitations.py describes it). The resident asks help for tomorrow,
Tuesday 24 November, at 10:00 (the clock: Monday 11:00 in Amsterdam)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.channels.base import InboundMessage
from bot.effects.matchmaker import CONDITION_KINDS
from bot.runtime import Runtime
from flows.types import Event
from flows.when import AMSTERDAM, When
from storage.models import HelpRequest, MatchInvitation, Meeting, OutboxMessage, ScheduledEvent
from tests.community import ASK_BOODSCHAPPEN, MESSAGE_IDS, add_person, bodies_for, keys_for, say
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows

REQUESTER = "+31600000001"
ASK = ("hallo", "Ria", "7391 AB", "ja", *ASK_BOODSCHAPPEN)
TUESDAY_14 = "dinsdag 24 november, 14:00"


async def the_request(runtime: Runtime) -> HelpRequest:
    async with runtime.sessions() as session:
        return (await session.execute(select(HelpRequest))).scalar_one()


async def invitations(runtime: Runtime) -> dict[int, str]:
    async with runtime.sessions() as session:
        rows = (await session.execute(select(MatchInvitation))).scalars()
        return {row.person_id: row.status for row in rows}


async def volunteers(runtime: Runtime, clock: FixedClock, count: int) -> list[int]:
    return [
        await add_person(
            runtime, clock, f"+3161000000{i}", f"Vrijwilliger{i}", "molenwijk", offers=("boodschappen",)
        )
        for i in range(count)
    ]


async def tap(runtime: Runtime, address: str, choice: str) -> None:
    message = InboundMessage(
        channel="simulator",
        provider_id=f"m{next(MESSAGE_IDS)}",
        address=address,
        event=Event(kind="choice", choice=choice),
    )
    await runtime.engine.store(message)
    await runtime.engine.settle()


async def test_a_time_that_does_not_suit_is_asked_and_a_yes_matches_at_the_other_time(
    runtime: Runtime, clock: FixedClock
) -> None:
    [ans] = await volunteers(runtime, clock, 1)
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, "+31610000000", "ja maar pas na 2 uur")
    request = await the_request(runtime)
    assert (request.status, request.matched_person_id) == ("open", None), "no match at a time Ans cannot make"
    assert await invitations(runtime) == {ans: "conditional"}
    assert (await keys_for(runtime, request.person_id))[-2:] == ["match_note", "match_condition"]
    question = (await bodies_for(runtime, request.person_id))[-1]
    assert question == (
        "Vrijwilliger0 kan je helpen met boodschappen, maar niet dinsdag 24 november, 10:00. "
        f"Wel {TUESDAY_14}. Is dat goed?"
    )
    assert (await keys_for(runtime, ans))[-1] == "invite_condition_asked"
    assert TUESDAY_14 in (await bodies_for(runtime, ans))[-1]

    await say(runtime, REQUESTER, "ja")
    request = await the_request(runtime)
    assert (request.status, request.matched_person_id) == ("matched", ans)
    assert await invitations(runtime) == {ans: "accepted"}
    assert (await keys_for(runtime, request.person_id))[-2:] == ["match_found", "meet_where"]
    assert TUESDAY_14 in (await bodies_for(runtime, request.person_id))[-2]
    assert (await keys_for(runtime, ans))[-1] == "invite_won"
    assert TUESDAY_14 in (await bodies_for(runtime, ans))[-1]

    # Where: at home. When is not asked again: the agreed time goes to Ans, who confirms with one tap.
    await say(runtime, REQUESTER, "1")
    assert (await keys_for(runtime, request.person_id))[-1] == "meet_proposal_sent"
    assert (await keys_for(runtime, ans))[-1] == "meet_proposal"
    assert TUESDAY_14 in (await bodies_for(runtime, ans))[-1]
    await say(runtime, "+31610000000", "1")
    async with runtime.sessions() as session:
        meeting = (await session.execute(select(Meeting))).scalar_one()
    assert meeting.status == "agreed"
    assert (await keys_for(runtime, ans))[-1] == "meet_agreed"


async def test_a_no_thanks_the_volunteer_and_the_request_goes_on(runtime: Runtime, clock: FixedClock) -> None:
    helpers = await volunteers(runtime, clock, 4)
    await say(runtime, REQUESTER, *ASK)
    first_wave = sorted(await invitations(runtime))
    conditional, *others = first_wave
    await say(runtime, f"+3161000000{helpers.index(conditional)}", "ja, maar pas na 2 uur")
    for person_id in others:
        await say(runtime, f"+3161000000{helpers.index(person_id)}", "nee")
    [fourth] = set(helpers) - set(first_wave)
    assert (await invitations(runtime))[fourth] == "asked", "the next wave went out meanwhile"

    await say(runtime, REQUESTER, "nee")
    request = await the_request(runtime)
    assert request.status == "open"
    assert (await invitations(runtime))[conditional] == "declined"
    assert (await keys_for(runtime, conditional))[-1] == "invite_condition_declined"
    assert (await keys_for(runtime, request.person_id))[-1] == "match_condition_no"

    # Someone who can make the asked time: matched at it.
    await say(runtime, f"+3161000000{helpers.index(fourth)}", "ja")
    request = await the_request(runtime)
    assert (request.status, request.matched_person_id) == ("matched", fourth)
    assert "dinsdag 24 november, 10:00" in (await bodies_for(runtime, fourth))[-1]


async def test_while_the_resident_decides_nobody_left_waits_and_a_no_ends_it(
    runtime: Runtime, clock: FixedClock
) -> None:
    await volunteers(runtime, clock, 1)
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, "+31610000000", "kan wel, maar alleen na 2 uur")
    clock.advance(hours=1, minutes=1)
    await runtime.engine.run_due_events()
    await runtime.engine.settle()
    request = await the_request(runtime)
    assert request.status == "open", "no 'nobody found' while the resident still decides"
    assert "no_match" not in await keys_for(runtime, request.person_id)
    await say(runtime, REQUESTER, "nee")
    request = await the_request(runtime)
    assert request.status == "unmatched"
    assert (await keys_for(runtime, request.person_id))[-2:] == ["match_condition_no", "no_match"]


async def test_a_plain_yes_meanwhile_wins_and_the_open_question_is_closed(
    runtime: Runtime, clock: FixedClock
) -> None:
    helpers = await volunteers(runtime, clock, 3)
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, "+31610000000", "ja maar pas na 2 uur")
    await say(runtime, "+31610000001", "ja")
    request = await the_request(runtime)
    assert (request.status, request.matched_person_id) == ("matched", helpers[1])
    assert (await invitations(runtime))[helpers[0]] == "taken"
    assert (await keys_for(runtime, helpers[0]))[-1] == "invite_taken"
    await tap(runtime, REQUESTER, f"cond:{request.id}:{helpers[0]}:yes")
    request = await the_request(runtime)
    assert request.matched_person_id == helpers[1]
    assert (await keys_for(runtime, request.person_id))[-1] == "match_condition_closed"


async def test_someone_elses_button_changes_nothing(runtime: Runtime, clock: FixedClock) -> None:
    helpers = await volunteers(runtime, clock, 1)
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, "+31610000000", "ja maar pas na 2 uur")
    request = await the_request(runtime)
    # The volunteer forges the resident's button: only the request's own resident decides.
    await tap(runtime, "+31610000000", f"cond:{request.id}:{helpers[0]}:yes")
    assert (await the_request(runtime)).status == "open"
    assert await invitations(runtime) == {helpers[0]: "conditional"}


async def test_a_condition_that_suits_the_asked_time_is_a_plain_yes(
    runtime: Runtime, clock: FixedClock
) -> None:
    [ans] = await volunteers(runtime, clock, 1)
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, "+31610000000", "ja hoor, liever niet op vrijdag")
    request = await the_request(runtime)
    assert (request.status, request.matched_person_id) == ("matched", ans)
    keys = await keys_for(runtime, request.person_id)
    assert keys[-3:] == ["match_found", "match_note", "meet_where"]
    assert "match_condition" not in keys


async def test_without_a_fixed_time_the_condition_is_the_time_window(
    runtime: Runtime, clock: FixedClock
) -> None:
    [ans] = await volunteers(runtime, clock, 1)
    ask = tuple("maakt niet uit" if step == "morgen om 10 uur" else step for step in ASK)
    await say(runtime, REQUESTER, *ask)
    await say(runtime, "+31610000000", "ja maar pas na 2 uur")
    request = await the_request(runtime)
    assert (request.status, request.matched_person_id) == ("matched", ans)
    found = next(row for row in await outbox_rows(runtime) if row.text_key == "match_found")
    assert "boodschappen, vanaf 14:00" in found.body
    await say(runtime, REQUESTER, "1")
    assert (await keys_for(runtime, request.person_id))[-1] == "meet_when_window"
    assert (await bodies_for(runtime, request.person_id))[-1] == (
        "Wanneer? Vrijwilliger0 kan vanaf 14:00. Noem een dag en tijd."
    )


# --- no answer from the resident: a reminder, then the offer lapses -----------------------------------


async def later(runtime: Runtime, clock: FixedClock, **delta: int) -> None:
    clock.advance(**delta)
    await runtime.engine.run_due_events()
    await runtime.engine.settle()


async def condition_events(runtime: Runtime) -> dict[str, str]:
    async with runtime.sessions() as session:
        rows = await session.execute(select(ScheduledEvent).where(ScheduledEvent.kind.in_(CONDITION_KINDS)))
        return {row.kind: row.status for row in rows.scalars()}


async def test_no_answer_one_reminder_then_the_offer_lapses_and_staff_take_over(
    runtime: Runtime, clock: FixedClock
) -> None:
    # Asked Monday 11:00 about Tuesday 14:00: reminder at 15:00, lapse Tuesday 11:00 (3 h before 14:00).
    [ans] = await volunteers(runtime, clock, 1)
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, "+31610000000", "ja maar pas na 2 uur")
    request = await the_request(runtime)
    await later(runtime, clock, hours=1, minutes=1)  # the wave's time is up: nobody else, still waiting
    assert (await the_request(runtime)).status == "open"
    assert (await keys_for(runtime, request.person_id))[-1] == "match_condition"

    await later(runtime, clock, hours=3)
    assert (await keys_for(runtime, request.person_id))[-1] == "match_condition_reminder"
    assert (await bodies_for(runtime, request.person_id))[-1] == (
        "Nog even: Vrijwilliger0 kan je helpen met boodschappen, niet dinsdag 24 november, 10:00 maar "
        f"{TUESDAY_14}. Is dat goed?"
    )
    assert (await the_request(runtime)).status == "open"
    assert await invitations(runtime) == {ans: "conditional"}

    await later(runtime, clock, hours=19, minutes=58)  # Tuesday 10:59: not yet
    assert await invitations(runtime) == {ans: "conditional"}
    await later(runtime, clock, minutes=2)
    assert await invitations(runtime) == {ans: "lapsed"}
    assert await condition_events(runtime) == {"condition_reminder": "done", "condition_lapse": "done"}
    assert (await keys_for(runtime, ans))[-1] == "invite_condition_lapsed"
    assert "Je hoeft niets te doen" in (await bodies_for(runtime, ans))[-1]
    # Nobody left, and Tuesday 10:00 is over (its lapse at 10:15 waited for this offer): the request
    # ends instead of going to the staff queue, and the resident hears both.
    request = await the_request(runtime)
    assert request.status == "expired"
    assert (await keys_for(runtime, request.person_id))[-2:] == ["match_condition_lapsed", "request_expired"]

    # A late tap on the old Ja: not matched, and told why.
    await tap(runtime, REQUESTER, f"cond:{request.id}:{ans}:yes")
    assert (await the_request(runtime)).status == "expired"
    assert await invitations(runtime) == {ans: "lapsed"}
    assert (await keys_for(runtime, request.person_id))[-1] == "match_condition_too_late"


async def test_a_lapse_while_another_offer_is_open_waits_for_that_one(
    runtime: Runtime, clock: FixedClock
) -> None:
    first, second = await volunteers(runtime, clock, 2)
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, "+31610000000", "ja maar pas na 2 uur")  # Monday 11:00: lapses Tuesday 11:00
    await later(runtime, clock, hours=2)
    await say(runtime, "+31610000001", "ja, maar pas na 3 uur")  # 13:00, about 15:00: lapses 12:00
    assert await invitations(runtime) == {first: "conditional", second: "conditional"}
    await later(runtime, clock, hours=22, minutes=1)  # Tuesday 11:01
    assert await invitations(runtime) == {first: "lapsed", second: "conditional"}
    request = await the_request(runtime)
    assert request.status == "open", "the resident may still say Ja to the other offer"
    assert "no_match" not in await keys_for(runtime, request.person_id)
    await later(runtime, clock, hours=1)  # Tuesday 12:01
    assert await invitations(runtime) == {first: "lapsed", second: "lapsed"}
    # The asked Tuesday 10:00 is over: the request ends rather than going to the staff queue.
    assert (await the_request(runtime)).status == "expired"
    assert (await keys_for(runtime, request.person_id))[-1] == "request_expired"


async def test_a_ja_stores_the_agreed_time_as_the_requests_time_and_stops_the_timers(
    runtime: Runtime, clock: FixedClock
) -> None:
    [ans] = await volunteers(runtime, clock, 1)
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, "+31610000000", "ja maar pas na 2 uur")
    await say(runtime, REQUESTER, "ja")
    request = await the_request(runtime)
    assert request.matched_person_id == ans
    assert request.when_start == datetime(2026, 11, 24, 14, 0, tzinfo=AMSTERDAM)
    assert When.from_json(request.when) == When("moment", datetime(2026, 11, 24, 14, 0, tzinfo=AMSTERDAM))
    assert await condition_events(runtime) == {
        "condition_reminder": "cancelled",
        "condition_lapse": "cancelled",
    }
    await later(runtime, clock, hours=5)
    assert "match_condition_reminder" not in await keys_for(runtime, request.person_id)
    # "Mijn vragen" shows the agreed time, not the asked one.
    await say(runtime, REQUESTER, "menu", "mijn vragen")
    [*_, listed] = await outbox_rows(runtime, OutboxMessage.person_id == request.person_id)
    assert listed.text_key == "my_requests_list"
    labels = " ".join(label for _, label in listed.choices)
    assert "14:00" in labels and "10:00" not in labels


async def test_the_agreed_time_survives_a_plan_that_came_during_another_flow(
    runtime: Runtime, clock: FixedClock
) -> None:
    [ans] = await volunteers(runtime, clock, 1)
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, "+31610000000", "ja maar pas na 2 uur")
    request = await the_request(runtime)
    await say(runtime, REQUESTER, "menu", "1")  # starts another request meanwhile
    await tap(runtime, REQUESTER, f"cond:{request.id}:{ans}:yes")  # the Ja button of the question
    assert (await the_request(runtime)).matched_person_id == ans
    assert (await keys_for(runtime, request.person_id))[-1] == "meet_plan_later"
    # Later, AFSPRAAK: only where is asked; the agreed time goes to Ans.
    await say(runtime, REQUESTER, "menu", "afspraak")
    assert (await keys_for(runtime, request.person_id))[-1] == "meet_where"
    await say(runtime, REQUESTER, "1")
    assert (await keys_for(runtime, request.person_id))[-1] == "meet_proposal_sent"
    assert (await keys_for(runtime, ans))[-1] == "meet_proposal"
    assert TUESDAY_14 in (await bodies_for(runtime, ans))[-1]
