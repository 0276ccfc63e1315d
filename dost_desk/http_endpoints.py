"""The configuration of the HTTP(S) endpoints of information systems: check providers and
the E-sosial notice sender (addresses, timeouts, which keyring entry holds the secret)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SYSTEM_KEY = re.compile(r"[a-z0-9][a-z0-9_-]*")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


class HttpEndpointConfig(BaseModel):
    """An HTTP(S) endpoint of an information system: where, how long to wait, which secret.

    The secret is never written in the config: ``token_keyring`` names its entry in the
    operating system's keyring (``dost-desk config set-secret NAME``), ``token_env`` an
    environment variable holding it, or ``token_file`` a file readable only by the user;
    a client certificate (``client_cert_file``, ``client_key_file``) may replace the token.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str | None = None
    timeout_seconds: float = Field(default=5.0, gt=0, le=120)
    token_env: str | None = None
    token_file: Path | None = None
    token_keyring: str | None = None
    client_cert_file: Path | None = None
    client_key_file: Path | None = None
    ca_file: Path | None = None
    # A token in clear text over the network: only when the operator says so.
    allow_plain_http: bool = False

    @field_validator("base_url", mode="before")
    @classmethod
    def _check_base_url(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        value = value.strip()
        if not value:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("should be an http:// or https:// URL with a host name")
        if parts.username or parts.password:
            raise ValueError(
                "must not contain a user name or password (use token_keyring or token_file)"
            )
        if parts.query or parts.fragment:
            raise ValueError("must not contain a query (?...) or fragment (#...)")
        return value.rstrip("/")

    @field_validator("token_env", mode="before")
    @classmethod
    def _check_token_env(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            if not _ENV_NAME.fullmatch(value):
                raise ValueError("should be the name of an environment variable")
        return value

    @field_validator("token_keyring", mode="before")
    @classmethod
    def _check_token_keyring(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            if not SYSTEM_KEY.fullmatch(value):
                raise ValueError(
                    "should be a keyring entry name (lower-case letters, digits, _ and -)"
                )
        return value

    @field_validator("token_file", "client_cert_file", "client_key_file", "ca_file")
    @classmethod
    def _expand_path(cls, value: Path | None) -> Path | None:
        return value.expanduser() if value is not None else None

    def __repr_args__(self) -> Any:
        # Only what differs from the defaults: `config show` stays one readable line.
        defaults = {name: field.default for name, field in type(self).model_fields.items()}
        return [
            (k, v)
            for k, v in super().__repr_args__()
            if k == "provider" or (k and v != defaults.get(k))
        ]

    def _check_http(self, what: str) -> None:
        if self.base_url is None:
            raise ValueError(f"the http {what} needs base_url")
        tokens = [self.token_env, self.token_file, self.token_keyring]
        if sum(token is not None for token in tokens) > 1:
            raise ValueError("set one of token_keyring, token_env and token_file")
        if not (any(tokens) or self.client_cert_file):
            raise ValueError(
                f"the http {what} needs token_keyring, token_env, token_file or client_cert_file"
            )
        if self.client_key_file and not self.client_cert_file:
            raise ValueError("client_key_file needs client_cert_file")
        parts = urlsplit(self.base_url)
        if (
            parts.scheme == "http"
            and any(tokens)
            and parts.hostname not in _LOOPBACK_HOSTS
            and not self.allow_plain_http
        ):
            raise ValueError(
                "a token is sent over plain http only to this computer; use https "
                "(or set allow_plain_http = true)"
            )

    def _check_no_http(self, provider: str) -> None:
        given = [name for name in _HTTP_FIELDS if getattr(self, name) not in (None, False)]
        if given:
            raise ValueError(f"{', '.join(given)}: only for the http provider, not {provider}")


_HTTP_FIELDS = (
    "base_url",
    "token_env",
    "token_file",
    "token_keyring",
    "client_cert_file",
    "client_key_file",
    "ca_file",
    "allow_plain_http",
)


class CheckProviderConfig(HttpEndpointConfig):
    """How the desk checks one information system (``[checks.<system>]`` in config.toml).

    ``manual``: the agent records what the system showed; ``reference``: the offline
    tables imported with ``dost-desk checks import``; ``http``: the JSON API of
    ``docs/checks-http-api.md``.
    """

    provider: Literal["manual", "reference", "http"] = "manual"

    @model_validator(mode="after")
    def _provider_fields(self) -> CheckProviderConfig:
        if self.provider == "http":
            self._check_http("provider")
        else:
            self._check_no_http(self.provider)
        return self

    @property
    def automatic(self) -> bool:
        return self.provider != "manual"


class NoticeSenderConfig(HttpEndpointConfig):
    """How E-sosial notices are posted (``[notices]``): by the agent, or over HTTP."""

    provider: Literal["manual", "http"] = "manual"

    @model_validator(mode="after")
    def _provider_fields(self) -> NoticeSenderConfig:
        if self.provider == "http":
            self._check_http("sender")
        else:
            self._check_no_http(self.provider)
        return self
