"""profile: neighbourhood, postcode4, consents

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:30:52.978621
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.models

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consents",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("person_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("text_key", sa.String(length=64), nullable=False),
        sa.Column("given_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("withdrawn_at", storage.models.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consents_person_id"), ["person_id"], unique=False)

    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("neighbourhood", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("postcode4", sa.String(length=4), nullable=True))
        batch_op.create_index(batch_op.f("ix_people_neighbourhood"), ["neighbourhood"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_neighbourhood"))
        batch_op.drop_column("postcode4")
        batch_op.drop_column("neighbourhood")

    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consents_person_id"))

    op.drop_table("consents")
