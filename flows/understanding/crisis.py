"""Crisis in every language: 113 (suicidal thoughts, self-harm), 112 (a fall without getting up,
someone not responding, chest pain, heavy bleeding, danger from a stranger), Veilig Thuis (violence or
threats at home).

Why concepts and rules instead of sentences: people in a crisis do not write our phrases. A rule says
which concepts must meet in one message ("a fall" + "cannot get up"; "a wish" + "death"; "a person at
home" + "hits"), optionally within a few words of each other, so "ben uitgegleden in de douche en kom
niet meer omhoog" is caught without being listed. Every language's lexicon runs on every message,
whatever the conversation's language: people switch language in a crisis. Idioms that look like a
crisis ("ik ga dood van het lachen", "dying to") are removed first. Moroccan Arabic in Latin letters and
Ukrainian or Russian phrases are also matched on spelling keys (`crisis_phrases.Spelling`), so "kaydarbni"
meets "kaydrebni" and "cholovik" meets "чоловік" without lists of spellings. A concept is only matched when a
rule asks for it. All words live in `data/crisis.toml`; this module is the engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain
from typing import Any, Protocol

from rapidfuzz import fuzz

from flows.understanding.crisis_phrases import (
    SPELLINGS,
    PhraseSet,
    Spelling,
    fillers_of,
    matchable,
    matchable_folded,
    phrase_set,
    present_words,
)
from flows.understanding.text import fold, lexicon, without_emoji

KINDS = ("113", "112", "veilig_thuis")
# When a message matches several kinds, the most urgent number answers first (the Veilig Thuis reply
# also gives 112), but see `_answering`: violence at home with 112 alone is answered by Veilig Thuis.
PRIORITY = ("112", "113", "veilig_thuis")
Span = tuple[int, int]
# A word's sentence and comma clause (0, 1, ...), kept through the taking out of idioms.
_Place = tuple[int, int]
# Clause ends, for phrases that must be a whole clause ("ik wil niet meer.").
_CLAUSE_END = re.compile(r"[.!?;,:\n()]+|\s-\s")
# Sentence ends: a guard (`unless`) only cancels a rule when it stands in a sentence the rule's match
# touches ("wat heeft het nog voor zin. ik wil naar Henk, hij ligt op het kerkhof": the grave is no visit
# for the first sentence's despair).
_SENTENCE_END = re.compile(r"[.!?;\n]+")
# "dooood", "heeeelp": three or more of one letter are read as two.
_REPEATS = re.compile(r"(\w)\1{2,}")
# A typed word is read as a lexicon word when this close (rapidfuzz ratio) and at least this long.
_TYPO_CUTOFF = 88.0
_TYPO_MIN_LENGTH = 6
# The numbers of a question's options, which an answer may open with ("3 hij slaat").
_OPTIONS = frozenset("123456789")
# An `unless_near` guard speaks for the match when it shares a word with it, or stands this many words or
# fewer from it in the same comma clause.
_NEAR = 2


@dataclass(frozen=True, slots=True)
class Rule:
    """Concepts that must all occur in one message (within `within` words of each other when set),
    and none of `unless`; `gives` is a crisis kind or the name of a derived concept."""

    gives: str
    all: tuple[str, ...]
    unless: tuple[str, ...] = ()
    within: int | None = None
    ordered: bool = False
    needs: frozenset[str] = frozenset()  # `all` as a set, for a quick test
    # Guards that speak only for the words of the match itself, not for their sentence: "hij rookt" calms
    # "hij rookt iets in de keuken", not "hij rookt binnen en er rookt iets in de meterkast".
    unless_overlapping: tuple[str, ...] = ()
    # Guards that speak only for the match and the words right by it in its comma clause (`_NEAR`), round
    # crisis25: "de sleutels liggen onderaan de trap" is a thing, "mijn moeder ligt onderaan de trap en ik heb
    # geen sleutel" is not; "de buurman slaat me" is no one at home, "mijn buurvrouw zegt dat haar zoon haar
    # slaat" is.
    unless_near: tuple[str, ...] = ()
    # What the rule says beyond its number (round crisis21: "missing" for a vulnerable person gone, "carer"
    # for a carer afraid to harm or who harmed the one cared for): the conversation answers and alerts
    # with it (`answering_mark`). "" for most rules.
    mark: str = ""


class _Index(Protocol):
    """Concepts and the words their phrases may begin with: the lexicon's own, or a spelling's keys."""

    @property
    def concepts(self) -> Mapping[str, PhraseSet]: ...
    @property
    def heads(self) -> Mapping[str, tuple[str, ...]]: ...
    @property
    def head_prefixes(self) -> tuple[tuple[str, tuple[str, ...]], ...]: ...
    @property
    def prefix_words(self) -> tuple[str, ...]: ...
    @property
    def fillers(self) -> frozenset[str]: ...
    @property
    def starting(self) -> dict[str, tuple[str, ...]]: ...


@dataclass(frozen=True, slots=True)
class Spelled:
    """The concepts' phrases of some languages as a spelling's keys (`crisis_phrases.Spelling`): matched on
    the text's keys, so "kaydarbni" meets "kaydrebni" and "cholovik" meets "чоловік"."""

    spelling: Spelling
    concepts: Mapping[str, PhraseSet]
    idioms: PhraseSet
    heads: Mapping[str, tuple[str, ...]]
    head_prefixes: tuple[tuple[str, tuple[str, ...]], ...]
    prefix_words: tuple[str, ...] = ()
    fillers: frozenset[str] = frozenset()
    starting: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    # Keys are short ("ana" is "n", like Dutch "en"), so many words may begin a phrase: a concept is only
    # looked for when the text holds the longest key of one of its phrases (its anchor), or a word that
    # begins with it when that is a word rest ("kthr*"). "" stands for the idioms.
    anchors: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    stem_anchors: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    stems: tuple[str, ...] = ()  # the keys of `stem_anchors`, for one quick test

    def candidates(self, keys: frozenset[str]) -> frozenset[str]:
        """The concepts (and "" for the idioms) that may occur in a text with these keys."""
        found: set[str] = set()
        for key in keys:
            found.update(self.anchors.get(key, ()))
            if self.stems and key.startswith(self.stems):
                for stem in self.stems:
                    if key.startswith(stem):
                        found.update(self.stem_anchors[stem])
        return frozenset(found)


@dataclass(frozen=True, slots=True)
class Lexicon:
    idioms: PhraseSet
    concepts: Mapping[str, PhraseSet]
    rules: tuple[Rule, ...]
    # Concepts that count only when they make up a whole clause ("ik wil niet meer.").
    alone: Mapping[str, PhraseSet]
    # Long words worth recognising despite a typo ("zelfmoort"), by first letter.
    typos: Mapping[str, tuple[str, ...]]
    # Which concepts a word may start (by the first word of their phrases, or its start for `*`):
    # a concept's regex is only tried where one of its phrases can begin.
    heads: Mapping[str, tuple[str, ...]]
    head_prefixes: tuple[tuple[str, tuple[str, ...]], ...]
    # The prefixes of `head_prefixes` alone, for one quick test.
    prefix_words: tuple[str, ...] = ()
    # Words that change nothing (`[fillers]`): they may stand inside phrases and do not count in `within`.
    fillers: frozenset[str] = frozenset()
    # Per word seen, the concepts it may start (in the order `heads`, then `head_prefixes`, give them).
    starting: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    # The concepts again as keys of the spellings written in many ways (Arabizi, Cyrillic in Latin letters).
    spelled: tuple[Spelled, ...] = ()
    # Words that undo an idiom when they follow it: "rather be dead than go" is a look-alike before "to the
    # dentist", not before "on like this" (`[idioms_undone]`).
    idioms_undone: PhraseSet = field(default_factory=lambda: phrase_set(()))
    # Main clauses in the order Dutch puts them after a fronted subordinate clause ("als hij gaat | hoef ik
    # niet meer"), per `alone` concept: whole clauses only after such a clause (`[alone_after_clause]`).
    inverted: Mapping[str, PhraseSet] = field(default_factory=dict)
    # How a subordinate clause opens: a subordinator and its subject ("als hij", "when she", "nu mijn").
    clause_openers: frozenset[tuple[str, str]] = frozenset()
    # Words that make a subordinate clause a condition for an outing ("als het regent"): no main clause
    # is read after it.
    not_after: PhraseSet = field(default_factory=lambda: phrase_set(()))
    # Concepts that count when they end a clause ("ik stuur dit nog even voor ik ga.", not "voor ik ga
    # winkelen"), as `alone` ones at no word position (`[clause_end]`).
    clause_end: Mapping[str, PhraseSet] = field(default_factory=dict)
    # Words that turn a sentence against what came before ("maar", "but"; `[turns]`): a guard before the
    # turn does not speak for a match wholly after it ("de kaarsen zijn uit maar er komt rook uit het
    # stopcontact").
    turns: frozenset[str] = frozenset()
    # Guards that name who or what the sentence is about (a pet, a film): a pronoun after the turn still means
    # them ("onze kat is lief maar ze krabt me"), unless a person is named after the turn (`turn_persons`).
    turn_across: frozenset[str] = frozenset()
    turn_persons: tuple[str, ...] = ()
    # Guards said of the whole event (a time, an outcome): they speak across a turn inside the match.
    turn_whole: frozenset[str] = frozenset()
    # Idioms that leave a concept where they stood (`[idiom_marks]`): "sinds haar beroerte" is taken out so
    # that "beroerte" reads no stroke, but it still says the trouble lasts since then (`since_illness`).
    idiom_marks: Mapping[str, PhraseSet] = field(default_factory=dict)
    # Words that turn a sentence when they open a comma clause ("vorig jaar had ik een nieuwe heup, nu ben
    # ik gevallen": `[clause_turns]`): a time that says "now" against what the clause before told.
    clause_turns: frozenset[str] = frozenset()
    # Guards that speak only for their own clause when they stand before the match (`[clause_guards]`, round
    # crisis25), and the words that open a new clause (`[clause_joins]`; a comma clause opens one as well):
    # "mijn telefoon doet raar en mijn vrouw ademt niet meer" is not calmed by the phone.
    clause_guards: frozenset[str] = frozenset()
    clause_joins: frozenset[str] = frozenset()
    # Every plain word of the concepts' phrases, the Dutch words of a crisis' parts (what a word may be
    # mended into), and the short words older writers glue to them (`[glued]`): "mijnman slaatme" is read as
    # "mijn man slaat me", "bloet" as "bloed" (`_mended`).
    vocabulary: frozenset[str] = frozenset()
    mend_into: frozenset[str] = frozenset()
    glued_heads: tuple[str, ...] = ()
    glued_tails: tuple[str, ...] = ()
    # Spellings of the spoken word (`[sound_spellings]`): an ending or a letter group written as it sounds,
    # and what is meant ("gevalle" -> "gevallen", "slaad" -> "slaat", "lugt" -> "lucht").
    # A question about what to do when anyone says something (`[training_questions]`): no rule reads it.
    training_questions: PhraseSet | None = None
    # Asking how to recognise an emergency (`[training_about]`), a question for a course only with a word of
    # learning beside it (`[training_context]`).
    training_about: PhraseSet | None = None
    training_context: PhraseSet | None = None
    sms_words: tuple[tuple[str, str], ...] = ()
    sound_endings: tuple[tuple[str, str], ...] = ()
    sound_inner: tuple[tuple[str, str], ...] = ()
    sound_second: tuple[tuple[str, str], ...] = ()
    # Emoji that name a crisis' thing, read as their word ("💊💊💊 allemaal ingenomen": `[emoji_words]`).
    emoji_words: Mapping[str, str] = field(default_factory=dict)


def _flatten(entry: Any) -> list[str]:
    """A concept's words: a list, or a table of lists per language (all languages run together)."""
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, Mapping):
        return [word for value in entry.values() for word in _flatten(value)]
    return [word for value in entry for word in _flatten(value)]


def _of_languages(entry: Any, languages: tuple[str, ...]) -> list[str]:
    """A concept's words in some languages (a plain list belongs to none)."""
    if not isinstance(entry, Mapping):
        return []
    return [word for lang in languages for word in _flatten(entry.get(lang, []))]


def _heads_of(concepts: Mapping[str, PhraseSet]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    heads: dict[str, list[str]] = {}
    prefixes: dict[str, list[str]] = {}
    for name, phrases in concepts.items():
        for head in phrases.heads:
            heads.setdefault(head, []).append(name)
        for prefix in phrases.head_prefixes:
            prefixes.setdefault(prefix, []).append(name)
    return heads, prefixes


def _spelled(spelling: Spelling, data: Mapping[str, Any]) -> Spelled:
    """The concepts and idioms of a spelling's languages, as its keys."""

    shared = set(data.get("spellings", {}).get("shared_keys", {}).get(spelling.name, ()))

    def keyed(entry: Any) -> list[str]:
        found = (spelling.phrase(phrase) for phrase in _of_languages(entry, spelling.languages))
        return [phrase for phrase in found if phrase and phrase not in shared]

    listed = {name: keyed(entry) for name, entry in data.get("concepts", {}).items()}
    listed = {name: phrases for name, phrases in listed.items() if phrases}
    listed[""] = keyed(data.get("idioms", {}))
    anchors: dict[str, set[str]] = {}
    stems: dict[str, set[str]] = {}
    for name, phrases in listed.items():
        for phrase in phrases:
            anchor = max((word for word in phrase.split() if word != "..."), key=lambda w: len(w.rstrip("*")))
            if anchor.endswith("*"):
                stems.setdefault(anchor.rstrip("*"), set()).add(name)
            else:
                anchors.setdefault(anchor, set()).add(name)
    idioms = phrase_set(listed.pop(""))
    concepts = {name: phrase_set(phrases) for name, phrases in listed.items()}
    heads, prefixes = _heads_of(concepts)
    return Spelled(
        spelling=spelling,
        concepts=concepts,
        idioms=idioms,
        heads={head: tuple(names) for head, names in heads.items()},
        head_prefixes=tuple((prefix, tuple(names)) for prefix, names in sorted(prefixes.items())),
        prefix_words=tuple(sorted(prefixes)),
        anchors={anchor: tuple(sorted(names)) for anchor, names in anchors.items()},
        stem_anchors={stem: tuple(sorted(names)) for stem, names in stems.items()},
        stems=tuple(sorted(stems)),
    )


@cache
def lexicon_of_crisis() -> Lexicon:
    data = lexicon("crisis")
    fillers = _flatten(data.get("fillers", {}))
    concepts = {
        name: phrase_set(_flatten(entry), fillers) for name, entry in data.get("concepts", {}).items()
    }
    rules = tuple(
        Rule(
            gives=str(rule["gives"]),
            all=tuple(rule["all"]),
            unless=tuple(rule.get("unless", ())),
            within=rule.get("within"),
            ordered=bool(rule.get("ordered", False)),
            needs=frozenset(rule["all"]),
            unless_overlapping=tuple(rule.get("unless_overlapping", ())),
            unless_near=tuple(rule.get("unless_near", ())),
            mark=str(rule.get("mark", "")),
        )
        for rule in data.get("rules", ())
    )
    known = set(concepts) | set(data.get("alone", {})) | set(data.get("clause_end", {}))
    known |= set(data.get("idiom_marks", {}))
    known |= {rule.gives for rule in rules}
    for rule in rules:
        missing = {*rule.all, *rule.unless, *rule.unless_overlapping, *rule.unless_near} - known
        if missing:
            raise ValueError(f"crisis.toml: rule for {rule.gives} uses unknown concepts {sorted(missing)}")
    idioms = phrase_set(_flatten(data.get("idioms", [])), fillers)
    idioms_undone = phrase_set(_flatten(data.get("idioms_undone", [])), fillers)
    after_clause = data.get("alone_after_clause", {})
    inverted = {
        name: phrase_set(_flatten(entry), fillers) for name, entry in after_clause.get("inverted", {}).items()
    }
    openers = frozenset(
        (matchable(first), matchable(second))
        for first in _flatten(after_clause.get("subordinators", []))
        for second in _flatten(after_clause.get("subjects", []))
    )
    alone = {name: phrase_set(_flatten(entry), fillers) for name, entry in data.get("alone", {}).items()}
    typos: dict[str, list[str]] = {}
    for word in {matchable_folded(fold(w)) for w in _flatten(data.get("typos", {}).get("words", []))}:
        typos.setdefault(word[0], []).append(word)
    heads, prefixes = _heads_of(concepts)
    return Lexicon(
        idioms=idioms,
        concepts=concepts,
        rules=rules,
        alone=alone,
        typos={first: tuple(sorted(words)) for first, words in typos.items()},
        heads={head: tuple(names) for head, names in heads.items()},
        head_prefixes=tuple((prefix, tuple(names)) for prefix, names in sorted(prefixes.items())),
        prefix_words=tuple(sorted(prefixes)),
        fillers=frozenset(fillers_of(tuple(fillers)).marks),  # the words phrase sets skip, one by one
        spelled=tuple(_spelled(spelling, data) for spelling in SPELLINGS),
        idioms_undone=idioms_undone,
        inverted=inverted,
        clause_openers=openers,
        not_after=phrase_set(_flatten(after_clause.get("not_after", []))),
        clause_end={
            name: phrase_set(_flatten(entry), fillers) for name, entry in data.get("clause_end", {}).items()
        },
        turns=frozenset(matchable(word) for word in _flatten(data.get("turns", []))),
        turn_across=frozenset(data.get("turn_guards", {}).get("across", ())),
        turn_persons=tuple(data.get("turn_guards", {}).get("persons", ())),
        turn_whole=frozenset(data.get("turn_guards", {}).get("whole", ())),
        idiom_marks={
            name: phrase_set(_flatten(entry), fillers) for name, entry in data.get("idiom_marks", {}).items()
        },
        clause_turns=frozenset(matchable(word) for word in _flatten(data.get("clause_turns", []))),
        clause_guards=frozenset(data.get("clause_guards", {}).get("names", ())),
        clause_joins=frozenset(matchable(word) for word in _flatten(data.get("clause_joins", []))),
        vocabulary=_vocabulary(data),
        mend_into=_vocabulary(data, ("nl",), parts=True),
        glued_heads=tuple(data.get("glued", {}).get("heads", ())),
        glued_tails=tuple(data.get("glued", {}).get("tails", ())),
        training_questions=phrase_set(_flatten(data.get("training_questions", {})), fillers),
        training_about=phrase_set(_flatten(data.get("training_about", {})), fillers),
        training_context=phrase_set(_flatten(data.get("training_context", {})), fillers),
        sms_words=tuple((str(a), str(b)) for a, b in data.get("sms_words", {}).get("pairs", ())),
        sound_endings=tuple((str(a), str(b)) for a, b in data.get("sound_spellings", {}).get("endings", ())),
        sound_second=tuple(
            (str(a), str(b)) for a, b in data.get("sound_spellings", {}).get("second_reading", ())
        ),
        sound_inner=tuple((str(a), str(b)) for a, b in data.get("sound_spellings", {}).get("inner", ())),
        emoji_words=dict(data.get("emoji_words", {})),
    )


def _vocabulary(
    data: Mapping[str, Any], languages: tuple[str, ...] = (), parts: bool = False
) -> frozenset[str]:
    """The whole words (no word rests) of the concepts' and clauses' phrases, of `languages` (all when
    empty), of the concepts a rule needs (`parts`; not the guards) or of all. `_mended` never changes a
    word of any phrase, and mends a word only into a Dutch word of a crisis' parts: with English words
    "warme" would split into "war me", and with the guards' words "liet" would become the song "lied"."""
    needed = {name for rule in data.get("rules", ()) for name in rule["all"]}
    entries = [
        (name, entry)
        for table in ("concepts", "alone", "clause_end")
        for name, entry in data.get(table, {}).items()
        if not parts or name in needed
    ]
    phrases = [
        phrase
        for _, entry in entries
        for phrase in (_of_languages(entry, languages) if languages else _flatten(entry))
    ]
    return frozenset(
        word
        for phrase in phrases
        if not phrase.endswith("*")
        for word in matchable(phrase).split()
        if word.isascii() and word.isalpha() and len(word) > 2
    )


def _positions(words: str, fillers: frozenset[str]) -> list[int]:
    """Each word's position counting only the words that are no filler."""
    position: list[int] = []
    counted = 0
    for token in words.split(" "):
        position.append(counted)
        counted += token not in fillers
    return position


def _starts(words: str, found_lexicon: _Index) -> dict[str, list[tuple[int, int]]]:
    """Per concept, the words (index, character offset) where one of its phrases may begin."""
    starts: dict[str, list[tuple[int, int]]] = {}
    offset = 0
    for index, token in enumerate(words.split(" ")):
        for name in _starting(token, found_lexicon):
            places = starts.setdefault(name, [])
            if not places or places[-1][0] != index:
                places.append((index, offset))
        offset += len(token) + 1
    return starts


def _matches(
    name: str,
    words: str,
    tokens: list[str],
    places: list[tuple[int, int]],
    found_lexicon: _Index,
    position: list[int],
) -> list[Span]:
    """Where concept `name` occurs, trying its phrases at the words where they may begin."""
    phrases = found_lexicon.concepts[name]
    found: list[Span] = []
    if phrases.empty:
        return found
    for index, start in places:
        match = phrases.match_at(words, start, tokens[index])
        if match:
            last = index + match.group().count(" ")
            found.append((position[index], position[last]))
    return found


def _concepts_in(
    words: str,
    found_lexicon: _Index,
    position: list[int] | None = None,
    allowed: frozenset[str] | None = None,
) -> dict[str, list[Span]]:
    """Where each concept occurs, in word positions (first word, last word) that count only the words
    that are no filler: "wil echt gewoon niet meer leven" is as close as "wil niet meer leven". Each
    concept's regex is tried only at the words where one of its phrases may begin. `position` gives the
    positions when `words` are keys of another text's words (`Spelled`); only the `allowed` concepts are
    looked for when it is given."""
    tokens = words.split(" ")
    if position is None:
        position = _positions(words, found_lexicon.fillers)
    present: dict[str, list[Span]] = {}
    for name, places in _starts(words, found_lexicon).items():
        if allowed is not None and name not in allowed:
            continue
        found = _matches(name, words, tokens, places, found_lexicon, position)
        if found:
            present[name] = found
    return present


class _Found:
    """The concepts of one message, each looked for only when a rule asks for it: most rules lack a
    concept whose phrases cannot even begin in the message, and are passed over without a regex."""

    __slots__ = (
        "_lexicon",
        "_matched",
        "_position",
        "_starts",
        "_tokens",
        "_words",
        "added",
        "alone",
        "available",
        "loose",
    )

    def __init__(self, words: str, found_lexicon: Lexicon, alone: dict[str, list[Span]]) -> None:
        self._words = words
        self._lexicon = found_lexicon
        self._tokens = words.split(" ")
        self._position = _positions(words, found_lexicon.fillers)
        self._starts = _starts(words, found_lexicon)
        self._matched: dict[str, list[Span]] = {}
        self.alone = alone
        # Concepts found on the spellings' keys, and those the rules derive (`add`).
        self.added: dict[str, list[Span]] = {}
        # The concepts that may occur: their phrases can begin somewhere, or they were found otherwise.
        self.available = set(self._starts) | set(alone)
        # The concepts found as whole clauses, and those derived from them: at no word position.
        self.loose = set(alone)

    @property
    def position(self) -> list[int]:
        return self._position

    def add(self, name: str, spans: list[Span]) -> None:
        self.added.setdefault(name, []).extend(spans)
        self.available.add(name)

    def spans(self, name: str) -> list[Span]:
        matched = self._matched.get(name)
        if matched is None:
            places = self._starts.get(name)
            matched = (
                _matches(name, self._words, self._tokens, places, self._lexicon, self._position)
                if places
                else []
            )
            self._matched[name] = matched
        added = self.added.get(name)
        if not added:
            return matched or self.alone.get(name, [])
        return (matched or self.alone.get(name, [])) + added


def _starting(token: str, found_lexicon: _Index) -> tuple[str, ...]:
    """The concepts whose phrases may begin at this word, worked out once per word."""
    known = found_lexicon.starting.get(token)
    if known is not None:
        return known
    names: list[str] = []
    prefixes = found_lexicon.prefix_words
    forms = [token]
    if len(token) > 2 and token[0] in "\u0648\u0641":  # Arabic "and"/"so" joined to the word
        forms.append(token[1:])
    for form in forms:
        names.extend(found_lexicon.heads.get(form, ()))
        if prefixes and form.startswith(prefixes):
            for prefix, found in found_lexicon.head_prefixes:
                if form.startswith(prefix):
                    names.extend(found)
    result = tuple(names)
    if len(found_lexicon.starting) < 50_000:
        found_lexicon.starting[token] = result
    return result


def _combine(spans: Sequence[list[Span]], within: int | None, ordered: bool) -> Span | None:
    """The tightest way the concepts meet (in the rule's order when `ordered`), or None when they do
    not meet within `within` words.

    One pass over the occurrences in word order: a meeting that ends at an occurrence is tightest with
    the latest earlier occurrence of every other concept. Linear in the number of occurrences, so a
    long letter with many "niet" stays fast."""
    events = sorted((span, concept) for concept, found in enumerate(spans) for span in found)
    last = len(spans) - 1
    latest: list[Span | None] = [None] * len(spans)
    # For `ordered`: where the chain of concepts 0..k that ends at latest[k] starts.
    chain: list[int | None] = [None] * len(spans)
    best: Span | None = None
    for span, concept in events:
        candidate: Span | None = None
        if not ordered:
            latest[concept] = span
            if all(found is not None for found in latest):
                known = [found for found in latest if found is not None]
                candidate = (min(s for s, _ in known), max(e for _, e in known))
        elif concept == 0:
            latest[0], chain[0] = span, span[0]
        else:
            before, start = latest[concept - 1], chain[concept - 1]
            if before is None or start is None or before[0] >= span[0]:
                continue
            latest[concept], chain[concept] = span, start
            if concept == last:
                candidate = (start, span[1])
        if candidate and (best is None or candidate[1] - candidate[0] < best[1] - best[0]):
            best = candidate
    if best is None or (within is not None and best[1] - best[0] > within):
        return None
    return best


def _corrected(words: str, typos: Mapping[str, tuple[str, ...]]) -> str:
    """Words with their typos in lexicon words mended: "zelfmoort" -> "zelfmoord"."""
    mended: list[str] = []
    for word in words.split():
        if len(word) >= _TYPO_MIN_LENGTH:
            candidates = typos.get(word[0], ())
            if word not in candidates:
                for candidate in candidates:
                    close = abs(len(candidate) - len(word)) <= 2
                    if close and fuzz.ratio(word, candidate) >= _TYPO_CUTOFF:
                        word = candidate
                        break
        mended.append(word)
    return " ".join(mended)


# A word of Latin letters in folded text, for `_mended`. Folding keeps the Polish "ł": it belongs to the word
# (round crisis23: "niedługo" was cut at it and its "nied" mended into Dutch "niet").
_LATIN_RUN = re.compile(r"[a-zł]+")
# A word glued before a short one keeps at least this many letters ("slaatme"; not "warme", "komme"), unless
# what is glued is as long ("kanniet").
_GLUED_FRONT = 4
# The longest word whose final "t" may stand for "d" ("bloet", "hooft").
_SOUND_SPELLED_LENGTH = 6
# A vowel spoken between "r"/"l" and the last consonant ("ereg", "hellep", "sterrek"): erg, help, sterk.
_SPOKEN_VOWEL = re.compile(r"([rl])\1?[eu]([gkmpf])$")


def _mended(folded: str, found_lexicon: Lexicon) -> str:
    """Words as older writers send them by SMS, mended when no phrase of any language has the word and the
    result is a Dutch word of a crisis' parts (`Lexicon.mend_into`): a short word glued to such a word
    ("mijnman" -> "mijn man", "slaatme" -> "slaat me"; `[glued]`), a final "t" written for "d"/"dt" ("bloet"
    -> "bloed", "hooft" -> "hoofd") and a vowel spoken between "r"/"l" and the last consonant ("ereg" ->
    "erg"); round 18: words written as spoken (`_as_spoken`), SMS pairs ("k wil", `_sms_words`) and
    compounds split in two (`_split_compounds_joined`)."""
    if not found_lexicon.vocabulary:
        return folded
    known, known_parts = found_lexicon.vocabulary, found_lexicon.mend_into

    def mend(found: re.Match[str]) -> str:
        word = found.group()
        if word in known or len(word) < 4:
            return word
        for head in found_lexicon.glued_heads:
            if word.startswith(head) and word[len(head) :] in known_parts:
                return f"{head} {word[len(head) :]}"
        for tail in found_lexicon.glued_tails:
            front = word[: -len(tail)]
            long_enough = len(front) >= (_GLUED_FRONT if len(tail) < _GLUED_FRONT else 3)
            if word.endswith(tail) and long_enough and front in known_parts:
                return f"{front} {tail}"
        # Short words only: a longer one is a verb's own "t" more often ("hij verzorgt", not "verzorgd").
        if word.endswith("t") and len(word) <= _SOUND_SPELLED_LENGTH:
            for ending in ("d", "dt"):
                if word[:-1] + ending in known_parts:
                    return word[:-1] + ending
        spoken = _SPOKEN_VOWEL.sub(r"\1\2", word)
        if spoken != word and spoken in known_parts:
            return spoken
        return _as_spoken(word, found_lexicon)

    mended = _LATIN_RUN.sub(mend, _sms_words(folded, found_lexicon))
    return _split_compounds_joined(mended, found_lexicon)


# The shortest compound of `[typos]` that a dictated or typed split may be joined back into.
_COMPOUND_MIN_LENGTH = 9
# The shortest half of such a split ("zelf moord", "hart aanval").
_COMPOUND_PART_LENGTH = 4


def _sms_words(folded: str, found_lexicon: Lexicon) -> str:
    """Short SMS forms of a word pair written out (`[sms_words]`): "k wil" -> "ik wil", "nie meer" ->
    "niet meer". Pairs, not single words: "nie" alone is Polish, "k" alone a letter."""
    for written, meant in found_lexicon.sms_words:
        if written in folded:
            folded = re.sub(rf"(?<!\w){re.escape(written)}(?!\w)", meant, folded)
    return folded


def _compound_part(word: str) -> bool:
    """A word that may be half of a split compound: letters only, and not a short word of grammar ("is",
    "en", "op": "is gebroken" is no compound)."""
    return word.isalpha() and len(word) >= _COMPOUND_PART_LENGTH


def _split_compounds_joined(folded: str, found_lexicon: Lexicon) -> str:
    """A crisis compound that dictation or typing split in two ("flauw gevalle", "hart aanval", "slaap
    pillen") joined again when the two words together are close to a word of `[typos]` (as `_corrected`
    mends one word) and neither is one alone."""
    tokens = folded.split(" ")
    out: list[str] = []
    index = 0
    while index < len(tokens):
        word = tokens[index]
        if index + 1 < len(tokens) and _compound_part(word) and _compound_part(tokens[index + 1]):
            joined = word + tokens[index + 1]
            candidates = found_lexicon.typos.get(joined[0], ())
            for candidate in candidates:
                if (
                    len(candidate) >= _COMPOUND_MIN_LENGTH
                    and abs(len(candidate) - len(joined)) <= 2
                    and fuzz.ratio(joined, candidate) >= _TYPO_CUTOFF
                    and word not in candidates
                    and tokens[index + 1] not in candidates
                ):
                    out.append(joined)
                    index += 2
                    break
            else:
                out.append(word)
                index += 1
            continue
        out.append(word)
        index += 1
    return " ".join(out)


def _as_spoken(word: str, found_lexicon: Lexicon) -> str:
    """`word` as meant when it is written as spoken (`[sound_spellings]`): a final "n" not written
    ("gevalle", "genome", "pille"), a final "d" for "t" ("slaad", "reageerd"), "rre" for "rden" ("worre"),
    "ts" for "st" ("borts"), "se" for "ce" ("ambulanse"), "gt" for "cht" ("lugt"), "sh" for "sch"
    ("sheef"). Only into a Dutch word of a crisis' parts, as `_mended`'s other rules."""
    for written, meant in found_lexicon.sound_endings:
        if word.endswith(written) and len(word) > len(written) + 1:
            candidate = word[: -len(written)] + meant
            if candidate in found_lexicon.mend_into:
                return candidate
    for written, meant in found_lexicon.sound_inner:
        candidate = word.replace(written, meant)
        if candidate != word and candidate in found_lexicon.mend_into:
            return candidate
    return word


def _alone(folded: str, found_lexicon: Lexicon, in_message: frozenset[str]) -> dict[str, list[Span]]:
    """The `alone` concepts that make up a whole clause of the message (at no word position): a clause
    between punctuation, or the main clause that ends a clause opened by a subordinate one ("als hij
    straks naar het verpleeghuis gaat hoef ik ook niet meer", with or without a comma between)."""
    present: dict[str, list[Span]] = {}
    candidates = {
        name: phrases
        for name, phrases in found_lexicon.alone.items()
        if not phrases.empty and phrases.may_occur(in_message)
    }
    inverted = {
        name: phrases
        for name, phrases in found_lexicon.inverted.items()
        if not phrases.empty and phrases.may_occur(in_message)
    }
    endings = {
        name: phrases
        for name, phrases in found_lexicon.clause_end.items()
        if not phrases.empty and phrases.may_occur(in_message)
    }
    if not candidates and not inverted and not endings:
        return present
    openers = found_lexicon.clause_openers
    for sentence in _SENTENCE_END.split(folded):
        after_subordinate = False
        for piece in _CLAUSE_END.split(sentence):
            clause = _REPEATS.sub(r"\1\1", matchable_folded(piece))
            tokens = clause.split(" ")
            # An answer may open with the option's number ("3 hij slaat" to the check-in): the clause after it
            # is whole as well.
            wholes = [clause, " ".join(tokens[1:])] if len(tokens) > 1 and tokens[0] in _OPTIONS else [clause]
            for name, phrases in candidates.items():
                if any(phrases.fullmatch(whole) for whole in wholes):
                    present[name] = [(0, 0)]
            if after_subordinate:
                for name, phrases in inverted.items():
                    if phrases.fullmatch(clause):
                        present[name] = [(0, 0)]
            for start in range(len(tokens)) if endings else ():
                rest = " ".join(tokens[start:])
                for name, phrases in endings.items():
                    if phrases.fullmatch(rest):
                        present[name] = [(0, 0)]
            opens = (
                len(tokens) > 2
                and (tokens[0], tokens[1]) in openers
                and not _holds(found_lexicon.not_after, clause)
            )
            if opens:
                # The main clause may follow in the same piece: try each ending after the opener's verb.
                for start in range(3, len(tokens)):
                    rest = " ".join(tokens[start:])
                    for name, phrases in (*candidates.items(), *inverted.items()):
                        if phrases.fullmatch(rest):
                            present[name] = [(0, 0)]
            after_subordinate = opens
    return present


def _sentences(folded: str, count: int) -> list[int]:
    """The sentence (0, 1, ...) of each of the message's `count` matchable words; all 0 when the pieces
    do not add up to the words (a word the splitting would cut)."""
    sentence_of: list[int] = []
    for index, piece in enumerate(_SENTENCE_END.split(folded)):
        sentence_of.extend([index] * len(matchable_folded(piece).split()))
    return sentence_of if len(sentence_of) == count else [0] * count


def _places(folded: str, count: int) -> list[_Place]:
    """The sentence and the comma clause of each of the message's `count` matchable words (`_sentences`;
    the clauses all 0 when they do not add up to the words)."""
    clause_of: list[int] = []
    for index, piece in enumerate(_CLAUSE_END.split(folded)):
        clause_of.extend([index] * len(matchable_folded(piece).split()))
    if len(clause_of) != count:
        clause_of = [0] * count
    return list(zip(_sentences(folded, count), clause_of, strict=True))


def _clause_turns(
    words: str, position: list[int], places: list[_Place], turn_words: frozenset[str]
) -> list[int]:
    """The word positions of a "now" that opens a comma clause of a sentence (`[clause_turns]`): "vorig jaar
    had ik een nieuwe heup, nu ben ik gevallen" turns as "maar" does. A clause's first word only, and not a
    sentence's: guards speak for their own sentence anyway."""
    if not turn_words:
        return []
    found: list[int] = []
    previous: _Place | None = None
    for token, place, at in zip(words.split(" "), position, places, strict=True):
        opens = previous is not None and at[0] == previous[0] and at[1] != previous[1]
        if opens and token in turn_words:
            found.append(place)
        previous = at
    return found


def _without_idioms(
    words: str,
    idioms: PhraseSet,
    undone: PhraseSet,
    sentence_of: list[_Place],
    marks: Mapping[str, PhraseSet] | None = None,
) -> tuple[str, list[_Place], dict[str, list[int]]]:
    """`idioms.without(words)`, keeping each word's sentence and clause: the idioms' words go, leftmost
    first, unless the words right after an idiom undo it ("rather be dead than go" + "on like this"). An
    idiom of `marks` leaves its concept at the index of the word after it (the last word when it ends the
    message)."""
    tokens = words.split(" ")
    kept: list[int] = []
    marked: dict[str, list[int]] = {}
    done = start = 0
    for index, token in enumerate(tokens):
        if start >= done:
            found = idioms.match_at(words, start, token)
            after = index + found.group().count(" ") + 1 if found else len(tokens)
            if found and not (
                after < len(tokens)
                and not undone.empty
                and undone.match_at(words, found.end() + 1, tokens[after])
            ):
                done = found.end()
                for name, phrases in (marks or {}).items():
                    if phrases.fullmatch(found.group()):
                        marked.setdefault(name, []).append(len(kept))
        if start >= done:
            kept.append(index)
        start += len(token) + 1
    return " ".join(tokens[index] for index in kept), [sentence_of[index] for index in kept], marked


def _sentence_at(
    words: str, position: list[int], sentence_of: list[int], fillers: frozenset[str]
) -> list[int]:
    """The sentence of each word position (the positions that count no filler)."""
    at: list[int] = []
    for token, place, sentence in zip(words.split(" "), position, sentence_of, strict=True):
        if token not in fillers and place == len(at):
            at.append(sentence)
    return at


def _guarded(
    found: _Found,
    names: Sequence[str],
    span: Span,
    sentence_at: list[int],
    turns: Sequence[int] = (),
    found_lexicon: Lexicon | None = None,
    clause_starts: Sequence[int] = (),
) -> bool:
    """Whether one of the guards `names` stands in a sentence that the rule's match `span` touches: a
    guard speaks for its own sentence, not for another sentence of the message. Nor does it speak across a
    turn (`turns`, the word positions of "maar", "but") for a match wholly after the turn: "de kaarsen zijn
    uit maar er komt rook uit het stopcontact" is not calmed by the candles, while "er komt rook uit de
    keuken maar ik bak rookworst" is, and so is "de hond is gevallen maar komt niet overeind" (the match
    begins before the turn). A guard that names who the sentence is about (a pet, a film) still speaks across
    the turn when no person is named after it ("onze kat is lief maar ze krabt me")."""
    if not sentence_at:
        return any(found.spans(name) for name in names)
    last = len(sentence_at) - 1
    first_sentence = sentence_at[min(span[0], last)] if last >= 0 else 0
    last_sentence = sentence_at[min(span[1], last)] if last >= 0 else 0
    for name in names:
        for start, end in found.spans(name):
            low = sentence_at[min(start, last)] if last >= 0 else 0
            high = sentence_at[min(end, last)] if last >= 0 else 0
            if low <= last_sentence and high >= first_sentence:
                # A clause guard before the match, with a new clause and its subject between (round crisis25).
                if (
                    found_lexicon is not None
                    and name in found_lexicon.clause_guards
                    and any(end < opens < span[0] for opens in clause_starts)
                ):
                    continue
                # (A turn that is a filler, "nu" opening a comma clause, stands at the next word's position.)
                cut = [turn for turn in turns if end < turn <= span[0]]
                # A guard inside the match, before a turn the match runs across, speaks for what came
                # before the turn only: "ik slik mijn pillen zoals voorgeschreven maar ik heb er vandaag 30
                # genomen" (not "de hond is gevallen maar komt niet overeind": the guard starts before it).
                # A time or an outcome said of the whole event still speaks across ("mijn man viel vorige week
                # maar kon niet opstaan": `[turn_guards] whole`).
                if found_lexicon is None or name not in found_lexicon.turn_whole:
                    cut = cut or [turn for turn in turns if span[0] < start and end < turn <= span[1]]
                if cut and not (
                    found_lexicon is not None
                    and name in found_lexicon.turn_across
                    and not _named_after(found, found_lexicon.turn_persons, cut[0], span[1])
                ):
                    continue
                return True
    return False


def _named_after(found: _Found, persons: Sequence[str], turn: int, end: int) -> bool:
    """Whether a person is named between the turn and the end of the match."""
    return any(turn < start <= end for name in persons for start, _ in found.spans(name))


def _clause_starts(
    words: str, position: list[int], places: list[_Place], found_lexicon: Lexicon
) -> list[int]:
    """The positions where a clause of a sentence opens: the word after a joining word (`[clause_joins]`,
    "en", "and") and the first word of a comma clause. Empty when no guard is a clause guard."""
    if not found_lexicon.clause_guards:
        return []
    fillers = found_lexicon.fillers
    found: list[int] = []
    previous: _Place | None = None
    for token, place, at in zip(words.split(" "), position, places, strict=True):
        if previous is not None and at[0] == previous[0] and at[1] != previous[1]:
            found.append(place)
        if token in found_lexicon.clause_joins:
            found.append(place if token in fillers else place + 1)
        previous = at
    return found


def _turns(words: str, position: list[int], turn_words: frozenset[str]) -> list[int]:
    """The word positions of the words that turn a sentence ("maar", "but")."""
    if not turn_words:
        return []
    return [place for token, place in zip(words.split(" "), position, strict=True) if token in turn_words]


def _overlapped(found: _Found, names: Sequence[str], span: Span, loose: bool) -> bool:
    """Whether one of the guards `names` shares a word with the rule's match `span` (a whole clause, at no
    word position, is overlapped by any guard of the message)."""
    for name in names:
        for start, end in found.spans(name) if name in found.available else ():
            if loose or (start <= span[1] and end >= span[0]):
                return True
    return False


def _holds(phrases: PhraseSet, text: str) -> bool:
    """Whether one of `phrases` occurs in `text` (single-spaced matchable words)."""
    if phrases.empty:
        return False
    start = 0
    for word in text.split(" "):
        if phrases.match_at(text, start, word):
            return True
        start += len(word) + 1
    return False


def kinds_in(text: str) -> set[str]:
    """Every crisis kind a message reads as (usually none or one). A message that reads none is read once
    more as spoken (`_spoken`): the sound spellings then also mend words that some phrase has in one
    spelling ("wil een eind aan mijn leve make": "leve" and "make" are phrase words, but not together)."""
    return set(_marked_kinds(text))


@lru_cache(maxsize=256)
def _marked_kinds(text: str) -> Mapping[str, Mapping[str, tuple[Span, ...]]]:
    """Every crisis kind the message reads as, each with the marks of the rules that gave it ("" for a rule
    without one) and where they matched, on the first reading that reads any (`kinds_in`)."""
    kinds = _kinds_in(text)
    if not kinds:
        spoken = _spoken(text)
        if spoken is not None:
            kinds = _kinds_in(spoken)
    return {kind: {mark: tuple(spans) for mark, spans in marks.items()} for kind, marks in kinds.items()}


def answering_mark(text: str) -> str | None:
    """The mark of the answering kind when the rules that gave it carry that one mark ("missing", "carer"),
    else None: "opa is gevallen en is vermist" is a fall as well, answered as 112 plainly. A rule without a
    mark that matched only inside the marked rule's words is the same words read more loosely: "ik heb haar
    vanmorgen geslagen" is also "geslagen ... haar" (someone hit her), and the carer's "ik heb haar ...
    geslagen" says who. Read from the same cached reading as `detect`, so asking costs nothing more."""
    marked = _marked_kinds(text)
    kind = _answering(set(marked))
    if kind is None:
        return None
    marks = dict(marked[kind])
    plain = marks.pop("", ())
    if len(marks) != 1:
        return None
    mark, spans = next(iter(marks.items()))
    inside = all(any(start <= s and e <= end for start, end in spans) for s, e in plain)
    return mark if inside else None


def _spoken(text: str) -> str | None:
    """The message with every Latin word whose ending `[sound_spellings] second_reading` mends into a Dutch
    word of a crisis' parts so mended, known word or not; None when no word changes (most messages: no
    second reading)."""
    found_lexicon = lexicon_of_crisis()
    if not found_lexicon.sound_second:
        return None
    folded = fold(text)
    spoken = _LATIN_RUN.sub(lambda found: _ending_mended(found.group(), found_lexicon), folded)
    return spoken if spoken != folded else None


def _ending_mended(word: str, found_lexicon: Lexicon) -> str:
    """`word` with an ending of `[sound_spellings] second_reading` mended into a Dutch word of a crisis'
    parts, known word or not ("leve" -> "leven", "make" -> "maken")."""
    for written, meant in found_lexicon.sound_second:
        if word.endswith(written) and len(word) > len(written) + 1:
            candidate = word[: -len(written)] + meant
            if candidate in found_lexicon.mend_into:
                return candidate
    return word


def _kinds_in(text: str) -> dict[str, dict[str, list[Span]]]:
    """Every crisis kind the message reads as, on one reading of its words, with the marks of the rules
    that gave it and where each matched."""
    found_lexicon = lexicon_of_crisis()
    folded = _mended(fold(without_emoji(_with_emoji_words(text, found_lexicon.emoji_words))), found_lexicon)
    words = _corrected(_REPEATS.sub(r"\1\1", matchable_folded(folded)), found_lexicon.typos)
    if not words:
        return {}
    word_places = _places(folded, words.count(" ") + 1)
    in_message = present_words(words)
    if _a_training_question(words, found_lexicon):
        return {}
    idioms = found_lexicon.idioms
    marked: dict[str, list[int]] = {}
    if not idioms.empty and idioms.may_occur(in_message):
        words, word_places, marked = _without_idioms(
            words, idioms, found_lexicon.idioms_undone, word_places, found_lexicon.idiom_marks
        )
        if not words:
            return {}
    sentence_of = [sentence for sentence, _ in word_places]
    found = _Found(words, found_lexicon, _alone(folded, found_lexicon, in_message))
    for name, indexes in marked.items():
        last = len(found.position) - 1
        places = [found.position[min(at, last)] for at in indexes]
        found.add(name, [(place, place) for place in places])
    sentence_at = _sentence_at(words, found.position, sentence_of, found_lexicon.fillers)
    clause_starts = _clause_starts(words, found.position, word_places, found_lexicon)
    clause_at = _sentence_at(
        words, found.position, [clause for _, clause in word_places], found_lexicon.fillers
    )
    turns = sorted(
        {
            *_turns(words, found.position, found_lexicon.turns),
            *_clause_turns(words, found.position, word_places, found_lexicon.clause_turns),
        }
    )
    _add_spelled(words, found_lexicon, found)
    kinds: dict[str, dict[str, list[Span]]] = {}
    available = found.available
    for rule in found_lexicon.rules:
        if not rule.needs <= available:
            continue
        spans = []
        for name in rule.all:
            occurrences = found.spans(name)
            if not occurrences:
                break
            spans.append(occurrences)
        else:
            span = _unguarded_match(
                rule, spans, found, available, sentence_at, clause_at, (turns, clause_starts), found_lexicon
            )
            if span is None:
                continue
            loose = not found.loose.isdisjoint(rule.all)
            if rule.gives in KINDS:
                kinds.setdefault(rule.gives, {}).setdefault(rule.mark, []).append(span)
            else:
                found.add(rule.gives, [span])
                if loose:
                    found.loose.add(rule.gives)
    return kinds


def _unguarded_match(
    rule: Rule,
    spans: Sequence[list[Span]],
    found: _Found,
    available: set[str],
    sentence_at: list[int],
    clause_at: list[int],
    turns_and_starts: tuple[Sequence[int], Sequence[int]],
    found_lexicon: Lexicon,
) -> Span | None:
    """The tightest way the rule's concepts meet that no guard calms, or None. The tightest first (most
    messages: the only one); when a guard calms it, the other meetings, tightest first (round crisis25): "de
    vrijwilliger reageert niet maar mevrouw ademt niet" is calmed for the volunteer's silence, not hers."""
    span = _combine(spans, rule.within, rule.ordered)
    if span is None:
        return None
    guards = sorted(available.intersection(rule.unless))
    turns, clause_starts = turns_and_starts
    if not guards and not rule.unless_overlapping and not rule.unless_near:
        return span
    # A whole clause (`alone`) stands at no word position: its guards speak for the whole message.
    loose = not found.loose.isdisjoint(rule.all)
    at = [] if loose else sentence_at
    tried: set[Span] = set()
    for candidate in chain((span,), _later_meetings(spans, rule.within, rule.ordered)):
        if candidate in tried:
            continue
        tried.add(candidate)
        if guards and _guarded(found, guards, candidate, at, turns, found_lexicon, clause_starts):
            continue
        if rule.unless_overlapping and _overlapped(found, rule.unless_overlapping, candidate, loose):
            continue
        if rule.unless_near and _near(found, rule.unless_near, candidate, [] if loose else clause_at):
            continue
        return candidate
    return None


def _later_meetings(spans: Sequence[list[Span]], within: int | None, ordered: bool) -> Iterator[Span]:
    """Every way the concepts meet with one of their occurrences fixed (each as tight as it can be), tightest
    first: asked only when the tightest is guarded (a generator's first step runs it)."""
    if ordered:
        meetings = {
            meeting
            for last in spans[-1]
            if (meeting := _combine([*spans[:-1], [last]], within, ordered)) is not None
        }
        yield from sorted(meetings, key=lambda meeting: (meeting[1] - meeting[0], meeting))
        return
    meetings = {
        meeting
        for concept, found in enumerate(spans)
        for occurrence in found
        if (
            meeting := _combine(
                [[occurrence] if index == concept else others for index, others in enumerate(spans)],
                within,
                ordered,
            )
        )
        is not None
    }
    yield from sorted(meetings, key=lambda meeting: (meeting[1] - meeting[0], meeting))


def _near(found: _Found, names: Sequence[str], span: Span, clause_at: list[int]) -> bool:
    """Whether one of the guards `names` shares a word with the match `span`, or stands `_NEAR` words or
    fewer from it in the same comma clause (a whole clause, `clause_at` empty: any guard of the message)."""
    last = len(clause_at) - 1
    for name in names:
        for start, end in found.spans(name) if name in found.available else ():
            if not clause_at or (start <= span[1] and end >= span[0]):
                return True
            if last < 0:
                continue
            if start > span[1]:
                gap, mine, theirs = start - span[1], span[1], start
            else:
                gap, mine, theirs = span[0] - end, span[0], end
            if gap <= _NEAR and clause_at[min(mine, last)] == clause_at[min(theirs, last)]:
                return True
    return False


def _a_training_question(words: str, found_lexicon: Lexicon) -> bool:
    """Whether the message asks what to do when anyone says or does something (`[training_questions]`), or
    how to recognise an emergency for a course (`[training_about]` with `[training_context]`)."""
    if found_lexicon.training_questions is not None and _holds(found_lexicon.training_questions, words):
        return True
    about, context = found_lexicon.training_about, found_lexicon.training_context
    return about is not None and context is not None and _holds(about, words) and _holds(context, words)


def frames_a_report(text: str) -> bool:
    """Whether the words set up a report of what is seen on a screen or in the news (`seen_on_screen`) or a
    question for a course: the next message of someone writing in pieces ("op tv zag ik" / "dat iemand van
    de flat sprong") is read with them (flows/crisis.py)."""
    found_lexicon = lexicon_of_crisis()
    words = matchable_folded(fold(text))
    screen = found_lexicon.concepts.get("seen_on_screen")
    return (screen is not None and _holds(screen, words)) or _a_training_question(words, found_lexicon)


def _with_emoji_words(text: str, emoji_words: Mapping[str, str]) -> str:
    """The text with each emoji of `[emoji_words]` (💊, 🩸, 🔪) written as its word, set apart by spaces:
    "💊💊💊 allemaal ingenomen" says the pills. Other emoji are dropped afterwards, as before."""
    for emoji, word in emoji_words.items():
        if emoji in text:
            text = text.replace(emoji, f" {word} ")
    return text


def _blanked(phrases: PhraseSet, text: str) -> str:
    """The text with every word of a match written "_": an idiom goes, the other words keep their place."""
    if phrases.empty:
        return text
    tokens = text.split(" ")
    start = 0
    for index, word in enumerate(tokens):
        found = phrases.match_at(text, start, word) if word != "_" else None
        if found:
            for blank in range(index, index + found.group().count(" ") + 1):
                tokens[blank] = "_"
        start += len(word) + 1
    return " ".join(tokens)


def _add_spelled(words: str, found_lexicon: Lexicon, found: _Found) -> None:
    """The concepts found on the text's keys of each spelling, added to those of the text itself."""
    for spelled in found_lexicon.spelled:
        keys = spelled.spelling.text(words)
        candidates = spelled.candidates(frozenset(keys.split(" ")))
        if not candidates - {""}:
            continue
        if "" in candidates:
            keys = _blanked(spelled.idioms, keys)
        for name, spans in _concepts_in(keys, spelled, found.position, candidates).items():
            found.add(name, spans)


def warm_up_words() -> None:
    """Work out, for each word a crisis phrase opens with, the concepts and phrases it may start: the
    first messages then cost what later ones do."""
    found_lexicon = lexicon_of_crisis()
    for word in list(found_lexicon.heads):
        for name in _starting(word, found_lexicon):
            found_lexicon.concepts[name].starting(word)


def detect(text: str, lang: str = "nl") -> str | None:
    """The crisis number ("113", "112", "veilig_thuis") or None. `lang` does not choose a lexicon:
    every language is read on every message."""
    return _detect(text)


def _detect(text: str) -> str | None:
    """The answering kind of the reading cached on the text alone (`_marked_kinds`): the conversation, the
    reader and the check-in reader ask for the same message with different language hints, and the answer
    does not depend on them."""
    return _answering(set(_marked_kinds(text)))


def _answering(kinds: set[str]) -> str | None:
    """The kind that answers a message of these kinds. Violence at home and 112 together ("mijn man heeft
    me geslagen en ik bloed erg", "hij slaat me en nu krijg ik geen lucht") are answered by Veilig Thuis
    (round 15): its reply opens with "Bel 112" as well, while the 112 reply asks "someone nearby" to call,
    who may be the one who hit; and the staff alert then names the violence, so no one calls back into the
    danger. With 113 as well, the most urgent number answers as before."""
    if kinds == {"112", "veilig_thuis"}:
        return "veilig_thuis"
    return next((kind for kind in PRIORITY if kind in kinds), None)
