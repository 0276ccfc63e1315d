"""Database backups for admins and for upgrades (Qt-free).

* :func:`backup_database` snapshots the SQLite database into ``<data_dir>/backups`` (the
  newest :data:`~dost_desk.storage.backup.KEEP_BACKUPS` are kept) or into a given file.
* :func:`restore_database` puts a backup back after checking it is a DOST Desk database this
  version can open; the database it replaces is saved to the backups folder first.
* :func:`upgrade_with_backup` is the start-up upgrade: a SQLite database whose schema is
  behind this version's is backed up before migrating and restored if the migration fails;
  a database from a newer DOST Desk raises ``SchemaTooNew`` and is left untouched.

PostgreSQL is backed up on the server (``pg_dump``); these functions refuse it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dost_desk.config import effective_database_url, load_settings
from dost_desk.storage.backup import (
    BACKUPS_FOLDER_NAME,
    KEEP_BACKUPS,
    BackupError,
    BackupFile,
    NotADostDatabase,
    back_up_sqlite,
    check_complete,
    list_backup_files,
    prune_backups,
    read_revision,
    restore_sqlite,
)
from dost_desk.storage.db_lock import DatabaseInUse
from dost_desk.url_secrets import masked_database_url

if TYPE_CHECKING:
    from dost_desk.config import Settings

__all__ = [
    "BackupError",
    "BackupFile",
    "BackupResult",
    "DatabaseInUse",
    "NotADostDatabase",
    "RestoreResult",
    "UpgradeWithBackupResult",
    "backup_database",
    "default_backups_dir",
    "list_backups",
    "restore_database",
    "upgrade_with_backup",
]


@dataclass(frozen=True, slots=True)
class BackupResult:
    url_masked: str
    path: Path
    revision: str | None
    removed_old: tuple[Path, ...] = ()  # older backups deleted to keep the newest N


@dataclass(frozen=True, slots=True)
class RestoreResult:
    url_masked: str
    restored_from: Path
    revision: str | None
    previous_saved_as: Path | None  # the replaced database, kept in the backups folder


@dataclass(frozen=True, slots=True)
class UpgradeWithBackupResult:
    url_masked: str
    from_revision: str | None
    to_revision: str | None
    backup: Path | None  # None: nothing to migrate, a new file, or not SQLite

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def default_backups_dir(settings: Settings | None = None) -> Path:
    """``<data_dir>/backups`` of the given (or the configured) settings."""
    return (settings or load_settings()).data_dir / BACKUPS_FOLDER_NAME


def _sqlite_file(url: str) -> Path:
    """The database file of a SQLite URL; :class:`BackupError` for anything else."""
    from dost_desk.storage.engine import parse_database_url, sqlite_file_path

    parsed = parse_database_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise BackupError(
            f"{masked_database_url(url)} is a PostgreSQL database: back it up on the server "
            "(pg_dump); DOST Desk backs up only its local SQLite database"
        )
    path = sqlite_file_path(parsed)
    if path is None:
        raise BackupError(f"{url} is not a database file that can be backed up")
    return path.absolute()


def _resolve(url: str | None, backups_dir: Path | None) -> tuple[str, Path | None]:
    if url and backups_dir is not None:
        return url, backups_dir
    settings = load_settings()
    return url or effective_database_url(settings), backups_dir or default_backups_dir(settings)


def backup_database(
    url: str | None = None, *, out: Path | None = None, backups_dir: Path | None = None
) -> BackupResult:
    """Back up the SQLite database (the configured one when ``url`` is None).

    Into ``out`` when given, else a new file in ``backups_dir`` (default ``<data_dir>/backups``),
    keeping the newest ten there. Raises ``ConfigError``, :class:`BackupError` (also for a
    missing file or a PostgreSQL URL) or :class:`NotADostDatabase`.
    """
    if out is not None and url:
        resolved, folder = url, None
    else:
        resolved, folder = _resolve(url, backups_dir)
    path = _sqlite_file(resolved)
    if not path.is_file():
        raise BackupError(f"there is no database at {path} to back up")
    if out is not None:
        written = back_up_sqlite(path, out=Path(out))
        return BackupResult(masked_database_url(resolved), written, read_revision(written))
    assert folder is not None
    written = back_up_sqlite(path, folder=folder)
    removed = prune_backups(folder, KEEP_BACKUPS)
    return BackupResult(
        masked_database_url(resolved), written, read_revision(written), tuple(removed)
    )


def restore_database(
    backup_file: Path, url: str | None = None, *, backups_dir: Path | None = None
) -> RestoreResult:
    """Replace the SQLite database (the configured one when ``url`` is None) by ``backup_file``.

    The backup must be a complete DOST Desk database (:class:`NotADostDatabase`,
    ``SchemaTooNew``: nothing is touched). The whole restore holds the database's exclusive
    lock: while any other process has it open (DOST Desk still running), ``DatabaseInUse``
    is raised and nothing changes. The current database, if any, is saved into
    ``backups_dir`` before it is replaced (a damaged one as a byte copy).
    """
    from dost_desk.storage.migrate import head_revision, known_revisions

    backup_file = Path(backup_file).expanduser().absolute()
    resolved, folder = _resolve(url, backups_dir)
    assert folder is not None
    target = _sqlite_file(resolved)
    known, head = known_revisions(), head_revision()
    revision = check_complete(backup_file, known, head)
    previous = restore_sqlite(backup_file, target, known, head, save_previous_to=folder)
    return RestoreResult(masked_database_url(resolved), backup_file, revision, previous)


def list_backups(backups_dir: Path | None = None) -> list[BackupFile]:
    """The backups in ``backups_dir`` (default ``<data_dir>/backups``), newest first."""
    return list_backup_files(backups_dir or default_backups_dir())


def upgrade_with_backup(url: str, *, backups_dir: Path | None = None) -> UpgradeWithBackupResult:
    """Migrate the database at ``url`` to this version's schema, safely.

    A SQLite file whose revision is behind the newest is first backed up into ``backups_dir``
    (default ``<data_dir>/backups``); if the migration fails, the backup is put back and
    ``MigrationError`` says so. A revision this version does not know raises ``SchemaTooNew``
    before anything is written. PostgreSQL, new files and up-to-date databases just migrate.
    """
    from dost_desk.storage.migrate import (
        MigrationError,
        SchemaTooNew,
        head_revision,
        known_revisions,
        run_upgrade,
    )

    path = _existing_sqlite_file(url)
    revision = _dost_revision(path) if path is not None else None
    head = head_revision()
    if path is None or revision is None or revision == head:
        outcome = run_upgrade(url)
        return UpgradeWithBackupResult(
            masked_database_url(url), outcome.from_revision, outcome.to_revision, None
        )
    known = known_revisions()
    unknown = sorted(set(revision.split(",")) - known)
    if unknown:
        raise SchemaTooNew(
            f"the database at {masked_database_url(url)} has schema revision "
            f"{', '.join(unknown)}, which this version of DOST Desk does not know (its newest "
            f"is {head}); it was upgraded by a newer DOST Desk: update this installation; "
            "the database was not changed"
        )
    folder = backups_dir or default_backups_dir()
    backup = back_up_sqlite(path, folder=folder)
    prune_backups(folder, KEEP_BACKUPS)
    try:
        outcome = run_upgrade(url)
    except Exception as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        try:
            restore_sqlite(backup, path, known, head)
        except (BackupError, DatabaseInUse) as restore_error:
            raise MigrationError(
                f"{reason}; putting the backup back failed too ({restore_error}): restore "
                f"{backup} with 'dost-desk backup restore'"
            ) from error
        raise MigrationError(f"{reason}; the database was restored from {backup}") from error
    return UpgradeWithBackupResult(
        masked_database_url(url), outcome.from_revision, outcome.to_revision, backup
    )


def _existing_sqlite_file(url: str) -> Path | None:
    from dost_desk.storage.engine import parse_database_url, sqlite_file_path

    parsed = parse_database_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    path = sqlite_file_path(parsed)
    return path if path is not None and path.is_file() else None


def _dost_revision(path: Path) -> str | None:
    """The file's revision; None when it has none yet (or is not ours: the upgrade says why)."""
    try:
        return read_revision(path)
    except NotADostDatabase:
        return None
