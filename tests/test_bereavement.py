"""Someone close has died (flows/bereavement.py), told at the check-in, at the menu or beside a request.

Before (session 27): "Jan is vorige week overleden" at "Hoe gaat het deze week met zorgen voor Jan?" got
"Dat begreep ik niet helemaal" and the question again; "hij is vannacht rustig ingeslapen" was read as
"goed" ("Fijn om te horen!"); at the menu "mijn moeder is vannacht overleden" got the menu and a miss.
Replayed through `flows.conversation.step`."""

from __future__ import annotations

from typing import Any

import pytest

from flows import bereavement
from tests.dialogue_redteam_support import CARER, CHECKIN, RIA, menu_state, replay_items


def replay(items: list[Any], base: dict[str, Any]) -> list[Any]:
    return replay_items(items, menu_state(), base)


def keys(result: Any) -> list[str]:
    return [reply.key for reply in result.replies]


def kinds(result: Any) -> list[str]:
    return [effect.kind for effect in result.effects]


@pytest.mark.parametrize(
    "text",
    [
        "Jan is vorige week overleden",
        "hij is vannacht rustig ingeslapen",
        "hij is vanochtend in het ziekenhuis overleden",
        "mijn man is gisteren overleden",
        "Jan has passed away",
    ],
)
def test_the_one_cared_for_died_at_the_checkin(text: str) -> None:
    [_, told] = replay([CHECKIN, text], CARER)
    assert keys(told) == ["care_bereaved"]
    assert told.replies[0].params["name"] == "Jan"
    assert kinds(told) == ["care_stop", "alert_staff"], "no more check-ins about Jan; the team is told"
    assert told.effects[1].data == {"kind": "bereavement", "priority": "normal"}


@pytest.mark.parametrize(
    "text", ["mijn moeder is vorige week overleden", "goed, al is het verdrietig: de kat is overleden"]
)
def test_someone_else_died_keeps_the_checkins(text: str) -> None:
    [_, told] = replay([CHECKIN, text], CARER)
    assert keys(told) == ["bereaved"]
    assert kinds(told) == ["alert_staff"]


def test_the_call_offered_is_a_call_and_not_now_is_comforted() -> None:
    called = replay([CHECKIN, "Jan is overleden", {"choice": "care_offer::callback"}], CARER)[-1]
    assert keys(called) == ["care_callback_ok"]
    assert [e.data.get("kind") for e in called.effects if e.kind == "alert_staff"] == ["care_callback"]
    later = replay([CHECKIN, "Jan is overleden", {"choice": "care_offer::none"}], CARER)[-1]
    assert keys(later) == ["care_bereaved_later"], "no pointer to ZWAAR after a death"


def test_at_the_menu_without_a_registration_condolence_and_a_call() -> None:
    [told] = replay(["mijn moeder is vannacht overleden"], RIA)
    assert keys(told) == ["bereaved"]
    assert kinds(told) == ["alert_staff"]


def test_a_request_beside_it_goes_on_led_by_condolence() -> None:
    [asked] = replay(["mijn vrouw is vorige week overleden, kan iemand de boodschappen doen?"], RIA)
    assert asked.replies[0].key.startswith("ask_")
    assert asked.replies[0].lead == "bereaved_heard"
    assert "alert_staff" in kinds(asked)


def test_the_request_being_asked_comes_back_after_the_answer() -> None:
    results = replay(
        [
            "ik wil graag hulp met boodschappen",
            "mijn moeder is vorige week overleden",
            {"choice": "care_offer::none"},
        ],
        RIA,
    )
    assert keys(results[1]) == ["bereaved"]
    assert keys(results[2]) == ["care_bereaved_later", "ask_when"]


@pytest.mark.parametrize(
    "text",
    [
        "gelukkig is hij niet overleden",
        "ze is bijna gestorven van schrik",
        "mijn vader is in 2010 overleden",
        "mijn vader is al jaren geleden overleden",
        "de plant is dood",
        "ik ben doodmoe",
        "mijn telefoon is doodgegaan",
        "de accu van de auto is dood gegaan",
        "my phone died",
        "de dokter zei dat ze niet is overleden",
        "is de buurman overleden?",
        "op tv: de koningin is overleden",
    ],
)
def test_no_news_of_a_death_is_not_read_as_one(text: str) -> None:
    assert not bereavement.told(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jan is overleden",
        "he passed away last night",
        "babam vefat etti",
        "mama zmarła",
        "мама померла",
        "توفي زوجي",
    ],
)
def test_news_of_a_death_in_the_six_languages(text: str) -> None:
    assert bereavement.told(text)


@pytest.mark.parametrize(
    "text",
    [
        "mijn man is overleden en ik wil ook niet meer",
        "mijn man is vorige week overleden en ik wil niet meer",
        "my husband died and i dont want to go on",
    ],
)
def test_grief_and_not_wanting_to_go_on_is_a_crisis_first(text: str) -> None:
    """Before (session 27): "... overleden en ik wil ook niet meer" read no crisis (the clause "ik wil niet
    meer" counted only alone), and condolence came where 113 must."""
    [told] = replay([text], CARER)
    assert keys(told)[0] == "crisis_suicide"


@pytest.mark.parametrize(
    "text",
    [
        "mijn man is overleden en ik wil niet meer alleen zijn",
        "mijn man is overleden en ik wil niet meer in dit huis wonen",
        "mijn moeder is overleden en naar die rouwgroep wil ik niet meer",
    ],
)
def test_grief_and_a_wish_is_no_crisis(text: str) -> None:
    [told] = replay([text], RIA)
    assert not any(key.startswith("crisis") for key in keys(told)), keys(told)
