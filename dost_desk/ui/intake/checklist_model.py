"""The documents checklist of an application as a table: document | how it was given."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

if TYPE_CHECKING:
    from dost_desk.services.intake_dto import DocumentView

_Index = QModelIndex | QPersistentModelIndex

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class ChecklistModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentView] = []

    def set_documents(self, documents) -> None:
        self.beginResetModel()
        self._rows = list(documents)
        self.endResetModel()

    def document(self, row: int) -> DocumentView:
        return self._rows[row]

    def submission_label(self, document: DocumentView) -> str:
        labels = {
            "original": self.tr("Original"),
            "copy": self.tr("Copy"),
            "notarised_copy": self.tr("Notarised copy"),
            "electronic_copy": self.tr("Electronic copy"),
            "not_submitted": self.tr("Not submitted"),
        }
        if document.submission == "electronic_source":
            return self.tr("Obtained electronically from %1").replace(
                "%1", document.electronic_source or ""
            )
        return labels.get(document.submission, document.submission)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Submitted as"))[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        document = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return document.name if index.column() == 0 else self.submission_label(document)
        if role == Qt.ItemDataRole.ToolTipRole:
            return document.name
        if role == NAME_ROLE:
            return document.name
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            done = document.submission != "not_submitted"
            return QBrush(QColor("#1b7f3b") if done else QColor("#b3261e"))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
