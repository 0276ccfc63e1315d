"""Saving a PDF: typed reasons for a refused path, private files in the data folder, and
temporary files of a dead process cleared (those of a live one kept)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from test_printing_service import accepted_certificate

from dost_desk.print.errors import OutputNotWritable
from dost_desk.print.output import save_pdf
from dost_desk.services.printing import list_printed_documents, save_application_document


def test_a_refused_path_names_its_reason_and_the_path(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    link = tmp_path / "link.pdf"
    link.symlink_to(blocker)
    cases = {
        "missing_folder": (tmp_path / "missing" / "a.pdf", tmp_path / "missing"),
        "not_a_folder": (blocker / "a.pdf", blocker),
        "is_folder": (tmp_path, tmp_path),
        "not_regular": (link, link),
    }
    for reason, (path, about) in cases.items():
        with pytest.raises(OutputNotWritable) as caught:
            save_pdf(b"%PDF-1.4", path)
        assert (caught.value.reason, caught.value.path) == (reason, str(about))
    assert blocker.read_text() == "x" and link.is_symlink()


def test_a_document_saved_in_the_data_folder_is_private(desk, clock, tmp_path):
    app = accepted_certificate(desk, clock)
    folder = desk.settings.data_dir / "printouts"
    folder.mkdir(parents=True)
    rendered, target = save_application_document(desk, app.id, "receipt", folder / "r.pdf")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == rendered.pdf
    elsewhere = tmp_path / "r.pdf"
    previous = os.umask(0o022)
    try:
        save_application_document(desk, app.id, "receipt", elsewhere)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o644
    archived = list_printed_documents(desk, app.id)
    assert [(p.copy_number, p.duplicate) for p in archived] == [(1, False), (2, True)]


def test_temporary_files_of_a_dead_process_are_cleared(tmp_path):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    dead_pid = int(dead.stdout)
    abandoned = tmp_path / f".r.pdf.{dead_pid}.abc123.part"
    abandoned.write_bytes(b"%PDF-half")
    live = tmp_path / f".r.pdf.{os.getppid()}.def456.part"  # a process that is running
    live.write_bytes(b"%PDF-busy")
    other = tmp_path / f".other.pdf.{dead_pid}.ghi789.part"
    other.write_bytes(b"%PDF-other")
    save_pdf(b"%PDF-1.4 whole", tmp_path / "r.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["r.pdf", live.name, other.name])
