"""The checks a passport names (seed 000 steps 4 and 5): run, record, defer, re-run.

One function per action, Qt-free. Providers are asked outside any database transaction
(a slow system must not hold the write lock other desks wait for); the answers are
stored afterwards in one unit of work. A system that cannot answer makes the check
*deferred* when the passport allows it; deferred checks are re-run by
:func:`rerun_deferred_checks` after a sync or reconnect, and a late answer that
contradicts an accepted application goes on the supervisor's list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, object_session

from dost_desk.checks.base import CheckOutcome, CheckRequest, CheckResultKind, ManualEntry
from dost_desk.checks.csv_table import CsvFileError
from dost_desk.checks.manual import ManualProvider
from dost_desk.checks.reference import as_rows, parse_reference_csv
from dost_desk.checks.registry import provider_for
from dost_desk.checks.rules import rule_conflicts
from dost_desk.checks.runner import Asks, run_checks_in_parallel
from dost_desk.models.followup_tables import CheckResult, ReferenceRow, SupervisorItem
from dost_desk.models.identity import FieldProblem, check_free_text, parse_date
from dost_desk.models.passport import Passport, Step
from dost_desk.models.tables import Application
from dost_desk.services.applications import load_application
from dost_desk.services.desk import Desk
from dost_desk.services.intake_dto import IntakeRuleBroken, InvalidInput, NotFound
from dost_desk.storage.unit_of_work import UnitOfWork

PENDING = "pending"
#: Statuses of an application that was accepted: a contradicting answer needs the supervisor.
ACCEPTED_STATUSES = frozenset({"submitted", "ordered", "ready", "handed_over"})
_CLOSED_STATUSES = frozenset({"refused", "cancelled", "handed_over"})


@dataclass(frozen=True, slots=True)
class CheckView:
    """One check step of an application and its latest result.

    ``status``: pending (no result yet: run it, or enter it by hand), confirmed,
    not_confirmed, unavailable (the system could not answer and the check may not be
    deferred) or deferred (to be re-run). ``conflicts``: the passport's outcome rules the
    result breaks for the chosen variant.
    """

    step: int
    step_text: str
    subject: str
    systems: tuple[str, ...]
    system_names: tuple[str, ...]
    providers: tuple[str, ...]  # the configured provider of each system
    deferrable: bool
    informational: bool
    status: str
    system: str | None = None
    provider: str | None = None
    summary: str | None = None
    reference: str | None = None
    note: str | None = None
    actor: str | None = None
    at: datetime | None = None
    as_of: date | None = None
    conflicts: tuple[str, ...] = ()
    raw: dict[str, Any] | None = None

    @property
    def automatic(self) -> bool:
        """True when some system of the check is asked by a provider, not the agent."""
        return any(p != "manual" for p in self.providers)

    @property
    def answered(self) -> bool:
        return self.status in (CheckResultKind.CONFIRMED, CheckResultKind.NOT_CONFIRMED)


@dataclass(frozen=True, slots=True)
class ChecksSummary:
    """The checks of one application, for ``app show --json`` and the receipt."""

    checks: tuple[CheckView, ...]

    @property
    def pending(self) -> int:
        return sum(c.status == PENDING for c in self.checks)

    @property
    def deferred(self) -> int:
        return sum(c.status == CheckResultKind.DEFERRED for c in self.checks)

    @property
    def conflicts(self) -> tuple[str, ...]:
        return tuple(f"step {c.step}: {text}" for c in self.checks for text in c.conflicts)

    @property
    def complete(self) -> bool:
        return all(c.answered for c in self.checks)


@dataclass(frozen=True, slots=True)
class RerunSummary:
    """What :func:`rerun_deferred_checks` did."""

    tried: int  # deferred checks asked again
    answered: int  # that now have an answer
    still_deferred: int  # whose system still could not answer
    awaiting_manual_entry: int  # deferred checks no provider can run (manual systems)
    supervisor_items: tuple[str, ...]  # what went on the supervisor's list


@dataclass(frozen=True, slots=True)
class SupervisorItemView:
    id: str
    application_id: str
    registration_number: str | None
    reason: str
    detail: str
    created_at: datetime
    resolved_at: datetime | None


@dataclass(frozen=True, slots=True)
class ReferenceImportSummary:
    system: str
    rows: int
    replaced: int  # rows of the previous extract that were removed
    as_of: date
    encoding: str
    delimiter: str
    key_column: str
    configured_provider: str  # the table is used only when this is "reference"


# --- reading ----------------------------------------------------------------------------


def latest_results(session: Session, application_id: str) -> dict[int, CheckResult]:
    """The current (not superseded) result of each check step of an application."""
    rows = session.scalars(
        select(CheckResult)
        .where(CheckResult.application_id == application_id, CheckResult.superseded.is_(False))
        .order_by(CheckResult.at, CheckResult.id)
    )
    return {row.step: row for row in rows}


def _status(row: CheckResult | None) -> str:
    if row is None:
        return PENDING
    return CheckResultKind.DEFERRED.value if row.deferred else row.result


def _view(
    desk: Desk, passport: Passport, step: Step, app: Application, row: CheckResult | None
) -> CheckView:
    check = step.check
    assert check is not None
    names = {s.key: s.name for s in passport.meis_subsystems}
    systems = step.check_systems
    conflicts = rule_conflicts(check, row.result, app.variant or {}) if row else []
    return CheckView(
        step=step.number,
        step_text=step.text,
        subject=check.subject,
        systems=systems,
        system_names=tuple(names.get(s, s) for s in systems),
        providers=tuple(desk.settings.check_provider(s).provider for s in systems),
        deferrable=check.deferrable,
        informational=check.informational,
        status=_status(row),
        system=row.system if row else None,
        provider=row.provider if row else None,
        summary=row.summary if row else None,
        reference=row.reference if row else None,
        note=row.note if row else None,
        actor=row.actor if row else None,
        at=row.at if row else None,
        as_of=row.as_of if row else None,
        conflicts=tuple(conflicts),
        raw=dict(row.raw) if row and row.raw else None,
    )


def summarise_checks(desk: Desk, session: Session, row: Application) -> list[CheckView]:
    """The check views of an application loaded in ``session`` (for application_view)."""
    passport = desk.catalog.get(row.passport_id)
    latest = latest_results(session, row.id)
    return [_view(desk, passport, s, row, latest.get(s.number)) for s in passport.check_steps()]


def checks_for_application(desk: Desk, key: str) -> list[CheckView]:
    """The passport's check steps for an application (ID or registration number), each
    with its latest result; empty when the passport names no check."""
    with UnitOfWork(desk.engine, write=False) as uow:
        row = load_application(uow.session, key)
        return summarise_checks(desk, uow.session, row)


def checks_summary(desk: Desk, key: str) -> ChecksSummary:
    """The checks of an application with counts (pending, deferred, conflicts)."""
    return ChecksSummary(tuple(checks_for_application(desk, key)))


def check_blockers(desk: Desk, row: Application) -> list[FieldProblem]:
    """Why the checks keep ``row`` (loaded in a session) from being accepted: a result
    that breaks an outcome rule, or a check that may not be deferred and has no answer."""
    session = object_session(row)
    if session is None:
        raise ValueError("check_blockers needs an application loaded in a session")
    problems = []
    for view in summarise_checks(desk, session, row):
        for text in view.conflicts:
            problems.append(
                FieldProblem(
                    "accept.check_conflict", f"check {view.step}: {text}", {"step": str(view.step)}
                )
            )
        if not view.deferrable and not view.answered:
            problems.append(
                FieldProblem(
                    "accept.check_required",
                    f"check {view.step} ({', '.join(view.systems)}) has no answer and "
                    "cannot be deferred",
                    {"step": str(view.step)},
                )
            )
    return problems


# --- running ----------------------------------------------------------------------------


def _request(
    row: Application, step: Step, system: str, manual: ManualEntry | None = None
) -> CheckRequest:
    applicant = row.applicant
    assert step.check is not None
    return CheckRequest(
        system=system,
        step=step.number,
        subject=step.check.subject,
        application_id=row.id,
        passport_id=row.passport_id,
        fin=applicant.fin if applicant else None,
        voen=applicant.voen if applicant else None,
        registration_number=row.registration_number,
        variant=dict(row.variant or {}),
        manual=manual,
    )


def _asks(desk: Desk, row: Application, step: Step) -> Asks:
    """Requests to the automatic providers of a step's systems, in the passport's order."""
    providers = [provider_for(s, desk.settings, desk.engine, desk.now) for s in step.check_systems]
    return tuple(
        (_request(row, step, system), provider)
        for system, provider in zip(step.check_systems, providers, strict=True)
        if provider.automatic
    )


def _store(
    desk: Desk,
    session: Session,
    row: Application,
    step: Step,
    outcome: CheckOutcome,
    deferred: bool | None = None,
    flagged: list[str] | None = None,
) -> CheckResult:
    """Store an outcome as the step's current result; a late contradiction of an
    accepted application goes on the supervisor's list (its detail appended to
    ``flagged``). ``deferred`` None: deferred when unanswered and the passport allows."""
    assert step.check is not None
    for old in session.scalars(
        select(CheckResult).where(
            CheckResult.application_id == row.id,
            CheckResult.step == step.number,
            CheckResult.superseded.is_(False),
        )
    ):
        old.superseded = True
    result = CheckResultKind(outcome.result)
    stored = CheckResult(
        application_id=row.id,
        step=step.number,
        system=outcome.system,
        provider=outcome.provider,
        result=result.value,
        summary=outcome.summary,
        reference=outcome.reference,
        note=outcome.note,
        raw=outcome.raw,
        actor=outcome.actor or desk.agent,
        at=outcome.at,
        as_of=outcome.as_of,
        deferred=(not result.is_answer and step.check.deferrable) if deferred is None else deferred,
        superseded=False,
    )
    session.add(stored)
    if row.status in ACCEPTED_STATUSES:
        for conflict in rule_conflicts(step.check, result.value, row.variant or {}):
            item = _contradiction(desk, row, stored, conflict)
            session.add(item)
            if flagged is not None:
                flagged.append(item.detail)
    return stored


def _contradiction(desk: Desk, row: Application, result: CheckResult, text: str) -> SupervisorItem:
    variant = ", ".join(f"{k}={v}" for k, v in (row.variant or {}).items()) or "-"
    detail = (
        f"{row.registration_number or row.id}: check {result.step} ({result.system}, "
        f"{result.provider}) says {text}; the application was accepted with {variant}"
    )
    return SupervisorItem(
        application_id=row.id, reason="check_contradiction", detail=detail, created_at=desk.now()
    )


def _open_application(session: Session, key: str) -> Application:
    row = load_application(session, key)
    if row.status in _CLOSED_STATUSES:
        raise IntakeRuleBroken(
            "checks.closed", f"application {row.registration_number or row.id} is {row.status}"
        )
    return row


def run_checks(desk: Desk, key: str) -> list[CheckView]:
    """Run every check of the application whose systems have an automatic provider
    (reference, http); checks of manual systems stay pending for the agent's entry, and
    a result the agent entered is kept. A system that cannot answer defers the check
    (when the passport allows it). Returns the checks with their latest results."""
    with UnitOfWork(desk.engine, write=False) as uow:
        row = _open_application(uow.session, key)
        if row.applicant is None:
            raise IntakeRuleBroken("checks.no_applicant", "enter the applicant before the checks")
        passport = desk.catalog.get(row.passport_id)
        latest = latest_results(uow.session, row.id)
        steps = [
            step
            for step in passport.check_steps()
            if not _entered_by_agent(latest.get(step.number))
        ]
        asks = [_asks(desk, row, step) for step in steps]
        application_id = row.id
    outcomes = run_checks_in_parallel(asks)
    with UnitOfWork(desk.engine) as uow:
        row = load_application(uow.session, application_id)
        latest = latest_results(uow.session, row.id)
        for step, outcome in zip(steps, outcomes, strict=True):
            current = latest.get(step.number)
            if outcome is None or _entered_by_agent(current):
                continue  # nothing to ask, or the agent entered an answer meanwhile
            if not outcome.result.is_answer and _is_answer(current):
                continue  # a system down now does not erase the answer it gave before
            _store(desk, uow.session, row, step, outcome)
        uow.commit()
        return summarise_checks(desk, uow.session, row)


def _is_answer(row: CheckResult | None) -> bool:
    return row is not None and CheckResultKind(row.result).is_answer


def _entered_by_agent(row: CheckResult | None) -> bool:
    """An answer the agent entered is kept: the agent looked at the system itself."""
    return _is_answer(row) and row is not None and row.provider == ManualProvider.name


def _check_step(passport: Passport, number: int) -> Step:
    """The check step ``number``; raises InvalidInput when it is not a check."""
    step = next((s for s in passport.check_steps() if s.number == number), None)
    if step is None:
        raise InvalidInput({"step": _not_a_check(passport, number)})
    return step


def _not_a_check(passport: Passport, number: int) -> FieldProblem:
    numbers = ", ".join(str(s.number) for s in passport.check_steps()) or "none"
    return FieldProblem(
        "check.step",
        f"step {number} is not a check of {passport.id} (checks: {numbers})",
        {"step": str(number)},
    )


def record_manual_check(
    desk: Desk,
    key: str,
    step: int,
    result: str,
    reference: str = "",
    note: str = "",
    system: str | None = None,
) -> CheckView:
    """Record what the agent saw in the system for a check step (confirmed or
    not_confirmed, the reference number, a note); the agent and the time are kept.
    ``system`` defaults to the check's first system."""
    problems: dict[str, FieldProblem] = {}
    if result not in (CheckResultKind.CONFIRMED, CheckResultKind.NOT_CONFIRMED):
        problems["result"] = FieldProblem(
            "check.result", "the result is confirmed or not_confirmed", {"result": str(result)}
        )
    checked_reference = check_free_text(reference, max_length=128)
    checked_note = check_free_text(note, max_length=2000)
    for name, checked in (("reference", checked_reference), ("note", checked_note)):
        if checked.problem:
            problems[name] = checked.problem
    with UnitOfWork(desk.engine) as uow:
        row = _open_application(uow.session, key)
        passport = desk.catalog.get(row.passport_id)
        check_step = next((s for s in passport.check_steps() if s.number == step), None)
        if check_step is None:
            problems["step"] = _not_a_check(passport, step)
        elif system and system not in check_step.check_systems:
            problems["system"] = FieldProblem(
                "check.system",
                f"check {step} asks {', '.join(check_step.check_systems)}, not {system}",
            )
        if problems or check_step is None:
            raise InvalidInput(problems)
        chosen = system or check_step.check_systems[0]
        entry = ManualEntry(
            CheckResultKind(result), desk.agent, checked_reference.value, checked_note.value
        )
        outcome = ManualProvider(desk.now).run(_request(row, check_step, chosen, entry))
        _store(desk, uow.session, row, check_step, outcome)
        uow.commit()
        return next(v for v in summarise_checks(desk, uow.session, row) if v.step == step)


def defer_check(desk: Desk, key: str, step: int, note: str = "") -> CheckView:
    """The agent goes on without a check the passport lets defer (e.g. MEİS is not open);
    it is re-run later, or entered by hand."""
    checked_note = check_free_text(note, max_length=2000)
    if checked_note.problem:
        raise InvalidInput({"note": checked_note.problem})
    with UnitOfWork(desk.engine) as uow:
        row = _open_application(uow.session, key)
        check_step = _check_step(desk.catalog.get(row.passport_id), step)
        assert check_step.check is not None
        if not check_step.check.deferrable:
            raise IntakeRuleBroken(
                "checks.not_deferrable", f"the passport does not let check {step} wait"
            )
        _defer(desk, uow.session, row, check_step, "deferred by the agent", checked_note.value)
        uow.commit()
        return next(v for v in summarise_checks(desk, uow.session, row) if v.step == step)


def _defer(
    desk: Desk, session: Session, row: Application, step: Step, why: str, note: str | None
) -> None:
    """Store a "deferred" result for a step: nothing answered, to be re-run later."""
    system = step.check_systems[0]
    outcome = CheckOutcome(
        system=system,
        provider=desk.settings.check_provider(system).provider,
        result=CheckResultKind.DEFERRED,
        summary=f"{system}: {why}",
        at=desk.now(),
        note=note,
        actor=desk.agent,
    )
    _store(desk, session, row, step, outcome, deferred=True)


def defer_open_checks(desk: Desk, session: Session, row: Application) -> int:
    """At acceptance: every check without an answer is deferred (re-run later), so none
    is skipped silently. Returns how many were deferred. Runs in the caller's session."""
    latest = latest_results(session, row.id)
    count = 0
    for step in desk.catalog.get(row.passport_id).check_steps():
        current = latest.get(step.number)
        if current is None:
            _defer(desk, session, row, step, "not checked before acceptance", None)
        elif not current.deferred and not _is_answer(current):
            current.deferred = True  # unavailable: the re-run after the next sync asks again
        else:
            continue
        count += 1
    return count


# --- after a sync or reconnect ------------------------------------------------------------


def rerun_deferred_checks(desk: Desk) -> RerunSummary:
    """Ask again every deferred check of this centre's open applications (call after a
    sync or reconnect). An answer replaces the deferred result; one that contradicts an
    accepted application goes on the supervisor's list. Checks of manual systems wait
    for the agent."""
    with UnitOfWork(desk.engine, write=False) as uow:
        statement = (
            select(CheckResult.id, CheckResult.application_id, CheckResult.step, CheckResult.system)
            .join(Application, Application.id == CheckResult.application_id)
            .where(
                CheckResult.deferred.is_(True),
                CheckResult.superseded.is_(False),
                Application.centre_code == desk.centre_code,
                Application.status.not_in(("refused", "cancelled")),
            )
            .order_by(CheckResult.at, CheckResult.id)
        )
        pending = list(uow.session.execute(statement))
        work: list[tuple[str, str, Step]] = []  # (deferred result, application, step)
        asks: list[Asks] = []
        manual_only = 0
        for result_id, application_id, number, system in pending:
            if not desk.settings.check_provider(system).automatic:
                manual_only += 1  # only the agent can answer it (no need to load it)
                continue
            row = load_application(uow.session, application_id)
            passport = desk.catalog.get(row.passport_id)
            step = next((s for s in passport.check_steps() if s.number == number), None)
            step_asks = _asks(desk, row, step) if step is not None else ()
            if step is None or not step_asks:
                manual_only += 1  # only the agent can answer it
                continue
            work.append((result_id, application_id, step))
            asks.append(step_asks)
    outcomes = run_checks_in_parallel(asks)
    answered = still = 0
    items: list[str] = []
    with UnitOfWork(desk.engine) as uow:
        for (result_id, application_id, step), outcome in zip(work, outcomes, strict=True):
            current = uow.session.get(CheckResult, result_id)
            if current is None or current.superseded:
                continue  # answered meanwhile (another desk, or the agent)
            if outcome is None or not outcome.result.is_answer:
                still += 1
                continue
            row = load_application(uow.session, application_id)
            _store(desk, uow.session, row, step, outcome, flagged=items)
            answered += 1
        uow.commit()
    return RerunSummary(len(work), answered, still, manual_only, tuple(items))


def list_supervisor_items(desk: Desk, include_resolved: bool = False) -> list[SupervisorItemView]:
    """The supervisor's list of this centre, oldest first."""
    statement = (
        select(SupervisorItem, Application.registration_number)
        .join(Application, Application.id == SupervisorItem.application_id)
        .where(Application.centre_code == desk.centre_code)
        .order_by(SupervisorItem.created_at, SupervisorItem.id)
    )
    if not include_resolved:
        statement = statement.where(SupervisorItem.resolved_at.is_(None))
    with UnitOfWork(desk.engine, write=False) as uow:
        return [
            SupervisorItemView(
                item.id,
                item.application_id,
                number,
                item.reason,
                item.detail,
                item.created_at,
                item.resolved_at,
            )
            for item, number in uow.session.execute(statement)
        ]


# --- offline reference tables -------------------------------------------------------------


def known_systems(desk: Desk) -> dict[str, str]:
    """Every MEİS subsystem the catalog names: key → name."""
    return {s.key: s.name for p in desk.catalog.passports for s in p.meis_subsystems}


def import_reference_table(
    desk: Desk, system: str, path: str | Path, as_of: str | date
) -> ReferenceImportSummary:
    """Replace ``system``'s offline reference table with a CSV extract dated ``as_of``.

    The file is read and checked completely before anything is stored: a bad line
    (wrong columns, an invalid FİN, mixed encodings) stores nothing, and the error
    names the line and the expected columns.
    """
    problems: dict[str, FieldProblem] = {}
    systems = known_systems(desk)
    if system not in systems:
        problems["system"] = FieldProblem(
            "reference.system",
            f"{system!r} is not an information system of the catalog "
            f"(known: {', '.join(sorted(systems))})",
        )
    day = parse_date(as_of)
    if day.problem is not None:
        problems["as_of"] = day.problem
    elif day.value is not None and day.value > desk.local_now().date():
        problems["as_of"] = FieldProblem("reference.as_of", "the extract date is in the future")
    if problems:
        raise InvalidInput(problems)
    assert day.value is not None
    try:
        extract = parse_reference_csv(Path(path))
    except CsvFileError as error:
        raise InvalidInput({"file": FieldProblem("reference.file", str(error))}) from None
    with UnitOfWork(desk.engine) as uow:
        replaced = uow.session.execute(delete(ReferenceRow).where(ReferenceRow.system == system))
        rows = as_rows(extract, system, day.value, desk.now())
        uow.session.execute(insert(ReferenceRow), rows)
        uow.commit()
    return ReferenceImportSummary(
        system=system,
        rows=len(rows),
        replaced=replaced.rowcount or 0,
        as_of=day.value,
        encoding=extract.encoding,
        delimiter=extract.delimiter,
        key_column=extract.key_column,
        configured_provider=desk.settings.check_provider(system).provider,
    )


def resolve_supervisor_item(desk: Desk, item_id: str) -> SupervisorItemView:
    """The supervisor has dealt with an item: it leaves the open list (kept as history)."""
    with UnitOfWork(desk.engine) as uow:
        item = uow.session.get(SupervisorItem, item_id.strip())
        if item is None:
            raise NotFound(f"no supervisor item {item_id!r}")
        if item.resolved_at is None:
            item.resolved_at = desk.now()
        app = uow.session.get(Application, item.application_id)
        view = SupervisorItemView(
            item.id,
            item.application_id,
            app.registration_number if app else None,
            item.reason,
            item.detail,
            item.created_at,
            item.resolved_at,
        )
        uow.commit()
        return view
