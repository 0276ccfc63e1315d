"""The tables of offline sync: the outbox of local changes waiting to be pushed upstream.

Every change here needs an Alembic migration (see ``tables.py``); migration 0005 made it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from dost_desk.models.base import Base, JsonDocument, UtcDateTime, utc_now

OUTBOX_OPERATIONS = ("upsert", "delete")


class OutboxEntry(Base):
    """One change of a synchronised row, written in the transaction that made it.

    ``payload`` holds the row's column values as JSON-safe data (dates as ISO text);
    ``pushed_at`` is set once the change is committed upstream.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint("operation IN ('upsert', 'delete')", name="operation"),
        Index("ix_outbox_pushed_at", "pushed_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)  # order
    table: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    operation: Mapped[str] = mapped_column(String(8))
    payload: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    pushed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    def __repr__(self) -> str:
        return f"OutboxEntry({self.id}, {self.operation} {self.table}/{self.row_id})"
