"""Background tasks that are not lost: asyncio keeps only weak references to tasks, so whoever starts
one keeps it in a set until it ends."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any


def spawn(coro: Awaitable[Any], tasks: set[asyncio.Task[Any]]) -> asyncio.Task[Any]:
    """Start a background task and keep a reference in `tasks` until it ends."""
    task = asyncio.ensure_future(coro)
    tasks.add(task)
    task.add_done_callback(tasks.discard)
    return task
