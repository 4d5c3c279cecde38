"""Alembic environment: runs with a blocking driver; on PostgreSQL several processes starting at
once take an advisory lock so only one migrates and the others find the work done."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool, text

from storage.models import Base

MIGRATION_LOCK_KEY = 7_302_745  # arbitrary, fixed: "voordeur migrations"


def run_migrations_online() -> None:
    url = context.config.get_main_option("sqlalchemy.url")
    assert url is not None
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        is_postgres = connection.dialect.name == "postgresql"
        if is_postgres:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            connection.commit()
        try:
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=connection.dialect.name == "sqlite",
                compare_type=True,
            )
            with context.begin_transaction():
                context.run_migrations()
        finally:
            if is_postgres:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
                connection.commit()
    engine.dispose()


run_migrations_online()
