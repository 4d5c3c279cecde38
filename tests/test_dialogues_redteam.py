"""Red team of whole conversations (not single messages): does the bot read in context, repair instead
of resetting, and never lose a crisis across turns?

FIGURES: filled in below.
"""

# ruff: noqa: RUF001

from __future__ import annotations

import pytest

from tests.dialogue_redteam_support import RIA, Dialogue, menu_state, run

D = Dialogue
ASKING = {"keys": ["ask_category"]}
NO_WELCOME: dict = {}
CRISIS = {"crisis": True}
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
CHECKIN = {"internal": "care_checkin", "meta": {"checkin_id": 7, "name": "Jan"}}
CARER = {
    **RIA,
    "care": {
        "care_for": "Jan",
        "relation": "partner",
        "hours": "8_20",
        "rhythm": {"freq": "weekly", "at": "10:00", "weekday": 0},
    },
}
# An ask flow that has reached the "when?" question (category and description known).
TO_WHEN = (("1", {}), ("1", {}), ("melk en brood halen", {"keys": ["ask_when"]}))

BATCH_1 = [
    D(
        "resident: one long polite sentence with filler keeps what it already says",
        (
            (
                "Goedemiddag, ik zou heel graag iemand willen vragen of die voor mij boodschappen kan doen, "
                "melk en brood enzo, als dat kan morgenochtend",
                {"not_keys": ["ask_category", "ask_description", "ask_when"]},
            ),
            ("ja", {"not_keys": ["ask_category", "ask_description", "ask_when", "menu"]}),
        ),
    ),
    D(
        "resident: an answer that does not fit the when-question, then the right one",
        (
            *TO_WHEN,
            ("ik woon op de derde verdieping", {"says": ["morgen"], "not_keys": ["menu", "ask_category"]}),
            ("vrijdagmiddag", {"says": ["vrijdag"], "not_keys": ["ask_when*"]}),
        ),
    ),
    D(
        "resident: corrects the day after it was noted",
        (
            *TO_WHEN,
            ("donderdagochtend", {"says": ["donderdag"], "not_keys": ["ask_when*"]}),
            (
                "nee, ik bedoel vrijdag",
                {"says": ["vrijdag"], "not_says": ["donderdag"], "not_keys": ["ask_category", "menu"]},
            ),
            ("deze week", {"keys": ["ask_visibility"]}),
        ),
    ),
    D(
        "resident: 'wat bedoel je?' at the when-question gets examples, the question stays open",
        (
            *TO_WHEN,
            ("wat bedoel je?", {"says": ["morgen"], "not_keys": ["menu"]}),
            ("morgen om 10 uur", {"says": ["10:00"], "not_keys": ["ask_when*"]}),
        ),
    ),
    D(
        "carer: 'hoe laat dan?' at the day question gets an example",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("Jan", {"keys": ["care_relation"]}),
            ("partner", {"keys": ["care_hours"]}),
            ("ongeveer 10 uur", {"keys": ["care_rhythm"]}),
            ("elke week", {"keys": ["care_day"]}),
            ("hoe laat dan?", {"says": ["bijvoorbeeld"], "not_keys": ["menu"]}),
            ("woensdag 19:00", {"keys": ["care_registered"], "effect": ["care_register"]}),
        ),
    ),
    D(
        "resident: MENU mid-question, then back to where they were",
        (
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            ("menu", {"keys": ["menu"]}),
            ("verder", {"keys": ["ask_description"]}),
            ("brood halen", {"keys": ["ask_when"]}),
        ),
    ),
    D(
        "resident: HELP mid-question does not lose the question",
        (
            *TO_WHEN,
            ("help", {"not_keys": ["welcome"]}),
            ("donderdag", {"says": ["donderdag"], "not_keys": ["ask_when*"]}),
        ),
    ),
    D(
        "resident: STOP mid-flow stops",
        (
            *TO_WHEN,
            ({"command": "stop"}, {"effect": ["set_stopped"], "not_keys": ["ask_when"]}),
        ),
    ),
    D(
        "resident: asks about their earlier request mid-flow, then goes on with the new one",
        (
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            ("hoe staat het met mijn vraag van gisteren?", {"not_keys": ["ask_description_again", "menu"]}),
            ("verder", {"keys": ["ask_description"]}),
        ),
        gap="the description question takes any words, also a question about another request: it is "
        "stored as the description and the flow moves on",
        profile={
            **RIA,
            "open_requests": [
                {
                    "id": 3,
                    "category": "klusjes",
                    "description": "lamp ophangen",
                    "when": {"kind": "asap"},
                    "status": "open",
                }
            ],
        },
    ),
    D(
        "volunteer: conditional yes to an invitation keeps the condition",
        (
            (INVITE, {"keys": ["invite*"]}),
            ("ja maar pas na 2 uur", {"effect": ["answer_invitation"]}),
        ),
    ),
    D(
        "volunteer: invitation arrives mid-offer, a yes, then back to the offer question",
        (
            ("2", {}),
            (INVITE, {"keys": ["invite*"]}),
            ("ja hoor", {"effect": ["answer_invitation"], "says": ["Waarmee wil je helpen"]}),
            ("boodschappen", {"not_says": ["Waarmee wil je helpen"], "not_keys": ["welcome", "menu"]}),
        ),
    ),
    D(
        "carer: check-in turns heavy, help is offered, asks for a person",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            ("het wordt me eigenlijk allemaal te veel", {"keys": ["care_heavy*"]}),
            ("kan ik met iemand praten?", {"effect": ["alert_staff"]}),
        ),
        profile=CARER,
    ),
    D(
        "carer: 'ik kan het niet meer aan' at a check-in is heavy, not a miss",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            (
                "ik kan het niet meer aan",
                {"keys": ["care_heavy*"], "not_keys": ["care_checkin", "not_understood"]},
            ),
            ("ja graag iemand van jullie", {"effect": ["alert_staff"]}),
        ),
        profile=CARER,
    ),
    D(
        "resident: a death wish in the middle of asking is a crisis, then the question goes on",
        (
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            ("eigenlijk wil ik gewoon dood", CRISIS),
            ("brood halen", {"not_keys": ["welcome", "menu"]}),
        ),
    ),
    D(
        "volunteer: violence in the middle of offering is a crisis",
        (
            ("2", {}),
            ("mijn man slaat me als ik de deur uit ga", CRISIS),
        ),
    ),
    D(
        "carer: pills saved up during registration is a crisis",
        (
            ("MANTELZORG", {}),
            ("Jan", {}),
            ("partner", {"keys": ["care_hours"]}),
            ("ik heb pillen gespaard, ik wil er een eind aan maken", CRISIS),
        ),
    ),
    D(
        "Turkish resident: asks, the bot stays in Turkish and notes the day",
        (
            ("menu", {"keys": ["menu"]}),
            ("1", {"keys": ["ask_category"]}),
            ("1", {"keys": ["ask_description"]}),
            ("ekmek ve süt lazım", {"keys": ["ask_when"], "state": {"lang": "tr"}}),
            ("yarın sabah", {"not_keys": ["ask_when*"], "state": {"lang": "tr"}}),
        ),
        state=menu_state("tr"),
    ),
    D(
        "Arabic resident: a death wish mid-flow is a crisis",
        (
            ("1", {}),
            ("أريد أن أموت", CRISIS),
        ),
        state=menu_state("ar"),
    ),
    D(
        "Polish resident: corrects the day",
        (
            *TO_WHEN,
            ("w czwartek rano", {"not_keys": ["ask_when*"]}),
            ("nie, w piątek", {"not_keys": ["ask_category", "menu", "not_understood"], "says": ["piąt"]}),
        ),
        state=menu_state("pl"),
    ),
    D(
        "Ukrainian resident: 'what do you mean?' at the when-question",
        (
            *TO_WHEN,
            ("що ви маєте на увазі?", {"not_keys": ["menu", "ask_category"], "keys": ["ask_when*"]}),
            ("завтра о 10", {"not_keys": ["ask_when*"]}),
        ),
        state=menu_state("uk"),
    ),
    D(
        "volunteer: a category said with a condition",
        (
            ("2", {}),
            (
                "ik kan wel boodschappen doen maar niet te zwaar tillen",
                {"says": ["boodschappen"], "not_keys": ["not_understood"]},
            ),
        ),
    ),
    D(
        "volunteer: availability with a condition 'maar pas na 2 uur'",
        (
            ("2", {}),
            ("1", {}),
            ("1", {}),
            (
                "doordeweeks, maar pas na 2 uur",
                {"not_keys": ["not_understood", "menu"], "not_says": ["Wanneer kun je meestal"]},
            ),
        ),
    ),
    D(
        "resident: corrects the urgency at the next question",
        (
            *TO_WHEN,
            ("donderdag", {"keys": ["ask_urgency"]}),
            ("vandaag nog", {"keys": ["ask_visibility"]}),
            (
                "wacht, het is toch niet zo dringend, deze week is goed",
                {"not_keys": ["not_understood"], "not_says": ["begreep"], "says": ["deze week"]},
            ),
        ),
    ),
    D(
        "Polish resident: a suicide sentence from the menu",
        (("chcę się zabić", CRISIS),),
        state=menu_state("pl"),
    ),
    D(
        "carer: relation in words, hours as a range, then corrects the relation",
        (
            ("MANTELZORG", {}),
            ("Jan", {"keys": ["care_relation"]}),
            ("mijn vader", {"keys": ["care_hours"]}),
            ("dat wisselt, soms 10 soms 30 uur", {"keys": ["care_rhythm"]}),
            ("nee wacht, het is mijn schoonvader", {"not_keys": ["care_rhythm_again", "not_understood"]}),
        ),
        gap="a range of hours ('soms 10 soms 30') is asked again (with repair), not taken as a middle value",
    ),
    D(
        "resident: the same unclear answer twice gets a different re-ask, with a person offered",
        (
            *TO_WHEN,
            ("geen idee eigenlijk", {"says": ["morgen"]}),
            ("weet ik niet", {"says": ["MENS"]}),
        ),
    ),
]


def _ids(dialogues: list[Dialogue]) -> list[object]:
    return [
        pytest.param(d, id=d.name, marks=[pytest.mark.xfail(reason=d.gap, strict=True)] if d.gap else [])
        for d in dialogues
    ]


@pytest.mark.parametrize("dialogue", _ids(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    problems = run(dialogue)
    assert all(not p for p in problems), [(i, p) for i, p in enumerate(problems) if p]
