# ruff: noqa: RUF001, RUF002, E501
"""Red team of whole conversations, round 29: mantelzorgers in their own language.

(docstring with figures: written at the end)
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    CARER,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
    repeated_messages,
    score,
)
from tests.test_dialogues_redteam10 import language_problems
from tests.test_dialogues_redteam24 import round_check as round24_check

MISS = ["not_understood", "*_again"]

# Carers who write their own language: a first name, the one cared for, and the state's language.
NAMES = {
    "nl": ("Samira", "Fatima"),
    "en": ("Grace", "Mary"),
    "tr": ("Ayşe", "Fatma"),
    "ar": ("Khadija", "Zahra"),
    "pl": ("Krystyna", "Stefan"),
    "uk": ("Halyna", "Petro"),
}


def carer(code: str, **rhythm: Any) -> dict[str, Any]:
    """A registered carer who writes `code`, asked every Monday at 10:00 unless `rhythm` says else."""
    first, cared = NAMES[code]
    return {
        **CARER,
        "first_name": first,
        "care": {
            **CARER["care"],
            "care_for": cared,
            "relation": "parent",
            "rhythm": {"freq": "weekly", "at": "10:00", "weekday": 0, **rhythm},
        },
    }


def new(code: str) -> dict[str, Any]:
    """Someone known (consented) but no carer yet, who writes `code`."""
    return {**carer(code), "care": None}


def week(n: int, code: str) -> dict[str, Any]:
    """The check-in of week `n` about the one `code`'s carer cares for."""
    return {"internal": "care_checkin", "meta": {"checkin_id": 200 + n, "name": NAMES[code][1]}}


def C(name: str, code: str, turns: tuple[tuple[Any, dict[str, Any]], ...], **kw: Any) -> Dialogue:
    """A conversation in `code`: every turn must reach the person wholly in `code` (the state's language,
    every text and label from that language's catalogue text, no Dutch words of the bot's own)."""
    kw.setdefault("profile", carer(code))
    kw.setdefault("state", menu_state(code))
    turns = tuple((sent, {"lang": code, **expect}) for sent, expect in turns)
    return Dialogue(f"{code}: {name}", turns, **kw)


def reg(**items: object) -> dict[str, Any]:
    """Registered with a rhythm holding `items` ("freq", "weekday", "at")."""
    return {"effect_has": {"care_register": {f"rhythm.{k}": v for k, v in items.items()}}, "not_keys": MISS}


def answered(*answers: str, **more: Any) -> dict[str, Any]:
    """A check-in answered as one of `answers` (good, okay, heavy)."""
    return {"answer_in": answers, "not_keys": [*MISS, *more.pop("not_keys", [])], **more}


HEAVY = answered("heavy", keys=["care_heavy_offers"])
OKAY = answered("okay", not_keys=["care_heavy_offers"])
GOOD = answered("good", not_keys=["care_heavy_offers"])
NOT_HEAVY = answered("good", "okay", not_keys=["care_heavy_offers"])
NOT_GOOD = answered("okay", "heavy", not_keys=["care_thanks_good"])
ASKED = {"keys": ["care_checkin"]}
WHO = {"keys": ["care_who"], "not_keys": ["ask_*", *MISS]}
DAY = {"keys": ["care_day"], "not_keys": MISS}
CRISIS = {"crisis": True}


def offer(name: str, **more: Any) -> dict[str, Any]:
    """An offer after Zwaar taken, recorded on the check-in as its follow-up."""
    return {"effect_has": {"care_followup": {"offer": name}}, "not_keys": MISS, **more}


CALLBACK = {**offer("callback"), "alerts": {"kind": "care_callback", "priority": "high"}}
HUMAN = {"effect": ["request_human"], "not_keys": MISS}
PERSON = {"any_effect": ["request_human", "care_followup"], "not_keys": MISS}


def paused(code: str, **more: Any) -> dict[str, Any]:
    """The check-ins paused, told until when in the person's own words (no Dutch month)."""
    foreign = [] if code in ("nl", "en") else ["december", "januari"]
    return {"effect": ["care_pause"], "keys": ["care_paused"], "not_keys": MISS, "not_says": foreign, **more}


STOP_ASKED = {"keys": ["care_end_question"], "not_keys": MISS}
STOPPED = {"effect": ["care_stop"], "not_keys": MISS}


def round_check(expect: dict[str, Any], result: Any) -> list[str]:
    """Round 24's checks (`answer_in`, `weekday_in`, `alerts`, `any_effect`, `no_alert`), the language
    of every text (`lang`), and `keys_any` (one of these reply keys)."""
    problems = round24_check(expect, result)
    if expect.get("lang"):
        problems += language_problems(expect["lang"], result)
    if "keys_any" in expect:
        keys = [r.key for r in result.replies]
        if not any(k in keys for k in expect["keys_any"]):
            problems.append(f"none of the keys {expect['keys_any']} (keys {keys})")
    return problems


# Batch 1, written before reading the flows (only the test support files and earlier rounds' tests).
BATCH_1 = [
    # Turkish (with and without the letters)
    C(
        "signs up in words, every week said, then only the day is asked",
        "tr",
        (
            ("annemle ben ilgileniyorum, her hafta bana nasıl olduğumu sorar mısınız?", WHO),
            ("Fatma", {"keys": ["care_relation"]}),
            ("annem", {"keys": ["care_hours"]}),
            ("haftada 30 saat kadar", {"keys_any": ["care_day", "care_registered"], "not_keys": MISS}),
            ("salı akşamları", reg(freq="weekly", weekday=1)),
        ),
        profile=new("tr"),
    ),
    C(
        "rhythm without diacritics: 'iki haftada bir', then 'cuma oglen'",
        "tr",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("Mehmet", {}),
            ("babam", {}),
            ("20", {"keys": ["care_rhythm"]}),
            ("iki haftada bir", DAY),
            ("cuma oglen", reg(freq="biweekly", weekday=4)),
        ),
        profile=new("tr"),
    ),
    C(
        "over weeks: good, so-so, sideways heavy, heavy, then a person asked in words",
        "tr",
        (
            (week(1, "tr"), ASKED),
            ("iyiyim cok sukur", GOOD),
            (week(2, "tr"), ASKED),
            ("eh işte, idare eder", OKAY),
            (week(3, "tr"), ASKED),
            ("annem beni tanımıyor artık", NOT_GOOD),
            (week(4, "tr"), ASKED),
            ("cok zor gecti, geceleri hic uyuyamiyorum", HEAVY),
            ("gerçek bir insanla konuşmak istiyorum", CALLBACK),
        ),
    ),
    C(
        "pause for a holiday said in the words of the brief",
        "tr",
        (("ben 2 hafta tatildeyim, o zaman sormayın", paused("tr")),),
    ),
    C(
        "a heavy check-in, refuses the offers, then a crisis in the middle",
        "tr",
        (
            (week(1, "tr"), ASKED),
            ("kötü, çok kötü", HEAVY),
            ("yok sağol, gerek yok", offer("none")),
            ("bazen artık yaşamak istemiyorum", CRISIS),
        ),
    ),
    C(
        "stops the check-ins in words, then confirms",
        "tr",
        (
            ("artık bu soruları sormayın lütfen", STOP_ASKED),
            ("evet eminim", STOPPED),
        ),
    ),
    # Arabic: script and Darija in Latin letters
    C(
        "signs up in words: 'every week' said, the day asked",
        "ar",
        (
            ("أعتني بأمي، ممكن تسألني كل أسبوع كيف حالي؟", WHO),
            ("زهرة", {"keys": ["care_relation"]}),
            ("أمي", {"keys": ["care_hours"]}),
            ("10", {"keys_any": ["care_day", "care_registered"], "not_keys": MISS}),
            ("الأحد في المساء", reg(freq="weekly", weekday=6)),
        ),
        profile=new("ar"),
    ),
    C(
        "rhythm 'كل أسبوع' then the day",
        "ar",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("أحمد", {}),
            ("زوجي", {}),
            ("40", {"keys": ["care_rhythm"]}),
            ("كل أسبوع", DAY),
            ("الخميس بعد العصر", reg(freq="weekly", weekday=3)),
        ),
        profile=new("ar"),
    ),
    C(
        "over weeks in script: good, tired, sleepless: offers, respite accepted",
        "ar",
        (
            (week(1, "ar"), ASKED),
            ("الحمد لله، كل شيء بخير هذا الأسبوع", GOOD),
            (week(2, "ar"), ASKED),
            ("متعبة شوية", NOT_GOOD),
            (week(3, "ar"), ASKED),
            ("ما نمت منذ أيام، لم أعد أستطيع", HEAVY),
            ("أحتاج استراحة من الرعاية", offer("respite")),
        ),
    ),
    C(
        "Darija in Latin letters over weeks: fine, then at the end, then someone to talk to",
        "ar",
        (
            (week(1, "ar"), ASKED),
            ("labas hamdullah", GOOD),
            (week(2, "ar"), ASKED),
            ("3ayya bzaf, ma b9itch n9der", HEAVY),
            ("bghit chi wahed nhder m3ah", CALLBACK),
        ),
    ),
    C(
        "a person asked for at the menu",
        "ar",
        (("أريد أن أتكلم مع شخص من الفريق", HUMAN),),
    ),
    C(
        "a crisis in Darija at a check-in",
        "ar",
        ((week(1, "ar"), ASKED), ("ma b9itch baghya n3ich", CRISIS)),
    ),
    # Polish
    C(
        "rhythm 'co tydzien' without the letter, the day, then a first good check-in",
        "pl",
        (
            ("MANTELZORG", {"keys": ["care_who"]}),
            ("Stefan", {}),
            ("mąż", {}),
            ("35", {"keys": ["care_rhythm"]}),
            ("co tydzien", DAY),
            ("w czwartek wieczorem", reg(freq="weekly", weekday=3)),
            (week(1, "pl"), ASKED),
            ("dobrze, dziękuję", GOOD),
        ),
        profile=new("pl"),
    ),
    C(
        "over weeks: so-so, sleepless (sideways), no thanks, heavy again: someone gets in touch",
        "pl",
        (
            (week(1, "pl"), ASKED),
            ("tak sobie", OKAY),
            (week(2, "pl"), ASKED),
            ("nie śpię od tygodnia", HEAVY),
            ("nie, dziękuję, na razie nic", offer("none")),
            (week(3, "pl"), ASKED),
            ("dalej ciężko", {**HEAVY, "says": ["Ktoś od nas się z tobą skontaktuje"]}),
        ),
    ),
    C(
        "a pause for a trip, in words",
        "pl",
        (("wyjeżdżam na dwa tygodnie, proszę wtedy nie pisać", paused("pl")),),
    ),
    C(
        "a person asked for at the menu, then the rhythm changed",
        "pl",
        (
            ("czy mogę porozmawiać z człowiekiem?", HUMAN),
            ("proszę pytać mnie co dwa tygodnie", reg(freq="biweekly")),
        ),
    ),
    # Ukrainian
    C(
        "signs up in words, the day said after",
        "uk",
        (
            ("я доглядаю за татом, можете щотижня питати, як я?", WHO),
            ("Петро", {"keys": ["care_relation"]}),
            ("тато", {"keys": ["care_hours"]}),
            ("15", {"keys_any": ["care_day", "care_registered"], "not_keys": MISS}),
            ("у пʼятницю вранці", reg(freq="weekly", weekday=4)),
        ),
        profile=new("uk"),
    ),
    C(
        "over weeks with emoji: good, hard, then a call accepted",
        "uk",
        (
            (week(1, "uk"), ASKED),
            ("все добре 🙂", GOOD),
            (week(2, "uk"), ASKED),
            ("важко 😔", HEAVY),
            ("так, хочу з кимось поговорити", CALLBACK),
        ),
    ),
    C(
        "a crisis said at a check-in",
        "uk",
        ((week(1, "uk"), ASKED), ("іноді думаю, що краще б мене не було", CRISIS)),
    ),
    C(
        "stops the check-ins, confirms",
        "uk",
        (("більше не питайте мене про догляд, будь ласка", STOP_ASKED), ("так", STOPPED)),
    ),
    # English
    C(
        "over weeks with fillers: fine, a fall, running on empty, someone to talk to",
        "en",
        (
            (week(1, "en"), ASKED),
            ("yeah all good thanks x", GOOD),
            (week(2, "en"), ASKED),
            ("ugh. mum had a fall, been a long week tbh", NOT_GOOD),
            (week(3, "en"), ASKED),
            ("honestly I'm running on empty", HEAVY),
            ("could I speak to someone please", CALLBACK),
        ),
    ),
    C(
        "changes the rhythm, then pauses for a holiday",
        "en",
        (
            ("can you check in every other week from now on", reg(freq="biweekly")),
            ("off on holiday for two weeks, pause the check ins please", paused("en")),
        ),
    ),
    # Dutch learned late
    C(
        "signs up: 'kunt u mij elke week vragen hoe het gaat'",
        "nl",
        (
            ("kunt u mij elke week vragen hoe het gaat", WHO),
            ("Fatima", {"keys": ["care_relation"]}),
            ("is mijn moeder", {"keys": ["care_hours"]}),
            ("veel, elke dag", {"keys_any": ["care_day", "care_registered"], "not_keys": MISS}),
            ("maandag", reg(freq="weekly", weekday=0)),
        ),
        profile=new("nl"),
    ),
    C(
        "over weeks: tired, too much, then 'kan ik iemand spreken'",
        "nl",
        (
            (week(1, "nl"), ASKED),
            ("mijn moeder is ziek, ik moet alles doen, ik ben moe", NOT_GOOD),
            (week(2, "nl"), ASKED),
            ("niet goed. geen slaap. te veel", HEAVY),
            ("kan ik iemand spreken", CALLBACK),
        ),
    ),
    C(
        "pause: three weeks to family abroad, in simple words",
        "nl",
        (("ik ga 3 week naar Marokko, familie. dan niet vragen", paused("nl")),),
    ),
    C(
        "a person at the menu in broken Dutch",
        "nl",
        (("ik wil praat met mens, niet computer", HUMAN),),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, round_check)


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    assert repeated_messages(__file__, [*BATCH_1]) == []


def figures(dialogues: list[Dialogue]) -> tuple[int, int, int, int]:
    return score(dialogues, round_check)
