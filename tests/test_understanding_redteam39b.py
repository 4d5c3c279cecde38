# Messages are kept whole and as typed (emoji, Turkish and Polish without diacritics, Cyrillic letters).
"""Red-team round corpus39 (`tests/data/heldout39.jsonl`): held-out cases in the corpus format, over every
context, the six languages and the three channels, written for what people send from a phone in a hurry: one
word or an emoji ("👍🏼", "✔️", "🙈🙈", "👌🏻", "🐈", "🛒🥦", "1️⃣", "4️⃣", "🤷🏼‍♂️", "😭😭"), letters left out,
doubled or drawn out ("morgn", "dinsdg ochtnd", "zaterdga", "tuinn", "stoooop", "jaaaa prima"), all capitals,
words typed without the space ("DITWEEKEND", "gaatwel"), text-speak ("some1", "tmrw morn", "thurs pm",
"wanna volunteer"), Turkish and Polish without diacritics ("yarin sabah", "persembe", "sroda po poludniu"),
Ukrainian typed in Latin letters ("tak, zavtra", "ne duzhe terminovo", "cholovik mene b'ye"), Arabic-Indic
digits ("٧٣٩٨", "٢", an hour after "غدا الساعة"), Arabizi ("3awni f lwra9", "bl3arbia 3afak") and voice
notes transcribed without punctuation. An emoji that means something (a dog, a shopping trolley, a wave) is
read as it; one that means nothing (a shrug, a thinking face, monkeys) stays nothing. Figures are from the
corpus CLI.

Held out, before the fixes (main, bc71070):
- Batch 1 (h39a, 89), written before the readers were studied: 80/89 (89.9 %). One expectation was set after
  scoring to a documented reading: "ne duzhe terminovo" (not very urgent) is this week, as urgency.toml reads
  "not very urgent" and "niet zo dringend" (main read today, so the figure stands). By context: any_state 6/8,
  ask_category 8/8, ask_urgency 5/6, ask_when 9/9, checkin 7/8, consent 9/9, first_message 10/13, invitation
  6/7, menu 5/6, name 8/8, neighbourhood 7/7. By language: ar 11/11, en 11/12, nl 30/33, pl 9/10, tr 12/12,
  uk 7/11. Crises 2/2, no false alarm.
- Batch 2 (h39b, 92), written before any fix and not aimed at batch 1's misses: 83/92 (90.2 %) as written.
  Two expectations were against earlier decisions and were set to them after scoring: "vanaf zaterdg" is
  "after saturday" (round 21: "vanaf" is "after") and an offer's "woensdg en vrijdg" is "wednesday and friday"
  (round corpus33); with them 85/92 (92.4 %). By context: any_state 9/9, ask_category 8/8, ask_urgency
  6/7, ask_when 9/10, checkin 7/8, consent 8/8, first_message 10/13, invitation 7/7, menu 7/7, name 7/8,
  neighbourhood 7/7. By language: ar 10/11, en 10/12, nl 30/33, pl 12/12, tr 10/11, uk 13/13. Crises 4/4, no
  false alarm.
After: batch 1 88/89, batch 2 90/92 (three known misses below). The dev corpus stays 328/328, crises 27/27.

What failed: a weekend typed as one word ("DITWEEKEND") and "gaatwel"; a drawn-out "stoooop" (the dictionary
knows "stoop"); Ukrainian in Latin letters once a first word was read ("tak, zavtra" lost its tomorrow); "ne
duzhe terminovo" read as urgent; "wanna volunteer" a greeting; Polish "koniec" at the menu; "thurs pm" and
"tmrw morn"; a Turkish "yok" before "bugun" taken as its negation ("kizim yok bugun ..."); an age before a
"want" in a voice note ("ik ben 79 en ... want ... donderdag") made the Thursday a reason's time; "Ik ben
Wil".

Mechanisms (the "round corpus39" blocks of data/*.toml):
- Dutch written by ear (`spelling`): a word the dictionary does not know that is two words it knows typed
  without the space, one of them a lexicon word, is split ("ditweekend", "gaatwel"); a word the lexicons list
  stays whole ("overmorgen"). Of a letter typed three times or more, the form the lexicons use is taken when
  both are words ("stoooop" -> "stop"). The lexicons' words are gathered once (warm-up).
- A message read as Ukrainian is also read with its Latin words in Cyrillic when it is read already, and
  that reading is taken when it says more (`reading.read`: "tak, zavtra" is yes with the condition tomorrow).
- Turkish negations follow what they negate (times.toml tr "neg:after", `time_compose._negated`): "bugun
  olmaz" is no today, "kizim yok bugun" is today.
- A bare number above 31 (an age) is no time said before a reason (`time_compose._said_time`).
- After a weak introduction ("ik ben") a known first name that is also a word, written with a capital and
  ending its clause, is a name (`names._name_at`): "Ik ben Wil", "ik ben Kim".
- Data: "tues", "weds", "thurs", "thur", "pm", "morn" (times.toml; "pm" and "morn" alone inside a message are
  no time: "pm me your number"); "wanna|gonna help|volunteer" (intents.toml offer.en); "koniec" as a whole
  stop (stop.pl); not very urgent in Ukrainian and Polish is this week (urgency.toml).

Known misses: "ukrainskoyu bud laska" without the conversation's language ("bud" and "laska" are Polish
words too: one Ukrainian word does not tell Latin Ukrainian on a message of unknown language); "machi darouri
daba" (the "machi" belongs to "darouri", the "daba" stays today; urgency.toml lists the phrase in three other
spellings); "gaat wl" ("wl" is wel or wil: shorthand.toml leaves it out on purpose).
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

HELDOUT = Path(__file__).parent / "data" / "heldout39.jsonl"
CASES = list(load(HELDOUT))
BATCH_SIZES = {"h39a-": 89, "h39b-": 92}

# Decided misses: id -> why it stays.
KNOWN_MISSES: dict[str, str] = {
    "h39a-any-06": "'bud laska' is Polish too: one Ukrainian word in Latin letters tells no language",
    "h39b-urg-05": "'machi' belongs to 'darouri'; the 'daba' after it stays today (other spellings listed)",
    "h39b-check-08": "'wl' is wel or wil; shorthand.toml leaves it out on purpose",
}


def test_the_set_is_new_whole_and_covers_every_context_language_and_channel() -> None:
    assert_heldout_set_whole(CASES, BATCH_SIZES, KNOWN_MISSES, __file__, HELDOUT)


@pytest.mark.parametrize("case", crisis_params(CASES, KNOWN_MISSES))
def test_each_case_reads_as_expected(case: Case) -> None:
    assert_case_reads(case, KNOWN_MISSES)


def test_the_score_and_no_false_alarm() -> None:
    result = score(CASES, NOW)
    assert result.passed == len(CASES) - len(KNOWN_MISSES)
    assert result.crises == result.crises_recalled == 6
    assert result.false_alarms == 0


# Paraphrases of the families the fixes added (not in the set), each with a look-alike that keeps its old
# reading: (context, text, what the reading must hold; None: the key must be absent).
FAMILIES = [
    # Two words typed as one; a word the lexicons list stays whole.
    ("ask_when", "volgendeweek graag", {"when": "next week"}),
    ("checkin", "gaatprima hoor", {"answer": "good"}),
    ("ask_when", "overmorgen rond de middag", {"when": "day after tomorrow afternoon"}),
    # A letter drawn out: the lexicons' form.
    ("any_state", "stoooppp nu", {"intent": "stop"}),
    ("ask_when", "volgende weeeek", {"when": "next week"}),
    # Ukrainian in Latin letters after a word read already.
    ("invitation", "tak, pislya obidu", {"answer": "yes", "condition": "afternoon only"}),
    ("invitation", "tak, dobre", {"answer": "yes", "condition": None}),
    # A Turkish negation follows what it negates.
    ("ask_when", "bugun olmaz, yarin", {"when": "tomorrow"}),
    ("ask_when", "esim yok aksam gelin", {"when": "evening"}),
    # An age before a reason is no time said.
    (
        "first_message",
        "ik ben 83 en heb hulp nodig want mijn man is ziek kan iemand vrijdag boodschappen doen",
        {"intent": "ask", "category": "boodschappen", "when": "friday"},
    ),
    ("ask_when", "vrijdag graag, want donderdag ben ik bij de dokter", {"when": "friday"}),
    # A first name that is a word too, after "ik ben".
    ("name", "ik ben Roos 🌹", {"name": "Roos"}),
    ("name", "ik ben wel moe", {"name": None}),
    # Days and parts of day cut short; alone inside a message no time.
    ("first_message", "can some1 help me weds morn", {"intent": "ask", "when": "wednesday morning"}),
    ("first_message", "pm me if you can help with my garden", {"category": "tuin", "when": None}),
    # "wanna" volunteers; Polish "koniec" stops.
    ("first_message", "i wanna help out in my area", {"intent": "offer"}),
    ("menu", "koniec z tym", {"intent": "stop"}),
    # Not very urgent is this week.
    ("ask_urgency", "не надто терміново", {"urgency": "this_week"}),
    ("ask_urgency", "niezbyt pilne to", {"urgency": "this_week"}),
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
