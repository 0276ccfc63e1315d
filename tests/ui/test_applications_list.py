"""The applications list: filter as you type, urgency colours, open any application."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from dost_desk.services.applicants import set_applicant
from dost_desk.services.intake import record_document, start_application
from dost_desk.services.intake_dto import ApplicantInput, ApplicationSummary
from dost_desk.services.outcome import submit_application
from dost_desk.ui.models.applications_model import OVERDUE, ApplicationsModel


def summary(number, status, deadline, name="Əli Məmmədov", fin="5ZX8K2P"):
    return ApplicationSummary(
        id=number,
        registration_number=number,
        status=status,
        passport_id="01-08-02-00",
        applicant_name=name,
        fin=fin,
        started_at=datetime(2026, 11, 1, tzinfo=UTC),
        deadline_total=deadline,
        notice_due=None,
    )


def test_model_filters_in_memory_and_marks_urgency(qapp):
    model = ApplicationsModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    rows = [
        summary("C1-2026-000001", "submitted", datetime(2026, 11, 20, 14, tzinfo=UTC)),
        summary(
            "C1-2026-000002",
            "ordered",
            datetime(2026, 11, 24, 14, tzinfo=UTC),
            name="Leyla Quliyeva",
            fin="7AB3C4D",
        ),
        summary("C1-2026-000003", "handed_over", datetime(2026, 11, 1, 14, tzinfo=UTC)),
    ]
    model.set_applications(rows, date(2026, 11, 24))
    assert model.rowCount() == 3 and tester is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE
    assert model.urgency(rows[1]) == "due_today"
    assert model.urgency(rows[2]) is None  # handed over: nothing is due any more
    model.set_filter("quliyeva")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["C1-2026-000002"]
    model.set_filter("000003")
    assert model.rowCount() == 1
    model.set_filter("", "submitted")
    assert model.rowCount() == 1 and model.index(0, 1).data() == "Submitted"


def test_panel_lists_stored_applications_and_opens_one(open_window, qtbot):
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
    record_document(desk, app.id, "Şəxsiyyət vəsiqəsi.", "copy")
    submitted = submit_application(desk, app.id)
    start_application(desk, "01-08-02-00", {"action": "replace"}, "in_person", "in_person")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    panel = window.applications_panel
    panel.refresh(desk)
    assert panel.search.hasFocus()
    assert panel.model.rowCount() == 2
    qtbot.keyClicks(panel.search, "memmedov")
    assert panel.model.rowCount() == 1
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert window.intake is not None
    assert window.intake.application.registration_number == submitted.registration_number
    assert submitted.registration_number in window.intake.outcome_page.result.text()


def test_the_list_holds_the_newest_and_finds_older_ones_in_the_database(
    open_window, qtbot, monkeypatch
):
    """With 2,000 in memory a centre with years of applications opens fast; an older one
    is still found by typing its number (the database is asked off the GUI thread)."""
    from dost_desk.services.applications import IN_PROGRESS, list_applications
    from dost_desk.services.demo import create_demo_applications
    from dost_desk.ui import applications_panel

    monkeypatch.setattr(applications_panel, "IN_MEMORY", 10)
    window = open_window("en")
    create_demo_applications(window.desk, 40, seed=9)
    window._refresh_applications()
    panel = window.applications_panel
    everything = list_applications(window.desk, limit=None)
    in_memory = {panel.model.summary(row).id for row in range(panel.model.rowCount())}
    newest = {summary.id for summary in everything[:10]}
    in_progress = [s.id for s in everything[10:] if s.status in IN_PROGRESS][:10]
    assert in_memory == newest | set(in_progress) and len(in_memory) < len(everything)
    oldest_done = next(
        s for s in reversed(everything) if s.id not in in_memory and s.registration_number
    )

    panel.search.setFocus()
    qtbot.keyClicks(panel.search, oldest_done.registration_number)

    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    assert panel.model.summary(0).id == oldest_done.id
