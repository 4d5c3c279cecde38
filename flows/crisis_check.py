"""A short safety check for an overdose said in words that also name the daily medicine (round crisis19).

"ik heb al mijn pillen ingenomen" is "already took my pills" or "took all my pills"; "ik heb pillen geslikt"
says no amount. Silence would miss an overdose and a full alarm would frighten everyone who took their daily
medicine, so the conversation asks: "Heb je meer pillen genomen dan je moet? Bel dan nu 112." (Ja / Nee).

- Ja, or the amount in words ("ja veel te veel", "de hele strip"): the crisis answer and the staff's crisis
  alert, as a crisis read in the message would have had (the reader's kind of the answer, else 113's, which
  the reader gives "ik heb te veel pillen ingenomen").
- Nee ("nee gewoon mijn dagelijkse pillen", "nee hoor"): a short calm word and the question the person was
  at, asked again.
- Anything else: the check once more, with 112 in it; then, still no answer, the team is asked to contact the
  person (alert `pills_unclear`, high priority): the check is never just dropped.

A button or command of something else (an invitation's "Ja, ik help", STOP, MENU) goes on as before and the
check stays open. The reading is flows/crisis.py's (`overdose_unclear`, `overdose_confirmed`); the crisis
reader (`crisis.detect`, what the corpus scores) is not changed by it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from flows import crisis
from flows.dialogue import language, repeat_prompt, say
from flows.normalise import command_in
from flows.types import Choice, Effect, Event, Reply, StepResult
from flows.understanding.answers import read_yes_no

CHOICES = (Choice(crisis.PILLS_YES, "choice_yes"), Choice(crisis.PILLS_NO, "choice_no"))
# A typed "1" or "2" for the numbered Ja / Nee is read with this confidence (answers.read_yes_no).
_SURE_ENOUGH = 0.6


def wanted(earlier: str | None, text: str) -> bool:
    """The message says pills taken in the unclear words, alone or with the piece before it ("ik heb net
    al mijn pillen" / "ingenomen"), and that piece did not say so already (it was asked about then)."""
    if crisis.overdose_unclear(text):
        return True
    return (
        bool(earlier)
        and crisis.overdose_unclear(f"{earlier} {text}")
        and not crisis.overdose_unclear(earlier or "")
    )


# Round crisis20: a check never answered is not dropped in silence: a timer (bot/effects/scheduling.py,
# kind "timer") posts `TIMER` into the person's mailbox after `WAIT`; is the check still open then, the team
# is asked to contact the person (alert pills_unclear), as after two answers that were none.
TIMER = "pills_check_unanswered"
TIMER_KEY = "pills_check"
WAIT = timedelta(minutes=10)
_CANCEL = Effect("cancel_scheduled", {"kind": "timer", "key": TIMER_KEY, "reason": "pills_check_answered"})


def ask(state: dict[str, Any], now: datetime | None = None, *, other: bool = False) -> StepResult:
    """The check; the question the person was at stays open under it. `other`: about someone else. With
    `now`, the timer that asks the team when no answer comes."""
    state[crisis.PILLS_CHECK] = {"asked": 1, "other": True} if other else {"asked": 1}
    key = "crisis_pills_check_other" if other else "crisis_pills_check"
    timer = Effect(
        "schedule_event",
        {
            "kind": "timer",
            "at": (now + WAIT).isoformat() if now is not None else "",
            "key": TIMER_KEY,
            "replace": True,
            "payload": {"name": TIMER, "data": {}},
        },
    )
    return StepResult(state, (Reply(key, {}, CHOICES),), (timer,) if now is not None else ())


def on_internal(state: dict[str, Any], event: Event) -> StepResult | None:
    """The timer of an unanswered check: the team is asked while the check is still open; else nothing."""
    if event.command != TIMER:
        return None
    if not isinstance(state.get(crisis.PILLS_CHECK), dict):
        return StepResult(state)
    return _team_asked(state)


def crisis_answer(state: dict[str, Any], danger: str, key: str, *more: Effect) -> StepResult:
    """The crisis answer (text `key` and that the team will contact them) and the staff's crisis alert of
    `danger` (one of crisis.KINDS); the state marks what follows as after a crisis. For a crisis read in a
    message and for a yes to the check alike."""
    state["after_crisis"] = 1
    state["greeted"] = True
    alert = Effect("alert_staff", {"kind": f"crisis_{danger}", "priority": "high"})
    return StepResult(state, (say(key), say("crisis_staff")), (alert, *more))


def _team_asked(state: dict[str, Any], *more: Effect) -> StepResult:
    """No answer to the check: the team is asked to contact the person (high priority)."""
    state.pop(crisis.PILLS_CHECK, None)
    alert = Effect("alert_staff", {"kind": "pills_unclear", "priority": "high"})
    return StepResult(state, (say("crisis_pills_staff"),), (alert, *more))


def answer(state: dict[str, Any], event: Event) -> StepResult | None:
    """The person's answer while the check is open; None: not an answer to it (the check stays)."""
    check = state.get(crisis.PILLS_CHECK)
    if not isinstance(check, dict):
        state.pop(crisis.PILLS_CHECK, None)
        return None
    if event.kind == "choice":
        if event.choice not in (crisis.PILLS_YES, crisis.PILLS_NO):
            return None
        said: str | None = "yes" if event.choice == crisis.PILLS_YES else "no"
    elif event.kind == "text":
        if command_in(event.text) is not None:
            return None
        said = _said(event.text, language(state))
    elif event.kind == "media":
        said = None
    else:
        return None
    if said == "yes":
        state.pop(crisis.PILLS_CHECK, None)
        if check.get("other"):
            # Someone else took them: 112 for the writer to call (round crisis20).
            return crisis_answer(state, "medical", "crisis_overdose_other", _CANCEL)
        danger = (crisis.detect(event.text) if event.kind == "text" else None) or "suicide"
        # Decided (lead, session 28): too many pills is poisoning first, so 112 leads (and what to tell
        # them); 113 is named after it, as the crisis reply for the words alone would.
        return crisis_answer(state, danger, "crisis_overdose", _CANCEL)
    if said == "no":
        state.pop(crisis.PILLS_CHECK, None)
        again = repeat_prompt(state)
        if not again:
            return StepResult(state, (say("crisis_pills_ok"),), (_CANCEL,))
        return StepResult(state, (replace(again[0], lead="crisis_pills_ok"), *again[1:]), (_CANCEL,))
    if int(check.get("asked") or 1) < 2:
        state[crisis.PILLS_CHECK] = {**check, "asked": 2}
        key = "crisis_pills_check_other" if check.get("other") else "crisis_pills_check_again"
        return StepResult(state, (Reply(key, {}, CHOICES),))
    return _team_asked(state, _CANCEL)


def _said(text: str, lang: str) -> str | None:
    """Yes, no or neither: the amount in words is a yes whatever opens the message ("nee, de hele strip")."""
    if crisis.overdose_confirmed(text):
        return "yes"
    if crisis.overdose_waved_off(text):
        return None  # "laat maar" reads as a no elsewhere; here it is no answer
    found, confidence = read_yes_no(text, lang)
    return found if found in ("yes", "no") and confidence >= _SURE_ENOUGH else None
