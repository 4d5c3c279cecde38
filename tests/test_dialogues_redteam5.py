"""Red team of whole conversations, round 5 (round 4: tests/test_dialogues_redteam4.py; rounds 1-3:
tests/test_dialogues_redteam.py).

Replayed through `flows.conversation.step` with the golden transcripts' fixed clock (Monday 23 November
2026, 10:00 UTC); each dialogue is data (tests/dialogue_redteam_support.py).

Figures (turns as expected / turns; dialogues fully as expected):
- Round 4's flow-level gaps (GAPS, 7 dialogues): 5/14 turns, 0/7 dialogues before; 14/14, 7/7 after.
- Batch 5, 22 dialogues written before reading the flows in detail (the matched thread, meetings planned
  in sentences, reminders and "Is het gelukt?" answered in words, a carer's rhythm in words, a
  resident asking after her request, PAUZE/STOP/MENU/HELP/KLAAR in sentences, English mid-thread, a
  crisis inside a thread message), scored before fixing (the honest generalisation figure): 30/41
  turns, 11/22 dialogues; 39/41, 20/22 after on the expectations as written. One expectation was then
  changed by decision (KLAAR said inside a message closes only after a yes; that dialogue now has two
  turns, and holds): 41/42, 21/22. The two "cannot come" dialogues named the then unknown reply key as
  "meet_status*"; it is `meet_cannot_come` (same meaning: the meeting can be moved or cancelled).
- Guards (what the fixes must not break): 29 dialogues, all hold. Seen while fixing (SEEN, not in the
  figures): 2 dialogues, all hold.

What failed and what changed (mechanisms):
- "Hallo. Hoe werkt dit?" at the menu with no menu question open (after "Uitleg", after a flow ended)
  was "not understood": the reader's `explain` intent was only used as the menu's "Uitleg" choice. Now
  `first_contact.act_on_intent` answers it wherever the menu reads free text: the info, then the menu.
- Someone who is no registered carer saying "ik trek het niet meer" / "ik kan het niet meer aan" got
  "not understood" or a request for help with nothing. Now (flows/conversation.py `_distress`) the
  check-in reader's distress, from anyone at the menu, gives `distress_offers` ("Wat naar dat het zo
  zwaar is. Je staat er niet alleen voor. Wat kan nu helpen?": ask neighbours, someone calls back (the
  high-priority alert of ZWAAR), not now) and a normal-priority staff alert (`distress`, labelled in the
  console). Not when the words name a kind of help (a request), and for a short message only when every
  word is needed for the distress or is a light word (`_distress_alone`: leaving a word out must lose
  it; "ik ben op vakantie", "ik ben op zoek naar hulp" are read as distress by a check-in's reader, not
  here); one clause may say it alone. Instead of an answer mid-question (`_distress_for_miss`: only
  where the flow found no answer) the same, or ZWAAR's offers for a registered carer with her alert;
  the question comes back as it was asked after the answer. Written to the neighbour in a thread: passed
  on, and the offers too. Crisis words never get here (the crisis path is first).
- "Is het gelukt?" answered in words ("ja het was gezellig, volgende week weer?", "het was heel fijn")
  was passed on to the neighbour: the question had no reader context. Now it is read as a yes/no
  (`interpret.PROMPT_CONTEXTS`), a check-in's "good" is a yes, and a yes that asks to meet again
  (`meetings.AGAIN`) asks for weekly at once (`meet_weekly`).
- "sorry, ik moet vandaag afzeggen" / "ik kan morgen toch niet" in a thread with a meeting ahead was
  only passed on, the meeting stayed agreed. Now (flows/meetings.py `cannot_come`) it is passed on and
  `meet_cannot_come` offers another time, cancelling, or "Het gaat toch door" (`meet_kept`). Cancel
  words with "..." gaps and "$" clause ends ("kan ... toch niet$" is not "ik kan de sleutel toch niet
  vinden").
- "kan ook woensdag om 3 uur bij mij thuis" at "Waar zien jullie elkaar?" was passed on. Now
  (`meetings.place_in_words`) a place said in a sentence is taken (the host's home from the side of the
  one planning, the buurthuis, the named centre), with the time when one day and time are said (read
  as the ask flow reads a time): proposed at once; else the when-question. A question to the
  neighbour ("ben je thuis?") still goes to the neighbour.
- "heeft al iemand gereageerd?" at the menu showed the list to cancel from; said as a question in words
  it now answers how each request stands (`my_requests.status`), as mid-question already did.
- PAUZE in words with a reason or length ("ik wil even pauzeren, ik ben twee weken op vakantie"): the
  first clause is the command, the rest what follows PAUZE, and how long is read from a few words in
  it (`pause.until_in_words`; none: asked). Small phrase additions: "[even] pauzeren" (commands.toml),
  "ik snap niet wat ik hier moet invullen" (HELP), "het menu weer zien" (intents.toml menu).
- KLAAR said inside a message to the neighbour ("we zijn klaar, bedankt voor alles Henk!") was only
  passed on. Decided: passed on, then asked once (`thread_close_check`, Ja closes, Nee keeps it open):
  the words are also for the neighbour, and closing ends the conversation for both.

Decided and left:
- A request whose week has passed (a window with `until`) is not closed: that needs a scheduled job and
  storage (find such requests, close them, tell the person), outside the pure flows. Left.
- Reader gaps (not flows): "is er al iemand voor mijn vraag over de lamp?" is not read as MIJN VRAGEN
  (xfail); the check-in reader's distress phrases are broad outside a check-in ("ben op", "kan het niet
  meer", "weet het niet meer"); the flows guard this for non-carers, but "ik weet het niet meer" at the
  menu still gets the offers (mid-question it is a plain miss: `_dont_know`), and "я більше не
  витримую" is not read at all. `_distress_alone` depends on the reader's phrases: a message with two
  overlapping distress phrases needed a light word ("cope").
- A greeting alone at the menu ("hallo") is still "not understood" with the menu: the reader's greeting
  intent also covers "nog een vraag" and "klaar", so answering it plainly broke goldens; left.
"""

from __future__ import annotations

import pytest

from tests.dialogue_redteam_support import CARER, CRISIS, INVITE, RIA, Dialogue, menu_state, run

D = Dialogue
THREAD = {"id": 3, "other_name": "Henk", "category": "boodschappen", "status": "open"}
WITH_THREAD = {**RIA, "threads": [THREAD]}
OFFER = {
    "categories": ["boodschappen", "klusjes"],
    "reach": "nearby",
    "availability": [[0, "ochtend"], [2, "middag"]],
    "weekly_limit": 2,
    "languages": ["nl"],
}
# A volunteer (Henk) in a thread with the resident Ans.
VOLUNTEER = {
    "first_name": "Henk",
    "neighbourhood": "molenwijk",
    "consented": True,
    "offer": OFFER,
    "threads": [{"id": 3, "other_name": "Ans", "category": "boodschappen", "status": "open"}],
}
OPEN_REQUEST = {
    "id": 12,
    "category": "klusjes",
    "description": "lamp ophangen",
    "when": {"kind": "asap"},
    "status": "open",
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
    "starts_at": "2026-11-24T13:00:00+00:00",
    "zone": "Europe/Amsterdam",
    "status": "agreed",
    "recurring": False,
    "role": "requester",
}
# The same meeting as the volunteer Henk sees it (at Ans's home, today at 14:00).
VOLUNTEER_MEETING = {
    **MEETING,
    "name": "Ans",
    "host": "Ans",
    "host_is_me": False,
    "starts_at": "2026-11-23T13:00:00+00:00",
    "role": "volunteer",
}
AGREED = {"internal": "meet_agreed", "meta": {"meeting": MEETING}}
CHECK = {"internal": "meet_check", "meta": {"meeting": {**MEETING, "starts_at": "2026-11-21T13:00:00+00:00"}}}
REMINDER = {"internal": "meet_reminder", "meta": {"which": "evening", "meeting": MEETING}}
VOLUNTEER_REMINDER = {"internal": "meet_reminder", "meta": {"which": "soon", "meeting": VOLUNTEER_MEETING}}
PROPOSAL = {
    "internal": "meet_proposal",
    "meta": {
        "meeting": {**VOLUNTEER_MEETING, "status": "proposed", "starts_at": "2026-11-25T13:00:00+00:00"}
    },
}
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
RELAYED = {
    "internal": "relayed",
    "meta": {"thread_id": 3, "name": "Henk", "text": "Hoi Ria, zal ik morgen komen?"},
}
TO_WHEN = (("1", {}), ("1", {}), ("melk en brood halen", {"keys": ["ask_when"]}))
THREAD_TO_WHEN = (("MENU", {"keys": ["menu"]}), *TO_WHEN)
MISSES = ["not_understood", "*_again"]

# The known gaps given with round 5 (round 4's flow-level gaps), each with dialogues that failed before.
GAPS = [
    D(
        "a greeting and a question about the bot at the menu: how it works, then the menu",
        (("Hallo. Hoe werkt dit?", {"keys": ["info", "menu"], "not_keys": ["not_understood"]}),),
    ),
    D(
        "a greeting and 'wat is dit eigenlijk?' at the menu",
        (("Goedemiddag, wat is dit eigenlijk?", {"keys": ["info"]}),),
    ),
    D(
        "someone who is no carer: 'ik trek het niet meer' at the menu gets a caring answer",
        (("ik trek het niet meer", {"keys": ["distress_offers"], "effect": ["alert_staff"]}),),
    ),
    D(
        "someone who is no carer: 'ik kan het niet meer aan' at the menu is no request for help with nothing",
        (
            ("ik kan het niet meer aan", {"keys": ["distress_offers"], "not_keys": ["ask_category"]}),
            ("2", {"keys": ["care_callback_ok"], "effect": ["alert_staff"]}),
        ),
    ),
    D(
        "at her limit in the middle of a request: cared for, then the form goes on",
        (
            *TO_WHEN,
            ("ik trek het niet meer", {"keys": ["distress_offers"], "not_keys": MISSES}),
            ("3", {"keys": ["ask_when"]}),
            ("donderdag", {"keys": ["ask_urgency"]}),
        ),
    ),
    D(
        "English: 'I can't cope anymore' at the menu",
        (("I can't cope anymore", {"keys": ["distress_offers"]}),),
        state=menu_state("en"),
    ),
    D(
        "distress picked 'ask neighbours': the request starts",
        (
            ("ik trek het allemaal niet meer", {"keys": ["distress_offers"]}),
            ("1", {"keys": ["ask_category"]}),
        ),
    ),
]

# Written before reading the flows in detail, from what residents, volunteers, carers and buurtverbinders
# expect of a whole conversation.
BATCH_5 = [
    D(
        "resident writes to the helper through the bot",
        (("Hoi Henk, hoe laat kom je morgen ongeveer?", {"effect": ["relay"], "keys": ["relay_sent"]}),),
        profile=WITH_THREAD,
    ),
    D(
        "resident answers the helper's message in words",
        (
            (RELAYED, {"keys": ["relay"]}),
            ("ja graag, na de lunch is prima", {"effect": ["relay"], "not_keys": MISSES}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "resident asks the bot to give her number to the helper",
        (("kun je mijn nummer aan Henk geven?", {"effect": ["share_number"]}),),
        profile=WITH_THREAD,
    ),
    D(
        "volunteer cancels on the day in a sentence: passed on, and the meeting can be cancelled or moved",
        (
            (VOLUNTEER_REMINDER, {"keys": ["meet_reminder_soon"]}),
            (
                "sorry, ik moet vandaag afzeggen, mijn dochter is ziek",
                {"effect": ["relay"], "keys": ["meet_cannot_come"]},
            ),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "'did it happen?' answered 'ja het was gezellig, volgende week weer?'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            (
                "ja het was gezellig, volgende week weer?",
                {"effect": ["meet_outcome", "meet_weekly"], "not_keys": MISSES},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'did it happen?' answered 'nee, hij is niet gekomen'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            (
                "nee, hij is niet gekomen",
                {"effect_has": {"meet_outcome": {"outcome": "no"}}, "keys": ["meet_not_happened"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'did it happen?' answered with only 'het was heel fijn, dank je'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("het was heel fijn, dank je", {"effect_has": {"meet_outcome": {"outcome": "yes"}}}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "meeting planned in one sentence: 'kan ook woensdag om 3 uur bij mij thuis'",
        (
            (PLAN, {"keys": ["meet_where"]}),
            (
                "kan ook woensdag om 3 uur bij mij thuis",
                {
                    "keys": ["meet_proposal_sent"],
                    "effect_has": {
                        "meet_propose": {"place_kind": "home", "starts_at": "2026-11-25T15:00:00+01:00"}
                    },
                },
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "meeting place said in words: 'in het buurthuis graag'",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("in het buurthuis graag", {"keys": ["meet_when"], "no_effect": ["relay"]}),
            ("vrijdagochtend om 10 uur", {"effect": ["meet_propose"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "volunteer accepts a proposal in words",
        (
            (PROPOSAL, {"keys": ["meet_proposal"]}),
            ("ja hoor dat past mij prima", {"effect_has": {"meet_answer": {"answer": "yes"}}}),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "reminder answered 'ik kan toch niet': passed on, and the meeting can be cancelled or moved",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("oh jee, ik kan morgen toch niet", {"effect": ["relay"], "keys": ["meet_cannot_come"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "reminder answered 'oké, tot morgen!' is passed on, nothing else",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("oké, tot morgen!", {"effect": ["relay"], "not_keys": ["meet_cannot_come", *MISSES]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "carer chooses her rhythm in words: 'om de twee weken op maandag'",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("Jan", {"keys": ["care_relation"]}),
            ("mijn man", {"keys": ["care_hours"]}),
            ("ongeveer 15 uur per week", {"keys": ["care_rhythm"]}),
            (
                "om de twee weken op maandag",
                {"effect": ["care_register"], "not_keys": ["care_day*", "care_rhythm*"], "says": ["maandag"]},
            ),
        ),
    ),
    D(
        "resident asks at the menu what happened to her request",
        (("heeft al iemand gereageerd?", {"keys": ["request_status_open"], "not_keys": MISSES}),),
        profile={**RIA, "open_requests": [OPEN_REQUEST]},
    ),
    D(
        "resident in a thread asks whether anyone reacted to her other request: not passed on",
        (
            (
                "is er al iemand voor mijn vraag over de lamp?",
                {"keys": ["request_status_open"], "no_effect": ["relay"]},
            ),
        ),
        profile={**WITH_THREAD, "open_requests": [OPEN_REQUEST]},
        # Round 6 (tests/test_dialogues_redteam6.py): read as MIJN VRAGEN, no longer a known gap.
    ),
    D(
        "volunteer says PAUZE in a sentence",
        (
            (
                "ik wil even pauzeren, ik ben twee weken op vakantie",
                {"effect": ["pause_offer"], "not_keys": MISSES},
            ),
        ),
        profile={**RIA, "offer": OFFER},
    ),
    D(
        "STOP said in a sentence in a thread is not passed on to the neighbour",
        (("stop maar met al die berichten", {"keys": ["stop_check"], "no_effect": ["relay"]}),),
        profile=WITH_THREAD,
    ),
    D(
        "MENU asked for in a sentence in a thread is not passed on",
        (("kan ik het menu weer zien?", {"keys": ["menu"], "no_effect": ["relay"]}),),
        profile=WITH_THREAD,
    ),
    D(
        "HELP in a sentence at the when-question explains the question",
        (
            *TO_WHEN,
            ("ik snap niet wat ik hier moet invullen", {"keys": ["help_ask_when"]}),
            ("zaterdag", {"keys": ["ask_urgency"]}),
        ),
    ),
    D(
        "English mid-thread: passed on to the neighbour",
        (
            (
                "Sorry, could you tell Henk I will be ten minutes late?",
                {"effect": ["relay"], "not_keys": ["menu", *MISSES]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "crisis said inside a thread message: the crisis answer, and nothing is passed on automatically",
        (
            (
                "Henk, ik ben net gevallen en ik kan niet meer opstaan",
                {**CRISIS, "no_effect": ["relay"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "buurtverbinder-style: KLAAR in a sentence after the help was done",
        (
            # Decided after scoring (the expectation was a close at once): the words are also for Henk, and
            # closing ends the conversation, so the bot passes them on and asks once.
            (
                "we zijn klaar, bedankt voor alles Henk!",
                {"effect": ["relay"], "keys": ["thread_close_check"], "no_effect": ["close_thread"]},
            ),
            ("ja", {"effect": ["close_thread"], "keys": ["thread_closed"]}),
        ),
        profile=WITH_THREAD,
    ),
]

# What the fixes must not break.
GUARDS = [
    D(
        "a greeting alone at the menu is no explanation",
        (("hallo", {"not_keys": ["info", "how_it_works"]}),),
    ),
    D(
        "a greeting while an invitation is open asks the invitation again",
        (
            (
                INVITE,
                {"keys": ["invite*"]},
            ),
            ("hallo", {"keys": ["invite*"], "not_keys": ["menu"]}),
        ),
    ),
    D(
        "'hoe werkt het?' alone at the menu is still the general info",
        (("hoe werkt het?", {"keys": ["info"], "not_keys": ["how_it_works"]}),),
    ),
    D(
        "crisis words from someone who is no carer still go to the crisis path",
        (("ik wil er niet meer zijn", {**CRISIS, "not_keys": ["distress_offers"]}),),
    ),
    D(
        "a request with 'ik kan niet meer' and a kind of help is a request",
        (
            (
                "ik kan niet meer lopen, kan iemand boodschappen voor me doen?",
                {"keys": ["ask_*"], "not_keys": ["distress_offers"]},
            ),
        ),
    ),
    D(
        "a registered carer at her limit at the menu still gets the carer's offers",
        (("ik kan niet meer, ik ben op", {"keys": ["care_heavy_offers"], "effect": ["alert_staff"]}),),
        profile=CARER,
    ),
    D(
        "'weet ik niet' at the when-question is no distress",
        (*TO_WHEN, ("weet ik niet", {"not_keys": ["distress_offers"]})),
    ),
    D(
        "a plain message in a thread is passed on as before",
        (("ik ben er om 10 uur", {"effect": ["relay"], "not_keys": ["meet_cannot_come"]}),),
        profile=WITH_THREAD,
    ),
]

GUARDS += [
    D(
        "'ja' alone at 'Is het gelukt?' still asks whether to meet again",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"], "no_effect": ["meet_weekly"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "words for the neighbour with a 'niet' in them do not ask to cancel the meeting",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("ik kan de sleutel toch niet vinden", {"effect": ["relay"], "not_keys": ["meet_cannot_come"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'ik kan toch niet' with no meeting ahead is only passed on",
        (("ik kan morgen toch niet", {"effect": ["relay"], "not_keys": ["meet_cannot_come"]}),),
        profile=WITH_THREAD,
    ),
    D(
        "cannot come, then 'it goes ahead after all': nothing cancelled",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("oh jee, ik kan morgen toch niet", {"keys": ["meet_cannot_come"]}),
            ("3", {"keys": ["meet_kept"], "no_effect": ["meet_cancel", "meet_reschedule"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "cannot come, then 'Afzeggen' cancels the meeting",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("sorry, ik moet het afzeggen", {"keys": ["meet_cannot_come"]}),
            ("afzeggen", {"effect": ["meet_cancel"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "a carer at her limit in the middle of a request gets the carer's offers and the form is kept",
        (
            *TO_WHEN,
            ("ik kan niet meer", {"keys": ["care_heavy_offers"], "effect": ["alert_staff"]}),
            ("4", {"keys": ["ask_when"]}),
        ),
        profile=CARER,
    ),
    D(
        "a description that says someone cannot manage is a description, not distress",
        (
            ("1", {}),
            ("3", {"keys": ["ask_description"]}),
            (
                "mijn moeder kan het niet meer aan in de tuin",
                {"keys": ["ask_*"], "not_keys": ["distress_offers", "care_heavy_offers"]},
            ),
        ),
    ),
]

GUARDS += [
    D(
        "at 'Waar zien jullie elkaar?' a question for the neighbour is still passed on",
        (
            (PLAN, {"keys": ["meet_where"]}),
            (
                "Hoi Henk, ben je morgen de hele dag thuis?",
                {"effect": ["relay"], "no_effect": ["meet_propose"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "the place alone in a sentence asks when",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("bij mij thuis is het makkelijkst", {"keys": ["meet_when"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "a volunteer planning says 'bij mij': that is not the host's home, so it is not taken as home",
        (
            (
                {"internal": "meet_plan", "meta": {**PLAN["meta"], "host": "Ans", "host_is_me": False}},
                {"keys": ["meet_where"]},
            ),
            ("bij mij om 3 uur woensdag", {"no_effect": ["meet_propose"]}),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "'ik wil mijn vragen zien' still shows the list to pick from",
        (("ik wil mijn vragen zien", {"keys": ["my_requests_list"], "not_keys": ["request_status_open"]}),),
        profile={**RIA, "open_requests": [OPEN_REQUEST]},
    ),
    D(
        "PAUZE with how long still pauses for that long",
        (("PAUZE 2 weken", {"effect_has": {"pause_offer": {"until": "2026-12-07T00:00:00+01:00"}}}),),
        profile={**RIA, "offer": OFFER},
    ),
    D(
        "a pause in words with a reason but no length asks how long",
        (
            (
                "ik wil even pauzeren, het is te druk op mijn werk",
                {"keys": ["offer_pause*"], "no_effect": ["pause_offer"]},
            ),
        ),
        profile={**RIA, "offer": OFFER},
    ),
]

GUARDS += [
    D(
        "KLAAR said inside a message, then 'nee': the conversation stays open",
        (
            ("het is gelukt hoor, dank je wel Henk", {"keys": ["thread_close_check"], "effect": ["relay"]}),
            ("nee", {"keys": ["thread_kept"], "no_effect": ["close_thread"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "KLAAR alone still closes at once",
        (("KLAAR", {"effect": ["close_thread"], "not_keys": ["thread_close_check"]}),),
        profile=WITH_THREAD,
    ),
    D(
        "a message that only mentions being done with something else is passed on, no question",
        (
            (
                "ik ben klaar met werken, ik kom om 6 uur",
                {"effect": ["relay"], "not_keys": ["thread_close_check"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
]

GUARDS += [
    D(
        f"someone who is no carer: {text!r} at the menu is no distress",
        ((text, {"not_keys": ["distress_offers"], "no_effect": ["alert_staff"]}),),
    )
    for text in ("ik ben op vakantie", "ik ben op zoek naar hulp", "ik kan het niet meer vinden")
]
GUARDS += [
    D(
        "someone who is no carer: two ways of saying it in one message",
        (("ik ben zo moe, ik kan niet meer", {"keys": ["distress_offers"]}),),
    ),
]

GUARDS += [
    D(
        "'ik weet het niet meer' at the when-question is not knowing, asked again",
        (*TO_WHEN, ("ik weet het niet meer", {"keys": ["ask_when*"], "not_keys": ["distress_offers"]})),
    ),
]

# Seen while fixing (not in the figures): a message to the neighbour that says one cannot cope.
SEEN = [
    D(
        "in a thread, 'ik trek het niet meer' goes to the neighbour and the offers of help come too",
        (
            (
                "Henk, ik trek het allemaal niet meer",
                {"effect": ["relay", "alert_staff"], "keys": ["distress_offers"]},
            ),
            ("3", {"keys": ["care_heavy_later"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "a registered carer in a thread at her limit: passed on, the carer's offers and the alert",
        (
            (
                "ik kan niet meer, ik ben op",
                {"effect": ["relay", "alert_staff"], "keys": ["care_heavy_offers"]},
            ),
        ),
        profile={**CARER, "threads": [THREAD]},
    ),
]


def _ids(dialogues: list[Dialogue]) -> list[object]:
    return [
        pytest.param(d, id=d.name, marks=[pytest.mark.xfail(reason=d.gap, strict=True)] if d.gap else [])
        for d in dialogues
    ]


@pytest.mark.parametrize("dialogue", _ids(GAPS))
def test_gaps(dialogue: Dialogue) -> None:
    problems = run(dialogue)
    assert all(not p for p in problems), [(i, p) for i, p in enumerate(problems) if p]


@pytest.mark.parametrize("dialogue", _ids(BATCH_5))
def test_batch_5(dialogue: Dialogue) -> None:
    problems = run(dialogue)
    assert all(not p for p in problems), [(i, p) for i, p in enumerate(problems) if p]


@pytest.mark.parametrize("dialogue", _ids(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    problems = run(dialogue)
    assert all(not p for p in problems), [(i, p) for i, p in enumerate(problems) if p]


@pytest.mark.parametrize("dialogue", _ids(SEEN))
def test_seen(dialogue: Dialogue) -> None:
    problems = run(dialogue)
    assert all(not p for p in problems), [(i, p) for i, p in enumerate(problems) if p]
