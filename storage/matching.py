"""Queries for matching: candidate volunteers for a request, invitations, and claiming a match.

The candidate query is the indexed prefilter (category via `ix_offer_categories_category`, active, not
paused, within reach, not yet invited); `flows.matching.rank` does the fine ranking on what it returns.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    String,
    Text,
    and_,
    bindparam,
    delete,
    exists,
    func,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy import cast as cast_
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession

from flows import places
from flows.matching import Candidate, Slot
from storage.db import table_of
from storage.models import (
    Consent,
    HelpOffer,
    HelpRequest,
    MatchExclusion,
    MatchInvitation,
    OfferCategory,
    Person,
    UTCDateTime,
)

CANDIDATE_LIMIT = 500
WEEK = timedelta(days=7)


def _reach_filter(request_neighbourhood: str, municipality: places.Municipality) -> object:
    """Volunteers whose own reach covers the request's neighbourhood."""
    here = municipality.neighbourhood(request_neighbourhood)
    adjacent = set(here.adjacent) if here is not None else set()
    return or_(
        HelpOffer.reach == "anywhere",
        Person.neighbourhood == request_neighbourhood,
        and_(HelpOffer.reach == "nearby", Person.neighbourhood.in_(adjacent | {request_neighbourhood})),
    )


async def candidates(
    session: AsyncSession,
    request: HelpRequest,
    now: datetime,
    municipality: places.Municipality,
    tenant: str = "default",
    *,
    only: Collection[int] | None = None,
    helped: dict[int, int] | None = None,
) -> list[Candidate]:
    """Up to `CANDIDATE_LIMIT` eligible volunteers of the requester's tenant (another municipality's
    neighbours are never asked): those who helped this requester before first (most often first), then
    by person_id.

    Built so the database can stop early at 100,000 volunteers: ordering by "helped before" (a count per
    volunteer) would make it count and sort every volunteer in the category. Only the few who helped this
    requester before have a count above zero, so they are read first (by id), and the rest come from
    the `(category, person_id)` index in person_id order, stopping at the limit. Merged, this is the
    same list in the same order as one query ordered by (helped before desc, person_id).

    `only`: just these volunteers, every filter applied and no limit (the in-memory index proposes,
    this confirms: storage/matching_index.py); `helped`: `helped_before` already read.
    """
    if helped is None:
        helped = await _helped_before(session, request.person_id)
    tasks_this_week = (
        select(func.count())
        .select_from(MatchInvitation)
        .where(
            MatchInvitation.person_id == OfferCategory.person_id,
            MatchInvitation.status == "accepted",
            MatchInvitation.answered_at >= now - WEEK,
        )
        .scalar_subquery()
    )
    invited = exists().where(
        MatchInvitation.request_id == request.id, MatchInvitation.person_id == OfferCategory.person_id
    )
    # Nothing is matched without consent: a volunteer who withdrew it is never invited.
    consented = exists().where(Consent.person_id == OfferCategory.person_id, Consent.withdrawn_at.is_(None))
    # Nor someone either of the two said no more to (`exclude_pair`), however often they helped before.
    not_again = exists().where(
        MatchExclusion.person_id == request.person_id, MatchExclusion.other_id == OfferCategory.person_id
    )
    # Columns, not ORM entities: 500 rows are read per match, and nothing here is changed.
    query = (
        select(
            OfferCategory.person_id,
            Person.neighbourhood,
            HelpOffer.availability,
            HelpOffer.weekly_limit,
            HelpOffer.languages,
            HelpOffer.verified,
            HelpOffer.paused_until,
            tasks_this_week,
        )
        .join(HelpOffer, HelpOffer.person_id == OfferCategory.person_id)
        .join(Person, Person.id == OfferCategory.person_id)
        .where(
            OfferCategory.category == request.category,
            HelpOffer.active.is_(True),
            or_(HelpOffer.paused_until.is_(None), HelpOffer.paused_until <= now),
            OfferCategory.person_id != request.person_id,
            Person.tenant == tenant,
            Person.neighbourhood.is_not(None),
            _reach_filter(request.neighbourhood, municipality),  # type: ignore[arg-type]
            ~invited,
            consented,
            ~not_again,
        )
    )
    rows = []
    if only is not None:
        rows += list(await session.execute(query.where(OfferCategory.person_id.in_(only))))
    elif helped:
        rows += list(await session.execute(query.where(OfferCategory.person_id.in_(helped))))
        query = query.where(OfferCategory.person_id.not_in(helped))
    if only is None:
        rows += list(await session.execute(query.order_by(OfferCategory.person_id).limit(CANDIDATE_LIMIT)))
    rows.sort(key=lambda row: (-helped.get(row.person_id, 0), row.person_id))
    here = municipality.neighbourhood(request.neighbourhood)
    return [
        _candidate(
            person_id,
            hood,
            _distance(request.neighbourhood, here, hood, municipality),
            request.category,
            frozenset(cast(Slot, (int(day), str(part))) for day, part in availability),
            tasks,
            limit,
            frozenset(languages),
            verified,
            paused,
            helped.get(person_id, 0),
        )
        for person_id, hood, availability, limit, languages, verified, paused, tasks in rows[:CANDIDATE_LIMIT]
    ]


async def confirm(
    session: AsyncSession,
    request: HelpRequest,
    now: datetime,
    municipality: places.Municipality,
    tenant: str,
    proposed: Collection[int],
) -> list[Candidate]:
    """The proposed volunteers (storage/matching_index.py) and everyone who helped this requester
    before, as `candidates` would return them with every filter applied (consent, tenant, reach,
    active, paused, not yet invited): one statement, compiled once per dialect and run as driver SQL
    (no cache key, no compilation per request: a third of its CPU), the ids as one array parameter
    (a JSON array on SQLite), so its text never changes (PostgreSQL prepares it once). Those who
    helped before are read here, with their count, rather than ahead: the index proposes by the rest
    of the score, and `rank` puts them first.
    """
    connection = await session.connection()
    prepared = _CONFIRM.get(connection.dialect.name)
    if prepared is None:
        prepared = _CONFIRM[connection.dialect.name] = _Prepared.of(
            _confirm_statement(connection.dialect.name), connection.dialect
        )
    here = municipality.neighbourhood(request.neighbourhood)
    near = sorted({*(here.adjacent if here is not None else ()), request.neighbourhood})
    ids = sorted(int(person_id) for person_id in proposed)
    as_array = connection.dialect.name == "postgresql"
    stamp = prepared.timestamp
    rows = await connection.exec_driver_sql(
        prepared.sql,
        prepared.arguments(
            {
                "ids": ids if as_array else json.dumps(ids),
                "near": near if as_array else json.dumps(near),
                "hood": request.neighbourhood,
                "category": request.category,
                "requester": request.person_id,
                "request_id": request.id,
                "tenant": tenant,
                "now": stamp(now) if stamp else now,
                "week_ago": stamp(now - WEEK) if stamp else now - WEEK,
            }
        ),
    )
    distances: dict[str, float] = {}
    found = []
    read_time = prepared.read_time
    for person_id, hood, availability, limit, languages, verified, paused, tasks, helped in rows.fetchall():
        if read_time is not None:
            paused = read_time(paused)
        distance = distances.get(hood)
        if distance is None:
            distance = distances[hood] = _distance(request.neighbourhood, here, hood, municipality)
        found.append(
            _candidate(
                person_id,
                hood,
                distance,
                request.category,
                _slots(availability),
                tasks,
                limit,
                _languages(languages),
                verified,
                paused,
                helped,
            )
        )
    return found


# JSON text as read → the frozenset `Candidate` holds. A volunteer's slots and languages come in few
# shapes ("[]" for half of them), so they are parsed once each, not once a row (PostgreSQL returns
# jsonb as canonical text: equal lists are equal strings).
_SLOTS: dict[str, frozenset[Slot]] = {}
_LANGUAGES: dict[str, frozenset[str]] = {}


def _slots(text: str) -> frozenset[Slot]:
    parsed = _SLOTS.get(text)
    if parsed is None:
        if len(_SLOTS) > 10_000:
            _SLOTS.clear()
        parsed = _SLOTS[text] = frozenset(cast(Slot, (int(day), str(part))) for day, part in json.loads(text))
    return parsed


def _languages(text: str) -> frozenset[str]:
    parsed = _LANGUAGES.get(text)
    if parsed is None:
        if len(_LANGUAGES) > 1_000:
            _LANGUAGES.clear()
        parsed = _LANGUAGES[text] = frozenset(json.loads(text))
    return parsed


def _distance(
    request_hood: str, here: places.Neighbourhood | None, hood: str, municipality: places.Municipality
) -> float:
    """`Candidate.distance_km`: 0 in the request's own neighbourhood."""
    if hood == request_hood:
        return 0.0
    there = municipality.neighbourhood(hood)
    return places.distance_km(here, there) if here is not None and there is not None else 0.0


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A Core statement compiled once for a dialect, to run as driver SQL: its text, the values it
    binds itself (statuses, reaches), the order of its parameters where the driver takes them by
    position (SQLite), and how timestamps go in and come out (`UTCDateTime` for this dialect)."""

    sql: str
    fixed: dict[str, Any]
    order: tuple[str, ...] | None
    timestamp: Callable[[Any], Any] | None
    read_time: Callable[[Any], Any] | None

    @classmethod
    def of(cls, statement: Any, dialect: Dialect) -> _Prepared:
        compiled = statement.compile(dialect=dialect)
        positional = compiled.positiontup
        return cls(
            sql=compiled.string,
            fixed=dict(compiled.params),
            order=tuple(positional) if positional else None,
            timestamp=UTCDateTime().dialect_impl(dialect).bind_processor(dialect),
            read_time=UTCDateTime().dialect_impl(dialect).result_processor(dialect, None),
        )

    def arguments(self, values: dict[str, Any]) -> Any:
        merged = {**self.fixed, **values}
        return tuple(merged[name] for name in self.order) if self.order else merged


_CONFIRM: dict[str, _Prepared] = {}


def _confirm_statement(dialect: str) -> Any:
    """`confirm`'s statement for this dialect, built once: Core on the tables (no ORM), every value
    a bound parameter."""
    offers, kinds, people = table_of(HelpOffer), table_of(OfferCategory), table_of(Person)
    invitations, requests, consents = table_of(MatchInvitation), table_of(HelpRequest), table_of(Consent)
    exclusions = table_of(MatchExclusion)
    person = kinds.c.person_id
    if dialect == "postgresql":
        proposed: Any = select(func.unnest(bindparam("ids", type_=ARRAY(BigInteger))))
        near: Any = select(func.unnest(bindparam("near", type_=ARRAY(String))))
    else:
        proposed = select(literal_column("value")).select_from(func.json_each(bindparam("ids", type_=String)))
        near = select(literal_column("value")).select_from(func.json_each(bindparam("near", type_=String)))
    requester = bindparam("requester", type_=BigInteger)
    now = bindparam("now", type_=UTCDateTime())
    helped_by = select(requests.c.matched_person_id).where(
        requests.c.person_id == requester, requests.c.matched_person_id.is_not(None)
    )
    tasks_this_week = (
        select(func.count())
        .select_from(invitations)
        .where(
            invitations.c.person_id == person,
            invitations.c.status == "accepted",
            invitations.c.answered_at >= bindparam("week_ago", type_=UTCDateTime()),
        )
        .scalar_subquery()
    )
    helped = (
        select(func.count())
        .select_from(requests)
        .where(requests.c.person_id == requester, requests.c.matched_person_id == person)
        .scalar_subquery()
    )
    hood = bindparam("hood", type_=String)
    return (
        select(
            person,
            people.c.neighbourhood,
            cast_(offers.c.availability, Text),
            offers.c.weekly_limit,
            cast_(offers.c.languages, Text),
            offers.c.verified,
            offers.c.paused_until,
            tasks_this_week,
            helped,
        )
        .join_from(kinds, offers, offers.c.person_id == person)
        .join(people, people.c.id == person)
        .where(
            person.in_(proposed.union(helped_by)),
            kinds.c.category == bindparam("category", type_=String),
            offers.c.active.is_(True),
            or_(offers.c.paused_until.is_(None), offers.c.paused_until <= now),
            person != requester,
            people.c.tenant == bindparam("tenant", type_=String),
            people.c.neighbourhood.is_not(None),
            or_(
                offers.c.reach == "anywhere",
                people.c.neighbourhood == hood,
                and_(offers.c.reach == "nearby", people.c.neighbourhood.in_(near)),
            ),
            ~exists().where(
                invitations.c.request_id == bindparam("request_id", type_=BigInteger),
                invitations.c.person_id == person,
            ),
            exists().where(consents.c.person_id == person, consents.c.withdrawn_at.is_(None)),
            ~exists().where(exclusions.c.person_id == requester, exclusions.c.other_id == person),
        )
    )


def _candidate(
    person_id: int,
    neighbourhood: str,
    distance: float,
    category: str,
    availability: frozenset[Slot],
    tasks: int,
    weekly_limit: int,
    languages: frozenset[str],
    verified: bool,
    paused: datetime | None,
    helped: int,
) -> Candidate:
    return Candidate(
        person_id=person_id,
        neighbourhood=neighbourhood,
        distance_km=distance,
        categories=frozenset({category}),
        availability=availability,
        tasks_this_week=int(tasks),
        weekly_limit=weekly_limit,
        languages=languages,
        verified=verified,
        paused_until=paused,
        helped_requester_before=int(helped),
        declined_this_request=False,
        already_asked=False,
    )


async def exclude_pair(session: AsyncSession, one: int, other: int, reason: str, now: datetime) -> None:
    """These two are not matched again, either way round (`candidates` and `confirm` leave them out).

    Why stored and not only alerted: matching asks whoever helped a person before first, so without it
    the very neighbour someone asked not to see again would be the first one asked next time. The first
    reason is kept. Staff hear of it through the alert that comes with it; on a person's console page
    they can lift a pair (`bring_together`) or keep two people apart themselves (reason `staff`).
    """
    if one == other:
        return
    for person_id, other_id in ((one, other), (other, one)):
        if await session.get(MatchExclusion, (person_id, other_id)) is None:
            session.add(MatchExclusion(person_id=person_id, other_id=other_id, reason=reason, created_at=now))


async def kept_apart(session: AsyncSession, person_id: int) -> list[tuple[int, str, str, datetime]]:
    """For the console: everyone this person is kept apart from, as (id, first name, reason, since)."""
    query = (
        select(MatchExclusion.other_id, Person.first_name, MatchExclusion.reason, MatchExclusion.created_at)
        .join(Person, Person.id == MatchExclusion.other_id)
        .where(MatchExclusion.person_id == person_id)
        .order_by(MatchExclusion.created_at, MatchExclusion.other_id)
    )
    return [
        (int(other), name or f"#{other}", reason, at)
        for other, name, reason, at in await session.execute(query)
    ]


async def bring_together(session: AsyncSession, one: int, other: int) -> bool:
    """Staff lift a pair (a mistaken "liever niet meer", a report that was settled): both ways; False
    when they were not kept apart."""
    result = await session.execute(
        delete(MatchExclusion).where(
            or_(
                and_(MatchExclusion.person_id == one, MatchExclusion.other_id == other),
                and_(MatchExclusion.person_id == other, MatchExclusion.other_id == one),
            )
        )
    )
    return bool(getattr(result, "rowcount", 0))


async def helped_before(session: AsyncSession, requester_id: int) -> dict[int, int]:
    return await _helped_before(session, requester_id)


async def invited(session: AsyncSession, request_id: int) -> set[int]:
    """Who was asked for this request already (any answer): not asked again."""
    query = select(MatchInvitation.person_id).where(MatchInvitation.request_id == request_id)
    return {int(person_id) for person_id in (await session.scalars(query))}


async def _helped_before(session: AsyncSession, requester_id: int) -> dict[int, int]:
    """Volunteer → how many of this requester's requests they were matched to (a handful at most)."""
    query = (
        select(HelpRequest.matched_person_id, func.count())
        .where(HelpRequest.person_id == requester_id, HelpRequest.matched_person_id.is_not(None))
        .group_by(HelpRequest.matched_person_id)
    )
    return {int(person_id): int(count) for person_id, count in await session.execute(query)}


def invite(
    session: AsyncSession, request_id: int, person_ids: Iterable[int], wave: int, now: datetime
) -> None:
    for person_id in person_ids:
        session.add(MatchInvitation(request_id=request_id, person_id=person_id, wave=wave, asked_at=now))


async def lock_request(session: AsyncSession, request_id: int) -> HelpRequest | None:
    query = select(HelpRequest).where(HelpRequest.id == request_id).with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


async def claim_match(session: AsyncSession, request_id: int, volunteer_id: int, now: datetime) -> bool:
    """The first yes wins: one conditional UPDATE decides, also between two processes at once."""
    result = await session.execute(
        update(HelpRequest)
        .where(HelpRequest.id == request_id, HelpRequest.status == "open")
        .values(status="matched", matched_person_id=volunteer_id, matched_at=now, updated_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def invitation(session: AsyncSession, request_id: int, person_id: int) -> MatchInvitation | None:
    return await session.get(MatchInvitation, (request_id, person_id))


async def open_invitations(session: AsyncSession, request_id: int) -> list[MatchInvitation]:
    """Invitations still open: asked, expired unanswered, or `conditional` (a yes at another time the
    resident still decides on: bot/effects/matchmaker.py)."""
    query = select(MatchInvitation).where(
        MatchInvitation.request_id == request_id,
        MatchInvitation.status.in_(("asked", "expired", "conditional")),
    )
    return list((await session.execute(query)).scalars())


async def wave_answered(session: AsyncSession, request_id: int, wave: int) -> bool:
    """Everyone in this wave has said no (or later): no need to wait for the timeout."""
    waiting = await session.execute(
        select(func.count())
        .select_from(MatchInvitation)
        .where(
            MatchInvitation.request_id == request_id,
            MatchInvitation.wave == wave,
            MatchInvitation.status == "asked",
        )
    )
    return int(waiting.scalar_one()) == 0


async def first_name(session: AsyncSession, person_id: int) -> str | None:
    person = await session.get(Person, person_id)
    return person.first_name if person is not None else None
