# ruff: noqa: RUF001, RUF002, E501
"""Red team of whole conversations, round 30: threads between matched neighbours in the other languages.

Round 28 (tests/test_dialogues_redteam28.py) made a thread hold back and tell the team about fear, conduct
and leaving, mostly in Dutch. Here Ria (a resident) writes with Marieke or Kees, and Henk (a volunteer) with
Ans, in Turkish (also without diacritics), Arabic (script, and Darija in Latin letters), Polish (with and
without diacritics), Ukrainian, English and Dutch learned late; in an open thread, with "Waar zien jullie
elkaar?" open after a match (PLAN), and with the reminder, "Is het gelukt?" and the neighbour's messages in
between. Checked per turn with round 28's checks (`passed`, `held`, `worry`, `calm`, `number_kept`, `moved`)
and round 10's: every reply, lead and label from the person's language's own catalogue text. Fear of the
neighbour (`fear`) is held back and the team told (MELD: report_thread); not wanting him or her again or
wanting someone else (`not_again`) is held back with the choices (end / tell the team / pass it on);
words meant for the bot (`for_bot`) are answered, not passed on.

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (87563d4).
- Batch 1 (BATCH_1, 26 dialogues; tr 5, ar 6 (2 Darija in Latin letters), pl 4, uk 4, en 3, nl learned late
  4; written before reading flows/threads.py, meetings.py or conversation.py): main 50/71, 7/26 (tr 11/14
  2/5; ar 8/14 1/6; pl 10/12 2/4; uk 7/10 1/4; en 8/10 1/3; nl 6/11 0/4). After its fixes 71/71, 26/26.
  One expectation changed after that first run (see Decided), and one Ukrainian message reworded to be new
  against earlier rounds ("він був грубий зі мною" -> "він був дуже грубий зі мною").
- Batch 2 (BATCH_2, 22 dialogues, held out: tr 4, ar 5, pl 4, uk 3, en 3, nl 3), before its own fixes (the
  honest figure): 31/48, 9/22 (tr 6/9 2/4; ar 5/10 1/5; pl 6/9 1/4; uk 5/7 1/3; en 4/6 2/3; nl 5/7 2/3).
  After: 48/48, 22/22.
- Guards (GUARDS, 10 dialogues, written with batch 2's fixes): 25/25, 10/10 after (one Ukrainian word
  order, "я більше не хочу з нею зустрічатися", was missing and added).
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What main did: "ondan korkuyorum" was caught, but "أنا خائفة منه", "ana khayfa minnou", "ona mnie straszy",
"вона мене лякає", "ik ben bang van hem", "bu kadından çok korkuyorum", "я боюся цього чоловіка" went to the
neighbour; so did "لا أريدها مرة أخرى", "не хочу більше з нею", "краще хтось інший" (round 25 had these words,
read only at "Is het gelukt?"), "bghit chi wahed akhor", "nie chce go wiecej widziec", "ik wil niet meer
die man"; money asked without a pronoun ("benden borc para istedi", "tlab menni lflouss", "hij vraag mij
geld"), conduct in a verb alone ("wczoraj krzyczał na mnie", "kan sakran melli ja"); "bu sohbeti nasıl
bitiririm?". At "Waar zien jullie elkaar?", "I'd rather have someone else" and "ik wil ander persoon" were
read as the place "somewhere else" (meet_where_other).

What changed (mechanisms; words in the blocks "round dialogue30" at the end of
flows/understanding/data/conversation.toml, all six languages):
- Fear (threads `_unsafe`): [dialogue30_unsafe] and [dialogue30_unsafe_more] beside round 12's
  [round12_thread_unsafe] (phrases of fear of him or her, and verbs that say him or her in themselves:
  "يخوفني", "mi grozi"); [dialogue30_fear] beside [round12_fear] with him or her; and a word of fear or
  mistrust ([dialogue30_afraid]) with him or her ([round12_third_person] or [dialogue30_them]: "ondan",
  "цього", "منه", "minnou", "deze man"), unless it is fear of something else ([dialogue30_afraid_not]: "bang
  dat", "scared to", "боюся що", "أخاف أن"). Fear is MELD as before (held, the team told, the thread frozen).
- Leaving (`about_other`): round 25's [dialogue25_not_again] is read in a thread too, beside
  [dialogue30_leave], [dialogue30_leave_more], and a change of helper asked: a word of changing
  ([dialogue30_change]) with a word of the helper ([dialogue30_helper]).
- Conduct (`_conduct`): [dialogue30_conduct] (shouting, insults, harassment, drink) beside round 28's list;
  said with no pronoun it counts when no one else is named (`_alone_said`) and the writer is not the subject
  ([dialogue30_i]): pro-drop verbs say the person. Money asked still needs him or her: [dialogue30_person]
  ("benden", "menni", "od mnie": asked from me) and [dialogue30_them] now say it; `money_asked` reads
  [dialogue30_money], [dialogue30_money_wanted] and [dialogue30_money_wanted_more] beside round 25's lists.
- Words for the bot: a word of how ([dialogue28_how], [dialogue30_how]: also "hoe ik kan"), a word of the
  conversation ([dialogue30_chat], [dialogue30_chat_more]) and a word of ending ([dialogue30_end]): "is the
  help done?" (`ask_close`, thread_close_check; yes closes it as KLAAR), nothing passed on.
- "Waar zien jullie elkaar?" (meetings.handle, step "where"): a text that names no place is first read as
  words about the other one (`threads.about_other`), before a place is read from its words.

Decided:
- "she asked me to give her money for groceries" (batch 1, written as a worry): money for the shopping
  itself is no conduct (round 25's [dialogue25_money_fine]); the turn now asks that nobody is alerted.
- "how do I end this chat?" asks whether the help is done (yes closes, no keeps it), not round 28's worry
  choices: ending from the worry keeps the two apart in matching, which a question how to stop does not say.
- Conduct with no pronoun in the message ("kan sakran melli ja") is told to the team only when no one else
  and not the writer is said; money asked keeps needing him or her (a plain "vroeg 20 euro" may be mine).
- Dutch "bang" alone with "hij"/"haar" is not read as fear of the neighbour ("bang voor haar hond"): only
  the phrases ("bang van hem", "hij maakt me bang"); English "afraid" likewise (its "I'm afraid I can't").

Left: moving or cancelling the meeting in these languages already worked (round 28) and still does; the
worry's "end" closes the conversation, but the engine, not this flow, ends the meeting plan after it.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import Dialogue, as_params, assert_holds, menu_state, repeated_messages
from tests.test_dialogues_redteam5 import VOLUNTEER
from tests.test_dialogues_redteam10 import language_problems
from tests.test_dialogues_redteam28 import (
    CHANGE,
    CHECK,
    KEES,
    MEETING,
    MISS,
    REMINDER,
    RIA_M,
    _with_sent,
    calm,
    held,
    moved,
    number_kept,
    passed,
    relayed,
    worry,
)
from tests.test_dialogues_redteam28 import round_check as round_28_check

D = Dialogue

# "Spreek een tijd en plek af met Marieke. Waar zien jullie elkaar?" after the match (thread 5, Ria hosts).
PLAN = {
    "internal": "meet_plan",
    "meta": {"thread_id": 5, "name": "Marieke", "host": "Ria", "host_is_me": True, "centre": ""},
}
PLAN_KEES = {"internal": "meet_plan", "meta": {**PLAN["meta"], "name": "Kees"}}
AGREED = {"internal": "meet_agreed", "meta": {"meeting": MEETING}}
# Henk (a volunteer) with Ans, thread 3.
ANS_SAYS = {
    "internal": "relayed",
    "meta": {"thread_id": 3, "name": "Ans", "text": "Kom je dinsdag om 2 uur?"},
}


def fear(code: str = "nl", **more: Any) -> dict[str, Any]:
    """Fear of the neighbour: held back and the team told at once."""
    return worry(code, **more)


def not_again(code: str = "nl", **more: Any) -> dict[str, Any]:
    """Not wanting this neighbour again, or wanting someone else: held back and the choices asked."""
    return held(code, any_keys=["thread_worry", "thread_reported"], **more)


def for_bot(code: str = "nl", **more: Any) -> dict[str, Any]:
    """Words meant for the bot: not passed on, answered, no alarm."""
    return held(code, **more)


def round_check(expect: dict[str, Any], result: Any) -> list[str]:
    """Round 28's checks, and every reply in the person's language (round 10's check)."""
    problems = round_28_check(expect, result)
    if "lang" in expect:
        problems += [p for p in language_problems(expect["lang"], result) if not p.startswith("state lang")]
    return problems


def st(code: str) -> dict[str, Any]:
    return menu_state(code)


# Batch 1: written before reading flows/threads.py, meetings.py, conversation.py (only the test support and
# earlier rounds' tests for the format).
BATCH_1 = [
    # --- tr
    D(
        "tr: Marieke's time answered 'tamam, salı görüşürüz', then fear of her is held and told",
        (
            (relayed("Salı saat 2'de gelebilir miyim?"), {"keys": ["relay"]}),
            ("tamam, salı görüşürüz", passed("tr")),
            ("ondan korkuyorum, bana bağırdı", fear("tr")),
        ),
        state=st("tr"),
        profile=RIA_M,
    ),
    D(
        "tr (no diacritics): 'Waar zien jullie elkaar?' open, 'onu bir daha gormek istemiyorum' is held",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("onu bir daha gormek istemiyorum", not_again("tr")),
        ),
        state=st("tr"),
        profile=RIA_M,
    ),
    D(
        "tr (no diacritics): 'baska birini gonderin lutfen' and money asked 'benden borc para istedi'",
        (
            ("baska birini gonderin lutfen", not_again("tr")),
            ("benden borc para istedi", worry("tr")),
        ),
        state=st("tr"),
        profile=KEES,
    ),
    D(
        "tr: the reminder, 'yarın gelemiyorum, perşembe olur mu?' moves the meeting; a number is masked",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("yarın gelemiyorum, perşembe olur mu?", moved("tr")),
            ("1", CHANGE),
            ("numaram 0612345678, beni arayabilirsin", number_kept("tr", "0612345678")),
        ),
        state=st("tr"),
        profile=RIA_M,
    ),
    D(
        "tr: a volunteer: 'Ans sarhoştu, çok kaba davrandı' reaches the team; 'bu sohbeti nasıl bitiririm?' is for the bot",
        (
            (ANS_SAYS, {"keys": ["relay"]}),
            ("Ans sarhoştu, çok kaba davrandı", worry("tr")),
            ("bu sohbeti nasıl bitiririm?", for_bot("tr")),
        ),
        state=st("tr"),
        profile=VOLUNTEER,
    ),
    # --- ar (script)
    D(
        "ar: 'شكرا، نشوفك الثلاثاء' goes to Marieke, then 'أنا خائفة منه' about Kees is held and told",
        (
            (relayed("Ik kom dinsdag om 2 uur", name="Kees"), {"keys": ["relay"]}),
            ("شكرا، نشوفك الثلاثاء", passed("ar")),
            ("أنا خائفة منه", fear("ar")),
        ),
        state=st("ar"),
        profile=KEES,
    ),
    D(
        "ar: 'Waar zien jullie elkaar?' open, 'لا أريدها مرة أخرى' is held",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("لا أريدها مرة أخرى", not_again("ar")),
        ),
        state=st("ar"),
        profile=RIA_M,
    ),
    D(
        "ar: 'أريد متطوعة أخرى من فضلك' is held; 'كيف أعطيها رقمي؟' is for the bot",
        (
            ("أريد متطوعة أخرى من فضلك", not_again("ar")),
            ("كيف أعطيها رقمي؟", for_bot("ar", numbers_told=True)),
        ),
        state=st("ar"),
        profile=RIA_M,
    ),
    D(
        "ar: the reminder, 'لا أستطيع المجيء غدا، نلغي الموعد' offers the change; a number is masked",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("لا أستطيع المجيء غدا، نلغي الموعد", moved("ar")),
            ("رقمي 0687654321 اتصلي بي", number_kept("ar", "0687654321")),
        ),
        state=st("ar"),
        profile=RIA_M,
    ),
    # --- ar (Darija in Latin letters)
    D(
        "ar (Darija, Latin): 'ana khayfa minnou' is held and told; 'bghit chi wahed akhor' is held",
        (
            ("ana khayfa minnou", fear("ar")),
            ("bghit chi wahed akhor", not_again("ar")),
        ),
        state=st("ar"),
        profile=KEES,
    ),
    D(
        "ar (Darija, Latin): 'Is het gelukt?', then 'tlab menni lflouss' reaches the team",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("tlab menni lflouss", worry("ar")),
        ),
        state=st("ar"),
        profile=KEES,
    ),
    # --- pl
    D(
        "pl: a volunteer: 'dziękuję, do wtorku' goes to Ans, then 'ona mnie straszy' is held and told",
        (
            (ANS_SAYS, {"keys": ["relay"]}),
            ("dziękuję, do wtorku", passed("pl")),
            ("ona mnie straszy", fear("pl")),
        ),
        state=st("pl"),
        profile=VOLUNTEER,
    ),
    D(
        "pl (no diacritics): 'boje sie go' is told; 'nie chce go wiecej widziec' is held",
        (
            ("boje sie go", fear("pl")),
            ("nie chce go wiecej widziec", not_again("pl")),
        ),
        state=st("pl"),
        profile=KEES,
    ),
    D(
        "pl: 'Waar zien jullie elkaar?' open, 'wolę kogoś innego' is held; 'pytał o mój PIN' is told",
        (
            (PLAN_KEES, {"keys": ["meet_where"]}),
            ("wolę kogoś innego", not_again("pl")),
            ("pytał o mój PIN do karty", worry("pl")),
        ),
        state=st("pl"),
        profile=KEES,
    ),
    D(
        "pl: the reminder, 'nie dam rady we wtorek, może w czwartek?' moves it; 'mój numer to 612 345 678' is masked",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("nie dam rady we wtorek, może w czwartek?", moved("pl")),
            ("1", CHANGE),
            ("mój numer to 612 345 678", number_kept("pl", "612345678")),
        ),
        state=st("pl"),
        profile=RIA_M,
    ),
    # --- uk
    D(
        "uk: 'дякую, до вівторка' goes to Marieke, then 'вона мене лякає' is held and told",
        (
            (relayed("Ik kom dinsdag om 2 uur"), {"keys": ["relay"]}),
            ("дякую, до вівторка", passed("uk")),
            ("вона мене лякає", fear("uk")),
        ),
        state=st("uk"),
        profile=RIA_M,
    ),
    D(
        "uk: 'Waar zien jullie elkaar?' open, 'не хочу більше з нею' is held",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("не хочу більше з нею", not_again("uk")),
        ),
        state=st("uk"),
        profile=RIA_M,
    ),
    D(
        "uk: 'краще хтось інший' is held; 'він був дуже грубий зі мною' is told",
        (
            ("краще хтось інший", not_again("uk")),
            ("він був дуже грубий зі мною", worry("uk")),
        ),
        state=st("uk"),
        profile=KEES,
    ),
    D(
        "uk: the reminder, 'я захворіла, давайте скасуємо' offers the change; 'як поділитися номером?' is for the bot",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("я захворіла, давайте скасуємо", moved("uk")),
            ("як поділитися номером?", for_bot("uk", numbers_told=True)),
        ),
        state=st("uk"),
        profile=RIA_M,
    ),
    # --- en
    D(
        "en: 'Waar zien jullie elkaar?' open, 'I'm scared of him' is told; 'I'd rather have someone else' is held",
        (
            (PLAN_KEES, {"keys": ["meet_where"]}),
            ("I'm scared of him", fear("en")),
            ("I'd rather have someone else", not_again("en")),
        ),
        state=st("en"),
        profile=KEES,
    ),
    D(
        "en: the reminder and Marieke's message, then 'thanks, see you tuesday' and money for the groceries",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            (relayed("See you tomorrow at 2!"), {"keys": ["relay"]}),
            ("thanks, see you tuesday", passed("en")),
            # Decided after batch 1's first run: money for the groceries is the shopping itself (round 25's
            # [dialogue25_money_fine]), no conduct: not told to the team (written as worry("en") at first).
            (
                "she asked me to give her money for groceries",
                {"lang": "en", "not_keys": MISS, "no_effect": ["alert_staff", "report_thread"]},
            ),
        ),
        state=st("en"),
        profile=RIA_M,
    ),
    D(
        "en: 'Marieke isn't answering my messages' is calm; 'can't make it tomorrow, let's cancel' offers the change",
        (
            (AGREED, {}),
            ("Marieke isn't answering my messages", calm("en")),
            ("can't make it tomorrow, let's cancel", moved("en")),
        ),
        state=st("en"),
        profile=RIA_M,
    ),
    # --- nl learned late
    D(
        "nl (learned late): 'ik ben bang van hem' is told; 'ik wil niet meer die man' is held",
        (
            ("ik ben bang van hem", fear()),
            ("ik wil niet meer die man", not_again()),
        ),
        profile=KEES,
    ),
    D(
        "nl (learned late): 'Waar zien jullie elkaar?' open, 'ik wil ander persoon, niet Marieke' is held",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("ik wil ander persoon, niet Marieke", not_again()),
        ),
        profile=RIA_M,
    ),
    D(
        "nl (learned late): 'hij vraag mij geld' is told; 'dank u wel, tot dinsdag' goes to Kees",
        (
            (relayed("Ik kom dinsdag", name="Kees"), {"keys": ["relay"]}),
            ("dank u wel, tot dinsdag", passed()),
            ("hij vraag mij geld voor benzine", worry()),
        ),
        profile=KEES,
    ),
    D(
        "nl (learned late): the reminder, 'morgen ik kan niet komen, andere dag?' moves it; a number how",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("morgen ik kan niet komen, andere dag?", moved()),
            ("1", CHANGE),
            (
                "hoe ik kan mijn nummer geven aan haar?",
                held(numbers_told=True, no_effect=["relay", "share_number"]),
            ),
        ),
        profile=RIA_M,
    ),
]
BATCH_1 = [_with_sent(d) for d in BATCH_1]

# Batch 2, held out: written after batch 1's fixes, new wordings not aimed at them; scored before fixing.
BATCH_2 = [
    D(
        "tr: 'olur, cumartesi görüşmek üzere' goes to Marieke; 'bu kadından çok korkuyorum artık' is told",
        (
            (relayed("Cumartesi gelebilirim"), {"keys": ["relay"]}),
            ("olur, cumartesi görüşmek üzere", passed("tr")),
            ("bu kadından çok korkuyorum artık", fear("tr")),
        ),
        state=st("tr"),
        profile=RIA_M,
    ),
    D(
        "tr (no diacritics): the reminder, 'yarin hastayim, randevuyu iptal edelim' offers the change",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("yarin hastayim, randevuyu iptal edelim", moved("tr")),
        ),
        state=st("tr"),
        profile=RIA_M,
    ),
    D(
        "tr (no diacritics): 'bana sarkintilik yapti' is told; 'bir daha gelmesin' is held",
        (
            ("bana sarkintilik yapti", worry("tr")),
            ("bir daha gelmesin lutfen", not_again("tr")),
        ),
        state=st("tr"),
        profile=KEES,
    ),
    D(
        "tr: 'Waar zien jullie elkaar?' open, 'numaramı ona verebilir misin?' is for the bot",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("numaramı ona verebilir misin?", for_bot("tr", numbers_told=True)),
        ),
        state=st("tr"),
        profile=RIA_M,
    ),
    D(
        "ar: 'تمام، الله يعطيك الصحة، نتلاقاو الخميس' goes to Kees; 'هو يخوفني' is told",
        (
            (relayed("Ik kom donderdag", name="Kees"), {"keys": ["relay"]}),
            ("تمام، الله يعطيك الصحة، نتلاقاو الخميس", passed("ar")),
            ("هو يخوفني بزاف", fear("ar")),
        ),
        state=st("ar"),
        profile=KEES,
    ),
    D(
        "ar: 'Is het gelukt?', then 'ما بقيتش بغيت نخدم معاها' is held",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("ما بقيتش بغيت نخدم معاها", not_again("ar")),
        ),
        state=st("ar"),
        profile=RIA_M,
    ),
    D(
        "ar: 'كانت تفوح منه رائحة الخمر' is told",
        (("كانت تفوح منه رائحة الخمر", worry("ar")),),
        state=st("ar"),
        profile=KEES,
    ),
    D(
        "ar (Darija, Latin): 'kan sakran melli ja' is told; 'bghit nbeddel had lbenevole' is held",
        (
            ("kan sakran melli ja", worry("ar")),
            ("bghit nbeddel had lbenevole", not_again("ar")),
        ),
        state=st("ar"),
        profile=KEES,
    ),
    D(
        "ar (Darija, Latin): 'shukran bzaf, nchoufek l7ad' goes to Marieke",
        (
            (relayed("Ik kom zondag"), {"keys": ["relay"]}),
            ("shukran bzaf, nchoufek l7ad", passed("ar")),
        ),
        state=st("ar"),
        profile=RIA_M,
    ),
    D(
        "pl: 'super, widzimy się w sobotę o dziesiątej' goes to Kees; 'on mi grozi' is told",
        (
            (relayed("Mogę w sobotę o 10", name="Kees"), {"keys": ["relay"]}),
            ("super, widzimy się w sobotę o dziesiątej", passed("pl")),
            ("on mi grozi", fear("pl")),
        ),
        state=st("pl"),
        profile=KEES,
    ),
    D(
        "pl (no diacritics): 'prosze o innego wolontariusza' is held; 'krzyczal na mnie' is told",
        (
            ("prosze o innego wolontariusza", not_again("pl")),
            ("wczoraj krzyczal na mnie", worry("pl")),
        ),
        state=st("pl"),
        profile=KEES,
    ),
    D(
        "pl: the reminder, 'muszę odwołać jutrzejsze spotkanie, jestem chora' offers the change",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("muszę odwołać jutrzejsze spotkanie, jestem chora", moved("pl")),
        ),
        state=st("pl"),
        profile=RIA_M,
    ),
    D(
        "pl: a volunteer: 'Ans krzyczała na mnie i mnie wyzywała' is told",
        (
            (ANS_SAYS, {"keys": ["relay"]}),
            ("Ans krzyczała na mnie i mnie wyzywała", worry("pl")),
        ),
        state=st("pl"),
        profile=VOLUNTEER,
    ),
    D(
        "uk: 'Waar zien jullie elkaar?' open, 'я боюся цього чоловіка' is told",
        (
            (PLAN_KEES, {"keys": ["meet_where"]}),
            ("я боюся цього чоловіка", fear("uk")),
        ),
        state=st("uk"),
        profile=KEES,
    ),
    D(
        "uk: 'дайте мені іншу людину, будь ласка' is held; 'він постійно вимагає гроші' is told",
        (
            ("дайте мені іншу людину, будь ласка", not_again("uk")),
            ("він постійно вимагає гроші", worry("uk")),
        ),
        state=st("uk"),
        profile=KEES,
    ),
    D(
        "uk: the reminder, 'не зможу завтра, перенесемо на п'ятницю?' moves it",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("не зможу завтра, перенесемо на п'ятницю?", moved("uk")),
            ("1", CHANGE),
        ),
        state=st("uk"),
        profile=RIA_M,
    ),
    D(
        "en: 'Is het gelukt?', then 'she frightened me, she shouted at me' is told",
        (
            (CHECK, {"keys": ["meet_check"]}),
            ("she frightened me, she shouted at me", fear("en")),
        ),
        state=st("en"),
        profile=RIA_M,
    ),
    D(
        "en: 'please don't send her again' is held; 'how do I stop talking to her?' is for the bot",
        (
            ("please don't send her again", not_again("en")),
            ("how do I stop talking to her?", for_bot("en")),
        ),
        state=st("en"),
        profile=RIA_M,
    ),
    D(
        "en: Marieke's message, then 'my number is 0612 345 678, text me' is masked",
        (
            (relayed("Shall I call you?"), {"keys": ["relay"]}),
            ("my number is 0612 345 678, text me", number_kept("en", "0612345678")),
        ),
        state=st("en"),
        profile=RIA_M,
    ),
    D(
        "nl (learned late): 'die man ik vertrouw niet' is told; 'hij was dronk' is told",
        (
            ("die man ik vertrouw niet", worry()),
            ("hij was dronk gisteren", worry()),
        ),
        profile=KEES,
    ),
    D(
        "nl (learned late): 'Waar zien jullie elkaar?' open, 'ik wil andere helper alstublieft' is held",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("ik wil andere helper alstublieft", not_again()),
        ),
        profile=RIA_M,
    ),
    D(
        "nl (learned late): the reminder, 'ik kan niet dinsdag, ik moet naar dokter. andere dag goed?' moves it",
        (
            (REMINDER, {"keys": ["meet_reminder_evening"]}),
            ("ik kan niet dinsdag, ik moet naar dokter. andere dag goed?", moved()),
            ("1", CHANGE),
        ),
        profile=RIA_M,
    ),
]
BATCH_2 = [_with_sent(d) for d in BATCH_2]
# What the fixes must not change (written with batch 2's fixes): ordinary words with a fear, a change, an end
# or a drink in them still go to the neighbour; a place at 'Waar zien jullie elkaar?' is still the place.
GUARDS = [
    D(
        "nl: 'ik ben bang dat ik te laat ben, sorry' goes to Marieke",
        (
            (relayed("Ik ben er om 2 uur"), {"keys": ["relay"]}),
            ("ik ben bang dat ik te laat ben, sorry", passed()),
        ),
        profile=RIA_M,
    ),
    D(
        "nl: 'ik heb gisteren te veel gedronken op het feest haha' goes to Kees, nobody told",
        (
            (relayed("Hoe was je verjaardag?", name="Kees"), {"keys": ["relay"]}),
            ("ik heb gisteren te veel gedronken op het feest haha", passed()),
        ),
        profile=KEES,
    ),
    D(
        "en: 'I'll ask someone else to bring the key' and 'how do I close the window? it's stuck' go to Marieke",
        (
            (relayed("Can you leave the key?"), {"keys": ["relay"]}),
            ("I'll ask someone else to bring the key", passed("en")),
            ("how do I close the window? it's stuck", passed("en")),
        ),
        state=st("en"),
        profile=RIA_M,
    ),
    D(
        "uk: 'хтось інший відкриє двері, я буду на роботі' goes to Marieke",
        (
            (relayed("Ik kom dinsdag om 2 uur"), {"keys": ["relay"]}),
            ("хтось інший відкриє двері, я буду на роботі", passed("uk")),
            ("дякую, ти мене дуже виручила", passed("uk")),
        ),
        state=st("uk"),
        profile=RIA_M,
    ),
    D(
        "pl: 'boję się psów, czy masz psa?' and 'muszę zmienić godzinę, może 15?' are no worry",
        (
            (relayed("Ik kom dinsdag om 2 uur"), {"keys": ["relay"]}),
            ("boję się psów, czy masz psa?", passed("pl")),
            (
                "muszę zmienić godzinę, może 15?",
                {"lang": "pl", "effect": ["relay"], "not_keys": [*MISS, "thread_worry"]},
            ),
        ),
        state=st("pl"),
        profile=RIA_M,
    ),
    D(
        "tr: 'ondan sonra markete gideriz, tamam mı?' and 'hiç korkma, köpeğim çok uysal' go to Marieke",
        (
            (relayed("Ik kom dinsdag om 2 uur"), {"keys": ["relay"]}),
            ("ondan sonra markete gideriz, tamam mı?", passed("tr")),
            ("hiç korkma, köpeğim çok uysal", passed("tr")),
        ),
        state=st("tr"),
        profile=RIA_M,
    ),
    D(
        "ar: 'أخاف أن أتأخر قليلا' goes to Marieke",
        ((relayed("Ik kom dinsdag om 2 uur"), {"keys": ["relay"]}), ("أخاف أن أتأخر قليلا", passed("ar"))),
        state=st("ar"),
        profile=RIA_M,
    ),
    D(
        "nl: 'Waar zien jullie elkaar?' open, 'gewoon bij mij thuis, dan is er ook iemand anders bij' is the place",
        (
            (PLAN, {"keys": ["meet_where"]}),
            (
                "gewoon bij mij thuis, dan is mijn dochter er ook bij",
                {"keys": ["meet_when"], "no_effect": ["relay"]},
            ),
        ),
        profile=RIA_M,
    ),
    D(
        "uk: 'Waar zien jullie elkaar?' open, the worry's 'end' closes the conversation, not to match again",
        (
            (PLAN, {"keys": ["meet_where"]}),
            ("я більше не хочу з нею зустрічатися", not_again("uk")),
            ("1", {"effect_has": {"close_thread": {"not_again": True}}, "no_effect": ["relay"]}),
        ),
        state=st("uk"),
        profile=RIA_M,
    ),
    D(
        "tr: 'bu sohbeti nasıl bitiririm?' answered yes closes the conversation",
        (
            ("sohbeti nasıl kapatabilirim?", for_bot("tr", keys=["thread_close_check"])),
            ("evet", {"effect": ["close_thread"], "no_effect": ["relay"], "not_keys": MISS}),
        ),
        state=st("tr"),
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
