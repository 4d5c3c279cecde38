# ruff: noqa: RUF001, RUF002
"""Red team of whole conversations, round 23: volunteers as they really write.

A matched prompt ("Hulpvraag in Molenwijk: boodschappen ... Kun je helpen?") answered with more than yes or
no (a time, "als het kort is", "geen auto", a question about the resident, a friend along, another week),
an older invitation answered after a newer one came, "ja" twice, a holiday, stopping ("ik stop ermee, te
druk"), another kind offered; in the thread with the resident: a time and a public place agreed, a late
cancellation, the resident's number asked of the bot, a door that stays shut. Mostly Dutch, some
en/tr/ar/pl/uk. Replayed at the golden clock (Monday 23 November 2026, 10:00 UTC); this round's own turn
check adds round 19's (`note_has`, `answer_not`, `no_note`), the place of a proposed meeting
(`place_has`) and no repair lead ("Dat begreep ik niet helemaal.") in front of what follows.

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (34289b4).
- Batch 1 (BATCH_1, 36 dialogues; nl 26, en 2, tr 2, ar 2, pl 2, uk 2), written before studying the
  code, on main: 58/70, 24/36 (nl 45/54 17/26; en 3/3 2/2; tr 3/3 2/2; ar 4/4 2/2; pl 1/3 0/2; uk 2/3
  1/2). As first scored 59/70, 25/36: the repair-lead check was added after "rezygnuję, nie mam już
  czasu" passed with "Dat begreep ik niet helemaal" and the menu. After its fixes 68/70, 34/36 (nl 53/54
  25/26; pl 2/3 1/2; the others whole), two strict xfails.
- Batch 2 (BATCH_2, 37 dialogues, held out: written after batch 1's fixes, not aimed at them; nl 26, en 4,
  tr 2, ar 1, pl 2, uk 2): main 51/71, 21/37; before its own fixes (the honest figure) 57/71, 27/37 (nl
  42/53 19/26; en 5/7 2/4; tr 3/3 2/2; ar 2/2 1/1; pl 2/3 1/2; uk 3/3 2/2); after 70/71, 36/37, one strict
  xfail. One message was changed after scoring so that it is new to every round ("ja graag" at "Zal ik er
  een afspraak van maken?" is round 8's): "jazeker, doe maar" was then passed on to Ans (fixed, below).
- Guards (GUARDS, 7 dialogues, with batch 2's fixes): 10/10, 7/7 on main and after.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What the bot did, and does now (mechanisms):
- "nee deze week niet, volgende week wel", "vandaag lukt niet, donderdag wel" at an invitation were "Ik
  vraag je een andere keer weer", next week dropped: now a yes at the time that works (the clause with
  "wel", `invitations.works_instead` of round 15), its words the note; matching asks the resident when it
  does not suit her time. Not when undecided ("misschien", conversation.toml [round23_undecided]). Round
  7's "nu even niet, volgende week wel is a later" and test_invitation_conditions' later were changed by
  this decision.
- "ja de boodschappen van Ans doe ik" while Kees's lamp was asked last answered Kees's: an answer in words
  that names a waiting invitation's facts (name, kind, the description's longer words) and not the open
  one's answers that one (`invitations.by_content`); an older invitation answered (also by its old
  button) leaves the newer one open (`interleave.forget`, `asks`).
- "ik stop ermee, te druk" from a volunteer was the stop question, whose yes silenced every message;
  "rezygnuję, nie mam już czasu", "ik stop met helpen" were not understood: now whether to stop offering,
  with PAUZE named for who is busy (`offer.end_asked`, [round23_too_busy], `conversation._quits_helping`).
- "ik kan ook wel mensen naar de dokter rijden", "... iemand helpen met de computer", "ik wil ook wel honden
  uitlaten" were requests ("Wanneer heb je hulp nodig?"): now offers, the kind added and read back
  (intents.toml); a kind named that is offered already is said before the offer (`offer_kinds_known`).
- "zullen we zeggen donderdag 10 uur bij de ingang van de Jumbo?" made a meeting but asked "Waar?" again;
  "zal ik zaterdag om 11 uur bij de Lidl op je wachten?" was only passed on: a public place (one word of
  [round23_meeting_places]) is the place "other", its words as said, in the thread's proposal and at
  "Waar?", and with a day and hour it proposes to meet (not "ik ben ... bij de apotheek")
  (`meetings.other_place_in_words`). "jazeker, doe maar" at that Ja / Nee question was passed on: a Ja /
  Nee pair outside the readers' contexts is read as any yes/no (`interpret._yes_or_no`).
- A volunteer who must work ("ik moet morgen werken, kan niet komen") is offered "Iemand anders zoeken"
  too (an ill or absent one only, before), so the request goes back to matching on their word.
- "wat is het nummer van Ans?", "kun je mij haar telefoonnummer geven", "onun numarasını verir misiniz?"
  went to Ans: now how numbers are shared (DEEL NUMMER from both), nothing passed on
  (`threads._their_number_asked`, `thread_number_asked`).
- "ik sta voor de deur maar ze doet niet open en neemt niet op" was only passed on: now passed on, the team
  alerted high (`no_answer_at_door`, rank 1) and 112 named (`threads.no_answer_at_door`).
- "is she ok with a male volunteer?" was a yes: a yes word in a clause that asks is no yes (answers.py),
  with "is she", "is he" among the English question openers.

Known misses (strict xfails): cooking is no kind of help ("ik wil ook wel koken": the offer is shown,
cooking not named; round 5's understanding case reads "koken voor een buurtgenoot" without a kind);
Polish "w przyszłym" leaving out "tygodniu" is read as no time (a no); a break's length is read in Dutch
and English only ("wyjeżdżam na dwa tygodnie" asks how long). Left alone: the volunteer's "Afzeggen"
cancels the meeting only (the request stays matched; "Iemand anders zoeken" rematches); "ik heb haar
nummer al" would be answered as a number asked.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    CRISIS,
    INVITE,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
)
from tests.test_dialogues_redteam5 import OFFER, PROPOSAL, VOLUNTEER_MEETING
from tests.test_dialogues_redteam17 import INVITE_2
from tests.test_dialogues_redteam19 import check as note_check

D = Dialogue
MISS = ["not_understood", "*_again"]
HENK = {"first_name": "Henk", "neighbourhood": "molenwijk", "consented": True, "offer": OFFER}
ANS_THREAD = {"id": 3, "other_name": "Ans", "category": "boodschappen", "status": "open"}
HENK_T = {**HENK, "threads": [ANS_THREAD]}
INVITED = {"keys": ["invite"]}
# Henk's meeting with Ans tomorrow (Tuesday 24 November) at 10:00 at her home, and today at 14:00.
TOMORROW = {**VOLUNTEER_MEETING, "starts_at": "2026-11-24T09:00:00+00:00"}
AGREED_TOMORROW = {"internal": "meet_agreed", "meta": {"meeting": TOMORROW}}
AGREED_TODAY = {"internal": "meet_agreed", "meta": {"meeting": VOLUNTEER_MEETING}}
# What the engine sends Henk after his yes to "Zal ik er een afspraak van maken?" (Ans is the host).
PLAN_HENK = {
    "internal": "meet_plan",
    "meta": {
        "thread_id": 3,
        "meeting_id": None,
        "name": "Ans",
        "host": "Ans",
        "host_is_me": False,
        "centre": "",
    },
}
FROM_ANS = {"internal": "relayed", "meta": {"thread_id": 3, "name": "Ans", "text": "Neem je ook melk mee?"}}


def lang(code: str) -> dict[str, Any]:
    return menu_state(code)


def answered(answer: str, request_id: int = 41, **more: Any) -> dict[str, Any]:
    """The invitation answered `answer` (for that request)."""
    return {
        "effect_has": {"answer_invitation": {"answer": answer, "request_id": request_id}},
        "not_keys": MISS,
        **more,
    }


def yes_with(note: str, **more: Any) -> dict[str, Any]:
    """A yes that keeps the volunteer's words for the resident."""
    return answered("yes", note_has=note, **more)


def counter(note: str, **more: Any) -> dict[str, Any]:
    """Not now but another time: no plain no, and the other time reaches the resident."""
    return {"answer_not": ["no"], "note_has": note, "not_keys": MISS, **more}


def question(**more: Any) -> dict[str, Any]:
    """A question at an invitation: answered, nothing decided, the invitation still open."""
    return {"no_effect": ["answer_invitation"], "not_keys": MISS, **more}


def proposed(starts_at: str, place: str) -> dict[str, Any]:
    return {"effect_has": {"meet_propose": {"starts_at": starts_at}}, "place_has": place, "not_keys": MISS}


SAID_OFFER = {"effect": ["relay"], "keys": ["meet_said_offer"]}
CANNOT = {"effect": ["relay"], "keys": ["meet_cannot_come"], "not_keys": MISS}
PAUSED = {"effect": ["pause_offer"], "keys": ["offer_paused"], "not_keys": MISS}
NOT_RELAYED_NUMBER = {"no_effect": ["relay", "share_number"], "not_keys": MISS, "says": ["DEEL NUMMER"]}
ENDING = {"no_effect": ["set_stopped", "stop_offer"], "not_keys": MISS}
ALERTED = {"effect": ["alert_staff"], "not_keys": MISS}


def offer_read_back(says: list[str], not_says: list[str] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    return {"keys": ["offer_summary"], "says": says, "not_says": list(not_says), "not_keys": MISS}


BATCH_1 = [
    # The invitation answered with more than yes or no.
    D(
        "invite: 'ja hoor maar pas na half 3, eerst werken' keeps the time",
        ((INVITE, INVITED), ("ja hoor maar pas na half 3, eerst werken", yes_with("half 3"))),
        profile=HENK,
    ),
    D(
        "invite: 'ja als het kort is, heb om 12 uur een afspraak'",
        ((INVITE, INVITED), ("ja als het kort is, heb om 12 uur een afspraak", yes_with("kort"))),
        profile=HENK,
    ),
    D(
        "invite: 'nee deze week niet, volgende week wel' is no plain no",
        ((INVITE, INVITED), ("nee deze week niet, volgende week wel", counter("volgende week"))),
        profile=HENK,
    ),
    D(
        "invite: 'hoe ver is dat van mij vandaan?' is a question",
        ((INVITE, INVITED), ("hoe ver is dat van mij vandaan?", question())),
        profile=HENK,
    ),
    D(
        "invite: 'is het een man of vrouw?' is a question",
        ((INVITE, INVITED), ("is het een man of vrouw?", question())),
        profile=HENK,
    ),
    D(
        "invite: 'kan mijn vriendin mee?' is a question, not a yes",
        ((INVITE, INVITED), ("kan mijn vriendin mee?", question())),
        profile=HENK,
    ),
    D(
        "invite: 'welke boodschappen?' is answered with what Ans asked",
        ((INVITE, INVITED), ("welke boodschappen?", question(says=["brood"]))),
        profile=HENK,
    ),
    D(
        "invite: 'ik kan wel maar heb geen auto' is a yes with a note",
        ((INVITE, INVITED), ("ik kan wel maar heb geen auto", yes_with("auto"))),
        profile=HENK,
    ),
    D(
        "invite, SMS: 'ja kan wel.. wel op de fiets dus niet te veel' is a yes with a note",
        ((INVITE, INVITED), ("ja kan wel.. wel op de fiets dus niet te veel", yes_with("fiets"))),
        profile=HENK,
    ),
    D(
        "invite: 'helaas, ik lig zelf met griep op bed' is a no",
        ((INVITE, INVITED), ("helaas, ik lig zelf met griep op bed", answered("no"))),
        profile=HENK,
    ),
    # Two invitations: an answer for the older one.
    D(
        "two invitations: 'ja de boodschappen van Ans doe ik' answers the older one",
        (
            (INVITE, INVITED),
            (INVITE_2, INVITED),
            ("ja de boodschappen van Ans doe ik", answered("yes", 41, no_effect=[])),
        ),
        profile=HENK,
    ),
    D(
        "two invitations: 'die lamp lukt me niet, sorry' says no to the newer one only",
        (
            (INVITE, INVITED),
            (INVITE_2, INVITED),
            ("die lamp lukt me niet, sorry", answered("no", 42, answer_not=["yes"])),
        ),
        profile=HENK,
    ),
    # Yes twice.
    D(
        "'ja' sent twice: one yes, the second is no miss and no second answer",
        (
            (INVITE, INVITED),
            ("ja", answered("yes")),
            ("ja", {"no_effect": ["answer_invitation"], "not_keys": MISS}),
        ),
        profile=HENK,
    ),
    D(
        "'Ja!' then 'ja ik kom eraan' (impatient): one yes",
        (
            (INVITE, INVITED),
            ("Ja!", answered("yes")),
            ("ja ik kom eraan", {"no_effect": ["answer_invitation"], "not_keys": MISS}),
        ),
        profile=HENK,
    ),
    # The volunteer's own life: away, stopping, offering something else.
    D(
        "volunteer: 'ik ben 3 weken weg' pauses the invitations three weeks",
        (("ik ben 3 weken weg", {**PAUSED, "says": ["14 december"]}),),
        profile=HENK,
    ),
    D(
        "volunteer: 'ik stop ermee, te druk' asks first, then 'ja helemaal stoppen' ends the offer",
        (
            ("ik stop ermee, te druk", ENDING),
            ("ja helemaal stoppen", {"effect": ["stop_offer"], "no_effect": ["set_stopped"]}),
        ),
        profile=HENK,
    ),
    D(
        "volunteer: 'ik wil ook wel koken' is heard as a change of the offer",
        (("ik wil ook wel koken", {"keys": ["offer_*"], "says": ["koken"], "not_keys": MISS}),),
        profile=HENK,
        gap="cooking is no kind of help in the catalogue (round 5's understanding cases read 'koken voor een "
        "buurtgenoot' as an offer without a kind): the offer is shown, the cooking not named",
    ),
    D(
        "volunteer: 'ik kan ook wel mensen naar de dokter rijden' adds vervoer",
        (("ik kan ook wel mensen naar de dokter rijden", offer_read_back(["vervoer", "boodschappen"])),),
        profile=HENK,
    ),
    # In the thread with the resident.
    D(
        "thread: 'zullen we zeggen donderdag 10 uur bij de ingang van de Jumbo?' becomes a proposal there",
        (
            ("zullen we zeggen donderdag 10 uur bij de ingang van de Jumbo?", SAID_OFFER),
            ("ja", {"effect": ["meet_manage"]}),
            (PLAN_HENK, proposed("2026-11-26T10:00:00+01:00", "Jumbo")),
        ),
        profile=HENK_T,
    ),
    D(
        "thread: 'sorry ik ben ziek, kan morgen niet' (meeting tomorrow): passed on, then someone else",
        (
            (AGREED_TOMORROW, {}),
            ("sorry ik ben ziek, kan morgen niet", CANNOT),
            ("kan iemand anders het overnemen?", {"effect": ["meet_rematch"], "not_keys": MISS}),
        ),
        profile=HENK_T,
    ),
    D(
        "thread: 'moet helaas afzeggen voor morgen, mn moeder is gevallen' then 'zeg maar af'",
        (
            (AGREED_TOMORROW, {}),
            ("moet helaas afzeggen voor morgen, mn moeder is gevallen", CANNOT),
            ("zeg maar af", {"effect": ["meet_cancel"], "not_keys": MISS}),
        ),
        profile=HENK_T,
    ),
    D(
        "thread: 'wat is het nummer van Ans? dan bel ik haar even' is asked of the bot, not passed on",
        (("wat is het nummer van Ans? dan bel ik haar even", NOT_RELAYED_NUMBER),),
        profile=HENK_T,
    ),
    D(
        "thread: 'kun je mij haar telefoonnummer geven' is asked of the bot",
        (("kun je mij haar telefoonnummer geven", NOT_RELAYED_NUMBER),),
        profile=HENK_T,
    ),
    D(
        "thread: 'ik sta voor de deur maar ze doet niet open en neemt niet op' alerts the team",
        (
            (AGREED_TODAY, {}),
            ("ik sta voor de deur maar ze doet niet open en neemt niet op", ALERTED),
        ),
        profile=HENK_T,
    ),
    D(
        "thread: 'ze ligt op de grond en komt niet meer omhoog' is a crisis",
        (("ze ligt op de grond en komt niet meer omhoog", CRISIS),),
        profile=HENK_T,
    ),
    D(
        "the older prompt: 'Past dat?' answered after Ans's newer message",
        (
            (PROPOSAL, {"keys": ["meet_proposal"]}),
            (FROM_ANS, {}),
            ("ja woensdag past prima", {"effect_has": {"meet_answer": {"answer": "yes"}}, "not_keys": MISS}),
        ),
        profile=HENK_T,
    ),
    # Other languages.
    D(
        "invite (en): 'yes but I don't have a car, is that ok?'",
        ((INVITE, INVITED), ("yes but I don't have a car, is that ok?", yes_with("car"))),
        profile=HENK,
        state=lang("en"),
    ),
    D(
        "invite (tr): 'evet ama kısa sürerse'",
        ((INVITE, INVITED), ("evet ama kısa sürerse", yes_with("kısa"))),
        profile=HENK,
        state=lang("tr"),
    ),
    D(
        "invite (ar): 'نعم لكن ليس عندي سيارة'",
        ((INVITE, INVITED), ("نعم لكن ليس عندي سيارة", yes_with("سيارة"))),
        profile=HENK,
        state=lang("ar"),
    ),
    D(
        "invite (pl): 'nie w tym tygodniu, ale w przyszłym tak'",
        ((INVITE, INVITED), ("nie w tym tygodniu, ale w przyszłym tak", counter("przyszłym"))),
        profile=HENK,
        state=lang("pl"),
        gap="'w przyszłym' leaves out 'tygodniu' (said with 'w tym'): the time reader reads no next week, so "
        "the answer is a plain no",
    ),
    D(
        "invite (uk): 'це чоловік чи жінка?'",
        ((INVITE, INVITED), ("це чоловік чи жінка?", question())),
        profile=HENK,
        state=lang("uk"),
    ),
    D(
        "volunteer (en): 'I'm away for 3 weeks from saturday'",
        (("I'm away for 3 weeks from saturday", {**PAUSED}),),
        profile=HENK,
        state=lang("en"),
    ),
    D(
        "volunteer (pl): 'rezygnuję, nie mam już czasu' asks first",
        (("rezygnuję, nie mam już czasu", ENDING),),
        profile=HENK,
        state=lang("pl"),
    ),
    D(
        "thread (tr): 'perşembe saat 10da Jumbo'nun girişinde buluşalım mı?'",
        (("perşembe saat 10da Jumbo'nun girişinde buluşalım mı?", SAID_OFFER),),
        profile=HENK_T,
        state=lang("tr"),
    ),
    D(
        "thread (ar): 'آسف أنا مريض، لا أستطيع غدا' (meeting tomorrow)",
        ((AGREED_TOMORROW, {}), ("آسف أنا مريض، لا أستطيع غدا", CANNOT)),
        profile=HENK_T,
        state=lang("ar"),
    ),
    D(
        "thread (uk): 'дайте мені її номер телефону'",
        (("дайте мені її номер телефону", {"no_effect": ["relay", "share_number"], "not_keys": MISS}),),
        profile=HENK_T,
        state=lang("uk"),
    ),
]


# Batch 2, held out: written after batch 1's fixes, not aimed at them; scored before its own fixes.
BATCH_2 = [
    D(
        "invite: 'ja prima, maar ik kan pas na het eten' keeps the time",
        ((INVITE, INVITED), ("ja prima, maar ik kan pas na het eten", yes_with("eten"))),
        profile=HENK,
    ),
    D(
        "invite: 'kan wel, als het niet te lang duurt'",
        ((INVITE, INVITED), ("kan wel, als het niet te lang duurt", yes_with("lang"))),
        profile=HENK,
    ),
    D(
        "invite: 'ik kan wel, maar alleen lopend' is a yes with a note",
        ((INVITE, INVITED), ("ik kan wel, maar alleen lopend", yes_with("lopend"))),
        profile=HENK,
    ),
    D(
        "invite: 'vandaag lukt niet, donderdag wel' offers thursday",
        ((INVITE, INVITED), ("vandaag lukt niet, donderdag wel", counter("donderdag"))),
        profile=HENK,
    ),
    D(
        "invite: 'hoeveel boodschappen zijn het?' is a question",
        ((INVITE, INVITED), ("hoeveel boodschappen zijn het?", question())),
        profile=HENK,
    ),
    D(
        "invite: 'is ze slecht ter been?' is a question",
        ((INVITE, INVITED), ("is ze slecht ter been?", question())),
        profile=HENK,
    ),
    D(
        "invite: 'mag ik mijn zoon meenemen?' is a question, not a yes",
        ((INVITE, INVITED), ("mag ik mijn zoon meenemen?", question())),
        profile=HENK,
    ),
    D(
        "invite: 'wat moet ik precies halen?' is answered with what Ans asked",
        ((INVITE, INVITED), ("wat moet ik precies halen?", question(says=["brood"]))),
        profile=HENK,
    ),
    D(
        "invite: 'nee sorry, mijn auto is kapot' is a no",
        ((INVITE, INVITED), ("nee sorry, mijn auto is kapot", answered("no"))),
        profile=HENK,
    ),
    D(
        "two invitations: 'brood halen kan ik wel doen' answers Ans's (the older)",
        ((INVITE, INVITED), (INVITE_2, INVITED), ("brood halen kan ik wel doen", answered("yes", 41))),
        profile=HENK,
    ),
    D(
        "two invitations: 'Kees help ik wel met zijn lamp' answers Kees's (the newer)",
        ((INVITE, INVITED), (INVITE_2, INVITED), ("Kees help ik wel met zijn lamp", answered("yes", 42))),
        profile=HENK,
    ),
    D(
        "'1' then 'ja ja ik doe het': one yes",
        (
            (INVITE, INVITED),
            ("1", answered("yes")),
            ("ja ja ik doe het", {"no_effect": ["answer_invitation"], "not_keys": MISS}),
        ),
        profile=HENK,
    ),
    D(
        "volunteer: 'ben vanaf vrijdag twee weekjes in Turkije' pauses the invitations",
        (("ben vanaf vrijdag twee weekjes in Turkije", PAUSED),),
        profile=HENK,
    ),
    D(
        "volunteer: 'ik wil eigenlijk geen vrijwilliger meer zijn, het wordt me te veel' asks first",
        (("ik wil eigenlijk geen vrijwilliger meer zijn, het wordt me te veel", ENDING),),
        profile=HENK,
    ),
    D(
        "volunteer: 'ik stop met helpen, sorry' asks first, 'nee, ik ga toch door' keeps the offer",
        (
            ("ik stop met helpen, sorry", ENDING),
            ("nee, ik ga toch door", {"no_effect": ["stop_offer", "set_stopped"], "not_keys": MISS}),
        ),
        profile=HENK,
    ),
    D(
        "volunteer: 'ik kan ook wel iemand helpen met de computer' adds computer",
        (("ik kan ook wel iemand helpen met de computer", offer_read_back(["computer", "boodschappen"])),),
        profile=HENK,
    ),
    D(
        "volunteer: 'ik wil ook wel honden uitlaten hoor' adds pets",
        (("ik wil ook wel honden uitlaten hoor", offer_read_back(["huisdieren"])),),
        profile=HENK,
    ),
    D(
        "thread: 'zal ik zaterdag om 11 uur bij de Lidl op je wachten?' becomes a proposal there",
        (
            ("zal ik zaterdag om 11 uur bij de Lidl op je wachten?", SAID_OFFER),
            ("jazeker, doe maar", {"effect": ["meet_manage"]}),
            (PLAN_HENK, proposed("2026-11-28T11:00:00+01:00", "Lidl")),
        ),
        profile=HENK_T,
    ),
    D(
        "thread: 'afgesproken, dinsdag half 10 voor de apotheek' becomes a proposal there",
        (
            ("afgesproken, dinsdag half 10 voor de apotheek", SAID_OFFER),
            ("ja", {"effect": ["meet_manage"]}),
            (PLAN_HENK, proposed("2026-11-24T09:30:00+01:00", "apotheek")),
        ),
        profile=HENK_T,
    ),
    D(
        "thread: 'het spijt me maar ik moet morgen werken, kan niet komen' then 'regel maar iemand anders'",
        (
            (AGREED_TOMORROW, {}),
            ("het spijt me maar ik moet morgen werken, kan niet komen", CANNOT),
            ("regel maar iemand anders", {"effect": ["meet_rematch"], "not_keys": MISS}),
        ),
        profile=HENK_T,
    ),
    D(
        "thread: 'ik lig met koorts in bed, vanmiddag gaat niet door' (meeting today)",
        ((AGREED_TODAY, {}), ("ik lig met koorts in bed, vanmiddag gaat niet door", CANNOT)),
        profile=HENK_T,
    ),
    D(
        "thread: 'heb jij het 06 nummer van Ans voor me?' is asked of the bot",
        (("heb jij het 06 nummer van Ans voor me?", NOT_RELAYED_NUMBER),),
        profile=HENK_T,
    ),
    D(
        "thread: 'mag ik haar nummer zodat ik kan bellen als ik er ben' is asked of the bot",
        (("mag ik haar nummer zodat ik kan bellen als ik er ben", NOT_RELAYED_NUMBER),),
        profile=HENK_T,
    ),
    D(
        "thread: 'ik heb 3x aangebeld maar er wordt niet opengedaan' alerts the team",
        ((AGREED_TODAY, {}), ("ik heb 3x aangebeld maar er wordt niet opengedaan", ALERTED)),
        profile=HENK_T,
    ),
    D(
        "thread: 'ze reageert niet op de bel en haar telefoon gaat maar over' alerts the team",
        ((AGREED_TODAY, {}), ("ze reageert niet op de bel en haar telefoon gaat maar over", ALERTED)),
        profile=HENK_T,
    ),
    D(
        "the older prompt: 'dat is goed hoor, woensdag kan ik' answers 'Past dat?' after Ans's message",
        (
            (PROPOSAL, {"keys": ["meet_proposal"]}),
            (FROM_ANS, {}),
            (
                "dat is goed hoor, woensdag kan ik",
                {"effect_has": {"meet_answer": {"answer": "yes"}}, "not_keys": MISS},
            ),
        ),
        profile=HENK_T,
    ),
    D(
        "invite (en): 'happy to, but only after 5pm'",
        ((INVITE, INVITED), ("happy to, but only after 5pm", yes_with("5pm"))),
        profile=HENK,
        state=lang("en"),
    ),
    D(
        "invite (en): 'is she ok with a male volunteer?'",
        ((INVITE, INVITED), ("is she ok with a male volunteer?", question())),
        profile=HENK,
        state=lang("en"),
    ),
    D(
        "thread (en): 'I'm at her door but she isn't answering'",
        ((AGREED_TODAY, {}), ("I'm at her door but she isn't answering", ALERTED)),
        profile=HENK_T,
        state=lang("en"),
    ),
    D(
        "thread (en): 'let's meet thursday 10am outside the Jumbo'",
        (("let's meet thursday 10am outside the Jumbo", SAID_OFFER),),
        profile=HENK_T,
        state=lang("en"),
    ),
    D(
        "invite (tr): 'evet ama arabam yok'",
        ((INVITE, INVITED), ("evet ama arabam yok", yes_with("araba"))),
        profile=HENK,
        state=lang("tr"),
    ),
    D(
        "thread (tr): 'onun numarasını verir misiniz?'",
        (("onun numarasını verir misiniz?", {"no_effect": ["relay", "share_number"], "not_keys": MISS}),),
        profile=HENK_T,
        state=lang("tr"),
    ),
    D(
        "invite (ar): 'هل هي امرأة أو رجل؟'",
        ((INVITE, INVITED), ("هل هي امرأة أو رجل؟", question())),
        profile=HENK,
        state=lang("ar"),
    ),
    D(
        "invite (pl): 'tak, ale tylko rano'",
        ((INVITE, INVITED), ("tak, ale tylko rano", yes_with("rano"))),
        profile=HENK,
        state=lang("pl"),
    ),
    D(
        "volunteer (pl): 'wyjeżdżam na dwa tygodnie'",
        (("wyjeżdżam na dwa tygodnie", PAUSED),),
        profile=HENK,
        state=lang("pl"),
        # Round dialogue29: counts said as words are read in six languages (flows/pause.py `amount_words`).
    ),
    D(
        "invite (uk): 'так, але я без машини'",
        ((INVITE, INVITED), ("так, але я без машини", yes_with("машини"))),
        profile=HENK,
        state=lang("uk"),
    ),
    D(
        "volunteer (uk): 'я більше не можу бути волонтером, немає часу'",
        (("я більше не можу бути волонтером, немає часу", ENDING),),
        profile=HENK,
        state=lang("uk"),
    ),
]


NOT_OFFERING = {"first_name": "Ria", "neighbourhood": "molenwijk", "consented": True}
# Guards, written with batch 2's fixes: what the fixes must leave alone.
GUARDS = [
    D(
        "guard: 'ik ben donderdag om 10 uur bij de apotheek' in the thread tells where one is: no meeting",
        (
            (
                "ik ben donderdag om 10 uur bij de apotheek",
                {"effect": ["relay"], "not_keys": ["meet_said_offer"]},
            ),
        ),
        profile=HENK_T,
    ),
    D(
        "guard: 'mag ik je nummer?' is for Ans: passed on",
        (("mag ik je nummer?", {"effect": ["relay"], "not_keys": ["thread_number_asked"]}),),
        profile=HENK_T,
    ),
    D(
        "guard: 'de deur is open, kom maar binnen' alerts nobody",
        (("de deur is open, kom maar binnen", {"effect": ["relay"], "no_effect": ["alert_staff"]}),),
        profile=HENK_T,
    ),
    D(
        "guard: 'nee, misschien volgende week wel' at an invitation is no yes",
        ((INVITE, INVITED), ("nee, misschien volgende week wel", {"answer_not": ["yes"], "not_keys": MISS})),
        profile=HENK,
    ),
    D(
        "guard: someone who offers nothing: 'ik stop ermee, te druk' is the stop question",
        (("ik stop ermee, te druk", {"keys": ["stop_check"], "no_effect": ["set_stopped"]}),),
        profile=NOT_OFFERING,
    ),
    D(
        "guard: 'is het ver lopen?' at an invitation stays a question",
        ((INVITE, INVITED), ("is het ver lopen?", question())),
        profile=HENK,
    ),
    D(
        "guard: 'ok is goed, ik ga' at an invitation is a plain yes",
        ((INVITE, INVITED), ("ok is goed, ik ga", {**answered("yes"), "no_note": True})),
        profile=HENK,
    ),
]


def check(expect: dict[str, Any], result: Any) -> list[str]:
    """Round 19's checks of an invitation's answer, the place of a proposed meeting, and no repair lead
    ("Dat begreep ik niet helemaal.") in front of what follows: that is a miss too."""
    problems = note_check(expect, result)
    if any(reply.lead == "repair_lead" for reply in result.replies):
        problems.append("a repair lead")
    if "place_has" in expect:
        places = [str(e.data.get("place_text") or "") for e in result.effects if e.kind == "meet_propose"]
        if not any(expect["place_has"].lower() in p.lower() for p in places):
            problems.append(f"no meeting place with {expect['place_has']!r} ({places})")
    return problems


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


def test_messages_are_new() -> None:
    assert repeated_messages(__file__, [*BATCH_1, *BATCH_2, *GUARDS]) == []
