"""Which handler carries out which effect and which scheduled event: one table each, built from the
feature modules' own tables. Effect and event kinds are stored names (flows/types.py, the schedule
table): renaming one is a migration."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.effects import (
    care,
    community,
    linking,
    matchmaker,
    meetings,
    person,
    privacy,
    requests,
    review,
    scheduling,
    threads,
)
from bot.effects.mailbox import EffectContext, Touched
from storage.schedule import DueEvent

EffectHandler = Callable[[EffectContext, Mapping[str, Any]], Awaitable[None]]
# Each returns the reason stored on the finished row.
ScheduledHandler = Callable[[AsyncSession, DueEvent, datetime, Touched], Awaitable[str]]
PersonHandler = Callable[[AsyncSession, int, Mapping[str, Any], datetime, Touched], Awaitable[None]]


def _for_person(handler: PersonHandler) -> EffectHandler:
    """Thread, care and meeting effects take the person's id rather than the context."""

    async def apply(ctx: EffectContext, data: Mapping[str, Any]) -> None:
        await handler(ctx.session, ctx.person.id, data, ctx.now, ctx.touched)

    return apply


EFFECT_HANDLERS: dict[str, EffectHandler] = {
    **person.EFFECTS,
    **requests.EFFECTS,
    **privacy.EFFECTS,
    **linking.EFFECTS,
    **{kind: _for_person(handler) for kind, handler in threads.HANDLERS.items()},
    **{kind: _for_person(handler) for kind, handler in care.EFFECT_HANDLERS.items()},
    **{kind: _for_person(handler) for kind, handler in meetings.HANDLERS.items()},
    **scheduling.EFFECTS,
    **community.EFFECTS,
}

# Effect kinds whose handler writes outbox rows itself (none today: an effect reaches other people
# through their mailboxes, whose steps then reply). Before such an effect the engine writes the replies
# its batch has queued, so ids keep the order in which the messages were made; before any other kind
# the replies wait for the batch's one insert (tests/test_engine_batch.py checks the handlers' code).
WRITES_OUTBOX: frozenset[str] = frozenset()

SCHEDULED_HANDLERS: dict[str, ScheduledHandler] = {
    **matchmaker.SCHEDULED,
    **privacy.SCHEDULED,
    **care.SCHEDULED_HANDLERS,
    meetings.REMINDER: meetings.on_reminder,
    meetings.CHECK: meetings.on_check,
    meetings.STALLED: meetings.on_stalled,
    scheduling.TIMER: scheduling.run_timer,
    scheduling.SEND_TEXT: scheduling.send_text,
    community.AGENDA_REMINDER: community.on_agenda_reminder,
    community.CIRCLE_FIRST: community.on_circle_first,
    review.OVERDUE: review.on_overdue,
}
