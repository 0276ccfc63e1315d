"""Closing the window, whatever the way: the last typing is stored, the background work
stops and the engine is let go of."""

from __future__ import annotations

from dost_desk.services.applications import get_application


def test_closing_at_once_after_typing_keeps_the_surname(open_window, qtbot):
    from test_intake import open_applicant_page

    window = open_window("en")
    intake = open_applicant_page(window)
    qtbot.keyClicks(intake.applicant_page.form.edits["surname"], "Quliyeva")
    assert intake._autosave.isActive()  # the debounced autosave has not run yet
    application_id = intake.application.id

    window.close()

    stored = get_application(window.desk, application_id).draft["applicant"]
    assert stored["surname"] == "Quliyeva"


def test_closing_stops_the_timers_and_disposes_the_engine(open_window, qtbot):
    window = open_window("en")
    window.sync.timer.start(60_000)
    window.connection.start()
    pool = window.desk.engine.pool

    window.close()

    assert not window.sync.timer.isActive()
    assert not window.connection.timer.isActive()
    assert window.desk.engine.pool is not pool  # disposed: a fresh pool replaced it


def test_closing_while_the_workspace_loads_opens_nothing_after(qtbot, workspace_env):
    from PySide6.QtCore import QCoreApplication, QThreadPool

    from dost_desk.ui.app import load_workspace_into
    from dost_desk.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    loaded = []
    window._job = load_workspace_into(window, loaded.append)

    window.close()  # before the database is open

    QThreadPool.globalInstance().waitForDone(30_000)
    QCoreApplication.processEvents()  # the load's outcome, queued to the GUI thread
    assert window.desk is None and window.sync is None  # no desk, no sync after the close
