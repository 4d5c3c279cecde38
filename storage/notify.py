"""PostgreSQL LISTEN, kept alive: a NOTIFY is delivered only if its transaction commits, to every
process listening on the channel. Used to wake other processes' engines when messages are stored
(bot/engine.py) and to keep their volunteer indexes fresh (storage/matching_index.py)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from sqlalchemy.engine import Engine

log = logging.getLogger("voordeur.notify")


async def listen(engine: Engine, channel: str, on_note: Callable[[str | None], None]) -> None:
    """Call `on_note(payload)` for every notification on `channel` until cancelled. `on_note(None)`
    each time listening (re)starts: notifications sent while nobody listened are lost, so whatever
    they would have said must be assumed. A lost connection is retried every second."""
    import psycopg

    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    while True:
        try:
            async with await psycopg.AsyncConnection.connect(url, autocommit=True) as connection:
                await connection.execute(f"LISTEN {channel}")
                on_note(None)
                async for note in connection.notifies():
                    on_note(note.payload)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.warning("notifications lost, reconnecting", extra={"reason": channel}, exc_info=True)
            on_note(None)
            await asyncio.sleep(1.0)
