"""A volunteer spoken of at the menu is no offer of help (session 31).

"de vrijwilliger is niet gekomen", "wie is mijn vrijwilliger?", "ik wil graag een andere vrijwilliger" all
started the volunteer's sign-up ("offer_intro"): the word "vrijwilliger" was a weak sign of an offer.
Now the volunteer's word with a determiner (intents.toml [volunteer_named]) offers nothing; a no-show or a
wish for another helper is a complaint (the team is told); who helps is the status of one's requests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flows.conversation import step
from flows.types import Event
from tests.dialogue_redteam_support import RIA, menu_state
from tests.golden_runner import profile_from

NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)
SHOPPING = {
    "id": 7,
    "category": "boodschappen",
    "status": "open",
    "description": "boodschappen",
    "when": {"kind": "asap"},
}
WITH_REQUEST = profile_from({**RIA, "open_requests": [SHOPPING]})


def keys(text: str) -> list[str]:
    result = step(menu_state(), Event(kind="text", text=text), NOW, WITH_REQUEST)
    return [reply.key for reply in result.replies if reply.key != "language_followed"]


@pytest.mark.parametrize(
    "text",
    [
        "de vrijwilliger is niet gekomen",
        "ik wil graag een andere vrijwilliger",
        "the volunteer didn't come",
        "gönüllü gelmedi",
        "wolontariusz nie przyszedł",
        "волонтер не прийшов",
    ],
)
def test_a_no_show_or_another_helper_wished_is_told_to_the_team(text: str) -> None:
    assert keys(text) == ["complaint_heard"]


@pytest.mark.parametrize("text", ["wie is mijn vrijwilliger?", "who is my volunteer?", "хто мій волонтер?"])
def test_who_helps_is_the_status_of_the_request(text: str) -> None:
    assert keys(text)[0] == "request_status_open"


@pytest.mark.parametrize("text", ["onze vrijwilliger is ziek", "de vrijwilliger was er niet"])
def test_other_words_about_the_volunteer_start_no_sign_up(text: str) -> None:
    assert "offer_intro" not in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "ik wil graag vrijwilliger worden",
        "ik wil me aanmelden als vrijwilliger",
        "ik ben vrijwilliger bij de voedselbank en wil ook hier helpen",
        "I would like to become a volunteer",
    ],
)
def test_wanting_to_volunteer_stays_an_offer(text: str) -> None:
    assert keys(text)[0] == "offer_intro"
