"""When a resident wants help, read from Dutch and English answers, relative to a fixed Monday morning."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.when import AMSTERDAM, When, describe_when, parse_when, warm_up
from tests.test_catalogue import gsm7_length

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=AMSTERDAM)  # Monday 23 November 2026, 10:00


def at(text: str, zone: ZoneInfo = AMSTERDAM) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=zone)


def local(when: When) -> str | None:
    return when.start.strftime("%Y-%m-%d %H:%M") if when.start is not None else None


# text, kind, start (local, "YYYY-MM-DD HH:MM"), daypart, recurrence
UNDERSTOOD = [
    # a day and a clock time
    ("morgen om 10 uur", "moment", "2026-11-24 10:00", None, None),
    ("morgen 10:00", "moment", "2026-11-24 10:00", None, None),
    ("Morgen, graag om 10 uur!", "moment", "2026-11-24 10:00", None, None),
    ("morgen om 15 uur", "moment", "2026-11-24 15:00", None, None),
    ("morgen rond 2 uur", "moment", "2026-11-24 14:00", None, None),
    ("morgen om een uur", "moment", "2026-11-24 13:00", None, None),
    ("vandaag om 16.00", "moment", "2026-11-23 16:00", None, None),
    ("morgen om 10.30", "moment", "2026-11-24 10:30", None, None),
    ("donderdag om half 3", "moment", "2026-11-26 14:30", None, None),
    ("donderdag half drie", "moment", "2026-11-26 14:30", None, None),
    ("donderdag om half 3 's middags", "moment", "2026-11-26 14:30", None, None),
    ("di om 10", "moment", "2026-11-24 10:00", None, None),
    ("25 november om 14:00", "moment", "2026-11-25 14:00", None, None),
    ("25-11 14:00", "moment", "2026-11-25 14:00", None, None),
    ("25.11 om 10 uur", "moment", "2026-11-25 10:00", None, None),
    ("woensdag 2-12 om half 11", "moment", "2026-12-02 10:30", None, None),
    ("2 december 15u", "moment", "2026-12-02 15:00", None, None),
    ("1 december om 10 uur 's ochtends", "moment", "2026-12-01 10:00", None, None),
    ("morgenochtend om 7 uur", "moment", "2026-11-24 07:00", None, None),
    ("morgen om 9 uur 's avonds", "moment", "2026-11-24 21:00", None, None),
    # a clock time without a day: the next one (today if still ahead); daytime when am/pm is not said
    ("om 3 uur", "moment", "2026-11-23 15:00", None, None),
    ("om 8 uur", "moment", "2026-11-24 08:00", None, None),
    ("om 10", "moment", "2026-11-23 10:00", None, None),
    ("om 12 uur", "moment", "2026-11-23 12:00", None, None),
    ("om half 1", "moment", "2026-11-23 12:30", None, None),
    ("half 8", "moment", "2026-11-23 19:30", None, None),
    ("om 7:30", "moment", "2026-11-23 19:30", None, None),
    ("om 07:30", "moment", "2026-11-24 07:30", None, None),
    ("om 10u30", "moment", "2026-11-23 10:30", None, None),
    ("half 3 's middags", "moment", "2026-11-23 14:30", None, None),
    ("'s middags om 2 uur", "moment", "2026-11-23 14:00", None, None),
    ("8 uur 's avonds", "moment", "2026-11-23 20:00", None, None),
    ("12 uur 's middags", "moment", "2026-11-23 12:00", None, None),
    ("kwart over 3", "moment", "2026-11-23 15:15", None, None),
    ("kwart voor 4", "moment", "2026-11-23 15:45", None, None),
    ("10 over half 3", "moment", "2026-11-23 14:40", None, None),
    ("tien voor half drie", "moment", "2026-11-23 14:20", None, None),
    ("5 voor 3", "moment", "2026-11-23 14:55", None, None),
    # in a while
    ("over 2 uur", "moment", "2026-11-23 12:00", None, None),
    ("over een kwartier", "moment", "2026-11-23 10:15", None, None),
    ("over een half uur", "moment", "2026-11-23 10:30", None, None),
    # dayparts
    ("morgenochtend", "daypart", "2026-11-24 09:00", "ochtend", None),
    ("morgen ochtend", "daypart", "2026-11-24 09:00", "ochtend", None),
    ("morgen 's middags", "daypart", "2026-11-24 12:00", "middag", None),
    ("donderdagochtend", "daypart", "2026-11-26 09:00", "ochtend", None),
    ("vrijdagmiddag", "daypart", "2026-11-27 12:00", "middag", None),
    ("zaterdagmorgen", "daypart", "2026-11-28 09:00", "ochtend", None),
    ("vanavond", "daypart", "2026-11-23 17:00", "avond", None),
    ("vanochtend", "daypart", "2026-11-23 10:00", "ochtend", None),  # running: from now
    ("'s avonds", "daypart", "2026-11-23 17:00", "avond", None),
    ("in de middag", "daypart", "2026-11-23 12:00", "middag", None),
    # a day: flexible within its helping hours (from 09:00, or from now when that is later)
    ("zaterdag", "flexible", "2026-11-28 09:00", None, None),
    ("za", "flexible", "2026-11-28 09:00", None, None),
    ("maandag", "flexible", "2026-11-30 09:00", None, None),  # today's day name: next week
    ("overmorgen", "flexible", "2026-11-25 09:00", None, None),
    ("vandaag", "flexible", "2026-11-23 10:00", None, None),
    ("volgende week dinsdag", "flexible", "2026-12-01 09:00", None, None),
    ("dinsdag volgende week", "flexible", "2026-12-01 09:00", None, None),
    ("volgende week maandag", "flexible", "2026-11-30 09:00", None, None),
    ("volgende week zondag", "flexible", "2026-12-06 09:00", None, None),
    ("komende vrijdag", "flexible", "2026-11-27 09:00", None, None),
    ("dinsdag aanstaande", "flexible", "2026-11-24 09:00", None, None),
    ("1 december", "flexible", "2026-12-01 09:00", None, None),
    ("dinsdag 1 december", "flexible", "2026-12-01 09:00", None, None),
    ("1 dec", "flexible", "2026-12-01 09:00", None, None),
    ("1-12", "flexible", "2026-12-01 09:00", None, None),
    ("25.11", "flexible", "2026-11-25 09:00", None, None),
    ("op 25 november", "flexible", "2026-11-25 09:00", None, None),
    ("23 november", "flexible", "2026-11-23 10:00", None, None),  # today, not next year
    ("over 3 dagen", "flexible", "2026-11-26 09:00", None, None),
    # as soon as possible
    ("zo snel mogelijk", "asap", None, None, None),
    ("zsm", "asap", None, None, None),
    ("Z.S.M.", "asap", None, None, None),
    ("nu", "asap", None, None, None),
    ("vandaag nog", "asap", None, None, None),
    ("graag meteen", "asap", None, None, None),
    # whenever
    ("maakt niet uit", "flexible", None, None, None),
    ("Het maakt niet uit.", "flexible", None, None, None),
    ("wanneer het uitkomt", "flexible", None, None, None),
    ("wanneer het u uitkomt", "flexible", None, None, None),
    ("geen haast", "flexible", None, None, None),
    # repeats
    ("elke week", "flexible", None, None, "weekly"),
    ("iedere week", "flexible", None, None, "weekly"),
    ("wekelijks", "flexible", None, None, "weekly"),
    ("elke dinsdag om 10 uur", "moment", "2026-11-24 10:00", None, "weekly"),
    ("'s dinsdags om 10 uur", "moment", "2026-11-24 10:00", None, "weekly"),
    ("elke week op dinsdag", "flexible", "2026-11-24 09:00", None, "weekly"),
    ("elke dinsdagochtend", "daypart", "2026-11-24 09:00", "ochtend", "weekly"),
    ("om de week", "flexible", None, None, "biweekly"),
    ("elke twee weken", "flexible", None, None, "biweekly"),
    ("om de week op vrijdagmiddag", "daypart", "2026-11-27 12:00", "middag", "biweekly"),
    ("elke dag", "flexible", None, None, "daily"),
    ("elke dag om 10 uur", "moment", "2026-11-23 10:00", None, "daily"),
    ("elke ochtend", "daypart", "2026-11-24 09:00", "ochtend", "daily"),  # first whole morning
    # English
    ("tomorrow at 10", "moment", "2026-11-24 10:00", None, None),
    ("tomorrow 10am", "moment", "2026-11-24 10:00", None, None),
    ("3pm", "moment", "2026-11-23 15:00", None, None),
    ("at three", "moment", "2026-11-23 15:00", None, None),
    ("half past two", "moment", "2026-11-23 14:30", None, None),
    ("quarter to four", "moment", "2026-11-23 15:45", None, None),
    ("7 pm in the evening", "moment", "2026-11-23 19:00", None, None),
    ("in an hour", "moment", "2026-11-23 11:00", None, None),
    ("in half an hour", "moment", "2026-11-23 10:30", None, None),
    ("next thursday morning", "daypart", "2026-11-26 09:00", "ochtend", None),
    ("tomorrow afternoon", "daypart", "2026-11-24 12:00", "middag", None),
    ("tonight", "daypart", "2026-11-23 17:00", "avond", None),
    ("this evening", "daypart", "2026-11-23 17:00", "avond", None),
    ("friday", "flexible", "2026-11-27 09:00", None, None),
    ("on friday", "flexible", "2026-11-27 09:00", None, None),
    ("next tuesday", "flexible", "2026-11-24 09:00", None, None),
    ("next week tuesday", "flexible", "2026-12-01 09:00", None, None),
    ("the 25th of november", "flexible", "2026-11-25 09:00", None, None),
    ("in 2 days", "flexible", "2026-11-25 09:00", None, None),
    ("as soon as possible", "asap", None, None, None),
    ("ASAP", "asap", None, None, None),
    ("right now", "asap", None, None, None),
    ("whenever", "flexible", None, None, None),
    ("no rush", "flexible", None, None, None),
    ("every week", "flexible", None, None, "weekly"),
    ("every tuesday at 10", "moment", "2026-11-24 10:00", None, "weekly"),
    ("every other week", "flexible", None, None, "biweekly"),
    ("every day at 9am", "moment", "2026-11-24 09:00", None, "daily"),
    ("every morning", "daypart", "2026-11-24 09:00", "ochtend", "daily"),
]


@pytest.mark.parametrize(("text", "kind", "start", "daypart", "recurrence"), UNDERSTOOD)
def test_understood(
    text: str, kind: str, start: str | None, daypart: str | None, recurrence: str | None
) -> None:
    when = parse_when(text, NOW)
    assert when is not None
    assert (when.kind, local(when), when.daypart, when.recurrence) == (kind, start, daypart, recurrence)
    if when.start is not None:
        assert when.start.tzinfo == AMSTERDAM


NOT_UNDERSTOOD = [
    "",
    "   ",
    "blauw",
    "asdf",
    "🙂",
    "👍👍",
    "3",
    "10",
    "half",
    "ja",
    "nee niet morgen",
    "vandaag om 8 uur",  # today, and already past: we do not move it to tomorrow
    "23 november om 9 uur",
    "25-11-2020",  # past
    "25 november 2027",  # more than a year ahead
    "volgende week",  # which day?
    "over 2 weken",
    "in december",
    "elke maand",  # not a repeat we arrange
    "vannacht",
    "om 3 uur 's nachts",
    "om 3 uur 's ochtends",
    "morgenmiddag om 10 uur",  # 10 is not in the afternoon
    "12 uur 's ochtends",
    "maandag 1 december",  # 1 December 2026 is a Tuesday
    "morgen 10",  # 10:00 or the 10th?
    "morgen 10.10",
    "dinsdag 10",
    "1.12",  # 1 December or 13:12?
    "om 24 uur",
    "morgen tussen 10 en 12",
    "morgen 10 uur of 11 uur",
    "zsm, morgen om 10",
    "elke week en elke dag",
    "ochtend of middag",
    "1700000000",  # not a Unix timestamp
    "over 999 uur",
    "de 25e",
    "kerst",
    "at noon",
]


@pytest.mark.parametrize("text", NOT_UNDERSTOOD)
def test_not_understood(text: str) -> None:
    assert parse_when(text, NOW) is None


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        # A running daypart starts now; one that is over is not understood.
        ("vanochtend", "2026-11-23 08:00", "2026-11-23 09:00"),
        ("vanochtend", "2026-11-23 11:59", "2026-11-23 11:59"),
        ("vanochtend", "2026-11-23 12:00", None),
        ("vandaag", "2026-11-23 20:30", "2026-11-23 20:30"),
        ("vandaag", "2026-11-23 21:00", None),
        # A daypart without a day is the next one that is not over.
        ("'s ochtends", "2026-11-23 13:00", "2026-11-24 09:00"),
        # A time without a day that has just passed is tomorrow's.
        ("om 10 uur", "2026-11-23 10:01", "2026-11-24 10:00"),
        ("om 10 uur", "2026-11-23 10:00", "2026-11-23 10:00"),
        # A day name is never today: on a Monday evening "maandag" is next week.
        ("maandag", "2026-11-23 20:00", "2026-11-30 09:00"),
        ("maandagavond", "2026-11-23 09:00", "2026-11-30 17:00"),
        # Weeks run Monday to Sunday: on a Sunday, next week starts tomorrow.
        ("volgende week dinsdag", "2026-11-29 10:00", "2026-12-01 09:00"),
        ("volgende week dinsdag", "2026-11-30 10:00", "2026-12-08 09:00"),
        ("dinsdag", "2026-11-29 10:00", "2026-12-01 09:00"),
        # Durations count elapsed time and round up to the minute.
        ("over 2 uur", "2026-11-23 10:00", "2026-11-23 12:00"),
    ],
)
def test_depends_on_now(text: str, now: str, expected: str | None) -> None:
    when = parse_when(text, at(now))
    assert (local(when) if when is not None else None) == expected


def test_durations_round_up_to_the_minute() -> None:
    when = parse_when("over een kwartier", NOW + timedelta(seconds=7, microseconds=5))
    assert when is not None and local(when) == "2026-11-23 10:16"


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        ("2026-03-28 10:00", "morgen om 10 uur", "2026-03-29T10:00:00+02:00"),  # CEST starts that night
        ("2026-10-24 10:00", "morgen om 10 uur", "2026-10-25T10:00:00+01:00"),  # CET again
        ("2026-03-28 10:00", "zondagochtend", "2026-03-29T09:00:00+02:00"),
        ("2026-03-28 10:00", "morgen om 02:30", "2026-03-29T03:30:00+02:00"),  # 02:30 does not exist
        ("2026-03-29 01:30", "over 1 uur", "2026-03-29T03:30:00+02:00"),  # elapsed time across the gap
        ("2026-10-25 01:30", "over 2 uur", "2026-10-25T02:30:00+01:00"),
    ],
)
def test_daylight_saving_time(now: str, text: str, expected: str) -> None:
    when = parse_when(text, at(now))
    assert when is not None and when.start is not None
    assert when.start.isoformat() == expected


def test_other_zones_and_now_in_utc() -> None:
    when = parse_when("morgen om 10 uur", NOW.astimezone(ZoneInfo("UTC")))
    assert when is not None and when.start == at("2026-11-24 10:00")
    london = ZoneInfo("Europe/London")
    when = parse_when("morgen om 10 uur", NOW, zone=london)
    assert when is not None and when.start == at("2026-11-24 10:00", london)


def test_a_naive_now_is_a_bug() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_when("morgen", datetime(2026, 11, 23, 10, 0))


def when_at(kind: str, start: str | None, daypart: str | None = None, recurrence: str | None = None) -> When:
    return When(kind, at(start) if start else None, daypart, recurrence)  # type: ignore[arg-type]


DESCRIBED = [
    (when_at("moment", "2026-11-26 10:00"), "donderdag 26 november, 10:00", "Thursday 26 November, 10:00"),
    (
        when_at("daypart", "2026-11-26 09:00", "ochtend"),
        "donderdag 26 november, ochtend",
        "Thursday 26 November, morning",
    ),
    (
        when_at("daypart", "2026-11-27 12:00", "middag"),
        "vrijdag 27 november, middag",
        "Friday 27 November, afternoon",
    ),
    (when_at("flexible", "2026-11-28 09:00"), "zaterdag 28 november", "Saturday 28 November"),
    (when_at("asap", None), "zo snel mogelijk", "as soon as possible"),
    (when_at("flexible", None), "wanneer het uitkomt", "whenever it suits"),
    (
        when_at("moment", "2026-11-24 10:00", None, "weekly"),
        "elke week, dinsdag 10:00",
        "every week, Tuesday 10:00",
    ),
    (
        when_at("daypart", "2026-11-24 09:00", "ochtend", "biweekly"),
        "om de week, dinsdagochtend",
        "every other week, Tuesday morning",
    ),
    (when_at("flexible", "2026-11-24 09:00", None, "weekly"), "elke week, dinsdag", "every week, Tuesday"),
    (when_at("flexible", None, None, "weekly"), "elke week", "every week"),
    (when_at("flexible", None, None, "biweekly"), "om de week", "every other week"),
    (when_at("moment", "2026-11-24 10:00", None, "daily"), "elke dag, 10:00", "every day, 10:00"),
    (when_at("daypart", "2026-11-24 17:00", "avond", "daily"), "elke avond", "every evening"),
    (when_at("flexible", None, None, "daily"), "elke dag", "every day"),
]


@pytest.mark.parametrize(("when", "dutch", "english"), DESCRIBED)
def test_describe(when: When, dutch: str, english: str) -> None:
    assert describe_when(when, "nl") == dutch
    assert describe_when(when, "en") == english


def test_describe_falls_back_to_dutch() -> None:
    assert describe_when(When("asap"), "de") == "zo snel mogelijk"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_descriptions_are_gsm7_for_every_day_and_month(language: str) -> None:
    for offset in range(0, 366, 3):
        start = at("2026-01-01 10:00") + timedelta(days=offset)
        for when in (When("moment", start), When("daypart", start, "ochtend", "weekly"), When("asap")):
            assert gsm7_length(describe_when(when, language)) is not None


@pytest.mark.parametrize("text", [row[0] for row in UNDERSTOOD])
def test_json_round_trip(text: str) -> None:
    when = parse_when(text, NOW)
    assert when is not None
    data = when.to_json()
    assert all(value is None or isinstance(value, str) for value in data.values())
    again = When.from_json(data)
    assert again == when
    assert again.start is None or again.start.tzinfo == AMSTERDAM
    assert again.to_json() == data


def test_json_shape() -> None:
    when = When("moment", at("2026-11-24 10:00"), None, "weekly")
    assert when.to_json() == {
        "kind": "moment",
        "start": "2026-11-24T10:00:00+01:00",
        "zone": "Europe/Amsterdam",
        "daypart": None,
        "recurrence": "weekly",
    }


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "soon"},
        {"kind": "moment"},  # no start
        {"kind": "asap", "start": "2026-11-24T10:00:00+01:00"},
        {"kind": "moment", "start": "2026-11-24T10:00:00"},  # naive
        {"kind": "moment", "start": "morgen"},
        {"kind": "daypart", "start": "2026-11-24T09:00:00+01:00", "daypart": "nacht"},
        {"kind": "daypart", "start": "2026-11-24T09:00:00+01:00"},  # no daypart
        {"kind": "flexible", "recurrence": "monthly"},
        {"kind": "asap", "recurrence": "weekly"},
    ],
)
def test_from_json_rejects_what_to_json_cannot_write(data: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        When.from_json(data)


# Pieces of real answers, so random combinations reach deep into the parser, not only its first "no".
FRAGMENTS = [
    "morgen", "om", "10", "uur", "half", "3", "drie", "'s", "middags", "ochtend", "donderdag", "dinsdag",
    "volgende", "week", "elke", "om de week", "25", "november", "25-11", "1.12", "16.00", "14:00", "zsm",
    "nu", "maakt niet uit", "over", "een", "kwartier", "vandaag", "nog", "kwart", "voor", "tomorrow", "at",
    "morning", "every", "day", "pm", "am", "2020", "2026", "9999", "0", "99", "-", "/", ":", ".", "vanavond",
    "zaterdagmorgen", "graag", "in", "the", "dagen", "minuten", "next", "a.s.", "overmorgen", "elke dag",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    text=st.text() | st.lists(st.sampled_from(FRAGMENTS), max_size=8).map(" ".join),
    now=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(AMSTERDAM)
    ),
)
def test_any_text_never_raises_and_never_lies_in_the_past(text: str, now: datetime) -> None:
    when = parse_when(text, now)
    if when is not None and when.start is not None:
        assert when.start.utcoffset() is not None
        assert when.start >= now
        assert when.start.tzinfo == AMSTERDAM
        assert When.from_json(when.to_json()) == when
        assert gsm7_length(describe_when(when, "nl")) is not None


def test_parse_is_deterministic_and_reads_no_clock() -> None:
    # The same answer at two different `now`s: the result follows `now`, never the machine's clock.
    later = parse_when("morgen om 10 uur", NOW + timedelta(days=400))
    assert later is not None and later.start is not None
    assert later.start.date() == date(2027, 12, 29)


def test_a_day_name_or_morgen_alone_is_read_as_dateparser_reads_it() -> None:
    """The commonest answers skip dateparser (about 0.5 ms a parse): each gives the day dateparser
    gives, at any hour of a fortnight around both daylight-saving changes and a new year."""
    from flows import when as module

    words = [*module._day_names(), *module._RELATIVE_DAYS]
    for start in (
        datetime(2026, 3, 22, tzinfo=UTC),
        datetime(2026, 10, 18, tzinfo=UTC),
        datetime(2026, 12, 25, tzinfo=UTC),
    ):
        for hours in range(0, 14 * 24, 5):
            base = (start + timedelta(hours=hours, minutes=37)).astimezone(AMSTERDAM)
            for word in words:
                read = module._dateparser(word, base, AMSTERDAM)
                assert module._plain_day(word, base, AMSTERDAM) == read.date_obj.date(), (word, base)
                assert module._day([word], base, AMSTERDAM) == read.date_obj.date(), (word, base)


def test_warming_up_loads_what_a_first_answer_needs_and_changes_no_reading() -> None:
    """The runtime calls it at start: Babel's day names and dateparser's languages are loaded then."""
    now = datetime(2026, 11, 25, 14, 30, tzinfo=AMSTERDAM)
    before = parse_when("elke dinsdag om 10 uur", now)
    warm_up()
    assert parse_when("elke dinsdag om 10 uur", now) == before
    assert before is not None and before.recurrence == "weekly"
