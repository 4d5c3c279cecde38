"""Every golden transcript file replays exactly (see tests/golden_runner.py)."""

from __future__ import annotations

import pytest

from tests.golden_runner import GOLDEN_DIR, check_file

FILES = sorted(path.name for path in GOLDEN_DIR.glob("*.json"))


def test_there_are_golden_files() -> None:
    assert "menu.json" in FILES


@pytest.mark.parametrize("name", FILES)
def test_golden_transcripts(name: str) -> None:
    for case_name, expected, actual in check_file(name):
        assert actual == expected, f"{name}: case {case_name!r} differs (VOORDEUR_REGEN_GOLDEN=1 to review)"
