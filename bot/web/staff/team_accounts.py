"""Staff accounts in the console: admins and coordinators invite colleagues with a one-time link, list
them, change role and neighbourhoods, deactivate (every open session ends at once) and reset (a new
one-time link; the old password and second factor stop working). The link's page sets the password
and, for coordinators and admins, the second factor (TOTP), which any account can also add later.

A coordinator manages buurtverbinders and coordinators of their own tenant; only an admin makes or
changes an admin. Nobody deactivates or demotes themselves (a tenant never loses its last manager by a
slip of the mouse)."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

import pyotp
import segno
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.effects.mailbox import Touched
from bot.web.staff import actions, auth
from bot.web.staff.accounts import MIN_PASSWORD
from bot.web.staff.auth import Staff
from bot.web.staff.render import page
from bot.web.staff.views import (
    HOME,
    common,
    field,
    neighbourhood_names,
    page_language,
    refused,
    runtime_of,
    staff_only,
    wake,
)
from storage import console, staff
from storage.models import StaffAccount

INVITE_TTL = timedelta(days=3)
MANAGERS = ("coordinator", "admin")
ISSUER = "Voordeur"


def qr_code(uri: str) -> str:
    """The otpauth URI as a QR code (an SVG data URI) an authenticator app can scan."""
    return str(segno.make(uri, error="m").svg_data_uri(scale=5, border=2))


def _may_manage(who: Staff, account: StaffAccount) -> bool:
    return account.tenant == who.scope.tenant and (account.role != "admin" or who.role == "admin")


def _roles_for(who: Staff) -> tuple[str, ...]:
    return staff.ROLES if who.role == "admin" else ("buurtverbinder", "coordinator")


def _link(request: Request, token: str) -> str:
    base = runtime_of(request).settings.public_base_url or str(request.base_url)
    return f"{base.rstrip('/')}/staff/welcome/{token}"


def _new_invite(account: StaffAccount, now: Any) -> str:
    token = secrets.token_urlsafe(32)
    account.invite_hash = auth.token_hash(token)
    account.invite_expires_at = now + INVITE_TTL
    return token


async def _form_values(request: Request, who: Staff) -> tuple[dict[str, Any], list[str]]:
    form = await request.form()
    chosen = [str(value) for value in form.getlist("neighbourhoods")]
    values: dict[str, Any] = {
        "email": str(form.get("email", "")).strip().lower()[:254],
        "name": str(form.get("name", "")).strip()[:80],
        "role": str(form.get("role", "")),
        "neighbourhoods": [key for key in chosen if key in neighbourhood_names()],
        "phone": str(form.get("phone", "")).strip()[:32],
    }
    errors: list[str] = []
    if values["role"] not in _roles_for(who):
        errors.append("error_role_choice")
    if values["role"] == "buurtverbinder" and not values["neighbourhoods"]:
        errors.append("error_neighbourhoods")
    return values, errors


async def _list(request: Request, who: Staff, **extra: Any) -> Response:
    runtime = runtime_of(request)
    async with runtime.sessions() as session:
        rows = await staff.accounts(session, who.scope.tenant)
    context: dict[str, Any] = {"errors": [], "values": {}, "invite_link": ""} | extra
    return page(
        request,
        "accounts.html",
        who,
        status_code=400 if context["errors"] else 200,
        rows=rows,
        roles=_roles_for(who),
        now=runtime.clock(),
        **context,
        **common(page_language(request)),
    )


async def _accounts(request: Request, who: Staff) -> Response:
    return await _list(request, who)


async def _invite(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    values, errors = await _form_values(request, who)
    if "@" not in values["email"]:
        errors.append("error_email")
    if not values["name"]:
        errors.append("error_name")
    now = runtime.clock()
    async with runtime.sessions() as session, session.begin():
        if not errors and await staff.account_by_email(session, values["email"]) is not None:
            errors.append("error_email_taken")
        if errors:
            return await _list(request, who, errors=errors, values=values)
        account = staff.add_account(
            session,
            email=values["email"],
            name=values["name"],
            role=values["role"],
            # Nobody knows this password: the account is usable only through the link.
            password_hash=auth.hash_password(secrets.token_urlsafe(32)),
            neighbourhoods=values["neighbourhoods"] if values["role"] == "buurtverbinder" else [],
            now=now,
            phone=values["phone"] or None,
            tenant=who.scope.tenant,
        )
        token = _new_invite(account, now)
        await session.flush()
        staff.audit(session, who.id, None, "account_invite", now)
    return await _list(request, who, invite_link=_link(request, token), invited=values["name"])


async def _account(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    async with runtime.sessions() as session:
        account = await session.get(StaffAccount, int(request.path_params["account_id"]))
    if account is None or not _may_manage(who, account):
        return refused(request, who, 404, "error_not_found")
    return page(
        request,
        "account.html",
        who,
        account=account,
        roles=_roles_for(who),
        errors=[],
        invite_link="",
        flash=request.query_params.get("done", ""),
        **common(page_language(request)),
    )


ACCOUNT_ACTIONS = frozenset({"save", "deactivate", "activate", "reset"})


async def _account_action(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    account_id = int(request.path_params["account_id"])
    action = request.path_params["action"]
    if action not in ACCOUNT_ACTIONS:
        return refused(request, who, 404, "error_not_found")
    values, errors = await _form_values(request, who) if action == "save" else ({}, [])
    now = runtime.clock()
    token = ""
    touched = Touched()
    async with runtime.sessions() as session, session.begin():
        account = await session.get(StaffAccount, account_id)
        if account is None or not _may_manage(who, account):
            return refused(request, who, 404, "error_not_found")
        # Oneself: name, phone and neighbourhoods, but not one's own role, access or password.
        if account.id == who.id and (
            action in ("deactivate", "reset") or (action == "save" and values.get("role") != account.role)
        ):
            return refused(request, who, 409, "error_not_yourself")
        if errors:
            return page(
                request,
                "account.html",
                who,
                status_code=400,
                account=account,
                roles=_roles_for(who),
                errors=errors,
                invite_link="",
                flash="",
                **common(page_language(request)),
            )
        if action == "save":
            account.role = values["role"]
            account.neighbourhoods = values["neighbourhoods"] if values["role"] == "buurtverbinder" else []
            account.phone = values["phone"] or None
            if values["name"]:
                account.name = values["name"]
            # A narrower scope takes effect on the next click anyway (it is read per request).
            staff.audit(session, who.id, None, "account_edit", now)
        elif action == "deactivate":
            account.active = False
            account.invite_hash = None
            await staff.end_sessions(session, account.id)
            staff.audit(session, who.id, None, "account_deactivate", now)
            # Nothing stays held or assigned by someone who no longer logs in: the bot answers again
            # (the person hears so) and the conversations are in the list for a colleague.
            for person_id in await staff.holds_of(session, account.id):
                await actions.hand_back(session, person_id, now, touched)
                staff.audit(session, who.id, person_id, "handback", now)
            for person_id in await console.unassign_all(session, account.id):
                staff.audit(session, who.id, person_id, "unassign", now)
        elif action == "activate":
            account.active = True
            staff.audit(session, who.id, None, "account_activate", now)
        else:
            account.password_hash = auth.hash_password(secrets.token_urlsafe(32))
            account.totp_secret = None
            await staff.end_sessions(session, account.id)
            token = _new_invite(account, now)
            staff.audit(session, who.id, None, "account_reset", now)
    wake(runtime, touched)
    if token:
        async with runtime.sessions() as session:
            fresh = await session.get(StaffAccount, account_id)
        return page(
            request,
            "account.html",
            who,
            account=fresh,
            roles=_roles_for(who),
            errors=[],
            invite_link=_link(request, token),
            flash="reset",
            **common(page_language(request)),
        )
    return RedirectResponse(f"/staff/accounts/{account_id}?done={action}", status_code=303)


# --- the one-time link and the second factor -------------------------------------------------------------


async def welcome(request: Request) -> Response:
    """The invited colleague's page: choose a password (and set up the second factor where required)."""
    runtime = runtime_of(request)
    token = request.path_params["token"][:100]
    now = runtime.clock()
    async with runtime.sessions() as session:
        account = await staff.account_by_invite(session, auth.token_hash(token), now)
    if account is None:
        return refused(request, None, 404, "error_link_used")
    needs = account.role in auth.SECOND_FACTOR_ROLES
    secret = request.query_params.get("s", "")
    if not secret or len(secret) != 32:
        secret = pyotp.random_base32()
    if request.method == "GET":
        return _welcome_page(request, account, token, secret, needs, [])
    form = await request.form(max_files=0, max_fields=10)
    if not auth.same(str(form.get("csrf", "")), request.cookies.get(auth.LOGIN_CSRF_COOKIE, "") or "-"):
        return refused(request, None, 403, "error_csrf")
    password = str(form.get("password", ""))[:1000]
    secret = str(form.get("secret", ""))[:64]
    code = str(form.get("code", ""))[:20]
    errors: list[str] = []
    if len(password) < MIN_PASSWORD + 2:
        errors.append("error_password_short")
    use_totp = needs or bool(code.strip())
    if use_totp and (len(secret) != 32 or not auth.code_matches(secret, code, now)):
        errors.append("error_code")
    if errors:
        return _welcome_page(request, account, token, secret, needs, errors, status=400)
    async with runtime.sessions() as session, session.begin():
        found = await staff.account_by_invite(session, auth.token_hash(token), now)
        if found is None:
            return refused(request, None, 404, "error_link_used")
        found.password_hash = auth.hash_password(password)
        found.totp_secret = secret if use_totp else None
        found.invite_hash = None
        found.invite_expires_at = None
        await staff.end_sessions(session, found.id)
    return RedirectResponse("/staff/login?welcome=1", status_code=303)


def _welcome_page(
    request: Request,
    account: StaffAccount,
    token: str,
    secret: str,
    needs: bool,
    errors: list[str],
    status: int = 200,
) -> Response:
    csrf = secrets.token_urlsafe(24)
    uri = pyotp.TOTP(secret).provisioning_uri(name=account.email, issuer_name=ISSUER)
    response = page(
        request,
        "welcome.html",
        None,
        status_code=status,
        account=account,
        token=token,
        secret=secret,
        otp_uri=uri,
        qr=qr_code(uri),
        needs_totp=needs,
        errors=errors,
        login_csrf=csrf,
        **common(page_language(request)),
    )
    auth.set_cookie(response, runtime_of(request), auth.LOGIN_CSRF_COOKIE, csrf, 3600)
    return response


async def _second_factor(request: Request, who: Staff) -> Response:
    """Set up (or replace) the second factor of the logged-in account."""
    runtime = runtime_of(request)
    errors: list[str] = []
    if request.method == "POST":
        secret = (await field(request, "secret"))[:64]
        code = await field(request, "code")
        if len(secret) == 32 and auth.code_matches(secret, code, runtime.clock()):
            async with runtime.sessions() as session, session.begin():
                account = await session.get(StaffAccount, who.id)
                assert account is not None
                account.totp_secret = secret
            return RedirectResponse(HOME, status_code=303)
        errors.append("error_code")
    else:
        secret = pyotp.random_base32()
    uri = pyotp.TOTP(secret).provisioning_uri(name=who.email, issuer_name=ISSUER)
    return page(
        request,
        "second_factor.html",
        who,
        status_code=400 if errors else 200,
        secret=secret,
        otp_uri=uri,
        qr=qr_code(uri),
        errors=errors,
        **common(page_language(request)),
    )


accounts = staff_only(_accounts, roles=MANAGERS)
invite = staff_only(_invite, roles=MANAGERS)
account = staff_only(_account, roles=MANAGERS)
account_action = staff_only(_account_action, roles=MANAGERS)
second_factor = staff_only(_second_factor, setup=True)
