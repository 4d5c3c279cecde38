# ruff: noqa: RUF001, RUF002
"""Red team of whole conversations, round 31: a new person in their own language.

Whole first conversations of people who never wrote before (`flows.conversation.new_state()`, an empty
profile): a first message, then name, neighbourhood and consent, and a first request or an answer to an
invitation, in Turkish (also without its letters), Arabic (script, and Darija in Latin letters with 3/7/9),
Polish (with and without its letters), Ukrainian, English (SMS too) and Dutch learned late. Checked per turn
with round 10's language check (`in_own_language`: the state's language, every reply, lead and label from
that language's own catalogue text, no Dutch words of the bot's, no question asked again) and this round's
`described` (the request's description holds the words) and `leads` (a kind answer leads the welcome).
Replayed at the golden clock (Monday 23 November 2026, 10:00 UTC).

Figures (turns as expected / turns; dialogues fully as expected). "Main" is the branch point (87563d4).
- Batch 1 (BATCH_1, 25 dialogues; written before reading the flows and readers): main as first scored
  40/64, 11/25. Two expectations were changed by decision before any fix: "ja hoor, maar vandaag niet,
  morgen wel" (and "yes but not today, tomorrow works") at an invitation was expected to be a later; the
  conversation makes it a yes on tomorrow with the words as the note, as "vandaag niet, morgen wel" itself
  is (round 23's decision: a later that says when it does work is a yes at that time), so that is the
  expectation now. With it main is 42/64, 13/25 (en 5/13 3/6; tr 5/13 1/5; pl 8/12 1/4; uk 8/9 2/3; ar
  4/4 1/1; Darija 7/7 3/3; nl 5/6 2/3). After its fixes 64/64, 25/25.
- Batch 2 (BATCH_2, 23 dialogues, held out: written after batch 1's fixes, new wordings): main 31/48,
  14/23 (en 5/10 3/6; tr 8/14 2/5; pl 5/10 2/4; uk 5/6 2/3; Darija 5/5 3/3; nl 3/3 2/2); before its own
  fixes (the honest figure) 47/48, 22/23 (the one miss: "thanks a million" as a first message had no
  answer; every other language whole). After 48/48, 23/23.
- Guards (GUARDS, 9 dialogues, written with batch 2's fixes; Darija that read Dutch, Dutch with one Darija
  word, "hi"/"hallo" keeping the channel's hint, a time alone at the description): main 13/15, 7/9; after
  15/15, 9/9.
- Language detection over every earlier round's strings and the corpus (14,302 texts): 67 change, every
  one Darija in Latin letters read Dutch, Polish or Turkish before and Arabic now (many of them crises:
  "rajli kaydrebni kol nhar", "ghadi nqtel rasi"), and "les courses".
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, after.

What the bot did, and does now (mechanisms):
- A greeting alone as the first message ("hello", "merhaba", "czesc!", "iyi aksamlar", "good morning!",
  "witam serdecznie", "selamlar 👋") is too short for the detector, which kept the channel's Dutch hint
  for the whole onboarding. Now `language.courtesy_language` (languages.toml [courtesy]): a message of
  greetings or thanks alone, every word of one language's list (`shared` words such as "hi", "hey",
  "hallo", "ok", "thanks" tell none), is that language; used at first contact only
  (first_contact._read_first), where the hint is the channel's and no conversation yet.
- Thanks alone as the first message ("heel hartelijk bedankt hoor!", "thank you so much", "çok teşekkür
  ederim", "дуже дякую") got the welcome as if nothing was said. Now `first_contact._politeness_answered`:
  thanks, "hoe gaat het?" or "ik heb een vraag" alone lead the welcome with smalltalk's own answer
  ("Graag gedaan!"), as at the menu; more thanks in six languages in conversation.toml [smalltalk_thanks].
- A short description that names a kind of help with a time word in it ("haftalık market alışverişi",
  "zakupy na ten tydzień", "покупки на цей тиждень", "akşam yemeği için alışveriş") was taken for the time
  alone, and the description asked again (lost). `ask._names_help`: the Dutch stems as before, then the
  reader's category in the person's language; such an answer is the description.
- Darija in Latin letters ("momkin nhder m3a chi wahed", "ana mrida w ma9dratch nmchi lhanout", "bghit
  nmchi l tbib") read Dutch: too few markers. Now `translit.darija_words` counts the lexicons' own Darija
  words (the Latin words of their Arabic sections that no other language's section writes, four letters
  or more, no Dutch, English, Polish or Turkish dictionary word) beside the markers, when Darija is at
  least half the message (`language._darija_words`); more markers in languages.toml [detect.markers].

Decided:
- "hi", "hey", "hallo", "thanks", "ok" alone keep the channel's hint: Dutch writers use them too.
- Only the first message is read for a greeting's language; later, a greeting or "thank you" in a Dutch
  conversation does not switch (round 10's five-word rule stands).
- The lead before the welcome answers thanks, "how are you" and "I have a question"; a hello is answered
  by the welcome itself and a goodbye or "ok" gets none.

Known misses: none (no strict xfails). Noticed and left: "ana wa7dani f dar" (four words, one Darija sign)
still reads Dutch; "les courses" (French, as Darija writers use it) now reads Arabic; the time a
description carries ("zakupy na ten tydzień": this week) is not kept beside it (the description keeps only
a day or an hour, as before), so "Kiedy?" is asked next.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    INVITE,
    RIA,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
    score,
)
from tests.test_dialogues_redteam5 import OFFER
from tests.test_dialogues_redteam10 import in_own_language

D = Dialogue
NEW: dict[str, Any] = {}  # a person who has never written before
MISS = ["not_understood", "*_again"]
TO_DESCRIPTION = (("1", {}), ("1", {}))  # from the menu: ask for help, shopping: the description is asked


def fresh() -> dict[str, Any]:
    from flows.conversation import new_state

    return new_state()


def check(expect: dict[str, Any], result: Any) -> list[str]:
    """Round 10's check (every text in the person's language, no question asked again) and this round's
    own: `described`, words the request's description must hold; `leads`, keys that must lead a reply
    (a kind answer before the welcome is a lead, as smalltalk's are at the menu)."""
    problems = in_own_language(expect, result)
    leads = [reply.lead for reply in result.replies]
    problems += [f"no lead {key} ({leads})" for key in expect.get("leads", ()) if key not in leads]
    if "described" in expect:
        description = str((result.state.get("ask") or {}).get("description") or "")
        if expect["described"].casefold() not in description.casefold():
            problems.append(f"description {description!r} lacks {expect['described']!r}")
    return problems


def own(lang: str, **expect: Any) -> dict[str, Any]:
    """A turn wholly in `lang`, and no miss."""
    return {"lang": lang, **expect, "not_keys": [*MISS, *expect.get("not_keys", ())]}


def greeted(lang: str, **expect: Any) -> dict[str, Any]:
    """A new person's first message: the welcome and the name question, in `lang`."""
    return own(lang, keys=["welcome", "ask_name", *expect.pop("keys", ())], restart_ok=True, **expect)


def kept(lang: str) -> dict[str, Any]:
    """A new person's first message with a request: kept through onboarding, in `lang`."""
    return own(lang, keys=["request_kept_onboarding", "ask_name"], restart_ok=True)


def onboarding(lang: str, name: str, place: str, yes: str) -> tuple[tuple[Any, dict[str, Any]], ...]:
    """Name, neighbourhood and consent, each answered and each reply in `lang`."""
    return (
        (name, own(lang, keys=["ask_neighbourhood"])),
        (place, own(lang, keys=["consent_question"])),
        (yes, own(lang, effect=["record_consent"])),
    )


def described(lang: str, words: str) -> dict[str, Any]:
    """A description that names a time too: kept, and not asked again."""
    return own(lang, described=words, not_keys=["ask_description"])


def yes_tomorrow(lang: str) -> dict[str, Any]:
    """Not today, but tomorrow: a yes on tomorrow, the words as the note (round 23's decision: a later
    that says when it does work is a yes at that time; batch 1 first expected a later, see above)."""
    return own(
        lang,
        effect_has={"answer_invitation": {"answer": "yes", "request_id": 41, "condition.on": "2026-11-24"}},
    )


HENK = {"first_name": "Henk", "neighbourhood": "molenwijk", "consented": True, "offer": OFFER}


def person(name: str) -> dict[str, Any]:
    return {**RIA, "first_name": name}


BATCH_1 = [
    # A greeting alone as the first message sets the language for the whole onboarding.
    D(
        "en: 'hello' alone, then onboarding in English",
        (
            ("hello", greeted("en")),
            *onboarding("en", "Tom", "Bloemhof", "yes"),
            ("1", own("en", keys=["ask_category"])),
        ),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "tr: 'merhaba' alone, then onboarding in Turkish",
        (("merhaba", greeted("tr")), *onboarding("tr", "Ayşe", "molenwijk", "evet")),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "pl: 'cześć' alone, then onboarding in Polish",
        (("cześć", greeted("pl")), *onboarding("pl", "Ania", "De Akkers", "tak")),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "uk: 'привіт' alone, then onboarding in Ukrainian",
        (("привіт", greeted("uk")), *onboarding("uk", "Оксана", "Oude Haven", "так")),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "ar: 'مرحبا' alone, then onboarding in Arabic",
        (("مرحبا", greeted("ar")), *onboarding("ar", "سعاد", "7391", "نعم")),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "darija: 'salam' alone, then onboarding in Arabic",
        (("salam", greeted("ar")), *onboarding("ar", "Nadia", "Bloemhof", "wakha")),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "pl without diacritics: 'czesc!' alone",
        (("czesc!", greeted("pl")), ("Marek", own("pl", keys=["ask_neighbourhood"]))),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "tr without diacritics: 'iyi aksamlar' alone",
        (("iyi aksamlar", greeted("tr")), ("Mehmet", own("tr", keys=["ask_neighbourhood"]))),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "uk: 'добрий день' alone",
        (("добрий день", greeted("uk")), ("Ірина", own("uk", keys=["ask_neighbourhood"]))),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "en: 'good morning!' alone",
        (("good morning!", greeted("en")), ("Grace", own("en", keys=["ask_neighbourhood"]))),
        state=fresh(),
        profile=NEW,
    ),
    # Darija in Latin letters, and a first SMS in English: the reading and the language.
    D(
        "darija: shopping tomorrow, kept, onboarding in Arabic",
        (
            ("salam 3afak bghit chi wahed y3awni nchri lkhodra ghedda", kept("ar")),
            ("Fatima", own("ar", keys=["ask_neighbourhood"])),
        ),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "darija: a lift to the hospital on Thursday, kept in Arabic",
        (("wach kayn chi had y9der ywesselni l sbitar nhar l5mis", kept("ar")),),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "en SMS: groceries tomorrow, kept in English",
        (
            ("hi need sum1 to help w groceries tmrw pls", kept("en")),
            ("Linda", own("en", keys=["ask_neighbourhood"])),
        ),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "en SMS: a dog walked this week, kept in English",
        (("hi can any1 walk my dog this wk, hurt my knee", kept("en")),),
        state=fresh(),
        profile=NEW,
    ),
    # A description with a time word in it is a description (known people, the menu in their language).
    D(
        "tr: 'haftalık market alışverişi' at the description is kept",
        (*TO_DESCRIPTION, ("haftalık market alışverişi", described("tr", "market"))),
        state=menu_state("tr"),
        profile=person("Ayşe"),
    ),
    D(
        "pl: 'zakupy na ten tydzień' at the description is kept",
        (*TO_DESCRIPTION, ("zakupy na ten tydzień", described("pl", "zakupy"))),
        state=menu_state("pl"),
        profile=person("Ania"),
    ),
    D(
        "uk: 'покупки на цей тиждень' at the description is kept",
        (*TO_DESCRIPTION, ("покупки на цей тиждень", described("uk", "покупки"))),
        state=menu_state("uk"),
        profile=person("Оксана"),
    ),
    D(
        "pl without diacritics: 'zakupy na weekend' at the description is kept",
        (*TO_DESCRIPTION, ("zakupy na weekend", described("pl", "zakupy"))),
        state=menu_state("pl"),
        profile=person("Marek"),
    ),
    D(
        "tr without diacritics: 'bu haftanin alisverisi' at the description is kept",
        (*TO_DESCRIPTION, ("bu haftanin alisverisi", described("tr", "alisveris"))),
        state=menu_state("tr"),
        profile=person("Mehmet"),
    ),
    # Thanks alone as the first message.
    D(
        "nl: 'heel hartelijk bedankt hoor!' as the first message",
        (("heel hartelijk bedankt hoor!", greeted("nl", leads=["smalltalk_thanks"])),),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "en: 'thank you so much' as the first message",
        (("thank you so much", greeted("en", leads=["smalltalk_thanks"])),),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "tr: 'çok teşekkür ederim' as the first message",
        (("çok teşekkür ederim", greeted("tr", leads=["smalltalk_thanks"])),),
        state=fresh(),
        profile=NEW,
    ),
    # A yes, but not today, tomorrow: a later, as "vandaag niet, morgen wel" is.
    D(
        "nl: 'ja hoor, maar vandaag niet, morgen wel' at an invitation is a yes on tomorrow",
        ((INVITE, {"keys": ["invite*"]}), ("ja hoor, maar vandaag niet, morgen wel", yes_tomorrow("nl"))),
        profile=HENK,
    ),
    D(
        "en: 'yes but not today, tomorrow works' at an invitation is a yes on tomorrow",
        ((INVITE, {"keys": ["invite*"]}), ("yes but not today, tomorrow works", yes_tomorrow("en"))),
        state=menu_state("en"),
        profile=HENK,
    ),
    # A language switch in the middle of onboarding is followed.
    D(
        "nl greeting, then English at the name question: English from there",
        (
            ("hoi", greeted("nl")),
            ("sorry I don't speak Dutch, my name is Peter", own("en", keys=["ask_neighbourhood"])),
            ("Molenwijk", own("en", keys=["consent_question"])),
        ),
        state=fresh(),
        profile=NEW,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


# Batch 2, held out: written after batch 1's fixes, new wordings not aimed at them.
BATCH_2 = [
    D(
        "en: 'hey there!' alone, then the name in English",
        (("hey there!", greeted("en")), ("Sam", own("en", keys=["ask_neighbourhood"]))),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "tr: 'selamlar 👋' alone, onboarding in Turkish",
        (("selamlar 👋", greeted("tr")), *onboarding("tr", "Zeynep", "oude haven", "tamam")),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "pl: 'witam serdecznie' alone, onboarding in Polish",
        (("witam serdecznie", greeted("pl")), *onboarding("pl", "Jolanta", "bloemhof", "tak, zgoda")),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "darija: 'salam alikoum' alone, the name in Arabic",
        (("salam alikoum", greeted("ar")), ("Karima", own("ar", keys=["ask_neighbourhood"]))),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "en: 'good evening all' alone",
        (("good evening all", greeted("en")), ("Harold", own("en", keys=["ask_neighbourhood"]))),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "tr: 'merhabalar, iyi günler' alone",
        (("merhabalar, iyi günler", greeted("tr")), ("Hatice", own("tr", keys=["ask_neighbourhood"]))),
        state=fresh(),
        profile=NEW,
    ),
    # Darija in Latin letters, and English by SMS.
    D(
        "darija: someone to fetch medicine, kept in Arabic",
        (("3afak bghit n3ref wach kayn chi wahed ychri lia dwa mn pharmacie", kept("ar")),),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "darija: someone to go to the doctor with her tomorrow, kept in Arabic",
        (
            ("smhli, ana bghit chi had ymchi m3aya l tbib ghda", kept("ar")),
            ("Samira", own("ar", keys=["ask_neighbourhood"])),
        ),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "en SMS: a ride to the doctor on Friday, kept in English",
        (("hey r u the help line? need a ride 2 the dr on fri", kept("en")),),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "en SMS: a tap to fix, kept in English",
        (("hi im new here, can some1 fix my leaking tap", kept("en")),),
        state=fresh(),
        profile=NEW,
    ),
    # Descriptions with a time word in them.
    D(
        "tr: 'akşam yemeği için alışveriş' at the description is kept",
        (*TO_DESCRIPTION, ("akşam yemeği için alışveriş", described("tr", "alışveriş"))),
        state=menu_state("tr"),
        profile=person("Zeynep"),
    ),
    D(
        "uk: 'ліки з аптеки на завтра' at the description is kept",
        (*TO_DESCRIPTION, ("ліки з аптеки на завтра", described("uk", "ліки"))),
        state=menu_state("uk"),
        profile=person("Ірина"),
    ),
    D(
        "pl: 'leki z apteki na jutro' at the description is kept",
        (*TO_DESCRIPTION, ("leki z apteki na jutro", described("pl", "leki"))),
        state=menu_state("pl"),
        profile=person("Jolanta"),
    ),
    D(
        "en: 'groceries for the weekend' at the description is kept",
        (*TO_DESCRIPTION, ("groceries for the weekend", described("en", "groceries"))),
        state=menu_state("en"),
        profile=person("Sam"),
    ),
    # Thanks alone as the first message.
    D(
        "pl: 'dziękuję bardzo!' as the first message",
        (("dziękuję bardzo!", greeted("pl", leads=["smalltalk_thanks"])),),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "uk: 'дуже дякую' as the first message",
        (("дуже дякую", greeted("uk", leads=["smalltalk_thanks"])),),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "en: 'thanks a million' as the first message",
        (("thanks a million", greeted("en", leads=["smalltalk_thanks"])),),
        state=fresh(),
        profile=NEW,
    ),
    # Yes, but not today: a yes on tomorrow.
    D(
        "tr: 'evet ama bugün olmaz, yarın olur' at an invitation is a yes on tomorrow",
        ((INVITE, {"keys": ["invite*"]}), ("evet ama bugün olmaz, yarın olur", yes_tomorrow("tr"))),
        state=menu_state("tr"),
        profile=HENK,
    ),
    D(
        "pl: 'tak, ale nie dziś, jutro mogę' at an invitation is a yes on tomorrow",
        ((INVITE, {"keys": ["invite*"]}), ("tak, ale nie dziś, jutro mogę", yes_tomorrow("pl"))),
        state=menu_state("pl"),
        profile=HENK,
    ),
    D(
        "uk: 'так, але не сьогодні, завтра можу' at an invitation is a yes on tomorrow",
        ((INVITE, {"keys": ["invite*"]}), ("так, але не сьогодні, завтра можу", yes_tomorrow("uk"))),
        state=menu_state("uk"),
        profile=HENK,
    ),
    # A switch of language in onboarding, and Dutch learned late.
    D(
        "tr greeting, then Polish asked for at the name question: Polish from there",
        (
            ("merhaba!", greeted("tr")),
            (
                "przepraszam, wolę pisać po polsku",
                {"lang": "pl", "not_keys": ["not_understood"], "again_ok": True},
            ),
            ("Ewa", own("pl", keys=["ask_neighbourhood"])),
        ),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "nl learned late: shopping, 'mijn nederlands niet goed', kept in Dutch",
        (
            (
                "goedemorgen ik ben Fatma. ik zoek hulp voor boodschap doen, mijn nederlands niet goed",
                own("nl", keys=["request_kept_onboarding"], restart_ok=True),
            ),
        ),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "nl learned late: a letter of the gemeente, kept in Dutch",
        (
            ("hallo ik zoek iemand helpen mij met brief van gemeente, ik begrijp niet", kept("nl")),
            ("Ahmet", own("nl", keys=["ask_neighbourhood"])),
        ),
        state=fresh(),
        profile=NEW,
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


# Guards, written with batch 2's fixes: what must not change, and Darija that read Dutch before.
GUARDS = [
    D(
        "darija: 'momkin nhder m3a chi wahed mn l equipe' is Arabic",
        (("momkin nhder m3a chi wahed mn l equipe", own("ar", restart_ok=True)),),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "darija: someone to go to the tbib with her, kept in Arabic",
        (("bghit nmchi l tbib nhar lkhmis, wach kayn li ymchi m3aya", kept("ar")),),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "nl with one Darija word stays Dutch",
        (("wallah ik heb hulp nodig met mijn tuin, kan iemand zaterdag komen", kept("nl")),),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "'hi' alone keeps the channel's Dutch",
        (("hi", greeted("nl")), ("Joke", own("nl", keys=["ask_neighbourhood"]))),
        state=fresh(),
        profile=NEW,
    ),
    D(
        "'hallo' alone keeps the channel's Turkish hint",
        (("hallo", greeted("tr")),),
        state={**fresh(), "lang": "tr"},
        profile=NEW,
    ),
    D(
        "'goedemiddag' alone with an English hint is Dutch",
        (("goedemiddag", greeted("nl")),),
        state={**fresh(), "lang": "en"},
        profile=NEW,
    ),
    D(
        "a Dutch conversation: 'thank you' at the menu does not switch to English",
        (("thank you", own("nl")),),
        state=menu_state("nl"),
        profile=person("Ria"),
    ),
    D(
        "nl: 'donderdagmiddag graag' at the description is the time, the description asked again",
        (
            *TO_DESCRIPTION,
            ("donderdagmiddag graag", {"keys": ["when_understood", "ask_description"], "lang": "nl"}),
            ("brood en koffie halen", own("nl", keys=["ask_*"], described="brood")),
        ),
        state=menu_state("nl"),
        profile=person("Ria"),
    ),
    D(
        "pl: 'w piątek rano' at the description is the time, the description asked again",
        (*TO_DESCRIPTION, ("w piątek rano", {"keys": ["when_understood", "ask_description"], "lang": "pl"})),
        state=menu_state("pl"),
        profile=person("Ania"),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


def test_messages_are_new() -> None:
    """No message of more than two words that an earlier round held word for word."""
    assert repeated_messages(__file__, [*BATCH_1, *BATCH_2, *GUARDS]) == []


def figures() -> dict[str, tuple[int, int, int, int]]:
    return {
        "batch_1": score(BATCH_1, check),
        "batch_2": score(BATCH_2, check),
        "guards": score(GUARDS, check),
    }
