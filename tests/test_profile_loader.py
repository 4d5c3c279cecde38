"""The folded Profile loader (one statement of facts, then only the parts that exist) returns exactly
what the part-by-part loader returns, and the staff status it folds in is `staff.person_status`."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.runtime import Runtime
from flows.profile import CircleSummary, Profile
from storage import community, inbox, staff
from storage import profile as person_facts
from storage.models import (
    CareCheckin,
    CareRegistration,
    CircleMember,
    CircleSettings,
    Consent,
    Conversation,
    HelpOffer,
    HelpRequest,
    Identity,
    InboundMessage,
    OfferCategory,
    Person,
    PersonBlock,
    Reminder,
    StaffAccount,
    StaffHold,
    Thread,
)
from storage.profile import IdentityRow
from tests.conftest import FixedClock

PEOPLE = 24
RULE = {"freq": "weekly", "at": "09:00", "weekday": 1}


async def _fixture(session: AsyncSession, clock: FixedClock) -> list[Person]:
    """People whose Profile parts vary with the bits of their index, next to rows that must not count
    (withdrawn consent, a cancelled request, a closed thread, a declined circle member)."""
    now = clock()
    account = StaffAccount(email="s@example.org", name="S", role="admin", password_hash="x", created_at=now)
    people = [
        Person(created_at=now, last_active_at=now, first_name=f"P{i}" if i % 3 else None)
        for i in range(PEOPLE)
    ]
    session.add_all([account, *people])
    await session.flush()
    for i, person in enumerate(people):
        pid, other = person.id, people[(i + 1) % PEOPLE].id
        bits = [bool(i >> n & 1) for n in range(5)]  # the bits of the index choose the parts
        session.add(Consent(person_id=pid, version="v", text_key="k", given_at=now, withdrawn_at=now))
        if bits[0]:
            session.add(Consent(person_id=pid, version="v", text_key="k", given_at=now))
        for status in ("cancelled", "open", "matched") if bits[1] else ("done",):
            session.add(
                HelpRequest(
                    person_id=pid,
                    category="boodschappen",
                    description=f"{status} {i}",
                    when={"kind": "flexible"},
                    neighbourhood="molenwijk",
                    urgent=False,
                    visibility="helper",
                    status=status,
                    created_at=now,
                    updated_at=now,
                )
            )
        for status in ("open", "closed", "frozen") if bits[2] else ("closed",):
            session.add(
                Thread(
                    requester_id=pid if i % 2 else other,
                    volunteer_id=other if i % 2 else pid,
                    status=status,
                    created_at=now,
                    last_message_at=now + timedelta(minutes=len(status)),
                )
            )
        if bits[3]:
            session.add(
                HelpOffer(
                    person_id=pid,
                    reach="nearby",
                    availability=[[1, "ochtend"]],
                    weekly_limit=2,
                    languages=["nl"],
                    active=i % 5 != 0,
                    paused_until=now + timedelta(days=3) if i % 7 == 0 else None,
                    created_at=now,
                    updated_at=now,
                )
            )
            await session.flush()
            session.add(OfferCategory(person_id=pid, category="boodschappen"))
        if bits[4]:
            session.add(
                CareRegistration(
                    person_id=pid,
                    care_for="Jan",
                    relation="partner",
                    hours="8_20",
                    rhythm=RULE,
                    created_at=now,
                    updated_at=now,
                )
            )
            session.add(CareCheckin(person_id=pid, asked_at=now, status="answered", answer="heavy"))
            session.add(CareCheckin(person_id=pid, asked_at=now, status="asked"))
        if i % 3 == 1:
            session.add(Reminder(person_id=pid, text=f"pillen {i}", rule=RULE, created_at=now))
        if i % 4 == 2:  # a circle: members (one declined), and the other side joins it
            for status, member in (("invited", None), ("active", other), ("declined", None)):
                session.add(
                    CircleMember(
                        owner_id=pid,
                        member_id=member,
                        channel="sms",
                        address=f"+3161234{i:04d}",
                        status=status,
                        created_at=now,
                    )
                )
        if i % 6 == 5:
            session.add(
                CircleSettings(person_id=pid, share_default=True, shares={"checkins": False}, updated_at=now)
            )
        if i % 5 == 3:
            session.add(StaffHold(person_id=pid, staff_id=account.id if i % 2 else None, started_at=now))
        if i % 7 == 4:
            session.add(PersonBlock(person_id=pid, staff_id=account.id, blocked_at=now))
        if i % 4 == 1:  # a mailbox: handled and pending messages, and a pending internal event
            address = Identity(person_id=pid, channel="sms", address=f"+3160000{i:04d}", created_at=now)
            session.add(address)
            # Where an internal event's answer goes (the batch's `reach`): the address used last, not
            # stopped; some have a second one used more recently, some their SMS stopped, some both.
            if i % 3 == 0:
                address.stopped_at = now
            if i % 8 == 1:
                session.add(
                    Identity(
                        person_id=pid,
                        channel="whatsapp",
                        address=f"+3160000{i:04d}",
                        created_at=now,
                        last_inbound_at=now - timedelta(hours=1),
                    )
                )
            await session.flush()
            for n, (identity_id, processed) in enumerate(
                ((address.id, now), (address.id, None), (None, None))
            ):
                session.add(
                    InboundMessage(
                        channel="sms" if identity_id else "internal",
                        provider_id=f"p{i}-{n}",
                        identity_id=identity_id,
                        person_id=pid,
                        received_at=now - timedelta(seconds=n),
                        event={"kind": "text", "text": str(n)},
                        processed_at=processed,
                    )
                )
    await session.flush()
    return people


async def test_folded_loader_equals_the_part_by_part_loader(runtime: Runtime, clock: FixedClock) -> None:
    async with runtime.sessions() as session, session.begin():
        people = await _fixture(session, clock)
    loaded: list[Profile] = []
    mailboxes: list[list[tuple[str, Identity | None]]] = []
    reaches: list[str | None] = []
    async with runtime.sessions() as session:
        for person in people:
            known = await person_facts.facts(session, person.id)
            folded = await person_facts.load(session, person, known)
            assert folded == await person_facts.load_each(session, person), person.id
            assert known.status == await staff.person_status(session, person.id), person.id
            loaded.append(folded)
    since = clock() - timedelta(minutes=1)
    async with runtime.sessions() as session, session.begin():
        batch = await person_facts.start_many(session, [person.id for person in people] + [10**9], since)
        assert 10**9 not in batch  # nobody: left out
        for person in people:
            started = batch[person.id]
            assert started.person.id == person.id
            assert started.facts == await person_facts.facts(session, person.id), person.id
            assert started.recent == await inbox.recent_from_person(session, person.id, since)
            pending = await inbox.pending_with_identity(session, person.id)
            assert [
                (m.id, m.identity_id, m.event, i and (i.id, i.channel, i.stopped_at))
                for m, i in started.pending
            ] == [(m.id, m.identity_id, m.event, i and (i.id, i.channel, i.stopped_at)) for m, i in pending]
            preferred = await inbox.preferred_identity(session, person.id)
            for message, _ in started.pending:
                if message.identity_id is None:
                    assert message.reach == (preferred and IdentityRow(preferred.id, preferred.channel, None))
                    reaches.append(message.reach and message.reach.channel)
                else:
                    assert message.reach is None
            conversation = await session.get(Conversation, person.id)
            assert started.state == (conversation.state if conversation is not None else None)
            assert (started.person.tenant, started.person.language, started.person.first_name) == (
                person.tenant,
                person.language,
                person.first_name,
            )
            mailboxes.append([(message.provider_id, identity) for message, identity in pending])
    assert {len(mailbox) for mailbox in mailboxes} == {0, 2}, "some people have pending messages"
    assert set(reaches) == {"sms", "whatsapp", None}, "every kind of reach is compared"
    assert all(identity is None for mailbox in mailboxes for _, identity in mailbox[1:])
    # The fixture covers every part both present and absent, so the comparison above could fail.
    for part in ("consented", "open_requests", "threads", "offer", "care", "reminders", "circle"):
        values = [getattr(profile, part) not in (False, (), None, CircleSummary()) for profile in loaded]
        assert any(values) and not all(values), part
    assert any(p.circle.joined for p in loaded) and any(p.circle.shares for p in loaded)
    assert {p.offer.active for p in loaded if p.offer} == {True, False}


async def test_folded_loader_sees_what_this_transaction_added(runtime: Runtime, clock: FixedClock) -> None:
    """Effects add rows through the session before the engine reloads the Profile: the facts statement
    must see them (autoflush), as the part-by-part queries did."""
    now = clock()
    async with runtime.sessions() as session, session.begin():
        person = Person(created_at=now, last_active_at=now, first_name="Ria")
        session.add(person)
        await session.flush()
        before = await person_facts.load(session, person, await person_facts.facts(session, person.id))
        session.add(Consent(person_id=person.id, version="v", text_key="k", given_at=now))
        session.add(Reminder(person_id=person.id, text="pillen", rule=RULE, created_at=now))
        after = await person_facts.load(session, person, await person_facts.facts(session, person.id))
        assert after == await person_facts.load_each(session, person)
    assert not before.consented and before.reminders == ()
    assert after.consented and [r.text for r in after.reminders] == ["pillen"]


async def test_circle_sharing_known_absent_from_the_batch_read_until_saved(
    runtime: Runtime, clock: FixedClock
) -> None:
    """The batch read tells who has no circle settings, so `shares` need not ask for them; settings
    saved later in the same transaction count at once, and settings that exist are read as before."""
    now = clock()
    async with runtime.sessions() as session, session.begin():
        without = Person(created_at=now, last_active_at=now)
        sharing = Person(created_at=now, last_active_at=now)
        session.add_all([without, sharing])
        await session.flush()
        session.add(CircleSettings(person_id=sharing.id, share_default=True, shares={}, updated_at=now))
    async with runtime.sessions() as session, session.begin():
        await person_facts.start_many(session, [without.id, sharing.id], now)
        assert await community.shares(session, sharing.id, "requests")
        assert not await community.shares(session, without.id, "requests")
        await community.save_settings(session, without.id, True, {"requests": True}, now)
        assert await community.shares(session, without.id, "requests")
