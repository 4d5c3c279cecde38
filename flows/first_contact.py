"""The first message, and free text at the menu: act on what the person asked for.

"goedemiddag ik ben mevrouw de Vries, kan er iemand dinsdag met me naar de dokter" is a request, not a
greeting to be answered with a welcome and forgotten. What was read (the kind of help, the time, the
words themselves) is kept in `state["pending"]` while onboarding asks what matching still needs (name,
neighbourhood, consent); then the ask flow starts from it and asks only what is missing. The same for
offering help, a question for the sociale kaart, an activity, wanting a person and stopping.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from flows import (
    agenda,
    care,
    catalogue,
    circle,
    faq,
    interpret,
    menu,
    onboarding,
    smalltalk,
    social_map,
    threads,
)
from flows.dialogue import language, say
from flows.normalise import says_any
from flows.profile import Profile
from flows.types import Effect, Event, StepResult
from flows.understanding import Reading
from flows.understanding.intent import command_in


def start(
    state: dict[str, Any], event: Event, profile: Profile, now: datetime, command: str | None
) -> StepResult:
    """A new person's first message: read it, answer in their language, act on what it asks."""
    state["greeted"] = True
    if (for_care := _for_care(state, event, profile, now, command)) is not None:
        return for_care
    if command == menu.CIRCLE:
        return _for_circle(state, event, profile)
    if event.kind == "text" and command is None and event.text.strip():
        found = _read_first(state, event.text)
        if (topic := faq.asked(event.text, language(state), "first_message")) is not None:
            # "is dit gratis?", "ben jij een echt mens?" before anything else: the welcome, the answer,
            # then the first question.
            started = onboarding.start(state, profile, then="menu", welcome=True)
            return replace(started, replies=(*started.replies[:1], *faq.answer(topic), *started.replies[1:]))
        acted = act_on_intent(state, event, profile, now, context="first_message", found=found)
        if acted is not None:
            return acted
        return _politeness_answered(event.text, onboarding.start(state, profile, then="menu", welcome=True))
    return onboarding.start(state, profile, then="menu", welcome=True)


# Politeness alone as a first message that the welcome does not answer by itself (a hello it does): thanks
# ("heel hartelijk bedankt hoor!", "thank you so much"), "hoe gaat het?", "ik heb een vraag".
_ANSWERED_FIRST = ("thanks", "how_are_you", "question_coming")


def _politeness_answered(text: str, started: StepResult) -> StepResult:
    """The welcome led by the kind answer to politeness alone ("Graag gedaan!"), as at the menu; round
    dialogue31: a first message of thanks was read as nothing."""
    kind = smalltalk.kind_of(text)
    if kind not in _ANSWERED_FIRST or not started.replies or started.replies[0].lead is not None:
        return started
    first, *rest = started.replies
    return replace(started, replies=(replace(first, lead=smalltalk.LEADS[kind]), *rest))


def _read_first(state: dict[str, Any], text: str) -> Reading:
    """A first message read; the conversation goes on in the language it is written in."""
    found = interpret.reading("first_message", text, state.get("lang"), None)
    said = interpret.courtesy_language(text)
    if said is not None and said != found.lang:
        # "hello", "merhaba", "czesc!" alone: too short for the detector, which keeps the channel's hint;
        # a greeting or thanks only one language says is that language (round dialogue31).
        found = interpret.reading("first_message", text, said, None)
    if found.lang in catalogue.LANGUAGES:
        state["lang"] = found.lang
    return found


def act_on_intent(
    state: dict[str, Any],
    event: Event,
    profile: Profile,
    now: datetime,
    *,
    context: str,
    found: Reading | None = None,
    answered: bool = False,
) -> StepResult | None:
    """What a free-text first message or menu message asks for, acted on; None when nothing clear."""
    rest = None if answered else without_question_about_us(event.text, language(state))
    if rest is not None:
        # "Ik zoek iemand die mijn gras maait. Hoe werkt dat eigenlijk?": the request without the
        # question, and the question answered before the request's next question.
        asked = interpret.reading(context, rest, language(state), None)
        if asked.intent in menu.TARGETS and asked.confidence >= interpret.CONFIDENT:
            plain = replace(event, text=rest)
            result = act_on_intent(state, plain, profile, now, context=context, found=asked, answered=True)
            if result is not None and result.replies:
                told = (*result.replies[:-1], say("how_it_works"), result.replies[-1])
                return replace(result, replies=told)
            return result
    found = found or interpret.reading(context, event.text, language(state), None)
    if found.confidence < interpret.CONFIDENT or found.intent is None:
        return None
    first = context == "first_message"
    if found.intent in menu.TARGETS:
        name, words = smalltalk.introduced(event.text, language(state)) if first else (None, event.text)
        state["pending"] = interpret.pending_request(found, words, now)
        named: tuple[Effect, ...] = ()
        if name is not None and profile.first_name is None:
            # "goedemiddag, ik ben mevrouw de Vries, ...": the name is not asked again.
            profile = replace(profile, first_name=name)
            named = (Effect("update_profile", {"first_name": name}),)
        if first and not profile.ready_to_match:
            result = onboarding.start(state, profile, then=found.intent, welcome=True)
            result = replace(result, effects=(*named, *result.effects))
            # The welcome, then: your request (or offer of help) is kept, first a few short questions.
            kept = "offer_kept_onboarding" if found.intent == "offer" else "request_kept_onboarding"
            replies = (*result.replies[:1], say(kept), *result.replies[1:])
            return replace(result, replies=replies)
        result = menu.go(state, found.intent, profile, now)
        if found.intent == "ask" and says_any(event.text, "debt_letters"):
            # Letters about money owed (aanmaningen, a deurwaarder): a neighbour can read along, but the
            # arrears grow with costs and only schuldhulp can make a payment plan, free; so both are
            # offered: the request as asked, schuldhulp named before its first question (round services26).
            result = replace(result, replies=(say("ask_debt_hint"), *result.replies))
        return _welcomed(first, result)
    if found.intent == "service_question":
        return _welcomed(first, social_map.lookup(state, event.text))
    if found.intent == "activity":
        return _welcomed(first, agenda.start(state))
    if found.intent == "human":
        return _welcomed(first, threads.on_command(state, "human", profile))
    if found.intent in ("complaint", "compliment"):
        return _welcomed(first, _heard_for_the_team(state, found.intent))
    if found.intent == "explain" and not first:
        # "Hallo. Hoe werkt dit?" at the menu: what "Uitleg" gives (a first message is welcomed, which
        # explains already), also when no menu question is open to read it as that choice.
        return StepResult(state, (say("info"), *menu.show(state, "menu").replies))
    if found.intent == "stop" and first:
        # Someone who never asked for us and says so: stopped at once (START undoes it).
        return StepResult(state, (say("stop_confirmed"),), (Effect("set_stopped", {"stopped": True}),))
    return None


def _for_circle(state: dict[str, Any], event: Event, profile: Profile) -> StepResult:
    """A first message that asks for family to read along ("mijn dochter wil ook meelezen", KRING): the
    welcome, onboarding, then the circle (flows/menu.py `carry_on`). Before (round dialogue20) the wish
    was lost and onboarding ended at the menu."""
    if event.kind == "text":
        _read_first(state, event.text)
    return _kept_through_onboarding(state, profile, menu.CIRCLE, circle.start, "circle_kept_onboarding")


def _for_care(
    state: dict[str, Any], event: Event, profile: Profile, now: datetime, command: str | None
) -> StepResult | None:
    """A first message that says she is a mantelzorger (MANTELZORG, "ik zorg voor mijn moeder en wil dat
    jullie af en toe vragen hoe het gaat", "Hallo, ik ben mantelzorger voor mijn vader met parkinson"):
    the welcome, then what matching and the check-ins need (name, neighbourhood, consent), then the
    registration (flows/menu.py `carry_on`). Before, onboarding ended at the menu and it was lost.
    Not when the words ask for help as well: that request is kept as any first message's is."""
    if command is not None and command != care.FLOW:
        return None
    if command is None:
        text = event.text if event.kind == "text" else ""
        if not text.strip() or not (care.carer_said(text) or care.checkins_for_me(text)):
            return None
        if not registers_in_words(text, state.get("lang"), "first_message"):
            return None
        _read_first(state, text)
        if (relation := care.relation_in(text)) is not None:
            state[care.SAID_RELATION] = relation  # asked after onboarding: not "Wat is Jan van je?"
        if (freq := care.freq_in(text, now, language(state))) is not None:
            state[care.SAID_FREQ] = freq  # round dialogue29: "elke week" said, only the day is asked
    return _kept_through_onboarding(state, profile, care.FLOW, care.start, "care_kept_onboarding")


def _kept_through_onboarding(
    state: dict[str, Any],
    profile: Profile,
    flow: str,
    begin: Callable[[dict[str, Any], Profile], StepResult],
    kept: str,
) -> StepResult:
    """A first message that asks for a flow of its own (MANTELZORG, KRING): the welcome and that flow for
    someone who consented already; else the welcome, that it is kept (`kept`), onboarding, and the flow
    after it (flows/menu.py `carry_on`)."""
    if profile.consented:
        started = begin(state, profile)
        return replace(started, replies=(say("welcome"), *started.replies))
    started = onboarding.start(state, profile, then=flow, welcome=True)
    return replace(started, replies=(*started.replies[:1], say(kept), *started.replies[1:]))


def registers_in_words(text: str, lang: str | None, context: str) -> bool:
    """MANTELZORG said in a sentence: the person cares for someone, and the words do not ask for help
    instead ("ik zorg voor mijn moeder, kan iemand dinsdag bij haar zitten?" is a request), unless they
    also ask for the check-ins. Read in `context` ("menu", "first_message")."""
    if not care.carer_said(text):
        return care.checkins_for_me_asked(text)  # round dialogue29: "kunt u mij elke week vragen ..."
    if care.checkins_wanted(text):
        return True
    found = interpret.reading(context, text, lang)
    return not (found.intent in menu.TARGETS and found.confidence >= interpret.CONFIDENT and found.category)


_SENTENCE = re.compile(r"(?<=[.!?؟])\s+")


def without_question_about_us(text: str, lang: str) -> str | None:
    """The message without its last sentences that ask how Voordeur works ("Hoe werkt dat eigenlijk?
    Wat kost het?"); None when none does, or there is nothing before them."""
    sentences = _SENTENCE.split(" ".join(text.split()))
    cut = len(sentences)
    while cut > 1 and _asks_about_us(sentences[cut - 1]):
        cut -= 1
    return " ".join(sentences[:cut]) if cut < len(sentences) else None


def _asks_about_us(sentence: str) -> bool:
    if not sentence.endswith(("?", "؟")):
        return False
    return command_in(sentence) == "help" or says_any(sentence, "about_us")


def _heard_for_the_team(state: dict[str, Any], kind: str) -> StepResult:
    """A complaint (about the help, a volunteer, Voordeur) or praise for a helper, at the menu or as a first
    message: heard kindly and passed on to the team (alert "complaint", ranked with a person asked for;
    "compliment", the lowest rank). After a complaint someone of the team will call: when she is reachable,
    said next, is noted (conversation.py `_contact_note`). Round services26: a complaint about a volunteer
    started an offer."""
    effects = (Effect("alert_staff", {"kind": kind, "priority": "normal"}),)
    if kind == "complaint":
        state[care.PERSON_CONTACT] = care.PERSON_CONTACT_MESSAGES
    return StepResult(state, (say(f"{kind}_heard"),), effects)


def _welcomed(first: bool, result: StepResult) -> StepResult:
    """On a first message the welcome comes before the answer."""
    if not first:
        return result
    return replace(result, replies=(say("welcome"), *result.replies))
