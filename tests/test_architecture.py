"""Imports point one way: only dost_desk/ui may import Qt."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "dost_desk"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_nothing_outside_ui_imports_pyside6():
    offenders = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and any(name.split(".")[0] in ("PySide6", "shiboken6") for name in _imported_modules(path))
    )
    assert offenders == []


def test_the_checker_sees_qt_imports_in_the_ui():
    assert "PySide6.QtWidgets" in _imported_modules(PACKAGE / "ui" / "main_window.py")
