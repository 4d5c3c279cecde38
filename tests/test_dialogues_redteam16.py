# ruff: noqa: RUF001, RUF002
"""Known misses lifted (helper session "misses16"), each with new held-out variants of its own.

Earlier red-team rounds left strict xfails (dialogues) and KNOWN readings (single messages). This session
lifted the ones residents, volunteers and mantelzorgers meet most, by mechanism (a rule or word data, never
the test's own phrase), removed their xfail / KNOWN entry, and wrote here 2-3 new variants per lift, not
looked at while fixing. Replayed at the golden clock (Monday 23 November 2026, 10:00 UTC).

Lifted, by mechanism (xfails of the earlier rounds: 91 before, 51 after; 40 lifted):
- PAUZE (typed or in words) from a carer with check-ins who offers no help pauses the check-ins (round 12
  answered "Je biedt nu geen hulp aan"); a pause in words with any length inside it ("even 2 weken niks
  aub") is PAUZE with that length; polite words at either edge of a command phrase ("graag even niks
  hoor") no longer hide it (commands.toml [polite_edges]).
- After a pause, MANTELZORG says until when: the care summary knows when the check-ins resume
  (`CareSummary.resumes_at`: in storage the pending check-in, due later than the rhythm's next one from
  when it was planned; in the flows the `care_pause` effect). Round 9.
- At "Waar zien jullie elkaar?" a place not wanted ("liever niet in het buurthuis", "buurthuis liever
  niet") is an answer: the question again with the places left, nothing relayed; a place followed by
  "niet" is no longer chosen. (No xfail held this one; found in the last session.)
- "ik wil niet dat de buren weten dat ik hulp krijg" / "weten de buren dat?" / "blijft het geheim?" is a
  question about Voordeur (faq.toml [privacy], faq_privacy), answered, not a request started.
- "from now on" / "voortaan" / "od teraz" add no length to a language request (languages.toml lasting).
- Turkish "iki haftada bir" (every two weeks) without a day: the phrase carries both items.
- A move told in a thread goes to the neighbour and, named clearly, changes one's own neighbourhood.
- "hoe laat begint dat?" at the activity offered after a meeting: the offer again with its details.
- Check-ins: a clause used up on its own ("op, gewoon op": [whole_distress]) and Turkish "dayanacak gücüm
  yok" are distress.
- Crisis: Darija "nsali m3a had denya" and Ukrainian "все це припинити назавжди" are 113 (Ukrainian "це"
  is a crisis filler).
- Names: a spelling remark after the name ("Hennie, met ie") is left off.
- Readings of first messages: "wat te doen" alone is no agenda word; a play, panto or concert is the
  agenda; "anyone fancy / up for" an activity is the agenda; "koken voor een buurtgenoot" and "opgeven om
  mensen ... te helpen" offer; "ik hou ermee op" stops; "can I just ring someone" asks a person; a menu
  number as a clause of its own ("2, ...") is that option; "nu met pensioen" names no forms; Turkish event
  names are no time; "wie brengt me naar ..." and "wie helpt" ask; "now" opening a clause after a past
  one is no hurry; Dutch "kopen" no longer hits the Turkish dog stem (now "köpek*"), something bought
  "voor me" and soup brought are boodschappen; moving boxes, sharpening, sweeping, a flagpole rope, a
  smoke alarm are klusjes; reading from a book to someone is company; house plants are tuin; a grief
  group and the wijkagent are the sociale kaart; buying milk or medicine in Arabizi is boodschappen;
  Ukrainian "sadom" is the garden; "yürüteç" (walking frame) is no walk.
- One expectation corrected rather than met: rt5b-tr-first_message-04 ("bu hafta kahve sabahı var mı?")
  now expects when "this week", as the shared corpus's dev-first-030 does; the miss was the "morning".

Figures of the held-out variants below (written after each lift, not looked at while fixing, measured
once as written; then what they showed was fixed by mechanism):
- first set (pause, place not wanted, privacy, language, Turkish rhythm, readings): 32/37 -> 37/37
  ("graag even 10 dagen niks": polite words before the phrase and every way of cutting the length out;
  "het buurthuis liever niet hoor"; "I don't want ..." (the apostrophe); Turkish "sorsanız" / "bana sorun"
  name the check-ins). A latent bug found on the way: the new polite-words section of commands.toml was
  compiled as a command of its own; it is now skipped.
- check-in distress 4/4; move in a thread 3/3; MANTELZORG after a pause 3/3; the activity's details 3/3
  (after correcting this file's own fixture: "start", not "starts"); "now" and "anyone up for" 6/6; the
  sociale kaart 3/3; small jobs 7/7; crisis wordings 3/4 -> 4/4 (Ukrainian "це" between "хочу" and the
  phrase); names 1/3 -> 3/3 (a polite word after the spelling, "without an h").
"""

from __future__ import annotations

from typing import Any

import pytest

from flows.understanding.reading import read
from tests.dialogue_redteam_support import CARER, RIA, Dialogue, as_params, assert_holds, menu_state
from tests.redteam_support import NOW

D = Dialogue


def ok(**expect: Any) -> dict[str, Any]:
    """A turn that must be no miss, with what else must hold."""
    return {**expect, "not_keys": [*expect.get("not_keys", ()), "not_understood", "offer_none"]}


THREAD = {"id": 3, "other_name": "Henk", "category": "boodschappen", "status": "open"}
WITH_THREAD = {**RIA, "threads": [THREAD]}
OFFER = {
    "categories": ["boodschappen", "klusjes"],
    "reach": "nearby",
    "availability": [[0, "ochtend"], [2, "middag"]],
    "weekly_limit": 2,
    "languages": ["nl"],
}
VOLUNTEER = {"first_name": "Henk", "neighbourhood": "molenwijk", "consented": True, "offer": OFFER}
CARER_TR = {**CARER}
PLAN = {"thread_id": 3, "meeting_id": None, "name": "Henk", "host": "Ria", "host_is_me": True, "centre": ""}
WHERE = (({"internal": "meet_plan", "meta": PLAN}, {"keys": ["meet_where"]}),)
NOT_THERE = {"keys": ["meet_where_not_there"], "no_effect": ["relay"], "not_keys": ["not_understood"]}
PAST = {
    "id": 7,
    "thread_id": 3,
    "name": "Henk",
    "host": "Ria",
    "host_is_me": True,
    "centre": "",
    "place_kind": "home",
    "place_text": None,
    "starts_at": "2026-11-21T13:00:00+00:00",
    "zone": "Europe/Amsterdam",
    "status": "agreed",
    "recurring": True,
    "role": "requester",
}
KOFFIE = {
    "activity_id": 4,
    "on": "2026-11-24",
    "title": "Koffieochtend",
    "start": "10:00",
    "place": "Buurthuis De Molen",
    "neighbourhood": "molenwijk",
    "signed_up": False,
}
ACTIVITY = (
    ({"internal": "meet_check", "meta": {"meeting": {**PAST, "activity": KOFFIE}}}, {}),
    ("ja", {"keys": ["meet_activity"]}),
)
DETAILS = {"keys": ["meet_activity"], "no_effect": ["relay"], "not_keys": ["not_understood", "menu"]}
PAUSE_ASKED = ok(keys=["care_pause_how_long"])
PAUSED = ok(keys=["care_paused"], effect=["care_pause"])


def biweekly() -> dict[str, Any]:
    return {"effect_has": {"care_register": {"rhythm.freq": "biweekly"}}}


DIALOGUES = [
    # A carer with check-ins and no offer says PAUZE in some way.
    D("carer: PAUZE typed", (("PAUZE", PAUSE_ASKED),), profile=CARER),
    D("carer: 'graag even 10 dagen niks'", (("graag even 10 dagen niks", PAUSED),), profile=CARER),
    D("carer: 'ff een maandje niks hoor'", (("ff een maandje niks hoor", PAUSED),), profile=CARER),
    D(
        "volunteer: 'even 3 weekjes niks aub' pauses the offer",
        (("even 3 weekjes niks aub", ok(effect=["pause_offer"])),),
        profile=VOLUNTEER,
    ),
    # After a pause, MANTELZORG (or a question about the check-ins) says until when.
    D(
        "carer: 'PAUZE 2 weken', then MANTELZORG says 7 december",
        (("PAUZE 2 weken", PAUSED), ("MANTELZORG", ok(keys=["care_status"], says=["7 december"]))),
        profile=CARER,
    ),
    D(
        "carer: a pause in words, then 'hoe vaak vragen jullie eigenlijk hoe het gaat?'",
        (
            ("kun je me drie weken niks vragen over hoe het gaat?", PAUSED),
            (
                "hoe vaak vragen jullie eigenlijk hoe het gaat?",
                ok(keys=["care_status"], says=["14 december"]),
            ),
        ),
        profile=CARER,
    ),
    D(
        "carer en: 'pause the check-ins for a week please', then MANTELZORG",
        (
            ("pause the check-ins for a week please", PAUSED),
            ("MANTELZORG", ok(keys=["care_status"], says=["30 November"])),
        ),
        profile=CARER,
        state=menu_state("en"),
    ),
    # A question back about the activity offered after a meeting ("Zin om meer buren te zien? ...").
    D(
        "meet_activity: 'waar is dat eigenlijk?' is about the activity",
        (*ACTIVITY, ("waar is dat eigenlijk?", DETAILS)),
        profile=WITH_THREAD,
    ),
    D(
        "meet_activity en: 'what time does it start?'",
        (*ACTIVITY, ("what time does it start?", DETAILS)),
        profile=WITH_THREAD,
    ),
    D(
        "meet_activity look-alike: 'hoe laat kom je morgen?' goes to the neighbour",
        (*ACTIVITY, ("hoe laat kom je morgen?", {"effect": ["relay"]})),
        profile=WITH_THREAD,
    ),
    # A place not wanted at "Waar zien jullie elkaar?".
    D(
        "where: 'het buurthuis liever niet hoor'",
        (*WHERE, ("het buurthuis liever niet hoor", NOT_THERE)),
        profile=WITH_THREAD,
    ),
    D(
        "where: 'liever niet bij mij thuis, ik ken hem nog niet'",
        (*WHERE, ("liever niet bij mij thuis, ik ken hem nog niet", NOT_THERE)),
        profile=WITH_THREAD,
    ),
    D(
        "where: then 'Anders' after the place not wanted",
        (*WHERE, ("niet in het buurthuis", NOT_THERE), ("Anders", {"keys": ["meet_where_other"]})),
        profile=WITH_THREAD,
    ),
    D(
        "where look-alike: 'kan het niet bij mij thuis?' is not taken as a place not wanted",
        (*WHERE, ("kan het niet bij mij thuis?", {"not_keys": ["meet_where_not_there"]})),
        profile=WITH_THREAD,
    ),
    # Will the neighbours know?
    D(
        "privacy: 'weten mijn buren dan dat ik hulp vraag?'",
        (("weten mijn buren dan dat ik hulp vraag?", ok(keys=["faq_privacy"], not_keys=["ask_category"])),),
    ),
    D(
        "privacy en: 'I don't want my neighbours to know'",
        (("I don't want my neighbours to know", ok(keys=["faq_privacy"])),),
        state=menu_state("en"),
    ),
    D(
        "privacy with a request: the request starts",
        (("ik wil niet dat de buren het weten maar ik zoek hulp met mijn tuin", {"keys": ["ask_*"]}),),
    ),
    # A language asked for "from now on".
    D(
        "language: 'please write to me in Polish from now on'",
        (("please write to me in Polish from now on", ok(state={"lang": "pl"})),),
    ),
    D(
        "language: 'vanaf nu graag in het Engels schrijven alstublieft'",
        (("vanaf nu graag in het Engels schrijven alstublieft", ok(state={"lang": "en"})),),
    ),
    D(
        "language: 'od teraz proszę pisać po polsku'",
        (("od teraz proszę pisać po polsku", ok(state={"lang": "pl"})),),
    ),
    # A move told in a conversation with a neighbour.
    D(
        "thread: 'we zijn verhuisd naar De Akkers hoor' goes on and changes her neighbourhood",
        (
            (
                "we zijn verhuisd naar De Akkers hoor",
                {"effect": ["relay"], "effect_has": {"update_profile": {"neighbourhood": "de_akkers"}}},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "thread en: 'I have moved to Oude Haven, see you there'",
        (
            (
                "I have moved to Oude Haven, see you there",
                {"effect": ["relay"], "effect_has": {"update_profile": {"neighbourhood": "oude_haven"}}},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "thread look-alike: 'mijn dochter is verhuisd naar de Bloemhof' changes nothing of hers",
        (
            (
                "mijn dochter is verhuisd naar de Bloemhof",
                {"effect": ["relay"], "no_effect": ["update_profile"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    # Turkish every two weeks without a day.
    D(
        "tr carer: 'on beş günde bir sorsanız olur mu?'",
        (("on beş günde bir sorsanız olur mu?", biweekly()),),
        profile=CARER_TR,
        state=menu_state("tr"),
    ),
    D(
        "tr carer: 'bana iki haftada bir sorun lütfen'",
        (("bana iki haftada bir sorun lütfen", biweekly()),),
        profile=CARER_TR,
        state=menu_state("tr"),
    ),
]

# (context, lang or None, text, what the reading must hold: a value, or None for a key it must not have)
READINGS: list[tuple[str, str | None, str, dict[str, Any]]] = [
    # "wat te doen" is no agenda word
    (
        "first_message",
        None,
        "ik weet niet meer wat te doen met al die brieven",
        {"intent": "ask", "category": "formulieren"},
    ),
    ("first_message", None, "mijn man is dement en ik weet niet wat te doen", {"intent": None}),
    ("first_message", None, "is er zaterdag wat te doen in het buurthuis?", {"intent": "activity"}),
    # a play, panto or concert
    (
        "first_message",
        None,
        "is er binnenkort weer een voorstelling in het wijkcentrum?",
        {"intent": "activity"},
    ),
    ("first_message", None, "when's the next panto at the community centre", {"intent": "activity"}),
    (
        "first_message",
        None,
        "kan iemand mij zondag naar een concert in de kerk brengen",
        {"intent": "ask", "category": "vervoer"},
    ),
    # offers
    ("menu", "nl", "ik wil wel eens bakken voor de buren", {"intent": "offer"}),
    (
        "first_message",
        None,
        "hoe kan ik me aanmelden om ouderen met boodschappen te helpen",
        {"intent": "offer", "category": "boodschappen"},
    ),
    (
        "first_message",
        None,
        "sinds kort met pensioen en ik wil graag iets doen in de wijk",
        {"intent": "offer", "category": None},
    ),
    # stop and a person
    ("any_state", None, "ik kap ermee, te veel berichten", {"intent": "stop"}),
    ("any_state", None, "could I ring someone instead please", {"intent": "human"}),
    ("first_message", None, "ik hou ermee op met werken en wil vrijwilliger worden", {"intent": "offer"}),
    # a menu number as its own clause
    ("menu", "nl", "2. ik heb een auto en tijd over", {"intent": "offer"}),
    ("menu", "nl", "1, mijn computer wil niet opstarten", {"intent": "ask", "category": "computer"}),
    # Turkish events, no time
    ("first_message", None, "bu cumartesi kahve sabahı var mı", {"intent": "activity", "when": "saturday"}),
    ("first_message", None, "köpeğimi kim gezdirebilir", {"intent": "ask", "category": "huisdieren"}),
    # errands
    (
        "first_message",
        None,
        "wie kan een nieuwe waterkoker voor me kopen",
        {"intent": "ask", "category": "boodschappen"},
    ),
    (
        "first_message",
        None,
        "kan iemand een pannetje soep brengen, ik ben ziek",
        {"intent": "ask", "category": "boodschappen"},
    ),
    (
        "first_message",
        None,
        "wie helpt de verhuisdozen naar boven te dragen",
        {"intent": "ask", "category": "klusjes"},
    ),
    (
        "first_message",
        None,
        "bghit chi wa7ed ychri lia lkhobz w l7lib",
        {"intent": "ask", "category": "boodschappen"},
    ),
    ("first_message", None, "mam dwa psy i potrzebuję pomocy", {"category": "huisdieren"}),
    # "now" after something told in the past is no hurry; a walking frame is no walk
    (
        "first_message",
        None,
        "mijn man is vorig jaar overleden, nu zoek ik iemand om mee te wandelen",
        {"intent": "ask", "category": "gezelschap", "when": None},
    ),
    (
        "first_message",
        None,
        "w zeszłym roku miałam operację, teraz szukam pomocy przy sprzątaniu",
        {"intent": "ask", "when": None},
    ),
    ("first_message", None, "szukam kogoś teraz do pomocy z zakupami", {"when": "asap"}),
    (
        "first_message",
        None,
        "annem geçen ay ameliyat oldu, şimdi yürüteçle yürüyor, market alışverişi için yardım lazım",
        {"intent": "ask", "category": "boodschappen", "when": None},
    ),
    # others asked along to an activity
    ("first_message", None, "anyone up for the walking group on saturday?", {"intent": "activity"}),
    ("first_message", None, "who fancies the quiz night at the community centre", {"intent": "activity"}),
    # a group for a loss, the wijkagent: the sociale kaart
    (
        "first_message",
        None,
        "sinds mijn vrouw er niet meer is voel ik me alleen, bestaat er een rouwgroep?",
        {"intent": "service_question", "crisis": None},
    ),
    (
        "first_message",
        None,
        "de buren maken elke nacht herrie, hoe bereik ik de wijkagent",
        {"intent": "service_question"},
    ),
    (
        "first_message",
        None,
        "kan iemand mij dinsdag naar de rouwgroep brengen",
        {"intent": "ask", "category": "vervoer"},
    ),
    # a name with how it is spelled after it
    ("name", "nl", "Mariëtte, met dubbel t", {"name": "Mariëtte"}),
    ("name", "nl", "Rik met een k hoor", {"name": "Rik"}),
    ("name", "en", "Jon without an h", {"name": "Jon"}),
    # round 10's two crisis wordings, said otherwise; and their look-alikes
    ("first_message", None, "ana 3yit, bghit nsali m3a dnya", {"crisis": "113"}),
    ("checkin", "uk", "дуже важко, хочу все це припинити назавжди", {"crisis": "113"}),
    ("any_state", "uk", "будь ласка, припиніть надсилати мені повідомлення назавжди", {"crisis": None}),
    ("first_message", None, "bghit nsali m3a had lkhedma bach nrta7", {"crisis": None}),
    # small jobs by their verb or thing; reading to someone is company; "wie helpt" asks
    (
        "first_message",
        None,
        "wie kan mijn schaar en messen even slijpen",
        {"intent": "ask", "category": "klusjes"},
    ),
    (
        "first_message",
        None,
        "wie helpt met de stoep vegen voor mijn deur",
        {"intent": "ask", "category": "klusjes"},
    ),
    (
        "first_message",
        None,
        "mijn kamerplanten hangen slap, wie weet raad",
        {"intent": "ask", "category": "tuin"},
    ),
    (
        "first_message",
        None,
        "the smoke detector in the hall needs a new battery, can anyone help",
        {"intent": "ask", "category": "klusjes"},
    ),
    (
        "first_message",
        None,
        "mijn moeder ziet slecht, wie komt haar uit de krant voorlezen",
        {"intent": "ask", "category": "gezelschap"},
    ),
    (
        "first_message",
        None,
        "wie kan mij de brief van de gemeente voorlezen",
        {"intent": "ask", "category": "formulieren"},
    ),
    (
        "first_message",
        None,
        "potribna dopomoha v sadu, trava duzhe vysoka",
        {"intent": "ask", "category": "tuin"},
    ),
    # a check-in clause at the limit on its own; "no strength left" in Turkish
    ("checkin", "nl", "leeg. gewoon leeg.", {"answer": "heavy", "distress": True}),
    ("checkin", "nl", "zwaar, helemaal op hoor", {"answer": "heavy", "distress": True}),
    ("checkin", "tr", "hiç gücüm kalmadı, çok yoruldum", {"answer": "heavy", "distress": True}),
    ("checkin", "nl", "de koffie is op, verder gaat het goed", {"answer": "good", "distress": None}),
]


@pytest.mark.parametrize("dialogue", as_params(DIALOGUES))
def test_dialogue(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize(("context", "lang", "text", "holds"), READINGS, ids=[r[2][:40] for r in READINGS])
def test_reading(context: str, lang: str | None, text: str, holds: dict[str, Any]) -> None:
    reading = read(context, text, lang=lang, now=NOW).to_corpus()
    for key, value in holds.items():
        assert reading.get(key) == value, (text, reading)
