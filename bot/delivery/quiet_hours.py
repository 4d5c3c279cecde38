"""Quiet hours (contract): no scheduled message goes out in this local-time window.

The window is wall-clock time in VOORDEUR_TIMEZONE, so on the nights the clocks change it is an hour
shorter or longer in real time. `end_after` gives the instant the window ends, also when its end is a
local time that does not exist that night (skipped in March: the first instant after the jump) or exists
twice (October: the first occurrence ends it; the repeated hour is quiet again only if it falls inside).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
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
        """The first instant after `moment` when the window is over (`moment` itself if it is not in the
        window), in UTC. Always later than a `moment` inside the window, so a deferred message never
        comes due again while it is still quiet."""
        if not self.contains(moment):
            return moment.astimezone(UTC)
        after = moment.astimezone(UTC)
        first_day = moment.astimezone(self.zone).date()
        candidates = (
            instant
            for days in range(3)
            for instant in _instants_reaching(first_day + timedelta(days=days), self.end, self.zone)
            if instant > after and not self.contains(instant)
        )
        return min(candidates)


def _instants_reaching(day: date, wall: time, zone: ZoneInfo) -> list[datetime]:
    """The UTC instants at which the local clock reaches `wall` on `day`: one on most days, two when it
    exists twice (clocks back), and the moment of the jump when it does not exist (clocks forward)."""
    instants = []
    for fold in (0, 1):
        local = datetime.combine(day, wall, tzinfo=zone).replace(fold=fold)
        instant = local.astimezone(UTC)
        if instant.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
            instant = _jump(day, wall, zone)  # skipped: the clock passes `wall` when it jumps
        instants.append(instant)
    return sorted(set(instants))


def _jump(day: date, wall: time, zone: ZoneInfo) -> datetime:
    """The first instant at which the local clock reads `wall` or later, for a `wall` skipped on `day`."""
    naive = datetime.combine(day, wall)
    # fold=1 reads the skipped time with the offset after the jump (an instant before the jump); fold=0
    # with the offset before it (an instant after). The jump lies between; offsets change on whole seconds.
    low = int(naive.replace(tzinfo=zone, fold=1).timestamp())
    high = int(naive.replace(tzinfo=zone, fold=0).timestamp())
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, zone).replace(tzinfo=None) >= naive:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, UTC)
