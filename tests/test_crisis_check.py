# ruff: noqa: RUF001
"""The safety check about pills (round crisis19, flows/crisis_check.py).

"ik heb al mijn pillen ingenomen" is "already took my pills" or "took all my pills" in Dutch; "ik heb pillen
geslikt" says no amount. Until this round both read as the daily medicine, no crisis (strict xfails in
tests/test_dialogues_crisis_pieces.py and tests/test_dialogues_redteam18.py, replaced by the tests here). Now
they get a short check, "Heb je meer pillen genomen dan je moet? Bel dan nu 112." with Ja / Nee: Ja (or the
amount in words) is the crisis answer and the staff's crisis alert; Nee a calm word and the question the
person was at; anything else the check once more with 112, then the team is asked. Clear daily-medicine
wordings get no check, and the crisis reader (what the corpus scores) reads none of them as a crisis.
"""

from __future__ import annotations

from typing import Any

import pytest

from flows import crisis, crisis_check
from tests.dialogue_redteam_support import (
    CARER,
    CHECKIN,
    CRISIS,
    INVITE,
    RIA,
    Dialogue,
    assert_holds,
    menu_state,
)
from tests.test_dialogues_redteam10 import THREAD

D = Dialogue
CHECK = {"keys": ["crisis_pills_check"], "says": ["112"], "no_effect": ["alert_staff", "relay"]}
CHECK_EN = {**CHECK, "says": ["112", "more pills"]}
AGAIN = {"keys": ["crisis_pills_check_again"], "says": ["112"], "no_effect": ["alert_staff"]}
STAFF = {
    "keys": ["crisis_pills_staff"],
    "says": ["112"],
    "effect_has": {"alert_staff": {"kind": "pills_unclear", "priority": "high"}},
}
# A confirmed overdose is poisoning first: 112 leads, with what to tell them, and 113 follows (session 28).
SUICIDE = {
    **CRISIS,
    "keys": ["crisis_overdose", "crisis_staff"],
    "says": ["112", "0800-0113"],
    "effect_has": {"alert_staff": {"kind": "crisis_suicide", "priority": "high"}},
}
NO_CHECK = {"not_keys": ["crisis_*"], "no_effect": ["alert_staff"]}
ASKING = ("1", "1", "boodschappen voor de week")  # to the time question of a request
WHEN = {"keys": ["ask_when"], "says": ["Goed, dank je."], "no_effect": ["alert_staff"]}
IN_A_THREAD = {**RIA, "threads": [THREAD]}
HENK = {"first_name": "Henk", "neighbourhood": "molenwijk", "consented": True}


def _asking(*turns: tuple[Any, dict[str, Any]]) -> tuple[tuple[Any, dict[str, Any]], ...]:
    return (*((sent, {}) for sent in ASKING), *turns)


DIALOGUES = [
    # The check, and a yes.
    D("ja at the menu", (("ik heb al mijn pillen ingenomen", CHECK), ("ja", SUICIDE))),
    D("the Ja button", (("ik heb net al mijn pillen ingenomen", CHECK), ({"choice": "pills:yes"}, SUICIDE))),
    D("ja veel te veel", (("ik heb pillen geslikt", CHECK), ("ja veel te veel", SUICIDE))),
    D("the amount without ja", (("heb net al mn pillen geslikt", CHECK), ("de hele strip", SUICIDE))),
    D("nee, but the amount", (("ik heb al m'n tabletten ingenomen", CHECK), ("nee, de hele strip", SUICIDE))),
    D("a typed 1 for Ja", (("ik heb al mijn medicijnen ingenomen", CHECK), ("1", SUICIDE))),
    D(
        "a crisis in the answer",
        (("ik heb al mijn pillen ingenomen", CHECK), ("ik wil niet meer leven", SUICIDE)),
    ),
    # A no: a calm word and the question the person was at.
    D(
        "nee at the time question: the question again, then answered",
        _asking(
            ("ik heb al mijn pillen ingenomen", CHECK),
            ("nee gewoon mijn dagelijkse pillen", WHEN),
            ("morgen", {"keys": ["ask_urgency"], **NO_CHECK}),
        ),
    ),
    D(
        "nee hoor at the menu",
        (
            ("ik heb pillen ingenomen", CHECK),
            ("nee hoor", {"keys": ["crisis_pills_ok"], "no_effect": ["alert_staff"]}),
        ),
    ),
    D("the Nee button", _asking(("ik heb pillen geslikt", CHECK), ({"choice": "pills:no"}, WHEN))),
    D("a typed 2 for Nee", _asking(("ik heb al mijn pillen geslikt", CHECK), ("2", WHEN))),
    D("nee, niet te veel", _asking(("ik heb al mijn pillen geslikt", CHECK), ("nee niet te veel", WHEN))),
    # Anything else: once more with 112, then the team.
    D(
        "no answer twice: the check again, then the team is asked",
        (
            ("ik heb al mijn pillen ingenomen", CHECK),
            ("hoezo?", AGAIN),
            ("laat maar", STAFF),
            ("ok", {"not_keys": ["crisis_pills_*"]}),
        ),
    ),
    D(
        "the repeat, then a yes",
        (("ik heb pillen geslikt", CHECK), ("wat bedoel je", AGAIN), ("ja", SUICIDE)),
    ),
    D(
        "the repeat, then a no: back to the question",
        _asking(("ik heb pillen geslikt", CHECK), ("huh", AGAIN), ("nee", WHEN)),
    ),
    # At other places: in a thread nothing is passed on; at a check-in, an invitation, a registration.
    D(
        "in a thread: not passed on to the neighbour",
        (("Marieke ik heb net al mijn pillen ingenomen", CHECK), ("ja", {**SUICIDE, "no_effect": ["relay"]})),
        profile=IN_A_THREAD,
    ),
    D(
        "at a carer's check-in, nee: the check-in again",
        (
            (CHECKIN, {}),
            ("ik heb al mijn pillen ingenomen", CHECK),
            ("nee", {"keys": ["care_checkin"], "no_effect": ["care_answer"]}),
        ),
        profile=CARER,
    ),
    D(
        "at an invitation: its buttons still work under the check, which stays",
        (
            (INVITE, {}),
            ("ik heb pillen geslikt", CHECK),
            ({"choice": "invite:41:no"}, {"effect": ["answer_invitation"], "no_effect": ["alert_staff"]}),
            ("ja", SUICIDE),
        ),
        profile=HENK,
    ),
    D(
        "at the name question of a newcomer, nee: the name question again",
        (
            ("hallo", {"restart_ok": True}),
            ("ik heb al mijn pillen ingenomen", CHECK),
            ("nee", {"keys": ["ask_name"]}),
        ),
        state={},
        profile={},
    ),
    D(
        "STOP still stops under the check",
        (("ik heb pillen geslikt", CHECK), ("STOP", {"effect": ["set_stopped"]})),
    ),
    # Other languages.
    D(
        "english",
        (("I took all my pills", CHECK_EN), ("yes, the whole pack", SUICIDE)),
        state=menu_state("en"),
    ),
    D(
        "english no",
        (("i've just taken all my pills", CHECK_EN), ("no", {"keys": ["crisis_pills_ok"]})),
        state=menu_state("en"),
    ),
    D("turkish", (("tüm ilaçlarımı içtim", CHECK), ("evet", SUICIDE)), state=menu_state("tr")),
    D("darija", (("klit ga3 dwa dyali", CHECK), ("iyeh bzaf", SUICIDE)), state=menu_state("ar")),
    D("arabic no", (("شربت كل حبوبي", CHECK), ("لا", {"keys": ["crisis_pills_ok"]})), state=menu_state("ar")),
]


@pytest.mark.parametrize("dialogue", [pytest.param(d, id=d.name) for d in DIALOGUES])
def test_the_safety_check(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


# The daily medicine said plainly, pills not taken or someone else's: no check, no crisis.
DAILY = [
    "ik heb mijn pillen al ingenomen vanochtend",
    "pillen ingenomen, nu koffie",
    "ik heb mijn pillen ingenomen",
    "ik heb al mijn pillen ingenomen vanochtend",
    "ja hoor, al mijn pillen ingenomen bij het ontbijt",
    "ik heb al mijn pillen opgehaald bij de apotheek",
    "mijn pillen zijn op, kan iemand naar de apotheek",
    "moet ik al mijn pillen innemen voor het eten?",
    "ik ben vergeten al mijn pillen in te nemen",
    "ik heb al mijn pillen nog niet ingenomen",
    "mijn man heeft al zijn pillen geslikt, netjes zoals altijd",
    "ik heb net pillen genomen tegen de hoofdpijn",
    "ik heb twee pillen genomen",
    "I took my pills this morning",
    "bugün ilaçlarımı aldım",
]


@pytest.mark.parametrize("text", DAILY)
def test_the_daily_medicine_gets_no_check(text: str) -> None:
    assert not crisis.overdose_unclear(text)
    assert crisis.detect(text) is None
    assert_holds(D(text, ((text, NO_CHECK),)))


def test_the_check_is_no_crisis_kind() -> None:
    """The crisis reader (what `understand --score` scores) reads the unclear wordings as it did."""
    for text in ("ik heb al mijn pillen ingenomen", "ik heb pillen geslikt", "I took all my pills"):
        assert crisis.overdose_unclear(text)
        assert crisis.detect(text) is None


def test_a_clear_overdose_is_still_a_crisis_at_once() -> None:
    assert_holds(D("clear", (("ik heb alle pillen ingenomen", SUICIDE),)))


def test_in_pieces() -> None:
    """The pieces of tests/test_dialogues_crisis_pieces.py's former strict xfail ("b1-when-pills"): the
    check on the piece that completes the words; pills fetched from the pharmacy: none."""
    assert_holds(
        D("pieces", _asking(("ik heb net al mijn pillen", NO_CHECK), ("ingenomen", CHECK), ("ja", SUICIDE)))
    )
    assert_holds(
        D(
            "fetched",
            _asking(("ik heb net al mijn pillen", NO_CHECK), ("opgehaald bij de apotheek", NO_CHECK)),
        )
    )


def test_after_a_no_the_same_words_are_not_asked_about_again() -> None:
    """The piece kept after the check does not bring it back with the next message."""
    assert_holds(
        D(
            "no twice",
            _asking(("ik heb al mijn pillen ingenomen", CHECK), ("nee", WHEN), ("morgen", NO_CHECK)),
        )
    )


# Round crisis20: a check never answered is not dropped in silence. A timer (kind "timer") asks the team after
# `crisis_check.WAIT` while the check is still open; an answer cancels it. Through the engine, on SQLite and
# PostgreSQL (the runtime fixture).
PILLS_NUMBER = "+31612345670"


async def test_a_check_never_answered_asks_the_team_through_the_engine(runtime: Any, clock: Any) -> None:
    from datetime import timedelta

    from tests.community import add_person, keys_for, say
    from tests.test_care import alerts

    person = await add_person(runtime, clock, PILLS_NUMBER, "Ria", "molenwijk", channel="sms")
    await say(runtime, PILLS_NUMBER, "ik heb net al mijn tabletjes geslikt", channel="sms")
    assert (await keys_for(runtime, person))[-1] == "crisis_pills_check"
    assert ("pills_unclear", "high") not in await alerts(runtime)
    clock.now += crisis_check.WAIT + timedelta(minutes=1)
    assert await runtime.engine.run_due_events() >= 1
    await runtime.engine.settle()
    assert (await keys_for(runtime, person))[-1] == "crisis_pills_staff"
    assert ("pills_unclear", "high") in await alerts(runtime)


async def test_a_check_answered_asks_no_one_later(runtime: Any, clock: Any) -> None:
    from datetime import timedelta

    from tests.community import add_person, keys_for, say
    from tests.test_care import alerts

    person = await add_person(runtime, clock, PILLS_NUMBER, "Ria", "molenwijk", channel="sms")
    await say(runtime, PILLS_NUMBER, "ik heb net al mijn tabletjes geslikt", "nee hoor", channel="sms")
    assert (await keys_for(runtime, person))[-1] == "crisis_pills_ok"
    clock.now += crisis_check.WAIT + timedelta(minutes=1)
    await runtime.engine.run_due_events()
    await runtime.engine.settle()
    assert (await keys_for(runtime, person))[-1] == "crisis_pills_ok"
    assert not [kind for kind, _ in await alerts(runtime) if kind == "pills_unclear"]


def test_the_timer_after_an_answer_or_a_crisis_does_nothing() -> None:
    from flows.types import Event

    timer = Event(kind="internal", command=crisis_check.TIMER, meta={})
    assert crisis_check.on_internal({"greeted": True, "flow": "menu"}, timer).replies == ()
    opened = crisis_check.ask({"greeted": True, "flow": "menu"})
    fired = crisis_check.on_internal(opened.state, timer)
    assert fired is not None and [r.key for r in fired.replies] == ["crisis_pills_staff"]
    assert any(e.kind == "alert_staff" and e.data["kind"] == "pills_unclear" for e in fired.effects)
