# ruff: noqa: RUF001
"""A registered carer who asks, in a sentence, to be asked at another rhythm ("kunt u mij voortaan elke
twee weken vragen hoe het gaat"): the rhythm is registered. Before session 30 the Dutch sentence was read
as a request for help ("Waar heb je hulp bij nodig?"), because the words describe the check-ins without
the word for them, and the request reading came first (flows/conversation.py `_care_in_words`,
flows/care.py `checkins_described`). A wish to ask something, or a refusal, changes nothing."""

from __future__ import annotations

import pytest

from tests.dialogue_redteam_support import CARER, menu_state, replay_items

BIWEEKLY = [
    ("nl", "kunt u mij voortaan elke twee weken vragen hoe het gaat"),
    ("en", "could you ask me every other week how I am doing from now on?"),
    ("pl", "czy możecie od teraz pytać mnie co dwa tygodnie, jak się mam?"),
    ("tr", "bundan sonra bana iki haftada bir nasıl olduğumu sorar mısınız?"),
]


@pytest.mark.parametrize(("lang", "text"), BIWEEKLY)
def test_another_rhythm_in_a_sentence_is_registered(lang: str, text: str) -> None:
    [result] = replay_items([text], menu_state(lang), dict(CARER))
    [registered] = [effect for effect in result.effects if effect.kind == "care_register"]
    assert registered.data["rhythm"]["freq"] == "biweekly"
    assert result.replies[-1].key == "care_registered"


UNCHANGED = ["Ik wil graag iets vragen", "ik wil niet dat jullie vragen hoe het gaat", "hoe gaat het?"]


@pytest.mark.parametrize("text", UNCHANGED)
def test_other_words_about_asking_change_nothing(text: str) -> None:
    [result] = replay_items([text], menu_state("nl"), dict(CARER))
    assert not [effect for effect in result.effects if effect.kind == "care_register"]
    assert "care_status" not in [reply.key for reply in result.replies]
