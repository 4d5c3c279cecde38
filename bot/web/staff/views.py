"""The console's pages and form posts. Every page needs a login; every POST a CSRF token; every view of
a person's data is written to the audit log; a buurtverbinder only reaches their own neighbourhoods
(anything else is 404, so the console does not even say whether it exists)."""

from __future__ import annotations

import json
import logging
import secrets
import traceback
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot import tenants
from bot.effects import review
from bot.effects.mailbox import Touched
from bot.runtime import Runtime
from bot.web.staff import actions, auth, teamwork
from bot.web.staff.auth import Staff
from bot.web.staff.render import LANG_COOKIE, LANGUAGES, language_of, page
from flows import ask, catalogue, conditions, places
from flows.categories import CATEGORY_CHOICES
from flows.matching import CATEGORIES
from flows.when import When
from storage import console, exports, matching, offers, staff
from storage.models import HelpRequest, Identity, Person, StaffAccount, StaffAlert, Thread

Handler = Callable[[Request, Staff], Awaitable[Response]]
log = logging.getLogger("voordeur.staff")
LOGIN = "/staff/login"
HOME = "/staff/"
MAX_FIELD = 2000
# Ids are 64-bit in PostgreSQL; a larger number in a URL is a page that does not exist, not an error.
MAX_ID = 2**63 - 1


def runtime_of(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def refused(request: Request, who: Staff | None, status: int, reason: str) -> Response:
    return page(request, "error.html", who, status_code=status, reason=reason)


SECOND_FACTOR_SETUP = "/staff/account/second-factor"


def staff_only(
    handler: Handler, *, roles: tuple[str, ...] = staff.ROLES, setup: bool = False
) -> Callable[[Request], Awaitable[Response]]:
    """Log-in required (else to the login page); a POST must carry the session's CSRF token. A
    coordinator or admin without a second factor reaches only its set-up page (`setup`) until it is
    done."""

    async def endpoint(request: Request) -> Response:
        who = await auth.current(request)
        if who is None:
            return RedirectResponse(LOGIN, status_code=303)
        if who.needs_second_factor and not setup:
            return RedirectResponse(SECOND_FACTOR_SETUP, status_code=303)
        if any(isinstance(value, int) and value > MAX_ID for value in request.path_params.values()):
            return refused(request, who, 404, "error_not_found")
        if request.method == "POST":
            form = await request.form(max_files=0, max_fields=50)
            if not auth.same(str(form.get("csrf", "")), who.csrf_token):
                return refused(request, who, 403, "error_csrf")
        if who.role not in roles:
            return refused(request, who, 403, "error_role")
        # Neighbourhood names and choices on every page are those of the staff member's tenant.
        with places.using(tenants.current().get(who.scope.tenant).municipality):
            try:
                return await handler(request, who)
            except Exception as exc:  # the page says so in Dutch; the log says where
                return failed(request, who, exc)

    return endpoint


def failed(request: Request, who: Staff, exc: Exception) -> Response:
    """Something broke while staff worked: a page in their language that says what to do, never a stack
    trace. The log gets where it broke (files, lines, the exception's type) but not its message, which
    may quote what a person wrote."""
    frames = traceback.extract_tb(exc.__traceback__)[-6:]
    where = " < ".join(
        f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} {frame.name}" for frame in reversed(frames)
    )
    log.error(
        "staff page failed",
        extra={
            "path": request.url.path,
            "method": request.method,
            "error": type(exc).__name__,
            "where": where,
        },
    )
    return refused(request, who, 500, "error_server")


async def field(request: Request, name: str) -> str:
    form = await request.form()
    value = form.get(name, "")
    return value[:MAX_FIELD] if isinstance(value, str) else ""


def wake(runtime: Runtime, touched: Touched) -> None:
    """After the commit: handle what was posted into mailboxes, and let the sender look at the outbox."""
    for person_id in touched.people:
        runtime.kick(person_id)
    runtime.sender.wake()


def neighbourhood_names() -> dict[str, str]:
    return {n.key: n.name for n in places.load_municipality().neighbourhoods}


def category_names(language: str) -> dict[str, str]:
    return {c.key: catalogue.render(c.label_key, language) for c in CATEGORY_CHOICES}


def when_text(request_row: HelpRequest, language: str) -> str:
    try:
        # With its window ("zaterdag 23 november, van 10:00 tot 12:00"), as the bot read it back.
        return conditions.describe_request_when(request_row.when, language)
    except (KeyError, ValueError):
        return ""


def common(language: str) -> dict[str, Any]:
    return {"places": neighbourhood_names(), "categories": category_names(language)}


# --- login ----------------------------------------------------------------------------------------------


async def login_page(request: Request) -> Response:
    token = secrets.token_urlsafe(24)
    oidc = bool(runtime_of(request).settings.voordeur_oidc_issuer)
    response = page(request, "login.html", None, login_csrf=token, failed="", oidc=oidc)
    auth.set_cookie(response, runtime_of(request), auth.LOGIN_CSRF_COOKIE, token, 3600)
    return response


async def login_post(request: Request) -> Response:
    runtime = runtime_of(request)
    form = await request.form(max_files=0, max_fields=10)
    given, expected = str(form.get("csrf", "")), request.cookies.get(auth.LOGIN_CSRF_COOKIE, "")
    if not expected or not auth.same(given, expected):
        return refused(request, None, 403, "error_csrf")
    email, password = str(form.get("email", ""))[:254], str(form.get("password", ""))[:1000]
    code = str(form.get("code", ""))[:20]
    try:
        token, _account = await auth.log_in(runtime, email, password, auth.client_ip(request), code)
    except auth.LoginRefused as refusal:
        status = 401
        fresh = secrets.token_urlsafe(24)
        response = page(
            request,
            "login.html",
            None,
            status_code=status,
            login_csrf=fresh,
            failed=refusal.reason,
            oidc=bool(runtime.settings.voordeur_oidc_issuer),
        )
        auth.set_cookie(response, runtime, auth.LOGIN_CSRF_COOKIE, fresh, 3600)
        return response
    redirect = RedirectResponse(HOME, status_code=303)
    auth.set_cookie(redirect, runtime, auth.SESSION_COOKIE, token, int(auth.SESSION_TTL.total_seconds()))
    redirect.delete_cookie(auth.LOGIN_CSRF_COOKIE, path="/staff")
    return redirect


async def _logout(request: Request, who: Staff) -> Response:
    await auth.log_out(runtime_of(request), who.token_hash)
    response = RedirectResponse(LOGIN, status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE, path="/staff")
    return response


async def set_language(request: Request) -> Response:
    language = request.path_params["language"]
    target = request.query_params.get("next", HOME)
    if not target.startswith("/staff") or "//" in target or "\\" in target:
        target = HOME
    response = RedirectResponse(target, status_code=303)
    if language in LANGUAGES:
        response.set_cookie(LANG_COOKIE, language, max_age=365 * 86400, path="/staff", samesite="lax")
    return response


# --- queues ---------------------------------------------------------------------------------------------


async def _home(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    async with runtime.sessions() as session, session.begin():
        unmatched = await staff.unmatched_requests(session, who.scope)
        context: dict[str, Any] = {
            "in_review": await staff.requests_in_review(session, who.scope),
            "alerts": await staff.open_alerts(session, who.scope, exclude="stalled_match"),
            "stalled": await staff.open_alerts(session, who.scope, kind="stalled_match"),
            "unmatched": unmatched,
            "waiting": await staff.waiting_for_window(session, who.scope),
            "held": await staff.held_people(session, who.scope),
        }
        said = {
            alert.id: await console.last_said(session, person.id, alert.created_at)
            for alert, person in context["alerts"]
            if person is not None and alert.kind in console.WITH_MESSAGES
        }
        unmatched_tries = {
            request_row.id: await staff.invitations(session, request_row.id)
            for request_row, _person in unmatched
        }
        staff.audit(session, who.id, None, "view_queues", runtime.clock())
    language = page_language(request)
    return page(
        request,
        "home.html",
        who,
        tries=unmatched_tries,
        said=said,
        held_ids={person.id for _hold, person, _name in context["held"]},
        when_text=lambda r: when_text(r, language),
        **context,
        **common(language),
    )


def page_language(request: Request) -> str:
    return language_of(request)


# --- a person -------------------------------------------------------------------------------------------


async def person_in_scope(session: AsyncSession, who: Staff, person_id: int) -> Person | None:
    """The person, if this staff member may see them: their tenant, and their neighbourhoods."""
    person = await session.get(Person, person_id)
    if person is None or not who.scope.allows_person(person):
        return None
    return person


async def _person(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    person_id = int(request.path_params["person_id"])
    async with runtime.sessions() as session, session.begin():
        person = await person_in_scope(session, who, person_id)
        if person is None:
            return refused(request, who, 404, "error_not_found")
        staff.audit(session, who.id, person.id, "view_person", runtime.clock())
        status = await staff.person_status(session, person.id)
        identities = list(
            (await session.execute(select(Identity).where(Identity.person_id == person.id))).scalars()
        )
        threads_rows = await staff.person_threads(session, person.id)
        logs = {thread.id: await staff.thread_log(session, thread.id) for thread in threads_rows}
        others = {
            thread.id: thread.volunteer_id if thread.requester_id == person.id else thread.requester_id
            for thread in threads_rows
        }
        names = {thread_id: await _name(session, other) for thread_id, other in others.items()}
        apart = await matching.kept_apart(session, person.id)
        context: dict[str, Any] = {
            "person": person,
            "status": status,
            "holder": await _staff_name(session, status.held_by),
            "identities": [(row.channel, _mask_address(row.address), row.stopped_at) for row in identities],
            # Someone who only phones (or stopped everywhere) cannot be written to: no message box to
            # type into in vain.
            "writable": any(row.stopped_at is None for row in identities),
            "offer": await offers.for_person(session, person.id),
            "requests": await staff.person_requests(session, person.id),
            "threads": threads_rows,
            "thread_logs": logs,
            "thread_names": names,
            "thread_others": others,
            "apart_ids": {other for other, *_ in apart},
            "alerts": await staff.person_alerts(session, person.id),
            "apart": apart,
            "log": await staff.conversation_log(session, person.id),
            "scheduled": await staff.scheduled_for(session, person_id=person.id),
            "audit": await staff.audit_for_person(session, person.id, limit=20),
        }
        canned_id = request.query_params.get("canned", "")
        context |= await teamwork.teamwork_context(
            session,
            who,
            person,
            int(canned_id) if canned_id.isascii() and canned_id.isdigit() and len(canned_id) < 10 else None,
            runtime.clock(),
        )
    language = page_language(request)
    return page(
        request,
        "person.html",
        who,
        flash=request.query_params.get("done", ""),
        when_text=lambda r: when_text(r, language),
        **context,
        **common(language),
    )


def _mask_address(address: str) -> str:
    address = address.removeprefix("whatsapp:")
    return f"…{address[-3:]}" if len(address) > 3 else "…"


async def _name(session: AsyncSession, person_id: int) -> str:
    other = await session.get(Person, person_id)
    return (other.first_name if other is not None else None) or f"#{person_id}"


async def _staff_name(session: AsyncSession, staff_id: int | None) -> str:
    if staff_id is None:
        return ""
    account = await session.get(StaffAccount, staff_id)
    return account.name if account is not None else ""


def _confirm_page(action: str) -> Handler:
    """Blocking and erasure cannot be taken back lightly: each is asked once more on a page of its own
    (confirm.html, with the texts `<action>_confirm_*`)."""

    async def confirm(request: Request, who: Staff) -> Response:
        runtime = runtime_of(request)
        async with runtime.sessions() as session:
            person = await person_in_scope(session, who, int(request.path_params["person_id"]))
        if person is None:
            return refused(request, who, 404, "error_not_found")
        return page(
            request, "confirm.html", who, person=person, action=action, **common(page_language(request))
        )

    return confirm


# A private note of the team (on a person's page, at hand-back, at a phone intake).
MAX_NOTE = 2000
PERSON_ACTIONS = frozenset(
    {
        "takeover",
        "handback",
        "message",
        "block",
        "unblock",
        "verify",
        "unverify",
        "pause",
        "resume",
        "erase",
        "export",
        "together",
        "apart",
    }
)
# Done only after the confirmation page's yes; a bare POST leads to that page.
CONFIRMED_ACTIONS = frozenset({"block", "erase"})


async def _export(request: Request, who: Staff, person_id: int) -> Response:
    """A person asked by phone for everything Voordeur keeps: the same document as their EXPORT link,
    downloaded by staff to send on (by post or mail). Audited; never cached."""
    runtime = runtime_of(request)
    now = runtime.clock()
    async with runtime.sessions() as session, session.begin():
        person = await person_in_scope(session, who, person_id)
        if person is None:
            return refused(request, who, 404, "error_not_found")
        if person.erased_at is not None:
            return refused(request, who, 409, "error_already_erased")
        staff.audit(session, who.id, person.id, "export", now)
        document = await exports.document(session, person.id, now)
    return Response(
        json.dumps(document, ensure_ascii=False, indent=2),
        media_type="application/json; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="voordeur-gegevens-{person_id}.json"',
            "Cache-Control": "no-store",
        },
    )


async def _person_action(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    person_id = int(request.path_params["person_id"])
    action = request.path_params["action"]
    if action not in PERSON_ACTIONS:
        return refused(request, who, 404, "error_not_found")
    if action in CONFIRMED_ACTIONS and await field(request, "confirm") != "yes":
        return RedirectResponse(f"/staff/people/{person_id}/{action}", status_code=303)
    if action == "export":
        return await _export(request, who, person_id)
    now = runtime.clock()
    touched = Touched()
    text = await field(request, "text")
    try:
        async with runtime.sessions() as session, session.begin():
            person = await person_in_scope(session, who, person_id)
            if person is None:
                return refused(request, who, 404, "error_not_found")
            staff.audit(session, who.id, person.id, action, now)
            if action == "takeover":
                if not await staff.take_over(session, person.id, who.id, now):
                    raise actions.ActionRefused("error_already_held")
            elif action == "handback":
                await actions.hand_back(session, person.id, now, touched)
                # What was agreed on the phone goes with the conversation: a note for the team.
                note = (await field(request, "note")).strip()[:MAX_NOTE]
                if note:
                    await console.add_note(session, person, who.id, note, now)
                    staff.audit(session, who.id, person.id, "note", now)
            elif action == "message":
                await actions.send_message(session, person, who.first_name, text, now)
            elif action == "block":
                await actions.block(session, person.id, who.id, now)
            elif action == "erase":
                await actions.erase(session, person, now, touched)
            elif action == "unblock":
                if not await staff.unblock(session, person.id):
                    raise actions.ActionRefused("error_not_blocked")
            elif action == "together":
                other = await field(request, "other")
                if not (other.isascii() and other.isdigit()) or not await matching.bring_together(
                    session, person.id, int(other)
                ):
                    raise actions.ActionRefused("error_not_apart")
            elif action == "apart":
                await _keep_apart(session, person.id, await field(request, "other"), now)
            elif action in ("verify", "unverify"):
                await actions.verify(session, person.id, action == "verify", now)
            elif action == "pause":
                await actions.pause(session, person.id, now)
            else:
                await actions.resume(session, person.id, now)
    except actions.ActionRefused as refusal:
        return refused(request, who, 409, refusal.reason)
    wake(runtime, touched)
    return RedirectResponse(f"/staff/people/{person_id}?done={quote(action)}", status_code=303)


async def _keep_apart(session: AsyncSession, person_id: int, other: str, now: datetime) -> None:
    """Staff keep two people from being matched again (a worry heard by phone, a report settled by
    talking): only someone this person had a conversation with, both ways, reason `staff`."""
    others = {
        thread.volunteer_id if thread.requester_id == person_id else thread.requester_id
        for thread in await staff.person_threads(session, person_id)
    }
    if not (other.isascii() and other.isdigit()) or int(other) not in others:
        raise actions.ActionRefused("error_not_matched")
    if any(apart == int(other) for apart, *_ in await matching.kept_apart(session, person_id)):
        raise actions.ActionRefused("error_already_apart")
    await matching.exclude_pair(session, person_id, int(other), "staff", now)


# --- a request ------------------------------------------------------------------------------------------


async def request_in_scope(session: AsyncSession, who: Staff, request_id: int) -> HelpRequest | None:
    """The request, if this staff member may see it: its requester's tenant, and its neighbourhood."""
    found = await session.get(HelpRequest, request_id)
    if found is None or not who.scope.allows(found.neighbourhood):
        return None
    requester = await session.get(Person, found.person_id)
    if requester is None or requester.tenant != who.scope.tenant:
        return None
    return found


async def _request(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    request_id = int(request.path_params["request_id"])
    async with runtime.sessions() as session, session.begin():
        found = await request_in_scope(session, who, request_id)
        if found is None:
            return refused(request, who, 404, "error_not_found")
        staff.audit(session, who.id, found.person_id, "view_request", runtime.clock())
        requester = await session.get(Person, found.person_id)
        thread = (await session.execute(select(Thread).where(Thread.request_id == found.id))).scalar()
        context: dict[str, Any] = {
            "item": found,
            "requester": requester,
            "invitations": await staff.invitations(session, found.id),
            "scheduled": await staff.scheduled_for(session, request_id=found.id),
            "volunteers": await staff.volunteers(
                session,
                staff.Scope(None, who.scope.tenant),
                category=found.category,
                near=found.neighbourhood,
                limit=50,
            ),
            "thread_log": await staff.thread_log(session, thread.id) if thread is not None else [],
            "matched_name": await _name(session, found.matched_person_id) if found.matched_person_id else "",
        }
    language = page_language(request)
    return page(
        request,
        "request.html",
        who,
        flash=request.query_params.get("done", ""),
        when_text=lambda r: when_text(r, language),
        **context,
        **common(language),
    )


REQUEST_ACTIONS = frozenset({"match", "close", "reopen", "approve"})


async def _request_action(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    request_id = int(request.path_params["request_id"])
    action = request.path_params["action"]
    if action not in REQUEST_ACTIONS:
        return refused(request, who, 404, "error_not_found")
    volunteer = await field(request, "volunteer_id")
    description = (await field(request, "description")).strip()[:500]
    category = await field(request, "category")
    now = runtime.clock()
    touched = Touched()
    try:
        async with runtime.sessions() as session, session.begin():
            found = await request_in_scope(session, who, request_id)
            if found is None:
                return refused(request, who, 404, "error_not_found")
            staff.audit(session, who.id, found.person_id, f"request_{action}", now)
            if action == "match":
                if not volunteer.isdigit():
                    raise actions.ActionRefused("error_not_volunteer")
                helper = await session.get(Person, int(volunteer))
                if helper is None or helper.tenant != who.scope.tenant:
                    raise actions.ActionRefused("error_not_volunteer")
                await actions.match_by_hand(session, request_id, int(volunteer), now, touched)
            elif action == "approve":
                if found.status != review.REVIEW:
                    raise actions.ActionRefused("error_not_in_review")
                if (description and description != found.description) or (
                    category in CATEGORIES and category != found.category
                ):
                    found.description = description or found.description
                    found.category = category if category in CATEGORIES else found.category
                    staff.audit(session, who.id, found.person_id, "request_edit", now)
                await review.approve(session, found, now, touched)
            elif action == "close":
                await actions.close_request(session, request_id, now, touched)
            else:
                await actions.reopen_matching(session, request_id, now, touched)
    except actions.ActionRefused as refusal:
        return refused(request, who, 409, refusal.reason)
    wake(runtime, touched)
    return RedirectResponse(f"/staff/requests/{request_id}?done={quote(action)}", status_code=303)


async def _resolve_alert(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    alert_id = int(request.path_params["alert_id"])
    try:
        async with runtime.sessions() as session, session.begin():
            alert = await session.get(StaffAlert, alert_id)
            person = (
                await person_in_scope(session, who, alert.person_id)
                if alert is not None and alert.person_id is not None
                else None
            )
            # An alert about someone out of scope does not exist; one about nobody is for the default
            # tenant's coordinators (as the queue shows it).
            unscoped = alert is not None and alert.person_id is None
            if alert is None or (
                person is None and not (unscoped and who.sees_everything and who.scope.tenant == "default")
            ):
                return refused(request, who, 404, "error_not_found")
            staff.audit(session, who.id, alert.person_id, f"resolve_{alert.kind}"[:64], runtime.clock())
            await actions.resolve_alert(session, alert, runtime.clock())
    except actions.ActionRefused as refusal:
        return refused(request, who, 409, refusal.reason)
    # Resolved on the person's page (after the call): back to that page, not to the queue.
    if await field(request, "back") == "person" and alert.person_id is not None:
        return RedirectResponse(f"/staff/people/{alert.person_id}?done=resolve", status_code=303)
    return RedirectResponse(HOME, status_code=303)


# --- phone intake ---------------------------------------------------------------------------------------


def _intake_places(who: Staff) -> dict[str, str]:
    return {key: name for key, name in neighbourhood_names().items() if who.scope.allows(key)}


async def _intake_page(request: Request, who: Staff) -> Response:
    language = page_language(request)
    return page(
        request,
        "intake.html",
        who,
        errors=[],
        values={},
        intake_places=_intake_places(who),
        caller_languages=catalogue.LANGUAGES,
        **common(language),
    )


async def _intake_post(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    language = page_language(request)
    now = runtime.clock()
    form = await request.form()
    values = {key: str(value)[:MAX_FIELD] for key, value in form.items() if isinstance(value, str)}
    errors: list[str] = []
    first_name = values.get("first_name", "").strip()[:80]
    neighbourhood = values.get("neighbourhood", "")
    raw_phone = values.get("phone", "").strip()
    category = values.get("category", "")
    description = values.get("description", "").strip()
    caller_language = values.get("language", "nl") if values.get("language") in catalogue.LANGUAGES else "nl"
    if not first_name:
        errors.append("error_first_name")
    if neighbourhood not in _intake_places(who):
        errors.append("error_neighbourhood")
    phone: str | None = None
    if raw_phone:
        try:
            phone = actions.normalise_phone(raw_phone)
        except actions.PhoneRefused as refusal:
            errors.append(refusal.reason)
    # Not sent (an old form): the most private choice, as the chat's default.
    visibility = values.get("visibility") or "helper"
    if visibility not in actions.VISIBILITIES:
        errors.append("error_visibility")
    if category not in CATEGORIES:
        errors.append("error_category")
    if not description:
        errors.append("error_description")
    # The consent row stored below is the caller's yes: it must have been asked and given.
    if values.get("consent") != "yes":
        errors.append("error_consent")
    when_raw = values.get("when", "").strip()
    zone = tenants.current().get(who.scope.tenant).zone
    when = ask.when_data(when_raw, language, now, zone) if when_raw else When(kind="asap").to_json()
    if when is None:
        errors.append("error_when")
    note = values.get("note", "").strip()[:MAX_NOTE]
    if phone is not None:
        async with runtime.sessions() as session:
            if await actions.number_of_someone_else(session, phone, first_name, who.scope.tenant):
                errors.append("error_phone_someone_else")
    if errors or when is None:
        return page(
            request,
            "intake.html",
            who,
            status_code=400,
            errors=errors,
            values=values,
            intake_places=_intake_places(who),
            caller_languages=catalogue.LANGUAGES,
            **common(language),
        )
    adapters = runtime.tenant_adapters.get(who.scope.tenant, {})
    channel = "sms" if "sms" in adapters else ("simulator" if "simulator" in adapters else "sms")
    intake = actions.Intake(
        first_name=first_name,
        neighbourhood=neighbourhood,
        phone=phone,
        category=category,
        description=description[:500],
        when=when,
        urgent=values.get("urgent") == "1",
        language=caller_language,
        visibility=visibility,
        note=note,
    )
    touched = Touched()
    async with runtime.sessions() as session, session.begin():
        request_id = await actions.phone_intake(
            session, intake, who.id, channel, now, touched, tenant=who.scope.tenant
        )
    wake(runtime, touched)
    return RedirectResponse(f"/staff/requests/{request_id}?done=intake", status_code=303)


# --- volunteers -----------------------------------------------------------------------------------------


async def _volunteers(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    async with runtime.sessions() as session, session.begin():
        rows = await staff.volunteers(session, who.scope)
        staff.audit(session, who.id, None, "view_volunteers", runtime.clock())
    return page(
        request, "volunteers.html", who, rows=rows, now=runtime.clock(), **common(page_language(request))
    )


home = staff_only(_home)
logout = staff_only(_logout, setup=True)
person = staff_only(_person)
person_action = staff_only(_person_action)
block_confirm = staff_only(_confirm_page("block"))
erase_confirm = staff_only(_confirm_page("erase"))
request_page = staff_only(_request)
request_action = staff_only(_request_action)
resolve_alert = staff_only(_resolve_alert)
intake_page = staff_only(_intake_page)
intake_post = staff_only(_intake_post)
volunteers = staff_only(_volunteers)
