"""Telegram adapter: real-format updates in, mocked Bot API out (respx; never the real Telegram)."""

from __future__ import annotations

import copy
import json
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import respx

from bot.channels.base import AddressBlocked, Ignored, InboundMessage, OutboundMessage, SendResult
from bot.channels.telegram import (
    InvalidUpdate,
    TelegramAdapter,
    build_keyboard,
    parse_update,
)

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "telegram"
TOKEN = "123456:TEST-token"
API = f"http://telegram.test/bot{TOKEN}"


def load(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
async def adapter() -> AsyncIterator[TelegramAdapter]:
    telegram_adapter = TelegramAdapter(TOKEN, api_base_url="http://telegram.test/bot", timeout=2.0)
    await telegram_adapter.start()
    yield telegram_adapter
    await telegram_adapter.aclose()


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    """The mocked Bot API: unmocked requests fail, and every route a test sets up must be called."""
    with respx.mock(base_url=API, assert_all_called=True, assert_all_mocked=True) as router:
        yield router


# --------------------------------------------------------------------------------------------------
# Inbound: every fixture file
# --------------------------------------------------------------------------------------------------

# fixture name -> (result type, provider_id / reason, address, Event fields)
FIXTURE_TABLE: dict[str, tuple[type, str, str | None, dict[str, Any]]] = {
    "message_text": (
        InboundMessage,
        "870000001",
        "5550001",
        {
            "kind": "text",
            "text": "Ik zoek iemand die morgen boodschappen voor me kan doen",
            "language_hint": "nl",
        },
    ),
    "message_start_deeplink": (
        InboundMessage,
        "870000002",
        "5550002",
        {"kind": "command", "command": "start", "meta": {"payload": "link-482913"}, "language_hint": "en"},
    ),
    "callback_query": (
        InboundMessage,
        "870000003",
        "5550002",
        {"kind": "choice", "choice": "c:yes", "meta": {}, "language_hint": "en"},
    ),
    "message_voice": (
        InboundMessage,
        "870000004",
        "5550001",
        {"kind": "media", "text": "", "meta": {"media": "voice"}},
    ),
    "message_photo_caption": (
        InboundMessage,
        "870000005",
        "5550001",
        {"kind": "media", "text": "Deze lamp moet opgehangen worden", "meta": {"media": "photo"}},
    ),
    "message_location": (InboundMessage, "870000006", "5550001", {"kind": "location", "meta": {}}),
    "edited_message": (Ignored, "edited", None, {}),
    "group_message": (Ignored, "group_chat", None, {}),
    "my_chat_member_blocked": (AddressBlocked, "870000009", "5550002", {}),
    "message_sticker": (
        InboundMessage,
        "870000010",
        "5550001",
        {"kind": "media", "text": "", "meta": {"media": "sticker"}},
    ),
}


def test_fixture_table_covers_every_fixture_file() -> None:
    assert {path.stem for path in FIXTURES.glob("*.json")} == set(FIXTURE_TABLE)


@pytest.mark.parametrize("name", sorted(FIXTURE_TABLE))
async def test_fixture(adapter: TelegramAdapter, name: str) -> None:
    expected_type, key, address, event_fields = FIXTURE_TABLE[name]
    result = parse_update(load(name), adapter.bot)
    assert type(result) is expected_type
    if isinstance(result, Ignored):
        assert result.reason == key
        return
    assert result.channel == "telegram"
    assert result.provider_id == key
    assert result.address == address
    if isinstance(result, InboundMessage):
        for field, value in event_fields.items():
            assert getattr(result.event, field) == value, field


async def test_callback_query_carries_its_id(adapter: TelegramAdapter) -> None:
    result = parse_update(load("callback_query"), adapter.bot)
    assert isinstance(result, InboundMessage)
    assert result.callback_query_id == "4382bfdwdsb323b2d9"


async def test_messages_without_callback_have_no_callback_id(adapter: TelegramAdapter) -> None:
    result = parse_update(load("message_text"), adapter.bot)
    assert isinstance(result, InboundMessage)
    assert result.callback_query_id is None


@pytest.mark.parametrize("name", ["message_voice", "message_photo_caption", "message_sticker"])
async def test_media_keeps_no_file_ids(adapter: TelegramAdapter, name: str) -> None:
    result = parse_update(load(name), adapter.bot)
    assert isinstance(result, InboundMessage)
    assert "file" not in repr(result.event).lower()
    assert "AgAC" not in repr(result) and "AwAC" not in repr(result) and "CAAC" not in repr(result)


async def test_location_keeps_no_coordinates(adapter: TelegramAdapter) -> None:
    result = parse_update(load("message_location"), adapter.bot)
    assert isinstance(result, InboundMessage)
    assert "51.69" not in repr(result)


async def test_ignored_reasons_hold_no_personal_data(adapter: TelegramAdapter) -> None:
    for name in ("edited_message", "group_message"):
        result = parse_update(load(name), adapter.bot)
        assert isinstance(result, Ignored)
        assert "Kees" not in result.reason and "5550" not in result.reason and "ladder" not in result.reason


# --------------------------------------------------------------------------------------------------
# Inbound: variations on the fixtures
# --------------------------------------------------------------------------------------------------


def with_text(text: str) -> dict[str, Any]:
    data = load("message_text")
    data["message"]["text"] = text
    return data


@pytest.mark.parametrize(
    ("text", "kind", "command", "meta"),
    [
        ("/start", "command", "start", {}),
        ("/start abc", "command", "start", {"payload": "abc"}),
        ("/start@VoordeurBot abc", "command", "start", {"payload": "abc"}),
        ("/start@VoordeurBot", "command", "start", {}),
        ("/Start", "command", "start", {}),
        ("/stop", "command", "stop", {}),
        ("/stop@VoordeurBot", "command", "stop", {}),
        ("/menu", "command", "menu", {}),
        ("/help", "command", "help", {}),
        ("/weather", "text", None, {}),
        ("/", "text", None, {}),
        ("stop", "text", None, {}),
        ("hallo /start", "text", None, {}),
    ],
)
async def test_commands(
    adapter: TelegramAdapter, text: str, kind: str, command: str | None, meta: dict[str, str]
) -> None:
    result = parse_update(with_text(text), adapter.bot)
    assert isinstance(result, InboundMessage)
    assert result.event.kind == kind
    assert result.event.command == command
    assert dict(result.event.meta) == meta
    assert result.event.language_hint == "nl"
    if kind == "text":
        assert result.event.text == text


def media_message(extra: dict[str, Any]) -> dict[str, Any]:
    data = load("message_text")
    del data["message"]["text"]
    data["message"].update(extra)
    return data


FILE = {"file_id": "BQACAgQ", "file_unique_id": "AgAD"}


@pytest.mark.parametrize(
    ("extra", "media"),
    [
        ({"document": FILE, "caption": "mijn brief"}, "document"),
        ({"video": {**FILE, "width": 1, "height": 1, "duration": 1}}, "video"),
        ({"audio": {**FILE, "duration": 1}}, "audio"),
        ({"video_note": {**FILE, "length": 1, "duration": 1}}, "video_note"),
        ({"contact": {"phone_number": "+31612345678", "first_name": "Jan"}}, "contact"),
        (
            {
                "animation": {**FILE, "width": 1, "height": 1, "duration": 1},
                "document": FILE,
            },
            "animation",
        ),
    ],
)
async def test_other_media(adapter: TelegramAdapter, extra: dict[str, Any], media: str) -> None:
    result = parse_update(media_message(extra), adapter.bot)
    assert isinstance(result, InboundMessage)
    assert result.event.kind == "media"
    assert result.event.meta == {"media": media}
    assert result.event.text == extra.get("caption", "")
    assert "+3161" not in repr(result) and "BQAC" not in repr(result)


async def test_venue_is_a_location(adapter: TelegramAdapter) -> None:
    location = {"latitude": 51.69, "longitude": 5.95}
    venue = {"location": location, "title": "Buurthuis", "address": "Molenstraat 1"}
    result = parse_update(media_message({"venue": venue, "location": location}), adapter.bot)
    assert isinstance(result, InboundMessage)
    assert result.event.kind == "location"
    assert "Molenstraat" not in repr(result)


async def test_message_without_content_is_ignored(adapter: TelegramAdapter) -> None:
    assert parse_update(media_message({}), adapter.bot) == Ignored("no_content")


async def test_poll_message_is_ignored(adapter: TelegramAdapter) -> None:
    poll = {
        "id": "1",
        "question": "Wie?",
        "options": [
            {"persistent_id": "1", "text": "a", "voter_count": 0},
            {"persistent_id": "2", "text": "b", "voter_count": 0},
        ],
        "total_voter_count": 0,
        "is_closed": False,
        "is_anonymous": True,
        "type": "regular",
        "allows_multiple_answers": False,
        "allows_revoting": False,
        "members_only": False,
    }
    assert parse_update(media_message({"poll": poll}), adapter.bot) == Ignored("poll")


async def test_callback_query_in_group_is_ignored(adapter: TelegramAdapter) -> None:
    data = load("callback_query")
    data["callback_query"]["message"]["chat"] = {"id": -100123, "title": "Buurt", "type": "group"}
    assert parse_update(data, adapter.bot) == Ignored("group_chat")


async def test_callback_query_without_message_uses_the_user(adapter: TelegramAdapter) -> None:
    data = load("callback_query")
    del data["callback_query"]["message"]
    data["callback_query"]["inline_message_id"] = "AAAA"
    result = parse_update(data, adapter.bot)
    assert isinstance(result, InboundMessage)
    assert result.address == "5550002"
    assert result.event.choice == "c:yes"


async def test_callback_query_without_data_is_ignored(adapter: TelegramAdapter) -> None:
    data = load("callback_query")
    del data["callback_query"]["data"]
    data["callback_query"]["game_short_name"] = "game"
    assert parse_update(data, adapter.bot) == Ignored("callback_without_data")


async def test_unblock_is_ignored(adapter: TelegramAdapter) -> None:
    data = load("my_chat_member_blocked")
    member = data["my_chat_member"]
    member["old_chat_member"], member["new_chat_member"] = (
        {**member["new_chat_member"]},
        {"user": member["old_chat_member"]["user"], "status": "member"},
    )
    assert parse_update(data, adapter.bot) == Ignored("unblocked")


async def test_bot_removed_from_group_is_not_a_block(adapter: TelegramAdapter) -> None:
    data = load("my_chat_member_blocked")
    data["my_chat_member"]["chat"] = {"id": -100123, "title": "Buurt", "type": "supergroup"}
    data["my_chat_member"]["new_chat_member"]["status"] = "left"
    del data["my_chat_member"]["new_chat_member"]["until_date"]
    assert parse_update(data, adapter.bot) == Ignored("group_chat")


async def test_channel_post_is_ignored(adapter: TelegramAdapter) -> None:
    data = {
        "update_id": 1,
        "channel_post": {"message_id": 1, "date": 1, "chat": {"id": -1001, "type": "channel"}, "text": "x"},
    }
    assert parse_update(data, adapter.bot) == Ignored("group_chat")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            {
                "update_id": 5,
                "inline_query": {
                    "id": "1",
                    "from": {"id": 5550001, "is_bot": False, "first_name": "Ria"},
                    "query": "hulp",
                    "offset": "",
                },
            },
            "unsupported:inline_query",
        ),
        (
            {
                "update_id": 6,
                "chat_join_request": {
                    "chat": {"id": -1001, "type": "supergroup", "title": "Buurt"},
                    "from": {"id": 5550001, "is_bot": False, "first_name": "Ria"},
                    "user_chat_id": 5550001,
                    "date": 1,
                },
            },
            "unsupported:chat_join_request",
        ),
        ({"update_id": 7}, "unsupported"),
        ({"update_id": 8, "Ria de Vries": {}}, "unsupported"),
    ],
)
async def test_other_updates_are_ignored(adapter: TelegramAdapter, data: dict[str, Any], reason: str) -> None:
    assert parse_update(data, adapter.bot) == Ignored(reason)


@pytest.mark.parametrize(
    "data",
    [
        {},
        [],
        "update",
        {"update_id": "870000001", "message": load("message_text")["message"]},
        {"update_id": True},
        {"message": load("message_text")["message"]},
        {"update_id": 1, "message": {"text": "hoi"}},
        {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 1}}},
        {"update_id": 1, "callback_query": {"id": "1"}},
    ],
)
async def test_malformed_updates_raise_a_value_error(adapter: TelegramAdapter, data: Any) -> None:
    with pytest.raises(InvalidUpdate) as info:
        parse_update(data, adapter.bot)
    assert isinstance(info.value, ValueError)
    assert "hoi" not in str(info.value)


async def test_parse_needs_no_network(adapter: TelegramAdapter) -> None:
    with respx.mock(assert_all_mocked=True) as mock:
        parse_update(load("message_text"), adapter.bot)
    assert not mock.calls


# --------------------------------------------------------------------------------------------------
# Outbound
# --------------------------------------------------------------------------------------------------


def outbound(choices: tuple[tuple[str, str], ...] = (), address: str = "5550001") -> OutboundMessage:
    return OutboundMessage(
        outbox_id=7, channel="telegram", address=address, text="Kun je helpen?", choices=choices
    )


def ok_message(message_id: int = 42) -> httpx.Response:
    result = {
        "message_id": message_id,
        "date": 1763892000,
        "chat": {"id": 5550001, "type": "private", "first_name": "Ria"},
        "text": "Kun je helpen?",
    }
    return httpx.Response(200, json={"ok": True, "result": result})


def form(request: httpx.Request) -> dict[str, str]:
    """PTB (answerCallbackQuery) posts the Bot API parameters form-encoded."""
    return dict(parse_qsl(request.content.decode("utf-8"), strict_parsing=True))


def sent_json(request: httpx.Request) -> dict[str, Any]:
    """sendMessage is posted as JSON (the adapter's own request, not PTB's)."""
    assert request.headers["Content-Type"] == "application/json"
    body: dict[str, Any] = json.loads(request.content)
    return body


def error(status: int, description: str, **parameters: Any) -> httpx.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return httpx.Response(status, json=body)


async def test_send_posts_text_and_inline_buttons(adapter: TelegramAdapter, api: respx.MockRouter) -> None:
    route = api.post("/sendMessage").mock(return_value=ok_message(42))
    result = await adapter.send(outbound(choices=(("c:yes", "Ja"), ("c:no", "Nee"))))
    assert result == SendResult("sent", provider_id="42")
    body = sent_json(route.calls.last.request)
    assert body["chat_id"] == 5550001
    assert body["text"] == "Kun je helpen?"
    assert body["link_preview_options"] == {"is_disabled": True}, "a preview could spend a link"
    assert body["reply_markup"] == {
        "inline_keyboard": [
            [{"text": "Ja", "callback_data": "c:yes"}],
            [{"text": "Nee", "callback_data": "c:no"}],
        ]
    }


async def test_send_without_choices_has_no_keyboard(adapter: TelegramAdapter, api: respx.MockRouter) -> None:
    route = api.post("/sendMessage").mock(return_value=ok_message(43))
    assert await adapter.send(outbound()) == SendResult("sent", provider_id="43")
    assert "reply_markup" not in sent_json(route.calls.last.request)


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (
            error(429, "Too Many Requests: retry after 3", retry_after=3),
            SendResult("retry", retry_after=3.0, error="telegram:rate_limited"),
        ),
        (
            error(403, "Forbidden: bot was blocked by the user"),
            SendResult("failed", error="telegram:forbidden", address_stopped=True),
        ),
        (
            error(403, "Forbidden: user is deactivated"),
            SendResult("failed", error="telegram:forbidden", address_stopped=True),
        ),
        (
            error(400, "Bad Request: chat not found"),
            SendResult("failed", error="telegram:chat_not_found", address_stopped=True),
        ),
        (
            error(400, "Bad Request: message is too long"),
            SendResult("failed", error="telegram:message_too_long"),
        ),
        (
            error(400, "Bad Request: message text is empty"),
            SendResult("failed", error="telegram:bad_request"),
        ),
        (
            error(429, "Too Many Requests", retry_after=1.5),
            SendResult("retry", retry_after=1.5, error="telegram:rate_limited"),
        ),
        (error(429, "Too Many Requests"), SendResult("retry", error="telegram:server_error")),
        (
            error(400, "Bad Request: group chat was upgraded", migrate_to_chat_id=-1001),
            SendResult("failed", error="telegram:chat_migrated"),
        ),
        (error(409, "Conflict"), SendResult("unknown", error="telegram:error")),
        (
            httpx.Response(403, text="<html>no</html>"),
            SendResult("failed", error="telegram:forbidden", address_stopped=True),
        ),
        (httpx.Response(400, text="<html>no</html>"), SendResult("failed", error="telegram:bad_request")),
        (error(401, "Unauthorized"), SendResult("retry", error="telegram:unauthorized")),
        (error(404, "Not Found"), SendResult("retry", error="telegram:unauthorized")),
        (error(502, "Bad Gateway"), SendResult("retry", error="telegram:server_error")),
        (error(500, "Internal Server Error"), SendResult("retry", error="telegram:server_error")),
        (httpx.Response(503, text="<html>down</html>"), SendResult("retry", error="telegram:server_error")),
        (httpx.Response(200, text="not json"), SendResult("unknown", error="telegram:error")),
        (
            httpx.Response(200, json={"ok": True, "result": {"message_id": 1}}),
            SendResult("unknown", error="telegram:bad_response"),
        ),
        (httpx.Response(200, json={"ok": True}), SendResult("unknown", error="telegram:bad_response")),
        (httpx.Response(200, json=[1]), SendResult("unknown", error="telegram:bad_response")),
    ],
)
async def test_send_classifies_answers(
    adapter: TelegramAdapter,
    api: respx.MockRouter,
    response: httpx.Response,
    expected: SendResult,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("DEBUG", logger="bot.channels.telegram")
    api.post("/sendMessage").mock(return_value=response)
    assert await adapter.send(outbound()) == expected
    assert_no_personal_data_logged(caplog)


@pytest.mark.parametrize(
    ("exception", "expected"),
    [
        (httpx.ConnectError("Connection refused"), SendResult("retry", error="telegram:connect_error")),
        (httpx.ConnectTimeout("connect timed out"), SendResult("retry", error="telegram:connect_timeout")),
        (httpx.PoolTimeout("pool"), SendResult("retry", error="telegram:connect_timeout")),
        (httpx.ReadTimeout("read timed out"), SendResult("unknown", error="telegram:timeout")),
        (httpx.WriteTimeout("write timed out"), SendResult("unknown", error="telegram:timeout")),
        (
            httpx.RemoteProtocolError("Server disconnected without sending a response."),
            SendResult("unknown", error="telegram:network_error"),
        ),
        (httpx.ReadError("connection reset"), SendResult("unknown", error="telegram:network_error")),
    ],
)
async def test_send_classifies_transport_errors(
    adapter: TelegramAdapter,
    api: respx.MockRouter,
    exception: Exception,
    expected: SendResult,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("DEBUG", logger="bot.channels.telegram")
    api.post("/sendMessage").mock(side_effect=exception)
    assert await adapter.send(outbound()) == expected
    assert_no_personal_data_logged(caplog)


def assert_no_personal_data_logged(caplog: pytest.LogCaptureFixture) -> None:
    for record in caplog.records:
        text = record.getMessage()
        assert "5550001" not in text and "Kun je helpen" not in text and TOKEN not in text


async def test_send_refuses_a_choice_key_over_64_bytes_without_calling_telegram(
    adapter: TelegramAdapter,
) -> None:
    with respx.mock(assert_all_mocked=True) as mock:
        result = await adapter.send(outbound(choices=(("é" * 33, "Te lang"),)))
    assert result == SendResult("failed", error="telegram:callback_data_too_long")
    assert not mock.calls


def test_keyboard_accepts_exactly_64_bytes() -> None:
    keyboard = build_keyboard((("k" * 64, "Ok"),))
    assert keyboard == {"inline_keyboard": [[{"text": "Ok", "callback_data": "k" * 64}]]}


async def test_send_refuses_a_non_numeric_address(adapter: TelegramAdapter) -> None:
    with respx.mock(assert_all_mocked=True) as mock:
        result = await adapter.send(outbound(address="+31612345678"))
    assert result == SendResult("failed", error="telegram:invalid_address")
    assert not mock.calls


async def test_send_after_close_is_a_retry() -> None:
    telegram_adapter = TelegramAdapter(TOKEN, api_base_url="http://telegram.test/bot")
    await telegram_adapter.start()
    await telegram_adapter.aclose()
    await telegram_adapter.aclose()  # twice is fine
    with respx.mock(assert_all_mocked=True) as mock:
        assert await telegram_adapter.send(outbound()) == SendResult("retry", error="telegram:closed")
    assert not mock.calls


async def test_start_makes_no_network_call() -> None:
    telegram_adapter = TelegramAdapter(TOKEN, api_base_url="http://telegram.test/bot")
    with respx.mock(assert_all_mocked=True) as mock:
        await telegram_adapter.start()
        await telegram_adapter.aclose()
    assert not mock.calls


def test_adapter_declares_its_channel() -> None:
    assert TelegramAdapter.channels == ("telegram",)


# --------------------------------------------------------------------------------------------------
# answerCallbackQuery
# --------------------------------------------------------------------------------------------------


async def test_answer_callback_posts_the_query_id(adapter: TelegramAdapter, api: respx.MockRouter) -> None:
    route = api.post("/answerCallbackQuery").mock(
        return_value=httpx.Response(200, json={"ok": True, "result": True})
    )
    await adapter.answer_callback("4382bfdwdsb323b2d9")
    assert form(route.calls.last.request)["callback_query_id"] == "4382bfdwdsb323b2d9"


@pytest.mark.parametrize(
    "mock_kwargs",
    [
        {
            "return_value": error(
                400, "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
        },
        {"side_effect": httpx.ConnectError("Connection refused")},
        {"side_effect": httpx.ReadTimeout("read timed out")},
    ],
)
async def test_answer_callback_swallows_failures(
    adapter: TelegramAdapter, api: respx.MockRouter, mock_kwargs: dict[str, Any]
) -> None:
    route = api.post("/answerCallbackQuery").mock(**mock_kwargs)
    await adapter.answer_callback("4382bfdwdsb323b2d9")
    assert route.call_count == 1


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda u: u["message"].update(text=12345), id="text is a number"),
        pytest.param(lambda u: u["message"]["chat"].update(id="abc"), id="chat id is not a number"),
        pytest.param(lambda u: u["message"]["chat"].update(id=None), id="chat id is null"),
        pytest.param(lambda u: u["message"].update(date=10**20), id="date out of range"),
    ],
)
def test_wrongly_typed_fields_are_an_invalid_update(
    adapter: TelegramAdapter, mutate: Callable[[dict[str, Any]], None]
) -> None:
    update = copy.deepcopy(load("message_text"))
    mutate(update)
    with pytest.raises(InvalidUpdate):
        parse_update(update, adapter.bot)


def test_callback_data_that_is_not_a_string_is_an_invalid_update(adapter: TelegramAdapter) -> None:
    update = copy.deepcopy(load("callback_query"))
    update["callback_query"]["data"] = {"not": "a string"}
    with pytest.raises(InvalidUpdate):
        parse_update(update, adapter.bot)


@pytest.mark.parametrize("update_id", [-1, 2**63, 10**70])
def test_an_update_id_out_of_range_is_invalid(adapter: TelegramAdapter, update_id: int) -> None:
    update = copy.deepcopy(load("message_text"))
    update["update_id"] = update_id
    with pytest.raises(InvalidUpdate):
        parse_update(update, adapter.bot)
