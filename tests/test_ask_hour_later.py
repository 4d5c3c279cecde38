"""An hour said on its own after the time question completes a day said earlier (flows/ask.py
`_hour_for_the_day`): "kan er iemand dinsdag met me naar de dokter" reads as Tuesday, and "om 10 uur"
at the summary makes it Tuesday 10:00, read back, instead of "Dat begreep ik niet helemaal"."""

from __future__ import annotations

from typing import Any

import pytest

from flows.when import When
from tests.dialogue_redteam_support import RIA, menu_state, replay_texts

REQUEST = "goedemiddag, kan er iemand dinsdag met me naar de dokter"


def _last(texts: list[str]) -> Any:
    return replay_texts(texts, menu_state(), RIA)[-1]


def _when(result: Any) -> When:
    return When.from_json(result.state["ask"]["when"])


@pytest.mark.parametrize(
    ("said", "kind", "hour"),
    [("om 10 uur", "moment", 10), ("graag om 2 uur", "moment", 14), ("liefst 's middags", "daypart", 12)],
)
def test_an_hour_at_the_summary_completes_the_day(said: str, kind: str, hour: int) -> None:
    first = _last([REQUEST])
    assert first.state["step"] == "summary"
    day = _when(first).start
    result = _last([REQUEST, said])
    keys = [reply.key for reply in result.replies]
    assert keys == ["when_understood", "ask_summary"], keys
    when = _when(result)
    assert when.kind == kind
    assert when.start is not None and day is not None
    assert when.start.date() == day.date() and when.start.hour == hour


def test_a_request_with_a_time_already_gets_the_new_hour_on_its_day() -> None:
    """Round 15 changed this on purpose: "om 10 uur" at the summary of "dinsdag om 9 uur" was not
    understood ("Dat begreep ik niet helemaal"); now the hour is moved, the day kept, and read back."""
    with_hour = "kan er iemand dinsdag om 9 uur met me naar de dokter"
    before = _when(_last([with_hour]))
    result = _last([with_hour, "om 10 uur"])
    after = _when(result)
    assert before.start is not None and after.start is not None
    assert after.start.date() == before.start.date() and (after.start.hour, before.start.hour) == (10, 9)
    assert "when_understood" in [reply.key for reply in result.replies]


def test_an_hour_at_night_is_not_taken() -> None:
    result = _last([REQUEST, "om 3 uur 's nachts"])
    assert _when(result).kind == "flexible"
