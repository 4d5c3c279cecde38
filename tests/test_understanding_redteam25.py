# Messages are kept whole and as typed (Turkish without dotted letters, Cyrillic letters).
# ruff: noqa: RUF001, RUF002, E501
"""Red-team round corpus25 (`tests/data/heldout25.jsonl`): 270 held-out cases in the corpus format, over every
context, the six languages and the three channels, weighted to what is hard: normal forms of `when` (ranges,
"na tweeën", "volgende week dinsdag of woensdag", "elke 2 weken op vrijdag", "de 14e om 9 uur", "na de kerst",
changes of mind), names with titles, particles and refusals, postcodes and landmarks, "centrum" in other
languages, invitation conditions ("alleen als het dichtbij is") and the menu's and first message's intents.
None is word for word an earlier test string (checked below against every test module and corpus file).

Held out, before the fixes:
- Batch 1 (h25a, 142), written before the readers were studied, scored on unchanged code (5cbd714):
  129/142 (90.8 %). By context: any_state 9/9, ask_category 9/10, ask_urgency 8/8, ask_when 23/24, checkin
  8/8, consent 8/8, first_message 19/22, invitation 12/15, menu 11/12, name 12/14, neighbourhood 10/12. By
  language: ar 12/12, en 13/16, nl 68/75, pl 11/13, tr 13/13, uk 12/13.
- Batch 2 (h25b, 128), written after batch 1's fixes and not aimed at them, scored before fixing: 110/128
  (85.9 %; main 109/128). By context: any_state 6/8, ask_category 9/9, ask_urgency 5/8, ask_when 20/21, checkin
  7/8, consent 8/8, first_message 15/20, invitation 10/12, menu 9/10, name 9/12, neighbourhood 12/12. By
  language: ar 11/12, en 12/16, nl 53/61, pl 13/13, tr 10/13, uk 11/13. One expectation was wrong and was
  corrected after scoring: "a knitting club ... on wednesdays" is "every wednesday" (the plural repeats).
After: batch 1 138/142, batch 2 125/128; the seven left are `KNOWN_MISSES`.

Mechanisms (flows/understanding, the "round corpus25" blocks of data/*.toml):
- A digit ordinal after an article and before the word that brings an hour is a day of the month in a
  message too ("kan iemand de 14e om 9 uur mee"), and after "from the" / "van de" ("from the 20th till the 24th")
  (time_compose._day_of_month, times.toml [day_of_month_hour]).
- Urgency read from a time said instead of a choice (answers._urgency_of_time: a holiday or next week is
  `any`, within the week `this_week`, in hours `today`; a weekday or a date alone gives none), and
  urgency.toml [urgency_corpus25].
- Invitation: "not this week, maybe next" is a later "next week" ([after_this_week.next_one]); a yes only when
  the help is near is `nearby only` ([conditions."nearby only"]); an apology after a chosen number keeps
  the choice ("2 sorry", choices.toml [apologies]).
- Intent: unpaid bills said in a clause and learning Dutch are sociale-kaart questions ([service.corpus25]);
  unsubscribing and a Turkish "no more messages" stop ([stop.corpus25]); a Turkish "with a person" asks for
  one ([human.corpus25]); a Ukrainian walking group is an activity. At the menu, a number word that is also
  an article ("bir kisiyle konusmak istiyorum") yields to a person, a stop, a service or an activity the
  whole message asks for; choice openers ("doe maar de tweede optie") do not count as words after the number.
- Categories: things taken to the dump or the container are klusjes, not a ride ([klusjes.corpus25]);
  hanging and drilling in Polish and Ukrainian ([klusjes.corpus25_pl_uk]).
- Names: more "goes by" introductions ([intro.strong_corpus25]: "everybody calls me"); the word after
  surname particles is taken as checked ("mevrouw de jong-van der meer"; a particle after a hyphen stays
  lower case); a polite word after a whole-answer name ([trailing]: "Mrs Okonkwo please"); a stretched word
  ("okeee") is no name.
- Neighbourhoods: an alias that is a common word ("centrum") in the other languages ("в центрі", "the town
  centre", "merkezde"; neighbourhoods.toml [alias_words]); a shopping centre is not the centre.
- Check-in: "iyi sayılır" (counts as good) and its kin are a middling week ([labels.okay.corpus25]).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from flows.understanding import CONTEXTS as READER_CONTEXTS
from flows.understanding.corpus import Case, load, score
from tests.redteam_support import LANGUAGES, NOW, assert_case_reads, assert_family_reads, every_earlier_string

HELDOUT = Path(__file__).parent / "data" / "heldout25.jsonl"
CASES = list(load(HELDOUT))

# Decided misses: id -> why it stays.
KNOWN_MISSES = {
    "h25a-name-13": "'ome' is written out as the title 'Oom' (names.toml [titles.before]) by design; "
    "'Ome Piet' is what he typed and how he is called, but README's rule writes titles out",
    "h25a-nbh-10": "a neighbourhood named exactly beside its postcode gives both (test_understanding_places "
    "asserts it); this case expected the postcode alone",
    "h25a-when-15": "'after lunch' reads as the afternoon, as the project decided in rt5b; this case expected "
    "after 13:00",
    "h25a-inv-05": "a time said with 'vraag me ... nog eens' is when to ask again (answers.later_reply), by "
    "design no condition; here it is also when they may help",
    "h25b-first-17": "'у вихідні' reads as this weekend, as Dutch 'in het weekend' does; for an agenda "
    "question the repeating 'weekends' fits better",
    "h25b-first-19": "'iemand om mee naar de markt te gaan' reads as going along (vervoer); the market "
    "makes it shopping, arguably",
    "h25b-when-04": "a span between two holidays ('tussen kerst en oud en nieuw') has no normal form; the "
    "reader takes the last holiday",
}

# Every context the reader knows (the shared corpus README's list).
CONTEXTS = set(READER_CONTEXTS)


def _params(cases: list[Case]) -> list[Any]:
    return [
        pytest.param(case, id=case.id, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[case.id]))
        if case.id in KNOWN_MISSES
        else pytest.param(case, id=case.id)
        for case in cases
    ]


def test_the_set_is_new_whole_and_covers_every_context_language_and_channel() -> None:
    assert not {case.text.casefold() for case in CASES} & _every_other_test_string()
    assert len({case.id for case in CASES}) == len(CASES) == 270
    assert len({case.text.casefold() for case in CASES}) == len(CASES)
    batch_1 = [case for case in CASES if case.id.startswith("h25a-")]
    batch_2 = [case for case in CASES if case.id.startswith("h25b-")]
    assert (len(batch_1), len(batch_2)) == (142, 128)
    for batch in (batch_1, batch_2):
        assert {case.context for case in batch} == CONTEXTS
        assert {case.lang for case in batch} == LANGUAGES
        assert {case.channel for case in batch} == {"sms", "whatsapp", "telegram"}
    invitations = [case for case in CASES if case.context == "invitation"]
    assert any("condition" in case.expect for case in invitations)
    assert any("condition" not in case.expect for case in invitations)
    assert any(case.expect.get("distress") for case in CASES if case.context == "checkin")
    assert set(KNOWN_MISSES) <= {case.id for case in CASES}


def _every_other_test_string() -> set[str]:
    """`every_earlier_string` and the string literals of every other test module."""
    seen = every_earlier_string(__file__)
    for path in Path(__file__).parent.glob("test_*.py"):
        if path.name != Path(__file__).name:
            seen.update(
                text.casefold() for text in re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text("utf-8"))
            )
    return seen


@pytest.mark.parametrize("case", _params(CASES))
def test_each_case_reads_as_expected(case: Case) -> None:
    assert_case_reads(case, KNOWN_MISSES)


def test_the_score_and_no_false_alarm() -> None:
    result = score(CASES, NOW)
    assert result.passed == len(CASES) - len(KNOWN_MISSES)
    assert result.false_alarms == 0


# Paraphrases of the families the fixes added (not in the set), each with a look-alike that keeps its old
# reading: (context, text, what the reading must hold; None: the key must be absent).
FAMILIES = [
    # A day of the month before its hour; a floor before an hour is none; a span of days.
    ("first_message", "wie kan mij op de 9e om half 3 naar het ziekenhuis rijden", {"when": "9th 14:30"}),
    ("first_message", "kan iemand op de 2e verdieping om 4 uur een lamp ophangen", {"when": "16:00"}),
    ("first_message", "wie let er van de 27e tot de 30e op mijn hamster", {"when": "27th"}),
    # Urgency from a time; a bare weekday is read as before.
    ("ask_urgency", "pas na de jaarwisseling", {"urgency": "any"}),
    ("ask_urgency", "over een uurtje of twee", {"urgency": "today"}),
    ("ask_urgency", "ergens volgende week pas", {"urgency": "any"}),
    ("ask_urgency", "ik weet het echt niet", {"urgency": None}),
    # Invitation: the next week without its noun; near only; an apology after a number.
    ("invitation", "deze week niet, misschien volgende", {"answer": "later", "condition": "next week"}),
    ("invitation", "ja, mits het op loopafstand is", {"answer": "yes", "condition": "nearby only"}),
    ("invitation", "ja ik woon hier in de buurt", {"answer": "yes", "condition": None}),
    ("invitation", "3 helaas, ik zit vol", {"answer": "later"}),
    # Intent: bills, Dutch lessons, unsubscribing; paperwork about a bill stays a request.
    (
        "first_message",
        "de energierekening kan ik niet meer betalen, wie weet raad",
        {"intent": "service_question"},
    ),
    ("first_message", "i want to learn dutch, is there a course nearby", {"intent": "service_question"}),
    ("first_message", "kan iemand mij helpen een rekening te betalen via de app", {"intent": "ask"}),
    ("any_state", "schrijf mij maar uit alstublieft", {"intent": "stop"}),
    # The menu: a number word that is an article yields to a person; a number word alone stays a choice.
    ("menu", "bir kisiyle gorusmek isterim", {"intent": "human"}),
    ("menu", "een, graag", {"intent": "ask"}),
    # Categories: to the dump is an odd job; a person brought somewhere is a ride.
    ("first_message", "wie rijdt mijn oude matras even naar de milieustraat", {"category": "klusjes"}),
    ("first_message", "wie brengt mijn vader naar de kerstviering", {"category": "vervoer"}),
    ("ask_category", "zawiesic obraz i wywiercic dziure", {"category": "klusjes"}),
    ("first_message", "kan iemand de krant komen voorlezen aan mijn moeder", {"category": "gezelschap"}),
    # Names.
    ("name", "Mijn naam is Johanna, maar mijn vrienden zeggen Jo", {"name": "Jo"}),
    ("name", "meneer de boer-van den bosch", {"name": "meneer de Boer-van den Bosch"}),
    ("name", "Kees alsjeblieft", {"name": "Kees"}),
    ("name", "jaaaa", {"name": None, "not_a_name": True}),
    # Neighbourhoods: the centre in other languages; a shopping centre is none.
    ("neighbourhood", "we live in the town centre", {"neighbourhood": "Oude Haven"}),
    ("neighbourhood", "Я живу у центрі", {"neighbourhood": "Oude Haven"}),
    ("neighbourhood", "near the shopping centre on the ring road", {"neighbourhood": None, "unknown": True}),
    # Check-in: counts as good is okay; good alone stays good.
    ("checkin", "bu hafta iyi sayilir", {"answer": "okay"}),
    ("checkin", "iyi gecti bu hafta", {"answer": "good"}),
]


@pytest.mark.parametrize(("context", "text", "holds"), FAMILIES)
def test_a_family_reads_and_its_look_alike_keeps_its_reading(
    context: str, text: str, holds: dict[str, Any]
) -> None:
    assert_family_reads(context, text, holds)


def test_the_families_are_new() -> None:
    texts = {text.casefold() for _, text, _ in FAMILIES}
    assert len(texts) == len(FAMILIES)
    assert not texts & (_every_other_test_string() | {case.text.casefold() for case in CASES})
