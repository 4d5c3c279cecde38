"""Phrase lexicons matched against a message split into clauses, with the word positions of every hit.

The answer readers (yes/no, options, urgency, invitations) need more than "does the phrase occur":
which came first, which came last (people change their mind), whether a negation stands next to it,
and whether it sits in the same clause as something else. So a message becomes a list of `Token`s
(folded word, clause number) and a lexicon becomes one precompiled regex over the squeezed words.

Squeezing folds runs of one letter ("jaaa", "neeee", "okeee") to one letter on both sides, so a
lexicon lists each word once and stretched spellings still match; phrases may end a word with `*`
("istemiyor*") for any ending.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from flows.understanding import text as t

# Clause boundaries: punctuation, and a few words that start a new thought ("..., dan deze week").
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\n\u060c\u061f]+|\s[-\u2013\u2014]+\s|\.\.\.")
# The breaks between clauses, for readers that look at how a clause ends (a question mark).
CLAUSE_BREAK = _CLAUSE_BREAK
_RUN = re.compile(r"(\w)\1+")
_WORD = re.compile("[^\\W_]+(?:['\u2019-][^\\W_]+)*")


def squeeze(word: str) -> str:
    """A word with every run of one letter kept once: "jaaa" -> "ja", "goed" -> "god" (both sides)."""
    return _RUN.sub(r"\1", word)


@dataclass(frozen=True, slots=True)
class Token:
    word: str  # folded and squeezed
    clause: int
    raw: str  # folded, not squeezed
    original: str = ""  # as typed (for names)


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon phrase found in a message: `kind` is the lexicon's value, words [start, end)."""

    kind: str
    start: int
    end: int
    phrase: str


def tokens(text: str) -> list[Token]:
    """The words of a message in order, each with the number of its clause and its own spelling."""
    found: list[Token] = []
    for number, clause in enumerate(_CLAUSE_BREAK.split(t.without_emoji(text))):
        for match in _WORD.finditer(clause):
            for word in t.words(match.group(0)):
                found.append(Token(squeeze(word), number, word, match.group(0)))
    return found


def clauses(text: str) -> list[str]:
    """The clauses of a message as typed, numbered as `tokens` numbers its words' clauses."""
    return _CLAUSE_BREAK.split(t.without_emoji(text))


# A lone "*" in a phrase: one to three words, none of them a word that starts a new part of the
# sentence ("kan * niet" is "kan ik morgen niet", not "kan helpen maar niet tillen").
_BREAKS = ("maar", "but", "ama", "ale", "але", "and", "en", "want", "dus", "because")
_BREAK_WORDS = "(?:" + "|".join(squeeze(word) for word in _BREAKS) + r")(?!\S)"
_ANY_WORDS = rf"(?!{_BREAK_WORDS})\S+(?: (?!{_BREAK_WORDS})\S+){{0,2}}"


def _phrase_regex(phrase: str) -> str:
    """A phrase as regex over squeezed words: "word*" is any ending, a lone "*" one to three words."""
    marked = re.sub(r"(?<=\w)\*", "qqglue", phrase).replace("*", " qqword ")
    parts: list[str] = []
    for word in t.words(marked):
        if word == "qqword":
            parts.append(_ANY_WORDS)
        elif word.endswith("qqglue"):
            parts.append(re.escape(squeeze(word[: -len("qqglue")])) + r"\w*")
        else:
            parts.append(re.escape(squeeze(word)))
    return " ".join(parts)


class Lexicon:
    """Phrases with a kind each ("ja hoor" -> "yes"); finds the longest phrase at every position.

    Phrases are indexed by their first word, so a message is matched against the few phrases that can
    start at each of its words rather than against one alternation of hundreds (which took
    milliseconds per message); phrases that open with a wildcard are tried everywhere.
    """

    def __init__(self, phrases: Mapping[str, str]) -> None:
        self._by_first: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        self._anywhere: list[tuple[re.Pattern[str], str]] = []
        self._wild: set[re.Pattern[str]] = set()  # the phrases with a lone "*"
        seen: set[str] = set()
        for phrase, kind in phrases.items():
            pattern = _phrase_regex(phrase)
            if not pattern or pattern in seen:
                continue
            seen.add(pattern)
            compiled = re.compile(pattern + r"(?!\S)")
            if _ANY_WORDS in pattern:
                self._wild.add(compiled)
            first = pattern.split(" ", 1)[0]
            if re.fullmatch(r"[^\\\s]+", first):
                self._by_first.setdefault(first, []).append((compiled, kind))
            else:
                self._anywhere.append((compiled, kind))

    def hits(self, found: Sequence[Token]) -> list[Hit]:
        """The longest phrase at each word, left to right, without overlaps."""
        words = [token.word for token in found]
        line = " ".join(words)
        starts: list[int] = []
        offset = 0
        for word in words:
            starts.append(offset)
            offset += len(word) + 1
        result: list[Hit] = []
        index = 0
        while index < len(words):
            best: tuple[int, str] | None = None
            best_wild = False
            for compiled, kind in (*self._by_first.get(words[index], ()), *self._anywhere):
                match = compiled.match(line, starts[index])
                if not match:
                    continue
                # Of two phrases as long, the one written out wins over one with a wildcard: "kan nu
                # niet" (later) over "kan * niet" (no), round 21.
                wild = compiled in self._wild
                if best is not None and (
                    match.end() < best[0] or (match.end() == best[0] and (wild or not best_wild))
                ):
                    continue
                # A phrase stays inside one clause: "kan * niet" is not "kan wel, alleen niet op
                # maandag", "ja nee" (no) is not "ja. nee wacht, morgen pas".
                last = index + line.count(" ", starts[index], match.end())
                if found[last].clause != found[index].clause:
                    continue
                best, best_wild = (match.end(), kind), wild
            if best is None:
                index += 1
                continue
            end = index + line.count(" ", starts[index], best[0]) + 1
            result.append(Hit(best[1], index, end, line[starts[index] : best[0]]))
            index = end
        return result


@cache
def lexicon_of(name: str, table: str, languages: tuple[str, ...] | None = None) -> Lexicon:
    """`data/<name>.toml`'s `[table]`: `{kind: {lang: [phrases]}}` or `{kind: [phrases]}`, as one
    Lexicon; `languages` keeps only those languages (None: all of them)."""
    data = _table(name, table)
    phrases: dict[str, str] = {}
    for kind, entries in data.items():
        for phrase in phrases_of(entries, languages):
            phrases.setdefault(phrase, kind)
    return Lexicon(phrases)


def _table(name: str, path: str) -> Any:
    """A table of a data file by dotted path: `_table("yes_no", "mention.if")`."""
    data: Any = t.lexicon(name)
    for part in path.split("."):
        data = data[part]
    return data


def phrases_of(entries: object, languages: tuple[str, ...] | None) -> Iterable[str]:
    """The phrases of a lexicon entry: a plain list, or lists per language (`all` for every one)."""
    if isinstance(entries, list):
        yield from (str(entry) for entry in entries)
    elif isinstance(entries, dict):
        for lang, listed in entries.items():
            if languages is None or lang in languages or lang == "all":
                yield from (str(entry) for entry in listed)


@cache
def word_set(name: str, table: str) -> frozenset[str]:
    """A flat set of squeezed words from `data/<name>.toml`'s `[table]` (a dotted path; all its lists)."""
    data = _table(name, table)
    found: set[str] = set()
    for entries in data.values() if isinstance(data, dict) else [data]:
        for phrase in phrases_of(entries, None):
            found.update(squeeze(word) for word in t.words(phrase))
    return frozenset(found)


def negated(
    found: Sequence[Token],
    hit: Hit,
    negators: frozenset[str],
    after: int = 0,
    stops: frozenset[str] = frozenset(),
    others: Sequence[Hit] = (),
) -> bool:
    """A negation word just before the hit (one or two words, same clause), or within `after` words
    after it in the same clause and before a `stops` word ("vandaag lukt niet", but not "ik kan helpen
    maar niet tillen"). A negation inside one of the `others` hits belongs to that hit ("sure why not")."""
    clause = found[hit.start].clause
    taken = {index for other in others if other != hit for index in range(other.start, other.end)}
    for index in range(max(0, hit.start - 2), hit.start):
        if found[index].word in negators and found[index].clause == clause and index not in taken:
            return True
    for index in range(hit.end, min(len(found), hit.end + after)):
        if found[index].clause != clause or found[index].word in stops:
            break
        if index in taken:
            continue
        if found[index].word in negators:
            return True
    return False
