"""bot/heap.py: the garbage collector once startup is done."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from bot import heap


@pytest.fixture
def collector_restored() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.set_threshold(*thresholds)


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector frees it


def test_settle_keeps_startups_objects_out_of_collections_and_collects_less_often(
    collector_restored: None,
) -> None:
    before = gc.get_freeze_count()
    kept = [Node() for _ in range(100)]  # startup's objects, alive from here on
    heap.settle()
    assert gc.get_freeze_count() >= before + len(kept)
    assert gc.get_threshold() == heap.THRESHOLDS
    assert heap.THRESHOLDS[0] > 700, "fewer young collections than Python's default"


def test_a_cycle_made_after_settling_is_still_freed(collector_restored: None) -> None:
    heap.settle()
    later = Node()
    freed: list[bool] = []
    weakref.finalize(later, freed.append, True)
    del later
    gc.collect()
    assert freed == [True]
