"""Repeating moments on the local clock: "every Monday 10:00", "every other week", "daily", "never".

A `Rule` names a wall-clock time in the local zone (Europe/Amsterdam), not an interval in seconds, so a
weekly 10:00 check-in stays 10:00 across the daylight saving changes. `next_occurrence(rule, after,
zone)` is the one function that turns a rule into an instant (UTC). The two nights a year where the
local clock is odd are decided once, here:

- A time that does not exist (02:30 on the last Sunday of March: the clock jumps from 02:00 to 03:00)
  happens at the first real moment after the gap: 03:00 CEST. Not 03:30 (what adding the offset
  gives), and never skipped.
- A time that exists twice (02:30 on the last Sunday of October: the clock goes from 03:00 back to
  02:00) happens once, at the first of the two (fold=0, still CEST). The repeat an hour later is
  never an occurrence.

Rules are plain data, stored as JSON (`to_json` / `from_json`); their names are stored, so renaming a
frequency is a migration. `Rule.from_when` makes one from an answer parsed by flows/when.py, and
`describe` says it in the person's language. Pure: no clock, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

from babel.dates import format_date

from flows import catalogue
from flows.when import AMSTERDAM, When

Frequency = Literal["never", "once", "daily", "weekly", "biweekly"]
# Days of the two-week cycle of a biweekly rule.
_BIWEEKLY_DAYS = 14


@dataclass(frozen=True, slots=True)
class Rule:
    """When something repeats, on the local clock.

    - never: no occurrence at all.
    - once: on `anchor` at `at`.
    - daily: every day at `at`.
    - weekly: every `weekday` (Monday 0) at `at`.
    - biweekly: every other `weekday` at `at`; `anchor` is one such day and fixes which weeks.
    """

    freq: Frequency
    at: time | None = None
    weekday: int | None = None
    anchor: date | None = None

    def __post_init__(self) -> None:
        if self.freq not in get_args(Frequency):
            raise ValueError(f"unknown frequency {self.freq!r}")
        if self.freq == "never":
            if (self.at, self.weekday, self.anchor) != (None, None, None):
                raise ValueError("never has no time, day or anchor")
            return
        if self.at is None or self.at.tzinfo is not None or self.at.second or self.at.microsecond:
            raise ValueError(f"{self.freq} needs a naive wall-clock time in whole minutes")
        if self.freq in ("weekly", "biweekly") and self.weekday not in range(7):
            raise ValueError(f"{self.freq} needs a weekday 0-6")
        if self.freq in ("once", "daily") and self.weekday is not None:
            raise ValueError(f"{self.freq} has no weekday")
        if self.freq in ("once", "biweekly") and self.anchor is None:
            raise ValueError(f"{self.freq} needs an anchor date")
        if self.freq in ("daily", "weekly") and self.anchor is not None:
            raise ValueError(f"{self.freq} has no anchor")
        if self.freq == "biweekly" and self.anchor is not None and self.anchor.weekday() != self.weekday:
            raise ValueError("a biweekly anchor falls on its weekday")

    @classmethod
    def weekly(cls, weekday: int, at: time) -> Rule:
        return cls("weekly", at, weekday)

    @classmethod
    def biweekly(cls, first: date, at: time) -> Rule:
        """Every other week on `first`'s weekday, `first` being one of the days."""
        return cls("biweekly", at, first.weekday(), first)

    @classmethod
    def from_when(cls, when: When) -> Rule | None:
        """The rule for a parsed answer with a start ("elke dinsdag 9:00", "morgen om 10 uur"): its
        recurrence, or once. None when there is no start to take a day and time from ("zo snel
        mogelijk", "elke week")."""
        if when.start is None:
            return None
        zone = when.start.tzinfo if isinstance(when.start.tzinfo, ZoneInfo) else AMSTERDAM
        local = when.start.astimezone(zone)
        at = local.time().replace(second=0, microsecond=0)
        if when.recurrence == "daily":
            return cls("daily", at)
        if when.recurrence == "weekly":
            return cls.weekly(local.weekday(), at)
        if when.recurrence == "biweekly":
            return cls.biweekly(local.date(), at)
        return cls("once", at, None, local.date())

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"freq": self.freq}
        if self.at is not None:
            data["at"] = self.at.strftime("%H:%M")
        if self.weekday is not None:
            data["weekday"] = self.weekday
        if self.anchor is not None:
            data["anchor"] = self.anchor.isoformat()
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Rule:
        """The inverse of `to_json`; ValueError on anything it cannot have written."""
        at = data.get("at")
        anchor = data.get("anchor")
        weekday = data.get("weekday")
        return cls(
            freq=data["freq"],
            at=time.fromisoformat(str(at)) if at is not None else None,
            weekday=int(weekday) if weekday is not None else None,
            anchor=date.fromisoformat(str(anchor)) if anchor is not None else None,
        )


NEVER = Rule("never")


def next_occurrence(rule: Rule, after: datetime, zone: ZoneInfo = AMSTERDAM) -> datetime | None:
    """The first occurrence of `rule` strictly after `after`, in UTC; None when there is none (never,
    or a once already past). `after` must be timezone-aware. See the module docstring for the DST
    nights."""
    if after.utcoffset() is None:
        raise ValueError("after must be timezone-aware")
    if rule.freq == "never" or rule.at is None:
        return None
    after = after.astimezone(UTC)
    if rule.freq == "once":
        assert rule.anchor is not None
        moment = local_moment(rule.anchor, rule.at, zone)
        return moment if moment > after else None
    # The local date of `after`, one day back for safety: the first matching day whose moment is
    # later than `after` wins. Two cycles ahead always holds one.
    first = after.astimezone(zone).date() - timedelta(days=1)
    for offset in range(2 * _BIWEEKLY_DAYS + 2):
        day = first + timedelta(days=offset)
        if _falls_on(rule, day):
            moment = local_moment(day, rule.at, zone)
            if moment > after:
                return moment
    raise AssertionError("unreachable: every rule recurs within two weeks")  # pragma: no cover


def describe(rule: Rule, language: str) -> str:
    """The rule in words for the person: "elke dinsdag om 09:00", "every other Monday at 10:00"."""
    language = catalogue.language_or_default(language)
    if rule.freq == "never" or rule.at is None:
        return catalogue.render("remind_rule_never", language)
    locale = catalogue.LOCALES[language]
    params = {"time": rule.at.strftime("%H:%M")}
    if rule.freq == "once":
        assert rule.anchor is not None
        params["date"] = format_date(rule.anchor, "EEEE d MMMM", locale=locale)
    elif rule.weekday is not None:
        # Any date on that weekday names it (2024-01-01 was a Monday).
        params["day"] = format_date(date(2024, 1, 1 + rule.weekday), "EEEE", locale=locale)
    return catalogue.render(f"remind_rule_{rule.freq}", language, params)


def _falls_on(rule: Rule, day: date) -> bool:
    if rule.freq == "daily":
        return True
    if day.weekday() != rule.weekday:
        return False
    if rule.freq == "biweekly":
        assert rule.anchor is not None
        return (day - rule.anchor).days % _BIWEEKLY_DAYS == 0
    return True


def local_moment(day: date, at: time, zone: ZoneInfo = AMSTERDAM) -> datetime:
    """The instant (UTC) the local clock in `zone` shows `at` on `day`: the first of two (fold=0) when
    the clock goes back, the end of the gap when `at` is skipped because the clock goes forward."""
    wall = datetime.combine(day, at)
    first = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if first.astimezone(zone).replace(tzinfo=None) == wall:
        return first
    # In a gap, fold=0 reads the wall time with the offset from before the change and fold=1 with
    # the one after: the change itself lies between the two readings.
    earlier = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    return _change_between(min(first, earlier), max(first, earlier), zone)


def _change_between(before: datetime, after: datetime, zone: ZoneInfo) -> datetime:
    """The first instant in (before, after] whose UTC offset differs from `before`'s (to the second)."""
    offset = before.astimezone(zone).utcoffset()
    while after - before > timedelta(seconds=1):
        middle = before + (after - before) / 2
        middle = middle.replace(microsecond=0)
        if middle.astimezone(zone).utcoffset() == offset:
            before = middle
        else:
            after = middle
    return after
