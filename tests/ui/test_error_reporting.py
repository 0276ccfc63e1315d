"""Nothing fails silently in the GUI: uncaught exceptions and failed jobs reach the log and
the screen; a log folder that cannot be written is said once and the app still works."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton

from dost_desk import logs
from dost_desk.storage.engine import StorageUnavailable
from dost_desk.ui.error_dialog import ErrorDialog, install_error_reporting


@pytest.fixture
def hooks_restored(monkeypatch):
    """The test installs the app's hooks; the previous ones come back after it."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    yield
    logs.stop_logging()


def _error_dialog() -> ErrorDialog | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog)]
    visible = [w for w in found if w.isVisible()]
    return visible[0] if visible else None


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown_with_copyable_details(
    qtbot, open_window, hooks_restored
):
    window = open_window("en")
    window.error_reporter = install_error_reporting(window)
    log_file = logs.current_setup().path

    def broken_slot() -> None:
        raise ZeroDivisionError("raised in a slot")

    button = QPushButton("Break", window)
    button.clicked.connect(broken_slot)
    button.click()
    qtbot.waitUntil(lambda: _error_dialog() is not None, timeout=10_000)
    dialog = _error_dialog()
    assert dialog.windowTitle() == "Unexpected error"
    assert str(log_file) in dialog.message.text()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "Traceback (most recent call last)" in copied
    assert "in broken_slot" in copied
    assert "ZeroDivisionError: raised in a slot" in copied
    content = log_file.read_text(encoding="utf-8")
    assert "uncaught exception" in content and "ZeroDivisionError: raised in a slot" in content
    # The app keeps running: the window still answers.
    dialog.close()
    window.search_box.setText("sığorta")
    assert window.isVisible()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_is_shown_once_in_a_dialog(qtbot, open_window, hooks_restored):
    window = open_window("az")
    window.error_reporter = install_error_reporting(window)

    def fail() -> None:
        raise IndexError("raised in a thread")

    for _ in range(2):  # a second error joins the open dialog instead of a new one
        worker = threading.Thread(target=fail, name="test-thread")
        worker.start()
        worker.join(30)
    qtbot.waitUntil(lambda: _error_dialog() is not None, timeout=10_000)
    qtbot.waitUntil(
        lambda: _error_dialog().details.toPlainText().count("IndexError: raised") == 2,
        timeout=10_000,
    )
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog)]
    assert len([d for d in dialogs if d.isVisible()]) == 1
    assert _error_dialog().windowTitle() != "Unexpected error"  # translated into Azerbaijani
    _error_dialog().close()


def test_a_failed_database_search_is_logged_and_said_in_the_list(
    qtbot, open_window, monkeypatch, hooks_restored
):
    from dost_desk.services import applications

    logs.setup_logging()
    window = open_window("en")
    window.focus_applications()

    def unreachable(*_args, **_kwargs):
        raise StorageUnavailable("the server at 10.0.0.5:5432 does not answer")

    monkeypatch.setattr(applications, "list_applications", unreachable)
    panel = window.applications_panel
    panel.search.setText("Zzzyx")
    qtbot.waitUntil(lambda: "could not be searched" in panel.count.text(), timeout=10_000)
    assert "The database cannot be reached." in panel.count.text()
    content = logs.current_setup().path.read_text(encoding="utf-8")
    assert "background job unreachable failed" in content.replace(
        "test_a_failed_database_search_is_logged_and_said_in_the_list.<locals>.", ""
    )
    assert "StorageUnavailable: the server at 10.0.0.5:5432 does not answer" in content


def _gui_process(tmp_path, data_dir):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DOST_DESK_CONFIG": str(tmp_path / "config.toml"),
        "DOST_DESK_DATA_DIR": str(data_dir),
        "DOST_DESK_STARTUP_PROBE": "workspace",
    }
    return subprocess.run(
        [sys.executable, "-m", "dost_desk"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_gui_process_writes_the_log(tmp_path):
    result = _gui_process(tmp_path, tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "workspace-loaded" in result.stdout
    content = (tmp_path / "data" / "logs" / "dost-desk.log").read_text(encoding="utf-8")
    assert ": gui" in content


def test_an_unwritable_log_folder_leaves_the_gui_working(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "logs").write_text("a file where the log folder should be")  # root cannot write in
    result = _gui_process(tmp_path, data)
    assert result.returncode == 0, result.stderr
    assert "workspace-loaded" in result.stdout  # the database in the same folder opened
    assert result.stderr.count("cannot write the log file") == 1


def test_an_unwritable_log_folder_is_said_in_the_status_bar(
    qtbot, open_window, workspace_env, hooks_restored
):
    window = open_window("en")
    (workspace_env / "data" / "logs").write_text("not a folder")
    logs.stop_logging()
    window.error_reporter = install_error_reporting(window)
    message = window.statusBar().currentMessage()
    assert "The log file cannot be written" in message
    assert str(workspace_env / "data" / "logs" / "dost-desk.log") in message
    QTimer.singleShot(0, lambda: None)  # the event loop still runs
    qtbot.wait(10)
