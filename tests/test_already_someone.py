"""Someone else helps already, told as news at the menu (session 31, conversation.toml [already_someone]).

"wij hebben al iemand voor de hond, dank u" was read as a new request for the dog ("Wanneer?"). With a
request out it now asks whether to cancel it (as "laat maar, de buurman doet het al" did); without one it
is heard. A question ("is er al iemand gevonden?") stays the status question, and news with a "but" and a
new need after it stays a request."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flows.conversation import step
from flows.types import Event
from tests.dialogue_redteam_support import RIA, menu_state
from tests.golden_runner import profile_from

NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)
DOG = {
    "id": 7,
    "category": "huisdieren",
    "status": "open",
    "description": "hond uitlaten",
    "when": {"kind": "asap"},
}
WITH_REQUEST = profile_from({**RIA, "open_requests": [DOG]})
WITHOUT = profile_from(RIA)

NEWS = [
    ("nl", "wij hebben al iemand voor de hond, dank u"),
    ("nl", "we hebben inmiddels iemand gevonden"),
    ("nl", "is al geregeld hoor, bedankt"),
    ("en", "we found someone already for the dog, thanks"),
    ("tr", "köpek için birini bulduk, teşekkürler"),
    ("pl", "mamy już kogoś do psa, dziękuję"),
    ("uk", "ми вже знайшли людину для собаки, дякую"),
    ("ar", "لقينا شي واحد للكلب، شكرا"),
]


def keys(text: str, lang: str, profile: object) -> list[str]:
    result = step(menu_state(lang), Event(kind="text", text=text), NOW, profile)  # type: ignore[arg-type]
    return [reply.key for reply in result.replies if reply.key != "language_followed"]


@pytest.mark.parametrize(("lang", "text"), NEWS)
def test_with_a_request_out_it_asks_whether_to_cancel_it(lang: str, text: str) -> None:
    assert keys(text, lang, WITH_REQUEST) == ["cancel_request_question"]


@pytest.mark.parametrize(("lang", "text"), NEWS)
def test_without_a_request_it_is_heard_and_no_request_starts(lang: str, text: str) -> None:
    assert keys(text, lang, WITHOUT) == ["already_someone_heard"]


@pytest.mark.parametrize(
    "text",
    [
        "is er al iemand gevonden voor de hond?",
        "ik heb al hulp voor de tuin maar zoek iemand voor de hond",
        "ik heb al iemand gevraagd maar die kan niet, kan iemand anders de hond uitlaten?",
        "we found someone already, but could someone help with shopping",
    ],
)
def test_a_question_or_a_new_need_after_a_but_is_no_news(text: str) -> None:
    for profile in (WITH_REQUEST, WITHOUT):
        assert not {"cancel_request_question", "already_someone_heard"} & set(keys(text, "nl", profile))
