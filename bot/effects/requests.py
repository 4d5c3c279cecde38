"""Effects of asking and offering help: a request made or cancelled, an invitation answered, an offer
saved, paused, resumed or stopped."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.effects import circle_news, community, matchmaker
from bot.effects.mailbox import EffectContext
from storage import offers, requests


async def create_request(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    request = requests.create(ctx.session, ctx.person.id, data, ctx.now)
    await ctx.session.flush()
    if not await community.offer_to_circle(ctx.session, request, ctx.now, ctx.touched):
        await matchmaker.start(ctx.session, request, ctx.now, ctx.touched, new=True)


async def cancel_request(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    request_id = int(data["request_id"])
    if await requests.cancel(ctx.session, ctx.person.id, request_id, ctx.now):
        await matchmaker.withdraw(ctx.session, request_id, ctx.now, ctx.touched)
        await circle_news.request_cancelled(ctx.session, request_id, ctx.now, ctx.touched)


async def answer_invitation(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    request_id, answer = int(data["request_id"]), str(data["answer"])
    note = str(data["note"]) if data.get("note") else None
    await matchmaker.answer(ctx.session, ctx.person.id, request_id, answer, ctx.now, ctx.touched, note=note)


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
    "answer_invitation": answer_invitation,
    "save_offer": save_offer,
    "pause_offer": pause_offer,
    "resume_offer": resume_offer,
    "stop_offer": stop_offer,
}
