# ruff: noqa: RUF001
"""Red team of whole conversations, round 14: every question the bot asks, answered in words.

A systematic sweep (round 13: tests/test_dialogues_redteam13.py): every question of the flows that offers
choices (`prompt(` in flows/*.py), reached the way golden transcripts and tests/test_meetings_flow.py reach
it (commands, internal events, a state), and answered in words as a resident, volunteer or carer would: a
yes or no in a sentence, the option's meaning ("maar 1 uur van tevoren", "zeg maar af", "de koffieochtend"),
a number with filler, an emoji, a question back, and once something else. Per question: the right choice
taken, or the question again kindly; never "ik begreep het niet" for a clear answer, never the menu instead
of the question, never a reset, never words relayed to the neighbour when they answer the bot's own
question. Replayed through `flows.conversation.step` at the golden clock (Monday 23 November 2026, 10:00
UTC). A dialogue's name starts with the prompt key it answers (per-prompt figures below).

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (22afaee).
- Batch 1 (BATCH_1, 83 dialogues over 45 prompts; nl 73, en 5, ar 2, tr 1, pl 1, uk 1), written before
  reading how the prompts read answers (the reader contexts of flows/interpret.py were seen while finding
  how to reach the prompts, before scoring): as first written on main 221/243 turns, 61/83 dialogues. Two
  expectations were wrong about the flow and corrected: "voor Fatima" at "Voor wie is dit bericht?" relays
  the held message (relay expected, not forbidden), and "no" to erasure is `erase_kept` (a guessed key):
  223/243, 63/83 on main; after its fixes 242/243, 82/83 (the one left is a known gap, below).
  Per prompt on main (dialogues; all others full): meet_proposal 0/3, meet_reminders 2/6, erase_confirm
  1/3, offer_current 0/2, my_requests_list 0/1, which_thread 0/1 (expectation), ask_change 0/1,
  circle_request 0/1, meet_activity 3/4, meet_not_happened 3/4, meet_cannot_come 1/2, care_heavy_offers
  1/2, care_status 1/2, circle_invited 1/2, agenda_pick 1/2. Full on main: meet_again, thread_close_check,
  meet_status, meet_where, meet_check, invite, match_condition, care_rhythm/relation/hours/end/pause,
  circle_home/ask_channel/share, stop_check, cancel_request_question, offer pause/end/reach/limit/
  languages/summary, remind_list, remind_delete_question, map_no_result, ask_urgency/visibility/summary,
  night_check.
- Batch 2 (BATCH_2, 56 dialogues over 42 prompts, held out: written after batch 1's fixes, not aimed at
  them; nl 36, en 8, pl 4, tr 3, uk 3, ar 2): main 154/173, 37/56; before its own fixes (the honest
  figure) 164/173, 47/56 (as first written 163/173, 46/56: the consent dialogue expected a guessed effect
  name, `update_profile`; it is `record_consent`, and the consent was taken); after 173/173, 56/56.
  Misses before its fixes, per prompt: meet_reminders 2/3 ("twee uurtjes"), thread_close_check 1/2
  ("nog niet, ..."), meet_where 1/2 ("ergens anders, bij de bakker"), care_status 0/1 ("liever om de
  week"), circle_home 0/1 ("iemand eruit halen"), circle_share 0/1 ("niks delen"), stop_check 1/2 ("yes
  please, no more messages"), offer_summary 0/1 ("ja, zo is het goed"), night_check 0/1 ("nee, ik bedoel
  10 uur 's ochtends"). By language: nl 8 of 36 dialogues missed, en 1 of 8, the others none.
- Guards (GUARDS, 10 dialogues, with batch 2): 27/29, 8/10 on main and before batch 2's fixes (the two that
  did not hold are behaviour asked for: "nog niet" at erasure is a no, "nee" at the offer's summary goes
  to changing it, as at the request's summary); 29/29, 10/10 after.
- Two answers were reworded after the freshness check found them in earlier rounds ("ні, не треба",
  "sure, that's fine"); the figures are of the final wordings (the same on main either way).
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, before and after.

What failed and what changed (mechanisms):
- Yes/no questions without a reader context: "Past dat?" (meet_proposal, meet_proposal_weekly: "ja prima,
  dat komt goed uit", 👍 went to the neighbour), a circle's invitation and shared request ("ja leuk, ik doe
  mee" from a new invitee was a welcome and the name question; "ja, dat doe ik wel even" not understood),
  and the offer's summary. Now listed in `interpret.PROMPT_CONTEXTS` as "consent"; `YES_NO_KEYS` maps a
  no at "Past dat?" to "Ander voorstel" (meet:…:other) and the offer summary's yes/no to confirm/change as
  the request's. Words with a time at "Past dat?" ("ja, maar pas na 2 uur") still propose the time back:
  `meetings.counter_in_words` is now asked first when the answer came in words (tests/
  test_invitation_conditions.py caught this).
- An option said by its meaning, not its label: "maar 1 uur van tevoren", "doe maar allebei", "hoeft niet,
  ik onthoud het zelf wel" (reminders), "zeg maar af" (cannot come), "even niks" (after "Is het
  gelukt?" no; it was read as PAUZE and showed the offer's state), "ik wil graag dat iemand me belt"
  (the offers after Zwaar: a request was started), "de tijd" (what to change), "iemand eruit halen",
  "niks delen", "ergens anders", "nog niet" (a no at a yes/no question). Now `dialogue.option_in_words`
  (the last resort of `chosen`): phrases of `option_<label key>` sections in flows/understanding/data/
  conversation.toml, six languages, taken only when exactly one offered option is meant.
- A typo match across labels: "just two hours before" was "Only 1 hour before" ("hours", a word of two
  labels, typo-matched "hour"). `answers.read_option` no longer typo-matches a word that is itself a label
  word.
- A command said inside an answer to a question about that very thing: "ja, wis alles maar" at erasure
  asked again (the words are VERWIJDER), "stoppen graag" at MANTELZORG's status and "ik stop ermee" at
  MIJN AANBOD asked the stop question for all messages, "ik wil even pauze" at MIJN AANBOD paused two
  weeks without asking how long, "yes please, no more messages" at the stop question asked it again.
  Now (`conversation._answer_before_command`, [answer_before_command]) at those questions an option read
  in the words wins over a command said in words; a command word typed alone (STOP) still is the command
  (guard).
- Lists named by their content: "doe maar de koffieochtend" at the agenda (`agenda._named`: a title of
  the page shown, only when one has it) and "die van de lamp" at MIJN VRAGEN (`my_requests._described`:
  a word of four letters or more of one request's description, only when one has it; guard with two).
- Another rhythm said at MANTELZORG's status ("liever om de week") showed the status again. Now
  (`care._rhythm_at_status`) a rhythm read as at the menu (round 9 `_new_rhythm`) or how often named like
  its option is registered, the day and time kept.
- "nee, ik bedoel 10 uur 's ochtends" at "... is midden in de nacht. Klopt dat?" asked the time again. Now
  a time said with the no is the answer (flows/ask.py, the when step again).

Decided:
- A no at "Past dat?" is "Ander voorstel" (the where and when questions follow); the words are not also
  passed on. A no alone was words for Ria before; the guard keeps only that words with a time propose it.
- Option words are a last resort after the reader and never pick between two options; "de avond ervoor en
  ook 2 uur van tevoren" (both named apart) is asked again, not guessed (guard).
- "ik wil even pauze" at MIJN AANBOD now asks how long (the option), not a default two weeks.

Known misses (strict xfails, `gap=`):
- "hoe laat begint dat?" at "Zin om meer buren te zien? ... Doe je mee?" in a thread goes to the
  neighbour: a question back at the bot's question cannot be told from one for the neighbour.

Noticed, left alone:
- "ergens anders, bij de bakker op het plein" at the meeting's where question asks "Waar dan?": the place
  said with it is not kept.
- There is no language prompt with choices (ENGLISH / NEDERLANDS are commands); not swept.
- tests/test_onboarding_keeps_request.py::test_what_is_no_request_still_gets_the_plain_question_again
  fails on main already ("wie ben jij eigenlijk" at the name question is now answered by the FAQ).
- Batch 1 had fewer other languages (10 of 83) than asked; batch 2 made up for it (20 of 56).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
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
)
from tests.redteam_support import every_earlier_string
from tests.test_dialogues_redteam5 import (
    MEETING,
    OFFER,
    OPEN_REQUEST,
    PROPOSAL,
    VOLUNTEER,
    VOLUNTEER_REMINDER,
    WITH_THREAD,
)

D = Dialogue
# The answer was taken: no miss, no re-ask, not the menu instead of the question, nothing relayed.
ANSWERED: dict[str, Any] = {"not_keys": ["not_understood", "*_again", "menu"], "no_effect": ["relay"]}
# A question back: the question again (its key in the expectation), kindly, not "not understood".
REASKED: dict[str, Any] = {"not_keys": ["not_understood", "menu"], "no_effect": ["relay"]}

PAST = {**MEETING, "starts_at": "2026-11-21T13:00:00+00:00"}
CHECK = {"internal": "meet_check", "meta": {"meeting": PAST}}
KOFFIE = {
    "activity_id": 4,
    "on": "2026-11-24",
    "title": "Koffieochtend",
    "start": "10:00",
    "place": "Buurthuis De Molen",
    "neighbourhood": "molenwijk",
    "signed_up": False,
}
# "Is het gelukt?" of a weekly meeting with an activity found: yes, then "Zin om meer buren te zien?".
ACTIVITY = (
    ({"internal": "meet_check", "meta": {"meeting": {**PAST, "recurring": True, "activity": KOFFIE}}}, {}),
    ("ja", {"keys": ["meet_activity"]}),
)
JOINED = {**ANSWERED, "effect_has": {"agenda_signup": {"activity_id": 4}}}
AGAIN = ((CHECK, {"keys": ["meet_check"]}), ("ja", {"keys": ["meet_again"]}))
WEEKLY = {"not_keys": ["not_understood", "menu"], "no_effect": ["relay"], "effect": ["meet_weekly"]}
NOT_HAPPENED = ((CHECK, {"keys": ["meet_check"]}), ("nee", {"keys": ["meet_not_happened"]}))
STATUS = (({"internal": "meet_status", "meta": {"meeting": MEETING}}, {"keys": ["meet_status"]}),)
REMINDERS = (*STATUS, ("2", {"keys": ["meet_reminders"]}))
CLOSE_CHECK = (("Dank je wel Henk, klaar.", {"keys": ["thread_close_check"]}),)
PROPOSED = ((PROPOSAL, {"keys": ["meet_proposal"]}),)
CANNOT = (
    (VOLUNTEER_REMINDER, {}),
    ("sorry Ans, ik kan vandaag toch niet komen", {"keys": ["meet_cannot_come"]}),
)
PLAN = {"thread_id": 3, "meeting_id": None, "name": "Henk", "host": "Ria", "host_is_me": True, "centre": ""}
WHERE = (({"internal": "meet_plan", "meta": PLAN}, {"keys": ["meet_where"]}),)
VOLUNTEER_NO_THREAD = {**VOLUNTEER, "threads": []}
THURSDAY_10 = {"kind": "moment", "start": "2026-11-26T10:00:00+01:00", "zone": "Europe/Amsterdam"}
COND = {
    "internal": "match_condition",
    "meta": {
        "request_id": 41,
        "volunteer_id": 9,
        "name": "Ans",
        "category": "boodschappen",
        "neighbourhood": "molenwijk",
        "when": THURSDAY_10,
        "description": "melk en brood halen",
        "urgent": False,
        "proposal": "2026-11-26T14:00:00+01:00",
    },
}
OFFERED = (
    ({"internal": "care_checkin", "meta": {"checkin_id": 7, "name": "Jan"}}, {"keys": ["care_checkin"]}),
    ("3", {"keys": ["care_heavy_offers"]}),
)
TO_RHYTHM = (("MANTELZORG", {}), ("Jan", {}), ("partner", {}), ("12", {"keys": ["care_rhythm"]}))
WITH_MEMBER = {**RIA, "circle": {"members": [{"id": 3, "label": "Ans", "status": "active"}]}}
CIRCLE_INVITED = {"internal": "circle_invited", "meta": {"member_id": 5, "name": "Ria"}}
CIRCLE_REQUEST = {
    "internal": "circle_request",
    "meta": {"request_id": 12, "name": "Ria", "category": "boodschappen", "when": {"kind": "asap"}},
}
WITH_REQUEST = {**RIA, "open_requests": [OPEN_REQUEST]}
WITH_OFFER = {**RIA, "offer": OFFER}
WITH_REMINDER = {
    **RIA,
    "reminders": [
        {"id": 4, "text": "medicijnen ophalen", "rule": {"freq": "weekly", "at": "09:00", "weekday": 1}}
    ],
}
TWO_THREADS = {
    **RIA,
    "threads": [
        {"id": 3, "other_name": "Henk", "category": "boodschappen", "status": "open"},
        {"id": 5, "other_name": "Fatima", "category": "klusjes", "status": "open"},
    ],
}
TO_REACH = (("2", {}), ("1 3", {"keys": ["offer_reach"]}))
TO_WHEN = (("1", {}), ("1", {}), ("een pak koffie en suiker", {"keys": ["ask_when"]}))
TO_URGENCY = (*TO_WHEN, ("morgen om 10 uur", {"keys": ["ask_urgency"]}))
GOLDEN = Path(__file__).parent / "golden"
AGENDA_LIST = json.loads((GOLDEN / "agenda.json").read_text(encoding="utf-8"))[0]["turns"][1]["in"]
AGENDA = (
    ("AGENDA", {}),
    ({"internal": AGENDA_LIST["command"], "meta": AGENDA_LIST["meta"]}, {"keys": ["agenda_pick"]}),
)
_MAP = json.loads((GOLDEN / "social_map.json").read_text(encoding="utf-8"))[4]["turns"][0]["in"]
NO_RESULT = {"internal": _MAP["command"], "meta": _MAP["meta"]}


def remind(evening: bool, hours: int) -> dict[str, Any]:
    return {**ANSWERED, "effect_has": {"meet_reminders": {"evening": evening, "hours_before": hours}}}


def meet_answer(answer: str) -> dict[str, Any]:
    return {**ANSWERED, "effect_has": {"meet_answer": {"answer": answer}}}


def outcome(answer: str) -> dict[str, Any]:
    return {
        "not_keys": ["not_understood", "menu"],
        "no_effect": ["relay"],
        "effect_has": {"meet_outcome": {"outcome": answer}},
    }


def invited(answer: str) -> dict[str, Any]:
    return {**ANSWERED, "effect_has": {"answer_invitation": {"answer": answer}}}


def cond(answer: str) -> dict[str, Any]:
    return {**ANSWERED, "effect_has": {"condition_answer": {"answer": answer}}}


def signup(activity_id: int) -> dict[str, Any]:
    return {**ANSWERED, "effect_has": {"agenda_signup": {"activity_id": activity_id}}}


# Batch 1, written before reading how each prompt reads its answers; scored on unchanged code.
BATCH_1 = [
    # meet_activity: "Zin om meer buren te zien? ... Doe je mee?"
    D(
        "meet_activity nl: 'ja hoor, doe maar 👍' signs up",
        (*ACTIVITY, ("ja hoor, doe maar 👍", JOINED)),
        profile=WITH_THREAD,
    ),
    D(
        "meet_activity nl: 'nee, laat maar zitten' is a kind no",
        (
            *ACTIVITY,
            (
                "nee, laat maar zitten",
                {**ANSWERED, "keys": ["meet_activity_no"], "no_effect": ["agenda_signup", "relay"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "meet_activity nl: 'hoe laat begint dat?' is asked back, not passed on",
        (*ACTIVITY, ("hoe laat begint dat?", {**REASKED, "keys": ["meet_activity"]})),
        profile=WITH_THREAD,
        # Lifted (misses16): a short question about when or where, pointing at "it", is about the offer.
    ),
    D(
        "meet_activity en: 'sure, why not' signs up",
        (*ACTIVITY, ("sure, why not", JOINED)),
        profile=WITH_THREAD,
        state=menu_state("en"),
    ),
    # meet_again: "Volgende week weer afspreken, zelfde tijd en plek?"
    D(
        "meet_again nl: 'ja graag, zelfde tijd is prima'",
        (*AGAIN, ("ja graag, zelfde tijd is prima", WEEKLY)),
        profile=WITH_THREAD,
    ),
    D(
        "meet_again nl: 'liever niet, het was eenmalig'",
        (
            *AGAIN,
            (
                "liever niet, het was eenmalig",
                {**ANSWERED, "keys": ["meet_later_ok"], "no_effect": ["meet_weekly", "relay"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "meet_again tr: 'evet, her hafta olur'",
        (*AGAIN, ("evet, her hafta olur", WEEKLY)),
        profile=WITH_THREAD,
        state=menu_state("tr"),
    ),
    D("meet_again nl: '👍'", (*AGAIN, ("👍", WEEKLY)), profile=WITH_THREAD),
    # meet_not_happened: "Jammer, dat kan gebeuren. Wat wil je nu?"
    D(
        "meet_not_happened nl: 'laten we een nieuwe tijd prikken'",
        (*NOT_HAPPENED, ("laten we een nieuwe tijd prikken", {**ANSWERED, "effect": ["meet_reschedule"]})),
        profile=WITH_THREAD,
    ),
    D(
        "meet_not_happened nl: 'zoek maar iemand anders voor me'",
        (*NOT_HAPPENED, ("zoek maar iemand anders voor me", {**ANSWERED, "effect": ["meet_rematch"]})),
        profile=WITH_THREAD,
    ),
    D(
        "meet_not_happened nl: 'even niks, ik laat het wel weten'",
        (
            *NOT_HAPPENED,
            (
                "even niks, ik laat het wel weten",
                {**ANSWERED, "keys": ["meet_later_ok"], "no_effect": ["meet_rematch", "meet_reschedule"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "meet_not_happened pl: 'umówmy nowy termin'",
        (*NOT_HAPPENED, ("umówmy nowy termin", {**ANSWERED, "effect": ["meet_reschedule"]})),
        profile=WITH_THREAD,
        state=menu_state("pl"),
    ),
    # meet_reminders: "Wanneer wil je een herinnering?"
    D(
        "meet_reminders nl: 'maar 1 uur van tevoren'",
        (*REMINDERS, ("maar 1 uur van tevoren", remind(False, 1))),
        profile=WITH_THREAD,
    ),
    D(
        "meet_reminders nl: 'alleen de avond ervoor graag'",
        (*REMINDERS, ("alleen de avond ervoor graag", remind(True, 0))),
        profile=WITH_THREAD,
    ),
    D(
        "meet_reminders nl: 'hoeft niet, ik onthoud het zelf wel'",
        (*REMINDERS, ("hoeft niet, ik onthoud het zelf wel", remind(False, 0))),
        profile=WITH_THREAD,
    ),
    D(
        "meet_reminders nl: 'doe maar allebei'",
        (*REMINDERS, ("doe maar allebei", remind(True, 2))),
        profile=WITH_THREAD,
    ),
    D(
        "meet_reminders en: 'just two hours before please'",
        (*REMINDERS, ("just two hours before please", remind(False, 2))),
        profile=WITH_THREAD,
        state=menu_state("en"),
    ),
    D(
        "meet_reminders nl: 'wat is het verschil?' is asked back",
        (*REMINDERS, ("wat is het verschil?", {**REASKED, "keys": ["meet_reminders"]})),
        profile=WITH_THREAD,
    ),
    # thread_close_check: "Is de hulp klaar? Dan sluit ik het gesprek met Henk."
    D(
        "thread_close_check nl: 'ja hoor, alles is geregeld' closes, not passed on",
        (
            *CLOSE_CHECK,
            ("ja hoor, alles is geregeld", {**ANSWERED, "effect": ["close_thread"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "thread_close_check nl: 'nee nog niet, hij komt morgen nog' keeps it open",
        (
            *CLOSE_CHECK,
            (
                "nee nog niet, hij komt morgen nog",
                {**ANSWERED, "keys": ["thread_kept"], "no_effect": ["close_thread", "relay"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "thread_close_check en: 'yes you can close it'",
        (
            ("Thanks Henk, done.", {"keys": ["thread_close_check"]}),
            ("yes you can close it", {**ANSWERED, "effect": ["close_thread"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
        state=menu_state("en"),
    ),
    # meet_proposal: "Ria stelt voor af te spreken: ... Past dat?"
    D(
        "meet_proposal nl: 'ja prima, dat komt goed uit'",
        (*PROPOSED, ("ja prima, dat komt goed uit", meet_answer("yes"))),
        profile=VOLUNTEER,
    ),
    D(
        "meet_proposal nl: 'nee dat lukt me niet, liever een andere keer'",
        (*PROPOSED, ("nee dat lukt me niet, liever een andere keer", meet_answer("other"))),
        profile=VOLUNTEER,
    ),
    D(
        "meet_proposal ar: 'نعم، هذا مناسب'",
        (*PROPOSED, ("نعم، هذا مناسب", meet_answer("yes"))),
        profile=VOLUNTEER,
        state=menu_state("ar"),
    ),
    # meet_status (AFSPRAAK): change, reminders, cancel
    D(
        "meet_status nl: 'ik wil hem afzeggen'",
        (*STATUS, ("ik wil hem afzeggen", {**ANSWERED, "effect": ["meet_cancel"]})),
        profile=WITH_THREAD,
    ),
    D(
        "meet_status nl: 'kan het op een andere dag?'",
        (*STATUS, ("kan het op een andere dag?", {**ANSWERED, "effect": ["meet_reschedule"]})),
        profile=WITH_THREAD,
    ),
    D(
        "meet_status nl: 'de herinneringen aanpassen'",
        (*STATUS, ("de herinneringen aanpassen", {**ANSWERED, "keys": ["meet_reminders"]})),
        profile=WITH_THREAD,
    ),
    # meet_cannot_come: another time, cancel, or it goes on after all
    D(
        "meet_cannot_come nl: 'nee hoor, het gaat toch door'",
        (
            *CANNOT,
            (
                "nee hoor, het gaat toch door",
                {**ANSWERED, "keys": ["meet_kept"], "no_effect": ["meet_cancel"]},
            ),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "meet_cannot_come nl: 'zeg maar af dan'",
        (*CANNOT, ("zeg maar af dan", {**ANSWERED, "effect": ["meet_cancel"]})),
        profile=VOLUNTEER,
    ),
    # meet_where: "Waar zien jullie elkaar?"
    D(
        "meet_where nl: 'kom maar bij mij thuis'",
        (*WHERE, ("kom maar bij mij thuis", {**ANSWERED, "keys": ["meet_when"], "no_effect": ["relay"]})),
        profile=WITH_THREAD,
    ),
    D(
        "meet_where nl: 'in het buurthuis is prima'",
        (*WHERE, ("in het buurthuis is prima", {**ANSWERED, "keys": ["meet_when"], "no_effect": ["relay"]})),
        profile=WITH_THREAD,
    ),
    # meet_check: "Is het gelukt?"
    D(
        "meet_check nl: 'jazeker, helemaal top'",
        ((CHECK, {"keys": ["meet_check"]}), ("jazeker, helemaal top", outcome("yes"))),
        profile=WITH_THREAD,
    ),
    D(
        "meet_check en: 'no, he never showed up'",
        ((CHECK, {"keys": ["meet_check"]}), ("no, he never showed up", outcome("no"))),
        profile=WITH_THREAD,
        state=menu_state("en"),
    ),
    # invite
    D(
        "invite nl: '👍 ik doe het'",
        ((INVITE, {"keys": ["invite"]}), ("👍 ik doe het", invited("yes"))),
        profile=VOLUNTEER_NO_THREAD,
    ),
    D(
        "invite nl: 'nee sorry, deze week lukt het echt niet'",
        ((INVITE, {"keys": ["invite"]}), ("nee sorry, deze week lukt het echt niet", invited("no"))),
        profile=VOLUNTEER_NO_THREAD,
    ),
    # match_condition: "Ans kan je helpen ..., maar niet ... Wel ... Is dat goed?"
    D(
        "match_condition nl: 'ja hoor, donderdagmiddag is ook goed'",
        ((COND, {"keys": ["match_condition"]}), ("ja hoor, donderdagmiddag is ook goed", cond("yes"))),
    ),
    D(
        "match_condition nl: 'nee, het moet echt in de ochtend'",
        ((COND, {"keys": ["match_condition"]}), ("nee, het moet echt in de ochtend", cond("no"))),
    ),
    # care_heavy_offers
    D(
        "care_heavy_offers nl: 'ik wil graag dat iemand me belt'",
        (
            *OFFERED,
            (
                "ik wil graag dat iemand me belt",
                {**ANSWERED, "effect_has": {"care_followup": {"offer": "callback"}}},
            ),
        ),
        profile=CARER,
    ),
    D(
        "care_heavy_offers nl: 'dat laatste, nu even niks'",
        (
            *OFFERED,
            ("dat laatste, nu even niks", {**ANSWERED, "effect_has": {"care_followup": {"offer": "none"}}}),
        ),
        profile=CARER,
    ),
    # care registration: rhythm, relation, hours; status, end, pause
    D(
        "care_rhythm nl: 'elke week is goed'",
        (*TO_RHYTHM, ("elke week is goed", {**ANSWERED, "keys": ["care_day"]})),
    ),
    D(
        "care_rhythm nl: 'hoeft niet hoor'",
        (
            *TO_RHYTHM,
            ("hoeft niet hoor", {**ANSWERED, "effect_has": {"care_register": {"rhythm.freq": "never"}}}),
        ),
    ),
    D(
        "care_relation nl: 'hij is mijn man'",
        (
            ("MANTELZORG", {}),
            ("Jan", {"keys": ["care_relation"]}),
            ("hij is mijn man", {**ANSWERED, "keys": ["care_hours"]}),
        ),
    ),
    D(
        "care_hours nl: 'zo'n 30 uur denk ik'",
        (
            ("MANTELZORG", {}),
            ("Jan", {}),
            ("partner", {"keys": ["care_hours"]}),
            ("zo'n 30 uur denk ik", {**ANSWERED, "keys": ["care_rhythm"]}),
        ),
    ),
    D(
        "care_status nl: 'ik wil een ander ritme'",
        (
            ("MANTELZORG", {"keys": ["care_status"]}),
            ("ik wil een ander ritme", {**ANSWERED, "keys": ["care_rhythm"]}),
        ),
        profile=CARER,
    ),
    D(
        "care_status nl: 'stoppen graag'",
        (
            ("MANTELZORG", {"keys": ["care_status"]}),
            ("stoppen graag", {**ANSWERED, "keys": ["care_end_question"]}),
        ),
        profile=CARER,
    ),
    D(
        "care_end_question nl: 'ja, stop er maar mee'",
        (
            ("MANTELZORG", {}),
            ("3", {"keys": ["care_end_question"]}),
            ("ja, stop er maar mee", {**ANSWERED, "effect": ["care_stop"]}),
        ),
        profile=CARER,
    ),
    D(
        "care_end_question nl: 'nee, toch maar niet'",
        (
            ("MANTELZORG", {}),
            ("3", {"keys": ["care_end_question"]}),
            ("nee, toch maar niet", {**ANSWERED, "no_effect": ["care_stop"]}),
        ),
        profile=CARER,
    ),
    D(
        "care_pause_how_long nl: 'doe maar twee weken'",
        (
            ("mag ik even pauze van de vragen over de zorg?", {"keys": ["care_pause_how_long"]}),
            ("doe maar twee weken", {**ANSWERED, "effect": ["care_pause"]}),
        ),
        profile=CARER,
    ),
    # circle (KRING)
    D(
        "circle_home nl: 'iemand uitnodigen graag'",
        (
            ("KRING", {"keys": ["circle_home"]}),
            ("iemand uitnodigen graag", {**ANSWERED, "keys": ["circle_ask_address"]}),
        ),
    ),
    D(
        "circle_home nl: 'wat ziet mijn kring eigenlijk?'",
        (
            ("KRING", {"keys": ["circle_home"]}),
            ("wat ziet mijn kring eigenlijk?", {**ANSWERED, "keys": ["circle_share"]}),
        ),
        profile=WITH_MEMBER,
    ),
    D(
        "circle_ask_channel nl: 'via whatsapp graag'",
        (
            ("KRING", {}),
            ("1", {}),
            ("06 1234 5678", {"keys": ["circle_ask_channel"]}),
            ("via whatsapp graag", {**ANSWERED, "effect_has": {"circle_invite": {"channel": "whatsapp"}}}),
        ),
    ),
    D(
        "circle_share nl: 'alles mag gedeeld worden'",
        (
            ("KRING", {}),
            ("2", {"keys": ["circle_share"]}),
            ("alles mag gedeeld worden", {**ANSWERED, "effect_has": {"circle_share": {"default": True}}}),
        ),
        profile=WITH_MEMBER,
    ),
    D(
        "circle_share nl: 'zo is het goed, klaar'",
        (
            ("KRING", {}),
            ("2", {"keys": ["circle_share"]}),
            ("zo is het goed, klaar", {**ANSWERED, "keys": ["circle_share_saved"]}),
        ),
        profile=WITH_MEMBER,
    ),
    D(
        "circle_invited nl: 'ja leuk, ik doe mee'",
        (
            (CIRCLE_INVITED, {"keys": ["circle_invited"]}),
            ("ja leuk, ik doe mee", {**ANSWERED, "effect_has": {"circle_answer": {"answer": "yes"}}}),
        ),
        state={},
        profile={},
    ),
    D(
        "circle_invited ar: 'لا شكرا'",
        (
            (CIRCLE_INVITED, {"keys": ["circle_invited"]}),
            ("لا شكرا", {**ANSWERED, "effect_has": {"circle_answer": {"answer": "no"}}}),
        ),
        state={"lang": "ar"},
        profile={},
    ),
    D(
        "circle_request nl: 'ja, dat doe ik wel even'",
        (
            (CIRCLE_REQUEST, {"keys": ["circle_request"]}),
            ("ja, dat doe ik wel even", {**ANSWERED, "effect_has": {"circle_help": {"answer": "yes"}}}),
        ),
        profile={},
    ),
    # stop_check, erase_confirm
    D(
        "stop_check nl: 'ja, ik wil niks meer ontvangen'",
        (
            ("laat me met rust", {"keys": ["stop_check"]}),
            ("ja, ik wil niks meer ontvangen", {**ANSWERED, "effect": ["set_stopped"]}),
        ),
    ),
    D(
        "stop_check nl: 'nee joh, ik bedoelde alleen vandaag even'",
        (
            ("laat me met rust", {"keys": ["stop_check"]}),
            (
                "nee joh, ik bedoelde alleen vandaag even",
                {"not_keys": ["not_understood", "*_again"], "no_effect": ["set_stopped"]},
            ),
        ),
    ),
    D(
        "erase_confirm nl: 'ja, wis alles maar'",
        (
            ("VERWIJDER MIJ", {"keys": ["erase_confirm"]}),
            ("ja, wis alles maar", {**ANSWERED, "effect": ["erase_me"]}),
        ),
    ),
    D(
        "erase_confirm nl: 'wat gebeurt er dan met mijn afspraak?' is asked back",
        (
            ("VERWIJDER MIJ", {"keys": ["erase_confirm"]}),
            (
                "wat gebeurt er dan met mijn afspraak?",
                {**REASKED, "keys": ["erase_confirm"], "no_effect": ["erase_me"]},
            ),
        ),
    ),
    D(
        "erase_confirm uk: 'ні, нічого не видаляйте'",
        (
            ("VERWIJDER MIJ", {"keys": ["erase_confirm"]}),
            (
                "ні, нічого не видаляйте",
                {
                    "not_keys": ["not_understood", "*_again"],
                    "keys": ["erase_kept"],
                    "no_effect": ["erase_me"],
                },
            ),
        ),
        state=menu_state("uk"),
    ),
    # my requests, cancel
    D(
        "my_requests_list nl: 'die van de lamp'",
        (
            ("MIJN VRAGEN", {"keys": ["my_requests_list"]}),
            ("die van de lamp", {**ANSWERED, "keys": ["cancel_request_question"]}),
        ),
        profile=WITH_REQUEST,
    ),
    D(
        "cancel_request_question nl: 'ja, die hoeft niet meer'",
        (
            ("MIJN VRAGEN", {}),
            ("1", {"keys": ["cancel_request_question"]}),
            (
                "ja, die hoeft niet meer",
                {"effect": ["cancel_request"], "not_keys": ["not_understood", "*_again"]},
            ),
        ),
        profile=WITH_REQUEST,
    ),
    # offer (MIJN AANBOD and the offer questions)
    D(
        "offer_current nl: 'ik wil even pauze'",
        (
            ("MIJN AANBOD", {"keys": ["offer_current"]}),
            ("ik wil even pauze", {**ANSWERED, "keys": ["offer_pause_how_long"]}),
        ),
        profile=WITH_OFFER,
    ),
    D(
        "offer_current nl: 'ik stop ermee'",
        (
            ("MIJN AANBOD", {"keys": ["offer_current"]}),
            ("ik stop ermee", {**ANSWERED, "keys": ["offer_end_question"]}),
        ),
        profile=WITH_OFFER,
    ),
    D(
        "offer_pause_how_long nl: 'twee weekjes'",
        (
            ("MIJN AANBOD", {}),
            ("2", {"keys": ["offer_pause_how_long"]}),
            ("twee weekjes", {**ANSWERED, "effect": ["pause_offer"]}),
        ),
        profile=WITH_OFFER,
    ),
    D(
        "offer_end_question nl: 'ja, ik stop er echt mee'",
        (
            ("MIJN AANBOD", {}),
            ("3", {"keys": ["offer_end_question"]}),
            ("ja, ik stop er echt mee", {**ANSWERED, "effect": ["stop_offer"]}),
        ),
        profile=WITH_OFFER,
    ),
    D(
        "offer_reach nl: 'alleen hier in de wijk'",
        (*TO_REACH, ("alleen hier in de wijk", {**ANSWERED, "keys": ["offer_times"]})),
    ),
    D(
        "offer_limit nl: 'doe maar 2'",
        (
            *TO_REACH,
            ("2", {}),
            ("1", {"keys": ["offer_limit"]}),
            ("doe maar 2", {**ANSWERED, "keys": ["offer_languages"]}),
        ),
    ),
    D(
        "offer_languages nl: 'ja, een beetje wel'",
        (
            *TO_REACH,
            ("2", {}),
            ("1", {}),
            ("2", {"keys": ["offer_languages"]}),
            ("ja, een beetje wel", {**ANSWERED, "keys": ["offer_summary"]}),
        ),
    ),
    D(
        "offer_summary nl: 'ja dat klopt helemaal'",
        (
            *TO_REACH,
            ("2", {}),
            ("1", {}),
            ("2", {}),
            ("1", {"keys": ["offer_summary"]}),
            ("ja dat klopt helemaal", {**ANSWERED, "effect": ["save_offer"]}),
        ),
    ),
    # reminders
    D(
        "remind_list nl: 'die van de medicijnen'",
        (
            ("MIJN HERINNERINGEN", {"keys": ["remind_list"]}),
            ("die van de medicijnen", {**ANSWERED, "keys": ["remind_delete_question"]}),
        ),
        profile=WITH_REMINDER,
    ),
    D(
        "remind_delete_question nl: 'ja weg ermee'",
        (
            ("MIJN HERINNERINGEN", {}),
            ("1", {"keys": ["remind_delete_question"]}),
            ("ja weg ermee", {"effect": ["remind_delete"], "not_keys": ["not_understood", "*_again"]}),
        ),
        profile=WITH_REMINDER,
    ),
    # map_no_result: "Zal ik iemand van het wijkteam vragen om je te helpen zoeken?"
    D(
        "map_no_result nl: 'graag, dat zou fijn zijn'",
        (
            (NO_RESULT, {"keys": ["map_no_result"]}),
            (
                "graag, dat zou fijn zijn",
                {**ANSWERED, "effect_has": {"alert_staff": {"kind": "map_no_result"}}},
            ),
        ),
    ),
    D(
        "map_no_result en: 'no thanks, I'll manage'",
        (
            (NO_RESULT, {"keys": ["map_no_result"]}),
            (
                "no thanks, I'll manage",
                {"not_keys": ["not_understood", "*_again"], "no_effect": ["alert_staff"]},
            ),
        ),
        state=menu_state("en"),
    ),
    # which_thread: "Voor wie is dit bericht?"
    D(
        "which_thread nl: 'voor Fatima'",
        (
            ("Tot zaterdag!", {"keys": ["which_thread"]}),
            (
                "voor Fatima",
                {
                    "not_keys": ANSWERED["not_keys"],
                    "effect_has": {"relay": {"thread_id": 5, "text": "Tot zaterdag!"}},
                },
            ),
        ),
        profile=TWO_THREADS,
    ),
    # agenda_pick: "Doe je mee? Kies het nummer."
    D("agenda_pick nl: 'doe maar de koffieochtend'", (*AGENDA, ("doe maar de koffieochtend", signup(1)))),
    D("agenda_pick nl: 'de tweede graag'", (*AGENDA, ("de tweede graag", signup(10)))),
    # the request's questions
    D(
        "ask_urgency nl: 'het heeft geen haast'",
        (*TO_URGENCY, ("het heeft geen haast", {**ANSWERED, "keys": ["ask_visibility"]})),
    ),
    D(
        "ask_visibility nl: 'alleen degene die helpt'",
        (
            *TO_URGENCY,
            ("2", {"keys": ["ask_visibility"]}),
            ("alleen degene die helpt", {**ANSWERED, "keys": ["ask_summary"]}),
        ),
    ),
    D(
        "ask_summary nl: 'ja hoor, verstuur maar'",
        (
            *TO_URGENCY,
            ("2", {}),
            ("1", {"keys": ["ask_summary"]}),
            ("ja hoor, verstuur maar", {**ANSWERED, "effect": ["create_request"]}),
        ),
    ),
    D(
        "ask_change nl: 'de tijd'",
        (
            *TO_URGENCY,
            ("2", {}),
            ("1", {}),
            ("2", {"keys": ["ask_change"]}),
            ("de tijd", {**ANSWERED, "keys": ["ask_when"]}),
        ),
    ),
    D(
        "night_check nl: 'ja klopt, ik werk 's nachts'",
        (
            *TO_WHEN,
            ("morgen om 23:30", {"keys": ["night_check"]}),
            ("ja klopt, ik werk 's nachts", {**ANSWERED, "keys": ["ask_urgency"]}),
        ),
    ),
]

# Batch 2 (held out): written after batch 1's fixes, not aimed at them; scored before fixing.
WEEKLY_PROPOSAL = {
    "internal": "meet_proposal",
    "meta": {"meeting": {**PROPOSAL["meta"]["meeting"], "recurring": True}},
}
TWO_MEMBERS = {
    **RIA,
    "circle": {
        "members": [
            {"id": 3, "label": "Ans", "status": "active"},
            {"id": 4, "label": "Kees", "status": "active"},
        ]
    },
}
MEMBER_OF = {**RIA, "circle": {"joined": [{"owner_id": 7, "name": "Ria"}]}}
VOLUNTEER_CHECK = {
    "internal": "meet_check",
    "meta": {"meeting": {**PAST, "role": "volunteer", "name": "Ans"}},
}
BATCH_2 = [
    D(
        "meet_again pl: 'tak, co tydzień pasuje'",
        (*AGAIN, ("tak, co tydzień pasuje", WEEKLY)),
        profile=WITH_THREAD,
        state=menu_state("pl"),
    ),
    D(
        "meet_again nl: 'nee hoor, hoeft niet meer'",
        (
            *AGAIN,
            (
                "nee hoor, hoeft niet meer",
                {**ANSWERED, "keys": ["meet_later_ok"], "no_effect": ["meet_weekly", "relay"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "meet_activity nl: 'nee dank je, ik ben niet zo van de koffie'",
        (
            *ACTIVITY,
            (
                "nee dank je, ik ben niet zo van de koffie",
                {**ANSWERED, "keys": ["meet_activity_no"], "no_effect": ["agenda_signup", "relay"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "meet_activity uk: 'так, із задоволенням'",
        (*ACTIVITY, ("так, із задоволенням", JOINED)),
        profile=WITH_THREAD,
        state=menu_state("uk"),
    ),
    D(
        "meet_not_happened en: 'let's find a new time'",
        (*NOT_HAPPENED, ("let's find a new time", {**ANSWERED, "effect": ["meet_reschedule"]})),
        profile=WITH_THREAD,
        state=menu_state("en"),
    ),
    D(
        "meet_not_happened tr: 'başka birini bulun lütfen'",
        (*NOT_HAPPENED, ("başka birini bulun lütfen", {**ANSWERED, "effect": ["meet_rematch"]})),
        profile=WITH_THREAD,
        state=menu_state("tr"),
    ),
    D(
        "meet_not_happened nl volunteer: 'ik stop ermee, het lukt me niet meer'",
        (
            (VOLUNTEER_CHECK, {"keys": ["meet_check"]}),
            ("nee", {"keys": ["meet_not_happened"]}),
            (
                "ik stop ermee, het lukt me niet meer",
                {**ANSWERED, "effect": ["meet_rematch"], "not_keys": ["stop_check", "not_understood"]},
            ),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "meet_reminders nl: 'de avond ervoor is genoeg'",
        (*REMINDERS, ("de avond ervoor is genoeg", remind(True, 0))),
        profile=WITH_THREAD,
    ),
    D(
        "meet_reminders pl: 'nie trzeba przypomnień'",
        (*REMINDERS, ("nie trzeba przypomnień", remind(False, 0))),
        profile=WITH_THREAD,
        state=menu_state("pl"),
    ),
    D(
        "meet_reminders nl: 'twee uurtjes van tevoren'",
        (*REMINDERS, ("twee uurtjes van tevoren", remind(False, 2))),
        profile=WITH_THREAD,
    ),
    D(
        "thread_close_check nl: 'ja, het is helemaal gelukt'",
        (*CLOSE_CHECK, ("ja, het is helemaal gelukt", {**ANSWERED, "effect": ["close_thread"]})),
        profile=WITH_THREAD,
    ),
    D(
        "thread_close_check nl: 'nog niet, we spreken nog wat af'",
        (
            *CLOSE_CHECK,
            (
                "nog niet, we spreken nog wat af",
                {**ANSWERED, "keys": ["thread_kept"], "no_effect": ["close_thread", "relay"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D("meet_proposal nl: '👍'", (*PROPOSED, ("👍", meet_answer("yes"))), profile=VOLUNTEER),
    D(
        "meet_proposal en: 'yes that works for me'",
        (*PROPOSED, ("yes that works for me", meet_answer("yes"))),
        profile=VOLUNTEER,
        state=menu_state("en"),
    ),
    D(
        "meet_proposal_weekly nl: 'ja, elke week is goed'",
        (
            (WEEKLY_PROPOSAL, {"keys": ["meet_proposal_weekly"]}),
            ("ja, elke week is goed", meet_answer("yes")),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "meet_status uk: 'скасуйте, будь ласка'",
        (*STATUS, ("скасуйте, будь ласка", {**ANSWERED, "effect": ["meet_cancel"]})),
        profile=WITH_THREAD,
        state=menu_state("uk"),
    ),
    D(
        "meet_status nl: 'ik wil een herinnering instellen'",
        (*STATUS, ("ik wil een herinnering instellen", {**ANSWERED, "keys": ["meet_reminders"]})),
        profile=WITH_THREAD,
    ),
    D(
        "meet_cannot_come nl: 'doe maar een andere dag'",
        (*CANNOT, ("doe maar een andere dag", {**ANSWERED, "effect": ["meet_reschedule"]})),
        profile=VOLUNTEER,
    ),
    D(
        "meet_where en: 'at my place'",
        (*WHERE, ("at my place", {**ANSWERED, "keys": ["meet_when"]})),
        profile=WITH_THREAD,
        state=menu_state("en"),
    ),
    D(
        "meet_where nl: 'ergens anders, bij de bakker op het plein'",
        (*WHERE, ("ergens anders, bij de bakker op het plein", {**ANSWERED, "keys": ["meet_*"]})),
        profile=WITH_THREAD,
    ),
    D(
        "invite tr: 'evet yardım ederim'",
        ((INVITE, {"keys": ["invite"]}), ("evet yardım ederim", invited("yes"))),
        profile=VOLUNTEER_NO_THREAD,
        state=menu_state("tr"),
    ),
    D(
        "match_condition en: 'sure, the afternoon is fine too'",
        ((COND, {"keys": ["match_condition"]}), ("sure, the afternoon is fine too", cond("yes"))),
        state=menu_state("en"),
    ),
    D(
        "care_checkin nl: 'gaat wel z'n gangetje'",
        (
            (OFFERED[0][0], {"keys": ["care_checkin"]}),
            ("gaat wel z'n gangetje", {**ANSWERED, "effect_has": {"care_answer": {"answer": "okay"}}}),
        ),
        profile=CARER,
    ),
    D(
        "care_heavy_offers ar: 'أريد أن يتصل بي أحد'",
        (
            *OFFERED,
            ("أريد أن يتصل بي أحد", {**ANSWERED, "effect_has": {"care_followup": {"offer": "callback"}}}),
        ),
        profile=CARER,
        state=menu_state("ar"),
    ),
    D(
        "care_heavy_offers nl: 'graag die info over even vrij'",
        (
            *OFFERED,
            (
                "graag die info over even vrij",
                {**ANSWERED, "effect_has": {"care_followup": {"offer": "respite"}}},
            ),
        ),
        profile=CARER,
    ),
    D(
        "care_rhythm pl: 'co tydzień'",
        (*TO_RHYTHM, ("co tydzień", {**ANSWERED, "keys": ["care_day"]})),
        state=menu_state("pl"),
    ),
    D(
        "care_relation en: 'she's my mum'",
        (
            ("MANTELZORG", {}),
            ("Jan", {"keys": ["care_relation"]}),
            ("she's my mum", {**ANSWERED, "keys": ["care_hours"]}),
        ),
        state=menu_state("en"),
    ),
    D(
        "care_status nl: 'liever om de week'",
        (
            ("MANTELZORG", {"keys": ["care_status"]}),
            ("liever om de week", {**ANSWERED, "effect_has": {"care_register": {"rhythm.freq": "biweekly"}}}),
        ),
        profile=CARER,
    ),
    D(
        "care_pause_how_long nl: 'een maandje'",
        (
            ("mag ik even pauze van de vragen over de zorg?", {"keys": ["care_pause_how_long"]}),
            ("een maandje", {**ANSWERED, "effect": ["care_pause"]}),
        ),
        profile=CARER,
    ),
    D(
        "circle_home nl: 'iemand eruit halen'",
        (
            ("KRING", {"keys": ["circle_home"]}),
            ("iemand eruit halen", {**ANSWERED, "keys": ["circle_remove_who"]}),
        ),
        profile=TWO_MEMBERS,
    ),
    D(
        "circle_remove_who nl: 'haal Kees maar weg'",
        (
            ("KRING", {}),
            ("3", {"keys": ["circle_remove_who"]}),
            ("haal Kees maar weg", {**ANSWERED, "effect_has": {"circle_remove": {"member_id": 4}}}),
        ),
        profile=TWO_MEMBERS,
    ),
    D(
        "circle_joined_what nl: 'ik wil Ria een berichtje sturen'",
        (
            ("KRING", {}),
            ("3", {}),
            ("1", {"keys": ["circle_joined_what"]}),
            ("ik wil Ria een berichtje sturen", {**ANSWERED, "no_effect": ["circle_leave"]}),
        ),
        profile=MEMBER_OF,
    ),
    D(
        "circle_ask_channel en: 'by text message'",
        (
            ("KRING", {}),
            ("1", {}),
            ("06 1234 5678", {"keys": ["circle_ask_channel"]}),
            ("by text message", {**ANSWERED, "effect_has": {"circle_invite": {"channel": "sms"}}}),
        ),
        state=menu_state("en"),
    ),
    D(
        "circle_share nl: 'niks delen'",
        (
            ("KRING", {}),
            ("2", {"keys": ["circle_share"]}),
            ("niks delen", {**ANSWERED, "effect_has": {"circle_share": {"default": False}}}),
        ),
        profile=WITH_MEMBER,
    ),
    D(
        "circle_invited pl: 'tak, chętnie'",
        (
            (CIRCLE_INVITED, {"keys": ["circle_invited"]}),
            ("tak, chętnie", {**ANSWERED, "effect_has": {"circle_answer": {"answer": "yes"}}}),
        ),
        state={"lang": "pl"},
        profile={},
    ),
    D(
        "circle_request nl: 'nee, vraag maar iemand uit de buurt'",
        (
            (CIRCLE_REQUEST, {"keys": ["circle_request"]}),
            (
                "nee, vraag maar iemand uit de buurt",
                {**ANSWERED, "effect_has": {"circle_help": {"answer": "no"}}},
            ),
        ),
        profile={},
    ),
    D(
        "stop_check en: 'yes please, no more messages'",
        (
            ("leave me alone", {"keys": ["stop_check"]}),
            ("yes please, no more messages", {**ANSWERED, "effect": ["set_stopped"]}),
        ),
        state=menu_state("en"),
    ),
    D(
        "stop_check nl: 'nee hoor, grapje'",
        (
            ("laat me met rust", {"keys": ["stop_check"]}),
            ("nee hoor, grapje", {"not_keys": ["not_understood", "*_again"], "no_effect": ["set_stopped"]}),
        ),
    ),
    D(
        "erase_confirm nl: 'nee, laat maar staan'",
        (
            ("VERWIJDER MIJ", {"keys": ["erase_confirm"]}),
            ("nee, laat maar staan", {"keys": ["erase_kept"], "no_effect": ["erase_me"]}),
        ),
    ),
    D(
        "erase_confirm ar: 'نعم، امسح كل شيء'",
        (
            ("VERWIJDER MIJ", {"keys": ["erase_confirm"]}),
            ("نعم، امسح كل شيء", {**ANSWERED, "effect": ["erase_me"]}),
        ),
        state=menu_state("ar"),
    ),
    D(
        "cancel_request_question nl: 'nee, die wil ik houden'",
        (
            ("MIJN VRAGEN", {}),
            ("1", {"keys": ["cancel_request_question"]}),
            ("nee, die wil ik houden", {"keys": ["request_kept"], "no_effect": ["cancel_request"]}),
        ),
        profile=WITH_REQUEST,
    ),
    D(
        "remind_delete_question nl: 'nee, laat die maar staan'",
        (
            ("MIJN HERINNERINGEN", {}),
            ("1", {"keys": ["remind_delete_question"]}),
            (
                "nee, laat die maar staan",
                {"not_keys": ["not_understood", "*_again"], "no_effect": ["remind_delete"]},
            ),
        ),
        profile=WITH_REMINDER,
    ),
    D(
        "offer_current nl: 'ik wil wat aanpassen'",
        (
            ("MIJN AANBOD", {"keys": ["offer_current"]}),
            ("ik wil wat aanpassen", {**ANSWERED, "keys": ["ask_change"]}),
        ),
        profile=WITH_OFFER,
    ),
    D(
        "offer_times nl: 'in het weekend meestal'",
        (
            *TO_REACH,
            ("2", {"keys": ["offer_times"]}),
            ("in het weekend meestal", {**ANSWERED, "keys": ["offer_limit"]}),
        ),
    ),
    D(
        "offer_languages tr: 'evet, biraz'",
        (
            *TO_REACH,
            ("2", {}),
            ("1", {}),
            ("2", {"keys": ["offer_languages"]}),
            ("evet, biraz", {**ANSWERED, "keys": ["offer_summary"]}),
        ),
        state=menu_state("tr"),
    ),
    D(
        "offer_summary nl: 'ja, zo is het goed'",
        (
            *TO_REACH,
            ("2", {}),
            ("1", {}),
            ("2", {}),
            ("1", {"keys": ["offer_summary"]}),
            ("ja, zo is het goed", {**ANSWERED, "effect": ["save_offer"]}),
        ),
    ),
    D(
        "map_no_result nl: 'ja, doe dat maar'",
        (
            (NO_RESULT, {"keys": ["map_no_result"]}),
            ("ja, doe dat maar", {**ANSWERED, "effect_has": {"alert_staff": {"kind": "map_no_result"}}}),
        ),
    ),
    D(
        "which_thread nl: 'die is voor Henk'",
        (
            ("Tot zaterdag!", {"keys": ["which_thread"]}),
            (
                "die is voor Henk",
                {
                    "not_keys": ANSWERED["not_keys"],
                    "effect_has": {"relay": {"thread_id": 3, "text": "Tot zaterdag!"}},
                },
            ),
        ),
        profile=TWO_THREADS,
    ),
    D("agenda_pick nl: 'de stoelyoga lijkt me leuk'", (*AGENDA, ("de stoelyoga lijkt me leuk", signup(7)))),
    D(
        "agenda_pick nl: 'laat nog meer zien'",
        (
            *AGENDA,
            ("laat nog meer zien", {**ANSWERED, "keys": ["agenda_pick"], "no_effect": ["agenda_signup"]}),
        ),
    ),
    D(
        "ask_urgency uk: 'не терміново'",
        (*TO_URGENCY, ("не терміново", {**ANSWERED, "keys": ["ask_visibility"]})),
        state=menu_state("uk"),
    ),
    D(
        "ask_visibility nl: 'het buurtteam mag het ook zien'",
        (
            *TO_URGENCY,
            ("2", {"keys": ["ask_visibility"]}),
            ("het buurtteam mag het ook zien", {**ANSWERED, "keys": ["ask_summary"]}),
        ),
    ),
    D(
        "ask_summary en: 'yes, send it'",
        (
            *TO_URGENCY,
            ("2", {}),
            ("1", {"keys": ["ask_summary"]}),
            ("yes, send it", {**ANSWERED, "effect": ["create_request"]}),
        ),
        state=menu_state("en"),
    ),
    D(
        "ask_change nl: 'de omschrijving'",
        (
            *TO_URGENCY,
            ("2", {}),
            ("1", {}),
            ("2", {"keys": ["ask_change"]}),
            ("de omschrijving", {**ANSWERED, "keys": ["ask_description"]}),
        ),
    ),
    D(
        "night_check nl: 'nee, ik bedoel 10 uur 's ochtends'",
        (
            *TO_WHEN,
            ("morgen om 23:30", {"keys": ["night_check"]}),
            ("nee, ik bedoel 10 uur 's ochtends", {**ANSWERED, "keys": ["ask_urgency"], "says": ["10:00"]}),
        ),
    ),
    D(
        "consent_question nl: 'ja hoor, dat vind ik goed'",
        (
            ("hallo", {"restart_ok": True}),
            ("Ria", {}),
            ("molenwijk", {"keys": ["consent_question"]}),
            (
                "ja hoor, dat vind ik goed",
                {"not_keys": ["not_understood", "*_again"], "effect": ["record_consent"]},
            ),
        ),
        state={},
        profile={},
    ),
]

# Guards: what batch 1's and batch 2's fixes must not break.
TWO_LAMPS = {
    **RIA,
    "open_requests": [OPEN_REQUEST, {**OPEN_REQUEST, "id": 13, "description": "lamp kopen bij de Action"}],
}
GUARDS = [
    D(
        "care_status: STOP typed alone still stops everything",
        (("MANTELZORG", {"keys": ["care_status"]}), ("STOP", {"keys": ["stop_confirmed"]})),
        profile=CARER,
    ),
    D(
        "meet_proposal: 'ja hoor, maar pas na drieën' proposes a time back",
        (
            *PROPOSED,
            ("ja hoor, maar pas na drieën", {"effect": ["meet_propose"], "no_effect": ["meet_answer"]}),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "thread without a question: 'ja prima, dat komt goed uit' is for the neighbour",
        (("ja prima, dat komt goed uit", {"effect": ["relay"], "no_effect": ["meet_answer"]}),),
        profile=VOLUNTEER,
    ),
    D(
        "erase_confirm: 'nog niet' erases nothing",
        (
            ("VERWIJDER MIJ", {"keys": ["erase_confirm"]}),
            ("nog niet", {"keys": ["erase_kept"], "no_effect": ["erase_me"]}),
        ),
    ),
    D(
        "my_requests_list: a word of two requests picks none",
        (
            ("MIJN VRAGEN", {"keys": ["my_requests_list"]}),
            ("die van de lamp", {"keys": ["my_requests_list"], "no_effect": ["cancel_request"]}),
        ),
        profile=TWO_LAMPS,
    ),
    D(
        "offer_summary: 'nee' goes to changing it",
        (
            *TO_REACH,
            ("2", {}),
            ("1", {}),
            ("2", {}),
            ("1", {"keys": ["offer_summary"]}),
            ("nee", {"keys": ["ask_change"], "no_effect": ["save_offer"]}),
        ),
    ),
    D(
        "night_check: 'nee' alone asks the time again",
        (*TO_WHEN, ("morgen om 23:30", {"keys": ["night_check"]}), ("nee", {"keys": ["ask_when"]})),
    ),
    D(
        "care_status: 'dank je' registers nothing",
        (("MANTELZORG", {"keys": ["care_status"]}), ("dank je", {"no_effect": ["care_register"]})),
        profile=CARER,
    ),
    D(
        "meet_reminders: evening and two hours said together is never one hour",
        (
            *REMINDERS,
            (
                "de avond ervoor en ook 2 uur van tevoren",
                {"no_effect": ["relay"], "not_keys": ["meet_reminders_set"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "agenda_pick: a title not on the page shown is not signed up",
        (*AGENDA, ("de wandelgroep", {"no_effect": ["agenda_signup"]})),
    ),
]


def prompt_of(dialogue: Dialogue) -> str:
    """The prompt a dialogue answers: the first word of its name."""
    return dialogue.name.split()[0]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


def _earlier_dialogue_strings() -> set[str]:
    here = Path(__file__)
    seen: set[str] = set()
    for path in here.parent.glob("test_dialogues_redteam*.py"):
        if path.name != here.name:
            seen |= {
                t.casefold() for t in re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"))
            }
    return seen


def test_messages_are_new() -> None:
    """No answer of this round (a dialogue's last turn; the turns before only reach the question) is word
    for word in an earlier round or corpus (commands and single words aside)."""
    earlier = every_earlier_string(__file__) | _earlier_dialogue_strings()
    sent = {
        text
        for d in (*BATCH_1, *BATCH_2, *GUARDS)
        if isinstance(text := d.turns[-1][0], str) and len(text.split()) > 2
    }
    assert sorted(t for t in sent if t.casefold() in earlier) == []
