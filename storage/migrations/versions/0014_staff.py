"""staff console: accounts, sessions, login attempts, audit log, takeovers, blocks, phone intakes

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-23 11:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.models

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "staff_accounts",
        sa.Column("id", Id, nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("neighbourhoods", storage.models.JSONType, nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("last_login_at", storage.models.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email"),
    )
    op.create_table(
        "staff_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("staff_id", Id, nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("expires_at", storage.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff_accounts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index("ix_staff_sessions_staff_id", "staff_sessions", ["staff_id"], unique=False)
    op.create_table(
        "staff_login_attempts",
        sa.Column("id", Id, nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=False),
        sa.Column("attempted_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_staff_login_attempts_email", "staff_login_attempts", ["email", "attempted_at"])
    op.create_index("ix_staff_login_attempts_ip", "staff_login_attempts", ["ip", "attempted_at"])
    op.create_table(
        "staff_audit_log",
        sa.Column("id", Id, nullable=False),
        sa.Column("staff_id", Id, nullable=True),
        sa.Column("person_id", Id, nullable=True),
        sa.Column("what", sa.String(length=64), nullable=False),
        sa.Column("at", storage.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["staff_id"], ["staff_accounts.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_staff_audit_person", "staff_audit_log", ["person_id", "at"])
    op.create_index("ix_staff_audit_log_staff_id", "staff_audit_log", ["staff_id"])
    op.create_table(
        "staff_holds",
        sa.Column("person_id", Id, nullable=False),
        sa.Column("staff_id", Id, nullable=True),
        sa.Column("started_at", storage.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["staff_id"], ["staff_accounts.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("person_id"),
    )
    op.create_table(
        "person_blocks",
        sa.Column("person_id", Id, nullable=False),
        sa.Column("staff_id", Id, nullable=True),
        sa.Column("blocked_at", storage.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["staff_id"], ["staff_accounts.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("person_id"),
    )
    op.create_table(
        "phone_intakes",
        sa.Column("request_id", Id, nullable=False),
        sa.Column("staff_id", Id, nullable=True),
        sa.Column("caller_has_phone", sa.Boolean(), nullable=False),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["help_requests.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["staff_id"], ["staff_accounts.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("request_id"),
    )


def downgrade() -> None:
    op.drop_table("phone_intakes")
    op.drop_table("person_blocks")
    op.drop_table("staff_holds")
    op.drop_index("ix_staff_audit_log_staff_id", table_name="staff_audit_log")
    op.drop_index("ix_staff_audit_person", table_name="staff_audit_log")
    op.drop_table("staff_audit_log")
    op.drop_index("ix_staff_login_attempts_ip", table_name="staff_login_attempts")
    op.drop_index("ix_staff_login_attempts_email", table_name="staff_login_attempts")
    op.drop_table("staff_login_attempts")
    op.drop_index("ix_staff_sessions_staff_id", table_name="staff_sessions")
    op.drop_table("staff_sessions")
    op.drop_table("staff_accounts")
