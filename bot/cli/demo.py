"""Demo data for `voordeur demo`: a few fictional volunteers, so a request in the simulator gets matched.

The simulator page's second phone (+31687654321) is Henk, who offers every kind of help in the
Molenwijk; two more volunteers live nearby. The fictional sociale kaart and agenda are loaded too.
Seeding is idempotent: an address or a service or activity key that exists is left alone.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from flows.matching import CATEGORIES
from flows.profile import CONSENT_TEXT_KEY, CONSENT_VERSION
from flows.when import When
from storage import community
from storage.db import make_engine, make_sessionmaker
from storage.inbox import identity_for
from storage.models import (
    Consent,
    Conversation,
    HelpOffer,
    HelpRequest,
    Identity,
    OfferCategory,
    Person,
    StaffAlert,
)

VOLUNTEERS = (
    ("+31687654321", "Henk", "molenwijk", CATEGORIES),
    ("+31687650002", "Fatima", "oude_haven", ("boodschappen", "gezelschap", "digitaal")),
    ("+31687650003", "Joost", "bloemhof", ("klusjes", "vervoer")),
)


async def seed(database_url: str, now: datetime) -> int:
    """Add the demo volunteers that are missing; returns how many were added."""
    engine = make_engine(database_url)
    added = 0
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            for address, name, neighbourhood, categories in VOLUNTEERS:
                added += await _volunteer(session, address, name, neighbourhood, categories, now)
            # The sociale kaart and the agenda (flows/data/community_demo.toml).
            added += await community.seed(session, now)
    finally:
        await engine.dispose()
    return added


async def _volunteer(
    session: AsyncSession,
    address: str,
    name: str,
    neighbourhood: str,
    categories: tuple[str, ...],
    now: datetime,
) -> int:
    query = select(Identity).where(Identity.channel == "simulator", Identity.address == address)
    existing = (await session.execute(query)).scalar_one_or_none()
    if existing is not None and await session.get(HelpOffer, existing.person_id) is not None:
        return 0
    identity = await identity_for(session, "simulator", address, now)
    person = await session.get(Person, identity.person_id)
    conversation = await session.get(Conversation, identity.person_id)
    assert person is not None and conversation is not None
    person.first_name, person.neighbourhood = name, neighbourhood
    session.add(
        Consent(person_id=person.id, version=CONSENT_VERSION, text_key=CONSENT_TEXT_KEY, given_at=now)
    )
    session.add(
        HelpOffer(
            person_id=person.id,
            reach="nearby",
            availability=[],
            weekly_limit=3,
            languages=["nl", "en"],
            verified=True,
            created_at=now,
            updated_at=now,
        )
    )
    await session.flush()
    session.add_all(OfferCategory(person_id=person.id, category=category) for category in categories)
    conversation.state = {"greeted": True, "flow": "menu", "lang": "nl", "offered": []}
    return 1


# The demo's staff console (/staff): a coordinator who sees the whole municipality, and one example in
# each of two queues so the console is not empty on a first look.
DEMO_COORDINATOR = ("coordinator@voordeur.demo", "Sanne de Vries", "voordeur-demo")
DEMO_RESIDENT = ("+31687650009", "Truus", "de_akkers")


async def seed_staff(database_url: str, now: datetime) -> bool:
    """The demo coordinator and, once, a resident whose request found nobody and who asked for a person.
    Returns whether the coordinator was added (False: the demo database had one already)."""
    from bot.web.staff.accounts import add

    email, name, password = DEMO_COORDINATOR
    added = await add(
        database_url,
        email=email,
        name=name,
        role="coordinator",
        neighbourhoods=[],
        password=password,
        phone="0570-123456",
        now=now,
        exist_ok=True,
    )
    if added:
        engine = make_engine(database_url)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                await _waiting_resident(session, now)
        finally:
            await engine.dispose()
    return added


async def _waiting_resident(session: AsyncSession, now: datetime) -> None:
    address, name, neighbourhood = DEMO_RESIDENT
    identity = await identity_for(session, "simulator", address, now)
    person = await session.get(Person, identity.person_id)
    conversation = await session.get(Conversation, identity.person_id)
    assert person is not None and conversation is not None
    person.first_name, person.neighbourhood = name, neighbourhood
    session.add(
        Consent(person_id=person.id, version=CONSENT_VERSION, text_key=CONSENT_TEXT_KEY, given_at=now)
    )
    conversation.state = {"greeted": True, "flow": "menu", "lang": "nl", "offered": []}
    session.add(
        HelpRequest(
            person_id=person.id,
            category="klusjes",
            description="lamp in de gang ophangen",
            when=dict(When(kind="asap").to_json()),
            neighbourhood=neighbourhood,
            urgent=False,
            visibility="helper_and_staff",
            status="unmatched",
            source="chat",
            created_at=now,
            updated_at=now,
        )
    )
    session.add(StaffAlert(kind="human_requested", priority="normal", person_id=person.id, created_at=now))
