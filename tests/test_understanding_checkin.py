"""A mantelzorger's check-in answer (flows/understanding/checkin.py): good / okay / heavy by number,
number word, label, free text with negation, emoji and slang, in six languages; distress when the carer
is at their limit; a crisis in a check-in. Paraphrases written for this test, not the corpus's.
"""
# Turkish, Ukrainian and Arabic letters are the point of these tables, not look-alike characters.
# ruff: noqa: RUF001

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.understanding.checkin import read_checkin
from flows.understanding.reading import read

CORPUS = Path("/work/shared/understanding/dev.jsonl")

ANSWERS = [
    ("1", "good"),
    ("1 goed", "good"),
    ("2", "okay"),
    ("3", "heavy"),
    ("drie!", "heavy"),
    ("zwaar, maar het gaat wel", "okay"),
    ("gaat wel maar eigenlijk te zwaar", "heavy"),
    ("een", "good"),
    ("nummer twee", "okay"),
    ("3, echt zwaar deze week", "heavy"),
    ("Goed!", "good"),
    ("prima hoor, dank je", "good"),
    ("het gaat best goed eigenlijk", "good"),
    ("gaat wel goed", "good"),
    ("gaat wel zwaar", "heavy"),
    ("het gaat niet zo goed", "heavy"),
    ("niet echt goed eigenlijk", "heavy"),
    ("niet slecht", "okay"),
    ("valt te doen", "okay"),
    ("mwah", "okay"),
    ("zozo", "okay"),
    ("klote week gehad", "heavy"),
    ("rotweek", "heavy"),
    ("best pittig", "heavy"),
    ("pfff zwaar hoor", "heavy"),
    ("pfff", "heavy"),
    ("met hem gaat het prima, met mij minder", "heavy"),
    ("hij is goed maar ik zelf niet", "heavy"),
    ("goed, maar ook zwaar", "okay"),
    ("goed. nee eigenlijk zwaar", "heavy"),
    ("2. nee wacht, 3", "heavy"),
    ("1, nee 2", "okay"),
    ("gaat wel, hij is wel onrustig 's nachts", "okay"),
    ("ze slaapt slecht maar het gaat wel", "okay"),
    ("super week gehad, we zijn naar het strand geweest", "good"),
    ("de thuiszorg komt 3 keer per week, gaat prima", "good"),
    ("👍", "good"),
    ("🙂🙂", "good"),
    ("😭", "heavy"),
    ("😢😢", "heavy"),
    ("🤷‍♀️", "okay"),
    ("fine thanks", "good"),
    ("all good here", "good"),
    ("so-so", "okay"),
    ("could be better", "okay"),
    ("really hard this week", "heavy"),
    ("not good at all", "heavy"),
    ("bad week", "heavy"),
    ("iyi", "good"),
    ("çok iyi, teşekkürler", "good"),
    ("idare eder", "okay"),
    ("zor", "heavy"),
    ("iyi değil", "heavy"),
    ("çok zor bir hafta", "heavy"),
    ("مزيان الحمد لله", "good"),
    ("labas hamdullah", "good"),
    ("alhamdulillah", "good"),
    ("نص نص", "okay"),
    ("صعيب بزاف", "heavy"),
    ("machi mzyan", "heavy"),
    ("dobrze", "good"),
    ("tak sobie", "okay"),
    ("ciężko", "heavy"),
    ("nie dobrze", "heavy"),
    ("добре", "good"),
    ("так собі", "okay"),
    ("важко", "heavy"),
    ("погано", "heavy"),
    ("optie 1 graag", "good"),
    ("Het gaat goed met ons 😊", "good"),
    ("beter dan verwacht", "good"),
    ("2 gaat wel", "okay"),
    ("soms goed soms minder", "okay"),
    ("Het is wat het is", "okay"),
    ("gaat op zich wel", "okay"),
    ("zwaar 😔", "heavy"),
    ("het gaat slecht met hem en met mij ook", "heavy"),
    ("nou niet zo goed", "heavy"),
    ("Het valt me zwaar", "heavy"),
    ("it's been hard", "heavy"),
    ("bu hafta çok zordu", "heavy"),
    ("صعيبة هاد السيمانة", "heavy"),
    ("bardzo ciężki tydzień", "heavy"),
    ("дуже важкий тиждень", "heavy"),
    ("fena değil ama yorucu", "okay"),
    ("machi mzyana had simana", "heavy"),
    ("все гаразд", "good"),
    ("było ciężko", "heavy"),
    ("alright I guess", "okay"),
    ("👍🏾", "good"),
    ("❤️", "good"),
    ("😐", "okay"),
    ("hij huilt veel 's nachts, gaat wel", "okay"),
    ("she keeps crying but we manage", "okay"),
]

DISTRESS = [
    "ik kan niet meer, echt niet",
    "ik ben kapot",
    "ik hou het niet meer vol",
    "het wordt me allemaal te veel",
    "ik zit de hele dag te huilen",
    "ben zo moe, ik slaap al weken niet",
    "I can't cope anymore",
    "I'm exhausted and crying every night",
    "artık dayanamıyorum",
    "3yit bzaf",
    "nie daję rady",
    "я більше не можу",
    "zwaar, ik ben op",
    "ik ben echt op",
    "ik kan het echt niet meer aan",
    "ik weet niet hoe lang ik dit nog kan",
    "het is me te veel",
    "I'm at the end of my rope",
    "tükendim",
    "nie mam już siły",
    "nie daję już rady",
    "كنبكي كل ليلة",
    "I cry every night",
]

HEAVY_WITHOUT_DISTRESS = [
    "zwaar",
    "3",
    "zwaar, ze weet niet meer wie ik ben",
    "zwaar maar we redden het",
    "slechte week, mijn knie doet pijn",
    "niet goed. de dokter weet ook niet wat het is",
    # Round crisis21: tired without more is a heavy week, not the limit (was distress before).
    "goed hoor, maar ik ben wel zo moe",
]


def test_the_tables_are_paraphrases_not_corpus_sentences() -> None:
    if not CORPUS.exists():
        pytest.skip("no corpus here")
    with CORPUS.open(encoding="utf-8") as handle:
        corpus = {json.loads(line)["text"].casefold() for line in handle if line.strip()}
    tables = [text for text, _ in ANSWERS] + DISTRESS + HEAVY_WITHOUT_DISTRESS
    assert not {text.casefold() for text in tables} & corpus


@pytest.mark.parametrize(("text", "answer"), ANSWERS)
def test_answers(text: str, answer: str) -> None:
    found, distress, confidence = read_checkin(text, "nl")
    assert (found, distress) == (answer, False)
    assert confidence >= 0.5


@pytest.mark.parametrize("text", DISTRESS)
def test_distress_takes_the_heavy_path(text: str) -> None:
    assert read_checkin(text, "nl")[:2] == ("heavy", True)


@pytest.mark.parametrize("text", HEAVY_WITHOUT_DISTRESS)
def test_choosing_heavy_is_not_distress_by_itself(text: str) -> None:
    assert read_checkin(text, "nl")[:2] == ("heavy", False)


@pytest.mark.parametrize("text", ["", "hoe bedoel je", "wie is Kees?", "12 december", "🏻"])
def test_no_answer_is_none(text: str) -> None:
    assert read_checkin(text, "nl") == (None, False, 0.0)


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("het gaat wel, maar soms wil ik dood", {"answer": "heavy", "distress": True, "crisis": "113"}),
        (
            "hij werd weer agressief en ik heb me in de slaapkamer verstopt",
            {"answer": "heavy", "distress": True, "crisis": "veilig_thuis"},
        ),
        ("hij is uit bed gevallen en ik krijg hem niet omhoog", {"answer": "heavy", "crisis": "112"}),
        ("haha ik ga dood van het lachen met haar, gaat prima", {"answer": "good"}),
    ],
)
def test_a_crisis_in_a_check_in(text: str, expect: dict[str, object]) -> None:
    assert read("checkin", text, lang="nl").to_corpus() == expect


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_read_checkin_never_raises(text: str) -> None:
    answer, distress, confidence = read_checkin(text, "nl")
    assert answer in (None, "good", "okay", "heavy")
    assert isinstance(distress, bool) and 0.0 <= confidence <= 1.0
