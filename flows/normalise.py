"""Turn what people type into commands and choices, whatever the channel.

"STOP", "Stop!", "/stop" become the command `stop`; "1", "ja", "Ja!" and a tapped button become the same
choice. Matching is on the whole message only: "stop met dat lawaai" is a sentence, not an opt-out. The
one exception is PAUZE, which carries its duration: "PAUZE 2 weken" (see `command_with_argument`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache

# Carrier and common opt-out words, Dutch and English (Twilio's standard English set included).
COMMAND_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ["stop", "stoppen", "afmelden", "uitschrijven", "stopall", "unsubscribe", "quit"], "stop"
    ),
    **dict.fromkeys(["start", "starten", "aanmelden", "unstop", "begin"], "start"),
    **dict.fromkeys(["menu", "hoofdmenu", "terug"], "menu"),
    **dict.fromkeys(["help", "hulp?", "info"], "help"),
    **dict.fromkeys(["annuleren", "annuleer", "cancel"], "cancel"),
    **dict.fromkeys(["mijn vragen", "mijn vraag", "my requests", "vragen"], "my_requests"),
    **dict.fromkeys(["klaar", "done"], "close_thread"),
    **dict.fromkeys(["meld", "melden", "report"], "report"),
    **dict.fromkeys(["mens", "human", "medewerker"], "human"),
    **dict.fromkeys(["deel nummer", "deel mijn nummer", "share number"], "share_number"),
    **dict.fromkeys(["mijn aanbod", "aanbod", "my offer"], "my_offer"),
    **dict.fromkeys(["pauze", "pauzeer", "pauzeren", "pause"], "pause"),
    **dict.fromkeys(["hervat", "hervatten", "resume", "unpause"], "resume"),
    **dict.fromkeys(["verwijder mij", "verwijder me", "wis mijn gegevens", "wis mij", "delete me"], "erase"),
    **dict.fromkeys(["mijn gegevens", "my data"], "my_data"),
    **dict.fromkeys(["export", "exporteer", "download", "downloaden"], "export"),
    **dict.fromkeys(["toestemming intrekken", "intrekken", "withdraw consent"], "withdraw_consent"),
    **dict.fromkeys(["mantelzorg", "mantelzorger", "carer", "caregiver"], "care"),
    **dict.fromkeys(["zwaar", "heavy"], "heavy"),
    **dict.fromkeys(["mijn herinneringen", "herinneringen", "my reminders", "reminders"], "my_reminders"),
    **dict.fromkeys(["afspraak", "afspreken", "meeting"], "meeting"),
    **dict.fromkeys(["kring", "mijn kring", "circle", "my circle"], "circle"),
    **dict.fromkeys(["agenda", "activiteiten", "activities"], "agenda"),
    **dict.fromkeys(["hulpwijzer", "sociale kaart", "wegwijzer", "social map"], "social_map"),
    **dict.fromkeys(["english", "engels"], "lang_en"),
    **dict.fromkeys(["nederlands", "dutch"], "lang_nl"),
}

# Small counts as people type them: "twee keer", "drie weken", "two weeks".
NUMBER_WORDS: dict[str, int] = {
    word: number
    for words in (
        ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"),
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
    )
    for number, word in enumerate(words, start=1)
}

YES_WORDS = frozenset({"ja", "j", "yes", "y", "jazeker", "ok", "oke", "prima", "goed"})
NO_WORDS = frozenset({"nee", "n", "no", "neen", "liever niet"})

_INVISIBLE = {"Cf", "Cc", "Cs", "Co", "Cn"}
_EDGE_PUNCTUATION = re.compile(r"^[\s\W_]+|[\s\W_]+$", re.UNICODE)


# ASCII's invisible characters (category Cc) but tab, newline and space, which `split` handles.
_ASCII_CONTROLS = {code: None for code in (*range(0x20), 0x7F) if chr(code) not in "\n\t "}


# Letters that are no accented letter to Unicode, folded as the readers fold them (flows/understanding:
# `fold`, `normal`): Turkish dotless i (U+0131) and Polish l with a stroke (U+0142), so that
# "przeprowadziłam się" reads the same typed with or without it.
_OWN_LETTERS = str.maketrans({"\u0131": "i", "\u0142": "l", "\u0141": "l"})


@lru_cache(maxsize=4096)
def simplify(text: str) -> str:
    """Case-folded text without invisible characters, accents or punctuation at the edges.

    Zero-width and bidi control characters (format category) are dropped so "STOP\u200b" still stops.
    A step reads one message many ways (commands, answers, intents, crisis), each from its simplified
    text, so the result is kept for the texts seen last; plain ASCII (most messages) has no accents or
    format characters to look up one by one.
    """
    if text.isascii():
        plain = text.translate(_ASCII_CONTROLS)
    else:
        visible = "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE or ch in "\n\t ")
        decomposed = unicodedata.normalize("NFKD", visible)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_OWN_LETTERS)
    spaced = " ".join(plain.casefold().split())
    return _EDGE_PUNCTUATION.sub("", spaced)


def folded(text: str) -> str:
    """`simplify`, the Turkish dotless i read as i: for word lists written in plain letters."""
    return simplify(text).replace("\u0131", "i")


# Commands whose first word may be followed by an argument: "PAUZE 2 weken", "pause until 1 January".
ARGUMENT_COMMANDS: dict[str, str] = {
    **dict.fromkeys(["pauze", "pauzeer", "pauzeren", "pause"], "pause"),
    # KRING 123456: the code of a circle invitation by Telegram name; HULPWIJZER and the question.
    **dict.fromkeys(["kring", "circle"], "circle"),
    **dict.fromkeys(["hulpwijzer", "wegwijzer"], "social_map"),
}
# Words that join the parts of a list answer: "1, 3 en 5", "boodschappen & klusjes", "1+2".
_LIST_SEPARATOR = re.compile(r"\s*(?:[,;/+&]|\s(?:en|and|plus)\s)\s*")
_WORD = re.compile(r"[^\W_]+")


def command_in(text: str) -> str | None:
    word = simplify(text).removeprefix("/")
    return COMMAND_WORDS.get(word)


def command_with_argument(text: str) -> tuple[str, str] | None:
    """A command that takes an argument, and the simplified rest: "PAUZE 2 weken" -> ("pause", "2 weken")."""
    head, _, rest = simplify(text).removeprefix("/").partition(" ")
    command = ARGUMENT_COMMANDS.get(head)
    return (command, rest.strip()) if command is not None else None


def list_parts(text: str) -> list[str]:
    """The parts of a list answer, simplified: "1, 3 en 5" -> ["1", "3", "5"]; "1 3 5" stays one part."""
    parts = (part.strip() for part in _LIST_SEPARATOR.split(f" {simplify(text)} "))
    return [part for part in parts if part]


def words_of(text: str) -> list[str]:
    """Letters-and-digits words: "1. 3!" -> ["1", "3"]."""
    return _WORD.findall(text)


def choice_in(text: str, offered: Sequence[str], labels: dict[str, str] | None = None) -> str | None:
    """The offered choice a typed answer means: its number, yes/no, or its label."""
    answer = simplify(text)
    if not answer or not offered:
        return None
    if answer.isdigit():
        index = int(answer) - 1
        return offered[index] if 0 <= index < len(offered) else None
    # "ja" answers any yes-choice, also one keyed with its subject ("invite:12:yes").
    if answer in YES_WORDS or answer in NO_WORDS:
        wanted = "yes" if answer in YES_WORDS else "no"
        keyed = [key for key in offered if key == wanted or key.endswith(f":{wanted}")]
        if len(keyed) == 1:
            return keyed[0]
    for key in offered:
        label = (labels or {}).get(key)
        if label and simplify(label) == answer:
            return key
    return None


def number_in(word: str) -> int | None:
    """A count written in digits or as a word: "3", "drie", "three"."""
    word = simplify(word)
    return int(word) if word.isdecimal() and len(word) <= 4 else NUMBER_WORDS.get(word)


@cache
def conversation_words(section: str) -> tuple[str, ...]:
    """The folded phrases of a section of flows/understanding/data/conversation.toml: words the flows
    look for beside the readers (a question about Voordeur, a number offered in a thread)."""
    from flows.understanding.text import lexicon

    table = lexicon("conversation")[section]
    # Round dialogue29: folded as `folded_words` folds the text, so that a phrase with an apostrophe ("don't
    # need the") matches the text it is written for; before, "don't" stayed whole and never matched.
    return tuple(
        f" {' '.join(_WORD_RUN.findall(simplify(phrase))) or simplify(phrase)} "
        for phrase in table.get("phrases", table.get("words", ()))
    )


@lru_cache(maxsize=256)
def folded_words(text: str) -> str:
    """The words of `text`, folded (`simplify`), one space between and around them: a phrase is found
    as whole words with `f" {phrase} " in folded_words(text)`. Kept for the last texts: one step asks
    about the same message many times."""
    return " " + " ".join(_WORD_RUN.findall(simplify(text))) + " "


_WORD_RUN = re.compile(r"\w+")


@cache
def _section_lookup(section: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """A section's one-word phrases as a set (a set lookup per word of the text) and its longer phrases
    (a substring test each), so `says_any` need not test every phrase against the text."""
    phrases = conversation_words(section)
    single = frozenset(p.strip() for p in phrases if len(p.split()) == 1)
    return single, tuple(p for p in phrases if len(p.split()) != 1)


@lru_cache(maxsize=256)
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def says_any(text: str, section: str) -> bool:
    """Whether `text` holds one of the section's phrases as whole words (case, accents and punctuation
    aside)."""
    words = folded_words(text)
    single, longer = _section_lookup(section)
    if single and not single.isdisjoint(_word_set(words)):
        return True
    return any(phrase in words for phrase in longer)


def without_said(text: str, section: str) -> str:
    """`text` as `folded_words` has it, without the section's phrases ("every two weeks from now on" ->
    "every two weeks"): what is left to read for something else."""
    words = folded_words(text)
    for phrase in conversation_words(section):
        words = words.replace(phrase, " ")
    return " ".join(words.split())
