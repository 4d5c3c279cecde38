"""The local simulator channel's HTTP side: a person types into a page, the bot answers there.

Inbound goes through the same engine as a provider webhook; outbound is read back from the outbox
rows the sender marked sent. Only mounted when VOORDEUR_SIMULATOR is on (the demo).
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from bot.channels.base import InboundMessage
from bot.clock import AdjustableClock
from bot.web.requests import BadRequest, parse_json_object, read_body
from flows.types import Event
from storage import schedule
from storage.models import Identity, OutboxMessage
from storage.models import InboundMessage as InboundRow

PAGE = Path(__file__).with_name("templates") / "simulator.html"
MAX_TEXT = 4096


async def page(request: Request) -> Response:
    return HTMLResponse(PAGE.read_text(encoding="utf-8"))


async def post_message(request: Request) -> Response:
    """Body: {"address": "+31612345678", "text": "..."} or {"address": ..., "choice": "ask"}."""
    runtime = request.app.state.runtime
    try:
        data = parse_json_object(await read_body(request, runtime.settings.voordeur_max_body_bytes))
    except BadRequest as exc:
        return JSONResponse({"error": exc.reason}, status_code=exc.status)
    address = data.get("address")
    text = data.get("text", "")
    choice = data.get("choice")
    if not isinstance(address, str) or not address.strip() or len(address) > 64:
        return JSONResponse({"error": "address is required"}, status_code=400)
    if (
        not isinstance(text, str)
        or len(text) > MAX_TEXT
        or (choice is not None and not isinstance(choice, str))
    ):
        return JSONResponse({"error": "text must be a string of at most 4096 characters"}, status_code=400)
    event = Event(kind="choice", choice=choice, text=text) if choice else Event(kind="text", text=text)
    given_id = data.get("id")
    message_id = given_id[:64] if isinstance(given_id, str) and given_id else uuid.uuid4().hex
    inbound = InboundMessage(
        channel="simulator", provider_id=message_id, address=address.strip(), event=event
    )
    stored = await runtime.engine.store(inbound)
    if not stored.duplicate:
        runtime.kick(stored.person_id)
    return JSONResponse({"id": message_id, "duplicate": stored.duplicate})


async def get_messages(request: Request) -> Response:
    """The conversation of one simulator address: what they sent and what reached them."""
    runtime = request.app.state.runtime
    address = request.query_params.get("address", "")
    async with runtime.sessions() as session:
        identity = (
            await session.execute(
                select(Identity).where(Identity.channel == "simulator", Identity.address == address)
            )
        ).scalar_one_or_none()
        if identity is None:
            return JSONResponse({"messages": []})
        inbound = await session.execute(
            select(InboundRow.id, InboundRow.received_at, InboundRow.event).where(
                InboundRow.identity_id == identity.id
            )
        )
        outbound = await session.execute(
            select(OutboxMessage.id, OutboxMessage.sent_at, OutboxMessage.body, OutboxMessage.choices).where(
                OutboxMessage.identity_id == identity.id, OutboxMessage.status == "sent"
            )
        )
        messages = [
            {
                "from": "person",
                "at": at.isoformat(),
                "text": event.get("text") or event.get("choice", ""),
                "order": (at.isoformat(), 0, row_id),
            }
            for row_id, at, event in inbound
        ] + [
            {
                "from": "bot",
                "at": at.isoformat(),
                "text": body,
                "choices": choices,
                "order": (at.isoformat(), 1, row_id),
            }
            for row_id, at, body, choices in outbound
        ]
    messages.sort(key=lambda m: m.pop("order"))
    return JSONResponse({"messages": messages})


MAX_ADVANCE_MINUTES = 60 * 24 * 14  # two weeks per step
CATCH_UP_ROUNDS = 50


async def get_clock(request: Request) -> Response:
    return JSONResponse(_clock_view(request.app.state.runtime))


async def advance_clock(request: Request) -> Response:
    """Body: {"minutes": N}. Moves the demo's clock forward and runs what has come due, at once."""
    runtime = request.app.state.runtime
    clock = runtime.clock
    if not isinstance(clock, AdjustableClock):
        return JSONResponse({"error": "this runtime's clock cannot be moved"}, status_code=409)
    try:
        data = parse_json_object(await read_body(request, runtime.settings.voordeur_max_body_bytes))
    except BadRequest as exc:
        return JSONResponse({"error": exc.reason}, status_code=exc.status)
    minutes = data.get("minutes")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= MAX_ADVANCE_MINUTES:
        return JSONResponse(
            {"error": f"minutes must be a whole number from 1 to {MAX_ADVANCE_MINUTES}"}, status_code=400
        )
    before = clock()
    after = clock.advance(timedelta(minutes=minutes))
    for _ in range(CATCH_UP_ROUNDS):
        handled = await runtime.engine.run_due_events()
        await runtime.engine.settle()
        if handled == 0:
            break
    runtime.sender.wake()
    async with runtime.sessions() as session:
        ran = await schedule.done_between(session, before, after)
    return JSONResponse({**_clock_view(runtime), "events_run": ran})


def _clock_view(runtime: Any) -> dict[str, Any]:
    now = runtime.clock()
    local = now.astimezone(runtime.settings.timezone)
    movable = isinstance(runtime.clock, AdjustableClock)
    return {"now": local.isoformat(timespec="minutes"), "movable": movable}


async def staff_login(request: Request) -> Response:
    """The page's link to the staff console, logged in as the demo coordinator (demo only: this route
    exists only with the simulator). Without the seeded account it falls back to the login form."""
    from bot.cli.demo import DEMO_COORDINATOR
    from bot.web.staff import auth

    runtime = request.app.state.runtime
    token = await auth.demo_session(runtime, DEMO_COORDINATOR[0])
    if token is None:
        return RedirectResponse("/staff/login", status_code=303)
    response = RedirectResponse("/staff/", status_code=303)
    auth.set_cookie(response, runtime, auth.SESSION_COOKIE, token, int(auth.SESSION_TTL.total_seconds()))
    return response
