"""Crisis words: true positives must alarm, idioms must not (flows/understanding/data/crisis.toml)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.runtime import Runtime
from flows.crisis import detect
from storage.models import StaffAlert
from tests.community import add_person, keys_for, say
from tests.conftest import FixedClock


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ik wil niet meer leven", "suicide"),
        ("Ik wil niet meer leven zonder mijn vrouw", "suicide"),  # kept on purpose: grief can be danger
        ("Soms denk ik aan zelfmoord.", "suicide"),
        ("Het leven heeft geen zin meer", "suicide"),
        ("Ik wil er een eind aan maken", "suicide"),
        ("I want to die", "suicide"),
        ("I'm going to kill myself", "suicide"),
        ("hij slaat me", "violence"),
        ("Mijn man slaat mij als hij gedronken heeft", "violence"),
        ("HIJ SLAAT ME!!", "violence"),
        ("my husband hits me", "violence"),
        ("Ik word mishandeld door mijn zoon", "violence"),
        ("Ik kan niet ademen", "medical"),
        ("ik krijg geen lucht", "medical"),
        ("pijn op de borst en zweten", "medical"),
        ("Mijn moeder is gevallen en kan niet opstaan", "medical"),
        ("I can't breathe", "medical"),
        # Veilig Thuis (its reply opens with 112) leads when both read (round 15).
        ("kan niet ademen, hij slaat me", "violence"),
    ],
)
def test_crisis_messages_are_recognised(text: str, kind: str) -> None:
    assert detect(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "ik ga dood van het lachen",
        "Ik lach me dood om die film",
        "ik ben doodmoe na het werk",
        "dat slaat nergens op",
        "er is geen lucht in mijn band",
        "what a stroke of luck",
        "I'm dying to see you",
        "ik wil graag hulp met boodschappen",
        "wie kan mij helpen met mijn tuin",
        "de wandeling was zwaar maar leuk",
        "",
        "🙂",
    ],
)
def test_idioms_and_ordinary_messages_do_not_alarm(text: str) -> None:
    assert detect(text) is None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_detect_never_raises(text: str) -> None:
    assert detect(text) in (None, "suicide", "violence", "medical")


async def test_a_crisis_message_alerts_staff_and_is_not_used_by_the_flow(
    runtime: Runtime, clock: FixedClock
) -> None:
    ria = await add_person(runtime, clock, "+31612345678", "Ria", "molenwijk")
    await say(runtime, "+31612345678", "menu", "1", "1", "ik wil niet meer leven")
    assert (await keys_for(runtime, ria))[-2:] == ["crisis_suicide", "crisis_staff"]
    # The message did not become the request's description: the question is still open.
    await say(runtime, "+31612345678", "melk halen")
    assert (await keys_for(runtime, ria))[-1] == "ask_when"
    async with runtime.sessions() as session:
        [alert] = (await session.execute(select(StaffAlert))).scalars()
    assert (alert.kind, alert.priority, alert.person_id) == ("crisis_suicide", "high", ria)


async def test_a_stopped_address_still_alerts_staff_but_gets_nothing(
    runtime: Runtime, clock: FixedClock
) -> None:
    ria = await add_person(runtime, clock, "+31612345678", "Ria", "molenwijk")
    await say(runtime, "+31612345678", "STOP", "hij slaat me")
    assert (await keys_for(runtime, ria))[-1] == "stop_confirmed"
    async with runtime.sessions() as session:
        kinds = [a.kind for a in (await session.execute(select(StaffAlert))).scalars()]
    assert kinds == ["crisis_violence"]


async def test_violence_with_a_112_sign_gets_the_veilig_thuis_reply_which_opens_with_112(
    runtime: Runtime, clock: FixedClock
) -> None:
    # Round 15's decision (tests/test_understanding_redteam15.py): not the 112 reply, whose "ask someone
    # nearby" may reach the one who hit; the staff alert names the violence.
    ria = await add_person(runtime, clock, "+31612345678", "Ria", "molenwijk")
    await say(runtime, "+31612345678", "mijn man heeft me geslagen en ik bloed erg")
    assert (await keys_for(runtime, ria))[-2:] == ["crisis_violence", "crisis_staff"]
    async with runtime.sessions() as session:
        [alert] = (await session.execute(select(StaffAlert))).scalars()
    assert (alert.kind, alert.priority) == ("crisis_violence", "high")
