"""Posting into people's mailboxes from inside a transaction, and remembering whom to wake afterwards.

When one person's step concerns another (an invitation, a match, a relayed message), the engine does not
act for that other person: it posts an internal event into their mailbox (the inbound table), to be
handled by their own flow, in order, under their own lock. After the commit the engine wakes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.inbox import post_internal
from storage.models import Identity, Person


@dataclass
class Touched:
    """People whose mailbox got an internal event in this transaction: the engine handles them next."""

    people: set[int] = field(default_factory=set)
    posted: list[int] = field(default_factory=list)  # to whom, in order (the engine's next round)

    async def post(
        self,
        session: AsyncSession,
        person_id: int,
        name: str,
        data: dict[str, Any],
        now: datetime,
        key: str,
        *,
        about: int | None = None,
    ) -> None:
        """Post `name` with `data` to `person_id`. `key` makes it idempotent; `about` is the person whose
        name, words or number it carries (erasing them blanks it)."""
        await post_internal(session, person_id, name, data, now, key=key, about=about)
        self.people.add(person_id)
        self.posted.append(person_id)


@dataclass(frozen=True, slots=True)
class EffectContext:
    """Where an effect applies: the step's transaction, the person, the address they wrote from, now."""

    session: AsyncSession
    person: Person
    identity: Identity | None  # None for an internal event (another person's step, a timer)
    now: datetime
    touched: Touched  # people whose mailbox got an internal event: handled after the commit
    public_base_url: str = ""
