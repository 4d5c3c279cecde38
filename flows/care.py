"""Mantelzorgers: registration by chat, check-ins at their own rhythm, and what "Zwaar" sets off.

MANTELZORG starts four short questions: for whom (a first name), the relation, roughly how many hours
a week, and how often the bot asks how it goes ("elke maandag 10:00", every week, every other week,
or not at all). Sent again, it shows the registration and the last answers, to change or stop.

A check-in arrives as an internal event (the engine's scheduled `care_checkin`): "Hoe gaat het deze
week met zorgen voor Jan? 1 Goed 2 Gaat wel 3 Zwaar". Buttons carry the check-in's id
("care:12:heavy"), so an old button still answers its own check-in. "Zwaar" (or the word ZWAAR at
any time) offers at once: ask neighbours for help (the ask flow, marked as coming from here; the
person confirms the request as always), information on respite care, or a call back from a person
(a high-priority staff alert). Like an invitation, a check-in fits between whatever the person was
doing: after the answer, the question they were busy with is asked again.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from flows import catalogue, repair
from flows.dialogue import YES_NO, chosen, language, prompt, repeat_prompt, say
from flows.interpret import CONFIDENT
from flows.normalise import (
    conversation_words,
    folded,
    folded_words,
    number_in,
    says_any,
    simplify,
    without_said,
    words_of,
)
from flows.pause import pause_for, pause_until, until_in_words
from flows.profile import CareSummary, Profile
from flows.recurrence import NEVER, Rule, describe
from flows.types import Choice, Effect, Event, Reply, StepResult
from flows.understanding.answers import read_option, read_yes_no
from flows.understanding.checkin import read_checkin
from flows.understanding.phrases import Phrases, compile_phrases, normal
from flows.understanding.reading import read
from flows.understanding.text import lexicon
from flows.understanding.time_compose import read_time
from flows.understanding.time_reading import TimeReading
from flows.when import AMSTERDAM, When, describe_when, parse_when

FLOW = "care"
# A person of the team will contact her (a call back asked): the next few messages may say when she is
# reachable (flows/conversation.py `_for_the_person`). Also set by MENS and by staff handing back.
PERSON_CONTACT = "person_contact"
PERSON_CONTACT_MESSAGES = 3
COMMANDS = frozenset({"care", "heavy"})
ANSWERS = ("good", "okay", "heavy")
OFFERS = ("ask", "respite", "callback", "none")
# The questions whose choices are these offers.
OFFER_PROMPTS = (
    "care_heavy_offers",
    "distress_offers",
    "overload_after_request",
    # News of the one cared for (flows/life_events.py): more care needed, admitted.
    "life_more_care_offers",
    "life_admitted_offers",
)
MAX_NAME = 40
# A button's check-in id is read back as a number: anything longer is not one of ours.
MAX_ID_DIGITS = 18
RELATIONS = ("partner", "parent", "child", "family", "friend", "other")
RELATION_CHOICES = tuple(Choice(r, f"care_rel_{r}") for r in RELATIONS)


# Who someone is to the carer, in the words people use: `data/relations.toml` (flows/understanding).
RELATION_WORDS: dict[str, frozenset[str]] = {
    relation: frozenset(folded(word) for word in words)
    for relation, words in lexicon("relations")["relations"].items()
}


def _relation_from(text: str) -> str | None:
    """The relation said in words: one kind of person named, else None ("mijn vader" is a parent)."""
    words = set(re.findall(r"\w+", folded(text)))
    found = {relation for relation, names in RELATION_WORDS.items() if words & names}
    # Two kinds at once ("mijn man en zijn moeder") are asked again.
    return found.pop() if len(found) == 1 else None


HOURS = ("lt8", "8_20", "gt20")
HOURS_CHOICES = tuple(Choice(h, f"care_hours_{h}") for h in HOURS)
RHYTHM_CHOICES = (
    Choice("weekly", "care_rhythm_weekly"),
    Choice("biweekly", "care_rhythm_biweekly"),
    Choice("never", "care_rhythm_never"),
)
STATUS_CHOICES = (
    Choice("rhythm", "care_change_rhythm"),
    Choice("redo", "care_redo"),
    Choice("end", "care_end"),
    Choice("back", "choice_back"),
)
# A check-in named by a day only ("maandag") comes at this time.
DEFAULT_TIME = time(10)
# Set while a call is offered after someone died (flows/bereavement.py): "Nu even niet" then gets a word
# of comfort, not ZWAAR's pointer.
BEREAVED = "bereaved"


def is_answer(choice: str | None) -> bool:
    """A check-in answer ("care:12:good") or an offer after "Zwaar" ("care_offer:12:ask")."""
    if choice is None:
        return False
    parts = choice.split(":")
    if len(parts) != 3:
        return False
    head, checkin, last = parts
    if checkin and not (checkin.isascii() and checkin.isdigit() and len(checkin) <= MAX_ID_DIGITS):
        return False
    if head == "care":
        return checkin != "" and last in ANSWERS
    return head == "care_offer" and last in OFFERS


# The check-in last asked and last answered, by id: one asked again later at the carer's wish
# (flows/checkin_talk.py, a timer keyed `AGAIN_KEY`) is asked only while it is the newest and unanswered.
CHECKIN_ASKED = "care_asked"
CHECKIN_ANSWERED = "care_answered"
AGAIN_KEY = "care_again"


def _asked_again_in_vain(state: dict[str, Any], checkin_id: int, key: str) -> bool:
    if not key.startswith(AGAIN_KEY):
        return False
    newest = int(state.get(CHECKIN_ASKED) or checkin_id)
    return state.get(CHECKIN_ANSWERED) == checkin_id or newest != checkin_id


def on_internal(state: dict[str, Any], event: Event) -> StepResult | None:
    if event.command != "care_checkin":
        return None
    checkin_id = int(event.meta["checkin_id"])
    if _asked_again_in_vain(state, checkin_id, str(event.meta.get("key") or "")):
        return StepResult(state)
    state[CHECKIN_ASKED] = checkin_id
    keep_resume(state)
    choices = tuple(Choice(f"care:{checkin_id}:{answer}", f"care_{answer}") for answer in ANSWERS)
    name = str(event.meta.get("name") or "")
    return StepResult(state, (prompt(state, "care_checkin", choices, {"name": name}),))


def on_answer(state: dict[str, Any], choice: str, recent: tuple[str, ...] = ()) -> StepResult:
    """A check-in answered, or an offer after "Zwaar" picked. `state["goto"] = "ask"` asks the router
    to start asking for help (which onboards first where needed). `recent`: the registration's last
    check-ins (`CareSummary.recent`), for a "Zwaar" that follows another."""
    head, rest = choice.split(":", 1)
    if head == "care":
        checkin_id, answer = rest.split(":")
        state[CHECKIN_ANSWERED] = int(checkin_id)
        effect = Effect("care_answer", {"checkin_id": int(checkin_id), "answer": answer})
        if answer == "heavy":
            offers = _offers(state, checkin_id)
            if heavy_before(recent):
                # Round dialogue24: heavy again. The engine tells staff at two in a row (bot/effects/care.py
                # `answer`, high priority): she hears that a person will get in touch, and the offers.
                offers = replace(offers, lead="care_heavy_again")
            return StepResult(state, (offers,), (effect,))
        return _resume(state, (say(f"care_thanks_{answer}"),), (effect,))
    checkin, _, offer = rest.rpartition(":")
    effects: list[Effect] = []
    if checkin:
        effects.append(Effect("care_followup", {"checkin_id": int(checkin), "offer": offer}))
    if offer == "ask":
        state.pop("resume_prompt", None)
        state["offered"] = []
        state["goto"] = "ask"
        if (state.get("prompt") or {}).get("key") != "distress_offers":
            state["ask_source"] = "care"  # not for someone who is no registered carer
        # A request told at the offers ("iemand die een middag bij mijn moeder zit") is not asked again.
        intro = "care_ask_intro_kept" if state.get("pending") else "care_ask_intro"
        return StepResult(state, (say(intro),), tuple(effects))
    if offer == "callback":
        state.pop(BEREAVED, None)
        effects.append(Effect("alert_staff", {"kind": "care_callback", "priority": "high"}))
        state[PERSON_CONTACT] = PERSON_CONTACT_MESSAGES
        return _resume(state, (say("care_callback_ok"),), tuple(effects))
    if offer == "respite":
        return _resume(state, respite_info(state), tuple(effects))
    if state.pop(BEREAVED, None):
        return _resume(state, (say("care_bereaved_later"),), tuple(effects))
    return _resume(state, (say("care_heavy_later"),), tuple(effects))


# Check-ins that were no answer: the one open now, and those left unanswered.
NOT_ANSWERED = ("asked", "missed")


def heavy_before(recent: tuple[str, ...]) -> bool:
    """The last answered check-in before this one was "Zwaar" too: the rule by which the engine alerts
    staff (`care_heavy`: two in a row, unanswered ones skipped)."""
    answered = [answer for answer in recent if answer not in NOT_ANSWERED]
    return bool(answered) and answered[0] == "heavy"


def heavy(state: dict[str, Any]) -> StepResult:
    """ZWAAR at any moment: the same offers, not tied to a check-in."""
    keep_resume(state)
    return StepResult(state, (_offers(state, ""),))


# Offered to someone who is no registered carer and says they cannot cope: respite care is a carer's.
DISTRESS_OFFERS = ("ask", "callback", "none")


def distress(state: dict[str, Any], *, respite: bool = False) -> StepResult:
    """Someone who is no registered carer says they cannot cope ("ik trek het niet meer"): asking
    neighbours for help, a call back from a person, or not now; the question they were busy with is
    asked again after the answer (as after ZWAAR). With `respite` (round 13: the words tell of caring
    for someone, "de zorg voor mijn moeder wordt me te veel") respite care is offered too."""
    keep_resume(state)
    offers = OFFERS if respite else DISTRESS_OFFERS
    choices = tuple(Choice(f"care_offer::{offer}", f"care_offer_{offer}") for offer in offers)
    return StepResult(state, (prompt(state, "distress_offers", choices),))


# After a request sent by someone who said in the same words that it is too much (round 13): the
# offers for herself, the request already asked.
AFTER_REQUEST_OFFERS = ("respite", "callback", "none")


def after_request(state: dict[str, Any]) -> Reply:
    """ "En hoe gaat het met jou?": respite information, a call back, or not now."""
    choices = tuple(Choice(f"care_offer::{offer}", f"care_offer_{offer}") for offer in AFTER_REQUEST_OFFERS)
    return prompt(state, "overload_after_request", choices)


def respite_info(state: dict[str, Any]) -> tuple[Reply, ...]:
    """Where to find respite care (respijtzorg). For now the national Mantelzorglijn; this is the hook
    for the social map (sociale kaart): once local services are known, name the nearest ones here."""
    return (say("care_respite"),)


def _offers(state: dict[str, Any], checkin_id: str) -> Reply:
    prefix = f"care_offer:{checkin_id}:" if checkin_id else "care_offer::"
    choices = tuple(Choice(f"{prefix}{offer}", f"care_offer_{offer}") for offer in OFFERS)
    return prompt(state, "care_heavy_offers", choices)


def keep_resume(state: dict[str, Any]) -> None:
    """Remember the question the person was busy with, to ask it again after the check-in."""
    last = state.get("prompt")
    busy = state.get("flow") not in (None, "menu")
    ours = ("care_checkin", *OFFER_PROMPTS, "invite")
    if busy and last and not str(last.get("key", "")).startswith(ours):
        state["resume_prompt"] = last


def _resume(state: dict[str, Any], replies: tuple[Reply, ...], effects: tuple[Effect, ...]) -> StepResult:
    state["offered"] = []
    resume = state.pop("resume_prompt", None)
    if resume is not None:
        state["prompt"] = resume
        replies = (*replies, *repeat_prompt(state))
    else:
        state.pop("prompt", None)
    return StepResult(state, replies, effects)


# --- registration -------------------------------------------------------------------------------


@cache
def _carer_words() -> tuple[Phrases | None, Phrases | None, Phrases | None]:
    table = lexicon("carer")
    return (
        compile_phrases(table["carer"]["phrases"]),
        compile_phrases(table["checkins"]["phrases"]),
        compile_phrases(table["checkins_self"]["phrases"]),
    )


def carer_said(text: str) -> bool:
    """The message says the person cares for someone ("ik ben mantelzorger voor mijn vader", "ik zorg al
    jaren voor mijn man", "I look after my mum"; data carer.toml [carer])."""
    carer, _, _ = _carer_words()
    return carer is not None and carer.search(normal(text))


def checkins_wanted(text: str) -> bool:
    """The message asks for what the check-ins are ("af en toe vragen hoe het met me gaat", "check in on
    me now and then"; data carer.toml [checkins])."""
    _, wanted, _ = _carer_words()
    return wanted is not None and wanted.search(normal(text))


def checkins_for_me(text: str) -> bool:
    """The message asks for the check-ins about the writer, who need not say she is a carer ("kunt u mij
    elke week vragen hoe het gaat", "her hafta bana nasil oldugumu sorar misiniz?"; carer.toml
    [checkins_self], round dialogue29)."""
    _, _, for_me = _carer_words()
    return for_me is not None and for_me.search(normal(text))


# Round dialogue33: someone who cares for nobody, asked whether a neighbour may come by now and then.
NOT_A_CARER = "not_a_carer"
# A relation said before the registration began ("ik ben mantelzorger voor mijn vader" as a first
# message, kept through onboarding): not asked again after the name.
SAID_RELATION = "care_relation_said"
# How often, said the same way ("kunt u mij elke week vragen hoe het gaat"): only the day is asked.
SAID_FREQ = "care_freq_said"


def freq_in(text: str, now: datetime, lang: str) -> str | None:
    """Every week or every other week said in the words that asked for the check-ins: the words of how often
    found among them ("could you message me once a fortnight to see how I'm doing?", which the reader of
    a whole time does not read), else the reader's."""
    from flows.understanding import time_words

    items, _ = time_words.scan(time_words.normalise(text, lang), lang, loose=False)
    said = {item.value for item in items if item.kind == "rec"} & {"weekly", "biweekly"}
    return said.pop() if len(said) == 1 else _freq_said(text, now, lang)


def start(state: dict[str, Any], profile: Profile, said: str = "", now: datetime | None = None) -> StepResult:
    """MANTELZORG: register, or see and change the registration. `said`: the sentence that asked for it
    ("ik zorg voor mijn moeder en ..."), whose relation (and how often, read at `now`) is then not asked
    again."""
    state["flow"] = FLOW
    relation = (_relation_from(said) if said else None) or state.pop(SAID_RELATION, None)
    freq = (freq_in(said, now, language(state)) if said and now is not None else None) or state.pop(
        SAID_FREQ, None
    )
    state["care"] = {"relation_said": relation} if relation in RELATIONS else {}
    if freq in ("weekly", "biweekly"):
        state["care"]["freq_said"] = freq
    if profile.care is None:
        return _ask(state, "who", prompt(state, "care_who"))
    return _status(state, profile.care)


def handle(state: dict[str, Any], event: Event, profile: Profile, now: datetime) -> StepResult:
    draft: dict[str, Any] = state.setdefault("care", {})
    step = state.get("step")
    answer = chosen(state, event)
    text = " ".join(event.text.split()) if event.kind == "text" else ""
    if (corrected := _correction(state, step, text)) is not None:
        return corrected
    if step == "status":
        if profile.care is None:
            return start(state, profile)
        if answer == "back":
            return StepResult(_leave(state))
        if answer == "rhythm":
            draft.update(_fields(profile.care))
            return _ask(state, "rhythm", prompt(state, "care_rhythm", RHYTHM_CHOICES))
        if answer == "redo":
            return _ask(state, "who", prompt(state, "care_who"))
        if answer is None and says_any(text, "care_stop_asking") and not says_any(text, "care_pause_asking"):
            answer = "end"  # round dialogue35: "proszę już nie pytać", "أوقفوا الأسئلة" at the registration
        if answer == "end" and draft.get("stop_asked"):
            # Round dialogue35: the news' lead asked "less often, or stop?": answered, not asked again.
            _leave(state)
            return StepResult(state, (say("care_ended"),), (Effect("care_stop"),))
        if answer == "end":
            return _ask(state, "end", prompt(state, "care_end_question", YES_NO))
        if (
            answer is None
            and (rule := _rhythm_at_status(text, now, profile.care, language(state))) is not None
        ):
            draft.update(_fields(profile.care))
            return _registered(state, rule)
        return _status(state, profile.care)
    if step == "end":
        if answer == "yes":
            _leave(state)
            return StepResult(state, (say("care_ended"),), (Effect("care_stop"),))
        if answer == "no":
            return StepResult(_leave(state), (say("care_kept"),))
        return StepResult(state, (prompt(state, "care_end_question", YES_NO),))
    if step == "who" and _name_with_relation(text) is None and says_any(text, "dialogue33_not_a_carer"):
        # Round dialogue33: asked how she is herself, for nobody she cares for ("nee, het is voor mezelf,
        # ik woon alleen"): these questions are for carers; a neighbour who comes by now and then is offered.
        return _ask(state, NOT_A_CARER, prompt(state, "care_not_carer", YES_NO))
    if step == NOT_A_CARER:
        if answer == "yes":
            _leave(state)
            state["goto"] = "ask"  # the router begins the request (conversation.py `_goto`)
            state["pending"] = {"intent": "ask", "category": "gezelschap"}
            return StepResult(state, (say("care_ask_intro_kept"),))
        if answer == "no":
            return StepResult(_leave(state))
        return StepResult(state, (prompt(state, "care_not_carer", YES_NO),))
    if step == "who":
        named = _name_with_relation(text)
        if named is not None:
            # "mijn moeder Ria": the name, and the relation need not be asked.
            draft["care_for"], draft["relation"] = named
            params = {"name": draft["care_for"]}
            return _ask(state, "hours", prompt(state, "care_hours", HOURS_CHOICES, params))
        name = _first_name(text)
        if name is None:
            return StepResult(state, (prompt(state, "care_who_again"),))
        draft["care_for"] = name
        if (said := draft.pop("relation_said", None)) in RELATIONS:
            draft["relation"] = said  # "ik zorg voor mijn vader": not "Wat is Jan van je?"
            return _ask(state, "hours", prompt(state, "care_hours", HOURS_CHOICES, {"name": name}))
        return _ask(state, "relation", prompt(state, "care_relation", RELATION_CHOICES, {"name": name}))
    if step == "relation":
        answer = answer if answer in RELATIONS else _relation_from(text)
        if answer not in RELATIONS:
            return StepResult(state, repair.again(state))
        draft["relation"] = answer
        return _ask(state, "hours", prompt(state, "care_hours", HOURS_CHOICES, {"name": draft["care_for"]}))
    if step == "hours":
        read = (answer, False) if answer in HOURS else _hours_from(text)
        if read is None or read[0] is None:
            return StepResult(state, repair.again(state))
        draft["hours"], ranged = read
        # A range is read back by the band it counts as, so a wrong reading can be said at once.
        noted = (say("care_hours_noted", {"hours": _label("care_hours", read[0], state)}),) if ranged else ()
        if (freq := draft.pop("freq_said", None)) in ("weekly", "biweekly"):
            draft["freq"] = freq  # "elke week" said when she asked for the check-ins: the day is asked
            state["step"] = "day"
            return StepResult(state, (*noted, prompt(state, "care_day")))
        state["step"] = "rhythm"
        return StepResult(state, (*noted, prompt(state, "care_rhythm", RHYTHM_CHOICES)))
    if step == "rhythm":
        # "wekelijks, maar niet in het weekend": a day left out is no "Niet"; how often said beside it is
        # the choice, and the day is asked (a day named after "niet" is the one she does not want).
        excluded = bool(text) and not text.isdigit() and says_any(text, "dialogue24_rhythm_except")
        if answer == "never" and excluded:
            answer = _freq_said(text, now, language(state))
        if answer == "never":
            return _registered(state, NEVER)
        if answer in ("weekly", "biweekly"):
            draft["freq"] = answer
            # "elke twee weken op zondagavond": the day and time said with the choice are not asked again.
            reads_day = not (text.isdigit() or excluded)
            said = _rule_from(text, now, answer, language(state)) if reads_day else None
            if said is not None:
                return _registered(state, said)
            return _ask(state, "day", prompt(state, "care_day"))
        rule = _rule_from(text, now, None, language(state))
        if rule is not None:
            return _registered(state, rule)
        if says_any(text, "care_rhythm_never"):
            return _registered(state, NEVER)  # "alleen als ik het zelf vraag"
        if (freq := _freq_said(text, now, language(state))) is not None:
            # Round dialogue29: how often in words the options do not hold ("kol simana", "1 keer in 2
            # week", "once a fortnight"): that choice, and the day asked.
            draft["freq"] = freq
            return _ask(state, "day", prompt(state, "care_day"))
        if says_any(text, "care_too_often") or _daily(text, now, language(state)):
            # "om de dag": the check-in asks about the week, so at most once a week; said, not a miss.
            return StepResult(state, (prompt(state, "care_rhythm_most_weekly", RHYTHM_CHOICES),))
        return StepResult(state, (prompt(state, "care_rhythm_again", RHYTHM_CHOICES),))
    if step == "day":
        rule = _rule_from(text, now, draft.get("freq"), language(state))
        if rule is None and says_any(text, "leave_it_to_you"):
            # "kies jij maar, als het maar niet in het weekend is": Monday at 10:00, read back in the
            # registration, where another day is one message away.
            rule = _rule_from("maandag 10:00", now, draft.get("freq"))
        if rule is None:
            return StepResult(state, (prompt(state, "care_day_again"),))
        return _registered(state, rule)
    if step == "pause":
        return _on_pause_length(state, event, answer, now)
    return start(state, profile)


def _label(prefix: str, key: str, state: dict[str, Any]) -> str:
    return catalogue.render(f"{prefix}_{key}", language(state)).lower()


def _correction(state: dict[str, Any], step: str | None, text: str) -> StepResult | None:
    """A correction of the relation at a later question ("nee wacht, het is mijn schoonvader" at the
    rhythm question): the relation is changed, read back, and the open question asked again. Only a
    message that says it corrects (`repair.is_correction`) and names one kind of person counts."""
    if step not in ("hours", "rhythm", "day") or not text or not repair.is_correction(text, language(state)):
        return None
    relation = _relation_from(text)
    if relation is None:
        return None
    state["care"]["relation"] = relation
    noted = say("correction_noted", {"value": _label("care_rel", relation, state)})
    return StepResult(state, (noted, *repeat_prompt(state)))


def cancel(state: dict[str, Any]) -> StepResult:
    """ANNULEREN during the questions: nothing is saved, a registration stays as it was."""
    _leave(state)
    return StepResult(state, (say("care_cancelled"),))


def _ask(state: dict[str, Any], step: str, reply: Reply) -> StepResult:
    state["step"] = step
    return StepResult(state, (reply,))


def status_of(state: dict[str, Any], care: CareSummary, *, stop_asked: bool = False) -> StepResult:
    """MANTELZORG's registration shown, to change how often or stop (after news of the one cared for).
    `stop_asked`: a lead before it already asked whether to stop (an admission): a stop then ends them."""
    state["flow"] = FLOW
    state["care"] = {**_fields(care), **({"stop_asked": True} if stop_asked else {})}
    return _status(state, care)


def back_early(state: dict[str, Any], text: str, profile: Profile, now: datetime) -> StepResult | None:
    """Session 31 (round dialogue35 left it): a paused carer back before the pause's end ("we zijn weer
    thuis, je mag weer vragen hoe het gaat", "już wróciłyśmy, można znowu pytać"): the check-ins go on from
    now (a pause until now: the next is the rhythm's first from now), said with the rhythm. None when she
    is not paused or says no such thing ([care_back])."""
    care = profile.care
    if care is None or care.resumes_at is None or care.resumes_at <= now or care.rhythm.freq == "never":
        return None
    if not says_any(text, "care_back"):
        return None
    rhythm = describe(care.rhythm, language(state))
    return StepResult(
        state,
        (say("care_resumed", {"name": care.care_for, "rhythm": rhythm}),),
        (Effect("care_pause", {"until": now.isoformat()}),),
    )


def paused_result(state: dict[str, Any], until: datetime) -> StepResult:
    """No check-in before `until` (news of an absence with its end said), from the menu."""
    day = describe_when(When("flexible", start=until.astimezone(AMSTERDAM)), language(state))
    return StepResult(
        state, (say("care_paused", {"until": day}),), (Effect("care_pause", {"until": until.isoformat()}),)
    )


def _status(state: dict[str, Any], care: CareSummary) -> StepResult:
    lang = language(state)
    answered = [catalogue.render(f"care_{a}", lang).lower() for a in care.recent if a != "asked"][:3]
    trend = catalogue.render("care_trend", lang, {"answers": ", ".join(answered)}) if answered else ""
    if care.resumes_at is not None and care.rhythm.freq != "never":
        # After a pause the carer sees until when (round 9: only the next check-in's time knew it).
        day = describe_when(When("flexible", start=care.resumes_at.astimezone(AMSTERDAM)), lang)
        trend = catalogue.render("care_status_paused", lang, {"until": day}) + trend
    key = "care_status_never" if care.rhythm.freq == "never" else "care_status"
    params = {"name": care.care_for, "rhythm": describe(care.rhythm, lang), "trend": trend}
    state["step"] = "status"
    return StepResult(state, (prompt(state, key, STATUS_CHOICES, params),))


def _fields(care: CareSummary) -> dict[str, str]:
    return {"care_for": care.care_for, "relation": care.relation, "hours": care.hours}


def _registered(state: dict[str, Any], rule: Rule) -> StepResult:
    draft = state["care"]
    data = {
        "care_for": draft["care_for"],
        "relation": draft["relation"],
        "hours": draft["hours"],
        "rhythm": rule.to_json(),
    }
    params = {"name": draft["care_for"], "rhythm": describe(rule, language(state))}
    key = "care_registered_never" if rule.freq == "never" else "care_registered"
    _leave(state)
    return StepResult(state, (say(key, params),), (Effect("care_register", data),))


def _leave(state: dict[str, Any]) -> dict[str, Any]:
    for key in ("care", "step", "prompt"):
        state.pop(key, None)
    state["flow"] = "menu"
    state["offered"] = []
    return state


def _first_name(text: str) -> str | None:
    """A first name as typed ("Jan", "mijn moeder Ria" is too much: one or two words, letters)."""
    name = text.strip(" .!,")
    words = name.split()
    if not 1 <= len(words) <= 2 or len(name) > MAX_NAME:
        return None
    if not all(any(ch.isalpha() for ch in word) for word in words) or any(ch.isdigit() for ch in name):
        return None
    return name[:1].upper() + name[1:]


# Words between two numbers that make them a range of hours: `data/relations.toml` [hours].
RANGE_WORDS = frozenset(simplify(word) for word in lexicon("relations")["hours"]["range"])


def _padded(text: str) -> str:
    """Folded words between single spaces, with a space at both ends: for finding whole phrases."""
    return " " + " ".join(re.findall(r"\w+", folded(text))) + " "


ALWAYS = tuple(_padded(phrase) for phrase in lexicon("relations")["hours"]["always"])
RANGE_DASH = re.compile(r"\d\s*[-\u2013/]\s*\d")  # a hyphen, an en dash or a slash


POSSESSIVES = frozenset(folded(word) for word in lexicon("relations")["possessives"]["words"])


def _name_with_relation(text: str) -> tuple[str, str] | None:
    """A name said with the relation ("mijn moeder Ria", "Ria, mijn moeder", "my husband Tom"): the
    name and the relation, when one kind of person is named and a first name is left."""
    relation = _relation_from(text)
    if relation is None:
        return None
    names = RELATION_WORDS[relation]
    rest = [
        w for w in re.findall(r"[^\W\d_]+", text) if folded(w) not in names and folded(w) not in POSSESSIVES
    ]
    name = _first_name(" ".join(rest)) if rest else None
    return (name, relation) if name is not None else None


def _hours_from(text: str) -> tuple[str, bool] | None:
    """A typed number of hours ("12", "ongeveer 12 uur", "twintig" is not read) or care around the
    clock said without a number ("dag en nacht": more than 20): its band, and whether to read it back
    (a range or no number). A range ("soms 10 soms 30", "tussen de 10 en 20 uur", "10-20") counts by
    its upper bound: the busy weeks are what weighs on a carer. Two numbers without a range word
    between them ("3 dagen van 8 uur") are asked again rather than guessed."""
    words = words_of(simplify(text))
    found = [(i, n) for i, n in ((i, number_in(word)) for i, word in enumerate(words)) if n is not None]
    numbers = [n for _, n in found]
    if not numbers and any(phrase in _padded(text) for phrase in ALWAYS):
        return "gt20", True
    ranged = len(found) == 2 and (
        bool(RANGE_WORDS & set(words[found[0][0] + 1 : found[1][0]])) or bool(RANGE_DASH.search(text))
    )
    if not (len(numbers) == 1 or ranged) or not all(0 < n <= 168 for n in numbers):
        return None
    hours = max(numbers)
    return ("lt8" if hours < 8 else "8_20" if hours <= 20 else "gt20"), ranged


def _rhythm_at_status(text: str, now: datetime, care: CareSummary, lang: str) -> Rule | None:
    """Dialogue round 14: another rhythm said at MANTELZORG's status ("liever om de week"): every week or
    every other week named like its option, with a day and time if said, else those it has now."""
    if not text or text.isdigit():
        return None
    if (said := _new_rhythm(text, now, care.rhythm, lang)) is not None:
        return said
    options = [(c.key, catalogue.render(c.label_key, lang)) for c in RHYTHM_CHOICES if c.key != "never"]
    freq, confidence = read_option(text, options, lang)
    if freq is None or confidence < CONFIDENT:
        return None
    return _keeping_day_and_time(care.rhythm, freq, now)


def _rule_from(text: str, now: datetime, freq: str | None, lang: str = "nl") -> Rule | None:
    """A day and time for the check-ins ("elke maandag 10:00", "maandag", "dinsdagochtend"): weekly
    unless every other week was chosen or said. A daily check-in is not offered: "this week" is the
    question. What `parse_when` (Dutch and English) does not read, the reader reads in six languages
    ("co dwa tygodnie w niedzielę", "dinsdag, liever 's avonds na achten")."""
    if not text:
        return None
    when = parse_when(text, now)
    if when is None or when.start is None:
        return _rule_from_reader(text, now, freq, lang)
    if when.recurrence == "daily":
        return None
    local = when.start.astimezone(AMSTERDAM)
    at = (
        local.time() if when.kind == "moment" else (DEFAULT_TIME if when.kind == "flexible" else local.time())
    )
    first: date = local.date()
    if when.kind == "flexible" and datetime.combine(first, at, tzinfo=AMSTERDAM) <= now:
        first += timedelta(days=7)
    biweekly = freq == "biweekly" or when.recurrence == "biweekly"
    return Rule.biweekly(first, at) if biweekly else Rule.weekly(first.weekday(), at)


def _rule_from_reader(text: str, now: datetime, freq: str | None, lang: str) -> Rule | None:
    """One day of the week read by the reader, at the hour said, from the hour a bound names ("na
    achten" is from 20:00), at the start of the part of day said, or at 10:00."""
    return _rule_of_time(read("ask_when", text, lang=lang, now=now).time, now, freq)


def _rule_of_time(found: TimeReading | None, now: datetime, freq: str | None) -> Rule | None:
    """The weekly (or every other week) rule of a reading that names one day of the week."""
    if found is None or len(found.days) != 1 or found.recurrence == "daily" or found.before is not None:
        return None
    at = found.at or found.after
    if at is None:
        when = found.to_when(now, AMSTERDAM)
        start = when.start if when is not None and when.kind != "flexible" else None
        at = start.astimezone(AMSTERDAM).time() if start is not None else DEFAULT_TIME
    at = at.replace(second=0, microsecond=0, tzinfo=None)
    today = now.astimezone(AMSTERDAM).date()
    first = today + timedelta(days=(found.days[0] - today.weekday()) % 7)
    if datetime.combine(first, at, tzinfo=AMSTERDAM) <= now:
        first += timedelta(days=7)
    biweekly = freq == "biweekly" or found.recurrence == "biweekly"
    return Rule.biweekly(first, at) if biweekly else Rule.weekly(first.weekday(), at)


def _freq_said(text: str, now: datetime, lang: str) -> str | None:
    """Every week or every other week said in words the reader knows ("wekelijks", "om de week")."""
    found = read("ask_when", text, lang=lang, now=now).time
    return found.recurrence if found is not None and found.recurrence in ("weekly", "biweekly") else None


def _daily(text: str, now: datetime, lang: str) -> bool:
    """Every day said in words the reader knows ("elke dag om 9 uur", "every day please")."""
    found = read("ask_when", text, lang=lang, now=now).time if text else None
    return found is not None and found.recurrence == "daily"


# --- a registered carer's own words about the check-ins (dialogue round 9) ------------------------

PAUSE_CHOICES = (
    Choice("week", "pause_week"),
    Choice("two_weeks", "pause_two_weeks"),
    Choice("four_weeks", "pause_four_weeks"),
)
PAUSE_DAYS = {"week": 7, "two_weeks": 14, "four_weeks": 28}


def about_checkins(
    state: dict[str, Any],
    text: str,
    profile: Profile,
    now: datetime,
    *,
    stop: bool = False,
    in_thread: bool = False,
    named: bool = False,
) -> StepResult | None:
    """A registered carer at the menu who talks about the check-ins themselves, in words that name them
    (conversation.toml [care_checkins]: "die berichtjes over hoe het gaat", "ask me", "pytać"):

    - a pause ([care_pause_asking]: "kun je me even een paar weken niks vragen?"): how long, then no
      check-in until then (`care_pause`; the rhythm stays);
    - stopping ([care_stop_asking], or stopping said in words, `stop`): the MANTELZORG stop question,
      not the question whether all of Voordeur's messages should stop;
    - another rhythm ("could you ask me every two weeks instead?", "vraag het liever op zondagavond"):
      registered at once, a day or time not said kept from the rhythm as it was;
    - a question about them ("wat is dat eigenlijk, die vraag elke maandag?", or the rhythm it already
      is): the registration as MANTELZORG shows it, to change or stop.
    In a conversation with a neighbour only a pause or a stop: a question there may be for the
    neighbour. None for anything else, and for anyone who is no registered carer. `named`: the words are
    about the check-ins without naming them (said at the check-in itself, flows/checkin_talk.py)."""
    care = profile.care
    named = named or says_any(text, "care_checkins")
    # "kan je me voortaan om de week vragen?": asking from now on names them as well.
    named = named or _asked_from_now_on(text)
    if care is None or not text:
        return None
    # What the check-ins are, said as a wish ("kunt u mij voortaan elke twee weken vragen hoe het gaat",
    # "ik wil graag af en toe gevraagd worden hoe het gaat") names them too: with check-ins on, another
    # rhythm is registered, else the registration is shown (it read as a request, or as nothing).
    described = not in_thread and checkins_described(text, profile)
    left_out = _day_left_out(text, care.rhythm, now, language(state))
    named = named or described or left_out is not None
    if not named and not (stop and care.rhythm.freq != "never" and until_in_words(text, now) is not None):
        # round dialogue29: not writing said with an end ("wyjeżdżam na dwa tygodnie, proszę wtedy nie
        # pisać") is a pause of the check-ins whether or not the words name them, not every message stopped.
        return None
    # Round dialogue35: her check-in day left out ("niet meer op maandag", "stop asking on mondays"): a day
    # she does not want, not a stop; another day said beside it is the new one, else the day is asked.
    day_off = None if in_thread else left_out
    if day_off is not None:
        state["flow"] = FLOW
        state["care"] = {**_fields(care), "freq": day_off[1]}
        if day_off[0] is not None:
            return _registered(state, day_off[0])
        return _ask(state, "day", prompt(state, "care_day"))
    stopping = stop or says_any(text, "care_stop_asking")
    until = until_in_words(text, now)
    pause = care.rhythm.freq != "never" and (
        says_any(text, "care_pause_asking") or (stopping and until is not None)
    )
    rule = None if pause or stopping or in_thread else _new_rhythm(text, now, care.rhythm, language(state))
    asked = text.rstrip().endswith(("?", "؟")) and not in_thread
    # Round dialogue27: "ik wil graag af en toe gevraagd worden hoe het gaat", no check-ins now: how often.
    wanted = not in_thread and rule is None and checkins_asked_for(text, profile)
    if not (pause or stopping or rule is not None or asked or wanted or described):
        return None
    state["flow"] = FLOW
    state["care"] = _fields(care)
    if pause:
        if until is not None:
            return _paused(state, until)
        return _ask(state, "pause", prompt(state, "care_pause_how_long", PAUSE_CHOICES))
    if stopping:
        return _ask(state, "end", prompt(state, "care_end_question", YES_NO))
    if wanted:
        return _ask(state, "rhythm", prompt(state, "care_rhythm", RHYTHM_CHOICES))
    if rule is not None and rule != care.rhythm:
        return _registered(state, rule)
    return _status(state, care)


# A clause cut where one says what she does not want and what she does ("niet op maandag, donderdag is
# beter", "stop asking on mondays and do thursday mornings instead"); the Ukrainian words escaped.
_CLAUSES = re.compile(
    r"[,.;:!?\u061f]+|\s(?:en|and|maar|but|ama|ale|\u0430\u043b\u0435|\u0430|\u0430\u0431\u043e|of|or)\s",
    re.IGNORECASE,
)


def _day_left_out(text: str, current: Rule, now: datetime, lang: str) -> tuple[Rule | None, str] | None:
    """Round dialogue35: a registered carer's words that leave out the day she is asked on ("niet meer op
    maandag", "maandag is lastig geworden", "не в понеділок"): a clause with words of leaving a day out
    ([dialogue24_rhythm_except], [dialogue35_day_off]) that names that weekday. Returns the rhythm the rest
    says (None when it names no other day: the day is then asked) and how often (said, else as it was).
    None when no such clause is there."""
    if current.weekday is None or current.freq not in ("weekly", "biweekly") or not text.strip():
        return None
    if not (says_any(text, "dialogue24_rhythm_except") or says_any(text, "dialogue35_day_off")):
        return None
    kept: list[str] = []
    left_out = False
    for clause in _CLAUSES.split(text):
        off = says_any(clause, "dialogue24_rhythm_except") or says_any(clause, "dialogue35_day_off")
        if off:
            bare = without_said(without_said(clause, "dialogue24_rhythm_except"), "dialogue35_day_off")
            found = read_time(bare, lang, now, mode="message") if bare else None
            if found is not None and current.weekday in found.days:
                left_out = True
                continue
        kept.append(clause)
    if not left_out:
        return None
    rest = " ".join(kept)
    freq = (_freq_said(rest, now, lang) if rest.strip() else None) or current.freq
    rule = _new_rhythm(rest, now, current, lang) if rest.strip() else None
    if rule is not None and rule.weekday == current.weekday:
        rule = None  # only how often said: the day she left out is not kept, it is asked
    if rule is not None and rule.freq != freq:
        rule = _rule_of_time(read_time(rest, lang, now, mode="message"), now, freq) or rule
    return rule, freq


def checkins_described(text: str, profile: Profile) -> bool:
    """A registered carer's words that wish for the check-ins, whether or not she has them ("kunt u mij
    voortaan elke twee weken vragen hoe het gaat"): about the check-ins, not a request for help."""
    if profile.care is None:
        return False
    return _asked_from_now_on(text) or checkins_for_me_asked(text) or checkins_asked_for(text, profile)


def _asked_from_now_on(text: str) -> bool:
    """Asking, from now on ("kan je me voortaan om de week vragen?"): words about the check-ins."""
    return says_any(text, "care_from_now_on") and says_any(text, "care_asking_verbs")


def checkins_asked_for(text: str, profile: Profile) -> bool:
    """A registered carer with no check-ins who asks for them ("ik wil graag af en toe gevraagd worden
    hoe het gaat", "أريد أن تسألني من وقت لآخر"). Round dialogue27: how often is then asked."""
    care = profile.care
    return care is not None and care.rhythm.freq == "never" and checkins_wished(text)


def checkins_wished(text: str) -> bool:
    """What the check-ins are, asked for (`checkins_wanted`, `checkins_for_me_asked`), or a wish
    ([dialogue27_checkins_wanted]) beside words that name them ("ik wil graag af en toe gevraagd worden
    hoe het gaat"): for someone registered as a carer, whose check-ins these words can only be about."""
    if _refused(text):
        return False
    if checkins_wanted(text) or checkins_for_me(text):
        return True
    named = says_any(text, "care_checkins") or says_any(text, "care_asking_verbs")
    return named and says_any(text, "dialogue27_checkins_wanted")


def checkins_for_me_asked(text: str) -> bool:
    """The check-ins asked for about the writer (`checkins_for_me`: "kunt u mij elke week vragen hoe het
    gaat"), not refused ("ik wil niet dat jullie vragen hoe het gaat"); "kunt u vragen hoe het gaat met
    mijn aanvraag" is not (round dialogue29)."""
    return checkins_for_me(text) and not _refused(text)


def _refused(text: str) -> bool:
    """A stop or a "no" said of them ("no check-ins please", "ik wil niet dat jullie ...")."""
    return says_any(text, "care_stop_asking") or says_any(text, "dialogue27_checkins_not")


def pause_without_offer(
    state: dict[str, Any], argument: str, profile: Profile, now: datetime
) -> StepResult | None:
    """PAUZE (typed, or said in words: "even een paar weken niks graag") from a carer with check-ins who
    offers no help: the check-ins are the one thing there is to pause (round 12 answered 'Je biedt nu geen
    hulp aan'). How long is read from what followed PAUZE, else asked. None for anyone else."""
    care = profile.care
    if care is None or care.rhythm.freq == "never":
        return None
    state["flow"] = FLOW
    state["care"] = _fields(care)
    until = until_in_words(argument, now) if argument.strip() else None
    if until is not None:
        return _paused(state, until)
    return _ask(state, "pause", prompt(state, "care_pause_how_long", PAUSE_CHOICES))


def _new_rhythm(text: str, now: datetime, current: Rule, lang: str) -> Rule | None:
    """A rhythm said in words: a day (and time), or only how often ("every two weeks"), which keeps
    the day and time of the rhythm as it was (Monday 10:00 when there was none)."""
    # Strict, as a time inside a message ("het is goed zo" names no Sunday); how often alone may also be
    # read as an answer is ("raz na dwa tygodnie, proszę?"), a day not. "From now on" names no time.
    if says_any(text, "care_from_now_on"):
        text = without_said(text, "care_from_now_on")
    found = read_time(text, lang, now, mode="message")
    if found is not None and found.recurrence in (None, "weekly", "biweekly") and found.days:
        return _rule_of_time(found, now, found.recurrence)
    if found is None or found.recurrence is None:
        found = read("ask_when", text, lang=lang, now=now).time
    if found is None or found.recurrence not in ("weekly", "biweekly"):
        return None
    return _keeping_day_and_time(current, found.recurrence, now)


def _keeping_day_and_time(current: Rule, freq: str, now: datetime) -> Rule:
    """Every week or every other week, on the day and at the time of the rhythm as it was (Monday 10:00
    when there was none); every other week from the first such day after `now`."""
    at = current.at or DEFAULT_TIME
    weekday = current.weekday if current.weekday is not None else 0
    if freq == "weekly":
        return Rule.weekly(weekday, at)
    today = now.astimezone(AMSTERDAM).date()
    first = today + timedelta(days=(weekday - today.weekday()) % 7)
    if datetime.combine(first, at, tzinfo=AMSTERDAM) <= now:
        first += timedelta(days=7)
    return Rule.biweekly(first, at)


def _on_pause_length(state: dict[str, Any], event: Event, answer: str | None, now: datetime) -> StepResult:
    if answer == "keep":
        # "Niets veranderen" after news of an absence (flows/life_events.py): the check-ins as they are.
        return StepResult(_leave(state), (say("care_kept"),))
    if answer in PAUSE_DAYS:
        return _paused(state, pause_for(PAUSE_DAYS[answer], now))
    text = event.text if event.kind == "text" else ""
    until = pause_until(text, now) if text.strip() else None
    keep_offered = any(str(key) == "keep" for key, _ in state.get("offered") or [])
    if until is None and keep_offered:
        until = until_in_words(text, now) if text.strip() else None
        if until is None and read_yes_no(text, language(state))[0] == "no":
            # "nee hoor, laat maar" to "Zal ik even niet vragen hoe het gaat?": nothing changes.
            return StepResult(_leave(state), (say("care_kept"),))
    if until is None:
        choices = (*PAUSE_CHOICES, Choice("keep", "life_keep")) if keep_offered else PAUSE_CHOICES
        return StepResult(state, (prompt(state, "care_pause_again", choices),))
    return _paused(state, until)


def _paused(state: dict[str, Any], until: datetime) -> StepResult:
    """No check-in before `until`; then the rhythm as it was (the engine schedules the next from it)."""
    _leave(state)
    day = describe_when(When("flexible", start=until.astimezone(AMSTERDAM)), language(state))
    return StepResult(
        state, (say("care_paused", {"until": day}),), (Effect("care_pause", {"until": until.isoformat()}),)
    )


# The offers after Zwaar (or the distress offers) picked in a sentence: conversation.toml sections.
_OFFER_WORDS = (
    ("callback", "care_offer_call"),
    ("respite", "care_offer_respite"),
    ("callback", "overload_offer_call"),
    ("respite", "overload_offer_respite"),
    # round dialogue24: "ik wil met de mantelzorgconsulent praten" names the person to call back, "een
    # gesprek met iemand die verstand heeft van mantelzorg" asks for a talk
    ("callback", "dialogue24_offer_professional"),
    ("callback", "dialogue24_offer_call"),
)


def call_asked(text: str) -> bool:
    """A call or a talk with a person asked for in words ("ik wil graag dat iemand me belt"): the offers'
    words for the call back."""
    return any(says_any(text, section) for offer, section in _OFFER_WORDS if offer == "callback")


def offer_in_words(state: dict[str, Any], text: str) -> str | None:
    """The offered key a sentence at the offers means: a wish to talk to a person ("bel me maar",
    "wolałabym z kimś porozmawiać") is the call back; a break from caring the respite information; an
    offer named by its place ("ja dat tweede lijkt me fijn"); a kind no ("nee hoor, het lukt wel")
    not now. None when none of these is said (a request in words is the caller's to read)."""
    offered = [str(key) for key, _ in state.get("offered") or []]
    prompt_key = str((state.get("prompt") or {}).get("key") or "")
    if prompt_key not in OFFER_PROMPTS or not offered or not text.strip():
        return None
    for offer, section in _OFFER_WORDS:
        if says_any(text, section):
            return _offered(offered, offer)
    words = folded_words(text)
    places = lexicon("conversation")["care_offer_pick"]
    picked = {
        len(offered) if place == "last" else int(place)
        for place, phrases in places.items()
        if any(f" {simplify(phrase)} " in words for phrase in phrases)
    }
    if len(picked) == 1 and 1 <= (place := picked.pop()) <= len(offered):
        return offered[place - 1]
    said_none = says_any(text, "care_offer_none") or says_any(text, "overload_offer_none")
    # Round dialogue35: "later", "sonra", "później" alone, as at the check-in (checkin_talk.talk), is not now.
    said_none = said_none or folded_words(text) in conversation_words("care_later_alone")
    if said_none and not read_checkin(text)[1]:
        # "nee hoor, het lukt wel"; not "nee, ik kan het echt niet meer aan": at her limit, no "not now".
        return _offered(offered, "none")
    return None


def no_strangers_at_offers(state: dict[str, Any], text: str) -> StepResult | None:
    """Round dialogue35: at the offers, the one cared for (or she) wants no strangers in the house ("mijn
    man wil geen vreemden in huis"): help outside the house or a call, then the offers again; before, it
    was not understood, or (Arabic "لا" in it) taken for "Nu even niet". None otherwise."""
    if offered_key(state, "none") is None or not says_any(text, "dialogue35_no_strangers"):
        return None
    return StepResult(state, (say("care_no_strangers"), *repeat_prompt(state)))


def offered_key(state: dict[str, Any], offer: str) -> str | None:
    """The key of `offer` ("callback") among the offers open in `state`, if they are open."""
    prompt_key = str((state.get("prompt") or {}).get("key") or "")
    if prompt_key not in OFFER_PROMPTS:
        return None
    return _offered([str(key) for key, _ in state.get("offered") or []], offer)


def _offered(offered: list[str], offer: str) -> str | None:
    matching = [key for key in offered if key.endswith(f":{offer}")]
    return matching[0] if matching else None


def relation_in(text: str) -> str | None:
    """The relation a sentence names ("ik ben mantelzorger voor mijn vader" -> a parent), or None."""
    return _relation_from(text)
