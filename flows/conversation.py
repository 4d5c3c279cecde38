"""The conversation's entry point: `step(state, event, now, profile) -> StepResult`.

Order matters. Internal events (an invitation, a match, a relayed message) go to their flows. A crisis
message is answered with emergency numbers before anything else and used by nothing automatic. Then the
global words, in every flow state: a stopped address hears nothing until START; STOP, START, MENU,
HELP, the language words, KOPPEL, thread words (KLAAR, MELD, MENS, DEEL NUMMER) and the offer words
(MIJN AANBOD, PAUZE, HERVAT). Then the current flow: `onboarding`, `ask`, `offer`, `my_requests`, or
the menu, where plain text from someone in a thread is passed on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from copy import deepcopy
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from typing import Any

from flows import (
    agenda,
    ask,
    bereavement,
    care,
    catalogue,
    checkin_talk,
    circle,
    conditions,
    crisis,
    crisis_check,
    faq,
    first_contact,
    helper_again,
    interleave,
    interpret,
    invitations,
    life_events,
    linking,
    meetings,
    menu,
    my_requests,
    offer,
    offer_change,
    onboarding,
    overload,
    own_facts,
    privacy,
    reminders,
    repair,
    request_change,
    smalltalk,
    social_map,
    staff,
    threads,
)
from flows.dialogue import YES_NO, chosen, language, prompt, repeat_prompt, say
from flows.normalise import (
    choice_in,
    command_in,
    command_with_argument,
    conversation_words,
    folded_words,
    says_any,
    simplify,
)
from flows.pause import until_in_words, without_duration
from flows.profile import Profile, after
from flows.types import Choice, Effect, Event, Reply, StepResult
from flows.understanding import intent, shorthand
from flows.understanding.answers import thinks_aloud_only
from flows.understanding.phrases import Phrases, compile_phrases, normal
from flows.understanding.text import lexicon
from flows.understanding.time_compose import read_time

# Replies that must not follow right after a crisis answer.
CHEERFUL = frozenset({"welcome", "menu", "not_understood", "ask_name", "start_confirmed"})
MEDIA_REPLIES = {
    "media": "media_unsupported",
    "location": "location_unsupported",
    "unsupported": "unsupported",
}


def new_state(language_hint: str | None = None) -> dict[str, Any]:
    return {"flow": "menu", "lang": catalogue.language_or_default(language_hint), "offered": []}


# Internal events (an invitation, a match, a relayed message, ...) go to the first flow that knows them.
INTERNAL_HANDLERS: tuple[Callable[[dict[str, Any], Event, Profile], StepResult | None], ...] = (
    lambda state, event, _profile: invitations.on_internal(state, event),
    lambda state, event, _profile: threads.on_internal(state, event),
    lambda state, event, _profile: linking.on_internal(state, event),
    lambda state, event, _profile: _back_to_question(privacy.on_internal(state, event), event),
    lambda state, event, _profile: care.on_internal(state, event),
    lambda state, event, _profile: reminders.on_internal(state, event),
    lambda state, event, _profile: meetings.on_internal(state, event),
    lambda state, event, _profile: circle.on_internal(state, event),
    lambda state, event, _profile: agenda.on_internal(state, event),
    lambda state, event, profile: social_map.on_internal(state, event, profile.neighbourhood),
    lambda state, event, _profile: staff.on_internal(state, event),
    lambda state, event, _profile: crisis_check.on_internal(state, event),
)


def _back_to_question(result: StepResult | None, event: Event) -> StepResult | None:
    """MIJN GEGEVENS asked in the middle of a question (round 12: "wacht, wat bewaren jullie eigenlijk van
    mij?"): what is kept, then that question again, led by "Dan gaan we verder waar we waren"."""
    if result is None or event.command != "my_data" or not _mid_question(result.state):
        return result
    again = repeat_prompt(result.state)
    back = (replace(again[0], lead="status_then_back"), *again[1:]) if again else ()
    return replace(result, replies=(*result.replies, *back))


@dataclass(frozen=True, slots=True)
class Turn:
    """What a handler of the routing tables gets: one message and what was read in it."""

    state: dict[str, Any]
    event: Event
    profile: Profile
    now: datetime
    command: str | None
    argument: str
    answer: str | None


# Commands once the person has been greeted: one row per word (see flows/normalise.COMMAND_WORDS and
# flows/understanding/data for the words that mean each).
COMMAND_HANDLERS: Mapping[str, Callable[[Turn], StepResult]] = {
    "start": lambda turn: menu.show(turn.state, "menu"),
    "menu": lambda turn: menu.show_keeping_place(turn.state, turn.event.text),
    "help": lambda turn: _help(turn.state),
    "languages": lambda turn: _languages_offered(turn.state),
    "erase": lambda turn: privacy.ask_erase(turn.state),
    "my_data": lambda turn: privacy.my_data(turn.state),
    "export": lambda turn: privacy.export(turn.state),
    "withdraw_consent": lambda turn: privacy.withdraw_consent(turn.state),
    "meeting": lambda turn: meetings.command(turn.state, turn.profile),
    "circle": lambda turn: _menu_when_done(circle.start(turn.state, turn.profile), "circle", silent=True),
    "agenda": lambda turn: agenda.start(turn.state),
    "social_map": lambda turn: social_map.start(turn.state, turn.argument),
    "my_requests": lambda turn: _menu_when_done(my_requests.start(turn.state, turn.profile), "my_requests"),
    "care": lambda turn: care.start(turn.state, turn.profile),
    "heavy": lambda turn: care.heavy(turn.state),
    "my_reminders": lambda turn: _menu_when_done(reminders.start(turn.state, turn.profile), reminders.FLOW),
    "my_offer": lambda turn: _offer_command(turn),
    "pause": lambda turn: _offer_command(turn),
    "resume": lambda turn: _offer_command(turn),
    "cancel": lambda turn: _cancel(turn.state, turn.profile),
}
# The flow a person is in, by `state["flow"]`; anything else is the menu.
FLOW_HANDLERS: Mapping[str, Callable[[Turn], StepResult | None]] = {
    "onboarding": lambda turn: _offers_when_onboarded(
        menu.carry_on(
            onboarding.handle(turn.state, turn.event, turn.profile, turn.now), turn.profile, turn.now
        )
    ),
    "ask": lambda turn: ask.handle(turn.state, turn.event, turn.profile, turn.now),
    "offer": lambda turn: _menu_when_done(
        offer.handle(turn.state, turn.event, turn.profile, turn.now), "offer", silent=True
    ),
    "meet": lambda turn: _meeting(turn),
    "my_requests": lambda turn: _my_requests(turn),
    care.FLOW: lambda turn: _goto(
        _menu_when_done(care.handle(turn.state, turn.event, turn.profile, turn.now), care.FLOW, silent=True),
        turn.profile,
        turn.now,
    ),
    reminders.FLOW: lambda turn: _menu_when_done(
        reminders.handle(turn.state, turn.event, turn.profile), reminders.FLOW
    ),
    "circle": lambda turn: _menu_when_done(
        circle.handle(turn.state, turn.event, turn.profile), "circle", silent=True
    ),
    "agenda": lambda turn: _agenda(turn),
    "social_map": lambda turn: _menu_when_done(
        social_map.handle(turn.state, turn.event), "social_map", silent=True
    ),
    "stop_check": lambda turn: _on_stop_check(turn),
    request_change.FLOW: lambda turn: _menu_when_done(
        request_change.handle(turn.state, turn.event, turn.profile, turn.now), request_change.FLOW
    ),
}


def step(state: dict[str, Any], event: Event, now: datetime, profile: Profile | None = None) -> StepResult:
    """One step of the conversation. Pure: same inputs, same result; `now` is the caller's clock."""
    state = dict(state) if state else new_state(event.language_hint)
    profile = profile or Profile()
    if event.kind == "internal":
        interleave.drop_settled(state, event)
        before_event = interleave.open_questions(state)
        for handler in INTERNAL_HANDLERS:
            if (handled := handler(state, event, profile)) is not None:
                return interleave.keep_displaced(before_event, handled)
        return StepResult(state)
    # AFSPRAAK's plan comes as the internal event right after it; a message in between ends the wait.
    state.pop(meetings.ASKED, None)
    interleave.older_by_button(state, event)
    interleave.drop_answered(state, event)
    event = _caption_as_text(event)
    # Before the crisis check: a crisis written in English is answered in English.
    followed = _follow_language(state, event)
    earlier = crisis.earlier_piece(state, now)
    danger = crisis.detect_in_pieces(earlier, event.text) if event.kind == "text" else None
    # Round crisis20: someone else took too many pills: 112 for the writer to call (poisoning, no 113 talk);
    # round crisis26: also when a sign makes the pills 112 ("al zijn pillen ingenomen en is heel suf").
    other = (
        danger in (None, "suicide", "medical")
        and event.kind == "text"
        and crisis.overdose_of_someone_else(event.text)
    )
    if other:
        danger = "medical"
    if (
        danger == "medical"
        and profile.threads
        and threads.no_reply_only(event.text, threads.current(state, profile))
    ):
        danger = None  # "Marieke reageert niet": the neighbour does not reply (round dialogue28), no 112
    if danger is not None:
        # Before everything else, also for a stopped address (staff are alerted, nothing is sent), and
        # nothing automatic uses this message: no flow step, no matching, no relay.
        if event.address_stopped:
            alert = Effect("alert_staff", {"kind": f"crisis_{danger}", "priority": "high"})
            return StepResult(state, (), (alert,))
        asked = state.pop(crisis.PILLS_CHECK, None)
        if other or (isinstance(asked, dict) and asked.get("other")):
            reply = "crisis_overdose_other"
        else:
            reply = _crisis_reply(danger, event.text, pills_asked=asked is not None)
        return crisis_check.crisis_answer(state, danger, reply)
    # An overdose in words that also name the daily medicine: the safety check, and its answer (round
    # crisis19). Like a crisis answer, it keeps no piece and nothing automatic uses the message.
    if not event.address_stopped:
        if (checked := crisis_check.answer(state, event)) is not None:
            return checked
        if event.kind == "text" and crisis_check.wanted(earlier, event.text):
            return crisis_check.ask(state, now)
        if event.kind == "text" and crisis.overdose_unclear_of_someone_else(event.text):
            return crisis_check.ask(state, now, other=True)
    calm = int(state.pop("after_crisis", 0))
    if calm and event.kind == "text" and _acknowledges_crisis(event.text):
        # Round crisis19: "ok" or "ja" right after "Ben je nu in gevaar? Bel 112." answers that, not the
        # consent, invitation or check-in that was open before: crisis care, and that question stays open.
        state["after_crisis"] = calm + 1
        return _with_piece(
            StepResult(state, (say("crisis_followup" if calm == 1 else "crisis_still_here"),)),
            event,
            earlier,
            now,
        )
    before = _open_question(state)
    contact = state.get(care.PERSON_CONTACT)
    reminded = state.get(meetings.REMINDED)
    routed = _several_open(state, event, now, profile, followed) or _route(
        state, event, now, profile, followed=followed
    )
    result = _offers_after_request(routed)
    if event.kind == "text" and contact and result.state.get(care.PERSON_CONTACT) == contact:
        _count_down(result.state, care.PERSON_CONTACT)
    if event.kind == "text" and reminded and result.state.get(meetings.REMINDED) == reminded:
        interleave.reminded_count_down(result.state, meetings.REMINDED)
    result = interleave.restore_waiting(result)
    if followed:
        result = replace(result, replies=(say("language_followed"), *result.replies))
    if calm and any(
        reply.key in CHEERFUL or _polite(reply) or repair.is_miss(reply) for reply in result.replies
    ):
        return _with_piece(_crisis_care(calm, result), event, earlier, now)
    return _with_piece(repair.after_step(before, event, result), event, earlier, now)


def _acknowledges_crisis(text: str) -> bool:
    """The whole message is a word of thanks or a bare yes or no (data conversation.toml
    [after_crisis_acknowledged])."""
    return folded_words(text) in _crisis_acknowledgements()


@cache
def _crisis_acknowledgements() -> frozenset[str]:
    return frozenset(conversation_words("after_crisis_acknowledged"))


def _crisis_reply(danger: str, text: str, *, pills_asked: bool = False) -> str:
    """The crisis reply's text: for pills taken (said now, or asked about just before) 112 leads, as
    poisoning, then 113 (session 28)."""
    overdose = pills_asked or crisis.overdose_taken(text)
    return "crisis_overdose" if danger == "suicide" and overdose else f"crisis_{danger}"


def _with_piece(result: StepResult, event: Event, earlier: str | None, now: datetime) -> StepResult:
    """The result, its state keeping this text's last words for a crisis said in pieces (a button or a
    command between the pieces ends them)."""
    result.state.pop(crisis.PIECE, None)
    request_change.forget_when_left(result.state)
    if event.kind == "text" and (piece := crisis.piece_to_keep(earlier, event.text, now)):
        result.state[crisis.PIECE] = piece
    return result


def _without_miss(result: StepResult, again: tuple[Reply, ...]) -> StepResult:
    """The open question asked `again` plainly where a step found nothing it could read."""
    if not any(repair.is_miss(reply) for reply in result.replies):
        return result
    kept = tuple(reply for reply in result.replies if not repair.is_miss(reply))
    return replace(result, replies=(*kept, *again))


def _polite(reply: Reply) -> bool:
    """A reply led by a kind answer to politeness ("Graag gedaan!"): after a crisis, crisis care instead."""
    return reply.lead in smalltalk.LEADS.values() or reply.key in smalltalk.LEADS.values()


def _crisis_care(calm: int, result: StepResult) -> StepResult:
    """After a crisis answer nothing cheerful follows (no welcome, no menu, no "not understood"), and
    the person is not pushed back into the form: where to get help now and that a person will contact
    them; while their messages are not answers, crisis care goes on (a short "I am still here", with
    MENS to ask for a person now) instead of the open question and its misses. The form itself is kept:
    an answer to the open question, a command or a button goes on as before."""
    state = result.state
    if any(repair.is_miss(reply) or _polite(reply) for reply in result.replies):
        state["after_crisis"] = calm + 1
    key = "crisis_followup" if calm == 1 else "crisis_still_here"
    return StepResult(state, (say(key),), result.effects)


def _route(
    state: dict[str, Any],
    event: Event,
    now: datetime,
    profile: Profile,
    *,
    followed: bool = False,
    language_done: bool = False,
) -> StepResult:
    said_yes = state.pop(invitations.SAID_YES, None)
    share_asked = state.pop(threads.SHARE_ASKED, None)
    joined = state.pop(agenda.JOINED, None)
    if event.kind == "text" and not state.get("greeted") and not state.get("lang_chosen"):
        # A new person's first message may be a command in words ("momkin nhder m3a chi wahed"): it is
        # read, and answered, in the language it is written in, as the welcome would be
        # (first_contact._read_first; round dialogue31 found MENS in Darija answered in Dutch).
        written = interpret.language_of(event.text, language(state))
        if written in catalogue.LANGUAGES:
            state["lang"] = written
    command, argument = _command(state, event, now)
    if command == "human" and _call_for_the_neighbour(state, event, profile):
        command = None  # "je kunt me bellen op 06...", in a thread: passed on (session 29)
    if language_done and command in LANGUAGE_COMMANDS:
        command = None
    answer = chosen(state, event)
    if _answer_before_command(state, event, command, answer):
        command = None  # "ja, wis alles maar" at "Wil je dat Voordeur alles van je wist?": the yes
    if invitations.is_answer(answer) and event.kind == "text" and _own_request(state, event.text):
        # "ik heb zelf ook een vraag: wie kan zaterdag ...": her own request (round dialogue26); the
        # invitation waits, asked again once that is done.
        answer = None
        interleave.wait(state, state["prompt"])
    if (
        answer is None
        and event.kind == "text"
        and command is None
        and (objection := care.no_strangers_at_offers(state, event.text)) is not None
    ):
        return objection  # "mijn man wil geen vreemden in huis" at the offers (round dialogue35)
    if answer is None and event.kind == "text" and (offered := _offer_in_words(state, event, command, now)):
        answer, command = offered, None  # "ja dat tweede lijkt me fijn", "bel me maar" at the offers
    if answer == "stop" or (event.kind == "choice" and event.choice == "stop"):
        command = "stop"

    if event.address_stopped:
        if command == "start":
            return menu.show(state, "start_confirmed", effects=(Effect("set_stopped", {"stopped": False}),))
        return StepResult(state)
    if command == "stop":
        state["offered"] = []
        state.pop("prompt", None)
        if state.get("flow") == "stop_check":
            state["flow"] = "menu"
        return StepResult(state, (say("stop_confirmed"),), (Effect("set_stopped", {"stopped": True}),))
    if event.kind == "media" and _is_voice(event):
        # A voice note cannot be read: say so kindly, offer a call, and let staff see it came in.
        state["greeted"] = True
        alert = Effect("alert_staff", {"kind": "voice_note", "priority": "normal"})
        return StepResult(state, (say("voice_note"), *repeat_prompt(state)), (alert,))
    if command is None and (grief := _bereavement(state, event, profile, now)) is not None:
        return grief  # "Jan is vorige week overleden" at the check-in or the menu
    if (
        joined is not None
        and command is None
        and event.kind == "text"
        and state.get("flow") == "menu"
        and meetings.ride_wanted(event.text)
    ):
        # Just signed up at AGENDA, then "kan iemand me halen? ik loop slecht": a ride to it (dialogue27).
        return meetings.ride_to(StepResult(state), joined, profile, now)
    busy_below = (state.get("flow"), state.get("step")) in menu.KEEP_PLACE
    if command is None and (deferred := interleave.defer_newest(state, event, busy_below)) is not None:
        return deferred  # "wacht even, eerst dit" at "Is het gelukt?" while asking for help
    if command is None and busy_below and (older := _older_by_time(state, event, profile, now)) is not None:
        return older  # "ja hoor dinsdag is goed" at "Is het gelukt?" while at the request's "Wanneer?"
    choice = event.choice if event.kind == "choice" else answer
    takes_back = said_yes is not None and command is None and event.kind == "text"
    if (
        takes_back
        and threads.current(state, profile) is None
        and (works := invitations.works_instead(state, event.text)) is not None
    ):
        # "ja hoor" / "wel pas morgen, vandaag lukt niet": the yes stands, its condition told (round 15).
        parsed = conditions.parse(works, now)
        words = " ".join(event.text.split())[:200]
        return invitations.note_after_yes(
            state, int(said_yes), words, parsed.to_json() if parsed is not None else None
        )
    if takes_back and (taken_back := invitations.take_back(state, event.text)) is not None:
        return taken_back
    if takes_back and threads.current(state, profile) is None and choice in (None, f"invite:{said_yes}:yes"):
        note, window = _condition(state, event, f"invite:{said_yes}:yes", now)
        if note is not None:
            # "ja" / "maar pas na 2 uur": the condition of the yes just given, passed on to the resident.
            return invitations.note_after_yes(state, int(said_yes), note, window)
    if (
        takes_back
        and choice is None
        and threads.current(state, profile) is None
        and (noted := invitations.yes_again(state, int(said_yes), event.text)) is not None
    ):
        # "ja hoor!" once more after "ja": kindly noted; a yes to a question open now is its answer,
        # and once matched ("Top, dank je!" opened the thread) the words are for the neighbour.
        return noted
    if (
        event.kind == "text"
        and str((state.get("prompt") or {}).get("key") or "") in ("invite", "invite_urgent")
        and (choice is None or (invitations.is_answer(choice) and str(choice).endswith(":later")))
        and thinks_aloud_only(event.text)
    ):
        # "even kijken hoor": no answer yet; the invitation stays open for the answer that follows.
        return StepResult(state, (say("invite_take_time"), *repeat_prompt(state)))
    if invitations.is_answer(choice):
        assert choice is not None
        if event.kind == "text":
            choice = invitations.by_content(state, choice, event.text)  # "ja de boodschappen van Ans"
        if (
            event.kind == "text"
            and not choice.endswith(":yes")
            and not says_any(event.text, "round23_undecided")
            and (works := invitations.works_instead(state, event.text))
        ):
            # Round 23: "nee deze week niet, volgende week wel": a yes at the time that works (matching
            # asks the resident when it does not suit hers), not a no or "ask me another time".
            parsed = conditions.parse(works, now)
            yes = choice.rsplit(":", 1)[0] + ":yes"
            words = " ".join(event.text.split())[:200]
            return invitations.on_answer(
                state, yes, note=words, condition=parsed.to_json() if parsed else None
            )
        note, window = _condition(state, event, choice, now)
        answered = invitations.on_answer(state, choice, note=note, condition=window)
        if event.kind == "text" and not str(choice).endswith(":yes"):
            # "nee sorry, ik ben op vakantie tot 10 december": the no, and a pause till then (round 18).
            return life_events.after_invitation_no(answered, event.text, profile, now)
        return answered
    if invitations.is_condition_answer(choice):
        assert choice is not None
        return invitations.on_condition_answer(state, choice)
    if care.is_answer(choice):
        assert choice is not None
        recent = profile.care.recent if profile.care is not None else ()
        text = event.text if event.kind == "text" else ""
        if text and (away := life_events.away_at_checkin(state, text, profile, now)) is not None:
            return away  # "ff niet, zit in de zon op Tenerife tot 10 december 😎": paused, no answer read
        if text and (moved := life_events.admitted_at_checkin(state, text, profile)) is not None:
            return moved  # "hij is gisteren naar het verpleeghuis gegaan, ...": the news, not Zwaar
        told = (
            checkin_talk.answer_with_request(state, choice, text, now)
            or checkin_talk.answer_with_call(state, choice, text, recent)
            if text
            else None
        )
        answered = told or care.on_answer(state, choice, recent)
        return _goto(_with_distress(state, event, answered), profile, now)
    # Round dialogue25: "he was lovely, can I give him something to say thanks?" at "Is het gelukt?".
    thanks = _about_thanks(state, event.text) if command is None and event.kind == "text" else None
    if (
        command is None
        and event.kind == "text"
        and (checked := meetings.check_in_words(state, event.text, choice, now)) is not None
    ):
        return _thanks_answered(thanks, checked)  # "jawel maar hij was een uur te laat" (round 19)
    if (
        command is None
        and event.kind == "text"
        and (act := meetings.after_help_in_words(state, event.text, choice, profile, now)) is not None
    ):
        return (
            act  # "ja als iemand me ophaalt", "mag mijn buurvrouw mee?" at "Doe je mee?" (round dialogue25)
        )
    if meetings.is_answer(choice):
        assert choice is not None
        if event.kind == "text" and (counter := meetings.counter_in_words(state, event.text, now)):
            return counter  # "ja, maar pas na 2 uur" at "Past dat?": a time proposed back (round 14)
        answered = meetings.on_answer(state, choice, event.text if event.kind == "text" else "", now)
        return _thanks_answered(thanks, answered)
    if (
        choice is None
        and event.kind == "text"
        and (counter := meetings.counter_in_words(state, event.text, now))
    ):
        return counter
    if circle.is_answer(choice):
        # Also before any welcome: an invitee may be new to the bot and only answer the invitation.
        assert choice is not None
        return circle.on_answer(state, choice)
    if choice is not None and (picked := threads.on_choice(state, choice, profile)) is not None:
        return picked
    said = None
    if command is None and answer is None and not language_done:
        said = _conversation_words(state, event)
    if followed and f"lang_{language(state)}" in (command, said):
        # Asked for the language the sentence was just followed into: that is done (and now the
        # person's choice); what else it says is read as usual ("sorry my Dutch is not good, tomorrow
        # afternoon please"), and nothing else said is no miss.
        state["lang_chosen"] = True
        again = repeat_prompt(state) or menu.show(state, "menu").replies
        routed = _without_miss(_route(state, event, now, profile, language_done=True), again)
        # The language's name alone ("УКРАЇНСЬКА"): the question it interrupted, in that language.
        return routed if routed.replies or routed.effects else replace(routed, replies=again)
    if said == "human" and _call_for_the_neighbour(state, event, profile):
        said = None
    if said is not None:
        command = "stop_check" if said == "stop" else said
    if (about := _care_in_words(state, event, command, answer, profile, now)) is not None:
        return about  # "stop maar met die berichtjes over hoe het gaat": the check-ins, not all messages
    if command == "stop_check" and profile.offering and says_any(event.text, "round12_volunteering"):
        # "haal me maar van de lijst met vrijwilligers": the offer (pause, stop offering), not all messages.
        return _offer_command(Turn(state, event, profile, now, "my_offer", "", answer))
    if _quits_helping(state, event, command, profile):
        # "ik stop ermee, te druk": helping stops, a pause named for who is busy (round 23).
        return offer.end_asked(state, busy=says_any(event.text, "round23_too_busy"))
    if command == "stop_check":
        return _stop_check(state, event.text if event.kind == "text" else "")
    if command == "wrong_number":
        return _wrong_number(state, profile)
    if (
        command == "share_number"
        and event.kind == "text"
        and (how := threads.how_numbers_shared(state, event.text, profile)) is not None
    ):
        return how  # "hoe kan ik mijn nummer delen": how it works, not yet the sharing (round dialogue28)
    if command in threads.THREAD_COMMANDS and (command == "human" or profile.threads):
        handed = threads.on_command(state, command, profile)
        if command == "human" and profile.care is not None:
            # Round dialogue24: "ik trek het echt niet meer, kan er iemand bellen?": the person asked for,
            # and her limit told to staff at high priority, as at a check-in.
            return _with_distress(state, event, handed)
        return handed
    if command is not None and command in LANGUAGE_COMMANDS:
        return _switch_language(state, LANGUAGE_COMMANDS[command])
    is_link, code = linking.parse(event)
    if is_link:
        # Before the first-contact welcome: KOPPEL is often the very first message on a new channel.
        return linking.on_link(state, code)
    if command == "circle" and argument:
        return circle.join_by_code(state, argument)
    if not state.get("greeted"):
        heard = _overload_first(state, event, profile, now, command)
        return heard or _newcomer(state, event, profile, now, command)
    if (
        command == "menu"
        and state.get("flow") == "ask"
        and command_in(event.text) is None
        and says_any(event.text, "mistyped")
    ):
        # "sorry, verkeerd getypt (, ik bedoelde 2)" mid-request: mended where it was made, not the menu.
        return ask.mistyped(state, event.text, profile, now)
    if (
        command in (None, "menu")
        and event.kind == "text"
        and _at_plain_menu(state)
        and (back := care.back_early(state, event.text, profile, now))
    ):
        # "we zijn weer thuis, je mag weer vragen": a paused carer's check-ins go on from now (Polish
        # "wróciłyśmy" also reads as "back" to the menu).
        return back
    turn = Turn(state, event, profile, now, command, argument, answer)
    if command in ("start", "menu", "help"):
        return COMMAND_HANDLERS[command](turn)
    if event.kind in MEDIA_REPLIES:
        return StepResult(state, (say(MEDIA_REPLIES[event.kind]), *repeat_prompt(state)))
    if command in PRIVACY_COMMANDS:
        return COMMAND_HANDLERS[command](turn)
    if state.get("flow") == "erase":
        result = privacy.handle(state, event)
        # After the goodbye nothing else is said: not even the menu.
        erasing = any(effect.kind == "erase_me" for effect in result.effects)
        return result if erasing else _menu_when_done(result, "erase")
    if command is None and answer is None and _mid_question(state) and menu.is_back_word(event.text):
        # "verder" at a question already open (no menu in between): go on, that is, ask it again.
        return StepResult(state, repeat_prompt(state))
    if command == "my_requests" and _mid_question(state) and command_in(event.text) is None:
        return _status_mid_question(state, profile, event.text)
    if (
        command == "my_requests"
        and command_in(event.text) is None
        and (_is_question(event.text) or intent.asks_after_own_request(event.text))
        and not says_any(event.text, "request_change_asked")
    ):
        # "heeft al iemand gereageerd?" asks how the requests stand: the answer, not the list to cancel;
        # then the menu, so nobody is left without a next step (session 29). Asked after a kind with
        # none of it open: whether to ask for it now (round dialogue33).
        return _menu_when_done(my_requests.status_at_menu(state, profile, event.text), "my_requests")
    if command == "my_requests" and profile.open_requests and says_any(event.text, "request_change_asked"):
        # "kan ik mijn vraag nog veranderen?": how to change it in words; the next message is read at the
        # menu as a change (flows/request_change.py), and MIJN VRAGEN cancels one.
        return StepResult(state, (say("request_change_how"),))
    if command is not None and command in COMMAND_HANDLERS:
        return COMMAND_HANDLERS[command](turn)
    if command is None and (reminder := reminders.request_in(event)) is not None:
        made = reminders.create(state, reminder, profile, now)
        # Round dialogue26: set while an invitation or a check-in is open: that question again after.
        again = repeat_prompt(made.state) if _question_open(made.state) else ()
        return replace(made, replies=(*made.replies, *again))
    if (
        share_asked is not None
        and command is None
        and event.kind == "text"
        and _at_plain_menu(state)
        and (shared := threads.share_answer(state, int(share_asked), event.text, profile)) is not None
    ):
        return shared  # "ja dat is prima" to "Henk wil graag nummers met je delen" (round 12)
    handler = FLOW_HANDLERS.get(str(state.get("flow")))
    asked = deepcopy(state.get("prompt"))
    polite = about_us = None
    if command is None and answer is None and event.kind == "text" and _mid_question(state):
        polite = smalltalk.kind_of(event.text)
        # Only where any words are an answer (no choices offered): elsewhere the flow's miss finds it.
        free_words = polite is None and not state.get("offered")
        about_us = faq.asked(event.text, language(state), "menu") if free_words else None
    kept = deepcopy(state) if polite is not None or about_us is not None else None
    # A question that interrupted the flow's own ("Wat kan nu helpen?" under a request's "Wanneer?").
    interrupted = deepcopy(state) if _interrupting(state) else None
    if handler is not None and (handled := handler(turn)) is not None:
        if kept is not None and polite is not None and _taken_as_answer(handled, asked, polite):
            # "goedemiddag" at "Voor wie zorg je?" is no name, "hoi, hoe gaat het?" no choice: a kind
            # word and the question again, with nothing the flow did with it.
            return StepResult(kept, _kindly(kept, polite))
        if kept is not None and about_us is not None and not any(repair.is_miss(r) for r in handled.replies):
            # "is het gratis?", "wie ziet dit?" at "Vertel in een paar woorden wat je nodig hebt": no
            # description but a question about Voordeur, answered, and the open question again.
            return StepResult(kept, (*faq.answer(about_us), *repeat_prompt(kept)))
        cared = _overload_for_miss(_distress_for_miss(handled, asked, event, profile), asked, event, profile)
        cared = _reminder_for_miss(cared, asked, event, profile)
        cared = _politeness_for_miss(_about_us_for_miss(cared, asked, event), asked, event)
        if interrupted is not None and any(repair.is_miss(reply) for reply in cared.replies):
            # Not read: the open question is the newer one, asked again; the flow's waits as it was.
            return StepResult(interrupted, repair.again(interrupted))
        if interrupted is not None:
            # Round dialogue26: the flow's own question answered ("gewoon bij mij thuis" at "Waar?" under
            # a check-in): it is kept for after no more, and the newer question waits its turn, asked
            # again when nothing is open any more.
            if cared.state.get("resume_prompt") == interrupted.get("resume_prompt"):
                cared.state.pop("resume_prompt", None)
            interleave.keep_displaced((asked, None), cared)
        return cared
    return _on_menu(state, event, answer, profile, now)


def _own_request(state: dict[str, Any], text: str) -> bool:
    """Round dialogue26: at an invitation, words that ask someone for help ([dialogue26_own_request]) in a
    message the reader takes for a request of one's own: that request, not a yes to the invitation."""
    if not says_any(text, "dialogue26_own_request"):
        return False
    found = interpret.reading("menu", text, language(state), None)
    return found.intent == "ask" and found.confidence >= interpret.CONFIDENT


def _quits_helping(state: dict[str, Any], event: Event, command: str | None, profile: Profile) -> bool:
    """Dialogue round 23: someone who offers help stops for lack of time ("ik stop ermee, te druk",
    "rezygnuję, nie mam już czasu") or stops helping ("ik stop met helpen, sorry"): words of stopping
    (read as the stop question, or the offer's own [option_offer_end] at the plain menu) beside words of
    being too busy ([round23_too_busy]); at the plain menu also beside a word for helping."""
    if not profile.offering or event.kind != "text":
        return False
    busy = says_any(event.text, "round23_too_busy")
    if command == "stop_check":
        # Round dialogue32: or the stop named with the helping ("أتوقف عن المساعدة", "перестати допомагати").
        return busy or says_any(event.text, "dialogue32_stop_helping")
    helping = busy or says_any(event.text, "round12_volunteering")
    return command is None and helping and _at_plain_menu(state) and says_any(event.text, "option_offer_end")


PRIVACY_COMMANDS = frozenset({"erase", "my_data", "export", "withdraw_consent"})
LANGUAGE_COMMANDS: Mapping[str, str] = {f"lang_{code}": code for code in catalogue.LANGUAGES}
# Telegram's kinds and Twilio's content types of a voice message.
VOICE_MEDIA = frozenset({"voice", "audio", "video_note"})


# A yes with a condition in words has a few more words than the yes ("ja als ik de hond mee mag nemen").
MIN_CONDITION_WORDS = 4


def _condition(
    state: dict[str, Any], event: Event, choice: str, now: datetime
) -> tuple[str | None, dict[str, Any] | None]:
    """A volunteer's yes with a condition ("ja, maar pas na 2 uur"): their own words go to the resident
    with the match, so the two can agree on it, and the condition's window of times (read against
    `now`: "morgen" is the day after this answer) lets matching compare it with the request's time
    (flows/invitations.py). A plain yes or a button carries nothing."""
    if event.kind != "text" or not choice.endswith(":yes"):
        return None, None
    found = interpret.reading("invitation", event.text, language(state), now)
    if not found.condition:
        # Round 19: a condition that is no time ("ja als ik mijn kleinzoon mee mag nemen") is told too.
        words = event.text.split()
        if len(words) >= MIN_CONDITION_WORDS and says_any(event.text, "round19_invite_condition"):
            return " ".join(event.text.split())[:200], None
        return None, None
    window = conditions.parse(found.condition, now)
    return " ".join(event.text.split())[:200], window.to_json() if window is not None else None


def _with_distress(state: dict[str, Any], event: Event, result: StepResult) -> StepResult:
    """A mantelzorger whose answer to a check-in shows she is at her limit ("ik trek het niet meer"):
    the Zwaar path (her answer reads as heavy) and a staff alert, so a person follows up."""
    if event.kind != "text":
        return result
    found = interpret.reading("checkin", event.text, language(state))
    if not found.distress:
        return result
    alert = Effect("alert_staff", {"kind": "care_distress", "priority": "high"})
    return replace(result, effects=(*result.effects, alert))


def _offer_in_words(state: dict[str, Any], event: Event, command: str | None, now: datetime) -> str | None:
    """The offer a sentence picks at the offers after Zwaar (or the distress offers): said in words
    (`care.offer_in_words`), a person asked for (MENS, "kan ik iemand spreken?") is the call back, and
    a request told ("iemand die een middag bij mijn moeder zit") is asking neighbours, its words kept
    for the ask flow as a request at the menu keeps them. None when the offers are not open."""
    if care.offered_key(state, "none") is None:
        return None
    # "nee laat maar zitten hoor" is also CANCEL: at the offers it is "Nu even niet" (round dialogue24).
    if command in (None, "cancel") and (key := care.offer_in_words(state, event.text)) is not None:
        return key
    if command == "human":
        return care.offered_key(state, "callback")
    if command is not None:
        return None
    found = interpret.reading("menu", event.text, language(state), None)
    if found.intent != "ask" or found.confidence < interpret.CONFIDENT or found.crisis:
        return None
    key = care.offered_key(state, "ask")
    if key is not None:
        state["pending"] = interpret.pending_request(found, event.text, now)
    return key


def _care_in_words(
    state: dict[str, Any],
    event: Event,
    command: str | None,
    answer: str | None,
    profile: Profile,
    now: datetime,
) -> StepResult | None:
    """A registered carer at the menu who talks about the check-ins (`care.about_checkins`): a pause,
    stopping them (stopping said in words that name them is about them, not about every message of
    Voordeur), another rhythm, a question what they are. Not at an open question, and not for a
    message the reader takes for a request."""
    if (
        profile.care is None
        or event.kind != "text"
        or answer is not None
        or command not in (None, "stop_check")
        or state.get("flow") not in (None, "menu")
        or str((state.get("prompt") or {}).get("key") or "menu") != "menu"
    ):
        return None
    found = interpret.reading("menu", event.text, language(state), None)
    if (
        found.intent in menu.TARGETS
        and found.confidence >= interpret.CONFIDENT
        # "أريد أن تسألني ..." (dialogue27), "kunt u mij voortaan elke twee weken vragen": no request
        and not care.checkins_described(event.text, profile)
    ):
        # Round dialogue29: stopping the check-ins in words that name them is no request of no kind ("ما
        # بقيتش محتاجة هاد الأسئلة ... وقفوها": "no longer need" read as a need).
        stopping = says_any(event.text, "care_stop_asking") and says_any(event.text, "care_checkins")
        if found.category or not stopping:
            return None
    stop = command == "stop_check"
    return care.about_checkins(state, event.text, profile, now, stop=stop, in_thread=bool(profile.threads))


def _caption_as_text(event: Event) -> Event:
    """A photo or video whose caption says something is read as that text ("foto van de lekkage,
    morgen graag"); without a caption it stays media."""
    if event.kind == "media" and event.text.strip() and not _is_voice(event):
        return replace(event, kind="text")
    return event


def _is_voice(event: Event) -> bool:
    if str(event.meta.get("media", "")) in VOICE_MEDIA:
        return True
    return any(str(kind).startswith("audio/") for kind in event.meta.get("media_types") or ())


def _command(state: dict[str, Any], event: Event, now: datetime) -> tuple[str | None, str]:
    """The command a message is: a normalised one, a command word ("STOP", "/stop"), a command with
    its argument ("PAUZE 2 weken"), or a command said in plain words ("ik wil mijn vragen zien")."""
    if event.command:
        return event.command, ""
    if event.kind != "text":
        return None, ""
    if (word := command_in(event.text)) is not None:
        return word, ""
    if (with_argument := command_with_argument(event.text)) is not None:
        return with_argument
    if len(event.text.split()) <= WRONG_NUMBER_WORDS and _says_wrong_number(state, event.text):
        return "wrong_number", ""
    plain = intent.command_in(event.text, language(state))
    if plain == "human" and _no_person_asked(state, event.text):
        plain = None
    if plain is None and (paused := _pause_with_reason(state, event.text)) is not None:
        return paused
    if plain is None and state.get("flow") == "ask" and _cancelled_with_reason(event.text, language(state)):
        return "cancel", ""  # "laat maar, mijn zoon doet het al" in the middle of asking for help
    if plain is None and _pause_with_duration(event.text, language(state), now):
        return "pause", simplify(event.text)  # "even 2 weken niks aub", "ik wil even pauze tot januari"
    if plain == "pause" and until_in_words(simplify(event.text), now) is not None:
        # "even twee weken niks": how long is read from the words themselves (none: PAUZE's own).
        return "pause", simplify(event.text)
    # Stopping said in one's own words ("laat me met rust") is checked once before it counts.
    return ("stop_check" if plain == "stop" else plain), ""


def _call_for_the_neighbour(state: dict[str, Any], event: Event, profile: Profile) -> bool:
    """In an open conversation with a neighbour, a call asked for in words and nothing more ("je kunt me
    bellen op 0612345678", "bel me maar even") is said to the neighbour: passed on, not a call from the
    team (session 29: it was "Ik vraag iemand van het buurtteam ..." and never reached the neighbour).
    Asking for a person ("ik wil iemand van het team spreken") still is one."""
    if event.kind != "text" or command_in(event.text) is not None or not profile.threads:
        return False
    thread = threads.current(state, profile)
    return thread is not None and thread.status == "open" and intent.only_a_call(event.text)


def _answer_before_command(
    state: dict[str, Any], event: Event, command: str | None, answer: str | None
) -> bool:
    """Dialogue round 14: at a question about the very thing a command does ("Wil je dat Voordeur alles
    van je wist?", MANTELZORG's and MIJN AANBOD's options with Stoppen and Pauze), words that answer it
    ("ja, wis alles maar", "stoppen graag", "ik wil even pauze") are the answer, not the command said in
    them (which would ask the same thing again, or the stop question for all messages). A command word
    typed alone ("STOP") still is the command (conversation.toml [answer_before_command])."""
    if answer is None or command is None or event.kind != "text" or command_in(event.text) is not None:
        return False
    key = str((state.get("prompt") or {}).get("key") or "")
    return f" {key} " in conversation_words("answer_before_command")


def _pause_with_duration(text: str, lang: str, now: datetime) -> bool:
    """A pause in words with how long inside it: what is left without the words of how long is a pause
    ("even 2 weken niks aub" is "even niks aub"), so any length is read, not only those listed."""
    rests = without_duration(shorthand.expand(text, lang), now)  # "ff 3 weken niks hoor"
    return any(intent.command_in(rest, lang) == "pause" for rest in rests)


def _pause_with_reason(state: dict[str, Any], text: str) -> tuple[str, str] | None:
    """PAUZE said in words with a reason or how long after it ("ik wil even pauzeren, ik ben twee weken
    op vakantie"), or before it (round 12: "ik ga 3 weken op vakantie, even geen hulpvragen"): the pause,
    with the other part as what follows PAUZE (how long, read from it, or asked). The same for the offer
    itself with a reason ("ik kan voorlopig niet meer helpen, mijn knie is geopereerd": MIJN AANBOD, to
    pause or stop offering)."""
    parts = [part.strip() for part in re.split(r"[,.;!]+", text, maxsplit=1)]
    if len(parts) != 2 or not all(parts):
        return None
    for said, rest in (parts, parts[::-1]):
        command = intent.command_in(said, language(state))
        if command == "pause":
            return "pause", rest
        if command == "my_offer" and said == parts[0]:
            return "my_offer", ""
    return None


def _conversation_words(state: dict[str, Any], event: Event) -> str | None:
    """Words about the conversation itself in any state ("laat me met rust", "kan ik iemand bellen",
    "terug naar het begin", "Türkçe yazabilir misiniz?") as a command, when no answer was read."""
    if event.kind != "text" or not event.text.strip():
        return None
    said = interpret.reading("any_state", event.text, language(state))
    if said.confidence < interpret.CONFIDENT or said.intent is None:
        return None
    if said.intent == "language" and said.language in catalogue.LANGUAGES:
        return f"lang_{said.language}"
    if said.intent == "language" and said.language == intent.CHOOSE_LANGUAGE:
        return "languages"
    if said.intent == "human" and _no_person_asked(state, event.text):
        return None
    return {"stop": "stop", "human": "human", "menu": "menu"}.get(said.intent)


def _no_person_asked(state: dict[str, Any], text: str) -> bool:
    """Words of a person or a call that ask for none: "talk with someone over a coffee" at a request for
    company's description, "ben jij een echt mens?" / "wat is een buurtverbinder?" (answered, flows/faq.py),
    "de buurtverbinder zei dat ik jullie moest appen" is no person asked either (intent.py)."""
    return _talk_is_the_request(state) or faq.asks_what_a_person_is(text)


def _talk_is_the_request(state: dict[str, Any]) -> bool:
    """At the description of a request for company (conversation.toml [talk_is_the_request]), "talk with
    someone over a coffee" describes the request; it does not ask for a person of the team."""
    key = str((state.get("prompt") or {}).get("key") or "")
    category = str((state.get("ask") or {}).get("category") or "")
    return key.startswith("ask_description") and f" {category} " in conversation_words("talk_is_the_request")


# A sentence of at least this many words in another language than the conversation's is followed.
FOLLOW_LANGUAGE_WORDS = 5
# ...at most this many times a conversation, so a person who mixes languages is not switched back and forth.
FOLLOW_LANGUAGE_TIMES = 2


def _follow_language(state: dict[str, Any], event: Event) -> bool:
    """A person who writes whole sentences in another of the six languages is answered in it from this
    message on ("I need someone to help me with shopping tomorrow" after a Dutch welcome), unless they
    chose a language themselves (ENGLISH, TÜRKÇE, ...). Short answers, names and places in Latin letters
    never switch (Arabic or Cyrillic letters do: no one writes Dutch so); the detector keeps the
    conversation's language unless it is sure (flows/understanding/language.py;
    of 2,027 Dutch corpus and red-team messages of five words or more, none read as another language).
    True when the language changed; the replies then start with `language_followed` (how to go back)."""
    if event.kind != "text" or not state.get("greeted") or state.get("lang_chosen"):
        return False
    if state.get("lang_followed", 0) >= FOLLOW_LANGUAGE_TIMES:
        return False
    current = language(state)
    # Arabic or Cyrillic letters are sure at any length: a Dutch question answered "يوم الجمعة في الصباح"
    # is answered in Arabic from then on (a name written so too: its writer reads that script).
    script = interpret.script_language(event.text)
    if script is None and len(event.text.split()) < FOLLOW_LANGUAGE_WORDS:
        return False
    found = script or interpret.language_of(event.text, current)
    if found == current or found not in catalogue.LANGUAGES:
        return False
    state["lang"] = found
    state["lang_followed"] = state.get("lang_followed", 0) + 1
    return True


def _bereavement(state: dict[str, Any], event: Event, profile: Profile, now: datetime) -> StepResult | None:
    """Someone tells that someone close died (flows/bereavement.py). In a conversation with a neighbour
    the words are for the neighbour, unless they answer the bot's own check-in: passed on, and the
    teller hears condolence and the team is told as at the menu (round dialogue20: only passed on)."""
    if event.kind != "text" or not bereavement.told(event.text):
        return None
    at_checkin = _at_checkin(state)
    if (thread := threads.current(state, profile)) is not None and not at_checkin:
        relayed = threads.relay_to_thread(state, thread.id, event.text, profile)
        if relayed is None:
            return None
        grief = bereavement.condolence(relayed.state, event.text, profile, at_checkin=False)
        return StepResult(grief.state, (*relayed.replies, *grief.replies), (*relayed.effects, *grief.effects))
    request = interpret.reading("menu", event.text, language(state)).category is not None
    if not at_checkin and _at_plain_menu(state) and request:
        # "mijn vrouw is vorige week overleden, kan iemand de boodschappen doen?": the request goes on,
        # led by a word of condolence; staff are told as for the death alone.
        asked = first_contact.act_on_intent(state, event, profile, now, context="menu")
        if asked is not None and asked.replies:
            first, *rest = asked.replies
            led = (replace(first, lead="bereaved_heard"), *rest) if first.lead is None else asked.replies
            return replace(asked, replies=led, effects=(*asked.effects, bereavement.ALERT))
    return bereavement.condolence(state, event.text, profile, at_checkin=at_checkin)


def _languages_offered(state: dict[str, Any]) -> StepResult:
    """ "ik spreek geen nederlands": the six languages and how to choose one, in each of them; then the
    open question again (or the menu)."""
    again = repeat_prompt(state) or menu.show(state, "menu").replies
    return StepResult(state, (say("language_offer"), *again))


def _switch_language(state: dict[str, Any], code: str) -> StepResult:
    state["lang"] = code
    state["lang_chosen"] = True
    again = repeat_prompt(state) or menu.show(state, "menu").replies
    key = "language_set" if code in ("nl", "en") else "language_set_other"
    return StepResult(state, (say(key), *again))


# Round 12: stopping in words that name one's number or data ("verwijder mijn nummer") may mean erasure.
STOP_OR_ERASE = (
    Choice("yes", "choice_stop_only"),
    Choice("erase", "choice_erase_all"),
    Choice("no", "choice_keep_all"),
)


def _stop_check(state: dict[str, Any], text: str = "") -> StepResult:
    """Stopping said in one's own words is checked once: a misread must not silence someone. STOP
    itself (the carriers' word) stops at once. Words that name one's own number or data ("verwijder
    mijn nummer", "remove my data": conversation.toml [round12_own_data]) may ask for more than
    silence: the question offers erasure too (which asks its own yes before anything is erased)."""
    if state.get("flow") != "stop_check":
        state["stop_resume"] = {key: state.get(key) for key in ("flow", "step", "prompt")}
    state["flow"] = "stop_check"
    if text and says_any(text, "round12_own_data"):
        return StepResult(state, (prompt(state, "stop_or_erase", STOP_OR_ERASE),))
    return StepResult(state, (prompt(state, "stop_check", YES_NO),))


WRONG_NUMBER_WORDS = 12


def _says_wrong_number(state: dict[str, Any], text: str) -> bool:
    first = not state.get("greeted")
    return says_any(text, "wrong_number") or (first and says_any(text, "wrong_number_first"))


def _wrong_number(state: dict[str, Any], profile: Profile) -> StepResult:
    """ "sorry verkeerd nummer" (session 29: a first message got the welcome and "Hoe mag ik je noemen?"):
    who we are, and the stop question once. Someone already known may have a new number now held by a
    stranger, so the team is told to check it; nothing about the known person is said."""
    state["greeted"] = True  # who we are is said: a yes or no next is the answer, not a first message
    asked = _stop_check(state)
    replies = (replace(asked.replies[0], lead="wrong_number_lead"), *asked.replies[1:])
    known = profile.first_name or profile.consented
    alert = (Effect("alert_staff", {"kind": "wrong_number", "priority": "normal"}),) if known else ()
    return StepResult(asked.state, replies, (*asked.effects, *alert))


def _on_stop_check(turn: Turn) -> StepResult:
    state = turn.state
    resume = state.pop("stop_resume", None) or {}
    if turn.answer == "erase":
        return privacy.ask_erase(state)
    if turn.answer == "yes":
        state["flow"] = "menu"
        state["offered"] = []
        state.pop("prompt", None)
        return StepResult(state, (say("stop_confirmed"),), (Effect("set_stopped", {"stopped": True}),))
    state["flow"] = resume.get("flow") or "menu"
    if resume.get("step") is not None:
        state["step"] = resume["step"]
    if resume.get("prompt"):
        state["prompt"] = resume["prompt"]
        return StepResult(state, (say("stop_not"), *repeat_prompt(state)))
    return menu.show(state, "menu")


# The help text of a question whose re-ask or variant has a key of its own (`help_` + the key otherwise).
HELP_OF = {"invite_urgent": "invite", "ask_where_again": "ask_where_other"}


def _help(state: dict[str, Any]) -> StepResult:
    """HELP (or "?", "wat moet ik doen", "wat bedoel je?") at an open question: what that question is
    for, with example answers (`help_<question>`), and the question again; nothing said so far is
    lost. At the menu, or at a question without a help text of its own, the general info as before."""
    key = str((state.get("prompt") or {}).get("key") or "")
    base = key.removesuffix("_again")
    help_key = f"help_{HELP_OF.get(key, base)}"
    if not key or help_key not in catalogue.entries():
        return StepResult(state, (say("info"), *repeat_prompt(state)))
    params = (state.get("prompt") or {}).get("params") or {}
    return StepResult(state, (say(help_key, params), *repeat_prompt(state)))


# First words that make a sentence a question without its question mark ("heeft al iemand gereageerd").
QUESTION_STARTS = frozenset(
    (
        "heeft", "hebben", "is", "zijn", "hoe", "waar", "wanneer", "komt", "heb", "has", "have", "are", "did",
        "any", "how", "when", "czy", "co", "kiedy", "чи", "що", "коли", "هل", "واش",
    )
)  # fmt: skip


def _is_question(text: str) -> bool:
    said = text.strip()
    first = said.split()[0].lower() if said else ""
    return said.endswith(("?", "؟")) or first in QUESTION_STARTS


def _mid_question(state: dict[str, Any]) -> bool:
    """Filling in a request, an offer or a carer's registration (the questions MENU keeps a place for)."""
    return (state.get("flow"), state.get("step")) in menu.KEEP_PLACE and bool(state.get("prompt"))


def _status_mid_question(state: dict[str, Any], profile: Profile, text: str) -> StepResult:
    """A question about one's other requests said in words in the middle of a question ("is er al
    iemand voor mijn vorige vraag?"): how each stands, then the open question again, led by "now back
    to where we were". It is no answer to the open question, and nothing said so far is lost."""
    again = repeat_prompt(state)
    back = (replace(again[0], lead="status_then_back"), *again[1:]) if again else ()
    other = says_any(text, "round22_other_request")
    if state.get("flow") == "ask" and not profile.open_requests and not other:
        # "hallo, hoe zit het met mijn vraag?" back after a while, nothing sent: this one is not sent yet.
        return StepResult(state, (say("ask_not_sent_yet"), *back))
    return StepResult(state, (*my_requests.status(state, profile, text), *back))


def _offer_command(turn: Turn) -> StepResult:
    if (
        not turn.profile.offering
        and turn.command == "pause"
        and turn.profile.care is None
        and turn.event.kind == "text"
        and command_in(turn.event.text) is None
        and command_with_argument(turn.event.text) is None
    ):
        # Round 12: "even een maandje niks sturen aub" from someone with no offer and no check-ins: no
        # pause to take, so the stop question (START brings the messages back), never a miss.
        return _stop_check(turn.state, turn.event.text)
    if not turn.profile.offering and turn.command == "pause":
        paused = care.pause_without_offer(turn.state, turn.argument, turn.profile, turn.now)
        if paused is not None:
            return paused
    if not turn.profile.offering:
        return _then_menu(offer.not_offering(turn.state))
    assert turn.command is not None
    return offer.command(turn.state, turn.command, turn.argument, turn.profile, turn.now)


def _cancel(state: dict[str, Any], profile: Profile) -> StepResult:
    if state.get("flow") == "ask":
        return _then_menu(ask.cancel(state))
    if state.get("flow") == "offer":
        return _then_menu(offer.cancel(state))
    if state.get("flow") == care.FLOW:
        return _then_menu(care.cancel(state))
    if (asked := my_requests.cancel_said(state, profile)) is not None:
        return asked  # "laat maar, ik hoef het niet meer" with a request out: cancel that one?
    return StepResult(state, (say("nothing_to_cancel"), *menu.show(state, "menu").replies))


def _meeting(turn: Turn) -> StepResult | None:
    if meetings.still_planning(turn.state, turn.profile):
        return meetings.handle(turn.state, turn.event, turn.profile, turn.now)
    meetings.leave(turn.state)  # the thread ended meanwhile: this message is for the menu
    return None


def _open_question(state: dict[str, Any]) -> repair.Question:
    return repair.Question(str((state.get("prompt") or {}).get("key") or ""))


def _on_menu(
    state: dict[str, Any], event: Event, answer: str | None, profile: Profile, now: datetime
) -> StepResult:
    if menu.wants_back(state, answer, event.text if event.kind == "text" else ""):
        return menu.back(state)
    state.pop("detour", None)
    # A button from an older menu still means what it says.
    if answer is None and event.kind == "choice" and event.choice in menu.MENU_KEYS:
        answer = event.choice
    if answer == "info":
        return StepResult(state, (say("info"), *menu.show(state, "menu").replies))
    if (
        answer is None
        and event.kind == "text"
        and (talked := checkin_talk.talk(state, event.text, profile, now))
    ):
        return talked  # "vraag het morgen maar", "kan je me voortaan om de week vragen?" at the check-in
    if (changed := _request_changed(state, event, answer, profile, now)) is not None:
        return changed  # "kan het ook woensdag?" with a request out: read back, then changed (round 15)
    if event.kind == "text" and _at_plain_menu(state) and _back_and_helping(event.text, profile, now):
        # Round dialogue32's miss: "ik ben terug uit Turkije, kan weer" from a paused volunteer resumes;
        # "Turkije" is no neighbour asked for again.
        return offer.command(state, "resume", "", profile, now)
    if (
        event.kind == "text"
        and _at_plain_menu(state)
        and not _menu_choice_exactly(state, event)
        and (again := helper_again.said(state, event.text, profile, now)) is not None
    ):
        return again  # "kan Piet weer komen?": asked first if they can, and the request started (round 15)
    if (
        event.kind == "text"
        and not profile.threads
        and _at_plain_menu(state)
        and not _menu_choice_exactly(state, event)
        and (changed_offer := offer_change.said(state, event.text, profile, now)) is not None
    ):
        return changed_offer  # "ik kan voortaan alleen nog op woensdag": the offer read back (round 19)
    if answer in menu.TARGETS and (told := _request_at_menu(state, event, profile, now)) is not None:
        return told
    if answer in menu.TARGETS:
        return menu.go(state, answer, profile, now)
    if answer is None and event.kind == "text" and (kept := _polite_at_bot_question(state, event)):
        return kept
    if answer is None and event.kind == "text" and _unclear_at_bot_question(state, event.text):
        return StepResult(state, repair.again(state))
    if answer is None and event.kind == "text" and _detail_question_at_bot_question(state, event.text):
        # "hoe laat begint dat?" at "... dinsdag om 10:00, Buurthuis. Doe je mee?": the details again.
        details = repeat_prompt(state)
        return StepResult(state, (replace(details[0], lead="details_again_lead"), *details[1:]))
    if (
        answer is None
        and event.kind == "text"
        and (worried := threads.about_other(state, event.text, profile))
    ):
        return worried  # "ik voel me niet veilig bij hem": not passed on (round 12)
    if answer is None and event.kind == "text" and (thanks := _about_thanks(state, event.text)) is not None:
        return StepResult(state, (*faq.answer(thanks), *repeat_prompt(state)))  # "moet ik iets betalen?"
    if answer is None and event.kind == "text" and event.text.strip() and profile.threads:
        return _to_neighbour(state, event, profile, now)
    if (
        answer is None
        and event.kind == "text"
        and (limit := _heavy_in_words(state, event, profile, limit=True))
    ):
        return limit  # "ik kan niet meer, ik ben op": at her limit, before a request read in the words
    if answer is None and event.kind == "text" and (told := _overload(state, event, profile)):
        return told  # "de zorg voor mijn moeder wordt me te veel": a carer's overload in her own words
    if answer is None and event.kind == "text" and (cared := _distress(state, event, profile)):
        return cared  # "ik trek het niet meer" from someone who is no registered carer
    if (
        answer is None
        and event.kind == "text"
        and (both := _overload_with_request(state, event, profile, now))
    ):
        return (
            both  # "ik trek het niet meer, kan iemand dinsdag bij mijn vader zitten": heard, and the request
        )
    if (
        answer is None
        and event.kind == "text"
        and (registering := _carer_in_words(state, event, profile, now))
    ):
        return registering
    if answer is None and event.kind == "text" and (cancelling := _cancel_with_reason(state, event, profile)):
        return cancelling
    if answer is None and event.kind == "text" and (asked := _question_at_invitation(state, event.text)):
        return asked
    if (
        answer is None
        and event.kind == "text"
        and (topic := faq.asked(event.text, language(state), "menu")) is not None
    ):
        # "wie ben jij eigenlijk?" at a check-in or an invitation: that question again, not the menu.
        asked_again = repeat_prompt(state) if _question_open(state) else menu.show(state, "menu").replies
        return StepResult(state, (*faq.answer(topic), *asked_again))
    if answer is None and event.kind == "text" and social_map.is_question(event.text):
        return social_map.lookup(state, event.text)
    if (
        answer is None
        and event.kind == "text"
        and not profile.threads
        and (_at_plain_menu(state) or _at_checkin(state))
        and (news := life_events.told(state, event.text, profile, now)) is not None
    ):
        return news  # "ik lig in het ziekenhuis tot vrijdag", "ik ga verhuizen naar Zwolle" (round 18)
    if (
        answer is None
        and event.kind == "text"
        and not profile.threads
        and _at_plain_menu(state)
        and (changed := own_facts.in_words(state, event.text, profile)) is not None
    ):
        return changed  # "ik ben verhuisd naar de Bloemhof", "mijn naam is eigenlijk Marietje"
    if (
        answer is None
        and event.kind == "text"
        and not (_at_checkin(state) and checkin_talk.story_not_lookup(event.text, language(state)))
        and (understood := first_contact.act_on_intent(state, event, profile, now, context="menu"))
        is not None
    ):
        return understood
    if answer is None and event.kind == "text" and (heavy := _heavy_in_words(state, event, profile)):
        return heavy
    if answer is None and event.kind == "text" and (noted := _for_the_person(state, event, profile, now)):
        return noted
    polite = smalltalk.kind_of(event.text) if answer is None and event.kind == "text" else None
    if (
        answer is None
        and event.kind == "text"
        and not polite
        and (heard := checkin_talk.news(state, event.text))
    ):
        return heard  # "Jan is gisteren gevallen maar hij is weer op de been": thanked for, asked again
    if _question_open(state):
        # An open invitation, check-in or question is asked again, never dropped for the menu.
        return StepResult(state, _kindly(state, polite) if polite else repair.again(state))
    menu.show(state, "menu")
    if polite is not None:
        # "hallo", "dank je wel!", "hoe gaat het?" at the menu: a kind word, then the menu; no miss.
        return StepResult(state, _kindly(state, polite))
    if event.kind == "text" and _asking_to_ask(event.text):
        # "Ik wil graag iets vragen": the question is still to come; the menu plainly, no miss.
        return StepResult(state, repeat_prompt(state))
    return StepResult(state, repair.again(state))


def _request_at_menu(
    state: dict[str, Any], event: Event, profile: Profile, now: datetime
) -> StepResult | None:
    """A whole request typed at the menu's question ("ik ben alleen en zou graag iemand hebben om koffie
    mee te drinken" after "Wat wil je doen?"): read as the menu's "Hulp vragen", it used to start the
    ask flow from scratch ("Waarmee zoek je hulp?"), the kind of help and the time said thrown away.
    Words that are more than the choice itself are read as a free message at the menu is (what it
    names is kept); a number, a button or the label alone ("hulp vragen") go to the choice as before."""
    if event.kind != "text":
        return None
    offered = [(str(key), str(label)) for key, label in state.get("offered") or []]
    if choice_in(event.text, [key for key, _ in offered], dict(offered)) is not None:
        return None
    return first_contact.act_on_intent(state, event, profile, now, context="menu")


def _request_changed(
    state: dict[str, Any], event: Event, answer: str | None, profile: Profile, now: datetime
) -> StepResult | None:
    """A change of a request out, said at the plain menu (flows/request_change.py): before the menu's
    own reading, which takes "kan die van de lamp ook vrijdag" for "Hulp vragen"; never a number, a
    button or a label of the menu."""
    if event.kind != "text" or not profile.open_requests or not _at_plain_menu(state):
        return None
    if answer is not None and _menu_choice_exactly(state, event):
        return None
    return request_change.said(state, event.text, profile, now)


def _menu_choice_exactly(state: dict[str, Any], event: Event) -> bool:
    """A number, a button or a label of the open question, not free words read as one."""
    offered = [(str(key), str(label)) for key, label in state.get("offered") or []]
    return event.kind != "text" or choice_in(event.text, [k for k, _ in offered], dict(offered)) is not None


def _cancel_with_reason(state: dict[str, Any], event: Event, profile: Profile) -> StepResult | None:
    """Cancelling said first, with a reason after it ("het hoeft niet meer, mijn dochter komt al"), by
    someone with a request out: whether to cancel it (the reason makes the message no command).
    Session 31: "wij hebben al iemand voor de hond, dank u" ([already_someone], no question) is the same
    with a request out; without one it is heard, not read as a new request for the dog."""
    if _already_someone(event.text):
        if profile.open_requests:
            return my_requests.cancel_said(state, profile)
        return StepResult(state, (say("already_someone_heard"),))
    if not profile.open_requests or not _cancelled_with_reason(event.text, language(state)):
        return None
    return my_requests.cancel_said(state, profile)


def _already_someone(text: str) -> bool:
    """Someone else helps already, said as news, not asked ("is er al iemand?" is the status question)."""
    if "?" in text or "؟" in text:
        return False
    folded = normal(text)
    said = _phrases("already_someone").search(folded)
    return bool(said) and not _phrases("already_someone_but").search(folded)


def _cancelled_with_reason(text: str, lang: str) -> bool:
    """Cancelling with its reason in one message: the cancel command before a mark ("laat maar, mijn
    zoon doet het al"), or, with no mark between (voice to text, round dialogue22: "laat maar mijn zoon
    doet het al"), words of cancelling beside words that someone else does it or it is done
    (conversation.toml [round22_cancel_lead], [round22_done_otherwise])."""
    first = re.split(r"[,.;!،]+", text, maxsplit=1)[0]
    if first.strip() != text.strip() and intent.command_in(first, lang) == "cancel":
        return True
    folded = normal(text)
    return bool(
        _phrases("round22_cancel_lead").search(folded) and _phrases("round22_done_otherwise").search(folded)
    )


@cache
def _phrases(section: str) -> Phrases:
    """A conversation.toml section's phrases (pattern syntax: flows/understanding/phrases.py), compiled."""
    compiled = compile_phrases(lexicon("conversation")[section]["phrases"])
    assert compiled is not None
    return compiled


def _carer_in_words(
    state: dict[str, Any], event: Event, profile: Profile, now: datetime
) -> StepResult | None:
    """MANTELZORG said in a sentence at the menu ("ik zorg voor mijn moeder en wil graag dat jullie af en
    toe vragen hoe het gaat", "ik ben mantelzorger voor mijn vader met parkinson"; the short whole
    messages are its command): the registration, or a registered carer's own. Not when the words ask
    for help as well ("ik zorg voor mijn moeder, kan iemand dinsdag bij haar zitten?"), unless they
    also ask for the check-ins: that request goes on as one."""
    if not first_contact.registers_in_words(event.text, language(state), "menu"):
        return None
    return care.start(state, profile, said=event.text, now=now)


def _newcomer(
    state: dict[str, Any], event: Event, profile: Profile, now: datetime, command: str | None
) -> StepResult:
    """A first message; one that says it comes from a new number or app ("dit is mijn nieuwe nummer")
    hears, after the welcome, how to join it to the account they have (KOPPEL), round 18."""
    started = first_contact.start(state, event, profile, now, command)
    told = life_events.link_for_newcomer(event.text) if event.kind == "text" and command is None else None
    if told is None or not started.replies:
        return started
    first, *rest = started.replies
    return replace(started, replies=(first, told, *rest))


def _question_open(state: dict[str, Any]) -> bool:
    """A question of the bot's is open at the menu (an invitation, a check-in), not the menu's own."""
    return bool(state.get("prompt")) and interpret.context_of(state) != "menu"


def _at_checkin(state: dict[str, Any]) -> bool:
    """A check-in is the open question ("hij is opgenomen in het verpleeghuis" is news, not a miss)."""
    return str((state.get("prompt") or {}).get("key") or "") == "care_checkin"


def _back_and_helping(text: str, profile: Profile, now: datetime) -> bool:
    """Round dialogue33: a paused volunteer back from somewhere ([dialogue33_back_from]: "terug uit
    Polen", "weer thuis") with a part that is RESUME ("ik kan weer helpen") or says she can again ("kan
    weer", [dialogue33_can_again]): the whole message resumes
    (commands read whole messages only, and a place after "terug uit" is open-ended)."""
    offered = profile.offer
    if offered is None or not offered.active or not offered.paused(now):
        return False
    if not says_any(text, "dialogue33_back_from"):
        return False
    parts = (part for part in re.split(r"[,.;!?]+", text) if part.strip())
    return any(
        says_any(part, "dialogue33_can_again") or intent.command_in(part) == "resume" for part in parts
    )


def _at_plain_menu(state: dict[str, Any]) -> bool:
    """At the menu with no other question open."""
    key = str((state.get("prompt") or {}).get("key") or "menu")
    return state.get("flow") in (None, "menu") and key == "menu"


# At most this many words: "ik heb een vraagje", not a question that says what it is about.
ASKING_TO_ASK_WORDS = 6


def _asking_to_ask(text: str) -> bool:
    """A message that only says a question is coming ("ik heb een vraagje", "mag ik iets vragen")."""
    return len(text.split()) <= ASKING_TO_ASK_WORDS and says_any(text, "asking_to_ask")


def _count_down(state: dict[str, Any], key: str) -> None:
    """One message less for a marker that lasts a few messages; gone at none."""
    left = int(state.get(key) or 0) - 1
    if left > 0:
        state[key] = left
    else:
        state.pop(key, None)


def _for_the_person(
    state: dict[str, Any], event: Event, profile: Profile, now: datetime
) -> StepResult | None:
    """Just after asking for a person (a call back, MENS) or after staff handed the conversation back:
    words of talking to that person again ("kan ik later nog eens met haar praten?") ask for a person
    again; when she is reachable ("na vieren ben ik pas thuis", "please call after 5pm"; a time said,
    or conversation.toml [reachable]) is passed on to staff as a note, not "I did not understand"."""
    if not state.get(care.PERSON_CONTACT):
        return None
    if says_any(event.text, "talk_again"):
        return threads.on_command(state, "human", profile)
    said_time = read_time(event.text, language(state), now, mode="message") is not None
    if not (said_time or says_any(event.text, "reachable")):
        return None
    state.pop(care.PERSON_CONTACT, None)  # one note is enough
    alert = Effect("alert_staff", {"kind": "contact_note", "priority": "normal"})
    return StepResult(state, (say("contact_noted"),), (alert,))


def _polite_at_bot_question(state: dict[str, Any], event: Event) -> StepResult | None:
    """ "dank je wel!" at "Volgende week weer afspreken?" in a thread: the bot asked, so a kind word and
    the question again, not passed to the neighbour (conversation.toml [polite_keeps_question])."""
    key = str((state.get("prompt") or {}).get("key") or "")
    if f" {key} " not in conversation_words("polite_keeps_question"):
        return None
    kind = smalltalk.kind_of(event.text)
    if kind is None or kind == "ok":
        return None
    return StepResult(state, _kindly(state, kind))


def _question_at_invitation(state: dict[str, Any], text: str) -> StepResult | None:
    """ "hoe ver is dat?", "wat moet ik meenemen?", "hoeveel boodschappen zijn het?" at an open
    invitation: a fair question about the help, not a new request and no miss. The bot does not know
    more than the invitation says, so it says so (after a yes the two sides talk) and asks again."""
    if interpret.context_of(state) != "invitation" or not _is_question(text):
        return None
    again = repeat_prompt(state)
    if not again:
        return None
    return StepResult(state, (replace(again[0], lead="invite_question_lead"), *again[1:]))


# At most this many words is a message that answers the bot's own question, or asks about it.
UNCLEAR_MAX_WORDS = 2


# At most this many words is a question back about the details of what the bot offered.
DETAIL_QUESTION_MAX_WORDS = 6


def _detail_question_at_bot_question(state: dict[str, Any], text: str) -> bool:
    """A short question back about when or where the offered activity is ("hoe laat begint dat?", "waar
    is het?") at a question that states them (conversation.toml [detail_question_*]): about the offer,
    so not passed on to the neighbour. A question without a pointer to "it" ("hoe laat kom je?") goes on."""
    key = str((state.get("prompt") or {}).get("key") or "")
    if f" {key} " not in conversation_words("detail_question_prompts") or not _is_question(text):
        return False
    words = folded_words(text)
    return (
        len(words.split()) <= DETAIL_QUESTION_MAX_WORDS
        and any(phrase in words for phrase in conversation_words("detail_question_words"))
        and any(phrase in words for phrase in conversation_words("detail_question_pointers"))
    )


def _unclear_at_bot_question(state: dict[str, Any], text: str) -> bool:
    """ "hè?" or "huh" at "Is het gelukt?" in a thread: no answer, and a word or two is no message for
    the neighbour either, so the open question is asked again (repair), not passed on, never the menu
    (conversation.toml [unclear_keeps_question]). Politeness and words of "fine" go on as before."""
    key = str((state.get("prompt") or {}).get("key") or "")
    if f" {key} " not in conversation_words("unclear_keeps_question"):
        return False
    # An emoji or punctuation alone has no words: it goes on as before.
    words = folded_words(text).split()
    return 0 < len(words) <= UNCLEAR_MAX_WORDS and smalltalk.kind_of(text) is None


def _kindly(state: dict[str, Any], kind: str) -> tuple[Reply, ...]:
    """The open question (or the menu) again, led by a kind answer to politeness, as one message."""
    last = repeat_prompt(state)
    if not last:
        return (say(smalltalk.LEADS[kind]),)
    return (replace(last[0], lead=smalltalk.LEADS[kind]), *last[1:])


def _taken_as_answer(result: StepResult, asked: dict[str, Any] | None, kind: str) -> bool:
    """Whether a flow did something with politeness said mid-question (took "goedemiddag" as a name, or
    read it as a miss) other than asking the same question again plainly. Words of "fine" ("prima",
    "oké") may be an answer: those count only as a miss."""
    if any(repair.is_miss(reply) for reply in result.replies):
        return True
    if kind == "ok" or not asked:
        return False
    replies = result.replies
    return not (len(replies) == 1 and replies[0].key == asked.get("key") and not replies[0].lead)


def _about_us_for_miss(result: StepResult, asked: dict[str, Any] | None, event: Event) -> StepResult:
    """A question about Voordeur in the middle of a question ("is dit gratis?" at the when-question):
    no miss, its answer and the open question again as it was asked."""
    if event.kind != "text" or not asked or not any(repair.is_miss(reply) for reply in result.replies):
        return result
    topic = faq.asked(event.text, language(result.state), "menu")
    if topic is None:
        return result
    result.state["prompt"] = asked
    return replace(result, replies=(*faq.answer(topic), *repeat_prompt(result.state)))


def _politeness_for_miss(result: StepResult, asked: dict[str, Any] | None, event: Event) -> StepResult:
    """Politeness alone in the middle of a question ("hallo", "dank je wel!", "👍" at the when-question):
    no answer, but no miss either: a kind word and the question again as it was asked."""
    if event.kind != "text" or not asked or not any(repair.is_miss(reply) for reply in result.replies):
        return result
    kind = smalltalk.kind_of(event.text)
    if kind is None:
        return result
    result.state["prompt"] = asked
    return replace(result, replies=_kindly(result.state, kind))


def _to_neighbour(state: dict[str, Any], event: Event, profile: Profile, now: datetime) -> StepResult:
    """Plain text from someone in a thread goes to the neighbour. What it also says to the bot is
    answered after it: that they cannot come to the meeting ahead (move or cancel it?), that the help
    is done (close the conversation?), or that they cannot cope (the offers of help, as at the menu)."""
    relayed = threads.relay(state, event.text.strip(), profile)
    sent = [int(e.data["thread_id"]) for e in relayed.effects if e.kind == "relay"]
    if not sent:
        return relayed
    if (door := threads.no_answer_at_door(event.text, sent[0])) is not None:
        # "ze doet niet open en neemt niet op" (round 23): passed on, and the team alerted.
        reply, alert = door
        return replace(relayed, replies=(*relayed.replies, reply), effects=(*relayed.effects, alert))
    if (moved := meetings.shift_in_words(relayed.state, event.text, sent[0], now)) is not None:
        # "kan het een half uur later?": passed on, and the moved time proposed for one tap.
        reply, effect = moved
        return replace(relayed, replies=(*relayed.replies, reply), effects=(*relayed.effects, effect))
    if (question := meetings.cannot_come(relayed.state, event.text, sent[0], now)) is not None:
        # "ik moet vandaag afzeggen": passed on, and the meeting can be moved or cancelled.
        return replace(relayed, replies=(*relayed.replies, question))
    if (late := meetings.late_in_words(relayed.state, event.text, sent[0], now)) is not None:
        # "ik ben wat later, kwart over": passed on, and the time read back (round dialogue25).
        return replace(relayed, replies=(*relayed.replies, late))
    if (weekly := meetings.weekly_in_words(relayed.state, event.text, sent[0], now)) is not None:
        # "kan Henk voortaan iedere dinsdag komen?": passed on, and every Tuesday asked (round dialogue27).
        reply, effect = weekly
        return replace(relayed, replies=(*relayed.replies, reply), effects=(*relayed.effects, effect))
    if (meeting := meetings.proposed_in_words(relayed.state, event.text, sent[0], now)) is not None:
        # "kunnen we donderdag om 2 uur afspreken bij mij thuis?": passed on, and made a meeting if wanted.
        return replace(relayed, replies=(*relayed.replies, meeting))
    if threads.close_said(event.text, language(state)) and (
        done := threads.ask_close(relayed.state, sent[0], profile)
    ):
        # "we zijn klaar, bedankt voor alles Henk!": passed on, then "is the help done?" once.
        return replace(relayed, replies=(*relayed.replies, done))
    if (move := own_facts.move_in_thread(relayed.state, event.text, profile)) is not None:
        # "ik ben verhuisd naar de Bloemhof": passed on, and one's own neighbourhood changed too.
        noted, effect = move
        return replace(relayed, replies=(*relayed.replies, noted), effects=(*relayed.effects, effect))
    cared = (
        _heavy_in_words(relayed.state, event, profile, limit=True)
        or _overload(relayed.state, event, profile)
        or _distress(relayed.state, event, profile)
    )
    if cared is not None:
        # "ik trek het niet meer" written to the neighbour: passed on, and the offers of help too.
        return StepResult(cared.state, (*relayed.replies, *cared.replies), (*relayed.effects, *cared.effects))
    return relayed


def _heavy_in_words(
    state: dict[str, Any], event: Event, profile: Profile, *, limit: bool = False
) -> StepResult | None:
    """A registered mantelzorger who says at the menu, unasked, that caring is getting too much ("ik merk
    dat het zorgen voor mijn man me te zwaar wordt"): what ZWAAR gives (the offers of help), as a
    check-in answered heavy would; words that show she is at her limit also alert staff. Read as a
    check-in answer is read; anyone else, or a message read otherwise, goes on to the menu as before."""
    if profile.care is None:
        return None
    found = interpret.reading("checkin", event.text, language(state))
    if found.answer != "heavy" or found.confidence < interpret.CONFIDENT or (limit and not found.distress):
        return None
    result = care.heavy(state)
    return _with_distress(state, event, result)


def _distress(state: dict[str, Any], event: Event, profile: Profile) -> StepResult | None:
    """Someone who is no registered carer says at the menu that they cannot cope ("ik trek het niet
    meer", "ik kan het niet meer aan", "I can't cope anymore"; read as a check-in answer at the limit
    is read): offers of help, a person who calls back, or not now, and a staff alert, so a person
    looks. Not when the words also name a kind of help ("ik kan niet meer lopen, kan iemand
    boodschappen doen?"): that is a request. Crisis words never get here (the crisis path is first)."""
    if profile.care is not None or event.kind != "text":
        return None
    found = interpret.reading("checkin", event.text, language(state))
    if not found.distress or found.confidence < interpret.CONFIDENT:
        return None
    if interpret.reading("menu", event.text, language(state)).category is not None:
        return None
    if not _distress_alone(event.text, language(state)):
        return None
    result = care.distress(state)
    alert = Effect("alert_staff", {"kind": "distress", "priority": "normal"})
    return replace(result, effects=(*result.effects, alert))


# Longer messages tell more (what happened, why): the clear words then count as they stand.
ALONE_WORDS = 12


def _distress_alone(text: str, lang: str) -> bool:
    """A message says only that the person cannot cope: it has clear words of not coping (data
    conversation.toml [cannot_cope]; the check-in reader reads more, "ik weet het niet meer", which
    outside a check-in mostly means not knowing), and in a short message every other word is a light
    one. "ik ben op vakantie", "ik kan het niet meer vinden", "ik ben op zoek naar hulp" say something
    else."""
    # A name the message is addressed to ("Henk, ik trek het niet meer") is no word of its own.
    text = re.sub(r"^\s*[A-Z]\w*\s*,", "", text)
    if says_any(text, "schedule_full"):
        return False  # round crisis19: "ik kan niet meer, mijn week zit vol" is about time
    if _without_cannot_cope(text) is None:
        return False
    if len(re.findall(r"\w+", text)) > ALONE_WORDS:
        return True
    # One clause may say it on its own ("ik ben zo moe, ik kan niet meer").
    clauses = [clause for clause in re.split(r"[,.;!?]+", text) if clause.strip()]
    light = _light_words()
    for clause in {text, *clauses}:
        rest = _without_cannot_cope(clause)
        if rest is not None and all(word in light or len(word) <= 2 for word in rest.split()):
            return True
    return False


def _without_cannot_cope(text: str) -> str | None:
    """The words of `text` (folded) without its clear words of not coping; None when it has none."""
    words = smalltalk.words_of(text)
    found = False
    for phrase in sorted(conversation_words("cannot_cope"), key=len, reverse=True):
        while phrase in words:
            words = words.replace(phrase, " ", 1)
            words = f" {' '.join(words.split())} "
            found = True
    return words.strip() if found else None


@cache
def _light_words() -> frozenset[str]:
    """Words that may stand beside the words of not coping ("ik trek het echt niet meer"): data
    conversation.toml [distress_light], and the check-in reader's fillers and edges."""
    listed = {word.strip() for word in conversation_words("distress_light")}
    return frozenset(listed | {simplify(word) for word in _reader_fillers()})


# "ik weet het niet meer" at a question is "I do not know (any more)", not "I am at my wits' end".
DONT_KNOW_WORDS = 6


def _dont_know(text: str) -> bool:
    return len(re.findall(r"\w+", text)) <= DONT_KNOW_WORDS and says_any(text, "know")


@cache
def _reader_fillers() -> frozenset[str]:
    table = lexicon("checkin")
    listed = [*table["fillers"]["all"], *table["clauses"]["edges"]]
    return frozenset(word.casefold() for word in listed if " " not in word)


def _distress_for_miss(
    result: StepResult, asked: dict[str, Any] | None, event: Event, profile: Profile
) -> StepResult:
    """A message in the middle of a question that is no answer to it but says the person cannot cope
    ("ik trek het niet meer" at the when-question): not "I did not understand", but the offers (a
    registered carer's as after ZWAAR, with the staff alert of her limit); the open question, as it
    was asked, comes again after the answer, and nothing said so far is lost."""
    if event.kind != "text" or not asked or not any(repair.is_miss(reply) for reply in result.replies):
        return result
    state = result.state
    found = interpret.reading("checkin", event.text, language(state))
    if not found.distress or found.confidence < interpret.CONFIDENT or _dont_know(event.text):
        return result
    state["prompt"] = asked
    if profile.care is not None:
        return _with_distress(state, event, care.heavy(state))
    cared = _distress(state, event, profile)
    return cared if cared is not None else result


def _goto(result: StepResult, profile: Profile, now: datetime) -> StepResult:
    """A flow that asked to go on to asking for help (`state["goto"]`, e.g. after "Zwaar")."""
    if result.state.pop("goto", None) != "ask":
        return result
    nxt = menu.go(result.state, "ask", after(profile, result.effects), now)
    return replace(
        result,
        state=nxt.state,
        replies=(*result.replies, *nxt.replies),
        effects=(*result.effects, *nxt.effects),
    )


def _agenda(turn: Turn) -> StepResult:
    """AGENDA's list answered; "ik doe mee met 3, maar ik kan er niet zelf komen" signs up and reads back
    a request for a ride to it (round dialogue27, as at "Doe je mee?")."""
    result = agenda.handle(turn.state, turn.event, turn.answer, turn.now)
    joined = result.state.get(agenda.JOINED)
    if joined and turn.event.kind == "text" and meetings.ride_wanted(turn.event.text):
        result.state.pop(agenda.JOINED, None)
        return meetings.ride_to(result, joined, turn.profile, turn.now)
    return _menu_when_done(result, "agenda", silent=True)


def _my_requests(turn: Turn) -> StepResult:
    """MIJN VRAGEN's list, or (round dialogue33) the answer to "Wil je daar hulp voor vragen?" after a
    question about a kind with no open request of it: a yes begins that request at what is needed."""
    if turn.state.get("step") != my_requests.OFFER_KIND:
        return _menu_when_done(my_requests.handle(turn.state, turn.event, turn.profile), "my_requests")
    kind, answered = my_requests.kind_wanted(turn.state, turn.event)
    if answered is not None:
        return _menu_when_done(answered, "my_requests")
    if kind is None:
        return step(turn.state, turn.event, turn.now, turn.profile)  # no answer: read at the menu
    turn.state["pending"] = {"intent": "ask", "category": kind}
    return ask.start(turn.state, turn.profile, turn.now)


def _menu_when_done(result: StepResult, flow: str, *, silent: bool = False) -> StepResult:
    """A flow that has finished hands back to the menu, shown after its last reply.

    With `silent`, only when the flow ended without a word ("Terug"): the offer flow's last replies
    (thanks, "paused until") say what to send next, and over SMS every extra menu is a message.
    """
    if result.state.get("flow") == flow or (silent and result.replies):
        return result
    return _then_menu(result)


def _then_menu(result: StepResult) -> StepResult:
    return replace(result, replies=(*result.replies, *menu.show(result.state, "menu").replies))


# --- Dialogue round 13 (tests/test_dialogues_redteam13.py): overload in one's own words -------------

# State markers: a first message's overload kept through onboarding ("respite" or "plain": which
# offers), and a request said with overload (the offers for the person herself once it is sent).
OVERLOAD_KEPT = "overload_kept"
OVERLOAD_REQUEST = "overload_request"


def _overload_alert() -> Effect:
    return Effect("alert_staff", {"kind": "distress", "priority": "normal"})


def _overload(state: dict[str, Any], event: Event, profile: Profile) -> StepResult | None:
    """A carer's overload told with who she cares for, the illness, the nights, how long
    (`overload.said`: "ik kan het niet meer aan met mijn man, hij heeft dementie", "ik ben zo moe, ik
    zorg al jaren voor mijn vrouw"), which `_distress` leaves (it takes only messages that say nothing
    else): the offers, with respite care, and a normal-priority staff alert; a registered carer gets
    ZWAAR's offers (her high-priority alert where the check-in reader reads her limit). Not when a kind
    of help is named too: that is `_overload_with_request`."""
    if event.kind != "text" or not overload.said(event.text) or _request_with_overload(state, event.text):
        return None
    if profile.care is not None:
        result = _with_distress(state, event, care.heavy(state))
        if any(effect.kind == "alert_staff" for effect in result.effects):
            return result
    else:
        result = care.distress(state, respite=True)
    return replace(result, effects=(*result.effects, _overload_alert()))


def _overload_with_request(
    state: dict[str, Any], event: Event, profile: Profile, now: datetime
) -> StepResult | None:
    """Overload and a request in one message ("ik trek het niet meer, kan iemand dinsdag even bij mijn
    vader zitten"). Decided: the request is what she asked for, so it goes on as any request at the
    menu, led by a short word that she was heard ("Wat naar dat het zo zwaar is. Eerst je vraag."); staff
    are told (normal priority), and once the request is sent she is asked what could help herself
    (respite care, a call back, not now: `_offers_after_request`)."""
    if event.kind != "text" or not overload.said(event.text) or not _request_with_overload(state, event.text):
        return None
    # Volunteers read the request, not that she cannot cope.
    asked = replace(event, text=overload.request_words(event.text))
    result = first_contact.act_on_intent(state, asked, profile, now, context="menu")
    if result is None or not result.replies:
        return None
    result.state[OVERLOAD_REQUEST] = True
    return replace(
        result, replies=_led_by_heard(result.replies), effects=(*result.effects, _overload_alert())
    )


def _request_with_overload(state: dict[str, Any], text: str) -> bool:
    """Whether a message of overload also asks for help: read without its clauses of overload ("ik zit
    helemaal stuk" is no klusje), a kind of help, or asking for help said confidently ("could someone
    sit with him on Friday?"); a message that is one clause, a kind of help named in it."""
    rest = overload.request_words(text)
    found = interpret.reading("menu", rest, language(state))
    if rest == text:
        return found.category is not None
    return found.category is not None or (found.intent == "ask" and found.confidence >= interpret.CONFIDENT)


def _led_by_heard(replies: tuple[Reply, ...]) -> tuple[Reply, ...]:
    first, *rest = replies
    if first.lead is None:
        return (replace(first, lead="distress_heard_request"), *rest)
    return (say("distress_heard_request"), *replies)


def _offers_after_request(result: StepResult) -> StepResult:
    """The request said with overload is sent: "En hoe gaat het met jou?" with respite care, a call back
    or not now. Left without sending (cancelled, MENU): the marker goes, nothing more is said."""
    state = result.state
    if not state.get(OVERLOAD_REQUEST) or state.get("flow") in ("ask", "onboarding"):
        return result
    state.pop(OVERLOAD_REQUEST, None)
    if not any(effect.kind == "create_request" for effect in result.effects):
        return result
    return replace(result, replies=(*result.replies, care.after_request(state)))


def _overload_first(
    state: dict[str, Any], event: Event, profile: Profile, now: datetime, command: str | None
) -> StepResult | None:
    """A new person's first message that says it is too much (a carer's overload, or clear words of not
    coping alone): heard at once, before the welcome's questions ("Wat naar dat het zo zwaar is. Ik help
    je graag. Eerst een paar korte vragen."), kept through onboarding, and the offers when it is done
    (`_offers_when_onboarded`). With a request in the same words the request is kept as a first
    message's request is, and the offers for herself come when it is sent."""
    if event.kind != "text" or command is not None or not event.text.strip():
        return None
    lang = language(state)
    carer = overload.said(event.text)
    if not carer and not _cannot_cope_alone(event.text, lang):
        return None
    found = interpret.reading("first_message", event.text, state.get("lang"), None)
    if found.category is not None:
        if not carer:
            return None
        asked = replace(event, text=overload.request_words(event.text))
        result = first_contact.start(state, asked, profile, now, command)
        if "request_kept_onboarding" not in [reply.key for reply in result.replies]:
            return result
        result.state[OVERLOAD_KEPT] = "respite"
        replies = tuple(
            say("distress_heard_request_onboarding") if reply.key == "request_kept_onboarding" else reply
            for reply in result.replies
        )
        return replace(result, replies=replies)
    state["greeted"] = True
    if found.lang in catalogue.LANGUAGES:
        state["lang"] = found.lang
    state[OVERLOAD_KEPT] = "respite" if overload.cares_for_someone(event.text) else "plain"
    result = onboarding.start(state, profile, then="menu", welcome=True)
    replies = (*result.replies[:1], say("distress_heard_onboarding"), *result.replies[1:])
    return replace(result, replies=replies)


def _cannot_cope_alone(text: str, lang: str) -> bool:
    """Clear words of not coping that say nothing else ("ik kan het niet meer aan"), as `_distress`
    reads them at the menu."""
    found = interpret.reading("checkin", text, lang)
    return bool(found.distress) and found.confidence >= interpret.CONFIDENT and _distress_alone(text, lang)


def _offers_when_onboarded(result: StepResult) -> StepResult:
    """Onboarding after a first message of overload is done: the offers instead of the menu, with a
    normal-priority staff alert (not before: consent is asked first). Where it goes on to the request
    (told in the first message, or meanwhile) the alert goes now, and the offers come when that request
    is sent."""
    state = result.state
    if not state.get(OVERLOAD_KEPT) or state.get("flow") == "onboarding":
        return result
    kept = state.pop(OVERLOAD_KEPT)
    if state.get("flow") != "menu":
        state[OVERLOAD_REQUEST] = True
        return replace(result, effects=(*result.effects, _overload_alert()))
    replies = result.replies
    if replies and replies[-1].key == "menu":
        replies = replies[:-1]
    offered = care.distress(state, respite=kept == "respite")
    return replace(result, replies=(*replies, *offered.replies), effects=(*result.effects, _overload_alert()))


def _overload_for_miss(
    result: StepResult, asked: dict[str, Any] | None, event: Event, profile: Profile
) -> StepResult:
    """A carer's overload told in the middle of a question, where the flow found no answer: the offers
    as at the menu (`_overload`); the open question comes again after the answer."""
    if event.kind != "text" or not asked or not any(repair.is_miss(reply) for reply in result.replies):
        return result
    state = result.state
    if not overload.said(event.text) or _dont_know(event.text):
        return result
    state["prompt"] = asked
    cared = _overload(state, event, profile)
    return cared if cared is not None else result


# --- Dialogue round 17 (tests/test_dialogues_redteam17.py): two conversations at once ---------------


def _several_open(
    state: dict[str, Any], event: Event, now: datetime, profile: Profile, followed: bool
) -> StepResult | None:
    """Round dialogue26: several of the bot's own questions are open at once (an invitation, a check-in,
    "Is het gelukt?", a circle's request; the newest is asked, the others wait; a button of an older one:
    `interleave.older_by_button`). Words that answer an older one by what they name
    ("met mij gaat het prima" under an invitation, "de lamp van Kees hang ik wel op") answer that one.
    Words with an answer for two of them in clauses of their own ("ja ik help Ans, en met mij gaat het
    goed") answer both, the older first; "allebei" answers all that read the same. None: the message
    goes its usual way (a bare "ja" is the newest's, a "dank je" is no answer to an older one)."""
    newest = state.get("prompt")
    # Cheap first: most messages come with at most one of the bot's questions open.
    if event.kind != "text" or event.address_stopped or not interleave.free_standing(newest):
        return None
    if not (olders := interleave.older_questions(state)) or command_in(event.text) is not None:
        return None
    if smalltalk.kind_of(event.text) is not None:
        return None
    questions = [newest, *olders]
    plan = _all_of_them(state, questions, event.text) or _two_answers(state, questions, event.text)
    if plan is not None:
        return _answer_in_turn(state, plan, now, profile, followed)
    whole, _bare = interleave.meant(*_readings(state, questions, event.text))
    if whole is not None and whole > 0:
        return _answer_in_turn(state, [(questions[whole], event.text)], now, profile, followed)
    return None


def _all_of_them(
    state: dict[str, Any], questions: list[dict[str, Any]], text: str
) -> list[tuple[dict[str, Any], str]] | None:
    """ "allebei lukt me niet", "beide doe ik": the same answer to each open question that reads it."""
    if not says_any(text, "dialogue26_all_of_them"):
        return None
    readings, _named = _readings(state, questions, text)
    said = {str(answer).rsplit(":", 1)[-1] for answer in readings if answer is not None}
    meant = [index for index, answer in enumerate(readings) if answer is not None]
    if len(meant) < 2 or len(said) != 1:
        return None
    return [(questions[index], text) for index in reversed(meant)]


def _two_answers(
    state: dict[str, Any], questions: list[dict[str, Any]], text: str
) -> list[tuple[dict[str, Any], str]] | None:
    """The (question, words) of a message whose clauses answer two or more of `questions`, the oldest
    question first; a clause that answers none goes with the answer before it ("ja, maar pas na 2 uur"),
    a bare answer ("jazeker") to another question that it reads when a clause names the newest ("...,
    en de boodschappen doe ik ook"), and thanks are no answer."""
    clauses = [clause.strip() for clause in TWO_ANSWERS.split(text) if clause and clause.strip()]
    if len(clauses) < 2:
        return None
    targets: list[int | None] = []
    bare: list[set[int]] = []
    for clause in clauses:
        if smalltalk.kind_of(clause) is not None:
            targets.append(None)
            bare.append(set())
            continue
        readings, named = _readings(state, questions, clause)
        target, is_bare = interleave.meant(readings, named)
        targets.append(target)
        bare.append({i for i, answer in enumerate(readings) if answer is not None} if is_bare else set())
    firm = {target for target, loose in zip(targets, bare, strict=True) if target is not None and not loose}
    for index, loose in enumerate(bare):
        others = sorted(loose - firm)
        if loose and targets[index] in firm and others:
            targets[index] = others[0]  # "jazeker" beside the newest's named answer: the next question's
    parts: dict[int, list[str]] = {}
    leading: list[str] = []
    last: int | None = None
    for clause, target in zip(clauses, targets, strict=True):
        last = last if target is None else target
        if last is None:
            leading.append(clause)  # "eerst even dit": goes with the first answer
            continue
        parts.setdefault(last, [*leading]).append(clause)
        leading = []
    if len(parts) < 2:
        return None
    # The older questions first (the oldest first), the newest last: none of them asked again after.
    return [(questions[index], ", ".join(parts[index])) for index in sorted(parts, reverse=True)]


def _readings(
    state: dict[str, Any], questions: list[dict[str, Any]], text: str
) -> tuple[list[str | None], list[tuple[bool, bool]]]:
    """What `text` answers at each of `questions` (the newest first), and whether it names each."""
    readings = []
    for question in questions:
        trial = dict(state)  # `repeat_prompt` only sets the prompt and its buttons anew
        trial["prompt"] = question
        repeat_prompt(trial)
        readings.append(chosen(trial, Event(kind="text", text=text)))
    return readings, [interleave.names(question, text) for question in questions]


def _answer_in_turn(
    state: dict[str, Any],
    plan: list[tuple[dict[str, Any], str]],
    now: datetime,
    profile: Profile,
    followed: bool,
) -> StepResult | None:
    """Each (question, words) of `plan` answered in turn, the question made the open one first; the
    questions answered are not asked again in the same reply. None when any part is not understood (the
    message then goes its usual way)."""
    current = deepcopy(state)
    replies: list[Reply] = []
    effects: list[Effect] = []
    said_yes = None
    for question, words in plan:
        if current.get("prompt") != question:
            if question not in interleave.older_questions(current):
                return None
            interleave.bring_forward(current, question)
        result = _route(current, Event(kind="text", text=words), now, profile, followed=followed)
        if any(repair.is_miss(reply) for reply in result.replies):
            return None
        current = result.state
        # The next words are no afterthought to a yes just given ("ja" / "maar pas na 2 uur").
        said_yes = current.pop(invitations.SAID_YES, None) or said_yes
        replies += result.replies
        effects += result.effects
    if said_yes is not None:
        current[invitations.SAID_YES] = said_yes
    answered = [(question["key"], question.get("params") or {}) for question, _ in plan]
    kept = tuple(reply for reply in replies if (reply.key, dict(reply.params)) not in answered)
    return StepResult(current, kept, tuple(effects))


def _interrupting(state: dict[str, Any]) -> bool:
    """The open question is one that arrived in the middle of another, which waits (`resume_prompt`)."""
    below = state.get("resume_prompt")
    return bool(below) and state.get("prompt") not in (None, below)


def _older_by_time(state: dict[str, Any], event: Event, profile: Profile, now: datetime) -> StepResult | None:
    """A time said at a question that interrupted a request's "Wanneer?" ("ja hoor dinsdag is goed" at
    "Is het gelukt?"; conversation.toml [older_question_by_time] lists the newer questions, which read no
    time): the time is the request's. It is taken as that question takes it ("Ik noteer: dinsdag ..."),
    then the newer question is asked again, and the request's next question waits until that is answered.
    Not when the words also wish to meet again ("ja, volgende week weer": the newer question's answer),
    and nothing changes when the request's question cannot read the words."""
    newest, below = state.get("prompt") or {}, state.get("resume_prompt") or {}
    if event.kind != "text" or interpret.PROMPT_CONTEXTS.get(str(below.get("key") or "")) != "ask_when":
        return None
    if f" {newest.get('key')} " not in conversation_words("older_question_by_time"):
        return None
    if (
        meetings.wants_again(event.text)
        or read_time(event.text, language(state), now, mode="message") is None
    ):
        return None
    if chosen(state, event) is not None and interpret.context_of(state) != "consent":
        return None  # "zwaar hoor deze week" at the check-in: its answer, "deze week" no time for the request
    trial = deepcopy(state)
    trial["prompt"] = trial.pop("resume_prompt")
    handler = FLOW_HANDLERS.get(str(trial.get("flow")))
    turn = Turn(trial, event, profile, now, None, "", None)
    taken = handler(turn) if handler is not None else None
    if taken is None or not taken.replies or any(repair.is_miss(reply) for reply in taken.replies):
        return None
    after_state = taken.state
    following = after_state.get("prompt")
    if following:
        after_state["resume_prompt"] = following
    after_state["prompt"] = newest
    told = tuple(reply for reply in taken.replies if not following or reply.key != following.get("key"))
    again = repeat_prompt(after_state)
    if (both := _yes_no_beside_time(after_state, event, profile, now)) is not None:
        # "jazeker, en woensdagochtend graag": the time for the request and the yes for the newer question.
        return replace(both, replies=(*told, *both.replies), effects=(*taken.effects, *both.effects))
    return replace(taken, replies=(*told, *again))


# Where a message of two answers is cut: a clause ends at punctuation or at "and" in the six languages.
TWO_ANSWERS = re.compile(r"[,;.!،؛]+|\s(?:en|and|ve|i|\u0456|та|و)\s", re.IGNORECASE)


def _yes_no_beside_time(
    state: dict[str, Any], event: Event, profile: Profile, now: datetime
) -> StepResult | None:
    """The newer yes/no question answered in a clause of its own beside the request's time ("jazeker, en
    woensdagochtend graag voor de boodschappen"): that answer too, as its button would give it. None
    when every clause carries the time ("ja hoor dinsdag is goed": the yes is about the time)."""
    if interpret.context_of(state) != "consent":
        return None
    lang = language(state)
    rest = [
        clause
        for clause in TWO_ANSWERS.split(event.text)
        if clause.strip() and read_time(clause, lang, now, mode="message") is None
    ]
    if not rest:
        return None
    answer = chosen(state, replace(event, text=" ".join(rest)))
    if answer is None or not (meetings.is_answer(answer) or care.is_answer(answer)):
        return None
    return _route(state, Event(kind="choice", choice=answer), now, profile)


def _reminder_for_miss(
    result: StepResult, asked: dict[str, Any] | None, event: Event, profile: Profile
) -> StepResult:
    """A meeting's reminder answered in the middle of a question, where the flow found no answer to
    that question: "ja hoor, gaat gewoon door" is heard ("Fijn, dan gaat de afspraak met Henk door."),
    words that say more ("ja gaat door maar kan hij iets later komen") go to the neighbour of that
    meeting; then the open question again, nothing said so far lost."""
    state = result.state
    seen = state.get(meetings.REMINDED)
    if event.kind != "text" or not asked or not isinstance(seen, dict):
        return result
    if not any(repair.is_miss(reply) for reply in result.replies):
        return result
    state["prompt"] = asked
    again = repeat_prompt(state)
    yes = interpret.reading("consent", event.text, language(state)).answer == "yes"
    if interleave.goes_on(event.text, yes):
        state.pop(meetings.REMINDED, None)
        return StepResult(state, interleave.reminder_heard(again, str(seen.get("name") or "")))
    relayed = threads.relay_to_thread(state, seen.get("thread_id"), event.text.strip(), profile)
    if relayed is None:
        return result
    state.pop(meetings.REMINDED, None)
    return StepResult(relayed.state, (*relayed.replies, *again), relayed.effects)


# --- Dialogue round 25 (tests/test_dialogues_redteam25.py): after the help, meeting again ----------------

# Questions about Voordeur that, at a meeting's question, are about the help just given: paying for it,
# giving the helper something (flows/faq.py topics).
AFTER_HELP_TOPICS = frozenset({"cost", "gift"})


def _about_thanks(state: dict[str, Any], text: str) -> str | None:
    """ "moet ik iets betalen?", "mag ik hem een bos bloemen geven?" at "Is het gelukt?", "Volgende week
    weer?" or "Doe je mee?" (conversation.toml [unclear_keeps_question]): a question for the bot, not
    words for the neighbour (they were passed on). The FAQ topic, or None."""
    key = str((state.get("prompt") or {}).get("key") or "")
    if not key.startswith("meet_") or f" {key} " not in conversation_words("unclear_keeps_question"):
        return None
    topic = faq.asked(text, language(state), "menu")
    return topic if topic in AFTER_HELP_TOPICS else None


def _thanks_answered(topic: str | None, result: StepResult) -> StepResult:
    """The meeting's answer with the answer to a question about paying or thanking said with it, before
    the question that follows ("Volgende week weer afspreken?" stays last, its buttons with it)."""
    if topic is None:
        return result
    replies = list(result.replies)
    at = next((i for i, reply in enumerate(replies) if reply.choices), len(replies))
    return replace(result, replies=(*replies[:at], *faq.answer(topic), *replies[at:]))
