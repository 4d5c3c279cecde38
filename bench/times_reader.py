"""How long the time reader takes per message: `python -m bench.times_reader [corpus.jsonl]`.

Every text of the corpus is read by read_when, find_when and condition_time, seven times each; the
figure per text is the best of seven in thread CPU time, so a busy shared machine does not count (the
wall-clock p99 is printed too). Target (issue 15): p99 under 2 ms per message.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from flows.understanding.times import condition_time, find_when, read_when
from flows.when import AMSTERDAM

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "understanding" / "dev.jsonl"
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=AMSTERDAM)
READERS: dict[str, Callable[[str, str, datetime], object]] = {
    "read_when": read_when,
    "find_when": find_when,
    "condition_time": condition_time,
}


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000


def main(path: Path = CORPUS) -> None:
    texts = [
        (case["text"], case.get("lang") or "nl") for case in map(json.loads, path.open(encoding="utf-8"))
    ]
    for read in READERS.values():  # lexicons and patterns are built once, on first use
        for text, lang in texts:
            read(text, lang, NOW)
    gc.disable()
    for name, read in READERS.items():
        cpu: list[float] = []
        wall: list[float] = []
        for text, lang in texts:
            runs = []
            for _ in range(7):
                started, clock = time.thread_time(), time.perf_counter()
                read(text, lang, NOW)
                runs.append(time.thread_time() - started)
                wall.append(time.perf_counter() - clock)
            cpu.append(min(runs))
        print(
            f"{name}: {len(texts)} texts, p99 {_p99(cpu):.2f} ms CPU, max {max(cpu) * 1000:.2f} ms; "
            f"wall-clock p99 {_p99(wall):.2f} ms"
        )
    gc.enable()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
