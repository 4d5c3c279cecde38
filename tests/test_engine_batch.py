"""The batched engine: many people in one transaction, one commit; a message that breaks its batch is set
aside and raised to staff while everyone else is answered; partitions share people between engines."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import create_async_engine

from bench.conversations import CONVERSATION
from bot import engine as engine_module
from bot.effects import person as person_effects
from bot.effects import registry
from bot.effects.mailbox import EffectContext
from bot.partitions import Partitions
from bot.runtime import Runtime
from storage import inbox, outbox
from storage.db import async_url
from storage.models import (
    Consent,
    HelpRequest,
    Identity,
    InboundMessage,
    OutboxMessage,
    Person,
    StaffAlert,
)
from tests.community import ASK_BOODSCHAPPEN, add_person, say
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows, statements_starting, text_message

ADDRESSES = [f"+3161234{index:04d}" for index in range(6)]


def _count_commits(runtime: Runtime) -> list[int]:
    commits = [0]

    @event.listens_for(runtime.db.sync_engine, "commit")
    def counted(_connection: Any) -> None:
        commits[0] += 1

    return commits


async def test_many_people_are_answered_in_one_transaction_each_in_their_own_order(runtime: Runtime) -> None:
    people = []
    for index, address in enumerate(ADDRESSES):
        for step, text in enumerate(["hallo", "Ria"]):
            stored = await runtime.engine.store(text_message(text, f"m{index}-{step}", address=address))
        people.append(stored.person_id)
    commits = _count_commits(runtime)
    assert await runtime.engine.process_people(people) == 2 * len(people)
    assert commits[0] == 1
    rows = await outbox_rows(runtime)
    for person_id in people:
        keys = [row.text_key for row in rows if row.person_id == person_id]
        assert keys == ["welcome", "ask_name", "name_thanks", "ask_neighbourhood"], person_id
    async with runtime.sessions() as session:
        unprocessed = await session.execute(
            select(InboundMessage.id).where(InboundMessage.processed_at.is_(None))
        )
        assert list(unprocessed) == []


async def test_a_first_conversations_name_place_and_consent_are_written_without_person_objects(
    runtime: Runtime,
) -> None:
    """update_profile and record_consent (storage/people.py): the person's columns join the batch's
    writes, the consent is one INSERT; no person or address is loaded as an ORM object for them. A
    later step of the same batch sees what an earlier one set (the place asked after the name)."""
    people = []
    for index, address in enumerate(ADDRESSES[:4]):
        for step, text in enumerate(["hallo", "Ria", "7391 AB", "ja"]):
            stored = await runtime.engine.store(text_message(text, f"p{index}-{step}", address=address))
        people.append(stored.person_id)
    with statements_starting(runtime.db, "SELECT") as selects:
        assert await runtime.engine.process_people(people) == 4 * len(people)
    loads = [sql for sql in selects if sql.startswith("SELECT people.id, people.tenant, people.created_at")]
    assert loads == []
    async with runtime.sessions() as session:
        rows = (await session.execute(select(Person).where(Person.id.in_(people)))).scalars().all()
        assert {(p.first_name, p.neighbourhood, p.postcode4) for p in rows} == {("Ria", "molenwijk", "7391")}
        consents = (await session.execute(select(Consent.person_id))).scalars().all()
        assert sorted(consents) == sorted(people)
    outbox_keys = [row.text_key for row in await outbox_rows(runtime)]
    assert outbox_keys.count("neighbourhood_thanks") == len(people)
    assert outbox_keys.count("consent_thanks") == len(people)


async def test_a_whole_first_conversation_in_one_batch_sees_its_own_consent_and_place(
    runtime: Runtime,
) -> None:
    """The benchmark's conversation (need, name, postcode, consent, when, urgency, who may see it, send)
    stored at once and handled in one batch: the name, place and consent that earlier steps set are
    written with the batch, not at once, and the request is still made, in the person's neighbourhood."""
    people = []
    for index, address in enumerate(ADDRESSES[:3]):
        for step, (text, _replies) in enumerate(CONVERSATION):
            stored = await runtime.engine.store(text_message(text, f"c{index}-{step}", address=address))
        people.append(stored.person_id)
    await runtime.engine.process_people(people)
    async with runtime.sessions() as session:
        made = (await session.execute(select(HelpRequest.person_id, HelpRequest.neighbourhood))).all()
    assert sorted(made) == sorted((person_id, "molenwijk") for person_id in people)


async def test_a_message_that_breaks_its_batch_is_set_aside_and_the_others_are_answered(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = []
    for index, address in enumerate(ADDRESSES[:5]):
        for step, text in enumerate(["hallo", "Ria", "7391 AB"]):
            stored = await runtime.engine.store(text_message(text, f"m{index}-{step}", address=address))
        people.append(stored.person_id)
    broken = people[2]
    real = engine_module.EFFECT_HANDLERS["update_profile"]

    async def breaks_for_one(ctx: EffectContext, data: Mapping[str, Any]) -> None:
        if ctx.person.id == broken and "neighbourhood" in data:
            raise RuntimeError("a bug in an effect")
        await real(ctx, data)

    monkeypatch.setitem(engine_module.EFFECT_HANDLERS, "update_profile", breaks_for_one)
    real_row = person_effects.ROW_EFFECTS["update_profile"]

    def row_breaks_for_one(person_id: int, data: Mapping[str, Any], now: datetime) -> person_effects.RowWrite:
        if person_id == broken and "neighbourhood" in data:
            raise RuntimeError("a bug in an effect")
        return real_row(person_id, data, now)

    monkeypatch.setitem(person_effects.ROW_EFFECTS, "update_profile", row_breaks_for_one)
    await runtime.engine.settle()
    async with runtime.sessions() as session:
        messages = list((await session.execute(select(InboundMessage).order_by(InboundMessage.id))).scalars())
        alerts = list((await session.execute(select(StaffAlert))).scalars())
    assert [m.event["text"] for m in messages if m.processed_at is None] == []
    failed = [(m.person_id, m.event["text"]) for m in messages if m.error == engine_module.MESSAGE_FAILED]
    assert failed == [(broken, "7391 AB")]
    assert [(a.kind, a.person_id, a.priority) for a in alerts] == [
        (engine_module.MESSAGE_FAILED, broken, "high")
    ]
    rows = await outbox_rows(runtime)
    for person_id in people:
        keys = [row.text_key for row in rows if row.person_id == person_id]
        if person_id == broken:  # the first two answered; the third set aside, nothing half-done sent
            assert keys == ["welcome", "ask_name", "name_thanks", "ask_neighbourhood"]
        else:
            assert keys[-2:] == ["neighbourhood_thanks", "consent_question"], person_id
    # Set aside, not stuck: the person's next message is answered.
    monkeypatch.setitem(engine_module.EFFECT_HANDLERS, "update_profile", real)
    monkeypatch.setitem(person_effects.ROW_EFFECTS, "update_profile", real_row)
    await runtime.engine.store(text_message("7391 AB", "again", address=ADDRESSES[2]))
    assert await runtime.engine.process_person(broken) == 1
    async with runtime.sessions() as session:
        last = (
            await session.execute(
                select(OutboxMessage.text_key)
                .where(OutboxMessage.person_id == broken)
                .order_by(OutboxMessage.id)
            )
        ).scalars()
        assert list(last)[-1] == "consent_question"


async def test_an_internal_event_after_a_stop_in_the_same_turn_goes_to_the_address_left(
    runtime: Runtime,
) -> None:
    """An internal event's answer goes to the address used last, read with the batch. A STOP earlier
    in the same turn stopped that address, so it is asked again: the answer goes to the other one
    (read once with the batch, it would go to the stopped address and be cancelled)."""
    stored = await runtime.engine.store(text_message("hallo", "first", address=ADDRESSES[0], channel="sms"))
    person_id = stored.person_id
    assert await runtime.engine.process_people([person_id]) == 1
    now = runtime.clock()
    async with runtime.sessions() as session, session.begin():
        session.add(
            Identity(
                person_id=person_id,
                channel="whatsapp",
                address=ADDRESSES[0],
                created_at=now,
                last_inbound_at=now - timedelta(days=1),
            )
        )
    await runtime.engine.store(text_message("STOP", "stop", address=ADDRESSES[0], channel="sms"))
    async with runtime.sessions() as session, session.begin():
        await inbox.post_internal(session, person_id, "invite_taken", {"request_id": 1}, now, key="taken-1")
    assert await runtime.engine.process_people([person_id]) == 2
    [taken] = await outbox_rows(runtime, OutboxMessage.text_key == "invite_taken")
    assert (taken.channel, taken.status) == ("whatsapp", outbox.PENDING)


async def test_a_batchs_mailbox_posts_are_written_together_and_answered_in_its_next_round(
    runtime: Runtime,
) -> None:
    """MIJN GEGEVENS posts the summary to the person's own mailbox (the counts come from the database):
    four people in one batch are four posts in one statement, each handled in the batch's next round,
    in the same transaction."""
    people = []
    for index, address in enumerate(ADDRESSES[:4]):
        stored = await runtime.engine.store(text_message("hallo", f"hi{index}", address=address))
        people.append(stored.person_id)
    assert await runtime.engine.process_people(people) == len(people)
    for index, address in enumerate(ADDRESSES[:4]):
        await runtime.engine.store(text_message("MIJN GEGEVENS", f"data{index}", address=address))
    commits = _count_commits(runtime)
    with statements_starting(runtime.db, "INSERT INTO inbound_messages") as posts:
        assert await runtime.engine.process_people(people) == 2 * len(people)
    assert len(posts) == 1
    assert commits[0] == 1
    for person_id in people:
        keys = [row.text_key for row in await outbox_rows(runtime, OutboxMessage.person_id == person_id)]
        assert keys[-1] == "my_data", keys


def _handler_code(handler: Any) -> str:
    """The source of an effect handler, through registry._for_person's wrapper to the function it wraps."""
    for cell in handler.__closure__ or ():
        if inspect.iscoroutinefunction(cell.cell_contents):
            return inspect.getsource(cell.cell_contents)
    return inspect.getsource(handler)


def test_only_effects_declared_as_writing_the_outbox_touch_it() -> None:
    """The engine writes queued replies before an effect only for kinds in WRITES_OUTBOX: a handler
    that writes outbox rows without being listed would put its message before earlier replies."""
    writing = {
        kind for kind, handler in registry.EFFECT_HANDLERS.items() if "outbox" in _handler_code(handler)
    }
    assert writing <= registry.WRITES_OUTBOX


async def test_a_reply_queued_before_an_effect_that_writes_the_outbox_keeps_its_place(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kind in WRITES_OUTBOX: the replies of the steps before it are written first (ids in order)."""
    real = engine_module.EFFECT_HANDLERS["update_profile"]

    async def writes_a_row(ctx: EffectContext, data: Mapping[str, Any]) -> None:
        await real(ctx, data)
        assert ctx.identity is not None
        outbox.enqueue(
            ctx.session,
            person_id=ctx.person.id,
            identity_id=ctx.identity.id,
            channel=ctx.identity.channel,
            text_key="effect_row",
            body="-",
            choices=[],
            now=ctx.now,
        )

    monkeypatch.setitem(engine_module.EFFECT_HANDLERS, "update_profile", writes_a_row)
    monkeypatch.delitem(
        person_effects.ROW_EFFECTS, "update_profile"
    )  # through the handler, as a kind that writes
    monkeypatch.setattr(engine_module, "WRITES_OUTBOX", frozenset({"update_profile"}))
    for step, text in enumerate(["hallo", "Ria"]):
        stored = await runtime.engine.store(text_message(text, f"w{step}", address=ADDRESSES[0]))
    await runtime.engine.process_person(stored.person_id)
    keys = [row.text_key for row in await outbox_rows(runtime)]
    assert keys == ["welcome", "ask_name", "effect_row", "name_thanks", "ask_neighbourhood"]


@pytest.mark.postgres
async def test_partitions_are_shared_fairly_and_a_dead_engines_are_taken_over(runtime: Runtime) -> None:
    if runtime.db.dialect.name != "postgresql":
        pytest.skip("advisory locks are PostgreSQL's")
    other_db = create_async_engine(async_url(runtime.settings.database_url))
    first, second = Partitions(runtime.db, count=8), Partitions(other_db, count=8)
    try:
        assert await first.refresh() == frozenset(range(8))  # alone: everything
        await second.refresh()  # joins; the first still holds all, so it gets none yet
        assert second.owned == frozenset()
        assert len(await first.refresh()) == 4  # two members now: it lets half go
        assert len(await second.refresh()) == 4
        assert first.owned.isdisjoint(second.owned)
        await second.close()  # its connection ends, as when its process is killed
        # The server lets go of a closed session's locks when its backend has ended, which on a busy
        # machine may take a moment: the next refreshes take everything over.
        for _ in range(100):
            if await first.refresh() == frozenset(range(8)):
                break
            await asyncio.sleep(0.1)
        assert first.owned == frozenset(range(8))
    finally:
        await first.close()
        await second.close()
        await other_db.dispose()


async def _at_the_request_summary(runtime: Runtime, clock: FixedClock, address: str) -> int:
    """An onboarded resident whose request waits for its last "1" (send)."""
    person_id = await add_person(runtime, clock, address, "Wil", "molenwijk")
    await say(runtime, address, *ASK_BOODSCHAPPEN[:-1])
    return person_id


async def test_requests_confirmed_in_one_batch_are_made_together(runtime: Runtime, clock: FixedClock) -> None:
    """Nobody offers help: three residents send their requests in one batch, which makes them with one
    INSERT, marks them unmatched with one UPDATE, and tells each in its next round."""
    people = [await _at_the_request_summary(runtime, clock, address) for address in ADDRESSES[:3]]
    for index, address in enumerate(ADDRESSES[:3]):
        await runtime.engine.store(text_message("1", f"send{index}", address=address))
    with (
        statements_starting(runtime.db, "INSERT INTO help_requests") as inserts,
        statements_starting(runtime.db, "UPDATE help_requests") as updates,
    ):
        assert await runtime.engine.process_people(people) == 2 * len(people)
    assert (len(inserts), len(updates)) == (1, 1)
    async with runtime.sessions() as session:
        made = await session.execute(
            select(HelpRequest.person_id, HelpRequest.status).order_by(HelpRequest.id)
        )
        assert list(made) == [(person_id, "unmatched") for person_id in people]
    for person_id in people:
        keys = [row.text_key for row in await outbox_rows(runtime, OutboxMessage.person_id == person_id)]
        assert keys[-2:] == ["ask_sent", "no_match"], keys


async def test_a_request_is_there_for_the_persons_next_message_in_the_same_batch(
    runtime: Runtime, clock: FixedClock
) -> None:
    """ "1" (send) and MIJN VRAGEN arrive together: the request is made before the second step, which
    lists it (waiting for the round's end, it would say there are none)."""
    await add_person(runtime, clock, "+31699000001", "Henk", "molenwijk", offers=("boodschappen",))
    person_id = await _at_the_request_summary(runtime, clock, ADDRESSES[0])
    await runtime.engine.store(text_message("1", "send", address=ADDRESSES[0]))
    await runtime.engine.store(text_message("MIJN VRAGEN", "list", address=ADDRESSES[0]))
    assert await runtime.engine.process_people([person_id]) == 2
    keys = [row.text_key for row in await outbox_rows(runtime, OutboxMessage.person_id == person_id)]
    assert keys[-2:] == ["ask_sent", "my_requests_list"], keys
