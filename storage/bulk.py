"""Many rows of one table changed by key in one statement: arrays on PostgreSQL, an executemany elsewhere.

Why: the batch's processed marks, conversation states and the sender's outcomes are one row each, a few
per message. Through an executemany PostgreSQL runs each row as a statement of its own (bind, execute,
a round of the protocol in psycopg's pipeline) and psycopg dumps each row's parameters in Python: about
six statements a message under load (pg_stat_statements, bench/README.md session 9). On PostgreSQL the
rows go as one `UPDATE ... FROM unnest(arrays)` with binary array parameters; on SQLite as one
executemany on the driver's cursor (one loop in C), the statement's text built here once, so no
execution context of SQLAlchemy's processes each row's parameters again (about a fifth of a small
batch's update, bench/README.md session 14).

Values go through the columns' own bind processors (SQLAlchemy's, cached per column), so what is written
reads back exactly as through the ORM (UTC timestamps made naive, JSON as jsonb).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import IDLE, bind_processors, connection_of, driver_errors, own_transaction


class KeyedUpdate:
    """`UPDATE table SET <the rows' other keys> WHERE table.<column> = <key> [AND <also>]` for many rows.

    The executemany form (SQLite) is `UPDATE table SET a = ?, ... WHERE table.<column> = ? [AND <also>]`,
    built here from the same parts as PostgreSQL's, so both forms apply one condition. `also` is a
    condition on the table's row with fixed values (a status), rendered inline in both."""

    def __init__(self, table: Table, column: str, key: str, also: ColumnElement[bool] | None = None) -> None:
        self._table = table
        self._column = column
        self._key = key
        self._also = also
        self._statements: dict[tuple[str, tuple[str, ...]], tuple[str, tuple[Any, ...]]] = {}

    async def run(self, session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
        """Apply the rows, grouped by the columns they set (one statement per group). A key twice in one
        group: the last row wins, as in an executemany."""
        await run_together(session, [(self, rows)])

    def _groups(self, rows: Sequence[dict[str, Any]]) -> dict[tuple[str, ...], dict[Any, dict[str, Any]]]:
        groups: dict[tuple[str, ...], dict[Any, dict[str, Any]]] = {}
        for row in rows:
            names = tuple(name for name in row if name != self._key)
            groups.setdefault(names, {})[row[self._key]] = row
        return groups

    def _sqlite_runs(self, rows: Sequence[dict[str, Any]], dialect: Dialect) -> list[tuple[str, list[Any]]]:
        """(statement, one tuple of values per row) for each group: executemany's."""
        runs = []
        for names, by_key in self._groups(rows).items():
            sql, processors = self._sqlite_statement(names, dialect)
            values = [
                tuple(row[n] if process is None else process(row[n]) for n, process in processors)
                for row in by_key.values()
            ]
            runs.append((sql, values))
        return runs

    def _postgres_runs(self, rows: Sequence[dict[str, Any]], dialect: Dialect) -> list[tuple[str, list[Any]]]:
        """(statement, its arrays: the keys', then each column's) for each group."""
        runs = []
        for names, by_key in self._groups(rows).items():
            sql, processors = self._statement(names, dialect)
            keys = list(by_key)
            arrays: list[Any] = [keys]
            for name, process in zip(names, processors, strict=True):
                values = [by_key[key][name] for key in keys]
                arrays.append(values if process is None else [process(value) for value in values])
            runs.append((sql, arrays))
        return runs

    def _sqlite_statement(self, names: tuple[str, ...], dialect: Dialect) -> tuple[str, tuple[Any, ...]]:
        """`UPDATE table SET a = ?, b = ? WHERE table.key = ? [AND also]`, and (name, bind processor) for
        each parameter in order: the SET columns', then the key's."""
        built = self._statements.get(("sqlite", names))
        if built is None:
            table = self._table.name
            sets = ", ".join(f"{name} = ?" for name in names)
            sql = f"UPDATE {table} SET {sets} WHERE {table}.{self._column} = ?{self._also_sql(dialect)}"
            processors = bind_processors(self._table, (*names, self._column), dialect)
            parameters = tuple(zip((*names, self._key), processors, strict=True))
            built = self._statements[("sqlite", names)] = (sql, parameters)
        return built

    def _also_sql(self, dialect: Dialect) -> str:
        if self._also is None:
            return ""
        return " AND " + str(self._also.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))

    def _statement(self, names: tuple[str, ...], dialect: Dialect) -> tuple[str, tuple[Any, ...]]:
        built = self._statements.get(("postgresql", names))
        if built is None:
            columns = [self._table.c[self._column], *(self._table.c[name] for name in names)]
            arrays = ", ".join(f"%b::{column.type.compile(dialect)}[]" for column in columns)
            aliases = ", ".join(f"v{i}" for i in range(len(columns)))
            sets = ", ".join(f"{name} = v.v{i}" for i, name in enumerate(names, start=1))
            table = self._table.name
            sql = (
                f"UPDATE {table} SET {sets} FROM unnest({arrays}) AS v({aliases}) "
                f"WHERE {table}.{self._column} = v.v0{self._also_sql(dialect)}"
            )
            processors = bind_processors(self._table, names, dialect)
            built = self._statements[("postgresql", names)] = (sql, processors)
        return built


Updates = Sequence[tuple[KeyedUpdate, Sequence[dict[str, Any]]]]


@dataclass(frozen=True, slots=True)
class Then:
    """What follows a statement of the caller's at the end of a transaction (storage.outbox's INSERT of
    the engine's replies): keyed updates, in order, and with `commit` the COMMIT, which on PostgreSQL
    goes in the same pipeline (one wait less a transaction; the session's own commit then finds nothing
    open). Only for the transaction's very last writes: what the session still holds is flushed first.
    The COMMIT is a statement of the pipeline: psycopg's commit() there would wait for a Sync of its own
    before the pipeline's."""

    updates: Updates = ()
    commit: bool = False


NOTHING = Then()


async def run_together(session: AsyncSession, updates: Updates, *, commit: bool = False) -> None:
    """Several tables' keyed updates of one transaction, in this order. On PostgreSQL their statements go
    in one pipeline (psycopg's pipeline mode: one wait for all, the server runs them in order), with
    `commit` the COMMIT too (see `Then`), and the BEGIN when no transaction is open yet (then it is the
    whole transaction, one round trip: storage.db's `own_transaction`); on SQLite each is an
    executemany on the one-hop cursor (no wait to save: the database is in process) and the session
    commits."""
    if not any(rows for _update, rows in updates):
        return
    connection = await connection_of(session)
    raw = await connection.get_raw_connection()
    driver: Any = raw.driver_connection
    if connection.dialect.name != "postgresql":
        # storage.db's one-hop cursor: on the calling thread once the transaction holds the lock.
        one_hop = await driver.cursor()
        for update, rows in updates:
            for sql, values in update._sqlite_runs(rows, connection.dialect):
                await one_hop.executemany(sql, values)
        return
    runs = postgres_runs(updates, connection.dialect)
    if commit:
        await flushed(session)
    begin = commit and driver.info.transaction_status == IDLE
    async with driver_errors(connection, runs[0][0]), driver.cursor() as cursor:
        if len(runs) == 1 and not commit:
            await cursor.execute(*runs[0])
            return
        async with contextlib.AsyncExitStack() as stack:
            if begin:
                await stack.enter_async_context(own_transaction(driver))
            async with driver.pipeline():
                await send_together(cursor, runs, begin=begin, commit=commit)


async def send_together(
    cursor: Any, runs: list[tuple[str, list[Any]]], *, begin: bool = False, commit: bool = False
) -> None:
    """The statements of `postgres_runs` on psycopg's cursor, inside the caller's pipeline, with BEGIN
    before them (`own_transaction`) and COMMIT after them as statements of the pipeline: psycopg's own
    BEGIN and commit() would each wait for a Sync of their own."""
    if begin:
        await cursor.execute("BEGIN")
    for sql, arrays in runs:
        await cursor.execute(sql, arrays)
    if commit:
        await cursor.execute("COMMIT")


async def flushed(session: AsyncSession) -> None:
    """What the session's ORM objects hold, written: before a COMMIT sent on the driver, which the
    session's own commit (which would have flushed them) then no longer sends."""
    if session.new or session.dirty or session.deleted:
        await session.flush()


def postgres_runs(updates: Updates, dialect: Dialect) -> list[tuple[str, list[Any]]]:
    """The updates' PostgreSQL statements and their arrays, in order: for a pipeline that sends them
    after a statement of the caller's (storage.outbox's replies)."""
    return [run for update, rows in updates for run in update._postgres_runs(rows, dialect)]
