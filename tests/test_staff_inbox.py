"""The inbox on both databases: the conversation list and its filters, search (people, requests, the
words people wrote) scoped by neighbourhood and tenant and audited, the search index following erasure,
and teamwork: assignment, notes with @mentions, labels, canned replies."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import select, text, update

from bot.runtime import Runtime
from bot.web.app import create_app
from storage.db import is_sqlite
from storage.models import (
    CannedReply,
    Person,
    StaffAlert,
    StaffAudit,
    StaffNote,
    StaffNotification,
)
from tests.community import add_person, say
from tests.conftest import FixedClock
from tests.dbutil import count
from tests.staff_support import add_account, log_in, token, unmatched_request

TRUUS = "+31611110001"
HENK = "+31611110002"
FATMA = "+31611110003"


def app_client(runtime: Runtime) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=create_app(runtime))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture
async def client(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    runtime.kick = lambda person_id: None  # type: ignore[method-assign,assignment]
    async with app_client(runtime) as http:
        yield http


def visible(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


async def people(runtime: Runtime, clock: FixedClock) -> tuple[int, int, int]:
    truus = await add_person(runtime, clock, TRUUS, "Truus", "molenwijk")
    henk = await add_person(runtime, clock, HENK, "Henk", "bloemhof")
    fatma = await add_person(runtime, clock, FATMA, "Fatma", "molenwijk")
    await say(runtime, TRUUS, "Wie kan mijn kapotte wasmachine bekijken?")
    clock.advance(minutes=5)
    await say(runtime, HENK, "Ik zoek iemand voor de wasmachines in de kelder")
    clock.advance(minutes=5)
    await say(runtime, FATMA, "Hallo")
    return truus, henk, fatma


async def test_search_finds_a_person_by_a_word_of_their_message_within_scope_only(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    truus, henk, _fatma = await people(runtime, clock)
    await add_account(runtime, "bas@example.nl", "buurtverbinder", ["bloemhof"], name="Bas Visser")
    await add_account(runtime, "coord@example.nl", "coordinator")
    await log_in(client, "coord@example.nl")
    found = await client.get("/staff/search", params={"q": "kapotte"})
    assert found.status_code == 200
    assert f"/staff/people/{truus}" in found.text and f"/staff/people/{henk}" not in found.text
    # A prefix of a word finds both forms ("wasmachine", "wasmachines").
    both = await client.get("/staff/search", params={"q": "wasmach"})
    assert f"/staff/people/{truus}" in both.text and f"/staff/people/{henk}" in both.text
    # By first name, by the last digits of the number, by the neighbourhood's name.
    assert f"/staff/people/{truus}" in (await client.get("/staff/search?q=truus")).text
    by_digits = await client.get("/staff/search?q=0002")
    assert f"/staff/people/{henk}" in by_digits.text and f"/staff/people/{truus}" not in by_digits.text
    assert f"/staff/people/{henk}" in (await client.get("/staff/search?q=Bloemhof")).text
    # FTS syntax typed into the box is words, not operators.
    assert (await client.get("/staff/search", params={"q": 'kapotte" OR NEAR(*'})).status_code == 200

    bas = app_client(runtime)
    async with bas:
        await log_in(bas, "bas@example.nl")
        other = await bas.get("/staff/search", params={"q": "kapotte"})
        assert f"/staff/people/{truus}" not in other.text and "Niets gevonden" in other.text
        own = await bas.get("/staff/search", params={"q": "wasmachines"})
        assert f"/staff/people/{henk}" in own.text and f"/staff/people/{truus}" not in own.text
    searches = await count(runtime, StaffAudit, StaffAudit.what == "search")
    assert searches == 8


async def test_search_finds_requests_and_respects_the_tenant(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    truus, _henk, _fatma = await people(runtime, clock)
    request_id = await unmatched_request(runtime, truus, "molenwijk", "gordijnrails ophangen", clock())
    await add_account(runtime, "coord@example.nl", "coordinator")
    await log_in(client, "coord@example.nl")
    assert f"/staff/requests/{request_id}" in (await client.get("/staff/search?q=gordijnrails")).text
    async with runtime.sessions() as session, session.begin():
        await session.execute(update(Person).values(tenant="elders"))
    assert "Niets gevonden" in (await client.get("/staff/search?q=gordijnrails")).text
    assert "Niets gevonden" in (await client.get("/staff/search?q=kapotte")).text


async def test_erasure_takes_the_words_out_of_the_index(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    from storage import privacy

    truus, _henk, _fatma = await people(runtime, clock)
    if is_sqlite(runtime.settings.database_url):
        async with runtime.sessions() as session:
            indexed = await session.execute(
                text("SELECT count(*) FROM message_search WHERE body LIKE '%kapotte%'")
            )
            assert indexed.scalar_one() == 1
    async with runtime.sessions() as session, session.begin():
        session.add(StaffNote(person_id=truus, staff_id=None, body="belt vaak 's avonds", created_at=clock()))
    async with runtime.sessions() as session, session.begin():
        await privacy.erase(session, truus, clock())
    await add_account(runtime, "coord@example.nl", "coordinator")
    await log_in(client, "coord@example.nl")
    assert f"/staff/people/{truus}" not in (await client.get("/staff/search?q=kapotte")).text
    if is_sqlite(runtime.settings.database_url):
        async with runtime.sessions() as session:
            left = await session.execute(
                text("SELECT count(*) FROM message_search WHERE body LIKE '%kapotte%'")
            )
            assert left.scalar_one() == 0
    assert await count(runtime, StaffNote) == 0


async def test_the_conversation_list_filters_and_orders_by_activity(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    truus, henk, fatma = await people(runtime, clock)
    async with runtime.sessions() as session, session.begin():
        session.add(StaffAlert(kind="human_requested", priority="high", person_id=henk, created_at=clock()))
    me = await add_account(runtime, "coord@example.nl", "coordinator")
    await log_in(client, "coord@example.nl")
    listing = await client.get("/staff/conversations")
    order = [int(m) for m in re.findall(r'href="/staff/people/(\d+)"', listing.text)]
    assert order == [fatma, henk, truus]
    waiting = await client.get("/staff/conversations?waiting=1")
    assert re.findall(r'href="/staff/people/(\d+)"', waiting.text) == [str(henk)]
    csrf = await token(client)
    await client.post(f"/staff/people/{truus}/takeover", data={"csrf": csrf})
    held = await client.get("/staff/conversations?held=1")
    assert re.findall(r'href="/staff/people/(\d+)"', held.text) == [str(truus)]
    await client.post(f"/staff/people/{fatma}/team/assign", data={"csrf": csrf, "staff_id": str(me)})
    mine = await client.get("/staff/conversations?mine=1")
    assert re.findall(r'href="/staff/people/(\d+)"', mine.text) == [str(fatma)]
    place = await client.get("/staff/conversations?neighbourhood=bloemhof")
    assert re.findall(r'href="/staff/people/(\d+)"', place.text) == [str(henk)]
    assert "Bloemhof" in visible(place.text)
    none = await client.get("/staff/conversations?channel=whatsapp")
    assert re.findall(r'href="/staff/people/(\d+)"', none.text) == []
    await client.post(f"/staff/people/{henk}/team/label", data={"csrf": csrf, "name": "terugbellen"})
    page = await client.get("/staff/conversations")
    label_id = re.search(
        r'<option value="(\d+)" >terugbellen</option>|<option value="(\d+)"\s*>terugbellen', page.text
    )
    assert label_id is not None
    chosen = label_id.group(1) or label_id.group(2)
    labelled = await client.get(f"/staff/conversations?label={chosen}")
    assert re.findall(r'href="/staff/people/(\d+)"', labelled.text) == [str(henk)]
    assert (await client.get("/staff/conversations?label=99999999999999999999999")).status_code == 200


async def test_assignment_notes_mentions_labels_and_canned_replies_round_trip(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    truus, _henk, _fatma = await people(runtime, clock)
    await add_account(runtime, "coord@example.nl", "coordinator", name="Anna Jansen")
    mira = await add_account(
        runtime, "mira@example.nl", "buurtverbinder", ["molenwijk"], name="Mira de Vries"
    )
    bas = await add_account(runtime, "bas@example.nl", "buurtverbinder", ["bloemhof"], name="Bas Visser")
    async with runtime.sessions() as session, session.begin():
        session.add(
            CannedReply(
                tenant="default",
                title="Terugbellen",
                body_nl="Dag {naam}, ik bel je vandaag nog.",
                body_en="Hi {name}, I will call you today.",
                created_at=clock(),
            )
        )
    await log_in(client, "coord@example.nl")
    csrf = await token(client)
    # Bas cannot see Molenwijk: he cannot be given Truus.
    refused = await client.post(
        f"/staff/people/{truus}/team/assign", data={"csrf": csrf, "staff_id": str(bas)}
    )
    assert refused.status_code == 409
    given = await client.post(
        f"/staff/people/{truus}/team/assign", data={"csrf": csrf, "staff_id": str(mira)}
    )
    assert given.status_code == 303
    note = "Heeft geen wasmachine-budget, @mira kun jij bellen? @bas niet nodig"
    await client.post(f"/staff/people/{truus}/team/note", data={"csrf": csrf, "body": note})
    await client.post(f"/staff/people/{truus}/team/label", data={"csrf": csrf, "name": "wasmachine"})
    await client.post(f"/staff/people/{truus}/takeover", data={"csrf": csrf})
    page = await client.get(f"/staff/people/{truus}")
    shown = visible(page.text)
    assert "wasmachine-budget" in shown and f'value="{mira}" selected' in page.text
    assert "wasmachine" in shown
    canned_id = re.search(r"\?canned=(\d+)", page.text)
    assert canned_id is not None
    filled = await client.get(f"/staff/people/{truus}?canned={canned_id.group(1)}")
    assert "Dag Truus, ik bel je vandaag nog.</textarea>" in filled.text
    # Mira got two notices (assigned, mentioned); Bas, out of scope, none.
    assert await count(runtime, StaffNotification, StaffNotification.staff_id == mira) == 2
    assert await count(runtime, StaffNotification, StaffNotification.staff_id == bas) == 0
    async with app_client(runtime) as mira_client:
        await log_in(mira_client, "mira@example.nl")
        notices = visible((await mira_client.get("/staff/notifications")).text)
        assert "Anna Jansen noemde je bij Truus" in notices and "Anna Jansen wees Truus aan je toe" in notices
        await mira_client.get(f"/staff/people/{truus}")
        assert "Niets nieuws voor jou" in (await mira_client.get("/staff/notifications")).text
        mine = await mira_client.get("/staff/conversations?mine=1")
        assert re.findall(r'href="/staff/people/(\d+)"', mine.text) == [str(truus)]
    label = re.search(r'name="label_id" value="(\d+)"', page.text)
    assert label is not None
    await client.post(f"/staff/people/{truus}/team/unlabel", data={"csrf": csrf, "label_id": label.group(1)})
    assert 'name="label_id"' not in (await client.get(f"/staff/people/{truus}")).text
    async with runtime.sessions() as session:
        whats = list(
            (await session.execute(select(StaffAudit.what).where(StaffAudit.person_id == truus))).scalars()
        )
    for what in ("assign", "note", "label_add", "label_remove", "canned_use"):
        assert what in whats, what


async def test_canned_replies_are_managed_by_coordinators_per_tenant(
    runtime: Runtime, client: httpx.AsyncClient
) -> None:
    await add_account(runtime, "bas@example.nl", "buurtverbinder", ["bloemhof"])
    await log_in(client, "bas@example.nl")
    csrf = await token(client)
    refused = await client.post("/staff/canned", data={"csrf": csrf, "title": "x", "body_nl": "y"})
    assert refused.status_code == 403
    async with app_client(runtime) as coord:
        await add_account(runtime, "coord@example.nl", "coordinator")
        await log_in(coord, "coord@example.nl")
        coord_csrf = await token(coord)
        missing = await coord.post("/staff/canned", data={"csrf": coord_csrf, "title": "", "body_nl": ""})
        assert missing.status_code == 400
        made = await coord.post(
            "/staff/canned",
            data={"csrf": coord_csrf, "title": "Welkom", "body_nl": "Dag {naam}", "body_en": ""},
        )
        assert made.status_code == 303
    assert "Dag {naam}" in (await client.get("/staff/canned")).text
