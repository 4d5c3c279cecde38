"""Which of the six languages (nl, en, tr, ar, pl, uk) a message is written in.

The statistical classifier (py3langid, restricted to the six) is good on sentences and guesses on
"ja", "ok" or a name, so cheaper and surer signs go first: the script (Arabic; Cyrillic is Ukrainian,
also when written in Russian, the nearest of the six), letters only Turkish or Polish have, Moroccan
Arabic in Latin letters with digits for sounds ("3afak", "wa7ed") or its everyday words ("bghit",
"ghedda"). The conversation's language (`hint`) wins whenever the text is too short or too plain to
tell. The classifier is loaded once (about a second) and then takes well under a millisecond.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from flows.understanding import translit
from flows.understanding.phrases import normal
from flows.understanding.text import lexicon, without_emoji

LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk")
DEFAULT = "nl"
# Below these the text is "short": the conversation's language is kept unless the letters say otherwise.
_SHORT_WORDS = 3
_SHORT_LETTERS = 16
# How sure the classifier must be to overrule the conversation's language, or to be believed at all.
_OVERRULE_HINT = 0.95
_BELIEVE = 0.7
# A greeting or thanks alone is short: a longer message says more, and the detector reads it.
_COURTESY_WORDS = 6

_ARABIC_LETTERS = re.compile("[\u0600-\u06ff\u0750-\u077f]")
_CYRILLIC_LETTERS = re.compile("[\u0400-\u04ff]")
# Darija words written with digits for Arabic sounds: 3 = ع, 7 = ح, 9 = ق, 2 = ء, 5 = خ, 8 = غ.
_DIGIT_WORD = re.compile(r"[a-z]*[235789][a-z][a-z0-9']*")
# ...but not an hour, an ordinal or a unit: "2uur", "3rd", "5th", "9am", "2e"...
_NOT_DIGIT_WORD = re.compile(
    r"\d+(?:uur|u|am|pm|min|km|kg|st|nd|rd|th|e|de|ste|x|h|jaar|dagen|keer|weken)"
    # ...nor an hour glued to the word before it: "morgenmiddag2uur", "om3uur" (round 21).
    r"|[a-z]{2,}\d{1,2}(?:uur|u)"
)


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


@cache
def _signs() -> dict[str, Any]:
    data = lexicon("languages")["detect"]
    return {
        "tr": frozenset(data["turkish_letters"]),
        "pl": frozenset(data["polish_letters"]),
        "markers": {
            lang: frozenset(normal(word) for word in words) for lang, words in data["markers"].items()
        },
    }


def _script(letters: str) -> str | None:
    """Arabic or Cyrillic ("ar", "uk") when most letters are written in it."""
    if letters.isascii():
        return None
    arabic = len(_ARABIC_LETTERS.findall(letters))
    cyrillic = len(_CYRILLIC_LETTERS.findall(letters))
    if arabic * 2 > len(letters):
        return "ar"
    if cyrillic * 2 > len(letters):
        return "uk"
    return None


def script_language(text: str) -> str | None:
    """ "ar" or "uk" when most letters of `text` are Arabic or Cyrillic: a sign no Dutch, English, Turkish
    or Polish writer gives, so it holds for two words ("يوم الجمعة") as well as for twenty."""
    letters = "".join(filter(str.isalpha, without_emoji(text)))
    return _script(letters) if len(letters) >= 2 else None


def _digit_word(word: str) -> bool:
    """ "3afak", "wa7ed", "y3awni": darija written with digits, not "2uur" or "3rd"."""
    if not _DIGIT_WORD.fullmatch(word) or _NOT_DIGIT_WORD.fullmatch(word):
        return False
    return sum(ch.isalpha() for ch in word) >= 3


def _darija_words(words: list[str]) -> int:
    markers = _signs()["markers"]["ar"]
    # A word of letters only has no digit for a sound: the regex is for the others.
    signs = [word in markers or (not word.isalpha() and _digit_word(word)) for word in words]
    found = sum(signs)
    if found < 2 and len(words) > 1:
        # Round dialogue31: the lexicons' own Darija words ("nmchi", "sbitar", "tbib") beside the markers,
        # when no other language writes them, and Darija is at least half the message ("bghit nmchi l tbib";
        # not "wallah ik wil niet meer leven khoya", Dutch with a Darija word in it).
        more = translit.darija_words([word for word, sign in zip(words, signs, strict=True) if not sign])
        if more and (found + more) * 2 >= len(words):
            found += more
    return found


def _words_with(text: str, letters: frozenset[str]) -> int:
    """How many words of `text` hold one of `letters` (none when the text holds none: most texts)."""
    if letters.isdisjoint(text):
        return 0
    return sum(1 for word in text.split() if not letters.isdisjoint(word))


def _markers(words: list[str], lang: str) -> int:
    found = _signs()["markers"][lang]
    return sum(1 for word in words if word in found)


@cache
def _courtesy() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    data = lexicon("languages")["courtesy"]
    shared = frozenset(normal(word) for word in data["shared"])
    return shared, {lang: frozenset(normal(word) for word in data[lang]) for lang in LANGUAGES}


def courtesy_language(text: str) -> str | None:
    """The language of a message of greetings or thanks alone ("merhaba", "czesc!", "thank you so much",
    "heel hartelijk bedankt hoor"), when every word of it is one language's courtesy word (languages.toml
    [courtesy]); None for anything else, or for words several languages or none use ("hi", "hallo", "ok").
    Round dialogue31: a greeting alone as a first message left the conversation in the channel's Dutch."""
    words = normal(without_emoji(text)).replace("'", " ").split()
    if not words or len(words) > _COURTESY_WORDS:
        return None
    shared, by_language = _courtesy()
    told = [word for word in words if word not in shared]
    candidates = {lang for lang, listed in by_language.items() if all(word in listed for word in told)}
    return candidates.pop() if told and len(candidates) == 1 else None


def classify(text: str) -> tuple[str, float]:
    """The classifier's best language among the six and its probability (for tests and tuning)."""
    lang, probability = _identifier().classify(text)
    return str(lang), float(probability)


@lru_cache(maxsize=256)
def detect(text: str, hint: str | None = None) -> str:
    """The language of `text`; `hint` (the conversation's language) wins when the text is too short
    or too plain to tell ("ja", "2", an emoji, a name)."""
    known_hint = hint if hint in LANGUAGES else None
    clean = without_emoji(text)
    letters = "".join(filter(str.isalpha, clean))
    if not letters:
        return known_hint or DEFAULT
    script = _script(letters)
    if script:
        return script
    words = normal(clean).split()
    darija = _darija_words(words)
    if darija >= 2 or (darija and (known_hint == "ar" or len(words) <= 2)):
        return "ar"
    signs = _signs()
    turkish = _words_with(clean, signs["tr"])
    polish = _words_with(clean, signs["pl"])
    # One such word among many may be a name ("Mijn naam is Wiesława"): then the classifier decides.
    if bool(turkish) != bool(polish) and max(turkish, polish) * 4 >= len(words):
        return "tr" if turkish else "pl"
    # Ukrainian in Latin letters ("pohovoryty z kymos za kavoyu", "Dobryi vechir, potriben khtos ...")
    # reads to the classifier as Polish or Dutch: two longer words that are the lexicons' Ukrainian and
    # no Dutch, English or Polish word (`translit.cyrillic` without a hint) say Ukrainian.
    if not (turkish or polish) and translit.cyrillic(text) is not None:
        return "uk"
    short = len(words) < _SHORT_WORDS and len(letters) < _SHORT_LETTERS
    if short and known_hint:
        return known_hint
    for lang in ("tr", "pl"):
        if _markers(words, lang) >= 2:
            return lang
    lang, probability = classify(clean)
    if known_hint:
        return lang if lang != known_hint and probability >= _OVERRULE_HINT and not short else known_hint
    return lang if probability >= _BELIEVE else DEFAULT
