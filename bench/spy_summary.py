"""Summarise a py-spy `--format raw` profile: where the busy samples of each thread went, by package.

    .venv/bin/python -m bench.spy_summary PROFILE.txt

Idle frames (the event loop's epoll wait, aiosqlite's worker waiting for its queue, thread waits) are
taken out first: py-spy's own idle detection does not work in this VM, so they show as samples.
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

IDLE = (
    "EpollSelector.select",
    "_connection_worker_thread (aiosqlite/core.py:59)",
    "Condition.wait",
    "wait_quiet",
    "busy_cores",
    "Event.wait",
    "SimpleQueue.get",
    "Queue.get",
    "KqueueSelector.select",
)


def package_of(frame: str) -> str:
    """The top-level package of a frame's file: `sqlalchemy`, `aiosqlite`, `asyncio`, `bot`, ..."""
    match = re.search(r"\(([^()]*):\d+\)$", frame)
    if not match:
        return "(native or thread root)"
    path = match.group(1)
    if "site-packages/" in path:
        path = path.split("site-packages/")[1]
    path = path.replace("/work/main/", "")
    if "/" in path:
        return path.split("/")[0]
    return "stdlib:" + path


def main() -> None:
    threads: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    app_inclusive: collections.Counter[str] = collections.Counter()
    idle = busy = 0
    lines = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
    for line in lines:
        stack, _, count = line.rstrip("\n").rpartition(" ")
        n = int(count)
        frames = stack.split(";")
        if any(marker in frames[-1] for marker in IDLE) or any("wait_quiet" in f for f in frames):
            idle += n
            continue
        busy += n
        thread = re.sub(r"\(\d+\)", "", frames[0]).strip()
        threads[thread][package_of(frames[-1])] += n
        for frame in set(frames):
            if re.search(r"\((bot|flows|storage)/", frame):
                app_inclusive[re.sub(r":\d+\)$", ")", frame)] += n
    print(f"samples: busy {busy}, idle {idle}")
    for thread, counter in threads.items():
        total = sum(counter.values())
        print(f"\n{thread}: {total} busy samples ({100 * total / max(busy, 1):.0f}% of busy)")
        for name, n in counter.most_common(14):
            print(f"  {100 * n / total:5.1f}%  {name}")
    print("\napp functions, inclusive share of all busy samples:")
    for name, n in sorted(app_inclusive.items(), key=lambda kv: -kv[1])[:30]:
        print(f"  {100 * n / max(busy, 1):5.1f}%  {name}")


if __name__ == "__main__":
    main()
