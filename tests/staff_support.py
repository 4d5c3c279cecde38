"""Helpers for the staff console tests: accounts, a logged-in httpx client, CSRF tokens from pages."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator, Iterator
from datetime import datetime

import httpx
import pyotp

from bot import tenants
from bot.runtime import Runtime
from bot.web.app import create_app
from bot.web.staff.auth import hash_password
from storage import staff
from storage.models import HelpRequest

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
PASSWORD = "correct horse battery"
# Coordinators and admins log in with a second factor: the test accounts' TOTP secrets, by email.
SECRETS: dict[str, str] = {}


@contextlib.asynccontextmanager
async def console_client(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    """The app in process for console tests; the engine is not kicked, each test runs it when it wants."""
    runtime.kick = lambda person_id: None  # type: ignore[method-assign]
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(runtime)), base_url="http://testserver"
    ) as http:
        yield http


@contextlib.contextmanager
def reviewing_tenant() -> Iterator[None]:
    """The default tenant with review of new requests on (a buurtverbinder's akkoord first)."""
    with tenants.installed(
        tenants.Tenants({tenants.DEFAULT: tenants.Tenant(key="default", review_requests=True)})
    ):
        yield


async def add_account(
    runtime: Runtime,
    email: str,
    role: str,
    neighbourhoods: list[str] | None = None,
    *,
    name: str = "Anna Jansen",
    phone: str | None = "0570-111222",
) -> int:
    async with runtime.sessions() as session, session.begin():
        account = staff.add_account(
            session,
            email=email,
            name=name,
            role=role,
            password_hash=hash_password(PASSWORD),
            neighbourhoods=neighbourhoods or [],
            now=runtime.clock(),
            phone=phone,
        )
        if role in ("coordinator", "admin"):
            account.totp_secret = SECRETS.setdefault(email.strip().lower(), pyotp.random_base32())
        await session.flush()
        return account.id


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found is not None, "page has no CSRF field"
    return found.group(1)


def code_for(email: str, at: datetime) -> str:
    secret = SECRETS.get(email.strip().lower())
    return pyotp.TOTP(secret).at(at) if secret else ""


async def log_in(
    client: httpx.AsyncClient, email: str, password: str = PASSWORD, *, code: str | None = None
) -> httpx.Response:
    """Log in; a coordinator's or admin's code is made from their secret at the app's clock."""
    page = await client.get("/staff/login")
    assert page.status_code == 200
    if code is None:
        runtime: Runtime = client._transport.app.state.runtime  # type: ignore[attr-defined]
        code = code_for(email, runtime.clock())
    return await client.post(
        "/staff/login",
        data={"csrf": csrf_of(page.text), "email": email, "password": password, "code": code},
    )


async def token(client: httpx.AsyncClient, path: str = "/staff/") -> str:
    page = await client.get(path)
    assert page.status_code == 200, page.text
    return csrf_of(page.text)


async def unmatched_request(
    runtime: Runtime, person_id: int, neighbourhood: str, description: str, now: datetime
) -> int:
    async with runtime.sessions() as session, session.begin():
        request = HelpRequest(
            person_id=person_id,
            category="klusjes",
            description=description,
            when={"kind": "asap", "start": None, "zone": None, "daypart": None, "recurrence": None},
            neighbourhood=neighbourhood,
            urgent=False,
            visibility="helper_and_staff",
            status="unmatched",
            source="chat",
            created_at=now,
            updated_at=now,
        )
        session.add(request)
        await session.flush()
        return request.id
