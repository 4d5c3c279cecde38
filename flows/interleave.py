"""Two conversations at once (dialogue round 17): the bot's own questions that arrive while a person is
busy with another one, and what their next messages answer.

A question from the scheduler or another person (an invitation, "Is het gelukt?", a check-in) comes by an
internal event; the question it interrupts is kept as `resume_prompt` by the flow that asks (one slot).
What this module adds around it:

- `keep_displaced`: a question pushed out by the newer one and kept nowhere (a first invitation under a
  second one, a request's question under "Is het gelukt?" under an invitation) waits in `WAITING`;
- `restore_waiting`: once no question is open any more, the newest of those is asked again, so nothing
  half-done is lost (`drop_settled` forgets an invitation that was taken or withdrawn meanwhile);
- `defer_newest`: "wacht even, eerst dit" puts the newer question off until the one below is done;
- `reminder_answer`: a reminder's answer in the middle of a question ("ja hoor, gaat gewoon door") is
  heard, or passed on to the neighbour when it says more, and the open question is asked again.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import replace
from typing import Any

from flows.dialogue import repeat_prompt, say
from flows.normalise import folded_words, says_any
from flows.types import Event, Reply, StepResult

WAITING = "waiting"
# At most this many questions wait (the oldest go first): an old invitation is long gone by then.
MAX_WAITING = 3
# Effects after which nothing is asked again (the person stopped, or is erased).
SILENCING = frozenset({"set_stopped", "erase_me"})
# Internal events that settle a request's invitation: its question no longer waits.
SETTLED = frozenset({"invite_taken", "invite_withdrawn", "request_expired", "no_match"})
# "wacht even, eerst dit" is a short message; a longer one says more than putting off.
DEFER_WORDS = 8


def open_questions(state: dict[str, Any]) -> tuple[Any, Any]:
    """The open question and the one it keeps for after (copies), before an internal event."""
    return deepcopy(state.get("prompt")), deepcopy(state.get("resume_prompt"))


def keep_displaced(before: tuple[Any, Any], result: StepResult) -> StepResult:
    """After an internal event: each question that was open or kept before it and is now neither open
    nor kept waits (newest last), instead of being lost."""
    state = result.state
    waiting = list(state.get(WAITING) or [])
    now_open = (state.get("prompt"), state.get("resume_prompt"))
    prompt_before, resume_before = before
    for old in (resume_before, prompt_before):
        if not old or old.get("key") == "menu" or old in now_open or _same_question(old, state.get("prompt")):
            continue
        if any(entry["prompt"] == old for entry in waiting):
            continue
        waiting.append(_entry(state, old))
    if waiting:
        state[WAITING] = waiting[-MAX_WAITING:]
    return result


def _same_question(old: dict[str, Any], new: Any) -> bool:
    """The same question asked anew (this week's check-in over last week's): it is not asked twice."""
    return (
        isinstance(new, dict) and old.get("key") == new.get("key") and old.get("params") == new.get("params")
    )


def drop_answered(state: dict[str, Any], event: Event) -> None:
    """A button of a waiting question pressed (an old invitation's "Ja, ik help"): it waits no more."""
    if event.kind != "choice" or not state.get(WAITING):
        return
    waiting = [
        entry
        for entry in state[WAITING]
        if not any(str(choice[0]) == event.choice for choice in entry["prompt"].get("choices") or [])
    ]
    if waiting:
        state[WAITING] = waiting
    else:
        state.pop(WAITING, None)


def _entry(state: dict[str, Any], question: dict[str, Any]) -> dict[str, Any]:
    """A waiting question with the flow and step it belongs to: a question of a flow (a request's
    "Wanneer?") is asked again only while that flow is still at that step; one answered by its own
    buttons (an invitation, "Is het gelukt?", a check-in) in any flow."""
    return {"prompt": question, "flow": state.get("flow"), "step": state.get("step")}


def _free_standing(question: dict[str, Any]) -> bool:
    """Answered by buttons that carry what they answer ("invite:41:yes", "meetok:7:no", "care:7:good")."""
    choices = question.get("choices") or []
    return bool(choices) and all(":" in str(choice[0]) for choice in choices)


def drop_settled(state: dict[str, Any], event: Event) -> None:
    """An invitation taken by someone else, withdrawn or expired is no longer asked again."""
    if event.command not in SETTLED or event.meta.get("request_id") is None:
        return
    mark = f"invite:{event.meta['request_id']}:"
    if asks(state.get("resume_prompt"), mark):
        state.pop("resume_prompt", None)
    forget(state, mark)


def forget(state: dict[str, Any], mark: str) -> None:
    """The waiting questions whose buttons start with `mark` ("invite:41:") wait no more."""
    waiting = [entry for entry in state.get(WAITING) or [] if not asks(entry["prompt"], mark)]
    if waiting:
        state[WAITING] = waiting
    else:
        state.pop(WAITING, None)


def asks(question: Any, mark: str) -> bool:
    """The question has a button starting with `mark`."""
    choices = (question or {}).get("choices") or []
    return any(str(choice[0]).startswith(mark) for choice in choices)


def restore_waiting(result: StepResult) -> StepResult:
    """No question open any more after a message: the newest waiting one is asked again. Not after STOP
    or erasure (nothing more is asked then, and nothing waits)."""
    state = result.state
    if not state.get(WAITING):
        return result
    if any(effect.kind in SILENCING for effect in result.effects):
        state.pop(WAITING, None)
        return result
    if state.get("prompt") or state.get("resume_prompt"):
        return result
    waiting = list(state[WAITING])
    entry = None
    while waiting and entry is None:
        last = waiting.pop()
        here = (last["flow"], last["step"]) == (state.get("flow"), state.get("step"))
        entry = last if _free_standing(last["prompt"]) or here else None  # a flow left meanwhile: gone
    if waiting:
        state[WAITING] = waiting
    else:
        state.pop(WAITING, None)
    if entry is None:
        return result
    state["prompt"] = entry["prompt"]
    return replace(result, replies=(*result.replies, *repeat_prompt(state)))


def defer_newest(state: dict[str, Any], event: Event, busy: bool) -> StepResult | None:
    """ "wacht even, eerst dit" at a question that interrupted another one the person was busy with
    (`busy`: filling in a request, an offer, a registration): that one goes on, asked again led by "Goed,
    dat komt straks.", and the newer question waits until no question is open any more."""
    newest, below = state.get("prompt"), state.get("resume_prompt")
    if event.kind != "text" or not busy or not newest or not below or newest == below:
        return None
    if len(folded_words(event.text).split()) > DEFER_WORDS or not says_any(event.text, "defer_question"):
        return None
    state[WAITING] = [*(state.get(WAITING) or []), _entry(state, newest)][-MAX_WAITING:]
    state["prompt"] = state.pop("resume_prompt")
    again = repeat_prompt(state)
    return StepResult(state, (replace(again[0], lead="defer_ok"), *again[1:]))


def reminded_count_down(state: dict[str, Any], marker: str) -> None:
    """One of the person's messages after a reminder: the marker lasts a few messages."""
    seen = state.get(marker)
    if not isinstance(seen, dict):
        return
    left = int(seen.get("left") or 0) - 1
    if left > 0:
        state[marker] = {**seen, "left": left}
    else:
        state.pop(marker, None)


def goes_on(text: str, yes: bool) -> bool:
    """A short answer to a reminder that says the meeting goes ahead ("ja hoor, gaat gewoon door",
    "tot morgen!"): a yes read in it, or words of [meeting_goes_on], and no "but" that asks more."""
    words = folded_words(text)
    if len(words.split()) > DEFER_WORDS or any(f" {but} " in words for but in BUT):
        return False
    return yes or says_any(text, "meeting_goes_on")


# A "but" after the yes says more than that the meeting goes ahead ("ja, maar kan hij iets later komen").
BUT = ("maar", "but", "ama", "fakat", "ale", "але", "لكن", "ولكن", "walakin")


def reminder_heard(again: tuple[Reply, ...], name: str) -> tuple[Reply, ...]:
    """ "Fijn, dan gaat de afspraak met Henk door." and the open question again."""
    return (say("meet_reminder_ok", {"name": name}), *again)
