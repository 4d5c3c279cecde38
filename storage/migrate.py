"""Apply Alembic migrations programmatically (`voordeur db upgrade`, and on every start)."""

from __future__ import annotations

import io
from pathlib import Path

from alembic import command
from alembic.config import Config

from storage.db import sync_url

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(database_url: str, output: io.StringIO | None = None) -> Config:
    config = Config(stdout=output) if output is not None else Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Alembic's ini interpolation treats % specially; a password may contain one.
    config.set_main_option(
        "sqlalchemy.url", sync_url(database_url).render_as_string(False).replace("%", "%%")
    )
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


def current(database_url: str) -> str:
    output = io.StringIO()
    command.current(alembic_config(database_url, output))
    return output.getvalue().strip() or "(no revision: run `voordeur db upgrade`)"
