"""Kinds of help: the choices offered, and recognising a kind from the words someone types."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from flows.matching import CATEGORIES
from flows.normalise import simplify
from flows.places import name_words
from flows.types import Choice

WORDS_FILE = Path(__file__).parent / "data" / "categories.toml"
CATEGORY_CHOICES: tuple[Choice, ...] = tuple(Choice(key, f"cat_{key}") for key in CATEGORIES)
# What a volunteer's ALLES ("all") offers: every kind except childcare. Looking after someone's
# children is a commitment people should choose by name, not sign up for with one word; it also
# needs a VOG check (matching.VERIFIED_REQUIRED) before any such request reaches them.
EVERYTHING: tuple[str, ...] = tuple(key for key in CATEGORIES if key != "oppas")
# Marks around a word that do not make it another word ("Bloemhof?" is the place).
_MARKS = ".,!?;:()\"'…؟،"
EVERYTHING_WORDS = frozenset({"alles", "allemaal", "alle", "all", "everything", "all of them"})


@cache
def _words() -> dict[str, tuple[str, ...]]:
    with WORDS_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    unknown = set(data) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"{WORDS_FILE.name}: unknown categories {sorted(unknown)}")
    return {key: tuple(simplify(word) for word in entry["words"]) for key, entry in data.items()}


def recognise(text: str) -> str | None:
    """The one kind of help the text points to, or None when it points to none or to several."""
    found = recognise_all(text)
    return next(iter(found)) if len(found) == 1 else None


def recognise_all(text: str) -> frozenset[str]:
    """Every kind of help the text points to: "boodschappen en klusjes" -> both. A neighbourhood's name
    is no kind of help ("de Bloemhof" is no garden)."""
    places = name_words()
    words = [word for word in simplify(text).split() if word.strip(_MARKS) not in places]
    return frozenset(
        category for category, stems in _words().items() for stem in stems if _matches(stem, words)
    )


def _matches(stem: str, words: list[str]) -> bool:
    """A stem starts a word; short stems ("app") and phrases must match whole words."""
    if " " in stem:
        return f" {stem} " in f" {' '.join(words)} "
    if len(stem) <= 3:
        return stem in words
    return any(word.startswith(stem) for word in words)
