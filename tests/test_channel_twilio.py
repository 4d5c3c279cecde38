"""Twilio SMS and WhatsApp: tables of raw payloads → parsed messages, and mocked API answers → outcomes."""

from __future__ import annotations

import asyncio
import base64
import json
import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

import httpx
import pytest
import respx

from bot.channels.base import Ignored, InboundMessage, OutboundMessage, SendResult, StatusUpdate
from bot.channels.twilio import (
    MalformedTwilioPayload,
    TwilioAdapter,
    form_body,
    parse_inbound,
    parse_status,
)
from flows.types import Event

FIXTURES = Path(__file__).parents[1].parent / "shared" / "fixtures" / "twilio"

SID = "AC00000000000000000000000000000001"
TOKEN = "test-auth-token"
BASE = "https://twilio.test"
MESSAGES_URL = f"{BASE}/2010-04-01/Accounts/{SID}/Messages.json"
SMS_NUMBER = "+3197010000001"
WHATSAPP_NUMBER = "whatsapp:+3197010000002"
PERSON = "+31612345678"
CALLBACK = "https://voordeur.test/webhooks/twilio/status"
CREATED_SID = "SM7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f"


def fixture(name: str) -> dict[str, Any]:
    """One real-format payload from the shared fixtures."""
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


# --- inbound: every fixture file has a row --------------------------------------------------------------

INBOUND_CASES: dict[str, InboundMessage | Ignored] = {
    "sms_inbound.json": InboundMessage(
        channel="sms",
        provider_id="SM2f6a1c9e0b8d4e7f9a3b5c7d9e1f3a5b",
        address="+31612345678",
        event=Event(kind="text", text="Hallo, ik heb hulp nodig met mijn tuin"),
    ),
    "sms_inbound_stop.json": InboundMessage(
        channel="sms",
        provider_id="SM7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f",
        address="+31612345678",
        event=Event(kind="text", text="Stop"),
    ),
    "sms_inbound_ucs2.json": InboundMessage(
        channel="sms",
        provider_id="SMa9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4",
        address="+31687654321",
        event=Event(kind="text", text="Kan iemand mij donderdag naar de huisarts brengen? 🙏 Dank je wel!"),
    ),
    "whatsapp_inbound_text.json": InboundMessage(
        channel="whatsapp",
        provider_id="SM0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e",
        address="+31611122233",
        event=Event(kind="text", text="Goedemorgen, het gaat wel deze week"),
    ),
    "whatsapp_inbound_button.json": InboundMessage(
        channel="whatsapp",
        provider_id="SM1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f",
        address="+31611122233",
        event=Event(kind="choice", choice="checkin:heavy", text="Zwaar"),
    ),
    "whatsapp_inbound_location.json": InboundMessage(
        channel="whatsapp",
        provider_id="SM3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b",
        address="+31611122233",
        event=Event(kind="location"),
    ),
    "whatsapp_inbound_voice.json": InboundMessage(
        channel="whatsapp",
        provider_id="MM2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a",
        address="+31611122233",
        event=Event(kind="media", text="", meta={"media_types": ["audio/ogg"]}),
    ),
}

STATUS_CASES: dict[str, StatusUpdate] = {
    "status_delivered.json": StatusUpdate("SM4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c", "delivered", None),
    "status_undelivered_21610.json": StatusUpdate(
        "SM5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d", "undelivered", "21610"
    ),
    "status_whatsapp_63016.json": StatusUpdate("SM6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e", "failed", "63016"),
}


def test_every_webhook_fixture_has_a_case() -> None:
    """A new fixture without an expected result fails here, so the table cannot silently fall behind."""
    webhooks = {
        path.name for path in FIXTURES.glob("*.json") if "inbound" in path.name or "status" in path.name
    }
    assert webhooks == set(INBOUND_CASES) | set(STATUS_CASES)


@pytest.mark.parametrize(("name", "expected"), INBOUND_CASES.items(), ids=list(INBOUND_CASES))
def test_parse_inbound_fixture(name: str, expected: InboundMessage | Ignored) -> None:
    assert parse_inbound(fixture(name)) == expected


@pytest.mark.parametrize(("name", "expected"), STATUS_CASES.items(), ids=list(STATUS_CASES))
def test_parse_status_fixture(name: str, expected: StatusUpdate) -> None:
    assert parse_status(fixture(name)) == expected


SMS_BASE = {"MessageSid": "SM00000000000000000000000000000009", "From": "+31612345678", "NumMedia": "0"}

SYNTHETIC_INBOUND: list[tuple[str, dict[str, str], InboundMessage | Ignored]] = [
    (
        "legacy SmsMessageSid only",
        {"SmsMessageSid": "SM1", "From": "+31612345678", "Body": "Hoi"},
        InboundMessage("sms", "SM1", "+31612345678", Event(kind="text", text="Hoi")),
    ),
    (
        "empty body, no media",
        {**SMS_BASE, "Body": ""},
        InboundMessage("sms", SMS_BASE["MessageSid"], "+31612345678", Event(kind="text", text="")),
    ),
    (
        "photo with caption, two attachments, urls dropped",
        {
            **SMS_BASE,
            "From": "whatsapp:+31611122233",
            "Body": "Mijn kapotte fiets",
            "NumMedia": "2",
            "MediaUrl0": "https://api.twilio.com/media/0",
            "MediaContentType0": "image/jpeg",
            "MediaUrl1": "https://api.twilio.com/media/1",
            "MediaContentType1": "image/png",
            "ProfileName": "Henk",
            "WaId": "31611122233",
        },
        InboundMessage(
            "whatsapp",
            SMS_BASE["MessageSid"],
            "+31611122233",
            Event(kind="media", text="Mijn kapotte fiets", meta={"media_types": ["image/jpeg", "image/png"]}),
        ),
    ),
    (
        "alphanumeric sender",
        {**SMS_BASE, "From": "KPN", "Body": "Uw tegoed"},
        Ignored(reason="sender is not a phone number (short code or alphanumeric)"),
    ),
    (
        "other Twilio channel",
        {**SMS_BASE, "From": "messenger:1234567890", "Body": "Hoi"},
        Ignored(reason="sender address is not a supported channel"),
    ),
]


@pytest.mark.parametrize(
    ("form", "expected"),
    [(form, expected) for _, form, expected in SYNTHETIC_INBOUND],
    ids=[c[0] for c in SYNTHETIC_INBOUND],
)
def test_parse_inbound_edge_cases(form: dict[str, str], expected: InboundMessage | Ignored) -> None:
    assert parse_inbound(form) == expected


@pytest.mark.parametrize("missing", ["MessageSid", "From"])
def test_parse_inbound_without_required_field_is_a_value_error(missing: str) -> None:
    form = fixture("sms_inbound.json")
    form.pop(missing)
    form.pop("SmsMessageSid")
    with pytest.raises(ValueError):
        parse_inbound(form)


def test_parse_inbound_keeps_no_profile_data() -> None:
    """Data minimisation: nothing about the person beyond their number leaves the webhook."""
    message = parse_inbound(fixture("whatsapp_inbound_button.json"))
    assert isinstance(message, InboundMessage)
    assert "Henk" not in repr(message)
    assert message.event.meta == {}


def test_parse_inbound_location_keeps_no_coordinates_address_or_label() -> None:
    message = parse_inbound(fixture("whatsapp_inbound_location.json"))
    assert isinstance(message, InboundMessage)
    assert message.event.kind == "location" and message.event.meta == {}


def test_parse_status_without_status_is_malformed() -> None:
    with pytest.raises(MalformedTwilioPayload):
        parse_status({"MessageSid": "SM1"})


# --- outbound ------------------------------------------------------------------------------------------


@pytest.fixture
async def adapter() -> AsyncIterator[TwilioAdapter]:
    adapter = TwilioAdapter(
        account_sid=SID,
        auth_token=TOKEN,
        sms_number=SMS_NUMBER,
        whatsapp_number=WHATSAPP_NUMBER,
        api_base_url=BASE,
        status_callback_url=CALLBACK,
        timeout=3.0,
    )
    yield adapter
    await adapter.aclose()


def sms(text: str = "Welkom bij Voordeur!", choices: tuple[tuple[str, str], ...] = ()) -> OutboundMessage:
    return OutboundMessage(outbox_id=42, channel="sms", address=PERSON, text=text, choices=choices)


def form_of(request: httpx.Request) -> dict[str, str]:
    """The form fields of a mocked request, one value each."""
    return {key: values[0] for key, values in parse_qs(request.content.decode()).items()}


def created() -> httpx.Response:
    return httpx.Response(201, json=fixture("messages_create_response_201.json"))


@respx.mock
async def test_send_sms_request_shape_and_sent(adapter: TwilioAdapter) -> None:
    route = respx.post(MESSAGES_URL).mock(return_value=created())

    result = await adapter.send(sms())

    assert result == SendResult("sent", provider_id=CREATED_SID)
    request = route.calls.last.request
    assert request.url == MESSAGES_URL
    assert form_of(request) == {
        "To": PERSON,
        "From": SMS_NUMBER,
        "Body": "Welkom bij Voordeur!",
        "StatusCallback": f"{CALLBACK}?o=42",
    }
    expected_auth = "Basic " + base64.b64encode(f"{SID}:{TOKEN}".encode()).decode()
    assert request.headers["Authorization"] == expected_auth
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"


@respx.mock
async def test_send_whatsapp_prefixes_and_numbered_choices(adapter: TwilioAdapter) -> None:
    route = respx.post(MESSAGES_URL).mock(return_value=created())
    message = OutboundMessage(
        outbox_id=7,
        channel="whatsapp",
        address="+31611122233",
        text="Hoe gaat het deze week?",
        choices=(("checkin:fine", "Goed"), ("checkin:heavy", "Zwaar")),
    )

    result = await adapter.send(message)

    assert result.outcome == "sent"
    fields = form_of(route.calls.last.request)
    assert fields["To"] == "whatsapp:+31611122233"
    assert fields["From"] == WHATSAPP_NUMBER
    assert fields["Body"] == "Hoe gaat het deze week?\n1 Goed\n2 Zwaar"
    assert fields["StatusCallback"] == f"{CALLBACK}?o=7"


@respx.mock
async def test_send_without_status_callback_leaves_the_field_out() -> None:
    route = respx.post(MESSAGES_URL).mock(return_value=created())
    adapter = TwilioAdapter(SID, TOKEN, SMS_NUMBER, None, api_base_url=BASE)

    await adapter.send(sms())

    assert "StatusCallback" not in form_of(route.calls.last.request)
    await adapter.aclose()


async def test_send_on_unconfigured_channel_fails_without_a_request() -> None:
    adapter = TwilioAdapter(SID, TOKEN, SMS_NUMBER, None, api_base_url=BASE)
    with respx.mock(assert_all_called=False) as mock:
        route = mock.post(MESSAGES_URL)
        result = await adapter.send(OutboundMessage(1, "whatsapp", "+31611122233", "Hoi"))
    assert result == SendResult("failed", error="twilio:no_whatsapp_sender")
    assert not route.called
    await adapter.aclose()


def error_response(
    status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
) -> httpx.Response:
    return httpx.Response(status, json=payload, headers=headers)


ERROR_21211 = {
    "code": 21211,
    "message": f"The 'To' number {PERSON} is not a valid phone number.",
    "more_info": "https://www.twilio.com/docs/errors/21211",
    "status": 400,
}
ERROR_63016 = {
    "code": 63016,
    "message": "Failed to send freeform message because you are outside the allowed window.",
    "more_info": "https://www.twilio.com/docs/errors/63016",
    "status": 400,
}

ANSWER_CASES: list[tuple[str, httpx.Response, SendResult]] = [
    (
        "429 with Retry-After",
        error_response(429, fixture("error_429.json"), {"Retry-After": "7"}),
        SendResult("retry", retry_after=7.0, error="twilio:20429"),
    ),
    (
        "429 without Retry-After",
        error_response(429, fixture("error_429.json")),
        SendResult("retry", retry_after=None, error="twilio:20429"),
    ),
    (
        "500 without a code",
        httpx.Response(500, text="Internal Server Error"),
        SendResult("retry", error="twilio:http_500"),
    ),
    (
        "503 with Retry-After",
        error_response(
            503, {"code": 20503, "message": "Service unavailable", "status": 503}, {"Retry-After": "30"}
        ),
        SendResult("retry", retry_after=30.0, error="twilio:20503"),
    ),
    (
        "21610 opted out",
        error_response(400, fixture("error_21610.json")),
        SendResult("failed", error="twilio:21610", address_stopped=True),
    ),
    (
        "63016 outside the WhatsApp window",
        error_response(400, ERROR_63016),
        SendResult("failed", error="twilio:63016"),
    ),
    (
        "other 4xx",
        error_response(400, ERROR_21211),
        SendResult("failed", error="twilio:21211"),
    ),
    (
        "201 with an unreadable body",
        httpx.Response(201, text="<html>"),
        SendResult("unknown", error="twilio:unreadable_response"),
    ),
    (
        "201 without a SID",
        httpx.Response(201, json={"status": "queued"}),
        SendResult("unknown", error="twilio:no_sid"),
    ),
    (
        "RFC 9457 answer names its own status",
        error_response(400, {"type": "https://x.test/t", "title": "Busy", "status": 503, "code": 20503}),
        SendResult("retry", error="twilio:20503"),
    ),
    (
        "4xx that is not JSON",
        httpx.Response(403, text="<html>"),
        SendResult("failed", error="twilio:http_403"),
    ),
]


@pytest.mark.parametrize(
    ("answer", "expected"), [c[1:] for c in ANSWER_CASES], ids=[c[0] for c in ANSWER_CASES]
)
@respx.mock
async def test_send_classifies_api_answers(
    adapter: TwilioAdapter, answer: httpx.Response, expected: SendResult
) -> None:
    respx.post(MESSAGES_URL).mock(return_value=answer)

    result = await adapter.send(sms())

    assert result == expected
    # Errors are logged: they must carry neither the number nor the text.
    assert PERSON not in repr(result)
    assert "Welkom" not in repr(result)


@respx.mock
async def test_retry_after_as_http_date(adapter: TwilioAdapter) -> None:
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=120), usegmt=True)
    respx.post(MESSAGES_URL).mock(
        return_value=error_response(429, fixture("error_429.json"), {"Retry-After": later})
    )

    result = await adapter.send(sms())

    assert result.outcome == "retry"
    assert result.retry_after is not None
    assert 100 < result.retry_after <= 120


TRANSPORT_CASES: list[tuple[type[httpx.HTTPError], SendResult]] = [
    (httpx.ConnectError, SendResult("retry", error="twilio:connect_error")),
    (httpx.ConnectTimeout, SendResult("retry", error="twilio:connect_timeout")),
    (httpx.PoolTimeout, SendResult("retry", error="twilio:pool_timeout")),
    (httpx.ReadTimeout, SendResult("unknown", error="twilio:read_timeout")),
    (httpx.WriteTimeout, SendResult("unknown", error="twilio:write_timeout")),
    (httpx.RemoteProtocolError, SendResult("unknown", error="twilio:remote_protocol_error")),
    (httpx.ReadError, SendResult("unknown", error="twilio:read_error")),
]


@pytest.mark.parametrize(("error", "expected"), TRANSPORT_CASES, ids=[c[0].__name__ for c in TRANSPORT_CASES])
@respx.mock
async def test_send_classifies_transport_errors(
    adapter: TwilioAdapter, error: type[httpx.HTTPError], expected: SendResult
) -> None:
    respx.post(MESSAGES_URL).mock(side_effect=error("boom"))

    assert await adapter.send(sms()) == expected


@respx.mock
async def test_retry_after_of_one_send_does_not_leak_into_the_next(adapter: TwilioAdapter) -> None:
    """The second call never gets an answer, so it must not reuse the first call's Retry-After."""
    respx.post(MESSAGES_URL).mock(
        side_effect=[
            error_response(429, fixture("error_429.json"), {"Retry-After": "7"}),
            httpx.ConnectError("refused"),
        ]
    )
    assert (await adapter.send(sms())).retry_after == 7.0
    assert await adapter.send(sms()) == SendResult("retry", error="twilio:connect_error")


# --- reconciliation ------------------------------------------------------------------------------------


def test_confirms_by_callback_only_with_a_status_callback_url() -> None:
    """The outbox sender waits for Twilio's callback (carrying the row's id) only when there is one."""
    with_url = TwilioAdapter(SID, TOKEN, SMS_NUMBER, None, status_callback_url="https://x.test/status")
    without = TwilioAdapter(SID, TOKEN, SMS_NUMBER, None)
    assert with_url.confirms_by_callback and not without.confirms_by_callback
    assert not hasattr(with_url, "find_sent"), "no look-up by body: an identical message could match"


# --- the request ---------------------------------------------------------------------------------------


@respx.mock
async def test_send_timeouts_and_twilio_headers(adapter: TwilioAdapter) -> None:
    route = respx.post(MESSAGES_URL).mock(return_value=created())

    await adapter.send(sms())

    request = route.calls.last.request
    assert request.extensions["timeout"] == {"connect": 3.0, "read": 3.0, "write": 3.0, "pool": 3.0}
    assert request.headers["Accept"] == "application/json"
    assert request.headers["User-Agent"].startswith("twilio-python/")


@respx.mock
async def test_send_a_template_carries_content_sid_and_variables_not_body(adapter: TwilioAdapter) -> None:
    route = respx.post(MESSAGES_URL).mock(return_value=created())
    message = OutboundMessage(
        outbox_id=9,
        channel="whatsapp",
        address="+31611122233",
        text="niet verstuurd",
        content_sid="HX" + "0" * 32,
        content_variables={"1": "Ria"},
    )

    assert (await adapter.send(message)).outcome == "sent"

    fields = form_of(route.calls.last.request)
    assert fields == {
        "To": "whatsapp:+31611122233",
        "From": WHATSAPP_NUMBER,
        "StatusCallback": f"{CALLBACK}?o=9",
        "ContentSid": "HX" + "0" * 32,
        "ContentVariables": '{"1": "Ria"}',
    }


def test_adapter_rejects_missing_credentials() -> None:
    with pytest.raises(ValueError):
        TwilioAdapter("", TOKEN, SMS_NUMBER, None)


@respx.mock
async def test_default_base_url_ignores_twilio_region_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """TWILIO_API_BASE_URL is the one source of the host; twilio's TWILIO_REGION/EDGE must not rewrite it."""
    monkeypatch.setenv("TWILIO_REGION", "ie1")
    monkeypatch.setenv("TWILIO_EDGE", "dublin")
    route = respx.post(f"https://api.twilio.com/2010-04-01/Accounts/{SID}/Messages.json").mock(
        return_value=created()
    )
    adapter = TwilioAdapter(SID, TOKEN, SMS_NUMBER, None)

    assert (await adapter.send(sms())).outcome == "sent"
    assert route.called
    await adapter.aclose()


@respx.mock
async def test_concurrent_sends_keep_their_own_retry_after(adapter: TwilioAdapter) -> None:
    """Retry-After is read from the response of this send, not from whichever send answered last."""

    async def answer(request: httpx.Request) -> httpx.Response:
        body = form_of(request)["Body"]
        if body == "slow":
            await asyncio.sleep(0.05)
            return error_response(429, fixture("error_429.json"), {"Retry-After": "9"})
        return error_response(429, fixture("error_429.json"))

    respx.post(MESSAGES_URL).mock(side_effect=answer)

    slow, fast = await asyncio.gather(adapter.send(sms("slow")), adapter.send(sms("fast")))

    assert slow.retry_after == 9.0
    assert fast.retry_after is None


@pytest.mark.parametrize("sid", ["SM" + "a" * 70, "SM\x00abc", "SM-1", "S"])
def test_a_message_sid_that_is_not_a_sid_is_malformed(sid: str) -> None:
    form = {**fixture("sms_inbound.json"), "MessageSid": sid, "SmsMessageSid": sid}
    with pytest.raises(MalformedTwilioPayload):
        parse_inbound(form)


def test_a_huge_media_count_is_read_only_as_far_as_twilio_can_send() -> None:
    form = {**fixture("sms_inbound.json"), "NumMedia": "4000000000", "MediaContentType0": "image/jpeg"}
    message = parse_inbound(form)
    assert isinstance(message, InboundMessage)
    assert message.event.kind == "media" and message.event.meta == {"media_types": ["image/jpeg"]}


FORM_VALUES = [
    "",
    " ",
    "Hallo Ria, tot donderdag om 10:00! 1 = ja, 2 = nee",
    "+31612345678",
    "whatsapp:+31612345678",
    "https://voordeur.test/webhooks/twilio/status?o=12&x=a b",
    "a&b=c+d%e/f?g#h~i_j.k-l",
    "line one\nline two\r\n\ttab",
    "Merhaba, yard\u0131m i\u00e7in te\u015fekk\u00fcrler. \u0130yi g\u00fcnler!",
    "مرحبا، شكرا على المساعدة",
    "Дякую! Привіт 👋🏽 😀",
    "\x00\x7f\x80\xff\u0100",
]


@pytest.mark.parametrize("value", FORM_VALUES)
def test_a_sends_form_body_is_what_urlencode_writes(value: str) -> None:
    fields = [("To", PERSON), ("StatusCallback", CALLBACK + "?o=7"), ("From", SMS_NUMBER), ("Body", value)]
    assert form_body(fields) == urlencode(fields).encode()


def test_a_sends_form_body_matches_urlencode_on_random_text() -> None:
    """Every code point class a reply may hold (ASCII, Latin, Turkish, Arabic, Cyrillic, emoji)."""
    pool = [chr(c) for c in range(0x250)] + list("ğüşİçöəأبتثجحخДякуюЇї😀🙂👍🏽\u200d")
    rng = random.Random(16)
    for _ in range(2000):
        fields = [(name, "".join(rng.choices(pool, k=rng.randint(0, 60)))) for name in ("To", "From", "Body")]
        assert form_body(fields) == urlencode(fields).encode(), fields
