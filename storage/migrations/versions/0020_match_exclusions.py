"""match exclusions: pairs of people not matched again (after "liever niet meer met hem", MELD, or a
conversation ended over a worry)

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 20:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.models

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "match_exclusions",
        sa.Column("person_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("other_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["other_id"], ["people.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_id", "other_id"),
    )
    op.create_index("ix_match_exclusions_other_id", "match_exclusions", ["other_id"])


def downgrade() -> None:
    op.drop_index("ix_match_exclusions_other_id", table_name="match_exclusions")
    op.drop_table("match_exclusions")
