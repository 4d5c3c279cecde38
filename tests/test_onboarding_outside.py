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
