"""meetings: agreed meetings and reminder preferences

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-23 11:48:25.044577
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.models

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminder_preferences",
        sa.Column("person_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("evening", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("hours_before", sa.Integer(), server_default=sa.text("2"), nullable=False),
        sa.Column("updated_at", storage.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_id"),
    )
    op.create_table(
        "meetings",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("thread_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("request_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("requester_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("volunteer_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("proposer_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("place_kind", sa.String(length=16), nullable=False),
        sa.Column("place_text", sa.String(length=120), nullable=True),
        sa.Column("starts_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("zone", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("recurring", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("previous_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("requester_outcome", sa.String(length=8), nullable=True),
        sa.Column("volunteer_outcome", sa.String(length=8), nullable=True),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("updated_at", storage.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["previous_id"], ["meetings.id"], name="fk_meetings_previous_id", ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["proposer_id"], ["people.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["request_id"], ["help_requests.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["requester_id"], ["people.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["thread_id"], ["threads.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["volunteer_id"], ["people.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meetings_requester_id"), ["requester_id"], unique=False)
        batch_op.create_index("ix_meetings_status_starts", ["status", "starts_at"], unique=False)
        batch_op.create_index("ix_meetings_thread_status", ["thread_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_meetings_volunteer_id"), ["volunteer_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meetings_volunteer_id"))
        batch_op.drop_index("ix_meetings_thread_status")
        batch_op.drop_index("ix_meetings_status_starts")
        batch_op.drop_index(batch_op.f("ix_meetings_requester_id"))

    op.drop_table("meetings")
    op.drop_table("reminder_preferences")
