"""After VERWIJDER MIJ: the person's number, name and words out of every other row that quotes them.

`storage.privacy.erase` deletes the person's own rows; what remains are copies in other people's records:
an invited volunteer's prompt parameters (the request text), another person's conversation state, a
scheduled event's payload, an alert, a thread log, an audit line. Rather than a list of such places that
a new feature would silently extend, this walks every text and JSON column of every table, finds the rows
that contain one of the person's secrets, and replaces each occurrence with a neutral placeholder, so
another person's history keeps its line ("(verwijderd)") without the words.

What counts as a secret (gathered before the person's rows are deleted): their phone numbers (the last
nine digits, which every written form contains) and chat ids, their first name (as a whole word), the
descriptions of their requests, the texts they wrote (when long enough to be theirs: "ja" is everyone's)
and meeting places they gave. A common first name can blank the same name of someone else in a row that
also holds it; erasure prefers too much to too little.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, String, Table, Text, cast, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Base, HelpRequest, Identity, InboundMessage, Meeting, Person, ThreadMessage

PLACEHOLDER = "(verwijderd)"
# A text of the person's counts as theirs from this length: shorter ones ("ja", "MENU") are everyone's.
MIN_TEXT_LENGTH = 12
MIN_DIGITS = 6


@dataclass(frozen=True, slots=True)
class Secrets:
    """Substrings (numbers, texts) and whole words (the name) to remove."""

    substrings: tuple[str, ...]
    words: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.substrings or self.words)

    def searches(self) -> tuple[str, ...]:
        """What a row must contain (as stored text) to be looked at: plain and JSON-escaped forms."""
        found: set[str] = set()
        for secret in (*self.substrings, *self.words):
            found.add(secret)
            found.add(json.dumps(secret)[1:-1])  # SQLite stores JSON with \\u escapes
        return tuple(sorted(found))

    def scrub(self, text: str) -> str:
        for secret in sorted(self.substrings, key=len, reverse=True):
            text = text.replace(secret, PLACEHOLDER)
        for word in self.words:
            text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", PLACEHOLDER, text, flags=re.IGNORECASE)
        return text


async def gather(session: AsyncSession, person_id: int) -> Secrets:
    """The person's secrets, read before their rows go."""
    substrings: set[str] = set()
    for (address,) in await session.execute(select(Identity.address).where(Identity.person_id == person_id)):
        digits = re.sub(r"\D", "", address)
        if len(digits) >= MIN_DIGITS:
            substrings.add(digits[-9:])
        elif len(address) >= MIN_DIGITS:
            substrings.add(address)
    texts: list[str | None] = []
    texts += (
        await session.execute(select(HelpRequest.description).where(HelpRequest.person_id == person_id))
    ).scalars()
    texts += (
        await session.execute(select(ThreadMessage.body).where(ThreadMessage.sender_id == person_id))
    ).scalars()
    texts += (
        await session.execute(
            select(Meeting.place_text).where(
                or_(Meeting.requester_id == person_id, Meeting.volunteer_id == person_id)
            )
        )
    ).scalars()
    for (event,) in await session.execute(
        select(InboundMessage.event).where(
            InboundMessage.person_id == person_id, InboundMessage.identity_id.is_not(None)
        )
    ):
        if isinstance(event, dict) and isinstance(event.get("text"), str):
            texts.append(event["text"])
    for text in texts:
        if text and len(text.strip()) >= MIN_TEXT_LENGTH:
            substrings.add(text.strip())
    # A request's description is the person's words however short ("brood").
    for description in (
        await session.execute(select(HelpRequest.description).where(HelpRequest.person_id == person_id))
    ).scalars():
        if description and len(description.strip()) >= 4:
            substrings.add(description.strip())
    person = await session.get(Person, person_id)
    words = (person.first_name,) if person is not None and person.first_name else ()
    return Secrets(tuple(sorted(substrings)), tuple(words))


async def scrub_everywhere(session: AsyncSession, secrets: Secrets) -> int:
    """Replace the secrets in every text and JSON column of every table; returns rows changed."""
    if not secrets:
        return 0
    searches = secrets.searches()
    changed = 0
    for table in Base.metadata.sorted_tables:
        columns = [c for c in table.columns if _holds_text(c.type) and not c.primary_key]
        if not columns:
            continue
        changed += await _scrub_table(session, table, columns, searches, secrets)
    return changed


async def _scrub_table(
    session: AsyncSession, table: Table, columns: list[Any], searches: tuple[str, ...], secrets: Secrets
) -> int:
    conditions = [
        cast(column, Text).contains(search, autoescape=True) for column in columns for search in searches
    ]
    key = list(table.primary_key.columns)
    rows = (await session.execute(select(*key, *columns).where(or_(*conditions)))).mappings().all()
    for row in rows:
        values = {}
        for column in columns:
            value = row[column.name]
            cleaned = _clean(value, secrets)
            if cleaned != value:
                length = getattr(column.type, "length", None)
                values[column.name] = cleaned[:length] if isinstance(cleaned, str) and length else cleaned
        if values:
            where = [k == row[k.name] for k in key]
            await session.execute(update(table).where(*where).values(**values))
    return len(rows)


def _holds_text(kind: Any) -> bool:
    base = getattr(kind, "impl", kind)
    return isinstance(kind, String | Text | JSON) or isinstance(base, String | Text | JSON)


def _clean(value: Any, secrets: Secrets) -> Any:
    if isinstance(value, str):
        return secrets.scrub(value)
    if isinstance(value, dict):
        return {key: _clean(item, secrets) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(item, secrets) for item in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return _clean_number(value, secrets.substrings)
    return value


def _clean_number(value: int, substrings: Iterable[str]) -> int | str:
    """A chat id stored as a number in JSON: the placeholder when it is the person's."""
    text = str(value)
    return PLACEHOLDER if any(len(s) >= MIN_DIGITS and s in text for s in substrings) else value
