"""`voordeur chat`: one person's conversation in the terminal, through the real engine.

What you type is stored as an inbound message of the chosen channel and address, exactly as a webhook
would store it; the flow step, the effects and the outbox are the production path. Only the last hop
differs: every channel's adapter is replaced by one that prints the message as that channel would show it
(numbered choices for SMS and WhatsApp, buttons for Telegram). Messages to other people (a volunteer
invited by the matching) are printed too, marked with their channel and a masked address, so a whole
match can be followed from one terminal. Nothing leaves the machine.
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from dataclasses import dataclass
from typing import TextIO, cast

import phonenumbers

from bot.channels.base import InboundMessage, OutboundMessage, SendResult
from bot.channels.render import numbered
from bot.runtime import Runtime
from bot.settings import Settings
from flows.types import Channel, Event

CHANNELS: tuple[Channel, ...] = ("sms", "whatsapp", "telegram", "simulator")
QUIT_WORDS = frozenset({"/quit", "/exit"})


class AddressError(ValueError):
    """The --from address does not fit the channel."""


def normalise_address(channel: str, address: str) -> str:
    """E.164 for SMS and WhatsApp (a Dutch 06 number is accepted), a numeric chat id for Telegram."""
    address = address.strip()
    if channel in ("sms", "whatsapp"):
        try:
            number = phonenumbers.parse(address.removeprefix("whatsapp:"), "NL")
        except phonenumbers.NumberParseException as exc:
            raise AddressError(f"--from: {address!r} is not a phone number") from exc
        if not phonenumbers.is_valid_number(number):
            raise AddressError(f"--from: {address!r} is not a valid phone number")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if channel == "telegram":
        if not address.lstrip("-").isdigit():
            raise AddressError("--from: a Telegram chat id is a number, e.g. 123456789")
        return address
    if not address or len(address) > 64:
        raise AddressError("--from: give an address of at most 64 characters")
    return address


def render(message: OutboundMessage) -> str:
    """The message as its channel shows it: Telegram has buttons, the others numbered lines."""
    if message.channel == "telegram" and message.choices:
        buttons = "  ".join(f"[{label}]" for _key, label in message.choices)
        return f"{message.text}\n{buttons}"
    return numbered(message.text, message.choices)


def mask(address: str) -> str:
    return f"…{address[-4:]}" if len(address) > 4 else "…"


@dataclass
class TerminalAdapter:
    """Prints instead of calling a provider; the person at the keyboard sees their own messages plain."""

    me: tuple[str, str]
    out: TextIO
    channels: tuple[Channel, ...] = CHANNELS

    async def send(self, message: OutboundMessage) -> SendResult:
        text = render(message)
        if (message.channel, message.address) == self.me:
            self.out.write(f"\nvoordeur> {text.replace(chr(10), chr(10) + '          ')}\n")
        else:
            self.out.write(f"\n  [aan {message.channel} {mask(message.address)}] {text}\n")
        self.out.flush()
        return SendResult("sent", provider_id=f"chat-{message.outbox_id}")

    async def aclose(self) -> None:
        return None


def terminal_runtime(settings: Settings, channel: str, address: str, out: TextIO) -> Runtime:
    """A runtime whose every channel prints: nothing reaches a provider, whatever the settings say."""
    adapter = TerminalAdapter((channel, address), out)
    return Runtime(settings, adapters=dict.fromkeys(CHANNELS, adapter))


async def run(runtime: Runtime, channel: str, address: str, stdin: TextIO, out: TextIO) -> int:
    """Read lines until EOF or /quit; each line is one inbound message."""
    await runtime.start(worker=True)
    out.write(f"Voordeur chat als {channel} {mask(address)}. Typ een bericht; /quit stopt.\n")
    out.flush()
    loop = asyncio.get_running_loop()
    try:
        while True:
            line = await loop.run_in_executor(None, stdin.readline)
            if not line or line.strip() in QUIT_WORDS:
                break
            if not line.strip():
                continue
            inbound = InboundMessage(
                channel=cast(Channel, channel),
                provider_id=f"chat-{uuid.uuid4().hex}",
                address=address,
                event=Event(kind="text", text=line.rstrip("\n")),
            )
            stored = await runtime.engine.store(inbound)
            if not stored.duplicate:
                runtime.kick(stored.person_id)
            await _settle(runtime)
    finally:
        await _settle(runtime)
        await runtime.stop()
    return 0


async def _settle(runtime: Runtime) -> None:
    """Let the step and its sends finish before the next prompt, so answers do not interleave. The
    background sender runs too; claims make sure a row is printed once whichever sends it."""
    await runtime.engine.settle()
    while await runtime.sender.send_due():
        await runtime.engine.settle()


def main(settings: Settings, channel: str, address: str) -> int:
    runtime = terminal_runtime(settings, channel, address, sys.stdout)
    return asyncio.run(run(runtime, channel, address, sys.stdin, sys.stdout))
