"""Shared helpers for the benchmarks: child processes, CPU accounting, databases, machine facts.

Every process a benchmark starts is its own child (by pid), listens on 127.0.0.1 only, has a
deadline of its own, and is stopped by the pid we got when starting it.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
RESULTS = BENCH / "results"
PYTHON = sys.executable
# BENCH_VOORDEUR: another checkout's app (A/B runs against an export of an earlier commit).
VOORDEUR = os.environ.get("BENCH_VOORDEUR") or str(Path(sys.executable).with_name("voordeur"))
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


@dataclass(frozen=True, slots=True)
class _PostgresProcess:
    pid: int
    state: str
    ppid: int
    own: int  # utime + stime, clock ticks
    children: int  # cutime + cstime: reaped children (exited backends), clock ticks
    title: str


def _postgres_processes() -> list[_PostgresProcess]:
    """Every PostgreSQL server process on the machine (comm `postgres`), read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if not (entry / "comm").read_text().startswith("postgres"):
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (FileNotFoundError, PermissionError, ProcessLookupError):
            continue
        found.append(
            _PostgresProcess(
                pid=int(entry.name),
                state=fields[0],
                ppid=int(fields[1]),
                own=int(fields[11]) + int(fields[12]),
                children=int(fields[13]) + int(fields[14]),
                title=title,
            )
        )
    return found


def _postmasters(processes: list[_PostgresProcess]) -> list[_PostgresProcess]:
    """Server roots: postgres processes whose parent is not one (one per cluster)."""
    pids = {p.pid for p in processes}
    return [p for p in processes if p.ppid not in pids]


def postgres_cpu_seconds(attempts: int = 50) -> float:
    """CPU seconds the PostgreSQL server(s) on this machine have used so far: every live server process
    (utime + stime) plus what the postmaster collected from its exited children (cutime + cstime). A
    backend that exits moves its CPU from the first part into the second when the postmaster reaps it,
    so the difference of two readings is the server's CPU over that interval, connection churn included
    (before, exited backends dropped out of the sum and deltas came out negative).

    The figure is the whole server: an exited backend's CPU can no longer be told apart by database, so
    there is no honest per-database figure. Measure on a server doing nothing else, and check with
    `postgres_backend_cpu` that no other database's backends were busy meanwhile.

    A reading is a consistent snapshot: it is taken again when a reap happened during the scan (the
    postmasters' cutime changed) or a child was caught half reaped (state X: counted in neither part
    for an instant), so two readings never go backwards.
    """
    ticks = 0  # summed as integers: float sums in another order could differ in the last bit
    for _ in range(max(1, attempts)):
        before = {p.pid: p.children for p in _postmasters(_postgres_processes())}
        processes = _postgres_processes()
        roots = _postmasters(processes)
        after = {p.pid: p.children for p in roots}
        ticks = sum(p.own for p in processes) + sum(p.children for p in roots)
        if before == after and not any(p.state == "X" for p in processes):
            break
        time.sleep(0.001)
    return ticks / CLK_TCK


_CLIENT = re.compile(r"^postgres: (?:.+?: )?\S+ (\S+) (?:\[local\]|\S+\(\d+\)) ")


def postgres_backend_cpu() -> dict[int, tuple[str, float]]:
    """Live client backends: pid -> (database, CPU seconds so far), from their process titles.

    Only for attribution checks (which databases' backends were busy during a phase, as a lower bound:
    a backend that came and went between two readings is not seen); `postgres_cpu_seconds` is the figure.
    """
    backends = {}
    for process in _postgres_processes():
        match = _CLIENT.match(process.title)
        if match is not None and process.state != "X":
            backends[process.pid] = (match.group(1), process.own / CLK_TCK)
    return backends


def other_databases_cpu(
    before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]], database: str
) -> float:
    """CPU seconds that live backends of databases other than `database` used between two readings of
    `postgres_backend_cpu` (a lower bound of other users' share in a whole-server figure)."""
    used = 0.0
    for pid, (name, seconds) in after.items():
        if name == database:
            continue
        previous = before.get(pid)
        used += seconds - (previous[1] if previous is not None and previous[0] == name else 0.0)
    return round(used, 2)


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
    # Which build, too: a distribution's CPython (PGO + LTO) spends 10-20 % less CPU on the same code than
    # a plain source build such as pyenv's (bench/README.md, session 18).
    versions: dict[str, str] = {
        "python": platform.python_version(),
        "python_executable": os.path.realpath(getattr(sys, "_base_executable", sys.executable)),
    }
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
