"""`read`: one message, one context, one `Reading`, in the corpus's keys and values.

The contexts are those of `../shared/understanding/README.md`; the flows map their open question onto
one of them (`flows.conversation` keeps that table). Crisis is read in every context first: a reading
with `crisis` set is acted on before anything else.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

from flows.understanding import (
    answers,
    checkin,
    crisis,
    intent,
    language,
    names,
    neighbourhoods,
    shorthand,
    spelling,
    times,
    translit,
)

Context = Literal[
    "first_message",
    "name",
    "neighbourhood",
    "consent",
    "menu",
    "ask_category",
    "ask_when",
    "ask_urgency",
    "invitation",
    "checkin",
    "any_state",
]
CONTEXTS: tuple[str, ...] = get_args(Context)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Keys of the corpus format, in the order they are printed.
CORPUS_KEYS = (
    "intent",
    "category",
    "when",
    "crisis",
    "name",
    "not_a_name",
    "neighbourhood",
    "postcode",
    "unknown",
    "answer",
    "condition",
    "distress",
    "urgency",
    "unclear",
    "language",
)


@dataclass(frozen=True, slots=True)
class Reading:
    """What a message says in its context. Unset fields are None: the message does not say it.

    `lang` is the language the message is written in (detected, or the conversation's); `confidence`
    is how sure the reader is of the main answer (0-1): flows act at >= 0.5 and ask back below it.
    `time` is the structured form of `when` for flows that plan with it.
    """

    intent: str | None = None
    category: str | None = None
    when: str | None = None
    crisis: str | None = None
    name: str | None = None
    not_a_name: bool | None = None
    neighbourhood: str | None = None
    postcode: str | None = None
    unknown: bool | None = None
    answer: str | None = None
    condition: str | None = None
    distress: bool | None = None
    urgency: str | None = None
    unclear: bool | None = None
    language: str | None = None
    lang: str = "nl"
    confidence: float = 0.0
    time: times.TimeReading | None = field(default=None, compare=False)

    def to_corpus(self) -> dict[str, Any]:
        """The reading in the corpus's keys: only what the message says (no key means no)."""
        values = asdict(self)
        return {key: values[key] for key in CORPUS_KEYS if values[key] not in (None, False)}


def read(
    context: str,
    text: str,
    *,
    lang: str | None = None,
    channel: str | None = None,
    now: datetime | None = None,
    municipality: Any = None,
) -> Reading:
    """What `text` means at `context`. Pure; never raises on any text.

    `lang` is the conversation's language (None on first contact: it is detected); `now` is the
    caller's clock (timezone-aware; None reads relative phrases without resolving them); `municipality`
    is the tenant's `flows.places.Municipality` for neighbourhood names (None: the default one).
    """
    if context not in CONTEXTS:
        raise ValueError(f"unknown context {context!r}")
    reading = _read(context, text, lang=lang, now=now, municipality=municipality)
    if reading.crisis:
        return reading
    reading = _written_out(context, text, reading, now=now, municipality=municipality)
    # Ukrainian or Moroccan Arabic in Latin letters, spelled as the lexicons do not: read again with its
    # words as the lexicons write them (`translit`: Cyrillic words, Darija spellings of the same key).
    # That reading is taken when it says something the first did not, and raises no crisis. A message read
    # as Ukrainian is spelled so even when read ("tak, zavtra": the yes is read, its "tomorrow" not yet:
    # round corpus39).
    ukrainian = _unread(context, reading) or reading.lang == "uk"
    respelled = [
        (spelled, written)
        for spelled, written in (
            (translit.cyrillic(text, lang) if ukrainian else None, "uk"),
            (translit.darija(text) if reading.lang == "ar" else None, "ar"),
        )
        if spelled is not None
    ]
    for spelled, written in respelled:
        again = _read(context, spelled, lang=written, now=now, municipality=municipality)
        if not again.crisis and _says_more(context, again, reading):
            return replace(again, lang=written)
    return reading


# Contexts read on the words as typed only: a name or a place is no shorthand ("Nie", "Ff").
_AS_TYPED = frozenset({"name", "neighbourhood"})
# Keys that say nothing was read ("unclear" at "Wanneer?"): a written-out reading may lose them.
_NOTHING_READ = frozenset({"unclear", "unknown", "not_a_name"})


def _written_out(
    context: str, text: str, reading: Reading, *, now: datetime | None, municipality: Any
) -> Reading:
    """The reading of `text` with its SMS shorthand written out ("morg" -> "morgen", "maakt nie uit",
    `shorthand`) and, in Dutch, the words written by ear spelled as the dictionary does ("nodich",
    "helpe", "com puter": `spelling`, round corpus31), in the language it was told (round 21): taken
    when it keeps every key the words as typed gave (values may be mended: "ZO SNEL ALS T KAN" is asap,
    not Sunday) and raises no crisis; a lexicon that lists a shorthand itself ("k wil dood gwn", Darija
    "mn") keeps its reading."""
    if context in _AS_TYPED:
        return reading
    spelled = shorthand.expand(spelling.respell(text) if reading.lang == "nl" else text, reading.lang)
    if spelled == text:
        return reading
    again = _read(context, spelled, lang=reading.lang, now=now, municipality=municipality)
    if again.crisis or not set(reading.to_corpus()) - _NOTHING_READ <= set(again.to_corpus()):
        return reading
    return replace(again, lang=reading.lang)


# What each context's reading says; a reading without it (or only a greeting) read as nothing.
_SAYS = {
    "first_message": "intent",
    "menu": "intent",
    "any_state": "intent",
    "checkin": "answer",
    "name": "name",
    "neighbourhood": "neighbourhood",
    "consent": "answer",
    "ask_category": "category",
    "ask_when": "when",
    "ask_urgency": "urgency",
    "invitation": "answer",
}


def _says_more(context: str, again: Reading, first: Reading) -> bool:
    """`again` reads what `first` left unread, or all `first` read and more: a key more, or a value
    that goes on ("tomorrow" -> "tomorrow 15:30")."""
    if _unread(context, first):
        return not _unread(context, again)
    before, after = first.to_corpus(), again.to_corpus()
    for key, value in before.items():
        got = after.get(key)
        goes_on = isinstance(value, str) and isinstance(got, str) and got.startswith(value + " ")
        if got != value and not goes_on:
            return False
    return after != before


def _unread(context: str, reading: Reading) -> bool:
    said = getattr(reading, _SAYS[context])
    if context == "neighbourhood":
        return said is None and reading.postcode is None
    return said is None or said == "greeting"


def _read(context: str, text: str, *, lang: str | None, now: datetime | None, municipality: Any) -> Reading:
    written = language.detect(text, hint=lang)
    danger = crisis.detect(text, written)
    base: dict[str, Any] = {"lang": written, "crisis": danger}
    if context in ("first_message", "menu"):
        found = intent.read_intent(text, written, context=context)
        # A crisis is answered first and at once: a time in it ("right now") is not a request's time.
        wanted = found.intent in intent.WITH_TIME and not danger
        when = times.find_when(text, written, now) if wanted else None
        return Reading(
            **base,
            intent="crisis" if danger else found.intent,
            category=found.category if not danger else None,
            when=when.normal if when else None,
            time=when,
            confidence=1.0 if danger else found.confidence,
        )
    if context == "any_state":
        said = intent.read_any_state(text, written)
        return Reading(
            **base,
            intent="crisis" if danger else (said.intent if said else None),
            language=said.language if said and not danger else None,
            confidence=1.0 if danger else (said.confidence if said else 0.0),
        )
    if context == "checkin":
        answer, distress, confidence = checkin.read_checkin(text, written)
        if danger and answer is None:
            answer = "heavy"
        return Reading(**base, answer=answer, distress=distress or None, confidence=confidence)
    if danger:
        return Reading(**base, confidence=1.0)
    if context == "name":
        name, confidence = names.read_name(text, written)
        return Reading(**base, name=name, not_a_name=name is None or None, confidence=confidence)
    if context == "neighbourhood":
        place = neighbourhoods.read_neighbourhood(text, written, municipality)
        return Reading(
            **base,
            neighbourhood=place.neighbourhood,
            postcode=place.postcode,
            unknown=(place.neighbourhood is None and place.postcode is None) or None,
            confidence=place.confidence,
        )
    if context == "consent":
        yes_no, confidence = answers.read_yes_no(text, written, allow_question=True)
        return Reading(**base, answer=yes_no, confidence=confidence)
    if context == "ask_category":
        category, confidence = answers.read_category(text, written)
        return Reading(**base, category=category, confidence=confidence)
    if context == "ask_when":
        when = times.read_when(text, written, now)
        return Reading(
            **base,
            when=when.normal if when else None,
            unclear=when is None or None,
            time=when,
            confidence=when.confidence if when else 0.0,
        )
    if context == "ask_urgency":
        urgency, confidence = answers.read_urgency(text, written)
        return Reading(**base, urgency=urgency, confidence=confidence)
    # invitation
    answer, condition, confidence = answers.read_invitation(text, written, now)
    return Reading(**base, answer=answer, condition=condition, confidence=confidence)


def now_local() -> datetime:
    """The wall clock in Amsterdam, for the command line only (flows get `now` from their caller)."""
    return datetime.now(AMSTERDAM)
