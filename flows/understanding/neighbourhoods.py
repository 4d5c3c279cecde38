"""A neighbourhood by name, alias, typo or postcode (in digits or in words).

The municipality's data (`flows.places`) says which neighbourhoods there are and what people call
them; this module finds them inside whatever people write: "in de akkers woon ik, al 40 jaar",
"molluwijk", "centrum", "7391ab", "zeven drie negen twee". A postcode is read even outside the
municipality (the flow says we are not there yet); a street, a landmark or another town is unknown.
When someone names two ("Molenwijk maar mijn moeder woont in de Akkers"), their own comes first.

The reading gives the neighbourhood only when it was named: a postcode alone is a `postcode`, and
the flow finds its neighbourhood with `places.find_neighbourhood`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from rapidfuzz import fuzz

from flows import places
from flows.understanding import lexmatch as lx
from flows.understanding import text as t
from flows.understanding.answers import question_opens
from flows.understanding.crisis_phrases import cyrillic_as_latin
from flows.understanding.lexmatch import Hit, Token

# fuzz.ratio a word needs to be a typo of a name: "molluwijk" is 77.8 from "molenwijk", while the
# street "molenweg" is 70.6 and "winkelcentrum" 70.0 from "centrum". Short words need more.
_TYPO_CUTOFF = 75.0
_SHORT_TYPO_CUTOFF = 85.0
_SHORT = 7
_MIN_TYPO_LENGTH = 5
# Two neighbourhoods this close to a typo: it is not clear which one is meant.
_AMBIGUITY_MARGIN = 3.0
_ARTICLES = frozenset({"de", "het", "t", "the", "d"})
# "Oude-Haven", "d'Akkers": a hyphen or apostrophe inside a name is a space.
_JOINED = re.compile(r"(?<=\w)['\u2019-](?=\w)")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


@dataclass(frozen=True, slots=True)
class PlaceReading:
    neighbourhood: str | None = None
    postcode: str | None = None
    confidence: float = 0.0


def read_neighbourhood(text: str, lang: str = "nl", municipality: Any = None) -> PlaceReading:
    """The neighbourhood or postcode an answer to "In welke wijk woon je?" gives; nothing = unknown."""
    town: places.Municipality = municipality if municipality is not None else places.load_municipality()
    found = lx.tokens(_JOINED.sub(" ", text))
    asking = "?" in text or question_opens(found, lang)
    named = _named(found, town, exact_only=asking)
    if named is None and _CYRILLIC.search(text):
        # Round corpus37: a name written in Cyrillic by ear ("в Олде Хавен"), compared by its Latin sounds.
        named = _named(lx.tokens(_JOINED.sub(" ", cyrillic_as_latin(text))), town, exact_only=asking)
    postcode = places.parse_postcode(text) or _postcode_in_words(found)
    if postcode is not None:
        exact = named is not None and named[1]
        return PlaceReading(named[0].name if named and exact else None, postcode.digits, 0.95)
    if named is None:
        return PlaceReading()
    neighbourhood, exact, own = named
    confidence = (0.95 if exact else 0.7) * (1.0 if own else 0.7)
    return PlaceReading(neighbourhood.name, None, round(confidence, 2))


def _named(
    found: Sequence[Token], town: places.Municipality, *, exact_only: bool
) -> tuple[places.Neighbourhood, bool, bool] | None:
    """(neighbourhood, named exactly, the person's own) for the first one named, preferring one not
    in a part of the answer about someone else."""
    exact_hits = _name_lexicon(town).hits(found)
    hits = exact_hits if exact_only else exact_hits + _typo_hits(found, exact_hits, town)
    if not hits:
        return None
    hits.sort(key=lambda hit: hit.start)
    parts = _parts(found)
    others = lx.word_set("neighbourhoods", "others")
    about_others = {part for part, words in parts.items() if others & words}
    own = [hit for hit in hits if _part_of(found, hit, parts) not in about_others]
    chosen = own[0] if own else hits[0]
    # A change of mind ("de akkers. nee wacht, bloemhof"): the first name after the last correction.
    corrections = lx.lexicon_of("choices", "corrections").hits(found)
    if corrections:
        last = max(correction.end for correction in corrections)
        chosen = next((hit for hit in own or hits if hit.start >= last), chosen)
    return town.neighbourhood(chosen.kind), chosen in exact_hits, bool(own)


def _parts(found: Sequence[Token]) -> dict[int, set[str]]:
    """The words of each part of the answer: clauses, split again at "maar", "en", "but"."""
    splits = lx.word_set("neighbourhoods", "splits")
    parts: dict[int, set[str]] = {}
    part = 0
    previous_clause = 0
    for token in found:
        if token.clause != previous_clause or token.word in splits:
            part += 1
            previous_clause = token.clause
        parts.setdefault(part, set()).add(token.word)
    return parts


def _part_of(found: Sequence[Token], hit: Hit, parts: dict[int, set[str]]) -> int:
    splits = lx.word_set("neighbourhoods", "splits")
    part = 0
    previous_clause = 0
    for index, token in enumerate(found):
        if token.clause != previous_clause or token.word in splits:
            part += 1
            previous_clause = token.clause
        if index == hit.start:
            return part
    return part


@cache
def _name_lexicon(town: places.Municipality) -> lx.Lexicon:
    """Every name and alias, with and without its article ("de akkers", "akkers")."""
    phrases: dict[str, str] = {}
    translated = _alias_words()
    for neighbourhood in town.neighbourhoods:
        for name in (neighbourhood.name, *neighbourhood.aliases):
            words = t.words(name)
            phrases.setdefault(" ".join(words), neighbourhood.key)
            # An alias that is a common word ("centrum") in the other languages: "в центрі", "city centre".
            for other in translated.get(" ".join(words), ()):
                phrases.setdefault(" ".join(t.words(other)), neighbourhood.key)
            bare = [word for word in words if word not in _ARTICLES]
            if bare:
                phrases.setdefault(" ".join(bare), neighbourhood.key)
                phrases.setdefault("".join(bare), neighbourhood.key)
    return lx.Lexicon(phrases)


@cache
def _alias_words() -> dict[str, tuple[str, ...]]:
    """`[alias_words]` (round corpus25): an alias word the municipality gives, with its other spellings and
    languages."""
    listed = t.lexicon("neighbourhoods").get("alias_words", {})
    return {" ".join(t.words(word)): tuple(others) for word, others in listed.items()}


@cache
def _compact_names(town: places.Municipality) -> tuple[tuple[str, str], ...]:
    """(name without articles or spaces, key) for typo matching: "oudehaven", "bloemenhof"."""
    names: list[tuple[str, str]] = []
    for neighbourhood in town.neighbourhoods:
        for name in (neighbourhood.name, *neighbourhood.aliases):
            compact = "".join(word for word in t.words(name) if word not in _ARTICLES)
            if compact:
                names.append((compact, neighbourhood.key))
    return tuple(names)


def _typo_hits(found: Sequence[Token], exact: Sequence[Hit], town: places.Municipality) -> list[Hit]:
    """Words (or two words run together) that are a typo of one neighbourhood's name."""
    covered = {index for hit in exact for index in range(hit.start, hit.end)}
    town_words = set(t.words(town.name)) | set(t.words(town.key))
    hits: list[Hit] = []
    for size in (2, 1):
        for start in range(len(found) - size + 1):
            span = range(start, start + size)
            tokens = found[start : start + size]
            if any(index in covered for index in span) or len({token.clause for token in tokens}) > 1:
                continue
            if any(token.raw in _ARTICLES or token.raw in town_words for token in tokens):
                continue
            key = _closest("".join(token.raw for token in tokens), town)
            if key is not None:
                hits.append(Hit(key, start, start + size, " ".join(token.raw for token in tokens)))
                covered.update(span)
    return hits


def _closest(word: str, town: places.Municipality) -> str | None:
    if len(word) < _MIN_TYPO_LENGTH or not word.isalpha():
        return None
    best: dict[str, float] = {}
    for name, key in _compact_names(town):
        if name[0] != word[0]:
            continue
        cutoff = _SHORT_TYPO_CUTOFF if min(len(name), len(word)) < _SHORT else _TYPO_CUTOFF
        score = fuzz.ratio(word, name)
        if score >= cutoff and score > best.get(key, 0.0):
            best[key] = score
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _AMBIGUITY_MARGIN:
        return None
    return ranked[0][0]


def _postcode_in_words(found: Sequence[Token]) -> places.Postcode | None:
    """Four digits said as words, one by one or Dutch pairs: "zeven drie negen twee",
    "drieënzeventig eenennegentig", "7 3 9 2"."""
    table = _digit_words()
    run = ""
    for token in found:
        digits = table.get(token.raw) or (token.raw if token.raw.isdigit() and len(token.raw) == 1 else None)
        if digits is None:
            run = ""
            continue
        run += digits
        if len(run) == 4:
            if run[0] != "0":
                return places.Postcode(run)
            run = run[1:]
        elif len(run) > 4:
            run = ""
    return None


@cache
def _digit_words() -> dict[str, str]:
    """Spoken digits of every language and the Dutch words for 10-99, folded, to their digits."""
    data = t.lexicon("neighbourhoods")
    table: dict[str, str] = {}
    for digit, spellings in data["digits"].items():
        for spelling in spellings:
            table[t.plain(spelling)] = str(digit)
    tens = data["dutch_tens"]
    for number, word in enumerate(tens["teens"], start=10):
        table[t.plain(word)] = str(number)
    for tens_index, tens_word in enumerate(tens["tens"], start=2):
        table[t.plain(tens_word)] = f"{tens_index}0"
        for unit, unit_word in enumerate(tens["units"], start=1):
            for joiner in ("en", "ën"):
                table[t.plain(f"{unit_word}{joiner}{tens_word}")] = f"{tens_index}{unit}"
    return table
