"""matching: invitations, scheduled events, internal events

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 09:50:50.284498
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import storage.models

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "match_invitations",
        sa.Column("request_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("person_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("wave", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("asked_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("answered_at", storage.models.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["request_id"], ["help_requests.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("request_id", "person_id"),
    )
    with op.batch_alter_table("match_invitations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_match_invitations_person_id"), ["person_id"], unique=False)

    op.create_table(
        "scheduled_events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("due_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("person_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("request_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "payload",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("claimed_until", storage.models.UTCDateTime(), nullable=True),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("done_at", storage.models.UTCDateTime(), nullable=True),
        sa.Column("reason", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["request_id"], ["help_requests.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("scheduled_events", schema=None) as batch_op:
        batch_op.create_index("ix_scheduled_due", ["status", "due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_scheduled_events_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_scheduled_events_request_id"), ["request_id"], unique=False)

    with op.batch_alter_table("help_requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("wave", sa.Integer(), server_default=sa.text("0"), nullable=False))
        batch_op.add_column(
            sa.Column(
                "matched_person_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
            )
        )
        batch_op.add_column(sa.Column("matched_at", storage.models.UTCDateTime(), nullable=True))
        batch_op.create_foreign_key(
            "fk_help_requests_matched_person_id", "people", ["matched_person_id"], ["id"], ondelete="SET NULL"
        )

    with op.batch_alter_table("inbound_messages", schema=None) as batch_op:
        batch_op.alter_column(
            "identity_id", existing_type=sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        )


def downgrade() -> None:
    with op.batch_alter_table("inbound_messages", schema=None) as batch_op:
        batch_op.alter_column(
            "identity_id", existing_type=sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        )

    with op.batch_alter_table("help_requests", schema=None) as batch_op:
        # WARNING: constraint name is None; this directive will fail as
        # rendered.  Add a name, or use a naming convention; see
        # https://alembic.sqlalchemy.org/en/latest/naming.html
        batch_op.drop_constraint("fk_help_requests_matched_person_id", type_="foreignkey")
        batch_op.drop_column("matched_at")
        batch_op.drop_column("matched_person_id")
        batch_op.drop_column("wave")

    with op.batch_alter_table("scheduled_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scheduled_events_request_id"))
        batch_op.drop_index(batch_op.f("ix_scheduled_events_person_id"))
        batch_op.drop_index("ix_scheduled_due")

    op.drop_table("scheduled_events")
    with op.batch_alter_table("match_invitations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_invitations_person_id"))

    op.drop_table("match_invitations")
