"""Masked threads across channels: relay both ways, numbers hidden until both share, KLAAR, MELD, MENS."""

from __future__ import annotations

from sqlalchemy import select

from bot.runtime import Runtime
from flows import catalogue
from storage.models import StaffAlert, Thread, ThreadMessage
from tests.community import ASK_BOODSCHAPPEN, add_person, bodies_for, keys_for, say
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows

RESIDENT_SMS = "+31612345678"
VOLUNTEER_CHAT = "5550001"


async def matched_pair(runtime: Runtime, clock: FixedClock) -> tuple[int, int]:
    """A resident on SMS asks; a volunteer on Telegram says yes. Returns (resident, volunteer)."""
    resident = await add_person(runtime, clock, RESIDENT_SMS, "Ria", "molenwijk", channel="sms")
    volunteer = await add_person(
        runtime, clock, VOLUNTEER_CHAT, "Henk", "molenwijk", offers=("boodschappen",), channel="telegram"
    )
    await say(runtime, RESIDENT_SMS, *ASK_BOODSCHAPPEN, channel="sms")
    await say(runtime, VOLUNTEER_CHAT, "ja", channel="telegram")
    assert (await keys_for(runtime, resident))[-2:] == ["match_found", "meet_where"]
    assert (await keys_for(runtime, volunteer))[-1] == "invite_won"
    return resident, volunteer


async def thread_row(runtime: Runtime) -> Thread:
    async with runtime.sessions() as session:
        return (await session.execute(select(Thread))).scalar_one()


async def test_relay_both_ways_across_channels_without_numbers(runtime: Runtime, clock: FixedClock) -> None:
    resident, volunteer = await matched_pair(runtime, clock)
    await say(runtime, RESIDENT_SMS, "Kun je donderdag om 10 uur?", channel="sms")
    await say(runtime, VOLUNTEER_CHAT, "Ja hoor, ik kom om 10 uur langs.", channel="telegram")
    volunteer_rows = [
        r for r in await outbox_rows(runtime) if r.person_id == volunteer and r.text_key == "relay"
    ]
    resident_rows = [
        r for r in await outbox_rows(runtime) if r.person_id == resident and r.text_key == "relay"
    ]
    assert volunteer_rows[-1].body == "Bericht van Ria: Kun je donderdag om 10 uur?"
    assert volunteer_rows[-1].channel == "telegram" and volunteer_rows[-1].scheduled
    assert resident_rows[-1].body == "Bericht van Henk: Ja hoor, ik kom om 10 uur langs."
    assert resident_rows[-1].channel == "sms"
    assert "relay_sent" in await keys_for(runtime, resident), "the first relay is acknowledged once"
    everything = " ".join(r.body for r in await outbox_rows(runtime))
    assert RESIDENT_SMS not in everything and "612345678" not in everything
    assert VOLUNTEER_CHAT not in everything
    async with runtime.sessions() as session:
        logbook = [(m.sender_id, m.body) for m in (await session.execute(select(ThreadMessage))).scalars()]
    assert logbook == [
        (resident, "Kun je donderdag om 10 uur?"),
        (volunteer, "Ja hoor, ik kom om 10 uur langs."),
    ]


async def test_numbers_are_shared_only_when_both_say_deel_nummer(runtime: Runtime, clock: FixedClock) -> None:
    resident, volunteer = await matched_pair(runtime, clock)
    await say(runtime, RESIDENT_SMS, "DEEL NUMMER", channel="sms")
    assert (await keys_for(runtime, resident))[-1] == "share_waiting"
    assert (await keys_for(runtime, volunteer))[-1] == "share_asked"
    assert RESIDENT_SMS not in " ".join(await bodies_for(runtime, volunteer))
    await say(runtime, VOLUNTEER_CHAT, "deel nummer", channel="telegram")
    # The volunteer uses Telegram: no phone number to give; the resident's number goes to the volunteer.
    assert (await keys_for(runtime, resident))[-1] == "number_unavailable"
    assert (await keys_for(runtime, volunteer))[-1] == "numbers_shared"
    assert RESIDENT_SMS in (await bodies_for(runtime, volunteer))[-1]
    assert VOLUNTEER_CHAT not in " ".join(await bodies_for(runtime, resident))


async def test_klaar_closes_the_thread_for_both(runtime: Runtime, clock: FixedClock) -> None:
    resident, volunteer = await matched_pair(runtime, clock)
    await say(runtime, VOLUNTEER_CHAT, "KLAAR", channel="telegram")
    assert (await thread_row(runtime)).status == "closed"
    assert (await keys_for(runtime, volunteer))[-1] == "thread_closed"
    assert (await keys_for(runtime, resident))[-1] == "thread_closed_by_other"
    before = len(await outbox_rows(runtime))
    await say(runtime, RESIDENT_SMS, "nog een vraag", channel="sms")
    # No thread: nothing relayed; the menu is asked again in one message, led by "not understood".
    assert (await keys_for(runtime, resident))[-2:] == ["thread_closed_by_other", "menu"]
    assert (await bodies_for(runtime, resident))[-1].startswith(catalogue.render("repair_lead", "nl"))
    assert len([r for r in await outbox_rows(runtime) if r.person_id == volunteer]) == len(
        [r for r in (await outbox_rows(runtime))[:before] if r.person_id == volunteer]
    )


async def test_meld_freezes_the_thread_and_alerts_staff(runtime: Runtime, clock: FixedClock) -> None:
    resident, volunteer = await matched_pair(runtime, clock)
    await say(runtime, RESIDENT_SMS, "MELD", channel="sms")
    assert (await thread_row(runtime)).status == "frozen"
    assert (await keys_for(runtime, resident))[-1] == "thread_reported"
    assert (await keys_for(runtime, volunteer))[-1] == "thread_paused"
    await say(runtime, VOLUNTEER_CHAT, "Hallo? Waarom geen antwoord?", channel="telegram")
    assert (await keys_for(runtime, volunteer))[-1] == "thread_is_paused"
    assert "Waarom" not in " ".join(await bodies_for(runtime, resident)), (
        "nothing relayed from a frozen thread"
    )
    async with runtime.sessions() as session:
        [alert] = (await session.execute(select(StaffAlert))).scalars()
    assert (alert.kind, alert.priority, alert.person_id) == ("abuse_report", "high", resident)


async def test_mens_asks_staff_with_or_without_a_thread(runtime: Runtime, clock: FixedClock) -> None:
    loner = await add_person(runtime, clock, "+31699999999", "Els", "bloemhof")
    await say(runtime, "+31699999999", "MENS")
    assert (await keys_for(runtime, loner))[-1] == "human_requested"
    resident, _ = await matched_pair(runtime, clock)
    await say(runtime, RESIDENT_SMS, "mens", channel="sms")
    async with runtime.sessions() as session:
        alerts = [
            (a.kind, a.person_id, a.thread_id is not None)
            for a in (await session.execute(select(StaffAlert))).scalars()
        ]
    assert alerts == [("human_requested", loner, False), ("human_requested", resident, True)]


async def test_with_two_threads_a_message_goes_to_the_one_that_spoke_last(
    runtime: Runtime, clock: FixedClock
) -> None:
    _resident, henk = await matched_pair(runtime, clock)
    await add_person(
        runtime, clock, "5550002", "Fatima", "molenwijk", offers=("klusjes",), channel="telegram"
    )
    await say(
        runtime,
        RESIDENT_SMS,
        "menu",
        "1",
        "3",
        "lamp ophangen",
        "morgen om 14 uur",
        "1",
        "2",
        "1",
        "1",
        channel="sms",
    )
    await say(runtime, "5550002", "ja", channel="telegram")
    await say(runtime, RESIDENT_SMS, "Dank je wel!", channel="sms")
    # Fatima's match was the last to speak to Ria, so the message goes to Fatima without asking.
    assert (await bodies_for(runtime, henk))[-1] != "Bericht van Ria: Dank je wel!"
    fatima_bodies = [
        r.body for r in await outbox_rows(runtime) if r.channel == "telegram" and r.person_id != henk
    ]
    assert fatima_bodies[-1] == "Bericht van Ria: Dank je wel!"


async def test_a_flood_of_relays_is_kept_for_staff_but_not_passed_on(
    runtime: Runtime, clock: FixedClock
) -> None:
    """30 messages an hour per sender and thread reach the other side; the rest stay in the logbook."""
    from bot.effects.threads import RELAY_LIMIT

    resident, volunteer = await matched_pair(runtime, clock)
    await say(runtime, RESIDENT_SMS, *(f"bericht {n}" for n in range(RELAY_LIMIT + 3)), channel="sms")
    relayed = [
        r.body for r in await outbox_rows(runtime) if r.person_id == volunteer and r.text_key == "relay"
    ]
    assert len(relayed) == RELAY_LIMIT
    assert relayed[-1].endswith(f"bericht {RELAY_LIMIT - 1}")
    assert (await keys_for(runtime, resident)).count("relay_limited") == 1, "told once, not per message"
    async with runtime.sessions() as session:
        kept = (await session.execute(select(ThreadMessage.body))).scalars().all()
    assert f"bericht {RELAY_LIMIT + 2}" in kept, "stored for the logbook"
    # An hour later the thread flows again.
    clock.advance(hours=1)
    await say(runtime, RESIDENT_SMS, "Sorry, nog één vraag", channel="sms")
    assert (await bodies_for(runtime, volunteer))[-1].endswith("Sorry, nog één vraag")


async def _asked_for_a_new_request(runtime: Runtime, clock: FixedClock) -> tuple[list[str], list[str]]:
    """The resident asks for shopping again, a day later, with Henk and a second volunteer (Joke) free:
    the text keys Henk and Joke got for it."""
    joke = await add_person(runtime, clock, "5550002", "Joke", "molenwijk", offers=("boodschappen",))
    henk = (await thread_row(runtime)).volunteer_id
    henk_before = len(await keys_for(runtime, henk))
    clock.advance(days=1)
    await say(runtime, RESIDENT_SMS, "MENU", channel="sms")
    await say(runtime, RESIDENT_SMS, *ASK_BOODSCHAPPEN, channel="sms")
    return (await keys_for(runtime, henk))[henk_before:], await keys_for(runtime, joke)


async def test_after_meld_the_reported_volunteer_is_not_asked_again(
    runtime: Runtime, clock: FixedClock
) -> None:
    """Henk helped Ria before, so matching would ask him first; after MELD he is not asked at all."""
    await matched_pair(runtime, clock)
    await say(runtime, RESIDENT_SMS, "MELD", channel="sms")
    henk_keys, joke_keys = await _asked_for_a_new_request(runtime, clock)
    assert "invite" not in henk_keys
    assert "invite" in joke_keys


async def test_ending_the_conversation_over_a_worry_keeps_the_two_apart(
    runtime: Runtime, clock: FixedClock
) -> None:
    """ "ik wil niet meer met hem praten" asks what to do; ending the conversation (the first choice)
    closes it and the two are not matched again; without such words, KLAAR keeps Henk first."""
    await matched_pair(runtime, clock)
    await say(runtime, RESIDENT_SMS, "ik wil niet meer met hem praten", channel="sms")
    assert (await keys_for(runtime, (await thread_row(runtime)).requester_id))[-1] == "thread_worry"
    await say(runtime, RESIDENT_SMS, "1", channel="sms")
    assert (await thread_row(runtime)).status == "closed"
    henk_keys, joke_keys = await _asked_for_a_new_request(runtime, clock)
    assert "invite" not in henk_keys
    assert "invite" in joke_keys


async def test_klaar_alone_keeps_the_familiar_helper_first(runtime: Runtime, clock: FixedClock) -> None:
    await matched_pair(runtime, clock)
    await say(runtime, VOLUNTEER_CHAT, "KLAAR", channel="telegram")
    henk_keys, _ = await _asked_for_a_new_request(runtime, clock)
    assert "invite" in henk_keys
