# ruff: noqa: RUF001, RUF002
"""Red team of whole conversations, round 25: after the help, meeting again.

Replayed at the golden clock (Monday 23 November 2026, 10:00 UTC) with round 5's fixtures (Ria matched
with Henk, Henk with Ans; the reminder, "Is het gelukt?") and round 14's activity after a weekly meeting
(the Koffieochtend, Tuesday 10:00, Buurthuis De Molen). Residents and volunteers answer "Is het gelukt?" in
their own words, want to meet the same neighbour again or make it a regular thing (or not), thank, ask to
give something, answer an invitation to a local activity and answer a reminder with a change.
This round's own checks (`round_check`): `any_keys`, `any_effect`, `ride`, `outcome_any`, `no_alert_kind`.

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (4e7d2b2).
- Batch 1 (BATCH_1, 45 dialogues; nl 29, en 4, tr 3, ar 3, pl 3, uk 3; written before studying
  flows/meetings.py, invitations.py, agenda.py or community*): main 80/106, 19/45 as first written (nl
  54/69, 14/29; en 6/9, 1/4; tr 5/7, 1/3; ar 5/7, 1/3; pl 6/7, 2/3; uk 4/7, 0/3). One expectation was
  then set by decision: a ride asked is a request for a ride read back to send (the ask flow's summary,
  `ride`), and the nl dialogue got a turn that sends it; main on that 80/107, 19/45. After its fixes
  107/107, 45/45.
- Batch 2 (BATCH_2, 49 dialogues, held out: written after batch 1's fixes, not aimed at them; nl 33, en 4,
  tr 3, ar 3, pl 3, uk 3): main 91/114, 26/49; before its own fixes (the honest figure) 99/114, 34/49
  (nl 66/77, 22/33; en 8/9, 3/4; tr 7/7, 3/3; ar 6/7, 2/3; pl 6/7, 2/3; uk 6/7, 2/3); after 114/114, 49/49.
- Guards (GUARDS, 8 dialogues, written with batch 2's fixes): main 16/17, 7/8; after 17/17, 8/8 (one,
  "hij vroeg het bonnetje" beside 20 euro, failed the first money reading: now one clause, shopping money
  aside).
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What the bot did before: at "Is het gelukt?" a wish to meet again without a yes word ("kan Henk elke week
komen?", "zelfde tijd volgende week?", "kan hij iedere dinsdag komen?") went to Henk; "liever niet meer
met hem" was "it did not happen" (new time or someone else offered); "hij wilde er 10 euro voor hebben"
was a mere remark; "nee, ... kan iemand anders komen?" asked what now. "moet ik iets betalen?", "mag ik
hem een bos bloemen geven?" at a meeting's question went to Henk, and said beside a yes were not answered.
At "Doe je mee?" a ride ("ja als iemand me ophaalt", "only if someone can give me a lift") signed up
without a ride or went to Henk; "ik ken daar niemand", "mag mijn buurvrouw mee?", "hoe kom ik daar?",
"misschien ..." and the Ukrainian "о котрій ...?" went to Henk. A reminder answered "ik ben wat later,
kwart over" was only passed on; "kan het om 3 uur ipv 2?", "kan hij om half 2?" (an hour, no day) too.

What changed (mechanisms; words in blocks marked "round dialogue25"):
- flows/meetings.py `check_in_words`: a wish to meet again ([dialogue25_again] beside round 19's and
  meetings21's, in `wants_again`) is a yes, and weekly is asked; not this neighbour again
  ([dialogue25_not_again]) is heard (`meet_not_again_heard`) and goes to the team (alert `meet_not_again`,
  rank 3), with the first clause's yes; money wanted in one clause ([dialogue25_money] with
  [dialogue25_money_wanted], not given, not the shopping's) and [dialogue25_complaint] are a complaint; a
  no with someone else asked ([dialogue25_someone_else]) from the requester is "Iemand anders zoeken".
- flows/faq.py topic `gift` (faq.toml [gift], `faq_gift`); conversation.py `_about_thanks`: paying or
  thanking the helper asked at a meeting's question is answered and the question asked again, or said
  beside the answer, answered before the next question (`_thanks_answered`).
- flows/meetings.py `after_help_in_words` (before the meeting buttons in `_route`): at "Doe je mee?" a
  ride ([dialogue25_ride]) signs up and starts a request for a ride (vervoer, half an hour before, the
  activity in `meet_activity_ride_what`) read back in the ask summary; someone to bring along, how to get
  there, not knowing anyone or a worry: a kind word (`meet_activity_bring|how_there|welcome`) and the
  question again; "misschien" (round 23's [round23_undecided]) closes it with AGENDA (`meet_activity_maybe`).
  At "Volgende week weer?" every other week says only weekly can be fixed (`meet_weekly_only`), asked again.
- flows/meetings.py `late_in_words` (conversation.py `_to_neighbour`, after cannot-come): a word of being
  late or arriving ([dialogue25_late]) with when ("kwart over", a time, an amount of
  [meet_shift_minutes] or [dialogue25_late_minutes]) within two hours after the meeting's start: passed on
  and read back (`meet_late_heard`), the meeting as agreed. `shift_in_words` also proposes an hour said
  instead of the meeting's own ([dialogue25_instead], [dialogue25_instead_after]) or asked for it
  ([dialogue25_hour_asked] with a question mark), on its day.
- conversation.toml [detail_question_words]: "о котрій" was written with a Latin "o".

Decided: lateness is told, not a move (the other need not agree again; the reminders stay); a ride is a
request the person sends (the summary), not sent unseen; "liever niet meer met hem" promises nothing the
bot cannot keep: the team is told.

Known misses: none in these batches (no strict xfails).

Noticed, left alone: flows/matching.py `helped_before` ranks whoever helped before first, and knows
nothing of "liever niet meer met hem" (only the staff alert does); "kan hij iedere dinsdag komen?" asks
weekly at the meeting's own day and time, the Tuesday is not kept; the ride request is only started at
"Doe je mee?", not at AGENDA's own "Ik doe mee"; a volunteer's "iemand anders" after a no is left to
the question (only a requester's starts the rematch).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
    score,
)
from tests.test_dialogues_redteam5 import (
    REMINDER,
    VOLUNTEER,
    VOLUNTEER_MEETING,
    VOLUNTEER_REMINDER,
    WITH_THREAD,
)
from tests.test_dialogues_redteam14 import KOFFIE, PAST

D = Dialogue
MISS = ["not_understood", "*_again"]
CHECK = {"internal": "meet_check", "meta": {"meeting": PAST}}
VCHECK = {
    "internal": "meet_check",
    "meta": {"meeting": {**VOLUNTEER_MEETING, "starts_at": "2026-11-21T13:00:00+00:00"}},
}
WANDEL = {**KOFFIE, "activity_id": 5, "title": "Wandelgroep", "start": "14:00", "place": "bij de kerk"}
REPAIR = {**KOFFIE, "activity_id": 6, "title": "Repair Café", "start": "13:30"}


def activity(which: dict[str, Any] = KOFFIE) -> tuple[tuple[Any, dict[str, Any]], ...]:
    """A weekly meeting's "Is het gelukt?" answered yes, then "Zin om meer buren te zien?" with `which`."""
    check = {"internal": "meet_check", "meta": {"meeting": {**PAST, "recurring": True, "activity": which}}}
    return ((check, {}), ("ja", {"keys": ["meet_activity"]}))


def L(code: str) -> dict[str, Any]:
    return menu_state(code)


def outcome(value: str, *effects: str, **more: Any) -> dict[str, Any]:
    """ "Is het gelukt?" answered in words: the outcome recorded, nothing passed on, no miss."""
    return {
        **more,
        "effect_has": {**more.get("effect_has", {}), "meet_outcome": {"outcome": value}},
        "effect": [*more.get("effect", ()), *effects],
        "no_effect": [*more.get("no_effect", ()), "relay"],
        "not_keys": [*more.get("not_keys", ()), *MISS],
    }


WEEKLY = outcome("yes", "meet_weekly")
NOT_HAPPENED = outcome("no", keys=["meet_not_happened"])
# Not with him (her) again: the team hears it, no weekly asked.
NOT_AGAIN = {"effect": ["alert_staff"], "no_effect": ["meet_weekly", "relay"], "not_keys": MISS}
# Partly done: recorded, and meeting again for the rest offered.
HALF = {
    "outcome_any": True,
    "any_keys": ["meet_again", "meet_not_happened", "meet_weekly_asked"],
    "no_effect": ["relay"],
    "not_keys": MISS,
}
GIFT = {"keys": ["faq_gift"], "no_effect": ["relay"], "not_keys": MISS}
COST = {"keys": ["faq_cost"], "no_effect": ["relay"], "not_keys": MISS}
JOINED = {"effect": ["agenda_signup"], "no_effect": ["relay"], "not_keys": MISS}
JOINED_RIDE = {**JOINED, "ride": True}
NOT_YET = {"keys": ["meet_activity*"], "no_effect": ["agenda_signup", "relay"], "not_keys": MISS}
ACTIVITY_NO = {"keys": ["meet_activity_no"], "no_effect": ["agenda_signup", "relay"], "not_keys": MISS}


def later(clock: str) -> dict[str, Any]:
    """A reminder answered with a little delay: Henk (Ans) hears it, the new time read back, nothing
    cancelled."""
    return {
        "effect": ["relay"],
        "says": [clock],
        "no_effect": ["meet_cancel"],
        "not_keys": [*MISS, "meet_cannot_come"],
    }


CONFIRMED = {"effect": ["relay"], "no_effect": ["meet_cancel"], "not_keys": [*MISS, "meet_cannot_come"]}
MOVED = {
    "effect": ["relay"],
    "any_keys": ["meet_said_offer", "meet_cannot_come", "meet_proposal_sent"],
    "not_keys": MISS,
}


def round_check(expect: dict[str, Any], result: Any) -> list[str]:
    """This round's own checks: one of some keys or effects, a ride asked, any outcome recorded."""
    keys = [r.key for r in result.replies]
    kinds = [e.kind for e in result.effects]
    problems = []
    wanted = expect.get("any_keys")
    if wanted and not any(k in keys for k in wanted):
        problems.append(f"none of {wanted} among {keys}")
    wanted = expect.get("any_effect")
    if wanted and not any(k in kinds for k in wanted):
        problems.append(f"none of the effects {wanted} among {kinds}")
    for kind in expect.get("no_alert_kind", ()):
        if any(e.kind == "alert_staff" and e.data.get("kind") == kind for e in result.effects):
            problems.append(f"an alert {kind}")
    if expect.get("outcome_any") and "meet_outcome" not in kinds:
        problems.append("no outcome recorded")
    if expect.get("ride"):
        ride = any(
            (e.kind == "create_request" and e.data.get("category") == "vervoer")
            or (e.kind == "alert_staff" and "ride" in str(e.data.get("kind", "")))
            for e in result.effects
        ) or ((result.state.get("ask") or {}).get("category") == "vervoer" and "ask_summary" in keys)
        if not ride:
            problems.append(f"no ride asked ({kinds})")
    return problems


# Batch 1: written before studying flows/meetings.py, invitations.py, agenda.py or community*.
BATCH_1 = [
    # "Is het gelukt?" in her own words (Ria, helped by Henk).
    D(
        "check: 'ja heel gezellig, we gaan volgende week weer' asks weekly",
        ((CHECK, {}), ("ja heel gezellig, we gaan volgende week weer", WEEKLY)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'ja maar hij was wel erg laat' is a yes, the lateness for the team",
        (
            (CHECK, {}),
            (
                "ja maar hij was wel erg laat",
                outcome("yes", effect_has={"alert_staff": {"kind": "meet_remark"}}),
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'nee hij kwam niet' is a no",
        ((CHECK, {}), ("nee hij kwam niet", NOT_HAPPENED)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'half, de lamp hangt maar de gordijnen niet' offers to meet again for the rest",
        ((CHECK, {}), ("half, de lamp hangt maar de gordijnen niet", HALF)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'kan Henk elke week komen?' asks weekly",
        ((CHECK, {}), ("kan Henk elke week komen?", WEEKLY)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'zelfde tijd volgende week?' asks weekly",
        ((CHECK, {}), ("zelfde tijd volgende week?", WEEKLY)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'liever niet meer met hem' reaches the team, no weekly",
        ((CHECK, {}), ("liever niet meer met hem", NOT_AGAIN)),
        profile=WITH_THREAD,
    ),
    D(
        "check: thanks, then 'mag ik hem een bos bloemen geven?' is answered",
        (
            (CHECK, {}),
            ("ja hoor, heel erg bedankt! 🌷", outcome("yes", keys=["meet_thanks"])),
            ("mag ik hem een bos bloemen geven?", GIFT),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'moet ik iets betalen?' is answered: free",
        ((CHECK, {}), ("moet ik iets betalen?", COST)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'ja gelukt, maar hij wilde er 10 euro voor hebben' goes to the team",
        (
            (CHECK, {}),
            (
                "ja gelukt, maar hij wilde er 10 euro voor hebben",
                {"effect_has": {"alert_staff": {"kind": "meet_complaint"}}, "not_keys": MISS},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'ja de boodschappen zijn gedaan dankjewel' is a plain yes",
        (
            (CHECK, {}),
            ("ja de boodschappen zijn gedaan dankjewel", outcome("yes", no_effect=["alert_staff"])),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "check: yes, then 'Volgende week weer?' answered 'doe maar, elke week is fijn'",
        (
            (CHECK, {}),
            ("ja", {"keys": ["meet_again"]}),
            ("doe maar, elke week is fijn", {"effect": ["meet_weekly"], "not_keys": MISS}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "check: yes, then 'Volgende week weer?' answered 'nee hoor, het is nu klaar'",
        (
            (CHECK, {}),
            ("ja", {"keys": ["meet_again"]}),
            ("nee hoor, het is nu klaar", {"no_effect": ["meet_weekly", "relay"], "not_keys": MISS}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'nee, hij heeft afgezegd. kan iemand anders komen?' finds someone else",
        ((CHECK, {}), ("nee, hij heeft afgezegd. kan iemand anders komen?", outcome("no", "meet_rematch"))),
        profile=WITH_THREAD,
    ),
    # The volunteer (Henk, who helped Ans).
    D(
        "volunteer check: 'ja, ze was heel blij. mag ik volgende week weer langs?' asks weekly",
        ((VCHECK, {}), ("ja, ze was heel blij. mag ik volgende week weer langs?", WEEKLY)),
        profile=VOLUNTEER,
    ),
    D(
        "volunteer check: 'ging prima, maar ik ga liever niet nog een keer naar haar toe'",
        ((VCHECK, {}), ("ging prima, maar ik ga liever niet nog een keer naar haar toe", NOT_AGAIN)),
        profile=VOLUNTEER,
    ),
    D(
        "volunteer check: 'nee ze deed niet open' is a no",
        ((VCHECK, {}), ("nee ze deed niet open", NOT_HAPPENED)),
        profile=VOLUNTEER,
    ),
    D(
        "volunteer check: 'half, de kast staat maar de planken moeten nog'",
        ((VCHECK, {}), ("half, de kast staat maar de planken moeten nog", HALF)),
        profile=VOLUNTEER,
    ),
    # An activity nearby, after a weekly meeting.
    D(
        "activity: 'ja als iemand me ophaalt' joins and asks a ride",
        (
            *activity(),
            ("ja als iemand me ophaalt", JOINED_RIDE),
            (
                "ja hoor, stuur die maar",
                {"effect_has": {"create_request": {"category": "vervoer"}}, "not_keys": MISS},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "activity: 'hoe laat is het?' is answered with the time",
        (*activity(), ("hoe laat is het?", {**NOT_YET, "says": ["10:00"]})),
        profile=WITH_THREAD,
    ),
    D(
        "activity: 'ik ken daar niemand' is no no: a kind word, the question open",
        (*activity(), ("ik ken daar niemand", NOT_YET)),
        profile=WITH_THREAD,
    ),
    D(
        "activity: 'mag mijn buurvrouw mee?' answered, then 'ok dan doe ik mee' joins",
        (
            *activity(),
            ("mag mijn buurvrouw mee?", NOT_YET),
            ("ok dan doe ik mee", JOINED),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "activity: 'nee dank je, ik ben niet zo van groepen' is a kind no",
        (*activity(), ("nee dank je, ik ben niet zo van groepen", ACTIVITY_NO)),
        profile=WITH_THREAD,
    ),
    D(
        "activity: the repair café, 'ja! dan neem ik mijn kapotte lamp mee' joins",
        (*activity(REPAIR), ("ja! dan neem ik mijn kapotte lamp mee", JOINED)),
        profile=WITH_THREAD,
    ),
    D(
        "activity: the walking group, 'ik wil wel maar ik kan niet zo ver lopen' is not a no",
        (
            *activity(WANDEL),
            (
                "ik wil wel maar ik kan niet zo ver lopen",
                {"no_effect": ["relay"], "not_keys": [*MISS, "meet_activity_no"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    # A reminder answered with a change.
    D(
        "reminder: 'ik ben wat later, kwart over' tells Henk 14:15",
        ((REMINDER, {}), ("ik ben wat later, kwart over", later("14:15"))),
        profile=WITH_THREAD,
    ),
    D(
        "volunteer reminder: 'ik ben er om half 3, sta in de file' tells Ans 14:30",
        ((VOLUNTEER_REMINDER, {}), ("ik ben er om half 3, sta in de file", later("14:30"))),
        profile=VOLUNTEER,
    ),
    D(
        "reminder: 'prima, tot morgen!' is for Henk, the meeting stands",
        ((REMINDER, {}), ("prima, tot morgen!", CONFIRMED)),
        profile=WITH_THREAD,
    ),
    D(
        "reminder: 'kan het om 3 uur ipv 2?' moves the meeting",
        ((REMINDER, {}), ("kan het om 3 uur ipv 2?", MOVED)),
        profile=WITH_THREAD,
    ),
    # English
    D(
        "en check: 'yes lovely, can he come every week?' asks weekly",
        ((CHECK, {}), ("yes lovely, can he come every week?", WEEKLY)),
        state=L("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en activity: 'only if someone can give me a lift' joins and asks a ride",
        (*activity(), ("only if someone can give me a lift", JOINED_RIDE)),
        state=L("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en reminder: 'running a bit late, more like quarter past' tells Henk 14:15",
        ((REMINDER, {}), ("running a bit late, more like quarter past", later("14:15"))),
        state=L("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en check: 'he was lovely, can I give him something to say thanks?'",
        ((CHECK, {}), ("he was lovely, can I give him something to say thanks?", GIFT)),
        state=L("en"),
        profile=WITH_THREAD,
    ),
    # Turkish
    D(
        "tr check: 'evet çok güzeldi, haftaya aynı saatte?' asks weekly",
        ((CHECK, {}), ("evet çok güzeldi, haftaya aynı saatte?", WEEKLY)),
        state=L("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "tr activity: 'orada kimseyi tanımıyorum' is no no",
        (*activity(), ("orada kimseyi tanımıyorum", NOT_YET)),
        state=L("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "tr reminder: 'biraz geç kalacağım, 2.15 gibi' tells Henk 14:15",
        ((REMINDER, {}), ("biraz geç kalacağım, 2.15 gibi", later("14:15"))),
        state=L("tr"),
        profile=WITH_THREAD,
    ),
    # Arabic
    D(
        "ar check: 'لا ما جاء أحد' is a no",
        ((CHECK, {}), ("لا ما جاء أحد", NOT_HAPPENED)),
        state=L("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "ar activity: 'can my neighbour come with me?' is answered, the question open",
        (*activity(), ("هل تستطيع جارتي أن تأتي معي؟", NOT_YET)),
        state=L("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "ar check: 'must I pay something?' is answered: free",
        ((CHECK, {}), ("هل يجب أن أدفع شيئا؟", COST)),
        state=L("ar"),
        profile=WITH_THREAD,
    ),
    # Polish
    D(
        "pl check: 'tak, ale wolałabym już nie z nim' reaches the team",
        ((CHECK, {}), ("tak, ale wolałabym już nie z nim", NOT_AGAIN)),
        state=L("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "pl activity: 'tak, jeśli ktoś mnie podwiezie' joins and asks a ride",
        (*activity(), ("tak, jeśli ktoś mnie podwiezie", JOINED_RIDE)),
        state=L("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "pl check: 'tak! czy może przychodzić co tydzień?' asks weekly",
        ((CHECK, {}), ("tak! czy może przychodzić co tydzień?", WEEKLY)),
        state=L("pl"),
        profile=WITH_THREAD,
    ),
    # Ukrainian
    D(
        "uk check: thanks and 'can I give him flowers?'",
        ((CHECK, {}), ("так, дуже дякую! можна йому подарувати квіти?", GIFT)),
        state=L("uk"),
        profile=WITH_THREAD,
    ),
    D(
        "uk activity: 'when does it start?' is answered with the time",
        (*activity(), ("о котрій це починається?", {**NOT_YET, "says": ["10:00"]})),
        state=L("uk"),
        profile=WITH_THREAD,
    ),
    D(
        "uk reminder: 'I'll be a quarter of an hour late' tells Henk 14:15",
        ((REMINDER, {}), ("я трохи запізнюсь, десь на чверть години", later("14:15"))),
        state=L("uk"),
        profile=WITH_THREAD,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, round_check)


THANKS_ASKED = {"any_keys": ["faq_gift", "faq_cost"], "no_effect": ["relay"], "not_keys": MISS}
ANSWERED = {"no_effect": ["relay"], "not_keys": MISS}
ANSWERED_NOT_JOINED = {"no_effect": ["relay", "agenda_signup"], "not_keys": MISS}
COMPLAINT = {
    "effect_has": {"alert_staff": {"kind": "meet_complaint"}},
    "no_effect": ["relay"],
    "not_keys": MISS,
}

# Batch 2, held out: written after batch 1's fixes, not aimed at them; scored before its own fixes.
BATCH_2 = [
    D(
        "check: 'jazeker, hij was keurig op tijd' is a plain yes",
        ((CHECK, {}), ("jazeker, hij was keurig op tijd", outcome("yes", no_effect=["alert_staff"]))),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'nee, ik was zelf vergeten dat hij zou komen 🙈' is a no",
        ((CHECK, {}), ("nee, ik was zelf vergeten dat hij zou komen 🙈", NOT_HAPPENED)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'ja, alles is gedaan. hij mag vaker komen hoor' asks weekly",
        ((CHECK, {}), ("ja, alles is gedaan. hij mag vaker komen hoor", WEEKLY)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'gedeeltelijk, de tuin is half gedaan' offers to meet again",
        ((CHECK, {}), ("gedeeltelijk, de tuin is half gedaan", HALF)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'de boodschappen waren er maar hij vergat de melk' is a yes",
        ((CHECK, {}), ("de boodschappen waren er maar hij vergat de melk", outcome("yes"))),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'kan hij iedere dinsdag komen?' asks weekly",
        ((CHECK, {}), ("kan hij iedere dinsdag komen?", WEEKLY)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'elke week zou fijn zijn' asks weekly",
        ((CHECK, {}), ("elke week zou fijn zijn", WEEKLY)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'hij was aardig maar ik wil graag iemand anders volgende keer' reaches the team",
        ((CHECK, {}), ("hij was aardig maar ik wil graag iemand anders volgende keer", NOT_AGAIN)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'ja top. wat kan ik voor hem terugdoen?' is answered",
        ((CHECK, {}), ("ja top. wat kan ik voor hem terugdoen?", THANKS_ASKED)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'moet ik hem nog wat geven voor de benzine?' is answered",
        ((CHECK, {}), ("moet ik hem nog wat geven voor de benzine?", THANKS_ASKED)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'nee. hij heeft niks van zich laten horen' is a no",
        ((CHECK, {}), ("nee. hij heeft niks van zich laten horen", NOT_HAPPENED)),
        profile=WITH_THREAD,
    ),
    D(
        "check: 'ja hij heeft de lamp opgehangen, super!' is a yes",
        ((CHECK, {}), ("ja hij heeft de lamp opgehangen, super!", outcome("yes", keys=["meet_thanks"]))),
        profile=WITH_THREAD,
    ),
    D(
        "volunteer check: 'ja, we hebben heerlijk gekletst. ik kom graag weer' asks weekly",
        ((VCHECK, {}), ("ja, we hebben heerlijk gekletst. ik kom graag weer", WEEKLY)),
        profile=VOLUNTEER,
    ),
    D(
        "volunteer check: 'ze was niet thuis toen ik aanbelde' is a no",
        ((VCHECK, {}), ("ze was niet thuis toen ik aanbelde", NOT_HAPPENED)),
        profile=VOLUNTEER,
    ),
    D(
        "volunteer check: 'ze wilde me geld geven, dat wil ik niet' is no complaint about her",
        (
            (VCHECK, {}),
            (
                "ja gelukt, maar ze wilde me geld geven, dat wil ik niet",
                outcome("yes", no_alert_kind=["meet_complaint"]),
            ),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "volunteer check: 'liever niet meer, ze was erg onvriendelijk tegen me' is a complaint",
        ((VCHECK, {}), ("liever niet meer, ze was erg onvriendelijk tegen me", COMPLAINT)),
        profile=VOLUNTEER,
    ),
    D(
        "volunteer check: 'gedaan! zelfde tijd volgende week past mij ook' asks weekly",
        ((VCHECK, {}), ("gedaan! zelfde tijd volgende week past mij ook", WEEKLY)),
        profile=VOLUNTEER,
    ),
    D(
        "check, then 'Volgende week weer?': 'ja, maar dan liever op woensdag'",
        ((CHECK, {}), ("ja", {"keys": ["meet_again"]}), ("ja, maar dan liever op woensdag", ANSWERED)),
        profile=WITH_THREAD,
    ),
    D(
        "check, then 'Volgende week weer?': 'nee hoor, voorlopig niet nodig'",
        (
            (CHECK, {}),
            ("ja", {"keys": ["meet_again"]}),
            ("nee hoor, voorlopig niet nodig", {**ANSWERED, "no_effect": ["relay", "meet_weekly"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "check, then 'Volgende week weer?': 'om de week zou mooi zijn'",
        ((CHECK, {}), ("ja", {"keys": ["meet_again"]}), ("om de week zou mooi zijn", ANSWERED)),
        profile=WITH_THREAD,
    ),
    D(
        "activity: 'hoe kom ik daar?' is about the activity, not for Henk",
        (*activity(), ("hoe kom ik daar?", NOT_YET)),
        profile=WITH_THREAD,
    ),
    D(
        "activity: 'kost dat iets?' is answered, the question open",
        (*activity(), ("kost dat iets?", {**COST, "no_effect": ["relay", "agenda_signup"]})),
        profile=WITH_THREAD,
    ),
    D(
        "activity: 'ja gezellig, ik neem mijn zus mee' joins",
        (*activity(), ("ja gezellig, ik neem mijn zus mee", JOINED)),
        profile=WITH_THREAD,
    ),
    D(
        "activity: 'kan ik met mijn rollator naar binnen?' is answered, the question open",
        (*activity(), ("kan ik met mijn rollator naar binnen?", NOT_YET)),
        profile=WITH_THREAD,
    ),
    D(
        "activity: 'liever niet, ik ben niet zo'n prater' is a kind no",
        (*activity(), ("liever niet, ik ben niet zo'n prater", ACTIVITY_NO)),
        profile=WITH_THREAD,
    ),
    D(
        "activity: 'misschien, ik weet nog niet of ik me goed voel' joins nothing",
        (*activity(), ("misschien, ik weet nog niet of ik me goed voel", ANSWERED_NOT_JOINED)),
        profile=WITH_THREAD,
    ),
    D(
        "activity: the walking group, 'ja maar alleen als iemand me komt halen' joins and asks a ride",
        (*activity(WANDEL), ("ja maar alleen als iemand me komt halen", JOINED_RIDE)),
        profile=WITH_THREAD,
    ),
    D(
        "activity: the repair café, 'wat moet ik meenemen?' is about the activity",
        (*activity(REPAIR), ("wat moet ik meenemen?", ANSWERED_NOT_JOINED)),
        profile=WITH_THREAD,
    ),
    D(
        "reminder: 'oké, ik ben wat eerder klaar, kan hij om half 2?' proposes 13:30",
        ((REMINDER, {}), ("oké, ik ben wat eerder klaar, kan hij om half 2?", MOVED)),
        profile=WITH_THREAD,
    ),
    D(
        "reminder: 'ik ben er hoor, misschien 10 minuutjes later' tells Henk 14:10",
        ((REMINDER, {}), ("ik ben er hoor, misschien 10 minuutjes later", later("14:10"))),
        profile=WITH_THREAD,
    ),
    D(
        "volunteer reminder: 'sorry, bus is te laat, ik ben er rond tien over twee' tells Ans 14:10",
        ((VOLUNTEER_REMINDER, {}), ("sorry, bus is te laat, ik ben er rond tien over twee", later("14:10"))),
        profile=VOLUNTEER,
    ),
    D(
        "reminder: 'top, ik zet koffie klaar ☕' is for Henk, the meeting stands",
        ((REMINDER, {}), ("top, ik zet koffie klaar ☕", CONFIRMED)),
        profile=WITH_THREAD,
    ),
    D(
        "reminder: 'kunnen we het een uurtje later doen?' moves the meeting",
        ((REMINDER, {}), ("kunnen we het een uurtje later doen?", MOVED)),
        profile=WITH_THREAD,
    ),
    # English
    D(
        "en check: 'it went fine but I'd prefer someone else next time' reaches the team",
        ((CHECK, {}), ("it went fine but I'd prefer someone else next time", NOT_AGAIN)),
        state=L("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en activity: 'what time does it finish?' is about the activity",
        (*activity(), ("what time does it finish?", ANSWERED_NOT_JOINED)),
        state=L("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en reminder: 'stuck in traffic, be there about 2.30' tells Henk 14:30",
        ((REMINDER, {}), ("stuck in traffic, be there about 2.30", later("14:30"))),
        state=L("en"),
        profile=WITH_THREAD,
    ),
    D(
        "en check: 'do I owe him anything?' is answered",
        ((CHECK, {}), ("do I owe him anything?", THANKS_ASKED)),
        state=L("en"),
        profile=WITH_THREAD,
    ),
    # Turkish
    D(
        "tr check: 'hayır, gelmedi. başka biri gelebilir mi?' finds someone else",
        ((CHECK, {}), ("hayır, gelmedi. başka biri gelebilir mi?", outcome("no", "meet_rematch"))),
        state=L("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "tr activity: 'evet, komşumu da getirebilir miyim?' joins",
        (*activity(), ("evet, komşumu da getirebilir miyim?", JOINED)),
        state=L("tr"),
        profile=WITH_THREAD,
    ),
    D(
        "tr reminder: 'yarım saat geç kalacağım' tells Henk 14:30",
        ((REMINDER, {}), ("yarım saat geç kalacağım", later("14:30"))),
        state=L("tr"),
        profile=WITH_THREAD,
    ),
    # Arabic
    D(
        "ar check: 'yes, can he come every week?' asks weekly",
        ((CHECK, {}), ("نعم، هل يمكن أن يأتي كل أسبوع؟", WEEKLY)),
        state=L("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "ar activity: 'yes if someone takes me' joins and asks a ride",
        (*activity(), ("نعم إذا أحد يوصلني", JOINED_RIDE)),
        state=L("ar"),
        profile=WITH_THREAD,
    ),
    D(
        "ar check: 'he was rude, I do not want him to come again' is a complaint",
        ((CHECK, {}), ("كان وقحا، لا أريد أن يأتي مرة أخرى", COMPLAINT)),
        state=L("ar"),
        profile=WITH_THREAD,
    ),
    # Polish
    D(
        "pl check: 'nie, zapomniałam o spotkaniu' is a no",
        ((CHECK, {}), ("nie, zapomniałam o spotkaniu", NOT_HAPPENED)),
        state=L("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "pl activity: 'a ile to kosztuje?' is answered",
        (*activity(), ("a ile to kosztuje?", {**COST, "no_effect": ["relay", "agenda_signup"]})),
        state=L("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "pl reminder: 'będę 15 minut później, przepraszam' tells Henk 14:15",
        ((REMINDER, {}), ("będę 15 minut później, przepraszam", later("14:15"))),
        state=L("pl"),
        profile=WITH_THREAD,
    ),
    # Ukrainian
    D(
        "uk check: 'yes, all good, let him come weekly' asks weekly",
        ((CHECK, {}), ("так, усе добре, хай приходить щотижня", WEEKLY)),
        state=L("uk"),
        profile=WITH_THREAD,
    ),
    D(
        "uk activity: 'I will be lonely there, I know nobody' is answered, the question open",
        (*activity(), ("мені там буде самотньо, я ні з ким не знайома", NOT_YET)),
        state=L("uk"),
        profile=WITH_THREAD,
    ),
    D(
        "uk reminder: 'I'll be some twenty minutes later' tells Henk 14:20",
        ((REMINDER, {}), ("буду хвилин на двадцять пізніше", later("14:20"))),
        state=L("uk"),
        profile=WITH_THREAD,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, round_check)


# Guards, written with batch 2's fixes: what the new readings must leave alone.
PASSED_ON = {"effect": ["relay"], "not_keys": [*MISS, "meet_late_heard"], "no_effect": ["meet_propose"]}
GUARDS = [
    D(
        "guard: 'prima, ik ben er om 2 uur' (the meeting's own time) is only for Henk",
        ((REMINDER, {}), ("prima, ik ben er om 2 uur", PASSED_ON)),
        profile=WITH_THREAD,
    ),
    D(
        "guard: 'ik ben er eerder, om half 2' (told, not asked) is only for Henk",
        ((REMINDER, {}), ("ik ben er eerder, om half 2", PASSED_ON)),
        profile=WITH_THREAD,
    ),
    D(
        "guard: 'ik ben wat later vandaag' with no meeting known is only for Henk",
        (("ik ben wat later vandaag, sorry", PASSED_ON),),
        profile=WITH_THREAD,
    ),
    D(
        "guard: 'nee, niet elke week hoor, het was eenmalig' asks no weekly",
        (
            (CHECK, {}),
            (
                "nee, niet elke week hoor, het was eenmalig",
                {"no_effect": ["meet_weekly", "relay"], "not_keys": MISS},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "guard: '20 euro voor de boodschappen teruggegeven, hij vroeg het bonnetje' is no complaint",
        (
            (CHECK, {}),
            (
                "ja, ik heb hem 20 euro voor de boodschappen teruggegeven, hij vroeg het bonnetje",
                outcome("yes", no_alert_kind=["meet_complaint"]),
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "guard: 'ja hoor, ik kom lopend' joins, no ride",
        (*activity(), ("ja hoor, ik kom lopend", {**JOINED, "not_keys": [*MISS, "ask_summary"]})),
        profile=WITH_THREAD,
    ),
    D(
        "guard: 'moet ik iets betalen?' in a thread with no question of the bot open is for Henk",
        (
            (
                "moet ik hem iets betalen voor de verf?",
                {"effect": ["relay"], "not_keys": ["faq_cost", "faq_gift"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "guard: 'ja, met vervoer' after the kind word signs up with a ride",
        (
            *activity(),
            ("ik durf niet zo goed alleen", NOT_YET),
            ("ja, met vervoer", JOINED_RIDE),
        ),
        profile=WITH_THREAD,
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
