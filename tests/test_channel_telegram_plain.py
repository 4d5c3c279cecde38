"""The short path for plain private texts (`plain_private_text`) against PTB's parser (the oracle):
wherever the short path answers, PTB answers the same; the rest goes to PTB."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import telegram
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.telegram import parse_update, parse_update_with_ptb, plain_private_text

FIXTURES = Path(__file__).parents[1].parent / "shared" / "fixtures" / "telegram"
BOT = telegram.Bot("123456789:AAEmulatedTelegramBotTokenForTests00")


def plain(text: str = "Hallo") -> dict[str, Any]:
    """The shape nearly every update has (as bench/conversations.py sends it)."""
    return {
        "update_id": 10_000_001,
        "message": {
            "message_id": 7,
            "from": {"id": 5550001, "is_bot": False, "first_name": "Ria", "language_code": "nl"},
            "chat": {"id": 5550001, "first_name": "Ria", "type": "private"},
            "date": 1763892000,
            "text": text,
        },
    }


@pytest.mark.parametrize("text", ["Hallo", "", "/start abc", "/STOP", "/menu@VoordeurBot", "/iets", " 1 "])
def test_plain_texts_take_the_short_path_and_read_as_ptb_reads_them(text: str) -> None:
    data = plain(text)
    short = plain_private_text(data)
    assert short is not None
    assert short == parse_update_with_ptb(data, BOT) == parse_update(data, BOT)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["message"].update(entities=[{"type": "bot_command", "offset": 0, "length": 6}]),
        lambda d: d["message"]["chat"].update(type="group"),
        lambda d: d["message"]["chat"].update(id=-100123),
        lambda d: d["message"]["from"].pop("first_name"),
        lambda d: d["message"].update(date="gisteren"),
        lambda d: d["message"].update(date=10**20),
        lambda d: d["message"].update(text=5),
        lambda d: d.update(update_id=True),
        lambda d: d.update(edited_message=None),
        lambda d: d["message"].update(photo=[]),
    ],
)
def test_anything_else_goes_to_ptb(change: Any) -> None:
    data = plain()
    change(data)
    assert plain_private_text(data) is None


def test_every_fixture_parses_as_ptb_parses_it() -> None:
    for path in sorted(FIXTURES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        short = plain_private_text(data)
        if short is not None:
            assert short == parse_update_with_ptb(data, BOT), path.name


_json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 1, 5550001, 2**31, 2**32, 2**32 + 1, 2**63 - 1, 2**63, -1]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
    st.sampled_from(["private", "group", "Private", "/start x", "/stop", "nl"]),
    st.just([]),
    st.just({}),
)
_PATHS: list[tuple[str, ...]] = [
    ("update_id",),
    ("message",),
    ("message", "message_id"),
    ("message", "date"),
    ("message", "text"),
    ("message", "chat"),
    ("message", "chat", "id"),
    ("message", "chat", "type"),
    ("message", "chat", "first_name"),
    ("message", "chat", "title"),
    ("message", "from"),
    ("message", "from", "id"),
    ("message", "from", "is_bot"),
    ("message", "from", "first_name"),
    ("message", "from", "language_code"),
    ("message", "from", "is_premium"),
    ("message", "caption"),
    ("message", "entities"),
    ("edited_message",),
]
_paths = st.sampled_from(_PATHS)
_DROP = object()


def _mutate(data: dict[str, Any], path: tuple[str, ...], value: Any, drop: bool) -> None:
    target: Any = data
    for key in path[:-1]:
        if not isinstance(target, dict) or not isinstance(target.get(key), dict):
            return
        target = target[key]
    if drop:
        target.pop(path[-1], None)
    else:
        target[path[-1]] = value


_SINGLE_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    5550001,
    2**31,
    2**32,
    2**32 + 1,
    2**40,
    2**63 - 1,
    2**63,
    10**20,
    1.5,
    "",
    "x",
    "private",
    "group",
    "nl",
    [],
    {},
    {"id": 1, "type": "private"},
]


def test_each_single_change_reads_as_ptb_reads_it() -> None:
    """Every field of the plain shape set to each kind of value (or dropped), one at a time."""
    answered = 0
    for path in _PATHS:
        for value in [*_SINGLE_VALUES, _DROP]:
            data = plain()
            _mutate(data, path, value, value is _DROP)
            short = plain_private_text(copy.deepcopy(data))
            if short is not None:
                answered += 1
                assert short == parse_update_with_ptb(data, BOT), (path, value)
    assert answered > 20  # the short path is exercised, not only refused


@settings(max_examples=400, deadline=None)
@given(
    changes=st.lists(st.tuples(_paths, _json_leaf, st.booleans()), max_size=3),
    text=st.text(max_size=20),
)
def test_where_the_short_path_answers_ptb_answers_the_same(
    changes: list[tuple[tuple[str, ...], Any, bool]], text: str
) -> None:
    data = plain(text)
    for path, value, drop in changes:
        _mutate(data, path, value, drop)
    short = plain_private_text(copy.deepcopy(data))
    if short is None:
        return
    assert short == parse_update_with_ptb(data, BOT)
