"""A carer who asks for concrete help at the menu gets the request, not only the check-in sign-up.

Session 29, probing as a mantelzorger: "ik ben mantelzorger en zoek iemand die een middag op mijn moeder
past" started MANTELZORG's registration ("Voor wie zorg je?") and the afternoon was lost: the split verb
"op ... past" named no kind of help. Sitting with someone is company (gezelschap), as "bij mijn moeder
zitten" already was; "op mijn hond passen" stays pets.
"""

from __future__ import annotations

import pytest

from flows.understanding import categories
from tests.dialogue_redteam_support import Dialogue, as_params, assert_holds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("iemand die een middag op mijn moeder past", "gezelschap"),
        ("kan iemand op opa letten", "gezelschap"),
        ("kan iemand op mijn hond passen", "huisdieren"),
    ],
)
def test_looking_after_someone_is_company(text: str, kind: str) -> None:
    assert categories.kind_in_prepared(categories.prepare(text))[0] == kind


CASES = [
    Dialogue(
        "a carer's request",
        (
            (
                "ik ben mantelzorger en zoek iemand die een middag op mijn moeder past",
                {"keys": ["ask_when"], "not_keys": ["care_who"]},
            ),
        ),
    ),
    Dialogue(
        "a carer's registration stays one",
        (("ik ben mantelzorger voor mijn vader met parkinson", {"keys": ["care_who*"]}),),
    ),
]


@pytest.mark.parametrize("case", as_params(CASES))
def test_a_carers_words_at_the_menu(case: Dialogue) -> None:
    assert_holds(case)
