# Messages are kept whole and as typed (Turkish without dotted letters, Cyrillic letters).
"""Red-team round corpus31 (`tests/data/heldout31.jsonl`): held-out cases in the corpus format, over every
context, the six languages and the three channels, written by the people the bot finds hardest: low
literacy and dyslexia spelling ("boodschapen", "iemant", "donderdach", "saterdag ochtent"), Dutch learned
late (Turkish, Moroccan, Surinamese, Polish Dutch: "ik wil help vragen voor mijn vader"), regional words
(Brabants "hedde gij", Limburgs "ich bin", Gronings "moi", "ik zuik"), voice-to-text splits ("com puter",
"woens dag in de mid dag"), all capitals, no space after punctuation, many emoji, SMS shorthand ("mss",
"idd", "nie", "wrm", "cn i tlk 2 a real persn"), very short answers ("jaa hoor", "weet nie") and Dutch
mixed with another language in one message. None is word for word an earlier test string (checked below).

Held out, before the fixes:
- Batch 1 (h31a, 138), written before the readers were studied, scored on unchanged code (4e7d2b2):
  121/138 (87.7 %). One expectation was against a documented decision and was corrected after scoring
  ("nie zo dringend" is this week: urgency.toml lists "niet zo dringend" under this_week); with it main
  reads 122/138 (88.4 %). By context: any_state 9/11, ask_category 12/13, ask_urgency 9/10, ask_when
  15/17, checkin 10/11, consent 11/11, first_message 19/21, invitation 10/11, menu 7/10, name 9/12,
  neighbourhood 11/11. By language: ar 10/11, en 8/10, nl 71/84, pl 11/11, tr 11/11, uk 11/11.
- Batch 2 (h31b, 124), written after batch 1's fixes and not aimed at them, scored before fixing: 110/124
  (88.7 %; main 107/124). One expectation was against a documented decision and was corrected after
  scoring ("ik zoek een maatje om mee te wandele" asks for the maatjesproject: intents.toml lists "maatje"
  as a service of the sociale kaart); with it 111/124 (89.5 %; main 108/124). By context: any_state 10/11,
  ask_category 11/11, ask_urgency 9/10, ask_when 13/14, checkin 9/10, consent 9/10, first_message 16/18,
  invitation 10/10, menu 8/10, name 7/10, neighbourhood 9/10. By language: ar 9/11, en 9/10, nl 65/70,
  pl 9/11, tr 10/11, uk 9/11. Batch 1's mechanism carried over: no batch-2 miss was a Dutch word written
  by ear that the dictionary does not know; what failed was a greeting read as a time, a crisis told
  with "nie", names in the south's and Polish and Ukrainian word order, and words of the other languages.
After: batch 1 138/138, batch 2 121/124; the three left are in `KNOWN_MISSES`.

Mechanisms (flows/understanding, the "round corpus31" blocks of data/*.toml):
- Dutch as it sounds (`spelling.py`, data/spelling.toml), read beside the words as typed like the SMS
  shorthand (`reading._written_out`): in a Dutch message a letter typed three times or more is kept twice
  or once ("stopppp", "welll", "weeek"); a word the dictionary does not know is tried with one sound-alike
  spelling ("nodich", "woensdach", "dringent", "ochtent", "saterdag", "mogeluk", "praotje", "zuik"); a verb
  or plural said without its final n is written with it ("helpe", "beginne", "stoppe", "mense",
  "gevalle"); two neighbours that the dictionary does not both know and that together are a word it knows
  are joined ("com puter", "woens dag", "mid dag"). Only to words the dictionary knows, never a word with a
  capital inside the message (a name: "mevrouw Smit"), never an English word in a message that mixes in
  English ("same time next week" is no "samen timen"), and the respelled reading must keep every key the
  typed words gave.
- Regional words in the Dutch shorthand table ("ich", "mich", "mit", "mien", "bin", "gij", "allenig") and
  an English shorthand table ("cn", "tlk", "persn", "sum1", "u", "pls", "thx"; data/shorthand.toml).
- The computer and the telephone as they sound ("kompjoeter", "tillefoon"; categories.toml).
- Names: the name one goes by said without the verb's t ("iedereen zeg ger", "ze noeme me Bep"), Darija
  "smiya dyali", more first names written in lower case ("its bob"; names.toml).
- Batch 2: a letter doubled by ear is kept once ("ik will stoppen", spelling.py); the greeting "goeie
  middag" is no afternoon and "zo snel als kan" is asap, not Sunday (times.toml); a neighbour not seen
  outside for days who does not open, told with "nie" ("ze doet nie open"), is a 112 (crisis.toml
  [sms_words], [concepts.worrying_signs]); the south's article before a first name ("ik ben de ria",
  names._article_before_first_name; "de Vries" stays a surname); the name before Polish "jestem" and after
  Ukrainian "звати мене"; Polish "dobra niech bedzie" is yes; Darija "machi daruri daba" is no hurry and
  "nwe9ef ... messages" a stop; spoken Turkish "idare ediyoz" is the middle answer.
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

HELDOUT = Path(__file__).parent / "data" / "heldout31.jsonl"
CASES = list(load(HELDOUT))
BATCH_SIZES = {"h31a-": 138, "h31b-": 124}

# Decided misses: id -> why it stays.
KNOWN_MISSES = {
    "h31b-menu-03": "'stopen' is a Dutch word (the plural of 'stoop'), so the by-ear respelling never "
    "changes it (spelling.py respells only words the dictionary does not know): 'ik wil stopen' is no stop",
    "h31b-menu-10": "SMS English '2' for 'to' is not written out: the shorthand table works on whole words "
    "and a digit is a number to every reader ('option 2', '2 pm'), so 'i want 2 help' stays unread",
    "h31b-nbh-10": "a neighbourhood written in Cyrillic letters ('Молен вейк') is not transliterated: the "
    "neighbourhood reader matches the municipality's Latin names and their typos only",
}


def test_the_set_is_new_whole_and_covers_every_context_language_and_channel() -> None:
    assert_heldout_set_whole(CASES, BATCH_SIZES, KNOWN_MISSES, __file__, HELDOUT)


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
    # Sound-alike spellings; a name with a capital is kept as typed.
    ("ask_when", "zaterdach in de ochtent", {"when": "saturday morning"}),
    ("first_message", "ik heb hulp nodich met het invulle van een formulier", {"category": "formulieren"}),
    (
        "first_message",
        "kan iemand mevrouw Smit zaterdag naar de markt rijden",
        {"category": "vervoer", "when": "saturday"},
    ),
    # A verb without its n; letters typed many times.
    ("menu", "ik wil graag helpe", {"intent": "offer"}),
    ("ask_urgency", "vandaaaag nog", {"urgency": "today"}),
    ("checkin", "gaat welllll hoor", {"answer": "okay"}),
    # A word split by voice; two words that are words apart stay two.
    ("ask_when", "zater dag in de mid dag", {"when": "saturday afternoon"}),
    ("ask_when", "vrijdag de hele dag", {"when": "friday"}),
    # Regional words.
    ("first_message", "kin iemand mich mit de boodschappe helpe", {"category": "boodschappen"}),
    # Names: the verb without its t, Darija, a lower-case first name; a refusal stays no name.
    ("name", "ze noeme me Bep", {"name": "Bep"}),
    ("name", "smiya dyali Zineb", {"name": "Zineb"}),
    ("name", "its harry", {"name": "Harry"}),
    ("name", "ik zeg het liever niet", {"name": None}),
    # Batch 2. A greeting is no part of the day; a day after it stays.
    ("first_message", "goeie avond, wie kan er zaterdag mijn gras maaien", {"when": "saturday"}),
    # Not seen outside and not opening, with "nie"; not seen outside alone is no crisis.
    (
        "first_message",
        "mijn oude buurman is al 3 dagen nie buiten geweest en doet nie open",
        {"crisis": "112"},
    ),
    (
        "first_message",
        "mijn moeder is al 2 dagen niet buiten geweest, wie wil met haar wandelen",
        {"crisis": None},
    ),
    # The south's article before a first name; before a word it stays no name.
    ("name", "ik ben de Truus", {"name": "Truus"}),
    ("name", "ik ben de buurvrouw van hiernaast", {"name": None}),
    # A letter doubled by ear; Darija stop in the first person.
    ("menu", "ik will vrijwilliger worden", {"intent": "offer"}),
    ("any_state", "bghit nw9ef lmessajat", {"intent": "stop"}),
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
