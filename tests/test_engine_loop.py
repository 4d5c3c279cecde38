"""The engine's loop: kicked people are taken without a look at the table; a look still finds what no
kick announced (a wake, the idle poll), and an engine sharing people takes only its own."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest

from bot.runtime import Runtime
from storage import inbox
from tests.dbutil import inbound_rows, text_message


class _Looks:
    """Counts the engine's looks at the table (storage.inbox.people_with_pending)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        original = inbox.people_with_pending

        async def counted(*args: Any, **kwargs: Any) -> tuple[list[int], bool]:
            self.count += 1
            return await original(*args, **kwargs)

        monkeypatch.setattr(inbox, "people_with_pending", counted)


@asynccontextmanager
async def _running(
    runtime: Runtime, idle_poll: float, partitions: Any = None, **options: Any
) -> AsyncIterator[None]:
    task = asyncio.create_task(runtime.engine.run(idle_poll, partitions, **options))
    try:
        yield
    finally:
        runtime.engine.stop()
        await asyncio.wait_for(task, 10)


async def _until(check: Callable[[], Any], seconds: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not await _value(check()):
        assert asyncio.get_running_loop().time() < deadline, "not handled in time"
        await asyncio.sleep(0.01)


async def _value(result: Any) -> Any:
    return await result if inspect.isawaitable(result) else result


async def _handled(runtime: Runtime) -> int:
    return sum(row.processed_at is not None for row in await inbound_rows(runtime))


async def test_a_kicked_person_is_handled_without_a_look(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    looks = _Looks(monkeypatch)
    async with _running(runtime, idle_poll=60):
        await _until(lambda: looks.count == 1)  # the loop's first look, at its start
        for index, text in enumerate(["hallo", "Ria"]):
            stored = await runtime.engine.store(text_message(text, f"m{index}"))
            runtime.engine.kick(stored.person_id)
            await _until(lambda n=index + 1: _at_least(runtime, n))
    assert looks.count == 1


async def _at_least(runtime: Runtime, handled: int) -> bool:
    return await _handled(runtime) >= handled


async def test_a_wake_looks_for_what_no_kick_announced(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    looks = _Looks(monkeypatch)
    async with _running(runtime, idle_poll=60):
        await _until(lambda: looks.count == 1)
        await runtime.engine.store(text_message("hallo", "m1"))  # as another process would: no kick
        await asyncio.sleep(0.1)
        assert await _handled(runtime) == 0
        runtime.engine.wake()
        await _until(lambda: _at_least(runtime, 1))
    assert looks.count == 2


async def test_the_idle_poll_finds_a_message_nobody_announced(runtime: Runtime) -> None:
    async with _running(runtime, idle_poll=0.05):
        await runtime.engine.store(text_message("hallo", "m1"))
        await _until(lambda: _at_least(runtime, 1))


class _TwoPartitions:
    """An engine sharing people with another: it owns the even ones (people's ids modulo 2)."""

    count = 2
    owned = frozenset({0})

    def due(self) -> bool:
        return False

    async def close(self) -> None:
        return None


async def test_a_kicked_person_of_another_engine_is_left_to_it(runtime: Runtime) -> None:
    people = [
        await runtime.engine.store(text_message("hallo", f"m{i}", address=f"+3161234567{i}"))
        for i in range(2)
    ]
    async with _running(runtime, idle_poll=60, partitions=_TwoPartitions()):
        await asyncio.sleep(0.1)  # the first look took the even person
        for stored in people:
            runtime.engine.kick(stored.person_id)
        await asyncio.sleep(0.2)
    rows = {row.person_id: row.processed_at for row in await inbound_rows(runtime)}
    assert {person for person, at in rows.items() if at is not None} == {
        s.person_id for s in people if s.person_id % 2 == 0
    }
    assert len(rows) == 2


async def test_the_engine_leaves_its_own_process_notes_alone(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    wakes: list[None] = []
    monkeypatch.setattr(runtime.engine, "wake", lambda: wakes.append(None))
    runtime._wake_engine(inbox.notifier())  # the listener's callback
    assert wakes == []
    runtime._wake_engine("other-host:1234")
    runtime._wake_engine(None)  # listening (re)started: notes may have been lost
    assert len(wakes) == 2


async def test_looking_each_batch_still_takes_the_kicked(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's loop: every batch starts with a look (bot/engine.py `run`), kicked or not."""
    looks = _Looks(monkeypatch)
    async with _running(runtime, idle_poll=60, look_each_batch=True):
        await _until(lambda: looks.count == 1)
        stored = await runtime.engine.store(text_message("hallo", "m1"))
        runtime.engine.kick(stored.person_id)
        await _until(lambda: _at_least(runtime, 1))
    assert looks.count == 2


class _Unreachable(_TwoPartitions):
    """Partitions whose database does not answer: every refresh fails."""

    def __init__(self) -> None:
        self.refreshes = 0

    def due(self) -> bool:
        return True

    async def refresh(self) -> frozenset[int]:
        self.refreshes += 1
        raise ConnectionError("the database does not answer")


async def test_a_failing_round_waits_for_the_poll_before_the_next(runtime: Runtime) -> None:
    shares = _Unreachable()
    async with _running(runtime, idle_poll=0.1, partitions=shares):
        await asyncio.sleep(0.35)
    assert 1 <= shares.refreshes <= 5  # once a poll, not in a tight loop
