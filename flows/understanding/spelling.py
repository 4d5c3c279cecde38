"""Dutch as it sounds, written out as the dictionary writes it (round corpus31).

The people who find the bot hardest write Dutch by ear: "ik heb hulp nodich", "saterdag ochtent",
"HEEL DRINGENT", "ik wil helpe", "opnieuw beginne", "stopppp", and voice-to-text splits a long word
("com puter", "woens dag in de mid dag"). Listing each spelling in every lexicon would miss the next one;
written out once here, every reader gets them. Only a Dutch message is respelled, and only to a word the
Dutch dictionary knows:

- a letter typed three or more times is kept twice or once ("weeek" -> "week", "welll" -> "wel");
- a word the dictionary does not know, spelled as it sounds (data/spelling.toml: "nodich" -> "nodig",
  "dringent" -> "dringend", "saterdag" -> "zaterdag", "mogeluk" -> "mogelijk") or with a letter doubled
  ("will" -> "wil", "tellefoon" -> "telefoon");
- a verb or plural said without its final n ("helpe" -> "helpen", "mense" -> "mensen"): the dictionary
  reads the word as a form of the word with the n, or knows only that one;
- two neighbours the dictionary does not both know, that together are a word it knows ("com puter");
- a word the dictionary does not know that is two neighbouring words of a lexicon phrase typed without the
  space ("ditweekend" -> "dit weekend", "gaatwel" -> "gaat wel": round corpus39);
- of a letter typed three or more times, kept twice or once, the form the lexicons use when both are
  words ("stoooop" -> "stop", not "stoop"; "weeek" -> "week").

In a message with English words in it, a word of the English dictionary is kept as typed ("same time next
week" is no "samen timen"): Dutch and English are mixed in one message. One such word alone is Dutch
written by ear ("ik will stoppen", "geen zware dinge tille").

`reading._written_out` reads the respelled message beside the message as typed and keeps what the typed
words read, so a respelling can mend a reading but never lose one.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise

import simplemma

from flows.understanding.phrases import all_phrases
from flows.understanding.text import DATA, fold, lexicon

_WORD = re.compile(r"[^\W\d_]+")
_TRIPLE = re.compile(r"([^\W\d_])\1{2,}")
# A respelled word is at least this long: shorter words are too often another word ("de", "me", "ie").
_SHORTEST = 4
# A message with this many English words mixes the languages: its English words are meant as typed ("same
# time next week" is no "samen timen"), while one ("ik will stoppen", "zware dinge") is a Dutch word by ear.
_ENGLISH_WORDS_MIXED = 2
# Two neighbours joined make a word at least this long ("middag", "computer"), each part two letters.
_JOINED_SHORTEST = 6


@lru_cache(maxsize=16384)
def _known(word: str) -> bool:
    return bool(simplemma.is_known(word, lang="nl"))


@lru_cache(maxsize=16384)
def _english(word: str) -> bool:
    return bool(simplemma.is_known(word, lang="en"))


def _says_english(word: str) -> bool:
    """A longer word of the English dictionary that the Dutch one does not know ("same", "sending"): a
    sign that the message mixes in English ("oke" and "it" are no such sign)."""
    return len(word) >= _SHORTEST and _english(word) and not _known(word)


@lru_cache(maxsize=8192)
def _without_n(word: str) -> bool:
    """ "helpe", "gevalle": a word said without its final n, which the dictionary reads as the word with
    it, knows only with it, or knows with it as a past participle ("gevallen" of "vallen"; "gevalle"
    alone is an old form of "geval")."""
    if len(word) < _SHORTEST or not word.endswith("e"):
        return False
    full = word + "n"
    if simplemma.lemmatize(word, lang="nl") == full or (not _known(word) and _known(full)):
        return True
    verb = simplemma.lemmatize(full, lang="nl")
    return word.startswith("ge") and verb != full and verb.endswith("en") and not full.startswith(verb)


@cache
def _sounds() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    table = lexicon("spelling")["nl"]
    return (
        tuple((typed, written) for typed, written in table["endings"]),
        tuple((typed, written) for typed, written in table["starts"]),
        tuple((typed, written) for typed, written in table["inside"]),
    )


def _sound_alikes(word: str) -> list[str]:
    """`word` with one sound-alike spelling changed, in the table's order."""
    endings, starts, inside = _sounds()
    found = [word[: -len(typed)] + written for typed, written in endings if word.endswith(typed)]
    found += [written + word[len(typed) :] for typed, written in starts if word.startswith(typed)]
    for typed, written in inside:
        at = word.find(typed, 1)
        if at > 0:
            found.append(word[:at] + written + word[at + len(typed) :])
    # A letter doubled by ear ("will", "tellefoon"): kept once.
    found += [word[:at] + word[at + 1 :] for at in range(1, len(word)) if word[at] == word[at - 1]]
    return found


@lru_cache(maxsize=8192)
def _respelled(word: str, mixed: bool) -> str | None:
    """The dictionary's spelling of one typed word (folded), or None when it is meant as typed; in a
    message `mixed` with English, an English word is English."""
    if mixed and _english(word):
        return None
    forms = [word]
    if _TRIPLE.search(word):
        forms = [_TRIPLE.sub(r"\1\1", word), _TRIPLE.sub(r"\1", word)]
    for form in forms:
        if _without_n(form):
            return form + "n"
    if forms[0] != word:
        known = [form for form in forms if _known(form)]
        return next((form for form in known if form in _lexicon_words()), known[0] if known else None)
    if len(word) < _SHORTEST or _known(word):
        return None
    for form in _sound_alikes(word):
        if _without_n(form):
            return form + "n"
        if _known(form):
            return form
    return _unglued(word)


# A glued word is split only into parts this long ("dit weekend", "gaat wel"; not "in" + "...").
_GLUED_PART = 3


def _unglued(word: str) -> str | None:
    """Two words typed without the space between ("ditweekend", "gaatwel"), split where the two words are
    a pair of a lexicon phrase ("dit weekend", "gaat wel"): a compound the dictionary does not know
    ("reservesleutel") stays whole, and so does a word the lexicons list ("overmorgen")."""
    if len(word) < 2 * _GLUED_PART or not word.isalpha() or word in _lexicon_words():
        return None
    pairs = _lexicon_pairs()
    for at in range(_GLUED_PART, len(word) - _GLUED_PART + 1):
        split = f"{word[:at]} {word[at:]}"
        if split in pairs:
            return split
    return None


@cache
def _lexicon_phrases() -> tuple[tuple[str, ...], ...]:
    """The words of each phrase of the lexicons (data/*.toml), folded."""
    return tuple(
        tuple(_WORD.findall(fold(phrase)))
        for path in sorted(DATA.glob("*.toml"))
        for phrase in all_phrases(lexicon(path.stem))
    )


@cache
def _lexicon_words() -> frozenset[str]:
    """Every word of the lexicons' phrases: the words some reader listens for."""
    return frozenset(word for phrase in _lexicon_phrases() for word in phrase)


@cache
def _lexicon_pairs() -> frozenset[str]:
    """Every two neighbouring words of a lexicon phrase ("dit weekend", "gaat wel"), joined by a space."""
    return frozenset(f"{a} {b}" for phrase in _lexicon_phrases() for a, b in pairwise(phrase))


def warm_up() -> None:
    """The lexicons' words and pairs, gathered now rather than on the first stretched or glued word."""
    _lexicon_words()
    _lexicon_pairs()


@lru_cache(maxsize=1024)
def respell(text: str) -> str:
    """`text` (Dutch) with the words written by ear spelled as the dictionary does; as typed otherwise.
    Kept for the message's other readings (a flow reads one message in more than one context)."""
    # A word with a capital after the first is a name or a place ("mevrouw Smit", not "smid"): as typed.
    words = [
        (match, match.group(0).casefold())
        for match in _WORD.finditer(text)
        if match.start() == 0 or not match.group(0).istitle()
    ]
    if not words:
        return text
    mixed = sum(_says_english(word) for _, word in words) >= _ENGLISH_WORDS_MIXED
    changes: list[tuple[int, int, str]] = []
    skip = False
    for index, (match, word) in enumerate(words):
        if skip:
            skip = False
            continue
        if index + 1 < len(words):
            after_match, after = words[index + 1]
            joined = word + after
            if (
                after_match.start() - match.end() == 1
                and min(len(word), len(after)) >= 2
                and len(joined) >= _JOINED_SHORTEST
                and text[match.end()] == " "
                and not (_known(word) and _known(after))
                and _known(joined)
            ):
                changes.append((match.start(), after_match.end(), joined))
                skip = True
                continue
        fixed = _respelled(word, mixed)
        if fixed is not None:
            changes.append((match.start(), match.end(), fixed))
    if not changes:
        return text
    parts: list[str] = []
    last = 0
    for start, end, fixed in changes:
        parts += [text[last:start], fixed]
        last = end
    return "".join(parts) + text[last:]
