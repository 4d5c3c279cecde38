"""The main menu and the way to it: where a person lands between flows, and how asking or offering
starts (after onboarding what is still missing for matching)."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import replace
from datetime import datetime
from typing import Any

from flows import ask, care, circle, offer, onboarding
from flows.dialogue import prompt, repeat_prompt
from flows.normalise import simplify
from flows.profile import Profile, after
from flows.types import Choice, Effect, Reply, StepResult
from flows.understanding.text import lexicon

MENU_CHOICES = (
    Choice("ask", "choice_ask"),
    Choice("offer", "choice_offer"),
    Choice("info", "choice_info"),
    Choice("stop", "choice_stop"),
)
MENU_KEYS = frozenset(choice.key for choice in MENU_CHOICES)
TARGETS = frozenset({"ask", "offer"})
CIRCLE = "circle"  # KRING kept through onboarding (flows/first_contact.py `_for_circle`)
# MENU in the middle of a question keeps where the person was: the menu gets one more choice, and
# that choice or a word like "verder" goes back to the open question with everything already said.
BACK = Choice("back_to", "choice_back_to")
# The questions of a request, an offer or a carer's registration being filled in (not a list or a
# status shown, which MENU simply leaves).
KEEP_PLACE = frozenset(
    {("ask", step) for step in ask.STEPS}
    | {("offer", step) for step in ("categories", "reach", "times", "limit", "languages")}
    | {("care", step) for step in ("who", "relation", "hours", "rhythm", "day")}
)
# The words that go back are `data/choices.toml` [back_to] (flows/understanding).
BACK_WORDS = frozenset(simplify(word) for word in lexicon("choices")["back_to"]["all"])


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
    if target == care.FLOW and updated.consented:
        nxt = care.start(state, updated)  # a first message that said she is a mantelzorger
    elif target == CIRCLE and updated.consented:
        nxt = circle.start(state, updated)  # a first message that asked for family to read along
    elif not ready and _request_kept(state, target, updated):
        nxt = ask.start(state, updated, now)
    else:
        state.pop(care.SAID_RELATION, None)  # consent declined: nothing kept for a registration
        state.pop(care.SAID_FREQ, None)
        nxt = go(state, target, updated, now) if ready else show(state, "menu")
    return replace(
        result,
        state=nxt.state,
        replies=(*result.replies, *nxt.replies),
        effects=(*result.effects, *nxt.effects),
    )


def _request_kept(state: dict[str, Any], target: str, profile: Profile) -> bool:
    """A request kept through onboarding by someone with no neighbourhood here (they live elsewhere or
    skipped the question): it goes on, for the place its words name ("mijn moeder woont in de
    Molenwijk, ik woon zelf in Utrecht"; session 27: it was dropped at the menu), else the request's
    where question asks the place (round dialogue20: a skipped neighbourhood ended at the bare menu and
    the request was lost)."""
    pending = state.get("pending") or {}
    return target == "ask" and profile.consented and pending.get("intent") == "ask"


def show(state: dict[str, Any], key: str, effects: tuple[Effect, ...] = ()) -> StepResult:
    state["greeted"] = True
    state["flow"] = "menu"
    state.pop("step", None)
    replies: tuple[Reply, ...] = (prompt(state, key, MENU_CHOICES),)
    return StepResult(state, replies, effects)


def show_keeping_place(state: dict[str, Any], text: str = "") -> StepResult:
    """MENU asked for mid-question: the menu, with a way back to that question (`back`). At that
    menu a word that is also a menu command ("terug") goes back."""
    if state.get("flow") == "menu" and wants_back(state, None, text):
        return back(state)
    state.pop("detour", None)
    if state.get("flow") == "meet" and isinstance(state.get("meet_back"), dict):
        # MENU while planning a meeting asked for mid-question: the way back is to that question.
        state["detour"] = state.pop("meet_back")
        show(state, "menu")
        state.pop("meet", None)
        return StepResult(state, (prompt(state, "menu", (*MENU_CHOICES, BACK)),))
    if (state.get("flow"), state.get("step")) not in KEEP_PLACE or not state.get("prompt"):
        return show(state, "menu")
    state["detour"] = {k: deepcopy(v) for k, v in state.items() if k not in ("offered", "misses")}
    show(state, "menu")
    return StepResult(state, (prompt(state, "menu", (*MENU_CHOICES, BACK)),))


def wants_back(state: dict[str, Any], answer: str | None, text: str) -> bool:
    return "detour" in state and (answer == BACK.key or is_back_word(text))


def is_back_word(text: str) -> bool:
    """The whole message goes on or back ("verder", "ga door", "далі")."""
    return simplify(text) in BACK_WORDS


def back(state: dict[str, Any]) -> StepResult:
    """Back to the question the person left for the menu, with all they had said."""
    detour = state.pop("detour")
    lang = state.get("lang")
    state.clear()
    state.update(detour)
    state["lang"] = lang
    return StepResult(state, repeat_prompt(state))
