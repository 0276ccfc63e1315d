"""The identity document number is checked against the chosen document type as the agent
types, with the services' rules (dost_desk.models.field_rules), in the real intake."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from test_intake import open_applicant_page

from dost_desk.models.field_rules import FieldContext, check_field
from dost_desk.ui.problem_messages import problem_text


def choose_kind(form, kind: str) -> None:
    combo = form.combos["id_document_kind"]
    combo.setCurrentIndex(combo.findData(kind))


def type_number(qtbot, form, number: str) -> None:
    edit = form.edits["id_document_number"]
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, number)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)  # leaving the field checks it in full


def shown_error(form) -> str | None:
    label = form.errors["id_document_number"]
    return label.text() if label.isVisibleTo(form) else None


def test_a_valid_residence_permit_number_shows_no_error(open_window, qtbot):
    form = open_applicant_page(open_window("en")).applicant_page.form
    choose_kind(form, "residence_permit")
    type_number(qtbot, form, "myi 1234567")
    assert shown_error(form) is None


def test_an_id_card_number_with_the_permit_type_gets_the_permits_message(open_window, qtbot):
    form = open_applicant_page(open_window("en")).applicant_page.form
    choose_kind(form, "residence_permit")
    type_number(qtbot, form, "AA1234567")
    expected = check_field(
        "id_document_number",
        "AA1234567",
        FieldContext(today=date(2026, 9, 7), id_document_kind="residence_permit"),
    ).problem
    assert expected is not None and shown_error(form) == problem_text(expected)
    assert "residence permit" in shown_error(form).lower()


def test_switching_the_document_type_checks_the_number_again(open_window, qtbot):
    intake = open_applicant_page(open_window("en"))
    form = intake.applicant_page.form
    type_number(qtbot, form, "MYI1234567")  # the identity card is chosen first
    assert shown_error(form) is not None
    choose_kind(form, "residence_permit")
    assert shown_error(form) is None
    choose_kind(form, "passport")
    assert "passport" in (shown_error(form) or "").lower()
    choose_kind(form, "id_card")
    form.edits["id_document_number"].clear()
    choose_kind(form, "passport")  # an empty number is not an error yet
    assert shown_error(form) is None
    intake.save_draft()  # nothing typed was changed by the checks
    assert form.edits["fin"].text() == ""
