"""`dost-desk logs [--tail N]`: where the log file is, and optionally its last lines."""

from __future__ import annotations

import argparse
from collections import deque
from typing import Any

from dost_desk.cli.common import CliError

MAX_TAIL = 100_000


def _line_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of lines: {value!r}") from None
    if not 0 <= count <= MAX_TAIL:
        raise argparse.ArgumentTypeError(f"the number of lines is 0 to {MAX_TAIL}")
    return count


def register(subparsers: Any) -> None:
    """Add the ``logs`` command."""
    parser = subparsers.add_parser(
        "logs",
        help="print where the log file is (--tail N: also its last N lines)",
        description="Print the path of the log file in the data folder. The log holds "
        "errors and their tracebacks, without personal data beyond registration numbers.",
    )
    parser.add_argument(
        "--tail", type=_line_count, metavar="N", help="also print the last N lines of the log"
    )
    parser.set_defaults(handler=show_logs)


def show_logs(args: argparse.Namespace) -> int:
    from dost_desk import logs

    setup = logs.current_setup()
    path = setup.path if setup is not None else logs.log_file_path()
    print(path)
    if args.tail:
        try:
            with path.open(encoding="utf-8", errors="replace") as file:
                lines = deque(file, maxlen=args.tail)
        except FileNotFoundError:
            raise CliError(f"no log file yet at {path}") from None
        except OSError as error:
            raise CliError(f"cannot read {path}: {error.strerror or error}") from None
        print("".join(lines), end="")
    return 0
