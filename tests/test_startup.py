"""Start-up: a wrong or unreachable setting is one line on stderr and a non-zero exit, for every command
that needs it, never a traceback and never a process that starts anyway."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.e2e_support import clean_environment, free_port, voordeur_command

UNREACHABLE = f"postgresql+psycopg://postgres:geheim-wachtwoord@127.0.0.1:{free_port()}/voordeur"


def run(tmp_path: Path, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*voordeur_command(), *args],
        env=clean_environment(**settings),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


def problem_lines(stderr: str) -> list[str]:
    """What the operator reads: stderr without the JSON log records of libraries."""
    return [line for line in stderr.splitlines() if line.strip() and not line.startswith("{")]


@pytest.mark.parametrize(
    "args", [["worker"], ["serve", "--no-worker"], ["db", "upgrade"], ["db", "current"]], ids=" ".join
)
def test_an_unreachable_database_is_one_line_and_exit_1(tmp_path: Path, args: list[str]) -> None:
    done = run(tmp_path, *args, DATABASE_URL=UNREACHABLE, VOORDEUR_LOG_FORMAT="json")
    assert done.returncode == 1, done.stderr
    lines = problem_lines(done.stderr)
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("voordeur: DATABASE_URL: database unreachable (")
    assert "Traceback" not in done.stderr
    assert "geheim-wachtwoord" not in done.stderr + done.stdout


@pytest.mark.parametrize("args", [["worker"], ["serve"], ["db", "current"]], ids=" ".join)
def test_an_unknown_log_format_stops_start_up(tmp_path: Path, args: list[str]) -> None:
    done = run(tmp_path, *args, DATABASE_URL="sqlite:///x.db", VOORDEUR_LOG_FORMAT="pretty")
    assert done.returncode == 2, done.stderr
    assert problem_lines(done.stderr) == [
        "voordeur: setting VOORDEUR_LOG_FORMAT: Input should be 'auto', 'json' or 'text'"
    ]
    assert not (tmp_path / "x.db").exists(), "nothing started"
