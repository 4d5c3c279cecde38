# ruff: noqa: RUF001
"""A call for help heard or coming from inside, someone calling out that they cannot get up, and the man
next door who beats his wife (left unread by round crisis25; data/crisis.toml "session 30"), beside the
look-alikes that must stay calm: a call for help alone, a moan heard, heard of rather than heard, asked
for rather than called for."""

from __future__ import annotations

import pytest

from flows import crisis

READ = [
    ("ik hoor mijn buurman om hulp roepen", "medical"),
    ("someone is shouting for help inside", "medical"),
    ("ik kom niet binnen en Jan roept dat hij niet kan opstaan", "medical"),
    ("ik hoor hem roepen dat hij niet kan opstaan", "medical"),
    ("słyszę jak sąsiad woła o pomoc", "medical"),
    ("я чую, як сусід кличе на допомогу", "medical"),
    ("duvardan yardım diye bağırıyor", "medical"),
    ("the man next door beats his wife", "violence"),
]
CALM = [
    "hij roept om hulp bij zijn huiswerk",
    "ik hoorde dat hij om hulp vroeg bij de gemeente",
    "I heard that she asked for help with her taxes",
    "ik hoorde hem kreunen van de spierpijn na het sporten",
    "ik hoor de tv, iemand roept om hulp in de film",
    "de kinderen roepen help help bij verstoppertje",
    "the man next door beats his carpets every spring",
    "ik hoor hem roepen dat het eten klaar is",
]


@pytest.mark.parametrize(("text", "danger"), READ)
def test_a_call_for_help_heard_is_read(text: str, danger: str) -> None:
    assert crisis.detect(text) == danger


@pytest.mark.parametrize("text", CALM)
def test_its_look_alikes_stay_calm(text: str) -> None:
    assert crisis.detect(text) is None
