"""First start: a desk without a centre code asks for it (and the centre's category) once
and saves them in the config file, instead of numbering applications under a made-up code."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dost_desk.paths import config_file_path

CENTRE_CODE = re.compile(r"[A-E][0-9]{1,4}")  # the rule of config.Settings.centre_code
CATEGORIES = ("A", "B", "C", "D", "E")


def centre_code_configured() -> bool:
    """True when ``DOST_DESK_CENTRE_CODE`` or the config file names a centre code.

    Read cheaply, without pydantic, before the workspace loads; a file that cannot be
    read counts as configured: the full settings load then says what is wrong with it.
    """
    if os.environ.get("DOST_DESK_CENTRE_CODE", "").strip():
        return True
    path = config_file_path()
    try:
        with path.open("rb") as file:
            return bool(str(tomllib.load(file).get("centre_code", "")).strip())
    except FileNotFoundError:
        return False
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return True


class FirstStartDialog(QDialog):
    """The centre code (checked as it is typed) and category, saved into the config file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStartDialog")
        self.setWindowTitle(self.tr("Centre setup"))
        intro = QLabel(
            self.tr(
                "This desk has no centre code yet. Registration numbers begin with it, "
                "so enter this centre's own code (ask the administrator if unsure)."
            )
        )
        intro.setWordWrap(True)
        self.code = QLineEdit(objectName="centreCodeEdit")
        self.code.setPlaceholderText("C123")
        self.code.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Ea-e][0-9]{0,4}"), self.code)
        )
        self.code.textEdited.connect(self._code_edited)
        self.code_problem = QLabel(objectName="centreCodeProblem")
        self.code_problem.setStyleSheet("color: #b00020")
        self.category = QComboBox(objectName="centreCategoryBox")
        for letter in CATEGORIES:
            self.category.addItem(letter, letter)
        self.category.setCurrentIndex(CATEGORIES.index("C"))
        self.save_error = QLabel(objectName="saveError")
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Centre code"), self.code)
        form.addRow("", self.code_problem)
        form.addRow(self.tr("Centre category"), self.category)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.save_error)
        layout.addWidget(self.buttons)
        self._code_edited(self.code.text())

    def _code_edited(self, text: str) -> None:
        if text != text.upper():
            position = self.code.cursorPosition()
            self.code.setText(text.upper())
            self.code.setCursorPosition(position)
        valid = bool(CENTRE_CODE.fullmatch(self.code.text()))
        problem = "" if valid or not text else self.tr("A letter A–E and 1–4 digits, e.g. C123")
        self.code_problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid)

    def accept(self) -> None:
        from dost_desk.config import ConfigError
        from dost_desk.config_file import save_config_values

        if not CENTRE_CODE.fullmatch(self.code.text()):
            return
        values = {"centre_code": self.code.text(), "centre_category": self.category.currentData()}
        try:
            save_config_values(values)
        except ConfigError as error:
            self.save_error.setText(self.tr("Not saved: %1").replace("%1", str(error)))
            return
        super().accept()


def ask_centre_then(window: QWidget, proceed: Callable[[], None]) -> None:
    """Call ``proceed`` now when a centre code is configured; otherwise ask for it first
    (window-modal) and proceed once saved. Cancelling closes ``window``: a desk without
    its centre code cannot take applications."""
    if centre_code_configured():
        proceed()
        return
    dialog = FirstStartDialog(window)
    dialog.accepted.connect(proceed)
    dialog.rejected.connect(window.close)
    window._first_start_dialog = dialog  # kept while it is open
    dialog.open()
