"""Telegram: webhook updates in, `sendMessage` out, via python-telegram-bot (PTB 22) as a plain API client.

Inbound: `parse_update` turns one webhook `Update` into an `InboundMessage`, an `AddressBlocked` or an
`Ignored`. The bot is one-to-one only, and we keep no more of the update than the flows need (no names,
no file ids, no coordinates).

| Update                                         | Result                                                    |
|------------------------------------------------|-----------------------------------------------------------|
| private `message` with text                    | Event text; language_hint = sender's language_code        |
| private `/start [payload]` (also `@BotName`)   | Event command "start", meta {"payload": ...} if given     |
| private `/stop`, `/menu`, `/help`              | Event command "stop" / "menu" / "help"                    |
| private other `/x`                             | Event text (the flow answers it like any text)            |
| `callback_query` (inline button) with data     | Event choice = data; callback_query_id set so it is       |
|                                                | answered; address = chat of the button's message          |
|                                                | (fallback: the user who tapped it)                        |
| private voice, photo, sticker, document,       | Event media, text = caption or ""; meta {"media": type}.  |
| video, audio, video_note, animation, contact,  | File ids, URLs and contact details are dropped: data      |
| dice, story, paid media                        | minimisation, we cannot read them anyway                  |
| private location / venue                       | Event location (coordinates dropped)                      |
| `edited_message`                               | Ignored "edited": we already answered the original;       |
|                                                | re-running a flow step on an edit would double-answer.    |
|                                                | Live-location updates also arrive as edits.               |
| `message`/`callback_query` in a group,         | Ignored "group_chat": the bot is one-to-one only and      |
| supergroup or channel; `channel_post`          | private data must never appear in a group                 |
| private `my_chat_member` new status "kicked"   | AddressBlocked: the person blocked the bot                |
| private `my_chat_member` new status "member"   | Ignored "unblocked": they will send /start themselves     |
| private message with a poll                    | Ignored "poll"                                            |
| private message without text or media          | Ignored "no_content" (service messages)                   |
| callback_query without data (game button)      | Ignored "callback_without_data"                           |
| anything else (inline_query, poll,             | Ignored "unsupported:<update type>"                       |
| chat_join_request, business messages, ...)     |                                                           |

A payload that is not a valid `Update` (no integer `update_id`, a message without chat, ...) raises
`InvalidUpdate`, a `ValueError`, so the web layer answers 400. `Ignored` reasons never hold personal data.

Outbound: `TelegramAdapter.send` makes one `sendMessage` call and classifies the outcome; see
`classify_answer` and `classify_transport` for the tables. The call is the sender's hot path, so it does
not go through python-telegram-bot: a JSON body posted with `bot/channels/http.py`'s `ProviderPost`
(a tenth of the CPU, bench/README.md "Sender, session 6"), answers classified as python-telegram-bot
raised them before. PTB still parses updates and serves every other call (answerCallbackQuery, the
operator commands).
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Mapping
from typing import Any, Final

import httpx
import telegram
from telegram import Message, Update
from telegram.constants import ChatMemberStatus, ChatType, UpdateType
from telegram.error import TelegramError
from telegram.request import BaseRequest, HTTPXRequest

from bot.channels.base import AddressBlocked, Ignored, InboundMessage, OutboundMessage, SendResult
from bot.channels.http import AiohttpPool, AiohttpTransport, ProviderPost
from bot.delivery.pacing import Limit
from flows.types import Channel, Event

logger = logging.getLogger(__name__)

# PTB 22.2+ is moving time periods (RetryAfter.retry_after among them) from int seconds to timedelta, and
# until one opts in it emits a PTBDeprecationWarning each time it *builds* a RetryAfter, inside its own
# request code where we cannot catch it (answerCallbackQuery still goes through PTB). Opting in is the
# remedy PTB documents; we read no time-period field of PTB's (sendMessage's retry_after is read here).
os.environ.setdefault("PTB_TIMEDELTA", "true")

CHANNEL: Final[Channel] = "telegram"
# No link previews, ever: Telegram's preview fetcher would open a one-time export link (to spend or read
# it), and no message of ours carries a link a preview would help with.
NO_PREVIEW: Final = {"is_disabled": True}
DEFAULT_API_BASE_URL: Final = "https://api.telegram.org/bot"
# Telegram rejects callback_data outside 1..64 bytes (BUTTON_DATA_INVALID).
MAX_CALLBACK_DATA_BYTES: Final = 64

# A private chat id is the person's user id: a positive integer. (int() alone would accept "+316...".)
_PRIVATE_CHAT_ID = re.compile(r"[1-9][0-9]{0,19}")
_CHAT_ID = re.compile(r"[1-9][0-9]{0,19}")

# Commands the flows understand; any other "/word" is passed on as text.
COMMANDS: Final = frozenset({"start", "stop", "menu", "help"})

# Message attributes that carry something we cannot read. Checked in this order; the name goes into
# Event.meta["media"] so a flow can say "I cannot listen to voice notes" rather than a generic answer.
# `animation` comes before `document` because Telegram sends a GIF with both set.
MEDIA_ATTRIBUTES: Final = (
    "voice",
    "photo",
    "sticker",
    "animation",
    "video",
    "video_note",
    "audio",
    "document",
    "contact",
    "dice",
    "story",
    "paid_media",
)

_UPDATE_TYPES: Final = frozenset(UpdateType)


class InvalidUpdate(ValueError):
    """The webhook body is not a valid Telegram `Update`; the web layer answers 400."""


# --------------------------------------------------------------------------------------------------
# Inbound
# --------------------------------------------------------------------------------------------------


def parse_update(data: Any, bot: telegram.Bot) -> InboundMessage | AddressBlocked | Ignored:
    """Translate one webhook update; see the module docstring for the decision per update type.

    Nearly every update is a text in a private chat: `plain_private_text` reads those without building
    PTB's objects (a third of a webhook's CPU). Everything else, and anything in that shape it is not
    sure of, goes through PTB (`parse_update_with_ptb`), which stays the oracle: tests check that the
    two agree wherever the short path answers.
    """
    plain = plain_private_text(data)
    if plain is not None:
        return plain
    return parse_update_with_ptb(data, bot)


# The fields of a plain private text update that the short path knows, with the types PTB accepts for
# them without complaint. Any other field (entities, a reply, a forward, media...) goes to PTB.
_PLAIN_CHAT: Final = {"id": int, "type": str, "first_name": str, "last_name": str, "username": str}
_PLAIN_USER: Final = {
    "id": int,
    "is_bot": bool,
    "first_name": str,
    "last_name": str,
    "username": str,
    "language_code": str,
    "is_premium": bool,
}
_PLAIN_MESSAGE: Final = frozenset({"message_id", "date", "chat", "from", "text"})
# Within these bounds PTB turns `date` into a datetime on every platform; beyond, PTB decides.
_LATEST_DATE: Final = 2**32


def plain_private_text(data: Any) -> InboundMessage | None:
    """A text message in a private chat, read from the JSON as PTB would read it; None when the update
    is anything else or has a field the short path does not vouch for (then PTB reads it)."""
    if type(data) is not dict or len(data) != 2:
        return None
    update_id = data.get("update_id")
    message = data.get("message")
    if type(update_id) is not int or not 0 <= update_id < 2**63 or type(message) is not dict:
        return None
    if not message.keys() <= _PLAIN_MESSAGE:
        return None
    text, date = message.get("text"), message.get("date")
    chat: Any = message.get("chat")
    user: Any = message.get("from")
    if type(text) is not str or type(message.get("message_id")) is not int:
        return None
    if type(date) is not int or not 0 <= date <= _LATEST_DATE:
        return None
    if not _typed(chat, _PLAIN_CHAT, ("id", "type")) or chat["type"] != ChatType.PRIVATE:
        return None
    if user is not None and not _typed(user, _PLAIN_USER, ("id", "is_bot", "first_name")):
        return None
    address = str(chat["id"])
    if not _PRIVATE_CHAT_ID.fullmatch(address):
        return None
    hint = user.get("language_code") if user is not None else None
    return InboundMessage(
        channel=CHANNEL, provider_id=str(update_id), address=address, event=_text_event(text, hint)
    )


def _typed(value: Any, fields: Mapping[str, type], required: tuple[str, ...]) -> bool:
    """A JSON object with only these fields, each of exactly its type, and the required ones present."""
    if type(value) is not dict or not all(name in value for name in required):
        return False
    for name, item in value.items():
        kind = fields.get(name)
        if kind is None or type(item) is not kind:
            return False
    return True


def parse_update_with_ptb(data: Any, bot: telegram.Bot) -> InboundMessage | AddressBlocked | Ignored:
    """Every update through PTB's `Update.de_json`.

    `bot` only serves PTB's `de_json` (objects keep a reference to it); it needs no network and no
    initialisation.
    """
    update = _deserialise(data, bot)
    try:
        parsed = _classify(update, str(update.update_id), data)
    except (TypeError, AttributeError, ValueError, OverflowError) as exc:
        # PTB does not check field types deeply: a text that is a number, a date out of range.
        raise InvalidUpdate(f"not a valid Telegram update ({type(exc).__name__})") from None
    if isinstance(parsed, InboundMessage | AddressBlocked) and not _PRIVATE_CHAT_ID.fullmatch(parsed.address):
        raise InvalidUpdate("chat id is not a number")
    if isinstance(parsed, InboundMessage) and not (
        isinstance(parsed.event.text, str) and isinstance(parsed.event.choice, str | None)
    ):
        raise InvalidUpdate("text or button data is not a string")
    return parsed


def _classify(
    update: Update, provider_id: str, data: Mapping[str, Any]
) -> InboundMessage | AddressBlocked | Ignored:
    if update.message is not None:
        return _from_message(update.message, provider_id)
    if update.edited_message is not None:
        return Ignored("edited")
    if update.channel_post is not None or update.edited_channel_post is not None:
        return Ignored("group_chat")
    if update.callback_query is not None:
        return _from_callback_query(update.callback_query, provider_id)
    if update.my_chat_member is not None:
        return _from_my_chat_member(update.my_chat_member, provider_id)
    return Ignored(_unsupported_reason(data))


def _deserialise(data: Any, bot: telegram.Bot) -> Update:
    """Run PTB's parser, turning its assorted exceptions into one `InvalidUpdate`.

    PTB accepts a non-integer `update_id` without complaint, so that is checked first: it becomes
    our `provider_id`, the key that recognises Telegram's retries.
    """
    if not isinstance(data, Mapping):
        raise InvalidUpdate("update is not a JSON object")
    update_id = data.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool) or not 0 <= update_id < 2**63:
        raise InvalidUpdate("update has no integer update_id (0 <= id < 2**63)")
    try:
        update = Update.de_json(dict(data), bot)
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        # Only the exception type: PTB's messages may quote parts of the payload.
        raise InvalidUpdate(f"not a valid Telegram update ({type(exc).__name__})") from exc
    if update is None:  # pragma: no cover - de_json returns None only for empty data
        raise InvalidUpdate("empty update")
    return update


def _unsupported_reason(data: Mapping[str, Any]) -> str:
    """Name the update type for the log, but only if it is one Telegram defines (no free text)."""
    for key, value in data.items():
        if key != "update_id" and value is not None and key in _UPDATE_TYPES:
            return f"unsupported:{key}"
    return "unsupported"


def _from_message(message: Message, provider_id: str) -> InboundMessage | Ignored:
    """A new message: private chats only, then text/command, location, media, or nothing readable."""
    if message.chat.type != ChatType.PRIVATE:
        return Ignored("group_chat")
    event = _message_event(message)
    if isinstance(event, Ignored):
        return event
    return InboundMessage(
        channel=CHANNEL,
        provider_id=provider_id,
        address=str(message.chat.id),
        event=event,
    )


def _message_event(message: Message) -> Event | Ignored:
    hint = _language_hint(message.from_user)
    if message.text is not None:
        return _text_event(message.text, hint)
    if message.location is not None or message.venue is not None:
        return Event(kind="location", language_hint=hint)
    for attribute in MEDIA_ATTRIBUTES:
        if getattr(message, attribute, None):
            return Event(
                kind="media", text=message.caption or "", language_hint=hint, meta={"media": attribute}
            )
    if message.poll is not None:
        return Ignored("poll")
    return Ignored("no_content")


def _text_event(text: str, language_hint: str | None) -> Event:
    """Plain text, or one of our commands. "/start@VoordeurBot payload" counts as /start.

    Recognised by the text, not by `bot_command` entities, so a typed "/stop" from any client works.
    Commands are matched case-insensitively: phones capitalise the first letter.
    """
    head, _, rest = text.strip().partition(" ")
    if head.startswith("/") and len(head) > 1:
        command = head[1:].split("@", 1)[0].lower()
        if command in COMMANDS:
            payload = rest.strip()
            meta = {"payload": payload} if command == "start" and payload else {}
            return Event(kind="command", command=command, language_hint=language_hint, meta=meta)
    return Event(kind="text", text=text, language_hint=language_hint)


def _from_callback_query(query: telegram.CallbackQuery, provider_id: str) -> InboundMessage | Ignored:
    """A tapped inline button. The chat is the one of the message holding the keyboard.

    `query.message` is absent for buttons on inline-mode messages; then the user who tapped is the
    address (for a private chat, chat id and user id are the same number).
    """
    if query.data is None:
        return Ignored("callback_without_data")
    if query.message is not None:
        if query.message.chat.type != ChatType.PRIVATE:
            return Ignored("group_chat")
        address = str(query.message.chat.id)
    else:
        address = str(query.from_user.id)
    return InboundMessage(
        channel=CHANNEL,
        provider_id=provider_id,
        address=address,
        event=Event(kind="choice", choice=query.data, language_hint=_language_hint(query.from_user), meta={}),
        callback_query_id=query.id,
    )


def _from_my_chat_member(
    member_update: telegram.ChatMemberUpdated, provider_id: str
) -> AddressBlocked | Ignored:
    """Our own membership in a chat changed: in a private chat that means blocked or unblocked."""
    if member_update.chat.type != ChatType.PRIVATE:
        return Ignored("group_chat")
    status = member_update.new_chat_member.status
    if status == ChatMemberStatus.BANNED:  # "kicked"
        return AddressBlocked(channel=CHANNEL, provider_id=provider_id, address=str(member_update.chat.id))
    if status == ChatMemberStatus.MEMBER:
        return Ignored("unblocked")
    return Ignored("chat_member_status")


def _language_hint(user: telegram.User | None) -> str | None:
    return user.language_code if user is not None else None


# --------------------------------------------------------------------------------------------------
# Outbound
# --------------------------------------------------------------------------------------------------


class CallbackDataTooLong(ValueError):
    """A choice key does not fit Telegram's 64-byte callback_data."""


def build_keyboard(choices: tuple[tuple[str, str], ...]) -> dict[str, Any] | None:
    """The `reply_markup` of sendMessage: one button per row (long Dutch labels stay readable on small
    phones), callback_data = choice key.

    A key over 64 bytes is refused rather than truncated: a cut key would come back as a choice the
    flow does not know, and two long keys could collide into the same button value.
    """
    if not choices:
        return None
    rows = []
    for key, label in choices:
        if not key or len(key.encode("utf-8")) > MAX_CALLBACK_DATA_BYTES:
            raise CallbackDataTooLong(f"choice key must be 1..{MAX_CALLBACK_DATA_BYTES} bytes")
        rows.append([{"text": label, "callback_data": key}])
    return {"inline_keyboard": rows}


def classify_answer(status: int, body: bytes) -> SendResult:
    """sendMessage's HTTP answer as an outcome, as python-telegram-bot raised it for this adapter before
    (its `_request_wrapper`). Error codes hold no ids, names or text.

    | Answer                                         | Outcome                                     |
    |------------------------------------------------|---------------------------------------------|
    | 2xx with a Message in `result`                 | sent, provider_id = its message_id          |
    | 2xx that is not JSON                           | unknown telegram:error                      |
    | 2xx JSON without a readable Message            | unknown telegram:bad_response (probably     |
    |                                                | sent)                                       |
    | parameters.migrate_to_chat_id (groups only)    | failed telegram:chat_migrated               |
    | parameters.retry_after (429)                   | retry after that many seconds               |
    | 403 (blocked, user deactivated, ...)           | failed telegram:forbidden, address stopped  |
    | 400 "chat not found"                           | failed telegram:chat_not_found, stopped     |
    | 400 "message is too long"                      | failed telegram:message_too_long            |
    | other 400                                      | failed telegram:bad_request                 |
    | 401/404 (our token is wrong)                   | retry telegram:unauthorized: nothing was    |
    |                                                | sent; fixing the config must not lose mail  |
    | 409                                            | unknown telegram:error                      |
    | anything else (5xx, 429 without retry_after)   | retry telegram:server_error                 |
    """
    try:
        data = json.loads(body.decode("utf-8", "replace"))
    except ValueError:
        data = None
    if 200 <= status <= 299:
        if data is None:
            return SendResult("unknown", error="telegram:error")
        message_id = _message_id(data)
        if message_id is None:
            return SendResult("unknown", error="telegram:bad_response")
        return SendResult("sent", provider_id=str(message_id))
    if not isinstance(data, dict):
        data = {}
    parameters = data.get("parameters")
    if isinstance(parameters, dict) and parameters:
        if parameters.get("migrate_to_chat_id"):
            return SendResult("failed", error="telegram:chat_migrated")
        if parameters.get("retry_after"):
            return SendResult(
                "retry", retry_after=_seconds(parameters["retry_after"]), error="telegram:rate_limited"
            )
    if status == 403:
        return SendResult("failed", error="telegram:forbidden", address_stopped=True)
    if status in (401, 404):
        return SendResult("retry", error="telegram:unauthorized")
    if status == 400:
        description = str(data.get("description") or "").lower()
        if "chat not found" in description:
            return SendResult("failed", error="telegram:chat_not_found", address_stopped=True)
        if "message is too long" in description:
            return SendResult("failed", error="telegram:message_too_long")
        return SendResult("failed", error="telegram:bad_request")
    if status == 409:
        return SendResult("unknown", error="telegram:error")
    return SendResult("retry", error="telegram:server_error")


def classify_transport(exc: Exception) -> SendResult:
    """A request that got no answer: retried when it certainly did not leave, else unknown.

    | Exception (httpx's, bot/channels/http.py)      | Outcome                                     |
    |------------------------------------------------|---------------------------------------------|
    | ConnectTimeout, PoolTimeout                    | retry telegram:connect_timeout              |
    | other timeouts (read, write)                   | unknown telegram:timeout                    |
    | ConnectError                                   | retry telegram:connect_error                |
    | anything else (reset, disconnected, ...)       | unknown telegram:network_error              |
    """
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return SendResult("retry", error="telegram:connect_timeout")
    if isinstance(exc, httpx.TimeoutException):
        return SendResult("unknown", error="telegram:timeout")
    if isinstance(exc, httpx.ConnectError):
        return SendResult("retry", error="telegram:connect_error")
    return SendResult("unknown", error="telegram:network_error")


def _message_id(data: Any) -> int | None:
    """The message_id of the sent Message in a 2xx answer, if it holds what a Message must have."""
    result = data.get("result") if isinstance(data, dict) else None
    if not isinstance(result, dict):
        return None
    message_id, chat = result.get("message_id"), result.get("chat")
    if not isinstance(message_id, int) or isinstance(message_id, bool) or "date" not in result:
        return None
    if not isinstance(chat, dict) or "id" not in chat or "type" not in chat:
        return None
    return message_id


def _seconds(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


class TelegramAdapter:
    """Sends to Telegram through PTB's `Bot`, used as a bare async API client (webhooks, no polling).

    sendMessage goes out through a `ProviderPost` (bot/channels/http.py) on the adapter's own aiohttp
    pool; every other call through one `HTTPXRequest` (an httpx.AsyncClient over that module's aiohttp
    transport). Neither blocks the event loop.
    PTB's `Bot.initialize()` always calls getMe, which would make start-up depend on Telegram being
    reachable; we only need the HTTP client, so `start()` initialises our own request object through
    its public `initialize()` and `aclose()` shuts it down. The bot user is therefore never loaded:
    do not use `bot.username` and friends.
    """

    channels: tuple[Channel, ...] = (CHANNEL,)

    def __init__(
        self,
        token: str,
        api_base_url: str = DEFAULT_API_BASE_URL,
        timeout: float = 15.0,
        *,
        messages_per_second: float = 30.0,
        chat_messages_per_second: float = 1.0,
    ) -> None:
        """`messages_per_second`: the bot's overall limit; `chat_messages_per_second`: per chat (0: no
        pacing here)."""
        # The bot's id (the token's public part before the colon) keys its limits; the secret never does.
        self._bot_id = token.split(":", 1)[0]
        self._messages_per_second = messages_per_second
        self._chat_messages_per_second = chat_messages_per_second
        self._request = HTTPXRequest(
            connect_timeout=timeout,
            read_timeout=timeout,
            write_timeout=timeout,
            pool_timeout=timeout,
            # httpx's API over aiohttp's I/O: a tenth of the CPU per request (bot/channels/http.py).
            httpx_kwargs={"transport": AiohttpTransport()},
        )
        # The same request object serves getUpdates, which we never call: otherwise PTB would create
        # a second client of its own that nobody closes.
        self._bot = telegram.Bot(
            token, base_url=api_base_url, request=self._request, get_updates_request=self._request
        )
        self._pool = AiohttpPool()
        self._send_message = ProviderPost(
            f"{api_base_url}{token}/sendMessage",
            {"Content-Type": "application/json", "User-Agent": BaseRequest.USER_AGENT},
            connect_timeout=timeout,
            read_timeout=timeout,
            pool_timeout=timeout,
            pool=self._pool,
        )
        self._closed = False

    @property
    def bot(self) -> telegram.Bot:
        """The PTB bot, for `parse_update` (and tests)."""
        return self._bot

    async def start(self) -> None:
        """Open the HTTP client. No network call: the token is checked by the first real send."""
        await self._request.initialize()
        self._closed = False

    async def aclose(self) -> None:
        """Close the HTTP client. Safe to call twice."""
        self._closed = True
        await self._bot.shutdown()  # a no-op unless someone called bot.initialize()
        await self._request.shutdown()
        await self._pool.aclose()

    async def send(self, message: OutboundMessage) -> SendResult:
        """One sendMessage call; never raises for provider or network trouble."""
        if self._closed:
            return SendResult("retry", error="telegram:closed")
        if not _CHAT_ID.fullmatch(message.address):
            return self._log(message, SendResult("failed", error="telegram:invalid_address"))
        try:
            keyboard = build_keyboard(message.choices)
        except CallbackDataTooLong:
            return self._log(message, SendResult("failed", error="telegram:callback_data_too_long"))
        payload: dict[str, Any] = {
            "chat_id": int(message.address),
            "text": message.text,
            "link_preview_options": NO_PREVIEW,
        }
        if keyboard is not None:
            payload["reply_markup"] = keyboard
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        try:
            answer = await self._send_message.post(body)
        except Exception as exc:  # python-telegram-bot, too, took any failure here as "may have arrived"
            return self._log(message, classify_transport(exc), exc)
        result = classify_answer(answer.status, answer.body)
        return result if result.outcome == "sent" else self._log(message, result)

    def pacing(self, message: OutboundMessage) -> tuple[Limit, ...]:
        """Telegram limits a bot overall and per chat; a chat's next message waits for the previous one."""
        limits = []
        if self._chat_messages_per_second > 0:
            key = f"telegram:{self._bot_id}:{message.address}"
            limits.append(Limit(key, self._chat_messages_per_second, after_previous=True))
        if self._messages_per_second > 0:
            limits.append(Limit(f"telegram:{self._bot_id}", self._messages_per_second))
        return tuple(limits)

    async def answer_callback(self, callback_query_id: str) -> None:
        """Stop the spinner on a tapped button. Best effort: the choice itself is already handled."""
        if self._closed:
            return
        try:
            await self._bot.answer_callback_query(callback_query_id)
        except TelegramError as exc:
            logger.info("telegram answerCallbackQuery failed: %s", type(exc).__name__)

    @staticmethod
    def _log(message: OutboundMessage, result: SendResult, exc: BaseException | None = None) -> SendResult:
        """Log the outcome by outbox id and error code only (no chat id, no text, no exception text)."""
        logger.warning(
            "telegram send outbox_id=%s outcome=%s error=%s exception=%s",
            message.outbox_id,
            result.outcome,
            result.error,
            type(exc).__name__ if exc is not None else None,
        )
        return result
