# ruff: noqa: RUF001
"""Red team of whole conversations, round 8 (round 7: tests/test_dialogues_redteam7.py): the
volunteer's and the meeting's side, answered in sentences, in context, in six languages.

DOCSTRING
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.dialogue_redteam_support import INVITE, RIA, Dialogue, as_params, assert_holds, menu_state
from tests.redteam_support import every_earlier_string
from tests.test_dialogues_redteam5 import (
    AGREED,
    CHECK,
    OPEN_REQUEST,
    PLAN,
    REMINDER,
    VOLUNTEER,
    VOLUNTEER_MEETING,
    WITH_THREAD,
)

D = Dialogue
# Dropped to the menu or "not understood": what repair instead of reset must not do.
MISSES = ["not_understood", "menu"]
OPEN = {"keys": ["invite*"]}
# An invitation question that is no answer: answered or asked again, never the menu, no answer sent.
KEPT = {"keys": ["invite*"], "not_keys": MISSES, "no_effect": ["answer_invitation"]}
VOLUNTEER_CHECK = {
    "internal": "meet_check",
    "meta": {"meeting": {**VOLUNTEER_MEETING, "starts_at": "2026-11-21T13:00:00+00:00"}},
}
WITH_REQUEST = {**RIA, "open_requests": [OPEN_REQUEST]}
# A volunteer with no conversation open.
HELPER = {**VOLUNTEER, "threads": []}


def answered(answer: str, **condition: Any) -> dict[str, Any]:
    """The invitation answered `answer`, with these items of its condition."""
    items = {"answer": answer, **{f"condition.{k}": v for k, v in condition.items()}}
    return {"effect_has": {"answer_invitation": items}, "not_keys": MISSES}


def invited(lang: str = "nl") -> dict[str, Any]:
    return menu_state(lang)


# Written before reading the flows: invitations answered with conditions and questions, asking and
# offering both, the meeting agreed, moved, cancelled and looked back on, in six languages.
BATCH_1 = [
    # Invitations answered with conditions and questions.
    D(
        "'ja maar pas na 2 uur 👍' is a yes after 14:00",
        ((INVITE, OPEN), ("ja maar pas na 2 uur 👍", answered("yes", start="14:00:00"))),
    ),
    D(
        "'kan het ook vrijdag?' asks for Friday",
        (
            (INVITE, OPEN),
            (
                "kan het ook vrijdag?",
                {"effect_has": {"answer_invitation": {"answer": "yes", "condition.days": [4]}}},
            ),
        ),
    ),
    D(
        "'hoe ver is dat?' is a question: the invitation stays open",
        ((INVITE, OPEN), ("hoe ver is dat?", KEPT), ("oké, dan doe ik het", answered("yes"))),
    ),
    D(
        "'wat moet ik meenemen?' is a question: the invitation stays open",
        ((INVITE, OPEN), ("wat moet ik eigenlijk meenemen?", KEPT)),
    ),
    D(
        "'ja, als het niet te zwaar is' is a yes",
        ((INVITE, OPEN), ("ja, als het niet te zwaar is", answered("yes"))),
    ),
    D(
        "'nee deze keer niet maar vraag me gerust weer' is a later",
        ((INVITE, OPEN), ("nee deze keer niet maar vraag me gerust weer", answered("later"))),
    ),
    D(
        "a yes sent twice: the second is no miss and no second answer",
        (
            (INVITE, OPEN),
            ("ja", answered("yes")),
            ("ja hoor!", {"not_keys": MISSES, "no_effect": ["answer_invitation"]}),
        ),
    ),
    D(
        "a yes then a no: taken back",
        (
            (INVITE, OPEN),
            ("ja graag", answered("yes")),
            ("oh wacht, toch niet, ik moet naar de tandarts", {"keys": ["invite_taken_back"]}),
        ),
    ),
    D(
        "'goedemorgen! ja hoor, ik help graag 😊' is a yes",
        ((INVITE, OPEN), ("goedemorgen! ja hoor, ik help graag 😊", answered("yes"))),
    ),
    D(
        "'bedankt voor het vragen, maar ik kan niet 🙏' is a no",
        ((INVITE, OPEN), ("bedankt voor het vragen, maar ik kan niet 🙏", answered("no"))),
    ),
    D("an unclear answer: the invitation is asked again, not the menu", ((INVITE, OPEN), ("eh wat?", KEPT))),
    D(
        "English: 'yes but only after 2pm' is a yes after 14:00",
        ((INVITE, OPEN), ("yes but only after 2pm", answered("yes", start="14:00:00"))),
        state=invited("en"),
    ),
    D(
        "English: 'how far is it from me?' keeps the invitation",
        ((INVITE, OPEN), ("how far is it from me?", KEPT)),
        state=invited("en"),
    ),
    D(
        "Turkish: 'evet ama saat 3ten sonra' is a yes after 15:00",
        ((INVITE, OPEN), ("evet ama ancak saat 3'ten sonra", answered("yes", start="15:00:00"))),
        state=invited("tr"),
    ),
    D(
        "Polish: 'nie tym razem, ale pytaj śmiało następnym razem' is a later",
        ((INVITE, OPEN), ("nie tym razem, ale pytaj śmiało następnym razem", answered("later"))),
        state=invited("pl"),
    ),
    D(
        "Ukrainian: 'так, якщо це не дуже важко' is a yes",
        ((INVITE, OPEN), ("так, якщо це не дуже важко", answered("yes"))),
        state=invited("uk"),
    ),
    D(
        "Arabic: 'كم تبعد المسافة؟' keeps the invitation",
        ((INVITE, OPEN), ("كم تبعد المسافة؟", KEPT)),
        state=invited("ar"),
    ),
    # Anyone can ask and offer.
    D(
        "a resident who asked for help offers to listen",
        (("ik kan zelf wel goed luisteren hoor", {"keys": ["offer_*"], "not_keys": ["ask_*", *MISSES]}),),
        profile=WITH_REQUEST,
    ),
    D(
        "a resident who asked for help wants to do something for another",
        (("ik wil ook wel iets doen voor een ander", {"keys": ["offer_*"], "not_keys": ["ask_*", *MISSES]}),),
        profile=WITH_REQUEST,
    ),
    D(
        "English: a resident offers too",
        (("I'd like to help someone else as well", {"keys": ["offer_*"], "not_keys": ["ask_*", *MISSES]}),),
        profile=WITH_REQUEST,
        state=menu_state("en"),
    ),
    D(
        "a volunteer who needs help herself: a request",
        (
            (
                "ik heb zelf ook hulp nodig, met mijn computer",
                {"keys": ["ask_*"], "not_keys": ["offer_*", *MISSES]},
            ),
        ),
        profile=HELPER,
    ),
    # The meeting after a match.
    D(
        "place and time in three messages",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("bij mij thuis is prima 😊", {"keys": ["meet_when"], "no_effect": ["relay"]}),
            ("woensdag half 3", {"effect_has": {"meet_propose": {"starts_at": "2026-11-25T14:30:00+01:00"}}}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "an unclear time at 'Wanneer?': asked again, not the menu",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("in het buurthuis", {"keys": ["meet_when"]}),
            ("ergens rond theetijd", {"keys": ["meet_when*"], "not_keys": MISSES}),
            ("donderdag om 4 uur", {"effect": ["meet_propose"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'kan het een half uur later?' after agreeing: a new time proposed",
        (
            (AGREED, {"keys": ["meet_agreed"]}),
            (
                "kan het een half uur later?",
                {"effect_has": {"meet_propose": {"starts_at": "2026-11-24T14:30:00+01:00"}}},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "cancelling kindly: passed on, the meeting can be moved or cancelled",
        (
            (AGREED, {"keys": ["meet_agreed"]}),
            (
                "het spijt me heel erg, maar ik moet morgen afzeggen 🙏",
                {"effect": ["relay"], "keys": ["meet_cannot_come"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'ja was heel gezellig 😊' at 'Is het gelukt?'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            (
                "ja was heel gezellig 😊",
                {"effect_has": {"meet_outcome": {"outcome": "yes"}}, "no_effect": ["relay"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'nee ze was niet thuis' at 'Is het gelukt?' (the volunteer)",
        (
            (VOLUNTEER_CHECK, {"keys": ["meet_check"]}),
            (
                "nee ze was niet thuis",
                {"effect_has": {"meet_outcome": {"outcome": "no"}}, "keys": ["meet_not_happened"]},
            ),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "'half' at 'Is het gelukt?': no miss, not passed on",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("half", {"not_keys": MISSES, "no_effect": ["relay"], "keys": ["meet_*"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "an unclear message at 'Is het gelukt?': asked again",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("hè?", {"keys": ["meet_check"], "not_keys": MISSES, "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "meeting again answered in a sentence",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"]}),
            ("ja leuk, elke week zou fijn zijn 👍", {"effect": ["meet_weekly"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "meeting again declined in a sentence",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"]}),
            (
                "nee hoor, het is nu wel opgelost, dank je",
                {"not_keys": ["meet_again", *MISSES], "no_effect": ["relay", "meet_weekly"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "a reminder answered '👍 tot dan' is passed on, nothing else",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("👍 tot dan", {"effect": ["relay"], "not_keys": ["meet_cannot_come", *MISSES]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "English: 'yes it was lovely, thanks 😊' at 'did it happen?'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("yes it was lovely, thanks 😊", {"effect_has": {"meet_outcome": {"outcome": "yes"}}}),
        ),
        profile=WITH_THREAD,
        state=menu_state("en"),
    ),
    D(
        "Turkish: 'hayır, evde değildi' at 'did it happen?'",
        (
            (VOLUNTEER_CHECK, {"keys": ["meet_check"]}),
            ("hayır, evde değildi", {"effect_has": {"meet_outcome": {"outcome": "no"}}}),
        ),
        profile=VOLUNTEER,
        state=menu_state("tr"),
    ),
    D(
        "Polish: 'tak, było bardzo miło' at 'did it happen?'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("tak, było bardzo miło", {"effect_has": {"meet_outcome": {"outcome": "yes"}}}),
        ),
        profile=WITH_THREAD,
        state=menu_state("pl"),
    ),
    D(
        "Ukrainian: 'ні, її не було вдома'",
        (
            (VOLUNTEER_CHECK, {"keys": ["meet_check"]}),
            ("ні, її не було вдома", {"effect_has": {"meet_outcome": {"outcome": "no"}}}),
        ),
        profile=VOLUNTEER,
        state=menu_state("uk"),
    ),
    D(
        "Arabic: 'نعم، كان لطيفا جدا'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("نعم، كان لطيفا جدا", {"effect_has": {"meet_outcome": {"outcome": "yes"}}}),
        ),
        profile=WITH_THREAD,
        state=menu_state("ar"),
    ),
]

INVITE_42 = {
    "internal": "invite",
    "meta": {**INVITE["meta"], "request_id": 42, "description": "post wegbrengen"},
}
IN_THREAD_NO_MEETING = {**WITH_THREAD}

# What the fixes must not break.
GUARDS = [
    D(
        "being late told in a thread ('ik kom een kwartiertje later') only goes to the neighbour",
        (
            (AGREED, {"keys": ["meet_agreed"]}),
            (
                "ik kom een kwartiertje later, sta nog in de file",
                {"effect": ["relay"], "no_effect": ["meet_propose"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'kan het een uurtje later?' with no meeting known only goes to the neighbour",
        (("kan het een uurtje later vandaag?", {"effect": ["relay"], "no_effect": ["meet_propose"]}),),
        profile=IN_THREAD_NO_MEETING,
    ),
    D(
        "a yes to a new invitation after a yes to another is its answer",
        (
            (INVITE, OPEN),
            ("ja", answered("yes")),
            (INVITE_42, OPEN),
            ("ja", {"effect_has": {"answer_invitation": {"request_id": 42, "answer": "yes"}}}),
        ),
    ),
    D(
        "'nee, echt nooit meer' is still a no",
        ((INVITE, OPEN), ("nee, echt nooit meer", answered("no"))),
    ),
    D(
        "'ik kan zelf niet goed lopen' is no offer",
        (("ik kan zelf niet goed lopen", {"not_keys": ["offer_*"]}),),
        profile=WITH_REQUEST,
    ),
    D(
        "a longer question at 'Is het gelukt?' is for the neighbour",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("hoe laat kom je volgende keer, Henk?", {"effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'nee' at 'Volgende week weer afspreken?' asks for no weekly meeting",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"]}),
            ("nee", {"keys": ["meet_later_ok"], "no_effect": ["meet_weekly", "relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'dank je wel!' at 'Volgende week weer afspreken?' is no miss",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"], "state": {"misses": None}}),
            ("bedankt hoor!", {"keys": ["meet_again"], "no_effect": ["relay"], "state": {"misses": None}}),
        ),
        profile=WITH_THREAD,
    ),
]


def _earlier_strings() -> set[str]:
    """Every string written down by an earlier round: the corpora and understanding rounds
    (`every_earlier_string`) and the other dialogue rounds' string literals."""
    seen = every_earlier_string(__file__)
    for path in Path(__file__).parent.glob("test_dialogues_redteam*.py"):
        if path.name != Path(__file__).name:
            seen |= {text.casefold() for text in re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text("utf-8"))}
    return seen


def test_messages_are_new() -> None:
    """No message of more than one word is word for word in an earlier round (one word: "ja", "nee")."""
    seen = _earlier_strings()
    old = [
        sent
        for dialogue in BATCH_1 + GUARDS
        for sent, _ in dialogue.turns
        if isinstance(sent, str) and len(sent.split()) > 1 and sent.casefold() in seen
    ]
    assert not old


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue)
