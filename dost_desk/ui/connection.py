"""Reconnection of a networked desk: while work is kept on this computer, try the server
every few seconds (off the GUI thread) and write the kept drafts through when it answers.
Also used at start-up while the server is down: then the attempt opens the workspace."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from dost_desk.ui.error_messages import error_line
from dost_desk.ui.workers import run_in_background

if TYPE_CHECKING:
    from dost_desk.services.desk import Desk

RETRY_MS = 5000


class ConnectionMonitor(QObject):
    online = Signal(object)  # what the attempt returned (a WriteThroughSummary by default)
    still_offline = Signal(str)  # why the last try failed (shown in the status bar's tooltip)

    def __init__(
        self,
        desk: Desk | None,
        parent: QObject | None = None,
        retry_ms: int = RETRY_MS,
        attempt: Callable[[], Any] | None = None,
    ):
        """``attempt`` (run off the GUI thread) raises while the server is away; by
        default it writes the desk's kept drafts through."""
        super().__init__(parent)
        self.desk = desk
        self._attempt = attempt
        self.timer = QTimer(self, interval=retry_ms, objectName="reconnectTimer")
        self.timer.timeout.connect(self.try_now)
        self._trying = False
        self._stopped = False

    @property
    def offline(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def stop(self) -> None:
        """The app is closing: no further tries (the kept drafts wait for the next start)."""
        self._stopped = True
        self.timer.stop()

    def try_now(self) -> None:
        if self._trying or self._stopped:
            return
        from dost_desk.services.local_drafts import write_through

        self._trying = True
        function, args = (self._attempt, ()) if self._attempt else (write_through, (self.desk,))
        run_in_background(function, *args, on_done=self._done, on_error=self._failed, context=self)

    def _done(self, summary) -> None:
        self._trying = False
        self.timer.stop()
        self.online.emit(summary)

    def _failed(self, error: Exception) -> None:
        self._trying = False  # still unreachable: the next tick tries again
        self.still_offline.emit(error_line(error))
