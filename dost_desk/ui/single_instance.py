"""One running app per data folder (and so per local database): the first start holds a
lock file there and listens on a local socket named after the folder; a second start asks
the first to bring its window to the front, then ends.

QLockFile decides who is first and recovers a lock left by a killed process (the PID in
the file no longer runs); the local socket only carries the "come to the front" request.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tomllib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from dost_desk.paths import config_file_path, default_data_dir

LOCK_FILE_NAME = "dost-desk.lock"
_RAISE = b"raise\n"
_WAIT_MS = 2000


def configured_data_dir() -> Path:
    """The data folder from ``DOST_DESK_DATA_DIR`` or the config file, without pydantic
    (needed before the window; the full settings load after it)."""
    configured = os.environ.get("DOST_DESK_DATA_DIR", "").strip()
    if not configured:
        try:
            with config_file_path().open("rb") as file:
                configured = str(tomllib.load(file).get("data_dir", "")).strip()
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            configured = ""  # the full settings load reports a broken file
    return Path(configured).expanduser() if configured else default_data_dir()


def server_name(data_dir: Path) -> str:
    """The local socket's name: per user and data folder, short enough for every OS."""
    key = os.path.normcase(str(data_dir.expanduser().absolute()))
    return "dost-desk-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


class SingleInstance(QObject):
    """Hold the data folder for this process, or hand over to the one that holds it."""

    activation_requested = Signal()  # a second start asked for the window

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.name = server_name(data_dir)
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process is the first (it then listens for later starts); False
        when another runs, which was asked to come to the front. A data folder that
        cannot be created or locked is left to the start-up to report: True."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True
        lock = QLockFile(str(self.data_dir / LOCK_FILE_NAME))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if lock.tryLock(0):
            self._lock = lock
            self._listen()
            return True
        if lock.error() != QLockFile.LockError.LockFailedError:
            return True  # no permission or unknown: not a second instance
        if not self._ask_to_raise():  # still starting, or hung: never a second window
            print("dost-desk: already running (it did not answer)", file=sys.stderr)
        return False

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        if self._lock is not None:
            self._lock.unlock()

    def _listen(self) -> None:
        QLocalServer.removeServer(self.name)  # a socket file left by a killed process
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._connected)
        self._server.listen(self.name)

    def _connected(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(_RAISE.strip()):
            self.activation_requested.emit()
        socket.disconnectFromServer()

    def _ask_to_raise(self) -> bool:
        """Tell the running instance to show its window; True when it heard."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_WAIT_MS):
            return False
        socket.write(_RAISE)
        sent = socket.waitForBytesWritten(_WAIT_MS)
        socket.disconnectFromServer()
        return sent


def bring_to_front(window) -> None:
    """Show ``window`` restored and active (the OS may only flash it in the task bar)."""
    from PySide6.QtCore import Qt

    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
    )
    window.show()
    window.raise_()
    window.activateWindow()
