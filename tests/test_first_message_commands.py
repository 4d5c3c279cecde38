"""A new person's very first message that is a command in words (a person asked for, a stop) is answered
in the language it is written in, as the welcome would be. Round dialogue31 found "momkin nhder m3a chi
wahed" (Darija: can I talk to someone) answered in Dutch: the command was read before the first-contact
welcome, which is where the language used to be set (flows/conversation.py `_route`)."""

from __future__ import annotations

import pytest

from flows.conversation import new_state
from tests.dialogue_redteam_support import replay_items

FIRST = [
    ("can I please talk to a real person", "human_requested", "en"),
    ("bir insanla konuşmak istiyorum", "human_requested", "tr"),
    ("chcę porozmawiać z człowiekiem", "human_requested", "pl"),
    ("я хочу поговорити з людиною", "human_requested", "uk"),
    ("أريد أن أتكلم مع شخص", "human_requested", "ar"),
    ("momkin nhder m3a chi wahed mn l equipe", "human_requested", "ar"),
    ("ik wil een mens spreken", "human_requested", "nl"),
    ("stop sending me messages please", "stop_check", "en"),
]


@pytest.mark.parametrize(("text", "key", "lang"), FIRST)
def test_a_first_message_command_is_answered_in_its_language(text: str, key: str, lang: str) -> None:
    [result] = replay_items([text], new_state(), {})
    assert [reply.key for reply in result.replies] == [key]
    assert result.state["lang"] == lang
