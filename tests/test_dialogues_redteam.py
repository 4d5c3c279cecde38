"""Red team of whole conversations (not single messages): does the bot read in context, repair instead
of resetting, and never lose a crisis across turns?

Each dialogue is data (tests/dialogue_redteam_support.py): turns of what a resident, volunteer or
mantelzorger sends, and what must hold of the reply keys, the effects and the state. Every turn also
must not restart with the welcome text. Replayed through `flows.conversation.step` with the golden
transcripts' fixed clock (Monday 23 November 2026, 10:00 UTC).

Figures (turns as expected / turns; dialogues fully as expected):
- Batch 1, 26 dialogues written before reading the flows: 97/105 turns, 20/26 dialogues before;
  103/105, 24/26 after the fixes. (Three expectations were wrong about the flow, not the bot, and
  were corrected before scoring: the ask flow skips "is it in your neighbourhood?" for a known
  neighbourhood, so the question after the time is the urgency.)
- Batch 2, 14 new dialogues written after the batch 1 fixes, scored before fixing (the honest
  generalisation figure): 65/69 turns, 10/14 dialogues; 68/69, 13/14 after.
- Batch 3, 22 new dialogues written after the known gaps were closed (older SMS users, carers,
  volunteers with conditions, six languages), scored before fixing: 69/78 turns, 14/22 dialogues;
  76/78, 20/22 after. Guards grew to 9 dialogues (four for the batch 3 fixes); all hold.
- Closed gaps (11 dialogues, CLOSED_GAPS): the known gaps of batches 1-2 and their neighbours; all
  hold. Guards: what the fixes must not break; all hold.

What failed and what changed (mechanisms, not sentences):
- A correction of an earlier answer at a later question ("nee, ik bedoel vrijdag" at the urgency
  question, "wacht, het is toch niet zo dringend", "oh wacht, het moet woensdag zijn" at the summary,
  "nee sorry, het is geen boodschappen, het is een klusje") was taken as an answer to the open
  question or as a miss. Now (flows/ask.py `_correction`) a message that says it corrects
  (flows/repair.py `is_correction`: no/sorry/I mean/wait/actually in the six languages) and names a
  new kind of help, urgency or time changes that answer, reads the new value back
  (`correction_noted`, `when_understood`) and asks the open question again; nothing is lost. The new
  value is read from the last part ("niet donderdag maar vrijdag"); a correction that names no new
  value is just a miss.
- MENU in the middle of a request, an offer or a carer's registration threw the draft away. Now the
  menu gets one more choice, "Verder waar ik was" (`choice_back_to`), and that choice or "verder",
  "terug", "continue", "dalej", "далі", ... restores the place with all that was said
  (flows/menu.py `show_keeping_place`, `back`). Lists and status screens are left as before.
- A carer's relation in words ("mijn vader", "my wife", "мама") was asked again without a word; now it
  is read (flows/care.py `RELATION_WORDS`), and an unclear relation or hours answer is a repair re-ask
  (led by "Dat begreep ik niet helemaal", counted for offering a person after two misses).

What failed in batch 3 and what changed:
- The description question still took answers that describe nothing ("oke", "weet ik niet"). Now a
  description that is only a yes, a no, "I do not know" and fillers (the phrases and fillers of
  yes_no.toml and choices.toml, in every language: flows/understanding/answers.py
  `says_nothing_more`) is a miss: the question again with its example, led by the repair text.
- "laat maar, ik hoef niks meer" was no command (each command phrase must be the whole message). Now
  a message whose parts each say the same command says it (flows/understanding/intent.py
  `command_in`); "ik hoef niks meer" is a cancel phrase.
- "1 keer per week is genoeg" at the limit question: the one count in the answer is read, in digits or
  before "keer"/"times" ("een paar keer" stays no count; flows/offer.py `_count`).
- "mijn moeder Ria" at the carer's who-question: a name said with one relation gives both, and the
  relation question is skipped (relations.toml [possessives], flows/care.py `_name_with_relation`).
- "dag en nacht" at the hours question: care around the clock said without any number is more than 20
  hours, read back (relations.toml [hours] always; not "altijd", "de hele dag").
Left (xfail) then: "gaat wel, maar ik slaap slecht" at a check-in read as heavy and offered help; closed
since by reading round 11 (tests/test_understanding_redteam13.py: a bad night told is a reason, not the
answer; checkin.toml [reasons]), so that dialogue now holds. "not sure, sometime next week?": closed in
round 4 (tests/test_dialogues_redteam4.py): a week is kept with the request as a window next to its `When`.

Known gaps of batches 1-2, closed since (CLOSED_GAPS below holds a dialogue for each):
- The description question took any words. A question about other requests said in words ("is er al
  iemand voor mijn vorige vraag?", "hoe staat het met mijn vraag van gisteren?": commands.toml
  [my_requests]) in the middle of a request, an offer or a registration is now answered there: how
  each open request stands (`request_status_open` / `_matched`, or `no_requests`), then the open
  question again led by "Dan gaan we verder waar we waren" (flows/conversation.py
  `_status_mid_question`); the draft is kept. "verder" at an open question asks it again. A question
  to the bot ("wat bedoel je?") is HELP (below).
- A range of hours ("soms 10 soms 30", "tussen de 10 en 20 uur", "10-20") is read: two numbers with a
  range word between them (relations.toml [hours]) count by the upper bound, since the busy weeks are
  what weighs on a carer, and the band is read back (`care_hours_noted`). Two numbers without one
  ("3 dagen van 8 uur") are asked again, not guessed. A relation corrected at a later question of the
  registration ("nee wacht, het is mijn schoonvader") is changed and read back.
- HELP, "?", "wat moet ik doen", "ik snap het niet", "wat bedoel je?" (commands.toml [help],
  [help_marks]) at an open question give `help_<question>`: what the question is for with example
  answers (six languages, SMS one segment in Dutch and English), then the question again. At the
  menu, or at a question without its own help text, the general info as before.
- After a crisis, decided: the person is not pushed back into the form. A message that is no answer
  gets the crisis follow-up, and while that goes on a short `crisis_still_here` (MENS for a person
  now, 113, 112) instead of the open question, and counts no miss. The form is kept: an answer to the
  open question, a command or a button goes on as before.
"""

# ruff: noqa: RUF001

from __future__ import annotations

import pytest

from tests.dialogue_redteam_support import (
    CARER,
    CHECKIN,
    CRISIS,
    INVITE,
    RIA,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
)

D = Dialogue
ASKING = {"keys": ["ask_category"]}
NO_WELCOME: dict = {}
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
            (
                "hoe staat het met mijn vraag van gisteren?",
                {
                    "keys": ["request_status_open", "ask_description"],
                    "says": ["lamp ophangen"],
                    "not_keys": ["ask_description_again", "ask_when", "menu"],
                },
            ),
            ("verder", {"keys": ["ask_description"], "not_keys": ["ask_when"]}),
            ("melk en brood halen", {"keys": ["ask_when"], "state": {"flow": "ask"}}),
        ),
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
            (
                "dat wisselt, soms 10 soms 30 uur",
                {"keys": ["care_hours_noted", "care_rhythm"], "says": ["meer dan 20 uur"]},
            ),
            (
                "nee wacht, het is mijn schoonvader",
                {
                    "keys": ["correction_noted", "care_rhythm"],
                    "not_keys": ["care_rhythm_again", "not_understood"],
                },
            ),
            ("1", {"keys": ["care_day"]}),
            ("maandag 10:00", {"effect": ["care_register"]}),
        ),
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


# To the summary of a request: category, description, Thursday, this week, only the helper sees it.
TO_SUMMARY = (
    *TO_WHEN,
    ("donderdag", {"keys": ["ask_urgency"]}),
    ("deze week", {"keys": ["ask_visibility"]}),
    ("1", {"keys": ["ask_summary"]}),
)
# An offer that has reached the "when can you?" question.
TO_TIMES = (("2", {}), ("1", {}), ("1", {"keys": ["offer_times"]}))

BATCH_2 = [
    D(
        "resident: at the summary, 'oh wacht, het moet woensdag zijn'",
        (
            *TO_SUMMARY,
            (
                "oh wacht, het moet woensdag zijn",
                {"keys": ["ask_summary"], "says": ["woensdag"], "not_says": ["donderdag"]},
            ),
            ("1", {"keys": ["ask_sent"], "effect": ["create_request"]}),
        ),
    ),
    D(
        "English resident: 'sorry, I meant Saturday' at the visibility question",
        (
            *TO_WHEN,
            ("Thursday", {"keys": ["ask_urgency"]}),
            ("this week", {"keys": ["ask_visibility"]}),
            ("sorry, I meant Saturday", {"says": ["saturday"], "keys": ["ask_visibility"]}),
        ),
        state=menu_state("en"),
    ),
    D(
        "volunteer: HELP at the reach question, then the answer",
        (
            ("2", {}),
            ("1", {"keys": ["offer_reach"]}),
            ("help", {"keys": ["offer_reach"]}),
            ("alleen in mijn eigen wijk", {"keys": ["offer_times"]}),
        ),
    ),
    D(
        "volunteer: MENU at the times question, then 'terug'",
        (
            *TO_TIMES,
            ("menu", {"keys": ["menu"]}),
            ("terug", {"keys": ["offer_times"]}),
        ),
    ),
    D(
        "carer: MENU at the hours question, then 'verder', then the hours",
        (
            ("MANTELZORG", {}),
            ("Jan", {}),
            ("1", {"keys": ["care_hours"]}),
            ("MENU", {"keys": ["menu"]}),
            ("verder", {"keys": ["care_hours"]}),
            ("ongeveer 15", {"keys": ["care_rhythm"]}),
        ),
    ),
    D(
        "resident: a crisis at the summary, then the request is still there to send",
        (
            *TO_SUMMARY,
            ("ik trek het niet meer, ik wil er niet meer zijn", CRISIS),
            ("versturen", {"keys": ["ask_sent"], "effect": ["create_request"]}),
        ),
    ),
    D(
        "carer: 'zwaar' at a check-in, then asks for a person",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            ("zwaar", {"keys": ["care_heavy*"]}),
            ("ik wil graag met iemand praten", {"effect": ["alert_staff"]}),
        ),
        profile=CARER,
    ),
    D(
        "Arabic resident: 'what do you mean?' at the when-question, then tomorrow morning",
        (
            *TO_WHEN,
            ("ماذا تقصد؟", {"keys": ["ask_when*"], "not_keys": ["menu"]}),
            ("غدا صباحا", {"not_keys": ["ask_when*", "menu"]}),
        ),
        state=menu_state("ar"),
    ),
    D(
        "Turkish volunteer: a conditional yes to an invitation",
        (
            (INVITE, {"keys": ["invite*"]}),
            ("evet ama saat 3'ten sonra", {"effect": ["answer_invitation"]}),
        ),
        state=menu_state("tr"),
    ),
    D(
        "resident: corrects the kind of help at the description question",
        (
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            ("nee sorry, het is geen boodschappen, het is een klusje", {"not_keys": ["ask_when"]}),
        ),
    ),
    D(
        "Polish carer: a death wish during registration",
        (
            ("MANTELZORG", {}),
            ("Jan", {"keys": ["care_relation"]}),
            ("nie daję rady, chcę umrzeć", CRISIS),
        ),
        state=menu_state("pl"),
    ),
    D(
        "Ukrainian resident: MENU mid-request, then 'далі'",
        (
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            ("menu", {"keys": ["menu"]}),
            ("далі", {"keys": ["ask_description"]}),
        ),
        state=menu_state("uk"),
    ),
    D(
        "resident: 'wat bedoel je?' at the neighbourhood question is not a no",
        (
            *TO_WHEN,
            ("donderdag", {}),
            ("deze week", {"keys": ["ask_visibility"]}),
            ("wat bedoel je?", {"keys": ["ask_visibility"], "not_keys": ["ask_summary"]}),
        ),
    ),
    D(
        "resident: 'het is eigenlijk heel dringend' at the visibility question",
        (
            *TO_WHEN,
            ("donderdag", {}),
            ("deze week", {"keys": ["ask_visibility"]}),
            ("het is eigenlijk heel dringend", {"keys": ["ask_visibility"], "not_says": ["begreep"]}),
        ),
    ),
]


# An offer that has reached the "how often a week?" question (boodschappen, own neighbourhood, weekends).
TO_LIMIT = (*TO_TIMES, ("3", {"keys": ["offer_limit"]}))
# A carer's registration at the hours question.
TO_HOURS = (("MANTELZORG", {}), ("Jan", {}), ("partner", {"keys": ["care_hours"]}))

# Batch 3, written after the known gaps were closed and before running it: older SMS users, carers,
# volunteers with conditions, all flows and six languages.
BATCH_3 = [
    D(
        "older SMS resident: a whole request in capitals at the menu",
        (("IK WIL GRAAG HULP MET BOODSCHAPPEN MORGEN", {"not_keys": ["ask_category", "ask_when*"]}),),
    ),
    D(
        "older SMS resident: 'oke' at the description question is no description",
        (
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            ("oke", {"keys": ["ask_description*"], "not_keys": ["ask_when"]}),
            ("boodschappen voor de hele week", {"keys": ["ask_when"]}),
        ),
    ),
    D(
        "resident: 'weet ik niet' at the description question is asked again with an example",
        (
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            (
                "weet ik niet",
                {"keys": ["ask_description*"], "not_keys": ["ask_when"], "says": ["bijvoorbeeld"]},
            ),
        ),
    ),
    D(
        "resident: 'volgende week dinsdag rond een uur of 2' at the when-question",
        (
            *TO_WHEN,
            ("volgende week dinsdag rond een uur of 2", {"says": ["dinsdag"], "not_keys": ["ask_when*"]}),
        ),
    ),
    D(
        "older SMS resident: a typo in the day ('morgne middag')",
        (
            *TO_WHEN,
            ("morgne middag", {"not_keys": ["ask_when*"]}),
        ),
    ),
    D(
        "resident: 'het heeft geen haast' at the urgency question",
        (
            *TO_WHEN,
            ("donderdag", {"keys": ["ask_urgency"]}),
            ("het heeft geen haast hoor", {"keys": ["ask_visibility"]}),
        ),
    ),
    D(
        "resident: 'ja dat klopt, verstuur maar' at the summary",
        (
            *TO_SUMMARY,
            ("ja dat klopt, verstuur maar", {"keys": ["ask_sent"], "effect": ["create_request"]}),
        ),
    ),
    D(
        "resident: 'de dag klopt niet, het moet zaterdag' at the summary",
        (
            *TO_SUMMARY,
            ("de dag klopt niet, het moet zaterdag", {"keys": ["ask_summary"], "says": ["zaterdag"]}),
        ),
    ),
    D(
        "resident: a greeting at the when-question is no answer and no restart",
        (
            *TO_WHEN,
            ("Goedemorgen", {"keys": ["ask_when*"]}),
        ),
    ),
    D(
        "resident: 'laat maar, ik hoef niks meer' at the description question cancels",
        (
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            ("laat maar, ik hoef niks meer", {"keys": ["ask_cancelled"], "not_keys": ["ask_when"]}),
        ),
    ),
    D(
        "volunteer: 'ja hoor, maar ik heb geen auto' keeps the condition",
        (
            (INVITE, {"keys": ["invite*"]}),
            (
                "ja hoor, maar ik heb geen auto",
                {"effect": ["answer_invitation"], "not_keys": ["invite_no_thanks"]},
            ),
        ),
    ),
    D(
        "volunteer: 'nee sorry, deze week lukt het niet' is an answer",
        (
            (INVITE, {"keys": ["invite*"]}),
            ("nee sorry, deze week lukt het niet", {"effect": ["answer_invitation"]}),
        ),
    ),
    D(
        "Polish volunteer: 'tak, ale dopiero po 14' is a yes with a condition",
        (
            (INVITE, {"keys": ["invite*"]}),
            ("tak, ale dopiero po 14", {"effect": ["answer_invitation"], "state": {"lang": "pl"}}),
        ),
        state=menu_state("pl"),
    ),
    D(
        "volunteer: two kinds of help in words",
        (
            ("2", {}),
            ("boodschappen en de hond uitlaten", {"keys": ["offer_reach"], "says": ["huisdieren"]}),
        ),
    ),
    D(
        "volunteer: 'alleen in het weekend, zaterdag na 2 uur' at the times question",
        (
            *TO_TIMES,
            ("alleen in het weekend, zaterdag na 2 uur", {"keys": ["offer_limit"]}),
        ),
    ),
    D(
        "volunteer: '1 keer per week is genoeg' at the limit question",
        (
            *TO_LIMIT,
            ("1 keer per week is genoeg", {"not_keys": ["offer_limit*"]}),
        ),
    ),
    D(
        "carer: 'mijn moeder Ria' at the who-question",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("mijn moeder Ria", {"not_keys": ["care_who*"], "says": ["Ria"]}),
        ),
    ),
    D(
        "carer: 'dag en nacht eigenlijk' at the hours question",
        (
            *TO_HOURS,
            ("dag en nacht eigenlijk", {"keys": ["care_rhythm"]}),
        ),
    ),
    D(
        "carer: 'gaat wel, maar ik slaap slecht' at a check-in is okay, not heavy",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            (
                "gaat wel, maar ik slaap slecht",
                {"effect": ["care_answer"], "not_keys": ["care_heavy_offers"]},
            ),
        ),
        profile=CARER,
    ),
    D(
        "Turkish carer: 'çok zor' at a check-in is heavy",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            ("çok zor", {"keys": ["care_heavy_offers"], "state": {"lang": "tr"}}),
        ),
        profile=CARER,
        state=menu_state("tr"),
    ),
    D(
        "Arabic resident: '؟' at the urgency question explains it",
        (
            *TO_WHEN,
            ("غدا", {"keys": ["ask_urgency"]}),
            ("؟", {"keys": ["help_ask_urgency", "ask_urgency"], "state": {"lang": "ar"}}),
        ),
        state=menu_state("ar"),
    ),
    D(
        "English SMS resident: 'not sure, sometime next week?' at the when-question",
        (
            *TO_WHEN,
            ("not sure, sometime next week?", {"not_keys": ["ask_when*", "help_*"]}),
        ),
        state=menu_state("en"),
    ),
]


# What the fixes must not break: plain answers stay answers, and the menu's own choices still work.
GUARDS = [
    D(
        "an urgency answer that names a day is the urgency, not a correction of the time",
        (
            *TO_WHEN,
            ("donderdag", {"keys": ["ask_urgency"]}),
            (
                "vandaag nog",
                {"keys": ["ask_visibility"], "not_keys": ["when_understood", "correction_noted"]},
            ),
        ),
    ),
    D(
        "a description that says 'niet' and names its own kind of help is the description",
        (
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            (
                "ik kan de boodschappen niet zelf dragen",
                {"keys": ["ask_when"], "not_keys": ["correction_noted"]},
            ),
        ),
    ),
    D(
        "a correction without a new value is not one: the open question is asked again",
        (
            *TO_WHEN,
            ("donderdag", {"keys": ["ask_urgency"]}),
            ("nee sorry", {"keys": ["ask_urgency"], "not_keys": ["when_understood", "correction_noted"]}),
        ),
    ),
    D(
        "at the menu kept for a detour, 'Hulp bieden' starts an offer and the detour is gone",
        (
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            ("menu", {"keys": ["menu"]}),
            ("2", {"keys": ["offer_categories"]}),
            ("menu", {"keys": ["menu"]}),
            ("1", {"keys": ["ask_category"]}),
        ),
    ),
    D(
        "a description that starts with a yes is the description",
        (
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            ("ja graag, brood halen", {"keys": ["ask_when"], "not_keys": ["ask_description*"]}),
        ),
    ),
    D(
        "'een paar keer' at the limit question is no count: asked again",
        (
            *TO_LIMIT,
            ("een paar keer", {"keys": ["offer_limit_again"]}),
        ),
    ),
    D(
        "two kinds of person at the who-question are asked again, not split into a name",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("mijn man en zijn moeder", {"keys": ["care_who_again"]}),
        ),
    ),
    D(
        "'niet altijd, 5 uur' counts 5 hours, not around the clock",
        (
            *TO_HOURS,
            ("niet altijd, 5 uur", {"keys": ["care_rhythm"], "not_keys": ["care_hours_noted"]}),
        ),
    ),
    D(
        "MENU from the plain menu has no way back to offer",
        (
            ("menu", {"keys": ["menu"], "not_says": ["Verder waar ik was"]}),
            ("verder", {"not_keys": ["ask_description", "offer_categories"]}),
        ),
    ),
]


# The known gaps of batches 1-2, closed: each with the turns that failed and the answer that follows.
CLOSED_GAPS = [
    D(
        "resident: 'wat bedoel je?' at the description question is a question, not the description",
        (
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            (
                "wat bedoel je?",
                {"keys": ["help_ask_description", "ask_description"], "not_keys": ["ask_when"]},
            ),
            ("brood halen bij de bakker", {"keys": ["ask_when"]}),
        ),
    ),
    D(
        "resident without other requests asks about them at the description question",
        (
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            ("is er al iemand voor mijn vorige vraag?", {"keys": ["no_requests", "ask_description"]}),
        ),
    ),
    D(
        "resident: a request already matched is said to be matched, then the new one goes on",
        (
            *TO_WHEN,
            ("is er al iemand gevonden?", {"keys": ["request_status_matched", "ask_when"]}),
            ("morgen", {"keys": ["ask_urgency"]}),
        ),
        profile={
            **RIA,
            "open_requests": [
                {
                    "id": 3,
                    "category": "tuin",
                    "description": "heg knippen",
                    "when": {"kind": "asap"},
                    "status": "matched",
                }
            ],
        },
    ),
    D(
        "carer: 'tussen de 10 en 20 uur' is read as a range",
        (
            ("MANTELZORG", {}),
            ("Jan", {}),
            ("partner", {"keys": ["care_hours"]}),
            ("tussen de 10 en 20 uur", {"keys": ["care_rhythm"], "says": ["8 tot 20 uur"]}),
        ),
    ),
    D(
        "carer: two numbers that are no range are asked again, not guessed",
        (
            ("MANTELZORG", {}),
            ("Jan", {}),
            ("partner", {"keys": ["care_hours"]}),
            ("3 dagen van 8 uur", {"keys": ["care_hours"], "not_keys": ["care_rhythm"]}),
        ),
    ),
    D(
        "resident: HELP at the when-question explains that question with examples",
        (
            *TO_WHEN,
            ("HELP", {"keys": ["help_ask_when", "ask_when"], "not_keys": ["info"]}),
            ("?", {"keys": ["help_ask_when", "ask_when"]}),
            ("vrijdag", {"keys": ["ask_urgency"]}),
        ),
    ),
    D(
        "carer: 'ik snap het niet' at the hours question explains it, the name kept",
        (
            ("MANTELZORG", {}),
            ("Jan", {}),
            ("partner", {"keys": ["care_hours"]}),
            ("ik snap het niet", {"keys": ["help_care_hours", "care_hours"], "says": ["Jan"]}),
            ("12", {"keys": ["care_rhythm"]}),
        ),
    ),
    D(
        "Polish volunteer: 'co masz na myśli?' at the reach question",
        (
            ("2", {}),
            ("1", {"keys": ["offer_reach"]}),
            ("co masz na myśli?", {"keys": ["help_offer_reach", "offer_reach"], "state": {"lang": "pl"}}),
        ),
        state=menu_state("pl"),
    ),
    D(
        "HELP at the plain menu is still the general info",
        (("help", {"keys": ["info"], "not_keys": ["help_*"]}),),
    ),
    D(
        "after a crisis, messages that are no answer get crisis care and a person, not the form",
        (
            *TO_WHEN,
            ("ik wil niet meer leven", CRISIS),
            ("ok", {"keys": ["crisis_followup"], "not_keys": ["ask_when*"]}),
            ("weet niet", {"keys": ["crisis_still_here"], "says": ["MENS"], "not_keys": ["ask_when*"]}),
            (
                "mens",
                {"effect": ["request_human"], "keys": ["human_requested"], "not_keys": ["crisis_still_here"]},
            ),
        ),
    ),
    D(
        "after a crisis the form is kept: an answer to it goes on",
        (
            *TO_WHEN,
            ("ik zie het niet meer zitten, ik wil dood", CRISIS),
            ("hm", {"keys": ["crisis_followup"]}),
            ("donderdag", {"keys": ["ask_urgency"], "not_keys": ["crisis_still_here"]}),
            ("xyz", {"keys": ["ask_urgency"], "not_keys": ["crisis_followup", "crisis_still_here"]}),
        ),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(CLOSED_GAPS))
def test_closed_gaps(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(BATCH_3))
def test_batch_3(dialogue: Dialogue) -> None:
    assert_holds(dialogue)
