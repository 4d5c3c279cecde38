"""The demo's seed: fictional volunteers that make a request in the simulator find a match."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.cli.demo import VOLUNTEERS, seed
from bot.runtime import Runtime
from storage.models import HelpOffer, OfferCategory
from tests.conftest import FixedClock
from tests.dbutil import count

# The fictional sociale kaart and agenda of flows/data/community_demo.toml.
SERVICES, ACTIVITIES = 20, 10


async def test_seed_adds_the_volunteers_once(runtime: Runtime, clock: FixedClock, database_url: str) -> None:
    assert await seed(database_url, clock()) == len(VOLUNTEERS) + SERVICES + ACTIVITIES
    assert await seed(database_url, clock()) == 0
    assert await count(runtime, HelpOffer) == len(VOLUNTEERS)
    async with runtime.sessions() as session:
        offered = (await session.execute(select(func.count()).select_from(OfferCategory))).scalar_one()
    assert offered == sum(len(categories) for *_, categories in VOLUNTEERS)
