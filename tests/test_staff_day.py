"""A buurtverbinder's working day in the console, on both databases: the morning queue (every alert kind
the bot can raise has Dutch words and a sensible place, a crisis first), a request taken by phone (the
same facts as the chat, numbers normalised, nothing lost on a mistake), the day's teamwork, and the
afternoon's erasure or export asked for by phone; every action audited, no stack trace on a failure."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from bot.runtime import Runtime
from bot.web.staff import routes as staff_routes
from bot.web.staff.render import texts
from flows import crisis
from storage import staff, threads
from storage.models import (
    Consent,
    HelpRequest,
    Identity,
    Person,
    PersonLabel,
    StaffAlert,
    StaffAudit,
    StaffHold,
    StaffNote,
)
from tests.community import add_person, say
from tests.conftest import FixedClock
from tests.dbutil import count, outbox_rows
from tests.staff_support import add_account, console_client, log_in, token, unmatched_request

REPO = Path(__file__).resolve().parent.parent
TRUUS = "+31611110001"
HENK = "+31611110002"
GERDA = "+31611110003"


@pytest.fixture
async def client(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with console_client(runtime) as http:
        yield http


def visible(html: str) -> str:
    """The page's text without tags: a code inside a URL or an attribute does not count as shown."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


async def raise_alert(runtime: Runtime, kind: str, person_id: int, priority: str = "normal") -> int:
    async with runtime.sessions() as session, session.begin():
        threads.alert(session, kind, runtime.clock(), person_id=person_id, priority=priority)
        await session.flush()
        found = await session.execute(select(StaffAlert.id).order_by(StaffAlert.id.desc()).limit(1))
        return int(found.scalar_one())


async def audited(runtime: Runtime, person_id: int) -> list[str]:
    async with runtime.sessions() as session:
        rows = await session.execute(
            select(StaffAudit.what).where(StaffAudit.person_id == person_id).order_by(StaffAudit.id)
        )
        return list(rows.scalars())


async def buurtverbinder(runtime: Runtime, client: httpx.AsyncClient) -> int:
    staff_id = await add_account(
        runtime, "mira@example.nl", "buurtverbinder", ["molenwijk"], name="Mira de Vries"
    )
    assert (await log_in(client, "mira@example.nl")).status_code == 303
    return staff_id


# --- morning: the queue ---------------------------------------------------------------------------------

# How the code raises an alert: an effect of a flow, or a direct call in the engine's effects.
EFFECT_KIND = re.compile(r'Effect\(\s*"alert_staff",\s*\{"kind":\s*(f?)"([a-z_{}]+)"')
DIRECT_KIND = re.compile(r'threads\.alert\(\s*session,\s*("?)([A-Za-z_]+)"?')
CONSTANT = r'^{name}\s*=\s*"([a-z_]+)"'


def raised_kinds() -> set[str]:
    """Every alert kind in bot/, flows/ and storage/: literal kinds, constants, and crisis_{kind}."""
    kinds: set[str] = set()
    for folder in ("bot", "flows", "storage"):
        for path in (REPO / folder).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            for formatted, kind in EFFECT_KIND.findall(source):
                if formatted and kind == "crisis_{danger}":
                    kinds |= {f"crisis_{danger}" for danger in crisis.KINDS}
                else:
                    assert not formatted, f"{path}: an alert kind built as {kind!r} is not checked"
                    kinds.add(kind)
            for quoted, name in DIRECT_KIND.findall(source):
                if quoted:
                    kinds.add(name)
                    continue
                constant = re.search(CONSTANT.format(name=name), source, re.MULTILINE)
                if constant is not None:
                    kinds.add(constant.group(1))
    return kinds


def test_every_alert_kind_the_bot_raises_has_dutch_words_and_a_place_in_the_queue() -> None:
    kinds = raised_kinds()
    # The scan itself must see the kinds it is about (a broken pattern would find nothing).
    assert {"care_callback", "care_distress", "bereavement", "crisis_suicide", "message_failed"} <= kinds
    assert {"review_overdue", "stalled_match", "abuse_report", "human_requested"} <= kinds
    missing_label = sorted(kind for kind in kinds if f"alert_{kind}" not in texts())
    assert missing_label == []
    unranked = sorted(kind for kind in kinds if kind not in staff.ALERT_RANKS)
    assert unranked == []
    for kind in kinds:
        assert texts()[f"alert_{kind}"]["nl"] != kind and "_" not in texts()[f"alert_{kind}"]["nl"]


async def test_the_queue_shows_a_crisis_first_in_words_then_who_waits_for_a_person(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    truus = await add_person(runtime, clock, TRUUS, "Truus", "molenwijk")
    gerda = await add_person(runtime, clock, GERDA, "Gerda", "molenwijk")
    await raise_alert(runtime, "stalled_match", truus)
    await raise_alert(runtime, "bereavement", gerda)
    await raise_alert(runtime, "message_failed", truus, priority="high")
    await raise_alert(runtime, "care_callback", gerda, priority="high")
    clock.advance(minutes=1)
    await raise_alert(runtime, "crisis_suicide", truus, priority="high")
    await buurtverbinder(runtime, client)
    queue = visible((await client.get("/staff/")).text)
    shown = [
        text["nl"]
        for text in (
            texts()["alert_crisis_suicide"],
            texts()["alert_message_failed"],
            texts()["alert_care_callback"],
            texts()["alert_bereavement"],
        )
    ]
    positions = [queue.find(label) for label in shown]
    assert -1 not in positions, shown
    assert positions == sorted(positions), "crisis, then high priority oldest first, then a loss"
    assert "care_callback" not in queue and "bereavement" not in queue
    # The stalled match has its own list, below the alerts.
    assert queue.find(texts()["alert_crisis_suicide"]["nl"]) < queue.find(texts()["queue_stalled"]["nl"])


async def test_a_call_back_counts_as_waiting_and_its_note_shows_when_they_are_reachable(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    gerda = await add_person(runtime, clock, GERDA, "Gerda", "molenwijk")
    truus = await add_person(runtime, clock, TRUUS, "Truus", "molenwijk")
    await say(runtime, GERDA, "na vieren ben ik pas thuis")
    await say(runtime, TRUUS, "hallo")
    await raise_alert(runtime, "care_callback", gerda, priority="high")
    await raise_alert(runtime, "contact_note", gerda)
    await buurtverbinder(runtime, client)
    waiting = await client.get("/staff/conversations?waiting=1")
    assert f"/staff/people/{gerda}" in waiting.text and f"/staff/people/{truus}" not in waiting.text
    queue = visible((await client.get("/staff/")).text)
    assert "Wanneer bereikbaar" in queue and "na vieren ben ik pas thuis" in queue
    live = (await client.get("/staff/live?since=0")).json()
    assert {alert["label"] for alert in live["alerts"]} == {
        texts()["alert_care_callback"]["nl"],
        texts()["alert_contact_note"]["nl"],
    }


async def test_a_caller_is_found_by_their_number_as_they_say_it(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    truus = await add_person(runtime, clock, TRUUS, "Truus", "molenwijk")
    gerda = await add_person(runtime, clock, GERDA, "Gerda", "molenwijk")
    await buurtverbinder(runtime, client)
    for typed in ("06 1111 0001", "06-11110001", "+31 6 1111 0001", "0031611110001", "0001"):
        found = await client.get("/staff/search", params={"q": typed})
        assert f"/staff/people/{truus}" in found.text, typed
        assert f"/staff/people/{gerda}" not in found.text, typed


# --- a phone call ---------------------------------------------------------------------------------------


def intake_form(csrf: str, **changes: str) -> dict[str, str]:
    form = {
        "csrf": csrf,
        "first_name": "Gerda",
        "phone": "0031 6-1234 5678",
        "neighbourhood": "molenwijk",
        "category": "boodschappen",
        "description": "boodschappen doen bij de Jumbo",
        "when": "morgen om 10 uur",
        "urgent": "1",
        "visibility": "helper_and_staff",
        "language": "nl",
        "consent": "yes",
    }
    return form | changes


async def test_a_phone_call_is_taken_with_the_chats_facts_stored_normalised_and_matched(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    henk = await add_person(runtime, clock, HENK, "Henk", "molenwijk", offers=("boodschappen",))
    await buurtverbinder(runtime, client)
    form_page = await client.get("/staff/intake")
    assert 'name="visibility"' in form_page.text and "Wie mag de vraag zien?" in form_page.text
    response = await client.post("/staff/intake", data=intake_form(await token(client, "/staff/intake")))
    assert response.status_code == 303
    await runtime.engine.settle()
    async with runtime.sessions() as session:
        request = (await session.execute(select(HelpRequest))).scalar_one()
        identity = (
            await session.execute(select(Identity).where(Identity.person_id == request.person_id))
        ).scalar_one()
    assert identity.address == "+31612345678"
    assert (request.visibility, request.urgent, request.neighbourhood) == (
        "helper_and_staff",
        True,
        "molenwijk",
    )
    assert request.when_start is not None and request.source == "phone"
    invites = [row for row in await outbox_rows(runtime) if row.person_id == henk]
    assert [row.text_key for row in invites] == ["invite_urgent"]
    assert "phone_intake" in await audited(runtime, request.person_id)


async def test_a_landline_is_refused_and_everything_typed_stays_in_the_form(
    runtime: Runtime, client: httpx.AsyncClient
) -> None:
    await buurtverbinder(runtime, client)
    form = intake_form(
        await token(client, "/staff/intake"), phone="0570-111222", category="vervoer", when="overmorgen"
    )
    response = await client.post("/staff/intake", data=form)
    assert response.status_code == 400
    assert "vast nummer" in response.text
    assert await count(runtime, HelpRequest) == 0 and await count(runtime, Person) == 0
    html = response.text
    for kept in ("Gerda", "0570-111222", "boodschappen doen bij de Jumbo", "overmorgen"):
        assert f'value="{kept}"' in html or f">{kept}</textarea>" in html, kept
    assert re.search(r'value="vervoer"\s+selected', html)
    assert re.search(r'value="molenwijk"\s+selected', html)
    assert re.search(r'name="urgent" value="1"\s+checked', html)
    assert re.search(r'value="helper_and_staff"\s+checked', html)
    assert re.search(r'name="consent" value="yes" required\s+checked', html)
    assert not re.search(r'value="helper"\s+checked', html)
    # Not a number at all: its own words, also kept.
    again = await client.post("/staff/intake", data=intake_form(form["csrf"], phone="06-123"))
    assert again.status_code == 400 and "Dit telefoonnummer klopt niet" in again.text
    assert 'value="06-123"' in again.text


async def test_no_request_is_taken_without_the_callers_yes(
    runtime: Runtime, client: httpx.AsyncClient
) -> None:
    await buurtverbinder(runtime, client)
    form = intake_form(await token(client, "/staff/intake"))
    del form["consent"]
    response = await client.post("/staff/intake", data=form)
    assert response.status_code == 400 and "Zonder ja kan de vraag er niet in" in response.text
    assert await count(runtime, HelpRequest) == 0 and await count(runtime, Consent) == 0
    assert 'value="boodschappen doen bij de Jumbo"' in response.text or "Jumbo</textarea>" in response.text


async def test_a_known_number_keeps_its_person_in_their_own_neighbourhood(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    henk = await add_person(runtime, clock, HENK, "Henk", "bloemhof")
    await buurtverbinder(runtime, client)
    form = intake_form(await token(client, "/staff/intake"), phone="06 1111 0002", first_name="Henk")
    assert (await client.post("/staff/intake", data=form)).status_code == 303
    async with runtime.sessions() as session:
        person = await session.get(Person, henk)
        request = (await session.execute(select(HelpRequest))).scalar_one()
    assert person is not None and person.neighbourhood == "bloemhof"
    assert request.person_id == henk and request.neighbourhood == "molenwijk"
    # The buurtverbinder of the Molenwijk sees the request, not Henk's whole history.
    assert (await client.get(f"/staff/requests/{request.id}")).status_code == 200
    assert (await client.get(f"/staff/people/{henk}")).status_code == 404


async def test_a_caller_without_a_mobile_gets_no_message_box_to_type_into_in_vain(
    runtime: Runtime, client: httpx.AsyncClient
) -> None:
    await buurtverbinder(runtime, client)
    form = intake_form(await token(client, "/staff/intake"), phone="")
    assert (await client.post("/staff/intake", data=form)).status_code == 303
    async with runtime.sessions() as session:
        request = (await session.execute(select(HelpRequest))).scalar_one()
    person_page = await client.get(f"/staff/people/{request.person_id}")
    assert "Schrijven kan niet: bel zelf." in person_page.text
    assert 'id="message-form"' not in person_page.text and 'id="takeover"' not in person_page.text


# --- afternoon: erasure or export asked by phone --------------------------------------------------------


async def test_an_export_asked_by_phone_is_downloaded_and_audited(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    truus = await add_person(runtime, clock, TRUUS, "Truus", "molenwijk")
    await say(runtime, TRUUS, "mijn wasmachine lekt sinds gisteren")
    await unmatched_request(runtime, truus, "molenwijk", "wasmachine aansluiten", clock())
    await buurtverbinder(runtime, client)
    person_page = await client.get(f"/staff/people/{truus}")
    assert f'action="/staff/people/{truus}/export"' in person_page.text
    assert "Alle gegevens downloaden" in person_page.text
    # Without the page's CSRF token nothing is handed out.
    assert (await client.post(f"/staff/people/{truus}/export", data={"csrf": "x"})).status_code == 403
    download = await client.post(f"/staff/people/{truus}/export", data={"csrf": await token(client)})
    assert download.status_code == 200
    assert download.headers["cache-control"] == "no-store"
    assert "attachment" in download.headers["content-disposition"]
    document = json.loads(download.text)
    assert "mijn wasmachine lekt sinds gisteren" in download.text
    assert "wasmachine aansluiten" in download.text and document["made_at"]
    assert (await audited(runtime, truus)).count("export") == 1


async def test_an_erasure_asked_by_phone_is_confirmed_then_stops_everything_and_erases(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    truus = await add_person(runtime, clock, TRUUS, "Truus", "molenwijk")
    await say(runtime, TRUUS, "mijn wasmachine lekt sinds gisteren")
    request_id = await unmatched_request(runtime, truus, "molenwijk", "wasmachine aansluiten", clock())
    await buurtverbinder(runtime, client)
    csrf = await token(client)
    note = {"csrf": csrf, "body": "Truus belt liever na de middag"}
    assert (await client.post(f"/staff/people/{truus}/team/note", data=note)).status_code == 303
    label = {"csrf": csrf, "name": "rouw"}
    assert (await client.post(f"/staff/people/{truus}/team/label", data=label)).status_code == 303
    assert (await client.post(f"/staff/people/{truus}/takeover", data={"csrf": csrf})).status_code == 303
    # A bare POST (no yes) only leads to the question; the question is in Dutch and names her.
    bare = await client.post(f"/staff/people/{truus}/erase", data={"csrf": csrf})
    assert bare.status_code == 303 and bare.headers["location"] == f"/staff/people/{truus}/erase"
    question = await client.get(f"/staff/people/{truus}/erase")
    assert question.status_code == 200 and "Alle gegevens van Truus worden gewist" in question.text
    assert (
        await client.post(f"/staff/people/{truus}/erase", data={"csrf": "x", "confirm": "yes"})
    ).status_code == 403
    done = await client.post(f"/staff/people/{truus}/erase", data={"csrf": csrf, "confirm": "yes"})
    assert done.status_code == 303 and done.headers["location"] == f"/staff/people/{truus}?done=erase"
    async with runtime.sessions() as session:
        stopped = (await session.execute(select(Identity).where(Identity.person_id == truus))).scalars()
        assert all(identity.stopped_at is not None for identity in stopped)
    flash = visible((await client.get(f"/staff/people/{truus}?done=erase")).text)
    assert "Binnen 10 minuten zijn alle gegevens gewist" in flash
    again = await client.post(f"/staff/people/{truus}/erase", data={"csrf": csrf, "confirm": "yes"})
    assert again.status_code == 409 and "al gewist of worden nu gewist" in again.text
    clock.advance(minutes=11)
    assert await runtime.engine.run_due_events() >= 1
    async with runtime.sessions() as session:
        person = await session.get(Person, truus)
        assert person is not None and person.erased_at is not None and person.first_name is None
        assert await session.get(StaffHold, truus) is None
        # Her request leaves the queue of requests nobody took.
        request = await session.get(HelpRequest, request_id)
        assert request is not None and (request.status, request.description) == ("cancelled", "")
    assert f"/staff/requests/{request_id}" not in (await client.get("/staff/")).text
    assert await count(runtime, StaffNote) == 0 and await count(runtime, Identity) == 0
    assert await count(runtime, PersonLabel) == 0
    what = await audited(runtime, truus)
    assert "erase" in what and "note" in what
    # Erased, the page says so and offers neither export nor erasure.
    erased_page = await client.get(f"/staff/people/{truus}")
    assert f'action="/staff/people/{truus}/export"' not in erased_page.text


# --- the whole day, two colleagues at once -------------------------------------------------------------


async def test_a_working_day_two_colleagues_every_step_audited_and_no_words_in_the_log(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    truus = await add_person(runtime, clock, TRUUS, "Truus", "molenwijk")
    await say(runtime, TRUUS, "mijn wasmachine lekt al drie dagen")
    request_id = await unmatched_request(runtime, truus, "molenwijk", "wasmachine aansluiten", clock())
    alert_id = await raise_alert(runtime, "human_requested", truus)
    await buurtverbinder(runtime, client)
    bas_id = await add_account(runtime, "bas@example.nl", "buurtverbinder", ["molenwijk"], name="Bas Visser")
    async with console_client(runtime) as bas:
        assert (await log_in(bas, "bas@example.nl")).status_code == 303
        # Morning: the queue, then search by a word she wrote.
        queue = visible((await client.get("/staff/")).text)
        assert "Wil een mens (MENS)" in queue and "Truus" in queue
        found = await client.get("/staff/search", params={"q": "wasmachine"})
        assert f"/staff/people/{truus}" in found.text
        csrf = await token(client, f"/staff/people/{truus}")
        assert (await client.post(f"/staff/people/{truus}/takeover", data={"csrf": csrf})).status_code == 303
        # Bas has the same person open: his takeover is refused in words, Mira keeps it.
        refused = await bas.post(f"/staff/people/{truus}/takeover", data={"csrf": await token(bas)})
        assert refused.status_code == 409 and "Een collega heeft dit gesprek al overgenomen" in refused.text
        assert "Traceback" not in refused.text
        reply = {"csrf": csrf, "text": "Hoi Truus, ik bel je vanmiddag over de wasmachine."}
        assert (await client.post(f"/staff/people/{truus}/message", data=reply)).status_code == 303
        sent = [row for row in await outbox_rows(runtime) if row.text_key == "staff_message"]
        assert len(sent) == 1 and "ik bel je vanmiddag" in sent[0].body and "Mira" in sent[0].body
        # Teamwork: assign to Bas, a note for him; he sees both under "for me".
        team = f"/staff/people/{truus}/team"
        assign = {"csrf": csrf, "staff_id": str(bas_id)}
        assert (await client.post(f"{team}/assign", data=assign)).status_code == 303
        note = {"csrf": csrf, "body": "@bas kun jij de wasmachine morgen bekijken?"}
        assert (await client.post(f"{team}/note", data=note)).status_code == 303
        notices = visible((await bas.get("/staff/notifications")).text)
        assert (
            "Mira de Vries wees Truus aan je toe" in notices
            and "Mira de Vries noemde je bij Truus" in notices
        )
        assert f"/staff/people/{truus}" in (await bas.get("/staff/conversations?mine=1")).text
        # The alert is dealt with on her page, which stays open.
        person_page = await client.get(f"/staff/people/{truus}")
        assert f'action="/staff/alerts/{alert_id}/resolve"' in person_page.text
        resolved = await client.post(
            f"/staff/alerts/{alert_id}/resolve", data={"csrf": csrf, "back": "person"}
        )
        assert resolved.headers["location"] == f"/staff/people/{truus}?done=resolve"
        assert "Melding afgehandeld." in (await client.get(resolved.headers["location"])).text
        assert "Wil een mens (MENS)" not in visible((await bas.get("/staff/")).text)
        # Hand back to the bot, and mark the request done.
        assert (await client.post(f"/staff/people/{truus}/handback", data={"csrf": csrf})).status_code == 303
        closed = await client.post(f"/staff/requests/{request_id}/close", data={"csrf": csrf})
        assert closed.status_code == 303
    async with runtime.sessions() as session:
        request = await session.get(HelpRequest, request_id)
        assert request is not None and request.status == "done"
        assert await session.get(StaffHold, truus) is None
    steps = await audited(runtime, truus)
    for step in ("view_person", "takeover", "message", "assign", "note", "resolve_human_requested"):
        assert step in steps, step
    assert {"handback", "request_close"} <= set(steps)
    logged = caplog.text
    for words in ("wasmachine lekt", "ik bel je vanmiddag", "morgen bekijken"):
        assert words not in logged


async def test_a_failure_shows_a_dutch_page_without_a_stack_trace_and_logs_no_words(
    runtime: Runtime,
    client: httpx.AsyncClient,
    clock: FixedClock,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    truus = await add_person(runtime, clock, TRUUS, "Truus", "molenwijk")
    await buurtverbinder(runtime, client)

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Truus schreef: mijn geheim")

    monkeypatch.setattr(staff, "person_status", broken)
    caplog.set_level("DEBUG")
    page = await client.get(f"/staff/people/{truus}")
    assert page.status_code == 500
    assert "Er ging iets mis aan onze kant" in page.text and '<html lang="nl">' in page.text
    for leak in ("Traceback", "RuntimeError", "mijn geheim"):
        assert leak not in page.text
    assert "mijn geheim" not in caplog.text
    assert "RuntimeError" in caplog.text or any(
        getattr(record, "error", "") == "RuntimeError" for record in caplog.records
    )


# --- every action: a login and the page's CSRF token ----------------------------------------------------

# Posts that come before a session exists: the login (its own CSRF cookie) and a welcome link (its token).
BEFORE_LOGIN = ("/staff/login", "/staff/welcome/")


def staff_posts() -> list[str]:
    """Every POST route of the console, with its path parameters filled in."""
    mount = next(route for route in staff_routes() if getattr(route, "path", "") == "/staff")
    paths = []
    for route in mount.routes:  # type: ignore[attr-defined]
        if "POST" not in (getattr(route, "methods", None) or ()):
            continue
        path = "/staff" + route.path
        if path.startswith(BEFORE_LOGIN):
            continue
        path = re.sub(r"\{action(:str)?\}", "takeover", path)
        paths.append(re.sub(r"\{[a-z_]+(:[a-z]+)?\}", "1", path))
    return paths


async def test_every_action_needs_a_login_and_the_csrf_token(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    await add_person(runtime, clock, TRUUS, "Truus", "molenwijk")
    posts = staff_posts()
    assert "/staff/people/1/erase" in posts or "/staff/people/1/takeover" in posts
    assert len(posts) >= 15, posts
    for path in posts:
        anonymous = await client.post(path, data={"csrf": "x"})
        assert anonymous.status_code == 303 and anonymous.headers["location"] == "/staff/login", path
    await buurtverbinder(runtime, client)
    for path in posts:
        forged = await client.post(path, data={"csrf": "x" * 43, "confirm": "yes"})
        assert forged.status_code == 403, path
    assert await count(runtime, StaffHold) == 0 and await count(runtime, StaffAudit) == 0
