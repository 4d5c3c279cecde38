# ruff: noqa: RUF001, RUF002
"""Red team of whole conversations, round 15: changes after the fact, and the same neighbour again.

People change their minds after they answered or sent something:
- at the summary of a request said with a repeat ("ik wil graag elke week hulp bij de boodschappen") or at a
  later question, a time said alone ("dinsdag om 10 uur", "elke week", "om 10 uur") must be put together
  with the time that stands (every Tuesday 10:00), never dropped or taken for the whole;
- with a request already SENT: "kan het ook woensdag?", "het wordt 11 uur in plaats van 10", "ik wil er nog
  bij zeggen dat ik een rollator heb", "mijn adres is anders": the change read back ("Je vraag wordt: ...
  Klopt dat?"), a yes changes the request (`change_request`, bot/effects/requests.py), invited volunteers
  who did not answer yet see the changed invitation, a matched neighbour is told and asked whether it
  still suits; with several requests, which one;
- "kan Piet weer komen?": the matcher already asks whoever helped the person before first
  (flows/matching.py `helped_before`), but a flow cannot see their names: a kind, honest answer and the
  request started, not the bare menu;
- a volunteer's "ja hoor" then "wel pas morgen, vandaag lukt niet": the yes kept, the condition told.

Figures (turns as expected / turns; dialogues fully as expected / dialogues):
- batch 1 (32 dialogues), before any fix (measured on af0c3a4): 24/63 turns, 7/32 dialogues; after the
  fixes: 65/65 turns, 32/32 dialogues (two turns were added to the Ahmed dialogue while fixing).
- batch 2 (27 dialogues, held out), measured once as it stood: 41/45 turns, 23/27 dialogues (misses: the
  Turkish "salı yerine çarşamba" took the old day, "die aardige jongen van vorige keer", "maar vandaag
  niet hoor morgenochtend kan ik wel" without a comma, "sorry ik moet toch werken" after a yes); after
  fixing them by mechanism (the old value before "yerine", [round15_same_person] "vorige keer", the
  words after a negation as a clause, [round15_reversal] with [round15_busy]): 45/45, 27/27.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    INVITE,
    RIA,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    score,
)

# Ria's request out: groceries on Tuesday 24 November at 10:00 (the clock is Monday 23 November, 10:00).
TUESDAY_10 = {
    "kind": "moment",
    "start": "2026-11-24T10:00:00+01:00",
    "zone": "Europe/Amsterdam",
    "daypart": None,
    "recurrence": None,
}
GROCERIES = {
    "id": 12,
    "category": "boodschappen",
    "description": "boodschappen doen bij de Jumbo",
    "when": TUESDAY_10,
    "status": "open",
}
LAMP = {
    "id": 13,
    "category": "klusjes",
    "description": "lamp ophangen in de gang",
    "when": {**TUESDAY_10, "kind": "flexible", "start": "2026-11-26T09:00:00+01:00"},
    "status": "open",
}
WITH_ONE = {**RIA, "open_requests": [GROCERIES]}
WITH_TWO = {**RIA, "open_requests": [GROCERIES, LAMP]}
PIET = {"id": 5, "other_name": "Piet", "category": "boodschappen", "status": "open"}
MATCHED = {**RIA, "open_requests": [{**GROCERIES, "status": "matched"}], "threads": [PIET]}
ASK_SUMMARY = {"keys": ["ask_summary"]}
CHANGE_ASKED = {"keys": ["request_change_confirm"], "no_effect": ["change_request", "relay"]}
NOT_UNDERSTOOD = "begreep ik niet"
WEEKLY = {"create_request": {"when.recurrence": "weekly"}}


def _change(**items: Any) -> dict[str, Any]:
    """A yes to the read-back: the request changed with these items."""
    return {"effect": ["change_request"], "effect_has": {"change_request": {"request_id": 12, **items}}}


BATCH1 = [
    # --- 1. a time said after the time question, put together with the time that stands ----------------
    Dialogue(
        "b1 summary: 'elke week' request, then 'dinsdag om 10 uur'",
        (
            ("ik wil graag elke week hulp bij de boodschappen", ASK_SUMMARY),
            ("dinsdag om 10 uur", {"keys": ["when_understood"], "says": ["elke week", "dinsdag", "10:00"]}),
            ("1", {"effect_has": {"create_request": {"when.recurrence": "weekly", "when.kind": "moment"}}}),
        ),
    ),
    Dialogue(
        "b1 summary sms: 'op dinsdag om 10 uur graag' after a weekly request",
        (
            ("ik wil graag elke week hulp bij de boodschappen", ASK_SUMMARY),
            (
                "op dinsdag om 10 uur graag",
                {"says": ["elke week", "dinsdag", "10:00"], "not_says": [NOT_UNDERSTOOD]},
            ),
            ("ja", {"effect_has": WEEKLY}),
        ),
    ),
    Dialogue(
        "b1 summary: 'nee het moet op dinsdag om 10 uur' keeps the repeat",
        (
            ("ik wil graag elke week hulp bij de boodschappen", ASK_SUMMARY),
            ("nee het moet op dinsdag om 10 uur", {"says": ["elke week", "dinsdag", "10:00"]}),
        ),
    ),
    Dialogue(
        "b1 summary: a day, then the hour",
        (
            ("ik wil graag elke week hulp bij de boodschappen", ASK_SUMMARY),
            ("dinsdag", {"says": ["elke week", "dinsdag"], "not_says": [NOT_UNDERSTOOD]}),
            ("om 10 uur", {"says": ["elke week", "dinsdag", "10:00"], "not_says": [NOT_UNDERSTOOD]}),
        ),
    ),
    Dialogue(
        "b1 summary: 'elke week' after a day and hour",
        (
            ("kan iemand donderdag om 2 uur met me naar de fysio", ASK_SUMMARY),
            ("elke week", {"says": ["elke week", "donderdag", "14:00"], "not_says": [NOT_UNDERSTOOD]}),
        ),
    ),
    Dialogue(
        "b1 urgency: 'dinsdag om 10 uur' after 'elke week' at the time question",
        (
            ("ik wil graag hulp bij de boodschappen", {}),
            ("elke week", {"keys": ["ask_urgency"]}),
            ("dinsdag om 10 uur", {"says": ["elke week", "dinsdag", "10:00"]}),
        ),
    ),
    Dialogue(
        "b1 summary: 'alleen deze keer' drops the repeat",
        (
            ("ik wil graag elke week hulp bij de boodschappen", ASK_SUMMARY),
            (
                "alleen deze keer, dinsdag om 10 uur",
                {"says": ["noteer: dinsdag", "10:00"], "not_says": ["noteer: elke week"]},
            ),
        ),
    ),
    Dialogue(
        "b1 summary en: 'tuesday at 10' after 'every week'",
        (
            ("i would like help with shopping every week", ASK_SUMMARY),
            ("tuesday at 10", {"says": ["every week", "tuesday", "10:00"]}),
        ),
        state=menu_state("en"),
    ),
    Dialogue(
        "b1 look-alike: 'ja hoor graag' at the summary sends, nothing changed",
        (
            ("ik wil graag elke week hulp bij de boodschappen", ASK_SUMMARY),
            ("ja hoor graag", {"effect": ["create_request"], "effect_has": WEEKLY}),
        ),
    ),
    Dialogue(
        "b1 summary: an hour moves the hour of the day known",
        (
            ("kan er iemand dinsdag om 9 uur met me naar de dokter", ASK_SUMMARY),
            ("om 10 uur", {"says": ["dinsdag", "10:00"], "not_says": ["09:00", NOT_UNDERSTOOD]}),
        ),
    ),
    # --- 2. a request already sent, changed -------------------------------------------------------------
    Dialogue(
        "b1 sent: 'kan het ook woensdag?' keeps the hour",
        (
            ("kan het ook woensdag?", {**CHANGE_ASKED, "says": ["woensdag", "10:00", "Klopt dat"]}),
            (
                "ja",
                {**_change(**{"when.start": "2026-11-25T10:00:00+01:00"}), "keys": ["request_change_done"]},
            ),
        ),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b1 sent: 'het wordt 11 uur in plaats van 10'",
        (
            ("het wordt 11 uur in plaats van 10", {**CHANGE_ASKED, "says": ["dinsdag", "11:00"]}),
            ("ja hoor", _change(**{"when.start": "2026-11-24T11:00:00+01:00"})),
        ),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b1 sent sms: 'het moet toch om half 3'",
        (
            ("het moet toch om half 3", {**CHANGE_ASKED, "says": ["dinsdag", "14:30"]}),
            ("ja", _change(**{"when.start": "2026-11-24T14:30:00+01:00"})),
        ),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b1 sent: 'ik wil er nog bij zeggen dat ik een rollator heb'",
        (
            (
                "ik wil er nog bij zeggen dat ik een rollator heb",
                {**CHANGE_ASKED, "says": ["Jumbo", "rollator"]},
            ),
            ("ja", {"effect": ["change_request"]}),
        ),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b1 sent: 'mijn adres is anders', then the neighbourhood",
        (
            ("mijn adres is anders", {"keys": ["request_change_where"], "no_effect": ["change_request"]}),
            ("bloemhof", {**CHANGE_ASKED, "says": ["Bloemhof"]}),
            ("ja", _change(neighbourhood="bloemhof")),
        ),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b1 sent: a no to the read-back keeps the request",
        (
            ("kan het ook woensdag?", CHANGE_ASKED),
            ("nee laat maar", {"keys": ["request_change_kept"], "no_effect": ["change_request"]}),
        ),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b1 sent, two requests: 'kan het ook woensdag?' asks which",
        (
            ("kan het ook woensdag?", {"keys": ["request_change_pick"], "no_effect": ["change_request"]}),
            ("die van de boodschappen", {**CHANGE_ASKED, "says": ["Jumbo", "woensdag"]}),
            ("ja", _change(**{"when.start": "2026-11-25T10:00:00+01:00"})),
        ),
        profile=WITH_TWO,
    ),
    Dialogue(
        "b1 sent, two requests: the one named in the message",
        (
            ("kan die van de lamp ook vrijdag", {**CHANGE_ASKED, "says": ["lamp", "vrijdag"]}),
            ("ja", {"effect": ["change_request"], "effect_has": {"change_request": {"request_id": 13}}}),
        ),
        profile=WITH_TWO,
    ),
    Dialogue(
        "b1 sent sms: 'kan t ook woensdag' no punctuation",
        (("kan t ook woensdag", {**CHANGE_ASKED, "says": ["woensdag"]}),),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b1 sent en: 'can it be wednesday instead?'",
        (("can it be wednesday instead?", {**CHANGE_ASKED, "says": ["wednesday", "10:00"]}),),
        state=menu_state("en"),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b1 sent, matched: 'kan het ook woensdag?' changes it and asks the neighbour",
        (
            ("kan het ook woensdag?", {**CHANGE_ASKED, "says": ["woensdag"]}),
            ("ja", {**_change(), "keys": ["request_change_done_matched"]}),
        ),
        profile=MATCHED,
    ),
    Dialogue(
        "b1 look-alike: 'woensdag ben ik jarig' is no change",
        (("woensdag ben ik jarig", {"not_keys": ["request_change_confirm", "request_change_pick"]}),),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b1 look-alike: 'dank je wel' with a request out",
        (("dank je wel", {"not_keys": ["request_change*"], "no_effect": ["change_request"]}),),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b1 volunteer: an invitation changed before they answered",
        (
            (INVITE, {"keys": ["invite"]}),
            (
                {"internal": "invite_changed", "meta": {**INVITE["meta"], "when": TUESDAY_10}},
                {"keys": ["invite_changed", "invite"], "says": ["veranderd", "10:00"]},
            ),
            ("ja", {"effect": ["answer_invitation"]}),
        ),
    ),
    Dialogue(
        "b1 volunteer matched: the request changed, still suits?",
        (
            (
                {
                    "internal": "match_changed",
                    "meta": {**INVITE["meta"], "when": TUESDAY_10, "thread_id": 5, "name": "Ria"},
                },
                {"keys": ["match_changed"], "says": ["Ria", "10:00"], "state": {"thread": 5}},
            ),
        ),
    ),
    # --- 3. the same neighbour again ----------------------------------------------------------------------
    Dialogue(
        "b1 again: 'kan Piet weer komen?'",
        (
            (
                "kan Piet weer komen?",
                {"keys": ["helper_again"], "says": ["Piet"], "not_says": [NOT_UNDERSTOOD]},
            ),
        ),
    ),
    Dialogue(
        "b1 again: 'ik wil graag weer met dezelfde mevrouw wandelen'",
        (
            (
                "ik wil graag weer met dezelfde mevrouw wandelen",
                {"keys": ["helper_again*"], "state": {"flow": "ask"}, "not_says": [NOT_UNDERSTOOD]},
            ),
        ),
    ),
    Dialogue(
        "b1 again: 'kan ik Ahmed weer vragen voor volgende week?' keeps the week",
        (
            (
                "kan ik Ahmed weer vragen voor volgende week?",
                {"keys": ["helper_again"], "says": ["Ahmed"], "state": {"flow": "ask"}},
            ),
            ("1", {"keys": ["ask_description"]}),
            ("de ramen lappen", {"not_keys": ["ask_when"]}),
        ),
    ),
    Dialogue(
        "b1 look-alike: 'kan ik weer iets vragen?' is no neighbour again",
        (("kan ik weer iets vragen?", {"not_keys": ["helper_again*"]}),),
    ),
    # --- 4. a volunteer's yes, then when it works -----------------------------------------------------------
    Dialogue(
        "b1 volunteer: 'ja hoor' then 'morgen lukt het wel, vandaag niet'",
        (
            (INVITE, {"keys": ["invite"]}),
            ("ja hoor", {"effect": ["answer_invitation"]}),
            ("morgen lukt het wel, vandaag niet", {"effect": ["invite_note"], "no_effect": ["alert_staff"]}),
        ),
    ),
    Dialogue(
        "b1 volunteer look-alike: 'ja' then 'oh nee sorry, ik kan toch niet' still takes it back",
        (
            (INVITE, {"keys": ["invite"]}),
            ("ja", {"effect": ["answer_invitation"]}),
            ("oh nee sorry, ik kan toch niet", {"keys": ["invite_taken_back"], "no_effect": ["invite_note"]}),
        ),
    ),
    Dialogue(
        "b1 resident matched: 'kan het een uurtje later?' proposes the moved meeting",
        (("kan het een uurtje later?", {"effect": ["relay"]}),),
        profile={**RIA, "threads": [PIET]},
    ),
]

BATCH2 = [
    # --- 1. at the summary and the later questions ----------------------------------------------------------
    Dialogue(
        "b2 summary sms: weekly company, then 'donderdagmiddag'",
        (
            ("ik zou graag elke week iemand hebben om mee te wandelen", ASK_SUMMARY),
            ("donderdagmiddag", {"says": ["elke week", "donderdag"], "not_says": [NOT_UNDERSTOOD]}),
            ("verstuur maar", {"effect_has": WEEKLY}),
        ),
    ),
    Dialogue(
        "b2 summary: 'liever op vrijdag om 11 uur' after a weekly request",
        (
            ("ik wil graag elke week hulp bij de boodschappen", ASK_SUMMARY),
            (
                "liever op vrijdag om 11 uur",
                {"says": ["elke week", "vrijdag", "11:00"], "not_says": [NOT_UNDERSTOOD]},
            ),
        ),
    ),
    Dialogue(
        "b2 summary: 'om de week' after a day and hour",
        (
            ("kan iemand woensdag om 3 uur mijn tuin doen", ASK_SUMMARY),
            ("om de week graag", {"says": ["woensdag", "15:00"], "not_says": [NOT_UNDERSTOOD]}),
        ),
    ),
    Dialogue(
        "b2 summary tr: 'salı saat 10' after 'her hafta'",
        (
            ("her hafta alışveriş için yardım istiyorum", ASK_SUMMARY),
            ("salı saat 10", {"keys": ["when_understood"], "not_says": ["anlayamadım"]}),
        ),
        state=menu_state("tr"),
    ),
    Dialogue(
        "b2 summary pl: 'we wtorek o 10' after 'co tydzień'",
        (
            ("potrzebuję pomocy z zakupami co tydzień", ASK_SUMMARY),
            ("we wtorek o 10", {"keys": ["when_understood"]}),
        ),
        state=menu_state("pl"),
    ),
    Dialogue(
        "b2 look-alike: 'nee' at the summary is no time",
        (
            ("ik wil graag elke week hulp bij de boodschappen", ASK_SUMMARY),
            ("2", {"keys": ["ask_change"], "not_keys": ["when_understood"]}),
        ),
    ),
    # --- 2. a request already sent --------------------------------------------------------------------------
    Dialogue(
        "b2 sent sms: 'kan het donderdag worden ipv dinsdag'",
        (
            ("kan het donderdag worden ipv dinsdag", {**CHANGE_ASKED, "says": ["donderdag", "10:00"]}),
            ("ja graag doe maar", _change(**{"when.start": "2026-11-26T10:00:00+01:00"})),
        ),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b2 sent: 'ik heb me vergist, het moet om 2 uur zijn'",
        (
            ("ik heb me vergist, het moet om 2 uur zijn", {**CHANGE_ASKED, "says": ["dinsdag", "14:00"]}),
            ("klopt", _change(**{"when.start": "2026-11-24T14:00:00+01:00"})),
        ),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b2 sent: 'mag het ook later op de dag, rond 4 uur?'",
        (("mag het ook rond 4 uur?", {**CHANGE_ASKED, "says": ["16:00"]}),),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b2 sent: 'vergeten te zeggen: de bel doet het niet, graag even kloppen'",
        (
            (
                "vergeten te zeggen: de bel doet het niet, graag even kloppen",
                {**CHANGE_ASKED, "says": ["kloppen"]},
            ),
            ("ja", {"effect": ["change_request"]}),
        ),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b2 sent: 'het is op een ander adres, in de oude haven'",
        (
            ("het is op een ander adres, in de oude haven", {**CHANGE_ASKED, "says": ["Oude Haven"]}),
            ("ja", _change(neighbourhood="oude_haven")),
        ),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b2 sent: read-back answered with another day",
        (
            ("kan het ook woensdag?", CHANGE_ASKED),
            ("nee toch liever donderdag", {**CHANGE_ASKED, "says": ["donderdag"]}),
            ("ja", _change(**{"when.start": "2026-11-26T10:00:00+01:00"})),
        ),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b2 sent, two requests: picked by number",
        (
            ("kan het ook vrijdag", {"keys": ["request_change_pick"]}),
            ("2", {**CHANGE_ASKED, "says": ["lamp", "vrijdag"]}),
        ),
        profile=WITH_TWO,
    ),
    Dialogue(
        "b2 sent en: 'i need to change it to thursday'",
        (("i need to change it to thursday please", {**CHANGE_ASKED, "says": ["thursday"]}),),
        state=menu_state("en"),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b2 sent tr: 'salı yerine çarşamba olabilir mi'",
        (("salı yerine çarşamba olabilir mi", {**CHANGE_ASKED}),),
        state=menu_state("tr"),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b2 sent pl: 'czy może być w środę zamiast wtorku'",
        (("czy może być w środę zamiast wtorku", {**CHANGE_ASKED}),),
        state=menu_state("pl"),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b2 look-alike: a new request at the menu with a request out",
        (
            (
                "kan iemand vrijdag mijn hond uitlaten",
                {"not_keys": ["request_change*"], "no_effect": ["change_request"]},
            ),
        ),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b2 look-alike: 'toch bedankt voor alles' with a request out",
        (("toch bedankt voor alles", {"not_keys": ["request_change*"]}),),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b2 look-alike: 'is er al iemand voor dinsdag?' asks how it stands",
        (("is er al iemand voor dinsdag?", {"not_keys": ["request_change*"]}),),
        profile=WITH_ONE,
    ),
    Dialogue(
        "b2 matched: 'kan het een half uurtje later?' still moves the meeting",
        (("kan het een half uurtje later?", {"effect": ["relay"], "not_keys": ["request_change*"]}),),
        profile=MATCHED,
    ),
    # --- 3. the same neighbour again ---------------------------------------------------------------------
    Dialogue(
        "b2 again sms: 'mag meneer Jansen weer komen voor de tuin'",
        (
            (
                "mag meneer Jansen weer komen voor de tuin",
                {"keys": ["helper_again*"], "state": {"flow": "ask"}},
            ),
        ),
    ),
    Dialogue(
        "b2 again: 'die aardige jongen van vorige keer, kan die nog een keer helpen?'",
        (
            (
                "die aardige jongen van vorige keer, kan die nog een keer helpen?",
                {"keys": ["helper_again*"], "not_says": [NOT_UNDERSTOOD]},
            ),
        ),
    ),
    Dialogue(
        "b2 again en: 'could Fatima help me again on friday'",
        (("could Fatima help me again on friday", {"keys": ["helper_again"], "says": ["Fatima"]}),),
        state=menu_state("en"),
    ),
    Dialogue(
        "b2 again, open thread with Piet: the words go to Piet",
        (("kan Piet volgende week weer komen?", {"effect": ["relay"], "not_keys": ["helper_again*"]}),),
        profile={**RIA, "threads": [PIET]},
    ),
    Dialogue(
        "b2 look-alike: 'het gaat weer beter met me' is no neighbour again",
        (("het gaat weer beter met me", {"not_keys": ["helper_again*"]}),),
    ),
    # --- 4. a volunteer's yes, then when it works ----------------------------------------------------------
    Dialogue(
        "b2 volunteer sms: 'ja' then 'maar vandaag niet hoor morgenochtend kan ik wel'",
        (
            (INVITE, {"keys": ["invite"]}),
            ("ja", {"effect": ["answer_invitation"]}),
            (
                "maar vandaag niet hoor morgenochtend kan ik wel",
                {"effect": ["invite_note"], "no_effect": ["alert_staff"]},
            ),
        ),
    ),
    Dialogue(
        "b2 volunteer look-alike: 'ja' then 'sorry ik moet toch werken'",
        (
            (INVITE, {"keys": ["invite"]}),
            ("ja", {"effect": ["answer_invitation"]}),
            ("sorry ik moet toch werken", {"keys": ["invite_taken_back"], "no_effect": ["invite_note"]}),
        ),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH1))
def test_batch1(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


def test_score_batch1() -> None:
    """Printed for the record (pytest -s)."""
    good, total, whole, count = score([d for d in BATCH1 if not d.gap])
    print(f"batch 1: {good}/{total} turns, {whole}/{count} dialogues")
    assert whole == count


@pytest.mark.parametrize("dialogue", as_params(BATCH2))
def test_batch2(dialogue: Dialogue) -> None:
    assert_holds(dialogue)
