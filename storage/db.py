"""Database engines for SQLite (embedded default) and PostgreSQL (production).

SQLite gets exactly one connection per process: several pooled connections fight over its single
write lock (p99 of seconds under load, measured on this machine), while one connection serialises
writers in-process at tens of milliseconds. WAL lets other processes read meanwhile.

aiosqlite runs every call on its own thread: SQLAlchemy's adapter makes four such calls per statement
(cursor, execute, fetchall, close), each a queue hand-off, a GIL switch and an event-loop wake-up. That
hand-off was the largest single cost of a message (bench/README.md). `_OneHopConnection` makes it one
call per statement: the cursor is opened, executed, read to the end and closed on the worker thread in
one go. Results are read whole, as SQLAlchemy's adapter already does for every non-streaming cursor.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sqlite3
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar, cast

import aiosqlite
import psycopg
from psycopg.pq import TransactionStatus
from sqlalchemy import Table, bindparam, event, literal_column
from sqlalchemy.engine import URL, CursorResult, Dialect, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.ext.asyncio import AsyncSession as AsyncSession
from sqlalchemy.sql import Executable, Select
from sqlalchemy.sql.compiler import InsertmanyvaluesSentinelOpts


def async_url(database_url: str) -> URL:
    """The contract's URL (`sqlite:///x.db`, `postgresql+psycopg://`) with an async driver."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return url.set(drivername="sqlite+aiosqlite")
    return url.set(drivername="postgresql+psycopg")


def sync_url(database_url: str) -> URL:
    """The same database with a blocking driver, for Alembic and command-line tools."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return url.set(drivername="sqlite")
    return url.set(drivername="postgresql+psycopg")


def is_sqlite(database_url: str) -> bool:
    return make_url(database_url).get_backend_name() == "sqlite"


T = TypeVar("T")

# How long a statement waits for another process's write lock before it fails.
BUSY_TIMEOUT_MS = 10_000


def sqlite_pragmas(synchronous: str) -> list[str]:
    """WAL for concurrent readers; `synchronous` FULL by default: an inbound message Twilio will not
    resend must survive a power loss once we answered 200."""
    return [
        "PRAGMA journal_mode=WAL",
        f"PRAGMA synchronous={synchronous}",
        f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
        "PRAGMA foreign_keys=ON",
    ]


def _run_statement(
    connection: sqlite3.Connection, sql: str, parameters: Any, many: bool
) -> tuple[Any, list[Any], int, int | None]:
    """On aiosqlite's thread: one statement from cursor to close, rows read whole."""
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(sql, parameters)
        else:
            cursor.execute(sql, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        return description, rows, cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


# The statements for which Python's sqlite3 opens a transaction and SQLite takes the write lock.
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLAC")


def now_if_free(connection: sqlite3.Connection, work: Callable[..., T], *args: Any) -> T | None:
    """`work(connection, *args)` on the calling thread if this transaction can write without waiting;
    None when another process holds the write lock and nothing was done: the caller then hands the same
    work to aiosqlite's thread, where it may wait without blocking the event loop.

    With no transaction open, one is begun IMMEDIATE (the write lock taken now, or refused at once with
    nothing open): a deferred one begun by a write that is then refused would stay open, and the work's
    reads run again inside it would hold a snapshot SQLite cannot upgrade while the other writer waits,
    so the retry would fail at once instead of waiting. Connections in autocommit mode are left alone.
    """
    if connection.isolation_level is None:
        return None
    connection.execute("PRAGMA busy_timeout=0")
    try:
        if not connection.in_transaction:
            connection.execute("BEGIN IMMEDIATE")
        return work(connection, *args)
    except sqlite3.OperationalError as exc:
        if exc.sqlite_errorcode != sqlite3.SQLITE_BUSY:
            raise
        return None
    finally:
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


class _OneHopCursor:
    """The part of aiosqlite's Cursor that SQLAlchemy's adapter uses, one thread hop per statement."""

    def __init__(self, connection: _OneHopConnection) -> None:
        self._connection = connection
        self._rows: deque[Any] = deque()
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self.arraysize = 1

    async def _run(self, sql: str, parameters: Any, many: bool) -> _OneHopCursor:
        """Run the statement on the calling thread when it cannot wait: a read (WAL: readers never
        wait for the writer), any statement once this transaction has written (it holds the write
        lock until its commit), a transaction's first write when the lock is free. What must wait (a
        first write while another process writes; the commit, for the disk) goes to aiosqlite's
        thread, so the event loop never blocks on either. The hop costs about 80 us of CPU on this
        machine, many times a small statement's own work (bench/README.md, session 12)."""
        owner = self._connection
        connection = owner._conn
        if not connection.in_transaction:
            owner.holds_write_lock = False
        verb = sql.lstrip()[:6].upper()
        if verb == "SELECT" or owner.holds_write_lock:
            result = _run_statement(connection, sql, parameters, many)
        else:
            done = now_if_free(connection, _run_statement, sql, parameters, many) if verb in _WRITES else None
            run: Any = owner._execute  # aiosqlite's queue to its thread (untyped)
            result = done or await run(_run_statement, connection, sql, parameters, many)
            if verb in _WRITES and connection.in_transaction:
                owner.holds_write_lock = True
        description, rows, rowcount, lastrowid = result
        self.description, self.rowcount, self.lastrowid = description, rowcount, lastrowid
        self._rows = deque(rows)
        return self

    async def execute(self, sql: str, parameters: Any = None) -> _OneHopCursor:
        return await self._run(sql, () if parameters is None else parameters, False)

    async def executemany(self, sql: str, parameters: Any) -> _OneHopCursor:
        return await self._run(sql, parameters, True)

    async def fetchone(self) -> Any:
        return self._rows.popleft() if self._rows else None

    async def fetchmany(self, size: int | None = None) -> Sequence[Any]:
        rows = self._rows
        return [rows.popleft() for _ in range(min(size or self.arraysize, len(rows)))]

    async def fetchall(self) -> Sequence[Any]:
        rows = list(self._rows)
        self._rows.clear()
        return rows

    async def close(self) -> None:
        self._rows.clear()


class _OneHopConnection(aiosqlite.Connection):
    # This connection's open transaction has written: SQLite holds its write lock until the end.
    holds_write_lock = False

    async def cursor(self) -> _OneHopCursor:  # type: ignore[override]
        return _OneHopCursor(self)

    async def commit(self) -> None:
        """No hop to the thread when no transaction is open (a read-only unit of work). Reading the flag
        here is safe: the pool lends the connection to one user, whose statements have all returned."""
        if self._conn.in_transaction:
            await super().commit()

    async def rollback(self) -> None:
        """As `commit`: the pool rolls back every connection it gets back, mostly with nothing open."""
        if self._conn.in_transaction:
            await super().rollback()


def _sqlite_creator(url: URL) -> Any:
    """aiosqlite connections with one-hop cursors, opened with the arguments SQLAlchemy would use."""
    from sqlalchemy.dialects.sqlite.aiosqlite import SQLiteDialect_aiosqlite

    args, options = SQLiteDialect_aiosqlite().create_connect_args(url)

    connect: Any = sqlite3.connect  # with the arguments SQLAlchemy computed for the URL

    def connector() -> sqlite3.Connection:
        connection: sqlite3.Connection = connect(*args, **options)
        return connection

    def create() -> _OneHopConnection:
        connection = _OneHopConnection(connector, 64)
        connection._thread.daemon = True  # as SQLAlchemy does for aiosqlite's own connections
        return connection

    return create


class _PreparedKeptConnection(psycopg.AsyncConnection[Any]):
    """psycopg's connection, except that `rollback()` keeps the statements it prepared.

    psycopg prepares a statement on a connection after its fifth run there (`prepare_threshold`), and
    PostgreSQL then plans it once (a generic plan, which it chose for our array statements too)
    instead of at every call. But psycopg also forgets them all at every `rollback()` (DEALLOCATE
    ALL, and the counts start again): a precaution for DDL undone by the rollback, which the app never runs on
    these connections (migrations run before, through their own). SQLAlchemy rolls back every
    session that ends without a commit, the read-only ones included (the engine's look, the
    sender's and scheduler's polls), about as often as others commit: a pool connection rarely ran a
    statement five times between two rollbacks, so nearly every hot statement was parsed and planned
    at each call (bench/README.md, session 25: 5,406 plans for 11,453 calls in a benchmark run).

    The server keeps prepared statements across a rollback (they are not transactional), so keeping
    psycopg's record of them is exact. A ROLLBACK sent as a statement (`own_transaction` after a
    failure) still clears them, as psycopg decides for results it reads."""

    async def rollback(self) -> None:
        manager = self._prepared
        manager.clear = _nothing_to_clear  # type: ignore[method-assign]
        try:
            await super().rollback()
        finally:
            del manager.clear


def _nothing_to_clear() -> bool:
    return False


def without_jit(url: URL) -> str:
    """PostgreSQL's `options` for our connections: the URL's own, with JIT compilation off.

    Why: the engine's batch read (storage/profile.py `start_many`) has a subquery per fact; on tables
    whose statistics are old or missing (a new database, autovacuum behind) its estimated cost passes
    `jit_above_cost`, and the server then spent about 0.5 s of CPU compiling 169 functions for a read
    that runs in a few milliseconds: most of the server's CPU under load (bench/README.md, session 9).
    Short statements never gain from JIT; reporting queries run through other connections."""
    given = url.query.get("options")
    own = " ".join(given) if isinstance(given, tuple) else (given or "")
    return f"{own} -c jit=off".strip()


def make_engine(database_url: str, *, sqlite_synchronous: str = "FULL", pool_size: int = 10) -> AsyncEngine:
    url = async_url(database_url)
    # Bound values (message texts, phone numbers) must never appear in error messages or logs.
    kwargs: dict[str, Any] = {"hide_parameters": True}
    if url.get_backend_name() == "sqlite":
        kwargs.update(pool_size=1, max_overflow=0, pool_timeout=60, async_creator=_sqlite_creator(url))
    else:
        # No pre-ping: it runs `SELECT 1` in a transaction of its own before every checkout, doubling
        # the server's transactions (bench/README.md). A connection the server closed (a restart) fails
        # the first statement on it; SQLAlchemy then replaces the pool's connections, and every caller
        # tries again: the ingest's group commit at once (`BatchCommit`), the engine, sender and
        # scheduler at their next round, a console page on reload.
        kwargs.update(pool_size=pool_size, max_overflow=pool_size)
        kwargs["connect_args"] = {
            "options": without_jit(url),
            "async_creator_fn": _PreparedKeptConnection.connect,
        }
    engine = create_async_engine(url, **kwargs)
    if url.get_backend_name() == "postgresql":

        @event.listens_for(engine.sync_engine, "reset")
        def _out_of_autocommit(dbapi_connection: Any, _record: Any, _state: Any) -> None:
            """The pool lends no connection in autocommit it was not asked for: `own_transaction` turns
            it off again itself, also after a failure, but not when cancelled while doing so."""
            if dbapi_connection.autocommit:
                dbapi_connection.autocommit = False

    if url.get_backend_name() == "sqlite":
        _insert_many_rows_at_once(engine)
        pragmas = sqlite_pragmas(sqlite_synchronous)

        @event.listens_for(engine.sync_engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            for pragma in pragmas:
                cursor.execute(pragma)
            cursor.close()

    return engine


def _insert_many_rows_at_once(engine: AsyncEngine) -> None:
    """Many rows of a table with RETURNING in one INSERT on SQLite, as on PostgreSQL.

    To match returned ids to rows (an ORM flush of several new objects; `sort_by_parameter_order`)
    SQLAlchemy inserts row by row on SQLite: a statement, and an aiosqlite thread hop, per row (a
    batch's 3,000 replies were 3,000 INSERTs in bench/parts.py; every consent, request and mailbox
    post of a batch one each). Told that an autoincrementing primary key may serve as the sentinel, it
    writes one multi-row INSERT and sorts what RETURNING gives by that key: sound on SQLite, which
    gives the rows of one INSERT's VALUES the next rowids in turn, one writer at a time (ingest's own
    INSERT relies on the same, storage/inbox.py). Tests: tests/test_sender_born.py (one INSERT, each
    row its own id) and every ORM test on SQLite."""
    engine.sync_engine.dialect.insertmanyvalues_implicit_sentinel = (
        InsertmanyvaluesSentinelOpts.ANY_AUTOINCREMENT
    )


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def core(session: AsyncSession, statement: Executable, parameters: Any = None) -> CursorResult[Any]:
    """Run a prebuilt Core statement of the hot path on the session's connection.

    Why: `session.execute` sends every statement through the ORM's execution layer (its compile state,
    and each result row through `orm.loading`), which for the engine's round read cost more than
    SQLite's own work (186 against 120 µs a person on SQLite, bench/README.md session 13). Like a Core
    statement through the session, it does not autoflush: callers flush what the ORM holds when a
    read must see it (bot/engine.py between rounds, storage/outbox.py before its inserts)."""
    return await (await connection_of(session)).execute(statement, parameters)


async def connection_of(session: AsyncSession) -> AsyncConnection:
    """The connection of the session's transaction, asked of the session once per transaction: each
    `session.connection()` is a greenlet of its own, and a batch's statements ask for it several times."""
    transaction = session.sync_session.get_transaction()
    known = session.info.get(_CORE_CONNECTION)
    if known is None or known[0] is not transaction:
        connection = await session.connection()
        known = session.info[_CORE_CONNECTION] = (session.sync_session.get_transaction(), connection)
    return cast(AsyncConnection, known[1])


_CORE_CONNECTION = "voordeur.core_connection"


def among(column: Any, values: Sequence[str]) -> Any:
    """`column IN ('a', 'b')` with the constants written into the statement's text.

    Why: a list given to `in_` becomes an expanding parameter, and a statement with one is rendered
    again at every execution (SQLAlchemy's post-compile step: a regular expression over the whole SQL
    text). For the hot path's prebuilt statements that cost more than SQLite's own work. The values are
    the code's own status names, never input."""
    for value in values:
        if not _CONSTANT.fullmatch(value):
            raise ValueError(f"not a plain constant: {value!r}")
    return column.in_([literal_column(f"'{value}'") for value in values])


_CONSTANT = re.compile(r"[a-z_]+")


class ForIds(Generic[T]):
    """A prebuilt statement about a set of ids, in two forms: `= :id` for one id, `IN :ids` for more.

    Why: an IN list is an expanding parameter, rendered into the statement's text again at every
    execution (`among`); at low load most batches are one person or one row, and the `=` form skips
    that. `build(match)` makes the statement, `match(column)` being the condition on the id column."""

    def __init__(self, build: Callable[[Callable[[Any], Any]], T]) -> None:
        self.one = build(lambda column: column == bindparam("id"))
        self.many = build(lambda column: column.in_(bindparam("ids", expanding=True)))

    def pick(self, ids: Sequence[int]) -> tuple[T, dict[str, Any]]:
        """The statement for these ids and its parameters (add the statement's others to them)."""
        if len(ids) == 1:
            return self.one, {"id": ids[0]}
        return self.many, {"ids": list(ids)}


def table_of(model: Any) -> Table:
    """A mapped class's table, for Core statements on the hot path (no ORM unit of work or session
    sync); `__table__` is typed as a plain FromClause."""
    return cast(Table, model.__table__)


def as_is(value: Any) -> Any:
    """A value the driver takes as it is: where a type has no bind or result processor."""
    return value


def bind_processors(table: Table, columns: Sequence[str], dialect: Dialect) -> tuple[Any, ...]:
    """Each column's bind processor for this dialect, None where values go to the driver as they are:
    what a statement written for the driver (storage.bulk, storage.outbox) applies to its values, so
    they are written as SQLAlchemy and the ORM write them (timestamps, JSON)."""
    return tuple(table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns)


class DriverSelect:
    """A Core SELECT compiled once for PostgreSQL's driver, for a psycopg pipeline (statements sent
    together, one wait for all): SQLAlchemy's own statements cannot join one (its cursor reads each
    result as soon as it executes). Parameters are bound and rows read as SQLAlchemy would, through the
    columns' own processors (aware UTC timestamps), so callers see the rows `core` would give."""

    def __init__(self, statement: Select[Any]) -> None:
        self._statement = statement
        self._compiled: tuple[Dialect, str, Any, tuple[Any, ...]] | None = None

    def bound(self, dialect: Dialect, values: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """The statement's text and its parameters (`values` and the statement's own constants)."""
        _dialect, sql, compiled, _results = self._compile(dialect)
        parameters = compiled.construct_params(values)
        for name, process in compiled._bind_processors.items():
            if name in parameters:
                parameters[name] = process(parameters[name])
        return sql, parameters

    def read(self, dialect: Dialect, rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
        *_head, results = self._compile(dialect)
        processed = [(index, process) for index, process in enumerate(results) if process is not None]
        out = []
        for row in rows:
            values = list(row)
            for index, process in processed:
                values[index] = process(values[index])
            out.append(tuple(values))
        return out

    def _compile(self, dialect: Dialect) -> tuple[Dialect, str, Any, tuple[Any, ...]]:
        if self._compiled is None or self._compiled[0] is not dialect:
            compiled = self._statement.compile(dialect=dialect)
            results = tuple(
                column.type.dialect_impl(dialect).result_processor(dialect, None)
                for column in self._statement.selected_columns
            )
            self._compiled = (dialect, compiled.string, compiled, results)
        return self._compiled


IDLE = TransactionStatus.IDLE  # psycopg's: no transaction open on the connection


@contextlib.asynccontextmanager
async def own_transaction(driver: Any) -> AsyncIterator[None]:
    """A transaction whose BEGIN and COMMIT the caller sends as statements of its psycopg pipelines,
    the connection in autocommit meanwhile: left to itself psycopg sends its BEGIN with a Sync of its
    own and waits for it, and its commit() in a pipeline syncs before the pipeline's own Sync, a round
    trip each (ingest's transaction 5.1 waits before, 2.0 with this; bench/README.md, session 17).
    Only where no transaction is open yet; the connection leaves as it came, also after a failure."""
    await driver.set_autocommit(True)
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception):  # a broken connection: the pool drops it
            await driver.rollback()
            await driver.set_autocommit(False)
        raise
    await driver.set_autocommit(False)


@contextlib.asynccontextmanager
async def driver_errors(connection: AsyncConnection, statement: str) -> AsyncIterator[None]:
    """The driver's errors as SQLAlchemy's, for statements sent on the driver's connection: a deadlock
    or a lost connection is then an OperationalError as through SQLAlchemy, which the engine takes
    for a transient failure (the batch waits for the next round instead of being split)."""
    dbapi: Any = connection.dialect.loaded_dbapi
    try:
        yield
    except dbapi.Error as exc:
        raise DBAPIError.instance(statement, None, exc, dbapi.Error) from exc


Item = TypeVar("Item")
Result = TypeVar("Result")
Write = Callable[[AsyncSession], Awaitable[T]]


class BatchCommit(Generic[Item, Result]):
    """Group commit: items that arrive together are written in one transaction by `write_many` (which
    may use one statement for all of them), and each caller waits for that commit.

    `await group.run(item)` queues the item and returns its result once the transaction that wrote it
    has committed, so a caller that answers "stored" after it is as durable as with a commit of its own.
    While one transaction runs, new items queue up and go together in the next one: the commit (SQLite's
    fsync, PostgreSQL's WAL flush) and the transaction's round trips are paid once per batch instead of
    once per item. No item waits for a batch to fill: an idle group starts at once, unless it was made
    with `linger` (seconds), for writes no person waits on (a send's outcome): then the first item waits
    that long, so that those arriving meanwhile share its transaction even when they come one by one,
    until a caller that is waited on asks to `hurry` (`run(item, hurry=True)` or `hurry()`).

    If a batch fails, nothing of it was committed; each of its items is then written in a transaction
    of its own, so one bad item fails only its own caller. `write_many` must therefore keep no state
    outside the session. A caller that is cancelled does not cancel its item: it is committed or failed.
    """

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        write_many: Callable[[AsyncSession, list[Item]], Awaitable[list[Result]]],
        *,
        max_batch: int = 100,
        linger: float = 0.0,
    ) -> None:
        self._sessions = sessions
        self._write_many = write_many
        self._max_batch = max_batch
        self._linger = linger
        self._hurry = asyncio.Event()  # ends the linger of the queued items' batch
        self._last: asyncio.Future[Result] | None = None  # the latest item's: done, all before it are
        self._queue: list[tuple[Item, asyncio.Future[Result]]] = []
        self._task: asyncio.Task[None] | None = None

    async def run(self, item: Item, *, hurry: bool = False) -> Result:
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._queue.append((item, future))
        self._last = future
        if self._task is None:
            self._task = asyncio.ensure_future(self._drain())
        if hurry:
            self._hurry.set()
        # Not shielded: a cancelled caller cancels only its future (the batch skips a done future), the
        # item stays queued and is written; a shield was a second future and two callbacks an item.
        return await future

    def hurry(self) -> None:
        """Someone waits on what is queued: its transaction starts now, not at the linger's end."""
        if self._task is not None:
            self._hurry.set()

    async def flush(self) -> None:
        """Until what is queued now is committed or failed, without waiting out a linger (a reader
        that must see it). Batches commit in order, so the latest item's result is the sign."""
        last = self._last
        if last is not None and not last.done():
            self.hurry()
            await asyncio.wait({last})

    async def wait_idle(self) -> None:
        """Until every queued item is committed or failed (shutdown)."""
        while (task := self._task) is not None:
            await asyncio.wait({task})  # its failure is its callers' to see, not ours

    async def _drain(self) -> None:
        try:
            if self._linger > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._hurry.wait(), self._linger)
                self._hurry.clear()
            while self._queue:
                batch = self._queue[: self._max_batch]
                del self._queue[: self._max_batch]
                await self._commit(batch)
        except BaseException as exc:  # cancelled (shutdown): nothing queued is left waiting forever
            for _item, future in self._queue:
                if not future.done():
                    future.set_exception(exc)
            self._queue.clear()
            raise
        finally:
            self._task = None
            self._hurry.clear()

    async def _commit(self, batch: list[tuple[Item, asyncio.Future[Result]]]) -> None:
        try:
            try:
                results = await self._write(batch)
            except DBAPIError as lost:
                if not lost.connection_invalidated:
                    raise
                # The server closed the connection (a restart): nothing was committed, and the pool
                # now hands out new connections. Once more, so a webhook is not failed for it.
                results = await self._write(batch)
        except BaseException as exc:
            if len(batch) == 1 or not isinstance(exc, Exception):
                for _item, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                if not isinstance(exc, Exception):
                    raise
                return
            for one in batch:
                await self._commit([one])
            return
        for (_item, future), result in zip(batch, results, strict=True):
            if not future.done():
                future.set_result(result)

    async def _write(self, batch: list[tuple[Item, asyncio.Future[Result]]]) -> list[Result]:
        async with self._sessions() as session, session.begin():
            return await self._write_many(session, [item for item, _future in batch])


async def _each(session: AsyncSession, writes: list[Write[Any]]) -> list[Any]:
    return [await write(session) for write in writes]


class GroupCommit(BatchCommit[Write[Any], Any]):
    """Group commit of arbitrary writes: `await group.run(write)` runs `write(session)` in the next
    shared transaction and returns its result after the commit (see BatchCommit)."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], *, max_batch: int = 100, linger: float = 0.0
    ) -> None:
        super().__init__(sessions, _each, max_batch=max_batch, linger=linger)

    async def run(self, item: Write[T], *, hurry: bool = False) -> T:
        return cast(T, await super().run(item, hurry=hurry))
