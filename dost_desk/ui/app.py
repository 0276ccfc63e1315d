"""Start the desktop application: the window first, the heavy work after it is on screen."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from dost_desk.ui import shutdown
from dost_desk.ui.error_dialog import install_error_reporting
from dost_desk.ui.error_messages import error_text
from dost_desk.ui.first_start_dialog import ask_centre_then
from dost_desk.ui.i18n import configured_language, install_translator
from dost_desk.ui.main_window import MainWindow
from dost_desk.ui.single_instance import SingleInstance, bring_to_front, configured_data_dir
from dost_desk.ui.workers import run_in_background

# Printed (and the app quits) once the workspace is loaded: the start-up benchmark's probe.
_STARTUP_PROBE = "DOST_DESK_STARTUP_PROBE"
_EXIT_PROBE = "DOST_DESK_EXIT_PROBE"  # tests of the ways out: see ui/exit_probe.py
# Printed once loaded (the app stays) and when a second start raised the window: tests.
_INSTANCE_PROBE = "DOST_DESK_INSTANCE_PROBE"


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
        if window.shut_down_done:  # closed while loading: let go of what was opened
            if info.desk is not None:
                info.desk.close()
            return
        window.set_workspace(info)
        if info.database_error:
            window.show_database_error(info.database_error)
        if info.server_unreachable:
            window.wait_for_server()
        if on_loaded:
            on_loaded(info)

    def failed(error: Exception) -> None:
        window.show_load_error(error_text(error))
        if on_loaded:
            on_loaded(None)

    return run_in_background(open_workspace, on_done=done, on_error=failed, context=window)


def run_gui() -> int:
    """Open the main window and run the event loop; return the exit code."""
    app = create_application()
    instance = SingleInstance(configured_data_dir(), app)
    if not instance.acquire():
        return 0  # the running window was brought to the front
    translator = install_translator(app, configured_language())  # noqa: F841 - kept alive
    window = MainWindow()
    window.error_reporter = install_error_reporting(window)
    window.show()
    shutdown.install(app, window)
    instance.activation_requested.connect(lambda: bring_to_front(window))
    probe = os.environ.get(_STARTUP_PROBE)
    exit_probe = os.environ.get(_EXIT_PROBE)
    if os.environ.get(_INSTANCE_PROBE):
        instance.activation_requested.connect(lambda: print("raised", flush=True))

    def loaded(_info) -> None:
        if probe or os.environ.get(_INSTANCE_PROBE):
            print("workspace-loaded", flush=True)
        if probe:
            app.quit()
        elif exit_probe:
            from dost_desk.ui.exit_probe import type_then_leave

            type_then_leave(window, exit_probe)

    if probe == "window":
        QTimer.singleShot(0, lambda: (print("window-shown", flush=True), app.quit()))
    else:

        def load() -> None:
            window._load_job = load_workspace_into(window, loaded)

        QTimer.singleShot(0, lambda: ask_centre_then(window, load))  # no centre code: ask
    code = app.exec()
    ended = shutdown.shut_down(window)
    instance.release()
    if not ended:
        shutdown.exit_now(code)
    return code
