"""How a request stands, asked with "aanvraag" ("hoe staat het met mijn aanvraag?"): the status of the open
request, not a new request of the same kind. Before session 30 the MIJN VRAGEN phrases knew "vraag" and
"hulpvraag" there, not "aanvraag", and the message started a new garden request ("Wanneer?")."""

from __future__ import annotations

import pytest

from tests.dialogue_redteam_support import RIA, menu_state, replay_items

OPEN = {
    "id": 21,
    "category": "tuin",
    "description": "gras maaien",
    "when": {"kind": "asap"},
    "status": "open",
}
ASKED = [
    "hoe staat het met mijn aanvraag?",
    "waar staat het met mijn aanvraag",
    "is mijn aanvraag al opgepakt?",
]


@pytest.mark.parametrize("text", ASKED)
def test_the_status_is_told(text: str) -> None:
    [result] = replay_items([text], menu_state("nl"), {**RIA, "open_requests": [OPEN]})
    assert [reply.key for reply in result.replies] == ["request_status_open", "menu"]
