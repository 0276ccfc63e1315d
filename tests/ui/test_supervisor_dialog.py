"""The supervisor's list shows what to review, opens the application, marks it reviewed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from dost_desk.models.followup_tables import SupervisorItem
from dost_desk.services.applicants import set_applicant
from dost_desk.services.checks import list_supervisor_items
from dost_desk.services.intake import record_document, start_application
from dost_desk.services.intake_dto import ApplicantInput
from dost_desk.services.outcome import submit_application
from dost_desk.storage.unit_of_work import UnitOfWork


def test_review_an_item_from_the_supervisors_list(open_window, qtbot):
    window = open_window()
    desk = window.desk
    app = start_application(desk, "01-08-02-00", {"action": "issue"}, "in_person", "in_person")
    set_applicant(
        desk,
        app.id,
        ApplicantInput(
            fin="5ZX8K2P",
            id_document_number="AA1234567",
            surname="Məmmədov",
            name="Əli",
            birth_date="14.02.1985",
        ),
    )
    record_document(desk, app.id, "Şəxsiyyət vəsiqəsi.", "original")
    accepted = submit_application(desk, app.id)
    with UnitOfWork(desk.engine) as uow:  # what a late "Monitoring" answer leaves behind
        uow.session.add(
            SupervisorItem(
                application_id=app.id,
                reason="check_conflict",
                detail="Monitoring: şəhadətnamə artıq var, amma 'Verilməsi' seçilib",
            )
        )
        uow.commit()
    dialog = window.open_supervisor_list()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == accepted.registration_number
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.findChild(QPushButton, "resolveItem"), Qt.MouseButton.LeftButton)
    assert list_supervisor_items(desk) == [] and dialog.table.rowCount() == 0
    assert len(list_supervisor_items(desk, include_resolved=True)) == 1
