"""Reading applications: one application, the list, earlier applicants (Qt-free)."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from dost_desk.models.documents_checklist import Checklist, Submission, checklist_from_records
from dost_desk.models.tables import Applicant, Application
from dost_desk.services.desk import Desk
from dost_desk.services.intake_dto import (
    ApplicantView,
    ApplicationSummary,
    ApplicationView,
    DocumentView,
    HistoryEntry,
    NotFound,
    RepresentativeView,
)
from dost_desk.storage.unit_of_work import UnitOfWork
from dost_desk.text import fold_for_search

# What application_view reads, loaded up front instead of one lazy query each.
_GRAPH = (
    selectinload(Application.documents),
    selectinload(Application.history),
    joinedload(Application.applicant),
    joinedload(Application.representative),
)


def load_application(session: Session, key: str) -> Application:
    """The application with this ID or registration number; raises NotFound."""
    key = key.strip()
    row = session.get(Application, key, options=_GRAPH)
    if row is None:
        statement = select(Application).where(Application.registration_number == key)
        row = session.scalar(statement.options(*_GRAPH))
    if row is None:
        raise NotFound(f"no application {key!r}")
    return row


def checklist_of(desk: Desk, row: Application) -> Checklist:
    passport = desk.catalog.get(row.passport_id)
    documents = desk.catalog.documents_for(passport, row.variant)
    records = {d.name: (Submission(d.submission), d.electronic_source) for d in row.documents}
    return checklist_from_records(passport, documents, records)


def applicant_view(row: Applicant) -> ApplicantView:
    return ApplicantView(
        id=row.id,
        kind=row.kind,
        user_type=row.user_type,
        fin=row.fin,
        voen=row.voen,
        surname=row.surname,
        name=row.name,
        patronymic=row.patronymic,
        organisation_name=row.organisation_name,
        birth_date=row.birth_date,
        id_document_kind=row.id_document_kind,
        id_document_number=row.id_document_number,
        phone=row.phone,
        email=row.email,
        address=row.address,
    )


def application_view(desk: Desk, row: Application) -> ApplicationView:
    """The DTO of one application (the session must still be open)."""
    passport = desk.catalog.get(row.passport_id)
    checklist = checklist_of(desk, row)
    rep = row.representative
    return ApplicationView(
        id=row.id,
        registration_number=row.registration_number,
        status=row.status,
        centre_code=row.centre_code,
        agent=row.agent,
        passport_id=row.passport_id,
        passport_name=passport.name,
        variant=dict(row.variant or {}),
        application_form=row.application_form,
        response_form=row.response_form,
        ticket_number=row.ticket_number,
        applicant=applicant_view(row.applicant) if row.applicant else None,
        representative=RepresentativeView(
            fin=rep.fin,
            surname=rep.surname,
            name=rep.name,
            patronymic=rep.patronymic,
            birth_date=rep.birth_date,
            id_document_kind=rep.id_document_kind,
            id_document_number=rep.id_document_number,
            phone=rep.phone,
            authority_kind=rep.authority_kind,
            authority_number=rep.authority_number,
            authority_date=rep.authority_date,
            authority_issuer=rep.authority_issuer,
        )
        if rep
        else None,
        documents=tuple(
            DocumentView(
                r.name,
                r.submission.value,
                r.electronic_source,
                tuple(f.value for f in r.allowed),
                r.forms_stated,
            )
            for r in checklist.rows
        ),
        complete=checklist.complete,
        missing=checklist.missing,
        fee=dict(row.fee) if row.fee else None,
        refusal=dict(row.refusal) if row.refusal else None,
        cancel_reason=row.cancel_reason,
        started_at=row.started_at,
        submitted_at=row.submitted_at,
        outcome_at=row.outcome_at,
        service_seconds=row.service_seconds,
        operator_standard_minutes=passport.operator_standard_minutes,
        deadline_front=row.deadline_front,
        deadline_back=row.deadline_back,
        deadline_total=row.deadline_total,
        notice_due=row.notice_due,
        history=tuple(
            HistoryEntry(h.from_status, h.to_status, h.actor, h.at, h.note) for h in row.history
        ),
        draft=dict(row.draft or {}),
    )


def get_application(desk: Desk, key: str) -> ApplicationView:
    """One application by ID or registration number."""
    with UnitOfWork(desk.engine, write=False) as uow:
        return application_view(desk, load_application(uow.session, key))


_SUMMARY_COLUMNS = (
    Application.id,
    Application.registration_number,
    Application.status,
    Application.passport_id,
    Application.started_at,
    Application.deadline_total,
    Application.notice_due,
    Applicant.organisation_name,
    Applicant.surname,
    Applicant.name,
    Applicant.patronymic,
    Applicant.fin,
)
#: Statuses of applications still in progress (shown whatever their age).
IN_PROGRESS = ("draft", "submitted", "ordered", "ready")


def _summaries(desk: Desk, statement) -> list[ApplicationSummary]:
    """Run a statement over :data:`_SUMMARY_COLUMNS` (plain rows: no ORM objects, so
    thousands of rows load in milliseconds)."""
    with UnitOfWork(desk.engine, write=False) as uow:
        return [
            ApplicationSummary(
                id=row.id,
                registration_number=row.registration_number,
                status=row.status,
                passport_id=row.passport_id,
                applicant_name=row.organisation_name
                or " ".join(p for p in (row.surname, row.name, row.patronymic) if p),
                fin=row.fin,
                started_at=row.started_at,
                deadline_total=row.deadline_total,
                notice_due=row.notice_due,
            )
            for row in uow.session.execute(statement)
        ]


def _summary_statement(desk: Desk):
    return (
        select(*_SUMMARY_COLUMNS)
        .outerjoin(Applicant, Application.applicant_id == Applicant.id)
        .where(Application.centre_code == desk.centre_code)
        .order_by(Application.started_at.desc(), Application.id)
    )


def list_applications(
    desk: Desk, status: str | None = None, query: str = "", limit: int | None = 500
) -> list[ApplicationSummary]:
    """Applications of this centre, newest first; ``query`` matches number, FİN, VÖEN, name."""
    statement = _summary_statement(desk)
    if status:
        statement = statement.where(Application.status == status)
    words = fold_for_search(query).split()
    for word in words:
        statement = statement.where(
            # autoescape: a % or _ typed by the agent matches itself, not everything
            or_(
                Applicant.search_key.contains(word, autoescape=True),
                Application.registration_number.icontains(word, autoescape=True),
            )
        )
    if limit is not None:
        statement = statement.limit(limit)
    return _summaries(desk, statement)


def recent_applications(desk: Desk, limit: int = 5000) -> list[ApplicationSummary]:
    """What the applications list holds in memory: the newest ``limit`` applications and
    up to ``limit`` older ones still in progress (their deadlines matter), newest first.
    Older ones are found with :func:`list_applications` and a query."""
    newest = _summaries(desk, _summary_statement(desk).limit(limit))
    if len(newest) < limit:
        return newest
    oldest_shown = newest[-1].started_at
    older_open = _summaries(
        desk,
        _summary_statement(desk)
        .where(Application.status.in_(IN_PROGRESS), Application.started_at < oldest_shown)
        .limit(limit),
    )
    known = {summary.id for summary in newest}
    return newest + [summary for summary in older_open if summary.id not in known]


def find_applicants(desk: Desk, query: str, limit: int = 20) -> list[ApplicantView]:
    """Earlier applicants by FİN, VÖEN or name (Azerbaijani-aware, ASCII typing matches)."""
    words = fold_for_search(query).split()
    if not words:
        return []
    statement = select(Applicant).order_by(Applicant.updated_at.desc()).limit(limit)
    for word in words:
        statement = statement.where(Applicant.search_key.contains(word, autoescape=True))
    with UnitOfWork(desk.engine, write=False) as uow:
        return [applicant_view(row) for row in uow.session.scalars(statement)]
