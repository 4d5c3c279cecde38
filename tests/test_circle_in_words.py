"""Family who want to follow along, said in a sentence, open the care circle (KRING).

Before (session 27): "mijn dochter wil ook meelezen" got "Dat begreep ik niet helemaal", "kan mijn zoon
ook zien wat ik vraag?" began a help request ("Waarmee zoek je hulp?")."""

from __future__ import annotations

import pytest

from tests.dialogue_redteam_support import RIA, menu_state, replay_texts


@pytest.mark.parametrize(
    "text",
    [
        "mijn dochter wil ook meelezen",
        "kan mijn zoon ook zien wat ik vraag?",
        "ik wil graag dat mijn dochter ook meekijkt",
        "mag mijn familie meekijken",
        "can my daughter follow along?",
    ],
)
def test_family_following_along_opens_the_circle(text: str) -> None:
    [result] = replay_texts([text], menu_state(), dict(RIA))
    assert [reply.key for reply in result.replies][-1] == "circle_home"


@pytest.mark.parametrize("text", ["mijn dochter kan niet meer komen, wie helpt met boodschappen?"])
def test_a_request_naming_family_is_still_a_request(text: str) -> None:
    [result] = replay_texts([text], menu_state(), dict(RIA))
    assert "circle_home" not in [reply.key for reply in result.replies]
