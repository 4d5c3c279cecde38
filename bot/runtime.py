"""Wiring: settings → database, channel adapters, engine, outbox sender, and the background clock.

One `Runtime` per process. `serve` starts it with the outbox sender unless `--no-worker`; `worker`
starts it without the web app. APScheduler is only the clock for periodic sweeps: the rows are the truth.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import select, text

from bot import heap, metrics
from bot import tenants as tenant_config
from bot.channels.base import ChannelAdapter, StatusUpdate
from bot.channels.simulator import SimulatorAdapter
from bot.channels.telegram import TelegramAdapter
from bot.channels.twilio import TwilioAdapter
from bot.delivery.pacing import SendPacer
from bot.delivery.quiet_hours import QuietHours
from bot.delivery.sender import OutboxSender
from bot.effects import meetings
from bot.engine import Engine, utc_now
from bot.partitions import Partitions
from bot.settings import Settings
from bot.tasks import spawn
from flows import understanding, when
from storage import health, inbox, matching_index, notify, outbox
from storage.db import make_engine, make_sessionmaker
from storage.inbox import mark_address_stopped
from storage.models import Identity
from storage.send_slots import SharedSlots

log = logging.getLogger("voordeur.runtime")

OPTED_OUT_CODES = {"21610"}
# How often the engine looks for messages other processes stored (its own wake it at once).
ENGINE_POLL_SECONDS = 0.5
QUEUE_DEPTH_SECONDS = 15
HEALTH_FIGURES_SECONDS = 15
# Short-lived conversation state (storage/retention.py `forget_moments`) goes within a minute of its end.
FORGET_SECONDS = 60
SHUTDOWN_TIMEOUT_SECONDS = 10.0
HEALTH_TIMEOUT_SECONDS = 3.0


class Runtime:
    def __init__(
        self,
        settings: Settings,
        *,
        clock: Callable[[], datetime] = utc_now,
        adapters: Mapping[str, ChannelAdapter] | None = None,
    ) -> None:
        """`adapters` replaces the channels the settings enable for the tenant `default` (the terminal
        chat prints every send)."""
        self.settings = settings
        self.clock = clock
        self.tenants = settings.tenants
        tenant_config.install(self.tenants)
        self.db = make_engine(settings.database_url, sqlite_synchronous=settings.voordeur_sqlite_synchronous)
        self.sessions = make_sessionmaker(self.db)
        # Each tenant has its own adapter instances (its own bot token, Twilio account and numbers, and so
        # its own connection pool and rate limits). `telegram`, `twilio` and `adapters` are the default
        # tenant's, as in a single-tenant deployment.
        self.telegram_bots: dict[str, TelegramAdapter] = {}
        self.twilio_accounts: dict[str, TwilioAdapter] = {}
        self.tenant_adapters: dict[str, dict[str, ChannelAdapter]] = {}
        if adapters is None:
            for tenant in self.tenants:
                self.tenant_adapters[tenant.key] = self._build_adapters(tenant)
        else:
            self.tenant_adapters[tenant_config.DEFAULT] = dict(adapters)
        self.telegram = self.telegram_bots.get(tenant_config.DEFAULT)
        self.twilio = self.twilio_accounts.get(tenant_config.DEFAULT)
        self.adapters: dict[str, ChannelAdapter] = self.tenant_adapters.get(tenant_config.DEFAULT, {})
        quiet = settings.quiet_hours
        self.sender = OutboxSender(
            self.sessions,
            self.adapters,
            clock=clock,
            quiet_hours=QuietHours(quiet[0], quiet[1], settings.timezone) if quiet else None,
            whatsapp_templates=settings.whatsapp_templates,
            tenant_adapters=self.tenant_adapters,
            tenant_quiet_hours={tenant.key: tenant.quiet for tenant in self.tenants},
            # On PostgreSQL several workers may send: their rate limits are shared through the database.
            lease=timedelta(seconds=settings.voordeur_outbox_lease),
            pacer=SendPacer(shared=SharedSlots(self.db)) if self.db.dialect.name == "postgresql" else None,
        )
        self.engine = Engine(
            self.sessions,
            clock=clock,
            on_outbox=self.sender.wake,
            handoff=self.sender,  # replies born claimed while the sender runs in this process
            on_touched=self.kick,
            public_base_url=settings.public_base_url or "",
            scheduler_batch=settings.voordeur_scheduler_batch,
        )
        self._tasks: set[asyncio.Task[Any]] = set()
        # The heartbeat row's name: unique per process, readable for an operator.
        self.worker_name = f"{socket.gethostname()}:{os.getpid()}"[:128]
        self._started_at = clock()
        self._beating = False
        self._sender_task: asyncio.Task[Any] | None = None
        self._engine_task: asyncio.Task[Any] | None = None
        self._loops: set[asyncio.Task[Any]] = set()  # run until stop (engine, sender, listeners)
        self._scheduler: AsyncIOScheduler | None = None

    def _build_adapters(self, tenant: tenant_config.Tenant) -> dict[str, ChannelAdapter]:
        """One tenant's channel adapters, with that tenant's credentials and numbers."""
        settings = self.settings
        built: dict[str, ChannelAdapter] = {}
        if tenant.telegram is not None:
            bot = TelegramAdapter(
                tenant.telegram.bot_token,
                api_base_url=settings.telegram_api_base_url,
                timeout=settings.voordeur_send_timeout,
                messages_per_second=settings.voordeur_telegram_mps,
                chat_messages_per_second=settings.voordeur_telegram_chat_mps,
            )
            self.telegram_bots[tenant.key] = bot
            built["telegram"] = bot
        if tenant.twilio is not None:
            account = TwilioAdapter(
                tenant.twilio.account_sid,
                tenant.twilio.auth_token,
                sms_number=tenant.twilio.sms_number,
                whatsapp_number=tenant.twilio.whatsapp_number,
                api_base_url=settings.twilio_api_base_url,
                status_callback_url=f"{settings.public_base_url}/webhooks/twilio/status",
                timeout=settings.voordeur_send_timeout,
                messages_per_second=settings.voordeur_twilio_mps,
            )
            self.twilio_accounts[tenant.key] = account
            if tenant.twilio.sms_number:
                built["sms"] = account
            if tenant.twilio.whatsapp_number:
                built["whatsapp"] = account
        if settings.voordeur_simulator and tenant.key == tenant_config.DEFAULT:
            built["simulator"] = SimulatorAdapter()
        return built

    def all_adapters(self) -> list[ChannelAdapter]:
        """Every adapter instance once (an adapter serving SMS and WhatsApp is one)."""
        found = {id(a): a for adapters in self.tenant_adapters.values() for a in adapters.values()}
        return list(found.values())

    def channels(self) -> list[str]:
        """The channels some tenant has (for health and logs)."""
        return sorted({channel for adapters in self.tenant_adapters.values() for channel in adapters})

    async def start(self, *, worker: bool = True) -> None:
        if self.settings.voordeur_ingest_only:
            await self._start_ingest_only()
            return
        # The reader's lexicons and language model load once, before the first person writes; so do the
        # day names and date languages of "when?" answers.
        await asyncio.to_thread(understanding.warm_up)
        await asyncio.to_thread(when.warm_up)
        # What start-up loaded lives as long as the process: out of the collector's sight (bot/heap.py).
        heap.settle()
        for bot in self.telegram_bots.values():
            await bot.start()
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        if worker:
            self._every(self.settings.voordeur_scheduler_tick, self.engine.run_due_events, "due_events")
            self._every(QUEUE_DEPTH_SECONDS, self.sender.refresh_queue_depth, "queue_depth")
            sweep = partial(meetings.sweep, self.sessions, self.clock, self.kick)
            self._every(meetings.SWEEP_SECONDS, sweep, "meeting_sweep")
            self._every(FORGET_SECONDS, self.engine.forget_moments, "forget_moments")
            self._scheduler.add_job(
                self.engine.expire_old_messages,
                "cron",
                hour=3,
                minute=30,
                timezone=self.settings.timezone,
                args=[self.settings.voordeur_retention_months],
                id="retention",
                coalesce=True,
                max_instances=1,
                misfire_grace_time=6 * 3600,
            )
            self._sender_task = spawn(self.sender.run(), self._tasks)
            self._loops.add(self._sender_task)
            self._every(health.HEARTBEAT_SECONDS, self.heartbeat, "heartbeat")
            await self.heartbeat()
            # The volunteers in memory (storage/matching_index.py) load now, not in the first request's
            # transaction (100,000 volunteers take seconds).
            self.background(self.load_volunteers())
        self._every(HEALTH_FIGURES_SECONDS, self.refresh_health_metrics, "health_metrics")
        self._scheduler.start()
        # The engine's loop: messages stored before (by a process that died) are answered first.
        # Several processes share PostgreSQL's people through partitions; SQLite has one engine.
        partitions = Partitions(self.db) if self.db.dialect.name == "postgresql" else None
        self._engine_task = spawn(
            self.engine.run(
                ENGINE_POLL_SECONDS, partitions, look_each_batch=self.db.dialect.name == "sqlite"
            ),
            self._tasks,
        )
        self._loops.add(self._engine_task)
        if partitions is not None:  # messages another process stored wake this engine at once
            wake = spawn(
                notify.listen(self.db.sync_engine, inbox.NEW_MESSAGES, self._wake_engine), self._tasks
            )
            self._loops.add(wake)
        log.info(
            "runtime started",
            extra={"channels": self.channels(), "worker": worker, "count": len(self.tenants)},
        )

    async def _start_ingest_only(self) -> None:
        """VOORDEUR_INGEST_ONLY: webhooks are stored and answered; the engine, scheduler and sender of
        another process (`voordeur worker`) on the same database take them from there."""
        for bot in self.telegram_bots.values():
            await bot.start()  # answering a tapped button's callback stays with the webhook
        # As a whole process's start (bot/heap.py): without it, each full collection walked every module
        # loaded at start, 75-125 ms with every webhook waiting (11 a run of bench.ingest, its p99).
        heap.settle()
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        self._every(HEALTH_FIGURES_SECONDS, self.refresh_health_metrics, "health_metrics")
        self._scheduler.start()
        log.info("runtime started, ingest only", extra={"channels": self.channels(), "worker": False})

    def _every(self, seconds: float, job: Callable[[], Awaitable[Any]], job_id: str) -> None:
        """A periodic tick. The rows are the truth, so a late or skipped tick only delays work: one run
        at a time, missed runs folded into one, and a generous grace time instead of APScheduler's 1 s."""
        assert self._scheduler is not None
        self._scheduler.add_job(
            job,
            "interval",
            seconds=seconds,
            id=job_id,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=60,
        )

    async def stop(self) -> None:
        """Stop taking work, let running steps and sends finish (bounded), give back unsent claims."""
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
        self.sender.stop()
        self.engine.stop()
        if self._tasks:
            _done, pending = await asyncio.wait(set(self._tasks), timeout=SHUTDOWN_TIMEOUT_SECONDS)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        await self.sender.release_in_flight()
        await self.engine.close()
        if self._beating:
            with contextlib.suppress(Exception):
                async with self.sessions() as session, session.begin():
                    await health.forget(session, self.worker_name)
        await self._release()
        log.info("runtime stopped")

    async def close(self) -> None:
        """Close a runtime that was never started (tests, tools): the background work it set off
        finishes first. Disposing the database under a step still connecting would leave that step to
        be cancelled mid-connect, and SQLAlchemy drops a connection cancelled there without closing it."""
        await self.background_done()
        await self._release()

    async def _release(self) -> None:
        """The adapters' HTTP pools and the database's connections."""
        for adapter in self.all_adapters():
            await adapter.aclose()
        await self.db.dispose()

    async def background_done(self) -> None:
        """Until the background work set off so far (steps webhooks kicked off, and what those set off)
        has finished; the loops that run until `stop` do not count (tests, tools)."""
        while busy := [task for task in self._tasks if task not in self._loops]:
            await asyncio.gather(*busy)

    def _wake_engine(self, payload: str | None) -> None:
        """Another process stored messages (or notes may have been lost: None): the engine looks. Our
        own stores' notes are left alone: `kick` told the engine about those people already."""
        if payload != inbox.notifier():
            self.engine.wake()

    def background(self, coro: Awaitable[Any]) -> None:
        spawn(_logged(coro), self._tasks)

    def kick(self, person_id: int) -> None:
        """A person has a new message (stored, the webhook answered) or a mailbox post: the engine's
        loop takes them in its next batch."""
        if self.settings.voordeur_failpoint == "kill_after_inbound_commit":
            os.kill(os.getpid(), signal.SIGKILL)
        if self.settings.voordeur_ingest_only:  # another process's engine finds it (poll, NOTIFY)
            return
        if self._engine_task is None:  # not started (tests, tools): handle it here, in the background
            self.background(self.engine.process_person(person_id))
        else:
            self.engine.kick(person_id)

    async def load_volunteers(self) -> None:
        await matching_index.preload(self.db, self.clock())

    async def healthy(self, timeout: float = HEALTH_TIMEOUT_SECONDS) -> bool:
        """The database answers a trivial query within `timeout` (a silent network must not hang it)."""

        async def probe() -> None:
            async with self.sessions() as session:
                await session.execute(text("SELECT 1"))

        try:
            await asyncio.wait_for(probe(), timeout)
            return True
        except Exception:
            log.warning("database health check failed")
            return False

    async def heartbeat(self) -> None:
        """This worker's row in `worker_heartbeats` (a failed beat is logged; the next one tries again)."""
        try:
            async with self.sessions() as session, session.begin():
                await health.beat(session, self.worker_name, self.clock(), self._started_at)
            self._beating = True
        except Exception:
            log.warning("heartbeat failed")

    async def health_figures(self) -> health.Health:
        async with self.sessions() as session:
            return await health.figures(session, self.clock())

    async def refresh_health_metrics(self) -> None:
        figures = await self.health_figures()
        metrics.WORKERS_ALIVE.set(figures.workers_alive)
        metrics.WORKERS_STALE.set(figures.workers_stale)
        metrics.OUTBOX_OLDEST_SECONDS.set(figures.outbox_oldest_seconds)
        metrics.CRISIS_UNHANDLED.set(figures.crisis_unhandled)

    async def tenant_of_sent(self, provider_id: str) -> str | None:
        """The tenant of the address a sent message (Twilio SID) went to, or None if it is not ours."""
        async with self.sessions() as session:
            return await outbox.tenant_of_sent(session, provider_id)

    async def record_delivery(self, status: StatusUpdate, outbox_id: int | None) -> None:
        now = self.clock()
        async with self.sessions() as session, session.begin():
            if outbox_id is not None:
                await outbox.confirm_by_callback(session, outbox_id, status.provider_id, now)
            row = await outbox.record_delivery(
                session, status.provider_id, status.status, status.error_code, now
            )
            if row is not None and status.error_code in OPTED_OUT_CODES:
                identity = (
                    await session.execute(select(Identity).where(Identity.id == row.identity_id))
                ).scalar_one()
                await mark_address_stopped(
                    session, identity.channel, identity.address, "opted_out", now, identity.tenant
                )


async def _logged(coro: Awaitable[Any]) -> None:
    """Background work logs its failure instead of vanishing; the engine's loop and the sender redo
    what it left."""
    try:
        await coro
    except asyncio.CancelledError:
        raise
    except Exception:
        log.exception("background task failed")
