"""Plain data that flows read and return.

Flows never touch the network, the database or the clock: they get a state, an event and `now`,
and return a new state with replies and effects. These names are stored in the database
(flow states, effect kinds), so renaming one is a migration.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Channel = Literal["telegram", "sms", "whatsapp", "simulator"]
CHANNELS: tuple[Channel, ...] = ("telegram", "sms", "whatsapp", "simulator")

EventKind = Literal[
    "text",  # a typed message
    "choice",  # a tapped button (Telegram callback, WhatsApp quick reply) carrying a choice key
    "command",  # a normalised command: stop, start, menu, help
    "media",  # photo, voice note, sticker, document, video: nothing we can read
    "location",  # a shared location
    "unsupported",  # edited message, group chat, anything we answer with a kind "cannot read that"
    "timer",  # a scheduled event came due
    "internal",  # posted by the engine for this person: an invitation, a match, a relayed message
]


@dataclass(frozen=True, slots=True)
class Choice:
    """One option offered to the person. `key` is stable and comes back as the event's choice.

    The label is a catalogue text (`label_key`), or for data such as a neighbourhood's name a literal
    `label` shown as it is.
    """

    key: str
    label_key: str = ""
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """A channel-neutral reply: a text key from the catalogue, its parameters, optional choices.

    `to_person` is None for the person who caused the step; relays name another person. `lead` is a
    catalogue key said before the text in the same message ("I did not quite get that. When ...?"):
    one SMS instead of two.
    """

    key: str
    params: Mapping[str, str] = field(default_factory=dict)
    choices: tuple[Choice, ...] = ()
    to_person: int | None = None
    lead: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One thing that happened to a person: a message, a button, a command, a timer."""

    kind: EventKind
    text: str = ""
    choice: str | None = None
    command: str | None = None
    # The address the event came from is stopped (STOP earlier): only START gets through.
    address_stopped: bool = False
    # A language hint from the channel (Telegram's language_code), used on first contact.
    language_hint: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Effect:
    """A change for the engine to apply in the same transaction as the replies.

    Kinds used by the core: `set_stopped` (data: {"stopped": bool}) for the address the event came from.
    """

    kind: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StepResult:
    state: dict[str, Any]
    replies: tuple[Reply, ...] = ()
    effects: tuple[Effect, ...] = ()
