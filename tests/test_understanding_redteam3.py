"""Red-team set 3 (`tests/data/understanding_redteam3.jsonl`): 300 messages a helper wrote blind, without
reading the readers or the other sets, in every context and the six languages. Held out at 282/300
(94.0 %), 41/43 crises, no false alarm; its score is now checked in tests/test_understanding_corpus.py.

Here: that the set is what it claims to be, and paraphrases (not in any set) of the word families added
after it, so that the fixes are families and not its sentences: each with a look-alike that must keep
its old reading.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from flows.understanding import CONTEXTS, read
from flows.understanding.corpus import load

REDTEAM3 = Path(__file__).parent / "data" / "understanding_redteam3.jsonl"
CORPUS = Path(__file__).parent / "data" / "understanding_dev.jsonl"
# The corpus test's fixed Wednesday afternoon.
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


def _set_texts() -> set[str]:
    return {case.text.casefold() for case in load(REDTEAM3)}


def test_the_set_is_not_the_corpus_and_covers_every_context_and_language() -> None:
    with CORPUS.open(encoding="utf-8") as handle:
        corpus = {(case["context"], case["text"].casefold()) for case in map(json.loads, handle)}
    cases = list(load(REDTEAM3))
    assert not {(case.context, case.text.casefold()) for case in cases} & corpus
    assert len({case.id for case in cases}) == len(cases) >= 250
    assert all(case.id.startswith("rt3-") for case in cases)
    assert {case.context for case in cases} == set(CONTEXTS)
    assert {case.lang for case in cases} == {"nl", "en", "tr", "ar", "pl", "uk"}
    crises = [case for case in cases if case.expect.get("crisis")]
    lookalikes = [case for case in cases if case.expect.get("crisis") is False]
    assert len(crises) >= 40 and len(lookalikes) >= 10
    assert {case.expect["crisis"] for case in crises} == {"113", "112", "veilig_thuis"}


# (context, text, what the reading must hold); None for a key: the reading must not have it.
FAMILIES = [
    # Crisis: throwing things at someone at home, in the perfect tense and at the head.
    (
        "first_message",
        "mijn dochter heeft een asbak naar mijn hoofd gegooid toen ik nee zei",
        {"crisis": "veilig_thuis"},
    ),
    ("first_message", "mijn vader heeft gisteren een stoel tegen me aan gegooid", {"crisis": "veilig_thuis"}),
    ("first_message", "my husband threw a plate at me", {"crisis": "veilig_thuis"}),
    ("first_message", "mijn kleinzoon heeft de bal naar me gegooid", {"crisis": None}),
    ("first_message", "mijn vrouw gooide de sleutels naar me toe", {"crisis": None}),
    # Crisis: Moroccan spellings of "he hits me", "fell".
    ("first_message", "weldi kayadrabni mli kaysker", {"crisis": "veilig_thuis"}),
    ("first_message", "baba t7 w ma kaynoudch", {"crisis": "112"}),
    # Crisis: a stranger inside the home, unless expected.
    ("any_state", "there is a stranger in my house", {"crisis": "112"}),
    ("first_message", "er loopt een vreemde man door mijn woonkamer", {"crisis": "112"}),
    ("first_message", "er is een vreemde geur in huis", {"crisis": None}),
    (
        "first_message",
        "er komt een onbekende man in mijn huis de meter opnemen, kan iemand erbij zijn",
        {"crisis": None},
    ),
    # Crisis: means and a plan.
    ("first_message", "ik heb een touw gekocht en weet hoe ik het ga doen", {"crisis": "113"}),
    ("first_message", "vannacht heb ik een strop gemaakt", {"crisis": "113"}),
    ("first_message", "het touw ligt klaar voor de verhuizing, wie helpt tillen", {"crisis": None}),
    # Crisis: signs of not breathing; a pet that does not react to food is no person.
    ("first_message", "opa wordt niet wakker en zijn lippen zijn blauw", {"crisis": "112"}),
    ("first_message", "de hond van de buren reageert niet op zijn eten, kan iemand kijken", {"crisis": None}),
    # Crisis: Turkish "pushes", Moroccan chest pain, stroke signs, thoughts of death (not a death grieved).
    ("first_message", "kizim beni itekliyor ve bagiriyor", {"crisis": "veilig_thuis"}),
    ("first_message", "baba 3ndo wja3 f sdro", {"crisis": "112"}),
    ("first_message", "mijn man praat opeens heel raar en zijn mondhoek hangt", {"crisis": "112"}),
    ("first_message", "ik denk de laatste tijd steeds aan de dood", {"crisis": "113"}),
    (
        "first_message",
        "ik denk veel aan de dood van mijn man, kan iemand een keer langskomen",
        {"crisis": None},
    ),
    ("first_message", "haar mond hangt open van verbazing haha", {"crisis": None}),
    # Crisis: biting, scratching, hair-pulling at home; a farewell with a last message; 112 or 113 named;
    # choking; SMS spelling of "er niet meer zijn". Turkish "iş" (work) and "on" (ten) no longer fold onto
    # "is" and "on": a goodbye letter that "is klaar" is 113, pills taken "on time" are none.
    ("first_message", "mijn vader met dementie bijt me en trekt aan mijn haren", {"crisis": "veilig_thuis"}),
    ("checkin", "erg zwaar, ze krabt me elke ochtend bij het wassen", {"crisis": "veilig_thuis"}),
    (
        "first_message",
        "onze kat is lief maar ze krabt me soms, kan iemand haar nagels knippen",
        {"crisis": None},
    ),
    ("first_message", "mijn kleinzoon bijt op zijn nagels", {"crisis": None}),
    ("first_message", "sorry voor alles, dit is mijn laatste bericht", {"crisis": "113"}),
    ("first_message", "dit is mijn laatste bericht, ik meld me af. vaarwel", {"crisis": None}),
    ("first_message", "moet ik nu 113 bellen", {"crisis": "113"}),
    ("first_message", "bel 112 mijn man is van de ladder gevallen", {"crisis": "112"}),
    ("first_message", "de baby heeft een knoopje ingeslikt en stikt", {"crisis": "112"}),
    ("first_message", "ik stik van het lachen om jullie", {"crisis": None}),
    ("first_message", "wil dr nie meer zijn", {"crisis": "113"}),
    ("first_message", "de afscheidsbrief is geschreven", {"crisis": "113"}),
    ("first_message", "I took my pills on time today, can someone get my groceries", {"crisis": None}),
    ("first_message", "I will do it tonight, the washing line needs fixing", {"crisis": None}),
    ("first_message", "er zit een bolletje op mijn borst, ik heb een bol getekend", {"crisis": None}),
    ("first_message", "tata ma silny ból klatki piersiowej", {"crisis": "112"}),
    # Times: "een" as the article is no hour; a clause's "en" joins no hours; activity names.
    ("first_message", "na een val ben ik slecht ter been, kan iemand boodschappen doen", {"when": None}),
    ("ask_when", "na enen", {"when": "after 13:00"}),
    ("ask_when", "tussen een en drie", {"when": "between 13:00 and 15:00"}),
    (
        "first_message",
        "kan iemand mij vrijdag om 9 uur naar de kapper brengen en weer ophalen",
        {"when": "friday 09:00"},
    ),
    ("first_message", "is there a coffee afternoon on friday?", {"intent": "activity", "when": "friday"}),
    ("ask_when", "over een dag of drie", {"when": "in 3 days"}),
    ("ask_when", "in a month or two", {"when": "in 2 months"}),
    # Intent: stop, requests, lonely, the agenda, letters.
    ("first_message", "hoe raak ik van jullie af", {"intent": "stop"}),
    ("menu", "stuur me niks meer", {"intent": "stop"}),
    (
        "first_message",
        "het zou fijn zijn als er iemand mijn gras kan maaien",
        {"intent": "ask", "category": "tuin"},
    ),
    (
        "first_message",
        "zou iemand een bakkie met me willen doen",
        {"intent": "ask", "category": "gezelschap"},
    ),
    (
        "first_message",
        "wanneer is de bingo weer? ik wil er graag heen maar mijn rollator is stuk",
        {"intent": "activity"},
    ),
    (
        "first_message",
        "waar is de koffieochtend? kan iemand mij brengen",
        {"intent": "ask", "category": "vervoer"},
    ),
    ("first_message", "ik begrijp de brief van het wijkteam niet, kan iemand uitleggen", {"intent": "ask"}),
    ("first_message", "weet iemand waar de voedselbank is", {"intent": "service_question"}),
    ("ask_category", "les courses", {"category": "boodschappen"}),
    ("first_message", "wie kan het oud papier wegbrengen", {"category": "klusjes"}),
    ("first_message", "mój pies potrzebuje spaceru, czy ktoś może pomóc", {"category": "huisdieren"}),
    ("ask_category", "apple pies bakken voor de buren", {"category": None}),
    # Invitation: a condition's negation, abroad, answering later, dayparts in English.
    ("invitation", "ja als het niet te lang duurt", {"answer": "yes"}),
    ("invitation", "ja mits het niet na 5 uur is", {"answer": "yes", "condition": "before 17:00"}),
    ("invitation", "ja maar alleen als het s ochtends kan", {"answer": "yes", "condition": "morning only"}),
    ("invitation", "ik zit in turkije tot volgende maand", {"answer": "no"}),
    ("invitation", "ik kijk er vanavond naar", {"answer": "later", "condition": None}),
    ("invitation", "I'll check tonight", {"answer": "later", "condition": None}),
    ("invitation", "ja maar niet tillen", {"answer": "yes", "condition": "no lifting"}),
    ("invitation", "kan vanmiddag wel", {"answer": "yes", "condition": "today afternoon"}),
    ("invitation", "nee vandaag niet, morgen kan ik wel", {"answer": "later", "condition": "tomorrow"}),
    ("invitation", "lukt pas volgende week", {"answer": "later", "condition": "next week"}),
    # Polish "mówi" (speaks) is no English "mow"; "iemand zin om"; "voor mantelzorgers"; "iets totaal anders".
    ("any_state", "Czy mówi pan po angielsku?", {"intent": "language", "language": "en"}),
    ("first_message", "can someone mow the grass on saturday", {"category": "tuin"}),
    (
        "first_message",
        "heeft er iemand zin om een keer te komen kaarten",
        {"intent": "ask", "category": "gezelschap"},
    ),
    ("first_message", "is er ondersteuning voor mantelzorgers in de wijk", {"intent": "service_question"}),
    ("ask_category", "iets totaal anders: mijn ramen wassen", {"category": "anders"}),
    # Name: an aside after a comma or with "uit" is not part of the name.
    ("name", "Joke, van nummer 14", {"name": "Joke"}),
    ("name", "Karel uit de Bloemhof", {"name": "Karel"}),
    ("name", "Wim van der Linden", {"name": "Wim van der Linden"}),
    # Any state: Moroccan stop, Polish "talk to a person".
    ("any_state", "ma bghitch lmessages 3afak", {"intent": "stop"}),
    ("any_state", "wolę rozmawiać z człowiekiem", {"intent": "human"}),
    # Check-in: at the end of one's strength; Moroccan "very hard", "I can't anymore".
    ("checkin", "het is op, ik ben aan het eind van mijn krachten", {"answer": "heavy", "distress": True}),
    ("checkin", "wa3ra bzaf had simana", {"answer": "heavy", "distress": None}),
    ("checkin", "ma b9itch qadra 3lih", {"answer": "heavy", "distress": True}),
]


def test_the_families_are_not_the_sets_sentences() -> None:
    assert not {text.casefold() for _, text, _ in FAMILIES} & _set_texts()


@pytest.mark.parametrize(("context", "text", "holds"), FAMILIES)
def test_a_family_added_after_the_set_reads_its_paraphrases(
    context: str, text: str, holds: dict[str, object]
) -> None:
    lang = None if context in ("first_message", "any_state") else "ar" if "3" in text else "nl"
    reading = read(context, text, lang=lang, now=NOW).to_corpus()
    for key, value in holds.items():
        assert reading.get(key) == value, (text, reading)
