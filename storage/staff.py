"""Staff console storage: accounts, sessions, login attempts, the audit log, takeovers, blocks, queues.

A `Scope` is what one staff member may see: a buurtverbinder their neighbourhoods, a coordinator or an
admin the whole municipality (`neighbourhoods is None`), always within their own tenant (municipality
front door, bot/tenants.py): another tenant's people and requests do not exist for them. Every query
about people or requests takes one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, delete, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    HelpOffer,
    HelpRequest,
    InboundMessage,
    MatchInvitation,
    OfferCategory,
    OutboxMessage,
    Person,
    PersonBlock,
    PhoneIntake,
    ScheduledEvent,
    StaffAccount,
    StaffAlert,
    StaffAssignment,
    StaffAudit,
    StaffHold,
    StaffLoginAttempt,
    StaffSession,
    Thread,
    ThreadMessage,
)
from storage.outbox import WAITING_WINDOW

ROLES = ("buurtverbinder", "coordinator", "admin")
QUEUE_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Scope:
    neighbourhoods: frozenset[str] | None  # None: everything (of the tenant)
    tenant: str = "default"

    @classmethod
    def of(cls, account: StaffAccount) -> Scope:
        tenant = account.tenant or "default"
        if account.role == "buurtverbinder":
            return cls(frozenset(account.neighbourhoods or ()), tenant)
        return cls(None, tenant)

    def allows(self, neighbourhood: str | None) -> bool:
        """Whether a neighbourhood of this tenant is in scope (callers check the tenant: `allows_person`)."""
        return self.neighbourhoods is None or (
            neighbourhood is not None and neighbourhood in self.neighbourhoods
        )

    def allows_person(self, person: Person) -> bool:
        return person.tenant == self.tenant and self.allows(person.neighbourhood)

    def people(self) -> Any:
        """A WHERE clause on Person for this scope."""
        if self.neighbourhoods is None:
            return Person.tenant == self.tenant
        return and_(Person.tenant == self.tenant, Person.neighbourhood.in_(sorted(self.neighbourhoods)))

    def requests(self) -> Any:
        """A WHERE clause on HelpRequest joined with its requester (Person) for this scope."""
        if self.neighbourhoods is None:
            return Person.tenant == self.tenant
        return and_(Person.tenant == self.tenant, HelpRequest.neighbourhood.in_(sorted(self.neighbourhoods)))


# --- accounts and sessions -------------------------------------------------------------------------------


def add_account(
    session: AsyncSession,
    *,
    email: str,
    name: str,
    role: str,
    password_hash: str,
    neighbourhoods: list[str],
    now: datetime,
    phone: str | None = None,
    tenant: str = "default",
) -> StaffAccount:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    account = StaffAccount(
        tenant=tenant,
        email=email.strip().lower(),
        name=name.strip(),
        role=role,
        neighbourhoods=list(neighbourhoods),
        phone=phone,
        password_hash=password_hash,
        active=True,
        created_at=now,
    )
    session.add(account)
    return account


async def account_by_email(session: AsyncSession, email: str) -> StaffAccount | None:
    query = select(StaffAccount).where(StaffAccount.email == email.strip().lower())
    return (await session.execute(query)).scalar_one_or_none()


async def start_session(
    session: AsyncSession, staff_id: int, token_hash: str, csrf_token: str, now: datetime, expires: datetime
) -> None:
    session.add(
        StaffSession(
            token_hash=token_hash,
            staff_id=staff_id,
            csrf_token=csrf_token,
            created_at=now,
            expires_at=expires,
        )
    )


async def session_account(
    session: AsyncSession, token_hash: str, now: datetime
) -> tuple[StaffSession, StaffAccount] | None:
    query = (
        select(StaffSession, StaffAccount)
        .join(StaffAccount, StaffAccount.id == StaffSession.staff_id)
        .where(
            StaffSession.token_hash == token_hash,
            StaffSession.expires_at > now,
            StaffAccount.active.is_(True),
        )
    )
    row = (await session.execute(query)).one_or_none()
    return (row[0], row[1]) if row is not None else None


async def end_session(session: AsyncSession, token_hash: str) -> None:
    await session.execute(delete(StaffSession).where(StaffSession.token_hash == token_hash))


def record_login(session: AsyncSession, email: str, ip: str, now: datetime, *, success: bool) -> None:
    session.add(
        StaffLoginAttempt(email=email.strip().lower()[:254], ip=ip[:64], attempted_at=now, success=success)
    )


async def failed_logins(
    session: AsyncSession, since: datetime, *, email: str | None = None, ip: str | None = None
) -> int:
    query = (
        select(func.count())
        .select_from(StaffLoginAttempt)
        .where(StaffLoginAttempt.attempted_at > since, StaffLoginAttempt.success.is_(False))
    )
    if email is not None:
        query = query.where(StaffLoginAttempt.email == email.strip().lower()[:254])
    if ip is not None:
        query = query.where(StaffLoginAttempt.ip == ip[:64])
    return int((await session.execute(query)).scalar_one())


# --- audit, takeovers, blocks ----------------------------------------------------------------------------


def audit(session: AsyncSession, staff_id: int, person_id: int | None, what: str, now: datetime) -> None:
    session.add(StaffAudit(staff_id=staff_id, person_id=person_id, what=what[:64], at=now))


async def audit_for_person(
    session: AsyncSession, person_id: int, limit: int = 50
) -> list[tuple[StaffAudit, str]]:
    query = (
        select(StaffAudit, StaffAccount.name)
        .outerjoin(StaffAccount, StaffAccount.id == StaffAudit.staff_id)
        .where(StaffAudit.person_id == person_id)
        .order_by(StaffAudit.id.desc())
        .limit(limit)
    )
    return [(row, name or "") for row, name in await session.execute(query)]


@dataclass(frozen=True, slots=True)
class PersonStatus:
    held_by: int | None  # the staff member who took over, or None
    held: bool
    blocked: bool


async def person_status(session: AsyncSession, person_id: int) -> PersonStatus:
    """Whether staff took over this person's conversation, and whether they are blocked: one statement,
    since the engine asks it before every flow step."""
    query = select(
        select(StaffHold.staff_id).where(StaffHold.person_id == person_id).scalar_subquery(),
        exists().where(StaffHold.person_id == person_id),
        exists().where(PersonBlock.person_id == person_id),
    )
    held_by, held, blocked = (await session.execute(query)).one()
    return PersonStatus(held_by=held_by, held=bool(held), blocked=bool(blocked))


async def take_over(session: AsyncSession, person_id: int, staff_id: int, now: datetime) -> bool:
    """Returns False when someone already holds the conversation (they keep it). A shift handover is the
    exception (round staffday): the colleague the person is assigned to takes the hold over without the
    bot answering in between, and so does anyone from an account that is gone or switched off."""
    hold = await session.get(StaffHold, person_id)
    if hold is None:
        session.add(StaffHold(person_id=person_id, staff_id=staff_id, started_at=now))
        return True
    if hold.staff_id == staff_id:
        return False
    holder = await session.get(StaffAccount, hold.staff_id) if hold.staff_id is not None else None
    assigned = await session.get(StaffAssignment, person_id)
    if holder is not None and holder.active and (assigned is None or assigned.staff_id != staff_id):
        return False
    hold.staff_id, hold.started_at = staff_id, now
    return True


async def holds_of(session: AsyncSession, staff_id: int) -> list[int]:
    """The people whose conversation this colleague holds."""
    found = await session.execute(
        select(StaffHold.person_id).where(StaffHold.staff_id == staff_id).order_by(StaffHold.person_id)
    )
    return list(found.scalars())


async def hand_back(session: AsyncSession, person_id: int) -> bool:
    result = await session.execute(delete(StaffHold).where(StaffHold.person_id == person_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def block(session: AsyncSession, person_id: int, staff_id: int, now: datetime) -> bool:
    if await session.get(PersonBlock, person_id) is not None:
        return False
    session.add(PersonBlock(person_id=person_id, staff_id=staff_id, blocked_at=now))
    # Nothing still waiting in the outbox reaches them either.
    pending = await session.execute(
        select(OutboxMessage).where(
            OutboxMessage.person_id == person_id, OutboxMessage.status.in_(("pending", WAITING_WINDOW))
        )
    )
    for row in pending.scalars():
        row.status, row.error = "cancelled", "blocked"
    return True


async def unblock(session: AsyncSession, person_id: int) -> bool:
    result = await session.execute(delete(PersonBlock).where(PersonBlock.person_id == person_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


# --- phone intake ----------------------------------------------------------------------------------------


def record_phone_intake(
    session: AsyncSession, request_id: int, staff_id: int, has_phone: bool, now: datetime
) -> None:
    session.add(
        PhoneIntake(request_id=request_id, staff_id=staff_id, caller_has_phone=has_phone, created_at=now)
    )


async def phone_contact(session: AsyncSession, request_id: int) -> tuple[str, str] | None:
    """For a phone-intake caller without a mobile: the staff member to call (name, phone), else None."""
    query = (
        select(PhoneIntake, StaffAccount)
        .join(StaffAccount, StaffAccount.id == PhoneIntake.staff_id)
        .where(PhoneIntake.request_id == request_id)
    )
    row = (await session.execute(query)).one_or_none()
    if row is None or row[0].caller_has_phone:
        return None
    account: StaffAccount = row[1]
    return account.name.split()[0] if account.name else "", account.phone or ""


# --- queues ----------------------------------------------------------------------------------------------


async def unmatched_requests(session: AsyncSession, scope: Scope) -> list[tuple[HelpRequest, Person]]:
    query = (
        select(HelpRequest, Person)
        .join(Person, Person.id == HelpRequest.person_id)
        .where(HelpRequest.status == "unmatched", scope.requests())
        .order_by(HelpRequest.urgent.desc(), HelpRequest.updated_at)
        .limit(QUEUE_LIMIT)
    )
    return [(request, person) for request, person in await session.execute(query)]


async def requests_in_review(session: AsyncSession, scope: Scope) -> list[tuple[HelpRequest, Person]]:
    """New requests waiting for a buurtverbinder's akkoord (bot/effects/review.py), oldest first."""
    query = (
        select(HelpRequest, Person)
        .join(Person, Person.id == HelpRequest.person_id)
        .where(HelpRequest.status == "review", scope.requests())
        .order_by(HelpRequest.created_at)
        .limit(QUEUE_LIMIT)
    )
    return [(request, person) for request, person in await session.execute(query)]


# Every alert kind the bot raises (tests/test_staff_day.py finds them in the code and fails on one missing
# here or without its label `alert_<kind>` in bot/web/staff/texts.toml). The queue shows them in rank
# order, oldest first within a rank: someone in danger before anything else, then what is high priority
# or a person asking for a person right now, then people waiting for a human, then the rest (matches,
# approvals). A kind added later without a rank still sorts by its priority.
# Round crisis21: crisis_missing (someone with dementia gone) and crisis_carer (a carer's danger to the one
# cared for) rank with the other crises (flows/crisis.py KINDS).
# Round crisis22: crisis_gas (a smell of gas) and crisis_fire (fire or smoke from a home), both 112.
CRISIS_KINDS = (
    "crisis_suicide",
    "crisis_violence",
    "crisis_medical",
    "crisis_missing",
    "crisis_carer",
    "crisis_gas",
    "crisis_fire",
)
ALERT_RANKS: dict[str, int] = {
    **dict.fromkeys(CRISIS_KINDS, 0),
    **dict.fromkeys(
        ("abuse_report", "human_requested", "care_callback", "care_distress", "care_heavy", "care_silent"), 1
    ),
    "pills_unclear": 1,  # round crisis19: the safety check about pills not answered (flows/crisis_check.py)
    "message_failed": 1,
    **dict.fromkeys(("distress", "bereavement", "care_admitted", "contact_note", "stuck"), 2),
    **dict.fromkeys(("voice_note", "map_no_result"), 2),
    **dict.fromkeys(("volunteer_took_back", "review_overdue", "stalled_match"), 3),
    # Round 19: "Is het gelukt?" answered with how the other behaved (rude, drunk), or a remark (late).
    "meet_complaint": 1,
    "meet_remark": 3,
    # Round services26: a complaint told at the menu (a person of the team calls back), praise for a helper.
    "complaint": 1,
    "compliment": 3,
    # Session 29: a known person's number says "verkeerd nummer": it may belong to someone else now.
    "wrong_number": 2,
    # Round dialogue23: the one who came to help finds the door shut and the phone unanswered.
    "no_answer_at_door": 1,
    # Round dialogue25: "Is het gelukt?" answered "liever niet meer met hem": not this neighbour again.
    "meet_not_again": 3,
    # Round dialogue28: in a thread, how the neighbour behaved (money asked, drunk, pushy, rude); "Is het
    # gelukt?" answered no, and not for the first time.
    "thread_conduct": 1,
    "meet_missed_again": 2,
}


def alert_rank() -> Any:
    """The queue's sort key for an alert (see ALERT_RANKS), as SQL."""
    by_priority = case((StaffAlert.priority == "high", 1), else_=2)
    groups = sorted(set(ALERT_RANKS.values()))
    return case(
        *(
            (StaffAlert.kind.in_(sorted(k for k, r in ALERT_RANKS.items() if r == rank)), rank)
            for rank in groups
        ),
        else_=by_priority,
    )


async def open_alerts(
    session: AsyncSession, scope: Scope, *, kind: str | None = None, exclude: str | None = None
) -> list[tuple[StaffAlert, Person | None]]:
    query = (
        select(StaffAlert, Person)
        .outerjoin(Person, Person.id == StaffAlert.person_id)
        .where(StaffAlert.resolved_at.is_(None))
        .order_by(alert_rank(), StaffAlert.id)
        .limit(QUEUE_LIMIT)
    )
    if kind is not None:
        query = query.where(StaffAlert.kind == kind)
    if exclude is not None:
        query = query.where(StaffAlert.kind != exclude)
    # An alert about nobody in particular belongs to no tenant's people: only the default tenant sees it.
    if scope.tenant == "default" and scope.neighbourhoods is None:
        query = query.where(or_(StaffAlert.person_id.is_(None), scope.people()))
    else:
        query = query.where(scope.people())
    return [(alert, person) for alert, person in await session.execute(query)]


async def waiting_for_window(session: AsyncSession, scope: Scope) -> list[tuple[OutboxMessage, Person]]:
    query = (
        select(OutboxMessage, Person)
        .join(Person, Person.id == OutboxMessage.person_id)
        .where(OutboxMessage.status == WAITING_WINDOW, scope.people())
        .order_by(OutboxMessage.id)
        .limit(QUEUE_LIMIT)
    )
    return [(row, person) for row, person in await session.execute(query)]


async def held_people(session: AsyncSession, scope: Scope) -> list[tuple[StaffHold, Person, str]]:
    query = (
        select(StaffHold, Person, StaffAccount.name)
        .join(Person, Person.id == StaffHold.person_id)
        .outerjoin(StaffAccount, StaffAccount.id == StaffHold.staff_id)
        .where(scope.people())
        .order_by(StaffHold.started_at)
    )
    return [(hold, person, name or "") for hold, person, name in await session.execute(query)]


# --- what a person and a request went through (the logbook) ----------------------------------------------


@dataclass(frozen=True, slots=True)
class LogLine:
    at: datetime
    source: str  # person | bot | staff | event
    text: str  # what was said; for an event, the event's name (a code the console puts in words)
    channel: str  # the channel, "" for an event
    status: str = ""  # of a message that went out: its outbox or delivery status
    chosen: str = ""  # for a person's bare choice ("1"): the label of the option it chose
    choices: tuple[tuple[str, str], ...] = ()  # the options a message that went out offered


async def conversation_log(session: AsyncSession, person_id: int, limit: int = 100) -> list[LogLine]:
    """What the person sent, what reached them (bot and staff) and the events the bot handled for them,
    oldest first. A choice the person made is given the label of the option it picked in the last
    message before it that offered options."""
    inbound = await session.execute(
        select(InboundMessage)
        .where(InboundMessage.person_id == person_id)
        .order_by(InboundMessage.id.desc())
        .limit(limit)
    )
    lines: list[tuple[datetime, int, int, LogLine]] = []
    for row in inbound.scalars():
        event = row.event or {}
        if row.identity_id is None:
            line = LogLine(row.received_at, "event", str(event.get("command", "")), "")
        else:
            said = event.get("text") or event.get("choice") or event.get("command") or event.get("kind", "")
            line = LogLine(row.received_at, "person", str(said), row.channel)
        lines.append((row.received_at, 0, row.id, line))
    sent = await session.execute(
        select(OutboxMessage)
        .where(OutboxMessage.person_id == person_id)
        .order_by(OutboxMessage.id.desc())
        .limit(limit)
    )
    for message in sent.scalars():
        source = "staff" if message.text_key == "staff_message" else "bot"
        status = message.status if message.status != "sent" else (message.delivery_status or "sent")
        offered = tuple((str(key), str(label)) for key, label in (message.choices or ()))
        line = LogLine(message.created_at, source, message.body, message.channel, status, choices=offered)
        lines.append((message.created_at, 1, message.id, line))
    lines.sort(key=lambda item: item[:3])
    return _with_chosen_labels([line for *_, line in lines][-limit:])


def _with_chosen_labels(lines: list[LogLine]) -> list[LogLine]:
    """A choice comes back as the option's key (a button) or, on SMS, as its number in the list."""
    offered: dict[str, str] = {}
    out: list[LogLine] = []
    for line in lines:
        if line.choices:
            offered = {key.strip().lower(): label for key, label in line.choices}
            offered |= {str(number): label for number, (_key, label) in enumerate(line.choices, start=1)}
        elif line.source == "person":
            label = offered.get(line.text.strip().lower(), "")
            if label and label.strip().lower() != line.text.strip().lower():
                line = LogLine(line.at, line.source, line.text, line.channel, chosen=label)
        out.append(line)
    return out


async def person_requests(session: AsyncSession, person_id: int) -> list[HelpRequest]:
    query = select(HelpRequest).where(HelpRequest.person_id == person_id).order_by(HelpRequest.id.desc())
    return list((await session.execute(query)).scalars())


async def person_threads(session: AsyncSession, person_id: int) -> list[Thread]:
    query = (
        select(Thread)
        .where(or_(Thread.requester_id == person_id, Thread.volunteer_id == person_id))
        .order_by(Thread.id.desc())
    )
    return list((await session.execute(query)).scalars())


async def thread_log(
    session: AsyncSession, thread_id: int, limit: int = 200
) -> list[tuple[ThreadMessage, str]]:
    query = (
        select(ThreadMessage, Person.first_name)
        .join(Person, Person.id == ThreadMessage.sender_id)
        .where(ThreadMessage.thread_id == thread_id)
        .order_by(ThreadMessage.id)
        .limit(limit)
    )
    return [(message, name or "") for message, name in await session.execute(query)]


async def person_alerts(session: AsyncSession, person_id: int) -> list[StaffAlert]:
    query = (
        select(StaffAlert).where(StaffAlert.person_id == person_id).order_by(StaffAlert.id.desc()).limit(50)
    )
    return list((await session.execute(query)).scalars())


async def scheduled_for(
    session: AsyncSession, *, person_id: int | None = None, request_id: int | None = None
) -> list[ScheduledEvent]:
    query = select(ScheduledEvent).order_by(ScheduledEvent.due_at.desc()).limit(50)
    if person_id is not None:
        query = query.where(ScheduledEvent.person_id == person_id)
    if request_id is not None:
        query = query.where(ScheduledEvent.request_id == request_id)
    return list((await session.execute(query)).scalars())


async def invitations(session: AsyncSession, request_id: int) -> list[tuple[MatchInvitation, str]]:
    query = (
        select(MatchInvitation, Person.first_name)
        .join(Person, Person.id == MatchInvitation.person_id)
        .where(MatchInvitation.request_id == request_id)
        .order_by(MatchInvitation.wave, MatchInvitation.asked_at)
    )
    return [(invitation, name or "") for invitation, name in await session.execute(query)]


@dataclass(frozen=True, slots=True)
class VolunteerRow:
    person: Person
    offer: HelpOffer
    categories: tuple[str, ...]
    blocked: bool


async def volunteers(
    session: AsyncSession,
    scope: Scope,
    *,
    category: str | None = None,
    near: str | None = None,
    limit: int = QUEUE_LIMIT,
) -> list[VolunteerRow]:
    """Volunteers in scope. For matching by hand (`category`, `near`): who the bot found nobody among is
    still listed, those who offer that kind of help first, then those of that neighbourhood, active ones
    only (round staffday: the list used to hold only the category's volunteers, who had all said no)."""
    order: list[Any] = []
    query = (
        select(HelpOffer, Person, PersonBlock.person_id)
        .join(Person, Person.id == HelpOffer.person_id)
        .outerjoin(PersonBlock, PersonBlock.person_id == HelpOffer.person_id)
        .where(scope.people(), Person.erased_at.is_(None))
    )
    if category is not None:
        offers_it = exists().where(
            OfferCategory.person_id == HelpOffer.person_id, OfferCategory.category == category
        )
        order.append(case((offers_it, 0), else_=1))
        query = query.where(HelpOffer.active.is_(True), PersonBlock.person_id.is_(None))
    if near is not None:
        order.append(case((Person.neighbourhood == near, 0), else_=1))
    query = query.order_by(*order, Person.neighbourhood, Person.first_name, Person.id).limit(limit)
    rows = list(await session.execute(query))
    ids = [offer.person_id for offer, _person, _blocked in rows]
    kinds: dict[int, list[str]] = {}
    if ids:
        found = await session.execute(
            select(OfferCategory.person_id, OfferCategory.category).where(OfferCategory.person_id.in_(ids))
        )
        for person_id, kind in found:
            kinds.setdefault(person_id, []).append(kind)
    return [
        VolunteerRow(person, offer, tuple(sorted(kinds.get(offer.person_id, ()))), blocked is not None)
        for offer, person, blocked in rows
    ]


# --- managing accounts in the console --------------------------------------------------------------------


async def accounts(session: AsyncSession, tenant: str) -> list[StaffAccount]:
    query = (
        select(StaffAccount)
        .where(StaffAccount.tenant == tenant)
        .order_by(StaffAccount.active.desc(), StaffAccount.name)
    )
    return list((await session.execute(query)).scalars())


async def end_sessions(session: AsyncSession, staff_id: int) -> None:
    """Every open session of the account ends now (deactivation, reset)."""
    await session.execute(delete(StaffSession).where(StaffSession.staff_id == staff_id))


async def account_by_invite(session: AsyncSession, invite_hash: str, now: datetime) -> StaffAccount | None:
    query = select(StaffAccount).where(
        StaffAccount.invite_hash == invite_hash,
        StaffAccount.invite_expires_at > now,
        StaffAccount.active.is_(True),
    )
    return (await session.execute(query)).scalar_one_or_none()
