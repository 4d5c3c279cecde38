"""Effects of the person's privacy rights: VERWIJDER MIJ (erase, after the goodbye) and MIJN GEGEVENS."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.effects import exports, matchmaker
from bot.effects.mailbox import EffectContext, Touched
from storage import inbox, privacy, requests, schedule, threads

ERASE_PERSON = "erase_person"
# Long enough for the goodbye to be sent first (it is a reply, so quiet hours do not hold it).
ERASE_DELAY = timedelta(minutes=10)


async def erase_me(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    """VERWIJDER MIJ, confirmed: stop everything now, erase after the goodbye has gone out."""
    await stop_everything(ctx.session, ctx.person.id, ctx.now, ctx.touched)
    schedule.schedule(ctx.session, ERASE_PERSON, ctx.now + ERASE_DELAY, ctx.now, person_id=ctx.person.id)


async def stop_everything(session: AsyncSession, person_id: int, now: datetime, touched: Touched) -> None:
    """Before an erasure: open requests are cancelled (invited volunteers told), threads closed (the other
    side told they left), and nothing more is sent to any of their addresses."""
    for request in await requests.open_for_person(session, person_id):
        if await requests.cancel(session, person_id, request.id, now):
            await matchmaker.withdraw(session, request.id, now, touched)
    for thread in await threads.for_person(session, person_id):
        row = await threads.member_thread(session, thread.id, person_id)
        if row is None:
            continue
        row.status, row.closed_at = "closed", now
        other = threads.other_side(row, person_id)
        key = f"left:{row.id}:{other}"
        await touched.post(session, other, "counterpart_left", {"thread_id": row.id}, now, key)
    await inbox.stop_all_addresses(session, person_id, "erased", now)


async def erase_for_staff(session: AsyncSession, person_id: int, now: datetime, touched: Touched) -> None:
    """Erasure asked for by phone: the same path as VERWIJDER MIJ without the goodbye. The rows go after
    ERASE_DELAY, not in this transaction, so the volunteers told that a request or thread ended first
    read their message (erasure blanks the events about the person)."""
    await stop_everything(session, person_id, now, touched)
    schedule.schedule(session, ERASE_PERSON, now + ERASE_DELAY, now, person_id=person_id)


async def send_my_data(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    facts = await privacy.summary(ctx.session, ctx.person.id)
    payload: dict[str, object] = {
        "first_name": facts.first_name,
        "neighbourhood": facts.neighbourhood,
        "messages": facts.messages,
        "requests": facts.requests,
        "offering": facts.offering,
        "consent_given_at": facts.consent_given_at.isoformat() if facts.consent_given_at else None,
        "care_for": facts.care_for,
        "checkins": facts.checkins,
        "reminders": facts.reminders,
        "circle_members": facts.circle_members,
        "circles_joined": facts.circles_joined,
        "signups": facts.signups,
    }
    key = f"my_data:{ctx.person.id}:{ctx.now.timestamp()}"
    await ctx.touched.post(ctx.session, ctx.person.id, "my_data", payload, ctx.now, key)


async def erase_person(
    session: AsyncSession, event: schedule.DueEvent, now: datetime, _touched: Touched
) -> str:
    if event.person_id is None:
        return "no_person"
    await privacy.erase(session, event.person_id, now)
    return "erased"


EFFECTS = {
    "erase_me": erase_me,
    "send_my_data": send_my_data,
    "create_export_link": exports.create_link,
}
SCHEDULED = {ERASE_PERSON: erase_person}
