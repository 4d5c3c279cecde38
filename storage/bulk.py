"""Many rows of one table changed by key in one statement: arrays on PostgreSQL, an executemany elsewhere.

Why: the batch's processed marks, conversation states and the sender's outcomes are one row each, a few
per message. Through an executemany PostgreSQL runs each row as a statement of its own (bind, execute,
a round of the protocol in psycopg's pipeline) and psycopg dumps each row's parameters in Python: about
six statements a message under load (pg_stat_statements, bench/README.md session 9). On PostgreSQL the
rows go as one `UPDATE ... FROM unnest(arrays)` with binary array parameters; SQLite's executemany is
already one loop in C on the connection's thread, so it keeps the prebuilt Core statement.

Values go through the columns' own bind processors (SQLAlchemy's, cached per column), so what is written
reads back exactly as through the ORM (UTC timestamps made naive, JSON as jsonb).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Table, bindparam, update
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import connection_of


class KeyedUpdate:
    """`UPDATE table SET <the rows' other keys> WHERE table.<column> = <key> [AND <also>]` for many rows.

    The executemany form (SQLite) is `UPDATE table SET ... WHERE table.<column> = :<key> [AND <also>]`,
    built here from the same parts, so both forms apply one condition. `also` is a condition on the
    table's row with fixed values (a status): PostgreSQL's form renders them inline."""

    def __init__(self, table: Table, column: str, key: str, also: ColumnElement[bool] | None = None) -> None:
        self._table = table
        self._column = column
        self._key = key
        conditions = (
            [table.c[column] == bindparam(key)] if also is None else [table.c[column] == bindparam(key), also]
        )
        self._fallback = update(table).where(*conditions)
        self._also = also
        self._statements: dict[tuple[str, ...], tuple[str, tuple[Any, ...]]] = {}

    async def run(self, session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
        """Apply the rows, grouped by the columns they set (one statement per group). A key twice in one
        group: the last row wins, as in an executemany."""
        if not rows:
            return
        groups: dict[tuple[str, ...], dict[Any, dict[str, Any]]] = {}
        for row in rows:
            names = tuple(name for name in row if name != self._key)
            groups.setdefault(names, {})[row[self._key]] = row
        connection = await connection_of(session)
        if connection.dialect.name != "postgresql":
            for by_key in groups.values():
                await connection.execute(self._fallback, list(by_key.values()))
            return
        raw = await connection.get_raw_connection()
        driver: Any = raw.driver_connection
        async with driver.cursor() as cursor:
            for names, by_key in groups.items():
                sql, processors = self._statement(names, connection.dialect)
                keys = list(by_key)
                arrays: list[list[Any]] = [keys]
                for name, process in zip(names, processors, strict=True):
                    values = [by_key[key][name] for key in keys]
                    arrays.append(values if process is None else [process(value) for value in values])
                await cursor.execute(sql, arrays)

    def _statement(self, names: tuple[str, ...], dialect: Dialect) -> tuple[str, tuple[Any, ...]]:
        built = self._statements.get(names)
        if built is None:
            columns = [self._table.c[self._column], *(self._table.c[name] for name in names)]
            arrays = ", ".join(f"%b::{column.type.compile(dialect)}[]" for column in columns)
            aliases = ", ".join(f"v{i}" for i in range(len(columns)))
            sets = ", ".join(f"{name} = v.v{i}" for i, name in enumerate(names, start=1))
            table = self._table.name
            also = ""
            if self._also is not None:
                also = " AND " + str(
                    self._also.compile(dialect=dialect, compile_kwargs={"literal_binds": True})
                )
            sql = (
                f"UPDATE {table} SET {sets} FROM unnest({arrays}) AS v({aliases}) "
                f"WHERE {table}.{self._column} = v.v0{also}"
            )
            processors = tuple(
                self._table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
            )
            built = self._statements[names] = (sql, processors)
        return built
