"""The catalogue: complete in both languages, consistent parameters, SMS texts within one segment."""

from __future__ import annotations

import pytest

from flows import catalogue

# GSM 03.38 basic character set plus its extension table (extension characters cost two).
GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = set("^{}\\[~]|€")


def gsm7_length(text: str) -> int | None:
    """Septets needed, or None if the text forces UCS-2 (e.g. ë, ï, curly quotes, emoji)."""
    length = 0
    for character in text:
        if character in GSM7_BASIC:
            length += 1
        elif character in GSM7_EXTENDED:
            length += 2
        else:
            return None
    return length


def test_gsm7_length_knows_the_dutch_pitfalls() -> None:
    assert gsm7_length("Café ü ö é") == 10
    assert gsm7_length("ideeën") is None
    assert gsm7_length("“quote”") is None
    assert gsm7_length("€") == 2


@pytest.mark.parametrize("key", catalogue.keys())
def test_every_text_exists_in_both_languages_with_the_same_parameters(key: str) -> None:
    assert catalogue.parameters(key, "nl") == catalogue.parameters(key, "en")
    for language in catalogue.LANGUAGES:
        assert catalogue.template(key, language).strip()


SMS_KEYS = [key for key, entry in catalogue.entries().items() if entry.get("sms")]


@pytest.mark.parametrize("key", SMS_KEYS)
@pytest.mark.parametrize("language", catalogue.LANGUAGES)
def test_sms_texts_fit_one_gsm7_segment_with_the_menu(key: str, language: str) -> None:
    from bot.channels.render import numbered
    from flows.menu import MENU_CHOICES

    text = catalogue.template(key, language)
    # Texts that come with the menu are sent with its numbered choices: budget them together.
    menu = tuple((c.key, catalogue.render(c.label_key, language)) for c in MENU_CHOICES)
    with_menu = (
        numbered(text, menu) if key in {"welcome", "menu", "start_confirmed", "language_set"} else text
    )
    length = gsm7_length(with_menu)
    assert length is not None, f"{key}/{language} is not GSM-7: {with_menu!r}"
    assert length <= 160, f"{key}/{language} needs {length} septets"


def test_unknown_key_or_language_raises() -> None:
    with pytest.raises(catalogue.MissingText):
        catalogue.template("no_such_key", "nl")
    assert catalogue.render("menu", "de") == catalogue.render("menu", "nl")
