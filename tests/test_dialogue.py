"""Several choices in one answer (flows/dialogue.py `chosen_many`), as a volunteer picks kinds of help."""

from __future__ import annotations

from typing import Any

import pytest

from flows import categories
from flows.dialogue import chosen_many, prompt
from flows.types import Event


def offered_kinds() -> dict[str, Any]:
    state: dict[str, Any] = {"lang": "nl"}
    prompt(state, "offer_categories", categories.CATEGORY_CHOICES)
    return state


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("1", ("boodschappen",)),
        ("1 3 5", ("boodschappen", "klusjes", "administratie")),
        ("1,3,5", ("boodschappen", "klusjes", "administratie")),
        ("1, 3 en 5", ("boodschappen", "klusjes", "administratie")),
        ("5 en 1", ("boodschappen", "administratie")),
        ("1. 3.", ("boodschappen", "klusjes")),
        ("1+2", ("boodschappen", "vervoer")),
        ("1 1 1", ("boodschappen",)),
        ("Computer, telefoon", ("digitaal",)),
        ("Iets anders", ("anders",)),
        ("boodschappen en klusjes", ("boodschappen", "klusjes")),
        ("boodschappen klusjes", ("boodschappen", "klusjes")),
        ("boodschappen, 4 en iets anders", ("boodschappen", "gezelschap", "anders")),
        ("ik help graag met 2", ("vervoer",)),
        ("groceries and odd jobs", ("boodschappen", "klusjes")),
        ("11", None),
        ("0", None),
        ("1 en nog wat", None),
        ("hallo", None),
        ("", None),
    ],
)
def test_typed_kinds(text: str, kinds: tuple[str, ...] | None) -> None:
    assert chosen_many(offered_kinds(), Event("text", text=text), categories.recognise_all) == kinds


def test_a_button_is_one_choice_and_only_an_offered_one() -> None:
    state = offered_kinds()
    assert chosen_many(state, Event("choice", choice="vervoer")) == ("vervoer",)
    assert chosen_many(state, Event("choice", choice="menu")) is None
    assert chosen_many(state, Event("media")) is None
