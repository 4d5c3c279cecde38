"""Twilio SMS and WhatsApp: one module, because Twilio speaks one format for both.

Inbound webhooks (form fields) become `InboundMessage`s; an `OutboundMessage` becomes one call to the
Messages API whose outcome is classified for the outbox sender. Only codes and error classes leave this
module as error strings: Twilio's own error messages may quote phone numbers, and errors are logged.

The Messages API call is the sender's hot path: it is one form POST, built here (the fields and headers
twilio's `messages.create` sends) and posted with bot/channels/http.py's `ProviderPost`, a fifth of the
CPU of twilio's client over httpx (bench/README.md "Sender, session 6"). Its answers are classified as
twilio raised them (`Version.exception`). twilio's `RequestValidator` still checks inbound signatures.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import platform
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlparse

import httpx
from twilio import __version__ as twilio_version
from twilio import request_validator

from bot.channels.base import Ignored, InboundMessage, OutboundMessage, SendResult, StatusUpdate
from bot.channels.http import AiohttpPool, Answer, ProviderPost
from bot.channels.render import numbered
from bot.delivery.pacing import Limit
from flows.types import Channel, Event

WHATSAPP_PREFIX = "whatsapp:"
DEFAULT_API_BASE_URL = "https://api.twilio.com"

# Error codes after which the person must not be written to again on this address.
_ADDRESS_STOPPED_CODES = frozenset({"21610"})  # recipient opted out (replied STOP to the carrier)
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
# Transport errors raised before any byte of the request can have reached Twilio.
_NOT_SENT_ERRORS: tuple[type[httpx.HTTPError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ProxyError,
)


# A message SID: letters and digits, at most 64 (the column's width); Twilio's own are 34 long.
_SID = re.compile(r"[A-Za-z0-9]{2,64}")
MAX_MEDIA = 10


class MalformedTwilioPayload(ValueError):
    """A webhook lacks a field every Twilio request has; the web layer answers 400."""


# --- inbound -------------------------------------------------------------------------------------------


def parse_inbound(form: Mapping[str, str]) -> InboundMessage | Ignored:
    """Turn an inbound-message webhook (SMS or WhatsApp) into an `InboundMessage`.

    Only what flows need is kept: profile names, WhatsApp ids, city and media URLs stay out (data
    minimisation; a media URL would give anyone with our credentials the voice note for ever).
    """
    provider_id = _first(form, "MessageSid", "SmsMessageSid")
    sender = form.get("From", "").strip()
    if not provider_id or not sender:
        raise MalformedTwilioPayload("MessageSid and From are required")
    if not _SID.fullmatch(provider_id):
        # Twilio SIDs are two letters and 32 hex digits; anything else cannot be stored as an id.
        raise MalformedTwilioPayload("MessageSid is not a Twilio SID")
    channel, address = _split_address(sender)
    if channel is None:
        return Ignored(reason="sender address is not a supported channel")
    if not _E164.match(address):
        return Ignored(reason="sender is not a phone number (short code or alphanumeric)")
    return InboundMessage(channel=channel, provider_id=provider_id, address=address, event=_event(form))


def valid_signature(auth_token: str, url: str, form: Mapping[str, str], signature: str) -> bool:
    """Whether `signature` (X-Twilio-Signature) is Twilio's HMAC-SHA1 of `url` and the form: the fields
    sorted by name, each name followed by its value, appended to the URL, keyed with the auth token,
    base64. Like twilio's `RequestValidator.validate` (the oracle in tests/test_channel_twilio.py), the
    URL counts with and without its default port, as Twilio's back end signs either.

    The same algorithm without RequestValidator's per-call work: the keyed HMAC is set up once per token,
    the two URL forms are worked out once per URL, and the second is only tried if the first fails.
    """
    fields = "".join([name + form[name] for name in sorted(form)]).encode()
    given = signature.encode()
    keyed = _keyed(auth_token)
    for candidate in _signed_urls(url):
        mac = keyed.copy()
        mac.update(candidate)
        mac.update(fields)
        if hmac.compare_digest(base64.b64encode(mac.digest()), given):
            return True
    return False


@functools.lru_cache(maxsize=64)
def _keyed(auth_token: str) -> hmac.HMAC:
    return hmac.new(auth_token.encode(), digestmod=hashlib.sha1)


@functools.lru_cache(maxsize=1024)
def _signed_urls(url: str) -> tuple[bytes, ...]:
    """The URL as Twilio's validator rebuilds it without and with the default port (one if they agree)."""
    parsed = urlparse(url)
    forms = (request_validator.remove_port(parsed), request_validator.add_port(parsed))
    return tuple(dict.fromkeys(form.encode() for form in forms))


def parse_status(form: Mapping[str, str]) -> StatusUpdate:
    """Turn a status callback into a `StatusUpdate`; an empty `ErrorCode` means none."""
    provider_id = _first(form, "MessageSid", "SmsSid")
    status = _first(form, "MessageStatus", "SmsStatus")
    if not provider_id or not status:
        raise MalformedTwilioPayload("MessageSid and MessageStatus are required")
    if not _SID.fullmatch(provider_id):
        raise MalformedTwilioPayload("MessageSid is not a Twilio SID")
    return StatusUpdate(provider_id=provider_id, status=status, error_code=_first(form, "ErrorCode"))


def _first(form: Mapping[str, str], *names: str) -> str | None:
    """The first non-empty value among `names`: Twilio sends both `MessageSid` and legacy `SmsSid` forms."""
    for name in names:
        value = form.get(name, "").strip()
        if value:
            return value
    return None


def _split_address(sender: str) -> tuple[Channel | None, str]:
    """`whatsapp:+31...` → ("whatsapp", "+31..."); a bare number is SMS; other schemes are not ours."""
    if sender.startswith(WHATSAPP_PREFIX):
        return "whatsapp", sender.removeprefix(WHATSAPP_PREFIX)
    if ":" in sender:  # messenger:, rcs: and other channels Twilio can route to the same webhook
        return None, sender
    return "sms", sender


def _event(form: Mapping[str, str]) -> Event:
    """The flow event for a message: location, then a tapped button, then media, else text."""
    body = form.get("Body", "")
    if form.get("Latitude") and form.get("Longitude"):
        # Coordinates are not kept (data minimisation, as on Telegram): flows ask for a postcode instead.
        return Event(kind="location")
    button_payload = form.get("ButtonPayload", "")
    if button_payload:
        return Event(kind="choice", choice=button_payload, text=form.get("ButtonText", body))
    media_count = _int(form.get("NumMedia", "0"))
    if media_count > 0:
        return Event(kind="media", text=body, meta={"media_types": _media_types(form, media_count)})
    return Event(kind="text", text=body)


def _media_types(form: Mapping[str, str], count: int) -> list[str]:
    """The content types of the attachments, so a flow can say "we cannot listen to voice notes"."""
    # Twilio sends at most 10 attachments; a larger claimed count must not make us loop for it.
    types = (form.get(f"MediaContentType{index}", "") for index in range(min(count, MAX_MEDIA)))
    return [content_type for content_type in types if content_type]


def _int(value: str) -> int:
    """A count Twilio sends as text; garbage counts as zero rather than failing the whole message."""
    try:
        return int(value)
    except ValueError:
        return 0


# --- outbound ------------------------------------------------------------------------------------------


def render_text(message: OutboundMessage) -> str:
    """The body Twilio gets: choices as numbered lines, for SMS and for WhatsApp without Content templates."""
    return numbered(message.text, message.choices)


class TwilioAdapter:
    """Sends SMS and WhatsApp messages through Twilio's Messages API, without blocking the event loop."""

    channels: tuple[Channel, ...] = ("sms", "whatsapp")

    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        sms_number: str | None,
        whatsapp_number: str | None,
        api_base_url: str = DEFAULT_API_BASE_URL,
        status_callback_url: str | None = None,
        timeout: float = 15.0,
        messages_per_second: float = 10.0,
    ) -> None:
        """`api_base_url` is the one source of the host (TWILIO_REGION/TWILIO_EDGE do not rewrite it);
        `messages_per_second`: the most each sender number may send (Twilio's limit for it; 0: no
        pacing here)."""
        if not account_sid or not auth_token:
            raise ValueError("account_sid and auth_token are required")
        self._senders: dict[str, str | None] = {
            "sms": sms_number or None,
            "whatsapp": _whatsapp(whatsapp_number) if whatsapp_number else None,
        }
        self._status_callback_url = status_callback_url or None
        self._messages_per_second = messages_per_second
        self._pool = AiohttpPool()
        credentials = base64.b64encode(f"{account_sid}:{auth_token}".encode()).decode("ascii")
        self._messages = ProviderPost(
            f"{api_base_url.rstrip('/')}/2010-04-01/Accounts/{account_sid}/Messages.json",
            {**_HEADERS, "Authorization": f"Basic {credentials}"},
            # Short: failing to connect is always safe to retry.
            connect_timeout=min(5.0, timeout),
            read_timeout=timeout,
            pool_timeout=timeout,
            pool=self._pool,
        )

    async def send(self, message: OutboundMessage) -> SendResult:
        """Send one message and say what became of it; never raises for provider or network trouble."""
        route = self._route(message)
        if isinstance(route, SendResult):
            return route
        to, from_ = route
        # The fields in the order twilio's messages.create sends them.
        fields = [("To", to)]
        if self._status_callback_url is not None:
            fields.append(("StatusCallback", self._status_callback(message.outbox_id)))
        if message.content_sid is not None:
            # An approved template (WhatsApp outside the 24-hour window): Twilio fills it, no Body.
            variables = json.dumps(dict(message.content_variables), ensure_ascii=False)
            fields += [("ContentVariables", variables), ("From", from_), ("ContentSid", message.content_sid)]
        else:
            fields += [("From", from_), ("Body", render_text(message))]
        try:
            answer = await self._messages.post(form_body(fields))
        except httpx.HTTPError as exc:
            return _transport_outcome(exc)
        return _answer_outcome(answer)

    @property
    def confirms_by_callback(self) -> bool:
        """Every send carries its outbox id in the status callback URL, so Twilio's callback confirms an
        accepted message by the row's own key (the outbox sender waits for it before resending)."""
        return self._status_callback_url is not None

    def pacing(self, message: OutboundMessage) -> tuple[Limit, ...]:
        """Twilio limits each sender (From number), whatever the recipient: one rate per number."""
        route = self._route(message)
        if isinstance(route, SendResult) or self._messages_per_second <= 0:
            return ()
        return (Limit(f"twilio:{route[1]}", self._messages_per_second),)

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        await self._pool.aclose()

    def _route(self, message: OutboundMessage) -> tuple[str, str] | SendResult:
        """(To, From) for the message's channel, or a permanent failure when that channel is not set up."""
        if message.channel not in self.channels:
            return SendResult("failed", error="twilio:unsupported_channel")
        sender = self._senders[message.channel]
        if sender is None:
            return SendResult("failed", error=f"twilio:no_{message.channel}_sender")
        to = _whatsapp(message.address) if message.channel == "whatsapp" else message.address
        return to, sender

    def _status_callback(self, outbox_id: int) -> str:
        """The callback URL with the outbox id, so a status can be tied to its row even before the SID is."""
        url = self._status_callback_url or ""
        separator = "&" if "?" in url else "?"
        return f"{url}{separator}o={outbox_id}"


# The headers twilio's client sends with messages.create (its `get_headers`), built once.
_HEADERS = {
    "User-Agent": (
        f"twilio-python/{twilio_version} ({platform.system()} {platform.machine()}) "
        f"Python/{platform.python_version()}"
    ),
    "X-Twilio-Client": f"python-{twilio_version}",
    "Accept-Charset": "utf-8",
    "Content-Type": "application/x-www-form-urlencoded",
    "Accept": "application/json",
}


# Each byte as `urllib.parse.quote_plus` writes it: unreserved characters as they are, a space as `+`,
# every other byte (a UTF-8 sequence's too) as %XX. Indexed by the byte's value (text decoded as Latin-1).
_FORM_BYTE = {
    byte: chr(byte)
    if chr(byte).isascii() and (chr(byte).isalnum() or chr(byte) in "_.-~")
    else "+"
    if byte == 0x20
    else f"%{byte:02X}"
    for byte in range(256)
}


def form_body(fields: list[tuple[str, str]]) -> bytes:
    """`urlencode(fields).encode()`, a send's form body, with each value translated in C in one pass.

    Why: `quote_plus` walks a value's bytes in a Python loop, so a reply's body of a few hundred bytes
    cost more than the rest of the send's request building (bench/README.md, session 14)."""
    return "&".join(
        f"{name}={value.encode().decode('latin-1').translate(_FORM_BYTE)}" for name, value in fields
    ).encode("ascii")


def _whatsapp(address: str) -> str:
    """Twilio addresses WhatsApp numbers as `whatsapp:+31...`; add the prefix once."""
    return address if address.startswith(WHATSAPP_PREFIX) else WHATSAPP_PREFIX + address


def _answer_outcome(answer: Answer) -> SendResult:
    """Twilio's answer to a create: a 2xx with a SID was accepted; an error status is classified by its
    status and Twilio error code, read as twilio's `Version.exception` reads them."""
    if not 200 <= answer.status < 300:
        status, code = _error_of(answer)
        retry_after = answer.header("Retry-After")
        return _api_outcome(status, code, {"Retry-After": retry_after} if retry_after else {})
    try:
        created = json.loads(answer.body.decode("utf-8"))
    except ValueError:
        # A success status with a body we cannot read: Twilio may well have queued it.
        return SendResult("unknown", error="twilio:unreadable_response")
    sid = created.get("sid") if isinstance(created, dict) else None
    if not sid:
        return SendResult("unknown", error="twilio:no_sid")
    return SendResult("sent", provider_id=str(sid))


def _error_of(answer: Answer) -> tuple[int, object]:
    """(status, Twilio error code) of an error answer: an RFC 9457 body names its own status; a body
    without a code (or not JSON) gives the HTTP status as the code, as twilio's exceptions do."""
    try:
        payload = json.loads(answer.body.decode("utf-8", "replace"))
    except ValueError:
        return answer.status, answer.status
    if not isinstance(payload, dict):
        return answer.status, answer.status
    if all(key in payload for key in ("type", "title", "status", "code")):
        status = payload["status"]
        return (status if isinstance(status, int) else answer.status), payload["code"]
    return answer.status, payload.get("code", answer.status)


def _transport_outcome(exc: httpx.HTTPError) -> SendResult:
    """Retry when the request certainly did not leave; otherwise it may have arrived: unknown."""
    error = f"twilio:{_snake(type(exc).__name__)}"
    if isinstance(exc, _NOT_SENT_ERRORS):
        return SendResult("retry", error=error)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return SendResult("failed", error="twilio:bad_api_base_url")
    return SendResult("unknown", error=error)


def _api_outcome(status: int, code: object, headers: Mapping[str, str]) -> SendResult:
    """Classify an error answer: 429 and 5xx are retried, other answers are permanent."""
    error = _error_name(status, code)
    if status == 429 or status >= 500:
        return SendResult("retry", retry_after=_retry_after(headers), error=error)
    stopped = str(code) in _ADDRESS_STOPPED_CODES
    return SendResult("failed", error=error, address_stopped=stopped)


def _error_name(status: int, code: object) -> str:
    """`twilio:21610` for Twilio error codes; `twilio:http_502` when the answer carried no code."""
    if code is None or str(code) == str(status):
        return f"twilio:http_{status}"
    return f"twilio:{code}"


def _retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None when absent or unreadable."""
    value = headers.get("Retry-After") or headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (_as_utc(when) - datetime.now(UTC)).total_seconds())


def _as_utc(moment: datetime) -> datetime:
    """Aware UTC: twilio formats filter dates with a literal `Z`, so a local time would be off by hours."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _snake(name: str) -> str:
    """`ReadTimeout` → `read_timeout`, for short error strings."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
