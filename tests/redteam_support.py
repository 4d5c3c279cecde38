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
from flows.understanding.corpus import Case, passes, reading_of, score

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


# The shared understanding corpus beside the checkout (../shared), when it is there.
SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "understanding" / "dev.jsonl"
CRISIS_CONTEXTS = frozenset(
    {"first_message", "checkin", "any_state", "menu", "ask_when", "invitation", "name"}
)
LANGUAGES = frozenset({"nl", "en", "tr", "ar", "pl", "uk"})


def every_earlier_string(this_round: str) -> set[str]:
    """The texts (casefolded) of the corpus files in tests/data and the shared corpus, and every string
    literal of the other red-team modules (`this_round`: the asking module's `__file__`): wider than
    `earlier_texts`, for the crisis rounds, whose messages must be new against all wordings any round
    wrote down."""
    tests = Path(__file__).parent
    seen: set[str] = set()
    corpora = [
        *(tests / "data").glob("understanding_*.jsonl"),
        *([SHARED_CORPUS] if SHARED_CORPUS.exists() else []),
    ]
    for path in corpora:
        with path.open(encoding="utf-8") as handle:
            seen.update(json.loads(line)["text"].casefold() for line in handle if line.strip())
    for path in tests.glob("test_understanding_redteam*.py"):
        if path.name != Path(this_round).name:
            for text in re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8")):
                seen.add(text.casefold())
    return seen


def assert_new_crisis_set(
    cases: list[Case],
    this_round: str,
    *,
    total: int,
    crises: int,
    known: Mapping[str, str],
    kinds: frozenset[str] = frozenset({"113", "112", "veilig_thuis"}),
    lookalikes_in_every_language: bool = False,
) -> None:
    """A crisis round's set: new against every earlier wording, ids and texts unique, the counts its
    docstring gives, its crises of `kinds` in the six languages and the crisis contexts, and its known
    misses among its crises."""
    assert not {case.text.casefold() for case in cases} & every_earlier_string(this_round)
    assert len({case.id for case in cases}) == len(cases) == total
    assert len({case.text.casefold() for case in cases}) == len(cases)
    found = [case for case in cases if case.expect.get("crisis")]
    lookalikes = [case for case in cases if case.expect.get("crisis") is False]
    assert len(found) == crises and len(lookalikes) == len(cases) - crises
    assert {case.expect["crisis"] for case in found} == kinds
    assert {case.lang for case in found} == LANGUAGES
    if lookalikes_in_every_language:
        assert {case.lang for case in lookalikes} == LANGUAGES
    assert {case.context for case in found} >= CRISIS_CONTEXTS
    assert set(known) <= {case.id for case in found}


def crisis_params(cases: list[Case], known: Mapping[str, str]) -> list[Any]:
    """Each case as a pytest parameter; a known miss is a strict expected failure with its reason."""
    return [
        pytest.param(case, id=case.id, marks=pytest.mark.xfail(strict=True, reason=known[case.id]))
        if case.id in known
        else pytest.param(case, id=case.id)
        for case in cases
    ]


def assert_crisis_reads(case: Case) -> None:
    """A crisis round checks the crisis reading only: the crisis kind, or none for a look-alike."""
    reading = reading_of(case, NOW)
    assert reading.get("crisis") == (case.expect["crisis"] or None), (case.text, reading)


def assert_crisis_scores(cases: list[Case], crises: int, known: Mapping[str, str]) -> None:
    """Every crisis but the known misses recalled with the right kind, and no look-alike fires."""
    result = score(cases, NOW)
    assert result.crises == crises
    assert result.crises_recalled == crises - len(known)
    assert result.false_alarms == 0


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


def every_other_test_string(this_round: str, heldout: Path) -> set[str]:
    """`every_earlier_string`, the other held-out sets (tests/data/heldout*.jsonl) and the string
    literals of every other test module: what a new held-out corpus round must not repeat."""
    from flows.understanding.corpus import load

    seen = every_earlier_string(this_round)
    tests = Path(this_round).parent
    for path in tests.glob("test_*.py"):
        if path.name != Path(this_round).name:
            seen.update(
                text.casefold() for text in re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text("utf-8"))
            )
    for path in (tests / "data").glob("heldout*.jsonl"):
        if path != heldout:
            seen.update(case.text.casefold() for case in load(path))
    return seen


def assert_heldout_set_whole(
    cases: list[Case],
    batch_sizes: Mapping[str, int],
    known: Mapping[str, str],
    this_round: str,
    heldout: Path,
) -> None:
    """A held-out corpus round (rounds 29, 31): new, each id and text once, each batch its size and over
    every context, language and channel, with conditions and calm look-alikes, its known misses in it."""
    from flows.understanding import CONTEXTS

    assert not {case.text.casefold() for case in cases} & every_other_test_string(this_round, heldout)
    assert len({case.id for case in cases}) == len(cases) == sum(batch_sizes.values())
    assert len({case.text.casefold() for case in cases}) == len(cases)
    for prefix, size in batch_sizes.items():
        batch = [case for case in cases if case.id.startswith(prefix)]
        assert len(batch) == size
        assert {case.context for case in batch} == set(CONTEXTS)
        assert {case.lang for case in batch} == LANGUAGES
        assert {case.channel for case in batch} == {"sms", "whatsapp", "telegram"}
    invitations = [case for case in cases if case.context == "invitation"]
    assert any("condition" in case.expect for case in invitations)
    assert any("condition" not in case.expect for case in invitations)
    assert any(case.expect.get("distress") for case in cases if case.context == "checkin")
    assert any(case.expect.get("crisis") is False for case in cases)
    assert set(known) <= {case.id for case in cases}
