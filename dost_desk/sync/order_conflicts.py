"""Back-office orders closed on both sides: detected before a push batch is written.

An order is only ever closed once (open → done or cancelled). So while pushing:

* the central order is open, or closed the same way: the desk's row is written;
* the central order is closed and the desk's is still **open**: the central one is newer
  (the next pull brings it); the desk's row is **not** written — it would reopen it —
  and its entry counts as pushed (superseded);
* the central order is closed one way and the desk's **the other way** (done centrally,
  cancelled here, or the reverse): a conflict. The application is held like any other
  conflict (:func:`dost_desk.sync.push.keep_conflict`): both versions are kept, the
  application row with its order under ``back_office_order``, for the supervisor —
  unless the supervisor already chose this centre's version over that very central one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine, Row

from dost_desk.models.followup_tables import BackOfficeOrder
from dost_desk.models.sync_tables import SyncConflict
from dost_desk.models.tables import Application
from dost_desk.sync.outbox import json_safe

#: The key of the order in a conflict's two versions.
ORDER_KEY = "back_office_order"
_ORDERS = BackOfficeOrder.__table__
_APPLICATIONS = Application.__table__
_CONFLICTS = SyncConflict.__table__


def order_conflicts(
    local_engine: Engine, upstream: Connection, entries: Sequence[Row[Any]]
) -> tuple[list[Any], set[int]]:
    """(the conflicts of this batch's orders, the ids of entries superseded centrally).

    The central orders are locked (``FOR UPDATE``) until the batch commits.
    """
    from dost_desk.sync.push import Conflict  # push imports this module

    newest = {
        entry.row_id: entry
        for entry in entries
        if entry.table == "back_office_orders" and entry.operation == "upsert"
    }
    if not newest:
        return [], set()
    central = {
        row.id: dict(row._mapping)
        for row in upstream.execute(
            select(_ORDERS).where(_ORDERS.c.id.in_(list(newest))).with_for_update()
        )
    }
    superseded: set[int] = set()
    clashing: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for key, entry in newest.items():
        mine = json.loads(entry.payload)
        theirs = central.get(key)
        if theirs is None or theirs["status"] in ("open", mine["status"]):
            continue
        if mine["status"] == "open":
            superseded.update(e.id for e in entries if (e.table, e.row_id) == (entry.table, key))
            continue
        clashing[entry.application_id] = (mine, _json(theirs))
    if not clashing:
        return [], superseded
    chosen = _kept_here(local_engine, list(clashing))
    conflicts = []
    central_apps = _rows(upstream, list(clashing))
    with local_engine.connect() as connection:
        local_apps = _rows(connection, list(clashing))
    for application_id, (mine, theirs) in sorted(clashing.items()):
        if (theirs["id"], theirs["status"]) in chosen.get(application_id, ()):
            continue  # the supervisor kept this centre's version over this central one
        local_app, central_app = local_apps.get(application_id), central_apps.get(application_id)
        conflicts.append(
            Conflict(
                application_id=application_id,
                registration_number=(local_app or {}).get("registration_number"),
                local=(local_app or {}) | {ORDER_KEY: mine},
                central=(central_app or {}) | {ORDER_KEY: theirs},
            )
        )
    return conflicts, superseded


def _json(row: dict[str, Any]) -> dict[str, Any]:
    return {name: json_safe(value) for name, value in row.items()}


def _rows(connection: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    found = connection.execute(select(_APPLICATIONS).where(_APPLICATIONS.c.id.in_(ids)))
    return {row.id: _json(dict(row._mapping)) for row in found}


def _kept_here(local_engine: Engine, ids: list[str]) -> dict[str, set[tuple[str, str]]]:
    """Per application: the central orders (id, status) the supervisor chose this
    centre's version over."""
    with local_engine.connect() as connection:
        found = connection.execute(
            select(_CONFLICTS.c.application_id, _CONFLICTS.c.central).where(
                _CONFLICTS.c.application_id.in_(ids), _CONFLICTS.c.resolution == "local"
            )
        ).all()
    kept: dict[str, set[tuple[str, str]]] = {}
    for application_id, central in found:
        order = (central or {}).get(ORDER_KEY)
        if order:
            kept.setdefault(application_id, set()).add((order["id"], order["status"]))
    return kept
