"""Back-office orders: made when an application is accepted, listed and exported per back
office (01 DSMF … 06 ƏƏSMN), and completed when the back office reports back, which
makes the application "ready". Qt-free, one function per action.

Passports that state no back office (seed 001: an assignment decision) order nothing:
their outcome is a decision document.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from dost_desk.checks.csv_table import CsvFileError, CsvRow, read_csv_table
from dost_desk.models.followup_tables import BackOfficeOrder, SupervisorItem
from dost_desk.models.identity import FieldProblem, check_free_text
from dost_desk.models.lifecycle import ApplicationStatus
from dost_desk.models.passport import Passport
from dost_desk.models.tables import Applicant, Application, StatusChange
from dost_desk.services.applications import applicant_view
from dost_desk.services.checks import defer_open_checks
from dost_desk.services.desk import BAKU, Desk
from dost_desk.services.intake import record_status
from dost_desk.services.intake_dto import IntakeRuleBroken, InvalidInput, NotFound
from dost_desk.services.notices import create_notice_for
from dost_desk.storage.unit_of_work import UnitOfWork

ORDER_STATUSES = ("open", "done", "cancelled")
EXPORT_FORMATS = ("csv", "json")
IMPORT_COLUMNS = "registration_number (or order_id), status (done or cancelled), reference"
EXPORT_COLUMNS = (
    "order_id",
    "registration_number",
    "back_office",
    "passport_id",
    "service",
    "variant",
    "applicant",
    "fin",
    "voen",
    "due_date",
    "created_at",
    "status",
    "reference",
)


@dataclass(frozen=True, slots=True)
class OrderView:
    id: str
    application_id: str
    registration_number: str | None
    application_status: str
    passport_id: str
    service: str
    variant: dict[str, str]
    applicant_name: str
    fin: str | None
    voen: str | None
    back_office: str
    back_office_name: str
    due_at: datetime | None
    status: str
    created_at: datetime
    done_at: datetime | None
    reference: str | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class OrderImportSummary:
    done: int
    cancelled: int
    unchanged: int
    encoding: str


# --- when an application is accepted ----------------------------------------------------


def back_office_for(desk: Desk, passport: Passport) -> str | None:
    """The back office that executes the passport: group 1 of its ID when the passport
    lists it among its back offices, else the first listed; None when none is stated."""
    if not passport.back_offices:
        return None
    listed = [office.code for office in passport.back_offices]
    group = passport.back_office_group
    if group in listed and desk.catalog.reference.back_office(group) is not None:
        return group
    return listed[0]


def create_order_for(desk: Desk, session: Session, row: Application) -> BackOfficeOrder | None:
    """The order of an accepted application, in the caller's session (idempotent: an
    existing order is returned). None when the passport orders nothing."""
    existing = session.scalar(
        select(BackOfficeOrder).where(BackOfficeOrder.application_id == row.id)
    )
    if existing is not None:
        return existing
    office = back_office_for(desk, desk.catalog.get(row.passport_id))
    if office is None:
        return None
    order = BackOfficeOrder(
        application_id=row.id,
        back_office=office,
        due_at=row.deadline_back or row.deadline_total,
        status="open",
        created_at=desk.now(),
    )
    session.add(order)
    return order


def on_application_submitted(
    desk: Desk, session: Session, row: Application, *, mark_ordered: bool = False
) -> None:
    """What accepting an application sets going, in the caller's unit of work (call it
    from ``submit_application`` after the deadlines are set, before the commit):

    * checks without an answer are deferred (re-run after the next sync);
    * the order to the back office (due: the back-office deadline), if the passport
      orders anything;
    * the E-sosial notice (due: ``notice_due``), if the passport gives a deadline.

    ``mark_ordered`` also moves the application to "ordered" when an order was made.
    """
    defer_open_checks(desk, session, row)
    order = create_order_for(desk, session, row)
    create_notice_for(desk, session, row)
    if order is not None and mark_ordered and row.status == ApplicationStatus.SUBMITTED:
        record_status(
            desk, row, ApplicationStatus.ORDERED.value, f"back office {order.back_office}"
        )


# --- reading ------------------------------------------------------------------------------


def _view(
    desk: Desk, order: BackOfficeOrder, app: Application, person: Applicant | None
) -> OrderView:
    office = desk.catalog.reference.back_office(order.back_office)
    passport = desk.catalog.get(app.passport_id)
    return OrderView(
        id=order.id,
        application_id=app.id,
        registration_number=app.registration_number,
        application_status=app.status,
        passport_id=app.passport_id,
        service=passport.name,
        variant=dict(app.variant or {}),
        applicant_name=applicant_view(person).display_name if person else "",
        fin=person.fin if person else None,
        voen=person.voen if person else None,
        back_office=order.back_office,
        back_office_name=office.short if office else order.back_office,
        due_at=order.due_at,
        status=order.status,
        created_at=order.created_at,
        done_at=order.done_at,
        reference=order.reference,
        overdue=order.status == "open" and order.due_at is not None and order.due_at < desk.now(),
    )


def _statement(desk: Desk) -> Select[tuple[BackOfficeOrder, Application, Applicant]]:
    return (
        select(BackOfficeOrder, Application, Applicant)
        .join(Application, Application.id == BackOfficeOrder.application_id)
        .outerjoin(Applicant, Applicant.id == Application.applicant_id)
        .where(Application.centre_code == desk.centre_code)
    )


def _check_office(desk: Desk, office: str | None) -> None:
    if office is not None and desk.catalog.reference.back_office(office) is None:
        known = ", ".join(b.code for b in desk.catalog.reference.back_offices)
        raise InvalidInput(
            {"office": FieldProblem("order.office", f"unknown back office {office!r} ({known})")}
        )


def list_orders(
    desk: Desk, office: str | None = None, status: str | None = None
) -> list[OrderView]:
    """This centre's orders, soonest due first; filtered by back office and status."""
    _check_office(desk, office)
    if status is not None and status not in ORDER_STATUSES:
        raise InvalidInput(
            {
                "status": FieldProblem(
                    "order.status", f"status is one of {', '.join(ORDER_STATUSES)}"
                )
            }
        )
    statement = _statement(desk)
    if office is not None:
        statement = statement.where(BackOfficeOrder.back_office == office)
    if status is not None:
        statement = statement.where(BackOfficeOrder.status == status)
    statement = statement.order_by(
        BackOfficeOrder.due_at.is_(None), BackOfficeOrder.due_at, BackOfficeOrder.created_at
    )
    with UnitOfWork(desk.engine, write=False) as uow:
        return [_view(desk, *found) for found in uow.session.execute(statement)]


def _export_row(order: OrderView) -> dict[str, str]:
    def local(moment: datetime | None, pattern: str) -> str:
        return moment.astimezone(BAKU).strftime(pattern) if moment else ""

    return {
        "order_id": order.id,
        "registration_number": order.registration_number or "",
        "back_office": order.back_office,
        "passport_id": order.passport_id,
        "service": order.service,
        "variant": "; ".join(f"{k}={v}" for k, v in order.variant.items()),
        "applicant": order.applicant_name,
        "fin": order.fin or "",
        "voen": order.voen or "",
        "due_date": local(order.due_at, "%Y-%m-%d"),
        "created_at": local(order.created_at, "%Y-%m-%dT%H:%M:%S%z"),
        "status": order.status,
        "reference": order.reference or "",
    }


def export_orders(desk: Desk, office: str, fmt: str, status: str | None = "open") -> str:
    """The orders of one back office as CSV (a header line, dates in Baku time) or JSON
    (``{"centre_code", "back_office", "exported_at", "orders": [...]}``)."""
    if fmt not in EXPORT_FORMATS:
        raise InvalidInput(
            {"format": FieldProblem("order.format", f"the format is {' or '.join(EXPORT_FORMATS)}")}
        )
    orders = list_orders(desk, office, status)
    rows = [_export_row(order) for order in orders]
    if fmt == "json":
        document = {
            "centre_code": desk.centre_code,
            "back_office": office,
            "exported_at": desk.now().isoformat(),
            "orders": rows,
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


# --- completing ---------------------------------------------------------------------------


def _find_order(
    desk: Desk, session: Session, key: str, *, lock: bool = False
) -> tuple[BackOfficeOrder, Application]:
    """The order by its ID, or by its application's ID or registration number.

    ``lock``: the order row is locked until the caller's transaction ends (``FOR UPDATE``
    on PostgreSQL; on SQLite the write transaction, begun IMMEDIATE, already is a lock),
    so a second agent closing the same order waits and then sees it closed.
    """
    key = key.strip()
    statement = _statement(desk).where(
        (BackOfficeOrder.id == key)
        | (Application.id == key)
        | (Application.registration_number == key)
    )
    if lock:
        # Lock first, then read afresh: the locking statement's joined rows would be
        # from before the wait (PostgreSQL re-reads only the locked row).
        session.execute(
            statement.with_only_columns(BackOfficeOrder.id).with_for_update(of=BackOfficeOrder)
        )
        statement = statement.execution_options(populate_existing=True)
    found = session.execute(statement).first()
    if found is None:
        raise NotFound(f"no back-office order for {key!r}")
    return found[0], found[1]


def _closed(session: Session, order: BackOfficeOrder, app: Application) -> IntakeRuleBroken:
    """The error for an order closed already, naming who closed it and how."""
    number = app.registration_number or app.id
    step = session.execute(
        select(StatusChange.actor, StatusChange.at)
        .where(
            StatusChange.application_id == app.id,
            StatusChange.to_status == ApplicationStatus.READY.value,
        )
        .order_by(StatusChange.at.desc())
        .limit(1)
    ).first()
    detail = f"reference {order.reference}" if order.reference else "no reference"
    if order.status == "done" and step is not None:
        detail += f", by {step.actor}"
    if order.done_at is not None:
        detail += f", at {order.done_at.astimezone(BAKU):%d.%m.%Y %H:%M}"
    return IntakeRuleBroken(
        "order.closed", f"the order of {number} is {order.status} already ({detail})"
    )


def complete_order(desk: Desk, key: str, reference: str = "") -> OrderView:
    """The back office has done the order (``key``: order ID or registration number):
    the order is closed with its reference and the application becomes "ready", in one
    transaction with the order row locked, so of agents closing one order at once
    exactly one succeeds and the others are told who did it.

    An order done already whose application still waits (submitted or ordered: a sync
    killed before its follow-up, or an order row set by an import) is repaired: the
    application becomes ready. Raises ``IntakeRuleBroken`` for any other closed order.
    """
    checked = check_free_text(reference, max_length=128)
    if checked.problem:
        raise InvalidInput({"reference": checked.problem})
    # Imported here: outcome.submit_application imports this module for its hook.
    from dost_desk.services.outcome import _transition

    with UnitOfWork(desk.engine) as uow:
        order, app = _find_order(desk, uow.session, key, lock=True)
        waiting = app.status in (ApplicationStatus.SUBMITTED, ApplicationStatus.ORDERED)
        if order.status == "done" and waiting:
            given = checked.value or order.reference
        elif order.status != "open":
            raise _closed(uow.session, order, app)
        else:
            given = checked.value
            order.status = "done"
            order.done_at = desk.now()
            order.reference = checked.value
        # Ready (or handed over) already: only the order was left to close.
        if app.status not in (ApplicationStatus.READY, ApplicationStatus.HANDED_OVER):
            _transition(app, ApplicationStatus.READY)
            note = f"back office {order.back_office} order done" + (f": {given}" if given else "")
            record_status(desk, app, ApplicationStatus.READY.value, note)
        uow.commit()
        person = uow.session.get(Applicant, app.applicant_id) if app.applicant_id else None
        return _view(desk, order, app, person)


def cancel_order(desk: Desk, key: str, reason: str) -> OrderView:
    """The back office will not do the order: it is cancelled and the supervisor is told
    (the application itself is the supervisor's decision)."""
    checked = check_free_text(reason, max_length=2000, required=True)
    if checked.problem:
        raise InvalidInput({"reason": checked.problem})
    with UnitOfWork(desk.engine) as uow:
        order, app = _find_order(desk, uow.session, key, lock=True)
        if order.status != "open":
            raise _closed(uow.session, order, app)
        order.status = "cancelled"
        order.done_at = desk.now()
        uow.session.add(
            SupervisorItem(
                application_id=app.id,
                reason="order_cancelled",
                detail=f"{app.registration_number}: back office {order.back_office} "
                f"cancelled the order: {checked.value}",
                created_at=desk.now(),
            )
        )
        uow.commit()
        person = uow.session.get(Applicant, app.applicant_id) if app.applicant_id else None
        return _view(desk, order, app, person)


# --- statuses coming back from the back office --------------------------------------------


def _import_problem(
    desk: Desk, session: Session, row: CsvRow, key_column: str
) -> tuple[str | None, str | None]:
    """(the action, the problem) for one line of a status file."""
    status = row.values.get("status", "").strip().lower()
    if status not in ("done", "cancelled"):
        return None, f"status {row.values.get('status', '')!r} is not done or cancelled"
    key = row.values[key_column]
    if not key:
        return None, f"no {key_column}"
    try:
        order, app = _find_order(desk, session, key)
    except NotFound as error:
        return None, str(error)
    if order.status == status:
        return "unchanged", None
    if order.status != "open":
        return None, f"the order of {app.registration_number or app.id} is {order.status}"
    return status, None


def import_order_statuses(desk: Desk, path: str | Path) -> OrderImportSummary:
    """Apply a status file from the back office: columns ``registration_number`` (or
    ``order_id``), ``status`` (done / cancelled) and ``reference`` (for cancelled: the
    reason). Every line is checked first: one bad line applies nothing. A line whose
    order already has that status is skipped, so a file can be imported twice."""
    try:
        table = read_csv_table(Path(path), IMPORT_COLUMNS)
    except CsvFileError as error:
        raise InvalidInput({"file": FieldProblem("orders.file", str(error))}) from None
    key_column = next((k for k in ("registration_number", "order_id") if k in table.keys), None)
    if key_column is None or "status" not in table.keys:
        message = f"line 1: expected the columns {IMPORT_COLUMNS}; found {', '.join(table.columns)}"
        raise InvalidInput(
            {"file": FieldProblem("orders.columns", f"{table.path.name}: {message}")}
        )
    actions: list[tuple[CsvRow, str]] = []
    problems: list[tuple[int | None, str]] = []
    seen: dict[str, int] = {}
    with UnitOfWork(desk.engine, write=False) as uow:
        for row in table.rows:
            action, problem = _import_problem(desk, uow.session, row, key_column)
            key = row.values[key_column]
            if problem is None and key in seen:
                problem = f"{key} is already on line {seen[key]}"
            seen.setdefault(key, row.line)
            if problem is not None or action is None:
                problems.append((row.line, problem or "unusable line"))
            else:
                actions.append((row, action))
    if problems:
        error = CsvFileError(table.path, problems)
        raise InvalidInput({"file": FieldProblem("orders.file", str(error))})
    counts = {"done": 0, "cancelled": 0, "unchanged": 0}
    for row, action in actions:
        reference = row.values.get("reference", "")
        if action == "done":
            complete_order(desk, row.values[key_column], reference)
        elif action == "cancelled":
            cancel_order(desk, row.values[key_column], reference or "cancelled by the back office")
        counts[action] += 1
    return OrderImportSummary(
        counts["done"], counts["cancelled"], counts["unchanged"], table.encoding
    )
