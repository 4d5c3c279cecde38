"""What happened in someone's life, told in a few words (dialogue round 18, test_dialogues_redteam18.py).

"ik lig in het ziekenhuis tot vrijdag", "ik ben twee weken op vakantie", "mijn man is opgenomen in het
verpleeghuis", "ik heb minder tijd nu, maximaal 1 keer per maand", "ik ga verhuizen naar Zwolle", "dit is
mijn nieuwe nummer": before, most of these got "Dat begreep ik niet" (or a help request for moving or
for WhatsApp). What a person expects is that what the bot does for them changes with it:

- away (a hospital stay, an operation, a holiday) or ill or a baby born: a volunteer's invitations
  paused (until the day said, else how long is asked, with "keep as it is"); a carer's check-ins the
  same; an open request pointed to (MIJN VRAGEN); with nothing to change, said so plainly;
- the one cared for admitted, better, or needing more care: the registration shown to change how often
  (or stop), or the offers of help (a neighbour, respite care, a call back);
- less time (a new job): the offer's weekly limit from the count said ("1 keer per maand" is the lowest
  there is, once a week, said honestly), read back in the offer's summary to confirm;
- moving: to a neighbourhood of the municipality, what to send once moved; elsewhere, that Voordeur is
  only here, and STOP or VERWIJDER MIJ after the move; a move already made here is flows/own_facts.py's;
- a new number or app: KOPPEL's code made at once, with a word of what it is for.

The words are data (flows/understanding/data/life.toml); this module only decides. Pure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from functools import cache
from typing import Any

from flows import care, interpret, menu, offer, places
from flows.dialogue import language, prompt, say
from flows.normalise import folded_words, number_in, says_any, simplify
from flows.pause import amount_words, pause_until, unit_pattern
from flows.profile import Profile
from flows.types import Choice, Effect, Reply, StepResult
from flows.understanding import shorthand
from flows.understanding.checkin import read_checkin
from flows.understanding.text import lexicon

# Read in this order: the first kind whose words are there counts. One's own absence is said in the first
# person ("jestem w szpitalu" is the writer away, though "w szpitalu" alone is the one cared for admitted).
KINDS = (
    "new_number",
    "new_channel",
    "moving",
    "ill",
    "away",
    "admitted",
    "more_care",
    "better",
    "baby",
    "less_time",
)
# News about the one cared for needs a registered carer or a relation said ("mijn moeder is weer beter").
ABOUT_CARED_FOR = frozenset({"admitted", "more_care", "better"})
# The kinds whose news may pause what comes (invitations, check-ins).
AWAY = frozenset({"away", "ill", "baby"})
# Their words read as a request too ("ik heb nu whatsapp" as a computer question): never one here.
LINK_OR_MOVE = frozenset({"moving", "new_number", "new_channel"})
KEEP = Choice("keep", "life_keep")
PAUSE_CHOICES = (*offer.PAUSE_CHOICES, KEEP)
CARE_PAUSE_CHOICES = (*care.PAUSE_CHOICES, KEEP)
# Round dialogue24: "do 12 grudnia", "до 12 грудня", "حتى 12 ديسمبر" (read by flows/pause.py's reader).
_UNTIL = re.compile(r"\b(tot en met|t/m|tot|until|till|do|до|حتى)\s+(.+)$")
# round dialogue29: and the counts of six languages said as words ("dwa tygodnie", "iki hafta").
_AMOUNT_WORDS = "|".join(sorted((re.escape(word) for word in amount_words()), key=len, reverse=True))
_AMOUNT = rf"(?:\d{{1,3}}|een|twee|drie|vier|vijf|zes|a|an|one|two|three|four|{_AMOUNT_WORDS})"
# The units and the Arabic duals of flows/pause.py, which reads what is found here.
_DURATION = re.compile(rf"\b({_AMOUNT}\s+(?:{unit_pattern()})|{unit_pattern(duals=True)})\b")


def says(text: str, section: str) -> bool:
    """Whether a clause of `text` holds a phrase of the section as whole words; "..." in a phrase is up
    to three words, a phrase ending in "$" ends the clause ("ben er ... niet$": "ik ben er donderdag
    niet", not "ik ben er niet zeker van")."""
    pattern = _section_pattern(section)
    return any(pattern.search(folded_words(clause)) for clause in re.split(r"[,.;:!?؟]+", text))


@cache
def _section_pattern(section: str) -> re.Pattern[str]:
    """The section's phrases as one pattern, built once (every message at the menu is asked for several
    sections: building them per message doubled the flow step, session 27)."""
    alternatives = []
    for raw in lexicon("life")[section]["phrases"]:
        parts = [folded_words(part).strip() for part in raw.rstrip("$").split("...")]
        pattern = " " + r"(?:\S+ ){0,3}".join(re.escape(part + " ") for part in parts if part)
        alternatives.append(f"(?:{pattern}$)" if raw.endswith("$") else f"(?:{pattern})")
    return re.compile("|".join(alternatives) or r"(?!)")


def after_invitation_no(result: StepResult, text: str, profile: Profile, now: datetime) -> StepResult:
    """An invitation answered no (or not now) with an absence in the same words ("nee sorry ik ben op
    vakantie tot 10 december"): the answer, and the invitations paused until the end said, or how long
    asked when no end is said and no other question follows."""
    if kind_of(text, profile) not in AWAY or profile.offer is None or not profile.offering:
        return result
    if profile.offer.paused(now):
        return result
    state = result.state
    until = until_said(text, now)
    if until is not None:
        paused = offer.paused_until_result(state, until)
        return StepResult(
            paused.state, (*result.replies, *paused.replies), (*result.effects, *paused.effects)
        )
    if any(reply.choices for reply in result.replies) or state.get("flow") not in (None, "menu"):
        return result
    state["flow"], state["step"] = "offer", "pause"
    return StepResult(
        state, (*result.replies, prompt(state, "life_offer_pause", PAUSE_CHOICES)), result.effects
    )


def absent_said(text: str) -> bool:
    """Words of being away or ill ("ik ben er donderdag niet", "ik ben ziek"), for a meeting ahead."""
    return bool(text.strip()) and not says(text, "not_news") and (says(text, "away") or says(text, "ill"))


def kind_of(text: str, profile: Profile) -> str | None:
    """The kind of news the text tells, or None (also for a request said with it, which goes first,
    and for a wish: "ik zou graag op vakantie gaan")."""
    if not text.strip() or says(text, "not_news"):
        return None
    for kind in KINDS:
        if not says(text, kind):
            continue
        if kind in ABOUT_CARED_FOR and profile.care is None and care.relation_in(text) is None:
            continue
        if kind == "better" and says(text, "about_self"):
            continue
        if says(text, "asks_help") or (kind not in LINK_OR_MOVE and _a_request(text)):
            return None
        return kind
    return None


def _a_request(text: str) -> bool:
    """The words ask for a kind of help with a time, as the menu reads them ("ik moet vrijdag naar het
    ziekenhuis voor controle, om 9 uur"): the request goes first."""
    found = interpret.reading("menu", text, None, None)
    return found.intent == "ask" and found.category is not None and found.confidence >= interpret.CONFIDENT


def told(state: dict[str, Any], text: str, profile: Profile, now: datetime) -> StepResult | None:
    """The answer to news of the person's life at the menu (or at a check-in), or None."""
    kind = kind_of(text, profile)
    if kind is None and (_away_until(text, now) or _pause_until_said(text, profile, now, language(state))):
        kind = "away"  # "ik ben van 1 t/m 20 december in Turkije": being elsewhere until a date
    if kind is None:
        return None
    if kind in AWAY:
        return _away(state, kind, text, profile, now)
    if kind in ABOUT_CARED_FOR:
        return _cared_for(state, kind, profile)
    if kind == "less_time":
        return _less_time(state, text, profile)
    if kind == "moving":
        return _moving(state, text)
    return _link(state, kind)


# --- away, ill, a baby ---------------------------------------------------------------------------------


def until_said(text: str, now: datetime) -> datetime | None:
    """The end of an absence said in words: "tot vrijdag", "t/m 3 december", "twee weken", "for 3 weeks";
    never a moment the absence starts ("ik word volgende week geopereerd" says no end)."""
    for clause in re.split(r"[,.;:!?]+", simplify(text)):
        if (match := _UNTIL.search(clause)) is not None:
            words = match.group(2).split()
            for size in range(min(len(words), 4), 0, -1):
                if (until := pause_until(f"{match.group(1)} {' '.join(words[:size])}", now)) is not None:
                    return until
        if (duration := _DURATION.search(clause)) is not None:
            return pause_until(duration.group(1), now)
    return None


def _end_words(text: str) -> bool:
    """Words that may say an end ("tot ...", "2 weken"), before any date is read (`until_said`)."""
    plain = simplify(text)
    return _UNTIL.search(plain) is not None or _DURATION.search(plain) is not None


def _away_until(text: str, now: datetime) -> bool:
    """Being somewhere until a date said ("ik ben tot 3 januari bij mijn dochter"), no request in it."""
    if says(text, "asks_help") or says(text, "not_news") or not says(text, "being"):
        return False
    return until_said(text, now) is not None


def _pause_until_said(text: str, profile: Profile, now: datetime, lang: str) -> bool:
    """Round dialogue24: a pause asked for in words with its end, from someone with check-ins or an
    offer to pause ("vraag de komende 3 weken maar even niks, we gaan naar onze dochter", "ff niet ...
    tot 10 december"): the words of a pause of the check-ins ([care_pause_asking], shorthand written
    out) beside an end said."""
    # Cheap tests first: most messages name no end and no pause; reading a date is the dear part.
    if (profile.care is None and not profile.offering) or not _end_words(text):
        return False
    expanded = shorthand.expand(text, lang)
    # round dialogue29: "don't ask" beside the end ("dan niet vragen") asks the pause as well.
    asking = says_any(expanded, "care_pause_asking") or says_any(expanded, "dialogue29_dont_ask")
    return asking and until_said(text, now) is not None


def away_at_checkin(state: dict[str, Any], text: str, profile: Profile, now: datetime) -> StepResult | None:
    """A check-in answered with an absence and its end ("ff niet, zit in de zon op Tenerife tot 10
    december 😎"): the pause, not the answer an emoji or a word in it reads as. None otherwise."""
    if profile.threads or not (
        _away_until(text, now) or _pause_until_said(text, profile, now, language(state))
    ):
        return None
    if kind_of(text, profile) not in (None, *AWAY):
        return None
    return told(state, text, profile, now)


def admitted_at_checkin(state: dict[str, Any], text: str, profile: Profile) -> StepResult | None:
    """Round dialogue35: a check-in answered with the one cared for moved into a home or admitted ("hij is
    gisteren naar het verpleeghuis gegaan, ik weet niet goed wat ik nu moet"): the news (the registration,
    to ask less often or stop; staff told), not the Zwaar a word beside it reads. At her limit
    (`read_checkin`'s distress) the answer goes first, as before. None otherwise."""
    if profile.threads or profile.care is None or kind_of(text, profile) != "admitted":
        return None
    if read_checkin(text)[1]:
        return None
    return _cared_for(state, "admitted", profile)


def _away(state: dict[str, Any], kind: str, text: str, profile: Profile, now: datetime) -> StepResult:
    """Invitations and check-ins paused until the day said; when no day is said, how long is asked (for
    the invitations first: one question at a time). An open request is pointed to; nothing to change is
    said so."""
    lead = say(f"life_{kind}_heard")
    until = until_said(text, now)
    offering = profile.offering and profile.offer is not None and not profile.offer.paused(now)
    caring = profile.care is not None and profile.care.rhythm.freq != "never"
    notes = (say("life_requests_note"),) if profile.open_requests else ()
    if until is None and offering:
        state["flow"], state["step"] = "offer", "pause"
        return StepResult(state, (lead, *notes, prompt(state, "life_offer_pause", PAUSE_CHOICES)))
    if until is None and caring and profile.care is not None:
        state["flow"], state["step"] = care.FLOW, "pause"
        state["care"] = {"care_for": profile.care.care_for}
        asked = prompt(state, "life_care_pause", CARE_PAUSE_CHOICES, {"name": profile.care.care_for})
        return StepResult(state, (lead, *notes, asked))
    replies: list[Reply] = [lead]
    effects: list[Effect] = []
    if until is not None and offering:
        paused = offer.paused_until_result(state, until)
        replies += paused.replies
        effects += paused.effects
    if until is not None and caring:
        paused = care.paused_result(state, until)
        replies += paused.replies
        effects += paused.effects
    replies += notes
    if not effects and not notes:
        replies.append(say("life_nothing_to_change"))
    shown = menu.show(state, "menu")
    return StepResult(shown.state, (*replies, *shown.replies), tuple(effects))


# --- the one cared for ---------------------------------------------------------------------------------


def _cared_for(state: dict[str, Any], kind: str, profile: Profile) -> StepResult:
    """Admitted or better: a registered carer sees the registration, to ask less often or stop (staff
    told of an admission, so a buurtverbinder can reach out); more care, or an admission told by
    someone who is no registered carer: the offers of help (a neighbour, respite care, a call back);
    better from someone else: a kind word."""
    if kind == "more_care" or (kind == "admitted" and profile.care is None):
        care.keep_resume(state)
        choices = tuple(Choice(f"care_offer::{offer}", f"care_offer_{offer}") for offer in care.OFFERS)
        return StepResult(state, (prompt(state, f"life_{kind}_offers", choices),))
    if profile.care is None:
        shown = menu.show(state, "menu")
        return StepResult(shown.state, (say("life_better_heard_plain"), *shown.replies))
    shown = care.status_of(state, profile.care, stop_asked=kind == "admitted")
    first, *rest = shown.replies
    alert = Effect("alert_staff", {"kind": "care_admitted", "priority": "normal"})
    effects = (alert,) if kind == "admitted" else ()
    return StepResult(shown.state, (replace(first, lead=f"life_{kind}_heard"), *rest), effects)


# --- less time -----------------------------------------------------------------------------------------


def _less_time(state: dict[str, Any], text: str, profile: Profile) -> StepResult:
    """A volunteer with less time: the weekly limit from the count said, read back to confirm; "per
    maand" is once a week (the lowest), said honestly; no count: how often is asked. Not offering: a kind
    word and the menu."""
    if not profile.offering or profile.offer is None:
        shown = menu.show(state, "menu")
        return StepResult(
            shown.state, (say("life_less_time_heard"), say("life_nothing_to_change"), *shown.replies)
        )
    count = _count(text)
    monthly = says(text, "per_month")
    draft = {**offer.draft_of(profile.offer), "existing": True}
    state["flow"] = "offer"
    state["offer"] = draft
    lead = say("life_less_time_month" if monthly else "life_less_time_heard")
    if monthly or count is not None:
        draft["weekly_limit"] = 1 if monthly else count
        return offer.summary_with(state, [lead])
    draft.pop("weekly_limit", None)
    draft["editing"] = True
    return offer.ask_limit(state, [lead])


def _count(text: str) -> int | None:
    """The count in "maximaal 1 keer per week", "twee keer": a number before "keer"/"times"/"x"."""
    words = simplify(text).replace("x", " x ").split()
    for at, word in enumerate(words[:-1]):
        if words[at + 1] in ("keer", "times", "x", "kez", "razy", "raz", "рази", "раз", "مرة", "مرات"):
            count = number_in(word)
            if count is not None and 1 <= count <= offer.MAX_LIMIT:
                return count
    return None


# --- moving ----------------------------------------------------------------------------------------------


def _moving(state: dict[str, Any], text: str) -> StepResult | None:
    """A move still to come. To a neighbourhood here: what to send once moved. To a place that is
    none of ours: that Voordeur is only in the municipality, and STOP or VERWIJDER MIJ after the move.
    To a street or a "-buurt" the reader does not know, or nowhere named: the new postcode after the move.
    A move already made is None: flows/own_facts.py changes the neighbourhood or asks which (a typo as
    "de Bloemenbuurt" must not be taken for another town)."""
    if says(text, "moved_already"):
        return None
    municipality = places.load_municipality()
    place = _place_named(text)
    match = places.find_neighbourhood(place, municipality) if place else None
    shown = menu.show(state, "menu")
    if match is not None and match.status == "found" and match.neighbourhood is not None:
        reply = say("life_moving_here", {"neighbourhood": match.neighbourhood.name})
    elif place and not _STREETISH.search(simplify(place)):
        reply = say("life_moving_away", {"municipality": municipality.name})
    else:
        reply = say("life_moving_where")
    return StepResult(shown.state, (reply, *shown.replies))


# A place that is a street or a part of a town ("de Bloemenbuurt", "de Kerkstraat"): maybe ours.
_STREETISH = re.compile(r"(buurt|wijk|straat|laan|weg|plein|hof|singel|gracht|kade|dijk)\b")


_NOT_A_PLACE = frozenset({"de", "het", "the", "een", "toe", "verhuizen", "verhuisd", "wonen", "hoor", "nu"})


def _place_named(text: str) -> str:
    """The words after the last "naar"/"to"/"in" of the message ("ik ga verhuizen naar Zwolle" ->
    "Zwolle"), at most three, without an article; "" when none."""
    words = re.findall(r"[\w'-]+", text, flags=re.UNICODE)
    tos = {simplify(w) for w in lexicon("life")["moving_to"]["phrases"]}
    at = max((i for i, w in enumerate(words) if simplify(w) in tos), default=-1)
    if at < 0:
        return ""
    rest = [w for w in words[at + 1 : at + 4] if simplify(w) not in _NOT_A_PLACE]
    return " ".join(rest)


# --- a new number or app ---------------------------------------------------------------------------------


def _link(state: dict[str, Any], kind: str) -> StepResult:
    """KOPPEL's code at once (it comes as the next message), led by what it is for."""
    shown = menu.show(state, "menu")
    return StepResult(shown.state, (say(f"life_{kind}_heard"),), (Effect("create_link_code"),))


def link_for_newcomer(text: str) -> Reply | None:
    """A first message from an unknown address that says it is a new number or app: how to join it to
    the account they have (KOPPEL on the old phone), before the welcome questions."""
    if says(text, "new_number") or says(text, "new_channel"):
        return say("life_link_newcomer")
    return None
