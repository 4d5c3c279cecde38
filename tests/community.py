"""Test helpers for people in the community: onboarded residents, volunteers, and what they send."""

from __future__ import annotations

import itertools

from bot.channels.base import InboundMessage
from bot.runtime import Runtime
from flows.types import Event
from storage.inbox import identity_for
from storage.models import Consent, Conversation, HelpOffer, OfferCategory, Person
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows

MESSAGE_IDS = itertools.count()
# People type at human pace: each message moves the test clock on, so a long conversation is not one
# instant (which the per-sender rate limit, 20 a minute, would rightly call a flood).
TYPING_SECONDS = 4
ASK_BOODSCHAPPEN = ("menu", "1", "1", "melk en brood halen", "morgen om 10 uur", "1", "2", "1", "1")


async def add_person(
    runtime: Runtime,
    clock: FixedClock,
    address: str,
    name: str,
    neighbourhood: str,
    *,
    offers: tuple[str, ...] = (),
    channel: str = "simulator",
) -> int:
    """A person who finished onboarding (and, with `offers`, offers help), as the flows leave them."""
    async with runtime.sessions() as session, session.begin():
        identity = await identity_for(session, channel, address, clock())
        person = await session.get(Person, identity.person_id)
        assert person is not None
        person.first_name, person.neighbourhood = name, neighbourhood
        session.add(
            Consent(person_id=person.id, version="test", text_key="consent_question", given_at=clock())
        )
        if offers:
            offer = HelpOffer(
                person_id=person.id,
                reach="nearby",
                availability=[],
                weekly_limit=3,
                languages=["nl"],
                created_at=clock(),
                updated_at=clock(),
            )
            session.add(offer)
            await session.flush()
            session.add_all(OfferCategory(person_id=person.id, category=c) for c in offers)
        conversation = await session.get(Conversation, person.id)
        assert conversation is not None
        conversation.state = {"greeted": True, "flow": "menu", "lang": "nl", "offered": []}
        return person.id


async def say(runtime: Runtime, address: str, *texts: str, channel: str = "simulator") -> None:
    """Messages from one person, each handled with everything it sets off before the next."""
    for text in texts:
        human_pace(runtime)
        message = InboundMessage(
            channel=channel,  # type: ignore[arg-type]
            provider_id=f"m{next(MESSAGE_IDS)}",
            address=address,
            event=Event(kind="text", text=text),
        )
        await runtime.engine.store(message)
        await runtime.engine.settle()


def human_pace(runtime: Runtime) -> None:
    if isinstance(runtime.clock, FixedClock):
        runtime.clock.advance(seconds=TYPING_SECONDS)


async def keys_for(runtime: Runtime, person_id: int) -> list[str]:
    return [row.text_key for row in await outbox_rows(runtime) if row.person_id == person_id]


async def bodies_for(runtime: Runtime, person_id: int) -> list[str]:
    return [row.body for row in await outbox_rows(runtime) if row.person_id == person_id]
