"""Effects on the person themselves: STOP/START, profile fields, consent given or withdrawn."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.effects import matchmaker
from bot.effects.mailbox import EffectContext
from storage import offers, people, requests
from storage.models import Consent

# The person columns a flow may set through `update_profile`.
PROFILE_FIELDS = frozenset({"first_name", "neighbourhood", "postcode4"})


async def set_stopped(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    if ctx.identity is None:
        return
    stopped = bool(data.get("stopped"))
    ctx.identity.stopped_at = ctx.now if stopped else None
    ctx.identity.stop_reason = "stop_keyword" if stopped else None


async def update_profile(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    for field in PROFILE_FIELDS & data.keys():
        setattr(ctx.person, field, data[field])


async def record_consent(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    await add_consent(ctx.session, ctx.person.id, data, ctx.now)


async def withdraw_consent(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    """No more matching or sharing: consent is dated withdrawn, an offer stops, open requests are
    withdrawn (invited volunteers are told). Threads already open stay, so nobody is cut off mid-way."""
    await ctx.session.execute(
        update(Consent)
        .where(Consent.person_id == ctx.person.id, Consent.withdrawn_at.is_(None))
        .values(withdrawn_at=ctx.now)
    )
    await offers.stop(ctx.session, ctx.person.id, ctx.now)
    for request in await requests.open_for_person(ctx.session, ctx.person.id):
        if request.status != "open":
            continue  # matched: the conversation already started goes on
        if await requests.cancel(ctx.session, ctx.person.id, request.id, ctx.now):
            await matchmaker.withdraw(ctx.session, request.id, ctx.now, ctx.touched)


EFFECTS = {
    "set_stopped": set_stopped,
    "update_profile": update_profile,
    "record_consent": record_consent,
    "withdraw_consent": withdraw_consent,
}


# The same two effects for the engine's batches, without the person's ORM object (storage/people.py):
# each returns the person's columns it changes, which the batch writes with its other writes, and
# writes anything else at once. Used only while the person's object is not in the session.
RowEffect = Callable[[AsyncSession, int, Mapping[str, Any], datetime], Awaitable[dict[str, Any]]]


async def profile_columns(
    _session: AsyncSession, _person_id: int, data: Mapping[str, Any], _now: datetime
) -> dict[str, Any]:
    return {field: data[field] for field in PROFILE_FIELDS & data.keys()}


async def add_consent(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime
) -> dict[str, Any]:
    await people.add_consent(session, person_id, str(data["version"]), str(data["text_key"]), now)
    return {}


ROW_EFFECTS: dict[str, RowEffect] = {"update_profile": profile_columns, "record_consent": add_consent}
