"""Commands and choices from what people type, whatever the channel."""

from __future__ import annotations

import pytest

from flows.normalise import choice_in, command_in, simplify

OFFERED = ["ask", "offer", "info", "stop"]
LABELS = {"ask": "Hulp vragen", "offer": "Hulp bieden", "info": "Uitleg", "stop": "Stoppen"}


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("STOP", "stop"),
        ("stop", "stop"),
        ("Stop!", "stop"),
        (" stoppen ", "stop"),
        ("AFMELDEN", "stop"),
        ("Uitschrijven.", "stop"),
        ("UNSUBSCRIBE", "stop"),
        ("/stop", "stop"),
        ("STOP\u200b", "stop"),
        ("\u202bSTOP\u202c", "stop"),
        ("START", "start"),
        ("/start", "start"),
        ("Menu", "menu"),
        ("ENGLISH", "lang_en"),
        ("Nederlands", "lang_nl"),
        ("stop met dat lawaai", None),
        ("ik wil stoppen met roken", None),
        ("", None),
        ("🙂", None),
        ("stopp", None),
    ],
)
def test_command_words(text: str, command: str | None) -> None:
    assert command_in(text) == command


@pytest.mark.parametrize(
    ("text", "choice"),
    [
        ("1", "ask"),
        (" 2 ", "offer"),
        ("4.", "stop"),
        ("5", None),
        ("0", None),
        ("hulp vragen", "ask"),
        ("Hulp Bieden!", "offer"),
        ("uitleg", "info"),
        ("ja", None),  # yes/no only when they are offered
        ("twee", None),
    ],
)
def test_typed_choice(text: str, choice: str | None) -> None:
    assert choice_in(text, OFFERED, LABELS) == choice


@pytest.mark.parametrize("text", ["ja", "Ja!", "JA", "yes", "y", "oké", "ok"])
def test_yes_words(text: str) -> None:
    assert choice_in(text, ["yes", "no"]) == "yes"


@pytest.mark.parametrize("text", ["nee", "Nee.", "no", "N"])
def test_no_words(text: str) -> None:
    assert choice_in(text, ["yes", "no"]) == "no"


def test_simplify_drops_accents_invisibles_and_edge_punctuation() -> None:
    assert simplify("  Oké!!  ") == "oke"
    assert simplify("ide\u0301e") == "idee"
    assert simplify("a\u200bb") == "ab"
