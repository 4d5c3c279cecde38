"""Pacing of outgoing sends, so each provider's rate limit is kept and not exceeded.

Providers refuse sends above their limits (Twilio: about 10 messages per second per sender number
for a Dutch number; Telegram: about 30 per second per bot and one per second per chat) with a 429.
A refused send is retried after a backoff, so nothing is lost, but the backlog then drains in bursts
and pauses. Instead the outbox sender asks this pacer for a slot before each send.

Two kinds of limit, both keyed by *who sends* (a From number, a bot), so several tenants with their
own credentials are paced apart and two adapters with the same sender share one limit:

- a rate (`Limit(key, per_second)`): a token bucket that holds one token, so sends are spaced at
  least 1/rate apart and never more than `per_second` go out in any second. The provider's own burst
  allowance then only absorbs timing jitter between here and there. A waiting send reserves its slot
  (the bucket goes into debt), so concurrent sends get consecutive slots without waking each other.
- a spacing after the previous send (`Limit(key, per_second, after_previous=True)`, Telegram's
  per-chat limit): the next send to that key starts 1/rate after the previous one *finished*, so
  however late the previous request reached the provider, the gap there is at least 1/rate.

The clock and the sleep are injected: the unit tests step a fake clock and never wait.

Across processes: with `shared` (storage/send_slots.py on PostgreSQL) the rate limits are reserved in
the database, so two workers together keep one number's limit. The per-chat spacing stays in the
process: one address has at most one send in flight in the whole deployment (the outbox claims only
the oldest unsent row of an address), so no other process can send to that chat meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

# Spacing entries are dropped once expired, when there are more than this many (one per chat).
_PRUNE_ABOVE = 4096


@dataclass(frozen=True, slots=True)
class Limit:
    """At most `per_second` sends for `key`; `after_previous`: counted from the end of the previous send."""

    key: str
    per_second: float
    after_previous: bool = False


class TokenBucket:
    """`rate` tokens per second, holding at most `burst`; a reservation may run into debt."""

    __slots__ = ("burst", "rate", "stamp", "tokens")

    def __init__(self, rate: float, burst: float, now: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.stamp = now

    def reserve(self, now: float) -> float:
        """Take one token; returns the seconds until it is really there (0: go now)."""
        self.tokens = min(self.burst, self.tokens + max(0.0, now - self.stamp) * self.rate)
        self.stamp = max(self.stamp, now)
        self.tokens -= 1.0
        return 0.0 if self.tokens >= 0.0 else -self.tokens / self.rate


class SharedReserver(Protocol):
    async def reserve(self, key: str, per_second: float) -> float: ...


class SendPacer:
    """Slots for sends under any number of limits; one pacer per process, shared by every adapter."""

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        shared: SharedReserver | None = None,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._shared = shared
        self._buckets: dict[str, TokenBucket] = {}
        self._free_at: dict[str, float] = {}  # spacing: when the key may send again (inf: a send is on)

    def spacing_wait(self, limits: Sequence[Limit], now: float) -> float:
        """Seconds until every spacing limit among `limits` allows a send (0: now)."""
        waits = [self._free_at.get(limit.key, -math.inf) - now for limit in limits if limit.after_previous]
        return max([0.0, *waits])

    def reserve(self, limits: Sequence[Limit], now: float) -> float:
        """Reserve a slot under every rate limit among `limits`; returns the seconds until it."""
        wait = 0.0
        for limit in limits:
            if limit.after_previous or limit.per_second <= 0:
                continue
            bucket = self._buckets.get(limit.key)
            if bucket is None:
                bucket = self._buckets[limit.key] = TokenBucket(limit.per_second, 1.0, now)
            wait = max(wait, bucket.reserve(now))
        return wait

    def hold(self, limits: Sequence[Limit]) -> None:
        """A send under these spacing limits starts: the next one waits until it finished."""
        for limit in limits:
            if limit.after_previous and limit.per_second > 0:
                self._free_at[limit.key] = math.inf

    def finished(self, limits: Sequence[Limit], now: float) -> None:
        """The send ended (whatever its outcome): spacing limits count from now."""
        for limit in limits:
            if limit.after_previous and limit.per_second > 0:
                self._free_at[limit.key] = now + 1.0 / limit.per_second
        if len(self._free_at) > _PRUNE_ABOVE:
            self._free_at = {key: at for key, at in self._free_at.items() if at > now}

    async def _reserve(self, limits: Sequence[Limit]) -> float:
        if self._shared is None:
            return self.reserve(limits, self._clock())
        waits = [
            await self._shared.reserve(limit.key, limit.per_second)
            for limit in limits
            if not limit.after_previous and limit.per_second > 0
        ]
        return max([0.0, *waits])

    @contextlib.asynccontextmanager
    async def slot(self, limits: Sequence[Limit]) -> AsyncIterator[None]:
        """Wait for a slot under `limits`, hold it while the body sends, then release it."""
        if not limits:
            yield
            return
        while (wait := self.spacing_wait(limits, self._clock())) > 0:
            await self._sleep(wait)
        self.hold(limits)
        try:
            wait = await self._reserve(limits)
            if wait > 0:
                await self._sleep(wait)
            yield
        finally:
            self.finished(limits, self._clock())
