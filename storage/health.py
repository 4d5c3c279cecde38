"""What an operator's monitoring asks: are the workers alive, does the outbox drain, are crisis alerts
picked up. Workers write a heartbeat row each; `/healthz` and the metrics read these figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OutboxMessage, StaffAlert, WorkerHeartbeat
from storage.outbox import PENDING, UNKNOWN

# A worker beats every HEARTBEAT_SECONDS; one silent for STALE_AFTER is stale (dead or hung). A row
# silent for FORGET_AFTER is deleted: that worker is long gone and was reported for a day.
HEARTBEAT_SECONDS = 10.0
STALE_AFTER = timedelta(seconds=60)
FORGET_AFTER = timedelta(days=1)
# A crisis alert no staff member has resolved within this long is an emergency for the operator.
CRISIS_UNHANDLED_AFTER = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class Health:
    workers_alive: int
    workers_stale: int
    # Seconds the oldest due, unsent outbox row has waited (0: nothing waits).
    outbox_oldest_seconds: float
    crisis_unhandled: int


async def beat(session: AsyncSession, name: str, now: datetime, started_at: datetime) -> None:
    """This worker is alive (its row is made on the first beat)."""
    updated = await session.execute(
        update(WorkerHeartbeat).where(WorkerHeartbeat.name == name).values(beat_at=now)
    )
    if updated.rowcount == 0:  # type: ignore[attr-defined]
        session.add(WorkerHeartbeat(name=name, started_at=started_at, beat_at=now))
    await session.execute(delete(WorkerHeartbeat).where(WorkerHeartbeat.beat_at < now - FORGET_AFTER))


async def forget(session: AsyncSession, name: str) -> None:
    """A worker that stops cleanly removes its row: only a dead one goes stale."""
    await session.execute(delete(WorkerHeartbeat).where(WorkerHeartbeat.name == name))


async def figures(session: AsyncSession, now: datetime) -> Health:
    beats = list((await session.execute(select(WorkerHeartbeat.beat_at))).scalars())
    stale = sum(1 for at in beats if at < now - STALE_AFTER)
    oldest = await session.scalar(
        select(func.min(OutboxMessage.next_attempt_at)).where(
            OutboxMessage.status.in_((PENDING, UNKNOWN)), OutboxMessage.next_attempt_at <= now
        )
    )
    crisis = await session.scalar(
        select(func.count())
        .select_from(StaffAlert)
        .where(
            StaffAlert.kind.like("crisis%"),
            StaffAlert.resolved_at.is_(None),
            StaffAlert.created_at < now - CRISIS_UNHANDLED_AFTER,
        )
    )
    return Health(
        workers_alive=len(beats) - stale,
        workers_stale=stale,
        outbox_oldest_seconds=max(0.0, (now - oldest).total_seconds()) if oldest is not None else 0.0,
        crisis_unhandled=int(crisis or 0),
    )
