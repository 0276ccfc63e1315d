"""Push the outbox upstream: idempotent, acknowledged only after the upstream commit.

:func:`push_outbox` reads the unpushed outbox entries in their local order, batch by
batch. Each batch is applied to the central PostgreSQL database with
``INSERT … ON CONFLICT (key) DO UPDATE`` (and ``DELETE``) in one transaction; only after
that commit are the entries marked pushed locally. A push that dies in between leaves
them unpushed, and the next push applies the same rows again, changing nothing twice.
The upstream schema is made by ``dost-desk db upgrade --url …``.

**Conflicts.** Before an application row is written upstream it is locked and compared
(:func:`_conflicts`): it is pushed when the central row is missing, equal to what is
pushed, equal to a version this desk pushed before (a push whose acknowledgement was
lost), or at the version both sides last agreed on (``synced_versions``). Otherwise
someone else changed it centrally since: the application is **not** written, both rows
are kept in ``sync_conflicts``, the supervisor is told, and the application's local
changes stay in the outbox until the supervisor resolves the conflict
(:mod:`dost_desk.services.sync`). Back-office orders closed differently on both sides
are conflicts too (:mod:`dost_desk.sync.order_conflicts`).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import uuid4

from alembic.runtime.migration import MigrationContext
from sqlalchemy import (
    Date,
    Row,
    Table,
    Text,
    bindparam,
    cast,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

from dost_desk.models.base import Base, UtcDateTime, utc_now
from dost_desk.models.followup_tables import SupervisorItem
from dost_desk.models.sync_tables import OutboxEntry, OutboxPayload, SyncConflict, SyncedVersion
from dost_desk.models.tables import Application, Passport
from dost_desk.storage.engine import (
    InvalidDatabaseUrl,
    StorageError,
    create_engine_for,
    parse_database_url,
    storage_errors,
)
from dost_desk.storage.migrate import head_revision
from dost_desk.sync.order_conflicts import order_conflicts
from dost_desk.sync.outbox import LOCAL_ONLY_COLUMNS, SYNC_KEYS, SYNCED_TABLES, json_safe
from dost_desk.url_secrets import masked_database_url

_OUTBOX = OutboxEntry.__table__
_PAYLOADS = OutboxPayload.__table__
_PASSPORTS = Passport.__table__
_APPLICATIONS = Application.__table__
_CONFLICTS = SyncConflict.__table__
_AGREED = SyncedVersion.__table__


class SyncError(StorageError):
    """The push cannot go on (upstream schema, unknown outbox content); nothing was lost."""


@dataclass(frozen=True, slots=True)
class PushSummary:
    """How many outbox entries were pushed, in how many batches (upstream transactions),
    and the applications newly held for the supervisor (changed on both sides)."""

    pushed: int
    batches: int
    conflicts: tuple[str, ...] = ()

    def line(self) -> str:
        """The one-line summary the command line prints."""
        text = f"pushed {self.pushed} changes in {self.batches} batches"
        if self.conflicts:
            text += (
                f"; {len(self.conflicts)} applications changed on both sides, "
                "kept for the supervisor"
            )
        return text


@dataclass(frozen=True, slots=True)
class Conflict:
    """An application changed here and centrally since both sides last agreed."""

    application_id: str
    registration_number: str | None
    local: dict[str, Any]
    central: dict[str, Any]


def push_outbox(
    local_engine: Engine,
    upstream_url: str,
    batch_size: int = 5000,
    *,
    clock: Callable[[], datetime] = utc_now,
    progress: Callable[[int, int], None] | None = None,
) -> PushSummary:
    """Apply every unpushed outbox entry of ``local_engine`` to the PostgreSQL database at
    ``upstream_url``; return what was pushed.

    Raises :class:`~dost_desk.storage.engine.StorageUnavailable` when either database
    cannot be reached, :class:`SyncError` when the upstream schema is not this version's,
    :class:`~dost_desk.storage.engine.InvalidDatabaseUrl` for a URL that is not PostgreSQL.
    Entries stay unpushed unless their batch was committed upstream. ``progress(done,
    total)`` is called after each committed batch.
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
    held: list[str] = []
    try:
        with storage_errors(upstream_url), upstream.connect() as connection:
            with connection.begin():
                _check_upstream_schema(connection, upstream_url)
            with storage_errors(local_where):
                total = _count_unpushed(local_engine)
            while True:
                with storage_errors(local_where):
                    entries = _unpushed(local_engine, batch_size)
                if not entries:
                    break
                with connection.begin():
                    if batches == 0:  # applications refer to passports
                        _push_passports(local_engine, connection)
                    mine = _newest_applications(entries)
                    # Orders locked before applications, as `orders done` does.
                    more, superseded = order_conflicts(local_engine, connection, entries)
                    conflicts = _conflicts(local_engine, connection, mine)
                    held_ids = {conflict.application_id for conflict in conflicts}
                    conflicts += [c for c in more if c.application_id not in held_ids]
                    held_ids |= {conflict.application_id for conflict in more}
                    applied = [entry for entry in entries if entry.application_id not in held_ids]
                    _apply(connection, [entry for entry in applied if entry.id not in superseded])
                # Acknowledged only now, after the upstream commit.
                agreed = {key: row["version"] for key, row in mine.items() if key not in held_ids}
                with storage_errors(local_where):
                    _acknowledge(
                        local_engine, [entry.id for entry in applied], agreed, conflicts, clock()
                    )
                held.extend(held_ids)
                pushed += len(applied)
                batches += 1
                if progress is not None:
                    progress(min(pushed, total), total)
    finally:
        upstream.dispose()
    return PushSummary(pushed=pushed, batches=batches, conflicts=tuple(held))


def _check_upstream_schema(connection: Connection, url: str) -> None:
    heads = MigrationContext.configure(connection).get_current_heads()
    found = ",".join(sorted(heads)) or "none"
    if found != head_revision():
        raise SyncError(
            f"the upstream database at {masked_database_url(url)} has schema revision "
            f"{found}, this DOST Desk needs {head_revision()}: run "
            "`dost-desk db upgrade --url …` on it (with the newest DOST Desk); nothing was pushed"
        )


def held_applications() -> Any:
    """The applications whose changes wait for the supervisor (an open conflict)."""
    return select(_CONFLICTS.c.application_id).where(_CONFLICTS.c.resolved_at.is_(None))


def _waiting() -> list[Any]:
    return [
        _OUTBOX.c.pushed_at.is_(None),
        _OUTBOX.c.application_id.is_(None) | _OUTBOX.c.application_id.not_in(held_applications()),
    ]


def _count_unpushed(local_engine: Engine) -> int:
    with local_engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(_OUTBOX).where(*_waiting()))


def _unpushed(local_engine: Engine, limit: int) -> Sequence[Row[Any]]:
    statement = (
        select(_OUTBOX.c.id, _OUTBOX.c.table, _OUTBOX.c.row_id, _OUTBOX.c.operation)
        # As JSON text: PostgreSQL decodes it (jsonb_populate_recordset), not Python.
        .add_columns(_OUTBOX.c.application_id, cast(_PAYLOADS.c.payload, Text).label("payload"))
        .join(_PAYLOADS, _PAYLOADS.c.entry_id == _OUTBOX.c.id)
        .where(*_waiting())
        .order_by(_OUTBOX.c.id)
        .limit(limit)
    )
    with local_engine.connect() as connection:
        return connection.execute(statement).all()


def _acknowledge(
    local_engine: Engine,
    applied: list[int],
    agreed: dict[str, int],
    conflicts: list[Conflict],
    at: datetime,
) -> None:
    """After the upstream commit: mark the applied entries pushed, remember the versions
    both sides now agree on, and keep the conflicts (both rows) for the supervisor."""
    with local_engine.begin() as connection:
        if applied:
            connection.execute(_MARK_PUSHED, {"at": at, "ids": json.dumps(applied)})
        if agreed:
            remember_agreed_versions(connection, agreed)
        for conflict in conflicts:
            keep_conflict(connection, conflict, at)


# The ids as one JSON parameter: thousands of them without thousands of bound values.
_MARK_PUSHED = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id.in_(text("SELECT value FROM json_each(:ids)")))
    .values(pushed_at=bindparam("at", type_=UtcDateTime()))
)


def remember_agreed_versions(connection: Connection, versions: dict[str, int]) -> None:
    """Record the application versions this desk and the central database agree on."""
    connection.execute(delete(_AGREED).where(_AGREED.c.application_id.in_(list(versions))))
    connection.execute(
        insert(_AGREED),
        [{"application_id": key, "version": version} for key, version in versions.items()],
    )


def keep_conflict(connection: Connection, conflict: Conflict, at: datetime) -> bool:
    """Keep both versions of a conflicted application and tell the supervisor, unless an
    open conflict of that application is kept already; True when a new one was kept."""
    open_already = connection.scalar(
        select(_CONFLICTS.c.id).where(
            _CONFLICTS.c.application_id == conflict.application_id,
            _CONFLICTS.c.resolved_at.is_(None),
        )
    )
    if open_already:
        return False
    connection.execute(
        insert(_CONFLICTS).values(
            id=str(uuid4()),
            application_id=conflict.application_id,
            registration_number=conflict.registration_number,
            local=conflict.local,
            central=conflict.central,
            detected_at=at,
        )
    )
    number = conflict.registration_number or conflict.application_id
    connection.execute(
        insert(SupervisorItem.__table__).values(
            id=str(uuid4()),
            application_id=conflict.application_id,
            reason="sync_conflict",
            detail=f"{number}: changed at this centre and in the central database since "
            "the last sync; both versions are kept, choose which one stays",
            created_at=at,
        )
    )
    return True


def _conflicts(
    local_engine: Engine, upstream: Connection, mine: dict[str, dict[str, Any]]
) -> list[Conflict]:
    """The applications of this batch (``mine``: their newest rows) changed centrally
    since both sides last agreed.

    Their central rows are locked (``FOR UPDATE``) until the batch commits, so no one
    changes them between this comparison and the write.
    """
    if not mine:
        return []
    central = {
        row.id: dict(row._mapping)
        for row in upstream.execute(
            select(_APPLICATIONS).where(_APPLICATIONS.c.id.in_(list(mine))).with_for_update()
        )
    }
    suspects = {key for key, row in central.items() if not _same(row, mine[key])}
    if not suspects:
        return []
    with local_engine.connect() as connection:
        agreed = dict(
            connection.execute(
                select(_AGREED.c.application_id, _AGREED.c.version).where(
                    _AGREED.c.application_id.in_(suspects)
                )
            ).all()
        )
        conflicts = []
        for key in sorted(suspects):
            row = central[key]
            if agreed.get(key) == row["version"] or _pushed_before(connection, key, row):
                continue
            conflicts.append(
                Conflict(
                    application_id=key,
                    registration_number=row["registration_number"]
                    or mine[key].get("registration_number"),
                    local={name: json_safe(value) for name, value in mine[key].items()},
                    central={name: json_safe(value) for name, value in row.items()},
                )
            )
    return conflicts


def _newest_applications(entries: Sequence[Row[Any]]) -> dict[str, dict[str, Any]]:
    """The newest row of each application upserted in ``entries`` (decoded: only these
    payloads are read here, for the conflict check and the agreed versions)."""
    newest = {
        entry.row_id: entry.payload
        for entry in entries
        if entry.table == "applications" and entry.operation == "upsert"
    }
    return {key: _decode(_APPLICATIONS, json.loads(text)) for key, text in newest.items()}


def _same(row: dict[str, Any], values: dict[str, Any]) -> bool:
    return all(row.get(name) == value for name, value in values.items())


def _pushed_before(connection: Connection, key: str, row: dict[str, Any]) -> bool:
    """Whether the central row is a version of the application this desk wrote (its
    push was committed, the acknowledgement lost)."""
    version = _PAYLOADS.c.payload["version"].as_integer()
    earlier = connection.execute(
        select(_PAYLOADS.c.payload)
        .join(_OUTBOX, _OUTBOX.c.id == _PAYLOADS.c.entry_id)
        .where(
            _OUTBOX.c.table == "applications",
            _OUTBOX.c.row_id == key,
            _OUTBOX.c.operation == "upsert",
            version == row["version"],
        )
    ).scalars()
    return any(_same(row, _decode(_APPLICATIONS, payload)) for payload in earlier)


def _push_passports(local_engine: Engine, upstream: Connection) -> None:
    """Copy the local passports the central database lacks, for the foreign keys."""
    with local_engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(select(_PASSPORTS))]
    if not rows:
        return
    # Only missing ones: a passport changes centrally by `dost-desk catalog publish`,
    # never because a desk with other bundled passports synced.
    statement = pg_insert(_PASSPORTS).on_conflict_do_nothing(index_elements=["id"])
    upstream.execute(statement, rows)


def _apply(upstream: Connection, entries: Sequence[Row[Any]]) -> None:
    """Apply one batch: the newest change of each row, parents first, deletes last.

    The rows of a table go up as one JSON array in one statement; the server turns it
    into rows (``jsonb_populate_recordset``), so the payloads are never decoded here.
    """
    newest: dict[tuple[str, str], Row[Any]] = {}
    for entry in entries:  # in outbox order, so a later change of a row wins
        if entry.table not in SYNC_KEYS:
            raise SyncError(f"outbox entry {entry.id} is for an unknown table {entry.table!r}")
        newest[(entry.table, entry.row_id)] = entry
    upserts: dict[str, list[str]] = {}
    deletes: dict[str, list[str]] = {}
    for (name, row_id), entry in newest.items():
        if entry.operation == "upsert":
            upserts.setdefault(name, []).append(entry.payload)
        else:
            deletes.setdefault(name, []).append(row_id)
    for name in SYNCED_TABLES:
        if name in upserts:
            upstream.execute(_upsert(name), {"rows": "[" + ",".join(upserts[name]) + "]"})
    for name in reversed(SYNCED_TABLES):
        if name in deletes:
            table = Base.metadata.tables[name]
            upstream.execute(delete(table).where(table.c[SYNC_KEYS[name]].in_(deletes[name])))


@functools.lru_cache(maxsize=64)
def _upsert(name: str) -> Any:
    """``INSERT … SELECT … FROM jsonb_populate_recordset(:rows) ON CONFLICT (key) DO
    UPDATE`` of every synced column of ``name`` (built once per table)."""
    table = Base.metadata.tables[name]
    key = SYNC_KEYS[name]
    skipped = LOCAL_ONLY_COLUMNS.get(name, frozenset())
    quote = postgresql.dialect().identifier_preparer.quote
    columns = [quote(column.name) for column in table.columns if column.name not in skipped]
    listed = ", ".join(columns)
    updates = ", ".join(f"{column} = EXCLUDED.{column}" for column in columns if column != key)
    return text(
        f"INSERT INTO {quote(name)} ({listed}) SELECT {listed} "
        f"FROM jsonb_populate_recordset(NULL::{quote(name)}, CAST(:rows AS jsonb)) "
        f"ON CONFLICT ({quote(key)}) DO UPDATE SET {updates}"
    )


@functools.lru_cache(maxsize=64)
def _converters(table: Table) -> dict[str, Callable[[Any], Any] | None]:
    """How each column's JSON value becomes its Python value (None: as it is)."""
    converters: dict[str, Callable[[Any], Any] | None] = {}
    for column in table.columns:
        if isinstance(column.type, UtcDateTime):
            converters[column.name] = datetime.fromisoformat
        elif isinstance(column.type, Date):
            converters[column.name] = date.fromisoformat
        else:
            converters[column.name] = None
    return converters


def _decode(table: Table, payload: dict[str, Any]) -> dict[str, Any]:
    """The outbox payload (JSON) as values for ``table``'s columns."""
    converters = _converters(table)
    values = {}
    for name, value in payload.items():
        try:
            convert = converters[name]
        except KeyError:
            raise SyncError(
                f"the outbox holds a column {table.name}.{name} this DOST Desk does not know; "
                "nothing of this batch was pushed"
            ) from None
        values[name] = convert(value) if convert is not None and value is not None else value
    return values
