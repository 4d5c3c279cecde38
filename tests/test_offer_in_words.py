"""An offer said in words at the menu (flows/offer.py `start`): every kind it names and the times it names
are kept and read back, not asked again."""

from __future__ import annotations

from tests.dialogue_redteam_support import RIA, menu_state, replay_texts


def test_an_offer_in_words_keeps_every_kind_and_the_times_it_names() -> None:
    """Session 27: "ik wil graag helpen met boodschappen en wandelen, alleen in het weekend" kept only
    boodschappen and asked the times again after the list's "Stuur bijvoorbeeld 1 3 5"."""
    [result] = replay_texts(
        ["ik wil graag helpen met boodschappen en wandelen, alleen in het weekend"], menu_state(), dict(RIA)
    )
    keys = [reply.key for reply in result.replies]
    assert keys[0] == "offer_intro_kept"
    assert result.state["offer"]["categories"] == ["boodschappen", "gezelschap"]
    assert result.state["offer"]["availability"]  # the weekend's slots
    assert "when_understood" in keys and keys[-1] == "offer_reach"


def test_an_offer_in_words_without_times_asks_them() -> None:
    [result] = replay_texts(
        ["ik heb een auto en wil mensen naar het ziekenhuis brengen"], menu_state(), dict(RIA)
    )
    assert "availability" not in result.state["offer"]
    assert [reply.key for reply in result.replies][-1] == "offer_reach"
