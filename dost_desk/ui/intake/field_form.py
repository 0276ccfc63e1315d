"""A form of labelled line edits, each with its message underneath, checked as you type."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from dost_desk.models.field_rules import DEPENDS_ON, FIELD_RULES, FieldContext, check_field
from dost_desk.models.identity import FieldProblem, normalise_fin_as_typed
from dost_desk.ui.problem_messages import problem_text

ERROR_STYLE = "color: #b3261e;"


class FieldForm(QWidget):
    """Line edits by field name; ``changed`` fires on every edit (for autosave).

    Fields named in :data:`~dost_desk.models.field_rules.FIELD_RULES` are checked as the
    agent types with the services' own rules, in ``context()`` (None: no checks) with the
    choices made on the form (the identity document type).
    """

    changed = Signal()

    def __init__(
        self,
        context: Callable[[], FieldContext] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
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
        combo.currentIndexChanged.connect(lambda _i, n=name: self._combo_changed(n))
        return combo

    def _combo_changed(self, name: str) -> None:
        for field, choices in DEPENDS_ON.items():  # e.g. the number, for its document type
            if name in choices and field in self.edits:
                self.check(field, only_when_complete=not self.edits[field].text())
        self.changed.emit()

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
        if self._context is None or name not in FIELD_RULES:
            return True
        if not self.edits[name].isVisibleTo(self):
            return True
        result = check_field(name, self.edits[name].text(), self._with_choices(self._context()))
        # While typing, an unfinished value is not an error yet; a wrong character is.
        quiet = (
            only_when_complete
            and result.problem is not None
            and result.problem.code.endswith((".required", ".length", ".format"))
        )
        self.show_problem(name, None if quiet else result.problem)
        return result.problem is None

    def _with_choices(self, context: FieldContext) -> FieldContext:
        """The rules' context with the choices made on this form (the document type)."""
        kind = self.combos.get("id_document_kind")
        if kind is not None and kind.currentData():
            context = replace(context, id_document_kind=kind.currentData())
        return context

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
