"""Who has the local SQLite database open: an OS lock on a sidecar file beside it.

Every process that opens the database (GUI, CLI, demo, sync) holds a *shared* lock on
``<database>.lock`` for as long as its engine lives; a restore takes the *exclusive* lock,
without waiting, for the whole restore. So a restore never runs under a process that has
the database open, and no process opens it while a restore runs (it waits up to
:data:`RESTORE_WAIT_SECONDS`, then says a restore is in progress).

The lock belongs to the open file, not to the process, and the OS drops it when the process
dies (``kill -9`` included), so nothing stale is ever left behind. POSIX uses ``flock``;
Windows uses ``LockFileEx`` on the first byte of the lock file (``msvcrt.locking`` has no
shared mode). The lock file itself stays: deleting it could split two processes onto two
different files.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from dost_desk.storage.engine import StorageUnavailable

RESTORE_WAIT_SECONDS = 30.0  # how long opening the database waits for a restore to end
_POLL_SECONDS = 0.05
_LOCK_SUFFIX = ".lock"


class DatabaseInUse(StorageUnavailable):
    """Another process has the database open (raised by :func:`exclusive_database_lock`)."""


def lock_file_path(database: Path) -> Path:
    """``<database>.lock``: the sidecar every process opening ``database`` locks."""
    return database.with_name(database.name + _LOCK_SUFFIX)


def _open_lock_file(database: Path) -> int:
    path = lock_file_path(database)
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as error:
        raise StorageUnavailable(
            f"cannot open the lock file {path}: {error.strerror or error}"
        ) from None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import ctypes
    import msvcrt
    from ctypes import wintypes

    _LOCKFILE_FAIL_IMMEDIATELY = 0x1
    _LOCKFILE_EXCLUSIVE_LOCK = 0x2
    _ERROR_LOCK_VIOLATION = 33
    _ERROR_IO_PENDING = 997

    class _Overlapped(ctypes.Structure):
        _fields_ = [
            ("Internal", ctypes.c_void_p),
            ("InternalHigh", ctypes.c_void_p),
            ("Offset", wintypes.DWORD),
            ("OffsetHigh", wintypes.DWORD),
            ("hEvent", wintypes.HANDLE),
        ]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _LockFileEx = _kernel32.LockFileEx
    _LockFileEx.argtypes = [
        wintypes.HANDLE,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.DWORD,
        ctypes.POINTER(_Overlapped),
    ]
    _LockFileEx.restype = wintypes.BOOL
    _UnlockFileEx = _kernel32.UnlockFileEx
    _UnlockFileEx.argtypes = [
        wintypes.HANDLE,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.DWORD,
        ctypes.POINTER(_Overlapped),
    ]
    _UnlockFileEx.restype = wintypes.BOOL

    def _try_lock(descriptor: int, *, exclusive: bool) -> bool:
        """Lock byte 0 of the file without waiting; False when another handle holds it."""
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(descriptor))
        flags = _LOCKFILE_FAIL_IMMEDIATELY | (_LOCKFILE_EXCLUSIVE_LOCK if exclusive else 0)
        overlapped = _Overlapped()
        if _LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(overlapped)):
            return True
        code = ctypes.get_last_error()
        if code in (_ERROR_LOCK_VIOLATION, _ERROR_IO_PENDING):
            return False
        raise OSError(code, ctypes.FormatError(code))

    def _unlock(descriptor: int) -> None:
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(descriptor))
        overlapped = _Overlapped()
        _UnlockFileEx(handle, 0, 1, 0, ctypes.byref(overlapped))

else:
    import fcntl

    def _try_lock(descriptor: int, *, exclusive: bool) -> bool:
        """flock the file without waiting; False when another open file holds it."""
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(descriptor, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


class SharedDatabaseLock:
    """A shared lock on one database, held between :meth:`acquire` and :meth:`release`.

    Thread-safe and idempotent: acquiring a held lock or releasing a free one does nothing.
    """

    def __init__(self, database: Path) -> None:
        self.database = database
        self._descriptor: int | None = None
        self._guard = threading.Lock()

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def acquire(self) -> None:
        """Take the shared lock, waiting while a restore runs; :class:`StorageUnavailable`
        when it is still running after :data:`RESTORE_WAIT_SECONDS`."""
        with self._guard:
            if self._descriptor is not None:
                return
            descriptor = _open_lock_file(self.database)
            deadline = time.monotonic() + RESTORE_WAIT_SECONDS
            try:
                while not _try_lock(descriptor, exclusive=False):
                    if time.monotonic() >= deadline:
                        raise StorageUnavailable(
                            f"a restore of the database {self.database} is in progress; "
                            "try again when it has finished"
                        )
                    time.sleep(_POLL_SECONDS)
            except BaseException:
                os.close(descriptor)
                raise
            self._descriptor = descriptor

    def release(self) -> None:
        with self._guard:
            descriptor, self._descriptor = self._descriptor, None
        if descriptor is not None:
            with contextlib.suppress(OSError):
                _unlock(descriptor)
            os.close(descriptor)  # closing alone releases it too; unlock first for Windows

    def __del__(self) -> None:  # an engine dropped without dispose() still lets go
        with contextlib.suppress(Exception):
            self.release()


@contextlib.contextmanager
def exclusive_database_lock(database: Path) -> Iterator[None]:
    """Hold the exclusive lock on ``database`` for the block, or raise :class:`DatabaseInUse`
    at once when any process (this one included) has it open."""
    descriptor = _open_lock_file(database)
    try:
        if not _try_lock(descriptor, exclusive=True):
            raise DatabaseInUse(
                f"DOST Desk is still open: another program uses the database {database}; "
                "close DOST Desk (every window and command on this computer) and try again"
            )
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                _unlock(descriptor)
    finally:
        os.close(descriptor)
