# ruff: noqa: RUF001, RUF002, E501
"""Red team of whole conversations, round 24: mantelzorgers over weeks.

Replayed at the golden clock (Monday 23 November 2026, 10:00 UTC) with CARER (Ria, who cares for her
partner Jan, asked every Monday at 10:00) and CHECKIN from tests/dialogue_redteam_support.py; `week(n)` is
the check-in of week n, so one dialogue can run over several weeks (the profile's `recent` answers follow
the `care_answer` effects, as storage/care.py `trend` reads them). Signing up and choosing a rhythm in
words, check-ins answered with nuance, heavier over the weeks, the offers in words, a person when asked,
help for the one cared for, admission, death, a pause and another language, in nl, en, tr, pl, uk, ar.
This round's own checks (`round_check`): `answer_in`, `weekday_in`, `alerts`, `any_effect`, `no_alert`.

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (34289b4).
- Batch 1 (BATCH_1, 42 dialogues; written before reading flows/care.py, flows/checkin_talk.py or
  flows/overload.py): main 117/126, 34/42 (nl 80/88, 23/30; en 9/9, 3/3; tr 7/8, 2/3; pl 7/7, 2/2; uk
  7/7, 2/2; ar 7/7, 2/2). After its fixes 126/126, 42/42. Two expectations were corrected after the first
  run (both misses on main either way): news of an admission is a lead on the registration
  (`care_status`), not a key `life_admitted_heard`; the staff alert at a second "Zwaar" in a row is the
  engine's (bot/effects/care.py, tested in tests/test_care.py), so the flow check is what she hears.
  Three wordings were changed after a freshness check found them in earlier rounds; the figures are of
  the final wordings (one of them, "nee laat maar zitten hoor", found a miss of its own: see below).
- Batch 2 (BATCH_2, 46 dialogues, held out: written after batch 1's fixes, not aimed at them): main
  113/121, 38/46; before its own fixes (the honest figure) 115/121, 40/46 (nl 64/68, 21/25; en 14/14,
  6/6; tr 9/10, 3/4; pl 11/12, 4/5; uk 8/8, 3/3; ar 9/9, 3/3); after 121/121, 46/46. One wording was
  changed after the freshness check ("valt wel mee deze week hoor"); the figures are of it.
- Guards (GUARDS, 7 dialogues, written with batch 2's fixes): main 16/19, 4/7; after 19/19, 7/7. One
  expectation was loosened when written: "ben op vakantie geweest, was heerlijk" is news thanked for
  ("heerlijk" is no answer word), not Goed; the guard is that nothing is paused and it is no limit.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What the bot did before: "ik ben op vakantie tot 6 december" (also at a check-in) was read as "ik ben op"
(at her limit): the Zwaar offers and a high-priority alert; "wekelijks, maar niet in het weekend" at the
rhythm question registered no check-ins at all ("niet" read as the option "Niet"); "eens in de 2 weken,
vrijdagochtend" became every week; "tot de 15e", "2 hafta", "do 12 grudnia" were no end of a pause (how
long was asked again); "vraag de komende 3 weken maar even niks" was "Dat begreep ik niet"; "ff niet, zit
in de zon op Tenerife tot 10 december 😎" at a check-in was read as Goed from the emoji; at the offers "ik
wil graag met de mantelzorgconsulent praten" was looked up on the social map (the offers dropped), "een
gesprek met iemand die verstand heeft van mantelzorg" started a request, "nee laat maar zitten hoor" was
CANCEL ("Er is niets om te annuleren"); "het gaat echt niet goed, ik wil graag dat iemand me belt" was
only Zwaar; "ik trek het echt niet meer, kan er iemand bellen?" from a carer was a normal handover; a
second "Zwaar" in a row sounded like the first; "cumartesi babamın yanında biri kalabilir mi" asked the
kind of help.

What changed (mechanisms; words in blocks marked "round dialogue24"):
- Check-in reader (flows/understanding/checkin.py, data/checkin.toml [distress_clause_end]): "ik ben op"
  and its kin count only where the clause ends (light words after, or "en"/"dus"/"want"); "ik ben op
  vakantie", "ik ben op zoek naar" are no distress.
- flows/pause.py: units of how long in tr, pl, uk, ar ("2 hafta", "3 tygodnie", "2 тижні", "أسبوعين") and
  a day of the month the Dutch date reader misses ("de 15e", "do 12 grudnia") read by the reader of six
  languages (`_day_of_month`); flows/life_events.py reads the same units and "do/до/حتى" before a date.
- flows/life_events.py: a pause of the check-ins asked in words with an end said
  (`_pause_until_said`: [care_pause_asking], shorthand written out) is an absence; at a check-in an
  absence with its end goes before the answer an emoji reads (`away_at_checkin`, from conversation.py);
  an absence that is over ("geweest", "terug van") is no news (life.toml [not_news]: "geweest").
- flows/care.py, the rhythm question: a part of the week left out ([dialogue24_rhythm_except]) is no
  "Niet"; how often said beside it is the choice, the day asked. times.toml: "eens in de 2 weken" and
  other ways of every other week.
- The offers: a care professional named ([dialogue24_offer_professional]) or a talk or call asked in a
  subordinate clause ([dialogue24_offer_call]) is the call back; CANCEL's words at the offers are "Nu
  even niet" (conversation.py `_offer_in_words`). A check-in answered Gaat wel or Zwaar with a call asked
  in the same words gets the call back at once (checkin_talk.py `answer_with_call`, `care.call_asked`).
- A "Zwaar" after a "Zwaar" (`care.heavy_before`, the engine's rule for `care_heavy`): the offers led by
  "Het is nu al een tijd zwaar. Iemand van ons neemt contact met je op." (`care_heavy_again`).
- A registered carer who asks for a person in words that show her limit: the handover and a
  high-priority `care_distress` alert (conversation.py, the "human" command).
- flows/profile.py `after`: `care_answer` updates `recent`, as the next load from storage would.
- categories.toml: Turkish "yanında ... kal/otur" is company.

Known misses: none in these batches. Not covered: a day excluded at the day question after "Elke week"
("niet op maandag") is asked again rather than kept as a constraint; Turkish "15 aralığa kadar" (an end
said with the postposition) is not read by life_events (the date is, by flows/pause.py).
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


# Batch 2, held out: written after batch 1's fixes, not aimed at them, scored before its own fixes.
BATCH_2 = [
    # choosing a rhythm in words
    D(
        "nl rhythm: 'zondags tegen achten' is Sunday 20:00",
        (*TO_RHYTHM, ("zondags tegen achten", reg(freq="weekly", weekday=6))),
    ),
    D(
        "nl rhythm: 'doe maar tweewekelijks, op woensdag'",
        (*TO_RHYTHM, ("doe maar tweewekelijks, op woensdag", reg(freq="biweekly", weekday=2))),
    ),
    D(
        "nl rhythm: 'elke week, zaterdag s morgens vroeg'",
        (*TO_RHYTHM, ("elke week, zaterdag s morgens vroeg", reg(freq="weekly", weekday=5))),
    ),
    D(
        "nl rhythm: 'hoeft niet, ik stuur zelf wel een berichtje als het slecht gaat' is never",
        (*TO_RHYTHM, ("hoeft niet, ik stuur zelf wel een berichtje als het slecht gaat", reg(freq="never"))),
    ),
    D(
        "en rhythm: 'fortnightly on thursdays'",
        (*TO_RHYTHM, ("fortnightly on thursdays", reg(freq="biweekly", weekday=3))),
        **L("en"),
    ),
    D(
        "tr rhythm: 'her perşembe akşam 7de' is Thursday 19:00",
        (*TO_RHYTHM, ("her perşembe akşam 7de", reg(freq="weekly", weekday=3, at="19:00"))),
        **L("tr"),
    ),
    D(
        "pl rhythm: 'w każdy poniedziałek rano'",
        (*TO_RHYTHM, ("w każdy poniedziałek rano", reg(freq="weekly", weekday=0))),
        **L("pl"),
    ),
    D(
        "uk rhythm: 'кожної середи ввечері'",
        (*TO_RHYTHM, ("кожної середи ввечері", reg(freq="weekly", weekday=2))),
        **L("uk"),
    ),
    D(
        "ar rhythm: 'كل اثنين صباحا'",
        (*TO_RHYTHM, ("كل اثنين صباحا", reg(freq="weekly", weekday=0))),
        **L("ar"),
    ),
    # check-in answers
    D(
        "check-in: 'valt wel mee deze week hoor' is not heavy",
        ((CHECKIN, {}), ("valt wel mee deze week hoor", NOT_HEAVY)),
        profile=CARER,
    ),
    D("check-in: 'pff' is not good", ((CHECKIN, {}), ("pff", NOT_GOOD)), profile=CARER),
    D("check-in: '😫' is heavy", ((CHECKIN, {}), ("😫", HEAVY)), profile=CARER),
    D(
        "check-in: 'goed! we zijn samen naar de markt geweest, hij genoot' is good",
        ((CHECKIN, {}), ("goed! we zijn samen naar de markt geweest, hij genoot", GOOD)),
        profile=CARER,
    ),
    D(
        "check-in: a long story that ends in not knowing how long she can go on: heavy, staff told high",
        (
            (CHECKIN, {}),
            (
                "Ze herkent me soms niet meer en dat doet pijn. Overdag gaat het nog, maar s nachts loopt ze rond "
                "en dan slaap ik niet. Ik weet niet hoe lang ik dit nog kan",
                {**HEAVY, "alerts": {"kind": "care_distress", "priority": "high"}},
            ),
        ),
        profile=CARER,
    ),
    D(
        "check-in en: 'not too bad this week, thanks for asking' is not heavy",
        ((CHECKIN, {}), ("not too bad this week, thanks for asking", NOT_HEAVY)),
        profile=CARER,
        **L("en"),
    ),
    D(
        "check-in tr: 'çok zor, artık gücüm yok' is heavy",
        ((CHECKIN, {}), ("çok zor, artık gücüm yok", HEAVY)),
        profile=CARER,
        **L("tr"),
    ),
    D(
        "check-in pl: 'lepiej niż w zeszłym tygodniu' is not heavy",
        ((CHECKIN, {}), ("lepiej niż w zeszłym tygodniu", NOT_HEAVY)),
        profile=CARER,
        **L("pl"),
    ),
    D(
        "check-in uk: 'важкувато, але тримаюся' is not good",
        ((CHECKIN, {}), ("важкувато, але тримаюся", NOT_GOOD)),
        profile=CARER,
        **L("uk"),
    ),
    D(
        "check-in ar: 'الحمد لله أحسن من الأسبوع الماضي' is not heavy",
        ((CHECKIN, {}), ("الحمد لله أحسن من الأسبوع الماضي", NOT_HEAVY)),
        profile=CARER,
        **L("ar"),
    ),
    # over weeks
    D(
        "over weeks: good, okay, then heavy: the offers, no 'for a while' yet",
        (
            (week(1), {}),
            ("goed hoor deze week", GOOD),
            (week(2), {}),
            ("ging wel, beetje moe", NOT_GOOD),
            (week(3), {}),
            ("nu is het echt zwaar", {**HEAVY, "not_says": ["al een tijd"]}),
        ),
        profile=CARER,
    ),
    D(
        "over weeks: heavy, maybe later, heavy again: a person gets in touch, then a call asked",
        (
            (week(1), {}),
            ("zwaar week", HEAVY),
            ("misschien een andere keer", offer("none")),
            (week(2), {}),
            ("weer zwaar", {**HEAVY, "says": ["contact"]}),
            ("ja bel me alsjeblieft", CALLBACK),
        ),
        profile=CARER,
    ),
    # the offers in words
    D(
        "offers: 'ik zou graag een gesprek willen met iemand die verstand heeft van mantelzorg' is a call back",
        (
            (CHECKIN, {}),
            ("3", {}),
            ("ik zou graag een gesprek willen met iemand die verstand heeft van mantelzorg", CALLBACK),
        ),
        profile=CARER,
    ),
    D(
        "offers: 'een dagje respijt zou welkom zijn' is the respite information",
        ((CHECKIN, {}), ("3", {}), ("een dagje respijt zou welkom zijn", offer("respite"))),
        profile=CARER,
    ),
    D(
        "offers: 'iemand die zaterdag de boodschappen voor ons doet' asks neighbours",
        (
            (CHECKIN, {}),
            ("3", {}),
            (
                "iemand die zaterdag de boodschappen voor ons doet",
                offer("ask", not_keys=["ask_category", *MISS]),
            ),
        ),
        profile=CARER,
    ),
    D(
        "offers en: 'could someone from your team phone me tomorrow' is a call back",
        ((CHECKIN, {}), ("3", {}), ("could someone from your team phone me tomorrow", CALLBACK)),
        profile=CARER,
        **L("en"),
    ),
    D(
        "offers pl: 'chętnie porozmawiam z kimś' is a call back",
        ((CHECKIN, {}), ("3", {}), ("chętnie porozmawiam z kimś", CALLBACK)),
        profile=CARER,
        **L("pl"),
    ),
    # a person when asked
    D(
        "menu, registered: 'ik wil een mens spreken, geen computer' is handed to a person",
        (("ik wil een mens spreken, geen computer", {"effect": ["request_human"], "not_keys": MISS}),),
        profile=CARER,
    ),
    D(
        "check-in: 'het gaat echt niet goed, ik wil graag dat iemand me belt' is heavy and a person calls",
        (
            (CHECKIN, {}),
            (
                "het gaat echt niet goed, ik wil graag dat iemand me belt",
                {"any_effect": ["request_human", "care_followup"], "answer_in": ("heavy",), "not_keys": MISS},
            ),
        ),
        profile=CARER,
    ),
    # for the one cared for
    D(
        "menu, registered: someone to stay with her husband so she can go to the dentist is a request",
        (
            (
                "Zou er iemand donderdagmiddag bij mijn man kunnen blijven? Ik moet naar de tandarts",
                {"keys": ["ask_*"], "not_keys": ["ask_category", *MISS]},
            ),
        ),
        profile=CARER,
    ),
    D(
        "en menu: company for mum on friday so she can see the doctor is a request",
        (
            (
                "can someone keep my mum company on friday so I can go to the doctor",
                {"keys": ["ask_*"], "not_keys": ["ask_category", *MISS]},
            ),
        ),
        **L("en"),
    ),
    D(
        "tr menu: someone with her father on Saturday so she can go to a wedding is a request",
        (
            (
                "cumartesi babamın yanında biri kalabilir mi, düğüne gitmem lazım",
                {"keys": ["ask_*"], "not_keys": ["ask_category", *MISS]},
            ),
        ),
        **L("tr"),
    ),
    # life events
    D(
        "check-in: 'mijn vrouw is opgenomen in het ziekenhuis, ze is gevallen' is heard, staff told",
        (
            (CHECKIN, {}),
            (
                "mijn vrouw is opgenomen in het ziekenhuis, ze is gevallen",
                {**ADMITTED, "not_keys": ["crisis_*", *MISS]},
            ),
        ),
        profile=CARER,
    ),
    D(
        "menu: 'Jan woont sinds deze week in het verpleeghuis' is heard, staff told",
        (("Jan woont sinds deze week in het verpleeghuis", ADMITTED),),
        profile=CARER,
    ),
    D(
        "menu: 'Jan is gisteren rustig ingeslapen' is a condolence",
        (("Jan is gisteren rustig ingeslapen", BEREAVED),),
        profile=CARER,
    ),
    D(
        "check-in: 'we hebben afscheid moeten nemen, hij is donderdag overleden' is a condolence",
        ((CHECKIN, {}), ("we hebben afscheid moeten nemen, hij is donderdag overleden", BEREAVED)),
        profile=CARER,
    ),
    D(
        "check-in tr: 'eşim vefat etti' is a condolence",
        ((CHECKIN, {}), ("eşim vefat etti", BEREAVED)),
        profile=CARER,
        **L("tr"),
    ),
    D(
        "pl menu: 'mój mąż zmarł w niedzielę' is a condolence",
        (("mój mąż zmarł w niedzielę", BEREAVED),),
        profile=CARER,
        **L("pl"),
    ),
    D(
        "check-in ar: 'زوجي توفي الأسبوع الماضي' is a condolence",
        ((CHECKIN, {}), ("زوجي توفي الأسبوع الماضي", BEREAVED)),
        profile=CARER,
        **L("ar"),
    ),
    D(
        "uk menu: 'мій чоловік помер' is a condolence",
        (("мій чоловік помер", BEREAVED),),
        profile=CARER,
        **L("uk"),
    ),
    # pausing
    D(
        "menu: 'vraag de komende 3 weken maar even niks, we gaan naar onze dochter in Spanje' pauses",
        (("vraag de komende 3 weken maar even niks, we gaan naar onze dochter in Spanje", PAUSED),),
        profile=CARER,
    ),
    D(
        "check-in: 'ff niet, zit in de zon op Tenerife tot 10 december 😎' pauses",
        (
            (CHECKIN, {}),
            ("ff niet, zit in de zon op Tenerife tot 10 december 😎", {**PAUSED, "says": ["10 december"]}),
        ),
        profile=CARER,
    ),
    D(
        "en menu: 'I'm away until the 20th, no check-ins please' pauses",
        (("I'm away until the 20th, no check-ins please", {**PAUSED, "says": ["20"]}),),
        profile=CARER,
        **L("en"),
    ),
    D(
        "pl menu: 'jestem na urlopie do 12 grudnia, proszę nie pytać' pauses",
        (("jestem na urlopie do 12 grudnia, proszę nie pytać", PAUSED),),
        profile=CARER,
        **L("pl"),
    ),
    # changing language
    D(
        "check-in in Dutch answered in Turkish: not good, and the bot follows to Turkish",
        ((CHECKIN, {}), ("bu hafta çok yorucuydu, babam hiç uyumadı", {**NOT_GOOD, "state": {"lang": "tr"}})),
        profile=CARER,
    ),
    D(
        "menu: 'from now on english please' switches, the registration kept",
        (
            (
                "from now on english please",
                {"state": {"lang": "en"}, "no_effect": ["care_stop", "care_register"]},
            ),
            (week(1), {"keys": ["care_checkin"], "says": ["Jan"], "state": {"lang": "en"}}),
        ),
        profile=CARER,
    ),
    D(
        "check-in in English answered in Dutch: good, and the bot follows to Dutch",
        (
            (CHECKIN, {}),
            ("gaat prima hoor, we hebben een fijne week gehad", {**GOOD, "state": {"lang": "nl"}}),
        ),
        profile=CARER,
        **L("en"),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, round_check)


# Guards, written with batch 2's fixes: what the new readings must leave alone.
GUARDS = [
    D(
        "guard: 'ik ben op zoek naar iemand die de was kan doen' from a carer is a request, not her limit",
        (
            (
                "ik ben op zoek naar iemand die de was kan doen",
                {"keys": ["ask_*"], "not_keys": ["care_heavy_offers", "distress_*", *MISS], "no_alert": True},
            ),
        ),
        profile=CARER,
    ),
    D(
        "guard: 'ik ben op, echt helemaal op' at a check-in is still her limit",
        ((CHECKIN, {}), ("ik ben op, echt helemaal op", {**HEAVY, "alerts": {"kind": "care_distress"}})),
        profile=CARER,
    ),
    D(
        "guard: 'goed, maar bel me even over de planning' is good, no call back read into it",
        (
            (CHECKIN, {}),
            (
                "goed hoor, maar bel me even over de planning",
                {"no_effect": ["care_followup"], "not_keys": MISS},
            ),
        ),
        profile=CARER,
    ),
    D(
        "guard: 'niet' alone at the rhythm question is still no check-ins",
        (*TO_RHYTHM, ("niet", reg(freq="never"))),
    ),
    D(
        "guard: 'elke week, niet op maandag' is no Monday",
        (*TO_RHYTHM, ("elke week, niet op maandag", {"weekday_in": (1, 2, 3, 4, 5, 6), "not_keys": MISS})),
    ),
    D(
        "guard: 'ben op vakantie geweest, was heerlijk' pauses nothing and is not her limit",
        (
            (CHECKIN, {}),
            (
                "ben op vakantie geweest, was heerlijk",
                {
                    "no_effect": ["care_pause"],
                    "not_keys": ["care_heavy_offers", "life_*", *MISS],
                    "no_alert": True,
                },
            ),
        ),
        profile=CARER,
    ),
    D(
        "guard: a first heavy check-in has no 'for a while'",
        ((week(1), {}), ("3", {**HEAVY, "not_says": ["al een tijd"]})),
        profile=CARER,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue, round_check)


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    assert repeated_messages(__file__, [*BATCH_1, *BATCH_2, *GUARDS]) == []


def figures(dialogues: list[Dialogue]) -> tuple[int, int, int, int]:
    return score(dialogues, round_check)
