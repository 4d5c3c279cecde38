"""Postcodes, neighbourhood names typed any way, distances, and the demo municipality's data file."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.places import (
    DATA_DIR,
    MUNICIPALITY_FILES,
    Contact,
    Municipality,
    Neighbourhood,
    Postcode,
    distance_km,
    find_neighbourhood,
    load_municipality,
    municipality_from_toml,
    nearby,
    parse_postcode,
)

LINDENHOVEN = load_municipality()


def hood(
    key: str, name: str, pc4: str, lat: float, lon: float, adjacent: tuple[str, ...] = ()
) -> Neighbourhood:
    return Neighbourhood(key, name, (), (pc4,), lat, lon, adjacent)


# Two pairs of similar names, to test ambiguity independently of the demo data.
SIMILAR = Municipality(
    key="testdorp",
    name="Testdorp",
    buurtverbinder=Contact("Test"),
    neighbourhoods=(
        hood("noord", "Noord", "1001", 52.00, 5.00),
        hood("noordoost", "Noordoost", "1002", 52.00, 5.01),
        hood("molenwijk", "Molenwijk", "1003", 52.01, 5.00),
        hood("molenhoek", "Molenhoek", "1004", 52.02, 5.00),
    ),
)


# --- postcodes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7391 AB", "7391 AB"),
        ("7391AB", "7391 AB"),
        ("7391 ab", "7391 AB"),
        ("7391ab", "7391 AB"),
        ("7391-AB", "7391 AB"),
        ("  7391   AB  ", "7391 AB"),
        ("7391", "7391"),
        ("1000 AA", "1000 AA"),
        ("9999 ZZ", "9999 ZZ"),
        ("1234 XY straatnaam 5", "1234 XY"),
        ("Molenweg 12, 7391 AB Lindenhoven", "7391 AB"),
        ("postcode: 7391AB.", "7391 AB"),
        ("mijn postcode is 7391", "7391"),
        ("7391 molenweg", "7391"),
        ("\uff17\uff13\uff19\uff11 AB", "7391 AB"),  # full-width digits
        # Arabic-Indic and Persian digits, as an Arabic keyboard types them (round 10 of the dialogues)
        ("\u0667\u0663\u0669\u0661 AB", "7391 AB"),
        ("\u06f7\u06f3\u06f9\u06f3", "7393"),
    ],
)
def test_valid_postcodes(text: str, expected: str) -> None:
    postcode = parse_postcode(text)
    assert postcode is not None
    assert str(postcode) == expected


@pytest.mark.parametrize(
    "text",
    [
        "0123 AB",  # starts with 0
        "0123",
        "1234 SA",  # letter pairs never issued
        "1234 SD",
        "1234 ss",
        "12345",
        "123",
        "123 AB",
        "1234ABC",
        "1234AB12",
        "0612345678",
        "06-12345678",
        "06 1234 5678",
        "+31 6 1234 5678",
        "+31612345678",
        "1234 5678",
        "+1234",
        "abc1234",
        "",
        "molenwijk",
        # Arabic-Indic digits are read as digits (round 10 of the dialogues): these are no postcode
        "\u0660\u0661\u0662\u0663",
        "\u0661\u0662\u0663\u0664\u0665",
    ],
)
def test_not_postcodes(text: str) -> None:
    assert parse_postcode(text) is None


def test_postcode_digits_are_all_matching_needs() -> None:
    postcode = parse_postcode("7391 ab")
    assert postcode == Postcode("7391", "AB")
    assert postcode is not None and postcode.digits == "7391"
    assert Postcode("7391").letters is None


@pytest.mark.parametrize(
    ("digits", "letters"), [("0123", "AB"), ("1234", "SS"), ("123", None), ("1234", "ab")]
)
def test_postcode_refuses_invalid_values(digits: str, letters: str | None) -> None:
    with pytest.raises(ValueError, match="not a Dutch postcode"):
        Postcode(digits, letters)


# --- neighbourhoods by name or postcode --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "fuzzy"),
    [
        ("Molenwijk", "molenwijk", False),
        ("molenwijk", "molenwijk", False),
        ("MOLENWIJK", "molenwijk", False),
        ("De Molenwijk", "molenwijk", False),
        ("de molenwijk.", "molenwijk", False),
        ("molen wijk", "molenwijk", False),
        ("ik woon in de molenwijk", "molenwijk", False),
        ("Molenwijk, Lindenhoven", "molenwijk", False),
        ("molenwjik", "molenwijk", True),
        ("molnwijk", "molenwijk", True),
        ("oude haven", "oude_haven", False),
        ("Oudehaven", "oude_haven", False),
        ("de Oude Haven!", "oude_haven", False),
        ("oude hvn", "oude_haven", True),
        ("centrum", "oude_haven", False),
        ("Bloemhof", "bloemhof", False),
        ("Bloemhóf", "bloemhof", False),
        ("bloemhf", "bloemhof", True),
        ("De Akkers", "de_akkers", False),
        ("akkers", "de_akkers", False),
        ("akers", "de_akkers", True),
    ],
)
def test_neighbourhood_by_name(text: str, key: str, fuzzy: bool) -> None:
    match = find_neighbourhood(text, LINDENHOVEN)
    assert match.status == "found"
    assert match.neighbourhood is not None and match.neighbourhood.key == key
    assert match.fuzzy is fuzzy
    assert match.postcode is None


def test_a_neighbourhood_key_that_is_not_the_municipalitys_is_none_or_a_key_error() -> None:
    """`get` for keys a profile, an answer or an agenda item may hold (not given yet, gone, made up);
    `neighbourhood` for keys the code holds itself."""
    assert LINDENHOVEN.get("molenwijk") is LINDENHOVEN.neighbourhood("molenwijk")
    for key in ("", "centrum", "helper", "MOLENWIJK"):
        assert LINDENHOVEN.get(key) is None
        with pytest.raises(KeyError):
            LINDENHOVEN.neighbourhood(key)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("7391 AB", "molenwijk"),
        ("7392", "molenwijk"),
        ("7393ab", "oude_haven"),
        ("7396-XY", "bloemhof"),
        ("7398 AA De Akkers", "de_akkers"),
        ("Molenweg 12, 7395 AB Lindenhoven", "bloemhof"),  # the postcode wins over the street name
    ],
)
def test_neighbourhood_by_postcode(text: str, key: str) -> None:
    match = find_neighbourhood(text, LINDENHOVEN)
    assert match.status == "found"
    assert match.neighbourhood is not None and match.neighbourhood.key == key
    assert match.postcode is not None and match.postcode.digits in match.neighbourhood.postcodes


@pytest.mark.parametrize(
    ("text", "postcode"), [("1234 XY straatnaam 5", "1234 XY"), ("7399", "7399"), ("1011ab", "1011 AB")]
)
def test_postcode_outside_the_municipality(text: str, postcode: str) -> None:
    match = find_neighbourhood(text, LINDENHOVEN)
    assert match.status == "outside"
    assert match.neighbourhood is None
    assert str(match.postcode) == postcode


@pytest.mark.parametrize(
    "text", ["0123 AB", "1234 SA", "1234 SS", "12345", "0612345678", "+31 6 1234 5678", "06 1234 5678", "123"]
)
def test_invalid_postcode(text: str) -> None:
    match = find_neighbourhood(text, LINDENHOVEN)
    assert match.status == "invalid_postcode"
    assert match.neighbourhood is None and match.postcode is None


@pytest.mark.parametrize(
    "text", ["", "   ", "hallo", "ja", "wijk", "de", "Amsterdam", "ik wil hulp", "🙂", "molenweg"]
)
def test_unknown(text: str) -> None:
    assert find_neighbourhood(text, LINDENHOVEN).status == "unknown"


def test_a_name_wins_over_an_invalid_postcode() -> None:
    match = find_neighbourhood("1234 SA Bloemhof", LINDENHOVEN)
    assert match.status == "found"
    assert match.neighbourhood is not None and match.neighbourhood.key == "bloemhof"


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("molen", ["molenhoek", "molenwijk"]),
        ("noordo", ["noord", "noordoost"]),
        ("noordoots", ["noord", "noordoost"]),
    ],
)
def test_ambiguous_names_give_candidates(text: str, candidates: list[str]) -> None:
    match = find_neighbourhood(text, SIMILAR)
    assert match.status == "ambiguous"
    assert match.neighbourhood is None
    assert sorted(candidate.key for candidate in match.candidates) == candidates


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("noord", "noord"),
        ("Noordoost", "noordoost"),
        ("noord oost", "noordoost"),
        ("Noord-Oost", "noordoost"),
        ("noordoos", "noordoost"),  # a typo of the longer name beats merely containing the shorter one
        ("nord", "noord"),
        ("molnhoek", "molenhoek"),
    ],
)
def test_similar_names_that_are_not_ambiguous(text: str, key: str) -> None:
    match = find_neighbourhood(text, SIMILAR)
    assert match.status == "found"
    assert match.neighbourhood is not None and match.neighbourhood.key == key


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_find_neighbourhood_never_raises(text: str) -> None:
    match = find_neighbourhood(text, LINDENHOVEN)
    assert match.status in {"found", "outside", "ambiguous", "unknown", "invalid_postcode"}
    assert (match.neighbourhood is not None) == (match.status == "found")
    assert bool(match.candidates) == (match.status == "ambiguous")


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[1-9][0-9]{3} ?[A-Z]{2}", fullmatch=True))
def test_every_well_formed_postcode_parses_unless_its_letters_are_unissued(text: str) -> None:
    postcode = parse_postcode(text)
    if text[-2:] in {"SA", "SD", "SS"}:
        assert postcode is None
    else:
        assert postcode is not None and str(postcode) == f"{text[:4]} {text[-2:]}"


# --- distances and nearby ----------------------------------------------------------------------


def test_distance_is_zero_to_itself_and_symmetric() -> None:
    molenwijk, akkers = LINDENHOVEN.neighbourhood("molenwijk"), LINDENHOVEN.neighbourhood("de_akkers")
    assert distance_km(molenwijk, molenwijk) == 0
    assert distance_km(molenwijk, akkers) == pytest.approx(distance_km(akkers, molenwijk))


def test_distance_matches_a_known_value() -> None:
    # One degree of latitude is about 111.2 km on the mean-radius sphere.
    a = hood("a", "A", "1001", 52.0, 5.0)
    b = hood("b", "B", "1002", 53.0, 5.0)
    assert distance_km(a, b) == pytest.approx(111.19, abs=0.01)


def test_demo_distances_are_a_small_town() -> None:
    for a in LINDENHOVEN.neighbourhoods:
        for b in LINDENHOVEN.neighbourhoods:
            assert distance_km(a, b) < 5


@pytest.mark.parametrize(
    ("key", "max_km", "order"),
    [
        ("molenwijk", None, ["molenwijk", "oude_haven", "bloemhof", "de_akkers"]),
        ("molenwijk", 2.0, ["molenwijk", "oude_haven", "bloemhof"]),
        ("de_akkers", None, ["de_akkers", "oude_haven", "bloemhof", "molenwijk"]),
        ("de_akkers", 0.1, ["de_akkers", "oude_haven", "bloemhof"]),  # adjacent ones stay in
        ("oude_haven", None, ["oude_haven", "bloemhof", "molenwijk", "de_akkers"]),  # all adjacent
    ],
)
def test_nearby_order(key: str, max_km: float | None, order: list[str]) -> None:
    found = nearby(LINDENHOVEN.neighbourhood(key), LINDENHOVEN, max_km=max_km)
    assert [neighbourhood.key for neighbourhood in found] == order


def test_nearby_puts_adjacent_before_a_closer_non_adjacent() -> None:
    home = hood("home", "Home", "1001", 52.0, 5.0, adjacent=("far",))
    far = hood("far", "Far", "1002", 52.0, 5.1, adjacent=("home",))
    close = hood("close", "Close", "1003", 52.0, 5.01)
    town = Municipality("t", "T", Contact("T"), (close, far, home))
    assert [n.key for n in nearby(home, town)] == ["home", "far", "close"]


# --- the data file -----------------------------------------------------------------------------


def raw_demo() -> dict[str, Any]:
    with (DATA_DIR / MUNICIPALITY_FILES["lindenhoven"]).open("rb") as handle:
        return tomllib.load(handle)


def test_demo_municipality() -> None:
    assert LINDENHOVEN.key == "lindenhoven"
    assert LINDENHOVEN.name == "Gemeente Lindenhoven"
    assert LINDENHOVEN.buurtverbinder.name
    assert LINDENHOVEN.buurtverbinder.phone == ""  # no (real-looking) numbers in demo data
    assert load_municipality("lindenhoven") is LINDENHOVEN  # cached
    assert (DATA_DIR / "__init__.py").exists()  # so the data files ship with the package


def test_demo_has_four_neighbourhoods_with_snake_case_keys() -> None:
    keys = [neighbourhood.key for neighbourhood in LINDENHOVEN.neighbourhoods]
    assert sorted(keys) == ["bloemhof", "de_akkers", "molenwijk", "oude_haven"]
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", key) for key in keys)


def test_each_pc4_is_in_exactly_one_neighbourhood() -> None:
    counts = Counter(pc4 for neighbourhood in LINDENHOVEN.neighbourhoods for pc4 in neighbourhood.postcodes)
    assert counts and all(count == 1 for count in counts.values())
    assert all(re.fullmatch(r"[1-9][0-9]{3}", pc4) for pc4 in counts)
    assert all(neighbourhood.postcodes for neighbourhood in LINDENHOVEN.neighbourhoods)


def test_adjacency_is_symmetric_and_known() -> None:
    by_key = {neighbourhood.key: neighbourhood for neighbourhood in LINDENHOVEN.neighbourhoods}
    for neighbourhood in LINDENHOVEN.neighbourhoods:
        assert neighbourhood.adjacent
        for other in neighbourhood.adjacent:
            assert other != neighbourhood.key
            assert neighbourhood.key in by_key[other].adjacent


def test_every_name_and_alias_finds_its_own_neighbourhood() -> None:
    for neighbourhood in LINDENHOVEN.neighbourhoods:
        for name in (neighbourhood.name, *neighbourhood.aliases):
            match = find_neighbourhood(name, LINDENHOVEN)
            assert match.neighbourhood == neighbourhood, name
            assert not match.fuzzy


def test_centres_lie_in_the_netherlands() -> None:
    for neighbourhood in LINDENHOVEN.neighbourhoods:
        assert 50.7 < neighbourhood.lat < 53.6 and 3.3 < neighbourhood.lon < 7.3


def test_unknown_municipality() -> None:
    with pytest.raises(KeyError):
        load_municipality("nergenshuizen")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data["neighbourhoods"][0].update(key="Molen-Wijk"), "snake_case"),
        (lambda data: data["neighbourhoods"][1]["postcodes"].append("7391"), "PC4 7391 in both"),
        (lambda data: data["neighbourhoods"][0]["postcodes"].append("0123"), "not a PC4"),
        (lambda data: data["neighbourhoods"][0]["adjacent"].append("de_akkers"), "not symmetric"),
        (lambda data: data["neighbourhoods"][0]["adjacent"].append("nergens"), "unknown adjacent"),
        (lambda data: data["neighbourhoods"][1]["aliases"].append("De Molenwijk"), "in both"),
        (lambda data: data["neighbourhoods"][1].update(key="molenwijk"), "duplicate"),
    ],
)
def test_a_broken_data_file_is_refused(change: Any, message: str) -> None:
    data = raw_demo()
    change(data)
    with pytest.raises(ValueError, match=message):
        municipality_from_toml(data)
