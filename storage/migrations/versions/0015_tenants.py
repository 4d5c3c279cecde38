"""tenants: a tenant key on people, identities, inbound messages, services, activities, staff accounts

Several municipalities in one deployment (bot/tenants.py). Existing rows belong to the tenant `default`
(the single tenant of the contract's environment variables). An address is unique per tenant (the same
number writing to two municipalities is two people), and an inbound provider id too (Telegram's
update_id counts per bot).

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-23 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TABLES = ("people", "identities", "inbound_messages", "services", "activities", "staff_accounts")


def _tenant_column() -> sa.Column[str]:
    return sa.Column("tenant", sa.String(length=32), server_default="default", nullable=False)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(_tenant_column())
    with op.batch_alter_table("identities", schema=None) as batch_op:
        batch_op.drop_constraint("uq_identity_channel_address", type_="unique")
        batch_op.create_unique_constraint(
            "uq_identity_tenant_channel_address", ["tenant", "channel", "address"]
        )
    with op.batch_alter_table("inbound_messages", schema=None) as batch_op:
        batch_op.drop_constraint("uq_inbound_channel_provider_id", type_="unique")
        batch_op.create_unique_constraint(
            "uq_inbound_tenant_channel_provider_id", ["tenant", "channel", "provider_id"]
        )


def downgrade() -> None:
    # Only safe while every row is still the tenant `default` (otherwise the old unique keys may clash).
    with op.batch_alter_table("inbound_messages", schema=None) as batch_op:
        batch_op.drop_constraint("uq_inbound_tenant_channel_provider_id", type_="unique")
        batch_op.create_unique_constraint("uq_inbound_channel_provider_id", ["channel", "provider_id"])
    with op.batch_alter_table("identities", schema=None) as batch_op:
        batch_op.drop_constraint("uq_identity_tenant_channel_address", type_="unique")
        batch_op.create_unique_constraint("uq_identity_channel_address", ["channel", "address"])
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("tenant")
