"""How storage.db opens PostgreSQL connections: JIT compilation off (the engine's batch read made the
server compile for half a second a read of a few milliseconds), the URL's own `options` kept."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from sqlalchemy import make_url, text

from storage.db import make_engine, without_jit


def test_jit_is_turned_off_beside_the_urls_own_options() -> None:
    assert without_jit(make_url("postgresql+psycopg://u@h/db")) == "-c jit=off"
    given = make_url("postgresql+psycopg://u@h/db?options=-c%20work_mem%3D8MB")
    assert without_jit(given) == "-c work_mem=8MB -c jit=off"


async def test_a_postgresql_connection_runs_without_jit_and_with_the_urls_options(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's connection options")
    separator = "&" if "?" in database_url else "?"
    engine = make_engine(f"{database_url}{separator}options={quote('-c work_mem=8MB')}")
    try:
        async with engine.connect() as connection:
            assert await connection.scalar(text("SHOW jit")) == "off"
            assert await connection.scalar(text("SHOW work_mem")) == "8MB"
    finally:
        await engine.dispose()
