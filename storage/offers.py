"""Help offers: saved from a confirmed summary, paused, resumed and stopped by the volunteer.

One `HelpOffer` row per person and one `OfferCategory` row per kind of help. Saving replaces the kinds
and the answers but never touches `verified` (only staff set it) or a running pause (only PAUZE and
HERVAT do). Stopping keeps the row, inactive, so staff's VOG check survives a later comeback.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from flows.matching import CATEGORIES, DAYPARTS, LANGUAGES
from flows.offer import MAX_LIMIT, REACHES
from flows.profile import OfferSummary
from storage.models import HelpOffer, OfferCategory


async def save(session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime) -> HelpOffer:
    """Create or replace the person's offer (and make it active again after a stop)."""
    kinds = _checked(data)
    offer = await session.get(HelpOffer, person_id)
    if offer is None:
        offer = HelpOffer(person_id=person_id, verified=False, created_at=now)
        session.add(offer)
    elif not offer.active:
        offer.paused_until = None
    offer.reach = str(data["reach"])
    offer.availability = [[int(day), str(part)] for day, part in data["availability"]]
    offer.weekly_limit = int(data["weekly_limit"])
    offer.languages = [str(language) for language in data["languages"]]
    offer.active = True
    offer.updated_at = now
    # The offer row must exist before its categories point at it.
    await session.flush()
    await session.execute(delete(OfferCategory).where(OfferCategory.person_id == person_id))
    await session.execute(insert(OfferCategory), [{"person_id": person_id, "category": c} for c in kinds])
    return offer


def _checked(data: Mapping[str, Any]) -> list[str]:
    """The kinds, in catalogue order, after checking the whole offer: a flow bug fails here, loudly."""
    kinds = [str(kind) for kind in data["categories"]]
    if not kinds or not set(kinds) <= set(CATEGORIES) or len(set(kinds)) != len(kinds):
        raise ValueError(f"bad categories {kinds!r}")
    if data["reach"] not in REACHES:
        raise ValueError(f"bad reach {data['reach']!r}")
    if not 1 <= int(data["weekly_limit"]) <= MAX_LIMIT:
        raise ValueError(f"bad weekly_limit {data['weekly_limit']!r}")
    if not data["languages"] or not set(data["languages"]) <= set(LANGUAGES):
        raise ValueError(f"bad languages {data['languages']!r}")
    for day, part in data["availability"]:
        if not (0 <= int(day) <= 6 and part in DAYPARTS):
            raise ValueError(f"bad availability slot {[day, part]!r}")
    return [kind for kind in CATEGORIES if kind in kinds]


async def pause(session: AsyncSession, person_id: int, until: datetime, now: datetime) -> bool:
    return await _update_active(session, person_id, now, paused_until=until)


async def resume(session: AsyncSession, person_id: int, now: datetime) -> bool:
    return await _update_active(session, person_id, now, paused_until=None)


async def stop(session: AsyncSession, person_id: int, now: datetime) -> bool:
    """The person no longer offers help: inactive, and no pause left to end."""
    return await _update_active(session, person_id, now, active=False, paused_until=None)


async def _update_active(session: AsyncSession, person_id: int, now: datetime, **values: Any) -> bool:
    """Change the person's active offer; False if they have none. Through the ORM object, so a later
    step in the same transaction (several messages handled together) reads the new values."""
    offer = await session.get(HelpOffer, person_id)
    if offer is None or not offer.active:
        return False
    for field, value in values.items():
        setattr(offer, field, value)
    offer.updated_at = now
    return True


async def for_person(session: AsyncSession, person_id: int) -> OfferSummary | None:
    """The person's offer for the flows, active or not; None if they never offered."""
    offer = await session.get(HelpOffer, person_id)
    if offer is None:
        return None
    rows = await session.execute(select(OfferCategory.category).where(OfferCategory.person_id == person_id))
    kinds = set(rows.scalars())
    return OfferSummary(
        categories=tuple(kind for kind in CATEGORIES if kind in kinds),
        reach=offer.reach,
        availability=tuple((int(day), str(part)) for day, part in offer.availability),
        weekly_limit=offer.weekly_limit,
        languages=tuple(offer.languages),
        verified=offer.verified,
        active=offer.active,
        paused_until=offer.paused_until,
    )
