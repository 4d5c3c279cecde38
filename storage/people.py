"""A person's own row and consent, written without the ORM: the engine's batches on the hot path.

Why: a first conversation sets the name, the place and the language and records consent, each an effect
of a step. Through the ORM each loaded the person and the address as objects and flushed them (about 4 %
of the web process's samples, bench/README.md session 30). Here the person's columns are rows of one
keyed update for the whole batch (written with its other writes), and its consents one INSERT.

The volunteer index (storage/matching_index.py) hears of ORM writes by itself; these writes tell it
themselves (a new place or consent may make someone a candidate)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage import matching_index
from storage.bulk import KeyedUpdate
from storage.db import core, table_of
from storage.models import Consent, Person

KEY = "person_id"
# The person's columns, by id: rows {"person_id": id, column: value, ...}, grouped by the columns set.
FIELDS = KeyedUpdate(table_of(Person), "id", KEY)
_ADD_CONSENT = insert(table_of(Consent))


def field_rows(changes: Mapping[int, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The keyed update's rows for these people's changed columns."""
    return [{KEY: person_id, **values} for person_id, values in changes.items() if values]


async def tell_index(session: AsyncSession, rows: Iterable[Mapping[str, Any]]) -> None:
    """Before the commit: people whose place or tenant these rows change, for the volunteer index."""
    moved = {int(row[KEY]) for row in rows if matching_index.PERSON_FACTS & row.keys()}
    if moved:
        await matching_index.remember(session, moved)


def consent_row(person_id: int, version: str, text_key: str, now: datetime) -> dict[str, Any]:
    return {"person_id": person_id, "version": version, "text_key": text_key, "given_at": now}


async def add_consents(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """The batch's consents in one INSERT."""
    if rows:
        await core(session, _ADD_CONSENT, rows)
        await matching_index.remember(session, {int(row[KEY]) for row in rows})
