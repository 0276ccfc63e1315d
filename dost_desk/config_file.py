"""Write settings into the config file (``dost-desk config set``, the first-start dialog).

Only plain top-level settings are written here (the centre's code, category, name, the
folders, URLs, language…); tables such as ``[checks.*]`` are edited in the file itself.
The file is validated as a whole before it replaces the old one, so a bad value never
leaves a broken config behind. Comments in an existing file are not kept.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from dost_desk.config import ConfigError, Settings, load_settings
from dost_desk.paths import config_file_path

#: The settings ``config set`` writes (the tables are edited in the file).
SETTABLE = tuple(
    name for name in Settings.model_fields if name not in ("checks", "notices", "print_profiles")
)
_INTEGERS = ("sync_interval_minutes",)


def save_config_values(values: dict[str, str], config_file: Path | None = None) -> Path:
    """Set ``values`` (setting name → text) in the config file, keeping its other settings;
    return the file's path. Raises :class:`ConfigError` (one line) for an unknown setting,
    a value that does not validate, or a file that cannot be read or written."""
    path = Path(config_file).expanduser() if config_file is not None else config_file_path()
    data = _read(path)
    for name, text in values.items():
        if name not in SETTABLE:
            known = ", ".join(SETTABLE)
            raise ConfigError(f"{name}: not a setting `config set` writes (known: {known})")
        data[name] = _typed(name, text.strip())
    import tomli_w

    content = tomli_w.dumps(data).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    except OSError as error:
        raise ConfigError(f"{path}: cannot write the config file: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        try:
            # The whole file as it will be read; the new values as arguments, so that an
            # environment variable cannot hide a bad one.
            given = {name: data[name] for name in values}
            load_settings(config_file=Path(temporary), **given)
        except ConfigError as error:
            raise ConfigError(str(error).replace(temporary, str(path))) from None
        os.replace(temporary, path)
    except OSError as error:
        raise ConfigError(f"{path}: cannot write the config file: {error.strerror}") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: invalid TOML, fix it first: {error}") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the config file: {error.strerror}") from None


def _typed(name: str, text: str) -> Any:
    if name in _INTEGERS:
        try:
            return int(text)
        except ValueError:
            raise ConfigError(f"{name}: should be a whole number, not {text!r}") from None
    return text


def overriding_variable(name: str) -> str | None:
    """The ``DOST_DESK_*`` environment variable that beats the file for ``name``, if set."""
    wanted = f"DOST_DESK_{name}".upper()
    return next((key for key in os.environ if key.upper() == wanted), None)
