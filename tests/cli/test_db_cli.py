"""`dost-desk db upgrade|current`, in-process through ``main`` and as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

import dost_desk.models.tables  # noqa: F401 - registers the tables
from dost_desk.cli import main
from dost_desk.models.base import Base
from dost_desk.storage.engine import create_engine_for
from dost_desk.storage.migrate import CENTRAL_ONLY_TABLES, head_revision

TABLES = set(Base.metadata.tables)  # every table of the models, migrated


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def table_names(url: str) -> set[str]:
    engine = create_engine_for(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def assert_one_error_line(err: str) -> str:
    assert err.startswith("dost-desk: error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    return err


# --- SQLite -------------------------------------------------------------------------


def test_upgrade_and_current_on_sqlite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    head = head_revision()

    assert main(["db", "current", "--url", url]) == 0
    assert "revision none (empty database" in capsys.readouterr().out

    assert main(["db", "upgrade", "--url", url]) == 0
    assert capsys.readouterr().out == f"database at {url} upgraded: empty → {head}\n"
    assert table_names(url) >= TABLES

    assert main(["db", "upgrade", "--url", url]) == 0
    out = capsys.readouterr().out
    assert out == f"database at {url} upgraded: {head} → {head} (already up to date)\n"

    assert main(["db", "current", "--url", url]) == 0
    assert capsys.readouterr().out == f"database at {url}: revision {head} (up to date)\n"


def test_upgrade_uses_the_configured_database(
    isolated_config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "configured" / "centre.sqlite3"
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text(f'database_url = "{sqlite_url(target)}"\n', encoding="utf-8")
    assert main(["db", "upgrade"]) == 0
    assert f"database at {sqlite_url(target)} upgraded" in capsys.readouterr().out
    assert target.is_file()


def test_upgrade_defaults_to_the_sqlite_file_in_data_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    assert (tmp_path / "dost-data" / "dost_desk.sqlite3").is_file()
    assert "dost_desk.sqlite3 upgraded: empty → " in capsys.readouterr().out


def test_a_directory_where_the_sqlite_file_should_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "desk.sqlite3").mkdir()
    assert main(["db", "upgrade", "--url", sqlite_url(tmp_path / "desk.sqlite3")]) == 1
    captured = capsys.readouterr()
    assert "is a directory" in assert_one_error_line(captured.err)
    assert captured.out == ""


def test_a_malformed_url(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade", "--url", "postgresql://desk:s3cret@db:port/x"]) == 1
    err = assert_one_error_line(capsys.readouterr().err)
    assert "malformed database URL" in err
    assert "s3cret" not in err


def test_an_unreadable_config(isolated_config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text("database_url = [\n", encoding="utf-8")
    assert main(["db", "upgrade"]) == 1
    err = assert_one_error_line(capsys.readouterr().err)
    assert str(isolated_config) in err


def test_a_newer_schema_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    assert main(["db", "upgrade", "--url", url]) == 0
    engine = create_engine_for(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    capsys.readouterr()

    assert main(["db", "current", "--url", url]) == 0
    assert "revision 9999 (newer than this version" in capsys.readouterr().out
    assert main(["db", "upgrade", "--url", url]) == 1
    assert "newer DOST Desk" in assert_one_error_line(capsys.readouterr().err)


# --- PostgreSQL ---------------------------------------------------------------------


@pytest.mark.postgres
def test_upgrade_on_postgresql(pg_empty_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    head = head_revision()
    assert main(["db", "upgrade", "--url", pg_empty_url]) == 0
    assert capsys.readouterr().out.endswith(f"upgraded: empty → {head}\n")
    assert table_names(pg_empty_url) == TABLES | CENTRAL_ONLY_TABLES | {"alembic_version"}

    assert main(["db", "upgrade", "--url", pg_empty_url]) == 0
    assert f"{head} → {head}" in capsys.readouterr().out
    assert main(["db", "current", "--url", pg_empty_url]) == 0
    assert f"revision {head} (up to date)" in capsys.readouterr().out


def test_an_unreachable_postgresql_server(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://desk:s3cret@127.0.0.1:1/dost"
    assert main(["db", "upgrade", "--url", url]) == 1
    captured = capsys.readouterr()
    err = assert_one_error_line(captured.err)
    assert "127.0.0.1:1" in err
    assert "s3cret" not in err
    assert captured.out == ""


# --- as a separate process ----------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dost_desk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )


def test_subprocess_upgrade(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "proc" / "desk.sqlite3")
    result = run_cli("db", "upgrade", "--url", url)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"database at {url} upgraded: empty → {head_revision()}\n"
    assert result.stderr == ""
    assert table_names(url) >= TABLES


def test_subprocess_failure_is_one_line() -> None:
    result = run_cli("db", "upgrade", "--url", "postgresql+psycopg://desk:s3cret@127.0.0.1:1/x")
    assert result.returncode == 1
    assert_one_error_line(result.stderr)
    assert "s3cret" not in result.stderr
