# ruff: noqa: RUF001, E501
"""Red team of whole conversations, round 26: one person with many things open.

Ria asks and offers: she cares for Jan (check-ins), offers boodschappen and klusjes (invitations), has a
conversation with Henk (a meeting, its reminder and "Is het gelukt?"), her own request matched with
Marieke, and her mother Truus asks her circle first. The bot's questions arrive between her own turns
(internal events, tests/dialogue_redteam_support.py); she answers late, answers the older one, answers
two in one message ("ja ik help Ans, en met mij gaat het goed"), or writes something new in between.
Checked per turn: the right question answered (its effect), none answered twice or by mistake, and the
question still open asked again where needed. Replayed at the golden clock (Monday 23 November 2026).

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (4e7d2b2).
- Batch 1 (BATCH_1, 32 dialogues; nl 26, en 2, tr/pl/uk/ar 1 each; written before reading
  flows/interleave.py or flows/conversation.py): main 82/106, 12/32 (nl 70/88 12/26; en 4/6 0/2; tr, pl,
  uk, ar 2/3 0/1 each). One test error mended before scoring: the matched profile lacked Marieke's
  thread, and words relayed to her leave the check-in open rather than asking it again (decided, below).
  Three wordings changed for freshness. After its fixes 106/106, 32/32.
- Batch 2 (BATCH_2, 26 dialogues, held out: written after batch 1's fixes, not aimed at them; nl 20, en
  2, tr/pl/uk/ar 1 each): main 72/87, 11/26; before its own fixes (the honest figure) 82/87, 21/26 (nl
  64/69 15/20; en 6/6, tr 3/3, pl 3/3, uk 3/3, ar 3/3 whole). After 88/88, 26/26: one expectation
  changed by decision after scoring (a reminder's "jaja gaat door hoor" in a thread goes to Henk, as
  round 17's guard has it, and the check-in stays open: one turn more), the rest by the fixes below.
- Guards (GUARDS, 7 dialogues, with batch 2's fixes; buttons of an older question, thanks, STOP, a
  crisis, one question open): main 18/23, 4/7; after 23/23, 7/7.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What the bot did, and does now (mechanisms):
- Two answers in one message answered one: "ja ik help Ans, en met mij gaat het goed" gave the check-in
  and asked the invitation again; "ja het is gelukt, en met Jan gaat het wel" went to Henk (relayed, and
  "Is de hulp klaar?"); "zwaar deze week, ik kan niet helpen" lost the Zwaar; "tak, pomogę, a u mnie
  wszystko dobrze" was neither. Now `conversation._several_open`: when the bot's own questions are open
  below the newest (`interleave.older_questions`), each clause (`TWO_ANSWERS`, now also the Arabic
  comma) is read at each question (`_readings`) and given to the one it names by its facts (Ans, the
  lamp, Jan, Henk, Truus, the kind of help: `interleave.names`), else by words that point at that kind of
  question (conversation.toml [dialogue26_names_*]: "met mij", "hier", "ik help", "gelukt", "mama"), else
  the only one it reads, else the newest (`interleave.meant`); a bare "jazeker" beside a named answer to
  the newest is the other question's. Answered in turn, the older first (`_answer_in_turn`, the question
  made the open one by `interleave.bring_forward`), none asked again; "allebei" ([dialogue26_all_of_them])
  gives one answer to every question that reads it. Thanks are no answer to an older question.
- The older question named alone: "met mij gaat het prima" at an invitation over the check-in was a yes
  to the invitation; "de lamp van Kees hang ik wel op" started a request. Now that question is answered
  and the newest asked again after.
- A button of an older question (the check-in's "Goed" under an invitation) asked the check-in once more
  and lost the invitation; "Nee" to "Is het gelukt?" under a check-in lost the check-in. Now
  `interleave.older_by_button` brings that question forward and the newest waits its turn.
- The flow's own question answered under a check-in ("gewoon bij mij thuis" at "Waar zien jullie
  elkaar?", a time at the meeting's "Wanneer?" under an invitation) lost the newer question, and kept the
  answered one as `resume_prompt`; now that is dropped and the newer question waits (conversation.py
  `_route`). A reminder of her own set while a question is open asks that question again.
- "ik heb zelf ook een vraag: wie kan zaterdag mijn gras maaien" at an invitation was a yes with a
  Saturday condition: words asking someone for help ([dialogue26_own_request]) in a message read as a
  request are her own request; the invitation waits and is asked again when it is sent (`_own_request`).
- Readers: "lukte niet" at "Is het gelukt?" (yes_no.toml), "hier gaat het wel" / "met Jan gaat het wel"
  at the check-in (checkin.toml), "de lamp ... hang ik wel op" at an invitation (invitation.toml), "ik
  doe het wel voor mama", "ik doe mama's boodschappen wel" at a circle's request ([option_circle_help_yes],
  yes_no.toml), all in blocks marked round dialogue26.

Decided:
- Words relayed to the neighbour while a check-in is open ("Marieke, kom maar morgen om 10 uur", a
  reminder's "jaja gaat door hoor") leave the check-in open without asking it again; the next answer is
  its.
- "nee hoor met mij gaat het niet zo goed" under an invitation over a check-in is Zwaar (the check-in),
  not a no to the invitation: "met mij" points at the check-in; the invitation is asked after the offers.

Known misses: none left (no strict xfails). Noticed and left alone: a lone "dank je" at the check-in
itself reads as Goed (weak good, checkin.toml); "dank je" at "Is het gelukt?" reads as a yes.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    CARER,
    CHECKIN,
    INVITE,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
)
from tests.test_dialogues_redteam5 import CHECK, OFFER, REMINDER, THREAD
from tests.test_dialogues_redteam17 import INVITE_2

D = Dialogue
MISS = ["not_understood", "*_again"]
# Ria asks and offers: she cares for Jan (check-ins), offers boodschappen and klusjes, and is in a
# conversation with Henk, who helps her (thread 3; CHECK and REMINDER are her meeting with him).
RIA_ALL = {**CARER, "offer": OFFER}
RIA_T = {**RIA_ALL, "threads": [THREAD]}
# Her mother Truus has Ria in her care circle and asks it first.
TRUUS_ASKS = {
    "internal": "circle_request",
    "meta": {"request_id": 15, "name": "Truus", "category": "boodschappen", "when": {"kind": "asap"}},
}
RIA_CIRCLE = {**RIA_ALL, "circle": {"joined": [{"owner_id": 7, "name": "Truus"}]}}
# Her own request (a lamp) found a neighbour: Marieke, thread 5.
MATCH = {
    "internal": "match_found",
    "meta": {"thread_id": 5, "name": "Marieke", "category": "klusjes", "when": {"kind": "asap"}},
}
OWN_REQUEST = {
    "id": 12,
    "category": "klusjes",
    "description": "lamp ophangen",
    "when": {"kind": "asap"},
    "status": "open",
}
MARIEKE = {"id": 5, "other_name": "Marieke", "category": "klusjes", "status": "open"}
RIA_ASKS = {**RIA_ALL, "open_requests": [OWN_REQUEST]}
# The same once Marieke is found (the engine loads the profile afresh for each message).
RIA_MATCHED = {**RIA_ALL, "open_requests": [{**OWN_REQUEST, "status": "matched"}], "threads": [MARIEKE]}
# "Spreek een tijd en plek af met Henk. Waar zien jullie elkaar?" (Ria is the host).
PLAN = {
    "internal": "meet_plan",
    "meta": {
        "thread_id": 3,
        "meeting_id": None,
        "name": "Henk",
        "host": "Ria",
        "host_is_me": True,
        "centre": "",
    },
}


def lang(code: str) -> dict[str, Any]:
    return menu_state(code)


def invite_answer(answer: str, request_id: int = 41) -> dict[str, Any]:
    return {"answer_invitation": {"answer": answer, "request_id": request_id}}


def care(answer: str) -> dict[str, Any]:
    return {"care_answer": {"answer": answer}}


def both(invite: str, checkin: str, **more: Any) -> dict[str, Any]:
    """The invitation and the check-in answered in one message; neither asked again."""
    return {
        "effect_has": {**invite_answer(invite), **care(checkin)},
        "not_keys": [*MISS, "invite", "care_checkin"],
        "no_effect": ["relay"],
        **more,
    }


BATCH_1 = [
    D(
        "invitation, then check-in: 'ja ik help Ans, en met mij gaat het goed' answers both",
        ((INVITE, {}), (CHECKIN, {}), ("ja ik help Ans, en met mij gaat het goed", both("yes", "good"))),
        profile=RIA_ALL,
    ),
    D(
        "invitation, then check-in: 'de boodschappen doe ik wel hoor, en hier gaat het wel' answers both",
        (
            (INVITE, {}),
            (CHECKIN, {}),
            ("de boodschappen doe ik wel hoor, en hier gaat het wel", both("yes", "okay")),
        ),
        profile=RIA_ALL,
    ),
    D(
        "invitation, then check-in: 'gaat wel' is the check-in's, the invitation asked again, then 'ja hoor ik help'",
        (
            (INVITE, {}),
            (CHECKIN, {}),
            (
                "gaat wel",
                {
                    "keys": ["care_thanks_okay", "invite"],
                    "effect_has": care("okay"),
                    "no_effect": ["answer_invitation"],
                },
            ),
            ("ja hoor ik help", {"effect_has": invite_answer("yes"), "not_keys": MISS}),
        ),
        profile=RIA_ALL,
    ),
    D(
        "check-in, then invitation: 'met mij gaat het prima' answers the older check-in, the invitation again",
        (
            (CHECKIN, {}),
            (INVITE, {}),
            (
                "met mij gaat het prima",
                {
                    "keys": ["care_thanks_good", "invite"],
                    "effect_has": care("good"),
                    "no_effect": ["answer_invitation"],
                },
            ),
            ("nee vandaag red ik het niet", {"effect": ["answer_invitation"], "not_keys": MISS}),
        ),
        profile=RIA_ALL,
    ),
    D(
        "check-in, then invitation: 'zwaar deze week, ik kan niet helpen' is a no and Zwaar",
        (
            (CHECKIN, {}),
            (INVITE, {}),
            (
                "zwaar deze week, ik kan niet helpen",
                {"keys": ["care_heavy_offers"], "effect_has": {**invite_answer("no"), **care("heavy")}},
            ),
        ),
        profile=RIA_ALL,
    ),
    D(
        "two invitations and a check-in: 'de lamp van Kees hang ik wel op' answers Kees's; the rest waits its turn",
        (
            (INVITE, {}),
            (INVITE_2, {}),
            (CHECKIN, {}),
            (
                "de lamp van Kees hang ik wel op",
                {
                    "effect_has": invite_answer("yes", 42),
                    "keys": ["care_checkin"],
                    "no_effect": ["care_answer"],
                },
            ),
            ("goed", {"effect_has": care("good"), "keys": ["invite"], "says": ["brood halen"]}),
            ("nee sorry, lukt me niet", {"effect_has": invite_answer("no", 41), "not_keys": MISS}),
        ),
        profile=RIA_ALL,
    ),
    D(
        "in a thread with Henk, an invitation: a bare 'ja' is the invitation's, nothing to Henk",
        ((INVITE, {}), ("ja", {"effect_has": invite_answer("yes"), "no_effect": ["relay"]})),
        profile=RIA_T,
    ),
    D(
        "in a thread, check-in then invitation: 'ja' is the invitation's, then the check-in again",
        (
            (CHECKIN, {}),
            (INVITE, {}),
            (
                "ja",
                {
                    "effect_has": invite_answer("yes"),
                    "no_effect": ["relay", "care_answer"],
                    "keys": ["care_checkin"],
                },
            ),
            ("redelijk", {"effect_has": care("okay"), "no_effect": ["relay"]}),
        ),
        profile=RIA_T,
    ),
    D(
        "'Is het gelukt?' then check-in: 'ja het is gelukt, en met Jan gaat het wel' answers both",
        (
            (CHECK, {}),
            (CHECKIN, {}),
            (
                "ja het is gelukt, en met Jan gaat het wel",
                {
                    "effect_has": {"meet_outcome": {"outcome": "yes"}, **care("okay")},
                    "not_keys": [*MISS, "care_checkin", "meet_check"],
                    "no_effect": ["relay"],
                },
            ),
        ),
        profile=RIA_T,
    ),
    D(
        "'Is het gelukt?' then check-in: 'nee Henk kon niet komen, verder gaat het goed met ons' answers both",
        (
            (CHECK, {}),
            (CHECKIN, {}),
            (
                "nee Henk kon niet komen, verder gaat het goed met ons",
                {
                    "effect_has": {"meet_outcome": {"outcome": "no"}, **care("good")},
                    "not_keys": [*MISS, "care_checkin", "meet_check"],
                    "no_effect": ["relay"],
                },
            ),
        ),
        profile=RIA_T,
    ),
    D(
        "invitation and check-in open: a reminder of her own in between is set, then the check-in again",
        (
            (INVITE, {}),
            (CHECKIN, {}),
            (
                "herinner me woensdag om 9 uur aan de apotheek",
                {
                    "effect": ["remind_create"],
                    "keys": ["care_checkin"],
                    "no_effect": ["care_answer", "answer_invitation"],
                },
            ),
            ("gaat prima", {"effect_has": care("good"), "keys": ["invite"]}),
        ),
        profile=RIA_ALL,
    ),
    D(
        "check-in open when her own request is matched: 'gaat wel hoor' is the check-in's, not Marieke's",
        (
            (CHECKIN, {}),
            (MATCH, {"keys": ["match_found"]}),
            ("ach gaat wel hoor", {"effect_has": care("okay"), "no_effect": ["relay"], "not_keys": MISS}),
        ),
        profile=RIA_MATCHED,
    ),
    D(
        "check-in open when her own request is matched: words for Marieke go to her, the check-in still open",
        (
            (CHECKIN, {}),
            (MATCH, {}),
            (
                "Marieke, kom maar morgen om 10 uur, ik ben thuis",
                {"effect": ["relay"], "no_effect": ["care_answer"]},
            ),
            ("goed", {"effect_has": care("good"), "no_effect": ["relay"]}),
        ),
        profile=RIA_MATCHED,
    ),
    D(
        "her mother's circle asks, then the check-in: 'ik doe het wel voor mama, en met mij gaat het goed'",
        (
            (TRUUS_ASKS, {"keys": ["circle_request"]}),
            (CHECKIN, {}),
            (
                "ik doe het wel voor mama, en met mij gaat het goed",
                {
                    "effect_has": {"circle_help": {"answer": "yes", "request_id": 15}, **care("good")},
                    "not_keys": [*MISS, "circle_request", "care_checkin"],
                },
            ),
        ),
        profile=RIA_CIRCLE,
    ),
    D(
        "check-in, then her mother's circle asks: 'nee' is the circle's, the check-in asked again",
        (
            (CHECKIN, {}),
            (TRUUS_ASKS, {}),
            (
                "nee",
                {
                    "effect_has": {"circle_help": {"answer": "no"}},
                    "keys": ["care_checkin"],
                    "no_effect": ["care_answer"],
                },
            ),
            ("valt mee", {"effect": ["care_answer"], "not_keys": MISS}),
        ),
        profile=RIA_CIRCLE,
    ),
    D(
        "planning where to meet Henk when the check-in comes: 'bij mij thuis' is the meeting's, then its time",
        (
            (PLAN, {"keys": ["meet_where"]}),
            (CHECKIN, {}),
            ("gewoon bij mij thuis", {"keys": ["meet_when"], "no_effect": ["care_answer"]}),
            ("morgen om 3 uur", {"effect": ["meet_propose"], "keys": ["care_checkin"]}),
            ("goed", {"effect_has": care("good"), "not_keys": MISS}),
        ),
        profile=RIA_T,
    ),
    D(
        "the meeting's 'Wanneer?' open when an invitation comes: 'om 3 uur' is the meeting's time",
        (
            (PLAN, {}),
            ("1", {"keys": ["meet_when"]}),
            (INVITE, {}),
            (
                "morgen om 3 uur",
                {"effect": ["meet_propose"], "no_effect": ["answer_invitation"], "keys": ["invite"]},
            ),
        ),
        profile=RIA_T,
    ),
    D(
        "check-in answered, the invitation again: 'dank je' is no yes to it",
        (
            (INVITE, {}),
            (CHECKIN, {}),
            ("goed hoor", {"keys": ["invite"]}),
            ("dank je", {"no_effect": ["answer_invitation"]}),
        ),
        profile=RIA_ALL,
    ),
    D(
        "invitation, then 'Is het gelukt?': 'lukt niet' is the newest's (it did not happen), not a no to Ans",
        (
            (INVITE, {}),
            (CHECK, {}),
            (
                "lukte niet",
                {"effect_has": {"meet_outcome": {"outcome": "no"}}, "no_effect": ["answer_invitation"]},
            ),
        ),
        profile=RIA_T,
    ),
    D(
        "reminder of tomorrow's meeting, then an invitation: 'ja' is the invitation's, nothing to Henk",
        ((REMINDER, {}), (INVITE, {}), ("ja", {"effect_has": invite_answer("yes"), "no_effect": ["relay"]})),
        profile=RIA_T,
    ),
    D(
        "reminder, then an invitation: 'ja hoor morgen gaat door, en de boodschappen kan ik ook wel doen'",
        (
            (REMINDER, {}),
            (INVITE, {}),
            (
                "ja hoor morgen gaat door, en de boodschappen kan ik ook wel doen",
                {"effect_has": invite_answer("yes"), "no_effect": ["relay"], "not_keys": MISS},
            ),
        ),
        profile=RIA_T,
    ),
    D(
        "check-in, then a reminder: 'prima' is the check-in's answer",
        ((CHECKIN, {}), (REMINDER, {}), ("prima", {"effect_has": care("good"), "no_effect": ["relay"]})),
        profile=RIA_T,
    ),
    D(
        "check-in, then invitation: a bare 'nee' is the invitation's, the check-in asked again",
        (
            (CHECKIN, {}),
            (INVITE, {}),
            (
                "nee",
                {"effect_has": invite_answer("no"), "keys": ["care_checkin"], "no_effect": ["care_answer"]},
            ),
        ),
        profile=RIA_ALL,
    ),
    D(
        "her own request open, an invitation: 'ja' helps Ans and leaves her own request alone",
        (
            (INVITE, {}),
            (
                "ja prima",
                {"effect_has": invite_answer("yes"), "no_effect": ["cancel_request", "change_request"]},
            ),
        ),
        profile=RIA_ASKS,
    ),
    D(
        "invitation open, she asks something of her own: a new request starts, the invitation is not answered",
        (
            (INVITE, {}),
            (
                "ik heb zelf ook een vraag: wie kan zaterdag mijn gras maaien",
                {"keys": ["ask_*"], "no_effect": ["answer_invitation"]},
            ),
        ),
        profile=RIA_ALL,
    ),
    D(
        "invitation, then check-in: 'eerst even dit: het gaat goed met ons. en ja ik help' answers both",
        (
            (INVITE, {}),
            (CHECKIN, {}),
            ("eerst even dit: het gaat goed met ons. en ja ik help", both("yes", "good")),
        ),
        profile=RIA_ALL,
    ),
    D(
        "English: invitation and check-in answered in one message",
        ((INVITE, {}), (CHECKIN, {}), ("yes I'll do the shopping, and all good here", both("yes", "good"))),
        state=lang("en"),
        profile=RIA_ALL,
    ),
    D(
        "English: check-in then invitation: a no and a hard week in one",
        (
            (CHECKIN, {}),
            (INVITE, {}),
            (
                "no sorry can't help today. it's been a really hard week with Jan",
                {"keys": ["care_heavy_offers"], "effect_has": {**invite_answer("no"), **care("heavy")}},
            ),
        ),
        state=lang("en"),
        profile=RIA_ALL,
    ),
    D(
        "Turkish: invitation and check-in answered in one message",
        ((INVITE, {}), (CHECKIN, {}), ("evet yardım ederim, ben de iyiyim", both("yes", "good"))),
        state=lang("tr"),
        profile=RIA_ALL,
    ),
    D(
        "Polish: check-in then invitation, both answered",
        ((CHECKIN, {}), (INVITE, {}), ("tak, pomogę, a u mnie wszystko dobrze", both("yes", "good"))),
        state=lang("pl"),
        profile=RIA_ALL,
    ),
    D(
        "Ukrainian: invitation and check-in answered in one message",
        ((INVITE, {}), (CHECKIN, {}), ("так, допоможу. у мене все добре", both("yes", "good"))),
        state=lang("uk"),
        profile=RIA_ALL,
    ),
    D(
        "Arabic: invitation and check-in answered in one message",
        ((INVITE, {}), (CHECKIN, {}), ("نعم أساعد، وأنا بخير", both("yes", "good"))),
        state=lang("ar"),
        profile=RIA_ALL,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


# Batch 2, held out: written after batch 1's fixes, not aimed at them.
BATCH_2 = [
    D(
        "invitation, then 'Is het gelukt?': 'ja' is the check's, its next question, then the invitation again",
        (
            (INVITE, {}),
            (CHECK, {}),
            (
                "ja",
                {
                    "effect_has": {"meet_outcome": {"outcome": "yes"}},
                    "keys": ["meet_again"],
                    "no_effect": ["answer_invitation"],
                },
            ),
            ("nee hoor, dank je", {"keys": ["invite"], "no_effect": ["answer_invitation"]}),
            ("ja hoor dat doe ik", {"effect_has": invite_answer("yes")}),
        ),
        profile=RIA_T,
    ),
    D(
        "check-in, then 'Is het gelukt?': 'het ging prima met Henk, en met Jan gaat het ook goed' answers both",
        (
            (CHECKIN, {}),
            (CHECK, {}),
            (
                "het ging prima met Henk, en met Jan gaat het ook goed",
                {
                    "effect_has": {"meet_outcome": {"outcome": "yes"}, **care("good")},
                    "not_keys": [*MISS, "care_checkin"],
                    "no_effect": ["relay"],
                },
            ),
        ),
        profile=RIA_T,
    ),
    D(
        "her mother's circle, then an invitation: 'ik doe mama's boodschappen wel, die van Ans lukt me niet'",
        (
            (TRUUS_ASKS, {}),
            (INVITE, {}),
            (
                "ik doe mama's boodschappen wel, die van Ans lukt me niet",
                {
                    "effect_has": {"circle_help": {"answer": "yes"}, **invite_answer("no")},
                    "not_keys": [*MISS, "circle_request", "invite"],
                },
            ),
        ),
        profile=RIA_CIRCLE,
    ),
    D(
        "check-in, then invitation: 'gaat wel hoor deze week' is the check-in's, the invitation again",
        (
            (CHECKIN, {}),
            (INVITE, {}),
            (
                "gaat wel hoor deze week",
                {"effect_has": care("okay"), "keys": ["invite"], "no_effect": ["answer_invitation"]},
            ),
        ),
        profile=RIA_ALL,
    ),
    D(
        "check-in, then invitation: 'ja', then 'zwaar', then 'nu even niet' at the offers",
        (
            (CHECKIN, {}),
            (INVITE, {}),
            ("ja", {"effect_has": invite_answer("yes"), "keys": ["care_checkin"]}),
            ("zwaar", {"effect_has": care("heavy"), "keys": ["care_heavy_offers"]}),
            ("nu even niet, later misschien", {"keys": ["care_heavy_later"], "not_keys": MISS}),
        ),
        profile=RIA_ALL,
    ),
    D(
        "reminder, then the check-in: 'jaja gaat door hoor' goes to Henk, the check-in stays open",
        (
            (REMINDER, {}),
            (CHECKIN, {}),
            (
                "jaja gaat door hoor",
                {"effect": ["relay"], "no_effect": ["care_answer"], "not_keys": ["not_understood"]},
            ),
            ("goed hoor", {"effect_has": care("good"), "no_effect": ["relay"]}),
        ),
        profile=RIA_T,
    ),
    D(
        "her own request matched, then an invitation: 'ja' helps Ans, nothing to Marieke",
        ((MATCH, {}), (INVITE, {}), ("ja", {"effect_has": invite_answer("yes"), "no_effect": ["relay"]})),
        profile=RIA_MATCHED,
    ),
    D(
        "her own request matched, then an invitation: 'Marieke bedankt, tot morgen' goes to Marieke, no answer",
        (
            (MATCH, {}),
            (INVITE, {}),
            ("Marieke bedankt, tot morgen!", {"effect": ["relay"], "no_effect": ["answer_invitation"]}),
        ),
        profile=RIA_MATCHED,
    ),
    D(
        "two invitations: 'allebei lukt me niet' says no to both",
        (
            (INVITE, {}),
            (INVITE_2, {}),
            (
                "allebei lukt me deze week niet",
                {"effect_has": {**invite_answer("no", 42)}, "not_keys": ["invite"]},
            ),
        ),
        profile=RIA_ALL,
    ),
    D(
        "invitation, then check-in: 'goed', then 'om 4 uur kan ik' is a yes with its time",
        (
            (INVITE, {}),
            (CHECKIN, {}),
            ("goed", {"effect_has": care("good"), "keys": ["invite"]}),
            ("om 4 uur kan ik", {"effect_has": invite_answer("yes"), "not_keys": MISS}),
        ),
        profile=RIA_ALL,
    ),
    D(
        "invitation, then check-in: 'het gaat wel. de boodschappen wil ik best doen' answers both",
        (
            (INVITE, {}),
            (CHECKIN, {}),
            ("het gaat wel. de boodschappen wil ik best doen", both("yes", "okay")),
        ),
        profile=RIA_ALL,
    ),
    D(
        "check-in, then invitation: 'nee hoor met mij gaat het niet zo goed' is Zwaar, the invitation not refused",
        (
            (CHECKIN, {}),
            (INVITE, {}),
            (
                "nee hoor met mij gaat het niet zo goed",
                {"effect_has": care("heavy"), "no_effect": ["answer_invitation"]},
            ),
        ),
        profile=RIA_ALL,
    ),
    D(
        "check-in, then invitation: 'dank je, ik help wel' is a yes, the check-in again",
        (
            (CHECKIN, {}),
            (INVITE, {}),
            (
                "dank je, ik help wel",
                {"effect_has": invite_answer("yes"), "no_effect": ["care_answer"], "keys": ["care_checkin"]},
            ),
        ),
        profile=RIA_ALL,
    ),
    D(
        "invitation, then check-in: 'Ans help ik morgen wel' answers the invitation, the check-in again",
        (
            (INVITE, {}),
            (CHECKIN, {}),
            (
                "Ans help ik morgen wel",
                {"effect_has": invite_answer("yes"), "no_effect": ["care_answer"], "keys": ["care_checkin"]},
            ),
        ),
        profile=RIA_ALL,
    ),
    D(
        "circle, then invitation: 'nee' is the invitation's, the circle's again, then 'ja'",
        (
            (TRUUS_ASKS, {}),
            (INVITE, {}),
            ("nee", {"effect_has": invite_answer("no"), "keys": ["circle_request"]}),
            ("ja", {"effect_has": {"circle_help": {"answer": "yes"}}}),
        ),
        profile=RIA_CIRCLE,
    ),
    D(
        "invitation, then check-in: '1' is the check-in's Goed, then '2' the invitation's Nee",
        (
            (INVITE, {}),
            (CHECKIN, {}),
            ("1", {"effect_has": care("good"), "keys": ["invite"]}),
            ("2", {"effect_has": invite_answer("no")}),
        ),
        profile=RIA_ALL,
    ),
    D(
        "'Is het gelukt?', then invitation: 'jazeker, en de boodschappen doe ik ook' answers both; weekly asked",
        (
            (CHECK, {}),
            (INVITE, {}),
            (
                "jazeker, en de boodschappen doe ik ook",
                {
                    "effect_has": {"meet_outcome": {"outcome": "yes"}, **invite_answer("yes")},
                    "keys": ["meet_again"],
                    "not_keys": MISS,
                },
            ),
        ),
        profile=RIA_T,
    ),
    D(
        "'Is het gelukt?', then her mother's circle: 'ja is gelukt. en ik doe het wel voor mam'",
        (
            (CHECK, {}),
            (TRUUS_ASKS, {}),
            (
                "ja is gelukt. en ik doe het wel voor mam",
                {
                    "effect_has": {"meet_outcome": {"outcome": "yes"}, "circle_help": {"answer": "yes"}},
                    "not_keys": MISS,
                },
            ),
        ),
        profile={**RIA_CIRCLE, "threads": [THREAD]},
    ),
    D(
        "check-in, then planning with Henk: place and time for the meeting, then the check-in again",
        (
            (CHECKIN, {}),
            (PLAN, {"keys": ["meet_where"]}),
            ("bij mij thuis is prima", {"keys": ["meet_when"], "no_effect": ["care_answer"]}),
            ("donderdag om 2 uur", {"effect": ["meet_propose"], "keys": ["care_checkin"]}),
            ("matig", {"effect_has": care("okay"), "no_effect": ["relay"]}),
        ),
        profile=RIA_T,
    ),
    D(
        "in a thread, check-in then invitation: 'Henk, ik ben er om 3 uur' goes to Henk, nothing answered",
        (
            (CHECKIN, {}),
            (INVITE, {}),
            (
                "Henk, ik ben er om 3 uur",
                {"effect": ["relay"], "no_effect": ["answer_invitation", "care_answer"]},
            ),
        ),
        profile=RIA_T,
    ),
    D(
        "English: check-in, then 'Is het gelukt?': both answered in one message",
        (
            (CHECKIN, {}),
            (CHECK, {}),
            (
                "yes it happened, thanks. and caring for Jan is ok this week",
                {
                    "effect_has": {"meet_outcome": {"outcome": "yes"}, **care("okay")},
                    "not_keys": [*MISS, "care_checkin"],
                },
            ),
        ),
        state=lang("en"),
        profile=RIA_T,
    ),
    D(
        "English: invitation, then check-in: 'honestly a pretty rough week' is the check-in's, the invitation again",
        (
            (INVITE, {}),
            (CHECKIN, {}),
            (
                "honestly a pretty rough week",
                {"effect_has": care("heavy"), "no_effect": ["answer_invitation"]},
            ),
        ),
        state=lang("en"),
        profile=RIA_ALL,
    ),
    D(
        "Turkish: invitation, then check-in: fine, but cannot help today",
        ((INVITE, {}), (CHECKIN, {}), ("iyiyim, ama bugün yardım edemem", both("no", "good"))),
        state=lang("tr"),
        profile=RIA_ALL,
    ),
    D(
        "Polish: invitation, then check-in: a hard week and no help",
        (
            (INVITE, {}),
            (CHECKIN, {}),
            (
                "ciężko w tym tygodniu, nie mogę pomóc",
                {"effect_has": {**invite_answer("no"), **care("heavy")}, "keys": ["care_heavy_offers"]},
            ),
        ),
        state=lang("pl"),
        profile=RIA_ALL,
    ),
    D(
        "Ukrainian: check-in, then invitation: no help, and all right",
        ((CHECKIN, {}), (INVITE, {}), ("ні, не можу допомогти. а в мене все нормально", both("no", "okay"))),
        state=lang("uk"),
        profile=RIA_ALL,
    ),
    D(
        "Arabic: check-in, then invitation: cannot help today, and fine",
        ((CHECKIN, {}), (INVITE, {}), ("لا أستطيع المساعدة اليوم، الحمد لله أنا بخير", both("no", "good"))),
        state=lang("ar"),
        profile=RIA_ALL,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


# Guards, written with batch 2's fixes: buttons of an older question, and what must stay as it was.
GUARDS = [
    D(
        "check-in, then invitation: the check-in's button 'Goed' answers it, the invitation asked again",
        (
            (CHECKIN, {}),
            (INVITE, {}),
            (
                {"choice": "care:7:good"},
                {"effect_has": care("good"), "keys": ["invite"], "not_keys": ["care_checkin"]},
            ),
            ("ja", {"effect_has": invite_answer("yes")}),
        ),
        profile=RIA_ALL,
    ),
    D(
        "'Is het gelukt?', then check-in: its button 'Nee' asks what now, the check-in waits, then 'goed'",
        (
            (CHECK, {}),
            (CHECKIN, {}),
            ({"choice": "meetok:7:no"}, {"keys": ["meet_not_happened"], "effect": ["meet_outcome"]}),
            ({"choice": "meetno:7:leave"}, {"keys": ["care_checkin"]}),
            ("goed", {"effect_has": care("good"), "no_effect": ["relay"]}),
        ),
        profile=RIA_T,
    ),
    D(
        "check-in, then her mother's circle: the check-in's button, then the circle's question again",
        (
            (CHECKIN, {}),
            (TRUUS_ASKS, {}),
            ({"choice": "care:7:okay"}, {"effect_has": care("okay"), "keys": ["circle_request"]}),
        ),
        profile=RIA_CIRCLE,
    ),
    D(
        "invitation, then check-in: thanks answer no invitation",
        ((INVITE, {}), (CHECKIN, {}), ("heel erg bedankt hoor", {"no_effect": ["answer_invitation"]})),
        profile=RIA_ALL,
    ),
    D(
        "invitation, then check-in: STOP stops, nothing answered",
        (
            (INVITE, {}),
            (CHECKIN, {}),
            ("STOP", {"effect": ["set_stopped"], "no_effect": ["answer_invitation", "care_answer"]}),
        ),
        profile=RIA_ALL,
    ),
    D(
        "invitation, then check-in: crisis words beside an answer are a crisis first",
        (
            (INVITE, {}),
            (CHECKIN, {}),
            (
                "ik help Ans wel, maar ik wil er eigenlijk niet meer zijn",
                {"crisis": True, "no_effect": ["answer_invitation", "care_answer"]},
            ),
        ),
        profile=RIA_ALL,
    ),
    D(
        "one question open: 'met mij gaat het goed' at a plain check-in is its answer, as before",
        ((CHECKIN, {}), ("met mij gaat het goed hoor", {"effect_has": care("good"), "not_keys": MISS})),
        profile=RIA_ALL,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


def test_messages_are_new() -> None:
    """No message of more than two words is an earlier round's or the corpus's word for word."""
    assert repeated_messages(__file__, [*BATCH_1, *BATCH_2, *GUARDS]) == []
