"""Small helpers for tests that look into the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.channels.base import InboundMessage
from bot.runtime import Runtime
from flows.types import Event
from storage.models import Identity, OutboxMessage
from storage.models import InboundMessage as InboundRow


@contextmanager
def statements_starting(engine: AsyncEngine, prefix: str) -> Iterator[list[str]]:
    """The statements starting with `prefix` that the engine sends while the block runs."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith(prefix):
            seen.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def count(runtime: Runtime, model: Any, *where: Any) -> int:
    async with runtime.sessions() as session:
        return int(
            (await session.execute(select(func.count()).select_from(model).where(*where))).scalar_one()
        )


async def outbox_rows(runtime: Runtime, *where: Any) -> list[OutboxMessage]:
    async with runtime.sessions() as session:
        query = select(OutboxMessage).where(*where).order_by(OutboxMessage.id)
        return list((await session.execute(query)).scalars())


async def identity(runtime: Runtime, channel: str, address: str) -> Identity:
    async with runtime.sessions() as session:
        query = select(Identity).where(Identity.channel == channel, Identity.address == address)
        return (await session.execute(query)).scalar_one()


async def inbound_rows(runtime: Runtime) -> list[InboundRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(InboundRow).order_by(InboundRow.id))).scalars())


def text_message(
    text: str, provider_id: str, address: str = "+31612345678", channel: str = "simulator"
) -> InboundMessage:
    return InboundMessage(
        channel=channel,
        provider_id=provider_id,
        address=address,  # type: ignore[arg-type]
        event=Event(kind="text", text=text),
    )
