"""Copy numbers taken one at a time, across threads and processes, without holding the
database's write lock while a document is delivered (a printer can take seconds, and
SQLite's write lock would block every autosave and sync meanwhile).

PostgreSQL: a session advisory lock per application on a dedicated connection (never
left idle in a transaction). SQLite: an exclusive ``flock`` on ``<database>.print-lock``
beside the file, so one print at a time per database (one desk's prints; the file is
never on a network share). Both are released by the operating system or the server when
the process dies, so a kill -9 never leaves the lock held.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from dost_desk.storage.engine import StorageError, sqlite_file_path, storage_errors

_IN_MEMORY = threading.Lock()  # an in-memory SQLite database lives in one process


@contextmanager
def print_lock(engine: Engine, application_id: str) -> Iterator[None]:
    """Hold the print lock of ``application_id`` (SQLite: of the whole database)."""
    if engine.dialect.name == "postgresql":
        with _advisory_lock(engine, application_id):
            yield
        return
    path = sqlite_file_path(engine.url)
    if path is None:
        with _IN_MEMORY:
            yield
        return
    lock_file = path.with_name(f"{path.name}.print-lock")
    try:
        descriptor = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise StorageError(f"cannot print: no lock file {lock_file} ({error.strerror})") from None
    try:
        _lock_exclusively(descriptor)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def _lock_exclusively(descriptor: int) -> None:
    if os.name == "nt":
        import msvcrt

        while True:  # LK_LOCK gives up after ten one-second tries: keep waiting
            try:
                msvcrt.locking(descriptor, msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue
    import fcntl

    fcntl.flock(descriptor, fcntl.LOCK_EX)  # per open file: threads exclude each other too


@contextmanager
def _advisory_lock(engine: Engine, application_id: str) -> Iterator[None]:
    digest = hashlib.sha256(f"dost-desk print {application_id}".encode()).digest()
    key = int.from_bytes(digest[:8], "big", signed=True)
    where = engine.url.render_as_string(hide_password=True)
    with storage_errors(where):
        connection = engine.connect()
    try:
        with storage_errors(where):
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
            connection.commit()  # the lock outlives the transaction; nothing stays open
        yield
    finally:
        try:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
            connection.commit()
        except DBAPIError:  # a dead connection: its lock went with it
            connection.invalidate()
        connection.close()
