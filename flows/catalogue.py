"""The one text catalogue: every text a person can receive, in six languages side by side.

Flows name texts by key; the engine renders them in the person's language. Nothing else in the code
base holds a sentence for a person.

Dutch and English are complete (a test checks it). Turkish, Arabic, Polish and Ukrainian hold the core
path and as much more as has been translated; a key one of them lacks is rendered in the first language
of its fallback chain (`FALLBACKS`) that has it, so a person never gets an error, only a text in the
second-best language they are likely to read.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from string import Formatter

LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk")
DEFAULT_LANGUAGE = "nl"
# Babel locales for dates and day names in each language (Moroccan Arabic readers get standard Arabic).
LOCALES = {"nl": "nl_NL", "en": "en_GB", "tr": "tr_TR", "ar": "ar", "pl": "pl_PL", "uk": "uk_UA"}
# Where a missing text is looked for next, in order. Every chain ends in a complete language.
# - tr, ar -> nl: Turkish- and Moroccan-Dutch residents mostly grew up in or have lived long in the
#   Netherlands; they read Dutch more often than English (and their children read it to them).
# - pl, uk -> en: Polish labour migrants and Ukrainians who fled in 2022 are mostly recent arrivals who
#   learned English at school and little Dutch yet.
# - en -> nl: English is complete; the link only matters while a new key is being added.
FALLBACKS: Mapping[str, tuple[str, ...]] = {
    "nl": (),
    "en": ("nl",),
    "tr": ("nl", "en"),
    "ar": ("nl", "en"),
    "pl": ("en", "nl"),
    "uk": ("en", "nl"),
}
COMPLETE_LANGUAGES = ("nl", "en")
# The core path (issue 15 item 5): these texts exist in every language, not by fallback (a test checks
# it). An entry ending in "_" is a prefix; anything else is a whole key.
CORE_PATH = """
    welcome menu choice_ info stop_confirmed start_confirmed not_understood media_unsupported
    location_unsupported unsupported language_set error_generic repair_ stuck_staff_told voice_note
    lang_name_ written_in ask_name ask_name_again name_ ask_neighbourhood ask_neighbourhood_again
    neighbourhood_ postcode_invalid consent_ cat_ ask_ when_understood where_ urgency_ visibility_ summary_
    change_ nothing_to_cancel request_kept_onboarding night_check offer_read_back invite invite_ match_found
    match_cancelled no_match neighbour_fallback relay relay_ which_thread thread_ no_thread human_requested
    share_ numbers_shared number_unavailable meet_proposal meet_proposal_weekly meet_proposal_weekly_new_time
    meet_proposal_sent
    meet_agreed meet_agreed_weekly meet_reminder_ meet_check meet_thanks meet_not_happened meet_choice_fits
    meet_choice_counter meet_choice_new_time meet_choice_rematch meet_choice_stop meet_choice_leave
    meet_where meet_when meet_when_again care_checkin care_good care_okay care_heavy care_heavy_offers
    distress_offers care_offer_ care_thanks_ care_ask_intro care_respite care_callback_ok care_heavy_later
    crisis_ when_
""".split()  # noqa: SIM905 (a word list reads better as words)

# What `{service}` in a text becomes: the name of the front door the person wrote to. A deployment of
# several municipalities gives each tenant its own ("Voordeur Beekdal"); the engine passes it in.
DEFAULT_SERVICE = "Voordeur"
CATALOGUE_FILE = Path(__file__).with_name("texts.toml")


class MissingText(KeyError):
    """A flow asked for a key the catalogue does not have (in any language): a bug, caught by tests."""


@cache
def entries() -> Mapping[str, Mapping[str, object]]:
    with CATALOGUE_FILE.open("rb") as handle:
        return tomllib.load(handle)


def keys() -> list[str]:
    return sorted(entries())


def is_core(key: str) -> bool:
    """Whether `key` is on the core path, translated into every language."""
    return any(key.startswith(part) if part.endswith("_") else key == part for part in CORE_PATH)


def language_or_default(language: str | None) -> str:
    if language and language.lower()[:2] in LANGUAGES:
        return language.lower()[:2]
    return DEFAULT_LANGUAGE


def own_text(key: str, language: str) -> str | None:
    """The text as written in `language` itself, without falling back; None if not translated."""
    entry = entries().get(key)
    text = entry.get(language) if entry is not None else None
    return text if isinstance(text, str) else None


def source_language(key: str, language: str) -> str:
    """The language the text for `key` is actually shown in when `language` is asked for."""
    language = language_or_default(language)
    for candidate in (language, *FALLBACKS[language]):
        if own_text(key, candidate) is not None:
            return candidate
    raise MissingText(f"{key}/{language}")


def parameters(key: str, language: str) -> set[str]:
    """The {names} a text expects; used by the catalogue test."""
    return {name for _, name, _, _ in Formatter().parse(template(key, language)) if name}


def template(key: str, language: str) -> str:
    """The unrendered text in `language`, or in the first language of its fallback chain that has it."""
    text = own_text(key, source_language(key, language))
    assert text is not None  # source_language only returns a language that has the text
    return text


def render(
    key: str, language: str, params: Mapping[str, str] | None = None, *, service: str = DEFAULT_SERVICE
) -> str:
    """The text with its parameters, as written (also for fragments such as labels and list words).
    `{service}` is the front door's name (the person's tenant's), not a parameter a flow passes."""
    return template(key, language_or_default(language)).format_map({"service": service, **(params or {})})


def message(
    key: str, language: str, params: Mapping[str, str] | None = None, *, service: str = DEFAULT_SERVICE
) -> str:
    """A whole message as sent: it starts with a capital even when a parameter opens it ("je buur ...")."""
    return fill(template(key, language_or_default(language)), params, service=service)


def fill(text: str, params: Mapping[str, str] | None = None, *, service: str = DEFAULT_SERVICE) -> str:
    """A template (from `template`) made into a whole message, as `message` does: for a caller that
    sends one text to many people (the scheduler's set of reminders) and looks the template up once."""
    filled = text.format_map({"service": service, **(params or {})})
    return filled[:1].upper() + filled[1:]


def message_with_lead(
    key: str,
    language: str,
    params: Mapping[str, str] | None = None,
    *,
    lead: str | None = None,
    service: str = DEFAULT_SERVICE,
) -> str:
    """A whole message, with a lead text before it in the same message when the flow gave one."""
    text = message(key, language, params, service=service)
    if lead is None:
        return text
    return f"{message(lead, language, params, service=service)} {text}"


# SMS budgets. A segment holds 160 GSM-7 characters; one character outside GSM 03.38 (the Turkish
# dotless i, Polish ą ę ł, any Arabic or Cyrillic letter, curly quotes, emoji) makes the whole message
# UCS-2: 70 UTF-16 units. A message of several segments loses room to the joining header (153 and 67).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = frozenset("^{}\\[~]|€")


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


def sms_segments(text: str) -> int:
    """How many SMS segments `text` costs (GSM-7 if it can, else UCS-2)."""
    septets = gsm7_length(text)
    if septets is not None:
        return 1 if septets <= 160 else math.ceil(septets / 153)
    units = len(text.encode("utf-16-le")) // 2
    return 1 if units <= 70 else math.ceil(units / 67)
