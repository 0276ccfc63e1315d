"""Sync conflicts (an application changed here and centrally: both versions, side by side,
and the supervisor's choice) and the duplicate-review list of the central database."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dost_desk.models.local_time import BAKU
from dost_desk.services import sync
from dost_desk.services.intake_dto import IntakeRuleBroken, NotFound
from dost_desk.storage.engine import StorageError
from dost_desk.ui.error_messages import error_line
from dost_desk.ui.labels import status_label
from dost_desk.ui.workers import run_in_background

if TYPE_CHECKING:
    from dost_desk.services.desk import Desk
    from dost_desk.sync.review import DuplicatePair


def _table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns), objectName=name)
    table.setHorizontalHeaderLabels(columns)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))


def _text(name: str, value: object) -> str:
    """A column value as the supervisor reads it: statuses translated, times local."""
    if value is None or value == "":
        return "—"
    if name == "status":
        return status_label(str(value))
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str) and len(value) > 18 and value[4] == "-" and "T" in value:
        try:
            return datetime.fromisoformat(value).astimezone(BAKU).strftime("%d.%m.%Y %H:%M:%S")
        except ValueError:
            pass
    return str(value)


def field_label(name: str) -> str:
    labels = {
        "status": QCoreApplication.translate("SyncDialog", "Status"),
        "registration_number": QCoreApplication.translate("SyncDialog", "Registration number"),
        "cancel_reason": QCoreApplication.translate("SyncDialog", "Reason of cancellation"),
        "refusal": QCoreApplication.translate("SyncDialog", "Refusal"),
        "outcome_at": QCoreApplication.translate("SyncDialog", "Outcome at"),
        "deadline_total": QCoreApplication.translate("SyncDialog", "Deadline"),
        "updated_at": QCoreApplication.translate("SyncDialog", "Last changed"),
        "applicant_id": QCoreApplication.translate("SyncDialog", "Applicant"),
        "draft": QCoreApplication.translate("SyncDialog", "Form being typed"),
        "fee": QCoreApplication.translate("SyncDialog", "Fee"),
        "variant": QCoreApplication.translate("SyncDialog", "Variant"),
    }
    return labels.get(name, name)


class SyncDialog(QDialog):
    def __init__(
        self, desk: Desk, open_application: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncDialog")
        self.setWindowTitle(self.tr("Sync conflicts and duplicates"))
        self.resize(900, 520)
        self.desk = desk
        self._open = open_application
        self.conflicts: list[sync.ConflictView] = []
        self.duplicates: list[DuplicatePair] = []

        self.conflict_table = _table(
            [
                self.tr("Registration number"),
                self.tr("Here"),
                self.tr("Central"),
                self.tr("Differs in"),
            ],
            "conflictTable",
        )
        self.versions = _table(
            [self.tr("Field"), self.tr("This centre"), self.tr("Central database")],
            "versionsTable",
        )
        self.keep_local = QPushButton(
            self.tr("Keep &this centre's version"), objectName="keepLocal"
        )
        self.keep_central = QPushButton(
            self.tr("Keep the c&entral version"), objectName="keepCentral"
        )
        open_button = QPushButton(self.tr("&Open the application"), objectName="openConflict")
        actions = QHBoxLayout()
        for button in (self.keep_local, self.keep_central, open_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for column in (1, 2):
            self.versions.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch
            )
        self.versions.setWordWrap(True)
        splitter = QSplitter()
        splitter.addWidget(self.conflict_table)
        splitter.addWidget(self.versions)
        splitter.setSizes([340, 560])
        conflicts_page = QWidget()
        conflicts_layout = QVBoxLayout(conflicts_page)
        conflicts_layout.addWidget(splitter, 1)
        conflicts_layout.addLayout(actions)

        self.duplicate_table = _table(
            [
                self.tr("FİN"),
                self.tr("Service"),
                self.tr("First application"),
                self.tr("Second application"),
            ],
            "duplicateTable",
        )
        self.check_duplicates = QPushButton(
            self.tr("&Check the central database"), objectName="checkDuplicates"
        )
        duplicates_page = QWidget()
        duplicates_layout = QVBoxLayout(duplicates_page)
        duplicates_layout.addWidget(
            QLabel(
                self.tr("The same FİN applying for the same service at two centres within 30 days.")
            )
        )
        duplicates_layout.addWidget(self.duplicate_table, 1)
        duplicates_layout.addWidget(self.check_duplicates)

        self.tabs = QTabWidget(objectName="syncTabs")
        self.tabs.addTab(conflicts_page, self.tr("Conflicts"))
        self.tabs.addTab(duplicates_page, self.tr("Possible duplicates"))
        self.message = QLabel(objectName="syncMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.conflict_table.currentCellChanged.connect(lambda *_: self._show_versions())
        self.conflict_table.cellDoubleClicked.connect(lambda *_: self.open_selected())
        self.keep_local.clicked.connect(lambda: self.resolve("local"))
        self.keep_central.clicked.connect(lambda: self.resolve("central"))
        open_button.clicked.connect(self.open_selected)
        self.check_duplicates.clicked.connect(self.load_duplicates)
        self.reload()

    # -- conflicts ---------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            self.conflicts = sync.list_sync_conflicts(self.desk)
        except StorageError as error:
            self.message.setText(str(error))
            return
        _fill(
            self.conflict_table,
            [
                (
                    item.registration_number or item.application_id,
                    status_label(item.local_status or ""),
                    status_label(item.central_status or ""),
                    ", ".join(field_label(name) for name in item.differences),
                )
                for item in self.conflicts
            ],
        )
        if self.conflicts:
            self.conflict_table.selectRow(0)
            self.message.setText("")
        else:
            self.message.setText(self.tr("No conflicts: every application agrees."))
        self._show_versions()

    def _selected(self) -> sync.ConflictView | None:
        row = self.conflict_table.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _show_versions(self) -> None:
        item = self._selected()
        for button in (self.keep_local, self.keep_central):
            button.setEnabled(item is not None)
        if item is None:
            _fill(self.versions, [])
            return
        names = [*item.differences]
        names += [
            name for name in ("status", "registration_number", "updated_at") if name not in names
        ]
        _fill(
            self.versions,
            [
                (
                    field_label(name),
                    _text(name, item.local.get(name)),
                    _text(name, item.central.get(name)),
                )
                for name in names
            ],
        )
        detected = item.detected_at.astimezone(BAKU).strftime("%d.%m.%Y %H:%M")
        self.message.setText(
            self.tr("Found at the sync of %1. Both versions are kept until you choose.").replace(
                "%1", detected
            )
        )

    def resolve(self, keep: str) -> None:
        item = self._selected()
        if item is None:
            return
        try:
            sync.resolve_sync_conflict(self.desk, item.id, keep)
        except (StorageError, NotFound, IntakeRuleBroken) as error:
            self.message.setText(str(error))
            return
        self.reload()
        self.message.setText(
            self.tr("Kept this centre's version: it is sent at the next sync.")
            if keep == "local"
            else self.tr("Kept the central version: it replaced this centre's one.")
        )

    def open_selected(self) -> None:
        item = self._selected()
        if item is not None:
            self._open(item.application_id)
            self.accept()

    # -- duplicates --------------------------------------------------------------------------
    def load_duplicates(self) -> None:
        self.check_duplicates.setEnabled(False)
        self.message.setText(self.tr("Asking the central database…"))
        run_in_background(
            sync.list_cross_centre_duplicates,
            self.desk,
            on_done=self._show_duplicates,
            on_error=self._duplicates_failed,
            context=self,
        )

    def _show_duplicates(self, pairs: list[DuplicatePair]) -> None:
        self.check_duplicates.setEnabled(True)
        self.duplicates = pairs
        _fill(
            self.duplicate_table,
            [
                (
                    pair.fin,
                    pair.passport_id,
                    f"{pair.first_registration_number or pair.first_id} ({pair.first_centre_code})",
                    f"{pair.second_registration_number or pair.second_id} "
                    f"({pair.second_centre_code})",
                )
                for pair in pairs
            ],
        )
        self.message.setText(
            self.tr("%n possible duplicate(s).", "", len(pairs))
            if pairs
            else self.tr("No possible duplicates.")
        )

    def _duplicates_failed(self, error: Exception) -> None:
        self.check_duplicates.setEnabled(True)
        self.message.setText(
            self.tr("The central database could not be asked: %1").replace("%1", error_line(error))
        )
