"""The working-calendar dialog edits the centre's overrides in the database."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from dost_desk.services.calendar import list_calendar_overrides, working_day_info
from dost_desk.ui.calendar_dialog import CalendarDialog


def test_add_bad_date_then_a_moved_working_day_and_remove_it(open_window, qtbot):
    window = open_window()
    dialog = CalendarDialog(window.desk, window)
    qtbot.keyClicks(dialog.day, "31.02.2027")
    qtbot.keyClick(dialog.day, Qt.Key.Key_Return)
    assert dialog.message.text() and list_calendar_overrides(window.desk) == []
    dialog.day.clear()
    qtbot.keyClicks(dialog.day, "27.12.2025")  # a Saturday worked for a moved holiday
    dialog.kind.setCurrentIndex(dialog.kind.findData("working_day"))
    qtbot.keyClicks(dialog.note, "Cabinet 2025")
    qtbot.keyClick(dialog.day, Qt.Key.Key_Return)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "27.12.2025"
    assert working_day_info(window.desk, date(2025, 12, 27)).is_working
    dialog.table.selectRow(0)
    remove = dialog.findChild(QPushButton, "removeOverride")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert list_calendar_overrides(window.desk) == []
