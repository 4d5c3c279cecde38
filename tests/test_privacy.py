"""MIJN GEGEVENS and VERWIJDER MIJ: after erasure no table holds the person's number, name or words."""

from __future__ import annotations

import json

from sqlalchemy import select

from bot.runtime import Runtime
from storage.models import Base, HelpRequest, Identity, Thread
from tests.community import ASK_BOODSCHAPPEN, add_person, bodies_for, keys_for, say
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows

NUMBER = "+31612345678"
NAME = "Wilhelmina"
# The second: words for the volunteer, not an answer to the bot's "Waar zien jullie elkaar?" (a place and a
# time there are taken as the meeting's: tests/test_dialogues_redteam5.py).
WORDS = ("melk en brood halen", "Wil je ook een pak koffie meenemen als het lukt?")


async def everything_stored(runtime: Runtime) -> str:
    """Every value of every row of every table, as text."""
    dump = []
    async with runtime.sessions() as session:
        for table in Base.metadata.sorted_tables:
            for row in (await session.execute(select(table))).mappings():
                dump.append(json.dumps(dict(row), default=str, ensure_ascii=False))
    return "\n".join(dump)


async def resident_with_a_match(runtime: Runtime, clock: FixedClock) -> tuple[int, int]:
    resident = await add_person(runtime, clock, NUMBER, NAME, "molenwijk", channel="sms")
    volunteer = await add_person(
        runtime, clock, "5550001", "Henk", "molenwijk", offers=("boodschappen",), channel="telegram"
    )
    await say(runtime, NUMBER, *ASK_BOODSCHAPPEN, channel="sms")
    await say(runtime, "5550001", "ja", channel="telegram")
    await say(runtime, NUMBER, WORDS[1], channel="sms")
    assert (await bodies_for(runtime, volunteer))[-1].endswith(WORDS[1])
    return resident, volunteer


async def test_mijn_gegevens_summarises_what_is_kept(runtime: Runtime, clock: FixedClock) -> None:
    resident, _ = await resident_with_a_match(runtime, clock)
    await say(runtime, NUMBER, "MIJN GEGEVENS", channel="sms")
    body = (await bodies_for(runtime, resident))[-1]
    assert body.startswith(f"Bewaard: {NAME}, Molenwijk,")
    assert "1 vragen" in body and "akkoord 23 november 2026" in body
    assert NUMBER not in body, "never the raw data over SMS"


async def test_mijn_gegevens_before_a_postcode_says_what_is_not_known_yet(
    runtime: Runtime, clock: FixedClock
) -> None:
    """Asked on first contact: no name, no neighbourhood, no consent yet (it broke on the empty
    neighbourhood once: the person got the generic error, the message was marked `flow_error`)."""
    await say(runtime, NUMBER, "hallo", channel="sms")
    await say(runtime, NUMBER, "MIJN GEGEVENS", channel="sms")
    [person_id] = {row.person_id for row in await outbox_rows(runtime)}
    body = (await bodies_for(runtime, person_id))[-1]
    assert body.startswith("Bewaard: geen, geen, 2 berichten, 0 vragen, aanbod nee, akkoord geen.")


async def test_verwijder_mij_erases_everything_personal(runtime: Runtime, clock: FixedClock) -> None:
    resident, volunteer = await resident_with_a_match(runtime, clock)
    stored = await everything_stored(runtime)
    assert NUMBER in stored and NAME in stored and all(words in stored for words in WORDS), "the scan can see"

    await say(runtime, NUMBER, "VERWIJDER MIJ", channel="sms")
    assert (await keys_for(runtime, resident))[-1] == "erase_confirm"
    await say(runtime, NUMBER, "ja", channel="sms")
    goodbye = [r for r in await outbox_rows(runtime) if r.text_key == "erase_done"]
    assert len(goodbye) == 1 and goodbye[0].allow_when_stopped
    assert (await keys_for(runtime, volunteer))[-1] == "counterpart_left"
    assert NAME not in (await bodies_for(runtime, volunteer))[-1]
    # From now on nothing else goes out; the erasure itself waits until the goodbye has been sent.
    await say(runtime, NUMBER, "hallo?", channel="sms")
    assert (await keys_for(runtime, resident))[-1] == "erase_done"
    async with runtime.sessions() as session:
        [thread] = (await session.execute(select(Thread))).scalars()
        assert thread.status == "closed"

    clock.advance(minutes=11)
    assert await runtime.engine.run_due_events() >= 1
    stored = await everything_stored(runtime)
    for secret in (NUMBER, NUMBER[1:], "612345678", NAME, *WORDS):
        assert secret not in stored, f"{secret!r} survived the erasure"
    async with runtime.sessions() as session:
        identities = list(
            (await session.execute(select(Identity).where(Identity.person_id == resident))).scalars()
        )
        [request] = (await session.execute(select(HelpRequest))).scalars()
    assert identities == []
    # Aggregate facts survive without anything personal.
    assert (request.category, request.neighbourhood, request.status) == (
        "boodschappen",
        "molenwijk",
        "cancelled",
    )
    assert request.description == ""


async def test_saying_no_keeps_everything(runtime: Runtime, clock: FixedClock) -> None:
    resident = await add_person(runtime, clock, NUMBER, NAME, "molenwijk", channel="sms")
    await say(runtime, NUMBER, "verwijder mij", "nee", channel="sms")
    assert (await keys_for(runtime, resident))[-2:] == ["erase_kept", "menu"]
    clock.advance(hours=1)
    await runtime.engine.run_due_events()
    assert NAME in await everything_stored(runtime)


async def test_a_flood_gets_one_slow_down_and_is_handled_after_the_window(
    runtime: Runtime, clock: FixedClock
) -> None:
    from bot.channels.base import InboundMessage as Inbound
    from flows.types import Event

    resident = await add_person(runtime, clock, NUMBER, NAME, "molenwijk", channel="sms")
    for index in range(25):
        message = Inbound(
            channel="sms", provider_id=f"flood{index}", address=NUMBER, event=Event(kind="text", text="menu")
        )
        await runtime.engine.store(message)
    await runtime.engine.settle()
    assert await keys_for(runtime, resident) == ["slow_down"]
    clock.advance(seconds=30)
    await runtime.engine.settle()
    assert await keys_for(runtime, resident) == ["slow_down"], "still inside the window: one reply only"
    clock.advance(seconds=31)
    await runtime.engine.settle()
    keys = await keys_for(runtime, resident)
    assert keys[0] == "slow_down" and keys.count("menu") == 25, "all stored messages handled, in order"


async def test_withdrawing_consent_stops_matching_and_sharing(runtime: Runtime, clock: FixedClock) -> None:
    from storage.models import Consent, HelpOffer

    volunteer = await add_person(
        runtime, clock, "5550001", "Henk", "molenwijk", offers=("boodschappen",), channel="telegram"
    )
    await say(runtime, "5550001", "TOESTEMMING INTREKKEN", channel="telegram")
    assert (await keys_for(runtime, volunteer))[-1] == "consent_withdrawn"
    async with runtime.sessions() as session:
        [consent] = (await session.execute(select(Consent))).scalars()
        offer = await session.get(HelpOffer, volunteer)
    assert consent.withdrawn_at is not None and offer is not None and not offer.active
    # Even an offer that is somehow active again is not matched without consent.
    async with runtime.sessions() as session, session.begin():
        stale = await session.get(HelpOffer, volunteer)
        assert stale is not None
        stale.active = True
    resident = await add_person(runtime, clock, NUMBER, NAME, "molenwijk", channel="sms")
    await say(runtime, NUMBER, *ASK_BOODSCHAPPEN, channel="sms")
    assert (await keys_for(runtime, resident))[-1] == "no_match", "nobody without consent is invited"
    assert "invite" not in await keys_for(runtime, volunteer)


async def test_retention_deletes_the_messages_of_people_inactive_for_a_year(
    runtime: Runtime, clock: FixedClock
) -> None:
    old = await add_person(runtime, clock, NUMBER, NAME, "molenwijk", channel="sms")
    await say(runtime, NUMBER, "menu", "hallo daar", channel="sms")
    clock.advance(days=400)
    recent = await add_person(runtime, clock, "+31699999999", "Els", "bloemhof", channel="sms")
    await say(runtime, "+31699999999", "menu", channel="sms")
    assert await runtime.engine.expire_old_messages(12) == 1
    stored = await everything_stored(runtime)
    assert "hallo daar" not in stored
    assert NAME in stored, "the profile stays; only messages and logbooks expire"
    assert await keys_for(runtime, old) == []
    assert await keys_for(runtime, recent) == ["menu"]
