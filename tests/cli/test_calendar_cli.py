"""`dost-desk calendar list|add|remove|check` on the configured SQLite database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dost_desk.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    assert err.startswith("dost-desk: error: ") and err.count("\n") == 1
    assert "Traceback" not in err
    return err


@pytest.fixture(autouse=True)
def configured_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "centre.sqlite3"
    monkeypatch.setenv("DOST_DESK_DATABASE_URL", f"sqlite:///{path.as_posix()}")
    monkeypatch.setenv("DOST_DESK_CENTRE_CODE", "C123")
    return path


def test_add_list_check_remove_round_trip(capsys):
    assert run(capsys, "calendar", "list")[1] == (
        "no overrides: the built-in calendar of Azerbaijan applies\n"
    )
    code, out, _ = run(
        capsys, "calendar", "add", "29.12.2026", "--kind", "day_off", "--note", "Kabinet qərarı"
    )
    assert code == 0 and out == "saved: 29.12.2026 (Tue)  day_off      Kabinet qərarı\n"
    assert run(capsys, "calendar", "add", "2026-11-28", "--kind", "working_day")[0] == 0
    code, out, _ = run(capsys, "calendar", "list", "--json")
    assert json.loads(out) == [
        {"day": "2026-11-28", "kind": "working_day", "note": ""},
        {"day": "2026-12-29", "kind": "day_off", "note": "Kabinet qərarı"},
    ]
    code, out, _ = run(capsys, "calendar", "check", "2026-12-29")
    assert out == (
        "29.12.2026 is not a working day: the centre's calendar makes this Tuesday "
        "a day off (Kabinet qərarı)\n"
    )
    code, out, _ = run(capsys, "calendar", "check", "28.11.2026", "--json")
    checked = json.loads(out)
    assert checked["is_working"] is True and checked["weekend"] is True
    assert checked["override"]["kind"] == "working_day"
    code, out, _ = run(capsys, "calendar", "remove", "2026-11-28")
    assert code == 0 and out.startswith("removed: 28.11.2026")
    assert "28.11.2026" not in run(capsys, "calendar", "list")[1]
    code, out, _ = run(capsys, "calendar", "check", "28.11.2026")
    assert out == "28.11.2026 is not a working day: Saturday: weekend\n"


def test_check_names_the_public_holiday(capsys):
    code, out, _ = run(capsys, "calendar", "check", "01.01.2027")
    assert code == 0 and out.startswith("01.01.2027 is not a working day: public holiday: ")
    code, out, _ = run(capsys, "calendar", "check", "2026-11-24")
    assert out == "24.11.2026 is a working day: Tuesday: an ordinary working day\n"


@pytest.mark.parametrize(
    "argv",
    [
        ("calendar", "add", "31.02.2026", "--kind", "day_off"),
        ("calendar", "add", "next friday", "--kind", "day_off"),
        ("calendar", "check", "2026/12/29"),
        ("calendar", "remove", "29-12-2026"),
    ],
)
def test_an_invalid_date_is_one_line_and_exit_1(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert one_error_line(err).startswith("dost-desk: error: day: ")


def test_removing_a_missing_override_is_an_error(capsys):
    code, _, err = run(capsys, "calendar", "remove", "2026-12-29")
    assert code == 1
    assert "no calendar override on 2026-12-29" in one_error_line(err)


def test_an_unknown_kind_is_rejected_by_the_parser(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["calendar", "add", "2026-12-29", "--kind", "holiday"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
