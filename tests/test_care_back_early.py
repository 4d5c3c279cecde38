"""A paused carer back before the pause's end (session 31; round dialogue35 left it as a strict xfail).

"we zijn weer thuis, je mag weer vragen" said nothing to the bot: the check-ins stayed paused until the
date said when she left. Now the pause ends now (`care_pause` until now: the next check-in is the rhythm's
first from now), said with the rhythm. Not paused, or in the middle of another question: as before."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from flows.conversation import step
from flows.types import Event
from tests.dialogue_redteam_support import CARER, menu_state
from tests.golden_runner import profile_from

NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)
REGISTERED = profile_from(CARER)
assert REGISTERED.care is not None
PAUSED = replace(REGISTERED, care=replace(REGISTERED.care, resumes_at=NOW + timedelta(days=9)))


def result(text: str, profile: object, lang: str = "nl", state: dict[str, object] | None = None) -> tuple:
    found = step(state or menu_state(lang), Event(kind="text", text=text), NOW, profile)  # type: ignore[arg-type]
    keys = [reply.key for reply in found.replies if reply.key != "language_followed"]
    return keys, [(effect.kind, dict(effect.data)) for effect in found.effects]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "we zijn weer thuis, je mag weer vragen hoe het gaat"),
        ("en", "we're back home, you can ask again"),
        ("tr", "eve döndük, tekrar sorabilirsiniz"),
        ("pl", "już wróciłyśmy, można znowu pytać"),
    ],
)
def test_back_early_ends_the_pause_now(lang: str, text: str) -> None:
    keys, effects = result(text, PAUSED, lang)
    assert keys == ["care_resumed"]
    assert effects == [("care_pause", {"until": NOW.isoformat()})]


def test_not_paused_it_is_read_as_before() -> None:
    keys, effects = result("we zijn weer thuis, je mag weer vragen hoe het gaat", REGISTERED)
    assert "care_resumed" not in keys and not any(kind == "care_pause" for kind, _ in effects)


def test_in_the_middle_of_another_question_it_is_no_return() -> None:
    asking = {**menu_state(), "flow": "ask", "prompt": {"key": "ask_when"}}
    keys, _ = result("we zijn weer thuis", PAUSED, state=asking)
    assert "care_resumed" not in keys
