"""Volunteers in memory, as columns per tenant and category, for matching (issue 16, item 7).

`candidates` + `flows.matching.rank` read and rank a few hundred volunteers per request through SQL and
Python objects (tens of ms at 100,000 volunteers). Here every eligible volunteer of a (tenant, category)
is a row in a few numpy columns; a request scores the whole pool with the formula of `flows.matching`
(the same float operations in the same order, so the same scores to the bit), masks the hard filters
and takes the best `m` by (score desc, person_id): `rank`'s order.

Fresh enough, and safe whatever: who is proposed here is then read again from the database by id
(`storage.matching.candidates(..., only=...)`, every filter of the SQL path: consent, tenant, paused,
not yet invited) and ranked by `rank` itself, so a stale row can only mean a volunteer who just became
eligible is not proposed until their row is reloaded; never that someone is asked who may not be.
Rows are reloaded by person:
- write-through: a session that flushes a change to a volunteer's rows (offer, kinds, consent, person,
  an accepted invitation) or runs a Core statement on those tables marks them changed after it
  commits (`_after_flush`, `_on_execute`); a Core statement whose people cannot be read from its
  parameters marks the whole index for a reload;
- between processes (PostgreSQL): the same transaction sends `NOTIFY voordeur_volunteers, '<ids>'`,
  delivered to every listening process only if it commits; each index listens (`listen`);
- the "tasks this week" count falls when an accepted task is a week old: its row is reloaded then;
- a full reload every `FULL_RELOAD` as a safety net (a missed notification after a lost connection).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import event, exists, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstanceState, ORMExecuteState, Session

from flows import places
from flows.matching import DAYPARTS, VERIFIED_REQUIRED, WEIGHTS, HelpNeed, Weights, daypart_of
from storage import notify
from storage.models import Consent, HelpOffer, MatchInvitation, OfferCategory, Person

log = logging.getLogger("voordeur.matching_index")

CHANNEL = "voordeur_volunteers"
WEEK = timedelta(days=7)
FULL_RELOAD = 600.0  # seconds
REACH = {"own": 0, "nearby": 1, "anywhere": 2}
LANGUAGE_BIT = {"nl": 1, "en": 2}
_WATCHED = frozenset(
    str(model.__tablename__) for model in (HelpOffer, OfferCategory, Consent, Person, MatchInvitation)
)
_NEVER = -math.inf

I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]


def _slot_bit(day: int, part: str) -> int:
    return 1 << (int(day) * 3 + DAYPARTS.index(part))  # type: ignore[arg-type,unused-ignore]


@dataclass(slots=True)
class _Row:
    person_id: int
    neighbourhood: str
    reach: int
    languages: int
    verified: bool
    paused_until: float
    weekly_limit: int
    availability: int
    categories: frozenset[str]
    tenant: str


@dataclass(slots=True)
class _Pool:
    """One (tenant, category): parallel columns; `present` False marks a row removed."""

    person_id: I64 = field(default_factory=lambda: np.zeros(0, np.int64))
    hood: npt.NDArray[np.int16] = field(default_factory=lambda: np.zeros(0, np.int16))
    reach: npt.NDArray[np.int8] = field(default_factory=lambda: np.zeros(0, np.int8))
    languages: npt.NDArray[np.int8] = field(default_factory=lambda: np.zeros(0, np.int8))
    verified: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, np.bool_))
    paused_until: F64 = field(default_factory=lambda: np.zeros(0, np.float64))
    weekly_limit: npt.NDArray[np.int16] = field(default_factory=lambda: np.zeros(0, np.int16))
    tasks: npt.NDArray[np.int16] = field(default_factory=lambda: np.zeros(0, np.int16))
    availability: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    present: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, np.bool_))
    slot: dict[int, int] = field(default_factory=dict)
    # Masks per (place, language, VOG rule, max distance) for `top`; cleared on every change.
    cache: dict[tuple[str, str, bool, float], tuple[Any, Any, Any]] = field(default_factory=dict)

    _COLUMNS = (
        "person_id",
        "hood",
        "reach",
        "languages",
        "verified",
        "paused_until",
        "weekly_limit",
        "tasks",
        "availability",
        "present",
    )

    def put(self, values: dict[str, Any]) -> None:
        self.cache.clear()
        index = self.slot.get(int(values["person_id"]))
        if index is None:
            index = len(self.person_id)
            self.slot[int(values["person_id"])] = index
            for name in self._COLUMNS:
                column = getattr(self, name)
                setattr(self, name, np.append(column, np.array([values[name]], dtype=column.dtype)))
            return
        for name in self._COLUMNS:
            getattr(self, name)[index] = values[name]

    @classmethod
    def build(cls, rows: list[dict[str, Any]]) -> _Pool:
        """A pool from many rows at once (a full load): one array per column, no appends."""
        pool = cls()
        for name in cls._COLUMNS:
            column = getattr(pool, name)
            setattr(pool, name, np.array([row[name] for row in rows], dtype=column.dtype))
        pool.slot = {int(row["person_id"]): index for index, row in enumerate(rows)}
        return pool

    def remove(self, person_id: int) -> None:
        index = self.slot.get(person_id)
        if index is not None:
            self.cache.clear()
            self.present[index] = False


class VolunteerIndex:
    """The volunteers of one database, in memory. `top` proposes; the caller confirms (see module)."""

    def __init__(self, *, full_reload: float = FULL_RELOAD, weights: Weights = WEIGHTS) -> None:
        self._pools: dict[tuple[str, str], _Pool] = {}
        self._hoods: dict[str, int] = {}
        self._tasks: dict[int, list[float]] = {}  # person → answered_at of accepted tasks this week
        self._tasks_drop_at = math.inf  # when the next accepted task gets a week old
        self._dirty: set[int] = set()
        self._reload_all = True
        self._loaded_at = 0.0
        self._full_reload = full_reload
        self._weights = weights
        self._lock = asyncio.Lock()
        self.listener: asyncio.Task[None] | None = None

    # --- freshness ---------------------------------------------------------------------------------

    def changed(self, person_ids: Iterable[int]) -> None:
        self._dirty.update(person_ids)

    def changed_all(self) -> None:
        self._reload_all = True

    async def sync(self, session: AsyncSession, now: datetime) -> None:
        """Reload what changed (all of it when due), before a request is matched."""
        async with self._lock:
            if self._reload_all or time.monotonic() - self._loaded_at > self._full_reload:
                self._reload_all = False
                self._dirty.clear()
                await self._load(session, now, None)
                self._loaded_at = time.monotonic()
                return
            if now.timestamp() >= self._tasks_drop_at:
                self._dirty.update(self._expire_tasks(now))
            if self._dirty:
                people, self._dirty = self._dirty, set()
                await self._load(session, now, people)

    def _expire_tasks(self, now: datetime) -> set[int]:
        cutoff = (now - WEEK).timestamp()
        expired = set()
        drop_at = math.inf
        for person_id, answered in self._tasks.items():
            if answered and min(answered) <= cutoff:
                expired.add(person_id)
            elif answered:
                drop_at = min(drop_at, min(answered) + WEEK.total_seconds())
        self._tasks_drop_at = drop_at
        return expired

    async def _load(self, session: AsyncSession, now: datetime, people: set[int] | None) -> None:
        consented = exists().where(Consent.person_id == Person.id, Consent.withdrawn_at.is_(None))
        query = (
            select(
                Person.id,
                Person.tenant,
                Person.neighbourhood,
                HelpOffer.reach,
                HelpOffer.availability,
                HelpOffer.weekly_limit,
                HelpOffer.languages,
                HelpOffer.verified,
                HelpOffer.paused_until,
            )
            .join(HelpOffer, HelpOffer.person_id == Person.id)
            .where(HelpOffer.active.is_(True), Person.neighbourhood.is_not(None), consented)
        )
        rows_query = select(OfferCategory.person_id, OfferCategory.category)
        tasks_query = select(MatchInvitation.person_id, MatchInvitation.answered_at).where(
            MatchInvitation.status == "accepted", MatchInvitation.answered_at >= now - WEEK
        )
        if people is not None:
            query = query.where(Person.id.in_(people))
            rows_query = rows_query.where(OfferCategory.person_id.in_(people))
            tasks_query = tasks_query.where(MatchInvitation.person_id.in_(people))
        kinds: dict[int, set[str]] = {}
        for person_id, category in await session.execute(rows_query):
            kinds.setdefault(int(person_id), set()).add(str(category))
        answered: dict[int, list[float]] = {}
        for person_id, at in await session.execute(tasks_query):
            answered.setdefault(int(person_id), []).append(at.timestamp())
        loaded: dict[tuple[str, str], list[dict[str, Any]]] = {}
        if people is None:
            self._pools.clear()
            self._tasks = answered
        else:
            for person_id in people:
                self._tasks.pop(person_id, None)
                for pool in self._pools.values():
                    pool.remove(person_id)
            self._tasks.update(answered)
        for (
            person_id,
            tenant,
            hood,
            reach,
            availability,
            limit,
            languages,
            verified,
            paused,
        ) in await session.execute(query):
            bits = 0
            for day, part in availability or ():
                bits |= _slot_bit(day, part)
            language_bits = 0
            for language in languages or ():
                language_bits |= LANGUAGE_BIT.get(str(language), 0)
            values = {
                "person_id": int(person_id),
                "hood": self._hoods.setdefault(str(hood), len(self._hoods)),
                "reach": REACH.get(str(reach), 0),
                "languages": language_bits,
                "verified": bool(verified),
                "paused_until": paused.timestamp() if paused is not None else _NEVER,
                "weekly_limit": int(limit),
                "tasks": len(answered.get(int(person_id), ())),
                "availability": bits,
                "present": True,
            }
            for category in kinds.get(int(person_id), ()):
                if people is None:
                    loaded.setdefault((str(tenant), category), []).append(values)
                else:
                    self._pools.setdefault((str(tenant), category), _Pool()).put(values)
        for key, rows in loaded.items():
            self._pools[key] = _Pool.build(rows)
        self._expire_tasks(now)

    # --- proposing -----------------------------------------------------------------------------------

    def top(
        self,
        need: HelpNeed,
        tenant: str,
        municipality: places.Municipality,
        now: datetime,
        *,
        helped: dict[int, int],
        invited: set[int],
        m: int,
        max_distance_km: float = 5.0,
        verified_required: frozenset[str] = VERIFIED_REQUIRED,
    ) -> list[int]:
        """The best `m` eligible volunteers of the tenant for `need`, best first (ties: lower id): the
        SQL prefilter's and `rank`'s hard filters, `rank`'s score; ties go to the lower id, as in `rank`."""
        pool = self._pools.get((tenant, need.category))
        if pool is None or len(pool.person_id) == 0:
            return []
        weights = self._weights
        here_key = need.neighbourhood
        here = _lookup(municipality, here_key)
        adjacent = set(here.adjacent) if here is not None else set()
        # Per neighbourhood code: same place, within reach of a "nearby" volunteer, distance.
        size = len(self._hoods)
        same = np.zeros(size, np.bool_)
        near = np.zeros(size, np.bool_)
        distance = np.zeros(size, np.float64)
        for key, code in self._hoods.items():
            same[code] = key == here_key
            near[code] = key in adjacent or key == here_key
            there = _lookup(municipality, key)
            if key != here_key and here is not None and there is not None:
                distance[code] = places.distance_km(here, there)
        cache_key = (here_key, need.language, need.category in verified_required, max_distance_km)
        cached = pool.cache.get(cache_key)
        if cached is None:
            # What depends only on the pool and the need's place, language and VOG rule, kept until
            # the pool changes: most requests then pay one pass for pauses and one for the mask.
            hood = pool.hood
            is_same = same[hood]
            gap = distance[hood]
            static = pool.present & ((pool.reach == 2) | is_same | ((pool.reach == 1) & near[hood]))
            static &= (pool.languages & LANGUAGE_BIT[need.language]) != 0
            if need.category in verified_required:
                static &= pool.verified
            static &= (pool.weekly_limit > 0) & (pool.tasks < pool.weekly_limit)
            static &= is_same | (gap <= max_distance_km)
            cached = pool.cache[cache_key] = (static, is_same, gap)
        static, is_same, gap = cached
        mask = static & ~(pool.paused_until > now.timestamp())
        requester = pool.slot.get(need.requester_id)
        if requester is not None:
            mask[requester] = False
        for person_id in invited:
            index = pool.slot.get(person_id)
            if index is not None:
                mask[index] = False
        rows = np.flatnonzero(mask)
        if len(rows) == 0:
            return []
        # The score, term by term in `flows.matching._score`'s order (same floats to the bit).
        score = np.zeros(len(rows), np.float64)
        for person_id, count in helped.items():
            index = pool.slot.get(person_id)
            if index is not None and count > 0:
                at = np.searchsorted(rows, index)
                if at < len(rows) and rows[at] == index:
                    extra = min(count - 1, weights.helped_before_extra_cap)
                    score[at] = 0.0 + (weights.helped_before + extra * weights.helped_before_each_extra)
        row_gap = gap[rows]
        nearby = weights.nearby * np.where(row_gap > 0, 1.0 - row_gap / max_distance_km, 1.0)
        score += np.where(is_same[rows], weights.same_neighbourhood, nearby)
        slot = None
        if need.when_kind in ("moment", "daypart") and need.when_start is not None:
            slot = daypart_of(need.when_start)
        if slot is None:
            score += weights.available_then
        else:
            availability = pool.availability[rows]
            available = (availability == 0) | ((availability & _slot_bit(*slot)) != 0)
            score += np.where(available, weights.available_then, 0.0)
        limit = pool.weekly_limit[rows]
        used = np.maximum(pool.tasks[rows], 0)
        score += weights.spare_capacity * (limit - used).astype(np.float64) / limit.astype(np.float64)
        if len(rows) > m:
            kth = np.partition(-score, m - 1)[m - 1]
            keep = -score <= kth
            rows, score = rows[keep], score[keep]
        ids = pool.person_id[rows]
        order = np.lexsort((ids, -score))[:m]
        return [int(person_id) for person_id in ids[order]]


def _lookup(municipality: places.Municipality, key: str) -> places.Neighbourhood | None:
    try:
        return municipality.neighbourhood(key)
    except KeyError:
        return None


# --- one index per database engine, kept fresh by the sessions that write ----------------------------

_indexes: weakref.WeakKeyDictionary[Engine, VolunteerIndex] = weakref.WeakKeyDictionary()
_PENDING = "volunteers_changed"


def for_session(session: AsyncSession) -> VolunteerIndex | None:
    """The index of the session's database (made on first use), or None for an unbound session."""
    bind = session.bind
    engine = getattr(bind, "sync_engine", None)
    if engine is None:
        return None
    index = _indexes.get(engine)
    if index is None:
        index = _indexes[engine] = VolunteerIndex()
        if engine.dialect.name == "postgresql":
            index.listener = asyncio.ensure_future(listen(engine, index))
            event.listen(engine, "engine_disposed", lambda _engine: _stop(index))
    return index


def _stop(index: VolunteerIndex) -> None:
    if index.listener is not None:
        index.listener.cancel()


async def listen(engine: Engine, index: VolunteerIndex) -> None:
    """LISTEN for other processes' changes (PostgreSQL); after a lost connection, reload all."""

    def on_note(payload: str | None) -> None:
        if payload is None or payload == "*":
            index.changed_all()
        else:
            index.changed(int(part) for part in payload.split(",") if part)

    await notify.listen(engine, CHANNEL, on_note)


# Person columns the index holds; other changes to people (last active, state) are not its business.
_PERSON_FACTS = frozenset({"neighbourhood", "tenant"})


def _person_of(instance: object) -> int | None:
    """The volunteer whose indexed facts this flushed object changes, if any."""
    state: InstanceState[Any] | None = inspect(instance, raiseerr=False)
    if state is None:
        return None
    if isinstance(instance, Person):
        if state.pending:
            return None  # a new person has no offer yet
        if state.deleted or any(state.attrs[name].history.has_changes() for name in _PERSON_FACTS):
            return instance.id
        return None
    if isinstance(instance, MatchInvitation):
        return instance.person_id if instance.status == "accepted" or state.deleted else None
    if isinstance(instance, HelpOffer | OfferCategory | Consent):
        return instance.person_id
    return None


def _remember(session: Session, people: set[int] | None) -> None:
    """Note changed people (None: unknown, reload all) for after the commit; NOTIFY in the same
    transaction on PostgreSQL, so other processes hear of it only if it commits."""
    pending: set[int] | None = session.info.get(_PENDING, set())
    if pending is None:
        return
    new = None if people is None else people - pending
    if new is not None and not new:
        return
    session.info[_PENDING] = None if people is None or pending is None else pending | people
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        payload = "*" if new is None else ",".join(str(p) for p in sorted(new))
        session.connection().exec_driver_sql(
            "SELECT pg_notify(%(channel)s, %(payload)s)",
            {
                "channel": CHANNEL,
                "payload": payload,
            },
        )


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: Any) -> None:
    people = {
        person_id
        for instance in (*session.new, *session.dirty, *session.deleted)
        if (person_id := _person_of(instance)) is not None
    }
    if people:
        _remember(session, people)


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    """Core INSERT, UPDATE and DELETE through a session on the volunteers' tables."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    statement: Any = state.statement
    table = getattr(statement, "table", None)
    if table is None or table.name not in _WATCHED:
        return
    key = "id" if table.name == "people" else "person_id"
    people: set[int] = set()
    parameters: Any = state.parameters
    rows: list[dict[str, Any]] = list(parameters) if isinstance(parameters, list) else [parameters or {}]
    if table.name == "people" and not state.is_delete:
        # People are updated on every message (last active, state): look at the SET columns without
        # compiling; only a change of neighbourhood or tenant concerns the index.
        values = getattr(statement, "_values", None) or {}
        names = {str(getattr(column, "key", column)) for column in values} | {k for row in rows for k in row}
        if state.is_insert or not _PERSON_FACTS & names:
            return
    for row in rows:
        if key in row:
            people.add(int(row[key]))
    with contextlib.suppress(Exception):
        compiled = statement.compile()
        for name, value in compiled.params.items():
            if name.startswith(key) and isinstance(value, int):
                people.add(value)
            elif name.startswith(key) and isinstance(value, list | tuple | set):
                people.update(int(v) for v in value)
    _remember(session=state.session, people=people or None)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if _PENDING not in session.info:
        return
    people = session.info.pop(_PENDING)
    engine = getattr(session.get_bind(), "engine", None)
    index = _indexes.get(engine) if engine is not None else None
    if index is None:
        return
    if people is None:
        index.changed_all()
    else:
        index.changed(people)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)
