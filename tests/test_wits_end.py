"""At one's wits' end about the one cared for, and not knowing what to do here (session 27).

Before: "ik weet niet meer wat ik moet doen met mijn moeder" and "ik weet niet wat ik moet doen" at the
menu got "Dat begreep ik niet helemaal. Wat wil je doen?". Now the first is a carer's overload (the
offers and a staff item, flows/overload.py), the second HELP's answer."""

from __future__ import annotations

import pytest

from tests.dialogue_redteam_support import RIA, menu_state, replay_texts


@pytest.mark.parametrize(
    "text",
    [
        "ik weet niet meer wat ik moet doen met mijn moeder",
        "ik weet niet meer wat ik met hem aan moet, hij is dement",
        "mijn vader is ziek en ik ben ten einde raad",
    ],
)
def test_wits_end_about_the_one_cared_for_is_overload(text: str) -> None:
    [result] = replay_texts([text], menu_state(), dict(RIA))
    assert [reply.key for reply in result.replies] == ["distress_offers"]
    assert [effect.kind for effect in result.effects] == ["alert_staff"]


@pytest.mark.parametrize("text", ["ik weet niet wat ik moet doen", "ik weet niet wat ik hier moet sturen"])
def test_not_knowing_what_to_do_here_gets_help(text: str) -> None:
    [result] = replay_texts([text], menu_state(), dict(RIA))
    assert [reply.key for reply in result.replies] == ["info"]


@pytest.mark.parametrize(
    "text", ["ik weet niet meer wat ik moet doen met die oude computer", "ik weet het niet meer precies"]
)
def test_not_knowing_about_a_thing_is_no_overload(text: str) -> None:
    [result] = replay_texts([text], menu_state(), dict(RIA))
    assert "distress_offers" not in [reply.key for reply in result.replies]
