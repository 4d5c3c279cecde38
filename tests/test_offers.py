"""Help offers through the engine, on SQLite and PostgreSQL: saved, changed, paused, resumed, stopped."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select, update

from bot.runtime import Runtime
from storage import offers
from storage.models import HelpOffer, OfferCategory
from tests.community import human_pace
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows, text_message

ONBOARDING = ["hallo", "Ria", "7391 AB", "ja"]
# Hulp bieden; boodschappen, klusjes, formulieren; ook ernaast; doordeweeks overdag; twee keer;
# ook Engels; klopt.
FULL_OFFER = ["2", "1 3 5", "2", "1", "2", "1", "1"]
WEEKDAY_DAYTIME = [[day, part] for day in range(5) for part in ("ochtend", "middag")]


class Chat:
    """One person writing to the bot; each `say` is handled before the next."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.sent = 0
        self.person_id = 0

    async def say(self, *texts: str) -> list[str]:
        """Send the texts in order; the text keys of all replies to them."""
        before = len(await outbox_rows(self.runtime))
        for text in texts:
            human_pace(self.runtime)
            self.sent += 1
            stored = await self.runtime.engine.store(text_message(text, f"m{self.sent}"))
            self.person_id = stored.person_id
            await self.runtime.engine.process_person(stored.person_id)
        return [row.text_key for row in (await outbox_rows(self.runtime))[before:]]

    async def offer(self) -> tuple[HelpOffer | None, list[str]]:
        async with self.runtime.sessions() as session:
            offer = await session.get(HelpOffer, self.person_id)
            rows = await session.execute(
                select(OfferCategory.category)
                .where(OfferCategory.person_id == self.person_id)
                .order_by(OfferCategory.category)
            )
            return offer, list(rows.scalars())

    async def set_verified(self) -> None:
        async with self.runtime.sessions() as session, session.begin():
            await session.execute(
                update(HelpOffer).where(HelpOffer.person_id == self.person_id).values(verified=True)
            )


@pytest.fixture
async def volunteer(runtime: Runtime) -> Chat:
    chat = Chat(runtime)
    await chat.say(*ONBOARDING)
    assert (await chat.say(*FULL_OFFER))[-2:] == ["offer_saved", "offer_saved_more"]
    return chat


async def test_a_confirmed_offer_writes_the_offer_and_one_row_per_kind(
    volunteer: Chat, clock: FixedClock
) -> None:
    offer, kinds = await volunteer.offer()
    assert offer is not None
    assert kinds == ["administratie", "boodschappen", "klusjes"]
    assert (offer.reach, offer.availability, offer.weekly_limit, offer.languages) == (
        "nearby",
        WEEKDAY_DAYTIME,
        2,
        ["nl", "en"],
    )
    assert (offer.verified, offer.active, offer.paused_until) == (False, True, None)
    assert offer.created_at == offer.updated_at == clock.now


async def test_hulp_bieden_again_shows_the_stored_offer(volunteer: Chat) -> None:
    keys = await volunteer.say("menu", "2")
    assert keys == ["menu", "offer_current"]
    body = (await outbox_rows(volunteer.runtime))[-1].body
    assert body.startswith("Je aanbod: boodschappen, klusjes en formulieren.\nWaar: ook in de wijken")


async def test_changing_the_kinds_replaces_them_and_keeps_staff_verification(
    volunteer: Chat, clock: FixedClock
) -> None:
    await volunteer.set_verified()
    clock.advance(days=1)
    # MIJN AANBOD; aanpassen; soort hulp; gezelschap en oppas; klopt.
    assert (await volunteer.say("MIJN AANBOD", "1", "1", "4 9", "1"))[-1] == "offer_updated"
    offer, kinds = await volunteer.offer()
    assert offer is not None
    assert kinds == ["gezelschap", "oppas"]
    assert offer.verified is True
    assert offer.updated_at == clock.now and offer.created_at < clock.now
    assert (offer.reach, offer.weekly_limit, offer.languages) == ("nearby", 2, ["nl", "en"])


async def test_pause_resume_and_stop_update_the_row(volunteer: Chat, clock: FixedClock) -> None:
    assert await volunteer.say("PAUZE 2 weken") == ["offer_paused"]
    offer, _ = await volunteer.offer()
    assert offer is not None
    # Back on Monday 7 December, from midnight Amsterdam time (23:00 UTC the day before).
    assert offer.paused_until == datetime(2026, 12, 6, 23, 0, tzinfo=UTC)

    assert await volunteer.say("HERVAT") == ["offer_resumed"]
    offer, _ = await volunteer.offer()
    assert offer is not None and offer.paused_until is None and offer.active

    assert await volunteer.say("pauze tot 1 januari", "mijn aanbod", "3", "ja") == [
        "offer_paused",
        "offer_current_paused",
        "offer_end_question",
        "offer_ended",
    ]
    offer, kinds = await volunteer.offer()
    assert offer is not None
    assert (offer.active, offer.paused_until) == (False, None)
    assert kinds == ["administratie", "boodschappen", "klusjes"], "kept for staff, but not matched"
    assert await volunteer.say("PAUZE") == ["offer_none", "menu"]


async def test_a_stopped_volunteer_who_offers_again_is_active_and_still_verified(volunteer: Chat) -> None:
    await volunteer.set_verified()
    await volunteer.say("mijn aanbod", "3", "ja")
    keys = await volunteer.say("menu", "2", "alles", "3", "4", "1", "2", "1")
    assert keys[1:3] == ["offer_intro", "offer_categories"]
    assert "offer_vog_needed" not in keys, "staff already checked the VOG"
    offer, kinds = await volunteer.offer()
    assert offer is not None
    assert (offer.active, offer.verified, offer.reach, offer.availability) == (True, True, "anywhere", [])
    assert len(kinds) == 9 and "oppas" not in kinds


async def test_several_messages_in_one_transaction_see_each_others_changes(runtime: Runtime) -> None:
    chat = Chat(runtime)
    await chat.say(*ONBOARDING, *FULL_OFFER)
    for index, text in enumerate(["PAUZE", "mijn aanbod", "HERVAT", "mijn aanbod"]):
        stored = await runtime.engine.store(text_message(text, f"batch{index}"))
    await runtime.engine.process_person(stored.person_id)
    keys = [row.text_key for row in await outbox_rows(runtime)][-4:]
    assert keys == ["offer_paused", "offer_current_paused", "offer_resumed", "offer_current"]


async def test_save_refuses_what_no_flow_can_send(runtime: Runtime, clock: FixedClock) -> None:
    chat = Chat(runtime)
    await chat.say("hallo")
    good: dict[str, Any] = {
        "categories": ["boodschappen"],
        "reach": "own",
        "availability": [],
        "weekly_limit": 2,
        "languages": ["nl"],
    }
    bad_values: list[dict[str, Any]] = [
        {"categories": []},
        {"categories": ["tuinieren"]},
        {"categories": ["boodschappen", "boodschappen"]},
        {"reach": "world"},
        {"weekly_limit": 0},
        {"weekly_limit": 8},
        {"languages": ["de"]},
        {"availability": [[7, "ochtend"]]},
        {"availability": [[0, "nacht"]]},
    ]
    async with runtime.sessions() as session, session.begin():
        for bad in bad_values:
            with pytest.raises(ValueError):
                await offers.save(session, chat.person_id, {**good, **bad}, clock.now)
        await offers.save(session, chat.person_id, good, clock.now)
        await offers.save(session, chat.person_id, {**good, "categories": ["vervoer"]}, clock.now)
    offer, kinds = await chat.offer()
    assert offer is not None and kinds == ["vervoer"]
