"""Uncaught exceptions in the GUI: logged, then shown in a dialog with "Copy details";
the app keeps running. Also says once, in the status bar, when there is no log file."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dost_desk import logs

MAX_DETAILS = 50_000  # characters kept in one dialog when errors repeat


class ErrorDialog(QDialog):
    """Says that something unexpected happened and offers the (safe) traceback."""

    def __init__(self, details: str, log_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        text = self.tr(
            "Something went wrong. DOST Desk keeps running and what you typed is saved. "
            "The details were written to the log:\n%1"
        ).replace("%1", log_path)
        self.message = QLabel(text, objectName="errorMessage", wordWrap=True)
        self.details = QPlainTextEdit(objectName="errorDetails", readOnly=True)
        self.details.setPlainText(details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"), objectName="copyDetailsButton")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def add_details(self, details: str) -> None:
        text = f"{self.details.toPlainText()}\n{details}"
        self.details.setPlainText(text[-MAX_DETAILS:])

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("Copied"))


class ErrorReporter(QObject):
    """Shows uncaught exceptions (from any thread) on the GUI thread, one dialog at a time."""

    reported = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ErrorDialog | None = None
        # Queued even on the GUI thread: the dialog opens after the failing slot returns.
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, _error: BaseException, details: str) -> None:
        if shiboken6.isValid(self):  # else the window is gone: the log has it
            self.reported.emit(details)

    @Slot(str)
    def _show(self, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_details(details)
            return
        setup = logs.current_setup()
        path = str(setup.path) if setup is not None and setup.problem is None else "—"
        self.dialog = ErrorDialog(details, path, self.window)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def _closed(self) -> None:
        self.dialog = None


def install_error_reporting(window: QMainWindow) -> ErrorReporter:
    """Log uncaught exceptions and show them over ``window``; say in its status bar when
    the log file cannot be written. Returns the reporter (owned by the window)."""
    setup = logs.setup_logging()
    reporter = ErrorReporter(window)
    logs.install_exception_hooks(reporter.report)
    if setup.problem:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "ErrorReporting",
                "The log file cannot be written (%1): %2. DOST Desk runs without it.",
            )
            .replace("%1", str(setup.path))
            .replace("%2", setup.problem)
        )
    return reporter
