# ruff: noqa: RUF001, RUF002
# Messages are kept whole and as typed (Turkish with and without dotted letters, Cyrillic, Arabic script).
"""Red-team round corpus38 (`tests/data/heldout38.jsonl`): held-out cases in the corpus format, over every
context, the six languages (nl 78 of 148, 53 %) and the three channels, aimed at first messages, check-ins,
invitations, the menu and words about the conversation: long greetings and life stories before the need
("Goedemiddag, ik ben sinds mijn heupoperatie ...", "Selamün aleyküm, annem için yazıyorum ..."), two needs in
one message (the first named is the request), asking for someone else (a neighbour, a mother, a social
worker's client), help offered in a sentence ("als iemand hulp nodig heeft met boodschappen doe ik dat
graag"), carers who say it is heavy sideways ("ik lig 's nachts wakker", "ik ben op eigenlijk", "yoruldum
artık", "я вже без сил"), mixed answers ("prima, alleen dinsdag kan ik niet"), volunteers' conditional yes,
menu choices in words ("de laatste optie graag", "helpen, maar pas na de kerst") and thanks and goodbyes
that are no command. No text is an earlier test string (checked below): seven texts an earlier test held
were given new words before scoring.

Held out, before the fixes (e34e4ab):
- Batch 1 (h38a, 75), written before the reader was read: 56/75 (74.7 %), one false alarm (an English
  stroke in the past, below). By context: any_state 9/11, ask_category 1/1, ask_urgency 1/1, ask_when 1/1,
  checkin 9/13, consent 1/1, first_message 13/20, invitation 10/13, menu 8/11, name 2/2, neighbourhood 1/1.
  By language: ar 5/6, en 4/8, nl 30/41, pl 6/7, tr 5/7, uk 6/6. Two expectations were against documented
  decisions and were set to them after scoring: a time to be asked again is no condition ("probeer het
  zaterdag nog eens", answers.later_reply, round 25's h25a-inv-05), and tiredness after a "but" is a heavy
  week ("jakoś daję radę, ale jestem zmęczona", checkin.py `_tired_reading`, round crisis21); with them 58/75.
- Batch 2 (h38b, 73), written before any fix: 55/73 (75.3 %), no false alarm; with the same decision on two
  more asked-again times, 56/73 (76.7 %). By context: any_state 9/11, checkin 7/13, first_message 14/19,
  invitation 10/13, menu 9/11, the other contexts whole. By language: ar 6/7, en 6/9, nl 25/37, pl 6/7,
  tr 7/7, uk 5/6.
After: batch 1 73/75, batch 2 72/73 (three known misses below). The dev corpus stays 328/328, crises 27/27.

What failed, and the mechanisms (flows/understanding; the "round corpus38" blocks of data/*.toml):
- The writer's own work before a request for a client ("ik ben maatschappelijk werker bij het wijkteam",
  "ouderenadviseur bij de gemeente") read as a question for that service: [own_role] spans take the service
  inside them, as [referral] does (intent._signs); "zou er een vrijwilliger ..." asks.
- Help offered on a condition ("als iemand hulp nodig heeft ... doe ik dat graag", "mocht er iemand zijn die
  ...", "if anyone needs a hand") and with the verb first ("kom ik graag helpen") read as a request
  ([offer.corpus38]); "iets doen in de wijk", "ik kan wel goed met ... overweg" offer.
- "wat doen jullie precies?" after "ik kreeg jullie nummer van mijn huisarts" read the agenda: [about_us]
  takes the activity words inside it and is a greeting.
- Arabic "أحد" (anyone) read as Sunday: bare "احد" left the Sunday list ("يوم احد", "نهار احد" stay);
  "come by next week" read a deadline: coming round is ignored (times.toml).
- Carers: "ik ben op eigenlijk" (light words after "op"), "ben ik op/kapot" after an opening, "yoruldum
  artık", "без сил", "bez sił", "shattered" (worn out, as "exhausted"), nights told without "slecht" ("lig
  's nachts wakker", "geen nacht doorgeslapen"), "not bad at all" (good), "de middelste" (Gaat wel).
- Volunteers: a day that ends its clause with a negation is ruled out ("alleen dinsdag kan ik niet",
  answers._closing_negation); a yes, a "but" and a later with its time is a later ("ik wil wel, maar pas
  volgende week", answers._but_later_at; a later without a time after the "but" leaves the yes); "I could",
  "close to home", "red ik het niet", "vraag me morgen maar weer".
- Menu: the last option by word ("de laatste optie graag", choices.toml [last]); a label as the first clause
  before more words ("helpen, maar pas na de kerst", intent._menu_label_first, as a number first is).
- A language asked in the last clause after a reason ("mijn moeder spreekt alleen turks, kunt u turks
  schrijven?", intent._asked_last), when no kind of help is named; a stop "van de lijst halen", "schrap mij".
- Kinds: "small jobs" (klusjes), Darija "chri dyal lmakla" (boodschappen), Polish "z nim czasem posiedzieć".

Known misses: "after a stroke" was read as a 112 emergency (Dutch "na ... beroerte" was guarded in
crisis.toml [idiom_marks], English was not; the lead's session 31 added the other languages: no longer a
miss); "alleen in het weekend" in
an offer reads "this weekend" (round 25 decided "in het weekend" is this weekend; a volunteer means
weekends); "nee hoor, bedankt, fijne avond nog" at the menu reads a greeting (a "nee" before thanks is no
small talk; harmless: the bot greets and shows the menu). Noticed and left: "hij spreekt pools, kan het
in het engels?" reads Polish (main too: the first language named counts in a short message).
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

HELDOUT = Path(__file__).parent / "data" / "heldout38.jsonl"
CASES = list(load(HELDOUT))
BATCH_SIZES = {"h38a-": 75, "h38b-": 73}

# Decided misses: id -> why it stays.
KNOWN_MISSES: dict[str, str] = {
    "h38a-menu-11": "'alleen in het weekend' reads this weekend (round 25); a volunteer's offer means "
    "weekends",
    "h38b-menu-08": "'nee hoor, bedankt, fijne avond nog' at the menu reads a greeting: a 'nee' before "
    "thanks is no small talk",
}
# Look-alikes that raise a crisis: none. h38a-first-15 ("home from hospital after a stroke") did until the
# lead's session 31 gave the other languages Dutch's "na ... beroerte" idiom (crisis.toml since_illness).
FALSE_ALARMS: set[str] = set()


def test_the_set_is_new_whole_and_covers_every_context_language_and_channel() -> None:
    assert_heldout_set_whole(CASES, BATCH_SIZES, KNOWN_MISSES, __file__, HELDOUT)


@pytest.mark.parametrize("case", crisis_params(CASES, KNOWN_MISSES))
def test_each_case_reads_as_expected(case: Case) -> None:
    assert_case_reads(case, KNOWN_MISSES)


def test_the_score_and_no_false_alarm() -> None:
    result = score(CASES, NOW)
    assert result.passed == len(CASES) - len(KNOWN_MISSES)
    assert result.crises == result.crises_recalled == 0
    assert {case.id for case, reading in result.failures if "crisis" in reading} == FALSE_ALARMS
    assert result.false_alarms == len(FALSE_ALARMS)


# Paraphrases of the families the fixes added (not in the set), each with a look-alike that keeps its old
# reading: (context, text, what the reading must hold; None: the key must be absent).
FAMILIES = [
    # The carer's limit said sideways; "op" that goes on is no limit.
    ("checkin", "eerlijk gezegd ben ik op", {"answer": "heavy", "distress": True}),
    ("checkin", "ik ben op bezoek geweest bij de kinderen, gaat goed", {"answer": "good", "distress": None}),
    ("checkin", "artık yoruldum, babam hic uyumuyor", {"answer": "heavy", "distress": True}),
    ("checkin", "quite shattered, she was up at 4 again", {"answer": "heavy", "distress": True}),
    # Nights told: heavy, no limit.
    ("checkin", "ik lag weer wakker van hem", {"answer": "heavy", "distress": None}),
    # "not bad at all" is good; "not bad" stays the middle.
    ("checkin", "not bad at all this week", {"answer": "good"}),
    ("checkin", "not bad this week", {"answer": "okay"}),
    ("checkin", "de middelste hoor", {"answer": "okay"}),
    # A day ruled out at its clause's end; "alleen" before a day alone stays the only one.
    ("invitation", "ja, alleen woensdag lukt het niet", {"answer": "yes", "condition": "not wednesday"}),
    ("invitation", "ja, alleen woensdag", {"answer": "yes", "condition": "wednesday only"}),
    # A yes, "but", a later with its time; a later without one, or a day with "pas", leaves the yes.
    ("invitation", "ja hoor, maar volgende week pas", {"answer": "later", "condition": "next week"}),
    ("invitation", "ja, maar misschien iets later", {"answer": "yes"}),
    ("invitation", "graag, maar pas overmorgen", {"answer": "yes", "condition": "day after tomorrow"}),
    ("invitation", "I could, if it's near my home", {"answer": "yes", "condition": "nearby only"}),
    ("invitation", "vandaag red ik het niet", {"answer": "no"}),
    # The last option by word; "de laatste keer" is no choice.
    ("menu", "doe maar de laatste", {"intent": "stop"}),
    ("menu", "de laatste keer ging het mis", {"intent": None}),
    # A label as the first clause.
    ("menu", "helpen, alleen op zaterdag", {"intent": "offer", "when": "saturday"}),
    # The writer's own work; a service asked for stays one.
    (
        "first_message",
        "ik ben wijkverpleegkundige bij de thuiszorg, een mevrouw uit de wijk zoekt iemand voor haar tuin",
        {"intent": "ask", "category": "tuin"},
    ),
    (
        "first_message",
        "I work for the council and one of my clients needs a lift to the dentist",
        {"intent": "ask", "category": "vervoer"},
    ),
    ("first_message", "hoe kom ik bij het wijkteam terecht", {"intent": "service_question"}),
    # Help offered on a condition; a need stays a request.
    (
        "first_message",
        "als er iemand hulp nodig heeft met de computer, doe ik het graag",
        {"intent": "offer", "category": "computer"},
    ),
    ("first_message", "ik heb hulp nodig met de computer", {"intent": "ask"}),
    ("first_message", "happy to help with odd jobs in the area", {"intent": "offer", "category": "klusjes"}),
    # What the service is; what is on stays the agenda.
    ("first_message", "wat doen jullie eigenlijk?", {"intent": "greeting"}),
    ("first_message", "wat organiseren jullie zoal deze week", {"intent": "activity"}),
    # "أحد" is anyone; coming round is no deadline.
    ("first_message", "هل يمكن أن يساعدني أحد في الحديقة؟", {"intent": "ask", "when": None}),
    ("first_message", "could someone come by on friday to fix my shelf", {"when": "friday"}),
    # A language asked last after a reason; a request after the same reason is no language.
    (
        "any_state",
        "mijn vader leest alleen pools, kunt u in het pools schrijven?",
        {"intent": "language", "language": "pl"},
    ),
    ("any_state", "mijn vader leest alleen pools, kan iemand zijn post met hem doornemen", {"intent": None}),
    ("any_state", "jullie mogen mij van de lijst afhalen", {"intent": "stop"}),
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
