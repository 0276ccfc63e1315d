"""SQLite backups: round trip, refusals, and the upgrade that restores its backup on failure."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from dost_desk.cli import main
from dost_desk.services.backups import (
    BackupError,
    NotADostDatabase,
    backup_database,
    list_backups,
    restore_database,
    upgrade_with_backup,
)
from dost_desk.storage import migrate
from dost_desk.storage.backup import BACKUP_NAME, KEEP_BACKUPS, read_revision
from dost_desk.storage.migrate import (
    MigrationError,
    SchemaTooNew,
    current_revision,
    head_revision,
    upgrade_database,
)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def meta(path: Path) -> dict[str, str]:
    connection = sqlite3.connect(path)
    try:
        return dict(connection.execute("SELECT key, value FROM app_meta").fetchall())
    finally:
        connection.close()


def set_meta(path: Path, key: str, value: str) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)", (key, value)
        )
    connection.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stamp(path: Path, revision: str) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE IF NOT EXISTS alembic_version (version_num TEXT)")
        connection.execute("DELETE FROM alembic_version")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    connection.close()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A migrated DOST Desk database holding one marker row."""
    path = tmp_path / "desk" / "dost_desk.sqlite3"
    upgrade_database(sqlite_url(path))
    set_meta(path, "marker", "before")
    return path


@pytest.fixture
def backups(tmp_path: Path) -> Path:
    return tmp_path / "backups"


def test_backup_and_restore_round_trip(database: Path, backups: Path) -> None:
    url = sqlite_url(database)
    made = backup_database(url, backups_dir=backups)
    assert made.path.parent == backups
    assert BACKUP_NAME.match(made.path.name)
    assert made.path.name.endswith(f"-{head_revision()}.sqlite3")
    assert made.revision == head_revision()
    assert not list(backups.glob("*-wal"))  # one self-contained file

    set_meta(database, "marker", "after")
    restored = restore_database(made.path, url, backups_dir=backups)
    assert meta(database)["marker"] == "before"
    assert restored.revision == head_revision()
    # The replaced database was kept, with the change made after the backup.
    assert restored.previous_saved_as is not None
    assert meta(restored.previous_saved_as)["marker"] == "after"
    connection = sqlite3.connect(database)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


def test_a_backup_includes_what_is_still_in_the_write_ahead_log(
    database: Path, backups: Path
) -> None:
    writer = sqlite3.connect(database)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    with writer:
        writer.execute("INSERT INTO app_meta (key, value) VALUES ('in-wal', 'yes')")
    assert Path(f"{database}-wal").stat().st_size > 0
    try:
        made = backup_database(sqlite_url(database), backups_dir=backups)
    finally:
        writer.close()
    assert meta(made.path)["in-wal"] == "yes"


def test_backup_to_a_chosen_file(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere" / "copy.sqlite3"
    out.parent.mkdir()
    made = backup_database(sqlite_url(database), out=out)
    assert made.path == out
    assert meta(out)["marker"] == "before"


def test_only_the_newest_backups_are_kept(database: Path, backups: Path) -> None:
    for number in range(12):
        set_meta(database, "marker", str(number))
        backup_database(sqlite_url(database), backups_dir=backups)
    kept = list_backups(backups)
    assert [meta(item.path)["marker"] for item in kept] == [str(n) for n in range(11, 1, -1)]
    assert len(list(backups.iterdir())) == KEEP_BACKUPS


def test_a_postgresql_database_is_not_backed_up_here(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="pg_dump"):
        backup_database("postgresql+psycopg://desk@db.example/dost", out=tmp_path / "x")


def test_a_missing_database_is_a_clear_error(tmp_path: Path, backups: Path) -> None:
    with pytest.raises(BackupError, match="there is no database at"):
        backup_database(sqlite_url(tmp_path / "none.sqlite3"), backups_dir=backups)


@pytest.mark.parametrize("kind", ["text", "foreign-sqlite"])
def test_restore_refuses_a_file_that_is_not_a_dost_database(
    database: Path, backups: Path, tmp_path: Path, kind: str
) -> None:
    other = tmp_path / "other.sqlite3"
    if kind == "text":
        other.write_text("not a database at all\n" * 100)
    else:
        connection = sqlite3.connect(other)
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.close()
    before = digest(database)
    with pytest.raises(NotADostDatabase, match="not a"):
        restore_database(other, sqlite_url(database), backups_dir=backups)
    assert digest(database) == before
    assert not backups.exists()  # nothing was even saved aside


def test_restore_refuses_a_backup_from_a_newer_schema(
    database: Path, backups: Path, tmp_path: Path
) -> None:
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(database, newer)
    stamp(newer, "9999_from_the_future")
    before = digest(database)
    with pytest.raises(SchemaTooNew, match="9999_from_the_future"):
        restore_database(newer, sqlite_url(database), backups_dir=backups)
    assert digest(database) == before
    assert read_revision(database) == head_revision()


def test_restore_replaces_a_damaged_database_and_keeps_its_bytes(
    database: Path, backups: Path
) -> None:
    made = backup_database(sqlite_url(database), backups_dir=backups)
    database.write_bytes(b"\0garbage" * 512)
    restored = restore_database(made.path, sqlite_url(database), backups_dir=backups)
    assert meta(database)["marker"] == "before"
    assert restored.previous_saved_as is not None
    assert "-damaged" in restored.previous_saved_as.name
    assert restored.previous_saved_as.read_bytes().startswith(b"\0garbage")


# -- upgrade with backup -----------------------------------------------------------------------

FAILING_MIGRATION = """
import sqlalchemy as sa
from alembic import op

revision = "9001_fails"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    raise RuntimeError("bug in migration")


def downgrade():
    pass
"""


@pytest.fixture
def failing_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled migrations plus one more, after the head, that fails half-way."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9001_fails.py").write_text(
        FAILING_MIGRATION.format(head=migrate.head_revision()), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)


def test_an_outdated_database_is_backed_up_before_the_upgrade(
    database: Path, backups: Path
) -> None:
    older = database.with_name("older.sqlite3")
    url = sqlite_url(older)
    upgrade_database(url, "0001")
    set_meta(older, "marker", "kept")
    result = upgrade_with_backup(url, backups_dir=backups)
    assert (result.from_revision, result.to_revision) == ("0001", head_revision())
    assert result.backup is not None
    assert result.backup.name.endswith("-0001.sqlite3")
    assert read_revision(result.backup) == "0001"
    assert meta(result.backup)["marker"] == "kept"
    assert meta(older)["marker"] == "kept"


def test_a_failed_upgrade_is_restored_from_the_backup(
    database: Path, backups: Path, failing_migrations: None
) -> None:
    url = sqlite_url(database)
    with pytest.raises(MigrationError, match="the database was restored from") as caught:
        upgrade_with_backup(url, backups_dir=backups)
    assert "bug in migration" in str(caught.value)
    assert meta(database)["marker"] == "before"
    assert current_revision(url) != "9001_fails"
    (backup,) = list_backups(backups)
    assert meta(backup.path)["marker"] == "before"


def test_the_backup_is_put_back_even_when_the_failure_left_changes(
    database: Path, backups: Path, failing_migrations: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure that escaped the migration's transaction is undone by the restore."""

    def half_done_upgrade(url: str, revision: str = "head"):
        set_meta(database, "marker", "half-migrated")
        raise MigrationError("power cut in the middle")

    monkeypatch.setattr(migrate, "run_upgrade", half_done_upgrade)
    with pytest.raises(MigrationError, match="power cut in the middle; the database was restored"):
        upgrade_with_backup(sqlite_url(database), backups_dir=backups)
    assert meta(database)["marker"] == "before"


def test_a_database_from_a_newer_schema_is_refused_and_untouched(
    database: Path, backups: Path
) -> None:
    stamp(database, "9999_from_the_future")
    before = digest(database)
    with pytest.raises(SchemaTooNew, match="9999_from_the_future"):
        upgrade_with_backup(sqlite_url(database), backups_dir=backups)
    assert digest(database) == before
    assert not backups.exists()


def test_up_to_date_and_new_databases_need_no_backup(
    database: Path, backups: Path, tmp_path: Path
) -> None:
    assert upgrade_with_backup(sqlite_url(database), backups_dir=backups).backup is None
    fresh = tmp_path / "fresh.sqlite3"
    result = upgrade_with_backup(sqlite_url(fresh), backups_dir=backups)
    assert result.backup is None
    assert result.to_revision == head_revision()
    assert not backups.exists()


# -- command line ------------------------------------------------------------------------------


def test_backup_commands(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_url(database)
    backups = tmp_path / "dost-data" / "backups"  # DOST_DESK_DATA_DIR of the isolated config
    assert main(["backup", "create", "--url", url]) == 0
    out = capsys.readouterr().out
    assert f"backed up to {backups}" in out
    (made,) = backups.glob("dost_desk-*.sqlite3")

    assert main(["backup", "list"]) == 0
    assert str(made) in capsys.readouterr().out

    set_meta(database, "marker", "after")
    assert main(["backup", "restore", str(made), "--url", url]) == 1  # no terminal to confirm
    err = capsys.readouterr().err
    assert err == "dost-desk: error: restoring replaces the database; add --yes to confirm\n"
    assert meta(database)["marker"] == "after"

    assert main(["backup", "restore", str(made), "--url", url, "--yes"]) == 0
    assert f"restored from {made}" in capsys.readouterr().out
    assert meta(database)["marker"] == "before"


def test_backup_restore_of_a_foreign_file_is_one_line(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("junk")
    code = main(["backup", "restore", str(junk), "--url", sqlite_url(database), "--yes"])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("dost-desk: error: ")
    assert err.count("\n") == 1
    assert "is not a SQLite database" in err
