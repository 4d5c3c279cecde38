"""Every place a person's data lives, in one list that erasure, export and retention share.

Features keep adding personal data in new places (a column, a table, a key of the conversation state).
Three lists (what VERWIJDER MIJ removes, what EXPORT shows, what retention clears) drift apart; one list
does not: `PLACES` names each table, the columns that name the person (`owner`), the columns that hold
their data (`personal`) and what happens to it:

- `erase`: `delete` (the rows go), `blank` (the `personal` columns are emptied, the row stays as a fact),
  `custom` (storage/privacy.py `erase` does it by hand: the person's tombstone, threads, messages others
  were sent) or `keep` (no personal data beyond the link to a person id that is already a tombstone);
- `export`: the section of storage/exports.py `SECTIONS` that shows it, or None with `why`;
- `retention`: what clears it when nobody asks (storage/retention.py), in words.

The team's notes, labels, assignment and notifications about a person were already deleted on erasure by a
database trigger (migration 0017, `people_erased_console`); they are listed here too, so the list is whole.

`OTHER_TABLES` are the tables that hold nothing about a resident or volunteer. tests/test_privacy_leftovers.py
fails when a table is in neither list, or when a text or JSON column of a place is neither `personal` nor
`codes`: a feature that stores something new has to say here where it goes.

`STATE_LIFETIMES` are the keys of the conversation state (flows/) kept only for a short while: their value
carries its moment (`at`, ISO 8601) and storage/retention.py `forget_moments` removes them after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from flows import crisis

Erase = Literal["delete", "blank", "custom", "keep"]


@dataclass(frozen=True, slots=True)
class Place:
    table: str
    owner: tuple[str, ...]
    personal: tuple[str, ...]
    erase: Erase
    export: str | None
    retention: str
    # Text or JSON columns that are codes, statuses or ids, not anybody's words.
    codes: tuple[str, ...] = ()
    why: str = ""


PLACES: tuple[Place, ...] = (
    Place(
        "people",
        ("id",),
        ("first_name", "postcode4"),
        "custom",
        "person",
        "kept while the person is; a tombstone after erasure",
        codes=("tenant", "language", "neighbourhood"),
    ),
    Place(
        "identities",
        ("person_id",),
        ("address",),
        "delete",
        "addresses",
        "kept while the person is",
        codes=("tenant", "channel", "stop_reason"),
    ),
    Place(
        "conversations",
        ("person_id",),
        ("state",),
        "delete",
        "conversation",
        "state cleared after the retention period of inactivity; short-lived keys (STATE_LIFETIMES) after"
        " their lifetime",
    ),
    Place(
        "inbound_messages",
        ("person_id", "about_person_id"),
        ("event",),
        "custom",
        "messages",
        "processed bodies blanked after the retention period",
        codes=("tenant", "channel", "provider_id", "error"),
    ),
    Place(
        "outbox",
        ("person_id",),
        ("body", "choices", "params"),
        "custom",
        "messages",
        "params and choices cleared once finished (sent, failed, cancelled); finished rows deleted after"
        " the retention period",
        codes=("channel", "text_key", "status", "provider_id", "error", "delivery_status", "delivery_error"),
    ),
    Place(
        "consents",
        ("person_id",),
        (),
        "delete",
        "consents",
        "kept while the person is",
        codes=("version", "text_key"),
    ),
    Place(
        "help_requests",
        ("person_id", "matched_person_id"),
        ("description",),
        "custom",
        "help_requests",
        "description blanked once closed for the retention period; the facts stay",
        codes=("category", "when", "neighbourhood", "visibility", "status", "source"),
    ),
    Place(
        "help_offers",
        ("person_id",),
        ("availability", "languages"),
        "delete",
        "help_offer",
        "kept while the person offers",
        codes=("reach",),
    ),
    Place("offer_categories", ("person_id",), (), "delete", "help_offer", "with the offer"),
    Place(
        "match_invitations",
        ("person_id",),
        (),
        "keep",
        "invitations",
        "facts (asked, answered) for figures",
        codes=("status",),
    ),
    Place(
        "scheduled_events",
        ("person_id",),
        ("payload",),
        "custom",
        None,
        "pending ones cancelled with an empty payload on erasure; payloads hold ids only",
        codes=("kind", "status", "reason", "key"),
        why="timers (ids and moments), not data the person gave",
    ),
    Place(
        "threads",
        ("requester_id", "volunteer_id"),
        (),
        "custom",
        "your_words_in_conversations",
        "closed on erasure; facts stay",
        codes=("status",),
    ),
    Place(
        "thread_messages",
        ("sender_id",),
        ("body",),
        "custom",
        "your_words_in_conversations",
        "deleted when the thread is quiet for the retention period",
    ),
    Place(
        "staff_alerts",
        ("person_id",),
        (),
        "keep",
        None,
        "facts (kind, when) for the staff queue",
        codes=("kind", "priority"),
        why="no words: a kind and a moment",
    ),
    Place("link_codes", ("person_id",), (), "delete", None, "deleted once expired", why="a code for minutes"),
    Place("export_links", ("person_id",), (), "delete", None, "deleted once expired", why="a token's hash"),
    Place(
        "care_registrations",
        ("person_id",),
        ("care_for", "rhythm"),
        "delete",
        "mantelzorg",
        "kept while registered",
        codes=("relation", "hours"),
    ),
    Place(
        "care_checkins",
        ("person_id",),
        (),
        "delete",
        "mantelzorg",
        "kept while registered",
        codes=("status", "answer", "followup"),
    ),
    Place("reminders", ("person_id",), ("text", "rule"), "delete", "reminders", "until removed or sent"),
    Place(
        "meetings",
        ("requester_id", "volunteer_id"),
        ("place_text",),
        "custom",
        "meetings",
        "place in words blanked once past for the retention period",
        codes=("place_kind", "zone", "status", "requester_outcome", "volunteer_outcome"),
    ),
    Place(
        "reminder_preferences",
        ("person_id",),
        (),
        "delete",
        "reminder_preferences",
        "kept while the person is",
    ),
    Place("activity_signups", ("person_id",), (), "delete", "activity_signups", "kept while the person is"),
    Place(
        "circle_members",
        ("owner_id", "member_id"),
        ("address",),
        "delete",
        "care_circle",
        "declined, left and unanswered invitations deleted after the retention period",
        codes=("channel", "code", "status"),
    ),
    Place(
        "circle_settings", ("person_id",), ("shares",), "delete", "care_circle", "kept while the person is"
    ),
    Place(
        "staff_notes",
        ("person_id",),
        ("body",),
        "delete",
        "staff_notes",
        "kept while the person is (the team's record)",
    ),
    Place(
        "staff_notifications",
        ("person_id",),
        (),
        "delete",
        None,
        "read ones kept",
        codes=("kind",),
        why="the staff member's, not the person's",
    ),
    Place("person_labels", ("person_id",), (), "delete", "staff_labels", "kept while the person is"),
    Place(
        "staff_assignments",
        ("person_id",),
        (),
        "delete",
        None,
        "kept while the person is",
        why="who on the team looks after them: the team's",
    ),
    Place("staff_holds", ("person_id",), (), "delete", None, "until handed back", why="a moment"),
    Place(
        "match_exclusions",
        ("person_id", "other_id"),
        (),
        "delete",
        None,
        "kept while both are",
        codes=("reason",),
        why="two ids and a reason code: who is not asked to help whom again",
    ),
    Place("person_blocks", ("person_id",), (), "delete", None, "kept while the person is", why="a moment"),
    Place(
        "staff_audit_log",
        ("person_id",),
        (),
        "keep",
        None,
        "kept: accountability of staff",
        codes=("what",),
        why="what staff did, by fixed names: the team's accountability",
    ),
)

# Tables that hold nothing about a resident or volunteer, and why.
OTHER_TABLES: dict[str, str] = {
    "activities": "the agenda, kept by staff",
    "services": "the sociale kaart, kept by staff",
    "canned_replies": "staff's ready answers",
    "staff_accounts": "staff members (employees), not residents",
    "staff_sessions": "staff logins",
    "staff_login_attempts": "staff logins, rate limiting",
    "staff_labels": "label names (which person has one: person_labels)",
    "phone_intakes": "which staff member took a request by phone: ids",
    "send_slots": "send pacing",
    "worker_heartbeats": "processes",
    "whatsapp_templates": "catalogue texts",
}

# Keys of the conversation state kept only for a while: key -> how long after its `at`.
STATE_LIFETIMES: dict[str, timedelta] = {
    crisis.PIECE: timedelta(minutes=crisis.PIECE_MINUTES),
}


def place(table: str) -> Place:
    """The place of `table` (KeyError: it is not one)."""
    return next(p for p in PLACES if p.table == table)
