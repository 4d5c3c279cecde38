"""Kinds of help in what people write: the answer to "Waarmee zoek je hulp?", and the kinds a first
message or a volunteer's offer names.

The words live in `data/categories.toml` (six languages), with the numbered list's order. A kind is
found by its words anywhere in the text, after typos are corrected; a kind right after "geen"/"niet" is
not wanted. When someone changes their mind ("boodschappen. nee wacht, toch de tuin") the last kind
named after the last correction word counts; otherwise the kind with the most weight, the first named
on a tie ("op mijn kat passen, ik moet het ziekenhuis in": kat outweighs the leaning "ziekenhuis").

Numbers follow `order()`: 1 boodschappen, 2 vervoer (as the corpus says), 3 klusjes, 4 gezelschap,
5 computer, 6 formulieren, 7 tuin, 8 huisdieren, 9 anders; the list the bot shows must use the same
order (it is one line of data). The keys are the corpus's; `flows.matching.CATEGORIES` still says
administratie (= formulieren), digitaal (= computer) and oppas (read here as "anders", leaning only).
The words of all six languages are matched whatever `lang` says: short answers are where language
detection is weakest, and people mix languages ("DigiD", "gemeente" in a Ukrainian message).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from flows.understanding.phrases import (
    Corrector,
    Hit,
    Phrases,
    PhraseSet,
    all_phrases,
    compile_phrases,
    normal,
    strip_edges,
)
from flows.understanding.text import emoji_in, lexicon, number_choice, without_choice_opener

STRONG = 2.0
WEAK = 1.0
# "Iets anders" is a choice of the list by its name: it outweighs the details that follow it.
NAMED_CHOICE = 3.0
# How many words may follow a number that chooses: "2 graag", "1 boodschappen" but not "een taart bakken".
_AFTER_DIGITS = 3
_AFTER_NUMBER_WORD = 0
# The confidence of a kind only leant to (weak words alone): flows ask back about it.
LEANING = 0.7


@dataclass(frozen=True, slots=True)
class _Lexicon:
    order: tuple[str, ...]
    phrases: PhraseSet
    whole: dict[str, Any]
    corrections: Any
    negations: Any
    fillers: tuple[str, ...]
    # Sayings whose words name no kind: "ik lach me kapot" is no repair.
    idioms: Any = None


@cache
def _lexicon() -> _Lexicon:
    data = lexicon("categories")
    order = tuple(data["choice"]["order"])
    tiers: dict[str, dict[float, list[str]]] = {}
    whole: dict[str, Any] = {}
    for key in order:
        sections = data[key].values()
        weight = NAMED_CHOICE if key == "anders" else STRONG
        tiers[key] = {
            weight: [p for s in sections for p in s.get("words", ())],
            WEAK: [p for s in sections for p in s.get("weak", ())],
        }
        whole[key] = compile_phrases(p for s in sections for p in s.get("whole", ()))
    choice = data["choice"]
    fillers = (*lexicon("intents")["fillers"]["words"], *data["choice"]["around"])
    return _Lexicon(
        order=order,
        phrases=PhraseSet(tiers),
        whole=whole,
        corrections=compile_phrases(choice["corrections"]),
        negations=compile_phrases(f"{word} [de|het|een|the|a|mijn]" for word in choice["negations"]),
        fillers=fillers,
        idioms=compile_phrases(choice.get("idioms", ())),
    )


@cache
def corrector() -> Corrector:
    """Typos are corrected towards the words of every lexicon of this layer."""
    return Corrector([*all_phrases(lexicon("categories")), *all_phrases(lexicon("intents"))])


def order() -> tuple[str, ...]:
    """The kinds in the order of the numbered list (1 = boodschappen, 2 = vervoer, ...)."""
    return _lexicon().order


@lru_cache(maxsize=2048)
def prepare(text: str) -> str:
    """The normal, typo-corrected form every reader of this layer matches against."""
    return corrector().text(normal(text))


@lru_cache(maxsize=2048)
def mentions(prepared: str, *, answer: bool = False) -> tuple[Hit, ...]:
    """Every mention of a kind in prepared text, in order. In an `answer` to the list a kind right after
    "geen"/"niet" is not wanted ("geen boodschappen maar de hond"); in a request it is what is missing
    ("ik heb geen vervoer")."""
    lex = _lexicon()
    hits = lex.phrases.find(prepared)
    if lex.idioms is not None and hits:
        sayings = [(start, end) for start, end, _ in lex.idioms.spans(prepared)]
        hits = [hit for hit in hits if not any(a <= hit.start and hit.end <= b for a, b in sayings)]
    # A kind's words inside a longer phrase of another kind are that phrase's: "погуляти з собакою"
    # walks the dog (huisdieren), its "погуляти з" is no company.
    hits = [hit for hit in hits if not any(_inside(hit, other) for other in hits)]
    if answer and lex.negations is not None:
        negated_ends = {end for _, end, _ in lex.negations.spans(prepared)}
        hits = [hit for hit in hits if hit.start - 1 not in negated_ends]
    whole_text = strip_edges(prepared, lex.fillers)
    for key, pattern in lex.whole.items():
        if pattern is not None and whole_text and pattern.fullmatch(whole_text):
            hits.append(Hit(key, 0, len(prepared), NAMED_CHOICE, whole_text))
    return tuple(sorted(hits, key=lambda hit: (hit.start, -hit.weight)))


def _inside(hit: Hit, other: Hit) -> bool:
    """`hit` lies within the longer `other` of another kind."""
    longer = other.end - other.start > hit.end - hit.start
    return other.key != hit.key and longer and other.start <= hit.start and hit.end <= other.end


def _weighed(hits: Sequence[Hit]) -> tuple[str | None, float]:
    """The kind with the most weight (first named on a tie), and how sure: 1 when no other kind is named."""
    if not hits:
        return None, 0.0
    totals: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    for hit in hits:
        totals[hit.key] += hit.weight
        first.setdefault(hit.key, hit.start)
    best = max(totals, key=lambda key: (totals[key], -first[key]))
    rest = sum(value for key, value in totals.items() if key != best)
    confidence = 0.95 if not rest else round(0.5 + 0.45 * totals[best] / (totals[best] + rest), 2)
    if max(hit.weight for hit in hits if hit.key == best) < STRONG:
        confidence = min(confidence, LEANING)
    return best, confidence


def kind_in(text: str, lang: str = "nl") -> tuple[str | None, float]:
    """The kind of help a free text (a first message, a request) is about, or None."""
    return kind_in_prepared(prepare(text))


def kind_in_prepared(prepared: str, ignore: Sequence[tuple[int, int]] = ()) -> tuple[str | None, float]:
    """The kind in prepared text, leaving out mentions inside the spans `ignore` (words that belong to
    another phrase: "telefon" in "proszę o telefon", a call, is no phone trouble)."""
    hits = [hit for hit in mentions(prepared) if not any(a <= hit.start and hit.end <= b for a, b in ignore)]
    return _weighed(_before_own_plans(prepared, hits))


def _before_own_plans(prepared: str, hits: Sequence[Hit]) -> Sequence[Hit]:
    """ "iemand die bij hem zit zodat ik naar de kapper kan": after "zodat ik" the asker tells what they
    will do themselves; the help asked is what comes before, when something does."""
    pattern = _own_plans()
    if pattern is None or not hits:
        return hits
    starts = [start for start, _, _ in pattern.spans(prepared)]
    if not starts:
        return hits
    before = [hit for hit in hits if hit.end <= starts[0]]
    return before or hits


@cache
def _own_plans() -> Phrases | None:
    return compile_phrases(lexicon("categories")["choice"].get("own_plans", ()))


def named_in_prepared(prepared: str) -> bool:
    """Whether prepared text names a kind outright (not only leans to one)."""
    return any(hit.weight >= STRONG for hit in mentions(prepared))


def kinds_in(text: str, lang: str = "nl") -> list[str]:
    """Every kind a text names, in the order named: "boodschappen en de tuin, ook wel klusjes"."""
    found: list[str] = []
    for hit in mentions(prepare(text)):
        if hit.key not in found:
            found.append(hit.key)
    return found


def _after_last_correction(prepared: str, hits: Sequence[Hit]) -> Sequence[Hit]:
    """The mentions after the last word that takes back an earlier choice, when there are any."""
    pattern = _lexicon().corrections
    if pattern is None or len({hit.key for hit in hits}) < 2:
        return hits
    ends = [end for start, end, _ in pattern.spans(prepared) if start > hits[0].start]
    for end in reversed(ends):
        later = [hit for hit in hits if hit.start >= end]
        if later:
            return later
    return hits


def _numbered(prepared: str) -> str | None:
    """A kind chosen by its number: "2", "de tweede", "nr 5", the last one in "2 nee 3". A number word
    must stand (almost) alone: "een taart bakken" opens with "een" but chooses nothing."""
    pattern = _lexicon().corrections
    after = [end for _, end, _ in pattern.spans(prepared)] if pattern is not None else []
    for start in [*reversed(after), 0]:
        part = _without_leading_fillers(without_choice_opener(prepared[start:]))
        number = number_choice(part)
        if number is None or not 1 <= number <= len(order()):
            continue
        words = part.split()
        rest = len(words) - 1
        if rest <= (_AFTER_DIGITS if words[0].isdigit() else _AFTER_NUMBER_WORD) or _said_alone(part):
            return order()[number - 1]
        if words[0].isdigit() and words[1] in _number_then():
            return order()[number - 1]  # "1, voor mijn vader op nummer 9" (round corpus35)
    return None


@cache
def _number_then() -> frozenset[str]:
    """The words after a digit that no count takes ("voor", "maar", "for"; intents.toml [menu_number_then]):
    what follows says for whom or adds a remark, the digit chooses, in a sentence that names no kind."""
    return frozenset(
        " ".join(prepare(word).split()) for word in lexicon("intents")["menu_number_then"]["words"]
    )


def _without_leading_fillers(part: str) -> str:
    """ "eeh 2 graag", "nou, de tweede": the fillers before a number that chooses are left out (a number
    word that is also a filler, "een", stays)."""
    found = part.split()
    fillers = set(_lexicon().fillers)
    while len(found) > 1 and found[0] in fillers and number_choice(found[0]) is None:
        found = found[1:]
    return " ".join(found)


def _said_alone(part: str) -> bool:
    """ "de tweede graag", "nummer vier": the number with only fillers around it."""
    return (
        len(
            strip_edges(part, (*_lexicon().fillers, *lexicon("categories")["choice"]["number_leads"])).split()
        )
        <= 1
    )


def read_category(text: str, lang: str = "nl") -> tuple[str | None, float]:
    """The answer to "Waarmee zoek je hulp?": a number of the list ("2", "de tweede"), a kind by its
    words inside a sentence or with a typo, the last one when someone changes their mind."""
    prepared = prepare(text)
    hits = mentions(prepared, answer=True)
    if hits:
        # The asker's own plans count in an answer too (round corpus35: "iemand die bij mijn vrouw blijft als
        # ik naar de dokter moet" asks company, as it does in a first message).
        return _weighed(_before_own_plans(prepared, _after_last_correction(prepared, hits)))
    chosen = _numbered(prepared)
    if chosen:
        return chosen, 0.95
    pictured = {_emoji_kinds().get(emoji) for emoji in emoji_in(text)} - {None}
    if len(pictured) == 1:
        return pictured.pop(), 0.6  # "🛒": likely; the flow may confirm
    return None, 0.0


@cache
def _emoji_kinds() -> dict[str, str]:
    """Emoji that picture a kind of help (`[emoji]` of data/categories.toml)."""
    table = lexicon("categories").get("emoji", {})
    return {emoji: kind for kind, listed in table.items() for emoji in listed}
