"""GUI fixtures: a real main window on a temporary SQLite database, headless."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def workspace_env(tmp_path, monkeypatch):
    """Point the app at a config file that does not exist and a data dir in tmp_path."""
    monkeypatch.setenv("DOST_DESK_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("DOST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DOST_DESK_DATABASE_URL", raising=False)
    monkeypatch.delenv("DOST_DESK_LANGUAGE", raising=False)
    monkeypatch.delenv("DOST_DESK_CENTRE_CATEGORY", raising=False)
    return tmp_path


@pytest.fixture
def translated(qapp):
    """Install a translator for a language for the duration of a test."""
    from dost_desk.ui.i18n import install_translator

    installed = []

    def install(language: str):
        translator = install_translator(qapp, language)
        if translator is not None:
            installed.append(translator)
        return translator

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture
def open_window(qtbot, workspace_env, translated):
    """Build a main window in a language, load the workspace, wait until it is shown."""
    from dost_desk.ui.app import load_workspace_into
    from dost_desk.ui.main_window import MainWindow

    windows = []

    def build(language: str = "az"):
        translated(language)
        window = MainWindow()
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        loaded = []
        window._job = load_workspace_into(window, loaded.append)
        qtbot.waitUntil(lambda: bool(loaded), timeout=30_000)
        assert loaded[0] is not None, "the workspace failed to load"
        return window

    yield build
    # Work still running in the background (a document being rendered) ends in this test,
    # and the windows are destroyed here, on the GUI thread: left to Python's cycle
    # collector they could be collected on a worker thread, which Qt does not survive.
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    QThreadPool.globalInstance().waitForDone(30_000)
    for window in windows:
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    windows.clear()
    gc.collect()


@pytest.fixture
def save_screenshot():
    ARTIFACTS.mkdir(exist_ok=True)

    def save(widget, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        assert widget.grab().save(str(path)), f"could not save {path}"
        return path

    return save
