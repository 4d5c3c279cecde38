"""help offers

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 09:49:52.214099
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import storage.models

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "help_offers",
        sa.Column("person_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("reach", sa.String(length=16), nullable=False),
        sa.Column(
            "availability",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("weekly_limit", sa.Integer(), nullable=False),
        sa.Column(
            "languages",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("verified", sa.Boolean(), server_default=sa.text("(false)"), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("(true)"), nullable=False),
        sa.Column("paused_until", storage.models.UTCDateTime(), nullable=True),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("updated_at", storage.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_id"),
    )
    op.create_table(
        "offer_categories",
        sa.Column("person_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["help_offers.person_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_id", "category"),
    )
    with op.batch_alter_table("offer_categories", schema=None) as batch_op:
        batch_op.create_index("ix_offer_categories_category", ["category", "person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("offer_categories", schema=None) as batch_op:
        batch_op.drop_index("ix_offer_categories_category")

    op.drop_table("offer_categories")
    op.drop_table("help_offers")
