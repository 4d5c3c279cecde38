"""The one text catalogue: every text a person can receive, Dutch and English side by side.

Flows name texts by key; the engine renders them in the person's language. Nothing else in the code
base holds a sentence for a person.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from string import Formatter

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
# What `{service}` in a text becomes: the name of the front door the person wrote to. A deployment of
# several municipalities gives each tenant its own ("Voordeur Beekdal"); the engine passes it in.
DEFAULT_SERVICE = "Voordeur"
CATALOGUE_FILE = Path(__file__).with_name("texts.toml")


class MissingText(KeyError):
    """A flow asked for a key (or language) the catalogue does not have: a bug, caught by tests."""


@cache
def entries() -> Mapping[str, Mapping[str, object]]:
    with CATALOGUE_FILE.open("rb") as handle:
        return tomllib.load(handle)


def keys() -> list[str]:
    return sorted(entries())


def language_or_default(language: str | None) -> str:
    if language and language.lower()[:2] in LANGUAGES:
        return language.lower()[:2]
    return DEFAULT_LANGUAGE


def parameters(key: str, language: str) -> set[str]:
    """The {names} a text expects; used by the catalogue test."""
    return {name for _, name, _, _ in Formatter().parse(template(key, language)) if name}


def template(key: str, language: str) -> str:
    entry = entries().get(key)
    if entry is None or not isinstance(entry.get(language), str):
        raise MissingText(f"{key}/{language}")
    return str(entry[language])


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
    text = render(key, language, params, service=service)
    return text[:1].upper() + text[1:]


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
