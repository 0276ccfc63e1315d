"""Taking an application: start, variant, applicant, representative, documents, fee, draft.

One function per agent action, each in one unit of work, returning an ApplicationView.
The outcome (submit, refuse, later statuses) lives in :mod:`dost_desk.services.outcome`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dost_desk.catalog.catalog import UnknownVariant
from dost_desk.models.documents_checklist import ChecklistError, Submission, build_checklist
from dost_desk.models.field_rules import check_ticket_number
from dost_desk.models.identity import FieldProblem, check_free_text
from dost_desk.models.lifecycle import ApplicationStatus
from dost_desk.models.passport import MAX_DURATION, Duration, Passport
from dost_desk.models.tables import Application, ApplicationDocument, StatusChange
from dost_desk.models.vocabulary import ApplicationForm, FeeKind, ResponseForm
from dost_desk.models.working_calendar import Deadlines, compute_deadlines
from dost_desk.services.applications import application_view, checklist_of, load_application
from dost_desk.services.desk import Desk
from dost_desk.services.intake_dto import (
    ApplicationView,
    IntakeRuleBroken,
    InvalidInput,
)
from dost_desk.storage.unit_of_work import UnitOfWork


def new_id() -> str:
    return str(uuid.uuid4())


def record_status(desk: Desk, row: Application, target: str, note: str | None = None) -> None:
    """Append the status change to the history and set the new status."""
    row.history.append(
        StatusChange(
            uuid=new_id(),
            from_status=row.status,
            to_status=target,
            actor=desk.agent,
            at=desk.now(),
            note=note,
        )
    )
    row.status = target


def require_draft(row: Application) -> None:
    if row.status != ApplicationStatus.DRAFT:
        raise IntakeRuleBroken(
            "not_draft", f"application {row.registration_number or row.id} is {row.status}"
        )


def _check_variant(passport: Passport, variant: Mapping[str, str]) -> dict[str, str]:
    chosen = {key: value for key, value in variant.items() if value}
    missing = [d.key for d in passport.variants if d.key not in chosen]
    if missing:
        raise InvalidInput(
            {
                f"variant.{key}": FieldProblem("variant.required", f"choose the {key}")
                for key in missing
            }
        )
    return chosen


def _durations_beyond_bounds(passport: Passport) -> IntakeRuleBroken | None:
    durations = passport.durations
    stated = (durations.total, durations.front_office, durations.back_office) if durations else ()
    if any(d is not None and d.value > MAX_DURATION[d.unit] for d in stated):
        return _no_deadline(passport)
    return None


def _no_deadline(passport: Passport) -> IntakeRuleBroken:
    return IntakeRuleBroken(
        "passport.durations",
        f"the durations of passport {passport.id} give no deadline: the passport needs correcting",
    )


def _pair(duration: Duration | None) -> tuple[int, Any] | None:
    return None if duration is None else (duration.value, duration.unit)


def passport_deadlines(
    desk: Desk, session: Session, passport: Passport, start: datetime
) -> Deadlines | None:
    """The deadlines of an application of ``passport`` started at ``start`` (None when the
    passport states no durations); IntakeRuleBroken when its durations give no date."""
    durations = passport.durations
    if durations is None:
        return None
    beyond = _durations_beyond_bounds(passport)  # checked first: counting them takes long
    if beyond is not None:
        raise beyond
    try:
        return compute_deadlines(
            start,
            _pair(durations.total),
            _pair(durations.front_office),
            _pair(durations.back_office),
            desk.calendar(session),
        )
    except (OverflowError, ValueError):
        raise _no_deadline(passport) from None


def _allowed_application_forms(passport: Passport) -> set[ApplicationForm]:
    return {kind for entry in passport.application_forms for kind in entry.kinds}


def start_application(
    desk: Desk,
    passport_id: str,
    variant: Mapping[str, str],
    application_form: str,
    response_form: str | None = None,
    ticket_number: str | None = None,
) -> ApplicationView:
    """Open a draft application for a service; its checklist comes from the passport."""
    passport = desk.catalog.get(passport_id)
    if desk.settings.centre_category not in passport.centre_categories:
        raise IntakeRuleBroken("not_offered", f"{passport.id} is not offered at this centre")
    beyond = _durations_beyond_bounds(passport)  # no draft that could never be accepted
    if beyond is not None:
        raise beyond
    problems: dict[str, FieldProblem] = {}
    try:
        chosen = _check_variant(passport, variant)
        documents = desk.catalog.documents_for(passport, chosen)
    except UnknownVariant as error:
        problems["variant"] = FieldProblem("variant.unknown", str(error))
    except InvalidInput as error:
        problems.update(error.problems)
    allowed_forms = {f.value for f in _allowed_application_forms(passport)}
    if application_form not in allowed_forms:
        problems["application_form"] = FieldProblem(
            "application_form.not_allowed", "the passport does not list this application form"
        )
    if response_form:
        listed = {e.kind.value for e in passport.response_forms or ()}
        valid = listed or {f.value for f in ResponseForm}
        if response_form not in valid:
            problems["response_form"] = FieldProblem(
                "response_form.not_allowed", "the passport does not list this response form"
            )
    checked_ticket = check_ticket_number(ticket_number or "")
    ticket = checked_ticket.value
    if checked_ticket.problem is not None:
        problems["ticket_number"] = checked_ticket.problem
    if problems:
        raise InvalidInput(problems)
    checklist = build_checklist(passport, documents)
    with UnitOfWork(desk.engine) as uow:
        row = Application(
            id=new_id(),
            centre_code=desk.centre_code,
            passport_id=passport.id,
            passport_hash=_passport_hash(passport),
            ticket_number=ticket,
            variant=chosen,
            application_form=application_form,
            response_form=response_form or None,
            status=ApplicationStatus.DRAFT.value,
            agent=desk.agent,
            started_at=desk.now(),
            draft={},
        )
        uow.session.add(row)
        _sync_documents(uow.session, row, checklist)
        row.history.append(
            StatusChange(
                uuid=new_id(),
                from_status=None,
                to_status=row.status,
                actor=desk.agent,
                at=desk.now(),
            )
        )
        uow.commit()
        return application_view(desk, row)


def _passport_hash(passport: Passport) -> str:
    from dost_desk.storage.passport_store import passport_hash

    return passport_hash(passport.model_dump(mode="json"))


def _sync_documents(session: Session, row: Application, checklist) -> None:
    """Make the stored document rows equal to the checklist (keyed by document name)."""
    stored = {d.name: d for d in row.documents}
    wanted = {r.name for r in checklist.rows}
    for name, document in stored.items():
        if name not in wanted:
            row.documents.remove(document)
    session.flush()
    for position, item in enumerate(checklist.rows):
        document = stored.get(item.name)
        if document is None or document not in row.documents:
            document = ApplicationDocument(id=new_id(), name=item.name)
            row.documents.append(document)
        document.position = position
        document.submission = item.submission.value
        document.electronic_source = item.electronic_source


def change_variant(desk: Desk, application_id: str, variant: Mapping[str, str]) -> ApplicationView:
    """Choose another variant; documents that still apply keep what was ticked."""
    with UnitOfWork(desk.engine) as uow:
        row = load_application(uow.session, application_id)
        require_draft(row)
        passport = desk.catalog.get(row.passport_id)
        try:
            chosen = _check_variant(passport, variant)
            documents = desk.catalog.documents_for(passport, chosen)
        except UnknownVariant as error:
            raise InvalidInput({"variant": FieldProblem("variant.unknown", str(error))}) from None
        checklist = build_checklist(passport, documents, previous=checklist_of(desk, row))
        row.variant = chosen
        _sync_documents(uow.session, row, checklist)
        uow.commit()
        return application_view(desk, row)


def record_document(
    desk: Desk,
    application_id: str,
    name: str,
    submission: str,
    electronic_source: str | None = None,
) -> ApplicationView:
    """Record how one required document was given (a form, an electronic source, or not)."""
    try:
        kind = Submission(submission)
    except ValueError:
        raise InvalidInput(
            {"submission": FieldProblem("submission.unknown", f"unknown submission {submission!r}")}
        ) from None
    with UnitOfWork(desk.engine) as uow:
        row = load_application(uow.session, application_id)
        require_draft(row)
        try:
            checklist = checklist_of(desk, row).record(name, kind, electronic_source)
        except ChecklistError as error:
            raise InvalidInput({"documents": FieldProblem("documents.form", str(error))}) from None
        _sync_documents(uow.session, row, checklist)
        uow.commit()
        return application_view(desk, row)


def record_fee(
    desk: Desk, application_id: str, amount: str, method: str, reference: str
) -> ApplicationView:
    """Record the payment of a paid service before it is accepted."""
    problems: dict[str, FieldProblem] = {}
    try:
        value = round(float(amount.replace(",", ".")), 2)
        if value <= 0:
            raise ValueError
    except ValueError:
        problems["fee.amount"] = FieldProblem("fee.amount", "enter the amount paid, e.g. 5.00")
        value = 0.0
    for field, text in (("fee.method", method), ("fee.reference", reference)):
        checked = check_free_text(text, max_length=120, required=True)
        if checked.problem:
            problems[field] = checked.problem
    if problems:
        raise InvalidInput(problems)
    with UnitOfWork(desk.engine) as uow:
        row = load_application(uow.session, application_id)
        require_draft(row)
        passport = desk.catalog.get(row.passport_id)
        if not (passport.fee and passport.fee.kind is FeeKind.PAID):
            raise IntakeRuleBroken("fee.free", "this service is free: no fee is recorded")
        row.fee = {
            "amount": f"{value:.2f}",
            "method": method.strip(),
            "reference": reference.strip(),
        }
        uow.commit()
        return application_view(desk, row)


def save_draft(desk: Desk, application_id: str, draft: Mapping[str, Any]) -> bool:
    """Autosave: keep the form exactly as typed (also what does not validate yet).

    Returns False when the application is no longer a draft (nothing to keep).
    """
    with UnitOfWork(desk.engine) as uow:
        row = load_application(uow.session, application_id)
        if row.status != ApplicationStatus.DRAFT:
            return False
        row.draft = dict(draft)
        uow.commit()
        return True


def open_drafts(desk: Desk) -> list[str]:
    """IDs of this centre's unfinished drafts (to reopen after a crash), oldest first."""
    with UnitOfWork(desk.engine, write=False) as uow:
        statement = (
            select(Application.id)
            .where(Application.centre_code == desk.centre_code)
            .where(Application.status == ApplicationStatus.DRAFT.value)
            .order_by(Application.started_at)
        )
        return list(uow.session.scalars(statement))
