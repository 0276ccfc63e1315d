"""The applications of the day and search: number, FİN, name, status; opens any of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QTimer, Signal
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

from dost_desk.text import fold_for_search
from dost_desk.ui.error_messages import error_line
from dost_desk.ui.models.applications_model import APPLICATION_ID_ROLE, ApplicationsModel
from dost_desk.ui.workers import run_in_background

if TYPE_CHECKING:
    from dost_desk.services.desk import Desk

#: The newest applications the list holds (older ones in progress come too); typing 3
#: letters or more also searches the database for older ones (at most SEARCH_LIMIT).
IN_MEMORY = 2000
SEARCH_LIMIT = 200
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
        self._desk: Desk | None = None
        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self._search_database)

    def refresh(self, desk: Desk) -> None:
        """Reload the centre's recent applications (newest first, and the older ones in
        progress) and keep the current filter; older ones are searched in the database."""
        from dost_desk.services.applications import recent_applications

        self._desk = desk
        self.model.set_applications(recent_applications(desk, IN_MEMORY), desk.local_now().date())
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
        if len(fold_for_search(self.search.text()).strip()) >= 3:
            self._search_timer.start()

    def _search_database(self) -> None:
        """Also ask the database (older applications than the list holds), off the GUI
        thread; what it finds joins the list."""
        from dost_desk.services.applications import list_applications

        query = self.search.text()
        if self._desk is None or len(fold_for_search(query).strip()) < 3:
            return
        run_in_background(
            list_applications,
            self._desk,
            None,
            query,
            SEARCH_LIMIT,
            on_done=self._found_in_database,
            on_error=self._database_search_failed,
            context=self,
        )

    def _database_search_failed(self, error: Exception) -> None:
        """The list still shows what it holds; say that older ones were not searched."""
        self.count.setText(
            self.tr("%n application(s)", "", self.model.rowCount())
            + " — "
            + self.tr("older applications could not be searched: %1").replace(
                "%1", error_line(error)
            )
        )

    def _found_in_database(self, summaries) -> None:
        if self.model.add_applications(summaries):
            self._filter_only()

    def _filter_only(self) -> None:
        self.model.set_filter(self.search.text(), self.status.currentData())
        self.count.setText(self.tr("%n application(s)", "", self.model.rowCount()))

    def _activated(self, index: QModelIndex) -> None:
        self.open_application.emit(index.data(APPLICATION_ID_ROLE))

    def _open_first(self) -> None:
        if self.model.rowCount():
            self._activated(self.model.index(0, 0))
