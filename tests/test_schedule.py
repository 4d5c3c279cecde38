"""The scheduler: events as rows, run once (also when a lease runs out), stale ones dropped, catch-up in
batches, local time across both DST changes, quiet hours on DST nights, and what flows and staff can do
with their events. Every database test runs on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot import engine as engine_module
from bot.delivery.quiet_hours import QuietHours
from bot.delivery.sender import OutboxSender
from bot.effects import scheduling
from bot.effects.mailbox import EffectContext, Touched
from bot.effects.scheduling import SEND_TEXT, TIMER
from bot.engine import EVENT_LEASE, EVENT_RETRY_DELAY, MAX_EVENT_CLAIMS, Engine
from bot.runtime import Runtime
from storage import schedule
from storage.db import make_engine, make_sessionmaker
from storage.inbox import identity_for
from storage.models import InboundMessage, OutboxMessage, Person, ScheduledEvent
from tests.conftest import FixedClock
from tests.dbutil import count, outbox_rows
from tests.test_outbox_sender import FakeAdapter

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TEXT = {"text_key": "match_found", "params": {"name": "Ria", "category": "boodschappen", "when": "morgen"}}


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMSTERDAM)  # type: ignore[misc]


async def person(runtime: Runtime, clock: FixedClock, address: str = "+31612345678") -> int:
    async with runtime.sessions() as session, session.begin():
        return (await identity_for(session, "simulator", address, clock())).person_id


async def add_event(
    runtime: Runtime,
    clock: FixedClock,
    person_id: int,
    due_at: datetime,
    *,
    kind: str = SEND_TEXT,
    key: str | None = None,
    stale_after: datetime | None = None,
    payload: dict[str, Any] | None = None,
) -> int:
    async with runtime.sessions() as session, session.begin():
        row = schedule.schedule(
            session,
            kind,
            due_at,
            clock(),
            person_id=person_id,
            payload=TEXT if payload is None else payload,
            key=key,
            stale_after=stale_after,
        )
        await session.flush()
        return row.id


async def events(runtime: Runtime) -> list[ScheduledEvent]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(ScheduledEvent).order_by(ScheduledEvent.id))).scalars())


async def sent_texts(runtime: Runtime) -> int:
    return await count(runtime, OutboxMessage, OutboxMessage.text_key == "match_found")


# --- running due events ------------------------------------------------------------------------------------


async def test_a_due_event_runs_once_with_its_effect(runtime: Runtime, clock: FixedClock) -> None:
    who = await person(runtime, clock)
    await add_event(runtime, clock, who, clock() + timedelta(minutes=5))
    assert await runtime.engine.run_due_events() == 0
    clock.advance(minutes=5)
    assert await runtime.engine.run_due_events() == 1
    ran_at = clock()
    assert await runtime.engine.run_due_events() == 0
    clock.advance(minutes=5)
    assert await runtime.engine.run_due_events() == 0
    [row] = await outbox_rows(runtime)
    assert (row.text_key, row.scheduled) == ("match_found", True)
    assert row.body.startswith("Goed nieuws! Ria") and row.params == TEXT["params"]
    [event] = await events(runtime)
    assert (event.status, event.reason, event.done_at, event.claims) == ("done", "enqueued", ran_at, 1)


@pytest.mark.parametrize(
    ("due_local", "due_utc"),
    [
        # Spring forward (29 March 2026, 02:00 CET -> 03:00 CEST): 10:00 local is 08:00 UTC that day.
        (local(2026, 3, 29, 10, 0), datetime(2026, 3, 29, 8, 0, tzinfo=UTC)),
        (local(2026, 3, 28, 10, 0), datetime(2026, 3, 28, 9, 0, tzinfo=UTC)),
        # Fall back (25 October 2026, 03:00 CEST -> 02:00 CET): 10:00 local is 09:00 UTC that day.
        (local(2026, 10, 25, 10, 0), datetime(2026, 10, 25, 9, 0, tzinfo=UTC)),
        (local(2026, 10, 24, 10, 0), datetime(2026, 10, 24, 8, 0, tzinfo=UTC)),
    ],
)
async def test_due_time_is_the_local_instant_across_both_dst_changes(
    runtime: Runtime, clock: FixedClock, due_local: datetime, due_utc: datetime
) -> None:
    who = await person(runtime, clock)
    clock.now = due_utc - timedelta(hours=3)
    await add_event(runtime, clock, who, due_local)
    [event] = await events(runtime)
    assert event.due_at == due_utc
    clock.now = due_utc - timedelta(seconds=1)
    assert await runtime.engine.run_due_events() == 0
    clock.now = due_utc
    assert await runtime.engine.run_due_events() == 1
    assert await sent_texts(runtime) == 1


async def test_after_downtime_stale_events_are_dropped_with_a_reason_and_the_rest_caught_up_in_batches(
    runtime: Runtime, clock: FixedClock
) -> None:
    who = await person(runtime, clock)
    start = clock()
    meeting = start + timedelta(hours=3)
    # Reminders for a meeting at +3 h (stale once it has begun), and plain events, all due while "down".
    for hours in (1, 2):
        await add_event(runtime, clock, who, start + timedelta(hours=hours), key="m1", stale_after=meeting)
    for minutes in range(7):
        await add_event(runtime, clock, who, start + timedelta(hours=2, minutes=minutes))
    not_yet = await add_event(runtime, clock, who, start + timedelta(days=1), stale_after=meeting)

    clock.now = start + timedelta(hours=5)  # back up after five hours
    engine = Engine(runtime.sessions, clock=clock, scheduler_batch=3)
    assert [await engine.run_due_events() for _ in range(4)] == [3, 3, 1, 0]
    rows = {row.id: row for row in await events(runtime)}
    dropped = [row for row in rows.values() if row.status == "dropped"]
    assert [(row.key, row.reason) for row in dropped] == [("m1", "stale"), ("m1", "stale")]
    assert await sent_texts(runtime) == 7, "the stale reminders were not sent, the others were"
    # An event not yet due stays pending, even past its stale moment, until it comes due.
    assert rows[not_yet].status == "pending"


async def test_a_stale_event_claimed_before_it_went_stale_is_still_dropped(
    runtime: Runtime, clock: FixedClock
) -> None:
    who = await person(runtime, clock)
    await add_event(runtime, clock, who, clock(), stale_after=clock() + timedelta(seconds=30))
    async with runtime.sessions() as session, session.begin():
        [claimed] = await schedule.claim_due(session, clock(), limit=10, lease=EVENT_LEASE)
    clock.advance(seconds=30)
    await runtime.engine._run_claimed(claimed)
    [event] = await events(runtime)
    assert (event.status, event.reason) == ("dropped", "stale")
    assert await sent_texts(runtime) == 0


async def test_a_run_whose_lease_ran_out_and_was_taken_over_keeps_none_of_its_effects(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runner A claims the event and is slow; its lease runs out; runner B (another process: its own
    connections) claims it, runs it and finishes. A's handler then completes: its transaction must be
    rolled back, so the person gets the message once."""
    who = await person(runtime, clock)
    await add_event(runtime, clock, who, clock(), kind="slow_text")
    other_db = make_engine(runtime.settings.database_url)
    runner_b = Engine(make_sessionmaker(other_db), clock=clock)
    runs: list[str] = []
    real = engine_module.SCHEDULED_HANDLERS[SEND_TEXT]

    async def slow_text(session: Any, event: schedule.DueEvent, now: datetime, touched: Touched) -> str:
        if not runs:
            runs.append("A")
            clock.advance(seconds=EVENT_LEASE.total_seconds() + 1)  # A stalls past its lease...
            assert await runner_b.run_due_events() == 1  # ...and B takes the event over
        else:
            runs.append("B")
        return await real(session, event, now, touched)

    monkeypatch.setitem(engine_module.SCHEDULED_HANDLERS, "slow_text", slow_text)
    try:
        assert await runtime.engine.run_due_events() == 1
    finally:
        await other_db.dispose()
    assert runs == ["A", "B"]
    assert await sent_texts(runtime) == 1, "A's effects were rolled back"
    [event] = await events(runtime)
    assert (event.status, event.claims) == ("done", 2)


async def test_a_failing_handler_leaves_nothing_is_retried_later_and_given_up_with_a_reason(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    who = await person(runtime, clock)
    await add_event(runtime, clock, who, clock(), kind="broken")
    calls = 0
    real = engine_module.SCHEDULED_HANDLERS[SEND_TEXT]

    async def broken(session: Any, event: schedule.DueEvent, now: datetime, touched: Touched) -> str:
        nonlocal calls
        calls += 1
        await real(session, event, now, touched)  # an effect, then the failure: nothing may remain
        raise RuntimeError("bug")

    monkeypatch.setitem(engine_module.SCHEDULED_HANDLERS, "broken", broken)
    assert await runtime.engine.run_due_events() == 1
    assert await runtime.engine.run_due_events() == 0, "not retried at once"
    [event] = await events(runtime)
    assert event.status == "pending" and event.claimed_until == clock() + EVENT_RETRY_DELAY
    for _ in range(MAX_EVENT_CLAIMS + 2):
        clock.advance(seconds=EVENT_RETRY_DELAY.total_seconds() + 1)
        await runtime.engine.run_due_events()
    assert calls == MAX_EVENT_CLAIMS
    [event] = await events(runtime)
    assert (event.status, event.reason) == ("failed", "handler_error")
    assert await sent_texts(runtime) == 0


async def test_an_unknown_kind_is_finished_as_failed(runtime: Runtime, clock: FixedClock) -> None:
    who = await person(runtime, clock)
    await add_event(runtime, clock, who, clock(), kind="no_such_kind")
    assert await runtime.engine.run_due_events() == 1
    [event] = await events(runtime)
    assert (event.status, event.reason) == ("failed", "unknown_kind")


async def test_a_timer_posts_an_internal_event_into_the_persons_mailbox_once(
    runtime: Runtime, clock: FixedClock
) -> None:
    who = await person(runtime, clock)
    payload = {"name": "checkin_due", "data": {"rhythm": "weekly"}}
    event_id = await add_event(runtime, clock, who, clock(), kind=TIMER, key="care", payload=payload)
    touched: list[int] = []
    engine = Engine(runtime.sessions, clock=clock, on_touched=touched.append)
    assert await engine.run_due_events() == 1
    assert touched == [who]
    async with runtime.sessions() as session:
        [inbound] = (await session.execute(select(InboundMessage))).scalars()
    assert (inbound.person_id, inbound.channel, inbound.provider_id) == (who, "internal", f"timer:{event_id}")
    assert inbound.event == {
        "kind": "internal",
        "command": "checkin_due",
        "meta": {"rhythm": "weekly", "event_id": event_id, "key": "care"},
    }


# --- what flows and staff can do ---------------------------------------------------------------------------


async def test_flows_cancel_and_move_their_own_events_by_kind_and_key(
    runtime: Runtime, clock: FixedClock
) -> None:
    ria, henk = await person(runtime, clock, "+31600000001"), await person(runtime, clock, "+31600000002")
    soon = clock() + timedelta(hours=1)
    for who in (ria, henk):
        await add_event(runtime, clock, who, soon, kind="meet_reminder", key="m1")
        await add_event(runtime, clock, who, soon, kind="meet_reminder", key="m2")
        await add_event(runtime, clock, who, soon, kind="checkin", key="care")
    later = clock() + timedelta(days=2)
    async with runtime.sessions() as session, session.begin():
        moved = await schedule.move(session, ria, "meet_reminder", later, key="m2", stale_after=later)
        cancelled = await schedule.cancel_for_person(
            session, ria, "meet_reminder", key="m1", reason="meeting_cancelled", now=clock()
        )
        nothing = await schedule.cancel_for_person(
            session, ria, "meet_reminder", key="m9", reason="x", now=clock()
        )
    assert (moved, cancelled, nothing) == (1, 1, 0)
    async with runtime.sessions() as session:
        mine = await schedule.pending_for_person(session, ria)
        henks = await schedule.pending_for_person(session, henk, "meet_reminder")
        gone = await schedule.for_staff(session, person_id=ria, statuses=("cancelled",))
    assert [(e.kind, e.key, e.due_at, e.stale_after) for e in mine] == [
        ("checkin", "care", soon, None),
        ("meet_reminder", "m2", later, later),
    ]
    assert [(e.key, e.due_at) for e in henks] == [("m1", soon), ("m2", soon)], (
        "another person's are untouched"
    )
    assert [(e.key, e.reason) for e in gone] == [("m1", "meeting_cancelled")]
    async with runtime.sessions() as session, session.begin():
        assert await schedule.cancel_for_person(session, ria, reason="erased", now=clock()) == 2
        assert await schedule.pending_for_person(session, ria) == []


async def test_an_event_moved_while_claimed_does_not_run_at_its_old_time(
    runtime: Runtime, clock: FixedClock
) -> None:
    who = await person(runtime, clock)
    await add_event(runtime, clock, who, clock(), kind=SEND_TEXT, key="m1")
    async with runtime.sessions() as session, session.begin():
        [claimed] = await schedule.claim_due(session, clock(), limit=10, lease=EVENT_LEASE)
    async with runtime.sessions() as session, session.begin():
        await schedule.move(session, who, SEND_TEXT, clock() + timedelta(hours=1), key="m1")
    await runtime.engine._run_claimed(claimed)
    assert await sent_texts(runtime) == 0
    clock.advance(hours=1)
    assert await runtime.engine.run_due_events() == 1
    assert await sent_texts(runtime) == 1


async def test_the_effects_flows_use_to_schedule_cancel_and_move(runtime: Runtime, clock: FixedClock) -> None:
    who = await person(runtime, clock)
    at = local(2026, 11, 24, 10, 0)

    async def apply(kind: str, data: dict[str, Any]) -> None:
        async with runtime.sessions() as session, session.begin():
            someone = await session.get(Person, who)
            assert someone is not None
            ctx = EffectContext(session, someone, None, clock(), Touched())
            await engine_module.EFFECT_HANDLERS[kind](ctx, data)

    step: Callable[[str, dict[str, Any]], Awaitable[None]] = apply
    await step("schedule_event", {"kind": TIMER, "at": at.isoformat(), "key": "k", "payload": {"name": "n"}})
    await step("schedule_event", {"kind": TIMER, "at": at.isoformat(), "key": "k", "replace": True})
    await step("move_scheduled", {"kind": TIMER, "key": "k", "at": (at + timedelta(hours=1)).isoformat()})
    rows = await events(runtime)
    assert [(r.status, r.reason) for r in rows] == [("cancelled", "replaced"), ("pending", None)]
    assert rows[1].due_at == at + timedelta(hours=1) and rows[1].person_id == who
    await step("cancel_scheduled", {"kind": TIMER, "key": "k", "reason": "done_talking"})
    assert [(r.status, r.reason) for r in await events(runtime)] == [
        ("cancelled", "replaced"),
        ("cancelled", "done_talking"),
    ]
    with pytest.raises(ValueError, match="offset"):
        await step("schedule_event", {"kind": TIMER, "at": "2026-11-24T10:00:00"})


# --- quiet hours on DST nights -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "end"),
    [
        # The default window on both DST nights: it ends at 09:00 local, whatever the offset that morning.
        (local(2026, 3, 28, 22, 0), datetime(2026, 3, 29, 7, 0, tzinfo=UTC)),
        (local(2026, 3, 29, 1, 59), datetime(2026, 3, 29, 7, 0, tzinfo=UTC)),
        (local(2026, 3, 29, 3, 0), datetime(2026, 3, 29, 7, 0, tzinfo=UTC)),
        (local(2026, 10, 24, 22, 0), datetime(2026, 10, 25, 8, 0, tzinfo=UTC)),
        (datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 8, 0, tzinfo=UTC)),  # 02:30 CEST
        (datetime(2026, 10, 25, 1, 30, tzinfo=UTC), datetime(2026, 10, 25, 8, 0, tzinfo=UTC)),  # 02:30 CET
    ],
)
def test_quiet_hours_end_at_nine_local_on_both_dst_nights(moment: datetime, end: datetime) -> None:
    quiet = QuietHours(time(21, 0), time(9, 0), AMSTERDAM)
    assert quiet.contains(moment)
    assert quiet.end_after(moment) == end


def test_a_window_ending_at_a_time_skipped_in_march_ends_at_the_jump() -> None:
    """21:00-02:30: on 29 March the clock jumps from 02:00 to 03:00, so 02:30 never comes. The window
    ends at the jump (01:00 UTC), when the clock passes 02:30; not an hour later."""
    quiet = QuietHours(time(21, 0), time(2, 30), AMSTERDAM)
    end = quiet.end_after(local(2026, 3, 28, 23, 0))
    assert end == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert not quiet.contains(end) and quiet.contains(end - timedelta(seconds=1))


def test_a_window_ending_at_a_time_that_comes_twice_in_october_ends_each_time_it_comes() -> None:
    """21:00-02:30: on 25 October 02:30 comes twice. The first ends the window; the repeated 02:00-02:30
    is inside it again and ends at the second 02:30. Never an end in the past (which would make a
    deferred message come due at once, again and again)."""
    quiet = QuietHours(time(21, 0), time(2, 30), AMSTERDAM)
    assert quiet.end_after(datetime(2026, 10, 25, 0, 10, tzinfo=UTC)) == datetime(
        2026, 10, 25, 0, 30, tzinfo=UTC
    )
    assert quiet.end_after(datetime(2026, 10, 25, 1, 10, tzinfo=UTC)) == datetime(
        2026, 10, 25, 1, 30, tzinfo=UTC
    )


WINDOWS = [
    (time(21, 0), time(9, 0)),
    (time(21, 0), time(2, 30)),
    (time(1, 30), time(2, 30)),
    (time(2, 15), time(3, 0)),
]


@settings(max_examples=300, deadline=None)
@given(
    window=st.sampled_from(WINDOWS),
    moment=st.datetimes(
        min_value=datetime(2026, 3, 27), max_value=datetime(2026, 3, 31), timezones=st.just(UTC)
    )
    | st.datetimes(
        min_value=datetime(2026, 10, 23), max_value=datetime(2026, 10, 27), timezones=st.just(UTC)
    ),
)
def test_end_after_is_the_first_instant_the_window_is_over(
    window: tuple[time, time], moment: datetime
) -> None:
    quiet = QuietHours(window[0], window[1], AMSTERDAM)
    moment = moment.replace(microsecond=0)
    end = quiet.end_after(moment)
    if not quiet.contains(moment):
        assert end == moment
        return
    assert end > moment and not quiet.contains(end)
    assert quiet.contains(end - timedelta(seconds=1)), "the window was already over earlier"


async def test_a_scheduled_message_due_in_quiet_hours_on_the_dst_morning_waits_until_nine_local(
    runtime: Runtime,
) -> None:
    clock = FixedClock(local(2026, 3, 29, 8, 30).astimezone(UTC))  # 06:30 UTC, an hour after the jump
    runtime.engine = Engine(runtime.sessions, clock=clock)
    who = await person(runtime, clock)
    await add_event(runtime, clock, who, clock())
    assert await runtime.engine.run_due_events() == 1
    adapter = FakeAdapter()
    quiet = QuietHours(time(21, 0), time(9, 0), AMSTERDAM)
    sender = OutboxSender(runtime.sessions, {"simulator": adapter}, clock=clock, quiet_hours=quiet)
    # A reply to someone who just wrote is not held.
    async with runtime.sessions() as session, session.begin():
        who_identity = await identity_for(session, "simulator", "+31612345678", clock())
        session.add(
            OutboxMessage(
                person_id=who,
                identity_id=who_identity.id,
                channel="simulator",
                text_key="menu",
                body="antwoord",
                choices=[],
                scheduled=False,
                status="pending",
                attempts=0,
                created_at=clock(),
                next_attempt_at=clock(),
            )
        )
    await sender.send_due()
    await sender.send_due()
    assert [m.text for m in adapter.sent] == ["antwoord"]
    [reminder] = await outbox_rows(runtime, OutboxMessage.text_key == "match_found")
    assert reminder.next_attempt_at == datetime(2026, 3, 29, 7, 0, tzinfo=UTC)  # 09:00 CEST
    clock.now = datetime(2026, 3, 29, 6, 59, 59, tzinfo=UTC)
    await sender.send_due()
    assert len(adapter.sent) == 1
    clock.now = datetime(2026, 3, 29, 7, 0, tzinfo=UTC)
    await sender.send_due()
    assert [m.text for m in adapter.sent][1].startswith("Goed nieuws! Ria")


async def test_staff_see_pending_and_dropped_events_without_message_text(
    runtime: Runtime, clock: FixedClock
) -> None:
    who = await person(runtime, clock)
    await add_event(runtime, clock, who, clock() + timedelta(hours=2), kind="meet_reminder", key="m1")
    await add_event(
        runtime, clock, who, clock() + timedelta(hours=1), stale_after=clock() + timedelta(minutes=1)
    )
    clock.advance(hours=1)
    await runtime.engine.run_due_events()
    async with runtime.sessions() as session:
        pending = await schedule.for_staff(session)
        reminders = await schedule.for_staff(session, kind="meet_reminder")
        dropped = await schedule.for_staff(session, statuses=("dropped", "failed"))
    assert [(e.kind, e.key, e.status) for e in pending] == [("meet_reminder", "m1", "pending")]
    assert reminders == pending
    assert [(e.kind, e.status, e.reason, e.person_id) for e in dropped] == [
        (SEND_TEXT, "dropped", "stale", who)
    ]
    assert not hasattr(dropped[0], "payload")


# --- groups: many events, one transaction, a savepoint each ---------------------------------------------


async def test_a_group_keeps_each_events_effects_with_its_own_finish(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five claimed events run in one transaction: two plain ones are done and sent once; a failing
    handler leaves nothing and is released for a retry; one cancelled after the claim is skipped; one
    whose claim is voided while its handler runs keeps none of its effects. Nothing of one leaks into
    another."""
    who = await person(runtime, clock)
    real = engine_module.SCHEDULED_HANDLERS[SEND_TEXT]

    async def broken(session: Any, event: schedule.DueEvent, now: datetime, touched: Touched) -> str:
        await real(session, event, now, touched)
        raise RuntimeError("bug")

    async def voided(session: Any, event: schedule.DueEvent, now: datetime, touched: Touched) -> str:
        await real(session, event, now, touched)
        # A flow moves this very event while its handler runs: the claim the runner holds is void.
        await schedule.move(session, who, "voided", now + timedelta(days=1))
        return "sent"

    monkeypatch.setitem(engine_module.SCHEDULED_HANDLERS, "broken", broken)
    monkeypatch.setitem(engine_module.SCHEDULED_HANDLERS, "voided", voided)
    start = clock()
    ids = [
        await add_event(runtime, clock, who, start - timedelta(minutes=5 - n), kind=kind, key=key)
        for n, (kind, key) in enumerate(
            [(SEND_TEXT, None), ("broken", None), (SEND_TEXT, "gone"), ("voided", None), (SEND_TEXT, None)]
        )
    ]
    async with runtime.sessions() as session, session.begin():
        claimed = await schedule.claim_due(session, clock(), limit=10, lease=EVENT_LEASE)
    assert [event.id for event in claimed] == ids
    async with runtime.sessions() as session, session.begin():
        await schedule.cancel_for_person(session, who, SEND_TEXT, key="gone", reason="test", now=clock())

    await runtime.engine._run_group(claimed)

    rows = {row.id: row for row in await events(runtime)}
    plain, failing, cancelled, void, last = (rows[i] for i in ids)
    assert (plain.status, last.status) == ("done", "done")
    assert (failing.status, failing.claimed_until) == ("pending", clock() + EVENT_RETRY_DELAY)
    assert cancelled.status == "cancelled"
    assert (void.status, void.claims, void.due_at) == ("pending", 1, start - timedelta(minutes=2)), (
        "the move inside the rolled-back savepoint went with it"
    )
    assert await sent_texts(runtime) == 2


async def test_a_group_whose_transaction_fails_runs_its_events_one_by_one_exactly_once(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scheduling, "SET_BASED", {})  # send_text through the group path
    who = await person(runtime, clock)
    for n in range(3):
        await add_event(runtime, clock, who, clock() - timedelta(minutes=3 - n))
    real = Engine._run_in_savepoint
    calls = 0

    async def then_the_connection_breaks(self: Engine, *args: Any) -> bool:
        nonlocal calls
        calls += 1
        kept = await real(self, *args)
        if calls == 2:
            raise OSError("connection lost")  # the group's transaction is rolled back as a whole
        return kept

    monkeypatch.setattr(Engine, "_run_in_savepoint", then_the_connection_breaks)
    assert await runtime.engine.run_due_events() == 3
    assert calls == 2
    assert [row.status for row in await events(runtime)] == ["done"] * 3
    assert await sent_texts(runtime) == 3, "the two run in the failed group were not kept, then ran again"
