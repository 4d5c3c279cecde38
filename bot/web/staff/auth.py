"""Staff login: argon2 password hashes, server-side sessions, CSRF tokens, login rate limits.

The session cookie holds a random token; the database keeps only its SHA-256, so a leaked database
cannot be replayed as a login. Every POST carries a CSRF token: the session's own once logged in,
a double-submit cookie on the login form itself. Failed logins are counted per account and per IP
address in the database, so the limit holds across several web processes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from starlette.requests import Request
from starlette.responses import Response

from bot.runtime import Runtime
from storage import staff
from storage.models import StaffAccount

SESSION_COOKIE = "voordeur_staff"
LOGIN_CSRF_COOKIE = "voordeur_staff_login"
SESSION_TTL = timedelta(hours=12)
RATE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_IP = 20

_hasher = PasswordHasher()
# Verifying against this when the account does not exist takes as long as a real check.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def secure_cookies(runtime: Runtime) -> bool:
    """Secure cookies whenever the public origin is https; plain http only in the demo and local tests."""
    base = runtime.settings.public_base_url or ""
    return base.startswith("https://") and not runtime.settings.voordeur_simulator


def set_cookie(response: Response, runtime: Runtime, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/staff",
        httponly=True,
        samesite="lax",
        secure=secure_cookies(runtime),
    )


def client_ip(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


@dataclass(frozen=True, slots=True)
class Staff:
    """The logged-in staff member of a request."""

    id: int
    name: str
    email: str
    role: str
    scope: staff.Scope
    csrf_token: str
    token_hash: str

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else self.name

    @property
    def sees_everything(self) -> bool:
        return self.role in ("coordinator", "admin")


async def current(request: Request) -> Staff | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    runtime: Runtime = request.app.state.runtime
    hashed = token_hash(token)
    async with runtime.sessions() as session:
        found = await staff.session_account(session, hashed, runtime.clock())
    if found is None:
        return None
    row, account = found
    return Staff(
        id=account.id,
        name=account.name,
        email=account.email,
        role=account.role,
        scope=staff.Scope.of(account),
        csrf_token=row.csrf_token,
        token_hash=hashed,
    )


class LoginRefused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "rate_limited" | "wrong"


async def log_in(runtime: Runtime, email: str, password: str, ip: str) -> tuple[str, StaffAccount]:
    """Check the password under the rate limits; returns the new session's cookie token."""
    now = runtime.clock()
    # The refusal is decided inside the transaction but raised after it commits: a failed attempt must
    # be counted, not rolled back with the exception.
    refusal: str | None = None
    async with runtime.sessions() as session, session.begin():
        since = now - RATE_WINDOW
        account = await staff.account_by_email(session, email)
        if (
            await staff.failed_logins(session, since, email=email) >= MAX_FAILURES_PER_ACCOUNT
            or await staff.failed_logins(session, since, ip=ip) >= MAX_FAILURES_PER_IP
        ):
            refusal = "rate_limited"
        elif (
            not verify_password(account.password_hash if account else _DUMMY_HASH, password)
            or account is None
            or not account.active
        ):
            refusal = "wrong"
        staff.record_login(session, email, ip, now, success=refusal is None)
        if refusal is None and account is not None:
            token = secrets.token_urlsafe(32)
            await staff.start_session(
                session, account.id, token_hash(token), secrets.token_urlsafe(32), now, now + SESSION_TTL
            )
            account.last_login_at = now
    if refusal is not None or account is None:
        raise LoginRefused(refusal or "wrong")
    return token, account


async def demo_session(runtime: Runtime, email: str) -> str | None:
    """A session for a seeded demo account without its password: only the simulator's link calls this,
    and the simulator's routes exist only in `voordeur demo` (VOORDEUR_SIMULATOR), never in production."""
    now = runtime.clock()
    async with runtime.sessions() as session, session.begin():
        account = await staff.account_by_email(session, email)
        if account is None or not account.active:
            return None
        token = secrets.token_urlsafe(32)
        await staff.start_session(
            session, account.id, token_hash(token), secrets.token_urlsafe(32), now, now + SESSION_TTL
        )
        account.last_login_at = now
    return token


async def log_out(runtime: Runtime, hashed: str) -> None:
    async with runtime.sessions() as session, session.begin():
        await staff.end_session(session, hashed)
