"""The schema. Every change goes through an Alembic migration in storage/migrations/versions.

Stored names (channel, status, flow and effect kinds) are stable snake_case: renaming one is a migration.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps in UTC on every database: SQLite forgets time zones, so we store naive UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any] | None:
        """The bound value of each recent instant, remembered: a batch binds the same few (its `now`,
        a lease's end) in every row it writes, a dozen times a message, and on SQLite each took 2.4 us
        to convert and format (4 % of the web process's CPU under load, bench/README.md session 16).
        Equal aware datetimes are one instant, so they bind alike whatever their zone; a naive one is
        never equal to an aware one and still fails."""
        process = super().bind_processor(dialect)
        if process is None:
            return None
        remembered = functools.lru_cache(maxsize=256)(process)

        def bind(value: Any) -> Any:
            return None if value is None else remembered(value)

        return bind

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


JSONType = JSON().with_variant(JSONB(), "postgresql")
# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets 64-bit ids.
Id = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    pass


class Person(Base):
    """Someone who writes to the bot: anyone can both ask and offer help."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    # The tenant (municipality front door, bot/tenants.py) this row belongs to; `default` in a
    # single-tenant deployment. Nothing is looked up across tenants.
    tenant: Mapped[str] = mapped_column(String(32), default="default", server_default="default")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    language: Mapped[str] = mapped_column(String(8), default="nl")
    first_name: Mapped[str | None] = mapped_column(String(80))
    # The neighbourhood key and the 4 digits of the postcode: enough for matching, no street or house.
    neighbourhood: Mapped[str | None] = mapped_column(String(40), index=True)
    postcode4: Mapped[str | None] = mapped_column(String(4))
    last_active_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Erased on request (VERWIJDER MIJ): the row stays, without anything personal, so aggregate figures
    # (requests per neighbourhood, matches) survive.
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Consent(Base):
    """Consent as given: when, which version of which text. Withdrawing keeps the row, dated."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    version: Mapped[str] = mapped_column(String(32))
    text_key: Mapped[str] = mapped_column(String(64))
    given_at: Mapped[datetime] = mapped_column(UTCDateTime())
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Identity(Base):
    """One channel address of a person (a Telegram chat, an SMS number, a WhatsApp number).

    `stopped_at` is per address, as the contract's STOP is: "stops all messages to that address".
    """

    __tablename__ = "identities"
    __table_args__ = (
        # The same number writing to two municipalities' numbers is two people, one in each.
        UniqueConstraint("tenant", "channel", "address", name="uq_identity_tenant_channel_address"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    # The tenant (municipality front door, bot/tenants.py) this row belongs to; `default` in a
    # single-tenant deployment. Nothing is looked up across tenants.
    tenant: Mapped[str] = mapped_column(String(32), default="default", server_default="default")
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_inbound_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    stop_reason: Mapped[str | None] = mapped_column(String(32))


class Conversation(Base):
    """The flow state of one person: which flow, which step, what was gathered so far."""

    __tablename__ = "conversations"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class InboundMessage(Base):
    """Every inbound message, stored once (unique per channel + provider id) before any flow runs."""

    __tablename__ = "inbound_messages"
    __table_args__ = (
        # Telegram's update_id counts per bot: two tenants' bots can deliver the same one.
        UniqueConstraint("tenant", "channel", "provider_id", name="uq_inbound_tenant_channel_provider_id"),
        Index("ix_inbound_person_pending", "person_id", "processed_at"),
        Index("ix_inbound_pending", "processed_at", "id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    # The front door that received it (internal events: `default`; their keys carry row ids).
    tenant: Mapped[str] = mapped_column(String(32), default="default", server_default="default")
    channel: Mapped[str] = mapped_column(String(16))
    provider_id: Mapped[str] = mapped_column(String(64))
    # None for internal events (channel "internal"): another person's step or a timer posted them.
    identity_id: Mapped[int | None] = mapped_column(ForeignKey("identities.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The normalised event (kind, text, choice, command, hints); bodies are kept for the logbook only.
    event: Mapped[dict[str, Any]] = mapped_column(JSONType)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    error: Mapped[str | None] = mapped_column(String(200))
    # For an internal event: the person whose name, words or number it carries (not the recipient), so
    # erasing that person also blanks it and the messages it produced in someone else's history.
    about_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL", name="fk_inbound_about_person_id"), index=True
    )


class OutboxMessage(Base):
    """A reply or scheduled message waiting to be sent, sent, or failed with a reason.

    The row id is the idempotency key: the sender claims a row before sending, so several senders never
    send it twice. Rendered text is stored as sent (the logbook shows what the person saw).
    """

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_due", "status", "next_attempt_at"),
        Index("ix_outbox_identity_status", "identity_id", "status", "id"),
        Index("ix_outbox_provider_id", "provider_id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    identity_id: Mapped[int] = mapped_column(ForeignKey("identities.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))
    text_key: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    choices: Mapped[list[list[str]]] = mapped_column(JSONType, default=list)
    # The text's parameters: a WhatsApp template outside the 24-hour window is filled from them.
    params: Mapped[dict[str, str] | None] = mapped_column(JSONType)
    inbound_id: Mapped[int | None] = mapped_column(ForeignKey("inbound_messages.id", ondelete="SET NULL"))
    # Replies to a person who just wrote ignore quiet hours; scheduled messages do not.
    scheduled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    # Only the STOP confirmation may go to a stopped address.
    allow_when_stopped: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    # pending -> sending -> sent | failed | unknown (awaiting reconciliation) | cancelled;
    # waiting_window: a WhatsApp message outside the 24-hour window with no template and no SMS address,
    # back to pending when the person writes on WhatsApp again (the staff queue sees the waiting ones).
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    first_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A send whose outcome is unknown (read timeout after the request left, or a claim that expired
    # mid-send): before sending again the sender asks the provider whether it arrived.
    needs_reconcile: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    provider_id: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(String(120))
    # Delivery state from status callbacks (queued, sent, delivered, undelivered, failed, read).
    delivery_status: Mapped[str | None] = mapped_column(String(16))
    delivery_error: Mapped[str | None] = mapped_column(String(16))
    delivery_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class HelpRequest(Base):
    """A help request (hulpvraag), as clarified with the person and confirmed by them.

    status: open (being matched) -> matched | unmatched (no volunteer: the staff queue) | cancelled | done
    | expired (its time is over and nobody was found; also from unmatched or review:
    bot/effects/matchmaker.py). review: waiting for an akkoord (bot/effects/review.py).
    """

    __tablename__ = "help_requests"
    __table_args__ = (Index("ix_help_requests_person_status", "person_id", "status"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(24))
    description: Mapped[str] = mapped_column(Text)
    when: Mapped[dict[str, Any]] = mapped_column(JSONType)
    when_start: Mapped[datetime | None] = mapped_column(UTCDateTime())
    neighbourhood: Mapped[str] = mapped_column(String(40), index=True)
    urgent: Mapped[bool] = mapped_column(Boolean)
    # helper | helper_and_staff: who may see the request besides the person.
    visibility: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(16), default="open")
    source: Mapped[str] = mapped_column(String(16), default="chat")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    wave: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    matched_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL", name="fk_help_requests_matched_person_id")
    )
    matched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Where the tenant reviews requests (bot/effects/review.py): when a buurtverbinder gave their akkoord.
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class HelpOffer(Base):
    """What a person offers as a volunteer. Anyone can both ask and offer: this is one row per person
    who offers, next to their requests, not a separate account.

    reach: own (their neighbourhood) | nearby (also adjacent ones) | anywhere (the municipality).
    availability: [[weekday 0-6, "ochtend"|"middag"|"avond"], ...]; empty means any time.
    """

    __tablename__ = "help_offers"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    reach: Mapped[str] = mapped_column(String(16), default="nearby")
    availability: Mapped[list[list[Any]]] = mapped_column(JSONType, default=list)
    weekly_limit: Mapped[int] = mapped_column(Integer, default=2)
    languages: Mapped[list[str]] = mapped_column(JSONType, default=list)
    # Staff checked a certificate of conduct (VOG); required for some categories.
    verified: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class OfferCategory(Base):
    """One category a volunteer offers: a row each, so the candidate query is an index lookup."""

    __tablename__ = "offer_categories"
    __table_args__ = (Index("ix_offer_categories_category", "category", "person_id"),)

    person_id: Mapped[int] = mapped_column(
        ForeignKey("help_offers.person_id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[str] = mapped_column(String(24), primary_key=True)


class MatchInvitation(Base):
    """A volunteer asked to help with a request: asked -> accepted | declined | later | taken | expired,
    or asked -> conditional (a yes at another time, the resident decides) -> accepted | declined | taken.

    A volunteer is asked at most once per request (the primary key), so "no" is never asked again.
    """

    __tablename__ = "match_invitations"

    request_id: Mapped[int] = mapped_column(
        ForeignKey("help_requests.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    wave: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="asked")
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ScheduledEvent(Base):
    """Something due later (a wave timeout, a reminder): rows are the truth, APScheduler only ticks.

    status: pending -> done | cancelled | dropped (stale: past `stale_after`) | failed (the handler kept
    failing). `claimed_until` is the lease of the process running it and `claims` counts the claims: a
    runner finishes the event only while its own claim (that count) still holds.
    `key` tells apart a person's events of one kind (which meeting a reminder is for), so a flow can
    cancel or move exactly its own.
    """

    __tablename__ = "scheduled_events"
    __table_args__ = (
        Index("ix_scheduled_due", "status", "due_at"),
        Index("ix_scheduled_person_kind", "person_id", "kind", "status"),
        # Every tick looks for due events past their `stale_after` (`schedule.drop_stale`): only the few
        # events that have one are indexed, so a large backlog is not scanned each tick.
        Index(
            "ix_scheduled_stale",
            "status",
            "stale_after",
            postgresql_where=text("stale_after IS NOT NULL"),
            sqlite_where=text("stale_after IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("help_requests.id", ondelete="CASCADE"), index=True
    )
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reason: Mapped[str | None] = mapped_column(String(64))
    key: Mapped[str | None] = mapped_column(String(64))
    # After this moment the event is pointless (a reminder for a meeting already past): dropped, not run.
    stale_after: Mapped[datetime | None] = mapped_column(UTCDateTime())
    claims: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))


class Thread(Base):
    """The masked conversation between a resident and their matched volunteer, relayed by the bot.

    status: open -> closed (KLAAR) | frozen (MELD: staff look first). Numbers are shared only when both
    sides said DEEL NUMMER (`shares_*`).
    """

    __tablename__ = "threads"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("help_requests.id", ondelete="SET NULL"), unique=True
    )
    requester_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="open")
    requester_shares: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    volunteer_shares: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_message_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ThreadMessage(Base):
    """One relayed message: the thread's logbook."""

    __tablename__ = "thread_messages"
    __table_args__ = (Index("ix_thread_messages_thread", "thread_id", "id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    sender_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StaffAlert(Base):
    """Something a person (buurtverbinder, social worker) must look at: the staff queue.

    kind: abuse_report | human_requested | ...; priority: high | normal.
    """

    __tablename__ = "staff_alerts"
    __table_args__ = (Index("ix_staff_alerts_open", "resolved_at", "priority", "id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    priority: Mapped[str] = mapped_column(String(8), default="normal")
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id", ondelete="SET NULL"))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("help_requests.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class LinkCode(Base):
    """A 6-digit code that links a second channel to a person (KOPPEL): one person, one history."""

    __tablename__ = "link_codes"

    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ExportLink(Base):
    """A one-time link to download everything stored about a person (MIJN GEGEVENS → EXPORT).

    Only a SHA-256 of the token is kept: the token itself exists in the message that carried the link.
    """

    __tablename__ = "export_links"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class CareRegistration(Base):
    """A mantelzorger (informal carer) as they registered by chat: for whom (first name only), the
    relation, roughly how many hours a week, and how often the bot asks how it goes (`rhythm`, a
    flows.recurrence.Rule as JSON). One per person; registering again replaces it."""

    __tablename__ = "care_registrations"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    care_for: Mapped[str] = mapped_column(String(40))
    # partner | parent | child | family | friend | other
    relation: Mapped[str] = mapped_column(String(16))
    # lt8 | 8_20 | gt20 (hours a week, roughly)
    hours: Mapped[str] = mapped_column(String(8))
    rhythm: Mapped[dict[str, Any]] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CareCheckin(Base):
    """One "how is it going?" to a mantelzorger: asked -> answered | missed (the next came due first).

    answer: good | okay | heavy; followup: what they chose after "heavy" (ask | respite | callback |
    none). The trend is the last few rows.
    """

    __tablename__ = "care_checkins"
    __table_args__ = (Index("ix_care_checkins_person", "person_id", "id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(16), default="asked")
    answer: Mapped[str | None] = mapped_column(String(8))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    followup: Mapped[str | None] = mapped_column(String(16))


class Reminder(Base):
    """A person's own reminder ("herinner me elke dinsdag 9:00 aan medicijnen ophalen"): their words,
    kept only until removed (a one-off is deleted once sent), and `rule` (flows.recurrence.Rule)."""

    __tablename__ = "reminders"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(200))
    rule: Mapped[dict[str, Any]] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Meeting(Base):
    """A real meeting the two people of a thread agreed on (or are agreeing on): where, when, how it went.

    status: proposed -> agreed -> happened | not_happened; cancelled at any point. One live (proposed or
    agreed) meeting per thread at a time; a weekly arrangement is a chain of rows (`previous_id`), each
    occurrence with its own reminders. `zone` is the local time zone the time was agreed in, so the
    next week's occurrence and the evening reminder keep the local wall-clock time across DST.
    `place_text` is the person's own words ("Anders"): personal data, kept short.
    """

    __tablename__ = "meetings"
    __table_args__ = (
        Index("ix_meetings_thread_status", "thread_id", "status"),
        Index("ix_meetings_status_starts", "status", "starts_at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("help_requests.id", ondelete="SET NULL"))
    requester_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    # Who made the current proposal; the other one confirms it.
    proposer_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    place_kind: Mapped[str] = mapped_column(String(16))  # home (the requester's) | centre | other
    place_text: Mapped[str | None] = mapped_column(String(120))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    zone: Mapped[str] = mapped_column(String(40), default="Europe/Amsterdam")
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    recurring: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL", name="fk_meetings_previous_id")
    )
    # yes | no, as each answered "Is het gelukt?".
    requester_outcome: Mapped[str | None] = mapped_column(String(8))
    volunteer_outcome: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ReminderPreference(Base):
    """When a person wants meeting reminders: the evening before (19:00 local) and/or `hours_before`
    (0: none). No row: the default, the evening before and two hours before."""

    __tablename__ = "reminder_preferences"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    evening: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    hours_before: Mapped[int] = mapped_column(Integer, default=2, server_default=text("2"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Service(Base):
    """One entry of the sociale kaart: where people can go for what. Managed by staff.

    `neighbourhood` None: for the whole municipality. `terms` are the words people use when they look
    for it; the social map (flows/social_map.py) matches on name, description, categories and terms.
    """

    __tablename__ = "services"
    __table_args__ = (Index("ix_services_municipality", "municipality", "active"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    # The tenant (municipality front door, bot/tenants.py) this row belongs to; `default` in a
    # single-tenant deployment. Nothing is looked up across tenants.
    tenant: Mapped[str] = mapped_column(String(32), default="default", server_default="default")
    municipality: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(String(300))
    categories: Mapped[list[str]] = mapped_column(JSONType, default=list)
    terms: Mapped[list[str]] = mapped_column(JSONType, default=list)
    neighbourhood: Mapped[str | None] = mapped_column(String(40))
    hours: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Activity(Base):
    """A weekly neighbourhood activity (agenda): a koffieochtend, a wandelgroep, a repair café.

    `weekday` 0 = Monday; `start` is local time "HH:MM" (VOORDEUR_TIMEZONE). Managed by staff; the
    organiser sees who signed up (storage/community.py `signups_for`).
    """

    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_neighbourhood", "neighbourhood", "active"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    # The tenant (municipality front door, bot/tenants.py) this row belongs to; `default` in a
    # single-tenant deployment. Nothing is looked up across tenants.
    tenant: Mapped[str] = mapped_column(String(32), default="default", server_default="default")
    municipality: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(String(300), default="")
    weekday: Mapped[int] = mapped_column(Integer)
    start: Mapped[str] = mapped_column(String(5))
    place: Mapped[str] = mapped_column(String(120))
    neighbourhood: Mapped[str] = mapped_column(String(40))
    organiser: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ActivitySignup(Base):
    """ "Ik doe mee": one person for one date of a weekly activity. `cancelled_at` when they drop out."""

    __tablename__ = "activity_signups"
    __table_args__ = (
        UniqueConstraint("activity_id", "person_id", "occurs_on", name="uq_activity_signup"),
        Index("ix_activity_signups_date", "activity_id", "occurs_on"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    occurs_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class CircleMember(Base):
    """Someone in a person's care circle (kring): invited -> active | declined; left when either side
    ends it. `address` is how they were invited (a phone number or a Telegram name): personal data,
    erased with either side. `member_id` is set once the invitee is known to the bot.
    """

    __tablename__ = "circle_members"
    __table_args__ = (Index("ix_circle_members_owner", "owner_id", "status"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE", name="fk_circle_members_member_id"), index=True
    )
    channel: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(64))
    code: Mapped[str | None] = mapped_column(String(6), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="invited")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class CircleSettings(Base):
    """What a person's circle sees: `shares` maps an item type (requests, meetings, checkins) to yes/no;
    a type not in it follows `share_default`. Nothing is shared until the person chose."""

    __tablename__ = "circle_settings"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    share_default: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    shares: Mapped[dict[str, bool]] = mapped_column(JSONType, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


# --- staff console (bot/web/staff) ---------------------------------------------------------------------


class StaffAccount(Base):
    """A person who works in the staff console.

    role: buurtverbinder (sees only `neighbourhoods`) | coordinator (the municipality) | admin.
    """

    __tablename__ = "staff_accounts"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    # The tenant (municipality front door, bot/tenants.py) this row belongs to; `default` in a
    # single-tenant deployment. Nothing is looked up across tenants.
    tenant: Mapped[str] = mapped_column(String(32), default="default", server_default="default")
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(16))
    neighbourhoods: Mapped[list[str]] = mapped_column(JSONType, default=list)
    # Given to a volunteer who must call a phone-intake caller through the buurtverbinder.
    phone: Mapped[str | None] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The TOTP secret of a second factor (base32), once confirmed; required for coordinators and admins.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    # An invitation or reset: the SHA-256 of a one-time link's token, and until when it works.
    invite_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    invite_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class StaffSession(Base):
    """A logged-in browser: the cookie holds a random token, the table only its SHA-256."""

    __tablename__ = "staff_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_accounts.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StaffLoginAttempt(Base):
    """Login attempts, for rate limiting per account and per IP address (shared by every process)."""

    __tablename__ = "staff_login_attempts"
    __table_args__ = (
        Index("ix_staff_login_attempts_email", "email", "attempted_at"),
        Index("ix_staff_login_attempts_ip", "ip", "attempted_at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    ip: Mapped[str] = mapped_column(String(64))
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    success: Mapped[bool] = mapped_column(Boolean)


class StaffAudit(Base):
    """Every view of a person's data and every staff action on a person: who, whom, what, when."""

    __tablename__ = "staff_audit_log"
    __table_args__ = (Index("ix_staff_audit_person", "person_id", "at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_accounts.id", ondelete="SET NULL"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    what: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class StaffHold(Base):
    """Staff took over this person's conversation: the bot stores their messages and answers nothing
    (except STOP/START and a crisis) until staff hand back."""

    __tablename__ = "staff_holds"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id", ondelete="SET NULL"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PersonBlock(Base):
    """A blocked person gets nothing; what they send is stored, never relayed or answered."""

    __tablename__ = "person_blocks"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id", ondelete="SET NULL"))
    blocked_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MatchExclusion(Base):
    """Two people who are not matched again: one of them said so after meeting ("liever niet meer met
    hem"), reported the other (MELD) or ended their conversation over a worry. Stored both ways, so
    matching asks one cheap question for the requester: is this volunteer excluded for me? Ids and a
    reason code only; staff see why in the alert that came with it."""

    __tablename__ = "match_exclusions"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    other_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    reason: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PhoneIntake(Base):
    """A request staff took down on the phone: who took it, so a volunteer can be told whom to call."""

    __tablename__ = "phone_intakes"

    request_id: Mapped[int] = mapped_column(
        ForeignKey("help_requests.id", ondelete="CASCADE"), primary_key=True
    )
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id", ondelete="SET NULL"))
    caller_has_phone: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


# --- the console's teamwork (migration 0017) -------------------------------------------------------------


class StaffAssignment(Base):
    """Who on the team looks after a person's conversation (at most one)."""

    __tablename__ = "staff_assignments"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_accounts.id", ondelete="CASCADE"), index=True)
    assigned_by: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id", ondelete="SET NULL"))
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StaffNote(Base):
    """A private note about a person, for the team only: the person never sees it."""

    __tablename__ = "staff_notes"
    __table_args__ = (Index("ix_staff_notes_person", "person_id", "id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StaffNotification(Base):
    """Something for one staff member to look at: an @mention in a note, a conversation assigned to them."""

    __tablename__ = "staff_notifications"
    __table_args__ = (Index("ix_staff_notifications_open", "staff_id", "read_at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_accounts.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    note_id: Mapped[int | None] = mapped_column(ForeignKey("staff_notes.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # mention | assigned
    by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class StaffLabel(Base):
    """A label a tenant's team puts on conversations ("woningnood", "terugbellen")."""

    __tablename__ = "staff_labels"
    __table_args__ = (UniqueConstraint("tenant", "name", name="uq_staff_labels_tenant_name"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    tenant: Mapped[str] = mapped_column(String(32), default="default")
    name: Mapped[str] = mapped_column(String(40))


class PersonLabel(Base):
    __tablename__ = "person_labels"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    label_id: Mapped[int] = mapped_column(
        ForeignKey("staff_labels.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class CannedReply(Base):
    """A tenant's ready answer in Dutch and English; `{naam}` / `{name}` becomes the person's first name."""

    __tablename__ = "canned_replies"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    tenant: Mapped[str] = mapped_column(String(32), default="default", index=True)
    title: Mapped[str] = mapped_column(String(80))
    body_nl: Mapped[str] = mapped_column(Text)
    body_en: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SendSlot(Base):
    """Shared send pacing (PostgreSQL, several workers): per sender key, when its next send may start.

    Seconds since the epoch on the database's clock, so workers on machines whose clocks differ agree.
    """

    __tablename__ = "send_slots"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    next_at: Mapped[float] = mapped_column(Float)


class WorkerHeartbeat(Base):
    """A row per running worker, refreshed every few seconds: `/healthz` and the metrics name the stale."""

    __tablename__ = "worker_heartbeats"

    name: Mapped[str] = mapped_column(String(128), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    beat_at: Mapped[datetime] = mapped_column(UTCDateTime())


class WhatsAppTemplate(Base):
    """A template created at Twilio's Content API for a text that may open a WhatsApp conversation."""

    __tablename__ = "whatsapp_templates"

    text_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    content_sid: Mapped[str] = mapped_column(String(64))
    # Twilio's approval state: received, pending, approved, rejected, paused, disabled, unsubmitted.
    status: Mapped[str] = mapped_column(String(32))
    # The wording that was submitted: a changed wording in the catalogue needs a new template.
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
