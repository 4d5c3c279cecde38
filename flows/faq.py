"""Questions about Voordeur itself, asked in a sentence: "ben je een robot?", "is dit gratis?", "wie zijn
jullie?", "wat is een buurtverbinder?", "kan ik ook bellen?".

People ask these before they trust a number that texts them; a bare menu, "ik begreep het niet" or a
staff call-back (what they got before) answers none of them. Each topic gets a short, honest answer
from the catalogue (`faq_<topic>`), and the conversation goes on where it was: the menu again, the
open question again (no miss), or, in a first message, the welcome and the answer before the first
question. The words are data (flows/understanding/data/faq.toml). Only a whole message counts, short
and with no request in it: "kan iemand gratis mijn tuin doen?" is a request.
"""

from __future__ import annotations

from functools import cache

from flows import interpret, menu, places
from flows.dialogue import say
from flows.types import Reply
from flows.understanding.phrases import Phrases, compile_phrases, normal
from flows.understanding.text import lexicon

TOPICS = (
    "bot",
    "cost",
    "who",
    "buurtverbinder",
    "call",
    "privacy",
    "wait",
    "nearby",
    "keep",
    "channels",
    "helpers",
    "gift",
    "surname",
    "new_number",
)
# A neighbourhood's name in a question, as the phrases say it ("kan het ook iemand uit de Bloemhof zijn?").
PLACE = "wijknaam"
# A question about us is short; a longer message tells something else as well.
MAX_WORDS = 12


@cache
def _topics() -> tuple[tuple[str, Phrases], ...]:
    table = lexicon("faq")
    compiled = ((topic, compile_phrases(table[topic]["phrases"])) for topic in TOPICS)
    return tuple((topic, phrases) for topic, phrases in compiled if phrases is not None)


def topic_of(text: str) -> str | None:
    """The topic of a question about Voordeur that the message asks, or None."""
    found = _found(text)
    return found[0] if found is not None else None


def asked(text: str, lang: str, context: str) -> str | None:
    """The topic of a question about Voordeur the message asks, or None; never when the words beside the
    question ask for or offer help (the question's own words may name a kind of help: "praat ik met een
    computer?", "moet ik de vrijwilliger betalen?"), read in `context` ("menu", "first_message")."""
    topic = topic_of(text)
    if topic is None:
        return None
    rest = rest_of(text)
    found = interpret.reading(context, rest, lang) if rest else None
    if found is not None and found.intent in menu.TARGETS and found.confidence >= interpret.CONFIDENT:
        return None
    return topic


def rest_of(text: str) -> str:
    """The message without the words of its question about Voordeur ("moet ik de vrijwilliger betalen?"
    without them is nothing; "is dit gratis? ik zoek hulp met mijn tuin" leaves the request)."""
    found = _found(text)
    if found is None:
        return text
    folded = _folded(text)
    for start, end, _words in reversed(found[1]):
        folded = f"{folded[:start]} {folded[end:]}"
    return " ".join(folded.split())


def _folded(text: str) -> str:
    """The text as the phrases are matched: folded, a neighbourhood's name of one word as `PLACE`."""
    names = places.name_words()
    return " ".join(PLACE if word in names else word for word in normal(text).split())


def _found(text: str) -> tuple[str, list[tuple[int, int, str]]] | None:
    folded = _folded(text)
    if not folded or len(folded.split()) > MAX_WORDS:
        return None
    for topic, phrases in _topics():
        spans = phrases.spans(folded)
        if spans:
            return topic, spans
    return None


def answer(topic: str) -> tuple[Reply, ...]:
    """The answer to a topic. Asked how to phone, the municipality's buurtverbinder number is given
    where its data has one; otherwise MENS, which has someone call back."""
    if topic == "call":
        phone = places.load_municipality().buurtverbinder.phone
        return (say("faq_call_number", {"phone": phone}),) if phone else (say("faq_call"),)
    return (say(f"faq_{topic}"),)


# Questions that name a person without asking for one: the reader's "human" intent hears "mens" and
# "buurtverbinder" in them.
ABOUT_PEOPLE = frozenset({"bot", "buurtverbinder"})
SHORT_QUESTION = 6


def asks_what_a_person_is(text: str) -> bool:
    """ "ben jij een echt mens?", "wat is een buurtverbinder?": a question about who answers, not a wish
    to talk to a person; only a question on its own (a question mark, or a few words)."""
    if faq_topic := topic_of(text):
        short = len(normal(text).split()) <= SHORT_QUESTION
        return faq_topic in ABOUT_PEOPLE and (short or text.rstrip().endswith(("?", "؟")))
    return False
