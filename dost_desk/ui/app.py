"""Start the desktop application: the window first, the heavy work after it is on screen."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from dost_desk.ui.first_start_dialog import ask_centre_then
from dost_desk.ui.i18n import configured_language, install_translator
from dost_desk.ui.main_window import MainWindow
from dost_desk.ui.workers import run_in_background

# Printed (and the app quits) once the workspace is loaded: the start-up benchmark's probe.
_STARTUP_PROBE = "DOST_DESK_STARTUP_PROBE"


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("DOST Desk")
    app.setOrganizationName("DOST")
    app.setApplicationDisplayName("DOST Desk")
    return app


def load_workspace_into(window: MainWindow, on_loaded=None):
    """Open the workspace on the thread pool and show it in ``window`` when ready."""
    from dost_desk.services.workspace import open_workspace

    def done(info) -> None:
        window.set_workspace(info)
        if info.database_error:
            window.show_database_error(info.database_error)
        if on_loaded:
            on_loaded(info)

    def failed(error: Exception) -> None:
        window.show_load_error(str(error))
        if on_loaded:
            on_loaded(None)

    return run_in_background(open_workspace, on_done=done, on_error=failed, context=window)


def run_gui() -> int:
    """Open the main window and run the event loop; return the exit code."""
    app = create_application()
    translator = install_translator(app, configured_language())  # noqa: F841 - kept alive
    window = MainWindow()
    window.show()
    probe = os.environ.get(_STARTUP_PROBE)

    def loaded(_info) -> None:
        if probe:
            print("workspace-loaded", flush=True)
            app.quit()

    if probe == "window":
        QTimer.singleShot(0, lambda: (print("window-shown", flush=True), app.quit()))
    else:

        def load() -> None:
            window._load_job = load_workspace_into(window, loaded)

        QTimer.singleShot(0, lambda: ask_centre_then(window, load))  # no centre code: ask
    return app.exec()
