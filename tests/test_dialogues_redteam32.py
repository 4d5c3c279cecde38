# ruff: noqa: RUF001, RUF002, RUF003
"""Red team of whole conversations, round 32: volunteers in their own language.

(Docstring with figures: filled in below as the round goes.)
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
from tests.test_dialogues_redteam5 import OFFER, VOLUNTEER_MEETING
from tests.test_dialogues_redteam10 import in_own_language
from tests.test_dialogues_redteam19 import check as note_check

D = Dialogue
MISS = ["not_understood", "*_again"]
NAMES = {"nl": "Fatima", "en": "John", "tr": "Mehmet", "ar": "Youssef", "pl": "Agnieszka", "uk": "Oksana"}
ANS_THREAD = {"id": 3, "other_name": "Ans", "category": "boodschappen", "status": "open"}
# Saturday 21 November 13:00 UTC: the meeting with Ans that "Is het gelukt?" asks about.
VCHECK = {
    "internal": "meet_check",
    "meta": {"meeting": {**VOLUNTEER_MEETING, "starts_at": "2026-11-21T13:00:00+00:00"}},
}


def vol(lang: str, **more: Any) -> dict[str, Any]:
    """A volunteer who writes `lang` and offers boodschappen and klusjes on Monday morning and Wednesday
    afternoon (round 5's OFFER), in their own language too."""
    offer = {**OFFER, "languages": sorted({"nl", lang})}
    return {**RIA, "first_name": NAMES[lang], "offer": {**offer, **more.pop("offer", {})}, **more}


def newcomer(lang: str) -> dict[str, Any]:
    """Someone registered who offers nothing yet."""
    return {**RIA, "first_name": NAMES[lang]}


def in_thread(lang: str) -> dict[str, Any]:
    return vol(lang, threads=[ANS_THREAD])


def paused(lang: str) -> dict[str, Any]:
    return vol(lang, offer={"paused_until": "2026-12-07T00:00:00+01:00"})


def L(code: str) -> dict[str, Any]:
    return menu_state(code)


def check(expect: dict[str, Any], result: Any) -> list[str]:
    """Round 10's (every text in the person's language, nothing asked again) and round 19's (the note
    kept with an invitation's answer, an answer that must not be)."""
    return in_own_language(expect, result) + note_check(expect, result)


def own(lang: str, **expect: Any) -> dict[str, Any]:
    """A turn wholly in `lang`, and no miss."""
    return {"lang": lang, **expect, "not_keys": [*MISS, *expect.get("not_keys", ())]}


def answered(lang: str, answer: str, **more: Any) -> dict[str, Any]:
    effect_has = {"answer_invitation": {"answer": answer, "request_id": 41}, **more.pop("effect_has", {})}
    return own(lang, effect_has=effect_has, **more)


def yes_with(lang: str, note: str, **more: Any) -> dict[str, Any]:
    return answered(lang, "yes", note_has=note, **more)


def counter(lang: str, note: str) -> dict[str, Any]:
    """Not now but another time: no plain no, the other time kept for the resident."""
    return own(lang, answer_not=["no"], note_has=note)


def question(lang: str, **more: Any) -> dict[str, Any]:
    """A question back at an invitation: answered, nothing decided."""
    return own(lang, no_effect=["answer_invitation"], **more)


def paused_turn(lang: str, *says: str) -> dict[str, Any]:
    return own(lang, effect=["pause_offer"], keys=["offer_paused"], says=list(says))


def ending(lang: str) -> dict[str, Any]:
    """A wish to stop helping: asked first, nothing ended yet."""
    return own(lang, no_effect=["set_stopped", "stop_offer"])


def summary(lang: str, says: list[str], not_says: list[str] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    """The changed offer read back to confirm, nothing saved yet."""
    return own(lang, keys=["offer_summary"], says=says, not_says=list(not_says), no_effect=["save_offer"])


def saved(lang: str) -> dict[str, Any]:
    return own(lang, effect=["save_offer"], keys=["offer_updated"])


def outcome(lang: str, value: str) -> dict[str, Any]:
    # "Zie je elkaar nog eens?" (meet_again) after a yes is the next question, not this one asked again.
    return own(lang, effect_has={"meet_outcome": {"outcome": value}}, again_ok=True)


def reach(lang: str, *kinds: str) -> dict[str, Any]:
    """An offer said in a sentence: the kinds taken, on to where."""
    return own(lang, keys=["offer_reach"], says=list(kinds))


INVITED = {"keys": ["invite"]}

BATCH_1 = [
    # Turkish
    D(
        "tr: an offer in a sentence, then where, when and how often in words",
        (
            ("alışverişte ve küçük tamirlerde yardım edebilirim", reach("tr", "alışveriş", "küçük işler")),
            ("sadece kendi mahallemde", own("tr", keys=["offer_times"])),
            ("hafta içi öğleden sonra", own("tr", keys=["offer_limit"])),
        ),
        state=L("tr"),
        profile=newcomer("tr"),
    ),
    D(
        "tr invite: 'evet ama saat 2'den sonra' is a yes with its time",
        ((INVITE, INVITED), ("evet ama saat 2'den sonra", yes_with("tr", "2"))),
        state=L("tr"),
        profile=vol("tr"),
    ),
    D(
        "tr invite, no diacritics: 'evet ama ogleden sonra olur ancak' is a yes with its time",
        ((INVITE, INVITED), ("evet ama ogleden sonra olur ancak", yes_with("tr", "ogleden"))),
        state=L("tr"),
        profile=vol("tr"),
    ),
    D(
        "tr invite: 'ne kadar surer?' is a question, then 'tamam gelirim' a yes",
        (
            (INVITE, INVITED),
            ("ne kadar surer?", question("tr")),
            ("tamam gelirim", answered("tr", "yes")),
        ),
        state=L("tr"),
        profile=vol("tr"),
    ),
    D(
        "tr: 'iki hafta tatile gidiyorum' pauses two weeks, 'tatilden döndüm' resumes",
        (
            ("iki hafta tatile gidiyorum", paused_turn("tr", "7 aralık")),
            ("tatilden döndüm, yine yardım edebilirim", own("tr", effect=["resume_offer"])),
        ),
        state=L("tr"),
        profile=vol("tr"),
    ),
    D(
        "tr: 'artık sadece çarşamba günleri yapabilirim' is read back, 'evet' saves",
        (
            ("artık sadece çarşamba günleri yapabilirim", summary("tr", ["çarşamba"], ["pazartesi"])),
            ("evet", saved("tr")),
        ),
        state=L("tr"),
        profile=vol("tr"),
    ),
    D(
        "tr meeting after: 'evet, çok iyi geçti' at Is het gelukt?",
        ((VCHECK, {}), ("evet, çok iyi geçti", outcome("tr", "yes"))),
        state=L("tr"),
        profile=in_thread("tr"),
    ),
    # Arabic (script and Darija in Latin letters)
    D(
        "ar invite: 'نعم، لكن بعد الساعة الثانية' is a yes with its time",
        ((INVITE, INVITED), ("نعم، لكن بعد الساعة الثانية", yes_with("ar", "الثانية"))),
        state=L("ar"),
        profile=vol("ar"),
    ),
    D(
        "ar Darija invite: 'iyeh walakin ghir f l3chiya' is a yes with its time",
        ((INVITE, INVITED), ("iyeh walakin ghir f l3chiya", yes_with("ar", "l3chiya"))),
        state=L("ar"),
        profile=vol("ar"),
    ),
    D(
        "ar invite: 'لا، أنا مريض هذا الأسبوع' is a no",
        ((INVITE, INVITED), ("لا، أنا مريض هذا الأسبوع", answered("ar", "no"))),
        state=L("ar"),
        profile=vol("ar"),
    ),
    D(
        "ar invite: 'أين بالضبط؟' is a question, then 'حسنا، سأذهب' a yes",
        (
            (INVITE, INVITED),
            ("أين بالضبط؟", question("ar")),
            ("حسنا، سأذهب", answered("ar", "yes")),
        ),
        state=L("ar"),
        profile=vol("ar"),
    ),
    D(
        "ar: 'أريد أن أتوقف عن المساعدة' asks first, 'نعم' ends the offer",
        (
            ("أريد أن أتوقف عن المساعدة", ending("ar")),
            ("نعم", own("ar", effect=["stop_offer"], no_effect=["set_stopped"])),
        ),
        state=L("ar"),
        profile=vol("ar"),
    ),
    # Polish (with and without diacritics)
    D(
        "pl invite: 'tak, ale dopiero po 15' is a yes with its time",
        ((INVITE, INVITED), ("tak, ale dopiero po 15", yes_with("pl", "15"))),
        state=L("pl"),
        profile=vol("pl"),
    ),
    D(
        "pl invite, no diacritics: 'nie moge w tym tygodniu, jestem chora' is a no",
        ((INVITE, INVITED), ("nie moge w tym tygodniu, jestem chora", answered("pl", "no"))),
        state=L("pl"),
        profile=vol("pl"),
    ),
    D(
        "pl: 'jadę na urlop na 2 tygodnie' pauses to 7 December",
        (("jadę na urlop na 2 tygodnie", paused_turn("pl", "7 grudnia")),),
        state=L("pl"),
        profile=vol("pl"),
    ),
    D(
        "pl, no diacritics: an offer in a sentence",
        (("moge pomagac przy zakupach i w ogrodzie, tylko popoludniami", reach("pl", "zakupy", "ogród")),),
        state=L("pl"),
        profile=newcomer("pl"),
    ),
    D(
        "pl: 'od teraz tylko w środy' is read back, 'tak' saves",
        (("od teraz tylko w środy", summary("pl", ["środ"], ["poniedział"])), ("tak", saved("pl"))),
        state=L("pl"),
        profile=vol("pl"),
    ),
    # Ukrainian
    D(
        "uk invite: 'так, але тільки якщо недалеко' is a yes with its condition",
        ((INVITE, INVITED), ("так, але тільки якщо недалеко", yes_with("uk", "недалеко"))),
        state=L("uk"),
        profile=vol("uk"),
    ),
    D(
        "uk invite: 'скільки часу це займе?' is a question, then 'добре, я допоможу' a yes",
        (
            (INVITE, INVITED),
            ("скільки часу це займе?", question("uk")),
            ("добре, я допоможу", answered("uk", "yes")),
        ),
        state=L("uk"),
        profile=vol("uk"),
    ),
    D(
        "uk invite: 'не зараз, може наступного тижня' is no plain no",
        ((INVITE, INVITED), ("не зараз, може наступного тижня", counter("uk", "наступного"))),
        state=L("uk"),
        profile=vol("uk"),
        gap="'може' is maybe: an undecided 'later' (Ik vraag je een andere keer weer), right as an answer, but "
        "the week said is not kept for the resident (a later answer carries no words)",
    ),
    D(
        "uk: 'я більше не можу допомагати, немає часу' asks first",
        (("я більше не можу допомагати, немає часу", ending("uk")),),
        state=L("uk"),
        profile=vol("uk"),
    ),
    # English
    D(
        "en: an offer in a sentence, where in words",
        (
            (
                "I can help with shopping and odd jobs, only in the afternoons",
                reach("en", "groceries", "odd jobs"),
            ),
            # Decided after scoring: the afternoons were taken from the first sentence, so not asked again.
            ("just my own neighbourhood", own("en", keys=["offer_limit"], not_keys=["offer_times"])),
        ),
        state=L("en"),
        profile=newcomer("en"),
    ),
    D(
        "en invite: 'not this week, but next week I could' is no plain no",
        ((INVITE, INVITED), ("not this week, but next week I could", counter("en", "next week"))),
        state=L("en"),
        profile=vol("en"),
    ),
    # Dutch learned late
    D(
        "nl late: an offer in a sentence with a time, the time not asked again",
        (
            (
                "ik kan helpen met boodschappen en klusjes, alleen in de middag",
                reach("nl", "boodschappen", "klusjes"),
            ),
            ("alleen mijn wijk", own("nl", keys=["offer_limit"], not_keys=["offer_times"])),
        ),
        state=L("nl"),
        profile=newcomer("nl"),
    ),
    D(
        "nl late invite: 'waar is precies?' then 'hoe lang is het duren?' then 'ok ik doe'",
        (
            (INVITE, INVITED),
            ("waar is precies?", question("nl")),
            ("hoe lang is het duren?", question("nl")),
            ("ok ik doe", answered("nl", "yes")),
        ),
        state=L("nl"),
        profile=vol("nl"),
    ),
    D(
        "nl late: 'ik ga 2 week naar familie in Marokko' pauses to 7 December",
        (("ik ga 2 week naar familie in Marokko", paused_turn("nl", "7 december")),),
        state=L("nl"),
        profile=vol("nl"),
    ),
    D(
        "nl late: 'vanaf nu ik kan alleen woensdag' is read back",
        (("vanaf nu ik kan alleen woensdag", summary("nl", ["woensdag"], ["maandag"])), ("ja", saved("nl"))),
        state=L("nl"),
        profile=vol("nl"),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, check)


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    assert repeated_messages(__file__, [*BATCH_1]) == []


def figures(dialogues: list[Dialogue]) -> tuple[int, int, int, int]:
    return score(dialogues, check)
