"""Is a file a whole DOST Desk database? The checks a backup passes before it is restored.

* :func:`read_revision`: the schema revision in ``alembic_version`` (a SQLite file).
* :func:`check_restorable`: a revision this version knows (``SchemaTooNew`` otherwise).
* :func:`check_complete`: also ``PRAGMA integrity_check`` passes and every table and column
  of that revision is there (compared with a reference database built once per revision
  with the migrations), so a file holding ``alembic_version`` alone, a truncated or a
  scribbled-over file is refused with :class:`NotADostDatabase`.

Standard library ``sqlite3`` only (the reference is built with the migrations).
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from dost_desk.storage.engine import StorageError, StorageUnavailable
from dost_desk.storage.migrate import SchemaTooNew

_BUSY_TIMEOUT_MS = 5000


class BackupError(StorageError):
    """A backup or restore could not be done; ``str(error)`` is one line naming the file."""


class NotADostDatabase(BackupError):
    """The file is not a SQLite database, or not one created by DOST Desk."""


@contextlib.contextmanager
def open_sqlite(path: Path, *, read_only: bool) -> Iterator[sqlite3.Connection]:
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
        with open_sqlite(path, read_only=True) as connection:
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


def check_complete(path: Path, known_revisions: Iterable[str], head: str) -> str:
    """Return the revision of ``path`` if it is a whole DOST Desk database, else raise.

    Beyond :func:`check_restorable`: the file passes ``PRAGMA integrity_check`` and holds
    every table and column of its revision (a file with ``alembic_version`` alone, a
    truncated or scribbled-over one is refused with :class:`NotADostDatabase`).
    """
    revision = check_restorable(path, known_revisions, head)
    if revision is None:
        raise NotADostDatabase(
            f"{path} is not a complete DOST Desk database (it has no schema revision)"
        )
    try:
        with open_sqlite(path, read_only=True) as connection:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check(5)")]
            found = _schema(connection)
    except sqlite3.DatabaseError as error:
        raise NotADostDatabase(f"{path} is a damaged SQLite database ({error})") from None
    if problems != ["ok"]:
        raise NotADostDatabase(
            f"{path} is a damaged SQLite database (integrity check: {problems[0]})"
        )
    expected: dict[str, frozenset[str]] = {}
    for single in revision.split(","):
        expected.update(_reference_schema(single))
    missing = _missing(expected, found)
    if missing:
        shown = ", ".join(missing[:5]) + (
            f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        )
        raise NotADostDatabase(
            f"{path} is not a complete DOST Desk database (revision {revision}; missing {shown})"
        )
    return revision


def _missing(expected: dict[str, frozenset[str]], found: dict[str, frozenset[str]]) -> list[str]:
    missing = []
    for table, columns in sorted(expected.items()):
        if table not in found:
            missing.append(table)
        else:
            missing.extend(f"{table}.{column}" for column in sorted(columns - found[table]))
    return missing


def _schema(connection: sqlite3.Connection) -> dict[str, frozenset[str]]:
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        table: frozenset(row[1] for row in connection.execute(f'PRAGMA table_info("{table}")'))
        for table in tables
    }


@functools.cache
def _reference_schema(revision: str) -> dict[str, frozenset[str]]:
    """The tables and columns a database at ``revision`` has: built once with the migrations."""
    from dost_desk.storage.migrate import upgrade_database

    with tempfile.TemporaryDirectory(prefix="dost-desk-schema-") as folder:
        reference = Path(folder) / "reference.sqlite3"
        upgrade_database(f"sqlite:///{reference.as_posix()}", revision)
        with open_sqlite(reference, read_only=True) as connection:
            return _schema(connection)
