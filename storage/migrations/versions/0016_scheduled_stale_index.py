"""scheduled events: a partial index for the stale sweep, so a large backlog is not scanned each tick

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-23 15:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_scheduled_stale",
        "scheduled_events",
        ["status", "stale_after"],
        postgresql_where=sa.text("stale_after IS NOT NULL"),
        sqlite_where=sa.text("stale_after IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_scheduled_stale", table_name="scheduled_events")
