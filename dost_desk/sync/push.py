"""Push the outbox upstream: idempotent, acknowledged only after the upstream commit.

:func:`push_outbox` reads the unpushed outbox entries in their local order, batch by
batch. Each batch is applied to the central PostgreSQL database with
``INSERT … ON CONFLICT (key) DO UPDATE`` (and ``DELETE``) in one transaction; only after
that commit are the entries marked pushed locally. A push that dies in between leaves
them unpushed, and the next push applies the same rows again, changing nothing twice.
The upstream schema is made by ``dost-desk db upgrade --url …``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Date, Row, Table, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

from dost_desk.config import masked_database_url
from dost_desk.models.base import Base, UtcDateTime, utc_now
from dost_desk.models.sync_tables import OutboxEntry
from dost_desk.models.tables import Passport
from dost_desk.storage.engine import (
    InvalidDatabaseUrl,
    StorageError,
    create_engine_for,
    parse_database_url,
    storage_errors,
)
from dost_desk.storage.migrate import head_revision
from dost_desk.sync.outbox import SYNC_KEYS, SYNCED_TABLES

_OUTBOX = OutboxEntry.__table__
_PASSPORTS = Passport.__table__


class SyncError(StorageError):
    """The push cannot go on (upstream schema, unknown outbox content); nothing was lost."""


@dataclass(frozen=True, slots=True)
class PushSummary:
    """How many outbox entries were pushed, in how many batches (upstream transactions)."""

    pushed: int
    batches: int

    def line(self) -> str:
        """The one-line summary the command line prints."""
        return f"pushed {self.pushed} changes in {self.batches} batches"


def push_outbox(
    local_engine: Engine,
    upstream_url: str,
    batch_size: int = 500,
    *,
    clock: Callable[[], datetime] = utc_now,
) -> PushSummary:
    """Apply every unpushed outbox entry of ``local_engine`` to the PostgreSQL database at
    ``upstream_url``; return what was pushed.

    Raises :class:`~dost_desk.storage.engine.StorageUnavailable` when either database
    cannot be reached, :class:`SyncError` when the upstream schema is not this version's,
    :class:`~dost_desk.storage.engine.InvalidDatabaseUrl` for a URL that is not PostgreSQL.
    Entries stay unpushed unless their batch was committed upstream.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if parse_database_url(upstream_url).get_backend_name() != "postgresql":
        raise InvalidDatabaseUrl(
            f"the upstream database must be PostgreSQL, not {masked_database_url(upstream_url)!r}"
        )
    local_where = local_engine.url.render_as_string(hide_password=True)
    upstream = create_engine_for(upstream_url, poolclass=NullPool)
    pushed = batches = 0
    try:
        with storage_errors(upstream_url), upstream.connect() as connection:
            with connection.begin():
                _check_upstream_schema(connection, upstream_url)
            while True:
                with storage_errors(local_where):
                    entries = _unpushed(local_engine, batch_size)
                if not entries:
                    break
                with connection.begin():
                    if batches == 0:  # applications refer to passports
                        _push_passports(local_engine, connection)
                    _apply(connection, entries)
                # Acknowledged only now, after the upstream commit.
                with storage_errors(local_where):
                    _mark_pushed(local_engine, [entry.id for entry in entries], clock())
                pushed += len(entries)
                batches += 1
    finally:
        upstream.dispose()
    return PushSummary(pushed=pushed, batches=batches)


def _check_upstream_schema(connection: Connection, url: str) -> None:
    heads = MigrationContext.configure(connection).get_current_heads()
    found = ",".join(sorted(heads)) or "none"
    if found != head_revision():
        raise SyncError(
            f"the upstream database at {masked_database_url(url)} has schema revision "
            f"{found}, this DOST Desk needs {head_revision()}: run "
            "`dost-desk db upgrade --url …` on it (with the newest DOST Desk); nothing was pushed"
        )


def _unpushed(local_engine: Engine, limit: int) -> Sequence[Row[Any]]:
    statement = (
        select(_OUTBOX.c.id, _OUTBOX.c.table, _OUTBOX.c.row_id, _OUTBOX.c.operation)
        .add_columns(_OUTBOX.c.payload)
        .where(_OUTBOX.c.pushed_at.is_(None))
        .order_by(_OUTBOX.c.id)
        .limit(limit)
    )
    with local_engine.connect() as connection:
        return connection.execute(statement).all()


def _mark_pushed(local_engine: Engine, ids: list[int], at: datetime) -> None:
    """Mark the entries pushed (after their batch was committed upstream)."""
    statement = update(_OUTBOX).where(_OUTBOX.c.id.in_(ids)).values(pushed_at=at)
    with local_engine.begin() as connection:
        connection.execute(statement)


def _push_passports(local_engine: Engine, upstream: Connection) -> None:
    """Copy the local passports upstream (new or changed ones), for the foreign keys."""
    with local_engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(select(_PASSPORTS))]
    if not rows:
        return
    statement = pg_insert(_PASSPORTS)
    statement = statement.on_conflict_do_update(
        index_elements=["id"],
        set_={name: statement.excluded[name] for name in rows[0] if name != "id"},
        where=_PASSPORTS.c.version_hash != statement.excluded.version_hash,
    )
    upstream.execute(statement, rows)


def _apply(upstream: Connection, entries: Sequence[Row[Any]]) -> None:
    """Apply one batch: the newest change of each row, parents first, deletes last."""
    newest: dict[tuple[str, str], Row[Any]] = {}
    for entry in entries:  # in outbox order, so a later change of a row wins
        if entry.table not in SYNC_KEYS:
            raise SyncError(f"outbox entry {entry.id} is for an unknown table {entry.table!r}")
        newest[(entry.table, entry.row_id)] = entry
    for name in SYNCED_TABLES:
        table = Base.metadata.tables[name]
        rows = [
            _decode(table, entry.payload)
            for (table_name, _), entry in newest.items()
            if table_name == name and entry.operation == "upsert"
        ]
        if rows:
            upstream.execute(_upsert(table, SYNC_KEYS[name], list(rows[0])), rows)
    for name in reversed(SYNCED_TABLES):
        table = Base.metadata.tables[name]
        key = SYNC_KEYS[name]
        ids = [
            row_id
            for (table_name, row_id), entry in newest.items()
            if table_name == name and entry.operation == "delete"
        ]
        if ids:
            upstream.execute(delete(table).where(table.c[key].in_(ids)))


def _upsert(table: Table, key: str, columns: list[str]) -> Any:
    statement = pg_insert(table)
    return statement.on_conflict_do_update(
        index_elements=[key],
        set_={name: statement.excluded[name] for name in columns if name != key},
    )


def _decode(table: Table, payload: dict[str, Any]) -> dict[str, Any]:
    """The outbox payload (JSON) as values for ``table``'s columns."""
    values = {}
    for name, value in payload.items():
        if name not in table.c:
            raise SyncError(
                f"the outbox holds a column {table.name}.{name} this DOST Desk does not know; "
                "nothing of this batch was pushed"
            )
        column_type = table.c[name].type
        if value is not None and isinstance(column_type, UtcDateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column_type, Date):
            value = date.fromisoformat(value)
        values[name] = value
    return values
