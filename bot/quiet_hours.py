"""Quiet hours (contract): no scheduled message goes out in this local-time window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True, slots=True)
class QuietHours:
    start: time
    end: time
    zone: ZoneInfo

    def contains(self, moment: datetime) -> bool:
        local = moment.astimezone(self.zone).time()
        if self.start <= self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def end_after(self, moment: datetime) -> datetime:
        """The first moment at or after `moment` when the window is over, in local wall-clock time."""
        local = moment.astimezone(self.zone)
        candidate = datetime.combine(local.date(), self.end, tzinfo=self.zone)
        if candidate <= local:
            candidate = datetime.combine(local.date() + timedelta(days=1), self.end, tzinfo=self.zone)
        return candidate
