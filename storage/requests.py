"""Help requests: created from a confirmed summary, listed, changed and cancelled by their owner."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from flows.profile import RequestSummary
from flows.when import When
from storage.models import HelpRequest

OPEN_STATUSES = ("open", "matched")


def create(session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime) -> HelpRequest:
    when = When.from_json(data["when"])
    request = HelpRequest(
        person_id=person_id,
        category=str(data["category"]),
        description=str(data["description"]),
        when=dict(data["when"]),
        when_start=when.start,
        neighbourhood=str(data["neighbourhood"]),
        urgent=bool(data["urgent"]),
        visibility=str(data["visibility"]),
        status="open",
        source=str(data.get("source", "chat")),
        created_at=now,
        updated_at=now,
    )
    session.add(request)
    return request


async def open_for_person(session: AsyncSession, person_id: int) -> tuple[RequestSummary, ...]:
    rows = await session.execute(
        select(HelpRequest)
        .where(HelpRequest.person_id == person_id, HelpRequest.status.in_(OPEN_STATUSES))
        .order_by(HelpRequest.id)
    )
    return tuple(
        RequestSummary(id=r.id, category=r.category, description=r.description, when=r.when, status=r.status)
        for r in rows.scalars()
    )


async def cancel(session: AsyncSession, person_id: int, request_id: int, now: datetime) -> bool:
    """Cancel the person's own open request (never someone else's)."""
    result = await session.execute(
        update(HelpRequest)
        .where(
            HelpRequest.id == request_id,
            HelpRequest.person_id == person_id,
            HelpRequest.status.in_(OPEN_STATUSES),
        )
        .values(status="cancelled", updated_at=now, closed_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


# What a resident may change of a request already sent (flows/request_change.py).
CHANGEABLE = ("when", "description", "neighbourhood")


def change(request: HelpRequest, person_id: int, data: Mapping[str, Any], now: datetime) -> tuple[str, ...]:
    """Apply the owner's change to their open request (locked by the caller, as every path locks a
    request before its invitations): the items that really changed, none when the request is not
    theirs or not open any more. `when_start` follows `when`, as at `create`."""
    if request.person_id != person_id or request.status not in OPEN_STATUSES:
        return ()
    changed = []
    for key in CHANGEABLE:
        if key not in data or data[key] in (None, ""):
            continue
        value = dict(data[key]) if key == "when" else str(data[key])
        if getattr(request, key) == value:
            continue
        setattr(request, key, value)
        changed.append(key)
    if "when" in changed:
        request.when_start = When.from_json(request.when).start
    if changed:
        request.updated_at = now
    return tuple(changed)
