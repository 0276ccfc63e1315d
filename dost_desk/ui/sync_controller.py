"""Background sync of a local desk in the app: every ``sync_interval_minutes`` and on
"Sync now", off the GUI thread, one at a time; the outcome as signals for the status bar."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from dost_desk.models.local_time import BAKU
from dost_desk.storage.engine import StorageError
from dost_desk.ui.error_messages import error_line
from dost_desk.ui.workers import run_in_background

if TYPE_CHECKING:
    from dost_desk.services.desk import Desk


class SyncStopped(Exception):
    """The app is closing: the sync ended after its last committed batch (nothing lost;
    the rest goes at the next sync)."""


class SyncController(QObject):
    batch_size = 5000  # outbox entries per upstream transaction: a stop waits for one batch
    started = Signal()
    finished = Signal(object)  # SyncSummary
    failed = Signal(str)  # one line; the outbox is intact, the next sync retries
    progress = Signal(int, int)  # changes pushed, of how many (emitted from the worker)

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.running = False
        self.stopping = False  # read by the worker at each batch boundary
        self.timer = QTimer(self, objectName="syncTimer")
        self.timer.timeout.connect(self.sync_now)
        minutes = desk.settings.sync_interval_minutes
        if self.available and minutes > 0:
            self.timer.start(minutes * 60_000)

    @property
    def available(self) -> bool:
        """A local desk with a central database configured."""
        return self.desk.engine.dialect.name == "sqlite" and bool(self.desk.settings.upstream_url)

    def sync_now(self) -> bool:
        """Start a sync unless one runs or none is configured; True when started."""
        if self.running or self.stopping or not self.available:
            return False
        from dost_desk.services.sync import sync_with_upstream

        self.running = True
        self.started.emit()
        run_in_background(
            sync_with_upstream,
            self.desk,
            None,
            self.batch_size,
            self._batch_done,
            on_done=self._done,
            on_error=self._failed,
            context=self,
        )
        return True

    def _batch_done(self, done: int, total: int) -> None:
        """On the worker, after each committed batch: report it, or stop there."""
        if self.stopping:
            raise SyncStopped
        self.progress.emit(done, total)  # queued to the GUI thread by Qt

    def _done(self, summary) -> None:
        self.running = False
        self.finished.emit(summary)

    def _failed(self, error: Exception) -> None:
        self.running = False
        if isinstance(error, SyncStopped):
            return
        self.failed.emit(error_line(error))

    def stop(self) -> None:
        """No further sync; a running one stops after the batch it is sending."""
        self.stopping = True
        self.timer.stop()


def first_sync_delay_ms() -> int:
    """The first background sync starts this long after the window is usable (the
    ``DOST_DESK_FIRST_SYNC_MS`` environment variable overrides it, for tests)."""
    try:
        return max(0, int(os.environ.get("DOST_DESK_FIRST_SYNC_MS", "5000")))
    except ValueError:
        return 5000


def describe_sync_state(desk: Desk | None, failure: str | None = None) -> tuple[str, str]:
    """The status-bar text and tooltip of the sync state."""
    from dost_desk.services.sync import sync_status

    if desk is None or desk.engine.dialect.name != "sqlite":
        return "", ""
    try:
        status = sync_status(desk)
    except StorageError as error:
        return QCoreApplication.translate("SyncState", "Sync state unknown"), str(error)
    if not status.configured:
        return (
            QCoreApplication.translate("SyncState", "Not synced: no central database"),
            QCoreApplication.translate(
                "SyncState",
                "Set upstream_url in the configuration to sync with the central database.",
            ),
        )
    if status.last_sync_at:
        last = status.last_sync_at.astimezone(BAKU).strftime("%d.%m %H:%M")
        text = QCoreApplication.translate("SyncState", "Synced %1").replace("%1", last)
    else:
        text = QCoreApplication.translate("SyncState", "Not synced yet")
    if status.waiting:
        text += " · " + QCoreApplication.translate("SyncState", "%1 changes waiting").replace(
            "%1", str(status.waiting)
        )
    if status.conflicts:
        text += " · " + QCoreApplication.translate("SyncState", "%1 conflicts").replace(
            "%1", str(status.conflicts)
        )
    tooltip = status.upstream or ""
    error = failure or status.last_error
    if failure:
        # Short in the status bar; the whole reason in the tooltip.
        text = QCoreApplication.translate("SyncState", "Sync failed — the changes are kept")
    if error:
        tooltip += "\n" + QCoreApplication.translate("SyncState", "Last error: %1").replace(
            "%1", error
        )
    return text, tooltip
