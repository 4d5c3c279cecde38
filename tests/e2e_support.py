"""Helpers for tests/test_e2e.py: the real app under uvicorn between the provider emulators.

Everything talks HTTP over 127.0.0.1: the test posts webhooks to the app, the app sends through the
emulated Telegram and Twilio APIs, and Twilio's emulator posts signed status callbacks back to the app.
The database is read with a blocking SQLAlchemy engine from the test thread (the app runs in its own).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import httpx
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.orm import Session
from twilio.request_validator import RequestValidator

from bot.runtime import Runtime
from bot.web.app import create_app
from storage.db import sync_url
from storage.models import Identity, InboundMessage, OutboxMessage, Person
from tests.conftest import make_settings
from tests.emulators.server import ServerThread
from tests.emulators.telegram_api import TelegramEmulator
from tests.emulators.twilio_api import TwilioEmulator

T = TypeVar("T")

SMS_NUMBER = "+3197010000001"
WHATSAPP_NUMBER = "whatsapp:+3197010000002"
TELEGRAM_SECRET = "e2e-webhook-secret"
TELEGRAM_PATH = "/webhooks/telegram"
MESSAGES_PATH = "/webhooks/twilio/messages"
STATUS_PATH = "/webhooks/twilio/status"

# Settings of the contract (and our extensions) that must not leak from the developer's shell into a
# subprocess under test.
_LEAKY_PREFIXES = ("TELEGRAM_", "TWILIO_", "VOORDEUR_")
_LEAKY_NAMES = ("PUBLIC_BASE_URL", "DATABASE_URL")


def free_port() -> int:
    """A port nobody listens on right now (the kernel's pick); the caller binds it moments later."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for(predicate: Callable[[], T], timeout: float, what: str, interval: float = 0.02) -> T:
    """Poll until `predicate()` is truthy and return its value; AssertionError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


def twilio_signature(auth_token: str, url: str, form: Mapping[str, str]) -> str:
    return str(RequestValidator(auth_token).compute_signature(url, dict(form)))


def post_twilio(
    client: httpx.Client, app_url: str, public_base_url: str, auth_token: str, form: Mapping[str, str]
) -> httpx.Response:
    """POST an inbound-message webhook as Twilio does: form-encoded, signed over the public URL."""
    signature = twilio_signature(auth_token, public_base_url + MESSAGES_PATH, form)
    return client.post(app_url + MESSAGES_PATH, data=dict(form), headers={"X-Twilio-Signature": signature})


def post_telegram(client: httpx.Client, app_url: str, update: Mapping[str, Any]) -> httpx.Response:
    """POST an Update as Telegram does: JSON with the secret-token header."""
    return client.post(
        app_url + TELEGRAM_PATH,
        content=json.dumps(update),
        headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET},
    )


class Database:
    """Blocking read access to the app's database from the test thread."""

    def __init__(self, database_url: str) -> None:
        self.engine: Engine = create_engine(sync_url(database_url))

    def _all(self, query: Any) -> list[Any]:
        with Session(self.engine) as session:
            return list(session.scalars(query))

    def outbox(self, *where: Any) -> list[OutboxMessage]:
        return self._all(select(OutboxMessage).where(*where).order_by(OutboxMessage.id))

    def inbound(self, *where: Any) -> list[InboundMessage]:
        return self._all(select(InboundMessage).where(*where).order_by(InboundMessage.id))

    def identity(self, channel: str, address: str) -> Identity | None:
        found = self._all(select(Identity).where(Identity.channel == channel, Identity.address == address))
        return found[0] if found else None

    def wait_processed(self, provider_id: str, timeout: float = 5.0) -> InboundMessage:
        """Wait until the inbound message with this provider id has been through its flow step."""
        rows = wait_for(
            lambda: [r for r in self.inbound(InboundMessage.provider_id == provider_id) if r.processed_at],
            timeout,
            f"inbound {provider_id} to be processed",
        )
        return rows[0]

    def add_expiring_claim(self, address: str, seconds: float) -> tuple[int, int]:
        """An outbox row of another person that a sender claimed and whose claim expires in `seconds`
        (not due again for a day once expired). Returns (row id, identity id)."""
        now = datetime.now(UTC)
        with Session(self.engine) as session, session.begin():
            person = Person(created_at=now, last_active_at=now, language="nl")
            session.add(person)
            session.flush()
            identity = Identity(person_id=person.id, channel="sms", address=address, created_at=now)
            session.add(identity)
            session.flush()
            row = OutboxMessage(
                person_id=person.id,
                identity_id=identity.id,
                channel="sms",
                text_key="menu",
                body="held",
                choices=[],
                status="sending",
                attempts=1,
                created_at=now,
                first_attempt_at=now,
                next_attempt_at=now + timedelta(days=1),
                claimed_until=now + timedelta(seconds=seconds),
            )
            session.add(row)
            session.flush()
            return row.id, identity.id

    def waiting_on_lock(self, query_prefix: str) -> bool:
        """PostgreSQL: whether a session of this database waits for a lock in a query starting so."""
        statement = text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND query LIKE :prefix"
        )
        with self.engine.connect() as connection:
            return bool(connection.execute(statement, {"prefix": query_prefix + "%"}).scalar_one())

    def close(self) -> None:
        self.engine.dispose()


def channel_settings(
    telegram: TelegramEmulator,
    telegram_url: str,
    twilio: TwilioEmulator,
    twilio_url: str,
    public_base_url: str,
) -> dict[str, str]:
    """The contract's environment names for both emulators and the app's own public URL."""
    return {
        "TELEGRAM_BOT_TOKEN": telegram.token,
        "TELEGRAM_WEBHOOK_SECRET": TELEGRAM_SECRET,
        "TELEGRAM_API_BASE_URL": f"{telegram_url}/bot",
        "TWILIO_ACCOUNT_SID": twilio.account_sid,
        "TWILIO_AUTH_TOKEN": twilio.auth_token,
        "TWILIO_SMS_NUMBER": SMS_NUMBER,
        "TWILIO_WHATSAPP_NUMBER": WHATSAPP_NUMBER,
        "TWILIO_API_BASE_URL": twilio_url,
        "PUBLIC_BASE_URL": public_base_url,
    }


@dataclass
class Stack:
    """The app under uvicorn (in-process, with the outbox sender) wired to both emulators."""

    url: str
    telegram: TelegramEmulator
    twilio: TwilioEmulator
    client: httpx.Client
    db: Database

    def sms(self, form: Mapping[str, str]) -> httpx.Response:
        return post_twilio(self.client, self.url, self.url, self.twilio.auth_token, form)

    def telegram_update(self, update: Mapping[str, Any]) -> httpx.Response:
        return post_telegram(self.client, self.url, update)


@contextlib.contextmanager
def running_stack(
    database_url: str,
    telegram: tuple[TelegramEmulator, str],
    twilio: tuple[TwilioEmulator, str],
    **overrides: Any,
) -> Iterator[Stack]:
    """Start the real app on a free port; its own URL is PUBLIC_BASE_URL, so status callbacks validate.
    `overrides` are further settings by their environment names (e.g. VOORDEUR_QUIET_HOURS)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    settings = make_settings(
        database_url, **{**channel_settings(telegram[0], telegram[1], twilio[0], twilio[1], url), **overrides}
    )
    app = create_app(Runtime(settings), worker=True)
    server = ServerThread(app, port=port, lifespan="on")
    db = Database(database_url)
    try:
        server.start()
        with httpx.Client(timeout=10.0) as client:
            yield Stack(url=url, telegram=telegram[0], twilio=twilio[0], client=client, db=db)
    finally:
        server.stop()
        db.close()


# --- the real `voordeur serve` in a subprocess ------------------------------------------------------------


def clean_environment(**settings: str) -> dict[str, str]:
    """os.environ without any contract setting (nothing leaks from the shell), plus `settings`."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(_LEAKY_PREFIXES) and name not in _LEAKY_NAMES
    }
    env.update(settings)
    return env


def voordeur_command() -> list[str]:
    script = Path(sys.executable).with_name("voordeur")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "bot.cli"]


class ServeProcess:
    """`voordeur serve --port P` as a child process; output goes to a log file for failure messages."""

    def __init__(self, port: int, env: Mapping[str, str], cwd: Path, log_path: Path) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = log_path
        self._log = log_path.open("ab")
        self.process = subprocess.Popen(
            [*voordeur_command(), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=dict(env),
            cwd=cwd,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-4000:]

    def wait_healthy(self, timeout: float = 30.0) -> None:
        """Poll GET /healthz until it answers 200; fail early (with the log) if the process died."""
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise AssertionError(
                        f"voordeur exited with {self.process.returncode} during start-up:\n{self.output()}"
                    )
                with contextlib.suppress(httpx.TransportError):
                    if client.get(self.url + "/healthz").status_code == 200:
                        return
                time.sleep(0.05)
        raise AssertionError(f"voordeur not healthy within {timeout}s:\n{self.output()}")

    def wait(self, timeout: float) -> int:
        return self.process.wait(timeout)

    def terminate(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        """Kill this process (by its own pid) if it still runs, reap it and close the log."""
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(10)
        self._log.close()


Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def raw_tcp_server(handler: Handler) -> AsyncIterator[str]:
    """A raw TCP server running `handler` per connection; every connection is closed at the end."""
    writers: list[asyncio.StreamWriter] = []
    tasks: list[asyncio.Task[None]] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.append(writer)
        tasks.append(asyncio.current_task())  # type: ignore[arg-type]
        await handler(reader, writer)

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for writer in writers:
            writer.close()
        await server.wait_closed()
