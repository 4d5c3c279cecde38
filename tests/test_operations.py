"""The operations files run: the alert rules name metrics that exist, the compose file's processes are
the ones the multi-process tests start, and the restore drill restores a real dump and checks it."""

from __future__ import annotations

import re
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import yaml
from sqlalchemy.engine import make_url

from bot import metrics
from tests.conftest import POSTGRES, POSTGRES_ADMIN_URL
from tests.e2e_support import clean_environment, voordeur_command
from tests.test_multiprocess import enqueue_sms

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"


def exported_names() -> set[str]:
    names = set()
    for family in metrics.REGISTRY.collect():
        names.update(sample.name for sample in family.samples)
        names.add(family.name)
        if family.type == "counter":  # a labelled counter has no samples until first counted
            names.add(family.name + "_total")
    return names


def test_alert_rules_use_only_metrics_voordeur_exports() -> None:
    rules = yaml.safe_load((DEPLOY / "prometheus-alerts.yml").read_text(encoding="utf-8"))
    [group] = rules["groups"]
    alerts = {rule["alert"]: rule["expr"] for rule in group["rules"]}
    for needed in ("VoordeurOutboxNotDraining", "VoordeurSendsFailing", "VoordeurWorkerStale"):
        assert needed in alerts
    assert "VoordeurCrisisAlertUnhandled" in alerts
    known = exported_names()
    for name, expr in alerts.items():
        for used in set(re.findall(r"voordeur_[a-z_]+", expr)):
            assert used in known, f"{name} uses {used}, which no process exports"


def test_compose_runs_the_topology_the_multiprocess_tests_exercise() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    commands = {name: service.get("command") for name, service in services.items()}
    webs = [
        name for name, command in commands.items() if command and command[1:3] == ["serve", "--no-worker"]
    ]
    workers = [name for name, command in commands.items() if command and command[1] == "worker"]
    assert len(webs) == 2 and len(workers) == 1
    assert services["postgres"]["image"].endswith("postgres:16")
    assert "reverse_proxy " + " ".join(f"{web}:8080" for web in webs) in (DEPLOY / "Caddyfile").read_text()
    multiprocess = (Path(__file__).parent / "test_multiprocess.py").read_text(encoding="utf-8")
    assert '["serve", "--no-worker", "--port"' in multiprocess and '["worker"]' in multiprocess


@pytest.fixture
def drill_database() -> Iterator[str]:
    if not POSTGRES:
        pytest.skip("PostgreSQL is not configured")
    admin = make_url(POSTGRES_ADMIN_URL)
    name = f"voordeur_drill_{uuid.uuid4().hex[:8]}"
    dsn = admin.set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin.set(drivername="postgresql+psycopg", database=name).render_as_string(False)
    finally:
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_the_restore_drill_restores_a_dump_and_checks_it(drill_database: str, tmp_path: Path) -> None:
    env = clean_environment(DATABASE_URL=drill_database, VOORDEUR_LOG_FORMAT="json")
    subprocess.run([*voordeur_command(), "db", "upgrade"], env=env, cwd=tmp_path, check=True, timeout=120)
    enqueue_sms(drill_database, [("+31611111111", "een"), ("+31622222222", "twee")])
    script = tmp_path / "voordeur"
    script.write_text("#!/bin/sh\nexec " + " ".join(voordeur_command()) + ' "$@"\n')
    script.chmod(0o755)
    done = subprocess.run(
        [str(DEPLOY / "restore-drill.sh")],
        env={**env, "VOORDEUR": str(script)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "result: ok" in done.stdout
    assert "restore drill: outbox: 2 rows" in done.stdout and "restore drill: ok" in done.stdout
    with psycopg.connect(
        make_url(drill_database).set(drivername="postgresql", database="postgres").render_as_string(False)
    ) as connection:
        left = connection.execute(
            "SELECT count(*) FROM pg_database WHERE datname LIKE 'voordeur_restore_drill_%'"
        )
        assert left.fetchone() == (0,), "the throw-away database is dropped"
