"""`dost-desk backup create|restore|list`: copies of the local SQLite database for admins.

``create`` snapshots the database (while the app may be running) into ``<data_dir>/backups``,
keeping the newest ten, or into ``--out FILE``. ``restore FILE`` puts a backup back after
checking it (close DOST Desk first); the replaced database is saved to the backups folder.
PostgreSQL databases are backed up on the server with ``pg_dump``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dost_desk.cli.common import URL_HELP, CliError, jsonable, print_json


def register(subparsers: Any) -> None:
    """Add the ``backup`` command group."""
    parser = subparsers.add_parser(
        "backup",
        help="back up and restore the local SQLite database",
        description="Back up and restore the local SQLite database. Backups go to "
        "<data_dir>/backups (the newest ten are kept).",
    )
    actions = parser.add_subparsers(dest="backup_action", metavar="ACTION")
    parser.set_defaults(handler=lambda args: _print_help(parser))
    add_create_parser(actions, "create")
    add_restore_parser(actions, "restore")
    listing = actions.add_parser("list", help="list the backups, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")
    listing.set_defaults(handler=list_backup_files)


def add_create_parser(actions: Any, name: str) -> argparse.ArgumentParser:
    """Add the backup action as ``name`` (also usable as ``db backup`` by the db group)."""
    create = actions.add_parser(name, help="back the database up now")
    create.add_argument("--url", help=URL_HELP)
    create.add_argument("--out", type=Path, metavar="FILE", help="write the backup to FILE")
    create.add_argument("--json", action="store_true", help="print JSON instead of text")
    create.set_defaults(handler=create_backup)
    return create


def add_restore_parser(actions: Any, name: str) -> argparse.ArgumentParser:
    """Add the restore action as ``name`` (also usable as ``db restore`` by the db group)."""
    restore = actions.add_parser(
        name, help="replace the database by a backup (close DOST Desk first)"
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")
    restore.add_argument("--url", help=URL_HELP)
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=restore_backup)
    return restore


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


@contextmanager
def _one_line_errors() -> Iterator[None]:
    from dost_desk.config import ConfigError
    from dost_desk.storage.engine import StorageError

    try:
        yield
    except (ConfigError, StorageError) as error:
        raise CliError(str(error)) from None


def create_backup(args: argparse.Namespace) -> int:
    from dost_desk.services.backups import backup_database

    with _one_line_errors():
        result = backup_database(args.url, out=args.out)
    if args.json:
        print_json(
            {
                "database": result.url_masked,
                "backup": str(result.path),
                "revision": result.revision,
                "removed_old": [str(path) for path in result.removed_old],
            }
        )
        return 0
    print(
        f"database at {result.url_masked} (revision {result.revision or 'none'}) "
        f"backed up to {result.path}"
    )
    for path in result.removed_old:
        print(f"removed the old backup {path}")
    return 0


def restore_backup(args: argparse.Namespace) -> int:
    from dost_desk.config import effective_database_url, load_settings
    from dost_desk.services.backups import restore_database
    from dost_desk.url_secrets import masked_database_url

    with _one_line_errors():
        where = masked_database_url(args.url or effective_database_url(load_settings()))
        if not args.yes:
            _confirm(f"Replace the database at {where} by {args.file}? [y/N] ")
        result = restore_database(args.file, args.url)
    if result.previous_saved_as is not None:
        print(f"the replaced database was saved to {result.previous_saved_as}")
    print(
        f"database at {result.url_masked} restored from {result.restored_from} "
        f"(revision {result.revision or 'none'})"
    )
    return 0


def _confirm(question: str) -> None:
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError("restoring replaces the database; add --yes to confirm")
    answer = input(question).strip().lower()
    if answer not in ("y", "yes"):
        raise CliError("nothing restored")


def list_backup_files(args: argparse.Namespace) -> int:
    from dost_desk.services.backups import default_backups_dir, list_backups

    with _one_line_errors():
        folder = default_backups_dir()
        backups = list_backups(folder)
    if args.json:
        print_json(
            jsonable(
                {
                    "folder": str(folder),
                    "backups": [
                        {
                            "path": str(item.path),
                            "revision": item.revision,
                            "created": item.created,
                            "size": item.size,
                        }
                        for item in backups
                    ],
                }
            )
        )
        return 0
    if not backups:
        print(f"no backups in {folder}")
        return 0
    for item in backups:
        created = item.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        revision = item.revision or "unreadable"
        print(f"{created}  {revision:<10} {item.size:>12,} B  {item.path}")
    return 0
