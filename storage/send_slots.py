"""Send pacing shared by every process on PostgreSQL: a row per sender key holds when its next send may
start (GCRA, a token bucket of one). One statement reserves a slot atomically, on the database's clock.

SQLite runs one process, so its pacing stays in memory (bot/delivery/pacing.py); Redis would do the same job
with one more service to run, back up and monitor, for a few statements a second per sender.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

# slot = max(next_at, now); next_at = slot + interval. Returns how long to wait for the slot.
_RESERVE = text(
    """
    INSERT INTO send_slots (key, next_at)
    VALUES (:key, extract(epoch from clock_timestamp()) + :interval)
    ON CONFLICT (key) DO UPDATE
    SET next_at = greatest(send_slots.next_at, extract(epoch from clock_timestamp())) + :interval
    RETURNING next_at - :interval - extract(epoch from clock_timestamp()) AS wait
    """
)


class SharedSlots:
    """Reserves rate-limit slots in PostgreSQL, for `bot.delivery.pacing.SendPacer(shared=...)`."""

    def __init__(self, engine: AsyncEngine) -> None:
        # One statement, atomic by itself: in autocommit it is one round trip per send instead of
        # BEGIN, the statement and COMMIT.
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")

    async def reserve(self, key: str, per_second: float) -> float:
        """Take the next slot for `key` at `per_second`; seconds until it (0: go now)."""
        async with self._engine.connect() as connection:
            wait = (
                await connection.execute(_RESERVE, {"key": key, "interval": 1.0 / per_second})
            ).scalar_one()
        return max(0.0, float(wait))
