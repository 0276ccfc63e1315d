"""A real HTTP server on 127.0.0.1 standing in for a ministry system (not a mock object)."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

# What the server answers: (status, body, seconds to wait first, trickle: send the body a
# byte at a time with this pause). A callable gets the request's path and JSON.
Answer = tuple[int, Any, float, float]


@dataclass
class FakeSystem:
    """The server's state: what it answers and what it was asked."""

    port: int = 0
    answer: Callable[[str, Any], Answer] | Answer = (200, {"result": "confirmed"}, 0.0, 0.0)
    requests: list[dict[str, Any]] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/dost/v1"

    def answers(self, status: int = 200, body: Any = None, delay: float = 0.0, trickle=0.0):
        self.answer = (status, {"result": "confirmed"} if body is None else body, delay, trickle)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        payload = json.loads(raw.decode("utf-8"))
        fake = self.server.fake
        fake.requests.append({"path": self.path, "headers": dict(self.headers), "json": payload})
        answer = fake.answer(self.path, payload) if callable(fake.answer) else fake.answer
        status, body, delay, trickle = answer
        time.sleep(delay)
        if isinstance(body, str):
            data = body.encode("utf-8")
        elif isinstance(body, bytes):
            data = body
        else:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if not trickle:
            self.wfile.write(data)
            return
        for byte in data:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(trickle)

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output clean
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeSystem

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The client gave up on a slow answer and closed the socket: expected here.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture
def fake_system() -> Iterator[FakeSystem]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.fake = FakeSystem(port=server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server.fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
