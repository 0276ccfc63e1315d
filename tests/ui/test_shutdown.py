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
