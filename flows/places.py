"""Where a person lives, to the level we need: a neighbourhood (wijk) of one municipality.

Matching asks "which neighbourhood?" and people answer with a postcode ("7391 AB", "7391ab", a whole
address) or a name typed any way ("De Molenwijk", "molenwjik", "oudehaven"). Both land here.

Data minimisation: matching only needs the four digits (PC4). The letters narrow a postcode down to a
street, which we neither need nor want to store; keep `Postcode.digits` (or the neighbourhood key) and
drop the rest once the neighbourhood is known.

The municipality and its neighbourhoods are static data shipped in flows/data (read once, cached),
so this module stays pure: no clock, no database, no network.
"""

from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from rapidfuzz import fuzz, process

from flows.normalise import simplify
from flows.understanding.crisis_phrases import cyrillic_as_latin

DATA_DIR = Path(__file__).with_name("data")
# Municipality key -> data file in flows/data. Explicit, so a stray file is never loaded by accident.
MUNICIPALITY_FILES: Mapping[str, str] = {
    "lindenhoven": "municipality_demo.toml",
    "beekdal": "municipality_demo2.toml",
}
DEFAULT_MUNICIPALITY = "lindenhoven"
# Municipalities loaded from a tenant's data file (bot/tenants.py, VOORDEUR_TENANTS_FILE), by key.
_REGISTERED: dict[str, Municipality] = {}
# The municipality of the person whose flow step runs now. The engine sets it per step (`using`), so a
# flow's `load_municipality()` answers with the neighbourhoods of that person's tenant while flows keep
# their signatures; outside a step it is the default (the single-tenant demo municipality).
_CURRENT: ContextVar[str] = ContextVar("municipality", default=DEFAULT_MUNICIPALITY)

# WRatio score (0-100) a typed name needs to count as a neighbourhood. 80 lets through one or two
# typos in a name ("molenwjik" 88.9, "oude hvn" 88.9) but not merely similar words ("molenweg" 70.6,
# "lindenhoven" vs "oude haven" 57.1).
NAME_CUTOFF = 80.0
# Two neighbourhoods whose best scores are closer than this are ambiguous: we ask rather than guess.
# WRatio scores a query that merely *contains* a shorter name at exactly 90, so a typo of the longer
# name must beat that by this margin ("noordoos": Noordoost 94.1 vs Noord 90.0 is not ambiguous;
# "molen" with Molenwijk and Molenhoek, both 90.0, is).
AMBIGUITY_MARGIN = 3.0
# Shorter queries (after dropping articles and filler words) are too little to go on.
MIN_NAME_LENGTH = 3

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)

MatchStatus = Literal["found", "outside", "ambiguous", "unknown", "invalid_postcode"]

# Articles are dropped from names and queries alike ("De Akkers" == "akkers").
_ARTICLES = frozenset({"de", "het", "t", "een", "the"})
# Words around a name in an answer ("ik woon in de molenwijk"); dropped from queries only, so a name
# that contains one as a whole word still matches itself exactly through the compact lookup.
_FILLER = frozenset(
    {"ik", "woon", "wonen", "we", "wij", "in", "op", "bij", "mijn", "onze", "wijk", "buurt", "gemeente"}
    | {"i", "live", "my", "neighbourhood", "neighborhood", "area"}
)
_NOT_A_NAME_CHARACTER = re.compile(r"[\W\d_]+")

# Something shaped like a Dutch postcode: four digits, optionally a space or dash and two letters.
# It must stand on its own: not glued to other characters, not preceded by "+" and not next to another
# group of digits, so the digits of a phone number ("+31 6 1234 5678", "06 1234 5678") never count.
# A bare "1234" must not be followed by more digits; with letters, a house number may follow.
_POSTCODE_SHAPE = re.compile(
    r"(?<![\w+])(?<![0-9+][ .\-/])"
    r"(?P<digits>[0-9]{4})"
    r"(?:[ \-]?(?P<letters>[A-Za-z]{2}))?"
    r"(?!\w)"
    r"(?(letters)|(?![ .\-/][0-9]))"
)
# Round corpus37: a house number after its street, right before the postcode ("Dorpsstraat 8 7395"): not the
# first half of a phone number ("06 1234 5678" keeps its guard: no word of letters before it).
_HOUSE_NUMBER_BEFORE_POSTCODE = re.compile(
    r"(?<=[^\W\d_]{3})\s+[0-9]{1,3}[A-Za-z]?(?=\s+[0-9]{4}(?![ .\-/]?[0-9]))"
)
# Letter pairs PostNL does not issue (they had unwelcome connotations).
_UNISSUED_LETTERS = frozenset({"SA", "SD", "SS"})


@dataclass(frozen=True, slots=True)
class Postcode:
    """A Dutch postcode: PC4 `digits` ("7391") and, if given, the two `letters` ("AB").

    Only `digits` is needed to find a neighbourhood; see the module docstring on data minimisation.
    """

    digits: str
    letters: str | None = None

    def __post_init__(self) -> None:
        if not _is_valid_postcode(self.digits, self.letters):
            raise ValueError(f"not a Dutch postcode: {self.digits} {self.letters or ''}".rstrip())

    def __str__(self) -> str:
        return f"{self.digits} {self.letters}" if self.letters else self.digits


@dataclass(frozen=True, slots=True)
class Contact:
    """Who residents can turn to when the bot cannot help. `note` is for staff, never for residents."""

    name: str
    phone: str = ""
    email: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Neighbourhood:
    """One wijk: a stable `key` (stored with people and requests), what people call it, where it is."""

    key: str
    name: str
    aliases: tuple[str, ...]
    postcodes: tuple[str, ...]  # PC4 digits, each in exactly one neighbourhood of the municipality
    lat: float
    lon: float
    adjacent: tuple[str, ...]  # keys of neighbourhoods sharing a border (symmetric)
    buurthuis: str = ""  # its community centre by name, where one is (a meeting "in het buurthuis")


@dataclass(frozen=True, slots=True)
class Municipality:
    key: str
    name: str
    buurtverbinder: Contact
    neighbourhoods: tuple[Neighbourhood, ...]

    def neighbourhood(self, key: str) -> Neighbourhood:
        """The neighbourhood with this key; KeyError when there is none (a key the code itself holds)."""
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: str) -> Neighbourhood | None:
        """The neighbourhood with this key, or None: not given yet (""), or a key that is not (or no
        longer) one of this municipality's, as a stored profile, an answer or an agenda item may hold."""
        for neighbourhood in self.neighbourhoods:
            if neighbourhood.key == key:
                return neighbourhood
        return None

    def by_postcode(self, postcode: Postcode) -> Neighbourhood | None:
        for neighbourhood in self.neighbourhoods:
            if postcode.digits in neighbourhood.postcodes:
                return neighbourhood
        return None


@dataclass(frozen=True, slots=True)
class NeighbourhoodMatch:
    """What an answer to "which neighbourhood?" turned out to be, for the flow to act on.

    found: `neighbourhood` (and `postcode` if the answer held one); outside: a valid `postcode` of
    another municipality; ambiguous: `candidates` to offer as choices, best first; invalid_postcode:
    the answer looked like a postcode but is not one; unknown: nothing recognisable.
    `fuzzy` is True when a name was found only approximately ("molenwjik"): a flow may confirm it.
    """

    status: MatchStatus
    neighbourhood: Neighbourhood | None = None
    candidates: tuple[Neighbourhood, ...] = ()
    postcode: Postcode | None = None
    fuzzy: bool = False


def _is_valid_postcode(digits: str, letters: str | None) -> bool:
    if len(digits) != 4 or not digits.isascii() or not digits.isdigit() or digits.startswith("0"):
        return False
    if letters is None:
        return True
    return (
        len(letters) == 2
        and letters.isascii()
        and letters.isalpha()
        and letters.isupper()
        and (letters not in _UNISSUED_LETTERS)
    )


# Arabic-Indic and Persian digits as the postcode's digits: "٧٣٩١ AB" is typed so on an Arabic keyboard.
_OTHER_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _postcode_shapes(text: str) -> Iterator[tuple[str, str | None]]:
    """Every postcode-shaped part of `text`, valid or not, in order."""
    plain = " ".join(unicodedata.normalize("NFKC", text.translate(_OTHER_DIGITS)).split())
    plain = _HOUSE_NUMBER_BEFORE_POSTCODE.sub("", plain)
    for found in _POSTCODE_SHAPE.finditer(plain):
        letters = found.group("letters")
        yield found.group("digits"), letters.upper() if letters else None


def parse_postcode(text: str) -> Postcode | None:
    """The first valid Dutch postcode in `text`: "7391 AB", "7391ab", "7391-AB", or just "7391".

    A bare PC4 is accepted on purpose: many people know the digits of their postcode but not the
    letters, and the digits are all matching needs. The text may hold more ("7391 AB Molenweg 5").
    Rules: four digits not starting with 0; letters not SA, SD or SS (never issued). Digits that are
    part of a longer number ("12345", "0612345678", "+31 6 1234 5678") are not a postcode.
    """
    for digits, letters in _postcode_shapes(text):
        if _is_valid_postcode(digits, letters):
            return Postcode(digits, letters)
    return None


def _fold(text: str) -> list[str]:
    """Words of a name or answer: case, accents and punctuation folded, digits and articles dropped."""
    # A name written in Cyrillic by ear ("Де Аккерс", "Молєнвейк") is compared by its Latin sounds.
    words = _NOT_A_NAME_CHARACTER.sub(" ", simplify(cyrillic_as_latin(text))).split()
    return [word for word in words if word not in _ARTICLES]


@cache
def _name_index(
    municipality: Municipality,
) -> tuple[dict[str, Neighbourhood], list[str], list[Neighbourhood]]:
    """Exact lookup by name without spaces, plus the spaced names and their owners for fuzzy matching."""
    exact: dict[str, Neighbourhood] = {}
    names: list[str] = []
    owners: list[Neighbourhood] = []
    for neighbourhood in municipality.neighbourhoods:
        for name in (neighbourhood.name, *neighbourhood.aliases):
            words = _fold(name)
            if not words:
                continue
            exact["".join(words)] = neighbourhood
            names.append(" ".join(words))
            owners.append(neighbourhood)
    return exact, names, owners


def name_words() -> frozenset[str]:
    """The current municipality's neighbourhood names and aliases of one word, folded as `simplify`
    folds a message ("bloemhof", "bloemenhof"): words that name a place, not a kind of help (round
    dialogue22: "nee in de Bloemhof bedoel ik" was read as the garden, by its "bloem")."""
    return _one_word_names(load_municipality())


@cache
def _one_word_names(municipality: Municipality) -> frozenset[str]:
    _exact, names, _owners = _name_index(municipality)
    return frozenset(name for name in names if " " not in name)


def named_in(text: str) -> Neighbourhood | None:
    """The one neighbourhood whose name or alias of one word is a word of `text`, exactly ("het is bij
    mijn vader in de Akkers"); None for none or several. Unlike `find_neighbourhood`, no near name: a
    sentence is no answer to "which neighbourhood?" and its other words must not be taken for one."""
    municipality = load_municipality()
    names = _one_word_names(municipality)
    exact = _name_index(municipality)[0]
    found = {exact[word].key: exact[word] for word in _fold(text) if word in names}
    return next(iter(found.values())) if len(found) == 1 else None


def _match_name(text: str, municipality: Municipality) -> NeighbourhoodMatch | None:
    exact, names, owners = _name_index(municipality)
    words = _fold(text)
    municipality_words = set(_fold(municipality.name)) | set(_fold(municipality.key))
    query_words = [word for word in words if word not in _FILLER and word not in municipality_words]
    for compact in ("".join(words), "".join(query_words)):
        if compact in exact:
            return NeighbourhoodMatch("found", neighbourhood=exact[compact])
    query = " ".join(query_words)
    if len(query.replace(" ", "")) < MIN_NAME_LENGTH:
        return None
    best: dict[str, tuple[float, Neighbourhood]] = {}
    for _, score, index in process.extract(
        query, names, scorer=fuzz.WRatio, processor=None, score_cutoff=NAME_CUTOFF, limit=None
    ):
        owner = owners[index]
        if owner.key not in best or score > best[owner.key][0]:
            best[owner.key] = (score, owner)
    if not best:
        return None
    ranked = sorted(best.values(), key=lambda pair: (-pair[0], pair[1].key))
    top_score, top = ranked[0]
    close = tuple(owner for score, owner in ranked if top_score - score < AMBIGUITY_MARGIN)
    if len(close) > 1:
        return NeighbourhoodMatch("ambiguous", candidates=close)
    return NeighbourhoodMatch("found", neighbourhood=top, fuzzy=True)


def find_neighbourhood(text: str, municipality: Municipality) -> NeighbourhoodMatch:
    """The neighbourhood an answer means: by postcode first, then by name.

    A valid postcode wins over any words around it (it is the more reliable of the two). A postcode of
    another municipality is "outside", not "unknown", so the flow can say we are not there yet. An
    answer that is only numbers (or a postcode with unissued letters) is "invalid_postcode" so the flow
    can show the expected format; other text that matches nothing is "unknown".
    """
    postcode = parse_postcode(text)
    if postcode is not None:
        owner = municipality.by_postcode(postcode)
        if owner is None:
            return NeighbourhoodMatch("outside", postcode=postcode)
        return NeighbourhoodMatch("found", neighbourhood=owner, postcode=postcode)
    by_name = _match_name(text, municipality)
    if by_name is not None:
        return by_name
    looked_like_postcode = any(True for _ in _postcode_shapes(text))
    only_numbers = any(ch.isdigit() for ch in text) and not any(
        len(word) >= MIN_NAME_LENGTH for word in _fold(text)
    )
    if looked_like_postcode or only_numbers:
        return NeighbourhoodMatch("invalid_postcode")
    return NeighbourhoodMatch("unknown")


def distance_km(a: Neighbourhood, b: Neighbourhood) -> float:
    """Great-circle (haversine) distance between the centres of two neighbourhoods."""
    lat_a, lat_b = math.radians(a.lat), math.radians(b.lat)
    d_lat = lat_b - lat_a
    d_lon = math.radians(b.lon - a.lon)
    h = math.sin(d_lat / 2) ** 2 + math.cos(lat_a) * math.cos(lat_b) * math.sin(d_lon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def nearby(
    neighbourhood: Neighbourhood, municipality: Municipality, max_km: float | None = None
) -> list[Neighbourhood]:
    """Neighbourhoods in the order matching should try them: own, adjacent, then the rest by distance.

    Adjacent neighbourhoods are always included: they share a border, so some of their streets are
    close even when a large neighbourhood's centre is far. `max_km` (between centres) limits the rest.
    Ties go by key, so the order is stable.
    """

    def order(other: Neighbourhood) -> tuple[float, str]:
        return distance_km(neighbourhood, other), other.key

    others = [other for other in municipality.neighbourhoods if other.key != neighbourhood.key]
    adjacent = sorted((other for other in others if other.key in neighbourhood.adjacent), key=order)
    rest = sorted(
        (
            other
            for other in others
            if other.key not in neighbourhood.adjacent
            and (max_km is None or distance_km(neighbourhood, other) <= max_km)
        ),
        key=order,
    )
    return [neighbourhood, *adjacent, *rest]


_SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


def municipality_from_toml(data: Mapping[str, Any]) -> Municipality:
    """Build and check a Municipality from a parsed data file; ValueError names what is wrong.

    Checked here rather than only in tests, so an edited data file fails at start-up, not in a chat.
    """
    table = data["municipality"]
    contact = table.get("buurtverbinder", {})
    neighbourhoods = tuple(
        Neighbourhood(
            key=str(entry["key"]),
            name=str(entry["name"]),
            aliases=tuple(str(alias) for alias in entry.get("aliases", ())),
            postcodes=tuple(str(pc4) for pc4 in entry["postcodes"]),
            lat=float(entry["centre"]["lat"]),
            lon=float(entry["centre"]["lon"]),
            adjacent=tuple(str(key) for key in entry.get("adjacent", ())),
            buurthuis=str(entry.get("buurthuis", "")),
        )
        for entry in data["neighbourhoods"]
    )
    municipality = Municipality(
        key=str(table["key"]),
        name=str(table["name"]),
        buurtverbinder=Contact(
            name=str(contact.get("name", "")),
            phone=str(contact.get("phone", "")),
            email=str(contact.get("email", "")),
            note=str(contact.get("note", "")),
        ),
        neighbourhoods=neighbourhoods,
    )
    _check(municipality)
    return municipality


def _check(municipality: Municipality) -> None:
    keys = [neighbourhood.key for neighbourhood in municipality.neighbourhoods]
    if len(set(keys)) != len(keys):
        raise ValueError(f"duplicate neighbourhood keys in {municipality.key}")
    owner_of_pc4: dict[str, str] = {}
    owner_of_name: dict[str, str] = {}
    by_key = {neighbourhood.key: neighbourhood for neighbourhood in municipality.neighbourhoods}
    for neighbourhood in municipality.neighbourhoods:
        if not _SNAKE_CASE.match(neighbourhood.key):
            raise ValueError(f"neighbourhood key is not snake_case: {neighbourhood.key!r}")
        if not (-90 <= neighbourhood.lat <= 90 and -180 <= neighbourhood.lon <= 180):
            raise ValueError(f"{neighbourhood.key}: centre out of range")
        for pc4 in neighbourhood.postcodes:
            if not _is_valid_postcode(pc4, None):
                raise ValueError(f"{neighbourhood.key}: not a PC4: {pc4!r}")
            if owner_of_pc4.setdefault(pc4, neighbourhood.key) != neighbourhood.key:
                raise ValueError(f"PC4 {pc4} in both {owner_of_pc4[pc4]} and {neighbourhood.key}")
        for name in (neighbourhood.name, *neighbourhood.aliases):
            folded = "".join(_fold(name))
            if not folded:
                raise ValueError(f"{neighbourhood.key}: name {name!r} has no letters")
            if owner_of_name.setdefault(folded, neighbourhood.key) != neighbourhood.key:
                raise ValueError(f"name {name!r} in both {owner_of_name[folded]} and {neighbourhood.key}")
        for other in neighbourhood.adjacent:
            if other not in by_key or other == neighbourhood.key:
                raise ValueError(f"{neighbourhood.key}: unknown adjacent neighbourhood {other!r}")
            if neighbourhood.key not in by_key[other].adjacent:
                raise ValueError(f"adjacency not symmetric: {neighbourhood.key} -> {other}")


def load_municipality(key: str | None = None) -> Municipality:
    """The municipality `key` (default: the current step's, see `using`), read once per process: one
    registered from a tenant's data file, else its data file in flows/data."""
    key = key or _CURRENT.get()
    registered = _REGISTERED.get(key)
    return registered if registered is not None else _load_municipality(key)


@contextmanager
def using(key: str) -> Iterator[None]:
    """Within this block `load_municipality()` is municipality `key` (one flow step of one tenant)."""
    token = _CURRENT.set(key)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def load_municipality_file(path: Path) -> Municipality:
    """Read, check and register a municipality data file (a tenant's); returns it. A file name without a
    folder that is not found as given is looked up in flows/data. The same key from two different files
    is an error: people and requests store only the neighbourhood key."""
    if not path.exists() and path.parent == Path("."):
        path = DATA_DIR / path.name
    with path.open("rb") as handle:
        municipality = municipality_from_toml(tomllib.load(handle))
    known = _REGISTERED.get(municipality.key)
    if known is None and municipality.key in MUNICIPALITY_FILES:
        known = _load_municipality(municipality.key)
    if known is not None and known != municipality:
        raise ValueError(
            f"{path.name}: municipality key {municipality.key!r} is already used by another file"
        )
    _REGISTERED[municipality.key] = municipality
    return municipality


@cache  # keyed on the positional key, so load_municipality() and ("lindenhoven") share one entry
def _load_municipality(key: str) -> Municipality:
    path = DATA_DIR / MUNICIPALITY_FILES[key]
    with path.open("rb") as handle:
        municipality = municipality_from_toml(tomllib.load(handle))
    if municipality.key != key:
        raise ValueError(f"{path.name} holds {municipality.key!r}, expected {key!r}")
    return municipality
