"""Qt translations: `resources/i18n/dost_desk_<lang>.ts`, compiled to `.qm` with lrelease.

The source strings are English; Azerbaijani is the default UI language. A source checkout
compiles missing or stale `.qm` files on first use (the frozen build ships them compiled).
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from dost_desk.paths import config_file_path
from dost_desk.resources import resource_path

LANGUAGES = ("az", "en")
DEFAULT_LANGUAGE = "az"


def configured_language() -> str:
    """The UI language from ``DOST_DESK_LANGUAGE`` or the config file, without pydantic.

    Read this cheaply because it is needed before the first window; the full settings
    (and their validation messages) load after the window is on screen.
    """
    language = os.environ.get("DOST_DESK_LANGUAGE", "").strip().lower()
    if not language:
        try:
            with config_file_path().open("rb") as file:
                language = str(tomllib.load(file).get("language", "")).strip().lower()
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            language = ""  # the full settings load reports a broken file to the user
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def _lrelease() -> Path | None:
    import PySide6

    base = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
        candidate = base / name
        if candidate.exists():
            return candidate
    return None


def compile_translations(folder: Path | None = None) -> list[Path]:
    """Compile every `.ts` in ``folder`` whose `.qm` is missing or older; return the `.qm` files."""
    import subprocess

    folder = folder or resource_path("i18n")
    compiled = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            tool = _lrelease()
            if tool is None:
                print(f"dost-desk: lrelease not found; {ts.name} not compiled", file=sys.stderr)
                continue
            subprocess.run(
                [str(tool), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True
            )
        compiled.append(qm)
    return compiled


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the translator for ``language`` (None for English, the source language)."""
    if language == "en":
        return None
    qm = resource_path("i18n", f"dost_desk_{language}.qm")
    ts = qm.with_suffix(".ts")
    if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
        import subprocess

        try:
            compile_translations(qm.parent)
        except (OSError, subprocess.CalledProcessError) as error:
            print(f"dost-desk: cannot compile {ts.name}: {error}", file=sys.stderr)
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        print(f"dost-desk: translation {qm.name} not found; showing English", file=sys.stderr)
        return None
    app.installTranslator(translator)
    return translator
