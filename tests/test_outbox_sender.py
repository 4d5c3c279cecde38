"""The outbox sender: retries, backoff, unknown outcomes, opt-outs, quiet hours, order, no double send."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot import metrics
from bot.channels.base import OutboundMessage, SendResult
from bot.delivery.quiet_hours import QuietHours
from bot.delivery.sender import MAX_ATTEMPTS, OutboxSender, backoff
from bot.runtime import Runtime
from flows.types import Channel
from storage import outbox
from storage.db import make_engine, make_sessionmaker
from storage.inbox import identity_for
from storage.models import Identity
from tests.conftest import FixedClock
from tests.dbutil import identity, outbox_rows, sqlite_statements


class FakeAdapter:
    """Answers sends from a script (then "sent"), and records every call."""

    channels: tuple[Channel, ...] = ("simulator",)

    def __init__(self, *script: SendResult) -> None:
        self.script = list(script)
        self.sent: list[OutboundMessage] = []

    async def send(self, message: OutboundMessage) -> SendResult:
        self.sent.append(message)
        await asyncio.sleep(0)
        if self.script:
            return self.script.pop(0)
        return SendResult("sent", provider_id=f"P{message.outbox_id}")

    async def aclose(self) -> None:
        return None


class ConfirmingAdapter(FakeAdapter):
    """Like Twilio with a status callback URL: an accepted send is confirmed by a callback naming the row."""

    confirms_by_callback = True


async def callback(runtime: Runtime, clock: FixedClock, row_id: int, sid: str) -> None:
    """What the status callback webhook does with `?o=<row id>` (bot/runtime.py record_delivery)."""
    async with runtime.sessions() as session, session.begin():
        await outbox.confirm_by_callback(session, row_id, sid, clock())


def resent_count(channel: str = "simulator") -> float:
    value = metrics.REGISTRY.get_sample_value("voordeur_resent_after_unknown_total", {"channel": channel})
    return value or 0.0


async def enqueue(
    runtime: Runtime,
    clock: FixedClock,
    body: str = "hoi",
    *,
    address: str = "+31612345678",
    scheduled: bool = False,
    allow_when_stopped: bool = False,
) -> int:
    async with runtime.sessions() as session, session.begin():
        who = await identity_for(session, "simulator", address, clock())
        fields = row_fields(who, body, clock(), scheduled=scheduled, allow_when_stopped=allow_when_stopped)
        row = outbox.enqueue(session, **fields)
        await session.flush()
        return row.id


def row_fields(who: Identity, body: str, now: datetime, **more: Any) -> dict[str, Any]:
    """A simulator row's fields for `outbox.enqueue` / `outbox.row` (text key `menu`, one choice)."""
    return {
        "person_id": who.person_id,
        "identity_id": who.id,
        "channel": "simulator",
        "text_key": "menu",
        "body": body,
        "choices": [["ask", "Hulp vragen"]],
        "now": now,
        **more,
    }


def sender_for(
    runtime: Runtime, adapter: FakeAdapter, clock: FixedClock, quiet: QuietHours | None = None
) -> OutboxSender:
    return OutboxSender(runtime.sessions, {"simulator": adapter}, clock=clock, quiet_hours=quiet)


async def test_a_due_row_is_sent_once_with_its_choices(runtime: Runtime, clock: FixedClock) -> None:
    adapter = FakeAdapter()
    sender = sender_for(runtime, adapter, clock)
    row_id = await enqueue(runtime, clock)
    assert await sender.send_due() == 1
    assert await sender.send_due() == 0
    assert [(m.outbox_id, m.text, m.choices) for m in adapter.sent] == [
        (row_id, "hoi", (("ask", "Hulp vragen"),))
    ]
    [row] = await outbox_rows(runtime)
    assert (row.status, row.provider_id, row.attempts, row.sent_at) == ("sent", f"P{row_id}", 1, clock())


async def test_429_then_success_delivers_exactly_once_after_retry_after(
    runtime: Runtime, clock: FixedClock
) -> None:
    adapter = FakeAdapter(SendResult("retry", retry_after=7, error="twilio:429"))
    sender = sender_for(runtime, adapter, clock)
    await enqueue(runtime, clock)
    await sender.send_due()
    [row] = await outbox_rows(runtime)
    assert row.status == "pending" and row.next_attempt_at == clock() + timedelta(seconds=7)
    clock.advance(seconds=6)
    assert await sender.send_due() == 0, "Retry-After is honoured"
    clock.advance(seconds=1)
    assert await sender.send_due() == 1
    assert len(adapter.sent) == 2
    assert [row.status for row in await outbox_rows(runtime)] == ["sent"]


def test_backoff_grows_exponentially_with_a_cap() -> None:
    assert [backoff(n, None) for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert backoff(30, None) == 300
    assert backoff(1, 20) == 20


async def test_retries_stop_after_the_maximum_with_a_reason(runtime: Runtime, clock: FixedClock) -> None:
    adapter = FakeAdapter(*[SendResult("retry") for _ in range(MAX_ATTEMPTS)])
    sender = sender_for(runtime, adapter, clock)
    await enqueue(runtime, clock)
    for _ in range(MAX_ATTEMPTS):
        clock.advance(seconds=400)
        await sender.send_due()
    [row] = await outbox_rows(runtime)
    assert (row.status, row.error, row.attempts) == ("failed", "gave_up", MAX_ATTEMPTS)


async def test_opt_out_failure_stops_the_address_and_later_rows_are_cancelled(
    runtime: Runtime, clock: FixedClock
) -> None:
    adapter = FakeAdapter(SendResult("failed", error="twilio:21610", address_stopped=True))
    sender = sender_for(runtime, adapter, clock)
    await enqueue(runtime, clock, "een")
    await enqueue(runtime, clock, "twee")
    await sender.send_due()
    await sender.send_due()
    rows = await outbox_rows(runtime)
    assert [(row.status, row.error) for row in rows] == [
        ("failed", "twilio:21610"),
        ("cancelled", "address_stopped"),
    ]
    assert len(adapter.sent) == 1
    assert (await identity(runtime, "simulator", "+31612345678")).stop_reason == "twilio:21610"


async def test_stop_confirmation_passes_a_stopped_address(runtime: Runtime, clock: FixedClock) -> None:
    adapter = FakeAdapter(SendResult("failed", error="x", address_stopped=True))
    sender = sender_for(runtime, adapter, clock)
    await enqueue(runtime, clock, "eerst")
    await sender.send_due()
    await enqueue(runtime, clock, "bevestiging", allow_when_stopped=True)
    await sender.send_due()
    assert [m.text for m in adapter.sent] == ["eerst", "bevestiging"]


async def test_unknown_outcome_confirmed_by_a_callback_naming_the_row_is_not_resent(
    runtime: Runtime, clock: FixedClock
) -> None:
    adapter = ConfirmingAdapter(SendResult("unknown", error="twilio:read_timeout"))
    sender = sender_for(runtime, adapter, clock)
    row_id = await enqueue(runtime, clock)
    await sender.send_due()
    [row] = await outbox_rows(runtime)
    assert row.status == "unknown" and row.needs_reconcile
    await callback(runtime, clock, row_id, "SMfound")
    clock.advance(seconds=31)
    assert await sender.send_due() == 0, "the callback settled it"
    [row] = await outbox_rows(runtime)
    assert (row.status, row.provider_id, row.needs_reconcile) == ("sent", "SMfound", False)
    assert len(adapter.sent) == 1


async def test_unknown_outcome_without_confirmation_is_resent_after_the_settle_delay(
    runtime: Runtime, clock: FixedClock
) -> None:
    adapter = ConfirmingAdapter(SendResult("unknown"))
    sender = sender_for(runtime, adapter, clock)
    await enqueue(runtime, clock)
    await sender.send_due()
    before = resent_count()
    clock.advance(seconds=29)
    assert await sender.send_due() == 0, "a callback may still come"
    clock.advance(seconds=2)
    assert await sender.send_due() == 1
    assert len(adapter.sent) == 2
    assert [(row.status, row.needs_reconcile) for row in await outbox_rows(runtime)] == [("sent", False)]
    assert resent_count() == before + 1


async def test_an_identical_earlier_message_does_not_settle_an_unknown_one(
    runtime: Runtime, clock: FixedClock
) -> None:
    """The key is the row's id, never its text: yesterday's identical check-in is not today's."""
    adapter = ConfirmingAdapter(SendResult("sent", provider_id="SMyesterday"), SendResult("unknown"))
    sender = sender_for(runtime, adapter, clock)
    await enqueue(runtime, clock, "Hoe gaat het?")
    await sender.send_due()
    await enqueue(runtime, clock, "Hoe gaat het?")
    await sender.send_due()
    clock.advance(seconds=31)
    await sender.send_due()
    assert [m.text for m in adapter.sent] == ["Hoe gaat het?"] * 3
    assert [(r.status, r.provider_id) for r in await outbox_rows(runtime)] == [
        ("sent", "SMyesterday"),
        ("sent", f"P{adapter.sent[-1].outbox_id}"),
    ]


async def test_unknown_outcome_without_a_way_to_confirm_is_sent_once_more_and_counted(
    runtime: Runtime, clock: FixedClock
) -> None:
    """Telegram: no look-up, no idempotency key. A rare duplicate is kinder than a lost reply."""
    adapter = FakeAdapter(SendResult("unknown"))
    sender = sender_for(runtime, adapter, clock)
    await enqueue(runtime, clock)
    await sender.send_due()
    before = resent_count()
    clock.advance(seconds=31)
    await sender.send_due()
    assert len(adapter.sent) == 2
    [row] = await outbox_rows(runtime)
    assert (row.status, row.error) == ("sent", None)
    assert resent_count() == before + 1


async def test_a_retry_after_a_resend_is_not_counted_as_another_resend(
    runtime: Runtime, clock: FixedClock
) -> None:
    adapter = FakeAdapter(SendResult("unknown"), SendResult("retry", retry_after=1))
    sender = sender_for(runtime, adapter, clock)
    await enqueue(runtime, clock)
    await sender.send_due()
    before = resent_count()
    clock.advance(seconds=31)
    await sender.send_due()
    clock.advance(seconds=2)
    await sender.send_due()
    assert len(adapter.sent) == 3
    assert resent_count() == before + 1
    assert [row.status for row in await outbox_rows(runtime)] == ["sent"]


@pytest.mark.parametrize("confirmed", [True, False], ids=["callback came", "no callback"])
async def test_an_expired_claim_is_settled_by_its_callback_else_sent_again(
    runtime: Runtime, clock: FixedClock, confirmed: bool
) -> None:
    """A sender that died mid-send (kill -9) leaves a claim. The callback for it may come while the row
    is still `sending`; after the lease the row is sent if confirmed, else sent again (not dropped)."""
    row_id = await enqueue(runtime, clock)
    async with runtime.sessions() as session, session.begin():
        claimed = await outbox.claim_due(
            session, clock(), limit=10, lease=timedelta(seconds=120), channels=("simulator",)
        )
    assert len(claimed) == 1
    if confirmed:
        await callback(runtime, clock, row_id, "SMgot")
    adapter = ConfirmingAdapter()
    sender = sender_for(runtime, adapter, clock)
    assert await sender.send_due() == 0, "the claim still holds"
    clock.advance(seconds=121)
    assert await sender.send_due() == 1
    [row] = await outbox_rows(runtime)
    if confirmed:
        assert adapter.sent == []
        assert (row.status, row.provider_id) == ("sent", "SMgot")
    else:
        assert [m.outbox_id for m in adapter.sent] == [row_id]
        assert (row.status, row.provider_id) == ("sent", f"P{row_id}")


async def test_one_address_gets_its_messages_in_order_even_across_retries(
    runtime: Runtime, clock: FixedClock
) -> None:
    adapter = FakeAdapter(SendResult("retry", retry_after=5))
    sender = sender_for(runtime, adapter, clock)
    for body in ("een", "twee", "drie"):
        await enqueue(runtime, clock, body)
    await enqueue(runtime, clock, "ander", address="+31600000009")
    for _ in range(6):
        await sender.send_due()
    clock.advance(seconds=5)
    for _ in range(6):
        await sender.send_due()
    own = [m.text for m in adapter.sent if m.address == "+31612345678"]
    assert own == ["een", "een", "twee", "drie"]
    assert "ander" in [m.text for m in adapter.sent[:2]], "another address is not held up"


async def test_scheduled_messages_wait_for_the_end_of_quiet_hours_but_replies_do_not(
    runtime: Runtime,
) -> None:
    amsterdam = ZoneInfo("Europe/Amsterdam")
    clock = FixedClock(datetime(2026, 11, 23, 22, 30, tzinfo=amsterdam).astimezone(UTC))
    quiet = QuietHours(time(21, 0), time(9, 0), amsterdam)
    adapter = FakeAdapter()
    sender = sender_for(runtime, adapter, clock, quiet)
    await enqueue(runtime, clock, "herinnering", scheduled=True)
    await enqueue(runtime, clock, "antwoord")
    await sender.send_due()
    await sender.send_due()
    assert [m.text for m in adapter.sent] == ["antwoord"]
    [reminder] = [row for row in await outbox_rows(runtime) if row.body == "herinnering"]
    assert reminder.next_attempt_at == datetime(2026, 11, 24, 9, 0, tzinfo=amsterdam)
    assert reminder.attempts == 0
    clock.now = datetime(2026, 11, 24, 9, 0, tzinfo=amsterdam).astimezone(UTC)
    await sender.send_due()
    assert [m.text for m in adapter.sent] == ["antwoord", "herinnering"]


async def test_graceful_release_puts_claims_back(runtime: Runtime, clock: FixedClock) -> None:
    await enqueue(runtime, clock)
    async with runtime.sessions() as session, session.begin():
        [claimed] = await outbox.claim_due(
            session, clock(), limit=10, lease=timedelta(seconds=120), channels=("simulator",)
        )
        await outbox.release(session, [claimed.id])
    [row] = await outbox_rows(runtime)
    assert (row.status, row.attempts, row.needs_reconcile) == ("pending", 0, False)


async def test_two_senders_with_their_own_connections_never_send_a_row_twice(
    runtime: Runtime, clock: FixedClock, database_url: str
) -> None:
    """As two worker processes would: separate engines on one database drain 300 rows concurrently."""
    for index in range(300):
        await enqueue(runtime, clock, f"bericht {index}", address=f"+316{index % 60:08d}")
    adapters = [FakeAdapter(), FakeAdapter()]
    engines = [make_engine(database_url) for _ in adapters]
    senders = [
        OutboxSender(make_sessionmaker(engine), {"simulator": adapter}, clock=clock, batch_size=20)
        for engine, adapter in zip(engines, adapters, strict=True)
    ]

    async def drain(sender: OutboxSender) -> None:
        for _ in range(200):
            if await sender.send_due() == 0 and all(
                row.status == "sent" for row in await outbox_rows(runtime)
            ):
                return

    try:
        await asyncio.gather(*(drain(sender) for sender in senders))
    finally:
        for engine in engines:
            await engine.dispose()
    sends = Counter(m.outbox_id for adapter in adapters for m in adapter.sent)
    assert len(sends) == 300 and max(sends.values()) == 1
    assert all(row.status == "sent" for row in await outbox_rows(runtime))
    if database_url.startswith("postgresql"):
        assert all(adapter.sent for adapter in adapters), "both workers took a share"


@pytest.mark.parametrize(
    ("local", "inside"),
    [("20:59", False), ("21:00", True), ("23:59", True), ("00:00", True), ("08:59", True), ("09:00", False)],
)
def test_quiet_hours_window_across_midnight(local: str, inside: bool) -> None:
    zone = ZoneInfo("Europe/Amsterdam")
    quiet = QuietHours(time(21, 0), time(9, 0), zone)
    moment = datetime.combine(datetime(2026, 3, 29).date(), time.fromisoformat(local), tzinfo=zone)
    assert quiet.contains(moment) is inside


class HangingAdapter(FakeAdapter):
    """A provider that never answers: the request has left, its outcome is unknown."""

    async def send(self, message: OutboundMessage) -> SendResult:
        self.sent.append(message)
        await asyncio.Event().wait()
        raise AssertionError("unreachable")


async def test_shutdown_mid_send_marks_started_sends_unknown_and_frees_the_rest(
    runtime: Runtime, clock: FixedClock
) -> None:
    adapter = HangingAdapter()
    sender = OutboxSender(runtime.sessions, {"simulator": adapter}, clock=clock, concurrency=1)
    for index in range(3):
        await enqueue(runtime, clock, f"bericht {index}", address=f"+3161000000{index}")
    round_task = asyncio.create_task(sender.send_due())
    while not adapter.sent:
        await asyncio.sleep(0.01)
    round_task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await round_task
    await sender.release_in_flight()
    rows = await outbox_rows(runtime)
    started = [row for row in rows if row.id == adapter.sent[0].outbox_id]
    waiting = [row for row in rows if row.id != adapter.sent[0].outbox_id]
    assert [(r.status, r.needs_reconcile) for r in started] == [("unknown", True)]
    assert [(r.status, r.needs_reconcile, r.attempts) for r in waiting] == [("pending", False, 0)] * 2


async def test_outcomes_finishing_together_are_written_with_one_statement_per_shape(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """storage.outbox.finish_committed: 12 sends of one round, three kinds of outcome, each row its own
    outcome; the UPDATEs are one statement per shape of outcome and batch, not one per row: an executemany on
    SQLite (storage.bulk, on the driver's cursor: counted there, as every SQLite statement), an UPDATE
    of arrays on PostgreSQL (on psycopg's cursor, counted there; SQLAlchemy's own, by its event)."""
    import psycopg
    from sqlalchemy import event

    script = [SendResult("retry", retry_after=5), SendResult("unknown"), SendResult("sent", provider_id="X")]
    adapter = FakeAdapter(*(script * 4))
    sender = sender_for(runtime, adapter, clock)
    ids = [await enqueue(runtime, clock, f"m{i}", address=f"+3161234{i:04d}") for i in range(12)]
    on_sqlite = runtime.db.dialect.name == "sqlite"
    updates: list[int] = sqlite_statements(monkeypatch, "UPDATE outbox") if on_sqlite else []

    def count(
        conn: object, cursor: object, statement: str, parameters: object, context: object, many: bool
    ) -> None:
        if not on_sqlite and statement.lstrip().upper().startswith("UPDATE OUTBOX"):
            updates.append(len(parameters) if many else 1)  # type: ignore[arg-type]

    driver_execute = psycopg.AsyncCursor.execute

    async def counted(cursor: Any, query: Any, params: Any = None, **kwargs: Any) -> Any:
        if str(query).startswith("UPDATE outbox") and "unnest" in str(query):
            updates.append(len(params[0]))  # the rows: the keys' array
        return await driver_execute(cursor, query, params, **kwargs)

    monkeypatch.setattr(psycopg.AsyncCursor, "execute", counted)
    event.listen(runtime.db.sync_engine, "before_cursor_execute", count)
    try:
        assert await sender.send_due() == 12
    finally:
        event.remove(runtime.db.sync_engine, "before_cursor_execute", count)
    rows = {row.id: row for row in await outbox_rows(runtime)}
    by_message = {m.outbox_id: i for i, m in enumerate(adapter.sent)}
    for row_id in ids:
        kind = by_message[row_id] % 3
        row = rows[row_id]
        if kind == 0:
            assert (row.status, row.next_attempt_at, row.needs_reconcile) == (
                "pending",
                clock() + timedelta(seconds=5),
                False,
            )
        elif kind == 1:
            assert (row.status, row.needs_reconcile) == ("unknown", True)
        else:
            assert (row.status, row.provider_id, row.sent_at) == ("sent", "X", clock())
        assert row.claimed_until is None
    # The round's two UPDATEs (expired leases, the claim), then the 12 outcomes in two statements here
    # (retry and unknown set the same columns, sent others); at most one per shape and batch.
    assert updates[:2] == [1, 1] and sum(updates[2:]) == 12, updates
    assert len(updates[2:]) < 6, updates


async def test_the_claim_paths_outcomes_are_written_without_the_linger(
    runtime: Runtime, clock: FixedClock
) -> None:
    """OUTCOME_LINGER is for replies born claimed: the claim path's round counts its rows until their
    outcomes are written, so they do not wait out a linger (here a minute: the round would hang)."""
    adapter = FakeAdapter()
    sender = OutboxSender(runtime.sessions, {"simulator": adapter}, clock=clock, outcome_linger=60.0)
    for index in range(3):
        await enqueue(runtime, clock, f"bericht {index}", address=f"+3161000000{index}")
    assert await asyncio.wait_for(sender.send_due(), 10) == 3
    assert [row.status for row in await outbox_rows(runtime)] == ["sent"] * 3
