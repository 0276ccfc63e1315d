"""A desk without a centre code asks for it at first start (never numbers as C000), and a
configuration the app cannot use (a relative data_dir) is said in a dialog."""

from __future__ import annotations

import tomllib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from dost_desk.ui.first_start_dialog import FirstStartDialog, ask_centre_then


def _window(qtbot, translated):
    from dost_desk.ui.main_window import MainWindow

    translated("az")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _dialog(window) -> FirstStartDialog:
    dialog = window.findChild(FirstStartDialog, "firstStartDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_first_start_asks_for_the_centre_then_the_app_works(
    qtbot, workspace_env, translated, monkeypatch
):
    from dost_desk.services.intake import start_application
    from dost_desk.ui.app import load_workspace_into

    monkeypatch.delenv("DOST_DESK_CENTRE_CODE")
    window = _window(qtbot, translated)
    loaded = []
    ask_centre_then(window, lambda: load_workspace_into(window, loaded.append))
    dialog = _dialog(window)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and loaded == []

    qtbot.keyClicks(dialog.code, "x")  # not a letter A-E: the field refuses it
    assert dialog.code.text() == ""
    qtbot.keyClicks(dialog.code, "b")
    assert dialog.code.text() == "B" and not ok.isEnabled()
    assert dialog.code_problem.text() == "Hərf A–E və 1–4 rəqəm, məsələn C123"
    qtbot.keyClicks(dialog.code, "12")
    assert dialog.code.text() == "B12" and ok.isEnabled() and dialog.code_problem.text() == ""
    dialog.category.setCurrentIndex(dialog.category.findData("A"))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    config = tomllib.loads((workspace_env / "config.toml").read_text(encoding="utf-8"))
    assert config == {"centre_code": "B12", "centre_category": "A"}
    qtbot.waitUntil(lambda: bool(loaded), timeout=30_000)
    info = loaded[0]
    assert info.centre_code == "B12" and info.desk is not None
    app = start_application(info.desk, "01-08-02-00", {"action": "issue"}, "in_person", "in_person")
    assert app.centre_code == "B12"
    assert window.centre_label.text() == "Mərkəz B12 (A kateqoriyası)"


def test_a_configured_desk_is_not_asked(qtbot, workspace_env, translated):
    window = _window(qtbot, translated)
    proceeded = []
    ask_centre_then(window, lambda: proceeded.append(True))
    assert proceeded == [True]
    assert window.findChild(FirstStartDialog) is None


def test_cancelling_the_first_start_closes_the_window(
    qtbot, workspace_env, translated, monkeypatch
):
    monkeypatch.delenv("DOST_DESK_CENTRE_CODE")
    window = _window(qtbot, translated)
    proceeded = []
    ask_centre_then(window, lambda: proceeded.append(True))
    dialog = _dialog(window)
    dialog.reject()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    assert proceeded == [] and not (workspace_env / "config.toml").exists()


def test_a_relative_data_dir_is_said_in_a_dialog(qtbot, workspace_env, translated, monkeypatch):
    from dost_desk.ui.app import load_workspace_into

    monkeypatch.setenv("DOST_DESK_DATA_DIR", "data")
    window = _window(qtbot, translated)
    loaded = []
    window._job = load_workspace_into(window, loaded.append)
    qtbot.waitUntil(lambda: bool(loaded), timeout=30_000)
    box = window.findChild(QMessageBox, "loadErrorBox")
    assert box is not None and box.isVisible()
    assert "environment variable DOST_DESK_DATA_DIR: data_dir: must be an absolute" in box.text()
