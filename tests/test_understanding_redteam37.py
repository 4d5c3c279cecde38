# ruff: noqa: RUF002
# Messages are kept whole and as typed (Turkish without dotted letters, Cyrillic letters).
"""Red-team round corpus37 (`tests/data/heldout37.jsonl`): held-out cases in the corpus format for six
contexts (ask_when, ask_urgency, consent, name, neighbourhood, ask_category), six languages (nl 87 of 151, 58
%) and the three channels, typed as people type on a phone: voice-to-text without punctuation, typos and
missing diacritics, emoji, fillers ("eeh", "nou", "yani", "no wiesz", "ну"), answers with a reason ("woensdag
want dan is mijn dochter er", "2 want ik heb nog wat brood"), relative dates ("overmorgen", "na het weekend",
"begin volgende maand", "haftaya sali", "w przyszly czwartek"), ranges, "maakt niet uit", doubts and a surname
held back at consent ("liever niet mijn achternaam"), names with particles (van der, El, Öztürk, Kowalska),
streets, house numbers and postcodes, code-switching ("inshallah morgen", "wallah", "les courses", "ana
wa7dani").

Held out, before the fixes (main e34e4ab):
- Batch 1 (h37a, 77), written before the readers were studied: 68/77 (88.3 %) as written. One expectation was
  against a documented reading and was set to it after scoring: a neighbourhood named exactly beside its
  postcode gives both (test_understanding_places; h25a-nbh-10 keeps it as a known miss): h37a-nbh-11; with it
  69/77 (89.6 %). By context: ask_category 11/12, ask_urgency 10/12, ask_when 14/15, consent 9/12, name 12/13,
  neighbourhood 13/13. By language: ar 4/6, en 6/6, nl 42/47, pl 5/6, tr 6/6, uk 6/6.
- Batch 2 (h37b, 74), written after batch 1 was scored and before any fix: 61/74 (82.4 %) as written; with the
  same documented reading for h37b-nbh-07, 62/74 (83.8 %). By context: ask_category 11/12, ask_urgency 12/12,
  ask_when 12/14, consent 8/12, name 9/12, neighbourhood 10/12. By language: ar 6/6, en 4/6, nl 35/40, pl 6/7,
  tr 8/9, uk 3/6.
- Fourteen texts an earlier test already held ("maakt niet uit", "les courses", "akkers", ...) were given new
  words after scoring; the new words read the same on main and after the fixes, so the figures stand.
After: batch 1 77/77, batch 2 73/74 (one known miss below). The dev corpus stays 328/328, crises 27/27.

What failed and the mechanisms (the "round corpus37" blocks of data/*.toml):
- Consent. "liever niet mijn achternaam" was a no, and the resident was told she could not be matched; a doubt
  ("ik twijfel", "not sure", "bilmiyorum ya, kim gorecek", "не знаю, а навіщо це") read nothing. A no about a
  detail that may be held back alone (yes_no.toml [details]: surname in six languages) and a doubt are a
  question where a question may answer (answers.read_yes_no); a yes that opens the message stays a yes. The
  flow answers the surname with faq_surname (faq.toml [surname], the catalogue in six languages: a first name
  is enough) and asks again.
- Name. A clause that holds back the surname is taken off ("liever niet mijn achternaam, gewoon Ria";
  names.toml [held_back], names._without_held_back); a surname that opens with its particles is a name ("de
  Vries", "van Dijk"), a neighbourhood is not ("De Akkers"); Polish "mowcie Kasia" without "mi".
- Neighbourhood. A house number after its street right before a postcode ("Dorpsstraat 8 7395";
  places._HOUSE_NUMBER_BEFORE_POSTCODE; "06 1234 5678" keeps its guard); a place name written in Cyrillic by
  ear ("в Олде Хавен") compared by its Latin sounds.
- When. A filler "nou" before "maakt niet uit" is no asap (time_compose._without_filler_asap takes flexible as
  a time too); "arvo" is the afternoon.
- Urgency. A reason after a chosen number ("2 want ik heb nog wat brood"; choices.toml [number_clause_ends]);
  no food in the house is today in six languages (urgency.toml [urgency_corpus29] today).
- Category. Darija company ("bghit chi wa7ed nhdr m3ah", "wa7dani" leaning to it) and Ukrainian "посидів би з
  бабусею" (categories.toml [gezelschap.corpus37]).

Known miss: "na het weekend ergens maandag of dinsdag" reads "after monday or tuesday" (the "na" of the
weekend bounds the days that follow it). Decided: a doubt at consent reads "question"
(test_understanding_answers moved "ik weet het niet" and "misschien" there); the flow's reply is the same
(Mag Voordeur dit bewaren? again).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from flows.understanding.corpus import Case, load, score
from tests.redteam_support import (
    LANGUAGES,
    NOW,
    assert_case_reads,
    assert_family_reads,
    crisis_params,
    every_other_test_string,
)

HELDOUT = Path(__file__).parent / "data" / "heldout37.jsonl"
CASES = list(load(HELDOUT))
BATCH_SIZES = {"h37a-": 77, "h37b-": 74}
CONTEXTS = frozenset({"ask_when", "ask_urgency", "consent", "name", "neighbourhood", "ask_category"})

# Decided misses: id -> why it stays.
KNOWN_MISSES: dict[str, str] = {
    "h37b-when-06": "'na het weekend' bounds the days after it: 'after monday or tuesday'",
}


def test_the_set_is_new_whole_and_covers_its_contexts_languages_and_channels() -> None:
    assert not {case.text.casefold() for case in CASES} & every_other_test_string(__file__, HELDOUT)
    assert len({case.id for case in CASES}) == len(CASES) == sum(BATCH_SIZES.values())
    assert len({case.text.casefold() for case in CASES}) == len(CASES)
    for prefix, size in BATCH_SIZES.items():
        batch = [case for case in CASES if case.id.startswith(prefix)]
        assert len(batch) == size
        assert {case.context for case in batch} == CONTEXTS
        assert {case.lang for case in batch} == LANGUAGES
        assert {case.channel for case in batch} == {"sms", "whatsapp", "telegram"}
        assert sum(case.lang == "nl" for case in batch) * 2 >= size
    assert set(KNOWN_MISSES) <= {case.id for case in CASES}


@pytest.mark.parametrize("case", crisis_params(CASES, KNOWN_MISSES))
def test_each_case_reads_as_expected(case: Case) -> None:
    assert_case_reads(case, KNOWN_MISSES)


def test_the_score_and_no_false_alarm() -> None:
    result = score(CASES, NOW)
    assert result.passed == len(CASES) - len(KNOWN_MISSES)
    assert result.false_alarms == 0


# Paraphrases of the families the fixes added (not in the set), each with a look-alike that keeps its old
# reading: (context, text, what the reading must hold; None: the key must be absent).
FAMILIES = [
    # A surname held back at consent asks; a yes that opens stays a yes; a no to everything stays a no.
    ("consent", "liever zonder achternaam eigenlijk", {"answer": "question"}),
    ("consent", "ja hoor, maar mijn achternaam liever niet", {"answer": "yes"}),
    ("consent", "nee, ik wil niet dat jullie iets van mij bewaren", {"answer": "no"}),
    # A doubt asks.
    ("consent", "ik weet het nog niet zo, twijfel", {"answer": "question"}),
    ("consent", "nie wiem czy chce", {"answer": "question"}),
    # The clause that holds back the surname is off the name; a surname given is no name alone.
    ("name", "Mieke, achternaam hoeft niet", {"name": "Mieke"}),
    ("name", "mijn achternaam is Bakker", {"name": None}),
    # A surname opened by its particles; a neighbourhood is none.
    ("name", "van Leeuwen", {"name": "van Leeuwen"}),
    ("name", "De Oude Haven hoor", {"name": None}),
    ("name", "Agnieszka Nowak, mowcie Aga", {"name": "Aga"}),
    # A house number before a postcode; a phone number stays none.
    ("neighbourhood", "Stationsweg 3 7394", {"postcode": "7394"}),
    ("neighbourhood", "bellen kan op 06 1234 5678", {"postcode": None}),
    ("neighbourhood", "живемо в Де Аккерс", {"neighbourhood": "De Akkers"}),
    # "nou" before any time is a filler; alone it is now.
    ("ask_when", "nou, wanneer jullie kunnen", {"when": "flexible"}),
    ("ask_when", "nou direct graag", {"when": "asap"}),
    ("ask_when", "friday arvo", {"when": "friday afternoon"}),
    # A reason after a chosen number; a number that counts stays no choice.
    ("ask_urgency", "3 want ik heb nog genoeg in huis", {"urgency": "any"}),
    ("ask_urgency", "2 dagen is ook goed", {"urgency": None}),
    ("ask_urgency", "de koelkast is helemaal leeg, niks te eten", {"urgency": "today"}),
    # Company in Darija and Ukrainian.
    ("ask_category", "wa7ed ydwi m3aya chwiya", {"category": "gezelschap"}),
    ("ask_category", "хтось би посиділа з мамою", {"category": "gezelschap"}),
]


@pytest.mark.parametrize(("context", "text", "holds"), FAMILIES)
def test_a_family_reads_and_its_look_alike_keeps_its_reading(
    context: str, text: str, holds: dict[str, Any]
) -> None:
    assert_family_reads(context, text, holds)


def test_the_families_are_new() -> None:
    texts = {text.casefold() for _, text, _ in FAMILIES}
    assert len(texts) == len(FAMILIES)
    assert not texts & (every_other_test_string(__file__, HELDOUT) | {case.text.casefold() for case in CASES})


def test_the_surname_held_back_is_answered_and_consent_asked_again() -> None:
    from tests.dialogue_redteam_support import replay_texts

    *_, surname, doubt, yes = replay_texts(
        ["hallo", "Ria", "1", "liever niet mijn achternaam", "hmm ik twijfel nog", "ja"], {}, {}
    )
    assert [reply.key for reply in surname.replies] == ["faq_surname", "consent_question"]
    assert not any(effect.kind == "record_consent" for effect in surname.effects)
    assert [reply.key for reply in doubt.replies] == ["consent_again"]
    assert any(effect.kind == "record_consent" for effect in yes.effects)
