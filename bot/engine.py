"""The engine: stores inbound messages, then runs flow steps for many people in one transaction.

Durable first: an inbound message is committed (and the webhook answered) before any flow runs. Then the
engine's loop (`run`) takes the people of the oldest unprocessed messages (`MAX_BATCH_MESSAGES`) and
handles them in ONE transaction (`process_people`): the people locked and their conversations, rate
counts, facts and pending messages read in two statements, the pure step run per message in each
person's arrival order, replies, processed marks and states written one statement per table, one
commit. At low load a batch is the one or two people who just wrote; under load it grows by itself.

A batch that fails is split to isolate the person whose message breaks it; that message is set aside
(marked with its reason, raised to staff), never lost and never blocking the others. A crash between
the two commits leaves messages unprocessed; the loop picks them up when the process starts again.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar, cast

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import metrics
from bot import tenants as tenant_config
from bot.channels.base import InboundMessage
from bot.effects import person as person_effects
from bot.effects import scheduling
from bot.effects.mailbox import EffectContext, Touched
from bot.effects.registry import EFFECT_HANDLERS, SCHEDULED_HANDLERS, WRITES_OUTBOX
from bot.effects.requests import NewRequests
from bot.partitions import Partitions
from flows import catalogue, places
from flows.conversation import step
from flows.dialogue import label_of
from flows.profile import Profile
from flows.types import Effect, Event, Reply
from storage import inbox, outbox, people, retention, schedule, staff, threads
from storage import profile as person_facts
from storage.bulk import NOTHING, Then, run_together
from storage.db import BatchCommit, ForIds
from storage.inbox import StoredInbound
from storage.models import Conversation, Identity, Person

log = logging.getLogger("voordeur.engine")

EVENT_LEASE = timedelta(seconds=60)
# A handler that raised is tried again after this; after this many claims the event is given up.
EVENT_RETRY_DELAY = timedelta(seconds=30)
MAX_EVENT_CLAIMS = 10
SCHEDULER_BATCH = 50
# Due events run this many to a transaction (each in a savepoint): one commit per group. Small enough
# that person locks a handler takes are not held long.
SCHEDULER_GROUP = 50
SCHEDULER_LANES = 4
# Due events are claimed this many at a time: one commit for a chunk's set-based events.
SCHEDULER_CHUNK = 1000
# A person sending more than this many messages a minute gets one slow-down reply; the rest waits.
RATE_LIMIT = 20
RATE_WINDOW = timedelta(seconds=60)
# A batch takes the people of the oldest this many unprocessed messages (one transaction, one commit).
MAX_BATCH_MESSAGES = 500
# Rounds of one batch: internal events its steps post to its own people are handled in the same
# transaction, up to this many rounds (a chain longer than that goes on in the next batch).
MAX_ROUNDS = 10
# People a batch takes from those the loop was told about (`kick`), without a look at the table: at
# most this many, so a backlog of kicks still makes batches of the size a look would (each has at
# least one new message; most one or two).
MAX_KICKED_PEOPLE = 200
# A person who sends too much is left out of batches for this long, then their count is read again.
RESTING = timedelta(seconds=5)
# The reason on a message that broke its batch on its own, and the staff alert's kind.
MESSAGE_FAILED = "message_failed"

Clock = Callable[[], datetime]
ModelT = TypeVar("ModelT", Person, Identity)


def utc_now() -> datetime:
    return datetime.now(UTC)


def event_to_json(event: Event) -> dict[str, Any]:
    """The event as stored. NUL cannot be stored in PostgreSQL text or JSONB: in every string (the text,
    a button's data, a language hint, meta) it becomes U+FFFD, the replacement character, so a message
    that contains one is still stored (and answered) once."""
    data = {  # Event's fields but address_stopped, without dataclasses.asdict's deep copy (every webhook)
        "kind": event.kind,
        "text": event.text,
        "choice": event.choice,
        "command": event.command,
        "language_hint": event.language_hint,
        "meta": dict(event.meta),
    }
    cleaned = _without_nul(data)
    return {key: value for key, value in cleaned.items() if value not in (None, "", {})}


def _without_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {_without_nul(key): _without_nul(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_without_nul(item) for item in value]
    return value


def event_from_json(data: dict[str, Any], *, address_stopped: bool) -> Event:
    return Event(
        kind=data.get("kind", "text"),
        text=data.get("text", ""),
        choice=data.get("choice"),
        command=data.get("command"),
        language_hint=data.get("language_hint"),
        meta=data.get("meta", {}),
        address_stopped=address_stopped,
    )


class _ClaimLost(Exception):
    """The event's claim no longer holds at finish: roll back the handler's transaction."""


def _event_log(event: schedule.DueEvent) -> dict[str, object]:
    return {"event_id": event.id, "kind": event.kind, "attempt": event.claim}


class Engine:
    """Runs the conversation for people, one person at a time each, many people in parallel."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        clock: Clock = utc_now,
        on_outbox: Callable[[], None] = lambda: None,
        handoff: outbox.Handoff | None = None,
        on_touched: Callable[[int], None] = lambda _person_id: None,
        public_base_url: str = "",
        scheduler_batch: int = SCHEDULER_BATCH,
    ) -> None:
        self._sessions = sessions
        self.public_base_url = public_base_url  # for links the bot sends (a one-time export)
        self._scheduler_batch = scheduler_batch
        self._clock = clock
        self._on_outbox = on_outbox
        self._handoff = handoff  # the sender that takes the replies born claimed, if one runs here
        self._on_touched = on_touched
        self._batch_lock = asyncio.Lock()
        self._resting: dict[int, datetime] = {}  # people sending too much -> until when left out
        self._shares: Partitions | None = None  # while `run` shares people with other engines
        self._wake = asyncio.Event()
        # People this process stored a message for or posted to since the loop's last batch: the next
        # batch takes them without a look at the table (the look, a session and a query, was most of a
        # small batch's fixed cost). A look still runs when `wake` asks for one and every `idle_poll`.
        self._kicked: dict[int, None] = {}
        self._look = True
        self._stopping = False
        # Inbound messages arriving together are stored in one transaction (group commit).
        self._stores = BatchCommit(sessions, inbox.store_committed)

    async def store(self, message: InboundMessage) -> StoredInbound:
        """Store an inbound message once and commit. A duplicate provider id stores nothing.

        Returns once the transaction holding it has committed; messages that arrive while another
        batch commits share the next transaction, written set-based (storage.inbox.store_many)."""
        new = inbox.NewInbound(
            tenant=message.tenant,
            channel=message.channel,
            provider_id=message.provider_id,
            address=message.address,
            event=event_to_json(message.event),
            received_at=self._clock(),
        )
        stored = await self._stores.run(new)
        metrics.labelled(
            metrics.INBOUND, message.channel, "duplicate" if stored.duplicate else "stored"
        ).inc()
        return stored

    async def mark_blocked(self, channel: str, address: str, reason: str, tenant: str = "default") -> None:
        async with self._sessions() as session, session.begin():
            await inbox.mark_address_stopped(session, channel, address, reason, self._clock(), tenant)

    async def process_person(self, person_id: int) -> int:
        """Handle all of one person's unprocessed messages in order; returns how many were handled."""
        return await self.process_people([person_id])

    async def process_people(self, person_ids: Sequence[int]) -> int:
        """Handle the unprocessed messages of these people, each person's in arrival order, in one
        transaction (split on failure). One batch at a time per process: SQLite has one writer, and on
        PostgreSQL the people of a process's partitions are its own. Returns messages handled."""
        async with self._batch_lock:
            return await self._split_on_failure(list(dict.fromkeys(person_ids)))

    async def _split_on_failure(self, person_ids: list[int]) -> int:
        try:
            return await self._process_batch(person_ids)
        except Exception as exc:
            if _transient(exc):
                log.warning("batch failed on the database, left for the next round", exc_info=True)
                return 0
            if len(person_ids) == 1:
                return await self._one_by_one(person_ids[0])
            half = len(person_ids) // 2
            log.warning("batch failed, split", extra={"count": len(person_ids)})
            first = await self._split_on_failure(person_ids[:half])
            return first + await self._split_on_failure(person_ids[half:])

    async def _one_by_one(self, person_id: int) -> int:
        """A person whose messages break a batch: each message in a transaction of its own, until the
        one that breaks it, which is set aside; the messages after it wait for the next round."""
        handled = 0
        while True:
            try:
                done = await self._process_batch([person_id], one_message=True)
            except Exception as exc:
                if _transient(exc):
                    log.warning("message failed on the database, left for the next round", exc_info=True)
                    return handled
                log.exception("a message breaks its batch: set aside", extra={"person_id": person_id})
                handled += await self._set_aside(person_id)
                self.wake()  # the person's messages after it: the loop's next look takes them
                return handled
            if done == 0:
                return handled
            handled += done

    async def _set_aside(self, person_id: int) -> int:
        """The person's oldest unprocessed message fails on its own: mark it with the reason and raise it
        to staff (it stays stored and visible in the console), so the person's next messages go on."""
        now = self._clock()
        async with self._sessions() as session, session.begin():
            pending = await inbox.pending_for_person(session, person_id)
            if not pending:
                return 0
            mark = {"inbound_id": pending[0].id, "processed_at": now, "error": MESSAGE_FAILED}
            await inbox.mark_processed(session, [mark])
            threads.alert(session, MESSAGE_FAILED, now, person_id=person_id, priority="high")
        metrics.INBOUND_SET_ASIDE.inc()
        return 1

    async def _process_batch(self, person_ids: list[int], *, one_message: bool = False) -> int:
        touched = Touched(buffered=True)
        writes = _Writes(self._handoff)
        handled = 0
        in_batch = set(person_ids)
        async with self._sessions() as session, session.begin():
            now = self._clock()
            todo, rounds = person_ids, 0
            while todo:
                starts = await person_facts.start_many(session, todo, now - RATE_WINDOW)
                writes.expect(Person, starts)
                pending = [pair for s in starts.values() for pair in s.pending]
                writes.expect(Identity, (i.id for _m, i in pending if i))
                writes.expect(Identity, (m.reach.id for m, _i in pending if m.reach))
                posted = len(touched.posted)
                for person_id in todo:
                    started = starts.get(person_id)
                    if started is not None:
                        handled += await self._turn(session, started, touched, writes, one_message)
                await writes.make_requests(session, touched)
                # A step may post internal events to people of this batch (a yes answered by "it is
                # yours", "nobody found" to the requester): they are handled in this transaction, in
                # another round, their mailboxes read again for all of them at once. People outside
                # the batch are woken after the commit (`on_touched`).
                rounds += 1
                todo = sorted(set(touched.posted[posted:]) & in_batch)
                if one_message or rounds >= MAX_ROUNDS:
                    break
                if todo:
                    # The round's posts and marks first: the mailboxes are read again
                    await touched.flush(session)
                    await writes.flush(session)
                    # and what effects changed through the ORM (an address stopped), so the next
                    # round's read sees it: the read is Core, which does not autoflush.
                    await session.flush()
            early = len(writes.born)  # born in an earlier round: a later step may have stopped the address
            restating = self._handoff if early else None  # reads those rows again after the last writes
            await touched.flush(session)
            # The COMMIT with the batch's last writes (PostgreSQL: one wait less), unless rows born
            # earlier are read again after them.
            await writes.flush(session, last=restating is None)
            if restating is not None:
                writes.born[:early] = await restating.restate(session, writes.born[:early])
        if writes.born and self._handoff is not None:
            self._handoff.hand_over(writes.born)
        # The sender's claim path is woken for rows it must claim itself: all of them without a hand-off;
        # with one, only rows not born claimed (an earlier row of the address in the way, not due) and
        # rows made through the session (a slow-down notice, an effect that writes the outbox).
        if writes.needs_claim or (self._handoff is None and handled):
            self._on_outbox()
        for other in touched.people:
            self._on_touched(other)
        return handled

    async def _turn(
        self,
        session: AsyncSession,
        started: person_facts.Start,
        touched: Touched,
        writes: _Writes,
        one_message: bool = False,
    ) -> int:
        """One person's messages of this batch (only the first with `one_message`), in order."""
        person = started.person
        if not started.pending:
            return 0
        person_id = person.id
        has_conversation = started.state is not None
        state = dict(started.state or {})
        if await self._flooding(session, person, state, started.recent):
            writes.needs_claim = True  # the notice, if one went out, is an ORM row
            writes.state(session, person_id, has_conversation, state, self._clock())
            self._resting[person_id] = self._clock() + RESTING  # others are not held up behind them
            return 0
        handled = 0
        profile: Profile | None = None
        known: person_facts.Facts | None = started.facts
        # The Profile reads the person's name and place: from the row read at the start, or, once an
        # effect may have changed them, from the ORM object the effects changed (kept by `writes`).
        subject: person_facts.PersonRow | Person = person
        pending = started.pending[:1] if one_message else started.pending
        # Whether an earlier step of this turn had effects: then an internal event's address (read with
        # the batch) is asked again, as an effect may have stopped or added one (`_step_one`).
        changed = False
        for message, identity in pending:
            if changed and writes.new_requests.queued_for(person_id):
                # The person's request of an earlier message is made first: this step may ask about it.
                await writes.make_requests(session, touched)
            # Staff's hold or block is read before every step; the Profile's parts only when
            # effects may have changed them (storage/profile.py: one statement for both).
            if known is None:
                await writes.before_facts(session, person_id)
                known = await person_facts.facts(session, person_id)
            if profile is None:
                profile = await person_facts.load(session, subject, known)
            # The flow and its effects see the neighbourhoods of the person's tenant.
            with places.using(tenant_config.current().get(person.tenant).municipality):
                state, stepped = await self._step_one(
                    session, person, message, identity, state, profile, known.status, touched, writes, changed
                )
            known = None
            changed = changed or stepped
            if stepped:
                profile = None  # effects may have changed what the profile says
                subject = writes.person_now(person_id, subject)
        handled += len(pending)
        writes.state(session, person_id, has_conversation, state, self._clock())
        language = catalogue.language_or_default(state.get("lang"))
        if language != person.language:  # rare: the person changed language (or a new person's first)
            writes.set_person(session, person_id, {"language": language})
        return handled

    async def _flooding(
        self, session: AsyncSession, person: person_facts.PersonRow, state: dict[str, Any], recent: int
    ) -> bool:
        """More than RATE_LIMIT messages from this person in RATE_WINDOW: answer once, politely, and
        leave the messages stored but unprocessed; the loop takes them again once it is calm.
        `recent`: the person's messages in the last RATE_WINDOW (read with their lock)."""
        now = self._clock()
        if recent <= RATE_LIMIT:
            return False
        slowed_until = state.get("slowed_until")
        if slowed_until is None or datetime.fromisoformat(slowed_until) <= now:
            state["slowed_until"] = (now + RATE_WINDOW).isoformat()
            identity = await inbox.preferred_identity(session, person.id)
            if identity is not None:
                language = catalogue.language_or_default(state.get("lang"))
                body = catalogue.message("slow_down", language, service=_service(person))
                outbox.enqueue(
                    session,
                    person_id=person.id,
                    identity_id=identity.id,
                    channel=identity.channel,
                    text_key="slow_down",
                    body=body,
                    choices=[],
                    now=now,
                )
            log.info("sender slowed down", extra={"person_id": person.id})
        return True

    async def _step_one(
        self,
        session: AsyncSession,
        person: person_facts.PersonRow,
        message: person_facts.MessageRow,
        identity: person_facts.IdentityRow | Identity | None,
        state: dict[str, Any],
        profile: Profile,
        held: staff.PersonStatus,
        touched: Touched,
        writes: _Writes,
        changed: bool = False,
    ) -> tuple[dict[str, Any], bool]:
        """One message through the flow; returns the new state and whether effects were applied. Its
        replies and processed mark join the batch's writes. `changed`: an earlier step of this turn had
        effects (an internal event's address read with the batch may be stale)."""
        now = self._clock()
        internal = message.identity_id is None
        error: str | None = None
        if internal and not changed:
            identity = message.reach  # read with the batch, after the rounds before it were flushed
        elif internal:
            identity = await inbox.preferred_identity(session, person.id)
        elif isinstance(identity, person_facts.IdentityRow):
            # An earlier step's effect may have changed the address (STOP): its ORM object says so.
            identity = writes.loaded.get((Identity, identity.id), identity)
        stopped = identity is not None and identity.stopped_at is not None and not internal
        event = event_from_json(message.event, address_stopped=stopped)
        started = asyncio.get_running_loop().time()
        try:
            result = step(state, event, now, profile)
            new_state, replies, effects = result.state, result.replies, result.effects
        except Exception:
            # A flow bug must not silence the person: they hear a kind error, the message is marked.
            log.exception("flow step failed", extra={"inbound_id": message.id, "person_id": person.id})
            error = "flow_error"
            new_state, replies, effects = state, (Reply("error_generic"),), ()
        metrics.FLOW_STEP_SECONDS.observe(asyncio.get_running_loop().time() - started)
        if held.blocked:
            # Staff blocked this person: what they send is stored (the console shows it), nothing is said
            # or changed. Only an opt-out is recorded (STOP/START, contract), so it holds if the block ends.
            for effect in effects:
                if effect.kind == "set_stopped":
                    await self._apply(session, person, identity, effect, now, touched, writes)
            writes.mark(message.id, now, error)
            return state, False
        if held.held and not internal and not _allowed_while_held(effects):
            # Staff took over: the message is stored for them, the bot answers nothing and changes nothing.
            writes.mark(message.id, now, error)
            return state, False
        language = catalogue.language_or_default(new_state.get("lang"))
        # The STOP confirmation and the erasure goodbye may reach an address that is stopped from now on.
        stopping = any(
            (e.kind == "set_stopped" and e.data.get("stopped")) or e.kind == "erase_me" for e in effects
        )
        if any(effect.kind in WRITES_OUTBOX for effect in effects):
            # Replies queued so far go in first: a message an effect enqueues keeps its place after them.
            await writes.flush_outbox(session)
            writes.needs_claim = True
        for effect in effects:
            await self._apply(session, person, identity, effect, now, touched, writes)
        if identity is None:
            if replies:
                log.info("no address to reply on", extra={"inbound_id": message.id, "person_id": person.id})
        else:
            # Messages nobody just asked for (an invitation, a match) respect quiet hours.
            # An internal event that answers the person's own question (a look-up) is a reply too.
            scheduled = internal and not event.meta.get("reply")
            writes.outbox.extend(
                self._reply_row(
                    person, identity, message, reply, language, now, stopping, scheduled=scheduled
                )
                for reply in replies
            )
        writes.mark(message.id, now, error)
        return new_state, bool(effects)

    async def _apply(
        self,
        session: AsyncSession,
        person: person_facts.PersonRow,
        identity: person_facts.IdentityRow | Identity | None,
        effect: Effect,
        now: datetime,
        touched: Touched,
        writes: _Writes,
    ) -> None:
        """Carry out one effect of a flow step, inside the step's transaction. Handlers change the
        person and the address through the ORM: their objects come from the session (loaded once per
        batch, and only for people whose steps have effects) and are kept for the batch's later steps.
        The person's own profile and consent (`ROW_EFFECTS`, most first conversations' only effects)
        need no object: their columns join the batch's writes (`_Writes.set_person`)."""
        handler = EFFECT_HANDLERS.get(effect.kind)
        if handler is None:
            raise ValueError(f"unknown effect kind {effect.kind!r}")
        row_effect = person_effects.ROW_EFFECTS.get(effect.kind)
        if row_effect is not None and not writes.has_object(session, person.id):
            written = row_effect(person.id, effect.data, now)
            writes.set_person(session, person.id, written.columns)
            if written.consent is not None:
                writes.consents.append(written.consent)
            return
        # A handler reads through the ORM and Core alike: the person columns set so far are written first.
        await writes.write_people(session)
        orm_person = await writes.orm(session, Person, person.id)
        orm_identity = identity if identity is None or isinstance(identity, Identity) else None
        if identity is not None and orm_identity is None:
            orm_identity = await writes.orm(session, Identity, identity.id)
        context = EffectContext(
            session, orm_person, orm_identity, now, touched, self.public_base_url, writes.new_requests
        )
        await handler(context, effect.data)

    @staticmethod
    def _reply_row(
        person: person_facts.PersonRow,
        identity: person_facts.IdentityRow | Identity,
        message: person_facts.MessageRow,
        reply: Reply,
        language: str,
        now: datetime,
        allow_when_stopped: bool,
        *,
        scheduled: bool = False,
    ) -> dict[str, Any]:
        body = catalogue.message_with_lead(
            reply.key, language, reply.params, lead=reply.lead, service=_service(person)
        )
        choices = [[choice.key, label_of(choice, language)] for choice in reply.choices]
        return outbox.row(
            person_id=person.id,
            identity_id=identity.id,
            channel=identity.channel,
            text_key=reply.key,
            body=body,
            choices=choices,
            params=dict(reply.params),
            now=now,
            inbound_id=message.id,
            allow_when_stopped=allow_when_stopped,
            scheduled=scheduled,
        )

    async def run_due_events(self, limit: int | None = None) -> int:
        """One scheduler tick (APScheduler calls it; the rows are the truth). Stale due events are
        dropped; then at most `limit` (VOORDEUR_SCHEDULER_BATCH) due events are claimed and run, oldest
        first: after downtime the backlog is caught up a batch per tick instead of all at once.

        They are taken `SCHEDULER_CHUNK` at a time, locked for one transaction (`schedule.lock_due`).
        Kinds in `scheduling.SET_BASED` (they only read and enqueue) run in that transaction, a few
        statements for the whole chunk, finished with their claim counted, one commit
        (`_run_set_based`). The others get a lease in the same transaction (`schedule.lease`) and then
        run `SCHEDULER_GROUP` to a transaction, each in its own savepoint (`_run_group`), up to
        `SCHEDULER_LANES` groups at once. Events of one batch are not run in due order across groups
        (as between two workers). Each chunk of a tick looks on from where the previous one ended
        (`after`); the next tick starts from the oldest again. Returns how many were claimed."""
        limit = limit or self._scheduler_batch
        claimed = 0
        after: tuple[datetime, int] | None = None
        while claimed < limit:
            size = min(SCHEDULER_CHUNK, limit - claimed)
            now = self._clock()
            async with self._sessions() as session, session.begin():
                dropped = await schedule.drop_stale(session, now) if after is None else 0
                due = await schedule.lock_due(session, now, limit=size, after=after)
                rest = await self._run_set_based(session, due, now)
                rest = await schedule.lease(session, rest, now + EVENT_LEASE)
            if dropped:
                log.info("stale scheduled events dropped", extra={"count": dropped, "reason": schedule.STALE})
            await self._run_groups(rest)
            claimed += len(due)
            if due:
                after = (due[-1].due_at, due[-1].id)
                log.info("scheduled events run", extra={"count": len(due)})
                self._on_outbox()
            if len(due) < size:
                break
        return claimed

    async def _run_set_based(
        self, session: AsyncSession, due: list[schedule.DueEvent], now: datetime
    ) -> list[schedule.DueEvent]:
        """Run the set-based kinds of a locked chunk in its transaction, in a savepoint: their outbox
        rows and their finish commit together, or (any error) none of it, and they are then leased and
        run one by one like any other kind. Returns the events still to run (not yet leased)."""
        by_kind: dict[str, list[schedule.DueEvent]] = {}
        rest: list[schedule.DueEvent] = []
        for event in due:
            if event.kind in scheduling.SET_BASED:
                by_kind.setdefault(event.kind, []).append(event)
            else:
                rest.append(event)
        for kind, events in by_kind.items():
            try:
                async with session.begin_nested():
                    outcomes = await scheduling.SET_BASED[kind](session, events, now)
                    if await schedule.finish_locked(session, outcomes, now) != len(events):
                        raise _ClaimLost
            except Exception:
                log.exception(
                    "set-based scheduled events failed, run one by one", extra={"count": len(events)}
                )
                rest.extend(events)
        return rest

    async def _run_groups(self, due: list[schedule.DueEvent]) -> None:
        # Groups run side by side on their own connections (a few at a time): a group mostly waits for
        # the database, and one connection per process (SQLite) simply takes them in turn.
        lanes = asyncio.Semaphore(SCHEDULER_LANES)

        async def run(group: list[schedule.DueEvent]) -> None:
            async with lanes:
                await self._run_group(group)

        await asyncio.gather(
            *(run(due[start : start + SCHEDULER_GROUP]) for start in range(0, len(due), SCHEDULER_GROUP))
        )

    async def _run_group(self, events: list[schedule.DueEvent]) -> None:
        """Run claimed events in one transaction, each in a savepoint, so a group pays one commit
        (the commit, not the handler, bounds a backlog's pace). Per event it is `_run_claimed`: the
        handler's effects and `finish` are released together or rolled back to the savepoint together
        (claim lost, handler failed); a failed handler's event is released for a retry in the same
        transaction. Should the transaction as a whole fail (a deadlock between two workers' person
        locks, a lost connection), none of it was kept, and each event is run again on its own (an
        event whose finish did commit is no longer ours and is skipped)."""
        if len(events) == 1:
            await self._run_claimed(events[0])
            return
        kept: list[Touched] = []
        try:
            async with self._sessions() as session, session.begin():
                now = self._clock()
                for event in events:
                    touched = Touched()
                    if await self._run_in_savepoint(session, event, now, touched):
                        kept.append(touched)
        except Exception:
            log.warning("scheduled group failed, running its events one by one", extra={"count": len(events)})
            for event in events:
                await self._run_claimed(event)
            return
        for touched in kept:
            for person_id in touched.people:
                self._on_touched(person_id)

    async def _run_in_savepoint(
        self, session: AsyncSession, event: schedule.DueEvent, now: datetime, touched: Touched
    ) -> bool:
        """One event of a group; True when its effects are kept (to be committed with the group)."""
        try:
            async with session.begin_nested():
                if not await schedule.still_claimed(session, event):
                    return False
                if event.stale_after is not None and event.stale_after <= now:
                    status, reason = schedule.DROPPED, schedule.STALE
                else:
                    status, reason = await self._run_event(session, event, now, touched)
                if not await schedule.finish(session, event, now, status=status, reason=reason):
                    raise _ClaimLost
        except _ClaimLost:
            log.warning("scheduled event no longer ours, effects rolled back", extra=_event_log(event))
            return False
        except Exception:
            log.exception("scheduled event failed", extra=_event_log(event))
            if event.claim >= MAX_EVENT_CLAIMS:
                await schedule.give_up(session, event, self._clock(), "handler_error")
            else:
                await schedule.release(session, event, self._clock() + EVENT_RETRY_DELAY)
            return False
        return True

    async def _run_claimed(self, event: schedule.DueEvent) -> None:
        """Run one claimed event: its effects and its finish commit together, or not at all."""
        now = self._clock()
        touched = Touched()
        try:
            async with self._sessions() as session, session.begin():
                if not await schedule.still_claimed(session, event):
                    return
                if event.stale_after is not None and event.stale_after <= now:
                    status, reason = schedule.DROPPED, schedule.STALE
                else:
                    status, reason = await self._run_event(session, event, now, touched)
                if not await schedule.finish(session, event, now, status=status, reason=reason):
                    raise _ClaimLost
        except _ClaimLost:
            # Our lease ran out and another runner took the event, or a flow cancelled or moved it while
            # the handler ran: the rollback above dropped this run's effects.
            log.warning("scheduled event no longer ours, effects rolled back", extra=_event_log(event))
            return
        except Exception:
            log.exception("scheduled event failed", extra=_event_log(event))
            async with self._sessions() as session, session.begin():
                if event.claim >= MAX_EVENT_CLAIMS:
                    await schedule.give_up(session, event, self._clock(), "handler_error")
                else:
                    await schedule.release(session, event, self._clock() + EVENT_RETRY_DELAY)
            return
        for person_id in touched.people:
            self._on_touched(person_id)

    @staticmethod
    async def _run_event(
        session: AsyncSession, event: schedule.DueEvent, now: datetime, touched: Touched
    ) -> tuple[str, str]:
        handler = SCHEDULED_HANDLERS.get(event.kind)
        if handler is None:
            log.warning("unknown scheduled event kind", extra=_event_log(event))
            return schedule.FAILED, "unknown_kind"
        return schedule.DONE, await handler(session, event, now, touched)

    async def expire_old_messages(self, months: int) -> int:
        """The nightly retention job (storage/retention.py `expire`)."""
        now = self._clock()
        cutoff = now - timedelta(days=round(30.44 * months))
        async with self._sessions() as session, session.begin():
            affected = await retention.expire(session, now, cutoff)
        log.info("retention", extra={"count": affected})
        return affected

    async def forget_moments(self) -> int:
        """The minute's retention job: short-lived conversation state past its lifetime (the last words
        kept to read a crisis said in pieces), also when no next message comes to take it out."""
        async with self._sessions() as session, session.begin():
            return await retention.forget_moments(session, self._clock())

    async def settle(self, rounds: int = 50) -> int:
        """Handle every pending message of everyone until no mailbox has anything left (tests, demo)."""
        total = 0
        for _ in range(rounds):
            handled = await self.recover(grace=timedelta(0))
            total += handled
            if handled == 0:
                break
        return total

    async def recover(self, grace: timedelta = timedelta(seconds=5)) -> int:
        """Process messages stored at least `grace` ago and not handled yet, a batch at a time, until a
        batch took everything the look found. Whatever came after that look (or was posted to people
        outside the batch) is for the caller's next round: `run` and `settle` look again at once after
        a round that handled something, so a lone message costs one look less (a session and a query,
        most of a small batch's fixed cost)."""
        handled = 0
        while True:
            async with self._sessions() as session:
                now = self._clock()
                self._end_rests(now)
                people, more = await inbox.people_with_pending(
                    session,
                    now - grace,
                    limit=MAX_BATCH_MESSAGES,
                    partitions=self._partitions(),
                    excluding=self._resting.keys(),
                )
            if not people:
                break
            done = await self.process_people(people)
            handled += done
            if done == 0:
                break  # only people who must wait (flooding): the next round takes them
            if not more:
                break  # the batch had all the look found
        if handled:
            log.info("handled stored inbound messages", extra={"count": handled})
        return handled

    def wake(self) -> None:
        """New work somewhere in the table (a set-aside person's next message, another process's store):
        the loop's next batch looks for it."""
        self._look = True
        self._wake.set()

    def kick(self, person_id: int) -> None:
        """This person has new work committed (a message stored here, a mailbox post): the loop's next
        batch takes them, without a look at the table."""
        self._kicked[person_id] = None
        self._wake.set()

    async def run(
        self, idle_poll: float = 1.0, partitions: Partitions | None = None, *, look_each_batch: bool = False
    ) -> None:
        """The engine's loop until `stop()`: a batch of the people kicked since the last one, at once;
        a look at the table for everyone waiting when `wake` asked for one, when the partitions owned
        changed, and at least every `idle_poll` seconds (messages stored by other processes, people who
        rested, a batch that failed on the database). With `partitions` (several engines on one
        PostgreSQL database, bot/partitions.py) only the people of the partitions this engine owns.

        `look_each_batch` (SQLite): every batch starts with a look, as if kicks were wakes. There the
        engine and ingest share one writer, and the look's few milliseconds let the next ingest commit
        first, so batches come half as often and twice as large (measured end to end: 920-990 against
        846-924 messages/s without it); on PostgreSQL the look is a round trip and the server's CPU."""
        self._shares = partitions
        loop = asyncio.get_running_loop()
        looked_at = -math.inf
        while not self._stopping:
            self._wake.clear()
            try:
                if self._shares is not None and self._shares.due():
                    owned = self._shares.owned
                    if await self._shares.refresh() != owned:
                        self._look = True
                if self._look or look_each_batch or loop.time() - looked_at >= idle_poll:
                    # The look covers everyone waiting, the kicked among them: a kick after it is for
                    # a message stored after it.
                    self._look, looked_at = False, loop.time()
                    self._kicked.clear()
                    handled = await self.recover(grace=timedelta(0))
                else:
                    handled = await self._take_kicked()
            except Exception:
                log.exception("engine round failed")
                # Not again at once (a database that is down would be asked in a tight loop): the next
                # round, a look, after the poll's wait or a wake.
                self._look, looked_at = True, loop.time()
                handled = 0
            # Go on at once only when new work was announced meanwhile: every later store, mailbox post
            # or set-aside message wakes the loop (and a round leaving kicked people behind does).
            if (handled == 0 or not self._wake.is_set()) and not self._stopping:
                timeout = max(0.0, looked_at + idle_poll - loop.time())
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout)

    async def _take_kicked(self) -> int:
        """A batch of the people kicked since the last one (the oldest kicks first), but those resting
        after a flood and, with partitions, those another engine owns; the look finds them later."""
        people = list(itertools.islice(self._kicked, MAX_KICKED_PEOPLE))
        for person_id in people:
            del self._kicked[person_id]
        if self._kicked:
            self._wake.set()  # the rest in the next batch
        self._end_rests(self._clock())
        shares = self._partitions()
        people = [
            person_id
            for person_id in people
            if person_id not in self._resting and (shares is None or person_id % shares[0] in shares[1])
        ]
        if not people:
            return 0
        handled = await self.process_people(people)
        if handled:
            log.info("handled stored inbound messages", extra={"count": handled})
        return handled

    def stop(self) -> None:
        """The loop ends after its batch; `close` then lets go of the partitions."""
        self._stopping = True
        self._wake.set()

    async def close(self) -> None:
        if self._shares is not None:
            await self._shares.close()

    def _end_rests(self, now: datetime) -> None:
        """People whose rest after a flood is over go back into batches (a look's and a kick's)."""
        self._resting = {person: until for person, until in self._resting.items() if until > now}

    def _partitions(self) -> tuple[int, frozenset[int]] | None:
        """The partitions of people this process handles (PostgreSQL, several engines), or None: all."""
        if self._shares is None:
            return None
        return self._shares.count, self._shares.owned


class _Writes:
    """A batch's writes that wait for its end: processed marks, replies and conversation states, one
    statement per table. Replies are written earlier when an effect is about to run (their order)."""

    def __init__(self, handoff: outbox.Handoff | None = None) -> None:
        self.marks: list[dict[str, Any]] = []
        self.outbox: list[dict[str, Any]] = []
        self.states: list[dict[str, Any]] = []
        self.needs_claim = False  # rows the sender's claim path must take (see _process_batch)
        self.new_requests = NewRequests()  # made at the end of each round
        self.handoff = handoff
        self.born: list[outbox.ClaimedMessage] = []  # for the sender once the batch committed
        # ORM objects effects were given (the session's identity map holds them only weakly once
        # flushed): later steps of the batch read the address's STOP and the person's name from them.
        self.loaded: dict[tuple[type[Any], int], Any] = {}
        # The batch's people and addresses not loaded yet, by model: the first effect that needs one
        # loads them all in one statement (about half the people of a batch have effects).
        self._expected: dict[type[Any], set[int]] = {}
        # Person columns effects set without an ORM object (`set_person`), by person: written with the
        # batch's marks and states, or earlier when something may read them (`write_people`).
        self.people: dict[int, dict[str, Any]] = {}
        self.consents: list[dict[str, Any]] = []  # consents given, written likewise in one INSERT

    def expect(self, model: type[Any], keys: Iterable[int]) -> None:
        self._expected.setdefault(model, set()).update(k for k in keys if (model, k) not in self.loaded)

    async def orm(self, session: AsyncSession, model: type[ModelT], key: int) -> ModelT:
        found = self.loaded.get((model, key))
        if found is None:
            keys = self._expected.pop(model, set()) | {key}
            # Not an autoflush per person: what earlier steps' effects changed is written together,
            # at the batch's next query or at its end (a row's own pending change is in the map).
            with session.no_autoflush:
                statement, parameters = _BY_ID[model].pick(sorted(keys))
                rows = await session.execute(statement, parameters)
                for row in rows.scalars():
                    self.loaded.setdefault((model, row.id), row)
                    if model is Person and row.id in self.people:  # set before it was an object
                        for column, value in self.people.pop(row.id).items():
                            setattr(row, column, value)
            found = self.loaded.get((model, key))
            if found is None:
                raise LookupError(f"{model.__name__} {key} is gone")
        return cast(ModelT, found)

    def has_object(self, session: AsyncSession, person_id: int) -> bool:
        """Whether the person is an ORM object of this batch's session: then what changes them goes
        through it, so it never holds what the row no longer says."""
        return self._object(session, person_id) is not None

    def _object(self, session: AsyncSession, person_id: int) -> Person | None:
        found = self.loaded.get((Person, person_id))
        if found is None:
            found = session.sync_session.identity_map.get((Person, (person_id,), None))
        return cast(Person | None, found)

    def set_person(self, session: AsyncSession, person_id: int, values: dict[str, Any]) -> None:
        """Columns of the person's row, written with the batch's other writes (or before a handler
        that may read them: `write_people`)."""
        if not values:
            return
        orm_person = self._object(session, person_id)
        if orm_person is None:
            self.people.setdefault(person_id, {}).update(values)
            return
        for column, value in values.items():
            setattr(orm_person, column, value)

    def person_now(
        self, person_id: int, row: person_facts.PersonRow | Person
    ) -> person_facts.PersonRow | Person:
        """The person as this batch has changed them so far, for the Profile's name and place."""
        orm_person = self.loaded.get((Person, person_id))
        if orm_person is not None:
            return cast(Person, orm_person)
        values = self.people.get(person_id)
        if not values or isinstance(row, Person):
            return row
        return replace(row, **{k: v for k, v in values.items() if k in _PERSON_ROW_COLUMNS})

    async def write_people(self, session: AsyncSession) -> None:
        """The person columns and consents set so far, written now: a handler or a read is about to
        need them."""
        await self._write_consents(session)
        if self.people:
            await run_together(session, [(people.FIELDS, await self._people_rows(session))])

    async def before_facts(self, session: AsyncSession, person_id: int) -> None:
        """Before the person's facts are read again in the batch (consent among them): theirs written."""
        if any(row[people.KEY] == person_id for row in self.consents):
            await self._write_consents(session)

    async def _people_rows(self, session: AsyncSession) -> list[dict[str, Any]]:
        """The person columns set so far as the keyed update's rows, taken (the index told of them)."""
        rows = people.field_rows(self.people)
        self.people = {}
        await people.tell_index(session, rows)
        return rows

    async def _write_consents(self, session: AsyncSession) -> None:
        if self.consents:
            rows, self.consents = self.consents, []
            await people.add_consents(session, rows)

    async def make_requests(self, session: AsyncSession, touched: Touched) -> None:
        """The round's confirmed requests (their matching reads people's rows: those set go first)."""
        if self.new_requests:
            await self.write_people(session)
            await self.new_requests.make(session, touched)

    def mark(self, inbound_id: int, now: datetime, error: str | None) -> None:
        self.marks.append({"inbound_id": inbound_id, "processed_at": now, "error": error})

    def state(
        self,
        session: AsyncSession,
        person_id: int,
        has_conversation: bool,
        state: dict[str, Any],
        now: datetime,
    ) -> None:
        if not has_conversation:  # first contact made it; a person from before that has none yet
            session.add(Conversation(person_id=person_id, state=state, updated_at=now))
        else:
            self.states.append({"conversation_of": person_id, "state": state, "updated_at": now})

    async def flush_outbox(self, session: AsyncSession, then: Then = NOTHING) -> None:
        """The replies so far inserted, then what `then` says (on PostgreSQL in one wait with them)."""
        if not self.outbox:
            await run_together(session, then.updates, commit=then.commit)
            return
        if self.handoff is None:
            await outbox.insert_rows(session, self.outbox, then=then)
            self.needs_claim = True
        else:
            born = await self.handoff.insert_outbox(session, self.outbox, then=then, earlier=self.born)
            self.needs_claim = self.needs_claim or len(born) < len(self.outbox)
            self.born += born
        self.outbox = []

    async def flush(self, session: AsyncSession, *, last: bool = False) -> None:
        """What the batch wrote so far; `last`: the batch's end, its COMMIT sent with these writes."""
        updates = list(inbox.marks_and_states(self.marks, self.states))
        await self._write_consents(session)
        if self.people:
            updates.append((people.FIELDS, await self._people_rows(session)))
        await self.flush_outbox(session, then=Then(updates, commit=last))
        self.marks, self.states = [], []


# The ORM objects effects change, loaded by id (`_Writes.orm`): prebuilt, not built per batch.
def _by_id(model: type[Any]) -> ForIds[Any]:
    return ForIds(lambda match: select(model).where(match(model.id)))


_BY_ID = {model: _by_id(model) for model in (Person, Identity)}
# What the Profile reads of a person (storage.profile.PersonRow's columns), for `_Writes.person_now`.
_PERSON_ROW_COLUMNS = frozenset(field.name for field in fields(person_facts.PersonRow))


def _transient(exc: Exception) -> bool:
    """A lost connection, a deadlock or a serialization failure: the batch may well pass next time."""
    return isinstance(exc, OperationalError | InterfaceError) or (
        isinstance(exc, DBAPIError) and exc.connection_invalidated
    )


def _service(person: person_facts.PersonRow | Person) -> str:
    """The name of the front door the person writes to (their tenant's): `{service}` in texts."""
    return tenant_config.current().get(person.tenant).name


def _allowed_while_held(effects: tuple[Effect, ...]) -> bool:
    """While staff hold a conversation only STOP/START and a crisis answer still run automatically."""
    return any(
        effect.kind == "set_stopped"
        or (effect.kind == "alert_staff" and str(effect.data.get("kind", "")).startswith("crisis_"))
        for effect in effects
    )
