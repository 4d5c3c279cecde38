"""VERWIJDER MIJ leaves nothing: after erasure a dump of every table holds none of the person's number,
name or words, including copies in other people's records (an invited volunteer's prompt, their
conversation state), internal events, scheduled events, alerts and thread logs. Both databases."""

from __future__ import annotations

from sqlalchemy import select

from bot.runtime import Runtime
from storage.erasure_scrub import PLACEHOLDER
from storage.models import Conversation, StaffAlert
from tests.community import add_person, keys_for, say
from tests.conftest import FixedClock
from tests.test_privacy import everything_stored

NUMBER = "+31687654321"
NAME = "Geertruida"
REQUEST = "de grijze kliko naar de straat zetten"
CRISIS = "ik wil niet meer leven"
ASK = ("menu", "1", "1", REQUEST, "morgen om 10 uur", "1", "2", "1", "1")
SECRETS = (NUMBER, NUMBER[1:], "687654321", NAME, REQUEST, CRISIS)


async def test_erasure_removes_the_person_from_every_table_and_other_peoples_records(
    runtime: Runtime, clock: FixedClock
) -> None:
    resident = await add_person(runtime, clock, NUMBER, NAME, "molenwijk", channel="sms")
    volunteer = await add_person(
        runtime, clock, "5550077", "Henk", "molenwijk", offers=("boodschappen",), channel="telegram"
    )
    await say(runtime, NUMBER, *ASK, channel="sms")
    # Henk is invited and has not answered: his prompt (conversation state) carries the request text.
    async with runtime.sessions() as session:
        state = (await session.get(Conversation, volunteer)) or Conversation()
    assert REQUEST in str(state.state), "the scenario puts the words in another person's state"
    await say(runtime, NUMBER, CRISIS, channel="sms")
    async with runtime.sessions() as session:
        alerts = list((await session.execute(select(StaffAlert))).scalars())
    assert [a.person_id for a in alerts if a.kind.startswith("crisis")] == [resident]
    await say(runtime, NUMBER, "MIJN GEGEVENS", channel="sms")

    stored = await everything_stored(runtime)
    for secret in SECRETS:
        assert secret in stored, f"the scan must be able to see {secret!r}"

    await say(runtime, NUMBER, "VERWIJDER MIJ", "ja", channel="sms")
    assert (await keys_for(runtime, resident))[-1] == "erase_done"
    clock.advance(minutes=15)
    await runtime.engine.run_due_events()
    await runtime.engine.settle()

    stored = await everything_stored(runtime)
    for secret in SECRETS:
        assert secret not in stored, f"{secret!r} survived the erasure"
    # Henk's own data stays; where his state quoted the request, a neutral placeholder stands.
    assert "5550077" in stored and "Henk" in stored
    async with runtime.sessions() as session:
        after = await session.get(Conversation, volunteer)
    assert after is not None and REQUEST not in str(after.state)
    assert PLACEHOLDER in str(after.state)
