"""The matching conversation: a volunteer is invited and answers; both sides hear the outcome.

Invitations and outcomes arrive as internal events in the person's own mailbox, so they fit between
whatever else the person is doing: after answering, the question they were busy with is asked again.
Buttons carry the request id ("invite:12:yes"), so an old button still answers the right invitation.

A yes with a condition about time ("ja, maar pas na 2 uur") carries the condition's window
(flows/conditions.py, read when the volunteer answers). Matching compares it with the request's time:
- it suits (a Thursday 10:00 request, "niet op vrijdag"): a plain yes, the words go along as a note;
- it does not (Thursday 10:00, "pas na 2 uur"): nobody is matched yet. The resident is asked
  `match_condition` ("Ans kan je helpen, maar niet donderdag 10:00. Wel donderdag 14:00. Is dat
  goed?" Ja / Nee) and the volunteer hears it is asked. Ja: the match is made at the proposed time,
  and the meeting planning proposes that time. Nee: the volunteer is thanked and the request goes on
  to the next volunteers. Meanwhile a volunteer who can make the asked time still wins: the resident
  gets the time they asked for, and the open question answers "no longer needed";
- the request has no fixed time (asap, "maakt niet uit"): a plain yes, and the window is the time
  both sides read ("Ans helpt je met boodschappen, vanaf 14:00"), also when planning the meeting.

A resident who does not answer is asked once more (`match_condition_reminder`, the same Ja / Nee);
still nothing, and the offer lapses (timings: `flows.conditions.answer_deadlines`): the volunteer
hears they need do nothing (`invite_condition_lapsed`), the resident that the offer is off and the
search goes on (`match_condition_lapsed`); an open question about it is dropped, and a late Ja is
answered "no longer needed".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from flows import catalogue, categories, conditions, interleave, interpret, places
from flows.dialogue import label_of, language, prompt, repeat_prompt, say
from flows.normalise import folded_words, says_any
from flows.types import Choice, Effect, Event, Reply, StepResult
from flows.when import When, describe_when

ANSWERS = ("yes", "no", "later")
NOTICES = {
    "invite_taken": "invite_taken",
    "invite_withdrawn": "invite_withdrawn",
    "no_match": "no_match",
    "request_expired": "request_expired",
    "invite_condition_asked": "invite_condition_asked",
    "invite_condition_declined": "invite_condition_declined",
    "match_condition_closed": "match_condition_closed",
    "match_condition_too_late": "match_condition_too_late",
    "invite_condition_lapsed": "invite_condition_lapsed",
}
# How many open condition questions a resident's state remembers for answering their buttons.
REMEMBERED = 4


def is_answer(choice: str | None) -> bool:
    return choice is not None and choice.startswith("invite:") and choice.rsplit(":", 1)[-1] in ANSWERS


def is_condition_answer(choice: str | None) -> bool:
    """The resident's Ja / Nee to a volunteer's other time: "cond:<request>:<volunteer>:yes"."""
    if choice is None or choice.count(":") != 3:
        return False
    prefix, request_id, volunteer_id, answer = choice.split(":")
    ids = (request_id, volunteer_id)
    return (
        prefix == "cond"
        and answer in ("yes", "no")
        and all(i.isascii() and i.isdigit() and len(i) <= 18 for i in ids)
    )


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
    if name == "invite_changed":
        # Round 15: the request changed before they answered; the same invitation, as it is now.
        invited = _invite(state, data)
        return StepResult(invited.state, (say("invite_changed"), *invited.replies))
    if name == "match_changed":
        # Round 15: the matched request changed; does it still suit? Their answer goes to the thread.
        if data.get("thread_id") is not None:
            state["thread"] = int(data["thread_id"])
        return StepResult(state, (say(name, _facts(state, data)),))
    if name == "match_note" and data.get("note"):
        # The volunteer's words sent right after a plain yes ("maar pas na 2 uur"), once matched.
        return StepResult(state, (say("match_note", {**_facts(state, data), "note": str(data["note"])}),))
    if name in ("match_condition", "match_condition_reminder"):
        return _condition_question(state, data, key=name)
    if name == "match_condition_lapsed":
        return _condition_lapsed(state, data)
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


def on_answer(
    state: dict[str, Any], choice: str, note: str | None = None, condition: Mapping[str, Any] | None = None
) -> StepResult:
    """The volunteer's yes, no or later. A yes is answered by the outcome (won, taken, or "I will ask"),
    which the engine posts right after: they never hear "great!" for a request someone else just took.
    `note` is what a volunteer added to a yes ("maar pas na 2 uur"): the resident reads it with the match.
    `condition` is its window of times (`conditions.Window.to_json`), which matching compares."""
    _, request_id, answer = choice.split(":")
    data: dict[str, Any] = {"request_id": int(request_id), "answer": answer}
    if note:
        data["note"] = note
    if condition and answer == "yes":
        data["condition"] = dict(condition)
    effect = Effect("answer_invitation", data)
    if answer == "yes":
        state[SAID_YES] = int(request_id)
    replies: list[Reply] = [] if answer == "yes" else [say(f"invite_{answer}_thanks")]
    mark = f"invite:{request_id}:"
    interleave.forget(state, mark)
    if interleave.asks(state.get("prompt"), mark):
        replies.extend(_back_to_the_open_question(state, asked="invite"))
    # Round 23: an older invitation answered (its button, or its words) leaves the newer one open.
    return StepResult(state, tuple(replies), (effect,))


def by_content(state: dict[str, Any], choice: str, text: str) -> str:
    """Dialogue round 23: an answer in words that names an older invitation waiting under the open one
    ("ja de boodschappen van Ans doe ik" while Kees's lamp was asked last) answers that one. Its facts
    (the resident's name, the kind of help, the description's longer words) are named in the words,
    and the open invitation's are not; else the open (newest) invitation's `choice` stands."""
    open_now = state.get("prompt") or {}
    words = set(folded_words(text).split())
    if _named(open_now, words):
        return choice
    named = [
        entry["prompt"]
        for entry in state.get(interleave.WAITING) or []
        if _invitation_id(entry["prompt"]) is not None and _named(entry["prompt"], words)
    ]
    if len(named) != 1:
        return choice
    return f"invite:{_invitation_id(named[0])}:{choice.rsplit(':', 1)[-1]}"


# A description's words shorter than this name nothing on their own ("de", "mee", "op").
NAMING_LETTERS = 4


def _named(question: dict[str, Any], words: set[str]) -> bool:
    params = question.get("params") or {}
    facts = " ".join(str(params.get(name) or "") for name in ("name", "category", "description"))
    return any(len(word) >= NAMING_LETTERS and word in words for word in folded_words(facts).split())


def _invitation_id(question: dict[str, Any]) -> str | None:
    for choice in question.get("choices") or []:
        if str(choice[0]).startswith("invite:"):
            return str(choice[0]).split(":")[1]
    return None


# The request a volunteer just said yes to, for their next message only (`take_back`).
SAID_YES = "said_yes"


def yes_again(state: dict[str, Any], request_id: int, text: str) -> StepResult | None:
    """The message right after a yes says yes again ("ja hoor!", "👍", "ja, ik kom graag"): the yes is
    already passed on, so that is said kindly, not "not understood" with the menu; a no may still
    follow and take it back (`take_back`), so the yes stays remembered for one more message."""
    found = interpret.reading("invitation", text, language(state), None)
    if found.answer != "yes" or found.confidence < interpret.CONFIDENT:
        return None
    state[SAID_YES] = request_id
    return StepResult(state, (say("invite_yes_noted"), *repeat_prompt(state)))


def note_after_yes(
    state: dict[str, Any], request_id: int, note: str, condition: dict[str, Any] | None
) -> StepResult:
    """The message right after a yes adds a condition ("ja" / "maar pas na 2 uur"): the yes stands and
    the words go to the resident (`invite_note`: with the match, or with the question about another
    time), not "Je ja had ik al" with the words dropped. A no may still follow and take the yes back."""
    state[SAID_YES] = request_id
    data: dict[str, Any] = {"request_id": request_id, "note": note}
    if condition is not None:
        data["condition"] = condition
    return StepResult(
        state, (say("invite_note_passed"), *repeat_prompt(state)), (Effect("invite_note", data),)
    )


# A yes word per language, put before a clause to read it as an invitation's answer ("ja, wel pas morgen").
YES_WORD = {"nl": "ja", "en": "yes", "tr": "evet", "ar": "نعم", "pl": "tak", "uk": "так"}
# Clauses of a message: "wel pas morgen, vandaag lukt niet".
# A clause that offers a time is short ("wel pas morgen", "morgen kan ik wel"): at most this many words.
WORKS_WORDS = 5
CLAUSES = re.compile(r"[,;.!]+|\b(?:maar|but|ama|ale|але|لكن)\b")


def works_instead(state: dict[str, Any], text: str) -> str | None:
    """Dialogue round 15 (round 11's known miss): after a yes, "wel pas morgen, vandaag lukt niet" says
    when it does work, beside what does not. The reader takes the whole for a no, which took the yes
    back (staff alerted). A clause with words of what does work ([round15_works_then]: "wel", "pas",
    "kan wel") that reads as a yes with a condition when a yes is put before it keeps the yes; the
    condition is that clause's. A long clause or one that says what they must do ("morgen moet ik wel naar
    de dokter", [round15_busy]) offers no time. Returns the condition's words for `conditions.parse`,
    else None."""
    lang = language(state)
    for clause in _clauses(text):
        if not clause.strip() or not says_any(clause, "round15_works_then"):
            continue
        if len(clause.split()) > WORKS_WORDS or says_any(clause, "round15_busy"):
            continue  # "morgen moet ik wel naar de dokter": busy then, no time offered
        said = f"{YES_WORD.get(lang, 'ja')}, {clause.strip()}"
        found = interpret.reading("invitation", said, lang, None)
        if found.answer == "yes" and found.condition:
            return str(found.condition)
    return None


# What does not work, before what does ("vandaag niet hoor morgenochtend kan ik wel", sent without a comma).
NEGATION = re.compile(r"\b(?:niet|not|nie|не|değil|لا|مش)\b", re.IGNORECASE)


def _clauses(text: str) -> list[str]:
    """The message's clauses, and of each the words after its last negation."""
    found = []
    for clause in CLAUSES.split(text):
        found.append(clause)
        tail = NEGATION.split(clause)[-1]
        if tail.strip() and tail != clause and not _negated_verb(tail):
            found.append(tail)
    return found


def _negated_verb(tail: str) -> bool:
    """Round dialogue32: where the negation stands before the verb (Polish, Ukrainian, English, Arabic),
    the words right after it are what does not work: "nie mogę w tym tygodniu" is no "mogę w tym
    tygodniu" (it was a yes for this week). A tail whose first word is a word of what works is that."""
    first = tail.split()[:1]
    return bool(first) and says_any(first[0], "round15_works_then")


def take_back(state: dict[str, Any], text: str) -> StepResult | None:
    """The message right after a yes takes it back ("oh nee sorry, ik kan toch niet, ik moet naar de
    dokter"): not a new request or a message for the neighbour. A yes is binding for matching (the match
    may already be made), so a person sorts it out: staff are alerted, the volunteer hears that it is
    fine and passed on, and the question they were busy with comes back."""
    found = interpret.reading("invitation", text, language(state), None)
    reversed_for_work = says_any(text, "round15_reversal") and says_any(text, "round15_busy")
    if (found.answer != "no" or found.confidence < interpret.CONFIDENT) and not reversed_for_work:
        # "sorry ik moet toch werken" (round 15): no "no" in it, but the yes taken back all the same.
        return None
    alert = Effect("alert_staff", {"kind": "volunteer_took_back", "priority": "normal"})
    return StepResult(state, (say("invite_taken_back"), *_back_to_the_open_question(state)), (alert,))


def _condition_question(
    state: dict[str, Any], data: dict[str, Any], key: str = "match_condition"
) -> StepResult:
    """The resident decides on a volunteer's other time (see the module's docstring); `key` is the
    question or its reminder. The volunteer's words come with the question, not with the reminder."""
    request_id, volunteer_id = int(data["request_id"]), int(data["volunteer_id"])
    facts = _facts(state, data)
    lang = language(state)
    asked = facts.get("when") or catalogue.render("when_flexible", lang)
    params = {**facts, "asked": asked}
    seen: dict[str, Any] = dict(state.get("condition_offers") or {})
    offer = f"{request_id}:{volunteer_id}"
    seen.pop(offer, None)
    seen[offer] = {"proposal": str(data["proposal"]), "asked": asked}
    state["condition_offers"] = dict(list(seen.items())[-REMEMBERED:])
    if state.get("prompt") and not str(state["prompt"].get("key", "")).startswith(
        ("invite", "match_condition")
    ):
        state["resume_prompt"] = state["prompt"]
    choices = (
        Choice(f"cond:{request_id}:{volunteer_id}:yes", "choice_yes"),
        Choice(f"cond:{request_id}:{volunteer_id}:no", "choice_no"),
    )
    replies: list[Reply] = []
    if data.get("note") and key == "match_condition":
        replies.append(say("match_note", {**facts, "note": str(data["note"])}))
    replies.append(prompt(state, key, choices, params))
    return StepResult(state, tuple(replies))


def _condition_lapsed(state: dict[str, Any], data: dict[str, Any]) -> StepResult:
    """The resident did not decide in time: the offer is off. Its open question goes (the question
    they were busy with before comes back); a Ja on an old button is answered "no longer needed"."""
    request_id, volunteer_id = int(data["request_id"]), int(data["volunteer_id"])
    facts = _facts(state, data)
    asked = facts.get("when") or catalogue.render("when_flexible", language(state))
    seen: dict[str, Any] = dict(state.get("condition_offers") or {})
    seen.pop(f"{request_id}:{volunteer_id}", None)
    state["condition_offers"] = seen
    replies: list[Reply] = [say("match_condition_lapsed", {**facts, "asked": asked})]
    mine = {f"cond:{request_id}:{volunteer_id}:yes", f"cond:{request_id}:{volunteer_id}:no"}
    last = state.get("prompt") or {}
    if any(str(choice[0]) in mine for choice in last.get("choices") or []):
        replies.extend(_back_to_the_open_question(state))
    return StepResult(state, tuple(replies))


def on_condition_answer(state: dict[str, Any], choice: str) -> StepResult:
    """Ja: matching makes the match at the proposed time (its outcome is the answer: "Goed nieuws!" or
    "no longer needed"). Nee: said here at once, and the request goes on to other volunteers."""
    _, request_id, volunteer_id, answer = choice.split(":")
    seen: dict[str, Any] = dict(state.get("condition_offers") or {})
    offer = seen.pop(f"{request_id}:{volunteer_id}", None) or {}
    state["condition_offers"] = seen
    data: dict[str, Any] = {
        "request_id": int(request_id),
        "volunteer_id": int(volunteer_id),
        "answer": answer,
    }
    if offer.get("proposal"):
        data["starts_at"] = str(offer["proposal"])
    replies: list[Reply] = []
    if answer == "no":
        asked = str(offer.get("asked") or "") or catalogue.render("when_flexible", language(state))
        replies.append(say("match_condition_no", {"asked": asked}))
    replies.extend(_back_to_the_open_question(state, asked="match_condition"))
    return StepResult(state, tuple(replies), (Effect("condition_answer", data),))


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
        params["when"] = conditions.describe_request_when(data["when"], lang)
    if data.get("proposal"):
        params["proposed"] = describe_when(
            When("moment", datetime.fromisoformat(str(data["proposal"]))), lang
        )
    if data.get("window"):
        # A request without a fixed time, and a volunteer who said when they can: that is the time.
        params["when"] = conditions.describe(conditions.Window.from_json(data["window"]), lang)
    if "description" in data:
        params["description"] = str(data["description"])
        written = str(data.get("lang") or "")
        if written and written != lang and written in catalogue.LANGUAGES:
            # "(geschreven in het Turks)": the volunteer knows why they cannot read it, and can say so.
            name = catalogue.render(f"lang_name_{written}", lang)
            params["description"] += " " + catalogue.render("written_in", lang, {"language": name})
    return params


def _back_to_the_open_question(state: dict[str, Any], asked: str | None = None) -> list[Reply]:
    """The offered choices are answered: the question the person was on before them is asked again,
    if there was one (`resume_prompt`). `asked`: the key prefix of the question these choices belong to;
    an old button tapped while another question is open (not one of those) leaves that question open."""
    if asked is not None and not str((state.get("prompt") or {}).get("key", "")).startswith(asked):
        return []
    state["offered"] = []
    resume = state.pop("resume_prompt", None)
    if resume is None:
        state.pop("prompt", None)
        return []
    state["prompt"] = resume
    return list(repeat_prompt(state))
