"""The sociale kaart in chat: where can I go for what? The best few services for the person's area.

A question ("waar kan ik terecht voor hulp bij formulieren", or HULPWIJZER and then a question) is
matched against the municipality's services, which the engine looks up when asked (the `map_lookup`
effect) and hands back as an internal event, `map_services`: matching itself is this pure module.
Why a lookup and not the Profile: the list is needed only for these questions, while the Profile is
loaded for every message; and staff edit the list at any time, so it is read fresh when asked.

Matching is by words and categories: the question's words are simplified, stemmed (a few Dutch
endings: "formulieren" -> "formulier") and widened with synonyms from flows/data; each is compared
with a service's name, description, categories and terms using rapidfuzz, so a typo ("formulirene")
still finds the service. Services of the person's own neighbourhood and of the whole municipality
count; nothing found: a person of staff is offered (the `alert_staff` effect, kind "map_no_result").
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from flows import categories
from flows.dialogue import YES_NO, chosen, prompt, say
from flows.normalise import simplify, words_of
from flows.types import Effect, Event, Reply, StepResult
from flows.understanding.intent import read_intent

WORDS_FILE = Path(__file__).parent / "data" / "social_map_words.toml"
MAX_RESULTS = 3
# rapidfuzz ratio (0-100) for a question word to count as a service's word: one or two typos in a
# longer word ("formulirene" vs "formulier") pass, different words of similar letters do not.
WORD_CUTOFF = 80.0
# Weights: a service's own terms and name say most, its description less; a recognised category helps.
TERM_WEIGHT = 1.0
DESCRIPTION_WEIGHT = 0.6
CATEGORY_WEIGHT = 0.5
# At least one good word (or a category and half a word) before a service is worth suggesting.
MIN_SCORE = 1.0
MAX_QUESTION = 300
# Phrases that open a social-map question on the menu (after simplify).
QUESTION_OPENINGS = (
    "waar kan ik terecht",
    "waar kan ik hulp",
    "waar kan ik",
    "waar vind ik",
    "waar moet ik",
    "wie kan mij helpen",
    "wie helpt",
    "where can i",
)
_ENDINGS = ("tjes", "jes", "tje", "je", "en", "s")
_DOUBLE = re.compile(r"([bcdfgklmnprstvz])\1$")


@dataclass(frozen=True, slots=True)
class ServiceInfo:
    """A service as the social map sees it (storage/models.py `Service`)."""

    id: int
    name: str
    description: str
    categories: tuple[str, ...]
    terms: tuple[str, ...]
    neighbourhood: str | None
    hours: str
    phone: str

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["categories"], data["terms"] = list(self.categories), list(self.terms)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ServiceInfo:
        return cls(
            id=int(data["id"]),
            name=str(data["name"]),
            description=str(data["description"]),
            categories=tuple(data.get("categories", ())),
            terms=tuple(data.get("terms", ())),
            neighbourhood=data.get("neighbourhood"),
            hours=str(data.get("hours", "")),
            phone=str(data.get("phone", "")),
        )


@cache
def _words() -> tuple[frozenset[str], Mapping[str, tuple[str, ...]]]:
    with WORDS_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    ignore = frozenset(simplify(word) for word in data["ignore"])
    synonyms = {
        stem(simplify(key)): tuple(stem(simplify(word)) for word in words)
        for key, words in data["synonyms"].items()
    }
    return ignore, synonyms


def stem(word: str) -> str:
    """A rough Dutch stem: plural and diminutive endings off, a doubled consonant undone.

    "formulieren" -> "formulier", "klussen" -> "klus", "briefjes" -> "brief"; short words stay.
    """
    for ending in _ENDINGS:
        if len(word) - len(ending) >= 4 and word.endswith(ending):
            word = word[: -len(ending)]
            break
    return _DOUBLE.sub(r"\1", word)


def question_words(text: str) -> tuple[str, ...]:
    """The words of a question that say what is looked for, stemmed, with their synonyms."""
    ignore, synonyms = _words()
    found: list[str] = []
    for word in words_of(simplify(text)):
        if word in ignore or word.isdigit() or len(word) < 2:
            continue
        for each in (stem(word), *_synonyms_of(stem(word), synonyms)):
            if each not in found:
                found.append(each)
    return tuple(found)


def _synonyms_of(word: str, synonyms: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Synonyms of a word, also of a mistyped one ("mobeil" -> "mobiel" -> telefoon)."""
    if word in synonyms:
        return synonyms[word]
    if len(word) < 5:
        return ()
    found = process.extractOne(word, list(synonyms), scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF)
    return synonyms[found[0]] if found is not None else ()


def _service_words(service: ServiceInfo) -> tuple[list[str], list[str]]:
    strong = [stem(w) for text in (service.name, *service.terms) for w in words_of(simplify(text))]
    weak = [stem(w) for w in words_of(simplify(service.description))]
    return strong, weak


def _hit(word: str, candidates: Sequence[str]) -> bool:
    if not candidates:
        return False
    if len(word) >= 5 and any(c.startswith(word) or word.startswith(c) for c in candidates if len(c) >= 5):
        return True
    return process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF) is not None


def score(question: str, service: ServiceInfo) -> float:
    """How well a service answers a question: weighted words found, plus a recognised category."""
    strong, weak = _service_words(service)
    total = 0.0
    for word in question_words(question):
        if _hit(word, strong):
            total += TERM_WEIGHT
        elif _hit(word, weak):
            total += DESCRIPTION_WEIGHT
    if categories.recognise_all(question) & set(service.categories):
        total += CATEGORY_WEIGHT
    return total


def best(
    question: str, services: Sequence[ServiceInfo], neighbourhood: str | None, limit: int = MAX_RESULTS
) -> list[ServiceInfo]:
    """The best few services for a question: for the person's neighbourhood or the whole municipality,
    best first; of two as good, the one in the neighbourhood first, then by name. Empty: nothing fits."""
    scored = [
        (score(question, service), service)
        for service in services
        if service.neighbourhood is None or neighbourhood is None or service.neighbourhood == neighbourhood
    ]
    good = [(points, service) for points, service in scored if points >= MIN_SCORE]
    good.sort(key=lambda pair: (-pair[0], pair[1].neighbourhood is None, pair[1].name))
    return [service for _, service in good[:limit]]


# After a story only "where" opens a map question: "..., wie helpt" asks a neighbour (round services26).
_WHERE_OPENINGS = tuple(opening for opening in QUESTION_OPENINGS if opening.startswith(("waar", "where")))
# Where a clause begins: after a comma, a full stop, a question or exclamation mark, a semicolon or a colon.
_CLAUSES = re.compile(r"[,.;:!?\u060c\u061f]+\s*")


def is_question(text: str) -> bool:
    """Does a menu message ask where to go for something? ("Waar kan ik terecht voor ...").

    The opening may begin a later clause, after what it is about ("mijn moeder heeft dementie, waar kan ik
    advies krijgen?", round services26), when it asks where ("..., wie helpt" asks a neighbour) and the
    clauses before it ask no one for help themselves ("kan iemand mijn brief lezen, waar moet ik hem
    laten" stays a request)."""
    plain = simplify(text)
    if not question_words(plain):
        return False
    if plain.startswith(QUESTION_OPENINGS):
        return True
    clauses = _CLAUSES.split(plain)
    for at, clause in enumerate(clauses[1:], start=1):
        if clause.startswith(_WHERE_OPENINGS):
            before = ", ".join(clauses[:at])
            return read_intent(before, context="menu").intent not in ("ask", "offer")
    return False


def start(state: dict[str, Any], question: str = "") -> StepResult:
    """HULPWIJZER (alone: ask what for) or a question: look the services up."""
    if question and question_words(question):
        return lookup(state, question)
    state["flow"] = "social_map"
    state["step"] = "question"
    state["offered"] = []
    state["prompt"] = {"key": "map_ask", "params": {}, "choices": []}
    return StepResult(state, (say("map_ask"),))


def lookup(state: dict[str, Any], question: str) -> StepResult:
    state["flow"] = "social_map"
    state["step"] = "waiting"
    state.pop("prompt", None)
    state["offered"] = []
    return StepResult(state, (), (Effect("map_lookup", {"question": question[:MAX_QUESTION]}),))


def handle(state: dict[str, Any], event: Event) -> StepResult:
    """The question after HULPWIJZER, or the answer to "shall I ask a person?"."""
    if state.get("step") == "question" and event.kind == "text" and question_words(event.text):
        return lookup(state, event.text)
    if state.get("step") == "no_result":
        answer = chosen(state, event)
        if answer in ("yes", "no"):
            _done(state)
            if answer == "yes":
                alert = Effect("alert_staff", {"kind": "map_no_result", "priority": "normal"})
                return StepResult(state, (say("map_person_asked"),), (alert,))
            return StepResult(state, ())
    _done(state)
    return StepResult(state, (say("map_not_understood"),))


def on_internal(state: dict[str, Any], event: Event, neighbourhood: str | None) -> StepResult | None:
    """`map_services`: the looked-up list with the question; the best few as answers."""
    if event.command != "map_services":
        return None
    data = dict(event.meta)
    services = [ServiceInfo.from_json(item) for item in data.get("services", [])]
    found = best(str(data.get("question", "")), services, neighbourhood)
    if not found:
        state["flow"] = "social_map"
        state["step"] = "no_result"
        return StepResult(state, (prompt(state, "map_no_result", YES_NO),))
    replies: list[Reply] = [say("map_found" if len(found) > 1 else "map_found_one")]
    replies.extend(say("map_service", _facts(service)) for service in found)
    _done(state)
    return StepResult(state, tuple(replies))


def _done(state: dict[str, Any]) -> None:
    state["flow"] = "menu"
    state["offered"] = []
    state.pop("step", None)
    state.pop("prompt", None)


def _facts(service: ServiceInfo) -> dict[str, str]:
    return {
        "name": service.name,
        "description": service.description,
        "hours": service.hours,
        "phone": service.phone,
    }
