"""Scheduled events for flows: effects that plan, cancel and move a person's own events, and two generic
kinds of event.

Effects (a flow returns them; the engine applies them in the step's transaction, for the step's person):
- `schedule_event` {kind, at, key?, payload?, stale_after?, replace?}: plan an event at `at` (ISO 8601 with
  an offset). `replace` first cancels the person's pending events of that kind and key.
- `cancel_scheduled` {kind?, key?, reason?}: cancel the person's pending events (of a kind, and key).
- `move_scheduled` {kind, at, key?, stale_after?}: move them to `at`.

Kinds (run by the engine's scheduler tick):
- `timer` {name, data?}: posts the internal event `name` (with `data`, the event's `key` and id) into the
  person's mailbox, so their own flow handles it in order (`on_internal`), as any message.
- `send_text` {text_key, params?}: one catalogue text to the person's current address as a scheduled
  message (quiet hours and WhatsApp's window apply), without a flow step. Run set-based
  (`send_texts`): a claimed chunk's send_text events are read, enqueued and finished with a few
  statements in the claim's own transaction (see storage/schedule.py); `send_text`, one event at a
  time, is the path when a set fails and the oracle in tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot import tenants
from bot.effects.mailbox import EffectContext, Touched
from flows import catalogue
from storage import inbox, outbox, schedule
from storage.models import Person

TIMER = "timer"
SEND_TEXT = "send_text"


def _instant(value: Any, what: str) -> datetime:
    moment = datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        raise ValueError(f"{what} must carry a UTC offset")
    return moment


def _optional_instant(value: Any, what: str) -> datetime | None:
    return None if value in (None, "") else _instant(value, what)


def _key(data: Mapping[str, Any]) -> str | None:
    key = data.get("key")
    return None if key is None else str(key)


async def schedule_event(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    kind, key = str(data["kind"]), _key(data)
    if data.get("replace"):
        await schedule.cancel_for_person(
            ctx.session, ctx.person.id, kind, key=key, reason="replaced", now=ctx.now
        )
    schedule.schedule(
        ctx.session,
        kind,
        _instant(data["at"], "at"),
        ctx.now,
        person_id=ctx.person.id,
        payload=dict(data.get("payload") or {}),
        key=key,
        stale_after=_optional_instant(data.get("stale_after"), "stale_after"),
    )


async def cancel_scheduled(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    kind = data.get("kind")
    await schedule.cancel_for_person(
        ctx.session,
        ctx.person.id,
        None if kind is None else str(kind),
        key=_key(data),
        reason=str(data.get("reason") or "cancelled_by_flow"),
        now=ctx.now,
    )


async def move_scheduled(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    await schedule.move(
        ctx.session,
        ctx.person.id,
        str(data["kind"]),
        _instant(data["at"], "at"),
        key=_key(data),
        stale_after=_optional_instant(data.get("stale_after"), "stale_after"),
    )


EFFECTS = {
    "schedule_event": schedule_event,
    "cancel_scheduled": cancel_scheduled,
    "move_scheduled": move_scheduled,
}


async def run_timer(session: AsyncSession, event: schedule.DueEvent, now: datetime, touched: Touched) -> str:
    if event.person_id is None:
        return "no_person"
    data = {**dict(event.payload.get("data") or {}), "event_id": event.id, "key": event.key}
    await touched.post(session, event.person_id, str(event.payload["name"]), data, now, f"timer:{event.id}")
    return "posted"


async def send_texts(
    session: AsyncSession, events: list[schedule.DueEvent], now: datetime
) -> list[tuple[schedule.DueEvent, str, str | None]]:
    """`send_text` for many events at once: one read of the people's addresses, one outbox insert (rows
    in the events' order). Returns each event's outcome (status, reason) as `send_text` would give it;
    the caller finishes them in the same transaction."""
    found = await schedule.addresses(session, (e.person_id for e in events if e.person_id is not None))
    directory = tenants.current()
    templates: dict[tuple[str, str | None], str] = {}  # (text_key, language): one look-up per set
    texts: list[schedule.Text] = []
    outcomes: list[tuple[schedule.DueEvent, str, str | None]] = []
    for event in events:
        if event.stale_after is not None and event.stale_after <= now:
            outcomes.append((event, schedule.DROPPED, schedule.STALE))
            continue
        if event.person_id is None:
            outcomes.append((event, schedule.DONE, "no_person"))
            continue
        address = found.get(event.person_id)
        if address is None:
            outcomes.append((event, schedule.DONE, "no_address"))
            continue
        text_key = str(event.payload["text_key"])
        params = {str(name): str(value) for name, value in dict(event.payload.get("params") or {}).items()}
        template = templates.get((text_key, address.language))
        if template is None:
            template = catalogue.template(text_key, catalogue.language_or_default(address.language))
            templates[text_key, address.language] = template
        body = catalogue.fill(template, params, service=directory.get(address.tenant).name)
        texts.append(
            schedule.Text(address.person_id, address.identity_id, address.channel, text_key, body, params)
        )
        outcomes.append((event, schedule.DONE, "enqueued"))
    await schedule.enqueue_texts(session, texts, now)
    return outcomes


# Kinds run set-based, a whole claimed batch at once, in the claim's transaction.
SET_BASED = {SEND_TEXT: send_texts}


async def send_text(session: AsyncSession, event: schedule.DueEvent, now: datetime, touched: Touched) -> str:
    if event.person_id is None:
        return "no_person"
    person = await session.get(Person, event.person_id)
    identity = await inbox.preferred_identity(session, event.person_id)
    if person is None or identity is None:
        return "no_address"
    text_key = str(event.payload["text_key"])
    params = {str(name): str(value) for name, value in dict(event.payload.get("params") or {}).items()}
    outbox.enqueue(
        session,
        person_id=person.id,
        identity_id=identity.id,
        channel=identity.channel,
        text_key=text_key,
        body=catalogue.message(
            text_key,
            catalogue.language_or_default(person.language),
            params,
            service=tenants.current().get(person.tenant).name,
        ),
        choices=[],
        params=params,
        now=now,
        scheduled=True,
    )
    return "enqueued"
