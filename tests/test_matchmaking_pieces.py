"""A volunteer's yes in pieces ("ja" / "maar pas na 2 uur"), through the engine and the database
(dialogue round 11, tests/test_dialogues_redteam11.py): the second message reaches the resident, whether
it is handled after the match (passed on in the thread the match opened: the profile carries it, also
when both messages were in before the engine handled the yes) or while the yes is being decided on
(a condition that does not suit the time: `invite_note`, read as the words of a yes are)."""

from __future__ import annotations

from bot.channels.base import InboundMessage
from bot.runtime import Runtime
from flows.types import Event
from tests.community import ASK_BOODSCHAPPEN, MESSAGE_IDS, add_person, bodies_for, human_pace, keys_for, say
from tests.conftest import FixedClock
from tests.test_matchmaking_conditions import REQUESTER, the_request

ASK = ("hallo", "Ria", "7391 AB", "ja", *ASK_BOODSCHAPPEN)
ANS = "+31610000000"


async def stored(runtime: Runtime, address: str, text: str) -> None:
    human_pace(runtime)
    await runtime.engine.store(
        InboundMessage(
            channel="simulator",
            provider_id=f"m{next(MESSAGE_IDS)}",
            address=address,
            event=Event(kind="text", text=text),
        )
    )


async def test_a_condition_sent_right_after_a_yes_reaches_the_resident(
    runtime: Runtime, clock: FixedClock
) -> None:
    await add_person(runtime, clock, ANS, "Ans", "molenwijk", offers=("boodschappen",))
    await say(runtime, REQUESTER, *ASK)
    # Both messages are in before the engine handles the yes: the second is read without the thread.
    await stored(runtime, ANS, "ja")
    await stored(runtime, ANS, "maar pas na 2 uur")
    await runtime.engine.settle()
    request = await the_request(runtime)
    assert request.status == "matched"
    assert any("maar pas na 2 uur" in body for body in await bodies_for(runtime, request.person_id))


async def test_a_condition_sent_after_the_match_is_passed_on(runtime: Runtime, clock: FixedClock) -> None:
    await add_person(runtime, clock, ANS, "Ans", "molenwijk", offers=("boodschappen",))
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, ANS, "ja", "maar pas na 2 uur")
    request = await the_request(runtime)
    assert any("maar pas na 2 uur" in body for body in await bodies_for(runtime, request.person_id))


async def test_words_after_a_yes_that_waits_for_the_resident_reach_her(
    runtime: Runtime, clock: FixedClock
) -> None:
    await add_person(runtime, clock, ANS, "Ans", "molenwijk", offers=("boodschappen",))
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, ANS, "ja maar pas na 2 uur", "morgen kan ook hoor")
    request = await the_request(runtime)
    assert request.status == "open", "the resident decides on the other time first"
    keys = await keys_for(runtime, request.person_id)
    assert keys.count("match_note") == 2
    assert "morgen kan ook hoor" in (await bodies_for(runtime, request.person_id))[-1]
