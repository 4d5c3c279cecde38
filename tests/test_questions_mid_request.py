"""Questions about Voordeur and not understanding, said at the question that takes any words.

Found probing as a resident (session 28): at "Vertel in een paar woorden wat je nodig hebt" every text is
taken as the description volunteers read, so "wat kost dit?", "wie ziet dit?", "hoe lang duurt het voordat
iemand reageert?", "ik snap er niks van" and "ik weet niet wat ik moet typen" became the request ("Je vraag:
wat kost dit?") and the bot asked when. Now a question about Voordeur is answered and the question asked
again as it was; not understanding gets the question's help. A description that names a kind of help with
such words stays a description.
"""

from __future__ import annotations

import pytest

from flows import catalogue
from tests.dialogue_redteam_support import RIA, Dialogue, as_params, assert_holds, menu_state, replay_texts

TO_DESCRIPTION = (("1", {}), ("1", {"keys": ["ask_description"]}))
AGAIN = {"not_keys": ["ask_when", "ask_summary"]}


def at_description(name: str, text: str, keys: list[str], lang: str = "nl") -> Dialogue:
    return Dialogue(
        name,
        (*TO_DESCRIPTION, (text, {**AGAIN, "keys": keys}), ("brood en melk halen", {"keys": ["ask_when"]})),
        state=menu_state(lang),
    )


CASES = [
    at_description("cost", "wat kost dit?", ["faq_cost", "ask_description"]),
    at_description("cost, other words", "kost het geld?", ["faq_cost", "ask_description"]),
    at_description("who sees it", "wie ziet dit?", ["faq_privacy", "ask_description"]),
    at_description(
        "how long", "hoe lang duurt het voordat iemand reageert?", ["faq_wait", "ask_description"]
    ),
    at_description("when do I hear", "wanneer hoor ik iets?", ["faq_wait", "ask_description"]),
    at_description("not understood", "ik snap er niks van", ["help_ask_description", "ask_description"]),
    at_description(
        "what to type", "ik weet niet wat ik moet typen", ["help_ask_description", "ask_description"]
    ),
    at_description("en: how long", "how long does it take?", ["faq_wait", "ask_description"], "en"),
    at_description("pl: how long", "jak długo trzeba czekać?", ["faq_wait", "ask_description"], "pl"),
    # A description with such words is a description.
    Dialogue(
        "a description that asks the price of the shopping",
        (*TO_DESCRIPTION, ("boodschappen halen, ik betaal de kosten zelf", {"keys": ["ask_when"]})),
    ),
    Dialogue(
        "a letter not understood is a description",
        (
            ("1", {}),
            ("5", {"keys": ["ask_description"]}),
            ("ik snap de brief van de gemeente niet", {"keys": ["ask_when"]}),
        ),
    ),
]


# At "Wie mag je vraag zien?" (session 28): an addition asked for, and sending without choosing.
TO_VISIBILITY = (
    ("1", {}),
    ("1", {}),
    ("brood en melk halen", {}),
    ("donderdagochtend", {}),
    ("3", {"keys": ["ask_visibility"]}),
)
CASES += [
    Dialogue(
        "zet erbij at the visibility question",
        (
            *TO_VISIBILITY,
            (
                "ja maar zet erbij dat ik slecht ter been ben",
                {"keys": ["description_added", "ask_visibility"]},
            ),
            ("1", {"keys": ["ask_summary"], "says": ["slecht ter been"]}),
        ),
    ),
    Dialogue(
        "send it without choosing: the most private, read back",
        (
            *TO_VISIBILITY,
            (
                "ja, verstuur maar. dank je wel!",
                {"keys": ["visibility_default", "ask_summary"], "says": ["Alleen wie helpt"]},
            ),
        ),
    ),
    Dialogue(
        "en: send it",
        (
            ("1", {}),
            ("1", {}),
            ("bread and milk", {}),
            ("thursday morning", {}),
            ("3", {"keys": ["ask_visibility"]}),
            ("just send it please", {"keys": ["visibility_default", "ask_summary"]}),
        ),
        state=menu_state("en"),
    ),
]


@pytest.mark.parametrize("case", as_params(CASES))
def test_questions_at_the_description(case: Dialogue) -> None:
    assert_holds(case)


def test_how_long_at_the_menu_is_answered() -> None:
    assert_holds(
        Dialogue("menu", (("hoe lang duurt het voordat iemand reageert?", {"keys": ["faq_wait", "menu"]}),))
    )


def test_a_request_until_a_day_is_any_time_until_then() -> None:
    """Session 29: "ik lig in het ziekenhuis tot vrijdag" made the request's time Friday itself; it is any
    time until Friday, read back as "tot en met vrijdag 27 november"."""
    [result] = replay_texts(
        ["Wie wil mijn hond uitlaten? Ik lig in het ziekenhuis tot vrijdag"], menu_state(), dict(RIA)
    )
    when = result.state["ask"]["when"]
    assert when["start"] is None and when["window"] == {"until": "2026-11-27"}
    assert "tot en met vrijdag 27 november" in catalogue.render(
        "ask_summary", "nl", result.state["prompt"]["params"]
    )


OUT = {
    **RIA,
    "open_requests": [
        {
            "id": 3,
            "category": "tuin",
            "description": "gras maaien",
            "status": "open",
            "when": {"kind": "asap"},
        }
    ],
}
ASKED_AT_THE_MENU = [
    # Session 29: how requests stand asked as a question leaves nobody without a next step.
    Dialogue(
        "status, then the menu",
        (("heeft er al iemand gereageerd?", {"keys": ["request_status_open", "menu"]}),),
        profile=OUT,
    ),
    Dialogue(
        "none out, then the menu", (("kan ik mijn vraag nog veranderen?", {"keys": ["no_requests", "menu"]}),)
    ),
    # "kan ik mijn vraag nog veranderen?" says how, and the next words change it.
    Dialogue(
        "how to change, then changed in words",
        (
            ("kan ik mijn vraag nog veranderen?", {"keys": ["request_change_how"], "says": ["MIJN VRAGEN"]}),
            ("liever woensdag", {"keys": ["request_change_confirm"], "says": ["woensdag 25 november"]}),
        ),
        profile=OUT,
    ),
]


@pytest.mark.parametrize("case", as_params(ASKED_AT_THE_MENU))
def test_requests_asked_about_at_the_menu(case: Dialogue) -> None:
    assert_holds(case)
