"""Matching at 100,000 volunteers: the candidate query plus ranking for a new request, p50/p99.

    .venv/bin/python -m bench.matching [--backends sqlite,postgresql] [--volunteers 100000] [--requests 300]

One municipality (the app's own, `places.load_municipality()`: four neighbourhoods), bulk-inserted
with SQL: people, help_offers, offer_categories, plus some history that the query's subqueries read
(accepted invitations this week, requests a volunteer helped before). Then, for each of N new requests
(random requester, category, neighbourhood, time), we time exactly what `bot/effects/matchmaker.py` does for
a first wave: `storage.matching.candidates` (through the app's async engine, as in production) and
`flows.matching.rank` + `next_wave`. The figures are wall-clock per request, single client.
EXPLAIN output is saved next to the result to show what bounds the query.

`--paths sql,index` (default both, alternated run by run in one process: A B A B): `sql` is the path
above (main's); `index` is `bot.effects.matchmaker.ranked_for` with the in-memory index
(storage/matching_index.py):
helped-before and invited read, the index proposes `PROPOSE`, those are read again by id and ranked by
`rank`. Its figures split the time: `index_top_ms` (memory only) and the whole (`total_ms`), and
`index_load_s` is the first full load. Each index request is checked against the SQL path's first
wave over the same 500 candidates where the SQL path saw every eligible volunteer (`same_wave_as_sql`).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert, make_url, text

from bench.common import fresh_postgres, percentile, postgres_backend_cpu, save, wait_quiet
from bot.effects.matchmaker import PROPOSE, ranked_for
from flows import places
from flows.matching import CATEGORIES, DAYPARTS, HelpNeed, next_wave, rank
from flows.profile import CONSENT_TEXT_KEY, CONSENT_VERSION
from storage import matching_index, migrate
from storage.db import make_engine, make_sessionmaker, sync_url
from storage.matching import candidates
from storage.models import Consent, HelpOffer, HelpRequest, MatchInvitation, OfferCategory, Person

REQUESTERS = 2000


def populate(database_url: str, volunteers: int, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    municipality = places.load_municipality()
    hoods = [n.key for n in municipality.neighbourhoods]
    now = datetime.now(UTC)
    engine = create_engine(sync_url(database_url))
    started = time.perf_counter()
    people, offers, categories, consents = [], [], [], []
    for pid in range(1, volunteers + REQUESTERS + 1):
        people.append(
            {
                "id": pid,
                "created_at": now,
                "language": "nl",
                "first_name": f"V{pid}",
                "neighbourhood": rng.choice(hoods),
                "postcode4": "7391",
                "last_active_at": now,
            }
        )
        # Nothing is matched without consent (storage.matching): onboarded people have given it; a
        # few volunteers withdrew it since (the row stays, dated).
        consents.append(
            {
                "person_id": pid,
                "version": CONSENT_VERSION,
                "text_key": CONSENT_TEXT_KEY,
                "given_at": now - timedelta(days=30),
                "withdrawn_at": now - timedelta(days=1) if rng.random() < 0.02 else None,
            }
        )
        if pid > volunteers:
            continue  # requesters offer nothing
        availability = (
            []
            if rng.random() < 0.5
            else sorted({(rng.randrange(7), rng.choice(DAYPARTS)) for _ in range(rng.randint(1, 6))})
        )
        offers.append(
            {
                "person_id": pid,
                "reach": rng.choices(["own", "nearby", "anywhere"], [4, 5, 1])[0],
                "availability": [list(slot) for slot in availability],
                "weekly_limit": rng.randint(1, 3),
                "languages": ["nl", "en"] if rng.random() < 0.2 else ["nl"],
                "verified": rng.random() < 0.3,
                "active": rng.random() < 0.95,
                "paused_until": now + timedelta(days=3) if rng.random() < 0.05 else None,
                "created_at": now,
                "updated_at": now,
            }
        )
        for category in rng.sample(CATEGORIES, rng.randint(1, 4)):
            categories.append({"person_id": pid, "category": category})
    # History the subqueries read: requests matched to a volunteer, accepted invitations this week.
    history, invitations = [], []
    for rid in range(1, volunteers // 5 + 1):
        requester = volunteers + rng.randint(1, REQUESTERS)
        helper = rng.randint(1, volunteers)
        history.append(
            {
                "id": rid,
                "person_id": requester,
                "category": rng.choice(CATEGORIES),
                "description": "eerder",
                "when": {"kind": "asap"},
                "when_start": None,
                "neighbourhood": rng.choice(hoods),
                "urgent": False,
                "visibility": "helper",
                "status": "matched",
                "source": "chat",
                "created_at": now - timedelta(days=rng.randint(0, 60)),
                "updated_at": now,
                "wave": 1,
                "matched_person_id": helper,
                "matched_at": now,
            }
        )
        invitations.append(
            {
                "request_id": rid,
                "person_id": helper,
                "wave": 1,
                "status": "accepted",
                "asked_at": now - timedelta(days=rng.randint(0, 14)),
                "answered_at": now - timedelta(days=rng.randint(0, 14)),
            }
        )
    with engine.begin() as connection:
        for table, rows in (
            (Person, people),
            (Consent, consents),
            (HelpOffer, offers),
            (OfferCategory, categories),
            (HelpRequest, history),
            (MatchInvitation, invitations),
        ):
            for start in range(0, len(rows), 5000):
                connection.execute(insert(table), rows[start : start + 5000])
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT setval('people_id_seq', (SELECT max(id) FROM people))"))
            connection.execute(
                text("SELECT setval('help_requests_id_seq', (SELECT max(id) FROM help_requests))")
            )
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
        else:
            connection.execute(text("ANALYZE"))
            connection.commit()
    engine.dispose()
    return {
        "volunteers": volunteers,
        "offer_category_rows": len(categories),
        "consents": len(consents),
        "history_requests": len(history),
        "accepted_invitations": len(invitations),
        "load_seconds": round(time.perf_counter() - started, 1),
    }


async def measure(
    database_url: str, volunteers: int, n: int, seed: int = 11, path: str = "sql", change_every: int = 0
) -> dict[str, Any]:
    """`change_every` k > 0: before every k-th request a random volunteer is marked changed, as the
    write-through marks someone who accepted a task (the index path reads their rows again first)."""
    rng = random.Random(seed)
    changes = random.Random(seed + 1)
    server_before: dict[int, tuple[str, float]] = {}
    server_after: dict[int, tuple[str, float]] = {}
    municipality = places.load_municipality()
    hoods = [nb.key for nb in municipality.neighbourhoods]
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    query_ms, rank_ms, total_ms, cpu_ms, found, wave_sizes = [], [], [], [], [], []
    top_ms: list[float] = []
    top_cpu_ms: list[float] = []
    waves: list[list[Any]] = []
    index_load_s = 0.0
    now = datetime.now(UTC)
    try:
        # New requests, committed first (as the engine has flushed the request when it matches).
        requests = []
        async with sessions() as session, session.begin():
            for _ in range(n + 20):
                start = now + timedelta(days=rng.randint(1, 6), hours=rng.choice([9, 14, 19]))
                kind = rng.choice(["asap", "moment", "flexible"])
                request = HelpRequest(
                    person_id=volunteers + rng.randint(1, REQUESTERS),
                    category=rng.choice(CATEGORIES),
                    description="bench",
                    when={"kind": kind},
                    when_start=start if kind == "moment" else None,
                    neighbourhood=rng.choice(hoods),
                    urgent=rng.random() < 0.2,
                    visibility="helper",
                    status="open",
                    source="chat",
                    created_at=now,
                    updated_at=now,
                )
                session.add(request)
                requests.append(request)
        for i, request in enumerate(requests):
            if i == 20 and engine.dialect.name == "postgresql":
                server_before = postgres_backend_cpu()
            need = HelpNeed(
                request_id=request.id,
                requester_id=request.person_id,
                category=request.category,  # type: ignore[arg-type]
                neighbourhood=request.neighbourhood,
                language="nl",
                when_kind=request.when["kind"],
                when_start=request.when_start,
                urgent=request.urgent,
            )
            if path == "index" and i == 0:
                # The first load, as a worker's start does it (bot/runtime.py); an older tree has no
                # preload and loads in the first request's session.
                l0 = time.perf_counter()
                if hasattr(matching_index, "preload"):
                    await matching_index.preload(engine, now)
                else:
                    async with sessions() as session:
                        index = matching_index.for_session(session)
                        assert index is not None
                        await index.sync(session, now)
                index_load_s = time.perf_counter() - l0
            async with sessions() as session, session.begin():
                # The matchmaker runs inside the engine's transaction, which commits: the connection is
                # there already, and psycopg keeps its prepared statements (a rollback drops them).
                await session.connection()
                if path == "index":
                    index = matching_index.for_session(session)
                    assert index is not None
                    if change_every and i % change_every == 0:
                        index.changed([changes.randint(1, volunteers)])
                    c0 = time.process_time()
                    t0 = time.perf_counter()
                    ranked = await ranked_for(session, request, need, now, municipality, "default")
                    t2 = time.perf_counter()
                    c2 = time.process_time()
                    wave = next_wave(ranked, 3)
                    # The in-memory part alone, as the matchmaker calls it (CPU of this thread).
                    u0, v0 = time.perf_counter(), time.thread_time()
                    index.top(need, "default", municipality, now, helped={}, invited=set(), m=PROPOSE)
                    top_ms.append((time.perf_counter() - u0) * 1000)
                    top_cpu_ms.append((time.thread_time() - v0) * 1000)
                    t1 = t0
                    found_candidates = []
                else:
                    c0 = time.process_time()
                    t0 = time.perf_counter()
                    found_candidates = await candidates(session, request, now, municipality)
                    t1 = time.perf_counter()
                    wave = next_wave(rank(need, found_candidates, now), 3)
                    t2 = time.perf_counter()
                    c2 = time.process_time()
            if i < 20:
                continue  # warm-up: caches, statement compilation
            query_ms.append((t1 - t0) * 1000)
            rank_ms.append((t2 - t1) * 1000)
            total_ms.append((t2 - t0) * 1000)
            cpu_ms.append((c2 - c0) * 1000)
            found.append(len(found_candidates))
            wave_sizes.append(len(wave))
            waves.append(wave)
        if engine.dialect.name == "postgresql":
            server_after = postgres_backend_cpu()
    finally:
        await engine.dispose()
    # This database's live backends (the pool's connections), as a mean per timed request: the
    # server's CPU ticks are 10 ms, too coarse for percentiles.
    database = make_url(database_url).database
    server_ms = None
    if server_after:
        server_ms = round(
            sum(
                cpu - (server_before[pid][1] if pid in server_before else 0.0)
                for pid, (name, cpu) in server_after.items()
                if name == database
            )
            * 1000
            / max(1, n),
            3,
        )

    def stats(values: list[float]) -> dict[str, float]:
        return {
            "p50": round(percentile(values, 50), 2),
            "p99": round(percentile(values, 99), 2),
            "max": round(max(values), 2),
        }

    if path == "index":
        return {
            "path": path,
            "requests_timed": len(total_ms),
            "total_ms": stats(total_ms),
            "index_top_ms": stats(top_ms),
            "index_top_cpu_ms": stats(top_cpu_ms),
            "process_cpu_ms": stats(cpu_ms),
            "index_load_s": round(index_load_s, 2),
            "server_cpu_ms_mean": server_ms,
            "change_every": change_every,
            "full_waves": sum(1 for w in wave_sizes if w == 3),
            "waves": [[r.person_id for r in w] for w in waves],
        }
    return {
        "path": path,
        "waves": [[r.person_id for r in w] for w in waves],
        "requests_timed": len(total_ms),
        "total_ms": stats(total_ms),
        "query_ms": stats(query_ms),
        "rank_ms": stats(rank_ms),
        # CPU of this process (SQLite's own work included: it runs on aiosqlite's thread here; the
        # PostgreSQL server's is not): less dependent on how busy the machine is than wall-clock.
        "process_cpu_ms": stats(cpu_ms),
        "server_cpu_ms_mean": server_ms,
        "candidates_returned_median": percentile([float(x) for x in found], 50),
        "full_waves": sum(1 for w in wave_sizes if w == 3),
    }


def explain(database_url: str) -> str:
    """The plan of one candidate query, with the app's own SQL (compiled for the dialect)."""
    from sqlalchemy.dialects import postgresql, sqlite

    engine = create_engine(sync_url(database_url))
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT id FROM help_requests WHERE description = 'bench' LIMIT 1")
        ).first()
        if row is None:
            return ""
    # Build the statement the way storage.matching does, by running it under a recording session.
    captured: list[tuple[str, Any]] = []

    from sqlalchemy import event

    async def run() -> None:
        async_engine = make_engine(database_url)

        @event.listens_for(async_engine.sync_engine, "before_cursor_execute")
        def grab(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
            if "offer_categories" in statement:
                captured.append((statement, parameters))

        sessions = make_sessionmaker(async_engine)
        async with sessions() as session:
            request = await session.get(HelpRequest, row[0])
            assert request is not None
            await candidates(session, request, datetime.now(UTC), places.load_municipality())
        await async_engine.dispose()

    asyncio.run(run())
    del postgresql, sqlite
    statement, parameters = captured[0]
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            plan = connection.exec_driver_sql(
                "EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters
            ).fetchall()
        else:
            plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
    engine.dispose()
    return statement + "\n\n" + "\n".join(" | ".join(str(c) for c in r) for r in plan)


def _measure_in(
    tree: Path, url: str, volunteers: int, n: int, seed: int, path: str, change_every: int = 0
) -> dict[str, Any]:
    """`measure` of `tree`'s code in a process of its own (a worker's start: nothing loaded yet)."""
    import json
    import os
    import subprocess
    import sys

    # This file's `measure` (the same timing for both trees) over `tree`'s app code.
    shim = Path(tempfile.mkdtemp(prefix="voordeur-bench-shim-"))
    (shim / "bench").symlink_to(Path(__file__).resolve().parent)
    script = (
        "import asyncio, json, sys; from bench.matching import measure; "
        "print(json.dumps(asyncio.run(measure(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), "
        "seed=int(sys.argv[4]), path=sys.argv[5], change_every=int(sys.argv[6])))))"
    )
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            url,
            str(volunteers),
            str(n),
            str(seed),
            "index" if path == "base" else path,
            str(change_every),
        ],
        cwd=shim,  # `python -c` puts the working directory first: the shim's `bench`, not the tree's
        env={**os.environ, "PYTHONPATH": f"{shim}:{tree}"},
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        raise RuntimeError(f"{tree}: {out.stderr[-2000:]}")
    measured: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    measured["path"] = path
    measured["tree"] = str(tree)
    return measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--volunteers", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--paths",
        default="sql,index",
        help="alternated in each run; `base` is the index path of the tree given by --base",
    )
    parser.add_argument(
        "--base",
        default="",
        help="another checkout (e.g. an export of main) whose index path runs as path `base`, each "
        "measurement in a process of its own on the same database",
    )
    parser.add_argument(
        "--change-every",
        type=int,
        default=0,
        help="index paths: mark a random volunteer changed before every k-th request (write-through)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="voordeur-bench-matching-"))
    result: dict[str, Any] = {"settings": vars(args)}
    for backend in args.backends.split(","):
        if backend == "sqlite":
            url = f"sqlite:///{work}/matching.db"
        else:
            url = fresh_postgres("voordeur_bench_matching")
        migrate.upgrade(url)
        loaded = populate(url, args.volunteers)
        runs = []
        for run in range(args.runs):
            by_path = {}
            for path in args.paths.split(","):
                quiet = wait_quiet()
                if args.base:
                    tree = Path(args.base) if path == "base" else Path(__file__).resolve().parent.parent
                    measured = _measure_in(
                        tree, url, args.volunteers, args.requests, 11 + run, path, args.change_every
                    )
                else:
                    measured = asyncio.run(
                        measure(
                            url,
                            args.volunteers,
                            args.requests,
                            seed=11 + run,
                            path=path,
                            change_every=args.change_every,
                        )
                    )
                measured["quiet_before"] = quiet
                measured["load_average_before"] = [
                    float(x) for x in Path("/proc/loadavg").read_text().split()[:3]
                ]
                by_path[path] = measured
                runs.append(measured)
                print(backend, run + 1, {k: v for k, v in measured.items() if k != "waves"}, flush=True)
            for other in ("index", "base"):
                if "sql" not in by_path or other not in by_path:
                    continue
                # The SQL path ranks the first 500 eligible by id, the index the whole pool: the same
                # wave is expected where the SQL path's 500 held the pool's best (checked, counted).
                same = sum(
                    a == b for a, b in zip(by_path["sql"]["waves"], by_path[other]["waves"], strict=True)
                )
                by_path[other]["same_wave_as_sql"] = same
                print(
                    backend,
                    run + 1,
                    other,
                    "same first wave as the SQL path:",
                    same,
                    "of",
                    len(by_path["sql"]["waves"]),
                )
        plan = explain(url)
        (work / f"explain-{backend}.txt").write_text(plan)
        result[backend] = {"load": loaded, "runs": runs, "explain_file": str(work / f"explain-{backend}.txt")}
    print("saved", save("matching", result))


if __name__ == "__main__":
    main()
