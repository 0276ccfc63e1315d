"""A real server on 127.0.0.1 that speaks just enough of PostgreSQL's wire protocol to
refuse a login with "password authentication failed" (SQLSTATE 28P01) — what a central
server with password authentication answers a wrong password; the local test server
trusts every login, so it cannot show this."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading

_SSL_REQUEST = 80877103
_GSS_REQUEST = 80877104


class LoginRefuser:
    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self.attempts = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def url(self, user: str = "centre123", database: str = "dost") -> str:
        return f"postgresql+psycopg://{user}:wrong@127.0.0.1:{self.port}/{database}"

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._listener.close()

    def __enter__(self) -> LoginRefuser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._refuse, args=(client,), daemon=True).start()

    def _refuse(self, client: socket.socket) -> None:
        with client:
            try:
                while True:  # SSL / GSS encryption requests first: "N" (not supported)
                    length, code = struct.unpack("!ii", _read(client, 8))
                    _read(client, length - 8)
                    if code in (_SSL_REQUEST, _GSS_REQUEST):
                        client.sendall(b"N")
                        continue
                    break
                self.attempts += 1
                client.sendall(b"R" + struct.pack("!ii", 8, 3))  # cleartext password, please
                kind = _read(client, 1)
                (length,) = struct.unpack("!i", _read(client, 4))
                _read(client, length - 4)
                assert kind == b"p"
                fields = b"".join(
                    tag + text.encode() + b"\0"
                    for tag, text in (
                        (b"S", "FATAL"),
                        (b"V", "FATAL"),
                        (b"C", "28P01"),
                        (b"M", 'password authentication failed for user "centre123"'),
                    )
                )
                body = fields + b"\0"
                client.sendall(b"E" + struct.pack("!i", len(body) + 4) + body)
            except (OSError, AssertionError, struct.error):
                pass


def _read(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise OSError("closed")
        data += chunk
    return data
