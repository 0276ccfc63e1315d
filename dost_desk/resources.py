"""Where the bundled resources (passports, translations, fonts) live.

From a source checkout they are in `resources/` beside the package; in the frozen
(PyInstaller) build they are unpacked next to the executable under `resources/`.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """Return the folder that holds the bundled resources."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of one bundled resource, e.g. ``resource_path("passports")``."""
    return resources_dir().joinpath(*parts)
