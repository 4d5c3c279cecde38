# ruff: noqa: RUF001, E501
"""Crisis round 18, crises said in pieces (the single messages of the round: tests/test_understanding_redteam23.py).

Someone in danger often sends a sentence in two or three messages, each harmless or ambiguous alone: "ik wil
niet" / "meer leven", "mijn man ligt op de grond" / "hij zegt niks meer", "ik heb" / "een hele doos
slaaptabletten" / "ingenomen". Until this round every message was read alone (`crisis.detect(event.text)` in
`flows.conversation.step`), so such a crisis got the open question again, a miss, or was passed on to the
neighbour in a thread. Replayed through `step` from each place a conversation can stand (`STARTS`: the menu in
six languages, the description and the time question of a request, a thread with the matched neighbour, an open
invitation, a carer's check-in, a stranger's first messages), one minute between the pieces; a case holds when
the first crisis answer over its pieces has its number (a look-alike: no crisis answer on any piece).

Figures (crises answered with the right number; false alarms on the look-alikes):
- Batch 1 (BATCH_1, 38: 28 crises, 10 look-alikes; nl 30, en 2, tr 1, pl 2, ar 1, uk 1 with the look-alikes),
  written before reading the crisis code, scored on main (af0c3a4): 12/28, and 2 of 10 look-alikes answered
  as a crisis. Both alarms came from a first piece that is a crisis alone by earlier rounds' decision ("ik wil
  niet meer", round 17; Polish "nie chcę już"): written as look-alikes, they are now expected to answer at
  once (the answer cannot wait for a piece that may never come). After: 27/28; the one left
  ("ik heb net al mijn pillen" / "ingenomen") reads as the whole message does, which rounds 11-19 decided
  is the daily medicine; since round crisis19 it gets the safety check about pills, tested in
  tests/test_crisis_check.py (taken out of this list).
- Batch 2 (BATCH_2, 36: 24 crises, 12 look-alikes), held out, written after batch 1's fixes and not aimed at
  them: 24/24 and 1 false alarm ("hallo" / "op tv zag ik" / "dat iemand van de flat sprong ...": the last
  piece alone reads 113). On main: 11/24 and 2 false alarms. After: 24/24, no false alarm.
- `LIMITS` (written with the fixes, no measure): pieces half an hour apart, a report set up in the piece
  before, one's own plan after a report, pieces across languages, emoji, spoken spellings.

Mechanism (flows/crisis.py, flows/conversation.py `step` and `_with_piece`):
- Each text message leaves its last 14 words (`PIECE_WORDS`, after those still kept from the messages before)
  in the state (`crisis_piece`, with the time); the next text within 10 minutes (`PIECE_MINUTES`) is read alone
  and together with them (`detect_in_pieces`). A crisis answer keeps nothing, so an answered crisis is not
  answered again; a button or command between the pieces ends them; internal events (an invitation, a
  check-in) leave them. The words stay in the conversation state only (no log), at most 14 words and until
  the next message.
- The pieces before may also set up a report (`crisis.frames_a_report`: something seen on a screen or in
  the news, a question for the training): a message that reads a crisis alone and none together is then
  no crisis ("op tv zag ik" / "dat iemand van de flat sprong"). One's own plan after it still reads.
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
        if "crisis_overdose" in keys:
            return "113"  # pills taken: 112 leads the same reply, and 113 is in it (round crisis20: a pack named)
    return None


P = Pieces
# Batch 1, written before the fixes (figures in the docstring).
BATCH_1: list[Pieces] = [
    P("b1-menu-leven", "menu", ("ik wil niet", "meer leven"), "113"),
    # "b1-when-pills" ("ik heb net al mijn pillen" / "ingenomen", a strict xfail here until round crisis19)
    # now gets the safety check about pills: tests/test_crisis_check.py.
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


# Batch 2, held out: written after batch 1's fixes, not aimed at them (figures in the docstring).
BATCH_2: list[Pieces] = [
    P("b2-menu-doos", "menu", ("ik heb", "een hele doos slaaptabletten", "ingenomen"), "113"),
    P("b2-when-vader", "ask_when", ("sorry", "mijn vader.", "hij reageert niet meer."), "112"),
    P("b2-thread-elkaar", "thread", ("hoi", "mijn man heeft me", "weer in elkaar geslagen"), "veilig_thuis"),
    P(
        "b2-invite-badkamer",
        "invitation",
        ("kan niet", "mn moeder ligt", "al uren op de badkamervloer"),
        "112",
    ),
    P("b2-checkin-beter", "checkin", ("zwaar", "soms denk ik", "dat ik er beter niet meer kan zijn"), "113"),
    P(
        "b2-new-buurvrouw",
        "new",
        ("goedemiddag", "mijn buurvrouw", "is gevallen en ze bloedt aan haar hoofd"),
        "112",
    ),
    P("b2-en-dad", "menu_en", ("my dad collapsed", "hes not breathing"), "112"),
    P("b2-tr-yasamak", "menu_tr", ("ben artık", "yaşamak istemiyorum"), "113"),
    P("b2-pl-bije", "menu_pl", ("mąż mnie", "bije codziennie"), "veilig_thuis"),
    P("b2-uk-vpala", "menu_uk", ("мама впала", "і не може встати"), "112"),
    P("b2-ar-nmout", "menu_ar", ("bghit", "nmout"), "113"),
    P("b2-what-eind", "ask_what", ("ik wil er", "een eind aan maken"), "113"),
    P("b2-menu-geschopt", "menu", ("mijn zoon", "heeft me", "geschopt"), "veilig_thuis"),
    P("b2-when-lucht", "ask_when", ("nu meteen", "mijn man krijgt", "geen lucht"), "112"),
    P("b2-thread-leven", "thread", ("ik ga vanavond een eind", "aan mijn leven maken"), "113"),
    P("b2-menu-scheef", "menu", ("mijn vrouw praat", "heel raar en haar mond", "hangt scheef"), "112"),
    P(
        "b2-checkin-vermoorden",
        "checkin",
        ("3", "ik ben bang", "hij dreigt me te vermoorden"),
        "veilig_thuis",
    ),
    P("b2-menu-borst", "menu", ("ik heb pijn", "op mijn borst", "en ik zweet"), "112"),
    P("b2-new-dood", "new", ("IK WIL", "DOOD"), "113"),
    P("b2-invite-mes", "invitation", ("nee", "mijn ex", "staat met een mes voor de deur"), "veilig_thuis"),
    P("b2-menu-verder", "menu", ("😭😭 ik kan", "niet meer verder leven"), "113"),
    P(
        "b2-when-pillen",
        "ask_when",
        ("morgen", "als ik er dan nog ben", "ik heb alle pillen klaarliggen"),
        "113",
    ),
    P("b2-en-sleeping", "menu_en", ("i took", "all my sleeping pills"), "113"),
    P("b2-thread-ladder", "thread", ("mijn vader is", "van de ladder gevallen", "en beweegt niet"), "112"),
    # Look-alikes.
    P(
        "b2-menu-rollator",
        "menu",
        ("ik kan niet", "meer lopen zonder rollator, wie helpt met boodschappen"),
        None,
    ),
    P("b2-when-slapen", "ask_when", ("mijn man ligt", "nog te slapen, dus na 11 uur"), None),
    P("b2-thread-doodmoe", "thread", ("ik ben", "doodmoe, kunnen we het verzetten"), None),
    P("b2-invite-slaap", "invitation", ("nee sorry", "ik val om van de slaap"), None),
    P(
        "b2-checkin-gebroken",
        "checkin",
        ("2", "hij is gisteren gevallen", "maar er is niks gebroken, gaat goed"),
        None,
    ),
    P("b2-en-coffee", "menu_en", ("i could", "kill for a coffee"), None),
    P("b2-tr-hastane", "menu_tr", ("annem", "hastanede, köpeğe bakacak biri lazım"), None),
    P("b2-menu-sjoelen", "menu", ("mijn kleinzoon", "slaat me altijd met sjoelen"), None),
    P(
        "b2-new-tv",
        "new",
        ("hallo", "op tv zag ik", "dat iemand van de flat sprong, kan iemand met me praten"),
        None,
    ),
    P(
        "b2-menu-vorig-jaar",
        "menu",
        ("vorig jaar", "wilde ik niet meer leven", "maar nu gaat het echt goed met me"),
        None,
    ),
    P("b2-when-te-laat", "ask_when", ("ik wil niet", "te laat, liefst voor 10 uur"), None),
    P("b2-pl-szpital", "menu_pl", ("mama", "jest w szpitalu, kto wyprowadzi psa"), None),
]


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            case, id=case.id, marks=[pytest.mark.xfail(strict=True, reason=case.gap)] if case.gap else []
        )
        for case in (*BATCH_1, *BATCH_2)
    ],
)
def test_pieces_read_together(case: Pieces) -> None:
    assert crisis_said(case) == case.kind, replies_of(case)


# The mechanism's own limits (flows/crisis.py: `earlier_piece`, `detect_in_pieces`, `piece_to_keep`).
LIMITS: list[Pieces] = [
    # Pieces half an hour apart are two conversations.
    P("late-second-piece", "menu", ("ik wil niet", "meer leven"), None, minutes=30),
    P("late-floor", "thread", ("mijn man ligt op de grond", "hij zegt niks meer"), "112", minutes=1),
    # A report set up in the piece before: what the next piece says alone is no crisis of the writer's.
    P("report-tv", "menu", ("op tv zag ik", "dat iemand van de flat sprong"), None),
    P(
        "report-training",
        "menu",
        ("wat moet ik doen als iemand zegt", "dat hij niet meer wil leven? ik ben vrijwilliger"),
        None,
    ),
    # ... but one's own plan after it is.
    P(
        "report-own-plan",
        "menu",
        ("op tv zag ik een film", "en nu wil ik zelf ook van de flat springen"),
        "113",
    ),
    P(
        "report-then-floor",
        "menu",
        ("in het nieuws zag ik een brand", "mijn man ligt op de grond en reageert niet"),
        "112",
    ),
    # Written after the fixes (no measure): code-switching across pieces, a continuation word, emoji.
    P("seen-switch", "menu_tr", ("kocam beni", "elke avond slaat hij me"), "veilig_thuis"),
    P("seen-want", "menu", ("want ik", "wil dood"), "113"),
    P("seen-emoji", "menu", ("mijn vader 😢", "ademt niet meer"), "112"),
    P("seen-spoken", "ask_when", ("ik ben gevalle", "en kan nie meer opstaan"), "112"),
    # A first piece that alarms alone is answered at once; the game named after it cannot take that back.
    P("seen-calm-game", "thread", ("mijn kleinzoon slaat me", "bij het dammen, leuk he"), "veilig_thuis"),
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


def test_a_button_between_the_pieces_ends_them() -> None:
    """A tap on a button is no piece of a sentence: the words before it are not kept past it."""
    from flows import crisis

    state = {**menu_state(), crisis.PIECE: {"text": "ik wil niet", "at": CLOCK.isoformat()}}
    result = step(state, event_of({"choice": "ask"}), CLOCK, None)
    assert crisis.PIECE not in result.state
    kept = step(menu_state(), event_of("ik wil niet"), CLOCK, None).state[crisis.PIECE]
    assert kept == {"text": "ik wil niet", "at": CLOCK.isoformat()}
