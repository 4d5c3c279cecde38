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
import heapq
import json
import logging
import math
import time
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Text, and_, cast, create_engine, event, exists, func, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm import InstanceState, ORMExecuteState, Session
from sqlalchemy.pool import NullPool

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


# A volunteer's static profile, one small integer: reach (3) x languages (4) x VOG (2). With the
# neighbourhood code it is the row's `place` key: hood * PROFILES + profile.
PROFILES = 3 * 4 * 2
# `availability` of a volunteer who named no slots ("any time"): a bit no slot uses.
ANY_TIME = 1 << 21


@dataclass(slots=True)
class _Pool:
    """One (tenant, category): parallel columns, one row per volunteer. A removed row stays, with
    spare class 0 (never eligible). `key` is what one request needs per row besides availability:
    (place * spares + spare class) * 2, for the number of spare classes it was built with."""

    person_id: I64
    place: npt.NDArray[np.int32]
    spare: npt.NDArray[np.int32]
    availability: npt.NDArray[np.int32]
    paused_until: F64
    key: npt.NDArray[np.int32]
    spares: int
    slot: dict[int, int]
    paused: npt.NDArray[np.intp]  # rows with a pause date (a few): checked against `now` per request
    ordered: bool  # rows in person_id order (a full load sorts them; a lower id appended breaks it)

    @classmethod
    def build(cls, rows: list[tuple[int, int, int, int, float]], spares: int) -> _Pool:
        """A pool from (person_id, place, spare class, availability, paused_until) rows."""
        rows = sorted(rows)
        ids, place, spare, availability, paused = zip(*rows, strict=True) if rows else ((),) * 5
        pool = cls(
            person_id=np.array(ids, np.int64),
            place=np.array(place, np.int32),
            spare=np.array(spare, np.int32),
            availability=np.array(availability, np.int32),
            paused_until=np.array(paused, np.float64),
            key=np.zeros(0, np.int32),
            spares=spares,
            slot={int(person_id): index for index, person_id in enumerate(ids)},
            paused=np.zeros(0, np.intp),
            ordered=True,
        )
        pool.rekey(spares)
        return pool

    def rekey(self, spares: int) -> None:
        self.spares = spares
        self.key = (self.place * spares + self.spare) * 2
        self.paused = np.flatnonzero(self.paused_until > _NEVER)

    def put(self, row: tuple[int, int, int, int, float], spares: int) -> None:
        person_id, place, spare, availability, paused = row
        index = self.slot.get(person_id)
        if index is None:
            self.ordered = self.ordered and (len(self.person_id) == 0 or person_id > self.person_id[-1])
            self.slot[person_id] = index = len(self.person_id)
            self.person_id = np.append(self.person_id, np.int64(person_id))
            self.place = np.append(self.place, np.int32(place))
            self.spare = np.append(self.spare, np.int32(spare))
            self.availability = np.append(self.availability, np.int32(availability))
            self.paused_until = np.append(self.paused_until, np.float64(paused))
            self.key = np.append(self.key, np.int32(0))
        else:
            self.place[index], self.spare[index] = place, spare
            self.availability[index], self.paused_until[index] = availability, paused
        if spares != self.spares:
            self.rekey(spares)
        else:
            self.key[index] = (place * spares + spare) * 2
            if paused > _NEVER and index not in self.paused:
                self.paused = np.append(self.paused, index)

    def remove(self, person_id: int) -> None:
        index = self.slot.get(person_id)
        if index is not None:
            self.spare[index] = 0
            self.key[index] = self.place[index] * self.spares * 2


@dataclass(slots=True)
class _Table:
    """For one (place of the request, language, VOG rule, distance) and the index's neighbourhoods
    and spare classes: the score of every key (-inf: not eligible), its keys best first."""

    score: F64
    best_first: npt.NDArray[np.intp]
    place_score: list[float]  # per place key: the place term, NaN where never eligible


@dataclass(slots=True)
class _Loaded:
    """One load's result, applied on the event loop: pools by (tenant, category), tasks this week."""

    # (person_id, neighbourhood, reach, language bits, VOG, paused until, weekly limit, slot bits)
    pools: dict[tuple[str, str], list[tuple[Any, ...]]]
    tasks: dict[int, list[float]]
    people: set[int] | None
    started: float


class VolunteerIndex:
    """The volunteers of one database, in memory. `top` proposes; the caller confirms (see module)."""

    def __init__(self, *, full_reload: float = FULL_RELOAD, weights: Weights = WEIGHTS) -> None:
        self._pools: dict[tuple[str, str], _Pool] = {}
        self._hoods: dict[str, int] = {}
        # Spare classes: (weekly limit, tasks this week) -> code; code 0 is "no capacity left".
        self._spares: dict[tuple[int, int], int] = {(0, 0): 0}
        self._spare_values: list[float] = [0.0]
        self._tables: dict[tuple[str, str, bool, float, int, int], _Table] = {}
        # (when a volunteer's earliest accepted task this week gets a week old, person): their row
        # is read again then. A heap, not a scan: 20,000 volunteers with tasks, one ageing every minute.
        self._task_ages: list[tuple[float, int]] = []
        self._dirty: set[int] = set()
        self._stale_at = 0.0  # monotonic time everything was last marked stale (changed_all)
        self._loaded_at = -math.inf  # monotonic start of the last full load (-inf: never loaded)
        self._full_reload = full_reload
        self._weights = weights
        self._lock = asyncio.Lock()
        self._loading: asyncio.Task[None] | None = None
        self._reloaded_while_loading: set[int] = set()
        self.listener: asyncio.Task[None] | None = None
        # Set once LISTEN runs (PostgreSQL): a load that starts after it misses no notification.
        self.listening = asyncio.Event()

    # --- freshness ---------------------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        return self._loaded_at > -math.inf

    def changed(self, person_ids: Iterable[int]) -> None:
        self._dirty.update(person_ids)

    def changed_all(self) -> None:
        self._stale_at = time.monotonic()

    def _full_due(self) -> bool:
        return (
            not self.loaded
            or self._stale_at >= self._loaded_at
            or time.monotonic() - self._loaded_at > self._full_reload
        )

    async def sync(self, session: AsyncSession, now: datetime) -> None:
        """Reload what changed (all of it when due) inline, before a request is matched: tests, tools
        and a process's first request when nothing loaded it in the background."""
        async with self._lock:
            if self._full_due():
                started = time.monotonic()
                self._apply(await _read(session, now, None, started), now)
                return
            await self._sync_changed(session, now)

    async def refresh(self, session: AsyncSession, now: datetime) -> bool:
        """What the matchmaker calls: False while the first load is still running elsewhere (match
        through SQL meanwhile); a due full reload runs in the background and the current rows serve
        until it is done; changed people are reloaded inline (one person's rows, a few ms)."""
        if self._loading is not None and not self.loaded:
            return False
        if not self.loaded or (self._full_due() and self.reload_in_background(session.bind, now) is None):
            await self.sync(session, now)
            return True
        async with self._lock:
            await self._sync_changed(session, now)
        return True

    async def _sync_changed(self, session: AsyncSession, now: datetime) -> None:
        if self._task_ages and now.timestamp() >= self._task_ages[0][0]:
            self._dirty.update(self._expire_tasks(now))
        if self._dirty:
            people, self._dirty = self._dirty, set()
            if self._loading is not None:
                # A full load under way may have read them before this change: read again after it.
                self._reloaded_while_loading |= people
            self._apply(await _read(session, now, people, time.monotonic()), now)

    def reload_in_background(self, bind: Any, now: datetime) -> asyncio.Task[None] | None:
        """A full load on a connection of its own (in a thread), swapped in when done: 100,000
        volunteers take seconds to read, which no request should wait for."""
        if self._loading is not None:
            return self._loading
        url = getattr(bind, "sync_engine", bind).url
        sqlite = url.get_backend_name() == "sqlite"
        if sqlite and url.database in (None, "", ":memory:"):
            return None  # another connection would see another database: sync() loads inline
        sync_url = url.set(drivername="sqlite" if sqlite else "postgresql+psycopg")

        async def run() -> None:
            try:
                if self.listener is not None:
                    # Read after LISTEN runs: a change between the read and LISTEN would be missed.
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self.listening.wait(), 5.0)
                loaded = await asyncio.to_thread(_read_blocking, sync_url, now, time.monotonic())
                async with self._lock:
                    self._apply(loaded, now)
                    self._dirty |= self._reloaded_while_loading
            except Exception:
                log.warning("volunteer index load failed; matching through SQL until it loads", exc_info=True)
            finally:
                self._loading = None
                self._reloaded_while_loading = set()

        self._loading = asyncio.ensure_future(run())
        return self._loading

    def _expire_tasks(self, now: datetime) -> set[int]:
        """Who has an accepted task that turned a week old (a stale entry only reloads a row)."""
        stamp = now.timestamp()
        expired = set()
        while self._task_ages and self._task_ages[0][0] <= stamp:
            expired.add(heapq.heappop(self._task_ages)[1])
        return expired

    def _spare_class(self, limit: int, used: int) -> int:
        """The code of (weekly limit, tasks this week), 0 when no capacity is left; the value is
        `flows.matching._score`'s spare-capacity term, computed the same way."""
        used = max(used, 0)
        if limit <= 0 or used >= limit:
            return 0
        code = self._spares.get((limit, used))
        if code is None:
            code = self._spares[(limit, used)] = len(self._spare_values)
            self._spare_values.append(self._weights.spare_capacity * (limit - used) / limit)
        return code

    def _apply(self, loaded: _Loaded, now: datetime) -> None:
        """Turn read rows into columns: all pools anew (full load) or these people's rows."""
        rows: dict[tuple[str, str], list[tuple[int, int, int, int, float]]] = {}
        pool: _Pool | None
        for key, raw in loaded.pools.items():
            out = rows.setdefault(key, [])
            for person_id, hood, reach, languages, verified, paused, limit, availability in raw:
                code = self._hoods.setdefault(hood, len(self._hoods))
                used = len(loaded.tasks.get(person_id, ()))
                place = code * PROFILES + (reach * 4 + languages) * 2 + verified
                out.append((person_id, place, self._spare_class(limit, used), availability, paused))
        spares = len(self._spare_values)
        ages = [(min(answered) + WEEK.total_seconds(), p) for p, answered in loaded.tasks.items() if answered]
        if loaded.people is None:
            self._pools = {key: _Pool.build(pool_rows, spares) for key, pool_rows in rows.items()}
            self._task_ages = ages
            heapq.heapify(ages)
            self._loaded_at = loaded.started
        else:
            for person_id in loaded.people:
                for pool in self._pools.values():
                    pool.remove(person_id)
            for age in ages:
                heapq.heappush(self._task_ages, age)
            for key, pool_rows in rows.items():
                pool = self._pools.get(key)
                if pool is None:
                    self._pools[key] = _Pool.build(pool_rows, spares)
                    continue
                for row in pool_rows:
                    pool.put(row, spares)
        for pool in self._pools.values():
            if pool.spares != spares:
                pool.rekey(spares)

    # --- proposing -----------------------------------------------------------------------------------

    def _table(
        self,
        here_key: str,
        language: str,
        vog: bool,
        max_distance_km: float,
        municipality: places.Municipality,
    ) -> _Table:
        """Scores by key for this request's place, language and VOG rule (cached: a handful of
        places and languages, recomputed only when a neighbourhood or a spare class is new)."""
        hoods, spares = len(self._hoods), len(self._spare_values)
        cache_key = (here_key, language, vog, max_distance_km, hoods, spares)
        table = self._tables.get(cache_key)
        if table is not None:
            return table
        weights = self._weights
        here = _lookup(municipality, here_key)
        adjacent = set(here.adjacent) if here is not None else set()
        language_bit = LANGUAGE_BIT.get(language, 0)
        place_score = [math.nan] * (hoods * PROFILES)
        for key, code in self._hoods.items():
            same = key == here_key
            if same:
                term = weights.same_neighbourhood
            else:
                there = _lookup(municipality, key)
                gap = places.distance_km(here, there) if here is not None and there is not None else 0.0
                if not gap <= max_distance_km:
                    continue  # too far for anyone
                # `_score`: nearby at 0 km, falling linearly to 0 at the maximum distance.
                term = weights.nearby * (1.0 - gap / max_distance_km if gap > 0 else 1.0)
            for reach in range(3):
                if not (reach == 2 or same or (reach == 1 and key in adjacent)):
                    continue
                for languages in range(4):
                    if not languages & language_bit:
                        continue
                    for verified in range(2):
                        if vog and not verified:
                            continue
                        place_score[code * PROFILES + (reach * 4 + languages) * 2 + verified] = 0.0 + term
        score = np.full((hoods * PROFILES, spares, 2), -np.inf)
        eligible_place = ~np.isnan(np.array(place_score, np.float64))
        if eligible_place.any():
            terms = np.array(place_score, np.float64)[eligible_place]
            values = np.array(self._spare_values, np.float64)
            # ((place + available) + spare), the order `_score` adds them in: the same floats.
            available = (terms + weights.available_then)[:, None] + values[None, :]
            unavailable = terms[:, None] + values[None, :]
            score[eligible_place, :, 0] = unavailable
            score[eligible_place, :, 1] = available
            score[:, 0, :] = -np.inf  # spare class 0: no capacity left
        flat = np.append(score.reshape(-1), -np.inf)  # the last key: excluded for this request
        finite = np.flatnonzero(flat > -np.inf)
        best_first = finite[np.argsort(-flat[finite], kind="stable")]
        if len(self._tables) > 256:
            self._tables.clear()
        table = self._tables[cache_key] = _Table(flat, best_first, place_score)
        return table

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
        SQL prefilter's and `rank`'s hard filters, `rank`'s score.

        One pass over the pool's keys and availability, no float column: every row's score is one of a
        few hundred values (place term x available x spare class), so the rows are counted per key,
        the score that the `m`-th best reaches is found among the keys, and only rows at or above it
        are read back and ordered exactly."""
        pool = self._pools.get((tenant, need.category))
        if pool is None or m <= 0 or len(pool.person_id) == 0:
            return []
        if pool.spares != len(self._spare_values):
            pool.rekey(len(self._spare_values))
        table = self._table(
            need.neighbourhood,
            need.language,
            need.category in verified_required,
            max_distance_km,
            municipality,
        )
        flat = table.score
        excluded = len(flat) - 1
        slot = None
        if need.when_kind in ("moment", "daypart") and need.when_start is not None:
            slot = daypart_of(need.when_start)
        if slot is None:
            key = pool.key + 1
        else:
            key = pool.key + ((pool.availability & (_slot_bit(*slot) | ANY_TIME)) != 0)
        stamp = now.timestamp()
        if len(pool.paused):
            key[pool.paused[pool.paused_until[pool.paused] > stamp]] = excluded
        special: list[tuple[float, int]] = []
        weights = self._weights
        for person_id in (need.requester_id, *invited, *helped):
            index = pool.slot.get(person_id)
            if index is None or key[index] == excluded:
                continue
            count = helped.get(person_id, 0)
            if count > 0 and person_id != need.requester_id and person_id not in invited:
                score = flat[key[index]]
                if score > -math.inf:
                    # `_score` from scratch for this row: the helped term first, then the same terms.
                    extra = min(count - 1, weights.helped_before_extra_cap)
                    total = 0.0 + (weights.helped_before + extra * weights.helped_before_each_extra)
                    total += table.place_score[int(pool.place[index])]
                    if key[index] % 2:
                        total += weights.available_then
                    total += self._spare_values[int(pool.spare[index])]
                    special.append((-total, person_id))
            key[index] = excluded
        # ndarray.take, not fancy indexing: a third of the time on 25,000 rows.
        counts = np.zeros(len(flat), np.int64)
        present = np.bincount(key)
        counts[: len(present)] = present
        reached = counts.take(table.best_first).cumsum()
        at = int(reached.searchsorted(m))
        threshold = float(flat[table.best_first[at]]) if at < len(reached) else -math.inf
        chosen = flat >= threshold if threshold > -math.inf else flat > -math.inf
        rows = chosen.take(key).nonzero()[0]
        scores = flat.take(key.take(rows))
        ids = pool.person_id.take(rows)
        if len(rows) > m:
            # Rows at the threshold share one score: the lowest ids of them complete the `m` (rows
            # are in id order unless a volunteer with a lower id joined the pool since its load).
            above = scores > threshold
            need_more = m - int(above.sum())
            at_threshold = (~above).nonzero()[0]
            if pool.ordered:
                lowest = at_threshold[:need_more]
            else:
                lowest = at_threshold[np.argpartition(ids.take(at_threshold), need_more - 1)[:need_more]]
            keep = np.concatenate([above.nonzero()[0], lowest])
            scores, ids = scores.take(keep), ids.take(keep)
        order = np.lexsort((ids, -scores))
        best = list(zip((-scores.take(order)).tolist(), ids.take(order).tolist(), strict=True))
        if special:
            best = sorted(best + special)
        return [person_id for _, person_id in best[:m]]


async def _read(session: AsyncSession, now: datetime, people: set[int] | None, started: float) -> _Loaded:
    """The rows of these people (None: everyone) through the request's session: a few people (a
    change written through) in one statement, everyone in three."""
    if people is not None:
        rows = (await session.execute(_people_query(now, people))).fetchall()
        main = list({row[0]: row[:9] for row in rows}.values())
        kinds = [(row[0], row[9]) for row in rows]
        # How many tasks this week and when the first turns a week old is all the index keeps.
        firsts = {row[0]: (row[10], row[11]) for row in rows if row[10]}
        tasks = [(person_id, first) for person_id, (count, first) in firsts.items() for _ in range(count)]
        return _assemble(kinds, tasks, main, people, started)
    kinds, tasks, main = _queries(now, people)
    return _assemble(
        (await session.execute(kinds)).fetchall(),
        (await session.execute(tasks)).fetchall(),
        (await session.execute(main)).fetchall(),
        people,
        started,
    )


def _read_blocking(url: Any, now: datetime, started: float) -> _Loaded:
    """Everyone's rows on a connection of its own (run in a thread)."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            kinds, tasks, main = _queries(now, None)
            return _assemble(
                connection.execute(kinds).fetchall(),
                connection.execute(tasks).fetchall(),
                connection.execute(main).fetchall(),
                None,
                started,
            )
    finally:
        engine.dispose()


_MAIN_COLUMNS = (
    Person.id,
    Person.tenant,
    Person.neighbourhood,
    HelpOffer.reach,
    cast(HelpOffer.availability, Text),  # as text: parsed once per distinct value
    HelpOffer.weekly_limit,
    cast(HelpOffer.languages, Text),
    HelpOffer.verified,
    HelpOffer.paused_until,
)


def _people_query(now: datetime, people: set[int]) -> Any:
    """These people's rows, one per category they offer, with their tasks this week (how many, the
    first): `_queries`' three statements in one."""
    this_week = and_(
        MatchInvitation.person_id == Person.id,
        MatchInvitation.status == "accepted",
        MatchInvitation.answered_at >= now - WEEK,
    )
    consented = exists().where(Consent.person_id == Person.id, Consent.withdrawn_at.is_(None))
    return (
        select(
            *_MAIN_COLUMNS,
            OfferCategory.category,
            select(func.count()).select_from(MatchInvitation).where(this_week).scalar_subquery(),
            select(func.min(MatchInvitation.answered_at)).where(this_week).scalar_subquery(),
        )
        .join(HelpOffer, HelpOffer.person_id == Person.id)
        .join(OfferCategory, OfferCategory.person_id == Person.id)
        .where(
            HelpOffer.active.is_(True),
            Person.neighbourhood.is_not(None),
            consented,
            Person.id.in_(people),
        )
    )


def _queries(now: datetime, people: set[int] | None) -> tuple[Any, Any, Any]:
    consented = exists().where(Consent.person_id == Person.id, Consent.withdrawn_at.is_(None))
    query = (
        select(*_MAIN_COLUMNS)
        .join(HelpOffer, HelpOffer.person_id == Person.id)
        .where(HelpOffer.active.is_(True), Person.neighbourhood.is_not(None), consented)
    )
    kinds = select(OfferCategory.person_id, OfferCategory.category)
    tasks = select(MatchInvitation.person_id, MatchInvitation.answered_at).where(
        MatchInvitation.status == "accepted", MatchInvitation.answered_at >= now - WEEK
    )
    if people is not None:
        query = query.where(Person.id.in_(people))
        kinds = kinds.where(OfferCategory.person_id.in_(people))
        tasks = tasks.where(MatchInvitation.person_id.in_(people))
    return kinds, tasks, query


def _assemble(
    kind_rows: Iterable[Any],
    task_rows: Iterable[Any],
    main_rows: Iterable[Any],
    people: set[int] | None,
    started: float,
) -> _Loaded:
    """Rows as read → per (tenant, category) tuples of plain values (the index codes them)."""
    kinds: dict[int, list[str]] = {}
    for person_id, category in kind_rows:
        kinds.setdefault(person_id, []).append(category)
    answered: dict[int, list[float]] = {}
    for person_id, at in task_rows:
        answered.setdefault(person_id, []).append(at.timestamp())
    pools: dict[tuple[str, str], list[Any]] = {}
    slot_bits: dict[str | None, int] = {}
    language_bits_of: dict[str | None, int] = {}
    for person_id, tenant, hood, reach, availability, limit, languages, verified, paused in main_rows:
        categories = kinds.get(person_id)
        if not categories:
            continue
        bits = slot_bits.get(availability)
        if bits is None:
            bits = 0
            for day, part in json.loads(availability) if availability else ():
                bits |= _slot_bit(day, part)
            slot_bits[availability] = bits
        language_bits = language_bits_of.get(languages)
        if language_bits is None:
            language_bits = 0
            for language in json.loads(languages) if languages else ():
                language_bits |= LANGUAGE_BIT.get(language, 0)
            language_bits_of[languages] = language_bits
        row = (
            int(person_id),
            str(hood),
            REACH.get(reach, 0),
            language_bits,
            1 if verified else 0,
            paused.timestamp() if paused is not None else _NEVER,
            int(limit),
            bits or ANY_TIME,
        )
        for category in categories:
            pools.setdefault((str(tenant), category), []).append(row)
    return _Loaded(pools, answered, people, started)


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
    engine = getattr(session.bind, "sync_engine", None)
    return None if engine is None else _for_engine(engine)


async def preload(engine: AsyncEngine, now: datetime) -> None:
    """Load the index of this database before any request needs it (a worker's start): on a
    connection of its own, after LISTEN runs (PostgreSQL), so no change is missed in between and the
    first requests match through SQL meanwhile instead of waiting in their transaction."""
    index = _for_engine(engine.sync_engine)
    task = index.reload_in_background(engine, now)
    if task is not None:
        await task
    else:
        async with AsyncSession(engine) as session:
            await index.sync(session, now)


def _for_engine(engine: Engine) -> VolunteerIndex:
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
        if payload is None:
            index.listening.set()
        if payload is None or payload == "*":
            index.changed_all()
        else:
            index.changed(int(part) for part in payload.split(",") if part)

    await notify.listen(engine, CHANNEL, on_note)


# Person columns the index holds; other changes to people (last active, state) are not its business.
PERSON_FACTS = frozenset({"neighbourhood", "tenant"})


def _person_of(instance: object) -> int | None:
    """The volunteer whose indexed facts this flushed object changes, if any."""
    state: InstanceState[Any] | None = inspect(instance, raiseerr=False)
    if state is None:
        return None
    if isinstance(instance, Person):
        if state.pending:
            return None  # a new person has no offer yet
        if state.deleted or any(state.attrs[name].history.has_changes() for name in PERSON_FACTS):
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


async def remember(session: AsyncSession, people: set[int]) -> None:
    """For writes that pass the ORM's events (storage/people.py): these people's indexed facts change
    in this transaction."""
    await session.run_sync(_remember, people)


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
        if state.is_insert or not PERSON_FACTS & names:
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
