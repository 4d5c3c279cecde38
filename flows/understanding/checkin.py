"""A mantelzorger's answer to "Hoe gaat het met zorgen voor ...? 1 Goed 2 Gaat wel 3 Zwaar".

Why clauses: carers answer and then explain ("Gaat wel. Hij slaapt slecht dus ik ook"): the first
clause that answers is the answer, the rest is the reason. Four things overrule it: a correction
("goed, nee eigenlijk zwaar": the last choice counts), a "but" ("slecht geslapen, maar het gaat wel":
what follows "maar" is the conclusion), the carer saying that they themselves are not
fine ("met Kees gaat het goed maar met mij niet": the check-in asks about the carer), and words that
show the carer is at their limit (distress, which takes the Zwaar path). "Goed, maar zwaar" is the
middle answer. A crisis read in a check-in is heavy, and 113 or Veilig Thuis is also distress.
Words are data: `data/checkin.toml`, all languages on every message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from flows.understanding import crisis
from flows.understanding.crisis_phrases import (
    PhraseSet,
    matchable,
    matchable_folded,
    phrase_set,
    present_words,
)
from flows.understanding.text import emoji_in, fold, lexicon, number_choice, without_emoji

ANSWERS = ("good", "okay", "heavy")
_BY_NUMBER = {1: "good", 2: "okay", 3: "heavy"}
# Crises in which the carer is in danger themselves: also distress.
_DISTRESS_CRISES = frozenset({"113", "veilig_thuis"})
# Where one clause ends and the next begins: punctuation, and "but" in six languages.
_CLAUSE_END = re.compile(r"[.!?;,:\n()]+|\s-\s")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    labels: Mapping[str, PhraseSet]
    weak: Mapping[str, PhraseSet]
    whole: Mapping[str, frozenset[str]]
    negated: Mapping[str, str]
    negators_before: frozenset[str]
    negators_after: frozenset[str]
    self_not: PhraseSet
    distress: PhraseSet
    tired: PhraseSet
    worn_out: PhraseSet
    others: frozenset[str]
    emoji: Mapping[str, str]
    contrast: frozenset[str]
    correction: frozenset[str]
    units: frozenset[str]
    edges: frozenset[str] = frozenset()
    reasons: PhraseSet | None = None
    # Round dialogue29: the reasons of the carer's own (her nights), without what the illness does
    # ([illness_told]): only these make tiredness her limit.
    own_reasons: PhraseSet | None = None
    irony: PhraseSet | None = None
    whole_distress: frozenset[str] = frozenset()
    one_word_fillers: frozenset[str] = frozenset()
    distress_at_end: PhraseSet | None = None
    end_light: frozenset[str] = frozenset()
    end_then: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Label:
    answer: str
    clause: int
    contrast: bool
    correction: bool
    # The option chosen by its number ("3, maar we redden het"): a "but" after it does not overrule it.
    numbered: bool = False


def _words_of(entry: Any) -> list[str]:
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, Mapping):
        return [word for value in entry.values() for word in _words_of(value)]
    return [word for value in entry for word in _words_of(value)]


def _patterns(table: Mapping[str, Any], fillers: tuple[str, ...] = ()) -> dict[str, PhraseSet]:
    return {answer: phrase_set(_words_of(table.get(answer, ())), fillers) for answer in ANSWERS}


@cache
def _lexicon() -> _Lexicon:
    data = lexicon("checkin")
    negations = data.get("negations", {})
    emoji = {symbol: answer for answer in ANSWERS for symbol in data.get("emoji", {}).get(answer, ())}
    # Words that may stand inside a label or a distress phrase ("ik zit er echt doorheen", "het wordt me
    # allemaal een beetje veel"), as crisis phrases let them.
    fillers = tuple(_words_of(data.get("fillers", {})))
    return _Lexicon(
        labels=_patterns(data.get("labels", {}), fillers),
        weak=_patterns(data.get("weak", {})),
        whole={
            answer: frozenset(matchable(p) for p in _words_of(data.get("whole", {}).get(answer, ())))
            for answer in ANSWERS
        },
        negated=dict(data.get("negated", {})),
        negators_before=frozenset(matchable(w) for w in negations.get("before", ()) if " " not in w.strip()),
        negators_after=frozenset(matchable(w) for w in negations.get("after", ())),
        self_not=phrase_set(_words_of(data.get("self_not", {}))),
        distress=phrase_set(_words_of(data.get("distress", {})), fillers),
        tired=phrase_set(_words_of(data.get("tired", {}))),
        worn_out=phrase_set(_words_of(data.get("worn_out", {}))),
        others=_word_set(data.get("others", {}).get("words", ())),
        emoji=emoji,
        contrast=_word_set(data["clauses"]["contrast"]),
        correction=_word_set(data["clauses"]["correction"]),
        units=_word_set(data["clauses"]["units"]),
        edges=_word_set(data["clauses"].get("edges", ())),
        reasons=phrase_set(
            _words_of(data.get("reasons", {})) + _words_of(data.get("illness_told", {})), fillers
        ),
        own_reasons=phrase_set(_words_of(data.get("reasons", {})), fillers),
        irony=phrase_set(_words_of(data.get("irony", {})), fillers),
        whole_distress=_word_set(_words_of(data.get("whole_distress", {}))),
        one_word_fillers=_word_set(word for word in fillers if " " not in word.strip()),
        distress_at_end=phrase_set(_words_of(data.get("distress_clause_end", {})), fillers),
        end_light=_word_set(data.get("distress_clause_end_words", {}).get("light", ())),
        end_then=_word_set(data.get("distress_clause_end_words", {}).get("then", ())),
    )


def _without_edge_fillers(clause: str, lex: _Lexicon) -> str:
    """A clause without the polite words at its ends ("het gaat hoor" is "het gaat")."""
    words = clause.split()
    while words and words[-1] in lex.edges:
        words.pop()
    while words and words[0] in lex.edges:
        words.pop(0)
    return " ".join(words)


def _word_set(entries: Iterable[str]) -> frozenset[str]:
    return frozenset(matchable(entry) for entry in entries)


def _clauses(folded: str, lex: _Lexicon) -> list[tuple[str, bool, bool]]:
    """(plain clause, after a "but", opens with a correction) for each clause of a message."""
    result: list[tuple[str, bool, bool]] = []
    for piece in _CLAUSE_END.split(folded):
        current: list[str] = []
        contrast = False
        for word in matchable_folded(piece).split():
            if word in lex.contrast:
                if current:
                    result.append(_clause(current, contrast, lex))
                current, contrast = [], True
                continue
            current.append(word)
        if current:
            result.append(_clause(current, contrast, lex))
    return result


def _clause(words: list[str], contrast: bool, lex: _Lexicon) -> tuple[str, bool, bool]:
    """A "but" that goes on about the person cared for ("but she's okay now") is no conclusion about
    the carer, so it does not overrule the answer."""
    about_others = contrast and words[0] in lex.others
    return " ".join(words), contrast and not about_others, words[0] in lex.correction


def _found(phrases: PhraseSet, text: str, present: frozenset[str]) -> bool:
    return (
        phrases.pattern is not None
        and phrases.may_occur(present)
        and bool(phrases.pattern.search(phrases.fillers.marked(text)))
    )


def _labels_in(
    clause: str, lex: _Lexicon, table: Mapping[str, PhraseSet], present: frozenset[str]
) -> list[tuple[int, str]]:
    """(word position, answer) of each label in a clause; of overlapping labels the longest (then the
    later) counts; a negation before (or Turkish "değil" after) flips the answer."""
    found: list[tuple[int, int, str]] = []
    for answer, phrases in table.items():
        if phrases.pattern is None or not phrases.may_occur(present):
            continue
        for match in phrases.pattern.finditer(phrases.fillers.marked(clause)):
            start = clause.count(" ", 0, match.start())
            found.append((start, start + match.group().count(" "), answer))
    found.sort(key=lambda item: (-(item[1] - item[0]), -item[0]))
    taken: list[tuple[int, int, str]] = []
    for start, end, answer in found:
        if all(end < s or start > e for s, e, _ in taken):
            taken.append((start, end, answer))
    words = clause.split()
    labels: list[tuple[int, str]] = []
    for start, end, answer in sorted(taken):
        before = words[max(0, start - 3) : start]
        after = words[end + 1 : end + 2]
        flipped = any(w in lex.negators_before for w in before) or any(w in lex.negators_after for w in after)
        labels.append((start, lex.negated.get(answer, answer) if flipped else answer))
    return labels


def _number_answer(flat: str, lex: _Lexicon) -> str | None:
    """The option a message opens with ("2", "nummer 1 hoor", "drie"), not a count ("3 uur")."""
    rest = flat.split()
    number = number_choice(" ".join(rest[:4]))
    if number not in _BY_NUMBER:
        return None
    following = rest[rest.index(str(number)) + 1 :] if str(number) in rest else []
    if following and (following[0] in lex.units or following[0].startswith("x")):
        return None
    return _BY_NUMBER[number]


def _choose(labels: list[_Label]) -> str:
    corrected = [label for label in labels[1:] if label.correction]
    if corrected:
        return corrected[-1].answer
    first = labels[0]
    contrasted = [label for label in labels[1:] if label.contrast and label.clause > first.clause]
    if not contrasted or first.numbered:
        return first.answer
    # "X maar Y": Y is what the carer concludes; good against heavy is the middle answer.
    last = contrasted[-1].answer
    return "okay" if {first.answer, last} == {"good", "heavy"} else last


def _tired_reading(
    clauses: list[tuple[str, bool, bool]], labels: list[_Label], lex: _Lexicon, present: frozenset[str]
) -> tuple[str, bool, float] | None:
    """Tiredness is a heavy week ("zo moe"; "het gaat wel maar ik ben zo moe"), unless they also say they
    cope, after a "but" ("doodmoe maar het gaat wel") or beside it ("all fine, just dead tired"). None: the
    labels answer as usual. Round crisis21: only worn out (`[worn_out]`: "ik ben kapot", "uitgeput") or tired
    with a reason ("ik slaap al weken niet") is the carer at her limit, with the high alert; tiredness alone
    was that too, and every tired carer's check-in became an urgent call."""
    places = [index for index, (clause, _, _) in enumerate(clauses) if _found(lex.tired, clause, present)]
    last = max(places, default=0)
    coping = [label for label in labels if label.answer != "heavy"]
    if any(label.contrast and label.clause > last for label in coping):
        return None
    if coping and not any(clauses[index][1] for index in places):
        return None
    flat = " ".join(clause for clause, _, _ in clauses)
    limit = _found(lex.worn_out, flat, present) or (
        lex.own_reasons is not None and _found(lex.own_reasons, flat, present)
    )
    return "heavy", limit, 0.8


def _distress_beside_emergency(folded: str, lex: _Lexicon) -> bool:
    """With a 112 emergency, distress words count only in a clause that is not the emergency itself:
    "ze ligt naast het bed en kan niet meer overeind komen" says she cannot get up, not that the carer
    cannot go on; "ik kan niet meer. hij ligt op de grond" says both."""
    for piece in _CLAUSE_END.split(folded):
        clause = matchable_folded(piece)
        if clause and _found(lex.distress, clause, present_words(clause)) and crisis.detect(piece) is None:
            return True
    return False


def read_checkin(text: str, lang: str = "nl") -> tuple[str | None, bool, float]:
    """(answer "good"/"okay"/"heavy" or None, distress, confidence)."""
    lex = _lexicon()
    folded = fold(without_emoji(text))
    flat = matchable_folded(folded)
    present = present_words(flat)
    danger = crisis.detect(text, lang)
    distress = danger in _DISTRESS_CRISES or _found(lex.distress, flat, present)
    if danger == "112" and distress:
        distress = _distress_beside_emergency(folded, lex)
    clauses = _clauses(folded, lex)
    distress = distress or any(
        _whole_distress(clause, lex) or _distress_at_clause_end(clause, lex, present)
        for clause, _, _ in clauses
    )
    if danger or distress:
        return "heavy", distress, 0.9
    if _found(lex.self_not, flat, present):
        return "heavy", False, 0.8
    labels: list[_Label] = []
    number = _number_answer(flat, lex)
    if number:
        labels.append(_Label(number, 0, False, False, numbered=True))
    pending = False  # a correction ("nee wacht,") whose new answer comes in the next clause
    reasons = False  # what made the week hard, told rather than judged ("hij sliep weer slecht")
    for index, (told, contrast, opens_correction) in enumerate(clauses):
        correction = opens_correction or pending
        clause = told
        if lex.reasons is not None and _found(lex.reasons, told, present):
            clause, reasons = " ".join(lex.reasons.without(told).split()), True
        found = [
            _Label(answer, index, contrast, correction)
            for _, answer in _labels_in(clause, lex, lex.labels, present)
        ]
        if not found and contrast and clause:
            # "doodop, maar het gaat": after a "but", a whole-clause answer is the carer's conclusion.
            found = [_Label(answer, index, contrast, correction) for answer in _whole_answer(clause, lex)]
        if index and correction and not found:
            # "2. nee wacht, 3": a corrected number counts like a corrected word.
            words = clause.split()
            changed = _number_answer(" ".join(words[1:] if opens_correction else words), lex)
            if changed:
                found.append(_Label(changed, index, contrast, correction))
        labels.extend(found)
        pending = correction and not found
    if _found(lex.tired, flat, present):
        tired = _tired_reading(clauses, labels, lex, present)
        if tired is not None:
            return tired
    if labels:
        only = len(labels) == 1 and len(flat.split()) <= 3
        chosen = _choose(labels)
        if chosen == "good" and lex.irony is not None and _found(lex.irony, flat, present):
            return "heavy", False, 0.7  # "prima hoor, ik slaap toch nooit"
        if chosen == "good" and reasons:
            return "okay", False, 0.7  # "iyiyim ama uykusuzum": fine, but a hard night told
        return chosen, False, 1.0 if only else 0.8
    if reasons:
        return "heavy", False, 0.7  # "hij was weer de hele nacht onrustig"
    for clause, _, _ in clauses:
        weak = _labels_in(clause, lex, lex.weak, present)
        if weak:
            return weak[0][1], False, 0.6
        bare = _without_edge_fillers(clause, lex)
        for answer, phrases in lex.whole.items():
            if clause in phrases or bare in phrases:
                return answer, False, 0.7
    for symbol in emoji_in(text):
        shown = lex.emoji.get(symbol[0]) if symbol else None
        if shown:
            return shown, False, 0.8
    for plain in _without_diminutive(flat):
        small, _, confidence = read_checkin(plain, lang)
        if small is not None:
            return small, False, min(confidence, 0.7)
    return None, False, 0.0


def _whole_distress(clause: str, lex: _Lexicon) -> bool:
    """A clause that is at the limit on its own ("op, gewoon op"; "ik ben op" is read anywhere), polite
    and filler words aside ([whole_distress])."""
    words = [word for word in clause.split() if word not in lex.edges and word not in lex.one_word_fillers]
    return bool(words) and " ".join(words) in lex.whole_distress


def _distress_at_clause_end(clause: str, lex: _Lexicon, present: frozenset[str]) -> bool:
    """Round dialogue24: [distress_clause_end] ("ik ben op") where its clause ends: after it only light
    words ("ik ben echt op hoor"), or a word that opens a new clause ("ik ben op en hij slaapt niet"); "ik
    ben op vakantie", "ik ben op zoek naar hulp" are no distress."""
    phrases = lex.distress_at_end
    if phrases is None or phrases.pattern is None or not phrases.may_occur(present):
        return False
    for match in phrases.pattern.finditer(phrases.fillers.marked(clause)):
        rest = clause[match.end() :].split()
        if all(word in lex.end_light for word in rest) or rest[0] in lex.end_then:
            return True
    return False


def _whole_answer(clause: str, lex: _Lexicon) -> list[str]:
    """The answer a whole clause gives on its own ("het gaat", "jakoś leci"), polite edges aside."""
    bare = _without_edge_fillers(clause, lex)
    return [answer for answer, phrases in lex.whole.items() if clause in phrases or bare in phrases][:1]


# Dutch makes an adverb small and mild: "matigjes", "slechtjes", "rustigjes" are "matig", "slecht", "rustig".
_DIMINUTIVES = ("jes", "tjes")


def _without_diminutive(flat: str) -> list[str]:
    """A one-word answer without its diminutive ending, each way it may have been added."""
    if " " in flat:
        return []
    return [flat[: -len(end)] for end in _DIMINUTIVES if flat.endswith(end) and len(flat) > len(end) + 2]
