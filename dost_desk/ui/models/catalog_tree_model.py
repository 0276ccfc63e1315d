"""The classification tree (categories → services) as a Qt item model, with a search filter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from dost_desk.services.catalog import CategorySummary, ServiceSummary

PASSPORT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
IS_SERVICE_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


@dataclass
class _CategoryRow:
    code: str | None
    name: str
    services: list[ServiceSummary] = field(default_factory=list)


class CatalogTreeModel(QAbstractItemModel):
    """Two levels: category rows (internal id 0) and service rows (internal id = category + 1).

    ``set_filter`` keeps only the given services, in the given (ranked) order, and hides
    categories left empty; ``set_filter(None)`` shows the whole tree again.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tree: list[CategorySummary] = []
        self._rows: list[_CategoryRow] = []
        self._filter: list[str] | None = None

    # -- data in -------------------------------------------------------------------------
    def set_tree(self, tree: Sequence[CategorySummary]) -> None:
        self._tree = list(tree)
        self._rebuild()

    def set_filter(self, ranked_ids: Sequence[str] | None) -> None:
        self._filter = list(ranked_ids) if ranked_ids is not None else None
        self._rebuild()

    def _unclassified_name(self) -> str:
        return self.tr("Not classified")

    def _rebuild(self) -> None:
        self.beginResetModel()
        rows: list[_CategoryRow] = []
        rank = {pid: i for i, pid in enumerate(self._filter or ())}
        for node in self._tree:
            services = list(node.services)
            if self._filter is not None:
                services = sorted((s for s in services if s.id in rank), key=lambda s: rank[s.id])
                if not services:
                    continue
            name = f"{node.code} {node.name}" if node.code else self._unclassified_name()
            rows.append(_CategoryRow(node.code, name, services))
        self._rows = rows
        self.endResetModel()

    # -- queries -------------------------------------------------------------------------
    def service_count(self) -> int:
        return sum(len(row.services) for row in self._rows)

    def first_service_index(self) -> QModelIndex:
        for r, row in enumerate(self._rows):
            if row.services:
                return self.index(0, 0, self.index(r, 0))
        return QModelIndex()

    def index_of_service(self, passport_id: str) -> QModelIndex:
        for r, row in enumerate(self._rows):
            for s, service in enumerate(row.services):
                if service.id == passport_id:
                    return self.index(s, 0, self.index(r, 0))
        return QModelIndex()

    # -- QAbstractItemModel --------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._rows) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self._rows):
            return QModelIndex()
        if row >= len(self._rows[parent.row()].services):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._rows)
        if parent.internalId() == 0 and parent.column() == 0 and parent.row() < len(self._rows):
            return len(self._rows[parent.row()].services)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and section == 0
        ):
            return self.tr("Services")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == 0:
            row = self._rows[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{row.name} ({len(row.services)})"
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.name
            if role == IS_SERVICE_ROLE:
                return False
            return None
        service = self._rows[index.internalId() - 1].services[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{service.id}  {service.name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return service.name
        if role == PASSPORT_ID_ROLE:
            return service.id
        if role == IS_SERVICE_ROLE:
            return True
        return None
