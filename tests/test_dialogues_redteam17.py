# ruff: noqa: RUF001
"""Red team of whole conversations, round 17: two conversations at once.

The bot's own questions arrive from the scheduler and from other people while a person is busy with
something else: a meeting reminder or "Is het gelukt?" while a resident is halfway through a request, a
check-in while a mantelzorger is in a thread, a second invitation before the first was answered, the
neighbour's message while the resident answers "Wanneer?". Such a question enters by an internal event
(`flows.conversation.step`, INTERNAL_HANDLERS); the question that was open is kept as `resume_prompt`.
What a person expects of their next messages: the answer goes to the question it answers (by its
content where it says so; to the newest question when it is bare), nothing half-done is lost (the
request being asked is picked up again, with what was said kept), never a reset to the menu; an answer
that carries two answers gives both. Replayed at the golden clock (Monday 23 November 2026, 10:00 UTC).

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (af0c3a4).
- Batch 1 (BATCH_1, 19 dialogues; nl 16, en 1, tr 1, pl 1), measured before any fix: 91/107, 7/19 (as
  first written 89/106, 7/19: the English dialogue lacked MENU to leave the thread, where "1" is relayed,
  a test error). After its fixes 107/107, 19/19.
- Batch 2 (BATCH_2, 20 dialogues, held out: written after batch 1's fixes, not looked at while fixing;
  nl 16, en 1, uk 1, tr 1, ar 1, pl 1): main 96/108, 9/20; before its own fixes (the honest figure)
  105/108, 18/20; after 108/108, 20/20. Its misses: "zwaar hoor deze week" at a check-in under the
  request's "Wanneer?" went to the request ("deze week" read as its time), and then "niet nu" at the
  offers was a miss of the request's question; "jazeker, en woensdagochtend graag" gave only the time.
- Guards (GUARDS, 5 dialogues, with batch 2): 14/14, 5/5 on main and after.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

How such prompts enter: an internal event (`step` runs INTERNAL_HANDLERS); the flow that asks keeps the
question it interrupts in `resume_prompt` (one slot; `invitations._invite`, `meetings._ask`,
`care._keep_resume`) and asks it again once its own question is answered. A reminder asks nothing (no
prompt); a relayed message leaves the open question as it is.

What failed and what changed (mechanisms, flows/interleave.py and conversation.py's round 17 part):
- Lost questions. A question pushed out by a newer one and kept nowhere was gone: the first of two
  invitations, a request's "Wanneer?" under "Is het gelukt?" under an invitation (the single slot was
  overwritten). Now `keep_displaced` lets each such question wait (`state["waiting"]`, with the flow and
  step it belongs to) and `restore_waiting` asks the newest again once no question is open; a question
  of a flow only while that flow is still at that step, an invitation taken or withdrawn meanwhile not
  (`drop_settled`), one answered by its old button not (`drop_answered`), the same question anew (this
  week's check-in over last week's) not twice, and nothing after STOP or erasure.
- "Is het gelukt?" answered yes asks "Volgende week weer afspreken?": the question below was dropped
  there (`meetings.on_answer` popped it); now it waits until that one is answered too.
- Answer by content. A time said at a newer question that reads no time ([older_question_by_time]:
  "Is het gelukt?", "Volgende week weer?", a check-in) while a request's "Wanneer?" waits is the
  request's ("Ik noteer: dinsdag ..."), then the newer question again, the request's next one waiting
  (`conversation._older_by_time`). Not when the newer question reads an answer of its own that is no
  bare yes ("zwaar hoor deze week"), nor a wish to meet again. A yes/no in a clause of its own beside
  the time ("jazeker, en woensdagochtend graag") answers the newer question too (`_yes_no_beside_time`).
- Put off: "wacht even, eerst dit", "momentje", "poczekaj chwilę" ([defer_question]) at a newer question
  while a request, an offer or a registration is being filled in: that goes on, led by "Goed, dat komt
  straks.", and the newer question waits (`interleave.defer_newest`).
- A newer question the message does not answer is asked again (repair), not the flow's question below it
  (which used to say "Dat begreep ik niet" about the request's "Wanneer?" and lose the newer question).
- A reminder answered in the middle of a question (the reminder is marked for two messages,
  `meetings.REMINDED`): "ja hoor gaat gewoon door" ([meeting_goes_on] or a yes, no "maar") is heard
  ("Fijn, dan gaat de afspraak met Henk door."), words that say more go to the neighbour of that meeting
  (`threads.relay_to_thread`); then the open question again. It used to be "Dat begreep ik niet".
- A bare "ja"/"nee" at a check-in while in a thread was relayed to the neighbour: now the check-in is
  asked again ([unclear_keeps_question] has care_checkin).
- "niet nu" at the offers after Zwaar ([option_care_offer_none]; the label is "Nu even niet").

Decided:
- A bare answer is the newest question's; by content only a time, and only to a request's "Wanneer?".
- "ja hoor dinsdag is goed": the yes is about the time; the check is asked again, not answered.
- At the menu in a thread a reminder's answer still goes to the neighbour, as before (guard).

Known misses: none left in the batches. Not covered: a time said for an offer's or a meeting's own
when-question under a newer question (only a request's "Wanneer?" is taken by content).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    CARER,
    CHECKIN,
    INVITE,
    RIA,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
)
from tests.test_dialogues_redteam5 import CHECK, OFFER, REMINDER, THREAD, WITH_THREAD

D = Dialogue
MISS = ["not_understood", "*_again"]
# Reaching "Wanneer heb je hulp nodig?" from the menu of someone in a thread (plain text there is relayed).
TO_WHEN: tuple[tuple[Any, dict[str, Any]], ...] = (
    ("MENU", {}),
    ("1", {}),
    ("1", {}),
    ("melk en brood halen", {"keys": ["ask_when"]}),
)
# The same from the plain menu (no thread).
TO_WHEN_PLAIN = TO_WHEN[1:]
INVITE_2 = {
    "internal": "invite",
    "meta": {
        **INVITE["meta"],
        "request_id": 42,
        "name": "Kees",
        "category": "klusjes",
        "description": "lamp ophangen",
    },
}
RELAYED = {"internal": "relayed", "meta": {"thread_id": 3, "name": "Henk", "text": "Hoi Ria, gaat het goed?"}}
VOLUNTEER = {"first_name": "Henk", "neighbourhood": "molenwijk", "consented": True, "offer": OFFER}
CARER_IN_THREAD = {**CARER, "threads": [THREAD]}
TOOK_WHEN = {"keys": ["when_understood"], "not_keys": [*MISS, "menu"], "no_effect": ["relay"]}
NO_OUTCOME = ["meet_outcome", "relay"]

BATCH_1 = [
    D(
        "reminder mid-request: 'ja hoor gaat gewoon door' is heard, the when-question again, then a time",
        (
            *TO_WHEN,
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("ja hoor gaat gewoon door", {"keys": ["ask_when"], "not_keys": MISS, "no_effect": ["relay"]}),
            ("morgen om 10 uur", TOOK_WHEN),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "reminder mid-request: 'ja gaat door maar kan hij iets later komen' goes to Henk, the request stays",
        (
            *TO_WHEN,
            (REMINDER, {}),
            (
                "ja gaat door maar kan hij iets later komen",
                {"effect": ["relay"], "keys": ["ask_when"], "not_keys": MISS},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "reminder mid-request, then the time for the request: taken for the request",
        (*TO_WHEN, (REMINDER, {}), ("donderdagochtend graag", TOOK_WHEN)),
        profile=WITH_THREAD,
    ),
    D(
        "'Is het gelukt?' mid-request: ja, ja (weekly), then the when-question is back",
        (
            *TO_WHEN,
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_thanks", "meet_again"]}),
            ("ja", {"keys": ["meet_weekly_asked", "ask_when"], "not_keys": MISS}),
            ("vrijdag na de middag", TOOK_WHEN),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'Is het gelukt?' mid-request: 'ja hoor dinsdag is goed' is the request's time; the check again",
        (
            *TO_WHEN,
            (CHECK, {}),
            (
                "ja hoor dinsdag is goed",
                {"keys": ["when_understood", "meet_check"], "not_keys": MISS, "no_effect": NO_OUTCOME},
            ),
            ("ja", {"keys": ["meet_thanks"], "effect": ["meet_outcome"]}),
            ("nee hoor", {"keys": ["meet_later_ok", "ask_*"], "not_keys": MISS}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'Is het gelukt?' mid-request: 'wacht even, eerst dit' keeps the request going, nothing answered",
        (
            *TO_WHEN,
            (CHECK, {}),
            ("wacht even, eerst dit", {"keys": ["ask_when"], "not_keys": MISS, "no_effect": NO_OUTCOME}),
            ("vrijdagmiddag", TOOK_WHEN),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "check-in while in a thread: a bare 'ja' is no answer and not for Henk; the check-in again",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            ("ja", {"keys": ["care_checkin"], "no_effect": ["relay"]}),
            ("goed hoor", {"keys": ["care_thanks_good"], "no_effect": ["relay"]}),
        ),
        profile=CARER_IN_THREAD,
    ),
    D(
        "two invitations: a bare 'ja' is for the newest, then the first is asked again",
        (
            (INVITE, {"keys": ["invite"]}),
            (INVITE_2, {"keys": ["invite"]}),
            ("ja", {"effect_has": {"answer_invitation": {"request_id": 42, "answer": "yes"}}}),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "two invitations: 'nee' to the newest, the first one back with its words",
        (
            (INVITE, {}),
            (INVITE_2, {}),
            (
                "nee sorry",
                {
                    "keys": ["invite_no_thanks", "invite"],
                    "says": ["brood halen"],
                    "effect_has": {"answer_invitation": {"request_id": 42, "answer": "no"}},
                },
            ),
            ("ja hoor", {"effect_has": {"answer_invitation": {"request_id": 41, "answer": "yes"}}}),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "'Is het gelukt?' during an open invitation: answered, then the invitation is back",
        (
            (INVITE, {}),
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"]}),
            ("nee", {"keys": ["meet_later_ok", "invite"], "says": ["brood halen"]}),
        ),
        profile={**VOLUNTEER, "threads": [THREAD]},
    ),
    D(
        "check-in mid-request, then a time: the request's; the check-in asked again, then answered",
        (
            *TO_WHEN_PLAIN,
            (CHECKIN, {"keys": ["care_checkin"]}),
            ("morgen om 10 uur", {"keys": ["when_understood", "care_checkin"], "not_keys": MISS}),
            ("gaat wel", {"keys": ["care_thanks_okay", "ask_*"], "not_keys": MISS}),
        ),
        profile=CARER,
    ),
    D(
        "'Is het gelukt?' mid-request with two answers: it went, weekly too; then the request again",
        (
            *TO_WHEN,
            (CHECK, {}),
            (
                "ja het ging goed, en volgende week weer graag",
                {"keys": ["meet_thanks", "meet_weekly_asked", "ask_when"], "effect": ["meet_weekly"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "the neighbour's message arrives while answering 'Wanneer?': the time is the request's",
        (*TO_WHEN, (RELAYED, {"keys": ["relay"]}), ("overmorgen in de ochtend", TOOK_WHEN)),
        profile=WITH_THREAD,
    ),
    D(
        "English: 'Is het gelukt?' mid-request, yes, no thanks, the when-question again",
        (
            ("MENU", {}),
            ("1", {}),
            ("1", {}),
            ("milk and bread", {"keys": ["ask_when"]}),
            (CHECK, {}),
            ("yes it went well", {"keys": ["meet_thanks"]}),
            ("no thanks", {"keys": ["meet_later_ok", "ask_when"], "not_keys": MISS}),
        ),
        state=menu_state("en"),
        profile={**RIA, "threads": [THREAD]},
    ),
    D(
        "Turkish: a check-in mid-request answered 'iyi', the when-question again",
        (
            *TO_WHEN_PLAIN,
            (CHECKIN, {}),
            ("iyi", {"keys": ["care_thanks_good", "ask_when"], "not_keys": MISS}),
        ),
        state=menu_state("tr"),
        profile=CARER,
    ),
    D(
        "Polish: two invitations, 'nie, dziękuję' for the newest, the first asked again",
        (
            (INVITE, {}),
            (INVITE_2, {}),
            ("nie, dziękuję", {"keys": ["invite"], "effect_has": {"answer_invitation": {"request_id": 42}}}),
        ),
        state=menu_state("pl"),
        profile=VOLUNTEER,
    ),
    D(
        "check-in mid-request: 'eerst mijn vraag afmaken' keeps the request, nothing answered",
        (
            *TO_WHEN_PLAIN,
            (CHECKIN, {}),
            (
                "eerst mijn vraag afmaken aub",
                {"keys": ["ask_when"], "not_keys": MISS, "no_effect": ["care_answer"]},
            ),
            ("zaterdag", TOOK_WHEN),
        ),
        profile=CARER,
    ),
    # Look-alikes: a bare answer is the newest question's.
    D(
        "'Is het gelukt?' mid-request: a bare 'nee' is for the check",
        (*TO_WHEN, (CHECK, {}), ("nee", {"keys": ["meet_not_happened"], "effect": ["meet_outcome"]})),
        profile=WITH_THREAD,
    ),
    D(
        "'Is het gelukt?' mid-request: 'ja maar het was wel kort' is for the check (no time in it)",
        (*TO_WHEN, (CHECK, {}), ("ja maar het was wel kort", {"keys": ["meet_thanks"]})),
        profile=WITH_THREAD,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


# Batch 2, held out: written after batch 1's fixes, not aimed at them.
TAKEN_41 = {"internal": "invite_taken", "meta": {**INVITE["meta"]}}
VOLUNTEER_IN_THREAD = {**VOLUNTEER, "threads": [THREAD]}
BATCH_2 = [
    D(
        "reminder mid-request, SMS: 'jaja ik weet het hoor' is heard, the when-question again",
        (*TO_WHEN, (REMINDER, {}), ("jaja ik weet het hoor", {"keys": ["ask_when"], "not_keys": MISS})),
        profile=WITH_THREAD,
    ),
    D(
        "reminder mid-request: 'kan ook een uurtje eerder?' goes to Henk, the request stays",
        (
            *TO_WHEN,
            (REMINDER, {}),
            ("kan ook een uurtje eerder?", {"effect": ["relay"], "keys": ["ask_when"], "not_keys": MISS}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "reminder mid-request: 'ik kan morgen toch niet' is not lost (to Henk or move/cancel), no miss",
        (
            *TO_WHEN,
            (REMINDER, {}),
            ("ik kan morgen toch niet", {"not_keys": MISS}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'Is het gelukt?' mid-request with two answers: yes to the check and the request's time",
        (
            *TO_WHEN,
            (CHECK, {}),
            (
                "jazeker, en woensdagochtend graag voor de boodschappen",
                {"keys": ["when_understood", "meet_thanks"], "effect": ["meet_outcome"], "not_keys": MISS},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'Is het gelukt?' mid-request: a bare time is the request's, the check again",
        (
            *TO_WHEN,
            (CHECK, {}),
            ("donderdag om 3 uur", {"keys": ["when_understood", "meet_check"], "no_effect": NO_OUTCOME}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'Is het gelukt?' mid-request: 'momentje' keeps the request going, then the time",
        (
            *TO_WHEN,
            (CHECK, {}),
            ("momentje", {"keys": ["ask_when"], "not_keys": MISS, "no_effect": NO_OUTCOME}),
            ("morgen om 2 uur", TOOK_WHEN),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "check-in mid-request: 'zwaar hoor deze week', then 'niet nu': the when-question is back",
        (
            *TO_WHEN_PLAIN,
            (CHECKIN, {}),
            ("zwaar hoor deze week", {"keys": ["care_heavy_offers"]}),
            ("niet nu", {"keys": ["care_heavy_later", "ask_when"], "not_keys": MISS}),
        ),
        profile=CARER,
    ),
    D(
        "check-in while in a thread: a bare 'nee' is no answer and not for Henk",
        ((CHECKIN, {}), ("nee", {"keys": ["care_checkin"], "no_effect": ["relay"]})),
        profile=CARER_IN_THREAD,
    ),
    D(
        "English: two invitations, 'yes I can do that' is for the newest, no menu",
        (
            (INVITE, {}),
            (INVITE_2, {}),
            (
                "yes I can do that",
                {"not_keys": ["menu", *MISS], "effect_has": {"answer_invitation": {"request_id": 42}}},
            ),
        ),
        state=menu_state("en"),
        profile=VOLUNTEER,
    ),
    D(
        "Ukrainian: two invitations, 'ні, вибачте' to the newest, the first back",
        (
            (INVITE, {}),
            (INVITE_2, {}),
            ("ні, вибачте", {"keys": ["invite_no_thanks", "invite"], "says": ["brood halen"]}),
        ),
        state=menu_state("uk"),
        profile=VOLUNTEER,
    ),
    D(
        "three at once: request, invitation, check; each answered, each one below comes back",
        (
            *TO_WHEN,
            (INVITE, {"keys": ["invite"]}),
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"]}),
            ("nee dank je", {"keys": ["meet_later_ok", "invite"]}),
            ("nee helaas", {"keys": ["invite_no_thanks", "ask_when"], "not_keys": MISS}),
            ("zaterdagochtend", TOOK_WHEN),
        ),
        profile=VOLUNTEER_IN_THREAD,
    ),
    D(
        "Turkish: 'Is het gelukt?' mid-request, evet, hayır, the when-question again",
        (
            *TO_WHEN,
            (CHECK, {}),
            ("evet", {"keys": ["meet_thanks", "meet_again"]}),
            ("hayır", {"keys": ["meet_later_ok", "ask_when"], "not_keys": MISS}),
        ),
        state=menu_state("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "Arabic: a check-in mid-request answered 'الحمد لله بخير', the when-question again",
        (
            *TO_WHEN_PLAIN,
            (CHECKIN, {}),
            ("الحمد لله بخير", {"keys": ["care_thanks_good", "ask_when"], "not_keys": MISS}),
        ),
        state=menu_state("ar"),
        profile=CARER,
    ),
    D(
        "Polish: check-in mid-request, 'poczekaj chwilę' keeps the request, nothing answered",
        (
            *TO_WHEN_PLAIN,
            (CHECKIN, {}),
            ("poczekaj chwilę", {"keys": ["ask_when"], "not_keys": MISS, "no_effect": ["care_answer"]}),
        ),
        state=menu_state("pl"),
        profile=CARER,
    ),
    D(
        "the neighbour's message arrives at the description: the description is taken, not relayed",
        (
            ("MENU", {}),
            ("1", {}),
            ("1", {"keys": ["ask_description"]}),
            (RELAYED, {}),
            ("boodschappen voor de hele week", {"keys": ["ask_when"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "an invitation taken meanwhile is not asked again",
        (
            (INVITE, {}),
            (INVITE_2, {}),
            (TAKEN_41, {}),
            ("nee hoor", {"keys": ["invite_no_thanks"], "not_keys": ["invite"]}),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "STOP with two invitations open: stopped, nothing asked again",
        ((INVITE, {}), (INVITE_2, {}), ("STOP", {"keys": ["stop_confirmed"], "not_keys": ["invite"]})),
        profile=VOLUNTEER,
    ),
    # Look-alikes.
    D(
        "reminder mid-request, then 'woensdag rond 11 uur': the request's time, not the reminder's",
        (*TO_WHEN, (REMINDER, {}), ("woensdag rond 11 uur", TOOK_WHEN)),
        profile=WITH_THREAD,
    ),
    D(
        "'Is het gelukt?' mid-request: 'ja hij was er om 2 uur' tells of the meeting (for the check)",
        (
            *TO_WHEN,
            (CHECK, {}),
            ("ja hij was er om 2 uur", {"keys": ["meet_thanks"], "effect": ["meet_outcome"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'Is het gelukt?' mid-request: 'nee hij kwam niet opdagen' is for the check",
        (*TO_WHEN, (CHECK, {}), ("nee hij kwam niet opdagen", {"keys": ["meet_not_happened"]})),
        profile=WITH_THREAD,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


# Guards, written with batch 2: what the mechanisms must leave as it was.
GUARDS = [
    D(
        "'wacht even' at a request's own question (nothing interrupted) is not a put-off",
        (*TO_WHEN_PLAIN, ("wacht even", {"not_keys": ["defer_ok", "menu"]})),
    ),
    D(
        "after a reminder at the menu in a thread, 'ja gaat door hoor' still goes to Henk",
        ((REMINDER, {}), ("ja gaat door hoor", {"effect": ["relay"], "not_keys": ["meet_reminder_ok"]})),
        profile=WITH_THREAD,
    ),
    D(
        "a crisis with two invitations open: the crisis answer, no invitation asked again after it",
        (
            (INVITE, {}),
            (INVITE_2, {}),
            ("ik wil er niet meer zijn", {"crisis": True, "not_keys": ["invite"]}),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "a check-in answered at the menu: thanks, and no other question comes back",
        ((CHECKIN, {}), ("goed", {"keys": ["care_thanks_good"], "not_keys": ["invite", "meet_check"]})),
        profile=CARER,
    ),
    D(
        "this week's check-in over last week's: answered once, not asked again",
        (
            (CHECKIN, {}),
            ({"internal": "care_checkin", "meta": {"checkin_id": 8, "name": "Jan"}}, {}),
            ("gaat wel", {"keys": ["care_thanks_okay"], "not_keys": ["care_checkin"]}),
        ),
        profile=CARER,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue)
