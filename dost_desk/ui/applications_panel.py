"""The applications of the day and search: number, FİN, name, status; opens any of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dost_desk.ui.models.applications_model import APPLICATION_ID_ROLE, ApplicationsModel

if TYPE_CHECKING:
    from dost_desk.services.desk import Desk

STATUSES = ("draft", "submitted", "ordered", "ready", "handed_over", "refused", "cancelled")


class ApplicationsPanel(QWidget):
    open_application = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applicationsPanel")
        self.model = ApplicationsModel(self)
        self.search = QLineEdit(objectName="applicationsSearch")
        self.search.setPlaceholderText(self.tr("Registration number, FİN or name"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(objectName="statusFilter")
        self.status.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status.addItem(self.model.status_label(status), status)
        self.table = QTableView(objectName="applicationsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel(objectName="applicationsCount")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.search.textChanged.connect(self._filter)
        self.status.currentIndexChanged.connect(self._filter)
        self.table.activated.connect(self._activated)
        self.search.returnPressed.connect(self._open_first)

    def refresh(self, desk: Desk) -> None:
        """Reload the centre's applications (newest first) and keep the current filter."""
        from dost_desk.services.applications import list_applications

        self.model.set_applications(list_applications(desk, limit=None), desk.local_now().date())
        self._filter()
        self.refresh_sync_states(desk)

    def refresh_sync_states(self, desk: Desk, syncing: bool = False) -> None:
        """The sync column of a local desk (hidden on a networked one)."""
        from dost_desk.services.sync import application_sync_states

        local = desk.engine.dialect.name == "sqlite"
        self.table.setColumnHidden(self.model.SYNC_COLUMN, not local)
        if local:
            self.model.set_sync_states(application_sync_states(desk), syncing)

    def _filter(self) -> None:
        self.model.set_filter(self.search.text(), self.status.currentData())
        self.count.setText(self.tr("%n application(s)", "", self.model.rowCount()))

    def _activated(self, index: QModelIndex) -> None:
        self.open_application.emit(index.data(APPLICATION_ID_ROLE))

    def _open_first(self) -> None:
        if self.model.rowCount():
            self._activated(self.model.index(0, 0))
