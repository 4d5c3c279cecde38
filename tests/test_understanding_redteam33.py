# Messages are kept whole and as typed (Turkish without dotted letters, Cyrillic letters).
"""Red-team round corpus33 (`tests/data/heldout33.jsonl`): held-out cases in the corpus format.

(Docstring completed after scoring.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.understanding.corpus import Case, load, score
from tests.redteam_support import (
    NOW,
    assert_case_reads,
    assert_heldout_set_whole,
    crisis_params,
)

HELDOUT = Path(__file__).parent / "data" / "heldout33.jsonl"
CASES = list(load(HELDOUT))
BATCH_SIZES = {"h33a-": 139, "h33b-": 132}

# Decided misses: id -> why it stays.
KNOWN_MISSES: dict[str, str] = {}


def test_the_set_is_new_whole_and_covers_every_context_language_and_channel() -> None:
    assert_heldout_set_whole(CASES, BATCH_SIZES, KNOWN_MISSES, __file__, HELDOUT)


@pytest.mark.parametrize("case", crisis_params(CASES, KNOWN_MISSES))
def test_each_case_reads_as_expected(case: Case) -> None:
    assert_case_reads(case, KNOWN_MISSES)


def test_the_score_and_no_false_alarm() -> None:
    result = score(CASES, NOW)
    assert result.passed == len(CASES) - len(KNOWN_MISSES)
    assert result.false_alarms == 0
