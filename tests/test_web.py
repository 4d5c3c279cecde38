"""The web layer end to end: real Starlette app, real database (SQLite and PostgreSQL), mocked providers.

Requests go to `http://internal:8080` (what the process sees behind a TLS proxy) while Twilio signs the
public URL, `PUBLIC_BASE_URL`. Every test checks the HTTP answer and what the database holds afterwards.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
import respx
from sqlalchemy import func, select
from twilio.request_validator import RequestValidator

from bot import metrics
from bot.runtime import Runtime
from bot.web.app import create_app
from storage import outbox
from storage.inbox import identity_for
from storage.models import Identity, InboundMessage, OutboxMessage, StaffAlert, WorkerHeartbeat
from tests.conftest import FIXTURES, FixedClock, fixture_json, make_settings

INTERNAL_BASE = "http://internal:8080"
PUBLIC_BASE_URL = "https://voordeur.example.nl"
BOT_TOKEN = "123:ABC"
SECRET = "s3cret"
TELEGRAM_API = f"http://telegram.test/bot{BOT_TOKEN}"
TWILIO_SID = "AC00000000000000000000000000000001"
TWILIO_TOKEN = "twilio-test-auth-token"
MAX_BODY = 64 * 1024
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'

TELEGRAM = "/webhooks/telegram"
MESSAGES = "/webhooks/twilio/messages"
STATUS = "/webhooks/twilio/status"

CHANNEL_SETTINGS: dict[str, Any] = {
    "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
    "TELEGRAM_WEBHOOK_SECRET": SECRET,
    "TELEGRAM_API_BASE_URL": "http://telegram.test/bot",
    "TWILIO_ACCOUNT_SID": TWILIO_SID,
    "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
    "TWILIO_SMS_NUMBER": "+3197010000001",
    "TWILIO_WHATSAPP_NUMBER": "whatsapp:+3197010000002",
    "TWILIO_API_BASE_URL": "http://twilio.test",
    "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
}

_unique = itertools.count(1)


# --- fixtures and helpers -------------------------------------------------------------------------------


@dataclass
class Web:
    runtime: Runtime
    client: httpx.AsyncClient


@pytest.fixture
def providers() -> Iterator[respx.MockRouter]:
    """Every provider call is mocked; anything unexpected fails instead of reaching the network."""
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as router:
        router.post(f"{TELEGRAM_API}/answerCallbackQuery", name="answer_callback").respond(
            json={"ok": True, "result": True}
        )
        yield router


@asynccontextmanager
async def serve(runtime: Runtime) -> AsyncIterator[Web]:
    """The app for `runtime` behind an in-process client; the runtime is stopped afterwards."""
    app = create_app(runtime)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url=INTERNAL_BASE) as client:
            yield Web(runtime, client)
    finally:
        await runtime.stop()


@pytest.fixture
async def web(database_url: str, clock: FixedClock, providers: respx.MockRouter) -> AsyncIterator[Web]:
    runtime = Runtime(make_settings(database_url, **CHANNEL_SETTINGS), clock=clock)
    async with serve(runtime) as served:
        yield served


async def settle(runtime: Runtime) -> None:
    """Wait for the background work the webhooks started (flow steps, answerCallbackQuery)."""
    await runtime.background_done()


async def count(runtime: Runtime, model: Any, *where: Any) -> int:
    async with runtime.sessions() as session:
        query = select(func.count()).select_from(model).where(*where)
        return int((await session.execute(query)).scalar_one())


async def counts(runtime: Runtime) -> tuple[int, int, int]:
    """(inbound messages, identities, outbox rows)."""
    return (
        await count(runtime, InboundMessage),
        await count(runtime, Identity),
        await count(runtime, OutboxMessage),
    )


async def inbound_rows(runtime: Runtime) -> list[InboundMessage]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(InboundMessage).order_by(InboundMessage.id))).scalars())


async def outbox_rows(runtime: Runtime) -> list[OutboxMessage]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(OutboxMessage).order_by(OutboxMessage.id))).scalars())


async def identity(runtime: Runtime, channel: str, address: str) -> Identity | None:
    async with runtime.sessions() as session:
        query = select(Identity).where(Identity.channel == channel, Identity.address == address)
        return (await session.execute(query)).scalar_one_or_none()


def telegram_fixture(name: str) -> dict[str, Any]:
    return fixture_json("telegram", name)


def telegram_text(text: str, *, chat_id: int = 5550001, update_id: int | None = None) -> dict[str, Any]:
    """A private text message update like `message_text.json`, with our own text and ids."""
    update = telegram_fixture("message_text.json")
    update["update_id"] = update_id if update_id is not None else 880000000 + next(_unique)
    update["message"]["text"] = text
    update["message"]["chat"]["id"] = chat_id
    update["message"]["from"]["id"] = chat_id
    return update


async def post_telegram(
    web: Web, update: Any = None, *, content: bytes | None = None, secret: str | None = SECRET
) -> httpx.Response:
    headers = {"content-type": "application/json"}
    if secret is not None:
        headers["x-telegram-bot-api-secret-token"] = secret
    body = content if content is not None else json.dumps(update).encode()
    return await web.client.post(TELEGRAM, content=body, headers=headers)


def sign(url: str, form: dict[str, str], token: str = TWILIO_TOKEN) -> str:
    return RequestValidator(token).compute_signature(url, form)


def sms_form(body: str, *, sender: str = "+31612345678") -> dict[str, str]:
    """An inbound SMS like `sms_inbound.json`, with our own body and a fresh MessageSid."""
    form = fixture_json("twilio", "sms_inbound.json")
    sid = f"SM{next(_unique):032x}"
    form.update(Body=body, From=sender, MessageSid=sid, SmsMessageSid=sid, SmsSid=sid)
    return form


async def post_twilio(
    web: Web,
    path: str,
    form: dict[str, str],
    *,
    query: str = "",
    signature: str | None = None,
    signed_url: str | None = None,
) -> httpx.Response:
    """POST a form as Twilio does, signed over PUBLIC_BASE_URL + path (+ query) unless told otherwise."""
    target = path + (f"?{query}" if query else "")
    if signature is None:
        signature = sign(signed_url or PUBLIC_BASE_URL + target, form)
    return await web.client.post(
        target,
        content=urlencode(form).encode(),
        headers={"content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature},
    )


def assert_twiml(response: httpx.Response) -> None:
    assert response.status_code == 200, response.text
    assert response.text == EMPTY_TWIML
    assert response.headers["content-type"].split(";")[0] == "text/xml"


async def chunked(body: bytes, size: int = 4096) -> AsyncIterator[bytes]:
    """A streamed body: httpx sends it without Content-Length."""
    for start in range(0, len(body), size):
        yield body[start : start + size]


# --- Telegram -------------------------------------------------------------------------------------------

TELEGRAM_FIXTURES = {
    # fixture: inbound messages stored (0: accepted with 200 and dropped on purpose)
    "message_text.json": 1,
    "message_start_deeplink.json": 1,
    "callback_query.json": 1,
    "message_voice.json": 1,
    "message_photo_caption.json": 1,
    "message_location.json": 1,
    "message_sticker.json": 1,
    "edited_message.json": 0,
    "group_message.json": 0,
    "my_chat_member_blocked.json": 0,
}


def test_every_telegram_fixture_is_covered() -> None:
    assert {path.name for path in (FIXTURES / "telegram").glob("*.json")} == set(TELEGRAM_FIXTURES)


@pytest.mark.parametrize("name", sorted(TELEGRAM_FIXTURES))
async def test_telegram_fixture_accepted(web: Web, providers: respx.MockRouter, name: str) -> None:
    update = telegram_fixture(name)
    response = await post_telegram(web, update)
    assert response.status_code == 200, response.text
    await settle(web.runtime)
    stored = TELEGRAM_FIXTURES[name]
    rows = await inbound_rows(web.runtime)
    assert len(rows) == stored
    assert await count(web.runtime, Identity) == stored
    if stored:
        assert rows[0].channel == "telegram"
        assert rows[0].provider_id == str(update["update_id"])
        assert rows[0].processed_at is not None
        assert await count(web.runtime, OutboxMessage) >= 1  # the reply waits in the outbox
    else:
        assert await count(web.runtime, OutboxMessage) == 0
    # A tapped button is answered so the client stops its spinner; nothing else calls Telegram.
    assert providers["answer_callback"].call_count == (1 if name == "callback_query.json" else 0)


async def test_telegram_text_stored_as_sent(web: Web) -> None:
    update = telegram_fixture("message_text.json")
    response = await post_telegram(web, update)
    assert response.status_code == 200
    [row] = await inbound_rows(web.runtime)
    assert row.event["kind"] == "text"
    assert row.event["text"] == update["message"]["text"]
    found = await identity(web.runtime, "telegram", "5550001")
    assert found is not None and found.stopped_at is None


async def test_telegram_duplicate_update_stored_and_answered_once(web: Web) -> None:
    update = telegram_fixture("message_text.json")
    first = await post_telegram(web, update)
    second = await post_telegram(web, update)
    assert (first.status_code, second.status_code) == (200, 200)
    await settle(web.runtime)
    # One first contact (a request in words): the welcome, "your request is kept", the name question, once.
    assert await counts(web.runtime) == (1, 1, 3)
    replies = await outbox_rows(web.runtime)
    assert [(r.text_key, r.channel, r.status) for r in replies] == [
        ("welcome", "telegram", "pending"),
        ("request_kept_onboarding", "telegram", "pending"),
        ("ask_name", "telegram", "pending"),
    ]
    # Processing again (a recovery sweep, another process) adds nothing.
    assert await web.runtime.engine.process_person(replies[0].person_id) == 0
    assert await count(web.runtime, OutboxMessage) == 3


@pytest.mark.parametrize(
    "secret",
    ["s3creX", None, "", "s3cret-but-longer", "s3cre", "S3CRET", "s3cret "],
    ids=["wrong", "missing", "empty", "longer", "shorter", "case", "trailing-space"],
)
async def test_telegram_bad_secret_is_403_and_stores_nothing(web: Web, secret: str | None) -> None:
    response = await post_telegram(web, telegram_fixture("message_text.json"), secret=secret)
    assert response.status_code == 403
    await settle(web.runtime)
    assert await counts(web.runtime) == (0, 0, 0)


async def test_telegram_non_ascii_secret_header_is_403(web: Web) -> None:
    response = await web.client.post(
        TELEGRAM,
        content=json.dumps(telegram_fixture("message_text.json")).encode(),
        headers=[(b"content-type", b"application/json"), (b"x-telegram-bot-api-secret-token", b"s3cr\xe9t")],
    )
    assert response.status_code == 403
    assert await counts(web.runtime) == (0, 0, 0)


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"",
        b"\xff\xfe{}",
        b"[1, 2, 3]",
        b'"just a string"',
        b"null",
        b'{"message": {"text": "hoi"}}',
        b'{"update_id": "870000001"}',
        b'{"update_id": true}',
        b'{"update_id": 1, "message": "not an object"}',
        b'{"update_id": 1, "message": {"message_id": 1}}',
        b"[" * 50_000,
        b'{"a":' * 10_000 + b"1" + b"}" * 10_000,
    ],
    ids=[
        "malformed",
        "empty",
        "not-utf8",
        "array",
        "string",
        "null",
        "no-update-id",
        "string-update-id",
        "bool-update-id",
        "message-not-object",
        "message-without-chat",
        "deeply-nested-array",
        "deeply-nested-object",
    ],
)
async def test_telegram_malformed_body_is_400(web: Web, body: bytes) -> None:
    response = await post_telegram(web, content=body)
    assert response.status_code == 400, response.text
    assert await counts(web.runtime) == (0, 0, 0)


@pytest.mark.parametrize(
    "message_patch",
    [
        {"text": 42},
        {"text": ["a list"]},
        {"date": 10**20},
        {"date": 1e308},
    ],
    ids=["int-text", "list-text", "huge-date", "float-date"],
)
async def test_telegram_invalid_field_types_are_400_not_500(web: Web, message_patch: dict[str, Any]) -> None:
    update = telegram_fixture("message_text.json")
    update["message"].update(message_patch)
    response = await post_telegram(web, update)
    assert response.status_code == 400, response.text
    assert await counts(web.runtime) == (0, 0, 0)


async def test_telegram_body_over_limit_with_content_length_is_413(web: Web) -> None:
    update = telegram_text("x" * MAX_BODY)
    body = json.dumps(update).encode()
    response = await post_telegram(web, content=body)
    assert response.status_code == 413
    assert await counts(web.runtime) == (0, 0, 0)


async def test_telegram_body_over_limit_streamed_is_413(web: Web) -> None:
    body = json.dumps(telegram_text("x" * MAX_BODY)).encode()
    response = await web.client.post(
        TELEGRAM,
        content=chunked(body),
        headers={"content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET},
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert await counts(web.runtime) == (0, 0, 0)


@pytest.mark.parametrize("streamed", [False, True], ids=["content-length", "streamed"])
async def test_telegram_body_exactly_at_limit_is_accepted(web: Web, streamed: bool) -> None:
    update = telegram_text("")
    overhead = len(json.dumps(update).encode())
    update["message"]["text"] = "y" * (MAX_BODY - overhead)
    body = json.dumps(update).encode()
    assert len(body) == MAX_BODY
    response = await web.client.post(
        TELEGRAM,
        content=chunked(body) if streamed else body,
        headers={"content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET},
    )
    assert response.status_code == 200, response.text
    [row] = await inbound_rows(web.runtime)
    assert row.event["text"] == update["message"]["text"]


@pytest.mark.parametrize(
    "declared", [b"\xb2", b"abc", b"-1", b"1e3"], ids=["superscript", "word", "negative", "exp"]
)
async def test_bad_content_length_is_400(web: Web, declared: bytes) -> None:
    response = await web.client.post(
        TELEGRAM,
        content=json.dumps(telegram_fixture("message_text.json")).encode(),
        headers=[
            (b"content-type", b"application/json"),
            (b"x-telegram-bot-api-secret-token", SECRET.encode()),
            (b"content-length", declared),
        ],
    )
    assert response.status_code == 400
    assert await counts(web.runtime) == (0, 0, 0)


async def test_telegram_lying_content_length_is_still_bounded(web: Web) -> None:
    body = json.dumps(telegram_text("z" * MAX_BODY)).encode()
    response = await web.client.post(
        TELEGRAM,
        content=body,
        headers={
            "content-type": "application/json",
            "x-telegram-bot-api-secret-token": SECRET,
            "content-length": "100",
        },
    )
    assert response.status_code == 413
    assert await counts(web.runtime) == (0, 0, 0)


async def test_telegram_blocked_marks_known_chat_stopped(web: Web) -> None:
    assert (await post_telegram(web, telegram_fixture("message_start_deeplink.json"))).status_code == 200
    await settle(web.runtime)
    before = await identity(web.runtime, "telegram", "5550002")
    assert before is not None and before.stopped_at is None

    response = await post_telegram(web, telegram_fixture("my_chat_member_blocked.json"))
    assert response.status_code == 200
    after = await identity(web.runtime, "telegram", "5550002")
    assert after is not None
    assert after.stopped_at is not None
    assert after.stop_reason == "blocked_bot"
    assert await count(web.runtime, InboundMessage) == 1  # the block itself is not a message


async def test_telegram_blocked_for_unknown_chat_creates_nothing(web: Web) -> None:
    response = await post_telegram(web, telegram_fixture("my_chat_member_blocked.json"))
    assert response.status_code == 200
    assert await counts(web.runtime) == (0, 0, 0)


@pytest.mark.parametrize("name", ["edited_message.json", "group_message.json"])
async def test_telegram_edits_and_groups_are_dropped(web: Web, name: str) -> None:
    response = await post_telegram(web, telegram_fixture(name))
    assert response.status_code == 200
    await settle(web.runtime)
    assert await counts(web.runtime) == (0, 0, 0)


async def test_telegram_off_is_404(database_url: str, clock: FixedClock, providers: respx.MockRouter) -> None:
    settings = {k: v for k, v in CHANNEL_SETTINGS.items() if not k.startswith("TELEGRAM_")}
    async with serve(Runtime(make_settings(database_url, **settings), clock=clock)) as web:
        response = await post_telegram(web, telegram_fixture("message_text.json"))
        assert response.status_code == 404
        assert await counts(web.runtime) == (0, 0, 0)


async def test_telegram_stop_command(web: Web) -> None:
    assert (await post_telegram(web, telegram_text("/stop", chat_id=5550009))).status_code == 200
    await settle(web.runtime)
    found = await identity(web.runtime, "telegram", "5550009")
    assert found is not None and found.stopped_at is not None
    [confirmation] = await outbox_rows(web.runtime)
    assert confirmation.allow_when_stopped is True
    assert (await post_telegram(web, telegram_text("hallo", chat_id=5550009))).status_code == 200
    await settle(web.runtime)
    assert await counts(web.runtime) == (2, 1, 1)


# --- Twilio inbound messages ----------------------------------------------------------------------------

TWILIO_INBOUND = {
    # fixture: (channel, address, event kind)
    "sms_inbound.json": ("sms", "+31612345678", "text"),
    "sms_inbound_ucs2.json": ("sms", "+31687654321", "text"),
    "sms_inbound_stop.json": ("sms", "+31612345678", "text"),
    "whatsapp_inbound_text.json": ("whatsapp", "+31611122233", "text"),
    "whatsapp_inbound_button.json": ("whatsapp", "+31611122233", "choice"),
    "whatsapp_inbound_voice.json": ("whatsapp", "+31611122233", "media"),
    "whatsapp_inbound_location.json": ("whatsapp", "+31611122233", "location"),
}


def test_every_twilio_inbound_fixture_is_covered() -> None:
    names = {path.name for path in (FIXTURES / "twilio").glob("*_inbound*.json")}
    assert names == set(TWILIO_INBOUND)


@pytest.mark.parametrize("name", sorted(TWILIO_INBOUND))
async def test_twilio_inbound_fixture_stored(web: Web, name: str) -> None:
    form = fixture_json("twilio", name)
    channel, address, kind = TWILIO_INBOUND[name]
    response = await post_twilio(web, MESSAGES, form)
    assert_twiml(response)
    [row] = await inbound_rows(web.runtime)
    assert (row.channel, row.provider_id, row.event["kind"]) == (channel, form["MessageSid"], kind)
    if kind == "text":
        assert row.event["text"] == form["Body"]
    found = await identity(web.runtime, channel, address)
    assert found is not None and found.id == row.identity_id
    assert not found.address.startswith("whatsapp:")
    # Data minimisation: no media URL, profile name or street address reaches the database.
    stored = json.dumps(row.event)
    for field in ("MediaUrl0", "ProfileName", "Address", "WaId"):
        if form.get(field):
            assert form[field] not in stored
    await settle(web.runtime)
    assert await count(web.runtime, OutboxMessage, OutboxMessage.identity_id == found.id) >= 1


async def test_twilio_duplicate_message_sid_stored_once(web: Web) -> None:
    form = fixture_json("twilio", "whatsapp_inbound_text.json")
    assert_twiml(await post_twilio(web, MESSAGES, form))
    assert_twiml(await post_twilio(web, MESSAGES, form))
    await settle(web.runtime)
    assert await counts(web.runtime) == (1, 1, 2)  # welcome + name question, once


async def test_twilio_non_phone_sender_is_dropped(web: Web) -> None:
    form = sms_form("Uw code is 1234", sender="Voordeur")
    assert_twiml(await post_twilio(web, MESSAGES, form))
    assert await counts(web.runtime) == (0, 0, 0)


def _bad_signatures() -> dict[str, dict[str, Any]]:
    form = fixture_json("twilio", "sms_inbound.json")
    return {
        "wrong-token": {"signature": sign(PUBLIC_BASE_URL + MESSAGES, form, token="not-the-token")},
        "missing": {"signature": ""},
        "garbage": {"signature": "not base64 at all"},
        "internal-url": {"signed_url": INTERNAL_BASE + MESSAGES},
        "other-path": {"signed_url": PUBLIC_BASE_URL + STATUS},
        "http-instead-of-https": {"signed_url": "http://voordeur.example.nl" + MESSAGES},
    }


@pytest.mark.parametrize("case", sorted(_bad_signatures()))
async def test_twilio_bad_signature_is_403_and_stores_nothing(web: Web, case: str) -> None:
    form = fixture_json("twilio", "sms_inbound.json")
    response = await post_twilio(web, MESSAGES, form, **_bad_signatures()[case])
    assert response.status_code == 403
    await settle(web.runtime)
    assert await counts(web.runtime) == (0, 0, 0)


async def test_twilio_missing_signature_header_is_403(web: Web) -> None:
    form = fixture_json("twilio", "sms_inbound.json")
    response = await web.client.post(MESSAGES, data=form)
    assert response.status_code == 403
    assert await counts(web.runtime) == (0, 0, 0)


async def test_twilio_tampered_form_is_403(web: Web) -> None:
    form = fixture_json("twilio", "sms_inbound.json")
    signature = sign(PUBLIC_BASE_URL + MESSAGES, form)
    tampered = {**form, "Body": "STOP"}
    response = await post_twilio(web, MESSAGES, tampered, signature=signature)
    assert response.status_code == 403
    assert await counts(web.runtime) == (0, 0, 0)


async def test_twilio_signature_with_port_is_accepted(web: Web) -> None:
    """Twilio sometimes signs https://host:443/...; the validator accepts both forms."""
    form = fixture_json("twilio", "sms_inbound.json")
    response = await post_twilio(web, MESSAGES, form, signed_url="https://voordeur.example.nl:443" + MESSAGES)
    assert_twiml(response)
    assert await count(web.runtime, InboundMessage) == 1


async def test_twilio_json_is_415(web: Web) -> None:
    form = fixture_json("twilio", "sms_inbound.json")
    response = await web.client.post(
        MESSAGES,
        content=json.dumps(form).encode(),
        headers={
            "content-type": "application/json",
            "x-twilio-signature": sign(PUBLIC_BASE_URL + MESSAGES, form),
        },
    )
    assert response.status_code == 415
    assert await counts(web.runtime) == (0, 0, 0)


@pytest.mark.parametrize(
    "body",
    [
        b"Body=%ZZ&From=%2B31612345678&MessageSid=SM1",
        b"Body=%FF&From=%2B31612345678&MessageSid=SM1",
        b"Body=\xff\xfe&From=%2B31612345678&MessageSid=SM1",
        b"Body=%E2%82&MessageSid=SM1",
        b"Body=%",
    ],
    ids=["bad-percent", "percent-not-utf8", "raw-not-utf8", "truncated-utf8", "lone-percent"],
)
async def test_twilio_malformed_form_is_400(web: Web, body: bytes) -> None:
    response = await web.client.post(
        MESSAGES,
        content=body,
        headers={"content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "x"},
    )
    assert response.status_code == 400, response.text
    assert await counts(web.runtime) == (0, 0, 0)


async def test_twilio_repeated_field_is_400(web: Web) -> None:
    response = await web.client.post(
        MESSAGES,
        content=b"Body=a&Body=b&From=%2B31612345678&MessageSid=SM1",
        headers={"content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "x"},
    )
    assert response.status_code == 400
    assert await counts(web.runtime) == (0, 0, 0)


@pytest.mark.parametrize(
    "missing", [("MessageSid", "SmsMessageSid", "SmsSid"), ("From",)], ids=["sid", "from"]
)
async def test_twilio_signed_but_incomplete_is_400(web: Web, missing: tuple[str, ...]) -> None:
    form = {k: v for k, v in fixture_json("twilio", "sms_inbound.json").items() if k not in missing}
    response = await post_twilio(web, MESSAGES, form)
    assert response.status_code == 400
    assert await counts(web.runtime) == (0, 0, 0)


async def test_twilio_signed_empty_form_is_400(web: Web) -> None:
    response = await post_twilio(web, MESSAGES, {})
    assert response.status_code == 400
    assert await counts(web.runtime) == (0, 0, 0)


@pytest.mark.parametrize("streamed", [False, True], ids=["content-length", "streamed"])
async def test_twilio_oversized_is_413(web: Web, streamed: bool) -> None:
    form = sms_form("x" * MAX_BODY)
    body = urlencode(form).encode()
    response = await web.client.post(
        MESSAGES,
        content=chunked(body) if streamed else body,
        headers={
            "content-type": "application/x-www-form-urlencoded",
            "x-twilio-signature": sign(PUBLIC_BASE_URL + MESSAGES, form),
        },
    )
    assert response.status_code == 413
    assert await counts(web.runtime) == (0, 0, 0)


async def test_twilio_off_is_404(database_url: str, clock: FixedClock, providers: respx.MockRouter) -> None:
    settings = {k: v for k, v in CHANNEL_SETTINGS.items() if not k.startswith("TWILIO_")}
    async with serve(Runtime(make_settings(database_url, **settings), clock=clock)) as web:
        form = fixture_json("twilio", "sms_inbound.json")
        response = await post_twilio(web, MESSAGES, form)
        assert response.status_code == 404
        assert (
            await post_twilio(web, STATUS, fixture_json("twilio", "status_delivered.json"))
        ).status_code == 404
        assert await counts(web.runtime) == (0, 0, 0)


# --- Twilio status callbacks ----------------------------------------------------------------------------


async def make_outbox_row(
    runtime: Runtime,
    channel: str,
    address: str,
    *,
    provider_id: str | None,
    status: str = "sent",
    needs_reconcile: bool = False,
) -> int:
    now = runtime.clock()
    async with runtime.sessions() as session, session.begin():
        found = await identity_for(session, channel, address, now)
        row = outbox.enqueue(
            session,
            person_id=found.person_id,
            identity_id=found.id,
            channel=channel,
            text_key="menu",
            body="Waar kan ik mee helpen?",
            choices=[],
            now=now,
        )
        row.status = status
        row.provider_id = provider_id
        row.needs_reconcile = needs_reconcile
        row.attempts = 1
        row.first_attempt_at = now
        if status == "sent":
            row.sent_at = now
        await session.flush()
        return row.id


async def outbox_row(runtime: Runtime, row_id: int) -> OutboxMessage:
    async with runtime.sessions() as session:
        row = await session.get(OutboxMessage, row_id)
        assert row is not None
        return row


STATUS_CASES = {
    # fixture: (channel, address, delivery status, error, address stopped afterwards)
    "status_delivered.json": ("sms", "+31612345678", "delivered", None, False),
    "status_undelivered_21610.json": ("sms", "+31612345678", "undelivered", "21610", True),
    "status_whatsapp_63016.json": ("whatsapp", "+31611122233", "failed", "63016", False),
}


@pytest.mark.parametrize("name", sorted(STATUS_CASES))
async def test_twilio_status_updates_delivery_state(web: Web, clock: FixedClock, name: str) -> None:
    form = fixture_json("twilio", name)
    channel, address, status, error, stopped = STATUS_CASES[name]
    row_id = await make_outbox_row(web.runtime, channel, address, provider_id=form["MessageSid"])
    other_id = await make_outbox_row(web.runtime, channel, address, provider_id="SMsomethingelse")
    clock.advance(seconds=30)

    response = await post_twilio(web, STATUS, form)
    assert response.status_code == 200
    row = await outbox_row(web.runtime, row_id)
    assert (row.delivery_status, row.delivery_error) == (status, error)
    assert row.delivery_updated_at == clock.now
    assert row.status == "sent"
    untouched = await outbox_row(web.runtime, other_id)
    assert untouched.delivery_status is None
    found = await identity(web.runtime, channel, address)
    assert found is not None
    assert (found.stopped_at is not None) is stopped
    if stopped:
        assert found.stop_reason == "opted_out"


async def test_twilio_status_for_unknown_sid_changes_nothing(web: Web) -> None:
    row_id = await make_outbox_row(web.runtime, "sms", "+31612345678", provider_id="SMours")
    response = await post_twilio(web, STATUS, fixture_json("twilio", "status_undelivered_21610.json"))
    assert response.status_code == 200
    assert (await outbox_row(web.runtime, row_id)).delivery_status is None
    found = await identity(web.runtime, "sms", "+31612345678")
    assert found is not None and found.stopped_at is None


async def test_twilio_status_with_outbox_id_settles_an_unknown_send(web: Web) -> None:
    form = fixture_json("twilio", "status_delivered.json")
    row_id = await make_outbox_row(
        web.runtime, "sms", "+31612345678", provider_id=None, status="unknown", needs_reconcile=True
    )
    response = await post_twilio(web, STATUS, form, query=f"o={row_id}")
    assert response.status_code == 200
    row = await outbox_row(web.runtime, row_id)
    assert row.status == "sent"
    assert row.provider_id == form["MessageSid"]
    assert row.needs_reconcile is False
    assert row.sent_at is not None
    assert row.delivery_status == "delivered"


async def test_twilio_status_query_is_part_of_the_signature(web: Web) -> None:
    form = fixture_json("twilio", "status_delivered.json")
    row_id = await make_outbox_row(
        web.runtime, "sms", "+31612345678", provider_id=None, status="unknown", needs_reconcile=True
    )
    # Signed without the query (or for another row): someone rewrote the URL.
    for signed_url in (PUBLIC_BASE_URL + STATUS, f"{PUBLIC_BASE_URL}{STATUS}?o={row_id + 1}"):
        response = await post_twilio(web, STATUS, form, query=f"o={row_id}", signed_url=signed_url)
        assert response.status_code == 403
    row = await outbox_row(web.runtime, row_id)
    assert (row.status, row.provider_id, row.needs_reconcile) == ("unknown", None, True)


@pytest.mark.parametrize(
    "outbox_id", ["abc", "-1", "²", "9" * 30, ""], ids=["word", "negative", "superscript", "huge", "empty"]
)
async def test_twilio_status_with_odd_outbox_id_is_not_a_500(web: Web, outbox_id: str) -> None:
    form = fixture_json("twilio", "status_delivered.json")
    row_id = await make_outbox_row(web.runtime, "sms", "+31612345678", provider_id=form["MessageSid"])
    response = await post_twilio(web, STATUS, form, query=urlencode({"o": outbox_id}))
    assert response.status_code == 200
    assert (await outbox_row(web.runtime, row_id)).delivery_status == "delivered"


async def test_twilio_status_bad_signature_changes_nothing(web: Web) -> None:
    form = fixture_json("twilio", "status_undelivered_21610.json")
    row_id = await make_outbox_row(web.runtime, "sms", "+31612345678", provider_id=form["MessageSid"])
    for kwargs in (
        {"signature": sign(PUBLIC_BASE_URL + STATUS, form, token="wrong")},
        {"signed_url": INTERNAL_BASE + STATUS},
        {"signature": ""},
    ):
        response = await post_twilio(web, STATUS, form, **kwargs)
        assert response.status_code == 403
    row = await outbox_row(web.runtime, row_id)
    assert (row.delivery_status, row.delivery_error) == (None, None)
    found = await identity(web.runtime, "sms", "+31612345678")
    assert found is not None and found.stopped_at is None


async def test_twilio_status_without_status_is_400(web: Web) -> None:
    form = {
        k: v
        for k, v in fixture_json("twilio", "status_delivered.json").items()
        if k not in ("MessageStatus", "SmsStatus")
    }
    response = await post_twilio(web, STATUS, form)
    assert response.status_code == 400


# --- Unicode through both webhooks ----------------------------------------------------------------------

_LONG = ("Hulp nodig? ij ë 👍 مرحبا " * 600)[:10_000]
UNICODE_TEXTS = {
    "rtl": "مرحبا، أحتاج مساعدة مع boodschappen",
    "rtl-overrides": "\u202ebeep\u202c \u200f\u05e9\u05dc\u05d5\u05dd\u200e",  # Hebrew "shalom"
    "zero-width": "hal\u200blo\u200c\u200d\u2060\ufeff",
    "zero-width-stop": "STOP\u200b",
    "emoji": "👩‍👩‍👧‍👦 🇳🇱 👍🏽 ❤️",
    "combining": "Zoe\u0308 cafe\u0301 a\u0300\u0301\u0302\u0303\u0304",
    "four-byte": "\U0001d573\U0001d58a\U0001d591\U0001d595 𠜎𠜱 🀄 𓀀",  # Fraktur "Help", CJK ext. B
    "long": _LONG,
    "whitespace": "  \n\t hallo \r\n ",
    "empty": "",
}


def test_long_text_is_ten_thousand_characters() -> None:
    assert len(UNICODE_TEXTS["long"]) == 10_000


@pytest.mark.parametrize("name", sorted(UNICODE_TEXTS))
async def test_unicode_through_twilio(web: Web, name: str) -> None:
    text = UNICODE_TEXTS[name]
    form = sms_form(text)
    assert_twiml(await post_twilio(web, MESSAGES, form))
    [row] = await inbound_rows(web.runtime)
    assert row.event.get("text", "") == text
    await settle(web.runtime)
    assert await count(web.runtime, OutboxMessage) >= 1


@pytest.mark.parametrize("ascii_only", [True, False], ids=["escaped", "utf8"])
@pytest.mark.parametrize("name", sorted(UNICODE_TEXTS))
async def test_unicode_through_telegram(web: Web, name: str, ascii_only: bool) -> None:
    text = UNICODE_TEXTS[name]
    update = telegram_text(text)
    response = await post_telegram(web, content=json.dumps(update, ensure_ascii=ascii_only).encode())
    assert response.status_code == 200, response.text
    [row] = await inbound_rows(web.runtime)
    assert row.event.get("text", "") == text
    await settle(web.runtime)
    assert await count(web.runtime, OutboxMessage) >= 1


async def test_telegram_lone_surrogate_is_400(web: Web) -> None:
    """Not Unicode at all: refused at the edge rather than failing in the database."""
    body = (
        b'{"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 5, "type": "private"},'
        b' "text": "a\\ud800b"}}'
    )
    response = await post_telegram(web, content=body)
    assert response.status_code == 400
    assert await counts(web.runtime) == (0, 0, 0)


async def test_nul_character_through_twilio(web: Web) -> None:
    form = sms_form("hal\x00lo")
    assert_twiml(await post_twilio(web, MESSAGES, form))
    [row] = await inbound_rows(web.runtime)
    assert row.event["text"] == "hal\ufffdlo", "NUL is stored as the replacement character on every database"


async def test_nul_character_through_telegram(web: Web) -> None:
    response = await post_telegram(web, telegram_text("hal\x00lo"))
    assert response.status_code == 200
    [row] = await inbound_rows(web.runtime)
    assert row.event["text"] == "hal\ufffdlo"


# --- STOP through the webhook ---------------------------------------------------------------------------


async def test_sms_stop_then_silence_then_start(web: Web) -> None:
    address = "+31612345678"
    assert_twiml(await post_twilio(web, MESSAGES, fixture_json("twilio", "sms_inbound_stop.json")))
    await settle(web.runtime)
    stopped = await identity(web.runtime, "sms", address)
    assert stopped is not None and stopped.stopped_at is not None
    assert stopped.stop_reason == "stop_keyword"
    [confirmation] = await outbox_rows(web.runtime)
    assert confirmation.text_key == "stop_confirmed"
    assert confirmation.allow_when_stopped is True
    assert confirmation.identity_id == stopped.id

    assert_twiml(await post_twilio(web, MESSAGES, sms_form("hallo", sender=address)))
    await settle(web.runtime)
    assert await counts(web.runtime) == (2, 1, 1)
    assert await count(web.runtime, InboundMessage, InboundMessage.processed_at.is_(None)) == 0

    assert_twiml(await post_twilio(web, MESSAGES, sms_form("START", sender=address)))
    await settle(web.runtime)
    restarted = await identity(web.runtime, "sms", address)
    assert restarted is not None and restarted.stopped_at is None
    rows = await outbox_rows(web.runtime)
    assert [row.text_key for row in rows] == ["stop_confirmed", "start_confirmed"]
    assert rows[1].allow_when_stopped is False


@pytest.mark.parametrize("word", ["STOPPEN", "afmelden", "Stop!"])
async def test_sms_stop_words(web: Web, word: str) -> None:
    assert_twiml(await post_twilio(web, MESSAGES, sms_form(word, sender="+31600000001")))
    await settle(web.runtime)
    found = await identity(web.runtime, "sms", "+31600000001")
    assert found is not None and found.stopped_at is not None
    assert [row.text_key for row in await outbox_rows(web.runtime)] == ["stop_confirmed"]


# --- health and metrics ---------------------------------------------------------------------------------


async def test_healthz_ok(web: Web) -> None:
    await web.runtime.heartbeat()  # a worker runs (the in-process client starts no lifespan)
    response = await web.client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["channels"] == ["sms", "telegram", "whatsapp"]
    assert body["workers"] == {"alive": 1, "stale": 0}
    assert body["outbox_oldest_due_seconds"] == 0 and body["crisis_alerts_unhandled"] == 0


async def test_healthz_reports_stale_workers_a_stuck_outbox_and_unhandled_crises(
    web: Web, clock: FixedClock
) -> None:
    await web.runtime.heartbeat()
    await make_outbox_row(web.runtime, "sms", "+31612345678", provider_id=None, status="pending")
    async with web.runtime.sessions() as session, session.begin():
        session.add(StaffAlert(kind="crisis_suicide", priority="high", created_at=clock()))
    clock.advance(minutes=16)  # the worker stopped beating, the row waits, nobody took the alert
    response = await web.client.get("/healthz")
    assert response.status_code == 200, "a web process is not the one to restart"
    body = response.json()
    assert body["status"] == "degraded"
    assert body["workers"] == {"alive": 0, "stale": 1}
    assert body["outbox_oldest_due_seconds"] >= 16 * 60
    assert body["crisis_alerts_unhandled"] == 1
    await web.runtime.refresh_health_metrics()
    assert _sample("voordeur_workers_stale", {}) == 1
    assert _sample("voordeur_crisis_alerts_unhandled", {}) == 1
    assert _sample("voordeur_outbox_oldest_due_seconds", {}) >= 16 * 60

    await web.runtime.heartbeat()
    async with web.runtime.sessions() as session, session.begin():
        for alert in (await session.execute(select(StaffAlert))).scalars():
            alert.resolved_at = clock()
    body = (await web.client.get("/healthz")).json()
    assert body["workers"] == {"alive": 1, "stale": 0} and body["crisis_alerts_unhandled"] == 0


async def test_a_worker_that_stops_cleanly_leaves_no_heartbeat(database_url: str, clock: FixedClock) -> None:
    runtime = Runtime(make_settings(database_url), clock=clock)
    await runtime.start(worker=True)
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(WorkerHeartbeat)) == 1
    await runtime.stop()
    check = Runtime(make_settings(database_url), clock=clock)
    try:
        async with check.sessions() as session:
            assert await session.scalar(select(func.count()).select_from(WorkerHeartbeat)) == 0
    finally:
        await check.db.dispose()


@pytest.mark.parametrize(
    "database_url",
    [
        "postgresql+psycopg://postgres@127.0.0.1:1/postgres",
        "sqlite:////nonexistent-voordeur-dir/sub/voordeur.db",
    ],
    ids=["postgres-port-closed", "sqlite-missing-dir"],
)
async def test_healthz_database_unreachable_is_503(database_url: str, clock: FixedClock) -> None:
    async with serve(Runtime(make_settings(database_url), clock=clock)) as web:
        response = await web.client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["status"] != "ok"
    await _aiosqlite_threads_finished()


async def _aiosqlite_threads_finished(timeout: float = 5.0) -> None:
    """aiosqlite answers the stop it queues after a failed connect from its worker thread, and resolves
    that future before it checks for the stop: if this test's event loop closes first, the thread raises
    "Event loop is closed", and pytest reports it at some later test. Let those threads end while the
    loop still runs."""
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        workers = [
            thread
            for thread in threading.enumerate()
            if getattr(getattr(thread, "_target", None), "__name__", "") == "_connection_worker_thread"
        ]
        if not workers:
            return
        await asyncio.sleep(0.01)


async def test_healthz_after_dispose_recovers(web: Web) -> None:
    await web.runtime.db.dispose()
    assert (await web.client.get("/healthz")).status_code == 200


def _sample(name: str, labels: dict[str, str]) -> float:
    return metrics.REGISTRY.get_sample_value(name, labels) or 0.0


async def test_metrics(web: Web) -> None:
    before = _sample("voordeur_inbound_messages_total", {"channel": "sms", "result": "stored"})
    before_tg = _sample("voordeur_inbound_messages_total", {"channel": "telegram", "result": "stored"})
    before_dup = _sample("voordeur_inbound_messages_total", {"channel": "sms", "result": "duplicate"})
    form = sms_form("hallo", sender="+31698765432")
    assert_twiml(await post_twilio(web, MESSAGES, form))
    assert_twiml(await post_twilio(web, MESSAGES, form))
    assert (await post_telegram(web, telegram_text("hallo", chat_id=5559876))).status_code == 200
    assert (
        await post_telegram(web, telegram_text("hallo", chat_id=5559876), secret="nope")
    ).status_code == 403
    await settle(web.runtime)

    response = await web.client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    for name in (
        "voordeur_inbound_messages_total",
        "voordeur_outbound_messages_total",
        "voordeur_send_failures_total",
        "voordeur_outbox_queue_depth",
        "voordeur_webhook_seconds_bucket",
        "voordeur_reply_latency_seconds",
    ):
        assert name in text
    assert 'voordeur_webhook_rejected_total{route="telegram",status="403"}' in text
    for secret in ("31698765432", "698765432", "5559876", "hallo", form["MessageSid"], SECRET, TWILIO_TOKEN):
        assert secret not in text
    assert _sample("voordeur_inbound_messages_total", {"channel": "sms", "result": "stored"}) == before + 1
    assert (
        _sample("voordeur_inbound_messages_total", {"channel": "sms", "result": "duplicate"})
        == before_dup + 1
    )
    assert (
        _sample("voordeur_inbound_messages_total", {"channel": "telegram", "result": "stored"})
        == before_tg + 1
    )
    # Two first contacts, each welcomed and asked for a name.
    assert await counts(web.runtime) == (2, 2, 4)


async def test_every_response_carries_a_request_id_and_logs_use_it(
    web: Web, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from bot.logs import JsonFormatter

    caplog.set_level(logging.DEBUG)  # "inbound stored" is a debug line (VOORDEUR_LOG_LEVEL=debug)
    given = await web.client.get("/healthz", headers={"x-request-id": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    made = await web.client.get("/healthz", headers={"x-request-id": "not ok; <script>"})
    assert made.headers["x-request-id"] != "not ok; <script>" and len(made.headers["x-request-id"]) == 32
    response = await post_twilio(web, MESSAGES, sms_form("hallo", sender="+31600000042"))
    await settle(web.runtime)
    request_id = response.headers["x-request-id"]
    lines = [json.loads(JsonFormatter().format(record)) for record in caplog.records]
    stored = [line for line in lines if line["message"] == "inbound stored"]
    assert stored and stored[-1]["request_id"] == request_id


async def test_the_per_message_trail_is_off_at_the_default_level(
    web: Web, providers: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    """At INFO (VOORDEUR_LOG_LEVEL's default) a stored message and a delivered send leave no line: the
    rows are the record, and a trail of who wrote when would outlive an erasure in the logs."""
    import logging

    caplog.set_level(logging.INFO)
    await post_twilio(web, MESSAGES, sms_form("hallo", sender="+31600000043"))
    await settle(web.runtime)
    providers.post(url__regex=r"^http://twilio\.test/.*/Messages\.json$").respond(
        201, json={"sid": "SM00000000000000000000000000000001", "status": "queued"}
    )
    assert await web.runtime.sender.send_due() >= 1
    rows = await outbox_rows(web.runtime)
    assert "sent" in {row.status for row in rows}  # the next one waits for the chat's pace
    messages = [record.getMessage() for record in caplog.records]
    assert "inbound stored" not in messages and "send" not in messages


async def test_ingest_only_stores_and_answers_and_leaves_the_step_to_another_process(
    database_url: str, clock: FixedClock, providers: respx.MockRouter
) -> None:
    """VOORDEUR_INGEST_ONLY: the webhook is stored and answered 200, nothing is processed here; an engine
    of another process (here: a second runtime) then answers it."""
    ingest = Runtime(make_settings(database_url, VOORDEUR_INGEST_ONLY=True, **CHANNEL_SETTINGS), clock=clock)
    async with serve(ingest) as web:
        await ingest.start(worker=True)
        assert (await post_telegram(web, telegram_text("hallo"))).status_code == 200
        await settle(ingest)
        [row] = await inbound_rows(ingest)
        assert row.processed_at is None and await count(ingest, OutboxMessage) == 0
    worker = Runtime(make_settings(database_url, **CHANNEL_SETTINGS), clock=clock)
    try:
        assert await worker.engine.process_person(row.person_id) == 1
        assert await count(worker, OutboxMessage) > 0
    finally:
        await worker.db.dispose()


async def test_ingest_only_settles_the_heap_once_started(
    database_url: str, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ingest-only process leaves its start-up out of later full collections as a whole process does
    (bot/heap.py): before, each full collection walked every module loaded at start while the
    webhooks waited (75-125 ms, bench.ingest's p99)."""
    settled: list[bool] = []
    monkeypatch.setattr("bot.runtime.heap.settle", lambda: settled.append(True))
    ingest = Runtime(make_settings(database_url, VOORDEUR_INGEST_ONLY=True, **CHANNEL_SETTINGS), clock=clock)
    try:
        await ingest.start(worker=True)
        assert settled == [True]
    finally:
        await ingest.stop()
