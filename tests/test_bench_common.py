"""bench.common's PostgreSQL CPU reading: monotone across backends that come and go.

Before, the reading summed live server processes only, so a backend that did work and exited took its
CPU out of the sum and a phase's delta came out negative. Here 20 connections each run a CPU-heavy
query and close; the reading must never go down and must grow by at least the CPU those backends
were seen to use (other work on a shared server can only add to it).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from bench.common import CLK_TCK, other_databases_cpu, postgres_backend_cpu, postgres_cpu_seconds
from tests.conftest import POSTGRES, POSTGRES_ADMIN_URL

pytestmark = pytest.mark.postgres

HEAVY = "SELECT sum(i::bigint * i % 7) FROM generate_series(1, 1500000) AS i"


def _dsn() -> str:
    if not POSTGRES:
        pytest.skip("PostgreSQL is not configured")
    return make_url(POSTGRES_ADMIN_URL).set(drivername="postgresql").render_as_string(False)


def _process_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def test_the_reading_never_drops_when_busy_backends_exit() -> None:
    dsn = _dsn()
    with psycopg.connect(dsn) as probe:
        pid = probe.execute("SELECT pg_backend_pid()").fetchone()
        assert pid is not None
        if not Path(f"/proc/{pid[0]}/stat").exists():
            pytest.skip("the PostgreSQL server does not run on this machine")
    readings = [postgres_cpu_seconds()]
    seen = 0.0  # CPU of the short-lived backends, read just before each closed
    for _ in range(20):
        with psycopg.connect(dsn) as connection:
            connection.execute(HEAVY).fetchone()
            backend = connection.execute("SELECT pg_backend_pid()").fetchone()
            assert backend is not None
            seen += _process_cpu(int(backend[0]))
        readings.append(postgres_cpu_seconds())
    assert seen > 0.2, "the heavy query used no measurable CPU: the test would prove nothing"
    assert all(later >= earlier for earlier, later in itertools.pairwise(readings)), readings
    assert readings[-1] - readings[0] >= seen - 20 / CLK_TCK  # one clock tick of rounding per backend


def test_backends_are_attributed_to_their_database() -> None:
    dsn = _dsn()
    database = make_url(POSTGRES_ADMIN_URL).database or "postgres"
    before = postgres_backend_cpu()
    with psycopg.connect(dsn) as connection:
        connection.execute(HEAVY).fetchone()
        backend = connection.execute("SELECT pg_backend_pid()").fetchone()
        assert backend is not None
        after = postgres_backend_cpu()
        assert after[int(backend[0])][0] == database
        assert other_databases_cpu(before, after, database) <= other_databases_cpu(before, after, "elsewhere")
        assert other_databases_cpu(before, after, "elsewhere") >= after[int(backend[0])][1]
