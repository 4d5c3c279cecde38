"""KOPPEL: a second channel joins the same person, with one history; wrong and old codes fail kindly."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.runtime import Runtime
from storage.models import Identity
from tests.community import add_person, keys_for, say
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows

SMS = "+31612345678"
CHAT = "5550001"


async def code_sent_to(runtime: Runtime, person_id: int) -> str:
    [row] = [r for r in await outbox_rows(runtime) if r.person_id == person_id and r.text_key == "link_code"][
        -1:
    ]
    match = re.search(r"\b(\d{6})\b", row.body)
    assert match is not None
    return match.group(1)


async def identities_of(runtime: Runtime, person_id: int) -> set[tuple[str, str]]:
    async with runtime.sessions() as session:
        rows = (await session.execute(select(Identity).where(Identity.person_id == person_id))).scalars()
        return {(i.channel, i.address) for i in rows}


async def test_a_telegram_chat_joins_the_sms_person(runtime: Runtime, clock: FixedClock) -> None:
    ria = await add_person(runtime, clock, SMS, "Ria", "molenwijk", channel="sms")
    await say(runtime, SMS, "KOPPEL", channel="sms")
    code = await code_sent_to(runtime, ria)
    await say(runtime, CHAT, f"koppel {code}", channel="telegram")
    assert await identities_of(runtime, ria) == {("sms", SMS), ("telegram", CHAT)}
    [linked] = [r for r in await outbox_rows(runtime) if r.text_key == "linked"]
    assert (linked.person_id, linked.channel) == (ria, "telegram"), "told on the channel just linked"
    # The same person now: their conversation and name carry over to Telegram.
    await say(runtime, CHAT, "MIJN VRAGEN", channel="telegram")
    assert (await keys_for(runtime, ria))[-2:] == ["no_requests", "menu"]
    # The code is used up.
    await say(runtime, "5550002", f"KOPPEL {code}", channel="telegram")
    assert [r.text_key for r in await outbox_rows(runtime)][-1] == "link_failed"


async def test_an_old_or_wrong_code_fails_and_guessing_is_limited(
    runtime: Runtime, clock: FixedClock
) -> None:
    ria = await add_person(runtime, clock, SMS, "Ria", "molenwijk", channel="sms")
    await say(runtime, SMS, "koppel", channel="sms")
    code = await code_sent_to(runtime, ria)
    clock.advance(minutes=16)
    await say(runtime, CHAT, f"KOPPEL {code}", channel="telegram")
    assert [r.text_key for r in await outbox_rows(runtime)][-1] == "link_failed"
    assert await identities_of(runtime, ria) == {("sms", SMS)}
    for guess in range(5):
        await say(runtime, CHAT, f"KOPPEL {guess:06d}", channel="telegram")
    assert [r.text_key for r in await outbox_rows(runtime)][-1] == "link_too_many"
