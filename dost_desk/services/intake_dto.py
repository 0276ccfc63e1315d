"""What goes in and out of the intake service functions: plain data, no ORM, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from dost_desk.models.identity import FieldProblem


class InvalidInput(ValueError):
    """Fields the agent must correct; ``problems`` maps a field name to its problem."""

    def __init__(self, problems: dict[str, FieldProblem]) -> None:
        self.problems = problems
        first = next(iter(problems.items()))
        super().__init__(f"{first[0]}: {first[1].message}")


class NotFound(LookupError):
    """No application with this ID or registration number."""


class IntakeRuleBroken(ValueError):
    """An action the passport or the workflow does not allow right now, with the reason."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class ApplicantInput:
    """An applicant as typed.

    ``kind``: person, legal_entity, individual_entrepreneur or family_farm.
    """

    kind: str = "person"
    user_type: str = "citizen"
    fin: str = ""
    id_document_kind: str = "id_card"
    id_document_number: str = ""
    surname: str = ""
    name: str = ""
    patronymic: str = ""
    birth_date: str | date = ""
    voen: str = ""
    organisation_name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True, slots=True)
class RepresentativeInput:
    fin: str = ""
    id_document_kind: str = "id_card"
    id_document_number: str = ""
    surname: str = ""
    name: str = ""
    patronymic: str = ""
    birth_date: str | date = ""
    phone: str = ""
    authority_kind: str = "power_of_attorney"  # or guardianship
    authority_number: str = ""
    authority_date: str | date = ""
    authority_issuer: str = ""


@dataclass(frozen=True, slots=True)
class ApplicantView:
    id: str
    kind: str
    user_type: str | None
    fin: str | None
    voen: str | None
    surname: str | None
    name: str | None
    patronymic: str | None
    organisation_name: str | None
    birth_date: date | None
    id_document_kind: str | None
    id_document_number: str | None
    phone: str | None
    email: str | None
    address: str | None

    @property
    def display_name(self) -> str:
        if self.organisation_name:
            return self.organisation_name
        return " ".join(p for p in (self.surname, self.name, self.patronymic) if p)


@dataclass(frozen=True, slots=True)
class RepresentativeView:
    fin: str
    surname: str
    name: str
    patronymic: str | None
    birth_date: date | None
    id_document_kind: str | None
    id_document_number: str | None
    phone: str | None
    authority_kind: str
    authority_number: str
    authority_date: date
    authority_issuer: str


@dataclass(frozen=True, slots=True)
class DocumentView:
    name: str
    submission: str
    electronic_source: str | None
    allowed: tuple[str, ...]
    forms_stated: bool


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    from_status: str | None
    to_status: str
    actor: str
    at: datetime
    note: str | None


@dataclass(frozen=True, slots=True)
class ApplicationView:
    """Everything the GUI, the CLI and the printouts need about one application."""

    id: str
    registration_number: str | None
    status: str
    centre_code: str
    agent: str
    passport_id: str
    passport_name: str
    variant: dict[str, str]
    application_form: str
    response_form: str | None
    ticket_number: str | None
    applicant: ApplicantView | None
    representative: RepresentativeView | None
    documents: tuple[DocumentView, ...]
    complete: bool
    missing: tuple[str, ...]
    fee: dict[str, str] | None
    refusal: dict[str, object] | None
    cancel_reason: str | None
    started_at: datetime
    submitted_at: datetime | None
    outcome_at: datetime | None
    service_seconds: int | None
    operator_standard_minutes: int | None
    deadline_front: datetime | None
    deadline_back: datetime | None
    deadline_total: datetime | None
    notice_due: date | None
    history: tuple[HistoryEntry, ...] = field(default=())
    draft: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ApplicationSummary:
    """One row of the applications list."""

    id: str
    registration_number: str | None
    status: str
    passport_id: str
    applicant_name: str
    fin: str | None
    started_at: datetime
    deadline_total: datetime | None
    notice_due: date | None
