# ruff: noqa: RUF001, E501
"""Red team of whole conversations, round 28: inside a thread between matched neighbours.

Ria (a resident) writes with Marieke (or Kees) through the bot, and Henk (a volunteer) with Ans, in nl, en,
tr, ar, pl and uk, with the bot's own messages in between (the neighbour's relayed words, a meeting agreed,
the evening reminder, "Is het gelukt?", a carer's check-in). Checked per turn (`round_check` beside
`check_turn`): ordinary words passed on unchanged and not read as a command or an answer (`passed`); words
for the bot not passed on (`held`); worries about the neighbour held back and the team told at once
(`worry`: an alert_staff or report_thread effect); no false alarm (`calm`: no crisis key, no high alert,
no "112" in the reply); a real crisis caught and not relayed; a typed phone number never relayed as typed
and how numbers are shared said (`number_kept`); moving or cancelling the meeting in words offered and
done (`moved`, then "1": meet_reschedule). Replayed at the golden clock (Monday 23 November 2026 10:00 UTC).

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (563658f).
- Batch 1 (BATCH_1, 28 dialogues; nl 18, en/tr/ar/pl/uk 2 each; written before reading flows/threads.py,
  meetings.py, conversation.py, privacy.py or the crisis reader): main 36/61, 6/28 (nl 22/37 5/18; en 2/5
  0/2; tr 3/5 0/2; ar 2/4 0/2; pl 3/5 0/2; uk 4/5 1/2). Two messages were reworded after that first run,
  before any fix, to be new against earlier rounds ("kan het ook woensdag?" -> "zou het ook woensdag
  kunnen?", a Ukrainian fall); the figure is the same. After its fixes 60/61, 27/28 (one strict xfail).
- Batch 2 (BATCH_2, 24 dialogues, held out: nl 13, en 2, tr 2, ar 2, pl 2, uk 3), before its own fixes
  (the honest figure): 28/35, 17/24 (nl 13/19 7/13; en 2/2 2/2; tr 2/3 1/2; ar 3/3 2/2; pl 3/3 2/2; uk
  5/5 3/3). After: 35/35, 24/24.
- Guards (GUARDS, 8 dialogues, written with batch 2's fixes): 12/12, 8/8 after.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What the bot did on main: "Marieke reageert niet" (and "Marieke is not responding", "... cevap vermiyor")
was a 112 crisis answer with a high alert; "ik heb Ans net gebeld maar ze neemt niet op", "ona nie odbiera
telefonu", "لا ترد على الهاتف" were passed on with a high alert "no answer at the door" and 112 named;
"ik wil niet meer met hem", "ik wil een ander", "deze man is onbeleefd", a drunk or pushy helper, money asked
in Arabic, "başka bir gönüllü", "kogoś innego" went to the neighbour; money asked in Dutch was held but the
team not told; "hoe kan ik mijn nummer delen" asked to share at once, "how can I share my phone number with
her?" went to her; a typed number went to the neighbour as typed; "zou het ook woensdag kunnen?" with a
meeting ahead was only passed on; "nee ze is weer niet gekomen, al de tweede keer" told nobody.

What changed (mechanisms; words in blocks "round dialogue28" of flows/understanding/data/conversation.toml):
- Crisis (conversation.step, `threads.no_reply_only`): in an open thread, a medical reading that only says
  the neighbour, named, does not reply (a clause of the name, a [dialogue28_no_reply] phrase and light
  words) is no crisis, when the rest of the message is none either, also beside someone who does not answer
  ("Marieke reageert niet, ze ligt op de grond" stays a crisis). Asked only when the crisis reader found one.
- No answer (flows/threads.py): round 23's alarm (high alert, 112 named) only when the door is said
  ([dialogue28_at_door]); a neighbour who does not reply or pick up ([dialogue28_no_reply], said of him or
  her, or by the verb alone when no one else is named: [dialogue28_someone_else]) is held back and asked
  about (`thread_worry`: end, tell the team, pass it on).
- Conduct (`threads._conduct`): money asked, drunk, pushy, rude, a bank card or PIN asked
  ([dialogue28_conduct], `money_asked`), said of the neighbour (also "deze man", "asked me":
  [dialogue28_person]) is held back and the team told at once (alert `thread_conduct`, rank 1, lead
  `thread_team_told` before `thread_worry`). Leaving in fewer words ([dialogue28_leave]) asks `thread_worry`.
- "Is het gelukt?" answered no, not for the first time ([dialogue28_again_missed]): alert
  `meet_missed_again` (rank 2) and the lead, beside the usual choices (meetings.check_in_words).
- Numbers: DEEL NUMMER's words in a question how ([dialogue28_how], [dialogue28_sharing_numbers]) explain
  (`thread_numbers_hidden`), nothing shared yet (`threads.how_numbers_shared`); a phone number typed in a
  message (nine digits or more, `threads.PHONE_NUMBER`) is relayed as "•••" with `thread_number_masked`.
- MELD as the first clause or a first word in capitals ("MELD, hij was heel onaardig") reports.
- Moving: another day asked without an hour ([dialogue28_day_asked] or round 21's [meetings21_move_time])
  while a meeting is ahead moves it to that day at its own hour (`meetings._other_day_asked`, kept as
  MOVED for the plan), offered through `meet_cannot_come` ("Andere tijd" -> meet_reschedule, whose new
  reminders are the engine's).

Decided:
- A typed number is masked, not held: the rest of the message still reaches the neighbour, and the
  explanation says how to share. tests/test_thread_words_for_the_bot.py ("je kunt me bellen op
  0612345678" passed on as typed, session 29) changed by this decision. Typing it is no DEEL NUMMER: the
  number may be someone else's.
- "ze reageert niet" (no name) in a thread stays a crisis: "ze" may be someone at home; only the
  neighbour named is taken as not replying.
- Conduct is told to the team at once (the person still chooses to end, report or pass it on); odd
  behaviour alone ("hij doet raar") and not replying only ask.

Known miss (strict xfail): a carer's check-in, then Marieke's message, then "prima, ik zie je dinsdag":
the check-in is still the open question and answers it (Goed); the words do not reach Marieke.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    CARER,
    CHECKIN,
    RIA,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
)
from tests.test_dialogues_redteam5 import VOLUNTEER, VOLUNTEER_MEETING

D = Dialogue
MISS = ["not_understood", "*_again"]

# Ria (a resident) matched with Marieke (a volunteer), thread 5; they meet at Ria's home on Tuesday 24
# November at 14:00 (meeting 8). CHECK is "Is het gelukt?" of an earlier meeting (Saturday 21 November).
MARIEKE = {"id": 5, "other_name": "Marieke", "category": "boodschappen", "status": "open"}
RIA_M = {**RIA, "threads": [MARIEKE]}
CARER_M = {**CARER, "threads": [MARIEKE]}
MEETING = {
    "id": 8,
    "thread_id": 5,
    "name": "Marieke",
    "host": "Ria",
    "host_is_me": True,
    "centre": "",
    "place_kind": "home",
    "place_text": None,
    "starts_at": "2026-11-24T13:00:00+00:00",
    "zone": "Europe/Amsterdam",
    "status": "agreed",
    "recurring": False,
    "role": "requester",
}
AGREED = {"internal": "meet_agreed", "meta": {"meeting": MEETING}}
REMINDER = {"internal": "meet_reminder", "meta": {"which": "evening", "meeting": MEETING}}
CHECK = {"internal": "meet_check", "meta": {"meeting": {**MEETING, "starts_at": "2026-11-21T13:00:00+00:00"}}}


def relayed(text: str, name: str = "Marieke", thread_id: int = 5) -> dict[str, Any]:
    """A message of the neighbour, passed on by the bot."""
    return {"internal": "relayed", "meta": {"thread_id": thread_id, "name": name, "text": text}}


# Henk (a volunteer) matched with Ans, thread 3: they meet at Ans's home today at 14:00.
VOL_REMINDER = {"internal": "meet_reminder", "meta": {"which": "soon", "meeting": VOLUNTEER_MEETING}}


def lang(code: str, **more: Any) -> dict[str, Any]:
    return {**more, "lang": code}


def passed(code: str = "nl", **more: Any) -> dict[str, Any]:
    """Ordinary words for the neighbour: passed on unchanged, not read as a command or an answer."""
    return {
        "lang": code,
        "effect": ["relay"],
        "relay_unchanged": True,
        "not_keys": [*MISS, "stop_check", "help*", "ask_category", "menu", "thread_worry", "crisis_*"],
        "no_effect": ["alert_staff", "meet_cancel", "meet_answer", "meet_outcome"],
        **more,
    }


def held(code: str = "nl", **more: Any) -> dict[str, Any]:
    """Words for the bot: not passed on, answered (no miss)."""
    return {"lang": code, "no_effect": ["relay"], "not_keys": MISS, **more}


def worry(code: str = "nl", **more: Any) -> dict[str, Any]:
    """A worry about the neighbour: held back and the team told at once."""
    return held(code, told_staff=True, **more)


def calm(code: str = "nl", **more: Any) -> dict[str, Any]:
    """No answer from the neighbour: no crisis, no 112, no high alert; not passed on as a mere message."""
    return held(code, calm=True, **more)


def crisis(code: str = "nl") -> dict[str, Any]:
    return {"lang": code, "crisis": True, "no_effect": ["relay"]}


def number_kept(code: str, digits: str, **more: Any) -> dict[str, Any]:
    """A number typed in a message: never passed on as typed; the bot says how numbers are shared."""
    return {"lang": code, "relay_lacks": digits, "numbers_told": True, "not_keys": MISS, **more}


def moved(code: str = "nl") -> dict[str, Any]:
    """The meeting moved or cancelled in words: passed on, and the change offered."""
    return {
        "lang": code,
        "effect": ["relay"],
        "any_keys": ["meet_cannot_come", "meet_said_offer"],
        "not_keys": MISS,
    }


CHANGE = {"any_effect": ["meet_reschedule", "meet_propose"], "no_effect": ["relay"], "not_keys": MISS}
SHARE_WORDS = {"nl": "DEEL NUMMER", "en": "SHARE NUMBER"}


def round_check(expect: dict[str, Any], result: Any) -> list[str]:
    """This round's own checks, beside `check_turn`'s."""
    keys = [r.key for r in result.replies]
    kinds = [e.kind for e in result.effects]
    relays = [str(e.data.get("text", "")) for e in result.effects if e.kind == "relay"]
    problems = []
    if "lang" in expect and result.state.get("lang") != expect["lang"]:
        problems.append(f"state lang {result.state.get('lang')!r}, not {expect['lang']!r}")
    wanted = expect.get("any_keys")
    if wanted and not any(k in keys for k in wanted):
        problems.append(f"none of {wanted} among {keys}")
    wanted = expect.get("any_effect")
    if wanted and not any(k in kinds for k in wanted):
        problems.append(f"none of the effects {wanted} among {kinds}")
    if expect.get("told_staff") and not ({"alert_staff", "report_thread"} & set(kinds)):
        problems.append(f"the team is not told ({kinds})")
    if expect.get("calm"):
        high = [e for e in result.effects if e.kind == "alert_staff" and e.data.get("priority") == "high"]
        from flows import catalogue

        code = catalogue.language_or_default(result.state.get("lang"))
        text = " ".join(
            catalogue.message_with_lead(r.key, code, r.params, lead=r.lead) for r in result.replies
        )
        if high or any(k.startswith("crisis_") for k in keys) or "112" in text:
            problems.append(f"a false alarm ({keys}, {[e.data for e in high]})")
    digits = expect.get("relay_lacks")
    if digits and any(digits in re.sub(r"[\s-]", "", text) for text in relays):
        problems.append(f"the number {digits} passed on ({relays})")
    if expect.get("numbers_told"):
        from flows import catalogue

        code = catalogue.language_or_default(result.state.get("lang"))
        text = " ".join(
            catalogue.message_with_lead(r.key, code, r.params, lead=r.lead)
            for r in result.replies
            if r.to_person is None
        )
        word = SHARE_WORDS.get(code, "DEEL NUMMER")
        if word.lower() not in text.lower() and "SHARE NUMBER".lower() not in text.lower():
            problems.append(f"how numbers are shared not told ({keys})")
    if expect.get("relay_unchanged") and relays and not any(t == expect.get("_sent") for t in relays):
        problems.append(f"not passed on unchanged ({relays})")
    return problems


def _with_sent(dialogue: Dialogue) -> Dialogue:
    """Each turn that must pass words on unchanged learns the words it sent."""
    turns = tuple(
        (
            sent,
            {**expect, "_sent": sent} if isinstance(sent, str) and expect.get("relay_unchanged") else expect,
        )
        for sent, expect in dialogue.turns
    )
    return Dialogue(dialogue.name, turns, dialogue.state, dialogue.profile, dialogue.gap)


# Batch 1: written before reading flows/threads.py, meetings.py, conversation.py, privacy.py or the crisis
# reader (only the test support and earlier rounds' tests for the format).
BATCH_1 = [
    # --- nl: ordinary words go to the neighbour
    D(
        "nl: Marieke's time answered 'ja hoor, tot dinsdag!', then where to stop, then a favour asked",
        (
            (relayed("Zal ik dinsdag om 2 uur komen?"), {"keys": ["relay"]}),
            ("ja hoor, tot dinsdag!", passed()),
            ("stop maar bij de achterdeur, de voordeur klemt", passed()),
            ("help je me ook met de vuilnisbak?", passed()),
        ),
        profile=RIA_M,
    ),
    D(
        "nl: the evening reminder, then words for Marieke with 'stop' and 'help' in them",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("stop de sleutel maar in de brievenbus als ik slaap", passed()),
            ("kun je me helpen de kerstboom uit de schuur te halen?", passed()),
        ),
        profile=RIA_M,
    ),
    D(
        "nl: a carer in a thread, the check-in arrives, then Marieke writes: 'prima, ik zie je dinsdag' goes to her",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            (relayed("Ik neem dinsdag ook melk mee, goed?"), {"keys": ["relay"]}),
            ("prima, ik zie je dinsdag", passed()),
        ),
        profile=CARER_M,
        gap="the check-in asked before Marieke's message stays the open question: 'prima' answers it (Goed) "
        "and the words do not reach Marieke; which of the two a message is for after a neighbour's message "
        "is round 26's interleaving, left",
    ),
    # --- nl: words for the bot are caught
    D(
        "nl: 'hoe kan ik mijn nummer delen' is for the bot, then DEEL NUMMER",
        (
            ("hoe kan ik mijn nummer delen", held(numbers_told=True, no_effect=["relay", "share_number"])),
            ("DEEL NUMMER", {"effect": ["share_number"], "no_effect": ["relay"]}),
        ),
        profile=RIA_M,
    ),
    D(
        "nl: 'ik wil niet meer met hem' is held back, then the team is told",
        (
            ("ik wil niet meer met hem", held(keys=["thread_worry"])),
            ("2", {"effect": ["report_thread"], "no_effect": ["relay"]}),
        ),
        profile={**RIA, "threads": [{**MARIEKE, "other_name": "Kees"}]},
    ),
    D(
        "nl: 'deze man is onbeleefd' is held back and reaches the team",
        (("deze man is onbeleefd", worry()),),
        profile={**RIA, "threads": [{**MARIEKE, "other_name": "Kees"}]},
    ),
    D(
        "nl: 'ik wil een ander' is held back",
        (("ik wil een ander", held(any_keys=["thread_worry", "thread_reported"])),),
        profile=RIA_M,
    ),
    D(
        "nl: MELD after Marieke's message",
        (
            (relayed("Waarom doe je de deur niet open? Ik sta hier al een kwartier!"), {"keys": ["relay"]}),
            ("MELD", {"effect": ["report_thread"], "no_effect": ["relay"], "keys": ["thread_reported"]}),
        ),
        profile=RIA_M,
    ),
    # --- nl: worries about the neighbour
    D(
        "nl: money asked by the volunteer is held back and reaches the team",
        (
            (relayed("Ik kom morgen, tot dan"), {"keys": ["relay"]}),
            ("ze vroeg of ik haar 50 euro kon voorschieten voor de huur", worry()),
        ),
        profile=RIA_M,
    ),
    D(
        "nl: the helper seemed drunk: held back and reaches the team",
        (("volgens mij had hij gedronken, hij rook naar drank", worry()),),
        profile={**RIA, "threads": [{**MARIEKE, "other_name": "Kees"}]},
    ),
    D(
        "nl: the helper is pushy: held back and reaches the team",
        (("hij blijft maar aandringen dat hij binnen mag komen, dat wil ik niet", worry()),),
        profile={**RIA, "threads": [{**MARIEKE, "other_name": "Kees"}]},
    ),
    D(
        "nl: 'Is het gelukt?' answered 'weer niet gekomen, al de tweede keer': no, and the team is told",
        (
            (CHECK, {"keys": ["meet_check"]}),
            (
                "nee ze is weer niet gekomen, dat is al de tweede keer",
                {
                    "effect_has": {"meet_outcome": {"outcome": "no"}},
                    "told_staff": True,
                    "no_effect": ["relay"],
                    "not_keys": MISS,
                },
            ),
        ),
        profile=RIA_M,
    ),
    # --- nl: no false alarm
    D(
        "nl: 'Marieke reageert niet' is no crisis",
        (
            (relayed("Ik kijk morgen even of ik kan"), {"keys": ["relay"]}),
            ("Marieke reageert niet", calm()),
        ),
        profile=RIA_M,
    ),
    D(
        "nl: the evening reminder, then 'hij neemt niet op' from a volunteer: no crisis",
        (
            (VOL_REMINDER, {"keys": ["meet_reminder_soon"]}),
            ("ik heb Ans net gebeld maar ze neemt niet op", calm()),
        ),
        profile=VOLUNTEER,
    ),
    # --- nl: a real crisis in a thread
    D(
        "nl: a fall told in the thread is a crisis, not only a message",
        (
            (relayed("Hoi Ria, ik ben er over een uurtje"), {"keys": ["relay"]}),
            ("ik ben gevallen en kom niet overeind", crisis()),
        ),
        profile=RIA_M,
    ),
    # --- nl: numbers
    D(
        "nl: a number typed in a message is not passed on as typed",
        (("bel me maar even op 06-12345678 als je er bent", number_kept("nl", "0612345678")),),
        profile=RIA_M,
    ),
    # --- nl: moving the meeting
    D(
        "nl: the meeting agreed, then 'zou het ook woensdag kunnen?' offers to move it, and it is moved",
        (
            (AGREED, {}),
            ("zou het ook woensdag kunnen?", moved()),
            ("1", CHANGE),
        ),
        profile=RIA_M,
    ),
    D(
        "nl: the reminder, then 'ik ben ziek, volgende week?' offers to move it, and it is moved",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("ik ben ziek, volgende week?", moved()),
            ("1", CHANGE),
        ),
        profile=RIA_M,
    ),
    # --- en
    D(
        "en: Marieke's message answered, the number asked of the bot, no answer from her",
        (
            (relayed("Zal ik dinsdag om 2 uur komen?"), {"keys": ["relay"]}),
            ("yes that works, see you on tuesday!", passed("en")),
            ("how can I share my phone number with her?", held("en", numbers_told=True)),
            ("she isn't replying to me", calm("en")),
        ),
        state=menu_state("en"),
        profile=RIA_M,
    ),
    D(
        "en: money asked and being pushy: held back, the team told",
        (("he keeps asking me to lend him 100 euros and won't take no", worry("en")),),
        state=menu_state("en"),
        profile={**RIA, "threads": [{**MARIEKE, "other_name": "Kees"}]},
    ),
    # --- tr
    D(
        "tr: ordinary words passed on, the number asked of the bot, then a fall",
        (
            (relayed("Salı saat 2'de gelebilirim"), {"keys": ["relay"]}),
            ("tamam, salı görüşürüz!", passed("tr")),
            ("numaramı nasıl paylaşabilirim?", held("tr", numbers_told=True)),
            ("düştüm, yerden kalkamıyorum", crisis("tr")),
        ),
        state=menu_state("tr"),
        profile=RIA_M,
    ),
    D(
        "tr: 'başka birini istiyorum' is held back",
        (("başka bir gönüllü istiyorum", held("tr", any_keys=["thread_worry", "thread_reported"])),),
        state=menu_state("tr"),
        profile=RIA_M,
    ),
    # --- ar
    D(
        "ar: ordinary words passed on, then money asked: held back and the team told",
        (
            (relayed("Ik kom dinsdag om 2 uur"), {"keys": ["relay"]}),
            ("حسنا، أراك يوم الثلاثاء", passed("ar")),
            ("طلبت مني أن أعطيها مالا", worry("ar")),
        ),
        state=menu_state("ar"),
        profile=RIA_M,
    ),
    D(
        "ar: 'لا ترد على الهاتف' is no crisis",
        (("لا ترد على الهاتف منذ الصباح", calm("ar")),),
        state=menu_state("ar"),
        profile=RIA_M,
    ),
    # --- pl
    D(
        "pl: the reminder, 'jestem chora, może w przyszłym tygodniu?' moves the meeting; 'nie odbiera' is no crisis",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("jestem chora, może w przyszłym tygodniu?", moved("pl")),
            ("1", CHANGE),
            ("ona nie odbiera telefonu", calm("pl")),
        ),
        state=menu_state("pl"),
        profile=RIA_M,
    ),
    D(
        "pl: 'chcę kogoś innego' is held back",
        (("chcę kogoś innego do pomocy", held("pl", any_keys=["thread_worry", "thread_reported"])),),
        state=menu_state("pl"),
        profile=RIA_M,
    ),
    # --- uk
    D(
        "uk: ordinary words passed on, then the helper was drunk: held back and the team told",
        (
            (relayed("Ik kom dinsdag om 2 uur"), {"keys": ["relay"]}),
            ("добре, до вівторка!", passed("uk")),
            ("він прийшов п'яний", worry("uk")),
        ),
        state=menu_state("uk"),
        profile={**RIA, "threads": [{**MARIEKE, "other_name": "Kees"}]},
    ),
    D(
        "uk: a fall told in the thread is a crisis",
        (
            (relayed("Ik kom dinsdag om 2 uur"), {"keys": ["relay"]}),
            ("я впала вдома і не можу встати", crisis("uk")),
        ),
        state=menu_state("uk"),
        profile=RIA_M,
    ),
]

BATCH_1 = [_with_sent(d) for d in BATCH_1]

KEES = {**RIA, "threads": [{**MARIEKE, "other_name": "Kees"}]}

# Batch 2, held out: written after batch 1's fixes, new wordings not aimed at them; scored before fixing.
BATCH_2 = [
    D(
        "nl: Marieke offers Friday, 'doe maar vrijdag hoor, fijn!' and a text when on the way go to her",
        (
            (relayed("Ik kan ook vrijdag, wat jij wilt"), {"keys": ["relay"]}),
            ("doe maar vrijdag hoor, fijn!", passed()),
            ("stuur je me even een berichtje als je onderweg bent?", passed()),
        ),
        profile=RIA_M,
    ),
    D(
        "nl: 'ik wil graag dat iemand anders komt, zij is steeds te laat' is held back",
        (("ik wil graag dat iemand anders komt, zij is steeds te laat", held(keys=["thread_worry"])),),
        profile=RIA_M,
    ),
    D(
        "nl: 'Kees vroeg om mijn pinpas en pincode' reaches the team",
        (("Kees vroeg om mijn pinpas en pincode", worry()),),
        profile=KEES,
    ),
    D(
        "nl: 'hij stond hier gisteren stomdronken voor de deur' reaches the team",
        (("hij stond hier gisteren stomdronken voor de deur", worry()),),
        profile=KEES,
    ),
    D(
        "nl: 'Marieke laat al drie dagen niks van zich horen' is no crisis",
        (("Marieke laat al drie dagen niks van zich horen", calm()),),
        profile=RIA_M,
    ),
    D(
        "nl: 'ze reageert niet op mijn appjes' is no crisis and not passed on",
        (("ze reageert niet op mijn appjes", calm()),),
        profile=RIA_M,
    ),
    D(
        "nl: 'Is het gelukt?' answered 'nee, Marieke is alweer niet komen opdagen': the team is told",
        (
            (CHECK, {"keys": ["meet_check"]}),
            (
                "nee, Marieke is alweer niet komen opdagen",
                {"effect_has": {"meet_outcome": {"outcome": "no"}}, "told_staff": True, "not_keys": MISS},
            ),
        ),
        profile=RIA_M,
    ),
    D(
        "nl: 'ik ben gevallen, kun je komen? ik lig in de gang' in the thread is a crisis",
        (("ik ben gevallen, kun je komen? ik lig in de gang", crisis()),),
        profile=RIA_M,
    ),
    D(
        "nl: 'mijn nummer is 06 98765432, bel maar' does not pass the number on",
        (("mijn nummer is 06 98765432, bel maar", number_kept("nl", "0698765432")),),
        profile=RIA_M,
    ),
    D(
        "nl: the reminder, 'kunnen we het naar donderdag verschuiven?' moves the meeting",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("kunnen we het naar donderdag verschuiven?", moved()),
            ("1", CHANGE),
        ),
        profile=RIA_M,
    ),
    D(
        "nl: the reminder, 'ik lig met griep in bed, kan het volgende week?' moves the meeting",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("ik lig met griep in bed, kan het volgende week?", moved()),
        ),
        profile=RIA_M,
    ),
    D(
        "nl: 'MELD, hij was heel onaardig' reports the conversation",
        (
            (
                "MELD, hij was heel onaardig",
                {"effect": ["report_thread"], "no_effect": ["relay"], "not_keys": MISS},
            ),
        ),
        profile=KEES,
    ),
    D(
        "nl: 'hoe werkt dat nummer delen eigenlijk?' is explained, nothing shared",
        (
            (
                "hoe werkt dat nummer delen eigenlijk?",
                held(numbers_told=True, no_effect=["relay", "share_number"]),
            ),
        ),
        profile=RIA_M,
    ),
    D(
        "en: 'he was drunk when he came round yesterday' reaches the team",
        (("he was drunk when he came round yesterday", worry("en")),),
        state=menu_state("en"),
        profile=KEES,
    ),
    D(
        "en: 'Marieke hasn't replied since Monday' is no crisis",
        (("Marieke hasn't replied since Monday", calm("en")),),
        state=menu_state("en"),
        profile=RIA_M,
    ),
    D(
        "tr: 'tamam, perşembe görüşürüz, kapıyı açık bırakırım' goes to Marieke",
        (
            (relayed("Perşembe saat 3'te gelebilirim"), {"keys": ["relay"]}),
            ("tamam, perşembe görüşürüz, kapıyı açık bırakırım", passed("tr")),
        ),
        state=menu_state("tr"),
        profile=RIA_M,
    ),
    D(
        "tr: 'bana para için ısrar etti' reaches the team",
        (("bana para için çok ısrar etti", worry("tr")),),
        state=menu_state("tr"),
        profile=KEES,
    ),
    D(
        "ar: 'Marieke لا ترد على رسائلي' is no crisis",
        (("Marieke لا ترد على رسائلي", calm("ar")),),
        state=menu_state("ar"),
        profile=RIA_M,
    ),
    D(
        "ar: the reminder, 'أنا مريضة، هل يمكن الأسبوع القادم؟' moves the meeting",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("أنا مريضة، هل يمكن الأسبوع القادم؟", moved("ar")),
        ),
        state=menu_state("ar"),
        profile=RIA_M,
    ),
    D(
        "pl: 'poprosił mnie o pożyczkę 200 zł' reaches the team",
        (("poprosił mnie o pożyczkę 200 zł", worry("pl")),),
        state=menu_state("pl"),
        profile=KEES,
    ),
    D(
        "pl: 'do zobaczenia we wtorek, zadzwoń dzwonkiem dwa razy' goes to Marieke",
        (
            (relayed("Ik kom dinsdag om 2 uur"), {"keys": ["relay"]}),
            ("do zobaczenia we wtorek, zadzwoń dzwonkiem dwa razy", passed("pl")),
        ),
        state=menu_state("pl"),
        profile=RIA_M,
    ),
    D(
        "uk: 'Marieke не відповідає вже два дні' is no crisis",
        (("Marieke не відповідає вже два дні", calm("uk")),),
        state=menu_state("uk"),
        profile=RIA_M,
    ),
    D(
        "uk: the reminder, 'можна перенести на четвер?' moves the meeting",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("можна перенести на четвер?", moved("uk")),
            ("1", CHANGE),
        ),
        state=menu_state("uk"),
        profile=RIA_M,
    ),
    D(
        "uk: 'він просив у мене гроші' reaches the team",
        (("він просив у мене гроші на ліки", worry("uk")),),
        state=menu_state("uk"),
        profile=KEES,
    ),
]
BATCH_2 = [_with_sent(d) for d in BATCH_2]

# What the fixes must not change (written with batch 2's fixes).
GUARDS = [
    D(
        "nl: a real emergency beside the neighbour's name stays one: 'Marieke, mijn man reageert niet meer!'",
        (("Marieke, mijn man reageert niet meer!", crisis()),),
        profile=RIA_M,
    ),
    D(
        "nl: the neighbour named, not replying and lying down: a crisis",
        (("Marieke reageert niet meer, ze ligt op de grond", crisis()),),
        profile=RIA_M,
    ),
    D(
        "nl: 'ze reageert niet' with no conversation open stays a crisis",
        (("ze reageert niet meer", crisis()),),
    ),
    D(
        "nl: the door with no answer still alerts the team (round 23)",
        (("ik sta bij haar voordeur maar ze neemt niet op", {"effect": ["relay", "alert_staff"]}),),
        profile=RIA_M,
    ),
    D(
        "nl: words with a door, a drink, a time and an amount go to the neighbour unchanged",
        (
            (relayed("Ik kom dinsdag om 2 uur"), {"keys": ["relay"]}),
            ("ik sta om 14:30 voor de deur, huisnummer 12", passed()),
            ("ze drinkt graag koffie, neem je koekjes mee?", passed()),
            ("het was 25 euro, ik betaal je dinsdag terug", passed()),
        ),
        profile=RIA_M,
    ),
    D(
        "nl: 'ik wil een andere dag' is no wish for another neighbour",
        (("ik wil een andere dag, kan dat?", {"effect": ["relay"], "not_keys": ["thread_worry"]}),),
        profile=RIA_M,
    ),
    D(
        "nl: a day said without asking to move keeps the meeting",
        (
            (AGREED, {}),
            ("ik bel je woensdag nog even", {"effect": ["relay"], "not_keys": ["meet_cannot_come"]}),
        ),
        profile=RIA_M,
    ),
    D(
        "nl: DEEL NUMMER itself still asks to share",
        (("DEEL NUMMER", {"effect": ["share_number"], "no_effect": ["relay"]}),),
        profile=RIA_M,
    ),
]
GUARDS = [_with_sent(d) for d in GUARDS]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, round_check)


def test_messages_are_new() -> None:
    assert repeated_messages(__file__, [*BATCH_1, *BATCH_2, *GUARDS]) == []


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue, round_check)


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, round_check)
