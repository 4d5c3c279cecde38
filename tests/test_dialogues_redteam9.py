# ruff: noqa: RUF001, RUF002, E501
"""Red team of whole conversations, round 9: mantelzorgers in their own words, and a person when asked
(round 7: tests/test_dialogues_redteam7.py).

Replayed through `flows.conversation.step` with the golden transcripts' fixed clock (Monday 23 November
2026, 10:00 UTC); each dialogue is data (tests/dialogue_redteam_support.py: CHECKIN, CARER = Ria, who
cares for her partner Jan, asked every Monday at 10:00). A carer's journey in six languages: choosing
the check-in rhythm in words, changing, pausing or stopping it later, asking what it is; answering a
check-in in sentences, emoji, one word, irony, at the limit and in crisis; picking one of the offers
after Zwaar in words, asking for a person; asking help for the one cared for.

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (8015cb5);
each batch was also scored on the code just before its own fixes:
- Batch 1 (BATCH_1, 42 dialogues; written before reading flows/care.py or the check-in reader): main
  97/120 turns, 20/42 dialogues; after 120/120, 42/42. Per language (dialogues) on main: nl 13/25, en
  1/4, tr 2/3, pl 1/4, uk 2/3, ar 1/3. Per kind on main: the rhythm and day in words 2/10 (the two that
  held were not misread, but no answer either), a registered carer's words about the check-ins 0/5,
  check-in answers 13/15, the offers in words 3/10, a person or help for the one cared for at the menu
  2/2.
- Held out (HELD_OUT, 36 dialogues; written after batch 1's fixes, not aimed at them): main 75/93, 19/36;
  before its own fixes 91/93, 34/36 (nl 12/13, ar 3/4, the rest all); after 93/93, 36/36.
- Guards (GUARDS, 10 dialogues, with batch 2): 20/20 on main; 19/20 before batch 2's fixes (one caught a
  false reading of batch 1's: "elke week op maandag is prima zo" re-registered on Sunday); 20/20 after.
- For the one cared for (ON_BEHALF, 5 dialogues; written when batch 2's two on-behalf dialogues, which
  only checked that a request started, were read through): 5/7, 4/5 before; 7/7, 5/5 after.
- The handover to a person (BATCH_3, 8 dialogues, scored before fixing): 20/24, 4/8 on main and before
  its fixes; 24/24, 8/8 after. Its guards (GUARDS_3, 5): 14/15 on main, 13/15 before its fixes (one was a
  change asked for; one caught batch 1's "nee" read as "not now" beside words of being at the limit);
  15/15 after.
- Seen after fixing (SEEN, 8; not in the figures): 1/7 of the first seven on main; 8/8 after.
- Six batch-1/2 wordings were reworded after a freshness check found them in earlier rounds ("bel me
  maar", "kan ik iemand spreken?", ...); all figures are of the final wordings. One batch-1 expectation
  was corrected: a person asked for at the menu is the `request_human` effect (the staff handover), not
  `alert_staff` as first written.

What failed and what changed (mechanisms):
- The rhythm question: a choice read in the words ("elke twee weken op zondagavond" is "Om de week")
  asked the day again, the day said with it lost. Now, at the rhythm step, the day and time said with
  the choice are read first (flows/care.py). Days in Turkish, Polish, Ukrainian and Arabic were not read
  at all (`parse_when` is Dutch and English): `_rule_from` now falls back to the reader (`read`,
  ask_when), one day of the week at the hour said, from the hour a bound names ("na achten" is from
  20:00), at the start of the part of day, else 10:00.
- "alleen als ik het zelf vraag", "no need, I'll let you know myself" at the rhythm question are "Niet"
  (conversation.toml [care_rhythm_never]); "om de dag", "every day" get an explanation that a check-in
  asks about the week, so at most weekly (`care_rhythm_most_weekly`, [care_too_often]), not "Dat begreep
  ik niet".
- A registered carer's words about the check-ins at the menu were misses, or went to the stop question
  for all of Voordeur's messages. Now `care.about_checkins` (called from `conversation._care_in_words`
  at the plain menu, not for a message the reader takes for a request) reads words that name the
  check-ins ([care_checkins]) with: a pause ([care_pause_asking], or stopping said with how long) -
  how long (1, 2, 4 weeks or a date), then the new effect `care_pause` {"until"}: bot/effects/care.py
  cancels the pending check-in and schedules the first of the rhythm from then, the rhythm kept
  (tested on SQLite in tests/test_care.py); stopping ([care_stop_asking], or stop said in words) - the
  MANTELZORG stop question; another rhythm, read strictly as a time inside a message (`read_time`,
  message mode: "het is goed zo" names no Sunday) - registered at once, a day or time not said kept
  from the rhythm as it was; the rhythm it already is, or a question - the registration as MANTELZORG
  shows it. In a conversation with a neighbour only a pause or a stop.
- The offers after Zwaar (and the distress offers) in a sentence were misses, a new request, or MENS
  (no follow-up recorded, no high-priority call back). Now `care.offer_in_words`: a wish to talk to a
  person ([care_offer_call]) is the call back, a break ([care_offer_respite]) the respite information,
  an offer named by its place ([care_offer_pick]: "dat tweede", "the last one"), a kind no
  ([care_offer_none]) not now - unless the check-in reader reads being at the limit in it; MENS or a
  person asked for in words is the call back; a request told ("iemand die een middag bij mijn vrouw
  zit") is asking neighbours, its words kept for the ask flow (`care_ask_intro_kept` instead of "Vertel
  waarbij je hulp wilt").
- Check-in reader (data/checkin.toml): "eigenlijk" and "helemaal" are fillers ("het gaat eigenlijk
  helemaal niet" is "het gaat niet"); the verb before "ik" is distress too ("eerlijk gezegd trek ik het
  niet meer"); another night told is a reason ("weer de hele nacht geroepen": beside "geweldig hoor" the
  middle answer, not good).
- A request for someone who lives elsewhere ("... hij woont in een andere wijk") took the writer's own
  neighbourhood. Now words of where the other one lives ([lives_elsewhere], third person) make
  `ask._prefill` use a neighbourhood named, else ask the where question.
- After a call back, MENS, or staff handing the conversation back (`staff_handed_back`), what the carer
  said next was a miss. Now for the next few messages (state `person_contact`, 3) a time or words of
  being reachable ([reachable]: "na vieren ben ik pas thuis", "please call after 5pm") get
  `contact_noted` and a normal-priority staff alert `contact_note` (once), and words of talking to that
  person again ([talk_again]) ask for a person (`request_human`). A request is still a request; in a
  thread the neighbour still gets the message.

Decided:
- Check-ins stay at most weekly; a daily wish is explained at the rhythm question. At the day question
  "elke dag om 9 uur" is still asked again plainly (a golden transcript holds it).
- "stop met die berichtjes" from a registered carer names the check-ins ("berichtjes over", "die
  berichten") only with words of them; STOP typed alone still stops everything at once; the stop
  question is asked either way, so a misreading costs one "nee".
- "Wat is dat, die vraag elke maandag?" shows the registration (with Ander ritme / Opnieuw / Stoppen),
  rather than a new explanation text.
- A person asked for at the menu is `request_human` (the staff handover as before); at the open offers
  it is the check-in's call back (high priority, recorded as its follow-up).
- The note to staff after a call back carries no text (alerts have none): staff read the conversation.

Known misses, left (KNOWN, strict xfails):
- (Closed by dialogue round 11, tests/test_dialogues_redteam11.py: a day left to the bot at the day
  question, "kies jij maar, als het maar niet in het weekend is", is Monday 10:00, read back; the
  dialogue in KNOWN now holds.)
- MANTELZORG after a pause does not say until when: the pause lives only in the next check-in's time;
  the profile the flows see has no pause.
- Turkish how often without a day ("iki haftada bir sorar mısınız?") is not read by the reader: the
  registration is shown instead of changed (found after the figures, when checking the rendered
  replies; Ukrainian and Arabic say it and are changed).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.dialogue_redteam_support import CARER, CHECKIN, Dialogue, as_params, assert_holds, menu_state
from tests.redteam_support import every_earlier_string
from tests.test_dialogues_redteam5 import WITH_THREAD

D = Dialogue
MISSES = ["not_understood", "*_again"]
# A carer's registration, at the rhythm question ("Hoe vaak zal ik vragen hoe het gaat?").
TO_RHYTHM = (("MANTELZORG", {}), ("Jan", {}), ("partner", {}), ("12", {"keys": ["care_rhythm"]}))


def reg(**items: object) -> dict[str, object]:
    """Registered (or re-registered) with a rhythm holding `items` ("freq", "weekday", "at")."""
    return {"effect_has": {"care_register": {f"rhythm.{k}": v for k, v in items.items()}}, "not_keys": MISSES}


def offer(name: str) -> dict[str, object]:
    """An offer after Zwaar taken, recorded on the check-in as its follow-up."""
    return {"effect_has": {"care_followup": {"offer": name}}, "not_keys": MISSES}


def L(lang: str, **kw: object) -> dict[str, object]:
    return dict(state=menu_state(lang), **kw)


HEAVY = {"keys": ["care_heavy_offers"], "effect_has": {"care_answer": {"answer": "heavy"}}}
OKAY = {"effect_has": {"care_answer": {"answer": "okay"}}, "not_keys": ["care_heavy_offers", *MISSES]}
GOOD = {"effect_has": {"care_answer": {"answer": "good"}}, "not_keys": MISSES}
NOT_GOOD = {"effect": ["care_answer"], "not_keys": ["care_thanks_good", *MISSES]}
# A check-in answered Zwaar: the offers are open.
OFFERED = ((CHECKIN, {"keys": ["care_checkin"]}), ("3", {"keys": ["care_heavy_offers"]}))
CALLBACK = {"effect_has": {"care_followup": {"offer": "callback"}, "alert_staff": {"kind": "care_callback"}}}
CARER_THREAD = {**CARER, "threads": WITH_THREAD["threads"]}

# Batch 1, written before reading flows/care.py or the check-in reader, scored on the unchanged code.
BATCH_1 = [
    # choosing the rhythm in words
    D(
        "nl rhythm: 'elke twee weken op zondagavond'",
        (*TO_RHYTHM, ("elke twee weken op zondagavond", reg(freq="biweekly", weekday=6))),
    ),
    D(
        "nl rhythm: 'alleen als ik het zelf vraag' is never",
        (
            *TO_RHYTHM,
            ("alleen als ik het zelf vraag", {**reg(freq="never"), "keys": ["care_registered_never"]}),
        ),
    ),
    D(
        "nl rhythm: 'om de dag' is not silently a weekly rhythm",
        (
            *TO_RHYTHM,
            ("om de dag graag", {"not_keys": ["care_registered", "not_understood"], "says": ["week"]}),
        ),
    ),
    D(
        "nl day: 'dinsdag, liever 's avonds na achten' is Tuesday 20:00",
        (
            *TO_RHYTHM,
            ("elke week", {"keys": ["care_day"]}),
            ("dinsdag, liever 's avonds na achten", reg(freq="weekly", weekday=1, at="20:00")),
        ),
    ),
    D(
        "nl day: 'maakt niet uit, als het maar niet in het weekend is' is asked again for a weekday",
        (
            *TO_RHYTHM,
            ("elke week", {"keys": ["care_day"]}),
            (
                "maakt niet uit, als het maar niet in het weekend is",
                {"no_effect": ["care_register"], "not_keys": ["not_understood"]},
            ),
        ),
    ),
    D(
        "en rhythm: 'every other week, sunday evening'",
        (*TO_RHYTHM, ("every other week, sunday evening", reg(freq="biweekly", weekday=6))),
        **L("en"),
    ),
    D(
        "tr rhythm: 'iki haftada bir pazar akşamı'",
        (*TO_RHYTHM, ("iki haftada bir pazar akşamı", reg(freq="biweekly", weekday=6))),
        **L("tr"),
    ),
    D(
        "pl rhythm: 'co dwa tygodnie, w niedzielę wieczorem'",
        (*TO_RHYTHM, ("co dwa tygodnie, w niedzielę wieczorem", reg(freq="biweekly", weekday=6))),
        **L("pl"),
    ),
    D(
        "uk rhythm: 'раз на два тижні, у неділю ввечері'",
        (*TO_RHYTHM, ("раз на два тижні, у неділю ввечері", reg(freq="biweekly", weekday=6))),
        **L("uk"),
    ),
    D(
        "ar rhythm: 'كل أسبوعين، الأحد في المساء'",
        (*TO_RHYTHM, ("كل أسبوعين، الأحد في المساء", reg(freq="biweekly", weekday=6))),
        **L("ar"),
    ),
    # changing, pausing, asking what it is (registered)
    D(
        "nl registered: 'kun je me even een paar weken niks vragen over de zorg?' pauses, not a request",
        (
            (
                "kun je me even een paar weken niks vragen over de zorg?",
                {"not_keys": ["ask_*", *MISSES], "says": ["weken"]},
            ),
        ),
        profile=CARER,
    ),
    D(
        "nl registered: 'stop maar met die berichtjes over hoe het gaat' asks to stop the check-ins",
        (
            ("stop maar met die berichtjes over hoe het gaat", {"keys": ["care_end_question"]}),
            ("ja", {"effect": ["care_stop"]}),
        ),
        profile=CARER,
    ),
    D(
        "nl registered: 'wat is dat eigenlijk, die vraag elke maandag?' is the status",
        (("wat is dat eigenlijk, die vraag elke maandag?", {"keys": ["care_status"], "not_keys": MISSES}),),
        profile=CARER,
    ),
    D(
        "en registered: 'could you ask me every two weeks instead?' changes the rhythm",
        (
            (
                "could you ask me every two weeks instead?",
                {"not_keys": ["ask_*", *MISSES], "keys": ["care_*"]},
            ),
        ),
        profile=CARER,
        **L("en"),
    ),
    D(
        "pl registered: 'przestań mnie pytać, jak mi idzie opieka' asks to stop",
        (("przestań mnie pytać, jak mi idzie opieka", {"keys": ["care_end_question"]}),),
        profile=CARER,
        **L("pl"),
    ),
    # answering a check-in
    D("check-in: '😢' is heavy", ((CHECKIN, {}), ("😢", HEAVY)), profile=CARER),
    D("check-in: '👍' is good", ((CHECKIN, {}), ("👍", GOOD)), profile=CARER),
    D("check-in: '😩' is heavy", ((CHECKIN, {}), ("😩", HEAVY)), profile=CARER),
    D("check-in: 'het gaat wel hoor' is okay", ((CHECKIN, {}), ("het gaat wel hoor", OKAY)), profile=CARER),
    D(
        "check-in: 'het gaat eigenlijk helemaal niet' is heavy",
        ((CHECKIN, {}), ("het gaat eigenlijk helemaal niet", HEAVY)),
        profile=CARER,
    ),
    D(
        "check-in: 'eerlijk gezegd trek ik het niet meer' is heavy",
        ((CHECKIN, {}), ("eerlijk gezegd trek ik het niet meer", HEAVY)),
        profile=CARER,
    ),
    D(
        "check-in: irony 'top, weer een nacht niet geslapen' is not good",
        (
            (CHECKIN, {}),
            (
                "top, weer een nacht niet geslapen",
                {"not_keys": ["care_thanks_good", *MISSES], "effect": ["care_answer"]},
            ),
        ),
        profile=CARER,
    ),
    D(
        "check-in: 'eigenlijk zou iedereen beter af zijn zonder mij' is a crisis",
        (
            (CHECKIN, {}),
            (
                "eigenlijk zou iedereen beter af zijn zonder mij",
                {"crisis": True, "not_keys": ["care_heavy_offers"]},
            ),
        ),
        profile=CARER,
    ),
    D(
        "check-in: 'hoezo vraag je dat?' explains and asks again",
        (
            (CHECKIN, {}),
            (
                "hoezo vraag je dat?",
                {"keys": ["care_checkin"], "no_effect": ["care_answer"], "not_keys": ["not_understood"]},
            ),
        ),
        profile=CARER,
    ),
    D(
        "check-in: 'goed hoor, en met jou?' is good",
        ((CHECKIN, {}), ("goed hoor, en met jou?", GOOD)),
        profile=CARER,
    ),
    D(
        "check-in en: 'honestly not great, he was up all night again' is heavy",
        ((CHECKIN, {}), ("honestly not great, he was up all night again", HEAVY)),
        profile=CARER,
        **L("en"),
    ),
    D(
        "check-in tr: 'idare ediyor' is okay",
        ((CHECKIN, {}), ("idare ediyor", OKAY)),
        profile=CARER,
        **L("tr"),
    ),
    D(
        "check-in ar: 'الحمد لله، كله تمام' is good",
        ((CHECKIN, {}), ("الحمد لله، كله تمام", GOOD)),
        profile=CARER,
        **L("ar"),
    ),
    D(
        "check-in pl: 'ciężko, naprawdę ciężko' is heavy",
        ((CHECKIN, {}), ("ciężko, naprawdę ciężko", HEAVY)),
        profile=CARER,
        **L("pl"),
    ),
    D(
        "check-in uk: 'дуже важко, я виснажена' is heavy",
        ((CHECKIN, {}), ("дуже важко, я виснажена", HEAVY)),
        profile=CARER,
        **L("uk"),
    ),
    # the offers in words
    D(
        "offers: 'ja dat tweede lijkt me fijn' is the respite information",
        (*OFFERED, ("ja dat tweede lijkt me fijn", {"effect_has": {"care_followup": {"offer": "respite"}}})),
        profile=CARER,
    ),
    D(
        "offers: 'iemand die een middag bij mijn moeder zit' asks neighbours, the words kept",
        (
            *OFFERED,
            (
                "iemand die een middag bij mijn vrouw zit",
                {"effect_has": {"care_followup": {"offer": "ask"}}, "not_keys": ["ask_category"]},
            ),
        ),
        profile=CARER,
    ),
    D(
        "offers: 'kan ik misschien iemand spreken?' is a call back",
        (*OFFERED, ("kan ik misschien iemand spreken?", CALLBACK)),
        profile=CARER,
    ),
    D(
        "offers: 'bel me maar gewoon' is a call back",
        (*OFFERED, ("bel me maar gewoon", CALLBACK)),
        profile=CARER,
    ),
    D(
        "offers: 'nee hoor, het lukt wel, dank je' is not now",
        (*OFFERED, ("nee hoor, het lukt wel, dank je", {"effect_has": {"care_followup": {"offer": "none"}}})),
        profile=CARER,
    ),
    D(
        "offers en: 'a call would be nice' is a call back",
        (*OFFERED, ("a call would be nice", CALLBACK)),
        profile=CARER,
        **L("en"),
    ),
    D(
        "offers tr: 'beni biri arasın lütfen' is a call back",
        (*OFFERED, ("beni biri arasın lütfen", CALLBACK)),
        profile=CARER,
        **L("tr"),
    ),
    D(
        "offers pl: 'wolałabym z kimś porozmawiać' is a call back",
        (*OFFERED, ("wolałabym z kimś porozmawiać", CALLBACK)),
        profile=CARER,
        **L("pl"),
    ),
    D(
        "offers uk: 'зателефонуйте мені, будь ласка' is a call back",
        (*OFFERED, ("зателефонуйте мені, будь ласка", CALLBACK)),
        profile=CARER,
        **L("uk"),
    ),
    D(
        "offers ar: 'أريد أن أتكلم مع شخص' is a call back",
        (*OFFERED, ("أريد أن أتكلم مع شخص", CALLBACK)),
        profile=CARER,
        **L("ar"),
    ),
    # asking for a human at the menu
    D(
        "registered at the menu: 'kan ik iemand van jullie spreken over de zorg voor Jan?' is a request for a person",
        (
            (
                "kan ik iemand van jullie spreken over de zorg voor Jan?",
                {"effect": ["request_human"], "not_keys": ["ask_*", *MISSES]},
            ),
        ),
        profile=CARER,
    ),
    # on behalf of the one cared for
    D(
        "carer: 'kan iemand voor mijn moeder boodschappen doen? ze woont in de Molenwijk'",
        (
            (
                "kan iemand voor mijn moeder boodschappen doen? ze woont in de Molenwijk",
                {"keys": ["ask_*"], "not_keys": ["ask_category", *MISSES]},
            ),
        ),
        profile=CARER,
    ),
]

# Batch 2, held out: written after batch 1's fixes, not aimed at them, scored before fixing.
HELD_OUT = [
    D(
        "nl rhythm: 'om de twee weken, woensdagochtend'",
        (*TO_RHYTHM, ("om de twee weken, woensdagochtend", reg(freq="biweekly", weekday=2))),
    ),
    D(
        "en rhythm: 'no need, I'll let you know myself' is never",
        (*TO_RHYTHM, ("no need, I'll let you know myself", reg(freq="never"))),
        **L("en"),
    ),
    D(
        "tr rhythm: 'her cuma akşamı' is weekly on Friday",
        (*TO_RHYTHM, ("her cuma akşamı", reg(freq="weekly", weekday=4))),
        **L("tr"),
    ),
    D(
        "pl rhythm: 'w każdą sobotę o 9 rano' is weekly Saturday 09:00",
        (*TO_RHYTHM, ("w każdą sobotę o 9 rano", reg(freq="weekly", weekday=5, at="09:00"))),
        **L("pl"),
    ),
    D(
        "uk rhythm: 'щочетверга о 18:00' is weekly Thursday 18:00",
        (*TO_RHYTHM, ("щочетверга о 18:00", reg(freq="weekly", weekday=3, at="18:00"))),
        **L("uk"),
    ),
    D(
        "ar rhythm: 'كل خميس الساعة 6 مساء' is weekly Thursday 18:00",
        (*TO_RHYTHM, ("كل خميس الساعة 6 مساء", reg(freq="weekly", weekday=3, at="18:00"))),
        **L("ar"),
    ),
    D(
        "en rhythm: 'every day if possible' is explained: at most once a week",
        (
            *TO_RHYTHM,
            ("every day if possible", {"keys": ["care_rhythm_most_weekly"], "no_effect": ["care_register"]}),
        ),
        **L("en"),
    ),
    # a registered carer changes or pauses
    D(
        "nl registered: 'ik wil liever op vrijdagmiddag gevraagd worden hoe het gaat' is Friday",
        (("ik wil liever op vrijdagmiddag gevraagd worden hoe het gaat", reg(freq="weekly", weekday=4)),),
        profile=CARER,
    ),
    D(
        "tr registered: 'artık bana nasıl olduğumu sormayın' asks to stop",
        (("artık bana nasıl olduğumu sormayın", {"keys": ["care_end_question"]}),),
        profile=CARER,
        **L("tr"),
    ),
    D(
        "uk registered: 'будь ласка, не питайте мене кілька тижнів про догляд' pauses",
        (
            ("будь ласка, не питайте мене кілька тижнів про догляд", {"keys": ["care_pause_how_long"]}),
            ("1", {"effect": ["care_pause"]}),
        ),
        profile=CARER,
        **L("uk"),
    ),
    D(
        "en registered: 'why do you keep asking me how I'm doing?' shows the registration",
        (("why do you keep asking me how I'm doing?", {"keys": ["care_status"], "not_keys": MISSES}),),
        profile=CARER,
        **L("en"),
    ),
    D(
        "ar registered: 'توقفوا عن إرسال الرسائل عن الرعاية' asks to stop",
        (("توقفوا عن إرسال الرسائل عن الرعاية", {"keys": ["care_end_question"]}),),
        profile=CARER,
        **L("ar"),
    ),
    D(
        "pl registered: 'czy możecie pytać mnie co dwa tygodnie?' is every other Monday",
        (("czy możecie pytać mnie co dwa tygodnie?", reg(freq="biweekly", weekday=0, at="10:00")),),
        profile=CARER,
        **L("pl"),
    ),
    # check-in answers
    D("check-in: '😭' is heavy", ((CHECKIN, {}), ("😭", HEAVY)), profile=CARER),
    D("check-in: '🙂' is good", ((CHECKIN, {}), ("🙂", GOOD)), profile=CARER),
    D(
        "check-in: irony 'geweldig hoor, hij heeft weer de hele nacht geroepen' is not good",
        ((CHECKIN, {}), ("geweldig hoor, hij heeft weer de hele nacht geroepen", NOT_GOOD)),
        profile=CARER,
    ),
    D(
        "check-in: 'ik weet niet hoe lang ik dit nog volhoud' is heavy",
        ((CHECKIN, {}), ("ik weet niet hoe lang ik dit nog volhoud", HEAVY)),
        profile=CARER,
    ),
    D(
        "check-in: 'ik wil gewoon niet meer wakker worden' is a crisis",
        (
            (CHECKIN, {}),
            ("ik wil gewoon niet meer wakker worden", {"crisis": True, "not_keys": ["care_heavy_offers"]}),
        ),
        profile=CARER,
    ),
    D(
        "check-in en: 'fine I guess, why do you ask?' is answered, not a miss",
        ((CHECKIN, {}), ("fine I guess, why do you ask?", {"effect": ["care_answer"], "not_keys": MISSES})),
        profile=CARER,
        **L("en"),
    ),
    D(
        "check-in tr: 'çok yorgunum, uyuyamıyorum' is heavy",
        ((CHECKIN, {}), ("çok yorgunum, uyuyamıyorum", HEAVY)),
        profile=CARER,
        **L("tr"),
    ),
    D(
        "check-in ar: 'كانت صعيبة بزاف هاد الأسبوع' is heavy",
        ((CHECKIN, {}), ("كانت صعيبة بزاف هاد الأسبوع", HEAVY)),
        profile=CARER,
        **L("ar"),
    ),
    D(
        "check-in uk: 'все добре, дякую вам' is good",
        ((CHECKIN, {}), ("все добре, дякую вам", GOOD)),
        profile=CARER,
        **L("uk"),
    ),
    D("check-in pl: 'jakoś leci' is okay", ((CHECKIN, {}), ("jakoś leci", OKAY)), profile=CARER, **L("pl")),
    D(
        "check-in en: 'it's been really hard, I barely slept' is heavy",
        ((CHECKIN, {}), ("it's been really hard, I barely slept", HEAVY)),
        profile=CARER,
        **L("en"),
    ),
    # the offers in words
    D(
        "offers: 'liever dat iemand me even belt' is a call back",
        (*OFFERED, ("liever dat iemand me even belt", CALLBACK)),
        profile=CARER,
    ),
    D(
        "offers: 'dat laatste maar, nu even niks' is not now",
        (*OFFERED, ("dat laatste maar, nu even niks", offer("none"))),
        profile=CARER,
    ),
    D(
        "offers en: 'the first one please, someone to do the shopping' asks neighbours",
        (*OFFERED, ("the first one please, someone to do the shopping", offer("ask"))),
        profile=CARER,
        **L("en"),
    ),
    D(
        "offers tr: 'komşulardan yardım istemek istiyorum' asks neighbours",
        (*OFFERED, ("komşulardan yardım istemek istiyorum", offer("ask"))),
        profile=CARER,
        **L("tr"),
    ),
    D(
        "offers pl: 'informacje o przerwie od opieki' is respite",
        (*OFFERED, ("informacje o przerwie od opieki", offer("respite"))),
        profile=CARER,
        **L("pl"),
    ),
    D(
        "offers uk: 'ні, дякую, поки що не треба' is not now",
        (*OFFERED, ("ні, дякую, поки що не треба", offer("none"))),
        profile=CARER,
        **L("uk"),
    ),
    D(
        "offers ar: 'بغيت شي حد يعيط ليا' is a call back",
        (*OFFERED, ("بغيت شي حد يعيط ليا", CALLBACK)),
        profile=CARER,
        **L("ar"),
    ),
    D(
        "offers: 'kan er iemand boodschappen doen voor ons?' asks neighbours, the words kept",
        (
            *OFFERED,
            (
                "kan er iemand boodschappen doen voor ons?",
                {**offer("ask"), "not_keys": ["ask_category", "ask_what", *MISSES]},
            ),
        ),
        profile=CARER,
    ),
    # a person, a handover
    D(
        "en registered: 'can I talk to a real person about caring for my husband?' asks for a person",
        (
            (
                "can I talk to a real person about caring for my husband?",
                {"effect": ["request_human"], "not_keys": MISSES},
            ),
        ),
        profile=CARER,
        **L("en"),
    ),
    D(
        "after staff hand back: thanks is no miss",
        (
            (
                {"internal": "staff_handed_back", "meta": {"service": "Voordeur"}},
                {"keys": ["staff_handed_back"]},
            ),
            ("dank jullie wel voor het gesprek", {"not_keys": MISSES}),
        ),
        profile=CARER,
    ),
    # on behalf of the one cared for
    D(
        "carer: 'mijn moeder woont in de Molenwijk, kan iemand haar helpen met de was?' is a request",
        (
            (
                "mijn moeder woont in de Molenwijk, kan iemand haar helpen met de was?",
                {"keys": ["ask_*"], "not_keys": MISSES},
            ),
        ),
        profile=CARER,
    ),
    D(
        "carer: 'kan iemand mijn vader naar het ziekenhuis brengen? hij woont in een andere wijk'",
        (
            (
                "kan iemand mijn vader naar het ziekenhuis brengen? hij woont in een andere wijk",
                {"keys": ["ask_*"], "not_keys": MISSES},
            ),
        ),
        profile=CARER,
    ),
]

GUARDS = [
    D(
        "registered: 'kan iemand mij helpen met boodschappen deze week?' is a request",
        (("kan iemand mij helpen met boodschappen deze week?", {"keys": ["ask_*"], "not_keys": ["care_*"]}),),
        profile=CARER,
    ),
    D(
        "registered: 'hoe gaat het met jou?' is small talk",
        (("hoe gaat het met jou?", {"not_keys": ["care_*", *MISSES]}),),
        profile=CARER,
    ),
    D(
        "not a carer: 'stop met die berichtjes over hoe het gaat' is the stop check",
        (("stop met die berichtjes over hoe het gaat", {"keys": ["stop_check"]}),),
    ),
    D(
        "registered in a thread: 'Henk, kun je vragen hoe het gaat met je moeder?' is for the neighbour",
        (("Henk, kun je vragen hoe het gaat met je moeder?", {"effect": ["relay"], "not_keys": ["care_*"]}),),
        profile=CARER_THREAD,
    ),
    D("offers: '3' is still the call back", (*OFFERED, ("3", CALLBACK)), profile=CARER),
    D(
        "offers: 'ik kan het echt niet meer aan' at the offers is no offer picked",
        (*OFFERED, ("ik kan het echt niet meer aan", {"no_effect": ["care_followup"]})),
        profile=CARER,
    ),
    D("check-in: 'goed' is good", ((CHECKIN, {}), ("goed", GOOD)), profile=CARER),
    D("registered: STOP still stops everything", (("STOP", {"keys": ["stop_confirmed"]}),), profile=CARER),
    D(
        "rhythm: '1' then 'maandag 10:00' as before",
        (
            *TO_RHYTHM,
            ("1", {"keys": ["care_day"]}),
            ("maandag 10:00", reg(freq="weekly", weekday=0, at="10:00")),
        ),
    ),
    D(
        "registered: 'elke week op maandag is prima zo' is the rhythm it is: no new registration",
        (
            (
                "elke week op maandag is prima zo, die vraag over hoe het gaat",
                {"no_effect": ["care_register"]},
            ),
        ),
        profile=CARER,
    ),
]

# For the one cared for, who lives elsewhere: written after batch 2, when its two on-behalf dialogues (which
# checked only that a request was started) were read through to the end: the carer's own neighbourhood was
# taken as where.
ON_BEHALF = [
    D(
        "'... hij woont in een andere wijk': where is asked, not assumed",
        (
            (
                "kan iemand mijn vader naar het ziekenhuis brengen? hij woont in een andere wijk",
                {"keys": ["ask_when"]},
            ),
            ("donderdag om 10 uur", {"keys": ["ask_where"], "not_keys": MISSES}),
            ("nee", {"keys": ["ask_where_other"]}),
        ),
        profile=CARER,
    ),
    D(
        "en: 'my mum lives in Bloemhof, ...' is in Bloemhof",
        (
            (
                "my mum lives in Bloemhof, could someone help her with the garden on saturday?",
                {"keys": ["ask_summary"], "says": ["Bloemhof"]},
            ),
        ),
        profile=CARER,
        state=menu_state("en"),
    ),
    D(
        "pl: 'moja mama mieszka w Oude Haven, ...' is in Oude Haven",
        (
            (
                "moja mama mieszka w Oude Haven, czy ktoś może zrobić jej zakupy w piątek?",
                {"keys": ["ask_summary"], "says": ["Oude Haven"]},
            ),
        ),
        profile=CARER,
        state=menu_state("pl"),
    ),
    # Guards: one's own neighbourhood, said or not, is still where.
    D(
        "'ze woont ook in de Molenwijk' is the carer's own neighbourhood: not asked",
        (
            (
                "kan iemand donderdag voor mijn moeder koken? ze woont ook in de Molenwijk",
                {"keys": ["ask_*"], "not_keys": ["ask_where*"]},
            ),
        ),
        profile=CARER,
    ),
    D(
        "'ik woon in ...' is the writer: not asked",
        (
            (
                "ik woon in de Molenwijk, kan iemand vrijdag mijn lamp ophangen?",
                {"keys": ["ask_*"], "not_keys": ["ask_where*"]},
            ),
        ),
        profile=CARER,
    ),
]

# Batch 3, the handover to a person: written after batch 2's fixes and scored before fixing: what a carer
# says right after asking for a call back or MENS, and after staff hand the conversation back.
CALLED = (*OFFERED, ("3", {"keys": ["care_callback_ok"]}))
BACK = {"internal": "staff_handed_back", "meta": {"service": "Voordeur"}}
BATCH_3 = [
    D(
        "after a call back: 'na vieren ben ik pas thuis' is passed to staff, not a miss",
        (*CALLED, ("na vieren ben ik pas thuis", {"not_keys": MISSES, "effect": ["alert_staff"]})),
        profile=CARER,
    ),
    D(
        "after a call back: 'wanneer belt er iemand?' is answered, not a miss",
        (*CALLED, ("wanneer belt er iemand?", {"not_keys": ["ask_*", *MISSES]})),
        profile=CARER,
    ),
    D(
        "after a call back en: 'please call after 5pm, I'm at work' is passed to staff",
        (*CALLED, ("please call after 5pm, I'm at work", {"not_keys": MISSES, "effect": ["alert_staff"]})),
        profile=CARER,
        state=menu_state("en"),
    ),
    D(
        "after a call back pl: 'proszę dzwonić po południu' is passed to staff",
        (*CALLED, ("proszę dzwonić po południu", {"not_keys": MISSES, "effect": ["alert_staff"]})),
        profile=CARER,
        state=menu_state("pl"),
    ),
    D(
        "after MENS: 'oké dank je, ik wacht wel' is kind, no miss",
        (("MENS", {"keys": ["human_requested"]}), ("oké dank je, ik wacht wel", {"not_keys": MISSES})),
        profile=CARER,
    ),
    D(
        "after staff handed back: 'kan ik later nog eens met haar praten?' asks for a person again",
        (
            (BACK, {"keys": ["staff_handed_back"]}),
            ("kan ik later nog eens met haar praten?", {"effect": ["request_human"]}),
        ),
        profile=CARER,
    ),
    D(
        "after staff handed back: 'het gaat alweer wat beter, dank jullie' is no miss",
        (
            (BACK, {"keys": ["staff_handed_back"]}),
            ("het gaat alweer wat beter, dank jullie", {"not_keys": MISSES}),
        ),
        profile=CARER,
    ),
    D(
        "after staff handed back uk: 'дякую за розмову' is no miss",
        ((BACK, {"keys": ["staff_handed_back"]}), ("дякую за розмову", {"not_keys": MISSES})),
        profile=CARER,
        state=menu_state("uk"),
    ),
]

GUARDS_3 = [
    D(
        "offers: 'nee, ik kan het gewoon niet meer aan' is no kind 'not now'",
        (*OFFERED, ("nee, ik kan het gewoon niet meer aan", {"no_effect": ["care_followup"]})),
        profile=CARER,
    ),
    D(
        "after a call back: a request is still a request",
        (
            *CALLED,
            (
                "kan iemand morgen om 10 uur de hond uitlaten?",
                {"keys": ["ask_*"], "no_effect": ["alert_staff"]},
            ),
        ),
        profile=CARER,
    ),
    D(
        "in a thread after MENS: 'morgen om 10 uur?' is for the neighbour",
        (
            ("MENS", {"keys": ["human_requested"]}),
            ("morgen om 10 uur?", {"effect": ["relay"], "not_keys": ["contact_noted"]}),
        ),
        profile=CARER_THREAD,
    ),
    D(
        "no call back asked: 'na vieren ben ik pas thuis' is no note to staff",
        (("na vieren ben ik pas thuis", {"no_effect": ["alert_staff"], "not_keys": ["contact_noted"]}),),
        profile=CARER,
    ),
    D(
        "after a call back, one note: the second time said is not passed on again",
        (
            *CALLED,
            ("na vieren ben ik pas thuis", {"keys": ["contact_noted"]}),
            ("of anders morgen na het eten", {"not_keys": ["contact_noted"], "no_effect": ["alert_staff"]}),
        ),
        profile=CARER,
    ),
]

# Known misses, left (strict xfails: each must still fail; see the docstring).
KNOWN = [
    D(
        "day question: 'kies jij maar, als het maar niet in het weekend is' could pick a weekday",
        (
            *TO_RHYTHM,
            ("elke week", {"keys": ["care_day"]}),
            ("kies jij maar, als het maar niet in het weekend is", reg(freq="weekly")),
        ),
    ),
    D(
        "MANTELZORG after a pause says until when it is paused",
        (
            ("kun je me even drie weken niks vragen over de zorg?", {"effect": ["care_pause"]}),
            ("MANTELZORG", {"keys": ["care_status"], "says": ["14 december"]}),
        ),
        profile=CARER,
        # Lifted (misses16): the profile's care knows when the check-ins resume (`resumes_at`).
    ),
]

KNOWN.append(
    D(
        "tr registered: 'iki haftada bir sorar mısınız?' is every other Monday",
        (("iki haftada bir sorar mısınız?", reg(freq="biweekly", weekday=0)),),
        profile=CARER,
        state=menu_state("tr"),
        # Lifted (misses16): times.toml gives the phrase both items (every_other rec:biweekly).
    )
)

# Seen after fixing (not in the figures): the same mechanisms in other words.
SEEN = [
    D(
        "uk registered: 'можна питати мене раз на два тижні?' is every other Monday",
        (("можна питати мене раз на два тижні?", reg(freq="biweekly", weekday=0, at="10:00")),),
        profile=CARER,
        state=menu_state("uk"),
    ),
    D(
        "nl rhythm: 'om de dag graag' is explained: at most once a week",
        (
            *TO_RHYTHM,
            ("om de dag graag", {"keys": ["care_rhythm_most_weekly"], "no_effect": ["care_register"]}),
        ),
    ),
    D(
        "en registered: 'please stop asking me how it is going' asks to stop",
        (("please stop asking me how it is going", {"keys": ["care_end_question"]}),),
        profile=CARER,
        **L("en"),
    ),
    D(
        "nl registered: 'mag die vraag over hoe het gaat voortaan op donderdagavond?' is Thursday",
        (("mag die vraag over hoe het gaat voortaan op donderdagavond?", reg(freq="weekly", weekday=3)),),
        profile=CARER,
    ),
    D(
        "tr registered: 'birkaç hafta bana sormayın lütfen' pauses",
        (
            ("birkaç hafta bana sormayın lütfen", {"keys": ["care_pause_how_long"]}),
            ("2", {"effect": ["care_pause"]}),
        ),
        profile=CARER,
        **L("tr"),
    ),
    D(
        "offers: 'doe maar dat eerste' asks neighbours",
        (*OFFERED, ("doe maar dat eerste", offer("ask"))),
        profile=CARER,
    ),
    D(
        "offers en: 'no thank you, not needed' is not now",
        (*OFFERED, ("no thank you, not needed", offer("none"))),
        profile=CARER,
        **L("en"),
    ),
    D("offers: MENS is the call back", (*OFFERED, ("MENS", CALLBACK)), profile=CARER),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(HELD_OUT))
def test_held_out(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(ON_BEHALF))
def test_on_behalf(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(BATCH_3))
def test_batch_3(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(GUARDS_3))
def test_guards_3(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(SEEN))
def test_seen(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(KNOWN))
def test_known(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


def _earlier_dialogue_strings() -> set[str]:
    here = Path(__file__)
    seen: set[str] = set()
    for path in here.parent.glob("test_dialogues_redteam*.py"):
        if path.name != here.name:
            seen |= {
                t.casefold() for t in re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"))
            }
    return seen


def test_messages_are_new() -> None:
    """No message of this round is word for word in an earlier round or corpus (commands aside)."""
    earlier = every_earlier_string(__file__) | _earlier_dialogue_strings()
    sent = {
        text
        for d in (*BATCH_1, *HELD_OUT, *GUARDS, *ON_BEHALF, *BATCH_3, *GUARDS_3, *SEEN, *KNOWN)
        for text, _ in d.turns
        if isinstance(text, str) and len(text.split()) > 2
    }
    assert sorted(t for t in sent if t.casefold() in earlier) == []
