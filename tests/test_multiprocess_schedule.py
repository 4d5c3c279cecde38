"""Two real `voordeur worker` processes on one PostgreSQL database run 3000 due scheduled events: each
exactly once. The events are `send_text`, whose handler writes an outbox row: a visible side effect that
a second run would duplicate (unlike an internal event, whose key would hide it). No channel is
configured, so the rows stay in the outbox to be counted.

PostgreSQL only (SQLite is one process by design); skipped when PostgreSQL is not configured.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from bot.effects.scheduling import SEND_TEXT
from storage.models import Identity, OutboxMessage, Person, ScheduledEvent
from tests.e2e_support import Database, clean_environment, wait_for
from tests.test_multiprocess import Voordeur, processes

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.postgres,
    pytest.mark.parametrize("database_url", ["postgresql"], indirect=True),
]

EVENTS = 3000
PEOPLE = 300
# Small batches and fast ticks: the two workers claim all the time, so their claims really do race.
BATCH = 20
TICK = 0.05


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
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


def seed_due_events(db: Database) -> None:
    """PEOPLE people with an SMS number, EVENTS `send_text` events due now, numbered in their params."""
    now = datetime.now(UTC)
    with Session(db.engine) as session, session.begin():
        people = [Person(created_at=now, last_active_at=now, language="nl") for _ in range(PEOPLE)]
        session.add_all(people)
        session.flush()
        session.add_all(
            Identity(person_id=p.id, channel="sms", address=f"+316{p.id:08d}", created_at=now) for p in people
        )
        session.execute(
            insert(ScheduledEvent),
            [
                {
                    "kind": SEND_TEXT,
                    "due_at": now,
                    "person_id": people[n % PEOPLE].id,
                    "payload": {"text_key": "menu", "params": {"n": str(n)}},
                    "status": "pending",
                    "claims": 0,
                    "created_at": now,
                }
                for n in range(EVENTS)
            ],
        )


def events_done(db: Database) -> int:
    with Session(db.engine) as session:
        query = select(func.count()).select_from(ScheduledEvent).where(ScheduledEvent.status == "done")
        return int(session.execute(query).scalar_one())


def run_counts(worker: Voordeur) -> list[int]:
    return [int(r["count"]) for r in worker.log_records() if r.get("message") == "scheduled events run"]


def test_two_workers_run_3000_due_events_exactly_once(database_url: str, db: Database, workdir: Path) -> None:
    env = clean_environment(
        DATABASE_URL=database_url,
        VOORDEUR_QUIET_HOURS="",
        VOORDEUR_LOG_FORMAT="json",
        VOORDEUR_SCHEDULER_BATCH=str(BATCH),
        VOORDEUR_SCHEDULER_TICK=str(TICK),
    )
    # A backlog (as after downtime), then both workers at once: their first ticks race for the same rows.
    seed_due_events(db)
    with processes() as running:
        workers = [Voordeur(name, ["worker"], env, workdir) for name in ("worker1", "worker2")]
        running.extend(workers)
        wait_for(lambda: events_done(db) == EVENTS, 180, "every event done", interval=0.5)
        for worker in workers:
            assert worker.process.poll() is None, worker.tail()
        shares = [sum(run_counts(worker)) for worker in workers]

    rows = db.outbox()
    numbers = Counter((row.params or {}).get("n") for row in rows)
    assert len(rows) == EVENTS, f"{len(rows) - EVENTS} extra outbox rows"
    assert set(numbers) == {str(n) for n in range(EVENTS)}
    assert max(numbers.values()) == 1, [n for n, times in numbers.items() if times > 1][:10]
    assert {(row.text_key, row.scheduled, row.status) for row in rows} == {("menu", True, "pending")}
    with Session(db.engine) as session:
        finished = session.execute(
            select(ScheduledEvent.status, ScheduledEvent.claims, ScheduledEvent.reason)
        )
        assert Counter(finished.tuples()) == Counter({("done", 1, "enqueued"): EVENTS})
    # Each worker claimed a share; together exactly all.
    assert sum(shares) == EVENTS, shares
    assert all(shares), f"both workers should take a share: {shares}"
    # Each person's messages are theirs: one row per event for that event's person.
    per_person = Counter(row.person_id for row in rows)
    assert set(per_person.values()) == {EVENTS // PEOPLE}
    assert all(row.identity_id for row in rows)
    assert not any(isinstance(row, OutboxMessage) and row.channel != "sms" for row in rows)
