# ruff: noqa: RUF001, E501
"""Red team of whole conversations, round 24: mantelzorgers over weeks.

(Figures and what changed: filled in at the end of the round.)
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    CARER,
    CHECKIN,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
    score,
)

D = Dialogue
MISS = ["not_understood", "*_again"]
# A new carer's registration, up to the rhythm question ("Hoe vaak zal ik vragen hoe het gaat?").
TO_RHYTHM: tuple[tuple[Any, dict[str, Any]], ...] = (
    ("MANTELZORG", {}),
    ("Jan", {}),
    ("partner", {}),
    ("12", {"keys": ["care_rhythm"]}),
)


def week(n: int) -> dict[str, Any]:
    """The check-in of week `n` (a new check-in id each week, as the scheduler sends them)."""
    return {"internal": "care_checkin", "meta": {"checkin_id": 100 + n, "name": "Jan"}}


def L(code: str, **kw: Any) -> dict[str, Any]:
    """A dialogue that starts at the menu in language `code`."""
    return dict(state=menu_state(code), **kw)


def reg(**items: object) -> dict[str, Any]:
    """Registered with a rhythm holding `items` ("freq", "weekday", "at")."""
    return {"effect_has": {"care_register": {f"rhythm.{k}": v for k, v in items.items()}}, "not_keys": MISS}


def answered(*answers: str, **more: Any) -> dict[str, Any]:
    """A check-in answered as one of `answers` (good, okay, heavy)."""
    return {"answer_in": answers, "not_keys": [*MISS, *more.pop("not_keys", [])], **more}


HEAVY = answered("heavy", keys=["care_heavy_offers"])
OKAY = answered("okay", not_keys=["care_heavy_offers"])
GOOD = answered("good", not_keys=["care_heavy_offers"])
NOT_HEAVY = answered("good", "okay", not_keys=["care_heavy_offers"])
NOT_GOOD = answered("okay", "heavy", not_keys=["care_thanks_good"])


def offer(name: str, **more: Any) -> dict[str, Any]:
    """An offer after Zwaar taken, recorded on the check-in as its follow-up."""
    return {"effect_has": {"care_followup": {"offer": name}}, "not_keys": MISS, **more}


def alert(kind: str, priority: str | None = None, **more: Any) -> dict[str, Any]:
    """Staff told: an alert of `kind` (and `priority`)."""
    items: dict[str, str] = {"kind": kind}
    if priority:
        items["priority"] = priority
    return {"alerts": items, "not_keys": MISS, **more}


CALLBACK = {**offer("callback"), "alerts": {"kind": "care_callback", "priority": "high"}}
PAUSED = {"effect": ["care_pause"], "not_keys": MISS}
# The one cared for admitted: heard (a lead on the registration, to ask less often or stop), staff told.
ADMITTED = {
    "keys": ["care_status"],
    "says": ["opgenomen"],
    "alerts": {"kind": "care_admitted"},
    "not_keys": MISS,
}
BEREAVED = {
    "keys": ["care_bereaved"],
    "alerts": {"kind": "bereavement"},
    "not_keys": ["care_heavy_offers", "care_thanks_*", *MISS],
}


def round_check(expect: dict[str, Any], result: Any) -> list[str]:
    """This round's own checks of a turn: `answer_in` (the check-in answer read), `weekday_in` (a rhythm
    registered on one of these days, or the day asked), `alerts` (a staff alert holding these items), `any_effect` (one of
    these effects), `no_alert`."""
    problems = []
    effects = result.effects
    if "answer_in" in expect:
        answers = [e.data.get("answer") for e in effects if e.kind == "care_answer"]
        if not any(a in expect["answer_in"] for a in answers):
            problems.append(f"answer {answers}, not one of {expect['answer_in']}")
    if "weekday_in" in expect:
        days = [e.data.get("rhythm", {}).get("weekday") for e in effects if e.kind == "care_register"]
        day_asked = not days and "care_day" in [r.key for r in result.replies]
        if not day_asked and not any(d in expect["weekday_in"] for d in days):
            problems.append(f"registered on {days}, not one of {expect['weekday_in']}")
    if "alerts" in expect:
        alerts = [e.data for e in effects if e.kind == "alert_staff"]
        if not any(all(a.get(k) == v for k, v in expect["alerts"].items()) for a in alerts):
            problems.append(f"no alert with {expect['alerts']} (alerts {alerts})")
    if "any_effect" in expect:
        kinds = [e.kind for e in effects]
        if not any(k in kinds for k in expect["any_effect"]):
            problems.append(f"none of the effects {expect['any_effect']} (effects {kinds})")
    if expect.get("no_alert") and any(e.kind == "alert_staff" for e in effects):
        problems.append("a staff alert")
    return problems


# Batch 1, written before reading flows/care.py, flows/checkin_talk.py or flows/overload.py.
BATCH_1 = [
    # choosing a rhythm in words
    D("nl rhythm: 'elke zondagavond'", (*TO_RHYTHM, ("elke zondagavond", reg(freq="weekly", weekday=6)))),
    D(
        "nl rhythm: 'om de twee weken op maandag is prima'",
        (*TO_RHYTHM, ("om de twee weken op maandag is prima", reg(freq="biweekly", weekday=0))),
    ),
    D(
        "nl rhythm: 'wekelijks, maar niet in het weekend' is a weekday (or the day asked)",
        (
            *TO_RHYTHM,
            (
                "wekelijks, maar niet in het weekend",
                {"not_keys": MISS, "weekday_in": (0, 1, 2, 3, 4)},
            ),
        ),
    ),
    D(
        "nl rhythm: 'doe maar elke donderdag rond 8 uur s avonds' is Thursday 20:00",
        (
            *TO_RHYTHM,
            ("doe maar elke donderdag rond 8 uur s avonds", reg(freq="weekly", weekday=3, at="20:00")),
        ),
    ),
    D(
        "nl rhythm: 'eens in de 2 weken, vrijdagochtend'",
        (*TO_RHYTHM, ("eens in de 2 weken, vrijdagochtend", reg(freq="biweekly", weekday=4))),
    ),
    D(
        "nl rhythm: 'liever niet, ik meld me wel als het nodig is' is never",
        (*TO_RHYTHM, ("liever niet, ik meld me wel als het nodig is", reg(freq="never"))),
    ),
    D(
        "nl day: 'dinsdags na het eten' is Tuesday",
        (
            *TO_RHYTHM,
            ("1", {"keys": ["care_day"]}),
            ("dinsdags na het eten", reg(freq="weekly", weekday=1)),
        ),
    ),
    D(
        "en rhythm: 'every sunday night pls'",
        (*TO_RHYTHM, ("every sunday night pls", reg(freq="weekly", weekday=6))),
        **L("en"),
    ),
    D(
        "tr rhythm: 'her pazartesi sabah'",
        (*TO_RHYTHM, ("her pazartesi sabah", reg(freq="weekly", weekday=0))),
        **L("tr"),
    ),
    D(
        "pl rhythm: 'co tydzień w środę po południu'",
        (*TO_RHYTHM, ("co tydzień w środę po południu", reg(freq="weekly", weekday=2))),
        **L("pl"),
    ),
    D(
        "uk rhythm: 'щопонеділка ввечері'",
        (*TO_RHYTHM, ("щопонеділка ввечері", reg(freq="weekly", weekday=0))),
        **L("uk"),
    ),
    D(
        "ar rhythm: 'كل يوم جمعة بعد الظهر'",
        (*TO_RHYTHM, ("كل يوم جمعة بعد الظهر", reg(freq="weekly", weekday=4))),
        **L("ar"),
    ),
    D(
        "nl menu: signing up in words starts the registration",
        (
            (
                "ik zorg voor mijn moeder met alzheimer, kunnen jullie af en toe vragen hoe het met mij gaat?",
                {"keys": ["care_who"], "not_keys": ["ask_*", *MISS]},
            ),
        ),
    ),
    # answering check-ins with nuance
    D(
        "check-in: 'gaat wel, maar de nachten zijn zwaar' is not good",
        ((CHECKIN, {}), ("gaat wel, maar de nachten zijn zwaar", NOT_GOOD)),
        profile=CARER,
    ),
    D(
        "check-in: 'beter dan vorige week' is not heavy",
        ((CHECKIN, {}), ("beter dan vorige week", NOT_HEAVY)),
        profile=CARER,
    ),
    D("check-in: 'mwah' is okay", ((CHECKIN, {}), ("mwah", OKAY)), profile=CARER),
    D("check-in: '😐' is okay", ((CHECKIN, {}), ("😐", OKAY)), profile=CARER),
    D("check-in: '💪' is good", ((CHECKIN, {}), ("💪", GOOD)), profile=CARER),
    D(
        "check-in: a long story of a busy week that ends 'we redden het wel' is okay, no life event",
        (
            (CHECKIN, {}),
            (
                "Nou waar zal ik beginnen. Maandag moest hij naar het ziekenhuis voor controle, dinsdag was de "
                "thuiszorg te laat en woensdag ging de wasmachine kapot. Ik ben gewoon moe maar we redden het wel",
                answered("okay", "heavy", not_keys=["life_*", "crisis_*"]),
            ),
        ),
        profile=CARER,
    ),
    D(
        "check-in en: 'meh, could be better' is okay",
        ((CHECKIN, {}), ("meh, could be better", OKAY)),
        profile=CARER,
        **L("en"),
    ),
    D(
        "check-in tr: 'fena değil ama çok yoruldum' is not good",
        ((CHECKIN, {}), ("fena değil ama çok yoruldum", NOT_GOOD)),
        profile=CARER,
        **L("tr"),
    ),
    D("check-in pl: 'jakoś leci' is okay", ((CHECKIN, {}), ("jakoś leci", OKAY)), profile=CARER, **L("pl")),
    D("check-in uk: 'так собі' is okay", ((CHECKIN, {}), ("так собі", OKAY)), profile=CARER, **L("uk")),
    D("check-in ar: 'متعبة جدا' is heavy", ((CHECKIN, {}), ("متعبة جدا", HEAVY)), profile=CARER, **L("ar")),
    # heavier over several check-ins
    D(
        "over weeks: okay, then heavier, then heavy again: told a person gets in touch (staff: the engine)",
        (
            (week(1), {"keys": ["care_checkin"]}),
            ("gaat wel", OKAY),
            (week(2), {"keys": ["care_checkin"]}),
            ("zwaarder dan vorige week eerlijk gezegd", HEAVY),
            ("nee laat maar zitten hoor", offer("none")),
            (week(3), {"keys": ["care_checkin"]}),
            ("nog steeds zwaar, hij slaapt bijna niet meer", {**HEAVY, "says": ["al een tijd zwaar"]}),
        ),
        profile=CARER,
    ),
    D(
        "over weeks: not now the first time, respite care the next",
        (
            (week(1), {}),
            ("3", {"keys": ["care_heavy_offers"]}),
            ("nu even niet hoor", offer("none")),
            (week(2), {"keys": ["care_checkin"]}),
            ("3", {"keys": ["care_heavy_offers"]}),
            ("ja graag iets met respijtzorg", offer("respite")),
        ),
        profile=CARER,
    ),
    D(
        "offers: someone to sit with Jan so she can go to the hairdresser is asking neighbours, words kept",
        (
            (CHECKIN, {}),
            ("zwaar", {"keys": ["care_heavy_offers"]}),
            (
                "kan er woensdagmiddag iemand bij Jan zitten zodat ik naar de kapper kan?",
                offer("ask", not_keys=["ask_category", "ask_what", *MISS]),
            ),
        ),
        profile=CARER,
    ),
    D(
        "offers: 'ik wil graag met de mantelzorgconsulent praten' is a call back",
        ((CHECKIN, {}), ("zwaar", {}), ("ik wil graag met de mantelzorgconsulent praten", CALLBACK)),
        profile=CARER,
    ),
    D(
        "menu, registered: at the limit and asking for a call is handed to a person, high priority",
        (
            (
                "ik trek het echt niet meer, kan er iemand van jullie bellen?",
                {
                    "any_effect": ["request_human", "care_followup"],
                    "alerts": {"priority": "high"},
                    "not_keys": MISS,
                },
            ),
        ),
        profile=CARER,
    ),
    D(
        "menu, registered: someone to sit with her father so she can go to the hairdresser is a request",
        (
            (
                "kan er iemand bij mijn vader zitten zodat ik naar de kapper kan?",
                {"keys": ["ask_*"], "not_keys": ["ask_category", *MISS]},
            ),
        ),
        profile=CARER,
    ),
    D(
        "menu: a volunteer to walk with her mother on Saturday is a request for company",
        (
            (
                "is er een vrijwilliger die zaterdag met mijn moeder kan wandelen? dan kan ik even boodschappen doen",
                {"keys": ["ask_*"], "not_keys": ["ask_category", *MISS]},
            ),
        ),
    ),
    # life events
    D(
        "check-in: 'hij is sinds vrijdag in het verpleeghuis' is heard, staff told",
        (
            (CHECKIN, {}),
            (
                "hij is sinds vrijdag in het verpleeghuis",
                ADMITTED,
            ),
        ),
        profile=CARER,
    ),
    D(
        "menu: 'Jan ligt sinds gisteren in het ziekenhuis' is heard, staff told",
        (
            (
                "Jan ligt sinds gisteren in het ziekenhuis",
                ADMITTED,
            ),
        ),
        profile=CARER,
    ),
    D(
        "check-in: 'Jan is vannacht overleden' is a condolence, no more check-ins, staff told",
        ((CHECKIN, {}), ("Jan is vannacht overleden", {**BEREAVED, "effect": ["care_stop"]})),
        profile=CARER,
    ),
    D(
        "menu: 'mijn man is vorige week overleden' from Jan's carer is a condolence",
        (("mijn man is vorige week overleden", BEREAVED),),
        profile=CARER,
    ),
    D(
        "check-in en: 'he passed away on sunday' is a condolence",
        ((CHECKIN, {}), ("he passed away on sunday", BEREAVED)),
        profile=CARER,
        **L("en"),
    ),
    D(
        "check-in: the bereaved carer says yes to a call: a person calls back",
        (
            (CHECKIN, {}),
            ("mijn Jan is zaterdag gestorven", BEREAVED),
            (
                "ja, bel me maar een keertje",
                {"any_effect": ["request_human", "alert_staff", "care_followup"], "not_keys": MISS},
            ),
        ),
        profile=CARER,
    ),
    # pausing
    D(
        "menu: 'even niet, ik ben op vakantie tot de 15e' pauses the check-ins until 15 December",
        (("even niet, ik ben op vakantie tot de 15e", {**PAUSED, "says": ["15"]}),),
        profile=CARER,
    ),
    D(
        "check-in: 'ben op vakantie tot 6 december, vraag het daarna maar weer' pauses",
        (
            (CHECKIN, {}),
            (
                "ben op vakantie tot 6 december, vraag het daarna maar weer",
                {**PAUSED, "says": ["6 december"]},
            ),
        ),
        profile=CARER,
    ),
    D(
        "tr menu: '2 hafta tatildeyim, sonra sorun' pauses the check-ins",
        (("2 hafta tatildeyim, sonra sorun", PAUSED),),
        profile=CARER,
        **L("tr"),
    ),
    # changing language mid-way
    D(
        "check-in in Dutch answered in English: heavy, and the bot follows to English",
        ((CHECKIN, {}), ("pretty rough week to be honest", {**HEAVY, "state": {"lang": "en"}})),
        profile=CARER,
    ),
    D(
        "menu: 'kun je voortaan in het Engels schrijven?' switches, the registration kept",
        (
            (
                "kun je voortaan in het Engels schrijven?",
                {"state": {"lang": "en"}, "no_effect": ["care_stop", "care_register"]},
            ),
            (week(1), {"keys": ["care_checkin"], "says": ["Jan"], "state": {"lang": "en"}}),
            ("ok I guess", OKAY),
        ),
        profile=CARER,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, round_check)


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    assert repeated_messages(__file__, [*BATCH_1]) == []


def figures(dialogues: list[Dialogue]) -> tuple[int, int, int, int]:
    return score(dialogues, round_check)
