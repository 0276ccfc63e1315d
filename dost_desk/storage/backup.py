"""Copies of the SQLite database file: made with SQLite's online backup API, put back atomically.

* A backup is a consistent snapshot even while the app writes (WAL included), written to a
  temporary file and renamed into place, so a half-written backup never carries the final name.
  The usual place is ``<data_dir>/backups/dost_desk-<UTC timestamp>-<revision>.sqlite3``;
  :func:`prune_backups` keeps the newest :data:`KEEP_BACKUPS` there.
* A restore first checks the file: a SQLite database with DOST Desk's ``alembic_version``
  table and a revision this version knows (:class:`NotADostDatabase`, :class:`SchemaTooNew`
  otherwise; the live database is not touched). It then builds a complete copy beside the live
  file and swaps it in with ``os.replace``, after checkpointing the live file's WAL, so SQLite
  never replays an old write-ahead log onto the restored pages.

Qt-free and SQLAlchemy-free: the standard library's ``sqlite3`` does it all.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from dost_desk.storage.engine import StorageError, StorageUnavailable
from dost_desk.storage.migrate import SchemaTooNew

BACKUPS_FOLDER_NAME = "backups"
KEEP_BACKUPS = 10
_PREFIX = "dost_desk-"
_SUFFIX = ".sqlite3"
# dost_desk-20261124T101500Z-0002.sqlite3, maybe with -2, -3... when that second is taken
BACKUP_NAME = re.compile(
    r"^dost_desk-(?P<stamp>\d{8}T\d{6}Z)-(?P<label>[A-Za-z0-9_.+]+?)(?:-(?P<n>\d+))?\.sqlite3$"
)
_LABEL_UNSAFE = re.compile(r"[^A-Za-z0-9_.+]+")
_BUSY_TIMEOUT_MS = 5000


class BackupError(StorageError):
    """A backup or restore could not be done; ``str(error)`` is one line naming the file."""


class NotADostDatabase(BackupError):
    """The file is not a SQLite database, or not one created by DOST Desk."""


@dataclass(frozen=True, slots=True)
class BackupFile:
    """One backup file: where it is, the schema revision inside, when it was taken, its size."""

    path: Path
    revision: str | None
    created: datetime  # UTC
    size: int


def backup_file_name(revision: str | None, when: datetime) -> str:
    """``dost_desk-<YYYYmmddTHHMMSSZ>-<revision or 'empty'>.sqlite3`` for a UTC moment."""
    stamp = when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    label = _LABEL_UNSAFE.sub("_", revision.replace(",", "+")) if revision else "empty"
    return f"{_PREFIX}{stamp}-{label}{_SUFFIX}"


@contextlib.contextmanager
def _open(path: Path, *, read_only: bool) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection (closed afterwards); read-only never creates the file."""
    uri = path.absolute().as_uri() + ("?mode=ro" if read_only else "")
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=_BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise StorageUnavailable(f"cannot open the SQLite database {path}: {error}") from None
    try:
        yield connection
    finally:
        connection.close()


def read_revision(path: Path) -> str | None:
    """Return the schema revision stored in a DOST Desk SQLite file (None: empty database).

    Raises :class:`NotADostDatabase` when the file is not SQLite or has no ``alembic_version``
    table, :class:`BackupError` when it does not exist.
    """
    if not path.is_file():
        raise BackupError(f"{path} does not exist or is not a file")
    try:
        with _open(path, read_only=True) as connection:
            has_table = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            if not has_table:
                raise NotADostDatabase(
                    f"{path} is not a DOST Desk database (it has no alembic_version table)"
                )
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError as error:
        raise NotADostDatabase(f"{path} is not a SQLite database ({error})") from None
    revisions = sorted(str(row[0]) for row in rows)
    return ",".join(revisions) or None


def check_restorable(path: Path, known_revisions: Iterable[str], head: str) -> str | None:
    """Return the revision of a backup that this version can use, or raise.

    :class:`NotADostDatabase` for a foreign file, :class:`SchemaTooNew` for a backup made by
    a newer DOST Desk (restoring it would leave a database this version must not open).
    """
    revision = read_revision(path)
    known = set(known_revisions)
    unknown = sorted(set(revision.split(",")) - known) if revision else []
    if unknown:
        raise SchemaTooNew(
            f"{path} has schema revision {', '.join(unknown)}, which this version of DOST "
            f"Desk does not know (its newest is {head}); it was made by a newer DOST Desk: "
            "nothing was restored"
        )
    return revision


def _copy_with_backup_api(source: Path, destination: Path) -> None:
    """Copy a live SQLite database to ``destination`` (a new file) page by page.

    The copy is switched to rollback-journal mode so it is one self-contained file (no
    ``-wal``/``-shm`` beside it); the app's engine turns WAL back on when it connects.
    """
    with _open(source, read_only=True) as reader, _open(destination, read_only=False) as writer:
        try:
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.DatabaseError as error:
            raise BackupError(f"cannot copy the SQLite database {source}: {error}") from None


def _temporary_beside(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def _remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def _sidecars(path: Path) -> tuple[Path, Path, Path]:
    return (
        path.with_name(path.name + "-wal"),
        path.with_name(path.name + "-shm"),
        path.with_name(path.name + "-journal"),
    )


def _unique(folder: Path, name: str) -> Path:
    candidate = folder / name
    number = 2
    while candidate.exists():
        candidate = folder / name.replace(_SUFFIX, f"-{number}{_SUFFIX}")
        number += 1
    return candidate


def back_up_sqlite(source: Path, *, folder: Path | None = None, out: Path | None = None) -> Path:
    """Snapshot the SQLite file ``source`` into ``out`` or a new named file in ``folder``.

    The revision in the name is read from the file (a foreign file is refused with
    :class:`NotADostDatabase`). Returns the backup's path. Raises :class:`BackupError`.
    """
    if (folder is None) == (out is None):
        raise ValueError("give exactly one of folder and out")
    revision = read_revision(source)
    if out is None:
        assert folder is not None
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise BackupError(
                f"cannot create the backup folder {folder}: {error.strerror or error}"
            ) from None
        out = _unique(folder, backup_file_name(revision, datetime.now(UTC)))
    out = out.expanduser()
    if out.resolve() == source.resolve():
        raise BackupError(f"the backup file {out} is the database itself")
    if out.is_dir():
        raise BackupError(f"{out} is a folder; name the backup file")
    temporary = _temporary_beside(out)
    try:
        _copy_with_backup_api(source, temporary)
        os.replace(temporary, out)
    except OSError as error:
        raise BackupError(f"cannot write the backup {out}: {error.strerror or error}") from None
    finally:
        _remove_quietly(temporary, *_sidecars(temporary))
    return out


def restore_sqlite(backup: Path, target: Path, known_revisions: Iterable[str], head: str) -> None:
    """Replace the SQLite file ``target`` by a copy of ``backup`` (checked first).

    Raises :class:`NotADostDatabase` or :class:`SchemaTooNew` (nothing touched), or
    :class:`BackupError` when the live database is in use or cannot be replaced.
    """
    check_restorable(backup, known_revisions, head)
    if target.exists() and backup.resolve() == target.resolve():
        raise BackupError(f"{backup} is the database itself")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"cannot create the folder {target.parent}: {error}") from None
    temporary = _temporary_beside(target)
    try:
        _copy_with_backup_api(backup, temporary)
        _checkpoint(target)
        os.replace(temporary, target)
    except OSError as error:
        raise BackupError(
            f"cannot replace {target} (is DOST Desk still running?): {error.strerror or error}"
        ) from None
    finally:
        _remove_quietly(temporary, *_sidecars(temporary))
    # The live file's WAL was emptied by the checkpoint; a leftover one must not be replayed.
    _remove_quietly(*_sidecars(target)[:2])


def _checkpoint(target: Path) -> None:
    """Fold the live database's WAL into its file; refuse while another program writes."""
    if not target.exists():
        return
    try:
        with _open(target, read_only=False) as connection:
            busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.DatabaseError:
        return  # a damaged live file (often why one restores): it is simply replaced
    if busy:
        raise BackupError(
            f"the database {target} is in use by another program; close DOST Desk and try again"
        )


def copy_damaged_file(source: Path, folder: Path) -> Path:
    """Keep a byte copy of a database that cannot be read as SQLite (before replacing it)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = _unique(folder, backup_file_name("damaged", datetime.now(UTC)))
    shutil.copy2(source, out)
    return out


def list_backup_files(folder: Path) -> list[BackupFile]:
    """The backups in ``folder`` (named like :func:`backup_file_name`), newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if not (BACKUP_NAME.match(path.name) and path.is_file()):
            continue
        try:
            revision = read_revision(path)
        except BackupError:
            revision = None
        stat = path.stat()
        found.append(
            BackupFile(
                path=path,
                revision=revision,
                created=datetime.fromtimestamp(stat.st_mtime, UTC),
                size=stat.st_size,
            )
        )
    return sorted(found, key=_age_key, reverse=True)


def _age_key(item: BackupFile) -> tuple[str, datetime, int]:
    match = BACKUP_NAME.match(item.path.name)
    assert match is not None
    return match["stamp"], item.created, int(match["n"] or 1)


def prune_backups(folder: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the ``keep`` newest backups in ``folder``; return the deleted paths."""
    removed = []
    for item in list_backup_files(folder)[keep:]:
        with contextlib.suppress(OSError):
            item.path.unlink()
            removed.append(item.path)
    return removed
