"""Service functions of offline sync (Qt-free): sync now, its state, conflicts, duplicates.

A local desk (SQLite, the centre's system of record) syncs with the central PostgreSQL
database named by ``upstream_url`` (or given): :func:`sync_with_upstream` pushes the
outbox, pulls the central changes, follows up the back-office orders closed centrally and
asks the deferred checks again. Every step is idempotent and resumable: a sync that fails
anywhere is simply run again, and says why in :func:`sync_status`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm.attributes import flag_modified

from dost_desk.models.followup_tables import BackOfficeOrder
from dost_desk.models.sync_tables import OutboxEntry, SyncConflict
from dost_desk.models.tables import Application
from dost_desk.services.checks import RerunSummary, rerun_deferred_checks
from dost_desk.services.desk import Desk
from dost_desk.services.intake_dto import IntakeRuleBroken, NotFound
from dost_desk.services.order_follow_up import follow_up_closed_orders
from dost_desk.services.renumbering import renumber_clashing_applications
from dost_desk.storage.engine import StorageError
from dost_desk.storage.unit_of_work import UnitOfWork
from dost_desk.sync.order_conflicts import ORDER_KEY
from dost_desk.sync.pull import PullSummary, pull_changes, read_facts, write_facts
from dost_desk.sync.push import PushSummary, push_outbox, remember_agreed_versions
from dost_desk.sync.review import DuplicatePair, find_cross_centre_duplicates
from dost_desk.url_secrets import masked_database_url, redact_secrets

#: A difference between the desk's clock and the server's worth a warning.
CLOCK_SKEW_WARNING = timedelta(minutes=5)
LAST_SYNC_AT, LAST_ERROR = "last_sync_at", "last_sync_error"

SyncState = Literal["local", "synced", "conflict"]


class SyncNotConfigured(StorageError):
    """No central database to sync with (``upstream_url`` unset), or not a local desk."""


@dataclass(frozen=True, slots=True)
class SyncSummary:
    """What one sync did."""

    push: PushSummary
    pull: PullSummary
    ready: tuple[str, ...]  # applications moved to "ready" by an order closed centrally
    rerun: RerunSummary
    clock_skew_warning: str | None
    # old numbers another desk with this centre code issued first, renumbered here
    renumbered: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        lines = [self.push.line(), self.pull.line()]
        if self.renumbered:
            lines.insert(
                0,
                f"renumbered {len(self.renumbered)} applications whose registration numbers "
                "another desk with this centre code issued first (see the supervisor's list): "
                + ", ".join(self.renumbered),
            )
        if self.ready:
            lines.append(f"ready after the back office's orders: {len(self.ready)}")
        lines.append(
            f"deferred checks asked again: {self.rerun.tried}, answered {self.rerun.answered}, "
            f"still deferred {self.rerun.still_deferred}, "
            f"for the supervisor {len(self.rerun.supervisor_items)}"
        )
        if self.clock_skew_warning:
            lines.append(self.clock_skew_warning)
        return lines


@dataclass(frozen=True, slots=True)
class SyncStatusView:
    """The sync state of this desk for the status bar and ``dost-desk sync status``."""

    configured: bool
    upstream: str | None  # masked
    waiting: int  # local changes not yet pushed (held ones included)
    conflicts: int  # open conflicts
    last_sync_at: datetime | None
    last_error: str | None


@dataclass(frozen=True, slots=True)
class ConflictView:
    id: str
    application_id: str
    registration_number: str | None
    detected_at: datetime
    local_status: str | None
    central_status: str | None
    differences: tuple[str, ...]  # the columns that differ
    local: dict[str, Any]
    central: dict[str, Any]
    resolution: str | None
    resolved_at: datetime | None
    resolved_by: str | None


def _upstream(desk: Desk, upstream_url: str | None) -> str:
    if desk.engine.dialect.name != "sqlite":
        raise SyncNotConfigured(
            "this desk works on the central database directly (networked); there is nothing to sync"
        )
    url = upstream_url or desk.settings.upstream_url
    if not url:
        raise SyncNotConfigured(
            "no central database is configured: set upstream_url in the config (or give --upstream)"
        )
    return url


def sync_with_upstream(
    desk: Desk,
    upstream_url: str | None = None,
    batch_size: int = 5000,
    progress: Callable[[int, int], None] | None = None,
) -> SyncSummary:
    """Renumber what another desk with this centre code numbered first, push, pull,
    follow up the orders closed centrally, ask deferred checks again.

    Raises :class:`~dost_desk.storage.engine.StorageError` (nothing lost: run it again);
    the error is also kept for :func:`sync_status`. ``progress(done, total)`` follows the
    push batch by batch.
    """
    url = _upstream(desk, upstream_url)
    try:
        renumbered = renumber_clashing_applications(desk, url)
        pushed = push_outbox(desk.engine, url, batch_size, clock=desk.now, progress=progress)
        pulled = pull_changes(desk.engine, url, desk.centre_code, clock=desk.now)
        ready = follow_up_closed_orders(desk)
    except StorageError as error:
        _remember(desk, {LAST_ERROR: redact_secrets(str(error))})
        raise
    # The link is up: checks deferred while offline are asked again.
    rerun = rerun_deferred_checks(desk)
    skew = pulled.clock_skew
    warning = None
    if abs(skew) > CLOCK_SKEW_WARNING:
        warning = (
            f"this computer's clock differs from the central server's by "
            f"{_duration(abs(skew))}: set the date and time (the sync does not depend on it)"
        )
    _remember(desk, {LAST_SYNC_AT: desk.now().isoformat(), LAST_ERROR: ""})
    return SyncSummary(pushed, pulled, ready, rerun, warning, renumbered)


def _remember(desk: Desk, facts: dict[str, str]) -> None:
    # A note about the sync (disk full…) must never hide the sync's own outcome.
    with contextlib.suppress(SQLAlchemyError, OSError):
        write_facts(desk.engine, facts)


def _duration(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} minutes"
    hours = round(minutes / 60)
    return f"{hours} hours" if hours < 48 else f"{round(hours / 24)} days"


def sync_status(desk: Desk) -> SyncStatusView:
    """How many changes wait, open conflicts, the last sync and its error."""
    local = desk.engine.dialect.name == "sqlite"
    url = desk.settings.upstream_url
    if not local:
        return SyncStatusView(False, None, 0, 0, None, None)
    with UnitOfWork(desk.engine, write=False) as uow:
        waiting = uow.session.scalar(select(func.count()).where(OutboxEntry.pushed_at.is_(None)))
        conflicts = uow.session.scalar(
            select(func.count()).where(SyncConflict.resolved_at.is_(None))
        )
    facts = read_facts(desk.engine)
    last = facts.get(LAST_SYNC_AT)
    return SyncStatusView(
        configured=bool(url),
        upstream=masked_database_url(url) if url else None,
        waiting=waiting or 0,
        conflicts=conflicts or 0,
        last_sync_at=datetime.fromisoformat(last) if last else None,
        last_error=facts.get(LAST_ERROR) or None,
    )


def application_sync_states(
    desk: Desk, application_ids: list[str] | None = None
) -> dict[str, SyncState]:
    """The sync state of applications: ``conflict`` (held for the supervisor), ``local``
    (changes not yet in the central database) or ``synced``.

    Without ``application_ids``: only the applications that are not synced (every other
    one is). Empty on a networked desk (there is nothing to sync).
    """
    if desk.engine.dialect.name != "sqlite":
        return {}
    waiting = select(OutboxEntry.application_id).where(
        OutboxEntry.pushed_at.is_(None), OutboxEntry.application_id.is_not(None)
    )
    held = select(SyncConflict.application_id).where(SyncConflict.resolved_at.is_(None))
    states: dict[str, SyncState] = {}
    with UnitOfWork(desk.engine, write=False) as uow:
        for chunk in _chunks(application_ids) if application_ids is not None else [None]:
            local_ = (
                waiting if chunk is None else waiting.where(OutboxEntry.application_id.in_(chunk))
            )
            held_ = held if chunk is None else held.where(SyncConflict.application_id.in_(chunk))
            if chunk is not None:
                states.update(dict.fromkeys(chunk, "synced"))
            states.update(dict.fromkeys(uow.session.scalars(local_.distinct()), "local"))
            states.update(dict.fromkeys(uow.session.scalars(held_), "conflict"))
    return states


def _chunks(items: list[str], size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _conflict_view(row: SyncConflict) -> ConflictView:
    names = sorted(set(row.local) | set(row.central))
    differences = tuple(
        name
        for name in names
        if row.local.get(name) != row.central.get(name) and name not in ("updated_at", "version")
    )
    return ConflictView(
        id=row.id,
        application_id=row.application_id,
        registration_number=row.registration_number,
        detected_at=row.detected_at,
        local_status=row.local.get("status"),
        central_status=row.central.get("status"),
        differences=differences,
        local=dict(row.local),
        central=dict(row.central),
        resolution=row.resolution,
        resolved_at=row.resolved_at,
        resolved_by=row.resolved_by,
    )


def list_sync_conflicts(desk: Desk, include_resolved: bool = False) -> list[ConflictView]:
    """The applications changed on both sides (both versions), newest first."""
    statement = select(SyncConflict).order_by(SyncConflict.detected_at.desc())
    if not include_resolved:
        statement = statement.where(SyncConflict.resolved_at.is_(None))
    with UnitOfWork(desk.engine, write=False) as uow:
        return [_conflict_view(row) for row in uow.session.scalars(statement)]


def resolve_sync_conflict(
    desk: Desk, conflict_id: str, keep: Literal["local", "central"]
) -> ConflictView:
    """The supervisor decides which version of a conflicted application stays.

    ``local``: this centre's version is pushed at the next sync (over the central one);
    ``central``: the central version replaces the local row, and the application's
    unpushed local changes of the application row are dropped. Both versions stay in the
    conflict record either way.
    """
    if keep not in ("local", "central"):
        raise ValueError("keep must be 'local' or 'central'")
    with UnitOfWork(desk.engine) as uow:
        row = uow.session.get(SyncConflict, conflict_id.strip())
        if row is None:
            raise NotFound(f"no sync conflict {conflict_id!r}")
        if row.resolved_at is not None:
            raise IntakeRuleBroken(
                "conflict.resolved", f"the conflict was resolved ({row.resolution})"
            )
        app = uow.session.get(Application, row.application_id)
        if app is None:
            raise NotFound(f"no application {row.application_id!r}")
        central_version = int(row.central["version"])
        connection = uow.session.connection()
        if keep == "local":
            # Agree on the central version, then make a local change above it: the next
            # push finds the central row where both sides agreed and writes this one.
            remember_agreed_versions(connection, {app.id: central_version})
            table = Application.__table__
            connection.execute(
                update(table)
                .where(table.c.id == app.id)
                .values(version=max(app.version, central_version))
            )
            uow.session.refresh(app)
            app.updated_at = desk.now()  # version above both: the next push writes it
            order = row.local.get(ORDER_KEY)
            if order is not None:  # queued again (a conflict found by the pull had none)
                mine = uow.session.get(BackOfficeOrder, order["id"])
                if mine is not None:
                    flag_modified(mine, "status")
        else:
            central = dict(row.central)
            order = central.pop(ORDER_KEY, None)
            connection.execute(
                update(Application.__table__)
                .where(Application.__table__.c.id == app.id)
                .values(_decoded(Application, central))
            )
            remember_agreed_versions(connection, {app.id: central_version})
            outbox = OutboxEntry.__table__
            replaced = (outbox.c.table == "applications") & (outbox.c.row_id == app.id)
            if order is not None:  # the central order replaces this centre's too
                orders = BackOfficeOrder.__table__
                connection.execute(
                    update(orders)
                    .where(orders.c.id == order["id"])
                    .values(_decoded(BackOfficeOrder, order))
                )
                replaced |= (outbox.c.table == "back_office_orders") & (
                    outbox.c.row_id == order["id"]
                )
            connection.execute(
                update(outbox)
                .where(replaced, outbox.c.pushed_at.is_(None))
                .values(pushed_at=desk.now())
            )
        row.resolution = keep
        row.resolved_at = desk.now()
        row.resolved_by = desk.agent
        uow.commit()
        return _conflict_view(row)


def _decoded(model: Any, values: dict[str, Any]) -> dict[str, Any]:
    from dost_desk.sync.push import _decode

    return _decode(model.__table__, values)


def list_cross_centre_duplicates(
    desk: Desk, upstream_url: str | None = None
) -> list[DuplicatePair]:
    """The duplicate-review list of the central database (the same FİN applying for the
    same service at two centres within the window)."""
    url = upstream_url or desk.settings.upstream_url
    if desk.engine.dialect.name == "postgresql" and not url:
        url = desk.engine.url.render_as_string(hide_password=False)
    if not url:
        raise SyncNotConfigured(
            "no central database is configured: set upstream_url in the config (or give --upstream)"
        )
    return find_cross_centre_duplicates(url)
