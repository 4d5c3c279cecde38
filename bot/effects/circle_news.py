"""What a person's care circle hears: short updates, only of the item types the person chose to share.

The choice is read from the database at the moment the item happens, so a change holds at once, and
nothing of a type the person did not choose is ever posted to a member. Other flows share through
`share`: mantelzorg check-ins (bot/effects/care.py) with item type "checkins" (kind "checkin", data: answer),
meeting follow-ups with "meetings" (kind "meeting", data: summary); the texts are
`circle_update_<kind>`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.effects.mailbox import Touched
from storage import community
from storage.models import HelpRequest, Person

REQUESTS, MEETINGS, CHECKINS = "requests", "meetings", "checkins"


async def share(
    session: AsyncSession,
    owner_id: int,
    item_type: str,
    kind: str,
    data: dict[str, object],
    now: datetime,
    touched: Touched,
    key: str,
    *,
    exclude: frozenset[int] = frozenset(),
) -> int:
    """Post a `circle_update` of `kind` to every active member, if the owner shares `item_type`.
    `key` identifies the item (idempotent per member). Returns how many members were told."""
    if not await community.shares(session, owner_id, item_type):
        return 0
    owner = await session.get(Person, owner_id)
    payload = {**data, "kind": kind, "name": (owner.first_name if owner is not None else None) or ""}
    told = 0
    for member in await community.active_members(session, owner_id):
        if member in exclude:
            continue
        await touched.post(
            session, member, "circle_update", payload, now, f"circle:{key}:{member}", about=owner_id
        )
        told += 1
    return told


async def request_update(
    session: AsyncSession, request: HelpRequest, kind: str, now: datetime, touched: Touched
) -> None:
    """A shared help request changed: matched, cancelled or unmatched."""
    exclude = frozenset({request.matched_person_id}) if request.matched_person_id is not None else frozenset()
    # The request's time as it stands: after a volunteer's other time was agreed, that time.
    data: dict[str, object] = {"request_id": request.id, "category": request.category, "when": request.when}
    await share(
        session,
        request.person_id,
        REQUESTS,
        f"request_{kind}",
        data,
        now,
        touched,
        f"{kind}:{request.id}",
        exclude=exclude,
    )


async def request_cancelled(session: AsyncSession, request_id: int, now: datetime, touched: Touched) -> None:
    request = await session.get(HelpRequest, request_id)
    if request is not None:
        await request_update(session, request, "cancelled", now, touched)
