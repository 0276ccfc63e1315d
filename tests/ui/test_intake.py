"""A full intake driven with the keyboard only, and the intake's safety rules, in the GUI."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from dost_desk.services.applications import get_application, list_applications


def type_text(qtbot, widget, text: str) -> None:
    """Type like a keyboard would, Azerbaijani letters included (QTest knows only ASCII)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


class Keys:
    """Sends keys to the focused widget and counts the ones that are not typed data."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot = qtbot
        self.window = window
        self.control_keys = 0

    def focused(self):
        return self.window.focusWidget() or self.window

    def type(self, text: str) -> None:
        type_text(self.qtbot, self.focused(), text)

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focused(), key, modifier)
            self.control_keys += 1


def applicant_by_keyboard(keys: Keys) -> None:
    keys.type("5zx8k2p")
    keys.press(Qt.Key.Key_Tab, times=2)  # past the identity document type
    keys.type("AA1234567")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Məmmədov")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Əli")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Vaqif oğlu")
    keys.press(Qt.Key.Key_Tab)
    keys.type("14.02.1985")
    keys.press(Qt.Key.Key_Tab)
    keys.type("0501234567")


def open_applicant_page(window):
    """Start a seed 000 application (action: issue) and go to the applicant page."""
    window.show_passport("01-08-02-00")
    window.start_intake()
    window.intake.go_next()
    return window.intake


def test_full_seed_000_intake_with_the_keyboard_only(open_window, qtbot, save_screenshot):
    window = open_window()
    keys = Keys(qtbot, window)
    window.tree.setFocus()
    keys.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    keys.type("dublikat")
    keys.press(Qt.Key.Key_Return)  # opens the passport
    keys.press(Qt.Key.Key_Return)  # starts the application
    intake = window.intake
    assert intake is not None and intake.start_page.ticket.hasFocus()
    keys.type("a-017")
    keys.press(Qt.Key.Key_Return)  # start page → applicant
    assert intake.application is not None, intake.message.text()
    assert intake.applicant_page.form.edits["fin"].hasFocus()
    applicant_by_keyboard(keys)
    assert intake.applicant_page.form.edits["fin"].text() == "5ZX8K2P"  # upper-cased on entry
    save_screenshot(window, "intake-applicant-az")
    keys.press(Qt.Key.Key_Return)  # applicant → documents
    assert intake.documents_page.table.hasFocus(), intake.message.text()
    keys.press(Qt.Key.Key_1)  # the identity card: original
    save_screenshot(window, "intake-documents-az")
    keys.press(Qt.Key.Key_Return)  # documents → outcome
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # accept
    save_screenshot(window, "intake-accepted-az")
    stored = get_application(window.desk, intake.application.id)
    assert stored.status == "submitted"
    assert stored.registration_number == "C000-2026-000001"
    assert stored.ticket_number == "A-017"
    assert stored.applicant.fin == "5ZX8K2P" and stored.applicant.name == "Əli"
    assert [(d.name, d.submission) for d in stored.documents] == [
        ("Şəxsiyyət vəsiqəsi.", "original")
    ]
    assert "C000-2026-000001" in intake.outcome_page.result.text()
    print(f"control keystrokes for a full seed 000 intake: {keys.control_keys}")
    assert keys.control_keys <= 60


def test_accept_is_disabled_with_the_reason_until_complete(open_window, qtbot):
    window = open_window()
    window.show_passport("01-08-02-00")
    window.start_intake()
    intake = window.intake
    qtbot.keyClicks(intake.start_page.ticket, "B-2")
    intake.go_next()
    applicant_by_keyboard(Keys(qtbot, window))
    intake.go_next()
    intake.go_next()  # past the documents without ticking the one required
    intake.go_next()  # past the checks (not run)
    button = intake.outcome_page.accept_button
    assert not button.isEnabled()
    assert "Şəxsiyyət vəsiqəsi." in button.toolTip()
    assert intake.outcome_page.grounds["incomplete_documents"].isChecked()
    type_text(qtbot, intake.outcome_page.reason, "Sənəd yoxdur")
    qtbot.mouseClick(intake.outcome_page.refuse_button, Qt.MouseButton.LeftButton)
    stored = get_application(window.desk, intake.application.id)
    assert stored.status == "refused" and stored.refusal["grounds"] == ["incomplete_documents"]


def test_invalid_fields_get_a_message_at_the_field_and_nothing_is_lost(open_window, qtbot):
    window = open_window()
    intake = open_applicant_page(window)
    form = intake.applicant_page.form
    qtbot.keyClicks(form.edits["fin"], "12o4567")
    assert form.errors["fin"].isVisibleTo(form)
    assert "I və O" in form.errors["fin"].text() or "I and O" in form.errors["fin"].text()
    qtbot.keyClicks(form.edits["birth_date"], "01.01.2999")
    intake.go_next()
    assert intake.pages.currentWidget() is intake.applicant_page  # stays
    assert form.errors["birth_date"].text()
    intake.save_draft()
    draft = get_application(window.desk, intake.application.id).draft
    assert draft["applicant"]["fin"] == "12O4567"
    assert draft["applicant"]["birth_date"] == "01.01.2999"


def test_a_draft_reopens_exactly_as_typed(open_window, qtbot, workspace_env):
    window = open_window()
    intake = open_applicant_page(window)
    qtbot.keyClicks(intake.applicant_page.form.edits["surname"], "Quliyeva")
    qtbot.keyClicks(intake.applicant_page.form.edits["fin"], "7ab")
    qtbot.waitUntil(lambda: not intake._autosave.isActive(), timeout=3000)
    application_id = intake.application.id
    window.close()
    again = open_window()  # a new window on the same data folder: the draft comes back
    assert again.intake is not None and again.intake.application.id == application_id
    form = again.intake.applicant_page.form
    assert form.edits["surname"].text() == "Quliyeva"
    assert form.edits["fin"].text() == "7AB"
    assert [s.status for s in list_applications(again.desk)] == ["draft"]


def test_a_read_only_database_mid_session_is_reported_and_the_typing_kept(
    open_window, qtbot, workspace_env
):
    from dost_desk.storage.engine import create_engine_for

    window = open_window()
    intake = open_applicant_page(window)
    writable = intake.desk.engine
    database = workspace_env / "data" / "dost_desk.sqlite3"
    intake.desk.engine = create_engine_for(f"sqlite:///file:{database}?mode=ro&uri=true")
    try:
        qtbot.keyClicks(intake.applicant_page.form.edits["surname"], "Quliyeva")
        intake.save_now()
        assert "Verilənlər bazası" in intake.message.text() or "database" in intake.message.text()
        assert intake.applicant_page.form.edits["surname"].text() == "Quliyeva"
    finally:
        intake.desk.engine.dispose()
        intake.desk.engine = writable
    intake.save_now()
    draft = get_application(window.desk, intake.application.id).draft
    assert draft["applicant"]["surname"] == "Quliyeva"


def test_follow_up_statuses_and_find_an_earlier_applicant(open_window, qtbot):
    window = open_window()
    intake = open_applicant_page(window)
    applicant_by_keyboard(Keys(qtbot, window))
    intake.go_next()
    qtbot.keyClick(intake.documents_page.table, Qt.Key.Key_2)
    intake.accept_application()
    page = intake.outcome_page
    assert page.status_buttons["ordered"].isVisibleTo(page)
    assert not page.status_buttons["handed_over"].isVisibleTo(page)
    qtbot.mouseClick(page.status_buttons["ordered"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.status_buttons["ready"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.status_buttons["handed_over"], Qt.MouseButton.LeftButton)
    stored = get_application(window.desk, intake.application.id)
    assert [h.to_status for h in stored.history] == [
        "draft",
        "submitted",
        "ordered",
        "ready",
        "handed_over",
    ]
    assert not page.status_box.isVisibleTo(page)  # handed over: nothing follows
    from dost_desk.services.orders import list_orders

    (order,) = list_orders(window.desk)
    assert order.status == "done"  # "Ready" closed the back office's order
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert window.intake is None
    # The next citizen is the same person: found by an ASCII-typed name and reused.
    window.show_passport("01-08-02-00")
    window.start_intake()
    second = window.intake
    second.go_next()
    second.applicant_page.find_edit.setFocus()
    qtbot.keyClicks(second.applicant_page.find_edit, "memmedov")
    qtbot.keyClick(second.applicant_page.find_edit, Qt.Key.Key_Return)
    assert second.applicant_page.found.count() == 1
    second.applicant_page.found.activated.emit(0)
    form = second.applicant_page.form
    assert form.edits["fin"].text() == "5ZX8K2P"
    assert form.edits["birth_date"].text() == "14.02.1985"
    second.go_next()
    assert second.pages.currentWidget() is second.documents_page


def test_timer_turns_amber_at_80_percent_and_red_over_the_standard(open_window):
    from datetime import timedelta

    from dost_desk.ui.intake import actions

    window = open_window()
    intake = open_applicant_page(window)
    started = intake.application.started_at
    for minutes, colour in ((2, "#1b7f3b"), (8, "#b26a00"), (11, "#b3261e")):
        intake.desk.clock = lambda m=minutes: started + timedelta(minutes=m)
        actions.update_timer(intake)
        assert colour in intake.timer_label.styleSheet(), minutes
    assert intake.timer_label.text() == "11:00 / 10:00"


def test_escape_goes_back_and_closes_an_unstarted_intake(open_window, qtbot):
    window = open_window()
    intake = open_applicant_page(window)
    assert intake.pages.currentWidget() is intake.applicant_page
    qtbot.keyClick(intake.applicant_page.form.edits["fin"], Qt.Key.Key_Escape)
    assert intake.pages.currentWidget() is intake.start_page
    window.close_intake()
    window.show_passport("01-08-02-00")
    window.start_intake()
    qtbot.keyClick(window.intake.start_page.ticket, Qt.Key.Key_Escape)
    assert window.intake is None  # nothing was stored, nothing to keep


def test_checks_page_records_a_manual_result_and_a_conflict_blocks_acceptance(open_window, qtbot):
    from dost_desk.services.checks import checks_for_application

    window = open_window()
    window.show_passport("01-08-02-00")
    window.start_intake()
    intake = window.intake
    intake.go_next()  # start → applicant (action: issue)
    applicant_by_keyboard(Keys(qtbot, window))
    intake.go_next()
    qtbot.keyClick(intake.documents_page.table, Qt.Key.Key_1)
    intake.go_next()
    page = intake.checks_page
    assert intake.pages.currentWidget() is page
    assert [v.step for v in page.views] == [4, 5]
    qtbot.keyClick(page.table, Qt.Key.Key_F5)  # manual systems: nothing to ask automatically
    qtbot.waitUntil(lambda: page.run_button.isEnabled(), timeout=10_000)
    page.table.selectRow(1)  # Monitoring: the applicant already has a certificate
    page.result.setCurrentIndex(page.result.findData("confirmed"))
    qtbot.keyClicks(page.reference, "MON-77")
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    stored = checks_for_application(window.desk, intake.application.id)
    assert stored[1].status == "confirmed" and stored[1].reference == "MON-77"
    assert stored[1].conflicts  # "issue" is not allowed when a certificate exists
    intake.go_next()
    assert intake.pages.currentWidget() is intake.outcome_page
    assert not intake.outcome_page.accept_button.isEnabled()


def test_accepting_creates_the_e_sosial_notice_listed_for_the_agent(open_window, qtbot):
    window = open_window()
    intake = open_applicant_page(window)
    applicant_by_keyboard(Keys(qtbot, window))
    intake.go_next()
    qtbot.keyClick(intake.documents_page.table, Qt.Key.Key_3)
    intake.accept_application()
    window.close_intake()
    panel = window.notices_panel
    panel.filter.setCurrentIndex(panel.filter.findData(None))
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 1).text() == intake.application.registration_number
    panel.table.selectRow(0)
    assert intake.application.registration_number in panel.message.text()
    qtbot.mouseClick(panel.posted_button, Qt.MouseButton.LeftButton)
    assert panel.table.item(0, 3).text() == "Yerləşdirilib"
