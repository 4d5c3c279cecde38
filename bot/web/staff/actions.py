"""What staff do to people and requests, each inside one transaction, reusing the bot's own paths.

A message from staff is an outbox row on the person's own channel; matching by hand, closing and
re-opening go through bot/effects/matchmaker.py, so invited volunteers, the thread and the follow-ups are the
same as when the bot matches. People whose mailbox got an event are returned, to be woken after commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import phonenumbers
from sqlalchemy import delete, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import tenants
from bot.effects import matchmaker, privacy
from bot.effects.mailbox import Touched
from flows import catalogue
from flows.profile import CONSENT_TEXT_KEY, CONSENT_VERSION
from storage import console, inbox, matching, offers, outbox, requests, staff
from storage.models import (
    Consent,
    Conversation,
    HelpOffer,
    Identity,
    MatchInvitation,
    Person,
    ScheduledEvent,
    StaffAlert,
)

PAUSE = timedelta(weeks=4)
MAX_MESSAGE = 1000


class ActionRefused(Exception):
    """The action does not apply (nothing to hand back, no channel to write on): `reason` is a text key."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def send_message(
    session: AsyncSession, person: Person, staff_name: str, text: str, now: datetime
) -> None:
    """Staff write into the conversation: on the person's own channel, signed with staff's first name."""
    text = text.strip()[:MAX_MESSAGE]
    if not text:
        raise ActionRefused("error_empty_message")
    if (await staff.person_status(session, person.id)).blocked:
        raise ActionRefused("error_blocked")
    identity = await inbox.preferred_identity(session, person.id)
    if identity is None:
        raise ActionRefused("error_no_channel")
    service = tenants.current().get(person.tenant).name
    body = catalogue.message(
        "staff_message", person.language, {"text": text, "name": staff_name}, service=service
    )
    outbox.enqueue(
        session,
        person_id=person.id,
        identity_id=identity.id,
        channel=identity.channel,
        text_key="staff_message",
        body=body,
        choices=[],
        now=now,
    )


async def hand_back(session: AsyncSession, person_id: int, now: datetime, touched: Touched) -> None:
    if not await staff.hand_back(session, person_id):
        raise ActionRefused("error_not_held")
    await touched.post(
        session, person_id, "staff_handed_back", {}, now, f"handed_back:{person_id}:{now.timestamp()}"
    )


async def match_by_hand(
    session: AsyncSession, request_id: int, volunteer_id: int, now: datetime, touched: Touched
) -> None:
    """Staff found a volunteer (often by phone): the match runs as if the volunteer had said yes."""
    request = await matching.lock_request(session, request_id)
    if request is None or request.status not in ("open", "unmatched"):
        raise ActionRefused("error_not_matchable")
    if await session.get(HelpOffer, volunteer_id) is None or volunteer_id == request.person_id:
        raise ActionRefused("error_not_volunteer")
    request.status = "open"
    invitation = await matching.invitation(session, request_id, volunteer_id)
    if invitation is None:
        matching.invite(session, request_id, [volunteer_id], request.wave, now)
        await session.flush()
    else:
        invitation.status = "asked"
    await matchmaker.answer(session, volunteer_id, request_id, "yes", now, touched)
    await session.refresh(request)
    if request.status != "matched":
        raise ActionRefused("error_not_matchable")


async def close_request(session: AsyncSession, request_id: int, now: datetime, touched: Touched) -> None:
    request = await matching.lock_request(session, request_id)
    if request is None or request.status not in ("open", "unmatched", "matched"):
        raise ActionRefused("error_not_open")
    if request.status == "open":
        await matchmaker.withdraw(session, request_id, now, touched)
    request.status, request.closed_at, request.updated_at = "done", now, now


async def reopen_matching(session: AsyncSession, request_id: int, now: datetime, touched: Touched) -> None:
    """An unmatched request is offered again: volunteers who never answered may be asked again (those
    who said no are not)."""
    request = await matching.lock_request(session, request_id)
    if request is None or request.status != "unmatched":
        raise ActionRefused("error_not_unmatched")
    await session.execute(
        delete(MatchInvitation).where(
            MatchInvitation.request_id == request_id, MatchInvitation.status == "expired"
        )
    )
    request.status, request.updated_at = "open", now
    await matchmaker.start(session, request, now, touched)


# Who may see a request besides the person, as the chat asks it (flows/ask.py VISIBILITY_CHOICES).
VISIBILITIES = ("helper", "helper_and_staff")
# Numbers an SMS can reach; a landline (or a service number) cannot get the bot's messages.
SMS_TYPES = frozenset(
    {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
)


@dataclass(frozen=True, slots=True)
class Intake:
    first_name: str
    neighbourhood: str
    phone: str | None  # E.164, or None: the caller has no mobile and is reached through staff
    category: str
    description: str
    when: dict[str, Any]  # the request's `when` data, as the chat stores it (read_when)
    urgent: bool
    language: str
    visibility: str = "helper_and_staff"
    note: str = ""  # for the team: how to reach the caller, where the help is needed


class PhoneRefused(ValueError):
    """A number the caller cannot be texted on: `reason` is the console text key that says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def normalise_phone(raw: str) -> str:
    """A Dutch or international mobile number as E.164 ("06 1234 5678" -> "+31612345678"). Raises
    PhoneRefused for a number that is not one, or one no text message reaches (a landline): staff hear
    so while the caller is still on the line."""
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException:
        raise PhoneRefused("error_phone") from None
    if not phonenumbers.is_valid_number(number):
        raise PhoneRefused("error_phone")
    if phonenumbers.number_type(number) not in SMS_TYPES:
        raise PhoneRefused("error_phone_landline")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


async def phone_intake(
    session: AsyncSession,
    intake: Intake,
    staff_id: int,
    channel: str,
    now: datetime,
    touched: Touched,
    tenant: str = "default",
) -> int:
    """A request taken down on the phone, then matched like any other (in the staff member's tenant).
    Returns the request id."""
    if intake.phone is not None:
        identity = await inbox.identity_for(session, channel, intake.phone, now, tenant)
        person = await session.get(Person, identity.person_id)
        assert person is not None
    else:
        person = Person(created_at=now, last_active_at=now, language=intake.language, tenant=tenant)
        session.add(person)
        await session.flush()
        session.add(Conversation(person_id=person.id, state={}, updated_at=now))
    person.first_name = person.first_name or intake.first_name
    # Someone known already keeps their neighbourhood: the request says where help is needed, and
    # typing a number must not move a person into (or out of) a staff member's sight.
    person.neighbourhood = person.neighbourhood or intake.neighbourhood
    person.language = intake.language
    conversation = await session.get(Conversation, person.id)
    if conversation is not None and not conversation.state:
        # They were told about Voordeur on the phone: no chat welcome when the first message comes.
        conversation.state = {"greeted": True, "flow": "menu", "lang": intake.language, "offered": []}
    # Staff read the same consent text on the phone and note the caller's yes.
    session.add(
        Consent(person_id=person.id, version=CONSENT_VERSION, text_key=CONSENT_TEXT_KEY, given_at=now)
    )
    request = requests.create(
        session,
        person.id,
        {
            "category": intake.category,
            "description": intake.description,
            "when": intake.when,
            "neighbourhood": intake.neighbourhood,
            "urgent": intake.urgent,
            "visibility": intake.visibility,
            "source": matchmaker.PHONE,
        },
        now,
    )
    await session.flush()
    staff.record_phone_intake(session, request.id, staff_id, intake.phone is not None, now)
    staff.audit(session, staff_id, person.id, "phone_intake", now)
    if intake.note:
        await console.add_note(session, person, staff_id, intake.note, now)
        staff.audit(session, staff_id, person.id, "note", now)
    await matchmaker.start(session, request, now, touched)
    return request.id


async def number_of_someone_else(session: AsyncSession, phone: str, first_name: str, tenant: str) -> bool:
    """True when a mobile number typed at a phone intake is already known here as another person's (a
    daughter who helps, a grandson on WhatsApp): the caller's request must not be filed under them."""
    addresses = (phone, f"whatsapp:{phone}")
    query = (
        select(Person.first_name)
        .join(Identity, Identity.person_id == Person.id)
        .where(Identity.tenant == tenant, Identity.address.in_(addresses), Person.erased_at.is_(None))
    )
    names = [name for name in (await session.execute(query)).scalars() if name]
    said = first_name.split()[0].casefold() if first_name.split() else ""
    return any(name.split()[0].casefold() != said for name in names if name.split())


async def verify(session: AsyncSession, person_id: int, verified: bool, now: datetime) -> None:
    offer = await session.get(HelpOffer, person_id)
    if offer is None:
        raise ActionRefused("error_not_volunteer")
    offer.verified, offer.updated_at = verified, now


async def pause(session: AsyncSession, person_id: int, now: datetime) -> None:
    if not await offers.pause(session, person_id, now + PAUSE, now):
        raise ActionRefused("error_not_volunteer")


async def resume(session: AsyncSession, person_id: int, now: datetime) -> None:
    if not await offers.resume(session, person_id, now):
        raise ActionRefused("error_not_volunteer")


async def block(session: AsyncSession, person_id: int, staff_id: int, now: datetime) -> None:
    """Blocked: no more invitations (the offer stops), nothing waiting is sent, nothing answered."""
    if not await staff.block(session, person_id, staff_id, now):
        raise ActionRefused("error_already_blocked")
    await offers.stop(session, person_id, now)


async def resolve_alert(session: AsyncSession, alert: StaffAlert, now: datetime) -> None:
    if alert.resolved_at is not None:
        raise ActionRefused("error_already_resolved")
    alert.resolved_at = now


async def erase(session: AsyncSession, person: Person, now: datetime, touched: Touched) -> None:
    """VERWIJDER MIJ asked for by phone: once; what is underway or done is not started again."""
    if person.erased_at is not None or await erasure_pending(session, person.id):
        raise ActionRefused("error_already_erased")
    await privacy.erase_for_staff(session, person.id, now, touched)


async def erasure_pending(session: AsyncSession, person_id: int) -> bool:
    query = select(
        exists().where(
            ScheduledEvent.kind == privacy.ERASE_PERSON,
            ScheduledEvent.person_id == person_id,
            ScheduledEvent.status == "pending",
        )
    )
    return bool((await session.execute(query)).scalar())
