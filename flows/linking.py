"""KOPPEL: one person on several channels (SMS and Telegram, say), with one history.

On the channel they already use, a person sends KOPPEL and gets a 6-digit code (the engine makes it:
flows do not draw random numbers). On the new channel they send KOPPEL and the code, and that address
joins their existing account. Codes last 15 minutes; wrong codes are limited per address.
"""

from __future__ import annotations

import re
from typing import Any

from flows.dialogue import say
from flows.normalise import simplify
from flows.types import Effect, Event, StepResult

_LINK = re.compile(r"^(?:koppel|koppelen|link)(?:\s+(\d{6}))?$")
MAX_TRIES = 5
INTERNAL = {"link_code": "link_code", "linked": "linked", "link_failed": "link_failed"}


def parse(event: Event) -> tuple[bool, str | None]:
    """(is this KOPPEL?, the code if one was given)."""
    if event.kind != "text":
        return False, None
    match = _LINK.match(simplify(event.text).replace("-", " "))
    if match is None:
        return False, None
    return True, match.group(1)


def on_link(state: dict[str, Any], code: str | None) -> StepResult:
    if code is None:
        return StepResult(state, (), (Effect("create_link_code"),))
    tries = int(state.get("link_tries", 0))
    if tries >= MAX_TRIES:
        return StepResult(state, (say("link_too_many"),))
    state["link_tries"] = tries + 1
    return StepResult(state, (), (Effect("use_link_code", {"code": code}),))


def on_internal(state: dict[str, Any], event: Event) -> StepResult | None:
    name = event.command or ""
    if name not in INTERNAL:
        return None
    if name == "linked":
        state.pop("link_tries", None)
    return StepResult(state, (say(INTERNAL[name], {"code": str(event.meta.get("code", ""))}),))
