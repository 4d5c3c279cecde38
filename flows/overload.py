"""A carer's overload said in her own words, outside a check-in (dialogue round 13,
tests/test_dialogues_redteam13.py): "de zorg voor mijn moeder wordt me te veel", "ik kan het niet meer
aan met mijn man, hij heeft dementie", "ik ben zo moe, ik zorg al jaren voor mijn vrouw".

The check-in's reader (and conversation.py `_distress_alone`) reads a message that says only that the
person cannot cope; these messages also say who they care for, the illness, how long, the nights. Read
here, pure, from word lists in flows/understanding/data/conversation.toml ("Dialogue round 13"):

- clear words of not coping ([cannot_cope], [overload_clear]) beside the one cared for ([overload_relation])
  or words of caring ([overload_caring]);
- words of being worn out ([overload_weary]: tired, no sleep, no time for oneself, guilt, anger) beside
  words of caring.

"ik ben moe, ik ga slapen", "het wordt me te veel gedoe met die app", "ik kan het niet meer vinden" have
neither: no overload; nor when it goes well after all ([overload_undone]: "... ik ben moe maar gelukkig"),
and "te veel gedoe" is taken out before reading ([overload_not]). Whether a request is said too is the
caller's to read.
"""

from __future__ import annotations

import re
from functools import cache

from flows.normalise import simplify
from flows.smalltalk import APOSTROPHES
from flows.understanding.text import lexicon

# " ... " in a phrase: at most this many words between its parts ("ik slaap al weken slecht").
GAP_WORDS = 4


def said(text: str) -> bool:
    """Whether `text` tells of a carer's overload (see the module's docstring)."""
    words = _words(text)
    if _has(words, "overload_undone"):
        return False
    caring = _has(words, "overload_caring")
    if caring and _has(words, "overload_weary"):
        return True
    clear = _has(words, "overload_clear") or _clearly_cannot_cope(words)
    return clear and (caring or _has(words, "overload_relation"))


def _clearly_cannot_cope(words: str) -> bool:
    """[cannot_cope]'s words; the short ones of [overload_clause_end] only where a clause ends."""
    ending = {pattern.pattern for pattern in _patterns("overload_clause_end")}
    if any(p.search(words) for p in _patterns("cannot_cope") if p.pattern not in ending):
        return True
    light = "|".join(
        re.escape(simplify(w)) for w in lexicon("conversation")["overload_clause_end_light"]["words"]
    )
    return any(
        re.search(pattern.pattern + rf"(?:(?:{light}) )?\|", words)
        for pattern in _patterns("overload_clause_end")
    )


def request_words(text: str) -> str:
    """The words of a request said with overload, without the clauses of overload: volunteers read the
    request, not that she cannot cope ("ik trek het niet meer, kan iemand dinsdag even bij mijn vader
    zitten" -> "kan iemand dinsdag even bij mijn vader zitten"). The whole text when nothing is left."""
    clauses = [clause.strip() for clause in _CLAUSES.split(text) if clause.strip(" ,.;:!?؟،")]
    kept = [clause for clause in clauses if not _tells_overload(_words(clause))]
    if not kept or len(kept) == len(clauses):
        return text
    joined = [
        clause if clause[-1] in ",.;:!?؟،" or index == len(kept) - 1 else f"{clause},"
        for index, clause in enumerate(kept)
    ]
    rest = " ".join(joined).strip(" ,;:")
    return rest[:1].upper() + rest[1:]


# A clause ends at punctuation, or at "en" / "and" before a new subject ("... dementie en ik ben kapot").
_CLAUSES = re.compile(r"(?<=[,.;:!?؟،])\s+|\s+(?:en|and)\s+(?=ik\b|i\b)", re.IGNORECASE)


def _tells_overload(words: str) -> bool:
    return _has(words, "overload_weary") or _has(words, "overload_clear") or _clearly_cannot_cope(words)


def cares_for_someone(text: str) -> bool:
    """Whether the words name caring or the one cared for: respite care is then one of the offers."""
    words = _words(text)
    return _has(words, "overload_caring") or _has(words, "overload_relation")


def _words(text: str) -> str:
    """The folded words, apostrophes dropped ("can't" is "cant"), a "|" where a clause ends: phrases
    are found as whole words within one clause."""
    plain = simplify(re.sub(APOSTROPHES, "", text))
    clauses = [" ".join(re.findall(r"\w+", clause)) for clause in re.split(r"[,.;:!?؟،]+", plain)]
    words = " " + " | ".join(clause for clause in clauses if clause) + " | "
    for pattern in _patterns("overload_not"):
        words = pattern.sub(" ", words)
    return words


def _has(words: str, section: str) -> bool:
    return any(pattern.search(words) for pattern in _patterns(section))


@cache
def _patterns(section: str) -> tuple[re.Pattern[str], ...]:
    table = lexicon("conversation")[section]
    patterns = []
    for phrase in table.get("phrases", table.get("words", ())):
        parts = [
            " ".join(re.findall(r"\w+", simplify(re.sub(APOSTROPHES, "", part))))
            for part in phrase.split("...")
        ]
        gap = rf" (?:\w+ ){{0,{GAP_WORDS}}}"
        patterns.append(re.compile(" " + gap.join(re.escape(part) for part in parts if part) + " "))
    return tuple(patterns)
