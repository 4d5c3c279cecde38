# ruff: noqa: RUF001
"""Red team of whole conversations, round 27: residents and volunteers, the loose ends.

What the last rounds saw and left, and more of their kind, replayed at the golden clock (Monday 23
November 2026, 10:00 UTC) with rounds 5, 14 and 25's fixtures: thanks alone at "Is het gelukt?" and "Doe
je mee?"; a weekly wish on another weekday ("kan Henk voortaan iedere dinsdag komen?") after a meeting is
agreed or at "Is het gelukt?"; being late said outside a reminder ("ik ben 10 minuten later", "het wordt
half 3"); AGENDA's "Ik doe mee" for someone who cannot get there alone; a volunteer who cancels ("Afzeggen");
check-ins asked for in words by a carer who has none; a volunteer's yes with a condition. This round's
check (`check`) adds round 19's notes, round 25's rides and `weekly_on` (a weekly meeting asked on a weekday).

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (563658f).
- Batch 1 (BATCH_1, 34 dialogues; nl 22, en 4, tr/pl/ar/uk 2 each; written before reading the flows
  that read them): main 50/76, 12/34 (nl 31/50 6/22; en 4/9 0/4; tr 5/5 2/2; pl 2/3 1/2; ar 4/4 2/2;
  uk 4/5 1/2). Two messages were reworded before scoring, one after (an earlier round held them word
  for word; the new wording holds on main as the old did). The volunteer-cancel expectation was changed
  by decision after scoring (below). After its fixes 76/76, 34/34.
- Batch 2 (BATCH_2, 36 dialogues, held out: written after batch 1's fixes, new wordings not aimed at them;
  nl 19, en 3, tr 4, ar 3, pl 3, uk 4): main 53/78, 13/36; before its own fixes (the honest figure) 71/78,
  29/36 (nl 37/42 14/19; en 7/7 3/3; tr 7/8 3/4; ar 5/6 2/3; pl 7/7 3/3; uk 8/8 4/4). After 78/78, 36/36.
- Guards (GUARDS, 13 dialogues, with batch 2's fixes): main 24/26, 11/13; after 26/26, 13/13.
- The six conditional yeses of batch 1 and five of batch 2 held on main already ("ja als het niet regent",
  "ja, alleen als het dichtbij is hoor", "так, якщо це недалеко", ...): a yes with its words as the note.
- Engine: tests/test_meetings_dialogue27.py (a volunteer's cancel rematches; weekly from the first Tuesday).
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What the bot did, and does now (mechanisms; data in blocks marked "round dialogue27"):
- "dank je", "bedankt!", "thanks!", "🙏" at "Is het gelukt?" were a yes (round 19's praise words hold the
  thanks; the emoji read as a yes); "dankjewel voor het vragen" went to Henk. Now `meetings.thanks_alone`
  (in `check_in_words` and at "Doe je mee?" in `after_help_in_words`): a message that is thanks alone
  (`smalltalk.kind_of`) gets "Graag gedaan!" and the question again. [smalltalk_thanks] has thanks for
  being asked in six languages; [smalltalk_light] interjections ("ah", "oh", "nou").
- "kan Henk voortaan iedere dinsdag komen?" after a meeting was agreed went to Henk only; at "Is het
  gelukt?" weekly was asked at the meeting's own day. Now `meetings.weekly_in_words` (conversation.py
  `_to_neighbour`) and `weekly_asked`: a wish to meet again that names one weekday (the time reader's weekly
  reading) asks every week on that day (`meet_weekly` with `weekday`, `meet_weekly_day_asked`); the engine
  (bot/effects/meetings.py `weekly`, `flows.meetings.next_on_weekday`) proposes from the first such day
  after the meeting, same time and place. The meeting's own day asks plain weekly, as before.
- "het wordt half 3", "het wordt kwart voor 3" were only passed on: [dialogue27_late] beside round 25's
  late words; a time with another day ("het wordt donderdag half 3") is no lateness (`_other_day`). "ik kom
  morgen een kwartiertje later" asked to move or cancel: the meeting's own day said without an hour is no
  other time (`_other_time_said`, `_day_named`).
- AGENDA: "ik doe mee met 3, maar ik kan er niet zelf komen" was not understood (a number in a sentence)
  and a title with a ride signed up without one; after the button, "kan iemand me halen? ik loop slecht"
  became a request for boodschappen. Now `agenda._named` reads a page number in a sentence, and
  conversation.py `_agenda` (and the message after a sign-up, `agenda.JOINED` kept for one turn) reads a
  ride or not getting there alone (`meetings.ride_wanted`: [dialogue25_ride], [dialogue27_cannot_travel],
  [dialogue27_cannot_travel_gapped]) as the sign-up and a ride request read back to send (`ride_to`, round
  25's "Doe je mee?" ride).
- A volunteer's "Afzeggen" (AFSPRAAK or after "ik kan morgen niet") cancelled the meeting only: the request
  stayed matched, the resident was told "Nieuwe afspraak maken? Stuur AFSPRAAK.". Now, for a one-off
  meeting, `meet_cancel` carries `rematch` (key `meet_cancelled_rematch`): the engine's `cancel` runs
  `rematch` (the thread ends, the request goes back to matching, the resident hears once "Henk kan je niet
  meer helpen. Geen probleem: ik zoek een andere buur voor je."). A weekly meeting's date, or the
  resident's cancel, is a plain cancel as before. "morgen gaat het bij mij niet lukken", "ik red het morgen
  niet" are cannot-come words ([dialogue27_cannot_come], with CANCEL_WORDS' gaps).
- "ik wil graag af en toe gevraagd worden hoe het gaat" from a carer with no check-ins was not understood
  (en/pl: the registration shown). Now `care.checkins_asked_for` (a wish, [dialogue27_checkins_wanted],
  beside words that name the check-ins, not a stop or [dialogue27_checkins_not]) asks how often
  (`care_rhythm`); a request reading of "أريد ..." no longer wins over it (conversation.py `_care_in_words`).

Decided:
- A volunteer's cancel of the one meeting is the end of their help on this request: one effect, the cancel
  that rematches (batch 1's expectation was meet_cancel and meet_rematch; both would tell the resident
  twice, once wrongly). tests/test_meetings.py's cancel test now cancels from the resident's side, where
  "meet_cancelled_by_other" still holds. The volunteer who wants another day has "Andere tijd of plek".
- Lateness is told, not a move (round 25's decision kept): "het wordt half 3" is passed on and read back.
- A weekly wish on another day keeps the meeting's time and place; the agreed meeting itself stays.

Known misses: none (no strict xfails). Noticed, left alone: "elke dinsdag om 3 uur" keeps the meeting's
hour (the weekly proposal says "zelfde tijd en plek"); an urgent request sent back to matching by a
cancel is not told to staff separately (the matchmaker's own no-match path does); a lone thanks at other
yes/no questions of the bot (the thread's "Is de hulp klaar?") was not examined; a weekly wish in a thread
is also passed on to the neighbour word for word, before the proposal.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    CARER,
    INVITE,
    RIA,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
    score,
)
from tests.test_dialogues_redteam5 import (
    MEETING,
    OFFER,
    REMINDER,
    VOLUNTEER_MEETING,
    WITH_THREAD,
)
from tests.test_dialogues_redteam14 import AGENDA, KOFFIE, PAST
from tests.test_dialogues_redteam19 import check as note_check
from tests.test_dialogues_redteam25 import round_check

D = Dialogue
MISS = ["not_understood", "*_again"]
CHECK = {"internal": "meet_check", "meta": {"meeting": PAST}}
VCHECK = {
    "internal": "meet_check",
    "meta": {"meeting": {**VOLUNTEER_MEETING, "starts_at": "2026-11-21T13:00:00+00:00"}},
}
# Henk the volunteer, in a thread with Ans; his meeting with her today at 14:00 (her home), tomorrow at 10:00.
HENK = {"first_name": "Henk", "neighbourhood": "molenwijk", "consented": True, "offer": OFFER}
HENK_T = {**HENK, "threads": [{"id": 3, "other_name": "Ans", "category": "boodschappen", "status": "open"}]}
AGREED_TODAY = {"internal": "meet_agreed", "meta": {"meeting": VOLUNTEER_MEETING}}
TOMORROW = {**VOLUNTEER_MEETING, "starts_at": "2026-11-24T09:00:00+00:00"}
AGREED_TOMORROW = {"internal": "meet_agreed", "meta": {"meeting": TOMORROW}}
STATUS_TOMORROW = {"internal": "meet_status", "meta": {"meeting": TOMORROW}}
# Ria's meeting with Henk: tomorrow (Tuesday) at 14:00, and Saturday 28 November at 10:00.
AGREED = {"internal": "meet_agreed", "meta": {"meeting": MEETING}}
SATURDAY = {**MEETING, "starts_at": "2026-11-28T09:00:00+00:00"}
AGREED_SATURDAY = {"internal": "meet_agreed", "meta": {"meeting": SATURDAY}}
# A carer who said "Niet" to the check-ins' rhythm.
CARER_NEVER = {**CARER, "care": {**CARER["care"], "rhythm": {"freq": "never"}}}


def L(code: str) -> dict[str, Any]:
    return menu_state(code)


def check(expect: dict[str, Any], result: Any) -> list[str]:
    """Round 19's notes and round 25's rides and any-of checks, and this round's own: `weekly_on`, a
    weekly meeting asked of the other on that weekday (0 Monday)."""
    problems = note_check(expect, result) + round_check(expect, result)
    if "weekly_on" in expect:
        day = expect["weekly_on"]
        found = False
        for effect in result.effects:
            if effect.kind == "meet_weekly" and effect.data.get("weekday") == day:
                found = True
            if effect.kind == "meet_propose" and effect.data.get("recurring"):
                found = found or datetime.fromisoformat(effect.data["starts_at"]).weekday() == day
        if not found:
            problems.append(
                f"no weekly meeting asked on weekday {day} ({[(e.kind, e.data) for e in result.effects]})"
            )
    return problems


def outcome(value: str, **more: Any) -> dict[str, Any]:
    return {
        **more,
        "effect_has": {**more.get("effect_has", {}), "meet_outcome": {"outcome": value}},
        "not_keys": [*more.get("not_keys", ()), *MISS],
    }


# Thanks alone at "Is het gelukt?": no answer, the question stays open.
THANKS_OPEN = {"no_effect": ["meet_outcome"], "not_keys": ["not_understood"]}
ASKED_AGAIN_NL = {**THANKS_OPEN, "says": ["gelukt"]}


def weekly(day: int, *says: str, **more: Any) -> dict[str, Any]:
    return {"weekly_on": day, "says": list(says), "not_keys": MISS, **more}


def late(clock: str) -> dict[str, Any]:
    return {
        "effect": ["relay"],
        "says": [clock],
        "no_effect": ["meet_cancel"],
        "not_keys": [*MISS, "meet_cannot_come"],
    }


JOINED_RIDE = {"effect": ["agenda_signup"], "ride": True, "no_effect": ["relay"], "not_keys": MISS}
# Decided after scoring: one effect, the cancel that rematches (the engine ends the meeting and the thread
# and tells the resident once, "meet_ended"); a plain cancel beside a rematch would tell her twice.
CANCELLED_REMATCH = {
    "effect_has": {"meet_cancel": {"rematch": True}},
    "keys": ["meet_cancelled_rematch"],
    "not_keys": MISS,
}
CANNOT = {"effect": ["relay"], "keys": ["meet_cannot_come"], "not_keys": MISS}
RHYTHM_ASKED = {"keys": ["care_rhythm"], "no_effect": ["create_request", "relay"], "not_keys": MISS}


def yes_with(note: str) -> dict[str, Any]:
    return {
        "effect_has": {"answer_invitation": {"answer": "yes", "request_id": 41}},
        "note_has": note,
        "not_keys": MISS,
    }


BATCH_1 = [
    # Thanks alone are no answer to "Is het gelukt?".
    D(
        "check: a lone 'dank je' is no yes; then 'ja' is",
        ((CHECK, {}), ("dank je", ASKED_AGAIN_NL), ("ja", outcome("yes"))),
        profile=WITH_THREAD,
    ),
    D(
        "volunteer check: 'bedankt!' is no yes; then 'nee' is a no",
        ((VCHECK, {}), ("bedankt!", ASKED_AGAIN_NL), ("nee", outcome("no"))),
        profile=HENK_T,
    ),
    D(
        "check: 'dankjewel voor het vragen' is no answer; 'ja hoor, dat is gelukt' is",
        (
            (CHECK, {}),
            ("dankjewel voor het vragen", ASKED_AGAIN_NL),
            ("ja hoor, dat is gelukt", outcome("yes")),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "en check: 'thanks!' is no yes",
        ((CHECK, {}), ("thanks!", THANKS_OPEN), ("yes it did", outcome("yes"))),
        state=L("en"),
        profile=WITH_THREAD,
    ),
    D(
        "tr check: 'teşekkür ederim' is no yes",
        ((CHECK, {}), ("teşekkür ederim", THANKS_OPEN), ("evet oldu", outcome("yes"))),
        state=L("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'ja, dank je wel' is a yes with thanks",
        (
            (CHECK, {}),
            ("ja, dank je wel", outcome("yes")),
        ),
        profile=WITH_THREAD,
    ),
    # A recurring wish on another day.
    D(
        "agreed Saturday: 'kan Henk voortaan iedere dinsdag komen?' asks Henk for Tuesdays",
        ((AGREED_SATURDAY, {}), ("kan Henk voortaan iedere dinsdag komen?", weekly(1, "dinsdag"))),
        profile=WITH_THREAD,
    ),
    D(
        "check of a Saturday: 'ja! kan hij voortaan elke dinsdag?' is a yes and Tuesdays asked",
        ((CHECK, {}), ("ja! kan hij voortaan elke dinsdag?", {**outcome("yes"), **weekly(1, "dinsdag")})),
        profile=WITH_THREAD,
    ),
    D(
        "agreed Saturday: 'zou het elke donderdag kunnen, zelfde tijd?' asks Henk for Thursdays",
        ((AGREED_SATURDAY, {}), ("zou het elke donderdag kunnen, zelfde tijd?", weekly(3, "donderdag"))),
        profile=WITH_THREAD,
    ),
    D(
        "en agreed Saturday: 'could he come every Tuesday from now on?'",
        ((AGREED_SATURDAY, {}), ("could he come every Tuesday from now on?", weekly(1, "Tuesday"))),
        state=L("en"),
        profile=WITH_THREAD,
    ),
    D(
        "volunteer, agreed today: 'ik kan voortaan elke woensdag bij Ans langs' asks Ans for Wednesdays",
        ((AGREED_TODAY, {}), ("ik kan voortaan elke woensdag bij Ans langs", weekly(2, "woensdag"))),
        profile=HENK_T,
    ),
    # Late, said outside a reminder.
    D(
        "volunteer, agreed today 14:00: 'ik ben 10 minuten later' tells Ans 14:10",
        ((AGREED_TODAY, {}), ("ik ben 10 minuten later", late("14:10"))),
        profile=HENK_T,
    ),
    D(
        "volunteer, agreed today 14:00: 'het wordt half 3' tells Ans 14:30",
        ((AGREED_TODAY, {}), ("het wordt half 3", late("14:30"))),
        profile=HENK_T,
    ),
    D(
        "resident, agreed tomorrow 14:00: 'het wordt morgen half 3, sorry' tells Henk 14:30",
        ((AGREED, {}), ("het wordt morgen half 3, sorry", late("14:30"))),
        profile=WITH_THREAD,
    ),
    D(
        "resident, reminder 14:00: 'het wordt kwart voor 3' tells Henk 14:45",
        ((REMINDER, {}), ("het wordt kwart voor 3", late("14:45"))),
        profile=WITH_THREAD,
    ),
    D(
        "pl volunteer, agreed today: 'spóźnię się 10 minut' tells Ans 14:10",
        ((AGREED_TODAY, {}), ("spóźnię się 10 minut", late("14:10"))),
        state=L("pl"),
        profile=HENK_T,
    ),
    D(
        "ar volunteer, agreed today: 'سأتأخر ربع ساعة' tells Ans 14:15",
        ((AGREED_TODAY, {}), ("سأتأخر ربع ساعة", late("14:15"))),
        state=L("ar"),
        profile=HENK_T,
    ),
    # AGENDA's own "Ik doe mee" for someone who cannot get there alone.
    D(
        "agenda: 'ik doe mee met 3, maar ik kan er niet zelf komen' signs up and asks a ride",
        (*AGENDA, ("ik doe mee met 3, maar ik kan er niet zelf komen", JOINED_RIDE)),
        profile=dict(RIA),
    ),
    D(
        "agenda: 'de koffieochtend graag, als iemand me brengt' signs up and asks a ride",
        (*AGENDA, ("de koffieochtend graag, als iemand me brengt", JOINED_RIDE)),
        profile=dict(RIA),
    ),
    D(
        "agenda: the button, then 'kan iemand me halen? ik loop slecht' asks a ride for it",
        (
            *AGENDA,
            ({"choice": "join:2"}, {"effect": ["agenda_signup"]}),
            ("kan iemand me halen? ik loop slecht", {"ride": True, "no_effect": ["relay"], "not_keys": MISS}),
        ),
        profile=dict(RIA),
    ),
    D(
        "en agenda: 'number 3 please, but I need a ride there' signs up and asks a ride",
        (*AGENDA, ("number 3 please, but I need a ride there", JOINED_RIDE)),
        state=L("en"),
        profile=dict(RIA),
    ),
    D(
        "uk agenda: '3, але мене треба підвезти' signs up and asks a ride",
        (*AGENDA, ("3, але мене треба підвезти", JOINED_RIDE)),
        state=L("uk"),
        profile=dict(RIA),
    ),
    # A volunteer who cancels: the request goes back to matching.
    D(
        "volunteer: AFSPRAAK's 'Afzeggen' cancels and finds Ans someone else",
        ((STATUS_TOMORROW, {}), ({"choice": "meetm:7:cancel"}, CANCELLED_REMATCH)),
        profile=HENK_T,
    ),
    D(
        "volunteer: 'sorry, morgen gaat niet door' then 'afzeggen' cancels and finds Ans someone else",
        (
            (AGREED_TOMORROW, {}),
            ("sorry, morgen gaat het bij mij niet lukken", CANNOT),
            ("afzeggen", CANCELLED_REMATCH),
        ),
        profile=HENK_T,
    ),
    # Check-ins asked for in words.
    D(
        "carer with no rhythm: 'ik wil graag af en toe gevraagd worden hoe het gaat' asks how often",
        (("ik wil graag af en toe gevraagd worden hoe het gaat", RHYTHM_ASKED),),
        profile=CARER_NEVER,
    ),
    D(
        "not registered: 'ik zorg voor mijn vader, kun je me af en toe vragen hoe het gaat?' starts it",
        (
            (
                "ik zorg voor mijn vader, kun je me af en toe vragen hoe het gaat?",
                {
                    "any_keys": ["care_who", "care_relation", "care_hours", "care_rhythm"],
                    "not_keys": MISS,
                    "no_effect": ["create_request"],
                },
            ),
        ),
        profile=dict(RIA),
    ),
    D(
        "en carer with no rhythm: 'could you check in with me every now and then?' asks how often",
        (("could you check in with me every now and then?", RHYTHM_ASKED),),
        state=L("en"),
        profile=CARER_NEVER,
    ),
    D(
        "pl carer with no rhythm: 'czy możesz czasem zapytać, jak mi idzie?' asks how often",
        (("czy możesz czasem zapytać, jak mi idzie?", RHYTHM_ASKED),),
        state=L("pl"),
        profile=CARER_NEVER,
    ),
    # A volunteer's yes with a condition.
    D(
        "invite: 'ja als het niet regent' is a yes with its condition",
        ((INVITE, {}), ("ja als het niet regent", yes_with("regent"))),
        profile=HENK,
    ),
    D(
        "invite: 'ja, alleen als het dichtbij is hoor' is a yes with its condition",
        ((INVITE, {}), ("ja, alleen als het dichtbij is hoor", yes_with("dichtbij"))),
        profile=HENK,
    ),
    D(
        "invite: 'jawel, maar pas na tweeën' is a yes with its time",
        ((INVITE, {}), ("jawel, maar pas na tweeën", yes_with("tweeën"))),
        profile=HENK,
    ),
    D(
        "tr invite: 'evet, ama ancak saat 3'ten sonra' is a yes with its time",
        ((INVITE, {}), ("evet, ama ancak saat 3'ten sonra", yes_with("3"))),
        state=L("tr"),
        profile=HENK,
    ),
    D(
        "uk invite: 'так, якщо це недалеко' is a yes with its condition",
        ((INVITE, {}), ("так, якщо це недалеко", yes_with("недалеко"))),
        state=L("uk"),
        profile=HENK,
    ),
    D(
        "ar invite: 'نعم، بشرط أن يكون قريبًا' is a yes with its condition",
        ((INVITE, {}), ("نعم، بشرط أن يكون قريبًا", yes_with("قريب"))),
        state=L("ar"),
        profile=HENK,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


# Batch 2, held out: written after batch 1's fixes, new wordings not aimed at them.
ACTIVITY_CHECK = {
    "internal": "meet_check",
    "meta": {"meeting": {**PAST, "recurring": True, "activity": KOFFIE}},
}
MEET_STATUS = {
    "internal": "meet_status",
    "meta": {"meeting": {**MEETING, "starts_at": "2026-11-24T09:00:00+00:00"}},
}
CHECKINS_ASKED = {
    "any_keys": ["care_rhythm", "care_day", "care_registered"],
    "no_effect": ["create_request", "relay"],
    "not_keys": MISS,
}

BATCH_2 = [
    D(
        "check: 'dank u wel' is no yes; 'jazeker' is",
        ((CHECK, {}), ("dank u wel", ASKED_AGAIN_NL), ("jazeker", outcome("yes"))),
        profile=WITH_THREAD,
    ),
    D("check: a lone '🙏' is no yes", ((CHECK, {}), ("🙏", THANKS_OPEN)), profile=WITH_THREAD),
    D(
        "pl check: 'dzięki!' is no yes",
        ((CHECK, {}), ("dzięki!", THANKS_OPEN), ("tak", outcome("yes"))),
        state=L("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "uk volunteer check: 'дякую' is no yes",
        ((VCHECK, {}), ("дякую", THANKS_OPEN), ("ні", outcome("no"))),
        state=L("uk"),
        profile=HENK_T,
    ),
    D(
        "ar check: 'شكرا جزيلا' is no yes",
        ((CHECK, {}), ("شكرا جزيلا", THANKS_OPEN)),
        state=L("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "activity: 'ah dank je wel hoor' at 'Doe je mee?' signs nobody up",
        (
            (ACTIVITY_CHECK, {}),
            ("ja", {"keys": ["meet_activity"]}),
            (
                "ah dank je wel hoor",
                {"no_effect": ["agenda_signup", "relay"], "not_keys": ["not_understood"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    # Weekly on a day.
    D(
        "check: 'ja, voortaan graag elke vrijdag' is a yes and Fridays asked",
        ((CHECK, {}), ("ja, voortaan graag elke vrijdag", {**outcome("yes"), **weekly(4, "vrijdag")})),
        profile=WITH_THREAD,
    ),
    D(
        "agreed Saturday: 'zou Henk iedere maandag kunnen?' asks Mondays",
        ((AGREED_SATURDAY, {}), ("zou Henk iedere maandag kunnen?", weekly(0, "maandag"))),
        profile=WITH_THREAD,
    ),
    D(
        "volunteer check: 'ja, ik kom voortaan elke donderdag' is a yes and Thursdays asked",
        ((VCHECK, {}), ("ja, ik kom voortaan elke donderdag", {**outcome("yes"), **weekly(3, "donderdag")})),
        profile=HENK_T,
    ),
    D(
        "tr agreed Saturday: 'her salı gelebilir mi?' asks Tuesdays",
        ((AGREED_SATURDAY, {}), ("her salı gelebilir mi?", weekly(1, "Salı"))),
        state=L("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "pl agreed Saturday: 'czy może przychodzić w każdy wtorek?' asks Tuesdays",
        ((AGREED_SATURDAY, {}), ("czy może przychodzić w każdy wtorek?", weekly(1, "wtorek"))),
        state=L("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "uk agreed Saturday: 'чи може він приходити щочетверга?' asks Thursdays",
        ((AGREED_SATURDAY, {}), ("чи може він приходити щочетверга?", weekly(3, "четвер"))),
        state=L("uk"),
        profile=WITH_THREAD,
    ),
    # Late.
    D(
        "volunteer, agreed today: 'wordt iets later, rond kwart over 2' tells 14:15",
        ((AGREED_TODAY, {}), ("wordt iets later, rond kwart over 2", late("14:15"))),
        profile=HENK_T,
    ),
    D(
        "resident, agreed tomorrow: 'ik kom morgen een kwartiertje later' tells 14:15",
        ((AGREED, {}), ("ik kom morgen een kwartiertje later", late("14:15"))),
        profile=WITH_THREAD,
    ),
    D(
        "en volunteer, agreed today: 'it'll be 2.30 I'm afraid' tells 14:30",
        ((AGREED_TODAY, {}), ("it'll be 2.30 I'm afraid", late("14:30"))),
        state=L("en"),
        profile=HENK_T,
    ),
    D(
        "tr reminder: '15 dakika gecikeceğim' tells 14:15",
        ((REMINDER, {}), ("15 dakika gecikeceğim", late("14:15"))),
        state=L("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "uk volunteer, agreed today: 'буду о пів на третю' tells 14:30",
        ((AGREED_TODAY, {}), ("буду о пів на третю", late("14:30"))),
        state=L("uk"),
        profile=HENK_T,
    ),
    # AGENDA and a ride.
    D(
        "agenda: '2 graag, maar ik heb geen vervoer' signs up and asks a ride",
        (*AGENDA, ("2 graag, maar ik heb geen vervoer", JOINED_RIDE)),
        profile=dict(RIA),
    ),
    D(
        "agenda: 'de stoelyoga, als ik opgehaald kan worden' signs up and asks a ride",
        (*AGENDA, ("de stoelyoga, als ik opgehaald kan worden", JOINED_RIDE)),
        profile=dict(RIA),
    ),
    D(
        "agenda: the button, then 'ik kan er alleen niet zelf naartoe' asks a ride",
        (
            *AGENDA,
            ({"choice": "join:0"}, {"effect": ["agenda_signup"]}),
            ("ik kan er alleen niet zelf naartoe", {"ride": True, "no_effect": ["relay"], "not_keys": MISS}),
        ),
        profile=dict(RIA),
    ),
    D(
        "tr agenda: '3, ama beni biri götürmeli' signs up and asks a ride",
        (*AGENDA, ("3, ama beni biri götürmeli", JOINED_RIDE)),
        state=L("tr"),
        profile=dict(RIA),
    ),
    D(
        "ar agenda: 'رقم 3 لكن أحتاج من يوصلني' signs up and asks a ride",
        (*AGENDA, ("رقم 3 لكن أحتاج من يوصلني", JOINED_RIDE)),
        state=L("ar"),
        profile=dict(RIA),
    ),
    # A volunteer cancels.
    D(
        "volunteer: AFSPRAAK, then 'ik wil hem toch afzeggen' finds Ans someone else",
        ((STATUS_TOMORROW, {}), ("ik wil hem toch afzeggen", CANCELLED_REMATCH)),
        profile=HENK_T,
    ),
    D(
        "volunteer: 'ik red het morgen niet, sorry Ans' then '2' finds Ans someone else",
        ((AGREED_TOMORROW, {}), ("ik red het morgen niet, sorry Ans", CANNOT), ("2", CANCELLED_REMATCH)),
        profile=HENK_T,
    ),
    D(
        "en volunteer: 'sorry, I have to cancel tomorrow' then 'cancel it' finds Ans someone else",
        (
            (AGREED_TOMORROW, {}),
            ("sorry, I have to cancel tomorrow", CANNOT),
            ("cancel it", CANCELLED_REMATCH),
        ),
        state=L("en"),
        profile=HENK_T,
    ),
    # Check-ins asked for in words.
    D(
        "carer with no rhythm: 'mag je me toch weer wekelijks vragen hoe het gaat?'",
        (("mag je me toch weer wekelijks vragen hoe het gaat?", CHECKINS_ASKED),),
        profile=CARER_NEVER,
    ),
    D(
        "carer with no rhythm: 'vraag me af en toe eens hoe het gaat' asks how often",
        (("vraag me af en toe eens hoe het gaat", RHYTHM_ASKED),),
        profile=CARER_NEVER,
    ),
    D(
        "tr carer with no rhythm: 'ara sıra nasıl olduğumu sorar mısınız?' asks how often",
        (("ara sıra nasıl olduğumu sorar mısınız?", RHYTHM_ASKED),),
        state=L("tr"),
        profile=CARER_NEVER,
    ),
    D(
        "uk carer with no rhythm: 'чи можете іноді питати, як у мене справи?' asks how often",
        (("чи можете іноді питати, як у мене справи?", RHYTHM_ASKED),),
        state=L("uk"),
        profile=CARER_NEVER,
    ),
    D(
        "ar carer with no rhythm: 'أريد أن تسألني من وقت لآخر كيف حالي' asks how often",
        (("أريد أن تسألني من وقت لآخر كيف حالي", RHYTHM_ASKED),),
        state=L("ar"),
        profile=CARER_NEVER,
    ),
    D(
        "not registered: 'ik zorg voor mijn moeder en wil graag dat jullie af en toe vragen hoe het gaat'",
        (
            (
                "ik zorg voor mijn moeder en wil graag dat jullie af en toe vragen hoe het gaat",
                {
                    "any_keys": ["care_who", "care_relation", "care_hours", "care_rhythm"],
                    "not_keys": MISS,
                    "no_effect": ["create_request"],
                },
            ),
        ),
        profile=dict(RIA),
    ),
    # A yes with a condition.
    D(
        "invite: 'ja, als ik de auto van mijn vrouw mag lenen'",
        ((INVITE, {}), ("ja, als ik de auto van mijn vrouw mag lenen", yes_with("auto"))),
        profile=HENK,
    ),
    D(
        "invite: 'prima, zolang het voor het donker is'",
        ((INVITE, {}), ("prima, zolang het voor het donker is", yes_with("donker"))),
        profile=HENK,
    ),
    D(
        "invite: 'kan wel, mits het niet te zwaar is'",
        ((INVITE, {}), ("kan wel, mits het niet te zwaar is", yes_with("zwaar"))),
        profile=HENK,
    ),
    D(
        "en invite: 'sure, as long as it's before 5'",
        ((INVITE, {}), ("sure, as long as it's before 5", yes_with("5"))),
        state=L("en"),
        profile=HENK,
    ),
    D(
        "pl invite: 'tak, ale tylko przed południem'",
        ((INVITE, {}), ("tak, ale tylko przed południem", yes_with("południem"))),
        state=L("pl"),
        profile=HENK,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


# Guards, written with batch 2's fixes: what the new readings must leave alone.
RECURRING_STATUS = {"internal": "meet_status", "meta": {"meeting": {**TOMORROW, "recurring": True}}}
GUARDS = [
    D(
        "guard check: 'ja, dank je wel voor het regelen' is a yes",
        ((CHECK, {}), ("ja, dank je wel voor het regelen", outcome("yes"))),
        profile=WITH_THREAD,
    ),
    D("guard check: '👍' is a yes", ((CHECK, {}), ("👍", outcome("yes"))), profile=WITH_THREAD),
    D(
        "guard agreed Saturday: 'elke zaterdag is prima' asks weekly on its own day",
        (
            (AGREED_SATURDAY, {}),
            (
                "elke zaterdag is prima",
                {"effect_has": {"meet_weekly": {"meeting_id": 7}}, "keys": ["meet_weekly_asked"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "guard: 'kan hij elke dinsdag komen, denk je?' with no meeting known is only passed on",
        (("kan hij elke dinsdag komen, denk je?", {"effect": ["relay"], "no_effect": ["meet_weekly"]}),),
        profile=WITH_THREAD,
    ),
    D(
        "guard volunteer, agreed today: 'het wordt een gezellige middag' is no lateness",
        (
            (AGREED_TODAY, {}),
            (
                "het wordt vast een gezellige middag",
                {"effect": ["relay"], "not_keys": ["meet_late_heard", "meet_cannot_come"]},
            ),
        ),
        profile=HENK_T,
    ),
    D(
        "guard volunteer, agreed today: 'het wordt donderdag half 3' is no lateness today",
        (
            (AGREED_TODAY, {}),
            ("het wordt donderdag half 3", {"effect": ["relay"], "not_keys": ["meet_late_heard"]}),
        ),
        profile=HENK_T,
    ),
    D(
        "guard agenda: 'ik doe mee met 3, ik kom met de fiets' joins, no ride",
        (
            *AGENDA,
            (
                "ik doe mee met 3, ik kom met de fiets",
                {"effect": ["agenda_signup"], "not_keys": [*MISS, "ask_summary", "meet_activity_ride"]},
            ),
        ),
        profile=dict(RIA),
    ),
    D(
        "guard agenda: the button, then 'top, heel erg bedankt!' asks no ride",
        (
            *AGENDA,
            ({"choice": "join:2"}, {"effect": ["agenda_signup"]}),
            (
                "top, heel erg bedankt!",
                {"not_keys": [*MISS, "meet_activity_ride"], "no_effect": ["create_request"]},
            ),
        ),
        profile=dict(RIA),
    ),
    D(
        "guard: the resident's 'Afzeggen' cancels the meeting only",
        (
            (MEET_STATUS, {}),
            (
                {"choice": "meetm:7:cancel"},
                {
                    "effect": ["meet_cancel"],
                    "keys": ["meet_cancelled"],
                    "not_keys": ["meet_cancelled_rematch"],
                },
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "guard: the volunteer's 'Afzeggen' of a weekly meeting cancels that one only",
        (
            (RECURRING_STATUS, {}),
            (
                {"choice": "meetm:7:cancel"},
                {
                    "effect": ["meet_cancel"],
                    "keys": ["meet_cancelled"],
                    "not_keys": ["meet_cancelled_rematch"],
                },
            ),
        ),
        profile=HENK_T,
    ),
    D(
        "guard carer with no rhythm: 'stop maar met vragen hoe het gaat' asks no rhythm",
        (("hou maar op met vragen hoe het gaat", {"not_keys": ["care_rhythm"]}),),
        profile=CARER_NEVER,
    ),
    D(
        "guard carer with no rhythm: 'geen vragen meer graag over hoe het gaat' asks no rhythm",
        (("geen vragen meer graag over hoe het gaat", {"not_keys": ["care_rhythm"]}),),
        profile=CARER_NEVER,
    ),
    D(
        "guard invite: a plain 'ja hoor' keeps no note",
        (
            (INVITE, {}),
            ("ja hoor", {"effect_has": {"answer_invitation": {"answer": "yes"}}, "no_note": True}),
        ),
        profile=HENK,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    assert repeated_messages(__file__, [*BATCH_1, *BATCH_2, *GUARDS]) == []


def figures(dialogues: list[Dialogue]) -> tuple[int, int, int, int]:
    return score(dialogues, check)
