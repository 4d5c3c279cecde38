"""Phrase lists for the crisis and check-in readers: word rests (`*`), gaps (`...`), apostrophes and
Arabic's joined "and", and a first-word filter so that dozens of lists cost little per message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

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


# Filler words of a text are written in capitals before phrases are matched (`Fillers.marked`): the text is
# folded to small letters, so between two words of a phrase a short class lets any run of them stand. Before,
# every gap held the alternation of all fillers, and compiling the crisis lexicon took 12 s instead of 2 at
# every start (bench/README.md, session 21). A filler without capitals (Arabic script) is written as as many
# X's: only its length must stay.
_CAPITALS = "A-Z\u0400-\u042f\u0490"
_GAP = f"(?: [{_CAPITALS}]\\S*)* "


@dataclass(frozen=True, slots=True)
class Fillers:
    """Words that may stand between any two words of a phrase without changing it ("ik wil gewoon niet
    meer leven", "uit het leven te stappen", "i just want to die"): matchable spellings, each with the
    capitals it is marked with in a text."""

    marks: Mapping[str, str] = field(default_factory=dict)  # single words
    runs: tuple[tuple[str, ...], ...] = ()  # fillers of several words ("po prostu")

    @classmethod
    def of(cls, words: Iterable[str]) -> Fillers:
        plain = {matchable(word) for word in words} - {""}
        return cls(
            marks={word: _mark(word) for word in plain if " " not in word},
            runs=tuple(sorted({tuple(w.split(" ")) for w in plain if " " in w}, key=len, reverse=True)),
        )

    def __bool__(self) -> bool:
        return bool(self.marks or self.runs)

    def gap(self) -> str:
        """What stands between two words of a phrase: a space, or fillers (marked in the text)."""
        return _GAP if self else " "

    def token(self, regex: str, folded: str) -> str:
        """A phrase's own word that is a filler too: as written or marked."""
        mark = self.marks.get(folded)
        return f"(?:{regex}|{re.escape(mark)})" if mark is not None else regex

    def marked(self, text: str) -> str:
        """The text (single-spaced matchable words) with its filler words marked: same length, so every
        offset stays."""
        if not self:
            return text
        key = (id(self), text)  # the few Fillers there are live as long as the lexicons (`fillers_of`)
        found = _MARKED.get(key)
        if found is None:
            tokens = text.split(" ")
            for run in self.runs:
                for index in range(len(tokens) - len(run) + 1):
                    if tuple(tokens[index : index + len(run)]) == run:
                        tokens[index : index + len(run)] = [_mark(t) for t in run]
            found = " ".join(self.marks.get(token, token) for token in tokens)
            if len(_MARKED) > 64:
                _MARKED.clear()
            _MARKED[key] = found
        return found


def _mark(word: str) -> str:
    capitals = word.upper()
    return capitals if capitals != word and len(capitals) == len(word) else "X" * len(word)


_MARKED: dict[tuple[int, str], str] = {}
NO_FILLERS = Fillers()


@cache
def fillers_of(words: tuple[str, ...]) -> Fillers:
    """One `Fillers` per list, shared by every phrase set built with it."""
    return Fillers.of(words) if words else NO_FILLERS


def _gap_phrase_regex(phrase: str, fillers: Fillers = NO_FILLERS) -> str:
    parts: list[str] = []
    for piece in phrase.split("..."):
        tokens: list[str] = []
        for raw in piece.split():
            star = raw.endswith("*")
            folded = matchable(raw.rstrip("*"))
            if folded:
                lead = _ARABIC_LEAD if not tokens and _ARABIC.match(folded) else ""
                tokens.append(lead + fillers.token(re.escape(folded), folded) + (r"\w*" if star else ""))
        if tokens:
            parts.append(fillers.gap().join(tokens))
    return rf"(?: \S+){{0,{GAP_WORDS}}} ".join(parts)


def _ordered(phrases: Iterable[str], fillers: Fillers = NO_FILLERS) -> list[tuple[str, str]]:
    """(regex, phrase) of each distinct phrase regex, longest first: the alternation's order (the set
    is built as it always was, so phrases of one length keep the order they had)."""
    regexes = [(_gap_phrase_regex(phrase, fillers), phrase) for phrase in phrases]
    first: dict[str, str] = {}
    for regex, phrase in regexes:
        if regex:
            first.setdefault(regex, phrase)
    ordered = sorted({regex for regex, _ in regexes if regex}, key=len, reverse=True)
    return [(regex, first[regex]) for regex in ordered]


def _alternation_source(regexes: Iterable[str]) -> str | None:
    listed = list(regexes)
    if not listed:
        return None
    return r"(?<!\S)(?:" + "|".join(listed) + r")(?!\S)"


def _alternation(regexes: Iterable[str]) -> re.Pattern[str] | None:
    source = _alternation_source(regexes)
    return None if source is None else re.compile(source)


def gap_phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One regex of whole-word phrases over `matchable` text, longest first: `*` stands for a word's
    rest, `...` for a gap of up to GAP_WORDS words ("hoeft voor mij ... niet meer")."""
    return _alternation(regex for regex, _ in _ordered(phrases))


def _first_word(phrase: str) -> tuple[str, bool] | None:
    """The word a phrase's regex starts with (as `_gap_phrase_regex` builds it): (word, open at its
    end). A word that folds to several ("a.u.b") starts with its first, which must stand whole."""
    for piece in phrase.split("..."):
        for raw in piece.split():
            folded = matchable(raw.rstrip("*"))
            if folded:
                if " " in folded:
                    return folded.split(" ")[0], False
                return folded, raw.endswith("*")
    return None


@dataclass(frozen=True, slots=True)
class PhraseSet:
    """A compiled phrase list that is only searched when a message holds one of its first words:
    a few set look-ups instead of a long regex over every message keeps reading fast.

    `pattern` is the whole list as one alternation (longest first). The methods give the same answers
    from each phrase compiled alone, trying at a word only the phrases that can start with it
    (`alternatives`, by the word or the start of the word they open with, also after Arabic's joined
    "and"/"so"): one regex of a hundred phrases tried at every word was most of a crisis reading."""

    source: str | None  # `pattern`'s regex (None: an empty list)
    heads: frozenset[str]
    head_prefixes: tuple[str, ...]
    alternatives: tuple[str, ...] = ()  # each phrase's regex, compiled by `_alternative` at first use
    first_words: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    first_stems: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    stem_sizes: tuple[int, ...] = ()
    stems: tuple[str, ...] = ()  # the keys of `first_stems`, for one quick test
    fillers: Fillers = NO_FILLERS  # matched in the text as `Fillers.marked` writes them
    _at: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)
    _compiled: list[re.Pattern[str]] = field(default_factory=list, compare=False, repr=False)
    _regexes: dict[int, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    def _alternative(self, index: int) -> re.Pattern[str]:
        """Phrase `index` compiled, at its first use: a message meets few phrases, and compiling all
        ten thousand at start-up took seconds of every process's warm-up."""
        found = self._regexes.get(index)
        if found is None:
            found = self._regexes[index] = re.compile(self.alternatives[index])
        return found

    @property
    def empty(self) -> bool:
        return self.source is None

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """The alternation, compiled at its first use: only the check-in reader searches with it, and
        compiling every set's at start-up was half of the crisis lexicon's warm-up."""
        if self.source is None:
            return None
        if not self._compiled:
            self._compiled.append(re.compile(self.source))
        return self._compiled[0]

    def may_occur(self, present: frozenset[str]) -> bool:
        if self.source is None:
            return False
        if not self.heads.isdisjoint(present):
            return True
        return any(word.startswith(self.head_prefixes) for word in present) if self.head_prefixes else False

    def starting(self, word: str) -> tuple[int, ...]:
        """The phrases (in the alternation's order) that can start at `word`."""
        known = self._at.get(word)
        if known is not None:
            return known
        forms = [word, word[1:]] if word[:1] in _ARABIC_JOINED and len(word) > 1 else [word]
        found: set[int] = set()
        for form in forms:
            found.update(self.first_words.get(form, ()))
            if not (self.stems and form.startswith(self.stems)):
                continue
            for size in self.stem_sizes:
                if size > len(form):
                    break
                found.update(self.first_stems.get(form[:size], ()))
        result = tuple(sorted(found))
        if len(self._at) < 50_000:
            self._at[word] = result
        return result

    def match_at(self, text: str, start: int, word: str) -> re.Match[str] | None:
        """`pattern.match(text, start)`, where `word` is the word of `text` at `start`."""
        indexes = self.starting(word)
        if not indexes:
            return None
        marked = self.fillers.marked(text)
        for index in indexes:
            found = self._alternative(index).match(marked, start)
            if found:
                return found
        return None

    def fullmatch(self, text: str) -> bool:
        """Whether `pattern.fullmatch(text)` (a text of single-spaced words)."""
        indexes = self.starting(text.split(" ", 1)[0])
        if not indexes:
            return False
        marked = self.fillers.marked(text)
        return any(self._alternative(index).fullmatch(marked) for index in indexes)

    def without(self, text: str) -> str:
        """`pattern.sub(" ", text)` for a text of single-spaced words: every match, leftmost first and
        without overlaps, replaced by a space."""
        pieces: list[str] = []
        done = 0
        start = 0
        for word in text.split(" "):
            if start >= done:
                found = self.match_at(text, start, word)
                if found:
                    pieces.extend((text[done:start], " "))
                    done = found.end()
            start += len(word) + 1
        pieces.append(text[done:])
        return "".join(pieces)


_ARABIC_JOINED = "\u0648\u0641"


def phrase_set(phrases: Iterable[str], fillers: Iterable[str] = ()) -> PhraseSet:
    """`gap_phrase_pattern` with the first word of every phrase, for `PhraseSet.may_occur`, and each
    phrase compiled alone, by its first word, for matching. `fillers` are words that may stand between
    any two words of a phrase without changing it (matchable spellings)."""
    filler_words = fillers_of(tuple(fillers))
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
    ordered = _ordered(listed, filler_words)
    words: dict[str, list[int]] = {}
    stems: dict[str, list[int]] = {}
    for index, (_, phrase) in enumerate(ordered):
        opening = _first_word(phrase)
        if opening is not None:
            (stems if opening[1] else words).setdefault(opening[0], []).append(index)
    return PhraseSet(
        _alternation_source(regex for regex, _ in ordered),
        frozenset(heads),
        tuple(sorted(prefixes)),
        alternatives=tuple(r"(?<!\S)(?:" + regex + r")(?!\S)" for regex, _ in ordered),
        first_words={word: tuple(indexes) for word, indexes in words.items()},
        first_stems={stem: tuple(indexes) for stem, indexes in stems.items()},
        stem_sizes=tuple(sorted({len(stem) for stem in stems})),
        stems=tuple(stems),
        fillers=filler_words,
    )


def present_words(matchable_text: str) -> frozenset[str]:
    """The words of a `matchable` text, with Arabic "and"/"so" taken off too (see `_ARABIC_LEAD`)."""
    found = set(matchable_text.split())
    found.update(word[1:] for word in list(found) if len(word) > 2 and word[0] in "وف")
    return frozenset(found)


# ---------------------------------------------------------------- spellings written in Latin letters
# Moroccan Arabic in Latin letters (Arabizi) and Ukrainian or Russian in Latin letters are spelled in many
# ways: "kaydrebni", "kaydarbni", "kaydrbni"; "t7at", "ta7et"; "ne khochu zhyty", "ne hochu zhiti". Instead
# of listing spellings, a phrase and the text are both reduced to one key by the same rules, and a concept's
# phrases are also matched on the text's keys. A key keeps every word of the text (an empty key is "_"), so
# word positions, and with them the rules' distances, stay those of the text.

_LATIN_WORD = re.compile("[a-z0-9]+")
_DOUBLED = re.compile(r"(.)\1+")
# Arabizi: digits for the letters Latin lacks, consonant pairs of French and English spelling, doubled
# letters as one, and then the vowels (a, e, i, o, u, ou, oe, ee, and w/y as vowels) left out, as many
# writers do ("ktl", "qtel", "9tel"). The 3 of ayn stays a letter: "bjou3" (of hunger) is not "bjouj" (both).
_ARABIZI_PAIRS = (
    ("kh", "x"), ("5", "x"), ("gh", "g"), ("8", "g"), ("ch", "c"), ("sh", "c"), ("sj", "c"),
    ("dj", "j"), ("7", "h"), ("9", "k"), ("q", "k"), ("6", "t"), ("2", ""),
)  # fmt: skip
_ARABIZI_VOWELS = re.compile("[aeiouyw]")
# Cyrillic written in Latin letters (transliteration by ear, Ukrainian or Russian, with Polish or Czech
# habits): one letter for each sound, and a soft "y" or "j" before a vowel (ya, ye, yu, yi, "byje") left out.
_CYRILLIC_LETTERS = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэёъ"
_LATIN_SOUNDS = "a b v h g d e ye zh z y i yi y k l m n o p r s t u f kh ts ch sh shch - yu ya y e yo -"
_CYRILLIC_LATIN = str.maketrans(
    {letter: sound.strip("-") for letter, sound in zip(_CYRILLIC_LETTERS, _LATIN_SOUNDS.split(), strict=True)}
)


def cyrillic_as_latin(text: str) -> str:
    """Cyrillic letters written as their Latin sounds ("Де Аккерс" -> "de akkers"), lower case; other
    letters as they were: for a Dutch place name written in Cyrillic by ear."""
    return text.lower().translate(_CYRILLIC_LATIN)


_SLAVIC_PAIRS = (
    ("shch", "s"), ("szcz", "s"), ("sch", "s"), ("zh", "z"), ("kh", "h"), ("x", "h"), ("ch", "c"),
    ("cz", "c"), ("sh", "s"), ("sz", "s"), ("ts", "c"), ("tz", "c"), ("g", "h"), ("w", "v"), ("j", "y"),
)  # fmt: skip
_SOFT_Y = re.compile("[yi]+(?=[aeou])")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _replaced(word: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for old, new in pairs:
        word = word.replace(old, new)
    return word


def arabizi_key(word: str) -> str:
    """A Latin word's Arabizi key: "kaydrebni", "kaydarbni" and "kaydrbni" are all "kdrbn"; "t7at" and
    "tahet" are "tht". A word with letters outside a-z and digits has none ("")."""
    if not _LATIN_WORD.fullmatch(word) or word.isdigit():
        return ""
    return _ARABIZI_VOWELS.sub("", _DOUBLED.sub(r"\1", _replaced(word, _ARABIZI_PAIRS)))


def slavic_key(word: str) -> str:
    """A word of Ukrainian or Russian, in Cyrillic or in Latin letters, as one Latin key: "не хочу жити",
    "ne khochu zhyty" and "ne hochu zhiti" all give "ne hocu zihi"... word by word the same key."""
    if _CYRILLIC.search(word):
        word = word.translate(_CYRILLIC_LATIN)
    if not _LATIN_WORD.fullmatch(word) or word.isdigit():
        return ""
    word = _SOFT_Y.sub("", _replaced(word, _SLAVIC_PAIRS)).replace("y", "i")
    return _DOUBLED.sub(r"\1", word)


@dataclass(frozen=True, slots=True)
class Spelling:
    """One way of reducing words to keys (`arabizi_key`, `slavic_key`), for the phrases of some languages
    of the lexicon, and the fewest letters a phrase's key must keep to be matched by key (a short key,
    like "b" for Ukrainian "b'ye", he hits, would meet too many words of other languages)."""

    name: str
    key: Callable[[str], str]
    languages: tuple[str, ...]
    script: re.Pattern[str]  # the phrases it is for: Latin letters (Arabizi) or Cyrillic
    min_letters: int = 5
    _keys: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def word(self, word: str) -> str:
        found = self._keys.get(word)
        if found is None:
            found = self.key(word) or "_"
            if len(self._keys) < 50_000:
                self._keys[word] = found
        return found

    def text(self, words: str) -> str:
        """A text of single-spaced matchable words as keys, one for each word ("_" where there is none)."""
        return " ".join(self.word(word) for word in words.split(" "))

    def phrase(self, phrase: str) -> str | None:
        """A phrase of this spelling's languages as keys (`*` and `...` kept), or None when it is not in
        their script or keeps too few letters to be told from other languages' words."""
        if not self.script.search(phrase):
            return None
        pieces: list[str] = []
        for piece in phrase.split("..."):
            words: list[str] = []
            for raw in piece.split():
                star = "*" if raw.endswith("*") else ""
                for part in matchable(raw.rstrip("*")).split():
                    key = self.key(part)
                    if not key:
                        return None
                    words.append(key)
                if words and star:
                    words[-1] += star
            pieces.append(" ".join(words))
        letters = sum(len(piece.replace(" ", "")) for piece in pieces)
        if letters < self.min_letters or not all(pieces):
            return None
        return " ... ".join(pieces)


SPELLINGS = (
    Spelling("arabizi", arabizi_key, ("ar",), re.compile("[a-z]"), min_letters=5),
    Spelling("slavic", slavic_key, ("uk", "ru"), _CYRILLIC, min_letters=4),
)
