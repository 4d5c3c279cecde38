"""Accounts in the console: invitation by one-time link, the second factor (required for coordinators
and admins, optional for buurtverbinders), deactivation ending open sessions at once, reset, roles."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import httpx
import pyotp
import pytest

from bot.runtime import Runtime
from bot.web.app import create_app
from bot.web.staff.auth import hash_password
from storage import staff
from storage.models import StaffSession
from tests.conftest import FixedClock
from tests.dbutil import count
from tests.staff_support import PASSWORD, add_account, csrf_of, log_in, token

NEW_PASSWORD = "a brand new secret"


def app_client(runtime: Runtime) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(runtime)), base_url="http://testserver"
    )


@pytest.fixture
async def client(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(runtime) as http:
        yield http


async def coordinator(runtime: Runtime, client: httpx.AsyncClient) -> str:
    await add_account(runtime, "coord@example.nl", "coordinator")
    assert (await log_in(client, "coord@example.nl")).status_code == 303
    return await token(client, "/staff/accounts")


def invite_link(html: str) -> str:
    found = re.search(r'id="invite-link" aria-label="[^"]*"|value="(http[^"]+/staff/welcome/[^"]+)"', html)
    links = re.findall(r'value="https?://[^"/]+(/staff/welcome/[^"]+)"', html)
    assert found is not None and links, "no invitation link on the page"
    return links[0]


async def accept(
    http: httpx.AsyncClient, link: str, password: str, code_of: str | None = None
) -> httpx.Response:
    page = await http.get(link)
    assert page.status_code == 200, page.text
    secret = re.search(r'name="secret" value="([A-Z2-7]+)"', page.text)
    assert secret is not None
    runtime: Runtime = http._transport.app.state.runtime  # type: ignore[attr-defined]
    code = pyotp.TOTP(secret.group(1)).at(runtime.clock()) if code_of == "totp" else ""
    response = await http.post(
        link, data={"csrf": csrf_of(page.text), "password": password, "secret": secret.group(1), "code": code}
    )
    return response


async def test_a_buurtverbinder_is_invited_and_chooses_a_password(
    runtime: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await coordinator(runtime, client)
    made = await client.post(
        "/staff/accounts",
        data={
            "csrf": csrf,
            "name": "Bas Visser",
            "email": "bas@example.nl",
            "role": "buurtverbinder",
            "neighbourhoods": ["bloemhof"],
        },
    )
    assert made.status_code == 200
    link = invite_link(made.text)
    async with app_client(runtime) as bas:
        assert (await accept(bas, link, "short")).status_code == 400
        assert (await accept(bas, link, NEW_PASSWORD)).status_code == 303
        # The link worked once.
        assert (await bas.get(link)).status_code == 404
        assert (await log_in(bas, "bas@example.nl", NEW_PASSWORD, code="")).status_code == 303
        assert (await bas.get("/staff/")).status_code == 200
        # A buurtverbinder does not manage accounts.
        assert (await bas.get("/staff/accounts")).status_code == 403
    listing = await client.get("/staff/accounts")
    assert "Bas Visser" in listing.text and "Bloemhof" in listing.text


async def test_a_coordinator_must_use_a_second_factor(runtime: Runtime, client: httpx.AsyncClient) -> None:
    csrf = await coordinator(runtime, client)
    made = await client.post(
        "/staff/accounts",
        data={"csrf": csrf, "name": "Cor Dijk", "email": "cor@example.nl", "role": "coordinator"},
    )
    link = invite_link(made.text)
    async with app_client(runtime) as cor:
        assert (await accept(cor, link, NEW_PASSWORD)).status_code == 400  # no code
        assert (await accept(cor, link, NEW_PASSWORD, "totp")).status_code == 303
        assert (await log_in(cor, "cor@example.nl", NEW_PASSWORD, code="")).status_code == 401
        assert (await log_in(cor, "cor@example.nl", NEW_PASSWORD, code="000000")).status_code in (401,)
    # A coordinator made on the command line (no second factor yet) must set it up before anything else.
    async with runtime.sessions() as session, session.begin():
        staff.add_account(
            session,
            email="old@example.nl",
            name="Oud",
            role="coordinator",
            password_hash=hash_password(PASSWORD),
            neighbourhoods=[],
            now=runtime.clock(),
        )
    async with app_client(runtime) as old:
        assert (await log_in(old, "old@example.nl", code="")).status_code == 303
        home = await old.get("/staff/")
        assert home.status_code == 303 and home.headers["location"] == "/staff/account/second-factor"
        setup = await old.get("/staff/account/second-factor")
        secret = re.search(r'name="secret" value="([A-Z2-7]+)"', setup.text)
        assert secret is not None
        wrong = await old.post(
            "/staff/account/second-factor",
            data={"csrf": csrf_of(setup.text), "secret": secret.group(1), "code": "123456"},
        )
        assert wrong.status_code == 400
        right = await old.post(
            "/staff/account/second-factor",
            data={
                "csrf": csrf_of(setup.text),
                "secret": secret.group(1),
                "code": pyotp.TOTP(secret.group(1)).at(runtime.clock()),
            },
        )
        assert right.status_code == 303
        assert (await old.get("/staff/")).status_code == 200


async def test_deactivation_ends_open_sessions_on_the_next_click(
    runtime: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await coordinator(runtime, client)
    bas_id = await add_account(runtime, "bas@example.nl", "buurtverbinder", ["bloemhof"])
    async with app_client(runtime) as bas:
        await log_in(bas, "bas@example.nl")
        assert (await bas.get("/staff/")).status_code == 200
        assert (
            await client.post(f"/staff/accounts/{bas_id}/deactivate", data={"csrf": csrf})
        ).status_code == 303
        refused = await bas.get("/staff/")
        assert refused.status_code == 303 and refused.headers["location"] == "/staff/login"
        assert (await log_in(bas, "bas@example.nl")).status_code == 401
    assert await count(runtime, StaffSession, StaffSession.staff_id == bas_id) == 0
    await client.post(f"/staff/accounts/{bas_id}/activate", data={"csrf": csrf})
    async with app_client(runtime) as bas:
        assert (await log_in(bas, "bas@example.nl")).status_code == 303


async def test_reset_role_and_limits(runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock) -> None:
    csrf = await coordinator(runtime, client)
    bas_id = await add_account(runtime, "bas@example.nl", "buurtverbinder", ["bloemhof"])
    reset = await client.post(f"/staff/accounts/{bas_id}/reset", data={"csrf": csrf})
    link = invite_link(reset.text)
    async with app_client(runtime) as bas:
        assert (await log_in(bas, "bas@example.nl")).status_code == 401  # the old password is gone
        assert (await accept(bas, link, NEW_PASSWORD)).status_code == 303
        assert (await log_in(bas, "bas@example.nl", NEW_PASSWORD)).status_code == 303
    # Neighbourhoods change; a coordinator cannot make an admin, nor change their own role.
    saved = await client.post(
        f"/staff/accounts/{bas_id}/save",
        data={
            "csrf": csrf,
            "name": "Bas Visser",
            "role": "buurtverbinder",
            "neighbourhoods": ["bloemhof", "molenwijk"],
        },
    )
    assert saved.status_code == 303
    async with runtime.sessions() as session:
        account = await staff.account_by_email(session, "bas@example.nl")
        assert account is not None and account.neighbourhoods == ["bloemhof", "molenwijk"]
    admin = await client.post(f"/staff/accounts/{bas_id}/save", data={"csrf": csrf, "role": "admin"})
    assert admin.status_code == 400
    async with runtime.sessions() as session:
        me = await staff.account_by_email(session, "coord@example.nl")
        assert me is not None
    assert (await client.post(f"/staff/accounts/{me.id}/deactivate", data={"csrf": csrf})).status_code == 409
    assert (await client.get("/staff/accounts/99999999999999999999999")).status_code == 404
