"""The bridge from the reading layer to the flows: which context an open question is, and which offered
choice, command or intent a reading means.

A flow offers choices (`dialogue.prompt`); a person answers in their own words. `chosen` in
`flows.dialogue` first matches the answer exactly (a button, a number, a label) and then asks this module,
which reads the text in the context of the open question (`flows.understanding.read`) and maps the
reading onto an offered key. Only confident readings count: below `CONFIDENT` the flow asks again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from functools import lru_cache
from typing import Any

from flows import conditions
from flows.normalise import says_any
from flows.understanding import Reading, read
from flows.understanding import answers as answer_reader
from flows.understanding import language as language_reader
from flows.understanding.text import words
from flows.when import AMSTERDAM

CONFIDENT = 0.5
# Which reader context each question of the flows is. A prompt not listed is read as `any_state`
# (words about the conversation itself), and its choices by `answers.read_option`.
PROMPT_CONTEXTS: Mapping[str, str] = {
    "ask_name": "name",
    "ask_name_again": "name",
    "ask_neighbourhood": "neighbourhood",
    "ask_neighbourhood_again": "neighbourhood",
    "neighbourhood_unknown": "neighbourhood",
    "neighbourhood_outside": "neighbourhood",
    "postcode_invalid": "neighbourhood",
    "consent_question": "consent",
    "consent_again": "consent",
    "menu": "menu",
    "start_confirmed": "menu",
    "ask_category": "ask_category",
    "ask_category_again": "ask_category",
    "ask_when": "ask_when",
    "ask_when_again": "ask_when",
    "ask_urgency": "ask_urgency",
    "invite": "invitation",
    "invite_urgent": "invitation",
    "care_checkin": "checkin",
    "ask_summary": "consent",
    "stop_check": "consent",
    "match_condition": "consent",
    "match_condition_reminder": "consent",
    # "Is het gelukt?" after a meeting: a yes or a no ("ja het was gezellig", "nee, hij is niet gekomen").
    "meet_check": "consent",
    # "Is de hulp klaar? Dan sluit ik het gesprek." after KLAAR said inside a message.
    "thread_close_check": "consent",
    # "Volgende week weer afspreken?": a yes or a no said in a sentence ("ja leuk, elke week zou fijn
    # zijn 👍", "nee hoor, het is nu wel opgelost") is the answer, not words for the neighbour.
    "meet_again": "consent",
    # "Zin om meer buren te zien? ... Doe je mee?" after a meeting: "ja leuk", "nee, dat is niks voor mij".
    "meet_activity": "consent",
    # Dialogue round 14 (tests/test_dialogues_redteam14.py): yes/no questions whose words were passed to the
    # neighbour or read as a first message: "Past dat?" ("ja prima, dat komt goed uit"; a no is another
    # proposal), a circle's invitation and a shared request ("ja leuk, ik doe mee", "ja, dat doe ik wel").
    "meet_proposal": "consent",
    "meet_proposal_weekly": "consent",
    "meet_proposal_weekly_new_time": "consent",
    "circle_invited": "consent",
    "circle_request": "consent",
    "offer_summary": "consent",
    # Round dialogue20: "Wil je dat iemand van het buurtteam je belt?" after a death told, at the menu or
    # in a conversation with a neighbour: "ja graag" is the call, "nee dank je" none (was a miss, or passed
    # on to the neighbour).
    "bereaved": "consent",
    "care_bereaved": "consent",
}
# Questions whose choices are not keyed yes/no but where "ja" and "nee" still answer: the summary's
# "ja" (or "klopt") sends the request, its "nee" goes to changing it.
YES_NO_KEYS: Mapping[str, Mapping[str, str]] = {
    "ask_summary": {"yes": "send", "no": "change"},
    # Dialogue round 14: "nee, dat lukt me niet" at "Past dat?" is the other choice, another proposal.
    "meet_proposal": {"no": "other"},
    "meet_proposal_weekly": {"no": "other"},
    "meet_proposal_weekly_new_time": {"no": "other"},
    # "ja, zo is het goed" at the offer's summary confirms it, as at the request's.
    "offer_summary": {"yes": "confirm", "no": "change"},
    "bereaved": {"yes": "callback", "no": "none"},
    "care_bereaved": {"yes": "callback", "no": "none"},
}
# Questions whose yes is also said as how it went ("het was gezellig"): "Is het gelukt?".
GOOD_IS_YES = frozenset({"meet_check"})
# The reader names kinds of help as the corpus does; the flows' keys differ for two of them.
CATEGORY_KEYS: Mapping[str, str] = {"computer": "digitaal", "formulieren": "administratie"}
URGENCY_KEYS: Mapping[str, str] = {"today": "today", "this_week": "this_week", "any": "any"}


def context_of(state: Mapping[str, Any]) -> str:
    """The reader context of the question that is open in `state` (any_state when none is)."""
    last = state.get("prompt") or {}
    key = str(last.get("key") or "")
    if key in PROMPT_CONTEXTS:
        return PROMPT_CONTEXTS[key]
    keys = [str(choice[0]) for choice in last.get("choices") or []]
    if keys and all(k.startswith("invite:") for k in keys):
        return "invitation"
    if keys and all(k.startswith("care:") for k in keys):
        return "checkin"
    if sorted(keys) == ["no", "yes"]:
        return "consent"
    return "any_state"


@lru_cache(maxsize=256)
def reading(context: str, text: str, lang: str | None, now: datetime | None = None) -> Reading:
    """`flows.understanding.read`, remembered for the few messages of one step (flows read twice)."""
    return read(context, text, lang=lang, now=now)


def language_of(text: str, current: str) -> str:
    """The language a message is written in; `current` (the conversation's) unless the text is sure."""
    return language_reader.detect(text, current)


def courtesy_language(text: str) -> str | None:
    """The language of a greeting or thanks alone ("merhaba", "thank you so much"), when one language's."""
    return language_reader.courtesy_language(text)


def script_language(text: str) -> str | None:
    """The language a message's script alone tells (Arabic, Cyrillic), at any length; None for Latin."""
    return language_reader.script_language(text)


def category_key(category: str | None) -> str | None:
    """The flows' key of a kind of help the reader named."""
    if category is None:
        return None
    return CATEGORY_KEYS.get(category, category)


MAX_PICK_WORDS = 6


def _short_pick(text: str) -> bool:
    """An answer that only picks an option ("de tweede graag", "iets anders"): a few words and no
    number but an option's. Longer answers and answers with amounts or times are left to the flow,
    which reads durations, days and hours itself."""
    found = words(text)
    if not found or len(found) > MAX_PICK_WORDS:
        return False
    return not any(ch.isdigit() for ch in text) or text.strip().isdigit()


def choice_from_text(
    state: Mapping[str, Any], text: str, offered: Sequence[tuple[str, str]], lang: str | None
) -> str | None:
    """The offered key a free-text answer means in the open question's context, or None."""
    if not text.strip() or not offered:
        return None
    keys = [key for key, _ in offered]
    context = context_of(state)
    if context in ("any_state", "name", "neighbourhood", "ask_when"):
        if not _short_pick(text):
            # "3 weken", "om de week op donderdag om 14:00": the flow's own reader knows more.
            return None
        key, confidence = answer_reader.read_option(text, list(offered), lang or "nl")
        if key in keys and confidence >= CONFIDENT:
            return key
        return _yes_or_no(text, keys, lang)
    found = reading(context, text, lang)
    prompt_key = str((state.get("prompt") or {}).get("key") or "")
    if prompt_key in GOOD_IS_YES and (found.confidence < CONFIDENT or found.answer is None):
        # "het was heel fijn, dank je": said as a check-in's good, it happened.
        told = reading("checkin", text, lang)
        if told.answer == "good" and told.confidence >= CONFIDENT and not told.crisis:
            found = replace(found, answer="yes", confidence=told.confidence)
        elif not found.crisis and says_any(text, "meet_partly"):
            # "half", "deels gelukt": they met, the help was partly done; meeting again can finish it.
            found = replace(found, answer="yes", confidence=CONFIDENT)
    if found.confidence < CONFIDENT or found.crisis:
        return None
    wanted: str | None = None
    if context in ("invitation", "checkin", "consent"):
        wanted = YES_NO_KEYS.get(prompt_key, {}).get(found.answer or "", found.answer)

    elif context == "menu":
        wanted = {"ask": "ask", "offer": "offer", "stop": "stop", "explain": "info"}.get(found.intent or "")
    elif context == "ask_category":
        wanted = category_key(found.category)
    elif context == "ask_urgency":
        wanted = URGENCY_KEYS.get(found.urgency or "")
    if wanted is None:
        return None
    matching = [key for key in keys if key == wanted or key.endswith(f":{wanted}")]
    return matching[0] if len(matching) == 1 else None


def _yes_or_no(text: str, keys: Sequence[str], lang: str | None) -> str | None:
    """Dialogue round 23: a Ja / Nee question outside the readers' contexts ("Zal ik er een afspraak van
    maken?") answered "jazeker, doe maar": a yes or no read as at any yes/no question, where the labels
    alone matched only "ja, ..."."""
    ends = {key.rsplit(":", 1)[-1]: key for key in keys}
    if len(keys) != 2 or set(ends) != {"yes", "no"}:
        return None
    answer, confidence = answer_reader.read_yes_no(text, lang or "nl")
    return ends[answer] if answer in ends and confidence >= CONFIDENT else None


MAX_KEPT_TEXT = 300


def pending_request(found: Reading, text: str, now: datetime | None) -> dict[str, Any]:
    """What a request read from free text keeps for the ask or offer flow until onboarding is done:
    the intent, the kind, the time (when it can be planned and is not at night) and the words."""
    kept: dict[str, Any] = {"intent": found.intent, "text": " ".join(text.split())[:MAX_KEPT_TEXT]}
    if (category := category_key(found.category)) is not None:
        kept["category"] = category
    if found.time is not None:
        when = found.time.to_when(now, AMSTERDAM) if now is not None else None
        if when is not None and not found.time.at_night:
            kept["when"] = when.to_json()
        elif now is not None and (window := conditions.request_time(found.time, now)) is not None:
            kept["when"] = window  # "vrijdag na 2 uur": a day with its hours, kept with the request
        kept["when_text"] = found.when
    if found.lang != "nl":
        kept["lang"] = found.lang
    return kept
