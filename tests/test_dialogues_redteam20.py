# ruff: noqa: RUF001, RUF002
"""Red team of whole conversations, round 20: residents asking for help in Turkish, Arabic (also Moroccan
Darija in Latin letters with digits), Polish, Ukrainian and English, and three known gaps.

Whole dialogues through `flows.conversation.step` at the golden clock (Monday 23 November 2026, 10:00
UTC): greetings and fillers, typos, emoji, Dutch words inside ("boodschappen", "huisarts", "gemeente"), a
mind changed mid-way ("salı... yok çarşamba"), two answers at once, asking back ("ne demek?", "ach
kat9sed?") at a question; new people (kept through onboarding) and known ones; every turn in their language.

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (5cbd714).
- Batch 1 (BATCH_1, 41 dialogues: tr 7, ar 5, Darija 4, pl 6, uk 6, en 6, the known gaps 6, a guard 1),
  written before studying the code, on main: 98/112, 29/41 (tr 21/21; ar 11/13; Darija 6/8; pl 17/19;
  uk 13/14; en 17/18; gaps 12/18, 0/6; guard 1/1). Two expectations were corrected before any fix (a
  letter of the gemeente names no time: the when and urgency questions are the designed flow). Some
  messages were later reworded to be new against earlier rounds (test_messages_are_new here and in
  rounds 8 and 11); as they stand main is 95/112, 26/41. Two rewordings were new misses, fixed too
  ("ماذا تقصد بالضبط؟", "mijn dochter wil ook graag meelezen"). After the fixes 111/112, 40/41.
- Batch 2 (BATCH_2, 30 dialogues: tr 5, ar 4, Darija 3, pl 5, uk 5, en 5, nl 2, a guard 1), held out:
  main 51/70, 11/30; before its own fixes 59/70, 19/30 (tr 8/9, ar 5/7, Darija 3/5, pl 11/14, uk 12/13,
  en 14/16, nl 5/5, guard 1/1); after 70/70, 30/30.
- Guards (GUARDS, 5 dialogues, written after batch 2's fixes): main 10/15, 2/5; before the last fix
  12/15, 2/5; after 15/15, 5/5.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What changed (mechanisms):
- A request kept through onboarding goes on when the neighbourhood was skipped and no place is named: its
  where question asks the place (flows/menu.py `_request_kept`; was the bare menu, the request lost).
- KRING said in a first message ("mijn dochter wil ook meelezen"): "that is possible", onboarding, then the
  circle after consent (flows/first_contact.py `_for_circle`, menu.carry_on, text circle_kept_onboarding);
  family wishes in en/tr/pl/uk/ar/Darija (commands.toml [more.circle]), up to 12 words (intent.py).
- A death told in a thread: passed on, condolence and the team told (conversation.py `_bereavement`); the
  call offered answered in words ("ja, dat zou fijn zijn", "nee hoor"), at the menu too (interpret.py).
- A no between pauses after a day is a correction ("w poniedziałek, a nie, w czwartek", "الجمعة... لا
  الخميس"); "niet" and a no after a comma alone stay negations (time_compose.py `_pause_then_no`).
- "nic nie rozumiem" beside a kind of help is a letter not understood, not a language asked (intent.py).
- Data: asking back in tr/ar/Darija/pl/uk/en ([more.help]); going somewhere together in Arabic and Darija,
  the Darija "jardin" (categories.toml); "hello" and a sorry before the point as fillers (intents.toml).

Known miss (strict xfail): the Darija yes "ah" (an interjection in Dutch and English, and the yes/no lists
are tried in every language when the conversation's own finds nothing).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
)
from tests.test_dialogues_redteam5 import WITH_THREAD

D = Dialogue
NEW: dict[str, Any] = {}
MISS = ["not_understood", "*_again"]
SUMMARY = {"keys": ["ask_summary"], "not_keys": [*MISS, "ask_when", "ask_description", "ask_category"]}
ASK_WHEN = {"keys": ["ask_when"], "not_keys": MISS}
TO_WHEN = (("1", {}), ("1", {}))  # from the menu: ask for help, shopping; the description is asked next


def new_state() -> dict[str, Any]:
    from flows.conversation import new_state as fresh

    return fresh()


def lang(code: str, **more: Any) -> dict[str, Any]:
    """A turn answered in `code`, plus `more`."""
    return {**more, "state": {**more.get("state", {}), "lang": code}}


def made(category: str, code: str) -> dict[str, Any]:
    return lang(code, effect_has={"create_request": {"category": category}})


def kept(code: str) -> dict[str, Any]:
    """A new person's first message with a request: the request kept, onboarding in their language."""
    return lang(code, keys=["request_kept_onboarding", "ask_name"], restart_ok=True)


WEDNESDAY = {"keys": ["when_understood"], "says": ["25"], "not_says": ["24 "], "not_keys": MISS}

BATCH_1 = [
    # Turkish
    D(
        "tr new: greeting, a Dutch word, emoji; kept through onboarding, sent",
        (
            ("Merhaba 🙏 yarın boodschappen için birine ihtiyacım var", kept("tr")),
            ("Ayşe", lang("tr", keys=["ask_neighbourhood"])),
            ("molenwijk", lang("tr", keys=["consent_question"])),
            ("evet", lang("tr", **SUMMARY)),
            ("evet", made("boodschappen", "tr")),
        ),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "tr known: to the huisarts on Thursday with someone",
        (
            ("selam, perşembe günü huisarta gitmem lazım, biri benimle gelebilir mi?", lang("tr", **SUMMARY)),
            ("evet", made("vervoer", "tr")),
        ),
        state=menu_state("tr"),
    ),
    D(
        "tr: 'salı... yok çarşamba' at the when question is Wednesday",
        (
            *TO_WHEN,
            ("ekmek ve süt almak", lang("tr", **ASK_WHEN)),
            ("salı... yok yok çarşamba", lang("tr", **WEDNESDAY)),
        ),
        state=menu_state("tr"),
    ),
    D(
        "tr: 'ne demek?' at the when question explains it",
        (*TO_WHEN, ("süt ve yumurta", ASK_WHEN), ("ne demek?", lang("tr", keys=["help_ask_when"]))),
        state=menu_state("tr"),
    ),
    D(
        "tr without Turkish letters: the computer does not work",
        (
            (
                "yardim lazim, bilgisayarim calismiyor",
                lang("tr", keys=["ask_*"], not_keys=["ask_category", *MISS]),
            ),
        ),
        state=menu_state("tr"),
    ),
    D(
        "tr: what and when in one answer to the description question",
        (*TO_WHEN, ("ekmek almak, yarın sabah", lang("tr", not_keys=["ask_when", *MISS]))),
        state=menu_state("tr"),
    ),
    D(
        "tr: a letter from the gemeente not understood",
        (
            ("gemeenteden bir mektup geldi hiç anlamadım, yardım eder misiniz", lang("tr", **ASK_WHEN)),
            ("bence fark etmez", lang("tr", keys=["ask_urgency"])),
        ),
        state=menu_state("tr"),
    ),
    # Arabic
    D(
        "ar new: greeting, shopping tomorrow; kept through onboarding",
        (
            ("السلام عليكم، أحتاج مساعدة في التسوق غدا صباحا", kept("ar")),
            ("فاطمة", lang("ar", keys=["ask_neighbourhood"])),
        ),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "ar known: someone to go with to the huisarts on Thursday",
        (
            ("مرحبا، ممكن حد يروح معي عند huisarts يوم الخميس؟", lang("ar", **SUMMARY)),
            ("نعم", made("vervoer", "ar")),
        ),
        state=menu_state("ar"),
    ),
    D(
        "ar: 'ماذا تقصد؟' at the when question explains it",
        (*TO_WHEN, ("خبز وحليب وجبن", ASK_WHEN), ("ماذا تقصد بالضبط؟", lang("ar", keys=["help_ask_when"]))),
        state=menu_state("ar"),
    ),
    D(
        "ar: Tuesday, no, Wednesday",
        (*TO_WHEN, ("شراء خبز", ASK_WHEN), ("الثلاثاء... لا، الأربعاء", lang("ar", **WEDNESDAY))),
        state=menu_state("ar"),
    ),
    D(
        "ar: a letter from the gemeente",
        (("وصلتني رسالة من gemeente وما فهمتها، ساعدوني", lang("ar", keys=["ask_*"], not_keys=MISS)),),
        state=menu_state("ar"),
    ),
    # Moroccan Darija in Latin letters with digits
    D(
        "darija new: a computer problem; answered in Arabic, kept",
        (("salam, 3endi mochkil m3a l pc dyali, bghit chi wa7ed y3awni", kept("ar")),),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "darija known: someone to go with to the huisarts tomorrow",
        (
            ("slm, bghit chi 7ed ymchi m3aya l huisarts ghedda", lang("ar", **SUMMARY)),
            ("ah", made("vervoer", "ar")),
        ),
        state=menu_state("ar"),
        gap="'ah' is the Darija yes, but the yes/no lists are tried in every language when the conversation's"
        " own finds nothing, and 'ah' is an interjection in Dutch and English ('ah nee'); left as it is",
    ),
    D(
        "darija: 'ach kat9sed?' at the when question",
        (*TO_WHEN, ("l7lib w lkhobz", ASK_WHEN), ("ach kat9sed?", lang("ar", keys=["help_ask_when"]))),
        state=menu_state("ar"),
    ),
    D(
        "darija: boodschappen on Friday",
        (("wach chi wa7ed ymken yjib lia boodschappen nhar jm3a?", lang("ar", **SUMMARY)),),
        state=menu_state("ar"),
    ),
    # Polish
    D(
        "pl new: shopping tomorrow, kept; name, neighbourhood, consent, sent",
        (
            ("Dzień dobry, potrzebuję pomocy z zakupami jutro", kept("pl")),
            ("Kasia", lang("pl", keys=["ask_neighbourhood"])),
            ("Molenwijk", lang("pl", keys=["consent_question"])),
            ("tak", lang("pl", **SUMMARY)),
            ("tak", made("boodschappen", "pl")),
        ),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "pl without Polish letters: a lift to the huisarts on Thursday",
        (
            ("czesc, musze isc do huisarts w czwartek, ktos moze mnie zawiezc?", lang("pl", **SUMMARY)),
            ("tak", made("vervoer", "pl")),
        ),
        state=menu_state("pl"),
    ),
    D(
        "pl: 'we wtorek... nie, w środę' is Wednesday",
        (*TO_WHEN, ("chleb i jajka", ASK_WHEN), ("we wtorek... nie, w środę", lang("pl", **WEDNESDAY))),
        state=menu_state("pl"),
    ),
    D(
        "pl: 'co masz na myśli?' at the description question",
        (*TO_WHEN, ("hmm, co masz na myśli dokładnie?", lang("pl", keys=["help_ask_description"]))),
        state=menu_state("pl"),
    ),
    D(
        "pl: what and when in one answer",
        (*TO_WHEN, ("zakupy w Lidlu, jutro rano", lang("pl", not_keys=["ask_when", *MISS]))),
        state=menu_state("pl"),
    ),
    D(
        "pl: a letter from the gemeente",
        (
            ("dostałam list z gemeente i nic nie rozumiem :(", lang("pl", **ASK_WHEN)),
            ("obojętnie", lang("pl", keys=["ask_urgency"])),
        ),
        state=menu_state("pl"),
    ),
    # Ukrainian
    D(
        "uk new: shopping tomorrow, kept",
        (
            ("Доброго дня! Мені потрібна допомога з покупками завтра", kept("uk")),
            ("Оксана", lang("uk", keys=["ask_neighbourhood"])),
        ),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "uk known: a lift to the huisarts on Thursday",
        (
            ("привіт, треба до huisarts у четвер, хтось може відвезти?", lang("uk", **SUMMARY)),
            ("так", made("vervoer", "uk")),
        ),
        state=menu_state("uk"),
    ),
    D(
        "uk: 'що ви маєте на увазі?' at the when question",
        (
            *TO_WHEN,
            ("хліб і сир", ASK_WHEN),
            ("вибачте, що ви маєте на увазі?", lang("uk", keys=["help_ask_when"])),
        ),
        state=menu_state("uk"),
    ),
    D(
        "uk: Tuesday, no, Wednesday",
        (*TO_WHEN, ("купити хліб", ASK_WHEN), ("у вівторок... ні, в середу", lang("uk", **WEDNESDAY))),
        state=menu_state("uk"),
    ),
    D(
        "uk: the computer does not work, emoji",
        (
            (
                "мій комп'ютер не працює 😩 допоможіть",
                lang("uk", keys=["ask_*"], not_keys=["ask_category", *MISS]),
            ),
        ),
        state=menu_state("uk"),
    ),
    D(
        "uk: a letter from the gemeente",
        (("прийшов лист від gemeente, нічого не розумію", lang("uk", keys=["ask_*"], not_keys=MISS)),),
        state=menu_state("uk"),
    ),
    # English
    D(
        "en new: groceries tomorrow, kept through onboarding, sent",
        (
            ("hi there! could someone help me with groceries tomorrow? thx", kept("en")),
            ("Sam", lang("en", keys=["ask_neighbourhood"])),
            ("molenwijk", lang("en", keys=["consent_question"])),
            ("yes", lang("en", **SUMMARY)),
            ("yep", made("boodschappen", "en")),
        ),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "en known: a lift to the huisarts on Thursday morning",
        (("hey, need a lift to the huisarts on thursday morning pls", lang("en", **SUMMARY)),),
        state=menu_state("en"),
    ),
    D(
        "en: 'tuesday... no wait, wednesday'",
        (*TO_WHEN, ("bread and milk", ASK_WHEN), ("tuesday... no wait, wednesday", lang("en", **WEDNESDAY))),
        state=menu_state("en"),
    ),
    D(
        "en: 'what do you mean?' at the when question",
        (
            *TO_WHEN,
            ("bread and eggs", ASK_WHEN),
            ("sorry what do you mean?", lang("en", keys=["help_ask_when"])),
        ),
        state=menu_state("en"),
    ),
    D(
        "en: what and when in one answer",
        (
            *TO_WHEN,
            (
                "pick up my prescription at the apotheek, friday afternoon",
                lang("en", not_keys=["ask_when", *MISS]),
            ),
        ),
        state=menu_state("en"),
    ),
    D(
        "en known: 'my daughter wants to read along too' opens the circle",
        (("my daughter wants to read along too", lang("en", keys=["circle_home"])),),
        state=menu_state("en"),
    ),
    # Known gaps
    D(
        "gap: request kept, neighbourhood skipped, no place: not the bare menu after consent",
        (
            (
                "hoi, kan iemand morgen boodschappen voor me doen?",
                {"keys": ["request_kept_onboarding"], "restart_ok": True},
            ),
            ("Ans", {"keys": ["ask_neighbourhood"]}),
            ("OVERSLAAN", {"keys": ["neighbourhood_skipped"]}),
            ("ja", {"keys": ["ask_*"], "not_keys": ["menu"]}),
        ),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "gap, tr: request kept, neighbourhood skipped: asked where or on, in Turkish",
        (
            ("merhaba, cuma günü klusjes için yardım lazım", kept("tr")),
            ("Mehmet", lang("tr", keys=["ask_neighbourhood"])),
            ("OVERSLAAN", lang("tr", keys=["neighbourhood_skipped"])),
            ("evet", lang("tr", keys=["ask_*"], not_keys=["menu"])),
        ),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "gap: a new person's 'mijn dochter wil ook meelezen': onboarding, then the circle",
        (
            ("mijn dochter wil ook graag meelezen", {"keys": ["ask_name"], "restart_ok": True}),
            ("Ans", {"keys": ["ask_neighbourhood"]}),
            ("molenwijk", {"keys": ["consent_question"]}),
            ("ja", {"keys": ["circle_*"], "not_keys": ["menu"]}),
        ),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "gap, en: a new person's 'my son would like to follow along as well': the circle after onboarding",
        (
            (
                "hello, my son would like to follow along as well",
                lang("en", keys=["ask_name"], restart_ok=True),
            ),
            ("Peter", lang("en", keys=["ask_neighbourhood"])),
            ("bloemhof", lang("en", keys=["consent_question"])),
            ("yes", lang("en", keys=["circle_*"])),
        ),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "gap: a death told in a thread: passed on, condolence, the team told",
        (
            (
                "mijn vrouw is gisteren overleden",
                {
                    "effect": ["relay"],
                    "keys": ["bereaved"],
                    "effect_has": {"alert_staff": {"kind": "bereavement"}},
                },
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "gap, en: 'my husband passed away last night' in a thread",
        (
            (
                "my husband passed away last night, I won't need the shopping",
                lang(
                    "en",
                    effect=["relay"],
                    keys=["bereaved"],
                    effect_has={"alert_staff": {"kind": "bereavement"}},
                ),
            ),
        ),
        state=menu_state("en"),
        profile=WITH_THREAD,
    ),
    D(
        "guard: a flat battery told in a thread is no death",
        (
            (
                "mijn telefoon was dood, sorry dat ik niet reageerde",
                {"effect": ["relay"], "not_keys": ["bereaved"], "no_effect": ["alert_staff"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


# Batch 2, held out: written after batch 1's fixes, other wordings, scored before its own fixes.
THURSDAY = {"keys": ["when_understood"], "says": ["26"], "not_keys": MISS}

BATCH_2 = [
    # Turkish
    D(
        "tr new: 'iyi akşamlar' and a typo, someone to go to the hospital with",
        (("iyi akşamlar, hastaneye benimle gelecek biri varmi acaba? 🙂", kept("tr")),),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "tr known: 'pazartesi değil perşembe' at the when question",
        (
            *TO_WHEN,
            ("market alışverişi lazım", ASK_WHEN),
            ("pazartesi değil, perşembe", lang("tr", **THURSDAY)),
        ),
        state=menu_state("tr"),
    ),
    D(
        "tr: 'anlamadım, ne yazayım?' at the category question",
        (
            ("1", lang("tr", keys=["ask_category"])),
            ("anlamadım, ne yazayım?", lang("tr", keys=["help_ask_category"])),
        ),
        state=menu_state("tr"),
    ),
    D(
        "tr: a form of the belastingdienst with a Dutch word",
        (
            (
                "belastingdienst formu doldurmam lazım, yardım edebilecek biri var mı",
                lang("tr", keys=["ask_*"], not_keys=["ask_category", *MISS]),
            ),
        ),
        state=menu_state("tr"),
    ),
    D(
        "tr: a thread, 'babam dün vefat etti'",
        (
            (
                "babam dün vefat etti, bu hafta gelemeyeceğim",
                lang(
                    "tr",
                    effect=["relay"],
                    keys=["bereaved"],
                    effect_has={"alert_staff": {"kind": "bereavement"}},
                ),
            ),
        ),
        state=menu_state("tr"),
        profile=WITH_THREAD,
    ),
    # Arabic
    D(
        "ar new: greeting, a lamp to hang, kept",
        (("مساء الخير، عندي لمبة بغيت شي حد يعلقها ليا", kept("ar")),),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "ar known: the gemeente form, then when 'الجمعة... لا الخميس'",
        (
            ("عندي ورقة من gemeente خاصني نعمرها", lang("ar", keys=["ask_when"], not_keys=MISS)),
            ("الجمعة... لا الخميس", lang("ar", **THURSDAY)),
        ),
        state=menu_state("ar"),
    ),
    D(
        "ar: 'ما فهمت السؤال' at the urgency question",
        (
            ("ممكن حد يشري ليا الخبز", lang("ar", keys=["ask_when"])),
            ("ماشي مهم الوقت", lang("ar", keys=["ask_urgency"])),
            ("ما فهمت السؤال", lang("ar", keys=["help_ask_urgency"])),
        ),
        state=menu_state("ar"),
    ),
    D(
        "ar: a death in a thread",
        (
            (
                "توفيت أمي البارحة، الله يرحمها",
                lang(
                    "ar",
                    effect=["relay"],
                    keys=["bereaved"],
                    effect_has={"alert_staff": {"kind": "bereavement"}},
                ),
            ),
        ),
        state=menu_state("ar"),
        profile=WITH_THREAD,
    ),
    # Darija
    D(
        "darija known: the garden, 'ghedda... la la b3d ghedda'",
        (("wach kayn chi wa7ed y9ad lia jardin dyali?", lang("ar", keys=["ask_when"], not_keys=MISS)),),
        state=menu_state("ar"),
    ),
    D(
        "darija: 'chno khassni nkteb?' at the description question",
        (*TO_WHEN, ("chno khassni nkteb?", lang("ar", keys=["help_ask_description"]))),
        state=menu_state("ar"),
    ),
    D(
        "darija new: 'salam 3likom' and the huisarts",
        (("salam 3likom, khassni chi 7ed ydini l huisarts nhar lkhmis", kept("ar")),),
        state=new_state(),
        profile=NEW,
    ),
    # Polish
    D(
        "pl new: no Polish letters, the computer",
        (("dzien dobry, mam problem z laptopem, ktos pomoze?", kept("pl")),),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "pl known: the when question answered with a day and a daypart, changing the day",
        (
            *TO_WHEN,
            ("zakupy w Albert Heijn", ASK_WHEN),
            ("w poniedziałek, a nie, w czwartek po południu", lang("pl", **THURSDAY)),
        ),
        state=menu_state("pl"),
    ),
    D(
        "pl: 'nie wiem o co chodzi' at the when question",
        (
            *TO_WHEN,
            ("mleko i chleb", ASK_WHEN),
            ("nie wiem o co chodzi?", lang("pl", keys=["help_ask_when"])),
        ),
        state=menu_state("pl"),
    ),
    D(
        "pl: a death in a thread",
        (
            (
                "mój mąż zmarł wczoraj, nie potrzebuję już zakupów",
                lang(
                    "pl",
                    effect=["relay"],
                    keys=["bereaved"],
                    effect_has={"alert_staff": {"kind": "bereavement"}},
                ),
            ),
        ),
        state=menu_state("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "pl new: 'czy mój wnuk też może to czytać?': onboarding, then the circle",
        (
            ("witam, czy mój wnuk też może to czytać?", lang("pl", keys=["ask_name"], restart_ok=True)),
            ("Halina", lang("pl", keys=["ask_neighbourhood"])),
            ("Oude Haven, dziękuję", lang("pl", keys=["consent_question"])),
            ("tak", lang("pl", keys=["circle_*"])),
        ),
        state=new_state(),
        profile=NEW,
    ),
    # Ukrainian
    D(
        "uk new: dog walking, kept",
        (("Добрий вечір! Чи може хтось вигуляти мою собаку в суботу?", kept("uk")),),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "uk known: the when question, 'в понеділок... ой ні, в четвер'",
        (
            *TO_WHEN,
            ("продукти з магазину", ASK_WHEN),
            ("в понеділок... ой ні, в четвер", lang("uk", **THURSDAY)),
        ),
        state=menu_state("uk"),
    ),
    D(
        "uk: 'не зрозуміла питання' at the description question",
        (*TO_WHEN, ("не зрозуміла питання", lang("uk", keys=["help_ask_description"]))),
        state=menu_state("uk"),
    ),
    D(
        "uk new: request kept, neighbourhood skipped, goes on after consent",
        (
            ("привіт, потрібна допомога з формами для gemeente", kept("uk")),
            ("Ірина", lang("uk", keys=["ask_neighbourhood"])),
            ("OVERSLAAN", lang("uk", keys=["neighbourhood_skipped"])),
            ("так", lang("uk", keys=["ask_*"], not_keys=["menu"])),
        ),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "uk: a death in a thread",
        (
            (
                "вчора помер мій батько, тому я не зможу",
                lang(
                    "uk",
                    effect=["relay"],
                    keys=["bereaved"],
                    effect_has={"alert_staff": {"kind": "bereavement"}},
                ),
            ),
        ),
        state=menu_state("uk"),
        profile=WITH_THREAD,
    ),
    # English
    D(
        "en new: 'good evening', a typo, a lift to the hospitl",
        (("good evening, could sombody give me a lift to the hospitl on monday?", kept("en")),),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "en known: 'friday, actually no, thursday' at the when question",
        (
            *TO_WHEN,
            ("milk and some fruit", ASK_WHEN),
            ("friday, actually no, thursday", lang("en", **THURSDAY)),
        ),
        state=menu_state("en"),
    ),
    D(
        "en: 'huh? what should I put here' at the description question",
        (*TO_WHEN, ("huh? what should I put here", lang("en", keys=["help_ask_description"]))),
        state=menu_state("en"),
    ),
    D(
        "en new: request kept, neighbourhood skipped, goes on after consent",
        (
            ("hello, I need someone to help me fill in a form from the gemeente", kept("en")),
            ("Jo", lang("en", keys=["ask_neighbourhood"])),
            ("skip", lang("en", keys=["neighbourhood_skipped"])),
            ("yes", lang("en", keys=["ask_*"], not_keys=["menu"])),
        ),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "en new: 'can my grandson keep an eye on my messages?': the circle after onboarding",
        (
            ("can my grandson keep an eye on my messages?", lang("en", keys=["ask_name"], restart_ok=True)),
            ("Mary", lang("en", keys=["ask_neighbourhood"])),
            ("De Akkers, thanks", lang("en", keys=["consent_question"])),
            ("yes", lang("en", keys=["circle_*"])),
        ),
        state=new_state(),
        profile=NEW,
    ),
    # Dutch, the gaps in other words
    D(
        "nl: 'onze moeder is vanochtend overleden' to the neighbour",
        (
            (
                "onze moeder is vanochtend overleden, ik laat het je weten",
                {
                    "effect": ["relay"],
                    "keys": ["bereaved"],
                    "effect_has": {"alert_staff": {"kind": "bereavement"}},
                },
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "nl new: 'kan mijn zoon ook meekijken?': the circle after onboarding",
        (
            ("goedemiddag, kan mijn zoon ook meekijken?", {"keys": ["ask_name"], "restart_ok": True}),
            ("Wim", {"keys": ["ask_neighbourhood"]}),
            ("7391AB", {}),
            ("jawel, doe maar zo", {"keys": ["circle_*"]}),
        ),
        state=new_state(),
        profile=NEW,
    ),
    D(
        "guard: 'mijn plantje is dood' in a thread: only passed on",
        (
            (
                "haha mijn plantje is dood, ik heb hem te weinig water gegeven",
                {"effect": ["relay"], "not_keys": ["bereaved"], "no_effect": ["alert_staff"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


# Written after batch 2's fixes: the call offered after a death answered in words, and look-alikes of the
# pause-then-no correction.
BEREAVED_IN_THREAD = (
    "gisteravond is mijn broer overleden, ik ben er even niet",
    {"effect": ["relay"], "keys": ["bereaved"], "effect_has": {"alert_staff": {"kind": "bereavement"}}},
)
GUARDS = [
    D(
        "after a death told in a thread: 'ja graag' is the call, not words for the neighbour",
        (
            BEREAVED_IN_THREAD,
            ("ja, dat zou fijn zijn", {"keys": ["care_callback_ok"], "no_effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "after a death told in a thread: a no, then words for the neighbour are passed on",
        (
            BEREAVED_IN_THREAD,
            (
                "nee hoor, hoeft niet",
                {"keys": ["care_bereaved_later"], "no_effect": ["relay", "alert_staff"]},
            ),
            ("Henk, zullen we volgende week verder?", {"effect": ["relay"], "not_keys": MISS}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "at the menu: 'yes please' to the call after a death",
        (
            ("my mother died this morning", lang("en", keys=["bereaved"])),
            ("yes please, that would help", lang("en", keys=["care_callback_ok"])),
        ),
        state=menu_state("en"),
    ),
    D(
        "guard: 'maandag, niet dinsdag' stays Monday (a negation after a comma is no correction)",
        (
            *TO_WHEN,
            ("brood en kaas", ASK_WHEN),
            ("maandag, niet dinsdag", {"says": ["30 nov"], "not_keys": MISS}),
        ),
    ),
    D(
        "guard: 'dinsdag... niet woensdag' stays Tuesday ('niet' is no answer no)",
        (
            *TO_WHEN,
            ("brood en worst", ASK_WHEN),
            ("dinsdag... niet woensdag", {"says": ["24 november"], "not_keys": MISS}),
        ),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue)


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    assert repeated_messages(__file__, [*BATCH_1, *BATCH_2, *GUARDS]) == []
