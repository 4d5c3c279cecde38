"""A volunteer's condition as a window of times (flows/conditions.py): reading the reader's normal form,
deciding against the request's time, the proposal nearest to what was asked, and the words for it."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from flows import catalogue
from flows.conditions import Window, answer_deadlines, decide, describe, parse
from flows.when import AMSTERDAM, When

# Monday 2 March 2026, 09:00 in Amsterdam: the moment the volunteer answers.
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=AMSTERDAM)
THU_10 = When("moment", datetime(2026, 3, 5, 10, 0, tzinfo=AMSTERDAM))
THU_15 = When("moment", datetime(2026, 3, 5, 15, 0, tzinfo=AMSTERDAM))
THU_MORNING = When("daypart", datetime(2026, 3, 5, 9, 0, tzinfo=AMSTERDAM), daypart="ochtend")
SATURDAY = When("flexible", datetime(2026, 3, 7, 9, 0, tzinfo=AMSTERDAM))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(
    ("condition", "window"),
    [
        ("after 14:00", Window(start=time(14))),
        ("before 12:00", Window(end=time(12))),
        ("between 13:00 and 15:00", Window(start=time(13), end=time(15))),
        ("15:00", Window(at=time(15))),
        ("done before 17:00", Window(end=time(16))),
        ("not friday", Window(not_days=(4,))),
        ("saturday only", Window(days=(5,))),
        ("weekends only", Window(days=(5, 6))),
        ("not weekends", Window(not_days=(5, 6))),
        ("morning only", Window(part="ochtend")),
        ("not evenings", Window(not_parts=("avond",))),
        ("tomorrow 15:00", Window(on=date(2026, 3, 3), at=time(15))),
        ("next week", Window(from_date=date(2026, 3, 9))),
        ("saturday after 14:00; no lifting", Window(days=(5,), start=time(14))),
        ("thursday 14:00", Window(days=(3,), at=time(14))),
    ],
)
def test_the_parts_about_time_make_the_window(condition: str, window: Window) -> None:
    read = parse(condition, NOW)
    assert read == window
    assert read is not None and Window.from_json(read.to_json()) == read


@pytest.mark.parametrize(
    "condition", [None, "", "no lifting", "not early", "may bring her son", "thursday or friday"]
)
def test_a_condition_without_a_clear_time_is_no_window(condition: str | None) -> None:
    assert parse(condition, NOW) is None


@pytest.mark.parametrize(
    ("condition", "when", "proposal"),
    [
        # The task's example: Thursday 10:00, "pas na 2 uur": the same day at 14:00.
        ("after 14:00", THU_10, at(5, 14)),
        ("not thursday", THU_10, at(6, 10)),  # the next day, same hour
        ("saturday only", THU_10, at(7, 10)),
        ("15:00", THU_10, at(5, 15)),  # "kan pas om 3 uur"
        ("morning only", THU_15, at(5, 11)),  # earlier the same day: an hour before the morning ends
        ("between 13:00 and 15:00", THU_15, at(5, 14)),
        ("done before 17:00", When("moment", at(5, 16, 30)), at(5, 15)),
        ("next week", THU_10, at(9, 10)),
        ("tomorrow 15:00", THU_10, at(3, 15)),  # said on Monday: Tuesday, before the asked Thursday
        ("after 14:00", THU_MORNING, at(5, 14)),  # nothing in the morning fits
        ("not saturday", SATURDAY, at(8, 9)),  # a day: the nearest day, the later of two as near
    ],
)
def test_a_conflict_proposes_the_nearest_time_that_fits(
    condition: str, when: When, proposal: datetime
) -> None:
    window = parse(condition, NOW)
    assert window is not None
    decision = decide(window, when, NOW)
    assert (decision.verdict, decision.proposal) == ("conflict", proposal)


@pytest.mark.parametrize(
    ("condition", "when"),
    [
        ("not friday", THU_10),  # the task's example of no conflict
        ("after 14:00", THU_15),
        ("morning only", THU_10),
        ("not weekends", THU_10),
        ("after 11:00", THU_MORNING),  # part of the morning fits: they agree on the hour later
        ("saturday after 14:00", SATURDAY),
    ],
)
def test_a_window_that_suits_the_asked_time_is_a_plain_yes(condition: str, when: When) -> None:
    window = parse(condition, NOW)
    assert window is not None
    assert decide(window, when, NOW).verdict == "fits"


@pytest.mark.parametrize("when", [When("asap"), When("flexible")])
def test_without_a_fixed_time_the_window_is_open(when: When) -> None:
    window = parse("after 14:00", NOW)
    assert window is not None
    assert decide(window, when, NOW).verdict == "open"


def test_nothing_fitting_in_two_weeks_is_no_proposal_but_a_plain_yes() -> None:
    window = parse("after 23:00", NOW)
    assert window is not None
    assert decide(window, THU_10, NOW).verdict == "fits"


def test_a_proposal_is_never_in_the_past() -> None:
    # Asked for today 10:00, answered at 09:30 "alleen om 8 uur": today 08:00 is past, so tomorrow 08:00.
    window = parse("08:00", NOW)
    assert window is not None
    late = datetime(2026, 3, 2, 9, 30, tzinfo=AMSTERDAM)
    decision = decide(window, When("moment", datetime(2026, 3, 2, 10, 0, tzinfo=AMSTERDAM)), late)
    assert decision.proposal == at(3, 8)


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("after 14:00", "vanaf 14:00"),
        ("not friday", "niet op vrijdag"),
        ("saturday after 14:00", "op zaterdag, vanaf 14:00"),
        ("morning only", "in de ochtend"),
        ("between 13:00 and 15:00", "tussen 13:00 en 15:00"),
        ("done before 17:00", "klaar voor 17:00"),
        ("next week", "vanaf maandag 9 maart"),
    ],
)
def test_the_window_in_dutch_words(condition: str, expected: str) -> None:
    window = parse(condition, NOW)
    assert window is not None
    assert describe(window, "nl") == expected


@pytest.mark.parametrize("lang", catalogue.LANGUAGES)
def test_the_window_is_said_in_every_language(lang: str) -> None:
    window = parse("saturday after 14:00", NOW)
    assert window is not None
    words = describe(window, lang)
    assert "14:00" in words and "{" not in words
    if lang != "nl":
        assert words != describe(window, "nl")


# --- the resident's time to decide -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("proposal", "remind", "lapse"),
    [
        # Days ahead: a reminder after 4 hours, the lapse a day after the question.
        (at(5, 14), at(2, 13), at(3, 9)),
        # Tomorrow 10:00: the lapse 3 hours before, the reminder still after 4 hours.
        (at(3, 10), at(2, 13), at(3, 7)),
        # This afternoon 15:00: the lapse at 12:00, the reminder half-way, 10:30.
        (at(2, 15), at(2, 10, 30), at(2, 12)),
        # Within the hour's notice: never sooner than an hour after the question, reminder half-way.
        (at(2, 11), at(2, 9, 30), at(2, 10)),
    ],
)
def test_the_reminder_and_the_lapse(proposal: datetime, remind: datetime, lapse: datetime) -> None:
    assert answer_deadlines(NOW, proposal) == (remind, lapse)
