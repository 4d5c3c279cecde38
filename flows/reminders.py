"""Own reminders by chat: "herinner me elke dinsdag 9:00 aan medicijnen ophalen", listed and removed.

"herinner me" / "herinner mij" / "remind me", then when and what, in either order: "herinner me
morgen om 10 uur aan de tandarts", "herinner me aan de tandarts morgen om 10 uur", "remind me every
tuesday at 9:00 to pick up medicine". The when is read by flows/when.py and becomes a
flows/recurrence.Rule (every day, every week, every other week, or once); the what is the person's
own words, kept only as long as the reminder exists. The bot reads both back. MIJN HERINNERINGEN
lists them; picking a number and saying yes removes one. At its time a reminder arrives as an
internal event (`reminder_due`) and is sent as it was written.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from flows.dialogue import YES_NO, chosen, language, prompt, say
from flows.profile import Profile, ReminderSummary
from flows.recurrence import Rule, describe
from flows.types import Choice, Effect, Event, Reply, StepResult
from flows.when import parse_when

FLOW = "reminders"
COMMANDS = frozenset({"my_reminders"})
MAX_TEXT = 120
MAX_REMINDERS = 10
BACK = Choice("back", "choice_back")

_REQUEST = re.compile(r"^\s*/?(?:herinner\s+(?:me|mij)|remind\s+me)\b[\s:,]*(?P<rest>.*)$", re.I | re.S)
# Asked politely, the verb at the end in Dutch: "kun je me elke dag om 8 uur herinneren aan mijn pillen?",
# "wil je mij morgen herinneren aan de tandarts", "could you remind me ..." (session 27: read as a request
# for help with shopping). The words between and after the verb are the rest, as after "herinner me".
_POLITE = re.compile(
    r"^\s*(?:(?:kun|kan|kunt|wil|wilt|zou|zoudt)\s+(?:je|jij|u|jullie)\s+(?:me|mij)\s+(?P<between>.*?)\s*herinneren\b"
    r"|(?:(?:can|could|would|will)\s+you\s+|please\s+)(?:please\s+)?remind\s+me\b)[\s:,]*(?P<rest>.*)$",
    re.I | re.S,
)
# What joins the when and the what: "... aan de tandarts", "... om te bellen", "... to call mum".
_CONNECTORS = ("aan", "om te", "to", "about", "that", "dat")
_EDGES = " .,!?:;"


def request_in(event: Event) -> str | None:
    """The rest of a "herinner me ..." message, or None when it is not one."""
    if event.kind != "text":
        return None
    match = _REQUEST.match(event.text)
    if match:
        return match["rest"].strip()
    polite = _POLITE.match(event.text)
    if polite is None:
        return None
    rest = " ".join(part for part in (polite["between"], polite["rest"]) if part)
    return rest.strip().rstrip("?").strip()


def create(state: dict[str, Any], rest: str, profile: Profile, now: datetime) -> StepResult:
    """A reminder asked for in one message: confirmed back, or an example of how to say it."""
    if len(profile.reminders) >= MAX_REMINDERS:
        return StepResult(state, (say("remind_too_many", {"max": str(MAX_REMINDERS)}),))
    parsed = parse_request(rest, now)
    if parsed is None:
        return StepResult(state, (say("remind_not_understood"),))
    text, rule = parsed
    effect = Effect("remind_create", {"text": text, "rule": rule.to_json()})
    params = {"when": describe(rule, language(state)), "text": text}
    return StepResult(state, (say("remind_set", params),), (effect,))


def parse_request(rest: str, now: datetime) -> tuple[str, Rule] | None:
    """(what, when) from "elke dinsdag 9:00 aan medicijnen ophalen" or "aan X morgen om 10 uur"."""
    words = rest.split()
    lowered = [word.casefold().strip(_EDGES) for word in words]
    for index in range(len(words)):
        for connector in _CONNECTORS:
            parts = connector.split()
            if lowered[index : index + len(parts)] != parts:
                continue
            before, after = words[:index], words[index + len(parts) :]
            # When, then what ("elke dinsdag aan X"); or what, then when ("aan X elke dinsdag").
            found = _when_then_what(before, after, now) if before else _what_then_when(after, now)
            if found is not None:
                return found
    return None


def _when_then_what(before: list[str], after: list[str], now: datetime) -> tuple[str, Rule] | None:
    rule = _rule(" ".join(before), now)
    text = _text(after)
    return (text, rule) if rule is not None and text is not None else None


def _what_then_when(words: list[str], now: datetime) -> tuple[str, Rule] | None:
    for split in range(1, len(words)):
        rule = _rule(" ".join(words[split:]), now)
        if rule is not None:
            text = _text(words[:split])
            return (text, rule) if text is not None else None
    return None


def _rule(text: str, now: datetime) -> Rule | None:
    when = parse_when(text, now)
    return Rule.from_when(when) if when is not None else None


def _text(words: list[str]) -> str | None:
    text = " ".join(words).strip(_EDGES)
    return text if 0 < len(text) <= MAX_TEXT else None


def on_internal(state: dict[str, Any], event: Event) -> StepResult | None:
    if event.command != "reminder_due":
        return None
    return StepResult(state, (say("remind_due", {"text": str(event.meta.get("text", ""))}),))


# --- MIJN HERINNERINGEN ---------------------------------------------------------------------------


def start(state: dict[str, Any], profile: Profile) -> StepResult:
    if not profile.reminders:
        return StepResult(_leave(state), (say("remind_none"),))
    state["flow"] = FLOW
    state["step"] = "pick"
    lang = language(state)
    choices = tuple(Choice(f"remind:{r.id}", label=_label(r, lang)) for r in profile.reminders)
    return StepResult(state, (prompt(state, "remind_list", (*choices, BACK)),))


def handle(state: dict[str, Any], event: Event, profile: Profile) -> StepResult:
    answer = chosen(state, event)
    if answer == "back":
        return StepResult(_leave(state))
    if state.get("step") == "confirm":
        reminder = _find(profile, state.get("reminder_id"))
        if answer == "yes" and reminder is not None:
            _leave(state)
            effect = Effect("remind_delete", {"reminder_id": reminder.id})
            return StepResult(state, (say("remind_deleted"),), (effect,))
        if answer == "no" or reminder is None:
            return StepResult(_leave(state), (say("remind_kept"),))
        return StepResult(state, (_confirm(state, reminder),))
    reminder = _find(profile, _reminder_id(answer))
    if reminder is None:
        return start(state, profile)
    state["step"] = "confirm"
    state["reminder_id"] = reminder.id
    return StepResult(state, (_confirm(state, reminder),))


def _confirm(state: dict[str, Any], reminder: ReminderSummary) -> Reply:
    params = {"reminder": _label(reminder, language(state))}
    return prompt(state, "remind_delete_question", YES_NO, params)


def _label(reminder: ReminderSummary, lang: str) -> str:
    return f"{describe(reminder.rule, lang)}: {reminder.text}"


def _reminder_id(answer: str | None) -> int | None:
    if answer is None or not answer.startswith("remind:") or not answer[7:].isdigit():
        return None
    return int(answer[7:])


def _find(profile: Profile, reminder_id: Any) -> ReminderSummary | None:
    return next((r for r in profile.reminders if r.id == reminder_id), None)


def _leave(state: dict[str, Any]) -> dict[str, Any]:
    for key in ("step", "reminder_id", "prompt"):
        state.pop(key, None)
    state["flow"] = "menu"
    state["offered"] = []
    return state
