"""The readers compile each phrase's regex at its first use (start-up was seconds of compiling): every
regex they hold must still compile, so that a bad phrase fails here rather than at a resident's
message."""

from __future__ import annotations

import gc
import re

from flows.understanding import warm_up
from flows.understanding.crisis import lexicon_of_crisis
from flows.understanding.crisis_phrases import PhraseSet
from flows.understanding.phrases import _Alternative


def _objects() -> list[object]:
    """Every object the collector tracks, those a `gc.freeze()` (bot/heap.py, run by earlier tests of
    the session) moved out of its sight included."""
    frozen = gc.get_freeze_count()
    gc.unfreeze()
    try:
        return gc.get_objects()
    finally:
        if frozen:
            gc.freeze()


def test_every_phrase_regex_compiles() -> None:
    warm_up()
    lexicon_of_crisis()
    objects = _objects()
    sets = [item for item in objects if isinstance(item, PhraseSet)]
    alternatives = [item for item in objects if isinstance(item, _Alternative)]
    assert len(sets) > 100 and len(alternatives) > 1_000
    compiled = 0
    for phrase_set in sets:
        if phrase_set.source is not None:
            assert isinstance(phrase_set.pattern, re.Pattern)
            compiled += 1
        for index in range(len(phrase_set.alternatives)):
            phrase_set._alternative(index)
            compiled += 1
    for alternative in alternatives:
        for regex in (alternative.whole, alternative.anywhere, alternative.spaced):
            assert regex is None or isinstance(regex, re.Pattern)
        compiled += 1
    assert compiled > 10_000
