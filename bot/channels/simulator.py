"""The local simulator channel: messages in and out without any provider.

Its last hop is the database itself: a "sent" simulator message is an outbox row the simulator page
reads back. Everything before that (storage, engine, outbox, claims) is the production path.
"""

from __future__ import annotations

from bot.channels.base import OutboundMessage, SendResult
from flows.types import Channel


class SimulatorAdapter:
    channels: tuple[Channel, ...] = ("simulator",)

    async def send(self, message: OutboundMessage) -> SendResult:
        return SendResult("sent", provider_id=f"sim-{message.outbox_id}")

    async def aclose(self) -> None:
        return None
