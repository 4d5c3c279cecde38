"""The demo's staff console: a coordinator to log in with, and something in the queues."""

from __future__ import annotations

import httpx

from bot.cli.demo import DEMO_COORDINATOR, seed, seed_staff
from bot.runtime import Runtime
from bot.web.app import create_app
from storage.models import HelpRequest, StaffAccount, StaffAlert
from tests.conftest import FixedClock
from tests.dbutil import count
from tests.staff_support import log_in


async def test_the_demo_coordinator_logs_in_and_sees_a_waiting_resident(
    runtime: Runtime, clock: FixedClock, database_url: str
) -> None:
    await seed(database_url, clock())
    assert await seed_staff(database_url, clock()) is True
    assert await seed_staff(database_url, clock()) is False  # a restarted demo adds nothing twice
    assert await count(runtime, StaffAccount) == 1
    assert await count(runtime, HelpRequest, HelpRequest.status == "unmatched") == 1
    assert await count(runtime, StaffAlert) == 1
    email, _name, password = DEMO_COORDINATOR
    transport = httpx.ASGITransport(app=create_app(runtime))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        assert (await log_in(client, email, password)).status_code == 303
        home = await client.get("/staff/")
    assert "lamp in de gang ophangen" in home.text
    assert "Wil een mens (MENS)" in home.text
