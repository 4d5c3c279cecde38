"""A meeting proposed in words in a thread (flows/meetings.py `proposed_in_words`): passed on to the
neighbour, and made a meeting (both reminded, "Is het gelukt?" after) when the person wants it.

Before (session 27): "kunnen we donderdag om 2 uur afspreken bij mij thuis?" was only passed on; the
meeting the follow-ups are built for was made only by someone who knew to send AFSPRAAK."""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import menu_state, replay_items
from tests.test_dialogues_redteam5 import AGREED, PLAN, WITH_THREAD

YES = {"choice": "meetw:3:yes"}
NO = {"choice": "meetw:3:no"}


def replay(items: list[Any]) -> list[Any]:
    return replay_items(items, menu_state(), WITH_THREAD)


def keys(result: Any) -> list[str]:
    return [reply.key for reply in result.replies]


def effects(result: Any) -> dict[str, dict[str, Any]]:
    return {effect.kind: dict(effect.data) for effect in result.effects}


def test_time_and_place_said_become_a_proposal() -> None:
    said, yes, plan = replay(["kunnen we donderdag om 2 uur afspreken bij mij thuis?", YES, PLAN])
    assert keys(said) == ["relay_sent", "meet_said_offer"]
    assert "relay" in effects(said), "the words still go to the neighbour"
    assert effects(yes) == {"meet_manage": {"thread_id": 3}}
    assert keys(plan) == ["meet_proposal_sent"]
    proposed = effects(plan)["meet_propose"]
    assert proposed["starts_at"] == "2026-11-26T14:00:00+01:00"
    assert proposed["place_kind"] == "home"


def test_a_time_without_a_place_asks_where_and_not_when() -> None:
    *_, plan, where = replay(["zullen we woensdag om 10 uur koffie drinken?", YES, PLAN, "in het buurthuis"])
    assert keys(plan) == ["meet_where"]
    assert keys(where) == ["meet_proposal_sent"]
    assert effects(where)["meet_propose"]["starts_at"] == "2026-11-25T10:00:00+01:00"


def test_the_answer_in_words_and_no() -> None:
    assert "meet_manage" in effects(replay(["kunnen we donderdag om 2 uur afspreken?", "ja graag"])[-1])
    no = replay(["kunnen we donderdag om 2 uur afspreken?", NO])[-1]
    assert keys(no) == ["meet_said_no"] and not no.effects


@pytest.mark.parametrize(
    "text",
    [
        "kunnen we morgen om 10 uur bellen?",  # a call, not a meeting
        "zullen we iets afspreken?",  # no time: AFSPRAAK's questions are for that
        "bedankt voor gisteren, het was gezellig",
        "om 10 uur ben ik bij de dokter",
    ],
)
def test_no_meeting_offered(text: str) -> None:
    [said] = replay([text])
    assert "meet_said_offer" not in keys(said)
    assert "relay" in effects(said)


def test_not_offered_when_a_meeting_is_ahead() -> None:
    *_, said = replay([AGREED, "kunnen we donderdag om 3 uur afspreken?"])
    assert "meet_said_offer" not in keys(said)
