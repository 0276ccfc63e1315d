"""Every string a window shows goes through tr() and has an Azerbaijani translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMenu, QWidget

ROOT = Path(__file__).resolve().parents[2]
BRAND = {"DOST Desk"}  # the product's name is not translated


def visible_chrome(window) -> dict[str, str]:
    """The window's own strings (not the passport data), keyed by where they are."""
    strings = {"title": window.windowTitle()}
    strings["tree header"] = window.tree_model.headerData(0, Qt.Orientation.Horizontal)
    for widget in window.findChildren(QWidget):
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel) and widget.text():
            strings[f"label {name}"] = widget.text()
        if isinstance(widget, QAbstractButton) and widget.text():
            strings[f"button {name}"] = widget.text()
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            strings[f"placeholder {name}"] = widget.placeholderText()
        if widget.toolTip():
            strings[f"tooltip {name}"] = widget.toolTip()
    for menu in window.menuBar().findChildren(QMenu):
        strings[f"menu {menu.title()}"] = menu.title()
        for action in menu.actions():
            strings[f"action {action.text()}"] = action.text()
    return {key: value for key, value in strings.items() if value}


def test_every_visible_string_differs_between_azerbaijani_and_english(open_window, qtbot):
    english = visible_chrome(open_window("en"))
    azerbaijani = visible_chrome(open_window("az"))
    assert len(azerbaijani) >= 12
    untranslated = sorted(
        f"{where}: {text!r}"
        for where, text in azerbaijani.items()
        if text in english.values() and text not in BRAND
    )
    assert untranslated == []


def test_the_az_translation_file_has_no_unfinished_message(tmp_path):
    """Re-scan the sources with lupdate: a new tr() string without a translation fails here."""
    ts = tmp_path / "dost_desk_az.ts"
    shutil.copy(ROOT / "resources" / "i18n" / "dost_desk_az.ts", ts)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT / "dost_desk" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(ts)], check=True, timeout=120)
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from translations import unfinished
    finally:
        sys.path.pop(0)
    assert unfinished(ts) == []
