"""Onboarding: first name, neighbourhood, consent. Short, and skippable where it can be.

Asked on first contact, and again (only what is missing) when someone chooses to ask or offer help:
nothing is matched without consent and a neighbourhood. Language is not a question: Dutch by default,
Telegram's language as a hint, and ENGLISH / NEDERLANDS work at any moment (the welcome says so).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from flows import interpret, places
from flows.dialogue import YES_NO, chosen, language, prompt, say
from flows.normalise import says_any, simplify
from flows.profile import CONSENT_TEXT_KEY, CONSENT_VERSION, Profile
from flows.types import Choice, Effect, Event, Reply, StepResult
from flows.understanding.answers import read_yes_no

SKIP_WORDS = frozenset({"overslaan", "sla over", "skip", "geen", "liever niet", "weet ik niet"})
MAX_NAME_LENGTH = 40
# With this many neighbourhoods or fewer, they are offered as choices (a list that fits one SMS).
MAX_NEIGHBOURHOOD_CHOICES = 6


def start(state: dict[str, Any], profile: Profile, then: str, *, welcome: bool = False) -> StepResult:
    """Begin (or resume) onboarding at the first missing piece; `then` is where to go afterwards."""
    state["flow"] = "onboarding"
    state["then"] = then
    first: list[Reply] = [say("welcome")] if welcome else []
    if welcome and profile.first_name is None:
        state["step"] = "name"
        return StepResult(state, (*first, prompt(state, "ask_name")))
    return _next_missing(state, profile, first)


def handle(state: dict[str, Any], event: Event, profile: Profile, now: datetime | None = None) -> StepResult:
    """An answer to onboarding's open question. `now` places the time of a request written instead of
    an answer ("kan er iemand dinsdag met me naar de dokter" at the name question), which is kept for
    after onboarding as a first message's request is."""
    step = state.get("step")
    if step == "name":
        return _on_name(state, event, profile, now)
    if step in ("neighbourhood", "neighbourhood_pick"):
        return _on_neighbourhood(state, event, profile, now)
    if step == "consent":
        return _on_consent(state, event, profile, now)
    return _next_missing(state, profile, [])


def _on_name(state: dict[str, Any], event: Event, profile: Profile, now: datetime | None) -> StepResult:
    text = " ".join(event.text.split()) if event.kind == "text" else ""
    if simplify(text) in SKIP_WORDS:
        return _next_missing(state, profile, [say("name_skipped")])
    name = _name_in(state, text)
    if name is None:
        if _kept(state, text, now):
            # "ik wil hulp met de tuin" is no name, but a request worth keeping for after onboarding:
            # the person hears it is kept, then the question again as first asked.
            return StepResult(state, (say("request_kept_onboarding"), prompt(state, "ask_name")))
        return StepResult(state, (prompt(state, "ask_name_again"),))
    updated = Profile(first_name=name, neighbourhood=profile.neighbourhood, consented=profile.consented)
    result = _next_missing(state, updated, [say("name_thanks", {"name": name})])
    return StepResult(
        result.state, result.replies, (Effect("update_profile", {"first_name": name}), *result.effects)
    )


def _name_in(state: dict[str, Any], text: str) -> str | None:
    """The name in an answer: "ik heet Joke", "MEVROUW JANSEN", "noem me maar Bas". Questions,
    sentences, refusals and emoji are no name ("wie is dit", "bel me maar" never become "Dag Bel me
    maar!")."""
    if not text:
        return None
    found = interpret.reading("name", text, language(state))
    return found.name[:MAX_NAME_LENGTH] if found.name else None


def _kept(state: dict[str, Any], text: str, now: datetime | None) -> bool:
    """A request written instead of an answer, kept for after onboarding (`state["pending"]`, as
    flows/first_contact.py keeps a first message's); False when it is none or one is kept already."""
    if not text or state.get("pending"):
        return False
    found = interpret.reading("first_message", text, language(state))
    if found.intent not in ("ask", "offer") or found.confidence < interpret.CONFIDENT or found.crisis:
        return False
    state["pending"] = interpret.pending_request(found, text, now)
    state["then"] = found.intent
    return True


def _on_neighbourhood(
    state: dict[str, Any], event: Event, profile: Profile, now: datetime | None
) -> StepResult:
    municipality = places.load_municipality()
    key = chosen(state, event)
    if key is not None:
        found = municipality.get(key)
        if found is not None:
            return _neighbourhood_found(state, profile, found, postcode4=None)
    if event.kind != "text":
        return StepResult(state, (_neighbourhood_question(state, "ask_neighbourhood_again"),))
    if simplify(event.text) in SKIP_WORDS:
        state["neighbourhood_skipped"] = True
        return _next_missing(state, profile, [say("neighbourhood_skipped")])
    if (answered := _lives_there(state, event.text, profile, municipality.name)) is not None:
        return answered
    match = places.find_neighbourhood(_postcode_or_text(state, event.text), municipality)
    if match.status == "found" and match.neighbourhood is not None:
        postcode4 = match.postcode.digits if match.postcode is not None else None
        return _neighbourhood_found(state, profile, match.neighbourhood, postcode4=postcode4)
    if match.status == "ambiguous" and match.candidates:
        state["step"] = "neighbourhood_pick"
        choices = tuple(Choice(n.key, label=n.name) for n in match.candidates)
        return StepResult(state, (prompt(state, "neighbourhood_which", choices),))
    if match.status == "outside":
        reply = _neighbourhood_question(state, "neighbourhood_outside", {"municipality": municipality.name})
        return StepResult(state, (reply,))
    if match.status == "invalid_postcode":
        return StepResult(state, (_neighbourhood_question(state, "postcode_invalid"),))
    if _kept(state, event.text, now):
        return StepResult(
            state, (say("request_kept_onboarding"), _neighbourhood_question(state, "ask_neighbourhood"))
        )
    return StepResult(state, (_neighbourhood_question(state, "neighbourhood_unknown"),))


def _lives_there(state: dict[str, Any], text: str, profile: Profile, municipality: str) -> StepResult | None:
    """ "Woon je daar?" (after a postcode outside the municipality) answered yes or no (session 27: "ja"
    counted as a third miss and a staff call-back). Yes: the neighbourhoods to choose from; no: Voordeur
    cannot find neighbours there, and the questions go on as when skipped."""
    if (state.get("prompt") or {}).get("key") != "neighbourhood_outside":
        return None
    answer, confidence = read_yes_no(text, language(state))
    if answer is None or confidence < interpret.CONFIDENT:
        return None
    if answer == "yes":
        return StepResult(state, (_neighbourhood_question(state, "neighbourhood_pick_one"),))
    state["neighbourhood_skipped"] = True
    return _next_missing(state, profile, [say("neighbourhood_elsewhere", {"municipality": municipality})])


def _postcode_or_text(state: dict[str, Any], text: str) -> str:
    """A postcode said in words ("zeven drie negen twee") as digits; anything else as it was typed."""
    found = interpret.reading("neighbourhood", text, language(state))
    if found.postcode and found.neighbourhood is None and found.postcode not in text:
        return found.postcode
    return text


def _neighbourhood_found(
    state: dict[str, Any], profile: Profile, neighbourhood: places.Neighbourhood, postcode4: str | None
) -> StepResult:
    data: dict[str, Any] = {"neighbourhood": neighbourhood.key}
    if postcode4 is not None:
        data["postcode4"] = postcode4
    updated = Profile(
        first_name=profile.first_name, neighbourhood=neighbourhood.key, consented=profile.consented
    )
    result = _next_missing(
        state, updated, [say("neighbourhood_thanks", {"neighbourhood": neighbourhood.name})]
    )
    return StepResult(result.state, result.replies, (Effect("update_profile", data), *result.effects))


def neighbourhood_question(state: dict[str, Any], key: str, params: dict[str, str] | None = None) -> Reply:
    """The neighbourhood question (`key`: its wording) with the neighbourhoods as choices, for a move told
    at the menu too (flows/own_facts.py)."""
    return _neighbourhood_question(state, key, params)


def _neighbourhood_question(state: dict[str, Any], key: str, params: dict[str, str] | None = None) -> Reply:
    state["step"] = "neighbourhood"
    neighbourhoods = places.load_municipality().neighbourhoods
    choices: tuple[Choice, ...] = ()
    if len(neighbourhoods) <= MAX_NEIGHBOURHOOD_CHOICES:
        choices = tuple(Choice(n.key, label=n.name) for n in neighbourhoods)
    return prompt(state, key, choices, params)


def _on_consent(state: dict[str, Any], event: Event, profile: Profile, now: datetime | None) -> StepResult:
    answer = chosen(state, event)
    if answer == "yes":
        effect = Effect("record_consent", {"version": CONSENT_VERSION, "text_key": CONSENT_TEXT_KEY})
        return _with_effect(effect, _finish(state, replace(profile, consented=True), [say("consent_thanks")]))
    if answer == "no":
        state["then"] = "menu"
        return _finish(state, profile, [say("consent_declined")])
    if event.kind == "text" and _kept(state, event.text, now):
        return StepResult(state, (say("request_kept_onboarding"), prompt(state, CONSENT_TEXT_KEY, YES_NO)))
    if event.kind == "text" and says_any(event.text, "dialogue33_wrong_neighbourhood"):
        # Round dialogue33: "verkeerde wijk, ik woon in de Molenwijk": the wijk changed, the name kept, and
        # the consent question again; a wijk not named clearly is asked.
        if (found := neighbourhood_named(state, event.text)) is not None:
            return _neighbourhood_found(state, profile, found[0], postcode4=found[1])
        return StepResult(state, (_neighbourhood_question(state, "ask_neighbourhood"),))
    return StepResult(state, (prompt(state, "consent_again", YES_NO),))


def neighbourhood_named(state: dict[str, Any], text: str) -> tuple[places.Neighbourhood, str | None] | None:
    """The neighbourhood (and the postcode's four digits, if one was said) the neighbourhood reader finds in
    a sentence; `find_neighbourhood` on the whole sentence is too loose ("naar de Bloemenbuurt" came out
    as the Molenwijk). None when none is named clearly."""
    said = interpret.reading("neighbourhood", text, language(state))
    named = said.neighbourhood or said.postcode
    match = places.find_neighbourhood(named, places.load_municipality()) if named else None
    if match is None or match.status != "found" or match.neighbourhood is None:
        return None
    return match.neighbourhood, match.postcode.digits if match.postcode is not None else None


def _next_missing(state: dict[str, Any], profile: Profile, before: list[Reply]) -> StepResult:
    """Ask the next thing we still need, or hand over to where the person wanted to go."""
    if profile.neighbourhood is None and not state.get("neighbourhood_skipped"):
        return StepResult(state, (*before, _neighbourhood_question(state, "ask_neighbourhood")))
    if not profile.consented:
        state["step"] = "consent"
        return StepResult(state, (*before, prompt(state, CONSENT_TEXT_KEY, YES_NO)))
    return _finish(state, profile, before)


def _finish(state: dict[str, Any], profile: Profile, before: list[Reply]) -> StepResult:
    """Onboarding is over: the router continues with `then` (menu, ask or offer)."""
    state.pop("step", None)
    state.pop("neighbourhood_skipped", None)
    state["flow"] = "onboarded"
    return StepResult(state, tuple(before))


def _with_effect(effect: Effect, result: StepResult) -> StepResult:
    """The effect of this answer comes before whatever the next question brings."""
    return replace(result, effects=(effect, *result.effects))
