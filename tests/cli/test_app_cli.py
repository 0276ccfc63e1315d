"""`dost-desk app list|show` and `dost-desk demo` on a real SQLite file."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dost_desk.cli import main

SUMMARY_FIELDS = {
    "registration_number",
    "status",
    "passport_id",
    "applicant_name",
    "fin",
    "started_at",
    "deadline_total",
    "notice_due",
}


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    assert err.startswith("dost-desk: error: ") and err.count("\n") == 1
    assert "Traceback" not in err
    return err


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory) -> Path:
    """60 demo applications at centre C123 up to Monday 7 September 2026 (made once)."""
    from dataclasses import replace

    from dost_desk.config import load_settings
    from dost_desk.services.demo import create_demo_applications
    from dost_desk.services.desk import open_desk

    folder = tmp_path_factory.mktemp("app-cli")
    path = folder / "demo.sqlite3"
    settings = load_settings(config_file=folder / "none.toml", centre_code="C123")
    desk = open_desk(settings, url=sqlite_url(path))
    try:
        today = datetime(2026, 9, 7, 5, 0, tzinfo=UTC)
        create_demo_applications(replace(desk, clock=lambda: today), 60, seed=11)
    finally:
        desk.close()
    return path


@pytest.fixture
def on_demo(demo_database, monkeypatch) -> Path:
    monkeypatch.setenv("DOST_DESK_DATABASE_URL", sqlite_url(demo_database))
    monkeypatch.setenv("DOST_DESK_CENTRE_CODE", "C123")
    return demo_database


def iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    assert moment.tzinfo is not None
    return moment


def test_list_json_has_every_summary_field(on_demo, capsys):
    code, out, err = run(capsys, "app", "list", "--json", "--limit", "500")
    rows = json.loads(out)
    assert code == 0 and err == "" and len(rows) == 60
    assert all(set(row) >= SUMMARY_FIELDS for row in rows)
    started = [iso(row["started_at"]) for row in rows]
    assert started == sorted(started, reverse=True)  # newest first
    accepted = [r for r in rows if r["registration_number"]]
    assert all(re.fullmatch(r"C123-\d{4}-\d{6}", r["registration_number"]) for r in accepted)
    certificate = next(r for r in accepted if r["passport_id"] == "01-08-02-00")
    iso(certificate["deadline_total"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", certificate["notice_due"])


def test_list_filters_by_status_and_query_and_limits(on_demo, capsys):
    code, out, _ = run(capsys, "app", "list", "--status", "refused", "--json")
    refused = json.loads(out)
    assert code == 0 and len(refused) == 6 and {r["status"] for r in refused} == {"refused"}
    fin = refused[0]["fin"]
    code, out, _ = run(capsys, "app", "list", "--query", fin.lower(), "--json")
    assert [r["id"] for r in json.loads(out)] == [refused[0]["id"]]
    code, out, _ = run(capsys, "app", "list", "--limit", "5")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 5
    assert re.match(r"(C123-\d{4}-\d{6}|draft|-)\s+\w+\s+0\d-\d\d-\d\d-\d\d ", lines[0])


@pytest.mark.parametrize("wildcard", ["%", "_", "C123%", "C123-____-", "\\"])
def test_like_wildcards_in_a_query_match_only_themselves(on_demo, capsys, wildcard):
    code, out, err = run(capsys, "app", "list", "--query", wildcard, "--json")
    assert code == 0, err
    assert json.loads(out) == []
    code, out, _ = run(capsys, "app", "list", "--query", "C123-", "--json")
    assert len(json.loads(out)) > 0  # a literal part of the number still matches


def test_show_json_is_the_whole_application(on_demo, capsys):
    _, out, _ = run(capsys, "app", "list", "--status", "submitted", "--json", "--limit", "500")
    number = next(r for r in json.loads(out) if r["passport_id"] == "01-08-02-00")
    code, out, err = run(capsys, "app", "show", number["registration_number"], "--json")
    app = json.loads(out)
    assert code == 0 and err == ""
    assert app["registration_number"] == number["registration_number"]
    assert app["applicant"]["fin"] == number["fin"] and app["applicant"]["display_name"]
    assert app["documents"] and all(d["allowed"] and d["submission"] for d in app["documents"])
    assert app["complete"] is True and app["missing"] == []
    history = [iso(h["at"]) for h in app["history"]]
    assert history == sorted(history)
    assert [h["to_status"] for h in app["history"]][:2] == ["draft", "submitted"]
    assert app["service_standard_seconds"] == 600
    assert 240 <= app["service_seconds"] <= 840
    for key in ("started_at", "submitted_at", "deadline_front", "deadline_back", "deadline_total"):
        iso(app[key])
    assert iso(app["deadline_total"]) > iso(app["submitted_at"])


def test_show_by_id_of_a_refused_payments_application(on_demo, capsys):
    _, out, _ = run(capsys, "app", "list", "--status", "refused", "--json")
    refused = json.loads(out)[0]
    code, out, _ = run(capsys, "app", "show", refused["id"], "--json")
    app = json.loads(out)
    assert code == 0 and app["status"] == "refused" and app["refusal"]["grounds"]
    assert app["registration_number"] is None and app["deadline_total"] is None
    payments = next(
        r
        for r in json.loads(run(capsys, "app", "list", "--json")[1])
        if r["passport_id"] == "01-00-01-00"
    )
    app = json.loads(run(capsys, "app", "show", payments["id"], "--json")[1])
    assert app["service_standard_seconds"] is None  # the passport states no operator standard
    assert set(app["variant"]) == {"category", "event"}


def test_show_text_is_a_readable_summary(on_demo, capsys):
    _, out, _ = run(capsys, "app", "list", "--status", "handed_over", "--json")
    rows = json.loads(out)
    number = next(r for r in rows if r["passport_id"] == "01-08-02-00")["registration_number"]
    code, out, _ = run(capsys, "app", "show", number)
    assert code == 0
    assert out.startswith(f"Application {number} (handed_over)\n")
    for label in ("Service:", "Applicant:", "Documents (complete):", "Deadlines:", "History:"):
        assert label in out
    assert "ready → handed_over" in out


def test_an_unknown_application_is_one_line_and_exit_1(on_demo, capsys):
    code, out, err = run(capsys, "app", "show", "C123-2026-999999")
    assert code == 1 and out == ""
    assert "no application 'C123-2026-999999'" in one_error_line(err)


def test_storage_and_config_errors_are_one_line(tmp_path, monkeypatch, capsys):
    (tmp_path / "desk.sqlite3").mkdir()
    monkeypatch.setenv("DOST_DESK_DATABASE_URL", sqlite_url(tmp_path / "desk.sqlite3"))
    code, _, err = run(capsys, "app", "list")
    assert code == 1 and "is a directory" in one_error_line(err)
    monkeypatch.setenv("DOST_DESK_CENTRE_CODE", "X1")
    code, _, err = run(capsys, "app", "show", "C123-2026-000001")
    assert code == 1 and "centre_code" in one_error_line(err)
    with pytest.raises(SystemExit) as usage:
        run(capsys, "app", "list", "--limit", "0")
    assert usage.value.code == 2  # a usage error
    assert "--limit: should be from 1" in one_error_line(capsys.readouterr().err)


def test_demo_command_fills_the_configured_database(tmp_path, monkeypatch, capsys):
    url = sqlite_url(tmp_path / "centre.sqlite3")
    monkeypatch.setenv("DOST_DESK_DATABASE_URL", url)
    monkeypatch.setenv("DOST_DESK_CENTRE_CODE", "B42")
    code, out, err = run(capsys, "demo", "--applications", "20", "--seed", "3")
    assert code == 0 and err == "" and out.count("\n") == 1
    assert out.startswith("created 20 applications: 17 submitted")
    assert "2 refused, 1 drafts" in out and "(centre B42, " in out
    rows = json.loads(run(capsys, "app", "list", "--json")[1])
    assert len(rows) == 20
    assert all(
        r["registration_number"].startswith("B42-") for r in rows if r["registration_number"]
    )
    assert datetime.now(UTC) > max(iso(r["started_at"]) for r in rows)


def test_demo_with_zero_negative_and_an_explicit_url(tmp_path, capsys):
    url = sqlite_url(tmp_path / "given.sqlite3")
    code, out, _ = run(capsys, "demo", "--applications", "0", "--url", url)
    assert code == 0 and out.startswith("created 0 applications: 0 submitted, 0 refused, 0 drafts")
    with pytest.raises(SystemExit) as usage:
        run(capsys, "demo", "--applications", "-3", "--url", url)
    out, err = capsys.readouterr()
    assert usage.value.code == 2 and out == ""
    assert "--applications: should be from 0 to 10,000,000" in one_error_line(err)
