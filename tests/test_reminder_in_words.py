"""A reminder asked for politely, the verb at the end (flows/reminders.py `_POLITE`).

Before (session 27): "kun je me elke dag om 8 uur herinneren aan mijn pillen?" became a help request
for shopping ("Je vraag: ... (Boodschappen) / elke dag, 08:00"): only "herinner me ..." and "remind me
..." at the start were reminders."""

from __future__ import annotations

import pytest

from tests.dialogue_redteam_support import RIA, menu_state, replay_texts


@pytest.mark.parametrize(
    ("text", "what", "freq"),
    [
        ("kun je me elke dag om 8 uur herinneren aan mijn pillen?", "mijn pillen", "daily"),
        ("wil je mij morgen om 10 uur herinneren aan de tandarts", "de tandarts", "once"),
        ("kunt u mij herinneren aan mijn afspraak bij de huisarts op vrijdag om 11 uur?", None, "once"),
        ("Could you remind me every tuesday at 9 to call my sister?", "call my sister", "weekly"),
        ("please remind me tomorrow at 8 to take my pills", "take my pills", "once"),
    ],
)
def test_a_polite_reminder_request_makes_a_reminder(text: str, what: str | None, freq: str) -> None:
    [result] = replay_texts([text], menu_state(), dict(RIA))
    [effect] = [effect for effect in result.effects if effect.kind == "remind_create"]
    if what is not None:
        assert effect.data["text"] == what
    assert effect.data["rule"]["freq"] == freq
    assert "ask" not in result.state, "no help request"


@pytest.mark.parametrize("text", ["kun je me helpen met de boodschappen", "can you help me with my garden"])
def test_a_request_is_still_a_request(text: str) -> None:
    [result] = replay_texts([text], menu_state(), dict(RIA))
    assert not [effect for effect in result.effects if effect.kind == "remind_create"]
