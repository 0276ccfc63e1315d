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

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
    TomlConfigSettingsSource,
)

from dost_desk.http_endpoints import SYSTEM_KEY, CheckProviderConfig, NoticeSenderConfig
from dost_desk.models.vocabulary import CentreCategory
from dost_desk.paths import (
    ENV_PREFIX,
    config_file_path,
    default_data_dir,
)
from dost_desk.url_secrets import UNENCODED_AT, URL_SCHEME, ambiguous_database_url

SQLITE_FILE_NAME = "dost_desk.sqlite3"

_CENTRE_CODE = re.compile(r"[A-E][0-9]{1,4}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SOURCE_ERROR = re.compile(r'field "(?P<field>[^"]+)" from source "(?P<source>[^"]+)"')
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
            if not SYSTEM_KEY.fullmatch(key):
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
            if not URL_SCHEME.match(value):
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


def value_sources(settings: Settings, config_file: Path | None = None) -> dict[str, str]:
    """Return, for every field, where its value came from: ``environment variable X``,
    the config file path, or ``default`` (for ``config show``)."""
    path = Path(config_file).expanduser() if config_file is not None else config_file_path()
    toml_data = _read_toml_quietly(path) if path.is_file() else {}
    return {name: _origin(name, path, {}, toml_data) for name in type(settings).model_fields}
