"""Times as people say them, read into a short normal form ("thursday or friday after 16:00").

`read_when` reads an answer to "Wanneer?"; `find_when` finds a time inside a longer sentence (a first
message) and is stricter about what counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class TimeReading:
    """A time read from text. `normal` is the corpus's normal form."""

    normal: str
    confidence: float = 1.0


def read_when(text: str, lang: str = "nl", now: datetime | None = None) -> TimeReading | None:
    return None


def find_when(text: str, lang: str = "nl", now: datetime | None = None) -> TimeReading | None:
    return None
