"""The centre's working-day calendar: days off and moved working days the Cabinet decides."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dost_desk.services import calendar
from dost_desk.services.intake_dto import InvalidInput, NotFound
from dost_desk.storage.engine import StorageError
from dost_desk.ui.problem_messages import problem_text

if TYPE_CHECKING:
    from dost_desk.services.desk import Desk


class CalendarDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarDialog")
        self.setWindowTitle(self.tr("Working calendar"))
        self.resize(640, 420)
        self.desk = desk
        self.kinds = {"day_off": self.tr("Day off"), "working_day": self.tr("Working day")}
        self.table = QTableWidget(0, 3, objectName="overridesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Note")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.day = QLineEdit(objectName="overrideDay")
        self.day.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.kind = QComboBox(objectName="overrideKind")
        for key, label in self.kinds.items():
            self.kind.addItem(label, key)
        self.note = QLineEdit(objectName="overrideNote")
        self.note.setPlaceholderText(self.tr("Note, e.g. the Cabinet's decision"))
        add = QPushButton(self.tr("&Add"), objectName="addOverride")
        remove = QPushButton(self.tr("&Remove selected"), objectName="removeOverride")
        self.message = QLabel(objectName="calendarMessage")
        self.message.setStyleSheet("color: #b3261e;")
        row = QHBoxLayout()
        row.addWidget(self.day)
        row.addWidget(self.kind)
        row.addWidget(self.note, 1)
        row.addWidget(add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Azerbaijan's public holidays are built in; add the days the Cabinet moves."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(remove)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        add.clicked.connect(self.add_override)
        self.day.returnPressed.connect(self.add_override)
        remove.clicked.connect(self.remove_selected)
        self.reload()

    def _guard(self, function, *args):
        try:
            return function(*args)
        except InvalidInput as error:
            self.message.setText("\n".join(problem_text(p) for p in error.problems.values()))
        except (NotFound, StorageError) as error:
            self.message.setText(str(error))
        return None

    def reload(self) -> None:
        overrides = self._guard(calendar.list_calendar_overrides, self.desk) or []
        self.table.setRowCount(len(overrides))
        for row, override in enumerate(overrides):
            values = (override.day.strftime("%d.%m.%Y"), self.kinds[override.kind], override.note)
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def add_override(self) -> None:
        added = self._guard(
            calendar.add_calendar_override,
            self.desk,
            self.day.text(),
            self.kind.currentData(),
            self.note.text(),
        )
        if added is not None:
            self.message.clear()
            self.day.clear()
            self.note.clear()
            self.reload()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        if self._guard(
            calendar.remove_calendar_override, self.desk, self.table.item(row, 0).text()
        ):
            self.message.clear()
            self.reload()
