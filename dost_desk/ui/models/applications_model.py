"""The applications of the centre as a table, filtered in memory as the agent types."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from dost_desk.models.local_time import BAKU
from dost_desk.text import fold_for_search
from dost_desk.ui.labels import status_label, sync_state_label

if TYPE_CHECKING:
    from dost_desk.services.intake_dto import ApplicationSummary

_Index = QModelIndex | QPersistentModelIndex
APPLICATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OPEN_STATUSES = ("submitted", "ordered", "ready")
OVERDUE = QColor("#f8d7da")
DUE_TODAY = QColor("#fff3cd")
CONFLICT = QColor("#b3261e")


def filter_key(summary: ApplicationSummary) -> str:
    """Everything a query may match, folded once: number, FİN, name, service, status."""
    parts = (
        summary.registration_number or "",
        summary.fin or "",
        summary.applicant_name,
        summary.passport_id,
        summary.status,
    )
    return fold_for_search(" ".join(parts))


class ApplicationsModel(QAbstractTableModel):
    COLUMNS = 7
    SYNC_COLUMN = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[tuple[ApplicationSummary, str]] = []
        self._rows: list[ApplicationSummary] = []
        self._query: list[str] = []
        self._status: str | None = None
        self.today: date = date.today()
        # Sync state of a local desk: the applications not synced; every other one is.
        self._sync_states: dict[str, str] = {}
        self._syncing = False

    def set_applications(self, summaries: Sequence[ApplicationSummary], today: date) -> None:
        self.today = today
        self._all = [(s, filter_key(s)) for s in summaries]
        self._refilter()

    def add_applications(self, summaries: Sequence[ApplicationSummary]) -> bool:
        """Add applications the list does not hold yet (found in the database); True when
        any was added (the caller filters again)."""
        known = {summary.id for summary, _ in self._all}
        new = [(s, filter_key(s)) for s in summaries if s.id not in known]
        if new:
            self._all.extend(new)
            self._all.sort(key=lambda item: item[0].started_at, reverse=True)
        return bool(new)

    def set_filter(self, query: str, status: str | None = None) -> None:
        self._query = fold_for_search(query).split()
        self._status = status or None
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rows = [
            summary
            for summary, key in self._all
            if (self._status is None or summary.status == self._status)
            and all(word in key for word in self._query)
        ]
        self.endResetModel()

    def set_sync_states(self, states: dict[str, str], syncing: bool = False) -> None:
        """``states``: the applications that are ``local`` or ``conflict``; while a sync
        runs (``syncing``) the local ones show as being sent."""
        self._sync_states = dict(states)
        self._syncing = syncing
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.SYNC_COLUMN), self.index(len(self._rows) - 1, self.SYNC_COLUMN)
            )

    def sync_state(self, summary: ApplicationSummary) -> str:
        state = self._sync_states.get(summary.id, "synced")
        return "syncing" if state == "local" and self._syncing else state

    def summary(self, row: int) -> ApplicationSummary:
        return self._rows[row]

    def status_label(self, status: str) -> str:
        return status_label(status)

    def urgency(self, summary: ApplicationSummary) -> str | None:
        """ "overdue" or "due_today" for open applications by their total deadline."""
        if summary.status not in OPEN_STATUSES or summary.deadline_total is None:
            return None
        due = summary.deadline_total.astimezone(BAKU).date()
        if due < self.today:
            return "overdue"
        if due == self.today or summary.notice_due == self.today:
            return "due_today"
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Registration number"),
            self.tr("Status"),
            self.tr("Service"),
            self.tr("Applicant"),
            self.tr("FİN"),
            self.tr("Deadline"),
            self.tr("Sync"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            deadline = summary.deadline_total and summary.deadline_total.astimezone(BAKU)
            values = (
                summary.registration_number or self.tr("(draft)"),
                self.status_label(summary.status),
                summary.passport_id,
                summary.applicant_name,
                summary.fin or "",
                deadline.strftime("%d.%m.%Y") if deadline else "",
                sync_state_label(self.sync_state(summary)),
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.SYNC_COLUMN:
            return QBrush(CONFLICT) if self.sync_state(summary) == "conflict" else None
        if role == Qt.ItemDataRole.BackgroundRole:
            urgency = self.urgency(summary)
            if urgency == "overdue":
                return QBrush(OVERDUE)
            if urgency == "due_today":
                return QBrush(DUE_TODAY)
        if role == Qt.ItemDataRole.ToolTipRole:
            urgency = self.urgency(summary)
            if urgency == "overdue":
                return self.tr("Overdue")
            if urgency == "due_today":
                return self.tr("Due today")
        if role == APPLICATION_ID_ROLE:
            return summary.id
        return None
