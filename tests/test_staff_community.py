"""The sociale kaart and the agenda in the staff console, on both databases: what staff add is what the
bot's flows find (through the real engine), the organiser's sign-up list, role limits, CSRF, validation."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import select

from bot.runtime import Runtime
from bot.web.app import create_app
from storage import community
from storage.models import Activity, Service, StaffAudit
from tests.community import add_person, bodies_for, keys_for, say
from tests.conftest import FixedClock
from tests.dbutil import count
from tests.staff_support import add_account, log_in, token

ANS = "+31612345678"
HENK = "+31687650001"
SERVICE = {
    "name": "Taalcafe De Molen",
    "description": "Nederlands oefenen met buren",
    "terms": "taalles, nederlands, taal",
    "neighbourhood": "molenwijk",
    "hours": "di 14-16",
    "phone": "0570-123 456",
}
ACTIVITY = {
    "title": "Breiclub",
    "description": "Samen breien",
    "weekday": "1",  # Tuesday; the clock starts on Monday 23 November 2026
    "start": "14:30",
    "place": "Buurthuis De Molen",
    "neighbourhood": "molenwijk",
    "organiser": "Mieke",
}


@pytest.fixture
async def client(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    runtime.kick = lambda person_id: None  # type: ignore[method-assign]
    transport = httpx.ASGITransport(app=create_app(runtime))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def as_coordinator(runtime: Runtime, client: httpx.AsyncClient) -> int:
    staff_id = await add_account(runtime, "coord@example.nl", "coordinator")
    assert (await log_in(client, "coord@example.nl")).status_code == 303
    return staff_id


async def as_buurtverbinder(runtime: Runtime, client: httpx.AsyncClient) -> int:
    staff_id = await add_account(runtime, "bv@example.nl", "buurtverbinder", ["molenwijk"], name="Bas")
    assert (await log_in(client, "bv@example.nl")).status_code == 303
    return staff_id


async def post(client: httpx.AsyncClient, path: str, data: dict[str, str], page: str) -> httpx.Response:
    return await client.post(path, data={"csrf": await token(client, page), **data})


async def only(runtime: Runtime, model: type[Service] | type[Activity]) -> Service | Activity:
    async with runtime.sessions() as session:
        [row] = (await session.execute(select(model))).scalars()
    return row


async def test_a_service_added_in_the_console_is_found_by_the_social_map_then_edited_and_deleted(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    await as_coordinator(runtime, client)
    person = await add_person(runtime, clock, ANS, "Ans", "molenwijk", channel="whatsapp")
    added = await post(client, "/staff/services", SERVICE, "/staff/services")
    assert added.status_code == 303
    listing = await client.get("/staff/services")
    assert "Taalcafe De Molen" in listing.text and "0570-123 456" in listing.text

    await say(runtime, ANS, "HULPWIJZER", "taalles", channel="whatsapp")
    assert (await bodies_for(runtime, person))[-1] == (
        "Taalcafe De Molen: Nederlands oefenen met buren. Open: di 14-16. Bel 0570-123 456."
    )

    service = await only(runtime, Service)
    path = f"/staff/services/{service.id}"
    edited = await post(client, path, {**SERVICE, "name": "Taalhuis Molenwijk"}, path)
    assert edited.status_code == 303
    await say(runtime, ANS, "HULPWIJZER", "taalles", channel="whatsapp")
    assert (await bodies_for(runtime, person))[-1].startswith("Taalhuis Molenwijk: Nederlands oefenen")

    deleted = await post(client, f"{path}/delete", {}, path)
    assert deleted.status_code == 303
    assert await count(runtime, Service) == 0
    await say(runtime, ANS, "HULPWIJZER", "taalles", channel="whatsapp")
    assert (await keys_for(runtime, person))[-1] == "map_no_result"


async def test_an_activity_added_in_the_console_gets_a_chat_sign_up_the_organiser_sees(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    staff_id = await as_coordinator(runtime, client)
    added = await post(client, "/staff/activities", ACTIVITY, "/staff/activities")
    assert added.status_code == 303
    activity = await only(runtime, Activity)
    henk = await add_person(runtime, clock, HENK, "Henk", "molenwijk", channel="whatsapp")
    await say(runtime, HENK, "AGENDA", channel="whatsapp")
    assert await keys_for(runtime, henk) == ["agenda_intro", "agenda_item", "agenda_pick"]
    assert "Breiclub" in (await bodies_for(runtime, henk))[1]
    await say(runtime, HENK, "1", channel="whatsapp")
    assert (await keys_for(runtime, henk))[-1] == "agenda_signed_up"

    listing = await client.get("/staff/activities")
    assert "24-11" in listing.text and "1 aangemeld" in listing.text
    assert "Henk" not in listing.text, "names only on the activity's own page, where the view is logged"
    page = await client.get(f"/staff/activities/{activity.id}")
    assert page.status_code == 200
    assert "Henk" in page.text and "24-11-2026" in page.text
    async with runtime.sessions() as session:
        audits = (
            await session.execute(select(StaffAudit).where(StaffAudit.what == "view_signups"))
        ).scalars()
        assert [(a.staff_id, a.person_id) for a in audits] == [(staff_id, henk)]

    path = f"/staff/activities/{activity.id}"
    edited = await post(client, path, {**ACTIVITY, "start": "15:00"}, path)
    assert edited.status_code == 303
    assert (await only(runtime, Activity)).start == "15:00"
    assert (await post(client, f"{path}/delete", {}, path)).status_code == 303
    assert await count(runtime, Activity) == 0


async def test_a_buurtverbinder_manages_only_their_own_neighbourhoods(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    async with runtime.sessions() as session, session.begin():
        other = await community.create_activity(
            session, "a1", {**ACTIVITY, "neighbourhood": "de_akkers"}, clock()
        )
        wide = await community.create_service(session, "s1", {**SERVICE, "neighbourhood": None}, clock())
        own = await community.create_service(session, "s2", {**SERVICE, "name": "Eigen plek"}, clock())
        other_id, wide_id, own_id = other.id, wide.id, own.id
    await as_buurtverbinder(runtime, client)

    assert (await client.get(f"/staff/activities/{other_id}")).status_code == 404
    refused = await post(
        client, f"/staff/activities/{other_id}", {**ACTIVITY, "title": "Weg"}, "/staff/activities"
    )
    assert refused.status_code == 404
    gone = await post(client, f"/staff/activities/{other_id}/delete", {}, "/staff/activities")
    assert gone.status_code == 404
    assert (await only(runtime, Activity)).title == "Breiclub"
    assert "Breiclub" not in (await client.get("/staff/activities")).text

    listing = await client.get("/staff/services")
    assert "alleen lezen" in listing.text and f'href="/staff/services/{wide_id}"' not in listing.text
    assert (await client.get(f"/staff/services/{wide_id}")).status_code == 404
    changed = await post(client, f"/staff/services/{wide_id}", {**SERVICE, "name": "Weg"}, "/staff/services")
    assert changed.status_code == 404
    # Nor may they make their own service municipality-wide.
    widened = await post(
        client, f"/staff/services/{own_id}", {**SERVICE, "neighbourhood": ""}, "/staff/services"
    )
    assert widened.status_code == 400 and "Kies een wijk." in widened.text
    assert (
        await post(client, f"/staff/services/{own_id}", {**SERVICE, "hours": "wo"}, "/staff/services")
    ).status_code == 303
    async with runtime.sessions() as session:
        wide_row, own_row = await session.get(Service, wide_id), await session.get(Service, own_id)
        assert wide_row is not None and own_row is not None
        assert (wide_row.name, own_row.hours) == ("Taalcafe De Molen", "wo")


async def test_posts_without_the_session_csrf_token_are_refused(
    runtime: Runtime, client: httpx.AsyncClient
) -> None:
    await as_coordinator(runtime, client)
    for path, data in (("/staff/services", SERVICE), ("/staff/activities", ACTIVITY)):
        response = await client.post(path, data={"csrf": "made-up", **data})
        assert response.status_code == 403
    assert await count(runtime, Service) == 0 and await count(runtime, Activity) == 0


async def test_validation_errors_are_shown_and_nothing_is_saved(
    runtime: Runtime, client: httpx.AsyncClient
) -> None:
    await as_coordinator(runtime, client)
    bad_service = await post(
        client, "/staff/services", {**SERVICE, "name": "", "phone": "bel 0570"}, "/staff/services"
    )
    assert bad_service.status_code == 400
    assert "Vul een naam in." in bad_service.text
    assert "Telefoon: alleen cijfers, spaties, + en -." in bad_service.text
    assert 'value="bel 0570"' in bad_service.text, "what was typed stays in the form"
    bad_activity = await post(
        client, "/staff/activities", {**ACTIVITY, "weekday": "7", "start": "25:00"}, "/staff/activities"
    )
    assert bad_activity.status_code == 400
    assert "Kies een dag van de week." in bad_activity.text
    assert "Begintijd als UU:MM, bijv. 10:00." in bad_activity.text
    client.cookies.set("voordeur_staff_lang", "en", path="/staff")
    english = await post(client, "/staff/activities", {**ACTIVITY, "start": "9u"}, "/staff/activities")
    assert english.status_code == 400 and "Start time as HH:MM, e.g. 10:00." in english.text
    assert await count(runtime, Service) == 0 and await count(runtime, Activity) == 0
