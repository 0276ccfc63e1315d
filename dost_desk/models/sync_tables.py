"""The tables of offline sync (local SQLite desks): the outbox of local changes waiting to
be pushed upstream, the versions this desk and the central database agreed on, the
conflicts kept for the supervisor, and small facts about the sync (the pull cursor).

Every change here needs an Alembic migration (see ``tables.py``): 0005 made the outbox,
0006 the rest (and the change tracking of the central database).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dost_desk.models.base import Base, JsonDocument, UtcDateTime, utc_now
from dost_desk.models.tables import new_id

OUTBOX_OPERATIONS = ("upsert", "delete")


class OutboxEntry(Base):
    """One change of a synchronised row, written in the transaction that made it.

    ``payload`` (kept in :class:`OutboxPayload`) holds the row's column values as
    JSON-safe data (dates as ISO text); ``pushed_at`` is set once the change is committed
    upstream. The payload lives in a table of its own so that acknowledging thousands of
    pushed entries rewrites only these narrow rows, not the ~1 KB payloads.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint("operation IN ('upsert', 'delete')", name="operation"),
        Index("ix_outbox_pushed_at", "pushed_at"),
        Index("ix_outbox_application_id", "application_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)  # order
    table: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    # The application the row belongs to (None for applicants): held together on conflict.
    application_id: Mapped[str | None] = mapped_column(String(36))
    operation: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    pushed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    content: Mapped[OutboxPayload] = relationship(lazy="joined", cascade="all, delete-orphan")

    @property
    def payload(self) -> dict[str, Any]:
        return self.content.payload

    def __repr__(self) -> str:
        return f"OutboxEntry({self.id}, {self.operation} {self.table}/{self.row_id})"


class OutboxPayload(Base):
    """The row values of one outbox entry (see :class:`OutboxEntry`)."""

    __tablename__ = "outbox_payloads"

    entry_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("outbox.id", ondelete="CASCADE"), primary_key=True
    )
    payload: Mapped[dict[str, Any]] = mapped_column(JsonDocument)


SYNC_CONFLICT_RESOLUTIONS = ("local", "central")


class SyncConflict(Base):
    """One application changed here and in the central database since they last agreed.

    Both versions are kept: ``local`` and ``central`` hold the two rows (JSON-safe column
    values); neither side was overwritten. Until the supervisor resolves it, the
    application's local changes stay in the outbox, unpushed.
    """

    __tablename__ = "sync_conflicts"
    __table_args__ = (
        CheckConstraint("resolution IN ('local', 'central')", name="resolution"),
        Index("ix_sync_conflicts_application_id_resolved_at", "application_id", "resolved_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(String(36))
    registration_number: Mapped[str | None] = mapped_column(String(32))
    local: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    central: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    detected_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    resolution: Mapped[str | None] = mapped_column(String(8))
    resolved_by: Mapped[str | None] = mapped_column(String(64))

    def __repr__(self) -> str:
        return f"SyncConflict({self.application_id!r}, resolution={self.resolution!r})"


class SyncedVersion(Base):
    """The version of an application this desk and the central database last agreed on
    (after a push was committed, a pull applied, or a conflict resolved)."""

    __tablename__ = "synced_versions"

    application_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class SyncFact(Base):
    """A small fact of the sync: the pull cursor, the central database's identity, the
    time and outcome of the last sync."""

    __tablename__ = "sync_facts"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
