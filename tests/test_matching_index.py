"""The in-memory volunteer index (storage/matching_index.py): `rank` is the oracle. On a varied pool
(neighbourhoods, reach, languages, VOG, pauses, limits and tasks this week, consent withdrawn, inactive
offers, another tenant, help before, already invited) the index proposes exactly `rank`'s order over
every eligible volunteer; and it follows changes written through the ORM, through Core statements and
(PostgreSQL) from another process. Every test runs on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import dataclasses
import math
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, insert, update

from bot.effects import matchmaker
from bot.runtime import Runtime
from flows import places
from flows.matching import CATEGORIES, DAYPARTS, Candidate, HelpNeed, rank
from storage import matching, matching_index, people
from storage.bulk import run_together
from storage.db import make_engine, make_sessionmaker
from storage.models import Consent, HelpOffer, HelpRequest, MatchInvitation, OfferCategory, Person
from tests.conftest import FixedClock

VOLUNTEERS = 400
REQUESTER = 1000
OTHER_TENANT = "oost"


async def pool(runtime: Runtime, clock: FixedClock, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    hoods = [n.key for n in places.load_municipality().neighbourhoods]
    now = clock()
    async with runtime.sessions() as session, session.begin():
        for pid in [*range(1, VOLUNTEERS + 1), REQUESTER]:
            session.add(
                Person(
                    id=pid,
                    created_at=now,
                    last_active_at=now,
                    neighbourhood=None if rng.random() < 0.02 else rng.choice(hoods),
                    tenant=OTHER_TENANT if rng.random() < 0.05 else "default",
                )
            )
        await session.flush()
        for pid in [*range(1, VOLUNTEERS + 1), REQUESTER]:
            withdrawn = now - timedelta(days=1) if rng.random() < 0.05 else None
            session.add(
                Consent(person_id=pid, version="1", text_key="c", given_at=now, withdrawn_at=withdrawn)
            )
        for pid in range(1, VOLUNTEERS + 1):
            slots = [] if rng.random() < 0.5 else [[rng.randrange(7), rng.choice(DAYPARTS)] for _ in range(3)]
            session.add(
                HelpOffer(
                    person_id=pid,
                    reach=rng.choice(["own", "nearby", "anywhere"]),
                    availability=slots,
                    weekly_limit=rng.choice([0, 1, 2, 3]),
                    languages=rng.choice([["nl"], ["nl", "en"], ["en"]]),
                    verified=rng.random() < 0.4,
                    active=rng.random() < 0.9,
                    paused_until=rng.choice(
                        [None, None, None, now + timedelta(days=2), now - timedelta(days=1)]
                    ),
                    created_at=now,
                    updated_at=now,
                )
            )
        await session.flush()
        for pid in range(1, VOLUNTEERS + 1):
            for category in rng.sample(CATEGORIES, rng.randint(1, 4)):
                session.add(OfferCategory(person_id=pid, category=category))
        # History: requests matched before (helped the requester), accepted tasks this week and older.
        for rid in range(1, 61):
            helper = rng.randint(1, VOLUNTEERS)
            session.add(
                HelpRequest(
                    id=100_000 + rid,
                    person_id=REQUESTER if rid <= 20 else rng.randint(1, VOLUNTEERS),
                    category=rng.choice(CATEGORIES),
                    description="eerder",
                    when={"kind": "asap"},
                    neighbourhood=rng.choice(hoods),
                    urgent=False,
                    visibility="helper",
                    status="matched",
                    created_at=now - timedelta(days=20),
                    updated_at=now,
                    matched_person_id=helper,
                    matched_at=now,
                )
            )
            await session.flush()
            answered = now - timedelta(days=rng.choice([0, 2, 6, 8, 12]))
            session.add(
                MatchInvitation(
                    request_id=100_000 + rid,
                    person_id=helper,
                    wave=1,
                    status="accepted",
                    asked_at=answered,
                    answered_at=answered,
                )
            )
    return hoods


async def new_request(
    runtime: Runtime, clock: FixedClock, rng: random.Random, hoods: list[str]
) -> HelpRequest:
    now = clock()
    kind = rng.choice(["asap", "moment", "flexible"])
    async with runtime.sessions() as session, session.begin():
        request = HelpRequest(
            person_id=REQUESTER,
            category=rng.choice(CATEGORIES),
            description="nu",
            when={"kind": kind},
            when_start=now + timedelta(days=rng.randint(1, 6), hours=rng.choice([1, 5, 9]))
            if kind == "moment"
            else None,
            neighbourhood=rng.choice(hoods),
            urgent=False,
            visibility="helper",
            status="open",
            created_at=now,
            updated_at=now,
        )
        session.add(request)
        await session.flush()
        for pid in rng.sample(range(1, VOLUNTEERS + 1), 5):  # already invited: not asked again
            session.add(MatchInvitation(request_id=request.id, person_id=pid, wave=1, asked_at=now))
    return request


def need_of(request: HelpRequest, language: str) -> HelpNeed:
    return HelpNeed(
        request_id=request.id,
        requester_id=request.person_id,
        category=request.category,  # type: ignore[arg-type]
        neighbourhood=request.neighbourhood,
        language=language,  # type: ignore[arg-type]
        when_kind=request.when["kind"],
        when_start=request.when_start,
        urgent=False,
    )


async def both(
    runtime: Runtime, request: HelpRequest, need: HelpNeed, now: datetime, m: int, tenant: str = "default"
) -> tuple[list[int], list[int]]:
    """(the index's proposal, `rank` over every eligible volunteer read through SQL)."""
    municipality = places.load_municipality()
    async with runtime.sessions() as session:
        index = matching_index.for_session(session)
        assert index is not None
        await index.sync(session, now)
        helped = await matching.helped_before(session, request.person_id)
        invited = await matching.invited(session, request.id)
        proposed = index.top(need, tenant, municipality, now, helped=helped, invited=invited, m=m)
        everyone = await matching.candidates(
            session, request, now, municipality, tenant, only=list(range(1, VOLUNTEERS + 1))
        )
    return proposed, [ranked.person_id for ranked in rank(need, everyone, now)]


async def test_the_index_proposes_ranks_order_on_a_varied_pool(runtime: Runtime, clock: FixedClock) -> None:
    hoods = await pool(runtime, clock)
    rng = random.Random(9)
    compared = helped_seen = 0
    for _ in range(25):
        request = await new_request(runtime, clock, rng, hoods)
        for language in ("nl", "en"):
            need = need_of(request, language)
            proposed, oracle = await both(runtime, request, need, clock(), m=VOLUNTEERS)
            assert proposed == oracle, (request.category, request.neighbourhood, language)
            top, _ = await both(runtime, request, need, clock(), m=3)
            assert top == oracle[:3]
            compared += len(oracle)
        async with runtime.sessions() as session:
            helped_seen += bool(set(await matching.helped_before(session, REQUESTER)) & set(oracle))
    assert compared > 500, "the pool gave rank something to order"
    assert helped_seen, "some requests had a volunteer who helped before among the eligible"
    # The other tenant's volunteers are ranked within their own tenant only.
    request = await new_request(runtime, clock, rng, hoods)
    proposed, oracle = await both(
        runtime, request, need_of(request, "nl"), clock(), m=VOLUNTEERS, tenant=OTHER_TENANT
    )
    assert proposed == oracle


async def test_changes_through_the_orm_and_core_reach_the_index_after_commit(
    runtime: Runtime, clock: FixedClock
) -> None:
    hoods = await pool(runtime, clock)
    request = await new_request(runtime, clock, random.Random(3), hoods)
    need = need_of(request, "nl")
    proposed, oracle = await both(runtime, request, need, clock(), m=VOLUNTEERS)
    assert proposed == oracle and len(proposed) >= 3
    first, second, third = proposed[:3]
    now = clock()
    async with runtime.sessions() as session, session.begin():
        consent = await session.get(Consent, first)
        assert consent is not None
        consent.withdrawn_at = now  # ORM
        await session.execute(
            update(HelpOffer)
            .where(HelpOffer.person_id == second)
            .values(paused_until=now + timedelta(days=1))
        )
    async with runtime.sessions() as session, session.begin():  # Core, as offers.save replaces kinds
        await session.execute(delete(OfferCategory).where(OfferCategory.person_id == third))
        other = "anders" if need.category != "anders" else "oppas"
        await session.execute(insert(OfferCategory), [{"person_id": third, "category": other}])
    proposed, oracle = await both(runtime, request, need, clock(), m=VOLUNTEERS)
    assert {first, second, third}.isdisjoint(proposed)
    assert proposed == oracle


async def test_a_rolled_back_change_is_not_announced(runtime: Runtime, clock: FixedClock) -> None:
    await pool(runtime, clock)
    async with runtime.sessions() as session:
        index = matching_index.for_session(session)
        assert index is not None
        await index.sync(session, clock())
    async with runtime.sessions() as session, session.begin():
        offer = await session.get(HelpOffer, 1)
        assert offer is not None
        offer.weekly_limit = 9
        await session.flush()
        await session.rollback()
    assert not index._dirty


async def test_another_process_hears_of_a_change_through_notify(runtime: Runtime, clock: FixedClock) -> None:
    """PostgreSQL only in effect: on SQLite (one process by design) there is no listener."""
    hoods = await pool(runtime, clock)
    request = await new_request(runtime, clock, random.Random(4), hoods)
    need = need_of(request, "nl")
    proposed, _ = await both(runtime, request, need, clock(), m=VOLUNTEERS)
    other = make_engine(runtime.settings.database_url)
    try:
        async with make_sessionmaker(other)() as session:
            index = matching_index.for_session(session)
            assert index is not None
            if other.dialect.name != "postgresql":
                assert index.listener is None
                return
            await index.sync(session, clock())
        await asyncio.sleep(0.5)  # the listener is connected
        async with runtime.sessions() as session, session.begin():
            offer = await session.get(HelpOffer, proposed[0])
            assert offer is not None
            offer.active = False
        for _ in range(50):
            if proposed[0] in index._dirty:
                break
            await asyncio.sleep(0.1)
        assert proposed[0] in index._dirty
    finally:
        await other.dispose()


async def test_a_move_marks_the_volunteer_and_activity_does_not(runtime: Runtime, clock: FixedClock) -> None:
    """People rows change on every message (last active); only neighbourhood and tenant concern the
    index, whether changed through Core or the ORM."""
    await pool(runtime, clock)
    async with runtime.sessions() as session:
        index = matching_index.for_session(session)
        assert index is not None
        await index.sync(session, clock())
    async with runtime.sessions() as session, session.begin():
        await session.execute(update(Person).where(Person.id == 7).values(last_active_at=clock()))
        person = await session.get(Person, 8)
        assert person is not None
        person.last_active_at = clock() + timedelta(seconds=1)
    assert not index._dirty
    async with runtime.sessions() as session, session.begin():
        await session.execute(update(Person).where(Person.id == 7).values(neighbourhood="molenwijk"))
        person = await session.get(Person, 9)
        assert person is not None
        person.tenant = OTHER_TENANT
    assert index._dirty == {7, 9}


async def test_a_move_or_consent_written_without_the_orm_marks_the_volunteer(
    runtime: Runtime, clock: FixedClock
) -> None:
    """The engine's batches write a person's columns and consent past the ORM's events
    (storage/people.py): they tell the index themselves; a name alone does not concern it."""
    await pool(runtime, clock)
    async with runtime.sessions() as session:
        index = matching_index.for_session(session)
        assert index is not None
        await index.sync(session, clock())
    async with runtime.sessions() as session, session.begin():
        rows = people.field_rows({7: {"first_name": "Ria"}})
        await people.tell_index(session, rows)
        await run_together(session, [(people.FIELDS, rows)])
    assert not index._dirty
    async with runtime.sessions() as session, session.begin():
        rows = people.field_rows({7: {"neighbourhood": "molenwijk", "postcode4": "7391"}, 8: {}})
        await people.tell_index(session, rows)
        await run_together(session, [(people.FIELDS, rows)])
        await people.add_consents(session, [people.consent_row(9, "v", "consent_question", clock())])
    assert index._dirty == {7, 9}
    async with runtime.sessions() as session:
        moved = await session.get(Person, 7)
        assert moved is not None and (moved.neighbourhood, moved.postcode4) == ("molenwijk", "7391")


async def test_the_matchmakers_ranking_is_ranks_order_over_every_eligible_volunteer(
    runtime: Runtime, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `ranked_for` returns (the index proposes without "helped before" and "invited already",
    one statement confirms and adds those who helped, `rank` orders) begins with the best `PROPOSE`
    of `rank` over everyone eligible, helped volunteers first, those invited in earlier waves left out.
    `PROPOSE` is 6 here, so this small pool has more eligible volunteers than are proposed."""
    monkeypatch.setattr(matchmaker, "PROPOSE", 6)
    hoods = await pool(runtime, clock)
    municipality = places.load_municipality()
    rng = random.Random(12)
    helped_first = deep = 0
    for _ in range(20):
        request = await new_request(runtime, clock, rng, hoods)  # 5 invited already
        need = need_of(request, "nl")
        _, best = await both(runtime, request, need, clock(), m=VOLUNTEERS)
        async with runtime.sessions() as session, session.begin():  # and the best 5 strangers: 4 waves
            helped = await matching.helped_before(session, REQUESTER)
            matching.invite(session, request.id, [p for p in best if p not in helped][:5], 4, clock())
        request.wave = 4
        async with runtime.sessions() as session:
            ranked = await matchmaker.ranked_for(session, request, need, clock(), municipality, "default")
            everyone = await matching.candidates(
                session, request, clock(), municipality, "default", only=list(range(1, VOLUNTEERS + 1))
            )
            invited = await matching.invited(session, request.id)
        oracle = rank(need, everyone, clock())
        deep += len(oracle) > matchmaker.PROPOSE
        assert ranked[: matchmaker.PROPOSE] == oracle[: matchmaker.PROPOSE]
        assert invited.isdisjoint(r.person_id for r in ranked)
        helped_first += bool(ranked) and "helped_before" in ranked[0].reasons
    assert helped_first, "some requests had a volunteer who helped before at the top"
    assert deep, "some requests had more eligible volunteers than the index proposes"


async def test_confirm_reads_the_proposed_and_the_helpers_with_every_filter(
    runtime: Runtime, clock: FixedClock
) -> None:
    """`matching.confirm` (one statement, ids as one parameter) returns what `candidates(only=...)`
    returns for the proposed plus everyone who helped this requester before."""
    hoods = await pool(runtime, clock)
    municipality = places.load_municipality()
    rng = random.Random(13)
    for tenant in ("default", OTHER_TENANT):
        for _ in range(10):
            request = await new_request(runtime, clock, rng, hoods)
            proposed = rng.sample(range(1, VOLUNTEERS + 1), 40)
            async with runtime.sessions() as session:
                helped = await matching.helped_before(session, REQUESTER)
                confirmed = await matching.confirm(session, request, clock(), municipality, tenant, proposed)
                expected = await matching.candidates(
                    session, request, clock(), municipality, tenant, only=[*proposed, *helped]
                )
            assert sorted(confirmed, key=lambda c: c.person_id) == sorted(expected, key=lambda c: c.person_id)


async def test_the_first_load_runs_beside_requests_and_a_full_reload_in_the_background(
    runtime: Runtime, clock: FixedClock
) -> None:
    """A worker's start loads the index on a connection of its own; until it is in, the matchmaker
    is told to match through SQL (it does not wait in its transaction). Later full reloads run in
    the background while the rows already loaded serve; a volunteer changed meanwhile is read again
    after the swap (the load may have read them before the change)."""
    await pool(runtime, clock)
    other = make_engine(runtime.settings.database_url)
    try:
        async with make_sessionmaker(other)() as session:
            index = matching_index.for_session(session)
            assert index is not None and not index.loaded
            loading = asyncio.ensure_future(matching_index.preload(other, clock()))
            await asyncio.sleep(0)
            assert not await index.refresh(session, clock())  # still loading: SQL path
            await loading
            assert index.loaded and not index._full_due()
            assert await index.refresh(session, clock())
            index.changed_all()
            assert index._full_due()
            assert await index.refresh(session, clock())  # serves the rows it has, reloads beside
            background = index._loading
            assert background is not None and index.loaded
            index.changed([1])
            assert await index.refresh(session, clock())  # person 1 read inline, during the load
            await background
            assert not index._full_due()
            assert 1 in index._dirty  # read again: the full load may predate their change
    finally:
        await other.dispose()


def test_top_is_ranks_order_in_memory_with_many_ties_and_late_joiners() -> None:
    """No database: 600 volunteers with few distinct scores (ties at every threshold), loaded in
    random id order, 100 of them joining after the load (rows out of id order); requests with and
    without a daypart, helped before, invited, the requester in the pool; `top(m)` is `rank`'s first
    `m` for every `m`."""
    municipality = places.load_municipality()
    hoods = [n.key for n in municipality.neighbourhoods]
    rng = random.Random(21)
    now = datetime(2026, 12, 2, 11, 0, tzinfo=UTC)
    week = now.timestamp() - 3600
    facts: list[dict[str, Any]] = []
    for pid in rng.sample(range(1, 5000), 600):
        slots = (
            [] if rng.random() < 0.5 else sorted({(rng.randrange(7), rng.choice(DAYPARTS)) for _ in range(3)})
        )
        facts.append(
            {
                "id": pid,
                "hood": rng.choice(hoods),
                "reach": rng.choice(["own", "nearby", "anywhere"]),
                "languages": rng.choice([["nl"], ["nl", "en"], ["en"]]),
                "verified": rng.random() < 0.5,
                "paused": rng.choice([None, None, None, now + timedelta(hours=1), now - timedelta(hours=1)]),
                "limit": rng.choice([0, 1, 2, 3]),
                "used": rng.choice([0, 0, 1, 2]),
                "slots": slots,
            }
        )

    def raw(f: dict[str, Any]) -> tuple[Any, ...]:
        bits = 0
        for day, part in f["slots"]:
            bits |= matching_index._slot_bit(day, part)
        return (
            f["id"],
            f["hood"],
            matching_index.REACH[f["reach"]],
            sum(matching_index.LANGUAGE_BIT[language] for language in f["languages"]),
            int(f["verified"]),
            f["paused"].timestamp() if f["paused"] is not None else -math.inf,
            f["limit"],
            bits or matching_index.ANY_TIME,
        )

    def tasks(group: list[dict[str, Any]]) -> dict[int, list[float]]:
        return {f["id"]: [week] * f["used"] for f in group if f["used"]}

    index = matching_index.VolunteerIndex()
    first, late = facts[:500], facts[500:]
    key = ("default", "vervoer")
    index._apply(matching_index._Loaded({key: [raw(f) for f in first]}, tasks(first), None, 0.0), now)
    late_ids = {f["id"] for f in late}
    index._apply(matching_index._Loaded({key: [raw(f) for f in late]}, tasks(late), late_ids, 0.0), now)
    assert not index._pools[key].ordered
    checked = 0
    for n in range(40):
        here = rng.choice(hoods)
        adjacent = {*municipality.neighbourhood(here).adjacent, here}
        kind = rng.choice(["asap", "moment"])
        need = HelpNeed(
            request_id=n,
            requester_id=rng.choice(facts)["id"],
            category="vervoer" if n % 2 else "oppas",  # oppas: VOG required
            neighbourhood=here,
            language=rng.choice(["nl", "en"]),
            when_kind=kind,  # type: ignore[arg-type]
            when_start=now + timedelta(days=rng.randint(0, 6), hours=rng.choice([-2, 3, 8]))
            if kind == "moment"
            else None,
            urgent=False,
        )
        helped = {f["id"]: rng.randint(1, 8) for f in rng.sample(facts, 30)}
        invited = {f["id"] for f in rng.sample(facts, 30)}
        candidates = [
            Candidate(
                person_id=f["id"],
                neighbourhood=f["hood"],
                distance_km=0.0
                if f["hood"] == here
                else places.distance_km(
                    municipality.neighbourhood(here), municipality.neighbourhood(f["hood"])
                ),
                categories=frozenset({need.category}),
                availability=frozenset(f["slots"]),
                tasks_this_week=f["used"],
                weekly_limit=f["limit"],
                languages=frozenset(f["languages"]),
                verified=f["verified"],
                paused_until=f["paused"],
                helped_requester_before=helped.get(f["id"], 0),
                declined_this_request=False,
                already_asked=f["id"] in invited,
            )
            for f in facts
            if f["reach"] == "anywhere"
            or f["hood"] == here
            or (f["reach"] == "nearby" and f["hood"] in adjacent)
        ]
        oracle = [r.person_id for r in rank(need, candidates, now)]
        pool_key = ("default", "vervoer")
        for m in (1, 3, 24, 1000):
            proposed = index.top(
                dataclasses.replace(need, category="vervoer"),
                "default",
                municipality,
                now,
                helped=helped,
                invited=invited,
                m=m,
                verified_required=frozenset({"vervoer"}) if need.category == "oppas" else frozenset(),
            )
            assert pool_key in index._pools
            assert proposed == oracle[:m], (n, m)
        checked += len(oracle)
    assert checked > 1000


async def test_a_task_turning_a_week_old_is_read_again(runtime: Runtime, clock: FixedClock) -> None:
    """Tasks this week count against the weekly limit; three days on, the tasks answered four to six
    days ago no longer do: the index reads those volunteers again and still proposes `rank`'s order."""
    hoods = await pool(runtime, clock)
    rng = random.Random(6)
    requests = [await new_request(runtime, clock, rng, hoods) for _ in range(8)]
    for request in requests:
        proposed, oracle = await both(runtime, request, need_of(request, "nl"), clock(), m=VOLUNTEERS)
        assert proposed == oracle
    async with runtime.sessions() as session:
        index = matching_index.for_session(session)
    assert index is not None
    later = clock() + timedelta(days=3)
    assert index._task_ages and index._task_ages[0][0] <= later.timestamp()
    for request in requests:
        proposed, oracle = await both(runtime, request, need_of(request, "nl"), later, m=VOLUNTEERS)
        assert proposed == oracle
    assert all(age > later.timestamp() for age, _ in index._task_ages)
