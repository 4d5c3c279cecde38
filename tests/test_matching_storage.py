"""The candidate query: who may be asked, in which order, and the limit (storage/matching.py).

The query reads volunteers who helped the requester before separately from the rest (so the database
can stop at the limit); these tests pin that the merged list is what one query ordered by (helped
before desc, person_id) would give.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from bot.runtime import Runtime
from flows import places
from storage import matching
from storage.models import (
    Consent,
    HelpOffer,
    HelpRequest,
    MatchExclusion,
    MatchInvitation,
    OfferCategory,
    Person,
)
from tests.conftest import FixedClock

HOOD = "molenwijk"


def open_request(person_id: int, description: str, at: datetime) -> HelpRequest:
    """A shopping request in the neighbourhood, open, made at `at`."""
    return HelpRequest(
        person_id=person_id,
        category="boodschappen",
        description=description,
        when={"kind": "asap"},
        neighbourhood=HOOD,
        urgent=False,
        visibility="helper",
        status="open",
        created_at=at,
        updated_at=at,
    )


async def world(runtime: Runtime, clock: FixedClock) -> HelpRequest:
    """Requester 100; volunteers 1-8 offering shopping in the requester's neighbourhood. Volunteer 7
    helped the requester twice and 8 once; 2 withdrew consent; 3 is paused; 4 offers something else;
    5 was already invited for this request."""
    now = clock()
    async with runtime.sessions() as session, session.begin():
        for pid in [*range(1, 9), 100]:
            session.add(
                Person(id=pid, created_at=now, first_name=f"P{pid}", neighbourhood=HOOD, last_active_at=now)
            )
        await session.flush()
        for pid in [*range(1, 9), 100]:
            withdrawn = now if pid == 2 else None
            session.add(
                Consent(person_id=pid, version="1", text_key="c", given_at=now, withdrawn_at=withdrawn)
            )
        await session.flush()
        for pid in range(1, 9):
            paused = now + timedelta(days=2) if pid == 3 else None
            session.add(
                HelpOffer(
                    person_id=pid,
                    reach="own",
                    availability=[],
                    weekly_limit=2,
                    languages=["nl"],
                    paused_until=paused,
                    created_at=now,
                    updated_at=now,
                )
            )
        await session.flush()
        for pid in range(1, 9):
            session.add(OfferCategory(person_id=pid, category="klussen" if pid == 4 else "boodschappen"))
        # (requester, helper): 7 helped this requester twice, 8 once; 6 helped someone else (1).
        earlier = [(100, 7), (100, 7), (100, 8), (1, 6)]
        for n, (requester, helper) in enumerate(earlier):
            done = open_request(requester, "eerder", now - timedelta(days=10 + n))
            done.status, done.updated_at, done.matched_person_id, done.matched_at = (
                "matched",
                now,
                helper,
                now,
            )
            session.add(done)
        request = open_request(100, "nu", now)
        session.add(request)
        await session.flush()
        session.add(MatchInvitation(request_id=request.id, person_id=5, wave=1, asked_at=now))
    return request


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        (100, [(7, 2), (8, 1), (1, 0), (6, 0)]),
        (3, [(7, 2), (8, 1), (1, 0)]),
        (1, [(7, 2)]),
    ],
)
async def test_helpers_of_this_requester_come_first_then_by_id_up_to_the_limit(
    runtime: Runtime,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    limit: int,
    expected: list[tuple[int, int]],
) -> None:
    request = await world(runtime, clock)
    monkeypatch.setattr(matching, "CANDIDATE_LIMIT", limit)
    async with runtime.sessions() as session:
        found = await matching.candidates(session, request, clock(), places.load_municipality())
    assert [(c.person_id, c.helped_requester_before) for c in found] == expected


async def test_a_volunteers_accepted_tasks_this_week_are_counted(runtime: Runtime, clock: FixedClock) -> None:
    request = await world(runtime, clock)
    async with runtime.sessions() as session, session.begin():
        for n, days_ago in enumerate((1, 3, 9)):  # the one nine days ago is last week's
            session.add(
                MatchInvitation(
                    request_id=request.id - 1 - n,
                    person_id=1,
                    wave=1,
                    status="accepted",
                    asked_at=clock() - timedelta(days=days_ago),
                    answered_at=clock() - timedelta(days=days_ago),
                )
            )
    async with runtime.sessions() as session:
        found = await matching.candidates(session, request, clock(), places.load_municipality())
    assert {c.person_id: c.tasks_this_week for c in found} == {7: 0, 8: 0, 1: 2, 6: 0}


async def test_a_pair_kept_apart_is_never_a_candidate_however_often_they_helped(
    runtime: Runtime, clock: FixedClock
) -> None:
    """Volunteer 7 helped the requester twice, so matching would ask 7 first; after "liever niet meer
    met hem" (or MELD) the pair is stored both ways and neither path proposes 7 to 100. 7's own
    requests do not get 100 either, and 8, who helped too, is still asked first."""
    request = await world(runtime, clock)
    municipality = places.load_municipality()
    async with runtime.sessions() as session, session.begin():
        await matching.exclude_pair(session, 7, 100, "meet_not_again", clock())
        await matching.exclude_pair(session, 100, 7, "reported", clock())  # twice: one pair, first reason
    async with runtime.sessions() as session:
        reasons = {
            (row.person_id, row.other_id): row.reason for row in await session.scalars(select(MatchExclusion))
        }
        found = await matching.candidates(session, request, clock(), municipality)
        confirmed = await matching.confirm(session, request, clock(), municipality, "default", [1, 6, 7, 8])
    assert reasons == {(7, 100): "meet_not_again", (100, 7): "meet_not_again"}
    assert [(c.person_id, c.helped_requester_before) for c in found] == [(8, 1), (1, 0), (6, 0)]
    assert sorted(c.person_id for c in confirmed) == [1, 6, 8]


async def test_a_pair_kept_apart_is_kept_apart_the_other_way_round(
    runtime: Runtime, clock: FixedClock
) -> None:
    """When volunteer 7 asks for help, the requester they were kept apart from (100, who offers
    shopping here) is not asked, while 1 still is."""
    await world(runtime, clock)
    now = clock()
    async with runtime.sessions() as session, session.begin():
        session.add(
            HelpOffer(
                person_id=100,
                reach="own",
                availability=[],
                weekly_limit=2,
                languages=["nl"],
                created_at=now,
                updated_at=now,
            )
        )
        await session.flush()
        session.add(OfferCategory(person_id=100, category="boodschappen"))
        own = open_request(7, "zelf", now)
        session.add(own)
        await session.flush()
        await matching.exclude_pair(session, 100, 7, "reported", now)
    municipality = places.load_municipality()
    async with runtime.sessions() as session:
        found = {c.person_id for c in await matching.candidates(session, own, now, municipality)}
        confirmed = await matching.confirm(session, own, now, municipality, "default", [1, 100])
    assert 100 not in found and 1 in found
    assert [c.person_id for c in confirmed] == [1]
