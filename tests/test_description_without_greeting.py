"""A request's description is what a volunteer reads ("Mevr. in de Molenwijk zoekt hulp: ..."): a
greeting clause before it is left out (flows/smalltalk.py `without_greeting`), the rest kept as written."""

# ruff: noqa: RUF001

from __future__ import annotations

import pytest

from flows.smalltalk import without_greeting
from tests.dialogue_redteam_support import RIA, menu_state, replay_texts


@pytest.mark.parametrize(
    ("text", "description"),
    [
        (
            "goedemiddag, kan er iemand dinsdag met me naar de dokter",
            "Kan er iemand dinsdag met me naar de dokter",
        ),
        ("Hoi! Mijn schutting is omgewaaid", "Mijn schutting is omgewaaid"),
        ("Dag. Ik zoek hulp met mijn tuin", "Ik zoek hulp met mijn tuin"),
        ("hello, could someone walk my dog", "Could someone walk my dog"),
    ],
)
def test_a_greeting_clause_is_left_out(text: str, description: str) -> None:
    assert without_greeting(text, "nl") == description


@pytest.mark.parametrize(
    "text",
    ["boodschappen, graag", "goedemorgen mevrouw, ik ben 84", "hallo", "mijn printer doet het niet, hallo?"],
)
def test_other_openings_are_kept(text: str) -> None:
    assert without_greeting(text, "nl") == text


def test_turkish_capitals_of_i() -> None:
    assert (
        without_greeting("merhaba, ilaçlarım için yardım lazım", "tr") == "\u0130laçlarım için yardım lazım"
    )


def test_a_request_read_from_a_first_sentence_keeps_no_greeting() -> None:
    [result] = replay_texts(["goedemiddag, kan er iemand dinsdag met me naar de dokter"], menu_state(), RIA)
    assert result.state["ask"]["description"] == "Kan er iemand dinsdag met me naar de dokter"


@pytest.mark.parametrize(
    ("text", "description"),
    [
        (
            "Goedemorgen. Mijn naam is Henk en ik ben 84 jaar. Mijn vrouw is in het ziekenhuis. "
            "Kan iemand mij donderdag naar haar toe brengen?",
            "Mijn vrouw is in het ziekenhuis. Kan iemand mij donderdag naar haar toe brengen?",
        ),
        (
            "Ik ben Fatma, ik zoek iemand om Nederlands mee te oefenen",
            "Ik zoek iemand om Nederlands mee te oefenen",
        ),
    ],
)
def test_a_known_person_s_introduction_is_no_part_of_the_description(text: str, description: str) -> None:
    """Session 27: a resident already known who introduced herself at the menu had her name (and age) in
    the description the invited volunteers read; a first message's introduction was already left out."""
    [result] = replay_texts([text], menu_state(), RIA)
    assert result.state["ask"]["description"] == description
