"""Red team of whole conversations, round 4 (rounds 1-3: tests/test_dialogues_redteam.py).

Replayed through `flows.conversation.step` with the golden transcripts' fixed clock (Monday 23 November
2026, 10:00 UTC); each dialogue is data (tests/dialogue_redteam_support.py, which gained `effect_has`
to check what an effect carries, e.g. the window stored with a request).

Figures (turns as expected / turns; dialogues fully as expected):
- Known gaps given with the round (GAPS, a-d, 11 dialogues): 38/60 turns, 0/11 dialogues before;
  59/60, 10/11 after. (d) stays a known gap (xfail).
- Batch 4, 22 dialogues written before reading the flows in detail (older SMS users writing sentences,
  corrections mid-flow, a request in one message then a question, volunteers with conditions and
  changes of mind, carers who say it is getting heavy, a switch of language, a crisis in the middle
  of a form, STOP/MENU/HELP mid-flow, sharing a number after a meeting was agreed), scored before
  fixing (the honest generalisation figure): 68/71 turns, 19/22 dialogues; 71/71, 22/22 after.
- Reading the replies of batch 4 showed two turns that passed only because their expectations were
  too loose to say what was meant (SEEN_IN_REPLIES, tightened after scoring, not in the figures
  above): 2/4 turns, 0/2 dialogues before; 4/4, 2/2 after.
- Guards (what the fixes must not break): 13 dialogues, all hold.

What failed and what changed (mechanisms):
- (a) AFSPRAAK typed in the middle of a request, an offer or a carer's registration: its plan came back
  as the "send AFSPRAAK when you are ready" hint. Now AFSPRAAK marks the thread asked for
  (flows/meetings.py `ASKED`, cleared by any other message); the plan that follows for that thread
  starts mid-question, keeps the open question with all that was said (`BACK`), and once the proposal
  is sent asks it again led by "Dan gaan we verder waar we waren". MENU while planning offers "Verder
  waar ik was" back to that question. A plan nobody asked for mid-question is still only the hint.
- (b), (c) A time the `When` model cannot hold was asked again: "vanaf 14:00", "donderdag na 2 uur",
  "tussen 1 en 3", "weet niet, ergens volgende week?", "deze week", "in het weekend". Now
  (flows/conditions.py `request_time`) the reader's time with bounds or a week becomes the request's
  `When` (the day when one is said, its start moved to the window's first hour; else any time) plus a
  `conditions.Window` kept inside the request's `when` data as "window" (When.from_json reads past it:
  no new column, no migration; `Window` gained `until`, the last day). `describe_request_when` reads
  both back wherever a request's time is said (ask flow, summary, invitation, MIJN VRAGEN, circle
  news): "donderdag 26 november, vanaf 14:00", "vanaf maandag 30 november, tot en met zondag 6
  december". Also in a whole request told in the first message or at the menu
  (flows/interpret.py `pending_request`). The night, options and a bound past its end stay no window.
- A registered carer saying at the menu that it is getting too heavy ("ik merk dat het zorgen voor
  mijn man me te zwaar wordt") got "not understood": now read as a check-in answer is, heavy gives
  what ZWAAR gives; at her limit ("ik kan niet meer, ik ben op") before a request read in the words,
  with a staff alert (flows/conversation.py `_heavy_in_words`). Only for registered carers.
- "nee wacht, toch alleen in het weekend" at the offer's limit question was no count: a correction
  (repair.is_correction) naming other times at the limit or language question changes the times, reads
  them back and asks the open question again (flows/offer.py `_times_corrected`).
- "mag Henk mijn telefoonnummer hebben? dan kan hij bellen" in a thread was only passed on: a message
  naming one's own number with a word of giving it, without a no and without digits, is passed on and
  is DEEL NUMMER too (flows/threads.py `offers_own_number`); asking for the other's number is not.
- Seen in replies: "Ik zoek iemand die donderdagmiddag mijn gras kan maaien. Hoe werkt dat eigenlijk?"
  kept the question in the description, unanswered: trailing sentences that ask how Voordeur works or
  what it costs are cut off and answered (`how_it_works`) before the request's next question
  (flows/first_contact.py `without_question_about_us`). "oh nee sorry, ik kan toch niet, ik moet
  naar de dokter" right after a yes started a request for a lift: the message right after a yes that
  the invitation reader reads as a no takes the yes back: `invite_taken_back` and a normal staff
  alert (`volunteer_took_back`); matching holds the yes (the match may be made), so a person sorts it.

Decided and left:
- (d) Irony without a marker at a check-in ("Top. Echt top. Hij viel vannacht weer twee keer") is
  still thanked as good. The flow sees only the reader's label; rules tried on paper (any words after
  the good word, "weer" with a bad event) also catch "goed, hij slaapt weer beter". Left to the reader.
- The window is read back and stored but matching does not yet compare it (a request "voor 12:00" and a
  volunteer's "na 15:00" are not seen to clash; a week's request is offered as any time), and the
  meeting planning is not yet handed the request's window.
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
WITH_THREAD = {
    **RIA,
    "threads": [{"id": 3, "other_name": "Henk", "category": "boodschappen", "status": "open"}],
}
MEETING = {
    "id": 7,
    "thread_id": 3,
    "name": "Henk",
    "host": "Ria",
    "host_is_me": True,
    "centre": "",
    "place_kind": "home",
    "place_text": None,
    "starts_at": "2026-11-28T09:00:00+00:00",
    "zone": "Europe/Amsterdam",
    "status": "agreed",
    "recurring": False,
    "role": "requester",
}
AGREED = {"internal": "meet_agreed", "meta": {"meeting": MEETING}}
TO_WHEN = (("1", {}), ("1", {}), ("melk en brood halen", {"keys": ["ask_when"]}))
TO_TIMES = (("2", {}), ("1", {}), ("1", {"keys": ["offer_times"]}))
NOT_ASKED_AGAIN = ["ask_category", "ask_description", "ask_when"]

PLAN = {
    "internal": "meet_plan",
    "meta": {
        "thread_id": 3,
        "meeting_id": None,
        "name": "Henk",
        "host": "Ria",
        "host_is_me": True,
        "centre": "",
    },
}
# With an open thread a message at the plain menu goes to the neighbour: MENU first shows the menu.
THREAD_TO_WHEN = (("MENU", {"keys": ["menu"]}), *TO_WHEN)
THREAD_TO_TIMES = (("MENU", {"keys": ["menu"]}), *TO_TIMES)
TO_SUMMARY_FROM_WHEN = (("1", {"keys": ["ask_visibility"]}), ("1", {"keys": ["ask_summary"]}))

# The known gaps given with round 4 (a-d), each with the dialogues that failed before the fix.
GAPS = [
    # (a) AFSPRAAK typed inside another flow.
    D(
        "(a) AFSPRAAK at the when-question plans the meeting, then the question comes back",
        (
            *THREAD_TO_WHEN,
            ("AFSPRAAK", {"effect": ["meet_manage"]}),
            (PLAN, {"keys": ["meet_where"], "not_keys": ["meet_plan_later"]}),
            ("1", {"keys": ["meet_when"]}),
            ("zaterdag om 10 uur", {"effect": ["meet_propose"], "keys": ["meet_proposal_sent", "ask_when"]}),
            ("donderdag", {"keys": ["when_understood"], "says": ["donderdag"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "(a) AFSPRAAK in the middle of an offer, MENU while planning, then back to the offer",
        (
            *THREAD_TO_TIMES,
            ("afspraak", {"effect": ["meet_manage"]}),
            (PLAN, {"keys": ["meet_where"], "not_keys": ["meet_plan_later"]}),
            ("MENU", {"keys": ["menu"], "says": ["Verder waar ik was"]}),
            ("verder", {"keys": ["offer_times"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "(a) AFSPRAAK in a carer's registration plans, the registration is kept",
        (
            ("MENU", {"keys": ["menu"]}),
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("Jan", {"keys": ["care_relation"]}),
            ("AFSPRAAK", {"effect": ["meet_manage"]}),
            (PLAN, {"keys": ["meet_where"], "not_keys": ["meet_plan_later"]}),
            ("2", {"keys": ["meet_when"]}),
            ("vrijdag om 3 uur", {"keys": ["meet_proposal_sent", "care_relation"], "says": ["Jan"]}),
        ),
        profile=WITH_THREAD,
    ),
    # (b) a window for a request without a fixed time.
    D(
        "(b) 'vanaf 14:00' at the when-question is kept with the request and read back",
        (
            *TO_WHEN,
            ("vanaf 14:00", {"keys": ["when_understood", "ask_urgency"], "says": ["14:00"]}),
            ("3", {}),
            *TO_SUMMARY_FROM_WHEN[1:],
            (
                "1",
                {
                    "keys": ["ask_sent"],
                    "effect_has": {
                        "create_request": {"when.window.start": "14:00:00", "when.kind": "flexible"}
                    },
                },
            ),
        ),
    ),
    D(
        "(b) 'donderdag na 2 uur' keeps the day and the hour",
        (
            *TO_WHEN,
            ("donderdag na 2 uur", {"keys": ["ask_urgency"], "says": ["donderdag", "14:00"]}),
            ("2", {}),
            ("1", {"keys": ["ask_summary"], "says": ["donderdag", "14:00"]}),
            ("1", {"effect_has": {"create_request": {"when.window.start": "14:00:00"}}}),
        ),
    ),
    D(
        "(b) a whole request with 'vrijdag na 2 uur' in the first message keeps the hour",
        (
            (
                "Kan iemand mij vrijdag na 2 uur naar de huisarts brengen?",
                {"keys": ["ask_summary"], "says": ["vrijdag", "14:00"]},
            ),
        ),
    ),
    D(
        "(b) 'tussen 1 en 3' at the when-question is a window of hours",
        (
            *TO_WHEN,
            ("tussen 1 en 3", {"keys": ["ask_urgency"], "says": ["13:00", "15:00"]}),
        ),
    ),
    # (c) a whole week.
    D(
        "(c) 'weet niet, ergens volgende week?' is next week, read back",
        (
            *TO_WHEN,
            (
                "weet niet, ergens volgende week?",
                {"keys": ["ask_urgency"], "says": ["30 november", "6 december"]},
            ),
            ("3", {}),
            *TO_SUMMARY_FROM_WHEN[1:],
            ("1", {"effect_has": {"create_request": {"when.window.from_date": "2026-11-30"}}}),
        ),
    ),
    D(
        "(c) English SMS: 'not sure, sometime next week?' at the when-question",
        (
            *TO_WHEN,
            ("not sure, sometime next week?", {"not_keys": ["ask_when*", "help_*"], "says": ["30 November"]}),
        ),
        state=menu_state("en"),
    ),
    D(
        "(c) 'deze week' at the when-question is this week, until Sunday",
        (
            *TO_WHEN,
            ("deze week", {"keys": ["ask_urgency"], "says": ["29 november"]}),
        ),
    ),
    # (d) irony without a marker at a check-in.
    D(
        "(d) 'Top. Echt top. Hij viel vannacht weer twee keer' at a check-in is not thanked as good",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            ("Top. Echt top. Hij viel vannacht weer twee keer", {"not_keys": ["care_thanks_good"]}),
        ),
        profile=CARER,
        gap="irony without a marker: the reader says good and the flow has no safe rule to doubt it",
    ),
]

# Written before reading the flows in detail, from what residents, volunteers and carers send.
BATCH_4 = [
    D(
        "older SMS resident: a whole polite request in one sentence at the menu",
        (
            (
                "Goedendag, ik ben mevrouw de Vries en ik zou graag willen vragen of iemand morgen "
                "mijn medicijnen bij de apotheek kan ophalen",
                {"not_keys": NOT_ASKED_AGAIN},
            ),
        ),
    ),
    D(
        "resident: 'nee wacht, het is donderdag' at the urgency question corrects the day",
        (
            *TO_WHEN,
            ("woensdag", {"keys": ["ask_urgency"]}),
            (
                "nee wacht, het is donderdag",
                {"says": ["donderdag"], "not_says": ["woensdag"], "keys": ["ask_urgency"]},
            ),
            ("deze week", {"keys": ["ask_visibility"]}),
        ),
    ),
    D(
        "resident: a request in one message and then a question about how it works",
        (
            (
                "Ik zoek iemand die donderdagmiddag mijn gras kan maaien. Hoe werkt dat eigenlijk?",
                {"not_keys": NOT_ASKED_AGAIN},
            ),
        ),
    ),
    D(
        "volunteer: yes with a condition, then changes their mind",
        (
            (INVITE, {"keys": ["invite*"]}),
            (
                "ja hoor, maar pas na 3 uur",
                {"effect": ["answer_invitation"], "not_keys": ["invite_no_thanks"]},
            ),
            (
                "oh nee sorry, ik kan toch niet, ik moet naar de dokter",
                {"not_keys": ["menu", "welcome"], "no_effect": ["relay"]},
            ),
        ),
    ),
    D(
        "volunteer: 'nu even niet, misschien volgende week' is a later",
        (
            (INVITE, {"keys": ["invite*"]}),
            ("nu even niet, misschien volgende week", {"effect": ["answer_invitation"]}),
        ),
    ),
    D(
        "carer: 'het wordt me te zwaar' at a check-in, then asks for help with groceries",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            ("het wordt me eigenlijk allemaal te zwaar", {"keys": ["care_heavy*"]}),
            ("kan iemand misschien boodschappen voor ons doen?", {"not_keys": ["care_heavy_offers", "menu"]}),
        ),
        profile=CARER,
    ),
    D(
        "carer outside a check-in: says it is getting heavy at the menu",
        (("ik merk dat het zorgen voor mijn man me te zwaar wordt", {"keys": ["care_heavy*"]}),),
        profile=CARER,
    ),
    D(
        "resident switches to English at the when-question and answers",
        (
            *TO_WHEN,
            ("sorry my Dutch is not good, tomorrow afternoon please", {"not_keys": ["ask_when*", "menu"]}),
        ),
    ),
    D(
        "Turkish resident writes Turkish to a Dutch menu: the request is read",
        (
            (
                "Merhaba, alışveriş için yardıma ihtiyacım var",
                {"state": {"lang": "tr"}, "not_keys": ["ask_category"]},
            ),
        ),
    ),
    D(
        "crisis said at the when-question: crisis answer, then the form goes on",
        (
            *TO_WHEN,
            ("mijn man is gevallen en kan niet meer opstaan", CRISIS),
            ("donderdag", {"keys": ["ask_urgency"]}),
        ),
    ),
    D(
        "crisis said at the description question: violence is no description",
        (
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            ("mijn zoon slaat me en ik durf niet naar huis", {**CRISIS, "not_keys": ["ask_when"]}),
        ),
    ),
    D(
        "crisis said in the middle of an offer",
        (
            *TO_TIMES,
            ("eerlijk gezegd wil ik er zelf niet meer zijn", CRISIS),
        ),
    ),
    D(
        "STOP in the middle of a carer's registration stops",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("Jan", {"keys": ["care_relation"]}),
            ("STOP", {"not_keys": ["care_relation", "care_hours"]}),
        ),
    ),
    D(
        "MENU in the middle of an offer, then on where they were",
        (
            *TO_TIMES,
            ("MENU", {"keys": ["menu"]}),
            ("verder", {"keys": ["offer_times"]}),
        ),
    ),
    D(
        "HELP at an invitation explains it, then a yes",
        (
            (INVITE, {"keys": ["invite*"]}),
            ("HELP", {"not_keys": ["menu", "info"], "no_effect": ["answer_invitation"]}),
            ("ja", {"effect": ["answer_invitation"]}),
        ),
    ),
    D(
        "resident wants to share their number after the meeting was agreed",
        (
            (AGREED, {"keys": ["meet_agreed"]}),
            ("mag Henk mijn telefoonnummer hebben? dan kan hij bellen", {"effect": ["share_number"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "older SMS resident: a when-answer with a reason attached",
        (
            *TO_WHEN,
            (
                "Het liefst volgende week dinsdag in de ochtend want dan is mijn dochter er niet",
                {"says": ["dinsdag"], "not_keys": ["ask_when*"]},
            ),
        ),
    ),
    D(
        "volunteer corrects the times at the limit question",
        (
            *TO_TIMES,
            ("doordeweeks overdag", {"keys": ["offer_limit"]}),
            ("nee wacht, toch alleen in het weekend", {"says": ["weekend"], "keys": ["offer_limit"]}),
        ),
    ),
    D(
        "Polish carer at a check-in: at the end of her strength",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            ("nie daję już rady, jestem wykończona", {"keys": ["care_heavy*"], "state": {"lang": "pl"}}),
        ),
        profile=CARER,
        state=menu_state("pl"),
    ),
    D(
        "Ukrainian volunteer: yes, but only in the afternoon",
        (
            (INVITE, {"keys": ["invite*"]}),
            ("так, але тільки після обіду", {"effect": ["answer_invitation"], "state": {"lang": "uk"}}),
        ),
        state=menu_state("uk"),
    ),
    D(
        "resident corrects the kind of help at the when-question",
        (
            *TO_WHEN,
            (
                "oh nee wacht, het is niet voor boodschappen maar voor de tuin",
                {"says": ["tuin"], "keys": ["ask_when"]},
            ),
        ),
    ),
    D(
        "older SMS resident: a yes in a whole sentence at the summary",
        (
            *TO_WHEN,
            ("donderdag", {"keys": ["ask_urgency"]}),
            ("deze week", {"keys": ["ask_visibility"]}),
            ("1", {"keys": ["ask_summary"]}),
            (
                "Ja hoor dat is goed zo. Dank u wel alvast.",
                {"keys": ["ask_sent"], "effect": ["create_request"]},
            ),
        ),
    ),
]


# What the fixes must not break.
GUARDS = [
    D(
        "a plan that arrives unasked mid-question is still only a hint, the question stays",
        (
            *THREAD_TO_WHEN,
            (PLAN, {"keys": ["meet_plan_later"], "not_keys": ["meet_where"]}),
            ("donderdag", {"keys": ["when_understood"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "a message between AFSPRAAK and its plan ends the wait: the plan is a hint again",
        (
            *THREAD_TO_WHEN,
            ("AFSPRAAK", {"effect": ["meet_manage"]}),
            ("donderdag", {"keys": ["when_understood"]}),
            (PLAN, {"keys": ["meet_plan_later"], "not_keys": ["meet_where"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "AFSPRAAK at the menu plans as before, with no question to come back to",
        (
            ("MENU", {"keys": ["menu"]}),
            ("AFSPRAAK", {"effect": ["meet_manage"]}),
            (PLAN, {"keys": ["meet_where"]}),
            ("1", {"keys": ["meet_when"]}),
            ("zaterdag om 10 uur", {"keys": ["meet_proposal_sent"], "not_keys": ["ask_*", "menu"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "a plain day keeps no window; 'deze week' at the urgency question is still the urgency",
        (
            *TO_WHEN,
            ("donderdag", {"keys": ["ask_urgency"], "not_says": ["vanaf", "tot en met"]}),
            ("deze week", {"keys": ["ask_visibility"], "not_keys": ["when_understood"]}),
            ("1", {"keys": ["ask_summary"]}),
            ("1", {"effect_has": {"create_request": {"when.window": None, "when.kind": "flexible"}}}),
        ),
    ),
    D(
        "a time at night with a bound is asked again, not kept as a window",
        (
            *TO_WHEN,
            ("na 23 uur", {"keys": ["ask_when*"], "not_keys": ["ask_urgency"]}),
        ),
    ),
    D(
        "someone who is no carer saying it is heavy at the menu gets no carer's offers",
        (("het wordt me allemaal te zwaar", {"not_keys": ["care_heavy_offers"]}),),
    ),
    D(
        "a carer's request in words at the menu is still a request",
        (("kan iemand boodschappen voor ons doen?", {"keys": ["ask_when"], "not_keys": ["care_heavy*"]}),),
        profile=CARER,
    ),
    D(
        "a carer at her limit at the menu: the offers and a staff alert",
        (("ik kan niet meer, ik ben op", {"keys": ["care_heavy_offers"], "effect": ["alert_staff"]}),),
        profile=CARER,
    ),
    D(
        "'nee' at the offer's language question is the answer, not a correction",
        (
            *TO_TIMES,
            ("doordeweeks overdag", {"keys": ["offer_limit"]}),
            ("2", {"keys": ["offer_languages"]}),
            ("nee", {"keys": ["offer_summary"], "not_keys": ["correction_noted"]}),
        ),
    ),
    D(
        "asking for the neighbour's number, or refusing to share one's own, is only passed on",
        (
            (AGREED, {"keys": ["meet_agreed"]}),
            ("mag ik jouw nummer?", {"effect": ["relay"], "no_effect": ["share_number"]}),
            ("Henk mag mijn nummer niet hebben", {"effect": ["relay"], "no_effect": ["share_number"]}),
        ),
        profile=WITH_THREAD,
    ),
]

GUARDS += [
    D(
        "a request whose last sentence is itself a question for help is not cut",
        (
            (
                "Mijn lamp is kapot. Kan iemand die ophangen?",
                {"not_keys": ["how_it_works", "ask_description"]},
            ),
        ),
    ),
    D(
        "'hoe werkt het?' alone at the menu is still the general info",
        (("hoe werkt het?", {"keys": ["info"], "not_keys": ["how_it_works"]}),),
    ),
]

GUARDS += [
    D(
        "after a yes, an ordinary message is not a take-back, and a later 'nee' neither",
        (
            (INVITE, {"keys": ["invite*"]}),
            ("ja", {"effect": ["answer_invitation"]}),
            ("ik heb hulp nodig met boodschappen", {"keys": ["ask_when"], "not_keys": ["invite_taken_back"]}),
            ("nee", {"not_keys": ["invite_taken_back"], "no_effect": ["alert_staff"]}),
        ),
    ),
]

# Seen in the replies of batch 4 turns that passed: expectations written too loosely to say what was
# meant, tightened after scoring (not counted in the batch's figures; each a known gap).
SEEN_IN_REPLIES = [
    D(
        "volunteer: a change of mind after a yes is no new request",
        (
            (INVITE, {"keys": ["invite*"]}),
            ("ja hoor, maar pas na 3 uur", {"effect": ["answer_invitation"]}),
            (
                "oh nee sorry, ik kan toch niet, ik moet naar de dokter",
                {"keys": ["invite_taken_back"], "not_keys": ["ask_*"], "effect": ["alert_staff"]},
            ),
        ),
    ),
    D(
        "resident: a request in one message and then a question: the question is answered",
        (
            (
                "Ik zoek iemand die donderdagmiddag mijn gras kan maaien. Hoe werkt dat eigenlijk?",
                {
                    "keys": ["how_it_works", "ask_summary"],
                    "not_keys": NOT_ASKED_AGAIN,
                    "not_says": ["Hoe werkt"],
                },
            ),
        ),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_4))
def test_batch_4(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(GAPS))
def test_gaps(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(SEEN_IN_REPLIES))
def test_seen_in_replies(dialogue: Dialogue) -> None:
    assert_holds(dialogue)
