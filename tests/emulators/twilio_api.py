"""A local stand-in for Twilio's Messages REST API (2010-04-01), for end-to-end tests.

It speaks the real wire format (form-encoded requests, Basic auth, JSON message resources with RFC 2822
dates, error bodies with Twilio error codes), so the twilio SDK parses it as it would api.twilio.com, and it
can be scripted to fail like Twilio does (429, 5xx, opted-out recipients, slow answers).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import copy
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any
from urllib.parse import urlencode

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from twilio.request_validator import RequestValidator

from tests.emulators.server import Journal, RecordedRequest

__all__ = ["TwilioEmulator", "TwilioFault"]

DEFAULT_ACCOUNT_SID = "AC00000000000000000000000000000001"
DEFAULT_AUTH_TOKEN = "emulated-twilio-auth-token-000000"
API_VERSION = "2010-04-01"
MAX_BODY_LENGTH = 1600

_ADDRESS = re.compile(r"^(?:whatsapp:|messenger:)?\+[1-9]\d{6,14}$")
_GSM7 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€"
)

# Default message per error code, as Twilio words them.
_MESSAGES = {
    20003: "Authenticate",
    20404: "The requested resource was not found",
    20429: "Too Many Requests",
    20500: "Internal Server Error",
    20503: "Service Unavailable",
    21211: "Invalid 'To' Phone Number",
    21602: "Message body is required.",
    21603: "A 'From' phone number is required.",
    21604: "A 'To' phone number is required.",
    21610: "Attempt to send to unsubscribed recipient",
    21617: "The concatenated message body exceeds the 1600 character limit.",
}
_CODE_FOR_STATUS = {400: 21211, 401: 20003, 404: 20404, 429: 20429, 500: 20500, 503: 20503}


@dataclass(frozen=True)
class TwilioFault:
    """A scripted answer for one upcoming message create (or, as a rule, for every send to one number).

    status: HTTP status; None answers normally (use with `delay`).
    code: Twilio error code in the body; derived from `status` when None (429 -> 20429, 500 -> 20500, ...).
    retry_after: seconds for a `Retry-After` header.
    delay: seconds to wait before answering, to make the client's read timeout fire. With `status=None` the
        message is still created afterwards: Twilio accepted it though the client gave up.
    """

    status: int | None = 429
    code: int | None = None
    message: str | None = None
    retry_after: int | None = None
    delay: float = 0.0

    def response(self) -> JSONResponse:
        assert self.status is not None
        headers = {"Retry-After": str(self.retry_after)} if self.retry_after is not None else None
        return _error(
            self.status, self.code or _CODE_FOR_STATUS.get(self.status, 20500), self.message, headers
        )


class TwilioEmulator(Journal):
    """Messages API emulator: set the SDK's `client.api.base_url` (or TWILIO_API_BASE_URL) to its URL.

    Args:
        account_sid, auth_token: the only credentials accepted (HTTP Basic); others answer 401 (20003).
        templates: ContentSid -> template text with {{1}}-style placeholders, so WhatsApp template sends
            get a readable `body` filled from ContentVariables (unknown ContentSids keep an empty body).
        callbacks_to: (public base, reachable base): when set, every accepted message with a
            StatusCallback gets a signed `sent` callback moments later, as Twilio sends one, posted to the
            URL with the public base replaced by the reachable one (behind the proxy) and signed for the
            public URL. Failed posts are counted in `callback_failures`, not retried (Twilio does not).
    """

    def __init__(
        self,
        account_sid: str = DEFAULT_ACCOUNT_SID,
        auth_token: str = DEFAULT_AUTH_TOKEN,
        *,
        templates: dict[str, str] | None = None,
        callbacks_to: tuple[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.callbacks_to = callbacks_to
        self.callback_failures = 0
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.templates = dict(templates or {})
        self._messages: dict[str, dict[str, Any]] = {}  # sid -> resource, in creation order
        self._callbacks: dict[str, str] = {}  # sid -> StatusCallback URL
        self._faults: list[TwilioFault] = []
        self._rules: dict[str, TwilioFault] = {}
        base = f"/{API_VERSION}/Accounts/{{account_sid}}"
        self.app = Starlette(
            routes=[
                Route(f"{base}/Messages.json", self._messages_endpoint, methods=["GET", "POST"]),
                Route(f"{base}/Messages/{{sid}}.json", self._fetch, methods=["GET"]),
            ]
        )

    # ----- scripting -------------------------------------------------------------------------------------

    def plan(self, *faults: TwilioFault) -> None:
        """Queue faults; each is consumed, in order, by the next message create."""
        with self._cond:
            self._faults.extend(faults)

    def fail_next(
        self, n: int = 1, status: int = 429, *, code: int | None = None, retry_after: int | None = None
    ) -> None:
        """The next `n` creates fail with `status` (and Twilio error `code`, derived from status if None)."""
        self.plan(*[TwilioFault(status=status, code=code, retry_after=retry_after)] * n)

    def delay_next(self, seconds: float, n: int = 1) -> None:
        """The next `n` creates succeed, but only after `seconds`."""
        self.plan(*[TwilioFault(status=None, delay=seconds)] * n)

    def pending_faults(self) -> list[TwilioFault]:
        """Scripted faults not consumed yet."""
        with self._cond:
            return list(self._faults)

    def opt_out(self, to: str) -> None:
        """`to` replied STOP: its creates answer 400 / 21610 from now on.

        Matched exactly as sent, so a WhatsApp number needs its "whatsapp:" prefix.
        """
        self.reject(to, TwilioFault(status=400, code=21610))

    def reject(self, to: str, fault: TwilioFault) -> None:
        """Every create to `to` answers `fault` until `opt_in`."""
        with self._cond:
            self._rules[to] = fault

    def opt_in(self, to: str) -> None:
        """Lift `opt_out` / `reject` for `to`."""
        with self._cond:
            self._rules.pop(to, None)

    def reset(self) -> None:
        """Back to a fresh emulator: no requests, messages, faults or per-number rules."""
        with self._cond:
            self.clear()
            self._faults.clear()
            self._rules.clear()

    # ----- inspecting ------------------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget requests and messages; scripted faults and per-number rules stay."""
        with self._cond:
            super().clear()
            self._messages.clear()
            self._callbacks.clear()

    def messages(self, to: str | None = None) -> list[dict[str, Any]]:
        """Accepted messages as Twilio message resources (current status), oldest first."""
        with self._cond:
            return [copy.deepcopy(m) for m in self._messages.values() if to is None or m["to"] == to]

    def sent_texts(self, to: str | None = None) -> list[str]:
        """The body of each accepted message."""
        return [m["body"] for m in self.messages(to)]

    def wait_for_messages(
        self, count: int, to: str | None = None, timeout: float = 5.0
    ) -> list[dict[str, Any]]:
        """Block until at least `count` messages were accepted (for `to`); returns all of them."""
        self.wait_until(lambda: len(self.messages(to)) >= count, timeout, f"{count} Twilio message(s)")
        return self.messages(to)

    async def wait_for_messages_async(
        self, count: int, to: str | None = None, timeout: float = 5.0
    ) -> list[dict[str, Any]]:
        """`wait_for_messages` for async tests (waits in a worker thread)."""
        return await asyncio.to_thread(self.wait_for_messages, count, to, timeout)

    def set_status(
        self,
        sid: str,
        status: str,
        *,
        error_code: int | None = None,
        callback: bool = True,
        timeout: float = 10.0,
    ) -> httpx.Response | None:
        """Move a message to `status` (sent, delivered, undelivered, failed, read) and, when it was sent with
        a StatusCallback and `callback` is true, POST the signed status callback there as Twilio would.

        Returns the app's answer to the callback, or None when none was posted. Synchronous on purpose.
        """
        with self._cond:
            message = self._messages[sid]
            message["status"] = status
            message["error_code"] = error_code
            message["error_message"] = _MESSAGES.get(error_code) if error_code else None
            message["date_updated"] = _rfc2822(datetime.now(UTC))
            url = self._callbacks.get(sid)
            self._cond.notify_all()
        if not callback or url is None:
            return None
        target = url
        if self.callbacks_to is not None and url.startswith(self.callbacks_to[0]):
            target = self.callbacks_to[1] + url.removeprefix(self.callbacks_to[0])
        form = {
            "SmsSid": sid,
            "SmsStatus": status,
            "MessageStatus": status,
            "To": message["to"],
            "MessageSid": sid,
            "AccountSid": self.account_sid,
            "From": message["from"],
            "ApiVersion": API_VERSION,
        }
        if error_code is not None:
            form["ErrorCode"] = str(error_code)
        signature = RequestValidator(self.auth_token).compute_signature(url, form)
        return httpx.post(target, data=form, headers={"X-Twilio-Signature": signature}, timeout=timeout)

    # ----- HTTP ------------------------------------------------------------------------------------------

    async def _messages_endpoint(self, request: Request) -> JSONResponse:
        if request.method == "POST":
            return await self._create(request)
        return self._answer(request, "Messages.list", dict(request.query_params), self._list(request))

    async def _fetch(self, request: Request) -> JSONResponse:
        response = self._check_auth(request)
        if response is None:
            with self._cond:
                message = self._messages.get(request.path_params["sid"])
                found = copy.deepcopy(message) if message else None
            response = JSONResponse(found) if found else _error(404, 20404)
        return self._answer(request, "Messages.fetch", {}, response)

    async def _create(self, request: Request) -> JSONResponse:
        async with request.form() as form:
            params: dict[str, Any] = {}
            for key, value in form.multi_items():
                text = value if isinstance(value, str) else ""
                if key in params:  # repeated keys, e.g. several MediaUrl
                    previous = params[key]
                    params[key] = [*previous, text] if isinstance(previous, list) else [previous, text]
                else:
                    params[key] = text
        response = self._check_auth(request)
        if response is None:
            with self._cond:
                fault = self._faults.pop(0) if self._faults else None
            if fault is not None and fault.delay:
                await asyncio.sleep(fault.delay)
            if fault is not None and fault.status is not None:
                response = fault.response()
            else:
                response = self._accept(params)
        return self._answer(request, "Messages.create", params, response)

    def _answer(
        self, request: Request, endpoint: str, params: dict[str, Any], response: JSONResponse
    ) -> JSONResponse:
        self._record(
            RecordedRequest(
                method=request.method,
                path=request.url.path,
                endpoint=endpoint,
                params=params,
                headers=RecordedRequest.pick_headers(request.headers),
                status=response.status_code,
            )
        )
        return response

    def _check_auth(self, request: Request) -> JSONResponse | None:
        """None when the Basic credentials match and the URL names this account."""
        scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
        try:
            user, _, password = base64.b64decode(encoded).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            user = password = ""
        if scheme.lower() != "basic" or (user, password) != (self.account_sid, self.auth_token):
            return _error(401, 20003, headers={"WWW-Authenticate": 'Basic realm="Twilio API"'})
        if request.path_params["account_sid"] != self.account_sid:
            return _error(404, 20404)
        return None

    def _accept(self, params: dict[str, Any]) -> JSONResponse:
        """Validate a create like Twilio does, then store and answer 201 with the queued resource."""
        to, sender = params.get("To", ""), params.get("From", "")
        body = params.get("Body", "")
        content_sid, media = params.get("ContentSid"), params.get("MediaUrl")
        if not to:
            return _error(400, 21604)
        if not sender and not params.get("MessagingServiceSid"):
            return _error(400, 21603)
        if not body and not media and not content_sid:
            return _error(400, 21602)
        if not _ADDRESS.match(to):
            return _error(400, 21211, f"Invalid 'To' Phone Number: {to}")
        if len(body) > MAX_BODY_LENGTH:
            return _error(400, 21617)
        with self._cond:
            rule = self._rules.get(to)
        if rule is not None:
            return rule.response()
        if content_sid:
            body = body or self._render(content_sid, params.get("ContentVariables"))
        now = datetime.now(UTC)
        sid = ("MM" if media else "SM") + uuid.uuid4().hex
        uri = f"/{API_VERSION}/Accounts/{self.account_sid}/Messages/{sid}"
        resource: dict[str, Any] = {
            "account_sid": self.account_sid,
            "api_version": API_VERSION,
            "body": body,
            "date_created": _rfc2822(now),
            "date_sent": None,
            "date_updated": _rfc2822(now),
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": sender or None,
            "messaging_service_sid": params.get("MessagingServiceSid"),
            "num_media": str(len(media) if isinstance(media, list) else int(bool(media))),
            "num_segments": str(_segments(body)),
            "price": None,
            "price_unit": "EUR",
            "sid": sid,
            "status": "queued",
            "subresource_uris": {"media": f"{uri}/Media.json"},
            "to": to,
            "uri": f"{uri}.json",
        }
        with self._cond:
            # What the client gets is the queued resource; what it reads back later is already sent, as
            # Twilio hands it to the carrier within moments. `set_status` moves it on from there.
            self._messages[sid] = {**resource, "status": "sent", "date_sent": _rfc2822(now)}
            if params.get("StatusCallback"):
                self._callbacks[sid] = params["StatusCallback"]
            self._cond.notify_all()
        if self.callbacks_to is not None and params.get("StatusCallback"):
            threading.Thread(target=self._auto_callback, args=(sid,), daemon=True).start()
        return JSONResponse(resource, status_code=201)

    def _auto_callback(self, sid: str) -> None:
        """Post the `sent` status callback for `sid` (in a thread: the create has been answered)."""
        time.sleep(0.05)
        try:
            response = self.set_status(sid, "sent")
        except httpx.HTTPError:
            response = None
        if response is None or response.status_code != 200:
            with self._cond:
                self.callback_failures += 1

    def _render(self, content_sid: str, variables: str | None) -> str:
        template = self.templates.get(content_sid, "")
        try:
            values = json.loads(variables) if variables else {}
        except ValueError:
            values = {}
        for key, value in values.items() if isinstance(values, dict) else []:
            template = template.replace("{{" + str(key) + "}}", str(value))
        return template

    def _list(self, request: Request) -> JSONResponse:
        """GET Messages.json: filter by To, From, DateSent / DateSent< / DateSent>, newest first, paged."""
        response = self._check_auth(request)
        if response is not None:
            return response
        query = request.query_params
        try:
            page = int(query.get("Page", "0"))
            page_size = min(int(query.get("PageSize", "50")), 1000)
            bounds = {
                op: _parse_date(query[f"DateSent{op}"]) for op in ("", "<", ">") if f"DateSent{op}" in query
            }
        except ValueError:
            return _error(400, 20001, "Invalid filter or paging parameter")
        if page < 0 or page_size < 1:
            return _error(400, 20001, "Invalid paging parameter")
        with self._cond:
            found = [
                copy.deepcopy(m)
                for m in reversed(self._messages.values())
                if query.get("To") in (None, m["to"])
                and query.get("From") in (None, m["from"])
                and all(_date_matches(m["date_sent"], op, bound) for op, bound in bounds.items())
            ]
        chunk = found[page * page_size : (page + 1) * page_size]
        filters = {k: v for k, v in query.items() if k not in ("Page", "PageSize", "PageToken")}
        base = f"/{API_VERSION}/Accounts/{self.account_sid}/Messages.json"

        def page_uri(number: int) -> str:
            return f"{base}?{urlencode({**filters, 'PageSize': page_size, 'Page': number})}"

        return JSONResponse(
            {
                "messages": chunk,
                "end": page * page_size + max(len(chunk) - 1, 0),
                "first_page_uri": page_uri(0),
                "next_page_uri": page_uri(page + 1) if (page + 1) * page_size < len(found) else None,
                "page": page,
                "page_size": page_size,
                "previous_page_uri": page_uri(page - 1) if page > 0 else None,
                "start": page * page_size,
                "uri": page_uri(page),
            }
        )


def _error(
    status: int, code: int, message: str | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {
        "code": code,
        "message": message or _MESSAGES.get(code, "Error"),
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }
    return JSONResponse(body, status_code=status, headers=headers)


def _rfc2822(moment: datetime) -> str:
    """Twilio's date format: "Mon, 23 Nov 2026 09:00:00 +0000"."""
    return format_datetime(moment.astimezone(UTC).replace(microsecond=0))


def _parse_date(value: str) -> date | datetime:
    """A DateSent filter value: "YYYY-MM-DD" (a whole day) or "YYYY-MM-DDTHH:MM:SSZ" (what the SDK sends)."""
    if "T" in value:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
    return date.fromisoformat(value)


def _date_matches(date_sent: str | None, op: str, bound: date | datetime) -> bool:
    if date_sent is None:
        return False
    sent = parsedate_to_datetime(date_sent)
    value: date | datetime = sent if isinstance(bound, datetime) else sent.date()
    if op == "<":
        return value <= bound  # type: ignore[operator]
    if op == ">":
        return value >= bound  # type: ignore[operator]
    return value == bound


def _segments(body: str) -> int:
    """SMS segments: 160/153 characters in GSM-7, 70/67 once any character needs UCS-2."""
    single, multi = (160, 153) if set(body) <= _GSM7 else (70, 67)
    return 1 if len(body) <= single else -(-len(body) // multi)
