"""Loneliness said without the word ("ik heb al drie dagen niemand gesproken", "niemand komt meer langs")
points to the sociale kaart (maatjes, buurthuis) as "ik voel me eenzaam" does (intents.toml [lonely]);
a question about a request or a sick day is no loneliness. Added in session 23 after a probe found these
read as nothing at all."""

from __future__ import annotations

import pytest

from flows.understanding import read


@pytest.mark.parametrize(
    "text",
    [
        "ik heb al drie dagen niemand gesproken",
        "ik heb al weken niemand meer gezien",
        "niemand komt meer langs",
        "er komt nooit meer iemand bij me langs",
        "ik zie nooit iemand",
        "ik spreek bijna niemand meer",
        "ik heb niemand om mee te praten",
        "ik heb geen aanspraak",
        "nobody visits me anymore",
        "no one to talk to",
    ],
)
@pytest.mark.parametrize("context", ["first_message", "menu"])
def test_loneliness_without_the_word_points_to_the_sociale_kaart(context: str, text: str) -> None:
    assert read(context, text).intent == "service_question"


@pytest.mark.parametrize(
    "text",
    [
        "heb jij niemand gesproken over mijn vraag",
        "ik heb vandaag niemand gezien want ik was ziek",
    ],
)
def test_what_is_no_loneliness_is_not_read_as_it(text: str) -> None:
    assert read("first_message", text).intent != "service_question"
