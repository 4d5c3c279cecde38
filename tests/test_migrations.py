"""The migrations build exactly the schema the models describe, on both databases, and go back down."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, pool

from storage.console import OUTSIDE_MODELS
from storage.db import sync_url
from storage.migrate import alembic_config, current, upgrade
from storage.models import Base


def _modelled(obj: object, name: str | None, kind: str, reflected: bool, compare_to: object) -> bool:
    """The search index lives in the migration only (an FTS5 table, an expression index): not compared."""
    return not (name or "").startswith(OUTSIDE_MODELS)


def test_models_and_migrations_agree(database_url: str) -> None:
    engine = create_engine(sync_url(database_url), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": _modelled}
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_downgrade_to_nothing_and_up_again(database_url: str) -> None:
    command.downgrade(alembic_config(database_url), "base")
    assert "no revision" in current(database_url)
    upgrade(database_url)
    assert current(database_url).endswith("(head)")
