"""A time as read: its normal form and the structure flows plan with (`TimeReading`).

`to_when` hands the time to `flows.when.parse_when` in the Dutch it reads, so the planner's decisions
(a time already past today is None, "volgende week dinsdag" is next week's Tuesday, no more than a year
ahead) hold for every language the reader understands.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from flows.when import AMSTERDAM, MAX_DURATION, When, parse_when

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
RELATIVE_DAYS = ("today", "tomorrow", "day after tomorrow")
WEEKS = {
    "this": "this week",
    "next": "next week",
    "weekend": "this weekend",
    "next_weekend": "next weekend",
    "weekends": "weekends",
    "weekdays": "weekdays",
    "this_month": "this month",
    "next_month": "next month",
    "early_next_month": "early next month",  # "begin volgende maand" (round corpus29)
    "end_of_month": "end of the month",  # "eind van de maand" (round corpus33)
}
# A night-time time for a meeting or a request is questioned, not agreed (issue 15).
NIGHT_FROM, NIGHT_UNTIL = time(22), time(7)
_NL_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_NL_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
_NL_PARTS = {"morning": "ochtend", "afternoon": "middag", "evening": "avond"}


@dataclass(frozen=True, slots=True)
class TimeReading:
    """A time read from text. `normal` is the corpus's normal form; the other fields are its structure.

    Days: `days` (weekdays, Monday 0; with `coming` for "next tuesday"), `relative_day` (0 today,
    1 tomorrow, 2 day after tomorrow), `week` (a key of WEEKS), `date` (month or None, day of month,
    and `year` when it was written; `until` ends a span of dates;
    `of_month` for "1st of the month"), `holiday`, `delay` ("in 2 weeks": amount and unit; `moment`
    is it resolved against `now` when the reader had one). `day_bound` is "after" or "before" that day
    ("before may 1"). Hours: `daypart` (morning, afternoon, evening, night), `at` (a clock time),
    `after`/`before` (both: between). `recurrence`: daily, weekly, biweekly or monthly. `options` are the
    alternatives of an "or", each read in full. `only` and `done` are for conditions ("saturday only",
    "done before 17:00"); `leaving` that the clock time is when the volunteer must go ("om 4 uur weg").
    """

    normal: str
    confidence: float = 1.0
    days: tuple[int, ...] = ()
    coming: bool = False
    relative_day: int | None = None
    week: str | None = None
    date: tuple[int | None, int] | None = None
    year: int | None = None
    until: tuple[int | None, int] | None = None
    of_month: bool = False
    holiday: str | None = None
    delay: tuple[int, str] | None = None
    moment: datetime | None = None
    day_bound: str | None = None
    daypart: str | None = None
    at: time | None = None
    after: time | None = None
    before: time | None = None
    recurrence: str | None = None
    asap: bool = False
    flexible: bool = False
    only: bool = False
    done: bool = False
    leaving: bool = False
    options: tuple[TimeReading, ...] = ()

    @property
    def at_night(self) -> bool:
        """A clock time or bound between 22:00 and 07:00, the night as daypart, or a delay landing in it."""
        if self.options:
            return any(option.at_night for option in self.options)
        clocks = [moment for moment in (self.at, self.after, self.before) if moment is not None]
        if self.moment is not None and self.delay is not None and self.delay[1] in ("minute", "hour"):
            clocks.append(self.moment.time())
        return self.daypart == "night" or any(c >= NIGHT_FROM or c < NIGHT_UNTIL for c in clocks)

    def to_when(self, now: datetime, zone: ZoneInfo = AMSTERDAM) -> When | None:
        """The planner's `When` for this time, or None where When cannot say it (options, bounds,
        weeks, holidays, days of the month without a month, the night): the flow then keeps `normal`."""
        if self.asap:
            return When("asap")
        if self.confidence < 0.5:
            return None  # "morgen 10": the flow asks back
        if self.options or self.day_bound or self.after or self.before or self.daypart == "night":
            return None
        if self.recurrence == "monthly":
            return None
        if self.delay is not None:
            amount, unit = self.delay
            if unit == "day":
                return parse_when(f"over {amount} dagen", now, zone)
            step = {"minute": timedelta(minutes=1), "hour": timedelta(hours=1)}.get(unit)
            if step is None or amount * step > MAX_DURATION:
                return None
            return parse_when(f"over {amount} {'minuten' if unit == 'minute' else 'uur'}", now, zone)
        if (
            (self.week and not (self.week == "next" and self.days))
            or self.holiday
            or self.until
            or self.of_month
            or (self.date and self.date[0] is None)
        ):
            return None
        if len(self.days) > 1:
            return None
        if self.flexible and not (self.days or self.relative_day is not None or self.date or self.at):
            return When("flexible")
        phrase = self._dutch()
        return parse_when(phrase, now, zone) if phrase else None

    def _dutch(self) -> str:
        """The time in the Dutch that `flows.when.parse_when` reads, so its decisions hold here too."""
        words: list[str] = []
        if self.recurrence == "biweekly":
            words.append("om de week")
        elif self.recurrence == "weekly" and self.days:
            words.append("elke")
        elif self.recurrence == "weekly":
            words.append("elke week")
        elif self.recurrence == "daily" and not self.daypart:
            words.append("elke dag")
        elif self.recurrence == "daily":
            words.append("elke")
        if self.date and self.date[0]:
            day = f"{_NL_DAYS[self.days[0]]} " if self.days else ""  # parse_when checks they agree
            year = f" {self.year}" if self.year else ""
            words.append(f"{day}{self.date[1]} {_NL_MONTHS[self.date[0] - 1]}{year}")
        elif self.days:
            words.append(("volgende week " if self.week == "next" else "") + _NL_DAYS[self.days[0]])
        elif self.relative_day is not None:
            words.append(("vandaag", "morgen", "overmorgen")[self.relative_day])
        if self.daypart:
            part = _NL_PARTS[self.daypart]
            words.append(part if self.recurrence == "daily" else f"in de {part}")
        if self.at is not None:
            words.append(self.at.strftime("%H:%M"))
        return " ".join(words)
