"""The console's inbox: the list of conversations with its filters, search, and teamwork (assignment,
private notes with @mentions, labels, canned replies). Every query takes the staff member's `Scope`.

Message search uses each database's own full-text search: PostgreSQL's Dutch configuration on an
expression index over the stored message (`ix_inbound_text_dutch`), SQLite's FTS5 table
`message_search`, kept in step with inbound_messages by triggers (migration 0017).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import String, and_, cast, delete, exists, func, literal_column, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    CannedReply,
    HelpRequest,
    Identity,
    InboundMessage,
    Person,
    PersonLabel,
    StaffAccount,
    StaffAlert,
    StaffAssignment,
    StaffHold,
    StaffLabel,
    StaffNote,
    StaffNotification,
)
from storage.staff import CRISIS_KINDS, Scope

# Made by migration 0017 and not described by the models: the FTS5 table (and its shadow tables) and
# PostgreSQL's expression index. The migrations test leaves them out of its comparison.
OUTSIDE_MODELS = ("message_search", "ix_inbound_text_dutch")
PAGE = 50
SEARCH_LIMIT = 30
# Alerts that mean "a person waits for a human": a call back, a word of distress or loss, a question
# nobody could answer (the rest are about matches, approvals or a carer's silence).
WAITING_KINDS = (
    "human_requested",
    *CRISIS_KINDS,
    "stuck",
    "voice_note",
    "abuse_report",
    "message_failed",
    "care_callback",
    "care_distress",
    "distress",
    "bereavement",
    "contact_note",
    "map_no_result",
)
_WORD = re.compile(r"\w+", re.UNICODE)
MENTION = re.compile(r"@([\w.-]+)", re.UNICODE)


def is_postgres(session: AsyncSession) -> bool:
    return session.bind.dialect.name == "postgresql"


# --- the conversation list -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Filters:
    waiting: bool = False
    held: bool = False
    mine: bool = False
    neighbourhood: str = ""
    channel: str = ""
    label: int | None = None
    language: str = ""


@dataclass(frozen=True, slots=True)
class ConversationRow:
    person: Person
    held_by: str
    assigned_to: str
    waiting: bool
    labels: tuple[str, ...]
    last_text: str
    channels: tuple[str, ...] = field(default=())


def _waiting_clause() -> Any:
    return exists().where(
        StaffAlert.person_id == Person.id,
        StaffAlert.resolved_at.is_(None),
        StaffAlert.kind.in_(WAITING_KINDS),
    )


async def conversations(
    session: AsyncSession, scope: Scope, staff_id: int, filters: Filters, page: int = 0
) -> tuple[list[ConversationRow], bool]:
    """People who wrote to the bot, newest activity first, filtered; and whether there is a next page.
    Those waiting for a person: who waits longest first (round staffday: the oldest was on the last page)."""
    order: tuple[Any, ...] = (Person.last_active_at.desc(), Person.id.desc())
    if filters.waiting:
        since = (
            select(func.min(StaffAlert.created_at))
            .where(
                StaffAlert.person_id == Person.id,
                StaffAlert.resolved_at.is_(None),
                StaffAlert.kind.in_(WAITING_KINDS),
            )
            .scalar_subquery()
        )
        order = (since.asc(), Person.id)
    query = (
        select(Person)
        .where(scope.people(), Person.erased_at.is_(None))
        .where(
            # Who wrote, and whom the team holds or has assigned (a caller without a phone, a person
            # taken over from an alert before writing): a handover shows everything someone holds.
            or_(
                exists().where(InboundMessage.person_id == Person.id),
                exists().where(StaffHold.person_id == Person.id),
                exists().where(StaffAssignment.person_id == Person.id),
            )
        )
        .order_by(*order)
        .limit(PAGE + 1)
        .offset(page * PAGE)
    )
    if filters.waiting:
        query = query.where(_waiting_clause())
    if filters.held:
        query = query.where(exists().where(StaffHold.person_id == Person.id))
    if filters.mine:
        query = query.where(
            exists().where(StaffAssignment.person_id == Person.id, StaffAssignment.staff_id == staff_id)
        )
    if filters.neighbourhood:
        query = query.where(Person.neighbourhood == filters.neighbourhood)
    if filters.channel:
        query = query.where(
            exists().where(Identity.person_id == Person.id, Identity.channel == filters.channel)
        )
    if filters.label is not None:
        query = query.where(
            exists().where(PersonLabel.person_id == Person.id, PersonLabel.label_id == filters.label)
        )
    if filters.language:
        query = query.where(Person.language == filters.language)
    people = list((await session.execute(query)).scalars())
    more = len(people) > PAGE
    people = people[:PAGE]
    return await _rows(session, people), more


async def _rows(session: AsyncSession, people: list[Person]) -> list[ConversationRow]:
    ids = [person.id for person in people]
    if not ids:
        return []
    held: dict[int, str | None] = {
        person_id: name
        for person_id, name in (
            await session.execute(
                select(StaffHold.person_id, StaffAccount.name)
                .outerjoin(StaffAccount, StaffAccount.id == StaffHold.staff_id)
                .where(StaffHold.person_id.in_(ids))
            )
        ).all()
    }
    assigned: dict[int, str] = {
        person_id: name
        for person_id, name in (
            await session.execute(
                select(StaffAssignment.person_id, StaffAccount.name)
                .join(StaffAccount, StaffAccount.id == StaffAssignment.staff_id)
                .where(StaffAssignment.person_id.in_(ids))
            )
        ).all()
    }
    waiting = set(
        (
            await session.execute(
                select(StaffAlert.person_id).where(
                    StaffAlert.person_id.in_(ids),
                    StaffAlert.resolved_at.is_(None),
                    StaffAlert.kind.in_(WAITING_KINDS),
                )
            )
        ).scalars()
    )
    labels: dict[int, list[str]] = {}
    for person_id, name in await session.execute(
        select(PersonLabel.person_id, StaffLabel.name)
        .join(StaffLabel, StaffLabel.id == PersonLabel.label_id)
        .where(PersonLabel.person_id.in_(ids))
        .order_by(StaffLabel.name)
    ):
        labels.setdefault(person_id, []).append(name)
    channels: dict[int, set[str]] = {}
    for person_id, channel in await session.execute(
        select(Identity.person_id, Identity.channel).where(Identity.person_id.in_(ids))
    ):
        channels.setdefault(person_id, set()).add(channel)
    latest = (
        select(func.max(InboundMessage.id))
        .where(InboundMessage.person_id.in_(ids), InboundMessage.identity_id.is_not(None))
        .group_by(InboundMessage.person_id)
    )
    last: dict[int, str] = {}
    for row in (await session.execute(select(InboundMessage).where(InboundMessage.id.in_(latest)))).scalars():
        event = row.event or {}
        last[row.person_id] = str(event.get("text") or event.get("choice") or event.get("command") or "")
    return [
        ConversationRow(
            person=person,
            held_by=(held.get(person.id) or "") if person.id in held else "",
            assigned_to=assigned.get(person.id, ""),
            waiting=person.id in waiting,
            labels=tuple(labels.get(person.id, ())),
            last_text=last.get(person.id, "")[:140],
            channels=tuple(sorted(channels.get(person.id, ()))),
        )
        for person in people
    ]


async def queue_counts(session: AsyncSession, scope: Scope) -> dict[str, int]:
    """The figures on the queue page, for the live refresh."""
    people = select(Person.id).where(scope.people())
    alerts = await session.execute(
        select(StaffAlert.kind, func.count())
        .where(StaffAlert.resolved_at.is_(None), StaffAlert.person_id.in_(people))
        .group_by(StaffAlert.kind)
    )
    by_kind: dict[str, int] = {kind: int(n) for kind, n in alerts.all()}
    held = await session.execute(
        select(func.count()).select_from(StaffHold).where(StaffHold.person_id.in_(people))
    )
    unmatched = await session.execute(
        select(func.count())
        .select_from(HelpRequest)
        .join(Person, Person.id == HelpRequest.person_id)
        .where(HelpRequest.status == "unmatched", scope.requests())
    )
    return {
        "alerts": sum(n for kind, n in by_kind.items() if kind != "stalled_match"),
        "stalled": by_kind.get("stalled_match", 0),
        "held": int(held.scalar_one()),
        "unmatched": int(unmatched.scalar_one()),
    }


# --- search ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchResults:
    people: list[Person]
    requests: list[tuple[HelpRequest, Person]]
    messages: list[tuple[InboundMessage, Person]]

    @property
    def empty(self) -> bool:
        return not (self.people or self.requests or self.messages)


def words_of(query: str) -> list[str]:
    return _WORD.findall(query.lower())[:8]


# A Dutch number without its trunk 0 or country code has nine digits; addresses are stored as E.164
# ("+31612345678", "whatsapp:+31612345678").
NATIONAL_DIGITS = 9


def number_tail(digits: str) -> str:
    """What a typed number must end with to find an address: "06 1234 5678" and "+31 6 1234 5678" are
    stored as "+31612345678", so a whole number counts by its last nine digits; fewer digits (the last
    few a caller reads out) count as typed."""
    return digits[-NATIONAL_DIGITS:] if len(digits) > NATIONAL_DIGITS else digits


def _fts5_query(words: list[str]) -> str:
    """Each word as a quoted prefix ("boodschap"*): no FTS5 syntax from the search box reaches MATCH."""
    return " ".join(f'"{word}"*' for word in words)


async def search(
    session: AsyncSession, scope: Scope, query: str, neighbourhood_keys: dict[str, str]
) -> SearchResults:
    """People by first name, by the last digits of a number, by neighbourhood (its name or key);
    requests by their words; messages people wrote by their words. All within `scope`."""
    words = words_of(query)
    if not words:
        return SearchResults([], [], [])
    digits = number_tail("".join(ch for ch in query if ch.isdigit()))
    people_clauses: list[Any] = []
    for word in words:
        if not word.isdigit():
            people_clauses.append(func.lower(Person.first_name).like(f"{_escape(word)}%", escape="\\"))
    if len(digits) >= 3:
        people_clauses.append(
            exists().where(Identity.person_id == Person.id, Identity.address.like(f"%{digits}"))
        )
    wanted = {
        key
        for key, name in neighbourhood_keys.items()
        if any(word == key or word in name.lower().split() or word == name.lower() for word in words)
    }
    if wanted:
        people_clauses.append(Person.neighbourhood.in_(sorted(wanted)))
    people: list[Person] = []
    if people_clauses:
        found = await session.execute(
            select(Person)
            .where(scope.people(), Person.erased_at.is_(None), or_(*people_clauses))
            .order_by(Person.last_active_at.desc())
            .limit(SEARCH_LIMIT)
        )
        people = list(found.scalars())
    request_words = [word for word in words if len(word) >= 2]
    requests: list[tuple[HelpRequest, Person]] = []
    if request_words:
        found_requests = await session.execute(
            select(HelpRequest, Person)
            .join(Person, Person.id == HelpRequest.person_id)
            .where(
                scope.requests(),
                and_(
                    *(
                        func.lower(HelpRequest.description).like(f"%{_escape(word)}%", escape="\\")
                        for word in request_words
                    )
                ),
            )
            .order_by(HelpRequest.id.desc())
            .limit(SEARCH_LIMIT)
        )
        requests = [(row, person) for row, person in found_requests]
    return SearchResults(people, requests, await search_messages(session, scope, words))


async def search_messages(
    session: AsyncSession, scope: Scope, words: list[str]
) -> list[tuple[InboundMessage, Person]]:
    base = (
        select(InboundMessage, Person)
        .join(Person, Person.id == InboundMessage.person_id)
        .where(scope.people(), Person.erased_at.is_(None), InboundMessage.identity_id.is_not(None))
        .order_by(InboundMessage.id.desc())
        .limit(SEARCH_LIMIT)
    )
    if is_postgres(session):
        document = func.to_tsvector(
            literal_column("'dutch'::regconfig"),
            func.coalesce(InboundMessage.event.op("->>")("text"), ""),
        )
        # Each word as a prefix, all required: "boodschap:* & apotheek:*".
        # (words_of leaves only word characters: nothing of tsquery's syntax.)
        tsquery = " & ".join(f"{word}:*" for word in words)
        matched = base.where(
            document.op("@@")(func.to_tsquery(literal_column("'dutch'::regconfig"), cast(tsquery, String)))
        )
    else:
        ids: Any = (
            select(literal_column("rowid"))
            .select_from(text("message_search"))
            .where(text("message_search MATCH :fts"))
        )
        matched = base.where(InboundMessage.id.in_(ids)).params(fts=_fts5_query(words))
    return [(message, person) for message, person in await session.execute(matched)]


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# --- teamwork --------------------------------------------------------------------------------------------


async def team(session: AsyncSession, tenant: str) -> list[StaffAccount]:
    query = (
        select(StaffAccount)
        .where(StaffAccount.tenant == tenant, StaffAccount.active.is_(True))
        .order_by(StaffAccount.name)
    )
    return list((await session.execute(query)).scalars())


async def unassign_all(session: AsyncSession, staff_id: int) -> list[int]:
    """Everyone assigned to this colleague is assigned to nobody (their account is switched off): the
    people, to audit and to show in the list of who has nobody."""
    found = await session.execute(
        delete(StaffAssignment)
        .where(StaffAssignment.staff_id == staff_id)
        .returning(StaffAssignment.person_id)
    )
    return sorted(found.scalars())


async def assignment(session: AsyncSession, person_id: int) -> StaffAssignment | None:
    return await session.get(StaffAssignment, person_id)


async def assign(session: AsyncSession, person_id: int, staff_id: int | None, by: int, now: datetime) -> None:
    """Assign the conversation to `staff_id` (None: to nobody); the new assignee is notified unless they
    assigned it to themselves."""
    await session.execute(delete(StaffAssignment).where(StaffAssignment.person_id == person_id))
    if staff_id is None:
        return
    session.add(StaffAssignment(person_id=person_id, staff_id=staff_id, assigned_by=by, assigned_at=now))
    if staff_id != by:
        session.add(
            StaffNotification(
                staff_id=staff_id, person_id=person_id, kind="assigned", by_staff_id=by, created_at=now
            )
        )


def mention_handles(account: StaffAccount) -> set[str]:
    """How a colleague can be @mentioned: first name, full name without spaces, or the email's local part."""
    name = account.name.strip().lower()
    handles = {account.email.split("@")[0].lower(), name.replace(" ", "")}
    if name:
        handles.add(name.split()[0])
    return handles


async def add_note(
    session: AsyncSession, person: Person, staff_id: int, body: str, now: datetime
) -> list[StaffAccount]:
    """Store a private note; every active colleague @mentioned in it who may see the person is notified
    (one who may not learns nothing of it). Returns the colleagues notified."""
    person_id = person.id
    note = StaffNote(person_id=person_id, staff_id=staff_id, body=body, created_at=now)
    session.add(note)
    await session.flush()
    mentioned = {handle.lower() for handle in MENTION.findall(body)}
    notified: list[StaffAccount] = []
    if mentioned:
        for account in await team(session, person.tenant):
            if (
                account.id != staff_id
                and mention_handles(account) & mentioned
                and Scope.of(account).allows_person(person)
            ):
                notified.append(account)
                session.add(
                    StaffNotification(
                        staff_id=account.id,
                        person_id=person_id,
                        note_id=note.id,
                        kind="mention",
                        by_staff_id=staff_id,
                        created_at=now,
                    )
                )
    return notified


async def notes(session: AsyncSession, person_id: int) -> list[tuple[StaffNote, str]]:
    query = (
        select(StaffNote, StaffAccount.name)
        .outerjoin(StaffAccount, StaffAccount.id == StaffNote.staff_id)
        .where(StaffNote.person_id == person_id)
        .order_by(StaffNote.id)
    )
    return [(note, name or "") for note, name in await session.execute(query)]


@dataclass(frozen=True, slots=True)
class Notice:
    id: int
    kind: str
    person_id: int | None
    person_name: str
    by: str
    at: datetime
    note: str


async def notifications(session: AsyncSession, staff_id: int, scope: Scope) -> list[Notice]:
    """A staff member's unread notices about people still in their scope."""
    author = StaffAccount.__table__.alias("author")
    query = (
        select(StaffNotification, Person.first_name, author.c.name, StaffNote.body)
        .join(Person, Person.id == StaffNotification.person_id)
        .outerjoin(author, author.c.id == StaffNotification.by_staff_id)
        .outerjoin(StaffNote, StaffNote.id == StaffNotification.note_id)
        .where(StaffNotification.staff_id == staff_id, StaffNotification.read_at.is_(None), scope.people())
        .order_by(StaffNotification.id.desc())
        .limit(50)
    )
    return [
        Notice(row.id, row.kind, row.person_id, first or "", by or "", row.created_at, (body or "")[:200])
        for row, first, by, body in await session.execute(query)
    ]


async def mark_read(session: AsyncSession, staff_id: int, person_id: int, now: datetime) -> None:
    rows = await session.execute(
        select(StaffNotification).where(
            StaffNotification.staff_id == staff_id,
            StaffNotification.person_id == person_id,
            StaffNotification.read_at.is_(None),
        )
    )
    for row in rows.scalars():
        row.read_at = now


async def labels(session: AsyncSession, tenant: str) -> list[StaffLabel]:
    query = select(StaffLabel).where(StaffLabel.tenant == tenant).order_by(StaffLabel.name)
    return list((await session.execute(query)).scalars())


async def person_labels(session: AsyncSession, person_id: int) -> list[StaffLabel]:
    query = (
        select(StaffLabel)
        .join(PersonLabel, PersonLabel.label_id == StaffLabel.id)
        .where(PersonLabel.person_id == person_id)
        .order_by(StaffLabel.name)
    )
    return list((await session.execute(query)).scalars())


async def add_label(session: AsyncSession, person_id: int, tenant: str, name: str) -> bool:
    """Put a label (made for the tenant the first time it is used) on a person; False if it was there."""
    name = " ".join(name.split())[:40]
    found = (
        await session.execute(select(StaffLabel).where(StaffLabel.tenant == tenant, StaffLabel.name == name))
    ).scalar_one_or_none()
    if found is None:
        found = StaffLabel(tenant=tenant, name=name)
        session.add(found)
        await session.flush()
    if await session.get(PersonLabel, (person_id, found.id)) is not None:
        return False
    session.add(PersonLabel(person_id=person_id, label_id=found.id))
    return True


async def remove_label(session: AsyncSession, person_id: int, tenant: str, label_id: int) -> bool:
    label = await session.get(StaffLabel, label_id)
    if label is None or label.tenant != tenant:
        return False
    result = await session.execute(
        delete(PersonLabel).where(PersonLabel.person_id == person_id, PersonLabel.label_id == label_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def canned_replies(session: AsyncSession, tenant: str) -> list[CannedReply]:
    query = select(CannedReply).where(CannedReply.tenant == tenant).order_by(CannedReply.title)
    return list((await session.execute(query)).scalars())


def fill_in(reply: CannedReply, language: str, first_name: str) -> str:
    """The reply in the person's language with their first name in place of {naam} / {name}."""
    body = reply.body_en if language == "en" and reply.body_en.strip() else reply.body_nl
    name = first_name or ""
    return body.replace("{naam}", name).replace("{name}", name)


# --- the queue's alerts and the live refresh -------------------------------------------------------------

# Alerts every open console of the neighbourhood must notice at once (a visible and audible cue).
URGENT_KINDS = (*CRISIS_KINDS, "human_requested")
# Alerts shown with what the person last wrote (the bot could not understand them, or it was a voice note).
# A call-back note carries when they are reachable; distress, a loss and a question the sociale kaart could
# not answer are read in their own words before anyone calls.
WITH_MESSAGES = (
    "stuck",
    "voice_note",
    "message_failed",
    "contact_note",
    "distress",
    "care_distress",
    "bereavement",
    "map_no_result",
)


async def last_said(
    session: AsyncSession, person_id: int, before: datetime, limit: int = 3
) -> list[InboundMessage]:
    """What the person last wrote up to `before`, oldest first: read from the messages themselves, so an
    erased person's words are gone from the queue too."""
    query = (
        select(InboundMessage)
        .where(
            InboundMessage.person_id == person_id,
            InboundMessage.identity_id.is_not(None),
            InboundMessage.received_at <= before,
        )
        .order_by(InboundMessage.id.desc())
        .limit(limit)
    )
    return list(reversed(list((await session.execute(query)).scalars())))


async def alerts_after(session: AsyncSession, scope: Scope, after_id: int) -> list[tuple[StaffAlert, Person]]:
    """Open alerts about people in scope newer than `after_id` (the live refresh's new arrivals)."""
    query = (
        select(StaffAlert, Person)
        .join(Person, Person.id == StaffAlert.person_id)
        .where(StaffAlert.id > after_id, StaffAlert.resolved_at.is_(None), scope.people())
        .order_by(StaffAlert.id)
        .limit(20)
    )
    return [(alert, person) for alert, person in await session.execute(query)]


async def latest_alert_id(session: AsyncSession) -> int:
    return int((await session.execute(select(func.coalesce(func.max(StaffAlert.id), 0)))).scalar_one())
