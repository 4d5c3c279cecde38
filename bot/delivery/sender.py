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
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import metrics
from bot.channels.base import ChannelAdapter, OutboundMessage, SendResult
from bot.delivery.outcomes import OutcomeBatches
from bot.delivery.pacing import Limit, SendPacer
from bot.delivery.quiet_hours import QuietHours
from bot.delivery.whatsapp_templates import load as load_wordings
from bot.delivery.whatsapp_window import Template, window_open
from storage import outbox, whatsapp_templates
from storage.db import GroupCommit
from storage.inbox import mark_address_stopped
from storage.models import Person
from storage.outbox import ClaimedMessage

log = logging.getLogger("voordeur.outbox")

MAX_ATTEMPTS = 12
BACKOFF_BASE = 1.0
BACKOFF_CAP = 300.0
RECONCILE_DELAY = timedelta(seconds=30)
LEASE = timedelta(seconds=120)


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
        # Outcomes finishing together are recorded in one transaction (group commit) with one statement
        # per batch (bot/delivery/outcomes.py); each send still waits for its own outcome's commit
        # before the row counts as done.
        self._outcomes = GroupCommit(sessions)
        self._batches = OutcomeBatches(self._outcomes)

    def wake(self) -> None:
        self._wakeup.set()

    async def run(self, idle_poll: float = 1.0) -> None:
        """Send until `stop()`: immediately while there is work, else on a wake-up or every second."""
        while not self._stopping:
            # Cleared before the round, not after: a reply committed while this round runs sets it
            # again, and the next round starts at once instead of after the idle poll.
            self._wakeup.clear()
            try:
                sent = await self.send_due()
            except Exception:
                log.exception("outbox round failed")
                sent = 0
            if sent == 0 and not self._stopping:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wakeup.wait(), timeout=idle_poll)

    def stop(self) -> None:
        self._stopping = True
        self._wakeup.set()

    async def send_due(self) -> int:
        """One round: expire dead claims, claim due rows, send them concurrently. Returns rows handled."""
        now = self._clock()
        async with self._sessions() as session, session.begin():
            await outbox.expire_claims(session, now)
            claimed = await outbox.claim_due(
                session, now, limit=self._batch_size, lease=self._lease, channels=tuple(self._adapters)
            )
        if not claimed:
            return 0
        # Each row leaves these sets when its outcome is recorded; a row still in them when the sender
        # is cancelled (shutdown) is released or marked unknown by `release_in_flight`.
        self._claimed.update(message.id for message in claimed)
        await asyncio.gather(*(self._send_one(message) for message in claimed))
        return len(claimed)

    async def release_in_flight(self) -> None:
        """On shutdown, for rows this process still holds: a claim never handed to a provider goes back
        to the queue; a send whose request may have left is `unknown`, to be checked before any resend.
        Outcomes already known but not yet committed are committed first (only `sending` rows change)."""
        await self._outcomes.wait_idle()
        async with self._sessions() as session, session.begin():
            await outbox.release(session, sorted(self._claimed))
            await outbox.mark_unknown(session, sorted(self._sending), self._clock() + RECONCILE_DELAY)
        self._claimed.clear()
        self._sending.clear()

    async def _send_one(self, message: ClaimedMessage) -> None:
        try:
            await self._send_claimed(message)
        except asyncio.CancelledError:
            # Shutdown cut this send off: keep the id, so `release_in_flight` settles the row.
            raise
        except BaseException:
            self._forget(message.id)
            raise
        self._forget(message.id)

    def _forget(self, message_id: int) -> None:
        self._claimed.discard(message_id)
        self._sending.discard(message_id)

    async def _send_claimed(self, message: ClaimedMessage) -> None:
        async with self._concurrency:
            now = self._clock()
            if message.address_stopped and not message.allow_when_stopped:
                await self._finish(message, outbox.CANCELLED, error="address_stopped")
                return
            quiet = self._tenant_quiet.get(message.tenant, self._quiet_hours)
            if message.scheduled and quiet is not None and quiet.contains(now):
                async with self._sessions() as session, session.begin():
                    await outbox.defer(session, message.id, quiet.end_after(now))
                return
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
                    return
                outbound = outside
                message = replace(message, channel=outbound.channel, address=outbound.address)
            adapter = adapters.get(outbound.channel)
            if adapter is None:
                # Its tenant has no such channel (any more): never send it with another tenant's.
                await self._fail(message, "channel_off")
                return
            async with self._pacer.slot(_pacing(adapter, outbound)):
                # From here the request may leave this process: on a cancelled shutdown it is "unknown".
                self._claimed.discard(message.id)
                self._sending.add(message.id)
                if message.needs_reconcile and await self._settled_by_reconcile(adapter, message):
                    return
                result = await adapter.send(outbound)
            await self._record(message, result)

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
        metrics.RESENT_AFTER_UNKNOWN.labels(message.channel).inc()
        confirms = bool(getattr(adapter, "confirms_by_callback", False))
        log.info("resending unknown send", extra={"outbox_id": message.id, "confirmable": confirms})
        return False

    async def _record(self, message: ClaimedMessage, result: SendResult) -> None:
        now = self._clock()
        metrics.OUTBOUND.labels(message.channel, result.outcome).inc()
        if result.outcome == "sent":
            await self._finish(message, outbox.SENT, provider_id=result.provider_id)
            metrics.REPLY_LATENCY_SECONDS.labels(message.channel).observe(
                (now - message.created_at).total_seconds()
            )
        elif result.outcome == "retry":
            if message.attempts >= MAX_ATTEMPTS:
                await self._fail(message, "gave_up")
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
        log.info(
            "send",
            extra={
                "outbox_id": message.id,
                "channel": message.channel,
                "outcome": result.outcome,
                "reason": result.error,
                "attempt": message.attempts,
            },
        )

    async def _fail(self, message: ClaimedMessage, reason: str, *, stop_address: bool = False) -> None:
        metrics.SEND_FAILURES.labels(message.channel, reason).inc()
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
        await self._batches.record(params)

    async def refresh_queue_depth(self) -> None:
        async with self._sessions() as session:
            metrics.QUEUE_DEPTH.set(await outbox.queue_depth(session))


def _pacing(adapter: ChannelAdapter, message: OutboundMessage) -> tuple[Limit, ...]:
    """The rate limits this send falls under, if the adapter has any (the simulator has none)."""
    limits: Callable[[OutboundMessage], tuple[Limit, ...]] | None = getattr(adapter, "pacing", None)
    return () if limits is None else limits(message)
