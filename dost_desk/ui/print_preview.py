"""Preview a document (QtPdf), print it through Qt's print dialog, save it as PDF.

The dialog shows what the next print would be; the :class:`Delivery` it is given decides
what printing and saving mean (for a stored application: render the next copy, print or
write it, and archive it only once it was delivered).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSettings, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dost_desk.print.errors import OutputNotWritable
from dost_desk.ui.error_messages import error_line
from dost_desk.ui.workers import run_in_background

PRINTER_KEY = "printing/last_printer"


class Delivery(Protocol):
    """How the previewed document is printed, saved and reprinted (run off the GUI
    thread; each returns the PDF that was actually delivered or is shown next)."""

    def send(self, send_pdf: Callable[[bytes], object]) -> bytes:
        """Deliver the document with ``send_pdf`` (e.g. to a printer)."""
        ...

    def save(self, path: str) -> bytes:
        """Write the document to ``path``."""
        ...

    def next_copy(self) -> bytes:
        """The document the next print or save would deliver (for Reprint)."""
        ...


class PrintFailed(RuntimeError):
    """No page could be sent to the printer (no printer, spooler down, bad document)."""


class PartlyPrinted(RuntimeError):
    """Some copies were printed (and archived) before ``cause`` stopped the rest."""

    def __init__(self, sheets: int, cause: Exception) -> None:
        super().__init__(f"{sheets} copies printed, then: {cause}")
        self.sheets = sheets
        self.cause = cause


def load_pdf(pdf: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument reading ``pdf`` from memory (keep the buffer alive with the document)."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PrintFailed(f"the document cannot be read ({document.error().name})")
    return document, buffer


def print_pdf(pdf: bytes, printer_name: str, copies: int = 1) -> int:
    """Print ``pdf`` on the named printer, page by page at the printer's resolution.

    The same path serves the Print button (run off the GUI thread) and the CUPS test.
    Returns the number of pages sent; raises PrintFailed with the reason.
    """
    if printer_name not in QPrinterInfo.availablePrinterNames():
        raise PrintFailed(f"printer {printer_name!r} is not available")
    document, buffer = load_pdf(pdf)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(printer_name)
    printer.setCopyCount(max(1, copies))
    first = document.pagePointSize(0)
    printer.setPageSize(QPageSize(first, QPageSize.Unit.Point))
    printer.setFullPage(True)  # the PDF carries its own margins
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise PrintFailed(f"printer {printer_name!r} cannot start a job")
    pages = document.pageCount()
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            target = painter.viewport()
            size = (
                document.pagePointSize(page)
                .toSize()
                .scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            )
            image = document.render(page, QSize(size.width(), size.height()))
            if image.isNull():
                raise PrintFailed(f"page {page + 1} could not be rendered")
            white = QImage(image.size(), QImage.Format.Format_RGB32)
            white.fill(Qt.GlobalColor.white)  # QtPdf renders a transparent background
            with_background = QPainter(white)
            with_background.drawImage(0, 0, image)
            with_background.end()
            painter.drawImage(target.topLeft(), white)
    finally:
        painter.end()
        document.close()  # QtPdf keeps ~17 KB per document deleted without close()
        buffer.close()
    return pages


class PrintPreview(QDialog):
    """A document on screen with Print, Save as PDF and (for stored documents) Reprint."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        suggested_name: str,
        delivery: Delivery,
        reprint: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(title)
        self.resize(820, 900)
        self.pdf = pdf
        self._delivery = delivery
        self._reprint_allowed = reprint
        self._suggested = suggested_name
        self._job = None
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(objectName="printStatus")
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Print…"), objectName="printButton")
        self.save_button = QPushButton(self.tr("&Save as PDF…"), objectName="savePdfButton")
        self.reprint_button = QPushButton(
            self.tr("&Reprint (duplicate)"), objectName="reprintButton"
        )
        self.reprint_button.setVisible(False)  # until the original was delivered
        close = QPushButton(self.tr("&Close"), objectName="closePreviewButton")
        buttons = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.reprint_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.choose_printer_and_print)
        self.save_button.clicked.connect(self.save_as)
        self.reprint_button.clicked.connect(self.reprint)
        close.clicked.connect(self.accept)
        self.show_pdf(pdf)

    def show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.release_document()
        try:
            self.document, self._buffer = load_pdf(pdf, self)
        except PrintFailed as error:
            self.status.setText(str(error))
            return
        self.view.setDocument(self.document)

    def release_document(self) -> None:
        """Close the shown document: QtPdf keeps ~17 KB of every document deleted without
        close(), so a day of previews would grow the process."""
        document = getattr(self, "document", None)
        if document is not None:
            document.close()  # the view shows nothing; the dialog deletes the object
            self.document = None

    def done(self, result: int) -> None:
        self.release_document()
        super().done(result)

    # -- actions -------------------------------------------------------------------------
    def choose_printer_and_print(self) -> None:
        settings = QSettings()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        remembered = settings.value(PRINTER_KEY, "")
        if remembered and remembered in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(remembered)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        settings.setValue(PRINTER_KEY, printer.printerName())
        self.print_on(printer.printerName(), printer.copyCount())

    def print_on(self, printer_name: str, copies: int = 1) -> None:
        """Send the document to a printer off the GUI thread; report the outcome here."""
        if not printer_name:
            self.status.setText(self.tr("No printer is installed. The document stays saved."))
            return
        self.status.setText(self.tr("Printing on %1…").replace("%1", printer_name))
        pages: list[int] = []

        def send(pdf: bytes) -> None:
            pages.append(print_pdf(pdf, printer_name, 1))

        def print_each_copy() -> tuple[bytes, int]:
            # every sheet is its own archived copy: one original, then DUBLİKAT copies
            delivered = b""
            for sheet in range(max(1, copies)):
                try:
                    delivered = self._delivery.send(send)
                except Exception as error:  # reported on the GUI thread, never swallowed
                    if sheet == 0:
                        raise
                    raise PartlyPrinted(sheet, error) from error
            return delivered, sum(pages)

        self._start(print_each_copy, self._printed, self._print_failed)

    def _print_failed(self, error: Exception) -> None:
        if isinstance(error, PartlyPrinted):
            template = self.tr(
                "Printing stopped after %n copy(ies): %1. Those are archived; the application "
                "stays saved.",
                "",
                error.sheets,
            )
            self._failed(template, error.cause)
            return
        self._failed(
            self.tr("Printing failed: %1. Nothing was archived; the application stays saved."),
            error,
        )

    def _start(self, work, on_done, on_error) -> None:
        """Run ``work`` off the GUI thread; one action at a time."""
        self._set_busy(True)

        def done(result) -> None:
            self._job = None
            self._set_busy(False)
            on_done(result)

        def failed(error: Exception) -> None:
            self._job = None
            self._set_busy(False)
            on_error(error)

        self._job = run_in_background(work, on_done=done, on_error=failed, context=self)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.print_button, self.save_button, self.reprint_button):
            button.setEnabled(not busy)

    def _printed(self, result: tuple[bytes, int]) -> None:
        pdf, pages = result
        self.show_pdf(pdf)  # what went to the printer (a DUBLİKAT if it was a reprint)
        self.reprint_button.setVisible(self._reprint_allowed)
        self.status.setText(self.tr("Sent to the printer: %n page(s).", "", pages))

    def _failed(self, template: str, error: Exception) -> None:
        self.status.setText(template.replace("%1", self._describe(error)))

    def _describe(self, error: Exception) -> str:
        """Why a file could not be saved, in the user's language where it is known."""
        if isinstance(error, OutputNotWritable):
            texts = {
                "missing_folder": self.tr("the folder %1 does not exist"),
                "not_a_folder": self.tr("%1 is a file, not a folder"),
                "is_folder": self.tr("%1 is a folder"),
                "not_regular": self.tr(
                    "%1 is a link, device or pipe, not a regular file; choose a new file name"
                ),
                "no_permission": self.tr("there is no permission to write in %1"),
                "no_space": self.tr("the disk is full"),
            }
            if error.reason in texts:
                return texts[error.reason].replace("%1", error.path)
        if isinstance(error, PrintFailed):
            return str(error)  # names the printer and what it said
        return error_line(error)

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self._suggested, self.tr("PDF documents (*.pdf)")
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> None:
        """Save (and archive) the document as ``path`` off the GUI thread."""
        self.status.clear()
        self._start(
            lambda: self._delivery.save(path),
            lambda pdf: self._saved(pdf, path),
            lambda error: self._failed(
                self.tr("Not saved: %1. Nothing was archived; the application stays saved."),
                error,
            ),
        )

    def _saved(self, pdf: bytes, path: str) -> None:
        self.show_pdf(pdf)
        self.reprint_button.setVisible(self._reprint_allowed)
        self.status.setText(self.tr("Saved: %1").replace("%1", path))

    def reprint(self) -> None:
        """Show the duplicate the next print or save makes (archived once delivered)."""
        self._start(self._delivery.next_copy, self._next_copy, lambda e: self._failed("%1", e))

    def _next_copy(self, pdf: bytes) -> None:
        self.show_pdf(pdf)
        self.status.setText(
            self.tr("This is the duplicate (DUBLİKAT); print or save it to archive it.")
        )
