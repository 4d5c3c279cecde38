"""Staff login: argon2 password hashes, server-side sessions, CSRF tokens, login rate limits.

The session cookie holds a random token; the database keeps only its SHA-256, so a leaked database
cannot be replayed as a login. Every POST carries a CSRF token: the session's own once logged in,
a double-submit cookie on the login form itself.

Failed logins are counted in the database (so the count holds across web processes) per account and
address together, per address and per account. They slow a login down (`login_delay`), never refuse
it: a correct password is accepted whatever others tried, so nobody can lock a colleague out by typing
wrong passwords at their address. Attempts of one account from one address queue one behind the other
in a process, so parallel guesses cannot skip the delay.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response

from bot.runtime import Runtime
from storage import staff
from storage.models import StaffAccount

SESSION_COOKIE = "voordeur_staff"
LOGIN_CSRF_COOKIE = "voordeur_staff_login"
SESSION_TTL = timedelta(hours=12)
RATE_WINDOW = timedelta(minutes=15)
# Failures before a login is slowed down: of one account from one address, of one address, of one
# account from anywhere (a distributed guess). Then each further failure doubles the wait up to the cap.
FREE_FAILURES_PAIR = 3
FREE_FAILURES_IP = 10
FREE_FAILURES_ACCOUNT = 10
FIRST_DELAY = 0.5
MAX_DELAY = 5.0

# Tests replace this to see the wait without waiting.
pause: Callable[[float], Awaitable[None]] = asyncio.sleep
_queues: dict[tuple[str, str], asyncio.Lock] = {}

# Roles that must use a second factor (TOTP); for a buurtverbinder it is their choice.
SECOND_FACTOR_ROLES = ("coordinator", "admin")
# The demo's seeded accounts (bot/cli/demo.py) skip it, only while the simulator runs (never in production).
DEMO_DOMAIN = "@voordeur.demo"

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


def code_matches(secret: str, code: str, now: datetime) -> bool:
    """A TOTP code of `secret` at `now`, one 30-second step either side for a slow clock or typist."""
    code = "".join(code.split())
    return len(code) == 6 and code.isdigit() and pyotp.TOTP(secret).verify(code, for_time=now, valid_window=1)


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
    # A coordinator or admin without a second factor yet: they must set one up before anything else.
    needs_second_factor: bool = False

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
        needs_second_factor=account.role in SECOND_FACTOR_ROLES
        and not account.totp_secret
        and not (runtime.settings.voordeur_simulator and account.email.endswith(DEMO_DOMAIN)),
    )


class LoginRefused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "wrong"


def _backoff(failures: int, free: int) -> float:
    if failures < free:
        return 0.0
    return min(MAX_DELAY, FIRST_DELAY * 2.0 ** (failures - free))


def login_delay(pair: int, ip: int, account: int) -> float:
    """Seconds to wait before checking a password, from the recent failures of this account at this
    address (`pair`), of this address (`ip`) and of this account anywhere (`account`)."""
    return max(
        _backoff(pair, FREE_FAILURES_PAIR),
        _backoff(ip, FREE_FAILURES_IP),
        _backoff(account, FREE_FAILURES_ACCOUNT),
    )


async def log_in(
    runtime: Runtime, email: str, password: str, ip: str, code: str = ""
) -> tuple[str, StaffAccount]:
    """Check the password (and the second factor's code, if the account has one) after the wait its
    recent failures ask for; returns the new session's cookie token. Never refuses a correct password
    and code because of failures."""
    key = (email.strip().lower()[:254], ip[:64])
    lock = _queues.setdefault(key, asyncio.Lock())
    try:
        async with lock:
            return await _log_in(runtime, email, password, ip, code)
    finally:
        if not lock.locked() and _queues.get(key) is lock:
            del _queues[key]


async def _log_in(
    runtime: Runtime, email: str, password: str, ip: str, code: str
) -> tuple[str, StaffAccount]:
    since = runtime.clock() - RATE_WINDOW
    async with runtime.sessions() as session:
        delay = login_delay(
            await staff.failed_logins(session, since, email=email, ip=ip),
            await staff.failed_logins(session, since, ip=ip),
            await staff.failed_logins(session, since, email=email),
        )
    if delay:
        await pause(delay)
    now = runtime.clock()
    # The refusal is decided inside the transaction but raised after it commits: a failed attempt must
    # be counted, not rolled back with the exception.
    refusal: str | None = None
    async with runtime.sessions() as session, session.begin():
        account = await staff.account_by_email(session, email)
        if (
            not verify_password(account.password_hash if account else _DUMMY_HASH, password)
            or account is None
            or not account.active
            or (account.totp_secret is not None and not code_matches(account.totp_secret, code, now))
        ):
            refusal = "wrong"
        staff.record_login(session, email, ip, now, success=refusal is None)
        if refusal is None and account is not None:
            token = await _open_session(session, account, now)
    if refusal is not None or account is None:
        raise LoginRefused(refusal or "wrong")
    return token, account


async def _open_session(session: AsyncSession, account: StaffAccount, now: datetime) -> str:
    """A new session for `account`; returns its cookie token (the database keeps only its hash)."""
    token = secrets.token_urlsafe(32)
    await staff.start_session(
        session, account.id, token_hash(token), secrets.token_urlsafe(32), now, now + SESSION_TTL
    )
    account.last_login_at = now
    return token


async def demo_session(runtime: Runtime, email: str) -> str | None:
    """A session for a seeded demo account without its password: only the simulator's link calls this,
    and the simulator's routes exist only in `voordeur demo` (VOORDEUR_SIMULATOR), never in production."""
    now = runtime.clock()
    async with runtime.sessions() as session, session.begin():
        account = await staff.account_by_email(session, email)
        if account is None or not account.active:
            return None
        return await _open_session(session, account, now)


async def provider_log_in(runtime: Runtime, email: str, ip: str, multi_factor: bool) -> str:
    """A sign-in the municipality's identity provider vouched for (bot/web/staff/oidc.py): the active
    account with this email, if its second factor (when it must or chose to have one) was done by the
    provider too. Counted like a password login, so failures slow the form down as theirs do."""
    now = runtime.clock()
    refusal: str | None = None
    async with runtime.sessions() as session, session.begin():
        account = await staff.account_by_email(session, email)
        if account is None or not account.active:
            refusal = "oidc_unknown"
        elif not multi_factor and (account.role in SECOND_FACTOR_ROLES or account.totp_secret is not None):
            refusal = "oidc_second_factor"
        staff.record_login(session, email, ip, now, success=refusal is None)
        token = await _open_session(session, account, now) if refusal is None and account else ""
    if refusal is not None or not token:
        raise LoginRefused(refusal or "oidc_unknown")
    return token


async def log_out(runtime: Runtime, hashed: str) -> None:
    async with runtime.sessions() as session, session.begin():
        await staff.end_session(session, hashed)
