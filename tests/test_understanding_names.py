# ruff: noqa: RUF001  (Turkish dotless i is the point of these cases)
"""The name people give at "Hoe mag ik je noemen?", and what is no name. Paraphrases, not corpus sentences."""

from __future__ import annotations

import pytest

from flows.understanding.names import read_name
from flows.understanding.reading import read

NAMES = [
    ("Gerda", "nl", "Gerda"),
    ("gerda", "nl", "Gerda"),
    ("HENK", "nl", "Henk"),
    ("Henk!!", "nl", "Henk"),
    ("Sanne 🌸", "nl", "Sanne"),
    ("ik ben Gerda", "nl", "Gerda"),
    ("hoi! ik ben sanne", "nl", "Sanne"),
    ("goedemorgen, mijn naam is Piet de Boer", "nl", "Piet de Boer"),
    ("zeg maar Kees", "nl", "Kees"),
    ("noem me maar gewoon Bas", "nl", "Bas"),
    ("Johanna, maar zeg maar Jo", "nl", "Jo"),
    ("Mevr. Bakker", "nl", "mevrouw Bakker"),
    ("mw van dijk", "nl", "mevrouw van Dijk"),
    ("MENEER DE JONG", "nl", "meneer de Jong"),
    ("dhr. Visser", "nl", "meneer Visser"),
    ("opa wim", "nl", "Opa Wim"),
    ("Truus van der Linden", "nl", "Truus van der Linden"),
    ("marie-louise", "nl", "Marie-Louise"),
    ("Ria (de buurvrouw)", "nl", "Ria"),
    ("Bas is goed", "nl", "Bas"),
    ("I'm Sarah", "en", "Sarah"),
    ("my name is Thomas but everyone calls me Tom", "en", "Tom"),
    ("Benim adım Ayşe", "tr", "Ayşe"),
    ("EMİNE", "tr", "Emine"),
    ("Ayşe hanım", "tr", "Ayşe Hanım"),
    ("اسمي فاطمة", "ar", "فاطمة"),
    ("smiti Khadija", "ar", "Khadija"),
    ("Mam na imię Agnieszka", "pl", "Agnieszka"),
    ("Мене звати Оксана", "uk", "Оксана"),
    ("dit is Annie van hiernaast", "nl", "Annie"),
    ("u mag mij Truus noemen", "nl", "Truus"),
    ("mevr. de boer", "nl", "mevrouw de Boer"),
    ("mijn naam is gerrit jansen", "nl", "Gerrit Jansen"),
    # An introduction in another language than the conversation's.
    ("nazywam się Kasia", "nl", "Kasia"),
    ("أنا محمد", "nl", "محمد"),
]

NOT_NAMES = [
    ("wie bent u eigenlijk", "nl"),
    ("hoe kom je aan mijn nummer", "nl"),
    ("Sorry, wat?", "nl"),
    ("wat moet ik hier invullen", "nl"),
    ("dat gaat je niks aan", "nl"),
    ("zeg ik liever niet", "nl"),
    ("ik wil geen naam geven", "nl"),
    ("mijn naam doet er niet toe", "nl"),
    ("anoniem", "nl"),
    ("hallo", "nl"),
    ("ok", "nl"),
    ("jawel hoor", "nl"),
    ("nee", "nl"),
    ("stop", "nl"),
    ("ik heb hulp nodig met boodschappen", "nl"),
    ("kan iemand me bellen", "nl"),
    ("ik ben moe", "nl"),
    ("ik ben 82", "nl"),
    ("ik ben de buurman van Ans", "nl"),
    ("Marco wil helpen", "nl"),
    ("😊🙏", "nl"),
    ("👍", "nl"),
    ("Do you speak English", "en"),
    ("English please", "en"),
    ("Arapça konuşuyor musunuz", "tr"),
    ("evet", "tr"),
    ("je mag me niet zo noemen", "nl"),
    ("Mevrouw", "nl"),
]


@pytest.mark.parametrize(("text", "lang", "expected"), NAMES)
def test_name(text: str, lang: str, expected: str) -> None:
    name, confidence = read_name(text, lang)
    assert name == expected
    assert confidence >= 0.5


@pytest.mark.parametrize(("text", "lang"), NOT_NAMES)
def test_not_a_name(text: str, lang: str) -> None:
    assert read_name(text, lang) == (None, 0.0)


def test_read_gives_the_corpus_keys() -> None:
    assert read("name", "ik heet Wies", lang="nl").to_corpus() == {"name": "Wies"}
    assert read("name", "hoezo", lang="nl").to_corpus() == {"not_a_name": True}
