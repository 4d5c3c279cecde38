"""The inbox part of the console: all conversations with filters, search, and teamwork on a person's
page (assign, private notes with @mentions, labels, canned replies). Every view and action is audited;
everything is scoped to the staff member's tenant and neighbourhoods (out of scope is 404)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from bot.web.staff.auth import Staff
from bot.web.staff.render import page, text, texts
from bot.web.staff.views import (
    MAX_ID,
    MAX_NOTE,
    common,
    field,
    neighbourhood_names,
    page_language,
    person_in_scope,
    refused,
    runtime_of,
    staff_only,
)
from flows.catalogue import LANGUAGES
from storage import console, staff
from storage.models import CannedReply, StaffAccount

CHANNELS = ("sms", "whatsapp", "telegram", "simulator")
MAX_QUERY = 100


def _int(value: str | None) -> int | None:
    if value is None or not (value.isascii() and value.isdigit()) or len(value) > 18 or int(value) > MAX_ID:
        return None
    return int(value)


def filters_of(request: Request) -> console.Filters:
    args = request.query_params
    language = args.get("language", "")
    channel = args.get("channel", "")
    return console.Filters(
        waiting=args.get("waiting") == "1",
        held=args.get("held") == "1",
        mine=args.get("mine") == "1",
        neighbourhood=args.get("neighbourhood", "")[:40],
        channel=channel if channel in CHANNELS else "",
        label=_int(args.get("label")),
        language=language if language in LANGUAGES else "",
    )


async def _conversations(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    chosen = filters_of(request)
    page_number = min(_int(request.query_params.get("page")) or 0, 1000)
    async with runtime.sessions() as session, session.begin():
        rows, more = await console.conversations(session, who.scope, who.id, chosen, page_number)
        labels = await console.labels(session, who.scope.tenant)
        staff.audit(session, who.id, None, "view_conversations", runtime.clock())
    query = {key: value for key, value in request.query_params.items() if key != "page"}
    template = (
        "_conversation_rows.html" if request.query_params.get("part") == "rows" else "conversations.html"
    )
    return page(
        request,
        template,
        who,
        rows=rows,
        more=more,
        page_number=page_number,
        filters=chosen,
        labels=labels,
        channels=CHANNELS,
        languages=LANGUAGES,
        scope_places={k: v for k, v in neighbourhood_names().items() if who.scope.allows(k)},
        next_query=urlencode({**query, "page": page_number + 1}),
        **common(page_language(request)),
    )


async def _search(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    query = request.query_params.get("q", "")[:MAX_QUERY].strip()
    results = None
    if query:
        async with runtime.sessions() as session, session.begin():
            results = await console.search(session, who.scope, query, neighbourhood_names())
            # What was searched for can be personal (a name): the log says only that someone searched.
            staff.audit(session, who.id, None, "search", runtime.clock())
    return page(request, "search.html", who, query=query, results=results, **common(page_language(request)))


async def _notifications(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    async with runtime.sessions() as session:
        notices = await console.notifications(session, who.id, who.scope)
    return page(request, "notifications.html", who, notices=notices, **common(page_language(request)))


# --- on a person's page ----------------------------------------------------------------------------------


TEAM_ACTIONS = frozenset({"assign", "note", "label", "unlabel"})


async def _team_action(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    person_id = int(request.path_params["person_id"])
    action = request.path_params["action"]
    if action not in TEAM_ACTIONS:
        return refused(request, who, 404, "error_not_found")
    now = runtime.clock()
    form = {name: await field(request, name) for name in ("staff_id", "body", "name", "label_id")}
    anchor = "teamwork"
    async with runtime.sessions() as session, session.begin():
        person = await person_in_scope(session, who, person_id)
        if person is None:
            return refused(request, who, 404, "error_not_found")
        if action == "assign":
            target = form["staff_id"]
            staff_id = who.id if target == "me" else _int(target)
            if staff_id is not None:
                account = await session.get(StaffAccount, staff_id)
                if account is None or not account.active or not staff.Scope.of(account).allows_person(person):
                    return refused(request, who, 409, "error_not_colleague")
            await console.assign(session, person.id, staff_id, who.id, now)
            staff.audit(session, who.id, person.id, "assign" if staff_id is not None else "unassign", now)
        elif action == "note":
            body = form["body"].strip()[:MAX_NOTE]
            if not body:
                return refused(request, who, 400, "error_empty_note")
            await console.add_note(session, person, who.id, body, now)
            staff.audit(session, who.id, person.id, "note", now)
            anchor = "notes"
        elif action == "label":
            name = form["name"].strip()
            if not name:
                return refused(request, who, 400, "error_empty_label")
            await console.add_label(session, person.id, who.scope.tenant, name)
            staff.audit(session, who.id, person.id, "label_add", now)
        else:
            label_id = _int(form["label_id"])
            if label_id is None or not await console.remove_label(
                session, person.id, who.scope.tenant, label_id
            ):
                return refused(request, who, 404, "error_not_found")
            staff.audit(session, who.id, person.id, "label_remove", now)
    return RedirectResponse(f"/staff/people/{person_id}?done={quote(action)}#{anchor}", status_code=303)


# --- live refresh ---------------------------------------------------------------------------------------

LIVE_JS = Path(__file__).with_name("live.js")


async def live_js(request: Request) -> Response:
    return Response(
        LIVE_JS.read_text(encoding="utf-8"),
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"},
    )


async def _live(request: Request, who: Staff) -> Response:
    """The figures and the alerts newer than `since` for this staff member's scope, polled every few
    seconds by live.js. `since` absent or negative: only the newest alert id (where to start).
    Not written to the audit log: it repeats what the open page showed, every few seconds."""
    runtime = runtime_of(request)
    language = page_language(request)
    raw = request.query_params.get("since", "-1")
    since = _int(raw) if raw != "-1" else None
    async with runtime.sessions() as session:
        counts = await console.queue_counts(session, who.scope)
        latest = await console.latest_alert_id(session)
        fresh = await console.alerts_after(session, who.scope, since) if since is not None else []
    alerts = [
        {
            "id": alert.id,
            "kind": alert.kind,
            "label": text(f"alert_{alert.kind}", language)
            if f"alert_{alert.kind}" in texts()
            else alert.kind,
            "person": person.first_name or f"#{person.id}",
            "url": f"/staff/people/{person.id}",
            "urgent": alert.kind in console.URGENT_KINDS or alert.priority == "high",
        }
        for alert, person in fresh
    ]
    newest = latest if since is None else max([since, *(alert.id for alert, _person in fresh)])
    return JSONResponse(
        {"counts": counts, "alerts": alerts, "latest": newest},
        headers={"Cache-Control": "no-store"},
    )


async def _chat(request: Request, who: Staff) -> Response:
    """The open conversation's messages, for the live refresh of the person page."""
    runtime = runtime_of(request)
    async with runtime.sessions() as session:
        person = await person_in_scope(session, who, int(request.path_params["person_id"]))
        if person is None:
            return refused(request, who, 404, "error_not_found")
        log = await staff.conversation_log(session, person.id)
    return page(request, "_chat.html", who, log=log)


# --- canned replies --------------------------------------------------------------------------------------

MANAGERS = ("coordinator", "admin")


async def _canned(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    async with runtime.sessions() as session:
        replies = await console.canned_replies(session, who.scope.tenant)
    return page(
        request, "canned.html", who, replies=replies, errors=[], values={}, **common(page_language(request))
    )


async def _canned_add(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    values = {name: (await field(request, name)).strip() for name in ("title", "body_nl", "body_en")}
    errors = [f"error_canned_{name}" for name in ("title", "body_nl") if not values[name]]
    if errors:
        async with runtime.sessions() as session:
            replies = await console.canned_replies(session, who.scope.tenant)
        return page(
            request,
            "canned.html",
            who,
            status_code=400,
            replies=replies,
            errors=errors,
            values=values,
            **common(page_language(request)),
        )
    async with runtime.sessions() as session, session.begin():
        session.add(
            CannedReply(
                tenant=who.scope.tenant,
                title=values["title"][:80],
                body_nl=values["body_nl"][:1000],
                body_en=values["body_en"][:1000],
                created_at=runtime.clock(),
            )
        )
        staff.audit(session, who.id, None, "canned_add", runtime.clock())
    return RedirectResponse("/staff/canned?done=canned", status_code=303)


async def _canned_delete(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    async with runtime.sessions() as session, session.begin():
        reply = await session.get(CannedReply, int(request.path_params["reply_id"]))
        if reply is None or reply.tenant != who.scope.tenant:
            return refused(request, who, 404, "error_not_found")
        await session.delete(reply)
        staff.audit(session, who.id, None, "canned_delete", runtime.clock())
    return RedirectResponse("/staff/canned", status_code=303)


conversations = staff_only(_conversations)
search = staff_only(_search)
notifications = staff_only(_notifications)
team_action = staff_only(_team_action)
canned = staff_only(_canned)
live = staff_only(_live)
chat = staff_only(_chat)
canned_add = staff_only(_canned_add, roles=MANAGERS)
canned_delete = staff_only(_canned_delete, roles=MANAGERS)
