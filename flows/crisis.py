"""Crisis words: a message that may mean danger gets the right emergency numbers at once, staff are
alerted with high priority, and nothing automatic (no flow step, no matching, no relay) uses it.

The word list lives in flows/data/crisis.toml so it can be reviewed and extended without code. Matching
is on whole words after normalising, with common idioms removed first ("ik ga dood van het lachen").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from flows.normalise import simplify

WORDS_FILE = Path(__file__).parent / "data" / "crisis.toml"
KINDS = ("suicide", "violence", "medical")
# Which kind answers when a message matches several: the one with the most urgent number first.
PRIORITY = ("medical", "suicide", "violence")


@dataclass(frozen=True, slots=True)
class Lists:
    idioms: re.Pattern[str] | None
    phrases: dict[str, re.Pattern[str]]


def _words_only(text: str) -> str:
    """Lower case, no accents, punctuation as spaces: "Ik kan niet ademen!!" -> "ik kan niet ademen"."""
    return " ".join(re.sub(r"[^\w\s]", " ", simplify(text).replace("'", "")).split())


def _pattern(phrases: list[str]) -> re.Pattern[str]:
    alternatives = sorted({_words_only(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in alternatives) + r")\b")


@cache
def lists() -> Lists:
    with WORDS_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    unknown = set(data) - {*KINDS, "idioms"}
    if unknown:
        raise ValueError(f"{WORDS_FILE.name}: unknown sections {sorted(unknown)}")
    idioms = data.get("idioms") or []
    return Lists(
        idioms=_pattern(idioms) if idioms else None,
        phrases={kind: _pattern(data[kind]["phrases"]) for kind in KINDS},
    )


def detect(text: str) -> str | None:
    """The kind of crisis a message may signal (suicide, violence, medical), or None."""
    words = _words_only(text)
    if not words:
        return None
    patterns = lists()
    if patterns.idioms is not None:
        words = patterns.idioms.sub(" ", words)
    found = {kind for kind, pattern in patterns.phrases.items() if pattern.search(words)}
    return next((kind for kind in PRIORITY if kind in found), None)
