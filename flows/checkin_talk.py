"""A carer's words at the open check-in that are no answer to it, or more than one.

"Hoe gaat het deze week met zorgen voor Jan?" is often answered with something else than Goed, Gaat wel
or Zwaar, and each used to get "Dat begreep ik niet helemaal" and the question again:

- later, please ("ik heb even geen tijd, vraag het morgen maar", "ask me later"): the question comes
  back at that time (a `timer` event that posts the same check-in again; it stays silent when the
  check-in was answered meanwhile or a newer one came), and it is said when;
- the check-in itself ("kan je me voortaan om de week vragen?", "wat is dit voor bericht?", "hoe vaak
  krijg ik deze vraag?"): a new rhythm registered, a pause or a stop as MANTELZORG's words at the menu
  are (`care.about_checkins`), a question answered with the rhythm and how to change it; the check-in
  is asked again where it still stands;
- news without an answer ("Jan is gisteren gevallen maar hij is weer op de been"): thanked for, and the
  question asked again without "I did not understand";
- an answer with a request beside it ("gaat wel. wie kan er volgende week boodschappen voor ons doen?"):
  the answer counts and the request goes on as asking neighbours does after Zwaar, its words kept.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import Any

from flows import interpret
from flows.care import AGAIN_KEY, about_checkins, call_asked, on_answer
from flows.dialogue import language, repeat_prompt, say
from flows.normalise import conversation_words, folded_words, says_any
from flows.profile import Profile
from flows.recurrence import describe
from flows.types import Effect, StepResult
from flows.when import AMSTERDAM

LATER = timedelta(hours=3)
TOMORROW_AT = time(10, 0)
# A story rather than a word or two: thanked for, not "not understood".
NEWS_WORDS = 5
# A request beside an answer without a question mark: read with at least this confidence.
SURE = 0.8
_CLAUSES = re.compile(r"[.!?;,]+\s*|\s+(?:en|maar|and|but)\s+")


def checkin_of(state: dict[str, Any]) -> tuple[int, str] | None:
    """The id and name of the check-in open now (its buttons carry the id: "care:12:good")."""
    asked = state.get("prompt") or {}
    if asked.get("key") != "care_checkin":
        return None
    for key, *_rest in asked.get("choices") or []:
        head, _, rest = str(key).partition(":")
        checkin, _, _answer = rest.partition(":")
        if head == "care" and checkin.isdigit():
            return int(checkin), str((asked.get("params") or {}).get("name") or "")
    return None


def talk(state: dict[str, Any], text: str, profile: Profile, now: datetime) -> StepResult | None:
    """Words at the open check-in that answer no Goed / Gaat wel / Zwaar (the module's docstring)."""
    checkin = checkin_of(state)
    if checkin is None or profile.care is None or not text.strip():
        return None
    if says_any(text, "care_ask_later") or folded_words(text) in conversation_words("care_later_alone"):
        return _later(state, text, checkin, now)
    named = says_any(text, "care_checkins") or says_any(text, "care_this_question")
    if named or says_any(text, "care_from_now_on"):
        asked = deepcopy(state.get("prompt"))
        tried = about_checkins(deepcopy(state), text, profile, now, named=True)
        if (
            named
            and _is_question(text)
            and (tried is None or (not tried.effects and tried.state.get("step") == "status"))
        ):
            return _explained(state, profile)  # a question about it, no change asked: why and how often
        if tried is None:
            return None
        result = about_checkins(state, text, profile, now, named=True)
        assert result is not None
        if any(e.kind == "care_register" for e in result.effects) and asked:
            # A new rhythm from now on; this week's question still stands.
            result.state["prompt"] = asked
            return StepResult(result.state, (*result.replies, *repeat_prompt(result.state)), result.effects)
        return result
    return None


def news(state: dict[str, Any], text: str) -> StepResult | None:
    """A story at the open check-in that answers nothing ("Jan is gisteren gevallen maar hij is weer op
    de been"): thanked for, and the question again without "I did not understand". Asked after every
    other reading of the words (news of an admission or a death has its own answer)."""
    if checkin_of(state) is None or len(text.split()) < NEWS_WORDS or _is_question(text):
        return None
    first, *rest = repeat_prompt(state)
    return StepResult(state, (replace(first, lead="care_news_heard"), *rest))


def answer_with_request(state: dict[str, Any], choice: str, text: str, now: datetime) -> StepResult | None:
    """A check-in answered in words that also ask for help ("goed! weet je of er iemand is die onze tuin
    kan doen?"): the answer counts and the request goes on (`state["goto"]`), its words kept; after
    Zwaar without the offers first, as if "Buren om hulp vragen" was picked."""
    head, _, rest = choice.partition(":")
    checkin, _, _answer = rest.partition(":")
    if head != "care" or not checkin or not says_any(text, "care_request_beside"):
        return None
    words = _without_answer(text)
    found = interpret.reading("menu", words, language(state), None)
    if found.intent != "ask" or found.category is None or found.confidence < interpret.CONFIDENT:
        return None
    if not (text.rstrip().endswith(("?", "؟")) or found.confidence >= SURE):
        return None
    answered = on_answer(state, choice)
    state["pending"] = interpret.pending_request(found, words, now)
    asking = on_answer(state, f"care_offer:{checkin}:ask")
    return StepResult(asking.state, asking.replies, (*answered.effects, *asking.effects))


def answer_with_call(
    state: dict[str, Any], choice: str, text: str, recent: tuple[str, ...] = ()
) -> StepResult | None:
    """Round dialogue24: a check-in answered "not good" in words that also ask for a call ("het gaat echt
    niet goed, ik wil graag dat iemand me belt"): the answer counts and the call back is asked at once, as
    if "Iemand belt me terug" was picked after Zwaar (high priority, recorded as its follow-up)."""
    head, _, rest = choice.partition(":")
    checkin, _, answer = rest.partition(":")
    if head != "care" or not checkin or answer not in ("okay", "heavy") or not call_asked(text):
        return None
    answered = on_answer(state, choice, recent)
    called = on_answer(state, f"care_offer:{checkin}:callback")
    return StepResult(called.state, called.replies, (*answered.effects, *called.effects))


def _without_answer(text: str) -> str:
    """The words after the answer's clause ("gaat wel. wie kan er ..." -> "wie kan er ...")."""
    parts = [part for part in _CLAUSES.split(text) if part.strip()]
    return " ".join(parts[1:]) if len(parts) > 1 else text


def _later(state: dict[str, Any], text: str, checkin: tuple[int, str], now: datetime) -> StepResult:
    checkin_id, name = checkin
    local = now.astimezone(AMSTERDAM)
    if says_any(text, "care_tomorrow"):
        at = datetime.combine(local.date() + timedelta(days=1), TOMORROW_AT, tzinfo=AMSTERDAM)
        key = "care_again_tomorrow"
    else:
        at = local + LATER
        key = "care_again_later"
    # The check-in stays open: answered meanwhile, it is not asked again (`care._asked_again_in_vain`).
    timer = Effect(
        "schedule_event",
        {
            "kind": "timer",
            "at": at.isoformat(),
            "key": f"{AGAIN_KEY}:{checkin_id}",
            "replace": True,
            "payload": {"name": "care_checkin", "data": {"checkin_id": checkin_id, "name": name}},
        },
    )
    return StepResult(state, (say(key),), (timer,))


def _explained(state: dict[str, Any], profile: Profile) -> StepResult:
    """ "wat is dit voor bericht?": why the question comes and how often, then the question again."""
    care = profile.care
    assert care is not None
    params = {"name": care.care_for, "rhythm": describe(care.rhythm, language(state))}
    return StepResult(state, (say("care_checkin_explained", params), *repeat_prompt(state)))


def story_not_lookup(text: str, lang: str) -> bool:
    """A story at the check-in that names a service ("he started at the day centre on tuesday") is no
    question where to find one: not looked up on the social map."""
    found = interpret.reading("menu", text, lang, None)
    return found.intent in ("service_question", "activity") and not _is_question(text)


def _is_question(text: str) -> bool:
    words = folded_words(text).split()
    return text.rstrip().endswith(("?", "؟")) or (
        bool(words) and f" {words[0]} " in conversation_words("question_starts")
    )
