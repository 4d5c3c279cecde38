"""Effects of the thread flow (flows/threads.py), carried out in the engine's transaction.

Every handler checks that the person is in the thread; the other side hears about it through an
internal event in their own mailbox, so they get it on their own channel, in order.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.effects.mailbox import Touched
from storage import matching, threads
from storage.models import Person, Thread

Handler = Callable[[AsyncSession, int, Mapping[str, Any], datetime, Touched], Awaitable[None]]


# Per sender and thread: a neighbour is not flooded through the bot, whatever the sender's channel.
RELAY_LIMIT = 30
RELAY_WINDOW = timedelta(hours=1)


async def _name(session: AsyncSession, person_id: int) -> str:
    person = await session.get(Person, person_id)
    return (person.first_name if person is not None else None) or ""


async def relay(
    session: AsyncSession, sender: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    thread = await threads.member_thread(session, int(data["thread_id"]), sender)
    if thread is None or thread.status != "open":
        return
    earlier = await threads.sent_since(session, thread.id, sender, now - RELAY_WINDOW)
    message_id = await threads.add_message(session, thread, sender, str(data["text"]), now)
    if earlier >= RELAY_LIMIT:
        # Kept in the logbook for staff, not passed on; the sender hears it once per window.
        if earlier == RELAY_LIMIT:
            await touched.post(session, sender, "relay_limited", {}, now, f"relay_limited:{message_id}")
        return
    other = threads.other_side(thread, sender)
    payload: dict[str, object] = {
        "thread_id": thread.id,
        "name": await _name(session, sender),
        "text": data["text"],
    }
    await touched.post(session, other, "relayed", payload, now, f"relay:{message_id}", about=sender)


async def close(
    session: AsyncSession, sender: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    thread = await threads.member_thread(session, int(data["thread_id"]), sender)
    if thread is None or thread.status != "open":
        return
    thread.status, thread.closed_at = "closed", now
    other = threads.other_side(thread, sender)
    if data.get("not_again"):
        # Ended over a worry about the other one ("ik wil niet meer met hem"): not matched again.
        await matching.exclude_pair(session, sender, other, "thread_ended", now)
    payload: dict[str, object] = {"thread_id": thread.id, "name": await _name(session, sender)}
    await touched.post(session, other, "thread_closed", payload, now, f"closed:{thread.id}", about=sender)


async def report(
    session: AsyncSession, sender: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    """MELD: the thread is frozen at once, staff are alerted with high priority, and the two are not
    matched again (staff may restart the conversation; matching does not bring them together)."""
    thread = await threads.member_thread(session, int(data["thread_id"]), sender)
    if thread is None or thread.status == "closed":
        return
    first_report = thread.status != "frozen"
    thread.status = "frozen"
    await matching.exclude_pair(session, thread.requester_id, thread.volunteer_id, "reported", now)
    threads.alert(
        session,
        "abuse_report",
        now,
        person_id=sender,
        thread_id=thread.id,
        request_id=thread.request_id,
        priority="high",
    )
    if first_report:
        other = threads.other_side(thread, sender)
        await touched.post(
            session, other, "thread_frozen", {"thread_id": thread.id}, now, f"frozen:{thread.id}"
        )


async def human(
    session: AsyncSession, sender: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    thread_id = data.get("thread_id")
    thread: Thread | None = None
    if thread_id is not None:
        thread = await threads.member_thread(session, int(thread_id), sender)
    threads.alert(
        session,
        "human_requested",
        now,
        person_id=sender,
        thread_id=thread.id if thread is not None else None,
        request_id=thread.request_id if thread is not None else None,
    )


async def share(
    session: AsyncSession, sender: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    """DEEL NUMMER: once both sides said it, each gets the other's number (if they have a phone address)."""
    thread = await threads.member_thread(session, int(data["thread_id"]), sender)
    if thread is None or thread.status != "open":
        return
    if sender == thread.requester_id:
        thread.requester_shares = True
    else:
        thread.volunteer_shares = True
    other = threads.other_side(thread, sender)
    if not (thread.requester_shares and thread.volunteer_shares):
        await touched.post(
            session,
            sender,
            "share_waiting",
            {"name": await _name(session, other)},
            now,
            f"share_waiting:{thread.id}:{sender}",
            about=other,
        )
        await touched.post(
            session,
            other,
            "share_asked",
            {"name": await _name(session, sender)},
            now,
            f"share_asked:{thread.id}:{other}",
            about=sender,
        )
        return
    for person, counterpart in ((sender, other), (other, sender)):
        number = await threads.phone_number(session, counterpart)
        name = await _name(session, counterpart)
        if number is None:
            await touched.post(
                session,
                person,
                "number_unavailable",
                {"name": name},
                now,
                f"no_number:{thread.id}:{person}",
                about=counterpart,
            )
        else:
            await touched.post(
                session,
                person,
                "numbers_shared",
                {"name": name, "number": number},
                now,
                f"numbers:{thread.id}:{person}",
                about=counterpart,
            )


async def alert_staff(
    session: AsyncSession, sender: int, data: Mapping[str, Any], now: datetime, touched: Touched
) -> None:
    """A high-priority item in the staff queue (a crisis message): which person, what kind, when."""
    priority = str(data.get("priority", "high"))
    threads.alert(session, str(data["kind"]), now, person_id=sender, priority=priority)


HANDLERS: dict[str, Handler] = {
    "alert_staff": alert_staff,
    "relay": relay,
    "close_thread": close,
    "report_thread": report,
    "request_human": human,
    "share_number": share,
}
