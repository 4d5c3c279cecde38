"""Ukrainian written in Latin letters, put back into Cyrillic with the lexicons' own words; Moroccan
Arabic in Latin letters, respelled as the lexicons write it.

People type Ukrainian in Latin letters by ear, each in their own way: "potribna dopomoha", "potrebna
dopomoga", "ne pyshit", "ne pishit". The crisis reader compares such words by their slavic key
(`crisis_phrases.slavic_key`: one Latin key for every spelling, Cyrillic ones too). The other readers
match lexicon phrases, and their Ukrainian phrases are written in Cyrillic. Instead of listing Latin
spellings in every lexicon, a Latin word whose key is the key of a Cyrillic word of the lexicons is
written as that word ("dopomoha" -> "допомога"; "pokupkamy" -> "покупк" + the rest, for the stem
"покупк*"), and the other words stay as typed (numbers, Dutch words, and a word with a capital inside the
text: a name or a place). `reading.read` reads that
text only where the message as typed reads as nothing (`cyrillic`'s gate), so a message read already
keeps its reading.

Darija in Latin letters with digits (Arabizi) is spelled as many ways as Ukrainian: "n9der", "n9dar",
"nqder"; "mab9itch", "ma b9itch". Its words are compared by their Arabizi key (`arabizi_key`: digits and
letter pairs as one letter, vowels left out), and a word the lexicons do not have is written as the
lexicons' Darija word of the same key (`darija`), for the words of three letters of key or more.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from flows.understanding.crisis_phrases import arabizi_key, slavic_key
from flows.understanding.phrases import all_phrases
from flows.understanding.text import DATA, lexicon

_CYRILLIC_WORD = re.compile("[\u0400-\u04ff'\u2019\u02bc]+\\*?")
_LATIN_TEXT_WORD = re.compile("[A-Za-z0-9'\u2019]+")
_OTHER_SCRIPT = re.compile("[\u0400-\u04ff\u0600-\u06ff]")
_APOSTROPHES = re.compile("['\u2019\u02bc]")
# A stem matches a longer word only when it keeps this many letters of key ("покупк*", not "з*").
_STEM_MIN = 4
# Without the conversation in Ukrainian, this many words of the text must be Ukrainian words of the
# lexicons (keys this long, not words of the Dutch, English or Polish dictionary) before it is read so.
_WORDS_WITHOUT_HINT = 2
# The lexicons' words are those of every data file but the sample messages read at start-up.
_NOT_A_LEXICON = frozenset({"warm_up"})
_KEY_WITHOUT_HINT = 4


@cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """Keys of the lexicons' Cyrillic words: whole words, and stems (`word*`) by their key; where two
    words share a key, the one the lexicons use most."""
    whole: Counter[tuple[str, str]] = Counter()
    stems: Counter[tuple[str, str]] = Counter()
    for path in sorted(DATA.glob("*.toml")):
        if path.stem in _NOT_A_LEXICON:
            continue
        for string in all_phrases(lexicon(path.stem)):
            for found in _CYRILLIC_WORD.findall(string.lower()):
                word = _APOSTROPHES.sub("", found.rstrip("*"))
                key = slavic_key(word)
                if not key:
                    continue
                if found.endswith("*"):
                    if len(key) >= _STEM_MIN:
                        stems[(key, word)] += 1
                else:
                    whole[(key, word)] += 1

    def best(counts: Counter[tuple[str, str]]) -> dict[str, str]:
        chosen: dict[str, str] = {}
        for (key, word), _ in sorted(counts.items(), key=lambda item: -item[1]):
            chosen.setdefault(key, word)
        return chosen

    return best(whole), best(stems)


def _cyrillic_word(word: str) -> str | None:
    """The lexicon's Cyrillic word (or stem and the rest as typed) for one Latin word, or None."""
    key = slavic_key(_APOSTROPHES.sub("", word.lower()))
    if not key or key.isdigit():
        return None
    whole, stems = _table()
    if key in whole:
        return whole[key]
    for end in range(len(key) - 1, _STEM_MIN - 1, -1):
        stem = stems.get(key[:end])
        if stem is not None:
            return stem + key[end:]
    return None


@cache
def _foreign(word: str) -> bool:
    """A word of the Dutch, English or Polish dictionary: no sign that the text is Ukrainian."""
    import simplemma

    return any(simplemma.is_known(word, lang=lang) for lang in ("nl", "en", "pl"))


@lru_cache(maxsize=1024)
def cyrillic(text: str, hint: str | None = None) -> str | None:
    """`text` with its Ukrainian words in Latin letters written in Cyrillic, or None when it is not
    Ukrainian in Latin letters: any Cyrillic or Arabic letter, no word found, or (the conversation not
    being in Ukrainian: on a first message, or still in Dutch, the language it starts in) fewer than two
    longer words that are the lexicons' and no Dutch, English or Polish word."""
    if _OTHER_SCRIPT.search(text):
        return None
    found = 0
    telling = 0

    def spelled(match: re.Match[str]) -> str:
        nonlocal found, telling
        word = match.group(0)
        # A capital inside the text is a name or a place ("mene zvaty Oksana", "v Bloemhof"): as typed.
        cyr = None if word[0].isupper() and match.start() > 0 else _cyrillic_word(word)
        if cyr is None:
            return word
        found += 1
        lower = word.lower()
        if len(slavic_key(_APOSTROPHES.sub("", lower))) >= _KEY_WITHOUT_HINT and not _foreign(lower):
            telling += 1
        return cyr

    result = _LATIN_TEXT_WORD.sub(spelled, text)
    if not found or (hint != "uk" and telling < _WORDS_WITHOUT_HINT):
        return None
    return result


# ---------------------------------------------------------------- Darija in Latin letters

_ARABIZI_MIN = 3
_LATIN_LEXICON_WORD = re.compile("[a-z0-9']+")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


def _language_sections(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _language_sections(item, (*path, key))
    elif isinstance(value, list):
        for item in value:
            yield from _language_sections(item, path)


@cache
def _darija_table() -> tuple[dict[str, str], frozenset[str]]:
    """Arabizi keys of the Latin words of the lexicons' Arabic sections (the crisis lexicon aside: it
    matches by key itself), the one used most for a shared key; and every Latin word of the lexicons."""
    counts: Counter[tuple[str, str]] = Counter()
    listed: set[str] = set()
    for path in sorted(DATA.glob("*.toml")):
        if path.stem in _NOT_A_LEXICON:
            continue
        for where, string in _language_sections(lexicon(path.stem)):
            words = _LATIN_LEXICON_WORD.findall(string.lower())
            listed.update(words)
            if "ar" not in where or path.stem == "crisis":
                continue
            for word in words:
                key = arabizi_key(word)
                if len(key) >= _ARABIZI_MIN and not word.isdigit():
                    counts[(key, word)] += 1
    chosen: dict[str, str] = {}
    for (key, word), _ in sorted(counts.items(), key=lambda item: -item[1]):
        chosen.setdefault(key, word)
    return chosen, frozenset(listed)


@lru_cache(maxsize=1024)
def darija(text: str) -> str | None:
    """`text` (Moroccan Arabic in Latin letters) with the words the lexicons do not have written as their
    Darija word of the same Arabizi key ("mab9itch n9dar" -> "mab9itch n9der"), or None when no word
    changed or the text has Arabic or Cyrillic letters."""
    if _OTHER_SCRIPT.search(text):
        return None
    table, listed = _darija_table()
    changed = 0

    def spelled(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group(0)
        lower = word.lower()
        if lower in listed or (word[0].isupper() and match.start() > 0):
            return word
        found = table.get(arabizi_key(lower))
        if found is None or found == lower:
            return word
        changed += 1
        return found

    result = _LATIN_TEXT_WORD.sub(spelled, text)
    return result if changed else None


@cache
def _darija_words() -> frozenset[str]:
    """The Latin words of the lexicons' Arabic sections (Darija as people type it: "nmchi", "sbitar",
    "kifach"), of three letters or more, that no other language's section of the lexicons has ("weekend",
    "gemeente", "digid", "sabah" are written in those too); the names of languages aside."""
    darija: set[str] = set()
    others: set[str] = set()
    for path in sorted(DATA.glob("*.toml")):
        if path.stem in _NOT_A_LEXICON or path.stem == "languages":
            continue
        for where, string in _language_sections(lexicon(path.stem)):
            words = _LATIN_LEXICON_WORD.findall(string.lower())
            if "ar" in where:
                darija.update(words)
            elif _OTHER_LANGUAGES.intersection(where):
                others.update(words)
            # A list of no one language (conversation.toml's phrases of all six, Darija among them:
            # "bghit nbeddel had lbenevole") tells nothing either way.
    return frozenset(word for word in darija - others if sum(ch.isalpha() for ch in word) >= _ARABIZI_MIN)


_OTHER_LANGUAGES = frozenset({"nl", "en", "tr", "pl", "uk"})


# A lexicon's Darija word tells the language only when this long ("bla", "dar", "kan" are too short to).
_DARIJA_SIGN_LETTERS = 4


def warm_up() -> None:
    """The Darija word set and the dictionaries `_other_languages_word` asks, built now: the Turkish one
    took 1.4 s to load on the first message that needed it (the event loop stopped meanwhile)."""
    import simplemma

    _darija_words()
    for lang in _DICTIONARIES:
        simplemma.is_known("voordeur", lang=lang)


_DICTIONARIES = ("nl", "en", "pl", "tr")


@lru_cache(maxsize=4096)
def _other_languages_word(word: str) -> bool:
    """A word of the Dutch, English, Polish or Turkish dictionary ("dar", "bach"): no sign of Darija."""
    import simplemma

    return any(simplemma.is_known(word, lang=lang) for lang in _DICTIONARIES)


def darija_words(words: list[str]) -> int:
    """How many of `words` (folded) are Darija words of the lexicons that no other of the languages writes
    (round dialogue31: "momkin ntkelem m3a chi wahed", "ana mrida w ma9dratch nmchi lhanout" read Dutch).
    The dictionaries are asked only when two words or more are listed (most messages have none)."""
    listed = {word for word in words if len(word) >= _DARIJA_SIGN_LETTERS and word in _darija_words()}
    if len(listed) < 2:
        return len(listed)
    return sum(1 for word in listed if not _other_languages_word(word))
