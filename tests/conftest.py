"""Shared fixtures: every database test runs on SQLite and on PostgreSQL.

PostgreSQL: `VOORDEUR_TEST_POSTGRES_URL` is an admin URL (the Makefile sets it to the local server);
the run creates a fresh database, migrates it once and truncates it between tests, then drops it.
With `VOORDEUR_REQUIRE_POSTGRES=1` (CI) an unreachable server is an error, not a skip.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
import respx.mocks
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.delivery import sender as sender_module
from bot.runtime import Runtime
from bot.settings import Settings, load_settings
from storage import migrate
from storage.db import make_engine
from storage.models import Base
from tests.emulators.server import run_asgi
from tests.emulators.telegram_api import TelegramEmulator
from tests.emulators.twilio_api import TwilioEmulator

# PTB 22 warns on every RetryAfter unless time periods are timedeltas (bot/channels/telegram.py opts in too).
os.environ.setdefault("PTB_TIMEDELTA", "true")

# Provider calls go through httpx over bot/channels/http.py's aiohttp pool: respx patches that pool
# where it patches httpcore's, so `respx.mock` intercepts every provider call as before.
respx.mocks.HTTPCoreMocker.add_targets("bot.channels.http.AiohttpPool")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO.parent / "shared" / "fixtures"
POSTGRES_ADMIN_URL = os.environ.get("VOORDEUR_TEST_POSTGRES_URL", "")
REQUIRE_POSTGRES = os.environ.get("VOORDEUR_REQUIRE_POSTGRES") == "1"


def _postgres_reachable() -> bool:
    if not POSTGRES_ADMIN_URL:
        return False
    try:
        dsn = make_url(POSTGRES_ADMIN_URL).set(drivername="postgresql").render_as_string(False)
        with psycopg.connect(dsn, connect_timeout=3):
            return True
    except psycopg.Error:
        return False


POSTGRES = _postgres_reachable()
if REQUIRE_POSTGRES and not POSTGRES:
    raise pytest.UsageError(
        "VOORDEUR_REQUIRE_POSTGRES=1 but PostgreSQL at VOORDEUR_TEST_POSTGRES_URL is unreachable"
    )
BACKENDS = ["sqlite", "postgresql"] if POSTGRES else ["sqlite"]


@pytest.fixture(autouse=True)
def outcomes_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sends' outcomes are written at once, not after the sender's linger (bot/delivery/sender.py
    OUTCOME_LINGER): a lane's rows go one after the other in tests, and 20 ms each added a third to the
    end-to-end tests' time. tests/test_sender_born.py and tests/test_outbox_sender.py run senders
    with it."""
    monkeypatch.setattr(sender_module, "OUTCOME_LINGER", 0.0)


def fixture_json(*parts: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURES.joinpath(*parts).read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    migrate.upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this run, dropped at the end."""
    if not POSTGRES:
        pytest.skip("PostgreSQL not configured (VOORDEUR_TEST_POSTGRES_URL)")
    admin = make_url(POSTGRES_ADMIN_URL)
    name = f"voordeur_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin_dsn = admin.set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(admin_dsn, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = admin.set(drivername="postgresql+psycopg", database=name).render_as_string(False)
    migrate.upgrade(url)
    yield url
    with psycopg.connect(admin_dsn, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def truncate_postgres(url: str) -> None:
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    dsn = make_url(url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """A clean, migrated database: a copy of the migrated SQLite template, or a truncated PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "voordeur.db"
        shutil.copyfile(sqlite_template, path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("postgres_database")
    truncate_postgres(url)
    return url


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on the clean database, for tests of storage/ without a Runtime."""
    engine = make_engine(database_url)
    yield engine
    await engine.dispose()


class FixedClock:
    """Time is an input: tests move it by hand."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 23, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


def make_settings(database_url: str, **overrides: Any) -> Settings:
    """Settings for tests: nothing from the developer's `.env` or environment leaks in."""
    values: dict[str, Any] = {
        "DATABASE_URL": database_url,
        "VOORDEUR_QUIET_HOURS": "",
        "TELEGRAM_BOT_TOKEN": "",
        "TELEGRAM_WEBHOOK_SECRET": "",
        "TWILIO_ACCOUNT_SID": "",
        "TWILIO_AUTH_TOKEN": "",
        "TWILIO_SMS_NUMBER": "",
        "TWILIO_WHATSAPP_NUMBER": "",
        "PUBLIC_BASE_URL": "",
        "VOORDEUR_SIMULATOR": False,
    }
    values.update(overrides)
    return load_settings(_env_file=None, **values)


@pytest.fixture
async def runtime(database_url: str, clock: FixedClock) -> AsyncIterator[Runtime]:
    """A runtime with the simulator channel only, started without the sender loop (tests drive it)."""
    instance = Runtime(make_settings(database_url, VOORDEUR_SIMULATOR=True), clock=clock)
    yield instance
    await instance.close()


@pytest.fixture
def telegram_api() -> Iterator[tuple[TelegramEmulator, str]]:
    """The emulated Telegram Bot API on a local port (end-to-end tests): the emulator and its base URL."""
    emulator = TelegramEmulator()
    with run_asgi(emulator.app) as url:
        yield emulator, url


@pytest.fixture
def twilio_api() -> Iterator[tuple[TwilioEmulator, str]]:
    """The emulated Twilio REST API on a local port: the emulator and its base URL."""
    emulator = TwilioEmulator()
    with run_asgi(emulator.app) as url:
        yield emulator, url
