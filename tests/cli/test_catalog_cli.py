"""`dost-desk catalog …` end to end through the real entry point."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from dost_desk.cli import main
from dost_desk.resources import resource_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_tree_json_lists_the_categories_and_services(capsys):
    code, out, _ = run(capsys, "catalog", "tree", "--json")
    tree = json.loads(out)
    assert code == 0 and len(tree) == 12
    assert tree[7]["services"] == [
        {
            "id": "01-08-02-00",
            "name": "Sosial sığorta şəhadətnaməsinin verilməsi, dəyişdirilməsi "
            "və ya dublikatının verilməsi",
        }
    ]


def test_search_with_ascii_typing_finds_the_certificate_first(capsys):
    code, out, _ = run(capsys, "catalog", "search", "sigorta sehadetnamesi", "--json")
    results = json.loads(out)
    assert code == 0 and results[0]["id"] == "01-08-02-00"
    assert {"id", "name"} <= set(results[0])


def test_search_by_document_name(capsys):
    _, out, _ = run(capsys, "catalog", "search", "olum haqqinda sehadetname", "--json")
    assert [r["id"] for r in json.loads(out)] == ["01-00-01-00"]


def test_show_json_is_the_whole_passport(capsys):
    code, out, _ = run(capsys, "catalog", "show", "01-00-01-00", "--json")
    passport = json.loads(out)
    assert code == 0 and passport["id_provisional"] is True
    assert len(passport["legal_bases"]) == 6 and passport["fee"] is None


def test_show_text_marks_fields_not_stated(capsys):
    code, out, _ = run(capsys, "catalog", "show", "01-00-01-00")
    assert code == 0
    assert "2. Xidmətin məzmunu\n    (göstərilməyib)" in out


def test_documents_json_has_name_and_forms(capsys):
    code, out, _ = run(
        capsys, "catalog", "documents", "01-08-02-00", "--variant", "duplicate", "--json"
    )
    (document,) = json.loads(out)
    assert code == 0
    assert document["name"] == "Şəxsiyyət vəsiqəsi."
    assert document["forms"] == ["original", "copy", "notarised_copy", "electronic_copy"]
    assert document["form_labels"][2] == "Notarial təsdiq edilmiş surəti"


def test_documents_by_insured_category_and_event(capsys):
    argv = (
        "catalog",
        "documents",
        "01-00-01-00",
        "--category",
        "parliament",
        "--event",
        "disability",
    )
    _, out, _ = run(capsys, *argv, "--json")
    assert [d["name"] for d in json.loads(out)] == [
        "Şəxsiyyət vəsiqəsi",
        "Şəxsin əlilliyini təsdiq edən sənəd (əlillik halında)",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("catalog", "show", "99-99-99-99"), "no service passport with ID '99-99-99-99'"),
        (("catalog", "documents", "01-00-01-00", "--event", "flood"), "'flood' is not a event"),
        (("catalog", "documents", "01-08-02-00", "--option", "oops"), "--option takes"),
    ],
)
def test_bad_input_is_one_line_on_stderr(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_a_limit_out_of_range_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as usage:
        run(capsys, "catalog", "search", "x", "--limit", "0")
    out, err = capsys.readouterr()
    assert usage.value.code == 2 and out == ""
    assert err.count("\n") == 1 and "--limit: should be from 1 to 100,000" in err


def test_validate_reports_broken_files_and_exits_1(capsys, tmp_path):
    folder = tmp_path / "passports"
    shutil.copytree(resource_path("passports"), folder)
    (folder / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    code, _, err = run(capsys, "catalog", "validate", str(folder))
    assert code == 1
    assert err.splitlines()[0].startswith("broken.yaml:line ")
    assert "Traceback" not in err


def test_validate_bundled_catalog_exits_0(capsys):
    code, out, _ = run(capsys, "catalog", "validate")
    assert code == 0 and out.strip() == "2 passport(s) valid, 0 warning(s)"


def test_python_dash_m_entry_point_runs_the_cli():
    result = subprocess.run(
        [sys.executable, "-m", "dost_desk", "catalog", "tree"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "08 Sığortaolunanların fərdi uçota alınması və uçotdan çıxarılması (1)" in result.stdout


def test_output_is_utf8_even_into_a_cp1252_pipe():
    """A Windows pipe defaults to cp1252, which cannot encode ə: the CLI writes UTF-8."""
    result = subprocess.run(
        [sys.executable, "-m", "dost_desk", "catalog", "search", "icbari", "--json"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("utf-8"))[0]["name"].startswith("Dövlət icbari")
