"""Clocks. Production reads the wall clock; the demo's clock can be moved forward from the simulator page,
so a reminder due tomorrow can be watched today. Every part of the runtime asks the same clock."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from pathlib import Path


class AdjustableClock:
    """The wall clock plus an offset that only grows: time never runs backwards for stored rows.

    With `state_file` the offset survives a restart of the demo. Without it a restarted demo would read
    the wall clock again while rows fast-forwarded earlier (a meeting "tomorrow", its reminders) lie
    in its future: the page would show an earlier time than the conversations on it.
    """

    def __init__(self, state_file: Path | None = None) -> None:
        self.state_file = state_file
        self.offset = timedelta(0)
        if state_file is not None:
            with contextlib.suppress(OSError, ValueError):
                self.offset = max(timedelta(0), timedelta(seconds=float(state_file.read_text().strip())))

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, delta: timedelta) -> datetime:
        if delta < timedelta(0):
            raise ValueError("the clock only moves forward")
        self.offset += delta
        if self.state_file is not None:
            self.state_file.write_text(f"{self.offset.total_seconds():.0f}\n")
        return self()
