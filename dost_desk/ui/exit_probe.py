"""Test hook ``DOST_DESK_EXIT_PROBE=close|quit|app-quit|sigterm``: once the workspace is
loaded, type a surname into a new intake and leave at once, before the autosave ran.

``close`` closes the window, ``quit`` triggers File → Quit, ``app-quit`` quits the
application as the OS session's end does (``aboutToQuit``), ``sigterm`` only prints and
waits for the test's signal. Prints ``typed <application id>`` first.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from dost_desk.ui.main_window import MainWindow

PROBE_ENV = "DOST_DESK_EXIT_PROBE"
PASSPORT = "01-08-02-00"  # bundled: every test workspace has it
SURNAME = "Quliyeva"


def type_then_leave(window: MainWindow, way: str) -> None:
    window.show_passport(PASSPORT)
    window.start_intake()
    intake = window.intake
    QTest.keyClicks(intake.start_page.ticket, "K-1")
    intake.go_next()
    QTest.keyClicks(intake.applicant_page.form.edits["surname"], SURNAME)
    print("typed", intake.application.id, flush=True)
    # Left on the next turn of the event loop, long before the autosave: work already
    # queued (the first sync with DOST_DESK_FIRST_SYNC_MS=0) starts first.
    leave = {
        "close": window.close,
        "quit": window.quit_action.trigger,
        "app-quit": QApplication.quit,
    }.get(way)
    if leave is not None:
        QTimer.singleShot(0, leave)
