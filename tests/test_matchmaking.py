"""Matching through the engine: invitations in waves, first yes wins, timeouts, cancel, nobody left."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from bot.engine import Engine
from bot.runtime import Runtime
from storage import staff
from storage.db import make_engine, make_sessionmaker
from storage.models import HelpRequest, MatchInvitation
from tests.community import ASK_BOODSCHAPPEN, add_person, keys_for, say
from tests.conftest import FixedClock
from tests.dbutil import outbox_rows, text_message

REQUESTER = "+31600000001"
ASK = ("hallo", "Ria", "7391 AB", "ja", *ASK_BOODSCHAPPEN)


async def the_request(runtime: Runtime) -> HelpRequest:
    async with runtime.sessions() as session:
        return (await session.execute(select(HelpRequest))).scalar_one()


async def invitations(runtime: Runtime) -> dict[int, str]:
    async with runtime.sessions() as session:
        rows = (await session.execute(select(MatchInvitation))).scalars()
        return {row.person_id: row.status for row in rows}


async def volunteers(
    runtime: Runtime, clock: FixedClock, count: int, neighbourhood: str = "molenwijk"
) -> list[int]:
    return [
        await add_person(
            runtime, clock, f"+3161000000{i}", f"Vrijwilliger{i}", neighbourhood, offers=("boodschappen",)
        )
        for i in range(count)
    ]


async def test_a_request_invites_the_first_wave_and_the_first_yes_wins(
    runtime: Runtime, clock: FixedClock
) -> None:
    helpers = await volunteers(runtime, clock, 4)
    await say(runtime, REQUESTER, *ASK)
    request = await the_request(runtime)
    assert (request.status, request.wave, request.category) == ("open", 1, "boodschappen")
    invited = await invitations(runtime)
    assert len(invited) == 3 and set(invited.values()) == {"asked"}
    first = sorted(invited)[0]
    [prompt] = [row for row in await outbox_rows(runtime) if row.person_id == first]
    assert prompt.text_key == "invite" and prompt.scheduled
    assert "melk en brood halen" in prompt.body and "Molenwijk" in prompt.body
    assert "+316" not in prompt.body and "Ria" not in prompt.body, "no name or number before a yes"
    assert [key for key, _ in prompt.choices] == [
        f"invite:{request.id}:yes",
        f"invite:{request.id}:no",
        f"invite:{request.id}:later",
    ]

    await say(runtime, f"+3161000000{helpers.index(first)}", "1")
    request = await the_request(runtime)
    assert (request.status, request.matched_person_id) == ("matched", first)
    invited = await invitations(runtime)
    assert invited[first] == "accepted"
    assert sorted(status for pid, status in invited.items() if pid != first) == ["taken", "taken"]
    assert (await keys_for(runtime, first))[-1] == "invite_won"
    requester_keys = await keys_for(runtime, request.person_id)
    assert requester_keys[-2:] == ["match_found", "meet_where"]
    match_found = next(r for r in await outbox_rows(runtime) if r.text_key == "match_found")
    assert f"Vrijwilliger{helpers.index(first)}" in match_found.body
    for other in set(invited) - {first}:
        assert (await keys_for(runtime, other))[-1] == "invite_taken"


async def test_a_late_yes_after_someone_else_hears_it_is_taken(runtime: Runtime, clock: FixedClock) -> None:
    helpers = await volunteers(runtime, clock, 3)
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, "+31610000000", "ja")
    await say(runtime, "+31610000001", "ja")
    request = await the_request(runtime)
    assert request.matched_person_id == helpers[0]
    assert (await keys_for(runtime, helpers[1]))[-1] == "invite_taken"
    assert [k for k in await keys_for(runtime, helpers[1])].count("invite_won") == 0


async def test_everyone_saying_no_brings_the_next_wave_at_once(runtime: Runtime, clock: FixedClock) -> None:
    helpers = await volunteers(runtime, clock, 4)
    await say(runtime, REQUESTER, *ASK)
    first_wave = set(await invitations(runtime))
    for person_id in first_wave:
        await say(runtime, f"+3161000000{helpers.index(person_id)}", "nee")
    invited = await invitations(runtime)
    [fourth] = set(helpers) - first_wave
    assert invited[fourth] == "asked"
    assert all(invited[p] == "declined" for p in first_wave)
    assert (await the_request(runtime)).wave == 2
    assert (await keys_for(runtime, next(iter(first_wave))))[-1] == "invite_no_thanks"


async def test_a_wave_timeout_asks_the_next_and_then_staff_gets_it(
    runtime: Runtime, clock: FixedClock
) -> None:
    helpers = await volunteers(runtime, clock, 4)
    await say(runtime, REQUESTER, *ASK)
    assert await runtime.engine.run_due_events() == 0, "not due yet"
    clock.advance(hours=1, minutes=1)
    assert await runtime.engine.run_due_events() == 1
    await runtime.engine.settle()
    invited = await invitations(runtime)
    assert len(invited) == 4 and list(invited.values()).count("expired") == 3
    clock.advance(hours=2)
    await runtime.engine.run_due_events()
    await runtime.engine.settle()
    request = await the_request(runtime)
    assert request.status == "unmatched"
    assert (await keys_for(runtime, request.person_id))[-1] == "no_match"
    assert set((await invitations(runtime)).values()) == {"expired"}

    # A volunteer of the first wave who says yes now, the request's time not over, is the help it still
    # needs: matched (it used to hear "Iemand anders helpt al"), and the staff queue is empty again.
    late = min(invited)
    await say(runtime, f"+3161000000{helpers.index(late)}", "1")
    request = await the_request(runtime)
    assert (request.status, request.matched_person_id) == ("matched", late)
    assert (await keys_for(runtime, late))[-1] == "invite_won"
    assert "invite_taken" not in await keys_for(runtime, late)
    assert (await keys_for(runtime, request.person_id))[-2:] == ["match_found", "meet_where"]
    async with runtime.sessions() as session:
        assert await staff.unmatched_requests(session, staff.Scope(None)) == []


async def test_nobody_offering_goes_straight_to_staff(runtime: Runtime, clock: FixedClock) -> None:
    await add_person(runtime, clock, "+31610000009", "Klusser", "molenwijk", offers=("klusjes",))
    await say(runtime, REQUESTER, *ASK)
    request = await the_request(runtime)
    assert (request.status, request.wave) == ("unmatched", 0)
    assert (await keys_for(runtime, request.person_id))[-2:] == ["ask_sent", "no_match"]


async def test_cancelling_a_request_tells_the_invited_volunteers(runtime: Runtime, clock: FixedClock) -> None:
    helpers = await volunteers(runtime, clock, 2)
    await say(runtime, REQUESTER, *ASK)
    await say(runtime, REQUESTER, "mijn vragen", "1", "ja")
    assert (await the_request(runtime)).status == "cancelled"
    for person_id in helpers:
        assert (await keys_for(runtime, person_id))[-1] == "invite_withdrawn"
    clock.advance(hours=5)
    await runtime.engine.run_due_events()
    assert set((await invitations(runtime)).values()) == {"withdrawn"}


async def test_an_invitation_in_the_middle_of_asking_resumes_the_question(
    runtime: Runtime, clock: FixedClock
) -> None:
    [helper] = await volunteers(runtime, clock, 1)
    await say(runtime, "+31610000000", "menu", "1")  # the volunteer starts asking help themselves
    await say(runtime, REQUESTER, *ASK)
    assert (await keys_for(runtime, helper))[-2:] == ["ask_category", "invite"]
    await say(runtime, "+31610000000", "3")  # "Nu niet"
    assert (await keys_for(runtime, helper))[-2:] == ["invite_later_thanks", "ask_category"]
    await say(runtime, "+31610000000", "1")
    assert (await keys_for(runtime, helper))[-1] == "ask_description"


async def test_two_volunteers_saying_yes_at_the_same_moment_one_wins(
    runtime: Runtime, clock: FixedClock, database_url: str
) -> None:
    """Two engines with their own connections, as two processes would: exactly one match."""
    helpers = await volunteers(runtime, clock, 2)
    await say(runtime, REQUESTER, *ASK)
    for index in range(2):
        await runtime.engine.store(text_message("1", f"yes{index}", address=f"+3161000000{index}"))
    engines = [make_engine(database_url) for _ in range(2)]
    try:
        workers = [Engine(make_sessionmaker(engine), clock=clock) for engine in engines]
        await asyncio.gather(*(w.process_person(p) for w, p in zip(workers, helpers, strict=True)))
    finally:
        for engine in engines:
            await engine.dispose()
    await runtime.engine.settle()
    request = await the_request(runtime)
    assert request.status == "matched" and request.matched_person_id in helpers
    statuses = sorted((await invitations(runtime)).values())
    assert statuses == ["accepted", "taken"]
    won = [p for p in helpers if "invite_won" in await keys_for(runtime, p)]
    taken = [p for p in helpers if "invite_taken" in await keys_for(runtime, p)]
    assert len(won) == 1 and len(taken) == 1 and won != taken
    assert [r.text_key for r in await outbox_rows(runtime)].count("match_found") == 1


async def test_a_volunteer_is_never_invited_twice_for_one_request(
    runtime: Runtime, clock: FixedClock
) -> None:
    await volunteers(runtime, clock, 1)
    await say(runtime, REQUESTER, *ASK)
    for _ in range(3):
        clock.advance(hours=5)
        await runtime.engine.run_due_events()
        await runtime.engine.settle()
    assert len(await invitations(runtime)) == 1
    assert (await the_request(runtime)).status == "unmatched"
