"""The engine: stored once, handled in order, state + replies committed together, recovery after a crash."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from bot.runtime import Runtime
from flows.profile import CONSENT_VERSION
from storage.models import Consent, Identity, InboundMessage, OutboxMessage, Person
from tests.conftest import FixedClock
from tests.dbutil import count, identity, inbound_rows, outbox_rows, text_message


async def test_first_message_creates_person_and_identity_and_welcomes(runtime: Runtime) -> None:
    stored = await runtime.engine.store(text_message("hallo", "m1"))
    assert not stored.duplicate
    assert await count(runtime, Person) == 1
    assert await count(runtime, Identity) == 1
    assert await runtime.engine.process_person(stored.person_id) == 1
    rows = await outbox_rows(runtime)
    assert [row.text_key for row in rows] == ["welcome", "ask_name"]
    assert all(row.status == "pending" and row.inbound_id is not None for row in rows)
    assert (await inbound_rows(runtime))[0].processed_at is not None


async def test_duplicate_provider_id_is_stored_once_and_answered_once(runtime: Runtime) -> None:
    first = await runtime.engine.store(text_message("hallo", "m1"))
    again = await runtime.engine.store(text_message("hallo", "m1"))
    assert again.duplicate and again.person_id == first.person_id
    await runtime.engine.process_person(first.person_id)
    await runtime.engine.process_person(first.person_id)
    assert await count(runtime, InboundMessage) == 1
    assert await count(runtime, OutboxMessage) == 2


async def test_same_provider_id_on_another_channel_is_another_message(runtime: Runtime) -> None:
    await runtime.engine.store(text_message("hallo", "42", channel="simulator"))
    await runtime.engine.store(text_message("hallo", "42", channel="sms"))
    assert await count(runtime, InboundMessage) == 2


async def test_messages_of_one_person_are_handled_in_arrival_order(runtime: Runtime) -> None:
    for index, text in enumerate(["hallo", "Ria", "7391 AB", "ja", "2"]):
        stored = await runtime.engine.store(text_message(text, f"m{index}"))
    await runtime.engine.process_person(stored.person_id)
    assert [row.text_key for row in await outbox_rows(runtime)] == [
        "welcome",
        "ask_name",
        "name_thanks",
        "ask_neighbourhood",
        "neighbourhood_thanks",
        "consent_question",
        "consent_thanks",
        "menu",
        "offer_intro",
        "offer_categories",
    ]
    neighbourhood_choices = (await outbox_rows(runtime))[3].choices
    assert neighbourhood_choices[0] == ["molenwijk", "Molenwijk"]


async def test_onboarding_stores_the_profile_and_the_consent_with_its_version(runtime: Runtime) -> None:
    for index, text in enumerate(["hallo", "ria", "7391 AB", "ja"]):
        stored = await runtime.engine.store(text_message(text, f"m{index}"))
    await runtime.engine.process_person(stored.person_id)
    async with runtime.sessions() as session:
        person = await session.get(Person, stored.person_id)
        consents = list((await session.execute(select(Consent))).scalars())
    assert person is not None
    assert (person.first_name, person.neighbourhood, person.postcode4) == ("Ria", "molenwijk", "7391")
    assert [(c.person_id, c.version, c.text_key, c.withdrawn_at) for c in consents] == [
        (stored.person_id, CONSENT_VERSION, "consent_question", None)
    ]


async def test_concurrent_processing_of_one_person_handles_each_message_once(runtime: Runtime) -> None:
    for index in range(5):
        stored = await runtime.engine.store(text_message("hallo" if index == 0 else "menu", f"m{index}"))
    handled = await asyncio.gather(*(runtime.engine.process_person(stored.person_id) for _ in range(4)))
    assert sum(handled) == 5
    assert await count(runtime, OutboxMessage) == 6  # welcome + name question, then four menus


async def test_two_people_get_their_own_conversations(runtime: Runtime) -> None:
    a = await runtime.engine.store(text_message("hallo", "a1", address="+31600000001"))
    b = await runtime.engine.store(text_message("hallo", "b1", address="+31600000002"))
    a2 = await runtime.engine.store(text_message("1", "a2", address="+31600000001"))
    await asyncio.gather(
        runtime.engine.process_person(a.person_id), runtime.engine.process_person(b.person_id)
    )
    assert a.person_id != b.person_id and a2.person_id == a.person_id
    keys = [(row.person_id, row.text_key) for row in await outbox_rows(runtime)]
    assert sorted(k for k in keys if k[0] == b.person_id) == [
        (b.person_id, "ask_name"),
        (b.person_id, "welcome"),
    ]
    assert [k for _, k in keys if _ == a.person_id] == ["welcome", "ask_name", "ask_name_again"]


async def test_a_message_stored_but_never_handled_is_recovered(runtime: Runtime, clock: FixedClock) -> None:
    """A crash between the inbound commit and the flow step leaves an unprocessed row: recovery answers it."""
    await runtime.engine.store(text_message("hallo", "m1"))
    assert await runtime.engine.recover() == 0, (
        "younger than the grace period: a live task may still be on it"
    )
    clock.advance(seconds=6)
    assert await runtime.engine.recover() == 1
    assert await runtime.engine.recover() == 0
    assert [row.text_key for row in await outbox_rows(runtime)] == ["welcome", "ask_name"]


async def test_stop_marks_the_address_and_only_the_confirmation_may_pass(runtime: Runtime) -> None:
    await runtime.engine.store(text_message("hallo", "m1"))
    stored = await runtime.engine.store(text_message("STOP", "m2"))
    await runtime.engine.store(text_message("hallo?", "m3"))
    await runtime.engine.process_person(stored.person_id)
    person_identity = await identity(runtime, "simulator", "+31612345678")
    assert person_identity.stopped_at is not None and person_identity.stop_reason == "stop_keyword"
    rows = await outbox_rows(runtime)
    assert [(row.text_key, row.allow_when_stopped) for row in rows] == [
        ("welcome", False),
        ("ask_name", False),
        ("stop_confirmed", True),
    ]
    await runtime.engine.store(text_message("START", "m4"))
    await runtime.engine.process_person(stored.person_id)
    assert (await identity(runtime, "simulator", "+31612345678")).stopped_at is None
    assert (await outbox_rows(runtime))[-1].text_key == "start_confirmed"


async def test_a_failing_flow_step_gets_a_kind_error_and_is_not_retried_forever(
    runtime: Runtime, monkeypatch: object
) -> None:
    import bot.engine

    def broken(*_args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(bot.engine, "step", broken)  # type: ignore[attr-defined]
    stored = await runtime.engine.store(text_message("hallo", "m1"))
    await runtime.engine.process_person(stored.person_id)
    [message] = await inbound_rows(runtime)
    assert message.processed_at is not None and message.error == "flow_error"
    assert [row.text_key for row in await outbox_rows(runtime)] == ["error_generic"]


async def test_language_follows_the_conversation(runtime: Runtime) -> None:
    await runtime.engine.store(text_message("hallo", "m1"))
    stored = await runtime.engine.store(text_message("ENGLISH", "m2"))
    await runtime.engine.process_person(stored.person_id)
    rows = await outbox_rows(runtime)
    assert [row.text_key for row in rows][-2:] == ["language_set", "ask_name"]
    assert rows[-1].body.startswith("What may I call you?")
    async with runtime.sessions() as session:
        person = await session.get(Person, stored.person_id)
        assert person is not None and person.language == "en"


def test_nul_in_any_stored_field_becomes_the_replacement_character() -> None:
    from bot.engine import event_to_json
    from flows.types import Event

    event = Event(
        kind="choice", text="a\x00b", choice="x\x00", language_hint="n\x00l", meta={"k\x00": ["v\x00"]}
    )
    stored = event_to_json(event)
    assert "\x00" not in repr(stored)
    assert stored["choice"] == "x\ufffd" and stored["meta"] == {"k\ufffd": ["v\ufffd"]}
