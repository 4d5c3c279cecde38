"""Effects and scheduled events of the community flows: the social map, the agenda and the care circle
(flows/social_map.py, flows/agenda.py, flows/circle.py), carried out in the engine's transaction.

Look-ups (`map_lookup`, `agenda_lookup`) answer with an internal event to the same person, marked
`reply` so it is sent at once like any reply (not held for quiet hours). Whatever concerns another
person (an invitation, a member's message) goes into that person's mailbox.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import tenants
from bot.effects import matchmaker
from bot.effects.mailbox import EffectContext, Touched
from flows.agenda import reminder_at
from storage import community, inbox, matching, schedule
from storage.models import Activity, ActivitySignup, CircleMember, Identity, MatchInvitation, Person

AGENDA_REMINDER = "agenda_reminder"
CIRCLE_FIRST = "circle_first"
# How long a shared request waits for the circle's "ik doe het wel" before neighbours are asked.
CIRCLE_FIRST_WAIT = timedelta(hours=2)
AGENDA_LIMIT = 30
PHONE_CHANNELS = ("sms", "whatsapp", "simulator")


def _key(prefix: str, person_id: int) -> str:
    return f"{prefix}:{person_id}:{secrets.token_hex(8)}"


async def _name(session: AsyncSession, person_id: int) -> str:
    person = await session.get(Person, person_id)
    return (person.first_name if person is not None else None) or ""


async def _reply(ctx: EffectContext, name: str, data: dict[str, Any]) -> None:
    """An internal event to the person themselves, answering what they just asked."""
    await ctx.touched.post(
        ctx.session, ctx.person.id, name, {**data, "reply": True}, ctx.now, _key(name, ctx.person.id)
    )


# --- social map and agenda ------------------------------------------------------------------------


async def map_lookup(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    tenant = ctx.person.tenant
    municipality = tenants.current().get(tenant).municipality
    services = await community.services_for(ctx.session, ctx.person.neighbourhood, municipality, tenant)
    payload = {"question": str(data.get("question", "")), "services": [s.to_json() for s in services]}
    await _reply(ctx, "map_services", payload)


async def agenda_lookup(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    found = await community.activities_near(
        ctx.session, ctx.person.neighbourhood, ctx.now, AGENDA_LIMIT, tenant=ctx.person.tenant
    )
    mine = await community.signed_up(ctx.session, ctx.person.id, ctx.now.date() - timedelta(days=1))
    items = [o.to_json(signed_up=(o.activity.id, o.on) in mine) for o in found]
    await _reply(ctx, "agenda_list", {"items": items})


async def agenda_signup(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    on = date.fromisoformat(str(data["on"]))
    row = await community.sign_up(
        ctx.session, ctx.person.id, int(data["activity_id"]), on, ctx.now, tenant=ctx.person.tenant
    )
    if row is None:
        return
    due = reminder_at(on)
    if due > ctx.now:
        schedule.schedule(
            ctx.session,
            AGENDA_REMINDER,
            due,
            ctx.now,
            person_id=ctx.person.id,
            payload={"signup_id": row.id},
            key=f"signup:{row.id}",
        )


async def agenda_cancel(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    """Cancel one date's sign-up and its reminder; the organiser's list no longer shows the name."""
    on = date.fromisoformat(str(data["on"]))
    signup_id = await community.signup_id(ctx.session, ctx.person.id, int(data["activity_id"]), on)
    if signup_id is None or not await community.cancel_signup(ctx.session, signup_id, ctx.now):
        return
    await schedule.cancel_for_person(
        ctx.session,
        ctx.person.id,
        AGENDA_REMINDER,
        key=f"signup:{signup_id}",
        reason="signup_cancelled",
        now=ctx.now,
    )


async def on_agenda_reminder(
    session: AsyncSession, event: schedule.DueEvent, now: datetime, touched: Touched
) -> str:
    signup = await session.get(ActivitySignup, int(event.payload.get("signup_id", 0)))
    if signup is None or signup.cancelled_at is not None:
        return "no_signup"
    activity = await session.get(Activity, signup.activity_id)
    if activity is None or not activity.active:
        return "no_activity"
    data: dict[str, Any] = {
        "title": activity.title,
        "on": signup.occurs_on.isoformat(),
        "start": activity.start,
        "place": activity.place,
        "neighbourhood": activity.neighbourhood,
    }
    await touched.post(
        session,
        signup.person_id,
        "agenda_reminder",
        data,
        now,
        f"agenda_reminder:{signup.id}:{signup.occurs_on}",
    )
    return "reminded"


# --- care circle ----------------------------------------------------------------------------------


async def circle_invite(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    channel, address = str(data["channel"]), str(data["address"])
    owner = ctx.person.id
    if channel == "telegram":
        row = await community.invite(ctx.session, owner, channel, address, ctx.now, None)
        if row is not None:
            await _reply(ctx, "circle_code", {"code": row.code, "address": address})
        return
    identity = await _known_number(ctx.session, channel, address, ctx.person.tenant)
    if identity is not None and identity.person_id == owner:
        return
    if identity is None:
        # Someone new to the bot: they get only this one message, and nothing else until they write.
        # They are new to this tenant: the invitation comes from the owner's front door.
        identity = await inbox.identity_for(ctx.session, channel, address, ctx.now, ctx.person.tenant)
    row = await community.invite(ctx.session, owner, channel, address, ctx.now, identity.person_id)
    if row is None:
        return
    payload: dict[str, Any] = {"member_id": row.id, "name": ctx.person.first_name or ""}
    await ctx.touched.post(
        ctx.session,
        identity.person_id,
        "circle_invited",
        payload,
        ctx.now,
        f"circle_invited:{row.id}",
        about=owner,
    )


async def _known_number(session: AsyncSession, channel: str, address: str, tenant: str) -> Identity | None:
    """Someone who already uses this tenant's bot with this number: on the chosen channel, else on another
    phone channel (the invitation then reaches them where they talk to us; in the demo, a simulator
    phone). The same number at another tenant is someone else there."""
    query = (
        select(Identity)
        .where(
            Identity.tenant == tenant,
            Identity.address == address,
            Identity.channel.in_((channel, *PHONE_CHANNELS)),
        )
        .order_by((Identity.channel == channel).desc(), Identity.id)
        .limit(1)
    )
    return (await session.execute(query)).scalar_one_or_none()


async def circle_use_code(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    row = await community.by_code(ctx.session, str(data["code"]))
    owner = await ctx.session.get(Person, row.owner_id) if row is not None else None
    # A code works only within the tenant it was made in.
    if row is None or owner is None or owner.tenant != ctx.person.tenant or row.owner_id == ctx.person.id:
        await _reply(ctx, "circle_code_unknown", {})
        return
    row.member_id = ctx.person.id
    row.code = None
    await _reply(ctx, "circle_invited", {"member_id": row.id, "name": await _name(ctx.session, row.owner_id)})


async def circle_answer(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    row = await ctx.session.get(CircleMember, int(data["member_id"]))
    if row is None or row.member_id != ctx.person.id or row.status != "invited":
        return
    yes = data.get("answer") == "yes"
    row.status, row.answered_at, row.code = ("active" if yes else "declined"), ctx.now, None
    label = ctx.person.first_name or row.address
    name = "circle_answered_yes" if yes else "circle_answered_no"
    await ctx.touched.post(
        ctx.session, row.owner_id, name, {"name": label}, ctx.now, f"{name}:{row.id}", about=ctx.person.id
    )


async def circle_share(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    shares = {str(k): bool(v) for k, v in dict(data.get("shares", {})).items()}
    await community.save_settings(ctx.session, ctx.person.id, bool(data.get("default")), shares, ctx.now)


async def circle_remove(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    row = await ctx.session.get(CircleMember, int(data["member_id"]))
    if row is None or row.owner_id != ctx.person.id or row.status not in community.LIVE:
        return
    was_active = row.status == "active"
    row.status, row.left_at, row.code = "removed", ctx.now, None
    if was_active and row.member_id is not None:
        payload = {"name": ctx.person.first_name or ""}
        await ctx.touched.post(
            ctx.session,
            row.member_id,
            "circle_removed",
            payload,
            ctx.now,
            f"circle_removed:{row.id}",
            about=ctx.person.id,
        )


async def circle_leave(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    row = await community.member_row(ctx.session, int(data["owner_id"]), ctx.person.id)
    if row is None:
        return
    row.status, row.left_at = "left", ctx.now
    payload = {"name": ctx.person.first_name or row.address}
    await ctx.touched.post(
        ctx.session,
        row.owner_id,
        "circle_member_left",
        payload,
        ctx.now,
        f"circle_left:{row.id}",
        about=ctx.person.id,
    )


async def circle_message(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    row = await community.member_row(ctx.session, int(data["owner_id"]), ctx.person.id)
    if row is None:
        return
    payload = {"name": ctx.person.first_name or row.address, "text": str(data["text"])}
    await ctx.touched.post(
        ctx.session,
        row.owner_id,
        "circle_message",
        payload,
        ctx.now,
        _key("circle_message", ctx.person.id),
        about=ctx.person.id,
    )


async def circle_help(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    """A member's "ik doe het wel": they are matched as a volunteer would be, if the request is still open."""
    if data.get("answer") != "yes":
        return
    request_id, member = int(data["request_id"]), ctx.person.id
    request = await matching.lock_request(ctx.session, request_id)
    if (
        request is None
        or request.status != "open"
        or await community.member_row(ctx.session, request.person_id, member) is None
    ):
        await _reply(ctx, "circle_help_late", {})
        return
    if await matching.invitation(ctx.session, request_id, member) is None:
        ctx.session.add(
            MatchInvitation(request_id=request_id, person_id=member, wave=request.wave, asked_at=ctx.now)
        )
        await ctx.session.flush()
    await schedule.cancel(
        ctx.session, CIRCLE_FIRST, request_id=request_id, reason="circle_helps", now=ctx.now
    )
    await matchmaker.answer(ctx.session, member, request_id, "yes", ctx.now, ctx.touched)


async def offer_to_circle(session: AsyncSession, request: Any, now: datetime, touched: Touched) -> bool:
    """A new request of someone whose circle sees requests: members are asked first ("ik doe het
    wel"). Returns True when neighbours wait CIRCLE_FIRST_WAIT for that (not for an urgent request)."""
    if not await community.shares(session, request.person_id, "requests"):
        return False
    members = await community.active_members(session, request.person_id)
    if not members:
        return False
    payload: dict[str, Any] = {
        "request_id": request.id,
        "category": request.category,
        "when": request.when,
        "name": await _name(session, request.person_id),
    }
    for member in members:
        await touched.post(
            session,
            member,
            "circle_request",
            payload,
            now,
            f"circle_request:{request.id}:{member}",
            about=request.person_id,
        )
    if request.urgent:
        return False
    schedule.schedule(session, CIRCLE_FIRST, now + CIRCLE_FIRST_WAIT, now, request_id=request.id)
    return True


async def on_circle_first(
    session: AsyncSession, event: schedule.DueEvent, now: datetime, touched: Touched
) -> str:
    """Nobody of the circle took the request in time: the neighbourhood is asked as usual."""
    if event.request_id is None:
        return "no_request"
    request = await matching.lock_request(session, event.request_id)
    if request is None or request.status != "open" or request.wave != 0:
        return "request_not_waiting"
    await matchmaker.start(session, request, now, touched)
    return "neighbours_asked"


EffectHandler = Callable[[EffectContext, Mapping[str, Any]], Awaitable[None]]
EFFECTS: dict[str, EffectHandler] = {
    "map_lookup": map_lookup,
    "agenda_lookup": agenda_lookup,
    "agenda_signup": agenda_signup,
    "agenda_cancel": agenda_cancel,
    "circle_invite": circle_invite,
    "circle_use_code": circle_use_code,
    "circle_answer": circle_answer,
    "circle_share": circle_share,
    "circle_remove": circle_remove,
    "circle_leave": circle_leave,
    "circle_message": circle_message,
    "circle_help": circle_help,
}
