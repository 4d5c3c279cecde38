# ruff: noqa: RUF001
"""Two questions about Voordeur itself that were read as requests for help (session 31): "zijn jullie van
de gemeente?" (faq who) and a new phone number told ("mijn telefoonnummer is veranderd": KOPPEL, or MENS)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flows.conversation import step
from flows.types import Event
from tests.dialogue_redteam_support import RIA, menu_state
from tests.golden_runner import profile_from

NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)


def keys(text: str) -> list[str]:
    result = step(menu_state(), Event(kind="text", text=text), NOW, profile_from(RIA))
    return [reply.key for reply in result.replies if reply.key != "language_followed"]


@pytest.mark.parametrize(
    "text",
    [
        "mijn telefoonnummer is veranderd",
        "ik heb een nieuw nummer",
        "I have a new number",
        "yeni numaram var",
        "mam nowy numer",
        "у мене новий номер",
        "عندي رقم جديد",
    ],
)
def test_a_new_number_is_told_how_to_keep_the_history(text: str) -> None:
    assert keys(text)[0] == "faq_new_number"


@pytest.mark.parametrize("text", ["zijn jullie van de gemeente?", "are you from the council?"])
def test_asking_whether_we_are_the_municipality_is_about_us(text: str) -> None:
    assert keys(text)[0] == "faq_who"


@pytest.mark.parametrize(
    "text",
    [
        "mijn nummer is 0612345678",
        "kan iemand mijn nieuwe telefoon instellen?",
        "zijn jullie van de gemeente? ik zoek hulp met mijn tuin",
    ],
)
def test_a_number_given_or_a_request_beside_it_is_no_such_question(text: str) -> None:
    assert not {"faq_new_number", "faq_who"} & set(keys(text))
