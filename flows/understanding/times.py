"""Times as people say them, read into a short normal form ("thursday or friday after 16:00").

`read_when` reads an answer to "Wanneer?"; `find_when` finds a time inside a longer sentence (a first
message) and is stricter about what counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from flows.when import When


@dataclass(frozen=True, slots=True)
class TimeReading:
    """A time read from text. `normal` is the corpus's normal form."""

    normal: str
    confidence: float = 1.0

    @property
    def at_night(self) -> bool:
        """A time between 22:00 and 07:00: questioned, not agreed."""
        return False

    def to_when(self, now: datetime, zone: ZoneInfo) -> When | None:
        """The planner's `When` for this time, or None where it cannot express it."""
        return None


def read_when(text: str, lang: str = "nl", now: datetime | None = None) -> TimeReading | None:
    return None


def find_when(text: str, lang: str = "nl", now: datetime | None = None) -> TimeReading | None:
    return None


def condition_time(text: str, lang: str = "nl", now: datetime | None = None) -> str | None:
    """The time part of a condition a volunteer adds to a yes or a later ("ja, na drieën kan ik"):
    "after 15:00", "morning only", "saturday only", "done before 17:00", "next week"; None without one."""
    return None
