"""How a stranger's or a newcomer's first words about this number are read (session 29, probing).

- "sorry verkeerd nummer" as a first message got the welcome and "Hoe mag ik je noemen?"; now who we are
  and the stop question once. A known person's "u heeft het verkeerde nummer" also tells the team: the
  number may belong to someone else now (recycled numbers), and nothing about the known person is said.
  "verkeerde nummer" from someone known in the middle of things stays a mistyped choice.
- "de buurtverbinder zei dat ik jullie moest appen" asked for a call back from the team; it says how one
  came: the welcome goes on. "ik kreeg een sms van dit nummer" started a request; it asks who we are.
"""

# Messages are kept as typed (Turkish dotless i).
# ruff: noqa: RUF001
from __future__ import annotations

from typing import Any

import pytest

from flows.conversation import new_state
from tests.dialogue_redteam_support import INVITE, Dialogue, as_params, assert_holds

NEW: dict[str, Any] = {}
ASKED = {"keys": ["stop_check"], "says": ["Voordeur"], "no_effect": ["alert_staff", "update_profile"]}
TEAM_TOLD = {"keys": ["stop_check"], "effect_has": {"alert_staff": {"kind": "wrong_number"}}}
STOPPED = {"keys": ["stop_confirmed"], "effect": ["set_stopped"]}
WELCOMED = {"keys": ["welcome", "ask_name"], "no_effect": ["request_human"], "restart_ok": True}


def first(name: str, *turns: tuple[Any, dict[str, Any]]) -> Dialogue:
    return Dialogue(name, turns, state=new_state(), profile=NEW)


CASES = [
    first(
        "wrong number, then stopped",
        ("sorry verkeerd nummer", {**ASKED, "restart_ok": True}),
        ("ja", STOPPED),
    ),
    first(
        "never signed up, then stays",
        ("wie bent u? ik heb me nergens voor aangemeld", {**ASKED, "restart_ok": True}),
        ("nee", {"keys": ["menu"], "no_effect": ["set_stopped"]}),
    ),
    first("en: wrong number", ("wrong number", {"keys": ["stop_check"], "restart_ok": True})),
    first("tr: wrong number", ("yanlış numara", {"keys": ["stop_check"], "restart_ok": True})),
    first("pl: wrong number", ("zły numer", {"keys": ["stop_check"], "restart_ok": True})),
    first("not signed up yet is no wrong number", ("ik ben nog niet aangemeld, hoe werkt dit?", WELCOMED)),
    Dialogue(
        "known: wrong number tells the team", (("u heeft het verkeerde nummer", TEAM_TOLD), ("ja", STOPPED))
    ),
    Dialogue(
        "known: an invitation answered by a stranger",
        ((INVITE, {"keys": ["invite"]}), ("ik ken u niet, verkeerd verbonden", TEAM_TOLD), ("ja", STOPPED)),
    ),
    Dialogue(
        "known: a mistyped choice is no wrong number",
        (("sorry verkeerde nummer", {"not_keys": ["stop_check"]}),),
    ),
    first("referred by the buurtverbinder", ("de buurtverbinder zei dat ik jullie moest appen", WELCOMED)),
    first(
        "referred, and a person asked for",
        (
            "de buurtverbinder gaf me dit nummer. ik wil graag met iemand praten",
            {"effect": ["request_human"]},
        ),
    ),
    first(
        "a text from this number",
        ("ik kreeg een sms van dit nummer", {"keys": ["welcome", "faq_who", "ask_name"], "restart_ok": True}),
    ),
    Dialogue("known: why this message", (("waarom krijg ik dit bericht?", {"keys": ["faq_who", "menu"]}),)),
]


@pytest.mark.parametrize("case", as_params(CASES))
def test_first_words_about_this_number(case: Dialogue) -> None:
    assert_holds(case)
