"""The checks the passport names (information systems), run with F5 off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from dost_desk.models.local_time import BAKU
from dost_desk.services import checks
from dost_desk.services.intake_dto import IntakeRuleBroken, InvalidInput, NotFound
from dost_desk.storage.engine import StorageError
from dost_desk.ui.error_messages import error_text
from dost_desk.ui.problem_messages import problem_text
from dost_desk.ui.workers import run_in_background

if TYPE_CHECKING:
    from dost_desk.services.checks import CheckView
    from dost_desk.ui.intake.intake_view import IntakeView


def result_label(status: str) -> str:
    return {
        "pending": QCoreApplication.translate("ChecksPage", "Not checked yet"),
        "confirmed": QCoreApplication.translate("ChecksPage", "Confirmed"),
        "not_confirmed": QCoreApplication.translate("ChecksPage", "Not confirmed"),
        "unavailable": QCoreApplication.translate("ChecksPage", "System unavailable"),
        "deferred": QCoreApplication.translate("ChecksPage", "Deferred"),
    }.get(status, status)


class ChecksPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checksPage")
        self.views: list[CheckView] = []
        layout = QVBoxLayout(self)
        title = QLabel(
            "<h3>"
            + QCoreApplication.translate("ChecksPage", "Checks in information systems")
            + "</h3>"
        )
        layout.addWidget(title)
        self.table = QTableWidget(0, 4, objectName="checksTable")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ChecksPage", "Step"),
                QCoreApplication.translate("ChecksPage", "What is checked"),
                QCoreApplication.translate("ChecksPage", "Result"),
                QCoreApplication.translate("ChecksPage", "Details"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.run_button = QPushButton(
            QCoreApplication.translate("ChecksPage", "Run checks (F5)"), objectName="runChecks"
        )
        layout.addWidget(self.run_button)
        manual = QHBoxLayout()
        self.result = QComboBox(objectName="manualResult")
        self.result.addItem(QCoreApplication.translate("ChecksPage", "Confirmed"), "confirmed")
        self.result.addItem(
            QCoreApplication.translate("ChecksPage", "Not confirmed"), "not_confirmed"
        )
        self.reference = QLineEdit(objectName="manualReference")
        self.reference.setPlaceholderText(
            QCoreApplication.translate("ChecksPage", "Reference in the system")
        )
        self.note = QLineEdit(objectName="manualNote")
        self.note.setPlaceholderText(QCoreApplication.translate("ChecksPage", "Note"))
        self.record_button = QPushButton(
            QCoreApplication.translate("ChecksPage", "Re&cord what the system showed"),
            objectName="recordCheck",
        )
        self.defer_button = QPushButton(
            QCoreApplication.translate("ChecksPage", "De&fer"), objectName="deferCheck"
        )
        for widget in (self.result, self.reference, self.note, self.record_button):
            manual.addWidget(widget)
        manual.addWidget(self.defer_button)
        layout.addLayout(manual)
        self.status = QLabel(objectName="checksStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

    def show_checks(self, views: list[CheckView]) -> None:
        row = max(self.table.currentRow(), 0)
        self.views = list(views)
        self.table.setRowCount(len(self.views))
        for r, view in enumerate(self.views):
            details = [view.summary or "", *view.conflicts]
            if view.reference:
                details.append(view.reference)
            if view.as_of:
                details.append(
                    QCoreApplication.translate("ChecksPage", "as of %1").replace(
                        "%1", view.as_of.strftime("%d.%m.%Y")
                    )
                )
            if view.at and view.actor:
                at = view.at.astimezone(BAKU).strftime("%d.%m.%Y %H:%M")
                details.append(f"{view.actor}, {at}")
            values = (
                str(view.step),
                f"{view.subject} ({', '.join(view.system_names)})",
                result_label(view.status),
                " · ".join(d for d in details if d),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 2 and view.conflicts:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(r, column, item)
        self.table.resizeRowsToContents()
        if self.views:
            self.table.selectRow(min(row, len(self.views) - 1))


def refresh(view: IntakeView) -> None:
    page = view.checks_page
    try:
        page.show_checks(checks.checks_for_application(view.desk, view.application.id))
    except (StorageError, NotFound) as error:
        page.status.setText(str(error))


def run_all(view: IntakeView) -> None:
    """F5: every automatic check of the application, on the thread pool."""
    page = view.checks_page
    page.run_button.setEnabled(False)
    page.status.setText(QCoreApplication.translate("ChecksPage", "Checking…"))

    def done(views) -> None:
        page.run_button.setEnabled(True)
        page.show_checks(views)
        page.status.setText(QCoreApplication.translate("ChecksPage", "Checks done."))

    def failed(error: Exception) -> None:
        page.run_button.setEnabled(True)
        page.status.setText(error_text(error))

    view.checks_job = run_in_background(
        checks.run_checks,
        view.desk,
        view.application.id,
        on_done=done,
        on_error=failed,
        context=page,
    )


def _selected(view: IntakeView) -> CheckView | None:
    page = view.checks_page
    row = page.table.currentRow()
    return page.views[row] if 0 <= row < len(page.views) else None


def _guard(view: IntakeView, function, *args) -> None:
    page = view.checks_page
    try:
        function(*args)
    except InvalidInput as error:
        page.status.setText("\n".join(problem_text(p) for p in error.problems.values()))
        return
    except (IntakeRuleBroken, StorageError, NotFound) as error:
        page.status.setText(str(error))
        return
    page.status.clear()
    page.reference.clear()
    page.note.clear()
    refresh(view)


def record(view: IntakeView) -> None:
    check = _selected(view)
    if check is not None:
        page = view.checks_page
        _guard(
            view,
            checks.record_manual_check,
            view.desk,
            view.application.id,
            check.step,
            page.result.currentData(),
            page.reference.text(),
            page.note.text(),
        )


def defer(view: IntakeView) -> None:
    check = _selected(view)
    if check is not None:
        _guard(
            view,
            checks.defer_check,
            view.desk,
            view.application.id,
            check.step,
            view.checks_page.note.text(),
        )
