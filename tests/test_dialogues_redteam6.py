# ruff: noqa: RUF001, RUF002
"""Red team of whole conversations, round 6 (round 5: tests/test_dialogues_redteam5.py).

Replayed through `flows.conversation.step` with the golden transcripts' fixed clock (Monday 23 November
2026, 10:00 UTC); each dialogue is data (tests/dialogue_redteam_support.py).

Figures (turns as expected / turns; dialogues fully as expected):
- Round 5's remaining gaps (GAPS, 14 dialogues): 10/19 turns, 6/14 dialogues before; 19/19, 14/14 after.
- Held out (HELD_OUT, 10 dialogues about greetings, small talk, thanks after help and "how are you" at
  the menu, mid-question, in a thread and at "Is het gelukt?"), written and scored before fixing:
  17/27 turns, 2/10 dialogues before; 27/27, 10/10 after.
- Guards (16 dialogues): 20/22 turns, 14/16 before (the two that did not hold were changes asked for:
  "hallo" at an open invitation was a counted miss, "ik weet het niet meer" in a thread got the offers);
  22/22, 16/16 after. Seen after fixing (SEEN, not in the figures): the other words of not coping in
  the six languages; all hold.

What failed and what changed (mechanisms):
- Politeness alone ("hallo", "goedemorgen", "hoi 👋", "dank je wel!", "fijne dag nog", "hoe gaat het?",
  "👍") was "Dat begreep ik niet helemaal" and counted toward offering a person. Now flows/smalltalk.py
  reads whether the whole message is politeness (word lists conversation.toml [smalltalk_hello|thanks|
  bye|ok|how_are_you], light words [smalltalk_light], emoji alone [smalltalk_emoji_*]); the readers'
  greeting intent is not used, as it also covers "nog een vraag" and "klaar". At the menu (also with an
  invitation or check-in open) a kind lead (`smalltalk_*`: "Hallo! Fijn dat je er bent.", "Graag
  gedaan!", ...) goes before the menu or the open question in one message, and no miss is counted.
  Mid-question (`_taken_as_answer`): where the flow missed, or took the politeness as an answer
  ("goedemiddag" as the name of the one cared for, "hoi, hoe gaat het?" as category numbers), the
  state from before the message is kept and the question comes again with the lead; where the flow
  already asked the same question plainly, that stands (golden offer.json, "hallo" at the reach
  question). Words of "fine" ("ok", "prima", "👍") are answers at some questions: mid-question they
  count only where the flow missed. After a crisis answer politeness gets crisis care, as a miss does.
  In a thread, politeness goes to the neighbour as before.
- Out of a check-in the offers of help (`_distress`) were given on the check-in reader's distress,
  which is broad there ("ik weet het niet meer" at the menu got the offers). Now they need clear words
  of not coping (conversation.toml [cannot_cope], in six languages; the reader must still read
  distress), and a short message must say nothing else: the clear words taken out, only light words
  ([distress_light], moved out of the flow code) remain. That also reads "я більше не витримую" (the
  word-by-word check failed on "більше") and neighbours ("я більше не можу", "artık dayanamıyorum",
  "już nie wytrzymuję", "لم أعد أحتمل", "I can't take it anymore", "ik hou het niet meer vol"). A
  check-in and a registered carer's words are read as before.
- "is er al iemand voor mijn vraag over de lamp?" in a thread went to the neighbour: the reader reads
  words about the conversation only up to 8 words. Now a question of up to 14 words that is one of MIJN
  VRAGEN's open-ended phrases is MIJN VRAGEN (`intent._status_question`); round 5's xfail is closed.

Decided and left:
- "hallo" at the offer flow's reach question is still asked again plainly, without the greeting back
  (a golden transcript holds it; it is no miss).
- Thanks after the meeting check ("dank je wel!" at "Is het gelukt?" or "Willen jullie weer
  afspreken?") is passed on to the neighbour: it may be meant for them. The open question is then no
  longer asked. (Round 7 changed this for "Willen jullie weer afspreken?": a kind word, the question kept.)
- A bye or thanks at the menu is followed by the menu (one message, as the miss was); over SMS a
  shorter close could save a segment.
- Longer status questions are still read by the reader's own rules only ("is er al iemand gevonden die
  morgen boodschappen voor mij kan doen?" is no MIJN VRAGEN; an English "... yet?" is not read). Round 7
  (tests/test_dialogues_redteam7.py) reads them.
"""

from __future__ import annotations

import pytest

from tests.dialogue_redteam_support import (
    CARER,
    CHECKIN,
    INVITE,
    RIA,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
)
from tests.test_dialogues_redteam5 import CHECK, OPEN_REQUEST, THREAD, TO_WHEN, WITH_THREAD

D = Dialogue
MISSES = ["not_understood", "*_again"]
# Politeness is no miss: no "I did not quite get that", no count toward offering a person.
KIND = {"not_keys": MISSES, "not_says": ["begreep ik niet", "did not quite get"], "state": {"misses": None}}
OFFERS = {"keys": ["distress_offers"], "effect": ["alert_staff"]}
NO_OFFERS = {"not_keys": ["distress_offers"], "no_effect": ["alert_staff"]}
SENT = (*TO_WHEN, ("donderdag", {}), ("2", {}), ("1", {"keys": ["ask_summary"]}))

# The gaps round 5 left, each with dialogues that failed before.
GAPS = [
    *[
        D(
            f"{text!r} alone at the menu: a greeting back and the menu, no miss",
            ((text, {**KIND, "keys": ["menu"], "says": ["Hallo!"]}),),
        )
        for text in ("hallo", "goedemorgen", "hoi 👋")
    ],
    D(
        "a greeting alone mid-question: a kind re-ask, twice, never 'offer a person'; then the answer",
        (
            *TO_WHEN,
            ("hallo", {**KIND, "keys": ["ask_when"], "says": ["Hallo!"]}),
            ("goedemiddag!", {**KIND, "keys": ["ask_when"], "not_says": ["MENS"]}),
            ("donderdag", {"keys": ["ask_urgency"]}),
        ),
    ),
    D(
        "'ik weet het niet meer' at the menu is no distress",
        (("ik weet het niet meer", NO_OFFERS),),
    ),
    D(
        "Ukrainian at the menu: 'я більше не витримую'",
        (("я більше не витримую", OFFERS),),
        state=menu_state("uk"),
    ),
    D(
        "Ukrainian 'я більше не витримую' from a Dutch conversation",
        (("я більше не витримую", OFFERS),),
    ),
    D(
        "Ukrainian neighbour: 'я більше не можу'",
        (("я більше не можу", OFFERS),),
        state=menu_state("uk"),
    ),
    D(
        "Turkish: 'artık dayanamıyorum'",
        (("artık dayanamıyorum", OFFERS),),
        state=menu_state("tr"),
    ),
    D(
        "Polish: 'już nie wytrzymuję'",
        (("już nie wytrzymuję", OFFERS),),
        state=menu_state("pl"),
    ),
    D(
        "Arabic: 'لم أعد أحتمل'",
        (("لم أعد أحتمل", OFFERS),),
        state=menu_state("ar"),
    ),
    D(
        "English: 'I can't take it anymore'",
        (("I can't take it anymore", OFFERS),),
        state=menu_state("en"),
    ),
    D(
        "Dutch: 'ik hou het niet meer vol'",
        (("ik hou het niet meer vol", OFFERS),),
    ),
    D(
        "resident in a thread asks whether anyone reacted to her other request: not passed on",
        (
            (
                "is er al iemand voor mijn vraag over de lamp?",
                {"keys": ["request_status_open"], "no_effect": ["relay"]},
            ),
        ),
        profile={**WITH_THREAD, "open_requests": [OPEN_REQUEST]},
    ),
]

# Written before fixing: politeness at different points of a conversation. The bot answers kindly and
# goes on; it never restarts and never counts a miss for politeness.
HELD_OUT = [
    D(
        "'dank je wel!' at the request's summary: thanked back, the summary again",
        (*SENT, ("dank je wel!", {**KIND, "keys": ["ask_summary"]})),
    ),
    D(
        "'fijne dag nog' at the menu",
        (("fijne dag nog", {**KIND, "says": ["jij ook"]}),),
    ),
    D(
        "'👍' at the when-question, then the answer",
        (*TO_WHEN, ("👍", {**KIND, "keys": ["ask_when"]}), ("morgen", {"keys": ["ask_urgency"]})),
    ),
    D(
        "'hoe gaat het met je?' at the menu",
        (("hoe gaat het met je?", {**KIND, "keys": ["menu"], "says": ["gaat het goed"]}),),
    ),
    D(
        "'hoi, hoe gaat het?' while signing up as a volunteer",
        (
            ("2", {"keys": ["offer_categories"]}),
            ("hoi, hoe gaat het?", {**KIND, "keys": ["offer_categories"]}),
            ("3", {"keys": ["offer_reach"]}),
        ),
    ),
    D(
        "'dank je wel Henk!' in a thread goes to the neighbour, no miss",
        (("dank je wel Henk!", {**KIND, "effect": ["relay"], "not_keys": ["menu", *MISSES]}),),
        profile=WITH_THREAD,
    ),
    D(
        "'dank je wel!' at 'Is het gelukt?': no miss, no reset",
        ((CHECK, {"keys": ["meet_check"]}), ("dank je wel!", KIND)),
        profile=WITH_THREAD,
    ),
    D(
        "thanks three times at the menu never escalates",
        tuple(
            (text, {**KIND, "not_keys": [*MISSES, "stuck_staff_told"], "no_effect": ["alert_staff"]})
            for text in ("dank je!", "bedankt hoor", "👍")
        ),
    ),
    D(
        "'goedemiddag' while registering as a carer: the question again, kindly",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("goedemiddag", {**KIND, "keys": ["care_who"]}),
            ("Jan", {"keys": ["care_relation"]}),
        ),
    ),
    D(
        "English 'thanks a lot!' at the menu: answered in English",
        (("thanks a lot!", {**KIND, "says": ["welcome"]}),),
        state=menu_state("en"),
    ),
]

# What the fixes must not break.
GUARDS = [
    *[
        D(
            f"{text!r} at the menu is no greeting",
            ((text, {"not_says": ["Hallo!", "Graag gedaan"]}),),
        )
        for text in ("nog een vraag", "klaar")
    ],
    D(
        "a greeting with a request is the request",
        (("hallo, ik zoek iemand voor de boodschappen", {"keys": ["ask_*"], "not_says": ["Hallo!"]}),),
    ),
    D(
        "a greeting while an invitation is open asks the invitation again, kindly",
        ((INVITE, {"keys": ["invite*"]}), ("hallo", {**KIND, "keys": ["invite*"], "not_keys": ["menu"]})),
    ),
    D(
        "'ok' at the when-question is no politeness answer when the flow reads it",
        (*TO_WHEN, ("morgen", {"keys": ["ask_urgency"], "not_says": ["Fijn!"]})),
    ),
    D(
        "thanks and a time in a thread are passed on",
        (("dank je, tot donderdag", {"effect": ["relay"]}),),
        profile=WITH_THREAD,
    ),
    D(
        "after a crisis answer, thanks gets crisis care, nothing cheerful",
        (
            ("ik wil er niet meer zijn", {"crisis": True}),
            ("dank je", {"keys": ["crisis_followup"], "not_says": ["Graag gedaan"]}),
        ),
    ),
    *[
        D(f"{text!r} at the menu still gets the offers", ((text, OFFERS),), state=menu_state(lang))
        for text, lang in (
            ("ik trek het niet meer", "nl"),
            ("ik kan het niet meer aan", "nl"),
            ("ik ben op", "nl"),
            ("I can't cope anymore", "en"),
            ("Henk, ik trek het allemaal niet meer", "nl"),
        )
    ],
    D(
        "a registered carer's check-in still reads 'ik weet het niet meer' as at her limit",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            ("ik weet het niet meer", {"effect": ["alert_staff"]}),
        ),
        profile=CARER,
    ),
    D(
        "'ik weet het niet meer' in a thread is passed on, no offers",
        (("ik weet het niet meer", {"effect": ["relay"], "not_keys": ["distress_offers"]}),),
        profile={**RIA, "threads": [THREAD]},
    ),
    D(
        "'ik wil mijn vragen zien' in a thread still shows the list",
        (("ik wil mijn vragen zien", {"keys": ["my_requests_list"], "no_effect": ["relay"]}),),
        profile={**WITH_THREAD, "open_requests": [OPEN_REQUEST]},
    ),
    D(
        "a long question to the neighbour about a request is passed on",
        (
            (
                "Henk, heb jij al iemand gevonden die de lamp kan ophangen bij mijn buurvrouw?",
                {"effect": ["relay"]},
            ),
        ),
        profile={**WITH_THREAD, "open_requests": [OPEN_REQUEST]},
    ),
]

# Seen after fixing (not in the figures): other clear words of not coping at the menu.
SEEN = [
    D(f"{text!r} at the menu gets the offers", ((text, OFFERS),), state=menu_state(lang))
    for text, lang in (
        ("nie mam już siły", "pl"),
        ("не можу більше", "uk"),
        ("я на межі", "uk"),
        ("ما بقيتش قادرة", "ar"),
        ("I can't do this anymore", "en"),
        ("I'm at my limit", "en"),
        ("ik zit er helemaal doorheen", "nl"),
        ("gücüm kalmadı", "tr"),
    )
]
SEEN += [
    D(f"{text!r} at the menu is no distress", ((text, NO_OFFERS),))
    for text in ("ik ben op mijn werk", "ik weet het echt niet meer")
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
