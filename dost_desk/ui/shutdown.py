"""Orderly shutdown, whatever the way out: the window closed, File → Quit, the OS session
ending (log-off, shutdown) or SIGTERM. Every way ends in :func:`shut_down`, once."""

from __future__ import annotations

import logging
import os
import signal
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from dost_desk.ui.main_window import MainWindow

# Background jobs (a sync batch, a connection probe, a print) get this long to end.
JOBS_WAIT_MS = 3000
_SIGNAL_POLL_MS = 200  # Python runs its signal handlers only when Qt hands it control

_log = logging.getLogger(__name__)


def shut_down(window: MainWindow) -> bool:
    """Store the typing, stop the background work, let go of the database.

    Idempotent (every way out calls it). Returns False when a background job still runs
    after :data:`JOBS_WAIT_MS` (a stalled link): the caller must then end the process
    without waiting for it (:func:`exit_now`); what was committed is kept either way.
    """
    if window.shut_down_done:
        return window.jobs_ended
    window.shut_down_done = True
    reason = window.flush_drafts()
    if reason is not None:
        _log.warning("the last typing could not be stored at exit")
    if window.sync is not None:
        window.sync.stop()  # no new sync; a running one ends after its current batch
    if window.connection is not None:
        window.connection.stop()
    window.jobs_ended = QThreadPool.globalInstance().waitForDone(JOBS_WAIT_MS)
    if not window.jobs_ended:
        _log.warning("background work still running at exit; ending without it")
    if window.desk is not None:
        window.desk.close()
    return window.jobs_ended


def install(app: QApplication, window: MainWindow) -> None:
    """Route the session's end and SIGTERM/SIGINT to the same orderly shutdown."""
    # Log-off/shutdown: the session manager may end the process right after this.
    app.commitDataRequest.connect(lambda _manager: window.flush_drafts())
    app.aboutToQuit.connect(lambda: shut_down(window))
    poll = QTimer(app, interval=_SIGNAL_POLL_MS, objectName="signalPoll")
    poll.timeout.connect(lambda: None)
    poll.start()

    def leave(_signum, _frame) -> None:
        QTimer.singleShot(0, lambda: window.quit_app(ask=False))

    for name in ("SIGTERM", "SIGINT"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), leave)


def exit_now(code: int) -> None:
    """End the process at once, leaving a stalled background job behind (the pool would
    wait for it without bound)."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(code)
