"""Storage for the community features: the sociale kaart (services), the agenda (activities and
sign-ups) and care circles (members and what they see).

Services and activities are managed by staff (the staff console): plain list/create/update/delete
functions here. `seed` loads the demo data file (flows/data/community_demo.toml) for `voordeur demo`
and tests.
"""

from __future__ import annotations

import secrets
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from flows.agenda import ActivityInfo, Occurrence, near, this_week
from flows.profile import CircleMemberSummary, CircleSummary, JoinedCircle
from flows.social_map import ServiceInfo
from storage.models import Activity, ActivitySignup, CircleMember, CircleSettings, Person, Service

SEED_FILE = Path(__file__).parent.parent / "flows" / "data" / "community_demo.toml"
MUNICIPALITY = "lindenhoven"
DEFAULT_TENANT = "default"
SERVICE_FIELDS = frozenset(
    {"name", "description", "categories", "terms", "neighbourhood", "hours", "phone", "active"}
)
ACTIVITY_FIELDS = frozenset(
    {"title", "description", "weekday", "start", "place", "neighbourhood", "organiser", "active"}
)
# Circle members who hear about the person: `active`; an invitation waits as `invited`.
LIVE = ("invited", "active")


# --- services (sociale kaart) ---------------------------------------------------------------------


def service_info(row: Service) -> ServiceInfo:
    return ServiceInfo(
        id=row.id,
        name=row.name,
        description=row.description,
        categories=tuple(row.categories),
        terms=tuple(row.terms),
        neighbourhood=row.neighbourhood,
        hours=row.hours,
        phone=row.phone,
    )


async def list_services(
    session: AsyncSession,
    municipality: str = MUNICIPALITY,
    *,
    include_inactive: bool = False,
    tenant: str = DEFAULT_TENANT,
) -> list[Service]:
    query = (
        select(Service)
        .where(Service.tenant == tenant, Service.municipality == municipality)
        .order_by(Service.name, Service.id)
    )
    if not include_inactive:
        query = query.where(Service.active.is_(True))
    return list((await session.execute(query)).scalars())


async def services_for(
    session: AsyncSession,
    neighbourhood: str | None,
    municipality: str = MUNICIPALITY,
    tenant: str = DEFAULT_TENANT,
) -> list[ServiceInfo]:
    """The active services a person of this neighbourhood may be pointed to: theirs and municipality-wide,
    of their own tenant only."""
    query = select(Service).where(
        Service.tenant == tenant, Service.municipality == municipality, Service.active.is_(True)
    )
    if neighbourhood is not None:
        query = query.where(or_(Service.neighbourhood.is_(None), Service.neighbourhood == neighbourhood))
    rows = (await session.execute(query.order_by(Service.id))).scalars()
    return [service_info(row) for row in rows]


async def create_service(
    session: AsyncSession,
    key: str,
    data: Mapping[str, Any],
    now: datetime,
    municipality: str = MUNICIPALITY,
    tenant: str = DEFAULT_TENANT,
) -> Service:
    row = Service(
        key=key, tenant=tenant, municipality=municipality, created_at=now, updated_at=now, active=True
    )
    _assign(row, data, SERVICE_FIELDS)
    session.add(row)
    await session.flush()
    return row


async def update_service(
    session: AsyncSession, service_id: int, data: Mapping[str, Any], now: datetime
) -> bool:
    row = await session.get(Service, service_id)
    if row is None:
        return False
    _assign(row, data, SERVICE_FIELDS)
    row.updated_at = now
    return True


async def delete_service(session: AsyncSession, service_id: int) -> bool:
    result = await session.execute(delete(Service).where(Service.id == service_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


# --- activities (agenda) --------------------------------------------------------------------------


def activity_info(row: Activity) -> ActivityInfo:
    return ActivityInfo(
        id=row.id,
        title=row.title,
        weekday=row.weekday,
        start=row.start,
        place=row.place,
        neighbourhood=row.neighbourhood,
        organiser=row.organiser,
        description=row.description,
    )


async def list_activities(
    session: AsyncSession,
    municipality: str = MUNICIPALITY,
    *,
    include_inactive: bool = False,
    tenant: str = DEFAULT_TENANT,
) -> list[Activity]:
    query = select(Activity).where(Activity.tenant == tenant, Activity.municipality == municipality)
    if not include_inactive:
        query = query.where(Activity.active.is_(True))
    return list(
        (await session.execute(query.order_by(Activity.weekday, Activity.start, Activity.id))).scalars()
    )


async def create_activity(
    session: AsyncSession,
    key: str,
    data: Mapping[str, Any],
    now: datetime,
    municipality: str = MUNICIPALITY,
    tenant: str = DEFAULT_TENANT,
) -> Activity:
    row = Activity(
        key=key, tenant=tenant, municipality=municipality, created_at=now, updated_at=now, active=True
    )
    _assign(row, data, ACTIVITY_FIELDS)
    session.add(row)
    await session.flush()
    return row


async def update_activity(
    session: AsyncSession, activity_id: int, data: Mapping[str, Any], now: datetime
) -> bool:
    row = await session.get(Activity, activity_id)
    if row is None:
        return False
    _assign(row, data, ACTIVITY_FIELDS)
    row.updated_at = now
    return True


async def delete_activity(session: AsyncSession, activity_id: int) -> bool:
    """Deletes the activity with its sign-ups (pending reminders find no sign-up and do nothing)."""
    result = await session.execute(delete(Activity).where(Activity.id == activity_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def activities_near(
    session: AsyncSession,
    neighbourhood: str | None,
    after: datetime,
    limit: int = 10,
    tenant: str = DEFAULT_TENANT,
) -> list[Occurrence]:
    """The next dates (within a week of `after`) of the tenant's active activities in or next to a
    neighbourhood, soonest first. For the agenda, and for a match's follow-up that invites two people to
    one."""
    query = select(Activity).where(
        Activity.tenant == tenant, Activity.active.is_(True), Activity.neighbourhood.in_(near(neighbourhood))
    )
    rows = (await session.execute(query)).scalars()
    return this_week([activity_info(row) for row in rows], after)[:limit]


async def signed_up(session: AsyncSession, person_id: int, since: date) -> set[tuple[int, date]]:
    query = select(ActivitySignup.activity_id, ActivitySignup.occurs_on).where(
        ActivitySignup.person_id == person_id,
        ActivitySignup.occurs_on >= since,
        ActivitySignup.cancelled_at.is_(None),
    )
    return {(int(a), d) for a, d in (await session.execute(query)).all()}


async def sign_up(
    session: AsyncSession,
    person_id: int,
    activity_id: int,
    on: date,
    now: datetime,
    tenant: str | None = None,
) -> ActivitySignup | None:
    """Sign a person up for one date; None when the activity is gone (or another tenant's) or they are
    signed up already."""
    activity = await session.get(Activity, activity_id)
    if activity is None or not activity.active or on.weekday() != activity.weekday:
        return None
    if tenant is not None and activity.tenant != tenant:
        return None
    existing = (
        await session.execute(
            select(ActivitySignup).where(
                ActivitySignup.activity_id == activity_id,
                ActivitySignup.person_id == person_id,
                ActivitySignup.occurs_on == on,
            )
        )
    ).scalar_one_or_none()
    if existing is not None:
        if existing.cancelled_at is None:
            return None
        existing.cancelled_at, existing.created_at = None, now
        return existing
    row = ActivitySignup(activity_id=activity_id, person_id=person_id, occurs_on=on, created_at=now)
    session.add(row)
    await session.flush()
    return row


async def signup_id(session: AsyncSession, person_id: int, activity_id: int, on: date) -> int | None:
    """The person's active sign-up for one date of an activity, if any."""
    found = await session.scalar(
        select(ActivitySignup.id).where(
            ActivitySignup.activity_id == activity_id,
            ActivitySignup.person_id == person_id,
            ActivitySignup.occurs_on == on,
            ActivitySignup.cancelled_at.is_(None),
        )
    )
    return int(found) if found is not None else None


async def cancel_signup(session: AsyncSession, signup_id: int, now: datetime) -> bool:
    result = await session.execute(
        update(ActivitySignup)
        .where(ActivitySignup.id == signup_id, ActivitySignup.cancelled_at.is_(None))
        .values(cancelled_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Signup:
    """Who signed up, as the organiser sees it: first name only (no number)."""

    signup_id: int
    person_id: int
    first_name: str
    signed_up_at: datetime


async def signups_for(session: AsyncSession, activity_id: int, on: date) -> list[Signup]:
    """The organiser's list for one date of an activity, in sign-up order."""
    query = (
        select(ActivitySignup.id, ActivitySignup.person_id, Person.first_name, ActivitySignup.created_at)
        .join(Person, Person.id == ActivitySignup.person_id)
        .where(
            ActivitySignup.activity_id == activity_id,
            ActivitySignup.occurs_on == on,
            ActivitySignup.cancelled_at.is_(None),
            Person.erased_at.is_(None),
        )
        .order_by(ActivitySignup.created_at, ActivitySignup.id)
    )
    return [Signup(int(i), int(p), name or "", at) for i, p, name, at in (await session.execute(query)).all()]


# --- care circles (kring) -------------------------------------------------------------------------


async def circle_for(session: AsyncSession, person_id: int) -> CircleSummary:
    """The person's circle as the flows see it (Profile.circle): members, settings, circles joined."""
    members = (
        await session.execute(
            select(CircleMember, Person.first_name)
            .outerjoin(Person, Person.id == CircleMember.member_id)
            .where(CircleMember.owner_id == person_id, CircleMember.status.in_(LIVE))
            .order_by(CircleMember.id)
        )
    ).all()
    joined = (
        await session.execute(
            select(CircleMember.owner_id, Person.first_name)
            .join(Person, Person.id == CircleMember.owner_id)
            .where(CircleMember.member_id == person_id, CircleMember.status == "active")
            .order_by(CircleMember.id)
        )
    ).all()
    settings = await session.get(CircleSettings, person_id)
    return CircleSummary(
        members=tuple(
            CircleMemberSummary(row.id, (row.status == "active" and name) or row.address, row.status)
            for row, name in members
        ),
        share_default=settings.share_default if settings is not None else False,
        shares=tuple(sorted((settings.shares or {}).items())) if settings is not None else (),
        joined=tuple(JoinedCircle(int(owner), name or "") for owner, name in joined),
    )


# session.info key: people a batch's read (storage.profile.start_many) found without circle settings.
_WITHOUT_SETTINGS = "voordeur.without_circle_settings"


def known_without_settings(session: AsyncSession, person_ids: Iterable[int]) -> None:
    """The engine's batch read found these people without circle settings: `shares` answers "no" for
    them in this session without asking (two statements a new request saved). Only this person's own
    flow adds settings (`save_settings`, which takes them out again), under the batch's person lock."""
    session.info.setdefault(_WITHOUT_SETTINGS, set()).update(person_ids)


async def save_settings(
    session: AsyncSession, person_id: int, default: bool, shares: Mapping[str, bool], now: datetime
) -> None:
    settings = await session.get(CircleSettings, person_id)
    if settings is None:
        session.info.get(_WITHOUT_SETTINGS, set()).discard(person_id)
        settings = CircleSettings(person_id=person_id, updated_at=now)
        session.add(settings)
    settings.share_default = default
    settings.shares = {str(k): bool(v) for k, v in shares.items()}
    settings.updated_at = now


async def shares(session: AsyncSession, person_id: int, item_type: str) -> bool:
    """Does the person's circle see items of this type? Read at the moment the item happens (or known
    absent from the batch's read, `known_without_settings`)."""
    if person_id in session.info.get(_WITHOUT_SETTINGS, ()):
        return False
    settings = await session.get(CircleSettings, person_id)
    if settings is None:
        return False
    return bool((settings.shares or {}).get(item_type, settings.share_default))


async def active_members(session: AsyncSession, owner_id: int) -> list[int]:
    query = (
        select(CircleMember.member_id)
        .where(
            CircleMember.owner_id == owner_id,
            CircleMember.status == "active",
            CircleMember.member_id.is_not(None),
        )
        .order_by(CircleMember.id)
    )
    return [int(member) for member in (await session.execute(query)).scalars() if member is not None]


async def invite(
    session: AsyncSession, owner_id: int, channel: str, address: str, now: datetime, member_id: int | None
) -> CircleMember | None:
    """A new invitation, or None when this address is already invited or in the circle."""
    existing = (
        await session.execute(
            select(CircleMember).where(
                CircleMember.owner_id == owner_id,
                CircleMember.address == address,
                CircleMember.status.in_(LIVE),
            )
        )
    ).scalar_one_or_none()
    if existing is not None:
        return None
    code = _new_code() if channel == "telegram" else None
    row = CircleMember(
        owner_id=owner_id,
        member_id=member_id,
        channel=channel,
        address=address,
        code=code,
        status="invited",
        created_at=now,
    )
    session.add(row)
    await session.flush()
    return row


def _new_code() -> str:
    return f"{secrets.randbelow(900000) + 100000}"


async def by_code(session: AsyncSession, code: str) -> CircleMember | None:
    query = select(CircleMember).where(CircleMember.code == code, CircleMember.status == "invited")
    return (await session.execute(query)).scalar_one_or_none()


async def member_row(session: AsyncSession, owner_id: int, member_id: int) -> CircleMember | None:
    query = select(CircleMember).where(
        CircleMember.owner_id == owner_id,
        CircleMember.member_id == member_id,
        CircleMember.status == "active",
    )
    return (await session.execute(query)).scalar_one_or_none()


# --- seed data ------------------------------------------------------------------------------------


def seed_data(path: Path = SEED_FILE) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


async def seed(session: AsyncSession, now: datetime, path: Path = SEED_FILE) -> int:
    """Load the demo services and activities that are missing (by key); returns how many were added."""
    data = seed_data(path)
    known_services = set((await session.execute(select(Service.key))).scalars())
    known_activities = set((await session.execute(select(Activity.key))).scalars())
    added = 0
    for item in data.get("services", []):
        if item["key"] in known_services:
            continue
        fields = {**item, "neighbourhood": item.get("neighbourhood") or None}
        await create_service(session, item["key"], fields, now)
        added += 1
    for item in data.get("activities", []):
        if item["key"] in known_activities:
            continue
        await create_activity(session, item["key"], item, now)
        added += 1
    return added


def _assign(row: Any, data: Mapping[str, Any], allowed: frozenset[str]) -> None:
    for field in allowed & data.keys():
        setattr(row, field, data[field])
