"""How long a volunteer's break (PAUZE) lasts: "2 weken", "tot 1 januari", "pause 3 weeks", or nothing.

A break ends at the start (00:00, local time) of the day the person is back, so "2 weken" on a Monday
morning ends at midnight before the Monday two weeks later, and the reply can name that day. Read:
- nothing: `DEFAULT` (two weeks), the break most people mean by "even niet";
- a duration: "3 dagen", "een week", "twee weken", "1 maand", "for 3 weeks", "2 weken lang"; a month is
  a calendar month (23 November + 1 month is 23 December);
- a date, with or without "tot"/"until": "tot 1 januari", "tot maandag", "until friday"; dates are
  read by `flows.when.parse_when`, so they mean what they mean in a help request. "tot en met" / "t/m"
  (up to and including) ends the day after.
A break must end after `now` and within a year; anything else is None and the flow asks again.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from flows.normalise import number_in, simplify
from flows.understanding.text import lexicon
from flows.when import AMSTERDAM, parse_when

DEFAULT = timedelta(days=14)
MAX_AHEAD = timedelta(days=366)

# "a week", "an extra week": the article counts as one.
_ARTICLES = frozenset({"a", "an"})
_UNITS = {
    "dag": "days",
    "dagen": "days",
    "dagje": "days",
    "dagjes": "days",
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weken": "weeks",
    "weekje": "weeks",
    "weekjes": "weeks",
    "weeks": "weeks",
    "maand": "months",
    "maanden": "months",
    "maandje": "months",
    "month": "months",
    "months": "months",
    # Round dialogue24: a carer away says how long in her own language ("2 hafta tatildeyim", "na 3
    # tygodnie", "на 2 тижні", "3 أسابيع"), as `simplify` writes them.
    "hafta": "weeks",
    "gun": "days",
    "tydzien": "weeks",
    "tygodnie": "weeks",
    "tygodni": "weeks",
    "dni": "days",
    "miesiac": "months",
    "miesiace": "months",
    "miesiecy": "months",
    "тиждень": "weeks",
    "тижні": "weeks",
    "тижнів": "weeks",
    "дні": "days",
    "днів": "days",
    "місяць": "months",
    "місяці": "months",
    "місяців": "months",
    "اسبوع": "weeks",
    "اسابيع": "weeks",
    "ايام": "days",
    "شهر": "months",
    "اشهر": "months",
}
# Arabic says two of something in one word: two weeks, two days, two months.
_DUALS = {"اسبوعين": (2, "weeks"), "يومين": (2, "days"), "شهرين": (2, "months")}


def unit_pattern(*, duals: bool = False) -> str:
    """A regular expression of the words this reader takes as a unit of time ("weken", "hafta"), or
    (`duals`) as two of one (Arabic "اسبوعين"), longest first: flows/life_events.py looks for "2 weken"
    with them, so that what it finds is what `pause_until` reads (it kept a list of its own, with units
    this reader did not know)."""
    words = _DUALS if duals else _UNITS
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_DURATION = re.compile(
    r"(?:voor|for|ongeveer|about|zo'?n)?\s*(?P<amount>\d{1,3}|\w+)\s+(?P<unit>\w+)(?:\s+lang|\s+long)?"
)


@cache
def amount_words() -> dict[str, int]:
    """Round dialogue29: how many, said as a word in six languages ("dwa tygodnie", "iki hafta", "два
    тижні", "ثلاثة أسابيع"), as `simplify` writes them (times.toml [duration.amount]; whole numbers of
    one word). Before, only Dutch and English counts were read."""
    table = lexicon("times")["duration"]["amount"]
    return {
        simplify(word): int(number)
        for number, words in table.items()
        if number.isdigit()
        for word in words
        if " " not in word.strip()
    }


def _words(text: str) -> list[str]:
    """The words of `text` (simplified) without the marks around them ("2 weeks," is "2 weeks")."""
    return [word for word in (raw.strip(".,;:!?؟") for raw in simplify(text).split()) if word]


_INCLUSIVE = re.compile(r"^(?:tot\s+en\s+met|t\s*/\s*m|tm|up\s+to\s+and\s+including)\s+")
_UNTIL = re.compile(r"^(?:tot|until|till|til|to)\s+")


def pause_until(text: str, now: datetime, zone: ZoneInfo = AMSTERDAM) -> datetime | None:
    """When a break asked for with `text` (what follows PAUZE) ends, in `zone`; None if unclear."""
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    words = " ".join(simplify(text).split())
    today = now.astimezone(zone).date()
    back = _after_duration(words, today) if words else today + DEFAULT
    if back is None:
        back = _after_date(words, now, zone)
    if back is None:
        return None
    until = datetime.combine(back, time(0), tzinfo=zone)
    return until if now < until <= now + MAX_AHEAD else None


def until_in_words(text: str, now: datetime, zone: ZoneInfo = AMSTERDAM) -> datetime | None:
    """`pause_until` of the whole text, else of the first few words in it that say how long ("ik ben
    twee weken op vakantie" is two weeks); None when no words do."""
    whole = pause_until(text, now, zone)
    if whole is not None or not text.strip():
        return whole
    words = _words(text)
    for size in (3, 2):
        for start in range(len(words) - size + 1):
            if not _may_say_how_long(words[start : start + size]):
                continue
            found = pause_until(" ".join(words[start : start + size]), now, zone)
            if found is not None:
                return found
    return None


def without_duration(text: str, now: datetime, zone: ZoneInfo = AMSTERDAM) -> tuple[str, ...]:
    """`text` (simplified) without a few words in it that say how long ("even 2 weken niks aub" -> "even
    niks aub", "ik wil even pauze tot januari" -> "ik wil even pauze"), so that what is left can be read
    as a pause in words whatever the length named. Each way of cutting such words out, the longest cut
    first ("graag even 10 dagen niks" is also read with "even" kept); none when no words say how long."""
    words = simplify(text).split()
    rests: list[str] = []
    for size in (3, 2):
        for start in range(len(words) - size + 1):
            if not _may_say_how_long(words[start : start + size]):
                continue
            if pause_until(" ".join(words[start : start + size]), now, zone) is not None:
                rest = " ".join(words[:start] + words[start + size :])
                if rest and rest not in rests:
                    rests.append(rest)
    return tuple(rests)


# The words a few words saying how long open with ("tot vrijdag", "t/m 20 december"); the others name a unit.
_OPENERS = frozenset({"tot", "until", "till", "til", "to", "tm", "t/m", "t"})


def _may_say_how_long(window: list[str]) -> bool:
    """Whether a few words can say how long at all: a unit of time in them ("2 weken") or an opener of a
    date first ("tot vrijdag"). Every message is read for a pause with a length inside it (PAUZE in
    words), and reading each window as a date costs a date parse: the flow step took 2.5 times as long
    (session 27) before this check."""
    return window[0] in _OPENERS or any(word in _UNITS or word in _DUALS for word in window)


def names_a_length(text: str, now: datetime, zone: ZoneInfo = AMSTERDAM) -> bool:
    """Whether words meant to say how long try to (a number, a unit of time, "tot ...", a day or date),
    so that a failed reading is a misread; a reason ("ik heb het even te druk") names none."""
    words = simplify(text).split()
    if not words:
        return False
    if any(word.isdigit() or word in _UNITS or word in _DUALS or word in _OPENERS for word in words):
        return True
    # "morgen ofzo": a day among the words is a try at a length.
    return any(parse_when(part, now, zone) is not None for part in (" ".join(words), *words))


def pause_for(days: int, now: datetime, zone: ZoneInfo = AMSTERDAM) -> datetime:
    """A break of `days` days from today: it ends at the start of the day the person is back."""
    back = now.astimezone(zone).date() + timedelta(days=days)
    return datetime.combine(back, time(0), tzinfo=zone)


def _after_duration(words: str, today: date) -> date | None:
    match = _DURATION.fullmatch(words)
    if words in _DUALS:
        amount, unit = _DUALS[words]
    elif match is None or match["unit"] not in _UNITS:
        return None
    else:
        said = match["amount"]
        amount = 1 if said in _ARTICLES else (number_in(said) or amount_words().get(said) or 0)
        unit = _UNITS[match["unit"]]
    if not amount:
        return None
    if unit == "months":
        return _add_months(today, amount) if amount <= 12 else None
    days = amount * 7 if unit == "weeks" else amount
    return today + timedelta(days=days) if days <= MAX_AHEAD.days else None


def _after_date(words: str, now: datetime, zone: ZoneInfo) -> date | None:
    inclusive = _INCLUSIVE.match(words)
    rest = words[inclusive.end() :] if inclusive else _UNTIL.sub("", words)
    when = parse_when(rest, now, zone)
    if when is None or when.start is None or when.recurrence is not None:
        day = _day_of_month(rest, now, zone)
        if day is None:
            return None
    else:
        day = when.start.astimezone(zone).date()
    return day + timedelta(days=1) if inclusive else day


def _day_of_month(words: str, now: datetime, zone: ZoneInfo) -> date | None:
    """Round dialogue24: a day of the month that `parse_when` (Dutch and English dates with a month)
    does not read, by the reader of six languages: "de 15e" (the next 15th: this month's, else next
    month's), "do 15 grudnia", "до 15 грудня" (that date, next year once it has passed)."""
    from flows.understanding.reading import read  # the reader imports flows.when, as this module does

    if not any(ch.isdigit() for ch in words):
        return None  # "tot ziens", "tot morgen": no day of the month, and the reader is not cheap
    found = read("ask_when", words, now=now).time
    if found is None or found.date is None or found.days or found.recurrence is not None:
        return None
    month, day = found.date
    today = now.astimezone(zone).date()
    candidates = (
        [(today.year, month), (today.year + 1, month)]
        if month is not None
        else [(today.year + (today.month + k - 1) // 12, (today.month + k - 1) % 12 + 1) for k in (0, 1, 2)]
    )
    for year, in_month in candidates:
        if day <= calendar.monthrange(year, in_month)[1] and (chosen := date(year, in_month, day)) > today:
            return chosen
    return None


def _add_months(day: date, months: int) -> date:
    years, month_index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month_index + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))
