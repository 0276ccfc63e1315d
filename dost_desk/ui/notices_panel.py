"""E-sosial notices the agent must post: due today and overdue first; mark them as posted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dost_desk.services import notices
from dost_desk.services.intake_dto import IntakeRuleBroken, InvalidInput, NotFound
from dost_desk.storage.engine import StorageError
from dost_desk.ui.models.applications_model import DUE_TODAY, OVERDUE

if TYPE_CHECKING:
    from dost_desk.services.desk import Desk


class NoticesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticesPanel")
        self.desk: Desk | None = None
        self.items: list[notices.NoticeView] = []
        self.filter = QComboBox(objectName="noticesFilter")
        self.filter.addItem(self.tr("Due today"), "today")
        self.filter.addItem(self.tr("Overdue"), "overdue")
        self.filter.addItem(self.tr("All"), None)
        self.table = QTableWidget(0, 4, objectName="noticesTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Due"),
                self.tr("Registration number"),
                self.tr("Applicant"),
                self.tr("Status"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(objectName="noticeMessage")
        self.message.setWordWrap(True)
        self.posted_button = QPushButton(self.tr("&Mark as posted"), objectName="markPosted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.posted_button)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.currentCellChanged.connect(lambda *_: self._show_message())
        self.posted_button.clicked.connect(self.mark_posted)

    def set_desk(self, desk: Desk) -> None:
        self.desk = desk
        self.refresh()

    def refresh(self) -> None:
        if self.desk is None:
            return
        try:
            self.items = notices.list_notices(self.desk, self.filter.currentData())
        except (StorageError, InvalidInput) as error:
            self.message.setText(str(error))
            return
        self.table.setRowCount(len(self.items))
        for row, notice in enumerate(self.items):
            status = self.tr("Posted") if notice.status == "posted" else self.tr("To post")
            values = (
                notice.due.strftime("%d.%m.%Y"),
                notice.registration_number or "",
                notice.applicant_name,
                status,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if notice.status != "posted" and (notice.overdue or notice.due_today):
                    item.setBackground(OVERDUE if notice.overdue else DUE_TODAY)
                self.table.setItem(row, column, item)
        self._show_message()

    def _show_message(self) -> None:
        row = self.table.currentRow()
        self.message.setText(self.items[row].message if 0 <= row < len(self.items) else "")

    def mark_posted(self) -> None:
        row = self.table.currentRow()
        if self.desk is None or not 0 <= row < len(self.items):
            return
        try:
            notices.mark_notice_posted(self.desk, self.items[row].id)
        except (StorageError, NotFound, IntakeRuleBroken, InvalidInput) as error:
            self.message.setText(str(error))
            return
        self.refresh()
