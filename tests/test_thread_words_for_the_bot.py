"""In a conversation with a neighbour, words for the bot about the neighbour are never passed on.

Found probing as a resident (session 28): "kan ik deze persoon blokkeren?" and "ik wil een andere
vrijwilliger" went to the neighbour. Now they are held back and the person is asked what to do (end the
conversation, tell the team, or pass the words on after all), as round 12's "ik wil niet meer met hem praten".
Words to the neighbour still go to the neighbour.
"""

from __future__ import annotations

import pytest

from tests.dialogue_redteam_support import RIA, Dialogue, as_params, assert_holds
from tests.test_dialogues_redteam10 import THREAD

IN_A_THREAD = {**RIA, "threads": [THREAD]}
HELD = {"keys": ["thread_worry"], "no_effect": ["relay"], "says": ["niet door"]}
PASSED = {"keys": ["relay_sent"], "effect": ["relay"]}


def said(name: str, text: str, expect: dict[str, object]) -> Dialogue:
    return Dialogue(name, ((text, expect),), profile=IN_A_THREAD)


CASES = [
    said("block", "kan ik deze persoon blokkeren?", HELD),
    said("another volunteer", "ik wil een andere vrijwilliger", HELD),
    said(
        "en: another helper",
        "can I get a different helper please",
        {"keys": ["thread_worry"], "no_effect": ["relay"]},
    ),
    said("pl: block", "czy mogę go zablokować?", {"keys": ["thread_worry"], "no_effect": ["relay"]}),
    said("thanks go to the neighbour", "bedankt voor alles, we hebben elkaar nu gesproken", PASSED),
    said("a time goes to the neighbour", "ik ben er morgen om 10 uur", PASSED),
]


@pytest.mark.parametrize("case", as_params(CASES))
def test_words_for_the_bot_in_a_thread(case: Dialogue) -> None:
    assert_holds(case)


def test_passing_them_on_after_all_sends_the_words() -> None:
    assert_holds(
        Dialogue(
            "send after all",
            (
                ("ik wil een andere vrijwilliger", HELD),
                (
                    {"choice": f"thread_worry:{THREAD['id']}:send"},
                    {"effect_has": {"relay": {"text": "ik wil een andere vrijwilliger"}}},
                ),
            ),
            profile=IN_A_THREAD,
        )
    )
