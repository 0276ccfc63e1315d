"""The `dost-desk` command: the GUI by default, sub-commands for admin and scripted work.

Each sub-command group lives in its own module with a ``register(subparsers)`` function.
Heavy libraries are imported inside the handlers so ``--help`` and the GUI start fast.
A handler returns an exit code; a :class:`CliError` becomes one line on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from dost_desk import __version__
from dost_desk.cli.common import CliError

if TYPE_CHECKING:
    import argparse

_GROUPS = (
    "config_cmd",
    "db_cmd",
    "catalog_cmd",
    "app_cmd",
    "calendar_cmd",
    "demo_cmd",
    "backup_cmd",
    "selfcheck_cmd",
    "checks_cmd",
    "orders_cmd",
    "notices_cmd",
    "print_cmd",
    "sync_cmd",
    "reference_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every sub-command registered."""
    import argparse
    import importlib

    class OneLineParser(argparse.ArgumentParser):
        """Usage errors as one line on stderr, exit code 2 (sub-commands inherit it)."""

        def error(self, message: str) -> NoReturn:
            message = " ".join(message.split())
            self.exit(2, f"dost-desk: error: {message} (see {self.prog} --help)\n")

    parser = OneLineParser(
        prog="dost-desk",
        description="DOST Desk: service passports, intake and printing for DOST centres. "
        "Without a sub-command the desktop application opens.",
    )
    parser.add_argument("--version", action="version", version=f"dost-desk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = subparsers.add_parser("gui", help="open the desktop application (the default)")
    gui.set_defaults(handler=_run_gui)
    for name in _GROUPS:
        module = importlib.import_module(f"dost_desk.cli.{name}")
        module.register(subparsers)
    return parser


def _run_gui(args: argparse.Namespace | None = None) -> int:
    from dost_desk.ui.app import run_gui

    return run_gui()


def _utf8_streams() -> None:
    """Write UTF-8 even to a Windows pipe (cp1252 cannot encode ə); None in a windowed build."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if stream is not None and encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        return _run_gui()  # the GUI needs neither argparse nor the sub-commands
    _utf8_streams()
    for position, argument in enumerate(argv, start=1):
        # Bytes that are not UTF-8 arrive as lone surrogates: no database or file takes them.
        if any("\ud800" <= char <= "\udfff" for char in argument):
            print(
                f"dost-desk: error: argument {position} is not UTF-8 text "
                f"({argument!a}): give arguments in UTF-8",
                file=sys.stderr,
            )
            return 2
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    try:
        return int(handler(args) or 0)
    except CliError as error:
        print(f"dost-desk: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("dost-desk: interrupted", file=sys.stderr)
        return 130
