"""The outcome of an application: accept (submit), refuse, and the statuses after it."""

from __future__ import annotations

from collections.abc import Sequence

from dost_desk.models.identity import FieldProblem, check_free_text
from dost_desk.models.lifecycle import ApplicationStatus, IllegalTransition, check_transition
from dost_desk.models.passport import Passport
from dost_desk.models.tables import Application
from dost_desk.models.vocabulary import ApplicationForm, FeeKind
from dost_desk.services.applications import application_view, checklist_of, load_application
from dost_desk.services.checks import check_blockers
from dost_desk.services.desk import BAKU, Desk
from dost_desk.services.intake import passport_deadlines, record_status
from dost_desk.services.intake_dto import ApplicationView, IntakeRuleBroken, InvalidInput
from dost_desk.services.orders import on_application_submitted
from dost_desk.storage.registration import next_registration_number
from dost_desk.storage.unit_of_work import UnitOfWork

INCOMPLETE_DOCUMENTS = "incomplete_documents"


def what_blocks_acceptance(desk: Desk, row: Application) -> list[FieldProblem]:
    """Why the application cannot be accepted yet (empty when it can)."""
    passport = desk.catalog.get(row.passport_id)
    reasons = []
    if row.applicant is None:
        reasons.append(FieldProblem("accept.applicant", "the applicant is not entered"))
    if row.application_form == ApplicationForm.REPRESENTATIVE.value and row.representative is None:
        reasons.append(
            FieldProblem(
                "accept.representative",
                "the representative and the authority document are not entered",
            )
        )
    missing = checklist_of(desk, row).missing
    if missing:
        names = "; ".join(missing)
        reasons.append(
            FieldProblem("accept.documents", f"documents not submitted: {names}", {"names": names})
        )
    if passport.fee and passport.fee.kind is FeeKind.PAID and not row.fee:
        reasons.append(FieldProblem("accept.fee", "the fee payment is not recorded"))
    return reasons + check_blockers(desk, row)


def acceptance_blockers(desk: Desk, application_id: str) -> list[FieldProblem]:
    """What still keeps an application from being accepted (for the disabled button)."""
    with UnitOfWork(desk.engine, write=False) as uow:
        return what_blocks_acceptance(desk, load_application(uow.session, application_id))


def proposed_refusal_grounds(desk: Desk, application_id: str) -> list[str]:
    """Grounds to propose: "incomplete documents" when the checklist is incomplete."""
    with UnitOfWork(desk.engine, write=False) as uow:
        row = load_application(uow.session, application_id)
        passport = desk.catalog.get(row.passport_id)
        keys = {g.key for g in passport.refusal_grounds}
        if INCOMPLETE_DOCUMENTS in keys and checklist_of(desk, row).missing:
            return [INCOMPLETE_DOCUMENTS]
        return []


def _service_seconds(desk: Desk, row: Application) -> int:
    return max(0, int((desk.now() - row.started_at).total_seconds()))


def _transition(row: Application, target: ApplicationStatus) -> None:
    try:
        check_transition(ApplicationStatus(row.status), target)
    except IllegalTransition as error:
        raise IntakeRuleBroken("illegal_transition", str(error)) from None


def submit_application(desk: Desk, application_id: str) -> ApplicationView:
    """Accept: give the registration number, compute the deadlines, stop the timer."""
    with UnitOfWork(desk.engine) as uow:
        row = load_application(uow.session, application_id)
        _transition(row, ApplicationStatus.SUBMITTED)
        blockers = what_blocks_acceptance(desk, row)
        if blockers:
            reasons = "; ".join(b.message for b in blockers)
            raise IntakeRuleBroken("incomplete", f"cannot accept: {reasons}")
        passport: Passport = desk.catalog.get(row.passport_id)
        now = desk.now()
        local = now.astimezone(BAKU)
        deadlines = passport_deadlines(desk, uow.session, passport, local)
        row.registration_number = next_registration_number(uow.session, row.centre_code, local.year)
        if deadlines is not None:
            row.deadline_front = deadlines.front_office
            row.deadline_back = deadlines.back_office
            row.deadline_total = deadlines.total
            row.notice_due = deadlines.notice_due
        row.submitted_at = now
        row.outcome_at = now
        row.service_seconds = _service_seconds(desk, row)
        row.draft = {}
        record_status(desk, row, ApplicationStatus.SUBMITTED.value)
        # Its reads need nothing of this unit's pending changes: one flush, at the commit.
        with uow.session.no_autoflush:
            on_application_submitted(desk, uow.session, row)  # order + E-sosial notice
        uow.commit()
        return application_view(desk, row)


def refuse_application(
    desk: Desk,
    application_id: str,
    grounds: Sequence[str],
    reason: str = "",
    legal_basis: str | None = None,
) -> ApplicationView:
    """Refuse on one or more of the passport's grounds, with the legal basis and a reason."""
    checked_reason = check_free_text(reason, max_length=2000)
    with UnitOfWork(desk.engine) as uow:
        row = load_application(uow.session, application_id)
        _transition(row, ApplicationStatus.REFUSED)
        passport = desk.catalog.get(row.passport_id)
        known = {g.key: g.text for g in passport.refusal_grounds}
        problems: dict[str, FieldProblem] = {}
        if not grounds:
            problems["grounds"] = FieldProblem("refusal.no_ground", "choose at least one ground")
        unknown = [g for g in grounds if g not in known]
        if unknown:
            problems["grounds"] = FieldProblem(
                "refusal.unknown_ground", "not a ground of this passport: " + ", ".join(unknown)
            )
        if checked_reason.problem:
            problems["reason"] = checked_reason.problem
        if legal_basis and legal_basis not in passport.legal_bases:
            problems["legal_basis"] = FieldProblem(
                "refusal.legal_basis", "choose one of the passport's legal bases"
            )
        if problems:
            raise InvalidInput(problems)
        now = desk.now()
        row.refusal = {
            "grounds": list(dict.fromkeys(grounds)),
            "ground_texts": [known[g] for g in dict.fromkeys(grounds)],
            "legal_basis": legal_basis,
            "reason": checked_reason.value or "",
        }
        row.outcome_at = now
        row.service_seconds = _service_seconds(desk, row)
        row.draft = {}
        record_status(desk, row, ApplicationStatus.REFUSED.value)
        uow.commit()
        return application_view(desk, row)


def change_status(desk: Desk, application_id: str, target: str, note: str = "") -> ApplicationView:
    """Ordered, ready, handed over or cancelled (a cancellation needs its reason)."""
    try:
        status = ApplicationStatus(target)
    except ValueError:
        raise InvalidInput(
            {"status": FieldProblem("status.unknown", f"unknown status {target!r}")}
        ) from None
    if status in (ApplicationStatus.SUBMITTED, ApplicationStatus.REFUSED):
        raise IntakeRuleBroken("status.use_outcome", f"use the {status.value} action instead")
    checked = check_free_text(note, 2000, required=status is ApplicationStatus.CANCELLED)
    if checked.problem:
        raise InvalidInput({"note": checked.problem})
    with UnitOfWork(desk.engine) as uow:
        row = load_application(uow.session, application_id)
        _transition(row, status)
        if status is ApplicationStatus.CANCELLED:
            row.cancel_reason = checked.value
            row.draft = {}
        record_status(desk, row, status.value, checked.value)
        uow.commit()
        return application_view(desk, row)
