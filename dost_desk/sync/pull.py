"""Pull what changed centrally since the last pull, by the server's change sequence.

The central database stamps every insert and update of the pulled tables with the
writing transaction's ID (``change_xid``, migration 0006). A desk's cursor is the
snapshot of its last pull (``pg_current_snapshot()``): the rows changed since are those
whose transaction that snapshot did not see. A plain sequence number would skip a row
whose transaction took its number first and committed last; a snapshot cannot.

What is pulled, into one local transaction (no outbox entries: these are not local
changes), with the cursor moved only when it commits:

* **published passports** (``dost-desk catalog publish``): replace the local copy, once
  checked as ``catalog validate`` checks a file (a bad one is refused and reported; the
  desk keeps the version it had);
* **holiday overrides** (and their deletions): the central calendar corrections;
* **reference values** (and their deletions), e.g. the identity-document formats;
* **this centre's applications** changed centrally (e.g. by the back office): applied
  when the desk has no unpushed change of them, otherwise kept as a conflict (both rows);
  their new status-history rows come along;
* **back-office orders** of this centre's applications done or cancelled centrally:
  applied, and returned so that :mod:`dost_desk.services.sync` moves each application on
  through the service layer (status "ready", the supervisor told of a cancellation).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from uuid import uuid4

from sqlalchemy import (
    Text,
    case,
    cast,
    delete,
    func,
    insert,
    literal_column,
    null,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

from dost_desk.catalog.loader import (
    MAX_PUBLISHED_CHARS,
    check_published_passport,
    load_reference,
)
from dost_desk.models.base import utc_now
from dost_desk.models.followup_tables import BackOfficeOrder
from dost_desk.models.sync_tables import OutboxEntry, SyncFact
from dost_desk.models.tables import (
    Application,
    HolidayOverride,
    Passport,
    ReferenceValue,
    StatusChange,
)
from dost_desk.storage.engine import create_engine_for, storage_errors
from dost_desk.storage.passport_store import PUBLISHED_PREFIX
from dost_desk.sync.order_conflicts import ORDER_KEY
from dost_desk.sync.outbox import json_safe
from dost_desk.sync.push import (
    Conflict,
    held_applications,
    keep_conflict,
    remember_agreed_versions,
)

#: sync_facts keys
CURSOR, CENTRAL_ID = "pull_cursor", "central_database_id"
#: the app_meta key naming the central database (a desk pulling from another one starts over)
CENTRAL_ID_META = "central_database_id"

_APPLICATIONS = Application.__table__
_ORDERS = BackOfficeOrder.__table__
_HISTORY = StatusChange.__table__
_HOLIDAYS = HolidayOverride.__table__
_PASSPORTS = Passport.__table__
_REFERENCE = ReferenceValue.__table__
_OUTBOX = OutboxEntry.__table__
_FACTS = SyncFact.__table__


@dataclass(frozen=True, slots=True)
class OrderOutcome:
    """A back-office order closed centrally, to be followed up locally."""

    application_id: str
    back_office: str
    status: str  # done | cancelled
    reference: str | None


@dataclass(slots=True)
class PullSummary:
    """What a pull brought."""

    passports: list[str] = field(default_factory=list)
    refused_passports: list[str] = field(default_factory=list)  # "ID:field: why", kept out
    holidays: int = 0
    reference: int = 0
    applications: int = 0
    conflicts: list[str] = field(default_factory=list)
    orders: list[OrderOutcome] = field(default_factory=list)
    clock_skew: timedelta = timedelta(0)  # the central clock minus the desk's

    def line(self) -> str:
        return (
            f"pulled {len(self.passports)} passports, {self.holidays} calendar changes, "
            f"{self.reference} reference data changes, "
            f"{self.applications} application changes, {len(self.orders)} closed orders"
            + (f"; {len(self.conflicts)} conflicts kept" if self.conflicts else "")
            + (
                f"; refused {len(self.refused_passports)} published passports "
                f"(the earlier version stays): {'; '.join(self.refused_passports)}"
                if self.refused_passports
                else ""
            )
        )


def _changed(table: str) -> Any:
    """Rows of ``table`` written by a transaction the cursor's snapshot did not see."""
    return text(
        f"(CAST(:cursor AS text) IS NULL OR ({table}.change_xid >= "
        f"pg_snapshot_xmin(CAST(:cursor AS pg_snapshot)) AND NOT "
        f"pg_visible_in_snapshot({table}.change_xid, CAST(:cursor AS pg_snapshot))))"
    )


def pull_changes(
    local_engine: Engine,
    upstream_url: str,
    centre_code: str,
    *,
    clock: Callable[[], datetime] = utc_now,
) -> PullSummary:
    """Bring the central changes since the last pull into the local database."""
    local_where = local_engine.url.render_as_string(hide_password=True)
    with storage_errors(local_where), local_engine.connect() as connection:
        facts = dict(connection.execute(select(_FACTS.c.key, _FACTS.c.value)).all())
    upstream = create_engine_for(upstream_url, poolclass=NullPool)
    try:
        with storage_errors(upstream_url), upstream.connect() as connection:
            # One snapshot for the cursor and every row read.
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                central_id = _central_id(connection)
                cursor = facts.get(CURSOR) if facts.get(CENTRAL_ID) == central_id else None
                changes = _read_changes(connection, cursor, centre_code)
            changes.central_id = central_id
    finally:
        upstream.dispose()
    summary = PullSummary(clock_skew=changes.central_now - clock())
    writer = local_engine.execution_options(sqlite_begin_mode="IMMEDIATE")
    with storage_errors(local_where), writer.begin() as connection:
        _apply_changes(connection, changes, summary, clock())
        _set_facts(connection, {CURSOR: changes.snapshot, CENTRAL_ID: central_id})
    return summary


@dataclass(slots=True)
class _Changes:
    snapshot: str
    central_now: datetime
    passports: list[dict[str, Any]]
    holidays: list[dict[str, Any]]
    deleted_days: list[str]
    reference: list[dict[str, Any]]
    deleted_reference: list[str]
    applications: list[dict[str, Any]]
    history: list[dict[str, Any]]
    orders: list[dict[str, Any]]
    order_applications: dict[str, dict[str, Any]]  # the central rows, by id
    central_id: str = ""


def _central_id(connection: Connection) -> str:
    """The central database's identity (made on the first pull from it)."""
    meta = text(
        "INSERT INTO app_meta (key, value) VALUES (:key, :value) ON CONFLICT (key) DO NOTHING"
    )
    connection.execute(meta, {"key": CENTRAL_ID_META, "value": str(uuid4())})
    return connection.scalar(
        text("SELECT value FROM app_meta WHERE key = :key"), {"key": CENTRAL_ID_META}
    )


def _read_changes(connection: Connection, cursor: str | None, centre_code: str) -> _Changes:
    params = {"cursor": cursor}
    snapshot = connection.scalar(text("SELECT CAST(pg_current_snapshot() AS text)"))
    central_now = connection.scalar(text("SELECT now()"))
    # A body past the bound is not even read (an alias bomb published before the check).
    too_large = func.octet_length(cast(_PASSPORTS.c.body, Text)) > MAX_PUBLISHED_CHARS
    body = case((too_large, null()), else_=_PASSPORTS.c.body).label("body")
    columns = [column for column in _PASSPORTS.c if column.name != "body"]
    passports = _rows(
        connection,
        select(*columns, body).where(
            _PASSPORTS.c.source_file.startswith(PUBLISHED_PREFIX), _changed("passports")
        ),
        params,
    )
    holidays = _rows(connection, select(_HOLIDAYS).where(_changed("holiday_overrides")), params)
    deleted_days = _deleted(connection, "holiday_overrides", params)
    reference = _rows(connection, select(_REFERENCE).where(_changed("reference_values")), params)
    deleted_reference = _deleted(connection, "reference_values", params)
    applications = _rows(
        connection,
        select(_APPLICATIONS).where(
            _APPLICATIONS.c.centre_code == centre_code, _changed("applications")
        ),
        params,
    )
    ids = [row["id"] for row in applications]
    history = (
        _rows(connection, select(_HISTORY).where(_HISTORY.c.application_id.in_(ids)), params)
        if ids
        else []
    )
    orders = _rows(
        connection,
        select(_ORDERS)
        .join(_APPLICATIONS, _APPLICATIONS.c.id == _ORDERS.c.application_id)
        .where(
            _APPLICATIONS.c.centre_code == centre_code,
            _ORDERS.c.status != "open",
            _changed("back_office_orders"),
        ),
        params,
    )
    order_ids = [row["application_id"] for row in orders]
    ordered_apps = (
        _rows(connection, select(_APPLICATIONS).where(_APPLICATIONS.c.id.in_(order_ids)), params)
        if order_ids
        else []
    )
    return _Changes(
        snapshot,
        central_now,
        passports,
        holidays,
        deleted_days,
        reference,
        deleted_reference,
        applications,
        history,
        orders,
        {row["id"]: row for row in ordered_apps},
    )


def _deleted(connection: Connection, table: str, params: dict[str, Any]) -> list[str]:
    """Keys of ``table``'s rows deleted centrally since the cursor (tombstones)."""
    statement = (
        select(literal_column("row_key"))
        .select_from(text("sync_deletions"))
        .where(text("table_name = :table"), _changed("sync_deletions"))
    )
    return list(connection.execute(statement, params | {"table": table}).scalars())


def _rows(connection: Connection, statement: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in connection.execute(statement, params)]


def _apply_changes(
    connection: Connection, changes: _Changes, summary: PullSummary, at: datetime
) -> None:
    summary.passports = _apply_passports(connection, changes.passports, summary.refused_passports)
    summary.holidays = _apply_holidays(connection, changes.holidays, changes.deleted_days)
    summary.reference = _apply_reference(connection, changes.reference, changes.deleted_reference)
    held = set(connection.execute(held_applications()).scalars())
    applied = _apply_applications(connection, changes.applications, held, summary, at)
    # History only grows: a conflicted application gets the central steps too (both
    # sides' steps stay on record, whichever version the supervisor keeps).
    known = applied | held | set(summary.conflicts)
    _apply_history(connection, [row for row in changes.history if row["application_id"] in known])
    summary.orders = _apply_orders(connection, changes.orders, held | set(summary.conflicts))
    _keep_order_conflicts(connection, changes, held | set(summary.conflicts), summary, at)


def _apply_passports(
    connection: Connection, rows: list[dict[str, Any]], refused: list[str]
) -> list[str]:
    local = dict(connection.execute(select(_PASSPORTS.c.id, _PASSPORTS.c.version_hash)).all())
    reference = load_reference() if rows else None
    changed = []
    for row in rows:
        if local.get(row["id"]) == row["version_hash"]:
            continue
        passport, issues = check_published_passport(row["id"], row["body"], reference)
        if passport is None:
            refused.append(str(next(i for i in issues if i.severity == "error")))
            continue
        if row["id"] in local:
            connection.execute(update(_PASSPORTS).where(_PASSPORTS.c.id == row["id"]).values(row))
        else:
            connection.execute(insert(_PASSPORTS).values(row))
        changed.append(row["id"])
    return changed


def _apply_holidays(
    connection: Connection, rows: list[dict[str, Any]], deleted_days: list[str]
) -> int:
    changes = 0
    central_days = {row["day"] for row in rows}
    gone = [date.fromisoformat(day) for day in deleted_days]
    gone = [day for day in gone if day not in central_days]  # deleted, then added again
    if gone:
        changes += connection.execute(delete(_HOLIDAYS).where(_HOLIDAYS.c.day.in_(gone))).rowcount
    local = {
        row.day: row
        for row in connection.execute(
            select(_HOLIDAYS).where(_HOLIDAYS.c.day.in_(list(central_days)))
        )
    }
    for row in rows:
        mine = local.get(row["day"])
        values = {"kind": row["kind"], "note": row["note"]}
        if mine is None:
            connection.execute(
                insert(_HOLIDAYS).values(day=row["day"], created_at=row["created_at"], **values)
            )
        elif (mine.kind, mine.note) != (row["kind"], row["note"]):
            connection.execute(
                update(_HOLIDAYS).where(_HOLIDAYS.c.day == row["day"]).values(values)
            )
        else:
            continue
        changes += 1
    return changes


def _apply_reference(connection: Connection, rows: list[dict[str, Any]], deleted: list[str]) -> int:
    central = {row["key"]: row for row in rows}
    gone = [key for key in deleted if key not in central]
    changes = 0
    if gone:
        changes += connection.execute(delete(_REFERENCE).where(_REFERENCE.c.key.in_(gone))).rowcount
    local = {
        row.key: row.value
        for row in connection.execute(select(_REFERENCE).where(_REFERENCE.c.key.in_(list(central))))
    }
    for key, row in central.items():
        if key not in local:
            connection.execute(insert(_REFERENCE).values(row))
        elif local[key] != row["value"]:
            connection.execute(update(_REFERENCE).where(_REFERENCE.c.key == key).values(row))
        else:
            continue
        changes += 1
    return changes


def _has_unpushed(connection: Connection, application_id: str) -> bool:
    return (
        connection.scalar(
            select(_OUTBOX.c.id)
            .where(_OUTBOX.c.application_id == application_id, _OUTBOX.c.pushed_at.is_(None))
            .limit(1)
        )
        is not None
    )


def _apply_applications(
    connection: Connection,
    rows: list[dict[str, Any]],
    held: set[str],
    summary: PullSummary,
    at: datetime,
) -> set[str]:
    """Apply central application changes; return the ids applied."""
    ids = [row["id"] for row in rows]
    local = {
        row["id"]: row
        for row in (
            dict(found._mapping)
            for found in connection.execute(
                select(_APPLICATIONS).where(_APPLICATIONS.c.id.in_(ids))
            )
        )
    }
    applied: set[str] = set()
    agreed: dict[str, int] = {}
    for row in rows:
        mine = local.get(row["id"])
        if mine is None:
            continue  # not this desk's (made at another desk of the centre, networked)
        if mine == row:
            agreed[row["id"]] = row["version"]
            continue  # our own push, come back
        if row["id"] in held or _has_unpushed(connection, row["id"]):
            conflict = Conflict(
                application_id=row["id"],
                registration_number=row["registration_number"] or mine["registration_number"],
                local=_json_row(mine),
                central=_json_row(row),
            )
            if keep_conflict(connection, conflict, at):
                summary.conflicts.append(row["id"])
            continue
        connection.execute(update(_APPLICATIONS).where(_APPLICATIONS.c.id == row["id"]).values(row))
        agreed[row["id"]] = row["version"]
        applied.add(row["id"])
    if agreed:
        remember_agreed_versions(connection, agreed)
    summary.applications = len(applied)
    return applied


def _json_row(row: dict[str, Any]) -> dict[str, Any]:
    return {name: json_safe(value) for name, value in row.items()}


def _apply_history(connection: Connection, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    known = set(
        connection.execute(
            select(_HISTORY.c.uuid).where(_HISTORY.c.uuid.in_([row["uuid"] for row in rows]))
        ).scalars()
    )
    new = [
        {name: value for name, value in row.items() if name != "id"}
        for row in rows
        if row["uuid"] not in known
    ]
    if new:
        connection.execute(insert(_HISTORY), new)


def _apply_orders(
    connection: Connection, rows: list[dict[str, Any]], held: set[str]
) -> list[OrderOutcome]:
    """Close the local orders the back office closed centrally."""
    if not rows:
        return []
    local = {
        row.id: row
        for row in connection.execute(
            select(_ORDERS).where(_ORDERS.c.id.in_([row["id"] for row in rows]))
        )
    }
    outcomes = []
    for row in rows:
        mine = local.get(row["id"])
        if mine is None or mine.status != "open" or row["application_id"] in held:
            continue
        values = {name: value for name, value in row.items() if name in _ORDERS.c}
        connection.execute(update(_ORDERS).where(_ORDERS.c.id == row["id"]).values(values))
        outcomes.append(
            OrderOutcome(row["application_id"], row["back_office"], row["status"], row["reference"])
        )
    return outcomes


def _set_facts(connection: Connection, facts: dict[str, str]) -> None:
    connection.execute(delete(_FACTS).where(_FACTS.c.key.in_(list(facts))))
    connection.execute(
        insert(_FACTS), [{"key": key, "value": value} for key, value in facts.items()]
    )


def read_facts(engine: Engine) -> dict[str, str]:
    """The sync facts of a local database (cursor, last sync…)."""
    with engine.connect() as connection:
        return dict(connection.execute(select(_FACTS.c.key, _FACTS.c.value)).all())


def write_facts(engine: Engine, facts: dict[str, str]) -> None:
    with engine.begin() as connection:
        _set_facts(connection, facts)


def _keep_order_conflicts(
    connection: Connection,
    changes: _Changes,
    held: set[str],
    summary: PullSummary,
    at: datetime,
) -> None:
    """Orders closed here one way and centrally the other (after this desk's close was
    pushed, e.g. overridden by the back office): both versions for the supervisor."""
    ids = [row["id"] for row in changes.orders if row["application_id"] not in held]
    if not ids:
        return
    local = {
        row.id: dict(row._mapping)
        for row in connection.execute(select(_ORDERS).where(_ORDERS.c.id.in_(ids)))
    }
    for row in changes.orders:
        mine = local.get(row["id"])
        if mine is None or mine["status"] in ("open", row["status"]):
            continue
        app_id = row["application_id"]
        local_app = connection.execute(
            select(_APPLICATIONS).where(_APPLICATIONS.c.id == app_id)
        ).first()
        central_app = changes.order_applications.get(app_id)
        if local_app is None or central_app is None:
            continue
        conflict = Conflict(
            application_id=app_id,
            registration_number=local_app.registration_number,
            local=_json_row(dict(local_app._mapping)) | {ORDER_KEY: _json_row(mine)},
            central=_json_row(central_app) | {ORDER_KEY: _json_row(row)},
        )
        if keep_conflict(connection, conflict, at):
            summary.conflicts.append(app_id)
