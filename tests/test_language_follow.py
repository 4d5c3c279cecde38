"""The bot answers in the language a person writes whole sentences in (flows/conversation.py
`_follow_language`): after a Dutch welcome, "I need someone to help me with shopping tomorrow" is
answered in English from that message on, with one line on how to go back (`language_followed`).
A language the person chose (ENGLISH, NEDERLANDS, ...) is kept; short answers never switch; a person
who mixes languages is switched at most twice. Replayed through `flows.conversation.step`."""

# ruff: noqa: RUF001

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from flows import catalogue, interpret
from flows.conversation import FOLLOW_LANGUAGE_WORDS
from flows.types import StepResult
from tests.dialogue_redteam_support import RIA, menu_state, replay_texts

SENTENCES = {
    "en": "I need someone to help me with shopping tomorrow",
    "tr": "yarın alışveriş için yardıma ihtiyacım var lütfen",
    "ar": "أحتاج إلى شخص يساعدني في التسوق غدا",
    "pl": "potrzebuję kogoś do pomocy przy zakupach jutro rano",
    "uk": "мені потрібна допомога з покупками завтра вранці",
}


def replay(
    texts: list[str], state: dict[str, Any] | None = None, profile: dict[str, Any] | None = None
) -> list[StepResult]:
    """Ria at the menu (or `state` and `profile`) sending these texts."""
    return replay_texts(texts, menu_state() if state is None else state, RIA if profile is None else profile)


def keys(result: StepResult) -> list[str]:
    return [reply.key for reply in result.replies]


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_a_sentence_in_another_language_is_answered_in_it(lang: str) -> None:
    [result] = replay([SENTENCES[lang]])
    assert result.state["lang"] == lang
    assert keys(result)[0] == "language_followed"
    assert any(key.startswith("ask_") for key in keys(result)[1:]), keys(result)
    assert "NEDERLANDS" in catalogue.render("language_followed", lang)


def test_the_next_messages_stay_in_the_followed_language() -> None:
    first, second = replay([SENTENCES["en"], "tomorrow at ten"])
    assert first.state["lang"] == second.state["lang"] == "en"
    assert "language_followed" not in keys(second)


@pytest.mark.parametrize(
    "text",
    ["ok thanks", "yes please", "Molenwijk", "Mohammed", "sorry", "tomorrow at ten", "👍👍"],
)
def test_short_answers_do_not_switch(text: str) -> None:
    assert len(text.split()) < FOLLOW_LANGUAGE_WORDS
    [result] = replay([text])
    assert result.state["lang"] == "nl"
    assert "language_followed" not in keys(result)


def test_a_chosen_language_is_kept() -> None:
    chose, wrote = replay(["NEDERLANDS", SENTENCES["en"]])
    assert chose.state["lang"] == "nl"
    assert wrote.state["lang"] == "nl"
    assert "language_followed" not in keys(wrote)


def test_a_person_who_mixes_languages_is_switched_at_most_twice() -> None:
    results = replay(
        [SENTENCES["en"], "ik zoek iemand die morgen boodschappen voor mij kan doen", SENTENCES["en"]]
    )
    assert [r.state["lang"] for r in results] == ["en", "nl", "nl"]
    assert [("language_followed" in keys(r)) for r in results] == [True, True, False]


def test_a_new_person_s_first_message_is_not_followed_twice() -> None:
    """The first message sets the language with the welcome (flows/first_contact.py); no extra line."""
    [first] = replay([SENTENCES["en"]], state={})
    assert first.state["lang"] == "en"
    assert "language_followed" not in keys(first)


def _dutch_texts() -> list[str]:
    texts = []
    for path in (Path(__file__).parent / "data").glob("understanding_*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and (case := json.loads(line))["lang"] == "nl":
                texts.append(case["text"])
    return [text for text in texts if len(text.split()) >= FOLLOW_LANGUAGE_WORDS]


def test_no_dutch_sentence_of_the_corpus_reads_as_another_language() -> None:
    """The guard against switching a Dutch speaker away: every Dutch message of five words or more in
    the understanding corpus files keeps Dutch (typos, fillers, SMS style and all)."""
    texts = _dutch_texts()
    assert len(texts) > 300
    assert [text for text in texts if interpret.language_of(text, "nl") != "nl"] == []


def test_a_crisis_written_in_another_language_is_answered_in_it() -> None:
    [result] = replay(["I do not want to live anymore, I want to end my life"])
    assert keys(result) == ["crisis_suicide", "crisis_staff"]
    assert result.state["lang"] == "en"


TO_WHEN = ["1", "1", "melk en brood halen"]


@pytest.mark.parametrize(
    "text",
    [
        "sorry my Dutch is not good, tomorrow afternoon please",
        "Türkçe yazar mısınız, yarın öğleden sonra olur",
    ],
)
def test_a_language_asked_for_beside_an_answer_keeps_the_answer(text: str) -> None:
    """The sentence is followed into the language it asks for, and its answer to the open question
    counts: the when is read, not asked again after "language set"."""
    *_, result = replay([*TO_WHEN, text])
    assert keys(result)[:2] == ["language_followed", "when_understood"], keys(result)
    assert "language_set" not in keys(result) and "language_set_other" not in keys(result)
    assert result.state["lang_chosen"] is True


def test_a_language_asked_for_alone_asks_the_question_again_without_a_miss() -> None:
    *_, result = replay([*TO_WHEN, "sorry, I don't speak Dutch, can you write English please"])
    assert keys(result) == ["language_followed", "ask_when"]
    assert result.state["lang"] == "en" and result.state["lang_chosen"] is True
    assert "misses" not in result.state


@pytest.mark.parametrize("text", ["ik spreek geen nederlands", "no dutch sorry", "i dont speak dutch"])
def test_not_speaking_the_language_one_writes_in_offers_the_languages(text: str) -> None:
    """Session 27: "ik spreek geen nederlands" (or English that reads as Dutch) got "Dat begreep ik niet
    helemaal": now the languages there are, each in its own words, and the menu again."""
    [result] = replay([text])
    assert keys(result) == ["language_offer", "menu"]
    offer = catalogue.message("language_offer", "nl")
    names = ("ENGLISH", "TURKCE", "ARABIC", "POLSKI", "UKRAINIAN")
    assert all(name in offer for name in names)
    # each name it offers chooses its language when sent
    chosen = [replay([name])[0].state["lang"] for name in names]
    assert chosen == ["en", "tr", "ar", "pl", "uk"]


def test_not_speaking_dutch_beside_a_request_is_not_only_the_languages() -> None:
    [result] = replay(["ik spreek geen nederlands, kan iemand mij helpen met een brief van de gemeente"])
    assert "language_offer" not in keys(result)


@pytest.mark.parametrize(("text", "lang"), [("УКРАЇНСЬКА", "uk"), ("العربية", "ar")])
def test_a_language_named_in_its_own_script_shows_the_menu_in_it(text: str, lang: str) -> None:
    """Before (session 27): only "Ви пишете українською, я теж." and nothing to answer."""
    [result] = replay([text])
    assert keys(result) == ["language_followed", "menu"]
    assert result.state["lang"] == lang
