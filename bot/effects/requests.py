"""Effects of asking and offering help: a request made, changed or cancelled, an invitation answered, an offer
saved, paused, resumed or stopped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.effects import circle_news, community, matchmaker
from bot.effects.mailbox import EffectContext, Touched
from storage import matching, offers, requests


@dataclass
class NewRequests:
    """Requests confirmed in one round of an engine batch, made together at the round's end: one
    INSERT for all of them, and their "nobody found" statuses in one UPDATE, instead of a flush per
    request (which also wrote the request before it). Nobody else can refer to a request before it is
    made, so waiting for the round's end changes nothing another step sees; the person's own next
    message in the same batch makes the queue first (`queued_for`), so it sees their request."""

    _queued: list[tuple[int, dict[str, Any], datetime]] = field(default_factory=list)

    def add(self, person_id: int, data: Mapping[str, Any], now: datetime) -> None:
        self._queued.append((person_id, dict(data), now))

    def __bool__(self) -> bool:
        return bool(self._queued)

    def queued_for(self, person_id: int) -> bool:
        return any(queued[0] == person_id for queued in self._queued)

    async def make(self, session: AsyncSession, touched: Touched) -> None:
        queued, self._queued = self._queued, []
        await make_requests(session, queued, touched)


async def make_requests(
    session: AsyncSession, queued: list[tuple[int, dict[str, Any], datetime]], touched: Touched
) -> None:
    """Make these requests (person, summary, when) and start each: the person's circle first when it
    sees requests, else the first wave of volunteers. A request whose time ends gets its lapse
    planned either way (bot/effects/matchmaker.py)."""
    if not queued:
        return
    made = [(requests.create(session, person_id, data, now), now) for person_id, data, now in queued]
    await session.flush()  # their ids, and what the round's effects changed, before matching reads
    for request, now in made:
        matchmaker.plan_lapse(session, request, now)
        if not await community.offer_to_circle(session, request, now, touched):
            await matchmaker.start(session, request, now, touched, new=True)


async def create_request(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    if ctx.new_requests is not None:
        ctx.new_requests.add(ctx.person.id, data, ctx.now)
    else:
        await make_requests(ctx.session, [(ctx.person.id, dict(data), ctx.now)], ctx.touched)


async def cancel_request(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    request_id = int(data["request_id"])
    if await requests.cancel(ctx.session, ctx.person.id, request_id, ctx.now):
        await matchmaker.withdraw(ctx.session, request_id, ctx.now, ctx.touched)
        await circle_news.request_cancelled(ctx.session, request_id, ctx.now, ctx.touched)


async def change_request(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    """The resident's change of a request already sent (flows/request_change.py): the request locked,
    changed when it is still theirs and open, and whoever was asked or matched told
    (`matchmaker.changed`). A request of this batch still queued (`new_requests`) is made first."""
    if ctx.new_requests is not None and ctx.new_requests.queued_for(ctx.person.id):
        await ctx.new_requests.make(ctx.session, ctx.touched)
    request = await matching.lock_request(ctx.session, int(data["request_id"]))
    if request is None:
        return
    items = requests.change(request, ctx.person.id, data, ctx.now)
    await matchmaker.changed(ctx.session, request, items, ctx.now, ctx.touched)


async def answer_invitation(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    request_id, answer = int(data["request_id"]), str(data["answer"])
    note = str(data["note"]) if data.get("note") else None
    condition = data.get("condition") if isinstance(data.get("condition"), Mapping) else None
    await matchmaker.answer(
        ctx.session, ctx.person.id, request_id, answer, ctx.now, ctx.touched, note=note, condition=condition
    )


async def invite_note(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    """A volunteer's words sent right after their yes ("maar pas na 2 uur"): to the resident."""
    await matchmaker.note(
        ctx.session, ctx.person.id, int(data["request_id"]), str(data["note"]), ctx.now, ctx.touched
    )


async def answer_condition(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    """The resident's Ja / Nee to a volunteer's other time (flows/invitations.py)."""
    starts_at = datetime.fromisoformat(str(data["starts_at"])) if data.get("starts_at") else None
    await matchmaker.answer_condition(
        ctx.session,
        ctx.person.id,
        int(data["request_id"]),
        int(data["volunteer_id"]),
        str(data["answer"]),
        starts_at,
        ctx.now,
        ctx.touched,
    )


async def save_offer(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    await offers.save(ctx.session, ctx.person.id, data, ctx.now)


async def pause_offer(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    await offers.pause(ctx.session, ctx.person.id, datetime.fromisoformat(str(data["until"])), ctx.now)


async def resume_offer(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    await offers.resume(ctx.session, ctx.person.id, ctx.now)


async def stop_offer(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    await offers.stop(ctx.session, ctx.person.id, ctx.now)


EFFECTS = {
    "create_request": create_request,
    "cancel_request": cancel_request,
    "change_request": change_request,
    "answer_invitation": answer_invitation,
    "invite_note": invite_note,
    "condition_answer": answer_condition,
    "save_offer": save_offer,
    "pause_offer": pause_offer,
    "resume_offer": resume_offer,
    "stop_offer": stop_offer,
}
