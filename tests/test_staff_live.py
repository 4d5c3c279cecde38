"""The console's live refresh and the queue's alerts: counts and new alerts for the staff member's scope
only, the chat partial, a stuck or voice-note alert shown with what the person last wrote and one click
from taking over."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from bot.runtime import Runtime
from bot.web.app import create_app
from storage import threads
from tests.community import add_person, say
from tests.conftest import FixedClock
from tests.staff_support import add_account, console_client, log_in, token

TRUUS = "+31611110001"
HENK = "+31611110002"


@pytest.fixture
async def client(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with console_client(runtime) as http:
        yield http


async def raise_alert(runtime: Runtime, kind: str, person_id: int, priority: str = "high") -> None:
    async with runtime.sessions() as session, session.begin():
        threads.alert(session, kind, runtime.clock(), person_id=person_id, priority=priority)


async def test_live_brings_new_alerts_of_the_own_neighbourhood_only(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    truus = await add_person(runtime, clock, TRUUS, "Truus", "molenwijk")
    henk = await add_person(runtime, clock, HENK, "Henk", "bloemhof")
    await add_account(runtime, "mira@example.nl", "buurtverbinder", ["molenwijk"])
    await log_in(client, "mira@example.nl")
    start = (await client.get("/staff/live")).json()
    assert start["alerts"] == [] and start["counts"]["alerts"] == 0
    await raise_alert(runtime, "crisis_medical", truus)
    await raise_alert(runtime, "human_requested", henk)
    fresh = (await client.get(f"/staff/live?since={start['latest']}")).json()
    assert [(a["person"], a["urgent"], a["url"]) for a in fresh["alerts"]] == [
        ("Truus", True, f"/staff/people/{truus}")
    ]
    assert fresh["alerts"][0]["label"] == "Crisis: medisch"
    assert fresh["counts"]["alerts"] == 1
    again = (await client.get(f"/staff/live?since={fresh['latest']}")).json()
    assert again["alerts"] == []
    # Not logged in: the poll gets the login page's redirect, not data.
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(runtime)), base_url="http://testserver"
    ) as anonymous:
        assert (await anonymous.get("/staff/live")).status_code == 303
    script = await client.get("/staff/static/live.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    page = await client.get("/staff/")
    assert '<script src="/staff/static/live.js" defer></script>' in page.text
    assert 'data-count="alerts"' in page.text


async def test_a_stuck_alert_shows_the_last_messages_and_takes_over_in_one_click(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    truus = await add_person(runtime, clock, TRUUS, "Truus", "molenwijk")
    await say(runtime, TRUUS, "de kraan lekt al dagen", "snap je wat ik bedoel", "hallo??")
    await raise_alert(runtime, "stuck", truus, priority="normal")
    await add_account(runtime, "mira@example.nl", "buurtverbinder", ["molenwijk"])
    await log_in(client, "mira@example.nl")
    queue = await client.get("/staff/")
    assert "Bot begrijpt het niet" in queue.text
    for said in ("de kraan lekt al dagen", "snap je wat ik bedoel", "hallo??"):
        assert said in queue.text
    assert f'action="/staff/people/{truus}/takeover"' in queue.text
    csrf = await token(client)
    taken = await client.post(f"/staff/people/{truus}/takeover", data={"csrf": csrf})
    assert taken.status_code == 303 and taken.headers["location"].startswith(f"/staff/people/{truus}")
    chat = await client.get(f"/staff/people/{truus}/chat")
    assert chat.status_code == 200 and "de kraan lekt al dagen" in chat.text and "<html" not in chat.text
    rows = await client.get("/staff/conversations?part=rows")
    assert "<html" not in rows.text and f"/staff/people/{truus}" in rows.text


async def test_the_chat_partial_is_scoped(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    henk = await add_person(runtime, clock, HENK, "Henk", "bloemhof")
    await add_account(runtime, "mira@example.nl", "buurtverbinder", ["molenwijk"])
    await log_in(client, "mira@example.nl")
    assert (await client.get(f"/staff/people/{henk}/chat")).status_code == 404
