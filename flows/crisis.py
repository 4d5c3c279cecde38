"""Crisis words for the conversation: a message that may mean danger gets the right emergency numbers at
once, staff are alerted with high priority, and nothing automatic (no flow step, no matching, no relay)
uses it.

The reading itself lives in `flows.understanding.crisis` (six languages, concepts and rules, idioms that
must not fire; words in flows/understanding/data/crisis.toml). This module keeps the names the
conversation's texts and alerts use: "suicide" (113), "medical" (112), "violence" (Veilig Thuis).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache, lru_cache
from typing import Any

from flows.normalise import folded_words, simplify
from flows.understanding import crisis as reader
from flows.understanding.text import lexicon

KINDS = ("suicide", "violence", "medical", "missing", "carer", "gas", "fire")
# The reader's numbers under the conversation's names (texts crisis_<kind>, alerts crisis_<kind>).
_NAMES = {"113": "suicide", "112": "medical", "veilig_thuis": "violence"}
# Round crisis21: a rule of data/crisis.toml may mark what it says beyond its number (`mark`), named as the
# conversation names it: "missing", a person with dementia or a confused elder gone (112, with what the
# police need to hear); "carer", a carer afraid to harm, or who harmed, the one cared for (Veilig Thuis also
# helps them, and the team sees that the danger is to the one cared for). The numbers stay the reader's.
# Round crisis22: "gas", a smell of gas, and "fire", fire or smoke from a home (112 both, out of the house
# first: crisis_gas, crisis_fire).


def detect(text: str) -> str | None:
    """The kind of crisis a message may signal (suicide, violence, medical, missing, carer, gas, fire), or
    None. Every language is read: someone may switch language in a crisis."""
    found = reader.detect(text)
    if not found:
        return None
    if found == "112" and "113" in reader.kinds_in(text) and overdose_taken(text):
        # Round crisis26: pills taken with a sign ("... en is heel suf") read 112 beside the overdose's 113:
        # still the overdose, whose answers lead with 112 (crisis_overdose, crisis_overdose_other).
        return "suicide"
    mark = reader.answering_mark(text)
    return mark if mark in KINDS else _NAMES[found]


# A crisis said in pieces ("ik wil niet" / "meer leven", "mijn man ligt op de grond" / "hij zegt niks meer"):
# the last words of the messages before are kept for a short while and read with the next one.
PIECE = "crisis_piece"
# Pieces come within minutes of each other; older words are another conversation.
PIECE_MINUTES = 10
# The words kept: the end of what came before is what the next piece goes on with, and a short tail keeps
# the state small and far-apart words from meeting.
PIECE_WORDS = 14


def earlier_piece(state: dict[str, Any], now: datetime) -> str | None:
    """The words kept from the messages just before (taken out of the state), or None when there are none
    or they are older than `PIECE_MINUTES`."""
    kept = state.pop(PIECE, None)
    text = kept.get("text") if isinstance(kept, dict) else None
    if not isinstance(kept, dict) or not isinstance(text, str):
        return None
    try:
        recent = (
            timedelta(0)
            <= now - datetime.fromisoformat(str(kept.get("at")))
            <= timedelta(minutes=PIECE_MINUTES)
        )
    except (TypeError, ValueError):  # no time, or one with and one without a time zone
        return None
    return text if recent else None


def detect_in_pieces(earlier: str | None, text: str) -> str | None:
    """The kind of crisis the message says, alone or together with the pieces before it, read as one
    message as the person would have written it (the earlier words read no crisis alone: a crisis answer
    keeps no piece). One thing the earlier words may also do: set up a report ("op tv zag ik" / "dat
    iemand van de flat sprong"), which the message alone would read as a crisis and together does not."""
    alone = detect(text)
    if not earlier:
        return alone
    together = detect(f"{earlier} {text}")
    if alone is not None and together is None and reader.frames_a_report(earlier):
        return None
    return alone or together


def piece_to_keep(earlier: str | None, text: str, now: datetime) -> dict[str, str] | None:
    """What the state keeps of this message for the next one: its last words, after the recent pieces
    before it (three pieces say "ik heb" / "al mijn pillen" / "ingenomen")."""
    words = f"{earlier or ''} {text}".split()
    if not words:
        return None
    return {"text": " ".join(words[-PIECE_WORDS:]), "at": now.isoformat()}


# An overdose in words that also name the daily medicine (round crisis19): "ik heb al mijn pillen ingenomen"
# is "already took my pills" or "took all my pills"; "ik heb pillen geslikt" says no amount. Not a crisis kind
# (the reader stays as it is): the conversation asks a short safety check, Ja or Nee (flows/conversation.py
# `_pills_check`). The state keeps only that the check is open and how often it was asked.
PILLS_CHECK = "pills_check"
PILLS_YES = "pills:yes"
PILLS_NO = "pills:no"


# A quick first look, before any folding: a stem of a word for pills (`[overdose_check] pills`), any case.
# Lower case is compared ("boodschappen" holds "hap": the Turkish pill is "hapla..." or "hap" alone).
_PILLS_AT_ALL = re.compile(
    r"pil|tablet|medic|meds|ila[cç]|hapla|hap\b|pammetje|حبوب|دواء|دوائ|أدوي|ادوي|dwa|7bob|hbob"
    # Round crisis20: medicine names and packs ("een hele strip oxazepam", "een doosje paracetamol").
    r"|azepam|zolam|paracetamol|ibuprofen|oxycodon|tramadol|morfine|morphine|codeine|zolpidem|zopiclon|xanax"
    r"|strip|doos|\bbox|\bpack|kutu|\bleki|\bleków|ліки|ліків|таблет|пігулк|снодійн|شريط|علبة"
)


@lru_cache(maxsize=64)
def _names_pills(text: str) -> bool:
    """The quick first look, once per message (the check, the overdose and someone else's ask it)."""
    return bool(_PILLS_AT_ALL.search(text.lower()))


@cache
def _overdose_patterns() -> dict[str, re.Pattern[str]]:
    """The `[overdose_check]` table of data/crisis.toml as one compiled pattern a part, read once."""
    table = lexicon("crisis")["overdose_check"]
    more = lexicon("crisis")["overdose_more"]["pills"]  # round crisis20: names and packs
    fill = {
        name: "(?:" + "|".join(_folded_words(*table[name], *(more if name == "pills" else ()))) + ")"
        for name in ("pills", "taken")
    }

    def filled(pattern: str) -> str:
        for name, words in fill.items():
            pattern = pattern.replace("{" + name + "}", words)
        return pattern

    return {
        part: re.compile("|".join(f"(?:{filled(_folded(p))})" for p in table[part]))
        for part in ("all_mine", "bare", "taken_near", "daily", "not_taken", "confirms", "dismiss")
    } | {"pills": re.compile(fill["pills"])}


def overdose_unclear(text: str) -> bool:
    """Pills said taken, every one of one's own or with no amount, in a clause with no word of a pill not
    taken or of someone else's ("nog niet", "mijn man"), and nothing in the message that says the daily
    medicine plainly ("vanochtend", "pillen al", "nu koffie")."""
    if not _names_pills(text):
        return False  # most messages: no word for pills at all
    found = _overdose_patterns()
    if found["daily"].search(folded_words(_spaced(text))):
        return False
    for clause in _CLAUSES.split(text):
        words = folded_words(clause)
        said = (found["all_mine"].search(words) and found["taken_near"].search(words)) or found[
            "bare"
        ].search(words)
        if said and not found["not_taken"].search(words):
            return True
    return False


# A clause: a word of not taking ("niet") speaks for its own clause only ("maakt niet uit, ik heb net al mijn
# pillen geslikt").
_CLAUSES = re.compile(r"[,.;:!?\n]+")


def overdose_taken(text: str) -> bool:
    """Pills said taken in a clause that does not say they were not ("ik heb alle pillen ingenomen",
    "heb te veel tabletten geslikt"): beside a crisis read, the reply leads with 112 (poisoning), not with
    113 as for the thought or a plan ("ik heb al pillen gespaard")."""
    if not _names_pills(text):
        return False
    found = _overdose_patterns()
    for clause in _CLAUSES.split(text):
        words = folded_words(clause)
        if found["taken_near"].search(words) and not found["not_taken"].search(words):
            return True
    return False


def overdose_confirmed(text: str) -> bool:
    """An answer to the check that says the amount ("ja veel te veel", "de hele strip"), not denied right
    before it ("nee, niet te veel")."""
    words = folded_words(_spaced(text))
    for match in _overdose_patterns()["confirms"].finditer(words):
        before = words[: match.start() + 1].split()[-2:]
        if not {"niet", "geen", "not", "no", "nee"} & set(before[-1:]) and "niet" not in before:
            return True
    return False


def overdose_waved_off(text: str) -> bool:
    """An answer to the check that waves it off ("laat maar", "maakt niet uit"): no "no", asked again."""
    return bool(_overdose_patterns()["dismiss"].search(folded_words(_spaced(text))))


def _spaced(text: str) -> str:
    """Words run together by punctuation apart ("pillen,nu koffie")."""
    return re.sub(r"[,.;:!?]+", " ", text)


# Someone else's overdose (round crisis20): "mijn vader heeft al zijn pillen geslikt", "mijn man heeft een
# hele strip oxazepam genomen", "my mum took all her pills at once". The writer is not the one who took them:
# 112 for the writer to call, with what to tell them and to stay with the person (crisis_overdose_other).
@cache
def _other_patterns() -> dict[str, re.Pattern[str]]:
    """`[overdose_more]` of data/crisis.toml as compiled patterns, read once."""
    table = lexicon("crisis")["overdose_more"]
    pills = _overdose_patterns()["pills"].pattern

    def words(name: str) -> re.Pattern[str]:
        return re.compile(" (?:" + "|".join(_folded_words(*table[name])) + ") ")

    return {
        "someone_else": words("someone_else"),
        "myself": words("myself"),
        "taken": words("taken"),
        "amount": words("amount"),
        "content": words("content"),
        "not_taken": words("not_taken"),
        "all_theirs": re.compile("|".join(p.replace("{pills}", pills) for p in table["all_theirs"])),
    }


def _folded(pattern: str) -> str:
    """A pattern of data/crisis.toml with its words folded as `folded_words` folds a message."""
    return re.sub(r"[^\W\d_]+", lambda m: simplify(m.group()), pattern)


def _folded_words(*patterns: str) -> list[str]:
    """Word patterns folded, each once, the longest first (an alternation tries them in that order)."""
    return sorted({_folded(p) for p in patterns}, key=len, reverse=True)


def _about_someone_else(words: str) -> bool:
    found = _other_patterns()
    return bool(found["someone_else"].search(words)) and not found["myself"].search(words)


def _someone_elses_pills(text: str) -> str | None:
    """The message's folded words when it names pills, is about someone else and says nothing of the
    daily medicine; None otherwise (the common start of both readings about someone else)."""
    if not _names_pills(text):
        return None
    words = folded_words(_spaced(text))
    if not _about_someone_else(words) or _overdose_patterns()["daily"].search(words):
        return None
    return words


@cache
def _pills_as_words() -> re.Pattern[str]:
    return re.compile(" " + _overdose_patterns()["pills"].pattern + " ")


def overdose_of_someone_else(text: str) -> bool:
    """Pills taken by someone else, with an amount ("al haar slaappillen in één keer", "een heel doosje"),
    in a clause with no word of not taking them, and no word of the daily medicine in the message."""
    if _someone_elses_pills(text) is None:
        return False
    found = _other_patterns()
    pills = _pills_as_words()
    for clause in _CLAUSES.split(text):
        part = folded_words(clause)
        if (
            pills.search(part)
            and found["taken"].search(part)
            and found["amount"].search(part)
            and not found["not_taken"].search(part)
        ):
            return True
    return False


def overdose_unclear_of_someone_else(text: str) -> bool:
    """ "mijn vader heeft al zijn pillen geslikt": already his pills, or all of them; about someone else."""
    words = _someone_elses_pills(text)
    if words is None:
        return False
    found = _other_patterns()
    if found["content"].search(words):
        return False
    for clause in _CLAUSES.split(text):
        part = folded_words(clause)
        said = found["all_theirs"].search(part) and found["taken"].search(part)
        if said and not found["not_taken"].search(part):
            return True
    return False
