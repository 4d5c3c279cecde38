"""The reader on the red-team set (`tests/data/understanding_redteam.jsonl`): messages written to break it,
not taken from the corpus, in every context and the six languages, with crises in indirect words and
look-alikes that must not fire ("ik ga dood van de verveling", "mijn telefoon is gevallen").

Its score, against the same targets as the corpus (at least 95 %, every crisis with its number, no false
alarm), is in tests/test_understanding_corpus.py; here: that the set is what it claims to be.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from flows.understanding import CONTEXTS
from flows.understanding.corpus import load

REDTEAM = Path(__file__).parent / "data" / "understanding_redteam.jsonl"
CORPUS = Path(__file__).parent / "data" / "understanding_dev.jsonl"
# The corpus test's fixed Wednesday afternoon.
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_the_set_is_not_the_corpus_and_covers_every_context_and_language() -> None:
    with CORPUS.open(encoding="utf-8") as handle:
        corpus = {(case["context"], case["text"].casefold()) for case in map(json.loads, handle)}
    cases = list(load(REDTEAM))
    assert not {(case.context, case.text.casefold()) for case in cases} & corpus
    assert len({case.id for case in cases}) == len(cases)
    assert {case.context for case in cases} == set(CONTEXTS)
    assert {case.lang for case in cases} == {"nl", "en", "tr", "ar", "pl", "uk"}
    crises = [case for case in cases if case.expect.get("crisis")]
    lookalikes = [case for case in cases if case.expect.get("crisis") is False]
    assert len(crises) >= 60 and len(lookalikes) >= 40
    assert {case.lang for case in crises} == {"nl", "en", "tr", "ar", "pl", "uk"}
