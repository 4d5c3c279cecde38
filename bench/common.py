"""Shared helpers for the benchmarks: child processes, CPU accounting, databases, machine facts.

Every process a benchmark starts is its own child (by pid), listens on 127.0.0.1 only, has a
deadline of its own, and is stopped by the pid we got when starting it.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
RESULTS = BENCH / "results"
PYTHON = sys.executable
VOORDEUR = str(Path(sys.executable).with_name("voordeur"))
POSTGRES_ADMIN = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
CLK_TCK = os.sysconf("SC_CLK_TCK")

# Settings that must not leak from the developer's shell into the app under test.
_LEAKY_PREFIXES = ("TELEGRAM_", "TWILIO_", "VOORDEUR_")
_LEAKY_NAMES = ("PUBLIC_BASE_URL", "DATABASE_URL")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def clean_env(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(_LEAKY_PREFIXES) and k not in _LEAKY_NAMES}
    env.update(settings)
    return env


class Child:
    """A child process with its output in a log file; `stop()` ends it by its own pid."""

    def __init__(
        self,
        name: str,
        argv: list[str],
        log_dir: Path,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
    ) -> None:
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            argv,
            env=dict(env) if env is not None else None,
            cwd=cwd,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def tail(self, chars: int = 3000) -> str:
        self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]

    def wait_http(self, url: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.tail()}")
                with contextlib.suppress(httpx.TransportError):
                    if client.get(url).status_code < 500:
                        return
                time.sleep(0.05)
        raise RuntimeError(f"{self.name} did not answer {url} within {timeout}s:\n{self.tail()}")

    def stop(self, timeout: float = 15.0) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._log.close()


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process (its threads included)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def postgres_cpu_seconds(database: str | None = None) -> float:
    """CPU seconds of PostgreSQL server processes (read-only look at /proc); with `database`, only
    the backends serving that database (their process title names it), so other users' work on a
    shared server is left out. Backends that exit between two readings drop out of the sum."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            comm = (entry / "comm").read_text().strip()
        except (FileNotFoundError, PermissionError, ProcessLookupError):
            continue
        if comm.startswith("postgres"):
            if database is not None:
                try:
                    title = (entry / "cmdline").read_bytes().decode(errors="replace")
                except (FileNotFoundError, PermissionError, ProcessLookupError):
                    continue
                if f" {database} " not in title:
                    continue
            total += cpu_seconds(int(entry.name))
    return total


def total_cpu_seconds() -> float:
    """All CPU time spent on the machine so far (from /proc/stat), idle and iowait excluded."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    values = [int(v) for v in fields]
    busy = sum(values) - values[3] - values[4]
    return busy / CLK_TCK


def psql_admin(statement: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as connection:
        connection.execute(statement)


def fresh_postgres(name: str) -> str:
    """Drop and create database `name`; returns the app's URL for it."""
    psql_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    psql_admin(f'CREATE DATABASE "{name}"')
    base = POSTGRES_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    return f"{base}/{name}"


def postgres_setting(name: str) -> str:
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as connection:
        row = connection.execute(f"SHOW {name}").fetchone()
        return str(row[0]) if row else "?"


def machine() -> dict[str, Any]:
    model = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    versions: dict[str, str] = {"python": platform.python_version()}
    from importlib.metadata import version

    for package in ("SQLAlchemy", "uvicorn", "starlette", "python-telegram-bot", "aiosqlite", "psycopg"):
        with contextlib.suppress(Exception):
            versions[package] = version(package)
    with contextlib.suppress(Exception):
        versions["postgresql"] = postgres_setting("server_version")
    with contextlib.suppress(Exception):
        versions["wrk"] = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()[1]
    commit = {}
    with contextlib.suppress(Exception):
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        )
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
        )
        commit = {"commit": head.stdout.strip(), "tracked_changes": bool(dirty.stdout.strip())}
    return {"cores": os.cpu_count(), "cpu": model, "versions": versions, **commit}


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def save(kind: str, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS / f"{kind}-{stamp}.json"
    data = {
        "kind": kind,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        **data,
    }
    path.write_text(json.dumps(data, indent=1))
    return path


@contextlib.contextmanager
def children() -> Iterator[list[Child]]:
    """Collects started children and stops every one of them (by pid) on the way out."""
    started: list[Child] = []
    try:
        yield started
    finally:
        for child in reversed(started):
            with contextlib.suppress(Exception):
                child.stop()


def busy_cores(seconds: float = 2.0) -> float:
    """How many cores the whole machine kept busy over the next `seconds`."""
    before = total_cpu_seconds()
    time.sleep(seconds)
    return (total_cpu_seconds() - before) / seconds


def wait_quiet(threshold: float = 0.5, max_wait: float | None = None) -> dict[str, float]:
    """Wait (bounded) until other work on the machine keeps less than `threshold` cores busy.

    This machine may be shared (other sessions run test suites); a figure taken while something else
    eats a core is not a figure of this app. Returns how long we waited and the load we started at.
    """
    if max_wait is None:
        max_wait = float(os.environ.get("BENCH_QUIET_MAX", "120"))
    started = time.monotonic()
    load = busy_cores()
    while load > threshold and time.monotonic() - started < max_wait:
        time.sleep(3)
        load = busy_cores()
    return {"waited_s": round(time.monotonic() - started, 1), "busy_cores_at_start": round(load, 2)}
