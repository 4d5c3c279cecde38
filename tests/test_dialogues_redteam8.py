# ruff: noqa: RUF001, RUF002
"""Red team of whole conversations, round 8 (round 7: tests/test_dialogues_redteam7.py): the
volunteer's and the meeting's side, answered in sentences, in context, in six languages.

Replayed through `flows.conversation.step` with the golden transcripts' fixed clock (Monday 23 November
2026, 10:00 UTC); each dialogue is data (tests/dialogue_redteam_support.py). Here a miss is "not
understood" or the menu where a question was open (repair, not reset).

Figures (turns as expected / turns; dialogues fully as expected), before (the branch point) and after:
- Batch 1 (BATCH_1, 37 dialogues: invitations answered with conditions and questions, a yes twice, a yes
  then a no; a resident who also offers, a volunteer who also asks; the meeting planned, moved,
  cancelled, "Is het gelukt?" and "meet again?" answered in words; nl 25, en 4, tr 2, pl 2, uk 2, ar 2
  dialogues), written before reading the flows: 68/78 turns, 27/37 dialogues as first written; one
  expectation then changed by decision ("kan het ook vrijdag?" was to say "vrijdag" at once: the flow
  sends no text for a yes, the engine's next event asks the resident; the effect's condition is now
  checked, days [4], which held before): 69/78, 28/37 before; 78/78, 37/37 after. Misses by kind: 2
  invitation (a no that asks to be asked again, nl and pl), 1 a second yes, 1 offer, 1 moving a
  meeting, 4 at "Is het gelukt?" / "meet again?" in a thread.
- Batch 2 (BATCH_2, 39 dialogues, the same spots in other words: nl 23, pl 5, tr 4, en 3, uk 2, ar 2;
  written after batch 1's fixes, not aimed at them), scored before fixing: 75/81 turns, 33/39
  dialogues (on the branch point: 67/81, 25/39); 81/81, 39/39 after. Misses:
  questions at an invitation read as a new request (nl "hoeveel boodschappen zijn het ongeveer?", en
  "what do I need to bring?") or as a no (tr "ne kadar uzak?": "uzak" is a reason to say no), a yes taken
  back with "afzeggen", a Ukrainian no with "пишіть ще" (write again), and an offer "ik kan ook wel eens
  bij iemand op bezoek gaan". By language: nl 4 of 23 dialogues, en 1 of 3, tr 1 of 4, uk 1 of 2.
- Guards (GUARDS, 12 dialogues): 27/28 turns, 11/12 before on the branch point (the one that did not
  hold is a latent bug fixed by decision: thanks at "Volgende week weer afspreken?" counted a miss);
  28/28, 12/12 after. One guard was added after tests/test_e2e_matching.py caught batch 1's second-yes
  fix keeping a volunteer's first words to the neighbour ("Ja hoor, ik kom donderdag om 10 uur langs.",
  right after "Top, dank je!") as a second yes; now only without a thread to write to.
- Seen after fixing (SEEN, 10 dialogues, not in the figures: the new mechanisms in the other languages):
  9/10 held at once; the Polish offer "chętnie też komuś pomogę" did not (intents.toml [offer.pl]); 10/10.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, before and after
  (a first data change read "Nee, maar volgende keer graag!" as a later: taken back, see below).

What failed and what changed (mechanisms):
- A no that asks to be asked again ("nee deze keer niet maar vraag me gerust weer", "pytaj śmiało
  następnym razem", "пишіть ще", "feel free to ask me again", "اسألني مرة أخرى") was a no. Now these are
  later replies (invitation.toml [answers.later_reply]): a no followed by a later is a later, as before.
  "Next time" alone stays a kind no (corpus dev-inv-016).
- A second yes right after a yes ("ja hoor!") was "Dat begreep ik niet helemaal" with the menu. Now
  (`invitations.yes_again`, text `invite_yes_noted`) it is noted kindly and the yes stays remembered for
  one more message, so a no after it still takes it back; only where the text answers no open question
  (a yes to a new invitation is its answer: guard) and no thread is open to write to (once matched the
  words are for the neighbour: guard). A yes taken back with "ik moet het toch afzeggen"
  (and "have to cancel", "muszę odwołać", "мушу скасувати", "iptal etmem lazım") is now a no
  (invitation.toml [answers.no]), so `take_back` hears it.
- A question at an open invitation ("hoeveel boodschappen zijn het?", "what do I need to bring?") was read
  as a new request; "hoe ver is dat?" was a counted miss. Now (`conversation._question_at_invitation`)
  a question there gets the invitation again, led by `invite_question_lead` ("Dat weet ik niet precies.
  Zeg je ja, dan spreek je het samen met {name} af."), no miss counted; in a thread it still goes to the
  neighbour (guard). In the reader (`answers._asking_clauses`) a no word in a clause opened by a
  question word and ended by "?" ("ne kadar uzak?", "чи це далеко?") is asked about, not said.
  Golden people.json changed deliberately ("hoe laat precies?" at an invitation: the new lead instead of
  "Dat begreep ik niet helemaal"); tests/test_golden.py's SMS check lets this lead ride in front of the
  invitation as the repair leads do.
- Offers said by what one is good at ("ik kan zelf wel goed luisteren", "I'm a good listener", "ik kan
  ook wel eens bij iemand op bezoek gaan") were misses or a request. intents.toml [offer.nl|en]: "ik kan
  [zelf] [wel] goed luisteren|koken|...", "ik kan|wil ... bij iemand op bezoek gaan". "ik kan zelf niet
  goed lopen" is no offer (guard).
- "Volgende week weer afspreken?" (meet_again) had no reader context: a sentence ("ja leuk, elke week zou
  fijn zijn 👍", "nee hoor, het is nu wel opgelost") went to the neighbour. Now it is read as a yes/no
  (interpret.PROMPT_CONTEXTS "consent"). That showed a latent bug: `repair.is_miss` took any key ending in
  "_again" for a re-ask, so meet_again after meet_check counted a miss (hidden while their topics
  differed; "bedankt hoor!" at meet_again counted one already). Now meet_again is listed as a question of
  its own (`repair.NOT_REASKS`).
- "half", "een beetje maar", "deels" at "Is het gelukt?" went to the neighbour. Now a yes (they met, the
  help was partly done; "meet again?" follows and can finish it): conversation.toml [meet_partly].
- A word or two that answers nothing at "Is het gelukt?" / "meet again?" in a thread ("hè?", "wat?",
  "huh?") was passed on. Now (`conversation._unclear_at_bot_question`, conversation.toml
  [unclear_keeps_question]) the question is asked again (repair); politeness goes on as before and
  longer words still go to the neighbour (guard "hoe laat kom je volgende keer, Henk?").
- "kan het een half uur later?" after a meeting was agreed was only passed on. Now
  (`meetings.shift_in_words`) words to the neighbour that ask to move the meeting ahead by an amount
  (conversation.toml [meet_shift_minutes]: a quarter, half an hour, an hour, two hours) later or earlier
  ([meet_shift_later|earlier]), asked ("?" or [meet_shift_asking]), are passed on and the moved time at
  the same place is proposed (meet_propose with the meeting's id: the engine moves it and asks the other
  side, bot/effects/meetings.py `propose`). "ik kom een kwartiertje later" (being late) asks nothing
  and only goes on; without a meeting ahead nothing is proposed (guards). The new matcher reads data; the
  inline tuples of flows/meetings.py (CANCEL_WORDS, MY_HOME, AGAIN, ...) are left as they were.

Decided and left (KNOWN):
- Weekly meetings are not moved by "een half uur later" (a series, not one meeting): only passed on.
- The invitation question lead says the bot does not know more; it does not answer from the request's
  facts (distance, what to bring): the invitation holds all the bot has.
- Politeness at "Is het gelukt?" still goes to the neighbour (round 6's decision); "dank je wel!" there
  is read as a yes by the check-in reader, as before.
- A local activity invitation (`meet_activity`) is a notice without a question: answers to it are words
  for the neighbour in a thread; not changed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from flows import meetings
from tests.dialogue_redteam_support import INVITE, RIA, Dialogue, as_params, assert_holds, menu_state
from tests.redteam_support import every_earlier_string
from tests.test_dialogues_redteam5 import (
    AGREED,
    CHECK,
    OPEN_REQUEST,
    PLAN,
    REMINDER,
    VOLUNTEER,
    VOLUNTEER_MEETING,
    WITH_THREAD,
)

D = Dialogue
# Dropped to the menu or "not understood": what repair instead of reset must not do.
MISSES = ["not_understood", "menu"]
OPEN = {"keys": ["invite*"]}
# An invitation question that is no answer: answered or asked again, never the menu, no answer sent.
KEPT = {"keys": ["invite*"], "not_keys": MISSES, "no_effect": ["answer_invitation"]}
VOLUNTEER_CHECK = {
    "internal": "meet_check",
    "meta": {"meeting": {**VOLUNTEER_MEETING, "starts_at": "2026-11-21T13:00:00+00:00"}},
}
WITH_REQUEST = {**RIA, "open_requests": [OPEN_REQUEST]}
# A volunteer with no conversation open.
HELPER = {**VOLUNTEER, "threads": []}


def answered(answer: str, **condition: Any) -> dict[str, Any]:
    """The invitation answered `answer`, with these items of its condition."""
    items = {"answer": answer, **{f"condition.{k}": v for k, v in condition.items()}}
    return {"effect_has": {"answer_invitation": items}, "not_keys": MISSES}


def invited(lang: str = "nl") -> dict[str, Any]:
    return menu_state(lang)


# Written before reading the flows: invitations answered with conditions and questions, asking and
# offering both, the meeting agreed, moved, cancelled and looked back on, in six languages.
BATCH_1 = [
    # Invitations answered with conditions and questions.
    D(
        "'ja maar pas na 2 uur 👍' is a yes after 14:00",
        ((INVITE, OPEN), ("ja maar pas na 2 uur 👍", answered("yes", start="14:00:00"))),
    ),
    D(
        "'kan het ook vrijdag?' asks for Friday",
        (
            (INVITE, OPEN),
            (
                "kan het ook vrijdag?",
                {"effect_has": {"answer_invitation": {"answer": "yes", "condition.days": [4]}}},
            ),
        ),
    ),
    D(
        "'hoe ver is dat?' is a question: the invitation stays open",
        ((INVITE, OPEN), ("hoe ver is dat?", KEPT), ("oké, dan doe ik het", answered("yes"))),
    ),
    D(
        "'wat moet ik meenemen?' is a question: the invitation stays open",
        ((INVITE, OPEN), ("wat moet ik eigenlijk meenemen?", KEPT)),
    ),
    D(
        "'ja, als het niet te zwaar is' is a yes",
        ((INVITE, OPEN), ("ja, als het niet te zwaar is", answered("yes"))),
    ),
    D(
        "'nee deze keer niet maar vraag me gerust weer' is a later",
        ((INVITE, OPEN), ("nee deze keer niet maar vraag me gerust weer", answered("later"))),
    ),
    D(
        "a yes sent twice: the second is no miss and no second answer",
        (
            (INVITE, OPEN),
            ("ja", answered("yes")),
            ("ja hoor!", {"not_keys": MISSES, "no_effect": ["answer_invitation"]}),
        ),
    ),
    D(
        "a yes then a no: taken back",
        (
            (INVITE, OPEN),
            ("ja graag", answered("yes")),
            ("oh wacht, toch niet, ik moet naar de tandarts", {"keys": ["invite_taken_back"]}),
        ),
    ),
    D(
        "'goedemorgen! ja hoor, ik help graag 😊' is a yes",
        ((INVITE, OPEN), ("goedemorgen! ja hoor, ik help graag 😊", answered("yes"))),
    ),
    D(
        "'bedankt voor het vragen, maar ik kan niet 🙏' is a no",
        ((INVITE, OPEN), ("bedankt voor het vragen, maar ik kan niet 🙏", answered("no"))),
    ),
    D("an unclear answer: the invitation is asked again, not the menu", ((INVITE, OPEN), ("eh wat?", KEPT))),
    D(
        "English: 'yes but only after 2pm' is a yes after 14:00",
        ((INVITE, OPEN), ("yes but only after 2pm", answered("yes", start="14:00:00"))),
        state=invited("en"),
    ),
    D(
        "English: 'how far is it from me?' keeps the invitation",
        ((INVITE, OPEN), ("how far is it from me?", KEPT)),
        state=invited("en"),
    ),
    D(
        "Turkish: 'evet ama saat 3ten sonra' is a yes after 15:00",
        ((INVITE, OPEN), ("evet ama ancak saat 3'ten sonra", answered("yes", start="15:00:00"))),
        state=invited("tr"),
    ),
    D(
        "Polish: 'nie tym razem, ale pytaj śmiało następnym razem' is a later",
        ((INVITE, OPEN), ("nie tym razem, ale pytaj śmiało następnym razem", answered("later"))),
        state=invited("pl"),
    ),
    D(
        "Ukrainian: 'так, якщо це не дуже важко' is a yes",
        ((INVITE, OPEN), ("так, якщо це не дуже важко", answered("yes"))),
        state=invited("uk"),
    ),
    D(
        "Arabic: 'كم تبعد المسافة؟' keeps the invitation",
        ((INVITE, OPEN), ("كم تبعد المسافة؟", KEPT)),
        state=invited("ar"),
    ),
    # Anyone can ask and offer.
    D(
        "a resident who asked for help offers to listen",
        (("ik kan zelf wel goed luisteren hoor", {"keys": ["offer_*"], "not_keys": ["ask_*", *MISSES]}),),
        profile=WITH_REQUEST,
    ),
    D(
        "a resident who asked for help wants to do something for another",
        (("ik wil ook wel iets doen voor een ander", {"keys": ["offer_*"], "not_keys": ["ask_*", *MISSES]}),),
        profile=WITH_REQUEST,
    ),
    D(
        "English: a resident offers too",
        (("I'd like to help someone else as well", {"keys": ["offer_*"], "not_keys": ["ask_*", *MISSES]}),),
        profile=WITH_REQUEST,
        state=menu_state("en"),
    ),
    D(
        "a volunteer who needs help herself: a request",
        (
            (
                "ik heb zelf ook hulp nodig, met mijn computer",
                {"keys": ["ask_*"], "not_keys": ["offer_*", *MISSES]},
            ),
        ),
        profile=HELPER,
    ),
    # The meeting after a match.
    D(
        "place and time in three messages",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("bij mij thuis is prima 😊", {"keys": ["meet_when"], "no_effect": ["relay"]}),
            ("woensdag half 3", {"effect_has": {"meet_propose": {"starts_at": "2026-11-25T14:30:00+01:00"}}}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "an unclear time at 'Wanneer?': asked again, not the menu",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("in het buurthuis", {"keys": ["meet_when"]}),
            ("ergens rond theetijd", {"keys": ["meet_when*"], "not_keys": MISSES}),
            ("donderdag om 4 uur", {"effect": ["meet_propose"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'kan het een half uur later?' after agreeing: a new time proposed",
        (
            (AGREED, {"keys": ["meet_agreed"]}),
            (
                "kan het een half uur later?",
                {"effect_has": {"meet_propose": {"starts_at": "2026-11-24T14:30:00+01:00"}}},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "cancelling kindly: passed on, the meeting can be moved or cancelled",
        (
            (AGREED, {"keys": ["meet_agreed"]}),
            (
                "het spijt me heel erg, maar ik moet morgen afzeggen 🙏",
                {"effect": ["relay"], "keys": ["meet_cannot_come"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'ja was heel gezellig 😊' at 'Is het gelukt?'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            (
                "ja was heel gezellig 😊",
                {"effect_has": {"meet_outcome": {"outcome": "yes"}}, "no_effect": ["relay"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'nee ze was niet thuis' at 'Is het gelukt?' (the volunteer)",
        (
            (VOLUNTEER_CHECK, {"keys": ["meet_check"]}),
            (
                "nee ze was niet thuis",
                {"effect_has": {"meet_outcome": {"outcome": "no"}}, "keys": ["meet_not_happened"]},
            ),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "'half' at 'Is het gelukt?': no miss, not passed on",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("half", {"not_keys": MISSES, "no_effect": ["relay"], "keys": ["meet_*"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "an unclear message at 'Is het gelukt?': asked again",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("hè?", {"keys": ["meet_check"], "not_keys": MISSES, "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "meeting again answered in a sentence",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"]}),
            ("ja leuk, elke week zou fijn zijn 👍", {"effect": ["meet_weekly"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "meeting again declined in a sentence",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"]}),
            (
                "nee hoor, het is nu wel opgelost, dank je",
                {"not_keys": ["meet_again", *MISSES], "no_effect": ["relay", "meet_weekly"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "a reminder answered '👍 tot dan' is passed on, nothing else",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("👍 tot dan", {"effect": ["relay"], "not_keys": ["meet_cannot_come", *MISSES]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "English: 'yes it was lovely, thanks 😊' at 'did it happen?'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("yes it was lovely, thanks 😊", {"effect_has": {"meet_outcome": {"outcome": "yes"}}}),
        ),
        profile=WITH_THREAD,
        state=menu_state("en"),
    ),
    D(
        "Turkish: 'hayır, evde değildi' at 'did it happen?'",
        (
            (VOLUNTEER_CHECK, {"keys": ["meet_check"]}),
            ("hayır, evde değildi", {"effect_has": {"meet_outcome": {"outcome": "no"}}}),
        ),
        profile=VOLUNTEER,
        state=menu_state("tr"),
    ),
    D(
        "Polish: 'tak, było bardzo miło' at 'did it happen?'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("tak, było bardzo miło", {"effect_has": {"meet_outcome": {"outcome": "yes"}}}),
        ),
        profile=WITH_THREAD,
        state=menu_state("pl"),
    ),
    D(
        "Ukrainian: 'ні, її не було вдома'",
        (
            (VOLUNTEER_CHECK, {"keys": ["meet_check"]}),
            ("ні, її не було вдома", {"effect_has": {"meet_outcome": {"outcome": "no"}}}),
        ),
        profile=VOLUNTEER,
        state=menu_state("uk"),
    ),
    D(
        "Arabic: 'نعم، كان لطيفا جدا'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("نعم، كان لطيفا جدا", {"effect_has": {"meet_outcome": {"outcome": "yes"}}}),
        ),
        profile=WITH_THREAD,
        state=menu_state("ar"),
    ),
]

# Written after batch 1's fixes, not aimed at them, scored before fixing: the same spots in other words.
BATCH_2 = [
    D(
        "'ja hoor, maar ik heb geen auto, is het lopend te doen?' is a yes",
        ((INVITE, OPEN), ("ja hoor, maar ik heb geen auto, is het lopend te doen?", answered("yes"))),
    ),
    D(
        "'kan het ook in de middag?' is a yes in the afternoon",
        ((INVITE, OPEN), ("kan het ook in de middag?", answered("yes"))),
    ),
    D(
        "'waar in de molenwijk precies?' keeps the invitation",
        ((INVITE, OPEN), ("waar in de molenwijk precies?", KEPT)),
    ),
    D(
        "'hoeveel boodschappen zijn het ongeveer?' keeps the invitation",
        ((INVITE, OPEN), ("hoeveel boodschappen zijn het ongeveer?", KEPT)),
    ),
    D("'prima, ik ga 👍' is a yes", ((INVITE, OPEN), ("prima, ik ga 👍", answered("yes")))),
    D(
        "'🙏 helaas niet, mijn knie speelt op' is a no",
        ((INVITE, OPEN), ("🙏 helaas niet, mijn knie speelt op", answered("no"))),
    ),
    D(
        "a yes, then a yes with a time: noted, no second answer",
        (
            (INVITE, OPEN),
            ("ja", answered("yes")),
            (
                "ja hoor, ik kan er om 10 uur zijn 😊",
                {"not_keys": MISSES, "no_effect": ["answer_invitation"]},
            ),
        ),
    ),
    D(
        "a yes, then 'sorry, ik moet het toch afzeggen': taken back",
        (
            (INVITE, OPEN),
            ("ja, prima hoor", answered("yes")),
            ("sorry, ik moet het toch afzeggen", {"keys": ["invite_taken_back"]}),
        ),
    ),
    D(
        "English: 'sure, as long as it's not too heavy' is a yes",
        ((INVITE, OPEN), ("sure, as long as it's not too heavy", answered("yes"))),
        state=invited("en"),
    ),
    D(
        "English: 'what do I need to bring?' keeps the invitation",
        ((INVITE, OPEN), ("what do I need to bring?", KEPT)),
        state=invited("en"),
    ),
    D(
        "Turkish: 'evet, seve seve yardım ederim 😊' is a yes",
        ((INVITE, OPEN), ("evet, seve seve yardım ederim 😊", answered("yes"))),
        state=invited("tr"),
    ),
    D(
        "Turkish: 'ne kadar uzak?' keeps the invitation",
        ((INVITE, OPEN), ("ne kadar uzak?", KEPT)),
        state=invited("tr"),
    ),
    D(
        "Polish: 'tak, ale dopiero po 16, wcześniej pracuję' is a yes after 16:00",
        ((INVITE, OPEN), ("tak, ale dopiero po 16, wcześniej pracuję", answered("yes", start="16:00:00"))),
        state=invited("pl"),
    ),
    D(
        "Polish: 'gdzie to dokładnie jest?' keeps the invitation",
        ((INVITE, OPEN), ("gdzie to dokładnie jest?", KEPT)),
        state=invited("pl"),
    ),
    D(
        "Ukrainian: 'ні, цього разу не можу, але пишіть ще' is a later",
        ((INVITE, OPEN), ("ні, цього разу не можу, але пишіть ще", answered("later"))),
        state=invited("uk"),
    ),
    D(
        "Arabic: 'نعم، بعد الساعة الثانية' is a yes after 14:00",
        ((INVITE, OPEN), ("نعم، بعد الساعة الثانية", answered("yes", start="14:00:00"))),
        state=invited("ar"),
    ),
    D(
        "an unclear 'uh' at an invitation: asked again",
        ((INVITE, OPEN), ("uhm", KEPT)),
    ),
    D(
        "a resident who asked for help: 'ik kan ook wel eens bij iemand op bezoek gaan'",
        (
            (
                "ik kan ook wel eens bij iemand op bezoek gaan",
                {"keys": ["offer_*"], "not_keys": ["ask_*", *MISSES]},
            ),
        ),
        profile=WITH_REQUEST,
    ),
    D(
        "Turkish resident: 'ben de başkalarına yardım etmek istiyorum'",
        (
            (
                "ben de başkalarına yardım etmek istiyorum",
                {"keys": ["offer_*"], "not_keys": ["ask_*", *MISSES]},
            ),
        ),
        profile=WITH_REQUEST,
        state=menu_state("tr"),
    ),
    D(
        "a volunteer asks: 'kan iemand mij helpen met mijn belastingformulier?'",
        (
            (
                "kan iemand mij helpen met mijn belastingformulier?",
                {"keys": ["ask_*"], "not_keys": ["offer_*", *MISSES]},
            ),
        ),
        profile=HELPER,
    ),
    D(
        "Polish volunteer asks: 'potrzebuję pomocy z zakupami w piątek'",
        (("potrzebuję pomocy z zakupami w piątek", {"keys": ["ask_*"], "not_keys": ["offer_*", *MISSES]}),),
        profile=HELPER,
        state=menu_state("pl"),
    ),
    D(
        "place then time: 'laten we in het buurthuis afspreken', 'zaterdagochtend om half 11'",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("laten we in het buurthuis afspreken", {"keys": ["meet_when"], "no_effect": ["relay"]}),
            (
                "zaterdagochtend om half 11",
                {"effect_has": {"meet_propose": {"starts_at": "2026-11-28T10:30:00+01:00"}}},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "an unclear answer at 'Wanneer?' ('maakt me niet uit'): asked again, not the menu",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("bij mij thuis", {"keys": ["meet_when"]}),
            ("maakt me niet uit", {"keys": ["meet_when*"], "not_keys": MISSES}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'zullen we een uurtje eerder afspreken?' after agreeing: an hour earlier proposed",
        (
            (AGREED, {"keys": ["meet_agreed"]}),
            (
                "zullen we een uurtje eerder afspreken?",
                {"effect_has": {"meet_propose": {"starts_at": "2026-11-24T13:00:00+01:00"}}},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "English: 'could we make it half an hour later?' after agreeing",
        (
            (AGREED, {"keys": ["meet_agreed"]}),
            (
                "could we make it half an hour later?",
                {"effect_has": {"meet_propose": {"starts_at": "2026-11-24T14:30:00+01:00"}}},
            ),
        ),
        profile=WITH_THREAD,
        state=menu_state("en"),
    ),
    D(
        "Polish: 'czy możemy pół godziny później?' after agreeing",
        (
            (AGREED, {"keys": ["meet_agreed"]}),
            (
                "czy możemy pół godziny później?",
                {"effect_has": {"meet_propose": {"starts_at": "2026-11-24T14:30:00+01:00"}}},
            ),
        ),
        profile=WITH_THREAD,
        state=menu_state("pl"),
    ),
    D(
        "cancelling kindly with a reason: the meeting can be moved or cancelled",
        (
            (AGREED, {"keys": ["meet_agreed"]}),
            (
                "het spijt me, ik kan morgen toch niet komen, mijn kleinzoon is jarig",
                {"effect": ["relay"], "keys": ["meet_cannot_come"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'ja, het ging prima 👍' at 'Is het gelukt?'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            (
                "ja, het ging prima 👍",
                {"effect_has": {"meet_outcome": {"outcome": "yes"}}, "no_effect": ["relay"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'nee, ze deed niet open' at 'Is het gelukt?' (the volunteer)",
        (
            (VOLUNTEER_CHECK, {"keys": ["meet_check"]}),
            ("nee, ze deed niet open", {"effect_has": {"meet_outcome": {"outcome": "no"}}}),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "'een beetje maar' at 'Is het gelukt?': no miss, not passed on",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("een beetje maar", {"not_keys": MISSES, "no_effect": ["relay"], "keys": ["meet_*"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'wat?' at 'Is het gelukt?': asked again",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("wat?", {"keys": ["meet_check"], "not_keys": MISSES, "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'ja graag, zelfde tijd is goed' at 'Volgende week weer afspreken?'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"]}),
            ("ja graag, zelfde tijd is goed", {"effect": ["meet_weekly"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'liever niet, dank je' at 'Volgende week weer afspreken?'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"]}),
            ("liever niet, dank je", {"keys": ["meet_later_ok"], "no_effect": ["relay", "meet_weekly"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'huh?' at 'Volgende week weer afspreken?': asked again",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"]}),
            ("huh?", {"keys": ["meet_again"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "a reminder answered 'top, tot morgen 😊' is passed on",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("top, tot morgen 😊", {"effect": ["relay"], "not_keys": ["meet_cannot_come", *MISSES]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "Turkish: 'evet, çok güzeldi 😊' at 'did it happen?'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("evet, çok güzeldi 😊", {"effect_has": {"meet_outcome": {"outcome": "yes"}}}),
        ),
        profile=WITH_THREAD,
        state=menu_state("tr"),
    ),
    D(
        "Polish: 'nie, nie było jej w domu' (the volunteer)",
        (
            (VOLUNTEER_CHECK, {"keys": ["meet_check"]}),
            ("nie, nie było jej w domu", {"effect_has": {"meet_outcome": {"outcome": "no"}}}),
        ),
        profile=VOLUNTEER,
        state=menu_state("pl"),
    ),
    D(
        "Ukrainian: 'так, усе пройшло добре'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("так, усе пройшло добре", {"effect_has": {"meet_outcome": {"outcome": "yes"}}}),
        ),
        profile=WITH_THREAD,
        state=menu_state("uk"),
    ),
    D(
        "Arabic: 'لا، لم تكن في البيت' (the volunteer)",
        (
            (VOLUNTEER_CHECK, {"keys": ["meet_check"]}),
            ("لا، لم تكن في البيت", {"effect_has": {"meet_outcome": {"outcome": "no"}}}),
        ),
        profile=VOLUNTEER,
        state=menu_state("ar"),
    ),
]


# Seen after fixing (not in the figures): the new mechanisms in the other languages. One did not hold
# (Polish "chętnie też komuś pomogę" was no offer): intents.toml [offer.pl] now reads it.
SEEN = [
    D(
        "Arabic question at an invitation: 'واش بعيد بزاف؟'",
        ((INVITE, OPEN), ("واش بعيد بزاف؟", KEPT)),
        state=invited("ar"),
    ),
    D(
        "Polish: 'co mam ze sobą wziąć?'",
        ((INVITE, OPEN), ("co mam ze sobą wziąć?", KEPT)),
        state=invited("pl"),
    ),
    D(
        "Ukrainian: 'що треба взяти з собою?'",
        ((INVITE, OPEN), ("що треба взяти з собою?", KEPT)),
        state=invited("uk"),
    ),
    D(
        "English 'sorry?' at 'Is het gelukt?'",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("sorry what?", {"keys": ["meet_check"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
        state=menu_state("en"),
    ),
    D(
        "English 'partly' at 'did it happen?'",
        ((CHECK, {"keys": ["meet_check"]}), ("partly", {"effect_has": {"meet_outcome": {"outcome": "yes"}}})),
        profile=WITH_THREAD,
        state=menu_state("en"),
    ),
    D(
        "Turkish 'yarım saat sonra olur mu?' after agreeing",
        (
            (AGREED, {"keys": ["meet_agreed"]}),
            (
                "yarım saat sonra buluşsak olur mu?",
                {"effect_has": {"meet_propose": {"starts_at": "2026-11-24T14:30:00+01:00"}}},
            ),
        ),
        profile=WITH_THREAD,
        state=menu_state("tr"),
    ),
    D(
        "Ukrainian 'так, щотижня було б чудово' at meet again",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("так", {"keys": ["meet_again"]}),
            ("так, щотижня було б чудово", {"effect": ["meet_weekly"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
        state=menu_state("uk"),
    ),
    D(
        "Arabic 'لا شكرا' at meet again",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("نعم", {"keys": ["meet_again"]}),
            ("لا، شكرا", {"keys": ["meet_later_ok"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
        state=menu_state("ar"),
    ),
    D(
        "a second yes in English",
        ((INVITE, OPEN), ("yes", answered("yes")), ("yes sure!", {"keys": ["invite_yes_noted"]})),
        state=invited("en"),
    ),
    D(
        "Polish offer 'chętnie też komuś pomogę'",
        (("chętnie też komuś pomogę", {"keys": ["offer_*"], "not_keys": ["ask_*", *MISSES]}),),
        profile=WITH_REQUEST,
        state=menu_state("pl"),
    ),
]


INVITE_42 = {
    "internal": "invite",
    "meta": {**INVITE["meta"], "request_id": 42, "description": "post wegbrengen"},
}
IN_THREAD_NO_MEETING = {**WITH_THREAD}

# What the fixes must not break.
GUARDS = [
    D(
        "being late told in a thread ('ik kom een kwartiertje later') only goes to the neighbour",
        (
            (AGREED, {"keys": ["meet_agreed"]}),
            (
                "ik kom een kwartiertje later, sta nog in de file",
                {"effect": ["relay"], "no_effect": ["meet_propose"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'kan het een uurtje later?' with no meeting known only goes to the neighbour",
        (("kan het een uurtje later vandaag?", {"effect": ["relay"], "no_effect": ["meet_propose"]}),),
        profile=IN_THREAD_NO_MEETING,
    ),
    D(
        "a yes to a new invitation after a yes to another is its answer",
        (
            (INVITE, OPEN),
            ("ja", answered("yes")),
            (INVITE_42, OPEN),
            ("ja", {"effect_has": {"answer_invitation": {"request_id": 42, "answer": "yes"}}}),
        ),
    ),
    D(
        "once matched, a yes-like message goes to the neighbour (tests/test_e2e_matching.py)",
        (
            (INVITE, OPEN),
            ("ja", answered("yes")),
            (
                {
                    "internal": "invite_won",
                    "meta": {
                        "thread_id": 3,
                        "name": "Ans",
                        "category": "boodschappen",
                        "when": {"kind": "asap"},
                    },
                },
                {"keys": ["invite_won"]},
            ),
            (
                "ja hoor, ik kom donderdag om 10 uur bij je langs",
                {"effect": ["relay"], "not_keys": ["invite_yes_noted"]},
            ),
        ),
        profile=VOLUNTEER,
    ),
    D(
        "'nee, echt nooit meer' is still a no",
        ((INVITE, OPEN), ("nee, echt nooit meer", answered("no"))),
    ),
    D(
        "'nee, een volgende keer weer graag 😊' is a kind no, not a later (as the corpus reads it)",
        ((INVITE, OPEN), ("nee, een volgende keer weer graag 😊", answered("no"))),
    ),
    D(
        "a question with a yes after it at an invitation is the yes",
        ((INVITE, OPEN), ("hoe laat ongeveer? ja ik kan wel", answered("yes"))),
    ),
    D(
        "a question at an invitation in a thread still goes to the neighbour",
        ((INVITE, OPEN), ("hoe gaat het met je moeder, Henk?", {"effect": ["relay"]})),
        profile=WITH_THREAD,
    ),
    D(
        "'ik kan zelf niet goed lopen' is no offer",
        (("ik kan zelf niet goed lopen", {"not_keys": ["offer_*"]}),),
        profile=WITH_REQUEST,
    ),
    D(
        "a longer question at 'Is het gelukt?' is for the neighbour",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("hoe laat kom je volgende keer, Henk?", {"effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'nee' at 'Volgende week weer afspreken?' asks for no weekly meeting",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"]}),
            ("nee", {"keys": ["meet_later_ok"], "no_effect": ["meet_weekly", "relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'dank je wel!' at 'Volgende week weer afspreken?' is no miss",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ja", {"keys": ["meet_again"], "state": {"misses": None}}),
            ("bedankt hoor!", {"keys": ["meet_again"], "no_effect": ["relay"], "state": {"misses": None}}),
        ),
        profile=WITH_THREAD,
    ),
]


def _earlier_strings() -> set[str]:
    """Every string written down by an earlier round: the corpora and understanding rounds
    (`every_earlier_string`) and the other dialogue rounds' string literals."""
    seen = every_earlier_string(__file__)
    for path in Path(__file__).parent.glob("test_dialogues_redteam*.py"):
        if path.name != Path(__file__).name:
            seen |= {text.casefold() for text in re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text("utf-8"))}
    return seen


def test_messages_are_new() -> None:
    """No message of more than one word is word for word in an earlier round (one word: "ja", "nee")."""
    seen = _earlier_strings()
    old = [
        sent
        for dialogue in BATCH_1 + BATCH_2 + SEEN + GUARDS
        for sent, _ in dialogue.turns
        if isinstance(sent, str) and len(sent.split()) > 1 and sent.casefold() in seen
    ]
    assert not old


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(SEEN))
def test_seen(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


# How far a meeting is asked to move (`meetings.shift_minutes`), in the six languages; being late told,
# or an hour named as a time, asks no move.
SHIFTS = [
    ("kan het ietsje later, zeg een half uur later?", 30),
    ("could we meet an hour earlier instead?", -60),
    ("yarım saat sonra olur mu?", 30),
    ("możemy kwadrans później?", 15),
    ("можна на годину раніше?", -60),
    ("ممكن نص ساعة من بعد؟", 30),
    ("ik ben een kwartiertje later, sorry", None),
    ("kan het om een uur?", None),
]


@pytest.mark.parametrize(("text", "minutes"), SHIFTS)
def test_shift_minutes(text: str, minutes: int | None) -> None:
    assert meetings.shift_minutes(text) == minutes
