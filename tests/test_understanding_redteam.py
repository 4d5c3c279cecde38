"""The reader on the red-team set (`tests/data/understanding_redteam.jsonl`): messages written to break it,
not taken from the corpus, in every context and the six languages, with crises in indirect words and
look-alikes that must not fire ("ik ga dood van de verveling", "mijn telefoon is gevallen").

Scored with the corpus's rules and held to the same targets: at least 95 % of cases, every crisis with its
number, no false alarm.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from flows.understanding.corpus import Score, load, score

REDTEAM = Path(__file__).parent / "data" / "understanding_redteam.jsonl"
CORPUS = Path(__file__).parent / "data" / "understanding_dev.jsonl"
# The corpus test's fixed Wednesday afternoon.
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(scope="module")
def result() -> Score:
    return score(load(REDTEAM), NOW)


def test_the_set_is_not_the_corpus_and_covers_every_context_and_language() -> None:
    with CORPUS.open(encoding="utf-8") as handle:
        corpus = {(case["context"], case["text"].casefold()) for case in map(json.loads, handle)}
    cases = list(load(REDTEAM))
    assert not {(case.context, case.text.casefold()) for case in cases} & corpus
    assert len({case.id for case in cases}) == len(cases)
    contexts = {case.context for case in cases}
    assert contexts >= {
        "first_message",
        "name",
        "neighbourhood",
        "consent",
        "menu",
        "ask_category",
        "ask_when",
        "ask_urgency",
        "invitation",
        "checkin",
        "any_state",
    }
    assert {case.lang for case in cases} == {"nl", "en", "tr", "ar", "pl", "uk"}
    crises = [case for case in cases if case.expect.get("crisis")]
    lookalikes = [case for case in cases if case.expect.get("crisis") is False]
    assert len(crises) >= 60 and len(lookalikes) >= 40
    assert {case.lang for case in crises} == {"nl", "en", "tr", "ar", "pl", "uk"}


def test_at_least_95_percent_of_cases_are_understood(result: Score) -> None:
    failures = "\n".join(
        f"{case.id} [{case.context}] {case.text!r}: expected {dict(case.expect)}, read {reading}"
        for case, reading in result.failures
    )
    assert result.share >= 0.95, f"{result.report()}\n{failures}"


def test_every_crisis_is_recalled_with_the_right_number(result: Score) -> None:
    missed = [
        (case.id, case.text, reading.get("crisis"))
        for case, reading in result.failures
        if case.expect.get("crisis")
    ]
    assert result.crises_recalled == result.crises, missed


def test_no_look_alike_or_ordinary_message_sets_off_a_crisis(result: Score) -> None:
    alarms = [
        (case.id, case.text)
        for case, reading in result.failures
        if "crisis" in reading and not case.expect.get("crisis")
    ]
    assert result.false_alarms == 0, alarms
