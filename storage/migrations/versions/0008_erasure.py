"""erasure: erased people, what internal events are about

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 10:29:09.934177
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.models

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inbound_messages", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("about_person_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True)
        )
        batch_op.create_index(
            batch_op.f("ix_inbound_messages_about_person_id"), ["about_person_id"], unique=False
        )
        batch_op.create_foreign_key(
            "fk_inbound_about_person_id", "people", ["about_person_id"], ["id"], ondelete="SET NULL"
        )

    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", storage.models.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("erased_at")

    with op.batch_alter_table("inbound_messages", schema=None) as batch_op:
        batch_op.drop_constraint("fk_inbound_about_person_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_inbound_messages_about_person_id"))
        batch_op.drop_column("about_person_id")
