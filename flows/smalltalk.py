"""Politeness alone: "hallo", "dank je wel!", "fijne dag nog", "hoe gaat het?", "👍".

Such a message is no answer to the open question and no request, and it is no miss either: the person
is answered kindly (a lead before the open question or the menu, in the same message) and the
conversation goes on where it was. Only the whole message counts: "hallo, ik zoek hulp" is a request,
"dank je, tot donderdag" says a time. The words are in flows/understanding/data/conversation.toml
([smalltalk_*]); the readers' own greeting intent also covers "nog een vraag" and "klaar", which are not
politeness, so it is not used here.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from flows.normalise import conversation_words, folded_words
from flows.understanding import names
from flows.understanding.text import lexicon

# The kinds in the order they answer a message that says several ("hoi, hoe gaat het?"): that a
# question is coming ("ik heb een vraag": go ahead), the question, then thanks, goodbye, "fine", hello.
KINDS = ("question_coming", "how_are_you", "thanks", "bye", "ok", "hello")
LEADS = {kind: f"smalltalk_{kind}" for kind in KINDS}
# Small talk is short; a longer message says something else as well.
MAX_WORDS = 10
# "can't", "can\u2019t": the word without it.
APOSTROPHES = re.compile("['\u2019`]")


def words_of(text: str) -> str:
    """The message's words, folded, apostrophes dropped ("can't" is "cant"), space at both ends."""
    return folded_words(re.sub(APOSTROPHES, "", text))


def kind_of(text: str) -> str | None:
    """The kind of politeness the whole message is, or None when it says anything else."""
    if not text.strip():
        return None
    words = words_of(text)
    if words.strip() == "":
        return _emoji_kind(text)
    if len(words.split()) > MAX_WORDS:
        return None
    found = []
    for kind in KINDS:
        # Longest phrases first, so "dank je wel" is taken whole before "dank je".
        for phrase in sorted(conversation_words(f"smalltalk_{kind}"), key=len, reverse=True):
            if phrase in words:
                words = words.replace(phrase, " ")
                words = f" {' '.join(words.split())} "
                found.append(kind)
    if not found:
        return None
    light = _light_words()
    if any(word not in light and len(word) > 1 for word in words.split()):
        return None
    return next(kind for kind in KINDS if kind in found)


def _emoji_kind(text: str) -> str | None:
    """A message of emoji alone: hello, "fine" or thanks when every one is listed."""
    marks = [mark for mark in re.split(r"\s+", text.strip()) if mark]
    for kind in ("hello", "ok", "thanks"):
        listed = lexicon("conversation")[f"smalltalk_emoji_{kind}"]["words"]
        rest = "".join(marks)
        for emoji in sorted(listed, key=len, reverse=True):
            rest = rest.replace(emoji, "")
        rest = rest.replace("\ufe0f", "")
        if not rest and any(emoji in text for emoji in listed):
            return kind
    return None


@cache
def _light_words() -> frozenset[str]:
    return frozenset(word.strip() for word in conversation_words("smalltalk_light"))


# The first clause of a message, up to its first comma or sentence end.
_FIRST_CLAUSE = re.compile(r"^\s*([^,.!?;:]*)[,.!?;:]+\s*")


def without_greeting(text: str, lang: str) -> str:
    """The message without a greeting clause before it ("goedemiddag, kan er iemand dinsdag met me naar
    de dokter" -> "Kan er iemand dinsdag met me naar de dokter"), for a request's description, which
    a volunteer reads; the message as it is when it opens otherwise or is nothing but the greeting."""
    match = _FIRST_CLAUSE.match(text)
    if match is None or kind_of(match.group(1)) != "hello":
        return text
    rest = text[match.end() :].strip()
    if not rest:
        return text
    return _capital(rest[0], lang) + rest[1:]


INTRODUCTION_CONFIDENCE = 0.85
_CLAUSE = re.compile(r"(?<=[,.!?;])\s+")


@lru_cache(maxsize=256)
def introduced(text: str, lang: str) -> tuple[str | None, str]:
    """A name a message introduces ("goedemiddag, ik ben mevrouw de Vries, kan er iemand ..."), and the
    words of the request without that introduction (volunteers read the request, not her name)."""
    clauses = _CLAUSE.split(" ".join(text.split()))
    if len(clauses) < 2:  # an introduction alone is no request; and reading a name costs
        return None, text
    for index, clause in enumerate(clauses):
        name, confidence = names.read_name(clause, lang)
        if name is not None and confidence >= INTRODUCTION_CONFIDENCE:
            rest = " ".join(clauses[:index] + clauses[index + 1 :]).strip(" ,;")
            return name, rest[:1].upper() + rest[1:]
    return None, text


def description_of(text: str, lang: str) -> str:
    """A request's description as a volunteer reads it: the person's words without a greeting before
    them and without a clause that introduces them by name ("Goedemorgen. Mijn naam is Henk en ik ben 84
    jaar. Mijn vrouw is in het ziekenhuis ...": her name is no part of the request, the invitation says
    "Dhr. in de Molenwijk"). Session 27: a known person's introduction went into the description."""
    return without_greeting(introduced(text, lang)[1], lang)


def _capital(letter: str, lang: str) -> str:
    """Turkish has its own capitals for the dotted and the dotless i."""
    if lang == "tr":
        return {"i": "\u0130", "\u0131": "I"}.get(letter, letter.upper())
    return letter.upper()
