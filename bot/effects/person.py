"""Effects on the person themselves: STOP/START, profile fields, consent given or withdrawn."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import update

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
    for column in PROFILE_FIELDS & data.keys():
        setattr(ctx.person, column, data[column])


async def record_consent(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    await people.add_consents(ctx.session, [_consent_row(ctx.person.id, data, ctx.now)])


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


# The same two effects for the engine's batches, without the person's ORM object (storage/people.py): what
# they write, for the batch to write with its other writes (the person's columns in one keyed update, the
# consents in one INSERT). Pure: no session. Used only while the person's object is not in the session.
@dataclass(frozen=True, slots=True)
class RowWrite:
    columns: dict[str, Any] = field(default_factory=dict)  # the person's columns set
    consent: dict[str, Any] | None = None  # a consent row given


RowEffect = Callable[[int, Mapping[str, Any], datetime], RowWrite]


def profile_columns(_person_id: int, data: Mapping[str, Any], _now: datetime) -> RowWrite:
    return RowWrite(columns={column: data[column] for column in PROFILE_FIELDS & data.keys()})


def consent_given(person_id: int, data: Mapping[str, Any], now: datetime) -> RowWrite:
    return RowWrite(consent=_consent_row(person_id, data, now))


def _consent_row(person_id: int, data: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    return people.consent_row(person_id, str(data["version"]), str(data["text_key"]), now)


ROW_EFFECTS: dict[str, RowEffect] = {"update_profile": profile_columns, "record_consent": consent_given}
