"""The outbox sender: claims due rows, sends each through its channel adapter, records the outcome.

Delivery rules (contract): every message goes through the provider's REST API from the outbox, retried
with backoff on 429/5xx/network errors.

When the outcome is unknown: neither provider's send is idempotent. A read timeout after the request left
(or a claim whose lease expired because the process died mid-send) may or may not have produced a message.
Such a row is marked `needs_reconcile` and settled before it is sent again, never dropped:
- Twilio: every send carries its own outbox id in its StatusCallback URL (`?o=<id>`). Twilio calls that
  URL for every message it accepted, within seconds; the callback writes the SID onto the row whatever
  its state (storage.outbox.confirm_by_callback). A row to reconcile that has a SID is sent; one that
  has none after the settle delay (the lease, or RECONCILE_DELAY after a timeout) was not accepted and is
  sent again. The row's key decides, never its text: an identical earlier message cannot be taken for it.
- Telegram (and Twilio without a status callback URL): the Bot API can neither list sent messages nor
  take an idempotency key, so the message is sent once more. A rare duplicate reply is kinder than a
  person left without an answer; each such resend is counted (`voordeur_resent_after_unknown_total`).

Where rows come from (issue 16): the engine's replies are born claimed. In the engine's transaction
`insert_outbox` writes them already leased to this sender where `claim_due` would have taken them at
that moment (storage.outbox.insert_born, which reads their addresses' stop and last inbound); rows born
before the batch's last round are read again at its end (`restate`, one statement in the same
transaction: a STOP later in the same batch), and after the commit `hand_over` puts them in this
process's lanes at once, with no claim query and no read. Everything else (effects' messages, rows
held back behind an earlier one, retries, rows of a process that died) is claimed by `claim_due` as
before, woken by the engine and at most once per `claim_interval`, or every `idle_poll`.

A lane is one address's queue: its rows are sent one after the other, in id order, each paced as every
send is (bot/delivery/pacing.py). A send waits for its pacing slot before it takes one of the
`concurrency` slots, so rows waiting for a slow number or a chat's spacing hold none. When a row ends in
a way that holds back its address's later rows in the table (a retry, an unknown outcome, a lease
lost, the address stopped), the rest of the lane is given back to the queue (attempt not counted) and
taken by `claim_due` in order. A row's lease is renewed before its send when less than half of it is
left (a long lane, a slow number), so a lease never runs out under a row this process may still send.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter, deque
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import metrics
from bot.channels.base import ChannelAdapter, OutboundMessage, SendResult
from bot.delivery.pacing import Limit, SendPacer
from bot.delivery.quiet_hours import QuietHours
from bot.delivery.whatsapp_templates import load as load_wordings
from bot.delivery.whatsapp_window import Template, window_open
from bot.tasks import spawn
from storage import outbox, whatsapp_templates
from storage.bulk import NOTHING, Then
from storage.db import BatchCommit, GroupCommit
from storage.inbox import mark_address_stopped
from storage.models import Person
from storage.outbox import ClaimedMessage

log = logging.getLogger("voordeur.outbox")

MAX_ATTEMPTS = 12
BACKOFF_BASE = 1.0
BACKOFF_CAP = 300.0
RECONCILE_DELAY = timedelta(seconds=30)
LEASE = timedelta(seconds=120)
# The most rows this sender holds claimed at once (lanes and claims): more stay in the table. A full
# batch (500 messages, two or three replies each) must fit beside what the lanes still hold: with 1,000,
# PostgreSQL's full load left about 4 % of replies past the room (session 23, `no_room`), each then
# holding back that person's later replies until the claim path took it. A held row is a few hundred
# bytes; its lease is renewed before its send if the lanes run long (`_lease_holds`).
MAX_HELD = 3000
# A lane row that waited longer than this (seconds) behind its address's earlier rows has its address's
# state read again before it is sent: a STOP may have come meanwhile.
RECHECK_AFTER = 0.5
# How long (seconds) a send's outcome waits for others before its transaction starts. Outcomes come one
# by one as providers answer; written as they come, at half load on PostgreSQL that was 280 transactions
# a second of 1.7 rows each, more than the engine's and ingest's together. It is for the engine's
# replies born claimed: the claim path's rows, and rows the claim would skip behind a `sending` row, do
# not wait for it (`BatchCommit.hurry`, `flush`). An address's next row in its lane waits for the last
# one's outcome, so a turn's second reply may go up to this much later (a chat's pacing spaces them
# further anyway); writing every outcome at once instead halved the gain. Tests set it to 0.
OUTCOME_LINGER = 0.02


def backoff(attempts: int, retry_after: float | None) -> float:
    """Exponential backoff with a cap; a provider's Retry-After wins when it asks for longer."""
    delay: float = min(BACKOFF_CAP, BACKOFF_BASE * 2.0 ** max(0, attempts - 1))
    return max(delay, retry_after or 0.0)


class OutboxSender:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        adapters: Mapping[str, ChannelAdapter],
        *,
        clock: Callable[[], datetime],
        quiet_hours: QuietHours | None = None,
        whatsapp_templates: Mapping[str, Template] | None = None,
        batch_size: int = 50,
        concurrency: int = 16,
        tenant_adapters: Mapping[str, Mapping[str, ChannelAdapter]] | None = None,
        tenant_quiet_hours: Mapping[str, QuietHours | None] | None = None,
        pacer: SendPacer | None = None,
        lease: timedelta = LEASE,
        max_held: int = MAX_HELD,
        claim_interval: float = 0.02,
        outcome_linger: float | None = None,
    ) -> None:
        """`adapters` and `quiet_hours` are the tenant `default`'s; `tenant_adapters` (tenant -> channel ->
        adapter) replaces `adapters` in a deployment of several tenants: a row is sent only with the
        adapter of its address's tenant (its bot token, its Twilio account and number), never another's.
        """
        self._sessions = sessions
        self._lease = lease
        self._by_tenant = (
            {tenant: dict(found) for tenant, found in tenant_adapters.items()}
            if tenant_adapters is not None
            else {"default": dict(adapters)}
        )
        # Every channel some tenant can send on: rows of other channels are not claimed.
        self._adapters = {channel: a for found in self._by_tenant.values() for channel, a in found.items()}
        self._channels = tuple(self._adapters)
        self._clock = clock
        self._quiet_hours = quiet_hours
        self._tenant_quiet = dict(tenant_quiet_hours or {})
        self._templates = dict(whatsapp_templates or {})
        # The variables of each text that may open a WhatsApp conversation (same in every language).
        self._synced_variables = {w.text_key: w.variables for w in load_wordings()}
        self._batch_size = batch_size
        self._concurrency = asyncio.Semaphore(concurrency)
        # Each send waits for a slot under its sender's rate limits (bot/delivery/pacing.py).
        self._pacer = pacer or SendPacer()
        self._wakeup = asyncio.Event()
        self._stopping = False
        self._claimed: set[int] = set()  # claimed, not yet handed to a provider
        self._sending: set[int] = set()  # handed to a provider, outcome not yet recorded
        self._max_held = max_held
        self._claim_interval = claim_interval
        self._running = False  # `run` is sending: the engine's rows may be born claimed for it
        self._lanes: dict[int, deque[ClaimedMessage]] = {}  # identity id -> its claimed rows, in order
        self._lane_tasks: set[asyncio.Task[None]] = set()
        self._behind: set[int] = set()  # identities with rows left in the table behind a lane's
        self._checked_at: dict[int, float] = {}  # lane row -> when its address's state was read (loop time)
        self._claim_held: set[int] = set()  # of the held rows, those `claim_due` gave (at most a batch)
        self._current: dict[int, int] = {}  # identity id -> the row its lane is sending now
        # Rows born behind a lane of this sender (`insert_outbox`'s `ours`) -> the break count then; an
        # identity -> the break count when its lane last stopped with a row in the way (`_run_lane`).
        # A row born behind a lane that broke before the row's hand-over is given back, not sent
        # (it would overtake the row in the way).
        self._born_behind: dict[int, int] = {}
        self._broke_at: dict[int, int] = {}
        self._breaks = 0
        self._starved = False  # the claim found its batch still half held: woken when it drains
        # Outcomes finishing within `OUTCOME_LINGER` of each other are recorded in one transaction (group
        # commit) with one statement per shape of outcome (storage.outbox.finish_committed); each send
        # still waits for its own outcome's commit before the row counts as done. Failures that also
        # stop an address go through the general group commit.
        self._outcomes = GroupCommit(sessions)
        linger = OUTCOME_LINGER if outcome_linger is None else outcome_linger
        self._finished: BatchCommit[dict[str, object], None] = BatchCommit(
            sessions, outbox.finish_committed, linger=linger
        )

    def wake(self) -> None:
        self._wakeup.set()

    def holding(self) -> int:
        """Rows this sender holds (claimed, queued in a lane or being sent): 0 once all it took is done."""
        return len(self._claimed) + len(self._sending)

    async def run(self, idle_poll: float = 1.0) -> None:
        """Send until `stop()`: claim due rows into lanes at once while there are more, else on a wake-up
        (at most once per `claim_interval`) or every `idle_poll` seconds; the lanes send meanwhile.
        On stop, sends under way finish; rows still queued are left to `release_in_flight`."""
        loop = asyncio.get_running_loop()
        self._running = True
        try:
            while not self._stopping:
                # Cleared before the claim, not after: a row committed meanwhile sets it again.
                self._wakeup.clear()
                started = loop.time()
                try:
                    more = await self._claim_round()
                except Exception:
                    log.exception("outbox round failed")
                    more = False
                if not more and not self._stopping:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._wakeup.wait(), timeout=idle_poll)
                rest = self._claim_interval - (loop.time() - started)
                if rest > 0 and not self._stopping:
                    await asyncio.sleep(rest)
            if self._lane_tasks:
                await asyncio.gather(*self._lane_tasks, return_exceptions=True)
        finally:
            self._running = False
            for task in list(self._lane_tasks):
                task.cancel()
            if self._lane_tasks:
                await asyncio.gather(*self._lane_tasks, return_exceptions=True)

    def stop(self) -> None:
        self._stopping = True
        self._wakeup.set()
        self._finished.hurry()  # a stop does not wait out the linger

    async def insert_outbox(
        self,
        session: AsyncSession,
        rows: list[dict[str, Any]],
        *,
        then: Then = NOTHING,
        earlier: list[ClaimedMessage] | None = None,
    ) -> list[ClaimedMessage]:
        """The engine's replies (storage.outbox.row), inserted in its batch's transaction, then what
        `then` says (storage.bulk): born claimed for this sender where `claim_due` would take them now,
        while `run` is sending and has room. Returns those; the engine gives them to `hand_over` once
        the transaction committed. `earlier`: rows born claimed in the same transaction before (an
        earlier round of the batch): handed over with these, in order, so they hold back nobody."""
        room = self._max_held - len(self._claimed) - len(self._sending)
        if not self._running or self._stopping or room <= 0:
            await outbox.insert_rows(session, rows, then=then)
            if self._running and rows:
                metrics.OUTBOX_TAKEN.labels("no_room").inc(len(rows))
            return []
        identities = {r["identity_id"] for r in rows}
        lanes = self._lane_rows(identities)
        ours = dict(lanes)
        if earlier:
            ours.update((m.id, m.identity_id) for m in earlier if m.identity_id in identities)
        breaks = self._breaks  # before the insert: a lane may stop while it runs
        claimed = await outbox.insert_born(
            session,
            rows,
            now=self._clock(),
            lease=self._lease,
            channels=self._channels,
            limit=room,
            then=then,
            ours=ours.keys(),
        )
        behind_count = 0
        if lanes:
            behind = set(lanes.values())
            before = len(self._born_behind)
            self._born_behind.update((m.id, breaks) for m in claimed if m.identity_id in behind)
            behind_count = len(self._born_behind) - before
            if len(self._born_behind) > 4 * self._max_held:
                # Rows of transactions that rolled back are never handed over: keep the newest.
                kept = sorted(self._born_behind)[-self._max_held :]
                self._born_behind = {row_id: self._born_behind[row_id] for row_id in kept}
        metrics.labelled(metrics.OUTBOX_TAKEN, "born").inc(len(claimed) - behind_count)
        if behind_count:
            metrics.labelled(metrics.OUTBOX_TAKEN, "behind").inc(behind_count)
        if len(claimed) < len(rows):
            past_room = max(0, len(rows) - room)
            if past_room:
                metrics.OUTBOX_TAKEN.labels("no_room").inc(past_room)
            if len(rows) - len(claimed) > past_room:
                metrics.OUTBOX_TAKEN.labels("left").inc(len(rows) - len(claimed) - past_room)
            # Rows left in the table behind a lane's rows: the claim is woken once that lane is done.
            left = Counter(r["identity_id"] for r in rows)
            left.subtract(message.identity_id for message in claimed)
            self._behind.update(m.identity_id for m in claimed if left[m.identity_id] > 0)
        return claimed

    def _lane_rows(self, identities: set[int]) -> dict[int, int]:
        """The rows this sender's lanes of these addresses hold (row id -> identity id): queued, or
        being sent and their outcome not yet written. New rows of those addresses can go behind them."""
        held: dict[int, int] = {}
        for identity_id in identities:
            lane = self._lanes.get(identity_id)
            if lane is None:
                continue
            current = self._current.get(identity_id)
            if current is not None:
                held[current] = identity_id
            held.update((message.id, identity_id) for message in lane)
        return held

    async def restate(self, session: AsyncSession, claimed: list[ClaimedMessage]) -> list[ClaimedMessage]:
        """Rows born claimed earlier in a batch, with their addresses' stop and last inbound as the
        batch's transaction has them at its end (a STOP later in the same batch stopped the address)."""
        return _restated(claimed, await outbox.address_states(session, {m.identity_id for m in claimed}))

    def hand_over(self, claimed: list[ClaimedMessage]) -> None:
        """Rows born claimed whose transaction committed, their addresses' states read at its end: into
        their lanes at once (no claim query, no read after the commit)."""
        if self._born_behind:
            claimed = self._not_overtaking(claimed)
        if not claimed:
            return
        if any(message.identity_id in self._current for message in claimed):
            # A reply queued behind a row whose outcome lingers: the lane waits for that outcome.
            self._finished.hurry()
        read_at = asyncio.get_running_loop().time()
        self._checked_at.update((message.id, read_at) for message in claimed)
        self._queue(claimed)

    def _not_overtaking(self, claimed: list[ClaimedMessage]) -> list[ClaimedMessage]:
        """The rows that may go to their lanes: not those born behind a lane that has since stopped with
        a row in the way (a retry, an unknown outcome); those go back to the table, after that row."""
        keep, back = [], []
        for message in claimed:
            breaks = self._born_behind.pop(message.id, None)
            if breaks is not None and self._broke_at.get(message.identity_id, -1) > breaks:
                back.append(message)
            else:
                keep.append(message)
        if not self._born_behind:
            self._broke_at.clear()
        if back:
            metrics.OUTBOX_TAKEN.labels("given_back").inc(len(back))
            self._claimed.update(message.id for message in back)
            spawn(self._give_back(back), self._lane_tasks)
        return keep

    async def _refreshed(self, claimed: list[ClaimedMessage]) -> list[ClaimedMessage]:
        """The rows with their addresses' stop and last inbound as the table has them now."""
        async with self._sessions() as session:
            states = await outbox.address_states(session, {message.identity_id for message in claimed})
        now = asyncio.get_running_loop().time()
        self._checked_at.update((message.id, now) for message in claimed)
        return _restated(claimed, states)

    async def send_due(self) -> int:
        """One round for tests and tools: expire dead claims, claim due rows, send them concurrently
        (at most one per address) and return when all are done. Returns rows handled."""
        claimed = await self._claim(self._batch_size)
        # Each row leaves these sets when its outcome is recorded; a row still in them when the sender
        # is cancelled (shutdown) is released or marked unknown by `release_in_flight`.
        self._claimed.update(message.id for message in claimed)
        await asyncio.gather(*(self._send_one(message) for message in claimed))
        return len(claimed)

    async def _claim(self, limit: int) -> list[ClaimedMessage]:
        # The claim skips an address whose earlier row is still `sending`: outcomes waiting out their
        # linger are written first, so a person's next reply is not held back by them.
        await self._finished.flush()
        now = self._clock()
        async with self._sessions() as session, session.begin():
            await outbox.expire_claims(session, now)
            return await outbox.claim_due(
                session, now, limit=limit, lease=self._lease, channels=self._channels
            )

    async def _claim_round(self) -> bool:
        """Claim due rows into lanes: a batch's worth, less what the claim path still holds, and only once
        half of that is done (several workers share a backlog, as with rounds). True when it took all
        it asked for (more may be due)."""
        room = self._batch_size - len(self._claim_held)
        if room < max(1, self._batch_size // 2):
            self._starved = True
            return False
        claimed = await self._claim(room)
        if claimed:
            metrics.OUTBOX_TAKEN.labels("claimed").inc(len(claimed))
        self._claim_held.update(message.id for message in claimed)
        read_at = asyncio.get_running_loop().time()
        self._checked_at.update((message.id, read_at) for message in claimed)
        self._queue(claimed)
        return len(claimed) == room

    def _queue(self, claimed: list[ClaimedMessage]) -> None:
        for message in claimed:
            # Held until its outcome is recorded; if the sender stops first, `release_in_flight`
            # gives it back.
            self._claimed.add(message.id)
            if self._stopping:
                continue
            lane = self._lanes.get(message.identity_id)
            if lane is None:
                lane = self._lanes[message.identity_id] = deque()
                spawn(self._run_lane(message.identity_id, lane), self._lane_tasks)
            lane.append(message)

    async def _run_lane(self, identity_id: int, lane: deque[ClaimedMessage]) -> None:
        """Send one address's rows in order; when one holds back the rest, give the rest back."""
        loop = asyncio.get_running_loop()
        try:
            while lane and not self._stopping:
                message = lane.popleft()
                self._current[identity_id] = message.id
                checked = self._checked_at.pop(message.id, None)
                try:
                    if checked is not None and loop.time() - checked > RECHECK_AFTER:
                        # It waited behind its address's earlier rows: a STOP may have come meanwhile.
                        [message] = await self._refreshed([message])
                        self._checked_at.pop(message.id, None)
                except Exception:
                    log.exception("reading an address's state failed", extra={"outbox_id": message.id})
                    lane.appendleft(message)  # given back below, with the rest
                    goes_on = False
                else:
                    try:
                        goes_on = await self._send_one(message)
                    except Exception:
                        log.exception("outbox send failed", extra={"outbox_id": message.id})
                        goes_on = False
                self._current.pop(identity_id, None)
                if not goes_on:
                    self._breaks += 1
                    self._broke_at[identity_id] = self._breaks
                if not goes_on and lane:
                    rest = list(lane)
                    lane.clear()
                    await self._give_back(rest)
                if self._starved and len(self._claim_held) <= self._batch_size // 2:
                    self._starved = False
                    self.wake()
        finally:
            self._current.pop(identity_id, None)
            if self._lanes.get(identity_id) is lane and not lane:
                del self._lanes[identity_id]
            if identity_id in self._behind and not self._stopping:
                self._behind.discard(identity_id)
                self.wake()

    async def _give_back(self, messages: list[ClaimedMessage]) -> None:
        """Rows behind one that must go first: back to the table, under the lease this sender holds."""
        leases = [(m.id, m.claimed_until) for m in messages if m.claimed_until is not None]
        try:
            async with self._sessions() as session, session.begin():
                await outbox.give_back(session, leases)
        except Exception:
            # They stay claimed until their lease runs out, then are reconciled like any dead claim.
            log.exception("giving back claimed rows failed", extra={"count": len(messages)})
        for message in messages:
            self._claimed.discard(message.id)
            self._claim_held.discard(message.id)
            self._checked_at.pop(message.id, None)

    async def release_in_flight(self) -> None:
        """On shutdown, for rows this process still holds: a claim never handed to a provider goes back
        to the queue; a send whose request may have left is `unknown`, to be checked before any resend.
        Outcomes already known but not yet committed are committed first (only `sending` rows change)."""
        await self._outcomes.wait_idle()
        await self._finished.flush()
        await self._finished.wait_idle()
        async with self._sessions() as session, session.begin():
            await outbox.release(session, sorted(self._claimed))
            await outbox.mark_unknown(session, sorted(self._sending), self._clock() + RECONCILE_DELAY)
        self._claimed.clear()
        self._sending.clear()
        self._claim_held.clear()
        self._checked_at.clear()

    async def _send_one(self, message: ClaimedMessage) -> bool:
        """Send one claimed row; False when it now holds back its address's later rows."""
        try:
            goes_on = await self._send_claimed(message)
        except asyncio.CancelledError:
            # Shutdown cut this send off: keep the id, so `release_in_flight` settles the row.
            raise
        except BaseException:
            self._forget(message.id)
            raise
        self._forget(message.id)
        return goes_on

    def _forget(self, message_id: int) -> None:
        self._claimed.discard(message_id)
        self._sending.discard(message_id)
        self._claim_held.discard(message_id)

    async def _send_claimed(self, message: ClaimedMessage) -> bool:
        """Send one claimed row and record its outcome; False when the row stays in the way of its
        address's later rows (a retry, an unknown outcome, a lease lost)."""
        now = self._clock()
        if message.address_stopped and not message.allow_when_stopped:
            await self._finish(message, outbox.CANCELLED, error="address_stopped")
            return True
        quiet = self._tenant_quiet.get(message.tenant, self._quiet_hours)
        if message.scheduled and quiet is not None and quiet.contains(now):
            async with self._sessions() as session, session.begin():
                await outbox.defer(session, message.id, quiet.end_after(now))
            return True
        adapters = self._by_tenant.get(message.tenant, {})
        outbound = OutboundMessage(
            outbox_id=message.id,
            channel=message.channel,  # type: ignore[arg-type]
            address=message.address,
            text=message.body,
            choices=message.choices,
        )
        if message.channel == "whatsapp" and not window_open(message.last_inbound_at, now):
            outside = await self._outside_window(message, outbound, sms_on="sms" in adapters)
            if outside is None:
                return True
            outbound = outside
            message = replace(message, channel=outbound.channel, address=outbound.address)
        adapter = adapters.get(outbound.channel)
        if adapter is None:
            # Its tenant has no such channel (any more): never send it with another tenant's.
            await self._fail(message, "channel_off")
            return True
        # The pacing slot first, then one of the concurrent sends: a send waiting for its rate or its
        # chat's spacing holds none of them, so one slow number does not stall the other senders.
        async with self._pacer.slot(_pacing(adapter, outbound)), self._concurrency:
            if not await self._lease_holds(message):
                return False
            # From here the request may leave this process: on a cancelled shutdown it is "unknown".
            self._claimed.discard(message.id)
            self._sending.add(message.id)
            if message.needs_reconcile and await self._settled_by_reconcile(adapter, message):
                return True
            result = await adapter.send(outbound)
        return await self._record(message, result)

    async def _lease_holds(self, message: ClaimedMessage) -> bool:
        """The row's claim still has at least half its lease, or is renewed now; False (do not send)
        when the lease was lost: the row is the claim path's again, reconciled as a dead claim."""
        held = message.claimed_until
        now = self._clock()
        if held is None or held - now >= self._lease / 2:
            return True
        async with self._sessions() as session, session.begin():
            renewed = await outbox.renew(session, message.id, held, now + self._lease)
        if not renewed:
            log.warning("claim lost before sending", extra={"outbox_id": message.id})
            self._forget(message.id)
        return renewed

    async def _outside_window(
        self, message: ClaimedMessage, outbound: OutboundMessage, *, sms_on: bool
    ) -> OutboundMessage | None:
        """WhatsApp's 24-hour window is closed: the approved template for this text, else the person's
        SMS number, else the row waits for them to write on WhatsApp again (None: nothing to send now)."""
        template = self._templates.get(message.text_key) or await self._synced_template(message)
        variables = template.fill(message.params) if template is not None else None
        if template is not None and variables is not None:
            log.info("whatsapp window closed", extra={"outbox_id": message.id, "route": "template"})
            return replace(outbound, content_sid=template.content_sid, content_variables=variables)
        if template is not None:
            reason = outbox.WINDOW_TEMPLATE_PARAMS
        elif message.text_key in self._synced_variables:
            reason = outbox.WINDOW_TEMPLATE_NOT_APPROVED  # in the catalogue, not (yet) approved at Twilio
        else:
            reason = outbox.WINDOW_NO_TEMPLATE
        async with self._sessions() as session, session.begin():
            sms = await outbox.sms_address(session, message.person_id) if sms_on else None
            if sms is None:
                await outbox.wait_for_window(session, message.id, reason)
            else:
                await outbox.reroute(session, message.id, sms[0], "sms")
        route = "wait" if sms is None else "sms"
        log.info("whatsapp window closed", extra={"outbox_id": message.id, "route": route})
        if sms is None:
            return None
        return replace(outbound, channel="sms", address=sms[1])

    async def _synced_template(self, message: ClaimedMessage) -> Template | None:
        """An approved template `voordeur whatsapp templates sync` recorded for this text, in the
        person's language (else Dutch), with the variables of flows/whatsapp_templates.toml."""
        variables = self._synced_variables.get(message.text_key)
        if variables is None:
            return None
        async with self._sessions() as session:
            language = await session.scalar(select(Person.language).where(Person.id == message.person_id))
            sid = await whatsapp_templates.approved(session, message.text_key, (language or "nl", "nl"))
        return None if sid is None else Template(content_sid=sid, variables=variables)

    async def _settled_by_reconcile(self, adapter: ChannelAdapter, message: ClaimedMessage) -> bool:
        """Settle a send whose earlier attempt's outcome is unknown. True when nothing is to be sent now.

        The provider's confirmation tied to this row (a Twilio status callback carrying its id) makes it
        sent. Without one, the earlier attempt is taken as lost and the message goes out again: at once
        for an adapter that cannot confirm (Telegram), after the settle delay for one that can (the row
        came due only after it, see `_record` and storage.outbox.expire_claims).
        """
        if message.provider_id is not None:
            await self._finish(message, outbox.SENT, provider_id=message.provider_id)
            log.info("unknown send confirmed by provider", extra={"outbox_id": message.id})
            return True
        metrics.labelled(metrics.RESENT_AFTER_UNKNOWN, message.channel).inc()
        confirms = bool(getattr(adapter, "confirms_by_callback", False))
        log.info("resending unknown send", extra={"outbox_id": message.id, "confirmable": confirms})
        return False

    async def _record(self, message: ClaimedMessage, result: SendResult) -> bool:
        """Record a send's outcome; False when the row now holds back its address's later rows."""
        now = self._clock()
        metrics.labelled(metrics.OUTBOUND, message.channel, result.outcome).inc()
        # A failure that stopped the address holds back the rest: the claim path cancels them.
        goes_on = result.outcome == "sent" or (result.outcome == "failed" and not result.address_stopped)
        if result.outcome == "sent":
            await self._finish(message, outbox.SENT, provider_id=result.provider_id)
            metrics.labelled(metrics.REPLY_LATENCY_SECONDS, message.channel).observe(
                (now - message.created_at).total_seconds()
            )
        elif result.outcome == "retry":
            if message.attempts >= MAX_ATTEMPTS:
                await self._fail(message, "gave_up")
                goes_on = True
            else:
                delay = backoff(message.attempts, result.retry_after)
                # This attempt certainly did not arrive: an earlier unknown one is settled as lost.
                await self._finish(
                    message,
                    outbox.PENDING,
                    next_attempt_at=now + timedelta(seconds=delay),
                    needs_reconcile=False,
                )
        elif result.outcome == "unknown":
            await self._finish(
                message, outbox.UNKNOWN, next_attempt_at=now + RECONCILE_DELAY, needs_reconcile=True
            )
        else:
            await self._fail(message, result.error or "failed", stop_address=result.address_stopped)
        # A delivered send is in the outbox row (status, sent_at) and the metrics: its line is for a
        # trail an operator asks for (VOORDEUR_LOG_LEVEL=debug). Other outcomes are worth a look.
        log.log(
            logging.DEBUG if result.outcome == "sent" else logging.INFO,
            "send",
            extra={
                "outbox_id": message.id,
                "channel": message.channel,
                "outcome": result.outcome,
                "reason": result.error,
                "attempt": message.attempts,
            },
        )
        return goes_on

    async def _fail(self, message: ClaimedMessage, reason: str, *, stop_address: bool = False) -> None:
        metrics.labelled(metrics.SEND_FAILURES, message.channel, reason).inc()
        now = self._clock()

        async def write(session: AsyncSession) -> None:
            await outbox.finish_many(
                session, [outbox.outcome(message.id, status=outbox.FAILED, now=now, error=reason)]
            )
            if stop_address:
                await mark_address_stopped(
                    session, message.channel, message.address, reason, now, message.tenant
                )

        await self._outcomes.run(write)

    async def _finish(self, message: ClaimedMessage, status: str, **values: object) -> None:
        params = outbox.outcome(message.id, status=status, now=self._clock(), **values)  # type: ignore[arg-type]
        # The claim path's round counts its rows until their outcomes are written: no linger for those.
        await self._finished.run(params, hurry=not message.born)

    async def refresh_queue_depth(self) -> None:
        async with self._sessions() as session:
            metrics.QUEUE_DEPTH.set(await outbox.queue_depth(session))


def _restated(
    claimed: list[ClaimedMessage], states: Mapping[int, tuple[bool, datetime | None]]
) -> list[ClaimedMessage]:
    """The rows with their addresses' (stopped, last inbound); an address gone (erased) counts as stopped."""
    fresh = []
    for message in claimed:
        stopped, last_inbound_at = states.get(message.identity_id, (True, None))
        fresh.append(replace(message, address_stopped=stopped, last_inbound_at=last_inbound_at))
    return fresh


def _pacing(adapter: ChannelAdapter, message: OutboundMessage) -> tuple[Limit, ...]:
    """The rate limits this send falls under, if the adapter has any (the simulator has none)."""
    limits: Callable[[OutboundMessage], tuple[Limit, ...]] | None = getattr(adapter, "pacing", None)
    return () if limits is None else limits(message)
