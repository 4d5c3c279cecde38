"""Small helpers every flow uses: asking with choices, and reading the answer back.

The choices last offered are kept in the state, so a typed "2" or "Hulp bieden" means the same as the
tapped button, on any channel.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flows import catalogue
from flows.normalise import choice_in
from flows.types import Choice, Event, Reply

YES_NO = (Choice("yes", "choice_yes"), Choice("no", "choice_no"))


def language(state: Mapping[str, Any]) -> str:
    return catalogue.language_or_default(state.get("lang"))


def label_of(choice: Choice, lang: str) -> str:
    return choice.label if choice.label is not None else catalogue.render(choice.label_key, lang)


def prompt(
    state: dict[str, Any], key: str, choices: tuple[Choice, ...] = (), params: Mapping[str, str] | None = None
) -> Reply:
    """A question; its choices become what a typed number or label is matched against."""
    state["offered"] = [[choice.key, label_of(choice, language(state))] for choice in choices]
    state["prompt"] = {
        "key": key,
        "params": dict(params or {}),
        "choices": [[c.key, c.label_key, c.label] for c in choices],
    }
    return Reply(key, dict(params or {}), choices)


def repeat_prompt(state: dict[str, Any]) -> tuple[Reply, ...]:
    """The last question again (after "I did not understand", a photo, a language switch)."""
    last = state.get("prompt")
    if not last:
        return ()
    choices = tuple(Choice(key, label_key, label) for key, label_key, label in last.get("choices", []))
    return (prompt(state, str(last["key"]), choices, last.get("params")),)


def say(key: str, params: Mapping[str, str] | None = None) -> Reply:
    return Reply(key, dict(params or {}))


def chosen(state: Mapping[str, Any], event: Event) -> str | None:
    """The offered choice this event means: a button's key, a number, yes/no, or a label."""
    offered = [(str(key), str(label)) for key, label in state.get("offered") or []]
    keys = [key for key, _ in offered]
    if event.kind == "choice":
        return event.choice if event.choice in keys else None
    if event.kind != "text":
        return None
    return choice_in(event.text, keys, dict(offered))
