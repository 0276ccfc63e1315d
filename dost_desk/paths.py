"""Where the configuration and the data live; light enough for the GUI's first moments."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "dost-desk"
APP_AUTHOR = "DOST"
ENV_PREFIX = "DOST_DESK_"
CONFIG_ENV_VAR = f"{ENV_PREFIX}CONFIG"
CONFIG_FILE_NAME = "config.toml"


def config_file_path() -> Path:
    """Return the config file to read: ``$DOST_DESK_CONFIG`` or ``config.toml`` in the
    user's config folder. The file need not exist."""
    override = os.environ.get(CONFIG_ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    config_dir = platformdirs.user_config_dir(APP_NAME, APP_AUTHOR, roaming=False)
    return Path(config_dir) / CONFIG_FILE_NAME


def default_data_dir() -> Path:
    """Return the per-user folder for the local database and other data."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))
