"""A neighbourhood by name, alias, typo or postcode. Paraphrases, not corpus sentences."""

from __future__ import annotations

import pytest

from flows import places
from flows.understanding.neighbourhoods import PlaceReading, read_neighbourhood
from flows.understanding.reading import read

NAMED = [
    ("Molenwijk", "Molenwijk"),
    ("ik woon in de molenwijk", "Molenwijk"),
    ("molen wijk", "Molenwijk"),
    ("molenwjik", "Molenwijk"),
    ("blomhof", "Bloemhof"),
    ("oudehaven", "Oude Haven"),
    ("oude havn", "Oude Haven"),
    ("in het centrum, vlakbij de markt", "Oude Haven"),
    ("akkers", "De Akkers"),
    ("Oude-Haven", "Oude Haven"),
    ("d'akkers", "De Akkers"),
    ("we wonen al jaren in De Akkers", "De Akkers"),
    ("mijn moeder woont in de Akkers, ik in Molenwijk", "Molenwijk"),
    ("ik woon in Bloemhof en mijn dochter in de Akkers", "Bloemhof"),
]

POSTCODES = [
    ("7393", "7393"),
    ("7396 xb", "7396"),
    ("mijn postcode is 7398AA", "7398"),
    ("1012 AB", "1012"),
    ("zeven drie negen acht", "7398"),
    ("drieënzeventig vierennegentig", "7394"),
    ("7 3 9 5", "7395"),
]

UNKNOWN = [
    "naast de bakker",
    "Molenweg 12",
    "bij het winkelcentrum",
    "wij wonen in Amersfoort",
    "Lindenhoven",
    "wat is een wijk?",
    "hoezo wil je dat weten",
    "bel me op 06 1234 5678",
    "",
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_named(text: str, expected: str) -> None:
    reading = read_neighbourhood(text, "nl")
    assert (reading.neighbourhood, reading.postcode) == (expected, None)
    assert reading.confidence >= 0.5


@pytest.mark.parametrize(("text", "digits"), POSTCODES)
def test_postcode_only(text: str, digits: str) -> None:
    assert read_neighbourhood(text, "nl") == PlaceReading(None, digits, 0.95)


@pytest.mark.parametrize("text", UNKNOWN)
def test_unknown(text: str) -> None:
    assert read_neighbourhood(text, "nl") == PlaceReading()


def test_a_postcode_and_a_name_give_both() -> None:
    reading = read_neighbourhood("7391 AB, Molenwijk", "nl")
    assert (reading.neighbourhood, reading.postcode) == ("Molenwijk", "7391")


def test_another_municipality() -> None:
    other = places.load_municipality("beekdal")
    name = other.neighbourhoods[0].name
    assert read_neighbourhood(f"ik woon in {name}", "nl", other).neighbourhood == name
    assert read_neighbourhood("Molenwijk", "nl", other) == PlaceReading()


def test_read_gives_the_corpus_keys() -> None:
    assert read("neighbourhood", "de oude haven", lang="nl").to_corpus() == {"neighbourhood": "Oude Haven"}
    assert read("neighbourhood", "7392", lang="nl").to_corpus() == {"postcode": "7392"}
    assert read("neighbourhood", "achter het station", lang="nl").to_corpus() == {"unknown": True}
