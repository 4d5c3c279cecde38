"""Repair, never reset: an answer that was not understood asks the same open question again, in one
message, with its options; after two misses on one question a person is offered (MENS and the
municipality's phone number); after three, staff are alerted to a stuck conversation and the person
hears that someone will call.

What counts as a miss is explicit: a flow's re-ask (a `_again` text, an unknown neighbourhood or
postcode, or a reply led by `repair_lead`). Anything else the person says resets the count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from flows import places
from flows.dialogue import repeat_prompt, say
from flows.interpret import PROMPT_CONTEXTS
from flows.normalise import folded, simplify
from flows.types import Effect, Event, Reply, StepResult
from flows.understanding.text import lexicon

LEAD = "repair_lead"
OFFER_HUMAN_AFTER = 2
ALERT_STAFF_AFTER = 3
# Re-asks that do not end in "_again".
MISS_KEYS = frozenset(
    {"neighbourhood_unknown", "postcode_invalid", "neighbourhood_outside", "not_understood"}
)
# Questions of their own whose key happens to end in "_again": "Volgende week weer afspreken?" is asked
# after "Is het gelukt?", not a re-ask of it (dialogue round 8: read as a yes/no, it shares its topic).
NOT_REASKS = frozenset({"meet_again"})


@dataclass(frozen=True, slots=True)
class Question:
    """The question that was open before a message, by its text key."""

    key: str

    @property
    def topic(self) -> str:
        """Re-asks of one question share a topic: "ask_when" and "ask_when_again" are one question."""
        return PROMPT_CONTEXTS.get(self.key, self.key.removesuffix("_again"))


def is_correction(text: str, lang: str) -> bool:
    """The message says it corrects something said before ("nee, ik bedoel vrijdag")."""
    words = " " + " ".join(re.findall(r"\w+", folded(text))) + " "
    return any(f" {mark} " in words for mark in _correction_marks(lang))


@cache
def _correction_marks(lang: str) -> frozenset[str]:
    """The words of `data/choices.toml` [correction_marks] for `lang`, Dutch and English, simplified."""
    listed = lexicon("choices")["correction_marks"]
    return frozenset(simplify(mark) for key in (lang, "nl", "en") for mark in listed.get(key, ()))


def again(state: dict[str, Any]) -> tuple[Reply, ...]:
    """The open question again, led by "I did not quite get that", as one message."""
    last = repeat_prompt(state)
    if not last:
        return (say("not_understood"),)
    return (replace(last[0], lead=LEAD), *last[1:])


def is_miss(reply: Reply) -> bool:
    return (
        reply.lead == LEAD
        or (reply.key.endswith("_again") and reply.key not in NOT_REASKS)
        or reply.key in MISS_KEYS
    )


def after_step(before: Question, event: Event, result: StepResult) -> StepResult:
    """Count misses on the open question and escalate; reset on anything understood."""
    state = result.state
    missed = event.kind == "text" and bool(result.replies) and any(is_miss(r) for r in result.replies)
    last = state.get("prompt") or {}
    now_open = Question(str(last.get("key") or ""))
    if not missed or (before.topic and before.topic != now_open.topic):
        state.pop("misses", None)
        return result
    misses = int(state.get("misses", 0)) + 1
    state["misses"] = misses
    if misses >= ALERT_STAFF_AFTER:
        state.pop("misses", None)
        alert = Effect("alert_staff", {"kind": "stuck", "priority": "normal"})
        return replace(result, replies=(say("stuck_staff_told"),), effects=(*result.effects, alert))
    if misses >= OFFER_HUMAN_AFTER:
        phone = places.load_municipality().buurtverbinder.phone
        lead = "repair_offer_human" if phone else "repair_offer_human_nophone"
        replies = list(result.replies)
        index = next(i for i, reply in enumerate(replies) if is_miss(reply))
        replies[index] = replace(replies[index], lead=lead, params={**replies[index].params, "phone": phone})
        return replace(result, replies=tuple(replies))
    return result
