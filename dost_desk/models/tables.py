"""The tables. Every change here needs an Alembic migration in
``dost_desk/storage/migrations/versions`` (``alembic revision --autogenerate``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dost_desk.models.base import Base, JsonDocument, UtcDateTime, utc_now

HOLIDAY_KINDS = ("day_off", "working_day")


class Passport(Base):
    """A service passport as loaded from its YAML file; the database copy is what the
    counter uses (and, later, what is synchronised between centres)."""

    __tablename__ = "passports"

    id: Mapped[str] = mapped_column(String(11), primary_key=True)  # e.g. "01-08-02-00"
    name: Mapped[str] = mapped_column(Text)
    version_hash: Mapped[str] = mapped_column(String(64))  # sha256 hex of the source file
    body: Mapped[dict[str, Any]] = mapped_column(JsonDocument)  # the validated passport
    source_file: Mapped[str] = mapped_column(String(500))
    loaded_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)

    def __repr__(self) -> str:
        return f"Passport(id={self.id!r}, version_hash={self.version_hash[:12]!r})"


class HolidayOverride(Base):
    """A correction to the built-in calendar: a day off on a working day, or the reverse
    (the Cabinet of Ministers moves days off each year)."""

    __tablename__ = "holiday_overrides"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('day_off', 'working_day')",
            name="kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)

    def __repr__(self) -> str:
        return f"HolidayOverride(day={self.day.isoformat()}, kind={self.kind!r})"


class AppMeta(Base):
    """Small key/value facts about this database (e.g. which centre it belongs to)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
