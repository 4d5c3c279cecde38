"""A request's window ("vanaf 14:00", "donderdag na 2 uur", "ergens volgende week"): kept next to its
`When` in the request's `when` data (flows/conditions.py `request_time`), read back in every place a
request's time is said, and stored as it is (no new column)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.effects import matchmaker
from bot.effects.mailbox import Touched
from bot.runtime import Runtime
from flows import conditions, interpret
from flows.when import When
from storage import requests
from tests.community import add_person
from tests.conftest import FixedClock

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # a Monday


def _time(text: str, lang: str = "nl") -> dict | None:
    found = interpret.reading("ask_when", text, lang, NOW)
    return conditions.request_time(found.time, NOW)


def test_hours_without_a_day_are_any_day_from_that_hour() -> None:
    data = _time("vanaf 14:00")
    assert data is not None
    assert When.from_json(data) == When("flexible")
    assert data["window"] == {"start": "14:00:00"}
    assert conditions.describe_request_when(data, "nl") == "wanneer het uitkomt, vanaf 14:00"


def test_a_day_with_hours_keeps_the_day_from_that_hour() -> None:
    data = _time("donderdag na 2 uur")
    assert data is not None
    when = When.from_json(data)
    assert when.kind == "flexible" and when.start is not None
    assert when.start.isoformat() == "2026-11-26T14:00:00+01:00"
    assert conditions.describe_request_when(data, "nl") == "donderdag 26 november, vanaf 14:00"


def test_weeks_are_a_span_of_days() -> None:
    nxt, this = _time("ergens volgende week"), _time("deze week")
    assert nxt is not None and this is not None
    assert nxt["window"] == {"from_date": "2026-11-30", "until": "2026-12-06"}
    assert this["window"] == {"until": "2026-11-29"}
    assert conditions.describe_request_when(nxt, "en") == "from Monday 30 November, until Sunday 6 December"
    window = conditions.Window.from_json(nxt["window"])
    assert window.fits(datetime(2026, 12, 6, 15, 0))
    assert not window.fits(datetime(2026, 12, 7, 10, 0)) and not window.fits(datetime(2026, 11, 27, 10, 0))


def test_what_is_no_window_stays_no_window() -> None:
    # Plain times are the planner's (no window); the night, options and a bound after its end are none.
    for text in (
        "morgen om 10 uur",
        "om 3 uur 's nachts",
        "donderdag of vrijdag na 2 uur",
        "na 16:00 voor 15:00",
    ):
        assert _time(text) is None, text
    assert conditions.describe_request_when(When("asap").to_json(), "nl") == "zo snel mogelijk"


async def test_a_window_is_stored_with_the_request_and_matching_starts(
    runtime: Runtime, clock: FixedClock
) -> None:
    truus = await add_person(runtime, clock, "+31611110001", "Truus", "molenwijk")
    await add_person(runtime, clock, "+31611110002", "Henk", "molenwijk", offers=("boodschappen",))
    when = _time("ergens volgende week na 2 uur")
    assert when is not None
    data = {
        "category": "boodschappen",
        "description": "melk halen",
        "when": when,
        "urgent": False,
        "neighbourhood": "molenwijk",
        "visibility": "helper",
    }
    async with runtime.sessions() as session, session.begin():
        request = requests.create(session, truus, data, clock())
        await session.flush()
        await matchmaker.start(session, request, clock(), Touched())
    async with runtime.sessions() as session:
        (stored,) = await requests.open_for_person(session, truus)
    assert stored.when["window"] == {"from_date": "2026-11-30", "until": "2026-12-06", "start": "14:00:00"}
    said = conditions.describe_request_when(stored.when, "nl")
    assert said == "vanaf maandag 30 november, tot en met zondag 6 december, vanaf 14:00"
