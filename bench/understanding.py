"""Reading speed: `flows.understanding.read` per message, as the bot meets it: each message new.

    .venv/bin/python -m bench.understanding [--runs 3] [--corpus tests/data/understanding_dev.jsonl]
        [--base DIR]

Each run is a fresh process that warms up as the bot does at start (`understanding.warm_up`) and then
reads every case of the corpus once, in its context, timing each call alone (thread CPU time and wall
time). Reading a message twice would hit the reader's small caches, which new messages do not, so no
message is repeated within a run. Over the runs, each message's fastest time counts (the others were
slowed by other processes on this shared machine); p50/p99/max are over messages. Target of issue 15:
p99 under 2 ms per message. `--base DIR` alternates each run with the code exported in DIR (`git archive
COMMIT | tar -x -C DIR`), same corpus and machine, and reports its figures under "base".
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.common import percentile, save

ROOT = Path(__file__).parents[1]
CORPUS = ROOT / "tests" / "data" / "understanding_dev.jsonl"
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


def one_run(corpus: Path) -> None:
    """In the child process: warm up, read each case once, print [[cpu_ms, wall_ms], ...]."""
    from flows.understanding import read, warm_up
    from flows.understanding.corpus import load

    warm_up()
    timings = []
    for case in load(corpus):
        hint = None if case.context in ("first_message", "any_state") else case.lang
        started, started_cpu = time.perf_counter_ns(), time.thread_time_ns()
        read(case.context, case.text, lang=hint, now=NOW)
        cpu_ms = (time.thread_time_ns() - started_cpu) / 1e6
        timings.append((cpu_ms, (time.perf_counter_ns() - started) / 1e6))
    print(json.dumps(timings))


def figures(values: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(percentile(values, 50), 3),
        "p99_ms": round(percentile(values, 99), 3),
        "max_ms": round(max(values), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--base", type=Path, default=None, help="alternate each run with the code in DIR")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        one_run(args.corpus)
        return
    trees = {"this": ROOT} if args.base is None else {"this": ROOT, "base": args.base.resolve()}
    runs: dict[str, list[list[list[float]]]] = {name: [] for name in trees}
    load_before = os.getloadavg()[0]
    child = [sys.executable, "-m", "bench.understanding", "--child", "--corpus", str(args.corpus.resolve())]
    for _ in range(args.runs):
        for name, tree in trees.items():
            done = subprocess.run(
                child,
                capture_output=True,
                text=True,
                check=True,
                cwd=tree,
                env={**os.environ, "PYTHONPATH": str(tree)},
            )
            runs[name].append(json.loads(done.stdout.splitlines()[-1]))
    result: dict[str, object] = {"runs": args.runs, "corpus": args.corpus.name}
    for name, done_runs in runs.items():
        cpu_best = [min(run[i][0] for run in done_runs) for i in range(len(done_runs[0]))]
        wall_best = [min(run[i][1] for run in done_runs) for i in range(len(done_runs[0]))]
        figured = {
            "messages": len(cpu_best),
            "cpu": figures(cpu_best),
            "wall": figures(wall_best),
            "cpu_first_run": figures([t[0] for t in done_runs[0]]),
        }
        if name == "this":
            result.update(figured)
        else:
            result["base"] = {"tree": str(args.base), **figured}
    result["load_average_before"] = round(load_before, 2)
    result["load_average_after"] = round(os.getloadavg()[0], 2)
    path = save("understanding", result)
    print(json.dumps(result, indent=1), "->", path)


if __name__ == "__main__":
    main()
