"""Human words (nl, en) for stored codes: the console shows "Afspraak gemaakt", not `meet_agreed`.

The words are data (words.toml). A code without words, one added later somewhere else, is shown as its
group's word and the code with spaces ("Gebeurtenis: meet agreed"), readable though not polished.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("words.toml")


@cache
def words() -> Mapping[str, Mapping[str, Mapping[str, str]]]:
    with WORDS_FILE.open("rb") as handle:
        return tomllib.load(handle)


def word(group: str, code: str | None, language: str) -> str:
    if not code:
        return ""
    code = str(code)
    entry = words().get(group, {}).get(code)
    if entry is not None:
        return entry.get(language) or entry["nl"]
    # An alert kind written into the audit log as "resolve_<kind>" reads as "resolved an alert".
    if group == "audit" and code.startswith("resolve_"):
        return word(group, "resolve", language)
    unknown = words()["unknown"].get(group, {}).get(language, "")
    readable = code.replace("_", " ")
    return f"{unknown}: {readable}" if unknown else readable
