"""A postcode outside the municipality, then "Woon je daar?" answered in words (flows/onboarding.py
`_lives_there`). Before (session 27): "ja" was a third miss and ended in "Het lukt zo niet goed. Iemand
van ons team belt je snel."; "nee ik woon in Zwolle" the same."""

from __future__ import annotations

from typing import Any

import pytest

from flows.conversation import new_state, step
from flows.profile import after
from flows.types import Event
from tests.dialogue_redteam_support import CLOCK
from tests.golden_runner import profile_from


def replay(texts: list[str]) -> list[Any]:
    state, person, results = new_state(), profile_from({}), []
    for text in texts:
        result = step(state, Event(kind="text", text=text), CLOCK, person)
        person, state = after(person, result.effects), result.state
        results.append(result)
    return results


@pytest.mark.parametrize("answer", ["ja", "jawel", "ja hoor daar woon ik"])
def test_yes_shows_the_neighbourhoods(answer: str) -> None:
    *_, outside, said = replay(["hallo", "Piet", "1234 AB", answer])
    assert [reply.key for reply in outside.replies] == ["neighbourhood_outside"]
    assert [reply.key for reply in said.replies] == ["neighbourhood_pick_one"]
    assert said.replies[0].choices, "the neighbourhoods to choose from"
    assert not said.effects


@pytest.mark.parametrize("answer", ["nee", "nee ik woon in Zwolle"])
def test_no_goes_on_without_a_neighbourhood(answer: str) -> None:
    *_, said = replay(["hallo", "Piet", "1234 AB", answer])
    assert [reply.key for reply in said.replies] == ["neighbourhood_elsewhere", "consent_question"]
    assert "alert_staff" not in [effect.kind for effect in said.effects]


def test_a_neighbourhood_named_after_it_is_taken() -> None:
    *_, said = replay(["hallo", "Piet", "1234 AB", "molenwijk"])
    assert said.replies[0].key == "neighbourhood_thanks"


@pytest.mark.parametrize("skip", ["nee", "OVERSLAAN"])
def test_a_request_for_someone_here_goes_on_for_that_place(skip: str) -> None:
    """Sandra lives in Utrecht and asks for her mother in the Molenwijk. Before (session 27): after the
    onboarding questions her request was dropped at the menu ("Wat wil je doen?"), for want of her own
    neighbourhood; now it goes on for the Molenwijk."""
    first = (
        "Hallo, mijn moeder (87) woont alleen in de Molenwijk. Ik woon zelf in Utrecht. "
        "Is er iemand die af en toe bij haar langs kan gaan?"
    )
    *_, consented = replay([first, "Sandra", "3511 AB", skip, "ja"])
    assert [reply.key for reply in consented.replies][-1] == "ask_when"
    assert consented.state["ask"]["neighbourhood"] == "molenwijk"
    assert consented.state["ask"]["category"] == "gezelschap"


def test_a_request_that_names_no_place_here_goes_on_and_asks_where() -> None:
    """Round dialogue20: the request was dropped at the bare menu ("Wat wil je doen?") for want of a
    place; now it goes on, and its where question asks the neighbourhood."""
    *_, consented, when = replay(["kan iemand mijn gras maaien?", "Piet", "OVERSLAAN", "ja", "zaterdag"])
    assert [reply.key for reply in consented.replies][-1] == "ask_when"
    assert consented.state["ask"]["category"] == "tuin"
    assert [reply.key for reply in when.replies][-1] == "ask_where_other"
