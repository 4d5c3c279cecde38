"""scheduler: event keys, staleness and claim counts; outbox text parameters

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-23 11:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.models

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scheduled_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("stale_after", storage.models.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("claims", sa.Integer(), server_default=sa.text("0"), nullable=False))
        batch_op.create_index("ix_scheduled_person_kind", ["person_id", "kind", "status"], unique=False)

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("params", storage.models.JSONType, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("params")

    with op.batch_alter_table("scheduled_events", schema=None) as batch_op:
        batch_op.drop_index("ix_scheduled_person_kind")
        batch_op.drop_column("claims")
        batch_op.drop_column("stale_after")
        batch_op.drop_column("key")
