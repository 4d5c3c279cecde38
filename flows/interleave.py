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

Round dialogue26 (one person with several of the bot's questions open): `older_questions` lists those
below the newest, `bring_forward` makes one of them the open question (the newest waits its turn, so it
is asked again after), `names` and `meant` tell which question a message (or a clause of it) answers: by
the facts it names (Ans, the lamp, Jan, Henk, Truus) or words that point at one ("met mij gaat het ...",
"ik help"), else the only question it reads as an answer to, else the newest.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import replace
from typing import Any, TypeGuard

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


def forget_question(state: dict[str, Any], question: dict[str, Any]) -> None:
    """`question` waits no more (it is being answered)."""
    waiting = [entry for entry in state.get(WAITING) or [] if entry["prompt"] != question]
    if waiting:
        state[WAITING] = waiting
    else:
        state.pop(WAITING, None)


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


# Words that point at a kind of question beside its own facts (conversation.toml, round dialogue26).
NAMES_SECTION = {
    "invite": "dialogue26_names_invite",
    "invite_urgent": "dialogue26_names_invite",
    "care_checkin": "dialogue26_names_care_checkin",
    "meet_check": "dialogue26_names_meet_check",
    "circle_request": "dialogue26_names_circle_request",
}
# A request's words shorter than this name nothing on their own ("de", "mee", "op").
NAMING_LETTERS = 4


def free_standing(question: Any) -> TypeGuard[dict[str, Any]]:
    """The bot's own question, answered by buttons that carry what they answer (not a flow's step)."""
    return isinstance(question, dict) and _free_standing(question)


def older_questions(state: dict[str, Any]) -> list[dict[str, Any]]:
    """The bot's own questions open below the newest one (kept as `resume_prompt` or waiting), newest
    first: an invitation, a check-in, "Is het gelukt?", a circle's request. A flow's step is not one."""
    newest = state.get("prompt")
    found: list[dict[str, Any]] = []
    below = [state.get("resume_prompt"), *(entry["prompt"] for entry in reversed(state.get(WAITING) or []))]
    for question in below:
        if free_standing(question) and question != newest and question not in found:
            found.append(question)
    return found


def older_by_button(state: dict[str, Any], event: Event) -> None:
    """A button of an older question pressed while the bot's newest question is open (the check-in's
    "Goed" under an invitation): that question is the one answered, and the newest waits its turn
    instead of being lost, or the older one being asked once more (round dialogue26)."""
    if event.kind != "choice" or not free_standing(state.get("prompt")):
        return
    for question in older_questions(state):
        if any(str(option[0]) == event.choice for option in question.get("choices") or []):
            bring_forward(state, question)
            return


def wait(state: dict[str, Any], question: dict[str, Any]) -> None:
    """`question` waits its turn (asked again once no question is open any more)."""
    waiting = [entry for entry in state.get(WAITING) or [] if entry["prompt"] != question]
    state[WAITING] = [*waiting, _entry(state, question)][-MAX_WAITING:]


def bring_forward(state: dict[str, Any], question: dict[str, Any]) -> None:
    """`question` (one of `older_questions`) becomes the open one, its buttons offered; the open one, when
    it is the bot's own question too, waits and is asked again once nothing is open any more."""
    newest = state.get("prompt")
    if state.get("resume_prompt") == question:
        state.pop("resume_prompt")
    forget_question(state, question)
    if free_standing(newest) and newest != question:
        wait(state, newest)
    state["prompt"] = question
    repeat_prompt(state)  # its buttons are what a number or a label is read against


def names(question: dict[str, Any], text: str) -> tuple[bool, bool]:
    """Whether `text` names the question by its own facts (the name in it; a request's kind and longer
    words, of an invitation or a circle's request), and whether it holds words that point at that kind
    of question."""
    params = question.get("params") or {}
    words = set(folded_words(text).split())
    own = set(folded_words(str(params.get("name") or "")).split())
    key = str(question.get("key") or "")
    if key in ("invite", "invite_urgent", "circle_request"):
        facts = folded_words(f"{params.get('category') or ''} {params.get('description') or ''}").split()
        own |= {word for word in facts if len(word) >= NAMING_LETTERS}
    section = NAMES_SECTION.get(key)
    pointed = section is not None and says_any(text, section)
    return bool(own & words), pointed


def meant(readings: list[str | None], named: list[tuple[bool, bool]]) -> tuple[int | None, bool]:
    """Which of the open questions (index into `readings`, the newest first) a message answers, and
    whether only as a bare answer: the only one it reads an answer to among those it names by their
    facts (narrowed by the words that point at one), else among those it points at, else the only one
    it reads an answer to at all, else the newest when it reads an answer there (a bare "ja" is the
    newest question's). None: no answer, or two named alike."""
    read = {index for index, answer in enumerate(readings) if answer is not None}
    by_facts = {index for index in read if named[index][0]}
    if len(by_facts) == 1:
        return by_facts.pop(), False
    pointed = {index for index in (by_facts or read) if named[index][1]}
    if len(pointed) == 1:
        return pointed.pop(), False
    if by_facts or pointed:
        return (0, False) if 0 in (by_facts or pointed) else (None, False)
    if len(read) == 1:
        return read.pop(), False
    return (0, True) if 0 in read else (None, False)
