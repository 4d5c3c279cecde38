"""Several municipalities (tenants) in one deployment: routing by front door, and nothing crosses.

Two tenants from a VOORDEUR_TENANTS_FILE: Lindenhoven (the demo municipality) and Beekdal (the second demo
file), each with its own Telegram bot, Twilio account and numbers, name and quiet hours. Inbound requests go
through the real Starlette app (SQLite and PostgreSQL); providers are mocked with respx, so every assertion
about a send names the URL it went to (the bot token is in Telegram's path, the account in Twilio's).
"""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

import httpx
import pyotp
import pytest
import respx
from sqlalchemy import select
from twilio.request_validator import RequestValidator

from bot import tenants
from bot.channels.base import InboundMessage
from bot.runtime import Runtime
from bot.settings import SettingsError
from bot.web.app import create_app
from flows.types import Event
from storage import outbox, staff
from storage.models import (
    HelpRequest,
    Identity,
    MatchInvitation,
    OutboxMessage,
    Person,
)
from storage.models import (
    InboundMessage as InboundRow,
)
from tests.community import ASK_BOODSCHAPPEN, human_pace
from tests.conftest import FixedClock, fixture_json, make_settings
from tests.staff_support import PASSWORD, SECRETS, log_in, unmatched_request

PUBLIC = "https://voordeur.example.nl"
TELEGRAM_BASE = "http://telegram.test/bot"
TWILIO_BASE = "http://twilio.test"

A = "lindenhoven"
B = "beekdal"
TOKEN = {A: "111111:AAAA-lindenhoven", B: "222222:BBBB-beekdal"}
SECRET = {A: "secret-lindenhoven", B: "secret-beekdal"}
SID = {A: "AC" + "a" * 32, B: "AC" + "b" * 32}
AUTH = {A: "auth-token-lindenhoven", B: "auth-token-beekdal"}
SMS = {A: "+3197010000011", B: "+3197010000021"}
WHATSAPP = {A: "whatsapp:+3197010000012", B: "whatsapp:+3197010000022"}
NAME = {A: "Voordeur Lindenhoven", B: "Voordeur Beekdal"}

TENANTS_TOML = f"""
[tenants.{A}]
name = "{NAME[A]}"
municipality_file = "municipality_demo.toml"
timezone = "Europe/Amsterdam"
quiet_hours = "21:00-09:00"

[tenants.{A}.telegram]
bot_token = "{TOKEN[A]}"
webhook_secret = "{SECRET[A]}"

[tenants.{A}.twilio]
account_sid = "{SID[A]}"
auth_token = "{AUTH[A]}"
sms_number = "{SMS[A]}"
whatsapp_number = "{WHATSAPP[A]}"

[tenants.{B}]
name = "{NAME[B]}"
municipality_file = "municipality_demo2.toml"
timezone = "Europe/Amsterdam"
quiet_hours = ""

[tenants.{B}.telegram]
bot_token = "env:BEEKDAL_BOT_TOKEN"
webhook_secret = "{SECRET[B]}"

[tenants.{B}.twilio]
account_sid = "{SID[B]}"
auth_token = "env:BEEKDAL_TWILIO_TOKEN"
sms_number = "{SMS[B]}"
whatsapp_number = "{WHATSAPP[B]}"
"""

_ids = itertools.count(1)


def write_tenants(folder: Path, text: str = TENANTS_TOML) -> Path:
    path = folder / "tenants.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def beekdal_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Beekdal's token and auth token are `env:` references in the file."""
    monkeypatch.setenv("BEEKDAL_BOT_TOKEN", TOKEN[B])
    monkeypatch.setenv("BEEKDAL_TWILIO_TOKEN", AUTH[B])


@pytest.fixture
def restore_registry() -> Iterator[None]:
    """A Runtime installs its tenants process-wide; put the previous registry back afterwards."""
    with tenants.installed(tenants.current()):
        yield


@pytest.fixture
def providers() -> Iterator[respx.MockRouter]:
    """Both tenants' providers, each route by its own credentials; anything else fails the test."""
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as router:
        for key in (A, B):
            router.post(f"{TELEGRAM_BASE}{TOKEN[key]}/sendMessage", name=f"telegram_{key}").mock(
                side_effect=_telegram_sent
            )
            router.post(f"{TELEGRAM_BASE}{TOKEN[key]}/answerCallbackQuery").respond(
                json={"ok": True, "result": True}
            )
            router.post(
                f"{TWILIO_BASE}/2010-04-01/Accounts/{SID[key]}/Messages.json", name=f"twilio_{key}"
            ).mock(side_effect=_twilio_created)
        yield router


def _telegram_sent(request: httpx.Request) -> httpx.Response:
    chat = form_of(request).get("chat_id", "1")
    message = {"message_id": next(_ids), "date": 1764000000, "chat": {"id": int(chat), "type": "private"}}
    return httpx.Response(200, json={"ok": True, "result": message})


def _twilio_created(request: httpx.Request) -> httpx.Response:
    body = fixture_json("twilio", "messages_create_response_201.json")
    body["sid"] = f"SM{next(_ids):032x}"
    return httpx.Response(201, json=body)


@pytest.fixture
async def web(
    database_url: str,
    clock: FixedClock,
    tmp_path: Path,
    providers: respx.MockRouter,
    restore_registry: None,
) -> AsyncIterator[tuple[Runtime, httpx.AsyncClient]]:
    settings = make_settings(
        database_url,
        VOORDEUR_TENANTS_FILE=str(write_tenants(tmp_path)),
        PUBLIC_BASE_URL=PUBLIC,
        TELEGRAM_API_BASE_URL=TELEGRAM_BASE,
        TWILIO_API_BASE_URL=TWILIO_BASE,
    )
    runtime = Runtime(settings, clock=clock)
    transport = httpx.ASGITransport(app=create_app(runtime))
    try:
        async with httpx.AsyncClient(transport=transport, base_url=PUBLIC) as client:
            yield runtime, client
    finally:
        await runtime.stop()


async def settle(runtime: Runtime) -> None:
    await runtime.background_done()
    await runtime.engine.settle()


# --- what providers send us -------------------------------------------------------------------------------


def sms_form(body: str, sender: str, to: str) -> dict[str, str]:
    form = fixture_json("twilio", "sms_inbound.json")
    sid = f"SM{next(_ids):032x}"
    form.update(Body=body, From=sender, To=to, MessageSid=sid, SmsMessageSid=sid, SmsSid=sid)
    return form


async def post_sms(client: httpx.AsyncClient, form: dict[str, str], auth_token: str) -> httpx.Response:
    path = "/webhooks/twilio/messages"
    signature = RequestValidator(auth_token).compute_signature(PUBLIC + path, form)
    return await client.post(
        path,
        content=urlencode(form).encode(),
        headers={"content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature},
    )


def telegram_update(text: str, chat_id: int, update_id: int) -> dict[str, Any]:
    update = fixture_json("telegram", "message_text.json")
    update["update_id"] = update_id
    update["message"]["text"] = text
    update["message"]["chat"]["id"] = chat_id
    update["message"]["from"]["id"] = chat_id
    return update


async def post_telegram(client: httpx.AsyncClient, update: dict[str, Any], secret: str) -> httpx.Response:
    headers = {"content-type": "application/json", "x-telegram-bot-api-secret-token": secret}
    return await client.post("/webhooks/telegram", content=json.dumps(update).encode(), headers=headers)


async def rows(runtime: Runtime, model: Any, *where: Any) -> list[Any]:
    async with runtime.sessions() as session:
        query = select(model).where(*where).order_by(*model.__table__.primary_key.columns)
        return list((await session.execute(query)).scalars())


def form_of(request: httpx.Request) -> dict[str, str]:
    """A provider call's fields: Twilio's REST API and PTB's requests are form-encoded, the adapter's
    sendMessage is JSON."""
    if request.headers.get("Content-Type", "").startswith("application/json"):
        return {name: str(value) for name, value in json.loads(request.content).items()}
    return {name: values[0] for name, values in parse_qs(request.content.decode()).items()}


def sent_forms(providers: respx.MockRouter, key: str, provider: str = "twilio") -> list[dict[str, str]]:
    return [form_of(call.request) for call in providers[f"{provider}_{key}"].calls]


# --- routing ----------------------------------------------------------------------------------------------


async def test_the_same_number_to_two_tenants_is_two_people_answered_by_each_own_number(
    web: tuple[Runtime, httpx.AsyncClient], providers: respx.MockRouter
) -> None:
    runtime, client = web
    resident = "+31612345678"
    for key in (A, B):
        response = await post_sms(client, sms_form("hallo", resident, SMS[key]), AUTH[key])
        assert response.status_code == 200, response.text
    await settle(runtime)

    people = await rows(runtime, Person)
    identities = await rows(runtime, Identity)
    assert sorted(p.tenant for p in people) == [B, A]
    assert sorted((i.tenant, i.address) for i in identities) == [(B, resident), (A, resident)]
    assert len({i.person_id for i in identities}) == 2
    inbound = await rows(runtime, InboundRow, InboundRow.channel == "sms")
    assert sorted(row.tenant for row in inbound) == [B, A]

    await runtime.sender.send_due()
    for key in (A, B):
        forms = sent_forms(providers, key)
        assert forms, f"nothing sent with {key}'s account"
        assert {form["From"] for form in forms} == {SMS[key]}
        assert {form["To"] for form in forms} == {resident}
        assert NAME[key] in forms[0]["Body"], "the welcome names the tenant's front door"
        other = B if key == A else A
        assert all(NAME[other] not in form["Body"] for form in forms)


async def test_a_message_signed_with_one_tenants_token_to_anothers_number_is_refused(
    web: tuple[Runtime, httpx.AsyncClient], providers: respx.MockRouter
) -> None:
    runtime, client = web
    crossed = await post_sms(client, sms_form("hallo", "+31612345678", SMS[B]), AUTH[A])
    unknown = await post_sms(client, sms_form("hallo", "+31612345678", "+3197010000099"), AUTH[A])
    assert (crossed.status_code, unknown.status_code) == (403, 403)
    await settle(runtime)
    assert await rows(runtime, InboundRow) == [] and await rows(runtime, Identity) == []


async def test_telegram_updates_are_routed_by_secret_and_answered_by_that_bot(
    web: tuple[Runtime, httpx.AsyncClient], providers: respx.MockRouter
) -> None:
    runtime, client = web
    # Telegram counts update_ids per bot: two bots can deliver the same one, and both are kept.
    update_b = telegram_update("hallo", chat_id=7001, update_id=424242)
    update_a = telegram_update("hallo", chat_id=7002, update_id=424242)
    assert (await post_telegram(client, update_b, SECRET[B])).status_code == 200
    assert (await post_telegram(client, update_a, SECRET[A])).status_code == 200
    assert (await post_telegram(client, update_b, SECRET[B])).status_code == 200  # a retry: stored once
    assert (await post_telegram(client, update_b, "not-a-secret")).status_code == 403
    await settle(runtime)

    inbound = await rows(runtime, InboundRow, InboundRow.channel == "telegram")
    assert sorted((row.tenant, row.provider_id) for row in inbound) == [(B, "424242"), (A, "424242")]
    people = {p.id: p.tenant for p in await rows(runtime, Person)}
    by_chat = {i.address: people[i.person_id] for i in await rows(runtime, Identity)}
    assert by_chat == {"7001": B, "7002": A}

    await runtime.sender.send_due()
    to_b = sent_forms(providers, B, "telegram")
    to_a = sent_forms(providers, A, "telegram")
    assert to_b and {str(call["chat_id"]) for call in to_b} == {"7001"}
    assert to_a and {str(call["chat_id"]) for call in to_a} == {"7002"}
    assert NAME[B] in to_b[0]["text"] and NAME[A] in to_a[0]["text"]


async def test_a_status_callback_is_verified_with_the_token_of_the_account_that_sent(
    web: tuple[Runtime, httpx.AsyncClient], providers: respx.MockRouter
) -> None:
    runtime, client = web
    await post_sms(client, sms_form("hallo", "+31612345678", SMS[B]), AUTH[B])
    await settle(runtime)
    await runtime.sender.send_due()
    [sent] = [row for row in await rows(runtime, OutboxMessage) if row.provider_id]
    path = "/webhooks/twilio/status"
    form = {"MessageSid": sent.provider_id, "MessageStatus": "delivered", "AccountSid": SID[B]}

    async def post(token: str) -> httpx.Response:
        signature = RequestValidator(token).compute_signature(PUBLIC + path, form)
        headers = {"content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature}
        return await client.post(path, content=urlencode(form).encode(), headers=headers)

    assert (await post(AUTH[A])).status_code == 403
    [row] = await rows(runtime, OutboxMessage, OutboxMessage.id == sent.id)
    assert row.delivery_status is None
    assert (await post(AUTH[B])).status_code == 200
    [row] = await rows(runtime, OutboxMessage, OutboxMessage.id == sent.id)
    assert row.delivery_status == "delivered"


# --- nothing crosses --------------------------------------------------------------------------------------


async def say(runtime: Runtime, tenant: str, address: str, *texts: str) -> None:
    """Messages from one SMS number to one tenant's number, each handled before the next."""
    for text in texts:
        human_pace(runtime)
        message = InboundMessage(
            channel="sms",
            provider_id=f"SM{next(_ids):032x}",
            address=address,
            event=Event(kind="text", text=text),
            tenant=tenant,
        )
        await runtime.engine.store(message)
        await runtime.engine.settle()


async def volunteer(runtime: Runtime, tenant: str, address: str, neighbourhood: str) -> int:
    """A volunteer for groceries who will go anywhere (so only the tenant can keep them out)."""
    from storage.inbox import identity_for
    from storage.models import Consent, Conversation, HelpOffer, OfferCategory

    now = runtime.clock()
    async with runtime.sessions() as session, session.begin():
        identity = await identity_for(session, "sms", address, now, tenant)
        person = await session.get(Person, identity.person_id)
        assert person is not None
        person.first_name, person.neighbourhood = "Henk", neighbourhood
        session.add(Consent(person_id=person.id, version="test", text_key="consent_question", given_at=now))
        session.add(
            HelpOffer(
                person_id=person.id,
                reach="anywhere",
                availability=[],
                weekly_limit=5,
                languages=["nl"],
                created_at=now,
                updated_at=now,
            )
        )
        await session.flush()
        session.add(OfferCategory(person_id=person.id, category="boodschappen"))
        conversation = await session.get(Conversation, person.id)
        assert conversation is not None
        conversation.state = {"greeted": True, "flow": "menu", "lang": "nl", "offered": []}
        return person.id


async def test_a_request_in_one_tenant_never_invites_a_volunteer_of_another(
    web: tuple[Runtime, httpx.AsyncClient], providers: respx.MockRouter
) -> None:
    runtime, _client = web
    # Beekdal's volunteers even carry Lindenhoven's neighbourhood key and go anywhere: only the tenant
    # separates them. One of them has the very number of a Lindenhoven volunteer.
    ours = [await volunteer(runtime, A, f"+3161000000{i}", "molenwijk") for i in range(2)]
    theirs = [await volunteer(runtime, B, f"+3161000000{i}", "molenwijk") for i in range(4)]
    await say(runtime, A, "+31600000001", "hallo", "Ria", "7391 AB", "ja", *ASK_BOODSCHAPPEN)

    [request] = await rows(runtime, HelpRequest)
    assert request.neighbourhood == "molenwijk"
    invited = {row.person_id for row in await rows(runtime, MatchInvitation)}
    assert invited == set(ours)
    invite_rows = await rows(runtime, OutboxMessage, OutboxMessage.text_key == "invite")
    assert {row.person_id for row in invite_rows} == set(ours)
    assert not set(theirs) & {row.person_id for row in await rows(runtime, OutboxMessage)}

    await runtime.sender.send_due()
    assert sent_forms(providers, B) == [], "nothing went out with Beekdal's account"
    invites = [form for form in sent_forms(providers, A) if form["To"].startswith("+3161000000")]
    assert len(invites) == 2 and {form["From"] for form in invites} == {SMS[A]}


async def test_a_neighbourhood_is_found_in_the_persons_own_municipality(
    web: tuple[Runtime, httpx.AsyncClient],
) -> None:
    runtime, _client = web
    await say(runtime, B, "+31600000002", "hallo", "Sanne", "8113 AB")
    await say(runtime, A, "+31600000003", "hallo", "Piet", "8113 AB")
    people = {p.tenant: p for p in await rows(runtime, Person)}
    assert people[B].neighbourhood == "wilgenpark"
    assert people[A].neighbourhood is None, "Beekdal's postcode is outside Lindenhoven"
    outside = await rows(runtime, OutboxMessage, OutboxMessage.person_id == people[A].id)
    assert any("Gemeente Lindenhoven" in row.body for row in outside)


async def test_a_link_code_made_in_one_tenant_is_unknown_in_another(
    web: tuple[Runtime, httpx.AsyncClient],
) -> None:
    runtime, _client = web
    await say(runtime, A, "+31600000004", "hallo", "Ria", "7391 AB", "ja", "KOPPEL")
    [code_row] = [
        row for row in await rows(runtime, OutboxMessage) if row.text_key == "link_code" and row.params
    ]
    code = code_row.params["code"]
    await say(runtime, B, "+31600000005", f"KOPPEL {code}")
    linker = (await rows(runtime, Identity, Identity.address == "+31600000005"))[0]
    owner = (await rows(runtime, Identity, Identity.address == "+31600000004"))[0]
    assert linker.person_id != owner.person_id and linker.tenant == B
    keys = [
        row.text_key
        for row in await rows(runtime, OutboxMessage, OutboxMessage.person_id == linker.person_id)
    ]
    assert "link_failed" in keys and "linked" not in keys


async def bodies(runtime: Runtime, person_id: int) -> list[str]:
    return [row.body for row in await rows(runtime, OutboxMessage, OutboxMessage.person_id == person_id)]


async def test_the_sociale_kaart_and_the_agenda_are_the_persons_tenants(
    web: tuple[Runtime, httpx.AsyncClient], database_url: str
) -> None:
    from storage import community

    runtime, _client = web
    now = runtime.clock()
    async with runtime.sessions() as session, session.begin():
        # The demo data belongs to the tenant `default` (municipality lindenhoven): not to tenant A either.
        await community.seed(session, now)
        for key in (A, B):
            service = {
                "name": f"Formulierenhulp {key}",
                "description": "hulp bij formulieren en brieven",
                "categories": ["administratie"],
                "terms": ["formulier", "brief"],
                "neighbourhood": None,
                "hours": "",
                "phone": "",
            }
            municipality = tenants.current().get(key).municipality
            await community.create_service(session, f"svc-{key}", service, now, municipality, key)
            # Each tenant has an activity under both neighbourhood keys: only the tenant tells them apart.
            for place in ("molenwijk", "wilgenpark"):
                activity = {
                    "title": f"Wandelgroep {key}",
                    "weekday": 2,
                    "start": "10:00",
                    "place": "Het plein",
                    "neighbourhood": place,
                    "organiser": "Buurthuis",
                }
                await community.create_activity(
                    session, f"act-{key}-{place}", activity, now, municipality, key
                )
    people = {
        A: await volunteer(runtime, A, "+31633333333", "molenwijk"),
        B: await volunteer(runtime, B, "+31633333333", "wilgenpark"),
    }
    for key, person in people.items():
        other = B if key == A else A
        await say(runtime, key, "+31633333333", "Waar kan ik terecht voor hulp bij formulieren?", "AGENDA")
        said = "\n".join(await bodies(runtime, person))
        assert f"Formulierenhulp {key}" in said and f"Wandelgroep {key}" in said
        assert f"Formulierenhulp {other}" not in said and f"Wandelgroep {other}" not in said
        assert "Formulierenbrigade" not in said and "Koffieochtend" not in said, "the default tenant's"


async def test_a_kring_invitation_by_number_stays_in_the_tenant(
    web: tuple[Runtime, httpx.AsyncClient],
) -> None:
    runtime, _client = web
    known_in_b = await volunteer(runtime, B, "+31644444444", "brinkhoek")
    ria = await volunteer(runtime, A, "+31655555555", "molenwijk")
    await say(runtime, A, "+31655555555", "KRING", "1", "+31644444444", "1")
    invited = await rows(runtime, Identity, Identity.address == "+31644444444")
    assert sorted(i.tenant for i in invited) == [B, A], "a new person in Lindenhoven, not Beekdal's"
    [new] = [i for i in invited if i.tenant == A]
    assert new.person_id != known_in_b
    assert "circle_invited" not in [
        row.text_key for row in await rows(runtime, OutboxMessage, OutboxMessage.person_id == known_in_b)
    ]
    [invitation] = await rows(runtime, OutboxMessage, OutboxMessage.person_id == new.person_id)
    assert invitation.text_key == "circle_invited" and NAME[A] in invitation.body
    assert ria != new.person_id


async def test_quiet_hours_are_the_persons_tenants(
    web: tuple[Runtime, httpx.AsyncClient], clock: FixedClock, providers: respx.MockRouter
) -> None:
    runtime, _client = web
    lindenhoven = await volunteer(runtime, A, "+31611111111", "molenwijk")
    beekdal = await volunteer(runtime, B, "+31622222222", "brinkhoek")
    clock.now = datetime(2026, 11, 23, 22, 30, tzinfo=UTC)  # 23:30 in the Netherlands
    async with runtime.sessions() as session, session.begin():
        for person_id in (lindenhoven, beekdal):
            [found] = (
                await session.execute(select(Identity).where(Identity.person_id == person_id))
            ).scalars()
            outbox.enqueue(
                session,
                person_id=person_id,
                identity_id=found.id,
                channel="sms",
                text_key="invite",
                body="Een vraag in de buurt",
                choices=[],
                now=clock(),
                scheduled=True,
            )
    await runtime.sender.send_due()
    waiting = {row.person_id: row for row in await rows(runtime, OutboxMessage)}
    assert waiting[beekdal].status == "sent", "Beekdal has no quiet hours"
    assert waiting[lindenhoven].status == "pending"
    assert waiting[lindenhoven].next_attempt_at == datetime(2026, 11, 24, 8, 0, tzinfo=UTC)  # 09:00 local
    assert sent_forms(providers, A) == [] and len(sent_forms(providers, B)) == 1


# --- the staff console ------------------------------------------------------------------------------------


async def staff_account(runtime: Runtime, email: str, tenant: str) -> None:
    from bot.web.staff.auth import hash_password

    async with runtime.sessions() as session, session.begin():
        account = staff.add_account(
            session,
            email=email,
            name="Anna Jansen",
            role="coordinator",
            password_hash=hash_password(PASSWORD),
            neighbourhoods=[],
            now=runtime.clock(),
            tenant=tenant,
        )
        # Coordinators log in with a second factor (log_in makes the code from this secret).
        account.totp_secret = SECRETS.setdefault(email, pyotp.random_base32())


async def test_staff_see_only_their_own_tenant(
    web: tuple[Runtime, httpx.AsyncClient], clock: FixedClock
) -> None:
    runtime, client = web
    mine = await volunteer(runtime, A, "+31611111111", "molenwijk")
    theirs = await volunteer(runtime, B, "+31622222222", "brinkhoek")
    my_request = await unmatched_request(runtime, mine, "molenwijk", "ramen lappen in Lindenhoven", clock())
    their_request = await unmatched_request(runtime, theirs, "brinkhoek", "gras maaien in Beekdal", clock())
    await staff_account(runtime, "anna@lindenhoven.example", A)
    assert (await log_in(client, "anna@lindenhoven.example")).status_code == 303

    queue = await client.get("/staff/")
    assert queue.status_code == 200
    assert "ramen lappen in Lindenhoven" in queue.text
    assert "gras maaien in Beekdal" not in queue.text
    assert (await client.get(f"/staff/people/{mine}")).status_code == 200
    assert (await client.get(f"/staff/requests/{my_request}")).status_code == 200
    assert (await client.get(f"/staff/people/{theirs}")).status_code == 404
    assert (await client.get(f"/staff/requests/{their_request}")).status_code == 404
    volunteers = await client.get("/staff/volunteers")
    assert volunteers.status_code == 200 and "Brinkhoek" not in volunteers.text


async def test_staff_scope_queries_filter_on_the_tenant(
    web: tuple[Runtime, httpx.AsyncClient], clock: FixedClock
) -> None:
    runtime, _client = web
    mine = await volunteer(runtime, A, "+31611111111", "molenwijk")
    theirs = await volunteer(runtime, B, "+31622222222", "molenwijk")
    await unmatched_request(runtime, mine, "molenwijk", "een", clock())
    await unmatched_request(runtime, theirs, "molenwijk", "twee", clock())
    async with runtime.sessions() as session:
        for tenant, person_id in ((A, mine), (B, theirs)):
            for scope in (staff.Scope(None, tenant), staff.Scope(frozenset({"molenwijk"}), tenant)):
                found = await staff.unmatched_requests(session, scope)
                assert [person.id for _request, person in found] == [person_id]
                assert [row.person.id for row in await staff.volunteers(session, scope)] == [person_id]


# --- start-up -----------------------------------------------------------------------------------------------


def swap(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: swap(t, SMS[B], SMS[A]), f"tenant '{B}' twilio.sms_number: already used by tenant '{A}'"),
        (
            lambda t: swap(t, f'webhook_secret = "{SECRET[B]}"', f'webhook_secret = "{SECRET[A]}"'),
            f"tenant '{B}' telegram.webhook_secret: already used by tenant '{A}'",
        ),
        (
            lambda t: swap(t, "env:BEEKDAL_BOT_TOKEN", TOKEN[A]),
            f"tenant '{B}' telegram.bot_token: already used by tenant '{A}'",
        ),
        (
            lambda t: swap(t, "env:BEEKDAL_TWILIO_TOKEN", "env:NOT_SET_ANYWHERE"),
            "NOT_SET_ANYWHERE is not set",
        ),
        (
            lambda t: swap(t, 'quiet_hours = ""', 'quiet_hours = "late"'),
            f"tenant '{B}' quiet_hours: must look",
        ),
        (
            lambda t: swap(t, "municipality_demo2.toml", "nowhere.toml"),
            f"tenant '{B}' municipality_file:",
        ),
        (lambda t: swap(t, f'sms_number = "{SMS[B]}"', 'sms_number = "0612345678"'), "twilio.sms_number"),
        (lambda t: t + "\n[tenants.Bad-Key]\nname = 'x'\n", "tenant 'Bad-Key' key:"),
    ],
)
def test_a_wrong_tenants_file_stops_start_up_with_one_line(
    database_url: str, tmp_path: Path, edit: Any, message: str
) -> None:
    path = write_tenants(tmp_path, edit(TENANTS_TOML))
    with pytest.raises(SettingsError) as raised:
        make_settings(database_url, VOORDEUR_TENANTS_FILE=str(path), PUBLIC_BASE_URL=PUBLIC)
    text = str(raised.value)
    assert text.startswith("setting VOORDEUR_TENANTS_FILE: ") and "\n" not in text
    assert message in text
    assert AUTH[A] not in text and TOKEN[A] not in text


def test_the_contract_variables_form_the_default_tenant_next_to_the_file(
    database_url: str, tmp_path: Path
) -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": "333333:CCCC",
        "TELEGRAM_WEBHOOK_SECRET": "secret-default",
        "PUBLIC_BASE_URL": PUBLIC,
        "VOORDEUR_QUIET_HOURS": "22:00-07:00",
    }
    settings = make_settings(database_url, VOORDEUR_TENANTS_FILE=str(write_tenants(tmp_path)), **env)
    assert settings.tenants.keys() == ["default", A, B]
    default = settings.tenants.get("default")
    assert default.name == "Voordeur" and default.municipality == "lindenhoven"
    assert default.quiet_hours == "22:00-07:00" and default.telegram is not None
    assert settings.tenants.get(B).municipality == "beekdal"
    assert settings.tenants.by_telegram_secret("secret-default") == default

    clash = TENANTS_TOML + '\n[tenants.default]\nname = "Voordeur Elders"\n'
    with pytest.raises(SettingsError, match="tenant 'default': defined in the file"):
        make_settings(database_url, VOORDEUR_TENANTS_FILE=str(write_tenants(tmp_path, clash)), **env)
    # Duplicates count across the file and the environment too.
    with pytest.raises(SettingsError, match="webhook_secret: already used by tenant 'default'"):
        make_settings(
            database_url,
            VOORDEUR_TENANTS_FILE=str(write_tenants(tmp_path)),
            **{**env, "TELEGRAM_WEBHOOK_SECRET": SECRET[A]},
        )


def test_without_the_file_there_is_one_default_tenant_from_the_environment(database_url: str) -> None:
    settings = make_settings(
        database_url,
        TWILIO_ACCOUNT_SID=SID[A],
        TWILIO_AUTH_TOKEN=AUTH[A],
        TWILIO_SMS_NUMBER=SMS[A],
        PUBLIC_BASE_URL=PUBLIC,
        VOORDEUR_TIMEZONE="Europe/Brussels",
    )
    [only] = list(settings.tenants)
    assert (only.key, only.name, only.timezone, only.twilio_numbers) == (
        "default",
        "Voordeur",
        "Europe/Brussels",
        (SMS[A],),
    )
    # With one Twilio tenant, a message to any number is that tenant's (as before there were tenants).
    assert settings.tenants.by_twilio_number(SMS[A]) == only


def test_an_unknown_tenant_key_reads_as_default_texts_without_channels() -> None:
    registry = tenants.Tenants({A: tenants.Tenant(key=A, name=NAME[A])})
    gone = registry.get("removed")
    assert (gone.name, gone.telegram, gone.twilio, gone.channels()) == ("Voordeur", None, None, [])
    assert registry.by_telegram_secret("anything") is None


# --- operator commands ----------------------------------------------------------------------------------


def two_tenant_settings(database_url: str, tmp_path: Path) -> Any:
    return make_settings(
        database_url,
        VOORDEUR_TENANTS_FILE=str(write_tenants(tmp_path)),
        PUBLIC_BASE_URL=PUBLIC,
        TELEGRAM_API_BASE_URL=TELEGRAM_BASE,
    )


def assert_no_secret(text: str) -> None:
    for secret in (*TOKEN.values(), *SECRET.values(), *AUTH.values()):
        assert secret not in text
        assert secret.split(":")[-1] not in text


async def test_set_webhook_registers_every_tenants_bot_with_its_own_secret(
    database_url: str, tmp_path: Path
) -> None:
    from bot.cli import operator

    settings = two_tenant_settings(database_url, tmp_path)
    ok = {"ok": True, "result": True}
    with respx.mock(assert_all_mocked=True) as router:
        routes = {
            key: router.post(f"{TELEGRAM_BASE}{TOKEN[key]}/setWebhook").respond(json=ok) for key in (A, B)
        }
        out = io.StringIO()
        assert await operator.set_telegram_webhook(settings, out) == 0
        for key in (A, B):
            [call] = routes[key].calls
            form = form_of(call.request)
            assert form["secret_token"] == SECRET[key]
            assert form["url"] == f"{PUBLIC}/webhooks/telegram"
        assert f"tenant {A}" in out.getvalue() and f"tenant {B}" in out.getvalue()
        assert_no_secret(out.getvalue())

        only = io.StringIO()
        assert await operator.set_telegram_webhook(settings, only, tenant=B) == 0
        assert (routes[A].call_count, routes[B].call_count) == (1, 2)
        unknown = io.StringIO()
        assert await operator.set_telegram_webhook(settings, unknown, tenant="elders") == 2
        assert "unknown --tenant elders" in unknown.getvalue()


def test_check_lists_every_tenant_without_a_secret(database_url: str, tmp_path: Path) -> None:
    from bot.cli import operator
    from storage import migrate

    if database_url.startswith("sqlite"):
        migrate.upgrade(database_url)
    out = io.StringIO()
    operator.run_check(out, two_tenant_settings(database_url, tmp_path))
    text = out.getvalue()
    assert "tenants (2, VOORDEUR_TENANTS_FILE" in text
    assert f"  {B}: {NAME[B]}" in text and "municipality                 beekdal" in text
    assert f"twilio sender                {SMS[B]}" in text
    assert "telegram bot token           222222:*** (hidden)" in text
    assert_no_secret(text)


def test_staff_add_takes_a_tenant_and_checks_its_neighbourhoods(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import main as cli
    from storage.models import StaffAccount

    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("VOORDEUR_TENANTS_FILE", str(write_tenants(tmp_path)))
    monkeypatch.setenv("PUBLIC_BASE_URL", PUBLIC)
    argv = [
        "staff",
        "add",
        "--email",
        "bas@beekdal.example",
        "--name",
        "Bas Visser",
        "--role",
        "buurtverbinder",
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("a long secret\n"))
    assert (
        cli.main([*argv, "--tenant", B, "--neighbourhood", "molenwijk"]) == 2
    )  # Lindenhoven's, not Beekdal's
    monkeypatch.setattr("sys.stdin", io.StringIO("a long secret\n"))
    assert cli.main([*argv, "--tenant", "elders", "--neighbourhood", "brinkhoek"]) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("a long secret\n"))
    assert cli.main([*argv, "--tenant", B, "--neighbourhood", "brinkhoek"]) == 0
    err = capsys.readouterr().err
    assert "unknown --neighbourhood molenwijk" in err and "unknown --tenant elders" in err

    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from storage.db import sync_url

    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        account = session.execute(select(StaffAccount)).scalar_one()
    engine.dispose()
    assert (account.tenant, account.neighbourhoods) == (B, ["brinkhoek"])
