"""Copies of the SQLite database file: made with SQLite's online backup API, put back atomically.

* A backup is a consistent snapshot even while the app writes (WAL included), written to a
  private (``0600``) temporary file and renamed into place, so a half-written backup never
  carries the final name. The usual place is
  ``<data_dir>/backups/dost_desk-<UTC timestamp>-<revision>.sqlite3``; :func:`prune_backups`
  keeps the newest :data:`KEEP_BACKUPS` there.
* A restore accepts only a complete DOST Desk database (:func:`check_complete`: SQLite's
  integrity check passes, ``alembic_version`` holds a revision this version knows, and every
  table and column of that revision is there; :class:`NotADostDatabase`, :class:`SchemaTooNew`
  otherwise, and the live database is not touched). It runs only while no other process has
  the database open: it holds the exclusive lock of :mod:`dost_desk.storage.db_lock` from the
  first step to the last, so nobody writes meanwhile and the replaced database is saved as a
  consistent snapshot. The new file is built and synced beside the live one, the live WAL is
  folded in and removed, and ``os.replace`` swaps the files: a ``kill -9`` at any point
  leaves either the old or the restored database, whole.

Qt-free and SQLAlchemy-free: the standard library's ``sqlite3`` does it all (the reference
schema of a revision is built once with the migrations).
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from dost_desk.storage.backup_check import (
    BackupError,
    NotADostDatabase,
    check_complete,
    check_restorable,
    open_sqlite,
    read_revision,
)
from dost_desk.storage.db_lock import SharedDatabaseLock, exclusive_database_lock
from dost_desk.storage.files import create_private_file, make_private_dir, make_private_file

__all__ = [  # the checks live in backup_check; callers import them from here too
    "BACKUPS_FOLDER_NAME",
    "BACKUP_NAME",
    "KEEP_BACKUPS",
    "BackupError",
    "BackupFile",
    "NotADostDatabase",
    "back_up_sqlite",
    "backup_file_name",
    "check_complete",
    "check_restorable",
    "copy_damaged_file",
    "list_backup_files",
    "prune_backups",
    "read_revision",
    "restore_sqlite",
]

BACKUPS_FOLDER_NAME = "backups"
KEEP_BACKUPS = 10
_PREFIX = "dost_desk-"
_SUFFIX = ".sqlite3"
# dost_desk-20261124T101500Z-0002.sqlite3, maybe with -2, -3... when that second is taken
BACKUP_NAME = re.compile(
    r"^dost_desk-(?P<stamp>\d{8}T\d{6}Z)-(?P<label>[A-Za-z0-9_.+]+?)(?:-(?P<n>\d+))?\.sqlite3$"
)
_LABEL_UNSAFE = re.compile(r"[^A-Za-z0-9_.+]+")


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


def _copy_with_backup_api(source: Path, destination: Path) -> None:
    """Copy a live SQLite database to ``destination`` (a new file) page by page.

    The copy is switched to rollback-journal mode so it is one self-contained file (no
    ``-wal``/``-shm`` beside it); the app's engine turns WAL back on when it connects.
    """
    create_private_file(destination)
    with (
        open_sqlite(source, read_only=True) as reader,
        open_sqlite(destination, read_only=False) as writer,
    ):
        try:
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.DatabaseError as error:
            raise BackupError(f"cannot copy the SQLite database {source}: {error}") from None
    _fsync(destination)


def _fsync(path: Path) -> None:
    """Flush a file (or, on POSIX, a folder's entries) to the disk."""
    if path.is_dir() and os.name != "posix":
        return
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


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


def back_up_sqlite(
    source: Path,
    *,
    folder: Path | None = None,
    out: Path | None = None,
    share_lock: bool = True,
) -> Path:
    """Snapshot the SQLite file ``source`` into ``out`` or a new named file in ``folder``.

    The revision in the name is read from the file (a foreign file is refused with
    :class:`NotADostDatabase`). The shared lock is held meanwhile (no restore runs under
    the copy) unless ``share_lock`` is False (the caller holds the exclusive one). Returns
    the backup's path, a ``0600`` file. Raises :class:`BackupError`.
    """
    if (folder is None) == (out is None):
        raise ValueError("give exactly one of folder and out")
    lock = SharedDatabaseLock(source.absolute()) if share_lock else None
    if lock is not None:
        lock.acquire()
    try:
        return _back_up(source, folder, out)
    finally:
        if lock is not None:
            lock.release()


def _back_up(source: Path, folder: Path | None, out: Path | None) -> Path:
    revision = read_revision(source)
    if out is None:
        assert folder is not None
        try:
            make_private_dir(folder)
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


def restore_sqlite(
    backup: Path,
    target: Path,
    known_revisions: Iterable[str],
    head: str,
    *,
    save_previous_to: Path | None = None,
) -> Path | None:
    """Replace the SQLite file ``target`` by a copy of ``backup`` (checked first).

    With ``save_previous_to``, the database being replaced is first saved there (a snapshot;
    a damaged file as a byte copy); its path is returned. Raises :class:`NotADostDatabase`
    or :class:`SchemaTooNew` (nothing touched), :class:`~dost_desk.storage.db_lock.
    DatabaseInUse` while any other process has the database open, or :class:`BackupError`
    when it cannot be replaced.
    """
    check_complete(backup, known_revisions, head)
    target = target.absolute()
    if target.exists() and backup.resolve() == target.resolve():
        raise BackupError(f"{backup} is the database itself")
    try:
        if not target.parent.is_dir():
            make_private_dir(target.parent)
    except OSError as error:
        raise BackupError(f"cannot create the folder {target.parent}: {error}") from None
    with exclusive_database_lock(target):
        _remove_quietly(*_stale_temporaries(target))
        previous = None
        if target.is_file():
            _checkpoint(target)
            if save_previous_to is not None:
                previous = _save_previous(target, save_previous_to)
        _replace(backup, target)
    return previous


def _save_previous(target: Path, folder: Path) -> Path:
    try:
        return back_up_sqlite(target, folder=folder, share_lock=False)
    except NotADostDatabase:
        return copy_damaged_file(target, folder)


def _replace(backup: Path, target: Path) -> None:
    """Build the new file beside ``target``, then swap it in (the exclusive lock is held)."""
    temporary = _temporary_beside(target)
    try:
        _copy_with_backup_api(backup, temporary)
        # The live WAL was folded in by the checkpoint; it must not meet the new pages.
        for sidecar in _sidecars(target):
            sidecar.unlink(missing_ok=True)
        os.replace(temporary, target)
        _fsync(target.parent)
    except OSError as error:
        raise BackupError(f"cannot replace {target}: {error.strerror or error}") from None
    finally:
        _remove_quietly(temporary, *_sidecars(temporary))


def _stale_temporaries(target: Path) -> list[Path]:
    """Temporary copies left beside ``target`` by a restore that was killed."""
    return [
        path for path in target.parent.glob(f".{glob.escape(target.name)}.*.tmp*") if path.is_file()
    ]


def _checkpoint(target: Path) -> None:
    """Fold the live database's WAL into its file; refuse while another program writes."""
    try:
        with open_sqlite(target, read_only=False) as connection:
            busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.DatabaseError:
        return  # a damaged live file (often why one restores): it is simply replaced
    if busy:
        raise BackupError(
            f"the database {target} is in use by another program; close it and try again"
        )


def copy_damaged_file(source: Path, folder: Path) -> Path:
    """Keep a byte copy of a database that cannot be read as SQLite (before replacing it)."""
    make_private_dir(folder)
    out = _unique(folder, backup_file_name("damaged", datetime.now(UTC)))
    create_private_file(out)
    shutil.copyfile(source, out)
    make_private_file(out)
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
