"""Phrase lists for the crisis and check-in readers: word rests (`*`), gaps (`...`), apostrophes and
Arabic's joined "and", and a first-word filter so that dozens of lists cost little per message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from flows.understanding.text import fold, without_emoji

# "..." inside a phrase: up to this many words in between ("kom ... niet overeind").
GAP_WORDS = 3
# Arabic writes "and" and "so" onto the next word ("وما قدرتش"): a phrase may start after them.
_ARABIC = re.compile("[\u0600-\u06ff]")
_ARABIC_LEAD = "(?:[وف])?"


# Apostrophes inside words go; Polish "ł" (which has no accent to drop) is written "l" on phones
# without Polish letters, so both spellings compare equal.
_PLAIN_LETTERS = str.maketrans({"'": None, "\u02bc": None, "\u0142": "l"})
# The words of `text.words`, for text that is folded already (folding is the costly step).
_WORD = re.compile("[^\\W_]+(?:['\u2019-][^\\W_]+)*")


def matchable(text: str) -> str:
    """Plain words without apostrophes inside words, "ł" as "l": "can't", "cant" and "бʼє" compare as
    written, "upadłam" and "upadlam" too."""
    return matchable_folded(fold(without_emoji(text)))


def matchable_folded(folded: str) -> str:
    """`matchable` for text that went through `text.fold` (and lost its emoji) already."""
    return " ".join(_WORD.findall(folded)).translate(_PLAIN_LETTERS)


def _gap_phrase_regex(phrase: str) -> str:
    parts: list[str] = []
    for piece in phrase.split("..."):
        tokens: list[str] = []
        for raw in piece.split():
            star = raw.endswith("*")
            folded = matchable(raw.rstrip("*"))
            if folded:
                lead = _ARABIC_LEAD if not tokens and _ARABIC.match(folded) else ""
                tokens.append(lead + re.escape(folded) + (r"\w*" if star else ""))
        if tokens:
            parts.append(" ".join(tokens))
    return rf"(?: \S+){{0,{GAP_WORDS}}} ".join(parts)


def gap_phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One regex of whole-word phrases over `matchable` text, longest first: `*` stands for a word's
    rest, `...` for a gap of up to GAP_WORDS words ("hoeft voor mij ... niet meer")."""
    regexes = sorted({r for r in (_gap_phrase_regex(p) for p in phrases) if r}, key=len, reverse=True)
    if not regexes:
        return None
    return re.compile(r"(?<!\S)(?:" + "|".join(regexes) + r")(?!\S)")


@dataclass(frozen=True, slots=True)
class PhraseSet:
    """A compiled phrase list that is only searched when a message holds one of its first words:
    a few set look-ups instead of a long regex over every message keeps reading fast."""

    pattern: re.Pattern[str] | None
    heads: frozenset[str]
    head_prefixes: tuple[str, ...]

    def may_occur(self, present: frozenset[str]) -> bool:
        if self.pattern is None:
            return False
        if not self.heads.isdisjoint(present):
            return True
        return any(word.startswith(self.head_prefixes) for word in present) if self.head_prefixes else False


def phrase_set(phrases: Iterable[str]) -> PhraseSet:
    """`gap_phrase_pattern` with the first word of every phrase, for `PhraseSet.may_occur`."""
    listed = list(phrases)
    heads: set[str] = set()
    prefixes: set[str] = set()
    for phrase in listed:
        first = phrase.split("...")[0].split()
        if not first:
            continue
        folded = matchable(first[0].rstrip("*")).split()
        if not folded:
            continue
        if first[0].endswith("*") and len(folded) == 1:
            prefixes.add(folded[0])
        else:
            heads.add(folded[0])
    return PhraseSet(gap_phrase_pattern(listed), frozenset(heads), tuple(sorted(prefixes)))


def present_words(matchable_text: str) -> frozenset[str]:
    """The words of a `matchable` text, with Arabic "and"/"so" taken off too (see `_ARABIC_LEAD`)."""
    found = set(matchable_text.split())
    found.update(word[1:] for word in list(found) if len(word) > 2 and word[0] in "وف")
    return frozenset(found)
