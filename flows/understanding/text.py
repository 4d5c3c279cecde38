"""What every reader needs: folding text, splitting words and emoji, fuzzy words, lexicons as data.

Folding keeps the letters of every script (Arabic, Cyrillic, Turkish) but drops case, accents and
tatweel, so "Ja!!", "JA" and "já" compare equal and a lexicon is written once in plain letters.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

DATA = Path(__file__).parent / "data"

_INVISIBLE = {"Cf", "Cc", "Cs", "Co", "Cn"}
# Emoji and pictographs, with their skin-tone and gender modifiers.
_EMOJI = re.compile(
    "[\U0001f300-\U0001faff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001f2ff]"
    "[\U0001f3fb-\U0001f3ff\ufe0f\u200d\u2640\u2642]*"
)
_MODIFIERS = re.compile("[\U0001f3fb-\U0001f3ff\ufe0f]")
_WORD = re.compile("[^\\W_]+(?:['\u2019-][^\\W_]+)*")
# Turkish dotless/dotted i fold to plain i; Arabic tatweel and harakat go.
_EXTRA_FOLD = str.maketrans({"\u0131": "i", "\u0130": "i", "\u0640": "", "\u2019": "'", "\u2018": "'"})


# Plain ASCII text folds by dropping control characters (but tab and newline) and lower-casing: its
# letters have no accents, `_EXTRA_FOLD` maps no ASCII character, and casefold() is lower() on ASCII.
_ASCII_CONTROL = dict.fromkeys([*range(9), *range(11, 32), 127])


class _CharTable(dict[int, str | None]):
    """A `str.translate` table that decides each character once (None drops it): the per-character
    Unicode look-ups were most of the cost of folding a message."""

    def __init__(self, drop: Callable[[str], bool]) -> None:
        super().__init__()
        self._drop = drop

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        kept = None if self._drop(char) else char
        if len(self) < 100_000:
            self[code] = kept
        return kept


_VISIBLE = _CharTable(lambda ch: unicodedata.category(ch) in _INVISIBLE and ch not in "\n\t ")
_UNCOMBINED = _CharTable(lambda ch: bool(unicodedata.combining(ch)))


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case without accents, invisible characters or runs of spaces; punctuation kept."""
    if text.isascii():
        return " ".join(text.translate(_ASCII_CONTROL).lower().split())
    visible = text.translate(_VISIBLE)
    decomposed = unicodedata.normalize("NFKD", visible.translate(_EXTRA_FOLD))
    plain = decomposed.translate(_UNCOMBINED)
    return " ".join(unicodedata.normalize("NFC", plain).casefold().split())


def emoji_in(text: str) -> list[str]:
    """The emoji of a message without skin tones: "👍🏻 prima" -> ["👍"]."""
    return [_MODIFIERS.sub("", found) for found in _EMOJI.findall(text)]


@lru_cache(maxsize=4096)
def without_emoji(text: str) -> str:
    return " ".join(_EMOJI.sub(" ", text).split())


# A hesitation drawn out ("eeh", "ehhh", "uhmm", "hmmm", "emm") is read as the one the lexicons list ("eh",
# "uh", "uhm", "hmm", "ehm"): round 14.
_HESITATION = re.compile(r"e+u*h+m*|u+h+m*|h+m+|e+m+")
_RUN = re.compile(r"(.)\1+")
_HESITATION_NAMES = {"hm": "hmm", "em": "ehm"}


def _hesitation(word: str) -> str:
    if word[0] not in "ehu" or len(word) > 12 or not _HESITATION.fullmatch(word):
        return word
    short = _RUN.sub(r"\1", word)
    return _HESITATION_NAMES.get(short, short)


def words(text: str) -> list[str]:
    """The folded words of a message: "Ja!! Doe maar 👍" -> ["ja", "doe", "maar"]; "eeh" -> "eh"."""
    return [_hesitation(word) for word in _WORD.findall(fold(without_emoji(text)))]


@lru_cache(maxsize=4096)
def plain(text: str) -> str:
    """Folded words joined by single spaces, punctuation and emoji gone: for phrase matching."""
    return " ".join(words(text))


def has_phrase(text_plain: str, phrase_plain: str) -> bool:
    """A whole-word phrase inside plain text ("ja hoor" in "ja hoor dat is goed", not in "jahoor")."""
    return f" {phrase_plain} " in f" {text_plain} "


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One regex of whole-word phrases, longest first; `*` in a phrase stands for a word's rest."""
    parts = sorted({plain(p.replace("*", "STAR")).replace("star", "*") for p in phrases if p}, key=len)
    if not parts:
        return None
    alternatives = [re.escape(p).replace(r"\*", r"\w*") for p in reversed(parts)]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def close_word(word: str, vocabulary: Iterable[str], cutoff: float = 85.0) -> str | None:
    """The vocabulary word a typed word means despite a typo ("boodschapn" -> "boodschappen").

    Short words must match exactly: a typo in three letters is another word.
    """
    choices = list(vocabulary)
    if word in choices:
        return word
    if len(word) < 5:
        return None
    found = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
    return str(found[0]) if found else None


@cache
def lexicon(name: str) -> Mapping[str, Any]:
    """A data file of `data/`, read once: `lexicon("yes_no")` is `data/yes_no.toml`."""
    with (DATA / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def _numbers() -> dict[str, int]:
    """Number and ordinal words of every language, folded: "twee" -> 2, "de eerste" -> 1."""
    table: dict[str, int] = {}
    for words_of_language in lexicon("numbers").values():
        for number, spellings in words_of_language.items():
            for spelling in spellings:
                table[plain(spelling)] = int(number)
    return table


# "nr 1", "nummer 2", "optie 3", "keuze 1", "no. 2", "#2": the word before a number says it is a choice.
_NUMBER_LEADS = frozenset(
    {"nr", "nummer", "optie", "keuze", "no", "number", "option", "numara", "numer", "номер", "رقم"}
)
_ARTICLES = frozenset({"de", "het", "the", "die", "dat"})
# "doe maar 1", "ik kies 2", "geef mij maar de eerste": words that open a choice before its number. Not
# "neem" ("ik neem 2 broden mee" is no choice).
_CHOICE_OPENERS = (
    ("doe", "mij", "maar"),
    ("doe", "me", "maar"),
    ("geef", "mij", "maar"),
    ("geef", "me", "maar"),
    ("ik", "kies", "voor"),
    ("ik", "kies"),
    ("kies", "voor"),
    ("doe", "maar"),
    ("dan", "maar"),
    ("kies",),
    ("i", "choose"),
    ("i", "pick"),
    ("i'll", "go", "with"),
    ("let's", "do"),
)


def _after_opener(found: list[str]) -> list[str]:
    for opener in _CHOICE_OPENERS:
        if tuple(found[: len(opener)]) == opener:
            return found[len(opener) :]
    return found


def without_choice_opener(text: str) -> str:
    """Plain words of `text` without the words that open a choice: "doe maar 2" -> "2"."""
    return " ".join(_after_opener(words(text)))


def number_choice(text: str) -> int | None:
    """The number that opens an answer: "2", "nr 1", "de eerste", "twee", "4 stoppen" (the number first,
    the label after it), "ikinci", "الأول". The caller checks it is an offered option and decides what
    the words after it may be ("12 december" opens with 12 too)."""
    found = _after_opener(words(text))
    while found and (found[0] in _NUMBER_LEADS or found[0] in _ARTICLES):
        found = found[1:]
    if not found:
        return None
    head = found[0]
    table = _numbers()
    for size in (3, 2, 1):
        phrase = " ".join(found[:size])
        if len(found) >= size and phrase in table:
            return table[phrase]
    if head.isdecimal() and len(head) <= 2:
        return int(head)
    return None
