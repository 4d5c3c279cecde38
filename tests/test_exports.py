"""EXPORT: everything kept about a person, behind a link that works once and for a day."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import func, select

from bot.runtime import Runtime
from bot.web.app import create_app
from storage.models import ExportLink
from tests.community import bodies_for, keys_for, say
from tests.conftest import FixedClock, make_settings
from tests.test_privacy import NAME, NUMBER, WORDS, resident_with_a_match

BASE = "https://voordeur.example"
LINK = re.compile(re.escape(BASE) + r"/export/([A-Za-z0-9_-]{40,})")


@pytest.fixture
async def linked(database_url: str, clock: FixedClock) -> AsyncIterator[tuple[Runtime, httpx.AsyncClient]]:
    settings = make_settings(database_url, VOORDEUR_SIMULATOR=True, PUBLIC_BASE_URL=BASE)
    runtime = Runtime(settings, clock=clock)
    transport = httpx.ASGITransport(app=create_app(runtime))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            yield runtime, client
    finally:
        await runtime.stop()


async def export_link(runtime: Runtime, person_id: int) -> str:
    await say(runtime, NUMBER, "EXPORT", channel="sms")
    assert (await keys_for(runtime, person_id))[-1] == "export_link"
    found = LINK.search((await bodies_for(runtime, person_id))[-1])
    assert found is not None, "the message carries the link"
    return found.group(0).removeprefix(BASE)


async def test_the_link_gives_everything_once(
    linked: tuple[Runtime, httpx.AsyncClient], clock: FixedClock
) -> None:
    runtime, client = linked
    resident, _volunteer = await resident_with_a_match(runtime, clock)
    path = await export_link(runtime, resident)

    # Opening the link (a person, or a link-preview fetcher) shows a page with a button; it spends nothing.
    for _ in range(3):
        shown = await client.get(path)
        assert shown.status_code == 200
        assert shown.headers["cache-control"] == "no-store"
        assert 'method="post"' in shown.text and "Download mijn gegevens" in shown.text
        assert NAME not in shown.text and NUMBER not in shown.text, "the page itself holds no data"

    response = await client.post(path)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert "attachment" in response.headers["content-disposition"]
    data = response.json()
    assert data["person"]["first_name"] == NAME
    assert [a["address"] for a in data["addresses"]] == [NUMBER]
    assert [r["description"] for r in data["help_requests"]] == [WORDS[0]]
    assert WORDS[1] in [m["text"] for m in data["your_words_in_conversations"]]
    said = [m["text"] for m in data["messages"] if m["from"] == "you"]
    assert "EXPORT" in said and WORDS[1] in said
    assert any(m["from"] == "voordeur" for m in data["messages"])
    # What the resident was sent is theirs (it names Henk); Henk's address and profile are not.
    assert "5550001" not in response.text
    assert data["help_offer"] is None

    again = await client.post(path)
    assert again.status_code == 404
    assert "EXPORT" in again.text and again.headers["cache-control"] == "no-store"
    assert (await client.get(path)).status_code == 404, "a spent link shows no button"


async def test_a_link_expires_after_a_day_and_a_new_one_replaces_the_old(
    linked: tuple[Runtime, httpx.AsyncClient], clock: FixedClock
) -> None:
    runtime, client = linked
    resident, _volunteer = await resident_with_a_match(runtime, clock)
    old = await export_link(runtime, resident)
    new = await export_link(runtime, resident)
    assert old != new
    assert (await client.get(old)).status_code == 404, "only the newest link works"
    assert (await client.post(old)).status_code == 404
    clock.advance(hours=24, seconds=1)
    assert (await client.get(new)).status_code == 404, "expired"
    assert (await client.post(new)).status_code == 404
    assert (await client.get("/export/not-a-token")).status_code == 404
    assert (await client.get("/export/" + "x" * 500)).status_code == 404
    assert (await client.post("/export/not-a-token")).status_code == 404


async def test_without_a_public_address_the_bot_offers_a_person(runtime: Runtime, clock: FixedClock) -> None:
    resident, _volunteer = await resident_with_a_match(runtime, clock)
    await say(runtime, NUMBER, "export", channel="sms")
    assert (await keys_for(runtime, resident))[-1] == "export_unavailable"
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(ExportLink)) == 0


async def test_erasure_removes_the_links(
    linked: tuple[Runtime, httpx.AsyncClient], clock: FixedClock
) -> None:
    runtime, client = linked
    resident, _volunteer = await resident_with_a_match(runtime, clock)
    path = await export_link(runtime, resident)
    await say(runtime, NUMBER, "VERWIJDER MIJ", "ja", channel="sms")
    clock.advance(minutes=15)
    await runtime.engine.run_due_events()
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(ExportLink)) == 0
    assert (await client.get(path)).status_code == 404
