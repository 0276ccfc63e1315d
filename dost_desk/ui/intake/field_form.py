"""A form of labelled line edits, each with its message underneath, checked as you type."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from dost_desk.models.id_documents import check_id_document
from dost_desk.models.identity import (
    Checked,
    FieldProblem,
    check_birth_date,
    check_document_date,
    check_email,
    check_fin,
    check_free_text,
    check_person_name,
    check_phone,
    check_voen,
    normalise_fin_as_typed,
)
from dost_desk.ui.problem_messages import problem_text

ERROR_STYLE = "color: #b3261e;"

Checker = Callable[[str], Checked]


def person_checkers(
    today: Callable[[], date], id_patterns: Mapping[str, Sequence[str]] | None = None
) -> dict[str, Checker]:
    """Checks as the agent types; identity documents against the desk's formats."""
    return {
        "fin": check_fin,
        "id_document_number": lambda text: check_id_document("id_card", text, id_patterns),
        "surname": check_person_name,
        "name": check_person_name,
        "patronymic": lambda text: check_person_name(text, required=False),
        "birth_date": lambda text: check_birth_date(text, today()),
        "phone": check_phone,
        "email": check_email,
        "address": lambda text: check_free_text(text, 500),
        "voen": check_voen,
        "organisation_name": lambda text: check_free_text(text, 300, required=True),
        "authority_number": lambda text: check_free_text(text, 64, required=True),
        "authority_date": lambda text: check_document_date(text, today()),
        "authority_issuer": lambda text: check_free_text(text, 300, required=True),
        "ticket_number": lambda text: check_free_text(text, 16),
    }


class FieldForm(QWidget):
    """Line edits by field name; ``changed`` fires on every edit (for autosave)."""

    changed = Signal()

    def __init__(self, checkers: dict[str, Checker], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checkers = checkers
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.combos: dict[str, QComboBox] = {}
        self.rows: dict[str, list[QWidget]] = {}
        self.layout_ = QFormLayout(self)

    def add_line(self, name: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(objectName=f"field_{name}")
        edit.setPlaceholderText(placeholder)
        error = QLabel(objectName=f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(edit)
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(edit)
        self.layout_.addRow(caption, box)
        self.edits[name] = edit
        self.errors[name] = error
        self.rows[name] = [caption, box]
        edit.textEdited.connect(lambda _text, n=name: self._edited(n))
        edit.editingFinished.connect(lambda n=name: self.check(n))
        return edit

    def add_combo(self, name: str, label: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(objectName=f"field_{name}")
        for key, text in items:
            combo.addItem(text, key)
        caption = QLabel(label)
        caption.setBuddy(combo)
        self.layout_.addRow(caption, combo)
        self.combos[name] = combo
        self.rows[name] = [caption, combo]
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return combo

    def set_row_visible(self, name: str, visible: bool) -> None:
        for widget in self.rows[name]:
            widget.setVisible(visible)

    def _edited(self, name: str) -> None:
        edit = self.edits[name]
        if name == "fin":  # upper-cased on entry, as the agent types
            shown = normalise_fin_as_typed(edit.text())
            if shown != edit.text():
                position = edit.cursorPosition()
                edit.setText(shown)
                edit.setCursorPosition(min(position, len(shown)))
        self.check(name, only_when_complete=True)
        self.changed.emit()

    def check(self, name: str, only_when_complete: bool = False) -> bool:
        """Validate one field and show its message; True when it is valid."""
        checker = self._checkers.get(name)
        if checker is None or not self.edits[name].isVisibleTo(self):
            return True
        text = self.edits[name].text()
        result = checker(text)
        # While typing, an unfinished value is not an error yet; a wrong character is.
        quiet = (
            only_when_complete
            and result.problem is not None
            and result.problem.code.endswith((".required", ".length", ".format"))
        )
        self.show_problem(name, None if quiet else result.problem)
        return result.problem is None

    def check_all(self) -> bool:
        return all([self.check(name) for name in self.edits])

    def show_problem(self, name: str, problem: FieldProblem | None) -> None:
        label = self.errors.get(name)
        if label is None:
            return
        label.setText(problem_text(problem) if problem else "")
        label.setVisible(problem is not None)

    def show_problems(self, problems: dict[str, FieldProblem]) -> None:
        for name in self.errors:
            self.show_problem(name, problems.get(name))

    def values(self) -> dict[str, str]:
        data = {name: edit.text() for name, edit in self.edits.items()}
        data |= {name: combo.currentData() for name, combo in self.combos.items()}
        return data

    def set_values(self, data: dict) -> None:
        for name, value in data.items():
            if name in self.edits and isinstance(value, str):
                self.edits[name].setText(value)
            elif name in self.combos:
                index = self.combos[name].findData(value)
                if index >= 0:
                    self.combos[name].setCurrentIndex(index)

    def first_problem_field(self) -> QWidget | None:
        for name, label in self.errors.items():
            if label.isVisibleTo(self) and label.text():
                return self.edits[name]
        return None
