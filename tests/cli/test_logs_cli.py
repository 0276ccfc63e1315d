"""`dost-desk logs`: the CLI writes the log file and says where it is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dost_desk import logs
from dost_desk.cli import main


@pytest.fixture(autouse=True)
def _no_log_left_open():
    yield
    logs.stop_logging()


def run_cli(tmp_path: Path, *args: str, data_dir: Path | None = None):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.update(
        DOST_DESK_CONFIG=str(tmp_path / "config.toml"),
        DOST_DESK_DATA_DIR=str(data_dir or tmp_path / "data"),
    )
    return subprocess.run(
        [sys.executable, "-m", "dost_desk", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_cli_process_writes_the_log_and_logs_prints_its_path(tmp_path):
    log_file = tmp_path / "data" / "logs" / "dost-desk.log"
    failed = run_cli(tmp_path, "app", "show", "no-such-application")
    assert failed.returncode != 0
    result = run_cli(tmp_path, "logs", "--tail", "5")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == str(log_file)
    content = log_file.read_text(encoding="utf-8")
    assert ": app" in content and ": logs" in content
    assert "app failed:" in content
    assert "no-such-application" not in content.split("app failed:")[0]  # arguments not logged
    assert lines[1:] == content.splitlines()[-5:]


def test_an_uncaught_cli_exception_is_logged_with_its_traceback(tmp_path):
    code = (
        "import sys; from dost_desk import cli\n"
        "import dost_desk.cli.logs_cmd as m\n"
        "def boom(args): raise ZeroDivisionError('boom in a command')\n"
        "m.show_logs = boom\n"
        "sys.argv = ['dost-desk', 'logs']\n"
        "sys.exit(cli.main())\n"
    )
    env = {
        **os.environ,
        "DOST_DESK_CONFIG": str(tmp_path / "config.toml"),
        "DOST_DESK_DATA_DIR": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "ZeroDivisionError" in result.stderr  # the console still shows it
    content = (tmp_path / "data" / "logs" / "dost-desk.log").read_text(encoding="utf-8")
    assert "uncaught exception" in content
    assert "ZeroDivisionError: (message not logged" not in content
    assert "ZeroDivisionError: boom in a command" in content


def test_an_unwritable_log_folder_is_said_once_and_the_command_still_works(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    result = run_cli(tmp_path, "logs", data_dir=blocker)
    assert result.returncode == 0
    assert result.stdout.strip() == str(blocker / "logs" / "dost-desk.log")
    assert result.stderr.count("cannot write the log file") == 1
    assert "continuing without a log" in result.stderr


def test_tail_rejects_a_bad_number_in_one_line(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["logs", "--tail", "99999999999999999999"])
    assert exit_info.value.code == 2
    assert "the number of lines is 0 to 100000" in capsys.readouterr().err


def test_logs_in_process_prints_the_configured_path(tmp_path, capsys):
    assert main(["logs"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "dost-data" / "logs" / "dost-desk.log")
    assert not (tmp_path / "dost-data").exists()  # a call with arguments opens no log file
