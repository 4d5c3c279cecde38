"""The staff console through HTTP (httpx against the ASGI app) on both databases: login, CSRF, role
limits, the audit log, takeover and hand-back, phone intake, matching by hand, blocking, the dashboard."""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from bot.channels.base import InboundMessage
from bot.cli import main as cli
from bot.runtime import Runtime
from bot.web.app import create_app
from bot.web.staff import auth
from bot.web.staff.render import TEMPLATES, texts
from flows.types import Event
from storage import matching
from storage.models import (
    CareCheckin,
    HelpRequest,
    Identity,
    MatchExclusion,
    Meeting,
    OutboxMessage,
    PersonBlock,
    PhoneIntake,
    StaffAccount,
    StaffAudit,
    StaffHold,
    Thread,
)
from tests.community import ASK_BOODSCHAPPEN, MESSAGE_IDS, add_person, human_pace, keys_for, say
from tests.conftest import FixedClock
from tests.dbutil import count, outbox_rows
from tests.staff_support import PASSWORD, add_account, log_in, token, unmatched_request

RESIDENT = "+31611110001"
HENK = "+31611110002"
OTHER = "+31611110003"


@pytest.fixture
async def client(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    """The app without its lifespan (no background sender): the tests settle the engine themselves."""
    kicked: list[int] = []
    runtime.kick = kicked.append  # type: ignore[method-assign]
    app = create_app(runtime)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def coordinator(runtime: Runtime, client: httpx.AsyncClient) -> int:
    staff_id = await add_account(runtime, "coord@example.nl", "coordinator", name="Anna Jansen")
    assert (await log_in(client, "coord@example.nl")).status_code == 303
    return staff_id


async def choose(runtime: Runtime, address: str, choice: str) -> None:
    human_pace(runtime)
    message = InboundMessage(
        channel="simulator",
        provider_id=f"c{next(MESSAGE_IDS)}",
        address=address,
        event=Event(kind="choice", choice=choice),
    )
    await runtime.engine.store(message)
    await runtime.engine.settle()


# --- login, CSRF, rate limits ---------------------------------------------------------------------------


async def test_pages_need_a_login(client: httpx.AsyncClient) -> None:
    for path in ("/staff/", "/staff/people/1", "/staff/dashboard", "/staff/intake"):
        response = await client.get(path)
        assert response.status_code == 303
        assert response.headers["location"] == "/staff/login"


async def test_login_sets_a_hardened_cookie_and_shows_the_queue(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    person = await add_person(runtime, clock, RESIDENT, "Truus", "molenwijk")
    await unmatched_request(runtime, person, "molenwijk", "lamp in de gang ophangen", clock())
    await add_account(runtime, "coord@example.nl", "coordinator")
    response = await log_in(client, "coord@example.nl")
    assert response.status_code == 303
    cookie = next(
        v for k, v in response.headers.multi_items() if k == "set-cookie" and "voordeur_staff=" in v
    )
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/staff" in cookie
    assert "Secure" not in cookie  # plain http in tests; see test_cookie_is_secure_behind_https
    home = await client.get("/staff/")
    assert home.status_code == 200
    assert "lamp in de gang ophangen" in home.text and "Truus" in home.text


async def test_cookie_is_secure_behind_https(database_url: str, clock: FixedClock) -> None:
    from tests.conftest import make_settings

    runtime = Runtime(make_settings(database_url, PUBLIC_BASE_URL="https://voordeur.example"), clock=clock)
    try:
        await add_account(runtime, "coord@example.nl", "coordinator")
        transport = httpx.ASGITransport(app=create_app(runtime))
        async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as http:
            response = await log_in(http, "coord@example.nl")
        cookie = next(
            v for k, v in response.headers.multi_items() if k == "set-cookie" and "voordeur_staff=" in v
        )
        assert "Secure" in cookie
    finally:
        await runtime.close()


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The login delays asked for, without waiting them."""
    asked: list[float] = []

    async def record(seconds: float) -> None:
        asked.append(seconds)

    monkeypatch.setattr(auth, "pause", record)
    return asked


async def test_wrong_passwords_slow_the_account_down_but_never_refuse_the_right_one(
    runtime: Runtime, client: httpx.AsyncClient, waits: list[float]
) -> None:
    await add_account(runtime, "coord@example.nl", "coordinator")
    for _ in range(5):
        assert (await log_in(client, "coord@example.nl", "wrong password")).status_code == 401
    # The first failures are free, then each one doubles the wait.
    assert waits == [0.5, 1.0]
    right = await log_in(client, "coord@example.nl", PASSWORD)
    assert right.status_code == 303 and "voordeur_staff=" in right.headers.get("set-cookie", "")
    assert waits[-1] == 2.0


async def test_the_lock_out_attack_leaves_the_real_user_able_to_log_in(
    runtime: Runtime, client: httpx.AsyncClient, waits: list[float]
) -> None:
    """Twenty wrong passwords from one address (five of them on the real account): the real user logs in
    from another address without waiting, and from the attacker's own address after a capped wait."""
    await add_account(runtime, "coord@example.nl", "coordinator")
    for n in range(15):
        assert (await log_in(client, f"nobody{n}@example.nl", "guess")).status_code == 401
    for _ in range(5):
        assert (await log_in(client, "coord@example.nl", "guess")).status_code == 401
    assert max(waits) <= auth.MAX_DELAY
    waits.clear()
    elsewhere = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(runtime), client=("192.0.2.7", 1234)),
        base_url="http://testserver",
    )
    async with elsewhere:
        assert (await log_in(elsewhere, "coord@example.nl")).status_code == 303
    assert waits == []
    assert (await log_in(client, "coord@example.nl")).status_code == 303
    assert waits == [auth.MAX_DELAY]


def test_login_delay_grows_and_is_capped() -> None:
    assert auth.login_delay(0, 0, 0) == 0.0
    assert auth.login_delay(auth.FREE_FAILURES_PAIR, 0, 0) == auth.FIRST_DELAY
    assert auth.login_delay(0, auth.FREE_FAILURES_IP + 1, 0) == 2 * auth.FIRST_DELAY
    assert auth.login_delay(0, 0, auth.FREE_FAILURES_ACCOUNT + 2) == 4 * auth.FIRST_DELAY
    assert auth.login_delay(100, 100, 100) == auth.MAX_DELAY


async def test_parallel_guesses_of_one_account_queue_behind_each_other(
    runtime: Runtime, client: httpx.AsyncClient, waits: list[float]
) -> None:
    """Sent at once, eight wrong guesses still each see the failures before them."""
    await add_account(runtime, "coord@example.nl", "coordinator")
    results = await asyncio.gather(
        *(auth.log_in(runtime, "coord@example.nl", "guess", "198.51.100.1") for _ in range(8)),
        return_exceptions=True,
    )
    assert all(isinstance(result, auth.LoginRefused) for result in results)
    assert sorted(waits) == [0.5, 1.0, 2.0, 4.0, 5.0]


async def test_hsts_only_behind_https(
    database_url: str, clock: FixedClock, client: httpx.AsyncClient
) -> None:
    from tests.conftest import make_settings

    assert "strict-transport-security" not in (await client.get("/staff/login")).headers
    runtime = Runtime(make_settings(database_url, PUBLIC_BASE_URL="https://voordeur.example"), clock=clock)
    try:
        transport = httpx.ASGITransport(app=create_app(runtime))
        async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as http:
            response = await http.get("/staff/login")
        assert response.headers["strict-transport-security"].startswith("max-age=31536000")
    finally:
        await runtime.close()


async def test_ids_out_of_range_are_not_found(runtime: Runtime, client: httpx.AsyncClient) -> None:
    await coordinator(runtime, client)
    for path in (
        "/staff/people/99999999999999999999999",
        f"/staff/people/{2**63}",
        f"/staff/people/{2**63 - 1}",
        "/staff/requests/99999999999999999999999",
        "/staff/services/99999999999999999999999",
        "/staff/activities/99999999999999999999999",
        "/staff/people/99999999999999999999999/block",
    ):
        assert (await client.get(path)).status_code == 404, path
    csrf = await token(client)
    for path in (
        "/staff/people/99999999999999999999999/takeover",
        "/staff/alerts/99999999999999999999/resolve",
    ):
        assert (await client.post(path, data={"csrf": csrf})).status_code == 404, path


async def test_login_without_its_csrf_cookie_is_refused(runtime: Runtime, client: httpx.AsyncClient) -> None:
    await add_account(runtime, "coord@example.nl", "coordinator")
    response = await client.post(
        "/staff/login", data={"csrf": "made-up", "email": "coord@example.nl", "password": PASSWORD}
    )
    assert response.status_code == 403
    assert "voordeur_staff=" not in response.headers.get("set-cookie", "")


async def test_a_post_without_the_csrf_token_changes_nothing(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    person = await add_person(runtime, clock, RESIDENT, "Truus", "molenwijk")
    await coordinator(runtime, client)
    missing = await client.post(f"/staff/people/{person}/takeover", data={})
    forged = await client.post(f"/staff/people/{person}/takeover", data={"csrf": "x" * 43})
    assert missing.status_code == 403 and forged.status_code == 403
    assert await count(runtime, StaffHold) == 0
    valid = await client.post(f"/staff/people/{person}/takeover", data={"csrf": await token(client)})
    assert valid.status_code == 303
    assert await count(runtime, StaffHold) == 1


async def test_logout_ends_the_session(runtime: Runtime, client: httpx.AsyncClient) -> None:
    await coordinator(runtime, client)
    csrf = await token(client)
    cookie = client.cookies.get("voordeur_staff")
    assert (await client.post("/staff/logout", data={"csrf": csrf})).status_code == 303
    client.cookies.set("voordeur_staff", cookie or "", path="/staff")  # replaying the old cookie
    assert (await client.get("/staff/")).status_code == 303


# --- roles and the audit log ----------------------------------------------------------------------------


async def test_a_buurtverbinder_sees_only_their_neighbourhoods(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    mine = await add_person(runtime, clock, RESIDENT, "Truus", "molenwijk")
    theirs = await add_person(runtime, clock, OTHER, "Piet", "bloemhof")
    their_request = await unmatched_request(runtime, theirs, "bloemhof", "verhuisdozen sjouwen", clock())
    await add_account(runtime, "bv@example.nl", "buurtverbinder", ["molenwijk"], name="Bas Visser")
    await log_in(client, "bv@example.nl")
    assert (await client.get(f"/staff/people/{mine}")).status_code == 200
    assert (await client.get(f"/staff/people/{theirs}")).status_code == 404
    assert (await client.get(f"/staff/requests/{their_request}")).status_code == 404
    assert "verhuisdozen" not in (await client.get("/staff/")).text
    csrf = await token(client)
    refused = await client.post(f"/staff/people/{theirs}/takeover", data={"csrf": csrf})
    assert refused.status_code == 404
    assert await count(runtime, StaffHold) == 0
    # The municipality's dashboard is for coordinators.
    assert (await client.get("/staff/dashboard")).status_code == 403
    assert (await client.get("/staff/dashboard.csv")).status_code == 403


async def test_every_view_of_a_person_is_in_the_audit_log(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    person = await add_person(runtime, clock, RESIDENT, "Truus", "molenwijk")
    request_id = await unmatched_request(runtime, person, "molenwijk", "lamp ophangen", clock())
    staff_id = await coordinator(runtime, client)
    await client.get(f"/staff/people/{person}")
    await client.get(f"/staff/requests/{request_id}")
    async with runtime.sessions() as session:
        rows = list((await session.execute(select(StaffAudit).order_by(StaffAudit.id))).scalars())
    about_person = [(r.staff_id, r.person_id, r.what) for r in rows if r.person_id is not None]
    assert about_person == [(staff_id, person, "view_person"), (staff_id, person, "view_request")]
    assert all(r.at == clock() for r in rows)


# --- takeover -------------------------------------------------------------------------------------------


async def test_takeover_pauses_the_bot_and_hand_back_resumes_it(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    person = await add_person(runtime, clock, RESIDENT, "Truus", "molenwijk")
    await coordinator(runtime, client)
    await say(runtime, RESIDENT, "menu")
    assert await keys_for(runtime, person) == ["menu"]

    csrf = await token(client)
    assert (await client.post(f"/staff/people/{person}/takeover", data={"csrf": csrf})).status_code == 303
    await say(runtime, RESIDENT, "hallo, is daar iemand?", "1")
    assert await keys_for(runtime, person) == ["menu"], "the bot answered while staff held the conversation"
    page = await client.get(f"/staff/people/{person}")
    assert "hallo, is daar iemand?" in page.text  # stored and shown to staff

    sent = await client.post(f"/staff/people/{person}/message", data={"csrf": csrf, "text": "Ik bel je zo."})
    assert sent.status_code == 303
    staff_rows = await outbox_rows(runtime, OutboxMessage.text_key == "staff_message")
    assert [row.body for row in staff_rows] == ["Ik bel je zo.\n- Anna, Voordeur"]
    assert staff_rows[0].channel == "simulator" and staff_rows[0].person_id == person

    # Crisis replies and STOP/START still work while held.
    await say(runtime, RESIDENT, "ik wil niet meer leven")
    await say(runtime, RESIDENT, "STOP")
    await say(runtime, RESIDENT, "START")
    keys = await keys_for(runtime, person)
    assert keys[2:] == ["crisis_suicide", "crisis_staff", "stop_confirmed", "start_confirmed"]

    assert (await client.post(f"/staff/people/{person}/handback", data={"csrf": csrf})).status_code == 303
    await runtime.engine.settle()
    assert await count(runtime, StaffHold) == 0
    await say(runtime, RESIDENT, "menu")
    assert (await keys_for(runtime, person))[-2:] == ["staff_handed_back", "menu"]


async def test_a_second_takeover_is_refused_and_nothing_held_cannot_be_handed_back(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    person = await add_person(runtime, clock, RESIDENT, "Truus", "molenwijk")
    await coordinator(runtime, client)
    csrf = await token(client)
    assert (await client.post(f"/staff/people/{person}/handback", data={"csrf": csrf})).status_code == 409
    assert (await client.post(f"/staff/people/{person}/takeover", data={"csrf": csrf})).status_code == 303
    assert (await client.post(f"/staff/people/{person}/takeover", data={"csrf": csrf})).status_code == 409


# --- phone intake and requests --------------------------------------------------------------------------


async def test_phone_intake_without_a_number_reaches_a_volunteer_who_is_told_whom_to_call(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    henk = await add_person(runtime, clock, HENK, "Henk", "molenwijk", offers=("boodschappen",))
    await coordinator(runtime, client)
    csrf = await token(client, "/staff/intake")
    form = {
        "csrf": csrf,
        "first_name": "Gerda",
        "phone": "",
        "neighbourhood": "molenwijk",
        "category": "boodschappen",
        "description": "boodschappen doen bij de Jumbo",
        "when": "morgen om 10 uur",
        "language": "nl",
        "consent": "yes",
    }
    response = await client.post("/staff/intake", data=form)
    assert response.status_code == 303
    request_id = int(re.search(r"/staff/requests/(\d+)", response.headers["location"]).group(1))  # type: ignore[union-attr]
    await runtime.engine.settle()
    invite = [row for row in await outbox_rows(runtime) if row.person_id == henk]
    assert [row.text_key for row in invite] == ["invite"]
    assert "boodschappen doen bij de Jumbo" in invite[0].body
    async with runtime.sessions() as session:
        request = await session.get(HelpRequest, request_id)
        intake = await session.get(PhoneIntake, request_id)
    assert request is not None and request.source == "phone" and request.status == "open"
    assert intake is not None and not intake.caller_has_phone

    await choose(runtime, HENK, f"invite:{request_id}:yes")
    henk_rows = [row for row in await outbox_rows(runtime) if row.person_id == henk]
    assert [row.text_key for row in henk_rows] == ["invite", "invite_won", "staff_phone_contact"]
    assert (
        "Anna" in henk_rows[-1].body and "0570-111222" in henk_rows[-1].body and "Gerda" in henk_rows[-1].body
    )


async def test_phone_intake_with_a_number_gives_the_caller_an_address(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    await coordinator(runtime, client)
    csrf = await token(client, "/staff/intake")
    form = {
        "csrf": csrf,
        "first_name": "Gerda",
        "phone": "06 1234 5678",
        "neighbourhood": "molenwijk",
        "category": "boodschappen",
        "description": "boodschappen",
        "when": "",
        "language": "nl",
        "consent": "yes",
    }
    assert (await client.post("/staff/intake", data=form)).status_code == 303
    await runtime.engine.settle()
    # Nobody offers boodschappen: the caller hears so on their phone, the request waits for staff.
    rows = await outbox_rows(runtime)
    assert [row.text_key for row in rows] == ["no_match"]
    async with runtime.sessions() as session:
        request = (await session.execute(select(HelpRequest))).scalar_one()
    assert request.status == "unmatched"


async def test_phone_intake_refuses_bad_input(runtime: Runtime, client: httpx.AsyncClient) -> None:
    await coordinator(runtime, client)
    csrf = await token(client, "/staff/intake")
    form = {"csrf": csrf, "first_name": "", "phone": "12", "neighbourhood": "atlantis", "category": "x"}
    response = await client.post("/staff/intake", data=form)
    assert response.status_code == 400
    assert "Dit telefoonnummer klopt niet" in response.text
    assert await count(runtime, HelpRequest) == 0


async def test_match_by_hand_close_and_reopen(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    truus = await add_person(runtime, clock, RESIDENT, "Truus", "molenwijk")
    henk = await add_person(runtime, clock, HENK, "Henk", "molenwijk", offers=("klusjes",))
    first = await unmatched_request(runtime, truus, "molenwijk", "lamp ophangen", clock())
    second = await unmatched_request(runtime, truus, "molenwijk", "kast in elkaar zetten", clock())
    await coordinator(runtime, client)
    csrf = await token(client)

    matched = await client.post(
        f"/staff/requests/{first}/match", data={"csrf": csrf, "volunteer_id": str(henk)}
    )
    assert matched.status_code == 303
    await runtime.engine.settle()
    assert await count(runtime, Thread, Thread.request_id == first) == 1
    assert "match_found" in await keys_for(runtime, truus)
    assert "invite_won" in await keys_for(runtime, henk)

    # Re-open: the bot invites Henk (never asked for this one) in a new wave.
    assert (await client.post(f"/staff/requests/{second}/reopen", data={"csrf": csrf})).status_code == 303
    await runtime.engine.settle()
    assert (await keys_for(runtime, henk))[-1] == "invite"
    assert (await client.post(f"/staff/requests/{second}/close", data={"csrf": csrf})).status_code == 303
    await runtime.engine.settle()
    assert (await keys_for(runtime, henk))[-1] == "invite_withdrawn"
    async with runtime.sessions() as session:
        closed = await session.get(HelpRequest, second)
    assert closed is not None and closed.status == "done"
    assert (await client.post(f"/staff/requests/{second}/reopen", data={"csrf": csrf})).status_code == 409


# --- volunteers -----------------------------------------------------------------------------------------


async def test_verify_pause_and_block_a_volunteer(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    truus = await add_person(runtime, clock, RESIDENT, "Truus", "molenwijk")
    henk = await add_person(runtime, clock, HENK, "Henk", "molenwijk", offers=("klusjes",))
    await coordinator(runtime, client)
    csrf = await token(client)
    assert (await client.post(f"/staff/people/{henk}/verify", data={"csrf": csrf})).status_code == 303
    assert (await client.post(f"/staff/people/{henk}/pause", data={"csrf": csrf})).status_code == 303
    page = await client.get("/staff/volunteers")
    assert "Henk" in page.text and "gepauzeerd tot" in page.text

    # A match, then Henk is blocked: his words are stored, never relayed, and he hears nothing.
    request_id = await unmatched_request(runtime, truus, "molenwijk", "lamp ophangen", clock())
    assert (await client.post(f"/staff/people/{henk}/resume", data={"csrf": csrf})).status_code == 303
    await client.post(f"/staff/requests/{request_id}/match", data={"csrf": csrf, "volunteer_id": str(henk)})
    await runtime.engine.settle()
    before_truus, before_henk = await keys_for(runtime, truus), await keys_for(runtime, henk)
    # Without the confirmation the post only leads to the question.
    unconfirmed = await client.post(f"/staff/people/{henk}/block", data={"csrf": csrf})
    assert unconfirmed.headers["location"] == f"/staff/people/{henk}/block"
    assert await count(runtime, PersonBlock) == 0
    question = await client.get(f"/staff/people/{henk}/block")
    assert question.status_code == 200 and 'name="confirm" value="yes"' in question.text
    confirmed = {"csrf": csrf, "confirm": "yes"}
    assert (await client.post(f"/staff/people/{henk}/block", data=confirmed)).status_code == 303
    await say(runtime, HENK, "geef me je adres", "menu")
    assert await keys_for(runtime, truus) == before_truus
    assert await keys_for(runtime, henk) == before_henk
    assert await count(runtime, PersonBlock) == 1
    assert "geef me je adres" in (await client.get(f"/staff/people/{henk}")).text
    offer_page = await client.get(f"/staff/people/{henk}")
    assert "gestopt" in offer_page.text
    # Nothing is left to send to him.
    pending = await outbox_rows(runtime, OutboxMessage.person_id == henk, OutboxMessage.status == "pending")
    assert pending == []
    # His STOP is still recorded (without a confirmation): it holds if the block is ever lifted.
    await say(runtime, HENK, "STOP")
    assert await keys_for(runtime, henk) == before_henk
    async with runtime.sessions() as session:
        identity = (await session.execute(select(Identity).where(Identity.address == HENK))).scalar_one()
    assert identity.stopped_at is not None


async def test_a_pair_kept_apart_is_shown_and_can_be_brought_together_again(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    """Truus reported Henk (or said "liever niet meer met hem"): both person pages list the other with
    the reason; lifting it on one page lifts both ways, is audited, and a second lift is refused."""
    truus = await add_person(runtime, clock, RESIDENT, "Truus", "molenwijk")
    henk = await add_person(runtime, clock, HENK, "Henk", "molenwijk", offers=("klusjes",))
    async with runtime.sessions() as session, session.begin():
        await matching.exclude_pair(session, truus, henk, "reported", clock())
    await coordinator(runtime, client)
    csrf = await token(client)
    truus_page = (await client.get(f"/staff/people/{truus}")).text
    assert 'id="kept-apart"' in truus_page and "Henk" in truus_page and "gemeld (MELD)" in truus_page
    assert 'id="kept-apart"' in (await client.get(f"/staff/people/{henk}")).text
    lifted = await client.post(f"/staff/people/{henk}/together", data={"csrf": csrf, "other": str(truus)})
    assert lifted.status_code == 303
    assert await count(runtime, MatchExclusion) == 0
    assert 'id="kept-apart"' not in (await client.get(f"/staff/people/{truus}")).text
    assert "liet twee mensen weer aan elkaar koppelen" in (await client.get(f"/staff/people/{henk}")).text
    again = await client.post(f"/staff/people/{henk}/together", data={"csrf": csrf, "other": str(truus)})
    assert again.status_code == 409
    for other in ("x1", "²"):  # "²".isdigit() is True, int("²") fails: refused, not a server error
        nonsense = await client.post(f"/staff/people/{henk}/together", data={"csrf": csrf, "other": other})
        assert nonsense.status_code == 409


async def test_staff_keep_two_who_talked_apart_both_ways_audited(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    """A buurtverbinder heard by phone that Truus would rather not see Henk again: on her page, next to
    their conversation, "Niet meer koppelen aan Henk" keeps them apart both ways (reason: staff), once;
    only someone she talked with can be chosen."""
    truus = await add_person(runtime, clock, RESIDENT, "Truus", "molenwijk")
    henk = await add_person(runtime, clock, HENK, "Henk", "molenwijk", offers=("klusjes",))
    stranger = await add_person(runtime, clock, "+31611110000", "Piet", "molenwijk", offers=("klusjes",))
    await say(runtime, RESIDENT, *ASK_BOODSCHAPPEN)
    await coordinator(runtime, client)
    csrf = await token(client)
    async with runtime.sessions() as session:
        request_id = (await session.execute(select(HelpRequest.id))).scalar_one()
    await client.post(f"/staff/requests/{request_id}/match", data={"csrf": csrf, "volunteer_id": str(henk)})
    await runtime.engine.settle()
    page = (await client.get(f"/staff/people/{truus}")).text
    assert "Niet meer koppelen aan Henk" in page and 'id="kept-apart"' not in page
    kept = await client.post(f"/staff/people/{truus}/apart", data={"csrf": csrf, "other": str(henk)})
    assert kept.status_code == 303
    async with runtime.sessions() as session:
        pairs = (
            await session.execute(
                select(MatchExclusion.person_id, MatchExclusion.other_id, MatchExclusion.reason)
            )
        ).all()
    assert sorted(pairs) == sorted([(truus, henk, "staff"), (henk, truus, "staff")])
    page = (await client.get(f"/staff/people/{truus}")).text
    assert 'id="kept-apart"' in page and "door een medewerker" in page
    assert "Niet meer koppelen aan Henk" not in page
    assert "hield twee mensen uit elkaar bij het koppelen" in page
    again = await client.post(f"/staff/people/{truus}/apart", data={"csrf": csrf, "other": str(henk)})
    assert again.status_code == 409
    for other in (str(stranger), "x", "²"):
        refused = await client.post(f"/staff/people/{truus}/apart", data={"csrf": csrf, "other": other})
        assert refused.status_code == 409
    assert await count(runtime, MatchExclusion) == 2


# --- dashboard ------------------------------------------------------------------------------------------


async def test_dashboard_draws_svg_charts_and_exports_csv(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    truus = await add_person(runtime, clock, RESIDENT, "Truus", "molenwijk")
    await unmatched_request(runtime, truus, "molenwijk", "lamp ophangen", clock())
    await unmatched_request(runtime, truus, "molenwijk", "kast bouwen", clock())
    await coordinator(runtime, client)
    page = await client.get("/staff/dashboard")
    assert page.status_code == 200
    assert page.text.count('<svg class="chart"') == 1
    assert page.text.count('class="bar"') == 1  # one week, one category
    assert "Truus" not in page.text and "lamp" not in page.text  # no personal data
    assert "nog geen gegevens" in page.text  # meetings and check-ins: not recorded yet

    # Check-ins of mantelzorgers appear as a second chart (answers per week), still without names.
    async with runtime.sessions() as session, session.begin():
        for answer in ("good", "heavy", "heavy", None):
            session.add(
                CareCheckin(
                    person_id=truus,
                    asked_at=clock(),
                    status="answered" if answer else "asked",
                    answer=answer,
                    answered_at=clock() if answer else None,
                )
            )
    page = await client.get("/staff/dashboard")
    assert page.text.count('<svg class="chart"') == 2
    assert page.text.count('class="bar"') == 3  # klusjes; good and heavy this week
    assert ">Zwaar<" in page.text and "Truus" not in page.text
    csv_text = (await client.get("/staff/dashboard.csv")).text
    lines = csv_text.splitlines()
    assert lines[0] == "measure,week,key,value"
    assert any(line.startswith("requests,") and line.endswith(",klusjes,2") for line in lines)
    assert any(line.startswith("share_matched,") and line.endswith(",0.000") for line in lines)
    assert any(line.startswith("checkins,") and line.endswith(",heavy,2") for line in lines)

    # One of the two requests matched and the two met: 50% matched, all matches met.
    henk = await add_person(runtime, clock, HENK, "Henk", "molenwijk", offers=("klusjes",))
    async with runtime.sessions() as session:
        first = (await session.execute(select(HelpRequest.id).order_by(HelpRequest.id))).scalars().first()
    csrf = await token(client)
    await client.post(f"/staff/requests/{first}/match", data={"csrf": csrf, "volunteer_id": str(henk)})
    await runtime.engine.settle()
    async with runtime.sessions() as session, session.begin():
        thread = (await session.execute(select(Thread))).scalar_one()
        session.add(
            Meeting(
                thread_id=thread.id,
                request_id=first,
                requester_id=truus,
                volunteer_id=henk,
                place_kind="home",
                starts_at=clock(),
                status="happened",
                created_at=clock(),
                updated_at=clock(),
            )
        )
    page = await client.get("/staff/dashboard")
    assert re.search(r'id="fig-matched">\s*50%', page.text)
    assert re.search(r'id="fig-met">\s*100%', page.text)


async def test_english_is_available(runtime: Runtime, client: httpx.AsyncClient) -> None:
    await coordinator(runtime, client)
    assert "Wachtrijen" in (await client.get("/staff/")).text
    assert (await client.get("/staff/lang/en?next=/staff/")).status_code == 303
    assert "Queues" in (await client.get("/staff/")).text
    # No open redirect through the language switch.
    assert (await client.get("/staff/lang/nl?next=//evil.example")).headers["location"] == "/staff/"


# --- the command line and the texts ---------------------------------------------------------------------


def test_staff_add_from_the_command_line(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setattr("sys.stdin", io.StringIO("a long secret\n"))
    argv = ["staff", "add", "--email", "Bas@Example.nl", "--name", "Bas Visser", "--role", "buurtverbinder"]
    assert cli.main([*argv, "--neighbourhood", "molenwijk", "--neighbourhood", "bloemhof"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("a long secret\n"))
    assert cli.main([*argv, "--neighbourhood", "molenwijk"]) == 2  # exists already
    monkeypatch.setattr("sys.stdin", io.StringIO("a long secret\n"))
    assert cli.main([*argv[:-2], "--role", "buurtverbinder"]) == 2  # a buurtverbinder needs a neighbourhood
    assert "exists already" in capsys.readouterr().err

    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from bot.web.staff.auth import verify_password
    from storage.db import sync_url

    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        account = session.execute(select(StaffAccount)).scalar_one()
    engine.dispose()
    assert account.email == "bas@example.nl" and account.neighbourhoods == ["molenwijk", "bloemhof"]
    assert verify_password(account.password_hash, "a long secret")
    assert "a long secret" not in account.password_hash


def test_every_console_text_used_in_a_template_exists_in_both_languages() -> None:
    used = set()
    for template in Path(TEMPLATES).glob("*.html"):
        used |= set(re.findall(r"\bt\('([a-z_]+)'\s*[,)]", template.read_text(encoding="utf-8")))
    assert used, "no texts found: the pattern is wrong"
    # Keys the templates build from a stored value: every value they can meet.
    used |= {f"role_{role}" for role in ("buurtverbinder", "coordinator", "admin")}
    used |= {"login_wrong"}
    used |= {f"from_{source}" for source in ("person", "bot", "staff", "event")}
    statuses = ("asked", "accepted", "declined", "later", "taken", "expired", "withdrawn")
    used |= {f"invitation_{status}" for status in statuses}
    missing = sorted(key for key in used if key not in texts())
    assert missing == []
    for key, entry in texts().items():
        assert set(entry) == {"nl", "en"}, key


async def test_messages_waiting_for_the_whatsapp_window_are_in_their_queue(
    runtime: Runtime, client: httpx.AsyncClient, clock: FixedClock
) -> None:
    from storage import outbox
    from storage.inbox import preferred_identity

    truus = await add_person(runtime, clock, RESIDENT, "Truus", "molenwijk")
    async with runtime.sessions() as session, session.begin():
        identity = await preferred_identity(session, truus)
        assert identity is not None
        row = outbox.enqueue(
            session,
            person_id=truus,
            identity_id=identity.id,
            channel=identity.channel,
            text_key="care_checkin",
            body="Hoe gaat het?",
            choices=[],
            now=clock(),
            scheduled=True,
        )
        row.status = outbox.WAITING_WINDOW
        row.error = outbox.WINDOW_TEMPLATE_NOT_APPROVED
    await coordinator(runtime, client)
    home = await client.get("/staff/")
    waiting = home.text[home.text.index('id="waiting"') : home.text.index('id="held"')]
    # What waits is shown as its words, not its catalogue key, and why it waits.
    assert "Truus" in waiting and "Hoe gaat het?" in waiting and "care_checkin" not in waiting
    assert "nog niet goedgekeurd" in waiting, "staff see why it waits"
