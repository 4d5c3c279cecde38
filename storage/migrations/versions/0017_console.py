"""staff console: request review (help_requests.reviewed_at), teamwork (assignments, notes,
notifications, labels, canned replies), second factor and one-time links on accounts, and the search
index over what people wrote

The person's message text is personal data. PostgreSQL searches it through an expression index on the
row itself (Dutch full-text configuration), so deleting or blanking the row removes it from the index.
SQLite keeps an FTS5 table (`message_search`, rowid = the message's id) that triggers hold in step with
inbound_messages: insert, change and delete, so erasure and retention remove a person's words from the
index without anyone having to remember it. Erasing a person (people.erased_at set) also deletes the
team's notes, labels, assignment and notifications about them, by a trigger.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 01:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.models

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE message_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')",
    """CREATE TRIGGER message_search_insert AFTER INSERT ON inbound_messages
       WHEN new.identity_id IS NOT NULL AND json_extract(new.event, '$.text') IS NOT NULL
       BEGIN
         INSERT INTO message_search (rowid, body) VALUES (new.id, json_extract(new.event, '$.text'));
       END""",
    """CREATE TRIGGER message_search_delete AFTER DELETE ON inbound_messages
       BEGIN
         DELETE FROM message_search WHERE rowid = old.id;
       END""",
    """CREATE TRIGGER message_search_update AFTER UPDATE OF event, identity_id ON inbound_messages
       BEGIN
         DELETE FROM message_search WHERE rowid = old.id;
         INSERT INTO message_search (rowid, body)
           SELECT new.id, json_extract(new.event, '$.text')
           WHERE new.identity_id IS NOT NULL AND json_extract(new.event, '$.text') IS NOT NULL;
       END""",
    """INSERT INTO message_search (rowid, body)
       SELECT id, json_extract(event, '$.text') FROM inbound_messages
       WHERE identity_id IS NOT NULL AND json_extract(event, '$.text') IS NOT NULL""",
]
SQLITE_ERASED = """CREATE TRIGGER people_erased_console AFTER UPDATE OF erased_at ON people
   WHEN new.erased_at IS NOT NULL
   BEGIN
     DELETE FROM staff_notes WHERE person_id = new.id;
     DELETE FROM person_labels WHERE person_id = new.id;
     DELETE FROM staff_assignments WHERE person_id = new.id;
     DELETE FROM staff_notifications WHERE person_id = new.id;
   END"""

POSTGRES_SEARCH = """CREATE INDEX ix_inbound_text_dutch ON inbound_messages
   USING gin (to_tsvector('dutch', coalesce(event ->> 'text', '')))
   WHERE identity_id IS NOT NULL"""
POSTGRES_ERASED = [
    """CREATE FUNCTION people_erased_console() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM staff_notes WHERE person_id = NEW.id;
         DELETE FROM person_labels WHERE person_id = NEW.id;
         DELETE FROM staff_assignments WHERE person_id = NEW.id;
         DELETE FROM staff_notifications WHERE person_id = NEW.id;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER people_erased_console AFTER UPDATE OF erased_at ON people
       FOR EACH ROW WHEN (NEW.erased_at IS NOT NULL) EXECUTE FUNCTION people_erased_console()""",
]


def upgrade() -> None:
    with op.batch_alter_table("help_requests") as batch:
        batch.add_column(sa.Column("reviewed_at", storage.models.UTCDateTime()))
    with op.batch_alter_table("staff_accounts") as batch:
        batch.add_column(sa.Column("totp_secret", sa.String(64)))
        batch.add_column(sa.Column("invite_hash", sa.String(64)))
        batch.add_column(sa.Column("invite_expires_at", storage.models.UTCDateTime()))
        batch.create_unique_constraint("uq_staff_accounts_invite_hash", ["invite_hash"])
    op.create_table(
        "staff_assignments",
        sa.Column("person_id", Id, sa.ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
        sa.Column(
            "staff_id", Id, sa.ForeignKey("staff_accounts.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("assigned_by", Id, sa.ForeignKey("staff_accounts.id", ondelete="SET NULL")),
        sa.Column("assigned_at", storage.models.UTCDateTime(), nullable=False),
    )
    op.create_table(
        "staff_notes",
        sa.Column("id", Id, primary_key=True),
        sa.Column("person_id", Id, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
        sa.Column("staff_id", Id, sa.ForeignKey("staff_accounts.id", ondelete="SET NULL")),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
    )
    op.create_index("ix_staff_notes_person", "staff_notes", ["person_id", "id"])
    op.create_table(
        "staff_notifications",
        sa.Column("id", Id, primary_key=True),
        sa.Column("staff_id", Id, sa.ForeignKey("staff_accounts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("person_id", Id, sa.ForeignKey("people.id", ondelete="CASCADE")),
        sa.Column("note_id", Id, sa.ForeignKey("staff_notes.id", ondelete="CASCADE")),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("by_staff_id", Id, sa.ForeignKey("staff_accounts.id", ondelete="SET NULL")),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("read_at", storage.models.UTCDateTime()),
    )
    op.create_index("ix_staff_notifications_open", "staff_notifications", ["staff_id", "read_at"])
    op.create_table(
        "staff_labels",
        sa.Column("id", Id, primary_key=True),
        sa.Column("tenant", sa.String(32), nullable=False, server_default="default"),
        sa.Column("name", sa.String(40), nullable=False),
        sa.UniqueConstraint("tenant", "name", name="uq_staff_labels_tenant_name"),
    )
    op.create_table(
        "person_labels",
        sa.Column("person_id", Id, sa.ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
        sa.Column(
            "label_id", Id, sa.ForeignKey("staff_labels.id", ondelete="CASCADE"), primary_key=True, index=True
        ),
    )
    op.create_table(
        "canned_replies",
        sa.Column("id", Id, primary_key=True),
        sa.Column("tenant", sa.String(32), nullable=False, server_default="default", index=True),
        sa.Column("title", sa.String(80), nullable=False),
        sa.Column("body_nl", sa.Text(), nullable=False),
        sa.Column("body_en", sa.Text(), nullable=False),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_SEARCH)
        for statement in POSTGRES_ERASED:
            op.execute(statement)
    else:
        for statement in SQLITE_SEARCH:
            op.execute(statement)
        op.execute(SQLITE_ERASED)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS people_erased_console ON people")
        op.execute("DROP FUNCTION IF EXISTS people_erased_console()")
        op.execute("DROP INDEX IF EXISTS ix_inbound_text_dutch")
    else:
        op.execute("DROP TRIGGER IF EXISTS people_erased_console")
        for name in ("message_search_insert", "message_search_delete", "message_search_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS message_search")
    for table in (
        "canned_replies",
        "person_labels",
        "staff_labels",
        "staff_notifications",
        "staff_notes",
        "staff_assignments",
    ):
        op.drop_table(table)
    with op.batch_alter_table("staff_accounts") as batch:
        batch.drop_constraint("uq_staff_accounts_invite_hash", type_="unique")
        batch.drop_column("invite_expires_at")
        batch.drop_column("invite_hash")
        batch.drop_column("totp_secret")
    with op.batch_alter_table("help_requests") as batch:
        batch.drop_column("reviewed_at")
