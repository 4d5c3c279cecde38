"""Request review (a tenant setting, off by default): a new request waits for a buurtverbinder's
akkoord before volunteers are invited; the resident is told; two hours without akkoord raise an alert;
the akkoord (with an edit) starts matching."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from bot.effects import matchmaker
from bot.effects.mailbox import Touched
from bot.runtime import Runtime
from storage import requests
from storage.models import HelpRequest, MatchInvitation, OutboxMessage, StaffAlert, StaffAudit
from tests.community import add_person
from tests.conftest import FixedClock
from tests.dbutil import count, outbox_rows
from tests.staff_support import add_account, console_client, log_in, reviewing_tenant, token

TRUUS = "+31611110001"
HENK = "+31611110002"
NEW_REQUEST = {
    "category": "klusjes",
    "description": "lamp ophangen",
    "when": {"kind": "asap", "start": None, "zone": None, "daypart": None, "recurrence": None},
    "urgent": False,
    "neighbourhood": "molenwijk",
    "visibility": "helper_and_staff",
}


@pytest.fixture
def reviewing() -> Iterator[None]:
    with reviewing_tenant():
        yield


@pytest.fixture
async def client(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with console_client(runtime) as http:
        yield http


async def new_request(runtime: Runtime, person_id: int) -> int:
    """As the engine's create_request effect does: store, then start matching."""
    async with runtime.sessions() as session, session.begin():
        request = requests.create(session, person_id, NEW_REQUEST, runtime.clock())
        await session.flush()
        await matchmaker.start(session, request, runtime.clock(), Touched())
        return request.id


async def test_review_holds_invitations_until_akkoord(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock, reviewing: None
) -> None:
    truus = await add_person(runtime, clock, TRUUS, "Truus", "molenwijk")
    await add_person(runtime, clock, HENK, "Henk", "molenwijk", offers=("klusjes",))
    request_id = await new_request(runtime, truus)
    assert await count(runtime, MatchInvitation) == 0
    told = await outbox_rows(runtime, OutboxMessage.person_id == truus)
    assert [row.text_key for row in told] == ["request_in_review"]
    await add_account(runtime, "mira@example.nl", "buurtverbinder", ["molenwijk"])
    await log_in(client, "mira@example.nl")
    queue = await client.get("/staff/")
    assert "wachten op akkoord" in queue.text and f"/staff/requests/{request_id}" in queue.text
    # Two hours on, still waiting: an alert.
    clock.advance(hours=2, minutes=1)
    await runtime.engine.run_due_events()
    assert await count(runtime, StaffAlert, StaffAlert.kind == "review_overdue") == 1
    csrf = await token(client, f"/staff/requests/{request_id}")
    approved = await client.post(
        f"/staff/requests/{request_id}/approve",
        data={"csrf": csrf, "category": "klusjes", "description": "lamp in de gang ophangen"},
    )
    assert approved.status_code == 303
    assert await count(runtime, MatchInvitation) == 1
    async with runtime.sessions() as session:
        found = await session.get(HelpRequest, request_id)
        assert (
            found is not None and found.status == "open" and found.description == "lamp in de gang ophangen"
        )
    assert await count(runtime, StaffAudit, StaffAudit.what == "request_edit") == 1
    again = await client.post(f"/staff/requests/{request_id}/approve", data={"csrf": csrf})
    assert again.status_code == 409


async def test_without_the_setting_matching_starts_at_once(runtime: Runtime, clock: FixedClock) -> None:
    truus = await add_person(runtime, clock, TRUUS, "Truus", "molenwijk")
    await add_person(runtime, clock, HENK, "Henk", "molenwijk", offers=("klusjes",))
    await new_request(runtime, truus)
    assert await count(runtime, MatchInvitation) == 1
