"""What the intake pages do: each function reads widgets, calls one service, shows the result.

Kept apart from the layout (pages.py) and the navigation (intake_view.py). Errors become
messages at the field or on the page; what was typed stays (and is autosaved).
"""

from __future__ import annotations

import dataclasses
from dataclasses import asdict
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidgetItem

from dost_desk.catalog.catalog import UnknownPassport
from dost_desk.models.documents_checklist import FORM_ORDER
from dost_desk.services import applicants, applications, intake, orders, outcome
from dost_desk.services.catalog import get_passport
from dost_desk.services.desk import BAKU
from dost_desk.services.intake_dto import (
    ApplicantInput,
    IntakeRuleBroken,
    InvalidInput,
    RepresentativeInput,
)
from dost_desk.services.local_drafts import keep_draft_locally
from dost_desk.storage.engine import StorageError, StorageUnavailable
from dost_desk.ui.intake import printing as printing_ui
from dost_desk.ui.intake.pages import user_type_labels
from dost_desk.ui.labels import status_label
from dost_desk.ui.problem_messages import problem_text

if TYPE_CHECKING:
    from dost_desk.ui.intake.field_form import FieldForm
    from dost_desk.ui.intake.intake_view import IntakeView

START, APPLICANT, REPRESENTATIVE, DOCUMENTS, FEE, OUTCOME, CHECKS = range(7)
PERSON_TYPES = ("citizen", "foreigner_permanent_resident", "stateless_permanent_resident")
ORGANISATION_KINDS = ("legal_entity", "individual_entrepreneur", "family_farm")


def _call(view: IntakeView, function, *args, form: FieldForm | None = None, needs_server: str = ""):
    """Run a service call; on failure show why and return None (nothing typed is lost).

    On a networked desk whose server is away, what was typed is kept on this computer and
    ``needs_server`` (or a general text) says that this step waits for the server.
    """
    if view.offline and _networked(view):  # known to be away: no connect timeout per step
        _wait_for_server(view, needs_server)
        return None
    try:
        return function(*args)
    except InvalidInput as error:
        if form is not None:
            form.show_problems(error.problems)
            widget = form.first_problem_field()
            if widget is not None:
                widget.setFocus()
        view.message.setText("\n".join(problem_text(p) for p in error.problems.values()))
    except StorageUnavailable as error:
        if _networked(view):
            _wait_for_server(view, needs_server)
        else:
            _not_saved(view, error)
    except IntakeRuleBroken as error:
        view.message.setText(str(error))
    except UnknownPassport as error:
        _unknown_passport(view, error)
    except StorageError as error:
        _not_saved(view, error)
    return None


def _unknown_passport(view: IntakeView, error: UnknownPassport) -> None:
    view.message.setText(
        QCoreApplication.translate(
            "IntakeActions",
            "The service passport %1 is not in this desk's catalog. Sync with the central "
            "database or ask the administrator; Esc closes the intake.",
        ).replace("%1", error.passport_id)
    )
    if view.passport is None:  # nothing to lay out: Esc closes the intake, as it says
        view.next_button.setEnabled(False)
        view.back_button.setFocus()


def _not_saved(view: IntakeView, error: StorageError) -> None:
    view.message.setText(
        QCoreApplication.translate(
            "IntakeActions", "Not saved — the database is unavailable: %1"
        ).replace("%1", str(error))
    )


def _wait_for_server(view: IntakeView, needs_server: str = "") -> None:
    """The server is away: keep the form here and say that this step waits for it."""
    if view.application is not None and not view._decided():
        if not _keep_locally(view, draft=_draft(view)):
            return  # the message says why this computer could not keep it
    else:
        view.set_offline(True)
    view.message.setText(
        needs_server
        or QCoreApplication.translate(
            "IntakeActions",
            "This step needs the server, which cannot be reached. Everything typed is kept "
            "on this computer; go on when the connection is back (the status bar shows it).",
        )
    )


def _update(view: IntakeView, application) -> bool:
    if application is None:
        return False
    view.application = application
    return True


# -- opening ---------------------------------------------------------------------------------
def prepare_for_passport(view: IntakeView, passport_id: str) -> bool:
    """Lay the pages out for the passport in the desk's catalog (passports published
    centrally win over the bundled ones); False, with the reason shown, when it has none."""
    try:
        passport = get_passport(passport_id, view.desk.catalog)
    except UnknownPassport as error:
        _unknown_passport(view, error)
        return False
    view.passport = passport
    view.title.setText(f"<b>{passport.id}</b> — {passport.name}")
    application_forms = list(
        dict.fromkeys(k.value for e in passport.application_forms for k in e.kinds)
    )
    response_forms = [e.kind.value for e in passport.response_forms or ()]
    view.start_page.build(passport.variants, application_forms, response_forms)
    for step in passport.steps:
        view.steps.addItem(QListWidgetItem(f"{step.number}. {step.text}"))
    allowed = [u.kind.value for u in passport.eligible_users]
    kinds = []
    if any(t in PERSON_TYPES for t in allowed):
        kinds.append(("person", QCoreApplication.translate("IntakeActions", "Natural person")))
    labels = user_type_labels()
    kinds += [(k, labels[k]) for k in ORGANISATION_KINDS if k in allowed]
    view.applicant_page.set_kinds(kinds)
    applicant_kind_changed(view)
    view.outcome_page.set_grounds(
        [(g.key, g.text) for g in passport.refusal_grounds], list(passport.legal_bases)
    )
    return True


def resume(view: IntakeView, application_id: str) -> None:
    application = _call(view, applications.get_application, view.desk, application_id)
    if application is None:
        return  # the message says why; Esc closes the empty intake
    if not prepare_for_passport(view, application.passport_id):
        return
    view.application = application
    page = view.start_page
    page.ticket.setText(application.ticket_number or "")
    for key, combo in page.variant_combos.items():
        combo.setCurrentIndex(max(combo.findData(application.variant.get(key)), 0))
    page.application_form.setCurrentIndex(
        max(page.application_form.findData(application.application_form), 0)
    )
    page.response_form.setCurrentIndex(
        max(page.response_form.findData(application.response_form), 0)
    )
    if application.applicant:
        stored = {k: v for k, v in asdict(application.applicant).items() if isinstance(v, str)}
        if application.applicant.birth_date:
            stored["birth_date"] = application.applicant.birth_date.strftime("%d.%m.%Y")
        view.applicant_page.form.set_values(stored)
    if application.representative:
        stored = {k: v for k, v in asdict(application.representative).items() if isinstance(v, str)}
        stored["authority_date"] = application.representative.authority_date.strftime("%d.%m.%Y")
        view.representative_page.form.set_values(stored)
    draft = application.draft or {}
    view.applicant_page.form.set_values(draft.get("applicant", {}))
    view.representative_page.form.set_values(draft.get("representative", {}))
    view.fee_page.form.set_values(draft.get("fee", {}))
    if application.status != "draft":
        view.show_page(OUTCOME)
        show_result(view)
        return
    view.start_timer()
    target = draft.get("page", APPLICANT)
    view.show_page(target if target in view.page_order() else APPLICANT)


# -- pages -----------------------------------------------------------------------------------
def entered_page(view: IntakeView, page: int) -> None:
    if page == START:
        view.start_page.ticket.setFocus()
    elif page == APPLICANT:
        form = view.applicant_page.form
        first = "fin" if form.combos["kind"].currentData() == "person" else "voen"
        form.edits[first].setFocus()
    elif page == REPRESENTATIVE:
        view.representative_page.form.edits["fin"].setFocus()
    elif page == FEE:
        view.fee_page.form.edits["amount"].setFocus()
    elif page == DOCUMENTS:
        refresh_documents(view)
        view.documents_page.table.setFocus()
        if view.documents_page.table.currentIndex().row() < 0:
            view.documents_page.table.selectRow(0)
    elif page == OUTCOME:
        refresh_outcome(view)
    elif page == CHECKS:
        from dost_desk.ui.intake import checks_page

        checks_page.refresh(view)
        view.checks_page.table.setFocus()


def leave_page(view: IntakeView, page: int, validate: bool = True) -> bool:
    """Store what the page holds; False (stay) when the service rejects it."""
    if not validate:
        save_draft(view)
        return True
    if page == START:
        return _store_start(view)
    if page == APPLICANT:
        data = ApplicantInput(**_input_values(view.applicant_page.form.values(), ApplicantInput))
        return _update(
            view,
            _call(
                view,
                applicants.set_applicant,
                view.desk,
                view.application.id,
                data,
                form=view.applicant_page.form,
            ),
        )
    if page == REPRESENTATIVE:
        data = RepresentativeInput(
            **_input_values(view.representative_page.form.values(), RepresentativeInput)
        )
        return _update(
            view,
            _call(
                view,
                applicants.set_representative,
                view.desk,
                view.application.id,
                data,
                form=view.representative_page.form,
            ),
        )
    if page == FEE:
        values = view.fee_page.form.values()
        return _update(
            view,
            _call(
                view,
                intake.record_fee,
                view.desk,
                view.application.id,
                values["amount"],
                values["method"],
                values["reference"],
                form=view.fee_page.form,
            ),
        )
    return True


def _input_values(values: dict, cls) -> dict:
    fields = cls.__dataclass_fields__
    return {k: (v if v is not None else "") for k, v in values.items() if k in fields}


def _store_start(view: IntakeView) -> bool:
    page = view.start_page
    if view.application is None:
        started = _call(
            view,
            intake.start_application,
            view.desk,
            view.passport.id,
            page.variant(),
            page.application_form.currentData(),
            page.response_form.currentData(),
            page.ticket.text(),
            needs_server=QCoreApplication.translate(
                "IntakeActions",
                "Starting an application needs the server, which cannot be reached. The "
                "ticket and the service stay as chosen; go on when the connection is back.",
            ),
        )
        if started is None:
            page.message.setText(view.message.text())
            return False
        view.application = started
        view.start_timer()
        return True
    if page.variant() != view.application.variant:
        return _update(
            view, _call(view, intake.change_variant, view.desk, view.application.id, page.variant())
        )
    return True


def _draft(view: IntakeView) -> dict:
    return {
        "page": view.pages.currentIndex(),
        "applicant": view.applicant_page.form.values(),
        "representative": view.representative_page.form.values(),
        "fee": view.fee_page.form.values(),
    }


def save_draft(view: IntakeView) -> bool:
    draft = _draft(view)
    if _networked(view):
        if view.offline:  # no 5-second wait on the server at every keystroke
            _keep_locally(view, draft=draft)
            return True
        try:
            saved = intake.save_draft(view.desk, view.application.id, draft)
        except StorageUnavailable:
            _keep_locally(view, draft=draft)
            return True
        view.set_offline(False)
        return saved
    return _call(view, intake.save_draft, view.desk, view.application.id, draft) is not None


def _networked(view: IntakeView) -> bool:
    return view.desk.engine.dialect.name != "sqlite"


def _keep_locally(view: IntakeView, **kept) -> bool:
    """The server is gone: keep the work on this computer (written through later)."""
    try:
        keep_draft_locally(view.desk.settings, view.application.id, **kept)
    except OSError as error:
        view.message.setText(
            QCoreApplication.translate(
                "IntakeActions",
                "Not saved — the server is unreachable and this computer cannot keep the draft: %1",
            ).replace("%1", error.strerror or str(error))
        )
        return False
    view.set_offline(True)
    view.message.setText(
        QCoreApplication.translate(
            "IntakeActions",
            "Offline — saved on this computer. It is written to the server when the "
            "connection is back; keep working.",
        )
    )
    return True


def reload_application(view: IntakeView) -> None:
    """Show the application as the database has it (after a write-through)."""
    if view.application is None:
        return
    if _update(view, _call(view, applications.get_application, view.desk, view.application.id)):
        refresh_documents(view)
        if view.pages.currentIndex() == OUTCOME and not view._decided():
            _show_acceptance(view)  # what accepting still needs, now that it can be asked
        view.message.setText(
            QCoreApplication.translate(
                "IntakeActions", "Connection restored: everything is saved on the server."
            )
        )


# -- documents -------------------------------------------------------------------------------
def refresh_documents(view: IntakeView) -> None:
    application = view.application
    page = view.documents_page
    row = max(page.table.currentIndex().row(), 0)
    page.model.set_documents(application.documents)
    page.table.resizeRowsToContents()
    page.table.selectRow(min(row, len(application.documents) - 1))
    if application.complete:
        page.completeness.setText(
            QCoreApplication.translate("IntakeActions", "All documents are submitted.")
        )
        page.completeness.setStyleSheet("color: #1b7f3b;")
    else:
        text = QCoreApplication.translate("IntakeActions", "Missing %1 of %2 documents.").replace(
            "%1", str(len(application.missing))
        )
        page.completeness.setText(text.replace("%2", str(len(application.documents))))
        page.completeness.setStyleSheet("color: #b3261e;")


def checklist_key(view: IntakeView, key: int) -> bool:
    """1–4 pick a form, 5 an electronic source, 0 none, Space toggles. True when handled."""
    row = view.documents_page.table.currentIndex().row()
    if row < 0 or view.application is None:
        return False
    document = view.documents_page.model.document(row)
    digits = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}
    source = None
    if key in digits:
        form = FORM_ORDER[digits[key]].value
        if form not in document.allowed:
            view.message.setText(
                QCoreApplication.translate(
                    "IntakeActions", "The passport does not allow this form for the document."
                )
            )
            return True
        submission = form
    elif key == Qt.Key.Key_5:  # again: the next information system of the passport
        submission = "electronic_source"
        sources = list(view.passport.information_systems)
        if document.submission == "electronic_source" and document.electronic_source in sources:
            source = sources[(sources.index(document.electronic_source) + 1) % len(sources)]
    elif key in (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        submission = "not_submitted"
    elif key == Qt.Key.Key_Space:
        submission = (
            document.allowed[0] if document.submission == "not_submitted" else "not_submitted"
        )
    else:
        return False
    view.message.clear()
    if _networked(view) and view.offline:
        _tick_locally(view, row, submission, source)
        return True
    if _networked(view):
        try:
            recorded = intake.record_document(
                view.desk, view.application.id, document.name, submission, source
            )
        except StorageUnavailable:
            _tick_locally(view, row, submission, source)
            return True
        except (InvalidInput, IntakeRuleBroken) as error:
            recorded = _call(view, _raise, error)
    else:
        recorded = _call(
            view,
            intake.record_document,
            view.desk,
            view.application.id,
            document.name,
            submission,
            source,
        )
    if _update(view, recorded):
        refresh_documents(view)
        if submission != "not_submitted" and row + 1 < len(view.application.documents):
            view.documents_page.table.selectRow(row + 1)
    return True


def _raise(error: Exception):
    raise error


def _tick_locally(view: IntakeView, row: int, submission: str, source: str | None) -> None:
    """Offline: the tick is kept on this computer and shown at once (the server's
    checklist replaces it when the kept work has been written through)."""
    document = view.application.documents[row]
    if not _keep_locally(view, document=(document.name, submission, source)):
        return
    documents = list(view.application.documents)
    documents[row] = dataclasses.replace(document, submission=submission, electronic_source=source)
    missing = tuple(d.name for d in documents if d.submission == "not_submitted")
    view.application = dataclasses.replace(
        view.application, documents=tuple(documents), missing=missing, complete=not missing
    )
    refresh_documents(view)
    if submission != "not_submitted" and row + 1 < len(documents):
        view.documents_page.table.selectRow(row + 1)


# -- outcome ---------------------------------------------------------------------------------
def refresh_outcome(view: IntakeView) -> None:
    page = view.outcome_page
    if view.application.status != "draft":
        show_result(view)
        return
    blockers = _show_acceptance(view)
    proposed = set(
        _call(view, outcome.proposed_refusal_grounds, view.desk, view.application.id) or []
    )
    for key, box in page.grounds.items():
        box.setChecked(key in proposed)
    (page.accept_button if not blockers else page.refuse_button).setFocus()


def _show_acceptance(view: IntakeView) -> list:
    """The summary and whether accepting is possible (the reasons in the tooltip)."""
    page = view.outcome_page
    application = view.application
    blockers = _call(view, outcome.acceptance_blockers, view.desk, application.id) or []
    who = application.applicant.display_name if application.applicant else "—"
    page.summary.setText(
        QCoreApplication.translate(
            "IntakeActions", "Applicant: %1<br>Documents: %2 of %3 submitted"
        )
        .replace("%1", who)
        .replace("%2", str(len(application.documents) - len(application.missing)))
        .replace("%3", str(len(application.documents)))
    )
    page.accept_button.setEnabled(not blockers)
    page.accept_button.setToolTip("\n".join(problem_text(b) for b in blockers))
    return blockers


def _acceptance_needs_server() -> str:
    return QCoreApplication.translate(
        "IntakeActions",
        "Accepting needs the server: it gives the registration number. The application is "
        "kept on this computer; accept it when the connection is back (the status bar "
        "shows it).",
    )


def accept(view: IntakeView) -> None:
    if view.application is None or view._decided():
        return
    if view.offline and _networked(view):  # not even the page checks: they need the server
        _wait_for_server(view, _acceptance_needs_server())
        return
    if view.pages.currentIndex() != OUTCOME:
        if not leave_page(view, view.pages.currentIndex()):
            return
        view.show_page(OUTCOME)
    if not view.outcome_page.accept_button.isEnabled():
        view.message.setText(view.outcome_page.accept_button.toolTip())
        return
    submitted = _call(
        view,
        outcome.submit_application,
        view.desk,
        view.application.id,
        needs_server=_acceptance_needs_server(),
    )
    if _update(view, submitted):
        show_result(view, opening=True)


def refuse(view: IntakeView) -> None:
    page = view.outcome_page
    grounds = [key for key, box in page.grounds.items() if box.isChecked()]
    result = _call(
        view,
        outcome.refuse_application,
        view.desk,
        view.application.id,
        grounds,
        page.reason.text(),
        page.legal_basis.currentData(),
        needs_server=QCoreApplication.translate(
            "IntakeActions",
            "Refusing needs the server: the decision is recorded there. The application is "
            "kept on this computer; refuse it when the connection is back.",
        ),
    )
    page.refusal_error.setText(view.message.text() if result is None else "")
    if _update(view, result):
        show_result(view, opening=True)


def show_result(view: IntakeView, opening: bool = False) -> None:
    """The outcome on the page; ``opening``: it was just decided, so its document opens."""
    application = view.application
    page = view.outcome_page
    view.stop_timer()
    page.accept_button.hide()
    page.refusal.hide()
    page.summary.clear()
    status = QCoreApplication.translate("IntakeActions", "Status: %1").replace(
        "%1", status_label(application.status)
    )
    if application.status == "refused":
        text = QCoreApplication.translate("IntakeActions", "Refused: %1").replace(
            "%1", ", ".join(application.refusal.get("ground_texts", []))
        )
    else:
        text = QCoreApplication.translate(
            "IntakeActions", "Accepted. Registration number <b>%1</b>"
        ).replace("%1", application.registration_number or "")
        if application.deadline_total:
            deadline = application.deadline_total.astimezone(BAKU).strftime("%d.%m.%Y")
            text += "<br>" + QCoreApplication.translate("IntakeActions", "Deadline: %1").replace(
                "%1", deadline
            )
        if application.notice_due:
            notice = application.notice_due.strftime("%d.%m.%Y")
            text += "<br>" + QCoreApplication.translate(
                "IntakeActions", "E-sosial notice due: %1"
            ).replace("%1", notice)
    if application.service_seconds is not None:
        minutes, seconds = divmod(application.service_seconds, 60)
        text += "<br>" + QCoreApplication.translate("IntakeActions", "Service time: %1").replace(
            "%1", f"{minutes:02d}:{seconds:02d}"
        )
    page.result.setText(f"{status}<br>{text}")
    _show_follow_up(view)
    kinds = printing_ui.show_print_buttons(view)
    if opening:
        printing_ui.open_after_outcome(view, kinds)
    page.new_button.show()
    page.new_button.setFocus()
    view.back_button.setEnabled(False)
    view.outcome_recorded.emit(application.id)


NEXT_STATUSES = {
    "submitted": ("ordered", "ready", "cancelled"),
    "ordered": ("ready", "cancelled"),
    "ready": ("handed_over",),
}


def _show_follow_up(view: IntakeView) -> None:
    """Buttons for the statuses this application may move to next (none when final)."""
    page = view.outcome_page
    allowed = NEXT_STATUSES.get(view.application.status, ())
    for status, button in page.status_buttons.items():
        button.setVisible(status in allowed)
    page.status_box.setVisible(bool(allowed))


def follow_up(view: IntakeView, status: str) -> None:
    """Move a decided application on (ordered, ready, handed over) or cancel it with a reason."""
    note = ""
    if status == "cancelled":
        from PySide6.QtWidgets import QInputDialog

        note, ok = QInputDialog.getText(
            view,
            QCoreApplication.translate("IntakeActions", "Cancel the application"),
            QCoreApplication.translate("IntakeActions", "Reason for the cancellation:"),
        )
        if not ok:
            return
    if status == "ready" and _has_open_order(view):
        # The back office's order is done: closing it moves the application to "ready".
        if _call(view, orders.complete_order, view.desk, view.application.id) is None:
            return
        if _update(view, _call(view, applications.get_application, view.desk, view.application.id)):
            show_result(view, opening=True)
        return
    if _update(
        view, _call(view, outcome.change_status, view.desk, view.application.id, status, note)
    ):
        show_result(view, opening=True)


def _has_open_order(view: IntakeView) -> bool:
    number = view.application.registration_number
    open_orders = _call(view, orders.list_orders, view.desk, None, "open") or []
    return any(order.registration_number == number for order in open_orders)


# -- applicant helpers -----------------------------------------------------------------------
def applicant_kind_changed(view: IntakeView) -> None:
    page = view.applicant_page
    kind = page.form.combos["kind"].currentData()
    allowed = [u.kind.value for u in view.passport.eligible_users] if view.passport else []
    if kind == "person":
        page.set_user_types([t for t in allowed if t in PERSON_TYPES])
    else:
        page.set_user_types([t for t in allowed if t == kind])
    page.show_kind(kind == "person")


def find_applicant(view: IntakeView) -> None:
    page = view.applicant_page
    found = _call(view, applications.find_applicants, view.desk, page.find_edit.text()) or []
    page.found.clear()
    page._found = found
    for person in found:
        page.found.addItem(f"{person.display_name} · {person.fin or person.voen or ''}")
    page.found.setVisible(bool(found))
    if found:
        page.found.setFocus()
        page.found.showPopup()
    else:
        view.message.setText(
            QCoreApplication.translate("IntakeActions", "No earlier applicant found.")
        )


def use_found_applicant(view: IntakeView, index: int) -> None:
    page = view.applicant_page
    person = page._found[index]
    values = {k: v for k, v in asdict(person).items() if isinstance(v, str)}
    if person.birth_date:
        values["birth_date"] = person.birth_date.strftime("%d.%m.%Y")
    page.form.set_values(values)
    page.found.hide()
    page.form.edits["phone"].setFocus()


def update_timer(view: IntakeView) -> None:
    application = view.application
    if application is None:
        view.timer_label.clear()
        return
    end = application.outcome_at or view.desk.now()
    seconds = max(0, int((end - application.started_at).total_seconds()))
    standard = (application.operator_standard_minutes or 0) * 60
    view.timer_label.setText(
        f"{seconds // 60:02d}:{seconds % 60:02d}"
        + (f" / {standard // 60:02d}:00" if standard else "")
    )
    colour = "#1b7f3b"
    if standard and seconds > standard:
        colour = "#b3261e"
    elif standard and seconds >= 0.8 * standard:
        colour = "#b26a00"
    view.timer_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
