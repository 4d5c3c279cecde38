"""The conversation's entry point: `step(state, event, now) -> StepResult`.

Global rules come first, in every flow state: a stopped address hears nothing until START; STOP, START,
MENU and the language words work anywhere. Then the current flow handles the event. This first version
has one flow, the menu; the ask-for-help and offer-help flows replace its targets.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flows import catalogue
from flows.normalise import choice_in, command_in
from flows.types import Choice, Effect, Event, Reply, StepResult

MENU_CHOICES = (
    Choice("ask", "choice_ask"),
    Choice("offer", "choice_offer"),
    Choice("info", "choice_info"),
    Choice("stop", "choice_stop"),
)
CHOICE_REPLIES = {"ask": "ask_coming", "offer": "offer_coming", "info": "info"}
MEDIA_REPLIES = {
    "media": "media_unsupported",
    "location": "location_unsupported",
    "unsupported": "unsupported",
}


def new_state(language_hint: str | None = None) -> dict[str, Any]:
    return {"flow": "menu", "lang": catalogue.language_or_default(language_hint), "offered": []}


def step(state: dict[str, Any], event: Event, now: datetime) -> StepResult:
    """One step of the conversation. Pure: same inputs, same result; `now` is the caller's clock."""
    state = dict(state) if state else new_state(event.language_hint)
    first_contact = not state.get("greeted")
    command = event.command or (command_in(event.text) if event.kind == "text" else None)
    choice = event.choice if event.kind == "choice" else None
    if event.kind == "text" and command is None:
        choice = _typed_choice(state, event.text)
    if choice == "stop":
        command = "stop"

    if event.address_stopped:
        if command == "start":
            return _menu(state, "start_confirmed", effects=(Effect("set_stopped", {"stopped": False}),))
        return StepResult(state)
    if command == "stop":
        state["offered"] = []
        return StepResult(state, (Reply("stop_confirmed"),), (Effect("set_stopped", {"stopped": True}),))
    if command in ("lang_en", "lang_nl"):
        state["lang"] = command.removeprefix("lang_")
        return _menu(state, "language_set")
    if first_contact or command in ("start", "menu"):
        return _menu(state, "welcome" if first_contact else "menu")
    if command == "help":
        return _with_menu(state, "info")
    if event.kind in MEDIA_REPLIES:
        return StepResult(state, (Reply(MEDIA_REPLIES[event.kind]),))

    if choice in CHOICE_REPLIES:
        state["offered"] = []
        return StepResult(state, (Reply(CHOICE_REPLIES[choice]),))
    return _with_menu(state, "not_understood")


def _typed_choice(state: dict[str, Any], text: str) -> str | None:
    offered = list(state.get("offered") or [])
    language = state.get("lang", catalogue.DEFAULT_LANGUAGE)
    labels = {c.key: catalogue.render(c.label_key, language) for c in MENU_CHOICES if c.key in offered}
    return choice_in(text, offered, labels)


def _menu(state: dict[str, Any], key: str, effects: tuple[Effect, ...] = ()) -> StepResult:
    state["greeted"] = True
    state["flow"] = "menu"
    state["offered"] = [c.key for c in MENU_CHOICES]
    return StepResult(state, (Reply(key, choices=MENU_CHOICES),), effects)


def _with_menu(state: dict[str, Any], key: str) -> StepResult:
    """A text followed by the menu again, so a lost person always sees where to go."""
    state["offered"] = [c.key for c in MENU_CHOICES]
    return StepResult(state, (Reply(key), Reply("menu", choices=MENU_CHOICES)))
