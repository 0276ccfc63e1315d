"""JSON over HTTP(S) with the standard library: one POST, a hard time limit, the token.

Shared by the ``http`` check provider and the ``http`` notice sender. Every failure is
an :class:`HttpFailure` with a one-line reason (``timed_out`` when the server was too
slow); the caller turns it into an "unavailable" answer. No proxy is used: the desks
talk to the ministry's systems directly.
"""

from __future__ import annotations

import http.client
import json
import os
import ssl
import stat
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from dost_desk import __version__
from dost_desk.http_endpoints import HttpEndpointConfig

MAX_RESPONSE_BYTES = 1_000_000
_CHUNK = 65536


class HttpFailure(Exception):
    """The request did not get a usable HTTP response (network, TLS, time limit)."""

    def __init__(self, message: str, *, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out


class TokenUnavailable(Exception):
    """The configured token cannot be read (variable unset, file missing or too open)."""


@dataclass(frozen=True, slots=True)
class HttpReply:
    status: int
    body: bytes
    content_type: str

    def text(self, limit: int = 2000) -> str:
        """The body as text for the raw record (cut at ``limit`` characters)."""
        return self.body[: limit * 4].decode("utf-8", errors="replace")[:limit]

    def json(self) -> Any:
        """The body parsed as JSON; raises ValueError when it is not JSON."""
        return json.loads(self.body.decode("utf-8"))


def read_token(config: HttpEndpointConfig) -> str | None:
    """The bearer token from the keyring entry, the environment variable or the file the
    config names.

    The file must be readable only by its owner on POSIX systems (``chmod 600``), so a
    token left world-readable is refused rather than used. None: no token configured.
    """
    if config.token_keyring:
        from dost_desk.credentials import CredentialError, secret

        try:
            token = (secret(config.token_keyring) or "").strip()
        except CredentialError as error:
            raise TokenUnavailable(str(error)) from None
        if not token:
            raise TokenUnavailable(
                f"the keyring holds no token {config.token_keyring!r} "
                f"(dost-desk config set-secret {config.token_keyring})"
            )
        return token
    if config.token_env:
        token = os.environ.get(config.token_env, "").strip()
        if not token:
            raise TokenUnavailable(f"the environment variable {config.token_env} is not set")
        return token
    if config.token_file:
        path = config.token_file
        try:
            info = path.stat()
            if os.name == "posix" and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
                raise TokenUnavailable(
                    f"the token file {path} can be read by other users (chmod 600 it)"
                )
            token = path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            raise TokenUnavailable(f"the token file {path} does not exist") from None
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise TokenUnavailable(f"the token file {path} cannot be read: {reason}") from None
        if not token:
            raise TokenUnavailable(f"the token file {path} is empty")
        return token
    return None


def _ssl_context(config: HttpEndpointConfig) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=str(config.ca_file) if config.ca_file else None)
    if config.client_cert_file:
        key = str(config.client_key_file) if config.client_key_file else None
        context.load_cert_chain(str(config.client_cert_file), key)
    return context


def post_json(
    config: HttpEndpointConfig, path: str, payload: dict[str, Any], token: str | None
) -> HttpReply:
    """POST ``payload`` as JSON to ``config.base_url`` + ``path``; the whole exchange
    (connect, send, wait, read) is limited to ``config.timeout_seconds``.

    Any HTTP status is a reply (the caller judges it); raises HttpFailure otherwise.
    """
    assert config.base_url is not None
    url = urlsplit(config.base_url + path)
    timeout = config.timeout_seconds
    deadline = time.monotonic() + timeout
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "Accept": "application/json",
        "User-Agent": f"dost-desk/{__version__}",
    }
    if token:
        headers["Authorization"] = f"Bearer {token}"
    target = url.path or "/"
    connection: http.client.HTTPConnection
    try:
        if url.scheme == "https":
            connection = http.client.HTTPSConnection(
                url.hostname or "", url.port, timeout=timeout, context=_ssl_context(config)
            )
        else:
            connection = http.client.HTTPConnection(url.hostname or "", url.port, timeout=timeout)
    except (OSError, ValueError) as error:  # ssl errors are OSErrors
        raise HttpFailure(f"cannot set up the connection: {error}") from None
    try:
        connection.request("POST", target, body=body, headers=headers)
        response = connection.getresponse()
        data = _read_body(response, deadline, timeout)
        return HttpReply(response.status, data, response.getheader("Content-Type") or "")
    except TimeoutError:
        raise HttpFailure(f"no answer within {timeout:g} s", timed_out=True) from None
    except ssl.SSLError as error:
        raise HttpFailure(f"TLS failed: {error.reason or error}") from None
    except ConnectionRefusedError:
        port = url.port or (443 if url.scheme == "https" else 80)
        raise HttpFailure(f"{url.hostname}:{port} refused the connection") from None
    except (OSError, http.client.HTTPException) as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        raise HttpFailure(f"cannot reach {url.hostname}: {reason}") from None
    finally:
        connection.close()


def _read_body(response: http.client.HTTPResponse, deadline: float, timeout: float) -> bytes:
    """Read at most MAX_RESPONSE_BYTES before the deadline (a server that trickles bytes
    would otherwise keep each single read under the socket timeout forever)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_RESPONSE_BYTES:
            raise HttpFailure(f"the answer is larger than {MAX_RESPONSE_BYTES} bytes")
        chunks.append(chunk)


def describe_status(status: int) -> str:
    """Why an HTTP status is not an answer, in words an agent or IT can act on."""
    if status in (401, 403):
        return f"the server refused the token (HTTP {status})"
    if status == 404:
        return "no such address on the server (HTTP 404): check base_url"
    if status >= 500:
        return f"the server failed (HTTP {status})"
    return f"the server answered HTTP {status}"
