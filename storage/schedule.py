"""Scheduled events as rows: the truth about what is due. Any process may tick; a claim (lease) with
`FOR UPDATE SKIP LOCKED` makes sure only one runs an event, and an expired lease lets another retry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ScheduledEvent


@dataclass(frozen=True, slots=True)
class DueEvent:
    id: int
    kind: str
    due_at: datetime
    person_id: int | None
    request_id: int | None
    payload: dict[str, Any]


def schedule(
    session: AsyncSession,
    kind: str,
    due_at: datetime,
    now: datetime,
    *,
    person_id: int | None = None,
    request_id: int | None = None,
    payload: dict[str, Any] | None = None,
) -> ScheduledEvent:
    event = ScheduledEvent(
        kind=kind,
        due_at=due_at,
        person_id=person_id,
        request_id=request_id,
        payload=payload or {},
        status="pending",
        created_at=now,
    )
    session.add(event)
    return event


async def cancel(session: AsyncSession, kind: str, *, request_id: int, reason: str, now: datetime) -> None:
    await session.execute(
        update(ScheduledEvent)
        .where(
            ScheduledEvent.kind == kind,
            ScheduledEvent.request_id == request_id,
            ScheduledEvent.status == "pending",
        )
        .values(status="cancelled", reason=reason, done_at=now)
    )


async def claim_due(session: AsyncSession, now: datetime, *, limit: int, lease: timedelta) -> list[DueEvent]:
    query = (
        select(ScheduledEvent)
        .where(
            ScheduledEvent.status == "pending",
            ScheduledEvent.due_at <= now,
            or_(ScheduledEvent.claimed_until.is_(None), ScheduledEvent.claimed_until < now),
        )
        .order_by(ScheduledEvent.due_at, ScheduledEvent.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    rows = list((await session.execute(query)).scalars())
    for row in rows:
        row.claimed_until = now + lease
    return [DueEvent(r.id, r.kind, r.due_at, r.person_id, r.request_id, dict(r.payload)) for r in rows]


async def finish(
    session: AsyncSession, event_id: int, now: datetime, *, status: str = "done", reason: str | None = None
) -> None:
    await session.execute(
        update(ScheduledEvent)
        .where(ScheduledEvent.id == event_id, ScheduledEvent.status == "pending")
        .values(status=status, done_at=now, reason=reason, claimed_until=None)
    )
