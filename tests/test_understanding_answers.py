# ruff: noqa: RUF001  (Turkish dotless i and Cyrillic letters are the point of these cases)
"""Answers to closed questions: yes/no, options, urgency, invitations. Paraphrases, not corpus sentences."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from flows.understanding import answers, language, times
from flows.understanding.reading import read

NOW = datetime(2026, 3, 10, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))

YES_NO = [
    ("jaaa hoor", "nl", "yes"),
    ("Is prima hoor", "nl", "yes"),
    ("JA HOOR DAT MAG", "nl", "yes"),
    ("ok 👌", "nl", "yes"),
    ("👍🏽", "nl", "yes"),
    ("tuurlijk!", "nl", "yes"),
    ("uhm ja vooruit", "nl", "yes"),
    ("ja hoor, als niemand anders het leest", "nl", "yes"),
    ("geen probleem", "nl", "yes"),
    ("nee wacht, toch wel", "nl", "yes"),
    ("akkoord meneer", "nl", "yes"),
    ("sure why not", "en", "yes"),
    ("evet olur", "tr", "yes"),
    ("wakha", "ar", "yes"),
    ("ok dobrze", "pl", "yes"),
    ("Добре", "uk", "yes"),
    ("neeee", "nl", "no"),
    ("nee hoor", "nl", "no"),
    ("niet akkoord", "nl", "no"),
    ("ik wil dat niet", "nl", "no"),
    ("ja nee, liever niet", "nl", "no"),
    ("👎", "nl", "no"),
    ("no thank you", "en", "no"),
    ("Hayır, teşekkürler", "tr", "no"),
    ("la choukran", "ar", "no"),
    ("Nie, dziękuję", "pl", "no"),
    ("Ні", "uk", "no"),
    # Someone writes in another language than the conversation's.
    ("evet", "nl", "yes"),
    ("hayır", "nl", "no"),
]

QUESTIONS = [
    ("wat gebeurt er met mijn gegevens", "nl"),
    ("mag ik eerst iets vragen", "nl"),
    ("hoezo", "nl"),
    ("wat als ik ja zeg", "nl"),
    ("kan ik het later nog veranderen?", "nl"),
    ("what happens if I say no", "en"),
    ("Kim görüyor bunu", "tr"),
    ("شكون غادي يشوف", "ar"),
    ("Czy ktoś to widzi", "pl"),
    ("Хто це бачить", "uk"),
]


@pytest.mark.parametrize(("text", "lang", "expected"), YES_NO)
def test_yes_no(text: str, lang: str, expected: str) -> None:
    answer, confidence = answers.read_yes_no(text, lang, allow_question=True)
    assert answer == expected
    assert confidence >= 0.5


@pytest.mark.parametrize(("text", "lang"), QUESTIONS)
def test_a_question_is_a_question_only_where_one_is_allowed(text: str, lang: str) -> None:
    assert answers.read_yes_no(text, lang, allow_question=True)[0] == "question"
    assert answers.read_yes_no(text, lang, allow_question=False)[0] is None


@pytest.mark.parametrize("text", ["hmm", "", "🌷", "boodschappen"])
def test_no_yes_or_no(text: str) -> None:
    assert answers.read_yes_no(text, "nl", allow_question=True)[0] is None


@pytest.mark.parametrize("text", ["ik weet het niet", "misschien"])
def test_a_doubt_asks_where_a_question_may_answer_and_is_no_answer_elsewhere(text: str) -> None:
    """Round corpus37: "ik twijfel", "weet niet" at "Mag Voordeur dit bewaren?" want to hear more first."""
    assert answers.read_yes_no(text, "nl", allow_question=True)[0] == "question"
    assert answers.read_yes_no(text, "nl", allow_question=False)[0] is None


KINDS = [("boodschappen", "Boodschappen"), ("vervoer", "Vervoer"), ("klusjes", "Klusjes"), ("tuin", "Tuin")]

OPTIONS = [
    ("2", "vervoer"),
    ("nr 3", "klusjes"),
    ("de vierde graag", "tuin"),
    ("vier", "tuin"),
    ("doe maar nummer 1", "boodschappen"),
    ("boodschappen doen", "boodschappen"),
    ("boodschapen", "boodschappen"),
    ("ik zoek iemand voor de tuin", "tuin"),
    ("niet de tuin maar klusjes", "klusjes"),
    ("3. nee wacht, 4", "tuin"),
    ("klusjes. oh wacht, toch vervoer", "vervoer"),
]


@pytest.mark.parametrize(("text", "expected"), OPTIONS)
def test_option(text: str, expected: str) -> None:
    assert answers.read_option(text, KINDS, "nl")[0] == expected


@pytest.mark.parametrize(
    "text", ["om 2 uur", "een paar dagen", "12 december", "7", "geen idee", "niet de tuin"]
)
def test_no_option(text: str) -> None:
    assert answers.read_option(text, KINDS, "nl")[0] is None


URGENCY = [
    ("1", "today"),
    ("nummer twee", "this_week"),
    ("de eerste graag", "today"),
    ("3", "any"),
    ("het is dringend!", "today"),
    ("zo snel mogelijk graag", "today"),
    ("liefst vanmiddag nog", "today"),
    ("morgen is ook goed", "this_week"),
    ("ergens deze week", "this_week"),
    ("binnen een paar dagen", "this_week"),
    ("niet vandaag, wel deze week", "this_week"),
    ("vandaag hoeft niet, in het weekend", "this_week"),
    ("niet zo dringend", "this_week"),
    ("het heeft echt geen haast", "any"),
    ("maakt me niks uit", "any"),
    ("wanneer het jullie uitkomt", "any"),
    ("pas na het weekend", "any"),
    ("volgende week pas", "any"),
    ("whenever you can, no hurry", "any"),
    ("today please", "today"),
    ("bugün lazım", "today"),
    ("acelesi yok", "any"),
    ("dziś", "today"),
    ("терміново", "today"),
]


@pytest.mark.parametrize(("text", "expected"), URGENCY)
def test_urgency(text: str, expected: str) -> None:
    assert answers.read_urgency(text, "nl")[0] == expected


@pytest.mark.parametrize("text", ["weet ik niet", "4", "over 2 uur bellen", "niet vandaag"])
def test_no_urgency(text: str) -> None:
    assert answers.read_urgency(text, "nl")[0] is None


INVITATIONS = [
    ("1", "yes", None),
    ("ja, ik kom eraan", "yes", None),
    ("ik kan wel", "yes", None),
    ("ik help graag!", "yes", None),
    ("👍", "yes", None),
    ("sure, count me in", "yes", None),
    ("evet gelirim", "yes", None),
    ("wakha ghadi nji", "yes", None),
    ("можу допомогти", "yes", None),
    ("ja hoor, ik heb een bakfiets", "yes", None),
    ("2", "no", None),
    ("nee helaas", "no", None),
    ("sorry geen tijd", "no", None),
    ("ik kan morgen niet", "no", None),
    ("nee, ben op vakantie", "no", None),
    ("hayır yapamam", "no", None),
    ("nie mogę", "no", None),
    ("3", "later", None),
    ("nu even niet", "later", None),
    ("straks misschien", "later", None),
    ("ik denk erover na", "later", None),
    ("ik laat het morgen weten", "later", None),
    ("ik zit op mijn werk", "later", None),
    ("nee, maar volgende week wel", "later", "next week"),
    ("maybe later", "later", None),
    ("ja maar ik kan niet tillen", "yes", "no lifting"),
    ("ja, ik kom lopend", "yes", "on foot, no car"),
    ("ja als ik mijn dochter mee mag nemen", "yes", "may bring her daughter"),
    ("ja, en ik neem mijn hond mee", "yes", "may bring the dog"),
    ("kan alleen op zaterdag", "yes", "saturday only"),
    ("ja, maar pas vrijdag", "yes", "friday only"),
    ("ik help, maar alleen telefonisch", "yes", "by phone only"),
]


@pytest.mark.parametrize(("text", "answer", "condition"), INVITATIONS)
def test_invitation(text: str, answer: str, condition: str | None) -> None:
    assert answers.read_invitation(text, "nl", NOW)[:2] == (answer, condition)


def test_a_no_has_no_condition() -> None:
    assert answers.read_invitation("nee, ik heb geen auto", "nl", NOW)[:2] == ("no", None)


def test_the_time_of_a_condition_comes_from_times(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str, datetime | None]] = []

    def condition_time(text: str, lang: str = "nl", now: datetime | None = None) -> str | None:
        calls.append((text, lang, now))
        return "saturday after 14:00"

    monkeypatch.setattr(times, "condition_time", condition_time)
    answer, condition, _ = answers.read_invitation("ja, pas zaterdag na 2 uur, niet tillen", "nl", NOW)
    assert (answer, condition) == ("yes", "saturday after 14:00; no lifting")
    assert calls == [("ja, pas zaterdag na 2 uur, niet tillen", "nl", NOW)]


def test_no_time_from_times_leaves_the_day_with_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(times, "condition_time", lambda text, lang="nl", now=None: None)
    assert answers.read_invitation("kan pas donderdag", "nl", NOW)[:2] == ("yes", "thursday only")


def test_read_gives_the_corpus_keys() -> None:
    assert read("consent", "jawel hoor", lang="nl").to_corpus() == {"answer": "yes"}
    assert read("consent", "hoe lang blijft dat bewaard", lang="nl").to_corpus() == {"answer": "question"}
    assert read("ask_urgency", "geen spoed", lang="nl").to_corpus() == {"urgency": "any"}
    assert read("invitation", "even niet", lang="nl", now=NOW).to_corpus() == {"answer": "later"}


@pytest.mark.parametrize(
    ("text", "answer", "condition"),
    [
        ("ik kan morgen helaas niet", "no", None),
        ("sorry, lukt deze keer niet", "no", None),
        ("ik kan wel, maar niet zwaar tillen", "yes", "no lifting"),
        ("moet even in mijn agenda kijken", "later", None),
        ("ja, maar ik moet mijn kind meenemen", "yes", "may bring her child"),
        ("так, але тільки в суботу", "yes", "saturday only"),
        # Turkish rules a day out after it; Arabic "ليس" before it.
        ("evet ama cumartesi değil", "yes", "not saturday"),
        ("evet ama perşembe hariç", "yes", "not thursday"),
        ("evet ama perşembe olmaz", "yes", "not thursday"),
        ("نعم لكن ليس يوم الخميس", "yes", "not thursday"),
        ("evet, cumartesi olur", "yes", "saturday"),
    ],
)
def test_invitation_negations_and_conditions(text: str, answer: str, condition: str | None) -> None:
    # In a Dutch conversation, read in the language the answer is written in (as `read` does).
    assert answers.read_invitation(text, language.detect(text, "nl"), NOW)[:2] == (answer, condition)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1", "yes"), ("2", "no"), ("bewaar maar", "yes"), ("niet bewaren", "no"), ("mashi mochkil", "yes")],
)
def test_consent_in_few_words(text: str, expected: str) -> None:
    assert answers.read_yes_no(text, "nl", allow_question=True)[0] == expected


def test_the_time_of_a_later_answer_is_no_condition(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "ik laat het morgen weten": tomorrow is when they answer, not when they can help."""
    monkeypatch.setattr(times, "condition_time", lambda text, lang="nl", now=None: "tomorrow")
    assert answers.read_invitation("ik laat het je morgen weten", "nl", NOW)[:2] == ("later", None)
    assert answers.read_invitation("nu niet, probeer het morgen nog eens", "nl", NOW)[:2] == ("later", None)
    assert answers.read_invitation("nu niet, morgen wel", "nl", NOW)[:2] == ("later", "tomorrow")


@pytest.mark.parametrize(("text", "expected"), [("akkoort", "yes"), ("natuurluk", "yes"), ("jahoor", "yes")])
def test_yes_with_a_typo(text: str, expected: str) -> None:
    assert answers.read_yes_no(text, "nl", allow_question=True)[0] == expected


@pytest.mark.parametrize("text", ["opnieuw", "boodschappen", "afspraak"])
def test_a_long_word_is_no_typo_of_an_answer(text: str) -> None:
    assert answers.read_yes_no(text, "nl", allow_question=True)[0] is None


def test_the_last_option() -> None:
    assert answers.read_option("de laatste graag", KINDS, "nl")[0] == "tuin"
    assert answers.read_option("the last one", KINDS, "en")[0] == "tuin"
    assert answers.read_urgency("de laatste", "nl")[0] == "any"
    assert answers.read_invitation("de laatste", "nl", NOW)[0] == "later"
