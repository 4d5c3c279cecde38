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


OFFERING = {
    **RIA,
    "offer": {
        "categories": ["boodschappen"],
        "reach": "nearby",
        "availability": [[0, "ochtend"]],
        "weekly_limit": 2,
        "languages": ["nl"],
    },
}


def test_someone_who_offers_adds_a_kind_in_words() -> None:
    """Session 27: "ik wil ook met tuinieren helpen" from a volunteer began a request for garden help."""
    said, yes = replay_texts(["ik wil ook met tuinieren helpen", "ja"], menu_state(), dict(OFFERING))
    assert [reply.key for reply in said.replies] == ["offer_kinds_added", "offer_summary"]
    [saved] = [effect for effect in yes.effects if effect.kind == "save_offer"]
    assert saved.data["categories"] == ["boodschappen", "tuin"]


def test_naming_a_kind_already_offered_shows_the_offer_and_keeps_nothing() -> None:
    said, _asked = replay_texts(["ik wil helpen met boodschappen", "MENU"], menu_state(), dict(OFFERING))
    # Dialogue round 23: "Je helpt al met boodschappen." before the offer.
    assert [reply.key for reply in said.replies] == ["offer_kinds_known", "offer_current"]
    assert "pending" not in said.state


def test_a_pause_said_with_a_reason_asks_how_long_without_a_miss() -> None:
    """Session 27: "ik heb het even te druk, stop maar even met vragen" got "Dat begreep ik niet helemaal";
    the reason beside it is no length misread."""
    said_with_reason = "ik heb het even te druk, stop maar even met vragen"
    [said] = replay_texts([said_with_reason], menu_state(), dict(OFFERING))
    assert [reply.key for reply in said.replies] == ["offer_pause_how_long"]


def test_a_pause_with_a_length_that_cannot_be_read_says_so() -> None:
    [said] = replay_texts(["pauze tot blabla"], menu_state(), dict(OFFERING))
    assert [reply.key for reply in said.replies] == ["offer_pause_again"]
