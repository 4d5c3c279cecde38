"""The catalogue: complete in Dutch and English, the core path in all six languages, the same parameters
everywhere, a fallback for what is not translated, and Dutch and English SMS texts in one segment."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest

from bench.sms_budget import WITH_MENU, budget, sms_keys, sms_text
from flows import catalogue

# tests/test_golden.py imports gsm7_length from here.
from flows.catalogue import gsm7_length

KEYS = catalogue.keys()
CORE_KEYS = [key for key in KEYS if catalogue.is_core(key)]
OTHER_LANGUAGES = [language for language in catalogue.LANGUAGES if language not in ("nl", "en")]


def test_gsm7_length_knows_the_dutch_pitfalls() -> None:
    assert gsm7_length("Café ü ö é") == 10
    assert gsm7_length("ideeën") is None
    assert gsm7_length("“quote”") is None
    assert gsm7_length("€") == 2


def test_segments_count_gsm7_and_ucs2_with_their_headers() -> None:
    assert catalogue.sms_segments("a" * 160) == 1
    assert catalogue.sms_segments("a" * 161) == 2
    assert catalogue.sms_segments("ą" * 70) == 1
    assert catalogue.sms_segments("ą" * 71) == 2
    assert catalogue.sms_segments("ş" * 135) == 3  # 67 a segment once it is split


def test_six_languages() -> None:
    assert catalogue.LANGUAGES == ("nl", "en", "tr", "ar", "pl", "uk")
    for language in catalogue.LANGUAGES:
        assert catalogue.language_or_default(language.upper()) == language
    assert catalogue.language_or_default("uk-UA") == "uk"
    assert catalogue.language_or_default("de") == "nl"
    assert catalogue.language_or_default(None) == "nl"


@pytest.mark.parametrize("language", catalogue.LANGUAGES)
def test_every_fallback_chain_ends_in_a_complete_language(language: str) -> None:
    chain = catalogue.FALLBACKS[language]
    assert language not in chain
    assert set(chain) <= set(catalogue.LANGUAGES)
    assert language in catalogue.COMPLETE_LANGUAGES or chain[-1] in catalogue.COMPLETE_LANGUAGES


@pytest.mark.parametrize("key", catalogue.keys())
def test_every_text_has_the_same_parameters_in_every_language(key: str) -> None:
    for language in catalogue.COMPLETE_LANGUAGES:
        own = catalogue.own_text(key, language)
        assert own is not None and own.strip(), f"{key} has no {language} text"
    expected = catalogue.parameters(key, "nl")
    dutch = catalogue.template(key, "nl")
    for language in catalogue.LANGUAGES:
        own = catalogue.own_text(key, language)
        if own is not None:
            assert own.strip(), f"{key}/{language} is empty"
            # A fragment that is glued to a text ("care_trend") keeps its leading space in every language.
            assert own[:1].isspace() == dutch[:1].isspace(), f"{key}/{language}"
            assert catalogue.parameters(key, language) == expected, f"{key}/{language}"


def test_only_known_languages_and_fields() -> None:
    allowed = {"sms", *catalogue.LANGUAGES}
    for key, entry in catalogue.entries().items():
        assert set(entry) <= allowed, key


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_core_path_is_translated(language: str) -> None:
    assert len(CORE_KEYS) > 150
    missing = [key for key in CORE_KEYS if catalogue.own_text(key, language) is None]
    assert missing == []


def digits(text: str) -> list[str]:
    return re.findall(r"\d[\d -]*\d|\d", text)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_crisis_numbers_are_exactly_the_dutch_ones(language: str) -> None:
    crisis = [key for key in KEYS if key.startswith("crisis_") or key == "care_respite"]
    for key in crisis:
        assert digits(catalogue.template(key, language)) == digits(catalogue.template(key, "nl")), key


COMMAND = re.compile(r"\b[A-Z][A-Z]{2,}(?: [A-Z]{2,})?\b")


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_translations_use_only_command_words_the_dutch_or_english_text_uses(language: str) -> None:
    """The bot understands STOP, MENS, HUMAN...; a translation must not invent a capital word for one."""
    for key in KEYS:
        own = catalogue.own_text(key, language)
        if own is None:
            continue
        known = set(COMMAND.findall(catalogue.template(key, "nl") + " " + catalogue.template(key, "en")))
        known |= {"NEDERLANDS", "ENGLISH", "SMS"}  # the language words (understood everywhere), SMS
        assert set(COMMAND.findall(own)) <= known, f"{key}/{language}"


@pytest.mark.parametrize("key", sms_keys())
@pytest.mark.parametrize("language", catalogue.COMPLETE_LANGUAGES)
def test_sms_texts_fit_one_gsm7_segment_with_the_menu(key: str, language: str) -> None:
    text = sms_text(key, language)
    if key in WITH_MENU:
        assert "\n1 " in text
    length = gsm7_length(text)
    assert length is not None, f"{key}/{language} is not GSM-7: {text!r}"
    assert length <= 160, f"{key}/{language} needs {length} septets"


def test_the_budget_script_measures_every_language() -> None:
    assert budget("nl").share_one == 1.0
    for language in OTHER_LANGUAGES:
        measured = budget(language)
        assert measured.texts >= len([key for key in CORE_KEYS if key in sms_keys()])
        assert 1.0 <= measured.average < 3.0, language


FAKE: Mapping[str, Mapping[str, object]] = {
    "only_dutch": {"nl": "Hallo {name}"},
    "dutch_and_english": {"nl": "Hoi", "en": "Hi"},
    "turkish_too": {"nl": "Ja", "en": "Yes", "tr": "Evet"},
}


def test_a_missing_text_falls_back_along_its_chain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogue, "entries", lambda: FAKE)
    assert catalogue.template("dutch_and_english", "tr") == "Hoi"  # tr -> nl
    assert catalogue.template("dutch_and_english", "ar") == "Hoi"
    assert catalogue.template("dutch_and_english", "pl") == "Hi"  # pl -> en
    assert catalogue.template("dutch_and_english", "uk") == "Hi"
    assert catalogue.source_language("dutch_and_english", "uk") == "en"
    assert catalogue.template("only_dutch", "uk") == "Hallo {name}"  # en missing too -> nl
    assert catalogue.template("turkish_too", "tr") == "Evet"
    assert catalogue.render("dutch_and_english", "pl") == "Hi"
    assert catalogue.message("only_dutch", "ar", {"name": "Fatima"}) == "Hallo Fatima"
    assert catalogue.own_text("dutch_and_english", "tr") is None


def test_unknown_key_or_language_raises() -> None:
    with pytest.raises(catalogue.MissingText):
        catalogue.template("no_such_key", "nl")
    with pytest.raises(catalogue.MissingText):
        catalogue.template("no_such_key", "uk")
    assert catalogue.render("menu", "de") == catalogue.render("menu", "nl")


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_golden_conversation_runs_in_every_language(language: str) -> None:
    """The golden conversations replayed in another language: nothing may raise (the words differ, so
    only the absence of errors is checked; tests/golden holds the Dutch and English words)."""
    import copy
    import json

    from tests.golden_runner import GOLDEN_DIR, run_case

    for path in sorted(GOLDEN_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            translated = copy.deepcopy(case)
            if translated.get("state"):
                translated["state"]["lang"] = language
            translated["language_hint"] = language
            run_case(translated)
