"""`dost-desk checks|orders|notices` on a real SQLite file."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dost_desk.cli import main
from dost_desk.config import load_settings
from dost_desk.services.applicants import set_applicant
from dost_desk.services.applications import get_application, load_application
from dost_desk.services.catalog import open_catalog, store_catalog_in_database
from dost_desk.services.desk import Desk
from dost_desk.services.intake import record_document, start_application
from dost_desk.services.intake_dto import ApplicantInput
from dost_desk.services.orders import on_application_submitted
from dost_desk.services.outcome import submit_application
from dost_desk.storage.engine import create_engine_for
from dost_desk.storage.migrate import run_upgrade
from dost_desk.storage.unit_of_work import UnitOfWork

ƏLİ = ApplicantInput(
    fin="5zx8k2p",
    id_document_number="AA1234567",
    surname="Məmmədov",
    name="Əli",
    patronymic="Vaqif oğlu",
    birth_date="14.02.1985",
)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    assert err.startswith("dost-desk: error: ") and err.count("\n") == 1
    assert "Traceback" not in err
    return err


@pytest.fixture
def centre(tmp_path, isolated_config, monkeypatch) -> Desk:
    """Centre C123 whose Monitoring checks use the offline reference table; one
    application (action: issue) accepted 70 days ago, so its notice is overdue today."""
    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    isolated_config.write_text(
        'centre_code = "C123"\nagent_name = "Aygün Həsənova"\n\n'
        '[checks.monitoring]\nprovider = "reference"\n',
        encoding="utf-8",
    )
    url = f"sqlite:///{(tmp_path / 'centre.sqlite3').as_posix()}"
    monkeypatch.setenv("DOST_DESK_DATABASE_URL", url)
    run_upgrade(url)
    engine = create_engine_for(url)
    store_catalog_in_database(engine)
    moment = datetime.now(UTC) - timedelta(days=70)
    desk = Desk(engine, load_settings(), open_catalog(), lambda: moment)
    app = start_application(desk, "01-08-02-00", {"action": "issue"}, "in_person", "in_person")
    set_applicant(desk, app.id, ƏLİ)
    record_document(desk, app.id, "Şəxsiyyət vəsiqəsi.", "original")
    desk.regno = submit_application(desk, app.id).registration_number  # type: ignore[attr-defined]
    with UnitOfWork(desk.engine) as uow:
        on_application_submitted(desk, uow.session, load_application(uow.session, app.id))
        uow.commit()
    yield desk
    desk.close()


@pytest.fixture
def regno(centre) -> str:
    return centre.regno


def test_checks_from_the_command_line(centre, regno, tmp_path, capsys):
    code, out, err = run(capsys, "checks", "list", regno, "--json")
    assert code == 0 and err == ""
    assert [(c["step"], c["status"]) for c in json.loads(out)] == [(4, "deferred"), (5, "deferred")]

    code, out, _ = run(
        capsys,
        "checks",
        "record",
        regno,
        "--step",
        "4",
        "--result",
        "confirmed",
        "--reference",
        "EM-42",
        "--note",
        "işləyir",
    )
    assert code == 0 and "Step 4: CONFIRMED" in out and "reference EM-42" in out

    extract = tmp_path / "monitoring.csv"
    extract.write_bytes("FİN;Şəhadətnamə\n5ZX8K2P;AZ-123456\n".encode("utf-8-sig"))
    code, out, _ = run(
        capsys, "checks", "import", "monitoring", str(extract), "--as-of", "01.09.2026"
    )
    assert code == 0
    assert out.startswith(
        "monitoring: 1 rows as of 01.09.2026 imported (utf-8-sig, key column fin)"
    )

    code, out, _ = run(capsys, "checks", "rerun", "--json")
    summary = json.loads(out)
    assert code == 0 and summary["answered"] == 1
    (detail,) = summary["supervisor_items"]
    assert "action must be replace or duplicate, not issue" in detail

    code, out, _ = run(capsys, "checks", "list", regno)
    assert "Step 5: CONFIRMED  [monitoring (reference)]" in out and "as of 01.09.2026" in out
    assert "CONFLICT: confirmed: action must be replace or duplicate" in out

    code, out, _ = run(capsys, "checks", "supervisor", "--json")
    assert [item["reason"] for item in json.loads(out)] == ["check_contradiction"]


def test_a_bad_extract_is_one_error_line_naming_the_line(centre, tmp_path, capsys):
    extract = tmp_path / "monitoring.csv"
    extract.write_text("ad,soyad\nƏli,Məmmədov\n", encoding="utf-8")
    code, out, err = run(
        capsys, "checks", "import", "monitoring", str(extract), "--as-of", "01.09.2026"
    )
    assert code == 1 and out == ""
    assert one_error_line(err) == (
        "dost-desk: error: file: monitoring.csv: line 1: no key column: expected fin, voen or "
        "key (the FİN or VÖEN), optionally result, then any others; found ad, soyad\n"
    )


def test_recording_a_step_that_is_no_check_fails_cleanly(centre, regno, capsys):
    code, _, err = run(capsys, "checks", "record", regno, "--step", "7", "--result", "confirmed")
    assert code == 1
    assert one_error_line(err) == (
        "dost-desk: error: step: step 7 is not a check of 01-08-02-00 (checks: 4, 5)\n"
    )


def test_orders_from_the_command_line(centre, regno, tmp_path, capsys):
    code, out, _ = run(capsys, "orders", "list", "--office", "01", "--json")
    (order,) = json.loads(out)
    assert code == 0 and order["registration_number"] == regno and order["status"] == "open"

    target = tmp_path / "dsmf.csv"
    code, out, _ = run(
        capsys, "orders", "export", "--office", "01", "--format", "csv", "--out", str(target)
    )
    assert code == 0 and out == ""
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbforder_id,registration_number,back_office,")
    assert regno in data.decode("utf-8-sig")

    code, out, _ = run(capsys, "orders", "export", "--office", "01", "--format", "json")
    assert [o["registration_number"] for o in json.loads(out)["orders"]] == [regno]

    code, out, _ = run(capsys, "orders", "done", regno, "--reference", "SS-000123")
    assert code == 0 and "done" in out
    assert get_application(centre, regno).status == "ready"

    code, _, err = run(capsys, "orders", "done", regno, "--reference", "again")
    assert code == 1 and "is done" in one_error_line(err)

    statuses = tmp_path / "statuses.csv"
    statuses.write_text(f"registration_number,status,reference\n{regno},done,SS-000123\n", "utf-8")
    code, out, _ = run(capsys, "orders", "import", str(statuses))
    assert code == 0 and out.strip() == "0 order(s) done, 0 cancelled, 1 unchanged (utf-8)"


def test_an_unknown_back_office_is_one_error_line(centre, capsys):
    code, _, err = run(capsys, "orders", "export", "--office", "09", "--format", "json")
    assert code == 1 and "unknown back office '09'" in one_error_line(err)


def test_notices_from_the_command_line(centre, regno, capsys):
    code, out, _ = run(capsys, "notices", "list", "--due", "overdue", "--json")
    (notice,) = json.loads(out)
    assert code == 0 and notice["registration_number"] == regno and notice["overdue"]
    assert notice["message"].startswith(f"{regno} nömrəli müraciətiniz")
    code, out, _ = run(capsys, "notices", "list", "--due", "today", "--json")
    assert json.loads(out) == []

    code, out, _ = run(capsys, "notices", "posted", notice["id"], "--response", "yerləşdirildi")
    assert code == 0 and "posted" in out
    code, out, _ = run(capsys, "notices", "list", "--due", "overdue")
    assert out == ""
    code, _, err = run(capsys, "notices", "posted", regno)
    assert code == 1 and "was posted already" in one_error_line(err)
    code, _, err = run(capsys, "notices", "send", regno)
    assert code == 1 and "posted by hand" in one_error_line(err)


def test_the_http_api_document_exists():
    doc = Path(__file__).resolve().parents[2] / "docs" / "checks-http-api.md"
    text = doc.read_text(encoding="utf-8")
    assert "POST {base_url}/checks/{system}" in text and "POST {base_url}/notices" in text
