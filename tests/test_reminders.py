"""Reading "herinner me ..." / "remind me ...": when and what, in either order, or nothing."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from flows.recurrence import Rule
from flows.reminders import MAX_TEXT, parse_request, request_in
from flows.types import Event
from flows.when import AMSTERDAM

NOW = datetime(2026, 11, 23, 11, 0, tzinfo=AMSTERDAM)  # Monday


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("herinner me elke dinsdag 9:00 aan pillen", "elke dinsdag 9:00 aan pillen"),
        ("Herinner mij: morgen aan de tandarts", "morgen aan de tandarts"),
        ("REMIND ME tomorrow at 10 to call", "tomorrow at 10 to call"),
        ("/remind me", ""),
    ],
)
def test_a_reminder_request_is_recognised(text: str, rest: str) -> None:
    assert request_in(Event(kind="text", text=text)) == rest


@pytest.mark.parametrize("text", ["herinnering", "ik wil herinner me niet", "remind", "herinner hem morgen"])
def test_other_messages_are_not_reminder_requests(text: str) -> None:
    assert request_in(Event(kind="text", text=text)) is None


@pytest.mark.parametrize(
    ("rest", "what", "rule"),
    [
        ("elke dinsdag 9:00 aan medicijnen ophalen", "medicijnen ophalen", Rule.weekly(1, time(9))),
        ("aan medicijnen ophalen elke dinsdag 9:00", "medicijnen ophalen", Rule.weekly(1, time(9))),
        ("elke dag om 8 uur aan mijn pillen!", "mijn pillen", Rule("daily", time(8))),
        ("donderdag om half 3 om te bellen", "bellen", Rule("once", time(14, 30), None, date(2026, 11, 26))),
        ("every tuesday at 9:00 to pick up medicine", "pick up medicine", Rule.weekly(1, time(9))),
        ("to call mum tomorrow at 10", "call mum", Rule("once", time(10), None, date(2026, 11, 24))),
        (
            "every other week on friday at 9 about the bins",
            "the bins",
            Rule.biweekly(date(2026, 11, 27), time(9)),
        ),
    ],
)
def test_when_and_what(rest: str, what: str, rule: Rule) -> None:
    assert parse_request(rest, NOW) == (what, rule)


@pytest.mark.parametrize(
    "rest",
    [
        "",
        "aan de tandarts",  # no when
        "morgen om 10 uur",  # no what
        "morgen om 10 uur aan",  # nothing after the connector
        "vandaag om 8 uur aan de was",  # already past
        "ooit eens aan iets",
        "zo snel mogelijk aan de oven",  # no moment to take a time from
        "morgen om 10 uur aan " + "x" * (MAX_TEXT + 1),
    ],
)
def test_unclear_requests_are_none(rest: str) -> None:
    assert parse_request(rest, NOW) is None
