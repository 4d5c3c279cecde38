"""Repeating moments on the local clock, above all across both daylight saving changes in Amsterdam.

2026: summer time starts Sunday 29 March (02:00 CET -> 03:00 CEST, 01:00 UTC) and ends Sunday
25 October (03:00 CEST -> 02:00 CET, 01:00 UTC).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.recurrence import NEVER, Rule, describe, local_moment, next_occurrence
from flows.when import AMSTERDAM, When, parse_when

SPRING = date(2026, 3, 29)
AUTUMN = date(2026, 10, 25)


def utc(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)


def local(moment: datetime) -> str:
    return moment.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M %Z")


def series(rule: Rule, after: datetime, count: int) -> list[datetime]:
    found: list[datetime] = []
    for _ in range(count):
        moment = next_occurrence(rule, after)
        assert moment is not None
        found.append(moment)
        after = moment
    return found


# --- a weekly 10:00 stays 10:00 on the clock --------------------------------------------------------


def test_weekly_ten_oclock_stays_ten_across_the_spring_change() -> None:
    # Mondays 23 and 30 March 2026: the change is on the Sunday in between.
    moments = series(Rule.weekly(0, time(10)), utc("2026-03-16 12:00"), 3)
    assert [local(m) for m in moments] == [
        "2026-03-23 10:00 CET",
        "2026-03-30 10:00 CEST",
        "2026-04-06 10:00 CEST",
    ]
    assert [m.strftime("%H:%M") for m in moments] == ["09:00", "08:00", "08:00"], "UTC moves, the clock not"
    assert moments[1] - moments[0] == timedelta(days=7, hours=-1)


def test_weekly_ten_oclock_stays_ten_across_the_autumn_change() -> None:
    moments = series(Rule.weekly(0, time(10)), utc("2026-10-12 12:00"), 3)
    assert [local(m) for m in moments] == [
        "2026-10-19 10:00 CEST",
        "2026-10-26 10:00 CET",
        "2026-11-02 10:00 CET",
    ]
    assert moments[1] - moments[0] == timedelta(days=7, hours=1)


def test_a_weekly_rule_on_the_sunday_of_each_change_keeps_its_time() -> None:
    assert local(series(Rule.weekly(6, time(10)), utc("2026-03-28 12:00"), 1)[0]) == "2026-03-29 10:00 CEST"
    assert local(series(Rule.weekly(6, time(10)), utc("2026-10-24 12:00"), 1)[0]) == "2026-10-25 10:00 CET"


# --- a time that does not exist: 02:30 on the spring night ------------------------------------------


def test_a_time_in_the_spring_gap_happens_at_the_end_of_the_gap() -> None:
    moment = next_occurrence(Rule.weekly(6, time(2, 30)), utc("2026-03-22 12:00"))
    assert moment == utc("2026-03-29 01:00")
    assert local(moment) == "2026-03-29 03:00 CEST", "the first real moment after 02:00 CET, not 03:30"


@pytest.mark.parametrize("at", [time(2, 0), time(2, 1), time(2, 30), time(2, 59)])
def test_every_time_in_the_gap_moves_to_three_oclock(at: time) -> None:
    assert local_moment(SPRING, at) == utc("2026-03-29 01:00")


def test_the_edges_of_the_spring_gap_are_themselves() -> None:
    assert local(local_moment(SPRING, time(1, 59))) == "2026-03-29 01:59 CET"
    assert local(local_moment(SPRING, time(3, 0))) == "2026-03-29 03:00 CEST"


def test_daily_through_the_spring_gap_happens_once_each_day_in_order() -> None:
    moments = series(Rule("daily", time(2, 30)), utc("2026-03-27 12:00"), 4)
    assert [local(m) for m in moments] == [
        "2026-03-28 02:30 CET",
        "2026-03-29 03:00 CEST",
        "2026-03-30 02:30 CEST",
        "2026-03-31 02:30 CEST",
    ]


def test_asking_from_inside_the_gap_night_gives_the_moved_moment_once() -> None:
    rule = Rule("daily", time(2, 30))
    assert next_occurrence(rule, utc("2026-03-29 00:59")) == utc("2026-03-29 01:00")
    # Asked again right at (or after) the moved moment: the next day, never the same night twice.
    assert local(next_occurrence(rule, utc("2026-03-29 01:00"))) == "2026-03-30 02:30 CEST"  # type: ignore[arg-type]


# --- a time that exists twice: 02:30 on the autumn night ---------------------------------------------


def test_a_time_that_exists_twice_happens_at_the_first() -> None:
    moment = next_occurrence(Rule.weekly(6, time(2, 30)), utc("2026-10-18 12:00"))
    assert moment == utc("2026-10-25 00:30")
    assert local(moment) == "2026-10-25 02:30 CEST"


def test_a_time_that_exists_twice_is_never_taken_twice() -> None:
    rule = Rule("daily", time(2, 30))
    first = next_occurrence(rule, utc("2026-10-24 12:00"))
    assert first == utc("2026-10-25 00:30")
    second = next_occurrence(rule, first)
    # Not 01:30 UTC (02:30 CET, the same wall time an hour later): the next day.
    assert second == utc("2026-10-26 01:30")
    assert local(second) == "2026-10-26 02:30 CET"  # type: ignore[arg-type]
    # Also when asked from between the two 02:30s.
    assert next_occurrence(rule, utc("2026-10-25 01:00")) == utc("2026-10-26 01:30")


@pytest.mark.parametrize("at", [time(2, 0), time(2, 30), time(2, 59)])
def test_every_doubled_time_is_the_summer_time_reading(at: time) -> None:
    moment = local_moment(AUTUMN, at)
    assert moment.astimezone(AMSTERDAM).utcoffset() == timedelta(hours=2)
    assert moment.astimezone(AMSTERDAM).time() == at


def test_daily_through_the_autumn_night_happens_once_each_day_in_order() -> None:
    moments = series(Rule("daily", time(2, 30)), utc("2026-10-23 12:00"), 4)
    assert [local(m) for m in moments] == [
        "2026-10-24 02:30 CEST",
        "2026-10-25 02:30 CEST",
        "2026-10-26 02:30 CET",
        "2026-10-27 02:30 CET",
    ]


@settings(max_examples=300, deadline=None)
@given(
    start=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31)),
    hour=st.integers(0, 23),
    minute=st.sampled_from([0, 1, 15, 30, 45, 59]),
    freq=st.sampled_from(["daily", "weekly", "biweekly"]),
    weekday=st.integers(0, 6),
)
def test_occurrences_are_strictly_increasing_once_per_day_and_on_the_clock(
    start: datetime, hour: int, minute: int, freq: str, weekday: int
) -> None:
    at = time(hour, minute)
    anchor = date(2026, 1, 5) + timedelta(days=weekday)
    rule = {
        "daily": Rule("daily", at),
        "weekly": Rule.weekly(weekday, at),
        "biweekly": Rule.biweekly(anchor, at),
    }[freq]
    after = start.replace(tzinfo=UTC)
    moments = series(rule, after, 6)
    assert moments[0] > after
    days = [m.astimezone(AMSTERDAM).date() for m in moments]
    assert all(a < b for a, b in pairwise(moments))
    assert len(set(days)) == len(days), "never twice on one local day"
    step = {"daily": 1, "weekly": 7, "biweekly": 14}[freq]
    assert all((b - a).days == step for a, b in pairwise(days)), "no day skipped"
    for moment in moments:
        wall = moment.astimezone(AMSTERDAM)
        # On the clock, or (only in the spring gap) at the first moment after it.
        assert wall.time() == at or (wall.time() == time(3) and time(2) <= at < time(3))
        if freq != "daily":
            assert wall.weekday() == weekday


# --- the other rules ----------------------------------------------------------------------------------


def test_biweekly_keeps_its_weeks() -> None:
    rule = Rule.biweekly(date(2026, 11, 26), time(14))
    moments = series(rule, utc("2026-11-23 10:00"), 3)
    assert [local(m) for m in moments] == [
        "2026-11-26 14:00 CET",
        "2026-12-10 14:00 CET",
        "2026-12-24 14:00 CET",
    ]
    # Asked in the off week, it waits for the on week.
    assert local(next_occurrence(rule, utc("2026-11-30 00:00"))) == "2026-12-10 14:00 CET"  # type: ignore[arg-type]


def test_once_and_never() -> None:
    once = Rule("once", time(10), None, date(2026, 11, 24))
    assert next_occurrence(once, utc("2026-11-23 10:00")) == utc("2026-11-24 09:00")
    assert next_occurrence(once, utc("2026-11-24 09:00")) is None, "strictly after: once is once"
    assert next_occurrence(NEVER, utc("2026-11-23 10:00")) is None


def test_the_same_moment_in_is_not_the_next_one_out() -> None:
    rule = Rule.weekly(0, time(10))
    monday = utc("2026-11-23 09:00")
    assert next_occurrence(rule, monday - timedelta(seconds=1)) == monday
    assert next_occurrence(rule, monday) == monday + timedelta(days=7)


def test_another_zone_is_honoured() -> None:
    london = ZoneInfo("Europe/London")
    assert next_occurrence(Rule.weekly(0, time(10)), utc("2026-11-23 00:00"), london) == utc(
        "2026-11-23 10:00"
    )


def test_after_must_be_aware() -> None:
    with pytest.raises(ValueError):
        next_occurrence(Rule.weekly(0, time(10)), datetime(2026, 11, 23))


@pytest.mark.parametrize(
    "rule",
    [
        NEVER,
        Rule("daily", time(8)),
        Rule.weekly(1, time(9, 30)),
        Rule.biweekly(date(2026, 11, 27), time(9)),
        Rule("once", time(10), None, date(2026, 11, 24)),
    ],
)
def test_json_round_trip(rule: Rule) -> None:
    assert Rule.from_json(rule.to_json()) == rule


@pytest.mark.parametrize(
    "data",
    [
        {"freq": "monthly", "at": "10:00"},
        {"freq": "weekly", "at": "10:00"},
        {"freq": "weekly", "at": "10:00", "weekday": 7},
        {"freq": "daily"},
        {"freq": "daily", "at": "10:00:30"},
        {"freq": "biweekly", "at": "10:00", "weekday": 0, "anchor": "2026-11-24"},
        {"freq": "once", "at": "10:00"},
        {"freq": "never", "at": "10:00"},
    ],
)
def test_rules_that_cannot_be_are_refused(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Rule.from_json(data)


NOW = datetime(2026, 11, 23, 11, 0, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("elke dinsdag 9:00", Rule.weekly(1, time(9))),
        ("elke dag om 8 uur", Rule("daily", time(8))),
        ("om de week op vrijdag om 9 uur", Rule.biweekly(date(2026, 11, 27), time(9))),
        ("morgen om 10 uur", Rule("once", time(10), None, date(2026, 11, 24))),
    ],
)
def test_from_a_parsed_answer(text: str, expected: Rule) -> None:
    when = parse_when(text, NOW)
    assert when is not None
    assert Rule.from_when(when) == expected


def test_from_an_answer_without_a_start_is_none() -> None:
    assert Rule.from_when(When("asap")) is None
    assert Rule.from_when(When("flexible", None, None, "weekly")) is None


@pytest.mark.parametrize(
    ("rule", "nl", "en"),
    [
        (Rule.weekly(0, time(10)), "elke maandag om 10:00", "every Monday at 10:00"),
        (
            Rule.biweekly(date(2026, 11, 26), time(14)),
            "om de week op donderdag om 14:00",
            "every other Thursday at 14:00",
        ),
        (Rule("daily", time(8)), "elke dag om 08:00", "every day at 08:00"),
        (
            Rule("once", time(10), None, date(2026, 11, 24)),
            "op dinsdag 24 november om 10:00",
            "on Tuesday 24 November at 10:00",
        ),
        (NEVER, "nooit", "never"),
    ],
)
def test_described_in_both_languages(rule: Rule, nl: str, en: str) -> None:
    assert describe(rule, "nl") == nl
    assert describe(rule, "en") == en
