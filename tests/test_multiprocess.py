"""Several real `voordeur` processes on one PostgreSQL database, between the provider emulators.

(a) Two `serve --no-worker` web processes get the same signed webhook (Twilio may retry to another
    instance behind the proxy): one inbound row, and one reply once a `worker` runs.
(b) Two `worker` processes drain one outbox of a few hundred rows: each message reaches the emulator once,
    one person's messages in order, and both workers take a share.
(c) Shutdown. SIGTERM while sending to a slow provider: the worker exits within a bound and leaves no row
    `sending`. kill -9 mid-send: once the claim's lease has run out, another worker settles the row by its
    own key: Twilio's status callback carrying the row's id (sent, not resent), no callback (Twilio never
    took it: sent again), Telegram (no way to ask: sent once more, a duplicate within the bound).

(d) Shared pacing: two workers together keep one Twilio number's rate (send_slots in PostgreSQL).
The whole fault scenario (2,000 messages, storms, kills) is tests/test_fault.py.

PostgreSQL only (SQLite is one process by design): the tests are parametrised on the postgresql backend
and skip when it is not configured. Every process runs with a clean environment in an empty directory,
every wait is bounded and every process is killed in a `finally`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from storage import outbox
from storage.db import make_engine, make_sessionmaker
from storage.models import Identity, InboundMessage, OutboxMessage, Person
from tests.conftest import fixture_json
from tests.e2e_support import (
    SMS_NUMBER,
    TELEGRAM_SECRET,
    WHATSAPP_NUMBER,
    Database,
    clean_environment,
    free_port,
    post_telegram,
    post_twilio,
    voordeur_command,
    wait_for,
)
from tests.emulators.server import run_asgi
from tests.emulators.telegram_api import TelegramEmulator
from tests.emulators.twilio_api import TwilioEmulator, TwilioFault

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.postgres,
    pytest.mark.parametrize("database_url", ["postgresql"], indirect=True),
]

# The origin Twilio and Telegram call: a reverse proxy in front of every web process.
PUBLIC_BASE_URL = "https://voordeur.test"
SMS_PERSON = "+31612345678"  # From of sms_inbound.json
TELEGRAM_CHAT = 5550001  # chat of message_text.json
# The bound the issue asks for: a stopping process is gone well before a supervisor's kill timeout.
SHUTDOWN_BOUND_SECONDS = 15.0
# How long to keep watching for a message that must not come (a worker polls the outbox every second).
QUIET_WATCH_SECONDS = 2.0

MEASURED: dict[str, list[float]] = {}


@pytest.fixture(scope="module", autouse=True)
def report_timings(request: pytest.FixtureRequest) -> Iterator[None]:
    """After the module: print what was measured (shutdown times, drain time), past output capturing."""
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None or not MEASURED:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        for name, values in MEASURED.items():
            reporter.write_line(f"multiprocess {name}: " + ", ".join(f"{value:.2f}" for value in values))


# --- processes ------------------------------------------------------------------------------------------


class Voordeur:
    """One `voordeur ...` child process in its own session; output to a log file (JSON lines)."""

    def __init__(self, name: str, args: list[str], env: Mapping[str, str], workdir: Path) -> None:
        self.name = name
        self.log_path = workdir.parent / f"{name}.log"
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [*voordeur_command(), *args],
            env=dict(env),
            cwd=workdir,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_records(self) -> list[dict[str, Any]]:
        records = []
        for line in self.output().splitlines():
            with contextlib.suppress(ValueError):
                record = json.loads(line)
                if isinstance(record, dict):
                    records.append(record)
        return records

    def wait_logged(self, message: str, timeout: float = 30.0) -> None:
        """Until a log record with this message appears; fail early (with the log) if the process died."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(record.get("message") == message for record in self.log_records()):
                return
            if self.process.poll() is not None:
                raise AssertionError(f"{self.name} exited with {self.process.returncode}:\n{self.tail()}")
            time.sleep(0.05)
        raise AssertionError(f"{self.name}: no {message!r} within {timeout}s:\n{self.tail()}")

    def wait_healthy(self, url: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise AssertionError(f"{self.name} exited with {self.process.returncode}:\n{self.tail()}")
                with contextlib.suppress(httpx.TransportError):
                    if client.get(url + "/healthz").status_code == 200:
                        return
                time.sleep(0.05)
        raise AssertionError(f"{self.name} not healthy within {timeout}s:\n{self.tail()}")

    def tail(self) -> str:
        return self.output()[-4000:]

    def sent_outbox_ids(self) -> list[int]:
        """Outbox rows this process sent (its `send` log records carry ids only)."""
        return [
            int(r["outbox_id"])
            for r in self.log_records()
            if r.get("message") == "send" and r.get("outcome") == "sent"
        ]

    def signal(self, signum: int) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signum)

    def wait(self, timeout: float) -> int:
        return self.process.wait(timeout)

    def kill(self) -> None:
        """Kill this process (by its own pid) if it still runs, reap it and close the log."""
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(10)
        self._log.close()


@contextlib.contextmanager
def processes() -> Iterator[list[Voordeur]]:
    started: list[Voordeur] = []
    try:
        yield started
    finally:
        for process in started:
            process.kill()


def twilio_env(database_url: str, twilio: TwilioEmulator, twilio_url: str, **extra: str) -> dict[str, str]:
    return clean_environment(
        DATABASE_URL=database_url,
        VOORDEUR_QUIET_HOURS="",
        VOORDEUR_LOG_FORMAT="json",
        VOORDEUR_LOG_LEVEL="debug",  # the sent_outbox_ids come from the per-send lines
        TWILIO_ACCOUNT_SID=twilio.account_sid,
        TWILIO_AUTH_TOKEN=twilio.auth_token,
        TWILIO_SMS_NUMBER=SMS_NUMBER,
        TWILIO_WHATSAPP_NUMBER=WHATSAPP_NUMBER,
        TWILIO_API_BASE_URL=twilio_url,
        PUBLIC_BASE_URL=PUBLIC_BASE_URL,
        **extra,
    )


def start_worker(name: str, env: Mapping[str, str], workdir: Path, running: list[Voordeur]) -> Voordeur:
    worker = Voordeur(name, ["worker"], env, workdir)
    running.append(worker)
    worker.wait_logged("runtime started")
    return worker


def start_web(name: str, env: Mapping[str, str], workdir: Path, running: list[Voordeur]) -> str:
    """A `serve --no-worker` process (behind the imagined proxy); its local URL once healthy."""
    port = free_port()
    web = Voordeur(name, ["serve", "--no-worker", "--port", str(port)], env, workdir)
    running.append(web)
    url = f"http://127.0.0.1:{port}"
    web.wait_healthy(url)
    return url


# --- fixtures --------------------------------------------------------------------------------------------


@pytest.fixture
def twilio_api() -> Iterator[tuple[TwilioEmulator, str]]:
    # A long graceful timeout: a delayed create still being served when the test ends must finish.
    emulator = TwilioEmulator()
    with run_asgi(emulator.app, graceful_timeout=15) as url:
        yield emulator, url


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """An empty working directory: no `.env` to pick up."""
    path = tmp_path / "cwd"
    path.mkdir()
    return path


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    try:
        yield database
    finally:
        database.close()


# --- database helpers ------------------------------------------------------------------------------------


def enqueue_sms(database_url: str, messages: list[tuple[str, str]]) -> list[int]:
    """Outbox rows (address, body) through storage.outbox.enqueue, one person per address, one commit."""
    return enqueue_rows(database_url, "sms", messages)


def enqueue_rows(database_url: str, channel: str, messages: list[tuple[str, str]]) -> list[int]:
    """Outbox rows (address, body) on `channel`, one person per address, one commit."""

    async def run() -> list[int]:
        engine = make_engine(database_url)
        sessions = make_sessionmaker(engine)
        now = datetime.now(UTC)
        try:
            async with sessions() as session, session.begin():
                identities: dict[str, Identity] = {}
                for address in dict.fromkeys(address for address, _ in messages):
                    person = Person(created_at=now, last_active_at=now, language="nl")
                    session.add(person)
                    await session.flush()
                    identity = Identity(person_id=person.id, channel=channel, address=address, created_at=now)
                    session.add(identity)
                    await session.flush()
                    identities[address] = identity
                rows = [
                    outbox.enqueue(
                        session,
                        person_id=identities[address].person_id,
                        identity_id=identities[address].id,
                        channel=channel,
                        text_key="menu",
                        body=body,
                        choices=[],
                        now=now,
                    )
                    for address, body in messages
                ]
                await session.flush()
                return [row.id for row in rows]
        finally:
            await engine.dispose()

    return asyncio.run(run())


def expire_claim(db: Database, row_id: int) -> None:
    """Move a claim's lease into the past: what 120 s (LEASE in bot/delivery/sender.py) of waiting
    would do."""
    with Session(db.engine) as session, session.begin():
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id, OutboxMessage.status == outbox.SENDING)
            .values(claimed_until=datetime.now(UTC) - timedelta(seconds=1))
        )


def statuses(db: Database) -> Counter[str]:
    return Counter(row.status for row in db.outbox())


def creates_to(twilio: TwilioEmulator, to: str) -> list[Any]:
    return [r for r in twilio.requests("Messages.create") if r.params.get("To") == to]


def wait_request_in_flight(twilio: TwilioEmulator, timeout: float = 10.0) -> None:
    """Until the emulator has started serving every scripted (delayed) create: the request has left."""
    wait_for(lambda: not twilio.pending_faults(), timeout, "the delayed create to reach the emulator")


def timed(what: str, action: Callable[[], int]) -> tuple[int, float]:
    started = time.monotonic()
    result = action()
    elapsed = time.monotonic() - started
    MEASURED.setdefault(what, []).append(elapsed)
    return result, elapsed


# --- (a) two web processes, one webhook --------------------------------------------------------------------


def test_same_webhook_to_two_web_processes_is_stored_once_and_answered_once(
    database_url: str,
    db: Database,
    telegram_api: tuple[TelegramEmulator, str],
    twilio_api: tuple[TwilioEmulator, str],
    workdir: Path,
) -> None:
    telegram, telegram_url = telegram_api
    twilio, twilio_url = twilio_api
    env = twilio_env(
        database_url,
        twilio,
        twilio_url,
        TELEGRAM_BOT_TOKEN=telegram.token,
        TELEGRAM_WEBHOOK_SECRET=TELEGRAM_SECRET,
        TELEGRAM_API_BASE_URL=f"{telegram_url}/bot",
    )
    sms = {key: str(value) for key, value in fixture_json("twilio", "sms_inbound.json").items()}
    update_ = fixture_json("telegram", "message_text.json")
    with processes() as running:
        webs = []
        for name in ("web1", "web2"):
            port = free_port()
            web = Voordeur(name, ["serve", "--no-worker", "--port", str(port)], env, workdir)
            running.append(web)
            webs.append((web, f"http://127.0.0.1:{port}"))
        for web, url in webs:
            web.wait_healthy(url)

        def deliver(url: str) -> tuple[int, int]:
            with httpx.Client(timeout=10.0) as client:
                first = post_twilio(client, url, PUBLIC_BASE_URL, twilio.auth_token, sms)
                second = post_telegram(client, url, update_)
                return first.status_code, second.status_code

        # At the same moment to both (a retry racing the original), then once more to each.
        barrier = threading.Barrier(2)

        def racing(url: str) -> tuple[int, int]:
            barrier.wait(5)
            return deliver(url)

        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(racing, [url for _, url in webs]))
        answers += [deliver(url) for _, url in webs]
        assert answers == [(200, 200)] * 4

        sms_row = db.wait_processed(sms["MessageSid"], timeout=10)
        telegram_row = db.wait_processed(str(update_["update_id"]), timeout=10)
        assert len(db.inbound(InboundMessage.provider_id == sms["MessageSid"])) == 1
        assert len(db.inbound(InboundMessage.provider_id == str(update_["update_id"]))) == 1
        # The web processes ran each message's flow step once and wrote its replies (however many
        # the flow has for a first message), but send nothing themselves.
        sms_replies = db.outbox(OutboxMessage.inbound_id == sms_row.id)
        telegram_replies = db.outbox(OutboxMessage.inbound_id == telegram_row.id)
        assert sms_replies and telegram_replies
        assert len(db.outbox()) == len(sms_replies) + len(telegram_replies)
        for replies in (sms_replies, telegram_replies):
            keys = [r.text_key for r in replies]
            assert len(set(keys)) == len(keys), f"a message was handled twice: {keys}"
        time.sleep(QUIET_WATCH_SECONDS)
        assert twilio.requests("Messages.create") == []
        assert telegram.requests("sendMessage") == []
        assert {r.status for r in db.outbox()} == {outbox.PENDING}

        start_worker("worker", env, workdir, running)
        twilio.wait_for_messages(len(sms_replies), to=SMS_PERSON, timeout=10)
        telegram.wait_for_messages(len(telegram_replies), chat_id=TELEGRAM_CHAT, timeout=10)
        time.sleep(QUIET_WATCH_SECONDS)
        sms_texts = twilio.sent_texts(SMS_PERSON)
        assert len(sms_texts) == len(sms_replies) == len(set(sms_texts))
        assert len(creates_to(twilio, SMS_PERSON)) == len(sms_replies)
        telegram_texts = telegram.sent_texts(TELEGRAM_CHAT)
        assert len(telegram_texts) == len(telegram_replies) == len(set(telegram_texts))
        assert len(db.inbound()) == 2
        assert {r.status for r in db.outbox()} == {outbox.SENT}
        MEASURED.setdefault("replies per first message (sms, telegram)", []).extend(
            [len(sms_replies), len(telegram_replies)]
        )


# --- (b) two workers, one outbox ---------------------------------------------------------------------------


def test_two_workers_drain_one_outbox_each_message_once_in_order(
    database_url: str, db: Database, twilio_api: tuple[TwilioEmulator, str], workdir: Path
) -> None:
    twilio, twilio_url = twilio_api
    env = twilio_env(database_url, twilio, twilio_url)
    people, per_person = 100, 3
    messages = [
        (f"+3161000{person:04d}", f"bericht {index} voor persoon {person}")
        for index in range(per_person)
        for person in range(people)
    ]
    total = len(messages)
    # Every create takes a moment, as a real provider's does: one worker alone would need over 3 s.
    twilio.delay_next(0.2, n=total)
    with processes() as running:
        workers = [start_worker(name, env, workdir, running) for name in ("worker1", "worker2")]
        ids = enqueue_sms(database_url, messages)
        started = time.monotonic()
        twilio.wait_for_messages(total, timeout=60)
        drained = time.monotonic() - started
        MEASURED.setdefault(f"drain {total} rows, 0.2 s per create, 2 workers (s)", []).append(drained)
        time.sleep(QUIET_WATCH_SECONDS)

        sent = Counter(twilio.sent_texts())
        assert sent == Counter(body for _, body in messages), "each body exactly once, nothing else"
        for person in range(people):
            address = f"+3161000{person:04d}"
            assert twilio.sent_texts(address) == [f"bericht {i} voor persoon {person}" for i in range(3)]
        rows = db.outbox()
        assert [r.id for r in rows] == ids
        assert {(r.status, r.attempts) for r in rows} == {(outbox.SENT, 1)}
        assert len({r.provider_id for r in rows}) == total

        shares = [worker.sent_outbox_ids() for worker in workers]
        MEASURED.setdefault("rows sent per worker", []).extend(len(share) for share in shares)
        assert sorted(shares[0] + shares[1]) == ids
        assert not set(shares[0]) & set(shares[1])
        assert all(shares), f"both workers should take a share: {[len(s) for s in shares]}"


# --- (c) graceful shutdown and kill -9 ---------------------------------------------------------------------


def test_sigterm_while_sending_to_a_slow_provider_finishes_and_exits_in_time(
    database_url: str, db: Database, twilio_api: tuple[TwilioEmulator, str], workdir: Path
) -> None:
    """40 rows claimed in one round, every create answered after 2 s (16 at a time): SIGTERM in the middle
    of the first wave. The worker finishes what it holds, records it, and exits 0 within the bound."""
    twilio, twilio_url = twilio_api
    env = twilio_env(database_url, twilio, twilio_url)
    messages = [(f"+3162000{person:04d}", f"rustig aan {person}") for person in range(40)]
    twilio.delay_next(2.0, n=len(messages))
    with processes() as running:
        worker = start_worker("worker", env, workdir, running)
        enqueue_sms(database_url, messages)
        wait_for(lambda: len(twilio.pending_faults()) <= len(messages) - 16, 10, "the first wave to leave")
        worker.signal(signal.SIGTERM)
        code, elapsed = timed("SIGTERM exit, 40 slow sends in hand (s)", lambda: worker.wait(30))
        assert code == 0, worker.tail()
        assert elapsed < SHUTDOWN_BOUND_SECONDS, elapsed
        assert any(r.get("message") == "runtime stopped" for r in worker.log_records())

        assert statuses(db)[outbox.SENDING] == 0, statuses(db)
        sent_rows = [r for r in db.outbox() if r.status == outbox.SENT]
        # Whatever was not sent went back to the queue, and the next worker sends it; nothing twice.
        start_worker("worker2", env, workdir, running)
        twilio.wait_for_messages(len(messages), timeout=30)
        time.sleep(QUIET_WATCH_SECONDS)
        assert Counter(twilio.sent_texts()) == Counter(body for _, body in messages)
        assert statuses(db) == Counter({outbox.SENT: len(messages)})
        MEASURED.setdefault("rows sent before exiting", []).append(len(sent_rows))


def test_sigterm_with_sends_outlasting_the_shutdown_timeout_releases_and_records_them(
    database_url: str, db: Database, twilio_api: tuple[TwilioEmulator, str], workdir: Path
) -> None:
    """20 rows claimed in one round, 16 sends in flight (the sender's concurrency) that take 12 s: longer
    than the shutdown timeout (10 s), shorter than the send timeout (15 s). The 4 others never started."""
    twilio, twilio_url = twilio_api
    env = twilio_env(database_url, twilio, twilio_url)
    messages = [(f"+3163000{person:04d}", f"traag bericht {person}") for person in range(20)]
    twilio.delay_next(12.0, n=16)
    with processes() as running:
        # Twilio's status callbacks (carrying each row's id) settle the sends that left.
        twilio.callbacks_to = (PUBLIC_BASE_URL, start_web("web", env, workdir, running))
        worker = start_worker("worker", env, workdir, running)
        ids = enqueue_sms(database_url, messages)
        wait_request_in_flight(twilio)
        worker.signal(signal.SIGTERM)
        code, elapsed = timed("SIGTERM exit, sends outlasting the timeout (s)", lambda: worker.wait(30))
        assert code == 0, worker.tail()
        assert elapsed < SHUTDOWN_BOUND_SECONDS, elapsed

        # The 16 requests that left are carried out by the provider (as Twilio would).
        delivered = twilio.wait_for_messages(16, timeout=15)
        delivered_bodies = {m["body"] for m in delivered}
        rows = db.outbox()
        assert statuses(db)[outbox.SENDING] == 0, statuses(db)
        for row in rows:
            if row.body in delivered_bodies:  # its request left: unknown, or settled by its callback
                assert row.needs_reconcile or row.status == outbox.SENT, (row.id, row.status)
            else:  # never handed to the provider: simply back in the queue
                assert (row.status, row.attempts) == (outbox.PENDING, 0), (row.id, row.status)

        start_worker("worker2", env, workdir, running)
        wait_for(lambda: statuses(db) == Counter({outbox.SENT: len(ids)}), 60, "every row sent")
        time.sleep(QUIET_WATCH_SECONDS)
        assert Counter(twilio.sent_texts()) == Counter(body for _, body in messages)


def kill_mid_send(first: Voordeur, db: Database, row_id: int) -> None:
    first.signal(signal.SIGKILL)
    assert first.wait(10) == -signal.SIGKILL
    (row,) = db.outbox(OutboxMessage.id == row_id)
    assert row.status == outbox.SENDING and row.claimed_until is not None


def test_kill_9_mid_send_is_settled_by_its_status_callback_without_a_duplicate(
    database_url: str, db: Database, twilio_api: tuple[TwilioEmulator, str], workdir: Path
) -> None:
    twilio, twilio_url = twilio_api
    env = twilio_env(database_url, twilio, twilio_url)
    address = "+31640000001"
    twilio.delay_next(1.5)
    with processes() as running:
        twilio.callbacks_to = (PUBLIC_BASE_URL, start_web("web", env, workdir, running))
        first = start_worker("worker1", env, workdir, running)
        (row_id,) = enqueue_sms(database_url, [(address, "net verstuurd")])
        wait_request_in_flight(twilio)
        kill_mid_send(first, db, row_id)
        # Twilio got the request before the process died, sends the message and calls back with the
        # row's id: the SID lands on the row though it is still `sending`.
        (message,) = twilio.wait_for_messages(1, to=address, timeout=10)
        wait_for(
            lambda: db.outbox(OutboxMessage.id == row_id)[0].provider_id == message["sid"],
            10,
            "the callback's SID on the row",
        )

        # Another worker leaves the claim alone while its lease lasts...
        second = start_worker("worker2", env, workdir, running)
        time.sleep(QUIET_WATCH_SECONDS)
        (row,) = db.outbox(OutboxMessage.id == row_id)
        assert row.status == outbox.SENDING
        assert len(creates_to(twilio, address)) == 1

        # ...and once it has run out, settles it by the confirmation tied to the row instead of resending.
        expire_claim(db, row_id)
        started = time.monotonic()
        wait_for(
            lambda: db.outbox(OutboxMessage.id == row_id)[0].status == outbox.SENT, 10, "the row settled"
        )
        MEASURED.setdefault("kill -9: settled after lease expiry (s)", []).append(time.monotonic() - started)
        time.sleep(QUIET_WATCH_SECONDS)
        (row,) = db.outbox(OutboxMessage.id == row_id)
        assert row.provider_id == message["sid"]
        assert twilio.sent_texts(address) == ["net verstuurd"]
        assert len(creates_to(twilio, address)) == 1
        assert twilio.requests("Messages.list") == [], "no look-up by body"
        assert any(r.get("message") == "unknown send confirmed by provider" for r in second.log_records())
        assert twilio.callback_failures == 0


def test_kill_9_mid_send_that_twilio_never_took_is_sent_again(
    database_url: str, db: Database, twilio_api: tuple[TwilioEmulator, str], workdir: Path
) -> None:
    """The request was in flight but Twilio refused it (a 500 nobody read): no callback, so no message;
    after the lease the row goes out again rather than being dropped as `outcome_unknown`."""
    twilio, twilio_url = twilio_api
    env = twilio_env(database_url, twilio, twilio_url)
    address = "+31640000002"
    twilio.plan(TwilioFault(status=500, delay=1.5))
    with processes() as running:
        twilio.callbacks_to = (PUBLIC_BASE_URL, start_web("web", env, workdir, running))
        first = start_worker("worker1", env, workdir, running)
        (row_id,) = enqueue_sms(database_url, [(address, "nog niet aangekomen")])
        wait_request_in_flight(twilio)
        kill_mid_send(first, db, row_id)
        time.sleep(2.0)
        assert twilio.sent_texts(address) == []
        start_worker("worker2", env, workdir, running)
        expire_claim(db, row_id)
        wait_for(lambda: db.outbox(OutboxMessage.id == row_id)[0].status == outbox.SENT, 10, "the row resent")
        time.sleep(QUIET_WATCH_SECONDS)
        assert twilio.sent_texts(address) == ["nog niet aangekomen"]
        assert len(creates_to(twilio, address)) == 2


def test_kill_9_mid_send_on_telegram_is_sent_once_more(
    database_url: str,
    db: Database,
    telegram_api: tuple[TelegramEmulator, str],
    workdir: Path,
) -> None:
    """Telegram cannot be asked: the reply in flight at the kill goes out again. The person may get it
    twice (here: the first request did arrive), never zero times."""
    telegram, telegram_url = telegram_api
    env = clean_environment(
        DATABASE_URL=database_url,
        VOORDEUR_QUIET_HOURS="",
        VOORDEUR_LOG_FORMAT="json",
        VOORDEUR_LOG_LEVEL="debug",  # the sent_outbox_ids come from the per-send lines
        TELEGRAM_BOT_TOKEN=telegram.token,
        TELEGRAM_WEBHOOK_SECRET=TELEGRAM_SECRET,
        TELEGRAM_API_BASE_URL=f"{telegram_url}/bot",
    )
    chat = "777001"
    telegram.delay_next(1.5, method="sendMessage")
    with processes() as running:
        first = start_worker("worker1", env, workdir, running)
        (row_id,) = enqueue_rows(database_url, "telegram", [(chat, "antwoord")])
        wait_for(lambda: not telegram.pending_faults(), 10, "the delayed send to reach the emulator")
        kill_mid_send(first, db, row_id)
        telegram.wait_for_messages(1, chat_id=chat, timeout=10)
        start_worker("worker2", env, workdir, running)
        expire_claim(db, row_id)
        wait_for(lambda: db.outbox(OutboxMessage.id == row_id)[0].status == outbox.SENT, 10, "the row resent")
        time.sleep(QUIET_WATCH_SECONDS)
        assert telegram.sent_texts(chat) == ["antwoord", "antwoord"]


# --- (d) shared pacing -------------------------------------------------------------------------------------


def most_within(times: list[float], seconds: float) -> int:
    """The largest number of events within any window of `seconds`."""
    times = sorted(times)
    most, start = 0, 0
    for end, at in enumerate(times):
        while at - times[start] >= seconds:
            start += 1
        most = max(most, end - start + 1)
    return most


def test_two_workers_together_keep_one_numbers_limit(
    database_url: str, db: Database, twilio_api: tuple[TwilioEmulator, str], workdir: Path
) -> None:
    """10 messages a second for the SMS number. Each worker claims up to 50 rows a round, so with 100
    rows both send at once: pacing per process would let 20 a second through."""
    twilio, twilio_url = twilio_api
    rate, count = 10, 100
    env = twilio_env(database_url, twilio, twilio_url, VOORDEUR_TWILIO_MPS=str(rate))
    messages = [(f"+3165000{person:04d}", f"bericht {person}") for person in range(count)]
    with processes() as running:
        first = start_worker("worker1", env, workdir, running)
        second = start_worker("worker2", env, workdir, running)
        enqueue_sms(database_url, messages)
        wait_for(lambda: statuses(db) == Counter({outbox.SENT: count}), 60, "every row sent")
        creates = [r for r in twilio.requests("Messages.create") if r.status == 201]
        assert len(creates) == count
        times = [r.received_at for r in creates]
        busiest = most_within(times, 2.0)
        span = max(times) - min(times)
        MEASURED.setdefault(
            f"shared pacing at {rate}/s: most in 1 s, in 2 s, span of {count} (s)", []
        ).extend([most_within(times, 1.0), busiest, span])
        # A slot every 0.1 s: 20 in two seconds, one more on the window's edge and a few for the jitter
        # of a busy machine between the slot and the emulator's clock; per-process pacing sends 40.
        assert busiest <= 2 * rate + 6, busiest
        assert span >= (count - 1) / rate - 1.0, span
        assert first.sent_outbox_ids() and second.sent_outbox_ids(), "both workers took a share"
