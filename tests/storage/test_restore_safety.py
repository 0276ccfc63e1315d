"""`backup restore` against real processes: it refuses while another DOST Desk process has the
database open, accepts only complete DOST Desk databases, and survives `kill -9`."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dost_desk.services.backups import NotADostDatabase, backup_database, restore_database
from dost_desk.storage.migrate import head_revision, upgrade_database

PROCESS_TIMEOUT = 300  # seconds; a hung child fails the test instead of hanging it


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def dost_desk(*args: str) -> list[str]:
    return [sys.executable, "-m", "dost_desk", *args]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        dost_desk(*args), capture_output=True, text=True, timeout=PROCESS_TIMEOUT, env=os.environ
    )


def count_applications(path: Path) -> int:
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        return connection.execute("SELECT count(*) FROM applications").fetchone()[0]
    finally:
        connection.close()


def marker(path: Path) -> str | None:
    connection = sqlite3.connect(path, timeout=30)
    try:
        row = connection.execute("SELECT value FROM app_meta WHERE key = 'marker'").fetchone()
        return row[0] if row else None
    finally:
        connection.close()


def set_marker(path: Path, value: str) -> None:
    connection = sqlite3.connect(path, timeout=30)
    with connection:
        connection.execute(
            "INSERT OR REPLACE INTO app_meta (key, value) VALUES ('marker', ?)", (value,)
        )
    connection.close()


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path, timeout=30)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "desk" / "dost_desk.sqlite3"
    upgrade_database(sqlite_url(path))
    set_marker(path, "empty")
    return path


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_restore_refuses_while_a_demo_writes_and_loses_nothing(
    database: Path, tmp_path: Path
) -> None:
    url = sqlite_url(database)
    empty_backup = backup_database(url, out=tmp_path / "empty.sqlite3").path
    demo = subprocess.Popen(
        dost_desk("demo", "--applications", "300", "--seed", "7", "--url", url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ,
    )
    try:
        # The demo is writing once its first application is committed.
        deadline = time.monotonic() + PROCESS_TIMEOUT
        while count_applications(database) == 0:
            assert demo.poll() is None, demo.communicate(timeout=PROCESS_TIMEOUT)
            assert time.monotonic() < deadline, "the demo never wrote an application"
            time.sleep(0.1)
        refused = run("backup", "restore", str(empty_backup), "--url", url, "--yes")
        assert demo.poll() is None, "the demo ended before the restore was tried: make it longer"
        _, err = demo.communicate(timeout=PROCESS_TIMEOUT)
    finally:
        if demo.poll() is None:
            demo.kill()
            demo.communicate(timeout=PROCESS_TIMEOUT)
    assert refused.returncode == 1, refused.stdout
    assert refused.stderr.count("\n") == 1
    assert "DOST Desk is still open" in refused.stderr
    assert demo.returncode == 0, err
    assert count_applications(database) == 300
    assert marker(database) == "empty"  # the restore changed nothing

    restored = run("backup", "restore", str(empty_backup), "--url", url, "--yes")
    assert restored.returncode == 0, restored.stderr
    assert count_applications(database) == 0
    (saved,) = (tmp_path / "dost-data" / "backups").glob("dost_desk-*.sqlite3")
    assert count_applications(saved) == 300
    assert integrity(saved) == "ok"


def test_restore_refuses_while_this_process_holds_an_engine(database: Path, tmp_path: Path) -> None:
    """An engine that has connected holds the database until it is disposed."""
    from dost_desk.services.backups import DatabaseInUse
    from dost_desk.storage.engine import create_engine_for

    url = sqlite_url(database)
    backup = backup_database(url, out=tmp_path / "b.sqlite3").path
    engine = create_engine_for(url)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
        with pytest.raises(DatabaseInUse, match="DOST Desk is still open"):
            restore_database(backup, url, backups_dir=tmp_path / "backups")
    finally:
        engine.dispose()
    restore_database(backup, url, backups_dir=tmp_path / "backups")


def test_opening_the_database_during_a_restore_says_so(database: Path, monkeypatch) -> None:
    from dost_desk.storage import db_lock
    from dost_desk.storage.engine import StorageUnavailable, create_engine_for

    monkeypatch.setattr(db_lock, "RESTORE_WAIT_SECONDS", 0)
    with db_lock.exclusive_database_lock(database):
        engine = create_engine_for(sqlite_url(database))
        try:
            with (
                pytest.raises(
                    StorageUnavailable, match=r"a restore of the database .* is in progress"
                ),
                engine.connect(),
            ):
                pass
        finally:
            engine.dispose()


# -- what counts as a backup ----------------------------------------------------------------


def only_alembic_version(path: Path) -> Path:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (head_revision(),))
    connection.close()
    return path


def test_a_file_holding_only_alembic_version_is_not_a_backup(
    database: Path, tmp_path: Path
) -> None:
    fake = only_alembic_version(tmp_path / "fake.sqlite3")
    before = database.read_bytes()
    with pytest.raises(NotADostDatabase, match="not a complete DOST Desk database"):
        restore_database(fake, sqlite_url(database), backups_dir=tmp_path / "backups")
    assert database.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_the_cli_refuses_an_alembic_version_only_file_in_one_line(
    database: Path, tmp_path: Path
) -> None:
    fake = only_alembic_version(tmp_path / "fake.sqlite3")
    result = run("backup", "restore", str(fake), "--url", sqlite_url(database), "--yes")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "not a complete DOST Desk database" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["truncated", "corrupt"])
def test_a_damaged_backup_is_refused(database: Path, tmp_path: Path, damage: str) -> None:
    url = sqlite_url(database)
    subprocess.run(
        dost_desk("demo", "--applications", "20", "--seed", "1", "--url", url),
        check=True,
        capture_output=True,
        timeout=PROCESS_TIMEOUT,
    )
    backup = backup_database(url, out=tmp_path / "good.sqlite3").path
    data = bytearray(backup.read_bytes())
    page = 4096
    if damage == "truncated":
        data = data[: len(data) - 3 * page]
    else:  # scribble over pages in the middle, keep the header
        middle = (len(data) // page // 2) * page
        data[middle : middle + 2 * page] = os.urandom(2 * page)
    backup.write_bytes(bytes(data))
    before = database.read_bytes()
    with pytest.raises(NotADostDatabase):
        restore_database(backup, url, backups_dir=tmp_path / "backups")
    assert database.read_bytes() == before


# -- kill -9 during a restore -----------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_kill_9_during_a_restore_leaves_the_old_or_the_restored_database(
    database: Path, tmp_path: Path
) -> None:
    url = sqlite_url(database)
    run_demo = dost_desk("demo", "--applications", "60", "--seed", "3", "--url", url)
    subprocess.run(run_demo, check=True, capture_output=True, timeout=PROCESS_TIMEOUT)
    set_marker(database, "restored")
    backup = backup_database(url, out=tmp_path / "backup.sqlite3").path
    subprocess.run(run_demo, check=True, capture_output=True, timeout=PROCESS_TIMEOUT)
    set_marker(database, "old")
    expected = {"old": count_applications(database), "restored": count_applications(backup)}
    assert expected == {"old": 120, "restored": 60}

    restore = dost_desk("backup", "restore", str(backup), "--url", url, "--yes")
    started = time.monotonic()
    subprocess.run(restore, check=True, capture_output=True, timeout=PROCESS_TIMEOUT)
    duration = time.monotonic() - started
    set_marker(database, "old")  # back to the old content for the killed runs
    subprocess.run(run_demo, check=True, capture_output=True, timeout=PROCESS_TIMEOUT)
    expected["old"] = count_applications(database)

    rng = random.Random(12)
    seen = set()
    for _ in range(8):
        process = subprocess.Popen(
            restore, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ
        )
        time.sleep(rng.uniform(0.3, 1.0) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=PROCESS_TIMEOUT)
        # The next open (a real one, through the migrations) works and finds one whole database.
        upgrade_database(url)
        assert integrity(database) == "ok"
        state = marker(database)
        assert state in expected
        assert count_applications(database) == expected[state]
        seen.add(state)
        if state == "restored":  # start the next round from the old database again
            set_marker(database, "old")
            subprocess.run(run_demo, check=True, capture_output=True, timeout=PROCESS_TIMEOUT)
            expected["old"] = count_applications(database)
    print("states after kill -9:", sorted(seen))
    # A later restore is not blocked by anything the killed ones left behind.
    subprocess.run(restore, check=True, capture_output=True, timeout=PROCESS_TIMEOUT)
    assert marker(database) == "restored"


def test_a_backup_is_taken_while_the_app_is_open_but_not_during_a_restore(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dost_desk.storage import db_lock
    from dost_desk.storage.engine import StorageUnavailable, create_engine_for

    url = sqlite_url(database)
    engine = create_engine_for(url)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
        # Shared with the open app: a backup does not wait for it to close.
        assert backup_database(url, out=tmp_path / "while-open.sqlite3").revision
    finally:
        engine.dispose()
    monkeypatch.setattr(db_lock, "RESTORE_WAIT_SECONDS", 0)
    with (
        db_lock.exclusive_database_lock(database),
        pytest.raises(StorageUnavailable, match=r"restore .* is in progress"),
    ):
        backup_database(url, out=tmp_path / "during-restore.sqlite3")
    assert not (tmp_path / "during-restore.sqlite3").exists()


def test_a_second_exclusive_lock_is_refused(database: Path) -> None:
    from dost_desk.storage import db_lock

    with (
        db_lock.exclusive_database_lock(database),
        pytest.raises(db_lock.DatabaseInUse, match="DOST Desk is still open"),
        db_lock.exclusive_database_lock(database),
    ):
        pass
    with db_lock.exclusive_database_lock(database):  # released: free again
        pass
