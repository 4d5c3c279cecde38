"""Set-based scheduled events (issue 16, item 6): a claimed chunk's `send_text` events are enqueued and
finished with a few statements in the claim's own transaction. The per-event handler stays the oracle:
the same events give the same outbox rows either way. Every test runs on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event, select, text, update

from bot import engine as engine_module
from bot import tenants
from bot.effects import scheduling
from bot.effects.scheduling import SEND_TEXT
from bot.runtime import Runtime
from storage import schedule
from storage.inbox import identity_for
from storage.models import Identity, OutboxMessage, Person
from tests.conftest import FixedClock
from tests.test_schedule import add_event, events

TEXT = {"text_key": "info", "params": {}}  # names the service: the tenant's own name
OOST = "oost"


async def varied_people(runtime: Runtime, clock: FixedClock) -> list[int | None]:
    """People the handler treats differently: plain; English; another tenant (its own service name);
    two addresses (the one used last wins); only a stopped address (no address); and no person."""
    now = clock()
    async with runtime.sessions() as session, session.begin():
        plain = (await identity_for(session, "simulator", "+31600000001", now)).person_id
        english = (await identity_for(session, "simulator", "+31600000002", now)).person_id
        other = (await identity_for(session, "simulator", "+31600000003", now, tenant=OOST)).person_id
        two = await identity_for(session, "simulator", "+31600000004", now)
        stopped = await identity_for(session, "simulator", "+31600000005", now)
        await session.execute(update(Person).where(Person.id == english).values(language="en"))
        session.add(
            Identity(
                person_id=two.person_id,
                channel="telegram",
                address="4242",
                created_at=now,
                last_inbound_at=now,
            )
        )
        await session.execute(
            update(Identity).where(Identity.id == stopped.id).values(stopped_at=now, stop_reason="stop")
        )
    return [plain, english, other, two.person_id, stopped.person_id, None]


def registry() -> tenants.Tenants:
    return tenants.Tenants(
        {
            tenants.DEFAULT: tenants.Tenant(key=tenants.DEFAULT),
            OOST: tenants.Tenant(key=OOST, name="Buurtdeur Oost"),
        }
    )


async def outbox_view(runtime: Runtime) -> list[tuple[Any, ...]]:
    async with runtime.sessions() as session:
        rows = await session.execute(
            select(
                OutboxMessage.person_id,
                OutboxMessage.identity_id,
                OutboxMessage.channel,
                OutboxMessage.text_key,
                OutboxMessage.body,
                OutboxMessage.params,
                OutboxMessage.scheduled,
                OutboxMessage.status,
                OutboxMessage.choices,
                OutboxMessage.inbound_id,
                OutboxMessage.allow_when_stopped,
                OutboxMessage.attempts,
                OutboxMessage.needs_reconcile,
                OutboxMessage.created_at,
                OutboxMessage.next_attempt_at,
            ).order_by(OutboxMessage.id)
        )
        return [tuple(row) for row in rows]


async def finished(runtime: Runtime) -> list[tuple[str, str | None]]:
    return [(row.status, row.reason) for row in await events(runtime)]


async def one_round(runtime: Runtime, clock: FixedClock, people: list[int | None]) -> None:
    for n, who in enumerate(people):
        await add_event(runtime, clock, who, clock() - timedelta(minutes=10 - n), payload=TEXT)  # type: ignore[arg-type]
    assert await runtime.engine.run_due_events() == len(people)


async def test_set_based_send_text_gives_the_per_event_handlers_rows_and_outcomes(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = await varied_people(runtime, clock)
    with tenants.installed(registry()):
        monkeypatch.setattr(scheduling, "SET_BASED", {})
        await one_round(runtime, clock, people)
        per_event_rows, per_event_outcomes = await outbox_view(runtime), await finished(runtime)
        monkeypatch.undo()
        await one_round(runtime, clock, people)
    both_rows, both_outcomes = await outbox_view(runtime), await finished(runtime)
    assert len(per_event_rows) == 4, "no row for the stopped address or the event without a person"
    assert both_rows == per_event_rows * 2
    assert both_outcomes == per_event_outcomes * 2
    assert {reason for _status, reason in per_event_outcomes} == {"enqueued", "no_address", "no_person"}
    bodies = [row[4] for row in per_event_rows]
    assert sum("Buurtdeur Oost" in body for body in bodies) == 1, bodies
    assert sum(body.startswith("{service} puts") or " puts neighbours" in body for body in bodies) == 1
    assert per_event_rows[3][2] == "telegram", "the address used last"


async def test_a_chunk_of_set_based_events_pays_one_commit(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "SCHEDULER_CHUNK", 4)
    async with runtime.sessions() as session, session.begin():
        who = (await identity_for(session, "simulator", "+31611111111", clock())).person_id
    for n in range(10):
        await add_event(runtime, clock, who, clock() - timedelta(minutes=20 - n))
    commits = 0

    def counted(_connection: Any) -> None:
        nonlocal commits
        commits += 1

    sync_engine = runtime.engine._sessions.kw["bind"].sync_engine
    event.listen(sync_engine, "commit", counted)
    try:
        assert await runtime.engine.run_due_events(limit=7) == 7, "the tick's limit still holds"
        assert commits == 2, "a chunk of four, then one of three"
        assert await runtime.engine.run_due_events(limit=7) == 3
    finally:
        event.remove(sync_engine, "commit", counted)
    assert [status for status, _reason in await finished(runtime)] == ["done"] * 10
    assert len(await outbox_view(runtime)) == 10


async def test_a_claim_lost_inside_the_set_keeps_none_of_it_and_the_events_run_one_by_one(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One event of the chunk is moved inside the set's savepoint (its claim voided): the finish counts
    fewer rows than events, so the whole set (rows, finish and the move) is rolled back and the events
    then run one by one under the claim they still hold, each exactly once."""
    async with runtime.sessions() as session, session.begin():
        who = (await identity_for(session, "simulator", "+31622222222", clock())).person_id
    for n, key in enumerate(["a", "moved", "b"]):
        await add_event(runtime, clock, who, clock() - timedelta(minutes=5 - n), key=key)
    real = scheduling.send_texts

    async def moving(session: Any, due: list[schedule.DueEvent], now: Any) -> Any:
        outcomes = await real(session, due, now)
        await schedule.move(session, who, SEND_TEXT, now + timedelta(days=1), key="moved")
        return outcomes

    monkeypatch.setitem(scheduling.SET_BASED, SEND_TEXT, moving)
    assert await runtime.engine.run_due_events() == 3
    rows = await events(runtime)
    assert [(row.key, row.status, row.claims) for row in rows] == [
        ("a", "done", 1),
        ("moved", "done", 1),
        ("b", "done", 1),
    ]
    assert rows[1].due_at == clock() - timedelta(minutes=4), "the move was rolled back with the set"
    assert len(await outbox_view(runtime)) == 3


@pytest.mark.parametrize("failure", ["bug", "refused"])
async def test_a_set_that_fails_runs_its_events_one_by_one_exactly_once(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    """After the set's insert, a bug raises, or the database itself refuses a statement (on PostgreSQL
    through the driver connection the set's statements use, outside SQLAlchemy's view): the savepoint
    is rolled back, the transaction goes on, and the events run one by one, each exactly once."""
    async with runtime.sessions() as session, session.begin():
        who = (await identity_for(session, "simulator", "+31633333333", clock())).person_id
    for n in range(3):
        await add_event(runtime, clock, who, clock() - timedelta(minutes=5 - n))
    real = schedule.enqueue_texts

    async def then_it_breaks(session: Any, texts: list[schedule.Text], now: Any) -> None:
        await real(session, texts, now)
        if failure == "bug":
            raise RuntimeError("bug after the insert")
        if session.get_bind().dialect.name == "postgresql":
            await (await schedule._driver(session)).execute("SELECT * FROM no_such_table")
        else:
            await session.execute(text("SELECT * FROM no_such_table"))

    monkeypatch.setattr(schedule, "enqueue_texts", then_it_breaks)
    assert await runtime.engine.run_due_events() == 3
    assert [(row.status, row.claims) for row in await events(runtime)] == [("done", 1)] * 3
    assert len(await outbox_view(runtime)) == 3, "the failed set's rows were rolled back, then run once"


async def test_the_chunks_of_a_tick_look_on_from_the_last_one_and_the_next_tick_from_the_oldest(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tick's second chunk starts after its first (the finished events' index entries are not walked
    again); an event that comes due behind it meanwhile, here scheduled in the past by the first
    chunk's own transaction, is left to the next tick, which takes it first."""
    monkeypatch.setattr(engine_module, "SCHEDULER_CHUNK", 2)
    async with runtime.sessions() as session, session.begin():
        who = (await identity_for(session, "simulator", "+31644444444", clock())).person_id
    for n, key in enumerate(["a", "b", "c", "d"]):
        await add_event(runtime, clock, who, clock() - timedelta(minutes=10 - n), key=key)
    real = scheduling.send_texts
    calls = 0

    async def scheduling_one_behind(session: Any, due: list[schedule.DueEvent], now: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 1:
            schedule.schedule(
                session, SEND_TEXT, now - timedelta(hours=1), now, person_id=who, payload=TEXT, key="late"
            )
        return await real(session, due, now)

    monkeypatch.setitem(scheduling.SET_BASED, SEND_TEXT, scheduling_one_behind)
    assert await runtime.engine.run_due_events(limit=10) == 4
    assert [(row.key, row.status) for row in await events(runtime) if row.status != "done"] == [
        ("late", "pending")
    ]
    assert await runtime.engine.run_due_events(limit=10) == 1
    assert [row.status for row in await events(runtime)] == ["done"] * 5
    assert len(await outbox_view(runtime)) == 5
