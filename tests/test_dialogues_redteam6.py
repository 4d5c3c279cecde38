"""Red team of whole conversations, round 6 (round 5: tests/test_dialogues_redteam5.py).

Replayed through `flows.conversation.step` with the golden transcripts' fixed clock (Monday 23 November
2026, 10:00 UTC); each dialogue is data (tests/dialogue_redteam_support.py).

Figures: see the end of this docstring (filled in after scoring).
"""

# ruff: noqa: RUF001

from __future__ import annotations

import pytest

from tests.dialogue_redteam_support import RIA, Dialogue, as_params, assert_holds, menu_state
from tests.test_dialogues_redteam5 import (
    CARER,
    CHECK,
    CHECKIN,
    OPEN_REQUEST,
    THREAD,
    TO_WHEN,
    WITH_THREAD,
)

D = Dialogue
MISSES = ["not_understood", "*_again"]
# Politeness is no miss: no "I did not quite get that", no count toward offering a person.
KIND = {"not_keys": MISSES, "not_says": ["begreep ik niet", "did not quite get"], "state": {"misses": None}}
OFFERS = {"keys": ["distress_offers"], "effect": ["alert_staff"]}
NO_OFFERS = {"not_keys": ["distress_offers"], "no_effect": ["alert_staff"]}
INVITE = {
    "internal": "invite",
    "meta": {
        "request_id": 41,
        "name": "Ans",
        "category": "boodschappen",
        "neighbourhood": "molenwijk",
        "when": {"kind": "asap"},
        "description": "brood halen",
    },
}
SENT = (*TO_WHEN, ("donderdag", {}), ("2", {}), ("1", {"keys": ["ask_summary"]}))

# The gaps round 5 left, each with dialogues that failed before.
GAPS = [
    *[
        D(
            f"{text!r} alone at the menu: a greeting back and the menu, no miss",
            ((text, {**KIND, "keys": ["menu"], "says": ["Hallo!"]}),),
        )
        for text in ("hallo", "goedemorgen", "hoi 👋")
    ],
    D(
        "a greeting alone mid-question: a kind re-ask, twice, never 'offer a person'; then the answer",
        (
            *TO_WHEN,
            ("hallo", {**KIND, "keys": ["ask_when"], "says": ["Hallo!"]}),
            ("goedemiddag!", {**KIND, "keys": ["ask_when"], "not_says": ["MENS"]}),
            ("donderdag", {"keys": ["ask_urgency"]}),
        ),
    ),
    D(
        "'ik weet het niet meer' at the menu is no distress",
        (("ik weet het niet meer", NO_OFFERS),),
    ),
    D(
        "Ukrainian at the menu: 'я більше не витримую'",
        (("я більше не витримую", OFFERS),),
        state=menu_state("uk"),
    ),
    D(
        "Ukrainian 'я більше не витримую' from a Dutch conversation",
        (("я більше не витримую", OFFERS),),
    ),
    D(
        "Ukrainian neighbour: 'я більше не можу'",
        (("я більше не можу", OFFERS),),
        state=menu_state("uk"),
    ),
    D(
        "Turkish: 'artık dayanamıyorum'",
        (("artık dayanamıyorum", OFFERS),),
        state=menu_state("tr"),
    ),
    D(
        "Polish: 'już nie wytrzymuję'",
        (("już nie wytrzymuję", OFFERS),),
        state=menu_state("pl"),
    ),
    D(
        "Arabic: 'لم أعد أحتمل'",
        (("لم أعد أحتمل", OFFERS),),
        state=menu_state("ar"),
    ),
    D(
        "English: 'I can't take it anymore'",
        (("I can't take it anymore", OFFERS),),
        state=menu_state("en"),
    ),
    D(
        "Dutch: 'ik hou het niet meer vol'",
        (("ik hou het niet meer vol", OFFERS),),
    ),
    D(
        "resident in a thread asks whether anyone reacted to her other request: not passed on",
        (
            (
                "is er al iemand voor mijn vraag over de lamp?",
                {"keys": ["request_status_open"], "no_effect": ["relay"]},
            ),
        ),
        profile={**WITH_THREAD, "open_requests": [OPEN_REQUEST]},
    ),
]

# Written before fixing: politeness at different points of a conversation. The bot answers kindly and
# goes on; it never restarts and never counts a miss for politeness.
HELD_OUT = [
    D(
        "'dank je wel!' at the request's summary: thanked back, the summary again",
        (*SENT, ("dank je wel!", {**KIND, "keys": ["ask_summary"]})),
    ),
    D(
        "'fijne dag nog' at the menu",
        (("fijne dag nog", {**KIND, "says": ["jij ook"]}),),
    ),
    D(
        "'👍' at the when-question, then the answer",
        (*TO_WHEN, ("👍", {**KIND, "keys": ["ask_when"]}), ("morgen", {"keys": ["ask_urgency"]})),
    ),
    D(
        "'hoe gaat het met je?' at the menu",
        (("hoe gaat het met je?", {**KIND, "keys": ["menu"], "says": ["gaat het goed"]}),),
    ),
    D(
        "'hoi, hoe gaat het?' while signing up as a volunteer",
        (
            ("2", {"keys": ["offer_categories"]}),
            ("hoi, hoe gaat het?", {**KIND, "keys": ["offer_categories"]}),
            ("3", {"keys": ["offer_reach"]}),
        ),
    ),
    D(
        "'dank je wel Henk!' in a thread goes to the neighbour, no miss",
        (("dank je wel Henk!", {**KIND, "effect": ["relay"], "not_keys": ["menu", *MISSES]}),),
        profile=WITH_THREAD,
    ),
    D(
        "'dank je wel!' at 'Is het gelukt?': no miss, no reset",
        ((CHECK, {"keys": ["meet_check"]}), ("dank je wel!", KIND)),
        profile=WITH_THREAD,
    ),
    D(
        "thanks three times at the menu never escalates",
        tuple(
            (text, {**KIND, "not_keys": [*MISSES, "stuck_staff_told"], "no_effect": ["alert_staff"]})
            for text in ("dank je!", "bedankt hoor", "👍")
        ),
    ),
    D(
        "'goedemiddag' while registering as a carer: the question again, kindly",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("goedemiddag", {**KIND, "keys": ["care_who"]}),
            ("Jan", {"keys": ["care_relation"]}),
        ),
    ),
    D(
        "English 'thanks a lot!' at the menu: answered in English",
        (("thanks a lot!", {**KIND, "says": ["welcome"]}),),
        state=menu_state("en"),
    ),
]

# What the fixes must not break.
GUARDS = [
    *[
        D(
            f"{text!r} at the menu is no greeting",
            ((text, {"not_says": ["Hallo!", "Graag gedaan"]}),),
        )
        for text in ("nog een vraag", "klaar")
    ],
    D(
        "a greeting with a request is the request",
        (("hallo, ik zoek iemand voor de boodschappen", {"keys": ["ask_*"], "not_says": ["Hallo!"]}),),
    ),
    D(
        "a greeting while an invitation is open asks the invitation again, kindly",
        ((INVITE, {"keys": ["invite*"]}), ("hallo", {**KIND, "keys": ["invite*"], "not_keys": ["menu"]})),
    ),
    D(
        "'ok' at the when-question is no politeness answer when the flow reads it",
        (*TO_WHEN, ("morgen", {"keys": ["ask_urgency"], "not_says": ["Fijn!"]})),
    ),
    D(
        "thanks and a time in a thread are passed on",
        (("dank je, tot donderdag", {"effect": ["relay"]}),),
        profile=WITH_THREAD,
    ),
    D(
        "after a crisis answer, thanks gets crisis care, nothing cheerful",
        (
            ("ik wil er niet meer zijn", {"crisis": True}),
            ("dank je", {"keys": ["crisis_followup"], "not_says": ["Graag gedaan"]}),
        ),
    ),
    *[
        D(f"{text!r} at the menu still gets the offers", ((text, OFFERS),), state=menu_state(lang))
        for text, lang in (
            ("ik trek het niet meer", "nl"),
            ("ik kan het niet meer aan", "nl"),
            ("ik ben op", "nl"),
            ("I can't cope anymore", "en"),
            ("Henk, ik trek het allemaal niet meer", "nl"),
        )
    ],
    D(
        "a registered carer's check-in still reads 'ik weet het niet meer' as at her limit",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            ("ik weet het niet meer", {"effect": ["alert_staff"]}),
        ),
        profile=CARER,
    ),
    D(
        "'ik weet het niet meer' in a thread is passed on, no offers",
        (("ik weet het niet meer", {"effect": ["relay"], "not_keys": ["distress_offers"]}),),
        profile={**RIA, "threads": [THREAD]},
    ),
    D(
        "'ik wil mijn vragen zien' in a thread still shows the list",
        (("ik wil mijn vragen zien", {"keys": ["my_requests_list"], "no_effect": ["relay"]}),),
        profile={**WITH_THREAD, "open_requests": [OPEN_REQUEST]},
    ),
    D(
        "a long question to the neighbour about a request is passed on",
        (
            (
                "Henk, heb jij al iemand gevonden die de lamp kan ophangen bij mijn buurvrouw?",
                {"effect": ["relay"]},
            ),
        ),
        profile={**WITH_THREAD, "open_requests": [OPEN_REQUEST]},
    ),
]


@pytest.mark.parametrize("dialogue", as_params(GAPS))
def test_gaps(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(HELD_OUT))
def test_held_out(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue)
