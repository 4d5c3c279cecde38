"""A request already sent, changed in words (dialogue round 15).

"kan het ook woensdag?", "het wordt 11 uur in plaats van 10", "ik wil er nog bij zeggen dat ik een rollator
heb", "mijn adres is anders": said at the menu by someone with a request out, these used to get "Dat begreep
ik niet helemaal". Now the change is read (a time put together with the time that stands, words added to
the description, or another neighbourhood, asked for when not named), read back as the whole request ("Je
vraag wordt: ... Klopt dat?"), and a yes changes it (`change_request`, bot/effects/requests.py: invited
volunteers who did not answer yet see the changed invitation, a matched neighbour is told and asked whether
it still suits). With several requests out, the one the words name ("die van de lamp", the kind of help),
else the question which one.

Only words that say they change something count (conversation.toml [round15_change_marks],
[round15_add_marks], [round15_place_marks]): "woensdag ben ik jarig" changes nothing, and a new request
("ik wil liever woensdag hulp met de tuin") names another kind of help, so it is no change either. A
meeting moved by an amount of time ("kan het een uurtje later?") stays with flows/meetings.py.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flows import ask, categories, places, repair
from flows.conditions import describe_request_when
from flows.dialogue import YES_NO, chosen, label_of, language, prompt, say
from flows.my_requests import described
from flows.normalise import says_any
from flows.profile import Profile, RequestSummary
from flows.types import Choice, Effect, Event, StepResult

FLOW = "request_change"
# The state's key for the change being read back (the person's words), kept only inside this flow.
CHANGE = "change"
MAX_DESCRIPTION = ask.MAX_DESCRIPTION


def said(state: dict[str, Any], text: str, profile: Profile, now: datetime) -> StepResult | None:
    """A change of a request out, said at the menu: read back (or which request / where asked first).
    None when the words change nothing of a request."""
    if not profile.open_requests or not text.strip() or _moves_a_meeting(text):
        return None
    kind = _kind(text, language(state))
    if kind is None:
        return None
    named = _named(profile, text)
    if kind == "time" and named is None and len(profile.open_requests) == 1:
        named = profile.open_requests[0]
    if named is not None and _other_kind_of_help(named, text):
        return None  # "ik wil liever woensdag hulp met de tuin": a new request, not this one changed
    lang = language(state)
    if kind == "time" and not any(
        ask.time_changed(dict(r.when), text, lang, now) is not None
        for r in ([named] if named else profile.open_requests)
    ):
        return None  # "ik wil toch graag hulp": no time named, so no time changed
    state["flow"] = FLOW
    state["change"] = {"kind": kind, "text": " ".join(text.split())[:MAX_DESCRIPTION]}
    if named is None and len(profile.open_requests) == 1:
        named = profile.open_requests[0]
    if named is None:
        return _pick(state, profile)
    return _for(state, named, now)


def handle(state: dict[str, Any], event: Event, profile: Profile, now: datetime) -> StepResult:
    change: dict[str, Any] = state.setdefault("change", {})
    request = next((r for r in profile.open_requests if r.id == change.get("request_id")), None)
    answer = chosen(state, event)
    text = event.text.strip() if event.kind == "text" else ""
    step = state.get("step")
    if step == "pick":
        picked = _picked(profile, answer, text)
        return _for(state, picked, now) if picked is not None else _pick(state, profile)
    if request is None:
        return StepResult(_leave(state))
    if step == "where":
        where = _neighbourhood(answer, text)
        if where is None:
            return StepResult(state, repair.again(state))
        change["neighbourhood"] = where
        return _confirm(state, request)
    if answer == "yes":
        effect = Effect("change_request", {"request_id": request.id, **_changes(change)})
        key = "request_change_done_matched" if request.status == "matched" else "request_change_done"
        _leave(state)
        return StepResult(state, (say(key),), (effect,))
    again = bool(text) and _again(change, request, text, language(state), now)
    if answer == "no" and not again:
        return StepResult(_leave(state), (say("request_change_kept"),))
    if again:
        return _confirm(state, request)  # "nee, donderdag": the new value, read back again
    return StepResult(state, repair.again(state))


def _kind(text: str, lang: str) -> str | None:
    """What the words change: the time, the description (words added) or the place."""
    if says_any(text, "round15_place_marks"):
        return "place"
    if says_any(text, "round15_add_marks"):
        return "add"
    if says_any(text, "round15_change_marks") or repair.is_correction(text, lang):
        return "time"
    return None


def _for(state: dict[str, Any], request: RequestSummary, now: datetime) -> StepResult:
    """The change worked out for this request, and read back (or where asked)."""
    change = state["change"]
    change["request_id"] = request.id
    lang = language(state)
    if change["kind"] == "place":
        found = _neighbourhood(None, change["text"])
        if found is None:
            state["step"] = "where"
            choices = tuple(Choice(n.key, label=n.name) for n in places.load_municipality().neighbourhoods)
            return StepResult(state, (prompt(state, "request_change_where", choices),))
        change["neighbourhood"] = found
    elif change["kind"] == "add":
        added = f"{request.description}. {change['text']}"
        change["description"] = added if len(added) <= MAX_DESCRIPTION else request.description
    else:
        when = ask.time_changed(dict(request.when), change["text"], lang, now)
        if when is None:
            # The time said is this request's already (picked from several): asked again, as it was.
            return StepResult(_leave(state), (say("request_change_kept"),))
        change["when"] = when
    return _confirm(state, request)


def _again(change: dict[str, Any], request: RequestSummary, text: str, lang: str, now: datetime) -> bool:
    """A further time said at the read-back ("nee, donderdag"): taken in place of the one read back."""
    if change.get("kind") != "time" or _moves_a_meeting(text):
        return False
    when = ask.time_changed(dict(change.get("when") or request.when), text, lang, now)
    if when is None:
        return False
    change["when"] = when
    return True


def _confirm(state: dict[str, Any], request: RequestSummary) -> StepResult:
    state["step"] = "confirm"
    return StepResult(state, (prompt(state, "request_change_confirm", YES_NO, _params(state, request)),))


def _params(state: dict[str, Any], request: RequestSummary) -> dict[str, str]:
    """The request as it will be, in words."""
    change = state["change"]
    lang = language(state)
    category = next(c for c in categories.CATEGORY_CHOICES if c.key == request.category)
    params = {
        "description": str(change.get("description") or request.description),
        "category": label_of(category, lang),
        "when": describe_request_when(change.get("when") or request.when, lang),
        "neighbourhood": "",
    }
    if change.get("neighbourhood"):
        place = places.load_municipality().get(str(change["neighbourhood"]))
        params["neighbourhood"] = f", {place.name if place is not None else change['neighbourhood']}"
    return params


def _changes(change: dict[str, Any]) -> dict[str, Any]:
    return {key: change[key] for key in ("when", "description", "neighbourhood") if change.get(key)}


def _pick(state: dict[str, Any], profile: Profile) -> StepResult:
    state["step"] = "pick"
    lang = language(state)
    choices = tuple(
        Choice(f"req:{r.id}", label=f"{_category_label(r, lang)}: {r.description}")
        for r in profile.open_requests
    )
    return StepResult(state, (prompt(state, "request_change_pick", choices),))


def _picked(profile: Profile, answer: str | None, text: str) -> RequestSummary | None:
    if answer is not None and answer.startswith("req:") and answer[4:].isdigit():
        return next((r for r in profile.open_requests if r.id == int(answer[4:])), None)
    return _named(profile, text) if text else None


def _named(profile: Profile, text: str) -> RequestSummary | None:
    """The one request the words name: by a word of its description ("die van de lamp"), else by its
    kind of help ("die van de boodschappen")."""
    found = described(profile, text)
    if found is not None:
        return found
    kinds = categories.recognise_all(text)
    meant = [r for r in profile.open_requests if r.category in kinds]
    return meant[0] if len(meant) == 1 else None


def _other_kind_of_help(request: RequestSummary, text: str) -> bool:
    return bool(categories.recognise_all(text) - {request.category})


def _moves_a_meeting(text: str) -> bool:
    """ "kan het een uurtje later?": an amount of time, the meeting's business (flows/meetings.py)."""
    return says_any(text, "meet_shift_later") or says_any(text, "meet_shift_earlier")


def _neighbourhood(answer: str | None, text: str) -> str | None:
    municipality = places.load_municipality()
    if answer is not None and municipality.get(answer) is not None:
        return answer
    if not text:
        return None
    match = places.find_neighbourhood(text, municipality)
    return match.neighbourhood.key if match.status == "found" and match.neighbourhood is not None else None


def _category_label(request: RequestSummary, lang: str) -> str:
    return label_of(next(c for c in categories.CATEGORY_CHOICES if c.key == request.category), lang)


def forget_when_left(state: dict[str, Any]) -> None:
    """A change left unanswered (MENU, another command) is not kept: the person's words stay only while
    the change is being read back (storage/personal_data.py: store the minimum)."""
    if state.get("flow") != FLOW:
        state.pop(CHANGE, None)


def _leave(state: dict[str, Any]) -> dict[str, Any]:
    """Back to the menu (the router shows it)."""
    for key in ("step", "change", "prompt"):
        state.pop(key, None)
    state["flow"] = "menu"
    state["offered"] = []
    return state
