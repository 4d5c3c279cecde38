# ruff: noqa: RUF001, RUF002, E501
"""Crisis round 18 (tests/test_understanding_redteam23.py): a crisis said in pieces over two or three messages.

DOCSTRING_FIGURES
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from flows.profile import after
from tests.dialogue_redteam_support import CARER, CHECKIN, CLOCK, INVITE, RIA, event_of, menu_state, step
from tests.test_dialogues_redteam10 import THREAD

# The crisis reply of each number the reader gives.
REPLY = {"113": "crisis_suicide", "112": "crisis_medical", "veilig_thuis": "crisis_violence"}
IN_A_THREAD = {**RIA, "threads": [THREAD]}
# Where a conversation stands when the pieces come: (state, profile, what was sent before them).
STARTS: dict[str, tuple[dict[str, Any], dict[str, Any], tuple[Any, ...]]] = {
    "menu": (menu_state(), RIA, ()),
    "menu_en": (menu_state("en"), RIA, ()),
    "menu_tr": (menu_state("tr"), RIA, ()),
    "menu_pl": (menu_state("pl"), RIA, ()),
    "menu_ar": (menu_state("ar"), RIA, ()),
    "menu_uk": (menu_state("uk"), RIA, ()),
    "ask_what": (menu_state(), RIA, ("1", "1")),
    "ask_when": (menu_state(), RIA, ("1", "1", "boodschappen voor de week")),
    "thread": (menu_state(), IN_A_THREAD, ()),
    "invitation": (menu_state(), RIA, (INVITE,)),
    "checkin": (menu_state(), CARER, (CHECKIN,)),
    "new": ({}, {}, ()),
}


@dataclass(frozen=True)
class Pieces:
    """A message in pieces: sent one after another from `start`; `kind` is the crisis they say together
    (None: a look-alike, no crisis on any piece)."""

    id: str
    start: str
    pieces: tuple[str, ...]
    kind: str | None
    gap: str = ""
    minutes: int = 1  # between the pieces


def replies_of(case: Pieces) -> list[list[str]]:
    """The reply keys of each piece, after the start's own messages (which must raise no crisis)."""
    from tests.golden_runner import profile_from

    state, profile_data, before = STARTS[case.start]
    state = dict(state)
    profile = profile_from(dict(profile_data))
    clock = CLOCK
    out: list[list[str]] = []
    for index, sent in enumerate((*before, *case.pieces)):
        result = step(state, event_of(sent), clock, profile)
        profile = after(profile, result.effects)
        state = result.state
        keys = [reply.key for reply in result.replies]
        if index < len(before):
            assert not any(key.startswith("crisis_") for key in keys), (sent, keys)
        else:
            out.append(keys)
            clock += timedelta(minutes=case.minutes)
    return out


def crisis_said(case: Pieces) -> str | None:
    """The first crisis reply over the pieces, as its number (None: none)."""
    for keys in replies_of(case):
        for number, key in REPLY.items():
            if key in keys:
                return number
    return None


P = Pieces
# Batch 1, written before the fixes (figures in the docstring).
BATCH_1: list[Pieces] = [
    P("b1-menu-leven", "menu", ("ik wil niet", "meer leven"), "113"),
    P(
        "b1-when-pills",
        "ask_when",
        ("ik heb net al mijn pillen", "ingenomen"),
        "113",
        gap="decided in rounds 11-19: 'ik heb al mijn pillen ingenomen' is the daily medicine, and the pieces read as the whole message does",
    ),
    P("b1-menu-man-floor", "menu", ("mijn man ligt op de grond", "hij zegt niks meer"), "112"),
    P("b1-thread-er-zijn", "thread", ("marieke ik wil er niet", "meer zijn"), "113"),
    P(
        "b1-invite-fall",
        "invitation",
        ("nee sorry", "mijn vrouw is net gevallen", "ze kan niet meer opstaan"),
        "112",
    ),
    P("b1-checkin-hit", "checkin", ("3", "hij heeft me weer", "geslagen"), "veilig_thuis"),
    P("b1-new-breath", "new", ("hallo", "mijn vader ademt", "niet meer"), "112"),
    P("b1-what-strip", "ask_what", ("ik heb de hele strip", "oxazepam genomen"), "113"),
    P("b1-menu-son", "menu", ("mijn zoon", "slaat me"), "veilig_thuis"),
    P("b1-when-flat", "ask_when", ("ik ga vannacht", "van de flat springen"), "113"),
    P("b1-thread-ex", "thread", ("mijn ex staat voor de deur", "met een mes"), "veilig_thuis"),
    P("b1-menu-air", "menu", ("ik krijg geen", "lucht meer"), "112"),
    P("b1-en-menu", "menu_en", ("i dont want to", "be alive anymore"), "113"),
    P("b1-tr-menu", "menu_tr", ("kocam beni", "her gün dövüyor"), "veilig_thuis"),
    P("b1-pl-menu", "menu_pl", ("mama upadła", "i nie może wstać"), "112"),
    P("b1-ar-menu", "menu_ar", ("rajli", "kaydrebni kol nhar"), "veilig_thuis"),
    P("b1-uk-menu", "menu_uk", ("я не хочу більше", "жити"), "113"),
    P(
        "b1-when-stairs",
        "ask_when",
        ("zo snel mogelijk", "mijn moeder is van de trap", "gevallen en ze beweegt niet"),
        "112",
    ),
    P("b1-checkin-end", "checkin", ("zwaar", "ik denk erover om", "er een eind aan te maken"), "113"),
    P("b1-menu-vodka", "menu", ("ik heb net een hele fles wodka op", "en alle pillen erbij"), "113"),
    P(
        "b1-invite-floor",
        "invitation",
        ("ik kan niet helpen", "ik lig op de grond", "kan niet meer overeind"),
        "112",
    ),
    P("b1-menu-zin", "menu", ("het leven", "heeft voor mij geen zin meer"), "113"),
    P(
        "b1-thread-locked",
        "thread",
        ("mijn dochter", "sluit me op in mijn kamer", "en ik krijg geen eten"),
        "veilig_thuis",
    ),
    P("b1-menu-breath", "menu", ("mijn vrouw haalt", "geen adem"), "112"),
    P("b1-new-wake", "new", ("ik wil niet meer", "wakker worden"), "113"),
    P(
        "b1-checkin-chest",
        "checkin",
        ("slecht", "jan heeft pijn op de borst", "en hij is helemaal grauw"),
        "112",
    ),
    P("b1-what-threat", "ask_what", ("mijn schoonzoon", "dreigt dat hij me iets aandoet"), "veilig_thuis"),
    P(
        "b1-thread-bleed",
        "thread",
        ("kun je snel komen", "mijn man bloedt heel erg", "uit zijn hoofd"),
        "112",
    ),
    # Look-alikes: each piece and the whole harmless.
    # Written as look-alikes, but the first piece alone is a crisis by earlier rounds' decision ("ik wil niet
    # meer" is 113, round 17; Polish "nie chcę już" alike): the answer comes at once, before any next piece.
    P("b1-menu-koffie", "menu", ("ik wil niet meer", "naar de koffieochtend, te druk"), "113"),
    P("b1-when-apotheek", "ask_when", ("ik heb net al mijn pillen", "opgehaald bij de apotheek"), None),
    P("b1-menu-digid", "menu", ("ik kan niet meer", "inloggen op mijn digid"), None),
    P("b1-invite-griep", "invitation", ("nee helaas", "ik lig op de bank met griep"), None),
    P(
        "b1-checkin-past",
        "checkin",
        ("2", "jan is vorige maand gevallen", "maar nu loopt hij weer goed"),
        None,
    ),
    P("b1-en-shopping", "menu_en", ("i want to", "get help with shopping"), None),
    P("b1-pl-kawa", "menu_pl", ("nie chcę już", "kawy, dziękuję"), "113"),
    P(
        "b1-new-ziekenhuis",
        "new",
        ("mijn vader ligt", "in het ziekenhuis, kan iemand de hond uitlaten"),
        None,
    ),
    P("b1-thread-doodop", "thread", ("ik ben doodop", "kunnen we het morgen doen"), None),
    P("b1-menu-schaken", "menu", ("mijn buurman", "verslaat me altijd met schaken"), None),
]


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            case, id=case.id, marks=[pytest.mark.xfail(strict=True, reason=case.gap)] if case.gap else []
        )
        for case in BATCH_1
    ],
)
def test_pieces_read_together(case: Pieces) -> None:
    assert crisis_said(case) == case.kind, replies_of(case)


# The mechanism's own limits (flows/crisis.py: `earlier_piece`, `detect_in_pieces`, `piece_to_keep`).
LIMITS: list[Pieces] = [
    # Pieces half an hour apart are two conversations.
    P("late-second-piece", "menu", ("ik wil niet", "meer leven"), None, minutes=30),
    P("late-floor", "thread", ("mijn man ligt op de grond", "hij zegt niks meer"), "112", minutes=1),
]


@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for case in LIMITS])
def test_the_limits_of_pieces(case: Pieces) -> None:
    assert crisis_said(case) == case.kind, replies_of(case)


def test_no_second_alarm_after_a_crisis_answered() -> None:
    """A crisis answered keeps no piece: the next words are not read with it again."""
    case = P("after", "menu", ("ik wil niet meer leven", "ja", "mijn pillen ophalen morgen"), "113")
    keys = replies_of(case)
    assert "crisis_suicide" in keys[0]
    assert not any(key in REPLY.values() for turn in keys[1:] for key in turn), keys


def test_the_state_keeps_only_the_last_words_for_a_short_while() -> None:
    from flows import crisis

    kept = crisis.piece_to_keep("een twee drie", " ".join(f"w{n}" for n in range(30)), CLOCK)
    assert kept is not None and len(kept["text"].split()) == crisis.PIECE_WORDS
    assert kept["text"].split()[-1] == "w29"
    state: dict[str, Any] = {crisis.PIECE: kept}
    assert crisis.earlier_piece(dict(state), CLOCK + timedelta(minutes=crisis.PIECE_MINUTES)) == kept["text"]
    assert crisis.earlier_piece(dict(state), CLOCK + timedelta(minutes=crisis.PIECE_MINUTES + 1)) is None
    assert crisis.earlier_piece({crisis.PIECE: {"text": "x", "at": "gisteren"}}, CLOCK) is None
    assert crisis.earlier_piece({}, CLOCK) is None
