# Messages are kept whole and as typed (Turkish without dotted letters, Cyrillic letters).
"""Red-team round corpus35 (`tests/data/heldout35.jsonl`): held-out cases in the corpus format, over every
context, the six languages (nl 163 of 274, 59 %) and the three channels, written for the people and situations
earlier rounds wrote least: mantelzorgers writing about the one they care for ("mijn man heeft dementie en ik
kom nergens meer aan toe"), older people's formal style ("Geachte heer/mevrouw, ...", "Sayin yetkili", "Dear
Sir or Madam", "Met vriendelijke groet"), addresses, postcodes and house numbers in messages (the
neighbourhood read, "Molenweg 112" no emergency and "23 Church Street" no 23:00), dates written as numbers
("12-12", "12/12", "de 12e", "12 dec.", "12.12", "12 aralik"), amounts of time ("een uurtje", "anderhalf uur",
"een middagje", "an hour or two"), money and payment questions ("is het gratis?", "krijg ik de benzine
vergoed?"), privacy and who sees what, help for someone else ("voor mijn buurvrouw", "ik schrijf namens ..."),
urgency said with feelings ("ik zit echt met de handen in het haar", "ten einde raad") and answers that only
partly answer ("na de middag", a day without a time, a time without a day). No text is an earlier test string
(checked below): nine texts an earlier test already held (h35a-cons-07, -cons-11, -when-05, -inv-11;
h35b-nbh-04, -when-13, -urg-09, -inv-12, -check-10) were given new words after scoring; the new words read the
same on main (05d1b40) and after the fixes, so the figures stand.

Held out, before the fixes:
- Batch 1 (h35a, 141), written before the readers were studied, scored on unchanged code (05d1b40): 126/141
  (89.4 %). Two expectations were against documented readings and were set to them after scoring: a later's
  "misschien volgende week" has the condition "next week" (README: conditions such as "next week"), and "I'm
  exhausted" is distress (checkin.toml [worn_out], round crisis21); with them 128/141 (90.8 %). By context:
  any_state 10/12, ask_category 10/11, ask_urgency 10/10, ask_when 17/17, checkin 10/11 (11/11), consent
  11/11, first_message 18/22, invitation 10/12 (11/12), menu 8/11, name 9/11, neighbourhood 13/13. By
  language: ar 9/9, en 11/13 (12/13), nl 78/88 (79/88), pl 9/10, tr 10/12, uk 9/9. Crises 5/5, no false alarm
  (the house number 112 twice among the look-alikes).
- Batch 2 (h35b, 133), written after batch 1's fixes and not aimed at them, scored before fixing (66f7f92):
  118/133 (88.7 %); main (05d1b40) reads 112/133, so batch 1's fixes carried to six of them. By context:
  any_state 7/11, ask_category 8/10, ask_urgency 9/10, ask_when 15/15, checkin 10/11, consent 11/11,
  first_message 18/20, invitation 11/12, menu 9/11, name 8/10, neighbourhood 12/12. By language: ar 11/12, en
  11/12, nl 63/75, pl 11/11, tr 12/12, uk 10/11. Crises 4/4, no false alarm. What failed: an age said with "ik
  ben" / "I'm" after a name, going mad without "van" at a check-in, "посидіти з мамою", a request for a call
  ("dat u mij belt"; Darija "yttasel biya"), a stop after a reason about a care home or a sister who takes
  over, a language asked "voor mijn schoonzoon", a carer who "staat er alleen voor", "nummer 1 graag, ...",
  the asker's own errand in a category answer, a full week then a day, "een uur of twee" after a day part, and
  an urgency word with a later holiday. One expectation was set after scoring to an earlier decision: "een
  middagje in het weekend" is "this weekend afternoon" (round 8: "een middagje" with a day is its afternoon;
  batch 1's first ignore list took every "een middagje" and read it "this weekend", and broke that decision,
  so the list was narrowed to time off, "een middagje vrij"); with it 117/133 (88.0 %) before, main 113/133.
After: batch 1 141/141, batch 2 131/133 (two known misses below). The dev corpus stays 328/328, crises 27/27.

Mechanisms (flows/understanding, the "round corpus35" blocks of data/*.toml):
- A contrast after a number that opens its clause starts a new clause (choices.toml [number_clause_ends],
  answers._number_hits): "1 maar pas de 12e" is a yes with the condition "12th".
- A day of the month after a limit ("pas de", "alleen de", "na de", "voor de", "maar de", "only the", "but
  the"; times.toml [day_of_month_hour] limit_leads), as after "op de".
- House numbers are taken out before times are read (times.toml [house_numbers], time_words._house_numbers,
  one regex built once): after "nummer"/"number", before an English street word, after a street name.
- A bare menu digit before a word no count takes ("1 maar ...", "1 for my mum", "1 voor ...", intents.toml
  [menu_number_then]) is the option when the rest wants nothing else; a lead word before it ("nummer 1 graag,
  ...") is taken off (categories.toml number_leads). In ask_category a digit before those words chooses in a
  sentence that names no kind ("1, voor mijn vader op nummer 9").
- Time off is no time ("een middagje vrij", "een dag vrij", "an afternoon off", "wolne popoludnie", "вільний
  вечір"; times.toml ignore lists); "een middagje" beside a day stays its afternoon (round 8).
- A carer at a loss asks ([ask.corpus35], [ask.corpus35b]: "ik kom nergens meer aan toe", "wits end", "hicbir
  seye yetisemiyorum", "nie daje rady", "нічого не встигаю", "ik sta er alleen voor", "een ochtend voor
  mezelf").
- A letter's salutation asks no person ([salutation.all], intent._signs): "Sayin yetkili, ..." is no request
  for an official.
- Sitting with the one cared for in Polish and Ukrainian; having no phone is no phone trouble (categories.toml
  idioms); the asker's own plans ("als ik", "wanneer ik", "when i") also in a category answer.
- The age after a name and a comma or in brackets is taken off ("Wim, 78 jaar", "Ria, ik ben 76"; names.toml
  [age_after], names._age_after); the formal "zegt u maar" introduces the name.
- For whom a language is asked adds no length (languages.toml [asks] for_whom); Turkish "bir insan konussun",
  a call "dat u mij belt", Darija "yttasel biya" ask for a person; stop reasons (care home, family takes
  over); going mad at a check-in is heavy ([labels.heavy.corpus35]).
- A full week before a yes that names another day is a later ("deze week zit ik vol, maar de 10e kan ik";
  answers._full_week_then_time, invitation.toml not_this_week).

Decided: "I'm exhausted" is distress, as [worn_out] says. "Sayin yetkili, bir yetkili ile ..." loses the
request for an official inside the same span (the two overlap; left). Known misses: "vrijdagmiddag een uur of
twee" (about two hours, or about two o'clock: Dutch says both; the hour is kept) and "niet zo dringend, na de
kerst is ook goed" ("niet zo dringend" is this week by an earlier decision of urgency.toml; a later holiday
beside it is not weighed against it). Noticed and left: "ik heb geen computer, kan iemand mijn toeslag
aanvragen" reads a person (main too); "nummer 4 weken later" at the menu is a stop (main too); "1 maar het
hoeft niet" at the urgency question reads today.

"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from flows.understanding.corpus import Case, load, score
from tests.redteam_support import (
    NOW,
    assert_case_reads,
    assert_family_reads,
    assert_heldout_set_whole,
    crisis_params,
    every_other_test_string,
)

HELDOUT = Path(__file__).parent / "data" / "heldout35.jsonl"
CASES = list(load(HELDOUT))
BATCH_SIZES = {"h35a-": 141, "h35b-": 133}

# Decided misses: id -> why it stays.
KNOWN_MISSES: dict[str, str] = {
    "h35b-first-09": "'een uur of twee' after a day part: two hours or two o'clock; the hour is kept",
    "h35b-urg-02": "'niet zo dringend' is this week (urgency.toml); a later holiday beside it is not weighed",
}


def test_the_set_is_new_whole_and_covers_every_context_language_and_channel() -> None:
    assert_heldout_set_whole(CASES, BATCH_SIZES, KNOWN_MISSES, __file__, HELDOUT)


@pytest.mark.parametrize("case", crisis_params(CASES, KNOWN_MISSES))
def test_each_case_reads_as_expected(case: Case) -> None:
    assert_case_reads(case, KNOWN_MISSES)


def test_the_score_and_no_false_alarm() -> None:
    result = score(CASES, NOW)
    assert result.passed == len(CASES) - len(KNOWN_MISSES)
    assert result.crises == result.crises_recalled == 9
    assert result.false_alarms == 0


# Paraphrases of the families the fixes added (not in the set), each with a look-alike that keeps its old
# reading: (context, text, what the reading must hold; None: the key must be absent).
FAMILIES = [
    # Batch 1. A contrast after a chosen number starts the condition; a number that counts stays no choice.
    ("invitation", "1 maar pas na de 15e", {"answer": "yes", "condition": "after 15th"}),
    ("invitation", "yes, but only the 20th", {"answer": "yes", "condition": "20th"}),
    # A day of the month after a limit; a floor stays no time.
    ("invitation", "ja, alleen de 20e", {"answer": "yes", "condition": "20th"}),
    ("first_message", "kan iemand mij helpen met mijn post, ik woon op de 2e verdieping", {"when": None}),
    # A house number is no time; an hour said with "om" still is.
    ("first_message", "my gran at number 12 needs help with her garden", {"category": "tuin", "when": None}),
    ("first_message", "she lives at 4 Station Road and needs a lift on friday", {"when": "friday"}),
    ("ask_when", "liefst om 11 uur", {"when": "11:00"}),
    # A bare digit before "voor"/"maar" is the option; a count stays none.
    ("menu", "1 voor mijn schoonmoeder graag", {"intent": "ask"}),
    ("menu", "2 dagen terug heb ik al gebeld", {"intent": None}),
    ("ask_category", "3, voor mijn opa op nummer 14", {"category": "klusjes"}),
    # An amount of time is no time; a part of day still is.
    (
        "first_message",
        "ik zou graag een avondje vrij zijn, kan iemand bij mijn moeder blijven",
        {"category": "gezelschap", "when": None},
    ),
    ("ask_when", "donderdagmiddag zou fijn zijn", {"when": "thursday afternoon"}),
    # A carer at a loss asks.
    ("first_message", "mijn moeder heeft alzheimer en ik weet me geen raad meer", {"intent": "ask"}),
    ("first_message", "my dad has dementia and I'm at my wits end", {"intent": "ask"}),
    # A letter's salutation asks for no person; a person asked for still is.
    ("first_message", "Sayin yetkili, annem icin alisverise yardim lazim", {"intent": "ask"}),
    ("first_message", "bir yetkili ile konusmak istiyorum", {"intent": "human"}),
    # Sitting with her or him in Polish and Ukrainian.
    ("ask_category", "ktos kto z nim posiedzi", {"category": "gezelschap"}),
    ("ask_category", "посидіти з татом", {"category": "gezelschap"}),
    # Having no phone is no phone trouble; a broken phone still is.
    (
        "first_message",
        "mijn opa heeft geen telefoon, kan iemand zijn boodschappen doen",
        {"category": "boodschappen"},
    ),
    ("first_message", "mijn telefoon is kapot, wie kan helpen", {"category": "computer"}),
    # An age after a name; an age alone is no name.
    ("name", "Joop, 82 jaar", {"name": "Joop"}),
    ("name", "Anneke, ik ben 80", {"name": "Anneke"}),
    ("name", "ik ben 91", {"name": None}),
    # The formal "zeg maar".
    ("name", "Mijn naam is H. Jansen, zegt u maar Hennie", {"name": "Hennie"}),
    # For whom a language is asked adds no length.
    ("any_state", "can you write in Polish please, for my husband", {"intent": "language", "language": "pl"}),
    ("any_state", "kan iemand mijn dochter Engels leren", {"intent": None}),
    # Turkish: a person asked to speak.
    ("any_state", "biri benimle konussun lutfen", {"intent": "human"}),
    # Batch 2. Going mad is a heavy week, no crisis.
    ("checkin", "ik word gek, ze slaapt nooit", {"answer": "heavy", "crisis": None}),
    # A call asked for with "dat ... mij belt".
    ("any_state", "ik wil graag dat iemand mij terugbelt", {"intent": "human"}),
    # A stop beside its reason; the reason alone before a request stays a request.
    ("menu", "stoppen, mijn moeder woont nu in een verpleeghuis", {"intent": "stop"}),
    ("any_state", "stop please, my daughter is handling it", {"intent": "stop"}),
    (
        "first_message",
        "mijn zus doet het meestal maar zij is ziek, wie doet mijn boodschappen",
        {"intent": "ask"},
    ),
    # A carer asks for time for herself; no time is read from it.
    (
        "first_message",
        "ik zou graag eens een middag voor mezelf hebben, mijn man heeft dementie",
        {"intent": "ask", "when": None},
    ),
    # A lead word before the menu digit.
    ("menu", "nr 2, ik help graag", {"intent": "offer"}),
    # The asker's own plans in a category answer; a ride asked stays a ride.
    (
        "ask_category",
        "iemand die bij mijn vader zit als ik naar het ziekenhuis moet",
        {"category": "gezelschap"},
    ),
    ("ask_category", "iemand die mij naar het ziekenhuis brengt", {"category": "vervoer"}),
    # A full week, then another day: a later; a yes for the week stays a yes.
    (
        "invitation",
        "deze week zit ik helemaal vol, maar de 14e kan ik",
        {"answer": "later", "condition": "14th"},
    ),
    ("invitation", "ja, de hele week kan ik", {"answer": "yes"}),
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
