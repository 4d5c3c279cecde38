"""The simulator's HTTP side: a person's messages in and out, and the demo clock that runs what comes due."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from bot import engine as engine_module
from bot.clock import AdjustableClock
from bot.effects.mailbox import Touched
from bot.runtime import Runtime
from bot.web.app import create_app
from storage import schedule
from tests.conftest import make_settings

PHONE = "+31612345678"


@pytest.fixture
async def sim(database_url: str) -> AsyncIterator[tuple[Runtime, httpx.AsyncClient]]:
    runtime = Runtime(make_settings(database_url, VOORDEUR_SIMULATOR=True), clock=AdjustableClock())
    transport = httpx.ASGITransport(app=create_app(runtime))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            yield runtime, client
    finally:
        await runtime.stop()


def record_pings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A scheduled handler `test_ping` that records the name of each event it runs."""
    ran: list[str] = []

    async def remember(_session: object, event: schedule.DueEvent, _now: datetime, _t: Touched) -> str:
        ran.append(str(event.payload["name"]))
        return "done"

    monkeypatch.setitem(engine_module.SCHEDULED_HANDLERS, "test_ping", remember)
    return ran


async def test_a_message_typed_on_a_phone_is_answered_on_that_phone(
    sim: tuple[Runtime, httpx.AsyncClient],
) -> None:
    runtime, client = sim
    sent = await client.post("/simulator/api/messages", json={"address": PHONE, "text": "hallo", "id": "m1"})
    assert sent.json() == {"id": "m1", "duplicate": False}
    again = await client.post("/simulator/api/messages", json={"address": PHONE, "text": "hallo", "id": "m1"})
    assert again.json()["duplicate"] is True
    await runtime.engine.settle()
    while await runtime.sender.send_due():
        pass
    messages = (await client.get("/simulator/api/messages", params={"address": PHONE})).json()["messages"]
    assert [m["from"] for m in messages][:2] == ["person", "bot"]
    assert messages[0]["text"] == "hallo"
    assert "Voordeur" in messages[1]["text"]
    assert (await client.get("/simulator/api/messages", params={"address": "+31600000000"})).json() == {
        "messages": []
    }


@pytest.mark.parametrize(
    "body", [{}, {"minutes": 0}, {"minutes": -5}, {"minutes": "60"}, {"minutes": True}, {"minutes": 10**9}]
)
async def test_the_clock_refuses_what_is_not_a_step_forward(
    sim: tuple[Runtime, httpx.AsyncClient], body: dict[str, object]
) -> None:
    runtime, client = sim
    before = runtime.clock()
    response = await client.post("/simulator/api/clock", json=body)
    assert response.status_code == 400
    assert "minutes" in response.json()["error"]
    assert runtime.clock() - before < timedelta(minutes=1)


async def test_moving_the_clock_runs_what_has_come_due_and_nothing_else(
    sim: tuple[Runtime, httpx.AsyncClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime, client = sim
    ran = record_pings(monkeypatch)
    now = runtime.clock()
    async with runtime.sessions() as session, session.begin():
        schedule.schedule(session, "test_ping", now + timedelta(minutes=90), now, payload={"name": "soon"})
        schedule.schedule(session, "test_ping", now + timedelta(days=3), now, payload={"name": "later"})
    shown = (await client.get("/simulator/api/clock")).json()
    assert shown["movable"] is True
    assert datetime.fromisoformat(shown["now"]).utcoffset() is not None, "local time with its offset"

    response = await client.post("/simulator/api/clock", json={"minutes": 60})
    assert response.status_code == 200
    assert response.json()["events_run"] == 0
    assert ran == []
    response = await client.post("/simulator/api/clock", json={"minutes": 60})
    assert response.json()["events_run"] == 1
    assert ran == ["soon"]
    response = await client.post("/simulator/api/clock", json={"minutes": 60 * 24 * 7})
    assert response.json()["events_run"] == 1
    assert ran == ["soon", "later"]
    assert runtime.clock() - now >= timedelta(days=7, hours=2)


async def test_a_runtime_on_the_wall_clock_cannot_be_moved(database_url: str) -> None:
    runtime = Runtime(make_settings(database_url, VOORDEUR_SIMULATOR=True))
    transport = httpx.ASGITransport(app=create_app(runtime))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            response = await client.post("/simulator/api/clock", json={"minutes": 60})
            assert response.status_code == 409
            assert (await client.get("/simulator/api/clock")).json()["movable"] is False
    finally:
        await runtime.stop()


def test_the_adjustable_clock_only_moves_forward() -> None:
    clock = AdjustableClock()
    first = clock()
    with pytest.raises(ValueError):
        clock.advance(timedelta(seconds=-1))
    assert clock.advance(timedelta(hours=2)) - first >= timedelta(hours=2)


async def test_events_run_counts_what_came_due_even_when_the_background_tick_ran_it_first(
    sim: tuple[Runtime, httpx.AsyncClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime, client = sim
    ran = record_pings(monkeypatch)
    now = runtime.clock()
    async with runtime.sessions() as session, session.begin():
        schedule.schedule(session, "test_ping", now + timedelta(minutes=30), now, payload={"name": "a"})
        schedule.schedule(session, "test_ping", now + timedelta(minutes=50), now, payload={"name": "b"})
    real_run = runtime.engine.run_due_events
    calls = 0

    async def background_tick_was_first() -> int:
        # The scheduler's own tick ran both events between the clock moving and the page's catch-up.
        nonlocal calls
        calls += 1
        if calls == 1:
            await real_run()
        return 0

    monkeypatch.setattr(runtime.engine, "run_due_events", background_tick_was_first)
    response = await client.post("/simulator/api/clock", json={"minutes": 60})
    assert sorted(ran) == ["a", "b"]
    assert response.json()["events_run"] == 2


def test_the_demo_clock_keeps_its_offset_across_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "voordeur-demo.db.clock"
    clock = AdjustableClock(state)
    clock.advance(timedelta(days=1, hours=2))
    restarted = AdjustableClock(state)
    assert restarted.offset == timedelta(days=1, hours=2)
    assert restarted() - datetime.now(UTC) > timedelta(days=1, hours=1)
    state.write_text("not a number\n")
    assert AdjustableClock(state).offset == timedelta(0), "a damaged file means the wall clock, not a crash"
    assert AdjustableClock(tmp_path / "missing.clock").offset == timedelta(0)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///voordeur-demo.db", "voordeur-demo.db.clock"),
        ("sqlite+aiosqlite:////tmp/x/demo.db?timeout=5", "/tmp/x/demo.db.clock"),
        ("sqlite:///:memory:", None),
        ("postgresql+psycopg://postgres@127.0.0.1/voordeur", None),
    ],
)
def test_the_demo_clock_file_lies_beside_the_sqlite_file(url: str, expected: str | None) -> None:
    from bot.cli.main import _clock_file

    assert _clock_file(url) == (Path(expected) if expected else None)


async def test_the_simulators_staff_link_logs_in_as_the_demo_coordinator(
    sim: tuple[Runtime, httpx.AsyncClient], database_url: str
) -> None:
    from bot.cli.demo import seed_staff

    runtime, client = sim
    before_seed = await client.get("/simulator/staff")
    assert (before_seed.status_code, before_seed.headers["location"]) == (303, "/staff/login")
    await seed_staff(database_url, runtime.clock())
    response = await client.get("/simulator/staff")
    assert (response.status_code, response.headers["location"]) == (303, "/staff/")
    home = await client.get("/staff/")
    assert home.status_code == 200
    assert "Sanne" in home.text


async def test_there_is_no_password_free_staff_link_outside_the_demo(database_url: str) -> None:
    runtime = Runtime(make_settings(database_url))
    transport = httpx.ASGITransport(app=create_app(runtime))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            assert (await client.get("/simulator/staff")).status_code == 404
    finally:
        await runtime.stop()
