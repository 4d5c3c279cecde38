"""The conversation's entry point: `step(state, event, now, profile) -> StepResult`.

Order matters. Internal events (an invitation, a match, a relayed message) go to their flows. A crisis
message is answered with emergency numbers before anything else and used by nothing automatic. Then the
global words, in every flow state: a stopped address hears nothing until START; STOP, START, MENU,
HELP, the language words, KOPPEL, thread words (KLAAR, MELD, MENS, DEEL NUMMER) and the offer words
(MIJN AANBOD, PAUZE, HERVAT). Then the current flow: `onboarding`, `ask`, `offer`, `my_requests`, or
the menu, where plain text from someone in a thread is passed on.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from flows import (
    agenda,
    ask,
    care,
    catalogue,
    circle,
    crisis,
    invitations,
    linking,
    meetings,
    my_requests,
    offer,
    onboarding,
    privacy,
    reminders,
    social_map,
    staff,
    threads,
)
from flows.dialogue import chosen, prompt, repeat_prompt, say
from flows.normalise import command_in, command_with_argument
from flows.profile import Profile, after
from flows.types import Choice, Effect, Event, Reply, StepResult

MENU_CHOICES = (
    Choice("ask", "choice_ask"),
    Choice("offer", "choice_offer"),
    Choice("info", "choice_info"),
    Choice("stop", "choice_stop"),
)
MENU_KEYS = frozenset(choice.key for choice in MENU_CHOICES)
OFFER_COMMANDS = frozenset({"my_offer", "pause", "resume"})
TARGETS = frozenset({"ask", "offer"})
MEDIA_REPLIES = {
    "media": "media_unsupported",
    "location": "location_unsupported",
    "unsupported": "unsupported",
}


def new_state(language_hint: str | None = None) -> dict[str, Any]:
    return {"flow": "menu", "lang": catalogue.language_or_default(language_hint), "offered": []}


def step(state: dict[str, Any], event: Event, now: datetime, profile: Profile | None = None) -> StepResult:
    """One step of the conversation. Pure: same inputs, same result; `now` is the caller's clock."""
    state = dict(state) if state else new_state(event.language_hint)
    profile = profile or Profile()
    if event.kind == "internal":
        handled = (
            invitations.on_internal(state, event)
            or threads.on_internal(state, event)
            or linking.on_internal(state, event)
            or privacy.on_internal(state, event)
            or care.on_internal(state, event)
            or reminders.on_internal(state, event)
            or meetings.on_internal(state, event)
            or circle.on_internal(state, event)
            or agenda.on_internal(state, event)
            or social_map.on_internal(state, event, profile.neighbourhood)
            or staff.on_internal(state, event)
        )
        return handled or StepResult(state)
    danger = crisis.detect(event.text) if event.kind in ("text", "media") else None
    if danger is not None:
        # Before everything else, also for a stopped address (staff are alerted, nothing is sent), and
        # nothing automatic uses this message: no flow step, no matching, no relay.
        alert = Effect("alert_staff", {"kind": f"crisis_{danger}", "priority": "high"})
        replies = () if event.address_stopped else (say(f"crisis_{danger}"), say("crisis_staff"))
        return StepResult(state, replies, (alert,))
    command = event.command or (command_in(event.text) if event.kind == "text" else None)
    argument = ""
    if command is None and event.kind == "text" and (with_argument := command_with_argument(event.text)):
        command, argument = with_argument
    answer = chosen(state, event)
    if answer == "stop" or (event.kind == "choice" and event.choice == "stop"):
        command = "stop"

    if event.address_stopped:
        if command == "start":
            return _menu(state, "start_confirmed", effects=(Effect("set_stopped", {"stopped": False}),))
        return StepResult(state)
    if command == "stop":
        state["offered"] = []
        state.pop("prompt", None)
        return StepResult(state, (say("stop_confirmed"),), (Effect("set_stopped", {"stopped": True}),))
    choice = event.choice if event.kind == "choice" else answer
    if invitations.is_answer(choice):
        assert choice is not None
        return invitations.on_answer(state, choice)
    if care.is_answer(choice):
        assert choice is not None
        return _goto(care.on_answer(state, choice), profile, now)
    if meetings.is_answer(choice):
        assert choice is not None
        return meetings.on_answer(state, choice)
    if circle.is_answer(choice):
        # Also before any welcome: an invitee may be new to the bot and only answer the invitation.
        assert choice is not None
        return circle.on_answer(state, choice)
    if choice is not None and (picked := threads.on_choice(state, choice, profile)) is not None:
        return picked
    if command in threads.THREAD_COMMANDS and (command == "human" or profile.threads):
        return threads.on_command(state, command, profile)
    if command in ("lang_en", "lang_nl"):
        state["lang"] = command.removeprefix("lang_")
        again = repeat_prompt(state) or _menu(state, "menu").replies
        return StepResult(state, (say("language_set"), *again))
    is_link, code = linking.parse(event)
    if is_link:
        # Before the first-contact welcome: KOPPEL is often the very first message on a new channel.
        return linking.on_link(state, code)
    if command == "circle" and argument:
        return circle.join_by_code(state, argument)
    if not state.get("greeted"):
        state["greeted"] = True
        return onboarding.start(state, profile, then="menu", welcome=True)
    if command in ("start", "menu"):
        return _menu(state, "menu")
    if command == "help":
        return StepResult(state, (say("info"), *repeat_prompt(state)))
    if event.kind in MEDIA_REPLIES:
        return StepResult(state, (say(MEDIA_REPLIES[event.kind]), *repeat_prompt(state)))

    if command == "erase":
        return privacy.ask_erase(state)
    if command == "my_data":
        return privacy.my_data(state)
    if command == "export":
        return privacy.export(state)
    if command == "withdraw_consent":
        return privacy.withdraw_consent(state)
    if state.get("flow") == "erase":
        result = privacy.handle(state, event)
        # After the goodbye nothing else is said: not even the menu.
        erasing = any(effect.kind == "erase_me" for effect in result.effects)
        return result if erasing else _menu_when_done(result, "erase")
    if command == "meeting":
        return meetings.command(state, profile)
    if command == "circle":
        return _menu_when_done(circle.start(state, profile), "circle", silent=True)
    if command == "agenda":
        return agenda.start(state)
    if command == "social_map":
        return social_map.start(state, argument)
    if command == "my_requests":
        return _menu_when_done(my_requests.start(state, profile), "my_requests")
    if command == "care":
        return care.start(state, profile)
    if command == "heavy":
        return care.heavy(state)
    if command == "my_reminders":
        return _menu_when_done(reminders.start(state, profile), reminders.FLOW)
    if command is None and (reminder := reminders.request_in(event)) is not None:
        return reminders.create(state, reminder, profile, now)
    if command in OFFER_COMMANDS:
        if not profile.offering:
            return _then_menu(offer.not_offering(state))
        return offer.command(state, command, argument, profile, now)
    if command == "cancel":
        if state.get("flow") == "ask":
            return _then_menu(ask.cancel(state))
        if state.get("flow") == "offer":
            return _then_menu(offer.cancel(state))
        if state.get("flow") == care.FLOW:
            return _then_menu(care.cancel(state))
        return StepResult(state, (say("nothing_to_cancel"), *_menu(state, "menu").replies))

    if state.get("flow") == "onboarding":
        return _continue(onboarding.handle(state, event, profile), profile, now)
    if state.get("flow") == "ask":
        return ask.handle(state, event, profile, now)
    if state.get("flow") == "offer":
        return _menu_when_done(offer.handle(state, event, profile, now), "offer", silent=True)
    if state.get("flow") == "meet":
        if meetings.still_planning(state, profile):
            return meetings.handle(state, event, profile, now)
        meetings.leave(state)  # the thread ended meanwhile: this message is for the menu
    if state.get("flow") == "my_requests":
        return _menu_when_done(my_requests.handle(state, event, profile), "my_requests")
    if state.get("flow") == care.FLOW:
        return _menu_when_done(care.handle(state, event, profile, now), care.FLOW, silent=True)
    if state.get("flow") == reminders.FLOW:
        return _menu_when_done(reminders.handle(state, event, profile), reminders.FLOW)
    if state.get("flow") == "circle":
        return _menu_when_done(circle.handle(state, event, profile), "circle", silent=True)
    if state.get("flow") == "agenda":
        return _menu_when_done(agenda.handle(state, event, answer, now), "agenda", silent=True)
    if state.get("flow") == "social_map":
        return _menu_when_done(social_map.handle(state, event), "social_map", silent=True)
    return _on_menu(state, event, answer, profile, now)


def _on_menu(
    state: dict[str, Any], event: Event, answer: str | None, profile: Profile, now: datetime
) -> StepResult:
    # A button from an older menu still means what it says.
    if answer is None and event.kind == "choice" and event.choice in MENU_KEYS:
        answer = event.choice
    if answer == "info":
        return StepResult(state, (say("info"), *_menu(state, "menu").replies))
    if answer in TARGETS:
        return _go(state, answer, profile, now)
    if answer is None and event.kind == "text" and event.text.strip() and profile.threads:
        return threads.relay(state, event.text.strip(), profile)
    if answer is None and event.kind == "text" and social_map.is_question(event.text):
        return social_map.lookup(state, event.text)
    return StepResult(state, (say("not_understood"), *_menu(state, "menu").replies))


def _go(state: dict[str, Any], target: str, profile: Profile, now: datetime) -> StepResult:
    """Go to ask or offer, after onboarding what is still missing for matching."""
    if not profile.ready_to_match:
        return _continue(onboarding.start(state, profile, then=target), profile, now)
    if target == "ask":
        return ask.start(state, profile, now)
    return offer.start(state, profile, now)


def _continue(result: StepResult, profile: Profile, now: datetime) -> StepResult:
    """When onboarding has finished, carry on where the person was heading."""
    state = result.state
    if state.get("flow") != "onboarded":
        return result
    target = state.pop("then", "menu")
    updated = after(profile, result.effects)
    ready = target in TARGETS and updated.ready_to_match
    nxt = _go(state, target, updated, now) if ready else _menu(state, "menu")
    return replace(
        result,
        state=nxt.state,
        replies=(*result.replies, *nxt.replies),
        effects=(*result.effects, *nxt.effects),
    )


def _goto(result: StepResult, profile: Profile, now: datetime) -> StepResult:
    """A flow that asked to go on to asking for help (`state["goto"]`, e.g. after "Zwaar")."""
    if result.state.pop("goto", None) != "ask":
        return result
    nxt = _go(result.state, "ask", after(profile, result.effects), now)
    return replace(
        result,
        state=nxt.state,
        replies=(*result.replies, *nxt.replies),
        effects=(*result.effects, *nxt.effects),
    )


def _menu_when_done(result: StepResult, flow: str, *, silent: bool = False) -> StepResult:
    """A flow that has finished hands back to the menu, shown after its last reply.

    With `silent`, only when the flow ended without a word ("Terug"): the offer flow's last replies
    (thanks, "paused until") say what to send next, and over SMS every extra menu is a message.
    """
    if result.state.get("flow") == flow or (silent and result.replies):
        return result
    return _then_menu(result)


def _then_menu(result: StepResult) -> StepResult:
    return replace(result, replies=(*result.replies, *_menu(result.state, "menu").replies))


def _menu(state: dict[str, Any], key: str, effects: tuple[Effect, ...] = ()) -> StepResult:
    state["greeted"] = True
    state["flow"] = "menu"
    state.pop("step", None)
    replies: tuple[Reply, ...] = (prompt(state, key, MENU_CHOICES),)
    return StepResult(state, replies, effects)
