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
_URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")
_MAX_REPORTED_ERRORS = 3


class ConfigError(Exception):
    """The configuration cannot be used; ``str(error)`` is one line naming the culprit."""


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

    centre_code: str = Field(
        default="C000",
        description="centre code: a letter A-E and 1-4 digits, e.g. C123",
    )
    centre_name: str = Field(default="DOST mərkəzi", min_length=1)
    centre_category: CentreCategory = CentreCategory.C
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; unset means the SQLite file in data_dir",
    )
    data_dir: Path = Field(default_factory=default_data_dir)
    language: Literal["az", "en"] = "az"
    agent_name: str = Field(
        default_factory=lambda: getpass.getuser() or "agent",
        min_length=1,
        max_length=64,
        description="the social agent at this desk (until user accounts exist)",
    )

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

    @field_validator("database_url", mode="before")
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
        return value

    @field_validator("data_dir", mode="after")
    @classmethod
    def _expand_data_dir(cls, value: Path) -> Path:
        return value.expanduser()

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
        if item.get("type") != "extra_forbidden" and "input" in item and field != "database_url":
            message += f" (got {_short_repr(item['input'])})"
        elif item.get("type") == "extra_forbidden":
            message = "unknown setting"
            if origin == str(path):
                known = ", ".join(Settings.model_fields)
                message += f" (known: {known})"
        parts.append(f"{origin}: {field}: {message}")
    if len(errors) > _MAX_REPORTED_ERRORS:
        parts.append(f"and {len(errors) - _MAX_REPORTED_ERRORS} more")
    return "; ".join(parts)


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


# scheme://user:password@host... — the password runs up to the '@' (SQLAlchemy's rule).
_URL_PASSWORD = re.compile(r"^(?P<head>[^:/?#]+://[^:/@?#]*):(?P<password>[^@]*)@")
_QUERY_PASSWORD = re.compile(r"(?P<key>[?&](?:password|passwd|pwd)=)[^&#]*", re.IGNORECASE)


def masked_database_url(url: str) -> str:
    """Return ``url`` with any password replaced by ``***`` (safe to print or log)."""
    masked = _URL_PASSWORD.sub(r"\g<head>:***@", url, count=1)
    return _QUERY_PASSWORD.sub(r"\g<key>***", masked)


def value_sources(settings: Settings, config_file: Path | None = None) -> dict[str, str]:
    """Return, for every field, where its value came from: ``environment variable X``,
    the config file path, or ``default`` (for ``config show``)."""
    path = Path(config_file).expanduser() if config_file is not None else config_file_path()
    toml_data = _read_toml_quietly(path) if path.is_file() else {}
    return {name: _origin(name, path, {}, toml_data) for name in type(settings).model_fields}
