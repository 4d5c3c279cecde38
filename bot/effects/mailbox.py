"""Posting into people's mailboxes from inside a transaction, and remembering whom to wake afterwards.

When one person's step concerns another (an invitation, a match, a relayed message), the engine does not
act for that other person: it posts an internal event into their mailbox (the inbound table), to be
handled by their own flow, in order, under their own lock. After the commit the engine wakes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.inbox import internal_post, post_internal_many
from storage.models import Identity, Person

if TYPE_CHECKING:
    from bot.effects.requests import NewRequests


@dataclass
class Touched:
    """People whose mailbox got an internal event in this transaction: the engine handles them next.

    `buffered` (the engine's batches): posts are kept here and written together by `flush`, one
    statement for the batch's round instead of one per post. The engine flushes before anything reads
    the mailboxes again (its next round, the commit); no effect handler reads another person's
    mailbox in the batch's transaction (erasure blanks posts in a scheduled event of its own)."""

    people: set[int] = field(default_factory=set)
    posted: list[int] = field(default_factory=list)  # to whom, in order (the engine's next round)
    buffered: bool = False
    _unwritten: list[dict[str, Any]] = field(default_factory=list)

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
        self._unwritten.append(internal_post(person_id, name, data, now, key=key, about=about))
        if not self.buffered:
            await self.flush(session)
        self.people.add(person_id)
        self.posted.append(person_id)

    async def flush(self, session: AsyncSession) -> None:
        """Write the posts kept so far, in the order they were made."""
        if self._unwritten:
            posts, self._unwritten = self._unwritten, []
            await post_internal_many(session, posts)


@dataclass(frozen=True, slots=True)
class EffectContext:
    """Where an effect applies: the step's transaction, the person, the address they wrote from, now."""

    session: AsyncSession
    person: Person
    identity: Identity | None  # None for an internal event (another person's step, a timer)
    now: datetime
    touched: Touched  # people whose mailbox got an internal event: handled after the commit
    public_base_url: str = ""
    # An engine batch's queue of requests to make at its round's end (None: made at once).
    new_requests: NewRequests | None = None
