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


# Session 29, probing as a resident: a question to the bot about the numbers, and worries about the
# neighbour told in the third person (money asked, not turning up, no answer), went to the neighbour; a call
# asked of the neighbour ("je kunt me bellen op ...") became a call from the team and never reached them.
NUMBERS = {"keys": ["thread_numbers_hidden"], "no_effect": ["relay", "share_number"], "says": ["DEEL NUMMER"]}
WORRY_CASES = [
    said("his number, round 23", "mag ik zijn nummer?", {**NUMBERS, "keys": ["thread_number_asked"]}),
    said("can he see mine", "kan hij mijn nummer zien?", NUMBERS),
    said("en: can she see mine", "can she see my number?", {**NUMBERS, "says": ["SHARE NUMBER"]}),
    said("uk: his number", "можна його номер?", {"keys": ["thread_number_asked"], "no_effect": ["relay"]}),
    said("giving one's number is still sharing", "hij mag mijn nummer hebben", {"effect": ["share_number"]}),
    said("money asked", "hij vroeg of ik hem geld kon lenen", HELD),
    said("en: money asked", "he asked me for money", {"keys": ["thread_worry"], "no_effect": ["relay"]}),
    said("the bill", "hij heeft boodschappen gedaan maar het bonnetje klopt niet", HELD),
    said("no show, by name", "Marieke is niet gekomen", HELD),
    said("no answer", "ze antwoordt niet meer", HELD),
    said("pl: no show", "nie przyszła dzisiaj", {"keys": ["relay_sent"], "effect": ["relay"]}),
    said("pl: no show, of her", "ona nie przyszła", {"keys": ["thread_worry"], "no_effect": ["relay"]}),
    said("another woman", "ik heb liever een vrouw", HELD),
    said("money paid back goes on", "je hebt 20 euro voorgeschoten, ik geef het morgen terug", PASSED),
    # Round dialogue28 (tests/test_dialogues_redteam28.py): the words go on, the typed number does not.
    said(
        "a call asked of the neighbour",
        "je kunt me bellen op 0612345678",
        {"keys": ["thread_number_masked"], "effect_has": {"relay": {"text": "je kunt me bellen op •••"}}},
    ),
    said("the team asked for", "ik wil iemand van het team spreken", {"effect": ["request_human"]}),
]


@pytest.mark.parametrize("case", as_params(WORRY_CASES))
def test_numbers_and_worries_said_of_the_neighbour(case: Dialogue) -> None:
    assert_holds(case)
