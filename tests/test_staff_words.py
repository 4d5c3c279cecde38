"""The console speaks in words, not codes: events, audit entries, scheduled items, statuses, channels,
and a person's bare "1" with the option it chose; the conversation reads like a chat, newest last."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from bot.runtime import Runtime
from bot.web.app import create_app
from bot.web.staff import views
from bot.web.staff.words import word, words
from storage import inbox
from storage.models import OutboxMessage, ScheduledEvent
from tests.community import add_person, say
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows
from tests.staff_support import add_account, log_in, token

RESIDENT = "+31611110001"
STAFF_DIR = Path(views.__file__).parent


@pytest.fixture
async def client(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    runtime.kick = lambda person_id: None  # type: ignore[method-assign,assignment]
    transport = httpx.ASGITransport(app=create_app(runtime))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


def visible(html: str) -> str:
    """The page's text without tags, so a code inside an attribute or a URL does not count."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


async def test_the_person_page_shows_words_and_the_chosen_option(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    person = await add_person(runtime, clock, RESIDENT, "Truus", "molenwijk")
    await say(runtime, RESIDENT, "menu")
    offered = [m for m in await outbox_rows(runtime, OutboxMessage.person_id == person) if m.choices]
    assert offered, "the menu offers no choices"
    first_label = offered[-1].choices[0][1]
    await say(runtime, RESIDENT, "1")
    async with runtime.sessions() as session, session.begin():
        await inbox.post_internal(session, person, "meet_agreed", {}, clock(), key="meet-1")
        session.add(
            ScheduledEvent(
                kind="meeting_reminder",
                due_at=clock(),
                person_id=person,
                payload={},
                status="done",
                reason="sent",
                created_at=clock(),
                done_at=clock(),
            )
        )
    await add_account(runtime, "coord@example.nl", "coordinator")
    await log_in(client, "coord@example.nl")
    csrf = await token(client)
    await client.post(f"/staff/people/{person}/takeover", data={"csrf": csrf})
    page = await client.get(f"/staff/people/{person}")
    text = visible(page.text)
    assert "Afspraak gemaakt" in text and "meet_agreed" not in text
    assert "Herinnering aan de afspraak" in text and "meeting_reminder" not in text
    assert "gedaan (bericht verstuurd)" in text
    # No sender runs here: the bot's answers wait in the outbox.
    assert "simulator · klaar om te versturen" in text and "pending" not in text
    assert f"1 → {first_label}" in text
    # The audit log in words: "Anna Jansen nam het gesprek over", not `takeover`.
    assert "nam het gesprek over" in text and "bekeek deze persoon" in text
    for code in ("view_person", "takeover", "internal"):
        assert code not in text, code
    # Newest at the bottom, beside the reply box: the chat comes before the message form.
    chat = page.text.index('id="chat-log"')
    assert page.text.index("Afspraak gemaakt", chat) < page.text.index('id="message-form"')
    client.cookies.set("voordeur_staff_lang", "en", path="/staff")
    english = await client.get(f"/staff/people/{person}")
    assert "Meeting agreed" in visible(english.text) and "took over the conversation" in english.text


def test_every_audit_code_the_console_writes_has_words() -> None:
    written: set[str] = set()
    for source in STAFF_DIR.glob("*.py"):
        written |= set(re.findall(r'audit\([^)]*?"([a-z_]+)"', source.read_text(encoding="utf-8")))
    written |= set(views.PERSON_ACTIONS) | {f"request_{a}" for a in views.REQUEST_ACTIONS}
    assert "view_person" in written, "the pattern finds nothing"
    missing = sorted(code for code in written if code not in words()["audit"])
    assert missing == []


def test_a_code_without_words_still_reads_as_words() -> None:
    assert word("event", "meet_agreed", "nl") == "Afspraak gemaakt"
    assert word("event", "brand_new_thing", "en") == "Event: brand new thing"
    assert word("audit", "resolve_crisis_medical", "nl") == "handelde een melding af"
    for group, entries in words().items():
        for code, entry in entries.items():
            assert set(entry) == {"nl", "en"}, (group, code)
