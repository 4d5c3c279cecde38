"""Which people this process's engine handles when several engines share a PostgreSQL database.

People are split into `count` partitions by id (id modulo count). A partition is owned by holding a
session-level advisory lock on it (`pg_try_advisory_lock`) on a connection kept for that purpose, so
one partition has one owner and one person's messages are handled in order by one process. Every
engine also holds a shared "member" lock, so each can see how many engines there are and keep a fair
share (count / members, rounded up): a new engine gets partitions as the others let theirs go, and
when an engine dies its connection closes, PostgreSQL drops its locks, and the others take its
partitions at their next refresh (every `REFRESH_SECONDS`).

Ownership is about sharing the work, not about safety: a batch still locks its people's rows
(storage/profile.start_many), so a partition that changes hands mid-batch makes the new owner wait,
never handle a message twice.
"""

from __future__ import annotations

import logging
import math
import os
import time

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = logging.getLogger("voordeur.partitions")

# The advisory locks' first key (int4): "voor" in ASCII, so an operator can find them in pg_locks.
NAMESPACE = 0x766F6F72
DEFAULT_COUNT = 16
REFRESH_SECONDS = 2.0

_JOIN = text("SELECT pg_advisory_lock_shared(:ns, :member)")
_MEMBERS = text(
    "SELECT count(DISTINCT pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
    " AND classid = :ns AND objid = :member AND objsubid = 2"
    # advisory locks belong to one database; other databases on the server have their own engines
    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
)
_TAKE = text("SELECT pg_try_advisory_lock(:ns, :partition)")
_GIVE = text("SELECT pg_advisory_unlock(:ns, :partition)")


class Partitions:
    def __init__(self, db: AsyncEngine, count: int = DEFAULT_COUNT) -> None:
        self._db = db
        self.count = count
        self.owned: frozenset[int] = frozenset()
        self._connection: AsyncConnection | None = None
        self._refreshed_at = -math.inf

    def due(self) -> bool:
        return time.monotonic() - self._refreshed_at >= REFRESH_SECONDS

    async def refresh(self) -> frozenset[int]:
        """Join if not a member yet, then hold a fair share of the partitions. On any database error
        this engine owns nothing (it handles nobody) until a later refresh succeeds."""
        self._refreshed_at = time.monotonic()
        try:
            connection = await self._connect()
            members = int((await connection.execute(_MEMBERS, self._keys())).scalar_one())
            share = math.ceil(self.count / max(1, members))
            owned = set(self.owned)
            for partition in sorted(owned, reverse=True)[: max(0, len(owned) - share)]:
                await connection.execute(_GIVE, self._keys(partition))
                owned.discard(partition)
            # Start looking at a place of our own, so engines starting together do not all try the same.
            start = os.getpid() % self.count
            for step in range(self.count):
                if len(owned) >= share:
                    break
                partition = (start + step) % self.count
                if partition in owned:
                    continue
                if (await connection.execute(_TAKE, self._keys(partition))).scalar():
                    owned.add(partition)
        except Exception:
            log.warning("partition refresh failed: handling nobody until it works again", exc_info=True)
            await self.close()
            return self.owned
        if owned != self.owned:
            log.info("partitions owned", extra={"count": len(owned)})
        self.owned = frozenset(owned)
        return self.owned

    async def close(self) -> None:
        """Let go of every partition (shutdown, or a connection in doubt)."""
        self.owned = frozenset()
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                # Invalidated, not closed: closing would hand it back to the pool with its locks held.
                await connection.invalidate()
                await connection.close()
            except Exception:
                log.warning("partition connection did not close cleanly", exc_info=True)

    async def _connect(self) -> AsyncConnection:
        if self._connection is not None and not self._connection.invalidated:
            return self._connection
        await self.close()
        connection = await self._db.connect()
        connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
        await connection.execute(_JOIN, self._keys())
        self._connection = connection
        return connection

    def _keys(self, partition: int | None = None) -> dict[str, int]:
        keys = {"ns": NAMESPACE, "member": self.count}
        if partition is not None:
            keys["partition"] = partition
        return keys
