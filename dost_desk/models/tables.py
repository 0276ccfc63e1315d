"""The tables. Every change here needs an Alembic migration in
``dost_desk/storage/migrations/versions`` (``alembic revision --autogenerate``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import uuid4

from sqlalchemy import (
    JSON,
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
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

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


class ReferenceValue(Base):
    """Reference data set centrally and pulled by every desk (e.g. ``id_patterns``: the
    accepted identity-document number formats), as JSON under a key."""

    __tablename__ = "reference_values"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JsonDocument)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)


class AppMeta(Base):
    """Small key/value facts about this database (e.g. which centre it belongs to)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- the intake workflow (an application, müraciət) ----------------------------------
#
# Records that are synchronised between centres have a client UUID (uuid4 text) as their
# primary key, so two offline centres can never create the same key.

APPLICANT_KINDS = ("person", "legal_entity", "individual_entrepreneur", "family_farm")
APPLICATION_STATUSES = (
    "draft",
    "submitted",
    "ordered",
    "ready",
    "handed_over",
    "refused",
    "cancelled",
)
AUTHORITY_KINDS = ("power_of_attorney", "guardianship")
SUBMISSION_FORMS = (
    "original",
    "copy",
    "notarised_copy",
    "electronic_copy",
    "electronic_source",
    "not_submitted",
)

#: Like JsonDocument, but Python ``None`` is stored as SQL NULL (not JSON ``null``), so
#: ``column IS NULL`` finds the rows that have no value.
NullableJsonDocument = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


def new_id() -> str:
    """A new client-side primary key: a random UUID as 36 characters of text."""
    return str(uuid4())


def _one_of(column: str, values: tuple[str, ...]) -> str:
    """The SQL of a CHECK that ``column`` holds one of ``values``."""
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


class Applicant(Base):
    """The person or organisation an application is for."""

    __tablename__ = "applicants"
    __table_args__ = (CheckConstraint(_one_of("kind", APPLICANT_KINDS), name="kind"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(24))
    fin: Mapped[str | None] = mapped_column(String(7), index=True)
    voen: Mapped[str | None] = mapped_column(String(10), index=True)
    surname: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    patronymic: Mapped[str | None] = mapped_column(Text)
    organisation_name: Mapped[str | None] = mapped_column(Text)
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_document_kind: Mapped[str | None] = mapped_column(String(24))
    id_document_number: Mapped[str | None] = mapped_column(String(32))
    user_type: Mapped[str | None] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(16))
    email: Mapped[str | None] = mapped_column(String(254))
    address: Mapped[str | None] = mapped_column(Text)
    search_key: Mapped[str] = mapped_column(Text, index=True, default="")  # folded names, FİN…
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)

    def __repr__(self) -> str:
        return f"Applicant(id={self.id!r}, kind={self.kind!r})"


class Application(Base):
    """One application at the counter, from the first keystroke (draft) to its outcome.

    ``version`` is the optimistic-concurrency counter: a flush that updates a row another
    desk changed since it was read raises :class:`sqlalchemy.orm.exc.StaleDataError`.
    """

    __tablename__ = "applications"
    __table_args__ = (
        CheckConstraint(_one_of("status", APPLICATION_STATUSES), name="status"),
        Index("ix_applications_centre_code_status", "centre_code", "status"),
        Index("ix_applications_centre_code_started_at", "centre_code", "started_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    registration_number: Mapped[str | None] = mapped_column(String(32), unique=True)
    centre_code: Mapped[str] = mapped_column(String(8))
    passport_id: Mapped[str] = mapped_column(String(11), ForeignKey("passports.id"))
    passport_hash: Mapped[str] = mapped_column(String(64))  # the passport version used
    ticket_number: Mapped[str | None] = mapped_column(String(16))
    variant: Mapped[dict[str, str]] = mapped_column(JsonDocument, default=dict)
    application_form: Mapped[str] = mapped_column(String(24))
    response_form: Mapped[str | None] = mapped_column(String(24))
    applicant_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("applicants.id"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), index=True, default="draft")
    agent: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    outcome_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    service_seconds: Mapped[int | None] = mapped_column(Integer)
    deadline_front: Mapped[datetime | None] = mapped_column(UtcDateTime())
    deadline_back: Mapped[datetime | None] = mapped_column(UtcDateTime())
    deadline_total: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    notice_due: Mapped[date | None] = mapped_column(Date)
    fee: Mapped[dict[str, Any] | None] = mapped_column(NullableJsonDocument)
    refusal: Mapped[dict[str, Any] | None] = mapped_column(NullableJsonDocument)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    draft: Mapped[dict[str, Any]] = mapped_column(JsonDocument, default=dict)  # autosaved form
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    applicant: Mapped[Applicant | None] = relationship()
    representative: Mapped[Representative | None] = relationship(
        back_populates="application",
        uselist=False,
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    documents: Mapped[list[ApplicationDocument]] = relationship(
        back_populates="application",
        order_by="ApplicationDocument.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    history: Mapped[list[StatusChange]] = relationship(
        back_populates="application",
        order_by=lambda: (StatusChange.at, StatusChange.id),
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    def __repr__(self) -> str:
        return (
            f"Application(id={self.id!r}, registration_number={self.registration_number!r}, "
            f"status={self.status!r})"
        )


class Representative(Base):
    """Who acts for the applicant, and the authority document (etibarnamə, guardianship)."""

    __tablename__ = "representatives"
    __table_args__ = (
        CheckConstraint(_one_of("authority_kind", AUTHORITY_KINDS), name="authority_kind"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("applications.id", ondelete="CASCADE"), unique=True
    )
    fin: Mapped[str | None] = mapped_column(String(7))
    surname: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    patronymic: Mapped[str | None] = mapped_column(Text)
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_document_kind: Mapped[str] = mapped_column(String(24))
    id_document_number: Mapped[str] = mapped_column(String(32))
    phone: Mapped[str | None] = mapped_column(String(16))
    authority_kind: Mapped[str] = mapped_column(String(24))
    authority_number: Mapped[str] = mapped_column(String(64))
    authority_date: Mapped[date] = mapped_column(Date)
    authority_issuer: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)

    application: Mapped[Application] = relationship(back_populates="representative")

    def __repr__(self) -> str:
        return f"Representative(id={self.id!r}, authority_kind={self.authority_kind!r})"


class ApplicationDocument(Base):
    """One line of the documents checklist: how a required document was submitted."""

    __tablename__ = "application_documents"
    __table_args__ = (
        CheckConstraint(_one_of("submission", SUBMISSION_FORMS), name="submission"),
        UniqueConstraint("application_id", "name"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("applications.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    # The passport's requirement name: the key that survives a change of variant.
    name: Mapped[str] = mapped_column(Text)
    submission: Mapped[str] = mapped_column(String(24))
    electronic_source: Mapped[str | None] = mapped_column(Text)  # the system (Art. 30.5)
    note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)

    application: Mapped[Application] = relationship(back_populates="documents")

    def __repr__(self) -> str:
        return f"ApplicationDocument(name={self.name!r}, submission={self.submission!r})"


class StatusChange(Base):
    """One step of an application's status lifecycle (the audit trail of transitions)."""

    __tablename__ = "status_history"
    __table_args__ = (Index("ix_status_history_application_id_at", "application_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)  # local order only
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)  # for sync
    application_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("applications.id", ondelete="CASCADE")
    )
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    note: Mapped[str | None] = mapped_column(Text)

    application: Mapped[Application] = relationship(back_populates="history")

    def __repr__(self) -> str:
        return f"StatusChange({self.from_status!r} -> {self.to_status!r}, at={self.at!r})"


class RegistrationSequence(Base):
    """The last registration number issued per centre and year
    (see :mod:`dost_desk.storage.registration`)."""

    __tablename__ = "registration_sequences"

    centre_code: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_value: Mapped[int] = mapped_column(Integer)

    def __repr__(self) -> str:
        return f"RegistrationSequence({self.centre_code!r}, {self.year}, {self.last_value})"


class PrintedDocument(Base):
    """One printout of an application's document (the archive): the content to rebuild it,
    its hashes, and who printed it when. ``copy_number`` 1 is the original of a content;
    2, 3, … are reprints of that same content (printed with the DUBLİKAT mark)."""

    __tablename__ = "printed_documents"
    __table_args__ = (
        CheckConstraint("copy_number >= 1", name="copy_number"),
        Index("ix_printed_documents_application_id_kind", "application_id", "kind"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("applications.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(40))  # receipt, certificate, refusal, …
    profile: Mapped[str] = mapped_column(String(24))  # a4, roll80, …
    copy_number: Mapped[int] = mapped_column(Integer)
    duplicate: Mapped[bool] = mapped_column(Boolean)
    sha256: Mapped[str] = mapped_column(String(64))  # of the PDF bytes
    content_hash: Mapped[str] = mapped_column(String(64), index=True)  # of the content
    context: Mapped[dict[str, Any]] = mapped_column(JsonDocument)  # the printed content
    printed_by: Mapped[str] = mapped_column(String(64))
    printed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)

    def __repr__(self) -> str:
        return (
            f"PrintedDocument(kind={self.kind!r}, copy_number={self.copy_number}, "
            f"application_id={self.application_id!r})"
        )


# The follow-up tables (checks, orders, notices) and the sync outbox live in their own
# modules; importing the tables registers them all on Base.metadata (Alembic, schema
# comparisons).
from dost_desk.models import followup_tables, sync_tables  # noqa: E402, F401
