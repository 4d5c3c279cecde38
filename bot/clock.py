"""Clocks. Production reads the wall clock; the demo's clock can be moved forward from the simulator page,
so a reminder due tomorrow can be watched today. Every part of the runtime asks the same clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class AdjustableClock:
    """The wall clock plus an offset that only grows: time never runs backwards for stored rows."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, delta: timedelta) -> datetime:
        if delta < timedelta(0):
            raise ValueError("the clock only moves forward")
        self.offset += delta
        return self()
