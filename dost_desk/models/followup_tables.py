"""The tables of what follows the intake: check results, offline reference tables,
back-office orders, E-sosial notices and the supervisor's list.

Every change here needs an Alembic migration (see ``tables.py``); migration 0004 made them.
Rows that are synchronised between centres have a client UUID (36 characters of text) as
their key, like the applications they belong to.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from dost_desk.models.base import Base, JsonDocument, UtcDateTime, utc_now
from dost_desk.models.tables import NullableJsonDocument, new_id

CHECK_PROVIDERS = ("manual", "reference", "http")
CHECK_RESULTS = ("confirmed", "not_confirmed", "unavailable", "deferred")
ORDER_STATUSES = ("open", "done", "cancelled")
NOTICE_KINDS = ("e_sosial",)
NOTICE_STATUSES = ("pending", "posted")
#: Known reasons for the supervisor's list (not a CHECK: later issues add reasons).
SUPERVISOR_REASONS = ("check_contradiction",)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def _application_fk() -> ForeignKey:
    return ForeignKey("applications.id", ondelete="CASCADE")


class CheckResult(Base):
    """One answer to a check step of an application (the newest one not superseded counts).

    ``result`` is what the provider said; ``deferred`` is the desk's decision to go on
    without the answer and re-run the check later (after the next sync or reconnect).
    """

    __tablename__ = "check_results"
    __table_args__ = (
        CheckConstraint(_one_of("provider", CHECK_PROVIDERS), name="provider"),
        CheckConstraint(_one_of("result", CHECK_RESULTS), name="result"),
        Index("ix_check_results_application_id_step", "application_id", "step"),
        Index("ix_check_results_deferred_superseded", "deferred", "superseded"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(String(36), _application_fk())
    step: Mapped[int] = mapped_column(Integer)
    system: Mapped[str] = mapped_column(String(64))
    provider: Mapped[str] = mapped_column(String(16))
    result: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(Text)
    reference: Mapped[str | None] = mapped_column(String(128))
    note: Mapped[str | None] = mapped_column(Text)
    raw: Mapped[dict[str, Any] | None] = mapped_column(NullableJsonDocument)
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    as_of: Mapped[date | None] = mapped_column(Date)
    deferred: Mapped[bool] = mapped_column(Boolean, default=False)
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)

    def __repr__(self) -> str:
        return f"CheckResult(step={self.step}, system={self.system!r}, result={self.result!r})"


class ReferenceRow(Base):
    """One person (FİN) or organisation (VÖEN) in an offline reference table of a system,
    as of the date of the extract it was imported from."""

    __tablename__ = "reference_rows"
    __table_args__ = (UniqueConstraint("system", "key"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    system: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(16))
    value: Mapped[dict[str, Any]] = mapped_column(JsonDocument, default=dict)
    as_of: Mapped[date] = mapped_column(Date)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)

    def __repr__(self) -> str:
        return f"ReferenceRow(system={self.system!r}, key={self.key!r}, as_of={self.as_of})"


class BackOfficeOrder(Base):
    """The order to the back office (01 DSMF … 06 ƏƏSMN) made when an application is
    accepted; ``done`` when the back office reports the result (the application is ready)."""

    __tablename__ = "back_office_orders"
    __table_args__ = (
        CheckConstraint(_one_of("status", ORDER_STATUSES), name="status"),
        Index("ix_back_office_orders_back_office_status", "back_office", "status"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(String(36), _application_fk(), unique=True)
    back_office: Mapped[str] = mapped_column(String(2))
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reference: Mapped[str | None] = mapped_column(String(128))

    def __repr__(self) -> str:
        return f"BackOfficeOrder(back_office={self.back_office!r}, status={self.status!r})"


class Notice(Base):
    """A notice to post to the applicant's E-sosial cabinet, due one working day before
    the deadline (seed 000 step 8); ``posted`` once the agent or the sender posted it."""

    __tablename__ = "notices"
    __table_args__ = (
        CheckConstraint(_one_of("kind", NOTICE_KINDS), name="kind"),
        CheckConstraint(_one_of("status", NOTICE_STATUSES), name="status"),
        UniqueConstraint("application_id", "kind"),
        Index("ix_notices_status_due", "status", "due"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(String(36), _application_fk())
    kind: Mapped[str] = mapped_column(String(16), default="e_sosial")
    due: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    posted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    posted_by: Mapped[str | None] = mapped_column(String(64))
    channel: Mapped[str | None] = mapped_column(String(16))
    response: Mapped[dict[str, Any] | None] = mapped_column(NullableJsonDocument)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)

    def __repr__(self) -> str:
        return f"Notice(kind={self.kind!r}, due={self.due}, status={self.status!r})"


class SupervisorItem(Base):
    """Something the centre supervisor must look at, e.g. a deferred check whose late
    answer contradicts an application that was already accepted."""

    __tablename__ = "supervisor_items"
    __table_args__ = (Index("ix_supervisor_items_resolved_at", "resolved_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(String(36), _application_fk(), index=True)
    reason: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    def __repr__(self) -> str:
        return f"SupervisorItem(reason={self.reason!r}, resolved_at={self.resolved_at!r})"
