"""`dost-desk print sample|app|list` and `dost-desk verify` end to end."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from dost_desk.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    assert err.startswith("dost-desk: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def accepted_application(url: str, tmp_path) -> str:
    """Accept one certificate application (as of 7 September 2026) in the database at
    ``url``, migrated with the passports stored; return its registration number."""
    from dost_desk.config import load_settings
    from dost_desk.services.applicants import set_applicant
    from dost_desk.services.desk import open_desk
    from dost_desk.services.intake import record_document, start_application
    from dost_desk.services.intake_dto import ApplicantInput
    from dost_desk.services.outcome import submit_application

    settings = load_settings(config_file=tmp_path / "none.toml", centre_code="C123")
    desk = open_desk(settings, url=url)
    today = datetime(2026, 9, 7, 5, 0, tzinfo=UTC)
    desk = replace(desk, clock=lambda: today)
    try:
        app = start_application(desk, "01-08-02-00", {"action": "issue"}, "in_person")
        person = ApplicantInput(
            fin="5ZX8K2P",
            id_document_number="AA1234567",
            surname="Əliyeva",
            name="Günay",
            birth_date="03.05.1990",
        )
        set_applicant(desk, app.id, person)
        record_document(desk, app.id, "Şəxsiyyət vəsiqəsi.", "original")
        return submit_application(desk, app.id).registration_number
    finally:
        desk.close()


@pytest.fixture
def database(tmp_path, monkeypatch) -> dict:
    """A SQLite database with one accepted certificate application, as the configured one."""
    url = f"sqlite:///{(tmp_path / 'print.sqlite3').as_posix()}"
    regno = accepted_application(url, tmp_path)
    monkeypatch.setenv("DOST_DESK_DATABASE_URL", url)
    monkeypatch.setenv("DOST_DESK_CENTRE_CODE", "C123")
    return {"url": url, "regno": regno}


@pytest.mark.parametrize("kind", ["receipt", "certificate", "refusal", "payment-decision"])
def test_print_sample_writes_a_pdf(kind, tmp_path, capsys):
    out = tmp_path / f"{kind}.pdf"
    code, stdout, err = run(capsys, "print", "sample", "--kind", kind, "--out", out)
    assert code == 0 and err == ""
    assert stdout.startswith(f"wrote {out} ({kind} sample, a4")
    assert len(PdfReader(out).pages) >= 1


def test_print_sample_on_the_roll_and_verify_it(tmp_path, capsys):
    out = tmp_path / "qəbz.pdf"
    code, _, _ = run(
        capsys, "print", "sample", "--kind", "receipt", "--profile", "roll80", "--out", out
    )
    assert code == 0
    assert len(PdfReader(out).pages) == 1
    code, stdout, err = run(capsys, "verify", out)
    assert code == 0 and err == ""
    assert stdout.startswith("valid: receipt C123-2026-000042/QB")
    assert "no database: archive not checked" in stdout


def test_bad_kind_profile_and_output_are_one_line_errors(tmp_path, capsys):
    code, _, err = run(capsys, "print", "sample", "--kind", "invoice", "--out", tmp_path / "x.pdf")
    assert code == 1 and "unknown document kind 'invoice'" in one_error_line(err)
    code, _, err = run(
        capsys, "print", "sample", "--kind", "receipt", "--profile", "a5", "--out", tmp_path / "x"
    )
    assert code == 1 and "unknown printer profile 'a5'" in one_error_line(err)
    regular = tmp_path / "somefile"
    regular.write_text("not a folder")
    code, _, err = run(capsys, "print", "sample", "--kind", "receipt", "--out", regular / "out.pdf")
    assert code == 1 and "is a file, not a folder" in one_error_line(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["somefile"]


def test_print_app_archives_and_marks_the_second_print_as_duplicate(database, tmp_path, capsys):
    regno = database["regno"]
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    code, out, err = run(capsys, "print", "app", regno, "--kind", "receipt", "--out", first)
    assert code == 0 and err == ""
    assert f"receipt {regno}/QB, a4, original" in out
    code, out, _ = run(
        capsys, "print", "app", regno, "--kind", "receipt", "--profile", "roll80", "--out", second
    )
    assert code == 0 and "DUBLİKAT, copy 2" in out
    assert "DUBLİKAT" in "".join(p.extract_text() for p in PdfReader(second).pages)

    code, out, _ = run(capsys, "print", "list", regno)
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 2
    assert "copy 1" in lines[0] and "copy 2 DUBLİKAT" in lines[1]
    code, out, _ = run(capsys, "print", "list", regno, "--json")
    assert [row["copy_number"] for row in json.loads(out)] == [1, 2]

    code, out, _ = run(capsys, "verify", first)
    assert code == 0 and "matches the archive: printed 2 time(s)" in out
    hash16 = PdfReader(first).metadata["/DostQR"].rsplit("|", 1)[1]
    code, out, _ = run(capsys, "verify", "--qr", f"DOST|{regno}|receipt|{hash16}")
    assert code == 0 and out.startswith("valid: receipt")
    code, out, _ = run(capsys, "verify", "--qr", f"DOST|{regno}|receipt|{'0' * 16}")
    assert code == 1 and out.startswith("NOT valid")


def test_print_app_refuses_a_kind_that_does_not_apply(database, tmp_path, capsys):
    out = tmp_path / "refusal.pdf"
    code, _, err = run(capsys, "print", "app", database["regno"], "--kind", "refusal", "--out", out)
    assert code == 1 and "is submitted" in one_error_line(err)
    assert not out.exists()
    code, _, err = run(
        capsys, "print", "app", "C123-2026-999999", "--kind", "receipt", "--out", out
    )
    assert code == 1 and "no application" in one_error_line(err)


def test_verify_reports_a_tampered_pdf(tmp_path, capsys):
    original = tmp_path / "receipt.pdf"
    run(capsys, "print", "sample", "--kind", "receipt", "--out", original)
    reader = PdfReader(original)
    content = json.loads(reader.metadata["/DostContent"])
    content["applicant_name"] = "Saxta Ad"
    writer = PdfWriter(clone_from=reader)
    writer.add_metadata({"/DostContent": json.dumps(content, ensure_ascii=False)})
    forged = tmp_path / "forged.pdf"
    buffer = io.BytesIO()
    writer.write(buffer)
    forged.write_bytes(buffer.getvalue())
    code, out, err = run(capsys, "verify", forged)
    assert code == 1 and err == ""
    assert out.startswith("NOT valid: receipt C123-2026-000042/QB: the content was changed")
    code, out, _ = run(capsys, "verify", tmp_path / "missing.pdf")
    assert code == 1 and "no such file" in out


def test_verify_needs_a_file_or_a_qr_code(capsys, tmp_path: Path):
    code, _, err = run(capsys, "verify")
    assert code == 1 and "give a PDF file or --qr" in one_error_line(err)
    code, _, err = run(capsys, "verify", "--qr", "DOST|C1|receipt|" + "0" * 16)
    assert code == 1 and "no database" in one_error_line(err)
