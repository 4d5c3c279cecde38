"""A volunteer's condition on a yes ("ja, maar pas na 2 uur"), as a window of times they can start.

The reader (flows/understanding) gives the condition in the corpus's short normal form: "after 14:00",
"not friday", "morning only", "saturday only", "tomorrow 15:00", "between 13:00 and 15:00", "done
before 17:00", "next week", "not weekends", "not evenings"; with "; " between the parts, the other
conditions among them ("no lifting"). `parse` turns the parts about time into a `Window` (dates
resolved against `now`, the moment of the answer); `decide` compares it with the request's `When`.

Decisions (tests/test_conditions.py pins each one):
- Only what is clearly about time counts. A part not read here ("no lifting", "not early", "thursday
  or friday") is left to the volunteer's own words, which the resident reads anyway. A condition with
  no part about time is no window: the yes is a plain yes.
- The window holds start times. "before 12:00" and a daypart's end are exclusive ("morning only" is
  09:00 to 12:00, as `flows.when.DAYPARTS`); "done before 17:00" leaves a visit of `VISIT` (an hour),
  so the start is before 16:00. "om 3 uur" ("15:00") is that start exactly.
- A request at a moment conflicts when that moment is outside the window. A daypart or a day
  ("donderdagochtend", "zaterdag") conflicts only when no start in it fits; some overlap is a plain
  yes (the two agree on the hour when they plan the meeting). `asap` and "maakt niet uit" have no
  fixed time: the window itself is what the volunteer offers.
- On a conflict the bot proposes one moment, the one that fits nearest to what was asked: the same
  day when something fits there (earlier too, if still ahead: "alleen 's ochtends" for 15:00 gives
  11:00), otherwise the nearest day that fits (the later of two as near: "niet op donderdag" for
  Thursday 10:00 gives Friday 10:00, "morgen om 3 uur" said on Monday for Thursday gives Tuesday
  15:00), at the asked hour where possible. Candidate hours are round ones: the asked hour, the
  window's own hours (its start, an hour before its end), a daypart's start and an hour before its
  end, and 09:00; never at night (before 07:00 or from 22:00), never in the past, at most two weeks
  from the asked day. When nothing fits in two weeks ("alleen na 23:00") there is no proposal and
  the yes stays a plain yes with the volunteer's words: better a question in the thread than a
  made-up time.

The resident's time to decide (`answer_deadlines`; bot/effects/matchmaker.py runs the timers):
- one reminder `REMIND_AFTER` (4 hours) after the question; the sender holds it through quiet hours;
- the offer lapses `ANSWER_WITHIN` (24 hours) after the question, but no later than `NOTICE` (3 hours)
  before the proposed time, so the volunteer is never left not knowing on the day itself; never
  sooner than `SHORTEST` (an hour) after the question. When the lapse comes sooner than the usual
  reminder, the reminder comes half-way. A day is long enough for someone who reads messages once a
  day, and short enough that a request does not wait for one silent answer longer than a wave does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo

from babel.dates import format_date, get_day_names

from flows import catalogue
from flows.when import AMSTERDAM, DAYPARTS, HELPING_HOURS, When, describe_when

if TYPE_CHECKING:
    from flows.understanding.time_reading import TimeReading

# How long a visit takes when the volunteer says when it must be done ("mits het voor 5 uur klaar is").
VISIT = timedelta(hours=1)
SEARCH_DAYS = 14
# Proposals are never at night: from 07:00 to 22:00, as the reader's `at_night`.
EARLIEST, LATEST = time(7), time(22)
STEP = timedelta(minutes=15)
# The resident's time to decide on a volunteer's other time (see the module's docstring).
REMIND_AFTER = timedelta(hours=4)
ANSWER_WITHIN = timedelta(hours=24)
NOTICE = timedelta(hours=3)
SHORTEST = timedelta(hours=1)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The reader's dayparts ("morning only") by flows.when's names.
PARTS: Mapping[str, str] = {"morning": "ochtend", "afternoon": "middag", "evening": "avond"}
RELATIVE_DAYS: Mapping[str, int] = {"today": 0, "tomorrow": 1, "day after tomorrow": 2}

_CLOCK = r"(\d{2}):(\d{2})"
_DAY = (
    r"(?P<day>today|tomorrow|day after tomorrow|(?:next )?(?:" + "|".join(WEEKDAYS) + r")|weekends|weekdays)"
)
_PART = r"(?P<part>morning|afternoon|evening)s?"
_HOURS = (
    rf"(?:after (?P<after>{_CLOCK})|done before (?P<done>{_CLOCK})|before (?P<before>{_CLOCK})"
    rf"|between (?P<from>{_CLOCK}) and (?P<to>{_CLOCK})|(?P<at>{_CLOCK}))"
)
_POSITIVE = re.compile(rf"^(?:{_DAY})?\s*(?:{_PART})?\s*(?:{_HOURS})?(?: only)?$")
_NEGATIVE = re.compile(r"^not (?P<what>" + "|".join(WEEKDAYS) + r"|weekends|mornings|afternoons|evenings)$")

Verdict = Literal["fits", "conflict", "open"]


@dataclass(frozen=True, slots=True)
class Window:
    """When a volunteer can start. Empty fields do not restrict; `on` and `from_date` are dates resolved
    when the volunteer answered ("morgen", "volgende week"); weekdays count from Monday 0."""

    days: tuple[int, ...] = ()
    not_days: tuple[int, ...] = ()
    on: date | None = None
    from_date: date | None = None
    part: str | None = None
    not_parts: tuple[str, ...] = ()
    at: time | None = None
    start: time | None = None
    end: time | None = None
    # The last day (a request's week: "ergens volgende week" ends on that week's Sunday).
    until: date | None = None
    # The "done before" hour as said, for telling the resident ("klaar voor 17:00").
    done: time | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name in ("days", "not_days", "not_parts"):
            if getattr(self, name):
                data[name] = list(getattr(self, name))
        for name in ("on", "from_date", "until", "at", "start", "end", "done"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value.isoformat()
        if self.part:
            data["part"] = self.part
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Window:
        def clock(name: str) -> time | None:
            return time.fromisoformat(str(data[name])) if data.get(name) else None

        def day(name: str) -> date | None:
            return date.fromisoformat(str(data[name])) if data.get(name) else None

        part = data.get("part")
        return cls(
            days=tuple(int(d) for d in data.get("days") or ()),
            not_days=tuple(int(d) for d in data.get("not_days") or ()),
            on=day("on"),
            from_date=day("from_date"),
            part=str(part) if part in DAYPARTS else None,
            not_parts=tuple(str(p) for p in data.get("not_parts") or () if p in DAYPARTS),
            at=clock("at"),
            start=clock("start"),
            end=clock("end"),
            until=day("until"),
            done=clock("done"),
        )

    def fits(self, moment: datetime) -> bool:
        """Can the volunteer start at this (local) moment?"""
        day, clock = moment.date(), moment.time().replace(second=0, microsecond=0)
        if self.on is not None and day != self.on:
            return False
        if self.from_date is not None and day < self.from_date:
            return False
        if self.until is not None and day > self.until:
            return False
        if self.days and day.weekday() not in self.days:
            return False
        if day.weekday() in self.not_days:
            return False
        if self.at is not None and clock != self.at:
            return False
        if self.start is not None and clock < self.start:
            return False
        if self.end is not None and clock >= self.end:
            return False
        if self.part is not None and not _within(self.part, clock):
            return False
        return not any(_within(part, clock) for part in self.not_parts)


def _hours(part: str) -> tuple[time, time]:
    return {str(name): hours for name, hours in DAYPARTS.items()}[part]


def _within(part: str, clock: time) -> bool:
    start, end = _hours(part)
    return start <= clock < end


def parse(condition: str | None, now: datetime) -> Window | None:
    """The window of a condition's parts about time; None when none of its parts is about time."""
    if not condition:
        return None
    local = now.astimezone(AMSTERDAM) if now.tzinfo is not None else now
    fields: dict[str, Any] = {}
    for part in condition.split("; "):
        read = _part(part.strip(), local.date())
        for name, value in read.items():
            if name in ("days", "not_days", "not_parts"):
                fields[name] = tuple(sorted(set(fields.get(name, ())) | set(value)))
            else:
                fields[name] = value
    return Window(**fields) if fields else None


def _part(text: str, today: date) -> dict[str, Any]:
    if text == "next week":
        return {"from_date": today + timedelta(days=7 - today.weekday())}
    if text in ("not weekends", "not weekend"):
        return {"not_days": (5, 6)}
    if (negative := _NEGATIVE.match(text)) is not None:
        what = negative["what"]
        if what in WEEKDAYS:
            return {"not_days": (WEEKDAYS.index(what),)}
        return {"not_parts": (PARTS[what.removesuffix("s")],)}
    found = _POSITIVE.match(text)
    if found is None or not text:
        return {}
    read: dict[str, Any] = {}
    day = found["day"]
    if day in RELATIVE_DAYS:
        read["on"] = today + timedelta(days=RELATIVE_DAYS[day])
    elif day == "weekends":
        read["days"] = (5, 6)
    elif day == "weekdays":
        read["days"] = (0, 1, 2, 3, 4)
    elif day:
        read["days"] = (WEEKDAYS.index(day.removeprefix("next ")),)
    if found["part"]:
        read["part"] = PARTS[found["part"]]
    if found["after"]:
        read["start"] = time.fromisoformat(found["after"])
    if found["before"]:
        read["end"] = time.fromisoformat(found["before"])
    if found["done"]:
        said = time.fromisoformat(found["done"])
        read["done"] = said
        read["end"] = (datetime.combine(today, said) - VISIT).time()
    if found["from"]:
        read["start"], read["end"] = time.fromisoformat(found["from"]), time.fromisoformat(found["to"])
    if found["at"]:
        read["at"] = time.fromisoformat(found["at"])
    return read


@dataclass(frozen=True, slots=True)
class Decision:
    """`fits`: a plain yes. `conflict`: the asked time does not suit; `proposal` is what fits nearest.
    `open`: the request has no fixed time; the window is what the volunteer offers."""

    verdict: Verdict
    proposal: datetime | None = None


def decide(window: Window, when: When, now: datetime, zone: ZoneInfo = AMSTERDAM) -> Decision:
    """Does the volunteer's window suit the request's time? See the module's decisions."""
    if when.kind == "asap" or when.start is None:
        return Decision("open")
    asked = when.start.astimezone(zone)
    span = _span(when, asked)
    moment = asked
    while moment <= span:
        if window.fits(moment):
            return Decision("fits")
        moment += STEP
    proposal = nearest(window, asked, now.astimezone(zone), zone)
    return Decision("conflict", proposal) if proposal is not None else Decision("fits")


def _span(when: When, asked: datetime) -> datetime:
    """The last start the request allows: the moment itself, or the end of its daypart or day."""
    if when.kind == "moment":
        return asked
    end = DAYPARTS[when.daypart][1] if when.daypart is not None else HELPING_HOURS[1]
    return max(asked, datetime.combine(asked.date(), end, tzinfo=asked.tzinfo) - STEP)


def nearest(window: Window, asked: datetime, now: datetime, zone: ZoneInfo = AMSTERDAM) -> datetime | None:
    """The fitting start nearest to `asked`: its own day first, then the nearest day (the later of two
    as near): "morgen om 3 uur" said on Monday for a Thursday request gives Tuesday 15:00."""
    clocks = {asked.time().replace(second=0, microsecond=0), HELPING_HOURS[0]}
    clocks.update(c for c in (window.at, window.start) if c is not None)
    if window.end is not None:
        clocks.add((datetime.combine(asked.date(), window.end) - VISIT).time())
    if window.part is not None:
        start, end = _hours(window.part)
        clocks.update((start, (datetime.combine(asked.date(), end) - VISIT).time()))
    wall = asked.time()
    # The asked day, then the days nearest to it, later before earlier: +1, -1, +2, ... (never before today).
    offsets = [0, *(sign * n for n in range(1, SEARCH_DAYS) for sign in (1, -1))]
    for offset in offsets:
        day = asked.date() + timedelta(days=offset)
        if day < now.date():
            continue
        fitting = [
            moment
            for clock in clocks
            if EARLIEST <= clock < LATEST
            for moment in [datetime.combine(day, clock, tzinfo=zone)]
            if moment > now and window.fits(moment)
        ]
        if fitting:
            # Nearest to the asked hour; on a tie the later one (people rarely mind a little later).
            return min(fitting, key=lambda m: (abs(_minutes(m.time()) - _minutes(wall)), -_minutes(m.time())))
    return None


def answer_deadlines(asked_at: datetime, proposal: datetime) -> tuple[datetime, datetime]:
    """(reminder, lapse) for a question asked at `asked_at` about `proposal` (see the docstring)."""
    lapse = max(asked_at + SHORTEST, min(asked_at + ANSWER_WITHIN, proposal - NOTICE))
    remind = asked_at + REMIND_AFTER
    if remind > lapse - SHORTEST:
        remind = asked_at + (lapse - asked_at) / 2
    return remind, lapse


def _minutes(clock: time) -> int:
    return clock.hour * 60 + clock.minute


# --- words ----------------------------------------------------------------------------------------


def describe(window: Window, lang: str) -> str:
    """The window in a few words for the other side: "zaterdag, vanaf 14:00", "niet op vrijdag"."""
    lang = catalogue.language_or_default(lang)
    names = get_day_names("wide", locale=catalogue.LOCALES[lang])
    parts: list[str] = []
    if window.on is not None:
        parts.append(catalogue.render("cond_on", lang, {"days": names[window.on.weekday()]}))
    if window.from_date is not None:
        parts.append(catalogue.render("cond_from_date", lang, {"day": _date(window.from_date, lang)}))
    if window.until is not None:
        parts.append(catalogue.render("cond_until", lang, {"day": _date(window.until, lang)}))
    if window.days:
        days = ", ".join(names[d] for d in window.days)
        parts.append(catalogue.render("cond_on", lang, {"days": days}))
    if window.not_days:
        days = ", ".join(names[d] for d in window.not_days)
        parts.append(catalogue.render("cond_not_on", lang, {"days": days}))
    if window.part is not None:
        parts.append(
            catalogue.render("cond_part", lang, {"part": catalogue.render(f"when_{window.part}", lang)})
        )
    for part in window.not_parts:
        parts.append(
            catalogue.render("cond_not_part", lang, {"part": catalogue.render(f"when_{part}", lang)})
        )
    if window.at is not None:
        parts.append(catalogue.render("cond_at", lang, {"clock": f"{window.at:%H:%M}"}))
    end = None if window.done is not None else window.end
    if window.start is not None and end is not None:
        hours = {"start": f"{window.start:%H:%M}", "end": f"{end:%H:%M}"}
        parts.append(catalogue.render("cond_between", lang, hours))
    elif window.start is not None:
        parts.append(catalogue.render("cond_after", lang, {"clock": f"{window.start:%H:%M}"}))
    elif end is not None:
        parts.append(catalogue.render("cond_before", lang, {"clock": f"{end:%H:%M}"}))
    if window.done is not None:
        parts.append(catalogue.render("cond_done", lang, {"clock": f"{window.done:%H:%M}"}))
    return ("، " if lang == "ar" else ", ").join(parts)


def _date(day: date, lang: str) -> str:
    return format_date(day, "EEEE d MMMM", locale=catalogue.LOCALES[lang])


# --- a request's window ---------------------------------------------------------------------------
#
# A resident's time that `When` cannot hold ("vanaf 14:00", "donderdag na 2 uur", "ergens volgende
# week", "deze week", "in het weekend") is kept with the request as a `Window` next to its `When`:
# the request's `when` data gets a "window" key (When.from_json reads past it, so no other reader
# changes and no column is added). The `When` says the day when one was said (a flexible day; its start
# moved to the window's first hour), else "any time"; the window says the hours and the days.
# `describe_request_when` reads both back.


def request_time(reading: TimeReading | None, now: datetime) -> dict[str, Any] | None:
    """The request's `when` data with a "window" for a time with bounds or a week, or None when the
    time is no such window (the flow then asks again, as before)."""
    if reading is None or reading.options or reading.recurrence or reading.delay is not None:
        return None
    if reading.day_bound == "before":
        return _by_the_day(reading, now)
    if reading.holiday or reading.date or reading.until or reading.day_bound or reading.of_month:
        return None
    if reading.at is not None or reading.at_night or reading.asap or len(reading.days) > 1:
        return None
    week = reading.week
    bounds = reading.after is not None or reading.before is not None
    if week not in (None, "this", "next", "weekend") or not (bounds or week):
        return None
    if reading.after is not None and reading.before is not None and reading.after >= reading.before:
        return None
    local = now.astimezone(AMSTERDAM)
    monday = local.date() - timedelta(days=local.weekday())
    fields: dict[str, Any] = {"start": reading.after, "end": reading.before}
    has_day = bool(reading.days) or reading.relative_day is not None
    if has_day:
        # "donderdag na 2 uur", "volgende week dinsdag voor 12 uur": the day is the planner's.
        day_only = replace(reading, after=None, before=None, week=None if week == "this" else week)
        base = day_only.to_when(now, AMSTERDAM)
        if base is None or base.start is None or base.kind != "flexible":
            return None
        start = base.start
        if reading.after is not None:
            start = max(start, start.replace(hour=reading.after.hour, minute=reading.after.minute))
        if reading.before is not None and start.timetz().replace(tzinfo=None) >= reading.before:
            return None  # "vandaag voor 9 uur" said at 10:00
        when = When("flexible", start)
    else:
        if reading.daypart is not None:
            fields["part"] = PARTS.get(reading.daypart)
            if fields["part"] is None:
                return None  # the night
        if week == "this":
            fields["until"] = monday + timedelta(days=6)
        elif week == "next":
            fields["from_date"], fields["until"] = monday + timedelta(days=7), monday + timedelta(days=13)
        elif week == "weekend":
            saturday = monday + timedelta(days=5)
            fields["from_date"] = saturday if saturday > local.date() else None
            fields["until"] = monday + timedelta(days=6)
        when = When("flexible")
    window = Window(**{name: value for name, value in fields.items() if value is not None})
    return {**when.to_json(), "window": window.to_json()}


def _by_the_day(reading: TimeReading, now: datetime) -> dict[str, Any] | None:
    """ "uiterlijk vrijdag", "ik lig in het ziekenhuis tot vrijdag", "voor 17 december" (session 29: "tot
    vrijdag" was Friday itself): any time from now until that day, a window over days. A clock, a part
    of the day or a repeat with it is asked again, as before."""
    if reading.at is not None or reading.after is not None or reading.before is not None or reading.daypart:
        return None
    if reading.holiday or reading.until or reading.of_month or reading.week or len(reading.days) > 1:
        return None
    base = replace(reading, day_bound=None).to_when(now, AMSTERDAM)
    if base is None or base.start is None or base.recurrence is not None:
        return None
    window = Window(until=base.start.astimezone(AMSTERDAM).date())
    return {**When("flexible").to_json(), "window": window.to_json()}


def describe_request_when(data: Mapping[str, Any], lang: str) -> str:
    """A request's time read back: the `When` ("donderdag 26 november"), with its window when it has one
    ("vanaf 14:00"); a window over days ("ergens volgende week") alone."""
    when = When.from_json(data)
    if not isinstance(data.get("window"), Mapping):
        return describe_when(when, lang)
    window = Window.from_json(data["window"])
    said = describe(window, lang)
    days = window.from_date is not None or window.until is not None or window.days
    if when.start is None and when.kind == "flexible" and days:
        return said
    comma = "، " if catalogue.language_or_default(lang) == "ar" else ", "
    return comma.join((describe_when(when, lang), said))
