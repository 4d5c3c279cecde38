"""Reading speed: `flows.understanding.read` per message, p50/p99/max, on the corpus's messages.

    .venv/bin/python -m bench.understanding [--rounds 20]

Every case of tests/data/understanding_dev.jsonl is read in its context, `--rounds` times, each call
timed alone with perf_counter_ns (the first round warms the caches and is not counted). Also the
conversation's own path: `flows.interpret.reading` is a small LRU cache, so the bench calls the
uncached `read`. Target of issue 15: p99 under 2 ms per message. Wall and thread CPU time are both
recorded: on a shared machine the wall figure includes waiting for a core.
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.common import percentile, save
from flows.understanding import read
from flows.understanding.corpus import load

CORPUS = Path(__file__).parents[1] / "tests" / "data" / "understanding_dev.jsonl"
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    cases = list(load(CORPUS))
    timings: list[float] = []
    cpu: list[float] = []
    for round_number in range(args.rounds + 1):
        for case in cases:
            hint = None if case.context in ("first_message", "any_state") else case.lang
            started, started_cpu = time.perf_counter_ns(), time.thread_time_ns()
            read(case.context, case.text, lang=hint, now=NOW)
            elapsed = (time.perf_counter_ns() - started) / 1e6
            if round_number:
                timings.append(elapsed)
                cpu.append((time.thread_time_ns() - started_cpu) / 1e6)
    # Wall time counts waiting for a busy core too; CPU time is the reader's own cost.
    figures = {
        "messages": len(timings),
        "p50_ms": round(percentile(timings, 50), 3),
        "p99_ms": round(percentile(timings, 99), 3),
        "max_ms": round(max(timings), 3),
        "cpu_p50_ms": round(percentile(cpu, 50), 3),
        "cpu_p99_ms": round(percentile(cpu, 99), 3),
        "load_average": round(os.getloadavg()[0], 2),
    }
    path = save("understanding", figures)
    print(figures, "->", path)


if __name__ == "__main__":
    main()
