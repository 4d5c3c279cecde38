"""Commands and choices from what people type, whatever the channel."""

from __future__ import annotations

import random

import pytest

from flows.normalise import choice_in, command_in, command_with_argument, list_parts, number_in, simplify

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
        ("MIJN AANBOD", "my_offer"),
        ("my offer", "my_offer"),
        ("Pauze", "pause"),
        ("HERVAT", "resume"),
        ("resume", "resume"),
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


def test_simplify_reads_plain_ascii_as_the_unicode_path_does() -> None:
    """Plain ASCII takes a short path (no accents or format characters to look up): same result as
    the character-by-character path, control characters included."""
    rng = random.Random(16)
    for _ in range(20_000):
        text = "".join(chr(rng.randrange(128)) for _ in range(rng.randrange(12)))
        # The same text with one non-ASCII character that simplifies to nothing takes the long path.
        assert simplify(text) == simplify(text + "\u200b"), repr(text)
    assert simplify("\tSTOP\r\n") == "stop"


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("PAUZE 2 weken", ("pause", "2 weken")),
        ("pauze", ("pause", "")),
        ("Pauze tot 1 januari!", ("pause", "tot 1 januari")),
        ("/pause until 1 January", ("pause", "until 1 january")),
        ("pauzes", None),
        ("ik wil pauze", None),
        ("STOP 2 weken", None),
    ],
)
def test_commands_with_an_argument(text: str, command: tuple[str, str] | None) -> None:
    assert command_with_argument(text) == command


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("1 3 5", ["1 3 5"]),
        ("1,3,5", ["1", "3", "5"]),
        ("1, 3 en 5", ["1", "3", "5"]),
        ("Boodschappen & Klusjes", ["boodschappen", "klusjes"]),
        ("groceries and odd jobs", ["groceries", "odd jobs"]),
        ("en", []),
    ],
)
def test_list_parts(text: str, parts: list[str]) -> None:
    assert list_parts(text) == parts


@pytest.mark.parametrize(
    ("word", "number"), [("3", 3), ("drie", 3), ("Three", 3), ("een", 1), ("veel", None)]
)
def test_number_in(word: str, number: int | None) -> None:
    assert number_in(word) == number


def test_simplify_folds_letters_that_are_not_accented_letters() -> None:
    """Session 27: Polish l with a stroke and Turkish dotless i stayed, so a phrase written without them
    ("przeprowadzilam sie") never matched what people type, as the readers' own folding does."""
    assert simplify("Przeprowadziłam się") == "przeprowadzilam sie"
    assert simplify("ÇOK YALNIZIM") == simplify("\u00e7ok yaln\u0131z\u0131m") == "cok yalnizim"
    assert simplify("Łódź") == "lodz"
