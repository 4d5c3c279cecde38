# ruff: noqa: RUF001
"""A mantelzorger who says so in a sentence gets the registration for the check-ins (flows/care.py
`carer_said`, `checkins_wanted`; data flows/understanding/data/carer.toml).

Before: "ik zorg voor mijn moeder en wil graag dat jullie af en toe vragen hoe het gaat" at the menu got
the menu, "..., kunnen jullie af en toe vragen hoe het met mij gaat?" a request's "Waarmee zoek je
hulp?", and a first message "ik ben mantelzorger" or MANTELZORG went through the welcome, name,
neighbourhood and consent and ended at the menu: what she came for was lost.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import RIA, menu_state, replay_texts


def _keys(result: Any) -> list[str]:
    return [reply.key for reply in result.replies]


@pytest.mark.parametrize(
    "text",
    [
        "ik zorg voor mijn moeder en wil graag dat jullie af en toe vragen hoe het gaat",
        "ik zorg voor mijn moeder, kunnen jullie af en toe vragen hoe het met mij gaat?",
        "Hallo, ik ben mantelzorger voor mijn vader met parkinson",
        "ik zorg al jaren voor m'n man met dementie",
        "I look after my mum, could you check in on me now and then?",
        "annemin bakımını yapıyorum, ara sıra halimi sorar mısınız?",
        "opiekuję się mamą, czy możecie czasem pytać jak się czuję?",
        "я доглядаю за мамою",
    ],
)
def test_saying_one_is_a_carer_at_the_menu_starts_the_registration(text: str) -> None:
    [result] = replay_texts([text], menu_state(), dict(RIA))
    # Written in another language, the bot follows it first ("You write English, so I will too.").
    assert [key for key in _keys(result) if key != "language_followed"] == ["care_who"]
    assert result.state["flow"] == "care"


@pytest.mark.parametrize(
    "text",
    [
        "ik zorg voor mijn moeder, kan iemand dinsdag bij haar zitten?",  # a request for her
        "ik zorg voor de kat van de buren",
        "mijn moeder zorgt voor mij",
    ],
)
def test_a_request_or_other_care_is_not_a_registration(text: str) -> None:
    [result] = replay_texts([text], menu_state(), dict(RIA))
    assert "care_who" not in _keys(result)


@pytest.mark.parametrize("first", ["mantelzorg", "Hallo, ik ben mantelzorger voor mijn vader met parkinson"])
def test_a_first_message_keeps_the_registration_through_onboarding(first: str) -> None:
    welcomed, _named, placed, consented, who = replay_texts([first, "Ria", "7392AB", "ja", "Jan"], {}, {})
    assert _keys(welcomed) == ["welcome", "care_kept_onboarding", "ask_name"]
    assert _keys(placed) == ["neighbourhood_thanks", "consent_question"]
    assert _keys(consented) == ["consent_thanks", "care_who"], "then the registration, not the menu"
    # "voor mijn vader" was said: the relation is not asked again ("Wat is Jan van je?").
    assert _keys(who) == (["care_relation"] if first == "mantelzorg" else ["care_hours"])


def test_the_relation_said_at_the_menu_is_not_asked_again() -> None:
    said = "ik zorg voor mijn moeder en wil graag dat jullie af en toe vragen hoe het gaat"
    _, who = replay_texts([said, "Truus"], menu_state(), dict(RIA))
    assert _keys(who) == ["care_hours"]
    assert who.state["care"]["relation"] == "parent"


def test_declining_consent_ends_at_the_menu_without_registering() -> None:
    *_, declined = replay_texts(["ik ben mantelzorger voor mijn man", "Ria", "7392AB", "nee"], {}, {})
    assert "care_who" not in _keys(declined)
    assert "care_relation_said" not in declined.state


def test_a_first_message_with_a_request_keeps_the_request() -> None:
    [result] = replay_texts(["ik zorg voor mijn man, kan iemand boodschappen doen?"], {}, {})
    assert _keys(result) == ["welcome", "request_kept_onboarding", "ask_name"]
