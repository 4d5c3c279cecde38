"""What a person's page shows of the team's work: assignment, notes, labels, canned replies."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.web.staff.auth import Staff
from storage import console, staff
from storage.models import Person


async def teamwork_context(
    session: AsyncSession, who: Staff, person: Person, canned_id: int | None, now: datetime
) -> dict[str, Any]:
    """What the person page shows of the team's work, and a canned reply filled in when one was picked."""
    colleagues = [
        account
        for account in await console.team(session, who.scope.tenant)
        if staff.Scope.of(account).allows_person(person)
    ]
    assignment = await console.assignment(session, person.id)
    replies = await console.canned_replies(session, who.scope.tenant)
    prefill = ""
    if canned_id is not None:
        chosen = next((reply for reply in replies if reply.id == canned_id), None)
        if chosen is not None:
            prefill = console.fill_in(chosen, person.language, person.first_name or "")
            staff.audit(session, who.id, person.id, "canned_use", now)
    await console.mark_read(session, who.id, person.id, now)
    return {
        "colleagues": colleagues,
        "assigned_id": assignment.staff_id if assignment is not None else None,
        "notes": await console.notes(session, person.id),
        "person_labels": await console.person_labels(session, person.id),
        "all_labels": await console.labels(session, who.scope.tenant),
        "canned": replies,
        "prefill": prefill,
    }
