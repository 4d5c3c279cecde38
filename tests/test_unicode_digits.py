"""Characters that are digits to `str.isdigit()` but no decimal digit ("𐩀", Kharoshthi one): `int()` refuses
them, and the time reader, `number_in` and the menu's numbers raised on them (a message "① en 𐩀" stopped the
step). Numbers are read from decimal digits only (`isdecimal`: also Arabic-Indic "٣", which `int` reads)."""

from __future__ import annotations

import pytest

from flows.conversation import new_state
from flows.normalise import number_in
from tests.dialogue_redteam_support import RIA, menu_state, replay_items


@pytest.mark.parametrize("text", ["① en 𐩀", "om 𐩀 uur", "𐩀𐩁 weken", "kies 𐩀 en 2"])
def test_a_digit_that_is_no_number_is_no_crash(text: str) -> None:
    [at_menu] = replay_items([text], menu_state("nl"), dict(RIA))
    [first] = replay_items([text], new_state(), {})
    assert at_menu.replies and first.replies


def test_decimal_digits_of_any_script_are_numbers() -> None:
    assert (number_in("12"), number_in("٣"), number_in("𐩀")) == (12, 3, None)
