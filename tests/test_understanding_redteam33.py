# Messages are kept whole and as typed (Turkish without dotted letters, Cyrillic letters).
"""Red-team round corpus33 (`tests/data/heldout33.jsonl`): held-out cases in the corpus format, over every
context, the six languages (nl 157 of 271, 58 %) and the three channels, written as people really open and
answer: long sentences with greetings, fillers and politeness ("goedemiddag, ik hoop dat u mij kunt helpen,
want ..."), several facts in one message (who, where, what, when and how pressing), corrections inside the
message ("dinsdag nee woensdag", "boodschappen, nee wacht, ..."), relative times ("overmorgen", "volgende week
donderdag", "na het weekend", "in de kerstvakantie", "eind van de maand", "na 2 uur"), neighbourhoods said
with streets and landmarks, a name alone as the whole answer ("Kim", "Henk.", "fatma 🙂", "Ola :)"), first
messages in English on SMS, Turkish and Darija in Latin letters without diacritics, voice-to-text without
punctuation, and answers that are questions back ("wat bedoelt u?", "wie ziet dat?", "hoezo, ..."). None is
word for word an earlier test string (checked below; ten batch-1 and fifteen batch-2 texts that an earlier
test already held were given new words before they were scored).

Held out, before the fixes:
- Batch 1 (h33a, 139), written before the readers were studied, scored on unchanged code (563658f):
  127/139 (91.4 %). Three expectations were against documented forms and were set to them after scoring:
  "na het weekend" is "after this weekend" (rounds 8 and 18) and "in de kerstvakantie" is "christmas"
  (times.toml lists kerstvakantie under holiday:christmas); with them 129/139 (92.8 %). By context:
  any_state 11/11, ask_category 11/11, ask_urgency 10/11, ask_when 14/17, checkin 11/11, consent 11/11,
  first_message 17/21, invitation 9/11, menu 9/10, name 12/13, neighbourhood 12/12. By language: ar 10/12,
  en 12/12, nl 73/82, pl 11/11, tr 11/12, uk 10/10. Crises 4/4, no false alarm.
- Batch 2 (h33b, 132), written after batch 1's fixes and not aimed at them, scored before fixing (76cb11c):
  126/132 (95.5 %); main (563658f) reads the same 126/132, so batch 1's fixes neither carried to nor broke
  batch 2. Two expectations were against documented decisions and were set to them after scoring ("voor
  vrijdag" stays the day, test_understanding_times: "for Friday" or "before Friday" is not told apart; an
  offer's "maandag en woensdag" is "monday and wednesday", the "and" form of test_understanding_times);
  with them 128/132 (97.0 %). By context: any_state 10/11, first_message 16/19 (18/19 with the two
  corrections), menu 9/10, name 10/11, the other seven whole. By language: ar 10/11, nl
  71/75, pl 10/11, en, tr, uk whole. Crises 4/4, no false alarm. What failed: an urgency word said after
  the day ("donderdagmiddag ..., het is best dringend" read asap), a stop said after its reason ("ik hoef
  niks meer, stoppen maar"), a pleasantry after a name ("Kasia, milo mi"), Darija "ntkelem m3a ... insan".
After: batch 1 139/139, batch 2 132/132; no known misses. The dev corpus stays 328/328, crises 27/27.

Mechanisms (flows/understanding, the "round corpus33" blocks of data/*.toml):
- Thanks at a message's edges are polite fillers like "graag" (intent._fillers adds conversation.toml's
  [smalltalk_thanks]): "4 ik wil stoppen dank u wel" is a stop; "dank je wel" alone stays a greeting.
- A menu digit with no mark after it ("4 ik wil stoppen ...") is the option when the words after it say the
  same option (intent._NUMBER_FIRST_BARE); "4 weken geleden ..." stays no option.
- A known first name as the whole answer is the name, also when it is a word elsewhere: Turkish "kim",
  "Frans" (names._first_name_alone); in a Turkish conversation a lower-case "kim" stays a question.
- "ja hoor ik kan ... na 2 uur": "hoor" after a yes is a particle, not the "hoor ik" of answering later
  (times.toml "ignore:particle"), so the condition's time is read.
- A yes that is a wish, then a no or "not this week", then a later or another time that suits is a later
  ("ik zou graag willen helpen maar deze week lukt het niet, volgende week wel"; answers._not_now_then_later).
- The end of the month, a week form of its own ("end of the month") in the six languages (times.toml
  week:end_of_month, time_reading.WEEKS; no date is planned from it, as with "this month").
- A time said with a request for a call is read ("kan de buurtverbinder mij terugbellen na 2 uur";
  intent.WITH_TIME has "human").
- Living alone is how someone lives, not a wish for company (categories.toml [choice] idioms: "yalniz
  yasiyor", "woont alleen", "lives alone", "mieszka sama", "живе одна", Darija "sakna bo7dha").
- Arabic: a need said of someone else ("تحتاج", "يحتاج") asks, and going along with her or him
  ("يرافقها", "مرافقة") is vervoer.
- In an urgency answer "if" before a time is a wish ("ila kan had simana mzyan", "als het kan deze week
  nog"); "if I say today" stays talk about the word (answers._answer_hits `wished`).
- Batch 2: an urgency word beside a named day or hour gives way to it ("donderdagmiddag ..., het is best
  dringend" is Thursday afternoon; times.toml [urgency_only], time_compose._build); alone it stays asap. A
  stop after its reason (intent._closes_with_stop) and more reasons in the six languages ([stop_reason.
  corpus33]: [stop_reason.all]'s "anymore|any more" never matched "anymore" alone); "stop the messages" with
  an article. A pleasantry after a name is taken off ("Kasia, milo mi", "Steve, nice to meet you";
  names.toml [pleasantries]). Darija "ntkelem m3a chi insan", "insan machi robot" ask for a person.

Decided: "voor vrijdag" keeps its earlier decision (the day, no bound); "in de kerstvakantie" is
"christmas" as the Christmas school holiday already is; "eind van de maand" is no urgency of its own (it
stays "any" in urgency.toml, as before). Noticed and left: "ja hoor, maar vandaag niet, morgen wel" reads a
yes with the condition tomorrow (a no said with "niet" alone after a yes is no refusal hit); a lone
lower-case "wil" at the name question stays no name; a Darija message in Latin letters may be detected as
Dutch ("momkin ntkelem ...": the reading is right, its `lang` is not).
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

HELDOUT = Path(__file__).parent / "data" / "heldout33.jsonl"
CASES = list(load(HELDOUT))
BATCH_SIZES = {"h33a-": 139, "h33b-": 132}

# Decided misses: id -> why it stays.
KNOWN_MISSES: dict[str, str] = {}


def test_the_set_is_new_whole_and_covers_every_context_language_and_channel() -> None:
    assert_heldout_set_whole(CASES, BATCH_SIZES, KNOWN_MISSES, __file__, HELDOUT)


@pytest.mark.parametrize("case", crisis_params(CASES, KNOWN_MISSES))
def test_each_case_reads_as_expected(case: Case) -> None:
    assert_case_reads(case, KNOWN_MISSES)


def test_the_score_and_no_false_alarm() -> None:
    result = score(CASES, NOW)
    assert result.passed == len(CASES) - len(KNOWN_MISSES)
    assert result.crises == result.crises_recalled == 8
    assert result.false_alarms == 0


# Paraphrases of the families the fixes added (not in the set), each with a look-alike that keeps its old
# reading: (context, text, what the reading must hold; None: the key must be absent).
FAMILIES = [
    # Batch 1. Thanks at a message's edges; thanks alone stays a greeting.
    ("menu", "stoppen graag, dank je wel", {"intent": "stop"}),
    ("any_state", "please stop the messages, thank you", {"intent": "stop"}),
    ("first_message", "dankjewel hoor", {"intent": "greeting"}),
    # A menu digit said again in words; a count before words is no option.
    ("menu", "2 ik wil graag vrijwilliger worden", {"intent": "offer"}),
    ("menu", "3 weken geleden ben ik verhuisd", {"intent": None}),
    # A known first name alone, also when it is a word elsewhere; a question stays no name.
    ("name", "Frans", {"name": "Frans"}),
    ("name", "kim 😊", {"name": "Kim"}),
    ("name", "wie vraagt dat?", {"name": None}),
    # "hoor" after a yes is a particle; "dat hoor ik nog" stays an answer later, with no time.
    ("invitation", "prima hoor ik kan wel maar pas na 4 uur", {"answer": "yes", "condition": "after 16:00"}),
    ("invitation", "ja, dat hoor ik nog wel van jullie", {"answer": "yes", "condition": None}),
    # A wish to help, not now, then later; a yes with a limit stays a yes.
    ("invitation", "graag hoor, maar deze week gaat het niet, na het weekend wel", {"answer": "later"}),
    ("invitation", "happy to, but this week doesn't work, next week does", {"answer": "later"}),
    ("invitation", "ja graag, ik kan niet tillen maar wel rijden", {"answer": "yes"}),
    # The end of the month; the end of the week stays this week.
    ("ask_when", "tegen het einde van de maand", {"when": "end of the month"}),
    ("first_message", "szukam pomocy z zakupami pod koniec miesiaca", {"when": "end of the month"}),
    ("ask_when", "eind van de week", {"when": "this week"}),
    # A time on a request for a call; none said, none read.
    (
        "first_message",
        "kan de buurtverbinder mij morgenochtend even bellen",
        {"intent": "human", "when": "tomorrow morning"},
    ),
    ("first_message", "ik wil graag iemand van jullie spreken", {"intent": "human", "when": None}),
    # Living alone is no wish for company; loneliness still is.
    (
        "first_message",
        "mijn vader woont alleen en heeft hulp nodig met boodschappen",
        {"category": "boodschappen"},
    ),
    ("first_message", "yalnizim, benimle sohbet edecek biri lazim", {"category": "gezelschap"}),
    # Arabic: a need said of someone else, and going along with him.
    ("first_message", "أبي يحتاج من يرافقه إلى المستشفى", {"intent": "ask", "category": "vervoer"}),
    # "if" before an urgency's time is a wish; "if I say" is still talk about the word.
    ("ask_urgency", "als het kan deze week nog", {"urgency": "this_week"}),
    ("ask_urgency", "en als ik vandaag zeg?", {"urgency": None}),
    # Batch 2. An urgency word beside a named day gives way to it; alone it is asap.
    (
        "first_message",
        "wie kan mijn moeder vrijdagochtend naar de kapper brengen? het is dringend",
        {"when": "friday morning"},
    ),
    ("first_message", "dringend, wie kan mijn boodschappen doen", {"when": "asap"}),
    # A stop after its reason; stopping something else is no stop.
    ("menu", "we hebben al iemand gevonden, dus stop maar", {"intent": "stop"}),
    ("first_message", "no longer need help, stop", {"intent": "stop"}),
    ("first_message", "ik hoef niet te stoppen met werken, maar wil wel helpen", {"intent": "offer"}),
    # A pleasantry after a name; the pleasantry alone is no name.
    ("name", "Marieke, aangenaam!", {"name": "Marieke"}),
    ("name", "Ayla, memnun oldum", {"name": "Ayla"}),
    ("name", "aangenaam", {"name": None}),
    # Darija "to speak with" a person in Latin letters.
    ("any_state", "bghit ntkellem m3a chi bnadem", {"intent": "human"}),
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
