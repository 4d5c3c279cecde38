"""The contract between the engine and a channel adapter.

A channel only translates: a provider payload becomes an `InboundMessage`, and an `OutboundMessage`
becomes one provider API call whose outcome is a `SendResult`. No database, no flow logic here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol

from flows.types import Channel, Event

SendOutcome = Literal["sent", "retry", "failed", "unknown"]


@dataclass(frozen=True, slots=True)
class InboundMessage:
    """A normalised inbound message, ready to be stored once and handed to the engine.

    `provider_id` is what makes a retry by the provider recognisable: Telegram's `update_id`,
    Twilio's `MessageSid`. `address` is the channel address without decoration: a Telegram chat id
    as text, an E.164 number (`+31612345678`) for SMS and WhatsApp (the `whatsapp:` prefix removed).
    """

    channel: Channel
    provider_id: str
    address: str
    event: Event
    # Telegram: a tapped inline button must be answered so the client stops its spinner.
    callback_query_id: str | None = None
    # The tenant whose front door received it (set by the webhook from the bot or number it came to).
    tenant: str = "default"


@dataclass(frozen=True, slots=True)
class AddressBlocked:
    """The person blocked the bot or left (Telegram `my_chat_member` "kicked"): mark the address stopped."""

    channel: Channel
    provider_id: str
    address: str
    tenant: str = "default"


@dataclass(frozen=True, slots=True)
class Ignored:
    """A payload we accept (200) and drop on purpose, with the reason for the log (no personal data)."""

    reason: str


@dataclass(frozen=True, slots=True)
class OutboundMessage:
    """One rendered message for one address. `outbox_id` is the idempotency key of the send."""

    outbox_id: int
    channel: Channel
    address: str
    text: str
    # (choice key, label) pairs, in order; the adapter renders them for its medium.
    choices: tuple[tuple[str, str], ...] = ()
    # WhatsApp outside the 24-hour window: an approved template (Twilio ContentSid) and its variables
    # ({"1": ..., "2": ...}) are sent instead of `text`.
    content_sid: str | None = None
    content_variables: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SendResult:
    """What became of one send.

    - `sent`: the provider accepted it; `provider_id` is its id (Twilio SID, Telegram message_id).
    - `retry`: it certainly did not arrive (connection refused, 429, 5xx); try again after `retry_after`
      seconds if given, else after the sender's backoff.
    - `failed`: permanent; `error` says why (e.g. `twilio:21610`, `telegram:forbidden`).
      `address_stopped` is True when the person opted out or blocked the bot.
    - `unknown`: the request may have reached the provider (read timeout after it left): do not
      blindly resend, see the outbox sender.
    """

    outcome: SendOutcome
    provider_id: str | None = None
    retry_after: float | None = None
    error: str | None = None
    address_stopped: bool = False


@dataclass(frozen=True, slots=True)
class StatusUpdate:
    """A delivery status callback (Twilio): the provider id of our message and its new status."""

    provider_id: str
    status: str
    error_code: str | None = None


class ChannelAdapter(Protocol):
    """Sends rendered messages for one or more channels."""

    channels: tuple[Channel, ...]

    async def send(self, message: OutboundMessage) -> SendResult: ...

    async def aclose(self) -> None: ...
