"""The real print path: a receipt through the Print button's code to a CUPS PDF printer."""

from __future__ import annotations

import io
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from needs import unavailable
from pypdf import PdfReader

PRINTER = "DOST_PDF"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")


def _unavailable(reason: str):
    unavailable(f"CUPS printing cannot be tested here: {reason}")


@pytest.fixture(scope="session")
def cups_pdf_printer():
    """cupsd with a cups-pdf queue (DESIGN §9): jobs land as PDFs in ~/PDF."""
    if not (shutil.which("cupsd") and shutil.which("lpadmin") and PPD.exists()):
        _unavailable("the Debian packages cups, cups-pdf and cups-bsd are not installed")
    if subprocess.run(["pgrep", "-x", "cupsd"], capture_output=True, timeout=60).returncode != 0:
        started = subprocess.run(["cupsd"], capture_output=True, text=True, timeout=60)
        if started.returncode != 0:
            _unavailable(f"cupsd does not start: {started.stderr.strip()}")
        time.sleep(1)
    added = subprocess.run(
        ["lpadmin", "-p", PRINTER, "-v", "cups-pdf:/", "-E", "-P", str(PPD)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if added.returncode != 0:
        _unavailable(f"lpadmin failed: {added.stderr.strip()}")
    return Path.home() / "PDF"


def _wait_for_new_pdf(folder: Path, before: set[Path], timeout: float = 60) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = set(folder.glob("*.pdf")) - before if folder.exists() else set()
        for path in new:
            size = path.stat().st_size
            time.sleep(0.5)
            if size and path.stat().st_size == size:
                return path
        time.sleep(0.3)
    pytest.fail(f"no PDF arrived in {folder} within {timeout} s")


@pytest.mark.slow
def test_a_receipt_prints_on_a_real_cups_printer(qapp, cups_pdf_printer, tmp_path):
    from PySide6.QtPrintSupport import QPrinterInfo

    from dost_desk.services.printing import render_sample
    from dost_desk.ui.print_preview import print_pdf

    assert PRINTER in QPrinterInfo.availablePrinterNames()
    pdf = render_sample("receipt", "a4")
    sent = PdfReader(io.BytesIO(pdf))
    before = set(cups_pdf_printer.glob("*.pdf")) if cups_pdf_printer.exists() else set()
    assert print_pdf(pdf, PRINTER) == len(sent.pages)
    printed = _wait_for_new_pdf(cups_pdf_printer, before)
    received = PdfReader(printed)
    assert len(received.pages) == len(sent.pages)
    width, height = (float(v) for v in received.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    png = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "20", "-f", "1", "-l", "1", printed, png], check=True, timeout=60
    )
    from PySide6.QtGui import QImage

    image = QImage(str(png) + "-1.png")
    dark = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 50, "the printed page is blank"


def test_an_unknown_printer_is_a_clear_error(qapp):
    from dost_desk.ui.print_preview import PrintFailed, print_pdf

    with pytest.raises(PrintFailed, match="not available"):
        print_pdf(b"%PDF-1.4", "NO_SUCH_PRINTER")
