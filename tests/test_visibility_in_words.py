""" "Wie mag je vraag zien?" answered without choosing (flows/ask.py `_any_visibility`).

Before (session 27): "ja" or "weet ik niet" there was a miss ("Dat begreep ik niet helemaal"); now the
most private choice, read back, and the summary."""

from __future__ import annotations

import pytest

from tests.dialogue_redteam_support import RIA, menu_state, replay_texts

TO_VISIBILITY = ["ik zoek iemand voor mijn tuin", "morgen", "niet dringend"]


@pytest.mark.parametrize("text", ["ja", "ja hoor", "maakt niet uit", "weet ik niet", "geen idee"])
def test_no_choice_keeps_it_most_private(text: str) -> None:
    *_, result = replay_texts([*TO_VISIBILITY, text], menu_state(), dict(RIA))
    assert [reply.key for reply in result.replies] == ["visibility_default", "ask_summary"]
    assert result.state["ask"]["visibility"] == "helper"


def test_a_choice_in_words_is_taken() -> None:
    *_, result = replay_texts([*TO_VISIBILITY, "het buurtteam mag het ook zien"], menu_state(), dict(RIA))
    assert result.state["ask"]["visibility"] == "helper_and_staff"
    assert "visibility_default" not in [reply.key for reply in result.replies]
