"""Retention: personal data cleared once it is no longer needed, by periodic set-based jobs.

Two jobs, both off the engine's hot path (no statement per message):

- `forget_moments` (every minute): the short-lived keys of the conversation state
  (storage/personal_data.py `STATE_LIFETIMES`, e.g. the last words of a message kept ten minutes to read a
  crisis said in pieces) after their lifetime, also when no next message comes to take them out.
- `expire` (nightly, with the retention period): the messages of people inactive for the period
  (storage/privacy.py `expire_messages`), and for everyone: processed inbound bodies and finished outbox
  rows older than the period, a finished outbox row's parameters and choices (they only fill a WhatsApp
  template or buttons at sending), expired link codes and export links, the words of requests and meeting
  places closed or past for the period, and care-circle invitations declined, left or unanswered for it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import String, bindparam, cast, delete, func, null, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import personal_data, privacy
from storage.models import (
    CircleMember,
    Conversation,
    ExportLink,
    HelpRequest,
    InboundMessage,
    LinkCode,
    Meeting,
    OutboxMessage,
)

# The minute's run looks at conversations written within a key's lifetime and this much more.
RECENT = timedelta(hours=1)
# Outbox rows that will not be sent (again): their parameters and choices are of no more use.
FINISHED = ("sent", "failed", "cancelled")
CLOSED_REQUESTS = ("done", "cancelled", "expired")
ENDED_INVITATIONS = ("declined", "left", "invited")
# What a processed inbound event keeps after the retention period: that a message came, not what it said.
EXPIRED_EVENT = {"kind": "expired"}


async def forget_moments(session: AsyncSession, now: datetime, *, recent_only: bool = True) -> int:
    """Remove each short-lived state key whose moment is older than its lifetime (or unreadable: then it
    is of no use to the flow either). Returns how many conversations changed.

    `recent_only` (the minute's run) looks only at conversations written within the lifetime and `RECENT`:
    older ones were seen by an earlier run, and the timestamp is compared before any JSON is read. The
    nightly run looks at all, for the minutes the job did not run."""
    changed = 0
    for key, lifetime in personal_data.STATE_LIFETIMES.items():
        since = now - lifetime - RECENT if recent_only else None
        found = await _moments(session, key, since)
        stale = [(person_id, at) for person_id, at in found if _older(at, now - lifetime)]
        if stale:
            changed += await _drop_key(session, key, stale)
    return changed


async def _moments(
    session: AsyncSession, key: str, since: datetime | None = None
) -> list[tuple[int, str | None]]:
    """(person, the key's `at`) of every conversation (written `since`, when given) that holds the key."""
    at = Conversation.state[(key, "at")].as_string()
    if _postgres(session):
        present = Conversation.state.op("?")(key)
    else:
        present = func.json_type(Conversation.state, f"$.{key}").is_not(None)
    written = [Conversation.updated_at >= since] if since is not None else []
    rows = await session.execute(select(Conversation.person_id, at).where(*written, present))
    return [(int(person_id), value) for person_id, value in rows]


def _older(at: str | None, cutoff: datetime) -> bool:
    try:
        moment = datetime.fromisoformat(str(at))
        return moment < cutoff
    except (TypeError, ValueError):
        return True


async def _drop_key(session: AsyncSession, key: str, stale: list[tuple[int, str | None]]) -> int:
    """One statement for all: the key removed where its `at` is still the one seen (a new message in
    between kept a new piece, which stays)."""
    if _postgres(session):
        statement = text(
            "UPDATE conversations SET state = state - CAST(:key AS text) WHERE person_id = :person_id"
            " AND (state -> CAST(:key AS text) ->> 'at') IS NOT DISTINCT FROM :at"
        )
    else:
        statement = text(
            "UPDATE conversations SET state = json_remove(state, :path) WHERE person_id = :person_id"
            " AND json_extract(state, :at_path) IS :at"
        )
    rows: list[dict[str, Any]] = [
        {"key": key, "path": f"$.{key}", "at_path": f"$.{key}.at", "person_id": person_id, "at": at}
        for person_id, at in stale
    ]
    await session.execute(statement.bindparams(bindparam("at", type_=String)), rows)
    return len(rows)


def _postgres(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


async def expire(session: AsyncSession, now: datetime, cutoff: datetime) -> int:
    """The nightly job; returns how many people's messages expired for inactivity (as before)."""
    affected = await privacy.expire_messages(session, cutoff)
    await forget_moments(session, now, recent_only=False)
    await session.execute(
        update(InboundMessage)
        .where(
            InboundMessage.processed_at < cutoff,
            InboundMessage.event["kind"].as_string() != EXPIRED_EVENT["kind"],
        )
        .values(event=EXPIRED_EVENT)
    )
    await session.execute(
        delete(OutboxMessage).where(OutboxMessage.status.in_(FINISHED), OutboxMessage.created_at < cutoff)
    )
    await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status.in_(FINISHED),
            or_(OutboxMessage.params.is_not(None), cast(OutboxMessage.choices, String) != "[]"),
        )
        .values(params=null(), choices=[])
    )
    await session.execute(delete(LinkCode).where(LinkCode.expires_at < now))
    await session.execute(delete(ExportLink).where(ExportLink.expires_at < now))
    await session.execute(
        update(HelpRequest)
        .where(
            HelpRequest.status.in_(CLOSED_REQUESTS),
            HelpRequest.closed_at < cutoff,
            HelpRequest.description != "",
        )
        .values(description="")
    )
    await session.execute(
        update(Meeting)
        .where(Meeting.starts_at < cutoff, Meeting.place_text.is_not(None))
        .values(place_text=None)
    )
    await session.execute(
        delete(CircleMember).where(
            CircleMember.status.in_(ENDED_INVITATIONS),
            func.coalesce(CircleMember.left_at, CircleMember.answered_at, CircleMember.created_at) < cutoff,
        )
    )
    return affected
