"""Times as people say them, read into a short normal form ("thursday or friday after 16:00").

`read_when` reads an answer to "Wanneer?"; `find_when` finds a time inside a longer sentence (a first
message) and is stricter about what counts; `condition_time` reads the time in a volunteer's condition.
`time_words` turns the words into items, `time_compose` composes them into a `time_reading.TimeReading`:

- The last choice counts: a change of mind ("dinsdag. nee wacht woensdag", "or rather") starts over.
- A time said with a negation ("deze week niet") is not the time; when nothing else is said, no time.
- "of"/"or" between times gives options; an hour or daypart said once is shared ("do of vr na 4").
- Hours follow `flows.when`'s decisions: without am/pm or daypart an hour is daytime, 1 to 7 in the
  afternoon or evening ("om 2 uur" is 14:00, "na 4" 16:00, "tussen 1 en 3" 13:00-15:00), 8 to 12 as
  said; a daypart picks the half of the day ("8 uur 's avonds" is 20:00); 24-hour and am/pm times stay.
- A daypart next to an hour only picks the half of the day ("zaterdagmiddag na tweeën" is saturday
  after 14:00), except in a repeat, where it is the thing repeated ("every morning before 09:00").
- Inside a longer message (`find_when`) numbers are times only with a clock word ("om 3", "14:00",
  "3 uur" next to a day): ages, counts, house numbers and amounts are not.
"""

from __future__ import annotations

from datetime import datetime

from flows.understanding.time_compose import read_time
from flows.understanding.time_reading import TimeReading

__all__ = ["TimeReading", "condition_time", "find_when", "read_when"]


def read_when(text: str, lang: str = "nl", now: datetime | None = None) -> TimeReading | None:
    """The time in an answer to "Wanneer heb je hulp nodig?", or None when no time can be read."""
    return read_time(text, lang, now, mode="answer")


def find_when(text: str, lang: str = "nl", now: datetime | None = None) -> TimeReading | None:
    """A clear time inside a longer message ("kan iemand volgende week op mijn kat passen?")."""
    return read_time(text, lang, now, mode="message")


def condition_time(text: str, lang: str = "nl", now: datetime | None = None) -> str | None:
    """The time part of a condition a volunteer adds to a yes or a later ("ja, na drieën kan ik"):
    "after 15:00", "morning only", "saturday only", "done before 17:00", "next week"; None without one."""
    reading = read_time(text, lang, now, mode="condition")
    if reading is None or reading.asap or reading.flexible:
        return None
    if reading.done and reading.before is not None and reading.after is None:
        return f"done {reading.normal}"
    if reading.leaving and reading.at is not None and not (reading.after or reading.before):
        return f"before {reading.at:%H:%M}"  # "ik moet om 4 uur weg"
    bounded = reading.after or reading.before or reading.day_bound or reading.options
    named = reading.days or reading.daypart or reading.week in ("weekend", "weekends", "weekdays")
    if reading.only and named and not bounded and not reading.recurrence:
        return f"{reading.normal} only"  # "kan pas zaterdag"; "pas volgende week" is just next week
    if reading.normal in _PARTS:
        return f"{reading.normal} only"  # "ja, wel graag voor de middag": a part of day alone is a limit
    return reading.normal


_PARTS = frozenset({"morning", "afternoon", "evening"})
