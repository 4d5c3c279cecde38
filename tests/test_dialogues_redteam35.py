# ruff: noqa: RUF001, RUF002, E501
"""Red team of whole conversations, round 35: a mantelzorger over weeks.

A carer over several check-ins at the rhythm she chose: signing up and choosing or changing the rhythm in
words ("liever om de week op zondagavond", "niet meer op maandag"), check-ins answered in sentences, the week
it gets heavy ("ik kan het niet meer aan", "ik trek het niet meer", "ben kapot"), the offers answered in
words (later, what does it cost, "mijn man wil geen vreemden in huis", a person), a pause, stopping, the one
cared for who dies or moves to a nursing home, coming back. Every turn is also checked to reach her wholly
in her language (round 29's check), never to ask the same question twice in a row (`*_again`), and where
she is handed over, that staff get her own words (`staff_hears`). Replayed at the golden clock (Monday 23
November 2026, 10:00) with `carer(code)` (asked every Monday 10:00) or `new(code)` (known, no carer yet).

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (bc71070).
- Batch 1 (BATCH_1, 25 dialogues: nl 14, tr 2, ar 3, pl 2, uk 2, en 2; written before reading the flows):
  main 53/75, 8/25 (nl 29/40 7/14; tr 5/7 0/2; ar 4/7 1/3; pl 4/6 0/2; uk 3/5 0/2; en 8/10 0/2). Seven
  wordings were changed before any fix (found word for word in earlier rounds); as first checked (without
  `no_repair`, added with the fixes when "Dat begreep ik niet helemaal" was seen passing as a lead) main was
  55/75, 9/25. After 69/75, 19/25; the 6 turns left are strict xfails (below).
- Batch 2 (BATCH_2, 22 dialogues, held out: other carers and wordings, scored before any fix): main, the
  honest figure, 43/59, 11/22 (nl 27/33 8/12; tr 4/5 1/2; ar 4/7 0/2; pl 1/3 1/2; uk 4/6 1/2; en 3/5 0/2);
  47/59, 13/22 with the check as first written. After 56/59, 19/22.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What the bot did before: "ik hoef die vragen niet meer, dank je" (stopping the check-ins) was 113 and a
crisis alert. "later", "sonra", "później" at the offers were not understood. "hij is gisteren naar het
verpleeghuis gegaan, ik weet niet goed wat ik nu moet" at a check-in was Zwaar, no staff alert;
"moeder woont nu in een verzorgingshuis", "mum moved into a care home", "زوجي دخل دار رعاية المسنين"
were no news. After "minder vaak, of stoppen?" a stop was asked again ("Wil je stoppen?"), "stoppen maar"
at the offers asked whether ALL messages should stop, "proszę już nie pytać" showed the registration again.
Her day left out ("niet meer op maandag graag", "pazartesi olmasın, iki haftada bir pazar akşamı sorun",
"питайте краще по неділях увечері, не в понеділок") was "Dat begreep ik niet"; "maandag is lastig
geworden, mag het voortaan op woensdagavond?" got the Zwaar offers; "could you stop asking on mondays and
do thursday mornings instead" asked whether to stop. "od soboty jesteśmy u siostry przez 10 dni, proszę nie
pytać" moved the check-ins to Saturday. At the offers "mijn man wil geen vreemden in huis" was not
understood and its Arabic "لا يريد" was "Nu even niet"; "так, нехай хтось подзвонить", "لم أعد أتحمل" at a
check-in, "how much does that cost?" were misses.

What changed (mechanisms; words in blocks marked "round dialogue35"):
- crisis.toml [concepts.stop_words]: the check-in questions named ("die vragen", "these questions") guard
  "ik hoef ... niet meer" as they guard "berichten".
- care.offer_in_words: a message that is only "later" ([care_later_alone], as at the check-in) is not now.
- life.toml [admitted]: moved into a home in more words and languages; life_events.admitted_at_checkin
  (conversation.py, beside `away_at_checkin`): at a check-in the news goes before a Zwaar read beside it,
  unless she is at her limit. care.status_of(stop_asked=...): after the admission lead asked "minder vaak,
  of stoppen?", Stoppen ends at once; stopping said in words ([care_stop_asking]) at the registration is
  Stoppen.
- care._day_left_out (in about_checkins): a clause with words of leaving a day out
  ([dialogue24_rhythm_except], [dialogue35_day_off]) that names her check-in weekday is a day not wanted,
  not a stop: another day said in the rest is registered (how often said, else as it was), else the day is
  asked.
- care.no_strangers_at_offers ([dialogue35_no_strangers], text `care_no_strangers` in six languages): help
  outside the house or a call, then the offers again.
- Words: [care_offer_call] someone who calls said of them (uk/pl); checkin.toml Arabic at the limit;
  faq.toml [cost] the cost of what was just offered (en, tr, Darija).

Decided: tests/test_dialogues_redteam18.py's admission then "3" (Stoppen) now ends the check-ins
(`care_ended`), where it asked "Wil je stoppen?" after the lead had asked just that.

KNOWN_MISSES (strict xfails, `gap=`): staff alerts store no words (STAFF_WORDS: 4 dialogues; the console's
person page shows her messages, but the call-back alert does not say why); back before a pause ends
(2; the lead's session 31 mended it: flows/care.py back_early, [care_back]); "dan kan ik even weg" beside someone to sit with him is read as respite; Darija in Latin
letters "jouj simanat ... ma tsewlnich" is no pause; a full rhythm said in the first message of a sign-up is
asked again after the hours. Noticed, not fixed: a bare "لا", "nie", "ні", "nee" anywhere in a sentence at
the offers ([care_offer_none]) reads as "Nu even niet" ("mój mąż nie chce ..."); only the no-strangers
sentence is caught before it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    CARER,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
    score,
)
from tests.test_dialogues_redteam29 import round_check as round29_check

MISS = ["not_understood", "*_again"]

# Carers who write their own language: a first name, the one cared for, the relation.
NAMES = {
    "nl": ("Marja", "Kees", "partner"),
    "en": ("Linda", "Rose", "parent"),
    "tr": ("Emine", "Ali", "parent"),
    "ar": ("Naima", "Hassan", "partner"),
    "pl": ("Danuta", "Zofia", "parent"),
    "uk": ("Oksana", "Mykola", "partner"),
}


def carer(code: str, **rhythm: Any) -> dict[str, Any]:
    """A registered carer who writes `code`, asked every Monday at 10:00 unless `rhythm` says else."""
    first, cared, relation = NAMES[code]
    return {
        **CARER,
        "first_name": first,
        "care": {
            **CARER["care"],
            "care_for": cared,
            "relation": relation,
            "rhythm": {"freq": "weekly", "at": "10:00", "weekday": 0, **rhythm},
        },
    }


def new(code: str) -> dict[str, Any]:
    """Someone known (consented) but no carer yet, who writes `code`."""
    return {**carer(code), "care": None}


def week(n: int, code: str) -> dict[str, Any]:
    """The check-in of week `n` about the one `code`'s carer cares for."""
    return {"internal": "care_checkin", "meta": {"checkin_id": 350 + n, "name": NAMES[code][1]}}


def C(name: str, code: str, turns: tuple[tuple[Any, dict[str, Any]], ...], **kw: Any) -> Dialogue:
    """A conversation in `code`: every turn must reach the person wholly in `code`."""
    kw.setdefault("profile", carer(code))
    kw.setdefault("state", menu_state(code))
    turns = tuple((sent, {"lang": code, **expect}) for sent, expect in turns)
    return Dialogue(f"{code}: {name}", turns, **kw)


def reg(**items: object) -> dict[str, Any]:
    """Registered with a rhythm holding `items` ("freq", "weekday", "at")."""
    return {"effect_has": {"care_register": {f"rhythm.{k}": v for k, v in items.items()}}, "not_keys": MISS}


def answered(*answers: str, **more: Any) -> dict[str, Any]:
    """A check-in answered as one of `answers` (good, okay, heavy)."""
    return {"answer_in": answers, "not_keys": [*MISS, *more.pop("not_keys", [])], **more}


HEAVY = answered("heavy", keys=["care_heavy_offers"])
OKAY = answered("okay", not_keys=["care_heavy_offers"])
GOOD = answered("good", not_keys=["care_heavy_offers"])
NOT_GOOD = answered("okay", "heavy", not_keys=["care_thanks_good"])
ASKED = {"keys": ["care_checkin"]}
WHO = {"keys": ["care_who"], "not_keys": ["ask_*", *MISS]}
DAY = {"keys": ["care_day"], "not_keys": MISS}
# At the limit in words: heavy, and staff told at once.
LIMIT = {**HEAVY, "alerts": {"kind": "care_distress"}}


def offer(name: str, **more: Any) -> dict[str, Any]:
    """An offer after Zwaar taken, recorded on the check-in as its follow-up."""
    return {"effect_has": {"care_followup": {"offer": name}}, "not_keys": MISS, **more}


CALLBACK = {**offer("callback"), "alerts": {"kind": "care_callback", "priority": "high"}}
LATER = offer("none", not_keys=["care_heavy_offers", *MISS])
# A question or a doubt at the offers: answered, no offer taken, no request started, the offers still open.
AT_OFFERS = {
    "not_keys": ["ask_*", *MISS],
    "no_effect": ["care_followup", "create_request"],
    "no_repair": True,
}


def paused(code: str, **more: Any) -> dict[str, Any]:
    """The check-ins paused, told until when (no Dutch month outside nl/en)."""
    foreign = [] if code in ("nl", "en") else ["december", "januari"]
    return {"effect": ["care_pause"], "keys": ["care_paused"], "not_keys": MISS, "not_says": foreign, **more}


STOP_ASKED = {"keys": ["care_end_question"], "not_keys": MISS}
STOPPED = {"effect": ["care_stop"], "not_keys": MISS}
# The one cared for died: a condolence, no more check-ins, staff told, nothing cheerful.
BEREAVED = {
    "keys": ["care_bereaved"],
    "effect": ["care_stop"],
    "alerts": {"kind": "bereavement"},
    "not_keys": ["care_heavy_offers", "care_thanks_*", *MISS],
}
# The one cared for moved to a nursing home: heard kindly, staff told, nothing cheerful.
MOVED = {"alerts": {"kind": "care_admitted"}, "not_keys": ["care_thanks_*", "care_heavy_offers", *MISS]}
RESUMED = {"any_effect": ["care_pause", "care_register"], "not_keys": ["care_who", *MISS]}


def round_check(expect: dict[str, Any], result: Any) -> list[str]:
    """Round 29's checks (language, `answer_in`, `alerts`, `any_effect`, `keys_any`, ...) and
    `no_repair` (no "Dat begreep ik niet helemaal" lead), and
    `staff_hears`: her words carried by what reaches staff (an alert, a handover, the offer's follow-up)."""
    problems = round29_check(expect, result)
    if expect.get("no_repair") and any((r.lead or "").startswith("repair") for r in result.replies):
        problems.append("not understood (a repair lead)")
    if "staff_hears" in expect:
        carried = json.dumps(
            [e.data for e in result.effects if e.kind in ("alert_staff", "request_human", "care_followup")],
            ensure_ascii=False,
        ).casefold()
        for words in expect["staff_hears"]:
            if words.casefold() not in carried:
                problems.append(f"staff do not hear {words!r} ({carried[:300]})")
    return problems


# Known misses (strict xfails), the reasons shared by several dialogues.
STAFF_WORDS = (
    "staff alerts carry no words (storage StaffAlert: kind and priority); staff read her words on the person's "
    "page, but the call-back alert does not hold why ('geen vreemden in huis'): a note on the alert is a "
    "storage change, left to the lead"
)


# Batch 1, written before reading flows/care.py, flows/checkin_talk.py or flows/overload.py.
BATCH_1 = [
    # Dutch
    C(
        "signs up, the rhythm said in words: every other week on Sunday evening",
        "nl",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("Kees", {"keys": ["care_relation"]}),
            ("mijn man", {"keys": ["care_hours"]}),
            ("zo'n 30 uur", {"keys": ["care_rhythm"], "not_keys": MISS}),
            ("liever om de week op zondagavond", reg(freq="biweekly", weekday=6)),
        ),
        profile=new("nl"),
    ),
    C(
        "changes the day at the menu: not on Monday any more, Thursday suits better",
        "nl",
        (("kun je het voortaan niet meer op maandag vragen? donderdag komt beter uit", reg(weekday=3)),),
    ),
    C(
        "'niet meer op maandag' alone: the day asked, then Friday",
        "nl",
        (
            ("niet meer op maandag graag", {"keys_any": ["care_day", "care_rhythm"], "not_keys": MISS}),
            ("vrijdag dan maar", reg(weekday=4)),
        ),
    ),
    C(
        "over weeks: so-so in a sentence, then at the limit, then company for him",
        "nl",
        (
            (week(1, "nl"), ASKED),
            ("gaat wel, maar hij slaapt slecht en ik dus ook", NOT_GOOD),
            (week(2, "nl"), ASKED),
            ("ik kan het niet meer aan eerlijk gezegd", LIMIT),
            ("kan er zaterdagmiddag iemand bij Kees zitten? dan kan ik even weg", offer("ask")),
        ),
        gap="'dan kan ik even weg' beside someone to sit with him is read as respite (the respite words win over the request reading at the offers)",
    ),
    C(
        "heavy, asks what it costs, then takes the respite",
        "nl",
        (
            (week(1, "nl"), ASKED),
            ("ik trek het gewoon niet meer, sorry", HEAVY),
            ("wat kost dat?", {**AT_OFFERS, "says": ["gratis"]}),
            ("doe maar die respijtzorg", offer("respite")),
        ),
    ),
    C(
        "heavy, her husband wants no strangers at home, then a call: staff hear why",
        "nl",
        (
            (week(1, "nl"), ASKED),
            ("ben kapot", HEAVY),
            ("mijn man wil geen vreemden in huis", AT_OFFERS),
            ("bel me maar op", {**CALLBACK, "staff_hears": ["vreemden"]}),
        ),
        gap=STAFF_WORDS,
    ),
    C(
        "heavy, then 'later'",
        "nl",
        (
            (week(1, "nl"), ASKED),
            ("best zwaar deze week hoor", HEAVY),
            ("later", {**LATER, "says": ["ZWAAR"]}),
        ),
    ),
    C(
        "heavy, then the buurtverbinder asked for",
        "nl",
        (
            (week(1, "nl"), ASKED),
            ("het gaat slecht, ik ben op", HEAVY),
            ("ja, ik wil graag met de buurtverbinder praten", CALLBACK),
        ),
    ),
    C(
        "a pause to her sister said at the menu, then back early",
        "nl",
        (
            ("we gaan twee weken naar mijn zus", paused("nl")),
            ("we zijn weer thuis, je mag weer vragen hoe het gaat", RESUMED),
        ),
    ),
    C(
        "a pause said at the check-in",
        "nl",
        (
            (week(1, "nl"), ASKED),
            ("druk met inpakken, we gaan morgen 10 dagen naar mijn zus", paused("nl")),
        ),
    ),
    C(
        "stops the check-ins in words, confirms",
        "nl",
        (("ik hoef die vragen niet meer, dank je", STOP_ASKED), ("ja", STOPPED)),
    ),
    C(
        "the one cared for died, told at the check-in, then no call wanted",
        "nl",
        (
            (week(1, "nl"), ASKED),
            ("Kees is zondag overleden", {**BEREAVED, "not_says": ["fijn"]}),
            (
                "nee hoeft niet, mijn broer is er",
                {"not_keys": ["care_checkin", "care_thanks_*", *MISS], "not_says": ["fijn"]},
            ),
        ),
    ),
    C(
        "he moved to a nursing home, told at the check-in, then stop",
        "nl",
        (
            (week(1, "nl"), ASKED),
            ("hij is gisteren naar het verpleeghuis gegaan, ik weet niet goed wat ik nu moet", MOVED),
            ("stoppen maar", STOPPED),
        ),
    ),
    C(
        "comes back after stopping: the registration again, the rhythm in words",
        "nl",
        (
            (
                "ik wil toch weer dat jullie vragen hoe het met me gaat",
                {"keys_any": ["care_who", "care_rhythm"], "not_keys": MISS},
            ),
        ),
        profile=new("nl"),
    ),
    # Turkish
    C(
        "over weeks: so-so with sleepless nights, then can't carry it, the cost, then a neighbour for shopping",
        "tr",
        (
            (week(1, "tr"), ASKED),
            ("idare eder ama babam geceleri uyumuyor, ben de uyuyamıyorum", NOT_GOOD),
            (week(2, "tr"), ASKED),
            ("artık kaldıramıyorum", HEAVY),
            ("bunun ücreti ne kadar?", AT_OFFERS),
            ("bir komşu bizim için alışverişe gidebilir mi", offer("ask")),
        ),
    ),
    C(
        "changes the rhythm: every other week on Sunday evening",
        "tr",
        (("pazartesi olmasın, iki haftada bir pazar akşamı sorun", reg(freq="biweekly", weekday=6)),),
    ),
    # Arabic: script and Darija in Latin letters
    C(
        "heavy, her husband wants no strangers at home, then a call",
        "ar",
        (
            (week(1, "ar"), ASKED),
            ("لم أعد أتحمل", HEAVY),
            ("زوجي لا يريد غرباء في البيت", AT_OFFERS),
            ("اتصلوا بي من فضلكم", {**CALLBACK, "staff_hears": ["غرباء"]}),
        ),
        gap=STAFF_WORDS,
    ),
    C(
        "the one cared for died, told at the check-in",
        "ar",
        ((week(1, "ar"), ASKED), ("زوجي توفي يوم الأحد", BEREAVED)),
    ),
    C(
        "a pause in Darija: two weeks at her sister's",
        "ar",
        (("ghadi nmchi l dar khti jouj simanat, ma tsewlnich", paused("ar")),),
        gap="Darija in Latin letters: 'jouj simanat' (two weeks) and 'ma tsewlnich' (don't ask me) are not read",
    ),
    # Polish
    C(
        "mother moved to a care home, told at the check-in, then stop",
        "pl",
        (
            (week(1, "pl"), ASKED),
            ("mama od wczoraj jest w domu opieki", MOVED),
            ("proszę już nie pytać", STOPPED),
        ),
    ),
    C(
        "worn out, then 'later'",
        "pl",
        ((week(1, "pl"), ASKED), ("jestem wykończona, nie daję rady", HEAVY), ("później", LATER)),
    ),
    # Ukrainian
    C(
        "changes the day: Sunday evenings, not Monday",
        "uk",
        (("питайте краще по неділях увечері, не в понеділок", reg(weekday=6)),),
    ),
    C(
        "can't bear it, asks the cost, then a call",
        "uk",
        (
            (week(1, "uk"), ASKED),
            ("я вже більше не витримую", HEAVY),
            ("скільки це коштує?", AT_OFFERS),
            ("так, нехай хтось подзвонить", CALLBACK),
        ),
    ),
    # English
    C(
        "signs up in words with the whole rhythm: nothing asked twice",
        "en",
        (
            ("I care for my mum, could you check on me every other sunday evening?", WHO),
            ("Rose", {"keys": ["care_hours"], "not_keys": MISS}),
            ("about 25 hours", reg(freq="biweekly", weekday=6)),
        ),
        profile=new("en"),
        gap="the rhythm said in the first message ('every other sunday evening') is not kept through the registration: how often is asked again",
    ),
    C(
        "over weeks: up all night, knackered, maybe later, then a care home",
        "en",
        (
            (week(1, "en"), ASKED),
            ("fine mostly, but she's up all night so I am too", NOT_GOOD),
            (week(2, "en"), ASKED),
            ("I'm done, completely knackered", HEAVY),
            ("maybe later", LATER),
            (week(3, "en"), ASKED),
            ("mum moved into a care home on friday", MOVED),
        ),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, round_check)


def figures(dialogues: list[Dialogue]) -> tuple[int, int, int, int]:
    return score(dialogues, round_check)


# Batch 2, held out: other carers and wordings, the same abilities; written after batch 1's first run, before
# reading the flows or fixing anything.
OTHERS = {
    "nl": ("Ineke", "Truus", "parent"),
    "en": ("Sue", "Derek", "partner"),
    "tr": ("Hatice", "Mustafa", "parent"),
    "ar": ("Fatiha", "Driss", "partner"),
    "pl": ("Ewa", "Janina", "parent"),
    "uk": ("Tetiana", "Mykola", "partner"),
}


def other(code: str, **rhythm: Any) -> dict[str, Any]:
    """Another registered carer who writes `code` (OTHERS), asked every Monday at 10:00."""
    first, cared, relation = OTHERS[code]
    base = carer(code, **rhythm)
    return {**base, "first_name": first, "care": {**base["care"], "care_for": cared, "relation": relation}}


def week2(n: int, code: str) -> dict[str, Any]:
    """The check-in of week `n` about the one cared for by `code`'s other carer."""
    return {"internal": "care_checkin", "meta": {"checkin_id": 380 + n, "name": OTHERS[code][1]}}


def other_carer(name: str, code: str, turns: tuple[tuple[Any, dict[str, Any]], ...], **kw: Any) -> Dialogue:
    kw.setdefault("profile", other(code))
    return C(name, code, turns, **kw)


BATCH_2 = [
    # Dutch
    other_carer(
        "signs up for the mother-in-law, every two weeks late on Sunday afternoon",
        "nl",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("Truus", {"keys": ["care_relation"]}),
            ("mijn schoonmoeder", {"keys": ["care_hours"]}),
            ("een uur of 12", {"keys": ["care_rhythm"], "not_keys": MISS}),
            ("om de twee weken, zondag aan het eind van de middag", reg(freq="biweekly", weekday=6)),
        ),
        profile=new("nl"),
    ),
    other_carer(
        "Monday has become hard: Wednesday evening from now on",
        "nl",
        (("maandag is lastig geworden, mag het voortaan op woensdagavond?", reg(weekday=2)),),
    ),
    other_carer(
        "every other week and not on Monday: another day, or the day asked",
        "nl",
        (
            (
                "vraag het maar om de week, en dan niet op maandag",
                {
                    "keys_any": ["care_day", "care_registered"],
                    "weekday_in": (1, 2, 3, 4, 5, 6),
                    "not_keys": MISS,
                },
            ),
        ),
    ),
    other_carer(
        "over weeks: restless nights, then at the end of her tether, then someone to stay with her mother",
        "nl",
        (
            (week2(1, "nl"), ASKED),
            ("valt mee, alleen ze is 's nachts onrustig en ik slaap weinig", NOT_GOOD),
            (week2(2, "nl"), ASKED),
            ("ik kan het echt niet meer aan, ik zit op mijn tandvlees", LIMIT),
            ("is er iemand die een paar uurtjes bij mijn moeder kan blijven?", offer("ask")),
        ),
    ),
    other_carer(
        "worn out, does it cost money, then a call",
        "nl",
        (
            (week2(1, "nl"), ASKED),
            ("ik ben helemaal kapot", HEAVY),
            ("kost dat geld?", AT_OFFERS),
            ("bel me maar even", CALLBACK),
        ),
    ),
    other_carer(
        "heavy, her mother wants no strange people in the house, then the call by number: staff hear why",
        "nl",
        (
            (week2(1, "nl"), ASKED),
            ("trek het niet meer hoor", HEAVY),
            ("mijn moeder wil niet dat er vreemde mensen over de vloer komen", AT_OFFERS),
            ("3", {**CALLBACK, "staff_hears": ["vreemde mensen"]}),
        ),
        gap=STAFF_WORDS,
    ),
    other_carer(
        "heavy, then not now, maybe later",
        "nl",
        ((week2(1, "nl"), ASKED), ("zwaar, echt zwaar", HEAVY), ("nu niet, later misschien", LATER)),
    ),
    other_carer(
        "heavy, then a social worker asked for",
        "nl",
        (
            (week2(1, "nl"), ASKED),
            ("3", HEAVY),
            ("kan ik met een maatschappelijk werker praten?", CALLBACK),
        ),
    ),
    other_carer(
        "a pause: at her sister's in Spain from 1 to 14 December",
        "nl",
        (("we zijn van 1 tot 14 december bij mijn zus in Spanje", paused("nl")),),
    ),
    other_carer(
        "her mother died, told at the menu, then thanks: nothing cheerful",
        "nl",
        (
            ("moeder is dinsdag gestorven, de begrafenis is vrijdag", {**BEREAVED, "not_says": ["fijn"]}),
            (
                "dank je wel, lief",
                {"not_keys": ["care_checkin", "care_thanks_*", *MISS], "not_says": ["fijn"]},
            ),
        ),
    ),
    other_carer(
        "her mother lives in a care home now, then the questions stopped",
        "nl",
        (("moeder woont nu in een verzorgingshuis", MOVED), ("stop de vragen maar", STOPPED)),
    ),
    other_carer(
        "stops the check-ins in words, confirms",
        "nl",
        (("je hoeft niet meer te vragen hoe het gaat", STOP_ASKED), ("ja hoor", STOPPED)),
    ),
    # Turkish
    other_carer(
        "exhausted, then 'later'",
        "tr",
        ((week2(1, "tr"), ASKED), ("çok yoruldum, tükendim", HEAVY), ("sonra", LATER)),
    ),
    other_carer(
        "her father died, told at the check-in",
        "tr",
        ((week2(1, "tr"), ASKED), ("babam cumartesi vefat etti", BEREAVED)),
    ),
    # Arabic
    other_carer(
        "Darija: worn out, how much does it cost, then call me",
        "ar",
        (
            (week2(1, "ar"), ASKED),
            ("ana 3yit bzaf, ma bqitch kan9der", HEAVY),
            ("chhal kayt5ales?", AT_OFFERS),
            ("3ayto lia", CALLBACK),
        ),
    ),
    other_carer(
        "her husband moved to a care home, told at the check-in, then stop",
        "ar",
        (
            (week2(1, "ar"), ASKED),
            ("زوجي دخل دار رعاية المسنين", MOVED),
            ("أوقفوا الأسئلة", STOPPED),
        ),
    ),
    # Polish
    other_carer(
        "a pause at her sister's for ten days, then back",
        "pl",
        (
            ("od soboty jesteśmy u siostry przez 10 dni, proszę nie pytać", paused("pl")),
            ("już wróciłyśmy, można znowu pytać", RESUMED),
        ),
    ),
    other_carer(
        "the rhythm changed: every other week on Sunday evening",
        "pl",
        (("proszę pytać co drugi tydzień w niedzielę wieczorem", reg(freq="biweekly", weekday=6)),),
    ),
    # Ukrainian
    other_carer(
        "exhausted, her husband wants no strangers at home, then call me",
        "uk",
        (
            (week2(1, "uk"), ASKED),
            ("я виснажена, більше не можу", HEAVY),
            ("мій чоловік не хоче чужих людей вдома", AT_OFFERS),
            ("тоді подзвоніть мені", {**CALLBACK, "staff_hears": ["чужих"]}),
        ),
        gap=STAFF_WORDS,
    ),
    other_carer(
        "her husband died, told at the check-in",
        "uk",
        ((week2(1, "uk"), ASKED), ("Микола помер уночі", BEREAVED)),
    ),
    # English
    other_carer(
        "stop asking on Mondays, Thursday mornings instead",
        "en",
        (("could you stop asking on mondays and do thursday mornings instead", reg(weekday=3)),),
    ),
    other_carer(
        "can't cope, how much, then respite",
        "en",
        (
            (week2(1, "en"), ASKED),
            ("honestly I can't cope anymore", LIMIT),
            ("how much does that cost?", AT_OFFERS),
            ("respite sounds good", offer("respite")),
        ),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, round_check)


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    assert repeated_messages(__file__, [*BATCH_1, *BATCH_2]) == []
