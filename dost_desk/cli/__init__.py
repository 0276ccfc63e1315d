"""The `dost-desk` command: the GUI by default, sub-commands for admin and scripted work.

Each sub-command group lives in its own module with a ``register(subparsers)`` function.
Heavy libraries are imported inside the handlers so ``--help`` and the GUI start fast.
A handler returns an exit code; a :class:`CliError` becomes one line on stderr.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from dost_desk import __version__
from dost_desk.cli.common import CliError

if TYPE_CHECKING:
    import argparse

    from dost_desk.logs import LogSetup

_reported_problem: list[LogSetup] = []  # a log folder problem is said once per process

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
    "logs_cmd",
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


def _start_logging(command: str) -> None:
    """Open the log file once per process (a folder that cannot be written: one line on
    stderr, the command still runs) and log uncaught exceptions."""
    from dost_desk import logs

    first = logs.current_setup() is None
    setup = logs.setup_logging()
    if first:
        logs.install_exception_hooks()
    if setup.problem and sys.stderr is not None and setup not in _reported_problem:
        _reported_problem.append(setup)
        print(
            f"dost-desk: cannot write the log file {setup.path}: {setup.problem} "
            "(continuing without a log)",
            file=sys.stderr,
        )
    # Only the command's name: its arguments can hold a FİN or a name.
    logging.getLogger("dost_desk.cli").info("dost-desk %s: %s", __version__, command[:40])


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code. Called without ``argv`` (the
    process's entry point) it also opens the log file and installs the exception hooks."""
    process = argv is None  # the process's entry point, not a call with arguments (tests)
    if process:
        from dost_desk.storage.files import use_private_umask

        use_private_umask()  # everything it writes (log, database, PDFs) is 0600
    argv = list(sys.argv[1:] if argv is None else argv)
    if process:
        _start_logging(argv[0] if argv else "gui")
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
        logging.getLogger("dost_desk.cli").warning("%s failed: %s", argv[0], error)
        return error.exit_code
    except KeyboardInterrupt:
        print("dost-desk: interrupted", file=sys.stderr)
        return 130
