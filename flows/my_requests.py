"""MIJN VRAGEN: the person sees their open help requests and can cancel one."""

from __future__ import annotations

from typing import Any

from flows import categories
from flows.conditions import describe_request_when
from flows.dialogue import YES_NO, chosen, label_of, language, prompt, say
from flows.normalise import folded_words
from flows.profile import Profile, RequestSummary
from flows.types import Choice, Effect, Event, Reply, StepResult

BACK = Choice("back", "choice_back")


def start(state: dict[str, Any], profile: Profile) -> StepResult:
    if not profile.open_requests:
        return StepResult(_leave(state), (say("no_requests"),))
    state["flow"] = "my_requests"
    state["step"] = "pick"
    lang = language(state)
    choices = tuple(Choice(f"req:{r.id}", label=_label(r, lang)) for r in profile.open_requests)
    return StepResult(state, (prompt(state, "my_requests_list", (*choices, BACK)),))


def cancel_said(state: dict[str, Any], profile: Profile) -> StepResult | None:
    """Cancelling said in words at the menu ("laat maar, ik hoef het niet meer", "mijn vraag mag weg"):
    with one open request, whether to cancel that one; with several, the list to pick from; with none,
    None. The request is cancelled only after the yes, as through MIJN VRAGEN."""
    if not profile.open_requests:
        return None
    if len(profile.open_requests) > 1:
        return start(state, profile)
    state["flow"] = "my_requests"
    return _confirm(state, profile.open_requests[0])


# Asked after a kind with no open request of it (round dialogue33): whether to ask for it now.
OFFER_KIND = "offer_kind"


def status(state: dict[str, Any], profile: Profile, text: str = "") -> tuple[Reply, ...]:
    """How each open request stands, in words ("is er al iemand voor mijn vorige vraag?" asked in the
    middle of another question): still looking, or a neighbour helps; no list to pick from. A question
    that names a kind ("hoe staat het met mijn aanvraag voor de tuin?") is about the requests of that
    kind only; with none of it, that is said (round dialogue33)."""
    kinds = kinds_named(text)
    meant = [r for r in profile.open_requests if not kinds or r.category in kinds]
    if kinds and not meant:
        return (say("request_status_none_kind", {"kind": _kind_label(kinds[0], language(state))}),)
    if not meant:
        return (say("no_requests"),)
    lang = language(state)
    replies = []
    for request in meant:
        label = _label(request, lang)
        named = f"{request.description} ({label[:1].lower()}{label[1:]})"
        key = "request_status_matched" if request.status == "matched" else "request_status_open"
        replies.append(say(key, {"request": named}))
    return tuple(replies)


def status_at_menu(state: dict[str, Any], profile: Profile, text: str) -> StepResult:
    """A question about one's requests at the menu: how they stand (the router shows the menu after), or,
    asked after a kind with no open request of it, whether to ask for that kind now (a yes: `kind_wanted`).
    """
    kinds = kinds_named(text)
    if kinds and not any(r.category in kinds for r in profile.open_requests):
        # Her other open requests too: she may remember the kind of one otherwise.
        others = status(state, profile) if profile.open_requests else ()
        state["flow"] = "my_requests"
        state["step"] = OFFER_KIND
        state["kind"] = kinds[0]
        label = _kind_label(kinds[0], language(state))
        none = say("request_status_none_kind", {"kind": label})
        return StepResult(
            state, (none, *others, prompt(state, "request_status_ask_kind", YES_NO, {"kind": label}))
        )
    return StepResult(state, status(state, profile, text))


def kind_wanted(state: dict[str, Any], event: Event) -> tuple[str | None, StepResult | None]:
    """The answer to "Wil je nu hulp vragen voor de tuin?": (the kind, None) on a yes, to begin that
    request; (None, the menu's state) on a no; (None, None) on anything else, which is read again at the
    menu (the question is left: a message to a neighbour, another question)."""
    answer = chosen(state, event)
    kind = state.get("kind")
    _leave(state)
    if answer == "yes" and isinstance(kind, str):
        return kind, None
    if answer == "no":
        return None, StepResult(state)
    return None, None


def kinds_named(text: str) -> tuple[str, ...]:
    """The kinds of help (this module's keys) a question about one's requests names outright."""
    if not text.strip():
        return ()
    from flows.interpret import CATEGORY_KEYS
    from flows.understanding.intent import kinds_asked_after

    known = {choice.key for choice in categories.CATEGORY_CHOICES}
    kinds = (CATEGORY_KEYS.get(kind, kind) for kind in kinds_asked_after(text))
    return tuple(kind for kind in kinds if kind in known)


def _kind_label(kind: str, lang: str) -> str:
    category = next((c for c in categories.CATEGORY_CHOICES if c.key == kind), None)
    label = label_of(category, lang) if category is not None else kind
    return f"{label[:1].lower()}{label[1:]}"


def handle(state: dict[str, Any], event: Event, profile: Profile) -> StepResult:
    answer = chosen(state, event)
    if answer == "back":
        return StepResult(_leave(state))
    if state.get("step") == "confirm":
        request = _find(profile, state.get("request_id"))
        if answer == "yes" and request is not None:
            _leave(state)
            return StepResult(
                state, (say("request_cancelled"),), (Effect("cancel_request", {"request_id": request.id}),)
            )
        if answer == "no" or request is None:
            return StepResult(_leave(state), (say("request_kept"),))
        return StepResult(state, (prompt(state, "cancel_request_question", YES_NO, _params(request, state)),))
    request = _find(profile, _request_id(answer))
    if request is None and answer is None and event.kind == "text":
        request = described(profile, event.text)
    if request is None:
        return start(state, profile)
    return _confirm(state, request)


def _confirm(state: dict[str, Any], request: RequestSummary) -> StepResult:
    """Whether to cancel this request (a yes cancels it)."""
    state["step"] = "confirm"
    state["request_id"] = request.id
    return StepResult(state, (prompt(state, "cancel_request_question", YES_NO, _params(request, state)),))


# Words of a description too common to tell one request from another.
MIN_DESCRIPTION_WORD = 4


def described(profile: Profile, text: str) -> RequestSummary | None:
    """Dialogue round 14: the request named by a word of its own description ("die van de lamp" for
    "lamp ophangen"), when exactly one open request has that word."""
    said = set(folded_words(text).split())
    meant = [
        r
        for r in profile.open_requests
        if {w for w in folded_words(r.description).split() if len(w) >= MIN_DESCRIPTION_WORD} & said
    ]
    return meant[0] if len(meant) == 1 else None


def _label(request: RequestSummary, lang: str) -> str:
    category = next(c for c in categories.CATEGORY_CHOICES if c.key == request.category)
    return f"{label_of(category, lang)}, {describe_request_when(request.when, lang)}"


def _params(request: RequestSummary, state: dict[str, Any]) -> dict[str, str]:
    return {"request": _label(request, language(state)), "description": request.description}


def _request_id(answer: str | None) -> int | None:
    if answer is None or not answer.startswith("req:") or not answer[4:].isdigit():
        return None
    return int(answer[4:])


def _find(profile: Profile, request_id: Any) -> RequestSummary | None:
    return next((r for r in profile.open_requests if r.id == request_id), None)


def _leave(state: dict[str, Any]) -> dict[str, Any]:
    """Back to the menu (the router shows it)."""
    for key in ("step", "request_id", "prompt", "kind"):
        state.pop(key, None)
    state["flow"] = "menu"
    state["offered"] = []
    return state
