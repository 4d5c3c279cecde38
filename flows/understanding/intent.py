"""What a first message, or a message at the menu, wants; and words about the conversation itself.

The words are data (`data/intents.toml`, six languages). A message can hold several signs ("hoi, ik ben
nieuw, kan iemand mijn heg knippen?"), so the groups are weighed in a fixed order, most decisive first:
stop, a person, a service of the sociale kaart, an offer, the agenda, a request (request words, or a
kind of help named), "bel me", loneliness, a greeting. Only requests and offers carry a kind of help.

At the menu ("1 Hulp vragen 2 Hulp bieden 3 Uitleg 4 Stoppen") a number or number word picks an option;
3 (Uitleg) reads as intent "explain", which the corpus does not list: the flows show the explanation.

`read_any_state` is deliberately narrower: it runs in every state, so it fires only on words about the
conversation itself. Decisions: "stop met roken", "ik stop met werken" are not opt-outs (stopping
*something else*); "nee" is never stop; "stop" inside a word ("bushalte", "stopcontact") is not stop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from flows import normalise
from flows.understanding import categories
from flows.understanding.phrases import Phrases, PhraseSet, compile_phrases, live_lists, normal, strip_edges
from flows.understanding.text import emoji_in, lexicon, number_choice, without_choice_opener

INTENTS = (
    "ask",
    "offer",
    "service_question",
    "activity",
    "human",
    "stop",
    "greeting",
    "crisis",
    "explain",
    "complaint",
    "compliment",
)
# Intents whose message may carry a time worth reading.
WITH_TIME = frozenset({"ask", "offer", "activity", "human"})
# What a menu message with a number word says over that number (round corpus25).
_OVER_A_NUMBER_WORD = frozenset({"human", "stop", "service_question", "activity", "complaint"})
# The main menu's options by number.
MENU = {1: "ask", 2: "offer", 3: "explain", 4: "stop"}
# After a menu number, at most this many words may follow ("4 stoppen", "1 hulp vragen graag").
_MENU_LABEL_WORDS = 3
# A message this short that says nothing else is a greeting ("hoi", "goedemiddag", a name).
_GREETING_WORDS = 3
# Words about the conversation are a whole short message; a long one is about something else.
_COMMAND_WORDS = 8
# ...but a question after one's own request may name it ("is er al iemand voor mijn vraag over de lamp?").
_STATUS_QUESTION_WORDS = 14
# ...and one in one's own words, with words of found / answered (commands.toml [status_question]).
_OWN_WORDS_STATUS_WORDS = 16
# ...and one about one's own data may say what it is about ("ik wil een kopie van alles wat jullie over
# mij hebben", round 12 of the dialogues): these commands' phrases are whole messages of up to so many words.
_PRIVACY_COMMAND_WORDS = 12
# ...as may a question about what is on, saying where and when ("is er iets te doen in de buurt deze week?"),
# and family who want to read along, said in a sentence ("my son would like to follow along as well",
# round dialogue20).
_LONG_COMMANDS = ("erase", "my_data", "export", "agenda", "social_map", "circle")
_LANGUAGE_REQUEST_WORDS = 8
# Someone who says they do not speak the language they write in is offered the languages there are.
CHOOSE_LANGUAGE = "choose"
_CHOOSE_LANGUAGE_WORDS = 6
_NOT_A_KIND = ("call", "human", "stop")
_GROUPS = (
    "stop",
    "complaint",
    "compliment",
    "human",
    "call",
    "service",
    "lonely",
    "offer",
    "offer_join",
    "offer_weak",
    "activity",
    "agenda_question",
    "join_invite",
    "paper_help",
    "someone",
    "ask",
    "not_ask",
    "medicine_taken",
    "greeting",
    "menu",
    "referral",
    "stop_reason",
    "salutation",
    "own_role",
    "about_us",
    "volunteer_named",
)


@dataclass(frozen=True, slots=True)
class IntentReading:
    intent: str | None
    category: str | None = None
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class StateWords:
    """Words about the conversation in any state: stop, human, menu, language (with `language`)."""

    intent: str
    language: str | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class _Group:
    anywhere: Phrases | None
    whole: Phrases | None

    def found(self, prepared: str, whole_text: str) -> bool:
        if self.anywhere is not None and self.anywhere.search(prepared):
            return True
        return bool(self.whole is not None and whole_text and self.whole.fullmatch(whole_text))

    def spans(self, prepared: str) -> list[tuple[int, int]]:
        if self.anywhere is None:
            return []
        return [(start, end) for start, end, _ in self.anywhere.spans(prepared)]


@cache
def _groups() -> dict[str, _Group]:
    data = lexicon("intents")
    groups: dict[str, _Group] = {}
    for name in _GROUPS:
        sections = [section for section in data[name].values() if isinstance(section, dict)]
        groups[name] = _Group(
            anywhere=compile_phrases(p for s in sections for p in s.get("phrases", ())),
            whole=compile_phrases(p for s in sections for p in s.get("whole", ())),
        )
    return groups


@cache
def _fillers() -> tuple[str, ...]:
    # Thanks at the edges as well ("4 ik wil stoppen dank u wel", round corpus33): the smalltalk list.
    thanks = lexicon("conversation")["smalltalk_thanks"]["phrases"]
    return (*lexicon("intents")["fillers"]["words"], *thanks)


@dataclass(frozen=True, slots=True)
class _Signs:
    """Which groups a message shows, and the kind of help it names."""

    groups: frozenset[str]
    category: str | None
    named: bool  # the kind is named outright, not only leant to ("huisarts" leans to vervoer)
    words: int

    def __contains__(self, group: object) -> bool:
        return group in self.groups


def _once(text: str) -> str:
    """Words said twice in a row once: "STOP STOP STOP" is "stop"."""
    words = text.split()
    return " ".join(word for i, word in enumerate(words) if i == 0 or word != words[i - 1])


def _only_inside(spans: list[tuple[int, int]], outer: list[tuple[int, int]]) -> bool:
    """Some spans, each inside one of `outer`."""
    return bool(spans) and all(any(s >= o_s and e <= o_e for o_s, o_e in outer) for s, e in spans)


@cache
def _titled_names() -> re.Pattern[str]:
    """A formal title and the surname after it, particles between ("mevrouw bakker", "meneer de visser"):
    names.toml [titles.formal] and [particles], in the prepared form the kind reader sees."""
    titles = lexicon("names")["titles"]
    spellings = {normal(s) for written in titles["formal"]["written"] for s in titles["before"][written]}
    particles = {normal(p) for p in lexicon("names")["particles"]["all"]} - {""}
    title = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    particle = "|".join(re.escape(p) for p in sorted(particles, key=len, reverse=True))
    return re.compile(rf"(?<!\S)(?:{title})(?: (?:{particle}))* \S+")


# A stop said as the message's first words ("stop maar", "stoppen") before the reason for it.
_STOP_OPENER_WORDS = (1, 2)
# ...not stopping something else: "stop met roken", "stop with the questions".
_STOPPING_SOMETHING = frozenset({"met", "with", "ile", "z", "з"})


def _opens_with_stop(whole_text: str, stop: _Group) -> bool:
    """The message's first word or two are a whole-message stop ("stop maar ik hoef niet meer"), with
    more after them. Only read beside a no-help-needed reason, so "stop met roken" stays no stop."""
    words = whole_text.split()
    return stop.whole is not None and any(
        len(words) > size
        and words[size] not in _STOPPING_SOMETHING
        and stop.whole.fullmatch(" ".join(words[:size]))
        for size in _STOP_OPENER_WORDS
    )


# ...and a stop said last, after the reason: not one that something is to stop ("hoef niet te stoppen").
_NOT_A_CLOSING_STOP = frozenset({"te", "to", "niet", "nie", "not", "geen", "no"})


def _closes_with_stop(whole_text: str, stop: _Group) -> bool:
    """The message's last word or two are a whole-message stop after the reason ("ik hoef niks meer,
    stoppen maar", "ik heb al hulp, dus stop"; round corpus33). Read beside a no-help-needed reason only."""
    words = whole_text.split()
    return stop.whole is not None and any(
        len(words) > size
        and words[-size - 1] not in _NOT_A_CLOSING_STOP
        and stop.whole.fullmatch(" ".join(words[-size:]))
        for size in _STOP_OPENER_WORDS
    )


@lru_cache(maxsize=1024)
def _signs(text: str) -> _Signs:
    """Read once per message: the flows may ask for its intent and for words about the conversation."""
    prepared = categories.prepare(text)
    whole_text = _once(strip_edges(prepared, _fillers()))
    groups = _groups()
    found = frozenset(name for name, group in groups.items() if group.found(prepared, whole_text))
    # A kind's word inside a call, a person or a stop phrase is part of that phrase ("aan de telefoon").
    taken = [span for name in _NOT_A_KIND if name in found for span in groups[name].spans(prepared)]
    if "lonely" in found:
        # Loneliness said without the word ("I haven't talked to anyone in days", "ні з ким не
        # розмовляла"): its "anyone" asks for no one, its "talk" names no kind of help.
        told = groups["lonely"].spans(prepared)
        found -= {name for name in ("ask", "someone") if _only_inside(groups[name].spans(prepared), told)}
        taken += told
    if "compliment" in found:
        # Praise for a volunteer ("gonullu cok yardimsever biriydi") offers no help: the volunteer's word
        # inside the praise is no offer (round services26).
        praised = groups["compliment"].spans(prepared)
        found -= {
            name for name in ("offer", "offer_weak") if _only_inside(groups[name].spans(prepared), praised)
        }
    if "volunteer_named" in found:
        # "de vrijwilliger is niet gekomen", "wie is mijn vrijwilliger?": a volunteer spoken of offers no help
        # (session 31), as inside praise.
        spoken = groups["volunteer_named"].spans(prepared)
        found -= {
            name for name in ("offer", "offer_weak") if _only_inside(groups[name].spans(prepared), spoken)
        }
    for source in ("referral", "own_role"):
        if source not in found:
            continue
        # "ik kreeg dit nummer van de wijkagent": who passed the number on is asked nothing (round corpus29);
        # "ik ben maatschappelijk werker bij het wijkteam": nor where the writer works (round corpus38).
        passed_on = groups[source].spans(prepared)
        found -= {
            name for name in ("service", "human") if _only_inside(groups[name].spans(prepared), passed_on)
        }
        taken += passed_on
    if "about_us" in found:
        # "wat doen jullie precies?": what the service is; no question about the agenda (round corpus38).
        if _only_inside(groups["activity"].spans(prepared), groups["about_us"].spans(prepared)):
            found -= {"activity"}
        found |= {"greeting"}
    if "salutation" in found:
        # "Sayin yetkili, ...", "Geachte medewerker, ...": the letter's opening asks for no person (round
        # corpus35).
        opening = groups["salutation"].spans(prepared)
        people = groups["human"].spans(prepared)
        if people and all(any(o_s <= start < o_e for o_s, o_e in opening) for start, _ in people):
            found -= {"human"}  # a person's word that opens inside the salutation ("yetkili ...")
        taken += opening
    reasoned = {"not_ask", "stop_reason"} & found
    if reasoned and "stop" not in found and _opens_with_stop(whole_text, groups["stop"]):
        found |= {"stop"}  # "stop maar ik hoef niet meer": a stop, and why (round corpus29)
    elif reasoned and "stop" not in found and _closes_with_stop(whole_text, groups["stop"]):
        found |= {"stop"}  # "ik hoef niks meer, stoppen maar": the reason, then the stop (round corpus33)
    # "met mevrouw bakker": a surname after a formal title names no kind of help (round corpus29).
    taken += [(found_name.start(), found_name.end()) for found_name in _titled_names().finditer(prepared)]
    category, confidence = categories.kind_in_prepared(prepared, taken)
    named = category is not None and confidence > categories.LEANING
    return _Signs(found, category, named, len(prepared.split()))


@cache
def _number_words() -> frozenset[str]:
    """Every word of a menu number: digits, number words and ordinals, and the words that lead them."""
    spelled = (
        spelling for table in lexicon("numbers").values() for listed in table.values() for spelling in listed
    )
    leads = ("de", "het", "the", "nummer", "nr", "optie", "option", "keuze", "number", "no")
    found = {word for spelling in (*spelled, *leads) for word in normal(spelling).split()}
    return frozenset(found | {str(number) for number in MENU})


# "met iemand praten over mijn schulden": someone to talk to about a service's subject asks for the service.
_ABOUT = frozenset({"over", "about", "hakkinda", "o", "про", "عن", "3la", "على"})


def _talk_about_service(text: str) -> bool:
    prepared = categories.prepare(text)
    groups = _groups()
    people = groups["human"].spans(prepared)
    services = groups["service"].spans(prepared)
    for _, person_end in people:
        for service_start, _ in services:
            between = prepared[person_end:service_start].split()
            if service_start >= person_end and len(between) <= 4 and _ABOUT & set(between):
                return True
    return False


# A service named only as the place of an errand: "kan iemand me naar de dagbesteding brengen" asks a lift,
# "mijn pakket bij de voedselbank ophalen" the shopping, not the sociale kaart (round 18).
_ERRANDS = frozenset({"vervoer", "boodschappen"})
_PLACE_WORDS = frozenset({"naar", "van", "bij", "to", "from"})
_ARTICLES = frozenset({"de", "het", "een", "mijn", "the", "a", "my"})


def _service_as_place(text: str) -> bool:
    """Every service the message names stands after "naar"/"van"/"bij" (an article between)."""
    prepared = categories.prepare(text)
    spans = _groups()["service"].spans(prepared)
    for start, _ in spans:
        before = prepared[:start].split()
        while before and before[-1] in _ARTICLES:
            before.pop()
        if not before or before[-1] not in _PLACE_WORDS:
            return False
    return bool(spans)


@cache
def _menu_labels() -> dict[str, Phrases]:
    labels: dict[str, Phrases] = {}
    for key, phrases in lexicon("intents")["menu_labels"].items():
        compiled = compile_phrases(phrases)
        if compiled is not None:
            labels[key] = compiled
    return labels


def _menu_label(text: str) -> str | None:
    """The option a message names by its label, as the whole message: "uitleg graag", "hulp bieden"."""
    whole_text = strip_edges(categories.prepare(text), _fillers())
    return next(
        (key for key, label in _menu_labels().items() if whole_text and label.fullmatch(whole_text)), None
    )


def _menu_number(text: str) -> str | None:
    # "eh de 1", "ja eh nummer een": the number with the fillers around it taken off.
    number = number_choice(text)
    words = normal(text)
    if number is None:
        # Only a number is left once the fillers are off ("nog een vraag" is no "1").
        words = strip_edges(words, _fillers())
        number = number_choice(words) if set(words.split()) <= _number_words() else None
        said = set(without_choice_opener(words).split())
        if number is None and said & _last_words() and said <= _number_words() | _last_words():
            number = max(MENU)  # "de laatste optie graag": the last option (round corpus38)
    if number not in MENU:
        return None
    # The words that open the choice do not count ("doe maar de tweede optie", round corpus25).
    if len(without_choice_opener(words).split()) > 1 + _MENU_LABEL_WORDS:
        return None
    return MENU[number]


def _menu_number_first(text: str, lang: str) -> str | None:
    """A menu number as a clause of its own before more words ("2, ik ben EHBO'er en weet wat te doen
    bij een hartstilstand"): the number's option, when the words after it want nothing else."""
    text = _number_lead().sub("", text, count=1)  # "nummer 1 graag, voor mijn schoonvader" (round corpus35)
    found = _NUMBER_FIRST.match(text)
    bare = found is None
    found = found or _NUMBER_FIRST_BARE.match(text)
    chosen = _menu_number(found["number"]) if found else None
    if found is None or chosen is None:
        return None
    rest = read_intent(found["rest"], lang)
    said = rest.intent if rest.intent is not None else read_any_state(found["rest"], lang)
    # Without a mark the number may be a count ("4 weken geleden ..."): taken only when the words after it
    # say the same option ("4 ik wil stoppen dank u wel", round corpus33).
    # A bare digit before a word no count takes ("1 maar is het wel gratis?", round corpus35) is the option
    # too.
    opened = normal(found["rest"]).split()[:1]
    marked = not bare or bool(opened and opened[0] in _menu_number_then())
    return chosen if said == chosen or (marked and said in (None, "greeting")) else None


@cache
def _last_words() -> frozenset[str]:
    """ "de laatste", "the last one": the last option (choices.toml [last])."""
    return frozenset(normal(word) for word in lexicon("choices")["last"]["all"])


# "helpen, maar pas na de kerst": an option's label as the first clause, more words after it.
_LABEL_FIRST = re.compile(r"^\s*(?P<label>[^,.;:!?]+?)\s*[,.;:!]+\s+(?P<rest>\S.*)$", re.DOTALL)


def _menu_label_first(text: str, lang: str) -> str | None:
    """A menu label as a clause of its own before more words ("helpen, maar pas na de kerst", "vragen,
    mijn moeder moet naar de kapper"): the label's option, when the words after it want nothing else or
    the same (round corpus38), as a number before them is (`_menu_number_first`)."""
    found = _LABEL_FIRST.match(text)
    chosen = _menu_label(found["label"]) if found else None
    if found is None or chosen is None:
        return None
    rest = read_intent(found["rest"], lang)
    said = rest.intent if rest.intent is not None else read_any_state(found["rest"], lang)
    return chosen if said in (None, "greeting", chosen) else None


@cache
def _number_lead() -> re.Pattern[str]:
    """ "nummer", "optie", "nr." before a menu digit (categories.toml [choice] number_leads)."""
    leads = sorted(lexicon("categories")["choice"]["number_leads"], key=len, reverse=True)
    return re.compile(rf"(?i)^\s*(?:{'|'.join(map(re.escape, leads))})\.?\s*(?=\d)")


@cache
def _menu_number_then() -> frozenset[str]:
    return frozenset(normal(word) for word in lexicon("intents")["menu_number_then"]["words"])


# "2, ..." / "2. ..." (a space after the mark: "2,5" is a number).
_NUMBER_FIRST = re.compile(r"^\s*(?P<number>\d{1,2})\s*[,.;:!)]\s+(?P<rest>\S.*)$", re.DOTALL)
# "4 ik wil stoppen ...": one digit and a space, the option said again in words (round corpus33).
_NUMBER_FIRST_BARE = re.compile(r"^\s*(?P<number>\d)\s+(?P<rest>\S.*)$", re.DOTALL)


def read_intent(text: str, lang: str = "nl", *, context: str = "first_message") -> IntentReading:
    """What a first message or a message at the menu wants, with the kind of help it names."""
    if context == "menu":
        chosen = (
            _menu_number(text)
            or _menu_label(text)
            or _menu_number_first(text, lang)
            or _menu_label_first(text, lang)
        )
        if chosen is not None and not any(ch.isdigit() for ch in text):
            # A number word that is also an article ("bir kisiyle konusmak istiyorum": "bir" is one and
            # "a"): the message read whole wants something else, a person or a stop (round corpus25).
            whole = read_intent(text, lang)
            if whole.intent in _OVER_A_NUMBER_WORD and whole.intent != chosen:
                return whole
        if chosen is not None:
            # "1 boodschappen": the option, and the kind named with it.
            signs = _signs(text)
            kind = signs.category if chosen in ("ask", "offer") and signs.named else None
            return IntentReading(chosen, kind, 0.95)
    if not normal(text):
        # Only emoji or signs: nothing asked yet. A wave says hello; a heart or "?" barely does.
        waved = any(emoji in lexicon("intents")["greeting_emoji"]["emoji"] for emoji in emoji_in(text))
        return IntentReading("greeting", None, 0.6 if waved else 0.3)
    signs = _signs(text)
    category = signs.category
    if "stop" in signs:
        return IntentReading("stop", None, 0.9)
    complained = "complaint" in signs and not {"offer_join", "service"} & signs.groups
    if complained and not {"someone", "ask"} <= signs.groups:
        # "ik wil een klacht indienen over een vrijwilliger": the team is told, no offer (round services26);
        # "kan iemand mijn klacht over de gemeente helpen opschrijven" asks a neighbour to help write it,
        # "waar kan ik terecht met klachten over overlast" asks the sociale kaart (round 7).
        return IntentReading("complaint", None, 0.85)
    if "human" in signs and "service" in signs and _talk_about_service(text):
        return IntentReading("service_question", None, 0.8)
    if _person_asked(signs):
        return IntentReading("human", None, 0.9)
    paper = "paper_help" in signs and "ask" in signs and category == "formulieren"
    # A service as the place of an errand someone is asked for or offers ("ik kan wel mensen ... brengen").
    asked = "someone" in signs or "offer" in signs
    ride = asked and category in _ERRANDS and _service_as_place(text)
    if "offer_join" in signs:
        return IntentReading("offer", category, 0.85)  # "ik wil graag maatje worden" (the maatjesproject)
    if "service" in signs and not (paper or ride):
        return IntentReading("service_question", None, 0.85)
    if "offer" in signs:
        return IntentReading("offer", category, 0.9)
    # "anyone fancy coffee morning": others asked along to an activity, not a request for company.
    joining = "join_invite" in signs and category in (None, "gezelschap")
    agenda = ("agenda_question" in signs and "someone" not in signs) or joining
    if "activity" in signs and (agenda or not ("ask" in signs and category)):
        return IntentReading("activity", None, 0.85)
    if "compliment" in signs and not {"ask", "someone"} & signs.groups:
        # "de vrijwilliger was echt geweldig": thanked for and passed on, not an offer (round services26).
        return IntentReading("compliment", None, 0.8)
    if "offer_weak" in signs and "ask" not in signs:
        return IntentReading("offer", category, 0.75)
    if "not_ask" in signs:
        return IntentReading(None)
    if "medicine_taken" in signs and not {"ask", "someone"} & signs.groups and "?" not in text:
        # Round crisis20: one's daily medicine said taken ("pillen ingenomen, nu koffie") asks for nothing.
        return IntentReading(None)
    if "ask" in signs:
        return IntentReading("ask", category, 0.9 if category else 0.75)
    if signs.named and "lonely" not in signs:
        return IntentReading("ask", category, 0.7)
    if "call" in signs:
        return IntentReading("human", None, 0.7)
    if "lonely" in signs:
        return IntentReading("service_question", None, 0.7)
    if "greeting" in signs or signs.words <= _GREETING_WORDS:
        return IntentReading("greeting", None, 0.7 if "greeting" in signs else 0.5)
    return IntentReading(None)


# ---------------------------------------------------------------- asking for a language


@dataclass(frozen=True, slots=True)
class _Languages:
    names: PhraseSet
    asks: Phrases | None
    subjects: Phrases | None
    not_understood: Phrases | None
    lasting: Phrases | None
    for_whom: Phrases | None


@cache
def _languages() -> _Languages:
    data: dict[str, Any] = dict(lexicon("languages"))
    return _Languages(
        names=PhraseSet({code: {1.0: names} for code, names in data["names"].items()}),
        asks=compile_phrases(data["asks"]["words"]),
        subjects=compile_phrases(data["asks"]["subjects"]),
        not_understood=compile_phrases(data["asks"]["not_understood"]),
        lasting=compile_phrases(data["asks"]["lasting"]),
        for_whom=compile_phrases(data["asks"]["for_whom"]),
    )


_CLAUSE = re.compile(r"[,.;:!?\n\u060c\u061f]+")


def language_asked(text: str, lang: str = "nl") -> str | None:
    """The language someone asks to be spoken to in: "spreekt u ook turks" -> "tr", "nederlands graag" ->
    "nl", "I don't speak Dutch" -> the language the message is written in (`lang`)."""
    prepared = normal(text)
    languages = _languages()
    if languages.lasting is not None:
        prepared = _without_spans(prepared, languages.lasting)  # "from now on" adds no length
    if languages.for_whom is not None:
        prepared = _without_spans(prepared, languages.for_whom)  # nor "voor mijn moeder" (round corpus35)
    not_understood = languages.not_understood is not None and bool(languages.not_understood.search(prepared))
    # The reason ("mijn Nederlands is niet zo goed") may double a request's length.
    words = prepared.split()
    if not words:
        return None
    if len(words) > _LANGUAGE_REQUEST_WORDS * (2 if not_understood else 1):
        return None if not_understood else _asked_last(text, lang, len(words))
    hits = languages.names.find(prepared)
    if not_understood and languages.not_understood is not None:
        # "Hollandaca anlamiyorum, Türkçe yazar misiniz": a language asked for in a clause of its own.
        for clause in _CLAUSE.split(text):
            part = normal(clause)
            found = languages.names.find(part) if part else []
            asking = languages.asks is not None and bool(part) and languages.asks.search(part)
            if found and asking and not languages.not_understood.search(part):
                return found[0].key
        named = {hit.key for hit in hits}
        if not named and categories.named_in_prepared(categories.prepare(text)):
            # "dostałam list z gemeente i nic nie rozumiem": a letter not understood, no language (round
            # dialogue20: it switched the language and the request was lost).
            return None
        if lang not in named:
            return lang
        # "ik spreek geen nederlands", "no dutch sorry" (written so that no other language shows): the
        # languages there are, offered, when that is all the message says.
        return CHOOSE_LANGUAGE if len(words) <= _CHOOSE_LANGUAGE_WORDS else None
    if not hits or (languages.subjects is not None and languages.subjects.search(prepared)):
        return None
    asked = hits[0].key
    rest = strip_edges(prepared, _fillers())
    if rest in {hit.words for hit in hits}:
        return asked
    if languages.asks is not None and languages.asks.search(prepared):
        return None if categories.named_in_prepared(categories.prepare(text)) else asked
    return None


def _asked_last(text: str, lang: str, words: int) -> str | None:
    """A language asked in a message's last clause, after a reason ("mijn moeder spreekt alleen turks, kunt
    u turks schrijven?"): that language, when no clause before asks another and no kind of help is named
    (round corpus38). Up to twice a request's length."""
    clauses = [clause for clause in _CLAUSE.split(text) if normal(clause)]
    if len(clauses) < 2 or words > 2 * _LANGUAGE_REQUEST_WORDS:
        return None
    asked = language_asked(clauses[-1], lang)
    if asked is None or asked == CHOOSE_LANGUAGE or categories.named_in_prepared(categories.prepare(text)):
        return None
    before = {language_asked(clause, lang) for clause in clauses[:-1]} - {None, asked}
    return None if before else asked


def _without_spans(prepared: str, phrases: Phrases) -> str:
    for start, end, _words in reversed(phrases.spans(prepared)):
        prepared = f"{prepared[:start]} {prepared[end:]}"
    return " ".join(prepared.split())


def _person_asked(signs: _Signs) -> bool:
    """A person or a call asked for: a word of a person, or a call with no kind of help named ("bel me",
    not "kan iemand me naar het ziekenhuis brengen en dan bellen")."""
    return "human" in signs or ("call" in signs and signs.category is None)


def only_a_call(text: str) -> bool:
    """A call asked for ("bel me maar", "je kunt me bellen") with no word of a person or the team in it:
    in a conversation with a neighbour it is said to the neighbour (flows/conversation.py)."""
    signs = _signs(text)
    return "call" in signs and "human" not in signs


def read_any_state(text: str, lang: str = "nl") -> StateWords | None:
    """Words about the conversation itself, in any state: stop, a person, the menu, another language."""
    if not normal(text):
        return None
    signs = _signs(text)
    if "stop" in signs:
        return StateWords("stop", confidence=0.95)
    if _person_asked(signs):
        return StateWords("human", confidence=0.9)
    if "menu" in signs:
        return StateWords("menu", confidence=0.9)
    asked = language_asked(text, lang)
    if asked is not None:
        return StateWords("language", asked, 0.9)
    return None


# ---------------------------------------------------------------- plain words for the bot's commands


@cache
def _commands() -> dict[str, Phrases]:
    data = lexicon("commands")
    patterns: dict[str, Phrases] = {}
    more = data.get("more", {})  # round 12: `[more.<command>]`, more phrases for a command above
    for key, sections in data.items():
        if key in ("fillers", "help_marks", "status_question", "more", "polite_edges"):
            continue
        listed = [*sections.values(), *more.get(key, {}).values()]
        pattern = compile_phrases(p for s in listed for p in s)
        if pattern is not None:
            patterns[key] = pattern
    return patterns


@cache
def _command_fillers() -> tuple[str, ...]:
    return (*_fillers(), *lexicon("commands")["fillers"]["words"])


_PARTS = re.compile(r"[,.;!?]+")


@lru_cache(maxsize=512)
def _command_phrase(prepared: str) -> str | None:
    """The command whose phrase is the whole (prepared) text, polite words aside. Only the commands
    whose lists may match either text are tried (most are not: `live_lists`); one step asks the same
    text more than once (the command, the parts, a pause with its reason), so the answer is kept."""
    whole_text = strip_edges(prepared, _command_fillers())
    if not whole_text:
        return None
    commands = _commands()  # compiled first: the lists it registers must be among those asked
    said = (whole_text, prepared, _without_polite_edges(prepared))
    live = {list_number for text in said for list_number in live_lists(text)}
    for key, pattern in commands.items():
        if pattern.number in live and any(pattern.fullmatch(text) for text in said):
            return key
    return None


def _without_polite_edges(prepared: str) -> str:
    """The text without polite words at its edges only ([polite_edges]): "graag even niks hoor" is "even
    niks", where stripping every filler leaves "niks" (the "even" of the phrase is a filler too)."""
    known = {tuple(categories.prepare(word).split()) for word in lexicon("commands")["polite_edges"]["words"]}
    words = prepared.split()
    changed = True
    while changed and words:
        changed = False
        for filler in known:
            size = len(filler)
            if size < len(words) and tuple(words[-size:]) == filler:
                words, changed = words[:-size], True
            elif size < len(words) and tuple(words[:size]) == filler:
                words, changed = words[size:], True
    return " ".join(words)


def command_in(text: str, lang: str = "nl") -> str | None:
    """The command key (as `flows.normalise.COMMAND_WORDS` names them) a short message says, as a command
    word (`normalise.command_in`) or in plain words:
    "ik wil mijn vragen zien" -> "my_requests", "laat me met rust" -> "stop". Conservative: the whole
    message must be the command, polite words aside; a command's words inside a longer request are not."""
    exact = normalise.command_in(text)
    if exact is not None:
        return exact
    marks = "".join(lexicon("commands")["help_marks"]["marks"])
    if text.strip() and not text.strip().strip(marks + " "):
        return "help"
    prepared = categories.prepare(text)
    if not prepared:
        return None
    if len(prepared.split()) > _COMMAND_WORDS:
        long_said = _command_phrase(prepared) if len(prepared.split()) <= _PRIVACY_COMMAND_WORDS else None
        return long_said if long_said in _LONG_COMMANDS else _status_question(text, prepared)
    if (key := _command_phrase(prepared)) is not None:
        return key
    if (key := _status_question(text, prepared)) is not None:
        return key  # "did anyone reply to my request yet?"
    # "laat maar, ik hoef niks meer": every part says the same command.
    parts = [part for part in _PARTS.split(text) if categories.prepare(part)]
    said_in_parts = {
        normalise.command_in(part) or _command_phrase(categories.prepare(part)) for part in parts
    }
    if len(parts) > 1 and len(said_in_parts) == 1 and None not in said_in_parts:
        return said_in_parts.pop()
    said = read_any_state(text, lang)
    if said is None:
        return None
    if said.intent == "language" and said.language == CHOOSE_LANGUAGE:
        return "languages"
    if said.intent == "language":
        return f"lang_{said.language}" if said.language else None
    return said.intent


def _status_question(text: str, prepared: str) -> str | None:
    """A question a little longer than a command that asks how one's own request stands, naming it ("is
    er al iemand voor mijn vraag over de lamp?"): MIJN VRAGEN's open-ended phrases ("... mijn vraag
    ..."), as a question of at most `_STATUS_QUESTION_WORDS` words."""
    if _own_request_asked_after(prepared):
        return "my_requests"  # "kunt u even navragen hoe het met mijn aanvraag staat" (round dialogue33)
    if not text.strip().endswith(("?", "؟")):
        return None
    pattern = _commands().get("my_requests")
    # The phrase with its filler words too: "hoe" is a filler, and "hoe staat het met mijn aanvraag ..."
    # without it was no phrase (round dialogue33).
    if (
        len(prepared.split()) <= _STATUS_QUESTION_WORDS
        and pattern is not None
        and any(
            pattern.fullmatch(text) for text in (strip_edges(prepared, _command_fillers()), prepared) if text
        )
    ):
        return "my_requests"
    return "my_requests" if _status_in_own_words(prepared) or _kind_status_asked(prepared) else None


@cache
def _status_words() -> dict[str, frozenset[str]]:
    table = lexicon("commands")["status_question"]
    return {name: frozenset(categories.prepare(word) for word in words) for name, words in table.items()}


def _status_in_own_words(prepared: str) -> bool:
    """A question about one's own request in one's own words (round 19): a word of being found or
    answered and of someone who would take it up, with a word of already / yet or one's own request
    named, and not put to "you" (commands.toml [status_question]). "is er iemand die morgen
    boodschappen kan doen?" says none of found / answered: it stays a new request."""
    words = prepared.split()
    if len(words) > _OWN_WORDS_STATUS_WORDS:
        return False
    table = _status_words()
    present = set(words)
    if not present & table["done"] or present & table["you"] or not present & table["someone"]:
        return False
    padded = f" {prepared} "
    return bool(present & table["already"]) or any(f" {phrase} " in padded for phrase in table["mine"])


# Round dialogue33: an own request named is "mijn" (.own) with a word of a request (.request) at most this
# many words after it ("my dog walking request"), or a request word that is its own owner (.own_request).
_OWN_REQUEST_GAP = 3


def _own_request_asked_after(prepared: str) -> bool:
    """Round dialogue33: asking after one's own request named as such, in any words: a word of news or of
    how it stands (.news: "staat", "update", "durumda", "новини") with one's own request ("mijn
    aanvraag", "my shopping request", "istegim", "طلبي"), not put to "you".
    "hoe staat het met mijn aanvraag voor de tuin?", "kunt u even navragen hoe het met mijn aanvraag
    staat", "bahçe isteğim ne durumda?". A new request names no news of one's own request."""
    words = prepared.split()
    if len(words) > _OWN_WORDS_STATUS_WORDS:
        return False
    table = _status_words()
    present = set(words)
    # Only news: a word of being answered may be another's ("heeft de huisarts al geantwoord op mijn
    # vraag?" in a thread is for the neighbour, round 7), which `_status_in_own_words` tells apart.
    if present & table["you"] or not present & table["news"]:
        return False
    if present & table["own_request"]:
        return True
    return any(
        word in table["own"] and set(words[at + 1 : at + 1 + _OWN_REQUEST_GAP]) & table["request"]
        for at, word in enumerate(words)
    )


def asks_after_own_request(text: str) -> bool:
    """Round dialogue33: the message asks how one's own request stands in words ("kunt u even navragen hoe
    het met mijn aanvraag staat"): the status, not MIJN VRAGEN's list to cancel from."""
    prepared = categories.prepare(text)
    return bool(prepared) and _own_request_asked_after(prepared)


def kinds_asked_after(text: str) -> tuple[str, ...]:
    """Round dialogue33: the kinds of help a question about one's requests names outright, in their
    order ("hoe staat het met mijn aanvraag voor de tuin?" -> tuin): the words of the question itself
    (news, found, a request: "aanvraag" would be forms, "update" a computer) are left out first."""
    table = _status_words()
    said = table["news"] | table["done"] | table["request"] | table["own_request"]
    words = [word for word in categories.prepare(text).split() if word not in said]
    hits = categories.mentions(" ".join(words)) if words else ()
    return tuple(dict.fromkeys(hit.key for hit in hits if hit.weight >= categories.STRONG))


def _kind_status_asked(prepared: str) -> bool:
    """Round dialogue33: a question whether someone was already found (or answered) for a kind of help,
    without "my request" ("is er nou al iemand voor de hond?", "alisveris icin birini buldunuz mu?"): a
    word of already or found, someone who would help, a kind named outright, and no word of asking for
    help now ("is er al iemand die de hond kan uitlaten?" asks for help: .asks) or put to "you"."""
    words = prepared.split()
    if len(words) > _OWN_WORDS_STATUS_WORDS:
        return False
    table = _status_words()
    present = set(words)
    if present & (table["you"] | table["asks"]) or not present & table["someone"]:
        return False
    if not present & (table["already"] | table["done"]):
        return False
    return any(hit.weight >= categories.STRONG for hit in categories.mentions(prepared))


def warm_up() -> None:
    """Load every lexicon, the language classifier and the dictionaries now (about two seconds), so
    that the first person's message is read as fast as the rest: call it when the bot starts."""
    from flows.understanding import language, phrases

    language.detect("Goedemorgen, kan iemand mij helpen met de boodschappen?")
    _groups()
    _menu_labels()
    _languages()
    _commands()
    categories.corrector()
    phrases.warm_up()
