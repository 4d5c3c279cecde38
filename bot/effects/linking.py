"""Effects of KOPPEL (flows/linking.py): making a code, and moving an address to the code's person."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.effects.mailbox import EffectContext, Touched
from storage.models import Identity, LinkCode, Person

CODE_LIFETIME = timedelta(minutes=15)


async def create_code(
    session: AsyncSession, person_id: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    await session.execute(delete(LinkCode).where(LinkCode.expires_at < now))
    await session.execute(delete(LinkCode).where(LinkCode.person_id == person_id))
    while True:
        code = f"{secrets.randbelow(1_000_000):06d}"
        if await session.get(LinkCode, code) is None:
            break
    session.add(LinkCode(code=code, person_id=person_id, created_at=now, expires_at=now + CODE_LIFETIME))
    await touched.post(session, person_id, "link_code", {"code": code}, now, f"link_code:{person_id}:{code}")


async def use_code(
    session: AsyncSession, identity: Identity | None, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    """Move the address this message came from to the person who made the code.

    The address's old person keeps nothing of value (a first contact at most) and stays behind without
    addresses; the linked person hears it on this address, which is now their most recent one.
    """
    if identity is None:
        return
    # A code links addresses within one tenant only: the same code typed to another municipality's bot
    # is unknown there (its person lives in the other tenant).
    link = (
        await session.execute(
            select(LinkCode)
            .join(Person, Person.id == LinkCode.person_id)
            .where(
                LinkCode.code == str(data["code"]),
                LinkCode.expires_at >= now,
                Person.tenant == identity.tenant,
            )
        )
    ).scalar_one_or_none()
    if link is None or link.person_id == identity.person_id:
        key = f"link_failed:{identity.id}:{now.timestamp()}"
        await touched.post(session, identity.person_id, "link_failed", {}, now, key)
        return
    identity.person_id = link.person_id
    await session.delete(link)
    await touched.post(session, link.person_id, "linked", {}, now, f"linked:{identity.id}:{link.code}")


async def _create(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    await create_code(ctx.session, ctx.person.id, data, ctx.now, ctx.touched)


async def _use(ctx: EffectContext, data: Mapping[str, Any]) -> None:
    await use_code(ctx.session, ctx.identity, data, ctx.now, ctx.touched)


EFFECTS = {"create_link_code": _create, "use_link_code": _use}
