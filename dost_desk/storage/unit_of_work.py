"""The unit of work every service function runs in (Cosmic Python style)::

    with UnitOfWork(engine) as uow:
        application = uow.session.get(Application, application_id)
        ...
        uow.commit()

Nothing is written unless :meth:`UnitOfWork.commit` is called: leaving the block without
it, or with an exception, rolls everything back. Driver errors leaving the block become
:class:`~dost_desk.storage.engine.StorageError` (``StorageUnavailable`` when the
database cannot be reached or is locked, :class:`ReadOnlyDatabase` when it cannot be
written); every other exception passes through unchanged.

On SQLite (a local desk, the centre's system of record) every flush also queues the
synchronised rows it wrote in the outbox, in the same transaction
(:mod:`dost_desk.sync.outbox`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from dost_desk.storage.engine import StorageError, sqlite_file_path, storage_errors
from dost_desk.sync.outbox import record_changes_in_outbox

_log = logging.getLogger(__name__)

_SQLITE_READONLY = 8  # primary result code; extended codes keep it in the low byte
_PG_READ_ONLY_TRANSACTION = "25006"


class ReadOnlyDatabase(StorageError):
    """The database can be read but not written (file permissions, read-only media,
    a read-only URI or PostgreSQL standby); nothing of the unit of work was saved."""


class UnitOfWork:
    """One transaction on ``engine`` with a :class:`~sqlalchemy.orm.Session`.

    The transaction begins at the session's first statement, not at ``with``.
    ``write=True`` (the default) is for service functions that change data: on SQLite
    that BEGIN is ``IMMEDIATE``, taking the write lock before anything is read,
    so two desks writing one file wait for each other (busy timeout) instead of failing
    to upgrade a read lock. Allocating a registration number requires it.
    ``write=False`` is for readers: under WAL they never wait for writers.

    The session does not expire objects on commit, so loaded values stay readable after
    the block (to build DTOs); it is closed when the block ends.
    """

    session: Session

    def __init__(self, engine: Engine, *, write: bool = True) -> None:
        self._engine = engine
        self._write = write
        self._where = engine.url.render_as_string(hide_password=True)

    def __enter__(self) -> UnitOfWork:
        bind = self._engine
        if self._write and bind.dialect.name == "sqlite":
            bind = bind.execution_options(sqlite_begin_mode="IMMEDIATE")
        self.session = Session(bind, expire_on_commit=False)
        if bind.dialect.name == "sqlite":
            # A local desk is the centre's system of record: its changes queue for sync.
            record_changes_in_outbox(self.session)
        return self

    def commit(self) -> None:
        """Write everything done in the block, in one transaction."""
        with self._translated():
            self.session.commit()

    def rollback(self) -> None:
        """Discard everything done since the last commit."""
        with self._translated():
            self.session.rollback()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            with self._translated():
                self.session.close()  # rolls back whatever was not committed
        except StorageError:
            if exc is None:
                raise
            # The error from the block explains more; the failed clean-up follows from it.
            _log.warning("rollback after %s failed", type(exc).__name__, exc_info=True)
        if isinstance(exc, DBAPIError):
            with self._translated():
                raise exc

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """Driver errors inside become :class:`StorageError` (see the module docstring)."""
        try:
            with storage_errors(self._where):
                yield
        except StorageError as error:
            cause = error.__cause__
            if isinstance(cause, DBAPIError) and _is_read_only(cause):
                raise ReadOnlyDatabase(
                    f"cannot save: the {_describe(self._engine)} is read-only, so DOST Desk "
                    "cannot write to it; nothing was saved (check the file and folder "
                    "permissions, or whether the disk or server is read-only)"
                ) from cause
            raise


def _is_read_only(error: DBAPIError) -> bool:
    original = error.orig
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF == _SQLITE_READONLY
    if getattr(original, "sqlstate", None) == _PG_READ_ONLY_TRANSACTION:
        return True
    return "readonly database" in str(original)  # drivers without error codes (SQLCipher)


def _describe(engine: Engine) -> str:
    url = make_url(engine.url)
    if url.get_backend_name() == "sqlite":
        path = sqlite_file_path(url)
        database = url.database or ""
        if path is None and database.startswith("file:"):
            return f"SQLite database {database.removeprefix('file:').split('?', 1)[0]}"
        return f"SQLite database {path}" if path is not None else "in-memory SQLite database"
    host = url.host or "localhost"
    return f"PostgreSQL database {url.database!r} at {host}:{url.port or 5432}"
