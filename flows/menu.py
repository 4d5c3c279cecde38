"""The main menu and the way to it: where a person lands between flows, and how asking or offering
starts (after onboarding what is still missing for matching)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from flows import ask, offer, onboarding
from flows.dialogue import prompt
from flows.profile import Profile, after
from flows.types import Choice, Effect, Reply, StepResult

MENU_CHOICES = (
    Choice("ask", "choice_ask"),
    Choice("offer", "choice_offer"),
    Choice("info", "choice_info"),
    Choice("stop", "choice_stop"),
)
MENU_KEYS = frozenset(choice.key for choice in MENU_CHOICES)
TARGETS = frozenset({"ask", "offer"})


def go(state: dict[str, Any], target: str, profile: Profile, now: datetime) -> StepResult:
    """Go to ask or offer, after onboarding what is still missing for matching."""
    if not profile.ready_to_match:
        return carry_on(onboarding.start(state, profile, then=target), profile, now)
    if target == "ask":
        return ask.start(state, profile, now)
    return offer.start(state, profile, now)


def carry_on(result: StepResult, profile: Profile, now: datetime) -> StepResult:
    """When onboarding has finished, carry on where the person was heading."""
    state = result.state
    if state.get("flow") != "onboarded":
        return result
    target = state.pop("then", "menu")
    updated = after(profile, result.effects)
    ready = target in TARGETS and updated.ready_to_match
    nxt = go(state, target, updated, now) if ready else show(state, "menu")
    return replace(
        result,
        state=nxt.state,
        replies=(*result.replies, *nxt.replies),
        effects=(*result.effects, *nxt.effects),
    )


def show(state: dict[str, Any], key: str, effects: tuple[Effect, ...] = ()) -> StepResult:
    state["greeted"] = True
    state["flow"] = "menu"
    state.pop("step", None)
    replies: tuple[Reply, ...] = (prompt(state, key, MENU_CHOICES),)
    return StepResult(state, replies, effects)
