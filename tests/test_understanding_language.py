# ruff: noqa: RUF001  (messages in Turkish, Arabic and Ukrainian letters, on purpose)
"""Which of the six languages a message is written in: paraphrases as people type them (none is a
dev.jsonl sentence), the conversation's language for short or plain texts, and speed."""

from __future__ import annotations

import pytest

from flows.understanding import language

WRITTEN = [
    ("Goedemiddag, ik zoek iemand die mij kan helpen met de tuin", "nl"),
    ("kan iemand morgen mijn vuilnisbak buiten zetten", "nl"),
    ("Good morning, could somebody help my father with his shopping?", "en"),
    ("I would like to help people in my neighbourhood", "en"),
    ("Annem için alışveriş yapacak birini arıyorum", "tr"),
    ("Merhaba yardima ihtiyacim var, hastaneye gitmem lazim", "tr"),
    ("مرحبا، أحتاج مساعدة في ملء استمارة من البلدية", "ar"),
    ("salam khoya, bghit chi had ydini l sbitar 3afak", "ar"),
    ("wach kayn chi wa7ed y9der y3awni", "ar"),
    ("Dzień dobry, szukam kogoś do pomocy w ogrodzie", "pl"),
    ("Potrzebuje pomocy z komputerem prosze", "pl"),
    ("Доброго дня, мені потрібна допомога з документами", "uk"),
    ("Здравствуйте, мне нужна помощь с покупками", "uk"),
]


@pytest.mark.parametrize(("text", "lang"), WRITTEN)
def test_language_of_a_sentence(text: str, lang: str) -> None:
    assert language.detect(text) == lang
    # A sentence in another language overrules the conversation's language.
    assert language.detect(text, "nl" if lang != "nl" else "en") == lang


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("ja", "tr"),
        ("ok", "pl"),
        ("2", "ar"),
        ("👍", "uk"),
        ("Fatma", "tr"),
        ("Joke", "nl"),
        ("oké 👍", "en"),
        ("", "pl"),
    ],
)
def test_the_conversation_language_wins_for_short_plain_texts(text: str, hint: str) -> None:
    assert language.detect(text, hint) == hint


@pytest.mark.parametrize("text", ["ja", "ok", "2", "🙂", "Joke"])
def test_without_a_conversation_short_texts_are_dutch(text: str) -> None:
    assert language.detect(text) == "nl"


@pytest.mark.parametrize(
    ("text", "hint", "lang"),
    [
        ("شكرا", "nl", "ar"),  # the script says it, however short
        ("дякую", "nl", "uk"),
        ("3afak", "nl", "ar"),  # darija with a digit for a letter
        ("teşekkürler", "nl", "tr"),  # letters only Turkish has
        ("dziękuję", "nl", "pl"),  # letters only Polish has
    ],
)
def test_letters_say_the_language_of_a_short_text(text: str, hint: str, lang: str) -> None:
    assert language.detect(text, hint) == lang


@pytest.mark.parametrize("text", ["om 2uur", "de 3e week", "9am tomorrow please", "ik ben 85 jaar"])
def test_hours_and_ordinals_are_not_darija(text: str) -> None:
    assert language.detect(text, "nl") != "ar"


def test_a_polish_name_in_a_dutch_sentence_stays_dutch() -> None:
    assert language.detect("Hallo, mijn buurvrouw heet Małgorzata en ze heeft hulp nodig met de tuin") == "nl"
