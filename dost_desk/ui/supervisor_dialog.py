"""The supervisor's list: late check answers that contradict accepted applications, etc."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dost_desk.models.local_time import BAKU
from dost_desk.services import checks
from dost_desk.services.intake_dto import NotFound
from dost_desk.storage.engine import StorageError

if TYPE_CHECKING:
    from dost_desk.services.desk import Desk


class SupervisorDialog(QDialog):
    def __init__(
        self, desk: Desk, open_application: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorDialog")
        self.setWindowTitle(self.tr("Supervisor's list"))
        self.resize(760, 420)
        self.desk = desk
        self._open = open_application
        self.items: list[checks.SupervisorItemView] = []
        self.table = QTableWidget(0, 3, objectName="supervisorTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Since"), self.tr("Registration number"), self.tr("What to review")]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.message = QLabel(objectName="supervisorMessage")
        open_button = QPushButton(self.tr("&Open the application"), objectName="openItem")
        resolve_button = QPushButton(self.tr("Mark as &reviewed"), objectName="resolveItem")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(resolve_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        open_button.clicked.connect(self.open_selected)
        resolve_button.clicked.connect(self.resolve_selected)
        self.table.cellDoubleClicked.connect(lambda *_: self.open_selected())
        self.reload()

    def reload(self) -> None:
        try:
            self.items = checks.list_supervisor_items(self.desk)
        except StorageError as error:
            self.message.setText(str(error))
            return
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            values = (
                item.created_at.astimezone(BAKU).strftime("%d.%m.%Y %H:%M"),
                item.registration_number or "",
                item.detail,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        self.message.setText("" if self.items else self.tr("Nothing to review."))

    def _selected(self) -> checks.SupervisorItemView | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def open_selected(self) -> None:
        item = self._selected()
        if item is not None:
            self._open(item.application_id)
            self.accept()

    def resolve_selected(self) -> None:
        item = self._selected()
        if item is None:
            return
        try:
            checks.resolve_supervisor_item(self.desk, item.id)
        except (StorageError, NotFound) as error:
            self.message.setText(str(error))
            return
        self.reload()
