"""Request review: a tenant may want a buurtverbinder's akkoord on every new request before volunteers
are asked (`review_requests` in the tenants file; off by default).

The request then waits in status `review`: the resident is told it is being looked at, the console's
queue lists it, and if nobody gave an akkoord after two hours an alert is raised. The akkoord (or an
edit and akkoord) in the console starts matching as if the request had just come in.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot import tenants
from bot.effects.mailbox import Touched
from flows import catalogue
from storage import inbox, outbox, schedule, threads
from storage.models import HelpRequest, Person

REVIEW = "review"
OVERDUE = "review_overdue"
OVERDUE_AFTER = timedelta(hours=2)
TEXT_KEY = "request_in_review"


async def hold(session: AsyncSession, request: HelpRequest, now: datetime) -> bool:
    """Keep a new request for review when its tenant wants that; True if it is held."""
    # A request staff took by phone was made by a buurtverbinder already.
    if (
        request.reviewed_at is not None
        or request.wave > 0
        or request.source == "phone"
        or request.status not in ("open", REVIEW)
    ):
        return False
    requester = await session.get(Person, request.person_id)
    if requester is None or not tenants.current().get(requester.tenant).review_requests:
        return False
    if request.status == REVIEW:
        return True
    request.status = REVIEW
    request.updated_at = now
    schedule.schedule(
        session, OVERDUE, now + OVERDUE_AFTER, now, request_id=request.id, person_id=request.person_id
    )
    identity = await inbox.preferred_identity(session, requester.id)
    if identity is not None:
        service = tenants.current().get(requester.tenant).name
        outbox.enqueue(
            session,
            person_id=requester.id,
            identity_id=identity.id,
            channel=identity.channel,
            text_key=TEXT_KEY,
            body=catalogue.message(TEXT_KEY, requester.language, {}, service=service),
            choices=[],
            now=now,
        )
    return True


async def approve(session: AsyncSession, request: HelpRequest, now: datetime, touched: Touched) -> None:
    """The akkoord: matching starts now."""
    from bot.effects import matchmaker

    request.reviewed_at = now
    request.status = "open"
    request.updated_at = now
    await schedule.cancel(session, OVERDUE, request_id=request.id, reason="reviewed", now=now)
    await matchmaker.start(session, request, now, touched)


async def on_overdue(
    session: AsyncSession, event: schedule.DueEvent, now: datetime, _touched: Touched
) -> str:
    """Two hours on, still no akkoord: an alert in the console's queue."""
    if event.request_id is None:
        return "no_request"
    request = await session.get(HelpRequest, event.request_id)
    if request is None or request.status != REVIEW:
        return "reviewed"
    threads.alert(session, OVERDUE, now, person_id=request.person_id, request_id=request.id)
    return "alerted"
