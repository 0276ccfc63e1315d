"""`dost-desk db`: upgrade the database schema, show its revision."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from dost_desk.cli.common import CliError

_URL_HELP = "database URL (default: the configured database), e.g. "
_URL_HELP += "postgresql+psycopg://user@host:5432/dost or sqlite:///path/dost_desk.sqlite3"


def register(subparsers: Any) -> None:
    """Add the ``db`` command group."""
    parser = subparsers.add_parser(
        "db", help="database schema: upgrade, current revision, backup, restore"
    )
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION")
    parser.set_defaults(handler=_help_handler(parser))

    upgrade = actions.add_parser(
        "upgrade", help="bring the database to this version's schema (creates it if empty)"
    )
    upgrade.add_argument("--url", help=_URL_HELP)
    upgrade.set_defaults(handler=upgrade_db)

    current = actions.add_parser("current", help="show the database's schema revision")
    current.add_argument("--url", help=_URL_HELP)
    current.set_defaults(handler=show_current)

    # `db backup|restore` are the same commands as `backup create|restore`.
    from dost_desk.cli.backup_cmd import add_create_parser, add_restore_parser

    add_create_parser(actions, "backup")
    add_restore_parser(actions, "restore")


def _help_handler(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        parser.print_help()
        return 0

    return handler


@contextmanager
def _one_line_errors() -> Iterator[None]:
    """Expected failures (config, connection, schema) become a one-line CliError."""
    from sqlalchemy.exc import SQLAlchemyError

    from dost_desk.config import ConfigError
    from dost_desk.storage.engine import StorageError

    try:
        yield
    except (ConfigError, StorageError) as error:
        raise CliError(str(error)) from None
    except SQLAlchemyError as error:
        first = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise CliError(f"database error: {first}") from None


def upgrade_db(args: argparse.Namespace) -> int:
    from dost_desk.services.database import upgrade_database

    with _one_line_errors():
        result = upgrade_database(args.url)
    note = "" if result.changed else " (already up to date)"
    print(
        f"database at {result.url_masked} upgraded: "
        f"{result.from_revision or 'empty'} → {result.to_revision}{note}"
    )
    return 0


def show_current(args: argparse.Namespace) -> int:
    from dost_desk.services.database import get_database_revision

    with _one_line_errors():
        info = get_database_revision(args.url)
    if info.current is None:
        state = "empty database; run 'dost-desk db upgrade'"
    elif not info.current_is_known:
        state = f"newer than this version of DOST Desk, whose newest is {info.head}"
    elif info.up_to_date:
        state = "up to date"
    else:
        state = f"this version's newest is {info.head}; run 'dost-desk db upgrade'"
    print(f"database at {info.url_masked}: revision {info.current or 'none'} ({state})")
    return 0
