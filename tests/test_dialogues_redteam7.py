# ruff: noqa: RUF001
"""Red team of whole conversations, round 7 (round 6: tests/test_dialogues_redteam6.py).

Replayed through `flows.conversation.step` with the golden transcripts' fixed clock (Monday 23 November
2026, 10:00 UTC); each dialogue is data (tests/dialogue_redteam_support.py). Reader checks (a later's
condition, a plural part of day) use `read_invitation` and `read` directly.

Figures (turns as expected / turns; dialogues fully as expected), before (main) and after:
- Round 6's remaining gaps (GAPS, 6 dialogues): 7/12 turns, 1/6 dialogues before; 12/12, 6/6 after.
  (The invitation gap holds at the flow level before: the flow keeps a yes's condition only; its
  "next week" is checked on the reader: LATER_NEXT_WEEK's first three, 1/3 before, 3/3 after.)
- Held out (HELD_OUT, 15 dialogues: residents asking about their request in their own words in six
  languages, at the menu, mid-question and in a thread; volunteers answering invitations in sentences),
  written and scored before fixing: 16/24 turns, 7/15 dialogues before; 24/24, 15/15 after. All eight
  misses were status questions; the invitation sentences already held.
- Plural part of day (PLURAL_PARTS, reader): 2/4 before, 4/4 after.
- Guards (7 dialogues): 12/13 turns, 6/7 before (the one that did not hold was a change asked for:
  English thanks at "meet again?"); 13/13, 7/7 after. A guard written after the first fix
  ("heeft de huisarts al geantwoord op mijn vraag?" in a thread) caught that fix's false reading.
- Seen after fixing (SEEN, STILL_NO and LATER_NEXT_WEEK's last three, not in the figures): all hold.

What failed and what changed (mechanisms):
- Status questions longer than MIJN VRAGEN's phrases ("is er al iemand gevonden die morgen boodschappen
  voor mij kan doen?", "has anyone answered my request about the lamp yet?", "talebime cevap veren biri
  oldu mu?", "czy ktoś już odpowiedział na moją prośbę?", "чи хтось вже відповів на мій запит?", "هل رد
  أحد على طلبي؟") were new requests (ask_*), misses, or in a thread passed to the neighbour. Now
  `intent._status_in_own_words` reads a question (ends in "?") of at most 16 words with a word of found /
  answered (commands.toml [status_question].done), a word of someone who would take it up (.someone),
  and a word of already / yet (.already) or one's own request named (.mine); not when put to "you"
  (.you: in a thread "Henk, heb jij al iemand gevonden ..." is for the neighbour). Short messages get
  the same reading after the command phrases. The flow then answers as for round 6's status questions:
  at the menu and in a thread the request's status, mid-question the status and the question again.
  "is er iemand die morgen boodschappen kan doen?" has no word of found / answered: still a request.
- "dank je wel!" at "Volgende week weer afspreken?" in a thread went to the neighbour and the question
  was dropped. Now at the prompts listed in conversation.toml [polite_keeps_question] (meet_again)
  politeness (flows/smalltalk.py) gets the kind lead and the question again, not relayed
  (`conversation._polite_at_bot_question`); words of "fine" ("ok", "👍") may be a yes and go on as before.
- "walk my dog in the mornings" was "morning". Now an English plural part of day (times.toml
  [plural_part].parts) with a task done each day in the message (.tasks: walk, feed, water, meds, ...)
  is a daily repeat (`time_compose._repeated_task`): every morning. "mornings suit me best" and "help
  with the shopping in the mornings" stay the part of day; Dutch "'s ochtends" is unchanged.
- "deze week niet, ben op vakantie. daarna graag" was a later without a time. Now not this week
  (invitation.toml [after_this_week].not_this_week) followed by a word of after that (.then: daarna,
  after that, ondan sonra, potem, потім, من بعد), whatever reason stands between, is "next week"
  (`answers._after_this_week`), unless a negation follows in that clause ("daarna ook niet"); a no with
  it is a later (a Polish "nie w tym tygodniu ... potem chętnie" was a no). Round 18's two known misses
  (tests/test_understanding_redteam18.py KNOWN) are closed.

Decided and left:
- Politeness at "Is het gelukt?" (meet_check) still goes to the neighbour, as round 6 decided: only
  meet_again is listed; the list is data.
- A later's condition ("next week") is read but the flow keeps conditions of a yes only
  (flows/invitations.py), so the later dialogue checks the answer and the reader check the condition.
- "weet je of er al iemand gevonden is voor mijn boodschappen?" is not read (a "je": in a thread it may
  be for the neighbour); "is er al iemand die mijn sleutels heeft gevonden?" is read as a status question
  (lost keys said like a request's status; rare in Voordeur).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flows.understanding.answers import read_invitation
from flows.understanding.reading import read
from tests.dialogue_redteam_support import INVITE, RIA, Dialogue, as_params, assert_holds, menu_state
from tests.test_dialogues_redteam5 import CHECK, OPEN_REQUEST, TO_WHEN, WITH_THREAD

D = Dialogue
MISSES = ["not_understood", "*_again"]
WITH_REQUEST = {**RIA, "open_requests": [OPEN_REQUEST]}

IN_THREAD = {**WITH_THREAD, "open_requests": [OPEN_REQUEST]}


# How one's own request stands (it is about the lamp), not a new request, not passed to a neighbour.
STATUS = {"not_keys": ["ask_*", *MISSES], "no_effect": ["relay"], "says": ["lamp"]}
# Mid-question: the request's status, then the open question again.
MID_QUESTION = {"keys": ["request_status_open", "ask_when"], "not_keys": MISSES, "says": ["lamp"]}


# The gaps round 6 left, each with dialogues that failed before.
GAPS = [
    D(
        "a long Dutch status question at the menu",
        (("is er al iemand gevonden die morgen boodschappen voor mij kan doen?", STATUS),),
        profile=WITH_REQUEST,
    ),
    D(
        "an English status question with 'yet' at the menu",
        (("has anyone answered my request about the lamp yet?", STATUS),),
        profile=WITH_REQUEST,
        state=menu_state("en"),
    ),
    D(
        "a long Dutch status question in a thread: answered, not passed on",
        (("is er al iemand gevonden die morgen boodschappen voor mij kan doen?", STATUS),),
        profile=IN_THREAD,
    ),
    D(
        "a long status question mid-question: answered, then the question again",
        (*TO_WHEN, ("heeft er al iemand gereageerd op mijn vraag over de lamp?", MID_QUESTION)),
        profile=WITH_REQUEST,
    ),
    D(
        "'dank je wel!' at 'Willen jullie weer afspreken?': thanked, the question kept",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"]}),
            ("dank je wel!", {"keys": ["meet_again"], "says": ["Graag gedaan"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'deze week niet, ben op vakantie. daarna graag' at an invitation: a later",
        (
            (INVITE, {"keys": ["invite*"]}),
            (
                "deze week niet, ben op vakantie. daarna graag",
                {"effect_has": {"answer_invitation": {"answer": "later"}}},
            ),
        ),
    ),
]

# Written before fixing: residents asking about their requests in their own words, volunteers
# answering invitations in sentences.
HELD_OUT = [
    D(
        "'heeft al iemand gereageerd op mijn vraag?' at the menu",
        (("heeft al iemand gereageerd op mijn vraag?", STATUS),),
        profile=WITH_REQUEST,
    ),
    D(
        "'is mijn vraag over de lamp al door iemand opgepakt?'",
        (("is mijn vraag over de lamp al door iemand opgepakt?", STATUS),),
        profile=WITH_REQUEST,
    ),
    D(
        "'did anyone reply to my request yet?' in English",
        (("did anyone reply to my request yet?", STATUS),),
        profile=WITH_REQUEST,
        state=menu_state("en"),
    ),
    D(
        "'has someone been found for my request already?' in a thread",
        (("has someone been found for my request already?", STATUS),),
        profile=IN_THREAD,
        state=menu_state("en"),
    ),
    D(
        "Turkish: 'talebime cevap veren biri oldu mu?'",
        (("talebime cevap veren biri oldu mu?", STATUS),),
        profile=WITH_REQUEST,
        state=menu_state("tr"),
    ),
    D(
        "Polish: 'czy ktoś już odpowiedział na moją prośbę?'",
        (("czy ktoś już odpowiedział na moją prośbę?", STATUS),),
        profile=WITH_REQUEST,
        state=menu_state("pl"),
    ),
    D(
        "Ukrainian: 'чи хтось вже відповів на мій запит?'",
        (("чи хтось вже відповів на мій запит?", STATUS),),
        profile=WITH_REQUEST,
        state=menu_state("uk"),
    ),
    D(
        "Arabic: 'هل رد أحد على طلبي؟'",
        (("هل رد أحد على طلبي؟", STATUS),),
        profile=WITH_REQUEST,
        state=menu_state("ar"),
    ),
    D(
        "'is er al iemand gevonden voor de lamp?' mid-question",
        (*TO_WHEN, ("is er al iemand gevonden voor de lamp?", MID_QUESTION)),
        profile=WITH_REQUEST,
    ),
    D(
        "invitation: 'ja hoor, maar wel pas na drie uur' is a yes after 15:00",
        (
            (INVITE, {"keys": ["invite*"]}),
            (
                "ja hoor, maar wel pas na drie uur",
                {"effect_has": {"answer_invitation": {"answer": "yes", "condition.start": "15:00:00"}}},
            ),
        ),
    ),
    D(
        "invitation: 'nee sorry, ik lig zelf met griep in bed' is a no",
        (
            (INVITE, {"keys": ["invite*"]}),
            (
                "nee sorry, ik lig zelf met griep in bed",
                {"effect_has": {"answer_invitation": {"answer": "no"}}},
            ),
        ),
    ),
    D(
        # Dialogue round 23: a later that says when it does work is a yes at that time (matching asks the
        # resident when it does not suit); it was "later", which dropped next week.
        "invitation: 'nu even niet, volgende week wel' is a yes for next week",
        (
            (INVITE, {"keys": ["invite*"]}),
            (
                "nu even niet, volgende week wel",
                {
                    "effect_has": {
                        "answer_invitation": {"answer": "yes", "note": "nu even niet, volgende week wel"}
                    }
                },
            ),
        ),
    ),
    D(
        "invitation: 'doe ik graag!' is a yes",
        (
            (INVITE, {"keys": ["invite*"]}),
            ("doe ik graag!", {"effect_has": {"answer_invitation": {"answer": "yes"}}}),
        ),
    ),
    D(
        "invitation in English: 'not this week, I'm away. after that happy to' is a later",
        (
            (INVITE, {"keys": ["invite*"]}),
            (
                "not this week, I'm away. after that happy to",
                {"effect_has": {"answer_invitation": {"answer": "later"}}},
            ),
        ),
        state=menu_state("en"),
    ),
    D(
        "invitation: 'ja, als het 's ochtends kan' is a yes in the morning",
        (
            (INVITE, {"keys": ["invite*"]}),
            (
                "ja, als het 's ochtends kan",
                {"effect_has": {"answer_invitation": {"answer": "yes", "condition.part": "ochtend"}}},
            ),
        ),
    ),
]

# Seen after fixing (not in the figures): other status questions in one's own words, at the menu.
SEEN = [
    D(f"{text!r} at the menu", ((text, STATUS),), profile=WITH_REQUEST, state=menu_state(lang))
    for text, lang in (
        ("is er nou al iemand gevonden?", "nl"),
        ("heeft er nog niemand gereageerd op mijn vraag?", "nl"),
        ("is er al een vrijwilliger gevonden voor de lamp?", "nl"),
        ("has a volunteer been found yet?", "en"),
        ("has anybody replied yet?", "en"),
        ("birisi talebime cevap verdi mi?", "tr"),
        ("talebim için birini buldunuz mu?", "tr"),
        ("czy znaleźliście już kogoś do mojej prośby?", "pl"),
        ("чи знайшли вже когось для мого запиту?", "uk"),
        ("واش شي واحد جاوب على طلبي؟", "ar"),
    )
]

# The reader's condition for a later (the flow keeps a yes's condition only): "next week".
LATER_NEXT_WEEK = [
    ("deze week niet, ben op vakantie. daarna graag", "nl"),
    ("nu even niet, volgende week wel", "nl"),
    ("not this week, I'm away. after that happy to", "en"),
    # Seen after fixing (not in the figures): the other languages; a Polish "nie" was a no before.
    ("bu hafta olmaz, tatildeyim. ondan sonra olur", "tr"),
    ("nie w tym tygodniu, jestem na urlopie. potem chętnie", "pl"),
    ("не цього тижня, я у відпустці. потім залюбки", "uk"),
]
# ...but not this week and not after that either is a no.
STILL_NO = [("nee, deze week niet. daarna ook niet", "nl"), ("nee deze week niet, sorry", "nl")]

# What the fixes must not break.
GUARDS = [
    D(
        "'is er iemand die morgen boodschappen kan doen?' is a new request",
        (("is er iemand die morgen boodschappen kan doen?", {"keys": ["ask_*"]}),),
        profile=WITH_REQUEST,
    ),
    D(
        "'can anyone help me with my shopping tomorrow?' is a new request",
        (("can anyone help me with my shopping tomorrow?", {"keys": ["ask_*"]}),),
        profile=WITH_REQUEST,
        state=menu_state("en"),
    ),
    D(
        "a question to the neighbour in a thread is passed on",
        (
            (
                "Henk, heb je al iemand gevonden die de lamp kan ophangen bij mijn buurvrouw?",
                {"effect": ["relay"]},
            ),
        ),
        profile=IN_THREAD,
    ),
    D(
        "another's answer in a thread is for the neighbour: 'heeft de huisarts al geantwoord op mijn vraag?'",
        (("heeft de huisarts al geantwoord op mijn vraag?", {"effect": ["relay"]}),),
        profile=IN_THREAD,
    ),
    D(
        "'thanks!' at 'meet again?' in English: thanked, the question kept",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("yes", {"keys": ["meet_again"]}),
            ("thanks!", {"keys": ["meet_again"], "says": ["welcome"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
        state=menu_state("en"),
    ),
    D(
        "'ok' at 'meet again?' still goes on as before (it may be a yes)",
        ((CHECK, {"keys": ["meet_check"]}), ("ja", {"keys": ["meet_again"]}), ("ok", {"not_keys": MISSES})),
        profile=WITH_THREAD,
    ),
    D(
        "'ja' at 'Willen jullie weer afspreken?' is still the answer",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"]}),
            ("ja", {"not_keys": ["meet_again"]}),
        ),
        profile=WITH_THREAD,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(GAPS))
def test_gaps(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(HELD_OUT))
def test_held_out(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(SEEN))
def test_seen(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize(("text", "lang"), LATER_NEXT_WEEK)
def test_later_next_week(text: str, lang: str) -> None:
    answer, condition, _ = read_invitation(text, lang, datetime(2026, 11, 23, 10, tzinfo=UTC))
    assert (answer, condition) == ("later", "next week")


# An English plural part of day with a task done each day is a repeat; alone or with a task done once, not.
PLURAL_PARTS = [
    ("Could anyone walk my dog in the mornings? Broke my ankle 🙈", "every morning"),
    ("could someone feed my cat in the evenings", "every evening"),
    ("can someone help with the shopping in the mornings?", "morning"),
    ("walk my dog tomorrow morning", "tomorrow morning"),
]


@pytest.mark.parametrize(("text", "when"), PLURAL_PARTS)
def test_plural_part_of_day(text: str, when: str) -> None:
    reading = read("first_message", text, lang="en", now=datetime(2026, 11, 23, 10, tzinfo=UTC))
    assert reading.when == when


@pytest.mark.parametrize(("text", "lang"), STILL_NO)
def test_still_no(text: str, lang: str) -> None:
    answer, condition, _ = read_invitation(text, lang, datetime(2026, 11, 23, 10, tzinfo=UTC))
    assert (answer, condition) == ("no", None)
