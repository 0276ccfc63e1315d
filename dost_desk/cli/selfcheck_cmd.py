"""`dost-desk self-check [--smoke] [--json] [--report FILE]`: prove this installation works.

Runs the steps of :mod:`dost_desk.services.self_check`, then opens the main window and closes
it. Prints one line per step (``ok`` or ``FAILED``) and exits 0, or exits 1 with a last
line on stderr naming the failed steps.

``--smoke`` is what the frozen build's smoke test runs (``dost-desk self-check --smoke``):
without a display (Linux CI) the window opens on Qt's offscreen platform. ``--report FILE``
also writes the lines to a file, for the windowed ``dost-desk.exe`` whose output goes nowhere
on Windows (the console twin ``dost-desk-cli.exe`` prints them).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dost_desk.cli.common import CliError, print_json

if TYPE_CHECKING:
    from dost_desk.services.self_check import StepResult


def register(subparsers: Any) -> None:
    """Add the ``self-check`` command."""
    parser = subparsers.add_parser(
        "self-check",
        help="check resources, passports, database, printing and the window",
        description="Check that this installation works: bundled resources, passports, "
        "a temporary database migrated to the newest schema, a receipt PDF with embedded "
        "fonts, and the main window. Exit 0 when all pass.",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="the frozen build's smoke test: without a display the window opens offscreen",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--report", type=Path, metavar="FILE", help="also write the result here")
    parser.set_defaults(handler=self_check)


def has_display() -> bool:
    """Whether a GUI can be shown: always on Windows and macOS, else DISPLAY or WAYLAND_DISPLAY."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _compile_translations_in_checkout() -> None:
    """A source checkout compiles a missing ``.qm``; the frozen build must ship it."""
    from dost_desk.services.self_check import is_frozen

    if is_frozen():
        return
    import subprocess

    from dost_desk.ui.i18n import compile_translations

    try:
        compile_translations()
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"dost-desk: cannot compile the translations: {error}", file=sys.stderr)


def open_main_window() -> str:
    """Open the main window in Azerbaijani, let it paint, close it."""
    from dost_desk.services.self_check import SelfCheckFailure
    from dost_desk.ui.app import create_application
    from dost_desk.ui.i18n import install_translator
    from dost_desk.ui.main_window import MainWindow

    app = create_application([sys.argv[0] if sys.argv else "dost-desk"])
    translator = install_translator(app, "az")
    try:
        if translator is None:
            raise SelfCheckFailure("the Azerbaijani translation (dost_desk_az.qm) did not load")
        window = MainWindow()
        window.show()
        app.processEvents()
        shown = window.isVisible()
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        if translator is not None:
            app.removeTranslator(translator)
    if not shown:
        raise SelfCheckFailure(f"the main window did not show ({app.platformName()} platform)")
    return f"main window opened and closed ({app.platformName()} platform)"


def _line(result: StepResult) -> str:
    return f"{'ok' if result.ok else 'FAILED':<7}{result.name}: {result.detail}"


def self_check(args: argparse.Namespace) -> int:
    if args.smoke and not has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from dost_desk.services.self_check import run_self_check

    _compile_translations_in_checkout()
    live = None if args.json else (lambda result: print(_line(result), flush=True))
    report = run_self_check(extra_steps=[("main-window", open_main_window)], on_result=live)
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "steps": [
                    {"name": step.name, "ok": step.ok, "detail": step.detail}
                    for step in report.steps
                ],
            }
        )
    if args.report is not None:
        text = "".join(_line(step) + "\n" for step in report.steps)
        text += "self-check passed\n" if report.ok else "self-check failed\n"
        try:
            args.report.write_text(text, encoding="utf-8")
        except OSError as error:
            raise CliError(f"cannot write {args.report}: {error.strerror or error}") from None
    if not report.ok:
        failed = "; ".join(f"{step.name}: {step.detail}" for step in report.failed)
        raise CliError(f"self-check failed: {failed}")
    return 0
