"""Record every change of a synchronised row in the outbox, in the same transaction.

:func:`record_changes_in_outbox` installs an ``after_flush`` hook on a session: for each
row the flush inserts, updates or deletes in one of :data:`SYNCED_TABLES`, it writes an
:class:`~dost_desk.models.sync_tables.OutboxEntry` with the row's values after the flush
(defaults and the version counter included), so a rolled-back unit of work leaves no
entry and a committed one leaves exactly its changes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import event, insert
from sqlalchemy.orm import Mapper, Session, UOWTransaction
from sqlalchemy.orm.state import InstanceState

from dost_desk.models.base import utc_now
from dost_desk.models.sync_tables import OutboxEntry, OutboxPayload

#: The tables pushed upstream, parents before children (the order foreign keys need).
SYNCED_TABLES = (
    "applicants",
    "applications",
    "representatives",
    "application_documents",
    "status_history",
    "printed_documents",
    "check_results",
    "back_office_orders",
    "notices",
)
#: The client key of each synced table; status_history's ``id`` is local order only.
SYNC_KEYS = {table: "id" for table in SYNCED_TABLES} | {"status_history": "uuid"}
#: Columns that stay local (the upstream database numbers its own rows).
LOCAL_ONLY_COLUMNS = {"status_history": frozenset({"id"})}

_OUTBOX = OutboxEntry.__table__
_PAYLOADS = OutboxPayload.__table__


def record_changes_in_outbox(session: Session) -> None:
    """Make every flush of ``session`` write outbox entries for its synced rows."""
    if not event.contains(session, "after_flush", _after_flush):
        event.listen(session, "after_flush", _after_flush)


def json_safe(value: Any) -> Any:
    """A column value as JSON data: dates and datetimes as ISO 8601 text."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    now = utc_now()
    entries = []
    # flush_context.states: every row this flush writes, deletes included (orphans too,
    # which never appear in session.deleted); "listonly" ones are only looked at.
    for state, (is_delete, list_only) in flush_context.states.items():
        table = state.mapper.local_table.name
        if list_only or table not in SYNC_KEYS:
            continue
        is_new = state.key is None  # identity keys are given after this hook
        if not (is_delete or is_new or session.is_modified(state.obj(), include_collections=False)):
            continue
        entries.append(_entry(state, table, is_delete, now))
    if entries:
        # Parents first, so that every prefix of the outbox satisfies the foreign keys.
        entries.sort(key=lambda entry: SYNCED_TABLES.index(entry["table"]))
        payloads = [entry.pop("payload") for entry in entries]
        connection = session.connection()
        ids = connection.execute(
            insert(_OUTBOX).returning(_OUTBOX.c.id, sort_by_parameter_order=True), entries
        ).scalars()
        connection.execute(
            insert(_PAYLOADS),
            [
                {"entry_id": key, "payload": payload}
                for key, payload in zip(ids, payloads, strict=True)
            ],
        )


def _application_of(table: str, row_id: str, obj: Any) -> str | None:
    """The application a synced row belongs to (None for an applicant)."""
    if table == "applications":
        return row_id
    return getattr(obj, "application_id", None)


def _entry(state: InstanceState[Any], table: str, is_delete: bool, now: datetime) -> dict:
    mapper: Mapper[Any] = state.mapper
    key = SYNC_KEYS[table]
    obj = state.obj()
    row_id = str(getattr(obj, mapper.get_property_by_column(mapper.local_table.c[key]).key))
    if is_delete:
        payload = {key: row_id}
    else:
        skipped = LOCAL_ONLY_COLUMNS.get(table, frozenset())
        payload = {
            column.name: json_safe(getattr(obj, mapper.get_property_by_column(column).key))
            for column in mapper.local_table.columns
            if column.name not in skipped
        }
    return {
        "table": table,
        "row_id": row_id,
        "application_id": _application_of(table, row_id, obj),
        "operation": "delete" if is_delete else "upsert",
        "payload": payload,
        "created_at": now,
    }
