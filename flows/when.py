"""When a resident wants help: "morgen om 10 uur", "donderdagochtend", "zo snel mogelijk", "elke dinsdag".

Dates come from dateparser (Dutch and English, relative to `now`, never to the clock). dateparser reads
Dutch clock phrases wrongly ("10 uur" is ten hours from now to it; "half 3" and "16.00" it does not read
at all) and knows neither Dutch dayparts nor recurrence. So a thin layer here takes those out of the
answer first, in this order, and hands dateparser only the date that is left:

1. whole-answer phrases: "zo snel mogelijk", "zsm", "nu" (asap); "maakt niet uit", "geen haast" (flexible);
2. a duration: "over 2 uur", "over een kwartier", "in an hour";
3. recurrence: "elke week", "om de week", "elke dag", "elke dinsdag" (the day stays for dateparser);
4. dayparts: "vrijdagmiddag", "vanavond", "'s ochtends", "tomorrow morning";
5. the clock time: "om 10 uur", "10:00", "16.00", "half 3", "kwart voor 4", "10 over half 3", "3pm";
6. what is left ("morgen", "donderdag", "25-11", "1 december", "volgende week dinsdag") goes to dateparser.

Anything left that is neither a date nor a filler word ("graag", "op", "om") makes the answer unknown:
None, and the bot asks again. Better to ask twice than to send a neighbour on the wrong day. The bot
also reads the result back (`describe_when`) before it counts.

Decisions for ambiguous answers (tests/test_when.py pins each one):
- A clock time without am/pm or daypart is read in daytime, 08:00 to 19:59: "om 3 uur" is 15:00,
  "om 8 uur" 08:00, "half 8" 19:30. Help at 3 at night is unlikely. Written 24-hour times are kept as
  written ("07:30", "15 uur", "0:30"), and so are am and pm. A daypart next to a time picks the half
  of the day and must fit it: "7 uur 's ochtends" is 07:00, "8 uur 's avonds" 20:00, "10 uur 's
  middags" and "3 uur 's ochtends" are None.
- "16.00" and "10.30" are times (Dutch write them with a dot); "1.12" could be 1 December as well, so
  a dotted time whose minutes could be a month needs "om" or "uur" ("om 1.12"); alone it goes to
  dateparser as a date. A number dateparser passes over is not guessed at: "morgen 10" (10:00? the
  10th?) is None.
- A time without a day is the next such time: today if still ahead, else tomorrow. A time on a day
  that is given ("vandaag om 8 uur" at 10:00) and already past is None: the person said today, we do
  not move it to tomorrow behind their back.
- A bare day name is the next such day after today: on a Monday, "maandag" is next week's Monday
  (people say "vandaag" for today; dateparser reads it so too). "volgende", "komende", "deze" and
  "aanstaande" before a day name are the same coming day; "volgende week dinsdag" is the Tuesday of
  next week (Monday to Sunday). English "next thursday" is the coming Thursday (dateparser's reading).
- A date in the form "23 november" that is today means today, not next year.
- A day without time or daypart ("zaterdag", "1 december") is kind "flexible" with `start` at the
  beginning of that day's helping hours (09:00); a daypart's `start` is its beginning. When that
  moment has passed but the day or daypart is still running ("vanochtend" at 10:00, "vandaag"),
  `start` is `now`; when it is over ("vanochtend" at 13:00, "vandaag" after 21:00) the answer is None.
  A recurring daypart or day starts at the first whole one ahead ("elke ochtend" at 10:00 starts
  tomorrow 09:00), so `start` plus whole periods gives every later one.
- "volgende week", "over 2 weken", "in december", "elke maand", the night ("vannacht") and a day
  name that does not match the date ("maandag 1 december" when that is a Tuesday) are None: too
  vague or not something we arrange.
- A result more than a year ahead ("25-11-2030") is None: surely a typo for a help request.

`start` is always timezone-aware, in the local zone, and never before `now`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

from babel.dates import format_date, get_day_names
from dateparser.date import DateDataParser  # type: ignore[import-untyped]

from flows import catalogue
from flows.normalise import simplify

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

Kind = Literal["asap", "moment", "daypart", "flexible"]
Daypart = Literal["ochtend", "middag", "avond"]
Recurrence = Literal["weekly", "biweekly", "daily"]

# Start and end of each daypart, local time.
DAYPARTS: Mapping[Daypart, tuple[time, time]] = {
    "ochtend": (time(9), time(12)),
    "middag": (time(12), time(17)),
    "avond": (time(17), time(21)),
}
# A day without a time or daypart means some time within these hours.
HELPING_HOURS = (time(9), time(21))
# Further ahead than this is a typo, not a help request.
MAX_AHEAD = timedelta(days=366)
# "over 30 uur" is not how people say a day; longer durations go through dateparser as days.
MAX_DURATION = timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class When:
    """When help is wanted. Stored in conversation state through `to_json`/`from_json`.

    - asap: as soon as possible; no start.
    - moment: at `start`.
    - daypart: in `daypart` on start's day, from `start`.
    - flexible: any time; within start's day when `start` is set.
    `recurrence` repeats it every week, every other week or every day from `start`.
    """

    kind: Kind
    start: datetime | None = None
    daypart: Daypart | None = None
    recurrence: Recurrence | None = None

    def __post_init__(self) -> None:
        if self.kind not in get_args(Kind):
            raise ValueError(f"unknown kind {self.kind!r}")
        if self.daypart is not None and self.daypart not in DAYPARTS:
            raise ValueError(f"unknown daypart {self.daypart!r}")
        if self.recurrence is not None and self.recurrence not in get_args(Recurrence):
            raise ValueError(f"unknown recurrence {self.recurrence!r}")
        if self.start is not None and self.start.utcoffset() is None:
            raise ValueError("start must be timezone-aware")
        if self.start is None and self.kind in ("moment", "daypart"):
            raise ValueError(f"kind {self.kind} needs a start")
        if self.start is not None and self.kind == "asap":
            raise ValueError("asap has no start")
        if (self.daypart is None) == (self.kind == "daypart"):
            raise ValueError("a daypart goes with kind daypart, and only with it")
        if self.kind == "asap" and self.recurrence is not None:
            raise ValueError("asap does not repeat")

    def to_json(self) -> dict[str, str | None]:
        """Plain strings for the state store. The zone name is kept next to the ISO time (which only
        has an offset) so repeats computed from `start` follow daylight saving time."""
        zone = self.start.tzinfo if self.start is not None else None
        return {
            "kind": self.kind,
            "start": self.start.isoformat() if self.start is not None else None,
            "zone": zone.key if isinstance(zone, ZoneInfo) else None,
            "daypart": self.daypart,
            "recurrence": self.recurrence,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> When:
        """The inverse of `to_json`. Raises ValueError on anything `to_json` cannot have written."""
        start = None
        if data.get("start") is not None:
            start = datetime.fromisoformat(str(data["start"]))
            if start.utcoffset() is None:
                raise ValueError("start must be timezone-aware")
            if data.get("zone"):
                start = start.astimezone(ZoneInfo(str(data["zone"])))
        return cls(
            kind=data["kind"],  # the values are checked in __post_init__
            start=start,
            daypart=data.get("daypart"),
            recurrence=data.get("recurrence"),
        )


class _NotUnderstood(Exception):
    """Raised inside the parser for anything it cannot read with confidence; `parse_when` returns None."""


@cache
def warm_up() -> None:
    """Read a few answers now, once per process: Babel's day names and dateparser's languages load on
    first use (about half a second of CPU), which the first person to say when would otherwise wait for."""
    now = datetime(2026, 1, 5, 9, 0, tzinfo=AMSTERDAM)
    for text in ("elke dinsdag om 10 uur", "15 maart", "next friday at 2pm", "'s middags"):
        parse_when(text, now)


def parse_when(text: str, now: datetime, zone: ZoneInfo = AMSTERDAM) -> When | None:
    """When the person wants help, or None when the answer is not clear enough to act on.

    Never raises on any text. `now` must be timezone-aware (a naive one is a bug: ValueError).
    """
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    now = now.astimezone(zone)
    try:
        when = _parse(_clean(text), now, zone)
    except _NotUnderstood:
        return None
    if when.start is not None and not now <= when.start <= now + MAX_AHEAD:
        return None
    return when


def describe_when(when: When, language: str) -> str:
    """A short rendering to read back to the person: "donderdag 26 november, 10:00".

    Day and month names come from Babel's CLDR data; the result uses GSM-7 characters only.
    """
    language = catalogue.language_or_default(language)
    words = _WORDS[language]
    locale = catalogue.LOCALES[language]
    start = when.start
    if when.kind == "asap":
        return words["asap"]
    if start is None:
        return words[when.recurrence] if when.recurrence else words["flexible"]
    clock = start.strftime("%H:%M")
    if when.recurrence == "daily":
        if when.kind == "moment":
            return f"{words['daily']}, {clock}"
        return words[f"daily_{when.daypart}"] if when.daypart else words["daily"]
    if when.recurrence is not None:
        day = format_date(start, "EEEE", locale=locale)
        if when.kind == "moment":
            day = f"{day} {clock}"
        elif when.daypart:
            day = f"{day}{words['compound']}{words[when.daypart]}"
        return f"{words[when.recurrence]}, {day}"
    day = format_date(start, "EEEE d MMMM", locale=locale)
    if when.kind == "moment":
        return f"{day}, {clock}"
    if when.daypart:
        return f"{day}, {words[when.daypart]}"
    return day


@cache
def describe_weekday(weekday: int, daypart: str | None, language: str) -> str:
    """ "woensdag", "woensdagmiddag", "Wednesday afternoon": a day of the week (Monday 0), with a daypart
    (a key of DAYPARTS) when one is given; day names from Babel's CLDR data (round 19: an offer's days)."""
    language = catalogue.language_or_default(language)
    words = _WORDS[language]
    day = str(get_day_names("wide", locale=catalogue.LOCALES[language])[weekday])
    return f"{day}{words['compound']}{words[daypart]}" if daypart else day


class _Words(Mapping[str, str]):
    """The fixed words of describe_when, read from the one catalogue (keys `when_<word>`).

    "compound" joins a day and a daypart: Dutch writes one word (dinsdagochtend), English two.
    """

    def __init__(self, language: str) -> None:
        self._language = language

    def __getitem__(self, word: str) -> str:
        if word == "compound":
            return "" if self._language == "nl" else " "
        return catalogue.template(f"when_{word}", self._language)

    def __iter__(self) -> Iterator[str]:
        return iter(WORD_KEYS)

    def __len__(self) -> int:
        return len(WORD_KEYS)


WORD_KEYS = (
    "asap",
    "flexible",
    "weekly",
    "biweekly",
    "daily",
    "ochtend",
    "middag",
    "avond",
    "daily_ochtend",
    "daily_middag",
    "daily_avond",
    "compound",
)
_WORDS: Mapping[str, Mapping[str, str]] = {language: _Words(language) for language in catalogue.LANGUAGES}
# Day names the planner reads (describing uses every language's locale, catalogue.LOCALES).
_PARSE_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


# --- reading the answer -------------------------------------------------------------------------


def _parse(words: str, now: datetime, zone: ZoneInfo) -> When:
    if not words:
        raise _NotUnderstood
    asap, rest = _take(_ASAP, words)
    if asap:
        _nothing_left(rest)
        return When("asap")
    flexible, rest = _take(_FLEXIBLE, rest)
    duration, rest = _take(_DURATION, rest)
    if duration:
        _nothing_left(rest)
        if flexible or len(duration) > 1:
            raise _NotUnderstood
        return When("moment", _after(now, _duration_of(duration[0]), zone))
    recurrence, rest = _recurrence(rest)
    daypart, rest = _daypart(rest)
    clock, rest = _clock(rest, daypart)
    day = _date(rest, now, zone)
    if clock is not None:
        return When("moment", _moment(day, clock, now, zone), None, recurrence)
    if daypart is not None:
        return When("daypart", _window(day, DAYPARTS[daypart], now, zone, recurrence), daypart, recurrence)
    if day is not None:
        return When("flexible", _window(day, HELPING_HOURS, now, zone, recurrence), None, recurrence)
    if recurrence is not None or flexible:
        return When("flexible", None, None, recurrence)
    raise _NotUnderstood


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "`": "'", "\u00b4": "'"})
_SEPARATORS = re.compile(r"[,;!?()\[\]{}\"*]+|\.(?=\s|$)|\s[-/]+\s")


def _clean(text: str) -> str:
    """Lower case, no accents, no sentence punctuation, single spaces; keeps "16.00", "25-11", "'s"."""
    plain = simplify(text.translate(_QUOTES))
    return " ".join(_SEPARATORS.sub(" ", plain).split())


def _take(pattern: re.Pattern[str], text: str) -> tuple[list[re.Match[str]], str]:
    """All matches of `pattern` and the text without them."""
    found: list[re.Match[str]] = []

    def cut(match: re.Match[str]) -> str:
        found.append(match)
        return " "

    return found, pattern.sub(cut, text)


def _phrases(phrases: str) -> re.Pattern[str]:
    """A pattern for any of the comma-separated phrases, as whole words; the longest wins."""
    listed = sorted((p.strip() for p in phrases.split(",")), key=len, reverse=True)
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in listed if p)
    return re.compile(rf"(?<![\w'])(?:{alternatives})(?![\w'])")


# Words people put around a time ("graag morgen", "op dinsdag", "ik wil om 10 uur"); dropped.
_FILLERS = frozenset(
    """graag liefst het de op om rond omstreeks ongeveer tegen bij voorkeur aub a.u.b alsjeblieft
    alstublieft svp dan maar is ok oke prima goed kan ook wel even ik wil zou willen hulp nodig
    on at around about the please pls okay fine i need help want would like""".split()  # noqa: SIM905
)


def _leftover(text: str) -> list[str]:
    return [w for w in text.split() if w not in _FILLERS and any(ch.isalnum() for ch in w)]


def _nothing_left(text: str) -> None:
    if _leftover(text):
        raise _NotUnderstood


_ASAP = _phrases(
    """zo snel mogelijk, zo spoedig mogelijk, zo vlug mogelijk, zo gauw mogelijk,
    zo snel als het kan, zo snel als mogelijk, zsm, z.s.m, nu, nu meteen, meteen, direct, gelijk,
    vandaag nog, met spoed, spoed, dringend, asap, a.s.a.p, as soon as possible, now, right now,
    right away, immediately, urgent"""
)
_FLEXIBLE = _phrases(
    """maakt niet uit, maakt me niet uit, maakt mij niet uit, het maakt niet uit,
    wanneer het uitkomt, wanneer het u uitkomt, wanneer het je uitkomt, wanneer het jou uitkomt,
    als het uitkomt, wanneer het schikt, geen haast, heeft geen haast, geen voorkeur,
    wanneer je kunt, wanneer u kunt, maakt niet zoveel uit, altijd goed, whenever, no rush,
    no hurry, any time, anytime, doesn't matter, does not matter, doesnt matter, no preference,
    when it suits you, whenever suits, whenever you can"""
)

# Dutch and English number words for clock times and durations ("half drie", "at ten").
_NL_NUMBERS = (
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
)
_EN_NUMBERS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
_NUMBER_WORDS: Mapping[str, int] = {
    word: number for words in (_NL_NUMBERS, _EN_NUMBERS) for number, word in enumerate(words, start=1)
}
_NUM = r"(?:\d{1,2}(?!\d)|(?:" + "|".join(_NUMBER_WORDS) + r")(?![\w]))"


def _number(word: str) -> int:
    return _NUMBER_WORDS[word] if word in _NUMBER_WORDS else int(word)


# --- durations ------------------------------------------------------------------------------------

_DURATION = re.compile(
    r"(?<![\w'])(?:over|in)\s+(?P<amount>\d{1,3}|een\s+half|een|anderhalf|half\s+an|a\s+half|an|a|"
    + "|".join(_NUMBER_WORDS)
    + r")\s*(?P<unit>uurtje|uur|uren|minuutjes|minuten|minuut|min|kwartiertje|kwartier|hours?|minutes?|mins?)"
    r"(?![\w'])"
)
_FRACTIONS = {"een half": 0.5, "half an": 0.5, "a half": 0.5, "anderhalf": 1.5, "een": 1, "an": 1, "a": 1}


def _duration_of(match: re.Match[str]) -> timedelta:
    amount_text = " ".join(match["amount"].split())
    amount = _FRACTIONS.get(amount_text) or _number(amount_text)
    unit = match["unit"]
    minutes = 15 if unit.startswith("kwartier") else 60 if unit.startswith(("uur", "uren", "hour")) else 1
    duration = timedelta(minutes=amount * minutes)
    if duration > MAX_DURATION:
        raise _NotUnderstood
    return duration


def _after(now: datetime, duration: timedelta, zone: ZoneInfo) -> datetime:
    """`now` plus `duration` in elapsed time (through UTC, so right across a DST change), on the minute."""
    moment = now.astimezone(UTC) + duration
    rounded = moment.replace(second=0, microsecond=0)
    if rounded < moment:
        rounded += timedelta(minutes=1)
    return rounded.astimezone(zone)


# --- recurrence -----------------------------------------------------------------------------------


def day_names() -> Mapping[str, int]:
    """Full day names, Dutch and English, lower case -> weekday (Monday 0)."""
    return _day_names()


@cache
def _day_names() -> Mapping[str, int]:
    """Full day names, Dutch and English, lower case -> weekday (Monday 0), from Babel's CLDR data."""
    names: dict[str, int] = {}
    for locale in _PARSE_LOCALES.values():
        for weekday, name in get_day_names("wide", locale=locale).items():
            names[str(name).casefold()] = int(weekday)
    return names


@cache
def _day_pattern() -> str:
    return "(?:" + "|".join(sorted(_day_names(), key=len, reverse=True)) + ")"


_RECURRENCES: tuple[tuple[re.Pattern[str], Recurrence], ...] = (
    (
        _phrases(
            """om de week, om de twee weken, om de 2 weken, om de andere week, elke twee weken,
            elke 2 weken, iedere twee weken, iedere 2 weken, elke andere week, tweewekelijks,
            twee wekelijks, om de veertien dagen, om de 14 dagen, every other week, every two weeks,
            every 2 weeks, every second week, every fortnight, fortnightly, biweekly, bi-weekly"""
        ),
        "biweekly",
    ),
    (
        _phrases(
            """elke week, iedere week, wekelijks, een keer per week, 1 keer per week, eens per week,
            every week, each week, weekly, once a week"""
        ),
        "weekly",
    ),
    (_phrases("elke dag, iedere dag, dagelijks, every day, each day, daily"), "daily"),
)
_DAYPART_NAMES = r"(?:ochtend|morgen|middag|avond|morning|afternoon|evening)"


@cache
def _every_day_name() -> re.Pattern[str]:
    """ "elke dinsdag", "iedere vrijdagmiddag", "every tuesday": weekly, the day name stays."""
    return re.compile(rf"(?<![\w'])(?:elke|iedere|ieder|every|each)\s+(?={_day_pattern()})")


_EVERY_DAYPART = re.compile(rf"(?<![\w'])(?:elke|iedere|ieder|every|each)\s+(?={_DAYPART_NAMES}(?![\w]))")


@cache
def _plural_day_name() -> re.Pattern[str]:
    """ "'s dinsdags", "dinsdags", "on tuesdays": weekly, on that day."""
    return re.compile(rf"(?<![\w'])(?:'?s\s?)?({_day_pattern()})s(?![\w'])")


def _recurrence(text: str) -> tuple[Recurrence | None, str]:
    found: set[Recurrence] = set()
    for pattern, recurrence in _RECURRENCES:
        matches, text = _take(pattern, text)
        if matches:
            found.add(recurrence)
    text, count = _every_day_name().subn(" ", text)
    text, plural = _plural_day_name().subn(r" \1 ", text)
    if count or plural:
        found.add("weekly")
    text, count = _EVERY_DAYPART.subn(" ", text)
    if count:
        found.add("daily")
    if len(found) > 1:
        raise _NotUnderstood
    return (found.pop() if found else None), text


# --- dayparts -------------------------------------------------------------------------------------

_DAYPART_OF: Mapping[str, Daypart] = {
    "ochtend": "ochtend",
    "ochtends": "ochtend",
    "morgen": "ochtend",  # only as a suffix: "zaterdagmorgen"; alone it is tomorrow
    "morgens": "ochtend",
    "vroeg": "ochtend",  # "morgenvroeg"
    "morning": "ochtend",
    "middag": "middag",
    "middags": "middag",
    "afternoon": "middag",
    "avond": "avond",
    "avonds": "avond",
    "evening": "avond",
    "tonight": "avond",
}
# "'s ochtends": the 's is dropped, the adverb stays ("ochtends").
_GENITIVE = re.compile(r"(?<![\w'])'?s\s?(?=(?:ochtends|morgens|middags|avonds|nachts)(?![\w]))")
_THIS_DAYPART = re.compile(
    r"(?<![\w'])(?:van(ochtend|morgen|middag|avond)|this\s+(morning|afternoon|evening)|(tonight))(?![\w'])"
)
_ALONE_DAYPART = re.compile(
    r"(?<![\w'])(?:in\s+de\s+|in\s+the\s+|during\s+the\s+)?"
    r"(ochtends?|morgens|middags?|avonds?|morning|afternoon|evening)(?![\w'])"
)


@cache
def _compound_daypart() -> re.Pattern[str]:
    """ "donderdagochtend", "zaterdagmorgen", "morgenmiddag", "overmorgenavond", "morgenvroeg"."""
    return re.compile(
        rf"(?<![\w'])({_day_pattern()}|overmorgen|morgen)(ochtend|morgen|middag|avond|vroeg)(?![\w'])"
    )


def _daypart(text: str) -> tuple[Daypart | None, str]:
    found: set[Daypart] = set()

    def compound(match: re.Match[str]) -> str:
        found.add(_DAYPART_OF[match[2]])
        return f" {match[1]} "

    def this(match: re.Match[str]) -> str:
        found.add(_DAYPART_OF[match[1] or match[2] or match[3]])
        return " vandaag "

    def alone(match: re.Match[str]) -> str:
        found.add(_DAYPART_OF[match[1]])
        return " "

    text = _GENITIVE.sub("", text)
    text = _compound_daypart().sub(compound, text)
    text = _THIS_DAYPART.sub(this, text)
    text = _ALONE_DAYPART.sub(alone, text)
    if len(found) > 1:
        raise _NotUnderstood
    return (found.pop() if found else None), text


# --- clock times ----------------------------------------------------------------------------------

_AT = r"(?:(?<![\w'])(?:om|at|rond|around|tegen|omstreeks)\s+)?"
_UUR = r"(?:\s*uur(?![\w]))?"
_MERIDIEM = r"(?:\s*(?P<ampm>am|pm|a\.m|p\.m)(?![\w]))?"


@dataclass(frozen=True, slots=True)
class _Clock:
    """A clock time as written: `hour` may still be a 12-hour reading unless `written_24h`."""

    hour: int
    minute: int
    written_24h: bool = False
    meridiem: str | None = None


def _read_clock(match: re.Match[str]) -> _Clock | None:
    hour_text = match["h"]
    hour, minute = int(hour_text), int(match["m"])
    if hour > 23 or minute > 59:
        return None  # "25.11" is a date: left for dateparser
    if match["sep"] == "." and 1 <= minute <= 12 and not (match["at"] or match["uur"] or match["ampm"]):
        return None  # "1.12" may well be 1 December: left for dateparser ("om 1.12" is a time)
    written_24h = hour == 0 or hour >= 13 or (len(hour_text) == 2 and hour_text.startswith("0"))
    return _Clock(hour, minute, written_24h, match["ampm"])


def _read_half(match: re.Match[str]) -> _Clock:
    """Dutch "half drie" is 2:30; English "half past two" is 2:30 too."""
    number = _number(match["n"])
    if match["past"]:
        return _Clock(number, 30, number >= 13)
    return _Clock(number - 1 if number != 1 else 12, 30, number >= 13)


def _read_minutes(match: re.Match[str]) -> _Clock | None:
    """ "kwart over 3", "kwart voor 4", "10 over half 3", "5 voor 3", "quarter past 3", "ten to 4"."""
    minutes = 15 if match["k"] is None else _number(match["k"])
    number = _number(match["n"])
    if not 1 <= minutes <= 29 or not 1 <= number <= 12:
        return None
    base_hour, base_minute = (number - 1 or 12, 30) if match["half"] else (number, 0)
    offset = minutes if match["dir"] in ("over", "past") else -minutes
    total = (base_hour * 60 + base_minute + offset) % (12 * 60) or 12 * 60
    return _Clock(total // 60 or 12, total % 60)


def _read_hour(match: re.Match[str]) -> _Clock | None:
    """ "om 10 uur", "10 uur", "om 10", "at 10", "10am", "3 o'clock"; a bare number is not a time."""
    if not (match["at"] or match["suffix"] or match["ampm"]):
        return None
    hour_text = match["n"]
    hour = _number(hour_text)
    written_24h = hour_text.isdigit() and (hour == 0 or hour >= 13 or hour_text.startswith("0"))
    return _Clock(hour, 0, written_24h, match["ampm"])


# In this order: "10 over half 3" before "half 3", "half 3" before "3".
_CLOCK_READERS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], _Clock | None]], ...] = (
    (
        re.compile(
            rf"(?:(?<![\w'])(?P<at>om|at|rond|around|tegen|omstreeks)\s+)?(?<![\w'.:-])(?P<h>\d{{1,2}})"
            rf"(?P<sep>[:.hu])(?P<m>\d{{2}})(?![\w.:-])(?P<uur>\s*uur(?![\w]))?{_MERIDIEM}"
        ),
        _read_clock,
    ),
    (
        re.compile(
            rf"{_AT}(?<![\w'])(?:(?:een|a)\s+)?(?:kwart|quarter|(?P<k>{_NUM})(?:\s+(?:minuten|minutes))?)"
            rf"\s+(?P<dir>over|voor|past|to)\s+(?P<half>half\s+)?(?P<n>{_NUM}){_UUR}"
        ),
        _read_minutes,
    ),
    (re.compile(rf"{_AT}(?<![\w'])half\s+(?P<past>past\s+)?(?P<n>{_NUM}){_UUR}"), _read_half),
    (
        re.compile(
            rf"(?:(?<![\w'])(?P<at>om|at|rond|around|tegen|omstreeks)\s+)?(?<![\w'.:/-])(?P<n>{_NUM})"
            rf"(?![.:/-]\d)(?:\s*(?P<suffix>uur|u|h|o'?clock)(?![\w]))?{_MERIDIEM}"
        ),
        _read_hour,
    ),
)


def _clock(text: str, daypart: Daypart | None) -> tuple[time | None, str]:
    """The one clock time in the text, resolved to 24 hours (see the module docstring)."""
    found: list[_Clock] = []

    for pattern, read in _CLOCK_READERS:

        def cut(match: re.Match[str], read: Callable[[re.Match[str]], _Clock | None] = read) -> str:
            clock = read(match)
            if clock is None:
                return match[0]
            found.append(clock)
            return " "

        text = pattern.sub(cut, text)
    if not found:
        return None, text
    if len(found) > 1:
        raise _NotUnderstood
    return _resolve(found[0], daypart), text


# A daypart next to a clock time says which half of the day it is, and the time must fall in it:
# "8 uur 's avonds" is 20:00, "10 uur 's middags" and "3 uur 's ochtends" are None.
_HINT_HOURS: Mapping[Daypart, range] = {
    "ochtend": range(5, 12),
    "middag": range(12, 19),
    "avond": range(17, 24),
}


def _resolve(clock: _Clock, daypart: Daypart | None) -> time:
    hour, minute = clock.hour, clock.minute
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise _NotUnderstood
    if clock.meridiem:
        if clock.written_24h or not 1 <= hour <= 12:
            raise _NotUnderstood
        hour = hour % 12 + (12 if clock.meridiem.startswith("p") else 0)
    elif not clock.written_24h:
        if daypart is not None:
            hour += 12 if daypart != "ochtend" and hour < 12 else 0
        elif 1 <= hour <= 7:
            hour += 12  # daytime: 3 is 15:00; 8 to 12 stay
    if daypart is not None and hour not in _HINT_HOURS[daypart]:
        raise _NotUnderstood
    return time(hour, minute)


# --- dates (dateparser) -----------------------------------------------------------------------------

_NEXT_WEEK = re.compile(r"(?<![\w'])(?:volgende|komende|next)\s+week(?![\w'])")
# Dutch words for "the coming" before a day name; dateparser knows English "next"/"this" itself.
_COMING = re.compile(r"(?<![\w'])(?:volgende|komende|aanstaande|deze|a\.s)(?![\w'])")


def _date(text: str, now: datetime, zone: ZoneInfo) -> date | None:
    """The date named in what is left of the answer, by dateparser; None when nothing is left."""
    text, next_week = _NEXT_WEEK.subn(" ", text)
    text = _COMING.sub(" ", text)
    words = _leftover(text)
    if not words:
        if next_week:
            raise _NotUnderstood  # "volgende week" alone: which day?
        return None
    today = now.date()
    base = now
    if next_week:
        # The day name is read relative to this week's Sunday, so it lands in next week.
        sunday = today + timedelta(days=6 - today.weekday())
        base = datetime.combine(sunday, time(12), tzinfo=zone)
    day = _day(words, base, zone)
    if day is None:
        raise _NotUnderstood
    for word in {w for w in words if any(ch.isdigit() for ch in w) and w != str(day.year)}:
        if _day([w for w in words if w != word], base, zone) == day:
            raise _NotUnderstood  # dateparser passed over a number: "morgen 10" (10:00? the 10th?)
    named = {_day_names()[w] for w in words if w in _day_names()}
    if named and named != {day.weekday()}:
        raise _NotUnderstood  # "maandag 1 december" when that is a Tuesday
    if next_week and not 1 <= (day - today).days - (6 - today.weekday()) <= 7:
        raise _NotUnderstood
    if day < today:
        raise _NotUnderstood
    return day


def _day(words: list[str], base: datetime, zone: ZoneInfo) -> date | None:
    """The one day dateparser reads in `words`, or None for nothing, a bare number, a week or a month."""
    if not words or not _may_name_a_day(words):
        return None
    if len(words) == 1 and (plain := _plain_day(words[0], base, zone)) is not None:
        return plain
    data = _dateparser(" ".join(words), base, zone)
    found = data.date_obj if data is not None else None
    parts = tuple(data.parts) if data is not None else ()
    if not isinstance(found, datetime) or data.period != "day" or "day" not in parts or len(parts) < 2:
        return None
    if "time" in parts:
        return None  # a time we did not see ourselves: better ask
    day = found.date()
    today = base.date()
    if (
        "year" not in parts
        and (day.month, day.day) == (today.month, today.day)
        and day.year == today.year + 1
    ):
        return today  # "23 november" on 23 November is today, not next year
    return day


# Days counted from today, as dateparser reads them (tests/test_when.py holds it to that).
_RELATIVE_DAYS = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2}


def _plain_day(word: str, base: datetime, zone: ZoneInfo) -> date | None:
    """A day name or "morgen" on its own, the commonest answers, read without dateparser (about
    0.5 ms a parse): a day name is its next date after today, as dateparser's "future" reading."""
    today = base.astimezone(zone).date()
    if word in _RELATIVE_DAYS:
        return today + timedelta(days=_RELATIVE_DAYS[word])
    weekday = _day_names().get(word)
    if weekday is None:
        return None
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _dateparser_words() -> frozenset[str]:
    """The words dateparser's Dutch and English data know that may name a day (day and month names,
    "morgen", "next", number words ...), taken from the library's own locale data; without the words
    it skips or joins with a number ("om", "and", "in", "geleden")."""
    from dateparser.languages.loader import default_loader  # type: ignore[import-untyped]

    words: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            words.update(_LETTERS.findall(value.lower()))
        elif isinstance(value, Mapping):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    connectors: set[str] = set()
    for language in ("nl", "en"):
        info = default_loader.get_locale(language).info
        for key, value in info.items():
            if key in ("skip", "pertain", "in", "ago"):  # "om", "and", "in", "geleden": never a day alone
                connectors.update(_LETTERS.findall(" ".join(value).lower()))
            elif key not in ("name", "date_order", "sentence_splitter_group"):
                walk(value)
    return frozenset(words - connectors)


def _may_name_a_day(words: list[str]) -> bool:
    """Whether dateparser could read a day in `words` at all. It only reads words its locale data
    know, and a bare number is never a day for `_day`; asking it anyway costs about 0.5-1 ms (most of
    a flow step), and people answering a time question with something else ("1", "melk halen") are
    common. So: a number with something else, or a word dateparser knows."""
    known = _dateparser_words()
    if len(words) == 1 and words[0].isdigit():
        return False
    return any(
        any(ch.isdigit() for ch in word) or any(part in known for part in _LETTERS.findall(word))
        for word in words
    )


def _dateparser(text: str, base: datetime, zone: ZoneInfo) -> Any:
    """dateparser's reading of `text`, relative to `base`; None when it fails in any way.

    A DateDataParser fixes its settings (RELATIVE_BASE among them) when it is made, and get_date_data
    takes none, so each call makes one: that is how dateparser.parse itself works with settings. The
    costly part, the language data, the library loads once and shares between parsers; making one
    costs about 12 microseconds against about 0.5 ms for a parse. Since dateparser 1.5 a new
    RELATIVE_BASE per parser no longer grows its internal caches.
    """
    parser = DateDataParser(
        languages=["nl", "en"],
        settings={
            "PREFER_DATES_FROM": "future",
            "RELATIVE_BASE": base,
            "RETURN_AS_TIMEZONE_AWARE": True,
            "TIMEZONE": zone.key,
            "DATE_ORDER": "DMY",  # 1-12 is 1 December, also when the English locale reads it
            "PREFER_DAY_OF_MONTH": "first",  # never fill a missing day from the system clock
            "PARSERS": ["relative-time", "absolute-time"],  # no Unix timestamps from long numbers
        },
    )
    try:
        return parser.get_date_data(text)
    except Exception:  # a third-party parser on free text: any failure means "not a date"
        return None


# --- putting it together --------------------------------------------------------------------------


def _local(day: date, at: time, zone: ZoneInfo) -> datetime:
    """`at` on `day` in `zone`; a time in the spring-forward gap moves to the real time after it."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC).astimezone(zone)


def _moment(day: date | None, at: time, now: datetime, zone: ZoneInfo) -> datetime:
    if day is None:
        start = _local(now.date(), at, zone)
        return start if start >= now else _local(now.date() + timedelta(days=1), at, zone)
    start = _local(day, at, zone)
    if start < now:
        raise _NotUnderstood  # "vandaag om 8 uur" at 10:00
    return start


def _window(
    day: date | None, window: tuple[time, time], now: datetime, zone: ZoneInfo, recurrence: Recurrence | None
) -> datetime:
    """The start of a daypart or of the helping hours on `day` (the next one when None)."""
    begin, end = window
    if day is None:
        day = now.date()
        # A repeat starts at the first whole window; a one-off may start in the running one.
        started = _local(day, begin, zone) < now if recurrence is not None else False
        if started or _local(day, end, zone) <= now:
            day += timedelta(days=1)
    start = _local(day, begin, zone)
    if start >= now:
        return start
    if recurrence is not None or _local(day, end, zone) <= now:
        raise _NotUnderstood  # "vanochtend" at 13:00
    return now


NIGHT = (time(22), time(7))


def at_night(when: When | None, zone: ZoneInfo = AMSTERDAM) -> bool:
    """A moment between 22:00 and 07:00 local time: a meeting or a request then is questioned, not agreed
    ("over 3 uur" typed at midnight is 03:00; a typo "om 23 uur" for 13:00)."""
    if when is None or when.start is None or when.kind != "moment":
        return False
    local = when.start.astimezone(zone).time()
    return local >= NIGHT[0] or local < NIGHT[1]
