"""After an outcome its document opens in a preview: save as PDF, reprint as DUBLİKAT.
A document is archived only once it was saved or printed: a failed save archives nothing."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, Qt
from test_intake import Keys, applicant_by_keyboard, open_applicant_page

from dost_desk.services.printing import list_printed_documents


def _accept(window, qtbot):

    intake = open_applicant_page(window)
    applicant_by_keyboard(Keys(qtbot, window))
    intake.go_next()
    qtbot.keyClick(intake.documents_page.table, Qt.Key.Key_1)
    intake.accept_application()
    return intake


def _saved(preview, qtbot, path) -> str:
    preview.save_to(str(path))
    qtbot.waitUntil(lambda: preview.status.text() != "" and preview._job is None, timeout=30_000)
    return preview.status.text()


def test_the_receipt_opens_after_acceptance_and_saves_and_reprints(
    open_window, qtbot, tmp_path, save_screenshot
):
    window = open_window()
    intake = _accept(window, qtbot)
    qtbot.waitUntil(lambda: getattr(intake, "preview", None) is not None, timeout=30_000)
    preview = intake.preview
    assert preview.document.pageCount() >= 1
    assert set(intake.outcome_page.print_buttons) >= {"receipt", "certificate"}
    assert list_printed_documents(window.desk, intake.application.id) == []  # not yet printed
    save_screenshot(preview, "print-preview-receipt")
    target = tmp_path / "receipt.pdf"
    assert str(target) in _saved(preview, qtbot, target)
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert intake.application.registration_number in text
    assert "DUBLİKAT" not in text
    preview.reprint()
    qtbot.waitUntil(lambda: preview._job is None, timeout=30_000)
    _saved(preview, qtbot, tmp_path / "copy.pdf")
    copy_text = "".join(p.extract_text() for p in PdfReader(tmp_path / "copy.pdf").pages)
    assert "DUBLİKAT" in copy_text
    printed = list_printed_documents(window.desk, intake.application.id)
    assert [(p.kind, p.copy_number, p.duplicate) for p in printed] == [
        ("receipt", 1, False),
        ("receipt", 2, True),
    ]


def test_a_failed_save_archives_nothing_and_says_why(open_window, qtbot, tmp_path):
    window = open_window()
    intake = _accept(window, qtbot)
    qtbot.waitUntil(lambda: getattr(intake, "preview", None) is not None, timeout=30_000)
    out = tmp_path / "out"
    out.mkdir()
    blocker = out / "file"
    blocker.write_text("x")
    link = out / "link.pdf"
    link.symlink_to(blocker)

    def tr(text: str) -> str:
        return QCoreApplication.translate("PrintPreview", text)

    not_saved = tr("Not saved: %1. Nothing was archived; the application stays saved.")
    not_regular = "%1 is a link, device or pipe, not a regular file; choose a new file name"
    for bad, reason, about in (
        (blocker / "receipt.pdf", "%1 is a file, not a folder", blocker),
        (link, not_regular, link),
    ):
        why = tr(reason).replace("%1", str(about))
        assert _saved(intake.preview, qtbot, bad) == not_saved.replace("%1", why)
    assert sorted(out.iterdir()) == [blocker, link] and blocker.read_text() == "x"
    assert list_printed_documents(window.desk, intake.application.id) == []
    _saved(intake.preview, qtbot, out / "receipt.pdf")
    text = "".join(p.extract_text() for p in PdfReader(out / "receipt.pdf").pages)
    assert "DUBLİKAT" not in text
    printed = list_printed_documents(window.desk, intake.application.id)
    assert [(p.copy_number, p.duplicate) for p in printed] == [(1, False)]


def test_a_failed_print_archives_nothing_and_says_why(open_window, qtbot):
    window = open_window()
    intake = _accept(window, qtbot)
    qtbot.waitUntil(lambda: getattr(intake, "preview", None) is not None, timeout=30_000)
    preview = intake.preview
    preview.print_on("NO_SUCH_PRINTER")
    qtbot.waitUntil(lambda: preview._job is None, timeout=30_000)
    template = QCoreApplication.translate(
        "PrintPreview", "Printing failed: %1. Nothing was archived; the application stays saved."
    )
    before, after = template.split("%1")
    status = preview.status.text()
    assert status.startswith(before) and status.endswith(after) and "NO_SUCH_PRINTER" in status
    assert preview.print_button.isEnabled()
    assert list_printed_documents(window.desk, intake.application.id) == []


def test_two_copies_on_the_printer_are_an_original_and_a_duplicate(open_window, qtbot, monkeypatch):
    from dost_desk.ui import print_preview

    sheets: list[tuple[bytes, int]] = []

    def printer(pdf: bytes, name: str, copies: int = 1) -> int:
        sheets.append((pdf, copies))
        return 1

    monkeypatch.setattr(print_preview, "print_pdf", printer)  # no paper in a test
    window = open_window()
    intake = _accept(window, qtbot)
    qtbot.waitUntil(lambda: getattr(intake, "preview", None) is not None, timeout=30_000)
    intake.preview.print_on("DESK_PRINTER", copies=2)
    qtbot.waitUntil(lambda: intake.preview._job is None, timeout=30_000)
    texts = [
        "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        for pdf, _ in sheets
    ]
    assert [copies for _, copies in sheets] == [1, 1]
    assert ["DUBLİKAT" in text for text in texts] == [False, True]
    printed = list_printed_documents(window.desk, intake.application.id)
    assert [(p.copy_number, p.duplicate) for p in printed] == [(1, False), (2, True)]


def test_a_printer_failing_on_the_second_copy_keeps_the_first_archived(
    open_window, qtbot, monkeypatch
):
    from dost_desk.ui import print_preview

    sheets: list[bytes] = []

    def printer(pdf: bytes, name: str, copies: int = 1) -> int:
        if sheets:
            raise print_preview.PrintFailed("the printer is out of paper")
        sheets.append(pdf)
        return 1

    monkeypatch.setattr(print_preview, "print_pdf", printer)  # no paper in a test
    window = open_window()
    intake = _accept(window, qtbot)
    qtbot.waitUntil(lambda: getattr(intake, "preview", None) is not None, timeout=30_000)
    intake.preview.print_on("DESK_PRINTER", copies=3)
    qtbot.waitUntil(lambda: intake.preview._job is None, timeout=30_000)
    template = QCoreApplication.translate(
        "PrintPreview",
        "Printing stopped after %n copy(ies): %1. Those are archived; the application stays saved.",
        "",
        1,
    )
    expected = template.replace("%1", "the printer is out of paper")
    assert intake.preview.status.text() == expected
    printed = list_printed_documents(window.desk, intake.application.id)
    assert [(p.copy_number, p.duplicate) for p in printed] == [(1, False)]
