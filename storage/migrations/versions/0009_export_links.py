"""export links: one-time downloads of a person's data

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 11:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.models

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "export_links",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("expires_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("used_at", storage.models.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    with op.batch_alter_table("export_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_export_links_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("export_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_export_links_person_id"))

    op.drop_table("export_links")
