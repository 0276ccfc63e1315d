"""`dost-desk config set KEY VALUE`: how an admin gives a desk its centre code (the
commands that number applications refuse without one)."""

from __future__ import annotations

import json
import tomllib

import pytest

from dost_desk.cli import main
from dost_desk.config import load_settings


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def unconfigured(monkeypatch, isolated_config):
    monkeypatch.delenv("DOST_DESK_CENTRE_CODE")
    return isolated_config


def test_set_the_centre_code_then_the_demo_numbers_with_it(unconfigured, capsys) -> None:
    code, out, err = run(capsys, "demo", "--applications", "2", "--seed", "1")
    assert code == 1 and "dost-desk config set centre_code C123" in err
    code, out, err = run(capsys, "config", "set", "centre_code", "c321")
    assert code == 0, err
    assert out == f"centre_code = c321 written to {unconfigured}\n"
    assert load_settings().centre_code == "C321"
    code, out, err = run(capsys, "demo", "--applications", "2", "--seed", "1")
    assert code == 0, err
    assert "(centre C321, " in out
    rows = json.loads(run(capsys, "app", "list", "--json")[1])
    assert any((row["registration_number"] or "").startswith("C321-2") for row in rows)


def test_set_keeps_the_other_settings_and_refuses_bad_values(unconfigured, capsys) -> None:
    unconfigured.parent.mkdir(parents=True, exist_ok=True)
    unconfigured.write_text('centre_name = "Gəncə DOST"\n', encoding="utf-8")
    assert run(capsys, "config", "set", "centre_category", "B")[0] == 0
    assert run(capsys, "config", "set", "sync_interval_minutes", "15")[0] == 0
    data = tomllib.loads(unconfigured.read_text(encoding="utf-8"))
    assert data == {
        "centre_name": "Gəncə DOST",
        "centre_category": "B",
        "sync_interval_minutes": 15,
    }

    for key, value, words in (
        ("centre_code", "X1", "centre_code: should be a letter A-E"),
        ("data_dir", "relative/folder", "data_dir: must be an absolute"),
        ("database_url", "postgresql://u:Qx7@Zv9@db/dost", "%40"),
    ):
        code, out, err = run(capsys, "config", "set", key, value)
        assert code == 1 and out == "" and err.count("\n") == 1, err
        assert words in err and "Qx7" not in err and "Zv9" not in err
    assert tomllib.loads(unconfigured.read_text(encoding="utf-8")) == data  # unchanged
    assert not list(unconfigured.parent.glob(".config-*"))  # no temporary file left


def test_an_unknown_setting_is_a_usage_error(unconfigured, capsys) -> None:
    code, _, err = run(capsys, "config", "set", "centre", "C1")
    assert code == 2 and err.startswith("dost-desk: error: unknown setting 'centre'")
    assert not unconfigured.exists()


def test_an_environment_variable_that_overrides_the_file_is_named(
    unconfigured, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("DOST_DESK_CENTRE_CATEGORY", "A")
    code, out, _ = run(capsys, "config", "set", "centre_category", "D")
    assert code == 0
    assert "note: the environment variable DOST_DESK_CENTRE_CATEGORY overrides it" in out
