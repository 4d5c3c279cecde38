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
- batch 1, before any fix (measured on af0c3a4): see BATCH1_BEFORE; after: see the test run.
- batch 2 (held out), measured once as it stood: see BATCH2_BEFORE; after fixing: see the test run.
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

BATCH1_BEFORE = "before any fix: see the module docstring"


@pytest.mark.parametrize("dialogue", as_params(BATCH1))
def test_batch1(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


def test_score_batch1() -> None:
    """Printed for the record (pytest -s)."""
    good, total, whole, count = score([d for d in BATCH1 if not d.gap])
    print(f"batch 1: {good}/{total} turns, {whole}/{count} dialogues")
    assert whole == count
