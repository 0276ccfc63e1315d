"""After an outcome its document opens in a preview: save as PDF, reprint as DUBLİKAT."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from test_intake import Keys, applicant_by_keyboard, open_applicant_page

from dost_desk.services.printing import list_printed_documents


def _accept(window, qtbot):

    intake = open_applicant_page(window)
    applicant_by_keyboard(Keys(qtbot, window))
    intake.go_next()
    qtbot.keyClick(intake.documents_page.table, Qt.Key.Key_1)
    intake.accept_application()
    return intake


def test_the_receipt_opens_after_acceptance_and_saves_and_reprints(
    open_window, qtbot, tmp_path, save_screenshot
):
    window = open_window()
    intake = _accept(window, qtbot)
    qtbot.waitUntil(lambda: getattr(intake, "preview", None) is not None, timeout=30_000)
    preview = intake.preview
    assert preview.document.pageCount() >= 1
    assert set(intake.outcome_page.print_buttons) >= {"receipt", "certificate"}
    save_screenshot(preview, "print-preview-receipt")
    target = tmp_path / "receipt.pdf"
    preview.save_to(str(target))
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert intake.application.registration_number in text
    assert "DUBLİKAT" not in text
    preview.reprint()
    preview.save_to(str(tmp_path / "copy.pdf"))
    copy_text = "".join(p.extract_text() for p in PdfReader(tmp_path / "copy.pdf").pages)
    assert "DUBLİKAT" in copy_text
    printed = list_printed_documents(window.desk, intake.application.id)
    assert [(p.kind, p.copy_number, p.duplicate) for p in printed] == [
        ("receipt", 1, False),
        ("receipt", 2, True),
    ]


def test_saving_into_a_path_that_is_not_a_folder_says_why(open_window, qtbot, tmp_path):
    window = open_window()
    intake = _accept(window, qtbot)
    qtbot.waitUntil(lambda: getattr(intake, "preview", None) is not None, timeout=30_000)
    out = tmp_path / "out"
    out.mkdir()
    blocker = out / "file"
    blocker.write_text("x")
    intake.preview.save_to(str(blocker / "receipt.pdf"))
    assert "file" in intake.preview.status.text()
    assert list(out.iterdir()) == [blocker]
