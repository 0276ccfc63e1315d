"""A real TCP proxy on 127.0.0.1 for fault injection (network drops between the app and
PostgreSQL), started by the tests themselves.

    with TcpProxy(("127.0.0.1", 5432)) as proxy:
        url = proxy.url(pg_url)      # the same database, through the proxy
        proxy.cut()                  # every open connection dies, new ones are refused
        proxy.restore()              # the link is back
        proxy.drop_after(4000)       # each new connection dies after ~4,000 bytes
        proxy.stall_after(1800)      # each new connection goes silent after ~1,800 bytes

Connections are pumped by two threads each; dropping one shuts both sockets down at
once, mid-message, as a broken link or a killed router would.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections.abc import Callable

from sqlalchemy.engine import make_url

_CHUNK = 65536


class _Link:
    """One client connection and its upstream connection."""

    def __init__(
        self, client: socket.socket, server: socket.socket, budget: int | None, stall: bool = False
    ) -> None:
        self.client = client
        self.server = server
        self.budget = budget
        self.stall = stall  # out of budget: go silent instead of breaking
        self.lock = threading.Lock()
        self.closed = False
        self.gone = threading.Event()

    def spend(self, size: int) -> bool:
        """Count ``size`` forwarded bytes; False once the budget is exhausted."""
        with self.lock:
            if self.budget is None:
                return True
            self.budget -= size
            return self.budget > 0

    def close(self) -> None:
        with self.lock:
            if self.closed:
                return
            self.closed = True
        self.gone.set()
        for sock in (self.client, self.server):
            _reset(sock)


class TcpProxy:
    """Forward 127.0.0.1:<port> to ``target``; cut, restore or limit the link at will."""

    def __init__(self, target: tuple[str, int] = ("127.0.0.1", 5432)) -> None:
        self.target = target
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._links: set[_Link] = set()
        self._lock = threading.Lock()
        self._refusing = False
        self._budget: Callable[[], int | None] = lambda: None
        self._stall = False
        self.connections = 0  # accepted so far
        self.dropped = 0  # links the proxy broke
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._thread.start()

    # --- control ---------------------------------------------------------------------------

    def url(self, database_url: str) -> str:
        """``database_url`` (on ``target``) rewritten to go through this proxy."""
        parsed = make_url(database_url).set(host="127.0.0.1", port=self.port)
        return parsed.render_as_string(hide_password=False)

    def cut(self) -> None:
        """Break every open connection and refuse new ones until :meth:`restore`."""
        with self._lock:
            self._refusing = True
            links = list(self._links)
        for link in links:
            self._drop(link)

    def restore(self) -> None:
        """Let connections through again, without a byte limit."""
        with self._lock:
            self._refusing = False
            self._budget = lambda: None
            self._stall = False

    def drop_after(self, budget: int | Callable[[], int | None] | None) -> None:
        """Break each **new** connection after it forwarded about ``budget`` bytes (both
        directions together); a callable is asked once per connection (random limits)."""
        with self._lock:
            self._budget = budget if callable(budget) else (lambda: budget)
            self._stall = False

    def stall_after(self, budget: int) -> None:
        """Each **new** connection goes silent after about ``budget`` bytes: kept open,
        nothing more forwarded (a link that died without a reset, e.g. a dead router)."""
        with self._lock:
            self._budget = lambda: budget
            self._stall = True

    def close(self) -> None:
        with self._lock:
            self._refusing = True
        with contextlib.suppress(OSError):
            self._listener.close()
        self.cut()

    def __enter__(self) -> TcpProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- pumping ---------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            with self._lock:
                refusing, budget, stall = self._refusing, self._budget(), self._stall
            if refusing:
                _reset(client)
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
                server.settimeout(None)
            except OSError:
                _reset(client)
                continue
            link = _Link(client, server, budget, stall)
            with self._lock:
                self._links.add(link)
                self.connections += 1
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(link, source, sink), daemon=True).start()

    def _pump(self, link: _Link, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(_CHUNK)
                if not data:
                    break
                if not link.spend(len(data)):
                    if link.stall:
                        link.gone.wait()  # until cut() or close()
                        return
                    # Forward part of the chunk, then break: the peer sees a cut mid-message.
                    with contextlib.suppress(OSError):
                        sink.sendall(data[: max(1, len(data) // 2)])
                    self._drop(link)
                    return
                sink.sendall(data)
        except OSError:
            pass
        self._forget(link)

    def _drop(self, link: _Link) -> None:
        if not link.closed:
            with self._lock:
                self.dropped += 1
        self._forget(link)

    def _forget(self, link: _Link) -> None:
        link.close()
        with self._lock:
            self._links.discard(link)


def _reset(sock: socket.socket) -> None:
    """Break the connection now: both peers see it end, mid-message."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    # shutdown() wakes the pump thread blocked in recv() on this socket; close() alone
    # would not, and the kernel would keep the connection open behind it.
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
