"""The centre's configuration: defaults, the TOML file, environment variables.

Sources, highest priority first:

1. keyword arguments (``load_settings(centre_code="C123")``, the CLI's ``--url``),
2. environment variables ``DOST_DESK_<FIELD>`` (``DOST_DESK_CENTRE_CODE``, ...),
3. ``config.toml`` in the user's config folder (``DOST_DESK_CONFIG`` names another file),
4. the defaults below.

This module stays light (no SQLAlchemy): the GUI imports it at start-up.
"""

from __future__ import annotations

import getpass
import os
import re
import tomllib
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
    TomlConfigSettingsSource,
)

from dost_desk.models.vocabulary import CentreCategory
from dost_desk.paths import (
    ENV_PREFIX,
    config_file_path,
    default_data_dir,
)

SQLITE_FILE_NAME = "dost_desk.sqlite3"

_CENTRE_CODE = re.compile(r"[A-E][0-9]{1,4}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SOURCE_ERROR = re.compile(r'field "(?P<field>[^"]+)" from source "(?P<source>[^"]+)"')
_URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")
_MAX_REPORTED_ERRORS = 3
_URL_FIELDS = ("database_url", "upstream_url")  # never echoed: they may carry a password


class ConfigError(Exception):
    """The configuration cannot be used; ``str(error)`` is one line naming the culprit."""


class CentreNotConfigured(ConfigError):
    """No centre code is configured: nothing may be numbered (it would clash as ``C000``)."""


SET_CENTRE_CODE = "dost-desk config set centre_code C123"


def require_centre_code(settings: Settings) -> str:
    """The configured centre code; raises :class:`CentreNotConfigured` when there is none."""
    if settings.centre_code is None:
        raise CentreNotConfigured(
            "no centre code is configured: set this centre's code with "
            f"`{SET_CENTRE_CODE}` (a letter A-E and 1-4 digits), or open the app once"
        )
    return settings.centre_code


_SYSTEM_KEY = re.compile(r"[a-z0-9][a-z0-9_-]*")
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
            if not _SYSTEM_KEY.fullmatch(value):
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


# The TOML file read while building Settings; load_settings(config_file=...) sets it.
_toml_file: ContextVar[Path | None] = ContextVar("dost_desk_toml_file", default=None)


@contextmanager
def _reading_toml_file(path: Path):
    token = _toml_file.set(path)
    try:
        yield
    finally:
        _toml_file.reset(token)


class Settings(BaseSettings):
    """The effective configuration of this DOST Desk installation."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        extra="forbid",  # a misspelt key in config.toml is an error, not silently ignored
        frozen=True,
        validate_default=True,
    )

    centre_code: str | None = Field(
        default=None,
        description="centre code: a letter A-E and 1-4 digits, e.g. C123; unset: the app "
        "asks at its first start (registration numbers begin with it)",
    )
    centre_name: str = Field(default="DOST mərkəzi", min_length=1)
    centre_category: CentreCategory = CentreCategory.C
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; unset means the SQLite file in data_dir",
    )
    upstream_url: str | None = Field(
        default=None,
        description="the central PostgreSQL database this local desk syncs with "
        "(postgresql+psycopg://user@host:5432/dost; the password comes from the keyring); "
        "unset means no sync",
    )
    sync_interval_minutes: int = Field(
        default=10,
        ge=0,
        le=24 * 60,
        description="minutes between background syncs in the app (0: only on 'Sync now')",
    )
    data_dir: Path = Field(default_factory=default_data_dir)
    language: Literal["az", "en"] = "az"
    agent_name: str = Field(
        default_factory=lambda: getpass.getuser() or "agent",
        min_length=1,
        max_length=64,
        description="the social agent at this desk (until user accounts exist)",
    )
    print_profiles: dict[Literal["receipt", "certificate", "refusal", "payment-decision"], str] = (
        Field(
            default_factory=dict,
            description='printer profile per document kind, e.g. receipt = "roll80" (default a4)',
        )
    )

    checks: dict[str, CheckProviderConfig] = Field(
        default_factory=dict,
        description="check provider per information system (MEİS subsystem key); "
        "a system not listed is checked manually",
    )
    notices: NoticeSenderConfig = Field(default_factory=NoticeSenderConfig)

    @field_validator("checks", mode="after")
    @classmethod
    def _check_system_keys(
        cls, value: dict[str, CheckProviderConfig]
    ) -> dict[str, CheckProviderConfig]:
        for key in value:
            if not _SYSTEM_KEY.fullmatch(key):
                raise ValueError(
                    f"{key!r} is not a system key (lower-case letters, digits, _ and -, "
                    "e.g. monitoring)"
                )
        return value

    def check_provider(self, system: str) -> CheckProviderConfig:
        """The provider configured for ``system``; ``manual`` when none is."""
        return self.checks.get(system) or _MANUAL

    @field_validator("*", mode="before")
    @classmethod
    def _decodable_text(cls, value: Any) -> Any:
        # Bytes that are not UTF-8 (in an environment variable) arrive as lone surrogates,
        # which no database, file or terminal accepts later.
        if isinstance(value, str) and _SURROGATE.search(value):
            raise ValueError("is not valid text (it holds bytes that are not UTF-8)")
        return value

    @field_validator("centre_code", mode="before")
    @classmethod
    def _normalise_centre_code(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().upper()
            if not _CENTRE_CODE.fullmatch(value):
                raise ValueError("should be a letter A-E followed by 1-4 digits, e.g. C123")
        return value

    @field_validator("centre_name", mode="before")
    @classmethod
    def _strip_name(cls, value: Any) -> Any:
        return value.strip() if isinstance(value, str) else value

    @field_validator("centre_category", mode="before")
    @classmethod
    def _upper_category(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("language", mode="before")
    @classmethod
    def _lower_language(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("database_url", "upstream_url", mode="before")
    @classmethod
    def _check_url(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
            if not _URL_SCHEME.match(value):
                raise ValueError(
                    "should be a database URL such as sqlite:///path/to/file.sqlite3 "
                    "or postgresql+psycopg://user@host:5432/dbname"
                )
            if ambiguous_database_url(value):
                raise ValueError(UNENCODED_AT)
        return value

    @field_validator("data_dir", mode="after")
    @classmethod
    def _expand_data_dir(cls, value: Path) -> Path:
        value = value.expanduser()
        # A relative folder would give every working directory its own empty database.
        if not value.is_absolute():
            raise ValueError(
                "must be an absolute folder path (e.g. /var/lib/dost-desk or "
                "C:\\DOST\\data), not a relative or empty one"
            )
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_file = _toml_file.get() or config_file_path()
        toml_settings = TomlConfigSettingsSource(settings_cls, toml_file=toml_file)
        return (init_settings, env_settings, toml_settings)


_MANUAL = CheckProviderConfig()


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Return the effective settings; ``config_file`` replaces the usual config file.

    A missing config file means "no file" (defaults apply). Raises :class:`ConfigError`
    with one line for an unreadable or malformed file or an invalid value.
    """
    path = Path(config_file).expanduser() if config_file is not None else config_file_path()
    if path.exists() and not path.is_file():
        raise ConfigError(f"{path}: cannot read the config file: it is not a regular file")
    try:
        with _reading_toml_file(path):
            return Settings(**overrides)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: invalid TOML: the file is not UTF-8 text") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ConfigError(f"{path}: cannot read the config file: {reason}") from None
    except ValidationError as error:
        raise ConfigError(_summarise(error, path, overrides)) from None
    except SettingsError as error:  # a table-valued DOST_DESK_* variable that is not JSON
        raise ConfigError(_source_error(error, path)) from None


def _source_error(error: SettingsError, path: Path) -> str:
    """One line naming the variable (or file) whose table value is not JSON."""
    found = _SOURCE_ERROR.search(str(error))
    if found is None:
        return f"cannot read the settings: {error}"
    field = found["field"]
    where = f"environment variable {ENV_PREFIX.upper()}{field.upper()}"
    if "Env" not in found["source"]:
        where = str(path)
    return f'{where}: {field}: should be a JSON object such as {{"key": "value"}}, or unset'


def _summarise(error: ValidationError, path: Path, overrides: dict[str, Any]) -> str:
    """One line: where each bad value came from, the field, pydantic's message."""
    toml_data = _read_toml_quietly(path)
    parts = []
    errors = error.errors(include_url=False)
    for item in errors[:_MAX_REPORTED_ERRORS]:
        loc = item.get("loc") or ()
        field = ".".join(str(part) for part in loc) or "(settings)"
        origin = _origin(str(loc[0]) if loc else "", path, overrides, toml_data)
        message = str(item.get("msg", "invalid value"))
        message = message.removeprefix("Value error, ")
        # The URL is not echoed: a malformed one may still carry a password.
        # Nor a whole [checks.*] / [notices] table: a model error's input is the table.
        echo = field not in _URL_FIELDS and not field.startswith(("checks", "notices"))
        if item.get("type") != "extra_forbidden" and "input" in item and echo:
            message += f" (got {_short_repr(item['input'])})"
        elif item.get("type") == "extra_forbidden":
            message = "unknown setting"
            if origin == str(path):
                known = ", ".join(_known_fields(loc))
                message += f" (known: {known})"
        parts.append(f"{origin}: {field}: {message}")
    if len(errors) > _MAX_REPORTED_ERRORS:
        parts.append(f"and {len(errors) - _MAX_REPORTED_ERRORS} more")
    return "; ".join(parts)


def _known_fields(loc: tuple[Any, ...]) -> list[str]:
    """The settings allowed where an unknown one was found (a nested table's own)."""
    if len(loc) == 3 and loc[0] == "checks":
        return list(CheckProviderConfig.model_fields)
    if len(loc) == 2 and loc[0] == "notices":
        return list(NoticeSenderConfig.model_fields)
    return list(Settings.model_fields)


def _origin(field: str, path: Path, overrides: dict[str, Any], toml_data: dict[str, Any]) -> str:
    if field in overrides:
        return "argument"
    env_name = f"{ENV_PREFIX}{field}".upper()
    if any(name.upper() == env_name for name in os.environ):
        return f"environment variable {env_name}"
    if field in toml_data:
        return str(path)
    return "default"


def _read_toml_quietly(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, ValueError):
        return {}


def _short_repr(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def effective_database_url(settings: Settings) -> str:
    """Return the configured database URL, or the SQLite file in ``data_dir``.

    The folder is not created here; the storage layer does that when it connects.
    """
    if settings.database_url:
        return settings.database_url
    path = (settings.data_dir / SQLITE_FILE_NAME).absolute()
    return f"sqlite:///{path.as_posix()}"


_QUERY_PASSWORD = re.compile(r"(?P<key>[?&](?:password|passwd|pwd)=)[^&#]*", re.IGNORECASE)
# A URL inside a message, and libpq's ``password=...`` (a conninfo string echoed back).
_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s'\"<>]+")
_CONNINFO_PASSWORD = re.compile(r"(?P<key>\bpassword\s*=\s*)(?:'(?:[^'\\]|\\.)*'|\S+)", re.I)
UNENCODED_AT = (
    "has an '@' in its user name, password or database name: write each such '@' as %40 "
    "(percent-encoded), or keep the password in the keyring with `dost-desk config set-password`"
)


def ambiguous_database_url(url: str) -> bool:
    """True when SQLAlchemy would read ``url`` wrongly because of an unencoded ``@``
    (``user:p@ss@host`` makes the host ``ss@host``, leaking part of the password)."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # a malformed URL is not ambiguous: it is refused as malformed
        return False
    if parsed.get_backend_name() == "sqlite":
        return "@" in (parsed.host or "")  # a SQLite path may hold '@'
    return any("@" in (part or "") for part in (parsed.host, parsed.database))


def masked_database_url(url: str) -> str:
    """Return ``url`` with any password replaced by ``***`` (safe to print, log or store).

    Parsed by SQLAlchemy's own URL object; a URL it would misread (an unencoded ``@``) or
    cannot parse keeps only what follows its last ``@``, so no part of a password shows.
    """
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # ArgumentError, or ValueError for a port that is not a number
        return _masked_unparsed(url)
    if ambiguous_database_url(url):
        return _masked_unparsed(url)
    masked = url if parsed.password is None else parsed.render_as_string(hide_password=True)
    return _QUERY_PASSWORD.sub(r"\g<key>***", masked)


def _masked_unparsed(url: str) -> str:
    scheme = _URL_SCHEME.match(url)
    if scheme is None:
        return "(a malformed URL, not shown)"
    rest = url[scheme.end() :]
    before_query, mark, query = rest.partition("?")
    if "@" in before_query:
        before_query = "***@" + before_query.rsplit("@", 1)[1]
    return _QUERY_PASSWORD.sub(r"\g<key>***", f"{scheme.group()}{before_query}{mark}{query}")


def redact_secrets(text: str) -> str:
    """``text`` (an error message) with the passwords of URLs and of libpq connection
    strings in it replaced by ``***``."""
    text = _URL_IN_TEXT.sub(lambda match: masked_database_url(match.group()), text)
    return _CONNINFO_PASSWORD.sub(r"\g<key>***", text)


def value_sources(settings: Settings, config_file: Path | None = None) -> dict[str, str]:
    """Return, for every field, where its value came from: ``environment variable X``,
    the config file path, or ``default`` (for ``config show``)."""
    path = Path(config_file).expanduser() if config_file is not None else config_file_path()
    toml_data = _read_toml_quietly(path) if path.is_file() else {}
    return {name: _origin(name, path, {}, toml_data) for name in type(settings).model_fields}
