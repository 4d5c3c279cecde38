"""How long a PAUZE lasts (flows/pause.py): durations, dates, the default, and what is refused."""

from __future__ import annotations

from datetime import datetime

import pytest

from flows.pause import pause_for, pause_until
from flows.when import AMSTERDAM
from tests.golden_runner import CLOCK  # Monday 23 November 2026, 11:00 in Amsterdam


def back_on(day: int, month: int, year: int = 2026) -> datetime:
    return datetime(year, month, day, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("", back_on(7, 12)),
        ("2 weken", back_on(7, 12)),
        ("twee weken", back_on(7, 12)),
        ("een week", back_on(30, 11)),
        ("een weekje", back_on(30, 11)),
        ("3 dagen", back_on(26, 11)),
        ("1 maand", back_on(23, 12)),
        ("2 weken lang", back_on(7, 12)),
        ("zo'n 2 weken", back_on(7, 12)),
        ("for 3 weeks", back_on(14, 12)),
        ("a week", back_on(30, 11)),
        ("tot 1 januari", back_on(1, 1, 2027)),
        ("until 1 January", back_on(1, 1, 2027)),
        ("1 december", back_on(1, 12)),
        # A day name is the next such day, as in a help request: on a Monday, "maandag" is next week's.
        ("tot maandag", back_on(30, 11)),
        ("tot vrijdag", back_on(27, 11)),
        # Up to and including: back the day after.
        ("tot en met vrijdag", back_on(28, 11)),
        ("t/m 1 december", back_on(2, 12)),
    ],
)
def test_pause_until(text: str, until: datetime) -> None:
    assert pause_until(text, CLOCK) == until


@pytest.mark.parametrize(
    "text",
    ["vandaag", "tot vandaag", "tot volgende week", "2", "nodig, ben ziek", "100 weken", "0 dagen", "elke"],
)
def test_unclear_or_impossible_breaks_are_none(text: str) -> None:
    assert pause_until(text, CLOCK) is None


def test_a_break_ends_at_local_midnight_across_daylight_saving_time() -> None:
    summer = datetime(2026, 10, 20, 10, 0, tzinfo=AMSTERDAM)
    until = pause_for(14, summer)
    assert until == datetime(2026, 11, 3, tzinfo=AMSTERDAM)
    assert until.utcoffset() is not None and until.utcoffset() != summer.utcoffset()


def test_a_month_from_the_31st_ends_on_the_last_day_of_a_shorter_month() -> None:
    assert pause_until("1 maand", datetime(2027, 1, 31, 10, 0, tzinfo=AMSTERDAM)) == back_on(28, 2, 2027)


def test_naive_now_is_a_bug() -> None:
    with pytest.raises(ValueError):
        pause_until("", datetime(2026, 11, 23, 10, 0))
