"""A local stand-in for the Telegram Bot API (`{base}{token}/{method}`), for end-to-end tests.

It answers in the Bot API's own JSON shapes, so python-telegram-bot parses the answers as it would
Telegram's, and it can be scripted to fail the way Telegram does (flood control, blocked users, slow
answers) to exercise the app's retry and give-up paths without touching the real service.
"""

from __future__ import annotations

import asyncio
import copy
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.emulators.server import Journal, RecordedRequest

__all__ = ["TelegramEmulator", "TelegramFault"]

DEFAULT_TOKEN = "123456789:AAEmulatedTelegramBotTokenForTests00"
MAX_TEXT_LENGTH = 4096

# Form-encoded parameters PTB sends as bare numbers; any other string stays a string ("text": "42").
_INT_PARAMS = frozenset(
    {
        "chat_id",
        "message_id",
        "from_chat_id",
        "message_thread_id",
        "cache_time",
        "max_connections",
        "offset",
        "limit",
        "timeout",
        "user_id",
    }
)
_FLOAT_PARAMS = frozenset({"latitude", "longitude", "horizontal_accuracy"})

_DESCRIPTIONS = {
    400: "Bad Request: chat not found",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


@dataclass(frozen=True)
class TelegramFault:
    """A scripted answer for one upcoming request.

    status: HTTP status / error_code to answer with; None answers normally (use with `delay`).
    retry_after: seconds for a 429's `parameters.retry_after` (PTB raises RetryAfter from it).
    description: the error text; a Telegram-like default per status when None.
    delay: seconds to wait before answering, to make the client's read timeout fire. The request is
        still carried out afterwards, as Telegram would: the message is delivered though the client gave up.
    method: only a request for this Bot API method consumes the fault; None means any send*/edit* method.
    """

    status: int | None = 429
    retry_after: int | None = None
    description: str | None = None
    delay: float = 0.0
    method: str | None = None

    def matches(self, api_method: str) -> bool:
        if self.method is not None:
            return self.method == api_method
        return api_method.startswith(("send", "edit"))

    def body(self) -> dict[str, Any]:
        assert self.status is not None
        retry_after = self.retry_after if self.retry_after is not None else 1
        if self.description is not None:
            description = self.description
        elif self.status == 429:
            description = f"Too Many Requests: retry after {retry_after}"
        else:
            description = _DESCRIPTIONS.get(self.status, "Error")
        body: dict[str, Any] = {"ok": False, "error_code": self.status, "description": description}
        if self.status == 429:
            body["parameters"] = {"retry_after": retry_after}
        return body


class _ApiError(Exception):
    """Raised by a method handler to answer `{"ok": false, ...}`."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


Handler = Callable[[dict[str, Any]], Any]


class TelegramEmulator(Journal):
    """Bot API emulator: point the app at `f"{url}/bot"` (served with `run_asgi(emulator.app)`).

    Args:
        token: the only token accepted; any other answers 401 Unauthorized.
        username: the bot's username in getMe.
    """

    def __init__(self, token: str = DEFAULT_TOKEN, *, username: str = "voordeur_test_bot") -> None:
        super().__init__()
        self.token = token
        self.username = username
        self._bot_id = int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 1
        self._messages: list[dict[str, Any]] = []
        self._last_message_id: dict[int | str, int] = {}
        self._faults: list[TelegramFault] = []
        self._chat_errors: dict[int | str, TelegramFault] = {}
        self._webhook: dict[str, Any] | None = None
        self._commands: list[Any] = []
        self._handlers: dict[str, Handler] = {
            "getMe": lambda _: self._me(),
            "logOut": lambda _: True,
            "close": lambda _: True,
            "sendMessage": self._send_message,
            "sendPhoto": self._send_media("photo"),
            "sendDocument": self._send_media("document"),
            "sendLocation": self._send_location,
            "sendChatAction": lambda p: self._require(p, "chat_id", "action") and True,
            "editMessageText": self._edit("text"),
            "editMessageReplyMarkup": self._edit("reply_markup"),
            "deleteMessage": lambda p: self._require(p, "chat_id", "message_id") and True,
            "answerCallbackQuery": lambda p: self._require(p, "callback_query_id") and True,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": lambda _: self._webhook_info(),
            "getUpdates": self._get_updates,
            "setMyCommands": self._set_commands,
            "deleteMyCommands": lambda _: self._set_commands({"commands": []}),
            "getMyCommands": lambda _: list(self._commands),
        }
        self.app = Starlette(routes=[Route("/bot{token}/{method}", self._endpoint, methods=["GET", "POST"])])

    # ----- scripting -------------------------------------------------------------------------------------

    def plan(self, *faults: TelegramFault) -> None:
        """Queue faults; each is consumed, in order, by the next request it matches."""
        with self._cond:
            self._faults.extend(faults)

    def fail_next(
        self, n: int = 1, status: int = 429, retry_after: int | None = 1, *, method: str | None = None
    ) -> None:
        """The next `n` send*/edit* requests (or `method` requests) fail with `status`."""
        self.plan(*[TelegramFault(status=status, retry_after=retry_after, method=method)] * n)

    def delay_next(self, seconds: float, n: int = 1, *, method: str | None = None) -> None:
        """The next `n` send*/edit* requests are answered (successfully) only after `seconds`."""
        self.plan(*[TelegramFault(status=None, delay=seconds, method=method)] * n)

    def pending_faults(self) -> list[TelegramFault]:
        """Scripted faults not consumed yet."""
        with self._cond:
            return list(self._faults)

    def block(self, chat_id: int | str) -> None:
        """This user blocked the bot: every request naming the chat answers 403 until `unblock`."""
        self.set_chat_error(chat_id, 403, "Forbidden: bot was blocked by the user")

    def set_chat_error(self, chat_id: int | str, status: int, description: str) -> None:
        """Every request naming `chat_id` fails this way (e.g. 400 "Bad Request: chat not found")."""
        with self._cond:
            self._chat_errors[_chat_key(chat_id)] = TelegramFault(status=status, description=description)

    def unblock(self, chat_id: int | str) -> None:
        """Lift `block` / `set_chat_error` for the chat."""
        with self._cond:
            self._chat_errors.pop(_chat_key(chat_id), None)

    def reset(self) -> None:
        """Back to a fresh emulator: no requests, messages, faults, chat rules, webhook or commands."""
        with self._cond:
            self.clear()
            self._last_message_id.clear()
            self._faults.clear()
            self._chat_errors.clear()
            self._webhook = None
            self._commands = []

    # ----- inspecting ------------------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget requests and delivered messages; scripted faults and chat rules stay."""
        with self._cond:
            super().clear()
            self._messages.clear()

    def messages(self, chat_id: int | str | None = None) -> list[dict[str, Any]]:
        """Delivered messages as Bot API `Message` dicts (current state, after edits), oldest first."""
        key = None if chat_id is None else _chat_key(chat_id)
        with self._cond:
            return [copy.deepcopy(m) for m in self._messages if key is None or m["chat"]["id"] == key]

    def sent_texts(self, chat_id: int | str | None = None) -> list[str]:
        """Text (or caption) of each delivered message."""
        return [m.get("text", m.get("caption", "")) for m in self.messages(chat_id)]

    def wait_for_messages(
        self, count: int, chat_id: int | str | None = None, timeout: float = 5.0
    ) -> list[dict[str, Any]]:
        """Block until at least `count` messages were delivered (to `chat_id`); returns all of them."""
        self.wait_until(lambda: len(self.messages(chat_id)) >= count, timeout, f"{count} Telegram message(s)")
        return self.messages(chat_id)

    async def wait_for_messages_async(
        self, count: int, chat_id: int | str | None = None, timeout: float = 5.0
    ) -> list[dict[str, Any]]:
        """`wait_for_messages` for async tests (waits in a worker thread)."""
        return await asyncio.to_thread(self.wait_for_messages, count, chat_id, timeout)

    @property
    def webhook(self) -> dict[str, Any] | None:
        """The parameters of the last setWebhook (url, secret_token, allowed_updates, ...), None if unset."""
        with self._cond:
            return copy.deepcopy(self._webhook)

    def send_update(self, update: dict[str, Any], *, timeout: float = 10.0) -> httpx.Response:
        """POST an `Update` to the registered webhook, with its secret token header, as Telegram does.

        Synchronous on purpose: call it from a sync test, or via `asyncio.to_thread` from an async one.
        """
        webhook = self.webhook
        if webhook is None or not webhook.get("url"):
            raise RuntimeError("no webhook set (the app has not called setWebhook)")
        headers = {"Content-Type": "application/json"}
        if webhook.get("secret_token"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = str(webhook["secret_token"])
        return httpx.post(webhook["url"], content=json.dumps(update), headers=headers, timeout=timeout)

    # ----- HTTP ------------------------------------------------------------------------------------------

    async def _endpoint(self, request: Request) -> JSONResponse:
        api_method = request.path_params["method"]
        params = await _read_params(request)
        if request.path_params["token"] != self.token:
            fault: TelegramFault | None = TelegramFault(status=401)
        elif api_method not in self._handlers:
            fault = TelegramFault(status=404)
        else:
            fault = self._take_fault(api_method, params)
        if fault is not None and fault.delay:
            await asyncio.sleep(fault.delay)
        if fault is not None and fault.status is not None:
            status, body = fault.status, fault.body()
        else:
            status, body = self._call(api_method, params)
        self._record(
            RecordedRequest(
                method=request.method,
                path=request.url.path.replace(self.token, "<token>"),
                endpoint=api_method,
                params=params,
                headers=RecordedRequest.pick_headers(request.headers),
                status=status,
            )
        )
        return JSONResponse(body, status_code=status)

    def _take_fault(self, api_method: str, params: dict[str, Any]) -> TelegramFault | None:
        with self._cond:
            if "chat_id" in params and _chat_key(params["chat_id"]) in self._chat_errors:
                return self._chat_errors[_chat_key(params["chat_id"])]
            for index, fault in enumerate(self._faults):
                if fault.matches(api_method):
                    return self._faults.pop(index)
        return None

    def _call(self, api_method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        try:
            with self._cond:
                result = self._handlers[api_method](params)
                self._cond.notify_all()
        except _ApiError as exc:
            return exc.status, {"ok": False, "error_code": exc.status, "description": exc.description}
        return 200, {"ok": True, "result": result}

    # ----- Bot API methods (called under the lock) ------------------------------------------------------

    @staticmethod
    def _require(params: dict[str, Any], *names: str) -> bool:
        for name in names:
            if params.get(name) in (None, ""):
                raise _ApiError(400, f"Bad Request: {name} is empty")
        return True

    def _me(self) -> dict[str, Any]:
        return {
            "id": self._bot_id,
            "is_bot": True,
            "first_name": "Voordeur (emulated)",
            "username": self.username,
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _new_message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        self._require(params, "chat_id")
        chat_id = _chat_key(params["chat_id"])
        message_id = self._last_message_id.get(chat_id, 0) + 1
        self._last_message_id[chat_id] = message_id
        message: dict[str, Any] = {
            "message_id": message_id,
            "from": {k: v for k, v in self._me().items() if k in ("id", "is_bot", "first_name", "username")},
            "chat": _chat(chat_id),
            "date": int(time.time()),
            **content,
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self._messages.append(message)
        return copy.deepcopy(message)

    def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        self._require(params, "chat_id")
        text = params.get("text")
        if not text:
            raise _ApiError(400, "Bad Request: message text is empty")
        if len(str(text)) > MAX_TEXT_LENGTH:
            raise _ApiError(400, "Bad Request: message is too long")
        return self._new_message(params, text=str(text))

    def _send_media(self, kind: str) -> Handler:
        def handler(params: dict[str, Any]) -> dict[str, Any]:
            self._require(params, "chat_id", kind)
            file = {"file_id": f"emulated-{kind}", "file_unique_id": f"u-{kind}"}
            content: dict[str, Any] = {kind: [{**file, "width": 1, "height": 1}] if kind == "photo" else file}
            if params.get("caption"):
                content["caption"] = str(params["caption"])
            return self._new_message(params, **content)

        return handler

    def _send_location(self, params: dict[str, Any]) -> dict[str, Any]:
        self._require(params, "chat_id", "latitude", "longitude")
        location = {"latitude": float(params["latitude"]), "longitude": float(params["longitude"])}
        return self._new_message(params, location=location)

    def _edit(self, field: str) -> Handler:
        """editMessageText / editMessageReplyMarkup: the edited Message, or True for inline messages."""

        def handler(params: dict[str, Any]) -> dict[str, Any] | bool:
            if params.get("inline_message_id"):
                return True
            self._require(params, "chat_id", "message_id")
            if field == "text":
                self._require(params, "text")
            chat_id, message_id = _chat_key(params["chat_id"]), int(params["message_id"])
            found = [
                m for m in self._messages if m["chat"]["id"] == chat_id and m["message_id"] == message_id
            ]
            if not found:
                raise _ApiError(400, "Bad Request: message to edit not found")
            message = found[-1]
            if field == "text":
                message["text"] = str(params["text"])
            message.pop("reply_markup", None)
            if params.get("reply_markup"):
                message["reply_markup"] = params["reply_markup"]
            message["edit_date"] = int(time.time())
            return copy.deepcopy(message)

        return handler

    def _set_webhook(self, params: dict[str, Any]) -> bool:
        self._require(params, "url")
        self._webhook = {k: v for k, v in params.items() if k != "certificate"}
        return True

    def _delete_webhook(self, params: dict[str, Any]) -> bool:
        self._webhook = None
        return True

    def _webhook_info(self) -> dict[str, Any]:
        webhook = self._webhook or {}
        info: dict[str, Any] = {
            "url": webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": 0,
        }
        if webhook.get("max_connections"):
            info["max_connections"] = int(webhook["max_connections"])
        if webhook.get("allowed_updates"):
            info["allowed_updates"] = webhook["allowed_updates"]
        return info

    def _get_updates(self, params: dict[str, Any]) -> list[Any]:
        if self._webhook:
            raise _ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
                "delete the webhook first",
            )
        return []

    def _set_commands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands") or []
        self._commands = list(commands) if isinstance(commands, list) else []
        return True


def _chat_key(chat_id: Any) -> int | str:
    """Chat ids arrive as ints (JSON) or digit strings (form data); "@channel" names stay strings."""
    text = str(chat_id)
    return int(text) if text.lstrip("-").isdigit() else text


def _chat(chat_id: int | str) -> dict[str, Any]:
    if isinstance(chat_id, int) and chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "Buur"}
    if isinstance(chat_id, int):
        return {
            "id": chat_id,
            "type": "supergroup" if str(chat_id).startswith("-100") else "group",
            "title": "Buurtgroep",
        }
    return {"id": chat_id, "type": "channel", "title": chat_id}


async def _read_params(request: Request) -> dict[str, Any]:
    """Query string plus body, whichever encoding PTB chose (JSON, urlencoded or multipart)."""
    params: dict[str, Any] = {k: _decode(k, v) for k, v in request.query_params.items()}
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        body = await request.json() if await request.body() else {}
        if isinstance(body, dict):
            params.update(body)
    elif content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        async with request.form() as form:
            for key, value in form.multi_items():
                if isinstance(value, UploadFile):
                    data = await value.read()
                    params[key] = {
                        "filename": value.filename,
                        "content_type": value.content_type,
                        "size": len(data),
                    }
                else:
                    params[key] = _decode(key, value)
    return params


def _decode(key: str, value: str) -> Any:
    """PTB form-encodes JSON values (reply_markup, booleans); decode those, keep plain text as text."""
    if key in _INT_PARAMS:
        return (
            _chat_key(value) if key == "chat_id" else (int(value) if value.lstrip("-").isdigit() else value)
        )
    if key in _FLOAT_PARAMS:
        try:
            return float(value)
        except ValueError:
            return value
    if value in ("true", "false") or value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
