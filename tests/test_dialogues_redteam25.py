# ruff: noqa: RUF001
"""Red team of whole conversations, round 25: after the help, meeting again.

Replayed at the golden clock (Monday 23 November 2026, 10:00 UTC) with round 5's fixtures (Ria matched
with Henk, Henk with Ans; the reminder, "Is het gelukt?") and round 14's activity after a weekly meeting
(the Koffieochtend, Tuesday 10:00, Buurthuis De Molen). Residents and volunteers answer "Is het gelukt?" in
their own words, want to meet the same neighbour again or make it a regular thing (or not), thank, ask to
give something, answer an invitation to a local activity and answer a reminder with a change.
This round's own checks (`round_check`): `any_keys`, `any_effect`, `ride`, `outcome_any`.

Figures: see the end of this docstring (filled in as the round goes).
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


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    assert repeated_messages(__file__, [*BATCH_1]) == []


def figures(dialogues: list[Dialogue]) -> tuple[int, int, int, int]:
    return score(dialogues, round_check)
