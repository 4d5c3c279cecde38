"""The same neighbour again (dialogue round 15): "kan Piet weer komen?", "ik wil graag weer met dezelfde
mevrouw wandelen", "kan ik Ahmed weer vragen voor volgende week?".

What is kept: a thread stays after it closes, and a request keeps who was matched to it
(`HelpRequest.matched_person_id`). Matching uses that: whoever helped the person before is ranked above
every stranger (flows/matching.py `helped_before`), so a new request goes to them first when they still
offer that kind of help and have room. A flow sees only open threads (their first names), not who
helped before, and Voordeur promises no one. So:
- a name of an open thread's neighbour: not ours; the words go to that neighbour, as any message does;
- else a kind, honest answer (whoever helped before is asked first, if they can), and the request asked
  for started at once with what the words already say (the kind of help, the time), not the bare menu.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from flows import ask, categories, interpret
from flows.dialogue import language, say
from flows.normalise import folded_words, says_any
from flows.profile import Profile
from flows.types import StepResult

# A name in a sentence: a capitalised word that is not the sentence's first ("kan Piet weer komen?").
_CAPITALISED = re.compile(r"(?<=\s)([A-Z][a-z\u00c0-\u024f]+|[\u0400-\u04ff][\u0430-\u044f]+)\b")


def said(state: dict[str, Any], text: str, profile: Profile, now: datetime) -> StepResult | None:
    """The same neighbour asked for again, at the menu; None when the words do not ask that."""
    if not says_any(text, "round15_again"):
        return None
    name = _name(text, profile)
    same = says_any(text, "round15_same_person")
    if name is None and not same:
        return None
    if name is not None and any(t.other_name.casefold() == name.casefold() for t in profile.threads):
        return None  # an open conversation with them: the words are theirs (flows/threads.py)
    lang = language(state)
    found = interpret.reading("menu", text, lang, now)
    pending = interpret.pending_request(found, text, now)
    pending.update(
        {"intent": "ask", "text": ""}
    )  # "kan Piet weer komen?" says what help, not the words of it
    if "when" not in pending and (when := ask.time_in(text, lang, now)) is not None:
        pending["when"] = when  # "voor volgende week"
    kinds = categories.recognise_all(text)
    if "category" not in pending and len(kinds) == 1:
        pending["category"] = next(iter(kinds))  # "weer met dezelfde mevrouw wandelen": company
    state["pending"] = pending
    started = ask.start(state, profile, now)
    lead = say("helper_again", {"name": name}) if name else say("helper_again_same")
    return StepResult(started.state, (lead, *started.replies), started.effects)


def _name(text: str, profile: Profile) -> str | None:
    """The neighbour's first name: a capitalised word in the sentence that is no word of asking, or a
    name of an open thread written in lower case ("kan piet weer komen")."""
    for thread in profile.threads:
        if thread.other_name and f" {thread.other_name.casefold()} " in folded_words(text):
            return thread.other_name
    for word in _CAPITALISED.findall(f" {text}"):
        if not says_any(word, "round15_not_a_name"):
            return str(word)
    return None
