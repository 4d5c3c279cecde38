"""Rows born claimed (issue 16): the engine's replies leave its transaction leased to this process's
sender, which sends them from per-address lanes without a claim query; everything the claim path did
(order per address, retries, reconciliation after a crash) holds for them too."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import update

from bot import metrics
from bot.channels.base import OutboundMessage, SendResult
from bot.delivery import sender as sender_module
from bot.delivery.sender import LEASE, OutboxSender
from bot.engine import Engine
from bot.runtime import Runtime
from storage import outbox
from storage.bulk import NOTHING
from storage.inbox import identity_for, mark_address_stopped
from storage.models import OutboxMessage
from tests.community import ASK_BOODSCHAPPEN, add_person, say
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows, postgres_statements, sqlite_statements, text_message
from tests.test_outbox_sender import FakeAdapter, enqueue, resent_count, row_fields

CHANNELS = ("simulator",)


async def reply_rows(
    runtime: Runtime, clock: FixedClock, replies: list[tuple[str, str]], *, due_at: datetime | None = None
) -> list[dict[str, Any]]:
    """The engine's rows (storage.outbox.row) for (address, body) pairs, in order."""
    rows = []
    async with runtime.sessions() as session, session.begin():
        for address, body in replies:
            who = await identity_for(session, "simulator", address, clock())
            rows.append(outbox.row(**row_fields(who, body, clock(), due_at=due_at)))
    return rows


async def insert_born(
    runtime: Runtime,
    clock: FixedClock,
    rows: list[dict[str, Any]],
    *,
    limit: int = 100,
    channels: tuple[str, ...] = CHANNELS,
) -> list[outbox.ClaimedMessage]:
    async with runtime.sessions() as session, session.begin():
        return await outbox.insert_born(
            session, rows, now=clock(), lease=LEASE, channels=channels, limit=limit
        )


# --- storage.outbox.insert_born ------------------------------------------------------------------------


async def test_due_replies_are_born_claimed_with_what_a_claim_reads(
    runtime: Runtime, clock: FixedClock
) -> None:
    rows = await reply_rows(
        runtime, clock, [("+31611111111", "een"), ("+31611111111", "twee"), ("+31622222222", "drie")]
    )
    claimed = await insert_born(runtime, clock, rows)
    stored = await outbox_rows(runtime)
    assert [m.id for m in claimed] == [row.id for row in stored], "all three, in id order"
    assert [(m.address, m.body, m.choices, m.attempts, m.tenant) for m in claimed] == [
        ("+31611111111", "een", (("ask", "Hulp vragen"),), 1, "default"),
        ("+31611111111", "twee", (("ask", "Hulp vragen"),), 1, "default"),
        ("+31622222222", "drie", (("ask", "Hulp vragen"),), 1, "default"),
    ]
    assert {(r.status, r.attempts, r.claimed_until, r.first_attempt_at) for r in stored} == {
        ("sending", 1, clock() + LEASE, clock())
    }
    assert all(m.claimed_until == clock() + LEASE and not m.needs_reconcile for m in claimed)


async def test_an_address_changed_through_the_orm_in_the_batch_is_read_as_changed(
    runtime: Runtime, clock: FixedClock
) -> None:
    """A START in the batch cleared the address's stop through the ORM, not flushed yet: the rows born
    after it read the address as it is now (the address check is a Core statement, which does not
    autoflush by itself)."""
    rows = await reply_rows(runtime, clock, [("+31611111111", "welkom terug")])
    await stop_address(runtime, clock, "+31611111111")
    async with runtime.sessions() as session, session.begin():
        identity = await identity_for(session, "simulator", "+31611111111", clock())
        identity.stopped_at = None
        claimed = await outbox.insert_born(
            session, rows, now=clock(), lease=LEASE, channels=CHANNELS, limit=10
        )
    assert [m.address_stopped for m in claimed] == [False]


async def test_a_batchs_replies_are_one_insert_and_each_born_row_gets_its_own_id(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch's replies go in with one INSERT (on SQLite too, where keeping the rows' order through
    SQLAlchemy meant a statement per row), and each row born claimed carries its own row's id."""
    replies = [(f"+316{n % 37:08d}", f"antwoord {n}") for n in range(300)]
    rows = await reply_rows(runtime, clock, replies)
    if runtime.db.dialect.name == "sqlite":  # written on the driver's cursor: counted there
        inserts = sqlite_statements(monkeypatch, "INSERT INTO outbox")
        claimed = await insert_born(runtime, clock, rows, limit=20)
    else:  # on the driver too, one statement that also reads which addresses are free (one pipeline
        # with the batch's last updates): no read of the addresses of its own
        sent = postgres_statements(monkeypatch, "")
        claimed = await insert_born(runtime, clock, rows, limit=20)
        inserts = [statement for statement in sent if "INSERT INTO outbox" in statement]
        assert [statement for statement in sent if "identities" in statement] == inserts
    assert len(inserts) == 1
    stored = await outbox_rows(runtime)
    assert [row.body for row in stored] == [body for _, body in replies], "ids follow the rows' order"
    by_id = {row.id: row for row in stored}
    # The limit admits 20 addresses; each address's rows of the insert are born together.
    wanted = [f"antwoord {n}" for n in range(300) if n % 37 < 20]
    assert [m.body for m in claimed] == wanted
    assert all(by_id[m.id].body == m.body and by_id[m.id].status == "sending" for m in claimed)
    assert sum(row.status == "sending" for row in stored) == len(wanted)


@pytest.mark.parametrize(
    ("earlier", "blocks"),
    [
        ({"next_attempt_at": None}, True),  # due: it goes first
        ({"status": "sending"}, True),
        ({"status": "unknown", "needs_reconcile": True}, True),
        ({"attempts": 2, "delay": 60}, True),  # waiting for its retry
        ({"delay": 3600}, False),  # scheduled for later, never tried: replies do not wait for it
        ({"status": "sent"}, False),
        ({"status": "waiting_window"}, False),
    ],
)
async def test_an_earlier_row_in_the_way_keeps_the_reply_in_the_table(
    runtime: Runtime, clock: FixedClock, earlier: dict[str, Any], blocks: bool
) -> None:
    first = await enqueue(runtime, clock, "eerder")
    values: dict[str, Any] = {key: value for key, value in earlier.items() if key != "delay"}
    values["next_attempt_at"] = clock() + timedelta(seconds=earlier.get("delay", 0))
    async with runtime.sessions() as session, session.begin():
        await session.execute(update(OutboxMessage).where(OutboxMessage.id == first).values(**values))
    rows = await reply_rows(runtime, clock, [("+31612345678", "later")])
    claimed = await insert_born(runtime, clock, rows)
    [_, reply] = await outbox_rows(runtime)
    if blocks:
        assert claimed == [] and (reply.status, reply.attempts, reply.claimed_until) == ("pending", 0, None)
    else:
        assert [m.id for m in claimed] == [reply.id] and reply.status == "sending"


async def test_a_row_left_in_the_table_holds_back_its_address_in_the_batch(
    runtime: Runtime, clock: FixedClock
) -> None:
    """Past the limit, or on a channel this sender does not serve, a due row stays pending: the later rows
    of its address too (claim_due would not take them past it). A row due later holds nobody back."""
    a, b, c = "+31611111111", "+31622222222", "+31633333333"
    later = await reply_rows(runtime, clock, [(c, "morgen")], due_at=clock() + timedelta(days=1))
    rows = [
        *await reply_rows(runtime, clock, [(a, "a1"), (b, "b1"), (b, "b2")]),
        *later,
        *await reply_rows(runtime, clock, [(c, "c2")]),
    ]
    claimed = await insert_born(runtime, clock, rows, limit=2)
    assert [m.body for m in claimed] == ["a1", "b1", "b2"], "b2 goes with b1 past the limit; c2 is past it"
    claimed_again = await insert_born(
        runtime, clock, await reply_rows(runtime, clock, [(a, "a2")]), channels=("sms",)
    )
    assert claimed_again == []
    stored = {row.body: (row.status, row.attempts) for row in await outbox_rows(runtime)}
    assert stored == {
        "a1": ("sending", 1),
        "b1": ("sending", 1),
        "b2": ("sending", 1),
        "morgen": ("pending", 0),
        "c2": ("pending", 0),
        "a2": ("pending", 0),
    }
    only_c = await insert_born(
        runtime,
        clock,
        [
            *await reply_rows(runtime, clock, [(c, "x")], due_at=clock() + timedelta(days=1)),
            *await reply_rows(runtime, clock, [("+31644444444", "d1")]),
        ],
    )
    assert [m.body for m in only_c] == ["d1"]


# --- the sender's lanes --------------------------------------------------------------------------------


@asynccontextmanager
async def started(
    runtime: Runtime, clock: FixedClock, adapter: FakeAdapter, *, linger: float = 0.0, idle_poll: float = 0.05
) -> AsyncIterator[OutboxSender]:
    """A running sender; its outcomes linger `linger` seconds (the tests' default is none). On leaving,
    it stops and gives back what it holds, without waiting out a linger."""
    sender = OutboxSender(
        runtime.sessions, {"simulator": adapter}, clock=clock, claim_interval=0.0, outcome_linger=linger
    )
    task = asyncio.create_task(sender.run(idle_poll=idle_poll))
    while not sender._running:
        await asyncio.sleep(0)
    try:
        yield sender
    finally:
        sender.stop()
        await task
        await asyncio.wait_for(sender.release_in_flight(), 10)


@pytest.fixture
async def running(runtime: Runtime, clock: FixedClock) -> AsyncIterator[tuple[OutboxSender, FakeAdapter]]:
    adapter = FakeAdapter()
    async with started(runtime, clock, adapter) as sender:
        yield sender, adapter


async def engine_batch(
    runtime: Runtime, sender: OutboxSender, rows: list[dict[str, Any]]
) -> list[outbox.ClaimedMessage]:
    """What the engine does with a batch's replies: insert through the sender, hand over after commit."""
    async with runtime.sessions() as session, session.begin():
        claimed = await sender.insert_outbox(session, rows)
    sender.hand_over(claimed)
    return claimed


def taken(path: str) -> float:
    """The sender's count of rows it took by `path` (bot/metrics.py OUTBOX_TAKEN), this process so far."""
    return metrics.REGISTRY.get_sample_value("voordeur_outbox_taken_total", {"path": path}) or 0.0


def claims_counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """From now on, the rows each `claim_due` takes (the claim path), one count per claim."""
    claims: list[int] = []
    real_claim_due = outbox.claim_due

    async def counted(*args: Any, **kwargs: Any) -> list[outbox.ClaimedMessage]:
        found = await real_claim_due(*args, **kwargs)
        claims.append(len(found))
        return found

    monkeypatch.setattr(outbox, "claim_due", counted)
    return claims


async def settled(sender: OutboxSender) -> None:
    for _ in range(500):
        if not sender._lanes and not sender._claimed and not sender._sending:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the sender did not settle")


async def test_a_batch_s_replies_go_out_per_address_in_order_without_a_claim(
    runtime: Runtime,
    clock: FixedClock,
    running: tuple[OutboxSender, FakeAdapter],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sender, adapter = running
    claims = claims_counted(monkeypatch)
    a, b = "+31611111111", "+31622222222"
    rows = await reply_rows(runtime, clock, [(a, "a1"), (b, "b1"), (a, "a2"), (a, "a3"), (b, "b2")])
    claimed = await engine_batch(runtime, sender, rows)
    assert len(claimed) == 5
    await settled(sender)
    assert [m.text for m in adapter.sent if m.address == a] == ["a1", "a2", "a3"]
    assert [m.text for m in adapter.sent if m.address == b] == ["b1", "b2"]
    assert sum(claims) == 0, "the claim path found nothing: every row was sent from its lane"
    assert {(row.status, row.attempts) for row in await outbox_rows(runtime)} == {("sent", 1)}


async def test_a_retry_gives_the_rest_of_the_lane_back_in_order(
    runtime: Runtime, clock: FixedClock, running: tuple[OutboxSender, FakeAdapter]
) -> None:
    sender, adapter = running
    adapter.script = [SendResult("retry", retry_after=30, error="twilio:429")]
    rows = await reply_rows(runtime, clock, [("+31611111111", f"m{i}") for i in range(3)])
    await engine_batch(runtime, sender, rows)
    await settled(sender)
    assert [m.text for m in adapter.sent] == ["m0"]
    stored = [(r.body, r.status, r.attempts, r.claimed_until) for r in await outbox_rows(runtime)]
    assert stored == [("m0", "pending", 1, None), ("m1", "pending", 0, None), ("m2", "pending", 0, None)]
    clock.advance(seconds=31)  # the running sender's claim path takes them, one per round, in order
    for _ in range(500):
        if len(adapter.sent) == 4:
            break
        await asyncio.sleep(0.01)
    await settled(sender)
    assert [m.text for m in adapter.sent] == ["m0", "m0", "m1", "m2"]
    assert {r.status for r in await outbox_rows(runtime)} == {"sent"}


async def test_rows_born_claimed_in_a_process_that_died_are_reconciled_and_sent_once(
    runtime: Runtime, clock: FixedClock
) -> None:
    """The engine committed rows born claimed and the process died before handing them over: their leases
    run out and the claim path takes them as dead claims (resent once; Telegram cannot check)."""
    rows = await reply_rows(runtime, clock, [("+31611111111", "een")])
    [born] = await insert_born(runtime, clock, rows)
    adapter = FakeAdapter()
    survivor = OutboxSender(runtime.sessions, {"simulator": adapter}, clock=clock)
    assert await survivor.send_due() == 0, "the lease holds"
    before = resent_count()
    clock.advance(seconds=LEASE.total_seconds() + 1)
    assert await survivor.send_due() == 1
    assert await survivor.send_due() == 0
    assert [m.outbox_id for m in adapter.sent] == [born.id]
    assert resent_count() == before + 1
    [row] = await outbox_rows(runtime)
    assert (row.status, row.attempts, row.needs_reconcile) == ("sent", 2, False)


async def test_a_lane_renews_a_lease_running_short_and_drops_a_lost_one(
    runtime: Runtime, clock: FixedClock, running: tuple[OutboxSender, FakeAdapter]
) -> None:
    sender, adapter = running
    short, lost = await engine_batch_held(runtime, clock, sender)
    clock.advance(seconds=LEASE.total_seconds() * 0.75)  # less than half the lease is left
    async with runtime.sessions() as session, session.begin():
        # Another sender took `lost` after its lease ran out (expire_claims, claim_due).
        await session.execute(
            update(OutboxMessage).where(OutboxMessage.id == lost.id).values(claimed_until=clock() + LEASE)
        )
    sender.hand_over([short, lost])
    await settled(sender)
    assert [m.outbox_id for m in adapter.sent] == [short.id]
    rows = {row.id: row for row in await outbox_rows(runtime)}
    assert rows[short.id].status == "sent"
    assert (rows[lost.id].status, rows[lost.id].claimed_until) == ("sending", clock() + LEASE), (
        "not ours: untouched"
    )


async def engine_batch_held(
    runtime: Runtime, clock: FixedClock, sender: OutboxSender
) -> list[outbox.ClaimedMessage]:
    """Two rows born claimed for the sender, not yet handed over."""
    rows = await reply_rows(runtime, clock, [("+31611111111", "kort"), ("+31622222222", "kwijt")])
    async with runtime.sessions() as session, session.begin():
        return await sender.insert_outbox(session, rows)


async def test_without_a_running_sender_replies_stay_in_the_table(
    runtime: Runtime, clock: FixedClock
) -> None:
    adapter = FakeAdapter()
    sender = OutboxSender(runtime.sessions, {"simulator": adapter}, clock=clock)
    rows = await reply_rows(runtime, clock, [("+31611111111", "een")])
    async with runtime.sessions() as session, session.begin():
        assert await sender.insert_outbox(session, rows) == []
    [row] = await outbox_rows(runtime)
    assert (row.status, row.attempts) == ("pending", 0)
    assert await sender.send_due() == 1


async def stop_address(runtime: Runtime, clock: FixedClock, address: str) -> None:
    async with runtime.sessions() as session, session.begin():
        await mark_address_stopped(session, "simulator", address, "stop", clock())


async def test_a_stop_committed_with_the_batch_cancels_its_earlier_replies(
    runtime: Runtime, clock: FixedClock, running: tuple[OutboxSender, FakeAdapter]
) -> None:
    """The engine wrote the replies before a STOP later in the same batch: they are read again at the
    batch's end, as a claim after the commit would have read the address."""
    sender, adapter = running
    rows = await reply_rows(runtime, clock, [("+31611111111", "een"), ("+31611111111", "twee")])
    async with runtime.sessions() as session, session.begin():
        claimed = await sender.insert_outbox(session, rows)
        await mark_address_stopped(session, "simulator", "+31611111111", "stop", clock())
        assert [m.address_stopped for m in claimed] == [False, False], "read before the STOP"
        claimed = await sender.restate(session, claimed)
    assert [m.address_stopped for m in claimed] == [True, True]
    sender.hand_over(claimed)
    await settled(sender)
    assert adapter.sent == []
    assert [(r.status, r.error) for r in await outbox_rows(runtime)] == [("cancelled", "address_stopped")] * 2


class StoppingAdapter(FakeAdapter):
    """The first send stops the address elsewhere (a STOP handled meanwhile) and takes a while."""

    def __init__(self, runtime: Runtime, clock: FixedClock) -> None:
        super().__init__()
        self.runtime, self.clock = runtime, clock

    async def send(self, message: OutboundMessage) -> SendResult:
        if not self.sent:
            await stop_address(self.runtime, self.clock, message.address)
        return await super().send(message)


async def test_a_lane_row_that_waited_reads_its_address_again(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sender_module, "RECHECK_AFTER", 0.0)
    adapter = StoppingAdapter(runtime, clock)
    sender = OutboxSender(runtime.sessions, {"simulator": adapter}, clock=clock, claim_interval=0.0)
    task = asyncio.create_task(sender.run(idle_poll=0.05))
    while not sender._running:
        await asyncio.sleep(0)
    await engine_batch(
        runtime, sender, await reply_rows(runtime, clock, [("+31611111111", "een"), ("+31611111111", "twee")])
    )
    await settled(sender)
    sender.stop()
    await task
    assert [m.text for m in adapter.sent] == ["een"]
    assert [r.status for r in await outbox_rows(runtime)] == ["sent", "cancelled"]


async def test_a_provider_stop_gives_the_rest_of_the_lane_back_to_be_cancelled(
    runtime: Runtime, clock: FixedClock, running: tuple[OutboxSender, FakeAdapter]
) -> None:
    sender, adapter = running
    adapter.script = [SendResult("failed", error="twilio:21610", address_stopped=True)]
    await engine_batch(
        runtime, sender, await reply_rows(runtime, clock, [("+31611111111", "een"), ("+31611111111", "twee")])
    )
    expected = [("failed", 1), ("cancelled", 1)]  # the running sender's claim path cancels the rest
    for _ in range(500):
        if [(r.status, r.attempts) for r in await outbox_rows(runtime)] == expected:
            break
        await asyncio.sleep(0.01)
    await settled(sender)
    assert [m.text for m in adapter.sent] == ["een"]
    assert [(r.status, r.attempts) for r in await outbox_rows(runtime)] == expected


async def all_sent(runtime: Runtime, sender: OutboxSender) -> None:
    for _ in range(500):
        if all(row.status == "sent" for row in await outbox_rows(runtime)):
            break
        sender.wake()
        await asyncio.sleep(0.01)
    await settled(sender)


class RecordingHandoff:
    """The sender as the engine's hand-off, with what the engine asked it to read again at a batch's end."""

    def __init__(self, sender: OutboxSender) -> None:
        self.sender = sender
        self.restated: list[list[str]] = []

    async def insert_outbox(
        self, session: Any, rows: list[dict[str, Any]], *, then: Any = NOTHING, earlier: Any = None
    ) -> list[outbox.ClaimedMessage]:
        return await self.sender.insert_outbox(session, rows, then=then, earlier=earlier)

    async def restate(
        self, session: Any, claimed: list[outbox.ClaimedMessage]
    ) -> list[outbox.ClaimedMessage]:
        self.restated.append([message.text_key for message in claimed])
        return await self.sender.restate(session, claimed)

    def hand_over(self, claimed: list[outbox.ClaimedMessage]) -> None:
        self.sender.hand_over(claimed)


async def test_replies_born_in_an_earlier_round_of_a_batch_are_read_again_at_its_end(
    runtime: Runtime, clock: FixedClock, running: tuple[OutboxSender, FakeAdapter]
) -> None:
    """A volunteer's yes and the requester's next message in one batch: the yes posts "it is yours" to
    both, handled in a second round of the same transaction. The first round's replies were born
    before it, so their addresses are read again at the batch's end; the last round's are not."""
    sender, adapter = running
    volunteer = await add_person(
        runtime, clock, "+31610000000", "Vrijwilliger", "molenwijk", offers=("boodschappen",)
    )
    await say(runtime, "+31600000001", "hallo", "Ria", "7391 AB", "ja", *ASK_BOODSCHAPPEN)
    await all_sent(runtime, sender)  # no earlier row in the way of the batch's replies
    sent_before = len(adapter.sent)
    handoff = RecordingHandoff(sender)
    engine = Engine(runtime.sessions, clock=clock, handoff=handoff)
    yes = await runtime.engine.store(text_message("ja", "yes-1", address="+31610000000"))
    later = await runtime.engine.store(text_message("dank je", "later-1", address="+31600000001"))
    assert await engine.process_people([volunteer, later.person_id]) >= 2
    assert yes.person_id == volunteer
    [early] = handoff.restated  # the requester's answer to "dank je", made in the first round
    assert early and not {"invite_won", "match_found", "meet_where"} & set(early), "last round's fresh"
    await all_sent(runtime, sender)  # rows held behind the lane's are claimed once it is done
    rows = {row.id: row for row in await outbox_rows(runtime)}
    sent = [message.outbox_id for message in adapter.sent[sent_before:]]
    assert len(sent) == len(set(sent)), "none twice"
    assert {rows[i].text_key for i in sent} >= {"invite_won", "match_found"}
    assert all(rows[i].status == "sent" for i in sent)


class StaggeredAdapter(FakeAdapter):
    """Providers answer one by one: the n-th send (in call order) is answered n * 20 ms after it left."""

    async def send(self, message: OutboundMessage) -> SendResult:
        self.sent.append(message)
        await asyncio.sleep(0.02 * (len(self.sent) - 1))
        return SendResult("sent", provider_id=f"P{message.outbox_id}")


def lingering(
    runtime: Runtime, clock: FixedClock, adapter: FakeAdapter, linger: float
) -> AbstractAsyncContextManager[OutboxSender]:
    """A running sender whose outcomes linger. Its claim runs when woken, as after an engine batch that
    left rows in the table (a claim writes the lingering outcomes first, so that it sees the addresses
    they hold back), not on a short poll."""
    return started(runtime, clock, adapter, linger=linger, idle_poll=120.0)


@pytest.mark.parametrize(("linger", "transactions"), [(0.3, [3]), (0.0, [1, 1, 1])])
async def test_outcomes_answered_one_by_one_share_a_transaction_within_the_linger(
    runtime: Runtime,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    linger: float,
    transactions: list[int],
) -> None:
    """OUTCOME_LINGER: replies to three people answered 20 ms apart have their outcomes written in one
    transaction when the first waits for the others; without the linger each has its own."""
    written: list[int] = []
    finish_committed = outbox.finish_committed

    async def counted(session: Any, outcomes: list[dict[str, object]]) -> list[None]:
        written.append(len(outcomes))
        return await finish_committed(session, outcomes)

    monkeypatch.setattr(outbox, "finish_committed", counted)
    async with lingering(runtime, clock, StaggeredAdapter(), linger) as sender:
        rows = await reply_rows(runtime, clock, [(f"+3161000000{i}", f"r{i}") for i in range(3)])
        assert len(await engine_batch(runtime, sender, rows)) == 3
        await settled(sender)
    assert written == transactions
    assert [row.status for row in await outbox_rows(runtime)] == ["sent"] * 3


async def test_a_reply_born_behind_its_address_s_lingering_row_follows_it_in_its_lane(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With outcomes lingering a minute: a reply born while its address's earlier row is still `sending`
    in this sender's lane (sent, its outcome not yet written) is born claimed behind it (`ours`) and goes
    out after it from the same lane, with no claim; the sender stops without waiting the minute out."""
    claims = claims_counted(monkeypatch)
    adapter = FakeAdapter()
    a = "+31611111111"
    async with lingering(runtime, clock, adapter, 60.0) as sender:
        await engine_batch(runtime, sender, await reply_rows(runtime, clock, [(a, "a1")]))
        for _ in range(500):
            if adapter.sent:
                break
            await asyncio.sleep(0.01)
        behind = taken("behind")
        [later] = await engine_batch(runtime, sender, await reply_rows(runtime, clock, [(a, "a2")]))
        assert later.body == "a2", "born behind a1, still sending in this sender's lane"
        assert taken("behind") == behind + 1
        for _ in range(500):
            if len(adapter.sent) == 2:
                break
            await asyncio.sleep(0.01)
        assert [m.text for m in adapter.sent] == ["a1", "a2"]
    assert [row.status for row in await outbox_rows(runtime)] == ["sent"] * 2
    assert sum(claims) == 0


async def test_a_reply_left_behind_a_lingering_outcome_is_claimed_once_woken(
    runtime: Runtime, clock: FixedClock
) -> None:
    """With outcomes lingering a minute and no room to be born claimed (the sender holds its most): a
    reply behind its address's row still `sending` stays in the table; the claim the engine wakes writes
    the lingering outcome first and then takes the reply, at once."""
    adapter = FakeAdapter()
    a = "+31611111111"
    async with lingering(runtime, clock, adapter, 60.0) as sender:
        sender._max_held = 1
        await engine_batch(runtime, sender, await reply_rows(runtime, clock, [(a, "a1")]))
        for _ in range(500):
            if adapter.sent:
                break
            await asyncio.sleep(0.01)
        later = await engine_batch(runtime, sender, await reply_rows(runtime, clock, [(a, "a2")]))
        assert later == [], "no room: left in the table for the claim"
        sender.wake()  # as the engine does when it left rows for the claim (`on_outbox`)
        for _ in range(500):
            if len(adapter.sent) == 2:
                break
            await asyncio.sleep(0.01)
        assert [m.text for m in adapter.sent] == ["a1", "a2"]
    assert [row.status for row in await outbox_rows(runtime)] == ["sent"] * 2


async def test_a_reply_born_behind_a_row_born_earlier_in_the_same_batch_is_born_too(
    runtime: Runtime,
    clock: FixedClock,
    running: tuple[OutboxSender, FakeAdapter],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A batch inserts its replies more than once (before an effect that writes to the outbox, at each
    round's end): a later insert's row of an address whose row an earlier insert of the same transaction
    bore claimed (`earlier`) is born too, and both go out in order from one hand-over, with no claim."""
    sender, adapter = running
    claims = claims_counted(monkeypatch)
    a, b = "+31611111111", "+31622222222"
    first_rows = await reply_rows(runtime, clock, [(a, "a1"), (b, "b1")])
    later_rows = await reply_rows(runtime, clock, [(a, "a2")])
    async with runtime.sessions() as session, session.begin():
        first = await sender.insert_outbox(session, first_rows)
        later = await sender.insert_outbox(session, later_rows, earlier=first)
    assert [m.body for m in later] == ["a2"]
    sender.hand_over([*first, *later])
    await settled(sender)
    assert [m.text for m in adapter.sent if m.address == a] == ["a1", "a2"]
    assert sum(claims) == 0


async def test_a_row_another_sender_holds_keeps_the_reply_in_the_table(
    runtime: Runtime, clock: FixedClock, running: tuple[OutboxSender, FakeAdapter]
) -> None:
    """Only this sender's own lane rows let a reply be born behind them: a row another process holds
    claimed (born claimed there) still keeps the address's new reply pending, for the claim, in order."""
    sender, adapter = running
    a = "+31611111111"
    await insert_born(runtime, clock, await reply_rows(runtime, clock, [(a, "a1")]))
    later = await engine_batch(runtime, sender, await reply_rows(runtime, clock, [(a, "a2")]))
    assert later == []
    assert [(r.body, r.status) for r in await outbox_rows(runtime)] == [("a1", "sending"), ("a2", "pending")]
    assert adapter.sent == []


async def test_insert_born_takes_the_callers_rows_as_not_in_the_way(
    runtime: Runtime, clock: FixedClock
) -> None:
    """`ours`: rows the caller sends in order do not hold back a new row of their address; any other row
    in the way still does."""
    a, b = "+31611111111", "+31622222222"
    [a1, b1] = await insert_born(runtime, clock, await reply_rows(runtime, clock, [(a, "a1"), (b, "b1")]))
    await enqueue(runtime, clock, "b0", address=b)  # due, pending: in b's way whatever is ours
    rows = await reply_rows(runtime, clock, [(a, "a2"), (b, "b2")])
    async with runtime.sessions() as session, session.begin():
        claimed = await outbox.insert_born(
            session, rows, now=clock(), lease=LEASE, channels=CHANNELS, limit=10, ours=[a1.id, b1.id]
        )
    assert [m.body for m in claimed] == ["a2"]
    stored = {row.body: row.status for row in await outbox_rows(runtime)}
    assert stored == {"a1": "sending", "b1": "sending", "b0": "pending", "a2": "sending", "b2": "pending"}


class HeldAdapter(FakeAdapter):
    """Holds each send until the test lets it go, so a batch can be inserted while a row is in flight."""

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()
        self.in_flight = asyncio.Event()

    async def send(self, message: OutboundMessage) -> SendResult:
        self.in_flight.set()
        await self.release.wait()
        return await super().send(message)


async def test_a_reply_born_behind_a_lane_that_then_stops_is_given_back_not_sent_first(
    runtime: Runtime, clock: FixedClock
) -> None:
    """A reply born behind a1 while a1 is in flight; a1's send then ends in a retry before the reply's
    batch is handed over. The reply must not overtake a1: it goes back to the table (pending, no attempt
    counted) and the claim sends it after a1's retry."""
    adapter = HeldAdapter()
    adapter.script = [SendResult("retry", retry_after=30, error="twilio:429")]
    a = "+31611111111"
    async with started(runtime, clock, adapter) as sender:
        await engine_batch(runtime, sender, await reply_rows(runtime, clock, [(a, "a1")]))
        await asyncio.wait_for(adapter.in_flight.wait(), 5)
        rows = await reply_rows(runtime, clock, [(a, "a2")])
        async with runtime.sessions() as session, session.begin():
            [born] = await sender.insert_outbox(session, rows)
        # a1's retry is written after a2 was born behind it and before a2 is handed over (the engine
        # hands over after its commit; SQLite's one writer keeps the retry out of the open transaction)
        adapter.release.set()
        for _ in range(500):
            if not sender._lanes:
                break
            await asyncio.sleep(0.01)
        given_back = taken("given_back")
        sender.hand_over([born])
        await settled(sender)
        assert taken("given_back") == given_back + 1
        assert [m.text for m in adapter.sent] == ["a1"]
        stored = [(r.body, r.status, r.attempts) for r in await outbox_rows(runtime)]
        assert stored == [("a1", "pending", 1), ("a2", "pending", 0)]
        clock.advance(seconds=31)
        sender.wake()
        for _ in range(500):
            if len(adapter.sent) == 3:
                break
            await asyncio.sleep(0.01)
        await settled(sender)
    assert [m.text for m in adapter.sent] == ["a1", "a1", "a2"]
