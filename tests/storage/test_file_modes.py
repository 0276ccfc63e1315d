"""The local data is private: folders 0700, files 0600 on POSIX; an icacls ACL on Windows."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from dost_desk.storage.files import (
    make_private_dir,
    secure_data_dir,
    windows_acl_command,
    windows_user,
)

PROCESS_TIMEOUT = 300
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def dost_desk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dost_desk", *args],
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT,
        env=os.environ,
    )


def modes(folder: Path) -> dict[str, int]:
    """Every folder and file under ``folder`` (itself included) with its permission bits."""
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def assert_private(found: dict[str, int], folder: Path) -> None:
    wrong = {
        name: oct(mode)
        for name, mode in found.items()
        if mode != (0o700 if (folder / name).is_dir() else 0o600)
    }
    assert not wrong, wrong


# A real start of the desk (what the window does before it shows): it lists the modes of
# everything in the data folder while the database is open (-wal and -shm exist then).
START_SCRIPT = """
import json, os, stat, sys
from pathlib import Path
from dost_desk.config import load_settings
from dost_desk.services.local_drafts import keep_draft_locally
from dost_desk.services.workspace import open_workspace

info = open_workspace()
assert info.desk is not None, info.database_error
with info.desk.engine.begin() as connection:
    connection.exec_driver_sql("INSERT INTO app_meta (key, value) VALUES ('probe', 'x')")
settings = load_settings()
keep_draft_locally(settings, "00000000-0000-4000-8000-000000000001", draft={"surname": "X"})
folder = settings.data_dir
found = {".": stat.S_IMODE(folder.stat().st_mode)}
for path in folder.rglob("*"):
    found[str(path.relative_to(folder))] = stat.S_IMODE(path.lstat().st_mode)
print(json.dumps(found))
info.desk.close()
"""


def start_desk() -> dict[str, int]:
    result = subprocess.run(
        [sys.executable, "-c", START_SCRIPT],
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT,
        env=os.environ,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@posix_only
def test_a_real_start_makes_the_data_folder_and_its_files_private(tmp_path: Path) -> None:
    data = tmp_path / "dost-data"
    found = start_desk()
    assert {"dost_desk.sqlite3", "dost_desk.sqlite3-wal", "dost_desk.sqlite3-shm"} <= set(found)
    assert any(name.startswith("pending-drafts/") for name in found)
    assert_private(found, data)


@posix_only
@pytest.mark.slow
def test_demo_backup_and_print_leave_only_private_files(tmp_path: Path) -> None:
    data = tmp_path / "dost-data"
    demo = dost_desk("demo", "--applications", "5", "--seed", "2")
    assert demo.returncode == 0, demo.stderr
    backup = dost_desk("backup", "create")
    assert backup.returncode == 0, backup.stderr
    out = tmp_path / "copies" / "backup.sqlite3"
    out.parent.mkdir()
    assert dost_desk("backup", "create", "--out", str(out)).returncode == 0
    listing = dost_desk("app", "list", "--json")
    assert listing.returncode == 0, listing.stderr
    registration = next(
        row["registration_number"]
        for row in json.loads(listing.stdout)
        if row.get("registration_number")
    )
    receipt = tmp_path / "copies" / "receipt.pdf"
    printed = dost_desk("print", "app", registration, "--kind", "receipt", "--out", str(receipt))
    assert printed.returncode == 0, printed.stderr
    restored = dost_desk("backup", "restore", str(out), "--yes")
    assert restored.returncode == 0, restored.stderr

    found = modes(data)
    assert any(name.startswith("backups/") for name in found)
    assert "logs/dost-desk.log" in found  # the program's own log, under umask 077
    assert_private(found, data)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(receipt.stat().st_mode) == 0o600


@posix_only
@pytest.mark.slow
def test_an_existing_install_is_tightened_at_the_next_start(tmp_path: Path) -> None:
    data = tmp_path / "dost-data"
    assert dost_desk("demo", "--applications", "2", "--seed", "1").returncode == 0
    assert dost_desk("backup", "create").returncode == 0
    drafts = data / "pending-drafts"
    drafts.mkdir(exist_ok=True)
    (drafts / "00000000-0000-4000-8000-000000000002.json").write_text('{"draft": {}}')
    (data / "dost_desk.sqlite3-wal").write_bytes(b"")  # left by an old version
    for path in [data, *data.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)

    found = start_desk()
    assert_private(found, data)


@posix_only
def test_created_parents_are_private_but_existing_ones_are_left_alone(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    made = make_private_dir(tmp_path / "a" / "b")
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE(made.stat().st_mode) == 0o700
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755


@posix_only
def test_a_shared_folder_given_as_data_folder_is_not_changed(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    (shared / "someone-elses.txt").write_text("x")
    (shared / "someone-elses.txt").chmod(0o644)
    problems = secure_data_dir(shared)
    assert problems and "shared folder" in problems[0]
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert stat.S_IMODE((shared / "someone-elses.txt").stat().st_mode) == 0o644


def test_the_windows_acl_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USERNAME", "agent1")
    monkeypatch.setenv("USERDOMAIN", "DOST-C123")
    folder = Path("C:/Users/agent1/AppData/Local/DOST/dost-desk")
    assert windows_user() == "DOST-C123\\agent1"
    assert windows_acl_command(folder, windows_user()) == [
        "icacls",
        str(folder),
        "/inheritance:r",
        "/grant:r",
        "DOST-C123\\agent1:(OI)(CI)F",
        "*S-1-5-18:(OI)(CI)F",
        "*S-1-5-32-544:(OI)(CI)F",
        "/Q",
    ]


@posix_only
def test_a_file_where_a_private_folder_should_be_is_refused_and_untouched(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    blocker.chmod(0o644)
    with pytest.raises(NotADirectoryError):
        make_private_dir(blocker)
    assert stat.S_IMODE(blocker.stat().st_mode) == 0o644
