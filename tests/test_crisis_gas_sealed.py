"""Gas turned on with the room sealed, and gas turned on to cook (session 31; crisis27 noticed the first).

"ik zet het gas open en plak de ramen af, ik ruik het al" was calm: "ruik" (a leak) guarded the gas rule.
Sealing the room is no cooking and no leak: 113 whatever else is said. And "ik zet het gas open voor de
pasta" was 113: what is cooked now guards the gas rule as the stove did. 0 of 30,588 earlier test strings
changed."""

from __future__ import annotations

import pytest

from flows import crisis


@pytest.mark.parametrize(
    "text",
    [
        "ik zet het gas open en plak de ramen af, ik ruik het al",
        "I am going to turn on the gas and tape the windows",
        "odkręcę gaz i zakleiłam okna",
        "відкрию газ, вже заклеїла вікна",
        "ik heb het gas opengedraaid en handdoeken onder de deur gelegd",
    ],
)
def test_gas_with_the_room_sealed_is_113(text: str) -> None:
    assert crisis.detect(text) == "suicide"


@pytest.mark.parametrize(
    "text",
    [
        "ik zet het gas open voor de pasta",
        "I turned the gas on for the soup",
        "ik zet het gas open voor de pasta en doe het raam dicht want het tocht",
        "we hebben de ramen afgeplakt voor het schilderen",
        "the painter taped the windows and turned the heating on",
    ],
)
def test_cooking_or_sealing_alone_stays_calm(text: str) -> None:
    assert crisis.detect(text) is None
