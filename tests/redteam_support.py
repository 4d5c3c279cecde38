"""What the held-out red-team rounds (tests/test_understanding_redteam4.py to 9) share: their rows as
corpus cases, the texts of earlier rounds a new set must not repeat, and the check of a paraphrase
family's reading."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from flows.understanding import read
from flows.understanding.corpus import Case, passes, reading_of

# The corpus test's fixed Wednesday afternoon.
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


def as_cases(rows: Iterable[tuple[str, str, str, str, str, dict[str, Any]]]) -> list[Case]:
    """(id, context, lang, channel, text, expect) rows in the corpus format, as cases."""
    return [
        Case(id=id_, context=context, lang=lang, channel=channel, text=text, expect=expect)
        for id_, context, lang, channel, text, expect in rows
    ]


def earlier_texts(*rounds: ModuleType) -> set[str]:
    """The texts (casefolded) of the corpus files in tests/data and of earlier rounds' modules: their
    `SET` rows (the text is the row's last but one field) if they have one, and their `FAMILIES`."""
    seen: set[str] = set()
    for path in (Path(__file__).parent / "data").glob("understanding_*.jsonl"):
        with path.open(encoding="utf-8") as handle:
            seen.update(json.loads(line)["text"].casefold() for line in handle if line.strip())
    for earlier in rounds:
        seen |= {text.casefold() for *_, text, _ in getattr(earlier, "SET", ())}
        seen |= {text.casefold() for _, text, _ in earlier.FAMILIES}
    return seen


def every_earlier_string(this_round: str) -> set[str]:
    """The texts (casefolded) of the corpus files in tests/data and every string literal of the other
    red-team modules (`this_round`: the asking module's `__file__`): wider than `earlier_texts`, for the
    crisis rounds, whose messages must be new against all wordings any round wrote down."""
    tests = Path(__file__).parent
    seen: set[str] = set()
    for path in (tests / "data").glob("understanding_*.jsonl"):
        with path.open(encoding="utf-8") as handle:
            seen.update(json.loads(line)["text"].casefold() for line in handle if line.strip())
    for path in tests.glob("test_understanding_redteam*.py"):
        if path.name != Path(this_round).name:
            for text in re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8")):
                seen.add(text.casefold())
    return seen


def assert_case_reads(case: Case, known: Mapping[str, str], *, known_stay_calm: bool = False) -> None:
    """A round's message reads as its row expects; one of `known` (id -> why) is an expected failure,
    and with `known_stay_calm` (the crisis rounds' look-alikes) it must still raise no crisis."""
    reading = reading_of(case, NOW)
    if case.id in known:
        if known_stay_calm:
            assert "crisis" not in reading, (case.text, reading)
        pytest.xfail(known[case.id])
    assert passes(case.expect, reading), (case.text, dict(case.expect), reading)


def assert_family_reads(context: str, text: str, holds: Mapping[str, object]) -> None:
    """A family's paraphrase read at `context` (its language found by the reader where the context lets
    any language in, else Dutch) holds each key's value (None: the reading must not have the key)."""
    lang = None if context in ("first_message", "any_state") else "nl"
    reading = read(context, text, lang=lang, now=NOW).to_corpus()
    for key, value in holds.items():
        assert reading.get(key) == value, (text, reading)
