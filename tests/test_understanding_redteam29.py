# Messages are kept whole and as typed (Turkish without dotted letters, Cyrillic letters).
# ruff: noqa: E501
"""Red-team round corpus29 (`tests/data/heldout29.jsonl`): held-out cases in the corpus format, over every
context, the six languages and the three channels, written as residents, volunteers and mantelzorgers type
in SMS and WhatsApp: long sentences with greetings and fillers, typos, voice-to-text without punctuation,
emoji, several facts in one message, corrections ("nee toch donderdag"), conditions ("als het niet regent"),
times in words ("kwart over 3", "na de lunch", "begin volgende maand"), relations ("voor mijn buurvrouw")
and look-alikes of crises. None is word for word an earlier test string (checked below).

Held out, before the fixes:
- Batch 1 (h29a, 148), written before the readers were studied, scored on unchanged code (34289b4):
  129/148 (87.2 %). Two expectations were against documented decisions and were corrected after scoring
  ("ik ben zo moe" in a check-in is distress, checkin._tired_reading; a volunteer's "only at the weekend"
  is "this weekend only", as the Dutch and English readings of an invitation are; at the merge with crisis
  round 21, which decided tiredness alone is a heavy week with no high alert, h29a-check-02 expects heavy
  without distress); with them main reads
  131/148 (88.5 %). By context: any_state 9/10, ask_category 11/11, ask_urgency 7/9, ask_when 18/23,
  checkin 9/11, consent 9/9, first_message 23/24, invitation 14/14, menu 9/12, name 10/13, neighbourhood
  12/12. By language: ar 13/13, en 13/13, nl 73/87, pl 11/11, tr 12/13, uk 9/11.
- Batch 2 (h29b, 140), written after batch 1's fixes and not aimed at them, scored before fixing: 136/140
  (97.1 %; main 136/140 too). By context: any_state 10/10, ask_category 11/11, ask_urgency 9/9, ask_when
  23/23, checkin 11/11, consent 9/9, first_message 18/21, invitation 13/13, menu 10/10, name 11/12,
  neighbourhood 11/11. By language: ar 13/13, en 13/14, nl 75/77, pl 10/11, tr 13/13, uk 12/12.
After: batch 1 147/148, batch 2 140/140; the one left is in `KNOWN_MISSES`.

Mechanisms (flows/understanding, the "round corpus29" blocks of data/*.toml):
- Intent: who passed the number on is asked nothing ("ik kreeg dit nummer van de wijkagent", intents.toml
  [referral.*]); a stop said first and then why ("stop maar ik hoef niet meer", "stoppen, ik heb al hulp via
  de thuiszorg") is a stop (intent._opens_with_stop, [stop_reason]); "met iemand bellen" asks a person;
  Ukrainian meetings and things for mothers are the agenda.
- Times: a negation just after a condition's opening negates its verb, not the time ("als het niet regent
  zaterdag", time_compose._in_condition, times.toml [condition_openers]); a clause that opens with a time and
  says what one has to do then, after another time, is a reason ("vrijdag. nee toch donderdag, vrijdag moet
  ik naar de kapper", time_compose._without_own_plans, [own_plans]); "begin volgende maand" is "early next
  month"; the Christmas school holiday is Christmas.
- Urgency: no hurry said without a time yields to a time said beside it ("ergens deze week is prima hoor geen
  haast", urgency.toml [urgency_calm]); next month is later than this week; "cok acil degil", "bu ay".
- Names: a known first name that is also a word, written with a capital after a strong introduction ("noem
  me maar Wil"); laughter is no name ("🙈 haha"); Ukrainian "можна Ксюша" gives the name one goes by.
- Check-in: the middle option in the past tense ("ging wel") and "maar verder gaat het".
- Batch 2: a surname after a formal title names no kind of help ("met mevrouw bakker ik wou vragen ...",
  intent._titled_names, names.toml [titles.formal]); food given to an animal is pet care, not shopping
  (categories.toml [huisdieren.corpus29]); an agenda question with the place before the thing ("is er in
  de buurt ook een repair cafe", [agenda_question.corpus29]); the Polish and Ukrainian conditional ("jutro
  po południu byłoby super") is no past that drops the part of day (times.toml [pl]/[uk] "ignore"); the
  name one goes by and "is fine" after it ("It's Margaret, but Maggie is fine", names.toml
  [intro.after_corpus29]).
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

HELDOUT = Path(__file__).parent / "data" / "heldout29.jsonl"
CASES = list(load(HELDOUT))
BATCH_SIZES = {"h29a-": 148, "h29b-": 140}

# Decided misses: id -> why it stays.
KNOWN_MISSES = {
    "h29a-when-05": "Dutch 'voor' before a day or the weekend is read as 'for' (boodschappen voor het weekend), "
    "not 'before' (time_compose._day_bound); 'als het maar voor het weekend is' means before",
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
    # Who passed the number on; a service asked about stays a question.
    ("first_message", "goedemiddag, ik heb jullie nummer gekregen van de huisarts", {"intent": "greeting"}),
    ("first_message", "hoe kan ik de wijkagent bereiken", {"intent": "service_question"}),
    ("first_message", "ik zoek het nummer van de wijkagent", {"intent": "service_question"}),
    # A stop and why; stopping something else, or no help needed with a request, is no stop.
    ("any_state", "stoppen maar, we hebben al iemand", {"intent": "stop"}),
    ("first_message", "stop met roken, daar hoef ik niet meer over te praten", {"intent": None}),
    ("first_message", "ik hoef niks meer van de bakker, wie haalt mijn medicijnen", {"intent": "ask"}),
    # A negation in a condition; a negated day stays negated.
    ("ask_when", "zondag als het niet te hard waait", {"when": "sunday"}),
    ("ask_when", "als het niet dinsdag kan dan woensdag", {"when": "wednesday"}),
    # A later clause with one's own plans; alone it is the time.
    ("ask_when", "maandag. nee wacht dinsdag, maandag heb ik de fysio", {"when": "tuesday"}),
    ("ask_when", "maandag heb ik de fysio", {"when": "monday"}),
    # The start of next month; next month stays.
    ("ask_when", "ergens begin van volgende maand", {"when": "early next month"}),
    ("ask_when", "ergens volgende maand", {"when": "next month"}),
    # Calm words beside a time; alone they are any.
    ("ask_urgency", "morgen of overmorgen, geen spoed hoor", {"urgency": "this_week"}),
    ("ask_urgency", "nee hoor geen spoed", {"urgency": "any"}),
    # Names: a first name that is a word, after an introduction; laughter; "wil" in a sentence.
    ("name", "zeg maar Roos hoor", {"name": "Roos"}),
    ("name", "hihihi", {"name": None, "not_a_name": True}),
    ("name", "ik wil liever niks zeggen", {"name": None}),
    # Check-in: the middle option in the past tense; good in the past stays good.
    ("checkin", "ging wel, beetje onrustig", {"answer": "okay"}),
    ("checkin", "het ging eigenlijk goed", {"answer": "good"}),
    # Batch 2. A surname after a title; the title's person taken somewhere keeps the ride.
    (
        "first_message",
        "goedemorgen, met meneer visser, wie kan er vrijdag mijn ramen lappen",
        {"category": "klusjes"},
    ),
    ("first_message", "kan iemand mevrouw de graaf zaterdag naar de kerk brengen", {"category": "vervoer"}),
    # An animal fed; a person fed stays as it was.
    ("first_message", "wie kan er morgen de kippen te eten geven", {"category": "huisdieren"}),
    ("first_message", "wie kan mijn vader eten geven", {"category": "boodschappen"}),
    # An agenda question with the place first; a person asked for there stays a request.
    ("first_message", "is er in de wijk ook een breiclub of zoiets", {"intent": "activity"}),
    ("first_message", "is er in de buurt ook een klusjesman die mijn lamp kan ophangen", {"intent": "ask"}),
    # The conditional is no past; the past still is.
    (
        "first_message",
        "czy ktos moze zrobic zakupy, w sobote rano byloby idealnie",
        {"when": "saturday morning"},
    ),
    # The name one goes by, said as fine; a name with "goed" after it stays.
    ("name", "Johanna, maar Jo mag ook", {"name": "Jo"}),
    ("name", "Kees is goed hoor", {"name": "Kees"}),
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
