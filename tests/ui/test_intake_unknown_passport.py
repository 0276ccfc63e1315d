"""A passport the desk's catalog does not hold: a message in the intake, never a half-built view."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dost_desk.catalog.catalog import Catalog
from dost_desk.services.intake import start_application

CERTIFICATE = "01-08-02-00"


def test_a_draft_of_a_passport_the_desk_no_longer_has_says_so_and_closes(open_window, qtbot):
    window = open_window("en")
    draft = start_application(window.desk, CERTIFICATE, {"action": "issue"}, "in_person")
    catalog = window.desk.catalog
    window.desk.catalog = Catalog(
        catalog.reference, tuple(p for p in catalog.passports if p.id != CERTIFICATE)
    )

    window.resume_application(draft.id)

    intake = window.intake
    assert intake is not None and intake.passport is None and intake.application is None
    assert "01-08-02-00 is not in this desk's catalog" in intake.message.text()
    assert intake.start_page.variant_combos == {}
    intake.go_next()  # Enter: nothing to do, no traceback
    assert intake.application is None
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert window.intake is None
