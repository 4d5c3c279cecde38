"""The pure parts of the community flows: social-map matching, agenda dates, circle addresses."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from flows.agenda import ActivityInfo, near, reminder_at, this_week
from flows.circle import parse_address
from flows.social_map import ServiceInfo, best, is_question, question_words, stem
from storage.community import seed_data

MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def services() -> list[ServiceInfo]:
    return [
        ServiceInfo(
            id=index,
            name=s["name"],
            description=s["description"],
            categories=tuple(s["categories"]),
            terms=tuple(s["terms"]),
            neighbourhood=s["neighbourhood"] or None,
            hours=s["hours"],
            phone=s["phone"],
        )
        for index, s in enumerate(seed_data()["services"], start=1)
    ]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("formulieren", "formulier"),
        ("klussen", "klus"),
        ("briefjes", "brief"),
        ("post", "post"),
        ("taal", "taal"),
    ],
)
def test_stem_takes_off_plural_and_diminutive_endings(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("question", "neighbourhood", "first"),
    [
        ("waar kan ik terecht voor hulp bij formulieren", "molenwijk", "Formulierenbrigade Lindenhoven"),
        ("Waar kan ik terecht voor hulp bij formulirene?", "molenwijk", "Formulierenbrigade Lindenhoven"),
        ("belastingaangifte", "bloemhof", "Formulierenbrigade Lindenhoven"),
        ("ik heb schulden", "de_akkers", "Schuldhulp Lindenhoven"),
        ("hulp met mijn mobeil", "oude_haven", "Digicafé Bibliotheek Oude Haven"),
        ("computer", "de_akkers", "Digihulp De Akkers"),
        ("ik voel me eenzaam", "molenwijk", "Maatjesproject Samen Lindenhoven"),
        ("vervoer naar het ziekenhuis", "molenwijk", "Rijdende Buur Lindenhoven"),
        ("mantelzorger overbelast", "molenwijk", "Steunpunt Mantelzorg Lindenhoven"),
        # Session 27: boredom said as such finds the places for company.
        ("ik verveel me", "molenwijk", "Maatjesproject Samen Lindenhoven"),
        ("ik heb niks te doen de hele dag, ik verveel me", "bloemhof", "Maatjesproject Samen Lindenhoven"),
    ],
)
def test_the_best_service_comes_first(question: str, neighbourhood: str, first: str) -> None:
    found = best(question, services(), neighbourhood)
    assert found and found[0].name == first
    assert len(found) <= 3
    assert all(s.neighbourhood in (None, neighbourhood) for s in found)


def test_nothing_for_a_question_about_nothing_we_know() -> None:
    assert best("waar kan ik terecht voor mijn paard", services(), "molenwijk") == []
    assert best("waar kan ik terecht", services(), "molenwijk") == []


def test_a_service_of_another_neighbourhood_is_not_offered() -> None:
    found = best("computer", services(), "molenwijk")
    assert "Digihulp De Akkers" not in [s.name for s in found]


def test_question_words_drop_the_filler() -> None:
    assert question_words("Waar kan ik terecht voor hulp bij de belastingaangifte?") == (
        "belastingaangifte",
        "belasting",
        "aangifte",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Waar kan ik terecht voor hulp bij formulieren?", True),
        ("waar vind ik hulp met mijn computer", True),
        ("waar kan ik terecht", False),
        ("ik zoek iemand voor de boodschappen", False),
    ],
)
def test_is_question(text: str, expected: bool) -> None:
    assert is_question(text) is expected


def koffie(weekday: int, start: str = "10:00") -> ActivityInfo:
    return ActivityInfo(
        id=1,
        title="Koffieochtend",
        weekday=weekday,
        start=start,
        place="Buurthuis",
        neighbourhood="molenwijk",
    )


def test_this_week_lists_each_date_after_now_within_seven_days() -> None:
    # Monday 23 November 11:00 in Amsterdam: today's 10:00 has passed, today's 14:00 has not, next
    # Monday's 10:00 is within the seven days and its 14:00 is not.
    found = this_week([koffie(0), koffie(0, "14:00"), koffie(1)], MONDAY)
    assert [(o.on, o.activity.start) for o in found] == [
        (date(2026, 11, 23), "14:00"),
        (date(2026, 11, 24), "10:00"),
        (date(2026, 11, 30), "10:00"),
    ]
    assert found[0].starts_at == datetime(2026, 11, 23, 13, 0, tzinfo=UTC)


def test_reminder_is_six_in_the_evening_the_day_before_in_local_time() -> None:
    assert reminder_at(date(2026, 11, 24)) == datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    assert reminder_at(date(2026, 7, 1)) == datetime(2026, 6, 30, 16, 0, tzinfo=UTC), "summer time"


def test_near_is_own_and_adjacent() -> None:
    assert set(near("molenwijk")) == {"molenwijk", "oude_haven", "bloemhof"}
    assert len(near(None)) == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06 1234 5678", ("phone", "+31612345678")),
        ("+31 6 12345678", ("phone", "+31612345678")),
        ("0612345678", ("phone", "+31612345678")),
        ("+44 7911 123456", ("phone", "+447911123456")),
        ("@ans_de_vries", ("telegram", "@ans_de_vries")),
        ("0612", None),
        ("@abc", None),
        ("ans", None),
        ("", None),
    ],
)
def test_parse_address(text: str, expected: tuple[str, str] | None) -> None:
    assert parse_address(text) == expected
