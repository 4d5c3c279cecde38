"""The matching conversation: a volunteer is invited and answers; both sides hear the outcome.

Invitations and outcomes arrive as internal events in the person's own mailbox, so they fit between
whatever else the person is doing: after answering, the question they were busy with is asked again.
Buttons carry the request id ("invite:12:yes"), so an old button still answers the right invitation.
"""

from __future__ import annotations

from typing import Any

from flows import catalogue, categories, places
from flows.dialogue import label_of, language, prompt, repeat_prompt, say
from flows.types import Choice, Effect, Event, Reply, StepResult
from flows.when import When, describe_when

ANSWERS = ("yes", "no", "later")
NOTICES = {
    "invite_taken": "invite_taken",
    "invite_withdrawn": "invite_withdrawn",
    "no_match": "no_match",
}


def is_answer(choice: str | None) -> bool:
    return choice is not None and choice.startswith("invite:") and choice.rsplit(":", 1)[-1] in ANSWERS


def on_internal(state: dict[str, Any], event: Event) -> StepResult | None:
    """Handle an internal event of matching; None when it is not one of ours."""
    name = event.command or ""
    data = dict(event.meta)
    if name == "invite":
        return _invite(state, data)
    if name in ("invite_won", "match_found"):
        # From now on a plain message goes to this match's thread.
        if data.get("thread_id") is not None:
            state["thread"] = int(data["thread_id"])
        replies = [say(name, _facts(state, data))]
        if name == "match_found" and data.get("note"):
            replies.append(say("match_note", {**_facts(state, data), "note": str(data["note"])}))
        return StepResult(state, tuple(replies))
    if name == "match_cancelled":
        return StepResult(state, (say(name, _facts(state, data)),))
    if name in NOTICES:
        return StepResult(state, (say(NOTICES[name], _facts(state, data)),))
    return None


def _invite(state: dict[str, Any], data: dict[str, Any]) -> StepResult:
    request_id = int(data["request_id"])
    if state.get("prompt") and not str(state["prompt"].get("key", "")).startswith("invite"):
        state["resume_prompt"] = state["prompt"]
    choices = tuple(Choice(f"invite:{request_id}:{answer}", f"invite_{answer}") for answer in ANSWERS)
    key = "invite_urgent" if data.get("urgent") else "invite"
    return StepResult(state, (prompt(state, key, choices, _facts(state, data)),))


def on_answer(state: dict[str, Any], choice: str, note: str | None = None) -> StepResult:
    """The volunteer's yes, no or later. A yes is answered by the outcome (won or taken), which the
    engine posts right after: that way they never hear "great!" for a request someone else just took.
    `note` is what a volunteer added to a yes ("maar pas na 2 uur"): the resident reads it with the match."""
    _, request_id, answer = choice.split(":")
    data: dict[str, Any] = {"request_id": int(request_id), "answer": answer}
    if note:
        data["note"] = note
    effect = Effect("answer_invitation", data)
    replies: list[Reply] = [] if answer == "yes" else [say(f"invite_{answer}_thanks")]
    state["offered"] = []
    resume = state.pop("resume_prompt", None)
    if resume is not None:
        state["prompt"] = resume
        replies.extend(repeat_prompt(state))
    else:
        state.pop("prompt", None)
    return StepResult(state, tuple(replies), (effect,))


def _facts(state: dict[str, Any], data: dict[str, Any]) -> dict[str, str]:
    lang = language(state)
    params: dict[str, str] = {
        "name": str(data.get("name") or "") or catalogue.render("neighbour_fallback", lang)
    }
    if "category" in data:
        category = next((c for c in categories.CATEGORY_CHOICES if c.key == data["category"]), None)
        params["category"] = (
            label_of(category, lang).lower() if category is not None else str(data["category"])
        )
    if "neighbourhood" in data:
        place = places.load_municipality().get(str(data["neighbourhood"]))
        params["neighbourhood"] = place.name if place is not None else str(data["neighbourhood"])
    if "when" in data:
        params["when"] = describe_when(When.from_json(data["when"]), lang)
    if "description" in data:
        params["description"] = str(data["description"])
        written = str(data.get("lang") or "")
        if written and written != lang and written in catalogue.LANGUAGES:
            # "(geschreven in het Turks)": the volunteer knows why they cannot read it, and can say so.
            name = catalogue.render(f"lang_name_{written}", lang)
            params["description"] += " " + catalogue.render("written_in", lang, {"language": name})
    return params
