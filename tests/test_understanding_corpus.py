"""The reader on the understanding corpus (`../shared/understanding/dev.jsonl`, copied to tests/data so a
clean clone has it) and on the red-team set (`understanding_redteam.jsonl`: messages written to break the
reader, not taken from the corpus), scored as the corpus README says: every expected key with its value
and nothing more.

Targets of issue 15: at least 95 % of cases, every crisis recalled with the right number, no look-alike
firing. The same abilities are judged on messages this corpus does not hold; the tests of each reader
(tests/test_understanding_*.py) hold paraphrases that are not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from flows.understanding.corpus import Score, load, score

CORPUS = Path(__file__).parent / "data" / "understanding_dev.jsonl"
REDTEAM = Path(__file__).parent / "data" / "understanding_redteam.jsonl"
# 221 cases the lead wrote while the readers were built and no helper saw: a held-out check, now kept.
LEAD = Path(__file__).parent / "data" / "understanding_lead.jsonl"
# 300 cases a helper wrote blind (without reading the readers or the other sets), in every context and
# the six languages: held out at 282/300 (94.0 %), 41/43 crises, no false alarm; kept from now on.
REDTEAM3 = Path(__file__).parent / "data" / "understanding_redteam3.jsonl"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "understanding" / "dev.jsonl"
# A fixed Wednesday afternoon: relative times are read against it.
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(
    scope="module", params=[CORPUS, REDTEAM, LEAD, REDTEAM3], ids=["dev", "redteam", "lead", "redteam3"]
)
def result(request: pytest.FixtureRequest) -> Score:
    return score(load(request.param), NOW)


def test_the_copy_is_the_shared_corpus() -> None:
    if not SHARED.exists():
        pytest.skip("../shared is not beside this checkout")
    assert CORPUS.read_bytes() == SHARED.read_bytes(), "refresh tests/data/understanding_dev.jsonl"


def test_at_least_95_percent_of_cases_are_understood(result: Score) -> None:
    failures = "\n".join(
        f"{case.id} [{case.context}] {case.text!r}: expected {dict(case.expect)}, read {reading}"
        for case, reading in result.failures
    )
    print(result.report())
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


def test_the_command_line_prints_one_reading_per_case_in_order() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "understand", "--jsonl", str(CORPUS)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    ids = [case.id for case in load(CORPUS)]
    assert [line["id"] for line in lines] == ids
    first = next(line for line in lines if line["id"] == "dev-first-001")
    assert first["reading"]["intent"] == "ask"
